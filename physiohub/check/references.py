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

import re
from dataclasses import dataclass, field

from .claims import AUTHOR_YEAR, DOI, JOURNAL_CITE, author_year, expand_numbers, journal_key
from .document import Sentence

_NUMBER = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+")
_BULLET = re.compile(r"^\s*[-*\u2022+]\s+")
_PMID = re.compile(r"\bPMID:?\s*(\d{1,9})\b|pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})|ncbi\.nlm\.nih\.gov/pubmed/(\d{1,9})", re.I)
_PMCID = re.compile(r"\b(PMC\d{4,9})\b")
_URL = re.compile(r"<?(https?://[^\s<>\"]+?)>?(?=[\s,;]|\.?$|\.\s)")
_APA = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?(?:,[^)]*)?\)\.?\s*(?P<rest>.*)$")
_VANC_YEAR = re.compile(r"(?P<journal>[^.]{2,120}?)\.?\s+(?P<year>(?:19|20)\d{2})(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*[;:.,]")
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
_NON_WEB_HOSTS = re.compile(r"doi\.org|pubmed|ncbi\.nlm\.nih\.gov|europepmc", re.I)


# An entry that starts with a journal's name (a news story's "Source: The Example Journal of Medicine, May 2023").
_JOURNAL_LEAD = re.compile(r"^((?:[Tt]he\s+)?(?:[A-Z][\w&\-]*\s+(?:(?:of|for|and|&|in)\s+)?(?:the\s+)?){0,6}?"
                           r"(?:Journal|Lancet|BMJ|JAMA|NEJM|Annals|Archives|Cochrane Database)\b(?:\s+(?:(?:of|for|and|&|in)\s+)?"
                           r"(?:the\s+)?[A-Z][\w&\-]*){0,6})(?=[,.;]|\s+(?:published|online|\d))")


@dataclass
class Reference:
    text: str
    kind: str = "list"              # list | inline | link
    number: str | None = None       # "3" for a numbered list entry
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    title: str | None = None
    journal: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None

    def key(self) -> str | None:
        """Author–year key ("Lee 2021") that inline citations use."""
        if self.authors and self.year:
            return f"{self.authors[0].split()[0].rstrip(',')} {self.year}"
        return None

    def keys(self) -> list[str]:
        """Every key a citation in the text may use: author–year, and journal–year."""
        out = [k for k in (self.key(),) if k]
        if self.journal and self.year:
            out.append(journal_key(self.journal, self.year))
        return out

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def clean_doi(doi: str) -> str:
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.I)
    return doi.rstrip(".,;)>]").lower()


# "doi: 10.1136/ bjsports-2017-098661" and "https://doi.org/ 10.x": a space an editor or a line break put
# inside the identifier, after "doi" or after the prefix's slash.
_DOI_SPACED = re.compile(r"((?:\bdoi\b\s*:?|doi\.org/)\s*10\.\d{4,9}/)\s+(?=[\w(])", re.I)


def find_doi(text: str) -> str | None:
    """The DOI in a reference entry or a link, however it is written."""
    d = DOI.search(_DOI_SPACED.sub(r"\1", text))
    return clean_doi(d.group(0)) if d else None


def _authors(text: str) -> list[str]:
    text = re.sub(r"\bet al\.?", "", text).strip(" ,")
    if re.search(r"[A-Z][\w'\-]+,\s+[A-Z]\.", text):
        text = re.sub(r"(?<=\b[A-Z])$", ".", text.rstrip(" ."))   # "Deyle, G. D" keeps its last initial's stop
    if not text:
        return []
    # APA: "Lee, A., Park, B., & Kim, C."  -> pairs; Vancouver: "Lee A, Park B, Kim C"
    if re.search(r"[A-Z][A-Za-z'\-]+,\s+(?:[A-Z]\.\s*)+(?:,|&|$)", text):
        parts = re.findall(r"([A-Z][A-Za-z'\u2019\-]+(?:\s[A-Z][A-Za-z'\-]+)?),\s+((?:[A-Z]\.\s*-?)+)", text)
        return [f"{last} {''.join(i.split()).replace('.', '')}" for last, i in parts]
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", text.rstrip("."))
    return [p.strip() for p in parts if p.strip() and re.match(r"[A-Z]", p.strip())][:50]


