"""In-text citations the author–year reader leaves out or doubles: a web page cited by its title, and one work cited
under two spellings of its author's name.

- Harvard for a page with no author cites the page's title and year: "(Osteoarthritis: symptoms and causes, 2019)",
  "(What are the causes of arthritis, 2019: Lee et al. 2018)". Such a citation is a reference of its own (the title
  takes the author's place), when the bracket reads as a title: three words or more, a colon or ordinary lower-case
  words in it (a name list or an organisation is capitalised throughout and is read elsewhere), no "et al".
- A writer who misspells a surname once ("Agoivlasitis et al. 2018" beside "Agiovlasitis et al. 2018") cites one work,
  not two: same year, names an adjacent swap or one letter more or less apart; the spelling written most stays.
"""
from __future__ import annotations

import re

from .citations import surname_key
from .references import Reference

_BRACKET = re.compile(r"\(([^()]{8,300})\)")
# pieces of a bracket: cut at ";" and at a ":" right after a year ("..., 2019: Lee et al. 2018")
_PIECES = re.compile(r"\s*;\s*|(?<=\d{4})\s*:\s*")
_TITLE_YEAR = re.compile(r"(?P<title>[A-Z][^;]{6,150}?)\s*,\s*(?P<year>(?:19|20)\d{2})[a-z]?")
_NOT_TITLE_START = re.compile(r"^(?:see|e\.g|i\.e|cf|published|according|adapted|source|table|figure|fig|data|in|from|as|"
                              r"accessed|retrieved|updated|last|reviewed|n\s*=|p\s*[<=>])\b|^(?:[A-Z]\.\s?)+[A-Z]|personal communication", re.I)
_SMALL = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "with", "or", "at", "by", "&"}


def _reads_as_title(title: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'\-]*", title)
    if len(words) < 3 or re.search(r"\bet\.?\s?al\b", title) or _NOT_TITLE_START.match(title):
        return False
    lower = [w for w in words[1:] if w[0].islower() and w.lower() not in _SMALL]
    return ":" in title or len(lower) >= 2


def title_citations(text: str, refs: list[Reference]) -> list[Reference]:
    """``refs`` with a reference of kind "inline" for each page cited by its title and year in ``text``."""
    out = list(refs)
    # (compared without spaces or punctuation: "types of arthritis" and "typesof arthritis" are one page's title)
    seen = {(re.sub(r"[^a-z0-9]", "", r.authors[0].lower()), r.year) for r in out if r.authors}
    for m in _BRACKET.finditer(text):
        for piece in _PIECES.split(m.group(1)):
            t = _TITLE_YEAR.fullmatch(piece.strip().rstrip("."))
            if not t or not _reads_as_title(t.group("title")):
                continue
            year = int(t.group("year"))
            if any(r.year == year and r.authors and re.search(rf"\b{re.escape(surname_key(r.authors[0]))}\b", piece) for r in out):
                continue   # a citation read already ("R. Lund, personal communication, May 3, 2020")
            title = " ".join(t.group("title").split())
            key = (re.sub(r"[^a-z0-9]", "", title.lower()), int(t.group("year")))
            if key not in seen:
                seen.add(key)
                out.append(Reference(text=piece.strip(), kind="inline", authors=[title], year=int(t.group("year"))))
    return out


def _one_edit(a: str, b: str) -> bool:
    """Are the two words one adjacent swap, insertion or deletion apart? (Not one letter for another: "Andersen" and
    "Anderson", "Petersen" and "Peterson" are different people as often as not.)"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def merge_misspelt(text: str, refs: list[Reference]) -> list[Reference]:
    """``refs`` with an in-text citation dropped when another reference of the same year has its author's name
    spelt one letter differently (the spelling written fewer times goes; a listed entry always stays)."""
    low = text.lower()
    drop: set[int] = set()
    named = [r for r in refs if r.authors and r.year]
    for i, a in enumerate(named):
        for b in named[i + 1:]:
            if id(a) in drop or id(b) in drop or a.year != b.year or "inline" not in (a.kind, b.kind):
                continue
            sa, sb = surname_key(a.authors[0]).lower(), surname_key(b.authors[0]).lower()
            if min(len(sa), len(sb)) < 7 or not _one_edit(sa, sb):   # (short names differ by a letter often enough: Hansen, Hanson)
                continue
            if a.kind != "inline":
                drop.add(id(b))
            elif b.kind != "inline":
                drop.add(id(a))
            else:
                drop.add(id(b) if low.count(sa) >= low.count(sb) else id(a))
    return [r for r in refs if id(r) not in drop]


__all__ = ["merge_misspelt", "title_citations"]
