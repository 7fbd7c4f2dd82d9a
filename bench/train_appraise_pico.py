"""Train the PICO token tagger on EBM-NLP dev (crowd labels) and save physiohub/appraise/pico_model.joblib.

Only ../shared/data/ebm-nlp-pico/dev.txt is read (test.txt is the expert gold set, used only by
bench/eval_appraise_pico.py). 10% of the dev documents are held back to choose the regularisation and
the weight of the transition scores; the final model is refit on all of dev.
Usage: .venv/bin/python bench/train_appraise_pico.py
"""
from __future__ import annotations

import random
import time

import joblib
import numpy as np
from sklearn.linear_model import SGDClassifier

from appraise_data import DATA, conll_docs
from eval_appraise_pico import f1s
from physiohub.appraise import pico_model as pm

TAG = {"O": "O", "I-PAR": "PAR", "I-INT": "INT", "I-OUT": "OUT"}


def load(split: str) -> list[tuple[list[list[str]], list[str]]]:
    docs = []
    for _, sents in conll_docs(DATA / "ebm-nlp-pico" / f"{split}.txt"):
        toks = [[t for t, _ in s] for s in sents]
        labs = [TAG.get(lab, "O") for s in sents for _, lab in s]
        docs.append((toks, labs))
    return docs


def featurise(docs):
    feats, y = [], []
    for toks, labs in docs:
        feats.extend(pm.doc_features(toks))
        y.extend(pm.LABELS.index(lab) for lab in labs)
    return pm._hasher().transform(feats), np.array(y)


def transitions(docs) -> tuple[np.ndarray, np.ndarray]:
    k = len(pm.LABELS)
    t = np.ones((k, k))
    s = np.ones(k)
    for _, labs in docs:
        idx = [pm.LABELS.index(lab) for lab in labs]
        if idx:
            s[idx[0]] += 1
        for a, b in zip(idx, idx[1:]):
            t[a, b] += 1
    return np.log(t / t.sum(1, keepdims=True)), np.log(s / s.sum())


def token_f1(gold: list[str], pred: list[str]) -> dict[str, float]:
    out = {lab: prf[2] for lab, prf in f1s(gold, pred).items()}
    out["macro"] = sum(out.values()) / 3
    return out


def fit(x, y, alpha: float) -> SGDClassifier:
    clf = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=15, tol=None, random_state=0)
    clf.fit(x, y)
    return clf


def decode(clf, docs, trans, start, weight: float) -> list[str]:
    pred = []
    for toks, _ in docs:
        x = pm._hasher().transform(pm.doc_features(toks))
        logits = clf.decision_function(x)
        logp = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
        pred.extend(pm.LABELS[i] for i in pm.viterbi(logp, trans * weight, start * weight))
    return pred


def main() -> None:
    t0 = time.time()
    docs = load("dev")
    rng = random.Random(0)
    order = list(range(len(docs)))
    rng.shuffle(order)
    cut = len(docs) // 10
    val = [docs[i] for i in order[:cut]]
    train = [docs[i] for i in order[cut:]]
    x, y = featurise(train)
    trans, start = transitions(train)
    gold = [lab for _, labs in val for lab in labs]
    best = None
    for alpha in (3e-6, 1e-5, 3e-5, 1e-4):
        clf = fit(x, y, alpha)
        for weight in (0.0, 0.25, 0.5):
            f = token_f1(gold, decode(clf, val, trans, start, weight))
            print(f"alpha={alpha:g} transition weight={weight}: val macro F1 {f['macro']:.3f} "
                  f"(P {f['PAR']:.3f} I {f['INT']:.3f} O {f['OUT']:.3f})")
            if best is None or f["macro"] > best[0]:
                best = (f["macro"], alpha, weight)
    _, alpha, weight = best
    print(f"chosen alpha={alpha:g} weight={weight}; refitting on all {len(docs)} dev documents")
    x, y = featurise(docs)
    clf = fit(x, y, alpha)
    trans, start = transitions(docs)
    joblib.dump({"coef": clf.coef_.astype(np.float16), "intercept": clf.intercept_.astype(np.float16),
                 "trans": (trans * weight).astype(np.float16), "start": (start * weight).astype(np.float16)},
                pm.MODEL_PATH, compress=3)
    print(f"saved {pm.MODEL_PATH.name} ({pm.MODEL_PATH.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
