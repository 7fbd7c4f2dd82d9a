"""Participant count: precision and recall against hand labels.

Labels: tests/fixtures/appraise/sample_size_labels.csv (source file, id, n; n empty when the abstract
states no participant count). Labelled by reading the first 120 abstracts of
../shared/data/ebm-nlp-pico/test.txt (RCT abstracts); 9 ambiguous ones (animals, several experiments,
secondary analyses of a subset, case-control pairs) were left out, leaving 111 (102 with a count).
The label is the number randomised, else enrolled or included, else analysed; when the abstract gives
only the groups, their sum.
A prediction is right when it equals the label; a wrong number counts as a false positive and a
false negative; a number where none is stated is a false positive.
Usage: .venv/bin/python bench/eval_appraise_sample_size.py [--errors]
"""
from __future__ import annotations

import csv
import sys

from appraise_data import DATA, REPO, conll_docs
from physiohub.appraise import appraise
from physiohub.models import AbstractSection, Record

LABELS = REPO / "tests" / "fixtures" / "appraise" / "sample_size_labels.csv"


def record_from_tokens(sents: list[list[str]]) -> Record:
    title = " ".join(sents[0])
    body = " ".join(" ".join(s) for s in sents[1:])
    return Record(source_format="conll", title=title, abstract_sections=[AbstractSection(body)] if body else [])


def evaluate(show_errors: bool = False) -> dict:
    with open(LABELS, newline="", encoding="utf-8") as f:
        gold = {(r["source"], r["id"]): (int(r["n"]) if r["n"] else None) for r in csv.DictReader(f)}
    docs = {}
    for source in sorted({s for s, _ in gold}):
        for pmid, sents in conll_docs(DATA / source):
            docs[(source, pmid)] = [[t for t, _ in s] for s in sents]
    tp = fp = fn = 0
    for key, n in gold.items():
        pred = appraise(record_from_tokens(docs[key]))["n_participants"]
        if pred == n:
            tp += n is not None
            continue
        if pred is not None:
            fp += 1
        if n is not None:
            fn += 1
        if show_errors:
            print(f"  {key[1]}: label {n} predicted {pred}")
    return {"n": len(gold), "with_count": sum(v is not None for v in gold.values()), "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0}


def main() -> None:
    r = evaluate("--errors" in sys.argv)
    print(f"sample size on {r['n']} hand-labelled abstracts ({r['with_count']} state a count): "
          f"precision {r['precision']:.3f} recall {r['recall']:.3f} (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})")


if __name__ == "__main__":
    main()
