"""A citation whose words are a link to the paper: one reference, not two.

Popular pages often link the citation itself: "(<a href="https://doi.org/...">Lee et al., 2019</a>)", "as [Lee et al.
(2019)](https://pubmed.ncbi.nlm.nih.gov/...) found". The author–year reader and the paper-link reader each find it, so
the work came out twice (an inline "Lee 2019" and a link with its DOI). When a sentence holds exactly one author–year
citation and exactly one paper link, they are the same work: the link keeps its identifiers and takes the citation's
authors and year, and the inline reference goes.
"""
from __future__ import annotations

from .citations import find_citations
from .document import Sentence
from .references import Reference


def merge_linked_citations(sentences: list[Sentence], refs: list[Reference]) -> list[Reference]:
    """``refs`` with each linked citation's inline reference folded into its paper link."""
    by_url = {(r.url or r.text).rstrip("/"): r for r in refs if r.kind == "link"}
    drop: set[int] = set()
    for s in sentences:
        links = [by_url[u.rstrip("/")] for u in s.links if u.rstrip("/") in by_url]
        cites = [c for c in find_citations(s.text) if c.year]
        if len(links) != 1 or len({(c.who, c.year, c.suffix) for c in cites}) != 1:
            continue
        c, link = cites[0], links[0]
        inline = next((r for r in refs if r.kind == "inline" and r.year == c.year and (r.year_suffix or "") == c.suffix
                       and id(r) not in drop
                       and ((r.authors and r.authors[0] == c.who) or r.journal == c.who)), None)
        if inline is None or link.authors or link.year:
            continue
        link.authors = list(inline.authors) or link.authors
        link.journal = link.journal or inline.journal
        link.year, link.year_suffix = inline.year, inline.year_suffix
        drop.add(id(inline))
    return [r for r in refs if id(r) not in drop]


__all__ = ["merge_linked_citations"]
