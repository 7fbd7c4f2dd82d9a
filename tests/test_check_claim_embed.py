"""The claim model on sentence embeddings and its fallback: the embedding model is the default where the hub's
embedder runs, the n-gram model where it does not, and both find the claims the rules miss. Every sentence is
written for this test."""
from __future__ import annotations

import json

import numpy as np
import pytest

from physiohub.check import claim_model
from physiohub.check.claim_embed import EmbeddingClaimModel, embedding_features
from physiohub.check.claim_model import EMBED_MODEL_PATH, ClaimModel, load_model
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document
from physiohub.errors import ConfigError

from test_check_claim_model import MISSED_BY_RULES, NOT_CLAIMS


@pytest.fixture
def fresh_models():
    """Each test picks the model anew (the choice is kept per process otherwise)."""
    claim_model._load.cache_clear()
    yield
    claim_model._load.cache_clear()


@pytest.mark.parametrize("kind", ["embedding", "ngram"])
def test_either_model_finds_the_claims_the_rules_miss_and_not_the_method_lines(kind, monkeypatch, fresh_models):
    monkeypatch.setenv("PHYSIOHUB_CLAIM_MODEL", kind)
    assert load_model().kind == kind
    for sentence in MISSED_BY_RULES:
        found = find_claims(parse_document(sentence).sentences)
        assert [c.text for c in found] == [sentence], (kind, sentence)
    for sentence in NOT_CLAIMS:
        assert find_claims(parse_document(sentence).sentences) == [], (kind, sentence)


def test_auto_takes_the_embedding_model_and_falls_back_without_the_embedder(monkeypatch, fresh_models):
    monkeypatch.delenv("PHYSIOHUB_CLAIM_MODEL", raising=False)
    assert isinstance(load_model(), EmbeddingClaimModel)
    claim_model._load.cache_clear()

    def missing():
        raise ConfigError("the embedding model is not installed")

    monkeypatch.setattr("physiohub.search.embed.get_embedder", missing)
    model = load_model()
    assert isinstance(model, ClaimModel)
    # the check still runs, and the n-gram model's own threshold goes with it
    found = find_claims(parse_document(MISSED_BY_RULES[0]).sentences)
    assert [c.text for c in found] == [MISSED_BY_RULES[0]]
    assert model.threshold == json.loads(claim_model.MODEL_PATH.read_text(encoding="utf-8"))["threshold"]


def test_a_wrong_setting_is_one_clear_error(monkeypatch, fresh_models):
    monkeypatch.setenv("PHYSIOHUB_CLAIM_MODEL", "bert")
    with pytest.raises(ConfigError, match="auto, embedding or ngram"):
        load_model()


def test_a_model_file_with_other_columns_is_refused():
    data = json.loads(EMBED_MODEL_PATH.read_text(encoding="utf-8"))
    assert 0.0 < data["threshold"] < 1.0 and data["leave_one_set_out"]["f1"] > 0.8
    EmbeddingClaimModel(data, encode=lambda texts: np.zeros((len(texts), data["dim"])))
    with pytest.raises(ValueError, match="retrain"):
        EmbeddingClaimModel({**data, "coef": data["coef"][:-1]})
    with pytest.raises(ValueError, match="retrain"):
        EmbeddingClaimModel({**data, "cues": data["cues"][:-1]})


def test_the_columns_are_the_embedding_then_the_cues():
    texts = ["A 2020 review found that walking eases back pain.", "It also helped sleep."]
    vecs = {t: np.full(4, k + 1.0) for k, t in enumerate(texts)}
    x = embedding_features(vecs, texts, [0, 0], [False, False], cue_weight=0.5, prev=True)
    assert x.shape == (2, 8 + 2 * len(claim_model.CUES) + claim_model.N_CONTEXT)
    assert list(x[1, :4]) == [2.0] * 4 and list(x[1, 4:8]) == [1.0] * 4   # its own, then the sentence before
    assert list(x[0, 4:8]) == [0.0] * 4                                    # the first has none before it
    assert set(np.unique(x[:, 8:])) <= {0.0, 0.5}                          # binary cues at the cue weight


def test_a_wrong_embedder_is_refused():
    data = json.loads(EMBED_MODEL_PATH.read_text(encoding="utf-8"))
    model = EmbeddingClaimModel(data, encode=lambda texts: np.zeros((len(texts), 8)))
    with pytest.raises(ValueError, match="needs 384"):
        model.probabilities(["A trial found that rest helps."], [0], [False])
