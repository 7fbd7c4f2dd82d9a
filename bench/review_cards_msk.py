"""The 15-card hand review of issue 12: real MSK abstracts beside their cards, for scoring by eye.

    .venv/bin/python bench/review_cards_msk.py [--out FILE.md] [--json FILE.json]

The sample is fixed by id (no text is kept here): ten trial abstracts from
``../shared/data/evidence-inference`` and five records from ``../shared/data/cohen2006-drug-class-reviews``,
chosen for variety (exercise, manual therapy, injections, drugs, surgery; positive, null, mixed and
review results) and none of them a verdict-gold item. Each is imported with ``physiohub import`` into a
temporary hub (a JSON-lines file: title and abstract, sections as ``LABEL: text`` lines, no publication
types) and printed as its abstract followed by its card. Run it on an older checkout (``PYTHONPATH``)
to get the "before" cards of the same abstracts. Scores live in docs/cards-review.md.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

EI_IDS = ["PMC5976899", "PMC5789501", "PMC4644318", "PMC102323", "PMC1915612", "PMC3751568",
          "PMC5988794", "PMC3626227", "PMC5569270", "PMC3961245"]
COHEN_IDS = [("Opiods", "10101629"), ("Opiods", "10743823"), ("Opiods", "11242378"),
             ("NSAIDS", "12768466"), ("NSAIDS", "11754710")]


def items() -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    with gzip.open(DATA / "evidence-inference" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        arts = {a["pmcid"]: a for a in map(json.loads, fh) if a["pmcid"] in EI_IDS}
    for pmcid in EI_IDS:
        a = arts[pmcid]
        text = "\n".join(f"{s['label']}: {s['text']}" if s.get("label") else s["text"]
                         for s in a["abstract_sections"])
        out.append({"_id": f"ei-{pmcid}", "title": " ".join(a["title"].split()), "text": text})
    for fname, pmid in COHEN_IDS:
        with (DATA / "cohen2006-drug-class-reviews" / f"{fname}.raw.csv").open(encoding="utf-8") as fh:
            row = next(r for r in csv.DictReader(fh) if r["pubmedID"] == pmid)
        out.append({"_id": f"pmid-{pmid}", "title": row["title"], "text": row["abstracts"]})
    return out


def cards(extra: list[dict[str, str]] | None = None) -> list[dict[str, Any]]:
    from physiohub.store import Store
    from physiohub.studies import get_study, iter_ids

    docs = items() + (extra or [])
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "review.jsonl"
        src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        db = Path(tmp) / "review.db"
        subprocess.run([sys.executable, "-m", "physiohub.cli", "import", "-q", "--db", str(db), str(src)],
                       check=True)
        store = Store(str(db))
        rows = []
        for i in iter_ids(store):
            st = get_study(store, i)
            rows.append({"id": st["record"].source_id, "title": st["record"].title,
                         "abstract": st["record"].abstract, "appraisal": st.get("appraisal") or {},
                         "card": ((st.get("card") or {}).get("data")) or {}})
        order = {d["_id"]: n for n, d in enumerate(docs)}
        return sorted(rows, key=lambda r: order.get(r["id"], 99))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="Markdown: abstracts beside cards")
    ap.add_argument("--json", type=Path, help="the cards as JSON")
    ap.add_argument("--extra", type=Path, help="JSON lines (_id, title, text) to add, e.g. the seed paper")
    args = ap.parse_args()
    extra = [json.loads(x) for x in args.extra.read_text().splitlines() if x.strip()] if args.extra else None
    rows = cards(extra)
    from physiohub.cards.render import to_markdown
    md = []
    for r in rows:
        ap_ = r["appraisal"]
        md.append(f"\n{'=' * 90}\n## {r['id']} · {ap_.get('design')} · {ap_.get('evidence')} · {ap_.get('verdict')}\n")
        md.append("### Abstract\n\n" + (r["title"] or "") + "\n\n" + r["abstract"])
        md.append("\n### Card\n\n" + (to_markdown(r["card"]) if r["card"] else "(no card)"))
    if args.out:
        args.out.write_text("\n".join(md), encoding="utf-8")
    else:
        print("\n".join(md))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
