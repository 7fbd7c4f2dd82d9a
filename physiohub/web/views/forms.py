"""Editor forms <-> card and appraisal data: which fields there are and how a POSTed form becomes values."""
from __future__ import annotations

import copy
import re
from typing import Any

from starlette.datastructures import FormData

from ...errors import InvalidInput
from ...taxonomy import BODY_REGIONS, DESIGNS, EVIDENCE, RESEARCH_TYPES, TOPICS, VERDICTS

# (field, label, kind, options). Kinds: choice, multi (checkboxes), int, text, lines (one item a line),
# comma (a comma-separated list), bool. Spans with offsets (key_numbers, pico) are not hand-edited here:
# they point into the source text, and the card's own sections are where their wording is corrected.
# The *_reasons lists are the machine's record of how it decided; an override adds the editor's reason
# to them (appraise.persist), so they are not edited by hand either.
APPRAISAL_FIELDS: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("design", "Design", "choice", DESIGNS),
    ("research_type", "Research type", "choice", RESEARCH_TYPES),
    ("evidence", "Evidence", "choice", EVIDENCE),
    ("verdict", "Verdict", "choice", VERDICTS),
    ("n_participants", "Participants (n)", "int", ()),
    ("n_studies", "Included studies (k)", "int", ()),
    ("followup", "Follow-up", "text", ()),
    ("grade", "GRADE statements (one a line)", "lines", ()),
    ("topics", "Topics (first is primary)", "comma", TOPICS),
    ("body_regions", "Body regions", "multi", BODY_REGIONS),
    ("conditions", "Conditions (comma-separated)", "comma", ()),
    ("retracted", "Retracted", "bool", ()),
    ("in_scope", "In scope for MSK physiotherapy (shown on the home page and in topic counts)", "bool", ()),
]
LIST_SECTIONS = (("key_points", "Key points"), ("findings", "What they found"), ("limitations", "Limitations"))
WHY = (("patients", "For patients"), ("clinicians", "For clinicians"), ("readers", "For readers"))
MAX_FIELD = 5000
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def _lines(value: str) -> list[str]:
    return [ln.strip() for ln in value.splitlines() if ln.strip()]


def _text(form: FormData, name: str) -> str:
    value = str(form.get(name) or "").replace("\r\n", "\n").strip()
    if len(value) > MAX_FIELD:
        raise InvalidInput(f"field {name!r} is longer than {MAX_FIELD} characters")
    return value


def form_value(value: Any, kind: str) -> str:
    """The appraisal value as it appears in a form field."""
    if value is None:
        return ""
    if kind == "lines":
        return "\n".join(str(v) for v in value)
    if kind == "comma":
        return ", ".join(str(v) for v in value)
    return str(value)


def parse_appraisal(form: FormData, current: dict[str, Any]) -> dict[str, Any]:
    """The fields whose POSTed value differs from the current appraisal, parsed and validated."""
    changed: dict[str, Any] = {}
    for name, label, kind, options in APPRAISAL_FIELDS:
        if kind == "multi":
            value: Any = [v for v in form.getlist(name) if v in options]
        elif kind == "bool":
            value = form.get(name) in ("1", "on", "true")
        else:
            raw = _text(form, name)
            if kind == "choice":
                if raw not in options:
                    raise InvalidInput(f"{label}: {raw!r} is not one of the allowed values")
                value = raw
            elif kind == "int":
                # ASCII digits, at most 9 ('²' passes str.isdigit() but not int(); 5,000 digits pass
                # neither Python's int() limit nor SQLite's 64-bit integers).
                if raw and not _WHOLE_NUMBER.fullmatch(raw):
                    raise InvalidInput(f"{label}: expected a whole number (digits 0-9, at most 9 of them)")
                value = int(raw) if raw else None
            elif kind == "lines":
                value = _lines(raw)
            elif kind == "comma":
                value = [v.strip() for v in raw.split(",") if v.strip()]
                if options:
                    bad = [v for v in value if v not in options]
                    if bad:
                        raise InvalidInput(f"{label}: unknown value {bad[0]!r}")
            else:
                value = raw or None
        old = current.get(name)
        if kind in ("lines", "comma", "multi"):
            old = list(old or [])
        elif kind == "bool":
            old = bool(old)
        if value != old:
            changed[name] = value
    return changed


