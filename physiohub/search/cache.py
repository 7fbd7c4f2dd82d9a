"""A cheap "has this database changed?" test for the per-process search caches.

``PRAGMA data_version`` changes when another connection commits; ``total_changes`` when this one
writes. If neither moved since a cache last validated itself on this very connection, the tables it
was built from cannot have changed and the (more costly) content check is skipped. State is kept
per Store object (weakly) and per thread, with the connection object itself, so a closed
connection whose id() Python reuses can never vouch for a new one.
"""
from __future__ import annotations

import sqlite3
import threading
import weakref

from ..store import Store

_SEEN: "weakref.WeakKeyDictionary[Store, dict[tuple[int, str], tuple[sqlite3.Connection, tuple[int, int]]]]"
_SEEN = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def unchanged(store: Store, cache: str) -> bool:
    """True if nothing was committed since the last call for this cache on this connection."""
    conn = store.conn
    state = store.dialect.change_stamp(conn)
    key = (threading.get_ident(), cache)
    with _LOCK:
        per_store = _SEEN.setdefault(store, {})
        prev = per_store.get(key)
        per_store[key] = (conn, state)
    return prev is not None and prev[0] is conn and prev[1] == state


def forget(store: Store, cache: str) -> None:
    """Make the next ``unchanged`` call for this cache on this thread say False: for a caller that served
    a value older than what it has seen committed (another thread was updating the cache)."""
    with _LOCK:
        _SEEN.get(store, {}).pop((threading.get_ident(), cache), None)
