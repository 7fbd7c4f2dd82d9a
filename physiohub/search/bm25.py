"""Keyword ranking: BM25 with field weights (title, abstract, MeSH, keywords).

``bm25_search`` runs on the in-memory impact index (``lexical.py``: FTS5's formula, milliseconds
at 100k studies). ``fts5_search`` asks SQLite FTS5's ``bm25()`` directly: the reference the
benchmark compares against, and the path a PostgreSQL dialect would replace. Both return
higher-is-better scores (FTS5's ``bm25()`` is smaller-is-better, so it is negated).
"""
from __future__ import annotations

from typing import Any

import numpy as np

from ..store import Store
from .lexical import lexical_arrays
from .query import match_expression


def bm25_search(store: Store, text: str, depth: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Top ``depth`` (study id, score); ``allowed``: sorted study ids the results must be among."""
    ids, scores = bm25_arrays(store, text, depth, allowed)
    return list(zip(ids.tolist(), scores.tolist()))


def bm25_arrays(store: Store, text: str, depth: int,
                allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``bm25_search`` as (ids int64, scores float64) arrays, best first."""
    found = lexical_arrays(store, text, depth, allowed)
    if found is None:  # many studies not indexed yet: FTS5 ranks the same way and is always current
        sql = None if allowed is None else store.dialect.id_list_select(allowed.tolist())
        rows = fts5_search(store, text, depth, sql)
        return (np.array([i for i, _ in rows], dtype=np.int64), np.array([x for _, x in rows], dtype=np.float64))
    return found


def fts5_search(
    store: Store, text: str, depth: int, allowed: tuple[str, list[Any]] | None = None
) -> list[tuple[int, float]]:
    """The same ranking through FTS5 (``allowed`` is a ``SELECT id`` with its params)."""
    expr = match_expression(text)
    if expr is None or depth <= 0:
        return []
    sql, params = store.dialect.bm25_query(expr, depth, allowed)
    return [(int(r[0]), float(r[1])) for r in store.query(sql, params)]
