"""Session 20's card reading (docs/cards-review.md, "Session 20 (cards20)" and "Session 20, end (lead)"): a prevention
trial's people do not have the problem yet; the authors' "may" is not raised to "probably"; a subgroup's result is no key
point; a test's later use is not the size of its accuracy study; a study of a test names its index test; a trial whose
comparison group did clearly better says so; place words of anatomy are explained. Abstracts are invented, in the shape
of the ones read."""
from __future__ import annotations

from physiohub.appraise.core import appraise
from physiohub.cards import check_grounding, generate_card
from physiohub.cards.casing import upper_first
from physiohub.cards.grounding import source_values, ungrounded
from physiohub.cards.plain import gloss, lay, unglossed
from physiohub.cards.question import from_title
from physiohub.cards.upshot import similar
from physiohub.models import AbstractSection, Record
from physiohub.text import split_sentences, split_spans


def _record(title: str, sections: list[tuple[str, str]]) -> Record:
    return Record(source_format="test", source_id="t21", year=2021, title=title,
                  abstract_sections=[AbstractSection(text=t, label=l, category=l) for l, t in sections])


def _card(title: str, sections: list[tuple[str, str]]) -> tuple[dict, dict, Record]:
    rec = _record(title, sections)
    a = appraise(rec)
    card = generate_card(rec, a)
    assert check_grounding(card, rec) == []
    return card, a, rec


def _rows(card: dict) -> dict[str, str]:
    return {r["label"]: r["text"] for r in card.get("methods") or []}


def _texts(card: dict) -> list[str]:
    return ([card["upshot"].get("question", ""), card["upshot"].get("answer", "")] + card.get("key_points", [])
            + card.get("limitations", []) + list((card.get("why_it_matters") or {}).values()))


def _numbers_in_source(card: dict, rec: Record) -> None:
    values = source_values(rec)
    for t in _texts(card):
        assert not ungrounded(t, values), t


# --- 1. a prevention trial: the people are at risk, not people who have the problem ----------------------------------

_TAPING_TITLE = ("Prophylactic ankle taping for prevention of ankle sprain in amateur basketball players: a randomised "
                 "controlled trial")
_TAPING = [
    ("BACKGROUND", "Ankle sprain is the most common injury in basketball."),
    ("OBJECTIVE", "To evaluate the effect of prophylactic ankle taping on the rate of ankle sprain over one season."),
    ("METHODS", "Amateur basketball players without a current ankle injury were randomised to ankle taping before every "
                "game and training session or to no taping. The primary outcome was the number of players with an ankle "
                "sprain during the season."),
    ("RESULTS", "A total of 312 players were randomised. Fewer players in the taping group sustained an ankle sprain "
                "(11 of 156 vs 27 of 156; p = 0.006). Players with a previous ankle sprain in the taping group had "
                "significantly fewer sprains than those in the control group (p = 0.01)."),
    ("CONCLUSIONS", "Prophylactic ankle taping may reduce the rate of ankle sprain in amateur basketball players."),
]


def test_a_prevention_title_names_the_people_at_risk_not_people_with_the_problem():
    q = from_title("Exercise for the prevention of low back pain in office workers", "intervention")
    assert q.prevents == "low back pain" and q.population == "office workers" and q.intervention == "exercise"
    q = from_title("Safety and efficacy of a lifestyle intervention for pregnant women to prevent excessive weight gain",
                   "intervention")
    assert q.population == "pregnant women" and q.intervention == "lifestyle intervention"
    # no people named: nobody "with" the prevented problem stands in for them
    q = from_title("Compression stockings for prevention of venous thrombosis after knee replacement", "intervention")
    assert q.prevents.startswith("venous thrombosis") and q.population == ""
    # a treatment title keeps its people
    assert from_title("Manual therapy for the treatment of neck pain", "intervention").population == "people with neck pain"


def test_a_prevention_trial_card_never_speaks_to_people_who_already_have_the_problem():
    card, a, rec = _card(_TAPING_TITLE, _TAPING)
    assert a["design"] == "randomised controlled trial"
    for t in _texts(card):
        assert "with ankle sprain" not in t.lower() and "if you have ankle sprain" not in t.lower(), t
    _numbers_in_source(card, rec)


# --- 2. the authors' "may" survives ------------------------------------------------------------------------------------

