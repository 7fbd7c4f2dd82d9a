"""Safe text for pages: inline title markup, JSON-LD, topic slugs, and what each badge means.

Titles and abstracts may carry ``<i>``, ``<b>``, ``<sup>``, ``<sub>`` (gene names, units, species). Every
other tag is shown as text, never dropped silently and never interpreted: the text is escaped whole, the four
harmless tags (exactly, without attributes) are turned back into tags, and nh3 (ammonia, a Rust allow-list
sanitiser) rebalances them, so ``<script>`` or ``<img onerror=...>`` in a title reads as literal text.
"""
from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import quote, urlsplit

import nh3
from markupsafe import Markup

from ..taxonomy import CARD_STATUSES, TOPICS

INLINE_TAGS = {"i", "b", "sup", "sub"}
_ESCAPED_TAG = re.compile(r"&lt;(/?)(i|b|sup|sub)&gt;", re.IGNORECASE)

STATUSES = CARD_STATUSES

VERDICT_MEANING = {
    "Supports": "The results favour the treatment or idea the study tested.",
    "Mixed picture": "Benefit showed in some outcomes or time points but not others, or the effect was small and uncertain.",
    "No clear difference": "The groups or options compared ended up about the same.",
    "Does not support": "The results go against the treatment or idea the study tested.",
    "Too early to tell": "The study cannot answer the question yet: a protocol, a pilot, or too little data.",
}
RESEARCH_TYPE_MEANING = {
    "Review of studies": "Brings together the results of earlier studies.",
    "Primary study": "Collected its own data from people (or animals, or a lab).",
    "Expert review": "Experts summarise what they know, without a systematic search of all studies.",
    "Guideline": "Recommendations written for clinicians.",
    "Opinion": "An editorial, commentary or letter: a view, not new data.",
    "Study protocol": "The plan for a study that has not reported results yet.",
}
EVIDENCE_MEANING = {
    "Strong": "Systematic reviews of randomised trials with no serious problems found.",
    "Moderate": "Usually a randomised trial, or a review held back by one problem.",
    "Limited": "Non-randomised or observational designs, or a trial with a serious problem such as a small sample.",
    "Very limited": "Case reports, opinion, lab or animal work, protocols, or several serious problems.",
}
LADDER = (
    "Start from the design: reviews of randomised trials start at Strong, randomised trials at Moderate, "
    "other comparative and observational designs at Limited, and case reports, opinion, lab or animal work "
    "and protocols at Very limited.",
    "Step down one level for each of: a small sample, a pilot or feasibility study, certainty rated low by "
    "the authors, or a high risk of bias.",
    "The authors' own GRADE rating caps the level.",
)
PROVENANCE_KIND = {
    "extracted": "copied from the abstract",
    "rewritten": "rewritten in plain words from the abstract",
    "templated": "built from a template filled with details from the abstract",
    "model": "written by a language model from the abstract, then checked",
    "edited": "changed by an editor; the source sentences shown are those of the original wording",
}


def inline(text: str | None) -> Markup:
    """Text with only i/b/sup/sub kept as markup; everything else escaped."""
    if not text:
        return Markup("")
    escaped = html.escape(html.unescape(str(text)), quote=True)
    restored = _ESCAPED_TAG.sub(lambda m: f"<{m.group(1)}{m.group(2).lower()}>", escaped)
    return Markup(nh3.clean(restored, tags=INLINE_TAGS, attributes={}, clean_content_tags=set()))


def plain(text: str | None) -> str:
    """Text with the inline tags removed (for <title>, feeds, JSON-LD)."""
    return re.sub(r"</?(?:i|b|sup|sub)>", "", html.unescape(str(text or "")), flags=re.IGNORECASE)


