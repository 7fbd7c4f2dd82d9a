"""Several server processes, each with its own socket on one port (web/workers.py): real processes, real
sockets, real HTTP on loopback."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from physiohub.store import Store
from physiohub.web.workers import HAS_REUSEPORT

pytestmark = pytest.mark.skipif(not HAS_REUSEPORT, reason="SO_REUSEPORT sockets are Linux's")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listeners(port: int) -> int:
    """Listening TCP sockets on the port, from /proc/net/tcp (state 0A)."""
    n = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":
            n += 1
    return n


def _start(db: Path, port: int, workers: int = 2) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "physiohub.cli", "serve", "--db", str(db), "--port", str(port),
                             "--workers", str(workers), "--no-access-log"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server stopped: {proc.stderr.read()}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=1).read()
            if _listeners(port) >= workers:
                return proc
        except OSError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise AssertionError("the server did not start")


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(x) for x in out]


def _gone(pids: list[int], timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = []
        for p in pids:
            try:
                os.kill(p, 0)
                if Path(f"/proc/{p}/stat").read_text().split()[2] != "Z":
                    alive.append(p)
            except (ProcessLookupError, OSError):
                pass
        if not alive:
            return True
        time.sleep(0.2)
    return False


def test_each_worker_listens_and_all_answer_then_stop_together(tmp_path):
    db = tmp_path / "hub.db"
    Store(db).close()
    port = _free_port()
    server = _start(db, port)
    try:
        assert _listeners(port) == 2     # a socket per worker: the kernel spreads connections over them
        with ThreadPoolExecutor(16) as pool:
            codes = list(pool.map(lambda _: urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt",
                                                                   timeout=10).status, range(64)))
        assert codes == [200] * 64
        workers = [c for c in _children(server.pid) if "resource_tracker" not in Path(f"/proc/{c}/cmdline").read_text()]
        assert len(workers) >= 2
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=40)
        assert _gone(workers) and _listeners(port) == 0
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)


def test_workers_end_when_the_supervisor_is_killed(tmp_path):
    db = tmp_path / "hub.db"
    Store(db).close()
    port = _free_port()
    server = _start(db, port)
    workers = _children(server.pid)
    try:
        os.kill(server.pid, signal.SIGKILL)      # no shutdown runs in the parent
        server.wait(timeout=10)
        assert _gone(workers), "a worker outlived its supervisor and kept the port"
        assert _listeners(port) == 0
    finally:
        for w in workers:
            try:
                os.kill(w, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_a_taken_port_is_a_one_line_error(tmp_path, runner):
    from physiohub.cli import cli

    db = tmp_path / "hub.db"
    Store(db).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = runner.invoke(cli, ["serve", "--db", str(db), "--port", str(port), "--workers", "2"])
    assert result.exit_code != 0
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "Traceback" not in result.output
