"""Appraisal against ../shared/data/verdict-gold/dev.jsonl (40 hand-labelled abstracts; a held-out 60 exists
elsewhere and is never read here).

Each item is imported as a Record exactly as the BEIR JSON-lines importer would import it
(``physiohub.ingest.jsonl.convert`` on ``{"_id", "title", "text"}``: title cleaned, abstract split into
its labelled sections with ``split_structured_abstract``), appraised by rules (``physiohub.appraise``),
and compared with the reader's labels. No publication types or MeSH: text alone, as for any non-PubMed
import.

Printed: design agreement (overall, per gold class with the predictions it got, every disagreement with
the item id and our reason), then one dict per item (``predictions(items)``) for other figures (verdict,
evidence) to build on.

Usage: .venv/bin/python bench/eval_appraise_verdict_gold.py [--quiet]   (--quiet: no per-item dicts)
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from physiohub.appraise import appraise
from physiohub.ingest.jsonl import convert
from physiohub.models import Record

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DEV = DATA / "verdict-gold" / "dev.jsonl"


def load_items(path: Path = DEV) -> list[dict[str, Any]]:
    """The labelled items, one dict per JSON line (as in the file)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def to_record(item: dict[str, Any]) -> Record:
    """The item as the BEIR JSON-lines importer makes it (title + text, nothing else)."""
    return convert({"_id": item["id"], "title": item.get("title") or "", "text": item.get("abstract") or ""})


def predictions(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One dict per item: the gold labels beside what the appraisal says (design, evidence, verdict, counts)."""
    out = []
    for item in items:
        a = appraise(to_record(item))
        out.append({
            "id": item["id"],
            "confidence": item.get("confidence"),
            "gold_design": item.get("design"),
            "design": a["design"],
            "design_reasons": a["design_reasons"],
            "evidence": a["evidence"],
            "evidence_reasons": a["evidence_reasons"],
            "gold_verdict": item.get("verdict"),
            "verdict": a["verdict"],
            "verdict_reasons": a["verdict_reasons"],
            "gold_n_participants": item.get("n_participants"),
            "n_participants": a["n_participants"],
            "gold_n_studies": item.get("n_studies"),
            "n_studies": a["n_studies"],
        })
    return out


def design_agreement(preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Overall agreement, per gold class (n, right, predicted as), and the disagreements."""
    per: dict[str, dict[str, Any]] = defaultdict(lambda: {"n": 0, "right": 0, "as": Counter()})
    for p in preds:
        c = per[p["gold_design"]]
        c["n"] += 1
        c["right"] += p["design"] == p["gold_design"]
        c["as"][p["design"]] += 1
    right = sum(c["right"] for c in per.values())
    return {"n": len(preds), "agreement": right / len(preds) if preds else 0.0, "per_class": dict(per),
            "errors": [p for p in preds if p["design"] != p["gold_design"]]}


POSITIVE, NEGATIVE = {"Supports"}, {"No clear difference", "Does not support"}


def verdict_agreement(preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Verdict agreement (all, high-confidence), flips (Supports where the reader says no difference or
    does not support, or the reverse: the worst defect a card can have) and the confusion counts."""
    high = [p for p in preds if p["confidence"] == "high"]
    flips = [p for p in preds if (p["verdict"] in POSITIVE and p["gold_verdict"] in NEGATIVE)
             or (p["verdict"] in NEGATIVE and p["gold_verdict"] in POSITIVE)]
    return {"agreement": sum(p["verdict"] == p["gold_verdict"] for p in preds) / len(preds),
            "high": sum(p["verdict"] == p["gold_verdict"] for p in high) / len(high) if high else 0.0,
            "n_high": len(high), "flips": flips,
            "confusion": Counter((p["gold_verdict"], p["verdict"]) for p in preds),
            "errors": [p for p in preds if p["verdict"] != p["gold_verdict"]]}


def main() -> None:
    if not DEV.is_file():
        print(f"verdict-gold dev set not found ({DEV.name} under shared/data/verdict-gold)")
        return
    preds = predictions(load_items())
    res = design_agreement(preds)
    high = [p for p in preds if p["confidence"] == "high"]
    print(f"design agreement: {res['agreement']:.3f} ({res['n'] - len(res['errors'])}/{res['n']}); "
          f"high-confidence items: {design_agreement(high)['agreement']:.3f} (n={len(high)})")
    print(f"  {'gold class':34} {'n':>3} {'right':>5}  predicted as")
    for g, c in sorted(res["per_class"].items()):
        others = ", ".join(f"{d} {k}" for d, k in c["as"].most_common() if d != g)
        print(f"  {g:34} {c['n']:>3} {c['right']:>5}  {others}")
    print("disagreements:")
    for p in res["errors"]:
        print(f"  {p['id']}: {p['gold_design']} -> {p['design']}  ({'; '.join(p['design_reasons'])})")
    v = verdict_agreement(preds)
    print(f"verdict agreement: {v['agreement']:.3f}; high-confidence items: {v['high']:.3f} (n={v['n_high']}); "
          f"flips: {len(v['flips'])}")
    print("  gold -> ours: " + ", ".join(f"{g} -> {o}: {k}" for (g, o), k in sorted(v["confusion"].items()) if g != o))
    for p in v["errors"]:
        print(f"  {p['id']} ({p['confidence']}): {p['gold_verdict']} -> {p['verdict']}  ({'; '.join(p['verdict_reasons'])})")
    if "--quiet" not in sys.argv:
        print("per-item predictions:")
        for p in preds:
            print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
