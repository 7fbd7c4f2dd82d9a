"""A learned fallback for reference entries: "is this line a bibliographic reference entry?".

The rules of ``document.py`` and ``references.py`` find reference lists by their heading and by the shape of
each entry, one style at a time; on pages written after them they miss styles not seen before (docs/check.md).
This model reads one line of the article at a time and scores it for "is a reference entry", from what any
citation style shares: a line of name-and-initials pieces ("Smith J,", "Lee, A. B.,"), a year in brackets or
before a volume ("(2019)", "2019;12(3):45-67"), "et al.", "doi:", abbreviated journal words, a high share of
capitalised words, digits and punctuation, and few of the small words sentences are made of. Its features are
a logistic regression over TF-IDF word 1-2-grams of the line (digits folded) and character 2-5-grams of the
line's *shape* (each word reduced to its kind: a name "k", an initial "i", a lower-case word "w", digits "0",
punctuation kept, a few function words and citation words kept as they are), plus dense shape counts.

It is trained (bench/train_check_references.py) on entries rendered by our own formatter from real metadata
(PubMed XML, Crossref JSON, RIS) in many styles, on the reference entries of the dev articles, and on every
other line of those articles and sentences of abstracts as negatives; the threshold is chosen by
cross-validation grouped by article. It only ADDS: a line the rules did not already take as (part of) a
reference entry and that the model scores at or above its threshold becomes a reference line, and the body
sentences inside it stop being sentences (a reference entry is never a claim). It never drops a reference the
rules found. It ships as plain JSON (vocabulary, idf, weights), inference in numpy.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .tfidf_json import export_blocks, load_blocks

MODEL_PATH = Path(__file__).resolve().parent / "reference_model.json"

# Words kept as they are in the shape: the small words sentences are made of, and the words citations use.
KEEP = frozenset("""a an the and or of in on to for with by from at as is are was were be been has have had
that this these those it its we our you your they their he she i not can may will would should could than
but if when which who what how more most also there after before about into
et al doi pmid pmc http https www org com available accessed retrieved cited internet vol pp p no ed eds
editor editors press journal review university""".split())
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f'\u2019]+|\d+|\S")
_LINK = re.compile(r"\[([^\]\n]*)\]\((https?://[^)\s]+)\)")
_MARKER = re.compile(r"^\s*(?:[-*\u2022+]|\d{1,3}[.)]|\[\d{1,3}\])\s+")

# Dense shape counts (each a float column): what a reader's eye catches in an entry.
_PATTERNS: tuple[str, ...] = (
    r"(?:^|[,;]\s*)[A-Z][a-zA-Z'\u2019\-]+,?\s+[A-Z]{1,3}(?:[,.;]|\s+et al)",     # Vancouver "Smith J," / "Lee AB."
    r"[A-Z][a-zA-Z'\u2019\-]+,\s+(?:[A-Z]\.\s?-?){1,3}",                          # APA "Smith, J. A."
    r"\(\s*(?:19|20)\d{2}[a-z]?(?:,\s*[A-Z][a-z]+(?:\s\d{1,2})?)?\s*\)",          # "(2019)", "(2019, May 3)"
    r"(?:19|20)\d{2}\s*(?:[A-Z][a-z]{2}[a-z]*\.?\s*\d{0,2}\s*)?;\s*\(?\d",      # "2019;12" / "2019 Jun;12"
    r"\d+\s*\(\s*[\w\s\-]+\)\s*[:,]\s*[e\d]",                                    # "12(3):45" / "12(3), 45"
    r"\d+\s*[\u2013\-]\s*\d+\.?\s*$|\d+\s*[\u2013\-]\s*\d+\.?\s+(?:doi|https?:)",  # pages at the end
    r"\bdoi\b|10\.\d{4,9}/",
    r"\bet al\b",
    r"https?://|www\.",
    r"\b(?:PMID|PMCID|PMC\d)",
    r"\b[A-Z][a-z]{1,8}\.(?=\s+[A-Z][a-z]{0,8}\.?)",                             # abbreviated journal words "Br J", "Phys. Ther."
    r"\b(?:Available (?:from|at)|Accessed|Retrieved|\[Internet\]|\[cited)\b",
    r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)])\s",                                        # numbered
    r"[\u2191\u21a9^]",                                                          # back-link arrows
    r"[\"\u201c\u201d]",
    r"\b(?:19|20)\d{2}\b",
    r"\b(?:I|we|you|our|your|my)\b",
    r"\b(?:is|are|was|were|has|have|had|can|may|will|should|helps?|found|showed|shows|suggests?)\b",
    r"[.!?]\s*$",
    r"\?\s*$",
    r"^\s*#",
)
_PATTERN_RE = [re.compile(p) for p in _PATTERNS]
N_DENSE = len(_PATTERNS) + 8


def clean_line(line: str) -> str:
    """A line as the model reads it: Markdown links as "text <url>", emphasis and white space tidied."""
    s = _LINK.sub(r"\1 <\2>", line)
    s = re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", "", s)
    return " ".join(s.split())


def shape(text: str) -> str:
    """Each word reduced to its kind ("Smith J, Lee K. Title of it. Br J Sports Med. 2019;53:1-5." ->
    "k i , k i . k of it . k i k k . 0000 ; 00 : 0 - 0 ."): the style of a line, not its topic."""
    out = []
    for t in _TOKEN.findall(text[:600]):
        low = t.lower()
        if low in KEEP:
            out.append(low)
        elif t.isdigit():
            out.append("0" * min(len(t), 4))
        elif t[0].isalpha():
            if t.isupper() and len(t) <= 3:
                out.append("i")
            elif t.isupper():
                out.append("u")
            elif t[0].isupper():
                out.append("k")
            else:
                out.append("w")
        else:
            out.append(t)
    return " ".join(out)


def normalise(text: str) -> str:
    return re.sub(r"\d", "0", text[:600])


def dense(texts: Sequence[str]) -> np.ndarray:
    rows = []
    for t in texts:
        words = t.split()
        n = max(1, len(words))
        caps = sum(1 for w in words if w[:1].isupper())
        small = sum(1 for w in words if w.lower().strip(".,;:") in KEEP)
        chars = max(1, len(t))
        row = [float(bool(rx.search(t))) for rx in _PATTERN_RE]
        row += [caps / n, small / n, sum(c.isdigit() for c in t) / chars,
                sum((not c.isalnum()) and not c.isspace() for c in t) / chars,
                min(len(words), 80) / 80.0, float(len(words) < 6), float(len(words) > 60),
                t.count(".") / n]
        rows.append(row)
    return np.array(rows, dtype=np.float64).reshape(len(texts), N_DENSE)


def design_matrix(blocks, texts: Sequence[str], dense_weight: float):
    from scipy.sparse import csr_matrix, hstack

    word, char = blocks
    return hstack([word.transform([normalise(t) for t in texts]), char.transform([shape(t) for t in texts]),
                   csr_matrix(dense(texts) * dense_weight)]).tocsr()


class ReferenceModel:
    """A fitted line model: ``probabilities`` of "reference entry" for cleaned lines."""

    def __init__(self, data: dict[str, Any]):
        if list(data["patterns"]) != list(_PATTERNS) or list(data["keep"]) != sorted(KEEP):
            raise ValueError("reference model was trained with other features; retrain it (bench/train_check_references.py)")
        self.blocks = load_blocks(data["blocks"])
        self.coef = np.asarray(data["coef"], dtype=np.float64) / float(data["scale"])
        self.intercept = float(data["intercept"])
        self.dense_weight = float(data["dense_weight"])
        self.threshold = float(data["threshold"])

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        z = np.asarray(design_matrix(self.blocks, texts, self.dense_weight) @ self.coef).ravel() + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


def export_model(blocks, coef, intercept: float, dense_weight: float, threshold: float, meta: dict[str, Any]) -> dict[str, Any]:
    scale = 10000
    q = np.rint(np.asarray(coef).ravel() * scale).astype(int)
    return {"patterns": list(_PATTERNS), "keep": sorted(KEEP), "blocks": export_blocks(*blocks), "scale": scale,
            "coef": q.tolist(), "intercept": round(float(intercept), 6), "dense_weight": dense_weight,
            "threshold": round(float(threshold), 3), **meta}


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> ReferenceModel:
    p = Path(path) if path else MODEL_PATH
    with p.open(encoding="utf-8") as f:
        return ReferenceModel(json.load(f))


def _key(text: str) -> str:
    """Letters and digits only, lower case: a line and the sentences or entries cut from it compare equal."""
    return re.sub(r"[^0-9a-z]", "", _LINK.sub(r"\1", text).lower())


MIN_WORDS = 6        # "Lee J. Title. 2019." is too little to call (a list item of five words is rarely an entry);
                     # the rules' short "Source: Reuters" stays theirs
MAX_CHARS = 1200     # a paragraph that long is text, not one entry
MAX_LINES = 5000     # lines scored per article: hostile input keeps the check bounded


def candidate_lines(body: str, taken: Sequence[str]) -> list[tuple[int, str]]:
    """(line number, cleaned line) of the lines the model may score: not a heading, not already (part of) a
    reference entry the rules took, of entry length."""
    keys = [k for k in (_key(t) for t in taken) if len(k) >= 12]
    out = []
    for i, raw in enumerate(body.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        line = clean_line(raw)
        if not line or line.startswith("#") or len(line) > MAX_CHARS or len(line.split()) < MIN_WORDS:
            continue
        k = _key(line)
        if len(k) < 12 or any(k in t or t in k for t in keys):
            continue
        out.append((i, line))
        if len(out) >= MAX_LINES:
            break
    return out


def reference_lines(body: str, taken: Sequence[str], model: ReferenceModel | None = None,
                    threshold: float | None = None) -> list[str]:
    """Lines of ``body`` the model reads as reference entries that the rules did not take (``taken``)."""
    cands = candidate_lines(body, taken)
    if not cands:
        return []
    m = model or load_model()
    p = m.probabilities([c for _, c in cands])
    cut = m.threshold if threshold is None else threshold
    return [c for (_, c), q in zip(cands, p) if q >= cut]


def add_model_references(body: str, doc, model: ReferenceModel | None = None):
    """``doc`` (a ``document.Document``) with the lines the model reads as entries added to its reference
    lines, and the body sentences inside them removed. Nothing the rules found is dropped."""
    extra = reference_lines(body, doc.reference_lines, model)
    if not extra:
        return doc
    index = _KeyIndex([_key(e) for e in extra])
    sentences = [s for s in doc.sentences if not _mostly_entries(_key(s.text), index.near(_key(s.text)))]
    return replace(doc, sentences=sentences, reference_lines=list(doc.reference_lines) + extra)


class _KeyIndex:
    """The entry lines' keys, indexed so that a sentence is compared only with the lines it can overlap (those
    starting inside it, or inside which it starts): the check stays linear with thousands of lines."""

    def __init__(self, keys: list[str]):
        self.keys = keys
        self.big = "\x00".join(keys)
        self.offsets: list[int] = []
        pos = 0
        for k in keys:
            self.offsets.append(pos)
            pos += len(k) + 1
        self.starts: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            bucket = self.starts.setdefault(k[:15], [])
            if len(bucket) < 8:   # (lines that all start alike: a sentence missed here only stays a sentence)
                bucket.append(i)

    def near(self, sent: str) -> list[str]:
        from bisect import bisect_right

        found: set[int] = set()
        for i in range(max(0, len(sent) - 14)):
            # (only the lines whose key goes on as the sentence does from there; at most a few per start)
            found.update(self.starts.get(sent[i:i + 15], ()))
        pos, n = self.big.find(sent[:15]), 0
        while pos != -1 and n < 8:
            found.add(bisect_right(self.offsets, pos) - 1)
            pos, n = self.big.find(sent[:15], pos + 1), n + 1
        return [self.keys[i] for i in sorted(found)]


def _overlap(a: str, b: str) -> int:
    """Length of the longest end of ``a`` that is a start of ``b`` (at least 15 characters, else 0)."""
    if len(b) < 15:
        return 0
    # (linear in practice: only where b's first 15 characters occur in a, not every length tried)
    best, pos = 0, a.find(b[:15])
    while pos != -1:
        if b.startswith(a[pos:]):
            best = max(best, len(a) - pos)
            break   # the first (leftmost) occurrence that fits is the longest overlap
        pos = a.find(b[:15], pos + 1)
    return best


def _mostly_entries(sent: str, keys: list[str]) -> bool:
    """Is a sentence (its key) mostly made of the entry lines (keys)? The sentence splitter may cut across lines:
    "What we read: Lee A, Park B. Title." holds the start of an entry line, "Br J 2019;3:1-9 Kim C. Title." the
    end of one and the start of the next."""
    if len(sent) < 8 or not keys:
        return False
    if any(sent in k for k in keys):
        return True
    rest = len(sent)
    for k in keys:
        if k in sent:
            rest -= len(k)
        else:
            rest -= _overlap(sent, k) + _overlap(k, sent)
    return rest < 0.5 * len(sent)


__all__ = ["ReferenceModel", "add_model_references", "candidate_lines", "clean_line", "load_model",
           "reference_lines", "shape"]
