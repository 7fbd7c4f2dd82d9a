"""``physiohub search --batch``: BEIR-style query lines in, one result line per query out.

In:  ``{"_id": "q1", "text": "..."}`` per line (blank lines skipped).
Out: ``{"query_id": "q1", "results": [{"id", "source_id", "score"}, ...]}`` per line, same order.
A line that is not such an object stops the run with an error naming the line, before any
output is written, so a caller never gets half a result file.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..errors import InvalidInput
from ..store import Store
from .engine import search, warm_query_vectors


def read_queries(lines: Iterable[str], name: str = "queries") -> list[tuple[str, str]]:
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InvalidInput(f"{name} line {n}: not JSON ({e.msg})") from None
        if not isinstance(obj, dict) or "_id" not in obj or not isinstance(obj.get("text"), str):
            raise InvalidInput(f'{name} line {n}: expected {{"_id": ..., "text": "..."}}')
        out.append((str(obj["_id"]), obj["text"]))
    return out


def run_batch(
    store: Store, queries: list[tuple[str, str]], *, mode: str = "hybrid", limit: int = 10,
    filters: dict[str, Any] | None = None,
) -> Iterator[dict[str, Any]]:
    if mode in ("semantic", "hybrid"):
        warm_query_vectors([t for _, t in queries])  # embed in length-sorted batches: ~2x faster
    for qid, text in queries:
        res = search(store, text, mode=mode, limit=limit, filters=filters)
        yield {
            "query_id": qid,
            "results": [{"id": h["id"], "source_id": h["source_id"], "score": h["score"]} for h in res["hits"]],
        }


def write_batch(store: Store, lines: Iterable[str], out: TextIO, *, name: str = "queries", **kwargs: Any) -> int:
    """Run every query line and write result lines to ``out``; return the number of queries."""
    queries = read_queries(lines, name)
    for row in run_batch(store, queries, **kwargs):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(queries)
