"""Fusing the keyword and the semantic ranking.

Reciprocal rank fusion (Cormack et al. 2009): score(d) = sum over rankers r of w_r / (k + rank_r(d)),
ranks from 1, k = 60. It needs no score calibration, so BM25's unbounded scores and cosine
similarities mix safely. Weights were tuned on SciFact *train* qrels only (bench/bench_search.py
``--tune``); the test split is used only for the reported figure.
"""
from __future__ import annotations

from collections.abc import Sequence

RRF_K = 60
# Tuned on SciFact train (see docs/benchmarks.md `## Search`); equal weights are the textbook default.
WEIGHTS = {"bm25": 1.0, "semantic": 1.0}


def rrf(
    rankings: dict[str, Sequence[tuple[int, float]]],
    *,
    k: int = RRF_K,
    weights: dict[str, float] | None = None,
) -> list[tuple[int, float]]:
    """Fuse ranked (id, score) lists into one (id, fused score) list, best first, ties by id."""
    weights = weights or WEIGHTS
    fused: dict[int, float] = {}
    for name, ranking in rankings.items():
        w = weights.get(name, 1.0)
        for rank, (doc, _) in enumerate(ranking, start=1):
            fused[doc] = fused.get(doc, 0.0) + w / (k + rank)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
