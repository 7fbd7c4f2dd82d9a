"""`physiohub import` killed part-way (issue 14, item 14, and the bounded fault test for CI).

Real processes, real signals, a real SQLite file: the CLI runs as a child process, is killed with
SIGKILL (or SIGTERM) while it imports or appraises, and then the store must pass ``PRAGMA
integrity_check``, hold exactly what it held before, leave no parser or appraisal process behind,
and a plain re-run must finish the job, appraisals and cards included. A few thousand small
invented records keep it to seconds.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see child processes"),
    pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="parsing in a child process needs two cores"),
]

TOPICS = ["knee osteoarthritis", "low back pain", "neck pain", "shoulder impingement", "ankle sprain",
          "patellar tendinopathy", "plantar heel pain", "hip osteoarthritis"]
TREATMENTS = ["exercise therapy", "manual therapy", "dry needling", "pain education", "hydrotherapy", "taping",
              "walking", "yoga"]


def write_records(path: Path, n: int, start: int = 0) -> Path:
    """``n`` invented trial abstracts as JSON lines (about 600 bytes each, so 2,000 pass 1 MB and are
    parsed in a child process)."""
    with open(path, "w") as f:
        for i in range(start, start + n):
            topic, tx = TOPICS[i % 8], TREATMENTS[(i // 8) % 8]
            text = (f"BACKGROUND: {topic.capitalize()} limits daily life. METHODS: We randomised {40 + i % 100} adults"
                    f" with {topic} to {tx} or usual care for {4 + i % 9} weeks. RESULTS: Pain fell by {1 + i % 5}.{i % 10}"
                    f" points more with {tx} (95% CI 0.4 to 2.{i % 10}; p=0.0{1 + i % 4}); function improved too. "
                    f"Adverse events were rare. CONCLUSIONS: {tx.capitalize()} reduced pain in adults with {topic};"
                    " larger trials with longer follow-up should confirm it before practice changes.")
            f.write(json.dumps({"_id": f"trial-{i}", "title": f"{tx.capitalize()} for {topic}: randomised trial {i}",
                                "text": text}) + "\n")
    return path


def start_import(db: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PHYSIOHUB_DB": str(db)}
    return subprocess.Popen([sys.executable, "-m", "physiohub.cli", "import", "-q", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_import(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PHYSIOHUB_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "physiohub.cli", "import", "--json", *args], env=env,
                          capture_output=True, text=True, timeout=300)


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, state) of a live process, None once it is gone (a zombie counts as gone)."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw.rsplit(")", 1)[1].split()
    return (int(fields[1]), fields[0]) if fields[0] != "Z" else None


def children(pid: int) -> list[int]:
    try:  # the kernel's list per thread (CONFIG_PROC_CHILDREN), else a scan of every process
        return [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                for c in (task / "children").read_text().split()]
    except OSError:
        pass
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(int(entry))
            if st and st[0] == pid:
                out.append(int(entry))
    return out


def named(kids: list[int], name: str) -> bool:
    """True if one of ``kids`` calls itself ``name`` (childproc names its processes)."""
    for pid in kids:
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() == name:
                return True
        except OSError:
            pass
    return False


def parsing(kids: list[int]) -> bool:
    return named(kids, "physiohub-parse")


def wait_gone(pids: list[int], timeout: float = 10.0) -> list[int]:
    """The processes of ``pids`` still alive after ``timeout`` seconds (killed, so nothing is left over)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [p for p in pids if _stat(p) is not None]
        if not alive:
            return []
        time.sleep(0.05)
    for p in alive:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return alive


