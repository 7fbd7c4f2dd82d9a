"""Numbers as authors write them: "1,204", "1 204", "Forty-two", "Two hundred and eighty-four"."""
from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}

_WORD = r"(?:" + "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True)) + r")"
# "two hundred and eighty-four", "forty two", "one thousand two hundred"
WORD_NUMBER = (
    rf"{_WORD}(?:[- ]{_WORD})?(?:\s+(?:hundred|thousand)(?:(?:\s+and)?\s+{_WORD}(?:[- ]{_WORD})?"
    rf"(?:\s+hundred(?:(?:\s+and)?\s+{_WORD}(?:[- ]{_WORD})?)?)?)?)?"
)
# Digits with optional thousands separators (comma, thin or plain space), never part of a decimal.
DIGIT_NUMBER = r"(?<![\d.,])\d{1,3}(?:[,\u2009\u202f ]\d{3})+(?![\d.,]\d)|(?<![\d.,])\d+(?![\d]|[.,]\d)"
NUMBER = rf"(?:{DIGIT_NUMBER}|\b{WORD_NUMBER}\b)"

_SPLIT = re.compile(r"[\s-]+")


def parse_number(text: str) -> int | None:
    """The integer a digit string or an English number phrase stands for; None if it is neither."""
    t = text.strip().lower()
    digits = re.sub(r"[,\u2009\u202f ]", "", t)
    if digits.isdigit():
        return int(digits)
    total, current = 0, 0
    seen = False
    for w in _SPLIT.split(t):
        if not w or w == "and":
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if w == "thousand":
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None
