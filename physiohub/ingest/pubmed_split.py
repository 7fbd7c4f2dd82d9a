"""Large PubMed XML files parsed by several processes: the stream is cut at record boundaries.

Why: on a large file the parse (libxml2 building each record's tree, then our conversion) is most of
an import, and it runs on one core. A baseline-style file is a flat list of ``<PubmedArticle>``
elements, so the decompressed bytes can be cut after any ``</PubmedArticle>`` and each piece parsed
alone inside a ``<PubmedArticleSet>`` wrapper. Every parsing process reads the same stream and cuts
it at the same places (the rule depends on the bytes only), parses the pieces it reaches first (a
shared counter hands each piece to one process), converts and prepares their records, and hands them
to the writer, which takes the pieces in file order. So the
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
from collections.abc import Callable, Iterator
from typing import BinaryIO

from lxml import etree

from ..models import Record
from .base import Rejected
from .pubmed_xml import MAX_PROLOG, SAFE_PARSING, check_prolog, read_record, root_start

READ = 1 << 20
_ROOT = re.compile(rb"<PubmedArticleSet\s*>")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_ENDS = (b"</PubmedArticle>", b"</PubmedBookArticle>")
_OPEN, _CLOSE = b"<PubmedArticleSet>", b"</PubmedArticleSet>"
_TAGS = {"PubmedArticle", "PubmedBookArticle"}


class SplitUnsuitable(Exception):
    """This file (or a piece of it) is not for the fast path; import it with the one-process parser."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(**SAFE_PARSING)


def pieces(fp: BinaryIO, filename: str,
           keep: Callable[[int], bool] | None = None) -> Iterator[tuple[bytes | None, bool]]:
    """(document, is_last) for each piece of about ``READ`` bytes: the records of the piece wrapped in
    ``<PubmedArticleSet>``, ready for ``parse_piece``; None for a piece ``keep(index)`` declines. The
    last piece is what follows the last record (``DeleteCitation`` lists, the root's end tag).

    Every worker scans the whole stream, so the cutting avoids copies: the buffer is one bytearray
    that always starts with the wrapper's start tag, a declined piece is only dropped from it, and a
    kept one is copied once, with the end tag, into its document."""
    head = b""
    while True:
        data = fp.read(READ)
        head += data
        start = root_start(head)
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
    buf = bytearray(_OPEN)
    buf += memoryview(head)[root.end():]
    del head
    idx = 0
    while True:
        data = fp.read(READ)
        buf += data
        if not data:
            yield (bytes(buf) if keep is None or keep(idx) else None), True
            return
        if len(buf) >= READ:
            cut = _after_last_record(buf)
            if cut > 0:
                wanted = keep is None or keep(idx)
                yield (b"".join((memoryview(buf)[:cut], _CLOSE)) if wanted else None), False
                idx += 1
                del buf[len(_OPEN):cut]


def _after_last_record(buf: bytearray) -> int:
    """Offset just past the last record end tag in ``buf`` (-1 if none)."""
    best = -1
    for end in _ENDS:
        i = buf.rfind(end, max(best, 0))
        if i >= 0:
            best = max(best, i + len(end))
    return best


def parse_piece(piece: bytes, *, last: bool) -> tuple[list[Record | Rejected], int, int]:
    """(items, records, deleted) of one document from ``pieces``: its records (``Record``, or ``Rejected`` whose "#n" position
    counts from the piece's start), how many record elements it holds, and how many
    ``DeleteCitation`` PMIDs it lists. Raises ``SplitUnsuitable`` if the piece does not parse alone."""
    if last and not piece.rstrip().endswith(_CLOSE):
        raise SplitUnsuitable("the file does not end with </PubmedArticleSet>")
    try:
        root = etree.fromstring(piece, _parser())
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
