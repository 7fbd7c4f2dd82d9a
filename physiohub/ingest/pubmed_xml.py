"""PubMed/MEDLINE XML: efetch output, PubMed "XML" exports, annual baseline and update files.

Streaming and safe:
* ``lxml.etree.XMLPullParser`` fed 1 MB chunks, filtered to ``PubmedArticle``/``PubmedBookArticle``;
  each element is converted, then cleared and unlinked from the root, so memory is flat.
* The DOCTYPE's DTD is never loaded or fetched (``load_dtd=False, no_network=True``), entities are never
  expanded (``resolve_entities=False``), and ``huge_tree=False`` keeps libxml2's size limits. Real PubMed
  files never declare entities, so a prolog that does (XXE, billion laughs) is refused outright with
  ``UnsafeInputError`` before parsing starts.
* Field mapping (and the DTD vintages 2015-2025) lives in ``pubmed_fields``.
"""
from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from ..errors import IngestError, UnsafeInputError
from ..models import Record
from .base import Rejected
from .pubmed_fields import convert_article, convert_book

log = logging.getLogger("physiohub.ingest")

CHUNK = 1 << 20
MAX_PROLOG = 4 << 20  # real files have ~300 bytes before the root element
ROOTS = {"PubmedArticleSet", "PubmedBookArticleSet", "PubmedArticle", "PubmedBookArticle"}
_ROOT_START = re.compile(rb"<([A-Za-z_][\w.:-]*)")
# Every PubMed XML parser's safety: no DTD loaded or fetched, entities never expanded, libxml2's size
# limits kept (``pubmed_split`` parses its pieces with the same).
SAFE_PARSING = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)


_NAME_START = re.compile(rb"[A-Za-z_:\x80-\xff]")


def root_start(head: bytes) -> int | None:
    """Offset of the root element's ``<`` in ``head``, read the way an XML parser reads the prolog; None
    if ``head`` ends before it. Comments, processing instructions and a DOCTYPE (with its internal
    subset, whose comments and quoted literals may hold ``]``, ``>`` or tags) are skipped whole, so
    nothing inside them can pass for the root and leave a declaration after it unchecked."""
    i, n = 0, len(head)
    while True:
        i = head.find(b"<", i)
        if i < 0 or i + 1 >= n:
            return None
        if head.startswith(b"<?", i):
            j = head.find(b"?>", i + 2)
            i = -1 if j < 0 else j + 2
        elif head.startswith(b"<!--", i):
            j = head.find(b"-->", i + 4)
            i = -1 if j < 0 else j + 3
        elif head.startswith(b"<!", i):
            i = _declaration_end(head, i + 2)
        elif _NAME_START.match(head, i + 1):
            return i
        else:
            i += 1  # not markup a prolog can hold: the parser will say what is wrong
        if i < 0:
            return None


def _declaration_end(head: bytes, i: int) -> int:
    """Offset just past a ``<!DOCTYPE ...>`` (or other ``<!...>``) starting before ``i``; -1 if unseen."""
    n = len(head)
    subset = False
    while i < n:
        c = head[i:i + 1]
        if c in (b'"', b"'"):
            j = head.find(c, i + 1)
            if j < 0:
                return -1
            i = j + 1
        elif subset and head.startswith(b"<!--", i):
            j = head.find(b"-->", i + 4)
            if j < 0:
                return -1
            i = j + 3
        elif subset and head.startswith(b"<?", i):
            j = head.find(b"?>", i + 2)
            if j < 0:
                return -1
            i = j + 2
        elif c == b"[" and not subset:
            subset = True
            i += 1
        elif c == b"]" and subset:
            subset = False
            i += 1
        elif c == b">" and not subset:
            return i + 1
        else:
            i += 1
    return -1


def check_prolog(prolog: bytes, filename: str) -> None:
    """Refuse a prolog that declares entities (PubMed XML never does)."""
    if prolog.startswith((b"\xff\xfe", b"\xfe\xff")):
        prolog = prolog.decode("utf-16", errors="ignore").encode()
    if b"<!ENTITY" in prolog:
        raise UnsafeInputError(
            "refused: the XML declares entities in its DOCTYPE (external-entity or entity-expansion attack; "
            "PubMed XML never declares any)", file=filename)


