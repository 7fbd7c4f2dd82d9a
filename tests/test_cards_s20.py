"""Session 19's card reading (docs/cards-review.md, "Session 19 (cards19)" and "Session 19, end (lead)"): a review of
observational studies names an exposure, not an intervention; a review's statement that its studies left something out
is a limitation; a review's pooled result is a key point before what its studies were like; the evidence ladder says
each step once; a link's direction is read against the sentence's own reference group; statistical wording has a plain
form; a time point keeps its number. Abstracts are invented, in the shape of the ones read."""
from __future__ import annotations

import re

from physiohub.appraise.core import appraise
from physiohub.appraise.reading import read_sentence
from physiohub.cards import check_grounding, generate_card
from physiohub.cards.grounding import source_values, ungrounded
from physiohub.cards.generate import _GAP, _GAP_RESULT, exposure_rows, study_makeup
from physiohub.cards.ladder import plain_ladder
from physiohub.cards.plain import lay
from physiohub.cards.upshot import plain_claim
from physiohub.cards.wording import _sentence_direction
from physiohub.models import AbstractSection, Record


def _record(title: str, sections: list[tuple[str, str]]) -> Record:
    return Record(source_format="test", source_id="t20", year=2020, title=title,
                  abstract_sections=[AbstractSection(text=t, label=l, category=l) for l, t in sections])


def _card(title: str, sections: list[tuple[str, str]]) -> tuple[dict, dict, Record]:
    rec = _record(title, sections)
    a = appraise(rec)
    card = generate_card(rec, a)
    assert check_grounding(card, rec) == []
    return card, a, rec


def _rows(card: dict) -> dict[str, str]:
    return {r["label"]: r["text"] for r in card.get("methods") or []}


def _numbers_in_source(card: dict, rec: Record) -> None:
    """No number on the card that the source does not state (digits or words: "Fourteen studies" grounds 14)."""
    values = source_values(rec)
    texts = [card["upshot"].get("answer", "")] + card.get("key_points", []) + card.get("limitations", []) \
        + list((card.get("why_it_matters") or {}).values())
    for t in texts:
        assert not ungrounded(t, values), t


# --- 1 and 2. a review of observational studies: an exposure, and its gaps are limitations ---------------------------

_SITTING = [
    ("OBJECTIVE", "To assess the association between occupational sitting and low back pain in working adults."),
    ("METHODS", "We searched MEDLINE and EMBASE for cohort and case-control studies of occupational sitting and low back "
                "pain. Odds ratios were pooled with random-effects models."),
    ("RESULTS", "Fourteen studies with 9,400 workers were included. Study quality varied widely between studies. Sitting for "
                "more than half of the working day was associated with low back pain (pooled OR 1.35, 95% CI 1.10 to 1.66). "
                "Sitting combined with awkward postures was associated with sciatica (OR 2.10, 95% CI 1.30 to 3.40). None "
                "of the included studies examined the association between sitting and neck pain."),
    ("CONCLUSIONS", "Prolonged occupational sitting is associated with low back pain in working adults."),
]
_SITTING_TITLE = "Occupational sitting and low back pain: a systematic review and meta-analysis of observational studies"


def test_a_review_of_observational_studies_names_an_exposure():
    card, a, rec = _card(_SITTING_TITLE, _SITTING)
    assert a["design"] in ("meta-analysis", "systematic review") and a["question_kind"] == "association"
    rows = _rows(card)
    assert "Intervention" not in rows and "occupational sitting" in rows["Exposure"].lower()
    assert rows.get("Outcomes", "").lower() != rows["Exposure"].lower()  # the exposure is no outcome
    _numbers_in_source(card, rec)


def test_exposure_rows_for_reviews_of_links_only():
    rows = [{"label": "Design", "text": "X."}, {"label": "Intervention", "text": "Work-related factors."}]
    text = "A systematic review of cohort studies; odds ratios were pooled."
    assert [r["label"] for r in exposure_rows(rows, "systematic review", "association", text)] == ["Design", "Exposure"]
    # a review of trials pools a treatment, whatever its question's kind; a review of a treatment keeps it too
    trials = "A systematic review of randomised controlled trials of exercise."
    assert [r["label"] for r in exposure_rows(rows, "meta-analysis", "association", trials)] == ["Design", "Intervention"]
    assert [r["label"] for r in exposure_rows(rows, "meta-analysis", "intervention", text)] == ["Design", "Intervention"]


