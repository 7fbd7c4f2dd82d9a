"""Search filters: validated once, then turned into one SQL condition on ``studies s``.

Filter keys (the agreed interface): design, evidence, verdict, topic, body_region (a value or a list
of values; a list means any of them), year_from, year_to (inclusive), exclude_retracted (bool),
status ("published" keeps studies whose card is published). Values are checked against the
vocabularies in the brief so a typo is a clear ``InvalidInput`` (HTTP 400), not an empty page.
Design/evidence/verdict come from the ``appraisals`` columns, topics and body regions from
``appraisal_topics``, so filtering never parses JSON. Ranked search applies them as numpy masks over
the in-memory study table (``facets.FacetTable.allowed``); ``where`` is the same condition in SQL,
used for browsing and as the reference the tests hold the masks to.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import InvalidInput
from ..taxonomy import BODY_REGIONS, DESIGNS, EVIDENCE, TOPICS, VERDICTS

STATUSES = ("published",)

VOCAB: dict[str, tuple[str, ...]] = {
    "design": DESIGNS, "evidence": EVIDENCE, "verdict": VERDICTS, "topic": TOPICS, "body_region": BODY_REGIONS,
}
KEYS = (*VOCAB, "year_from", "year_to", "include_undated", "exclude_retracted", "status")


def _as_list(key: str, value: Any) -> list[str]:
    values = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple, set)) else None
    if values is None or not all(isinstance(v, str) for v in values):
        raise InvalidInput(f"filter {key} takes a text value or a list of them")
    out = []
    lookup = {v.casefold(): v for v in VOCAB[key]}
    for v in values:
        canon = lookup.get(v.strip().casefold())
        if canon is None:
            raise InvalidInput(f"unknown {key} {v!r}; choose from: {', '.join(VOCAB[key])}")
        out.append(canon)
    return out


def _year(key: str, value: Any) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"filter {key} must be a year, got {value!r}") from None
    if not 0 < year < 10000:
        raise InvalidInput(f"filter {key} must be a year, got {value!r}")
    return year


def normalize(filters: Mapping[str, Any] | None) -> dict[str, Any]:
    """Checked, canonical filters with empty values dropped; ``InvalidInput`` on anything unknown."""
    if not filters:
        return {}
    if not isinstance(filters, Mapping):
        raise InvalidInput("filters must be a mapping of filter name to value")
    out: dict[str, Any] = {}
    for key, value in filters.items():
        if key not in KEYS:
            raise InvalidInput(f"unknown filter {key!r}; choose from: {', '.join(KEYS)}")
        if value is None or value == "" or value == [] or value is False:
            continue
        if key in VOCAB:
            out[key] = _as_list(key, value)
        elif key in ("year_from", "year_to"):
            out[key] = _year(key, value)
        elif key in ("exclude_retracted", "include_undated"):
            out[key] = bool(value)
        elif key == "status":
            if value not in STATUSES:
                raise InvalidInput(f"unknown status filter {value!r}; choose from: {', '.join(STATUSES)}")
            out[key] = value
    if out.get("year_from") and out.get("year_to") and out["year_from"] > out["year_to"]:
        raise InvalidInput(f"year_from {out['year_from']} is after year_to {out['year_to']}")
    return out


_COLUMN = {"design": "design", "evidence": "evidence", "verdict": "verdict"}
_KIND = {"topic": "topic", "body_region": "body_region"}


def where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """SQL condition over ``studies s`` for normalised filters ("1" when there are none)."""
    conds: list[str] = []
    params: list[Any] = []
    for key, col in _COLUMN.items():
        if key in filters:
            marks = ",".join("?" * len(filters[key]))
            conds.append(f"s.id IN (SELECT study_id FROM appraisals WHERE {col} IN ({marks}))")
            params += filters[key]
    for key, kind in _KIND.items():
        if key in filters:
            marks = ",".join("?" * len(filters[key]))
            conds.append(
                f"s.id IN (SELECT study_id FROM appraisal_topics WHERE kind = ? AND value IN ({marks}))"
            )
            params += [kind, *filters[key]]
    # A year range leaves out studies with no year (many RIS/BEIR records) unless include_undated is set.
    undated = " OR s.year IS NULL" if filters.get("include_undated") else ""
    if "year_from" in filters:
        conds.append(f"(s.year >= ?{undated})")
        params.append(filters["year_from"])
    if "year_to" in filters:
        conds.append(f"(s.year <= ?{undated})")
        params.append(filters["year_to"])
    if filters.get("exclude_retracted"):
        conds.append("s.retracted = 0")
    if filters.get("status") == "published":
        conds.append("s.id IN (SELECT study_id FROM cards WHERE status = 'published')")
    return (" AND ".join(conds) or "1"), params


def allowed_ids_sql(filters: dict[str, Any]) -> tuple[str, list[Any]] | None:
    """A ``SELECT id`` of the studies passing the filters, or None when nothing is filtered."""
    if not filters:
        return None
    cond, params = where(filters)
    return f"SELECT s.id FROM studies s WHERE {cond}", params
