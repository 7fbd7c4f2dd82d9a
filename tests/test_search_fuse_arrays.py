"""Hybrid fusion on arrays (search/hybrid.py ``fuse_arrays``, ``fuse``): best first, ties by id, the same as
the definition (z-scores, a missing document gets its list's lowest, ``lexsort`` by score then id)."""
from __future__ import annotations

import random

import numpy as np

from physiohub.search.hybrid import WEIGHTS, fuse, fuse_arrays


def _reference(rankings):
    docs = sorted({d for r in rankings.values() for d, _ in r})
    total = np.zeros(len(docs))
    for name, r in rankings.items():
        if not r:
            continue
        s = np.array([x for _, x in r], dtype=np.float64)
        z = (s - s.mean()) / s.std() if s.std() > 0 else np.zeros_like(s)
        col = dict(zip((d for d, _ in r), z))
        total += WEIGHTS[name] * np.array([col.get(d, z.min()) for d in docs])
    order = np.lexsort((np.array(docs), -total))
    return [(docs[i], float(total[i])) for i in order]


def test_ties_go_to_the_lower_id():
    got = fuse({"bm25": [(9, 2.0), (5, 1.0), (3, 1.0)], "semantic": [(3, 0.9), (5, 0.9), (9, 0.1)]})
    assert [d for d, _ in got] == [9, 3, 5] and got[1][1] == got[2][1]


def test_equals_the_definition_on_random_lists_with_ties():
    rng = random.Random(3)
    for _ in range(300):
        rankings = {}
        for name in ("bm25", "semantic"):
            ids = rng.sample(range(60), rng.randint(0, 40))
            rankings[name] = [(i, float(rng.choice([0.5, 1.0, 2.0, rng.random()]))) for i in ids]
        assert fuse(rankings) == _reference(rankings)
        arrays = {k: (np.array([d for d, _ in r], dtype=np.int64), np.array([x for _, x in r], dtype=np.float64))
                  for k, r in rankings.items()}
        ids, scores = fuse_arrays(arrays)
        assert list(zip(ids.tolist(), scores.tolist())) == _reference(rankings)
