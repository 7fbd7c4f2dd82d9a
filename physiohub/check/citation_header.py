"""A paper's citation written as separate short lines.

Research-summary pages (clinics reposting a study, notes blogs, journal landing pages) often give the paper they
summarise not as one reference entry but as a block of short lines, each a field of its own:

    Surgical Technology International
    November 2014; Vol. 25; pp. 277-279
    Kenneth K. Hansraj, MD

The line that holds the date, the volume and the pages is the anchor; the journal is the line before it (or opens
the anchor line itself, as NLM writes it: "Spine J. 2004 Sep;4(5):574-83."), the author is a short line near it that
is a person's name ("Name, MD", "Surname AB"). Such a block is one reference. (The page's citation of itself is
own_citation.py's.)
"""
from __future__ import annotations

import re

from .lexicon import JOURNALS
from .reference_lines import JOURNAL_WORDS
from .references import _PMID, Reference, find_doi

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# The anchor: [journal] date; volume [; issue]; pages — and nothing else on the line.
_VOLUME_LINE = re.compile(
    rf"^(?P<journal>(?!{_MONTH}\s)[A-Z][A-Za-z&.'\- ]{{2,80}}?[.,]?\s+)?"
    rf"(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?P<year>(?:19|20)\d{{2}})(?:\s+{_MONTH}(?:\s+\d{{1,2}})?)?\s*[;:,]\s*"
    r"(?:Vol(?:ume)?\.?\s*)?\d+[A-Z]?(?:\s*\(\w+\))?(?:\s*[;,]\s*(?:No|Issue)\.?\s*\d+)?\s*[;:,]\s*"
    r"(?:pp?\.?\s*)?[A-Za-z]?\d+(?:\s*[\-\u2013]\s*[A-Za-z]?\d+)?\.?$")
_JOURNAL_WORD = re.compile(rf"\b(?:{JOURNAL_WORDS}|International|Orthop\w*|Clinical)\b")
_JOURNAL_NAMES = {j.lower() for j in JOURNALS}
_DEGREE = r"(?:M\.?D|Ph\.?D|D\.?O|D\.?C|D\.?P\.?T|P\.?T|M\.?P\.?H|FRCS|FACS)\.?"
_PERSON_WITH_DEGREE = re.compile(rf"^(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][a-z]+)?\s+(?P<surname>[A-Z][\w'\-]+)),\s*{_DEGREE}"
                                 rf"(?:,\s*{_DEGREE})*$")
_VANCOUVER_NAMES = re.compile(r"^(?P<surname>[A-Z][\w'\-]+) [A-Z]{1,3}(?:, [A-Z][\w'\-]+ [A-Z]{1,3})*(?:,? et al)?\.?$")
# A paragraph that ends with its source run on after the last full stop, no label: "... to ease your pain. Example
# Technology International, November 2014" — a journal's name (by the lexicon or the words journals' names use) and its
# month and year.
_TRAILING_SOURCE = re.compile(rf"(?<=[.!?\"\u201d])\s+(?P<journal>[A-Z][\w&'\-]*(?:\s+(?:of|and|&|the|for|in|on|[A-Z][\w&'\-]*)){{1,8}}),?"
                              rf"\s+(?:\(?(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?)?(?P<year>(?:19|20)\d{{2}})\)?\.?\s*$")
# An identifier on a line of its own next to the block: the paper's PubMed or DOI address.
_ID_LINE = re.compile(r"^<?(?:https?://\S*(?:pubmed|ncbi\.nlm\.nih\.gov/pubmed|doi\.org)\S*|doi:\s*10\.\S+|PMID:?\s*\d+)>?\.?$", re.I)


def _journal_line(line: str) -> bool:
    s = line.strip().rstrip(".")
    return 3 <= len(s) <= 80 and not re.search(r"[.!?;:]\s|^By\s", s) and s[:1].isupper() and \
        (s.lower() in _JOURNAL_NAMES or bool(_JOURNAL_WORD.search(s)))


def _author(line: str) -> str | None:
    s = line.strip()
    m = _PERSON_WITH_DEGREE.match(s) or _VANCOUVER_NAMES.match(s)
    return m.group("surname") if m else None


def header_citations(body: str, refs: list[Reference]) -> list[Reference]:
    """``refs`` with a reference for each citation written as a block of short field lines that no reference
    already holds (same journal or first author, same year)."""
    lines = [x.strip().strip("*_").strip() for x in body.splitlines()]
    lines = [x for x in lines if x]
    out = list(refs)
    for i, line in enumerate(lines):
        m = _VOLUME_LINE.match(line)
        # (a volume label or a page range: "Oct 17, 2005, 19:15" is a news story's date and time, not a citation)
        if not m or len(line) > 120 or not re.search(r"\bVol|\d\s*[\-\u2013]\s*[A-Za-z]?\d+\.?$", line):
            continue
        if any(line.rstrip(".") in r.text for r in out):
            continue   # the tail of an entry already read whose journal wrapped onto this line ("J Phys Ther" / "Sci. 2015 ...")
        year = int(m.group("year"))
        journal = (m.group("journal") or "").strip().rstrip(".,") or None
        used = [line]
        if journal is None and i > 0 and _journal_line(lines[i - 1]):
            journal = lines[i - 1].strip().rstrip(".")
            used.insert(0, lines[i - 1])
        if journal is None:
            continue   # a date and pages with no journal named is no citation
        surname = None
        for near in lines[i + 1:i + 4] + lines[max(0, i - 3):i]:
            surname = _author(near)
            if surname:
                used.append(near)
                break
        # the block's own identifier line ("http://www.ncbi.nlm.nih.gov/pubmed/123" under the author) is this paper's
        ident = next((x for x in lines[i + 1:i + 5] if _ID_LINE.match(x)), None)
        doi = find_doi(ident) if ident else None
        pm = _PMID.search(ident) if ident else None
        pmid = next(g for g in pm.groups() if g) if pm else None
        have = any(r.year == year and (((r.journal or "").lower().rstrip(".") == journal.lower())
                                       or (surname and r.authors and r.authors[0].split()[0].lower().startswith(surname.lower())))
                   for r in out)
        if not have:
            if doi or pmid:
                # the identifier was read as a bare link of its own: it is this reference's
                out = [r for r in out if not (r.kind == "link" and ((doi and r.doi == doi) or (pmid and r.pmid == pmid)))]
            out.append(Reference(text=" / ".join(used + ([ident] if ident else [])), authors=[surname] if surname else [],
                                 year=year, journal=journal, doi=doi, pmid=pmid))
    for line in lines:
        m = _TRAILING_SOURCE.search(line)
        if not m or not _journal_line(m.group("journal")):
            continue
        journal, year = m.group("journal"), int(m.group("year"))
        if any(m.group(0).strip().rstrip(".") in r.text for r in out):
            continue   # a list entry read already ("Title. Spine Journal February 2008")
        if not any(r.year == year and (r.journal or "").lower().rstrip(".") == journal.lower() for r in out):
            out.append(Reference(text=m.group(0).strip(), year=year, journal=journal))
    return out


__all__ = ["header_citations"]
