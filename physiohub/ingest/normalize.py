"""Identifier and title normalisation shared by importers and the duplicate finder."""
from __future__ import annotations

import html
import re
import unicodedata

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|urn:doi:)", re.I)
_DOI_SHAPE = re.compile(r"^10\.\d{4,9}/\S+$")


def normalize_doi(value: str | None) -> str:
    """'https://doi.org/10.1000/ABC ' -> '10.1000/abc'; '' if it is not a DOI."""
    if not value:
        return ""
    v = html.unescape(value).strip()
    v = _DOI_PREFIX.sub("", v).strip().rstrip(".;,")
    v = v.lower()
    return v if _DOI_SHAPE.match(v) else ""


def normalize_pmid(value: str | int | None) -> str:
    if value is None:
        return ""
    v = str(value).strip()
    v = re.sub(r"^(?:pmid:?\s*)", "", v, flags=re.I)
    return v if v.isdigit() and 0 < len(v) <= 9 else ""


def normalize_pmcid(value: str | None) -> str:
    if not value:
        return ""
    v = value.strip().upper()
    if v.isdigit():
        v = "PMC" + v
    return v if re.fullmatch(r"PMC\d+", v) else ""


_NON_WORD = re.compile(r"[^0-9a-z]+")


def title_key(title: str, year: int | None) -> str:
    """Key for the last-resort duplicate match: folded title words plus year ('' if too short)."""
    if not title:
        return ""
    t = unicodedata.normalize("NFKD", title)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = _NON_WORD.sub(" ", t).strip()
    if len(t) < 20:
        return ""  # short titles ("Editorial", "Erratum") collide by accident
    return f"{t}|{year or ''}"


_WS = re.compile(r"\s+")


def clean_text(value: str | None) -> str:
    """Collapse white space; keep the text otherwise as given."""
    if not value:
        return ""
    return _WS.sub(" ", value).strip()
