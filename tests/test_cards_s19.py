"""Session 18's card reading (docs/cards-review.md, "Session 18 (cards18)" and its end sections): an observational
study's exposure is no "Intervention"; a survey's side finding about its questionnaire is not its upshot; a result keeps
the time point it holds at; people of the comparison arm who had the tested treatment anyway are told; a study of links
is not told to "weigh outcomes and time points"; a survey that only counted how common something was says what it
counted; "310 cases" are not 310 people; a recommendation against a treatment is read as one. Abstracts are invented,
in the shape of the ones read."""
from __future__ import annotations

import re

from physiohub.appraise.core import appraise
from physiohub.appraise.reading import read_sentence
from physiohub.cards import check_grounding, generate_card
from physiohub.cards.generate import exposure_rows
from physiohub.cards.upshot import plain_claim, side_finding
from physiohub.models import AbstractSection, Record


def _record(title: str, sections: list[tuple[str, str]]) -> Record:
    return Record(source_format="test", source_id="t19", year=2019, title=title,
                  abstract_sections=[AbstractSection(text=t, label=l, category=l) for l, t in sections])


def _card(title: str, sections: list[tuple[str, str]]) -> tuple[dict, dict, Record]:
    rec = _record(title, sections)
    a = appraise(rec)
    card = generate_card(rec, a)
    assert check_grounding(card, rec) == []
    return card, a, rec


def _rows(card: dict) -> dict[str, str]:
    return {r["label"]: r["text"] for r in card.get("methods") or []}


def _all_text(card: dict) -> str:
    up = card.get("upshot") or {}
    return " ".join([up.get("answer", "")] + (card.get("key_points") or []) + (card.get("limitations") or [])
                    + list((card.get("why_it_matters") or {}).values()))


# --- 1. an exposure, not an intervention ---------------------------------------------------------------------------

_SLEEP_SURVEY = [
    ("OBJECTIVE", "To examine the association between fear of movement and sleep quality in adults with chronic neck pain."),
    ("METHODS", "A cross-sectional survey of 420 adults with chronic neck pain attending physiotherapy clinics. Fear of "
                "movement was measured with a questionnaire and sleep quality with a sleep index."),
    ("RESULTS", "Higher fear of movement was significantly associated with poorer sleep quality after adjustment for pain "
                "intensity and age (p < 0.001)."),
    ("CONCLUSIONS", "Fear of movement is associated with poorer sleep quality in adults with chronic neck pain."),
]


def test_an_observational_study_names_an_exposure_not_an_intervention():
    card, a, _ = _card("Fear of movement and sleep quality in chronic neck pain: a cross-sectional survey", _SLEEP_SURVEY)
    assert a["design"] == "cross-sectional"
    rows = _rows(card)
    assert "Intervention" not in rows
    assert "Exposure" in rows and "fear of movement" in rows["Exposure"].lower()


def test_exposure_rows_only_for_observational_designs():
    rows = [{"label": "Design", "text": "X."}, {"label": "Intervention", "text": "Statins."}]
    for design in ("cohort", "case-control", "cross-sectional"):
        assert [r["label"] for r in exposure_rows(rows, design)] == ["Design", "Exposure"]
    for design in ("randomised controlled trial", "non-randomised controlled trial", "case series", None):
        assert [r["label"] for r in exposure_rows(rows, design)] == ["Design", "Intervention"]


# --- 2. a side finding about the questionnaire is not the upshot ---------------------------------------------------

def test_a_psychometric_side_finding_is_recognised_only_beside_another_question():
    side = "Additional evidence for the construct validity of the Kinesiophobia Scale was found as well."
    assert side_finding(side, "association") and side_finding(side, "intervention")
    assert not side_finding(side, "accuracy")  # for a validation study, that is the answer
    assert side_finding("A two-factor model of the scale was confirmed and internal consistency was adequate.", "association")
    # the main association, with the scale named in passing, is no side finding
    assert not side_finding("Kinesiophobia was associated with disability beyond pain intensity.", "association")