def test_a_review_gap_is_a_limitation_not_a_silent_abstract():
    card, _, _ = _card(_SITTING_TITLE, _SITTING)
    lims = card["limitations"]
    assert "The abstract does not state the study's limitations." not in lims
    assert any(l.startswith("Gap in the evidence: none of the included studies examined") and "neck pain" in l for l in lims)
    assert any("may not be cause and effect" in l for l in lims)


def test_gap_sentences_are_told_from_results():
    for gap in ("No study examined long-term outcomes beyond one year.",
                "There were no trials that assessed return to work.",
                "We found no studies comparing surgery with exercise.",
                "None of the included studies reported on costs.",
                "No trials have yet examined the effect of taping on pain in children."):
        assert _GAP.match(gap) and not _GAP_RESULT.search(gap), gap
    for result in ("None of the trials reported a significant difference in pain.",
                   "No study reported serious adverse events.",
                   "None of the patients reported pain.",
                   "No significant differences were found between the groups."):
        assert not (_GAP.match(result) and not _GAP_RESULT.search(result)), result


# --- 3. a review's pooled result before what its studies were like ---------------------------------------------------

_PRP = [
    ("OBJECTIVES", "To determine the efficacy and safety of platelet-rich plasma injections in adults with lateral elbow pain."),
    ("SELECTION CRITERIA", "Randomised trials comparing platelet-rich plasma injections with placebo or another intervention."),
    ("MAIN RESULTS", "Eighteen trials met the inclusion criteria. The number, volume and preparation of injections varied "
                     "widely between trials. The number of participants per trial ranged from 28 to 230. Methodological "
                     "quality was variable. Platelet-rich plasma was shown to have a small benefit over placebo for pain at "
                     "three months in some trials however no benefit over corticosteroid injection was shown in the pooled "
                     "results of five trials. One trial suggested better grip strength with platelet-rich plasma than with "
                     "physiotherapy at six weeks."),
    ("AUTHORS' CONCLUSIONS", "Platelet-rich plasma injection for lateral elbow pain may give a small benefit over placebo, "
                             "although the effect may be small and not well-maintained."),
]


def test_a_review_key_points_give_its_pooled_result_not_its_studies_make_up():
    card, a, rec = _card("Platelet-rich plasma injections for lateral elbow pain", _PRP)
    assert a["verdict"] == "Mixed picture"
    kps = " ".join(card["key_points"])
    assert "varied widely" not in kps and "ranged from" not in kps and "Methodological quality" not in kps
    pooled = next(k for k in card["key_points"] if "pooled results" in k)
    # both halves of the result: the small benefit over placebo and none over corticosteroid
    assert "small benefit over placebo" in pooled and "no benefit over corticosteroid" in pooled
    _numbers_in_source(card, rec)


def test_study_make_up_sentences():
    for t in ("The number, site and dosage of injections varied widely between studies.",
              "The number of participants per trial ranged from 20 to 114 (median 52 participants).",
              "Methodological quality was variable.",
              "Most trials were small."):
        assert study_makeup(t), t
    for t in ("Exercise reduced pain more than usual care in pooled results of six trials.",
              "The effect varied between trials but favoured exercise.",
              "Pain scores ranged from 2 to 8 and improved more with exercise."):
        assert not study_makeup(t), t


def test_a_bare_however_joins_two_clauses_for_the_reader():
    r = read_sentence("For rotator cuff disease, injection was shown to have a small benefit over placebo in some trials "
                      "however no benefit over NSAID was shown in the pooled results of three trials.", "intervention")
    assert r.label == "mixed"
    # an aside inside one clause stays one clause
    assert read_sentence("The difference was however not significant.", "intervention").label == "null"


