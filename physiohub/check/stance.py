"""Does a study's abstract back a claim, or go against it?

``stance(claim, abstract)`` says "supports" or "contradicts" with a probability and the sentence of the
abstract it rests on. Steps:

1. The abstract's sentences closest to the claim: IDF-weighted overlap of word stems (the claim's rare
   words are what it is about), the conclusion-like sentences first on a tie.
2. Features of the claim against those sentences: which way each says things go (up words such as
   "increases", "higher", "promotes"; down words such as "reduces", "lower", "inhibits"), negation and
   null findings ("no association", "did not differ"), the honest-cards clause reader's label of the
   evidence sentence (``appraise.reading``: for / null / against), a claim word the abstract does not use
   while it does use its opposite ("increases" in the claim, only "decreased" in the abstract), and how
   much of the claim the abstract covers at all. Alignment (``align_features``, over the top three
   sentences): the direction the claim states ("X reduces pain") against the direction words the
   evidence puts next to the claim's words, and a "no difference" next to them.
3. A logistic model over those features, fitted on SciFact *train* claims with their cited abstracts
   (bench/train_check_stance.py) and shipped as ``stance_model.json`` (plain lists; inference is numpy).

Rules over polarity, not a language model: SciFact's contradicting claims are mostly a finding with one
word flipped or negated, which these features see; paraphrases that need world knowledge they do not.
Dev macro-F1 beside the published anchors is in docs/benchmarks.md ("Claim check: stance, alignment features").
"""
from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..appraise.reading import read_sentence
from ..text import split_sentences

MODEL_PATH = Path(__file__).resolve().parent / "stance_model.json"
SUPPORTS, CONTRADICTS = "supports", "contradicts"

_WORD = re.compile(r"[a-z][a-z0-9'\-]*|\d+(?:\.\d+)?")
_STOP = frozenset("""a an the of in on at to for with without and or by from as vs versus than that this these those is are was
were be been being it its their there which who whom whose has have had do does did can could may might will would
shall should into onto over under about after before between among within during per not no""".split())

_UP = re.compile(r"\b(?:increas\w*|higher|more|greater|larger|longer|elevat\w*|rais\w*|rise[sn]?|rose|gain\w*|promot\w*|"
                 r"enhanc\w*|induc\w*|activat\w*|stimulat\w*|upregulat\w*|up-regulat\w*|accelerat\w*|improv\w*|boost\w*|"
                 r"augment\w*|amplif\w*|exacerbat\w*|worsen\w*|positive(?:ly)?|high|more likely|risk factor|caus\w*|"
                 r"contribut\w*|facilitat\w*|required|necessary|essential|efficient|effective)\b", re.I)
_DOWN = re.compile(r"\b(?:decreas\w*|lower\w*|less|fewer|smaller|shorter|reduc\w*|declin\w*|drop\w*|fell|fall\w*|loss|"
                   r"inhibit\w*|suppress\w*|block\w*|attenuat\w*|impair\w*|diminish\w*|downregulat\w*|down-regulat\w*|"
                   r"prevent\w*|protect\w*|abolish\w*|limit\w*|slow\w*|delay\w*|negative(?:ly)?|low|less likely|"
                   r"deplet\w*|deficien\w*|loss of|lack\w*|counteract\w*|antagoni\w*|ineffective|inefficient)\b", re.I)
_NEG = re.compile(r"\b(?:not|no|never|neither|nor|cannot|can't|doesn't|don't|didn't|isn't|aren't|wasn't|weren't|"
                  r"without|fail\w*|unable|absence|absent|unaffected|unrelated|independent of|irrespective)\b", re.I)
_NULL = re.compile(r"\bno (?:\w+ ){0,3}?(?:differences?|effects?|changes?|associations?|relationships?|correlations?|"
                   r"impact|influence|benefit|role)\b|\bnot (?:\w+ ){0,2}?(?:significant\w*|associated|related|correlated|"
                   r"affect\w*|alter\w*|chang\w*|differ\w*)\b|\bdid not (?:\w+ ){0,2}?(?:differ|change|affect|alter|"
                   r"improve|reduce|increase)\b|\bsimilar\b|\bunchanged\b|\bcomparable\b|\bindependent of\b", re.I)
