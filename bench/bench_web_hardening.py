"""Card and search pages while anonymous clients post articles to /api/check and imports run (issue 14, item 7).

The hub: the invented sample studies plus real PubMed XML records of ../shared/data/pubmed-xml (two files),
run through the real import, appraisal, card and index pipeline and published. The server: uvicorn, one
worker process, on 127.0.0.1, started in a subprocess with the settings of each phase. Page load: two wrk
processes (Debian package) side by side, 1 thread and 4 keep-alive connections each, ``--duration``
seconds: one on a published card page, one on a search results page. Check load: 4 Python threads, each a
different client address (X-Forwarded-For, trusted with proxy headers as behind a TLS proxy), posting a
~20,000-character article in a closed loop (a 429 or 503 is retried at once, as a careless or hostile
client would). Import load: ``physiohub import`` of one PubMed file after another into the served
database for the whole window (each file takes a few seconds).

Phases: quiet (pages only, the ``physiohub serve`` settings); loaded with checks in a server thread (the
in-process app); loaded as ``physiohub serve`` runs (caps on, checks in their own low-priority process,
web/checkproc.py), with the imports at normal priority, then under ``nice -n 10`` as an operator would
run a batch job beside a live site. Nothing leaves the machine; every phase is bounded in time.

    .venv/bin/python bench/bench_web_hardening.py [--db HUB.db] [--duration 20]
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
HUB_FILES = ("efetch_air_embolism_case_reports_121.xml", "efetch_cancer_biology_93.xml")
IMPORT_FILES = ("efetch_gene_therapy_reviews_106.xml", "efetch_nasopharyngeal_childhood_cancer_208.xml",
                "nlm_pubmedsample_2019.xml", "efetch_smart_home_elderly_32.xml")
SEARCH_PATH = "/search?q=knee+pain+exercise"

ARTICLE_SENTENCES = [
    "Research shows that exercise therapy reduces knee pain in older adults with osteoarthritis.",
    "A 2019 randomised trial of 200 patients found that manual therapy improves neck pain compared with usual care.",
    "According to a new systematic review, injections do not help chronic low back pain more than placebo.",
    "Scientists say that strength training prevents falls in elderly women.",
    "A study published in a leading journal found that sleep problems double the risk of shoulder pain.",
    "Experts warn that surgery for meniscal tears is no better than physiotherapy, a 2020 trial showed.",
]


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
    for name in HUB_FILES:
        f = SHARED / "pubmed-xml" / name
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


SERVER = """
import json, sys, uvicorn
from physiohub.search import warm
from physiohub.web import create_app
from physiohub.web.serve import settle_heap, tune_interpreter, warm_cards
tune_interpreter()  # as ``physiohub serve`` does
app = create_app(sys.argv[1], settings=json.loads(sys.argv[3]))
warm(app.state.store)
warm_cards(app)
settle_heap()
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False,
            proxy_headers=True, forwarded_allow_ips="127.0.0.1", server_header=False)
"""


def start_server(db: Path, port: int, settings: dict) -> subprocess.Popen:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
           "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port), json.dumps(settings)], env=env)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=1).read()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("server did not start")


def start_wrk(url: str, duration: int, connections: int = 4) -> subprocess.Popen:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s", url]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wrk_result(proc: subprocess.Popen) -> dict[str, float]:
    out, _ = proc.communicate()

    def ms(label: str) -> float:
        m = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)\b", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50_ms": ms("50"),
            "p99_ms": ms("99"), "non_2xx": int(errors.group(1)) if errors else 0,
            "socket_errors": socket_errors.group(1) if socket_errors else ""}


def import_loop(db: Path, stop: float, nice_import: bool) -> dict[str, int]:
    """``physiohub import`` of one PubMed file after another, into the served database, until ``stop``:
    an import is running for the whole measured window (one file takes a few seconds)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = {"imports": 0, "failed": 0}
    i = 0
    while time.monotonic() < stop:
        f = SHARED / "pubmed-xml" / IMPORT_FILES[i % len(IMPORT_FILES)]
        low = (["chrt", "--idle", "0"] if os.environ.get("PHYSIOHUB_BENCH_IDLE") else ["nice", "-n", "10"])
        rc = subprocess.run((low if nice_import else []) + [
            sys.executable, "-m", "physiohub.cli", "import", "--quiet", "--db", str(db), str(f)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        done["imports" if rc == 0 else "failed"] += 1
        i += 1
    return done


def check_clients(base: str, stop: float, n: int = 4) -> dict[str, int]:
    import http.client

    article = " ".join(ARTICLE_SENTENCES * 60)[:20_000]
    body = json.dumps({"text": article})
    counts: dict[str, int] = {}
    lock = threading.Lock()

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=120)
        while time.monotonic() < stop:
            try:
                conn.request("POST", "/api/check", body=body, headers={
                    "content-type": "application/json", "x-forwarded-for": f"198.51.100.{10 + i}"})
                r = conn.getresponse()
                r.read()
                key = str(r.status)
            except OSError as e:
                key = type(e).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=120)
            with lock:
                counts[key] = counts.get(key, 0) + 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counts


