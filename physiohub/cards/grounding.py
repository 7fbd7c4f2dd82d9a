"""Grounding: every number on a card must be one the source record states; every sentence carries
provenance pointing at real source sentences.

Numbers are compared by value, so "7,843" on a card matches "7843" in the abstract and "24" matches
"twenty-four". A card's ``source`` block (citation metadata: year, volume, pages) is bibliographic, not a
claim, and is not checked. The check is the final gate of every generator: a section that fails is
dropped (extractive) or replaced (language model), never shipped.
"""
from __future__ import annotations

import logging
import re

from ..appraise.numwords import WORD_NUMBER, parse_number
from collections.abc import Iterator
from typing import Any

from ..errors import GroundingError
from ..models import Record
from ..text import record_sentences

# A number: optional thousands separators and decimals; "4,047" and "0.73" and ".5".
_NUM = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)(?![\d])")
_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_WORDNUM = re.compile(
    r"\b(" + "|".join(_TENS) + r")(?:[- ](" + "|".join(k for k in _ONES if _ONES[k] < 10) + r"))?\b"
    r"|\b(" + "|".join(_ONES) + r")\b(?:\s+(hundred|thousand))?",
    re.I,
)
# Card text fields checked for numbers; "source" is metadata.
KINDS = ("extracted", "rewritten", "templated", "model", "edited")  # edited: an editor changed it
log = logging.getLogger(__name__)
TEXT_SECTIONS = ("title", "upshot", "key_points", "methods", "findings", "limitations", "why_it_matters")


def _value(token: str) -> float:
    return float(token.replace(",", ""))


def numbers(text: str) -> list[str]:
    """Number tokens written in digits, as printed."""
    return [m.group(1) for m in _NUM.finditer(text)]


def word_numbers(text: str) -> list[float]:
    """Values of numbers written as words ("twenty-four", "three hundred")."""
    vals = []
    for m in _WORDNUM.finditer(text):
        if m.group(1):
            v = _TENS[m.group(1).lower()] + (_ONES[m.group(2).lower()] if m.group(2) else 0)
        else:
            v = _ONES[m.group(3).lower()]
            if m.group(4):
                v *= 100 if m.group(4).lower() == "hundred" else 1000
        vals.append(float(v))
    return vals


def source_values(record: Record) -> set[float]:
    """Every numeric value the record's title and abstract state (digits or words)."""
    text = f"{record.title}\n{record.abstract}"
    vals = {_value(t) for t in numbers(text)}
    vals |= set(word_numbers(text))
    # "Three hundred eighty-two patients": the whole phrase is one value (382), besides its parts
    vals |= {float(v) for m in re.finditer(rf"\b{WORD_NUMBER}\b", text, re.I) if (v := parse_number(m.group(0)))}
    return vals


def ungrounded(text: str, values: set[float]) -> list[str]:
    """Digit numbers in text whose value the source does not state."""
    return [t for t in numbers(text) if _value(t) not in values]


