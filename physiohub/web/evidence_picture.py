"""A picture of the evidence: how many studies of each design found what (issue 15, item 15).

A design x verdict grid for a set of published, in-scope studies (one topic), counted by ONE SQL aggregate
(``GROUP BY design, verdict``), never by a Python loop over the hub. Each cell carries the number of studies,
the participants they report (the appraisal's sample size, an editor's override first) and how many of them
give no sample size. The page draws it as inline SVG (presentation attributes and classes only: the CSP has
no ``style-src 'unsafe-inline'``) beside a table with the same numbers; every cell links to exactly the
studies it counts (the topic page filtered by design and verdict, which lists the same set).
"""
from __future__ import annotations

import functools
import math
from typing import Any
from urllib.parse import quote_plus

from markupsafe import Markup

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
    encoded = {k: _pair(k, v) for k, v in params.items()}  # each parameter once, not once per cell

    def cell_url(design: str, verdict: str) -> str:
        # urlencode({**params, "design": design, "verdict": verdict}): same keys, same order, same escapes
        mine = {"design": _taxonomy_pair("design", design), "verdict": _taxonomy_pair("verdict", verdict)}
        parts = [mine.get(k) or encoded[k] for k in params] + [mine[k] for k in ("design", "verdict") if k not in params]
        return f"{base_url}?{'&'.join(parts)}"

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
                "url": cell_url(d, v) if studies else None,
            })
        rows.append({"design": d, "cells": row, "studies": sum(x["studies"] for x in row), "lines": label_lines(d)})
    total = sum(r["studies"] for r in rows)
    return {
        "designs": designs, "verdicts": list(VERDICTS), "rows": rows, "total": total,
        "participants": sum(x["participants"] for r in rows for x in r["cells"]),
        "unknown_n": sum(x["unknown_n"] for r in rows for x in r["cells"]),
        "left_out": left_out,
    }


def _pair(key: str, value: Any) -> str:
    return f"{quote_plus(str(key))}={quote_plus(str(value))}"


@functools.lru_cache(maxsize=256)
def _taxonomy_pair(key: str, value: str) -> str:
    # a design or a verdict: a handful of values, each encoded once per process
    return _pair(key, value)


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


# -- the markup -------------------------------------------------------------------------------
# The picture as HTML, made here rather than in a Jinja template: ~40 cells x ~20 values each made it the
# costliest part of a search page's render (~0.9 ms of CPU per request; docs/benchmarks.md, "Search pages: CPU
# per request"); this renders the same bytes in a tenth of that. Inline SVG for the eye, the table beside it
# for screen readers and as the fallback. The SVG is hidden from assistive technology and its links leave the
# tab order: the table carries the same numbers and the same links. Only classes and presentation attributes
# (strict CSP). A narrow label column (long design names take two lines) keeps the drawing about 480 units
# wide, so a phone shrinks it by a quarter, not by half.
LABEL_W, CELL_W, ROW_H, HEAD_H = 128, 70, 52, 46


def _escape(text: str) -> str:
    # markupsafe's escape, character for character, as a plain str (one Markup object per value was a
    # measurable share of the picture's cost)
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;").replace('"', "&#34;")


