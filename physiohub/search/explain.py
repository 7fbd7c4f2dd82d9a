"""What a search did with its words, said to the reader (issue 15, item 10).

Three cases the ranking alone hides:

- a query of common words only ("the", "*"): nothing to search for, so the page asks for more words instead
  of listing every study;
- a word no study in the hub contains, close in spelling to one that many do ("osteoartritis"): "Did you
  mean osteoarthritis?", with the corrected search as a link;
- a word no study contains and nothing close ("fibromyalgia" in a hub without it): "No study mentions
  fibromyalgia", and the hits that follow are the closest by meaning.

The words come from the hub's own studies (titles and abstracts; for the public, published studies only,
so a suggestion never reveals a draft). "Contains" is judged on the same Snowball stems keyword search
uses, so "exercises" is found where the hub says "exercise".
"""
from __future__ import annotations

import difflib
import json
import re
import threading
from collections import Counter
from typing import Any

from ..store import Store
from .lexical import _stem
from .query import _TOKEN, MAX_QUERY_CHARS, STOPWORDS

_CACHE: dict[tuple, tuple[Counter, set[str]]] = {}
_LOCK = threading.Lock()
_WORD = re.compile(r"[a-z][a-z-]{2,}")


def _hub_state(store: Store, where: str) -> tuple:
    """What the word list depends on, read cheaply: the search change log's head moves with every change to
    a study's text or a card's status (search/changes.py); the COUNT/MAX over the joined tables it replaces
    cost 0.5 ms of every search. Hubs without the log (not yet migrated) use that query."""
    from .changes import head

    try:
        return ("log", head(store), store.query_one("SELECT max(id) FROM studies")[0])
    except Exception:  # noqa: BLE001 - an unmigrated hub has no log table; the full query always works
        return tuple(store.query_one(f"SELECT COUNT(*), MAX(s.id), MAX(s.updated_at) FROM studies s {where}"))


def _hub_words(store: Store, published_only: bool) -> tuple[Counter, set[str], dict[tuple[str, int], list[str]]]:
    """(surface word -> number of studies using it, their stems, spelling candidates by first letter and
    length), cached until the studies change."""
    where = "JOIN cards c ON c.study_id = s.id AND c.status = 'published'" if published_only else ""
    key = (store.url, published_only, _hub_state(store, where))
    with _LOCK:
        hit = _CACHE.get(key)
    if hit:
        return hit
    counts: Counter = Counter()
    for title, record in store.query(f"SELECT s.title, s.record FROM studies s {where}"):
        text = title or ""
        try:
            text += " " + " ".join(sec.get("text", "") for sec in json.loads(record or "{}").get("abstract_sections") or [])
        except (ValueError, AttributeError):
            pass
        counts.update(set(w.strip("-") for w in _WORD.findall(text.casefold())) - STOPWORDS)
    # Spelling candidates by first letter and length, built once per hub state: scanning the whole
    # vocabulary for every unknown query word cost ~2.5 ms a search (profiled with new queries).
    least = 2 if counts and max(counts.values()) >= 20 else 1
    by_head: dict[tuple[str, int], list[str]] = {}
    for c, n in counts.items():
        if n >= least:
            by_head.setdefault((c[:1], len(c)), []).append(c)
    result = (counts, {_stem(w) for w in counts}, by_head)
    with _LOCK:
        _CACHE.clear()  # one hub state at a time is enough
        _CACHE[key] = result
    return result


def explain_query(store: Store, query: str, *, published_only: bool = True) -> dict[str, Any]:
    """``needs_more_words`` (bool), ``not_found`` (query words no study contains), ``did_you_mean`` (the query
    with each unknown word replaced by the hub's closest common word, or None)."""
    q = (query or "")[:MAX_QUERY_CHARS]
    words = list(dict.fromkeys(t for t in _TOKEN.findall(q.casefold())))
    content = [w for w in words if w not in STOPWORDS and len(w) > 1]
    out: dict[str, Any] = {"needs_more_words": bool(q.strip()) and not content, "not_found": [], "did_you_mean": None}
    if not content:
        return out
    counts, stems, by_head = _hub_words(store, published_only)
    if not counts:
        return out
    fixed = q
    changed = False
    for w in content:
        if w.isdigit() or _stem(w) in stems:
            continue
        # Close in spelling and, in a hub of any size, used by at least two studies (a one-off typo in an
        # abstract is no suggestion).
        pool = [c for k in range(len(w) - 3, len(w) + 4) for c in by_head.get((w[:1], k), ())]
        close = difflib.get_close_matches(w, pool, n=1, cutoff=0.8)
        if close:
            fixed = re.sub(rf"(?i)\b{re.escape(w)}\b", close[0], fixed)
            changed = True
        else:
            out["not_found"].append(w)
    if changed:
        out["did_you_mean"] = fixed.strip()
    return out
