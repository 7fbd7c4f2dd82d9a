"""Which way a trial's result went for one intervention, comparator and outcome.

Given a prompt (intervention, comparator, outcome) and a passage of a trial report, the reader says
whether, on that outcome, the intervention *significantly increased* it, *significantly decreased* it,
or made *no significant difference*, as the doctors of Evidence Inference 2.0 answered (Lehman et al.
2019, DeYoung et al. 2020). Two steps:

1. ``find_evidence``: which sentences of an abstract speak about this prompt. A small logistic ranker
   over overlap with the outcome's, the intervention's and the comparator's words (weighted by how rare
   a word is in the abstract), the section the sentence sits in, and whether it reports statistics.
2. ``read_span``: the label for one passage. A logistic model over (i) words and word pairs of the
   passage with the arms and the outcome masked to INTV / CMPR / OUTC, numbers to a shape and p-values
   to their verdict, so "CMPR had higher OUTC than INTV" is learnt as a pattern, not as a drug name;
   and (ii) explicit readings the data is too small to learn from words alone: p-values against 0.05
   (<, <=, =, >, n.s.), confidence intervals that exclude or include the null (1 for ratios, 0 for
   differences) and on which side, negation cues (reading.py's clause reader: "no significant",
   "did not differ", "similar"), direction words (higher/lower, increased/reduced, more/fewer ...)
   signed by which arm is named first around them, and the order of paired numbers ("61% vs 82%").

The fitted model ships as ``direction.joblib``: plain lists and float32 arrays (no pickled scikit-learn
objects, so it survives library upgrades), read once on first use; inference is pure numpy.
Rebuild with bench/train_appraise_direction.py (fits on train + validation, never on test).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..model_file import load_once, with_vocab_index
from .reading import p_values, read_sentence

MODEL_PATH = Path(__file__).with_name("direction.joblib")
INCREASED, DECREASED, NO_DIFFERENCE = "significantly increased", "significantly decreased", "no significant difference"
LABELS = (INCREASED, DECREASED, NO_DIFFERENCE)



@dataclass
class DirectionResult:
    """The reading for one prompt: its label, the model's probability for it, and what it rests on."""
    label: str
    probability: float
    probabilities: dict[str, float]
    sentence: str                     # the sentence(s) read
    sentence_score: float = 1.0       # the finder's probability that this is the evidence (1.0: given)
    cues: list[str] = field(default_factory=list)  # the explicit readings that fired, for an editor

    @property
    def significant(self) -> bool:
        return self.label != NO_DIFFERENCE


# ---------------------------------------------------------------------------------------------- words
_WORD = re.compile(r"[a-z][a-z0-9'-]*|\d+(?:\.\d+)?")
_STOP = frozenset("""a an the of in on at to for with without and or by from as vs versus v than that this these those
is are was were be been being has have had do does did its it their his her group groups patients patient subjects
participants arm arms who which after before during per each all any both between among into over under
treatment treated therapy received receiving plus alone compared comparison control controls standard usual
mg kg ml g h day days week weeks month months year years dose doses daily""".split())
# Words that name a change rather than a thing: kept out of the arm and outcome word sets so that
# "reduced dose" as an arm does not mask the verb "reduced".
_CHANGE = frozenset("""increase increased increases increasing decrease decreased decreases decreasing reduce reduced reduces
reducing reduction higher lower high low more less fewer greater improved improvement improve change changes
significant significantly difference differences level levels rate rates score scores total mean number""".split())


