"""Faults found reading /check output in session 21 (docs/check-review.md, Session 21 (review21)), each tested on
sentences written for this file: a study of who is prescribed a drug read as a test of the drug; a drug class written
out ("non-steroidal anti-inflammatory drugs") or named by a member ("tramadol") unknown as a treatment, so the hub's
review of the class "did not test" a claim about it; a trial of the claim's comparator read as a test of the claim's
own treatment; a claim that a benefit is small read as a claim of benefit; a comparison's result labelled
"correlational" and a "little benefit" headline "no relationship stated"; a study's limitation and an author's
background shown as claims, and an outside expert's comment; a review's method sentence giving its results a trial's
design; "the drugs" searched and tested as any drug rather than the one the article named; "X was the exception" after
a finding missed; a quote credited to the study author by surname "names no source"."""
from __future__ import annotations

import pytest

from physiohub.check.backing import verdict_stance
from physiohub.check.checker import _kind_anaphor, _named_before, as_named
from physiohub.check.claim_cues import claim_cue
from physiohub.check.claim_not_claims import LIMITATION, researchers_background
from physiohub.check.claim_record import Claim
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document
from physiohub.check.stance import SUPPORTS
from physiohub.check.strength import LITTLE_BENEFIT, claim_strength
from physiohub.check.tested import study_tests_claim, treatment_names, treatments

_ABSTRACT = ("Background: pain in the knee is common. Methods: we enrolled 300 adults with knee osteoarthritis and "
             "followed them for one year, recording pain scores, function and adverse events. Results: pain fell in "
             "both groups and function improved, with few adverse events. Conclusion: both were well tolerated.")


def _tests(claim: str, title: str, text: str = _ABSTRACT):
    return study_tests_claim(None, claim, [w.lower() for w in claim.split()], title, f"{title} {text}", None)


# -- 1. a study of who is given a treatment ---------------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Predictors of opioid versus NSAID prescribing for knee osteoarthritis in general practice.",
    "Patient factors associated with naproxen use in older adults with knee pain.",
    "Trends in opioid prescribing for knee osteoarthritis, 2001-2015.",
])
def test_a_study_of_who_gets_a_drug_does_not_test_what_it_does(title):
    t = _tests("Naproxen eased knee pain better than opioids did, a trial found.", title)
    assert not t.tests and "who is given" in t.reason


def test_a_trial_of_the_drug_still_tests_it():
    t = _tests("Naproxen eased knee pain better than opioids did, a trial found.",
               "Naproxen versus oxycodone for knee osteoarthritis pain: a randomised trial.")
    assert t.tests


# -- 2. drug classes written out, and drugs as members of their class ------------------------------------------------

@pytest.mark.parametrize("text", ["Non-steroidal anti-inflammatory drugs for neck pain.",
                                  "Nonsteroidal anti-inflammatory medications eased the ache.",
                                  "Anti-inflammatories are widely taken."])
def test_the_nsaid_class_written_out_is_the_nsaid_class(text):
    assert treatments(text) == {"nsaid"}


def test_an_anti_inflammatory_diet_is_no_drug():
    assert treatments("An anti-inflammatory diet may ease joint aches.") == set()


def test_a_review_of_the_class_tests_a_claim_naming_it_with_examples():
    t = _tests("Anti-inflammatory drugs such as naproxen and diclofenac give hardly any relief for knee pain, a review found.",
               "Non-steroidal anti-inflammatory drugs for knee osteoarthritis: a meta-analysis of placebo-controlled trials.")
    assert t.tests, t.reason


def test_a_trial_of_one_opioid_tests_a_claim_about_opioids():
    t = _tests("Opioids eased knee pain only a little, a trial found.",
               "Tramadol for knee osteoarthritis pain: a randomised placebo-controlled trial.")
    assert t.tests, t.reason


def test_a_drug_named_by_its_own_name_is_named():
    assert treatment_names("Codeine users fell more often, a cohort study found.") == ["codeine"]


# -- 3. a study of the claim's comparator only ------------------------------------------------------------------------

def test_a_trial_of_what_the_claim_compares_with_does_not_test_the_claim():
    t = _tests("Codeine was linked with more falls in older adults than NSAIDs, a cohort study found.",
               "Celecoxib versus naproxen for hand osteoarthritis: a randomised trial.")
    assert not t.tests and "codeine" in t.reason