def card_form_values(card: dict[str, Any]) -> dict[str, str]:
    up = card.get("upshot") or {}
    why = card.get("why_it_matters") or {}
    src = card.get("source") or {}
    topics = card.get("topics") or {}
    out = {
        "title": card.get("title") or "", "question": up.get("question") or "", "answer": up.get("answer") or "",
        "methods": "\n".join(f"{m.get('label', '')}: {m.get('text', '')}" for m in card.get("methods") or []),
        "citation": src.get("citation") or "", "doi": src.get("doi") or "", "pmid": src.get("pmid") or "",
        "url": src.get("url") or "", "primary_topic": topics.get("primary") or "",
        "other_topics": ", ".join(topics.get("others") or []),
    }
    for key, _ in LIST_SECTIONS:
        out[key] = "\n".join(card.get(key) or [])
    for key, _ in WHY:
        out[f"why_{key}"] = why.get(key) or ""
    return out


def parse_card(form: FormData, card: dict[str, Any]) -> dict[str, Any]:
    """A new card dict from the edit form. Items whose text changed get provenance kind ``edited``."""
    new = copy.deepcopy(card)
    new["title"] = _text(form, "title")
    if not new["title"]:
        raise InvalidInput("the card needs a title")
    new["upshot"] = {"question": _text(form, "question"), "answer": _text(form, "answer")}
    for key, _ in LIST_SECTIONS:
        new[key] = _lines(_text(form, key))
    methods = []
    for line in _lines(_text(form, "methods")):
        label, sep, text = line.partition(":")
        if not sep or not label.strip() or not text.strip():
            raise InvalidInput(f"methods: write each row as 'Label: text' (got {line[:40]!r})")
        methods.append({"label": label.strip(), "text": text.strip()})
    new["methods"] = methods
    new["why_it_matters"] = {key: _text(form, f"why_{key}") for key, _ in WHY}
    src = dict(new.get("source") or {})
    for key in ("citation", "doi", "pmid", "url"):
        src[key] = _text(form, key)
    if src["url"] and not re.match(r"^https?://", src["url"]):
        raise InvalidInput("source link must start with http:// or https://")
    new["source"] = src
    primary = _text(form, "primary_topic")
    others = [t.strip() for t in _text(form, "other_topics").split(",") if t.strip()]
    for t in [primary, *others]:
        if t and t not in TOPICS:
            raise InvalidInput(f"unknown topic {t!r}")
    new["topics"] = {"primary": primary or None, "others": others}
    new["provenance"] = _mark_edited(card, new)
    return new


def _value_at(card: dict[str, Any], path: str) -> Any:
    node: Any = card
    for part in path.split("."):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def _mark_edited(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for entry in old.get("provenance") or []:
        path = str(entry.get("path", ""))
        after = _value_at(new, path)
        if after in (None, "", [], {}):
            continue  # the item is gone
        entry = dict(entry)
        if after != _value_at(old, path):
            entry["kind"] = "edited"
        out.append(entry)
    return out


def kept_card_values(form: FormData) -> dict[str, str]:
    """The card form's fields exactly as POSTed, to show again when the save did not go through."""
    keys = ["title", "question", "answer", "methods", "citation", "doi", "pmid", "url", "primary_topic",
            "other_topics", "note", *(k for k, _ in LIST_SECTIONS), *(f"why_{k}" for k, _ in WHY)]
    return {k: str(form.get(k) or "")[:MAX_FIELD * 2] for k in keys}


def kept_fields(form: FormData, fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The appraisal form's fields with the POSTed values in place of the stored ones."""
    out = []
    for f in fields:
        f = dict(f)
        if f["kind"] == "multi":
            f["value"] = [v for v in form.getlist(f["name"]) if v in f["options"]]
        elif f["kind"] == "bool":
            f["value"] = form.get(f["name"]) in ("1", "on", "true")
        else:
            f["text"] = str(form.get(f["name"]) or "")[:MAX_FIELD * 2]
            if f["kind"] == "choice":
                f["value"] = f["text"]
        out.append(f)
    return out
