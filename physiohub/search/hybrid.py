"""Fusing the keyword and the semantic ranking.

Default: a convex combination of z-score-normalised scores, score(d) = sum over rankers r of
w_r * (s_r(d) - mean_r) / std_r, over each ranker's candidate list; a document missing from a
list gets that list's lowest normalised score. Bruch et al. (ACM TOIS 2023, "An analysis of fusion
functions for hybrid retrieval") show a tuned convex combination beats reciprocal rank fusion; on
SciFact *train* it did here too (nDCG@10 0.743 vs 0.724 for RRF k=60; bench/bench_search_tune.py,
docs/benchmarks.md). Weights were tuned on train qrels only. ``rrf`` (Cormack et al. 2009) is kept
for comparison.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

RRF_K = 60
# Tuned on SciFact train (docs/benchmarks.md `## Search`): flat between 0.4 and 0.6.
WEIGHTS = {"bm25": 0.5, "semantic": 0.5}


def fuse(
    rankings: dict[str, Sequence[tuple[int, float]]], *, weights: dict[str, float] | None = None
) -> list[tuple[int, float]]:
    """Convex combination of z-normalised scores; best first, ties by id. Vectorised: ~1 ms for 2k."""
    arrays = {name: (np.fromiter((d for d, _ in r), dtype=np.int64, count=len(r)),
                     np.fromiter((x for _, x in r), dtype=np.float64, count=len(r)))
              for name, r in rankings.items()}
    docs, total = fuse_arrays(arrays, weights=weights)
    return list(zip(docs.tolist(), total.tolist()))


def fuse_arrays(
    rankings: dict[str, tuple[np.ndarray, np.ndarray]], *, weights: dict[str, float] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``fuse`` over (ids int64, scores float64) arrays: (ids, fused scores), best first, ties by id. The
    search path keeps its rankings as arrays (no list of tuples for 2,000 candidates per request)."""
    weights = weights or WEIGHTS
    parts = [(name, r) for name, r in rankings.items() if len(r[0])]
    if not parts:
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    docs = np.unique(np.concatenate([rid for _, (rid, _) in parts]))
    total = np.zeros(len(docs), dtype=np.float64)
    for name, (rid, s) in parts:
        std = s.std()
        z = (s - s.mean()) / std if std > 0 else np.zeros_like(s)
        col = np.full(len(docs), z.min())  # absent from this list: its lowest normalised score
        col[np.searchsorted(docs, rid)] = z
        total += weights.get(name, 1.0) * col
    # by score, ties by id: ``docs`` is sorted, so a stable sort on the score alone is lexsort((docs, -total))
    order = np.argsort(-total, kind="stable")
    return docs[order], total[order]


def rrf(
    rankings: dict[str, Sequence[tuple[int, float]]],
    *,
    k: int = RRF_K,
    weights: dict[str, float] | None = None,
) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: sum of w_r / (k + rank_r(d)), ranks from 1; ties by id."""
    fused: dict[int, float] = {}
    for name, ranking in rankings.items():
        w = (weights or {}).get(name, 1.0)
        for rank, (doc, _) in enumerate(ranking, start=1):
            fused[doc] = fused.get(doc, 0.0) + w / (k + rank)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
