"""Study embeddings: computed incrementally into the ``embeddings`` table, searched in memory.

Each study is embedded from ``title + " " + abstract`` (what sentence-transformers' BEIR evaluation
embeds), read from the full-text index so both rankers see the same text. A row stores the id of the
embedder that made it (``all-MiniLM-L6-v2@<version>`` for the exact NumPy path, the same with
``+onnx-int8`` for onnxruntime's int8 graph) and a hash of that text: ``build_index`` embeds only
studies with no row, another model's row or a changed text, and copies the vector of an identical text
already embedded (duplicates, re-imports).

The two paths count as one model (``embed.compatible_ids``): their vectors of one text agree to
cosine >= 0.99 and SciFact's hybrid nDCG@10 is the same with either (docs/benchmarks.md), so a hub
indexed on a machine without onnxruntime is searched as is elsewhere, with no re-embedding. A new
model or package version is a different id: everything is re-embedded.

Search is a brute-force product with a float32 matrix held once per process and database (from
``ivf.IVF_MIN`` vectors on, the rows of the nearest 10% of IVF lists only); after a commit only the
rows of studies in the change log (search/changes.py) are read again. At 100k x 384
the matrix is ~150 MB; a query costs ~6 ms CPU exact, ~1.2 ms with IVF (docs/benchmarks.md).
"""
from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from ..store import Store
from . import embed
from . import ivf as ivf_mod
from . import changes
from .cache import forget, unchanged

COMMIT_EVERY = 256  # embed and commit in chunks: an interrupted `physiohub index` keeps its work
_IN = "(?, ?)"  # embed.compatible_ids(): the exact and the int8 path's stamps


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _texts(store: Store, ids: list[int] | None = None) -> dict[int, str]:
    from ..studies import indexed_texts

    rows = indexed_texts(store, ids)
    return {r[0]: f"{r[1] or ''} {r[2] or ''}".strip() for r in rows}


def pending(store: Store) -> dict[int, tuple[str, str]]:
    """{study id: (text, hash)} for studies whose stored vector is missing or stale."""
    models = set(embed.compatible_ids())
    have = {r[0]: (r[1], r[2]) for r in store.query("SELECT study_id, model, text_hash FROM embeddings")}
    todo = {}
    for sid, text in _texts(store).items():
        h = text_hash(text)
        row = have.get(sid)
        if row is None or row[0] not in models or row[1] != h:
            todo[sid] = (text, h)
    return todo


def complete(store: Store) -> bool:
    """Every study has a vector of this model (cheap: counts only; a vector whose text changed since still
    counts, as it does for search until the next ``build_index``)."""
    n_vectors = store.query_one(f"SELECT count(*) FROM embeddings WHERE model IN {_IN}", embed.compatible_ids())[0]
    return n_vectors >= store.query_one("SELECT count(*) FROM studies")[0]


def build_index(store: Store, progress: Callable[[int], None] | None = None, *,
                on_total: Callable[[int], None] | None = None) -> int:
    """Index what is missing or changed: BM25 term vectors, then embeddings.

    Returns how many studies got a new vector. ``progress(n)`` is called as vectors are stored;
    ``on_total(n)`` once with the amount of embedding work.
    """
    from .lexical import index_terms

    index_terms(store)
    embed.model_dir()  # a clear ConfigError before any work if the model package is missing
    todo = pending(store)
    if on_total:
        on_total(len(todo))
    if not todo:
        return 0
    # Reuse vectors of identical texts already embedded by this model (either path), stamp and all.
    known: dict[str, tuple[str, bytes]] = {}
    hashes = {h for _, h in todo.values()}
    for row in store.query(f"SELECT text_hash, model, vector FROM embeddings WHERE model IN {_IN}",
                           embed.compatible_ids()):
        if row[0] in hashes:
            known[row[0]] = (row[1], row[2])
    reuse = [(sid, h) for sid, (_, h) in todo.items() if h in known]
    fresh = [(sid, t, h) for sid, (t, h) in todo.items() if h not in known]
    if reuse:
        _write(store, [(sid, known[h][0], h, known[h][1]) for sid, h in reuse])
        if progress:
            progress(len(reuse))
    if fresh:
        embedder = embed.get_embedder()
        model = embedder.model_id
        for start in range(0, len(fresh), COMMIT_EVERY):
            chunk = fresh[start : start + COMMIT_EVERY]
            vecs = embedder.encode([t for _, t, _ in chunk], progress=progress)
            _write(store, [(sid, model, h, v.tobytes()) for (sid, _, h), v in zip(chunk, vecs)])
    return len(todo)


