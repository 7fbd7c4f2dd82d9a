"""Opening an input file safely: gzip with a bomb guard, binary refusal, text decoding, format sniffing.

Choices (written down because the issue leaves them open):

* ``.gz`` is decompressed as a stream. We stop with ``UnsafeInputError`` when the output passes
  ``MAX_DECOMPRESSED`` (2 GiB: the largest PubMed baseline file is ~200 MB unpacked) or when, past the
  first ``RATIO_GRACE`` bytes (8 MiB), the output is more than ``MAX_RATIO`` (50x) the compressed bytes
  read so far. Real bibliographic text compresses 5-15x (PubMed baseline ~8x); gzip bombs are ~1000x,
  so they are caught after a few MB, before any memory is spent on them.
* Plain files bigger than ``MAX_DECOMPRESSED`` are refused as well, for the same reason.
* Text is decoded as UTF-8 (a BOM is dropped), or UTF-16 when a UTF-16 BOM is present; a byte that is
  not valid UTF-8 is read as cp1252 (latin-1 for the five bytes cp1252 leaves undefined) on its own,
  so the rest of the file stays UTF-8, with a warning naming the file and lines (``decode_lines``). XML is left to the XML parser, which reads its own declaration.
* A NUL byte in the first 8 KB of a file without a UTF-16 BOM means binary data: refused.
"""
from __future__ import annotations

import bisect
import codecs
import io
import json
import logging
import threading
import zlib
from pathlib import Path

try:  # ISA-L: the same API as zlib, about twice as fast at inflating (docs/benchmarks.md, Import)
    from isal import isal_zlib as _inflate
except ImportError:  # pragma: no cover - a platform without isal wheels
    _inflate = zlib  # type: ignore[assignment]
from typing import BinaryIO

from ..errors import IngestError, UnsafeInputError

log = logging.getLogger("physiohub.ingest")

MAX_DECOMPRESSED = 2 * 1024**3
MAX_RATIO = 50
RATIO_GRACE = 8 * 1024**2
HEAD_SIZE = 64 * 1024


class GuardedGzip(io.RawIOBase):
    """A gzip stream that refuses to expand past the size and ratio limits.

    Straight on ``zlib`` (gzip wrapper, so the CRC and length trailer are checked) with 1 MB reads
    and bounded output per call: fewer layers than ``gzip.GzipFile`` (~40% less overhead on big
    files), and no call can expand more than ``STEP`` bytes before the limits are checked.
    Concatenated members (``cat a.gz b.gz``) are read as one stream, as gzip does.
    """

    READ = 1 << 20
    STEP = 4 << 20

    def __init__(self, source: Path | BinaryIO, *, name: str = "", max_bytes: int = MAX_DECOMPRESSED,
                 max_ratio: int = MAX_RATIO, grace: int = RATIO_GRACE):
        self.name = name or (source.name if isinstance(source, Path) else "upload.gz")
        self._raw = open(source, "rb") if isinstance(source, Path) else source
        self._z = _inflate.decompressobj(31)
        self._pending = b""      # compressed bytes not yet given to zlib
        self._buf = memoryview(b"")
        self._in_member = False  # inside a gzip member: end of file now means truncation
        self._eof = False
        self.compressed = self.out = 0
        self.max_bytes, self.max_ratio, self.grace = max_bytes, max_ratio, grace

    def readable(self) -> bool:
        return True

    def _more(self) -> bytes:
        """Decompress the next piece (b'' at the end)."""
        while True:
            data = self._z.unconsumed_tail or self._pending
            self._pending = b""
            if not data:
                data = self._raw.read(self.READ)
                if not data:
                    if self._in_member:
                        raise IngestError("damaged or truncated gzip data (stream ends mid-member)", file=self.name)
                    return b""
            self._in_member = True
            try:
                chunk = self._z.decompress(data, self.STEP)
            except (zlib.error, _inflate.error) as e:
                raise IngestError(f"damaged or truncated gzip data ({e})", file=self.name) from None
            # Count only the compressed bytes zlib used, so the ratio is exact even with 1 MB reads.
            left = self._z.unused_data if self._z.eof else self._z.unconsumed_tail
            self.compressed += len(data) - len(left)
            if self._z.eof:  # end of a member: maybe another follows
                rest = self._z.unused_data
                self._z = _inflate.decompressobj(31)
                self._in_member = False
                self._pending = rest if rest.strip(b"\x00") else b""
            if chunk:
                self.out += len(chunk)
                if self.out > self.max_bytes:
                    raise UnsafeInputError(
                        f"refused: gzip expands beyond {self.max_bytes // 1024**2} MB (possible gzip bomb)",
                        file=self.name)
                if self.out > self.grace and self.out > self.max_ratio * max(self.compressed, 1):
                    raise UnsafeInputError(
                        f"refused: gzip expands more than {self.max_ratio}x (possible gzip bomb)", file=self.name)
                return chunk

    def readinto(self, b) -> int:  # type: ignore[override]
        if not self._buf:
            if self._eof:
                return 0
            chunk = self._more()
            if not chunk:
                self._eof = True
                return 0
            self._buf = memoryview(chunk)
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def gunzip_bytes(data: bytes, filename: str) -> bytes:
    """In-memory gzip (web uploads) under the same size and ratio guard as files."""
    with GuardedGzip(io.BytesIO(data), name=filename) as g:
        return g.read()