def test_the_authors_may_is_not_raised_to_probably():
    card, a, rec = _card(_TAPING_TITLE, _TAPING)
    assert a["evidence"] in ("Moderate", "Strong") and a["verdict"] == "Supports"
    answer = card["upshot"]["answer"]
    assert "probably" not in answer and " may " in answer, answer
    assert "probably" not in card["why_it_matters"]["patients"]


def test_a_sure_main_conclusion_keeps_its_certainty_word():
    sure = [*_TAPING[:4], ("CONCLUSIONS", "Prophylactic ankle taping reduces the rate of ankle sprain in amateur basketball "
                                          "players. Taping may also reduce the time lost from play.")]
    card, a, _ = _card(_TAPING_TITLE, sure)
    if a["evidence"] == "Moderate":
        assert "probably" in card["upshot"]["answer"], card["upshot"]["answer"]


# --- 3. a subgroup's result is no key point ----------------------------------------------------------------------------

def test_a_subgroup_result_stays_in_the_findings_with_a_limitation():
    card, a, rec = _card(_TAPING_TITLE, _TAPING)
    for t in card.get("key_points", []):
        assert "previous ankle sprain" not in t, t
    assert any("previous ankle sprain" in t for t in card.get("findings", []))
    assert any("subgroup" in t for t in card.get("limitations", []))
    # and the subgroup's words do not make the population row
    assert "previous ankle sprain" not in _rows(card).get("Population", "")


def test_a_result_of_a_trial_arm_is_no_subgroup():
    arms = [*_TAPING[:3], ("RESULTS", "A total of 312 players were randomised. Fewer players in the taping group sustained "
                                      "an ankle sprain (11 of 156 vs 27 of 156; p = 0.006). Players who received taping "
                                      "reported significantly less ankle instability than controls (p = 0.02)."),
            _TAPING[4]]
    card, _, _ = _card(_TAPING_TITLE, arms)
    assert not any("subgroup" in t for t in card.get("limitations", []))


# --- 4. a test's later use is not the size of its accuracy study ------------------------------------------------------

_SCREEN_TITLE = "ShoulderCHECK: a new screening questionnaire to identify rotator cuff tears in people with shoulder pain"
_SCREEN = [
    ("OBJECTIVE", "To develop and validate a short screening questionnaire for rotator cuff tears and to estimate how "
                  "common tears are in people consulting with shoulder pain."),
    ("METHODS", "We developed and validated the ShoulderCHECK questionnaire against ultrasound in a prospective study in "
                "three clinics and subsequently applied it to approximately 6500 patients with shoulder pain in a national "
                "survey."),
    ("RESULTS", "ShoulderCHECK had a sensitivity of 82% and a specificity of 77% for full-thickness tears. In the survey, "
                "29% of respondents screened positive."),
    ("CONCLUSION", "ShoulderCHECK is a simple and accurate screening tool for rotator cuff tears."),
]


def test_a_survey_after_validation_is_not_the_accuracy_studys_sample():
    card, a, rec = _card(_SCREEN_TITLE, _SCREEN)
    assert a["design"] == "diagnostic accuracy"
    assert "In this study of 6500" not in card["upshot"]["answer"]
    assert "It included 6500 people" not in card["key_points"][0]
    assert "survey" in card["key_points"][0] and "6500" in card["key_points"][0]
    assert "later use" in _rows(card)["Sample"]
    assert "6500" not in card["why_it_matters"]["clinicians"]
    _numbers_in_source(card, rec)


# --- 5. a study or review of a test names its index test -------------------------------------------------------------

_TESTS_REVIEW = [
    ("QUESTION", "How accurate are physical examination tests for meniscal tears?"),
    ("DESIGN", "A systematic review of studies of the diagnostic accuracy of physical examination tests for meniscal tears."),
    ("PARTICIPANTS", "People with knee pain who underwent physical examination in order to diagnose a meniscal tear."),
    ("RESULTS", "Nine studies met the inclusion criteria. Joint line tenderness had a positive likelihood ratio of 1.6. "
                "No test had both a high sensitivity and a high specificity."),
    ("CONCLUSION", "Most physical examination tests for meniscal tears were inaccurate and cannot be recommended alone."),
]


