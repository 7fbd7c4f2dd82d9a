"""Key points that give a difference the statistics did not carry say so.

A key point drops a result's p-values (the numbers stay in the findings), so "mean knee bend was 100 degrees
with the brace and 95 without" reads as a win for the brace when p was 0.40. Such a point keeps the
reader's due: it says the difference was not statistically clear. A point without p-values of its own
("results were all in favour of the brace") gets the same note when no result of the study was
significant, since the point then rests on those non-significant comparisons.
"""
from __future__ import annotations

import re

from ..appraise.reading import read_sentence, says_significant, significant_p

# The point already says it: "no clear difference", "not statistically significant", "similar".
_SAYS_UNCLEAR = re.compile(r"\bnot (?:statistically )?(?:clear|significant)|\bnon-?significant|\bno (?:[\w-]+ ){0,3}?"
                           r"(?:differen\w*|effects?|benefits?)\b|\bsimilar\b|\bthe same\b|\bdid not differ\b|\bunclear\b", re.I)
# The point states a difference between groups or values: a number or a comparison.
_STATES_DIFFERENCE = re.compile(r"\d|\bthan\b|\bcompared (?:with|to)\b|\bversus\b|\bvs\b|\bfavou?r|\badvantage\b|"
                                r"\b(?:more|fewer|less|higher|lower|greater|smaller|better|worse)\b", re.I)
_FAVOURS = re.compile(r"\bin favou?r of\b|\bfavou?r(?:ed|s|ing)\b|\badvantage\b", re.I)


def _significant(text: str) -> bool:
    sig, _ = significant_p(text)
    return bool(sig) or says_significant(text)


def unclear_difference_note(point: str, source: str, results: list[str], kind: str = "intervention") -> str:
    """``point`` (a key point made from the sentence ``source``), with a note when it states a difference
    that was not statistically clear; unchanged otherwise. ``results``: every results sentence."""
    if not _STATES_DIFFERENCE.search(point) or _SAYS_UNCLEAR.search(point) or read_sentence(point, kind).label == "null" \
            or _significant(source):
        return point
    _, nonsig = significant_p(source)
    if nonsig:
        many = nonsig > 1
    elif not any(_significant(t) for t in results) and sum(significant_p(t)[1] for t in results) >= 2 \
            and (read_sentence(source, kind).label in ("for", "mixed", "against") or _FAVOURS.search(source)):
        many = True  # a favourable summary of comparisons that were each non-significant
    else:
        return point
    note = "none of these differences was statistically clear" if many else "the difference was not statistically clear"
    return f"{point.rstrip(' .')}, but {note}."
