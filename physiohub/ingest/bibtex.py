"""BibTeX from Scopus, Google Scholar, publishers and reference managers (bibtexparser v2).

LaTeX accents and escapes are decoded (``{\\'e}`` -> é, ``13.5\\%`` -> 13.5%). Scopus exports carry
``pubmed_id``, ``doi``, ``abstract``, ``author_keywords``/``keywords``, ``affiliation``, ``language``
and ``document_type`` (which becomes a publication type: "Review", "Article"). An entry with a field
given twice (Scopus repeats ``funding_details``) is kept, as bibtexparser recovers it; any other
block that fails to parse becomes a ``Rejected`` naming its line.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import bibtexparser
from bibtexparser import middlewares as mw
from bibtexparser.library import Library
from bibtexparser.model import DuplicateFieldKeyBlock, Entry

from ..errors import IngestError
from ..models import Author, Record
from .base import Rejected
from .detect import decode_text
from .markup import string_markup
from .normalize import (clean_text, doi_from_text, initials_of, normalize_doi, normalize_pmid, pmcid_from_text,
                        pmid_from_text, retracted_title, split_structured_abstract)
from .pubdate import MONTHS

PMID_FIELDS = ("pubmed_id", "pmid", "pubmed")
KEYWORD_FIELDS = ("keywords", "author_keywords", "mesh")
BOOKS = {"book", "inbook", "incollection", "booklet"}


def _field(e: Entry, *names: str) -> str:
    for n in names:
        f = e.fields_dict.get(n)
        if f is not None and isinstance(f.value, str) and f.value.strip():
            return clean_text(f.value.strip().strip("{}"))
    return ""


def _authors(e: Entry) -> list[Author]:
    f = e.fields_dict.get("author")
    if f is None or not isinstance(f.value, list):
        return []
    out = []
    for name in f.value:
        if isinstance(name, mw.NameParts):
            last = " ".join(name.von + name.last).strip("{} ")
            fore = " ".join(name.first).strip("{} ")
            if name.jr:
                fore = f"{fore} {' '.join(name.jr)}".strip()
            if not fore and len(name.last) == 1 and not name.von:
                out.append(Author(collective=last))  # "{World Health Organization}"
                continue
            out.append(Author(last=last, fore=fore, initials=initials_of(fore)))
        else:
            out.append(Author(collective=str(name)))
    return out


def convert(e: Entry) -> Record:
    rec = Record(source_format="bibtex", source_id=e.key)
    rec.title, rec.title_html = string_markup(_field(e, "title"))
    rec.abstract_sections = split_structured_abstract(_field(e, "abstract"))
    rec.authors = _authors(e)
    aff = _field(e, "affiliation", "affiliations")
    if aff and rec.authors:
        rec.authors[0].affiliations = [a.strip() for a in aff.split("; ") if a.strip()]
    rec.journal = _field(e, "journal", "journaltitle", "booktitle")
    rec.journal_abbrev = _field(e, "abbrev_source_title", "shortjournal", "journal_abbrev")
    rec.volume = _field(e, "volume")
    rec.issue = _field(e, "number", "issue")
    rec.pages = _field(e, "pages").replace("--", "-").replace("\u2013", "-")
    year = _field(e, "year", "date")[:4]
    if year.isdigit() and int(year) > 1500:
        rec.year = int(year)
        month = _field(e, "month").lower()[:3]
        month = MONTHS.get(month, month.zfill(2) if month.isdigit() else "")
        rec.pub_date = year + (f"-{month}" if month else "")
    rec.doi = normalize_doi(_field(e, "doi"))
    if not rec.doi:
        rec.doi = doi_from_text(" ".join(_field(e, n) for n in ("url", "note", "eprint", "howpublished")))
    if not rec.doi and e.key.lower().startswith("doi:"):
        rec.doi = normalize_doi(e.key[4:])  # SAGE keys: "doi:10.1177/..."
    rec.pmid = normalize_pmid(_field(e, *PMID_FIELDS)) or pmid_from_text(_field(e, "note", "url"))
    rec.pmcid = pmcid_from_text(_field(e, "pmcid", "pmc", "note"))
    for name in KEYWORD_FIELDS:
        for kw in re.split(r"\s*[;,]\s*", _field(e, name)):
            if kw and kw not in rec.keywords:
                rec.keywords.append(kw)
    rec.language = _field(e, "language", "langid")
    doc_type = _field(e, "document_type", "type")
    if doc_type:
        rec.publication_types.append(doc_type)
    rec.url = _field(e, "url")
    rec.book = e.entry_type.lower() in BOOKS
    rec.extra["bibtex_type"] = e.entry_type.lower()
    source = _field(e, "source")
    if source:
        rec.extra["database"] = source
    if retracted_title(rec.title):
        rec.retracted = True
        rec.retraction_notes.append("title marked RETRACTED by the publisher")
    return rec


class BibtexImporter:
    name = "bibtex"
    extensions = (".bib", ".bibtex")

    def sniff(self, head: str) -> bool:
        return re.search(r"^\s*@\s*[A-Za-z]+\s*[{(]", head, re.M) is not None

    def parse(self, data: bytes, filename: str) -> Iterator[Record | Rejected]:
        text, enc = decode_text(data, filename)
        try:
            lib = bibtexparser.parse_string(text)
        except Exception as e:  # bibtexparser raises bare exceptions on pathological input
            raise IngestError(f"malformed BibTeX ({type(e).__name__}: {str(e).splitlines()[0][:120]})",
                              file=filename) from None
        blocks: list = []
        for b in lib.blocks:
            if isinstance(b, Entry):
                blocks.append(b)
            elif isinstance(b, DuplicateFieldKeyBlock):
                blocks.append(b.ignore_error_block)
            elif type(b).__name__.endswith("FailedBlock") or type(b).__name__.endswith("ErrorBlock"):
                blocks.append(Rejected(f"line {b.start_line + 1}", f"unreadable BibTeX block: {b.error}"))
        entries = Library([b for b in blocks if isinstance(b, Entry)])
        for m in (mw.LatexDecodingMiddleware(), mw.SeparateCoAuthors(), mw.SplitNameParts()):
            entries = m.transform(entries)
        decoded = iter(entries.entries)
        if not blocks:
            raise IngestError("no BibTeX entries found", file=filename)
        for b in blocks:
            if isinstance(b, Rejected):
                yield b
                continue
            rec = convert(next(decoded))
            if enc != "utf-8":
                rec.extra["source_encoding"] = enc
            if not rec.title and not rec.abstract_sections:
                yield Rejected(rec.source_id or "?", f"entry {rec.source_id} has neither title nor abstract")
                continue
            yield rec


IMPORTER = BibtexImporter()
