"""CSV/TSV exports, read by their header: PubMed "CSV", Scopus, Zotero, Rayyan/ASReview and screening sets.

Column names are matched case- and punctuation-insensitively against the aliases in ``COLUMNS``
(data, not code: add a tool's spelling there). Columns we do not know are kept per record in
``extra["columns"]`` (screening labels, cite counts) so nothing in the file is lost. The delimiter
is sniffed (comma, semicolon, tab). Authors are split on ';' (Scopus, Zotero, Cohen 2006), else on
',' when the cell looks like PubMed's "Smith J, Doe A".
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

from ..errors import IngestError
from ..models import Author, Record
from .base import Rejected
from .detect import decode_lines
from .normalize import (clean_text, doi_from_text, initials_of, normalize_doi, normalize_pmcid, normalize_pmid,
                        retracted_title, split_name, split_structured_abstract)
from .pubdate import parse_date

COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "article title", "document title", "ti", "primary title", "articletitle"),
    "abstract": ("abstract", "abstracts", "ab", "abstract note", "description", "summary"),
    "doi": ("doi", "do", "digital object identifier", "article doi"),
    "pmid": ("pmid", "pubmed id", "pubmedid", "pubmed", "pm"),
    "pmcid": ("pmcid", "pmc", "pmc id"),
    "year": ("year", "publication year", "py", "pubyear", "pub year", "date", "publication date", "create date"),
    "authors": ("authors", "author", "au", "author full names", "author names", "af"),
    "journal": ("journal", "source title", "journal/book", "journal book", "publication title", "so",
                "journal title", "secondary title", "source", "jt"),
    "journal_abbrev": ("journal abbreviation", "abbreviated source title", "ta", "j9"),
    "keywords": ("keywords", "author keywords", "index keywords", "manual tags", "kw", "de", "mesh",
                 "mesh terms", "mesh headings"),
    "volume": ("volume", "vl", "vi"),
    "issue": ("issue", "number", "is", "ip"),
    "pages": ("pages", "page", "pg", "page range"),
    "page_start": ("page start", "start page", "bp"),
    "page_end": ("page end", "end page", "ep"),
    "language": ("language", "language of original document", "la"),
    "publication_types": ("document type", "publication type", "item type", "pt", "dt", "type"),
    "url": ("url", "link", "ur"),
}
_ALIASES = {alias: field for field, aliases in COLUMNS.items() for alias in aliases}
_NON_ALNUM = re.compile(r"[^a-z0-9/]+")
_PUBMED_AUTHOR = re.compile(r"^[\w' -]+ [A-Z]{1,4}$")


def _key(header: str) -> str:
    return _NON_ALNUM.sub(" ", header.lower().replace("_", " ")).strip()


def map_header(header: list[str]) -> dict[int, str]:
    """Column index -> field name; the first column claiming a field wins."""
    out: dict[int, str] = {}
    taken: set[str] = set()
    for i, h in enumerate(header):
        field = _ALIASES.get(_key(h))
        if field and field not in taken:
            out[i] = field
            taken.add(field)
    return out


def _authors(cell: str) -> list[Author]:
    cell = cell.strip()
    if not cell:
        return []
    if ";" in cell:
        names = cell.split(";")
    elif all(_PUBMED_AUTHOR.match(p.strip()) for p in cell.split(",")):
        names = cell.split(",")  # PubMed CSV: "Smith J, Doe A"
    else:
        names = [cell]
    out = []
    for n in names:
        last, fore = split_name(n)
        if last:
            fore_initials = fore if fore.replace(" ", "").isupper() and len(fore.replace(" ", "")) <= 4 else ""
            out.append(Author(last=last, fore="" if fore_initials else fore,
                              initials=fore_initials.replace(" ", "") or initials_of(fore)))
    return out


def _split_list(cell: str) -> list[str]:
    return [clean_text(x) for x in re.split(r"\s*;\s*", cell) if clean_text(x)]


def convert(row: list[str], columns: dict[int, str], header: list[str]) -> Record:
    rec = Record(source_format="csv")
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for i, cell in enumerate(row):
        field = columns.get(i)
        if field:
            values[field] = cell.strip()
        elif i < len(header) and cell.strip():
            extra[header[i]] = cell.strip()
    rec.title = clean_text(values.get("title"))
    rec.title_html = rec.title
    # Cohen 2006 joins abstract paragraphs with '; ' - a sentence end followed by ';' is a paragraph break.
    abstract = re.sub(r"(?<=[.!?])\s*;\s+", " ", values.get("abstract", ""))
    rec.abstract_sections = split_structured_abstract(abstract)
    rec.doi = normalize_doi(values.get("doi")) or doi_from_text(values.get("url"))
    rec.pmid = normalize_pmid(values.get("pmid"))
    rec.pmcid = normalize_pmcid(values.get("pmcid"))
    rec.year, rec.pub_date = parse_date(values.get("year"))
    rec.authors = _authors(values.get("authors", ""))
    rec.journal = clean_text(values.get("journal"))
    rec.journal_abbrev = clean_text(values.get("journal_abbrev"))
    rec.volume, rec.issue = values.get("volume", ""), values.get("issue", "")
    rec.pages = values.get("pages") or "-".join(p for p in (values.get("page_start"), values.get("page_end")) if p)
    rec.keywords = _split_list(values.get("keywords", ""))
    rec.language = values.get("language", "")
    rec.publication_types = _split_list(values.get("publication_types", ""))
    rec.url = values.get("url", "") or (f"https://pubmed.ncbi.nlm.nih.gov/{rec.pmid}/" if rec.pmid else "")
    rec.source_id = rec.pmid or rec.doi
    if extra:
        rec.extra["columns"] = extra
    if retracted_title(rec.title):
        rec.retracted = True
        rec.retraction_notes.append("title marked RETRACTED by the publisher")
    return rec


def _dialect(text: str, filename: str) -> type[csv.Dialect] | csv.Dialect:
    first = text.split("\n", 1)[0]
    if filename.lower().endswith(".tsv") or first.count("\t") > max(first.count(","), first.count(";")):
        return csv.excel_tab
    if first.count(";") > first.count(","):
        class Semi(csv.excel):
            delimiter = ";"
        return Semi
    return csv.excel


class CsvImporter:
    name = "csv"
    extensions = (".csv", ".tsv")

    def sniff(self, head: str) -> bool:
        first = head.lstrip("\ufeff").split("\n", 1)[0]
        if not any(d in first for d in (",", ";", "\t")) or first.lstrip().startswith(("{", "<", "@")):
            return False
        cells = re.split(r"[,;\t]", first)
        fields = {_ALIASES.get(_key(c.strip().strip('"'))) for c in cells}
        return "title" in fields and len(fields - {None}) >= 2

    def parse(self, data: bytes, filename: str) -> Iterator[Record | Rejected]:
        text, _enc, repairs = decode_lines(data, filename)
        dialect = _dialect(text, filename)
        lines = _Lines(list(io.StringIO(text, newline="")))  # split at \n, \r\n, \r only; ends kept
        reader = csv.reader(lines, dialect=dialect, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise IngestError("empty CSV", file=filename) from None
        except csv.Error as e:
            raise IngestError(f"malformed CSV header: {e}", file=filename) from None
        columns = map_header(header)
        if not {"title", "abstract"} & set(columns.values()):
            raise IngestError(
                f"no title or abstract column in the header ({', '.join(header[:8])}); "
                f"expected one of: {', '.join(COLUMNS['title'][:3])} / {', '.join(COLUMNS['abstract'][:2])}",
                file=filename)
        while True:
            start = lines.i  # index of the row's first line; its line number is start + 1
            try:
                row = next(reader)
                problem = None
                if lines.i - start > 1 and len(row) != len(header):
                    problem = (f"malformed row: a quoted field runs from line {start + 1} to line {lines.i} and the"
                               f" row has {len(row)} columns, not {len(header)} (unclosed quote?)")
            except StopIteration:
                return
            except csv.Error as e:
                row, problem = _one_line(lines, start, dialect, e)
            if problem:
                # Never let one bad quote swallow the rows after it: skip this row's first line only
                # and read on from the next one with a fresh reader.
                yield Rejected(f"line {start + 1}", problem)
                lines.i = start + 1
                reader = csv.reader(lines, dialect=dialect, strict=True)
                continue
            if not any(c.strip() for c in row):
                continue
            rec = convert(row, columns, header)
            repairs.mark(rec.extra, start + 1, max(lines.i, start + 1))
            if not rec.title and not rec.abstract_sections:
                yield Rejected(f"line {start + 1}", "neither title nor abstract")
                continue
            rec.source_id = rec.source_id or f"line {start + 1}"
            yield rec


class _Lines:
    """An iterator over the file's lines that knows where it is and can be moved back."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.i = 0

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        if self.i >= len(self.lines):
            raise StopIteration
        self.i += 1
        return self.lines[self.i - 1]


def _one_line(lines: _Lines, start: int, dialect: Any, err: csv.Error) -> tuple[list[str], str | None]:
    """After a strict-mode error: a row within one line with a stray quote ('"Title" extra,...') is
    read leniently, as before; a quote left open past its line end is a rejection."""
    if "end of data" in str(err) or lines.i - start > 1:
        return [], (f"malformed row: a quote opened on line {start + 1} is never closed" if "end of data" in str(err)
                    else f"malformed row: a quote opened on line {start + 1} runs into line {lines.i} ({err})")
    try:
        return next(csv.reader([lines.lines[start]], dialect=dialect)), None
    except (csv.Error, StopIteration) as e:
        return [], f"malformed row: {e}"


IMPORTER = CsvImporter()