def _s(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def render(picture: dict[str, Any] | None, heading: int = 2) -> Markup:
    """The picture's section (heading level ``heading``), or nothing when it counts no study."""
    if not picture or not picture["total"]:
        return Markup("")
    from .markup import css_token

    e = _escape
    lw, cw, rh, hh = LABEL_W, CELL_W, ROW_H, HEAD_H
    verdicts, rows = picture["verdicts"], picture["rows"]
    width, height = lw + cw * len(verdicts), hh + rh * len(rows) + 4
    total, unknown, left = picture["total"], picture["unknown_n"], picture["left_out"]
    out = [f'<section class="evidence-picture" aria-labelledby="ep-title">\n<h{heading} id="ep-title">The evidence at a'
           f' glance</h{heading}>\n<p class="small" id="ep-caption">{total} stud{_s(total, "y", "ies")} by design'
           f' (strongest evidence first) and by what {_s(total, "it", "they")} found.\nEach mark shows the number of'
           f' studies; its size shows how many people took part ({picture["participants"]} in all).\n']
    if unknown:
        out.append(f'{unknown} stud{_s(unknown, "y gives", "ies give")} no sample size and add{_s(unknown, "s", "")}'
                   f' nothing to the size of {_s(unknown, "its", "their")} mark.')
    else:
        out.append("Every study gives its sample size.")
    if left:
        out.append(f'{left} stud{_s(left, "y has", "ies have")} no design or verdict yet and {_s(left, "is", "are")}'
                   " not shown.")
    # every verdict's escaped name and class token once, not once per cell
    names = {v: e(v) for v in verdicts}
    tokens = {v: e(css_token(v)) for v in verdicts}
    out.append(f'</p>\n<div class="ep-wrap">\n<svg class="ep-svg" viewBox="0 0 {width} {height}" width="{width}"'
               f' height="{height}" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">\n')
    for i, v in enumerate(verdicts):
        x = lw + cw * i + cw / 2
        words = v.split(" ")
        k = (len(words) + 1) // 2
        out.append(f'<text class="ep-head" x="{x}" y="{18 if len(words) > 1 else 30}" text-anchor="middle">')
        if len(words) > 1:
            out.append(f'<tspan x="{x}">{e(" ".join(words[:k]))}</tspan><tspan x="{x}" dy="15">'
                       f'{e(" ".join(words[k:]))}</tspan>')
        else:
            out.append(e(v))
        out.append("</text>\n")
    for r, row in enumerate(rows):
        y = hh + rh * r + rh / 2
        lines = row["lines"]
        out.append(f'<line class="ep-rule" x1="0" x2="{width}" y1="{y + rh / 2}" y2="{y + rh / 2}"/>\n'
                   f'<text class="ep-design" x="{lw - 8}" y="{y + 5 - 8 * (len(lines) - 1)}" text-anchor="end">')
        if len(lines) > 1:
            out.extend(f'<tspan x="{lw - 8}"{" dy=" + chr(34) + "16" + chr(34) if j else ""}>{e(line)}</tspan>'
                       for j, line in enumerate(lines))
        else:
            out.append(e(lines[0]))
        out.append("</text>\n")
        design = e(row["design"].capitalize())
        for i, c in enumerate(row["cells"]):
            x = lw + cw * i + cw / 2
            if c["studies"]:
                out.append(f'<a href="{e(c["url"])}" tabindex="-1" class="ep-cell v-{tokens[c["verdict"]]}">'
                           f'<title>{design}, {names[c["verdict"]]}: {c["studies"]} stud{_s(c["studies"], "y", "ies")},'
                           f' {c["participants"]} participants</title>\n'
                           f'<rect class="ep-hit" x="{x - cw / 2}" y="{y - rh / 2}" width="{cw}" height="{rh}"'
                           f' fill="transparent"/>\n<circle class="ep-mark" cx="{x}" cy="{y}" r="{c["radius"]}"'
                           f' fill="currentColor"/>\n<text class="ep-count" x="{x}" y="{y + 5}"'
                           f' text-anchor="middle">{c["studies"]}</text></a>\n')
            else:
                out.append(f'<circle class="ep-empty" cx="{x}" cy="{y}" r="2"/>')
    out.append('</svg>\n<p class="small ep-table-note">The same as a table: number of studies, participants in'
               ' brackets ("+?": some of them give no size). Each number links to those studies.</p>\n'
               '<div class="ep-scroll" role="region" aria-label="The evidence picture as a table" tabindex="0">\n'
               # The roles keep it a table for screen readers when a narrow screen's stylesheet stacks its rows.
               '<table class="ep-table" role="table">\n<caption class="sr">Studies by design and verdict: number of'
               ' studies, participants in brackets. Each number links to those studies.</caption>\n'
               '<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">Design</th>')
    out.extend(f'<th scope="col" role="columnheader">{e(v)}</th>' for v in verdicts)
    out.append('<th scope="col" role="columnheader">All</th></tr></thead>\n<tbody role="rowgroup">')
    for row in rows:
        out.append(f'<tr role="row"><th scope="row" role="rowheader">{e(row["design"].capitalize())}</th>')
        design = e(row["design"])
        for c in row["cells"]:
            verdict = names[c["verdict"]]
            if c["studies"]:
                out.append(f'<td role="cell" data-label="{verdict}"><a href="{e(c["url"])}">{c["studies"]}<span'
                           f' class="sr"> stud{_s(c["studies"], "y", "ies")}, {design}, {verdict}</span></a>'
                           f' <span class="ep-n">({c["participants"]}{"+?" if c["unknown_n"] else ""})</span></td>')
            else:
                out.append(f'<td role="cell" data-label="{verdict}" class="ep-none"><span aria-label="none">–</span>'
                           "</td>")
        out.append(f'<td role="cell" data-label="All" class="ep-all">{row["studies"]}</td></tr>\n')
    out.append("</tbody>\n</table>\n</div>\n</div>\n</section>\n")
    return Markup("".join(out))
