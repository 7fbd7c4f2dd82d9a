"""The command-line contract (DESIGN.md): exact outputs, exit codes, one-line errors."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from physiohub.cli import cli

FIX = Path(__file__).parent / "fixtures" / "cli"


def run(runner, *args, ok=True):
    result = runner.invoke(cli, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output + (result.stderr if hasattr(result, "stderr") else "")
    return result


def test_import_summary_then_idempotent(runner, db_path):
    r = run(runner, "import", FIX / "two_trials.xml", "--db", db_path)
    assert r.stdout.startswith("added 2, updated 0, unchanged 0, rejected 0")
    r = run(runner, "import", FIX / "two_trials.xml", "--db", db_path, "--json")
    summary = json.loads(r.stdout)
    assert (summary["added"], summary["updated"], summary["unchanged"], summary["rejected"]) == (0, 0, 2, 0)


def test_ris_duplicate_merges_into_the_pubmed_study(runner, db_path):
    run(runner, "import", FIX / "two_trials.xml", "--db", db_path, "-q")
    r = run(runner, "import", FIX / "one_review.ris", "--db", db_path, "--json")
    summary = json.loads(r.stdout)
    assert summary["added"] == 1 and summary["updated"] == 1  # the review matched by title + year
    out = run(runner, "export", "--db", db_path).stdout
    lines = [json.loads(x) for x in out.splitlines()]
    assert len(lines) == 3
    review = next(x for x in lines if x["pmid"] == "90000002")
    assert review["doi"] == "10.9999/irp.2023.77"  # filled in from the RIS record


def test_gz_accepted(runner, db_path, tmp_path):
    gz = tmp_path / "two.xml.gz"
    gz.write_bytes(gzip.compress((FIX / "two_trials.xml").read_bytes()))
    r = run(runner, "import", gz, "--db", db_path, "--json")
    assert json.loads(r.stdout)["added"] == 2


def test_export_jsonl_contract(runner, db_path):
    run(runner, "import", FIX / "two_trials.xml", "--db", db_path, "-q")
    lines = [json.loads(x) for x in run(runner, "export", "--format", "jsonl", "--db", db_path).stdout.splitlines()]
    assert [x["pmid"] for x in lines] == ["90000001", "90000002"]
    for x in lines:
        for key in ("id", "source_id", "pmid", "doi", "title", "abstract", "year", "publication_types", "appraisal", "card"):
            assert key in x
        for key in ("design", "research_type", "evidence", "evidence_reasons", "verdict", "n_participants",
                    "n_studies", "topics", "body_regions", "retracted"):
            assert key in x["appraisal"]
        assert "provenance" in x["card"]
    trial = lines[0]
    assert trial["source_id"] == "90000001" and trial["doi"] == "10.9999/jip.2022.0001"
    assert trial["appraisal"]["design"] == "randomised controlled trial"
    assert trial["appraisal"]["n_participants"] == 84


def test_export_round_trips_through_import(runner, db_path, tmp_path):
    run(runner, "import", FIX / "two_trials.xml", FIX / "one_review.ris", "--db", db_path, "-q")
    dump = tmp_path / "dump.jsonl"
    run(runner, "export", "-o", dump, "--db", db_path)
    other = tmp_path / "other.db"
    r = run(runner, "import", dump, "--db", other, "--json")
    assert json.loads(r.stdout)["added"] == 3
    again = [json.loads(x)["title"] for x in run(runner, "export", "--db", other).stdout.splitlines()]
    first = [json.loads(x)["title"] for x in dump.read_text().splitlines()]
    assert again == first


@pytest.mark.parametrize("fmt,marker", [("csl-json", '"container-title"'), ("ris", "TY  - JOUR"), ("md", "# ")])
def test_other_export_formats(runner, db_path, fmt, marker):
    run(runner, "import", FIX / "two_trials.xml", "--db", db_path, "-q")
    assert marker in run(runner, "export", "--format", fmt, "--db", db_path).stdout
    if fmt == "csl-json":
        assert len(json.loads(run(runner, "export", "--format", fmt, "--db", db_path).stdout)) == 2


@pytest.mark.parametrize("key", ["90000001", "pmid:90000001", "10.9999/jip.2022.0001", "https://doi.org/10.9999/JIP.2022.0001"])
def test_show_by_any_id(runner, db_path, key):
    run(runner, "import", FIX / "two_trials.xml", "--db", db_path, "-q")
    data = json.loads(run(runner, "show", key, "--format", "json", "--db", db_path).stdout)
    assert data["pmid"] == "90000001" and data["card"]["title"]


def test_show_markdown_and_html(runner, db_path):
    run(runner, "import", FIX / "two_trials.xml", "--db", db_path, "-q")
    assert "Heavy slow resistance" in run(runner, "show", "90000001", "--db", db_path).stdout
    assert "<" in run(runner, "show", "90000001", "--format", "html", "--db", db_path).stdout


def test_errors_are_one_line_and_non_zero(runner, db_path, tmp_path):
    r = run(runner, "show", "123456", "--db", db_path, ok=False)
    assert r.exit_code != 0 and "Traceback" not in r.output
    assert re.fullmatch(r"Error: [^\n]+\n", r.stderr)
    bad = tmp_path / "broken.xml"
    bad.write_text((FIX / "two_trials.xml").read_text()[:1500])
    r = run(runner, "import", bad, "--db", db_path, ok=False)
    assert r.exit_code == 1 and "broken.xml" in r.stderr and "Traceback" not in r.output
    r = run(runner, "import", tmp_path / "missing.ris", "--db", db_path, ok=False)
    assert r.exit_code != 0 and "missing.ris" in r.stderr and "Traceback" not in r.output


def test_failed_file_keeps_the_good_ones_and_the_store(runner, db_path, tmp_path):
    run(runner, "import", FIX / "two_trials.xml", "--db", db_path, "-q")
    before = run(runner, "export", "--db", db_path).stdout
    bad = tmp_path / "junk.xml"
    bad.write_bytes(b"\x00\x01\x02 binary \xff\xfe")
    r = run(runner, "import", bad, FIX / "one_review.ris", "--db", db_path, "--json", ok=False)
    assert r.exit_code == 1
    summary = json.loads(r.stdout)
    assert summary["added"] == 1 and summary["failed"] and "junk.xml" in summary["failed"][0]
    after = [json.loads(x) for x in run(runner, "export", "--db", db_path).stdout.splitlines()]
    assert [x["pmid"] for x in after][:2] == [json.loads(x)["pmid"] for x in before.splitlines()]


def test_missing_database_folder_is_a_clear_error(runner, tmp_path):
    r = run(runner, "export", "--db", tmp_path / "nope" / "hub.db", ok=False)
    assert r.exit_code != 0 and "does not exist" in r.stderr


def test_every_readme_command_has_help(runner):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    documented = set(re.findall(r"^\s+physiohub ([a-z]+)", readme, re.M))
    assert {"import", "export", "show", "search", "check", "serve", "demo", "appraise", "index", "user"} <= documented
    for name in documented:
        assert name in cli.commands, f"README documents `physiohub {name}` but the CLI has no such command"
        assert run(runner, name, "--help").stdout.startswith("Usage:")


def test_demo_offline_says_how_to_go_on(runner, db_path, monkeypatch):
    from physiohub import demo
    from physiohub.errors import OnlineError

    def offline():
        raise OnlineError("cannot reach PubMed E-utilities (network unreachable)")

    monkeypatch.setattr(demo, "ensure_reachable", offline)
    r = run(runner, "demo", "--no-serve", "--db", db_path, ok=False)
    assert r.exit_code == 1 and "--from" in r.stderr and "Traceback" not in r.output


def test_demo_with_several_files_after_one_from(runner, db_path):
    # The README's `--from FILE...`: several files after one --from, of different formats.
    r = run(runner, "demo", "--from", FIX / "two_trials.xml", FIX / "one_review.ris", FIX / "one_trial.jsonl",
            "--no-serve", "--db", db_path)
    assert "4 added" in r.stderr  # 2 XML + 2 RIS (one merged with the XML review) + 1 JSONL = 4 studies
    for key in ("90000002", "10.9999/ankle.2021.1"):
        data = json.loads(run(runner, "show", key, "--format", "json", "--db", db_path).stdout)
        assert data["card"]["status"] == "published"


def test_demo_from_needs_a_file_and_files_need_from(runner, db_path):
    r = run(runner, "demo", "--from", "--no-serve", "--db", db_path, ok=False)
    assert r.exit_code == 2 and "--from needs at least one file" in r.output
    r = run(runner, "demo", FIX / "two_trials.xml", "--no-serve", "--db", db_path, ok=False)
    assert r.exit_code == 2 and "put --from before the files" in r.output


def test_demo_from_files_publishes_drafts(runner, db_path):
    r = run(runner, "demo", "--from", FIX / "two_trials.xml", "--no-serve", "--db", db_path)
    assert "2 machine drafts published" in r.stderr
    data = json.loads(run(runner, "show", "90000002", "--format", "json", "--db", db_path).stdout)
    assert data["card"]["status"] == "published"
