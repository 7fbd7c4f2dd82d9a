"""A card three ways: a safe HTML fragment, Markdown, JSON.

HTML safety: every text is escaped, except the title, which may keep harmless inline markup
(i, b, sup, sub — gene names, chemical formulas, "p<sub>0</sub>") after nh3's allow-list sanitiser,
with no attributes at all. Every sentence carries its provenance as data attributes so the web page
can show where it came from.
"""
from __future__ import annotations

import json
import re
from html import escape
from typing import Any

import nh3

from ..models import Record

TITLE_TAGS = {"i", "b", "sup", "sub"}
METHOD_ORDER = ("Design", "Population", "Intervention", "Exposure", "Comparison", "Outcomes", "Sample", "Follow-up", "Aim")
WHY_LABELS = (("patients", "For patients"), ("clinicians", "For clinicians"), ("readers", "For readers"))
NOTE = "Educational summary of published research, not medical advice."


def safe_title(html_or_text: str) -> str:
    """A title as HTML with only i/b/sup/sub kept; everything else escaped or dropped."""
    return nh3.clean(html_or_text or "", tags=TITLE_TAGS, attributes={}, strip_comments=True)


def _record(study: dict[str, Any] | None) -> Record | None:
    rec = (study or {}).get("record")
    if isinstance(rec, Record):
        return rec
    if isinstance(rec, dict):
        return Record.from_dict(rec)
    return None


def _prov_attrs(prov: dict[str, dict[str, Any]], path: str) -> str:
    p = prov.get(path)
    if not p:
        return ""
    srcs = " ".join(p.get("sources") or [])
    return f' data-kind="{escape(str(p.get("kind", "")))}" data-sources="{escape(srcs)}"'


def to_html(card: dict[str, Any], *, study: dict[str, Any] | None = None) -> str:
    """The card as an HTML fragment (an <article>), safe to insert in a page as is."""
    prov = {p["path"]: p for p in card.get("provenance") or [] if isinstance(p, dict) and "path" in p}
    rec = _record(study)
    title = card.get("title") or ""
    if rec is not None and rec.title_html and title.strip() == rec.title.strip():
        title_html = safe_title(rec.title_html)
    else:
        title_html = escape(title)  # plain text (editor-written or no markup): nothing kept as markup
    sid = (study or {}).get("id")
    h: list[str] = [f'<article class="study-card"{f" data-study-id={chr(34)}{escape(str(sid))}{chr(34)}" if sid is not None else ""}>']
    h.append(f'<h1 class="card-title">{title_html}</h1>')
    retracted = (study or {}).get("retracted") or (rec.retracted if rec else False) or \
        ((study or {}).get("appraisal") or {}).get("retracted")
    if retracted:
        h.append('<p class="retracted" role="alert"><strong>Retracted:</strong> this paper has been retracted.</p>')
    status = ((study or {}).get("card") or {}).get("status")
    if status and status != "published":
        h.append(f'<p class="card-status" data-status="{escape(status)}">Status: {escape(status.replace("_", " "))}</p>')
    up = card.get("upshot") or {}
    if up:
        h.append('<section class="upshot"><h2>The upshot</h2>')
        if up.get("question"):
            h.append(f'<p class="question"{_prov_attrs(prov, "upshot.question")}>{escape(up["question"])}</p>')
        if up.get("answer"):
            h.append(f'<p class="answer"{_prov_attrs(prov, "upshot.answer")}>{escape(up["answer"])}</p>')
        h.append("</section>")
    badges = {k: v for k, v in (card.get("badges") or {}).items() if v}
    if badges:
        h.append('<ul class="badges">' + "".join(
            f'<li class="badge badge-{escape(k.replace("_", "-"))}">{escape(str(v))}'
            f'{" evidence" if k == "evidence" else ""}</li>' for k, v in badges.items()) + "</ul>")

    def items(name: str, heading: str, tag: str) -> None:
        vals = card.get(name) or []
        if vals:
            h.append(f'<section class="{name.replace("_", "-")}"><h2>{heading}</h2><{tag}>')
            h.extend(f"<li{_prov_attrs(prov, f'{name}.{i}')}>{escape(v)}</li>" for i, v in enumerate(vals))
            h.append(f"</{tag}></section>")

    items("key_points", "Key points", "ol")
    rows = card.get("methods") or []
    if rows:
        h.append('<section class="methods"><h2>How it was conducted</h2><dl>')
        for i, r in enumerate(rows):
            h.append(f"<dt>{escape(r.get('label', ''))}</dt><dd{_prov_attrs(prov, f'methods.{i}')}>"
                     f"{escape(r.get('text', ''))}</dd>")
        h.append("</dl></section>")
    items("findings", "What they found", "ul")
    items("limitations", "Limitations", "ul")
    why = card.get("why_it_matters") or {}
    if why:
        h.append('<section class="why-it-matters"><h2>Why it matters</h2><dl>')
        for key, label in WHY_LABELS:
            if why.get(key):
                h.append(f"<dt>{label}</dt><dd{_prov_attrs(prov, f'why_it_matters.{key}')}>{escape(why[key])}</dd>")
        h.append("</dl></section>")
    src = card.get("source") or {}
    if any(src.values()):
        h.append('<section class="source"><h2>Source</h2>')
        if src.get("citation"):
            h.append(f'<p class="citation">{escape(src["citation"])}</p>')
        ids = []
        if src.get("doi"):
            ids.append(f'doi:{escape(src["doi"])}')
        if src.get("pmid"):
            ids.append(f'PMID {escape(str(src["pmid"]))}')
        if ids:
            h.append(f'<p class="ids">{" · ".join(ids)}</p>')
        url = src.get("url") or ""
        if url.startswith(("https://", "http://")):
            h.append(f'<p><a href="{escape(url)}" rel="noopener nofollow">Read the original paper</a></p>')
        h.append("</section>")
    topics = card.get("topics") or {}
    if topics.get("primary"):
        others = "".join(f"<li>{escape(t)}</li>" for t in topics.get("others") or [])
        h.append(f'<section class="topics"><h2>Topics</h2><p class="primary-topic">{escape(topics["primary"])}</p>'
                 + (f"<ul>{others}</ul>" if others else "") + "</section>")
    gen = " ".join(escape(str(card.get(k) or "")) for k in ("generator", "version")).strip()
    h.append(f'<footer><p class="note">{NOTE}</p>' + (f'<p class="generator">Drafted by {gen}</p>' if gen else "")
             + "</footer></article>")
    return "\n".join(h)


