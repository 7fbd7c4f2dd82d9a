"""An article's references: its reference list, and the citations and links in its text.

Reference-list entries come in the styles health writing uses: Vancouver/AMA ("Lee A, Park B. Title.
J Abbrev. 2021;55(3):120-8. doi:..."), APA/Harvard ("Lee, A., & Park, B. (2021). Title. Journal,
55(3), 120–128. https://doi.org/...") and Nature ("Lee, A. et al. Title. J Abbrev 55, 120–128 (2021).").
Identifiers (DOI, PMID, PMCID, URL) are read first because they are what resolves a reference; a DOI
is found however it is written ("doi:10.x", "doi: 10.x", "DOI: 10.X", "https://doi.org/10.x", a space
after the slash). Authors, year, title and journal are parsed by style. An entry whose author is an
organisation and that has a web address but no DOI or PMID (a fact sheet, a guideline page, a news
release) is a reference of ``kind`` "web". In-text citations that match no listed entry become
references of their own (``kind`` "inline"): author–year ("(Lee et al., 2021)") and journal citations
("(Br J Sports Med. 2020;54(21):1279-87)", "(Cochrane Database Syst. Rev. 2017;(6):CD012700)"); DOI
or PubMed links in the body become ``kind`` "link".
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from .citations import ETAL, JOURNAL_NAMES, Citation, cite_key, find_citations, journal_abbreviation, journal_title, surname_key
from .claim_sources import YEAR_VOLUME_CITE
from .claims import DOI, JOURNAL_CITE, expand_numbers, journal_key
from .document import FIELD_JOIN, FIELD_LABEL, PUBMED_CITATION, TITLE_THEN_AUTHORS, Sentence
from .reference_lines import elsevier_entry, title_then_credit, title_then_names
from .reference_names import NAME_AFTER_NUMBER, names_in_capitals

# (PubMed's text export: "1: Lee AB, Park C. Title. ...")
_NUMBER = re.compile(rf"^\s*(?:[\[(](\d{{1,3}})[\])]|(\d{{1,3}})[.)]|(\d{{1,3}})(?={NAME_AFTER_NUMBER})|([\u00b9\u00b2\u00b3\u2070-\u2079]{{1,3}})"
                     r"|(\d{1,3}):(?=\s+[A-Z]))\s+")
_SUPERSCRIPT_DIGITS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")
_BULLET = re.compile(r"^\s*[-*\u2022+]\s+")
# PMIDs as written: "PMID: 123", "PMID 123", "PubMed ID: 123", PubMed and Europe PMC addresses, a PubMed search for one.
_PMID = re.compile(r"\bPMID\s*[:=#]?\s*(\d{1,9})\b|\bPubMed\s+ID\s*[:#]?\s*(\d{1,9})\b|pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})"
                   r"|ncbi\.nlm\.nih\.gov/pubmed/(\d{1,9})|europepmc\.org/(?:article|abstract)/MED/(\d{1,9})|pubmed/?\?term=(\d{6,9})\b", re.I)
_PMCID = re.compile(r"\b(PMC\d{4,9})\b")
_URL = re.compile(r"<?(https?://[^\s<>\"]+?)>?(?=[\s,;]|\.?$|\.\s)")
# (a stop may slip inside the bracket: "(2021.)")
_APA = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?\.?(?:,[^)]*)?\)\.?\s*(?P<rest>.*)$")
# (the year may sit in brackets after the journal: "Arthritis Care & Research (2021).")
_VANC_YEAR = re.compile(r"(?P<journal>[^.]{2,120}?)\.?\s+\(?(?P<year>(?:19|20)\d{2})\)?(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*[;:.,]")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# Nature style ends "Journal 132, 173–181 (2000)."; the volume, pages and year follow the journal.
_NATURE_TAIL = re.compile(r"^(?P<journal>.+?)\s+\d+[A-Za-z]?(?:\s*\(\w+\))?,\s*[\w\u2013\-]+\s*\((?P<year>(?:19|20)\d{2})\)\.?$")
_JOURNAL_DATE = re.compile(r"^(?P<journal>[A-Z][^.;:]{2,80}?)\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?"
                           r"(?:\d{1,2},?\s+)?(?P<year>(?:19|20)\d{2})\.?$")
# An initial ("G. D.", "R. J.") must not end the authors: hide its full stop while the entry is cut at ". ".
_INITIAL_DOT = re.compile(r"(?<![A-Za-z])([A-Z])\.(?=\s*(?:[A-Z][.\-]|&|and\b|et al|,|$|\s[A-Z][a-z]+,))")
_HIDDEN = "\u2024"
# Authors who are people: "Lee A", "Lee AB", "Lee, A.", "Lee, A. B.", "van der Esch M".
_PERSON_AUTHOR = re.compile(r"^(?:[a-z]+ )*[A-Z][\w'\u2019\-]+(?: [A-Z][\w'\u2019\-]+)?(?:,?\s+[A-Z]{1,3}\b|,\s+(?:[A-Z]\.\s*-?)+)")
_JOURNAL_SIGNATURE = re.compile(r"\b(?:19|20)\d{2}\s*;\s*\(?\d|\d+\s*\(\w+\)\s*[:,]\s*\w|\b\d+,\s*\d+[\u2013\-]\d+")
_PARTICLE = r"(?:van|von|de|der|den|du|da|di|dos|das|del|della|le|la|ten|ter)"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"   # capitals with accents too ("Öberg B", "Ørsted A")
_NON_WEB_HOSTS = re.compile(r"doi\.org|pubmed|ncbi\.nlm\.nih\.gov|europepmc", re.I)


# An entry that starts with a journal's name (a news story's "Source: The Example Journal of Medicine, May 2023").
_JOURNAL_LEAD = re.compile(r"^((?:[Tt]he\s+)?(?:[A-Z][\w&\-]*\s+(?:(?:of|for|and|&|in)\s+)?(?:the\s+)?){0,6}?"
                           r"(?:Journal|Lancet|BMJ|JAMA|NEJM|Annals|Archives|Cochrane Database)\b(?:\s+(?:(?:of|for|and|&|in)\s+)?"
                           r"(?:the\s+)?[A-Z][\w&\-]*){0,6})(?=[,.;]|\s+(?:published|online|\d)|\s*$)")


@dataclass
class Reference:
    text: str
    kind: str = "list"              # list | inline | link | web | self (the page's own citation: own_citation.py)
    number: str | None = None       # "3" for a numbered list entry
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    year_suffix: str | None = None  # "b" of "Lee, A. (2019b)": one of the first author's works of that year
    title: str | None = None
    journal: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None

    def key(self) -> str | None:
        """Author–year key ("Lee 2021", "Lee 2021b" with the year's letter) that inline citations use."""
        if self.authors and self.year:
            return cite_key(self.authors[0], self.year, self.year_suffix)
        return None

    def keys(self) -> list[str]:
        """Every key a citation in the text may use: author–year (with the year's letter, and without it: a page
        may drop the letters in its text), and journal–year."""
        out = [k for k in (self.key(),) if k]
        if self.year_suffix and self.authors and self.year:
            out.append(cite_key(self.authors[0], self.year))
        if self.journal and self.year:
            out.append(journal_key(self.journal, self.year))
        if self.authors and self.year:
            # an organisation cited by its initials: "(AIHW, 2019)" for "Australian Institute of Health and
            # Welfare", "(WHO, 2022)" for "World Health Organization (WHO)"
            words = re.findall(r"[A-Za-z][\w'\-]*", self.authors[0])
            if len(words) >= 3 and not re.search(r"\s[A-Z]{1,3}$", self.authors[0]):
                out.append(f"{''.join(w[0] for w in words if w[0].isupper())} {self.year}")
            out += [f"{a} {self.year}" for a in re.findall(r"\(([A-Z]{2,8})\)", self.text[:200])]
        return out

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


# Dashes a word processor puts for the hyphens of a DOI ("s12891‐019‐2345‐6" with U+2010).
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2212\u00ad"})


def clean_doi(doi: str) -> str:
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.I)
    doi = doi.translate(_DASHES).replace("\u00ad", "")
    # a DOI read out of a publisher's address keeps no page suffix, query or fragment ("10.1002/x.pub2/full", "?af=R")
    doi = re.sub(r"(?:/(?:full|abstract|abs|pdf|epdf|fulltext|full-text|html|summary|references|figures|epub)(?:[/?#].*)?|[?#].*)$",
                 "", doi, flags=re.I)
    return doi.rstrip(".,;)>]").lower()


# "doi: 10.1136/ bjsports-2017-098661", "https://doi.org/ 10.x", "doi: 10. 1097/j.pain", "doi:10.1097 /j.pain": a space
# an editor or a line break put inside the identifier, after "doi", after "10." or around the prefix's slash; and a
# DOI broken after a hyphen at a line end ("10.1234/ej-" + "2019-0001").
_DOI_SPACED = re.compile(r"((?:\bdoi\b\s*:?|doi\.org/)\s*10\.)\s+(?=\d{4,9}\s*/)|((?:\bdoi\b\s*:?|doi\.org/)\s*10\.\d{4,9})\s+(?=/)"
                         r"|((?:\bdoi\b\s*:?|doi\.org/)\s*10\.\d{4,9}/)\s+(?=[\w(])|(\b10\.\d{4,9}/\S*[\-\u2010])\s+(?=[\w(])", re.I)


def find_doi(text: str) -> str | None:
    """The DOI in a reference entry or a link, however it is written."""
    if re.search(r"10\.\d{4,9}%2F", text, re.I):
        text = unquote(text)   # an address with its slash encoded: "doi.org/10.1136%2Fbjsports-2019-101234"
    for _ in range(3):   # "doi: 10. 1097 /j.pain": each pass closes one gap
        text = _DOI_SPACED.sub(lambda m: next(g for g in m.groups() if g is not None), text)
    d = DOI.search(text.translate(_DASHES))
    return clean_doi(d.group(0)) if d else None


def _authors(text: str) -> list[str]:
    text = re.sub(r"\bet al\.?", "", text).strip(" ,")
    if _ORG_AUTHOR.match(text.strip(" .")):
        return [text.strip(" .")]   # "National Institute for Health and Care Excellence": one author, its "and" no list
    if re.search(r"[A-Z][\w'\-]+,\s+[A-Z]\.", text):
        text = re.sub(r"(?<=\b[A-Z])$", ".", text.rstrip(" ."))   # "Deyle, G. D" keeps its last initial's stop
    if not text:
        return []
    # APA: "Lee, A., Park, B., & Kim, C."  -> pairs; Vancouver: "Lee A, Park B, Kim C"
    # (not "Lee, AB, Park, C, Kim, D." — initials without stops after each comma, only the last one stopped)
    if re.search(r"[A-Z][A-Za-z'\-]+,\s+(?:[A-Z]\.\s*)+(?:,|&|$)", text) and not re.search(r"[A-Z][\w'\u2019\-]+,\s+[A-Z]{1,3},\s", text):
        parts = re.findall(rf"((?:{_PARTICLE}\s+)*[{_UPPER}][\w'\u2019\-]+(?:\s[{_UPPER}][\w'\-]+)?),\s+((?:[A-Z]\.\s*-?)+)", text)
        return [f"{last} {''.join(i.split()).replace('.', '')}" for last, i in parts]
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", text.rstrip("."))
    # a surname may open with its particle in lower case ("da Fonseca JL", "van Cingel REH")
    names = [p.strip() for p in parts if p.strip() and re.match(rf"(?:{_PARTICLE}\s+)*[{_UPPER}]", p.strip())][:50]
    # "Chou, R, Lee, K": initials written after a comma without stops belong to the surname before them
    out: list[str] = []
    for n in names:
        if out and re.fullmatch(r"[A-Z]{1,3}", n) and " " not in out[-1]:
            out[-1] = f"{out[-1]} {n}"
        else:
            out.append(n)
    return out


