"""Session 13 review faults (docs/check-review.md, "Session 13"): a list item is about what its lead-in names, not the
item before; a study's people end where its sentence's verb begins; an abstract's no-attention control is not a second
form of the treatment; a null verdict on an outcome the claim does not speak of does not read against it. Invented
studies and pages, appraised as any import is, served by the app over real HTTP."""
from __future__ import annotations

import pytest

from physiohub.check.backing import _null_on_other_outcome
from physiohub.check.claims import find_claims
from physiohub.check.checker import _carried_treatment, _search_context
from physiohub.check.document import parse_document
from physiohub.check.pubmed import pubmed_query
from physiohub.check.stance import CONTRADICTS
from physiohub.check.tested import _with_phrase, study_tests_claim, treatment_names
from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, Record

EXERCISE_VS_NOTHING = (
    "No effects of supervised strengthening exercise on gait mechanics in adults with hip osteoarthritis: a randomised "
    "trial",
    [("METHODS", "Eighty adults with hip osteoarthritis were randomised to 10 weeks of supervised individualised "
                 "strengthening exercise therapy or a no attention control group."),
     ("RESULTS", "There were no group differences in the gait variables analysed."),
     ("CONCLUSIONS", "A 10-week supervised strengthening exercise programme has no effects on gait mechanics.")])
PICO = {"population": [{"text": "adults with hip osteoarthritis"}],
        "intervention": [{"text": "10 weeks of supervised"}],
        # the tagger's misreading under test: the treatment arm's own words taken as the comparison
        "comparison": [{"text": "individualised strengthening exercise therapy"}],
        "outcomes": [{"text": "gait mechanics"}, {"text": "gait variables"}]}


def _claims(text: str):
    return find_claims(parse_document(text).sentences)


def _at(claims, start: str) -> int:
    return next(i for i, c in enumerate(claims) if c.text.startswith(start))


def _query(claims, n: int) -> str:
    """The PubMed search the check gives claim ``n``, with the context it picks."""
    return pubmed_query(claims[n], _search_context(n, claims))


# -- 1. a list item is about its lead-in ---------------------------------------------------------------------

LIST_PAGE = ("# Hip pain\n\n"
             "Hip osteoarthritis is common.\n\n"
             "If you have hip osteoarthritis (Smith 2014; Jones 2015):\n\n"
             "- Choose cushioned footwear and insoles that absorb shock well\n"
             "- Keep away from high-impact and contact sports, since the risk of harming your joints may be greater\n")


def test_a_list_item_searches_with_its_lead_in_not_the_item_before():
    claims = _claims(LIST_PAGE)
    second = _at(claims, "Keep away")
    assert claims[second].lead_in and claims[second].lead_in.startswith("If you have hip osteoarthritis")
    query = _query(claims, second)
    assert "insoles" not in query and "footwear" not in query
    assert "osteoarthritis" in query
    # the lead-in is the claim's context, not part of what the page shows
    assert "lead_in" not in claims[second].as_dict()


TRIALS_PAGE = ("# Sciatica care\n\n"
               "Clinical trials demonstrate that chiropractic care:\n\n"
               "- Improves how intense the pain is\n"
               "- Lowers the need for medication\n\n"
               "These gains are tied to better sensorimotor integration (Lee et al., 2020).\n")


def test_a_bullet_and_the_sentence_after_its_list_carry_the_lead_ins_treatment():
    claims = _claims(TRIALS_PAGE)
    first = _at(claims, "Improves how intense")
    assert _carried_treatment(claims[first], claims) == "chiropractic care"
    assert '"chiropractic care"' in _query(claims, first)
    after = _at(claims, "These gains")
    query = _query(claims, after)
    assert "medication" not in query and "chiropractic" in query


def test_a_claim_outside_any_list_keeps_the_claim_before_as_its_context():
    claims = _claims("# Back pain\n\nA 2019 trial found that yoga eased chronic back pain. "
                     "The benefit lasted a year, the researchers found.\n")
    assert all(c.lead_in is None for c in claims)
    assert _search_context(1, claims) is claims[0]