# --- 4. the evidence ladder says each step once ------------------------------------------------------------------------

def test_the_ladder_says_each_step_once():
    reasons = ["Started at Strong: meta-analysis of randomised trials",
               "lowered to Moderate: the authors report few or small studies ('small sample sizes')",
               "lowered to Limited: the authors report studies of low or uneven quality ('quality was variable')",
               "lowered to Very limited: the authors report heterogeneous studies ('heterogeneity')",
               "stays at Very limited: the authors report 'little overall evidence'"]
    text = plain_ladder(reasons, "Very limited", None, 26)
    assert text == ("It started at strong as a review of randomised trials, then was lowered step by step to very limited "
                    "because the authors report few or small studies, studies of low or uneven quality and heterogeneous "
                    "studies, and stays there because they also report little overall evidence.")
    assert text.count("lowered") == 1 and text.count("the authors report") == 1
    two = plain_ladder(["Started at Moderate: randomised controlled trial",
                        "lowered to Limited: small sample (35 participants in total; under 50)",
                        "lowered to Very limited: pilot or feasibility study (the text says 'pilot')"], "Very limited", 35)
    assert two == ("It started at moderate as a randomised trial, then was lowered step by step to very limited because "
                   "only 35 people took part and it was a pilot study.")
    # one step reads as before; a reason at the lowest level is said without a step
    assert plain_ladder(["Started at Moderate: randomised controlled trial",
                         "lowered to Limited: small sample (44 participants in total; under 50)"], "Limited", 44) == \
        "It started at moderate as a randomised trial, then was lowered to limited because only 44 people took part."
    assert plain_ladder(["Started at Very limited: case report", "stays at Very limited: the publication has been retracted"],
                        "Very limited") == ("It started at very limited as a report about one patient and stays there "
                                            "because the paper was retracted.")


# --- 5. a link's direction, read against the sentence's own reference group --------------------------------------------

def test_direction_is_read_against_the_reference_group():
    lower = ("Compared with non-users, statin users had a lower risk of hip fracture (OR 0.5, 95% CI 0.3 to 0.8).",
             "Non-users had a higher risk of hip fracture than statin users (OR 2.1, 95% CI 1.3 to 3.4).",
             "Compared with current users, non-users of statins had a higher risk of hip fracture.",
             "The odds ratio for hip fracture in women not taking statins versus women taking statins was 2.1 (95% CI 1.3 "
             "to 3.4).",
             "Using non-users as the reference, the hazard ratio for users was 0.7 (95% CI 0.5 to 0.9).")
    for t in lower:
        assert _sentence_direction(t) == "lower", t
    assert _sentence_direction("The odds ratio of falls in non-users compared with users was 0.5 (95% CI 0.3 to 0.8).") == "higher"
    assert _sentence_direction("Benzodiazepine use was associated with injurious falls (adjusted odds ratio 2.2).") == "higher"
    # words and figures that disagree, or no risk spoken of: no direction is given
    assert _sentence_direction("Statin use was associated with an increased risk of fracture (OR 0.6).") is None
    assert _sentence_direction("Catastrophizing was associated with higher pain scores.") is None


_STATINS = [
    ("OBJECTIVE", "To examine the association between statin use and hip fracture in adults aged 65 years or older."),
    ("METHODS", "A case-control study of 1,222 people with hip fracture and 4,888 matched controls drawn from a regional "
                "prescription database."),
    ("RESULTS", "Non-users of statins had a higher risk of hip fracture than current statin users (adjusted odds ratio 1.9, "
                "95% CI 1.4 to 2.6)."),
    ("CONCLUSIONS", "Compared with current users, non-users of statins had a higher risk of hip fracture in older adults."),
]


def test_a_card_does_not_turn_a_protective_link_into_harm():
    card, a, rec = _card("Statin use and the risk of hip fracture in older adults: a case-control study", _STATINS)
    assert a["verdict"] == "Supports"
    answer = card["upshot"]["answer"]
    assert "higher risk of hip fracture" not in answer.split(". ")[0]
    assert "lower risk of hip fracture" in answer.split(". ")[0]
    assert "higher risk" not in card["why_it_matters"]["patients"]
    _numbers_in_source(card, rec)