def _stem(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _content(text: str) -> set[str]:
    """Content word stems of a prompt phrase, with the letters of an abbreviation kept ("(CLR)")."""
    out = set()
    for w in _WORD.findall(text.lower()):
        if w[0].isdigit() or len(w) < 2 or w in _STOP or w in _CHANGE:
            continue
        out.add(_stem(w))
    return out


# ---------------------------------------------------------------------------------- explicit readings
_P_TOKEN = re.compile(r"\bp\s*(?:value\s*)?(<|≤|<=|=|>|≥|>=)\s*(0?\.\d+|1(?:\.0+)?)", re.I)
_NS = re.compile(r"\(\s*ns\s*\)|\bn\.s\.|\bns\b(?=[,;)])", re.I)
_CI = re.compile(r"(?:95\s*%|99\s*%|\bci\b|confidence interval)[^0-9\-−–]{0,25}?(-|−|–)?\s*(\d+(?:\.\d+)?)\s*"
                 r"(?:to|-|–|−|,|;|and)\s*(-|−|–)?\s*(\d+(?:\.\d+)?)", re.I)
_RATIO = re.compile(r"\b(?:odds|hazard|risk|rate|incidence)[- ]ratios?\b|\b(?:a?or|rr|hr|irr)\b\s*[=:,(]?\s*\d|\bratio\b", re.I)
_PAIR = re.compile(r"(-?\d+(?:\.\d+)?)\s*(?:%|mg|ml|mmhg|kg|points?|days?|h|hours?|min|minutes?|mm|cm|s)?\s*"
                   r"(?:\([^()]{0,40}\)\s*|±\s*\d+(?:\.\d+)?\s*)?(?:vs\.?|versus|v\.|compared (?:with|to)|and|,)\s*"
                   r"(-?\d+(?:\.\d+)?)", re.I)
_RESPECTIVELY = re.compile(r"respectively", re.I)
_UP = re.compile(r"\b(?:increas\w*|higher|more|greater|larger|longer|elevat\w*|rais\w*|rise|rose|gain\w*|"
                 r"augment\w*|enhanc\w*|boost\w*|exceed\w*|superior|faster|prolong\w*|extended|better|improv\w*)\b")
_DOWN = re.compile(r"\b(?:decreas\w*|lower\w*|less|fewer|smaller|shorter|reduc\w*|declin\w*|drop\w*|fell|fall\w*|"
                   r"diminish\w*|attenuat\w*|suppress\w*|inferior|slower|worse|lessen\w*|shortened|alleviat\w*|"
                   r"reliev\w*|prevent\w*|eliminat\w*|curtail\w*)\b")
_GOOD_NEG = re.compile(r"\b(?:improv\w*|better|superior|benefi\w*)\b")   # ambiguous: a better pain score is lower
_NULLWORDS = re.compile(r"\bno (?:\w+ ){0,3}?(?:differences?|effects?|changes?)\b|\bnot (?:statistically )?significant\w*|"
                        r"\bnon-?significant\w*|\binsignificant\b|\bdid not (?:\w+ )?(?:differ|change|reach|show|affect|"
                        r"improve|reduce|increase|decrease|alter)\w*|\bsimilar\w*|\bcomparable\b|\bunchanged\b|"
                        r"\bunaffected\b|\bequivalent\b|\bnot (?:differ|different)\w*|\bfailed to\b|\btrend\w*|"
                        r"\btend\w* to\b|\bno (?:significant|statistically)\b|\bremained\b|\bsame\b|\bequal\w*\b|"
                        r"\bneither\b|\bnor\b", re.I)
_SIGWORDS = re.compile(r"\b(?<!not )(?<!no )(?<!non-)(?<!non)(?:statistically )?significant(?:ly)?\b", re.I)
_THAN = re.compile(r"\bthan\b|\bcompared (?:with|to)\b|\bversus\b|\bvs\.?|\bover\b|\brelative to\b|\bin comparison\b")

DENSE = ("p_sig", "p_ns", "p_min_log", "p_eq_sig", "ns_mark", "ci_excl", "ci_incl", "ci_up", "ci_down", "null_words",
         "sig_words", "up", "down", "up_signed", "down_signed", "good_signed", "num_up", "num_down", "order",
         "has_int", "has_cmp", "has_out", "read_for", "read_null", "read_against", "read_mixed", "read_none",
         "len", "than", "arm_sign", "ref_found", "near_pol", "near_signed", "up_ref", "down_ref", "change_up", "change_down")


def _arm_spans(low: str, words: list[tuple[int, int, str]], ints: set[str], cmps: set[str], outs: set[str],
               int_text: str = "", cmp_text: str = "") -> list[str]:
    """The tag of each word: INTV / CMPR / OUTC when its stem names only that part of the prompt.

    Reports often name the arms generically ("the control group", "the intervention group"): such a word
    takes the arm's tag when the prompt does not use it for the other arm."""
    tags = []
    n = len(words)
    for k, (_, _, w) in enumerate(words):
        s = _stem(w)
        hit = [t for t, ws in (("INTV", ints), ("CMPR", cmps), ("OUTC", outs)) if s in ws]
        if len(hit) == 1:
            tags.append(hit[0])
        elif hit and "OUTC" in hit and len(hit) == 2:
            tags.append([h for h in hit if h != "OUTC"][0])
        elif w in _GENERIC_CMP and w not in int_text:
            tags.append("CMPR")
        elif (w in _GENERIC_INT or w == "treatment" and k + 1 < n and words[k + 1][2] in ("group", "groups", "arm")) \
                and w not in cmp_text:
            tags.append("INTV")
        else:
            tags.append("")
    return tags


_GENERIC_CMP = frozenset(("control", "controls", "placebo", "sham", "usual", "conventional"))
_GENERIC_INT = frozenset(("intervention", "experimental", "active"))
_COMPARE_WORDS = frozenset(("than", "versus", "vs", "compared", "relative", "comparison", "over", "against"))
_NEG_BEFORE = frozenset(("not", "no", "nor", "neither", "without"))
_COPULA = frozenset(("significantly", "was", "were", "is", "are", "remained", "markedly", "considerably"))
_CHANGE_PAIR = re.compile(r"\bfrom\s+(-?\d+(?:\.\d+)?)[^()\d]{0,25}?\s+to\s+(-?\d+(?:\.\d+)?)|\((-?\d+(?:\.\d+)?)\s*%?\s+to\s+"
                          r"(-?\d+(?:\.\d+)?)\s*%?\s*[,;)]")


def _placebo_words(text: str) -> set[str]:
    return {w for w in ("placebo", "control", "sham", "usual", "standard") if w in text.lower()}


def _arm_sign(words: list[tuple[int, int, str]], tags: list[str]) -> tuple[float, bool]:
    """+1 when the sentence speaks of the intervention against the comparator, -1 the reverse.

    The arm right after a comparison word ("than", "compared with", "versus", "relative to") is the
    reference; without one, the first arm named is the subject. Returns (sign, reference found)."""
    for k, (_, _, w) in enumerate(words):
        if w in _COMPARE_WORDS:
            for j in range(k + 1, min(k + 7, len(words))):
                if tags[j] in ("INTV", "CMPR"):
                    return (1.0 if tags[j] == "CMPR" else -1.0), True
    first = next((t for t in tags if t in ("INTV", "CMPR")), None)
    return (1.0 if first == "INTV" else -1.0 if first == "CMPR" else 0.0), False


def _polarity_near_outcome(words: list[tuple[int, int, str]], tags: list[str]) -> float:
    """+1 / -1 for the up / down word closest to a mention of the outcome (0: none), so "higher
    creatinine and a lower eGFR" reads creatinine as up."""
    outs = [k for k, t in enumerate(tags) if t == "OUTC"]
    best: tuple[int, float] | None = None
    for k, (_, _, w) in enumerate(words):
        prev = words[k - 1][2] if k else ""
        pol = 1.0 if _UP.fullmatch(w) else -1.0 if _DOWN.fullmatch(w) else 0.0
        if w in ("high", "low") and prev in _COPULA:
            pol = 1.0 if w == "high" else -1.0  # "was significantly low", not "low-dose"
        if not pol or prev in _NEG_BEFORE or (w == "more" and prev == "or"):  # "one or more"
            continue
        dist = min((abs(k - o) for o in outs), default=50)
        if best is None or dist < best[0]:
            best = (dist, pol)
    return best[1] if best else 0.0


def span_features(span: str, intervention: str, comparator: str, outcome: str) -> tuple[list[str], np.ndarray, list[str]]:
    """(token features, dense readings in DENSE order, names of the readings that fired) for one passage."""
    low = span.lower()
    ints, cmps, outs = _content(intervention), _content(comparator), _content(outcome)
    # A comparator named "placebo" or "control" is found by that word even though _STOP drops "control".
    cmps |= _placebo_words(comparator) - _placebo_words(intervention)
    shared = ints & cmps
    ints, cmps = ints - shared, cmps - shared
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(low)]
    tags = _arm_spans(low, words, ints, cmps, outs, intervention.lower(), comparator.lower())
    # Token stream: arms and outcome masked, runs collapsed; p-values read as significant / not.
    toks: list[str] = []
    p_spans = [(m.start(), m.end(), m) for m in _P_TOKEN.finditer(low)]
    pi = 0
    for (a, b, w), tag in zip(words, tags):
        while pi < len(p_spans) and p_spans[pi][1] <= a:
            pi += 1
        if pi < len(p_spans) and p_spans[pi][0] <= a < p_spans[pi][1]:
            tok = "PSIG" if _p_sig(p_spans[pi][2]) else "PNS"
        elif tag:
            tok = tag
        elif w[0].isdigit():
            tok = "NUM"
        else:
            tok = w
        if not toks or toks[-1] != tok or tok not in ("INTV", "CMPR", "OUTC", "NUM", "PSIG", "PNS"):
            toks.append(tok)
    feats = list(toks) + [f"{x}_{y}" for x, y in zip(toks, toks[1:])]

    d = dict.fromkeys(DENSE, 0.0)
    cues: list[str] = []
    sig = ns = 0
    pmin = 1.0
    for op, v in p_values(low.replace("≤", "<").replace("<=", "<")):
        if op in ("<", "≤") and v <= 0.05 or op == "=" and v < 0.05:
            sig += 1
            pmin = min(pmin, v)
            if op == "=":
                d["p_eq_sig"] += 1
        elif op in (">", "≥") or op == "=" and v >= 0.05:
            ns += 1
    d["p_sig"], d["p_ns"] = min(sig, 3), min(ns, 3)
    d["p_min_log"] = -math.log10(max(pmin, 1e-6)) / 6 if sig else 0.0
    if sig:
        cues.append(f"{sig} p-value(s) below 0.05")
    if ns:
        cues.append(f"{ns} p-value(s) of 0.05 or more")
    if _NS.search(span):
        d["ns_mark"] = 1
        cues.append("marked n.s.")
    for m in _CI.finditer(span):
        lo = float(m.group(2)) * (-1 if m.group(1) else 1)
        hi = float(m.group(4)) * (-1 if m.group(3) else 1)
        if lo > hi:
            lo, hi = hi, lo
        ratio = bool(_RATIO.search(span[max(0, m.start() - 60):m.start() + 10]))
        null = 1.0 if ratio else 0.0
        if lo <= null <= hi:
            d["ci_incl"] += 1
            cues.append("confidence interval includes the null")
        else:
            d["ci_excl"] += 1
            d["ci_up" if lo > null else "ci_down"] += 1
            cues.append("confidence interval excludes the null")
    null_hits = _NULLWORDS.findall(low)
    d["null_words"] = min(len(null_hits), 3)
    if null_hits:
        cues.append(f"no-difference wording \u2018{null_hits[0]}\u2019")
    d["sig_words"] = min(len(_SIGWORDS.findall(low)), 3)
    # Which arm comes first: INTV before CMPR (or INTV alone) reads a direction word as the intervention's.
    first_i = next((k for k, t in enumerate(tags) if t == "INTV"), None)
    first_c = next((k for k, t in enumerate(tags) if t == "CMPR"), None)
    if first_i is not None and (first_c is None or first_i < first_c):
        order = 1.0
    elif first_c is not None and (first_i is None or first_c < first_i):
        order = -1.0
    else:
        order = 0.0
    d["order"] = order
    d["has_int"], d["has_cmp"], d["has_out"] = float(first_i is not None), float(first_c is not None), \
        float("OUTC" in tags)
    ups, downs = len(_UP.findall(low)), len(_DOWN.findall(low))
    goods = len(_GOOD_NEG.findall(low))
    d["up"], d["down"] = min(ups, 3), min(downs, 3)
    # An unnamed arm order reads as the intervention first: reports lead with the tested arm.
    sign = order if order else 0.5
    d["up_signed"] = sign * (ups > 0)  # kept apart from down so both can fire ("lower X but higher Y")
    d["down_signed"] = sign * (downs > 0)
    d["good_signed"] = sign * (goods > 0)
    pair = _PAIR.search(low)
    if pair:
        try:
            a, b = float(pair.group(1)), float(pair.group(2))
        except ValueError:
            a = b = 0.0
        if a != b:
            # "A and B, respectively" and "61% vs 82%" list the arms in the order the sentence names them.
            s = (1 if a > b else -1) * (order if order else 1)
            d["num_up" if s > 0 else "num_down"] = 1
    ch = _CHANGE_PAIR.search(low)
    if ch:
        a, b = (float(x) for x in (ch.groups()[:2] if ch.group(1) else ch.groups()[2:]))
        if a != b:  # "from 68 to 63": a change over time, mostly in the tested arm
            d["change_up" if b > a else "change_down"] = 1
    d["than"] = float(bool(_THAN.search(low)))
    arm, ref = _arm_sign(words, tags)
    pol = _polarity_near_outcome(words, tags)
    d["arm_sign"], d["ref_found"], d["near_pol"] = arm, float(ref), pol
    d["near_signed"] = pol * (arm if arm else 0.5)
    d["up_ref"] = (arm if arm else 0.5) * (ups > 0)
    d["down_ref"] = (arm if arm else 0.5) * (downs > 0)
    if pol and arm:
        cues.append(f"{'up' if pol * arm > 0 else 'down'}ward wording next to the outcome, "
                    f"{'intervention' if arm > 0 else 'comparator'} as subject")
    r = read_sentence(span).label
    d["read_" + (r if r in ("for", "null", "against", "mixed") else "none")] = 1
    d["len"] = min(len(words), 80) / 80
    return feats, np.array([d[k] for k in DENSE], dtype=np.float32), cues


