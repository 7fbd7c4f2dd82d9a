"""A picture of the evidence: how many studies of each design found what (issue 15, item 15).

A design x verdict grid for a set of published, in-scope studies (one topic), counted by ONE SQL aggregate
(``GROUP BY design, verdict``), never by a Python loop over the hub. Each cell carries the number of studies,
the participants they report (the appraisal's sample size, an editor's override first) and how many of them
give no sample size. The page draws it as inline SVG (presentation attributes and classes only: the CSP has
no ``style-src 'unsafe-inline'``) beside a table with the same numbers; every cell links to exactly the
studies it counts (the topic page filtered by design and verdict, which lists the same set).
"""
from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

from ..appraise.evidence import _START
from ..store import Store
from ..taxonomy import DESIGNS, VERDICTS
from .queries import IN_SCOPE


def _start_level(design: str) -> int:
    # The hub's evidence ladder (appraise/evidence.py): reviews of trials start Strong, a guideline that rests
    # on a systematic review Moderate, the rest at their ladder step.
    if design in ("meta-analysis", "systematic review"):
        return 3
    if design == "guideline":
        return 2
    return _START.get(design, (0, ""))[0]


# Rows strongest first: by the ladder's starting step, ties in the taxonomy's order.
DESIGN_ORDER: tuple[str, ...] = tuple(sorted(DESIGNS, key=lambda d: (-_start_level(d), DESIGNS.index(d))))

# n per study: an editor's override of the sample size first, then the appraisal's own.
_N = ("COALESCE((SELECT json_extract(o.value, '$') FROM appraisal_overrides o"
      " WHERE o.study_id = c.study_id AND o.field = 'n_participants'), json_extract(a.data, '$.n_participants'))")


def topic_cells(store: Store, topic: str) -> list[dict[str, Any]]:
    """[{design, verdict, studies, participants, unknown_n}] for the published, in-scope studies of a topic."""
    rows = store.query(
        f"""SELECT design, verdict, COUNT(*) AS studies, COALESCE(SUM(n), 0) AS participants,
                   SUM(n IS NULL) AS unknown_n
            FROM (SELECT a.design AS design, a.verdict AS verdict,
                         CASE WHEN CAST({_N} AS INTEGER) > 0 THEN CAST({_N} AS INTEGER) END AS n
                  FROM cards c JOIN appraisal_topics t ON t.study_id = c.study_id AND t.kind = 'topic' AND t.value = ?
                  LEFT JOIN appraisals a ON a.study_id = c.study_id
                  WHERE c.status = 'published' AND {IN_SCOPE})
            GROUP BY design, verdict""",
        (topic,),
    )
    return [dict(r) for r in rows]


