"""Embeddings computed in the background while the hub already serves (``physiohub demo``).

Embedding a few thousand abstracts takes minutes; the studies are searchable by keyword as soon as they are
stored. So the demo serves at once and a child process computes the embeddings (``search.build_index``):

* started with ``spawn`` (the server is threaded; ``fork`` is unsafe there), at the lowest scheduling
  priority (``checkproc.lower_priority``: SCHED_IDLE, else nice), so readers never wait on it;
* ending with the server: stopped by the server's shutdown, and by ``childproc.die_with_parent`` when the
  server is killed outright (no orphan holding the database);
* writing the vectors itself, in committed chunks (``vectors.COMMIT_EVERY``) — SQLite in WAL mode lets the
  server read meanwhile, and a stopped child keeps what it committed (the next ``physiohub index`` or demo
  run carries on);
* reporting progress through two shared integers, which the search page reads (no database writes).

Until the child has finished, search ranks by keywords only and says so (``notice``): a hybrid ranking over
a partial set of vectors would favour whichever studies happened to be embedded first. When the child has
finished, the server loads the vectors and the query model (``search.warm``) and only then switches to
hybrid ranking, so the first hybrid search pays no load time.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

PREPARING, READY, FAILED = 0, 1, 2


class BackgroundIndex:
    """One child process embedding the studies of the database at ``url``; ``status()`` for the pages."""

    def __init__(self, url: str, *, on_ready: Callable[[], None] | None = None, show_progress: bool = True,
                 ready: bool = False):
        """``ready``: every study already has a vector, so search stays hybrid while the child only looks
        for changed texts (a restarted demo)."""
        self.url = url
        self.on_ready = on_ready
        self.show_progress = show_progress
        ctx = multiprocessing.get_context("spawn")
        # Written by the child only; 64-bit loads and stores need no lock for a reader that may be one step old.
        self._done = ctx.Value("q", 0, lock=False)
        self._total = ctx.Value("q", -1, lock=False)  # -1 until the child has counted the studies
        self._state = ctx.Value("i", PREPARING, lock=False)
        self._ctx = ctx
        self._proc: Any = None
        self._ready = threading.Event()  # the child finished and this process has loaded the vectors
        if ready:
            self._ready.set()
        self._stopped = False

    def start(self) -> "BackgroundIndex":
        # Linux's parent-death signal fires when the *thread* that started the child ends: only ask for it
        # from the main thread (the watchdog alone covers the other cases, as for the check worker).
        main = threading.current_thread() is threading.main_thread()
        self._proc = self._ctx.Process(
            target=_run, name="physiohub-index", daemon=True,
            args=(self.url, os.getpid(), main, self.show_progress, self._done, self._total, self._state))
        # Ctrl+C in a terminal reaches the whole process group: the server stops the child itself, so the
        # child ignores SIGINT (else it printed a KeyboardInterrupt traceback). Ignored at exec, Python never
        # installs its handler, so the child ignores it from its first instruction; ``_run`` says so again.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        try:
            self._proc.start()
        finally:
            if main:  # None: a handler set outside Python; Python's own is the closest to it
                signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
        threading.Thread(target=self._follow, name="physiohub-index-follow", daemon=True).start()
        return self

    def _follow(self) -> None:
        self._proc.join()
        if self._stopped or self._state.value != READY:
            if self._state.value == PREPARING:
                self._state.value = FAILED  # ended without saying why (killed): not "being prepared" forever
            return
        if self.on_ready is not None:
            try:
                self.on_ready()
            except Exception as e:  # warming is an optimisation: search loads what it needs on first use
                print(f"physiohub: loading the search vectors after indexing failed: {e}", file=sys.stderr)
        self._ready.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until semantic ranking is ready (True) or ``timeout`` passes (False)."""
        return self._ready.wait(timeout)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def status(self) -> dict[str, Any]:
        """{"state": "preparing"|"ready"|"failed", "done": studies embedded, "total": all (None if not counted)}."""
        if self._ready.is_set():
            state = "ready"
        elif self._state.value == FAILED or (self._proc is not None and self._proc.exitcode not in (None, 0)):
            state = "failed"
        else:
            state = "preparing"
        total = self._total.value
        return {"state": state, "done": int(self._done.value), "total": int(total) if total >= 0 else None}

    def stop(self, timeout: float = 5.0) -> None:
        """End the child (its committed chunks stay); safe to call more than once."""
        self._stopped = True
        proc = self._proc
        if proc is None or proc.exitcode is not None:
            return
        proc.terminate()
        proc.join(timeout)
        if proc.exitcode is None:
            proc.kill()
            proc.join(timeout)