# -- 2. the study's people end at its sentence's verb -----------------------------------------------------------

@pytest.mark.parametrize("text, whom", [
    ("Many patients with posttraumatic para- or tetraplegia suffer from chronic pain", "with posttraumatic para- or tetraplegia"),
    ("People with diabetes often develop foot ulcers", "with diabetes"),
    ("Adults with chronic low back pain have reduced trunk strength", "with chronic low back pain"),
    # what worked before still does
    ("women with osteopenia and a healed wrist fracture", "with osteopenia and a healed wrist fracture"),
    ("patients at risk of osteoporosis", "at risk of osteoporosis"),
])
def test_a_population_phrase_ends_where_its_verb_begins(text, whom):
    assert _with_phrase(text, "x") == whom


def test_a_condition_the_title_names_ends_at_its_verb_too():
    # "spasticity" is a condition here because the title names it
    assert _with_phrase("Patients with spasticity reach maximal function late", "Rehabilitation of spasticity") == \
        "with spasticity"


# -- 3. an abstract's inert arm is not a second form of the treatment --------------------------------------------

def test_a_no_attention_control_is_not_read_as_a_second_form_of_exercise():
    title, sections = EXERCISE_VS_NOTHING
    text = title + " " + " ".join(t for _, t in sections)
    t = study_tests_claim(None, "Exercise eases hip osteoarthritis gait problems, a study found.", ["exercise", "gait"],
                          title, text, PICO, "No clear difference")
    assert t.reason is None or "two forms" not in t.reason
    # the same comparison with no inert arm in the abstract still compares two forms of exercise
    other = text.replace("or a no attention control group", "or group-based strengthening exercise therapy")
    t2 = study_tests_claim(None, "Exercise eases hip osteoarthritis gait problems, a study found.", ["exercise", "gait"],
                           title, other, PICO, "No clear difference")
    assert t2.reason == "it compares two forms of exercise"


# -- 4. a null verdict on an outcome the claim does not speak of --------------------------------------------------

def test_a_null_on_an_outcome_the_claim_does_not_name_is_not_read_against_it():
    assert _null_on_other_outcome("Walking may help your hips, even with arthritis", CONTRADICTS, PICO) == "gait mechanics"
    # a null on pain, or on an outcome the claim names, still reads against
    assert _null_on_other_outcome("Exercise improves gait mechanics in hip osteoarthritis", CONTRADICTS, PICO) is None
    with_pain = {**PICO, "outcomes": [{"text": "hip pain"}]}
    assert _null_on_other_outcome("Exercise helps hip osteoarthritis", CONTRADICTS, with_pain) is None
    assert _null_on_other_outcome("Exercise helps hip osteoarthritis", None, PICO) is None


def test_manual_physical_therapy_is_manual_therapy_named_once():
    assert treatment_names("Manual physical therapy and manual therapy with exercise") == ["manual physical therapy",
                                                                                          "exercise"]


# -- the whole gate, on an invented study appraised as any import is ---------------------------------------------

def test_a_walking_claim_is_not_read_against_by_a_null_on_gait(store):
    from physiohub.check.backing import stance_of
    from physiohub.check.claims import Claim
    from physiohub.workflow import refresh

    title, sections = EXERCISE_VS_NOTHING
    ids = import_records(store, [Record(source_format="test", source_id="ex", year=2016, title=title,
                                       abstract_sections=[AbstractSection(text=t, label=lb, category=lb)
                                                          for lb, t in sections])], file="invented").study_ids
    refresh(store)
    claim = Claim(text="A study found that adults with hip osteoarthritis who do strengthening exercise walk more easily.",
                  cue="study found", direction="improves")
    match = {"id": ids[0], "title": title, "verdict": "No clear difference"}
    label, reason, _ = stance_of(store, claim, [match], lambda about: [])
    assert label != "contradicts", reason
    assert reason and "two forms" not in reason