def _write(store: Store, rows: list[tuple[int, str, str, bytes]]) -> None:
    with store.atomic() as conn:
        conn.executemany(
            "INSERT INTO embeddings(study_id, model, text_hash, vector) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(study_id) DO UPDATE SET model = excluded.model,"
            " text_hash = excluded.text_hash, vector = excluded.vector",
            rows,
        )


@dataclass
class Matrix:
    seq: int  # the change-log position (search/changes.py) these rows are current to
    models: tuple[str, str]  # the embedder stamps the rows were read for
    ids: np.ndarray  # int64 study ids, aligned with the rows of ``vectors``
    vectors: np.ndarray  # (n, dim) float32, unit rows
    by_id: np.ndarray  # row numbers ordered by study id (so lookups can binary-search)
    ivf: ivf_mod.IVF | None = None  # rows stored list by list when set (large matrices)

    def positions(self, study_ids: np.ndarray) -> np.ndarray:
        """Row numbers of those ids that have a vector."""
        if not len(self.ids):
            return np.zeros(0, dtype=np.int64)
        sorted_ids = self.ids[self.by_id]
        pos = np.clip(np.searchsorted(sorted_ids, study_ids), 0, len(sorted_ids) - 1)
        return self.by_id[pos[sorted_ids[pos] == study_ids]]


def _make_matrix(seq: int, models: tuple[str, str], ids: np.ndarray, vecs: np.ndarray,
                 old: ivf_mod.IVF | None = None, assign: np.ndarray | None = None) -> Matrix:
    """``assign``: the list of each row in ``old`` (kept rows keep theirs, new rows go to the nearest)."""
    index = None
    if len(ids) >= ivf_mod.IVF_MIN:
        if old is not None and assign is not None and len(ids) <= 2 * old.trained_on:
            # Keep the lists (no k-means on the request path) until the matrix has doubled.
            index, order = ivf_mod.regroup(old, assign)
        else:
            index, order = ivf_mod.build(vecs)
        ids, vecs = ids[order], vecs[order]
    return Matrix(seq, models, ids, np.ascontiguousarray(vecs), np.argsort(ids, kind="stable"), index)


_CACHE: dict[str, Matrix] = {}
_LOCK = threading.Lock()


def _rows(store: Store, models: tuple[str, str], only: list[int] | None) -> tuple[np.ndarray, np.ndarray]:
    if only is None:
        rows = store.query(f"SELECT study_id, vector FROM embeddings WHERE model IN {_IN} ORDER BY study_id", models)
    else:
        id_sql, params = store.dialect.id_list_select(only)
        rows = store.query(f"SELECT study_id, vector FROM embeddings WHERE model IN {_IN}"
                           f" AND study_id IN ({id_sql}) ORDER BY study_id", (*models, *params))
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    if not rows:
        return ids, np.zeros((0, 0), dtype=np.float32)
    vecs = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
    return ids, vecs


