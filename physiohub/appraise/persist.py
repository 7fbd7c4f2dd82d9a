"""Storing appraisals, and editors' overrides that survive re-appraisal.

The machine appraisal lives in ``appraisals.data``; an editor's correction lives apart in
``appraisal_overrides`` and is laid on top whenever the appraisal is read. Re-appraising (a new
generator version) therefore replaces only the machine part. The indexed columns (design, evidence,
verdict, research_type, primary_topic) and the ``appraisal_topics`` rows, which search filters and
facets read, always hold the effective values, overrides included.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from ..errors import InvalidInput, NotFound
from ..store import Store
from ..taxonomy import BODY_REGIONS, DESIGNS, RESEARCH_TYPES, TOPICS, VERDICTS
from .design import research_type
from .evidence import LEVELS

_CHOICES: dict[str, tuple[str, ...]] = {
    "design": DESIGNS, "evidence": LEVELS, "verdict": VERDICTS, "research_type": RESEARCH_TYPES,
}
_LIST_CHOICES: dict[str, tuple[str, ...]] = {"topics": TOPICS, "body_regions": BODY_REGIONS}
_FREE = {"n_participants": int, "n_studies": int, "followup": str, "conditions": list, "retracted": bool, "in_scope": bool,
         "pico": dict, "grade": list}
OVERRIDABLE = tuple(_CHOICES) + tuple(_LIST_CHOICES) + tuple(_FREE)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _check_study(store: Store, study_id: int) -> None:
    if store.query_one("SELECT 1 FROM studies WHERE id = ?", (study_id,)) is None:
        raise NotFound(f"no study with id {study_id}")


def _validate(field: str, value: Any) -> Any:
    if field in _CHOICES:
        if value not in _CHOICES[field]:
            raise InvalidInput(f"{field} must be one of: {', '.join(_CHOICES[field])} (got {value!r})")
        return value
    if field in _LIST_CHOICES:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        bad = [v for v in value if v not in _LIST_CHOICES[field]]
        if bad or not isinstance(value, list):
            raise InvalidInput(f"{field} must be a list drawn from: {', '.join(_LIST_CHOICES[field])} (got {bad or value!r})")
        return value
    if field in _FREE:
        kind = _FREE[field]
        if value is None and kind is not bool:
            return None
        if kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                raise InvalidInput(f"{field} must be a whole number (got {value!r})") from None
        if kind is bool:
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes")
            return bool(value)
        if not isinstance(value, kind):
            raise InvalidInput(f"{field} must be a {kind.__name__} (got {type(value).__name__})")
        return value
    raise InvalidInput(f"cannot override appraisal field {field!r}; fields: {', '.join(OVERRIDABLE)}")


def _apply(data: dict[str, Any], overrides: list[dict[str, Any]]) -> dict[str, Any]:
    out = dict(data)
    for o in overrides:
        field = o["field"]
        before = out.get(field)
        out[field] = o["value"]
        note = f"set by editor {o['editor']}" + (f": {o['reason']}" if o["reason"] else "")
        reasons_key = f"{field}_reasons"
        if reasons_key in out or field in ("design", "evidence", "verdict"):
            old = [str(r) for r in out.get(reasons_key) or []]
            if before is not None and before != o["value"]:
                # The machine's reasons argued for the value the editor replaced: shown as such, after the
                # editor's, never as the reasons for the new value (issue 15, item 6).
                out[reasons_key] = [note] + ([f"the automatic reading had said {before}: " + "; ".join(old)] if old else [])
            else:
                out[reasons_key] = old + [note]
        if field == "design" and not any(x["field"] == "research_type" for x in overrides):
            out["research_type"] = research_type(o["value"])
    out["overrides"] = overrides
    return out


def overrides_for(store: Store, study_id: int) -> list[dict[str, Any]]:
    """Editors' overrides of one study, oldest first."""
    rows = store.query(
        "SELECT field, value, editor, reason, created_at FROM appraisal_overrides WHERE study_id = ? ORDER BY created_at, field",
        (study_id,),
    )
    return [{"field": r["field"], "value": json.loads(r["value"]), "editor": r["editor"], "reason": r["reason"],
             "created_at": r["created_at"]} for r in rows]


