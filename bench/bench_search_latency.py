"""Search latency at 5k (SciFact) and 100k documents, beside bm25s on the same corpus and queries.

    .venv/bin/python bench/bench_search_latency.py [--docs 100000] [--queries 300]

The 100k corpus repeats SciFact's 5,183 real records with unique ids (source id ``<id>-r<n>``),
copied row by row with their full-text entries and embeddings, so the index has real term
statistics and posting lists 20x longer. Latency is wall time of the public ``search()`` call
(ranking, filtering, facets over the result set and the page of hits), one query at a time, after
one warm-up query; SciFact test claims are the queries.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import (  # noqa: E402
    WORK, bm25s_runner, pct, physiohub_runner, read_corpus, read_qrels, read_queries, timed_run,
    work_store,
)

from physiohub.search import build_index, related, search, warm  # noqa: E402
from physiohub.search.bm25 import bm25_search, fts5_search  # noqa: E402
from physiohub.store import Store  # noqa: E402
from physiohub.studies import indexed_texts  # noqa: E402


def scaled_store(n_docs: int) -> Store:
    """A copy of the SciFact work database grown to ``n_docs`` studies (cached on disk)."""
    base = work_store()
    path = WORK / f"scifact-{n_docs}.db"
    store = Store(path)
    have = store.query_one("SELECT count(*) FROM studies")[0]
    if have >= n_docs:
        build_index(store)  # finishes an interrupted run; nothing to do otherwise
        return store
    t = time.perf_counter()
    rows = base.query("SELECT * FROM studies ORDER BY id")
    fts = {r[0]: tuple(r)[1:] for r in indexed_texts(base)}
    emb = {r[0]: tuple(r)[1:] for r in base.query("SELECT study_id, model, text_hash, vector FROM embeddings")}
    cols = rows[0].keys()
    with store.atomic() as conn:
        conn.execute("DELETE FROM studies")
        conn.execute("INSERT INTO studies_fts(studies_fts) VALUES ('delete-all')")  # contentless: no DELETE
        next_id = 1
        rep = 0
        while next_id <= n_docs:
            for r in rows:
                if next_id > n_docs:
                    break
                vals = dict(zip(cols, tuple(r)))
                old = vals["id"]
                vals["id"] = next_id
                if rep:
                    vals["source_id"] = f"{vals['source_id']}-r{rep}"
                conn.execute(f"INSERT INTO studies({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                             [vals[c] for c in cols])
                conn.execute("INSERT INTO studies_fts(rowid, title, abstract, mesh, keywords) VALUES (?,?,?,?,?)",
                             (next_id, *fts[old]))
                if old in emb:
                    conn.execute("INSERT INTO embeddings(study_id, model, text_hash, vector) VALUES (?,?,?,?)",
                                 (next_id, *emb[old]))
                next_id += 1
            rep += 1
    store.execute("INSERT INTO studies_fts(studies_fts) VALUES ('optimize')")
    print(f"built {n_docs} docs in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    t = time.perf_counter()
    build_index(store)  # BM25 term vectors (the embeddings were copied)
    print(f"indexed {n_docs} docs in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    return store


def scaled_corpus(n_docs: int) -> list[dict]:
    base = read_corpus()
    out = []
    rep = 0
    while len(out) < n_docs:
        for d in base:
            if len(out) >= n_docs:
                break
            out.append(d if not rep else {**d, "_id": f"{d['_id']}-r{rep}"})
        rep += 1
    return out


def measure(n_docs: int, n_queries: int) -> dict:
    store = work_store() if n_docs <= 5183 else scaled_store(n_docs)
    docs = store.query_one("SELECT count(*) FROM studies")[0]
    queries = read_queries()
    qrels = read_qrels("test")
    qs = [(qid, queries[qid]) for qid in list(qrels)[:n_queries]]
    out = {"docs": docs, "queries": len(qs), "results": {}}
    t = time.perf_counter()
    warm(store)
    out["warm_s"] = time.perf_counter() - t
    print(f"warm-up (BM25 index, vectors, model) {out['warm_s']:.1f}s", file=sys.stderr)
    runners = {f"search() {m}": physiohub_runner(store, m, k=10) for m in ("bm25", "semantic", "hybrid")}
    # The web's public pages always filter (published cards, no retractions): filters cost too.
    runners["search() hybrid, filtered"] = physiohub_runner(
        store, "hybrid", k=10, filters={"exclude_retracted": True})
    # Rankers alone (no filters, facets or hit rows), comparable with bm25s's retrieve().
    runners["ranker bm25 (in-memory)"] = lambda text: bm25_search(store, text, 10)
    runners["ranker bm25 (FTS5 bm25())"] = lambda text: fts5_search(store, text, 10)
    # Card pages call related(); listing pages browse (no query) with filters.
    ids = [r[0] for r in store.query("SELECT id FROM studies ORDER BY id")]
    step = max(1, len(ids) // len(qs))
    related_ids = iter(ids[::step])
    runners["related()"] = lambda text: related(store, next(related_ids), 5)
    runners["browse (no query), filtered"] = lambda text: search(store, "", filters={"exclude_retracted": True})
    t = time.perf_counter()
    runners["ranker bm25s"] = bm25s_runner(scaled_corpus(docs), k=10)
    print(f"bm25s indexed {docs} docs in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    for name, fn in runners.items():
        fn(qs[0][1])
        cpu: list[float] = []
        load = os.getloadavg()[0]
        _, lat = timed_run(fn, qs, cpu)
        out["results"][name] = {"p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95), "mean_ms": sum(lat) / len(lat),
                                "cpu_p50_ms": pct(cpu, 50), "cpu_p95_ms": pct(cpu, 95),
                                "load_avg_1min": round((load + os.getloadavg()[0]) / 2, 2)}
        r = out["results"][name]
        print(f"{docs:>6} docs {name:27s} p50 {r['p50_ms']:.1f} ms  p95 {r['p95_ms']:.1f} ms"
              f"  (CPU p50 {r['cpu_p50_ms']:.1f} / p95 {r['cpu_p95_ms']:.1f} ms; load {r['load_avg_1min']})",
              file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[5183, 100_000])
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()
    print(json.dumps([measure(n, args.queries) for n in args.docs], indent=2))


if __name__ == "__main__":
    main()
