"""Reading results with their negations, abstract structure wherever it is printed, and the verdict.

Every sentence here is our own, written to the shape of the failures issue 12 lists (a glucosamine trial
read as "probably helps", shoulder tests that "cannot be recommended" read as a benefit, ...).
"""
from __future__ import annotations

import pytest

from physiohub.appraise import appraise
from physiohub.appraise.reading import read_sentence, significant_p
from physiohub.ingest.jsonl import convert
from physiohub.ingest.normalize import split_structured_abstract
from physiohub.text import record_sentences


@pytest.mark.parametrize("text, kind, label", [
    ("Six months of glucosamine did not result in reduced pain-related disability compared with placebo.",
     "intervention", "null"),
    ("Hyperbaric oxygen does not improve healing of chronic leg ulcers.", "intervention", "null"),
    ("Tablet X was no more efficacious than placebo for hip pain.", "intervention", "null"),
    ("No significant differences were found between the groups (P > 0.05).", "intervention", "null"),
    ("Mean pain was lower with the brace (p = 0.31).", "intervention", "null"),
    ("Pain fell significantly more in the exercise group (p < 0.001).", "intervention", "for"),
    ("The program was effective and well tolerated.", "intervention", "for"),
    ("Early surgery gave faster relief of leg pain, but outcomes were similar by one year.", "intervention", "mixed"),
    ("The injection reduced pain in chronic, but not in recent, tendon pain.", "intervention", "mixed"),
    ("The benefit was small and not clinically important.", "intervention", "mixed"),
    ("Most shoulder tests were inaccurate and cannot be recommended for clinical use.", "accuracy", "against"),
    ("Three simple tests were predictive of a tendon tear.", "accuracy", "for"),
    ("When all signs were absent, the combined absence of these signs excluded this diagnosis.", "accuracy", "for"),
    ("Statin use was associated with a lower risk of wrist fracture.", "association", "for"),
    ("Our findings do not indicate an increased risk of death in the exposed group.", "association", "null"),
    ("Women, but not men, with the condition had lower bone scores than controls.", "association", "mixed"),
    ("Further studies are needed to show whether sitting time is linked with neck pain.", "association", "early"),
    ("There is a need for further trials of injections for shoulder pain.", "intervention", "early"),
])
def test_sentence_readings(text: str, kind: str, label: str) -> None:
    assert read_sentence(text, kind).label == label


def test_p_values_are_counted_at_the_005_level() -> None:
    assert significant_p("A (p = 0.03), B (p < 0.001), C (P = .72), D (p > 0.05)") == (2, 2)


def test_capital_labels_without_a_colon_are_sections() -> None:
    text = ("CONTEXT Knee pain is common.   OBJECTIVE To test a brace.   DESIGN, SETTING, AND PARTICIPANTS A trial "
            "in 80 adults.   RESULTS RMDQ scores did not differ (P = .40).   CONCLUSIONS AND RELEVANCE The brace "
            "did not help.   TRIAL REGISTRATION clinicaltrials.gov Identifier: NCT00000001.")
    secs = split_structured_abstract(text)
    assert [s.label for s in secs] == ["CONTEXT", "OBJECTIVE", "DESIGN, SETTING, AND PARTICIPANTS", "RESULTS",
                                       "CONCLUSIONS AND RELEVANCE", "TRIAL REGISTRATION"]
    assert secs[3].text.startswith("RMDQ scores")  # an acronym after the label is body text
    assert [s.category for s in secs[:5]] == ["BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"]


def test_a_lone_capital_word_is_not_a_structure() -> None:
    assert len(split_structured_abstract("We asked NASA workers. RESULTS were good. The END.")) == 1


def test_back_matter_is_marked_and_never_a_conclusion() -> None:
    rec = convert({"_id": "x", "title": "Statins and wrist fracture",
                   "text": "OBJECTIVE To see whether statins are linked with fewer fractures.   RESULTS Users had fewer "
                           "fractures (OR 0.6).   CONCLUSIONS These findings support an association between statin use "
                           "and fewer fractures. Trials are needed. JAMA. 2001;285:1234-1240"})
    sents = record_sentences(rec)
    assert [s.text for s in sents if s.back_matter] == ["JAMA.", "2001;285:1234-1240"]
    a = appraise(rec)
    assert not any(s.text.startswith("JAMA") for s in sents if s.id in a["verdict_sentences"])