# A wiki reference list's back-links before the entry: "↑ Jump up to:1.0 1.1 1.2", "^ a b c".
_BACKLINKS = re.compile(r"^(?:\u2191|\^)\s*(?:Jump up to:?\s*)?(?:(?:\d+\.\d+|[a-z])(?:\s+|$))*")
_GLUED_YEAR = re.compile(r"([A-Za-z]\.)((?:19|20)\d{2}\s*;)")
# Volume and pages after a journal's name: "51:87-94", "21(5):1158-67", "344:e787", "43;409-416", "50, 1187".
# (or "Journal Name 63(6), 586-596." at the piece's end, as Harvard house styles write it with no comma after the name)
_VOLUME = re.compile(r"(?:^|\s|,\s*)\d+[A-Z]?\s*(?:\(\w+\))?\s*[:;]\s*[\w\-\u2013]+|,\s*\d+\s*(?:\(\w+\))?\s*,\s*\d"
                     r"|\s\d+[A-Z]?\s*(?:\(\w+\))?,\s*[A-Za-z]?\d+(?:\s*[\-\u2013]\s*[A-Za-z]?\d+)?\.?$")
# A person's name in a Vancouver author list: "Cook JL", "van Cingel REH", "Boris Choy ST".
_VANC_NAME = rf"(?:{_PARTICLE}\s+)*[{_UPPER}][\w'\u2019\-]+(?:\s[{_UPPER}][\w'\u2019\-]+)?\s[A-Z]{{1,3}}"
_VANC_AUTHOR_PIECE = re.compile(rf"^{_VANC_NAME}(?:\s+(?:and|&)\s+{_VANC_NAME})*(?:,?\s+et al\.?)?$")
_SHORT_LINK = re.compile(r"\b(?:bit\.ly|goo\.gl|tinyurl\.com|reut\.rs|ow\.ly|t\.co|j\.mp)/\S+")
_PUBLISHER = re.compile(r"^[A-Z][a-z]+(?:,? [A-Z][A-Za-z]+)?:\s*(?!.*\bJournal\b)[^:;]{1,60};?$")
_YEAR_AT_END = re.compile(r",\s*((?:19|20)\d{2})\.?\s*$")
_CHICAGO = re.compile(r"^(?P<authors>[^\u201c\"]+?)\.\s+[\u201c\"](?P<title>[^\u201d\"]+?)[.,]?[\u201d\"]\s*(?P<rest>.*)$")
# ... and MLA with the title in single quotes, its full stop inside them as MLA puts it ("McClure, Charles J. 'Shin
# Pain.', Example Library, 10 Aug. 2020, www.example.org/shin."): the stop before the quote tells it from an apostrophe
_MLA_SINGLE = re.compile(r"^(?P<authors>[^\u201c\"\u2018]+?)\.\s+[\u2018'](?P<title>.+?[.,?!])[\u2019'](?=[,\s])\s*(?P<rest>.*)$")
# A web address written without its scheme, as MLA 9 writes it, closing the entry ("www.example.org/page",
# "orthoinfo.example.org/en/shin-splints", "pubmed.ncbi.nlm.nih.gov/2782094/")
_BARE_ADDRESS = re.compile(r"(?:^|[\s,])((?:www\.|[a-z0-9\-]+\.)(?:[a-z0-9\-]+\.)*[a-z]{2,}/\S*?)\.?\s*$")
_RELEASE = re.compile(r"^(?:[Tt]he\s+)?(?P<org>[A-Z][\w&'\u2019\-]*(?:\s+(?:of|for|and|on|the|in|&|[A-Z][\w&'\u2019\-]*)){0,10}?),?\s+"
                      r"(?:[Pp]ress|[Nn]ews|[Mm]edia)\s+[Rr]elease\b(?:[,.]?\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+)?(?:19|20)\d{2})?\.?$")
# (the year closed by a full stop, or bare before the title as Taylor & Francis' physiotherapy journals print it:
# "Smith J, Lee K 2019 Title. Journal 12: 45-67.")
_HARVARD_YEAR = re.compile(rf"^(?P<authors>(?:{_PARTICLE}\s+)*" r"[A-Z][^()]*?(?:[A-Z]|et al)\.?),?\s+(?P<year>(?:19|20)\d{2})[a-z]?(?:\.\s+|\s+(?=[A-Z\[\u201c\"']))"
                           r"(?P<rest>\S.*)$")


_APA_CHAPTER = re.compile(r"^(?P<title>.+?[.?!])\s+In\s+(?:[A-Z]\.\s?)+[^()]{0,200}?\((?:Eds?|eds?)\.\)")


def _join_abbreviated_journal(parts: list[str]) -> list[str]:
    """A journal abbreviated with full stops ("Arch. Dis. Child. 73, 100-5", "Br. J. Sports Med. 53") was cut into
    one-word pieces by the split at full stops: a lone abbreviated word after the title opens the journal's name,
    and the pieces after it up to the volume belong to it (a title piece has more than one word)."""
    parts = list(parts)
    for k in range(len(parts) - 2, 0, -1):
        if re.fullmatch(r"[A-Z][a-z]{0,7}\.", parts[k]) and re.match(r"[A-Z0-9]", parts[k + 1]):
            parts[k] = f"{parts[k]} {parts.pop(k + 1)}"
    return parts


def _title_and_journal(parts: list[str]) -> tuple[str | None, str | None]:
    """Title and journal of the pieces after the authors and year ("Title. Journal, 12(3), 45-67" or
    "Title? Subtitle. Journal Abbrev. 21(5):1158-67"): the journal is the piece that carries the volume
    and pages (its text before them), or the piece right before a piece that is only volume and pages;
    the title is everything before the journal."""
    if not parts:
        return None, None
    parts = _join_abbreviated_journal(parts)
    for i in range(len(parts) - 1, 0, -1):
        v = _VOLUME.search(parts[i])
        if not v:
            continue
        head = parts[i][: v.start()].strip(" .,")
        if head and re.search(r"[A-Za-z]{2}", head):
            return " ".join(parts[:i]).rstrip("."), head
        if i >= 2:
            return " ".join(parts[: i - 1]).rstrip("."), parts[i - 1].strip(" .,") or None
    journal = re.split(r",\s*\d", parts[1])[0].strip(" .,") if len(parts) > 1 else None
    return parts[0].rstrip("."), journal or None


def _chicago_authors(text: str) -> list[str]:
    """Chicago names: the first inverted ("Altan, Lale"), the others in natural order ("Nimet Korkmaz")."""
    text = re.sub(r",?\s*\bet al\b\.?", "", text)
    if re.match(rf"^{_VANC_NAME}(?:,|$)", text.strip()):
        return _authors(text)   # a news source's "Smith J, et al. “Title,” Journal": Vancouver names
    pieces = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text.strip(" .")) if p.strip()]
    if len(pieces) < 2:
        return pieces
    first = f"{pieces[0]} {''.join(w[0] for w in pieces[1].split())}"
    others = []
    for p in pieces[2:]:
        words = p.split()
        others.append(f"{words[-1]} {''.join(w[0] for w in words[:-1])}".strip() if len(words) > 1 else p)
    return [first] + others


def _chicago(ref: Reference, body: str) -> str | None:
    """Chicago: 'Altan, Lale, and Berna Gunay. “Title.” Journal 90, no. 12 (2009): 1983–88.'"""
    m = _CHICAGO.match(body) or _MLA_SINGLE.match(body)
    if not m or not ("," in m.group("authors") or re.search(r"\bet al\.?$", m.group("authors"))):
        return None
    rest = m.group("rest")
    # Chicago author-date puts the year after the names: "Marsh, Ellen, and Karl Lee. 2017. “Title.” Journal 14 (3): 201–9."
    dated = re.search(r"\.\s+((?:19|20)\d{2})[a-z]?$", m.group("authors"))
    y = dated or re.search(r"\(((?:19|20)\d{2})\)|\b((?:19|20)\d{2})\b", rest)
    if not y:
        return None
    names = m.group("authors")[: dated.start()] if dated else m.group("authors")
    ref.authors = _chicago_authors(names)
    ref.title = m.group("title").strip().rstrip(".,")
    ref.year = int(next(g for g in y.groups() if g))
    journal = re.split(r"\s+\d|,\s*(?:no\.|vol\.|[A-Z][a-z]+ \d)|\s*\(", rest)[0].strip(" .,")
    ref.journal = journal or None
    return names


# Names written given name first, as Chicago notes and science-news sites write them ("Anna B. Lind and Claire Moreau,
# "Title," Journal 12, no. 3 (2019): 101-10." / "More information: Anna B. Lind et al, Title, Journal (2019).")
# (a middle initial with or without its stop: science-news sites write "Natasha C Pocovi et al")
_GIVEN_NAME = (rf"[{_UPPER}][a-z\u00e0-\u00ff]+(?:-[{_UPPER}][a-z\u00e0-\u00ff]+)?(?:\s+[A-Z]\.?)*\s+(?:{_PARTICLE}\s+)*"
               rf"[{_UPPER}][a-z\u00e0-\u00ff][\w'\u2019\-]*")
_GIVEN_FIRST = re.compile(rf"^(?P<authors>{_GIVEN_NAME}(?:(?:,\s+|,?\s+and\s+){_GIVEN_NAME})*(?:,?\s+et al\.?)?),\s+"
                          rf"(?P<rest>.+?\((?:[^()]*?\s)?(?P<year>(?:19|20)\d{{2}})\).*)$")


def _given_first(ref: Reference, body: str) -> str | None:
    """Authors given name first, then the title (in quotes or up to the journal's comma), the journal, the year in
    brackets: Chicago notes and the science-news 'More information' line."""
    m = _GIVEN_FIRST.match(body)
    if not m:
        return None
    rest = m.group("rest")
    quoted = re.match(r"^[\u201c\"](?P<title>.+?)[,.]?[\u201d\"],?\s*(?P<journal>[^\d(]+?)\s*(?:\d|\()", rest)
    if quoted:
        ref.title, ref.journal = quoted.group("title").strip(), quoted.group("journal").strip(" .,") or None
    else:
        head = rest[: rest.index("(")].strip(" .,")
        title, _, journal = head.rpartition(", ")
        if not title:
            return None
        ref.title, ref.journal = title.strip(), journal.strip() or None
    names = re.sub(r",?\s+et al\.?$", "", m.group("authors"))
    ref.authors = []
    for name in re.split(r",\s+(?:and\s+)?|,?\s+and\s+", names):
        words = name.split()
        given = [w for w in words[:-1] if not re.fullmatch(_PARTICLE, w)]
        surname = " ".join(words[len(given):])
        ref.authors.append(f"{surname} {''.join(w[0] for w in given)}")
    ref.year = int(m.group("year"))
    return m.group("authors")


