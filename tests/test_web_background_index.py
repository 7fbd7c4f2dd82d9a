"""The hub serves before its embeddings exist (web/indexproc.py, issue 15 item 2).

Real SQLite files, real HTTP through the app, a real child process embedding with the real model on the
small sample hub. To look at the hub *while* the child works, the test holds SQLite's write lock: the child
computes its vectors, then waits to store them until the test lets go (well within its busy timeout).
"""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from physiohub.search import embed, search
from physiohub.search.lexical import index_terms
from physiohub.store import Store
from physiohub.web import create_app
from physiohub.web.indexproc import index_in_background

pytestmark = pytest.mark.skipif(not embed.model_available(), reason="the embedding model package is not installed")

PREPARING = re.compile(r"Semantic ranking is being prepared( \(\d+ of \d+ studies ready\))?; "
                       r"results are keyword-only for now\.")


@pytest.fixture
def bare_hub(hub):
    """The sample hub with its keyword index built and no embeddings (as `physiohub demo` leaves it)."""
    path, ids = hub
    with Store(path) as store:
        index_terms(store)
        store.execute("DELETE FROM embeddings")
    return path, ids


class WriteLock:
    """Another connection holding SQLite's write lock: readers go on, the indexer's next commit waits."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.conn is not None:
            self.conn.execute("ROLLBACK")
            self.conn.close()
            self.conn = None


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            if open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] == "Z":
                return True  # a zombie has ended; only its exit status waits to be read
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.1)
    return False


def test_search_is_keyword_only_and_says_so_until_the_embeddings_are_ready(bare_hub):
    path, ids = bare_hub
    app = create_app(str(path))
    with TestClient(app) as client:
        lock = WriteLock(path)
        try:
            bg = index_in_background(app, show_progress=False)
            page = client.get("/search", params={"q": "achilles tendon loading"})
            api = client.get("/api/studies", params={"q": "achilles tendon loading"}).json()
        finally:
            lock.release()
        assert page.status_code == 200
        assert PREPARING.search(page.text), page.text
        assert PREPARING.fullmatch(api["notice"]) and api["mode"] == "bm25"
        with Store(path) as store:
            keyword = search(store, "achilles tendon loading", mode="bm25", filters={"status": "published"})
        assert [h["id"] for h in api["hits"]] == [h["id"] for h in keyword["hits"]]
        assert ids["tendon"] in [h["id"] for h in api["hits"]]

        assert bg.wait(120), bg.status()
        assert bg.status()["state"] == "ready"
        page = client.get("/search", params={"q": "achilles tendon loading"})
        api = client.get("/api/studies", params={"q": "achilles tendon loading"}).json()
        assert "Semantic ranking" not in page.text and 'id="semantic-notice"' not in page.text
        assert api["notice"] is None and api["mode"] == "hybrid"
    with Store(path) as store:
        assert store.query_one("SELECT count(*) FROM embeddings")[0] == store.query_one(
            "SELECT count(*) FROM studies")[0]


def test_a_word_no_study_has_is_not_called_closest_by_meaning_while_keyword_only(bare_hub):
    path, _ = bare_hub
    app = create_app(str(path))
    with TestClient(app) as client:
        lock = WriteLock(path)
        try:
            index_in_background(app, show_progress=False)
            page = client.get("/search", params={"q": "achilles zzyzxq"}).text
        finally:
            lock.release()
    assert "No study mentions zzyzxq; these match your other words:" in page
    assert "closest by meaning" not in page


def test_the_indexer_stops_with_the_server_and_runs_at_low_priority(bare_hub):
    path, _ = bare_hub
    app = create_app(str(path))
    lock = WriteLock(path)
    try:
        with TestClient(app) as client:
            bg = index_in_background(app, show_progress=False)
            pid = bg.pid
            assert client.get("/api/studies", params={"q": "knee"}).json()["notice"]
            time.sleep(1.0)  # let it lower its priority (first thing it does)
            policy = os.sched_getscheduler(pid) if hasattr(os, "sched_getscheduler") else None
            nice = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[16])
            assert policy == getattr(os, "SCHED_IDLE", -1) or nice >= 10
            assert not _gone(pid, within=0)
        # the app's shutdown stopped it
        assert _gone(pid), "the background indexer outlived the server"
    finally:
        lock.release()
    with Store(path) as store:
        assert store.query_one("SELECT count(*) FROM embeddings")[0] == 0  # stopped before it could store


SERVER = """
import sys, time
from physiohub.web import create_app
from physiohub.web.indexproc import index_in_background
app = create_app(sys.argv[1])
print(index_in_background(app, show_progress=False).pid, flush=True)
time.sleep(120)
"""


def test_the_indexer_ends_when_the_server_is_killed(bare_hub):
    path, _ = bare_hub
    create_app(str(path))  # its first start stores the session key: not under the lock below
    lock = WriteLock(path)  # keeps the child busy (waiting to store) when the server dies
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        child = int(server.stdout.readline())
        assert not _gone(child, within=1.0)
        os.kill(server.pid, signal.SIGKILL)  # no shutdown hook runs
        server.wait(timeout=10)
        if not _gone(child):
            os.kill(child, signal.SIGKILL)
            raise AssertionError("the background indexer outlived the killed server")
    finally:
        lock.release()
        if server.poll() is None:
            server.kill()


def test_demo_serves_at_once_then_semantic_ranking_joins_and_nothing_outlives_it(tmp_path):
    """`physiohub demo --from FILE` through the real CLI and uvicorn: keyword search with the notice while
    the embeddings are computed, hybrid ranking once they are stored (same server), and Ctrl+C ends both."""
    import socket

    import httpx

    fixture = Path(__file__).parent / "fixtures" / "cli" / "two_trials.xml"
    db = tmp_path / "demo.db"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PHYSIOHUB_PROGRESS": "plain", "PYTHONPATH": str(Path(__file__).parent.parent)}
    demo = subprocess.Popen([sys.executable, "-m", "physiohub.cli", "demo", "--from", str(fixture), "--db", str(db),
                             "--port", str(port)], stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)  # its own process group, as a terminal's foreground job
    lock = None
    child = None
    try:
        for line in demo.stderr:
            m = re.search(r"embeddings in the background \(process (\d+)", line)
            if m:
                child = int(m.group(1))
                break
        assert child, "the demo did not say it embeds in the background"
        lock = WriteLock(db)  # the child cannot store its vectors yet
        url = f"http://127.0.0.1:{port}/api/studies"
        deadline = time.monotonic() + 60
        while True:
            try:
                first = httpx.get(url, params={"q": "exercise"}, timeout=10).json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the demo did not start serving"
                time.sleep(0.2)
        assert PREPARING.fullmatch(first["notice"] or ""), first
        assert first["mode"] == "bm25" and first["hits"]
        lock.release()
        deadline = time.monotonic() + 120
        while True:
            now = httpx.get(url, params={"q": "exercise"}, timeout=10).json()
            if now["notice"] is None:
                break
            assert time.monotonic() < deadline, now
            time.sleep(0.3)
        assert now["mode"] == "hybrid"
        os.killpg(demo.pid, signal.SIGINT)  # Ctrl+C in a terminal: the whole foreground group gets it
        assert demo.wait(timeout=30) == 0
        assert _gone(child), "the background indexer outlived the demo"
        rest = demo.stderr.read()
        assert "Traceback" not in rest and "KeyboardInterrupt" not in rest, rest
    finally:
        if lock is not None:
            lock.release()
        if demo.poll() is None:
            demo.kill()
            demo.wait()


def test_a_hub_with_every_vector_stays_hybrid_while_the_child_looks_for_changes(bare_hub):
    path, _ = bare_hub
    from physiohub.search import build_index

    with Store(path) as store:
        build_index(store)
    app = create_app(str(path))
    with TestClient(app) as client:
        lock = WriteLock(path)
        try:
            bg = index_in_background(app, show_progress=False)
            api = client.get("/api/studies", params={"q": "achilles tendon loading"}).json()
        finally:
            lock.release()
        assert api["notice"] is None and api["mode"] == "hybrid"
        assert bg.wait(1) and bg.status()["state"] == "ready"


def test_serve_with_background_indexing_needs_one_worker(bare_hub, runner):
    from physiohub.cli import cli

    r = runner.invoke(cli, ["serve", "--index", "--workers", "2", "--db", str(bare_hub[0])])
    assert r.exit_code != 0 and "needs a single server process" in r.output


def test_an_indexer_that_dies_is_reported_not_prepared_forever(bare_hub):
    path, _ = bare_hub
    app = create_app(str(path))
    with TestClient(app) as client:
        lock = WriteLock(path)
        try:
            bg = index_in_background(app, show_progress=False)
            os.kill(bg.pid, signal.SIGKILL)  # the OOM killer, say
            assert _gone(bg.pid)
            deadline = time.monotonic() + 10
            while bg.status()["state"] != "failed":
                assert time.monotonic() < deadline, bg.status()
                time.sleep(0.05)
            api = client.get("/api/studies", params={"q": "knee"}).json()
        finally:
            lock.release()
    assert api["mode"] == "bm25" and api["notice"].startswith("Semantic ranking is not available")


def test_ctrl_c_while_embedding_ends_server_and_child_quietly(bare_hub):
    """`physiohub serve --index` stopped by Ctrl+C (SIGINT to the whole process group) while the child is
    embedding: both end, with no traceback; the vectors it had not stored are simply not there."""
    import socket

    import httpx

    path, _ = bare_hub
    create_app(str(path))  # its first start stores the session key: not under the lock below
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    lock = WriteLock(path)  # the child computes, then waits to store
    server = subprocess.Popen([sys.executable, "-m", "physiohub.cli", "serve", "--index", "--db", str(path),
                               "--port", str(port)], stderr=subprocess.PIPE, text=True, env=env,
                              start_new_session=True)
    try:
        child = None
        for line in server.stderr:
            m = re.search(r"embeddings in the background \(process (\d+)", line)
            if m:
                child = int(m.group(1))
                break
        assert child
        deadline = time.monotonic() + 60
        while True:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/studies", params={"q": "knee"}, timeout=10).json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert PREPARING.fullmatch(body["notice"] or ""), body
        time.sleep(1.0)  # the child is past its start-up, into the model
        assert not _gone(child, within=0)
        os.killpg(server.pid, signal.SIGINT)
        assert server.wait(timeout=30) == 0
        assert _gone(child), "the background indexer outlived the server"
        rest = server.stderr.read()
        assert "Traceback" not in rest and "KeyboardInterrupt" not in rest, rest
    finally:
        lock.release()
        if server.poll() is None:
            server.kill()
            server.wait()


def test_ctrl_c_ends_the_check_worker_quietly_too(tmp_path):
    """The other child of `physiohub serve` (web/checkproc.py), after it has checked an article."""
    import socket

    import httpx

    db = tmp_path / "hub.db"
    create_app(str(db))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    server = subprocess.Popen([sys.executable, "-m", "physiohub.cli", "serve", "--db", str(db), "--port", str(port)],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.post(f"http://127.0.0.1:{port}/api/check", timeout=60,
                               json={"text": "A 2019 trial found that exercise reduces knee pain."})
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert r.status_code == 200
        os.killpg(server.pid, signal.SIGINT)
        assert server.wait(timeout=30) == 0
        rest = server.stderr.read()
        assert "Traceback" not in rest and "KeyboardInterrupt" not in rest, rest
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