def logical_name(path: Path) -> str:
    """'pubmed24n0001.xml.gz' -> 'pubmed24n0001.xml' (what the extension detection looks at)."""
    return path.name[:-3] if path.name.lower().endswith(".gz") else path.name


def open_binary(path: Path) -> BinaryIO:
    """A buffered binary stream of the (decompressed) file; errors name the file."""
    if not path.exists():
        raise IngestError("no such file", file=str(path))
    if path.is_dir():
        raise IngestError("is a folder, not a file", file=str(path))
    try:
        with open(path, "rb") as f:
            magic = f.read(2)
        if path.name.lower().endswith(".gz") or magic == b"\x1f\x8b":
            return io.BufferedReader(GuardedGzip(path), 1 << 16)  # type: ignore[return-value]
        if path.stat().st_size > MAX_DECOMPRESSED:
            raise UnsafeInputError(f"refused: larger than {MAX_DECOMPRESSED // 1024**2} MB", file=path.name)
        return open(path, "rb")
    except OSError as e:
        raise IngestError(f"cannot read file ({e.strerror or e})", file=str(path)) from None


def read_all(fp: BinaryIO, filename: str) -> bytes:
    try:
        return fp.read()
    except OSError as e:
        raise IngestError(f"cannot read file ({e})", file=filename) from None


def check_head(head: bytes, filename: str) -> None:
    """Refuse empty and binary input before any parser sees it."""
    if not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise IngestError("empty file", file=filename)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head[:8192]:
        raise UnsafeInputError("refused: binary data (NUL bytes), not a text or XML file", file=filename)


def decode_text(data: bytes, filename: str) -> tuple[str, str]:
    """Bytes -> (text, encoding used): ``decode_lines`` without the per-line account."""
    text, enc, _ = decode_lines(data, filename)
    return text, enc


_stray = threading.local()


def _cp1252_byte(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the one offending byte as cp1252 (latin-1 where cp1252 has no
    character) and go on decoding UTF-8 after it; the byte's offset is remembered for the report."""
    assert isinstance(err, UnicodeDecodeError)
    byte = err.object[err.start:err.start + 1]
    _stray.offsets.append(err.start)
    try:
        return byte.decode("cp1252"), err.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), err.start + 1


codecs.register_error("physiohub-cp1252-byte", _cp1252_byte)


class Repairs:
    """Which lines (1-based) held bytes that were not UTF-8, so each record can say if it was repaired."""

    def __init__(self, by_line: dict[int, int] | None = None):
        self.by_line = by_line or {}
        self._lines = sorted(self.by_line)

    def __bool__(self) -> bool:
        return bool(self._lines)

    def lines_in(self, first: int, last: int) -> list[int]:
        if not self._lines:
            return []
        return self._lines[bisect.bisect_left(self._lines, first):bisect.bisect_right(self._lines, last)]

    def mark(self, extra: dict, first: int, last: int) -> None:
        """Note on a record spanning lines ``first``..``last`` what was read as cp1252 there."""
        lines = self.lines_in(first, last)
        if not lines:
            return
        from .limits import add_note

        n = sum(self.by_line[i] for i in lines)
        extra["source_encoding"] = "cp1252"
        add_note(extra, f"{n} byte{'s' if n > 1 else ''} not valid UTF-8 read as cp1252 ({_line_list(lines)})")


