"""Train the result-direction reader and its sentence finder; save physiohub/appraise/direction.joblib.

Reads ../shared/data/evidence-inference train and validation only (test is for
bench/eval_appraise_direction.py). Choices (the regularisation of both models, the weight of the explicit
readings, when a second sentence is read) are made on validation with the models fitted on train; the
saved models are then refitted on train + validation with those choices.

The reader learns from every annotator's quote of a prompt (with that annotator's label), so one
prompt gives as many examples as it had distinct quotes. The finder learns from abstract sentences:
a sentence is positive when it shares most of its words with some quote (prompts whose quotes all come
from the full text give only negatives and are skipped).
Usage: .venv/bin/python bench/train_appraise_direction.py
"""
from __future__ import annotations

import time

import joblib
import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from eval_appraise_direction import is_evidence, load, sections
from physiohub.appraise import direction as dr


def _identity(x):
    return x


FLIP = {dr.INCREASED: dr.DECREASED, dr.DECREASED: dr.INCREASED, dr.NO_DIFFERENCE: dr.NO_DIFFERENCE}


def span_examples(prompts: list[dict], swap: bool = True, groups: list | None = None
                  ) -> tuple[list[list[str]], np.ndarray, list[str]]:
    """Each distinct quote with its label; with ``swap``, also the quote read with the arms exchanged and
    the direction flipped (what the intervention raised, the comparator lowered), when the quote names an
    arm, so that the model learns arm order from twice the examples."""
    feats, dense, y = [], [], []
    for p in prompts:
        seen = set()
        for ev, lab in zip(p["evidence"], p["labels"]):
            key = (" ".join(ev.split()), lab)
            if not ev.strip() or key in seen:
                continue
            seen.add(key)
            f, d, _ = dr.span_features(ev, p["intervention"], p["comparator"], p["outcome"])
            feats.append(f)
            dense.append(d)
            y.append(lab)
            if groups is not None:
                groups.append(p["pmcid"])
            if swap and ("INTV" in f or "CMPR" in f):
                f2, d2, _ = dr.span_features(ev, p["comparator"], p["intervention"], p["outcome"])
                feats.append(f2)
                dense.append(d2)
                y.append(FLIP[lab])
                if groups is not None:
                    groups.append(p["pmcid"])
    return feats, np.array(dense), y


def first_examples(prompts: list[dict]) -> tuple[list[list[str]], np.ndarray, list[str]]:
    """The first quote and label of each prompt: what the evaluation scores."""
    feats, dense, y = [], [], []
    for p in prompts:
        if p["evidence"] and p["evidence"][0].strip():
            f, d, _ = dr.span_features(p["evidence"][0], p["intervention"], p["comparator"], p["outcome"])
            feats.append(f)
            dense.append(d)
            y.append(p["labels"][0])
    return feats, np.array(dense), y


class Reader:
    """TF-IDF over the masked tokens plus the standardised explicit readings, one logistic model."""

    def __init__(self, C: float, w_dense: float):
        self.C, self.w_dense = C, w_dense

    def fit(self, feats, dense, y):
        self.vec = TfidfVectorizer(analyzer=_identity, min_df=2, sublinear_tf=True)
        X = self.vec.fit_transform(feats)
        self.mean = dense.mean(0)
        self.scale = dense.std(0) + 1e-6
        self.clf = LogisticRegression(C=self.C, max_iter=5000).fit(self._x(X, dense), y)
        return self

    def _x(self, X, dense):
        return hstack([X, csr_matrix(self.w_dense * (dense - self.mean) / self.scale)]).tocsr()

    def predict_proba(self, feats, dense):
        return self.clf.predict_proba(self._x(self.vec.transform(feats), dense))

    def predict(self, feats, dense):
        return self.clf.classes_[self.predict_proba(feats, dense).argmax(1)]

    def export(self) -> dict:
        vocab = [""] * len(self.vec.vocabulary_)
        for term, k in self.vec.vocabulary_.items():
            vocab[k] = term
        nv = len(vocab)
        coef = self.clf.coef_
        return {"vocab": vocab, "idf": self.vec.idf_.astype(np.float32), "coef": coef[:, :nv].astype(np.float32),
                # the dense weights absorb w_dense so inference only standardises
                "coef_dense": (coef[:, nv:] * self.w_dense).astype(np.float32),
                "intercept": self.clf.intercept_.astype(np.float32), "dense_mean": self.mean.astype(np.float32),
                "dense_scale": self.scale.astype(np.float32), "classes": [str(c) for c in self.clf.classes_]}