def _load(store: Store, cached: Matrix | None, models: tuple[str, str]) -> Matrix:
    """``cached`` brought up to date with the vectors of the studies logged since it was read, or all rows."""
    with changes.snapshot(store):
        seq = changes.head(store)
        if cached is not None and cached.models == models:
            changed = changes.since(store, "vectors", cached.seq, seq)
            if changed is not None and len(changed) <= max(1000, len(cached.ids) // 2):
                if not changed:
                    return replace(cached, seq=seq)
                ids, vecs = _rows(store, models, changed)
                keep = np.ones(len(cached.ids), dtype=bool)
                keep[cached.positions(np.asarray(changed, dtype=np.int64))] = False
                old, assign = cached.ivf, None
                if not len(vecs):
                    if old is not None:
                        assign = ivf_mod.lists(old)[keep]
                    return _make_matrix(seq, models, cached.ids[keep], cached.vectors[keep], old, assign)
                if len(cached.ids) and vecs.shape[1] == cached.vectors.shape[1]:
                    if old is not None:
                        assign = np.concatenate([ivf_mod.lists(old)[keep], ivf_mod.nearest_lists(old, vecs)])
                    return _make_matrix(seq, models, np.concatenate([cached.ids[keep], ids]),
                                        np.concatenate([cached.vectors[keep], vecs]), old, assign)
                # (nothing held before, or another width: read everything)
        ids, vecs = _rows(store, models, None)
        return _make_matrix(seq, models, ids, vecs)


def matrix(store: Store) -> Matrix | None:
    """The cached vectors of this database (None when nothing is embedded yet).

    After a commit only the vectors of studies in the change log since the last load are read
    (search/changes.py); one thread updates the matrix, a request meanwhile gets it as it was.
    """
    cached = _CACHE.get(store.url)
    if cached is not None and unchanged(store, "vectors"):
        return cached if len(cached.ids) else None
    models = embed.compatible_ids()
    if cached is not None and cached.models == models and changes.head(store) == cached.seq:
        return cached if len(cached.ids) else None
    with changes.single_flight(_LOCK, wait=cached is None or cached.models != models) as mine:
        if not mine:
            forget(store, "vectors")  # served as it was: look again next time
            return cached if len(cached.ids) else None
        cached = _CACHE.get(store.url)
        if cached is None or cached.models != models or changes.head(store) != cached.seq:
            cached = _load(store, cached, models)
            if store.url != ":memory:":
                _CACHE[store.url] = cached
        return cached if len(cached.ids) else None


def study_vector(store: Store, study_id: int) -> np.ndarray | None:
    row = store.query_one(f"SELECT vector FROM embeddings WHERE study_id = ? AND model IN {_IN}",
                          (study_id, *embed.compatible_ids()))
    return np.frombuffer(row[0], dtype=np.float32) if row else None


def nearest(m: Matrix, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Top-k (ids, cosine scores); ``allowed`` restricts to those study ids.

    Exact brute force, or on large matrices the rows of the nearest IVF lists (exact again when
    the probed lists hold fewer than k allowed rows, as with a narrow filter).
    """
    ok = None
    if allowed is not None:
        ok = np.zeros(len(m.ids), dtype=bool)
        ok[m.positions(np.asarray(allowed, dtype=np.int64))] = True
    scores = ids = None
    if m.ivf is not None:
        ranges = m.ivf.probe(query)
        rows = np.concatenate([np.arange(a, b) for a, b in ranges]) if ranges else np.zeros(0, np.int64)
        scores = np.concatenate([m.vectors[a:b] @ query for a, b in ranges]) if ranges else np.zeros(0, np.float32)
        if ok is not None:
            keep = ok[rows]
            rows, scores = rows[keep], scores[keep]
        if len(rows) >= k:
            ids = m.ids[rows]
        else:
            scores = None
    if scores is None or ids is None:
        scores = m.vectors @ query
        ids = m.ids
        if ok is not None:
            # Score everything, then subset: cheaper than gathering the allowed rows of the matrix.
            scores, ids = scores[ok], ids[ok]
    k = min(k, len(scores))
    if k <= 0:
        return ids[:0], scores[:0]
    top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    top = top[np.lexsort((ids[top], -scores[top]))]  # by score, ties by id: stable pages
    return ids[top], scores[top]
