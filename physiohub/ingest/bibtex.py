"""BibTeX from Scopus, Google Scholar, publishers and reference managers (bibtexparser v2).

LaTeX accents and escapes are decoded (``{\\'e}`` -> é, ``13.5\\%`` -> 13.5%). Scopus exports carry
``pubmed_id``, ``doi``, ``abstract``, ``author_keywords``/``keywords``, ``affiliation``, ``language``
and ``document_type`` (which becomes a publication type: "Review", "Article"). An entry with a field
given twice (Scopus repeats ``funding_details``) is kept, as bibtexparser recovers it; any other
block that fails to parse becomes a ``Rejected`` naming its line.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import bibtexparser
from bibtexparser import middlewares as mw
from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import DuplicateFieldKeyBlock, Entry
from pylatexenc.latex2text import LatexNodes2Text

from ..errors import IngestError
from ..models import Author, Record
from .base import Rejected
from .detect import decode_lines
from .limits import MAX_ABSTRACT, MAX_FIELD, MAX_TITLE, too_long
from .markup import string_markup
from .normalize import (clean_text, doi_from_text, initials_of, normalize_doi, normalize_pmid, pmcid_from_text,
                        pmid_from_text, retracted_title, split_structured_abstract)
from .pubdate import MONTHS, parse_date

# bibtexparser logs every broken block; we report each as a Rejected with its line instead.
logging.getLogger("bibtexparser").setLevel(logging.ERROR)

PMID_FIELDS = ("pubmed_id", "pmid", "pubmed")
KEYWORD_FIELDS = ("keywords", "author_keywords", "mesh")
BOOKS = {"book", "inbook", "incollection", "booklet"}


def _field(e: Entry, *names: str) -> str:
    for n in names:
        f = e.fields_dict.get(n)
        if f is not None and isinstance(f.value, str) and f.value.strip():
            return clean_text(f.value.strip().strip("{}"))
    return ""


_LATEX = LatexNodes2Text()
# What pylatexenc changes in text: escapes, groups, math, comments, alignment, ties, and the ligatures
# of dashes, quotes and inverted marks. A value with none of them decodes to itself, so it skips the
# decoder, which reads ~75k characters a second (most Scopus and Zotero fields are plain).
LATEX_SYNTAX = re.compile(r"[\\{}$%&~]|--|``|''|[!?]`")


# The fields ``convert`` reads: only these are decoded (Scopus adds long ones we never read, such as
# ``references`` and ``funding_details``).
USED = frozenset({
    "title", "abstract", "affiliation", "affiliations", "journal", "journaltitle", "booktitle",
    "abbrev_source_title", "shortjournal", "journal_abbrev", "volume", "number", "issue", "pages", "year",
    "month", "date", "doi", "url", "note", "eprint", "howpublished", "eprinttype", "archiveprefix", "pmcid",
    "pmc", "language", "langid", "document_type", "type", "source", *PMID_FIELDS, *KEYWORD_FIELDS})


class _LatexDecoding(mw.LatexDecodingMiddleware):
    """bibtexparser's LaTeX decoder, with plain values passed through untouched (same result, tested)."""

    def decode(self, value: str) -> str:
        if not LATEX_SYNTAX.search(value):
            return value
        return self._transform_python_value_string(value)[0]  # the raw text if the decoder gives up


def _raw_limit(key: str) -> int:
    """The longest raw (LaTeX) value read for a field; the exact decoded limits are checked at storing."""
    return {"title": MAX_TITLE, "abstract": MAX_ABSTRACT}.get(key, MAX_FIELD)


def _too_long(e: Entry) -> str | None:
    """Refuse an entry with an absurdly long field before decoding it: decoding costs time per character."""
    for f in e.fields:
        if f.key in USED and isinstance(f.value, str) and len(f.value) > _raw_limit(f.key):
            # LaTeX escapes shrink when decoded ({\'e} -> é): the decoded length decides near the limit.
            if f.key not in ("title", "abstract") or len(f.value) > 2 * _raw_limit(f.key):
                name = f.key if f.key in ("title", "abstract") else f"field '{f.key}'"
                return too_long(name, len(f.value), _raw_limit(f.key))
    return None


def _decode(text: str) -> str:
    if not LATEX_SYNTAX.search(text):
        return clean_text(text)
    try:
        return clean_text(_LATEX.latex_to_text(text))
    except Exception:  # pylatexenc gives up on unbalanced input: keep the raw text
        return clean_text(text.replace("{", "").replace("}", ""))