def json_ld(data: Any) -> Markup:
    """JSON for a <script type="application/ld+json"> block: '<', '>' and '&' escaped so no text in the
    data can close the script element (the OWASP rule for JSON in HTML)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


_URL_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def http_url(url: object) -> str:
    """``url`` if it is an absolute http(s) link, else "" (never a link at all).

    Imported records carry whatever URL their file held: ``javascript:``, ``data:``, ``vbscript:`` or a
    relative path must not become a live "Read paper" link. Browsers drop tabs and newlines inside a URL
    (``java\tscript:`` runs as ``javascript:``), so any control character or space refuses it too."""
    text = str(url or "").strip()
    if not text or _URL_CONTROL.search(text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:  # an unbalanced '[' in the host part
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return text


def _id_link(kind: str, value: str, label: str) -> str:
    """A link to a DOI or a PubMed record, its label escaped (the address's DOI percent-encoded where needed)."""
    if kind == "doi":
        href = "https://doi.org/" + quote(value, safe="/:;()-._~")
    else:
        href = f"https://pubmed.ncbi.nlm.nih.gov/{quote(value, safe='')}/"
    return f'<a href="{html.escape(href, quote=True)}" rel="noopener">{html.escape(label, quote=True)}</a>'


def reference_html(ref: dict[str, Any]) -> Markup:
    """A reference entry of the check page: its text escaped, its own DOI and PMID linked where the text writes them
    (so they are shown once), and only an identifier the text does not hold added after it."""
    from ..check.report import extra_ids, id_spans

    text = str(ref.get("text") or "")
    spans = id_spans(text, ref.get("doi"), ref.get("pmid"))
    out, at = [], 0
    for kind, (start, end) in sorted(spans.items(), key=lambda kv: kv[1]):
        if start < at:   # overlapping spans (never seen): the later one stays text
            continue
        out.append(html.escape(text[at:start], quote=True))
        out.append(_id_link(kind, str(ref[kind]), text[start:end]))
        at = end
    out.append(html.escape(text[at:], quote=True))
    for kind, value in extra_ids(ref):
        out.append(" — " + _id_link(kind, value, f"doi:{value}" if kind == "doi" else f"PubMed {value}"))
    return Markup("".join(out))


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", "and")).strip("-")


TOPIC_BY_SLUG = {slug(t): t for t in TOPICS}


def css_token(value: str | None) -> str:
    """A class-name-safe token for a badge value ('Very limited' -> 'very-limited')."""
    return slug(value or "unknown") or "unknown"


def show(value: object) -> str:
    """A card or appraisal value as one readable line (lists joined, rows as 'label: text')."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(show(v) for v in value)
    if isinstance(value, dict):
        if set(value) >= {"label", "text"}:
            return f"{value['label']}: {value['text']}"
        return "; ".join(f"{k}: {show(v)}" for k, v in value.items())
    return str(value)


_RETRACTION_LABELS = {"RetractionIn": "Retraction notice", "RetractionOf": "This is the retraction notice of",
                      "ExpressionOfConcernIn": "Expression of concern", "ErratumIn": "Correction"}


def retraction_note(note: str) -> str:
    """'RetractionIn: J Foo. 2020' (PubMed's field name) -> 'Retraction notice: J Foo. 2020'."""
    head, sep, rest = (note or "").partition(":")
    label = _RETRACTION_LABELS.get(head.strip())
    return f"{label}: {rest.strip()}" if sep and label and rest.strip() else (label or note)


# What the editor reads in the history table: the card's parts by their names on the page, numbered from 1.
_PART_LABELS = {
    "title": "Title", "upshot.question": "The upshot: question", "upshot.answer": "The upshot: answer",
    "badges.verdict": "Verdict", "badges.evidence": "Evidence", "badges.research_type": "Research type",
    "key_points": "Key point", "findings": "What they found", "limitations": "Limitation",
    "methods": "How it was conducted", "why_it_matters.patients": "Why it matters: for patients",
    "why_it_matters.clinicians": "Why it matters: for clinicians", "why_it_matters.readers": "Why it matters: for readers",
    "source.doi": "DOI", "source.pmid": "PMID", "source.url": "Link to the paper", "source.citation": "Citation",
    "topics.primary": "Primary topic", "topics.others": "Other topics", "flags": "Flags for the editor",
}
_INTERNAL_PARTS = ("provenance", "generator", "version", "_subject", "edited_by")


def change_rows(diff: list) -> list[dict[str, str]]:
    """History rows with human labels and real before/after values only (no empty or unchanged rows, no
    internal bookkeeping such as provenance)."""
    rows = []
    for d in diff or []:
        if not isinstance(d, dict):
            rows.append({"label": str(d), "old": "", "new": ""})
            continue
        path = str(d.get("path") or "")
        if path.split(".")[0] in _INTERNAL_PARTS:
            continue
        old, new = show(d.get("old")).strip(), show(d.get("new")).strip()
        if old == new:
            continue  # "source.doi (changed)" from None to "": nothing a reader would call a change
        head, _, tail = path.rpartition(".")
        if path in _PART_LABELS:
            label = _PART_LABELS[path]
        elif tail.isdigit() and head in _PART_LABELS:
            label = f"{_PART_LABELS[head]} {int(tail) + 1}"
        else:
            label = path.replace("_", " ").replace(".", ": ").capitalize()
        rows.append({"label": label, "old": old, "new": new})
    return rows