# -- 4. a claim that the benefit is small -----------------------------------------------------------------------------

@pytest.mark.parametrize("claim", [
    "Muscle relaxants give little more benefit than a placebo for neck pain, a review found.",
    "None of the pills offered anything more than a mild relief, the researchers said.",
    "Heat wraps had little to no benefit for stiff shoulders: study",
    "The effect of the cream was too small to be considered clinically important, the trial found.",
])
def test_a_small_benefit_claim_is_borne_out_by_a_mixed_or_null_result(claim):
    assert LITTLE_BENEFIT.search(claim)
    assert verdict_stance(claim, "Mixed picture") == SUPPORTS
    assert verdict_stance(claim, "No clear difference") == SUPPORTS
    assert verdict_stance(claim, "Supports") == "mixed"


def test_a_plain_benefit_claim_is_not_a_small_benefit_claim():
    claim = "Muscle relaxants ease neck pain, a review found."
    assert not LITTLE_BENEFIT.search(claim)
    assert verdict_stance(claim, "Supports", direction="decreases") == SUPPORTS


# -- 5. wording labels ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("s", ["Heat wraps have little benefit for shoulder pain: study",
                               "No clear winner among treatments for tennis elbow, review finds"])
def test_a_small_or_absent_effect_is_causal_wording(s):
    assert claim_strength([s]) == ["direct causal"]


def test_a_comparisons_result_is_not_correlational():
    s = "A trial found that massage was better than rest at easing shoulder pain after six weeks."
    assert claim_strength([s]) != ["correlational"]


def test_groups_compared_by_how_likely_stay_as_the_model_reads_them():
    from physiohub.check.strength import classify
    s = "Office workers who sat all day were more likely to report neck pain than those who stood, a survey found."
    assert claim_strength([s]) == classify([s])


# -- 6. a study's limitation and an author's background ---------------------------------------------------------------

@pytest.mark.parametrize("s", [
    "\u201cBecause the groups differed before matching, these estimates were open to confounding by indication,\u201d the authors wrote.",
    "The findings may be subject to selection bias, the team noted.",
])
def test_a_limitation_is_no_claim(s):
    assert LIMITATION.search(s)
    assert claim_cue(s) is None


@pytest.mark.parametrize("s", ["Patients given naproxen had less knee pain than those given a placebo, the authors wrote.",
                               "How much the brace eased pain could not be determined because the trials were so varied."])
def test_a_result_is_not_a_limitation(s):
    assert not LIMITATION.search(s)


def test_an_authors_background_on_the_condition_is_no_claim():
    assert researchers_background("Senior author of the study, Dr Jane Roe from the Example Institute in Leeds, said neck "
                                  "pain was the fourth leading cause of disability worldwide.")


def test_an_authors_finding_is_a_claim():
    assert not researchers_background("Lead author Dr Jane Roe said patients who walked daily had less knee pain than "
                                      "those who rested.")


# -- 7. a review's method in words of the trials it pooled -------------------------------------------------------------

def test_results_after_a_reviews_method_take_the_reviews_design():
    # (not the design of the trials it pooled)
    page = ("# Heat eases back stiffness\n\nHeat wraps ease back stiffness, a new review has found.\n\n"
            "The authors pooled 14 randomised trials of heat therapy for back pain, with data from 1,200 patients.\n\n"
            "They found that heat wraps cut stiffness by a third compared with no treatment.\n")
    claims = find_claims(parse_document(page).sentences)
    found = [c for c in claims if c.text.startswith("They found")]
    assert found and found[0].design == "review"


# -- 8. a treatment named by its kind after the article named it ------------------------------------------------------

def test_the_drugs_are_the_drugs_named_before():
    claims = [Claim(text="Anti-inflammatory drugs such as naproxen barely ease neck pain, a review found.", cue="x"),
              Claim(text="None of the analgesics helped much, the authors said.", cue="x"),
              Claim(text="The review found the drugs upset the stomach in one in ten people.", cue="x")]
    assert _kind_anaphor(2, claims, None) == "anti-inflammatory drugs"
    assert _named_before(2, claims, None) == "anti-inflammatory drugs"   # not "analgesics", a kind


