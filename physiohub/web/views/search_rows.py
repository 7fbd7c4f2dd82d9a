"""The search page's result rows, each rendered once and kept (the ``result`` macro of macros.html).

A row shows its study only (title, year, design, topics, badges), never the query, so the same hit renders
the same HTML for every search that finds it. The memo is keyed by every field of the hit but its score
(which the row does not show): a row whose study, appraisal or card status changed has another key, so
nothing here needs to learn of changes, and a page never shows an old row. Measured: rendering ten rows
was ~0.5 ms of a new-query search page's CPU (docs/benchmarks.md, "Search pages: CPU per request").
"""
from __future__ import annotations

import threading
import weakref
from collections.abc import Hashable, Sequence
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

MAX_ROWS = 8192  # ~5 MB of HTML at most; beyond it the memo starts again (a hub's rows are re-rendered once)
_MEMOS: "weakref.WeakKeyDictionary[Environment, dict[Hashable, Markup]]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _key(hit: dict[str, Any]) -> Hashable | None:
    try:
        key = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(hit.items()) if k != "score")
        hash(key)
    except TypeError:  # a field the memo cannot key on: render it every time
        return None
    return key


def result_rows(templates: Environment, hits: Sequence[dict[str, Any]]) -> list[Markup]:
    """The HTML of each hit's row, as ``{{ result(item) }}`` renders it in a template."""
    with _LOCK:
        memo = _MEMOS.setdefault(templates, {})
    macro = None
    out = []
    for hit in hits:
        key = _key(hit)
        html = memo.get(key) if key is not None else None
        if html is None:
            if macro is None:
                macro = templates.get_template("macros.html").module.result
            html = Markup(macro(hit))
            if key is not None:
                if len(memo) >= MAX_ROWS:
                    memo.clear()
                memo[key] = html
        out.append(html)
    return out