def _harvard_year_after_authors(ref: Reference, body: str) -> str | None:
    """Harvard with the year after the authors and no brackets: 'Cook, J. L., & Purdam, C. R., 2009. Title.
    Journal, 43(6), 409-416.'"""
    m = _HARVARD_YEAR.match(body)
    names = re.sub(r",?\s*\bet al\b\.?", "", m.group("authors")).strip(" ,") if m else ""
    # the authors in APA form ("Cook, J. L., & Purdam, C. R.") or Vancouver form, the name-year style ("Smith J,
    # Lee K. 2019. Title. Journal 12:45-67.")
    if not m or not (re.search(r"[A-Z][\w'\-]+,\s+[A-Z]\.", names) or re.fullmatch(rf"{_VANC_NAME}(?:,\s+{_VANC_NAME})*\.?", names)):
        return None
    if not re.match(r"[a-z]?\.", body[m.end("year"):]) and re.search(r"[.;]\s*(?:19|20)\d{2}\b", m.group("rest")):
        # "Kolasinski SL, ..., et al. 2019 American College of Rheumatology ... Guideline ... Arthritis Care Res. 2020
        # Feb;72(2)": a title that opens with a year, the entry's own year after its journal (Vancouver)
        return None
    ref.authors = _authors(m.group("authors"))
    ref.year = int(m.group("year"))
    rest = m.group("rest")
    quoted = re.match(r"^['\u2018\u201c\"](?P<title>.+?)[.,]?['\u2019\u201d\"],?\s*(?P<journal>[^,]+)", rest)
    if quoted:
        # Harvard (Cite Them Right): "Smith, J. et al. 2019. 'Title', Journal, 12(3), pp. 45-67."
        ref.title, ref.journal = quoted.group("title"), quoted.group("journal").strip(" .")
        return m.group("authors")
    parts = [x.strip() for x in re.split(r"(?<=[.?!])\s+", rest) if x.strip()]
    ref.title, ref.journal = _title_and_journal(parts)
    return m.group("authors")


# an IEEE name: initials (hyphenated too: "H.-B."), then the family name, which may have a particle or two words
# ("C. de Picciotto", "B. Abedi Kiasari")
_IEEE_NAME = rf"(?:-?[A-Z]\.\s?){{1,4}}\s?(?:{_PARTICLE}\s+)*[{_UPPER}][\w'\u2019\-]+(?:\s[{_UPPER}][\w'\u2019\-]+)?"
_IEEE = re.compile(rf"^(?P<authors>{_IEEE_NAME}(?:(?:,\s*(?:and\s+)?|\s+and\s+){_IEEE_NAME})*(?:,?\s+et al\.)?),\s*"
                   r"[\u201c\"](?P<title>[^\u201d\"]+?),?[\u201d\"],?\s*(?:in\s+)?(?P<journal>[^,]+),(?P<rest>.*)$")


def _ieee_name(name: str) -> str:
    """"B. Abedi Kiasari" -> "Abedi Kiasari B", "H.-B. Ris" -> "Ris HB": the family name follows the last initial."""
    m = re.match(r"^((?:-?[A-Z]\.\s?)+)\s*(.+)$", name.strip())
    if not m:
        return name.strip()
    return f"{m.group(2).strip()} {''.join(re.findall(r'[A-Z]', m.group(1)))}"


def _ieee(ref: Reference, body: str) -> str | None:
    """IEEE: 'A. Holm and C. Berg, “Title,” Example J., vol. 12, no. 3, pp. 45–67, 2019.' — initials first."""
    m = _IEEE.match(body)
    y = _YEAR.search(m.group("rest")) if m else None
    if not m or not y:
        return None
    names = re.split(r",\s*(?:and\s+)?|\s+and\s+", re.sub(r",?\s+et al\.$", "", m.group("authors")))
    ref.authors = [_ieee_name(n) for n in names if n.strip()]
    ref.title, ref.journal, ref.year = m.group("title").strip(), m.group("journal").strip(" ."), int(y.group(1))
    return m.group("authors")


# Chicago author-date without quotes: "Smith, John, and Ann Lee. 2019. Title. Journal 12 (3): 45–67."
def _title_first_names(ref: Reference, body: str) -> str | None:
    """A loose citation: the title, then given-name-first authors, then where and when (reference_lines.py)."""
    found = title_then_names(body)
    if not found:
        return None
    ref.authors, ref.title, ref.journal, ref.year = found
    return ref.authors[0]


def _elsevier(ref: Reference, body: str) -> str | None:
    """Elsevier's numbered style: "A.B. Lee, C. Park, Title, J. Ex. Med. 12 (2021) 45-67." (reference_lines.py)."""
    found = elsevier_entry(body)
    if not found:
        return None
    ref.authors, ref.title, ref.journal, ref.year = found
    return body.split(",")[0]


_AUTHOR_DATE = re.compile(r"^(?P<authors>[A-Z][\w'\u2019\-]+,\s+[A-Z][a-z]+(?:\s[A-Z]\.)?(?:,?\s+(?:and\s+)?[A-Z][a-z]+(?:\s[A-Z]\.)?"
                          r"\s[A-Z][\w'\u2019\-]+)*)\.\s+(?P<year>(?:19|20)\d{2})[a-z]?\.\s+(?P<rest>\S.+)$")


def _author_date(ref: Reference, body: str) -> str | None:
    m = _AUTHOR_DATE.match(body)
    if not m:
        return None
    ref.authors = _chicago_authors(m.group("authors")) if "," in m.group("authors") else [m.group("authors")]
    ref.year = int(m.group("year"))
    parts = [x.strip() for x in re.split(r"(?<=[.?!])\s+", m.group("rest")) if x.strip()]
    ref.title, ref.journal = _title_and_journal(parts)
    return m.group("authors")


# MLA's journal tail: "Pain Medicine 12.7 (2011): 996-1004." (volume.issue, the year in brackets, then the pages)
_MLA_TAIL = re.compile(r"(?:^|\.\s+)(?P<journal>[A-Z][^.()]{1,80}?)\s+\d+(?:\.\d+)?\s*\((?P<year>(?:19|20)\d{2})\)\s*:\s*[\w\-\u2013]+\.?\s*$")
_DEGREES = re.compile(r",?\s*\b(?:M\.?D|Ph\.?D|D\.?P\.?T|D\.?C|M\.?P\.?H|R\.?N|M\.?Sc|B\.?Sc|PT|DO)\b\.?(?=,|\.|\s|$)")


def _mla_journal(ref: Reference, body: str) -> str | None:
    """'Fine, P.G., MD. Title. Pain Medicine 12.7 (2011): 996-1004.' — degrees after the names are dropped."""
    m = _MLA_TAIL.search(body)
    if not m:
        return None
    head = _DEGREES.sub("", body[: m.start()]).strip(" .,")
    hidden = _INITIAL_DOT.sub(rf"\1{_HIDDEN}", head)
    pieces = [x.strip().replace(_HIDDEN, ".") for x in re.split(r"(?<=[.?!])\s+(?=[A-Z0-9\"'\u201c])", hidden) if x.strip()]
    if len(pieces) < 2:
        return None
    ref.authors = _authors(pieces[0])
    ref.title = " ".join(pieces[1:]).rstrip(".")
    ref.journal, ref.year = m.group("journal").strip(), int(m.group("year"))
    return pieces[0]


# A citation that is only the journal and its numbers: "Spine J 2004 (Sep); 4 (5): 574–583 ~ FULL TEXT",
# "Am J Public Health 2002 (Oct); 92 (10): 1634–1641".
# (the month may come before the year and the volume carry its label: "JMPT. September 2005; Vol. 28, No. 7")
_JOURNAL_ONLY = re.compile(r"^(?P<journal>[A-Z][A-Za-z&\-]*(?:\s+[A-Za-z&\-]+){0,8}?)\.?\s+"
                           r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?(?P<year>(?:19|20)\d{2})\b"
                           r"(?:\s*\([A-Z][a-z]{2}[^)]{0,10}\)|\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*[;:,]\s*\(?(?:Vol(?:ume)?\.?\s*)?\d")


# A news story's "Journal reference: Arthritis & Rheumatology (2019)." or "Reference: Osteoarthritis and Cartilage, May
# 2019.": a journal's name and the year, nothing else; the name must be a journal's (not "Lee, 2019").
_JOURNAL_YEAR_ONLY = re.compile(r"^(?P<journal>[A-Z][\w&'\-]*\.?(?:\s+[\w&'\-]+\.?){0,9}?)\s*[,.]?\s*\(?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
                                r"Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?(?P<year>(?:19|20)\d{2})\)?\.?$")


def _journal_year_only(ref: Reference, body: str) -> str | None:
    m = _JOURNAL_YEAR_ONLY.match(body.strip())
    if not m:
        return None
    journal = m.group("journal").strip(" .,")
    if not _known_journal(journal):
        return None
    ref.journal, ref.year = journal, int(m.group("year"))
    return ""


def _known_journal(name: str) -> bool:
    """A journal's name, abbreviation or a cited name that is a journal's ("Journal of ...", "Lancet")."""
    name = name.strip(" .,")
    return bool(journal_title(name) or name.lower() in JOURNAL_NAMES or journal_abbreviation(name) or _JOURNAL_AS_AUTHOR.search(name))


# "Exercise for osteoarthritis of the knee (Cochrane Database of Systematic Reviews, 2015)": a title, then its journal and
# year in brackets; "British Journal of Sports Medicine: Exercise therapy for knee pain, 2019": the journal, then a title.
_TITLE_JOURNAL_BRACKET = re.compile(r"^(?P<title>[^()]{10,250}?)\s*\((?P<journal>[^()\"\u201c]{3,90}?),?\s+(?P<year>(?:19|20)\d{2})\)\.?$")
_JOURNAL_COLON_TITLE = re.compile(r"^(?P<journal>(?![A-Z]\.\s)[^:,\"\u201c]{3,90}?):\s+(?P<title>.{10,250}?),?\s+(?P<year>(?:19|20)\d{2})\.?$")


def _journal_with_title(ref: Reference, body: str) -> str | None:
    body = body.strip()
    for rx in (_TITLE_JOURNAL_BRACKET, _JOURNAL_COLON_TITLE):
        m = rx.match(body)
        if m and _known_journal(m.group("journal")) and not _YEAR.search(m.group("title")):
            ref.title, ref.journal, ref.year = m.group("title").strip(" .,"), m.group("journal").strip(" .,"), int(m.group("year"))
            return ""
    return None


def _journal_only(ref: Reference, body: str) -> str | None:
    m = _JOURNAL_ONLY.match(body)
    if not m:
        return None
    ref.journal, ref.year = m.group("journal").strip(" ."), int(m.group("year"))
    return ""


