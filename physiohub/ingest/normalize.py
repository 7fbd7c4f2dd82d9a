"""Identifier and title normalisation shared by importers and the duplicate finder."""
from __future__ import annotations

import html
import re
import unicodedata

from ..sections import nlm_category, split_labelled  # nlm_category re-exported: importers call it here

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|urn:doi:)", re.I)
_DOI_SHAPE = re.compile(r"^10\.\d{4,9}/\S+$")


def normalize_doi(value: str | None) -> str:
    """'https://doi.org/10.1000/ABC ' -> '10.1000/abc'; '' if it is not a DOI."""
    if not value:
        return ""
    # Already normalised (importers normalise, and the writer checks again): returned as is, a third
    # of the cost on the import's hot path. Each test stands for a step below that would change it.
    if (value.startswith("10.") and value[-1] not in ".;," and "&" not in value and value == value.strip()
            and value == value.lower() and _DOI_SHAPE.match(value)):
        return value
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
    if title.isascii():
        t = title.lower()  # nothing to fold: skips the per-character loop (a hot path in import)
    else:
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


# -- structured abstracts in flat text (MEDLINE text, RIS, BibTeX, CSV, BEIR) ----------------------
# The label vocabulary and its finder live in physiohub.sections, shared with the sentence splitter.


def split_structured_abstract(text: str | None):
    """'BACKGROUND: a. METHODS: b.' or 'BACKGROUND a.   METHODS b.' -> sections with labels and NLM
    categories; else one section."""
    from ..models import AbstractSection

    t = clean_text(text)
    if not t:
        return []
    pieces = split_labelled(t)
    if len(pieces) == 1 and not pieces[0][0]:
        return [AbstractSection(text=t)]
    return [AbstractSection(text=t[a:b].strip(), label=label, category=nlm_category(label))
            for label, a, b in pieces if t[a:b].strip()]


# -- identifiers buried in free text (RIS notes and URLs, BibTeX notes, CSV cells) --------------------
_DOI_IN_TEXT = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
_DOI_URL = re.compile(r"(?:doi\.org/|/doi/(?:abs/|full/|pdf/|pdfplus/|epdf/)?|doi[:=]\s*)(10\.\d{4,9}/[^\s\"<>?#&]+)",
                      re.I)
_PMID_IN_TEXT = re.compile(r"\b(?:PMID|PubMed\s*ID|pubmed_id)\s*[:=]?\s*(\d{1,9})\b", re.I)
_PMID_URL = re.compile(r"(?:ncbi\.nlm\.nih\.gov/pubmed/|pubmed\.ncbi\.nlm\.nih\.gov/)(\d{1,9})\b", re.I)
_PMCID_IN_TEXT = re.compile(r"\b(PMC\d{3,9})\b", re.I)


def doi_from_text(text: str | None, *, bare: bool = False) -> str:
    """A DOI from a URL or note ('doi: 10.1/x', 'https://doi.org/10.1/x'); bare '10.1/x' only if asked."""
    if not text:
        return ""
    m = _DOI_URL.search(text) or (_DOI_IN_TEXT.search(text) if bare else None)
    return normalize_doi(m.group(1)) if m else ""


def pmid_from_text(text: str | None) -> str:
    """'PMID: 12345' or a PubMed URL -> '12345'."""
    if not text:
        return ""
    m = _PMID_IN_TEXT.search(text) or _PMID_URL.search(text)
    return normalize_pmid(m.group(1)) if m else ""


def pmcid_from_text(text: str | None) -> str:
    m = _PMCID_IN_TEXT.search(text or "")
    return normalize_pmcid(m.group(1)) if m else ""


_RETRACTED_TITLE = re.compile(r"^\s*(?:\[?\s*retracted(?:\s+article)?\s*\]?\s*[:.\]-]|withdrawn\s*:)\s*", re.I)


def retracted_title(title: str) -> bool:
    """Publishers (Elsevier, Springer, Wiley) prefix a retracted article's title with 'RETRACTED:'."""
    return bool(_RETRACTED_TITLE.match(title or ""))


def split_name(name: str) -> tuple[str, str]:
    """'Smith, John A.' -> ('Smith', 'John A.'); 'John A. Smith' -> ('Smith', 'John A.')."""
    n = clean_text(name)
    if "," in n:
        last, _, fore = n.partition(",")
        return last.strip(), fore.strip()
    parts = n.rsplit(" ", 1)
    if len(parts) == 2 and not parts[1].rstrip(".").isupper():
        return parts[1], parts[0]
    if len(parts) == 2:  # 'Smith JA' (MEDLINE style)
        return parts[0], parts[1]
    return n, ""


def initials_of(fore: str) -> str:
    return "".join(p[0] for p in re.split(r"[\s.\-]+", fore) if p and p[0].isalpha()).upper()
