"""Appraisal on invented records: design, research type, evidence ladder, verdict, retraction."""
from __future__ import annotations

import pytest

from fixtures.appraise.records import CASE_REPORT, MIXED_RCT, NARRATIVE, NO_DIFF_RCT, PILOT_RCT, RETRACTED, SR_MODERATE, rec
from physiohub.appraise import DESIGNS, GENERATOR, VERSION, appraise, appraise_many
from physiohub.errors import InvalidInput


def test_systematic_review_with_moderate_grade_is_capped_at_moderate():
    a = appraise(SR_MODERATE)
    assert a["design"] == "meta-analysis"
    assert a["research_type"] == "Review of studies"
    assert a["evidence"] == "Moderate"
    assert a["evidence_reasons"][0] == "Started at Strong: meta-analysis of randomised trials"
    assert "lowered to Moderate: authors rate the certainty of evidence as moderate" in a["evidence_reasons"][1]
    assert a["grade"] == ["moderate-certainty evidence"]
    assert a["n_studies"] == 14 and a["n_participants"] == 812
    assert a["verdict"] == "Supports" and a["verdict_sentences"] == ["s5"]
    assert a["generator"] == GENERATOR and a["version"] == VERSION


def test_small_pilot_trial_goes_down_two_steps():
    a = appraise(PILOT_RCT)
    assert a["design"] == "randomised controlled trial"
    assert a["n_participants"] == 32
    assert a["evidence"] == "Very limited"
    steps = a["evidence_reasons"]
    assert steps[0] == "Started at Moderate: randomised controlled trial"
    assert any("small sample (32 participants" in s for s in steps)
    assert any("pilot or feasibility" in s for s in steps)


def test_case_report():
    a = appraise(CASE_REPORT)
    assert a["design"] == "case report"
    assert a["evidence"] == "Very limited"
    assert a["research_type"] == "Primary study"
    assert a["design_reasons"] and a["design_reasons"][0].startswith("title says")


def test_retracted_record_is_flagged_and_very_limited():
    a = appraise(RETRACTED)
    assert a["retracted"] is True
    assert a["evidence"] == "Very limited"
    assert any("retracted" in r for r in a["evidence_reasons"])
    assert a["design_reasons"] == ["PubMed publication type 'Randomized Controlled Trial'"]


@pytest.mark.parametrize(("record", "verdict"), [
    (NO_DIFF_RCT, "No clear difference"),
    (MIXED_RCT, "Mixed picture"),
    (SR_MODERATE, "Supports"),
])
def test_verdicts(record, verdict):
    a = appraise(record)
    assert a["verdict"] == verdict
    assert a["verdict_reasons"] and a["verdict_sentences"]


def test_narrative_review_badge():
    a = appraise(NARRATIVE)
    assert a["design"] == "narrative review"
    assert a["research_type"] == "Expert review"
    assert a["evidence"] == "Limited"


@pytest.mark.parametrize(("pts", "title", "design"), [
    (["Review"], "Tendon loading explained", "narrative review"),
    (["Review"], "Exercise for knee pain: a systematic review", "systematic review"),
    (["Journal Article", "Meta-Analysis", "Systematic Review"], "Exercise for knee pain", "meta-analysis"),
    (["Case Reports", "Review"], "Hip pain in a dancer", "case report"),
    (["Practice Guideline"], "Neck pain care", "guideline"),
    (["Comment", "Letter"], "On hamstring injury", "editorial/commentary/letter"),
    (["Clinical Trial Protocol"], "Running retraining", "protocol"),
    (["Clinical Trial"], "Taping for knee pain", "non-randomised controlled trial"),
    (["Observational Study"], "Back pain in nurses: a case-control study", "case-control"),
])
def test_publication_types_come_first(pts, title, design):
    assert appraise(rec(title, "Some text about the topic.", pub_types=pts))["design"] == design


