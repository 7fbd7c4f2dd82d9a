"""Is a population, intervention, comparison or outcome phrase whole enough to show?

A card names these pieces in its question, answer, methods rows and "why it matters". A phrase cut at the
wrong place ("ICT-based system to predict and", "of whey") or a clause read as a noun phrase ("participants
with better adherence also improved in postural sway") misleads more than a missing piece, so such a phrase
is not used and the card does what it does when no phrase is found.
"""
from __future__ import annotations

import re

# A phrase never ends on a joining word: the noun it joins was cut off.
_DANGLING_END = re.compile(r"(?:^|\s)(?:(?i:and|or|nor|but|to|with|without|of|for|in|on|at|by|from|as|than|the|versus|vs\.?|via"
                           r"|into|plus|between|among|whether|that|which|who)|a|an)$")  # "vitamin A" is whole
# Nor starts on one: the head it belongs to was cut off ("of whey", "and placebo").
_DANGLING_START = re.compile(r"^(?:of|and|or|nor|but|to|with|for|by|than|at|from|as|versus|vs\.?)(?:\s|$)", re.I)
# A finite verb, a modal or "also" makes it a clause; "who are", "that were" inside a noun phrase are fine
# ("people who are over 65"), so a relative word just before the verb is allowed; "been" and "being" belong to
# phrases too ("people who have been injured", "60 patients, 81% being women").
_FINITE = re.compile(r"(?<!\bwho )(?<!\bthat )(?<!\bwhich )\b(?:is|are|was|were|also|can|could|may|might|must"
                     r"|should|will|would|shall|fail(?:s|ed)?)\b", re.I)
# A verb with its complement: "improved in postural sway", "resulted in fewer falls".
_VERB_COMPLEMENT = re.compile(r"\b(?:improved|reduced|increased|decreased|declined|worsened|rose|fell|showed|found|led|"
                              r"resulted|differed|changed)\s+(?:in|to|by|with|from|on|at)\b", re.I)
# "Improved health outcomes with X": a result named as a phrase, not a treatment.
_RESULT_LEAD = re.compile(r"^(?:improved|reduced|increased|decreased|better|greater|lower|higher|fewer|less|more)\b.*\bwith\b",
                          re.I)


def broken(text: str, role: str = "") -> bool:
    """True when the phrase is cut at a joining word or holds a verb clause (see module doc). ``role``
    "intervention" also refuses a result named as a phrase ("improved outcomes with X")."""
    t = re.sub(r"\s*\([^()]*\)", "", text or "").strip(" .,;:")
    if not t:
        return False
    if _DANGLING_END.search(t) or _DANGLING_START.match(t) or _FINITE.search(t) or _VERB_COMPLEMENT.search(t):
        return True
    side = re.search(r"\bbetween\s+(.+)$", t, re.I)
    if side and not re.search(r"\b(?:and|or|two|three|both|each)\b|\w[a-z]s\b", side.group(1), re.I):
        return True  # "PPA between the high-adherence": one side only, cut before its "and" ("between groups" is whole)
    return role == "intervention" and bool(_RESULT_LEAD.match(t))
