"""Stance of a claim against a cited abstract on SciFact *dev*: SUPPORT vs CONTRADICT, macro-F1.

Usage: .venv/bin/python bench/eval_check_stance.py

Also, when ../shared/data/healthfc is present: HealthFC (internal evaluation only; no text is printed or
kept), claims with the verdict Supported or Refuted (327), the question turned into a statement ("Can
masks reduce X?" -> "masks reduce X"), read against the fact-check's top evidence sentences; macro-F1.

Each dev claim with each cited abstract that carries a label (209 pairs: 138 SUPPORT, 71 CONTRADICT) goes
through ``physiohub.check.stance.stance`` (the shipped model, fitted on train by
bench/train_check_stance.py). Reported: macro-F1, per-class F1, accuracy, and the always-SUPPORT baseline,
beside the published abstract-level label F1 anchors (VeriSci 0.47, MultiVerS 0.72). Those anchors are
for the full task (retrieve the abstracts and also say NOT ENOUGH INFO); here the cited abstract is given
and the choice is between two labels, an easier task: the anchors bound the figure, they do not rank it.
"""
from __future__ import annotations

import csv
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main() -> int:
    from train_check_stance import DATA, pairs

    from physiohub.check.stance import CONTRADICTS, stance

    if not (DATA / "claims_dev.jsonl").exists():
        print(f"SciFact not found under {DATA}", file=sys.stderr)
        return 1
    rows = pairs("dev")
    t = time.perf_counter()
    pred = [int(stance(c, a).label == CONTRADICTS) for c, a, _ in rows]
    secs = time.perf_counter() - t
    gold = [y for *_, y in rows]
    tp_c = sum(p and g for p, g in zip(pred, gold))
    fp_c = sum(p and not g for p, g in zip(pred, gold))
    fn_c = sum(g and not p for p, g in zip(pred, gold))
    tp_s = sum((not p) and (not g) for p, g in zip(pred, gold))
    f_c, f_s = f1(tp_c, fp_c, fn_c), f1(tp_s, fn_c, fp_c)
    base = f1(sum(not g for g in gold), sum(gold), 0) / 2
    acc = sum(p == g for p, g in zip(pred, gold)) / len(gold)
    print(f"SciFact dev pairs {len(gold)} (contradict {sum(gold)}); macro-F1 {(f_c + f_s) / 2:.3f} "
          f"(support F1 {f_s:.3f}, contradict F1 {f_c:.3f}), accuracy {acc:.3f}; always-SUPPORT macro-F1 {base:.3f}; "
          f"anchors VeriSci 0.47, MultiVerS 0.72 (full task); {secs / len(gold) * 1000:.1f} ms a pair")
    healthfc()
    return 0


def _statement(question: str) -> str:
    q = question.strip().rstrip("?").strip()
    return re.sub(r"^(?:can|does|do|is|are|will|should|could|may|has|have)\s+", "", q, flags=re.I)


def healthfc() -> None:
    from physiohub.check.stance import CONTRADICTS, stance

    path = Path(__file__).resolve().parents[2] / "shared" / "data" / "healthfc" / "Datensatz.csv"
    if not path.exists():
        print("HealthFC not present: skipped")
        return
    with path.open(encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] in ("0", "2")]
    gold = [int(r["label"] == "2") for r in rows]
    pred = [int(stance(_statement(r["en_claim"]), r["en_top_sentences"]).label == CONTRADICTS) for r in rows]
    tp_c = sum(p and g for p, g in zip(pred, gold))
    fp_c = sum(p and not g for p, g in zip(pred, gold))
    fn_c = sum(g and not p for p, g in zip(pred, gold))
    tp_s = sum((not p) and (not g) for p, g in zip(pred, gold))
    f_c, f_s = f1(tp_c, fp_c, fn_c), f1(tp_s, fn_c, fp_c)
    base = f1(sum(not g for g in gold), sum(gold), 0) / 2
    print(f"HealthFC supported/refuted {len(gold)} (refuted {sum(gold)}); macro-F1 {(f_c + f_s) / 2:.3f} "
          f"(supported F1 {f_s:.3f}, refuted F1 {f_c:.3f}); always-Supported macro-F1 {base:.3f}")


if __name__ == "__main__":
    sys.exit(main())
