"""What the pages and the API show, built once as plain dicts (rendered as HTML or returned as JSON).

Caching: cheap-to-keep results (topic counts, assembled card views, rendered public card pages) live in a
per-thread cache that is thrown away as soon as the database changes. The check is SQLite's
``PRAGMA data_version`` (changes when another connection commits) plus the connection's own
``total_changes`` (changes it made itself), so an edit or a publish — from this worker, another worker or
the CLI — is visible on the very next request, and no invalidation calls to forget. While a public page
is rebuilt after a commit that did not touch its own study (an import of others), readers get the page
as it was (views/public.py, ``public_page``), at most one build old.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ..errors import NotFound
from ..models import Record
from ..store import Store
from ..text import record_sentences
from . import queries
from .markup import EVIDENCE_MEANING, PROVENANCE_KIND, RESEARCH_TYPE_MEANING, VERDICT_MEANING, http_url, plain

SECTION_LABELS = {
    "title": "Title", "upshot": "The upshot", "badges": "Badges", "key_points": "Key points",
    "methods": "How it was conducted", "findings": "What they found", "limitations": "Limitations",
    "why_it_matters": "Why it matters", "source": "Source", "topics": "Topics",
}


class Hub:
    def __init__(self, store: Store):
        self.store = store
        self._local = threading.local()

    # -- cache --------------------------------------------------------------------------------
    def _stamp(self) -> tuple[int, int]:
        return self.store.dialect.change_stamp(self.store.conn)

    def peek(self, key: Any) -> tuple[Any, tuple[int, int]]:
        """(cached value or None, the current stamp) without building: the event loop's fast path."""
        local = self._local
        stamp = self._stamp()
        if getattr(local, "stamp", None) != stamp:
            # the values of the old state are kept aside as "previous" (see ``previous``)
            previous = getattr(local, "previous", {})
            previous.update(getattr(local, "items", {}))
            if len(previous) > 1000:
                previous.clear()
            local.stamp, local.items, local.previous = stamp, {}, previous
        return local.items.get(key), stamp

    def card_version(self, study_id: int) -> tuple[Any, ...] | None:
        """What a card page rests on for this study (its card, its edits, its appraisal, its retraction), read
        with one indexed query: a page kept from before an unrelated commit (an import of other studies) may
        still be served while it is rebuilt, one of this study's own changes may not."""
        row = self.store.query_one(
            "SELECT c.status, c.updated_at, (SELECT MAX(v.version_no) FROM card_versions v WHERE v.study_id = c.study_id),"
            " a.updated_at, length(a.data), s.retracted FROM cards c JOIN studies s ON s.id = c.study_id"
            " LEFT JOIN appraisals a ON a.study_id = c.study_id WHERE c.study_id = ?", (study_id,))
        return tuple(row) if row else None

    def previous(self, key: Any) -> Any:
        """The value ``key`` had before the database last changed (None if none): what an anonymous page
        shows while its new version is being built, so no reader waits on a rebuild during an import."""
        return getattr(self._local, "previous", {}).get(key)

    def put(self, key: Any, value: Any, stamp: tuple[int, int]) -> None:
        """Keep a value built elsewhere, if the database has not changed since ``stamp`` was read."""
        local = self._local
        if getattr(local, "stamp", None) == stamp == self._stamp():
            if len(local.items) > 1000:  # rendered pages are ~20 kB: at most ~20 MB a worker
                local.items.clear()
            local.items[key] = value

    def cached(self, key: Any, build: Callable[[], Any]) -> Any:
        local = self._local
        stamp = self._stamp()
        if getattr(local, "stamp", None) != stamp:
            local.stamp, local.items = stamp, {}
        if key not in local.items:
            if len(local.items) > 200:  # bound memory per thread (the pool has up to 40); a rebuild is cheap
                local.items.clear()
            local.items[key] = build()
        return local.items[key]

    # -- lists ----------------------------------------------------------------------------------
    def topic_counts(self) -> dict[str, int]:
        return self.cached("topic_counts", lambda: queries.topic_counts(self.store))

    def latest(self, limit: int = 8) -> list[dict[str, Any]]:
        return self.cached(("latest", limit), lambda: queries.latest_published(self.store, limit=limit))

    # -- one study ------------------------------------------------------------------------------
    def card_view(self, study_id: int, *, editor: bool) -> dict[str, Any]:
        """Everything the card page shows. The public sees published cards only (404 otherwise)."""
        if editor:
            return self._card_view(study_id, editor=True)
        return self.cached(("card", study_id), lambda: self._card_view(study_id, editor=False))

    def _card_view(self, study_id: int, *, editor: bool) -> dict[str, Any]:
        from ..appraise.persist import get_appraisal
        from ..cards.review import get_card
        from ..studies import load_record, study_row

        if not editor and queries.card_statuses(self.store, [study_id]).get(study_id) != "published":
            # One answer, one cost, for an unknown id and an unpublished study: a draft's existence is
            # not disclosed, not even by the wording of the 404.
            raise NotFound(not_published(study_id))
        row = study_row(self.store, study_id)
        card_row = get_card(self.store, study_id)
        if not card_row or (card_row.get("status") != "published" and not editor):
            raise NotFound(not_published(study_id))
        record = load_record(self.store, study_id)
        appraisal = get_appraisal(self.store, study_id) or {}
        card = dict(card_row.get("data") or {})
        if (card.get("source") or {}).get("url") and not http_url(card["source"]["url"]):
            card["source"] = {**card["source"], "url": None}  # the API's copy too: never a javascript: link
        if not editor and (card.get("to_review") or {}).get("parts"):
            card = _revising(card)
        badges = dict(card.get("badges") or {})
        for key in ("verdict", "research_type", "evidence"):
            badges.setdefault(key, appraisal.get(key))
        primary_topic = (card.get("topics") or {}).get("primary") or (appraisal.get("topics") or [None])[0]
        source = dict(card.get("source") or {})
        source.setdefault("doi", record.doi)
        source.setdefault("pmid", record.pmid)
        if source.get("url"):  # only http(s) links leave the hub, on pages and in the API
            source["url"] = http_url(source["url"]) or None
        view = {
            "id": study_id,
            "title_html": display_title(card.get("title"), record.title, record.title_html),
            "row": row,
            "record": record,
            "appraisal": appraisal,
            "card_row": card_row,
            "card": card,
            "badges": badges,
            "explain": {
                "verdict": VERDICT_MEANING.get(badges.get("verdict") or "", ""),
                "research_type": RESEARCH_TYPE_MEANING.get(badges.get("research_type") or "", ""),
                "evidence": EVIDENCE_MEANING.get(badges.get("evidence") or "", ""),
            },
            "source": source,
            "primary_topic": primary_topic,
            "other_topics": (card.get("topics") or {}).get("others") or (appraisal.get("topics") or [])[1:],
            "retracted": bool(row.get("retracted") or record.retracted or appraisal.get("retracted")),
            "provenance": provenance_by_section(card, record),
            "related": self._related(study_id, editor=editor),
            "more_in_topic": queries.latest_published(self.store, limit=5, topic=primary_topic, exclude=study_id)
            if primary_topic else [],
        }
        view["json_ld"] = json_ld(view)
        return view

    def _related(self, study_id: int, *, editor: bool, limit: int = 5) -> list[dict[str, Any]]:
        from ..search import related

        hits = related(self.store, study_id, limit=limit * 4)
        if not editor:
            keep = queries.published_ids(self.store, [h["id"] for h in hits])
            hits = [h for h in hits if h["id"] in keep]
        return [h for h in hits if h["id"] != study_id][:limit]

    def card_json(self, study_id: int, *, editor: bool) -> dict[str, Any]:
        view = self.card_view(study_id, editor=editor)
        row = view["card_row"]
        return {
            "study_id": study_id,
            "status": row.get("status"),
            "published_at": row.get("published_at"),
            "updated_at": row.get("updated_at"),
            "card": view["card"],
        }


