"""Precision and recall of `physiohub check`'s claims over the claim model's threshold, on real-page dev sets.

Usage: .venv/bin/python bench/threshold_curve_check_claims.py dev40 dev41 [...]

Raising the threshold only drops claims that the model alone took (cue "the claim model (probability p)"), so one
run of the checker at the shipped threshold gives the whole curve above it: for each threshold, the claims kept, the
gold claims they find and the false alarms. Choose on sets the model was not trained on, with rule decisions that were
not written on them either: for sets read since, check out the commit from before they were read (`git worktree add`)
and run this file there with its fixtures copied in (session 19 did so for dev35-dev39 at 61c9ec6). The shipped
threshold must be at or below the lowest one printed.
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from physiohub.check import check_article  # noqa: E402
from physiohub.check.evaluate import gold_articles  # noqa: E402
from physiohub.store import Store  # noqa: E402

REAL = ROOT / "tests" / "fixtures" / "check" / "real"
THRESHOLDS = (0.55, 0.60, 0.65, 0.70, 0.75, 0.80)
_MODEL_CUE = re.compile(r"claim model \(probability ([\d.]+)\)")


def _contains(gold: str, text: str) -> bool:
    return gold in text or " ".join(gold.split()) in " ".join(text.split())


def curve(sets: list[str]) -> list[str]:
    rows: list[tuple[float | None, bool, bool]] = []   # (model probability or None for a rule claim, finds a new gold claim, finds any)
    n_gold = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "curve.db")
        for name in sets:
            for _stem, gold, path in gold_articles(REAL / name):
                result = check_article(store, path.read_text(encoding="utf-8"), html=gold["html"])
                n_gold += len(gold["claims"])
                matched: set[int] = set()
                for c in result["claims"]:
                    m = _MODEL_CUE.search(c["cue"] or "")
                    hit = [k for k, g in enumerate(gold["claims"]) if _contains(g["contains"], c["text"])]
                    rows.append((float(m.group(1)) if m else None, any(k not in matched for k in hit), bool(hit)))
                    matched.update(hit)
    out = []
    for th in THRESHOLDS:
        kept = [r for r in rows if r[0] is None or r[0] >= th]
        found = sum(r[1] for r in kept)
        false = sum(not r[2] for r in kept)
        p = found / (found + false) if found + false else 0.0
        r = found / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out.append(f"threshold {th:.2f}: found {found}/{n_gold}, {false} false alarms, P {p:.3f} R {r:.3f} F1 {f1:.3f} "
                   f"lower of P and R {min(p, r):.3f}")
    return out


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print("\n".join(curve(sys.argv[1:])))