def test_a_claim_naming_its_own_drug_is_not_an_anaphor():
    claims = [Claim(text="Anti-inflammatory drugs barely ease neck pain, a review found.", cue="x"),
              Claim(text="Codeine and other drugs caused falls, the review found.", cue="x")]
    assert _kind_anaphor(1, claims, None) is None


def test_drugs_in_general_are_not_an_anaphor():
    claims = [Claim(text="Naproxen barely eases neck pain, a review found.", cue="x"),
              Claim(text="Many drugs for pain cause stomach upset, a survey found.", cue="x")]
    assert _kind_anaphor(1, claims, None) is None


# -- 9. a quote credited by surname to the study author names its source ---------------------------------------------

def test_a_quote_by_the_named_study_author_names_its_source():
    from physiohub.check.claim_followups import by_research_author
    assert by_research_author("\u201cThe trial shows the extra risk buys no extra relief,\u201d Roe said by email.", {"Roe"})
    assert by_research_author("\u201cThe trial shows the extra risk buys no extra relief,\u201d said Roe in a statement.", {"Roe"})
    assert not by_research_author("\u201cThe trial shows the extra risk buys no extra relief,\u201d Smith said by email.", {"Roe"})


# -- 10. the exception to a finding ------------------------------------------------------------------------------------

def test_the_exception_to_a_finding_goes_on_from_it():
    page = ("# Heel pain study\n\nResearchers found that people given insoles had less heel pain after a year than those "
            "given stretching alone, a cohort study of 4,000 adults showed.\n\nCalf massage was the exception.\n\n"
            "The study compared several home treatments.\n")
    claims = find_claims(parse_document(page).sentences)
    assert any(c.text == "Calf massage was the exception." for c in claims)


@pytest.mark.parametrize("s", ["Codeine was the exception.", "The only exception was swimming.", "But walkers were one exception."])
def test_exception_lines(s):
    from physiohub.check.claim_followups import EXCEPTION
    assert EXCEPTION.match(s)


def test_an_exception_in_general_is_no_finding_line():
    from physiohub.check.claim_followups import EXCEPTION
    assert not EXCEPTION.match("There are exceptions to every rule about exercise and pain.")


# -- 11. a second voice commenting on the research ---------------------------------------------------------------------

def _sentences(page: str):
    return parse_document(page).sentences


def test_an_expert_introduced_after_the_lead_author_is_an_outside_voice():
    from physiohub.check.claim_outside import outside_words
    page = ("# Braces study\n\nKnee braces gave little relief, a new review found.\n\n"
            "Lead author of the review, Dr Jane Roe from the Example Institute, said braces should not be the first choice.\n\n"
            "Professor Sam Van Dyke, a sports medicine specialist and professor of surgery at Sample University in Leeds, "
            "England, said patients tended to expect more from braces than the trials show.\n\n"
            "\u201cMost people do better with exercise,\u201d Van Dyke said.\n")
    sents = _sentences(page)
    marks = dict(zip([s.text for s in sents], outside_words(sents)))
    assert marks[next(t for t in marks if t.startswith("Professor Sam Van Dyke"))]
    assert marks[next(t for t in marks if t.startswith("\u201cMost people"))]
    assert not marks[next(t for t in marks if t.startswith("Lead author"))]


def test_an_expert_in_a_story_that_names_no_leader_is_left_to_the_rules():
    from physiohub.check.claim_outside import outside_words
    page = ("# Braces study\n\nKnee braces gave little relief, a new review found.\n\n"
            "Professor Sam Van Dyke, a sports medicine specialist at Sample University, said patients tended to expect more "
            "from braces than the trials show.\n")
    sents = _sentences(page)
    assert not any(outside_words(sents))


def test_an_organisations_name_is_no_link_word():
    s = ("A study in the Journal of the American Medical Association found that massage was better than rest at easing "
         "shoulder pain.")
    assert claim_strength([s]) != ["correlational"]


def test_the_drugs_are_searched_as_the_drugs_named_before():
    from physiohub.check.match import pubmed_query
    claim = Claim(text="The review found the drugs upset the stomach of one in ten people with neck pain.", cue="The review found")
    asked = as_named(claim, "anti-inflammatory drugs")
    assert asked.text.startswith("The review found anti-inflammatory drugs upset")
    assert "anti-inflammatory drugs" in pubmed_query(asked)
