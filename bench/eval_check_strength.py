"""Claim strength on the held-out parts of causal-language-exaggeration (accuracy, macro F1).

Usage: .venv/bin/python bench/eval_check_strength.py
Evaluates the shipped model (physiohub/check/strength_model.json) on the 20% held-out part of each set
(seeded grouped stratified split, physiohub/check/strength_train.py), beside the published BioBERT
figures (5-fold cross-validation, junwang4/correlation-to-causation-exaggeration README).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "causal-language-exaggeration"
PUBLISHED = {"pubmed": (0.895, 0.878), "eureka": (0.890, 0.892)}  # (accuracy, macro F1), BioBERT 5-fold CV


def main() -> int:
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    from physiohub.check.strength import LABELS, claim_strength, load_model
    from physiohub.check.strength_train import SETS, make_split

    if not DATA.is_dir():
        print(f"dataset folder not found: {DATA}", file=sys.stderr)
        return 1
    model = load_model()
    print(f"model {model.version}")
    print("| set | held-out sentences | accuracy | macro F1 | published accuracy | published macro F1 | F1 ratio |")
    print("|---|---|---|---|---|---|---|")
    for name in SETS:
        s = make_split(DATA, name)
        x = [s.sentences[i] for i in s.test]
        y = s.labels[s.test]
        t = time.perf_counter()
        pred = model.predict_ids(x)
        dt = time.perf_counter() - t
        acc, f1 = accuracy_score(y, pred), f1_score(y, pred, average="macro")
        pa, pf = PUBLISHED[name]
        print(f"| {name} | {len(x)} | {acc:.3f} | {f1:.3f} | {pa:.3f} | {pf:.3f} | {f1 / pf:.2f} |")
        per = f1_score(y, pred, average=None)
        print("   per-class F1: " + ", ".join(f"{LABELS[i]} {v:.3f}" for i, v in enumerate(per))
              + f"; {len(x) / dt:.0f} sentences/s")
        print("   confusion (rows true 0-3):", confusion_matrix(y, pred).tolist())
        hyb = [LABELS.index(lab) for lab in claim_strength(x)]
        print(f"   classifier + effect-verb lexicon (what check_article uses): accuracy {accuracy_score(y, hyb):.3f},"
              f" macro F1 {f1_score(y, hyb, average='macro'):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
