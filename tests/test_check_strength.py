"""Claim-strength classifier: the shipped model loads from JSON and tells the four kinds apart."""
from __future__ import annotations

import json

import pytest

from physiohub.check.strength import LABELS, MODEL_PATH, classify, load_model, normalise


def test_shipped_model_is_json_with_four_labels():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["labels"] == list(LABELS)
    assert sorted(data["classes"]) == [0, 1, 2, 3]
    assert MODEL_PATH.stat().st_size < 3_000_000


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Higher screen time was associated with more neck pain in adolescents.", "correlational"),
        ("Exercise therapy reduces pain in people with knee osteoarthritis.", "direct causal"),
        ("Yoga may improve function in adults with chronic low back pain.", "conditional causal"),
        ("Participants were recruited from three outpatient clinics in 2019.", "not a claim"),
    ],
)
def test_classifies_clear_cases(sentence, expected):
    assert classify([sentence]) == [expected]


def test_citation_markers_do_not_change_the_label():
    s = "Running was linked to lower rates of knee osteoarthritis."
    assert normalise(s + " [3]") == s
    assert classify([s + " [3]"]) == classify([s])


def test_empty_input():
    assert load_model().predict([]) == []
