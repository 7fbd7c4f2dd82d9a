"""A small token tagger for PICO spans: hashed word features, a linear model, Viterbi smoothing.

Trained by bench/train_appraise_pico.py on the EBM-NLP *dev* split only (crowd labels; the expert
test split is for the reported figure). No CRF library: a multinomial logistic regression over
hashed features (the word, its shape and affixes, two words either side, the current section
heading), then a Viterbi pass with label-transition scores learned from the same data, so spans come
out whole. The weights ship as float16 arrays in ``pico_model.joblib`` (under 2 MB) and load once, lazily.

Labels follow EBM-NLP: PAR (population), INT (interventions and comparators), OUT (outcomes), O.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..model_file import load_once
from ..models import Record

LABELS = ("O", "PAR", "INT", "OUT")
MODEL_PATH = Path(__file__).with_name("pico_model.joblib")
N_FEATURES = 2 ** 18
_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")
_HEADING = re.compile(r"^[A-Z][A-Z ,&/-]{2,}$")


_SHAPE_TABLE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                              **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"}, **{c: "d" for c in "0123456789"}})
_RUNS = re.compile(r"(.)\1+")
_NON_ASCII_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=65536)
def shape(w: str) -> str:
    """Word shape: "Knee" -> "Xxx", "12.5" -> "dd.d" (runs of a character kept at two)."""
    s = w.translate(_SHAPE_TABLE)
    if not s.isascii():
        s = _NON_ASCII_DIGIT.sub("d", s)  # other scripts' digits, as the training features had them
    return _RUNS.sub(r"\1\1", s)


def sentence_features(tokens: Sequence[str], heading: str, sent_index: int) -> list[list[str]]:
    """Feature strings for each token of one sentence."""
    low = [t.lower() for t in tokens]
    n = len(tokens)
    pos_bucket = f"sent={min(sent_index, 12)}"
    out = []
    for i, w in enumerate(tokens):
        lw = low[i]
        f = ["b", f"w={lw}", f"sh={shape(w)}", f"p3={lw[:3]}", f"s3={lw[-3:]}", f"s2={lw[-2:]}",
             f"h={heading}", pos_bucket, f"h|w={heading}|{lw}"]
        for d in (-2, -1, 1, 2):
            j = i + d
            f.append(f"w{d}={low[j] if 0 <= j < n else ('<s>' if j < 0 else '</s>')}")
        f.append(f"bi-={low[i - 1] if i else '<s>'}|{lw}")
        f.append(f"bi+={lw}|{low[i + 1] if i + 1 < n else '</s>'}")
        if w.isdigit():
            f.append("digit")
        if i == 0:
            f.append("first")
        out.append(f)
    return out


def doc_features(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Features for a document given as tokenised sentences; a heading sentence sets the context."""
    feats: list[list[str]] = []
    heading = "none"
    for k, toks in enumerate(sentences):
        text = " ".join(toks)
        if len(toks) <= 4 and _HEADING.match(text):
            heading = text.lower().replace(" ", "_")[:24]
        feats.extend(sentence_features(toks, heading, k))
    return feats


def _hasher():  # imported lazily: scikit-learn is heavy to import
    from sklearn.feature_extraction import FeatureHasher

    return FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)


def _as_float32(z: dict[str, Any]) -> dict[str, Any]:
    return {k: z[k].astype(np.float32) for k in ("coef", "intercept", "trans", "start")}


def load() -> dict[str, Any]:
    return load_once(MODEL_PATH, "PICO model file", "bench/train_appraise_pico.py", _as_float32)


def viterbi(scores: np.ndarray, trans: np.ndarray, start: np.ndarray) -> list[int]:
    """Best label path given per-token log-scores (n x k) and log transition scores (k x k)."""
    n, k = scores.shape
    if n == 0:
        return []
    if not trans.any() and not start.any():
        return [int(i) for i in scores.argmax(1)]  # no transition scores: the best label per token
    dp = start + scores[0]
    back = np.zeros((n, k), dtype=np.int32)
    for i in range(1, n):
        cand = dp[:, None] + trans
        back[i] = cand.argmax(0)
        dp = cand.max(0) + scores[i]
    path = [int(dp.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return path[::-1]


def predict_docs(docs: Sequence[Sequence[Sequence[str]]]) -> list[list[str]]:
    """Labels for each token of each document (documents as tokenised sentences), batched."""
    m = load()
    feats: list[list[str]] = []
    sizes = []
    for d in docs:
        f = doc_features(d)
        feats.extend(f)
        sizes.append(len(f))
    if not feats:
        return [[] for _ in docs]
    x = _hasher().transform(feats)
    logits = x @ m["coef"].T + m["intercept"]
    logp = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
    out, pos = [], 0
    for n in sizes:
        path = viterbi(logp[pos:pos + n], m["trans"], m["start"])
        out.append([LABELS[i] for i in path])
        pos += n
    return out


def _record_tokens(record: Record) -> list[list[tuple[str, int, int, str]]]:
    """Sentences of (token, start, end, field): the title, then each abstract section's heading and text."""
    from ..text import split_spans

    sents: list[list[tuple[str, int, int, str]]] = []
    if record.title:
        sents.append([(m.group(0), m.start(), m.end(), "title") for m in _TOKEN.finditer(record.title)])
    pos = 0
    for sec in record.abstract_sections:
        prefix = f"{sec.label}: " if sec.label else ""
        if sec.label:
            sents.append([(m.group(0).upper(), pos + m.start(), pos + m.end(), "abstract")
                          for m in _TOKEN.finditer(sec.label)])
        body = pos + len(prefix)
        for a, b in split_spans(sec.text, body, abstract=True):
            chunk = record.abstract[a:b]
            sents.append([(m.group(0), a + m.start(), a + m.end(), "abstract") for m in _TOKEN.finditer(chunk)])
        pos = body + len(sec.text) + 1
    return [s for s in sents if s]


_KEY = {"PAR": "population", "INT": "intervention", "OUT": "outcomes"}


def tag_records(records: Iterable[Record]) -> list[dict[str, list[dict]]]:
    """PICO spans for each record from the model (comparators are inside 'intervention', as in EBM-NLP)."""
    records = list(records)
    toks = [_record_tokens(r) for r in records]
    labels = predict_docs([[[t[0] for t in s] for s in d] for d in toks])
    out = []
    for rec, d, labs in zip(records, toks, labels):
        flat = [t for s in d for t in s]
        spans: dict[str, list[dict]] = {"population": [], "intervention": [], "comparison": [], "outcomes": []}
        i = 0
        while i < len(flat):
            lab = labs[i]
            if lab == "O":
                i += 1
                continue
            j = i
            while j + 1 < len(flat) and labs[j + 1] == lab and flat[j + 1][3] == flat[i][3]:
                j += 1
            field = flat[i][3]
            text = rec.title if field == "title" else rec.abstract
            start, end = flat[i][1], flat[j][2]
            if end - start >= 3:
                spans[_KEY[lab]].append({"text": text[start:end], "field": field, "start": start, "end": end})
            i = j + 1
        out.append(spans)
    return out
