"""Bounds on what one imported record may hold, and the repairs made on the way in.

Why caps at import: a 10 MB "title" is never a title, and every later step (appraisal, the card page,
the search index) would pay for it; BibTeX's LaTeX decoding alone spends seconds on one such field.
The limits sit far above real records (the longest title in the shared PubMed, RIS, BibTeX, Crossref
and CSV data is 2,225 characters, the longest abstract 10,000, the largest stored record 70 kB), so
a record over them is rejected whole with its length named, never silently cut.

Repairs that keep a record (a NUL character removed, stray bytes read as cp1252) travel with the
record as notes (``add_note``) and end up in the import summary's ``notes``.
"""
from __future__ import annotations

from typing import Any

MAX_TITLE = 5_000           # characters
MAX_ABSTRACT = 100_000      # characters, all sections
MAX_FIELD = 20_000          # any other single text field, as read from the file
MAX_RECORD = 2_000_000      # characters of the record as stored (JSON)
NOTES = "import_notes"      # key in Record.extra while the record travels to the writer (never stored)


def too_long(what: str, n: int, limit: int) -> str:
    return f"{what} is {n:,} characters (the limit is {limit:,})"


def length_problem(title: str, abstract_len: int) -> str | None:
    """The rejection reason for a record's title and abstract lengths, or None."""
    if len(title) > MAX_TITLE:
        return too_long("title", len(title), MAX_TITLE)
    if abstract_len > MAX_ABSTRACT:
        return too_long("abstract", abstract_len, MAX_ABSTRACT)
    return None


def add_note(extra: dict[str, Any], note: str) -> None:
    extra.setdefault(NOTES, []).append(note)


def strip_nul(value: Any) -> tuple[Any, int]:
    """``value`` (JSON-like) with NUL characters removed from every string, and how many went."""
    if isinstance(value, str):
        n = value.count("\x00")
        return (value.replace("\x00", ""), n) if n else (value, 0)
    if isinstance(value, list):
        out, total = [], 0
        for v in value:
            v, n = strip_nul(v)
            out.append(v)
            total += n
        return out, total
    if isinstance(value, dict):
        d, total = {}, 0
        for k, v in value.items():
            k, n1 = strip_nul(k)
            v, n2 = strip_nul(v)
            d[k] = v
            total += n1 + n2
        return d, total
    return value, 0


_FIELD_NAMES = {"abstract_sections": "abstract", "title_html": "title"}


def nul_free(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """A stored record's dict without NUL characters, and the note saying what was removed ('' if none)."""
    out: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for key, value in data.items():
        out[key], n = strip_nul(value)
        if n and key != "title_html":  # the title's markup copy is the same text: count it once
            name = _FIELD_NAMES.get(key, key.replace("_", " "))
            counts[name] = counts.get(name, 0) + n
        elif n:
            counts.setdefault("title", 0)
    if not counts:
        return out, ""
    total = sum(counts.values()) or 1
    return out, (f"removed {total} NUL character{'s' if total > 1 else ''} from the {' and '.join(counts)}")
