"""Scope judgement (physiohub/appraise/scope.py): precision and recall of "in scope for MSK physiotherapy".

    PYTHONPATH=. .venv/bin/python bench/eval_appraise_scope.py [--split dev|test|both] [--errors]

Labels (internal evaluation only; no third-party text is kept here):
- ``../shared/data/pedro-msk-trials``: every PEDro trial is in scope (PEDro indexes physiotherapy trials;
  these are its low back, knee, neck, shoulder and ankle trials). Titles only, no abstracts. Rows with
  index % 10 == 0 are dev, == 5 test (duplicate titles counted once).
- ``bench/scope_labels.csv``: ids with a label (in / out / unsure) and a short reason in our own words,
  assigned by reading titles (and abstracts where the title was not enough) of the shared PubMed XML
  files (all 742 records), SciFact (every abstract whose title or text has MSK words, 141, plus a random
  150 of the rest, seed 15) and the verdict-gold dev items not already in SciFact or PubMed. A ``*`` row
  gives the label of every record of that source not listed. "unsure" items are left out of the figures.
- Split for the labelled sources: crc32(id) % 2 == 0 dev, else test. Rules were written looking at dev
  errors only; test is for the reported figure.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import time
import zlib
from pathlib import Path

from physiohub.appraise.doc import make_doc
from physiohub.appraise.design import classify_design
from physiohub.appraise.scope import judge_scope
from physiohub.ingest import read_path
from physiohub.models import AbstractSection, Record

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"
# The regex that picked the SciFact abstracts read one by one (the rest were sampled at random).
_SF_MSK = re.compile(r"osteoarth|arthrit|musculoskel|back pain|neck pain|knee|hip fract|fractur|tendin|tendon|ligament|"
                     r"menisc|shoulder|sciatica|fibromyalg|physiotherap|physical therap|rehabilit|exercise|sprain|spine|"
                     r"spinal|lumbar|joint pain|osteopor|sarcopen|muscle strength|falls", re.I)


def labels() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    with (HERE / "scope_labels.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["source"], {})[row["id"]] = row["label"]
    return out


def _split(key: str) -> str:
    return "dev" if zlib.crc32(key.encode()) % 2 == 0 else "test"


def items() -> list[tuple[str, str, str, Record]]:
    """(source, id, label, record) with split decided later."""
    lab = labels()
    out: list[tuple[str, str, str, Record]] = []
    pm = lab["pubmed-xml"]
    for path in sorted((DATA / "pubmed-xml").glob("*.xml")):
        for r in read_path(path):
            if isinstance(r, Record):
                key = r.pmid or r.source_id
                out.append(("pubmed-xml", key, pm.get(key, pm["*"]), r))
    sf = lab["scifact"]
    docs = [json.loads(line) for line in gzip.open(DATA / "scifact" / "beir" / "corpus.derived.jsonl.gz", "rt",
                                                   encoding="utf-8")]
    read = [d for d in docs if _SF_MSK.search(d["title"]) or len(_SF_MSK.findall(d["text"])) >= 3]
    rest = [d for d in docs if d not in read]
    random.Random(15).shuffle(rest)
    for d in read + rest[:150]:
        if d in read and d["_id"] not in sf:
            continue  # picked by the regex but not labelled: not read closely enough to count
        r = Record(source_format="jsonl", source_id=d["_id"], title=d["title"],
                   abstract_sections=[AbstractSection(d["text"])])
        out.append(("scifact", d["_id"], sf.get(d["_id"], sf["*"]), r))
    vg = lab["verdict-gold"]
    for line in (DATA / "verdict-gold" / "dev.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["id"] in vg:
            paras = [AbstractSection(p) for p in d["abstract"].split("\n") if p.strip()]
            out.append(("verdict-gold", d["id"], vg[d["id"]],
                        Record(source_format="jsonl", source_id=d["id"], title=d["title"], abstract_sections=paras)))
    return out


def pedro(split: str) -> list[tuple[str, str, str, Record]]:
    out, seen = [], set()
    with (DATA / "pedro-msk-trials" / "pedro_msk_trials.csv").open(encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i % 10 != (0 if split == "dev" else 5):
                continue
            title = re.sub(r"\s*\[with consumer summary\]\s*$", "", row["title"]).strip()
            if title.lower() in seen:
                continue
            seen.add(title.lower())
            out.append(("pedro", f"row{i}", "in", Record(source_format="csv", source_id=f"row{i}", title=title)))
    return out


def judge(r: Record) -> dict:
    doc = make_doc(r)
    design, _ = classify_design(doc)
    return judge_scope(doc, design)


def evaluate(split: str, show_errors: bool) -> None:
    rows = [it for it in items() if _split(f"{it[0]}:{it[1]}") == split] + pedro(split)
    tp = fp = fn = tn = 0
    per: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    errors = []
    for source, key, label, rec in rows:
        if label == "unsure":
            continue
        got = judge(rec)
        pred = got["in_scope"]
        gold = label == "in"
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
        tn += not pred and not gold
        c = per.setdefault(source, [0, 0, 0, 0])
        c[0] += pred and gold
        c[1] += pred and not gold
        c[2] += gold and not pred
        c[3] += not pred and not gold
        if pred != gold:
            errors.append((source, key, label, rec.title[:100], got["scope_reasons"]))
    ms = (time.perf_counter() - t0) * 1000 / max(1, tp + fp + fn + tn)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"[{split}] n={tp + fp + fn + tn} (in {tp + fn}, out {fp + tn}; unsure left out) "
          f"precision {p:.3f} recall {r:.3f} F1 {f:.3f}  (tp {tp} fp {fp} fn {fn} tn {tn}; {ms:.2f} ms/record incl. design)")
    for source, (a, b, c, d) in sorted(per.items()):
        print(f"   {source:13s} in-scope found {a}/{a + c}, out-of-scope wrongly in {b}/{b + d}")
    if show_errors:
        for e in errors:
            print("   ERR", *e)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "test", "both"), default="both")
    ap.add_argument("--errors", action="store_true", help="list the misjudged ids (dev only: do not tune on test)")
    args = ap.parse_args()
    for split in (("dev", "test") if args.split == "both" else (args.split,)):
        evaluate(split, args.errors and split == "dev")


if __name__ == "__main__":
    main()