def _line_list(lines: list[int]) -> str:
    shown = ", ".join(str(i) for i in lines[:5])
    more = f" and {len(lines) - 5} more" if len(lines) > 5 else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


def decode_lines(data: bytes, filename: str) -> tuple[str, str, Repairs]:
    """Bytes -> (text, encoding, repairs). UTF-8 (a BOM is dropped), UTF-16 by BOM; otherwise UTF-8
    with each byte that is not valid UTF-8 read as cp1252, so one stray byte (a cp1252 'é' pasted
    into a UTF-8 export) costs that character, not every accent in the file. A file wholly in cp1252
    reads the same way, since its accented bytes are never valid UTF-8 sequences. The lines holding
    such bytes are logged with the file name and returned, so importers can note them per record."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", Repairs()
        except UnicodeDecodeError as e:
            raise IngestError(f"invalid UTF-16 text ({e.reason} at byte {e.start})", file=filename) from None
    try:
        return data.decode("utf-8"), "utf-8", Repairs()
    except UnicodeDecodeError:
        pass
    _stray.offsets = offsets = []
    try:
        text = data.decode("utf-8", errors="physiohub-cp1252-byte")
    finally:
        del _stray.offsets
    by_line: dict[int, int] = {}
    line, at = 1, 0
    for off in offsets:  # ascending: count the newlines between one and the next, so linear in size
        line += data.count(b"\n", at, off)
        at = off
        by_line[line] = by_line.get(line, 0) + 1
    n = len(offsets)
    log.warning("%s: %d byte%s not valid UTF-8 (%s) read as cp1252 (check accented names)", filename, n,
                "s" if n > 1 else "", _line_list(sorted(by_line)))
    return text, "cp1252", Repairs(by_line)


def _head_text(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


# Extension -> format. Ambiguous endings (.txt, .json, .xml) are confirmed by sniffing.
EXTENSIONS: dict[str, str] = {
    ".nbib": "medline", ".medline": "medline",
    ".ris": "ris",
    ".bib": "bibtex", ".bibtex": "bibtex",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".xml": "pubmed-xml",
    ".json": "crossref-json",
}

SNIFF_ORDER = ("pubmed-xml", "medline", "ris", "bibtex", "crossref-json", "jsonl", "csv")


def sniff_json(head: str) -> str | None:
    """Tell Crossref JSON from BEIR/PhysioHub JSONL by the keys of the first object."""
    s = head.lstrip()
    if not s.startswith("{"):
        return None
    first = s.split("\n", 1)[0]
    try:
        obj = json.loads(first)
    except (ValueError, RecursionError):  # the importer names the problem
        obj = None
    keys: set[str] = set(obj) if isinstance(obj, dict) else set()
    probe = s[:4096]
    if keys & {"message-type", "DOI"} or (not keys and ('"message-type"' in probe or '"DOI"' in probe)):
        return "crossref-json"
    if keys & {"_id", "source_id", "record"} or (keys and {"title", "abstract"} <= keys):
        return "jsonl"
    return None


def detect_format(name: str, head: bytes, formats: dict) -> str:
    """Pick a format: the extension if the content agrees (or cannot be told), else by sniffing."""
    text = _head_text(head)
    ext = Path(name).suffix.lower()
    by_ext = EXTENSIONS.get(ext)
    if ext in (".json", ".jsonl", ".ndjson"):
        sniffed = sniff_json(text)
        if sniffed:
            return sniffed
    if by_ext in formats and formats[by_ext].sniff(text):
        return by_ext
    for fmt in SNIFF_ORDER:
        if fmt in formats and formats[fmt].sniff(text):
            return fmt
    looks_xml = text.lstrip().startswith("<")
    if by_ext in formats and (by_ext not in ("pubmed-xml", "crossref-json") or (by_ext == "pubmed-xml" and looks_xml)):
        return by_ext  # e.g. a .csv or .xml we do not recognise: let the importer say what is wrong
    raise IngestError(
        "cannot tell the format from the name or content; pass --format "
        "(pubmed-xml, medline, ris, bibtex, crossref-json, jsonl, csv)", file=name)
