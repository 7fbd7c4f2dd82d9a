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

_CONCLUDING = re.compile(r"(?:in conclusion|in summary|to conclude|overall|taken together|we conclude|"
                         r"(?:these|our|the) (?:\w+ )?(?:results|findings|data) (?:suggest|indicate|show|demonstrate|support))\b", re.I)
_AIM = re.compile(r"\b(?:we aimed|the aims? (?:of|was|were|is)|the purpose|objectives? (?:of|was|were|is)|"
                  r"this (?:\w+ )?(?:study|trial|review) (?:aimed|sought|examined|investigated|evaluated|assessed)|"
                  r"to (?:determine|evaluate|assess|investigate|examine|compare|explore|describe|review|identify)\b"
                  r"|we (?:sought|investigated|examined|evaluated|assessed|compared|explored|hypothesi[sz]ed))", re.I)
_BACK_MATTER = re.compile(r"(?:funding|level of evidence|copyright|keywords?|key words|©|\(c\) \d{4}|"
                          r"this article is protected|conflicts? of interest)\b", re.I)


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

    @property
    def body(self) -> list[Sentence]:
        """The sentences that report the study: registration, funding and citation tails left out."""
        return [s for s in self.sentences if not s.back_matter]

    def sentences_in(self, cats: set[str]) -> list[Sentence]:
        return [s for s in self.body if s.category in cats]

    def aim_sentences(self) -> list[Sentence]:
        """The stated aim: an OBJECTIVE section, else an aim sentence among the first four."""
        found = self.sentences_in({"OBJECTIVE"})
        return found or [s for s in self.body[:4] if _AIM.search(s.text)][:1]

    def conclusion_sentences(self) -> list[Sentence]:
        """The conclusion: the labelled section; else from an inline "CONCLUSION(S)" heading; else the
        last two sentences (where authors conclude). Trial-registration lines are never a conclusion."""
        found = self.sentences_in(CONCLUSION_CATS)
        if not found:
            found = [s for s in self.body if "conclu" in s.section.lower() or "interpret" in s.section.lower()]
        if not found:
            inline = next((i for i, s in enumerate(self.body) if _INLINE_CONCLUSION.match(s.text)), None)
            if inline is not None:
                found = self.body[inline:]
        if not found:
            # No conclusion heading: start at the last sentence that opens like a conclusion ("In
            # conclusion", "These results suggest"), else take the last two, skipping back-matter lines
            # (registration, funding, copyright, level of evidence) that often close an abstract.
            body = [s for s in self.body if not _REGISTRATION.search(s.text) and not _BACK_MATTER.match(s.text)]
            cue = next((i for i in range(len(body) - 1, max(len(body) - 4, 0) - 1, -1)
                        if _CONCLUDING.match(body[i].text)), None)
            if cue is not None:
                found = body[cue:]
            else:
                found = body[-2:] if len(body) > 3 else body[-1:]
        return [s for s in found if not _REGISTRATION.search(s.text)] or found

    def result_sentences(self) -> list[Sentence]:
        found = self.sentences_in(RESULT_CATS)
        if found:
            return found
        if self.structured:
            return []
        # Unstructured: results sit between the methods and the conclusion (else the last two sentences).
        body = self.body
        concl = {s.id for s in self.conclusion_sentences()}
        mid = [s for s in body[1:] if s.id not in concl]
        if concl and len(mid) >= 2:
            return mid
        return body[1:-2] if len(body) > 4 else []


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