def _comma_fields(ref: Reference, body: str) -> str | None:
    """Fields separated by commas, the year last: 'Cook JL and Purdam CR, Title., Br J Sports Med, 43;409-416,
    2009' or 'Cook J, Rio E, Title?, Br J Sports Med, 50, 1187-1191, 2016'."""
    y = _YEAR_AT_END.search(body)
    if not y:
        return None
    pieces = [p.strip() for p in body[: y.start()].split(", ")]
    n_auth = 0
    while n_auth < len(pieces) and _VANC_AUTHOR_PIECE.match(pieces[n_auth]):
        n_auth += 1
    end = len(pieces)
    while end > n_auth and re.fullmatch(r"[\d(][\w();:.\-\u2013 ]*", pieces[end - 1]):
        end -= 1
    if n_auth == 0 or end == len(pieces) or end - n_auth < 2:
        return None
    ref.authors = _authors(", ".join(pieces[:n_auth]))
    ref.title = ", ".join(pieces[n_auth: end - 1]).rstrip(".")
    ref.journal = pieces[end - 1].strip(" .")
    ref.year = int(y.group(1))
    return ", ".join(pieces[:n_auth])


def _semicolon_fields(ref: Reference, body: str) -> str | None:
    """Fields separated by semicolons, as some practice sites print an entry: 'Adams J, Peng W, Lauche R; Title: Results
    From the 2012 Survey; Spine; December 1, 2017; Vol. 42; No. 23; pp. 1810-1816.' — the names, the title, the journal,
    then the date (the year is the date field's, not one inside the title)."""
    pieces = [p.strip() for p in body.split(";")]
    if len(pieces) < 4 or not all(_VANC_AUTHOR_PIECE.match(a.strip()) for a in pieces[0].split(",")):
        return None
    date = next((i for i, p in enumerate(pieces[3:], 3) if re.search(r"\b(?:19|20)\d{2}\b", p) and len(p.split()) <= 5), None)
    if date is None or not re.search(r"[A-Za-z]{3}", pieces[1]) or len(pieces[2].split()) > 10:
        return None
    ref.authors = _authors(pieces[0])
    ref.title = pieces[1].rstrip(".")
    ref.journal = pieces[2].strip(" .")
    ref.year = int(re.search(r"\b((?:19|20)\d{2})\b", pieces[date]).group(1))
    return pieces[0]


def _labelled_fields(ref: Reference, line: str) -> bool:
    """A reference written as labelled fields joined by FIELD_JOIN ("Title: Arthritis Rheum | Author: Hernandez-Molina
    G et al. Effect of exercise ... | URL: http://... | Arthritis Rheum 2008;59:1221-1228"): the author field may
    carry the title after the names, the "Title:" field may hold the journal's name, and an unlabelled line (or a
    journal/citation field) the journal, year, volume and pages."""
    fields: dict[str, str] = {}
    loose: list[str] = []
    for part in line.split(FIELD_JOIN):
        m = FIELD_LABEL.match(part.strip())
        if m:
            fields.setdefault(re.sub(r"s$", "", m.group(1).lower()).replace("by", "author"), m.group(2).strip())
        elif part.strip():
            loose.append(part.strip())
    if not ({"title", "author"} & fields.keys()):
        return False
    names = fields.get("author", "")
    # "Yelland M. Commentary." / "Lee A, Park B et al. Title of the paper.": names end at an initial's or "et al."'s stop
    cut = re.split(r"(?<=\b[A-Z])\.\s+(?=[A-Z0-9])|(?<=\bet al)\.\s+(?=[A-Z0-9])", names, maxsplit=1)
    ref.authors = _authors(cut[0]) if cut[0] else []
    after_names = cut[1].strip().rstrip(".") if len(cut) > 1 else ""
    for cand in [fields.get(k, "") for k in ("citation", "journal", "source", "publication")] + loose:
        jy = re.match(r"^(?P<journal>[A-Z][^;:()]{1,100}?)\.?,?\s+(?P<year>(?:19|20)\d{2})\b", cand)
        if jy:
            ref.journal, ref.year = jy.group("journal").strip(" .,"), int(jy.group("year"))
            break
    if ref.year is None:
        y = _YEAR.search(" ".join([fields.get("date", ""), fields.get("year", ""), fields.get("published", "")] + loose))
        ref.year = int(y.group(1)) if y else None
    title = fields.get("title", "")
    same = re.sub(r"[^a-z]", "", title.lower()) == re.sub(r"[^a-z]", "", (ref.journal or "").lower())
    # the "Title:" field names the journal ("Title: Evidence Based Medicine" over "Evidence-Based Medicine 2009;14:41")
    ref.title = after_names or (None if same else title.rstrip(".")) or None
    if not ref.journal and same is False and after_names and title:
        ref.journal = title.rstrip(".")
    ref.url = fields.get("url") or fields.get("link") or fields.get("web address") or ref.url
    return True


def _pubmed_order(ref: Reference, line: str) -> bool:
    """A citation copied from a PubMed abstract page: journal and date first, identifiers, then "Title. Authors."
    (authors may carry affiliation numbers: "Holm AB1, Berg CD2")."""
    m = PUBMED_CITATION.match(line)
    if not m:
        return False
    rest = re.sub(r"\b(?:pii|doi|PMID|PMCID)\s*:\s*\S+?\.(?=\s|$)|\[Epub[^\]]*\]|\bEpub\s+(?:19|20)\d{2}[^.]*\.", " ",
                  m.group("rest"), flags=re.I)
    pieces = [x.strip() for x in re.split(r"(?<=[.?!])\s+(?=[A-Z])", rest.strip()) if x.strip()]
    if not pieces:
        # the journal, the date and the identifiers alone ("J Altern Complement Med. 2013. PMID: 23273259."): a summary
        # of one abstract cites it so
        ref.journal, ref.year = m.group("journal").strip(" ."), int(m.group("year"))
        return True
    names = re.sub(rf"(?<=[A-Z])\d+(?:,\d+)*\b", "", pieces[-1]).strip(" .") if pieces else ""
    if len(pieces) < 2 or not re.fullmatch(rf"{_VANC_NAME}(?:,\s*{_VANC_NAME})*(?:,?\s+et al)?", names):
        return False
    ref.journal, ref.year = m.group("journal").strip(" ."), int(m.group("year"))
    ref.title = " ".join(pieces[:-1]).rstrip(".")
    ref.authors = _authors(names)
    return True


_RUN_IN_LABEL = re.compile(r"^(?:Sources?|References?|Journal references?|Journal|Study references?|Citation|Study|Paper|Full study|"
                           r"(?:Study|Paper|Article|Research|Journal) citations?|"
                           r"Original (?:study|article|paper|research)|Read the (?:study|paper))\s*:\s+", re.I)
_JOURNAL_TAIL = re.compile(r"(?:,\s*|\s+)(?:published online|first published|e-?published|epub ahead of print|online ahead of print)\b.*$"
                           r"|,\s*(?:published|online|accessed)\b.*$"
                           r"|,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?,?$"
                           # a medium note ("Spine [Internet]", "Engineering [Preprint]") and a volume and pages run into
                           # the name when the year comes last ("J Pain 12:45-67, 2019")
                           r"|\s*\[(?:Internet|Preprint|Online|Electronic)\]"
                           r"|\s+\d+[A-Z]?\s*(?:\(\w+\))?\s*[:;]\s*[\w\u2013\-]*,?$", re.I)


def _clean_journal(journal: str | None) -> str | None:
    """A journal's name without the publication note a news source adds ("Journal of Bone Health, published
    online March 3")."""
    if not journal:
        return journal
    # (nor the volume and pages written out: "Journal of Bodywork and Movement Therapies volume 28, pages 439-449")
    journal = re.sub(r",?\s+vol(?:ume)?\.?\s*\d+\b.*$", "", journal, flags=re.I)
    return _JOURNAL_TAIL.sub("", journal).strip(" .,;") or None


def parse_reference(line: str) -> Reference:
    """One reference-list entry: identifiers first, then the bibliographic part by the shape of the entry
    (Chicago, Harvard with the year after the authors, comma-separated fields, APA/author-date, Nature,
    Vancouver/NLM, a PubMed abstract page's citation, labelled fields), each shape a parser of its own."""
    ref = _parse_reference(line)
    if not ref.journal and not ref.url and len(ref.authors) == 1 and ref.authors[0].lower() in JOURNAL_NAMES:
        # "Osteoarthritis and Cartilage. (2020). Exercise therapy for knee osteoarthritis ...": a journal put where APA
        # puts the authors is the journal, not a body that wrote a web page (a link to the journal's own site stays a web
        # page: "[Nature](https://www.nature.com/)")
        ref.journal, ref.authors = ref.authors[0], []
        if ref.kind == "web":
            ref.kind = "list"
    ref.journal = _clean_journal(ref.journal)
    ref.year_suffix = year_suffix(ref.text, ref.year)
    return ref


def year_suffix(text: str, year: int | None) -> str | None:
    """The letter after the entry's year, where it first appears ("(2019b)", "2019a."): APA's and Harvard's mark of
    one author's works of one year. (Not a decade's "s": "in the 1990s".)"""
    if not year:
        return None
    m = re.search(rf"(?<!\d){year}([a-z]?)(?![a-z\d])", text)
    return m.group(1) if m and m.group(1) and m.group(1) != "s" else None


# A credit line under a quote, names with "et al." then the year in brackets, a comma and the journal or the quoted title.
_CREDIT_ENTRY = re.compile(r"^(?P<authors>[A-Z\u00c0-\u00de][\w'\u2019-]+(?:[ -][A-Z\u00c0-\u00de][\w'\u2019-]+)?,?\s+et\.?\s?al\.?)\s*"
                           r"\((?P<year>(?:19|20)\d{2})[a-z]?\)\s*,\s*(?P<rest>\S.{1,250})$")


