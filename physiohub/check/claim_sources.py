"""Citation markers and the sources a sentence names: numbered and glued footnotes, author-year and journal
citations, DOIs, links, people, journals and institutions, and the citation keys built from them.
"""
from __future__ import annotations

import re

from .citations import cite_key, find_citations
from .lexicon import JOURNALS

# Lower-case words a footnote number may be glued to ("study2", "worldwide38"), by length: Python's look-behind has a
# fixed width, so each length is an alternative of its own.
_GLUED_WORD_LENGTHS = range(4, 12)
# A note's numbers in round brackets, "(4)", "(1-3)", "(4,5)": never "(0)", which is a count ("Cart (0)").
_ROUND_NUMS = r"\(([1-9]\d{0,2}(?:\s*[,\u2013-]\s*\d{1,3})*)\)"
NUMBERED_CITE = re.compile(r"\[(\d{1,3}(?:\s*[,\u2013\u2014-]\s*\d{1,3})*)\]|(?<=[a-z.,)])([\u00b9\u00b2\u00b3\u2070-\u2079]+)"
                           r"|\((?:Refs?|References?)\.?\s*(\d{1,3}(?:\s*[,/\u2013\u2014-]\s*(?:Refs?\.?\s*)?\d{1,3})*)\)"
                           # "Another study2 showed": a footnote number glued to a lower-case word (one group per word length)
                           r"|" + "|".join(rf"(?-i:(?<=\b[a-z]{{{n}}})(\d{{1,2}})(?=[\s.,;:)]|$))" for n in _GLUED_WORD_LENGTHS) +
                           # "(4,5)", "(1,2,3,6,7,9)" in round brackets: glued to the word, or ending a clause
                           # (glued to a letter: after a digit it is an issue number, "Spine 1995;20(5):615")
                           r"|(?<=[^\W\d_])" + _ROUND_NUMS +
                           r"|(?<=\w)\s" + _ROUND_NUMS + r"(?=\s*[.,;:!?]|\s*$)"
                           # "... worldwide.(2)": glued after the sentence's own full stop, ending it
                           r"|(?<=[a-z%)]\.)" + _ROUND_NUMS + r"(?=\s*$)"
                           # "... an incidence of about 7.9%(6).": after a percentage, ending a clause
                           r"|(?<=%)\s?" + _ROUND_NUMS + r"(?=\s*[.,;:!?]|\s*$)", re.I)
# "... ability to work[i].", "... previous decade).[iv]": an endnote marker in lower-case Roman numerals (product and
# wellness blogs number their notes i, ii, iii ...), glued to the word or the full stop before it.
ROMAN_CITE = re.compile(r"(?<=[a-z.,;:)%])\[(i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3}|xix|xx)\](?!\()")
# The same glued footnote, removed before the words are read ("study2" is "study").
GLUED_FOOTNOTE = re.compile("|".join(rf"(?<=\b[a-z]{{{n}}})\d{{1,2}}(?=[\s.,;:)]|$)" for n in _GLUED_WORD_LENGTHS))
# "(Cochrane Database Syst. Rev. 2017;(6):CD012700)", "(Br J Sports Med. 2020;54(21):1279-87)": the journal's
# abbreviation, year and volume/issue/pages (or Cochrane review number) inside the brackets; the abbreviation
# may carry its own bracketed place and year ("Spine (Phila Pa 1976). 2015;40(4):E201-8").
JOURNAL_CITE = re.compile(
    r"\(((?:[A-Z][A-Za-z&]*\.?,?\s+){0,8}?[A-Z][A-Za-z&]*\.?(?:\s+\((?:[A-Z][a-z]*\.?\s+){0,3}(?:19|20)\d{2}\)\.?)?)"
    r"\s+((?:19|20)\d{2})\s*(?:;\s*|(?=[\[(]\w+[\])]\s*:))"   # (or the issue in brackets straight after the year: "2008[4]:CD004376")
    r"((?:\(\w+\)|\[\w+\]|[\w.\-\u2013])+(?::\s*[\w.\-\u2013]+)?)\)")


