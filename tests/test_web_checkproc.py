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
