"""How soon `physiohub demo` serves, and what search costs while the embeddings are computed behind it.

Two flows on the same records, one after the other in one run:

- anchor (the demo before issue 15 item 2): ``demo --no-serve`` (import, appraise, embed, publish), then
  ``serve``; the time until the first search answers.
- now: ``demo`` (import, appraise, publish, serve; embeddings in a low-priority child process); the time
  until the first search answers, until semantic ranking has joined, and single-client search latency
  (``/api/studies``) while the child works (keyword-only) and after (hybrid).

Records: the real PubMed XML files of ../shared/data/pubmed-xml (about 740 studies). Everything on 127.0.0.1,
bounded: each flow stops its server when measured.

    .venv/bin/python bench/bench_demo_serve.py [--requests 30]
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PHYSIOHUB_SHARED_DATA", REPO.parent / "shared" / "data"))
QUERIES = ["knee osteoarthritis exercise", "low back pain", "shoulder pain injection", "neck pain manual therapy",
           "tendinopathy loading", "hip fracture rehabilitation", "physical activity older adults",
           "randomised trial pain", "surgery versus physiotherapy", "ankle sprain"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str, env: dict, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "physiohub.cli", *args], env=env, **kw)


def ask(port: int, q: str) -> tuple[dict, float]:
    url = f"http://127.0.0.1:{port}/api/studies?" + urllib.parse.urlencode({"q": q})
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as r:
        body = json.loads(r.read())
    return body, time.perf_counter() - t0


def first_answer(port: int, t0: float, proc: subprocess.Popen, limit: float = 1800) -> float:
    while True:
        try:
            ask(port, "pain")
            return time.perf_counter() - t0
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"the server ended ({proc.returncode}) before answering")
            if time.perf_counter() - t0 > limit:
                raise SystemExit("no answer in time")
            time.sleep(0.2)


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def latencies(port: int, n: int, *, while_notice: bool | None = None) -> tuple[list[float], int]:
    """Up to ``n`` sequential searches (stopping early once the notice state differs from ``while_notice``)."""
    out, seen = [], 0
    for i in range(n):
        body, dt = ask(port, f"{QUERIES[i % len(QUERIES)]}")
        if while_notice is not None and (body.get("notice") is not None) != while_notice:
            break
        out.append(dt * 1000)
        seen += 1
    return out, seen


def pct(xs: list[float], q: float) -> str:
    if not xs:
        return "-"
    xs = sorted(xs)
    return f"{xs[min(len(xs) - 1, int(q * len(xs)))]:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=30)
    args = ap.parse_args()
    files = sorted(str(p) for p in (SHARED / "pubmed-xml").glob("*.xml"))
    if not files:
        raise SystemExit(f"no PubMed XML files under {SHARED / 'pubmed-xml'}")
    env = {**os.environ, "PYTHONPATH": str(REPO), "PHYSIOHUB_PROGRESS": "off"}
    with tempfile.TemporaryDirectory() as tmp:
        # anchor: build everything, then serve
        db = str(Path(tmp) / "anchor.db")
        port = free_port()
        t0 = time.perf_counter()
        build = cli("demo", "--from", *files, "--no-serve", "--db", db, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if build.wait() != 0:
            raise SystemExit("the anchor build failed")
        built = time.perf_counter() - t0
        server = cli("serve", "--db", db, "--port", str(port), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            anchor_first = first_answer(port, t0, server)
            anchor_lat, _ = latencies(port, args.requests)
        finally:
            stop(server)
        print(f"anchor: built (embeddings included) in {built:.0f} s; first search answered at {anchor_first:.0f} s; "
              f"hybrid p50 {pct(anchor_lat, .5)} ms, p90 {pct(anchor_lat, .9)} ms", flush=True)

        # now: serve at once, embeddings in the background
        db = str(Path(tmp) / "now.db")
        port = free_port()
        t0 = time.perf_counter()
        demo = cli("demo", "--from", *files, "--db", db, "--port", str(port), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            now_first = first_answer(port, t0, demo)
            during, _ = latencies(port, args.requests, while_notice=True)
            while ask(port, "pain")[0].get("notice") is not None:
                if demo.poll() is not None:
                    raise SystemExit("the demo ended before semantic ranking joined")
                time.sleep(0.5)
            ready = time.perf_counter() - t0
            after, _ = latencies(port, args.requests)
            mode = ask(port, "pain")[0].get("mode")
        finally:
            stop(demo)
        print(f"now: first search answered at {now_first:.0f} s (keyword-only); semantic ranking joined at "
              f"{ready:.0f} s ({mode}); keyword-only p50 {pct(during, .5)} ms, p90 {pct(during, .9)} ms "
              f"({len(during)} searches while embedding); hybrid p50 {pct(after, .5)} ms, p90 {pct(after, .9)} ms",
              flush=True)
        print(f"| {len(files)} PubMed XML files | {anchor_first:.0f} s | {now_first:.0f} s | "
              f"{anchor_first / now_first:.1f}x | {ready:.0f} s |")


if __name__ == "__main__":
    main()
