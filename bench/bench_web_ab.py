"""Two versions of the code, interleaved round by round, in the phases of bench_web_hardening.py.

On a shared machine a p99 read minutes apart drifts more than most changes move it; this runs version A
and version B (two exported checkouts, e.g. ``git archive <commit> | tar -x -C DIR``) alternately in
each round, in the same phases (quiet, and loaded as ``physiohub serve`` runs with imports under ``nice``
and 4 clients checking articles), and also reads the server's own CPU seconds (``/proc``) over each
measured window: a figure the machine's noise moves much less than a tail latency.

    .venv/bin/python bench/bench_web_ab.py --a DIR_A --b DIR_B --db HUB.db [--rounds 3] [--duration 20]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_web_hardening as web  # noqa: E402

_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime


class ServerCPU:
    """Wraps bench_web_hardening's server and wrk starts: CPU seconds of the server from the first wrk
    start until it is stopped (read every 0.2 s, so at most that late)."""

    def __init__(self) -> None:
        self.pid = 0
        self.start = self.last = 0.0
        self._server, self._wrk = web.start_server, web.start_wrk
        web.start_server, web.start_wrk = self.start_server, self.start_wrk

    def start_server(self, db: Path, port: int, settings: dict):
        proc = self._server(db, port, settings)
        self.pid, self.start, self.last = proc.pid, -1.0, 0.0

        def poll() -> None:
            while True:
                try:
                    self.last = cpu_seconds(proc.pid)
                except (OSError, IndexError):
                    return
                time.sleep(0.2)

        threading.Thread(target=poll, daemon=True).start()
        return proc

    def start_wrk(self, url: str, duration: int, connections: int = 4):
        if self.start < 0:
            self.start = cpu_seconds(self.pid)
        return self._wrk(url, duration, connections)

    def window(self) -> float:
        return self.last - self.start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", type=Path, required=True, help="a checkout of version A (its physiohub is served)")
    ap.add_argument("--b", type=Path, required=True, help="a checkout of version B")
    ap.add_argument("--db", type=Path, required=True, help="a hub (copied for every phase; never changed)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=int, default=20)
    ap.add_argument("--loaded-only", action="store_true", help="skip the quiet phases")
    args = ap.parse_args()
    meter = ServerCPU()
    tmp = Path(tempfile.mkdtemp(prefix="physiohub-ab-"))
    from physiohub.store import Store

    store = Store(args.db, migrate=False)
    sid = store.query_one("SELECT study_id FROM cards WHERE status = 'published' ORDER BY study_id LIMIT 1")[0]
    store.close()
    phases = (("loaded", True),) if args.loaded_only else (("quiet", False), ("loaded", True))
    runs: dict[str, list[dict]] = {}
    try:
        for r in range(args.rounds):
            for name_v, repo in ((("A", args.a), ("B", args.b)) if r % 2 == 0 else (("B", args.b), ("A", args.a))):
                web.REPO = repo.resolve()  # the server and the imports run this checkout's code
                for phase, load in phases:
                    db = tmp / "phase.db"
                    shutil.copyfile(args.db, db)
                    out = web.phase(db, f"/studies/{sid}", args.duration, {"check_process": True}, load=load,
                                    nice_import=load)
                    served = (out["cards"]["rps"] + out["search"]["rps"]) * args.duration
                    row = {"round": r + 1, "version": name_v, "phase": phase, "card_p99_ms": out["cards"]["p99_ms"],
                           "search_p99_ms": out["search"]["p99_ms"], "requests": round(served),
                           "server_cpu_s": round(meter.window(), 2),
                           "cpu_ms_per_request": round(1000 * meter.window() / max(served, 1), 3),
                           "errors": out["cards"]["non_2xx"] + out["search"]["non_2xx"],
                           "imports": out.get("imports")}
                    runs.setdefault(f"{name_v} {phase}", []).append(row)
                    print(json.dumps(row), file=sys.stderr, flush=True)
                    for f in tmp.glob("phase.db*"):
                        f.unlink()
        summary = {}
        for key, rows in runs.items():
            summary[key] = {k: statistics.median(x[k] for x in rows)
                            for k in ("card_p99_ms", "search_p99_ms", "server_cpu_s", "cpu_ms_per_request", "requests")}
        print(json.dumps({"a": str(args.a), "b": str(args.b), "rounds": args.rounds, "duration_s": args.duration,
                          "medians": summary, "runs": runs}, indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