# --- 6. statistical wording in plain words ------------------------------------------------------------------------------

def test_statistical_wording_has_a_plain_form():
    assert lay("Across pain subgroups, catastrophizing uniquely contributed variance to the prediction of general health "
               "beyond the variance explained by pain intensity, age, gender, and chronicity.") == \
        ("Across pain subgroups, catastrophizing helped predict general health over and above pain intensity, age, "
         "gender, and chronicity.")
    assert lay("Low bone density was prevalent in the study cohort.") == "Low bone density was common in the study group."
    assert lay("Heavy lifting was associated with the occurrence of shoulder pain.") == \
        "Heavy lifting was associated with shoulder pain."
    assert lay("In multivariate analyses, these associations remained significant.") == \
        "In adjusted analyses, these associations remained clear."
    assert lay("The benefit was demonstrated to last.") == "The benefit was shown to last."


_KINESIO = [
    ("OBJECTIVE", "To examine the association between fear of movement and disability in adults with chronic neck pain."),
    ("METHODS", "A cross-sectional survey of 850 adults with chronic neck pain attending physiotherapy clinics."),
    ("RESULTS", "Across pain subgroups, fear of movement uniquely contributed variance to the prediction of disability "
                "beyond the variance explained by pain intensity, age and gender (p < 0.001)."),
    ("CONCLUSIONS", "Additional evidence for the construct validity of the fear of movement scale was found as well."),
]


def test_the_upshot_says_the_main_result_in_plain_words():
    card, _, rec = _card("Fear of movement and disability in chronic neck pain: a cross-sectional survey", _KINESIO)
    answer = card["upshot"]["answer"]
    assert "variance" not in answer
    assert "helped predict disability over and above pain intensity" in answer
    _numbers_in_source(card, rec)


# --- 7. a time point keeps its number -----------------------------------------------------------------------------------

def test_the_final_follow_up_keeps_its_time():
    line = plain_claim("At the final 2-year follow-up, the results for range of motion (ROM), function and HRQoL were all "
                       "in favor of the locking plate group.")
    assert line and line.startswith("At the final 2-year follow-up, ")
    assert plain_claim("At the last 6-month visit, pain was lower in the exercise group (p=0.01).") == \
        "At the last 6-month visit, pain was lower in the exercise group."
    # a treatment's length still goes
    assert "12" not in (plain_claim("After 12 weeks of exercise, pain was lower in the exercise group than in the control "
                                    "group (p=0.01).") or "")


_PLATE = [
    ("BACKGROUND", "The aim of the study was to report the 2-year outcome after a displaced fracture of the ankle in older "
                   "patients randomized to a plate or a cast."),
    ("METHODS", "We included 64 patients, mean age 71 years."),
    ("RESULTS", "At the final 2-year follow-up, the results for range of motion (ROM), walking and HRQoL were all in favor of "
                "the plate group. The mean Olerud score was 78 in the plate group compared to 74 in the cast group (P = .41)."),
    ("CONCLUSION", "Our results indicate an advantage in function in favor of the plate compared to a cast in older patients."),
]


def test_a_card_key_point_names_the_follow_up_time():
    card, _, _ = _card("Plate versus cast for displaced ankle fractures in older patients: a randomized controlled trial", _PLATE)
    point = next(k for k in card["key_points"] if "follow-up" in k)
    assert point.startswith("At the final 2-year follow-up")