def test_a_survey_upshot_gives_its_main_link_not_its_scale_check():
    card, a, _ = _card("Kinesiophobia and disability in a community sample with low back pain", [
        ("", "The aim of this study was to examine the association between kinesiophobia and disability in a community "
             "sample of adults with low back pain. For exploratory reasons, the factor structure and reliability of the "
             "Kinesiophobia Scale were also examined."),
        ("", "Results showed that kinesiophobia predicted disability beyond pain intensity, age and sex. The association "
             "between kinesiophobia and disability was not moderated by the duration of pain. Confirmatory factor "
             "analysis supported a two-factor model of the Kinesiophobia Scale, and its reliability was adequate. "
             "Additional evidence for the concurrent validity of the Kinesiophobia Scale was found as well."),
    ])
    if a["verdict"] != "Supports":
        return  # the card's own rules are what is tested here; the reading of the verdict is tested elsewhere
    answer = card["upshot"]["answer"]
    assert "validity" not in answer and "factor" not in answer, answer
    assert "predicted disability" in answer or "linked" in answer
    assert not any(re.search(r"validity|factor model|two-factor|reliability", p) for p in card["key_points"]), card["key_points"]


# --- 3. a result keeps its time point -------------------------------------------------------------------------------

def test_a_time_point_stays_with_its_result():
    assert plain_claim("At 6 months, the mean disability score was the same in both groups (5.0; 95% CI 4.2-5.8).") == \
        "At 6 months, the mean disability score was the same in both groups."
    assert plain_claim("Pain was significantly lower with splinting at 12 weeks (p = 0.01).") == \
        "Pain was clearly lower with splinting at 12 weeks."
    assert plain_claim("At the 12-month follow-up, function was better with exercise than with advice (p < 0.05).") == \
        "At the 12-month follow-up, function was better with exercise than with advice."
    # a treatment's length still goes ("for 12 weeks", "after 6 weeks of")
    assert plain_claim("Pain decreased significantly after 6 weeks of exercise (p < 0.01).") == \
        "Pain decreased clearly with exercise."
    assert "12" not in (plain_claim("Participants who walked for 12 weeks reported less pain than controls (p = 0.03).") or "")


def test_a_too_long_line_drops_its_time_point_rather_than_the_line():
    text = ("A weight management programme was successful in improving several factors of quality of life at the end of "
            "the programme and many of those improvements were maintained at 24 months.")
    assert plain_claim(text, 30).endswith("were maintained at 24 months.")
    assert plain_claim(text, 28).endswith("were maintained.")  # 30 words with it, 27 without: the line stays


def test_the_card_says_when_a_result_held():
    card, _, _ = _card("Oral supplement X for chronic hip pain: a randomized placebo-controlled trial", [
        ("OBJECTIVE", "To investigate the effect of supplement X on disability in adults with chronic hip pain."),
        ("METHODS", "A double-blind randomized trial in 200 adults with chronic hip pain who took supplement X or placebo "
                    "for 6 months, with follow-up at 1 year. The primary outcome was disability."),
        ("RESULTS", "At 6 months, the mean disability score was the same for the supplement X and placebo groups (6.1; 95% "
                    "CI 5.2-7.0). At 1 year, the mean disability scores were 5.9 for supplement X and 6.4 for placebo. No "
                    "significant difference in change between groups was found at 6 months or at 1 year (P = .61)."),
        ("CONCLUSIONS", "Supplement X did not reduce disability compared with placebo."),
    ])
    same = [p for p in card["key_points"] if "was the same" in p]
    assert same and all("6 months" in p for p in same), card["key_points"]


# --- 4. cross-over to the tested treatment ---------------------------------------------------------------------------

_SURGERY = [
    ("OBJECTIVE", "To compare early shoulder surgery with physiotherapy for people with a rotator cuff tear."),
    ("METHODS", "A randomised controlled trial in 180 adults with a traumatic rotator cuff tear, assigned to early surgery "
                "or to physiotherapy with surgery later if needed. The primary outcome was shoulder function at 1 year."),
    ("RESULTS", "Of the 90 patients assigned to early surgery, 84 (93%) underwent repair. Of the 90 patients assigned to "
                "physiotherapy, 27 (30%) eventually underwent surgery. There was no significant difference in shoulder "
                "function between the groups at 1 year (P = 0.41)."),
    ("CONCLUSIONS", "Early surgery did not improve shoulder function at 1 year compared with physiotherapy."),
]


