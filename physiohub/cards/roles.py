"""Sentence roles for unstructured abstracts: background, population, intervention, outcome,
study design, other (the NICTA-PIBOSO label set, Kim et al. 2011).

Why this shape: the best published taggers are neural sequence models (Dernoncourt et al. 2017,
Jin & Szolovits 2018). We need something that loads in milliseconds with no model service, so this is
a linear model (logistic regression on TF-IDF) whose features carry the sequence signal the neural
models learn: the sentence's relative position in the abstract and the words of its neighbours.

Two stages: the second adds the first stage's probabilities for the neighbouring sentences (stacking,
the cheap cousin of the CRF layer in those models). The fitted model ships as ``roles.joblib``: plain lists and float32 arrays only (no pickled sklearn
objects, so it survives scikit-learn upgrades), read once on first use. Inference is pure numpy.
Rebuild with ``python -m physiohub.cards.roles train PIBOSO_DIR`` (fits on train_clean.txt, picks C
on dev_clean.txt, never looks at test).
"""
from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..model_file import load_once, with_vocab_index

MODEL_PATH = Path(__file__).with_name("roles.joblib")
LABELS = ("background", "intervention", "other", "outcome", "population", "study design")

_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[%<>=±]")


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


def _identity(x: list[str]) -> list[str]:
    return x


def _context(P: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """Stage-2 dense features: the stage-1 probabilities of the sentence and of its two neighbours each side."""
    k = P.shape[1]
    out = np.zeros((len(P), 5 * k), dtype=np.float32)
    for i in range(len(P)):
        out[i, 4 * k:] = P[i]
        for j, off in enumerate((-2, -1, 1, 2)):
            m = i + off
            if 0 <= m < len(P) and doc[m] == doc[i]:
                out[i, j * k:(j + 1) * k] = P[m]
    return out


def _best_c(stage: str, X: Any, y: Any, Xdev: Any, ydev: Any, tried: dict[str, float]) -> tuple[float, float, Any]:
    """Fit logistic regression at each C, keep the one with the best weighted F1 on dev."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    best: tuple[float, float, Any] = (-1.0, 0.0, None)
    for C in (10.0, 30.0, 100.0):
        clf = LogisticRegression(C=C, max_iter=3000).fit(X, y)
        f1 = f1_score(ydev, clf.predict(Xdev), average="weighted")
        tried[f"{stage} C={C}"] = round(f1, 4)
        if f1 > best[0]:
            best = (f1, C, clf)
    return best


def train(data_dir: Path, out: Path = MODEL_PATH, folds: int = 5) -> dict[str, Any]:
    """Fit on train, choose C on dev by weighted F1, save the compact model; returns a report.

    Two stages, like a linear-chain model without the decoding: stage 1 scores each sentence alone;
    stage 2 adds the stage-1 probabilities of the neighbours (out-of-fold on train, so stage 2 learns
    from predictions as noisy as the ones it gets at run time).
    """
    import joblib
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def xy(docs: list[tuple[list[str], list[str]]]) -> tuple[list[list[str]], np.ndarray, np.ndarray]:
        X, y, d = [], [], []
        for n, (labels, sents) in enumerate(docs):
            for i, lab in enumerate(labels):
                X.append(features(sents, i))
                y.append(lab)
                d.append(n)
        return X, np.array(y), np.array(d)

    Xtr, ytr, dtr = xy(read_piboso(data_dir / "train_clean.txt"))
    Xdev, ydev, ddev = xy(read_piboso(data_dir / "dev_clean.txt"))
    vec = TfidfVectorizer(analyzer=_identity, min_df=2, sublinear_tf=True)
    Mtr = vec.fit_transform(Xtr)
    Mdev = vec.transform(Xdev)
    tried: dict[str, float] = {}
    f1_1, C1, clf1 = _best_c("stage1", Mtr, ytr, Mdev, ydev, tried)
    oof = np.zeros((len(ytr), len(clf1.classes_)))
    for f in range(folds):  # folds by abstract: a sentence never sees its own abstract's labels
        te = (dtr % folds) == f
        oof[te] = LogisticRegression(C=C1, max_iter=3000).fit(Mtr[~te], ytr[~te]).predict_proba(Mtr[te])
    A = hstack([Mtr, csr_matrix(_context(oof, dtr))]).tocsr()
    B = hstack([Mdev, csr_matrix(_context(clf1.predict_proba(Mdev), ddev))]).tocsr()
    f1_2, C2, clf2 = _best_c("stage2", A, ytr, B, ydev, tried)
    vocab: list[str] = [""] * len(vec.vocabulary_)
    for term, k in vec.vocabulary_.items():
        vocab[k] = term
    nv = len(vocab)
    model = {
        "format": 2,
        "vocab": vocab,
        "idf": vec.idf_.astype(np.float32),
        "coef": clf1.coef_.astype(np.float32),
        "intercept": clf1.intercept_.astype(np.float32),
        "coef2": clf2.coef_[:, :nv].astype(np.float32),
        "coef2_context": clf2.coef_[:, nv:].astype(np.float32),
        "intercept2": clf2.intercept_.astype(np.float32),
        "classes": [str(c) for c in clf1.classes_],
        "C": [C1, C2],
        "dev_weighted_f1": [f1_1, f1_2],
    }
    joblib.dump(model, out, compress=3)
    return {"C": [C1, C2], "dev_weighted_f1": [round(f1_1, 4), round(f1_2, 4)], "tried": tried, "features": nv}


def _load() -> dict[str, Any]:
    return load_once(MODEL_PATH, "sentence-role model", "python -m physiohub.cards.roles train PATH/TO/nicta-piboso", with_vocab_index)


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def predict_proba(sentences: Sequence[str]) -> list[dict[str, float]]:
    """Role probabilities for each sentence of one abstract (in order)."""
    if not sentences:
        return []
    m = _load()
    index, idf = m["index"], m["idf"]
    vecs = []
    for i in range(len(sentences)):
        counts = Counter(k for k in (index.get(f) for f in features(sentences, i)) if k is not None)
        ks = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.array([1.0 + math.log(c) for c in counts.values()], dtype=np.float32) * idf[ks]
        tf /= float(np.linalg.norm(tf)) or 1.0
        vecs.append((ks, tf))
    P1 = _softmax(np.stack([m["coef"][:, ks] @ tf + m["intercept"] for ks, tf in vecs]))
    if m.get("format", 1) >= 2:
        ctx = _context(P1, np.zeros(len(sentences), dtype=np.int64))
        P = _softmax(np.stack([m["coef2"][:, ks] @ tf + m["coef2_context"] @ ctx[i] + m["intercept2"]
                               for i, (ks, tf) in enumerate(vecs)]))
    else:
        P = P1
    return [{c: float(v) for c, v in zip(m["classes"], row)} for row in P]


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
