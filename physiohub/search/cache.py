"""A cheap "has this database changed?" test for the per-process search caches.

``PRAGMA data_version`` changes when another connection commits; ``total_changes`` when this one
writes. If neither moved since a cache last validated itself on this connection, the tables it was
built from cannot have changed and the (more costly) content check is skipped.
"""
from __future__ import annotations

import threading

from ..store import Store

_SEEN: dict[tuple[str, str, int], tuple[int, int]] = {}
_LOCK = threading.Lock()


def unchanged(store: Store, cache: str) -> bool:
    """True if nothing was committed since the last call for this cache on this connection."""
    conn = store.conn
    state = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
    key = (store.url, cache, id(conn))
    with _LOCK:
        same = _SEEN.get(key) == state
        _SEEN[key] = state
    return same