@pytest.mark.parametrize(("title", "design"), [
    ("Dry needling versus sham for neck pain: a randomised controlled trial", "randomised controlled trial"),
    ("Protocol for a randomised trial of hip exercise", "protocol"),
    ("Patients' experiences of shoulder rehabilitation: a qualitative study", "qualitative"),
    ("Cost-effectiveness of physiotherapy for knee osteoarthritis", "economic evaluation"),
    ("Diagnostic accuracy of clinical tests for rotator cuff tears", "diagnostic accuracy"),
    ("Running injuries in novice runners: a prospective cohort study", "cohort"),
    ("Prevalence of neck pain in office workers: a cross-sectional study", "cross-sectional"),
    ("Knee pain: a scoping review", "scoping review"),
    ("Tendon healing in rats after eccentric loading", "lab/animal/experimental"),
    ("Comment on: exercise for back pain", "editorial/commentary/letter"),
])
def test_design_from_title_alone(title, design):
    a = appraise(rec(title, "Findings are described."))
    assert a["design"] == design, a["design_reasons"]


def test_design_from_abstract_when_title_is_silent():
    r = rec("Hip strengthening for runners", ("METHODS", "Eighty runners were randomly assigned to hip strengthening or "
                                                         "usual training.", "METHODS"))
    a = appraise(r)
    assert a["design"] == "randomised controlled trial"
    assert a["design_reasons"][0].startswith("abstract says")


def test_no_abstract_no_types_is_conservative():
    a = appraise(rec("Thoughts on posture", year=2019))
    assert a["evidence"] == "Very limited"
    assert a["verdict"] == "Too early to tell"


def test_missing_abstract_means_more_in_pubmed_than_in_an_export():
    from dataclasses import replace

    bare = rec("Thoughts on posture", year=2019)
    assert appraise(bare)["design"] == "other"  # an export may simply have dropped the abstract
    assert appraise(replace(bare, source_format="pubmed-xml"))["design"] == "editorial/commentary/letter"
    study = replace(bare, title="Effects of taping on knee pain in patients with osteoarthritis", source_format="pubmed-xml")
    a = appraise(study)
    assert a["design"] == "other" and "reads as a study" in a["design_reasons"][0]


def test_every_design_label_is_known():
    for r in (SR_MODERATE, PILOT_RCT, CASE_REPORT, RETRACTED, NO_DIFF_RCT, MIXED_RCT, NARRATIVE):
        assert appraise(r)["design"] in DESIGNS


def test_appraise_many_matches_appraise():
    records = [SR_MODERATE, PILOT_RCT, CASE_REPORT]
    assert list(appraise_many(records)) == [appraise(r) for r in records]


def test_bad_input_is_a_clear_error():
    with pytest.raises(InvalidInput, match="needs a Record"):
        appraise({"title": "not a record"})  # type: ignore[arg-type]


def test_a_treatment_protocol_is_not_a_study_protocol():
    r = rec("Irrigation systems and sealer removal",
            ("METHODS", "Teeth were randomly assigned to four groups; the irrigation protocol for each group "
                        "was fixed.", "METHODS"))
    assert appraise(r)["design"] == "randomised controlled trial"
    r = rec("Hip exercise after surgery", ("METHODS", "Participants will be randomised to two groups.", "METHODS"))
    assert appraise(r)["design"] == "protocol"


def test_review_of_non_randomised_studies_does_not_start_strong():
    r = rec("Bracing for scoliosis: a systematic review",
            ("RESULTS", "We included 12 non-randomised cohort studies with 1,400 participants.", "RESULTS"))
    a = appraise(r)
    assert a["design"] == "systematic review"
    assert not a["evidence_reasons"][0].startswith("Started at Strong")


def test_weak_case_title_cues():
    from dataclasses import replace

    bare = replace(rec("A runner with heel pain mimicking a stress fracture"), source_format="pubmed-xml")
    assert appraise(bare)["design"] == "case report"
    review_like = rec("Rare causes of hip pain in athletes",
                      "Hip pain in athletes has many causes. Recent work suggests that imaging may help, and we "
                      "discuss current understanding of the less common causes.")
    assert appraise(review_like)["design"] == "narrative review"


