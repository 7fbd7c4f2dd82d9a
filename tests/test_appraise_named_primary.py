"""A primary outcome named in the methods and found null in the results, with a benefit elsewhere (session 13 card
review): the verdict is "No clear difference", not "Supports". Abstracts written for this test."""
from __future__ import annotations

from physiohub.appraise.reading import read_sentence
from physiohub.appraise.verdict import decide_verdict
from physiohub.text import Sentence


def _s(i: int, text: str) -> Sentence:
    return Sentence(id=f"s{i}", text=text, start=0, end=len(text))


def test_reading_no_impact_and_events_alike_in_both_groups():
    assert read_sentence("Treatment with the drug did not have a significant impact on birth weight.").label == "null"
    r = read_sentence("Although falls similarly occurred in both groups (12 vs 13 per year), fractures were less frequent with "
                      "the programme (p = 0.01).")
    assert "null" in r.labels


def test_a_named_primary_outcome_that_came_out_null_outranks_a_secondary_benefit():
    methods = [_s(1, "Adults with knee osteoarthritis were randomly assigned to a walking programme or usual care."),
               _s(2, "The primary endpoint was the occurrence of knee replacement surgery (KRS), with pain as a secondary endpoint.")]
    results = [_s(3, "Although knee replacement surgery and KRS referrals similarly occurred in both groups (4.1 vs 4.3%), pain "
                     "scores were lower with walking (p = 0.004).")]
    conclusions = [_s(4, "Walking may reduce knee pain in adults with osteoarthritis.")]
    v = decide_verdict("randomised controlled trial", "Walking for knee osteoarthritis: a randomised trial", conclusions,
                       results, [], True, methods=methods + results + conclusions)
    assert v.verdict == "No clear difference" and v.primary_null and v.benefit_elsewhere
    assert "primary outcome" in v.reasons[0]
    # without the methods' naming, the conclusion's benefit stands as before
    v2 = decide_verdict("randomised controlled trial", "Walking for knee osteoarthritis: a randomised trial", conclusions,
                        results, [], True, methods=results + conclusions)
    assert v2.verdict != "No clear difference"


def test_a_finding_label_is_a_results_section():
    from physiohub.sections import nlm_category
    assert nlm_category("FINDING") == nlm_category("Findings") == "RESULTS"