def _parse_reference(line: str) -> Reference:
    number = None
    line = re.sub(r"^\s*>\s?", "", line)   # an entry in a Markdown block quote ("> Lee AB, ...")
    # "- 1. Lee, Ann. ..." / "- [1] Lee AB, ...": a bullet before the number
    line = re.sub(r"^\s*[-*\u2022+]\s+(?=(?:\d{1,3}[.)]|\[\d{1,3}\]|\(\d{1,3}\))\s)", "", line)
    m = _NUMBER.match(line)
    if m:
        number = m.group(1) or m.group(2) or m.group(3) or m.group(5) or (m.group(4) or "").translate(_SUPERSCRIPT_DIGITS)
        line = line[m.end():]
    # (a short news source comes labelled from the document: "Source: Medical Xpress")
    line = _RUN_IN_LABEL.sub("", _BACKLINKS.sub("", _BULLET.sub("", line))).strip()
    # a whole entry in brackets ("[Holm AB, Berg CD (2015) Title. Journal 3:1-9].") is the entry
    line = re.sub(r"^\[\s*(.{30,}?)\s*\]\.?$|^\(\s*(.{30,}?)\s*\)\.?$", lambda m: m.group(1) or m.group(2), line)
    # Markdown emphasis of a journal's name or volume ("*Journal of Knee Health*, *12*(3)", "_J Knee_")
    # (not inside an address: "record/187/abstract/Effect_of_exercise:_results" keeps its underscores)
    line = "".join(piece if re.match(r"https?://", piece) else re.sub(r"\*+|(?<![\w/])_+(?=\w)|(?<=\w)_+(?![\w/])", "", piece)
                   for piece in re.split(r"(https?://[^\s<>\"]+)", line))
    ref = Reference(text=line, number=number)
    # names printed in capitals ("RIVES JD, STRUG LH", "CRUISE, R.") are read as the same names in the usual case; the
    # entry's text stays as written
    line = names_in_capitals(line)
    ref.doi = find_doi(line)
    p = _PMID.search(line)
    if p:
        ref.pmid = next(g for g in p.groups() if g)
    c = _PMCID.search(line)
    if c:
        ref.pmcid = c.group(1)
    u = _URL.search(line)
    if u:
        ref.url = u.group(1).rstrip(".,;")
    bare = None if u else _BARE_ADDRESS.search(line)
    if bare:
        ref.url = bare.group(1).rstrip(".,;")
        line = line[: bare.start(1)].rstrip(" ,")   # the address is no part of the container or the date before it
    if (FIELD_JOIN in line and _labelled_fields(ref, line)) or _pubmed_order(ref, line):
        return ref
    last = TITLE_THEN_AUTHORS.search(line)
    if last and not _YEAR.search(line[: last.start("authors")]):
        # "Title: a pilot randomized trial. Figueiredo, D., Ciol, M., ... & Tucci, H.": the title first, the names last
        ref.authors = _authors(last.group("authors"))
        ref.title = line[: last.start("authors")].strip().rstrip(".") or None
        return ref
    # Bibliographic part: before the first identifier.
    # (the words that open an access note, not the same words inside a title: "Available from", "Accessed May 1",
    # "[cited 2023 Jan 5]")
    # a link the document kept from a Markdown link ("[Title](url). JAMA. 2019;...") sits inside the entry:
    # dropped, not a cut
    body = re.sub(r"\s?<https?://[^<>\s]+>", "", line)
    # (a DOI label is followed by its colon or number: "Tamura C, Doi M, Ikeda K" names an author called Doi)
    body = re.split(r"\s(?:https?://|<https?://|(?i:doi)\b(?!\s+[A-Z]{1,3}\b(?!\.\d))|PMID|PMCID|(?i:available|retrieved)(?=\s+(?:from|at|online|on|[A-Z]|\d))"
                    r"|(?i:accessed)(?=\s+(?:on\s+)?(?:\d|[A-Z][a-z]+\.?\s+\d))|\[(?i:cited)\b)", body)[0].strip()
    # "J Bone Joint Surg.2001;83B": a year glued to the journal's last full stop
    body = _GLUED_YEAR.sub(r"\1 \2", body)
    # an ellipsis standing for authors left out ("Agarwal A, . . . Ardern CL", "Fox, F., … Park, Z.") is no sentence end
    body = re.sub(r",?\s*(?:\.\s){2}\.\s*|,?\s*\u2026\s*", ", ", body)
    # a news source's short link ("SOURCE: bit.ly/2abc JAMA Internal Medicine, online March 3, 2021") and APA's
    # "(n.d.)" are neither authors nor title
    short = _SHORT_LINK.search(body)
    if short:
        ref.url = ref.url or short.group(0)
        body = (body[: short.start()] + body[short.end():]).strip()
    body = re.sub(r"\s*\(n\.\s?d\.\)\.?", ".", body)
    release = _RELEASE.match(body)
    if release and not (ref.doi or ref.pmid or ref.pmcid):
        # a news story's source line: "Example University news release, March 3, 2021", "Arthritis Research UK Press
        # Release" — the organisation's release (its "UK" is no initials)
        ref.kind, ref.authors = "web", [release.group("org").strip(" ,.")]
        y = _YEAR.search(body)
        ref.year = int(y.group(1)) if y else None
        return ref
    # "2019. Smith J, Lee K. Title. BMJ 365:l123.": the year printed before the names
    lead_year = re.match(r"^((?:19|20)\d{2})[a-z]?\.\s+(?=[A-Z])", body)
    if lead_year:
        ref.year, body = int(lead_year.group(1)), body[lead_year.end():]
        body = body if _YEAR.search(body) else f"{body.rstrip('.')} {ref.year}."
    titled = title_then_credit(body)
    if titled and not (ref.doi or ref.pmid):
        # "Title [Howe. TE, 2011]": the title first, its first author's surname and the year in brackets after it
        ref.title = titled.group("title").strip().rstrip(".")
        ref.authors = [re.split(r"[.,]|\s+(?:et\b|and\b|&)|\s+[A-Z]{1,3}\b", titled.group("authors"))[0].strip()]
        ref.year = int(titled.group("year"))
        return ref
    credit = _CREDIT_ENTRY.match(body)
    if credit:
        # a quote's credit line: "Goertz et al. (2013), Spine", "Bronfort et al. (2001), 'Efficacy of ...'"
        ref.authors, ref.year = _authors(credit.group("authors")), int(credit.group("year"))
        rest = credit.group("rest").strip().rstrip(".")
        quoted = re.match(r"^['\u2018\u201c\"](?P<title>.+?)[.,]?['\u2019\u201d\"](?:[.,]\s*(?P<journal>.+))?$", rest)
        if quoted:
            ref.title, ref.journal = quoted.group("title"), (quoted.group("journal") or "").strip(" .") or None
        else:
            ref.journal = rest
        return ref
    for shape in (_semicolon_fields, _journal_year_only, _journal_with_title, _journal_only, _chicago, _given_first, _ieee, _elsevier, _author_date, _harvard_year_after_authors, _comma_fields,
                  _mla_journal, _title_first_names):
        author_part = shape(ref, body)
        if author_part is not None:
            _web_kind(ref, author_part)
            return ref
    apa = _APA.match(body)
    if apa and len(apa.group("rest")) > 10:   # Nature puts "(2000)." at the very end
        ref.authors = _authors(apa.group("authors"))
        ref.year = int(apa.group("year"))
        rest = apa.group("rest")
        chapter = _APA_CHAPTER.match(rest)
        if chapter:
            # APA's chapter: "Title. In E. Lind & D. Kim (Eds.), Book title (pp. 1-9). Publisher." — in a book, no journal
            ref.title = chapter.group("title").strip().rstrip(".")
            _web_kind(ref, apa.group("authors"))
            return ref
        quoted = re.match(r"^['\u2018\u201c\"](?P<title>.+?)[.,]?['\u2019\u201d\"],?\s*(?P<journal>[^,.]+)", rest)
        if quoted:
            # Harvard (Cite Them Right): "Holm, A. and Berg, C. (2019) 'Title', Journal, 3(1), pp. 1-9."
            ref.title, ref.journal = quoted.group("title"), quoted.group("journal").strip()
            _web_kind(ref, apa.group("authors"))
            return ref
        parts = [x.strip() for x in re.split(r"(?<=[.?!])\s+", rest) if x.strip()]
        ref.title, ref.journal = _title_and_journal(parts)
        _web_kind(ref, apa.group("authors"))
        return ref
    # AMA/NLM names closed by "et al.," before the title ("Coombes BK et al., Effect of ..."): the comma ends the authors
    body = re.sub(rf"^({_VANC_NAME}(?:,\s*{_VANC_NAME})*,?\s+et al)\.?,\s+(?=[A-Z])", r"\1. ", body)
    # The Journal of Pain's names closed by a colon ("Holm A, Berg C: Title. J Pain 9:10-19, 2008"): the colon ends them
    body = re.sub(rf"^({_VANC_NAME}(?:,\s*{_VANC_NAME})*(?:,?\s+et al\.?)?):\.?\s+(?=[A-Z\[])", r"\1. ", body)
    hidden = _INITIAL_DOT.sub(rf"\1{_HIDDEN}", body)   # "et al." does end the authors
    parts = [x.strip().replace(_HIDDEN, ".") for x in re.split(r"(?<=[.?!])\s+(?=[A-Z0-9\[(\"'\u201c])", hidden) if x.strip()]
    # a bracketed note ("[Turkish].", "[abstract].", "[Internet].") belongs to the title before it
    # (but a whole title in brackets right after the names, NLM's translated title "Weber J. [EBV diseases].", is the title)
    for k in range(len(parts) - 1, 0, -1):
        if k == 1 and _PERSON_AUTHOR.match(parts[0]) and len(parts) >= 3:
            break
        if re.fullmatch(r"\[[^\]]{1,40}\]\.?", parts[k]):
            parts[k - 1] = f"{parts[k - 1].rstrip('.')} {parts.pop(k)}"
    if len(parts) >= 3 and re.fullmatch(r"\d+[A-Za-z]?(?:\s*\(\w+\))?,\s*[\w\u2013\-]+\s*\((?:19|20)\d{2}\)\.?", parts[-1]):
        parts[-2:] = [f"{parts[-2]} {parts[-1]}"]   # "Med." + "25, 100-109 (2019).": the volume goes with the journal
    # a journal abbreviated with full stops ("Nat. Med. 25, 100-109 (2019)", "Br. J. Sports Med. 53"): a lone
    # abbreviated word after the title opens the journal's name, not a piece of its own
    for k in range(len(parts) - 2, 1, -1):
        if re.fullmatch(r"[A-Z][a-z]{0,7}\.", parts[k]) and re.match(r"[A-Z]", parts[k + 1]):
            parts[k] = f"{parts[k]} {parts.pop(k + 1)}"
    # AMA's online-first date ("JAMA Netw Open. Published online March 3, 2021.") is the entry's year, after the journal
    for k in range(2, len(parts)):
        online = re.match(r"(?:Published online|Epub(?: ahead of print)?|Online ahead of print|First published)\b[^.]*?\b((?:19|20)\d{2})\b",
                          parts[k], re.I)
        if online:
            parts[k] = f"{online.group(1)}."
    nature = _NATURE_TAIL.match(parts[-1]) if len(parts) >= 2 else None
    dated = _JOURNAL_DATE.match(parts[-1]) if len(parts) >= 2 and not nature else None
    if dated and re.match(r"(?:Vol(?:ume)?|Issue|No|Number)\b", dated.group("journal"), re.I):
        # "Example Journal of Knee Research. Volume 12, Issue of May 2021.": the journal, then its volume and date
        ref.journal = parts[-2].rstrip(".")
        ref.year = int(dated.group("year"))
        ref.title = parts[-3].rstrip(".") if len(parts) >= 3 else None
        if len(parts) >= 4:
            ref.authors = _authors(", ".join(x.rstrip(".") for x in parts[:-3]))
    elif dated:
        # "Title. Spine Journal February 2008": no authors, the journal and its date last
        ref.title = parts[-2].rstrip(".")
        ref.journal = dated.group("journal").strip(" .,")
        ref.year = int(dated.group("year"))
        if len(parts) >= 3:
            ref.authors = _authors(", ".join(x.rstrip(".") for x in parts[:-2]))
    elif nature:
        ref.authors = _authors(parts[0]) if len(parts) >= 3 else []
        ref.title = (parts[1] if len(parts) >= 3 else parts[0]).rstrip(".")
        ref.journal = nature.group("journal").strip(" .,")
        ref.year = int(nature.group("year"))
    elif len(parts) >= 3:
        # Vancouver: "... Title. Journal. 2012;344:e497" — the journal is the piece right before the one that
        # starts with the year, the title the piece before it, the authors everything earlier (some pages
        # write them in several pieces: "Pinto, Rafael Zambelli. Chris G Maher, ...").
        j = next((i for i in range(2, len(parts)) if re.match(r"(?:19|20)\d{2}\b", parts[i])), None)
        if j == 2 and not _PERSON_AUTHOR.match(parts[0]) and re.match(r"(?:19|20)\d{2}[^;:]{0,12}[;:]\s*\(?\d", parts[2]):
            # no authors: "Title. Journal. 2019;321:456-67."
            ref.title, ref.journal, ref.year = parts[0].rstrip("."), parts[1].rstrip(".").strip() or None, int(parts[2][:4])
        elif j is not None and j >= 3:
            ref.authors = _authors(", ".join(x.rstrip(".") for x in parts[: j - 2]))
            ref.title = parts[j - 2].rstrip(".")
            ref.journal = parts[j - 1].rstrip(".").strip() or None
            ref.year = int(parts[j][:4])
        else:
            ref.authors = _authors(parts[0])
            ref.title = parts[1].rstrip(".")
            vy = _VANC_YEAR.match(". ".join(x.rstrip(".") for x in parts[2:]) + ". ")
            # the journal written out in full and run into its year: "... A systematic review. British Journal of Sports
            # Medicine 2020;54:665." / "Physiotherapy 2021 (in press)." — the last piece that opens with a journal and a year
            tail = next((k for k in range(len(parts) - 1, 1, -1)
                         if _VANC_YEAR.match(parts[k].rstrip(".") + ". ") and not re.match(r"(?:19|20)\d{2}", parts[k])), None)
            if not vy and tail is not None:
                vy = _VANC_YEAR.match(parts[tail].rstrip(".") + ". ")
                ref.title = " ".join(parts[1:tail]).rstrip(".")
            if vy:
                # "London: NICE; 2022" names a publisher and its place, not a journal
                ref.journal = None if _PUBLISHER.match(vy.group("journal").strip()) else vy.group("journal").strip()
                ref.year = int(vy.group("year"))
    if not ref.authors and not ref.journal and not ref.year:
        # an entry the page cut short ("2. Lee AB, Park C, Kim D. Surgical manag", "(5) Lee AB, Park C, Kim"): its
        # Vancouver names are still who wrote it
        pieces = [x.strip() for x in (parts[0] if parts else body).rstrip(".").split(",")]
        names = list(itertools.takewhile(lambda x: re.fullmatch(_VANC_NAME, x), pieces))
        if len(names) >= 2:
            ref.authors = names
    lead = _JOURNAL_LEAD.match(body)
    if lead and not ref.journal and not _PERSON_AUTHOR.match(body):
        # "Example Journal of Bone Research, published online March 3, 2022": a news story's source is the journal
        ref.journal, ref.authors, ref.title = lead.group(1).strip(" .,"), [], None
    if ref.year is None:
        # (not the date a page was read: "Accessed May 1, 2022", "Retrieved July 9, 2021", "[cited 2023 Jan 5]")
        y = _YEAR.search(body) or _YEAR.search(re.sub(r"(?i)\b(?:accessed|retrieved|cited|viewed)\b[^.;\]]*", " ", line))
        ref.year = int(y.group(1)) if y else None
        if not ref.title and len(parts) >= 2:
            ref.title = parts[1].rstrip(".")
    news = _NAME_JOURNAL_DATE.match(body.strip()) or _NAME_JOURNAL_DATE.match(line.strip())
    if news and not ref.authors:
        # a news story's source: "McAlindon TE, JAMA, May 16, 2017" — the first author, the journal, the date
        ref.authors, ref.journal, ref.year, ref.title = _authors(news.group("who")), news.group("journal"), int(news.group("year")), None
        return ref
    short = _NAME_YEAR_ONLY.match(body.strip())
    if short:
        # an entry that is only a name and a year ("Wells et al., 2014", "Owen PJ et al. 2020"): who wrote it, a paper
        ref.authors, ref.year, ref.title = _authors(short.group("who")), int(short.group("year")), None
        return ref
    _web_kind(ref, parts[0] if parts else body)
    return ref


