"""BEIR SciFact retrieval quality: nDCG@10 for bm25, semantic and hybrid, beside bm25s.

    .venv/bin/python bench/bench_search.py            # test qrels (300 queries): the reported figures
    .venv/bin/python bench/bench_search.py --tune     # grid over weights on *train* qrels only

Data: ../shared/data/scifact/beir (corpus.derived.jsonl.gz, queries.jsonl, qrels/{train,test}.tsv),
read at run time. The corpus is imported with PhysioHub's own importer into a work database (kept in
the temp folder between runs, because embedding 5k abstracts takes minutes on 2 cores).

nDCG@10 is computed here with the formula pytrec_eval/trec_eval use (linear gain, log2(rank + 1)
discount, ideal ranking from all judged documents, queries without judgements skipped, a query
that returns nothing scores 0). As BEIR's EvaluateRetrieval does, a document whose id equals the
query id is dropped from that query's results.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BEIR = REPO.parent / "shared" / "data" / "scifact" / "beir"
WORK = Path(tempfile.gettempdir()) / "physiohub-bench-search"

sys.path.insert(0, str(REPO))

from physiohub.store import Store  # noqa: E402


def read_corpus() -> list[dict]:
    with gzip.open(BEIR / "corpus.derived.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def read_queries() -> dict[str, str]:
    with open(BEIR / "queries.jsonl", encoding="utf-8") as f:
        return {q["_id"]: q["text"] for q in map(json.loads, f)}


def read_qrels(split: str) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with open(BEIR / "qrels" / f"{split}.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            qid, did, rel = line.split()
            qrels.setdefault(qid, {})[did] = int(rel)
    return qrels


def ndcg_at(run: dict[str, list[str]], qrels: dict[str, dict[str, int]], k: int = 10) -> float:
    scores = []
    for qid, rels in qrels.items():
        ranked = [d for d in run.get(qid, []) if d != qid][:k]
        dcg = sum(rels.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked))
        ideal = sorted(rels.values(), reverse=True)[:k]
        idcg = sum(r / math.log2(i + 2) for i, r in enumerate(ideal))
        scores.append(dcg / idcg if idcg else 0.0)
    return sum(scores) / len(scores)


def recall_at(run: dict[str, list[str]], qrels: dict[str, dict[str, int]], k: int = 100) -> float:
    vals = []
    for qid, rels in qrels.items():
        ranked = set([d for d in run.get(qid, []) if d != qid][:k])
        pos = {d for d, r in rels.items() if r > 0}
        vals.append(len(ranked & pos) / len(pos) if pos else 0.0)
    return sum(vals) / len(vals)


def work_store(path: Path | None = None, *, embed: bool = True) -> Store:
    """The SciFact corpus imported through PhysioHub's pipeline (+ embeddings), cached on disk."""
    from physiohub.ingest import read_path
    from physiohub.ingest.pipeline import import_records
    from physiohub.search import build_index

    WORK.mkdir(parents=True, exist_ok=True)
    path = path or WORK / "scifact.db"
    store = Store(path)
    if store.query_one("SELECT count(*) FROM studies")[0] == 0:
        t = time.perf_counter()
        s = import_records(store, read_path(BEIR / "corpus.derived.jsonl.gz", "jsonl"), file="scifact")
        print(f"imported {s.added} studies in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    if embed:
        t = time.perf_counter()
        n = build_index(store)
        if n:
            dt = time.perf_counter() - t
            print(f"embedded {n} studies in {dt:.0f}s ({n / dt:.1f}/s)", file=sys.stderr)
    return store


def timed_run(fn: Callable[[str], list[str]], queries: Iterable[tuple[str, str]],
              cpu: list[float] | None = None) -> tuple[dict, list[float]]:
    """Run every query; wall-clock ms per query (and process CPU ms into ``cpu`` if given).

    CPU time shows the cost on a dedicated machine when other work shares the cores.
    """
    run, lat = {}, []
    for qid, text in queries:
        t, c = time.perf_counter(), time.process_time()
        run[qid] = fn(text)
        lat.append((time.perf_counter() - t) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - c) * 1000)
    return run, lat


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] if len(values) > 1 else values[0]


def physiohub_runner(store: Store, mode: str, k: int = 100, filters: dict | None = None) -> Callable[[str], list[str]]:
    """search() as a user calls it; cached query vectors are dropped so each query pays its embedding."""
    from physiohub.search import engine, search

    def run(text: str) -> list[str]:
        engine._QCACHE.clear()
        return [h["source_id"] for h in search(store, text, mode=mode, limit=k, filters=filters)["hits"]]

    return run


def fts5_runner(store: Store, k: int = 100) -> Callable[[str], list[str]]:
    """The same BM25 computed by SQLite FTS5's bm25() (the reference for the in-memory index)."""
    from physiohub.search.bm25 import fts5_search

    sid = dict(store.query("SELECT id, source_id FROM studies"))
    return lambda text: [sid[i] for i, _ in fts5_search(store, text, k)]


def bm25s_runner(corpus: list[dict], k: int = 100) -> Callable[[str], list[str]]:
    """bm25s (Lucene BM25, k1=1.5, b=0.75) with English stopwords and the Snowball stemmer."""
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    texts = [f"{d['title']} {d['text']}" for d in corpus]
    ids = [d["_id"] for d in corpus]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False)

    def run(text: str) -> list[str]:
        toks = bm25s.tokenize([text], stopwords="en", stemmer=stemmer, show_progress=False)
        if not toks.vocab:
            return []
        docs, _ = retriever.retrieve(toks, k=k, show_progress=False, n_threads=1)
        return [ids[i] for i in docs[0]]

    return run


def evaluate(split: str) -> dict[str, dict[str, float]]:
    queries = read_queries()
    qrels = read_qrels(split)
    qs = [(qid, queries[qid]) for qid in qrels]
    store = work_store()
    n_docs = store.query_one("SELECT count(*) FROM studies")[0]
    results: dict[str, dict[str, float]] = {}
    runners = {m: physiohub_runner(store, m) for m in ("bm25", "semantic", "hybrid")}
    runners["bm25 (FTS5 bm25())"] = fts5_runner(store)
    t = time.perf_counter()
    runners["bm25s"] = bm25s_runner(read_corpus())
    print(f"bm25s indexed in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    for name, fn in runners.items():
        fn(qs[0][1])  # warm: model load, matrix cache, page cache
        run, lat = timed_run(fn, qs)
        results[name] = {
            "ndcg@10": ndcg_at(run, qrels), "recall@100": recall_at(run, qrels),
            "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95),
        }
        print(f"{name:18s} nDCG@10 {results[name]['ndcg@10']:.4f}  recall@100 {results[name]['recall@100']:.4f}"
              f"  p50 {results[name]['p50_ms']:.1f} ms  p95 {results[name]['p95_ms']:.1f} ms", file=sys.stderr)
    print(json.dumps({"split": split, "queries": len(qs), "docs": n_docs, "results": results}, indent=2))
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tune", action="store_true", help="grid search on train qrels (see bench_search_tune.py)")
    ap.add_argument("--split", default="test", choices=["test", "train"])
    args = ap.parse_args()
    if not BEIR.is_dir():
        sys.exit(f"SciFact BEIR data not found at {BEIR}")
    if args.tune:
        from bench_search_tune import tune

        tune()
    else:
        evaluate(args.split)


if __name__ == "__main__":
    main()
