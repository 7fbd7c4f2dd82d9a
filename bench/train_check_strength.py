"""Train the shipped claim-strength model (physiohub/check/strength_model.json).

Usage: .venv/bin/python bench/train_check_strength.py [--c 0.3]
Reads ../shared/data/causal-language-exaggeration; the split and model selection are documented in
physiohub/check/strength_train.py (training parts only; the held-out parts are for eval_check_strength.py).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "causal-language-exaggeration"


def main() -> int:
    from physiohub.check.strength import MODEL_PATH
    from physiohub.check.strength_train import train

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--c", type=float, default=None, help="skip the cross-validated choice of C")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    if not args.data.is_dir():
        print(f"dataset folder not found: {args.data}", file=sys.stderr)
        return 1
    train(args.data, args.out, c=args.c)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
