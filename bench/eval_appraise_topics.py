"""Topic check on drug trials: ../shared/data/cohen2006-drug-class-reviews (NSAIDs, opioids, skeletal
muscle relaxants). Every record the review authors included at abstract screening (label1 = I) studies a
medicine, so "Medication & Injections" should be its primary topic. A recall check for one topic, not a
full topic benchmark (no topic-labelled data exists). Two runs: text only (title + abstract), and with
the MeSH headings of the `keywords` column.
Usage: .venv/bin/python bench/eval_appraise_topics.py
"""
from __future__ import annotations

import csv
from collections import Counter

from appraise_data import DATA
from physiohub.appraise import appraise
from physiohub.models import AbstractSection, MeshHeading, Record

FILES = ("NSAIDS", "Opiods", "SkeletalMuscleRelaxants")


def included() -> list[tuple[Record, Record]]:
    out = []
    for name in FILES:
        with open(DATA / "cohen2006-drug-class-reviews" / f"{name}.raw.csv", newline="", encoding="utf-8",
                  errors="replace") as f:
            for row in csv.DictReader(f):
                if row["label1"] != "I":
                    continue
                paras = [AbstractSection(p.strip()) for p in row["abstracts"].split("; ") if p.strip()]
                bare = Record(source_format="csv", source_id=row["pubmedID"], title=row["title"], abstract_sections=paras)
                mesh = [MeshHeading(m.strip()) for m in row["keywords"].split(";") if m.strip()]
                out.append((bare, Record(source_format="csv", source_id=row["pubmedID"], title=row["title"],
                                         abstract_sections=paras, mesh=mesh)))
    return out


def main() -> None:
    recs = included()
    for label, idx in (("text only", 0), ("with MeSH", 1)):
        primary = anywhere = 0
        firsts: Counter[str] = Counter()
        for pair in recs:
            topics = appraise(pair[idx])["topics"]
            primary += bool(topics) and topics[0] == "Medication & Injections"
            anywhere += "Medication & Injections" in topics
            firsts[topics[0] if topics else "(none)"] += 1
        n = len(recs)
        print(f"{label}: n={n} 'Medication & Injections' primary {primary / n:.3f}, among topics {anywhere / n:.3f}")
        print("  primary topics: " + ", ".join(f"{k} {v}" for k, v in firsts.most_common(6)))


if __name__ == "__main__":
    main()
