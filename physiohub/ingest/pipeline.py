"""Store parsed records: find duplicates, merge, write, index — one batch, one transaction.

Duplicates are found by PMID, then normalised DOI, then normalised title + year. A merge keeps the
richer record as the base, fills its empty fields from the other, and remembers every source
(``study_sources``). A record whose source (format + id) was stored before with the same content is
``unchanged``; so importing the same file twice changes nothing.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..errors import IngestError, StoreError
from ..models import Record
from ..store import Store
from .base import Rejected
from .normalize import normalize_doi, title_key


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejections: list[dict[str, str]] = field(default_factory=list)
    study_ids: list[int] = field(default_factory=list)  # added or updated

    def merge(self, other: "ImportSummary") -> None:
        for name in ("added", "updated", "unchanged", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejections.extend(other.rejections)
        self.study_ids.extend(other.study_ids)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "rejected": self.rejected, "rejections": self.rejections,
        }


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def serialise(r: Record) -> tuple[str, str]:
    """The record as stored (JSON) and its content hash, from one serialisation."""
    text = json.dumps(r.to_dict(), sort_keys=True, ensure_ascii=False)
    return text, hashlib.sha1(text.encode()).hexdigest()


def fts_row(study_id: int, r: Record) -> tuple[int, str, str, str, str]:
    mesh = " ; ".join(m.descriptor for m in r.mesh)
    return (study_id, r.title, r.abstract, mesh, " ; ".join(r.keywords))


_SCALARS = [f.name for f in dataclasses.fields(Record) if f.type in ("str", "int | None", "bool")]
_LISTS = ("abstract_sections", "authors", "publication_types", "mesh", "keywords", "retraction_notes")


def merge_records(base: Record, other: Record) -> Record:
    """Fill what ``base`` lacks from ``other``; a retraction on either side wins."""
    merged = dataclasses.replace(base)
    for name in _SCALARS:
        if name in ("source_format", "source_id"):
            continue
        if not getattr(merged, name) and getattr(other, name):
            setattr(merged, name, getattr(other, name))
    for name in _LISTS:
        if not getattr(merged, name) and getattr(other, name):
            setattr(merged, name, list(getattr(other, name)))
    merged.retracted = base.retracted or other.retracted
    merged.extra = {**other.extra, **base.extra}
    return merged


class _Writer:
    def __init__(self, store: Store, file: str):
        self.store = store
        self.conn = store.conn
        self.file = file
        self.now = _now()

    def find(self, r: Record, key: str) -> tuple[int | None, str]:
        c = self.conn
        if r.pmid:
            row = c.execute("SELECT id FROM studies WHERE pmid = ?", (r.pmid,)).fetchone()
            if row:
                return row[0], "pmid"
        if r.doi:
            for row in c.execute("SELECT id, pmid FROM studies WHERE doi = ? ORDER BY id", (r.doi,)):
                # Two PubMed records sharing a DOI (versions of a Cochrane review, say) stay two
                # studies: a PMID is the stronger identity, and each must export with its PMID.
                if not (r.pmid and row[1] and row[1] != r.pmid):
                    return row[0], "doi"
        if key:
            for row in c.execute("SELECT id, pmid, doi FROM studies WHERE title_key = ?", (key,)):
                # Same title and year, but two different PMIDs or DOIs: two studies (e.g. a reply).
                if (r.pmid and row[1] and row[1] != r.pmid) or (r.doi and row[2] and row[2] != r.doi):
                    continue
                return row[0], "title"
        return None, ""

    def source_of(self, r: Record, key: str) -> tuple[str, str]:
        sid = r.source_id or r.pmid or r.doi or key
        return r.source_format, sid

    def put(self, r: Record, summary: ImportSummary) -> None:
        c = self.conn
        # Importers normalise identifiers; records built by API users may not be.
        if r.doi and r.doi != (nd := normalize_doi(r.doi)):
            r.doi = nd
        text, h = serialise(r)
        key = title_key(r.title, r.year)
        fmt, sid = self.source_of(r, key)
        if sid:
            row = c.execute(
                "SELECT study_id, content_hash FROM study_sources WHERE source_format = ? AND source_id = ?",
                (fmt, sid),
            ).fetchone()
            if row and row[1] == h:
                summary.unchanged += 1
                return
        study_id, _how = self.find(r, key)
        if study_id is None:
            cur = c.execute(
                "INSERT INTO studies(source_id, source_format, pmid, doi, pmcid, title, title_key, year, retracted,"
                " record, content_hash, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (sid, fmt, r.pmid or None, r.doi or None, r.pmcid or None, r.title, key or None,
                 r.year, int(r.retracted), text, h, self.now, self.now),
            )
            study_id = cur.lastrowid
            self.add_source(study_id, fmt, sid, h)
            self.store.dialect.fts_replace(c, [fts_row(study_id, r)])
            summary.added += 1
            summary.study_ids.append(study_id)
            return
        old_row = c.execute("SELECT record, content_hash, source_format, source_id FROM studies WHERE id = ?",
                            (study_id,)).fetchone()
        old = Record.from_dict(json.loads(old_row[0]))
        same_source = (old_row[2], old_row[3]) == (fmt, sid)
        # A newer version from the same source replaces it; otherwise the richer record is the base.
        if same_source or r.richness() > old.richness():
            merged = merge_records(r, old)
        else:
            merged = merge_records(old, r)
        # An identifier already held by another study stays with that study.
        if merged.pmid and merged.pmid != old.pmid:
            if c.execute("SELECT 1 FROM studies WHERE pmid = ? AND id != ?", (merged.pmid, study_id)).fetchone():
                merged.pmid = old.pmid
        mtext, mh = serialise(merged)
        self.add_source(study_id, fmt, sid, h)
        if mh == old_row[1]:
            summary.unchanged += 1
            return
        c.execute(
            "UPDATE studies SET source_id = ?, source_format = ?, pmid = ?, doi = ?, pmcid = ?, title = ?,"
            " title_key = ?, year = ?, retracted = ?, record = ?, content_hash = ?, updated_at = ? WHERE id = ?",
            (merged.source_id, merged.source_format, merged.pmid or None, merged.doi or None, merged.pmcid or None,
             merged.title, title_key(merged.title, merged.year) or None, merged.year, int(merged.retracted),
             mtext, mh, self.now, study_id),
        )
        self.store.dialect.fts_replace(c, [fts_row(study_id, merged)])
        summary.updated += 1
        summary.study_ids.append(study_id)

    def add_source(self, study_id: int, fmt: str, sid: str, h: str) -> None:
        self.conn.execute(
            "INSERT INTO study_sources(study_id, source_format, source_id, file, content_hash, first_seen)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT(study_id, source_format, source_id)"
            " DO UPDATE SET content_hash = excluded.content_hash, file = excluded.file",
            (study_id, fmt, sid, self.file, h, self.now),
        )


def import_records(
    store: Store,
    items: Iterable[Record | Rejected],
    *,
    file: str = "",
    on_item: Callable[[], None] | None = None,
) -> ImportSummary:
    """Store every record of one batch in one transaction; rejected records are counted, not stored.

    If reading the batch fails part-way (an ``IngestError`` from a truncated file, say) the whole
    batch is rolled back and the error propagates: nothing half-written, nothing stored harmed.
    """
    summary = ImportSummary()
    started = _now()
    with store.atomic() as conn:
        writer = _Writer(store, file)
        for item in items:
            if on_item:
                on_item()
            if isinstance(item, Rejected):
                summary.rejected += 1
                summary.rejections.append({"file": file, "record": item.record, "reason": item.reason})
                continue
            if not (item.title or item.abstract_sections):
                summary.rejected += 1
                summary.rejections.append(
                    {"file": file, "record": item.source_id or item.pmid or "?", "reason": "no title and no abstract"}
                )
                continue
            try:
                writer.put(item, summary)
            except StoreError:
                raise
            except Exception as e:  # a record our writer cannot store must not sink the batch silently
                raise IngestError(f"could not store record: {e}", file=file, record=item.source_id) from e
        conn.execute(
            "INSERT INTO import_batches(started_at, finished_at, files, summary) VALUES (?,?,?,?)",
            (started, _now(), json.dumps([file]), json.dumps(summary.as_dict())),
        )
    return summary
