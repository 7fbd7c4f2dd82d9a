"""The page's own citation header: a post that reposts a journal article opens with that article's citation.

    BMC Musculoskelet Disord. 2015; 16: 15.
    Published online 2015 Feb 7. doi: 10.1186/...
    PMCID: PMC...

Those lines cite the article the page *is*, not a study its sentences report: its background sentences ("In the
USA in 2010 ...", "Rehabilitation is widely promoted ...") come from the works its own (often emptied) markers cite.
Read as the page's only paper, the header would hand every claim its year and DOI. A journal line at the top counts as
the article's own header only when the lines beside it are those a journal page carries (a "Published online" or
"PMCID" line, an "Abstract" / "Background" heading): a blog post that opens with the citation of the paper it
summarises and goes on in its own words keeps it as its source.
"""
from __future__ import annotations

import re

from .references import Reference

# "J Orthop Sports Phys Ther. 2019;49(6):412-428.", "BMC Musculoskelet Disord. 2015; 16: 15.",
# "Spine (Phila Pa 1976). 2018 Mar 1;43(5):E283-9."
_NLM = re.compile(r"^[A-Z][\w.&'()\- ]{2,90}?\.\s*(?:19|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*\d+\s*"
                  r"(?:\(\s*[\w\-]+\s*\))?\s*:\s*[\w\-\u2013]+")
# Lines a journal's article page carries beside its citation.
_HEADER_LINE = re.compile(r"^(?:published online\b|epub\b|pmcid\s*:|pmid\s*:|doi\s*:|author information\b|copyright\b|\u00a9|"
                          r"received\b|accepted\b|open access\b|this is an open access article\b)", re.I)
# (a heading alone, or run into its paragraph: "Background: Low back pain is ...")
_ARTICLE_HEADING = re.compile(r"^(?:abstract|background|introduction|objectives?|purpose|summary)\s*(?::|$)", re.I)
# How far down the page a header sits: a date line, a post title, the article title, the citation
_TOP_LINES = 8
_SHORT = 25   # words: the lines above the header are titles and dates, not paragraphs


def _lines(body: str) -> list[str]:
    return [" ".join(x.strip(" #*>-\t\u2022").split()) for x in body.splitlines() if x.strip(" #*>-\t\u2022")]


def own_citation_lines(body: str) -> list[str]:
    """The lines of the page's own citation header (the journal line and the header lines beside it), or []."""
    lines = _lines(body)
    for i, line in enumerate(lines[:_TOP_LINES]):
        if not _NLM.match(line):
            continue
        if any(len(x.split()) > _SHORT for x in lines[:i]):
            return []                    # below the first paragraph: a source line, not a header
        near = lines[i + 1:i + 5]
        header = [x for x in near if _HEADER_LINE.match(x)]
        if header or any(_ARTICLE_HEADING.match(x) for x in near):
            return [line, *header]
        return []
    return []


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .")


def mark_own_citation(body: str, refs: list[Reference]) -> list[Reference]:
    """Mark the references read from the page's own citation header as kind "self" (kept in the list, shown as the
    article itself, never a claim's source); the others are returned unchanged."""
    own = own_citation_lines(body)
    if not own:
        return refs
    texts = [_norm(x) for x in own]
    dois = {d.lower() for x in own for d in re.findall(r"10\.\d{4,9}/\S+", x)}
    for r in refs:
        t = _norm(r.text)
        if (r.doi and r.doi.lower().rstrip(".") in {d.rstrip(".") for d in dois}) or any(t and (t in x or x in t) for x in texts):
            r.kind = "self"
    return refs


__all__ = ["mark_own_citation", "own_citation_lines"]
