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
                         r"(?:these|our|the) (?:\w+ )?(?:results|findings|data) (?:suggest|indicate|show|demonstrate|support)|"
                         # "This study demonstrates that ...", "These comparative analyses demonstrate ...", "The evidence
                         # from the 51 trials included in this review suggests that ..."
                         r"(?:this|the present|the current|our) (?:\w+ )?(?:study|trial|review|analysis|investigation|work) "
                         r"(?:clearly )?(?:demonstrates|shows|suggests|indicates|confirms)|"
                         r"(?:these|our|the) (?:\w+ )?analyses (?:demonstrate|show|suggest|indicate|confirm)|"
                         r"the (?:available |current |present )?evidence (?:[\w-]+ ){0,8}?(?:suggests|indicates|shows|supports))\b", re.I)
# A sentence that calls for more work ("Studies comparing A and B are needed.", "Further refinement of the systems is
# required to ..."): it closes many unstructured abstracts and concludes nothing about this study.
_CALL_FOR_MORE = re.compile(r"\b(?:stud(?:y|ies)|research|trials?|work|investigations?|refinement|evaluation)\b[^.]*?"
                            r"\b(?:is|are) (?:still |urgently |now |clearly )?(?:needed|required|warranted)\b", re.I)
_FURTHER_WORK = re.compile(r"^(?:however,?\s+)?(?:further|future|more|larger|additional|new|well-designed|high-quality) "
                           r"(?:[\w-]+,? ){0,5}?(?:research|studies|trials|investigations?|work)\b", re.I)
# A conclusion states what holds ("Celecoxib is as effective as ..."); a results sentence what was seen ("The rate
# of height gain was no different").
_PRESENT_CLAIM = re.compile(r"\b(?:is|are|has|have|may|might|can|should|seems?|appears?|suggests?|indicates?|remains?|"
                            r"provides?|offers?)\b", re.I)
# "Furthermore, ...": a sentence that goes on from the one before it, so the conclusion starts there.
_GOES_ON = re.compile(r"^(?:furthermore|moreover|in addition|additionally|also)\b", re.I)
# Statistics (a p-value, a confidence interval, a bracketed percentage) mark a results sentence, not a conclusion.
_STATS = re.compile(r"\bp\s*[<=>\u2264]\s*0?\.\d|\b(?:95|99|90) ?% ?(?:ci|confidence)|\bconfidence interval|\(\s*\d+(?:\.\d+)?\s*%", re.I)
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
                # The last two sentences that conclude something (a closing call for more studies rides along),
                # going back one more when the first of them goes on from the sentence before; a sentence with
                # statistics is a result, so it is left out while another remains.
                end = len(body)
                while end > 1 and _CALL_FOR_MORE.search(body[end - 1].text):
                    end -= 1
                start = max(end - 2, 0) if len(body) > 3 else max(end - 1, 0)
                if start > 0 and _GOES_ON.match(body[start].text):
                    start -= 1
                found = body[start:]
                stated = [s for s in found if not _STATS.search(s.text) and not _CALL_FOR_MORE.search(s.text)
                          and not _FURTHER_WORK.match(s.text) and _PRESENT_CLAIM.search(s.text)]
                if stated and len(stated) < len(found):
                    found = [s for s in found if not _STATS.search(s.text)]
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
