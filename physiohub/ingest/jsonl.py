"""JSON lines: BEIR corpora (``_id``, ``title``, ``text``), SciFact's corpus (``doc_id``, ``abstract`` as a
list of sentences) and PhysioHub's own ``export --format jsonl``.

An export line carries ``record`` (the full ``Record.to_dict()``): it is restored as it was, so export
then import loses nothing and importing an export into the hub it came from changes nothing. Lines
without it are read from the flat keys (``source_id, pmid, doi, title, abstract, year,
publication_types``). Read line by line from the stream: memory stays flat. A bad line is a
``Rejected`` naming its line number; the rest of the file still imports.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..models import Record
from .base import Rejected
from .normalize import clean_text, normalize_doi, normalize_pmcid, normalize_pmid, split_structured_abstract
from .pubdate import parse_date


def _abstract(value: Any) -> str:
    if isinstance(value, list):  # SciFact: a list of sentences
        return " ".join(str(s).strip() for s in value if s)
    return str(value or "")


def convert(obj: dict[str, Any]) -> Record:
    if isinstance(obj.get("record"), dict):
        return Record.from_dict(obj["record"])
    meta = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
    beir = "_id" in obj
    rec = Record(source_format="jsonl")
    rec.source_id = str(obj.get("_id") or obj.get("source_id") or obj.get("doc_id") or obj.get("id") or "")
    rec.title = clean_text(str(obj.get("title") or ""))
    rec.title_html = rec.title
    rec.abstract_sections = split_structured_abstract(_abstract(obj.get("text") if beir else obj.get("abstract")
                                                                 or obj.get("text")))
    rec.pmid = normalize_pmid(obj.get("pmid") or meta.get("pmid"))
    rec.doi = normalize_doi(obj.get("doi") or meta.get("doi"))
    rec.pmcid = normalize_pmcid(obj.get("pmcid") or meta.get("pmcid"))
    year, iso = parse_date(str(obj.get("year") or meta.get("year") or ""))
    rec.year, rec.pub_date = year, iso
    pts = obj.get("publication_types") or []
    rec.publication_types = [str(p) for p in pts] if isinstance(pts, list) else []
    rec.url = str(obj.get("url") or meta.get("url") or "")
    if beir:
        rec.extra["beir"] = True
    return rec


class JsonlImporter:
    name = "jsonl"
    extensions = (".jsonl", ".ndjson")

    def sniff(self, head: str) -> bool:
        from .detect import sniff_json

        return sniff_json(head) == "jsonl"

    def parse(self, data: bytes, filename: str) -> Iterator[Record | Rejected]:
        return self.parse_stream(io.BytesIO(data), filename)

    def parse_stream(self, fp: BinaryIO, filename: str) -> Iterator[Record | Rejected]:
        for n, raw in enumerate(fp, start=1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            where = f"line {n}"
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield Rejected(where, "not UTF-8 (JSON lines must be UTF-8)")
                continue
            except json.JSONDecodeError as e:
                yield Rejected(where, f"invalid JSON: {e.msg} at column {e.colno}")
                continue
            except RecursionError:  # thousands of nested brackets: hostile, never a record
                yield Rejected(where, "invalid JSON: nested too deeply")
                continue
            if not isinstance(obj, dict):
                yield Rejected(where, "not a JSON object")
                continue
            try:
                rec = convert(obj)
            except (TypeError, KeyError, ValueError, AttributeError) as e:
                yield Rejected(where, f"not a PhysioHub record: {e}")
                continue
            if not rec.title and not rec.abstract_sections:
                yield Rejected(rec.source_id or where, "neither title nor abstract")
                continue
            yield rec


IMPORTER = JsonlImporter()
