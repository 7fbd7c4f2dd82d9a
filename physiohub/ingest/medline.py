"""MEDLINE text: PubMed's "MEDLINE" format and the .nbib files citation managers download.

Each line is a tag padded to four characters, '- ', and a value; continuation lines start with
six spaces; records are separated by blank lines (or by the next ``PMID-``). Author details follow
their author: ``FAU``/``AU`` start an author, the ``AD`` and ``AUID`` lines after it are theirs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Author, MeshHeading, Record
from .base import Rejected
from .detect import decode_text
from .normalize import (clean_text, normalize_doi, normalize_pmcid, normalize_pmid,
                        split_structured_abstract)
from .pubdate import medline_date

_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- ?(.*)$")
_ID_KIND = re.compile(r"^(.*?)\s*\[(\w+)\]\s*$")


def _records(text: str) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """Yield (line number, [(tag, value)]) per record, continuation lines joined."""
    fields: list[tuple[str, str]] = []
    start = 0
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            if fields:
                yield start, fields
                fields = []
            continue
        if line.startswith("      ") and fields:
            tag, val = fields[-1]
            fields[-1] = (tag, f"{val} {line.strip()}")
            continue
        m = _LINE.match(line)
        if not m:
            if fields:  # stray text inside a record: keep it with the previous field
                tag, val = fields[-1]
                fields[-1] = (tag, f"{val} {line.strip()}")
            continue
        tag, val = m.group(1), m.group(2).strip()
        if tag == "PMID" and fields:
            yield start, fields
            fields = []
        if not fields:
            start = n
        fields.append((tag, val))
    if fields:
        yield start, fields


def _mesh(value: str) -> MeshHeading:
    """'Information Storage and Retrieval/*methods' -> heading with a major qualifier."""
    parts = value.split("/")
    desc = parts[0]
    quals = [(q.lstrip("*"), q.startswith("*")) for q in parts[1:]]
    major = desc.startswith("*") or any(m for _, m in quals)
    return MeshHeading(descriptor=desc.lstrip("*"), major=major, qualifiers=quals)


def convert(fields: list[tuple[str, str]]) -> Record:
    rec = Record(source_format="medline")
    author: Author | None = None
    abstract = ""
    for tag, val in fields:
        if tag == "PMID":
            rec.pmid = normalize_pmid(val)
        elif tag == "TI":
            rec.title = clean_text(val)
        elif tag == "BTI" and not rec.title:
            rec.title = clean_text(val)
            rec.book = True
        elif tag == "AB":
            abstract = val
        elif tag == "FAU":
            last, _, fore = val.partition(",")
            author = Author(last=last.strip(), fore=fore.strip())
            rec.authors.append(author)
        elif tag == "AU":
            # AU follows its FAU; a file with only AU lines gets one author per AU line.
            last, _, initials = val.rpartition(" ")
            if author is not None and not author.initials and author.last == last:
                author.initials = initials
            else:
                author = Author(last=last or val, initials=initials if last else "")
                rec.authors.append(author)
        elif tag == "CN":
            author = Author(collective=clean_text(val))
            rec.authors.append(author)
        elif tag == "AD" and author is not None:
            author.affiliations.append(clean_text(val))
        elif tag == "AUID" and author is not None and "orcid" in val.lower():
            m = re.search(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", val)
            author.orcid = m.group(0) if m else ""
        elif tag == "JT":
            rec.journal = clean_text(val)
        elif tag == "TA":
            rec.journal_abbrev = clean_text(val)
        elif tag == "VI":
            rec.volume = val
        elif tag == "IP":
            rec.issue = val
        elif tag == "PG":
            rec.pages = val
        elif tag == "DP":
            rec.year, rec.pub_date = medline_date(val)
        elif tag == "PT":
            rec.publication_types.append(val)
        elif tag == "MH":
            rec.mesh.append(_mesh(val))
        elif tag == "OT":
            rec.keywords.append(clean_text(val))
        elif tag == "LA" and not rec.language:
            rec.language = val
        elif tag in ("AID", "LID"):
            m = _ID_KIND.match(val)
            if m and m.group(2) == "doi" and not rec.doi:
                rec.doi = normalize_doi(m.group(1))
        elif tag == "PMC":
            rec.pmcid = normalize_pmcid(val)
        elif tag in ("RIN", "CRIN"):
            rec.retracted = True
            rec.retraction_notes.append(f"RetractionIn: {clean_text(val)}")
        elif tag in ("ROF", "CROF"):
            rec.retraction_notes.append(f"RetractionOf: {clean_text(val)}")
        elif tag == "IS" and "issn" not in rec.extra:
            rec.extra["issn"] = val.split(" ")[0]
        elif tag == "SO":
            rec.extra["citation"] = clean_text(val)
    rec.abstract_sections = split_structured_abstract(abstract)
    if "Retracted Publication" in rec.publication_types:
        rec.retracted = True
    rec.source_id = rec.pmid
    rec.title_html = rec.title
    if rec.pmid:
        rec.url = f"https://pubmed.ncbi.nlm.nih.gov/{rec.pmid}/"
    return rec


class MedlineImporter:
    name = "medline"
    extensions = (".nbib", ".medline", ".txt")

    def sniff(self, head: str) -> bool:
        return re.search(r"^PMID- ?\d+", head.lstrip("\ufeff\r\n "), re.M) is not None and (
            re.search(r"^(TI|AB|FAU|AU)  - ", head, re.M) is not None)

    def parse(self, data: bytes, filename: str) -> Iterator[Record | Rejected]:
        text, _enc = decode_text(data, filename)
        count = 0
        for line_no, fields in _records(text):
            count += 1
            rec = convert(fields)
            where = f"PMID {rec.pmid}" if rec.pmid else f"#{count} (line {line_no})"
            if not rec.title and not rec.abstract_sections:
                yield Rejected(rec.pmid or f"#{count}", "neither title (TI) nor abstract (AB)" if rec.pmid else f"{where}: neither title (TI) nor abstract (AB)")
                continue
            yield rec


IMPORTER = MedlineImporter()
