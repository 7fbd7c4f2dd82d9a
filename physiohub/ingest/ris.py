"""RIS from reference managers and databases: Zotero, EndNote, Mendeley, Scopus, Ovid, Web of Science.

Parsed with ``rispy``; the flavours differ in where they put things, so each field has a list of
tags tried in order (declared below as data). Identifiers hide in many places:

* DOI: ``DO``; else a DOI URL or ``doi:`` note in ``UR``, ``L3``, ``M3``, ``N1``, ``M1``.
* PMID: ``AN`` when the database is PubMed/MEDLINE (EndNote/Ovid put the PubMed accession there), or
  a short all-digit ``AN`` from an unnamed database (Embase/Scopus accession numbers are longer or
  prefixed); else "PMID: n" in notes or a PubMed URL. PMCID: ``C2`` ("PMC4348420") or notes.
* Abstract: ``AB``, else ``N2`` (older EndNote and Ovid put the abstract in N2).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import rispy

from ..errors import IngestError
from ..models import Author, Record
from .base import Rejected
from .detect import decode_lines
from .markup import string_markup
from .normalize import (clean_text, doi_from_text, initials_of, normalize_doi, normalize_pmid, pmcid_from_text,
                        pmid_from_text, retracted_title, split_name, split_structured_abstract)
from .pubdate import parse_date

# rispy key names (see rispy.TAG_KEY_MAPPING), tried in order.
TITLE = ("title", "primary_title", "translated_title", "short_title")
JOURNAL = ("secondary_title", "journal_name", "alternate_title3", "alternate_title2", "alternate_title1")
JOURNAL_ABBREV = ("alternate_title1", "alternate_title2")
ABSTRACT = ("abstract", "notes_abstract")
DATE = ("year", "publication_year", "date")
DOI_TEXT = ("urls", "file_attachments2", "type_of_work", "notes", "note", "custom1", "custom2", "custom7",
            "research_notes", "unknown_tag")
PMID_TEXT = ("notes", "note", "custom1", "custom2", "custom3", "custom6", "urls", "research_notes", "unknown_tag")
PUBMED_DBS = re.compile(r"pubmed|medline|\bnlm\b", re.I)
OTHER_DBS = re.compile(r"embase|scopus|psyc|cinahl|web of science|wos|cochrane|sportdiscus|pedro", re.I)
DOC_TYPE_WORDS = re.compile(r"^[A-Za-z][A-Za-z ,&-]{2,60}$")


def _first(entry: dict[str, Any], keys: tuple[str, ...]) -> str:
    for k in keys:
        v = entry.get(k)
        if isinstance(v, list):
            v = v[0] if v else ""
        if v and str(v).strip():
            return str(v).strip()
    return ""


def _one(entry: dict[str, Any], key: str) -> str:
    """A single-valued tag as text: rispy turns a tag given twice into a list (the first one counts)."""
    v = entry.get(key)
    if isinstance(v, list):
        v = v[0] if v else ""
    return v if isinstance(v, str) else ""


def _texts(entry: dict[str, Any], keys: tuple[str, ...]) -> Iterator[str]:
    for k in keys:
        v = entry.get(k)
        for item in (v if isinstance(v, list) else [v]):
            if isinstance(item, dict):  # rispy's unknown_tag: {tag: [values]}
                for vals in item.values():
                    yield from (str(x) for x in (vals if isinstance(vals, list) else [vals]))
            elif item:
                yield str(item)


def _pmid(entry: dict[str, Any]) -> str:
    an = _one(entry, "accession_number").strip()
    db = " ".join(str(entry.get(k) or "") for k in ("name_of_database", "database_provider"))
    if an.isdigit():
        if PUBMED_DBS.search(db) or (len(an) <= 8 and not OTHER_DBS.search(db)):
            return normalize_pmid(an)
    for text in _texts(entry, PMID_TEXT):
        p = pmid_from_text(text)
        if p:
            return p
    return ""


def convert(entry: dict[str, Any]) -> Record:
    rec = Record(source_format="ris")
    rec.source_id = _one(entry, "id").strip()
    rec.title, rec.title_html = string_markup(_first(entry, TITLE))
    rec.abstract_sections = split_structured_abstract(_first(entry, ABSTRACT))
    names = entry.get("authors") or entry.get("first_authors") or []
    for n in names if isinstance(names, list) else [names]:
        last, fore = split_name(n)
        rec.authors.append(Author(last=last, fore=fore, initials=initials_of(fore)))
    address = clean_text(_one(entry, "author_address"))
    if address and rec.authors:
        rec.authors[0].affiliations.append(address)
    rec.journal = clean_text(_first(entry, JOURNAL))
    abbrev = clean_text(_first(entry, JOURNAL_ABBREV))
    rec.journal_abbrev = abbrev if abbrev != rec.journal else ""
    rec.volume = _first(entry, ("volume",))
    rec.issue = _first(entry, ("number",))
    sp, ep = _first(entry, ("start_page",)), _first(entry, ("end_page",))
    rec.pages = f"{sp}-{ep}" if sp and ep and "-" not in sp else sp
    for k in DATE:
        year, iso = parse_date(_one(entry, k))
        if year:
            rec.year, rec.pub_date = year, iso
            break
    kws = entry.get("keywords") or []
    rec.keywords = [clean_text(k) for k in (kws if isinstance(kws, list) else [kws]) if clean_text(str(k))]
    rec.language = _first(entry, ("language",))
    doc_type = _first(entry, ("type_of_work",))
    if doc_type and DOC_TYPE_WORDS.match(doc_type) and "doi" not in doc_type.lower():
        rec.publication_types.append(doc_type)
    rec.doi = normalize_doi(_first(entry, ("doi",)))
    if not rec.doi:
        for text in _texts(entry, DOI_TEXT):
            rec.doi = doi_from_text(text)
            if rec.doi:
                break
    rec.pmid = _pmid(entry)
    for text in _texts(entry, ("custom2", "notes", "custom1")):
        rec.pmcid = pmcid_from_text(text)
        if rec.pmcid:
            break
    urls = entry.get("urls") or []
    rec.url = str(urls[0] if isinstance(urls, list) else urls) if urls else ""
    if retracted_title(rec.title):
        rec.retracted = True
        rec.retraction_notes.append("title marked RETRACTED by the publisher")
    rec.extra["ris_type"] = _one(entry, "type_of_reference")
    db = _first(entry, ("name_of_database",))
    if db:
        rec.extra["database"] = db
    rec.book = rec.extra["ris_type"] in ("BOOK", "CHAP", "EBOOK", "ECHAP", "EDBOOK")
    return rec


def _record_text(text: str) -> tuple[str, int]:
    """Drop anything before the first TY line (EndNote and some exports start with a banner); the
    number of lines dropped comes along, so record line numbers still count from the file's start."""
    m = re.search(r"^\s*TY  -", text, re.M)
    return (text[m.start():], text.count("\n", 0, m.start())) if m else (text, 0)


