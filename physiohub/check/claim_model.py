"""A learned detector of research-claim sentences, beside the rules of ``claims.py``.

The rules were written against the dev articles and read their phrasing closely; on articles written later
they find half of the claims (docs/check.md). This model scores each body sentence for "reports research":
a logistic regression over TF-IDF word 1-2-grams and character 2-5-grams of the sentence (numbers folded to
"0", so "2019" and "48%" are shapes, not tokens), plus a few generic cue features (``CUES``: research words,
reporting verbs, "according to", organisations, citations, figures, quotes, questions, list lead-ins) for the
sentence itself and for the sentence before it in the same paragraph (a result sentence goes on from the
research named just before it), and where research is named around the sentence: the next sentence, the
paragraph before, its heading, its list's lead-in line ("Research shows:"), or nowhere near it (on pages of
styles it has not seen, a plain statement with no research anywhere around it was the model's commonest false
alarm). The cues are deliberately generic, not the rules' own patterns: a model fed the rules' patterns learns
to trust them on the articles the rules were written for.

It is trained only on the gold lists of the dev sets (dev, heldout, dev2 ... dev11; bench/train_check_claims.py).
Its setting (C, cue weight, threshold) is chosen by leave-one-set-out (bench/loso_check_claims.py --fresh): each
dev set is scored by a model fitted on the others, and the threshold is the one where what ``find_claims``
reports (rules OR model) scores best on the sets no rule was written on (session 9: 0.65, above the 0.45-0.50 that
article-grouped CV picks; on pages of new sites the lower threshold bought little recall for much precision).
``find_claims`` takes a sentence as a claim when the rules do or the model's probability reaches the threshold
(and no veto of the rules says it is a method sentence, a teaser, a question or a list lead-in). It ships as plain JSON (vocabulary, idf, weights), loaded
once per process, inference in numpy: no pickle, no dependence on the scikit-learn version that trained it.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from .tfidf_json import CHAR_PARAMS, WORD_PARAMS, export_blocks, load_blocks  # noqa: F401 (training reads the params here)

MODEL_PATH = Path(__file__).resolve().parent / "claim_model.json"


# Generic cues of a sentence that reports research (or of one that does not), as binary features. They are
# what a reader looks for, not patterns tuned to the dev articles.
CUES: tuple[str, ...] = (
    r"\b(?:stud(?:y|ies)|trials?|reviews?|meta-?analys[ie]s|research|evidence|experiments?|cohort|survey|data|findings|paper)\b",
    r"\b(?:researchers|scientists|investigators|authors|the team|experts|professor|dr\.?)\b",
    r"\b(?:found|finds?|show(?:s|ed|n)?|suggest(?:s|ed)?|conclude[sd]?|report(?:s|ed)?|reveal(?:s|ed)?|demonstrate[sd]?|"
    r"indicate[sd]?|confirm(?:s|ed)?|linked|associated)\b",
    r"\b(?:says?|said|recommends?|recommended|advises?|advised|warns?|warned|states?|stated|stress(?:es|ed)?|urges?|urged|"
    r"maintains?|maintained|points? out|pointed out|argues?|argued|emphasi[sz]es?|emphasi[sz]ed|insists?|"
    r"cautions?|cautioned|endorses?|endorsed)\b",
    # an organisation, panel or guideline with a reporting verb after it: "The X Society stresses that ..."
    r"\b(?:Society|College|Association|Foundation|Organi[sz]ation|Institute|Academy|Federation|Council|Agency|Alliance|"
    r"Collaboration|Commission|Task Force|guidelines?|guidance|panel|experts)\b[^.;]{0,60}?\b(?:\w+s|said|stated|noted|"
    r"warned|stressed|urged|advised|recommended|concluded|found|reported)\b (?:that|against|to|a|an|the)\b",
    r"\baccording to\b",
    r"\b(?:Society|College|Association|Foundation|Organi[sz]ation|Institute|Academy|Federation|Council|Agency|"
    r"Collaboration|Centers?|Centres?|Commission|Task Force|Cochrane|NICE|WHO|NHS|CDC|NIH)\b",
    r"\b(?:journal|published|publication|Lancet|BMJ|JAMA)\b",
    r"\b(?:university|hospital|institute|school of)\b",
    r"\[\d|\(\s*\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\s*\)|\bet al\b|\(\s*[A-Z][A-Za-z'\-]+,? (?:19|20)\d\d|[\u00b9\u00b2\u00b3\u2074-\u2079]",
    r"\b(?:19[6-9]\d|20[0-4]\d)\b",
    r"\d\s?(?:%|percent|per cent)|\b(?:times|twice|half|a third|a quarter)\b",
    r"\b(?:more|less|fewer|lower|higher|greater|better|worse)\b.{0,40}\bthan\b|\bcompared (?:with|to)\b|\bversus\b",
    r"\b(?:reduc|improv|lower|increas|decreas|eas|reliev|prevent|help|benefit|worsen)\w*\b",
    r"\b(?:no|not|little)\b.{0,20}\b(?:difference|effect|benefit|better)\b",
    r"[\"\u201c\u201d]",
    r"\?\s*$",
    r":\s*$",
    r"\b(?:let'?s|we'll|we will|in this (?:post|article|blog))\b",
    r"\b(?:recruited|enrolled|randomi[sz]ed|assigned|allocated|consisted of|took part|participants were|were asked|aimed to|set out to)\b",
    r"\b(?:more research|further research|larger studies|needs? to be (?:studied|tested))\b",
    r"^(?:I|we|my|our|you|your)\b|\b(?:our clinic|our practice|book|contact us|call us|click|subscribe|sign up)\b",
    r"^(?:the|these|those|this|it|they|their|its|but|and|however|overall|in fact)\b",
    r"\b(?:may|might|could|can)\b",
)
_CUE_RE = [re.compile(c, re.I if i not in (6, 9) else 0) for i, c in enumerate(CUES)]   # (organisation names and
# citation markers are read case-sensitively)
N_CONTEXT = 12   # sentence-position and context features below (``context_features``)
# Bumped when the context columns change: a model file trained with other columns is refused.
CONTEXT_VERSION = 2
# The cues that say research is being talked about: research words, researchers, an organisation or guideline that
# reports, "according to", organisations,
# journals, citation markers (indices into ``CUES``).
_RESEARCH_CUES = (0, 1, 4, 5, 6, 7, 9)


def normalise(text: str) -> str:
    """White space collapsed and digits folded to 0: a year or a percentage is a shape, not a word."""
    return re.sub(r"\d", "0", re.sub(r"\s+", " ", text)).strip()


def _cues(text: str) -> list[float]:
    return [float(bool(rx.search(text))) for rx in _CUE_RE]


def _research(cues: list[float]) -> float:
    return float(any(cues[k] for k in _RESEARCH_CUES))


def context_features(texts: Sequence[str], paragraphs: Sequence[int], items: Sequence[bool],
                     headings: Sequence[str] | None = None, docs: Sequence[int] | None = None) -> np.ndarray:
    """Per sentence: its cues, the cues of the sentence before it in the same paragraph (zeros if none), a few
    position facts (list item, first in its paragraph, short, long) and where research is named around it: in
    the next sentence of the paragraph, in the last sentence of the paragraph before, in its heading, in the
    lead-in line of its list ("Research shows:"), in a window of two sentences before; none of these at all
    (a sentence with no research anywhere near it reports none); and the page's first line. ``docs`` numbers
    the article of each sentence when several are scored together (training): context never crosses articles."""
    rows = []
    own = [_cues(t) for t in texts]
    heads = list(headings) if headings is not None else [""] * len(texts)
    head_research = {h: _research(_cues(h)) for h in set(heads)}
    zero = [0.0] * len(CUES)
    doc = list(docs) if docs is not None else [0] * len(texts)
    lead_in: int | None = None      # the last sentence that is not a list item
    for i, t in enumerate(texts):
        first = i == 0 or doc[i - 1] != doc[i]
        if first:
            lead_in = None
        same_prev = i > 0 and paragraphs[i - 1] == paragraphs[i]
        same_next = i + 1 < len(texts) and paragraphs[i + 1] == paragraphs[i]
        n = len(t.split())
        # the last sentence of the paragraph before this one
        j = i - 1
        while j >= 0 and paragraphs[j] == paragraphs[i] and doc[j] == doc[i]:
            j -= 1
        prev_para = _research(own[j]) if j >= 0 and doc[j] == doc[i] else 0.0
        window = max([_research(own[k]) for k in range(max(0, i - 2), i) if paragraphs[k] == paragraphs[i]] or [0.0])
        lead = _research(own[lead_in]) if items[i] and lead_in is not None else 0.0
        lead_colon = float(bool(items[i] and lead_in is not None and texts[lead_in].rstrip().endswith(":")))
        head = head_research[heads[i]]
        nxt = _research(own[i + 1]) if same_next else 0.0
        nothing = float(not (_research(own[i]) or window or prev_para or head or lead or nxt))
        rows.append(own[i] + (own[i - 1] if same_prev else zero)
                    + [float(items[i]), float(not same_prev), float(n < 7), float(n > 35),
                       nxt, prev_para, head, lead, lead_colon, window, nothing, float(first)])
        if not items[i]:
            lead_in = i
    return np.array(rows, dtype=np.float64).reshape(len(texts), 2 * len(CUES) + N_CONTEXT)


def embedding_columns(vectors: Mapping[str, np.ndarray], texts: Sequence[str], paragraphs: Sequence[int],
                      items: Sequence[bool], headings: Sequence[str] | None = None, docs: Sequence[int] | None = None,
                      *, cue_weight: float = 1.0, prev: bool = True, head: bool = True) -> np.ndarray:
    """The sentence-embedding model's columns: the sentence's MiniLM vector (``vectors[text]``), the vector of the
    sentence before it in its paragraph (zeros if none: a result goes on from the research named before it) when
    ``prev``, the vector of its heading (zeros if none) when ``head``, then the cue and context columns
    (``context_features``) times ``cue_weight``. The shipped model uses both; leave-one-set-out compares without."""
    dim = len(next(iter(vectors.values()))) if vectors else 384
    doc = list(docs) if docs is not None else [0] * len(texts)
    heads = list(headings) if headings is not None else [""] * len(texts)
    zero = np.zeros(dim)
    blocks = [np.array([vectors[t] for t in texts], dtype=np.float64).reshape(len(texts), dim)]
    if prev:
        blocks.append(np.array([vectors[texts[i - 1]] if i > 0 and paragraphs[i - 1] == paragraphs[i] and doc[i - 1] == doc[i]
                                else zero for i in range(len(texts))], dtype=np.float64).reshape(len(texts), dim))
    if head:
        blocks.append(np.array([vectors[h] if h else zero for h in heads], dtype=np.float64).reshape(len(texts), dim))
    return np.hstack(blocks + [context_features(texts, paragraphs, items, headings, docs) * cue_weight])


@lru_cache(maxsize=1)
def _embedder_ready() -> bool:
    """Is the hub's sentence-embedding model installed? (Without it the n-gram model decides alone.)"""
    from ..search.embed import model_available

    return model_available()