def parse_reference(line: str) -> Reference:
    """One reference-list entry."""
    number = None
    m = _NUMBER.match(line)
    if m:
        number = m.group(1) or m.group(2)
        line = line[m.end():]
    line = _BULLET.sub("", line).strip()
    ref = Reference(text=line, number=number)
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
    # Bibliographic part: before the first identifier.
    body = re.split(r"\s(?:https?://|<https?://|doi\b|DOI\b|PMID|PMCID|Available|Retrieved)", line, flags=re.I)[0].strip()
    apa = _APA.match(body)
    if apa and len(apa.group("rest")) > 10:   # Nature puts "(2000)." at the very end
        ref.authors = _authors(apa.group("authors"))
        ref.year = int(apa.group("year"))
        rest = apa.group("rest")
        parts = [x.strip() for x in re.split(r"(?<=[.?!])\s+", rest) if x.strip()]
        if parts:
            ref.title = parts[0].rstrip(".")
        if len(parts) > 1:
            ref.journal = re.split(r",\s*\d", parts[1])[0].strip(" .,") or None
        _web_kind(ref, apa.group("authors"))
        return ref
    hidden = _INITIAL_DOT.sub(rf"\1{_HIDDEN}", body)   # "et al." does end the authors
    parts = [x.strip().replace(_HIDDEN, ".") for x in re.split(r"(?<=[.?!])\s+(?=[A-Z0-9\[(\"'\u201c])", hidden) if x.strip()]
    nature = _NATURE_TAIL.match(parts[-1]) if len(parts) >= 2 else None
    dated = _JOURNAL_DATE.match(parts[-1]) if len(parts) >= 2 and not nature else None
    if dated:
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
        if j is not None and j >= 3:
            ref.authors = _authors(", ".join(x.rstrip(".") for x in parts[: j - 2]))
            ref.title = parts[j - 2].rstrip(".")
            ref.journal = parts[j - 1].rstrip(".").strip() or None
            ref.year = int(parts[j][:4])
        else:
            ref.authors = _authors(parts[0])
            ref.title = parts[1].rstrip(".")
            vy = _VANC_YEAR.match(". ".join(x.rstrip(".") for x in parts[2:]) + ". ")
            if vy:
                ref.journal = vy.group("journal").strip()
                ref.year = int(vy.group("year"))
    lead = _JOURNAL_LEAD.match(body)
    if lead and not ref.journal and not _PERSON_AUTHOR.match(body):
        # "Example Journal of Bone Research, published online March 3, 2022": a news story's source is the journal
        ref.journal, ref.authors, ref.title = lead.group(1).strip(" .,"), [], None
    if ref.year is None:
        y = _YEAR.search(body) or _YEAR.search(line)
        ref.year = int(y.group(1)) if y else None
        if not ref.title and len(parts) >= 2:
            ref.title = parts[1].rstrip(".")
    _web_kind(ref, parts[0] if parts else body)
    return ref


def _web_kind(ref: Reference, author_part: str) -> None:
    """An organisation's page (a fact sheet, a guideline, a news release) is a reference of kind "web":
    no DOI or PMID, no journal (named or as volume and pages), and an author that is not a list of people."""
    if ref.doi or ref.pmid or ref.pmcid or ref.journal or _JOURNAL_SIGNATURE.search(ref.text):
        return
    if ref.url and _NON_WEB_HOSTS.search(ref.url):
        return
    if _PERSON_AUTHOR.match(author_part.strip()) and not ref.url:
        return
    if ref.url or not _PERSON_AUTHOR.match(author_part.strip()):
        ref.kind = "web"
        if not _PERSON_AUTHOR.match(author_part.strip()):
            # the organisation is the author: "World Health Organization", "Mass General Brigham"
            ref.authors = [re.split(r"\.\s|,\s|\s\(", author_part.strip())[0].strip(" .,")]
            ref.journal = None


