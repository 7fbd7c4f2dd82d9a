"""Sentence splitting shared by appraisal, cards and the claim checker, so sentence ids agree.

A sentence id is ``s<N>``: its position among the sentences of ``Record.abstract`` (title excluded).
Spans are character offsets into ``Record.abstract``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Record
from .sections import (back_matter_start, implied_sections, inner_labels, is_back_matter_label, is_back_matter_text,
                       nlm_category, split_labelled)

# Words after which a full stop does not end a sentence.
_ABBREV = {
    "al", "e.g", "i.e", "vs", "v", "fig", "figs", "ref", "refs", "no", "nos", "dr", "mr", "mrs", "ms",
    "prof", "approx", "ca", "cf", "etc", "resp", "st", "vol", "pp", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "incl", "min", "max", "sd", "mo", "wk", "yr", "yrs",
}
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_INITIAL = re.compile(r"\b[A-Z]\.$")
_BOUNDARY = re.compile(r"[.!?](?:[\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
# In an abstract a sentence may also open with a name written in lower case with capitals inside it ("... p=0.013).
# mEOC+P was associated with ...", "mRNA levels ...", "iPSCs ..."): a short lower-case prefix and then capitals.
_ABSTRACT_BOUNDARY = re.compile(r"[.!?](?:[\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?(?:[A-Z0-9]|[a-z]{1,2}(?:[A-Z]{2}|-[A-Z0-9])))")


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    start: int
    end: int
    section: str = ""     # printed label of the abstract section
    category: str = ""    # NLM category of the section
    back_matter: bool = False  # registration, funding, copyright, citation tail: never card text


def split_spans(text: str, offset: int = 0, abstract: bool = False) -> list[tuple[int, int]]:
    """Character spans of sentences in text (white space trimmed). ``abstract``: the text is a research abstract,
    where a sentence may open with a name such as "mEOC+P" or "mRNA" (web pages keep the plain boundary)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in (_ABSTRACT_BOUNDARY if abstract else _BOUNDARY).finditer(text):
        cut = m.start() + 1
        # Look only at the end of the piece: searching all of it for each candidate boundary made
        # long paragraphs full of abbreviations quadratic.
        tail = text[max(start, cut - 40):cut]
        word = _LAST_WORD.search(tail)
        if word and word.group(1).lower() in _ABBREV:
            continue
        if _INITIAL.search(tail) and len(text[start:cut].strip()) > 2:
            continue  # an initial ("J. Smith")
        piece = text[start:cut]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((offset + start + lead, offset + start + len(piece.rstrip())))
        start = m.end()
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + start + lead, offset + start + len(piece.rstrip())))
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)]


def _labelled_pieces(label: str, text: str) -> list[tuple[str, int, int]]:
    """A labelled section, cut again where a label is printed inside it (sections.inner_labels): the label
    is no sentence text, and what follows it belongs to that label's part (a conclusion, not results)."""
    marks = inner_labels(text)
    if not marks:
        return [(label, 0, len(text))]
    out = [(label, 0, marks[0][0])] if text[: marks[0][0]].strip() else []
    for i, (_, body, lab) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        if text[body:end].strip():
            out.append((lab, body, end))
    return out


def record_sentences(record: Record) -> list[Sentence]:
    """The abstract's sentences with their section, offsets into ``record.abstract``.

    A section stored without a label is read again for labels printed inside it (BEIR, CSV and RIS
    exports, and hubs imported before the importers found capital labels without a colon)."""
    out: list[Sentence] = []
    pos = 0
    for sec in record.abstract_sections:
        prefix = f"{sec.label}: " if sec.label else ""
        body_start = pos + len(prefix)
        pieces = split_labelled(sec.text) if not sec.label else _labelled_pieces(sec.label, sec.text)
        implied: dict[int, str] = {}
        if len(pieces) == 1 and not pieces[0][0]:
            found = implied_sections(sec.text)
            if found:
                implied = {a: cat for cat, a, _ in found}
                pieces = [("", a, b) for _, a, b in found]
        for label, a0, b0 in pieces:
            text = sec.text[a0:b0]
            category = (sec.category if label == sec.label else nlm_category(label)) if sec.label else \
                (implied.get(a0) or nlm_category(label))
            back_label = is_back_matter_label(label)
            tail = back_matter_start(text)
            for a, b in split_spans(text, body_start + a0, abstract=True):
                piece = record.abstract[a:b]
                back = (back_label or is_back_matter_text(piece)
                        or (tail is not None and a - body_start - a0 >= tail))
                out.append(Sentence(f"s{len(out)}", piece, a, b, label, category, back))
        pos = body_start + len(sec.text) + 1  # the joining newline
    return out
