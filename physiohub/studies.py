"""Finding and loading studies: by internal id, PMID, DOI or the id a record came with."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .errors import NotFound
from .ingest.normalize import normalize_doi, normalize_pmid
from .models import Record
from .store import Store


def resolve(store: Store, key: str | int) -> int:
    """The internal id of the study that ``key`` names; ``NotFound`` if none."""
    k = str(key).strip()
    if not k:
        raise NotFound("no study id given")
    if k.lower().startswith("pmid:"):
        pmid = normalize_pmid(k[5:])
        row = store.query_one("SELECT id FROM studies WHERE pmid = ?", (pmid,)) if pmid else None
        if row:
            return row[0]
        raise NotFound(f"no study with PMID {k[5:].strip()}")
    doi = normalize_doi(k)
    if doi:
        row = store.query_one("SELECT id FROM studies WHERE doi = ?", (doi,))
        if row:
            return row[0]
    if k.isascii() and k.isdigit() and len(k) <= 18:
        # A bare number is a PMID first (what users paste), then an internal id, then a source id.
        # (ASCII digits only: '²' passes str.isdigit() but not int(); 19+ digits overflow SQLite's integers.)
        row = store.query_one("SELECT id FROM studies WHERE pmid = ?", (k,))
        if row:
            return row[0]
        row = store.query_one("SELECT id FROM studies WHERE id = ?", (int(k),))
        if row:
            return row[0]
    row = store.query_one("SELECT id FROM studies WHERE source_id = ? ORDER BY id LIMIT 1", (k,))
    if row:
        return row[0]
    row = store.query_one("SELECT study_id FROM study_sources WHERE source_id = ? ORDER BY study_id LIMIT 1", (k,))
    if row:
        return row[0]
    raise NotFound(f"no study with id, PMID, DOI or source id {k!r}")


def load_record(store: Store, study_id: int) -> Record:
    row = store.query_one("SELECT record FROM studies WHERE id = ?", (study_id,))
    if not row:
        raise NotFound(f"no study with id {study_id}")
    return Record.from_dict(json.loads(row[0]))


def study_row(store: Store, study_id: int) -> dict[str, Any]:
    row = store.query_one(
        "SELECT id, source_id, source_format, pmid, doi, pmcid, title, year, retracted, created_at, updated_at"
        " FROM studies WHERE id = ?",
        (study_id,),
    )
    if not row:
        raise NotFound(f"no study with id {study_id}")
    return dict(row)


def get_study(store: Store, study_id: int) -> dict[str, Any]:
    """Everything about one study: its row, the record, the appraisal and the card (None if absent)."""
    from .appraise.persist import get_appraisal
    from .cards.review import get_card

    out = study_row(store, study_id)
    out["record"] = load_record(store, study_id)
    out["appraisal"] = get_appraisal(store, study_id)
    out["card"] = get_card(store, study_id)
    out["sources"] = [
        dict(r) for r in store.query(
            "SELECT source_format, source_id, file, first_seen FROM study_sources WHERE study_id = ? ORDER BY first_seen",
            (study_id,),
        )
    ]
    return out


def iter_ids(store: Store) -> Iterator[int]:
    for row in store.query("SELECT id FROM studies ORDER BY id"):
        yield row[0]


def count(store: Store) -> int:
    return store.query_one("SELECT count(*) FROM studies")[0]


def indexed_texts(store: Store, ids: list[int] | None = None) -> list[tuple[int, str, str, str, str]]:
    """(study id, title, abstract, mesh, keywords) as the full-text index holds them, for all studies
    or for ``ids``: rebuilt from the stored records (the index keeps no copy of the text)."""
    import orjson

    from .ingest.pipeline import fts_fields

    sql = "SELECT id, record FROM studies"
    rows: list = []
    if ids is None:
        rows = store.query(sql + " ORDER BY id")
    else:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows += store.query(f"{sql} WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    return [(r[0], *fts_fields(Record.from_dict(orjson.loads(r[1])))) for r in rows]
