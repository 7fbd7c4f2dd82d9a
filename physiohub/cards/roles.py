"""Sentence roles for unstructured abstracts: background, population, intervention, outcome,
study design, other (the NICTA-PIBOSO label set, Kim et al. 2011).

Why this shape: the best published taggers are neural sequence models (Dernoncourt et al. 2017,
Jin & Szolovits 2018). We need something that loads in milliseconds with no model service, so this is
a linear model (logistic regression on TF-IDF) whose features carry the sequence signal the neural
models learn: the sentence's relative position in the abstract and the words of its neighbours.

The fitted model ships as ``roles.joblib``: plain lists and float32 arrays only (no pickled sklearn
objects, so it survives scikit-learn upgrades), read once on first use. Inference is pure numpy.
Rebuild with ``python -m physiohub.cards.roles train PIBOSO_DIR`` (fits on train_clean.txt, picks C
on dev_clean.txt, never looks at test).
"""
from __future__ import annotations

import math
import re
import sys
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).with_name("roles.joblib")
LABELS = ("background", "intervention", "other", "outcome", "population", "study design")

_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[%<>=±]")
_lock = threading.Lock()
_model: dict[str, Any] | None = None


def _words(text: str) -> list[str]:
    # Digits collapse to one shape token: "24 participants" and "310 participants" look alike.
    return [("<num>" if t[0].isdigit() else t) for t in _TOKEN.findall(text.lower())]


def features(sentences: Sequence[str], i: int) -> list[str]:
    """Feature strings for sentence i of an abstract (its words, bigrams, position, neighbours)."""
    n = len(sentences)
    w = _words(sentences[i])
    feats = list(w)
    feats += [f"{a}_{b}" for a, b in zip(w, w[1:])]
    feats += [f"first3:{t}" for t in w[:3]]
    pos = int(10 * i / max(n, 1))
    feats += [f"pos:{pos}", f"idx:{min(i, 4)}", f"ridx:{min(n - 1 - i, 4)}", f"len:{min(len(w) // 8, 6)}"]
    for off, tag in ((-1, "prev"), (1, "next")):
        j = i + off
        if 0 <= j < n:
            feats += [f"{tag}:{t}" for t in set(_words(sentences[j]))]
        else:
            feats.append(f"{tag}:<none>")
    return feats


def read_piboso(path: Path) -> list[tuple[list[str], list[str]]]:
    """Abstracts of a NICTA-PIBOSO *_clean.txt file as (labels, sentences)."""
    docs: list[tuple[list[str], list[str]]] = []
    labels: list[str] = []
    sents: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("###"):
            if sents:
                docs.append((labels, sents))
            labels, sents = [], []
        elif "\t" in line:
            lab, text = line.split("\t", 1)
            labels.append(lab)
            sents.append(text)
    if sents:
        docs.append((labels, sents))
    return docs


def _xy(docs: list[tuple[list[str], list[str]]]) -> tuple[list[list[str]], list[str]]:
    X, y = [], []
    for labels, sents in docs:
        for i, lab in enumerate(labels):
            X.append(features(sents, i))
            y.append(lab)
    return X, y


def _identity(x: list[str]) -> list[str]:
    return x


def train(data_dir: Path, out: Path = MODEL_PATH) -> dict[str, Any]:
    """Fit on train, choose C on dev by weighted F1, save the compact model; returns a report."""
    import joblib
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    Xtr, ytr = _xy(read_piboso(data_dir / "train_clean.txt"))
    Xdev, ydev = _xy(read_piboso(data_dir / "dev_clean.txt"))
    vec = TfidfVectorizer(analyzer=_identity, min_df=2, sublinear_tf=True)
    Mtr = vec.fit_transform(Xtr)
    Mdev = vec.transform(Xdev)
    best: tuple[float, float, Any] = (-1.0, 0.0, None)
    tried = {}
    for C in (3.0, 10.0, 30.0, 100.0, 300.0):
        clf = LogisticRegression(C=C, max_iter=3000)
        clf.fit(Mtr, ytr)
        f1 = f1_score(ydev, clf.predict(Mdev), average="weighted")
        tried[C] = round(f1, 4)
        if f1 > best[0]:
            best = (f1, C, clf)
    f1, C, clf = best
    vocab = [None] * len(vec.vocabulary_)
    for term, k in vec.vocabulary_.items():
        vocab[k] = term
    model = {
        "format": 1,
        "vocab": vocab,
        "idf": vec.idf_.astype(np.float32),
        "coef": clf.coef_.astype(np.float32),
        "intercept": clf.intercept_.astype(np.float32),
        "classes": [str(c) for c in clf.classes_],
        "C": C,
        "dev_weighted_f1": f1,
    }
    joblib.dump(model, out, compress=3)
    return {"C": C, "dev_weighted_f1": round(f1, 4), "tried": tried, "features": len(vocab)}


def _load() -> dict[str, Any]:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                import joblib

                m = joblib.load(MODEL_PATH)
                m["index"] = {t: k for k, t in enumerate(m["vocab"])}
                _model = m
    return _model


def predict_proba(sentences: Sequence[str]) -> list[dict[str, float]]:
    """Role probabilities for each sentence of one abstract (in order)."""
    if not sentences:
        return []
    m = _load()
    index, idf, coef, b = m["index"], m["idf"], m["coef"], m["intercept"]
    out = []
    for i in range(len(sentences)):
        counts = Counter(k for k in (index.get(f) for f in features(sentences, i)) if k is not None)
        if counts:
            ks = np.fromiter(counts.keys(), dtype=np.int64)
            tf = np.array([1.0 + math.log(c) for c in counts.values()], dtype=np.float32) * idf[ks]
            tf /= float(np.linalg.norm(tf)) or 1.0
            z = coef[:, ks] @ tf + b
        else:
            z = b.copy()
        p = np.exp(z - z.max())
        p /= p.sum()
        out.append({c: float(v) for c, v in zip(m["classes"], p)})
    return out


def predict(sentences: Sequence[str]) -> list[str]:
    return [max(p, key=p.get) for p in predict_proba(sentences)]


def evaluate(path: Path) -> dict[str, Any]:
    """Weighted and per-label F1 of the shipped model on a PIBOSO file."""
    from sklearn.metrics import classification_report, f1_score

    y, pred = [], []
    for labels, sents in read_piboso(path):
        y += labels
        pred += predict(sents)
    return {
        "sentences": len(y),
        "weighted_f1": f1_score(y, pred, average="weighted"),
        "report": classification_report(y, pred, digits=3, output_dict=True, zero_division=0),
    }


if __name__ == "__main__":  # python -m physiohub.cards.roles train DIR
    if len(sys.argv) != 3 or sys.argv[1] != "train":
        sys.exit("usage: python -m physiohub.cards.roles train PATH/TO/nicta-piboso")
    print(train(Path(sys.argv[2])))
