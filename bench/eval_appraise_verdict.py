"""Verdict: a small sanity check against one reader's labels (not a benchmark the issue asks for).

Labels: S Supports, M Mixed picture, N No clear difference, D Does not support, T Too early to tell,
given by reading each abstract's conclusion (and, where the conclusion leans on it, the primary result).
Kept here as ids and letters only; the texts are read from ../shared/data at run time.

- Round 1 (``LABELS_R1``): 29 abstracts of ../shared/data/ebm-nlp-pico/test.txt (documents 138-174 in
  file order; the rest of that range left out as not about an intervention's effect or too ambiguous).
  The round-1 rules were adjusted on this same set (first run 16/29): a development set.
- Round 2 (``LABELS_R2``): 15 more EBM-NLP test abstracts (documents 118-137 and 175-190, same rule for
  leaving out) and 10 trials from ../shared/data/cohen2006-drug-class-reviews (searched for trials that
  name a primary outcome and report a non-significant result; two left out as ambiguous). Labelled
  before the round-2 verdict rules were run on them. Conventions: "equally effective but safer" is M
  (DESIGN.md: benefit on some measures, no difference on others); "no significant effect" of a
  treatment is N; a pilot that only says "potential" is T.
Usage: .venv/bin/python bench/eval_appraise_verdict.py
"""
from __future__ import annotations

import csv
from collections import Counter

from appraise_data import DATA, conll_docs
from eval_appraise_sample_size import record_from_tokens
from physiohub.appraise import appraise
from physiohub.models import AbstractSection, Record

LABELS_R1 = {
    "25068497": "S", "25369243": "M", "25479285": "S", "25784723": "T", "25898782": "S", "25931290": "S",
    "25950425": "S", "26278470": "S", "2678230": "N", "2803397": "S", "2908133": "S", "3067745": "N",
    "3074300": "S", "3081600": "M", "3534803": "S", "384815": "M", "3919804": "D", "4919024": "S",
    "6418441": "S", "6421395": "S", "6920252": "S", "6951573": "S", "7598243": "M", "7707420": "D",
    "7808649": "S", "7814711": "D", "7831628": "N", "7844976": "M", "7853069": "N",
}
LABELS_R2 = {
    # EBM-NLP test
    "23114870": "M", "23356250": "S", "23357440": "S", "23417625": "S", "23549581": "S", "24989854": "T",
    "8779382": "N", "8911223": "S", "8989009": "N", "9229602": "S", "9394106": "N", "9481998": "S",
    "9573502": "S", "9695300": "S", "9730996": "S",
    # cohen2006 (file, id)
    "NSAIDS:10871971": "N", "NSAIDS:11346221": "M", "NSAIDS:12783912": "D", "Opiods:10458255": "S",
    "Opiods:12809961": "S", "Opiods:12859464": "T", "Opiods:9028752": "N", "Opiods:9676769": "M",
    "Opiods:9696169": "M",
}
CODE = {"Supports": "S", "Mixed picture": "M", "No clear difference": "N", "Does not support": "D",
        "Too early to tell": "T"}


def cohen_records(wanted: set[str]) -> dict[str, Record]:
    """"file:id" -> Record: the title and the abstract's paragraphs ('; '-joined in the CSV) as sections."""
    out = {}
    for name in sorted({w.split(":")[0] for w in wanted}):
        with open(DATA / "cohen2006-drug-class-reviews" / f"{name}.raw.csv", newline="", encoding="utf-8",
                  errors="replace") as f:
            for row in csv.DictReader(f):
                key = f"{name}:{row['pubmedID']}"
                if key in wanted:
                    paras = [p.strip() for p in row["abstracts"].split("; ") if p.strip()]
                    out[key] = Record(source_format="csv", source_id=row["pubmedID"], pmid=row["pubmedID"],
                                      title=row["title"], abstract_sections=[AbstractSection(p) for p in paras])
    return out


def score(labels: dict[str, str], records: dict[str, Record]) -> tuple[int, Counter[tuple[str, str]]]:
    conf: Counter[tuple[str, str]] = Counter()
    for key, gold in labels.items():
        conf[(gold, CODE[appraise(records[key])["verdict"]])] += 1
    return sum(v for (g, p), v in conf.items() if g == p), conf


def main() -> None:
    docs = {pmid: record_from_tokens([[t for t, _ in s] for s in sents])
            for pmid, sents in conll_docs(DATA / "ebm-nlp-pico" / "test.txt")}
    docs.update(cohen_records({k for k in LABELS_R2 if ":" in k}))
    for label, labels in (("round-1 set (development)", LABELS_R1), ("round-2 set", LABELS_R2),
                          ("all", {**LABELS_R1, **LABELS_R2})):
        right, conf = score(labels, docs)
        print(f"{label}: verdict agreement with one reader {right}/{len(labels)} = {right / len(labels):.3f}")
        print("  (gold->predicted): " + ", ".join(f"{g}->{p} {v}" for (g, p), v in sorted(conf.items())))


if __name__ == "__main__":
    main()