_NAME_JOURNAL_DATE = re.compile(r"^(?P<who>[A-Z][\w'\u2019\-]+ [A-Z]{1,3}(?:,? et al\.?)?),\s+(?P<journal>[A-Z][^,;]{1,80}?),\s+"
                                r"(?:(?:published\s+)?online\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?"
                                r"(?P<year>(?:19|20)\d{2})\.?$", re.I)
_NAME_YEAR_ONLY = re.compile(r"^(?P<who>[A-Z][\w'\u2019\-]+(?:\s+[A-Z]{1,3})?(?:,?\s+(?:et al\.?|(?:and|&)\s+[A-Z][\w'\u2019\-]+)))"
                             r"\s*,?\s*\(?(?P<year>(?:19|20)\d{2})[a-z]?\)?\.?$")


# An organisation as an entry's author: capitalised words with an organisation's word among them, or initials.
_ORG_AUTHOR = re.compile(r"^(?:The\s+)?(?=[^.]*\b(?:Institute|Organi[sz]ation|Society|Association|Foundation|Academy|College|Council|"
                         r"Agency|Department|Centre|Center|Centers|Service|Trust|Federation|Excellence|Collaboration|Alliance|"
                         r"Network|Commission|Ministry|Board|Authority|Administration|Office)\b)"
                         r"[A-Z][\w&'\-]*(?:\s+(?:of|for|and|on|the|in|&|[A-Z][\w&'\-]*)){1,10}(?:\s\([A-Z]{2,8}\))?$|^[A-Z]{2,8}$")


# A piece of a web page's date taken for a journal ("Mayo Clinic. Back pain. Aug. 4, 2018. https://...": "Aug" or "4").
_DATE_PIECE = re.compile(r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*\d{0,2}|\d{1,2})", re.I)


def _web_kind(ref: Reference, author_part: str) -> None:
    """An organisation's page (a fact sheet, a guideline, a news release) is a reference of kind "web":
    no DOI or PMID, no journal (named or as volume and pages), and an author that is not a list of people."""
    if ref.journal and _DATE_PIECE.fullmatch(ref.journal.strip(" .,")):
        ref.journal = None   # AMA's dated web entry: the month or day before the year is no journal
    if ref.journal and _ORG_AUTHOR.match(author_part.strip(" .")) and not (ref.doi or ref.pmid or ref.pmcid) \
            and not _JOURNAL_SIGNATURE.search(ref.text):
        ref.journal = None   # "NICE guideline [NG59]. 2016." after an organisation: its document series, not a journal
    if ref.doi or ref.pmid or ref.pmcid or ref.journal or _JOURNAL_SIGNATURE.search(ref.text):
        return
    if ref.url and (_NON_WEB_HOSTS.search(ref.url) or ARTICLE_LINK.search(ref.url)):
        return   # a paper's page on a journal's site is no organisation's page
    # ("Goodman et al. (2013), Journal of ...": "et al." names people, whatever else the entry lacks)
    people = bool(_PERSON_AUTHOR.match(author_part.strip()) or re.search(r"\bet\.?\s?al\b", author_part))
    if people and not ref.url:
        if not ref.authors:
            ref.authors = [re.split(r",\s|\s\(", author_part.strip())[0].strip(" .,")]   # "Otoo et al., Phys Ther Rev 20 ..."
        return
    if ref.url or not people:
        ref.kind = "web"
        if not people:
            # the organisation is the author: "World Health Organization", "Mass General Brigham"; a bare address
            # is its site's ("nhs.uk")
            bare = re.match(r"<?https?://(?:www\.)?([^/\s>]+)", author_part.strip())
            # (WebMD's sources name the organisation, a colon, the page's title: 'Example Society: "Knee pain."')
            ref.authors = [bare.group(1) if bare else re.split(r"\.\s|,\s|\s\(|:\s", author_part.strip())[0].strip(" .,")]
            ref.journal = None


# A news story's "SOURCES: Jane Smith, M.D., professor, ..." names a person who was interviewed, not a reference.
_PERSON_SOURCE = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][\w'\-]+,\s+(?:M\.?D\.?|Ph\.?D\.?|D\.?O\.?|R\.?N\.?|D\.?P\.?T\.?|M\.?P\.?H\.?|"
                            r"professor|director|chief|head|spokes\w*|researcher|lead author|author)\b")
# An image credit ("Source: Getty Images", "Photo: Shutterstock") is no reference.
_IMAGE_CREDIT = re.compile(r"^(?:Source:\s+)?(?:(?:photo|image|picture)\s*(?:source|credit)?:?\s*)?(?:Getty Images|Shutterstock|iStock(?:photo)?|"
                           r"Alamy|Adobe Stock|Unsplash|Pexels|Pixabay|Dreamstime)\b", re.I)
# A page footer that ends up under the reference heading is no reference.
_FOOTER = re.compile(r"^\W*(?:\u00a9|\(c\)\s|copyright\b)|\ball rights reserved\b", re.I)


def _whole(ref: Reference) -> bool:
    """A reference that stands on its own: authors, a year, and a journal or an address."""
    return bool(ref.authors and ref.year and (ref.journal or ref.url) and len(ref.text) > 30)


def _same_work(a: Reference, b: Reference) -> bool:
    """The same paper written twice (a pasted PubMed line and the journal's own citation under it): same first
    surname, same year, titles that open alike."""
    def opening(t: str | None) -> str:
        return re.sub(r"[^a-z]", "", (t or "").lower())[:40]
    if len(a.text.strip()) >= 15 and a.text.strip().lower().rstrip("/.") == b.text.strip().lower().rstrip("/."):
        return True   # the same line listed twice ("Web Link:" with one address pasted two times)
    if a.year_suffix and b.year_suffix and a.year_suffix != b.year_suffix:
        return False   # "Lee 2019a" and "Lee 2019b": two works of one author's year
    ta, tb = opening(a.title), opening(b.title)
    return bool(a.authors and b.authors and a.year and a.year == b.year and min(len(ta), len(tb)) >= 20
                and (ta.startswith(tb) or tb.startswith(ta)) and surname_key(a.authors[0]).lower() == surname_key(b.authors[0]).lower())


def _without_repeats(refs: list[Reference]) -> list[Reference]:
    """One reference per work: a repeat adds what it knows (a DOI, a PMID, an address) to the first and is dropped."""
    out: list[Reference] = []
    for r in refs:
        first = next((o for o in out if _same_work(o, r)), None)
        if first is None:
            out.append(r)
            continue
        for f in ("doi", "pmid", "pmcid", "url", "journal"):
            if not getattr(first, f) and getattr(r, f):
                setattr(first, f, getattr(r, f))
    return out


_ANGLE_LINK_END = re.compile(r"\S\s*<https?://[^<>\s]+>\.?$")
# A Markdown link as the extractor writes an HTML one.
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)\)")


def _split_link_runs(lines: list[str]) -> list[str]:
    """A sources line that is only links with separators ("[College (Imaging for back pain)](https://...), [Therapeutic
    Guidelines (Sciatica)](https://...), ...") holds one reference per link; a line that is only a link to the site's own
    page ("[Learn more here about ...](/about/content-partners)") holds none."""
    out = []
    for line in lines:
        # the extractor's form "label <https://...>, label <https://...>": cut after each address
        parts = [x.strip() for x in re.split(r"(?<=>)\s*[,;]\s*", line.strip()) if x.strip()]
        if len(parts) >= 2 and all(_ANGLE_LINK_END.search(x) for x in parts):
            out.extend(parts)
            continue
        links = _MD_LINK.findall(line)
        rest = _MD_LINK.sub(" ", line)
        if links and not re.sub(r"(?:\band\b|[\s,;.\u00b7|*\u2022-])+", "", rest):
            kept = [f"[{t}]({u})" for t, u in links if u.startswith(("http://", "https://", "www."))]
            if len(links) >= 2 or not kept:
                out.extend(kept)
                continue
        out.append(line)
    return out