def journal_key(journal: str, year: int | str) -> str:
    """The citation key of a journal citation: "br. j. sports med 2020"."""
    return f"{' '.join(journal.lower().split()).rstrip('.')} {year}"


# A surname, with its particle ("Van Eerd", "De Carvalho", "O'Sullivan").
_SURNAME = r"(?:(?:[Vv]an(?: [Dd]e[rn]?)?|[Dd]e|[Dd]er|[Vv]on|[Dd]a|[Dd]i|[Dd]el|[Dd]os|[Dd]u|[Ll]e|[Ll]a) )?[A-Z][A-Za-z'\u2019\-]+"
AUTHOR_YEAR = re.compile(
    rf"(?:[(\[]|[;,]\s?)({_SURNAME}(?:(?:, | (?:and|&) ){_SURNAME}){{0,3}}(?: et al\.?)?),? ((?:19|20)\d{{2}})[a-z]?(?=[;,)\]])"
    rf"|\b({_SURNAME}(?: [A-Z]{{1,3}})? et al\.?|{_SURNAME}(?:, {_SURNAME}){{0,2}} (?:and|&) {_SURNAME}) \(((?:19|20)\d{{2}})[a-z]?\)"
    rf"|\b({_SURNAME} et al\.?),? ((?:19|20)\d{{2}})[a-z]?\b")


def author_year(m: re.Match) -> tuple[str, str]:
    """(authors, year) of an ``AUTHOR_YEAR`` match, whichever of its three forms matched."""
    for i in (1, 3, 5):
        if m.group(i):
            return m.group(i), m.group(i + 1)
    raise ValueError("not an author-year match")


DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>\]]+")
URL = re.compile(r"https?://[^\s<>\"\])]+")
_PERSON = re.compile(
    r"\b(?:(?:lead|senior|first) author|led by|Dr\.?|Professor|Prof\.?)(?:\s+(?:Dr\.?|Professor|Prof\.?))?(?:\s+[A-Z][A-Za-z'\-]+){1,3}"
    r"|\b[A-Z][a-z]+(?: [A-Z][a-z]+)? and (?:colleagues|co-?workers|(?:his|her|their) (?:team|colleagues))\b"
    # "A study by Helmick et al. published in ...": the authors named without a year (no reference, README R3e, but a source)
    r"|(?<=\bby )(?:(?:van|von|de|der|den|du|da|di|le|la)\s+){0,2}[A-Z][A-Za-z'\u2019\-]+ et al\b\.?")
_INSTITUTION = re.compile(r"\b(?:University|Institute|College|Hospital|Clinic|Centre|Center)(?: of| for)?(?: the)?(?: [A-Z][\w'\-]+)+"
                          r"|\b[A-Z][\w]+ (?:University|Institute|Hospital)\b")
def _cut_name(name: str) -> str:
    """A journal name after "published in" ends at its first lower-case word that joins no name ("the New England
    Journal of Medicine can be found here" is "New England Journal of Medicine")."""
    words: list[str] = []
    for w in name.split():
        if not (w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "&", "in", "for", "the", "on")):
            break
        words.append(w)
    while words and words[-1] in ("of", "and", "&", "in", "for", "the", "on"):
        words.pop()
    return " ".join(words) or name.strip()


_PUBLISHED_IN = re.compile(r"\bpublished (?:in|by) (?:the (?:journal )?)?([A-Z][\w&:\- ]{2,60}?)(?=[,.;(]| in \d| last| this| earlier| found| shows?| and |"
                           r" (?:reported|reports|showed|suggested|suggests|concluded|concludes|revealed|reveals|finds|says|said|indicated|indicates)\b|$)")


# A journal's year, volume and pages in brackets after its name in the sentence: "the journal Spine
# (1995;20(5):615-619)", "the American Journal of Public Health (2005; 95(10): 1817-24)".
YEAR_VOLUME_CITE = re.compile(r"\((?P<year>(?:19|20)\d{2})\s*;\s*\d{1,4}\s*(?:\(\w+\))?\s*:\s*[A-Za-z]?\d+(?:\s*[\-\u2013]\s*\d+)?\)")