class RisImporter:
    name = "ris"
    extensions = (".ris", ".txt")

    def sniff(self, head: str) -> bool:
        return re.search(r"^\s*TY  - ", head, re.M) is not None

    def parse(self, data: bytes, filename: str) -> Iterator[Record | Rejected]:
        text, _enc, repairs = decode_lines(data, filename)
        text, skipped = _record_text(text.replace("\r\n", "\n").replace("\r", "\n"))
        if "TY  -" not in text:
            raise IngestError("no RIS records (no 'TY  - ' line)", file=filename)
        for n, (line_no, chunk) in enumerate(_split_records(text, skipped), start=1):
            # Each record is parsed on its own: a record missing its ER line (a cut file, or a
            # second TY inside a record) is refused alone instead of swallowing its neighbour.
            if not _END.search(chunk):
                yield Rejected(f"#{n}", f"record at line {line_no} has no ER line (truncated or malformed)")
                continue
            try:
                (entry,) = rispy.loads(chunk, skip_unknown_tags=False, enforce_list_tags=False)
                rec = convert(entry)
            except Exception as e:  # noqa: BLE001 - rispy fails with TypeError & co. on odd tag mixes:
                # one bad record is one rejection, never the whole file
                reason = str(e).splitlines()[0] if str(e) else ""
                reason = f"{type(e).__name__}: {reason}" if reason else type(e).__name__
                yield Rejected(f"#{n}", f"record at line {line_no} is malformed RIS ({reason[:120]})")
                continue
            repairs.mark(rec.extra, line_no, line_no + chunk.count("\n"))
            where = rec.source_id or f"#{n}"
            if not rec.title and not rec.abstract_sections:
                yield Rejected(where, "neither title (TI/T1) nor abstract (AB/N2)")
                continue
            rec.source_id = rec.source_id or rec.pmid or rec.doi
            yield rec


_START = re.compile(r"^[ \t]*TY  -", re.M)
_END = re.compile(r"^ER  -", re.M)


def _split_records(text: str, skipped: int = 0) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each record, split at its TY line; ``skipped`` lines came before."""
    starts = [m.start() for m in _START.finditer(text)]
    line, at = skipped + 1, 0
    for i, s in enumerate(starts):
        chunk = text[s: starts[i + 1] if i + 1 < len(starts) else len(text)]
        line += text.count("\n", at, s)  # counted from the previous start: linear in the file size
        at = s
        yield line, chunk.lstrip()


IMPORTER = RisImporter()