def _authors(raw: str) -> list[Author]:
    """Names split before LaTeX decoding, so a braced '{World Health Organization}' stays one group author."""
    out = []
    for name in split_multiple_persons_names(raw) if raw else []:
        name = name.strip()
        if name.startswith("{") and name.endswith("}") and name.count("{") == 1:
            out.append(Author(collective=_decode(name[1:-1])))
            continue
        try:
            parts = parse_single_name_into_parts(name)
        except InvalidNameError:
            out.append(Author(last=_decode(name)))
            continue
        last = _decode(" ".join(parts.von + parts.last))
        fore = _decode(" ".join(parts.first + parts.jr))
        out.append(Author(last=last, fore=fore, initials=initials_of(fore)))
    return out


def convert(e: Entry, raw_authors: str = "") -> Record:
    rec = Record(source_format="bibtex", source_id=e.key)
    rec.title, rec.title_html = string_markup(_field(e, "title"))
    rec.abstract_sections = split_structured_abstract(_field(e, "abstract"))
    rec.authors = _authors(raw_authors)
    aff = _field(e, "affiliation", "affiliations")
    if aff and rec.authors:
        rec.authors[0].affiliations = [a.strip() for a in aff.split("; ") if a.strip()]
    rec.journal = _field(e, "journal", "journaltitle", "booktitle")
    rec.journal_abbrev = _field(e, "abbrev_source_title", "shortjournal", "journal_abbrev")
    rec.volume = _field(e, "volume")
    rec.issue = _field(e, "number", "issue")
    rec.pages = _field(e, "pages").replace("--", "-").replace("\u2013", "-")
    year = _field(e, "year")[:4]
    if not year and _field(e, "date"):  # BibLaTeX: date = {2016-04-02}
        rec.year, rec.pub_date = parse_date(_field(e, "date"))
    elif year.isdigit() and int(year) > 1500:
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
    eprint_type = _field(e, "eprinttype", "archiveprefix").lower()  # BibLaTeX (Zotero): eprint + eprinttype
    if not rec.pmid and eprint_type in ("pmid", "pubmed"):
        rec.pmid = normalize_pmid(_field(e, "eprint"))
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
        text, _enc, repairs = decode_lines(data, filename)
        try:
            lib = bibtexparser.parse_string(text)
        except Exception as e:  # bibtexparser raises bare exceptions on pathological input
            raise IngestError(f"malformed BibTeX ({type(e).__name__}: {str(e).splitlines()[0][:120]})",
                              file=filename) from None
        blocks: list = []
        lines: dict[int, tuple[int, int]] = {}  # id(entry) -> its first and last line (1-based)
        for b in lib.blocks:
            if isinstance(b, (Entry, DuplicateFieldKeyBlock)):
                e = b if isinstance(b, Entry) else b.ignore_error_block
                problem = _too_long(e)
                if problem:
                    blocks.append(Rejected(e.key or f"line {b.start_line + 1}", problem))
                    continue
                first = (b.start_line or 0) + 1
                lines[id(e)] = (first, first + str(b.raw or "").count("\n"))
                blocks.append(e)
            elif type(b).__name__.endswith("FailedBlock") or type(b).__name__.endswith("ErrorBlock"):
                first = " ".join(str(b.raw).split())[:60]
                blocks.append(Rejected(f"line {b.start_line + 1}", f"unreadable BibTeX block ({first}...)"))
        if not blocks:
            raise IngestError("no BibTeX entries found", file=filename)
        decoder = _LatexDecoding()
        for b in blocks:
            if isinstance(b, Rejected):
                yield b
                continue
            first, last = lines.get(id(b), (0, 0))
            # Authors are split before decoding (see _authors); a value the decoder refuses keeps its raw text.
            authors = str(b.fields_dict["author"].value) if "author" in b.fields_dict else ""
            for f in b.fields:
                if f.key in USED and isinstance(f.value, str):
                    f.value = decoder.decode(f.value)
            rec = convert(b, authors)
            repairs.mark(rec.extra, first, last)
            if not rec.title and not rec.abstract_sections:
                yield Rejected(rec.source_id or "?", "neither title nor abstract")
                continue
            yield rec


IMPORTER = BibtexImporter()