def test_a_diagnostic_review_names_index_tests_not_an_intervention():
    card, a, rec = _card("Physical examination tests for meniscal tears: a systematic review", _TESTS_REVIEW)
    rows = _rows(card)
    assert "Intervention" not in rows, rows
    if a.get("question_kind") == "accuracy" or a["design"] == "diagnostic accuracy":
        assert "Index tests" in rows


def test_a_study_of_a_test_names_the_test_and_the_condition():
    card, a, _ = _card(_SCREEN_TITLE, _SCREEN)
    rows = _rows(card)
    assert "Intervention" not in rows and rows.get("Index test", "").startswith("ShoulderCHECK")
    assert "rotator cuff tears" in rows.get("Target condition", "").lower()


# --- 6. the comparison group did clearly better ----------------------------------------------------------------------

_ADDON_TITLE = "Standard chemotherapy with or without drug Z for advanced cancer: a randomised phase 3 trial"
_ADDON = [
    ("BACKGROUND", "We aimed to assess the addition of drug Z to standard chemotherapy in patients with advanced cancer."),
    ("METHODS", "Patients were randomly allocated to standard chemotherapy (SC) or modified chemotherapy plus drug Z "
                "(mSC+Z). The primary endpoint was overall survival in the intention-to-treat population."),
    ("FINDINGS", "We enrolled 420 patients. Median overall survival in 210 patients allocated SC was 12.1 months compared "
                 "with 9.4 months in 210 patients allocated mSC+Z (hazard ratio 1.31; p=0.02). mSC+Z was associated with "
                 "more diarrhoea (30 vs 12 patients)."),
    ("INTERPRETATION", "Addition of drug Z to standard chemotherapy does not increase overall survival and cannot be "
                       "recommended."),
]


def test_a_sentence_may_open_with_a_lower_case_name_in_an_abstract():
    text = "Survival was longer with SC (p=0.02). mSC+Z was associated with more diarrhoea. p-S6 was high."
    assert len(split_sentences(text)) == 1  # (web pages keep the plain boundary)
    assert len(split_spans(text, abstract=True)) == 3


def test_when_the_comparison_group_did_clearly_better_the_card_says_so():
    card, a, rec = _card(_ADDON_TITLE, _ADDON)
    assert a["verdict"] == "Does not support"
    answer = card["upshot"]["answer"]
    assert "worse with the treatment" in answer and "statistically clear" in answer, answer
    assert any("favoured the comparison group" in t for t in card["key_points"]), card["key_points"]
    assert "were worse with" in card["why_it_matters"]["patients"]
    _numbers_in_source(card, rec)


def test_no_such_line_when_the_main_measure_did_not_differ():
    null = [*_ADDON[:2], ("FINDINGS", "We enrolled 420 patients. Median overall survival was 12.1 months with SC and 11.8 "
                                      "months with mSC+Z (hazard ratio 1.02; p=0.81)."), _ADDON[3]]
    card, _, _ = _card(_ADDON_TITLE, null)
    assert "worse with the treatment" not in card["upshot"].get("answer", "")


# --- 7. place words of anatomy, explained --------------------------------------------------------------------------------

def test_anatomy_place_words_are_explained_once():
    assert lay("A subacromial injection helped.") == "A shoulder-space (subacromial) injection helped."
    assert lay("Intra-articular steroid injections were compared.").startswith("Joint (intra-articular) steroid")
    assert lay("Patients with neuropathic pain") == "People with nerve-related (neuropathic) pain"
    assert gloss("shoulder-space (subacromial) injection") == "shoulder-space (subacromial) injection"  # said once
    assert lay("intra-articular (into the joint) injection") == "intra-articular (into the joint) injection"
    assert lay("Patellofemoral Pain Syndrome was studied.") == "Patellofemoral Pain Syndrome was studied."
    # two lines that share only an explanation do not say the same
    assert unglossed("a joint (intra-articular) injection") == "a intra-articular injection"
    assert not similar("Shoulder-space (subacromial) injection helped pain.", "Shoulder-space (subacromial) surgery failed.")


def test_a_change_score_sign_is_said_in_words():
    assert lay("Lower ΔCMS scores were seen.") == "Lower change in CMS scores were seen."
    assert "TΔMAX" in lay("The TΔMAX rose.")  # inside a name it stays


