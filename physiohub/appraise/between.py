"""A conclusion that credits what every arm received, when the arms differed on part of it only.

"Twelve weeks of resistance training improves flexibility in older women, and the higher frequency
induces greater increases for frontal hip flexion": both arms trained, so the first claim is improvement
within the groups; the comparison the trial made (three versus two sessions a week) differed on one
flexibility measure and not on the others ("Both groups increased flexibility in cervical extension ...,
with no statistical difference between groups"). The verdict follows the comparison: a mixed picture, not
support (verdict-gold: "benefit on some primary outcomes but not others").
"""
from __future__ import annotations

import re

from ..text import Sentence
from .reading import (_BETWEEN_NULL, _COMPARATIVE, _FOR_INTERVENTION, _HARMS, _within_and_between_null, both_groups_improved, read_sentence, says_significant,
                      significant_p)

# The first part of a conclusion, before a second claim joined to it.
_PART = re.compile(r",?\s+(?:and|but|whereas|while)\s+(?=(?:the|a|an|this|that|those|these|it|its|their|[\w-]+ing)\b)|;\s+", re.I)
_STOP = {"the", "and", "with", "that", "this", "these", "those", "their", "which", "from", "into", "over", "after",
         "different", "various", "several", "both", "older", "younger", "women", "patients", "people", "adults",
         "children", "participants", "subjects", "weeks", "months", "years", "group", "groups", "terms", "among",
         "effect", "effects", "significant", "significantly", "overall", "clinical"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{4,}", text.lower()) if w not in _STOP}


def _uncompared_claim(conclusion: str) -> set[str] | None:
    """The content words of what the conclusion's first claim says improved, when that claim compares nothing
    ("X improves the flexibility of ..."); None when it compares ("X improved pain more than Y") or is no benefit."""
    first = _PART.split(conclusion, maxsplit=1)[0]
    low = first.lower()
    m = _FOR_INTERVENTION.search(low)
    if not m or _COMPARATIVE.search(low) or re.search(r"\b(?:not|no|neither|nor|failed)\b", low[:m.start()]):
        return None
    words = _words(low[m.end():])
    return words or None


def claims_shared_benefit(conclusion: str, results: list[Sentence]) -> tuple[Sentence, Sentence] | None:
    """(the results sentence where the arms differed, the one where they did not) when the conclusion opens with an
    uncompared benefit whose outcome the arms did not differ on, and the arms differed only on another measure."""
    claimed = _uncompared_claim(conclusion)
    if not claimed:
        return None
    differs = nulls = None
    for s in results:
        low = s.text.lower()
        r = read_sentence(s.text)
        # the arms both improved on the claimed outcome ("Both groups increased flexibility in ...") and did not
        # differ on it ("... with no statistical difference between groups")
        between = _BETWEEN_NULL.search(low)
        if (r.label == "null" and between and not _HARMS.search(low)
                and (both_groups_improved(s.text)
                     or (any(c.label == "for" for c in r.clauses) and _within_and_between_null(r.clauses)))
                and claimed & _words(low[:between.start()])):
            nulls = nulls or s
        elif (r.label == "for" and _COMPARATIVE.search(low)
              and (says_significant(s.text) or significant_p(s.text)[0])):
            differs = differs or s
    return (differs, nulls) if differs and nulls else None