def test_people_of_the_comparison_arm_who_had_the_treatment_anyway_are_told():
    card, _, _ = _card("Early surgery or physiotherapy for traumatic rotator cuff tears: a randomised trial", _SURGERY)
    crossed = [p for p in card["key_points"] if re.search(r"assigned to physio(?:therapy)?,", p) and "surgery anyway" in p]
    assert crossed and "27" in crossed[0] and "90" in crossed[0], card["key_points"]
    assert any(l.startswith("Cross-over: 27 of the 90 people assigned to physiotherapy") for l in card["limitations"])
    # the tested arm having its own treatment is adherence, not cross-over
    assert not any("84" in p for p in card["key_points"])


def test_no_cross_over_without_the_other_arms_treatment():
    sections = [s if s[0] != "RESULTS" else ("RESULTS", "Of the 90 patients assigned to early surgery, 84 (93%) underwent "
                                                         "repair. There was no significant difference in shoulder function "
                                                         "between the groups at 1 year (P = 0.41).") for s in _SURGERY]
    card, _, _ = _card("Early surgery or physiotherapy for traumatic rotator cuff tears: a randomised trial", sections)
    assert not any("anyway" in p for p in card["key_points"])
    assert not any(l.startswith("Cross-over") for l in card.get("limitations") or [])


# --- 5. a study of links has no outcomes and time points to weigh --------------------------------------------------

def test_a_mixed_link_tells_clinicians_to_check_where_it_held():
    card, a, _ = _card("Type 2 diabetes and grip strength in older adults", [
        ("OBJECTIVE", "To examine the association between type 2 diabetes and grip strength in older adults."),
        ("METHODS", "A cross-sectional survey of 812 community-dwelling adults aged 65 years or over."),
        ("RESULTS", "In women, grip strength was significantly lower in those with diabetes than in those without (p = "
                    "0.01). In men, there was no significant difference in grip strength by diabetes status (p = 0.62)."),
        ("CONCLUSIONS", "Women, but not men, with type 2 diabetes have lower grip strength than those without diabetes."),
    ])
    assert a["verdict"] == "Mixed picture"
    clin = card["why_it_matters"]["clinicians"]
    assert "time points" not in clin and "groups or measures" in clin, clin
    assert not any("benefit" in l.lower() for l in card.get("limitations") or []), card.get("limitations")


# --- 6. a survey that counted how common something was -------------------------------------------------------------

_RUNNERS = [
    ("OBJECTIVE", "To describe the proportion of recreational runners who sustained a running-related injury in the past "
                  "year."),
    ("METHODS", "An online questionnaire was sent to members of 12 running clubs."),
    ("RESULTS", "Of 640 runners who responded, 282 (44%) reported at least one running-related injury in the past year. "
                "The knee was the most common site."),
    ("CONCLUSION", "Running clubs were a good place to reach recreational runners for research."),
]


def test_a_prevalence_survey_without_a_stated_result_says_what_it_counted():
    card, a, _ = _card("Running injuries in recreational runners: a survey of club members", _RUNNERS)
    assert a["verdict"] == "Too early to tell"  # the badge is not made stronger
    answer = card["upshot"]["answer"]
    assert "282 (44%)" in answer and "does not say clearly" not in answer, answer
    assert "did not test a treatment" in answer
    assert "counted_only" in card["flags"] and "unclear_result" not in card["flags"]
    why = card["why_it_matters"]
    assert "282 (44%)" in why["patients"] and "early piece" not in why["patients"]
    assert "hypothesis" not in why["clinicians"] and "counted how common" in why["clinicians"]
    assert "counted how many" in why["readers"]


