"""The web hub's own SQL: browsing lists (latest, by topic), counts and the review queue.

Searching goes through physiohub.search; these are the plain listings that need no ranking. "Published"
means the card's status is ``published``; the public sees nothing else (see docs/web.md).
"""
from __future__ import annotations

import json
from typing import Any

from ..store import Store

_LIST_COLUMNS = """
  s.id AS id, s.source_id AS source_id, s.title AS title, s.year AS year, s.retracted AS retracted,
  a.design AS design, a.evidence AS evidence, a.verdict AS verdict, a.research_type AS research_type,
  a.primary_topic AS primary_topic, c.status AS status, c.published_at AS published_at,
  c.updated_at AS updated_at, c.data AS card_data, json_extract(s.record, '$.title_html') AS record_title_html, c.editor AS editor, c.pending IS NOT NULL AS has_pending,
  a.in_scope AS in_scope
"""
# The browsing lists and counts (home page, topics, the API's listing) show studies in scope for an MSK
# physiotherapy hub (appraise/scope.py). A study not yet judged (NULL) counts as in scope until it is
# re-appraised; an out-of-scope card an editor published stays reachable by its address and by search.
IN_SCOPE = "COALESCE(a.in_scope, 1) = 1"


def _item(row: Any) -> dict[str, Any]:
    d = dict(row)
    card = json.loads(d.pop("card_data") or "{}")
    badges = card.get("badges") or {}
    # The card's badges are what was reviewed; the appraisal's columns fill gaps.
    for key in ("verdict", "research_type", "evidence"):
        d[key] = badges.get(key) or d.get(key)
    from .hub import display_title

    d["title_html"] = display_title(card.get("title"), d["title"], d.pop("record_title_html") or "")
    d["question"] = (card.get("upshot") or {}).get("question", "")
    d["topics"] = [t for t in [(card.get("topics") or {}).get("primary") or d.get("primary_topic")] if t]
    d["retracted"] = bool(d["retracted"])
    return d


def topic_counts(store: Store, *, published_only: bool = True) -> dict[str, int]:
    """Studies per topic (primary or secondary) among published cards."""
    where = f"WHERE c.status = 'published' AND {IN_SCOPE}" if published_only else f"WHERE {IN_SCOPE}"
    rows = store.query(
        f"""SELECT t.value AS topic, COUNT(DISTINCT t.study_id) AS n FROM appraisal_topics t
            JOIN cards c ON c.study_id = t.study_id LEFT JOIN appraisals a ON a.study_id = t.study_id
            {where} AND t.kind = 'topic'
            GROUP BY t.value"""
    )
    return {r["topic"]: r["n"] for r in rows}


def published_count(store: Store) -> int:
    return store.query_one("SELECT COUNT(*) FROM cards c LEFT JOIN appraisals a ON a.study_id = c.study_id"
                           f" WHERE c.status = 'published' AND {IN_SCOPE}")[0]


def latest_published(
    store: Store, *, limit: int = 10, offset: int = 0, topic: str | None = None, exclude: int | None = None,
    design: str | None = None, verdict: str | None = None,
) -> list[dict[str, Any]]:
    params: list[Any] = []
    joins = ""
    where = ["c.status = 'published'", IN_SCOPE]
    if topic:
        joins = "JOIN appraisal_topics t ON t.study_id = s.id AND t.kind = 'topic' AND t.value = ?"
        params.append(topic)
    if exclude is not None:
        where.append("s.id != ?")
        params.append(exclude)
    # design/verdict: a cell of the evidence picture (web/evidence_picture.py) lists exactly what it counts
    for col, value in (("design", design), ("verdict", verdict)):
        if value:
            where.append(f"a.{col} = ?")
            params.append(value)
    params += [limit, offset]
    rows = store.query(
        f"""SELECT {_LIST_COLUMNS} FROM cards c JOIN studies s ON s.id = c.study_id
            LEFT JOIN appraisals a ON a.study_id = s.id {joins}
            WHERE {' AND '.join(where)}
            ORDER BY c.published_at DESC, s.id DESC LIMIT ? OFFSET ?""",
        params,
    )
    return [_item(r) for r in rows]


def count_published_in_topic(store: Store, topic: str, *, design: str | None = None,
                             verdict: str | None = None) -> int:
    extra, params = "", [topic]
    for col, value in (("design", design), ("verdict", verdict)):
        if value:
            extra += f" AND a.{col} = ?"
            params.append(value)
    return store.query_one(
        f"""SELECT COUNT(DISTINCT c.study_id) FROM cards c JOIN appraisal_topics t ON t.study_id = c.study_id
           LEFT JOIN appraisals a ON a.study_id = c.study_id
           WHERE c.status = 'published' AND {IN_SCOPE} AND t.kind = 'topic' AND t.value = ?{extra}""",
        params,
    )[0]


