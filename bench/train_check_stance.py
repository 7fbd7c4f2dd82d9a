"""Fit the shipped stance model (physiohub/check/stance_model.json) on SciFact *train*.

Usage: .venv/bin/python bench/train_check_stance.py [--c 1.0] [--no-flips]

Pairs: each train claim with each cited abstract that carries a SUPPORT or CONTRADICT label (564 pairs:
370 / 194). Features: ``physiohub.check.stance.features``. Model: L2 logistic regression (scikit-learn, a
training-time dependency only) with balanced class weights.

Flipped pairs (``flipped_claims``): SciFact's contradicted claims were mostly written by negating or
turning round a supported one, so each train claim is also flipped here (its negation added or taken
away; or, without a negation, its direction words swapped: "increases" <-> "decreases") and paired with
the same abstract under the other label, weighted below the real pairs. Which weight (none included),
C, the claim cue words' scale (``cue_scale``), the decision threshold and the number of abstract sentences
read are chosen by 5-fold cross-validated
macro-F1 on train (three shuffles); the flipped copies of a held-out claim never train its fold. Dev is
never read here.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "scifact" / "original"

# Opposite direction words, each form written out (no guessing at inflections); read both ways.
_OPPOSITE_FORMS = [
    ("increase", "decrease"), ("increases", "decreases"), ("increased", "decreased"), ("increasing", "decreasing"),
    ("higher", "lower"), ("high", "low"), ("more", "less"), ("greater", "lower"), ("larger", "smaller"),
    ("positively", "negatively"), ("positive", "negative"), ("promotes", "inhibits"), ("promote", "inhibit"),
    ("promoted", "inhibited"), ("promoting", "inhibiting"), ("enhances", "impairs"), ("enhance", "impair"),
    ("enhanced", "impaired"), ("improves", "worsens"), ("improve", "worsen"), ("improved", "worsened"),
    ("activates", "inhibits"), ("activate", "inhibit"), ("activation", "inhibition"), ("upregulates", "downregulates"),
    ("up-regulates", "down-regulates"), ("upregulated", "downregulated"), ("upregulation", "downregulation"),
    ("raises", "lowers"), ("accelerates", "slows"), ("elevated", "reduced"), ("reduces", "increases"),
    ("reduce", "increase"), ("reduced", "increased"), ("reduction", "increase"), ("benefit", "harm"),
    ("beneficial", "harmful"), ("better", "worse"), ("longer", "shorter"), ("stimulates", "suppresses"),
    ("induces", "prevents"), ("gain", "loss"), ("rise", "fall"), ("above", "below"), ("before", "after"),
    ("efficient", "inefficient"), ("effective", "ineffective")]
_OPPOSITE: dict[str, str] = {}
for _a, _b in _OPPOSITE_FORMS:
    _OPPOSITE.setdefault(_a, _b)
    _OPPOSITE.setdefault(_b, _a)
_DO_NOT = re.compile(r"\b(does|do)\s+not\s+([a-z]+)", re.I)
_AUX_NOT = re.compile(r"\b(is|are|was|were|can|could|may|might|will|would|should|has|have)\s+not\b", re.I)
_CANNOT = re.compile(r"\bcannot\b", re.I)
_AUX = re.compile(r"\b(?:is|are|was|were|can|could|may|might|will|would|should|has|have)\b(?!\s+not\b)", re.I)
_NEGATED = re.compile(r"\b(?:not|cannot)\b|n't\b", re.I)


def _third_person(verb: str) -> str:
    if verb == "have":
        return "has"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _like(src: str, word: str) -> str:
    return word.capitalize() if src[:1].isupper() else word


def flip_direction(claim: str) -> str | None:
    """The claim with each direction word swapped for its opposite, or None when it has none."""
    n = 0

    def swap(m: re.Match[str]) -> str:
        nonlocal n
        other = _OPPOSITE.get(m.group(0).lower())
        if other is None:
            return m.group(0)
        n += 1
        return _like(m.group(0), other)
    out = re.sub(r"[A-Za-z][A-Za-z\-]*", swap, claim)
    return out if n else None


def flip_negation(claim: str) -> str | None:
    """The claim with its negation taken away ("does not improve" -> "improves", "is not" -> "is",
    "cannot" -> "can"), or one added after its first auxiliary ("is linked" -> "is not linked"); None when
    neither is safe (no auxiliary to negate, a past "did not" whose verb form is unknown)."""
    m = _DO_NOT.search(claim)
    if m:
        verb = m.group(2)
        new = _third_person(verb) if m.group(1).lower() == "does" else verb
        return claim[:m.start()] + _like(m.group(1), new) + claim[m.end():]
    if _AUX_NOT.search(claim):
        return _AUX_NOT.sub(lambda x: x.group(1), claim, count=1)
    if _CANNOT.search(claim):
        return _CANNOT.sub(lambda x: _like(x.group(0), "can"), claim, count=1)
    if _NEGATED.search(claim):
        return None
    m = _AUX.search(claim)
    return claim[:m.end()] + " not" + claim[m.end():] if m else None


def flipped_claims(claim: str) -> list[str]:
    """Claims saying the opposite of ``claim``: its negation flipped, and, for a claim without a negation,
    its direction words swapped ("Exercise does not *worsen*" would not be the opposite of "does not
    improve", so a negated claim only loses its negation)."""
    out = [flip_negation(claim)]
    if not _NEGATED.search(claim):
        out.append(flip_direction(claim))
    return [c for c in out if c and c != claim]


def pairs(split: str, data: Path = DATA) -> list[tuple[str, list[str], int]]:
    """(claim, abstract sentences, 1 if CONTRADICT else 0) for every labelled (claim, cited abstract)."""
    corpus = {}
    with (data / "corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            corpus[str(d["doc_id"])] = d["abstract"]
    out = []
    with (data / f"claims_{split}.jsonl").open(encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            for doc, evs in (c.get("evidence") or {}).items():
                if doc in corpus:
                    out.append((c["claim"], corpus[doc], int(evs[0]["label"] == "CONTRADICT")))
    return out


def matrix(rows, k: int = 1, k_align: int = 3):
    from physiohub.check.stance import features

    return np.array([features(c, a, k, k_align)[0] for c, a, _ in rows]), np.array([y for *_, y in rows])


def flipped_matrix(rows, k: int = 1, k_align: int = 3):
    """Features, labels and source row of every flipped copy of ``rows``."""
    from physiohub.check.stance import features

    xs, ys, src = [], [], []
    for i, (c, a, y) in enumerate(rows):
        for f in flipped_claims(c):
            xs.append(features(f, a, k, k_align)[0])
            ys.append(1 - y)
            src.append(i)
    return np.array(xs), np.array(ys), np.array(src)


def cue_scale(features: list[str], scale: float) -> np.ndarray:
    """Column multipliers that shrink the claim's cue-word columns (``cw_*``): with one C for all columns, a
    smaller column is a stronger prior that the word alone says little (those words are SciFact's own
    writing habits); the fitted weights are multiplied back, so the shipped model reads raw features."""
    return np.array([scale if f.startswith("cw_") else 1.0 for f in features])


def cross_validate(X, y, flips, weight: float, c: float, seeds: int = 3) -> np.ndarray:
    """Out-of-fold probabilities of "contradicts", (seeds, pairs); flipped copies train only the folds
    their source claim trains."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    Xf, yf, src = flips
    probs = np.zeros((seeds, len(y)))
    for seed in range(seeds):
        for tr, te in StratifiedKFold(5, shuffle=True, random_state=seed).split(X, y):
            keep = np.isin(src, tr) if weight > 0 else np.zeros(len(src), dtype=bool)
            m = LogisticRegression(C=c, class_weight="balanced", fit_intercept=False, max_iter=3000).fit(
                np.vstack([X[tr], Xf[keep]]), np.concatenate([y[tr], yf[keep]]),
                sample_weight=np.concatenate([np.ones(len(tr)), np.full(int(keep.sum()), weight)]))
            probs[seed, te] = m.predict_proba(X[te])[:, 1]
    return probs


def main() -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    from physiohub.check.stance import FEATURES, MODEL_PATH

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c", type=float, default=None)
    ap.add_argument("--no-flips", action="store_true", help="real pairs only")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    if not (DATA / "claims_train.jsonl").exists():
        print(f"SciFact not found under {DATA}", file=sys.stderr)
        return 1
    rows = pairs("train")
    best = None
    mats = {}
    for k in (1, 2):                # sentences read for the polarity features
        for k_align in (3, 4):      # and for the alignment ones
            X0, y = matrix(rows, k, k_align)
            flips0 = flipped_matrix(rows, k, k_align)
            mats[k, k_align] = (X0, y, flips0)
            for scale in (1.0, 0.5):
                sc = cue_scale(list(FEATURES), scale)
                X, flips = X0 * sc, (flips0[0] * sc, flips0[1], flips0[2])
                for weight in ([0.0] if args.no_flips else [0.0, 0.1, 0.25]):
                    for c in ([args.c] if args.c else [0.3, 1.0, 3.0, 10.0]):
                        probs = cross_validate(X, y, flips, weight, c)
                        for thr in np.arange(0.35, 0.76, 0.05):
                            f1 = float(np.mean([f1_score(y, probs[s] >= thr, average="macro") for s in range(3)]))
                            if best is None or f1 > best[0]:
                                best = (f1, c, float(thr), k, k_align, weight, scale)
    f1, c, thr, k, k_align, weight, scale = best
    X, y, (Xf, yf, _) = mats[k, k_align]
    if weight <= 0:
        Xf, yf = Xf[:0], yf[:0]
    sc = cue_scale(list(FEATURES), scale)
    m = LogisticRegression(C=c, class_weight="balanced", fit_intercept=False, max_iter=3000).fit(
        np.vstack([X, Xf]) * sc, np.concatenate([y, yf]),
        sample_weight=np.concatenate([np.ones(len(y)), np.full(len(yf), weight)]))
    args.out.write_text(json.dumps({"features": list(FEATURES), "weights": [round(float(w), 6) for w in m.coef_[0] * sc],
                                    "threshold": round(thr, 3), "C": c, "k": k, "k_align": k_align,
                                    "flipped_weight": weight, "flipped_pairs": int(len(yf)), "cue_scale": scale,
                                    "cv_macro_f1_train": round(f1, 4),
                                    "trained_on": "SciFact train: claim + cited abstract, SUPPORT vs CONTRADICT"},
                                   indent=1) + "\n", encoding="utf-8")
    print(f"train pairs {len(y)} (contradict {int(y.sum())}), flipped pairs {len(yf)} at weight {weight}; "
          f"3x5-fold macro-F1 {f1:.3f} at k={k}, k_align={k_align}, C={c}, cue scale {scale}, threshold {thr:.2f}; "
          f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
