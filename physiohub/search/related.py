"""Related studies: same primary topic first, nearest by meaning.

With embeddings: cosine neighbours among studies sharing the study's primary topic; if that topic
has too few, the page is filled with the nearest studies overall (a reader still wants to see
something close). Without embeddings: BM25 on the study's title, same order of preference.
Retracted studies are never suggested, and a study is never related to itself.
"""
from __future__ import annotations

from typing import Any

from ..errors import ConfigError, InvalidInput, NotFound
from ..store import Store
from . import vectors
from .bm25 import bm25_search
from .facets import hydrate
from .facets import table as facet_table


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
    pools = facet_table(store).related_pools(study_id)  # in memory: no table scans at 100k
    try:
        m = vectors.matrix(store)
        vec = vectors.study_vector(store, study_id) if m is not None else None
    except ConfigError:
        m = vec = None
    ranked: list[tuple[int, float]] = []
    seen: set[int] = set()
    for keep in pools:
        if len(ranked) >= limit:
            break
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
