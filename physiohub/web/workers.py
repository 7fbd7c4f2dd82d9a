"""Several server processes, each with its own listening socket on the same port (SO_REUSEPORT).

uvicorn's ``--workers`` binds one socket in the parent and every worker accepts from it; whichever worker
wakes first drains the backlog, so a client that opens its keep-alive connections in a burst (a browser, a
proxy, a load generator) can land all of them on one process. Each process runs its requests on one core
(the interpreter lock), so the other core idles: new-query search served 150-170 req/s in such runs against
310-400 when the connections happened to split (docs/benchmarks.md, "Search pages: one socket per worker").
With a socket per process and SO_REUSEPORT the kernel spreads connections over the processes by their
addresses, whatever order the processes wake in.

The supervisor is small on purpose: start N spawned processes, restart one that dies, stop them all on
SIGINT/SIGTERM. Each runs ``uvicorn.Server(config).run(sockets=[its socket])`` (uvicorn's public API).
Where the platform has no SO_REUSEPORT, ``serve`` keeps uvicorn's own ``--workers``.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import time
from typing import Any

from ..errors import ConfigError

HAS_REUSEPORT = hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux")


def reuseport_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on (host, port) that other processes may bind too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _watch_parent(parent: int) -> None:
    """End this worker (gracefully, as on SIGTERM) when the supervisor is gone: killed with SIGKILL it runs
    no shutdown, and a worker left behind would go on holding the port."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)


def _worker(host: str, port: int, options: dict[str, Any], parent: int) -> None:
    import threading

    import uvicorn

    if os.getppid() != parent:
        return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    sock = reuseport_socket(host, port)
    config = uvicorn.Config("physiohub.web.serve:app_from_env", factory=True, host=host, port=port, **options)
    uvicorn.Server(config).run(sockets=[sock])


def run_workers(host: str, port: int, workers: int, options: dict[str, Any]) -> None:
    """Serve with ``workers`` processes until SIGINT or SIGTERM; ``options`` go to ``uvicorn.Config``."""
    # Is the port free? A plain bind fails where anything listens, another SO_REUSEPORT server included (that
    # one would otherwise silently share the port with us); fail here, once, with a one-line reason.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    ctx = multiprocessing.get_context("spawn")
    stop = False

    def _stop(signum: int, frame: Any) -> None:
        nonlocal stop
        stop = True

    old = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    procs: list[Any] = []
    started: list[float] = []
    quick_deaths = 0

    def spawn() -> Any:
        p = ctx.Process(target=_worker, args=(host, port, options, os.getpid()), daemon=False)
        p.start()
        return p

    try:
        for _ in range(workers):
            procs.append(spawn())
            started.append(time.monotonic())
        while not stop:
            for i, p in enumerate(procs):
                if not p.is_alive() and not stop:
                    # a worker that died (out of memory, a crash) is replaced; the others went on serving.
                    # One that dies as it starts would die again: give up after three in a row.
                    quick_deaths = quick_deaths + 1 if time.monotonic() - started[i] < 20 else 0
                    if quick_deaths >= 3:
                        raise ConfigError("the server processes keep stopping as they start (see the messages above)")
                    procs[i] = spawn()
                    started[i] = time.monotonic()
            time.sleep(0.5)
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()    # uvicorn's own SIGTERM handling: finish open requests, then exit
        deadline = time.monotonic() + 30
        for p in procs:
            p.join(max(0.1, deadline - time.monotonic()))
            if p.is_alive():
                p.kill()
        for sig, handler in old.items():
            signal.signal(sig, handler)


__all__ = ["HAS_REUSEPORT", "reuseport_socket", "run_workers"]
