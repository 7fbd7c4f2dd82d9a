"""Parameter parsing and the search/check calls shared by pages and the JSON API (one view dict, two renderings)."""
from __future__ import annotations

import json
import re
import threading
from typing import Any
from urllib.parse import quote_plus, urlencode

from fastapi import HTTPException, Request
from starlette.datastructures import QueryParams

from ...store import Store
from .. import queries
from ..deps import int_param
from ...taxonomy import BODY_REGIONS, DESIGNS, EVIDENCE, TOPICS, VERDICTS

MODES = ("hybrid", "bm25", "semantic")
CHOICE_FILTERS = {"design": DESIGNS, "evidence": EVIDENCE, "verdict": VERDICTS, "topic": TOPICS,
                  "body_region": BODY_REGIONS}
MAX_QUERY = 500
# An article to check: ~8,000 words, longer than almost any news or blog piece. Checking costs CPU in
# proportion (a 99k-character text took 3.9 s on a full hub), so longer texts are refused (see limits.py).
MAX_ARTICLE = 50_000
MAX_PAGE = 500


def parse_search(params: QueryParams, *, page_size: int) -> dict[str, Any]:
    """Validated search parameters; 400 with the parameter named when one is wrong."""
    q = (params.get("q") or "").strip()
    if len(q) > MAX_QUERY:
        raise HTTPException(400, f"bad parameter 'q': at most {MAX_QUERY} characters")
    mode = params.get("mode") or "hybrid"
    if mode not in MODES:
        raise HTTPException(400, f"bad parameter 'mode': one of {', '.join(MODES)}")
    filters: dict[str, Any] = {}
    for name, allowed in CHOICE_FILTERS.items():
        value = params.get(name)
        if value:
            if value not in allowed:
                raise HTTPException(400, f"bad parameter {name!r}: {value!r} is not one of the known values")
            filters[name] = value
    for name in ("year_from", "year_to"):
        if params.get(name):
            filters[name] = int_param(params.get(name), name, default=0, lo=1800, hi=2100)
    if params.get("exclude_retracted") not in (None, "", "0", "false"):
        filters["exclude_retracted"] = True
    if params.get("include_undated") not in (None, "", "0", "false"):
        filters["include_undated"] = True
    limit = int_param(params.get("limit"), "limit", default=page_size, lo=1, hi=50)
    page = int_param(params.get("page"), "page", default=1, lo=1, hi=MAX_PAGE)
    if "offset" in params:
        offset = int_param(params.get("offset"), "offset", default=0, lo=0, hi=MAX_PAGE * 50)
    else:
        offset = (page - 1) * limit
    return {"q": q, "mode": mode, "filters": filters, "limit": limit, "offset": offset,
            "page": offset // limit + 1}


# Searches in one server process run one at a time (reentrant: a search page holds it while it searches and
# renders). A search is CPU work that holds the interpreter lock most of the time; eight of them interleaved
# in a worker's threads (16 connections over 2 workers) cost ~30% more CPU each than one after another (lock
# hand-offs every millisecond, the model's weights and the caches evicted by the others), and finished no
# sooner on average. Measured in bench_web.py --only varied: 176-196 -> 258-348 req/s (docs/benchmarks.md,
# "Search pages: CPU per request").
SEARCH_SLOT = threading.RLock()


def run_search(store: Store, p: dict[str, Any], *, editor: bool, picture: bool = False,
               index_status: dict[str, Any] | None = None) -> dict[str, Any]:
    """Search; the public only ever sees studies with a published card. ``picture`` adds ``evidence_picture``
    (web/evidence_picture.py) over the whole result set.

    ``index_status``: the background indexer's (web/indexproc.py). Until it is ready, ranking is by keywords
    only and the result carries a ``notice`` saying so (and how far the embeddings are)."""
    with SEARCH_SLOT:
        return _run_search(store, p, editor=editor, picture=picture, index_status=index_status)


def _run_search(store: Store, p: dict[str, Any], *, editor: bool, picture: bool,
                index_status: dict[str, Any] | None) -> dict[str, Any]:
    from ...search import search

    from ...search.explain import explain_query
    from ..indexproc import notice as index_notice

    said = index_notice(index_status)
    # Keyword-only while the embeddings are computed; the links built from ``p`` keep the mode asked for.
    mode = "bm25" if said else p["mode"]
    filters = dict(p["filters"])
    if not editor:
        filters["status"] = "published"
    explain = explain_query(store, p["q"], published_only=not editor) if p["q"] else {}
    if explain.get("needs_more_words") and not p["filters"]:
        # "the" or "*" alone: nothing to search for, so no list of every study (search/explain.py)
        return {"total": 0, "hits": [], "facets": {}, "explain": explain, "notice": said, "mode": None}
    result = search(store, p["q"], mode=mode, limit=p["limit"], offset=p["offset"], filters=filters,
                    with_ids=picture)
    hits = list(result.get("hits") or [])
    statuses = queries.card_statuses(store, [h["id"] for h in hits])
    if not editor:  # belt and braces: never list an unpublished study to the public
        hits = [h for h in hits if statuses.get(h["id"]) == "published"]
    for h in hits:
        h["status"] = statuses.get(h["id"])
    undated_left_out = 0
    if ("year_from" in filters or "year_to" in filters) and not filters.get("include_undated"):
        # Say how many undated studies the year range hid, and offer them (issue 15, item 11).
        wider = search(store, p["q"], mode=mode, limit=1, offset=0, filters={**filters, "include_undated": True})
        undated_left_out = max(0, int(wider.get("total") or 0) - int(result.get("total") or 0))
    out = {"total": int(result.get("total") or 0), "hits": hits, "facets": result.get("facets") or {}, "explain": explain,
           "undated_left_out": undated_left_out, "notice": said, "mode": result.get("mode")}
    if picture:
        from .. import evidence_picture

        ids = result.get("ids") or []  # the public's search filtered to published studies above
        params = {"q": p["q"], **p["filters"]}
        if p["mode"] != "hybrid":
            params["mode"] = p["mode"]
        out["evidence_picture"] = evidence_picture.for_search(store, ids, params)
    return out


def page_links(base: str, params: dict[str, Any], page: int, total: int, limit: int) -> dict[str, Any]:
    """Previous/next and a window of numbered pages, as URLs keeping the other parameters."""
    last = max(1, min(MAX_PAGE, (total + limit - 1) // limit))

    def url(n: int) -> str:
        kept = {k: v for k, v in params.items() if v not in (None, "", False) and k not in ("page", "offset")}
        if n > 1:
            kept["page"] = n
        return f"{base}?{urlencode(kept)}" if kept else base

    window = range(max(1, page - 2), min(last, page + 2) + 1)
    return {
        "page": page, "last": last,
        "prev": url(page - 1) if page > 1 else None,
        "next": url(page + 1) if page < last else None,
        "pages": [{"n": n, "url": url(n), "current": n == page} for n in window],
    }


def facet_url(base: str, params: dict[str, Any], name: str, value: Any) -> str:
    """The URL that turns a facet value on (or off when it is on). A year facet is one year: from = to."""
    return facet_urls(base, params, name, [value])[0]


def facet_urls(base: str, params: dict[str, Any], name: str, values: list[Any]) -> list[str]:
    """``facet_url`` for each of a facet's values, each parameter encoded once for all of them (a search page
    links ~50 facet values; ``urlencode`` per link was ~0.2 ms of its CPU). The same strings as ``urlencode``
    of the kept parameters, in the same order."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False) and k not in ("page", "offset")}
    names = ("year_from", "year_to") if name == "year" else (name,)
    encoded = {k: url_pair(k, v) for k, v in kept.items()}
    urls = []
    for value in values:
        if all(str(kept.get(n)) == str(value) for n in names):
            parts = [encoded[k] for k in kept if k not in names]  # clicking an active facet removes it
        else:
            mine = {n: url_pair(n, value) for n in names}
            parts = [mine.get(k) or encoded[k] for k in kept] + [mine[n] for n in names if n not in kept]
        urls.append(f"{base}?{'&'.join(parts)}" if parts else base)
    return urls


def url_pair(key: Any, value: Any) -> str:
    """One ``key=value`` of a query string, exactly as ``urlencode`` writes it."""
    return f"{quote_plus(str(key))}={quote_plus(str(value))}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def article_text(text: str | None) -> str:
    """The article to check, validated: 400 when empty or longer than MAX_ARTICLE characters.

    JSON may carry lone UTF-16 surrogates (``"\\ud800"``) that no UTF-8 encoder accepts; they become
    U+FFFD, as a browser shows them, instead of failing deep inside the checker."""
    text = _SURROGATE.sub("\ufffd", (text or "")).strip()
    if not text:
        raise HTTPException(400, "bad parameter 'text': paste the article's text")
    if len(text) > MAX_ARTICLE:
        raise HTTPException(400, f"bad parameter 'text': at most {MAX_ARTICLE} characters")
    return text


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limited_check(request: Request, text: str, *, editor: bool, as_json: bool = False) -> dict[str, Any] | bytes:
    """``run_check`` behind the cost caps (limits.py): per-client rate, one check at a time per worker.
    Runs in a worker thread (callers use run_in_threadpool or a sync route), never on the event loop.
    With ``as_json`` the API's response body (``api_json``); with a check process (``physiohub serve``) all of
    it, the JSON included, is made in that process."""
    text = article_text(text)
    limits = request.app.state.check_limits
    limits.take(client_address(request))
    checker = getattr(request.app.state, "check_process", None)
    with limits.slot():
        if checker is not None:
            return checker.run(text, editor=editor, as_json=as_json)
        result = run_check(request.app.state.store, text, editor=editor)
        return api_json(result) if as_json else result


def json_bytes(body: dict[str, Any]) -> bytes:
    """A JSON response body, encoded as Starlette's JSONResponse encodes."""
    return json.dumps(body, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


def api_json(result: dict[str, Any]) -> bytes:
    """The body of ``POST /api/check``."""
    return json_bytes({"ok": True, **result})


def run_check(store: Store, text: str, *, editor: bool) -> dict[str, Any]:
    from ...check import check_article
    from ...check.report import match_facts, summarise

    text = article_text(text)
    # The public matches against published cards only, so "not in the hub" and the overstatement
    # flags rest on the studies the reader can open; the filter below is a second guard.
    result = check_article(store, text, published_only=not editor)
    ids = [m["id"] for c in result.get("claims") or [] for m in c.get("matches") or []]
    keep = queries.published_ids(store, ids) if not editor else set(ids)
    if not editor:
        # A reference whose study is not published reads as "not in the hub": in_hub must not reveal a draft.
        refs = result.get("references") or []
        shown = queries.published_ids(store, [r["in_hub"] for r in refs if r.get("in_hub")])
        for r in refs:
            if r.get("in_hub") and r["in_hub"] not in shown:
                r["in_hub"] = None
        if "summary" in result:
            result["summary"]["references_in_hub"] = sum(1 for r in refs if r.get("in_hub"))
    known = queries.titles(store, ids)
    for c in result.get("claims") or []:
        c["matches"] = [m for m in c.get("matches") or [] if m["id"] in keep]
        for m in c["matches"]:  # every match shows its title, year and retraction, whatever the engine filled in
            for key, value in known.get(m["id"], {}).items():
                if m.get(key) in (None, ""):
                    m[key] = value
            m["facts"] = match_facts(m)
    return summarise(result)   # counts, "missing" and facts agree with the matches the reader sees
