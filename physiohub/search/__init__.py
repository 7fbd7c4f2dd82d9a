"""Search: BM25 (FTS5) + sentence embeddings, fused; filters, facets, related studies.

    search(store, "painful exercise tendinopathy", mode="hybrid", filters={"design": "systematic review"})
    related(store, study_id)
    build_index(store)          # BM25 term vectors + embeddings for what is missing or changed
    warm(store)                 # load the in-memory indexes up front (a server at start)
"""
from __future__ import annotations

from .engine import MODES, search, warm
from .related import related
from .vectors import build_index

__all__ = ["MODES", "build_index", "related", "search", "warm"]
