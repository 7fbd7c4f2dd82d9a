"""The article checker in its own low-priority process, so card pages keep their speed while it works.

Checking an article is seconds of pure-Python CPU (claims, references, a search per claim). Run in a
thread of the server it holds the interpreter lock: measured with four clients checking articles, card
p99 went from 3.6 ms to 126 ms even with one check at a time. In a separate process at the lowest
scheduling priority (Linux's SCHED_IDLE class, else ``nice`` +10) it takes only the CPU the server
leaves over, and the server's event loop and threads never wait for it.

One worker process per server worker (the ``slots`` of ``limits.CheckLimits`` bound how many checks are
queued for it), started with ``spawn`` (a threaded server must not ``fork``) on the first check and kept
for the next ones; it opens the same database read-only for its queries. A crashed worker is replaced
on the next check. ``physiohub serve`` turns this on; in-process apps (tests, ``create_app``) check in
the calling thread unless the ``check_process`` setting says otherwise.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .limits import Limited

NICE = 10
_store: Any = None


def lower_priority() -> None:
    """Run only on CPU time the server leaves: Linux's SCHED_IDLE class (a waking server takes the core at
    once), else ``nice`` +10 where that class is missing or not permitted, else normal priority rather than
    not at all."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        return
    except (AttributeError, OSError):
        pass
    try:
        os.nice(NICE)
    except OSError:
        pass


def _start(url: str, parent: int) -> None:
    """In the worker: end with the server, lower its priority and open the database once."""
    global _store
    from ..childproc import die_with_parent

    # A server stopped by kill -9 (or any stop that skips the shutdown hook) must not leave its checker
    # behind, idle but holding the database open.
    die_with_parent(parent, "physiohub-check", deathsig=False)
    # Ctrl+C in a terminal reaches the whole process group; the server shuts the worker down itself, and a
    # worker interrupted while waiting for work printed a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    lower_priority()
    from ..store import Store

    _store = Store(url, migrate=False)


def _check(text: str, published_only: bool) -> dict[str, Any]:
    from ..check import check_article

    return check_article(_store, text, published_only=published_only)


def _run(text: str, editor: bool, as_json: bool) -> dict[str, Any] | bytes:
    """The whole check as the web answers it: the checker, the published-only filtering and the summary,
    and for the API the JSON bytes too. Done here, not in the server, because turning a long result into
    JSON is tens of milliseconds of pure Python: in the server it held the interpreter lock (and, for a
    dict returned by a route, the event loop) while card pages waited."""
    from .views.common import api_json, run_check

    result = run_check(_store, text, editor=editor)
    return api_json(result) if as_json else result


class CheckProcess:
    """A one-process pool for ``check_article`` over the database at ``url``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_start, initargs=(self.url, os.getpid()))
            return self._pool

    def check(self, text: str, *, published_only: bool, timeout: float = 120) -> dict[str, Any]:
        return self._submit(timeout, _check, text, published_only)

    def run(self, text: str, *, editor: bool, as_json: bool, timeout: float = 120) -> dict[str, Any] | bytes:
        """``views.common.run_check`` in the worker; with ``as_json`` the API's response body, ready to send."""
        return self._submit(timeout, _run, text, editor, as_json)

    def _submit(self, timeout: float, fn: Any, *args: Any) -> Any:
        try:
            return self._get().submit(fn, *args).result(timeout)
        except BrokenProcessPool:
            with self._lock:
                self._pool = None  # the next check starts a fresh worker
            raise Limited("the article checker stopped unexpectedly; try again", status=503, retry_after=5) from None

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            # Waiting for the pool's manager thread to finish (the worker is idle, or ends at once, see below):
            # with wait=False the interpreter's exit raced that thread closing its wake-up pipe and printed
            # "Exception ignored ... Bad file descriptor" (Python 3.11's concurrent.futures) after Ctrl+C.
            # A check still running is abandoned: the server is stopping.
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