def test_labels_printed_inside_a_stored_unlabelled_section_are_read() -> None:
    # Hubs imported before capital labels were found keep one unlabelled section; reading finds them.
    from physiohub.models import AbstractSection, Record
    rec = Record(source_format="jsonl", title="Glucosamine for back pain: a randomized controlled trial",
                 abstract_sections=[AbstractSection("OBJECTIVE To test glucosamine.   RESULTS Disability scores were "
                                                    "the same in both groups (P = .70).   CONCLUSIONS Glucosamine did "
                                                    "not result in reduced disability.   TRIAL REGISTRATION NCT0001.")])
    sents = record_sentences(rec)
    assert [s.section for s in sents] == ["OBJECTIVE", "RESULTS", "CONCLUSIONS", "TRIAL REGISTRATION"]
    assert sents[-1].back_matter


def _abstract(title: str, text: str) -> dict:
    return appraise(convert({"_id": "t", "title": title, "text": text}))


def test_a_null_trial_is_never_supports() -> None:
    a = _abstract("Effect of glucosamine on disability in chronic low back pain: a randomized controlled trial",
                  "OBJECTIVE To test whether glucosamine reduces disability.   DESIGN A randomized trial of 200 adults. "
                  "RESULTS Disability scores were the same for both groups at 6 months (P = .70) and at one year "
                  "(P = .80). Fewer adverse events were seen with glucosamine.   CONCLUSIONS Six months of glucosamine "
                  "compared with placebo did not result in reduced pain-related disability.   TRIAL REGISTRATION "
                  "clinicaltrials.gov Identifier: NCT00000002.")
    assert a["verdict"] == "No clear difference", a["verdict_reasons"]
    assert "did not result in reduced" in a["verdict_reasons"][0]


def test_tests_that_cannot_be_recommended_do_not_support() -> None:
    a = _abstract("Most clinical tests cannot accurately diagnose hip labral tears: a systematic review",
                  "OBJECTIVE To review the diagnostic accuracy of clinical tests for hip labral tears. METHODS We "
                  "searched five databases and included 20 studies. RESULTS Few tests gave useful likelihood ratios. "
                  "CONCLUSION Most tests were inaccurate and cannot be recommended for clinical use.")
    assert a["question_kind"] == "accuracy"
    assert a["verdict"] == "Does not support", a["verdict_reasons"]


def test_advantage_described_with_only_non_significant_results_is_no_clear_difference() -> None:
    a = _abstract("Plate fixation versus sling for shoulder fractures in older adults: a randomized controlled trial",
                  "OBJECTIVE To compare plate fixation with a sling. METHODS 60 adults were randomised. RESULTS At two "
                  "years the function score did not differ (P = .60), nor did disability (P = .20) or quality of life "
                  "(P = .30). CONCLUSION Our results indicate an advantage in function in favor of the plate, at the "
                  "cost of more surgery.")
    assert a["verdict"] == "No clear difference", a["verdict_reasons"]


def test_a_pilot_study_is_too_early_to_tell() -> None:
    a = _abstract("A pilot randomised trial of a walking app for knee pain",
                  "OBJECTIVE To test whether a walking app is feasible. RESULTS Pain fell significantly in the app "
                  "group (p = 0.01). CONCLUSION The app improved pain.")
    assert a["verdict"] == "Too early to tell"


def test_an_association_confirmed_supports_the_tested_link() -> None:
    a = _abstract("Sleeping pills and falls in older adults: a case-control study",
                  "OBJECTIVE To determine whether sleeping pills are associated with falls. DESIGN Case-control study. "
                  "RESULTS Users had more falls (adjusted OR 2.1). CONCLUSION Sleeping pill use is associated with "
                  "injurious falls in older adults.")
    assert a["question_kind"] == "association"
    assert a["verdict"] == "Supports"


def test_an_abstract_without_a_readable_result_is_marked_unclear() -> None:
    a = _abstract("Massage for neck pain: a randomised controlled trial",
                  "Neck pain is common in office workers. We randomised 120 workers to massage or advice. Outcomes "
                  "were pain and function at 12 weeks. Data were analysed by intention to treat.")
    assert a["verdict"] == "Too early to tell"
    assert a["verdict_clear"] is False


def test_verdict_gold_dev_verdict_floors_and_no_flip(shared_data) -> None:
    """Issue 12's targets on the 40 hand-labelled dev abstracts (the held-out 60 are checked elsewhere)."""
    import importlib
    import sys
    from pathlib import Path

    path = shared_data / "verdict-gold" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("verdict-gold dev set not found")
    bench = Path(__file__).resolve().parents[1] / "bench"
    sys.path.insert(0, str(bench))
    try:
        gold = importlib.import_module("eval_appraise_verdict_gold")
    finally:
        sys.path.remove(str(bench))
    v = gold.verdict_agreement(gold.predictions(gold.load_items(path)))
    assert not v["flips"], [p["id"] for p in v["flips"]]
    assert v["high"] >= 0.85 and v["agreement"] >= 0.75