def notice(status: dict[str, Any] | None) -> str | None:
    """What search says while it ranks by keywords only because of the background index (None when ready)."""
    if not status or status["state"] == "ready":
        return None
    if status["state"] == "failed":
        # Readers get the fact; the operator finds the reason on the server's stderr.
        return "Semantic ranking is not available (computing the embeddings stopped); results are keyword-only."
    if status["total"] is None:
        return "Semantic ranking is being prepared; results are keyword-only for now."
    return (f"Semantic ranking is being prepared ({min(status['done'], status['total']):,} of "
            f"{status['total']:,} studies ready); results are keyword-only for now.")


def index_in_background(app: Any, *, show_progress: bool = True) -> BackgroundIndex:
    """Start embedding the app's database in the background; search says so until it is done.

    The child is stopped when the app shuts down (and dies with the process if that is killed)."""
    from ..search import warm
    from ..search.vectors import complete

    store = app.state.store
    bg = BackgroundIndex(store.url, on_ready=lambda: warm(store), show_progress=show_progress,
                         ready=complete(store))
    app.state.background_index = bg
    app.router.on_shutdown.append(bg.stop)
    return bg.start()


def _run(url: str, parent: int, deathsig: bool, show_progress: bool, done: Any, total: Any, state: Any) -> None:
    """In the child: embed what is missing, counting into the shared values; one line on stderr if it fails."""
    from ..childproc import die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when this ends (see ``start``)
    die_with_parent(parent, "physiohub-index", deathsig=deathsig)
    from .checkproc import lower_priority

    lower_priority()  # before the model starts its threads: they inherit the class
    from ..errors import PhysioHubError
    from ..progress import PlainProgress
    from ..search import build_index
    from ..store import Store

    every = float(os.environ.get("PHYSIOHUB_PROGRESS_EVERY", "10") or 10)
    quiet = not show_progress or os.environ.get("PHYSIOHUB_PROGRESS", "").strip().lower() == "off"
    # Plain lines, never a live bar: the server's log lines share the terminal.
    line = PlainProgress("Embedding in the background", None, every=every, out=sys.stderr)
    try:
        store = Store(url, migrate=False)
        n_all = store.query_one("SELECT count(*) FROM studies")[0]

        def on_total(todo: int) -> None:
            done.value = max(0, n_all - todo)
            total.value = n_all
            line.total = todo

        def progress(n: int = 1) -> None:
            done.value += n
            if not quiet:
                line(n)

        n = build_index(store, progress, on_total=on_total)
        done.value = n_all
        state.value = READY
        if not quiet:
            line.finish()
            print(f"semantic ranking ready: {n:,} studies embedded" if n else "semantic ranking ready",
                  file=sys.stderr, flush=True)
    except PhysioHubError as e:
        state.value = FAILED
        print(f"physiohub: embedding in the background stopped: {e}", file=sys.stderr, flush=True)
        sys.exit(1)
    except Exception as e:  # a bug: still one line, and keyword search goes on
        state.value = FAILED
        print(f"physiohub: embedding in the background stopped: internal error: {type(e).__name__}: {e}",
              file=sys.stderr, flush=True)
        sys.exit(1)
