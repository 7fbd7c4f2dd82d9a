"""What one import commit costs a server's search caches: the facet table, the vector matrix, the BM25 index.

A server keeps these in memory and brings them up to date after any commit to the database (by anyone).
This times that catch-up, as the server's thread pool meets it: after each commit, ``--threads`` worker
threads (each with its own connection, as in the server) ask for the facet table, the vector matrix and
the BM25 index once, together; the wall time until all have them is one sample. A commit is one new study
added by another connection (a copy of an existing study's rows: record, appraisal, topics, card, term
vector and embedding), as an import's batch adds studies. ``--scale N`` first grows a copy of the hub to N
studies the same way (copies of its own studies), to show how the cost grows with the hub.

    .venv/bin/python bench/bench_search_reload.py --db HUB.db [--scale 20000] [--commits 15] [--threads 8]

Runs with whatever ``physiohub`` is on the path, so the same script times two versions of the code.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from physiohub.search import facets, lexical, vectors
from physiohub.store import Store

COPY = {  # table -> the columns copied (study_id or id is given the new id)
    "appraisals": "data, generator, version, design, evidence, verdict, research_type, primary_topic, updated_at",
    "appraisal_topics": "kind, value, is_primary",
    "cards": "status, data, generator, version, editor, edited, pending, updated_at, published_at",
    "search_terms": "content_hash, length, terms, freqs",
    "embeddings": "model, text_hash, vector",
}


def copy_studies(store: Store, sources: list[int]) -> None:
    """Add a copy of each of these studies (new id, no PMID/DOI so no unique index objects), in one commit."""
    with store.atomic() as conn:
        for src in sources:
            new = conn.execute(
                "INSERT INTO studies(source_id, source_format, title, title_key, year, retracted, record, content_hash,"
                " created_at, updated_at) SELECT source_id || '-c', source_format, title, title_key, year, retracted,"
                " record, content_hash, created_at, updated_at FROM studies WHERE id = ?", (src,)).lastrowid
            for table, cols in COPY.items():
                conn.execute(f"INSERT INTO {table}(study_id, {cols}) SELECT ?, {cols} FROM {table} WHERE study_id = ?",
                             (new, src))


class Pool:
    """Worker threads that live as long as the bench (as uvicorn's thread pool does), each with its own
    connection: ``catch_up`` has all of them ask for the three caches at once."""

    def __init__(self, store: Store, n: int):
        self.store, self.n = store, n
        self.go, self.done = threading.Barrier(n + 1), threading.Barrier(n + 1)
        self.stop = False
        self.threads = [threading.Thread(target=self._work, daemon=True) for _ in range(n)]
        for t in self.threads:
            t.start()

    def _work(self) -> None:
        while True:
            self.go.wait()
            if self.stop:
                return
            facets.table(self.store)
            vectors.matrix(self.store)
            lexical.impacts(self.store)
            self.done.wait()

    def catch_up(self) -> float:
        """ms until every worker has the three caches current."""
        t0 = time.perf_counter()
        self.go.wait()
        self.done.wait()
        return (time.perf_counter() - t0) * 1000

    def close(self) -> None:
        self.stop = True
        self.go.wait()
        for t in self.threads:
            t.join()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a hub (copied; never changed)")
    ap.add_argument("--scale", type=int, default=0, help="grow the copy to this many studies first")
    ap.add_argument("--commits", type=int, default=15)
    ap.add_argument("--threads", type=int, default=8)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="physiohub-reload-"))
    try:
        db = tmp / "hub.db"
        shutil.copyfile(args.db, db)
        writer = Store(db)
        ids = [r[0] for r in writer.query("SELECT id FROM studies ORDER BY id")]
        have = len(ids)
        while have < args.scale:
            take = ids[: min(len(ids), args.scale - have)]
            copy_studies(writer, take)
            have += len(take)
        # The server's connections: one Store (one connection per thread), several threads, as uvicorn's pool.
        server = Store(db)
        pool = Pool(server, args.threads)
        first = pool.catch_up()
        samples = []
        for k in range(args.commits):
            copy_studies(writer, [ids[k % len(ids)]])
            samples.append(pool.catch_up())
        pool.close()
        n = writer.query_one("SELECT count(*) FROM studies")[0]
        print(json.dumps({"studies": n, "threads": args.threads, "commits": args.commits,
                          "first_load_ms": round(first, 1),
                          "catch_up_ms_median": round(statistics.median(samples), 2),
                          "catch_up_ms_max": round(max(samples), 2),
                          "samples_ms": [round(s, 2) for s in samples]}))
        server.close()
        writer.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
