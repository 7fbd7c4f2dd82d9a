"""Related studies: same primary topic first, nearest by meaning.

With embeddings: cosine neighbours among studies sharing the study's primary topic; if that topic
has too few, the page is filled with the nearest studies overall (a reader still wants to see
something close). Without embeddings: BM25 on the study's title, same order of preference.
Retracted studies are never suggested, and a study is never related to itself.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import ConfigError, InvalidInput, NotFound
from ..store import Store
from . import vectors
from .bm25 import bm25_search
from .facets import hydrate


def _primary_topic(store: Store, study_id: int) -> str | None:
    row = store.query_one(
        "SELECT value FROM appraisal_topics WHERE study_id = ? AND kind = 'topic'"
        " ORDER BY is_primary DESC, rowid LIMIT 1",
        (study_id,),
    )
    return row[0] if row else None


def _pools(topic: str | None) -> list[tuple[str, list[Any]]]:
    everyone = ("SELECT s.id FROM studies s WHERE s.retracted = 0 AND s.id != ?", [])
    if topic is None:
        return [everyone]
    same = (
        "SELECT s.id FROM studies s WHERE s.retracted = 0 AND s.id != ? AND s.id IN"
        " (SELECT study_id FROM appraisal_topics WHERE kind = 'topic' AND value = ? AND is_primary = 1)",
        [topic],
    )
    return [same, everyone]


def related(store: Store, study_id: int, limit: int = 5) -> list[dict[str, Any]]:
    """Up to ``limit`` hits (the ``search`` hit shape) related to ``study_id``."""
    try:
        study_id, limit = int(study_id), int(limit)
    except (TypeError, ValueError):
        raise InvalidInput("study id and limit must be whole numbers") from None
    if not 1 <= limit <= 100:
        raise InvalidInput("limit must be between 1 and 100")
    row = store.query_one("SELECT title FROM studies WHERE id = ?", (study_id,))
    if row is None:
        raise NotFound(f"no study with id {study_id}")
    pools = [(sql, [study_id, *params]) for sql, params in _pools(_primary_topic(store, study_id))]
    try:
        m = vectors.matrix(store)
        vec = vectors.study_vector(store, study_id) if m is not None else None
    except ConfigError:
        m = vec = None
    ranked: list[tuple[int, float]] = []
    seen: set[int] = set()
    for sql, params in pools:
        if len(ranked) >= limit:
            break
        keep = np.array(sorted(r[0] for r in store.query(sql, params)), dtype=np.int64)
        if m is not None and vec is not None:
            ids, scores = vectors.nearest(m, vec, limit + len(seen), keep)
            found = list(zip(ids.tolist(), scores.tolist()))
        else:
            found = bm25_search(store, row[0] or "", limit + len(seen), keep)
        for sid, score in found:
            if sid not in seen and len(ranked) < limit:
                seen.add(sid)
                ranked.append((sid, score))
    return hydrate(store, ranked)