def ids_cells(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    """The same aggregate over a search's result set (the studies it counts; the public's are published ones),
    in SQL: the reference the in-memory count (``FacetTable.cells``, used by ``for_search``) is tested against.
    The ids travel as one JSON parameter (``json_each``), so a result set of any size is one statement."""
    import json

    if not ids:
        return []
    rows = store.query(
        f"""SELECT design, verdict, COUNT(*) AS studies, COALESCE(SUM(n), 0) AS participants,
                   SUM(n IS NULL) AS unknown_n
            FROM (SELECT a.design AS design, a.verdict AS verdict,
                         CASE WHEN CAST({_N} AS INTEGER) > 0 THEN CAST({_N} AS INTEGER) END AS n
                  FROM (SELECT DISTINCT value AS study_id FROM json_each(?)) c
                  LEFT JOIN appraisals a ON a.study_id = c.study_id)
            GROUP BY design, verdict""",
        (json.dumps(ids),),
    )
    return [dict(r) for r in rows]


def build(cells: list[dict[str, Any]], *, base_url: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """The picture as data: rows (designs present, strongest first), columns (the hub's verdicts), cells with
    counts, participants, a mark radius and the link to their studies; and what the caption must say."""
    params = {k: v for k, v in (params or {}).items() if v not in (None, "", False) and k not in ("page", "offset")}
    grid: dict[tuple[str, str], dict[str, Any]] = {}
    left_out = 0   # studies with no design or no verdict yet: nothing to place them on
    for c in cells:
        if c["design"] not in DESIGNS or c["verdict"] not in VERDICTS:
            left_out += int(c["studies"])
            continue
        grid[(c["design"], c["verdict"])] = c
    designs = [d for d in DESIGN_ORDER if any((d, v) in grid for v in VERDICTS)]
    biggest = max((int(c["participants"]) for c in grid.values()), default=0)
    rows = []
    for d in designs:
        row = []
        for v in VERDICTS:
            c = grid.get((d, v))
            studies = int(c["studies"]) if c else 0
            participants = int(c["participants"]) if c else 0
            unknown = int(c["unknown_n"]) if c else 0
            row.append({
                "design": d, "verdict": v, "studies": studies, "participants": participants, "unknown_n": unknown,
                "radius": radius(participants, biggest) if studies else 0.0,
                "url": f"{base_url}?{urlencode({**params, 'design': d, 'verdict': v})}" if studies else None,
            })
        rows.append({"design": d, "cells": row, "studies": sum(x["studies"] for x in row), "lines": label_lines(d)})
    total = sum(r["studies"] for r in rows)
    return {
        "designs": designs, "verdicts": list(VERDICTS), "rows": rows, "total": total,
        "participants": sum(x["participants"] for r in rows for x in r["cells"]),
        "unknown_n": sum(x["unknown_n"] for r in rows for x in r["cells"]),
        "left_out": left_out,
    }


LABEL_CHARS = 16   # what fits the picture's design column on one line (13px text in 120 of its units)


def label_lines(design: str) -> list[str]:
    """A design's name for the picture in one or two lines: the picture keeps a narrow label column so it
    stays legible when a phone shrinks it, and a long name breaks at the space or slash nearest its middle."""
    name = design[:1].upper() + design[1:]
    if len(name) <= LABEL_CHARS:
        return [name]
    cuts = [i + 1 for i, ch in enumerate(name) if ch in " /"]
    if not cuts:
        return [name]
    cut = min(cuts, key=lambda i: abs(i - len(name) / 2))
    return [name[:cut].rstrip(), name[cut:]]


MIN_R, MAX_R = 7.0, 22.0


def radius(participants: int, biggest: int) -> float:
    """A mark's radius: its AREA grows with participants (so 4x the people look 4x as big, not 16x); a
    cell whose studies give no sample size still gets the smallest mark, since it holds studies."""
    if participants <= 0 or biggest <= 0:
        return MIN_R
    return round(MIN_R + (MAX_R - MIN_R) * math.sqrt(participants / biggest), 1)


def for_topic(store: Store, topic: str, slug: str) -> dict[str, Any]:
    return build(topic_cells(store, topic), base_url=f"/topics/{slug}")


def for_search(store: Store, ids: list[int], params: dict[str, Any]) -> dict[str, Any]:
    """A search's picture; each cell links to the same search narrowed to its design and verdict. Counted from
    search's in-memory facet table (the same numbers as ``ids_cells``, without SQL over the result set: ~1 ms
    a request less)."""
    from ..search.facets import table

    return build(table(store).cells(ids), base_url="/search", params=params)


def api_view(picture: dict[str, Any]) -> dict[str, Any]:
    """The JSON form: no drawing details, the same numbers and links."""
    return {
        "designs": picture["designs"], "verdicts": picture["verdicts"], "total": picture["total"],
        "participants": picture["participants"], "unknown_n": picture["unknown_n"], "left_out": picture["left_out"],
        "cells": [{**{k: x[k] for k in ("design", "verdict", "studies", "participants", "unknown_n", "url")},
                   "api_url": _api_url(x["url"])}
                  for r in picture["rows"] for x in r["cells"] if x["studies"]],
    }


def _api_url(url: str) -> str:
    # /topics/x?... -> /api/topics/x?...; /search?... -> /api/studies?... (the API's search)
    return "/api/studies" + url[len("/search"):] if url.startswith("/search") else "/api" + url
