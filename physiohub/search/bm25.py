"""Keyword ranking: BM25 over the FTS5 index with field weights (the dialect owns the SQL).

FTS5's ``bm25()`` returns smaller-is-better numbers; we hand back ``-bm25`` so every ranker in
PhysioHub scores higher-is-better.
"""
from __future__ import annotations

from typing import Any

from ..store import Store
from .query import match_expression


def bm25_search(
    store: Store, text: str, depth: int, allowed: tuple[str, list[Any]] | None = None
) -> list[tuple[int, float]]:
    """Top ``depth`` (study id, score) for ``text``; ``allowed`` is a ``SELECT id`` restricting them."""
    expr = match_expression(text)
    if expr is None or depth <= 0:
        return []
    sql, params = store.dialect.bm25_query(expr, depth, allowed)
    return [(int(r[0]), float(r[1])) for r in store.query(sql, params)]