_ONLY = re.compile(r"\b(?:exclusively|only|solely|always|all|entirely|completely|never|every)\b", re.I)
# Opposites a flipped claim swaps in ("increases" for "decreases", "higher" for "lower").
_OPPOSITES = [("increas", "decreas"), ("higher", "lower"), ("more", "less"), ("more", "fewer"), ("greater", "smaller"),
              ("larger", "smaller"), ("positive", "negative"), ("promot", "inhibit"), ("promot", "suppress"),
              ("activat", "inhibit"), ("enhanc", "impair"), ("enhanc", "reduc"), ("increas", "reduc"), ("high", "low"),
              ("gain", "loss"), ("upregulat", "downregulat"), ("induc", "prevent"), ("induc", "inhibit"),
              ("accelerat", "slow"), ("accelerat", "delay"), ("long", "short"), ("better", "worse"), ("benefit", "harm"),
              ("rais", "lower"), ("stimulat", "inhibit"), ("improv", "impair"), ("improv", "worsen"), ("efficient", "inefficient")]
FEATURES = ("bias", "c_up", "c_down", "c_neg", "c_null", "c_only", "e_up", "e_down", "e_neg", "e_null",
            "sign_agree", "sign_disagree", "null_mismatch", "neg_mismatch", "r_for", "r_null", "r_against", "r_mixed",
            "flip_absent", "flip_present", "coverage", "top_score", "c_num_absent", "claim_len",
            "prefix_flip", "cr_null_er_for", "cr_for_er_null", "cr_against", "sign_x_cover", "w_sign_agree", "w_sign_disagree")

# Words of the claim that say which way or how sure (one feature each): the model learns how often each
# goes with a claim its abstract contradicts.
CUE_WORDS = ("not", "no", "does", "cannot", "only", "all", "exclusively", "never", "always", "increases", "decreases",
             "reduces", "higher", "lower", "less", "more", "inhibits", "promotes", "impairs", "enhances", "prevents",
             "causes", "protects", "associated", "correlated", "linked", "required", "necessary", "independent", "unrelated",
             "improves", "worsens", "accelerates", "slows", "activates", "suppresses", "positive", "negative", "risk")
FEATURES = FEATURES + tuple(f"cw_{w}" for w in CUE_WORDS)
# The claim's direction against the evidence's direction next to the same words (``align_features``).
ALIGN = ("a_agree", "a_disagree", "a_strength", "a_c_dir_e_null", "a_c_neg_e_dir", "a_c_neg_e_null", "a_c_plain_e_null",
         "a_no_dir_near")
FEATURES = FEATURES + ALIGN

_lock = threading.Lock()
_model: dict | None = None


def _stem(w: str) -> str:
    for suf in ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


# Sentences that state an aim or a method say nothing about the result; sentences with a finding do.
_AIM = re.compile(r"\b(?:objective|aim|purpose|goal)s? (?:of (?:this|the) (?:study|work|review) )?(?:was|were|is|are)\b|"
                  r"\bwe (?:investigated|examined|evaluated|assessed|studied|sought|aimed|hypothesi[sz]ed|tested whether)\b|"
                  r"\b(?:to (?:determine|assess|evaluate|investigate|examine|compare) (?:whether|if|the))\b|"
                  r"\b(?:outcomes? (?:was|were|included)|were (?:recruited|randomi[sz]ed|enrolled|measured))\b", re.I)
_RESULTISH = re.compile(r"\b(?:we (?:found|show|showed|demonstrate|report|observed|identify|identified)|results? (?:show|showed|"
                        r"indicate|suggest|demonstrate)|(?:we )?conclu\w+|suggest\w*|associated|significant\w*|"
                        r"increas\w*|decreas\w*|reduc\w*|higher|lower|did not|no (?:significant )?(?:difference|effect|association))\b", re.I)


