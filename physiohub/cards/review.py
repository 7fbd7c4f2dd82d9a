"""Editor review of cards: drafts, edits, status, history.

Rules (what editorial tools such as CMS revision systems do, and what editors asked for: never be
surprised):
- ``save_draft`` writes a machine draft straight in only while the card is an untouched draft. Once an
  editor has edited it, or it is in review or published, a new machine draft is parked as ``pending``
  with its diff against the current text; the editor accepts (``accept_pending``) or drops it.
- Every change of text or status is a numbered row in ``card_versions`` with who, when and a note.
- Status moves draft -> in_review -> published; back steps are allowed (in_review -> draft, and
  published -> in_review or draft, i.e. unpublish). Skipping review (draft -> published) is refused.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from ..errors import InvalidInput, NotFound
from ..store import Store

STATUSES = ("draft", "in_review", "published")
ALLOWED = {
    ("draft", "in_review"), ("in_review", "draft"), ("in_review", "published"),
    ("published", "in_review"), ("published", "draft"),
}
REQUIRED = ("title", "upshot")
TEXT_KEYS = ("title", "upshot", "badges", "key_points", "methods", "findings", "limitations", "why_it_matters",
             "source", "topics")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _flatten(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        if set(value) == {"label", "text"}:  # a methods row: compare as one labelled line
            out[path] = f"{value['label']}: {value['text']}"
            return
        for k, v in value.items():
            _flatten(v, f"{path}.{k}" if path else str(k), out)
    elif isinstance(value, list):
        if not value:
            out[path] = []
        for i, v in enumerate(value):
            _flatten(v, f"{path}.{i}", out)
    else:
        out[path] = value


def diff_cards(a: dict[str, Any] | None, b: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Field-level differences from card a to card b: [{path, op: added|removed|changed, old, new}].

    Compares what a reader sees (provenance, generator and version are bookkeeping and left out).
    """
    fa: dict[str, Any] = {}
    fb: dict[str, Any] = {}
    for key in TEXT_KEYS:
        if a and key in a:
            _flatten(a[key], key, fa)
        if b and key in b:
            _flatten(b[key], key, fb)
    out = []
    for path in list(dict.fromkeys([*fa, *fb])):
        old, new = fa.get(path), fb.get(path)
        if path not in fa:
            if new not in (None, "", []):
                out.append({"path": path, "op": "added", "old": None, "new": new})
        elif path not in fb:
            if old not in (None, "", []):
                out.append({"path": path, "op": "removed", "old": old, "new": None})
        elif old != new:
            out.append({"path": path, "op": "changed", "old": old, "new": new})
    return out


def _row(store: Store, study_id: int) -> dict[str, Any] | None:
    r = store.query_one("SELECT * FROM cards WHERE study_id = ?", (study_id,))
    return dict(r) if r else None


def _add_version(store: Store, study_id: int, data: dict[str, Any], status: str, editor: str, note: str) -> int:
    n = store.query_one("SELECT COALESCE(MAX(version_no), 0) FROM card_versions WHERE study_id = ?", (study_id,))[0]
    store.execute(
        "INSERT INTO card_versions(study_id, version_no, data, status, editor, note, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (study_id, n + 1, json.dumps(data, ensure_ascii=False), status, editor, note, _now()),
    )
    return n + 1


def _check_study(store: Store, study_id: int) -> None:
    if not store.query_one("SELECT 1 FROM studies WHERE id = ?", (study_id,)):
        raise NotFound(f"no study with id {study_id}")


