"""`physiohub check` per the CLI contract: JSON shape, text report, errors as one line."""
from __future__ import annotations

import json
from pathlib import Path

from physiohub.cli import cli

HERE = Path(__file__).resolve().parent / "fixtures" / "check"


def test_check_json_contract(runner, db_path):
    res = runner.invoke(cli, ["check", str(HERE / "newsletter_tendon.txt"), "--json", "--db", str(db_path)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert {"claims", "references"} <= set(data)
    for c in data["claims"]:
        assert {"text", "year", "design", "topic", "matches", "strength", "overstated", "pubmed_query"} <= set(c)
    for r in data["references"]:
        assert {"text", "doi", "pmid", "year"} <= set(r)
    assert [r["pmid"] for r in data["references"]][:2] == ["99000101", "99000102"]
    assert data["claims"][1]["year"] == 2019 and data["claims"][1]["design"] == "systematic review"


def test_check_html_file_and_text_report(runner, db_path):
    res = runner.invoke(cli, ["check", str(HERE / "clinic_back_pain.html"), "--db", str(db_path)])
    assert res.exit_code == 0, res.output
    assert "4 research claims" in res.output
    assert "not in the hub; search PubMed:" in res.output
    assert "Book now" not in res.output


def test_check_html_flag_on_a_txt_name(runner, db_path, tmp_path):
    page = tmp_path / "saved_page.txt"
    page.write_text((HERE / "news_stretching.html").read_text(encoding="utf-8"), encoding="utf-8")
    res = runner.invoke(cli, ["check", str(page), "--html", "--json", "--db", str(db_path)])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.output)["claims"]) == 4


def test_check_stdin(runner, db_path):
    res = runner.invoke(cli, ["check", "-", "--json", "--db", str(db_path)],
                        input="A 2020 meta-analysis found that yoga reduces neck pain in office workers.")
    assert res.exit_code == 0, res.output
    claim = json.loads(res.output)["claims"][0]
    assert claim["year"] == 2020 and claim["design"] == "meta-analysis"


def test_check_errors_are_one_line(runner, db_path, tmp_path):
    res = runner.invoke(cli, ["check", str(tmp_path / "missing.txt"), "--db", str(db_path)])
    assert res.exit_code != 0 and "no such file" in res.output and "Traceback" not in res.output
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00" * 10)
    res = runner.invoke(cli, ["check", str(binary), "--db", str(db_path)])
    assert res.exit_code != 0 and "binary" in res.output
