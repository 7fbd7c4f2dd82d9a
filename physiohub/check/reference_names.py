"""Authors' names at the head of a reference entry as printed in capitals, and a bare entry number before a name.

Old records and some journals print family names in capitals, in every order a style puts names:

    RIVES JD, STRUG LH, ESSRIG IM. Title. ...            (Vancouver, AMA, The Lancet)
    RIVES, J. D., STRUG, L. H., and ESSRIG, I. M. (1947)  (APA, Harvard, Frontiers)
    J. D. RIVES and L. H. STRUG, "Title," ...             (IEEE, Elsevier's numbered style)

The entry shapes (references.py) read names in the case most entries use — a capital, then small letters, with small
particles ("van der Berg P") — so the names in capitals are rewritten in that case before the shapes read the entry
("Rives JD", "van der Berg P", "O'Neill A", "Preston-Martin S"); the entry's text is kept as written. Only the run
of names that opens the entry is rewritten, one name after another while the separators between names go on (", ",
", and ", " & "); a title in capitals after it, an organisation ("NICE.", "WHO. 2019"), or initials are left alone.
"""
from __future__ import annotations

import re

_PARTICLES = {"van", "von", "de", "der", "den", "du", "da", "di", "dos", "das", "del", "della", "le", "la", "ten", "ter"}
_PARTICLE = "(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + ")"
# A family-name word in capitals: two letters at least ("LI", "O'NEILL", "PRESTON-MARTIN").
_CAPS_WORD = r"[A-Z][A-Z'\u2019\-]+"
_CAPS_SURNAME = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}"
# Where a name ends: a comma, a stop, "et al", "and", "&", a bracketed or bare year, or the end.
_NAME_END = r"(?=[,.;:]|\s+(?:et\s+al\b|and\b|&|\(|(?:19|20)\d\d)|\s*$)"
_INITIALS_DOTTED = r"(?:-?[A-Z]\.\s?){1,4}"
_CAPS_NAME = re.compile(
    # Vancouver: family name, then initials without stops ("RIVES JD"); a country after an organisation's initials is
    # no person's initials ("NHS UK")
    rf"(?P<v>{_CAPS_SURNAME})\s+(?!(?:UK|US|USA|EU)\b)[A-Z]{{1,3}}(?:-[A-Z])?{_NAME_END}"
    # APA, Harvard: family name, a comma, initials with stops ("RIVES, J. D.")
    rf"|(?P<a>{_CAPS_SURNAME}),\s*{_INITIALS_DOTTED}"
    # IEEE, Elsevier: initials with stops, then the family name ("J. D. RIVES")
    rf"|{_INITIALS_DOTTED}\s?(?P<g>{_CAPS_SURNAME}){_NAME_END}")
_NAME_SEP = re.compile(r"[,;]?\s*(?:&|and)\s+|[,;]\s*")

# A bare number before an entry ("7 Rives JD", "2 van der Berg P", "3 O'Neill A", "8 RIVES JD, ..."), as a numbered
# list reads once its numbers' stops are gone: the number, then a name — a capital and a small letter, a particle, an
# apostrophe after the first letter, or a family name in capitals before its initials.
NAME_AFTER_NUMBER = (rf"\s+(?:{_PARTICLE}\s+)*(?:[A-Z][a-z]|[A-Z]['\u2019][A-Z]|{_CAPS_SURNAME},?\s+(?:[A-Z]{{1,3}}\b|[A-Z]\.))")


def _name_case(surname: str) -> str:
    """"VAN DER BERG" -> "van der Berg", "O'NEILL" -> "O'Neill", "PRESTON-MARTIN" -> "Preston-Martin"."""
    words = surname.split()
    out = []
    for i, w in enumerate(words):
        if i < len(words) - 1 and w.lower() in _PARTICLES:
            out.append(w.lower())
        else:
            out.append(re.sub(r"(?<![A-Za-z])([A-Z])([A-Z]+)", lambda m: m.group(1) + m.group(2).lower(), w))
    return " ".join(out)


def names_in_capitals(entry: str) -> str:
    """``entry`` with the family names in capitals of its opening run of names written as names usually are."""
    pos, out = 0, []
    while True:
        m = _CAPS_NAME.match(entry, pos)
        if m is None:
            break
        group = next(g for g in ("v", "a", "g") if m.group(g))
        start, end = m.span(group)
        out.append(entry[pos:start] + _name_case(m.group(group)) + entry[end:m.end()])
        pos = m.end()
        sep = _NAME_SEP.match(entry, pos)
        if sep is None:
            break
        out.append(sep.group(0))
        pos = sep.end()
    return "".join(out) + entry[pos:] if out else entry


__all__ = ["NAME_AFTER_NUMBER", "names_in_capitals"]
