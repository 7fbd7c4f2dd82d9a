"""The claim-sentence model on sentence embeddings: the shipped choice when the hub's embedder is installed.

The n-gram model (``claim_model.py``) learns the wording of the sites it was trained on. This one reads each
sentence through the hub's own MiniLM embedder (``physiohub.search.embed``: 384 numbers, unit length), beside
the same generic cue and context columns (``claim_model.context_features``), in a logistic regression. Chosen by
leave-one-set-out validation over the dev sets (bench/loso_check_claims.py, docs/check.md): each set, written in
its own session from its own sites, scored by a model fitted on the other sets. It ships as plain JSON (the
weights as one vector; no vocabulary) with numpy inference; one ``encode`` call per article embeds its sentences.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .claim_model import CONTEXT_VERSION, CUES, N_CONTEXT, context_features

KIND = "embedding"


def embedding_features(vectors: Mapping[str, np.ndarray], texts: Sequence[str], paragraphs: Sequence[int],
                       items: Sequence[bool], headings: Sequence[str] | None = None, docs: Sequence[int] | None = None,
                       *, cue_weight: float = 1.0, prev: bool = False, head: bool = False) -> np.ndarray:
    """The model's columns: the sentence's embedding (``vectors[text]``); the embedding of the sentence before it
    in its paragraph (zeros if none) when ``prev``, and of its heading (zeros if none) when ``head``; then the
    cue and context columns of ``context_features`` times ``cue_weight``. ``docs`` as in ``context_features``."""
    dim = len(next(iter(vectors.values()))) if vectors else 0
    doc = list(docs) if docs is not None else [0] * len(texts)
    zero = np.zeros(dim)
    blocks = [np.array([vectors[t] for t in texts], dtype=np.float64).reshape(len(texts), dim)]
    if prev:
        blocks.append(np.array([vectors[texts[i - 1]] if i > 0 and paragraphs[i - 1] == paragraphs[i] and doc[i - 1] == doc[i]
                                else zero for i in range(len(texts))], dtype=np.float64).reshape(len(texts), dim))
    if head:
        heads = list(headings) if headings is not None else [""] * len(texts)
        blocks.append(np.array([vectors[h] if h else zero for h in heads], dtype=np.float64).reshape(len(texts), dim))
    blocks.append(context_features(texts, paragraphs, items, headings, docs) * cue_weight)
    return np.hstack(blocks)


def encode_alone(encode: Callable[[Sequence[str]], np.ndarray], texts: Sequence[str]) -> np.ndarray:
    """Each text embedded on its own. The int8 path quantises a whole batch at once, so a sentence's vector moves
    with the sentences batched beside it (cosine down to 0.97 on the dev pages, enough to turn 6 of 856 claim
    decisions): one at a time, a sentence gets the same vector in training and on any page."""
    dim = None
    rows = []
    for t in texts:
        v = np.asarray(encode([t]))
        dim = v.shape[1] if v.ndim == 2 else None
        rows.append(v.reshape(-1))
    return np.array(rows).reshape(len(rows), dim or (rows[0].size if rows else 0))


def texts_to_embed(texts: Sequence[str], headings: Sequence[str] | None, head: bool) -> list[str]:
    """Every distinct text the columns need: the sentences, and the headings when ``head``."""
    need = dict.fromkeys(texts)
    if head and headings is not None:
        need.update(dict.fromkeys(h for h in headings if h))
    return list(need)


class EmbeddingClaimModel:
    """A fitted embedding claim model: ``probabilities`` for the sentences of one article."""

    kind = KIND

    def __init__(self, data: dict[str, Any], encode: Callable[[Sequence[str]], np.ndarray] | None = None):
        if (data.get("kind") != KIND or list(data["cues"]) != list(CUES)
                or data.get("context_version", 1) != CONTEXT_VERSION):
            raise ValueError("embedding claim model was trained with other columns; retrain it (bench/train_check_claims.py)")
        self.embedder = data["embedder"]
        self.dim = int(data["dim"])
        self.prev, self.head = bool(data["prev"]), bool(data["head"])
        self.coef = np.asarray(data["coef"], dtype=np.float64)
        want = self.dim * (1 + self.prev + self.head) + 2 * len(CUES) + N_CONTEXT
        if self.coef.shape != (want,):
            raise ValueError(f"embedding claim model has {self.coef.size} weights, its columns need {want}; retrain it")
        self.intercept = float(data["intercept"])
        self.cue_weight = float(data["cue_weight"])
        self.threshold = float(data["threshold"])
        self._encode = encode

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._encode is None:
            from ..search.embed import get_embedder

            self._encode = get_embedder().encode
        return encode_alone(self._encode, texts)

    def probabilities(self, texts: Sequence[str], paragraphs: Sequence[int], items: Sequence[bool],
                      headings: Sequence[str] | None = None) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        need = texts_to_embed(texts, headings, self.head)
        vecs = self.encode(need)
        if vecs.shape != (len(need), self.dim):
            raise ValueError(f"the embedder gave vectors of shape {vecs.shape}; the claim model needs {self.dim} numbers each")
        x = embedding_features(dict(zip(need, vecs)), texts, paragraphs, items, headings, cue_weight=self.cue_weight,
                               prev=self.prev, head=self.head)
        return 1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept)))


def export_embedding_model(coef: np.ndarray, intercept: float, *, embedder: str, dim: int, cue_weight: float,
                           threshold: float, prev: bool, head: bool, meta: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of a fitted embedding model (weights rounded to 6 places)."""
    return {"kind": KIND, "cues": list(CUES), "context_version": CONTEXT_VERSION, "embedder": embedder, "dim": dim,
            "prev": prev, "head": head, "cue_weight": cue_weight, "threshold": round(float(threshold), 3),
            "intercept": round(float(intercept), 6), "coef": [round(float(v), 6) for v in np.asarray(coef).ravel()], **meta}


__all__ = ["EmbeddingClaimModel", "embedding_features", "export_embedding_model", "texts_to_embed"]