def test_a_survey_with_no_share_stays_unclear():
    sections = [s if s[0] != "RESULTS" else ("RESULTS", "Most runners trained on roads and a few used trails.")
                for s in _RUNNERS]
    card, _, _ = _card("Running injuries in recreational runners: a survey of club members", sections)
    assert "counted_only" not in (card.get("flags") or [])


# --- 7. cases are not people -----------------------------------------------------------------------------------------

def _n(text: str) -> int | None:
    return appraise(_record("A study", [("", text)]))["n_participants"]


def test_cases_knees_and_shoulders_are_not_people():
    # in a study with controls, its cases are one of its groups, never its sample
    assert _n("We identified 310 cases of hip fracture and matched each to two controls from the same practice.") is None
    # with no controls, its cases are its patients, unless no count of people is given otherwise
    assert _n("This study was based on four cases (one man and three women) of air embolism after lung biopsy.") == 4
    assert _n("Approximately 46,000 new cases are expected each year. We reviewed records of 120 patients.") == 120
    # "we enrolled 553 eligible patients" counts those enrolled, not one arm's "275 patients allocated A"
    assert _n("We enrolled 553 eligible patients. Median survival in 275 patients allocated to A was 11 months.") == 553
    # two groups of cases in one sentence: neither is the sample
    assert _n("A total of 374 cases recorded in the registry and 512 cases seen at the centre were analysed.") is None
    assert _n("We included 60 patients (120 knees) with knee osteoarthritis.") == 60
    assert _n("A total of 140 shoulders were operated on.") is None
    # a case-control study's two groups add up
    assert _n("A total of 375 cases and 327 controls were interviewed about their diet.") == 702
    # the people a written scenario describes are not the sample; its respondents are
    assert _n("We surveyed 120 physiotherapists using two case scenarios representing patients with back pain.") == 120
    assert _n("Clinicians were asked to assess six patients using clinical scenarios. A total of 14 clinicians took part.") == 14


def test_a_case_control_card_does_not_call_its_cases_people():
    card, _, _ = _card("Sleeping tablets and hip fracture: a case-control study", [
        ("OBJECTIVE", "To examine the association between sleeping tablets and hip fracture in older adults."),
        ("METHODS", "We identified 310 cases of hip fracture and matched each to two controls from the same practice."),
        ("RESULTS", "Use of sleeping tablets was significantly associated with hip fracture (odds ratio 1.6, 95% CI 1.2 "
                    "to 2.1)."),
        ("CONCLUSIONS", "Sleeping tablets are associated with hip fracture in older adults."),
    ])
    assert "310 people" not in _all_text(card)
    assert "It included 310" not in " ".join(card["key_points"])


# --- 8. a recommendation against the treatment -----------------------------------------------------------------------

def test_a_recommendation_against_is_read_beside_a_null_result():
    r = read_sentence("Adding drug Y to chemotherapy does not increase overall survival and cannot be recommended for "
                      "use in unselected patients.")
    assert r.label == "against"
    assert read_sentence("Drug Y did not improve pain and should not be used for knee pain.").label == "against"
    assert read_sentence("Drug Y did not improve pain.").label == "null"


def test_a_treatment_whose_comparison_lived_longer_is_not_carded_similar():
    card, a, _ = _card("Drug Y added to chemotherapy for advanced stomach cancer: a randomised trial", [
        ("BACKGROUND", "Drug Y might improve survival when added to chemotherapy."),
        ("METHODS", "In this randomised trial, 420 patients with advanced stomach cancer were assigned to chemotherapy "
                    "alone or chemotherapy plus drug Y. The primary endpoint was overall survival."),
        ("FINDINGS", "Median overall survival was 11.0 months with chemotherapy alone compared with 8.5 months with "
                     "chemotherapy plus drug Y (hazard ratio 1.35, 95% CI 1.06-1.72; p = 0.015)."),
        ("INTERPRETATION", "Adding drug Y to chemotherapy does not increase overall survival and cannot be recommended "
                           "for use in unselected patients."),
    ])
    assert a["verdict"] == "Does not support"
    assert "similar" not in card["upshot"]["answer"]