def phase(db: Path, card_url_path: str, duration: int, settings: dict, *, load: bool, nice_import: bool = False) -> dict:
    """Cards and search pages measured side by side (two wrk processes, 4 connections each) for ``duration``
    seconds; with ``load``, 4 check clients and an import running for the whole window."""
    port = free_port()
    proc = start_server(db, port, settings)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(20):  # warm the page caches
            urllib.request.urlopen(base + card_url_path).read()
            urllib.request.urlopen(base + SEARCH_PATH).read()
        out: dict = {}
        threads = []
        holder: dict = {}
        if load:
            stop = time.monotonic() + duration + 1
            threads = [threading.Thread(target=lambda: holder.update(checks=check_clients(base, stop))),
                       threading.Thread(target=lambda: holder.update(imports=import_loop(db, stop, nice_import)))]
            for t in threads:
                t.start()
            time.sleep(0.5)
        cards, search = start_wrk(base + card_url_path, duration), start_wrk(base + SEARCH_PATH, duration)
        out["cards"], out["search"] = wrk_result(cards), wrk_result(search)
        for t in threads:
            t.join()
        out.update(holder)
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="a hub built by an earlier run (copied; never changed)")
    ap.add_argument("--duration", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=1,
                    help="run the phases this many times, interleaved, and report medians (the machine is shared: "
                         "one quiet phase read minutes before a loaded one drifts)")
    ap.add_argument("--phases", default="all", help="'all', or 'serve' for the quiet and 'serve, nice import' phases only")
    args = ap.parse_args()
    if not (SHARED / "pubmed-xml").is_dir():
        sys.exit(f"shared data not found at {SHARED}")
    tmp = Path(tempfile.mkdtemp(prefix="physiohub-bench-"))
    try:
        master = tmp / "master.db"
        if args.db:
            shutil.copyfile(args.db, master)
        else:
            build_hub(master)
        from physiohub.store import Store

        store = Store(master)
        sid = store.query_one("SELECT study_id FROM cards WHERE status = 'published' ORDER BY study_id LIMIT 1")[0]
        cards = store.query_one("SELECT COUNT(*) FROM cards WHERE status = 'published'")[0]
        store.close()
        card = f"/studies/{sid}"
        results: dict = {"published_cards": cards, "duration_s": args.duration, "rounds": args.rounds}
        # "serve" = what ``physiohub serve`` runs: caps on, checks in their own low-priority process.
        serve = {"check_process": True}
        phases = (("quiet", serve, False, False),
                  ("loaded, checks in a server thread", {}, True, True),
                  ("loaded, serve", serve, True, False),
                  ("loaded, serve, nice import", serve, True, True))
        if args.phases == "serve":
            phases = (phases[0], phases[3])
        runs: dict[str, list[dict]] = {p[0]: [] for p in phases}
        for r in range(args.rounds):
            for name, settings, load, nice_import in phases:
                db = tmp / f"{re.sub(r'[^a-z]+', '_', name)}_{r}.db"
                shutil.copyfile(master, db)  # each phase imports into its own copy
                runs[name].append(phase(db, card, args.duration, settings, load=load, nice_import=nice_import))
                print(f"round {r + 1}", name, json.dumps(runs[name][-1]), file=sys.stderr)
                db.unlink(missing_ok=True)

        def median(values: list[float]) -> float:
            v = sorted(values)
            return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2

        for name in runs:
            results[name] = {"runs": runs[name]}
            for page in ("cards", "search"):
                results[name][f"{page}_p99_ms_median"] = round(median([x[page]["p99_ms"] for x in runs[name]]), 2)
                results[name][f"{page}_rps_median"] = round(median([x[page]["rps"] for x in runs[name]]), 1)
        for name in [p[0] for p in phases[1:]]:
            for page in ("cards", "search"):
                q = results["quiet"]
                results[name][f"{page}_p99_vs_quiet"] = round(results[name][f"{page}_p99_ms_median"] / q[f"{page}_p99_ms_median"], 2)
                # each round's loaded phase against the quiet phase of the same round: the spread
                results[name][f"{page}_p99_vs_quiet_by_round"] = [
                    round(x[page]["p99_ms"] / y[page]["p99_ms"], 2) for x, y in zip(runs[name], runs["quiet"])]
                results[name][f"{page}_rps_vs_quiet"] = round(results[name][f"{page}_rps_median"] / q[f"{page}_rps_median"], 2)
        print(json.dumps(results, indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