def rank_examples(prompts: list[dict], arts: dict) -> tuple[np.ndarray, np.ndarray]:
    X, y = [], []
    for p in prompts:
        sents = dr.abstract_sentences(sections(arts[p["pmcid"]]))
        lab = [is_evidence(s, p["evidence"]) for _, s in sents]
        if not any(lab):
            continue
        X.append(dr.rank_features(sents, p["intervention"], p["comparator"], p["outcome"]))
        y.extend(lab)
    return np.vstack(X), np.array(y)


def macro(gold, pred) -> float:
    return float(f1_score(gold, pred, labels=list(dr.LABELS), average="macro"))


def end_to_end(prompts, arts, reader: Reader, ranker: LogisticRegression, ratio: float, k_extra: int = 1) -> float:
    gold, pred = [], []
    for p in prompts:
        sents = dr.abstract_sentences(sections(arts[p["pmcid"]]))
        pr = ranker.predict_proba(dr.rank_features(sents, p["intervention"], p["comparator"], p["outcome"]))[:, 1]
        order = np.argsort(-pr)
        pick = [order[0]] + [i for i in order[1:1 + k_extra] if pr[i] >= ratio * pr[order[0]]]
        span = " ".join(sents[i][1] for i in sorted(pick))
        f, d, _ = dr.span_features(span, p["intervention"], p["comparator"], p["outcome"])
        pred.append(reader.predict([f], d[None, :])[0])
        gold.append(p["labels"][0])
    return macro(gold, pred)


def main() -> None:
    t0 = time.time()
    train, arts = load("train")
    val, _ = load("validation")
    ftr, dtr, ytr = span_examples(train)
    fva, dva, yva = first_examples(val)
    print(f"reader: {len(ytr)} training quotes from {len(train)} prompts; validation {len(yva)} prompts")
    best = None
    for C in (0.1, 0.3, 1.0, 3.0):
        for w in (0.0, 0.05, 0.1, 0.2):
            r = Reader(C, w).fit(ftr, dtr, ytr)
            f = macro(yva, r.predict(fva, dva))
            print(f"  C={C:<5g} dense weight={w:<4g} validation macro-F1 {f:.3f}")
            if best is None or f > best[0]:
                best = (f, C, w, r)
    f_read, C, w, reader = best
    print(f"chosen C={C:g} dense weight={w:g} (validation macro-F1 {f_read:.3f})")

    Xr, yr = rank_examples(train, arts)
    Xrv, yrv = rank_examples(val, arts)
    print(f"finder: {len(yr)} sentences ({int(yr.sum())} quotes) from train; {len(yrv)} from validation")
    bestr = None
    for Cr in (0.1, 1.0, 10.0):
        rk = LogisticRegression(C=Cr, max_iter=3000).fit(Xr, yr)
        # top-1 hit rate on validation prompts: what the end-to-end reading depends on
        hits = n = 0
        for p in val:
            sents = dr.abstract_sentences(sections(arts[p["pmcid"]]))
            lab = [is_evidence(s, p["evidence"]) for _, s in sents]
            if not any(lab):
                continue
            pr = rk.predict_proba(dr.rank_features(sents, p["intervention"], p["comparator"], p["outcome"]))[:, 1]
            hits += lab[int(pr.argmax())]
            n += 1
        print(f"  finder C={Cr:<4g} validation top-1 {hits}/{n} = {hits / n:.3f}")
        if bestr is None or hits / n > bestr[0]:
            bestr = (hits / n, Cr, rk)
    _, Cr, ranker = bestr
    bestk = None
    for ratio in (1.01, 0.8, 0.6, 0.4, 0.2):
        f = end_to_end(val, arts, reader, ranker, ratio)
        print(f"  second sentence when its probability >= {ratio:g} x the best: end-to-end validation macro-F1 {f:.3f}")
        if bestk is None or f > bestk[0]:
            bestk = (f, ratio)
    f_e2e, ratio = bestk

    print("refitting on train + validation")
    fall, dall, yall = span_examples(train + val)
    reader = Reader(C, w).fit(fall, dall, yall)
    Xa, ya = rank_examples(train + val, arts)
    ranker = LogisticRegression(C=Cr, max_iter=3000).fit(Xa, ya)
    model = {"format": 1, **reader.export(), "dense_names": list(dr.DENSE), "rank_names": list(dr.RANK),
             "rank_coef": ranker.coef_[0].astype(np.float32), "rank_intercept": float(ranker.intercept_[0]),
             "second_ratio": float(ratio), "k_extra": 1,
             "chosen": {"C": C, "dense_weight": w, "finder_C": Cr, "second_ratio": ratio},
             "validation": {"reader_macro_f1": round(f_read, 4), "end_to_end_macro_f1": round(f_e2e, 4)}}
    joblib.dump(model, dr.MODEL_PATH, compress=3)
    print(f"saved {dr.MODEL_PATH.name} ({dr.MODEL_PATH.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
