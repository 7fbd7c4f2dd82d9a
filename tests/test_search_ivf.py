"""The IVF coarse quantiser used for large vector matrices: close to exact, exact under narrow filters."""
from __future__ import annotations

import numpy as np

from physiohub.search import ivf, vectors


def clustered(n: int = 4000, dim: int = 32, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(40, dim))
    x = centres[rng.integers(0, 40, n)] + 0.3 * rng.normal(size=(n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_ivf_matrix_finds_nearly_the_exact_neighbours(monkeypatch):
    x = clustered()
    ids = np.arange(10, 10 + len(x), dtype=np.int64)
    exact = vectors._make_matrix(0, ("e", "e"), ids, x)
    monkeypatch.setattr(ivf, "IVF_MIN", 1000)
    approx = vectors._make_matrix(0, ("a", "a"), ids, x)
    assert approx.ivf is not None and exact.ivf is None
    assert sorted(approx.ids.tolist()) == ids.tolist()  # same rows, stored list by list
    rng = np.random.default_rng(2)
    recalls = []
    for q in x[rng.choice(len(x), 30, replace=False)]:
        want, _ = vectors.nearest(exact, q, 10)
        got, scores = vectors.nearest(approx, q, 10)
        assert np.all(np.diff(scores) <= 0)
        recalls.append(len(set(want.tolist()) & set(got.tolist())) / 10)
    assert np.mean(recalls) >= 0.9


def test_ivf_narrow_filter_falls_back_to_exact(monkeypatch):
    x = clustered()
    ids = np.arange(len(x), dtype=np.int64)
    monkeypatch.setattr(ivf, "IVF_MIN", 1000)
    approx = vectors._make_matrix(0, ("a", "a"), ids, x)
    exact = vectors._make_matrix(0, ("e", "e"), ids, x)
    allowed = np.arange(0, len(x), 97, dtype=np.int64)  # 42 studies scattered over every list
    got, s1 = vectors.nearest(approx, x[5], 20, allowed)
    want, s2 = vectors.nearest(exact, x[5], 20, allowed)
    assert got.tolist() == want.tolist() and np.allclose(s1, s2)
    assert set(got.tolist()) <= set(allowed.tolist())
    assert approx.positions(np.array([7, 10**9])).tolist() == [int(np.flatnonzero(approx.ids == 7)[0])]
