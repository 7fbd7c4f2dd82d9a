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


# -- structured abstracts in flat text (MEDLINE text, RIS, BibTeX, CSV) ----------------------------
# Labels as journals print them -> NLM category (the mapping NLM applies to PubMed XML NlmCategory).
_NLM_CATEGORIES: dict[str, tuple[str, ...]] = {
    "BACKGROUND": ("background", "introduction", "context", "rationale", "importance", "purpose of review"),
    "OBJECTIVE": ("objective", "objectives", "aim", "aims", "purpose", "goal", "goals", "study objective",
                  "research question", "hypothesis", "question"),
    "METHODS": ("methods", "method", "design", "setting", "settings", "participants", "patients", "subjects",
                "interventions", "intervention", "measurements", "main outcome measures", "outcome measures",
                "materials and methods", "methods and materials", "study design", "data sources",
                "study selection", "data extraction", "search methods", "selection criteria",
                "data collection and analysis", "eligibility criteria", "population", "methodology",
                "main outcomes and measures", "main outcome measure", "outcomes"),
    "RESULTS": ("results", "findings", "main results", "result"),
    "CONCLUSIONS": ("conclusions", "conclusion", "interpretation", "implications", "discussion",
                    "authors' conclusions", "conclusions and relevance", "clinical relevance",
                    "significance", "summary", "implications for practice"),
}
_LABEL_TO_CATEGORY = {lab: cat for cat, labs in _NLM_CATEGORIES.items() for lab in labs}
# A label at the start or after a sentence end: "... end. METHODS: We ...", "...end.Results:A total".
_LABEL = re.compile(r"(?:^|(?<=[.!?)\]])\s*)([A-Z][A-Za-z0-9 ,/&'()-]{2,60}?):\s*(?=\S)")
_LABEL_PARTS = re.compile(r",?\s+(?:and|&)\s+|/|,\s*")


def nlm_category(label: str) -> str:
    """'Materials and methods' -> 'METHODS'; unknown labels -> 'UNASSIGNED'; '' -> ''."""
    if not label:
        return ""
    key = clean_text(label).lower().rstrip(":. ")
    if key in _LABEL_TO_CATEGORY:
        return _LABEL_TO_CATEGORY[key]
    for part in _LABEL_PARTS.split(key):  # "Methods and results" -> first known part
        if part in _LABEL_TO_CATEGORY:
            return _LABEL_TO_CATEGORY[part]
    for word in reversed(key.split()):  # "Main Conclusions" -> conclusions
        if word in _LABEL_TO_CATEGORY:
            return _LABEL_TO_CATEGORY[word]
    return "UNASSIGNED"


def _is_label(label: str) -> bool:
    """Upper-case labels are labels ('SETTING:'); mixed case only if every part is a known label word."""
    if label.isupper():
        return len(label) > 3 or nlm_category(label) != "UNASSIGNED"
    key = label.lower().strip()
    if key in _LABEL_TO_CATEGORY:
        return True
    parts = [p for p in _LABEL_PARTS.split(key) if p]
    return bool(parts) and all(p in _LABEL_TO_CATEGORY for p in parts)


def split_structured_abstract(text: str | None):
    """'BACKGROUND: a. METHODS: b.' -> sections with labels and NLM categories; else one section."""
    from ..models import AbstractSection

    t = clean_text(text)
    if not t:
        return []
    marks = [m for m in _LABEL.finditer(t) if _is_label(m.group(1))]
    if len(marks) < 2 and not (marks and marks[0].start() == 0):
        return [AbstractSection(text=t)]
    sections = []
    if marks[0].start() > 0:
        lead = t[: marks[0].start()].strip()
        if lead:
            sections.append(AbstractSection(text=lead))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(t)
        body = t[m.end():end].strip()
        if body:
            label = m.group(1).strip()
            sections.append(AbstractSection(text=body, label=label, category=nlm_category(label)))
    return sections


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
