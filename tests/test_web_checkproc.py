"""Checking articles in a separate low-priority process (web/checkproc.py): same answer as in-process."""
from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from physiohub.store import Store
from physiohub.web import create_app
from physiohub.web.checkproc import CheckProcess

ARTICLE = ("Knee pain and exercise\n\nA 2019 randomised trial found that exercise therapy reduces knee pain in "
           "adults with osteoarthritis. Research shows that strength training helps older adults.")


def test_the_check_process_gives_the_in_process_answer(tmp_path: Path) -> None:
    db = tmp_path / "hub.db"
    Store(db).close()
    inproc = TestClient(create_app(str(db))).post("/api/check", json={"text": ARTICLE})
    app = create_app(str(db), settings={"check_process": True})
    assert isinstance(app.state.check_process, CheckProcess)
    try:
        with TestClient(app) as client:
            other = client.post("/api/check", json={"text": ARTICLE})
            again = client.post("/api/check", json={"text": ARTICLE})  # the same worker serves the next one
    finally:
        app.state.check_process.close()
    assert inproc.status_code == other.status_code == again.status_code == 200
    assert other.json() == inproc.json() == again.json()
    assert other.json()["claims"]


def test_a_crashed_worker_is_a_503_then_replaced(tmp_path: Path) -> None:
    db = tmp_path / "hub.db"
    Store(db).close()
    proc = CheckProcess(str(db))
    try:
        assert proc.check(ARTICLE, published_only=True)["claims"]
        pool = proc._get()
        for p in list(pool._processes.values()):  # the worker dies (killed by the OS, say)
            p.kill()
            p.join()
        from physiohub.web.limits import Limited
        try:
            proc.check(ARTICLE, published_only=True)
            raise AssertionError("a dead worker must be reported")
        except Limited as e:
            assert e.status == 503
        assert proc.check(ARTICLE, published_only=True)["claims"]  # a fresh worker
    finally:
        proc.close()


def test_the_server_process_does_no_check_work_when_a_check_process_runs(tmp_path: Path, monkeypatch) -> None:
    # Post-processing and JSON encoding of a long result held the server's interpreter lock (card p99 under
    # load): with a check process, the server only passes bytes on.
    from physiohub.web.views import common

    def no(*a, **k):
        raise AssertionError("check work done in the server process")

    db = tmp_path / "hub.db"
    Store(db).close()
    inproc = TestClient(create_app(str(db))).post("/api/check", json={"text": ARTICLE}).json()
    monkeypatch.setattr(common, "run_check", no)
    monkeypatch.setattr(common, "api_json", no)
    app = create_app(str(db), settings={"check_process": True})
    try:
        with TestClient(app) as client:
            r = client.post("/api/check", json={"text": ARTICLE})
    finally:
        app.state.check_process.close()
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert r.json() == inproc


def test_the_check_worker_ends_when_the_server_is_killed(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "hub.db"
    Store(db).close()
    script = ("import sys, time\n"
              "from physiohub.web.checkproc import CheckProcess\n"
              "p = CheckProcess(sys.argv[1])\n"
              "p.check('A 2019 trial found that exercise reduces knee pain.', published_only=True)\n"
              "print(list(p._get()._processes)[0], flush=True)\n"
              "time.sleep(60)\n")
    server = subprocess.Popen([sys.executable, "-c", script, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(server.stdout.readline())
        os.kill(server.pid, signal.SIGKILL)  # no shutdown hook runs
        server.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(worker, 0)
            except ProcessLookupError:
                break
            try:  # a child of a dead parent is reaped by init; a zombie counts as gone
                if open(f"/proc/{worker}/stat").read().split()[2] == "Z":
                    break
            except OSError:
                break
            time.sleep(0.2)
        else:
            os.kill(worker, signal.SIGKILL)
            raise AssertionError("the check worker outlived the server")
    finally:
        if server.poll() is None:
            server.kill()


def test_the_check_worker_runs_only_on_cpu_the_server_leaves(tmp_path: Path) -> None:
    import os

    db = tmp_path / "hub.db"
    Store(db).close()
    proc = CheckProcess(str(db))
    try:
        proc.check(ARTICLE, published_only=True)
        worker = list(proc._get()._processes)[0]
        policy = os.sched_getscheduler(worker) if hasattr(os, "sched_getscheduler") else None
        nice = int(open(f"/proc/{worker}/stat").read().rsplit(")", 1)[1].split()[16])
        assert policy == getattr(os, "SCHED_IDLE", -1) or nice >= 10
    finally:
        proc.close()
