"""Session 12 review faults (docs/check-review.md, "Session 12"), read through the web app as its reader reads it:
a trial that found a treatment no better than standard care does not "read against" a claim that it helps; a title's
"effects of X on Y" tests X, not Y; a claim's own people ("people with cancer") hold its match; "This may ..." carries
the treatment of the claim it goes on from; "is proven to work for" states an effect; the reasons read as sentences.
Invented studies and pages, appraised as any import is, served by the app over real HTTP."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from conftest import csrf
from physiohub.check.claims import Claim
from physiohub.check.overstate import overstatement
from physiohub.check.strength import claim_strength
from physiohub.check.tested import _arms_of_title
from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, Record

# Each study: its title and its abstract's labelled sections.
MANIPULATION_VS_CARE = (
    "A comparison of spinal manipulation with standard care for patients with neck pain",
    [("BACKGROUND", "Spinal manipulation is widely used for neck pain, but how it compares with standard medical care "
                    "is unclear."),
     ("METHODS", "We randomly assigned 180 patients with subacute neck pain to spinal manipulation or to standard "
                 "medical care (analgesics, advice and physiotherapy) for 12 weeks. The primary outcome was pain on a "
                 "100 mm scale."),
     ("RESULTS", "Both groups improved over 12 weeks. There was no significant difference between the groups in pain "
                 "(mean difference 2 mm, 95% CI -4 to 8) or in disability."),
     ("CONCLUSIONS", "Spinal manipulation and standard medical care had similar clinical results in patients with "
                     "subacute neck pain.")])
MANIPULATION_VS_SHAM = (
    "Spinal manipulation versus sham manipulation for patients with back pain: a randomised trial",
    [("BACKGROUND", "Whether spinal manipulation relieves back pain beyond a placebo effect is unclear."),
     ("METHODS", "We randomly assigned 200 patients with chronic back pain to spinal manipulation or to sham "
                 "manipulation for 8 weeks. The primary outcome was pain on a 100 mm scale."),
     ("RESULTS", "There was no significant difference between the groups in pain (mean difference 1 mm, 95% CI -5 to "
                 "7) or in disability."),
     ("CONCLUSIONS", "Spinal manipulation did not reduce back pain more than sham manipulation.")])
EXERCISE_ON_WALKING = (
    "No effects of strengthening exercise therapy on walking biomechanics in patients with hip osteoarthritis: a "
    "randomised trial",
    [("BACKGROUND", "Strengthening exercise is advised for hip osteoarthritis."),
     ("METHODS", "We randomly assigned 90 patients with hip osteoarthritis to 12 weeks of supervised strengthening "
                 "exercise therapy or to no attention. Outcomes were gait biomechanics during walking and hip pain."),
     ("RESULTS", "There were no group differences in gait variables or in hip pain."),
     ("CONCLUSIONS", "A 12-week strengthening exercise programme had no effects on walking biomechanics or pain.")])
MASSAGE_HEADACHE = (
    "Massage therapy and the frequency of chronic tension headaches: a randomised trial",
    [("METHODS", "We randomly assigned 120 adults with chronic tension headache to six weeks of massage therapy or to "
                 "a waiting list."),
     ("RESULTS", "Headache frequency fell from 7 to 4 a week with massage and did not change on the waiting list "
                 "(p < 0.001); pain intensity fell too."),
     ("CONCLUSIONS", "Massage therapy reduced pain and the number of tension headaches.")])
FALLS_EXERCISE = (
    "A home exercise programme to prevent falls in older adults: a randomised trial",
    [("METHODS", "We randomly assigned 150 adults aged 70 or more to a 16-week home exercise programme or to a "
                 "control group."),
     ("RESULTS", "Physiological fall risk fell more in the exercise group than in the control group (p = 0.03)."),
     ("CONCLUSIONS", "The home exercise programme reduced physiological fall risk in older adults.")])
STUDIES = [MANIPULATION_VS_CARE, MANIPULATION_VS_SHAM, EXERCISE_ON_WALKING, MASSAGE_HEADACHE, FALLS_EXERCISE]


@pytest.fixture
def hub(tmp_path):
    from physiohub.demo import publish_drafts
    from physiohub.store import Store
    from physiohub.workflow import refresh

    path = tmp_path / "hub.db"
    store = Store(path)
    records = [Record(source_format="test", source_id=f"s{i}", year=2015, title=title,
                      abstract_sections=[AbstractSection(text=text, label=label, category=label)
                                         for label, text in sections])
               for i, (title, sections) in enumerate(STUDIES)]
    import_records(store, records, file="invented")
    refresh(store)              # appraised and drafted as any import is
    publish_drafts(store)       # the public page reads published cards only
    store.close()
    return path


@pytest.fixture
def web(hub):
    from starlette.testclient import TestClient

    from physiohub.web import create_app

    with TestClient(create_app(str(hub))) as c:
        yield c


def _both(web, text: str) -> tuple[dict, list[str]]:
    """The JSON of POST /api/check and the claim blocks of the page POST /check shows, for one article."""
    api = web.post("/api/check", json={"text": text}).json()
    token = csrf(web.get("/check").text)
    page = htmllib.unescape(web.post("/check", data={"text": text, "csrf_token": token}).text)
    return api, re.findall(r'<article class="claim">(.*?)</article>', page, re.S)


def _claim(api: dict, blocks: list[str], start: str) -> tuple[dict, str]:
    n = next(i for i, c in enumerate(api["claims"]) if c["text"].startswith(start))
    return api["claims"][n], blocks[n]


# -- 1. "no clear difference" against standard care is not "reads against" --------------------------------------

def test_no_better_than_standard_care_does_not_read_against_a_claim_that_it_helps(web):
    text = ("Spinal manipulation for neck pain\n\n"
            "Research suggests that spinal manipulation can help people with neck pain.\n")
    api, blocks = _both(web, text)
    c, block = _claim(api, blocks, "Research suggests that spinal manipulation")
    assert c["matches"] and c["matches"][0]["title"].startswith("A comparison of spinal manipulation")
    assert c["stance"] is None
    assert ("it compared manipulation with standard medical care and found no clear difference, which says manipulation "
            "was no better than standard medical care, not whether either helps") in c["stance_reason"]
    assert "does not test this claim" in c["matches"][0]["facts"]
    # the page says what the JSON says, and neither "reads against the claim"
    assert "The hub cannot tell." in block and c["stance_reason"] in block
    assert "reads against" not in block


def test_no_difference_from_a_sham_still_reads_against_a_claim_that_it_helps(web):
    api, blocks = _both(web, "Manipulation for back pain\n\nResearch suggests that spinal manipulation can help people "
                             "with chronic back pain.\n")
    c, block = _claim(api, blocks, "Research suggests that spinal manipulation")
    assert c["matches"][0]["title"].startswith("Spinal manipulation versus sham")
    assert c["stance"] == "contradicts"
    assert "No, it reads against the claim." in block and "found no clear difference" in block


def test_a_claim_that_it_is_no_better_than_standard_care_is_backed_by_that_trial(store):
    from physiohub.check.backing import stance_of
    from physiohub.workflow import refresh

    title, sections = MANIPULATION_VS_CARE
    ids = import_records(store, [Record(source_format="test", source_id="care", year=2015, title=title,
                                       abstract_sections=[AbstractSection(text=t, label=lb, category=lb)
                                                          for lb, t in sections])], file="invented").study_ids
    refresh(store)
    claim = Claim(text="A trial found spinal manipulation was no better than standard care for neck pain.", cue="trial found",
                  direction="no difference")
    match = {"id": ids[0], "title": title, "verdict": "No clear difference"}
    label, reason, _ = stance_of(store, claim, [match], lambda about: [])
    assert label == "supports", reason


# -- 2. a title's "effects of X on Y" tests X ----------------------------------------------------------------

@pytest.mark.parametrize("title, tested, other", [
    ("No effects of strengthening exercise therapy on walking biomechanics in patients with hip osteoarthritis",
     "strengthening exercise therapy", ""),
    ("The effect of aquatic exercise on balance in older women", "aquatic exercise", ""),
    ("A comparison of osteopathic spinal manipulation with standard care for patients with low back pain",
     "osteopathic spinal manipulation", "standard care for patients with low back pain"),
    # the title forms that worked before still do
    ("Exercise versus rest for acute low back pain", "Exercise", "rest for acute low back pain"),
])
def test_what_a_title_says_was_tested(title, tested, other):
    assert _arms_of_title(title) == (tested, other)


def test_a_treatment_word_in_what_was_measured_is_not_what_was_tested(web):
    api, blocks = _both(web, "Walking and hips\n\nWalking can reduce pain in people with hip osteoarthritis, a study found.\n")
    c, block = _claim(api, blocks, "Walking can reduce pain")
    assert c["matches"] and c["matches"][0]["title"].startswith("No effects of strengthening exercise")
    assert c["stance"] is None and c["stance_reason"].endswith("it does not test walking.")
    assert "reads against" not in block and "it does not test walking." in block


# -- 3. the claim's own people hold its match --------------------------------------------------------------

def test_a_claim_about_its_own_people_is_held_to_them_not_to_the_claim_before(web):
    text = ("Massage therapy: what the research says\n\n"
            "Massage can help ease chronic low back pain, a review found. Massage therapy may lessen pain and tension "
            "headaches in people with cancer, studies show.\n")
    api, blocks = _both(web, text)
    c, block = _claim(api, blocks, "Massage therapy may lessen pain")
    assert c["matches"] and c["matches"][0]["title"].startswith("Massage therapy and the frequency")
    assert c["stance"] is None
    assert c["stance_reason"].endswith("it does not study people with cancer, whom the claim speaks of.")
    assert "low back pain" not in c["stance_reason"] and "back pain" not in (c["pubmed_query"] or "")
    assert c["stance_reason"] in block


# -- 4. "This may ..." goes on with the treatment of the claim before -------------------------------------------

def test_a_sentence_that_goes_on_from_a_claim_is_held_to_its_treatment(store):
    from physiohub.check.backing import stance_of
    from physiohub.workflow import refresh

    title, sections = FALLS_EXERCISE
    ids = import_records(store, [Record(source_format="test", source_id="falls", year=2015, title=title,
                                       abstract_sections=[AbstractSection(text=t, label=lb, category=lb)
                                                          for lb, t in sections])], file="invented").study_ids
    refresh(store)
    claim = Claim(text="\"This may be a way to reduce falls in older adults.\"", cue="quote", direction="decreases",
                  continues=0)
    match = {"id": ids[0], "title": title, "verdict": "Supports"}
    label, reason, _ = stance_of(store, claim, [dict(match)], lambda about: [], carried_treatment="massage")
    assert label is None and reason.endswith("it does not test massage.")
    # read alone, the sentence names no treatment: what held it to massage was the claim it goes on from
    _, reason, _ = stance_of(store, claim, [dict(match)], lambda about: [])
    assert "massage" not in reason


def test_reads_against_is_not_given_over_a_quote_that_reports_the_claimed_benefit(store):
    from physiohub.check.backing import stance_of
    from physiohub.workflow import refresh

    title, sections = FALLS_EXERCISE
    ids = import_records(store, [Record(source_format="test", source_id="falls", year=2015, title=title,
                                       abstract_sections=[AbstractSection(text=t, label=lb, category=lb)
                                                          for lb, t in sections])], file="invented").study_ids
    refresh(store)
    # (the stance model reads this sentence against "The home exercise programme reduced physiological fall risk")
    claim = Claim(text="This may reduce the risk of falls in older adults.", cue="quote", direction="decreases")
    label, reason, _ = stance_of(store, claim, [{"id": ids[0], "title": title, "verdict": "Supports"}], lambda about: [])
    assert label != "contradicts", reason
    # (since session 14 a study that tests a treatment the claim does not name, here "This ..." with no treatment
    # carried, is not read at all; either way no stance is given over a quote that reports the benefit)
    assert label is None
    assert reason.endswith('it reports a benefit ("The home exercise programme reduced physiological fall risk in older '
                           'adults.") that the hub cannot match to the effect the claim names.') or reason.endswith(
        "it tests 16-week home exercise programme, which the claim does not speak of.")


def test_the_treatment_carried_is_the_one_of_the_claim_it_goes_on_from():
    from physiohub.check.checker import _carried_treatment

    first = Claim(text="A study found that regular massage improved balance in older adults.", cue="study found")
    goes_on = Claim(text="\"This may be a way to reduce falls in older adults.\"", cue="quote", continues=0)
    names_its_own = Claim(text="Exercise may also reduce falls.", cue="quote", continues=0)
    assert _carried_treatment(goes_on, [first, goes_on]) == "massage"
    assert _carried_treatment(names_its_own, [first, names_its_own]) is None
    assert _carried_treatment(Claim(text="This may reduce falls.", cue="x"), [first]) is None   # continues nothing


# -- 5. "is proven to work for" states an effect ------------------------------------------------------------

@pytest.mark.parametrize("sentence, strength", [
    ("Massage therapy is proven to work for neck pain.", "direct causal"),
    ("Chiropractic care is proven to be very successful in treating chronic low back pain.", "direct causal"),
    # (the dev pages' sentences the classifier read as stating no relationship)
    ("Often, chiropractic care does better than other kinds of management for chronic low back pain, including "
     "prescription nonsteroidal anti-inflammatory drugs, physical therapy, exercise and needle acupuncture (8, 9, 10, 11, "
     "12).", "direct causal"),
    ("Drawing on a large body of research on chiropractic care, he suggests that neck and low back manipulation can be "
     "a remarkable treatment for people who struggle with low back pain.", "conditional causal"),
])
def test_a_treatment_said_to_work_states_an_effect(sentence, strength):
    assert claim_strength([sentence]) == [strength]


def test_the_page_does_not_say_no_relationship_under_proven_to_work(web):
    api, blocks = _both(web, "Back pain\n\nSpinal manipulation is proven to work for back pain.\n")
    c, block = _claim(api, blocks, "Spinal manipulation is proven")
    assert "wording: direct causal" in c["facts"] and "wording: direct causal" in block
    assert "no relationship stated" not in block


# -- 6. the reasons read as sentences ------------------------------------------------------------------------

def test_the_overstatement_reasons_take_their_article():
    claim = Claim(text="A survey found that chiropractic care cured back pain.", cue="survey found",
                  design="observational study")
    reasons = overstatement(claim, "direct causal", [{"design": "cross-sectional", "evidence": "Limited"}])
    assert reasons[0].startswith("'cured' for an observational study,")
    assert "is a cross-sectional study" in reasons[1] and " a observational" not in " ".join(reasons)


def test_a_weaker_than_the_claim_reason_is_two_sentences_not_a_chain_of_buts():
    from physiohub.check.backing import _said

    lead = ({"cited": False}, "supports", "the conclusion reports a benefit: \u201cMassage reduced headaches.\u201d",
            "Supports")
    label, reason = _said(lead, ["direct causal wording, but the best matching evidence is rated Very limited"])
    assert label == "weaker than the claim"
    assert reason == ("The closest study in the hub that tests it found a benefit (its verdict: Supports): the conclusion "
                      "reports a benefit: \u201cMassage reduced headaches.\u201d The claim says more than that evidence "
                      "can: direct causal wording, but the best matching evidence is rated Very limited.")
    assert "; but" not in reason


# -- 7. facts that say nothing, and an outcome that is no treatment --------------------------------------------

def test_a_population_of_anyone_is_not_a_fact_and_walking_distance_is_an_outcome():
    from physiohub.check.report import claim_facts
    from physiohub.check.tested import treatments

    assert not any(f.startswith("in:") for f in claim_facts({"population": "people", "strength": "direct causal"}))
    assert "in: people with cancer" in claim_facts({"population": "people with cancer"})
    # "improving walking distance" names what was measured, not a treatment to test
    assert treatments("exercise works better than no treatment for improving walking distance") == treatments("exercise")


@pytest.mark.parametrize("population, own", [
    ("people with cancer", "cancer"),
    ("adults with Parkinson's disease", "Parkinson's disease"),
    ("patients with upper-quarter MPS", "upper-quarter MPS"),
    # what every patient has, or a degree of it, is no condition of the claim's own
    ("15 people with a tear", None),
    ("patients with severe disability at presentation", None),
    ("people with lingering pain after exercise", None),
    ("people with no symptoms", None),
    ("people with or at risk of knee osteoarthritis", None),
    # a condition the list knows is held by the condition gates already
    ("people with a full-thickness rotator cuff tear", None),
])
def test_the_condition_a_claims_own_people_are_named_by(population, own):
    from physiohub.check.checker import _own_condition

    assert _own_condition(population) == own


def test_what_got_better_is_an_outcome_not_a_treatment():
    from physiohub.check.tested import treatments

    assert treatments("Neuromotor exercise gave the largest short-term gains in walking and gait.") == treatments("exercise")
    assert treatments("Walking gave gains in pain.") == treatments("walking")


def test_a_finding_in_a_relative_clause_is_searched_with_what_it_is_about():
    from physiohub.check.claims import find_claims
    from physiohub.check.document import parse_document
    from physiohub.check.match import claim_query

    def query(text: str) -> str:
        return claim_query(find_claims(parse_document(text).sentences)[0])

    assert "vitamin C" in query("They give you vitamin C, which some research suggests slows the progression of "
                                "osteoarthritis.")
    # a relative clause that is not the finding's frame adds nothing
    assert query("Researchers at the clinic, which opened in 2010, found that massage eased pain.") == "massage eased pain."