def sentence_vectors(texts: Sequence[str]) -> dict[str, np.ndarray]:
    """The MiniLM vector of each distinct text, encoded one text at a time: the int8 path quantises a whole batch
    at once, so a batched sentence's vector would move with the sentences beside it, and a decision with them."""
    from ..search.embed import get_embedder

    encode = get_embedder().encode
    return {t: encode([t])[0] for t in dict.fromkeys(texts) if t}


class ClaimModel:
    """A fitted claim-sentence model: ``probabilities`` for the sentences of one article.

    Two logistic regressions are stored: the n-gram model (TF-IDF blocks and cue columns) and, since session 13,
    a sentence-embedding model (MiniLM vectors of the sentence, the sentence before it and its heading, with the
    same cue columns). With the embedding model installed the probability is the mean of the two and
    ``threshold`` is the mean's; without it the n-gram model decides alone at its own threshold
    (``threshold_ngram``). On pages of sites no rule was written on, the mean found 32 more of 558 claims for 13
    more false alarms (docs/check.md, "A second claim model (session 13)")."""

    def __init__(self, data: dict[str, Any], *, use_embedding: bool | None = None):
        if list(data["cues"]) != list(CUES) or data.get("context_version", 1) != CONTEXT_VERSION:
            raise ValueError("claim model was trained with different cue patterns or context columns; retrain it "
                             "(bench/train_check_claims.py)")
        self.blocks = load_blocks(data["blocks"])
        self.coef = np.asarray(data["coef"], dtype=np.float64) / float(data["scale"])
        self.intercept = float(data["intercept"])
        self.cue_weight = float(data["cue_weight"])
        emb = data.get("embedding")
        self.embedding = emb is not None and (_embedder_ready() if use_embedding is None else use_embedding)
        if self.embedding:
            self.emb_coef = np.asarray(emb["coef"], dtype=np.float64) / float(emb["scale"])
            self.emb_intercept = float(emb["intercept"])
            self.emb_cue_weight = float(emb["cue_weight"])
            self.threshold = float(data["threshold"])
            self.veto_below = float(data.get("veto_below", 0.0))
        else:
            self.threshold = float(data.get("threshold_ngram", data["threshold"]))
            self.veto_below = 0.0   # (chosen with the mean's probabilities only)

    def ngram_probabilities(self, texts: Sequence[str], paragraphs: Sequence[int], items: Sequence[bool],
                            headings: Sequence[str] | None = None) -> np.ndarray:
        x = design_matrix(self.blocks, texts, paragraphs, items, self.cue_weight, headings)
        z = np.asarray(x @ self.coef).ravel() + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def probabilities(self, texts: Sequence[str], paragraphs: Sequence[int], items: Sequence[bool],
                      headings: Sequence[str] | None = None) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        p = self.ngram_probabilities(texts, paragraphs, items, headings)
        if not self.embedding:
            return p
        vectors = sentence_vectors(list(texts) + [h for h in (headings or []) if h])
        x = embedding_columns(vectors, texts, paragraphs, items, headings, cue_weight=self.emb_cue_weight)
        q = 1.0 / (1.0 + np.exp(-(x @ self.emb_coef + self.emb_intercept)))
        return (p + q) / 2.0


