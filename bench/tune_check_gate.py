"""Choose the claim matcher's relevance gates (COSINE_MIN, RELEVANCE_MIN) on SciFact *train* claims.

Usage: .venv/bin/python bench/tune_check_gate.py --db SCIFACT_HUB.db   (a hub built by eval_check_scifact.py --db)

For each train claim, the hybrid top 10 is fetched once with the gate off; for each candidate threshold
we count (a) recall@10 of the cited abstracts that pass the gate, and (b) how often something still
passes when the cited abstracts are removed from the hub's answer ("evidence absent" — a stand-in for a
claim that is not in the hub; the remaining neighbours may be related, so this over-counts harm), and
(c) how often any of the MSK article-fixture claims (tests/fixtures/check, topics the SciFact corpus
barely covers) gets a match. Dev claims are not used here; they are for eval_check_scifact.py.
With ``--lexical`` (or a hub without embeddings) the word-overlap gate used by hubs without
embeddings is tuned instead.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "scifact"
GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def lexical(words, relevance, hit_text, store):
    """IDF-weighted word share as a score (the gate of hubs without embeddings)."""
    def score(study_id: int) -> float:
        return relevance(words, hit_text(store, study_id), store)
    return score


def main() -> int:
    from physiohub.check import check_article
    from physiohub.check.claims import Claim
    from physiohub.check.match import _hit_text, _search, claim_query, content_words, relevance, semantic_scorer
    from physiohub.store import Store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--claims", type=int, default=400, help="train claims to use (first N with cited docs)")
    ap.add_argument("--lexical", action="store_true", help="tune the word-overlap gate")
    args = ap.parse_args()
    store = Store(args.db)
    src = {r["id"]: r["source_id"] for r in store.query("SELECT id, source_id FROM studies")}
    train = [json.loads(x) for x in (DATA / "original" / "claims_train.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    train = [c for c in train if c.get("cited_doc_ids")][: args.claims]

    pos_rows, absent_rows, pos_pairs = [], [], []
    for c in train:
        q = claim_query(Claim(text=c["claim"], cue=""))
        score = None if args.lexical else semantic_scorer(store, q)
        if score is None:
            words = content_words(q)
            score = lexical(words, relevance, _hit_text, store)
        hits = _search(store, q, {}, 10)
        rel = {str(d) for d in c["cited_doc_ids"]}
        scored = [(src[h["id"]] in rel, score(h["id"]) or 0.0) for h in hits]
        pos_rows.append((len(rel), scored))
        absent_rows.append([s for ok, s in scored if not ok])
        words = content_words(q)
        pos_pairs.append((len(rel), [(ok, s, relevance(words, _hit_text(store, h["id"]), store)) for (ok, s), h in zip(scored, hits)]))
    neg: list[float] = []
    neg_pairs: list[list[tuple[float, float]]] = []
    empty = Store(":memory:")
    for exp in sorted((REPO / "tests" / "fixtures" / "check").glob("*.expected.json")):
        e = json.loads(exp.read_text(encoding="utf-8"))
        art = next(p for p in exp.parent.iterdir() if p.name.startswith(exp.name[: -len(".expected.json")] + ".") and not p.name.endswith(".json"))
        for cl in check_article(empty, art.read_text(encoding="utf-8"), html=e["html"])["claims"]:
            q = claim_query(Claim(text=cl["text"], cue=cl["cue"], sources=cl["sources"]))
            score = None if args.lexical else semantic_scorer(store, q)
            if score is None:
                score = lexical(content_words(q), relevance, _hit_text, store)
            if not content_words(q):
                continue   # the matcher does not search for these
            hits = _search(store, q, {}, 10)
            neg.append(max([score(h["id"]) or 0.0 for h in hits] or [0.0]))
            neg_pairs.append([(score(h["id"]) or 0.0, relevance(content_words(q), _hit_text(store, h["id"]), store)) for h in hits])
    print(f"{len(train)} train claims; {len(neg)} MSK article claims as negatives")
    print(f"| {'word share' if args.lexical else 'cosine'} ≥ | recall@10 (train) | evidence absent: still a match | MSK claims with a match |")
    print("|---|---|---|---|")
    for t in (0.0,) + GRID:
        rec = sum(sum(ok and s >= t for ok, s in sc) / n for n, sc in pos_rows) / len(pos_rows)
        absent = sum(any(s >= t for s in row) for row in absent_rows) / len(absent_rows)
        fm = sum(x >= t for x in neg) / max(1, len(neg))
        print(f"| {t:.2f} | {rec:.3f} | {absent:.1%} | {fm:.1%} |")
    if not args.lexical:
        # the shipped rule: cosine >= 0.5, or cosine >= 0.4 with half the IDF-weighted words
        def ok(c: float, s: float) -> bool:
            return c >= 0.5 or (c >= 0.4 and s >= 0.5)
        rec = sum(sum(o and ok(c, s) for o, c, s in row) / n for n, row in pos_pairs) / len(pos_pairs)
        absent = sum(any(ok(c, s) for o, c, s in row if not o) for _, row in pos_pairs) / len(pos_pairs)
        fm = sum(any(ok(c, s) for c, s in row) for row in neg_pairs) / max(1, len(neg_pairs))
        print(f"| 0.50, or 0.40 + word share 0.5 (shipped) | {rec:.3f} | {absent:.1%} | {fm:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
