"""Tune search weights on SciFact *train* qrels only (809 claims); the test split is never read here.

    .venv/bin/python bench/bench_search_tune.py

Grids: the title field weight for BM25 (FTS_WEIGHTS in store/dialect.py), and the fusion: RRF (k and
the BM25:semantic weight ratio) and the convex combination of z-scores (BM25 weight). Each ranker's top-1000 lists are computed once per setting and
fused offline, which is exactly what ``search(mode="hybrid")`` does online.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import ndcg_at, read_qrels, read_queries, work_store  # noqa: E402

from physiohub.search import engine, lexical  # noqa: E402
from physiohub.search.hybrid import fuse, rrf  # noqa: E402
from physiohub.store import dialect  # noqa: E402


def tune() -> dict:
    store = work_store()
    lexical.MAX_UNSTORED = 10**9  # each trial weight re-tokenises in memory; never fall back to FTS5 here
    sid = dict(store.query("SELECT id, source_id FROM studies"))
    queries = read_queries()
    qrels = read_qrels("train")
    qs = [(q, queries[q]) for q in qrels]
    engine.warm_query_vectors([t for _, t in qs])
    sem = {q: engine.semantic_search(store, t, 1000) for q, t in qs}
    out: dict = {"title_weight": {}, "rrf": {}}
    best_lists = None
    best = (-1.0, None)
    for tw in (1.0, 2.0, 3.0, 4.0, 5.0):
        dialect.FTS_WEIGHTS["title"] = tw
        lexical._CACHE.clear()  # stored term vectors carry the weights: a new setting re-tokenises
        lists = {q: engine.bm25_search(store, t, 1000) for q, t in qs}
        score = ndcg_at({q: [sid[i] for i, _ in r[:10]] for q, r in lists.items()}, qrels)
        out["title_weight"][tw] = round(score, 4)
        print(f"bm25 title weight {tw}: nDCG@10 {score:.4f}", file=sys.stderr)
        if score > best[0]:
            best, best_lists = (score, tw), lists
    sem_score = ndcg_at({q: [sid[i] for i, _ in r[:10]] for q, r in sem.items()}, qrels)
    out["semantic"] = round(sem_score, 4)
    print(f"semantic: nDCG@10 {sem_score:.4f}", file=sys.stderr)
    for k in (10, 30, 60, 100):
        for wb in (0.3, 0.5, 0.7, 1.0, 1.5):
            fused = {q: rrf({"bm25": best_lists[q], "semantic": sem[q]}, k=k,
                            weights={"bm25": wb, "semantic": 1.0}) for q, _ in qs}
            score = ndcg_at({q: [sid[i] for i, _ in r[:10]] for q, r in fused.items()}, qrels)
            out["rrf"][f"k={k},bm25={wb}"] = round(score, 4)
            print(f"rrf k={k} bm25 weight {wb}: nDCG@10 {score:.4f}", file=sys.stderr)
    out["convex_z"] = {}
    for wb in (0.3, 0.4, 0.5, 0.6, 0.7):
        fused = {q: fuse({"bm25": best_lists[q], "semantic": sem[q]}, weights={"bm25": wb, "semantic": 1 - wb})
                 for q, _ in qs}
        score = ndcg_at({q: [sid[i] for i, _ in r[:10]] for q, r in fused.items()}, qrels)
        out["convex_z"][f"bm25={wb}"] = round(score, 4)
        print(f"convex z-score bm25 weight {wb}: nDCG@10 {score:.4f}", file=sys.stderr)
    out["best_title_weight"] = best[1]
    out["best_rrf"] = max(out["rrf"], key=out["rrf"].get)
    out["best_convex_z"] = max(out["convex_z"], key=out["convex_z"].get)
    print(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    tune()
