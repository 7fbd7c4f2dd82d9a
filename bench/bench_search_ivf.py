"""What the IVF quantiser costs in recall and saves in time at 100k vectors (vs exact brute force).

    .venv/bin/python bench/bench_search_ivf.py      # after bench_search_latency.py built the 100k db

For the 300 SciFact test claims: semantic top-10 overlap and recall of the exact top 1,000, hybrid
top-10 overlap (BM25 fused with either semantic list), and CPU time of the nearest-neighbour step.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import WORK, pct, read_qrels, read_queries  # noqa: E402

from physiohub.search import engine, vectors  # noqa: E402
from physiohub.search.bm25 import bm25_search  # noqa: E402
from physiohub.search.hybrid import fuse  # noqa: E402
from physiohub.store import Store  # noqa: E402


def main() -> None:
    store = Store(WORK / "scifact-100000.db")
    rows = store.query("SELECT study_id, vector FROM embeddings ORDER BY study_id")
    ids = np.fromiter((r[0] for r in rows), np.int64, count=len(rows))
    x = np.frombuffer(b"".join(r[1] for r in rows), np.float32).reshape(len(rows), -1)
    t = time.perf_counter()
    approx = vectors._make_matrix(0, ("ivf", "ivf"), ids, x.copy())
    build_s = time.perf_counter() - t
    exact = vectors.Matrix(0, ("exact", "exact"), ids, np.ascontiguousarray(x), np.arange(len(ids)), None)
    queries = read_queries()
    texts = [queries[q] for q in read_qrels("test")]
    engine.warm_query_vectors(texts)
    cpu_e, cpu_i, top10, rec1000, hybrid10 = [], [], [], [], []
    for text in texts:
        v = engine._query_vector(text)
        c = time.process_time()
        e_ids, e_s = vectors.nearest(exact, v, 1000)
        cpu_e.append((time.process_time() - c) * 1000)
        c = time.process_time()
        i_ids, i_s = vectors.nearest(approx, v, 1000)
        cpu_i.append((time.process_time() - c) * 1000)
        top10.append(len(set(e_ids[:10].tolist()) & set(i_ids[:10].tolist())) / 10)
        rec1000.append(len(set(e_ids.tolist()) & set(i_ids.tolist())) / 1000)
        bm = bm25_search(store, text, 1000)
        fe = fuse({"bm25": bm, "semantic": list(zip(e_ids.tolist(), e_s.tolist()))})[:10]
        fi = fuse({"bm25": bm, "semantic": list(zip(i_ids.tolist(), i_s.tolist()))})[:10]
        hybrid10.append(len({d for d, _ in fe} & {d for d, _ in fi}) / 10)
    print(json.dumps({
        "vectors": len(ids), "lists": len(approx.ivf.centroids), "build_s": round(build_s, 1),
        "exact_cpu_ms": {"p50": pct(cpu_e, 50), "p95": pct(cpu_e, 95)},
        "ivf_cpu_ms": {"p50": pct(cpu_i, 50), "p95": pct(cpu_i, 95)},
        "semantic_top10_overlap": float(np.mean(top10)), "semantic_recall_at_1000": float(np.mean(rec1000)),
        "hybrid_top10_overlap": float(np.mean(hybrid10)),
    }, indent=2))


if __name__ == "__main__":
    main()