def get_appraisal(store: Store, study_id: int) -> dict[str, Any] | None:
    """The appraisal as editors and readers see it (overrides applied, listed under ``overrides``)."""
    row = store.query_one("SELECT data, generator, version, updated_at FROM appraisals WHERE study_id = ?", (study_id,))
    if row is None:
        return None
    data = json.loads(row["data"])
    data.setdefault("generator", row["generator"])
    data.setdefault("version", row["version"])
    data["updated_at"] = row["updated_at"]
    return _apply(data, overrides_for(store, study_id))


def effective_appraisal(data: dict[str, Any], overrides: list[dict[str, Any]]) -> dict[str, Any]:
    """What ``get_appraisal`` returns right after ``save_appraisal(data)``, without the database: for
    drafting cards in worker processes (``workflow.refresh``)."""
    from . import GENERATOR, VERSION

    clean = {k: v for k, v in data.items() if k not in ("overrides", "updated_at")}
    out = json.loads(json.dumps(clean, ensure_ascii=False))  # the stored form: tuples become lists
    out.setdefault("generator", clean.get("generator", GENERATOR))
    out.setdefault("version", clean.get("version", VERSION))
    out["updated_at"] = _now()
    return _apply(out, overrides)


def _write_index(store: Store, study_id: int, eff: dict[str, Any]) -> None:
    topics = list(eff.get("topics") or [])
    store.execute(
        "UPDATE appraisals SET design = ?, evidence = ?, verdict = ?, research_type = ?, primary_topic = ?, in_scope = ?"
        " WHERE study_id = ?",
        (eff.get("design"), eff.get("evidence"), eff.get("verdict"), eff.get("research_type"),
         topics[0] if topics else None, None if eff.get("in_scope") is None else int(bool(eff["in_scope"])), study_id),
    )
    store.execute("DELETE FROM appraisal_topics WHERE study_id = ?", (study_id,))
    rows = []
    for kind, key in (("topic", "topics"), ("body_region", "body_regions"), ("condition", "conditions")):
        seen = set()
        for i, value in enumerate(eff.get(key) or []):
            if value in seen:
                continue
            seen.add(value)
            rows.append((study_id, kind, value, int(kind == "topic" and i == 0)))
    if rows:
        store.conn.executemany(
            "INSERT INTO appraisal_topics(study_id, kind, value, is_primary) VALUES (?, ?, ?, ?)", rows)


def save_appraisal(store: Store, study_id: int, data: dict[str, Any]) -> None:
    """Store a machine appraisal (replacing the previous one); editors' overrides stay on top."""
    from . import GENERATOR, VERSION

    clean = {k: v for k, v in data.items() if k not in ("overrides", "updated_at")}
    with store.atomic():
        _check_study(store, study_id)
        store.execute(
            "INSERT INTO appraisals(study_id, data, generator, version, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(study_id) DO UPDATE SET data = excluded.data, generator = excluded.generator,"
            " version = excluded.version, updated_at = excluded.updated_at",
            (study_id, json.dumps(clean, ensure_ascii=False), clean.get("generator", GENERATOR),
             clean.get("version", VERSION), _now()),
        )
        _write_index(store, study_id, _apply(clean, overrides_for(store, study_id)))


def set_override(store: Store, study_id: int, field: str, value: Any, editor: str, reason: str = "") -> dict[str, Any]:
    """Record an editor's value for one field; returns the effective appraisal."""
    if not editor or not str(editor).strip():
        raise InvalidInput("an override needs the editor's name")
    value = _validate(field, value)
    with store.atomic():
        _check_study(store, study_id)
        store.execute(
            "INSERT INTO appraisal_overrides(study_id, field, value, editor, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(study_id, field) DO UPDATE SET value = excluded.value, editor = excluded.editor,"
            " reason = excluded.reason, created_at = excluded.created_at",
            (study_id, field, json.dumps(value, ensure_ascii=False), str(editor).strip(), reason or "", _now()),
        )
        eff = get_appraisal(store, study_id)
        if eff is not None:
            _write_index(store, study_id, eff)
    return eff if eff is not None else {"overrides": overrides_for(store, study_id)}


def clear_override(store: Store, study_id: int, field: str) -> bool:
    """Drop an editor's value for one field (the machine value shows again); True if one existed."""
    with store.atomic():
        _check_study(store, study_id)
        cur = store.execute("DELETE FROM appraisal_overrides WHERE study_id = ? AND field = ?", (study_id, field))
        eff = get_appraisal(store, study_id)
        if eff is not None:
            _write_index(store, study_id, eff)
    return cur.rowcount > 0
