"""Large PubMed XML files parsed by several processes: the stream is cut at record boundaries.

Why: on a large file the parse (libxml2 building each record's tree, then our conversion) is most of
an import, and it runs on one core. A baseline-style file is a flat list of ``<PubmedArticle>``
elements, so the decompressed bytes can be cut after any ``</PubmedArticle>`` and each piece parsed
alone inside a ``<PubmedArticleSet>`` wrapper. Every worker process reads the same stream and cuts it
at the same places (the rule depends on the bytes only), parses every n-th piece, converts and
prepares its records, and hands them to the writer, which takes the pieces in file order. So the
records reach the writer in exactly the order the one-process importer gives them, and duplicate
handling is unchanged.

Safety is the one-process parser's: the prolog is checked the same way (no entity declarations, a
PubMed root), the pieces are parsed with DTDs off, entities unexpanded and libxml2's size limits on.
Anything unusual makes the fast path step aside rather than guess: a file that is not a plain UTF-8
``<PubmedArticleSet>``, a piece that does not parse alone (a comment or CDATA holding an end tag,
an entity only the DTD defines, a truncated file) raises ``SplitUnsuitable``; the caller then rolls
back and imports the file with the one-process parser, which gives the exact one-line error or
imports it correctly.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from ..models import Record
from .base import Rejected
from .pubmed_xml import MAX_PROLOG, check_prolog, read_record

READ = 1 << 20
_ROOT = re.compile(rb"<PubmedArticleSet\s*>")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_ENDS = (b"</PubmedArticle>", b"</PubmedBookArticle>")
_OPEN, _CLOSE = b"<PubmedArticleSet>", b"</PubmedArticleSet>"
_TAGS = {"PubmedArticle", "PubmedBookArticle"}


class SplitUnsuitable(Exception):
    """This file (or a piece of it) is not for the fast path; import it with the one-process parser."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True)


def pieces(fp: BinaryIO, filename: str) -> Iterator[tuple[bytes, bool]]:
    """(piece, is_last): the file's records in pieces of about ``READ`` bytes, each ending after a
    record's end tag; the last piece is what follows the last record (``DeleteCitation`` lists, the
    root's end tag)."""
    head = b""
    while True:
        data = fp.read(READ)
        head += data
        start = _first_element(head)
        if start is not None or not data or len(head) >= MAX_PROLOG:
            break
    if start is None:
        raise SplitUnsuitable("no root element in the first 4 MB")
    check_prolog(head[:start], filename)  # raises UnsafeInputError for entity declarations
    decl = head[:start]
    enc = _ENCODING.search(decl)
    if decl.startswith((b"\xff\xfe", b"\xfe\xff")) or (enc and enc.group(1).lower() not in (b"utf-8", b"utf8")):
        raise SplitUnsuitable("not UTF-8")
    root = _ROOT.match(head, start)
    if root is None:
        raise SplitUnsuitable("root is not a plain <PubmedArticleSet>")
    buf = head[root.end():]
    while True:
        data = fp.read(READ)
        buf += data
        if len(buf) >= READ or not data:
            cut = _after_last_record(buf)
            if cut > 0:
                yield buf[:cut], False
                buf = buf[cut:]
        if not data:
            yield buf, True
            return


def _after_last_record(buf: bytes) -> int:
    """Offset just past the last record end tag in ``buf`` (-1 if none)."""
    best = -1
    for end in _ENDS:
        i = buf.rfind(end)
        if i >= 0:
            best = max(best, i + len(end))
    return best


def _first_element(head: bytes) -> int | None:
    """Offset of the first element's ``<`` after the declaration, DOCTYPE and comments; None if unseen."""
    i = 0
    while True:
        i = head.find(b"<", i)
        if i < 0 or i + 1 >= len(head):
            return None
        nxt = head[i + 1:i + 2]
        if nxt == b"?":
            j = head.find(b"?>", i)
        elif head.startswith(b"<!--", i):
            j = head.find(b"-->", i)
        elif nxt == b"!":
            # a DOCTYPE, possibly with an internal subset in [...]
            j = head.find(b">", i)
            b = head.find(b"[", i, j if j >= 0 else len(head))
            if b >= 0:
                j = head.find(b"]", b)
                j = head.find(b">", j) if j >= 0 else -1
        else:
            return i
        if j < 0:
            return None
        i = j + 1


def parse_piece(piece: bytes, *, last: bool) -> tuple[list[Record | Rejected], int, int]:
    """(items, records, deleted): the piece's records (``Record``, or ``Rejected`` whose "#n" position
    counts from the piece's start), how many record elements it holds, and how many
    ``DeleteCitation`` PMIDs it lists. Raises ``SplitUnsuitable`` if the piece does not parse alone."""
    if last:
        body = piece.rstrip()
        if not body.endswith(_CLOSE):
            raise SplitUnsuitable("the file does not end with </PubmedArticleSet>")
        data = _OPEN + body
    else:
        data = _OPEN + piece + _CLOSE
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        raise SplitUnsuitable(str(e)) from None
    out: list[Record | Rejected] = []
    deleted = 0
    n = 0
    prev = ""
    for el in root:
        tag = el.tag
        if tag == "DeleteCitation":
            deleted += sum(1 for p in el if p.tag == "PMID")
            continue
        if tag not in _TAGS:
            if isinstance(tag, str):  # an element the one-process parser would skip: let it decide
                raise SplitUnsuitable(f"unexpected <{tag}>")
            continue
        n += 1
        item = read_record(el, n, prev)
        if isinstance(item, Record):
            prev = item.pmid
        out.append(item)
    return out, n, deleted