def evidence_sentences(claim: str, sentences: Sequence[str], k: int = 1) -> list[tuple[float, int]]:
    """(score, index) of the ``k`` sentences that share the claim's rarest words, best first; a sentence
    stating the study's aim or method counts for less, one that states a finding for more."""
    docs = [set(_stems(s)) for s in sentences]
    n = len(docs)
    want = set(_stems(claim))
    if not n or not want:
        return []
    idf = {w: math.log((n + 1) / (1 + sum(w in d for d in docs))) + 1.0 for w in want}
    total = sum(idf[w] for w in sorted(idf))
    weight = [(0.6 if _AIM.search(x) else 1.0) * (1.15 if _RESULTISH.search(x) else 1.0) for x in sentences]
    scored = [(weight[i] * sum(idf[w] for w in sorted(want & d)) / total, i) for i, d in enumerate(docs)]
    # a tie goes to the later sentence: abstracts state results and conclusions last
    return sorted(scored, key=lambda t: (t[0], t[1]), reverse=True)[:k]


def _sign(text: str) -> float:
    up, down = len(_UP.findall(text)), len(_DOWN.findall(text))
    s = float(np.sign(up - down))
    return -s if _NEG.search(text) and not _NULL.search(text) else s


def features(claim: str, abstract: str | Sequence[str], k: int = 1, k_align: int = 3) -> tuple[np.ndarray, str]:
    """The feature vector of (claim, abstract) and the evidence sentence it rests on; ``k`` sentences are
    read for the polarity features, ``k_align`` for the alignment ones (``align_features``)."""
    sentences = split_sentences(abstract) if isinstance(abstract, str) else list(abstract)
    top = evidence_sentences(claim, sentences, max(k, k_align))
    near = top[:k_align]
    top = top[:k]
    ev = " ".join(sentences[i] for _, i in sorted(top, key=lambda t: t[1])) if top else ""
    whole = " ".join(sentences).lower()
    c_low, e_low = claim.lower(), ev.lower()
    reading = read_sentence(ev) if ev else None
    lab = reading.label if reading else None
    c_sign, e_sign = _sign(claim), _sign(ev)
    flip_absent = flip_present = 0.0
    for a, b in _OPPOSITES:
        for x, y in ((a, b), (b, a)):
            if re.search(rf"\b{x}", c_low) and not re.search(rf"\b{y}", c_low):
                if not re.search(rf"\b{x}", whole) and re.search(rf"\b{y}", whole):
                    flip_absent = 1.0      # the claim's word is missing and its opposite is there
                if re.search(rf"\b{y}", e_low) and not re.search(rf"\b{x}", e_low):
                    flip_present = 1.0
    want = set(_stems(claim))
    have = set(_stems(whole))
    nums = set(re.findall(r"\d+(?:\.\d+)?", claim))
    f = {
        "bias": 1.0,
        "c_up": min(2, len(_UP.findall(claim))) / 2, "c_down": min(2, len(_DOWN.findall(claim))) / 2,
        "c_neg": float(bool(_NEG.search(claim))), "c_null": float(bool(_NULL.search(claim))),
        "c_only": float(bool(_ONLY.search(claim))),
        "e_up": min(3, len(_UP.findall(ev))) / 3, "e_down": min(3, len(_DOWN.findall(ev))) / 3,
        "e_neg": float(bool(_NEG.search(ev))), "e_null": float(bool(_NULL.search(ev))),
        "sign_agree": float(c_sign * e_sign > 0), "sign_disagree": float(c_sign * e_sign < 0),
        "null_mismatch": float(bool(_NULL.search(claim) or _NEG.search(claim)) != bool(_NULL.search(ev) or _NEG.search(ev))),
        "neg_mismatch": float(bool(_NEG.search(claim)) != bool(_NEG.search(ev))),
        "r_for": float(lab == "for"), "r_null": float(lab == "null"), "r_against": float(lab == "against"),
        "r_mixed": float(lab == "mixed"),
        "flip_absent": flip_absent, "flip_present": flip_present,
        "coverage": len(want & have) / max(1, len(want)),
        "top_score": top[0][0] if top else 0.0,
        "c_num_absent": float(bool(nums) and not all(n in whole for n in nums)),
        "claim_len": min(40, len(claim.split())) / 40,
    }
    # "deactivates" in the claim where the abstract says "activating" (or the other way round)
    c_words, e_words = {_stem(w) for w in _WORD.findall(c_low)}, {_stem(w) for w in _WORD.findall(whole)}
    f["prefix_flip"] = float(any(
        (w.startswith(pre) and w[len(pre):] in e_words and w not in e_words) or
        (any(x == pre + w for x in e_words) and not any(x == pre + w for x in c_words))
        for w in c_words if len(w) > 4 for pre in ("de", "un", "in", "dis", "non", "non-", "anti")))
    c_set = set(_WORD.findall(c_low))
    f.update({f"cw_{w}": float(w in c_set) for w in CUE_WORDS})
    c_lab = read_sentence(claim).label
    w_sign = _sign(whole_last := " ".join(sentences[-3:]))   # the conclusion, whatever the overlap
    f.update({
        "cr_null_er_for": float(c_lab == "null" and lab == "for") + float(bool(_NULL.search(claim)) and lab == "for"),
        "cr_for_er_null": float(c_lab in ("for", None) and not _NULL.search(claim) and lab == "null"),
        "cr_against": float(c_lab == "against"),
        "sign_x_cover": c_sign * e_sign * f["coverage"],
        "w_sign_agree": float(c_sign * w_sign > 0) if whole_last else 0.0,
        "w_sign_disagree": float(c_sign * w_sign < 0) if whole_last else 0.0,
    })
    f.update(align_features(claim, [sentences[i] for _, i in near]))
    return np.array([f[k] for k in FEATURES], dtype=np.float64), (sentences[top[0][1]] if top else "")


