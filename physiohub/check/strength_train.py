"""Train the claim-strength model on the causal-language-exaggeration corpus (Yu et al. 2019/2020).

The corpus has no official split (the authors report 5-fold cross-validation), so we make one, seeded
and documented: for each of the two sets (PubMed conclusions, EurekAlert press releases) a stratified
80/20 split by label, grouped by source article for EurekAlert (its ``sentId`` starts with the PMID
of the paper, and the title and first sentences of one release are near-paraphrases, so they must
not straddle the split). Model selection (the SVM's C, by grouped 5-fold cross-validation) uses the
training parts only; the held-out parts are touched once, by ``bench/eval_check_strength.py``.

Run: ``python bench/train_check_strength.py`` (writes ``physiohub/check/strength_model.json``).
"""
from __future__ import annotations

import csv
import html
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SEED = 20191103        # the EMNLP 2019 conference date: any fixed number would do
N_FOLDS = 5            # fold 0 of a 5-fold split is the 20% held-out part
C_GRID = (0.1, 0.3, 1.0)
SETS = ("pubmed", "eureka")
VERSION = "svm-tfidf-cues-2"


@dataclass
class Split:
    name: str
    sentences: list[str]
    labels: np.ndarray
    groups: list[str]
    train: np.ndarray     # indices
    test: np.ndarray


def load_set(data_dir: Path, name: str) -> tuple[list[str], np.ndarray, list[str]]:
    """Sentences, labels (0–3) and group ids of ``annotated_<name>.csv``."""
    path = data_dir / f"annotated_{name}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    # EurekAlert text carries HTML entities ("Malm&#246;"); decode them as a reader would see them.
    sentences = [html.unescape(r["sentence"]).strip() for r in rows]
    labels = np.array([int(r["label"]) for r in rows])
    groups = [r["sentId"].split("-")[0] if r.get("sentId") else f"row{i}" for i, r in enumerate(rows)]
    return sentences, labels, groups


def make_split(data_dir: Path, name: str, seed: int = SEED) -> Split:
    from sklearn.model_selection import StratifiedGroupKFold

    sentences, labels, groups = load_set(data_dir, name)
    folds = StratifiedGroupKFold(n_splits=N_FOLDS, shuffle=True, random_state=seed)
    train, test = next(folds.split(sentences, labels, groups))
    return Split(name, sentences, labels, groups, train, test)


def _pipeline(c: float):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    from sklearn.preprocessing import FunctionTransformer

    from .strength import CHAR_PARAMS, WORD_PARAMS, cue_features

    features = FeatureUnion([("word", TfidfVectorizer(**WORD_PARAMS)), ("char", TfidfVectorizer(**CHAR_PARAMS)),
                             ("cues", FunctionTransformer(cue_features, validate=False))])
    # class_weight="balanced": conditional causal is rare (7% of PubMed sentences).
    return Pipeline([("features", features), ("svm", LinearSVC(C=c, class_weight="balanced"))])


def training_data(splits: list[Split]) -> tuple[list[str], np.ndarray, list[str]]:
    """The training parts of all sets, pooled: popular articles mix paper-like and press-like wording."""
    from .strength import normalise

    x: list[str] = []
    y: list[int] = []
    g: list[str] = []
    for s in splits:
        x += [normalise(s.sentences[i]) for i in s.train]
        y += [int(s.labels[i]) for i in s.train]
        g += [f"{s.name}:{s.groups[i]}" for i in s.train]
    return x, np.array(y), g


def choose_c(x: list[str], y: np.ndarray, groups: list[str], log=print) -> float:
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    best, best_f1 = C_GRID[0], -1.0
    for c in C_GRID:
        cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
        pred = cross_val_predict(_pipeline(c), x, y, cv=cv, groups=groups)
        f1 = f1_score(y, pred, average="macro")
        log(f"C={c}: cross-validated macro F1 on the training parts {f1:.3f}")
        if f1 > best_f1:
            best, best_f1 = c, f1
    return best


def train(data_dir: Path, out: Path, *, c: float | None = None, log=print) -> dict:
    """Fit on the training parts, export to JSON at ``out``; return the exported dict."""
    import json

    from .strength import StrengthModel, export_model

    splits = [make_split(data_dir, n) for n in SETS]
    x, y, groups = training_data(splits)
    if c is None:
        c = choose_c(x, y, groups, log=log)
    pipe = _pipeline(c).fit(x, y)
    word, char = (t for name, t in pipe.named_steps["features"].transformer_list if name in ("word", "char"))
    svm = pipe.named_steps["svm"]
    data = export_model(word, char, svm.coef_, svm.intercept_, list(svm.classes_), f"{VERSION} C={c}")
    # The exported (rounded) model must decide as the fitted one does on the training sentences.
    exported = StrengthModel(data)
    agree = float(np.mean(np.array(exported.predict_ids(x)) == pipe.predict(x)))
    log(f"C={c}; {len(x)} training sentences; {sum(len(b['terms']) for b in data['blocks'])} features; "
        f"exported model agrees with the fitted one on {agree:.2%} of them")
    if agree < 0.999:
        raise RuntimeError("exported model disagrees with the fitted one; not writing it")
    out.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return data
