"""The shipped PICO tagger: loads, tags an invented trial abstract, spans point into the record."""
from __future__ import annotations

from fixtures.appraise.records import PILOT_RCT
from physiohub.appraise import appraise_many
from physiohub.appraise import pico_model as pm


def test_model_file_is_small_and_loads():
    assert pm.MODEL_PATH.stat().st_size < 5_000_000
    m = pm.load()
    assert m["coef"].shape == (len(pm.LABELS), pm.N_FEATURES)


def test_tagger_finds_population_intervention_outcome():
    spans = pm.tag_records([PILOT_RCT])[0]
    assert spans["population"] and spans["intervention"] and spans["outcomes"]
    for items in spans.values():
        for s in items:
            source = PILOT_RCT.title if s["field"] == "title" else PILOT_RCT.abstract
            assert source[s["start"]:s["end"]] == s["text"]
    assert any("low back pain" in s["text"] for s in spans["population"])


def test_viterbi_follows_the_scores():
    import numpy as np

    scores = np.log(np.array([[0.9, 0.1], [0.2, 0.8], [0.3, 0.7]]))
    flat = np.zeros((2, 2))
    assert pm.viterbi(scores, flat, np.zeros(2)) == [0, 1, 1]


def test_deep_path_replaces_pico_only():
    plain = next(appraise_many([PILOT_RCT]))
    deep = next(appraise_many([PILOT_RCT], deep=True))
    assert deep["design"] == plain["design"] and deep["evidence"] == plain["evidence"]
    assert deep["generator"] == plain["generator"] and deep["pico_source"] == "model"
    assert deep["pico"] != plain["pico"]
