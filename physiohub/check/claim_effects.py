"""What a claim says: the finding clause, its intervention, outcome and direction, and the population.
"""
from __future__ import annotations

import re

from .claim_words import EFFECT_RES, VERBS
from .lexicon import CONDITIONS

_NO_EVIDENCE = re.compile(r"\bno (?:good |clear |strong |convincing |real |reliable )?evidence (?:that|of)\s+", re.I)
_FINDING_STARTS = [re.compile(rf"\b{VERBS}\b(?:\s+that\b)?", re.I), re.compile(r"\baccording to [^,]+,|^in [^,]{3,80},", re.I)]
_STOP_OUTCOME = re.compile(r"\s+(?:in|among|for|by|compared|than|when|after|over|within|at|versus|vs\.?|during|if|who|because|while|—|-)\s|[,;:.()\[]")
_LEAD_WORDS = re.compile(r"^(?:that|the|a|an|doing|regular|simply|just|people who|those who|taking|using|getting)\s+", re.I)
_TRAIL_AUX = re.compile(r"\s+(?:can|could|may|might|will|would|does|did|do|is|are|was|were|has|have|had|not|significantly|actually|really|also|both|substantially|greatly|dramatically|strongly)$", re.I)
_POPULATION = re.compile(
    r"\b(?:in|among|amongst|for|of|involving|with)\s+((?:\d[\d,]*\s+)?(?:(?:older|young|younger|middle-aged|elderly|adult|female|male|recreational|elite|"
    r"amateur|pregnant|overweight|sedentary|healthy|active|office|retired|professional)\s+)*(?:people|adults|patients|participants|women|men|children|"
    r"adolescents|teens|teenagers|runners|athletes|workers|employees|seniors|individuals|volunteers|players|footballers|cyclists|swimmers|"
    r"golfers|sufferers|veterans|nurses|students|pensioners|desk workers)"
    r"(?:\s+(?:with|who have|who had|suffering from|living with|aged|over|under|recovering from)\s+[^,.;()]+?)?)(?=\s*[,.;()\[]|\s+(?:who|and|than|compared|found|showed|were|was|had|did|reported|have|has|are|is|will|would|"
    # (a verb ends the people: "half of people with shoulder pain have fully recovered" is about people with shoulder pain)
    r"can|could|may|might|get|got|recover|recovered|improve|improved|need|needs|report)\b|$)",
    re.I)


def _clean_phrase(s: str | None, max_words: int = 10) -> str | None:
    if not s:
        return None
    s = s.strip(" ,;:-\u2014\"'")
    for _ in range(3):
        s = _LEAD_WORDS.sub("", s)
        s = _TRAIL_AUX.sub("", s)
    words = s.split()
    if not words:
        return None
    return " ".join(words[-max_words:]) if len(words) > max_words else s

_NUMBER_MARKERS = re.compile(r"\[[\d,\s\u2013-]+\]")
# "the risk of falls": the measure and what it measures are one outcome.
_MEASURE_OF = re.compile(r"^\s*(?:the )?(?:risk|chances?|odds|rates?|levels?|amount|severity) of\s+", re.I)


def finding_clause(text: str) -> str:
    """What the research is said to have found: the words after the reporting verb ("found that ..."),
    or before a trailing frame ("X, a 2020 meta-analysis reported."); the whole sentence if neither."""
    for rx in _FINDING_STARTS:
        m = rx.search(text)
        if m:
            clause = text[m.end():]
            if len(_NUMBER_MARKERS.sub("", clause).split()) < 3 and "," in text[:m.start()]:
                clause = text[:text.rindex(",", 0, m.start())]
            return clause
    return text


def effect_of(text: str) -> tuple[str | None, str | None, str | None]:
    """(intervention, outcome, direction) from the finding clause of a claim sentence."""
    clause = finding_clause(text)
    best = None
    for direction, rx in EFFECT_RES:
        m = rx.search(clause)
        if m and (best is None or m.start() < best[1].start()):
            best = (direction, m)
    if best is None:
        return None, None, None
    direction, m = best
    inner = _NO_EVIDENCE.match(clause, m.start())
    if inner:
        # "no good evidence that stretching reduces soreness": the inner claim, marked as unsupported
        i, o, _ = effect_of(clause[inner.end():])
        return i, o, "no difference"
    before = clause[:m.start()]
    intervention = _clean_phrase(before.split(",")[-1])
    after = clause[m.end():]
    after = _MEASURE_OF.sub(lambda x: x.group(0).strip() + " ", after)
    stop = _STOP_OUTCOME.search(after + ".")
    outcome = _clean_phrase(after[:stop.start()] if stop else after, 8)
    return intervention, outcome, direction


def population_of(text: str) -> str | None:
    """The people a claim is about ("older adults with knee pain"), or failing that the condition it names."""
    m = _POPULATION.search(text)
    if m:
        return " ".join(m.group(1).split())
    low = text.lower()
    for cond in CONDITIONS:
        if re.search(rf"\b{re.escape(cond)}\b", low):
            return cond
    return None
