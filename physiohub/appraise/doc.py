"""One prepared view of a record that every appraisal step reads, built once per record.

Sentence splitting and lower-casing are the costly shared steps; doing them once keeps ``appraise``
cheap enough to run inside import (the budget is about a millisecond a record).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Record
from ..text import Sentence, record_sentences

# NLM section categories and printed labels that carry the results and the conclusions.
RESULT_CATS = {"RESULTS"}
CONCLUSION_CATS = {"CONCLUSIONS"}
METHOD_CATS = {"METHODS"}
_INLINE_CONCLUSION = re.compile(r"(?:CONCLUSIONS?|INTERPRETATION|CONCLUSIONS AND RELEVANCE)\b\s*:?")
_REGISTRATION = re.compile(r"\bregist(?:ered|ration|ry)\b|clinicaltrials\.gov|\bisrctn|\bnct\d{6}", re.I)


@dataclass
class Doc:
    record: Record
    title: str
    abstract: str
    title_l: str
    abstract_l: str
    sentences: list[Sentence]
    pub_types: set[str] = field(default_factory=set)     # lower case
    mesh: set[str] = field(default_factory=set)          # lower case descriptors
    mesh_major: set[str] = field(default_factory=set)

    @property
    def structured(self) -> bool:
        return any(s.category for s in self.sentences)

    def sentences_in(self, cats: set[str]) -> list[Sentence]:
        return [s for s in self.sentences if s.category in cats]

    def conclusion_sentences(self) -> list[Sentence]:
        """The conclusion: the labelled section; else from an inline "CONCLUSION(S)" heading; else the
        last two sentences (where authors conclude). Trial-registration lines are never a conclusion."""
        found = self.sentences_in(CONCLUSION_CATS)
        if not found:
            found = [s for s in self.sentences if "conclu" in s.section.lower() or "interpret" in s.section.lower()]
        if not found:
            inline = next((i for i, s in enumerate(self.sentences) if _INLINE_CONCLUSION.match(s.text)), None)
            if inline is not None:
                found = self.sentences[inline:]
        if not found:
            body = [s for s in self.sentences if not _REGISTRATION.search(s.text)]
            found = body[-2:] if len(body) > 3 else body[-1:]
        return [s for s in found if not _REGISTRATION.search(s.text)] or found

    def result_sentences(self) -> list[Sentence]:
        found = self.sentences_in(RESULT_CATS)
        if found:
            return found
        if self.structured:
            return []
        # Unstructured: results sit between the methods and the last two sentences.
        return self.sentences[1:-2] if len(self.sentences) > 4 else []


def _lower(text: str) -> str:
    """Lower case with the same length, so match offsets in it are offsets in the original."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def make_doc(record: Record) -> Doc:
    title = record.title or ""
    abstract = record.abstract
    return Doc(
        record=record,
        title=title,
        abstract=abstract,
        title_l=_lower(title),
        abstract_l=_lower(abstract),
        sentences=record_sentences(record) if record.abstract_sections else [],
        pub_types={p.strip().lower() for p in record.publication_types},
        mesh={m.descriptor.lower() for m in record.mesh},
        mesh_major={m.descriptor.lower() for m in record.mesh if m.major},
    )
