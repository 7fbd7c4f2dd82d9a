"""Saving appraisals; editors' overrides survive re-appraisal and feed the indexed columns."""
from __future__ import annotations

import json

import pytest

from fixtures.appraise.records import PILOT_RCT, SR_MODERATE
from physiohub.appraise import appraise
from physiohub.appraise.persist import clear_override, get_appraisal, save_appraisal, set_override
from physiohub.errors import InvalidInput, NotFound


def _study(store, record) -> int:
    cur = store.execute(
        "INSERT INTO studies(source_id, source_format, title, record, content_hash, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        ("x1", record.source_format, record.title, json.dumps(record.to_dict()), "h", "2024-01-01", "2024-01-01"),
    )
    return cur.lastrowid


def test_save_and_get(store):
    sid = _study(store, SR_MODERATE)
    save_appraisal(store, sid, appraise(SR_MODERATE))
    got = get_appraisal(store, sid)
    assert got["design"] == "meta-analysis" and got["overrides"] == []
    row = store.query_one("SELECT design, evidence, verdict, research_type, primary_topic FROM appraisals WHERE study_id = ?", (sid,))
    assert tuple(row) == ("meta-analysis", "Moderate", "Supports", "Review of studies", "Exercise & Loading")
    kinds = {(r["kind"], r["value"], r["is_primary"]) for r in store.query("SELECT * FROM appraisal_topics WHERE study_id = ?", (sid,))}
    assert ("topic", "Exercise & Loading", 1) in kinds
    assert ("body_region", "ankle & foot", 0) in kinds
    assert ("condition", "tendinopathy", 0) in kinds
    assert get_appraisal(store, sid + 99) is None


def test_override_survives_reappraisal(store):
    sid = _study(store, PILOT_RCT)
    save_appraisal(store, sid, appraise(PILOT_RCT))
    set_override(store, sid, "evidence", "Limited", "Ana", reason="pilot but well run")
    save_appraisal(store, sid, appraise(PILOT_RCT))  # a new generator version re-appraises
    got = get_appraisal(store, sid)
    assert got["evidence"] == "Limited"
    # The editor's reason first; the machine's, for the value it replaced, after it and said to be so.
    assert got["evidence_reasons"][0] == "set by editor Ana: pilot but well run"
    assert got["evidence_reasons"][1].startswith("the automatic reading had said Very limited: ")
    assert [o["field"] for o in got["overrides"]] == ["evidence"]
    assert store.query_one("SELECT evidence FROM appraisals WHERE study_id = ?", (sid,))[0] == "Limited"
    assert clear_override(store, sid, "evidence") is True
    assert get_appraisal(store, sid)["evidence"] == "Very limited"
    assert store.query_one("SELECT evidence FROM appraisals WHERE study_id = ?", (sid,))[0] == "Very limited"
    assert clear_override(store, sid, "evidence") is False


def test_design_override_moves_research_type_and_topics_override_moves_facets(store):
    sid = _study(store, PILOT_RCT)
    save_appraisal(store, sid, appraise(PILOT_RCT))
    got = set_override(store, sid, "design", "non-randomised controlled trial", "Ben")
    assert got["research_type"] == "Primary study"
    got = set_override(store, sid, "topics", ["Pain Science & Education"], "Ben")
    assert got["topics"] == ["Pain Science & Education"]
    rows = store.query("SELECT value, is_primary FROM appraisal_topics WHERE study_id = ? AND kind = 'topic'", (sid,))
    assert [tuple(r) for r in rows] == [("Pain Science & Education", 1)]


def test_bad_overrides_are_refused(store):
    sid = _study(store, PILOT_RCT)
    save_appraisal(store, sid, appraise(PILOT_RCT))
    with pytest.raises(InvalidInput, match="evidence must be one of"):
        set_override(store, sid, "evidence", "Excellent", "Ana")
    with pytest.raises(InvalidInput, match="cannot override"):
        set_override(store, sid, "colour", "red", "Ana")
    with pytest.raises(InvalidInput, match="editor"):
        set_override(store, sid, "evidence", "Strong", "")
    with pytest.raises(NotFound):
        set_override(store, 12345, "evidence", "Strong", "Ana")


def test_cli_override_and_clear(db_path, runner):
    from physiohub.cli import cli
    from physiohub.store import Store

    store = Store(db_path)
    sid = _study(store, PILOT_RCT)
    save_appraisal(store, sid, appraise(PILOT_RCT))
    store.close()
    res = runner.invoke(cli, ["override", str(sid), "evidence", "Limited", "--editor", "Ana", "--reason", "well run",
                              "--db", str(db_path)])
    assert res.exit_code == 0, res.output
    assert f"study {sid}: evidence = \"Limited\" (set by Ana)" in res.output
    res = runner.invoke(cli, ["override", str(sid), "evidence", "Superb", "--editor", "Ana", "--db", str(db_path)])
    assert res.exit_code != 0 and "evidence must be one of" in res.output
    res = runner.invoke(cli, ["override", str(sid), "evidence", "--clear", "--editor", "Ana", "--db", str(db_path)])
    assert res.exit_code == 0 and "removed" in res.output
    store = Store(db_path)
    assert get_appraisal(store, sid)["evidence"] == "Very limited"
    store.close()


def test_tag_pico_keeps_overrides(store):
    from physiohub.appraise.batch import tag_pico

    sid = _study(store, PILOT_RCT)
    save_appraisal(store, sid, appraise(PILOT_RCT))
    set_override(store, sid, "verdict", "Mixed picture", "Ana")
    assert tag_pico(store) == 1
    got = get_appraisal(store, sid)
    assert got["pico_source"] == "model" and got["verdict"] == "Mixed picture"