def _p_sig(m: re.Match[str]) -> bool:
    op, v = m.group(1), float(m.group(2))
    return op in ("<", "≤", "<=") and v <= 0.05 or op == "=" and v < 0.05


# ------------------------------------------------------------------------------------ sentence finder
_STATS = re.compile(r"\bp\s*[<>=≤≥]|\bci\b|confidence interval|\bsignifican\w*|\bdiffer\w*|\d+(?:\.\d+)?\s*%|±")
RANK = ("out_recall", "out_recall_w", "out_bigram", "int_recall", "cmp_recall", "both_arms", "stats", "p_value",
        "sec_results", "sec_conclusions", "sec_methods", "sec_background", "sec_none", "rel_pos", "first",
        "last", "short", "read_result", "title")
_SEC = {"RESULTS": "sec_results", "CONCLUSIONS": "sec_conclusions", "METHODS": "sec_methods",
        "BACKGROUND": "sec_background", "OBJECTIVE": "sec_background"}


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower()) if not w[0].isdigit()]


def rank_features(sentences: Sequence[tuple[str, str]], intervention: str, comparator: str, outcome: str
                  ) -> np.ndarray:
    """Finder features for each (section category, sentence) of one abstract, in RANK order."""
    from ..sections import nlm_category

    toks = [set(_stems(s)) for _, s in sentences]
    n = len(sentences)
    df = Counter(w for t in toks for w in t)
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    outs, ints, cmps = _content(outcome), _content(intervention), _content(comparator)
    cmps |= _placebo_words(comparator)
    out_l = [w for w in _stems(outcome) if w not in _STOP]
    out_bi = set(zip(out_l, out_l[1:]))
    rows = []
    for k, ((sec, s), t) in enumerate(zip(sentences, toks)):
        low = s.lower()
        st = _stems(s)
        r = dict.fromkeys(RANK, 0.0)
        if outs:
            r["out_recall"] = len(outs & t) / len(outs)
            wsum = sum(idf.get(w, math.log(n + 1)) for w in outs)
            r["out_recall_w"] = sum(idf.get(w, 0) for w in outs & t) / wsum if wsum else 0.0
        if out_bi:
            r["out_bigram"] = len(out_bi & set(zip(st, st[1:]))) / len(out_bi)
        if ints:
            r["int_recall"] = len(ints & t) / len(ints)
        if cmps:
            r["cmp_recall"] = len(cmps & t) / len(cmps)
        r["both_arms"] = float(bool(ints & t) and bool(cmps & t))
        r["stats"] = min(len(_STATS.findall(low)), 4) / 4
        r["p_value"] = float(bool(_P_TOKEN.search(low)))
        cat = nlm_category(sec) if sec else ""
        if sec == "TITLE":
            r["title"] = 1.0
        r[_SEC.get(cat, "sec_none")] = 1.0
        r["rel_pos"] = k / max(n - 1, 1)
        r["first"], r["last"] = float(k == 0), float(k == n - 1)
        r["short"] = float(len(st) < 8)
        r["read_result"] = float(read_sentence(s).label in ("for", "null", "against", "mixed"))
        rows.append([r[x] for x in RANK])
    return np.array(rows, dtype=np.float32).reshape(len(rows), len(RANK))


