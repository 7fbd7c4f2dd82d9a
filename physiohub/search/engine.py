"""``search()``: the one search behind the CLI, the web pages and the JSON API.

Each ranker (BM25, semantic) returns its top ``CANDIDATES`` studies that pass the filters; hybrid
fuses the two lists (hybrid.py: a convex combination of z-scores). That candidate set is the result set: ``total``
is its size and facets count over it (as Elasticsearch/Vespa hybrid queries do with a
``num_candidates`` window), so a page, its total and its facets always agree. A query with no
searchable words (empty, or stopwords only) browses instead: every study passing the filters,
newest first, with exact totals and facets.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import ConfigError, InvalidInput
from ..store import Store
from . import embed, filters as flt, vectors
from .bm25 import bm25_arrays, bm25_search  # noqa: F401  (bm25_search: benches import it from here)
from .facets import facet_counts, hydrate
from .facets import table as facet_table
from .hybrid import fuse_arrays
from .query import MAX_QUERY_CHARS, query_terms

MODES = ("bm25", "semantic", "hybrid")
CANDIDATES = 1000  # per ranker: the result-set window
# In hybrid mode a study found only by meaning (no query word in it) joins the results when its cosine
# similarity reaches this floor. all-MiniLM-L6-v2 gives unrelated texts 0.2-0.35, so without a floor every query,
# even nonsense, "found" the whole 1,000-study window. Chosen on SciFact train (docs/benchmarks.md).
SEMANTIC_FLOOR: float | None = 0.35
MAX_LIMIT = 1000


_QCACHE: OrderedDict[str, np.ndarray] = OrderedDict()
_QCACHE_SIZE = 1024
_QLOCK = threading.Lock()


def _remember(text: str, vec: np.ndarray) -> None:
    vec.setflags(write=False)  # shared between callers: read-only
    with _QLOCK:
        _QCACHE[text] = vec
        _QCACHE.move_to_end(text)
        while len(_QCACHE) > _QCACHE_SIZE:
            _QCACHE.popitem(last=False)


def _query_vector(text: str) -> np.ndarray:
    # Paging through results repeats the query: embed it once.
    with _QLOCK:
        vec = _QCACHE.get(text)
    if vec is None:
        vec = embed.get_embedder().encode([text])[0]
        _remember(text, vec)
    return vec


def warm_query_vectors(texts: list[str]) -> None:
    """Embed many queries in length-sorted batches (a batch run), if the model is there."""
    todo = list(dict.fromkeys(t for t in texts if t not in _QCACHE))
    if not todo or not embed.model_available():
        return
    for start in range(0, len(todo), _QCACHE_SIZE):
        chunk = todo[start : start + _QCACHE_SIZE]
        for text, vec in zip(chunk, embed.get_embedder().encode(chunk)):
            _remember(text, vec)


def semantic_search(
    store: Store, text: str, depth: int, allowed: np.ndarray | None = None
) -> list[tuple[int, float]] | None:
    """Top ``depth`` (id, cosine); None when there are no vectors (index not built, model absent)."""
    found = semantic_arrays(store, text, depth, allowed)
    return None if found is None else list(zip(found[0].tolist(), found[1].tolist()))


def semantic_arrays(
    store: Store, text: str, depth: int, allowed: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """``semantic_search`` as (ids int64, cosines float64) arrays, best first."""
    try:
        m = vectors.matrix(store)
    except ConfigError:
        return None
    if m is None:
        return None
    # The model reads 256 word pieces at most; don't make the tokenizer read a pasted book first.
    ids, scores = vectors.nearest(m, _query_vector(text[:MAX_QUERY_CHARS]), depth, allowed)
    return ids.astype(np.int64), scores.astype(np.float64)


def warm(store: Store) -> None:
    """Load the BM25 index, the vector matrix and the model now, not on the first query.

    At 100k studies the first load takes seconds (docs/benchmarks.md); a server calls this at start.
    """
    from .explain import explain_query
    from .lexical import impacts

    impacts(store)
    explain_query(store, "warm up")  # the hub's words for did-you-mean (search/explain.py)
    try:
        if vectors.matrix(store) is not None:
            _query_vector("warm up")
    except ConfigError:
        pass


def _check(query: Any, mode: str, limit: Any, offset: Any) -> tuple[str, int, int]:
    if query is None:
        query = ""
    if not isinstance(query, str):
        raise InvalidInput("the search query must be text")
    if mode not in MODES:
        raise InvalidInput(f"unknown search mode {mode!r}; choose from: {', '.join(MODES)}")
    try:
        limit, offset = int(limit), int(offset)
    except (TypeError, ValueError):
        raise InvalidInput("limit and offset must be whole numbers") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise InvalidInput("offset must not be negative")
    return query, limit, offset


def _browse(store: Store, f: dict[str, Any], limit: int, offset: int, with_ids: bool = False) -> dict[str, Any]:
    """Every study passing the filters, newest first (unknown year last), ties by id descending."""
    t = facet_table(store)
    ids = t.allowed(f)
    pos = np.searchsorted(t.ids, ids)
    years = t.years[pos]
    order = np.lexsort((-ids, -years, years < 0))
    page = ids[order[offset : offset + limit]]
    out = {
        "total": int(len(ids)),
        "hits": hydrate(store, [(int(i), 0.0) for i in page]),
        "facets": t.count(ids),
        "mode": "browse",
        "notes": [],
    }
    if with_ids:
        out["ids"] = ids.tolist()
    return out


def search(
    store: Store,
    query: str,
    *,
    mode: str = "hybrid",
    limit: int = 10,
    offset: int = 0,
    filters: Mapping[str, Any] | None = None,
    with_ids: bool = False,
) -> dict[str, Any]:
    """Ranked, filtered, faceted, paged search. See the module docstring for what ``total`` counts.
    ``with_ids`` adds ``ids``: every study of the result set (what ``total`` counts), for the evidence picture.

    Returns {total, hits: [{id, source_id, score, title, year, design, evidence, verdict,
    research_type, topics, retracted}], facets: {design|evidence|verdict|topic|body_region|year:
    {value: count}}, mode (the ranking actually used), notes}.
    """
    query, limit, offset = _check(query, mode, limit, offset)
    f = flt.normalize(filters)
    if not query_terms(query):
        return _browse(store, f, limit, offset, with_ids)
    # One sorted id list for both rankers, from the in-memory study table (no table scans).
    allowed = facet_table(store).allowed(f) if f else None
    depth = max(CANDIDATES, offset + limit)
    notes: list[str] = []
    # (ids, scores) arrays, best first: a request never builds Python lists of its 2,000 candidates
    rankings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    if mode in ("semantic", "hybrid"):
        sem = semantic_arrays(store, query, depth, allowed)
        if sem is None:
            notes.append("semantic ranking unavailable: no embeddings yet (run `physiohub index`); used BM25")
        else:
            rankings["semantic"] = sem
    if mode in ("bm25", "hybrid") or not rankings:
        rankings["bm25"] = bm25_arrays(store, query, depth, allowed)
    if len(rankings) == 2:
        used, (ids, scores) = "hybrid", fuse_arrays(rankings)
    else:
        used, (ids, scores) = next(iter(rankings.items()))
    if used == "hybrid" and SEMANTIC_FLOOR is not None:
        # Fusion used the whole window (scores unchanged); the result set keeps keyword matches and
        # studies close enough in meaning. (Semantic mode, asked for by name, stays a pure ranking.)
        sem_ids, cosines = rankings["semantic"]
        keep = np.isin(ids, np.concatenate([rankings["bm25"][0], sem_ids[cosines >= SEMANTIC_FLOOR]]))
        ids, scores = ids[keep], scores[keep]
    page = slice(offset, offset + limit)
    out = {
        "total": len(ids),
        "hits": hydrate(store, list(zip(ids[page].tolist(), scores[page].tolist()))),
        "facets": facet_counts(store, ids),
        "mode": used,
        "notes": notes,
    }
    if with_ids:
        out["ids"] = ids.tolist()
    return out
