"""Progress for long steps (import, appraise, index), always on stderr so stdout stays parseable.

On a terminal it is a rich bar; otherwise (CI logs, `nohup`, a pipe) it is a plain line every
``PHYSIOHUB_PROGRESS_EVERY`` seconds (default 10), e.g. ``Appraising 1,200/5,183 (23/s, ~3 min left)``,
so a 17-minute build is never silent. ``PHYSIOHUB_PROGRESS=plain|rich|off`` overrides the choice.
"""
from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO


def _span(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


class PlainProgress:
    """Counts work and prints a line at most every ``every`` seconds (0: on every advance)."""

    def __init__(self, label: str, total: int | None, *, every: float, out: TextIO,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.label, self.total, self.every, self.out, self.clock = label, total, every, out, clock
        self.done = 0
        self.start = self.last = clock()
        self.lines = 0

    def __call__(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            self._emit(self.line(now))

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        if self.total:
            left = f", ~{_span((self.total - self.done) / rate)} left" if rate > 0 and self.done < self.total else ""
            return f"{self.label} {self.done:,}/{self.total:,} ({rate:.0f}/s{left})"
        return f"{self.label} {self.done:,} ({rate:.0f}/s)"

    def finish(self) -> None:
        # a closing line only when periodic lines were shown: short steps stay quiet
        if self.lines:
            self._emit(f"{self.label} done: {self.done:,} in {_span(self.clock() - self.start)}")

    def _emit(self, text: str) -> None:
        self.lines += 1
        print(text, file=self.out, flush=True)


def _mode() -> str:
    forced = os.environ.get("PHYSIOHUB_PROGRESS", "").strip().lower()
    if forced in {"plain", "rich", "off"}:
        return forced
    return "rich" if sys.stderr.isatty() else "plain"


@contextlib.contextmanager
def progress_bar(label: str, total: int | None, *, enabled: bool = True) -> Iterator[Callable[..., None]]:
    """Yield ``advance(n=1)``; ``advance.set_total(t)`` fixes a total learned later (embedding)."""
    mode = _mode() if enabled else "off"
    if mode == "off":
        def noop(n: int = 1) -> None:
            return None
        noop.set_total = lambda t: None  # type: ignore[attr-defined]
        yield noop
        return
    if mode == "plain":
        every = float(os.environ.get("PHYSIOHUB_PROGRESS_EVERY", "10") or 10)
        plain = PlainProgress(label, total, every=every, out=sys.stderr)
        plain.set_total = lambda t: setattr(plain, "total", t)  # type: ignore[attr-defined]
        try:
            yield plain
        finally:
            plain.finish()
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    console = Console(stderr=True, force_terminal=True if os.environ.get("PHYSIOHUB_PROGRESS") == "rich" else None)
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)

        def advance(n: int = 1) -> None:
            progress.advance(task, n)
        advance.set_total = lambda t: progress.update(task, total=t)  # type: ignore[attr-defined]
        yield advance


__all__ = ["PlainProgress", "progress_bar"]