def read_record(el: etree._Element, position: int, last_pmid: str) -> Record | Rejected:
    """One ``PubmedArticle``/``PubmedBookArticle`` -> Record, or Rejected with a one-line reason
    (``position``: the record's number, ``last_pmid``: the PMID read before it, for the message)."""
    try:
        rec = convert_book(el) if el.tag == "PubmedBookArticle" else convert_article(el)
    except (ValueError, TypeError, AttributeError) as e:  # a malformed record, not the file
        return Rejected(f"#{position}", f"cannot read record after PMID {last_pmid or '-'}: {e}")
    if not rec.pmid:
        return Rejected(f"#{position}", "no PMID")
    if not rec.title and not rec.abstract_sections:
        return Rejected(rec.pmid, "neither title nor abstract")
    return rec


class PubmedXmlImporter:
    name = "pubmed-xml"
    extensions = (".xml",)

    def sniff(self, head: str) -> bool:
        return any(s in head for s in ("<PubmedArticleSet", "<PubmedArticle>", "<PubmedBookArticle",
                                       "DTD PubMedArticle"))

    def parse(self, data: bytes, filename: str) -> Iterator[Record | Rejected]:
        return self.parse_stream(io.BytesIO(data), filename)

    def parse_stream(self, fp: BinaryIO, filename: str) -> Iterator[Record | Rejected]:
        parser = etree.XMLPullParser(
            events=("end",), tag=("PubmedArticle", "PubmedBookArticle", "DeleteCitation"), **SAFE_PARSING)
        prolog = b""
        root_seen = False
        count = deleted = 0
        last = ""
        while True:
            chunk = fp.read(CHUNK)
            if not root_seen:
                prolog += chunk
                start = root_start(prolog)
                if start is None and chunk and len(prolog) < MAX_PROLOG:
                    continue
                check_prolog(prolog if start is None else prolog[:start], filename)
                if start is None and len(prolog) >= MAX_PROLOG:
                    raise UnsafeInputError("refused: more than 4 MB before the XML root element", file=filename)
                m = _ROOT_START.match(prolog, start) if start is not None else None
                if m is None:
                    raise IngestError("no XML root element found (empty or not XML)", file=filename)
                root = m.group(1).decode("ascii", "replace").split(":")[-1]
                if root not in ROOTS:
                    raise IngestError(f"not PubMed XML: root element <{root}> (expected <PubmedArticleSet>)",
                                      file=filename)
                root_seen = True
                chunk, prolog = prolog, b""
            try:
                if chunk:
                    parser.feed(chunk)
                else:
                    parser.close()
                for _, el in parser.read_events():
                    if el.tag == "DeleteCitation":  # update files: PMIDs NLM withdrew
                        deleted += sum(1 for p in el if p.tag == "PMID")
                        el.clear()
                        continue
                    count += 1
                    item = read_record(el, count, last)
                    el.clear()
                    parent = el.getparent()
                    if parent is not None:
                        while el.getprevious() is not None:
                            del parent[0]
                    if isinstance(item, Record):
                        last = item.pmid
                    yield item
            except etree.XMLSyntaxError as e:
                where = f" after PMID {last}" if last else ""
                msg = str(e.msg if hasattr(e, "msg") and e.msg else e).strip().splitlines()[0]
                if "entit" in msg.lower() and ("loop" in msg.lower() or "amplification" in msg.lower()):
                    raise UnsafeInputError(f"refused: entity expansion ({msg})", file=filename) from None
                raise IngestError(
                    f"XML is truncated or malformed at line {e.lineno}{where}: {msg}", file=filename) from None
            if not chunk:
                break
        if deleted:
            # Deletions are NLM's, not the editor's: report them, never delete studies silently.
            log.warning("%s: %d DeleteCitation PMID(s) listed (update file); studies are not deleted", filename,
                        deleted)


IMPORTER = PubmedXmlImporter()