def parse_reference_list(lines: list[str]) -> list[Reference]:
    refs = []
    for i, line in enumerate(lines):
        if len(line.strip()) < 15:
            continue
        ref = parse_reference(line)
        complete = bool(ref.doi or ref.pmid) and bool(ref.year) and bool(refs) and bool(refs[-1].doi or refs[-1].pmid)
        if ref.number is None and not complete and re.match(r"^\s*[-*\u2022+]", line) is None and any(r.number for r in refs):
            # an unnumbered line inside a numbered list continues the previous entry (unless it is a
            # whole reference of its own, with its identifier, after an entry that had one)
            refs[-1] = parse_reference(f"{refs[-1].number}. {refs[-1].text} {line.strip()}")
            continue
        refs.append(ref)
    # Unnumbered lists are still cited by position in some articles ("[2]").
    if refs and not any(r.number for r in refs):
        for i, r in enumerate(refs, 1):
            r.number = str(i)
    return refs


def inline_references(sentences: list[Sentence], listed: list[Reference]) -> list[Reference]:
    """Author–year citations and DOI/PubMed links in the body that the list does not already hold."""
    keys = {k for r in listed for k in r.keys()}
    dois = {r.doi for r in listed if r.doi}
    pmids = {r.pmid for r in listed if r.pmid}
    out: list[Reference] = []
    for s in sentences:
        for m in AUTHOR_YEAR.finditer(s.text):
            who, year = author_year(m)
            key = f"{who.split()[0]} {year}"
            if key in keys:
                continue
            keys.add(key)
            out.append(Reference(text=m.group(0).strip("(), "), kind="inline", authors=[who], year=int(year)))
        for m in JOURNAL_CITE.finditer(s.text):
            key = journal_key(m.group(1), m.group(2))
            if key in keys:
                continue
            keys.add(key)
            out.append(Reference(text=m.group(0).strip("() "), kind="inline", journal=m.group(1), year=int(m.group(2))))
        for url in s.links + re.findall(r"https?://[^\s<>\"\])]+", s.text) + [f"doi:{d}" for d in DOI.findall(s.text)]:
            p = _PMID.search(url)
            doi = find_doi(url)
            pmid = next(g for g in p.groups() if g) if p else None
            if not (doi or pmid) or doi in dois or pmid in pmids:
                continue
            dois.add(doi)
            pmids.add(pmid)
            out.append(Reference(text=url, kind="link", doi=doi, pmid=pmid, url=url if url.startswith("http") else None))
    return out


def named_references(text: str, year: int | None, refs: list[Reference]) -> list[Reference]:
    """References a claim names without a marker: same year, and the first author's surname or the
    journal appears in the sentence ("a 2010 trial in The Lancet", "Stasinopoulos and colleagues in 2017");
    without a year, a journal named in full that only one reference has ("an article in the British
    Medical Journal"); failing both, the only listed paper of the year the claim states."""
    low = text.lower()
    out = []
    for r in refs:
        surname = r.authors[0].split()[0].rstrip(",").lower() if r.authors else ""
        journal = (r.journal or "").lower().removeprefix("the ").strip()
        if year and r.year == year:
            if (len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", low)) or \
                    (len(journal) > 2 and re.search(rf"\b{re.escape(journal)}\b", low)):
                out.append(r)
        elif not year and len(journal.split()) >= 2 and re.search(rf"\b{re.escape(journal)}\b", low) \
                and sum((x.journal or "").lower().removeprefix("the ").strip() == journal for x in refs) == 1:
            out.append(r)
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
        if r is not None and r not in out:
            out.append(r)
    return out


__all__ = ["Reference", "clean_doi", "expand_numbers", "inline_references", "link_citations", "named_references",
           "parse_reference", "parse_reference_list"]