def design_matrix(blocks, texts: Sequence[str], paragraphs: Sequence[int], items: Sequence[bool], cue_weight: float,
                  headings: Sequence[str] | None = None, docs: Sequence[int] | None = None):
    """The feature matrix: the TF-IDF blocks (fitted) beside the cue and context columns."""
    from scipy.sparse import csr_matrix, hstack

    norm = [normalise(t) for t in texts]
    ctx = csr_matrix(context_features(texts, paragraphs, items, headings, docs) * cue_weight)
    return hstack([b.transform(norm) for b in blocks] + [ctx]).tocsr()


def export_model(word, char, coef: np.ndarray, intercept: float, cue_weight: float, threshold: float,
                 meta: dict[str, Any], embedding: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON form of a fitted model; weights as integers at a fixed scale (1e-4 resolution) keep it small.
    (Every term is kept, even one whose weight rounds to zero: the TF-IDF rows are normalised over all of them.)
    ``embedding`` (``coef``, ``intercept``, ``cue_weight``, ``threshold``: the mean's threshold, ``threshold`` above
    being the n-gram model's alone) adds the sentence-embedding model."""
    scale = 10000
    q = np.rint(np.asarray(coef).ravel() * scale).astype(int)
    blocks = export_blocks(word, char)
    data = {"cues": list(CUES), "context_version": CONTEXT_VERSION, "blocks": blocks, "scale": scale, "coef": q.tolist(),
            "intercept": round(float(intercept), 6), "cue_weight": cue_weight, "threshold": round(float(threshold), 3), **meta}
    if embedding is not None:
        data["threshold_ngram"] = data["threshold"]
        data["threshold"] = round(float(embedding["threshold"]), 3)
        data["embedding"] = {"model": "all-MiniLM-L6-v2", "columns": "sentence, sentence before it, heading, cue/context",
                             "scale": scale, "coef": np.rint(np.asarray(embedding["coef"]).ravel() * scale).astype(int).tolist(),
                             "intercept": round(float(embedding["intercept"]), 6), "cue_weight": embedding["cue_weight"],
                             "C": embedding["C"]}
    return data


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> ClaimModel:
    """The shipped model (or one at ``path``), loaded once per process."""
    p = Path(path) if path else MODEL_PATH
    with p.open(encoding="utf-8") as f:
        return ClaimModel(json.load(f))