def parse_reference_list(lines: list[str]) -> list[Reference]:
    refs = []
    lines = _split_link_runs(lines)
    for i, line in enumerate(lines):
        if (len(line.strip()) < 15 and not line.startswith("Source: ")) or _FOOTER.search(line) \
                or _PERSON_SOURCE.match(line.strip()) or _IMAGE_CREDIT.search(line):
            continue
        ref = parse_reference(line)
        complete = bool(refs) and ((bool(ref.doi or ref.pmid) and bool(ref.year) and bool(refs[-1].doi or refs[-1].pmid))
                                   or (_whole(ref) and _whole(refs[-1])))
        if ref.number is None and not complete and re.match(r"^\s*[-*\u2022+]", line) is None and any(r.number for r in refs):
            # an unnumbered line inside a numbered list continues the previous entry (unless it is a
            # whole reference of its own after a whole one: both with their identifier, or both with authors,
            # year and a journal or address — an unnumbered list under a second heading)
            refs[-1] = parse_reference(f"{refs[-1].number}. {refs[-1].text} {line.strip()}")
            continue
        refs.append(ref)
    refs = _without_repeats(refs)
    # Unnumbered lists are still cited by position in some articles ("[2]").
    if refs and not any(r.number for r in refs):
        for i, r in enumerate(refs, 1):
            r.number = str(i)
    return refs


_GUIDELINE_CITE = re.compile(
    r"\b(?P<org>(?:[Tt]he )?(?:[A-Z]{2,8}|[A-Z][a-z]+(?: (?:of|for|and|on|[A-Z][a-z]+)){1,6}))(?:'s|\u2019s)? (?:clinical practice |practice )?"
    r"guidelines?\b[^.()]{0,60}?\((?:[A-Z]{1,4}\d{1,4},\s*)?(?P<year>(?:19|20)\d{2})\)")
_GLUED_HARVARD = re.compile(
    rf"(?<=\s)((?:{_PARTICLE}\s+)*[{_UPPER}][\w'\u2019\-]+),\s+(?:[A-Z]\.\s*)+"
    rf"(?:,?\s*(?:&|and)\s+(?:{_PARTICLE}\s+)*[{_UPPER}][\w'\u2019\-]+,\s+(?:[A-Z]\.\s*)+|,?\s*et al\.?)?,?\s+((?:19|20)\d{{2}})[a-z]?\.?$")
# "(JAMA Intern Med. Published online May 6, 2019.)", "(Spine J. Epub 2020 Mar 2)": a journal and the date it put the
# paper online, as news stories cite a paper just out.
_JOURNAL_CITE_ONLINE = re.compile(
    r"\(((?:[A-Z][A-Za-z&]*\.?\s+){0,8}[A-Z][A-Za-z&]*)\.?\s+(?:Published\s+online|Epub(?:\s+ahead\s+of\s+print)?)\s+"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d{2})\b[^()]{0,40}\)")
