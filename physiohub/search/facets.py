"""Hit rows for a page of results, and facet counts over a whole result set."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..store import Store

FACETS = ("design", "evidence", "verdict", "topic", "body_region", "year")


def hydrate(store: Store, ranked: Sequence[tuple[int, float]]) -> list[dict[str, Any]]:
    """The agreed hit dicts, in the order given."""
    if not ranked:
        return []
    ids = json.dumps([int(i) for i, _ in ranked])
    rows = {
        r["id"]: r
        for r in store.query(
            "SELECT s.id, s.source_id, s.title, s.year, s.retracted, a.design, a.evidence, a.verdict,"
            " a.research_type FROM studies s LEFT JOIN appraisals a ON a.study_id = s.id"
            " WHERE s.id IN (SELECT value FROM json_each(?))",
            (ids,),
        )
    }
    topics: dict[int, list[str]] = {}
    for r in store.query(
        "SELECT study_id, value FROM appraisal_topics WHERE kind = 'topic'"
        " AND study_id IN (SELECT value FROM json_each(?)) ORDER BY study_id, is_primary DESC, rowid",
        (ids,),
    ):
        topics.setdefault(r[0], []).append(r[1])
    hits = []
    for sid, score in ranked:
        r = rows.get(sid)
        if r is None:  # deleted between ranking and reading: drop it rather than show a hole
            continue
        hits.append({
            "id": sid,
            "source_id": r["source_id"],
            "score": round(float(score), 6),
            "title": r["title"],
            "year": r["year"],
            "design": r["design"],
            "evidence": r["evidence"],
            "verdict": r["verdict"],
            "research_type": r["research_type"],
            "topics": topics.get(sid, []),
            "retracted": bool(r["retracted"]),
        })
    return hits


def _sorted(counter: Counter, *, by_value: bool = False) -> dict[Any, int]:
    if by_value:  # years: newest first
        return dict(sorted(counter.items(), key=lambda kv: -kv[0]))
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def _count(store: Store, id_sql: str, params: list[Any]) -> dict[str, dict[Any, int]]:
    counts: dict[str, Counter] = {f: Counter() for f in FACETS}
    for r in store.query(
        "SELECT s.year, a.design, a.evidence, a.verdict FROM studies s"
        f" LEFT JOIN appraisals a ON a.study_id = s.id WHERE s.id IN ({id_sql})",
        params,
    ):
        for name, value in zip(("year", "design", "evidence", "verdict"), r):
            if value is not None and value != "":
                counts[name][value] += 1
    for r in store.query(
        "SELECT kind, value, count(*) FROM appraisal_topics WHERE kind IN ('topic', 'body_region')"
        f" AND study_id IN ({id_sql}) GROUP BY kind, value",
        params,
    ):
        counts[r[0]][r[1]] += r[2]
    return {name: _sorted(c, by_value=name == "year") for name, c in counts.items()}


def facet_counts(store: Store, ids: Sequence[int]) -> dict[str, dict[Any, int]]:
    """{facet: {value: count}} over these studies (a study with two topics counts in both)."""
    return _count(store, "SELECT value FROM json_each(?)", [json.dumps([int(i) for i in ids])])


def facet_counts_sql(store: Store, id_sql: str, params: list[Any]) -> dict[str, dict[Any, int]]:
    """Facet counts over the studies a ``SELECT id`` returns (browsing without a query)."""
    return _count(store, id_sql, params)
