"""Claim strength of a sentence: not a claim / correlational / conditional causal / direct causal.

The four labels are those of Yu et al. (EMNLP 2019; COLING 2020), whose annotated PubMed conclusion and
EurekAlert press-release sentences train the model (see ``strength_train.py``). The model is a linear
SVM over TF-IDF word 1–2-grams and character 2–5-grams (within word boundaries) plus a few binary
cue-word features (``CUES``), the strongest light-weight baseline for short-sentence classification; it ships as plain JSON (vocabulary, idf,
weights), so loading needs no pickle and does not depend on the scikit-learn version that trained it.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .tfidf_json import CHAR_PARAMS, WORD_PARAMS, export_blocks, load_blocks  # noqa: F401 (training reads the params here)

LABELS = ("not a claim", "correlational", "conditional causal", "direct causal")
MODEL_PATH = Path(__file__).resolve().parent / "strength_model.json"



# Cue words that separate the four kinds (hedges, association words, effect verbs, negation), as
# binary features beside the n-grams: they generalise to verbs the n-grams saw rarely. Adding them
# raised cross-validated macro F1 on the training parts from 0.748 to 0.763.
CUES: tuple[str, ...] = (
    r"\b(?:may|might|could|can|possibly|potentially|likely)\b",
    r"\b(?:associat\w*|correlat\w*|linked|link|relat\w*)\b",
    r"\b(?:increas\w*|decreas\w*|reduc\w*|improv\w*|lower\w*|rais\w*|caus\w*|lead\w* to|led to|prevent\w*|effect\w*|impact\w*|affect\w*)\b",
    r"\b(?:no|not|neither|nor)\b",
    r"\b(?:suggest\w*|indicat\w*|appear\w*|seem\w*)\b",
    r"\b(?:predict\w*|risk\w*)\b",
    r"\?",
)
_CUE_RE = [re.compile(c, re.I) for c in CUES]


def cue_features(texts: list[str]):
    """One binary column per cue (a sparse matrix, for hstack with the TF-IDF blocks)."""
    from scipy.sparse import csr_matrix

    return csr_matrix(np.array([[bool(rx.search(t)) for rx in _CUE_RE] for t in texts], dtype=np.float64).reshape(len(texts), len(_CUE_RE)))


def normalise(sentence: str) -> str:
    """Collapse white space; strip citation markers ("[3]", "(Smith 2020)") that carry no strength cue."""
    s = re.sub(r"\[\d+(?:[,\u2013-]\s*\d+)*\]", " ", sentence)
    return re.sub(r"\s+", " ", s).strip()


class StrengthModel:
    """A fitted linear model: ``predict`` returns label names, ``scores`` the decision values."""

    def __init__(self, data: dict[str, Any]):
        self.version: str = data["version"]
        self.blocks: list[TfidfVectorizer] = load_blocks(data["blocks"])
        scale = float(data["scale"])
        self.coef = np.asarray(data["coef"], dtype=np.float64) / scale  # (n_classes, n_features)
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)
        self.classes: list[int] = list(data["classes"])
        self.cues = bool(data.get("cues"))
        if self.cues and list(data["cues"]) != list(CUES):
            raise ValueError("model was trained with different cue patterns; retrain it")

    def scores(self, sentences: list[str]) -> np.ndarray:
        from scipy.sparse import hstack

        texts = [normalise(s) for s in sentences]
        x = hstack([b.transform(texts) for b in self.blocks] + ([cue_features(texts)] if self.cues else [])).tocsr()
        return np.asarray(x @ self.coef.T) + self.intercept

    def predict_ids(self, sentences: list[str]) -> list[int]:
        if not sentences:
            return []
        s = self.scores(sentences)
        return [self.classes[i] for i in s.argmax(axis=1)]

    def predict(self, sentences: list[str]) -> list[str]:
        return [LABELS[i] for i in self.predict_ids(sentences)]


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> StrengthModel:
    """The shipped model (or one at ``path``), loaded once per process."""
    p = Path(path) if path else MODEL_PATH
    with p.open(encoding="utf-8") as f:
        return StrengthModel(json.load(f))


def classify(sentences: list[str]) -> list[str]:
    """Strength label for each sentence, with the shipped model."""
    return load_model().predict(sentences)


def export_model(word: TfidfVectorizer, char: TfidfVectorizer, coef: np.ndarray, intercept: np.ndarray,
                 classes: list[int], version: str) -> dict[str, Any]:
    """The JSON form of a fitted model. Weights are rounded to integers at a fixed scale (1e-4
    resolution): the file stays small and predictions are unchanged (checked by the training script)."""
    scale = 10000
    blocks = export_blocks(word, char)
    return {
        "version": version,
        "labels": list(LABELS),
        "classes": [int(c) for c in classes],
        "blocks": blocks,
        "cues": list(CUES),
        "scale": scale,
        "coef": np.rint(coef * scale).astype(int).tolist(),
        "intercept": [round(float(v), 6) for v in intercept],
    }


_MODAL = re.compile(r"\b(?:may|might|could|can|would|possibly|potentially|likely to|appears? to|seems? to|suggests?)\b", re.I)


def rule_strength(sentence: str) -> str | None:
    """Strength from the effect-verb lexicon the claim finder uses: "associated" → correlational;
    an effect verb → direct causal, or conditional causal under a modal ("may reduce")."""
    from .claim_words import EFFECT_RES

    hits = [(m.start(), d) for d, rx in EFFECT_RES for m in [rx.search(sentence)] if m]
    if not hits:
        return None
    start, direction = min(hits)
    if direction == "no difference":
        return None
    if direction == "associated":
        return "correlational"
    return "conditional causal" if _MODAL.search(sentence[max(0, start - 40):start]) else "direct causal"


# A treatment said to work, in the words popular pages use and the effect verbs do not cover: "is proven to work for
# neck pain", "is very successful in treating", "does better than other kinds of management", "a remarkable treatment
# for": an effect a study's result can confirm or deny, never "no relationship stated".
WORKS = re.compile(r"\b(?:(?:is|are|was|were|been) (?:proven|shown|found) to (?:work|help|be (?:\w+ )?(?:effective|successful|"
                    r"beneficial|helpful))|works? (?:well )?(?:for|in treating)|successful in (?:treating|managing|reducing)|"
                    r"(?:does|do|did|works?|worked) (?:much |far )?better than|(?:effective|remarkable|successful|good) "
                    r"(?:treatment|therapy|remedy) for)\b", re.I)


# A claim that a treatment's benefit is small: "little more benefit than a placebo", "little to no benefit", "nothing more
# than a mild relief", "too small to be considered clinically important" (the reading of a benefit word alone is "for").
LITTLE_BENEFIT = re.compile(r"\b(?:little|minimal|negligible|marginal|tiny)\s+(?:\w+\s+){0,2}?(?:benefits?|effects?|relief|improvements?|"
                            r"help)\b|\blittle (?:or|to) no\b|\b(?:anything|nothing|no) more than (?:a |an )?(?:mild|small|slight|"
                            r"modest|minor)\b|\btoo small to (?:be|matter|make)\b|\bnot clinically (?:important|meaningful|relevant|"
                            r"worthwhile)\b", re.I)
# A verdict on a comparison with no verb: "No clear winner for neck pain treatment", "No benefit from ...".
_NO_WINNER = re.compile(r"^\W*no (?:clear |real |single |obvious )?(?:winner|difference|benefit|advantage|edge) (?:for|from|in|between|"
                        r"among|of|with)\b", re.I)
# Two treatments, or a treatment and a control, set side by side: "are better than opioids at easing pain", "reduced neck
# pain compared with a group that did not do qigong": the result of a comparison, not a link between two measures.
_SIDE_BY_SIDE = re.compile(r"\b(?:better|worse|more effective|less effective|superior|inferior)\s+(?:than|to)\b|\bcompared (?:with|to)\b"
                           r"|\bthan (?:a |the )?(?:placebo|sham|dummy|control|usual care|standard care)\b",
                           re.I)


# Groups compared by how likely or how often something happens to them ("were more likely to have back pain than those
# who stand"): how an observational study states a link.
_GROUPS_LIKELY = re.compile(r"\b(?:likely|likelihood|odds|chances?)\b|\b(?:those|people|participants|adults|women|men) who\b", re.I)


# An effect tested and not found; words of a link, which keep a sentence correlational.
_NO_EFFECT = re.compile(r"\b(?:(?:works?|worked|did|does|do|was|were|is|are) no better than|(?:made|makes|make) (?:no|any) (?:\w+ )?difference|"
                        r"did not (?:\w+ )?(?:improve|reduce|relieve|ease|speed|shorten|help|prevent|change|affect)|"
                        r"(?:had|has|have) no (?:\w+ )?effect on)\b", re.I)
_LINK_WORDS = re.compile(r"\b(?:associat\w*|link\w*|correlat\w*|relationship|related to|risk)\b", re.I)
# ... not in an organisation's name: "the Journal of the American Medical Association", "the Heart Association"
_NAMED_ASSOCIATION = re.compile(r"(?<=\w )Association\b")


def _link_words(s: str):
    return _LINK_WORDS.search(_NAMED_ASSOCIATION.sub(" ", s))


# How many have a condition: "RRIs will affect up to 69.8% of runners", "the incidence of heel pain is about 7.9%", "one in
# four Americans has ...": a frequency, not a relationship between a cause and an effect, whatever verbs it borrows.
_HOW_MANY_HAVE = re.compile(
    r"\b(?:affects?|will affect|afflicts?|strikes?)\s+(?:up to |about |around |nearly |almost |over |more than |an estimated |"
    r"some |roughly |approximately |at least )?(?:\d[\d.,]*\s*(?:%|percent|per cent|million|billion)?|one in \w+|"
    r"(?:two|three|four|five) in \w+|half|a third|a quarter|millions)"
    r"|\b(?:incidence|prevalence|lifetime risk)\b|\b(?:one|two|three|four) in (?:\w+ )?(?:people|adults|americans|britons|runners|"
    r"women|men|children|patients)\b|\b\d[\d.,]*\s*(?:%|percent|per cent|million)\s+of\s+(?:\w+\s+){0,3}(?:people|adults|runners|"
    r"patients|americans|women|men|children|workers|population)\s+(?:have|has|had|get|develop|report|experience|suffer|live)\b"
    # "an estimated 52.2 million Americans - 22.7 percent of the population - have been diagnosed with ..."
    r"|\b\d[\d.,]*\s*(?:million|billion)\s+(?:\w+\s+){0,2}?(?:people|adults|americans|britons|australians|canadians|patients|"
    r"women|men|children|workers)\b(?:[^.;]|\.\d){0,60}?\b(?:have been diagnosed|are diagnosed|were diagnosed|live with|are living with|"
    r"suffer from|have|has)\b", re.I)


def _frequency_only(s: str) -> bool:
    """A sentence that states how many have something and no effect of one thing on another."""
    m = _HOW_MANY_HAVE.search(s)
    if not m or _LINK_WORDS.search(s) or _NO_EFFECT.search(s) or WORKS.search(s):
        return False
    return rule_strength(s[:m.start()] + " " + s[m.end():]) is None


def claim_strength(sentences: list[str]) -> list[str]:
    """The classifier's label, except that a sentence it calls "not a claim" while it carries a clear
    effect verb takes the lexicon's label. Popular articles use verbs the training sentences rarely do
    ("prevents", "cures", "eliminates"); the lexicon covers those. Evaluated beside the plain classifier
    in bench/eval_check_strength.py."""
    out = []
    for s, label in zip(sentences, classify(sentences)):
        if label == "correlational" and (m := _NO_EFFECT.search(s)) and not _link_words(s):
            # "Paracetamol works no better than dummy pills", "made no difference to pain": a tested effect that was not
            # there is causal wording about the treatment, not a link between two things
            label = "conditional causal" if _MODAL.search(s[max(0, m.start() - 40):m.start()]) else "direct causal"
        if label == "correlational" and _SIDE_BY_SIDE.search(s) and not _link_words(s) and not _GROUPS_LIKELY.search(s):
            # a comparison's result is causal wording about the treatment, whatever the n-grams say
            label = rule_strength(s) or label
        if label == "not a claim" and (LITTLE_BENEFIT.search(s) or _NO_WINNER.search(s)):
            # "Back pain drugs have little benefit", "No clear winner for ...": an effect found small or absent
            label = "conditional causal" if _MODAL.search(s) else "direct causal"
        if label == "not a claim":
            label = rule_strength(s) or label
        if label == "not a claim" and (m := WORKS.search(s)):
            label = "conditional causal" if _MODAL.search(s[max(0, m.start() - 40):m.start()]) else "direct causal"
        if label != "not a claim" and _frequency_only(s):
            label = "not a claim"   # shown as "no relationship stated": a prevalence is no causal wording
        out.append(label)
    return out
