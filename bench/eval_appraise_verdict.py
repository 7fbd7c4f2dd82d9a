"""Verdict: a small sanity check against one reader's labels (not a benchmark the issue asks for).

29 abstracts of ../shared/data/ebm-nlp-pico/test.txt (documents 138-174 in file order; the rest of
that range were left out as not about an intervention's effect or too ambiguous), labelled by reading
each conclusion: S Supports, M Mixed picture, N No clear difference, D Does not support, T Too early.
The labels are kept here as ids and letters only. The rules were adjusted after the first run on this
same set (first run 16/29), so the figure is a development figure.
Usage: .venv/bin/python bench/eval_appraise_verdict.py
"""
from __future__ import annotations

from collections import Counter

from appraise_data import DATA, conll_docs
from eval_appraise_sample_size import record_from_tokens
from physiohub.appraise import appraise

LABELS = {
    "25068497": "S", "25369243": "M", "25479285": "S", "25784723": "T", "25898782": "S", "25931290": "S",
    "25950425": "S", "26278470": "S", "2678230": "N", "2803397": "S", "2908133": "S", "3067745": "N",
    "3074300": "S", "3081600": "M", "3534803": "S", "384815": "M", "3919804": "D", "4919024": "S",
    "6418441": "S", "6421395": "S", "6920252": "S", "6951573": "S", "7598243": "M", "7707420": "D",
    "7808649": "S", "7814711": "D", "7831628": "N", "7844976": "M", "7853069": "N",
}
CODE = {"Supports": "S", "Mixed picture": "M", "No clear difference": "N", "Does not support": "D",
        "Too early to tell": "T"}


def main() -> None:
    docs = {pmid: [[t for t, _ in s] for s in sents] for pmid, sents in conll_docs(DATA / "ebm-nlp-pico" / "test.txt")}
    conf: Counter[tuple[str, str]] = Counter()
    for pmid, gold in LABELS.items():
        pred = CODE[appraise(record_from_tokens(docs[pmid]))["verdict"]]
        conf[(gold, pred)] += 1
    right = sum(v for (g, p), v in conf.items() if g == p)
    print(f"verdict agreement with one reader: {right}/{len(LABELS)} = {right / len(LABELS):.3f}")
    print("  (gold, predicted): " + ", ".join(f"{g}->{p} {v}" for (g, p), v in sorted(conf.items())))


if __name__ == "__main__":
    main()
