"""SciFact dev claims matched against the SciFact corpus in a hub: recall@10 of each claim's cited abstracts.

Usage: .venv/bin/python bench/eval_check_scifact.py [--db PATH] [--no-embed] [--limit-claims N]

Builds a temporary hub (SQLite file) from ../shared/data/scifact/beir/corpus.derived.jsonl.gz with the
lead's importer (read_path + import_records), embeds it with the search engineer's build_index (unless
--no-embed), then runs the claim check's matcher (``physiohub.check.match.match_claim``) on each of the
300 dev claims (original/claims_dev.jsonl). A SciFact claim is a bare statement — no stated year,
design or reporting frame — so no year/design constraint applies and no topic filter either (the
corpus is not appraised). Reported: recall@10 of ``cited_doc_ids`` in the top 10, nDCG@10 (binary),
for hybrid and BM25 search, with and without the relevance gate that decides "not in the hub".
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "scifact"


def build_hub(db: Path, embed: bool) -> None:
    from physiohub.ingest import read_path
    from physiohub.ingest.pipeline import import_records
    from physiohub.store import Store

    store = Store(db)
    if not store.query_one("SELECT count(*) FROM studies")[0]:
        t = time.perf_counter()
        s = import_records(store, read_path(DATA / "beir" / "corpus.derived.jsonl.gz"), file="scifact-corpus")
        print(f"imported {s.added} studies in {time.perf_counter() - t:.1f} s")
    if embed:
        from physiohub.search import build_index

        t = time.perf_counter()
        k = build_index(store)
        print(f"embedded {k} studies in {time.perf_counter() - t:.1f} s")
    store.close()


def ndcg10(ranked: list[str], relevant: set[str]) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, d in enumerate(ranked[:10]) if d in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))
    return dcg / ideal if ideal else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="hub file to (re)use; default: a temporary file")
    ap.add_argument("--no-embed", action="store_true", help="BM25 only (no embeddings)")
    ap.add_argument("--limit-claims", type=int, default=0)
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"dataset folder not found: {DATA}", file=sys.stderr)
        return 1

    from physiohub.check.claims import Claim
    from physiohub.check.match import match_claim
    from physiohub.store import Store

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "scifact.db"
    build_hub(args.db, embed=not args.no_embed)
    store = Store(args.db)
    to_source = {r["id"]: r["source_id"] for r in store.query("SELECT id, source_id FROM studies")}
    claims = [json.loads(line) for line in (DATA / "original" / "claims_dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    claims = [c for c in claims if c.get("cited_doc_ids")]
    if args.limit_claims:
        claims = claims[: args.limit_claims]

    modes = ["bm25"] if args.no_embed else ["hybrid", "bm25"]
    print(f"{len(claims)} dev claims with cited abstracts; hub {args.db.name}: {len(to_source)} studies")
    print("| search | relevance gate | recall@10 | nDCG@10 | claims with ≥1 match | ms/claim |")
    print("|---|---|---|---|---|---|")
    for mode in modes:
        for gate in (False, True):
            rec, nd, any_match = 0.0, 0.0, 0
            t = time.perf_counter()
            for c in claims:
                m = match_claim(store, Claim(text=c["claim"], cue=""), limit=10, gate=gate, mode=mode)
                ranked = [to_source[x["id"]] for x in m["matches"]]
                rel = {str(d) for d in c["cited_doc_ids"]}
                rec += len(rel & set(ranked[:10])) / len(rel)
                nd += ndcg10(ranked, rel)
                any_match += bool(ranked)
            ms = (time.perf_counter() - t) * 1000 / len(claims)
            print(f"| {mode} | {'on' if gate else 'off'} | {rec / len(claims):.3f} | {nd / len(claims):.3f} | "
                  f"{any_match / len(claims):.1%} | {ms:.0f} |")
    store.close()
    if tmp:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