REVISING_NOTE = "Being revised: an editor corrected the appraisal this part was written from."


def _revising(card: dict[str, Any]) -> dict[str, Any]:
    """The public copy of a card whose verdict or evidence an editor corrected after these parts were
    written: each part listed for review says it is being revised instead of the old wording (issue 15,
    item 6), on the page and in the API alike, until the editor saves the card."""
    card = dict(card)
    for path in card["to_review"]["parts"]:
        section, _, key = path.partition(".")
        part = card.get(section)
        if isinstance(part, dict) and part.get(key):
            card[section] = {**part, key: REVISING_NOTE}
    card.pop("to_review", None)
    return card


def not_published(study_id: int) -> str:
    """The public's one 404 message for a study id, whether the study is unknown or not published."""
    return f"no published study with id {study_id}"


def display_title(card_title: str | None, plain_title: str, title_html: str) -> str:
    """The card's title, unless it is just the plain record title: then the record's copy with its markup."""
    if not card_title or card_title.strip() == (plain_title or "").strip():
        return title_html or plain_title or ""
    return card_title


def provenance_by_section(card: dict[str, Any], record: Record) -> dict[str, list[dict[str, Any]]]:
    """Provenance entries grouped by the card section they belong to, with the source sentences' text."""
    sentences = {s.id: s for s in record_sentences(record)}
    out: dict[str, list[dict[str, Any]]] = {}
    for entry in card.get("provenance") or []:
        path = str(entry.get("path", ""))
        section, _, rest = path.partition(".")
        label = _item_label(section, rest, card)
        sources = []
        for sid in entry.get("sources") or []:
            if sid == "title":
                sources.append({"id": "title", "section": "Title", "text": plain(record.title)})
            elif sid in sentences:
                s = sentences[sid]
                sources.append({"id": sid, "section": s.section or "Abstract", "text": s.text})
        out.setdefault(section, []).append({
            "path": path, "label": label, "kind": entry.get("kind", ""),
            "kind_text": PROVENANCE_KIND.get(entry.get("kind", ""), entry.get("kind", "")), "sources": sources,
        })
    return out


