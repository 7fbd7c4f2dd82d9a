"""Capitalising the first letter of a card sentence without breaking scientific spellings."""
from __future__ import annotations

import re

# A lowercase Greek letter opens names that keep it ("β-alanine", "α-synuclein"): capital beta would read as a Latin B.
# A word whose second letter is a capital keeps its first lowercase ("mRNA", "eGFR", "pH", "iPad"), and so does a name
# written in lower case before capitals ("painDETECT", "mEOC+P").
_KEEP = re.compile(r"^(?:[\u03b1-\u03c9]|[a-z](?=[A-Z])|[a-z]+(?=[A-Z]{2}))")


def upper_first(text: str) -> str:
    """``text`` with its first letter in capitals, unless it is a spelling that keeps it small."""
    if not text or _KEEP.match(text):
        return text
    return text[:1].upper() + text[1:]


def starts_a_sentence(text: str) -> bool:
    """Can ``text`` open a sentence as it is: a capital, a digit, a quote or bracket, or a spelling that keeps its
    first letter small ("β-alanine ...", "mRNA ...")?"""
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in "\u201c\"'(" or bool(_KEEP.match(text)))


__all__ = ["starts_a_sentence", "upper_first"]
