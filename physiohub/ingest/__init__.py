"""Importers for the formats people really have, and ``read_path`` which picks one.

    read_path("pubmed24n0001.xml.gz")            # auto: extension, then content sniffing
    read_path("export.ris", fmt="ris")

``read_path`` opens, checks and detects eagerly (so an unreadable file raises ``IngestError`` at the
call) and returns a lazy iterator of ``Record`` or ``Rejected``. Importers that can stream
(PubMed XML) read the file incrementally, so memory stays flat whatever the file size.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from ..models import Record
from .base import Importer, Rejected
from .detect import HEAD_SIZE, check_head, detect_format, gunzip_bytes, logical_name, open_binary, read_all

_MODULES = {
    "pubmed-xml": "pubmed_xml",
    "medline": "medline",
    "ris": "ris",
    "bibtex": "bibtex",
    "crossref-json": "crossref",
    "jsonl": "jsonl",
    "csv": "csv_fmt",
}


def _load() -> dict[str, Importer]:
    found: dict[str, Importer] = {}
    for name, module in _MODULES.items():
        found[name] = importlib.import_module(f"{__name__}.{module}").IMPORTER
    return found


FORMATS: dict[str, Importer] = _load()

__all__ = ["FORMATS", "Rejected", "path_format", "read_path", "read_bytes"]


def path_format(path: str | Path, fmt: str = "auto") -> str:
    """The format ``read_path`` would use for a file; raises ``IngestError`` if it is unreadable."""
    p = Path(path)
    with open_binary(p) as fp:
        head = fp.read(HEAD_SIZE)
    check_head(head, p.name)
    if fmt in (None, "", "auto"):
        return detect_format(logical_name(p), head, FORMATS)
    if fmt not in FORMATS:
        raise IngestError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}", file=p.name)
    return fmt


def read_path(path: str | Path, fmt: str = "auto") -> Iterator[Record | Rejected]:
    """Records of one file (``.gz`` accepted). Raises ``IngestError`` naming the file if unreadable."""
    p = Path(path)
    return _iterate(FORMATS[path_format(p, fmt)], p, p.name)


def _iterate(importer: Importer, path: Path, filename: str) -> Iterator[Record | Rejected]:
    fp = open_binary(path)
    try:
        stream = getattr(importer, "parse_stream", None)
        if stream is not None:
            yield from stream(fp, filename)
        else:
            yield from importer.parse(read_all(fp, filename), filename)
    finally:
        fp.close()


def read_bytes(data: bytes, filename: str, fmt: str = "auto") -> Iterator[Record | Rejected]:
    """Records of in-memory data (web upload, online responses); same checks as ``read_path``."""
    if data[:2] == b"\x1f\x8b":
        data = gunzip_bytes(data, filename)
        filename = filename[:-3] if filename.lower().endswith(".gz") else filename
    check_head(data[:HEAD_SIZE], filename)
    if fmt in (None, "", "auto"):
        fmt = detect_format(filename, data[:HEAD_SIZE], FORMATS)
    elif fmt not in FORMATS:
        raise IngestError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}", file=filename)
    return FORMATS[fmt].parse(data, filename)
