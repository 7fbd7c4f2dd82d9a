"""What every importer is: a format name, how to recognise it, and a parser yielding records.

An importer parses raw input, normalises fields, and yields ``Record`` objects. A record it cannot
use is yielded as ``Rejected`` (with its id and a one-line reason) so the rest of the file still
imports; a file it cannot read at all raises ``IngestError`` naming the file.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ..models import Record


@dataclass
class Rejected:
    record: str      # the record's id or position ("#12") in its file
    reason: str


class Importer(Protocol):
    name: str                       # the --format name
    extensions: tuple[str, ...]     # file endings it claims (".xml", ".ris"), without .gz

    def sniff(self, head: str) -> bool:
        """True if the first few KB of decoded text look like this format."""

    def parse(self, data: bytes, filename: str) -> Iterator[Record | Rejected]:
        """Parse a whole (decompressed) file."""