def _item_label(section: str, rest: str, card: dict[str, Any]) -> str:
    if not rest:
        return SECTION_LABELS.get(section, section)
    first = rest.split(".")[0]
    if first.isdigit():
        n = int(first)
        if section == "methods":
            rows = card.get("methods") or []
            if n < len(rows):
                return str(rows[n].get("label") or f"Row {n + 1}")
        noun = {"key_points": "Point", "findings": "Finding", "limitations": "Limitation"}.get(section, "Item")
        return f"{noun} {n + 1}"
    return {"question": "Question", "answer": "Answer", "patients": "For patients", "clinicians": "For clinicians",
            "readers": "For readers"}.get(first, first.replace("_", " ").capitalize())


def json_ld(view: dict[str, Any]) -> dict[str, Any]:
    """schema.org MedicalScholarlyArticle for the paper the card describes."""
    record: Record = view["record"]
    card = view["card"]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalScholarlyArticle",
        "headline": plain(card.get("title") or record.title)[:300],
        "name": plain(card.get("title") or record.title),
        "abstract": (card.get("upshot") or {}).get("answer", ""),
        "inLanguage": record.language or "en",
        "isAccessibleForFree": True,
    }
    if record.authors:
        data["author"] = [{"@type": "Organization" if a.collective else "Person", "name": a.display}
                          for a in record.authors[:20]]
    if record.pub_date or record.year:
        data["datePublished"] = record.pub_date or str(record.year)
    if record.journal:
        data["isPartOf"] = {"@type": "Periodical", "name": record.journal}
    ids = []
    if record.doi:
        ids.append({"@type": "PropertyValue", "propertyID": "DOI", "value": record.doi})
        data["sameAs"] = f"https://doi.org/{record.doi}"
    if record.pmid:
        ids.append({"@type": "PropertyValue", "propertyID": "PMID", "value": record.pmid})
    if ids:
        data["identifier"] = ids
    design = (view["appraisal"] or {}).get("design")
    if design:
        data["publicationType"] = design
    topics = [t for t in [view["primary_topic"], *view["other_topics"]] if t]
    if topics:
        data["about"] = [{"@type": "MedicalEntity", "name": t} for t in topics]
    return data
