"""Cards and verdicts, session 12 (cards12 helper): the design and verdict misreads the session-11 reading left
(docs/cards-review.md, "Session 12"), each pinned with sentences of our own."""
from __future__ import annotations

from physiohub.appraise import appraise
from physiohub.appraise.reading import read_sentence
from physiohub.cards.generate import generate_card
from physiohub.models import AbstractSection, Record


def _rec(sid: str, title: str, *sections: tuple[str, str]) -> Record:
    return Record(source_id=sid, source_format="ris", title=title,
                  abstract_sections=[AbstractSection(text, label, label) for label, text in sections])


def _card(rec: Record) -> tuple[dict, dict]:
    a = appraise(rec)
    return a, generate_card(rec, a)


# --- A1: an age group in the title is not one person ---

def test_an_age_range_or_age_group_in_the_title_is_no_case_report() -> None:
    for title in ["A school walking programme for 7-8 year old children: a controlled trial",
                  "Knee pain in 14-year-old athletes: a controlled trial of hip strengthening",
                  "Balance training for 6- to 12-year-old children with flat feet: a controlled trial"]:
        rec = _rec("t-age", title,
                   ("METHODS", "Twenty schools took part; ten ran the programme and ten carried on as usual. Pain and "
                               "activity were measured at the start and after six months."),
                   ("RESULTS", "Of 640 children, 602 completed both assessments. Activity rose more in the programme "
                               "schools than in the other schools (p = 0.01)."),
                   ("CONCLUSION", "The programme increased activity."))
        a = appraise(rec)
        assert a["design"] != "case report", (title, a["design_reasons"])
        assert a["design"] == "non-randomised controlled trial", (title, a["design_reasons"])


def test_one_person_of_an_age_in_the_title_is_still_a_case_report() -> None:
    rec = _rec("t-one", "Patellar tendon rupture in a 34-year-old man after a minor fall",
               ("", "We describe a man who felt a snap below the kneecap while stepping off a kerb. Imaging showed a "
                    "complete tear, repaired the next day; he walked without aids at three months."))
    assert appraise(rec)["design"] == "case report"


def test_a_methods_section_that_opens_by_naming_its_design_states_it() -> None:
    rec = _rec("t-open", "Sport sessions and smoking attitudes in primary schools",
               ("METHODS", "A non-randomised-controlled trial enrolled pupils of 30 schools; 20 schools ran weekly "
                           "sessions and 10 did not. Attitudes were asked about before and after a term."),
               ("RESULTS", "Attitudes did not differ between the two groups of schools (p = 0.41)."),
               ("CONCLUSION", "The sessions did not change attitudes."))
    a = appraise(rec)
    assert a["design"] == "non-randomised controlled trial"
    assert "states the design" in a["design_reasons"][0]


# --- A2: a trial's people called a cohort, compared by their randomised arms ---

def test_a_cohort_title_over_a_randomised_comparison_is_a_trial() -> None:
    rec = _rec("t-coh", "Two exercise strategies and later knee replacement in the GAIT-X cohort",
               ("OBJECTIVE", "We evaluated the effects of randomized exercise strategy (home versus class) on the "
                             "incidence of knee replacement."),
               ("METHODS", "Incidence was compared by intention-to-treat Cox models over five years."),
               ("RESULTS", "Among 1,200 participants, replacement was less frequent in the class group (12%) than "
                           "in the home group (16%) (P = 0.03)."),
               ("CONCLUSIONS", "Class exercise reduced the incidence of knee replacement compared with home exercise."))
    a = appraise(rec)
    assert a["design"] == "randomised controlled trial", a["design_reasons"]


def test_a_cohort_without_a_randomised_comparison_stays_a_cohort() -> None:
    rec = _rec("t-coh2", "Physical activity and knee replacement in the GAIT-X cohort",
               ("OBJECTIVE", "We examined whether self-reported walking was associated with later knee replacement."),
               ("METHODS", "Participants reported their walking at baseline and were followed for five years."),
               ("RESULTS", "More walking was associated with fewer replacements (hazard ratio 0.8, 95% CI 0.7 to 0.9)."),
               ("CONCLUSIONS", "Walking is associated with a lower risk of knee replacement."))
    assert appraise(rec)["design"] == "cohort"


# --- A3: a conclusion crediting what every arm received, when the arms differed on one measure only ---

_DOSE = ("Two or three strength sessions a week and balance in older men",
         ("OBJECTIVE", "To compare strength training two or three times a week for balance in older men."),
         ("METHODS", "Sixty men were randomly assigned to train two or three times a week for ten weeks; balance was "
                     "measured in four tasks."),
         ("RESULTS", "A significant group-by-time interaction (P = 0.01) was seen for single-leg stance, in which the "
                     "three-session group improved more than the two-session group. Both groups increased balance in "
                     "tandem stance, reaching and turning, with no statistical difference between groups."),
         ("CONCLUSION", "Ten weeks of strength training improves balance in older men, and the higher frequency gives "
                        "greater gains in single-leg stance."))


def test_a_benefit_every_arm_received_is_no_support_when_the_arms_differed_on_one_measure() -> None:
    a, card = _card(_rec("t-dose", _DOSE[0], *_DOSE[1:]))
    assert a["verdict"] == "Mixed picture", a["verdict_reasons"]
    assert "every group received" in a["verdict_reasons"][0]
    assert "backs it" not in str(card)


def test_a_compared_benefit_or_a_named_primary_keeps_its_support() -> None:
    # the conclusion compares the arms itself: the comparison is the claim
    compared = _DOSE[:4] + (("CONCLUSION", "Training three times a week improved single-leg stance more than twice a "
                                           "week."),)
    assert appraise(_rec("t-dose2", compared[0], *compared[1:]))["verdict"] == "Supports"
    # the arms did not both improve on the outcome the conclusion claims: nothing was credited to both
    other = _DOSE[:3] + (("RESULTS", "A significant group-by-time interaction (P = 0.01) was seen for balance, in which "
                                     "the three-session group improved more than the two-session group. Grip strength "
                                     "did not differ between the groups."), _DOSE[4])
    assert appraise(_rec("t-dose3", other[0], *other[1:]))["verdict"] == "Supports"


def test_positive_effects_read_as_a_benefit() -> None:
    for text in ["The programme had positive effects on attitudes to smoking.",
                 "The trial showed a positive impact of written instructions on question quality."]:
        assert read_sentence(text).label == "for", text
    assert read_sentence("The programme had no positive effect on attitudes.").label != "for"
    assert read_sentence("Both groups increased their walking distance, with no difference between the groups."
                         ).label == "null"
