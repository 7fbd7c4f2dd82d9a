"""Editor review: drafts never overwrite edits, versions with who and when, status moves, history."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from physiohub.cards import generate_card
from physiohub.cards.review import (accept_pending, diff_cards, edit_card, get_card, history, save_draft,
                                    set_status)
from physiohub.errors import InvalidInput, NotFound
from physiohub.models import Record

FIX = Path(__file__).resolve().parent / "fixtures" / "cards"


@pytest.fixture
def drafted(store):
    d = json.loads((FIX / "structured.json").read_text(encoding="utf-8"))
    rec = Record.from_dict(d["record"])
    with store.atomic():
        sid = store.execute(
            "INSERT INTO studies(source_id, source_format, title, record, content_hash, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, 'h', '2026-01-01', '2026-01-01')",
            (rec.source_id, rec.source_format, rec.title, json.dumps(rec.to_dict())),
        ).lastrowid
    card = generate_card(rec, d["appraisal"])
    assert save_draft(store, sid, card) == "created"
    return store, sid, card


def test_untouched_draft_is_replaced_by_regeneration(drafted):
    store, sid, card = drafted
    assert save_draft(store, sid, card) == "unchanged"
    newer = copy.deepcopy(card)
    newer["key_points"][0] = "A new machine sentence."
    assert save_draft(store, sid, newer) == "updated"
    got = get_card(store, sid)
    assert got["data"]["key_points"][0] == "A new machine sentence."
    assert got["pending"] is None and got["edited"] is False and got["status"] == "draft"


def test_editor_edit_then_regenerate_shows_pending_diff(drafted):
    store, sid, card = drafted
    edited = copy.deepcopy(card)
    edited["upshot"]["answer"] = "Editor's answer."
    got = edit_card(store, sid, edited, "alice", note="tightened the upshot")
    assert got["edited"] and got["editor"] == "alice"
    prov = {p["path"]: p for p in got["data"]["provenance"]}
    assert prov["upshot.answer"]["kind"] == "edited" and prov["upshot.answer"]["editor"] == "alice"

    regenerated = copy.deepcopy(card)
    regenerated["findings"] = regenerated["findings"][:1]
    assert save_draft(store, sid, regenerated) == "pending"
    got = get_card(store, sid)
    assert got["data"]["upshot"]["answer"] == "Editor's answer."      # the editor's text stands
    diff = {d["path"]: d for d in got["pending"]["diff"]}
    assert diff["upshot.answer"] == {"path": "upshot.answer", "op": "changed", "old": "Editor's answer.",
                                     "new": card["upshot"]["answer"]}
    assert diff["findings.1"]["op"] == "removed"

    accepted = accept_pending(store, sid, "alice")
    assert accepted["pending"] is None and accepted["data"]["findings"] == regenerated["findings"]


def test_status_transitions_and_history(drafted):
    store, sid, card = drafted
    with pytest.raises(InvalidInput, match="cannot go from draft to published"):
        set_status(store, sid, "published", "bob")
    with pytest.raises(InvalidInput, match="unknown card status"):
        set_status(store, sid, "live", "bob")
    with pytest.raises(InvalidInput, match="editor name"):
        set_status(store, sid, "in_review", " ")
    assert set_status(store, sid, "in_review", "bob")["status"] == "in_review"
    pub = set_status(store, sid, "published", "carol")
    assert pub["status"] == "published" and pub["published_at"]
    # a regenerated draft does not change a published card silently
    newer = copy.deepcopy(card)
    newer["key_points"][0] = "Changed by the generator."
    assert save_draft(store, sid, newer) == "pending"
    assert get_card(store, sid)["data"]["key_points"][0] == card["key_points"][0]
    back = set_status(store, sid, "draft", "carol")   # unpublish
    assert back["status"] == "draft" and back["published_at"] is None

    h = history(store, sid)
    assert [(v["version_no"], v["status"], v["editor"]) for v in h] == [
        (1, "draft", "physiohub.cards.extractive"), (2, "in_review", "bob"), (3, "published", "carol"),
        (4, "draft", "carol")]
    assert h[3]["note"] == "unpublished" and all(v["created_at"] for v in h)


def test_edit_is_versioned_and_validated(drafted):
    store, sid, card = drafted
    with pytest.raises(InvalidInput, match="missing upshot"):
        edit_card(store, sid, {"title": "x"}, "alice")
    with pytest.raises(InvalidInput, match="key_points must be a list"):
        edit_card(store, sid, {**card, "key_points": "one"}, "alice")
    edit_card(store, sid, {**card, "title": "Better title"}, "alice", note="title")
    h = history(store, sid)
    assert h[-1]["editor"] == "alice" and h[-1]["note"] == "title"
    assert h[-1]["changes"] == [{"path": "title", "op": "changed", "old": card["title"], "new": "Better title"}]


def test_missing_study_and_card(store):
    with pytest.raises(NotFound):
        get_card(store, 1) or set_status(store, 1, "in_review", "bob")
    with pytest.raises(NotFound):
        save_draft(store, 42, {"title": "t", "upshot": {}})


def test_diff_cards_reports_added_removed_changed():
    a = {"title": "A", "key_points": ["one", "two"], "methods": [{"label": "Design", "text": "Trial."}]}
    b = {"title": "A", "key_points": ["one", "2"], "methods": [], "findings": ["new"]}
    assert diff_cards(a, b) == [
        {"path": "key_points.1", "op": "changed", "old": "two", "new": "2"},
        {"path": "methods.0", "op": "removed", "old": "Design: Trial.", "new": None},
        {"path": "findings.0", "op": "added", "old": None, "new": "new"},
    ]
