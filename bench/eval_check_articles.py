"""Claim detection on the invented article fixtures (tests/fixtures/check): precision and recall.

Usage: .venv/bin/python bench/eval_check_articles.py

Each fixture's ``.expected.json`` lists every research claim in the article (by a phrase it contains),
with year, design and cited DOIs/PMIDs, and every reference. A detected claim is a true positive when
it contains an expected phrase. The held-out set (tests/fixtures/check/heldout) was written after the
rules were frozen and is reported separately. Also reported: year, design and names-source accuracy over the found
claims, cited-identifier recall, and reference recall. The development articles were written alongside
the rules, so their figures show the rules do what they say; the held-out ones say how they generalise.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HERE = REPO / "tests" / "fixtures" / "check"


def evaluate(folder: Path, label: str) -> None:
    from physiohub.check import check_article
    from physiohub.store import Store

    tp = fp = fn = 0
    year_ok = design_ok = source_ok = found_n = 0
    ids_want = ids_got = refs_want = refs_got = 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "empty.db")
        for exp_path in sorted(folder.glob("*.expected.json")):
            exp = json.loads(exp_path.read_text(encoding="utf-8"))
            stem = exp_path.name[: -len(".expected.json")]
            art = next(p for p in folder.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".json"))
            res = check_article(store, art.read_text(encoding="utf-8"), html=exp["html"])
            claims, refs = res["claims"], res["references"]
            matched = set()
            a_tp = 0
            for e in exp["claims"]:
                hit = next((i for i, c in enumerate(claims) if e["contains"] in c["text"]), None)
                if hit is None:
                    fn += 1
                    continue
                a_tp += 1
                matched.add(hit)
                c = claims[hit]
                found_n += 1
                year_ok += c["year"] == e["year"]
                design_ok += c["design"] == e["design"]
                source_ok += c["names_source"] == e["names_source"]
                cited = [refs[i] for i in c["references"]]
                want = set(e["dois"]) | set(e.get("pmids", []))
                ids_want += len(want)
                ids_got += len(want & ({r["doi"] for r in cited} | {r["pmid"] for r in cited}))
            tp += a_tp
            a_fp = len(claims) - len(matched)
            fp += a_fp
            for e in exp["references"]:
                refs_want += 1
                refs_got += any((not e.get("doi") or r["doi"] == e["doi"]) and (not e.get("pmid") or r["pmid"] == e["pmid"])
                                and (not e.get("authors") or e["authors"] in r["authors"]) for r in refs)
            rows.append((art.name, exp["style"].split(",")[0], len(exp["claims"]), a_tp, a_fp))
        store.close()
    print(f"\n### {label}\n")
    print("| article | style | expected claims | found | false alarms |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"\nclaim detection: precision {p:.3f}, recall {r:.3f} ({tp} found, {fp} false alarms, {fn} missed)")
    print(f"on found claims: year {year_ok}/{found_n}, design {design_ok}/{found_n}, names-source {source_ok}/{found_n}; "
          f"cited DOIs/PMIDs linked {ids_got}/{ids_want}; references parsed {refs_got}/{refs_want}")


def main() -> int:
    evaluate(HERE, "development articles (rules written against these)")
    evaluate(HERE / "heldout", "held-out articles (written after the rules were frozen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