def test_a_review_of_an_exposure_starts_where_observational_studies_do():
    from physiohub.appraise.evidence import grade_ladder
    abstract = ("OBJECTIVE: To assess exposure-response relationships between work factors and shoulder disorders. METHODS: "
                "A systematic review; associations were expressed as odds ratio or relative risk. RESULTS: Lifting was "
                "associated with shoulder pain (OR 2.1). CONCLUSIONS: Heavy lifting is associated with shoulder pain.")
    level, reasons = grade_ladder("systematic review", title="Work factors and shoulder disorders: a systematic review",
                                  abstract=abstract, n_participants=None, n_studies=None, grade_levels=[],
                                  conclusion_grades=[], risk_of_bias=None, retracted=False)
    assert level == "Limited" and "of observational studies" in reasons[0]
    # a review of trials, or one of a test's accuracy ("diagnostic odds ratio"), is not read so
    level, _ = grade_ladder("systematic review", title="Exercise for shoulder pain: a systematic review",
                            abstract="Randomised controlled trials were pooled; exercise reduced pain (odds ratio 0.6).",
                            n_participants=None, n_studies=None, grade_levels=[], conclusion_grades=[], risk_of_bias=None,
                            retracted=False)
    assert level == "Strong"
    level, _ = grade_ladder("systematic review", title="Clinical tests for rotator cuff tears: a systematic review",
                            abstract="The pooled diagnostic odds ratio of the drop-arm test was 3.1.",
                            n_participants=None, n_studies=None, grade_levels=[], conclusion_grades=[], risk_of_bias=None,
                            retracted=False)
    assert level == "Moderate"


# --- found while reading: fragments -------------------------------------------------------------------------------------

def test_a_list_number_and_a_lone_lead_are_no_key_point():
    from physiohub.cards.consistency import is_fragment
    from physiohub.cards.readability import plain_sentences
    pieces = plain_sentences("Observations include the following: 1) salted fish was associated with increased risk; 2) "
                             "consumption of fresh fruit was associated with reduced risk with a dose-dependent relationship "
                             "(p = 0.001); and 3) herbal soup was associated with decreased risk.", 20)
    assert not any(re.match(r"^\(?\d\)", p) for p in pieces)
    assert any(p.startswith("Consumption of fresh fruit") for p in pieces)
    assert is_fragment("Given the large number of childhood fractures.")
    assert not is_fragment("Given its low cost, taping is a reasonable option.")
    assert not is_fragment("Despite treatment, pain persisted in most people.")


def test_plain_names_for_shoulder_terms():
    assert lay("No benefit over NSAID was shown for adhesive capsulitis.") == \
        "No benefit over anti-inflammatory painkillers was shown for frozen shoulder (adhesive capsulitis)."
    assert lay("Patients took an NSAID daily.") == "People took an anti-inflammatory painkiller daily."
    assert lay("Adhesive capsulitis (frozen shoulder) was studied.") == "Adhesive capsulitis (frozen shoulder) was studied."


def test_a_result_line_without_its_adjustment_list_or_list_lead():
    from physiohub.cards.generate import _result_line
    line = _result_line("Use of statins in the prior 180 days (adjusted OR, 0.50; 95% CI, 0.33-0.76) was associated with a "
                        "significant reduction in the risk of hip fracture, even after controlling for variables such as "
                        "race, insurance status, psychoactive medications, estrogen use, heart disease, and diabetes.")
    assert line == "Use of statins in the prior 180 days was associated with a clear drop in the risk of hip fracture." or \
        line == "Use of statins in the prior 180 days was associated with a clear reduction in the risk of hip fracture."
    assert plain_claim("Observations made include the following: 1) consumption of salted fish was significantly "
                       "associated with increased risk of cancer (OR 2.45); 2) fresh fruit was associated with reduced "
                       "risk (p = 0.001).") == "Consumption of salted fish was clearly associated with increased risk of cancer."
    # a lead that names a group keeps it
    from physiohub.cards.readability import plain_sentences
    assert plain_sentences("The outcome in group A was as follows: four failed to respond and six achieved full remission.",
                           30)[0].startswith("The result in group A")
    assert lay("Age-adjusted incidence rates were 32% greater among boys.") == "Age-adjusted rates were 32% greater among boys."


