"""Exports: PhysioHub JSONL (the contract), CSL-JSON, RIS and Markdown. Streams; one study at a time."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .models import Record
from .store import Store

FORMATS = ("jsonl", "csl-json", "ris", "md")

APPRAISAL_KEYS = (
    "design", "research_type", "evidence", "evidence_reasons", "verdict", "n_participants", "n_studies",
    "topics", "body_regions", "retracted",
)


def _rows(store: Store) -> Iterator[tuple[int, Record, dict[str, Any] | None, dict[str, Any] | None]]:
    from .appraise.persist import get_appraisal
    from .cards.review import get_card

    for row in store.query("SELECT id, record FROM studies ORDER BY id"):
        sid = row[0]
        yield sid, Record.from_dict(json.loads(row[1])), get_appraisal(store, sid), get_card(store, sid)


def study_json(sid: int, r: Record, appraisal: dict[str, Any] | None, card: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": sid,
        "source_id": r.source_id,
        "pmid": r.pmid or None,
        "doi": r.doi or None,
        "title": r.title,
        "abstract": r.abstract,
        "year": r.year,
        "publication_types": r.publication_types,
        "appraisal": {k: (appraisal or {}).get(k) for k in APPRAISAL_KEYS} if appraisal else {},
        "card": None,
        "record": r.to_dict(),  # lets `physiohub import` read an export back without loss
    }
    if appraisal:
        out["appraisal"]["full"] = appraisal
    if card:
        out["card"] = {**card["data"], "status": card["status"]}
    return out


def csl_json(sid: int, r: Record) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": r.pmid and f"pmid:{r.pmid}" or r.doi or f"physiohub:{sid}",
        "type": "book" if r.book else "article-journal",
        "title": r.title,
        "author": [
            {"literal": a.collective} if a.collective else {"family": a.last, "given": a.fore or a.initials}
            for a in r.authors
        ],
    }
    if r.journal:
        item["container-title"] = r.journal
    if r.journal_abbrev:
        item["container-title-short"] = r.journal_abbrev
    for key, val in (("volume", r.volume), ("issue", r.issue), ("page", r.pages), ("DOI", r.doi),
                     ("PMID", r.pmid), ("PMCID", r.pmcid), ("abstract", r.abstract), ("language", r.language),
                     ("URL", r.url)):
        if val:
            item[key] = val
    if r.year:
        item["issued"] = {"date-parts": [[r.year]]}
    if r.keywords:
        item["keyword"] = ", ".join(r.keywords)
    return item


def ris(r: Record) -> str:
    lines = [f"TY  - {'BOOK' if r.book else 'JOUR'}"]
    add = lines.append
    if r.title:
        add(f"TI  - {r.title}")
    for a in r.authors:
        add(f"AU  - {a.collective or (a.last + (', ' + (a.fore or a.initials) if (a.fore or a.initials) else ''))}")
    for tag, val in (("T2", r.journal), ("J2", r.journal_abbrev), ("PY", str(r.year or "")), ("VL", r.volume),
                     ("IS", r.issue), ("SP", r.pages), ("DO", r.doi), ("AN", r.pmid), ("LA", r.language),
                     ("UR", r.url)):
        if val:
            add(f"{tag}  - {val}")
    if r.abstract:
        add(f"AB  - {r.abstract.replace(chr(10), ' ')}")
    for k in r.keywords:
        add(f"KW  - {k}")
    for m in r.mesh:
        add(f"KW  - {m.descriptor}")
    add("ER  - ")
    return "\n".join(lines) + "\n"


def export(store: Store, fmt: str, out) -> int:
    """Write every study to ``out`` (a text stream) in ``fmt``; returns the number written."""
    n = 0
    if fmt == "csl-json":
        out.write("[")
    for sid, r, appraisal, card in _rows(store):
        if fmt == "jsonl":
            out.write(json.dumps(study_json(sid, r, appraisal, card), ensure_ascii=False) + "\n")
        elif fmt == "csl-json":
            out.write(("," if n else "") + "\n" + json.dumps(csl_json(sid, r), ensure_ascii=False))
        elif fmt == "ris":
            out.write(ris(r) + "\n")
        elif fmt == "md":
            from .cards.render import to_markdown

            if card:
                out.write(to_markdown(card["data"]) + "\n\n---\n\n")
            else:
                out.write(f"# {r.title}\n\n(no card yet)\n\n---\n\n")
        n += 1
    if fmt == "csl-json":
        out.write("\n]\n")
    return n
