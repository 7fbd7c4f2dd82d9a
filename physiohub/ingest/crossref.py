"""Crossref REST API JSON: one work (``/works/{doi}``), a ``/works`` list, or JSON lines of works.

The envelope ``{"status", "message-type", "message"}`` is optional (bare work objects are accepted).
Abstracts arrive as JATS XML (``<jats:sec><jats:title>Methods</jats:title><jats:p>…``): each ``sec``
becomes a labelled section; a lone "Abstract" heading is dropped; unlabelled paragraphs are checked
for inline labels ("BACKGROUND: …"). Titles keep i/b/sup/sub. ``updated-by`` a retraction marks the
work retracted; ``update-to`` a retraction marks a retraction notice.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import IngestError
from ..models import AbstractSection, Author, Record
from .base import Rejected
from .detect import decode_text
from .markup import element_text, fragment_root, string_markup
from .normalize import clean_text, nlm_category, normalize_doi, retracted_title, split_structured_abstract
from .pubdate import date_parts

TYPES = {
    "journal-article": "Journal Article", "book-chapter": "Book Chapter", "book": "Book",
    "proceedings-article": "Conference Paper", "posted-content": "Preprint", "dataset": "Dataset",
    "report": "Report", "peer-review": "Peer Review", "dissertation": "Dissertation",
    "monograph": "Book", "edited-book": "Book", "reference-entry": "Reference Entry",
}
DATE_KEYS = ("published-print", "published-online", "published", "issued", "posted", "created")


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return clean_text(str(value)) if value else ""


def jats_sections(jats: str) -> list[AbstractSection]:
    """A Crossref JATS abstract -> labelled sections."""
    root = fragment_root(jats)
    if root is None:
        return split_structured_abstract(jats)
    secs = root.findall(".//sec")
    sections: list[AbstractSection] = []
    if secs:
        for sec in secs:
            t = sec.find("title")
            label = element_text(t) if t is not None else ""
            body = " ".join(element_text(p) for p in sec.findall("p"))
            if body:
                sections.append(AbstractSection(text=body, label=label, category=nlm_category(label)))
        return sections
    for t in root.findall("title"):  # "Abstract" / "Summary" heading: not a section label
        root.remove(t) if t.getparent() is root else None
    paras = [element_text(p) for p in root.iter("p")] or [element_text(root)]
    text = " ".join(p for p in paras if p)
    return split_structured_abstract(text)


def convert(w: dict[str, Any]) -> Record:
    rec = Record(source_format="crossref-json")
    rec.doi = normalize_doi(w.get("DOI"))
    rec.source_id = rec.doi
    rec.title, rec.title_html = string_markup(_first(w.get("title")))
    subtitle = _first(w.get("subtitle"))
    if subtitle and rec.title:
        sub_plain, sub_html = string_markup(subtitle)
        rec.title, rec.title_html = f"{rec.title}: {sub_plain}", f"{rec.title_html}: {sub_html}"
    if w.get("abstract"):
        rec.abstract_sections = jats_sections(w["abstract"])
    for a in w.get("author") or []:
        au = Author(last=clean_text(a.get("family")), fore=clean_text(a.get("given")),
                    collective=clean_text(a.get("name")) if not a.get("family") else "")
        au.initials = "".join(p[0] for p in au.fore.replace("-", " ").split() if p[:1].isalpha()).upper()
        au.affiliations = [clean_text(x.get("name")) for x in a.get("affiliation") or [] if x.get("name")]
        orcid = a.get("ORCID") or ""
        au.orcid = orcid.rsplit("/", 1)[-1] if orcid else ""
        rec.authors.append(au)
    rec.journal = _first(w.get("container-title"))
    rec.journal_abbrev = _first(w.get("short-container-title"))
    rec.volume = clean_text(w.get("volume"))
    rec.issue = clean_text(w.get("issue"))
    rec.pages = clean_text(w.get("page") or w.get("article-number"))
    for key in DATE_KEYS:
        year, iso = date_parts((w.get(key) or {}).get("date-parts"))
        if year:
            rec.year, rec.pub_date = year, iso
            break
    kind = w.get("type") or ""
    if kind:
        rec.extra["crossref_type"] = kind
        rec.publication_types.append(TYPES.get(kind, kind.replace("-", " ").capitalize()))
    rec.keywords = [clean_text(s) for s in w.get("subject") or [] if s]
    rec.language = clean_text(w.get("language"))
    rec.url = clean_text(w.get("URL")) or (f"https://doi.org/{rec.doi}" if rec.doi else "")
    rec.book = kind in ("book", "book-chapter", "monograph", "edited-book")
    for upd in w.get("updated-by") or []:
        if (upd.get("type") or "").lower() in ("retraction", "withdrawal", "removal"):
            rec.retracted = True
            rec.retraction_notes.append(f"RetractionIn: {upd.get('DOI', '')}".strip())
    for upd in w.get("update-to") or []:
        if (upd.get("type") or "").lower() == "retraction":
            rec.retraction_notes.append(f"RetractionOf: {upd.get('DOI', '')}".strip())
            rec.publication_types.append("Retraction of Publication")
    if retracted_title(rec.title):
        rec.retracted = True
        rec.retraction_notes.append("title marked RETRACTED by the publisher")
    if w.get("publisher"):
        rec.extra["publisher"] = clean_text(w["publisher"])
    return rec


def _works(doc: Any, filename: str) -> list[Any]:
    if isinstance(doc, dict) and "message" in doc:
        if doc.get("status") not in (None, "ok"):
            raise IngestError(f"Crossref error response: {str(doc.get('message'))[:200]}", file=filename)
        doc = doc["message"]
    if isinstance(doc, dict) and isinstance(doc.get("items"), list):
        return doc["items"]
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        return [doc]
    raise IngestError("not Crossref JSON (expected a work or a /works message)", file=filename)


class CrossrefImporter:
    name = "crossref-json"
    extensions = (".json",)

    def sniff(self, head: str) -> bool:
        s = head.lstrip()
        return s.startswith(("{", "[")) and ('"DOI"' in s[:20000] or '"message-type"' in s[:2000])

    def parse(self, data: bytes, filename: str) -> Iterator[Record | Rejected]:
        text, _enc = decode_text(data, filename)
        try:
            items: list[tuple[str, Any]] = [(f"#{i}", w) for i, w in enumerate(_works(json.loads(text), filename), 1)]
        except RecursionError:  # arrays or objects nested thousands deep: hostile, never Crossref
            raise IngestError("invalid JSON: nested too deeply", file=filename) from None
        except json.JSONDecodeError as e:
            if e.msg != "Extra data":
                raise IngestError(f"invalid JSON at line {e.lineno}: {e.msg}", file=filename) from None
            items = []
            for n, line in enumerate(text.splitlines(), start=1):
                if not line.strip():
                    continue
                try:
                    items.append((f"line {n}", json.loads(line)))
                except json.JSONDecodeError as le:
                    items.append((f"line {n}", Rejected(f"line {n}", f"invalid JSON: {le.msg}")))
                except RecursionError:
                    items.append((f"line {n}", Rejected(f"line {n}", "invalid JSON: nested too deeply")))
        for where, w in items:
            if isinstance(w, Rejected):
                yield w
                continue
            if not isinstance(w, dict):
                yield Rejected(where, "not a Crossref work object")
                continue
            rec = convert(w)
            if not rec.title and not rec.abstract_sections:
                yield Rejected(rec.doi or where, "neither title nor abstract")
                continue
            yield rec


IMPORTER = CrossrefImporter()
