"""The record of one research claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Markdown emphasis the extractor writes for <strong>/<em> ("**Drinking milk may slow OA down.**", "Lee *et al.*"):
# the reader sees the words, not the marks. Only marks in pairs, opening after a space or a bracket: an asterisk after a
# word is a footnote's ("Manual therapy* is recommended") and stays.
_PAIRED_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|\*)(?=[^\s*])(.+?)(?<=[^\s*])\1(?![\w*])")


def without_emphasis(text: str) -> str:
    """``text`` without Markdown emphasis marks in pairs."""
    prev = None
    while prev != text:
        prev, text = text, _PAIRED_EMPHASIS.sub(r"\2", text)
    return text


# Cues of a list item whose words complete its lead-in's sentence or are one of the findings it lists.
_COMPLETES_LEAD_IN = ("a bullet completing the research sentence of its lead-in", "a finding listed under")


def _fragment(text: str) -> bool:
    """A list item that is no sentence: a few words with no closing stop ("Working nights", "A high body mass index")."""
    return len(text.split()) <= 10 and not re.search(r"[.!?][\"'\u201d)\]]*$", text.strip())


@dataclass
class Claim:
    text: str
    cue: str
    year: int | None = None
    design: str | None = None
    topic: str | None = None
    population: str | None = None
    intervention: str | None = None
    outcome: str | None = None
    direction: str | None = None
    names_source: bool = False
    sources: list[dict] = field(default_factory=list)   # [{kind, value}]: what the sentence names
    citations: list[str] = field(default_factory=list)  # reference keys: "1", "Smith 2020"
    links: list[str] = field(default_factory=list)
    continues: int | None = None   # index of the claim whose result this sentence goes on to give
    # the line a list item's claim sits under ("Clinical trials demonstrate that chiropractic care:", "If you have
    # arthritis (ARUK 2014):"): what an item that names no subject is about; internal, not part of the result
    lead_in: str | None = None

    def as_dict(self) -> dict:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "lead_in"}
        d["text"] = without_emphasis(self.text)
        # the line a list item sits under, shown with it when the item cannot stand alone: "Being male" means nothing
        # without "Factors linked with seeking care included:" above it (a full sentence in a list is shown as it is:
        # the line before a list is as often "Unlock now" or a heading of its own)
        d["listed_under"] = without_emphasis(self.lead_in) if self.lead_in and (
            self.cue.startswith(_COMPLETES_LEAD_IN) or _fragment(self.text)) else None
        return d