_JOURNAL_CITE_DATED = re.compile(
    r"\(((?:[A-Z][A-Za-z&]*\.?\s+){0,8}[A-Z][A-Za-z&]*\.?)\s+((?:19|20)\d{2})\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"(?:\s+\d{1,2})?\s*;\s*\(?\d[^()]*(?:\(\w+\)[^()]*)?\)")


# A journal cited by volume and pages without a year: "(Journal Strength Conditioning Research 25: 1098-1103)",
# "(Am J Sports Med 44(3):601-8)" — two or more capitalised words, then the volume, a colon and the pages.
_JOURNAL_CITE_UNDATED = re.compile(r"\(((?:[A-Z][A-Za-z&]*\.?\s+){1,8}[A-Z][A-Za-z&]*\.?)\s+(?!(?:19|20)\d{2}\b)\d{1,4}\s*(?:\(\w+\))?"
                                   r"\s*:\s*[A-Za-z]?\d+(?:\s*[\-\u2013]\s*\d+)?\)")
# A journal named in the sentence, then its year, volume and pages in brackets, as news and clinic pages cite:
# "published in the American Journal of Public Health (2005; 95(10): 1817-24)", "in the journal Spine
# (1995;20(5):615-619)" — the year first, then "; volume", so a bracketed year alone is never read this way.
_PROSE_JOURNAL_CITE = re.compile(
    r"\b(?:in|by)\s+(?:the\s+(?:journal\s+)?|journal\s+)?(?P<journal>(?:[A-Z][\w&'\-]*\.?(?:\s+(?:of|and|for|in|&|the))*\s+){0,7}"
    r"[A-Z][\w&'\-]*\.?)\s+" + YEAR_VOLUME_CITE.pattern)
# Authors right before a bracketed journal and year: "Coombes et al. (JAMA 2013)", "Lee and colleagues (Spine, 2019)".
_AUTHORS_BEFORE = re.compile(r"\b((?:(?:[Vv]an|[Dd]e|[Vv]on) )?[A-Z][\w'\u2019\-]+(?:\s+et\.?\s?al\.?|\s+and\s+colleagues|"
                             r"\s+(?:and|&)\s+[A-Z][\w'\u2019\-]+))\s*[(\[]?$")
# A cited name that is a journal's ("Journal of Physiotherapy", "Cochrane Database", "Annals of ...").
_JOURNAL_AS_AUTHOR = re.compile(r"\b(?:Journal|Lancet|Cochrane|Annals|Archives|Reviews?)\b|^J\.? [A-Z]")
# A link to an article on a journal's or publisher's site (not its home page): a paper without a DOI in the link.
ARTICLE_LINK = re.compile(r"https?://(?:[\w\-]+\.)*(?:bmj\.com|jamanetwork\.com|thelancet\.com|nejm\.org|sciencedirect\.com|"
                           r"springer\.com|link\.springer\.com|wiley\.com|nature\.com|frontiersin\.org|mdpi\.com|plos\.org|"
                           r"tandfonline\.com|sagepub\.com|jospt\.org|lww\.com|academic\.oup\.com|biomedcentral\.com|"
                           r"cochranelibrary\.com|annals\.org|jpain\.org|archives-pmr\.org|oarsijournal\.com|physiotherapyjournal\.org)"
                           r"/\S*(?:article|content|doi|full|abs|pii|fulltext|journal)\S*"
                           # (and paper pages popular pages link that carry no such word, or sit on a paper archive:
                           # MDPI's "/ISSN/vol/issue/n", J-STAGE, ResearchGate's and Semantic Scholar's paper pages)
                           r"|https?://(?:www\.)?mdpi\.com/\d{4}-\d{3}[\dX]/\d+/\d+/\d+|https?://(?:www\.)?jstage\.jst\.go\.jp/article/"
                           r"|https?://(?:www\.)?researchgate\.net/publication/\d|https?://(?:www\.)?semanticscholar\.org/paper/"
                           r"|https?://(?:www\.)?(?:hindawi\.com|karger\.com|dovepress\.com|thieme-connect\.(?:com|de)|degruyter\.com|"
                           r"humankinetics\.com|ijspt\.org|jssm\.org)/\S*(?:article|journals?|doi|fulltext|abstract|view)\S*"
                           # a PubMed search for the paper's title: how some pages link the paper they cite
                           r"|https?://(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov/?|ncbi\.nlm\.nih\.gov/pubmed/?)\?term=[^\s)\]]{12,}", re.I)


def _letters_dropped(c: Citation, refs: list[Reference]) -> bool:
    """Does a citation with a year's letter ("Lee, 2019b") cite a work the page lists with no letters (the same first
    author and year, none of them lettered)?"""
    same = [r for r in refs if r.authors and r.year == c.year and surname_key(r.authors[0]).lower() == surname_key(c.surname).lower()]
    return bool(same) and not any(r.year_suffix for r in same)


# "(J. Smith, 2019)", "(A. B. Jones et al., 2020)": an author with initials first (not "J. Orthop." or "J Pain", journals).
_INITIALS_NAME = re.compile(r"(?:[A-Z]\.\s?){1,3}(?!(?:Pain|Physiother|Orthop|Rheumatol|Physiol|Neurol|Biomech|Sci|Med|Res|Clin|"
                            r"Ther|Bone|Spine|Sports?|Athl|Rehabil|Man|Manipulative|Back)\b)[A-Z][a-z'\u2019-]+(?:\s+et\.?\s?al\.?)?$")


def _surname_first(who: str) -> str:
    """'J. Smith' -> 'Smith J', 'A. B. Jones et al.' -> 'Jones AB et al.' (as a list entry names its first author)."""
    if not _INITIALS_NAME.match(who):
        return who
    m = re.match(r"((?:[A-Z]\.\s?)+)(\S+)(.*)$", who)
    return f"{m.group(2)} {m.group(1).replace('.', '').replace(' ', '')}{m.group(3)}" if m else who


def inline_references(sentences: list[Sentence], listed: list[Reference]) -> list[Reference]:
    """Author–year citations and DOI/PubMed links in the body that the list does not already hold."""
    # (keys compared without case: "Van Dijk et al. (2011)" cites the listed "van Dijk CN ... 2011")
    keys = {k.lower() for r in listed for k in r.keys()}
    dois = {r.doi for r in listed if r.doi}
    pmids = {r.pmid for r in listed if r.pmid}
    pmcids = {r.pmcid for r in listed if r.pmcid}
    urls = {r.url.lower().rstrip("/") for r in listed if r.url}
    out: list[Reference] = []
    for s in sentences:
        for c in find_citations(s.text):
            # author-year citations wherever they sit: bracketed (many names, page notes, prefixes) or narrative
            if not _INITIALS_NAME.match(c.who) and (_JOURNAL_AS_AUTHOR.search(c.who) or c.who.lower() in JOURNAL_NAMES
                                                    or journal_abbreviation(c.who) or journal_title(c.who)):
                # "(Journal of Physiotherapy, 2019)": a journal and its year, not an author
                key = journal_key(c.who, c.year).lower()
                # ("Coombes et al. (JAMA 2013) ran a trial": the authors named just before the bracket are its authors)
                named = _AUTHORS_BEFORE.search(s.text[:c.start])
                if key not in keys:
                    keys.add(key)
                    out.append(Reference(text=((named.group(1) + " ") if named else "") + c.text.strip("()[], "), kind="inline",
                                         journal=c.who, year=c.year, authors=[named.group(1)] if named else []))
                continue
            key = cite_key(c.surname, c.year or "n.d.", c.suffix).lower()
            if c.year is None and any(r.authors and r.authors[0].lower().startswith(c.who.lower()) for r in listed):
                continue   # "(Mayo Clinic, n.d.)" is the listed "Mayo Clinic. (n.d.). Title. https://..."
            if c.year is None and re.search(r"\bet\.?\s?al\b", c.who) and any(
                    r.authors and surname_key(r.authors[0]).lower() == surname_key(c.surname).lower() for r in listed + out):
                continue   # "(Lee et al.)" after "(Lee et al., 2019)" or beside "Lee, A. (2019) ..." listed: that work again
            if c.suffix and key not in keys and _letters_dropped(c, listed + out):
                continue   # "(Lee, 2019b)" where the list prints "Lee, A. (2019)": the page's letter, the same work
            if key in keys or (re.fullmatch(r"[A-Z][A-Z&]{1,7}", c.who) and any(
                    r.year == c.year and r.authors and _initials_cover(c.who, [w for w in r.authors[0].split() if w[:1].isupper()])
                    for r in listed)):
                continue   # ("(NICE, 2016)" is the listed "National Institute for Health and Care Excellence ... 2016")
            keys.add(key)
            if c.suffix:
                keys.add(cite_key(c.surname, c.year or "n.d.").lower())   # a later "(Lee, 2019)" is one of these
            out.append(Reference(text=c.text.strip("()[], "), kind="inline", authors=[_surname_first(c.who)], year=c.year,
                                 year_suffix=c.suffix or None))
        for m in _GUIDELINE_CITE.finditer(s.text):
            who = m.group("org").removeprefix("the ").removeprefix("The ")
            key = f"{surname_key(who)} {m.group('year')}".lower()
            if key not in keys:
                # "The NICE guideline on low back pain (NG59, 2016)": an organisation's guideline cited by year
                keys.add(key)
                out.append(Reference(text=m.group(0), kind="inline", authors=[who], year=int(m.group("year"))))
        glued = _GLUED_HARVARD.search(s.text)
        if glued and f"{surname_key(glued.group(1))} {glued.group(2)}".lower() not in keys:
            # "... changes as a result Cook, J. L., & Purdam, C. R., 2009.": an entry's head glued to the sentence
            keys.add(f"{surname_key(glued.group(1))} {glued.group(2)}".lower())
            out.append(Reference(text=glued.group(0).strip(" ."), kind="inline", authors=_authors(glued.group(0).rsplit(",", 1)[0]),
                                 year=int(glued.group(2))))
        for m in _JOURNAL_CITE_ONLINE.finditer(s.text):
            journal = m.group(1)
            key = journal_key(journal, m.group(2)).lower()
            if key not in keys and (journal_abbreviation(journal) or journal_title(journal) or journal.lower() in JOURNAL_NAMES
                                    or _JOURNAL_AS_AUTHOR.search(journal)):
                keys.add(key)
                out.append(Reference(text=m.group(0).strip("() "), kind="inline", journal=journal, year=int(m.group(2))))
        for m in _JOURNAL_CITE_DATED.finditer(s.text):
            key = journal_key(m.group(1), m.group(2)).lower()
            if key not in keys:
                # "(Physiotherapy. 2012 Jun 1;98(2):101-9)": a journal citation with its NLM date
                keys.add(key)
                out.append(Reference(text=m.group(0).strip("() "), kind="inline", journal=m.group(1).rstrip("."),
                                     year=int(m.group(2))))
        for m in JOURNAL_CITE.finditer(s.text):
            key = journal_key(m.group(1), m.group(2)).lower()
            if key in keys:
                continue
            keys.add(key)
            out.append(Reference(text=m.group(0).strip("() "), kind="inline", journal=m.group(1), year=int(m.group(2))))
        for m in _PROSE_JOURNAL_CITE.finditer(s.text):
            journal = m.group("journal")
            key = journal_key(journal, m.group("year")).lower()
            if key not in keys:
                keys.add(key)
                out.append(Reference(text=m.group(0)[m.start("journal") - m.start():], kind="inline", journal=journal,
                                     year=int(m.group("year"))))
        for m in _JOURNAL_CITE_UNDATED.finditer(s.text):
            # "(Journal Strength Conditioning Research 25: 1098-1103)": a journal's volume and pages with no year
            key = journal_key(m.group(1), "n.d.").lower()
            if key not in keys and not any((r.journal or "").lower().rstrip(".") == m.group(1).lower().rstrip(".") for r in listed + out):
                keys.add(key)
                out.append(Reference(text=m.group(0).strip("() "), kind="inline", journal=m.group(1)))
        for url in s.links + re.findall(r"https?://[^\s<>\"\])]+", s.text) + [f"doi:{d}" for d in DOI.findall(s.text)]:
            p = _PMID.search(url)
            doi = find_doi(url)
            pmid = next(g for g in p.groups() if g) if p else None
            c = _PMCID.search(url)
            pmcid = c.group(1) if c else None
            plain = url.lower().rstrip("/")
            if doi or pmid or pmcid:
                if (doi and doi in dois) or (pmid and pmid in pmids) or (pmcid and pmcid in pmcids):
                    continue
            elif not (ARTICLE_LINK.search(url) and plain not in urls):
                continue   # a page that is not a paper (organisation pages are read in weblinks.py)
            dois.add(doi)
            pmids.add(pmid)
            pmcids.add(pmcid)
            urls.add(plain)
            out.append(Reference(text=url, kind="link", doi=doi, pmid=pmid, pmcid=pmcid, url=url if url.startswith("http") else None))
    return out


def _journal_named(journal: str, low: str) -> bool:
    """Is the journal named in the (lower-cased) text, in full or spelled out from its abbreviation ("npj digit
    med" is "npj Digital Medicine", "j orthop sports phys ther" is "Journal of Orthopaedic & Sports Physical
    Therapy": each abbreviated word opens a word of the name, small words may come between)?"""
    if re.search(rf"\b{re.escape(journal)}\b", low):
        return True
    words = re.findall(r"[a-z]+", journal)
    if len(words) < 2 or len(words) > 10:
        return False
    gap = r"[\s,:]+(?:(?:of|the|and|&|in|for|on)[\s,:]+)*"
    return bool(re.search(r"\b" + gap.join(rf"{re.escape(w)}[a-z]*" for w in words) + r"\b", low))


def _initials_cover(acronym: str, words: list[str]) -> bool:
    """Is an organisation's acronym its name's initials, some maybe left out ("NICE" of "National Institute for
    Health and Care Excellence", "WHO" of "World Health Organization"): the first word's initial first, the others in
    order, and the name at least as long as the acronym?"""
    if _acronym_of(acronym, words):
        return True
    initials = "".join(w[0] for w in words).upper()
    if len(acronym) < 3 or not initials or initials[0] != acronym[0]:
        return False
    it = iter(initials)
    return all(ch in it for ch in acronym)


def _acronym_of(acronym: str, words: list[str]) -> bool:
    """Is the acronym made of these words in order: each word gives its first letter and maybe more of its
    letters ("OARSI" of "Osteoarthritis Research Society International", "AIHW" of "Australian Institute of
    Health and Welfare" without the small words)?"""
    @functools.lru_cache(maxsize=None)   # (i, j) pairs: at most 9 x 10, whatever the words hold
    def fit(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(acronym)
        if i >= len(acronym) or acronym[i] != words[j][0].upper():
            return False
        rest = words[j][1:].upper()
        # this word may give further letters (in order) before the next word starts
        for k in range(i + 1, len(acronym) + 1):
            if fit(k, j + 1):
                return True
            if k < len(acronym) and acronym[k] not in rest:
                return False
            rest = rest[rest.index(acronym[k]) + 1:] if k < len(acronym) else rest
        return False
    return len(words) >= 2 and fit(0, 0)


# A surname given as the research's author in prose: "by Brinjikji and colleagues", "Brinjikji et al. found".
_NAMED_AUTHOR = re.compile(rf"\b([A-Z][a-z'\u2019-]{{2,}}){ETAL}")


def named_references(text: str, year: int | None, refs: list[Reference]) -> list[Reference]:
    """References a claim names without a marker: same year, and the first author's surname or the
    journal appears in the sentence ("a 2010 trial in The Lancet", "Stasinopoulos and colleagues in 2017");
    without a year, a journal named in full that only one reference has ("an article in the British
    Medical Journal"); failing both, the only listed paper of the year the claim states."""
    low = text.lower()
    out = []
    for r in refs:
        surname = surname_key(r.authors[0]).lower() if r.authors else ""
        journal = (r.journal or "").lower().removeprefix("the ").strip()
        if year and r.year == year:
            if (len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", low)) or \
                    (len(journal) > 2 and _journal_named(journal, low)):
                out.append(r)
        elif not year and len(journal.split()) >= 2 and _journal_named(journal, low) \
                and sum((x.journal or "").lower().removeprefix("the ").strip() == journal for x in refs) == 1:
            out.append(r)
    if not out and not year:
        # "A large review ... by Brinjikji and colleagues found ...": a first author named as the research's author,
        # with no year, points to the one listed work of that first author
        for m in _NAMED_AUTHOR.finditer(text):
            name = m.group(1).lower()
            hits = [r for r in refs if r.authors and surname_key(r.authors[0]).lower() == name]
            if len(hits) == 1:
                out = hits
                break
    if not out:
        # "The Osteoarthritis Research Society International says ...": an organisation named in the claim whose
        # initials open a listed title ("OARSI guidelines for ...")
        for org in re.findall(r"\b[A-Z][a-z]+(?: (?:of|for|and|on|the|&|[A-Z][a-z]+)){2,8}", text):
            words = [w for w in org.removeprefix("The ").split() if w[0].isupper()]
            hits = [r for r in refs if r.title and (not year or r.year == year)
                    and any(_acronym_of(a, words) for a in re.findall(r"\b[A-Z]{3,8}\b", r.title))]
            if len(hits) == 1:
                out = hits
                break
    if not out and year:
        # "a 2010 study found ..." in an article that lists one reference from 2010
        same = [r for r in refs if r.year == year and r.kind != "web"]
        if len(same) == 1:
            out = same
    return out


def link_citations(citations: list[str], refs: list[Reference]) -> list[Reference]:
    """References a claim's citation keys ("3", "Lee 2021") point to."""
    by_number = {r.number: r for r in refs if r.number}
    by_key: dict[str, Reference] = {}
    for r in refs:
        for k in r.keys():
            by_key.setdefault(k.lower(), r)
    out = []
    for c in citations:
        r = by_number.get(c) if c.isdigit() else by_key.get(c.lower())
        lettered = re.fullmatch(r"(.+ (?:19|20)\d{2})[a-z]", c)
        if r is None and lettered and not any(x.year_suffix for x in refs if lettered.group(1).lower() in (k.lower() for k in x.keys())):
            # "(Lee, 2019b)" and a list that prints no letters: the work of that author and year
            r = by_key.get(lettered.group(1).lower())
        acronym = re.fullmatch(r"([A-Z][A-Z&]{1,7}) ((?:19|20)\d{2})", c)
        if r is None and acronym:
            # "(NICE, 2016)" points to the listed "National Institute for Health and Care Excellence ... 2016"
            r = next((x for x in refs if x.year == int(acronym.group(2)) and x.authors
                      and _initials_cover(acronym.group(1), [w for w in x.authors[0].split() if w[:1].isupper()])), None)
        if r is not None and r not in out:
            out.append(r)
    return out


__all__ = ["ARTICLE_LINK", "Reference", "clean_doi", "expand_numbers", "inline_references", "link_citations", "named_references",
           "parse_reference", "parse_reference_list", "year_suffix"]