_STATIN_ROWS = [
    ("OBJECTIVE", "To determine whether the use of statins is associated with reduced hip fracture risk."),
    ("DESIGN", "Case-control study."),
    ("PATIENTS", "A total of 3200 residents aged 65 years or older. Case patients (n=640) underwent surgical repair of a hip "
                 "fracture in 1996. Control patients (n=2560) were matched for age and sex."),
    ("MAIN OUTCOME MEASURE", "Adjusted odds ratio of hip fracture by statin use, adjusted for demographic and clinical "
                             "characteristics."),
    ("RESULTS", "Use of statins in the prior year (adjusted OR, 0.55; 95% CI, 0.38-0.80) was associated with a significant "
                "reduction in the risk of hip fracture, even after controlling for variables such as race, estrogen use, "
                "heart disease and diabetes."),
    ("CONCLUSIONS", "These findings support an association between statin use by older patients and reduction in the risk "
                    "of hip fracture."),
]


def test_a_case_control_exposure_row_is_the_exposure_not_the_cases_event():
    card, a, rec = _card("Statins and the risk of hip fractures in older patients.", _STATIN_ROWS)
    rows = _rows(card)
    assert a["design"] == "case-control"
    assert "surgical repair" not in rows.get("Exposure", "").lower()
    assert not rows.get("Outcomes", "").lower().startswith("adjusted for")
    assert any("statin" in k.lower() and "reduction in the risk of hip fracture" in k for k in card["key_points"])
    _numbers_in_source(card, rec)


def test_exposure_row_naming_the_outcome_event_gives_way_to_the_question():
    from physiohub.cards.generate import _exposure_is_the_question
    from physiohub.cards.question import Pico
    q = Pico(population="older people", intervention="HMG-CoA reductase inhibitors", outcome="hip fractures")
    rows = [{"label": "Design", "text": "Case-control.", "kind": "extracted", "sources": []},
            {"label": "Exposure", "text": "Surgical repair of a hip fracture in 1994.", "kind": "extracted", "sources": ["s4"]},
            {"label": "Outcomes", "text": "Adjusted for demographic and clinical characteristics; hip fracture risk.",
             "kind": "extracted", "sources": ["s5"]}]
    out = {r["label"]: r["text"] for r in _exposure_is_the_question(rows, q, ["s1"])}
    assert out["Exposure"] == "HMG-CoA reductase inhibitors."
    assert out["Outcomes"] == "Hip fracture risk."
    # an exposure row that names the exposure stays as it is
    rows[1] = {**rows[1], "text": "Statin use in the prior 3 years."}
    q2 = Pico(population="older people", intervention="statin use", outcome="hip fractures")
    assert {r["label"]: r["text"] for r in _exposure_is_the_question(rows, q2, [])}["Exposure"] == "Statin use in the prior 3 years."


_THIN_REVIEW = [
    ("OBJECTIVES", "To assess the effects of early surgery versus bracing for adolescents with a displaced ankle fracture."),
    ("SELECTION CRITERIA", "Randomised trials comparing early surgery with bracing."),
    ("MAIN RESULTS", "Four studies involving 96 adolescents were included. All trials reported recruiting difficulties. No "
                     "significant differences between surgery and bracing were found for pain, function or return to sport."),
    ("AUTHORS' CONCLUSIONS", "There is not enough evidence to evaluate early surgery for displaced ankle fractures in "
                             "adolescents. Randomised trials in this area are likely to continue to experience recruitment "
                             "problems."),
]


def test_a_null_review_whose_authors_find_the_evidence_too_thin_is_too_early_to_tell():
    card, a, rec = _card("Early surgery versus bracing for displaced ankle fractures in adolescents", _THIN_REVIEW)
    assert a["design"] in ("systematic review", "meta-analysis")
    assert a["verdict"] == "Too early to tell"
    # never "similar results, so the choice can rest on other things" on the studies' silence
    assert "similar results" not in card["upshot"]["answer"] and "rest on other things" not in card["why_it_matters"]["patients"]
    _numbers_in_source(card, rec)


def test_the_question_asks_in_plain_words():
    from physiohub.cards.plain import lay_light
    assert lay_light("people with chronic musculoskeletal pain") == "people with long-term muscle and joint pain"
    assert lay_light("workers with musculoskeletal disorders") == "workers with muscle and joint problems"
