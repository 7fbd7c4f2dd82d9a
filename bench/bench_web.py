"""Web hub under load: a published card page and a search page, requests/s and p99 latency.

The hub: PhysioHub's invented sample studies plus the real PubMed XML records of ../shared/data/pubmed-xml
(about 750 studies), appraised, drafted, indexed and published by the real pipeline. The server: uvicorn
with 2 worker processes on 127.0.0.1 (``physiohub serve --workers 2``). The load: wrk (Debian package) from
a second process on loopback, bounded in time and connections; without wrk a bounded Python load
generator is used instead. Nothing leaves the machine.

    .venv/bin/python bench/bench_web.py [--db HUB.db] [--duration 10] [--connections 16]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PHYSIOHUB_SHARED_DATA", REPO.parent / "shared" / "data"))


def build_hub(db: Path) -> None:
    from physiohub import workflow
    from physiohub.cards.review import set_status
    from physiohub.ingest import read_path
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import Record
    from physiohub.search import build_index
    from physiohub.store import Store
    from physiohub.web.sample import build_demo

    store = Store(db)
    t0 = time.perf_counter()
    xml_dir = SHARED / "pubmed-xml"
    for f in sorted(xml_dir.glob("*.xml")) if xml_dir.is_dir() else []:
        import_records(store, (r for r in read_path(f) if isinstance(r, Record)), file=f.name)
    workflow.refresh(store)
    build_index(store)
    for (sid,) in store.query("SELECT study_id FROM cards WHERE status = 'draft'"):
        set_status(store, sid, "in_review", "bench")
        set_status(store, sid, "published", "bench")
    build_demo(store)
    n = store.query_one("SELECT COUNT(*) FROM cards WHERE status = 'published'")[0]
    print(f"hub built: {n} published cards in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    # The same environment `physiohub serve --workers N` sets up (physiohub/web/serve.py).
    env = {**os.environ, "PHYSIOHUB_DB": str(db), "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1"}
    # `physiohub serve` itself: with several workers it gives each its own socket (web/workers.py)
    cmd = [sys.executable, "-m", "physiohub.cli", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers), "--no-access-log"]
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=1).read()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("server did not start")


WORDS = ("exercise pain knee back neck shoulder hip ankle tendon surgery injection education sleep fear "
         "trial review cohort children elderly women cancer therapy gene function quality risk treatment "
         "outcome disability recovery chronic acute training walking strength manual massage diet weight").split()


def wrk_script(tmp: Path, seed: int = 7) -> Path:
    """A wrk Lua script asking a different search each time (two random words, pages 1-3): the uncached case."""
    path = tmp / "queries.lua"
    words = ", ".join(f'"{w}"' for w in WORDS)
    path.write_text(f"""math.randomseed({seed})
