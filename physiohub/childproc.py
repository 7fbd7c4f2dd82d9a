"""Worker processes that never outlive the command that started them.

`physiohub import` forks parser processes (``ingest.pipeline``) and appraisal workers (``workflow``).
When the command is killed (SIGKILL, or SIGTERM, whose default action ends it at once) nothing in
it runs again: its children were left blocked on a full queue or an empty pipe, forever. So each
child, first thing after the fork:

* asks Linux to send it SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)`` through ctypes);
* checks that the parent is still the one that forked it (it may have died before the ``prctl``);
* starts a watchdog thread that ends the process once its parent pid changes (for systems without
  ``prctl``, and as a second line on Linux);
* names itself (``physiohub-parse``, ``physiohub-cards``: Linux keeps 15 characters of a name) so
  ``ps``/``top`` show what it is.

Children only compute and hand results to the parent, which alone writes the database: ending them
abruptly loses nothing.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

PR_SET_NAME = 15
PR_SET_PDEATHSIG = 1
WATCH_EVERY = 0.5  # seconds between the watchdog's looks at the parent pid


def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def die_with_parent(parent: int, name: str = "", *, deathsig: bool = True) -> None:
    """Call first thing in a forked child: it ends when ``parent`` (the pid that forked it) ends.

    ``deathsig=False`` for a child started from a thread that may end before the process does (a
    ``ProcessPoolExecutor`` grown from a server's worker thread): Linux sends the death signal when the
    creating *thread* exits, which would kill a healthy worker; the watchdog alone then ends it."""
    prctl = _prctl()
    if prctl is not None:
        if deathsig:
            prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if name:
            prctl(PR_SET_NAME, ctypes.c_char_p(name.encode()[:15]), 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the prctl took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="parent-watchdog", daemon=True).start()


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_EVERY)
        if os.getppid() != parent:
            os._exit(1)


def run_watched(parent: int, name: str, target: Callable[..., Any], *args: Any) -> Any:
    """A ``multiprocessing.Process`` target: ``target(*args)`` in a child that dies with ``parent``."""
    die_with_parent(parent, name)
    return target(*args)
