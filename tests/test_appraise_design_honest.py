"""Issue 12, items 4 and 5: the design the abstract states, and an evidence level that steps down for weak
reviews. Short sentences written for these tests (no copied abstracts); a shared-data test holds the
figures (verdict-gold dev design agreement, PubMed design from text alone on records with an abstract)."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from physiohub.appraise import appraise
from physiohub.ingest.normalize import split_structured_abstract
from physiohub.models import Record

BENCH = Path(__file__).resolve().parents[1] / "bench"


def rec(title: str, abstract: str) -> Record:
    """A record as a text-only import makes it: no publication types, no MeSH."""
    return Record(source_format="jsonl", title=title, abstract_sections=split_structured_abstract(abstract))


def design(title: str, abstract: str) -> tuple[str, list[str]]:
    a = appraise(rec(title, abstract))
    return a["design"], a["design_reasons"]


# --- item 4: design ---------------------------------------------------------------------------
def test_design_statement_wins_over_title_words():
    d, why = design("How family doctors follow the national guidelines for knee pain",
                    "OBJECTIVE: To see whether doctors follow advice on knee pain. DESIGN: Cross-sectional study using "
                    "an online survey. PARTICIPANTS: Doctors in general practice. RESULTS: Most did not follow it.")
    assert d == "cross-sectional"
    assert "states the design" in why[0]


def test_design_statement_in_prose_wins_over_title_words():
    d, _ = design("Exercise and the guidelines for shoulder pain",
                  "In this randomised controlled trial, adults with shoulder pain did home exercise or waited. "
                  "Pain fell more with exercise (p = 0.01).")
    assert d == "randomised controlled trial"


def test_protocol_title_still_beats_the_trial_it_describes():
    d, _ = design("Protocol for a trial of walking for back pain",
                  "DESIGN: Randomised controlled trial. Adults with back pain will be randomised to walking or advice.")
    assert d == "protocol"


def test_review_describing_its_included_trial_is_not_that_trial():
    d, _ = design("Taping for ankle sprain",
                  "We searched four databases. Two trials met the inclusion criteria. The first study was a randomised "
                  "trial of taping in 80 runners.")
    assert d in ("systematic review", "meta-analysis")


def test_animals_before_cohort_rules():
    d, _ = design("Tendon healing after loading",
                  "Forty rats were assigned to loading or rest and followed for six weeks in a prospective design. "
                  "Tendons were stronger with loading (p < 0.05).")
    assert d == "lab/animal/experimental"


def test_cells_before_cohort_rules():
    d, _ = design("A receptor in worn knee cartilage",
                  "We studied cartilage explants from our cohort of knee replacement patients. Cultured chondrocytes "
                  "were treated with the agonist and Western blot showed more enzyme (p < 0.01).")
    assert d == "lab/animal/experimental"


def test_review_of_laboratory_work_is_not_a_laboratory_study():
    d, _ = design("Signals in cartilage ageing",
                  "In this review we discuss how cultured chondrocytes respond to load. Recent studies suggest that "
                  "several pathways may be involved.")
    assert d == "narrative review"


def test_questionnaire_validation_is_diagnostic_accuracy():
    d, _ = design("A short questionnaire for nerve pain in the neck",
                  "We developed and validated a seven-item questionnaire in a prospective multicentre study of 300 "
                  "patients with neck pain. In an unselected cohort, it found nerve pain with 82% sensitivity and 79% "
                  "specificity.")
    assert d == "diagnostic accuracy"


def test_reliability_aim_is_diagnostic_accuracy():
    d, _ = design("Measuring hip movement with a phone",
                  "The aim of this study was to assess the inter-rater reliability of a phone app for hip range of "
                  "motion. Two physiotherapists measured 40 adults.")
    assert d == "diagnostic accuracy"


def test_clinical_tests_compared_against_the_condition_is_diagnostic_accuracy():
    d, _ = design("Finding a torn ligament in the knee",
                  "To help diagnosis, we did a prospective study comparing 12 clinical tests in 200 patients with and "
                  "without a torn ligament. Two tests were predictive of a tear.")
    assert d == "diagnostic accuracy"


def test_validation_of_a_drug_is_not_diagnostic_accuracy():
    d, _ = design("Preclinical validation of a new drug for bone cancer", "")
    assert d != "diagnostic accuracy"


def test_survey_is_cross_sectional_even_with_random_sampling():
    d, _ = design("Back pain care in three countries",
                  "Adults with back pain, randomly selected from phone listings, were interviewed by telephone with a "
                  "structured questionnaire about their treatment.")
    assert d == "cross-sectional"


def test_own_prevalence_in_a_study_cohort_is_cross_sectional_not_cohort():
    d, _ = design("Bone density in young adults after cancer",
                  "We measured bone density once in 90 survivors. Low bone density was prevalent in our study cohort, "
                  "and the prevalence of low density was 35%.")
    assert d == "cross-sectional"


def test_future_trials_named_in_the_conclusion_are_not_the_design():
    d, _ = design("A drug for tension headache",
                  "We gave the drug to 60 patients with frequent headache in an open-label study. Headache days fell "
                  "(p < 0.05). Further placebo-controlled trials might confirm the effect.")
    assert d == "case series"


def test_time_series_with_control_phases_is_a_non_randomised_trial():
    d, _ = design("A diary for people after stroke",
                  "A time series design with a control phase, an intervention phase and a second control phase was used "
                  "on hospital wards. Patients in the intervention phase received the diary.")
    assert d == "non-randomised controlled trial"


def test_pooled_systematic_review_is_a_meta_analysis():
    d, why = design("Systematic review of a drug for bone loss",
                    "We searched five databases and included 20 trials. The drug reduced fractures (odds ratio 0.70, "
                    "95% confidence interval 0.60 to 0.85).")
    assert d == "meta-analysis"
    assert "pooled" in why[0]


def test_review_that_could_not_pool_stays_a_systematic_review():
    d, _ = design("Systematic review of braces for scoliosis",
                  "We included six trials. Meta-analysis was not possible because the trials differed; one trial "
                  "reported an odds ratio of 0.5 (95% CI 0.3 to 0.9).")
    assert d == "systematic review"


def test_no_stated_design_says_so_instead_of_guessing():
    d, why = design("Knee pain and stair climbing",
                    "Stair climbing was measured in 50 adults with knee pain. Those with more pain climbed more slowly "
                    "(p = 0.02) and 30% stopped early.")
    assert d == "other"
    assert why[0].startswith("the abstract does not state the design")


# --- numbers that feed the evidence level ---------------------------------------------------
def test_case_scenarios_are_not_participants():
    a = appraise(rec("Doctors and back pain advice",
                     "A questionnaire asked doctors for advice on 2 case scenarios, representing patients with and "
                     "without leg pain. Four hundred surveys were completed."))
    assert a["n_participants"] == 400


def test_vignette_cases_are_not_participants():
    a = appraise(rec("Physiotherapists and written vignettes",
                     "Physiotherapists rated 3 cases presented as written vignettes. Most chose exercise."))
    assert a["n_participants"] != 3


def test_cluster_trial_counts_patients_not_clinicians():
    a = appraise(rec("Referral to exercise",
                     "In a cluster randomised trial 12 clinicians were randomly assigned to refer patients or give usual "
                     "care. Data from 140 patients were analysed."))
    assert a["n_participants"] == 140


# --- item 5: evidence level of reviews ----------------------------------------------------------
def _evidence(title: str, abstract: str) -> tuple[str, str, list[str]]:
    a = appraise(rec(title, abstract))
    return a["design"], a["evidence"], a["evidence_reasons"]


def test_review_steps_down_for_each_weakness_its_authors_report():
    d, level, why = _evidence(
        "Acupuncture for neck pain: a systematic review of randomised trials",
        "BACKGROUND: Neck pain is common. METHODS: We searched five databases for randomised controlled trials. "
        "RESULTS: We included 12 trials with 1400 participants. Most trials were small and of low methodological "
        "quality, with substantial heterogeneity between trials. CONCLUSIONS: There is limited evidence that "
        "acupuncture helps neck pain.")
    assert d == "systematic review"
    assert why[0] == "Started at Strong: systematic review of randomised trials"
    steps = why[1:]
    assert [s.split(":")[0] for s in steps] == ["lowered to Moderate", "lowered to Limited", "lowered to Very limited",
                                                "stays at Very limited"]
    assert "few or small studies ('trials were small')" in steps[0]
    assert "low or uneven quality ('low methodological quality')" in steps[1]
    assert "heterogeneous studies ('substantial heterogeneity')" in steps[2]
    assert "'limited evidence'" in steps[3]
    assert level == "Very limited"


def test_review_background_and_absent_heterogeneity_do_not_step_down():
    d, level, why = _evidence(
        "Exercise for hip pain: a systematic review of randomised trials",
        "BACKGROUND: There is limited evidence on exercise for hip pain and earlier trials were small. "
        "METHODS: We searched four databases for randomised controlled trials. RESULTS: We included 15 trials with "
        "2100 participants at low risk of bias. There was no significant heterogeneity. CONCLUSIONS: Exercise reduces "
        "hip pain.")
    assert d == "systematic review"
    assert level == "Strong", why


def test_grade_rating_stands_for_the_authors_words_on_limited_evidence():
    _, level, why = _evidence(
        "Braces for knee pain: a systematic review of randomised trials",
        "METHODS: We searched three databases for randomised controlled trials. RESULTS: We included 9 trials with "
        "900 participants. CONCLUSIONS: Limited evidence, of moderate certainty, suggests braces ease knee pain.")
    assert level == "Moderate"
    assert not any("limited evidence" in r.lower() for r in why), why


# --- shared data: the figures the issue asks for -------------------------------------------------
def _bench(name: str):
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCH))


def test_verdict_gold_dev_design_agreement_floor(shared_data):
    path = shared_data / "verdict-gold" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("verdict-gold dev set not found")
    gold = _bench("eval_appraise_verdict_gold")
    preds = gold.predictions(gold.load_items(path))
    assert len(preds) == 40
    assert gold.design_agreement(preds)["agreement"] >= 0.90


def test_pubmed_design_from_text_alone_with_abstract_floor(shared_data):
    if not (shared_data / "pubmed-xml" / "nlm_pubmedsample_2019.xml").is_file():
        pytest.skip("PubMed XML sample not found")
    ev = _bench("eval_appraise_design")
    res = ev.evaluate("dev")
    # Dev (even PMIDs) is where the rules were written; held-out is reported in docs/benchmarks.md.
    assert res["n_abstract"] >= 100
    assert res["accuracy_abstract"] >= 0.90
