"""Result direction on Evidence Inference 2.0 (../shared/data/evidence-inference): the reported figure.

(a) given the gold evidence span (the first annotator's quote and label, as the dataset's README counts
    labels), (b) end to end from the title and abstract: the finder picks the sentence(s), the reader
    labels them. Macro-F1 over significantly increased / significantly decreased / no significant
    difference, per-class F1, and significant-vs-null F1. Annotators quoted the full text, so (b) is also
    given on the prompts where some annotator's quote is in the abstract.
Usage: .venv/bin/python bench/eval_appraise_direction.py [--split test|validation]
"""
from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "evidence-inference"
ANCHOR = (0.78, 0.83)  # DeYoung et al. 2020, BioBERT-class models given the evidence span


def load(split: str) -> tuple[list[dict], dict[str, dict]]:
    """(prompts of the split, articles by pmcid) read from the shared data at run time."""
    arts = {}
    with gzip.open(DATA / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            arts[a["pmcid"]] = a
    with gzip.open(DATA / "prompts.jsonl.gz", "rt", encoding="utf-8") as f:
        prompts = [p for p in map(json.loads, f) if p["split"] == split]
    return prompts, arts


def sections(article: dict) -> list[tuple[str, str]]:
    """The article as (label, text) pairs, the title first."""
    out = [("TITLE", article["title"])] if article.get("title") else []
    return out + [(s.get("label") or "", s["text"]) for s in article["abstract_sections"] if s.get("text")]


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def evidence_in_abstract(prompt: dict, article: dict) -> bool:
    """Does any annotator's quote appear in the title or abstract?"""
    ab = _norm(" ".join(t for _, t in sections(article)))
    return any(_norm(e) and _norm(e)[:60] in ab for e in prompt["evidence"])


def is_evidence(sentence: str, evidence: list[str]) -> bool:
    """A sentence is the evidence when it and some quote share most of their words."""
    st = set(_norm(sentence).split())
    for e in evidence:
        et = set(_norm(e).split())
        if st and et and (len(st & et) >= 0.7 * len(et) or len(st & et) >= 0.7 * len(st) and len(st) >= 6):
            return True
    return False


def gold_pairs(prompts: list[dict]) -> Iterator[tuple[dict, str, str]]:
    """(prompt, first quote, first label) for each prompt that has a quote."""
    for p in prompts:
        if p["evidence"] and p["evidence"][0].strip():
            yield p, p["evidence"][0], p["labels"][0]


def scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    from sklearn.metrics import f1_score

    from physiohub.appraise.direction import LABELS, NO_DIFFERENCE

    out = {"macro": float(f1_score(gold, pred, labels=list(LABELS), average="macro"))}
    for lab, f in zip(LABELS, f1_score(gold, pred, labels=list(LABELS), average=None)):
        out[lab] = float(f)
    g2 = [g != NO_DIFFERENCE for g in gold]
    p2 = [p != NO_DIFFERENCE for p in pred]
    out["sig_vs_null"] = float(f1_score(g2, p2, average="macro"))
    out["accuracy"] = sum(g == p for g, p in zip(gold, pred)) / max(len(gold), 1)
    return out


def line(name: str, n: int, s: dict[str, float]) -> str:
    return (f"{name:<44} n={n:<4} macro-F1 {s['macro']:.3f}  inc {s['significantly increased']:.3f}  "
            f"dec {s['significantly decreased']:.3f}  none {s['no significant difference']:.3f}  "
            f"sig-vs-null {s['sig_vs_null']:.3f}  acc {s['accuracy']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=("test", "validation"))
    args = ap.parse_args()
    from physiohub.appraise import direction as dr

    prompts, arts = load(args.split)
    t0 = time.perf_counter()
    gold, pred = [], []
    for p, ev, lab in gold_pairs(prompts):
        gold.append(lab)
        pred.append(dr.read_span(ev, p["intervention"], p["comparator"], p["outcome"]).label)
    ta = time.perf_counter() - t0
    sa = scores(gold, pred)
    t0 = time.perf_counter()
    g_all, p_all, g_in, p_in = [], [], [], []
    found = n_in = 0
    for p in prompts:
        art = arts[p["pmcid"]]
        r = dr.read_direction(sections(art), p["intervention"], p["comparator"], p["outcome"])
        g_all.append(p["labels"][0])
        p_all.append(r.label)
        if evidence_in_abstract(p, art):
            n_in += 1
            g_in.append(p["labels"][0])
            p_in.append(r.label)
            found += is_evidence(r.sentence, p["evidence"]) or any(
                is_evidence(s, p["evidence"]) for _, s in dr.abstract_sentences(r.sentence))
    tb = time.perf_counter() - t0
    sb, sb_in = scores(g_all, p_all), scores(g_in, p_in)
    print(f"Evidence Inference 2.0, {args.split} split; {platform.machine()} {platform.python_version()}; "
          f"{time.strftime('%Y-%m-%d')}")
    print(line("(a) given the gold evidence span", len(gold), sa) + f"  [{1000 * ta / max(len(gold), 1):.2f} ms each]")
    print(line("(b) end to end from title + abstract", len(g_all), sb) + f"  [{1000 * tb / max(len(g_all), 1):.2f} ms each]")
    print(line("(b) where a quote is in the abstract", len(g_in), sb_in))
    print(f"finder: a picked sentence is an annotator's quote for {found}/{n_in} = {found / max(n_in, 1):.3f} "
          "of the prompts whose quote is in the abstract")
    lo, hi = ANCHOR
    print(f"anchor (BioBERT-class, oracle span) {lo:.2f}-{hi:.2f}: ratio (a) {sa['macro'] / hi:.2f}-{sa['macro'] / lo:.2f}, "
          f"(b) {sb['macro'] / hi:.2f}-{sb['macro'] / lo:.2f}")


if __name__ == "__main__":
    main()