def card_texts(card: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(path, text) for every text-bearing field of a card, paths as used in provenance."""
    if card.get("title"):
        yield "title", card["title"]
    up = card.get("upshot") or {}
    for k in ("question", "answer"):
        if up.get(k):
            yield f"upshot.{k}", up[k]
    for sec in ("key_points", "findings", "limitations"):
        for i, t in enumerate(card.get(sec) or []):
            yield f"{sec}.{i}", t
    for i, row in enumerate(card.get("methods") or []):
        yield f"methods.{i}", row.get("text", "")
    for k, t in (card.get("why_it_matters") or {}).items():
        if t:
            yield f"why_it_matters.{k}", t


def check_grounding(card: dict[str, Any], record: Record) -> list[dict[str, Any]]:
    """Problems that keep a card from being grounded; an empty list means it passes.

    Each problem is {path, problem, detail}: a number the source does not state, a text without
    provenance, or provenance naming a sentence the record does not have.
    """
    values = source_values(record)
    ids = {s.id for s in record_sentences(record)}
    prov = {p["path"]: p for p in card.get("provenance") or []}
    problems: list[dict[str, Any]] = []
    for path, text in card_texts(card):
        bad = ungrounded(text, values)
        if bad:
            problems.append({"path": path, "problem": "number not in source", "detail": bad})
        p = prov.get(path)
        if path == "title":
            continue  # the title is the paper's own
        if p is None:
            problems.append({"path": path, "problem": "no provenance", "detail": text[:80]})
            continue
        if p.get("kind") not in KINDS:
            problems.append({"path": path, "problem": "unknown provenance kind", "detail": p.get("kind")})
        missing = [s for s in p.get("sources") or [] if s not in ids]
        if missing:
            problems.append({"path": path, "problem": "provenance names unknown sentences", "detail": missing})
        if p.get("kind") in ("extracted", "rewritten") and not p.get("sources"):
            problems.append({"path": path, "problem": "extracted text without source sentences", "detail": ""})
    return problems



def gate(card: dict[str, Any], record: Record) -> dict[str, Any]:
    """The final check: texts that fail grounding are removed (lists renumbered), then it must pass."""
    problems = check_grounding(card, record)
    if not problems:
        return card
    log.warning("card for %s: removing ungrounded texts %s", record.source_id or record.pmid, problems)
    bad = {p["path"] for p in problems}
    prov = {p["path"]: p for p in card.get("provenance") or []}
    new_prov = []
    for key in ("key_points", "findings", "limitations", "methods"):
        items = card.get(key) or []
        keep = [(i, x) for i, x in enumerate(items) if f"{key}.{i}" not in bad]
        if keep:
            card[key] = [x for _, x in keep]
        else:
            card.pop(key, None)
        for j, (i, _) in enumerate(keep):
            if f"{key}.{i}" in prov:
                new_prov.append({**prov[f"{key}.{i}"], "path": f"{key}.{j}"})
    for path in ("upshot.question", "upshot.answer"):
        if path in bad:
            card.get("upshot", {}).pop(path.split(".")[1], None)
        elif path in prov:
            new_prov.append(prov[path])
    why = card.get("why_it_matters") or {}
    for k in list(why):
        if f"why_it_matters.{k}" in bad:
            why.pop(k)
        elif f"why_it_matters.{k}" in prov:
            new_prov.append(prov[f"why_it_matters.{k}"])
    if not why:
        card.pop("why_it_matters", None)
    card["provenance"] = new_prov
    left = check_grounding(card, record)
    if left:
        raise GroundingError(f"card for {record.source_id or record.title[:40]!r} failed grounding: {left[0]}")
    return card

_PEOPLE_WORDS = (r"((?:out-|in-)?patients?|participants?|people|persons?|subjects?|individuals?|children|adolescents?|adults?"
                 r"|women|men|mothers?|infants?|volunteers?|athletes?|runners?|players?|workers?|employees?"
                 r"|students?|respondents?|veterans?|soldiers?|residents?|users?|couples?|families|pairs?)")
_STUDY_WORDS = r"(studies|study|trials?|rcts?|articles?|papers?|reports?|reviews?|publications?|cohorts?)"


def counted(record: Record, value: int | None, what: str) -> bool:
    """Does the source state ``value`` as a count of people (what="people") or of studies ("studies")?

    Sample sizes reach the card through templates ("It included 82 people"); this keeps a number the
    source uses for something else (38 studies read as 38 participants) off those sentences.
    """
    if not value:
        return False
    words = _PEOPLE_WORDS if what == "people" else _STUDY_WORDS
    text = f"{record.title}\n{record.abstract}"
    digits = f"{value:,}|{value}" if value >= 1000 else str(value)
    if what == "people" and not re.search(r"\bcontrols\b|\bcontrol (?:group|subjects|participants)\b|\bcase[- ]control\b",
                                          text, re.I):
        # a study with no controls: its cases are its patients ("four cases (one man and three women)"); in a
        # case-control study the cases are one group only
        words = words[:-1] + r"|cases?)"
    pattern = re.compile(rf"(?<![\d.,])(?:{digits})(?![\d.,]\d)\s+(?:[\w()-]+\s+){{0,4}}?{words}\b", re.I)
    if pattern.search(text):
        return True
    # "Children with knee pain (n=26) aged 7-16 years were randomly assigned": the people named before "(n = N)"
    before = re.compile(rf"\b{words}\b[^.;()]{{0,60}}\(\s*n\s*=\s*(?:{digits})\s*\)", re.I)
    if what == "people" and before.search(text):
        return True
    if what == "people" and value in source_values(record):
        # "group L, n = 17 ... group S, n = 17": the arms of one sentence add up to the sample (only a total the source
        # states: the grounding gate would drop a sentence carrying any other, and the card's answer with it)
        for sent in re.split(r"(?<=[.;])\s+", text):
            arms = [int(x) for x in re.findall(r"\bn\s*=\s*(\d{1,6})\b", sent)]
            if len(arms) >= 2 and sum(arms) == value:
                return True
    for m in re.finditer(rf"\b{WORD_NUMBER}\b", text, re.I):  # "Eighty-two runners", "Three hundred eighty-two patients"
        if parse_number(m.group(0)) == value:
            tail = text[m.end():m.end() + 60]
            if re.match(rf"\s+(?:[\w()-]+\s+){{0,4}}?{words}\b", tail, re.I):
                return True
    return False
