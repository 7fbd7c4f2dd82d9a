"""CPU per search-page request with a new query (robust to a busy machine: CPU time, not wall time).

The queries of ``bench_web.py --only varied`` (random words from its list, pages 1-3), every one new so the
page cache never answers, on a copy of the hub:

- server: ``uvicorn`` with one worker (as ``bench_web.py`` starts it), sent the requests one after another over
  HTTP from this process; the server process's own CPU (``/proc``: user + system) over them, per request.
  Printed beside it: the same for ``/robots.txt`` (the floor: HTTP, ASGI, middleware).
- in-process: the app through Starlette's TestClient with ``time.process_time`` (client included), and the
  parts measured apart on other new queries: ``run_search`` (ranking, facets, evidence picture) and the query
  embedding alone.

Run it once per checkout (``PYTHONPATH`` = the checkout) on the same hub, interleaved; the lead's req/s figure
comes from ``bench_web.py`` on a quiet machine.

    PYTHONPATH=. .venv/bin/python bench/bench_search_cpu.py --db HUB.db [--requests 400] [--words 3] [--label x]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # as `physiohub serve` sets them
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_web import WORDS  # noqa: E402


def queries(n: int, words: int, seed: int) -> list[tuple[str, int]]:
    rng = random.Random(seed)
    seen: set[str] = set()
    out = []
    while len(out) < n:
        q = " ".join(rng.choice(WORDS) for _ in range(words))
        if q in seen:
            continue
        seen.add(q)
        out.append((q, rng.randint(1, 3)))
    return out


def cpu_ms(fn, items) -> list[float]:
    """CPU ms per item, in rounds of 50 (process time has a coarse clock on some systems)."""
    out = []
    for start in range(0, len(items), 50):
        chunk = items[start : start + 50]
        t0 = time.process_time()
        for it in chunk:
            fn(it)
        out.append(1000 * (time.process_time() - t0) / len(chunk))
    return out


def server_cpu_ms(db: Path, items: list[tuple[str, int]], warm: list[tuple[str, int]]) -> tuple[float, float]:
    """(server CPU ms per search request, per /robots.txt request) over sequential HTTP requests."""
    import http.client
    from urllib.parse import urlencode

    from bench_web import free_port, start_server

    tick = os.sysconf("SC_CLK_TCK")

    def cpu(pid: int) -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    port = free_port()
    proc = start_server(db, port, 1)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

        def get(path: str) -> None:
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            assert r.status == 200, (path, r.status)

        for q, page in warm:
            get("/search?" + urlencode({"q": q, "page": page}))
        t0 = cpu(proc.pid)
        for q, page in items:
            get("/search?" + urlencode({"q": q, "page": page}))
        search = 1000 * (cpu(proc.pid) - t0) / len(items)
        t0 = cpu(proc.pid)
        for _ in items:
            get("/robots.txt")
        floor = 1000 * (cpu(proc.pid) - t0) / len(items)
        conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return search, floor


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True, help="a hub (copied; the copy is used)")
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--words", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--label", default="run")
    ap.add_argument("--json", type=Path, help="append the figures as one JSON line")
    args = ap.parse_args()
    if not 50 <= args.requests <= 5000:
        ap.error("keep it bounded: --requests 50..5000")

    from starlette.testclient import TestClient

    from physiohub.search import engine
    from physiohub.web.serve import _warm_app
    from physiohub.web.views.common import run_search

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "hub.db"
        shutil.copy(args.db, db)
        app = _warm_app(str(db))
        if app.state.check_process is not None:
            app.state.check_process.close()
            app.state.check_process = None
        qs = queries(4 * args.requests + 100, args.words, args.seed)
        n = args.requests
        warm, page_qs, search_qs, embed_qs, server_qs = (qs[:100], qs[100 : 100 + n], qs[100 + n : 100 + 2 * n],
                                                         qs[100 + 2 * n : 100 + 3 * n], qs[100 + 3 * n :])
        server, server_floor = server_cpu_ms(db, server_qs, warm)
        with TestClient(app) as c:
            def get(item: tuple[str, int]) -> None:
                r = c.get("/search", params={"q": item[0], "page": item[1]})
                assert r.status_code == 200, r.status_code

            for it in warm:
                get(it)
            floor = cpu_ms(lambda _: c.get("/robots.txt"), list(range(args.requests)))
            page = cpu_ms(get, page_qs)
            store = app.state.store
            size = app.state.page_size

            def one_search(item: tuple[str, int]) -> None:
                p = {"q": item[0], "mode": "hybrid", "filters": {}, "limit": size, "offset": (item[1] - 1) * size}
                run_search(store, p, editor=False, picture=True)

            search = cpu_ms(one_search, search_qs)
            embedder = engine.embed.get_embedder()
            embed = cpu_ms(lambda it: embedder.encode([it[0]]), embed_qs)
    fig = {"label": args.label, "requests": args.requests, "words": args.words,
           "server_ms": server, "server_floor_ms": server_floor,
           "page_ms": statistics.median(page), "floor_ms": statistics.median(floor),
           "run_search_ms": statistics.median(search), "embed_ms": statistics.median(embed)}
    fig["page_minus_floor_ms"] = fig["page_ms"] - fig["floor_ms"]
    print(f"{args.label}: server CPU ms per request: search page {server:.2f}, /robots.txt {server_floor:.2f}")
    print(f"{args.label}: in-process CPU ms per request (median of rounds of 50): search page {fig['page_ms']:.2f} "
          f"(floor /robots.txt {fig['floor_ms']:.2f}, page - floor {fig['page_minus_floor_ms']:.2f}); "
          f"run_search {fig['run_search_ms']:.2f}; query embedding {fig['embed_ms']:.2f}")
    if args.json:
        with args.json.open("a") as f:
            f.write(json.dumps(fig) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