def abstract_sentences(text: str | Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(section label, sentence) pairs of an abstract given as text (labels read from the text) or as
    (label, section text) pairs."""
    from ..sections import split_labelled
    from ..text import split_sentences

    secs = [(lab, text[a:b]) for lab, a, b in split_labelled(text)] if isinstance(text, str) else list(text)
    return [(lab, s) for lab, body in secs for s in split_sentences(body) if s.strip()]


# ---------------------------------------------------------------------------------------------- model
def load() -> dict[str, Any]:
    return load_once(MODEL_PATH, "result direction model", "bench/train_appraise_direction.py", with_vocab_index)


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def vectorise(feats: list[str], dense: np.ndarray, m: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(indices, tf-idf weights, scaled dense) the way the trainer built its matrix."""
    counts = Counter(k for k in (m["index"].get(f) for f in feats) if k is not None)
    ks = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = np.array([1.0 + math.log(c) for c in counts.values()], dtype=np.float32) * m["idf"][ks]
    tf /= float(np.linalg.norm(tf)) or 1.0
    return ks, tf, (dense - m["dense_mean"]) / m["dense_scale"]


def span_proba(span: str, intervention: str, comparator: str, outcome: str) -> tuple[np.ndarray, list[str]]:
    m = load()
    feats, dense, cues = span_features(span, intervention, comparator, outcome)
    ks, tf, dz = vectorise(feats, dense, m)
    z = m["coef"][:, ks] @ tf + m["coef_dense"] @ dz + m["intercept"]
    return _softmax(z), cues


def read_span(span: str, intervention: str, comparator: str, outcome: str) -> DirectionResult:
    """The label for a passage already known to report this prompt's result (the evidence span)."""
    p, cues = span_proba(span, intervention, comparator, outcome)
    k = int(p.argmax())
    classes = list(load()["classes"])
    return DirectionResult(classes[k], float(p[k]), {c: float(x) for c, x in zip(classes, p)}, span, 1.0, cues)


def find_evidence(sentences: Sequence[tuple[str, str]], intervention: str, comparator: str, outcome: str
                  ) -> list[tuple[float, int]]:
    """(probability, index) of each sentence being this prompt's evidence, best first."""
    if not sentences:
        return []
    m = load()
    X = rank_features(sentences, intervention, comparator, outcome)
    z = X @ m["rank_coef"] + m["rank_intercept"]
    p = 1.0 / (1.0 + np.exp(-z))
    return sorted(((float(x), i) for i, x in enumerate(p)), key=lambda t: -t[0])


_ABBREV_DEF = re.compile(r"((?:[\w-]+[ /]){1,6}?)\(\s*([A-Za-z][A-Za-z0-9/+-]{1,9})\s*[);,]")


def with_aliases(phrase: str, sentences: Sequence[tuple[str, str]]) -> str:
    """The phrase plus the abbreviations the abstract defines for it: "accelerated fractionation" gains
    "AF" when the abstract says "accelerated fractionation (AF)", so "patients treated with AF" is read
    as that arm."""
    words = _content(phrase)
    if not words:
        return phrase
    extra = []
    for _, s in sentences:
        for m in _ABBREV_DEF.finditer(s):
            abbr = m.group(2)
            before = re.findall(r"[a-z0-9]+", m.group(1).lower())  # "goal-directed" gives G and D
            letters = sum(c.isupper() for c in abbr) or len(abbr)
            # The long form: as many words before the brackets as the abbreviation has capitals, the first
            # starting with the abbreviation's first letter ("accelerated fractionation (AF)").
            long_form = before[-min(letters, len(before)):]
            if abbr.lower() in words or not long_form or long_form[0][0] != abbr[0].lower():
                continue
            long_words = _content(" ".join(long_form))
            if long_words and len(long_words & words) >= len(long_words) - (len(long_words) >= 4):
                extra.append(abbr)
    return phrase + (" " + " ".join(dict.fromkeys(extra)) if extra else "")


def read_direction(text: str | Sequence[tuple[str, str]], intervention: str, comparator: str, outcome: str
                   ) -> DirectionResult:
    """The direction of the result for (intervention, comparator, outcome) read from an abstract.

    ``text`` is the abstract as plain text (printed section labels are read) or as (label, section text)
    pairs. The finder picks the best sentence; a second sentence is read with it when the finder rates
    it nearly as likely (results are often split: numbers in one sentence, the comparison in the next).
    """
    if not intervention.strip() and not outcome.strip():
        from ..errors import InvalidInput

        raise InvalidInput("read_direction needs an intervention or an outcome to look for")
    sents = abstract_sentences(text)
    ranked = find_evidence(sents, intervention, comparator, outcome)
    if not ranked:
        return DirectionResult(NO_DIFFERENCE, 0.0, dict.fromkeys(LABELS, 0.0), "", 0.0, ["no sentences to read"])
    m = load()
    top = [ranked[0]] + [r for r in ranked[1:m.get("k_extra", 1) + 1] if r[0] >= m.get("second_ratio", 2.0) * ranked[0][0]]
    span = " ".join(sents[i][1] for _, i in sorted(top, key=lambda t: t[1]))
    res = read_span(span, with_aliases(intervention, sents), with_aliases(comparator, sents), outcome)
    res.sentence_score = ranked[0][0]
    return res