local words = {{{words}}}
request = function()
  local q = words[math.random(#words)] .. "+" .. words[math.random(#words)]
  return wrk.format("GET", "/search?q=" .. q .. "&page=" .. math.random(1, 3))
end
""")
    return path


def run_wrk(url: str, duration: int, connections: int, script: Path | None = None) -> dict[str, float]:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def ms(label: str) -> float:
        m = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)\b", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"rps": rps, "p50_ms": ms("50"), "p99_ms": ms("99"), "non_2xx": int(errors.group(1)) if errors else 0,
            "requests": int(re.search(r"(\d+) requests in", out).group(1))}


def run_python_load(url: str, duration: int, connections: int, script: Path | None = None) -> dict[str, float]:
    """Fallback load generator: keep-alive connections in threads, bounded by time."""
    import http.client
    import random
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    fixed = parts.path + (f"?{parts.query}" if parts.query else "")
    rng = random.Random(7)

    def next_path() -> str:
        if script is None:
            return fixed
        return f"/search?q={rng.choice(WORDS)}+{rng.choice(WORDS)}&page={rng.randint(1, 3)}"

    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + duration
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        local = []
        while time.monotonic() < stop:
            t = time.perf_counter()
            conn.request("GET", next_path())
            r = conn.getresponse()
            r.read()
            local.append((time.perf_counter() - t) * 1000)
            if r.status >= 400:
                errors[0] += 1
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    latencies.sort()
    return {"rps": len(latencies) / elapsed, "p50_ms": latencies[len(latencies) // 2],
            "p99_ms": latencies[int(len(latencies) * 0.99)], "non_2xx": errors[0], "requests": len(latencies)}


def render_cost(db: Path, n: int = 200) -> dict[str, float]:
    """In-process cost of an uncached public card page (database reads, related studies, template), per card."""
    from types import SimpleNamespace

    from physiohub.web.app import create_app

    app = create_app(str(db))
    store = app.state.store
    ids = [r[0] for r in store.query("SELECT study_id FROM cards WHERE status = 'published' ORDER BY study_id LIMIT ?",
                                     (n,))]
    template = app.state.templates.get_template("card.html")
    request = SimpleNamespace(app=app)
    template.render(request=request, viewer=None, csrf_token="", v=app.state.hub._card_view(ids[0], editor=False),
                    show_prov=False)  # warm: model, templates
    times = []
    for sid in ids:
        t = time.perf_counter()
        view = app.state.hub._card_view(sid, editor=False)
        template.render(request=request, viewer=None, csrf_token="", v=view, show_prov=False)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"cards": len(times), "median_ms": times[len(times) // 2], "p99_ms": times[int(len(times) * 0.99)]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an already built hub (else one is built in a temporary folder)")
    ap.add_argument("--duration", type=int, default=10, help="seconds per URL (default 10)")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--only", help="run only the URLs whose name contains this (e.g. varied)")
    ap.add_argument("--build-only", action="store_true", help="build the hub at --db and stop")
    args = ap.parse_args()
    if not 1 <= args.duration <= 60 or not 1 <= args.connections <= 128:
        ap.error("keep it bounded: --duration 1..60, --connections 1..128")

    tmp = None
    db = args.db
    if args.build_only:
        if db is None or db.exists():
            ap.error("--build-only needs a --db path that does not exist yet")
        build_hub(db)
        return 0
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = Path(tmp.name) / "bench.db"
        build_hub(db)
    from physiohub.store import Store

    store = Store(db)
    card_id = store.query_one("SELECT study_id FROM cards WHERE status = 'published' ORDER BY study_id LIMIT 1")[0]
    n_pub = store.query_one("SELECT COUNT(*) FROM cards WHERE status = 'published'")[0]
    store.close()
    port = free_port()
    proc = start_server(db, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    urls = {"card page": f"{base}/studies/{card_id}", "search page": f"{base}/search?q=exercise+pain",
            "search page, varied queries (uncached)": f"{base}/",
            "search page (filtered)": f"{base}/search?q=pain&evidence=Moderate&topic=Exercise+%26+Loading",
            "home": f"{base}/", "API card": f"{base}/api/studies/{card_id}/card"}
    if args.only:
        urls = {k: v for k, v in urls.items() if args.only in k}
    load = run_wrk if shutil.which("wrk") else run_python_load
    results = {}
    script_dir = None
    try:
        script_dir = Path(tempfile.mkdtemp())
        for name, url in urls.items():
            for _ in range(20):  # warm every worker's caches and the embedding model
                urllib.request.urlopen(url, timeout=30).read()
            script = wrk_script(script_dir) if "varied" in name else None
            results[name] = load(url, args.duration, args.connections, script)
            r = results[name]
            print(f"{name:40s} {r['rps']:8.0f} req/s   p50 {r['p50_ms']:6.1f} ms   p99 {r['p99_ms']:6.1f} ms"
                  f"   ({r['requests']} requests, {r['non_2xx']} errors)")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if script_dir:
            shutil.rmtree(script_dir, ignore_errors=True)
    cost = render_cost(db)
    print(f"uncached card page, in-process: median {cost['median_ms']:.1f} ms, p99 {cost['p99_ms']:.1f} ms "
          f"over {cost['cards']} cards")
    results["card page render (in-process, uncached)"] = cost
    if tmp:
        tmp.cleanup()
    meta = {"published_cards": n_pub, "workers": args.workers, "connections": args.connections,
            "duration_s": args.duration, "load_generator": load.__name__.replace("run_", ""), "cpus": os.cpu_count()}
    print(json.dumps(meta))
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