def test_review_that_mentions_trials_stays_a_review():
    r = rec("Current treatment options for tennis elbow",
            "Randomised controlled trials have compared injections with exercise. This article summarises them.")
    assert appraise(r)["design"] == "narrative review"
    r = rec("Current treatment options for tennis elbow",
            ("METHODS", "Sixty patients were randomly assigned to injection or exercise.", "METHODS"))
    assert appraise(r)["design"] == "randomised controlled trial"


def test_a_null_main_message_outweighs_a_later_hedged_benefit():
    # The first conclusion sentence states the main outcome; a hedged benefit on another outcome after it
    # does not rescue it (DESIGN.md: a null primary outcome with positive secondary ones is not Supports).
    r = rec("Drug X for neck pain: randomised trial",
            ("CONCLUSIONS", "Drug X had no beneficial effects on pain. However, it may ameliorate sleep.", "CONCLUSIONS"))
    assert appraise(r)["verdict"] == "No clear difference"


def test_benefit_and_no_difference_in_one_conclusion_sentence_is_mixed():
    r = rec("Drug X for neck pain: randomised trial",
            ("CONCLUSIONS", "Drug X gave faster relief of neck pain, but outcomes were similar by one year.", "CONCLUSIONS"))
    assert appraise(r)["verdict"] == "Mixed picture"


def test_registration_lines_and_inline_headings():
    r = rec("Exercise for back pain: randomised trial",
            "Eighty adults were randomised to exercise or advice. RESULTS Pain fell more with exercise. "
            "CONCLUSIONS Exercise was not more effective than advice. This trial was registered at ClinicalTrials.gov.")
    a = appraise(r)
    assert a["verdict"] == "No clear difference"
    assert a["verdict_sentences"] == ["s2"]


def test_as_effective_as_is_no_difference():
    r = rec("Taping versus bracing: randomised trial",
            ("CONCLUSIONS", "Taping was as effective as bracing for ankle sprain.", "CONCLUSIONS"))
    assert appraise(r)["verdict"] == "No clear difference"


def test_case_reports_and_lab_studies_are_too_early_to_tell():
    a = appraise(rec("Tendon pain in a 30-year-old runner: a case report",
                     "The patient improved markedly after loading exercise."))
    assert a["verdict"] == "Too early to tell"
    assert "single case" in a["verdict_reasons"][0]


@pytest.mark.parametrize("text", [
    "We included 13 trials (2653 participants). Exercise reduced pain (RR 0.7, 95% CI 0.6 to 0.9).",
    "Sixteen RCTs, analysing 1,116 children, were included. Bracing helped.",
    "Four studies met the inclusion criteria; all were small.",
])
def test_review_results_without_a_title_are_systematic_reviews(text):
    assert appraise(rec("", text))["design"] in ("systematic review", "meta-analysis")


def test_randomised_into_groups_is_a_trial():
    r = rec("Allopurinol in bypass surgery", "Patients were studied after being randomized into allopurinol (n = 14) "
                                             "or placebo (n = 13) groups.")
    assert appraise(r)["design"] == "randomised controlled trial"


def test_retraction_is_always_given_as_a_reason():
    a = appraise(rec("Tendon cells in rats after loading", "Rats were loaded.", retracted=True))
    assert a["evidence"] == "Very limited"
    assert a["evidence_reasons"][-1] == "stays at Very limited: the publication has been retracted"


@pytest.mark.parametrize("abstract", [
    "We describe a female neonate with a swelling of the heel that limited walking. The mass was excised and the "
    "patient had no complications afterwards.",
    "This article presents 2 young adult runners who developed stress fractures of the tibia. Both were treated "
    "with graded return to running.",
    "Tendon rupture after steroid injection is uncommon. Nine patients with this complication underwent repair in "
    "our unit between 2001 and 2010; seven regained full strength.",
])
def test_case_reports_and_small_series_written_as_prose(abstract):
    a = appraise(rec("Heel swelling and a stiff ankle", abstract))
    assert a["design"] in ("case report", "case series"), a["design_reasons"]


