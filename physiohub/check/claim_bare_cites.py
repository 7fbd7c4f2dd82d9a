"""Bare citations: a citation standing alone as its own paragraph cites the sentence just before it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .claim_sources import citation_marker
from .document import Sentence

# A citation standing alone as its own paragraph ("(Skou & Roos, 2019)" under a recommendation): it cites the
# sentence just before it.
_BARE_CITATION = re.compile(r"^\s*[(\[][^()\[\]]{3,120}[)\]]\s*\.?\s*$")


def attach_bare_citations(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with each bare citation paragraph joined to the sentence before it (same heading, not a list item)."""
    out: list[Sentence] = []
    for s in sentences:
        if out and _BARE_CITATION.match(s.text) and citation_marker(s.text) and s.paragraph != out[-1].paragraph \
                and not out[-1].item and out[-1].heading == s.heading:
            last = out[-1]
            out[-1] = replace(last, text=last.text.rstrip() + " " + s.text.strip().rstrip("."), links=last.links + s.links)
            continue
        out.append(s)
    return out