def citation_marker(text: str) -> str | None:
    """The first citation marker in a sentence: "[2]", "(Ref 3)", "(Lee et al., 2020)", "(Br J Sports Med. 2020;54:1)",
    "Spine (1995;20(5):615-619)"."""
    found = [(m.start(), m.group(0)) for rx in (NUMBERED_CITE, ROMAN_CITE, AUTHOR_YEAR, JOURNAL_CITE, YEAR_VOLUME_CITE) for m in [rx.search(text)] if m]
    # author-year citations in the forms the pattern above leaves (many names, page notes, narrative: citations.py)
    found += [(c.start, c.text) for c in find_citations(text)[:1]]
    return min(found)[1] if found else None


# A link to a paper (DOI, PubMed, a journal's site) backs a sentence as a citation marker does.
PAPER_LINK = re.compile(r"doi\.org/|pubmed|ncbi\.nlm\.nih\.gov|europepmc|cochranelibrary|bmj\.com|jamanetwork|thelancet|"
                        r"nejm\.org|sciencedirect|springer|wiley\.com|nature\.com|frontiersin|mdpi\.com|plos|tandfonline|"
                        r"sagepub|jospt\.org|journals\.lww|academic\.oup", re.I)

_COMMA = re.compile(r"\s*,\s*")
_DASH = re.compile(r"\s*[\u2013\u2014-]\s*")


def expand_numbers(spec: str) -> list[str]:
    """The reference numbers of a marker's list: "1, 3-5" -> ["1", "3", "4", "5"] (ranges of under 50)."""
    out: list[str] = []
    for part in _COMMA.split(spec):
        bits = _DASH.split(part)
        if len(bits) == 2 and bits[0].isdigit() and bits[1].isdigit() and int(bits[1]) - int(bits[0]) < 50:
            out += [str(i) for i in range(int(bits[0]), int(bits[1]) + 1)]
        elif part.strip().isdigit():
            out.append(part.strip())
    return out


_SUPERSCRIPT = str.maketrans("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079", "1230456789")


# Capitalised words joined by "of", "and" or "&" that open a longer journal name ending in a known one: "The Journal of
# Pain" is not "Pain", "European Journal of Pain" neither. A sentence's first word is left out (it is capitalised
# anyway: "In Pain, ..."), and "The" is kept only where the text capitalises it mid-sentence.
_LEFT_PART = re.compile(r"(?:(?:\bThe\s+)?(?:[A-Z][A-Za-z\-]*\s+)+(?:(?:of|and|&)\s+)?)+$")
# A line in title case ("Physical Therapy As Good As Surgery For Torn Knee Cartilage") names no journal by words that
# are also ordinary words; only a name made of words no headline uses by chance ("BMJ", "JAMA") is read there.
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) >= 4 and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)


class _Name:
    """A journal name read in a sentence (quacks like the ``re.Match`` it replaces: ``group(0)``)."""

    def __init__(self, value: str):
        self.value = value

    def group(self, _n: int = 0) -> str:
        return self.value


def _whole_journal(name: str, text: str) -> "_Name | None":
    """A known journal name read whole: "Physical Therapy in Sport" is not "Physical Therapy", "The Journal of Pain"
    is not "Pain"; in a title-case line a name of ordinary words ("Physical Therapy", "Pain", "Spine") is no journal."""
    title = _title_case(text)
    if title and _TITLE_WORD.fullmatch(name.split()[0]) and not name.isupper():
        return None
    m = re.search(rf"\b{re.escape(name)}\b" + ("" if title else r"(?:\s+(?:(?:in|of|and|&|for)\s+)?[A-Z][\w\-]*)*"), text)
    if m is None:
        return None
    start = m.start()
    left = _LEFT_PART.search(text[:start])
    if left and not title:
        part = left.group(0)
        if left.start() == 0 or not text[:left.start()].strip():
            # the sentence's first word opens the part: leave it out ("In Pain", "The Lancet" at the start)
            part = part.split(None, 1)[1] if len(part.split()) > 1 else ""
        part = re.sub(r"^(?:(?:of|and|&)\s+)+", "", part)
        start -= len(part) if part.strip() else 0   # (a suffix of the text before the name)
    value = text[start:m.end()].strip()
    return _Name(value)