def test_generic_patient_management_is_not_a_narrated_case():
    a = appraise(rec("Ankle sprain: diagnosis and management",
                     "Ankle sprains are common in sport. Immediate management includes placing the patient with "
                     "the ankle raised and applying ice. Most sprains recover with graded exercise, and bracing "
                     "may prevent recurrence."))
    assert a["design"] == "narrative review"


def test_mesh_check_tags_of_one_patient():
    bare = rec("Achilles tendon rupture in a marathon season", year=2020)
    assert appraise(bare)["design"] != "case report"
    tagged = rec("Achilles tendon rupture in a marathon season", year=2020,
                 mesh=["Humans", "Male", "Middle Aged", "Achilles Tendon"])
    a = appraise(tagged)
    assert a["design"] == "case report" and "one sex and one age group" in a["design_reasons"][0]
    several = rec("Achilles tendon rupture in a marathon season", year=2020,
                  mesh=["Humans", "Male", "Female", "Adult", "Middle Aged"])
    assert appraise(several)["design"] != "case report"


def test_no_abstract_event_title_is_a_case_report_in_pubmed_only():
    from dataclasses import replace
    r = rec("Compartment syndrome after a half-marathon", year=2015)
    assert appraise(r)["design"] == "other"  # exports drop abstracts: the title alone is not enough
    assert appraise(replace(r, source_format="pubmed-xml"))["design"] == "case report"


def test_null_primary_with_positive_per_protocol_is_no_clear_difference():
    r = rec("Dry needling for plantar heel pain: a randomised controlled trial",
            ("METHODS", "Sixty adults with heel pain were randomised to dry needling or sham.", "METHODS"),
            ("RESULTS", "The difference in the primary outcome, pain at 12 weeks, was not statistically significant "
                        "(p = 0.09). In the per-protocol analysis, needling reduced pain significantly (p = 0.02).",
             "RESULTS"),
            ("CONCLUSIONS", "Dry needling reduced heel pain in people who completed treatment.", "CONCLUSIONS"))
    a = appraise(r)
    assert a["verdict"] == "No clear difference", a["verdict_reasons"]
    assert "primary outcome" in a["verdict_reasons"][0]
    assert a["primary_null"] and a["benefit_elsewhere"]


def test_no_conclusion_section_reads_the_concluding_sentences():
    r = rec("Balance training after ankle sprain: a randomised trial",
            ("METHODS", "We randomised 80 athletes to balance training or usual care.", "METHODS"),
            ("RESULTS", "Re-sprains were fewer with balance training (RR 0.55, 95% CI 0.31 to 0.97). "
                        "In conclusion, balance training reduced the risk of a second sprain. "
                        "Funding: the regional sports council.", "RESULTS"))
    a = appraise(r)
    assert a["verdict"] == "Supports"
    assert "s2" in a["verdict_sentences"] and "s3" not in a["verdict_sentences"]


def test_equal_efficacy_with_fewer_harms_is_mixed():
    r = rec("Naproxen versus paracetamol for acute neck pain: a randomised trial",
            ("METHODS", "We randomised 120 adults with acute neck pain to naproxen or paracetamol.", "METHODS"),
            ("CONCLUSIONS", "Paracetamol gave comparable pain relief with better gastrointestinal tolerability "
                            "than naproxen.", "CONCLUSIONS"))
    assert appraise(r)["verdict"] == "Mixed picture"


def test_primary_outcome_with_only_a_trend_is_no_clear_difference():
    r = rec("Adding tramadol for breakthrough knee pain",
            "Adults with knee osteoarthritis on a stable NSAID were randomised to tramadol or placebo for 14 days. "
            "The primary endpoint was the time to stopping because of insufficient pain relief. "
            "This time tended to be longer with tramadol (p = 0.066). "
            "Pain at rest was significantly less severe with tramadol (p = 0.046). "
            "Tramadol may have a role for breakthrough pain. It improved patients' overall assessment.")
    a = appraise(r)
    assert a["verdict"] == "No clear difference", a["verdict_reasons"]
    assert a["primary_null"]
