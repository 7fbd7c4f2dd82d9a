"""Which studies changed since a search cache was loaded: the ``search_changes`` log.

Triggers (migration ``1401_search_changes``) append (study id, part) for every insert, edit or delete that
touches what a per-process search cache holds: ``facets`` (year, retraction, design, evidence, verdict,
topics, body regions, card status), ``vectors`` (embeddings) and ``terms`` (stored term vectors and the
text they were made from). A cache remembers the log position it is current to; after a commit it
re-reads only the studies logged since, so an import's commit costs a server a few rows, not whole tables.

The log is pruned as it grows (``SEARCH_CHANGES_KEPT`` rows kept); a cache that fell further behind, or
that sees a log it cannot follow (another database at the same path), reloads whole.
"""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from ..store import Store

PARTS = ("facets", "vectors", "terms")


def head(store: Store) -> int:
    """The position of the newest change (0 when none was ever logged)."""
    row = store.query_one("SELECT max(seq) FROM search_changes")
    return int(row[0] or 0)


def since(store: Store, part: str, after: int, upto: int) -> list[int] | None:
    """Sorted ids of studies whose ``part`` changed after position ``after`` up to ``upto``.

    None when the log no longer reaches back to ``after`` (pruned) or went backwards (a different
    database): the caller reloads whole.
    """
    if upto < after:
        return None
    if upto == after:
        return []
    first = store.query_one("SELECT min(seq) FROM search_changes")[0]
    if first is None or first > after + 1:
        return None
    rows = store.query("SELECT DISTINCT study_id FROM search_changes WHERE seq > ? AND seq <= ? AND part = ?"
                       " ORDER BY study_id", (after, upto, part))
    return [r[0] for r in rows]


@contextlib.contextmanager
def snapshot(store: Store) -> Iterator[None]:
    """One read transaction: a cache loads the rows of exactly the database state whose log position it
    keeps (in WAL mode this blocks no writer)."""
    conn = store.conn
    if conn.in_transaction:  # inside a caller's transaction already: that is the snapshot
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


@contextlib.contextmanager
def single_flight(lock: threading.Lock, *, wait: bool) -> Iterator[bool]:
    """Yields True holding ``lock`` (this thread brings the cache up to date), or False at once when another
    thread holds it and ``wait`` is false: the caller then serves what it has (stale-while-revalidate, at
    most one update old), so no request waits on another's reload. ``wait``: nothing to serve yet."""
    if not lock.acquire(blocking=wait):
        yield False
        return
    try:
        yield True
    finally:
        lock.release()
