"""`physiohub card ...` and `physiohub show` on a drafted card."""
from __future__ import annotations

import copy
import json
from pathlib import Path

from physiohub.cards import generate_card
from physiohub.cards.review import save_draft
from physiohub.cli import cli
from physiohub.models import Record
from physiohub.store import Store

FIX = Path(__file__).resolve().parent / "fixtures" / "cards"


def drafted_db(db_path: Path) -> dict:
    d = json.loads((FIX / "structured.json").read_text(encoding="utf-8"))
    rec = Record.from_dict(d["record"])
    with Store(db_path) as store:
        with store.atomic():
            store.execute(
                "INSERT INTO studies(id, source_id, source_format, pmid, title, record, content_hash, created_at, updated_at)"
                " VALUES (1, ?, ?, ?, ?, ?, 'h', '2026-01-01', '2026-01-01')",
                (rec.source_id, rec.source_format, rec.pmid, rec.title, json.dumps(rec.to_dict())),
            )
        card = generate_card(rec, d["appraisal"])
        save_draft(store, 1, card)
    return card


def test_review_commands(runner, db_path, tmp_path):
    card = drafted_db(db_path)
    db = ["--db", str(db_path)]
    r = runner.invoke(cli, ["card", "status", "90000001", "published", "--editor", "ann", *db])
    assert r.exit_code == 1 and "cannot go from draft to published" in r.output
    assert runner.invoke(cli, ["card", "status", "1", "in_review", "--editor", "ann", *db]).output == "study 1: in_review\n"
    edited = copy.deepcopy(card)
    edited["title"] = "A clearer title"
    f = tmp_path / "card.json"
    f.write_text(json.dumps(edited))
    r = runner.invoke(cli, ["card", "edit", "1", str(f), "--editor", "ann", "--note", "title", *db])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["card", "history", "1", "--json", *db])
    versions = json.loads(r.output)
    assert [v["editor"] for v in versions] == ["physiohub.cards.extractive", "ann", "ann"]
    assert versions[-1]["changes"][0]["new"] == "A clearer title"
    with Store(db_path) as store:   # a regenerated draft is parked, not written over the edit
        assert save_draft(store, 1, card) == "pending"
    r = runner.invoke(cli, ["card", "pending", "1", *db])
    assert "changed  title\n  - A clearer title\n  + Progressive loading" in r.output
    r = runner.invoke(cli, ["card", "pending", "1", "--accept", *db])
    assert r.exit_code == 1 and "--accept needs --editor" in r.output
    r = runner.invoke(cli, ["show", "1", "--format", "md", *db])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("# A clearer title")
    r = runner.invoke(cli, ["card", "history", "999", *db])
    assert r.exit_code == 1 and "no study" in r.output