def _queue_where(*, status: str | None, scope: str | None, q: str, design: str | None, verdict: str | None,
                 topic: str | None, flagged: bool) -> tuple[str, list[Any]]:
    conds, params = (["c.status = ?"], [status]) if status else ([], [])
    if scope == "in":
        conds.append(IN_SCOPE)
    elif scope == "out":
        conds.append("a.in_scope = 0")
    for word in (q or "").split()[:8]:
        conds.append("(s.title LIKE ? ESCAPE '\\' OR s.pmid = ? OR s.doi = ?)")
        like = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params += [f"%{like}%", word, word.lower()]
    if design:
        conds.append("a.design = ?")
        params.append(design)
    if verdict:
        conds.append("a.verdict = ?")
        params.append(verdict)
    if topic:
        conds.append("s.id IN (SELECT study_id FROM appraisal_topics WHERE kind = 'topic' AND value = ?)")
        params.append(topic)
    if flagged:
        conds.append("json_array_length(json_extract(c.data, '$.flags')) > 0")
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


def review_queue(store: Store, *, status: str | None, limit: int, offset: int, scope: str | None = None,
                 q: str = "", design: str | None = None, verdict: str | None = None, topic: str | None = None,
                 flagged: bool = False, sort: str = "priority") -> tuple[int, list[dict[str, Any]]]:
    """Cards for editors, filtered and sorted.

    ``q`` matches words of the title, the PMID or the DOI; ``scope`` "in"/"out"; ``flagged``: cards the honesty
    gate flagged (cards/consistency.py). ``sort`` "priority" (in review, then drafts, then published; newest
    first within each) or "date" (newest first)."""
    where, params = _queue_where(status=status, scope=scope, q=q, design=design, verdict=verdict, topic=topic,
                                 flagged=flagged)
    order = ("c.updated_at DESC, s.id DESC" if sort == "date" else
             "CASE c.status WHEN 'in_review' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END, c.updated_at DESC, s.id DESC")
    total = store.query_one(f"SELECT COUNT(*) FROM cards c JOIN studies s ON s.id = c.study_id"
                            f" LEFT JOIN appraisals a ON a.study_id = c.study_id {where}", params)[0]
    rows = store.query(
        f"""SELECT {_LIST_COLUMNS} FROM cards c JOIN studies s ON s.id = c.study_id
            LEFT JOIN appraisals a ON a.study_id = s.id {where}
            ORDER BY {order} LIMIT ? OFFSET ?""",
        params + [limit, offset],
    )
    return total, [_item(r) for r in rows]


def status_counts(store: Store, *, scope: str | None = None, q: str = "", design: str | None = None,
                  verdict: str | None = None, topic: str | None = None, flagged: bool = False) -> dict[str, int]:
    """Cards per status under the queue's search and filters (the status tabs show what each would list)."""
    where, params = _queue_where(status=None, scope=scope, q=q, design=design, verdict=verdict, topic=topic,
                                 flagged=flagged)
    if not where:
        return {r["status"]: r["n"] for r in store.query("SELECT status, COUNT(*) AS n FROM cards GROUP BY status")}
    return {r["status"]: r["n"] for r in store.query(
        f"""SELECT c.status AS status, COUNT(*) AS n FROM cards c JOIN studies s ON s.id = c.study_id
            LEFT JOIN appraisals a ON a.study_id = c.study_id {where} GROUP BY c.status""", params)}


def published_ids(store: Store, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    rows = store.query(f"SELECT study_id FROM cards WHERE status = 'published' AND study_id IN ({marks})", ids)
    return {r[0] for r in rows}


def card_statuses(store: Store, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r[0]: r[1] for r in store.query(f"SELECT study_id, status FROM cards WHERE study_id IN ({marks})", ids)}


def titles(store: Store, ids: list[int]) -> dict[int, dict[str, Any]]:
    """{id: {title, title_html, year, retracted}} for lists that carry ids only."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = store.query(
        f"""SELECT id, title, year, retracted, json_extract(record, '$.title_html') AS title_html
            FROM studies WHERE id IN ({marks})""", ids)
    return {r["id"]: {"title": r["title"], "title_html": r["title_html"] or r["title"], "year": r["year"],
                      "retracted": bool(r["retracted"])} for r in rows}
