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


# A speaker introduced by a role that is not the research's ("Professor Ann Lee, a sports medicine specialist and professor
# of public health at X University, said ..."), in a story that has already named who led the research ("Lead author of
# the paper, Dr Y, said ..."): a second voice commenting on it, like one named as not involved.
_EXPERT_INTRO = re.compile(r"^(?:(?:Dr|Prof|Professor|Associate Professor|Assistant Professor|Mr|Ms|Mrs)\.?\s+)?(?:[A-Z][a-z]+\s+)"
                           r"(?:[A-Z]\.\s+)?([A-Z][a-z][\w'\u2019-]+(?:\s+[A-Z][a-z][\w'\u2019-]+)?),\s+(?:an?|the|who is an?)\s+([^;]{3,200}?),\s+"
                           r"(?:said|says|told|added|adds|noted|notes|warned|cautioned|explained)\b")
_EXPERT_ROLE = re.compile(r"\b(?:specialist|expert|professor|president|spokes(?:person|man|woman)|chair|director|consultant|"
                          r"physician|surgeon|physiotherapist|rheumatologist|doctor|GP)\b", re.I)
_RESEARCH_ROLE = re.compile(r"\b(?:author|co-?author|led|leads|leader|lead|researcher|investigator|study|team|trial|review|paper)\b", re.I)
_LEADER = re.compile(r"\b(?:lead|senior|first|study|co-?)\s*author\b|\bled (?:the|this) (?:study|research|review|trial|work)\b"
                     r"|\bprincipal investigator\b", re.I)


def _second_voice(sentences: list[Sentence]) -> tuple[set[str], set[int]]:
    """(surnames, sentence indices) of speakers introduced by a role other than the research's after the story named who
    led it: the surnames quote them again, the indices are the sentences introducing them."""
    out: set[str] = set()
    at: set[int] = set()
    leaders_named = ""
    for i, s in enumerate(sentences):
        m = _EXPERT_INTRO.match(s.text)
        if (m and leaders_named and m.group(1) not in leaders_named and _EXPERT_ROLE.search(m.group(2))
                and not _RESEARCH_ROLE.search(m.group(2))):
            out |= {m.group(1), m.group(1).split()[-1]}   # ("Del Mar" is quoted again as "Del Mar" or "Mar")
            at.add(i)
        if _LEADER.search(s.text):
            leaders_named += " " + s.text
    return out, at


def outside_words(sentences: list[Sentence]) -> list[bool]:
    """For each sentence, whether it is the words of an outside expert (named as not involved in the research, or
    introduced by a role of their own after the story named who led the research)."""
    # (read once: the story may say the expert was not involved only after quoting them, so the marks need every name)
    speakers = [_speaker(s.text) for s in sentences]
    aside = [bool(NOT_INVOLVED.search(s.text)) for s in sentences]
    outside, introduced = _second_voice(sentences)
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
    for i, (who, not_involved) in enumerate(zip(speakers, aside)):
        if i in introduced:
            who = _EXPERT_INTRO.match(sentences[i].text).group(1)
        if who in ("she", "he"):
            who = current
        if who:
            current = who
        marks.append(not_involved or (who is not None and who in outside))
    return marks
