"""Stance features that line the claim's direction up with the evidence's, and the flipped training claims
(bench/train_check_stance.py). Sentences are invented for these tests."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from physiohub.check.stance import CONTRADICTS, SUPPORTS, align_features, directions, stance


def test_direction_words_and_their_negation():
    assert directions("Massage reduced pain.") == [(1, -1, False)]
    assert directions("Massage did not increase strength.") == [(3, 1, True)]
    # a comma ends the negation's reach; "nonsignificant" and "more-over" words are not directions
    assert directions("No adverse events, and grip strength increased.")[-1][2] is False
    assert directions("A nonsignificant trend; moreover the protocol was unchanged.") == []


def test_verbs_that_say_which_way():
    assert [p for _, p, _ in directions("Manual therapy alleviates pain and encourages movement.")] == [-1, 1]
    assert [p for _, p, _ in directions("Bracing hampers recovery but prolongs comfort.")] == [-1, 1]


def test_opposite_direction_next_to_the_claims_words_disagrees():
    f = align_features("Taping decreases knee pain in runners.",
                       ["In runners, taping increased knee pain at four weeks compared with sham."])
    assert f["a_disagree"] == 1.0 and f["a_agree"] == 0.0 and f["a_strength"] < 0
    f = align_features("Taping decreases knee pain in runners.",
                       ["In runners, taping lowered knee pain at four weeks compared with sham."])
    assert f["a_agree"] == 1.0 and f["a_disagree"] == 0.0 and f["a_strength"] > 0


def test_each_claim_word_next_to_a_direction_counts():
    # "lower" stands next to "risk", "hip" and "fracture"; "greater" only next to "walking"
    f = align_features("Walking increases the risk of hip fracture.",
                       ["Greater daily walking was associated with a lower risk of hip fracture in older women."])
    assert f["a_disagree"] == 1.0


def test_no_difference_in_the_evidence_against_a_claimed_effect():
    f = align_features("Dry needling reduces neck pain.",
                       ["There was no significant difference in neck pain between dry needling and sham needling."])
    assert f["a_c_dir_e_null"] == 1.0
    f = align_features("Dry needling does not reduce neck pain.",
                       ["There was no significant difference in neck pain between dry needling and sham needling."])
    assert f["a_c_neg_e_null"] == 1.0 and f["a_c_dir_e_null"] == 0.0


def test_direction_far_from_the_claims_words_is_ignored():
    f = align_features("Yoga improves balance in older adults.",
                       ["Yoga classes were held twice a week in a community hall and attendance was recorded by the "
                        "instructors for every single session of the whole programme, while dropout increased."])
    assert f["a_agree"] == f["a_disagree"] == 0.0 and f["a_no_dir_near"] == 1.0


ABSTRACT = ("Methods: We randomised 180 adults with plantar heel pain to calf stretching or usual care. "
            "Results: Calf stretching reduced heel pain at eight weeks compared with usual care. "
            "Conclusion: Calf stretching lowers heel pain in adults.")


@pytest.mark.parametrize("claim,label", [
    ("Calf stretching reduces heel pain in adults.", SUPPORTS),
    ("Calf stretching increases heel pain in adults.", CONTRADICTS),
    ("Calf stretching does not reduce heel pain in adults.", CONTRADICTS),
])
def test_shipped_model_reads_a_turned_round_claim(claim, label):
    assert stance(claim, ABSTRACT).label == label


@pytest.fixture(scope="module")
def train():
    bench = Path(__file__).resolve().parents[1] / "bench"
    sys.path.insert(0, str(bench))
    try:
        yield importlib.import_module("train_check_stance")
    finally:
        sys.path.remove(str(bench))


def test_cue_words_are_scaled_and_nothing_else(train):
    sc = train.cue_scale(["bias", "cw_not", "a_agree", "cw_lower"], 0.5)
    assert sc.tolist() == [1.0, 0.5, 1.0, 0.5]


def test_flipped_claims(train):
    assert train.flip_negation("Bracing does not improve grip strength.") == "Bracing improves grip strength."
    assert train.flip_negation("Orthoses do not change gait.") == "Orthoses change gait."
    assert train.flip_negation("Posture is not linked to back pain.") == "Posture is linked to back pain."
    assert train.flip_negation("Cupping cannot relieve pain.") == "Cupping can relieve pain."
    assert train.flip_negation("Posture is linked to back pain.") == "Posture is not linked to back pain."
    assert train.flip_negation("Running strengthens knees.") is None
    assert train.flip_direction("Higher BMI increases knee load.") == "Lower BMI decreases knee load."
    assert train.flip_direction("Running strengthens knees.") is None
    # a negated claim only loses its negation: "does not worsen" is not the opposite of "does not improve"
    assert train.flipped_claims("Rest does not improve tendon pain.") == ["Rest improves tendon pain."]
    assert train.flipped_claims("Load is associated with higher tendon pain.") == [
        "Load is not associated with higher tendon pain.", "Load is associated with lower tendon pain."]