def test_a_name_written_in_lower_case_keeps_its_letters():
    assert upper_first("painDETECT may be useful.") == "painDETECT may be useful."
    assert upper_first("mEOC+P was given.") == "mEOC+P was given."
    assert upper_first("pain fell.") == "Pain fell."


def test_a_no_treatment_arm_abbreviation_is_not_spelled_out_into_a_negation():
    from physiohub.cards.abbrev import definitions
    defs = definitions("Patients received stimulation or no stimulation (NS). The NS group worsened.")
    assert "NS" not in defs


# --- 8. a review's answer names the disorder its conclusion names, not the title's broad class ------------------------

_WORK_TITLE = "Associations between occupational factors and specific disorders of the knee: a systematic review"
_WORK = [
    ("OBJECTIVE", "To assess the associations between occupational physical factors and specific knee disorders in "
                  "working populations."),
    ("METHODS", "We searched for cohort and case-control studies of kneeling, squatting, lifting and climbing and the "
                "occurrence of knee osteoarthritis (KOA), meniscal lesions and bursitis. Odds ratios (OR) were extracted."),
    ("RESULTS", "Kneeling or squatting for more than 1 hour per day was associated with KOA (OR 1.6-2.4). Heavy lifting "
                "was associated with KOA (OR 1.4-2.0). None of the included studies examined bursitis."),
    ("CONCLUSIONS", "Kneeling, squatting and heavy lifting at work are associated with the occurrence of KOA."),
]


def test_a_reviews_answer_names_the_disorder_its_conclusion_names():
    card, a, rec = _card(_WORK_TITLE, _WORK)
    assert a["question_kind"] == "association"
    first = card["upshot"]["answer"].split(". ")[0]
    assert "specific disorders" not in first and "osteoarthritis" in first, first
    # the question still asks what the review asked
    assert "specific disorders of the knee" in card["upshot"]["question"]
    _numbers_in_source(card, rec)


# --- 9. methods rows: no background words, no title pieces ------------------------------------------------------------

_TREND_TITLE = "Incidence of ankle fractures in adolescents over 20 years: a population-based study"
_TREND = [
    ("CONTEXT", "Ankle fractures in adolescents may be rising, possibly because of lower vitamin D status during growth."),
    ("OBJECTIVE", "To determine whether the incidence of ankle fractures in adolescents has changed."),
    ("DESIGN, SETTING, AND PATIENTS", "Population-based study of residents aged 10 to 19 years with ankle fractures in "
                                      "1995-1999 and 2010-2014."),
    ("RESULTS", "Age-adjusted incidence rates increased from 120.4 to 151.9 per 100 000 (P = .002)."),
    ("CONCLUSIONS", "There has been a significant increase in the incidence of ankle fractures in adolescents."),
]


def test_an_outcomes_row_is_not_a_background_word():
    from physiohub.cards.parts import analyse
    from physiohub.cards.spans import _methods_outcomes_first
    rec = _record(_TREND_TITLE, _TREND)
    p = analyse(rec)

    def span(words: str) -> dict:
        at = rec.abstract.index(words)
        return {"text": words, "field": "abstract", "start": at, "end": at + len(words)}
    background, concluded = span("vitamin D status"), span("incidence of ankle fractures in adolescents")
    assert _methods_outcomes_first(p, [background, concluded]) == [concluded]
    assert _methods_outcomes_first(p, [background]) == [background]  # (nothing better: kept)
    card, a, _ = _card(_TREND_TITLE, _TREND)
    assert "vitamin d" not in _rows(card).get("Outcomes", "").lower()


def test_a_titles_subtitle_is_no_exposure():
    q = from_title("Knee pain in Europe: its impact and a comparison of patient and physician views", "association")
    assert q.intervention == "" and q.outcome == ""
    q = from_title("Occupational kneeling and knee osteoarthritis in floor layers", "association")
    assert q.intervention == "occupational kneeling" and q.outcome == "knee osteoarthritis"


def test_the_clinicians_line_says_what_not_to_rely_on():
    card, a, _ = _card("Physical examination tests for meniscal tears: a systematic review", _TESTS_REVIEW)
    line = card["why_it_matters"]["clinicians"]
    if a["verdict"] == "Does not support":
        assert not line.endswith("relying on it."), line
