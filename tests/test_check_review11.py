"""Session 10 review faults (docs/check-review.md, "Session 11"): whom a study's people are, in the reason that says
the article does not speak of them; a title-only match says so and gives no stance; a count or a practice gets no
stance from the stance model, and a title's occasion ("in total knee replacement") is not what it tests; the year of
a page's single reference is not given to a claim about other research; a repost's own journal header is not a
source of its claims. Invented studies and pages."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from conftest import csrf
from physiohub.appraise.persist import save_appraisal
from physiohub.check import check_article
from physiohub.check.backing import TITLE_ONLY_REASON
from physiohub.check.own_citation import own_citation_lines
from physiohub.check.report import match_facts, to_text
from physiohub.check.tested import _population, study_tests_claim
from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, Record


# -- 1. whom the study's people are ---------------------------------------------------------------------------

@pytest.mark.parametrize("title, pico, whom", [
    # the title's own "people with X", with its article and its capitals as a reader writes them
    ("Weighted vests for women with osteopenia and a healed ankle fracture: a randomised trial", {},
     "with osteopenia and a healed ankle fracture"),
    ("Better Care of Patients At-Risk for Osteoporosis: A Randomised Trial", {}, "at risk for osteoporosis"),
    # a condition the title names as its subject, not "people with symptomatic treatment of ..."
    ("Dry needling versus ibuprofen in symptomatic treatment of Osteoarthritis of the hip: a randomized trial",
     {"population": [{"text": "symptomatic treatment of Osteoarthritis of the hip"}, {"text": "patients with OA of the hip"}]},
     "with osteoarthritis of the hip"),
    ("Shoulder pain in chronic frozen shoulder syndrome treated with hydrodilatation. A double-blind trial", {},
     "with chronic frozen shoulder syndrome"),
    ("Conservative management of mechanical low back disorders. A systematic overview.", {},
     "with mechanical low back disorders"),
    # the title's wording of the condition the tagger shortened
    ("Widespread pain in Norway: its burden and how patients see treatment",
     {"population": [{"text": "people with pain"}]}, "with widespread pain"),
])
def test_the_population_is_the_studys_condition(title, pico, whom):
    assert _population(title, pico) == whom


@pytest.mark.parametrize("title, pico", [
    # what the trial measured, in older women: no condition to name
    ("Effects of two stretching frequencies on flexibility in older women", {"population": [{"text": "flexibility"}],
                                                                           "outcomes": [{"text": "flexibility"}]}),
    # the design, in older people
    ("Balance games at home for older people \u2013 a comparison of two exergame interventions",
     {"population": [{"text": "older people \u2013 a comparison of two exergame interventions"}]}),
    # the outcome counted, in elderly patients
    ("Vitamin K use and the risk of wrist fractures in elderly patients.",
     {"population": [{"text": "wrist"}], "outcomes": [{"text": "risk of wrist fracture"}]}),
])
def test_no_population_is_named_from_an_outcome_or_a_design(title, pico):
    assert _population(title, pico) is None


def test_the_reason_names_the_studys_people_and_an_outcome_word_is_no_population():
    text = ("Effects of two stretching frequencies on flexibility in older women. We randomised 60 older women to "
            "stretching twice or three times a week for 12 weeks. Flexibility improved similarly in both groups.")
    pico = {"population": [{"text": "flexibility"}], "intervention": [{"text": "stretching twice a week"}],
            "comparison": [{"text": "stretching three times a week"}], "outcomes": [{"text": "flexibility"}]}
    claim = "A study found that stretching improves bone density in older women."
    words = ["study", "stretching", "improves", "bone", "density", "older", "women"]
    t = study_tests_claim(None, claim, words, text.split(". ")[0], text, pico, "Supports",
                          article_words={"stretch", "bone", "density", "older", "women", "study"},
                          findings=["Flexibility improved similarly in both groups."])
    assert not t.tests and "people with flexibility" not in (t.reason or "")
    title = "Weighted vests for women with osteopenia and a healed ankle fracture: a randomised trial"
    t = study_tests_claim(None, claim, words, title, title + ". " + text, {}, "Supports",
                          article_words={"stretch", "bone", "density", "older", "women", "study"})
    assert t.reason == "it studies people with osteopenia and a healed ankle fracture, whom the article does not speak of"


# -- 2, 3. title-only matches, counts and practices, a title's occasion ----------------------------------------

def _hub(store, rows):
    records = [Record(source_format="test", source_id=f"r{i}", year=2020, title=title,
                      abstract_sections=[AbstractSection(text)] if text else [])
               for i, ((title, text), _) in enumerate(rows)]
    ids = import_records(store, records, file="invented").study_ids
    for sid, (_, appraisal) in zip(ids, rows):
        save_appraisal(store, sid, {"research_type": "Primary study", "topics": [], "retracted": False, **appraisal})
    return ids


LEAFLET = (("Walking for older adults with knee pain.", ""),
           {"design": "other", "verdict": "Too early to tell", "evidence": "Very limited", "pico": {}})


def test_a_title_only_match_says_the_hub_has_its_title_and_gives_no_stance(store):
    _hub(store, [LEAFLET])
    r = check_article(store, "A study found walking reduces knee pain in older adults.")
    c = r["claims"][0]
    assert c["matches"] and c["stance"] is None
    assert c["stance_reason"] == TITLE_ONLY_REASON
    m = c["matches"][0]
    assert m["title_only"] and m.get("stance") is None
    assert "the hub has only its title" in match_facts(m)
    assert "does not test this claim" not in match_facts(m)
    assert "the hub has only its title" in to_text(r)


TOURNIQUET = (("Cuff use in total hip replacement does not improve fixation: a randomised study",
               "Cuff use in total hip replacement does not improve fixation: a randomised study. We randomised 60 "
               "patients with hip osteoarthritis to cemented hip replacement with or without a thigh cuff. Patients in "
               "the cuff group had less bleeding during surgery (300 mL vs. 600 mL). Pain scores were lower without "
               "the cuff. Cuff use did not improve fixation."),
              {"design": "randomised controlled trial", "verdict": "Does not support", "evidence": "Moderate",
               "pico": {"intervention": [{"text": "cemented hip replacement with"}], "comparison": [{"text": "without cuff"}]}})


def test_a_practice_or_a_count_gets_no_stance_and_the_occasion_is_not_the_test(store):
    _hub(store, [TOURNIQUET])
    page = ("Rehabilitation after hip replacement\n\n"
            "Rehabilitation, with a particular emphasis on physiotherapy, is widely promoted after total hip replacement [3].\n\n"
            "In 2012 the estimated number of hospital discharges after total hip replacement was 310,000 [4].\n")
    r = check_article(store, page)
    assert r["claims"]
    for c in r["claims"]:
        assert c["stance"] is None, (c["text"], c["stance_reason"])
        if c["matches"]:
            assert c["stance_reason"]
            # the trial tests a cuff in both arms' hip replacement: not the replacement
            assert c["matches"][0].get("tests_claim") is False


def test_a_sentence_without_an_effect_is_not_read_by_the_stance_model(store):
    from physiohub.check.backing import stance_of
    from physiohub.check.claims import Claim

    ids = _hub(store, [(("Knee rehabilitation programmes in Norway: a survey of practice",
                         "Knee rehabilitation programmes in Norway: a survey of practice. We surveyed 120 clinics about "
                         "rehabilitation after knee surgery. Most clinics offered exercise for eight weeks. Exercise "
                         "programmes improved function in the patients followed up."),
                        {"design": "cross-sectional study", "verdict": "Supports", "evidence": "Limited", "pico": {}})])
    claim = Claim(text="Knee rehabilitation programmes are widely offered to patients in Norway [2].", cue="[2]")
    matches = [{"id": ids[0], "title": "Knee rehabilitation programmes in Norway: a survey of practice", "verdict": "Supports"}]
    label, reason, _ = stance_of(store, claim, matches, lambda about: [], states_effect=False)
    assert label is None and "states no effect" in reason
    # the same sentence read as stating an effect goes to the stance model as before
    label, _, _ = stance_of(store, claim, [dict(matches[0])], lambda about: [], states_effect=True)
    assert label is not None


# -- 4. the single reference line and claims about other research ---------------------------------------------

NEWS = ("Walking eases hip pain, trial finds\n\n"
        "The study found that walking three times a week eased hip pain more than advice alone.\n\n"
        "Earlier studies have shown that many people with hip pain do well without surgery.\n\n"
        "A number of small studies have cast doubt on injections for hip pain.\n\n"
        "Source: Lee A, Brown B. Walking for hip pain: a randomised trial. J Hip Res. 2021;4(2):10-18. "
        "doi:10.9999/hip.2021.01\n")


def test_a_claim_about_other_research_does_not_take_the_single_references_year(store):
    r = check_article(store, NEWS)
    by = {c["text"][:20]: c for c in r["claims"]}
    found = next(c for t, c in by.items() if t.startswith("The study found"))
    assert found["year"] == 2021 and found["year_from"] == "reference"
    for start in ("Earlier studies", "A number of small"):
        c = next((c for t, c in by.items() if t.startswith(start)), None)
        if c is not None:       # (whether the claim finder lists it is not this test's point)
            assert c["year"] is None and not c["references"], c


# -- 5. a repost's own journal header ------------------------------------------------------------------------

REPOST = ("Tuesday, 3 March 2020\n\n"
          "## Effectiveness of exercise after hip replacement: systematic review\n\n"
          "J Hip Knee Ther. 2019;49(6):412-428.\n"
          "Published online 2019 Jun 2. doi:  10.9999/hkt.2019.0412\n\n"
          "PMCID: PMC0000001\n\n"
          "### Background\n\n"
          "In 2017, more than 90,000 primary hip replacements were done in England [].\n\n"
          "Exercise after hip replacement improves walking speed, several trials found [,].\n\n"
          "Our aim was to update the review.\n")


def test_a_reposts_journal_header_is_the_article_itself_not_its_claims_source(store):
    assert own_citation_lines(REPOST)[0].startswith("J Hip Knee Ther. 2019")
    r = check_article(store, REPOST)
    assert r["claims"]
    for c in r["claims"]:
        assert not c["references"], c["text"]
        assert c["year"] != 2019 and c.get("year_from") != "reference", c["text"]
    own = [x for x in r["references"] if x["kind"] == "self"]
    assert own and all(x["doi"] != "10.9999/hkt.2019.0412" or x["kind"] == "self" for x in r["references"])
    assert "the article's own citation" in to_text(r)


def test_a_header_with_authors_and_a_run_in_background_label_is_the_articles_own():
    page = ("Exercise for sore hips: a randomised trial\n\nLee A, Brown B, Khan C.\n\n"
            "J Orthop Sports Phys Ther. 2019;49(6):412-428.\n\n"
            "Background: Hip pain is common in older adults, and exercise is often advised [1].\n")
    assert own_citation_lines(page) == ["J Orthop Sports Phys Ther. 2019;49(6):412-428."]
    # the same journal line under the post's first paragraph is a source line, not a header
    assert own_citation_lines("A long opening paragraph of the post " * 5 + "\n\n" + page.split("\n\n", 2)[2]) == []


def test_a_posts_opening_citation_followed_by_its_own_words_stays_its_source(store):
    post = ("# What the new tendon guideline says\n\n"
            "J Hip Knee Ther. 2019;49(6):412-428. doi:10.9999/hkt.2019.0412\n\n"
            "Posted by the clinic team\n\n"
            "The guideline panel found that heavy slow loading reduces pain in people with Achilles tendinopathy.\n")
    assert own_citation_lines(post) == []
    r = check_article(store, post)
    assert all(x["kind"] != "self" for x in r["references"])
    c = next(c for c in r["claims"] if "heavy slow loading" in c["text"])
    assert c["year"] == 2019


# -- the web page: the title-only badge and the article's own citation, page and JSON alike ------------------

@pytest.fixture
def title_only_hub(tmp_path):
    from physiohub.demo import publish_drafts
    from physiohub.store import Store

    from physiohub.workflow import refresh

    path = tmp_path / "hub.db"
    store = Store(path)
    import_records(store, [Record(source_format="test", source_id="leaflet", year=2020, title=LEAFLET[0][0])],
                   file="invented")
    refresh(store)              # appraised and drafted as any import is: a title-only card
    publish_drafts(store)
    store.close()
    return path, {}


@pytest.fixture
def web(title_only_hub):
    from starlette.testclient import TestClient

    from physiohub.web import create_app

    with TestClient(create_app(str(title_only_hub[0]))) as c:
        yield c


def test_the_page_and_json_show_a_title_only_match_and_the_own_citation(web):
    text = REPOST + "\nA study found walking reduces knee pain in older adults.\n"
    api = web.post("/api/check", json={"text": text}).json()
    token = csrf(web.get("/check").text)
    page = htmllib.unescape(web.post("/check", data={"text": text, "csrf_token": token}).text)
    n = next(i for i, c in enumerate(api["claims"]) if c["text"].startswith("A study found walking"))
    c = api["claims"][n]
    assert c["matches"] and c["stance"] is None and c["stance_reason"] == TITLE_ONLY_REASON
    assert "the hub has only its title" in c["matches"][0]["facts"]
    block = re.findall(r'<article class="claim">(.*?)</article>', page, re.S)[n]
    assert "The hub cannot tell." in block and TITLE_ONLY_REASON in block
    assert "the hub has only its title" in block
    assert any(r["kind"] == "self" for r in api["references"])
    assert "the article's own citation, not a source of its claims" in page


def test_who_does_a_treatment_names_it_and_abbreviations_keep_their_capitals():
    from physiohub.check.tested import treatment_names, treatments

    assert treatments("none of the exercisers broke a hip") == treatments("exercise") == treatments("women exercising daily")
    assert treatment_names("fewer side effects than pain medicines like NSAIDs") == ["NSAIDs"]


def test_a_study_whose_tested_treatment_is_unread_is_not_said_to_test_something_else():
    title = "A tablet system to predict and prevent falls (HomeSteady): results of a randomised trial"
    text = (title + ". The HomeSteady project built a tablet system to deliver an unsupervised exercise programme in "
            "older people's homes. We randomised 150 people aged 65 or more to the programme or to the control. "
            "Physiological fall risk fell more in the programme group than in the control group.")
    claim = "A review found that exercise cuts the number of falls by a quarter."
    words = ["review", "exercise", "cuts", "number", "falls", "quarter"]
    t = study_tests_claim(None, claim, words, title, text, {"comparison": [{"text": "the control"}]}, "Supports")
    assert not t.tests and t.reason == "what it tests is not clear from its title, though its abstract mentions exercise"
    # a tagged intervention that is not the claim's treatment still reads as not testing it
    t = study_tests_claim(None, claim, words, title, text, {"intervention": [{"text": "a tablet system"}]}, "Supports")
    assert t.reason == "it does not test exercise"
