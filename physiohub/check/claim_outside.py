"""The words of an outside expert: someone a news story says was not involved in the research.

The gold rules (tests/fixtures/check/real/README.md) count an outside expert's comment as no claim, even when it
restates the study's result or gives a figure: it is their view of the research, not the research. A story names the
expert once as not involved ("Dr. Ann Lee, who was not involved in the study, said ...", or "She was not involved in the
research." after her quote) and then quotes them by surname or pronoun ("..., Lee told Reuters Health.", '"...," she
said.'). ``outside_words`` marks those sentences so the claim rules leave them out.
"""
from __future__ import annotations

import re

from .claim_not_claims import NOT_INVOLVED
from .document import Sentence

# A person named with a title or a first name: "Dr. Laura Penner", "Janet Freburger", "Professor Ann Lee".
_PERSON = re.compile(r"\b(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?(?:[A-Z][a-z]+\s+)(?:[A-Z]\.\s+)?([A-Z][a-z][\w'\u2019-]+)\b")
# Who a sentence is attributed to: '"...," said Freburger', "Freburger told Reuters Health", "according to Lee", "she said".
_SAID_BY = re.compile(r"\b(?:said|says|told|added|adds|noted|notes|explained|explains|according to|warned|cautioned)\s+"
                      r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?(?:[A-Z][a-z]+\s+)?([A-Z][a-z][\w'\u2019-]+)\b"
                      r"|\b([A-Z][a-z][\w'\u2019-]+)\s+(?:said|says|told|added|adds|noted|notes|explained|explains|warned|cautioned)\b"
                      r"|\b(she|he)\s+(?:said|says|told|added|adds|noted|notes|explained|explains)\b")
_PRONOUN_SUBJECT = re.compile(r"^(?:She|He)\s+(?:was|is)\s+not\b")
_NOT_NAMES = {"The", "This", "That", "These", "Those", "In", "It", "But", "And", "Health", "News", "Reuters", "Study"}


def _speaker(text: str) -> str | None:
    """The surname (or "she"/"he") a sentence is attributed to, if any."""
    for m in _SAID_BY.finditer(text):
        who = m.group(1) or m.group(2) or m.group(3)
        if who and who not in _NOT_NAMES:
            return who.lower() if who.lower() in ("she", "he") else who
    return None


def outside_words(sentences: list[Sentence]) -> list[bool]:
    """For each sentence, whether it is the words of an outside expert (named as not involved in the research)."""
    # (read once: the story may say the expert was not involved only after quoting them, so the marks need every name)
    speakers = [_speaker(s.text) for s in sentences]
    aside = [bool(NOT_INVOLVED.search(s.text)) for s in sentences]
    outside: set[str] = set()
    last_speaker: str | None = None
    for s, who, not_involved in zip(sentences, speakers, aside):
        if not_involved:
            named = [m.group(1) for m in _PERSON.finditer(s.text) if m.group(1) not in _NOT_NAMES]
            if named:
                outside.add(named[0])
            elif _PRONOUN_SUBJECT.match(s.text) and last_speaker:
                # "She was not involved in the research." after '"...," Janet Freburger told Reuters Health.'
                outside.add(last_speaker)
        if who and who not in ("she", "he"):
            last_speaker = who
    marks: list[bool] = []
    current: str | None = None
    for who, not_involved in zip(speakers, aside):
        if who in ("she", "he"):
            who = current
        if who:
            current = who
        marks.append(not_involved or (who is not None and who in outside))
    return marks
