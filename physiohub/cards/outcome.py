"""The outcome a card names must be the one the study measured.

A title or aim often names the event a treatment is meant to prevent ("... to prevent falls"), while the
trial measured a risk score that predicts it ("physiological fall risk", a balance-and-strength profile). A
risk or score is not the event: "probably reduces falls" would say more than the trial showed. When the
results and conclusions speak of the outcome only inside such a compound, the card names the compound they
measured instead, and says the event itself was not measured.
"""
from __future__ import annotations

import re

from .parts import Parts

# "fall risk", "fracture-risk score", "fall risk factors": a noun compound that names a prediction, not events.
_COMPOUND = r"(?:[- ]risks?(?:\s+(?:scores?|factors?|profiles?|index|levels?))?|\s+(?:risk\s+)?(?:scores?|index|profiles?)|" \
            r"[- ]related (?:fear|concern|self-efficacy)|\s+efficacy)"
# "fear of falling", "concern about falling": a feeling about the event, not the event either.
_FEELING = r"(?:fear|concern|worry|anxiety) (?:of|about) "


def _stem(word: str) -> str:
    w = word.lower()
    return w[:-3] if w.endswith("ing") and len(w) > 6 else w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def measured_instead(outcome: str, p: Parts) -> str:
    """The risk or score compound the results measured in place of ``outcome`` ("physiological fall risk" for
    "falls"), or "" when the results speak of the outcome itself (or not at all, or of several things)."""
    words = re.findall(r"[A-Za-z]{4,}", outcome or "")
    if len(words) != 1:
        return ""  # one event word ("falls", "fractures"); longer outcomes name their own measures
    stem = re.escape(_stem(words[0]))
    texts = [s.text for s in p.get("results") + p.get("conclusion")]
    if not texts:
        return ""
    word = rf"\b{stem}(?:s|ing)?\b"
    compound = re.compile(rf"(?:\b(\w+(?:al|ic|ive))\s+)?{word}{_COMPOUND}|{_FEELING}{word}", re.I)
    events, found = 0, ""
    for t in texts:
        hits = [m for m in compound.finditer(t)]
        events += len(re.findall(word, t, re.I)) - len(hits)
        if hits and not found and not hits[0].group(0).lower().startswith(("fear", "concern", "worry", "anxiety")):
            found = hits[0].group(0).lower()
    return found if found and events == 0 else ""