def kill_when(proc: subprocess.Popen, ready, sig: int = signal.SIGKILL, timeout: float = 120) -> list[int]:
    """Send ``sig`` to the import as soon as ``ready()`` holds; its child processes at that moment."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the import finished before it could be interrupted: {out} {err}")
        kids = children(proc.pid)
        if ready(kids):
            proc.send_signal(sig)
            proc.wait(30)
            proc.stdout.close()
            proc.stderr.close()
            return kids
        time.sleep(0.002)
    proc.kill()
    pytest.fail("the import never reached the point to interrupt it")


def snapshot(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("studies", "study_sources", "appraisals", "cards")}
    finally:
        con.close()


def integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db, timeout=30)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_the_parser_process_exits_with_the_import(tmp_path: Path, sig: int):
    src = write_records(tmp_path / "trials.jsonl", 3000)
    proc = start_import(tmp_path / "hub.db", "--no-appraise", str(src))
    kids = kill_when(proc, parsing, sig)
    assert wait_gone(kids) == [], "the parser process outlived the killed import"
    assert integrity(tmp_path / "hub.db") == "ok"
    assert count(tmp_path / "hub.db", "SELECT count(*) FROM studies") == 0  # the file is all or nothing


def test_pubmed_xml_parser_processes_exit_with_the_import(tmp_path: Path):
    from physiohub.ingest import pipeline

    if pipeline.parse_workers() < 1:
        pytest.skip("no parser processes on this machine")
    body = "".join(
        f"<PubmedArticle><MedlineCitation><PMID>{90_000_000 + i}</PMID><Article><ArticleTitle>Exercise for knee"
        f" pain {i}</ArticleTitle><Abstract><AbstractText>{'Pain fell with exercise. ' * 30}</AbstractText>"
        "</Abstract></Article></MedlineCitation></PubmedArticle>\n" for i in range(4000))
    src = tmp_path / "big.xml"
    src.write_text(f'<?xml version="1.0"?>\n<PubmedArticleSet>\n{body}</PubmedArticleSet>\n')
    proc = start_import(tmp_path / "hub.db", "--no-appraise", str(src))
    kids = kill_when(proc, parsing)
    assert wait_gone(kids) == []
    assert integrity(tmp_path / "hub.db") == "ok"


def test_kill_9_part_way_then_rerun_finishes_with_appraisals(tmp_path: Path):
    """The fault test: earlier content survives two kills untouched, and a re-run completes the work."""
    db = tmp_path / "hub.db"
    first = run_import(db, str(write_records(tmp_path / "earlier.jsonl", 30, start=100_000)))
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["appraised"] == 30
    before = snapshot(db)
    src = write_records(tmp_path / "trials.jsonl", 2000)

    # 1. Killed while importing (the parser process is running, the write transaction open).
    kids = kill_when(start_import(db, str(src)), parsing)
    assert wait_gone(kids) == []
    assert integrity(db) == "ok"
    assert snapshot(db) == before

    # 2. Killed while appraising: the import committed, some appraisals are stored, not all.
    def appraising(kids: list[int]) -> bool:
        return named(kids, "physiohub-cards") and count(db, "SELECT count(*) FROM appraisals") > 30

    kids = kill_when(start_import(db, str(src)), appraising)
    assert wait_gone(kids) == [], "appraisal workers outlived the killed import"
    assert integrity(db) == "ok"
    after = snapshot(db)
    for table in before:  # the earlier studies, appraisals and cards are exactly as they were
        assert [r for r in after[table] if r in before[table]] == before[table]
    assert count(db, "SELECT count(*) FROM studies") == 2030
    assert 30 < count(db, "SELECT count(*) FROM appraisals") < 2030

    # 3. A plain re-run: nothing new to store, but the interrupted appraisal is finished.
    done = run_import(db, str(src))
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["added"], summary["unchanged"]) == (0, 2000)
    assert summary["appraised"] > 0
    assert count(db, "SELECT count(*) FROM studies s JOIN appraisals a ON a.study_id = s.id"
                     " JOIN cards c ON c.study_id = s.id") == 2030
    assert integrity(db) == "ok"
    # And once finished, a re-run has nothing left to do.
    again = json.loads(run_import(db, str(src)).stdout)
    assert (again["unchanged"], again["appraised"]) == (2000, 0)