# Direction words token by token: the stem a word starts with says which way it points.
_UP_STEMS = ("increas", "higher", "high", "greater", "larger", "elevat", "rise", "rose", "gain", "promot", "enhanc",
             "induc", "activat", "stimulat", "upregulat", "up-regulat", "accelerat", "improv", "boost", "augment", "amplif",
             "exacerbat", "positive", "longer", "facilitat", "potentiat", "expand", "exceed", "encourag", "favor", "favour",
             "aggravat", "strengthen", "prolong", "extend", "intensif", "heighten")
_DOWN_STEMS = ("decreas", "lower", "low", "less", "fewer", "smaller", "reduc", "declin", "drop", "fell", "fall", "inhibit",
               "suppress", "block", "attenuat", "impair", "diminish", "downregulat", "down-regulat", "prevent", "abolish",
               "limit", "slow", "delay", "negative", "deplet", "shorter", "imped", "hinder", "deactivat", "disrupt",
               "lack", "loss", "weak", "compromis", "abrogat", "eliminat", "hamper", "counteract", "antagoniz", "antagonis",
               "dampen", "ablat", "repress", "silenc", "mitigat", "alleviat", "relie", "lessen", "shorten", "retard", "curb",
               "halt", "stop", "destabiliz", "degrad")
_NEGATORS = frozenset("not no never neither nor cannot without fail failed fails unable absence absent lack lacking".split())
_NULL_TOKENS = frozenset("similar unchanged unaffected comparable unaltered independent unrelated insignificant".split())
_NULL_AFTER_NO = frozenset("significant significantly difference differences effect association change associated related "
                           "correlated".split())
_TOK = re.compile(r"[a-z][a-z0-9\-]*|\d+(?:\.\d+)?|[;,:()]")


def _polarity(tok: str) -> int:
    """+1 for a word that says up ("increased", "more"), -1 for down ("reduces", "lower"), else 0."""
    if tok in ("more", "raise", "raised", "raises", "raising"):
        return 1
    if tok.startswith(("non", "un")) and not tok.startswith("under"):
        return 0        # "nonsignificant", "unrelated": not a direction
    if tok.startswith(_UP_STEMS) and not tok.startswith(("lowe", "loss")):
        return 1
    if tok.startswith(_DOWN_STEMS):
        return -1
    return 0


