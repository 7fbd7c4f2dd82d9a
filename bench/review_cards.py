"""Editor's review sample: cards printed in Markdown beside their abstracts, for reading by eye.

    .venv/bin/python bench/review_cards.py [--per N] [--out FILE.md]

Builds a temporary hub with ``physiohub import`` from a varied sample of the shared data (dev/val
splits only; nothing is written to the repo): RCT and review abstracts from cohen2006-drug-class-reviews
(CSV, chosen by their wording), records from pubmed-xml/nlm_pubmedsample_2019.xml with long abstracts,
Cochrane abstracts from cochrane-pls-devaraj2021 val.source and abstracts rebuilt from the tokens of
ebm-nlp-pico dev.txt (the last two written to a temporary JSONL file first). Each study is then shown as
its abstract followed by the card in Markdown, with the upshot answer's reading grade, so an evidence
editor can judge the cards against the reference card's shape.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

from physiohub.cards.readability import grade  # noqa: E402
from physiohub.cards.render import to_markdown  # noqa: E402
from physiohub.store import Store  # noqa: E402
from physiohub.studies import get_study, iter_ids  # noqa: E402

_RCT_OR_REVIEW = re.compile(r"\b(randomi[sz]ed|meta-analys[ie]s|systematic review)\b", re.I)


def cohen_rows(n: int) -> list[dict[str, str]]:
    """RCT and review abstracts spread over the three drug-class files."""
    out: list[dict[str, str]] = []
    files = sorted((DATA / "cohen2006-drug-class-reviews").glob("*.csv"))
    for f in files:
        with f.open(newline="", encoding="utf-8") as fh:
            rows = [r for r in csv.DictReader(fh) if len(r.get("abstracts") or "") > 600
                    and _RCT_OR_REVIEW.search(r["abstracts"])]
        out += rows[: -(-n // len(files))]
    return out[:n]


def ebm_docs(n: int) -> list[dict[str, str]]:
    """Abstracts rebuilt from ebm-nlp-pico dev.txt (one token per line, -DOCSTART- between documents)."""
    docs: list[dict[str, str]] = []
    cur: list[str] = []
    pmid = ""
    for line in (DATA / "ebm-nlp-pico" / "dev.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if cur:
                docs.append({"pmid": pmid, "text": " ".join(cur)})
            cur, pmid = [], re.sub(r"\D", "", line)
        elif line.strip():
            cur.append(line.split()[0])
    if cur:
        docs.append({"pmid": pmid, "text": " ".join(cur)})
    out = []
    for d in docs:
        text = re.sub(r"\s+([.,;:)%])", r"\1", re.sub(r"\(\s+", "(", d["text"]))
        first = re.split(r"(?<=\.)\s", text, maxsplit=1)
        if len(first) == 2 and len(first[1]) > 600:
            out.append({"source_id": f"ebm-nlp-{d['pmid']}", "title": first[0], "abstract": first[1]})
        if len(out) >= n:
            break
    return out


def build(tmp: Path, per: int) -> Path:
    db = tmp / "review.db"
    csv_path = tmp / "cohen.csv"
    rows = cohen_rows(per)
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    lines = []
    src = (DATA / "cochrane-pls-devaraj2021" / "val.source").read_text(encoding="utf-8").splitlines()
    dois = (DATA / "cochrane-pls-devaraj2021" / "val.doi").read_text(encoding="utf-8").splitlines()
    step = max(1, len(src) // per)
    for i in range(0, step * per, step):
        lines.append({"source_id": f"cochrane-val-{dois[i].strip()}", "title": "", "abstract": src[i]})
    lines += ebm_docs(max(1, per // 2))
    jsonl = tmp / "abstracts.jsonl"
    jsonl.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    exe = [sys.executable, "-m", "physiohub.cli"] if not (REPO / ".venv" / "bin" / "physiohub").exists() \
        else [str(REPO / ".venv" / "bin" / "physiohub")]
    for path in (csv_path, DATA / "pubmed-xml" / "nlm_pubmedsample_2019.xml", jsonl):
        subprocess.run(exe + ["import", "-q", "--db", str(db), str(path)], check=True)
    return db


def pick(store: Store, per: int) -> list[int]:
    """All CSV/JSONL studies, and ``per`` PubMed ones with long abstracts, spread over the file."""
    ids = list(iter_ids(store))
    pubmed = [i for i in ids if store.query_one("SELECT source_format FROM studies WHERE id = ?", (i,))[0] == "pubmed-xml"]
    long_pm = [i for i in pubmed if len(get_study(store, i)["record"].abstract) >= 400]
    step = max(1, len(long_pm) // per)
    return [i for i in ids if i not in pubmed] + long_pm[::step][:per]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per", type=int, default=10, help="studies per source (ebm-nlp: half)")
    ap.add_argument("--out", type=Path, help="write the review here instead of stdout")
    args = ap.parse_args()
    out: list[str] = []
    grades = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(build(Path(tmp), args.per)))
        for i in pick(store, args.per):
            st = get_study(store, i)
            card = (st.get("card") or {}).get("data")
            if not card:
                continue
            ans = (card.get("upshot") or {}).get("answer", "")
            grades.append(grade(ans))
            ap_ = st.get("appraisal") or {}
            out.append(f"\n{'=' * 100}\n## study {i} · {st['record'].source_format} {st['record'].source_id}"
                       f" · {ap_.get('design')} · {ap_.get('evidence')} · {ap_.get('verdict')}\n")
            out.append("### Abstract\n\n" + (st["record"].title or "(no title)") + "\n\n" + st["record"].abstract)
            out.append(f"\n### Card (upshot answer grade {grade(ans):.1f})\n\n" + to_markdown(card))
    out.append(f"\n{len(grades)} cards; mean upshot answer grade {sum(grades) / max(1, len(grades)):.2f}")
    text = "\n".join(out)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)


if __name__ == "__main__":
    main()
