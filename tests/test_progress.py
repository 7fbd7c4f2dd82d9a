"""Progress for long steps: plain periodic lines on stderr when not on a terminal, never on stdout."""
from __future__ import annotations

import io
import json
from pathlib import Path

from physiohub.cli import cli
from physiohub.progress import PlainProgress

FIX = Path(__file__).parent / "fixtures" / "cli"


def test_plain_line_has_count_rate_and_time_left():
    now = [0.0]
    out = io.StringIO()
    p = PlainProgress("Appraising", 5183, every=60, out=out, clock=lambda: now[0])
    for _ in range(1200):
        now[0] += 52 / 1200  # 1,200 done in 52 s: 23/s, ~3 min left
        p()
    assert out.getvalue() == ""  # nothing before the interval has passed
    now[0] += 8  # the interval passes: 1,200 in 60 s
    p(0)
    assert out.getvalue().splitlines() == ["Appraising 1,200/5,183 (20/s, ~3 min left)"]
    p.finish()
    assert out.getvalue().splitlines()[-1].startswith("Appraising done: 1,200 in ")


def test_short_step_stays_quiet():
    out = io.StringIO()
    p = PlainProgress("Importing x.xml", None, every=10, out=out)
    p(3)
    p.finish()
    assert out.getvalue() == ""


def test_import_and_appraise_show_plain_progress_on_stderr_only(runner, db_path, monkeypatch):
    monkeypatch.setenv("PHYSIOHUB_PROGRESS", "plain")
    monkeypatch.setenv("PHYSIOHUB_PROGRESS_EVERY", "0")
    r = runner.invoke(cli, ["import", str(FIX / "two_trials.xml"), "--db", str(db_path)])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == [r.stdout.splitlines()[0]] and r.stdout.startswith("added 2")
    assert "Importing two_trials.xml 2 (" in r.stderr and "Appraising 2/2 (" in r.stderr
    r = runner.invoke(cli, ["appraise", "--all", "--db", str(db_path)])
    assert r.exit_code == 0, r.output
    assert "Appraising 2/2 (" in r.stderr and "Appraising" not in r.stdout


def test_json_and_quiet_keep_stdout_clean(runner, db_path, monkeypatch):
    monkeypatch.setenv("PHYSIOHUB_PROGRESS", "plain")
    monkeypatch.setenv("PHYSIOHUB_PROGRESS_EVERY", "0")
    r = runner.invoke(cli, ["import", str(FIX / "two_trials.xml"), "--db", str(db_path), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["added"] == 2  # stdout is exactly one JSON document
    r = runner.invoke(cli, ["appraise", "--all", "-q", "--db", str(db_path)])
    assert r.exit_code == 0 and r.stdout == "" and r.stderr == ""