def _validate(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InvalidInput("a card must be a JSON object")
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise InvalidInput(f"card is missing {', '.join(missing)}")
    for k in ("key_points", "findings", "limitations"):
        if k in data and not (isinstance(data[k], list) and all(isinstance(x, str) for x in data[k])):
            raise InvalidInput(f"card field {k} must be a list of strings")
    if "methods" in data and not all(isinstance(r, dict) and {"label", "text"} <= set(r) for r in data["methods"]):
        raise InvalidInput("card methods must be rows with label and text")
    return data


def save_draft(store: Store, study_id: int, card: dict[str, Any]) -> str:
    """Store a machine draft; returns what happened: created | updated | unchanged | pending."""
    _validate(card)
    gen, ver = card.get("generator", ""), card.get("version", "")
    with store.atomic():
        _check_study(store, study_id)
        row = _row(store, study_id)
        now = _now()
        if row is None:
            store.execute(
                "INSERT INTO cards(study_id, status, data, generator, version, edited, updated_at)"
                " VALUES (?, 'draft', ?, ?, ?, 0, ?)",
                (study_id, json.dumps(card, ensure_ascii=False), gen, ver, now),
            )
            _add_version(store, study_id, card, "draft", gen or "generator", "machine draft")
            return "created"
        current = json.loads(row["data"])
        if current == card:
            # Regenerated text equals the current one: nothing is pending; record who checked it last.
            store.execute("UPDATE cards SET pending = NULL, generator = ?, version = ? WHERE study_id = ?",
                          (gen, ver, study_id))
            return "unchanged"
        if not row["edited"] and row["status"] == "draft":
            store.execute(
                "UPDATE cards SET data = ?, generator = ?, version = ?, pending = NULL, updated_at = ? WHERE study_id = ?",
                (json.dumps(card, ensure_ascii=False), gen, ver, now, study_id),
            )
            _add_version(store, study_id, card, "draft", gen or "generator", "machine draft")
            return "updated"
        diff = diff_cards(current, card)
        pending = {"data": card, "diff": diff, "generator": gen, "version": ver, "created_at": now}
        # generator/version record what the stored card was checked against, so refresh stops re-drafting.
        store.execute(
            "UPDATE cards SET pending = ?, generator = ?, version = ? WHERE study_id = ?",
            (json.dumps(pending, ensure_ascii=False), gen, ver, study_id),
        )
        return "pending"


def get_card(store: Store, study_id: int) -> dict[str, Any] | None:
    row = _row(store, study_id)
    if row is None:
        return None
    return {
        "study_id": row["study_id"], "status": row["status"], "data": json.loads(row["data"]),
        "generator": row["generator"], "version": row["version"], "editor": row["editor"],
        "edited": bool(row["edited"]), "pending": json.loads(row["pending"]) if row["pending"] else None,
        "updated_at": row["updated_at"], "published_at": row["published_at"],
    }


def _require(store: Store, study_id: int) -> dict[str, Any]:
    row = _row(store, study_id)
    if row is None:
        _check_study(store, study_id)
        raise NotFound(f"study {study_id} has no card yet")
    return row


def _editor(editor: str) -> str:
    if not isinstance(editor, str) or not editor.strip():
        raise InvalidInput("an editor name is required")
    return editor.strip()


def edit_card(store: Store, study_id: int, data: dict[str, Any], editor: str, note: str = "") -> dict[str, Any]:
    """Replace the card text with an editor's version (a new numbered version); returns get_card."""
    editor = _editor(editor)
    data = _validate(data)
    with store.atomic():
        row = _require(store, study_id)
        current = json.loads(row["data"])
        data = {**data, "provenance": _edited_provenance(current, data, editor)}
        pending = json.loads(row["pending"]) if row["pending"] else None
        if pending:  # keep the parked draft, re-diffed against the new text
            pending["diff"] = diff_cards(data, pending["data"])
        store.execute(
            "UPDATE cards SET data = ?, editor = ?, edited = 1, pending = ?, updated_at = ? WHERE study_id = ?",
            (json.dumps(data, ensure_ascii=False), editor,
             json.dumps(pending, ensure_ascii=False) if pending else None, _now(), study_id),
        )
        _add_version(store, study_id, data, row["status"], editor, note or "edited")
    return get_card(store, study_id)  # type: ignore[return-value]


def _edited_provenance(old: dict[str, Any], new: dict[str, Any], editor: str) -> list[dict[str, Any]]:
    """Provenance stays for untouched texts; changed texts are marked as the editor's."""
    changed = {d["path"] for d in diff_cards(old, new)}
    prov = []
    for p in new.get("provenance") or old.get("provenance") or []:
        if p["path"] in changed:
            prov.append({**p, "kind": "edited", "editor": editor})
        else:
            prov.append(p)
    known = {p["path"] for p in prov}
    prov += [{"path": path, "kind": "edited", "editor": editor, "sources": []}
             for path in sorted(changed - known) if not path.startswith(("badges", "source", "topics"))]
    return prov


def accept_pending(store: Store, study_id: int, editor: str) -> dict[str, Any]:
    """Take the parked machine draft as the card text (a new version by this editor)."""
    editor = _editor(editor)
    with store.atomic():
        row = _require(store, study_id)
        if not row["pending"]:
            raise InvalidInput(f"study {study_id} has no pending draft")
        pending = json.loads(row["pending"])
        store.execute(
            "UPDATE cards SET data = ?, editor = ?, edited = 0, pending = NULL, updated_at = ? WHERE study_id = ?",
            (json.dumps(pending["data"], ensure_ascii=False), editor, _now(), study_id),
        )
        _add_version(store, study_id, pending["data"], row["status"], editor, "accepted machine draft")
    return get_card(store, study_id)  # type: ignore[return-value]


def discard_pending(store: Store, study_id: int, editor: str) -> dict[str, Any]:
    _editor(editor)
    with store.atomic():
        _require(store, study_id)
        store.execute("UPDATE cards SET pending = NULL WHERE study_id = ?", (study_id,))
    return get_card(store, study_id)  # type: ignore[return-value]


def set_status(store: Store, study_id: int, status: str, editor: str) -> dict[str, Any]:
    """Move a card along draft -> in_review -> published (or back); returns get_card."""
    editor = _editor(editor)
    if status not in STATUSES:
        raise InvalidInput(f"unknown card status {status!r}: use one of {', '.join(STATUSES)}")
    with store.atomic():
        row = _require(store, study_id)
        old = row["status"]
        if old == status:
            return get_card(store, study_id)  # type: ignore[return-value]
        if (old, status) not in ALLOWED:
            raise InvalidInput(f"a card cannot go from {old} to {status}: send it to in_review first")
        published_at = _now() if status == "published" else (None if old == "published" else row["published_at"])
        store.execute(
            "UPDATE cards SET status = ?, editor = ?, published_at = ?, updated_at = ? WHERE study_id = ?",
            (status, editor, published_at, _now(), study_id),
        )
        _add_version(store, study_id, json.loads(row["data"]), status, editor,
                     "unpublished" if old == "published" else f"status {old} -> {status}")
    return get_card(store, study_id)  # type: ignore[return-value]


def history(store: Store, study_id: int) -> list[dict[str, Any]]:
    """Every version, oldest first: {version_no, status, editor, note, created_at, changes}."""
    rows = store.query(
        "SELECT version_no, data, status, editor, note, created_at FROM card_versions"
        " WHERE study_id = ? ORDER BY version_no", (study_id,),
    )
    if not rows:
        _require(store, study_id)
    out, prev = [], None
    for r in rows:
        data = json.loads(r["data"])
        out.append({"version_no": r["version_no"], "status": r["status"], "editor": r["editor"], "note": r["note"],
                    "created_at": r["created_at"], "changes": diff_cards(prev, data) if prev is not None else []})
        prev = data
    return out