def _md(text: str) -> str:
    # Markdown has no safe "plain text" mode: escape the characters that would start markup.
    out = str(text)
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def to_markdown(card: dict[str, Any]) -> str:
    """The card as Markdown (headings in the card's section order)."""
    m: list[str] = [f"# {_md(card.get('title') or 'Untitled')}", ""]
    up = card.get("upshot") or {}
    if up:
        m += ["## The upshot", ""]
        if up.get("question"):
            m += [f"**{_md(up['question'])}**", ""]
        if up.get("answer"):
            m += [_md(up["answer"]), ""]
    badges = [str(v) for v in (card.get("badges") or {}).values() if v]
    if badges:
        m += [" · ".join(_md(b) for b in badges), ""]
    if card.get("key_points"):
        m += ["## Key points", ""] + [f"{i}. {_md(t)}" for i, t in enumerate(card["key_points"], 1)] + [""]
    if card.get("methods"):
        m += ["## How it was conducted", ""] + [f"- **{_md(r['label'])}:** {_md(r['text'])}" for r in card["methods"]] + [""]
    for key, heading in (("findings", "What they found"), ("limitations", "Limitations")):
        if card.get(key):
            m += [f"## {heading}", ""] + [f"- {_md(t)}" for t in card[key]] + [""]
    why = card.get("why_it_matters") or {}
    if why:
        m += ["## Why it matters", ""]
        m += [f"**{label}:** {_md(why[k])}\n" for k, label in WHY_LABELS if why.get(k)]
    src = card.get("source") or {}
    if any(src.values()):
        m += ["## Source", ""]
        if src.get("citation"):
            m.append(_md(src["citation"]))
        if src.get("doi"):
            m.append(f"doi:{src['doi']}")
        if src.get("pmid"):
            m.append(f"PMID {src['pmid']}")
        if re.fullmatch(r"https?://[^\s<>]+", src.get("url") or ""):
            m.append(f"<{src['url']}>")
        m.append("")
    topics = card.get("topics") or {}
    if topics.get("primary"):
        m += [f"Topics: {_md(', '.join([topics['primary'], *(topics.get('others') or [])]))}", ""]
    m.append(f"_{NOTE}_")
    return "\n".join(m).rstrip() + "\n"


def to_json(card: dict[str, Any]) -> dict[str, Any]:
    """A plain-JSON copy of the card (provenance included); raises if it holds non-JSON values."""
    return json.loads(json.dumps(card, ensure_ascii=False))