# "(Refs 2/5)": the word goes, a slash separates numbers as a comma does.
_REF_WORD_OR_SLASH = re.compile(r"(?i)refs?\.?\s*|/")


_NUMBERS_AFTER_STOP = re.compile(r"(?<=[a-z%)]\.)\s\((\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*)\)\s*$")


def sources_of(text: str, links: list[str]) -> tuple[list[dict], list[str]]:
    """(sources, citation keys) a sentence names: markers, authors, journals, DOIs, links, people, institutions."""
    sources: list[dict] = []
    cites: list[str] = []
    for m in NUMBERED_CITE.finditer(text):
        glued = next((g for g in m.groups()[3:3 + len(_GLUED_WORD_LENGTHS)] if g), None)
        round_ = next((g for g in m.groups()[3 + len(_GLUED_WORD_LENGTHS):] if g), None)
        if glued:
            nums = [glued]
        elif round_:
            nums = expand_numbers(round_)
        elif m.group(2):
            nums = list(m.group(2).translate(_SUPERSCRIPT))
        else:
            nums = expand_numbers(_REF_WORD_OR_SLASH.sub(lambda x: "," if x.group(0) == "/" else "", m.group(1) or m.group(3)))
        for n in nums:
            cites.append(n)
            sources.append({"kind": "citation", "value": n})
    for m in ROMAN_CITE.finditer(text):
        cites.append(m.group(1))
        sources.append({"kind": "citation", "value": m.group(1)})
    spaced = _NUMBERS_AFTER_STOP.search(text)
    if spaced and not cites:
        # "... of life. (1, 2)": numbers in brackets after the sentence's own full stop cite it; they name its source
        # but make no claim of a sentence that states none (a cited symptom or definition)
        for n in expand_numbers(spaced.group(1)):
            cites.append(n)
            sources.append({"kind": "citation", "value": n})
    for m in AUTHOR_YEAR.finditer(text):
        who, year = author_year(m)
        # the year's letter ("Lee et al., 2019b") keys one of the author's works of that year
        end = m.end(next(i for i in (2, 4, 6) if m.group(i)))
        key = cite_key(who, year, text[end] if re.match(r"[a-z]", text[end:end + 1]) else "")
        cites.append(key)
        sources.append({"kind": "author", "value": f"{who} {year}"})
    for c in find_citations(text):
        if c.year is None:
            sources.append({"kind": "author", "value": c.who})
            continue
        key = cite_key(c.surname, c.year, c.suffix)
        if key not in cites:
            cites.append(key)
            sources.append({"kind": "author", "value": f"{c.who} {c.year}"})
    for m in JOURNAL_CITE.finditer(text):
        cites.append(journal_key(m.group(1), m.group(2)))
        sources.append({"kind": "journal", "value": m.group(1)})
    for m in DOI.finditer(text):
        sources.append({"kind": "doi", "value": m.group(0).rstrip(".,;)")})
    for url in links + URL.findall(text):
        sources.append({"kind": "link", "value": url})
    for m in _PERSON.finditer(text):
        sources.append({"kind": "author", "value": m.group(0)})
    m = _PUBLISHED_IN.search(text)
    journal = _cut_name(m.group(1)) if m else next((w.group(0) for j in JOURNALS for w in [_whole_journal(j, text)] if w), None)
    if journal:
        sources.append({"kind": "journal", "value": journal})
    for m in _INSTITUTION.finditer(text):
        sources.append({"kind": "institution", "value": m.group(0).strip()})
    return sources, cites
