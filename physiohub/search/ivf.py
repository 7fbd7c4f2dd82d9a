"""An inverted-file (IVF) coarse quantiser for large vector matrices, as FAISS's IndexIVFFlat does.

Brute force reads the whole float32 matrix for every query (153 MB at 100k x 384): memory-bound,
~8-10 ms of CPU and the part of a hybrid query that suffers most when the cores are shared.
From ``IVF_MIN`` vectors on, the matrix is clustered once (spherical k-means on a sample, about
2*sqrt(n) lists) and stored list by list; a query scores the centroids, then exactly scores the rows
of the ``PROBE_FRACTION`` nearest lists only. Below ``IVF_MIN`` search stays exact (so the SciFact
figures in docs/benchmarks.md are exact). The recall cost at 100k is measured there.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

IVF_MIN = 50_000
PROBE_FRACTION = 0.1
KMEANS_ITERATIONS = 8
SAMPLE_PER_LIST = 40


@dataclass
class IVF:
    centroids: np.ndarray  # (nlist, dim) unit rows
    bounds: np.ndarray  # list j holds matrix rows bounds[j]:bounds[j+1] (the matrix is stored list by list)
    trained_on: int = 0  # how many vectors the centroids were fitted to

    def probe(self, query: np.ndarray, fraction: float = PROBE_FRACTION) -> list[tuple[int, int]]:
        """Row ranges of the lists nearest to ``query``."""
        nlist = len(self.centroids)
        nprobe = max(1, min(nlist, int(round(nlist * fraction))))
        sims = self.centroids @ query
        best = np.argpartition(-sims, nprobe - 1)[:nprobe] if nprobe < nlist else np.arange(nlist)
        return [(int(self.bounds[j]), int(self.bounds[j + 1])) for j in np.sort(best)]


def _normalise(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def _assign(vectors: np.ndarray, centroids: np.ndarray, chunk: int = 8192) -> np.ndarray:
    out = np.empty(len(vectors), dtype=np.int64)
    for s in range(0, len(vectors), chunk):
        out[s : s + chunk] = np.argmax(vectors[s : s + chunk] @ centroids.T, axis=1)
    return out


def build(vectors: np.ndarray, seed: int = 0) -> tuple[IVF, np.ndarray]:
    """(index, row order): store ``vectors[order]`` so that each list's rows are contiguous."""
    n = len(vectors)
    nlist = max(1, int(2 * np.sqrt(n)))
    rng = np.random.default_rng(seed)
    sample = vectors[np.sort(rng.choice(n, min(n, nlist * SAMPLE_PER_LIST), replace=False))]
    centroids = sample[rng.choice(len(sample), nlist, replace=False)].copy()
    for _ in range(KMEANS_ITERATIONS):
        assign = _assign(sample, centroids)
        member = sp.csr_matrix((np.ones(len(sample), np.float32), (assign, np.arange(len(sample)))),
                               shape=(nlist, len(sample)))
        sums = np.asarray(member @ sample)
        filled = np.asarray(member.sum(axis=1)).ravel() > 0
        centroids[filled] = _normalise(sums[filled])  # an empty list keeps its old centroid
    assign = _assign(vectors, centroids)
    order = np.argsort(assign, kind="stable")
    bounds = np.searchsorted(assign[order], np.arange(nlist + 1))
    return IVF(centroids.astype(np.float32), bounds.astype(np.int64), n), order


def lists(index: IVF) -> np.ndarray:
    """The list of each stored row."""
    return np.repeat(np.arange(len(index.centroids), dtype=np.int64), np.diff(index.bounds))


def nearest_lists(index: IVF, vectors: np.ndarray) -> np.ndarray:
    return _assign(vectors, index.centroids)


def regroup(index: IVF, assign: np.ndarray) -> tuple[IVF, np.ndarray]:
    """(index, row order) for rows in lists ``assign``, with ``index``'s centroids kept (no k-means): for a
    matrix that gained, lost or changed a few rows since ``index`` was fitted."""
    order = np.argsort(assign, kind="stable")
    bounds = np.searchsorted(assign[order], np.arange(len(index.centroids) + 1))
    return IVF(index.centroids, bounds.astype(np.int64), index.trained_on), order