def directions(text: str) -> list[tuple[int, int, bool]]:
    """(token position, +1 up / -1 down, negated) for each direction word of ``text``; a direction word
    with a negator among the three tokens before it, in the same clause, is negated ("did not increase")."""
    toks = _TOK.findall(text.lower())
    out = []
    for i, t in enumerate(toks):
        p = _polarity(t)
        if not p:
            continue
        neg = False
        for j in range(i - 1, max(-1, i - 4), -1):
            if toks[j] in ";,:(":
                break
            if toks[j] in _NEGATORS or toks[j].endswith("n't"):
                neg = True
                break
        out.append((i, p, neg))
    return out


def align_features(claim: str, evidence: Sequence[str], window: int = 6) -> dict[str, float]:
    """Which way the claim says things move against which way the evidence sentences say the same words
    move. Each direction word of the evidence counts by how many of the claim's content words stand
    within ``window`` tokens of it, so a sentence's other findings weigh little; and whether the evidence
    reports no difference right next to those words."""
    c_toks = _TOK.findall(claim.lower())
    c_dirs = directions(claim)
    c_sign = float(np.sign(sum(-p if n else p for _, p, n in c_dirs)))
    c_neg = any(t in _NEGATORS or t.endswith("n't") for t in c_toks)

    # All the claim's content words, its subject's too: counting only the words after its direction word
    # (its object) scored lower in train cross-validation (0.722 against 0.730).
    content = {_stem(t) for t in c_toks if t not in _STOP and len(t) > 2 and not _polarity(t) and t not in _NEGATORS}
    e_score = 0.0
    e_null = e_near = False
    for sent in evidence:
        toks = _TOK.findall(sent.lower())
        hits = [i for i, t in enumerate(toks) if _stem(t) in content]
        if not hits:
            continue
        for i, p, n in directions(sent):
            near = sum(1 for h in hits if abs(h - i) <= window)
            if near:
                e_near = True
                e_score += near * (-p if n else p)
        for i, t in enumerate(toks):
            null = t in _NULL_TOKENS or (t in ("no", "not") and i + 1 < len(toks) and toks[i + 1] in _NULL_AFTER_NO)
            if null and any(abs(h - i) <= window + 2 for h in hits):
                e_null = True
    e_sign = float(np.sign(e_score))
    return {
        "a_agree": float(c_sign * e_sign > 0), "a_disagree": float(c_sign * e_sign < 0),
        "a_strength": math.tanh(c_sign * e_score / 3.0),
        "a_c_dir_e_null": float(bool(c_sign) and not c_neg and e_null),
        "a_c_neg_e_dir": float(c_neg and bool(e_sign) and not e_null),
        "a_c_neg_e_null": float(c_neg and e_null),
        "a_c_plain_e_null": float(not c_neg and not c_sign and e_null),
        "a_no_dir_near": float(bool(c_sign) and not e_near),
    }


def load() -> dict:
    global _model
    with _lock:
        if _model is None:
            _model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        return _model


@dataclass
class Stance:
    label: str              # supports | contradicts
    probability: float      # of the label
    sentence: str           # the abstract's sentence it rests on


def stance(claim: str, abstract: str | Sequence[str]) -> Stance:
    """Whether ``abstract`` backs ``claim`` ("supports") or goes against it ("contradicts")."""
    m = load()
    x, sentence = features(claim, abstract, int(m.get("k", 1)), int(m.get("k_align", 3)))
    z = float(np.dot(np.asarray(m["weights"], dtype=np.float64), x))
    p = 1.0 / (1.0 + math.exp(-z))          # probability of "contradicts"
    thr = float(m.get("threshold", 0.5))
    return Stance(CONTRADICTS, p, sentence) if p >= thr else Stance(SUPPORTS, 1.0 - p, sentence)


__all__ = ["ALIGN", "CONTRADICTS", "FEATURES", "SUPPORTS", "Stance", "align_features", "directions", "evidence_sentences",
           "features", "stance"]
