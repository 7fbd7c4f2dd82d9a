"""The page's own citation: the citation of the article the page *is*, not of a study its sentences report.

One rule (docs/check.md, step 5): a citation is the page's own when the page presents it as its own, in either of
the two ways pages do —

1. a labelled line ("To cite:", "Cite this article:", "How to cite", "Suggested citation:") that names the page's
   title or one of its headings (a journal page's first line is often the journal's name, its headline the
   article's title). A news page's "Cite this article" line for the paper it reports names another title, so that
   paper stays the news story's source.
2. a journal citation line near the top of the page with the lines a journal's article page carries beside it, as a
   post that reposts a journal article opens:

       BMC Musculoskelet Disord. 2015; 16: 15.
       Published online 2015 Feb 7. doi: 10.1186/...
       PMCID: PMC...

   (a "Published online" or "PMCID" line, an "Abstract" / "Background" heading). A blog post that opens with the
   citation of the paper it summarises and goes on in its own words keeps it as its source.

Every reference read from such a citation — a reference whose text is one of its lines, or that carries its DOI
wherever else the DOI was read — is kept in the list as kind "self": shown, labelled as the article itself, and
never a claim's source (read as the page's only paper, it would hand every background sentence its year and DOI).
"""
from __future__ import annotations

import re

from .references import Reference, find_doi

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
# The label of a page's citation of itself.
_SELF_CITE = re.compile(r"^\W{0,3}(?:to cite(?: this (?:article|paper|chapter))?|cite this (?:article|paper|chapter|as)|"
                        r"how to cite(?: this (?:article|paper|chapter))?|suggested citation|please cite (?:this|as))\s*:", re.I)


def _lines(body: str) -> list[str]:
    return [" ".join(x.strip(" #*>-\t\u2022").split()) for x in body.splitlines() if x.strip(" #*>-\t\u2022")]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _header_lines(lines: list[str]) -> list[str]:
    """Way 2: the journal line at the top and the header lines beside it, or []."""
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


def _labelled_lines(lines: list[str], titles: list[str]) -> list[str]:
    """Way 1: the "To cite:" lines that name the page's title or one of its headings (its first six words)."""
    heads = [" ".join(h) for h in (_words(t)[:6] for t in titles) if len(h) >= 3]
    return [x for x in lines if _SELF_CITE.match(x) and any(h in " ".join(_words(x)) for h in heads)]


def own_citation_lines(body: str, titles: list[str] | None = None) -> list[str]:
    """The lines of the page's own citation (either way, ``titles`` being the page's title and headings), or []."""
    lines = _lines(body)
    return _header_lines(lines) + _labelled_lines(lines, titles or [])


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .")


def mark_own_citation(body: str, titles: list[str], refs: list[Reference]) -> list[Reference]:
    """Mark the references read from the page's own citation as kind "self" (kept in the list, shown as the article
    itself, never a claim's source); the others are returned unchanged. ``titles``: the page's title and headings."""
    own = own_citation_lines(body, titles)
    if not own:
        return refs
    texts = [_norm(x) for x in own]
    dois = {d for d in (find_doi(x) for x in own) if d}
    for r in refs:
        t = _norm(r.text)
        if (r.doi and r.doi.lower() in dois) or any(t and (t in x or x in t) for x in texts):
            r.kind = "self"
    return refs


__all__ = ["mark_own_citation", "own_citation_lines"]
