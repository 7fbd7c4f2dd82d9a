"""History for editors in human labels with real before/after values only (issue 15, item 7)."""
from __future__ import annotations

from physiohub.web.markup import change_rows


def test_history_rows_are_human_and_real() -> None:
    rows = change_rows([
        {"path": "badges.verdict", "op": "changed", "old": "Supports", "new": "Mixed picture"},
        {"path": "source.doi", "op": "changed", "old": None, "new": ""},
        {"path": "key_points.2", "op": "changed", "old": "A", "new": "B"},
        {"path": "provenance.3", "op": "changed", "old": {"kind": "x"}, "new": {"kind": "y"}},
        {"path": "why_it_matters.patients", "op": "added", "old": None, "new": "Ask your physio."},
    ])
    assert [r["label"] for r in rows] == ["Verdict", "Key point 3", "Why it matters: for patients"]
    assert rows[0]["old"] == "Supports" and rows[0]["new"] == "Mixed picture"
    assert all("." not in r["label"] and "_" not in r["label"] for r in rows)
