"""Public pages: home, search, study card, topics, Atom feed, check an article."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from .. import auth, queries
from ..deps import checked_form, index_status, int_param, is_editor, render, state
from ..markup import TOPIC_BY_SLUG, TOPICS
from ..limits import Limited
from .common import MAX_ARTICLE, SEARCH_SLOT, facet_urls, limited_check, page_links, parse_search, run_search
from .search_rows import result_rows

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> Response:
    def context() -> dict[str, Any]:
        hub = state(request).hub
        counts = hub.topic_counts()
        return {"topics": [{"name": t, "count": counts.get(t, 0)} for t in TOPICS], "latest": hub.latest(8)}

    if auth.SESSION_COOKIE not in request.cookies or not await run_in_threadpool(is_editor, request):
        return HTMLResponse(await public_page(request, "home_html", lambda: state(request).templates.get_template(
            "home.html").render(request=request, viewer=None, csrf_token="", **context())))
    return await run_in_threadpool(lambda: render(request, "home.html", context()))


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request) -> Response:
    p = parse_search(request.query_params, page_size=state(request).page_size)
    indexing = index_status(request)
    if auth.SESSION_COOKIE not in request.cookies or not await run_in_threadpool(is_editor, request):
        # The indexer's state is part of the key: a page ranked by keywords only while embeddings were
        # computed must not outlive that (the last vectors' commit may come before the indexer says ready).
        key = ("search_html", tuple(sorted(request.query_params.multi_items())),
               indexing["state"] if indexing else None)
        return HTMLResponse(await public_page(request, key, lambda: _search_html(request, p, editor=False,
                                                                                  indexing=indexing)))
    return await run_in_threadpool(lambda: _search_html(request, p, editor=True, response=True, indexing=indexing))


def _search_html(request: Request, p: dict[str, Any], *, editor: bool, response: bool = False,
                 indexing: dict[str, Any] | None = None) -> Any:
    with SEARCH_SLOT:  # one search page built at a time per process (views/common.py says why)
        return _search_page(request, p, editor=editor, response=response, indexing=indexing)


def _search_page(request: Request, p: dict[str, Any], *, editor: bool, response: bool,
                 indexing: dict[str, Any] | None) -> Any:
    params = {"q": p["q"], **p["filters"]}
    if p["mode"] != "hybrid":
        params["mode"] = p["mode"]
    result = (run_search(state(request).store, p, editor=editor, picture=True, index_status=indexing)
              if (p["q"] or p["filters"]) else None)
    facets = []
    if result:
        for name, label in (("evidence", "Evidence"), ("design", "Design"), ("verdict", "Verdict"),
                            ("topic", "Topic"), ("body_region", "Body region"), ("year", "Year")):
            values = (result["facets"].get(name) or {})
            if not values:
                continue
            items = sorted(values.items(), key=lambda kv: (-kv[1], str(kv[0])))[:12]
            if name == "year":
                items = sorted(values.items(), key=lambda kv: str(kv[0]), reverse=True)[:12]
            urls = facet_urls("/search", params, name, [v for v, _ in items])
            facets.append({"name": name, "label": label, "values": [
                {"value": v, "count": n,
                 "active": all(str(params.get(k)) == str(v) for k in (("year_from", "year_to") if name == "year" else (name,))),
                 "url": url} for (v, n), url in zip(items, urls)]})
    pager = page_links("/search", params, p["page"], result["total"], p["limit"]) if result else None
    undated_url = "/search?" + urlencode({**{k: v for k, v in params.items() if v not in (None, "", False)},
                                         "include_undated": 1})
    rows = result_rows(state(request).templates, result["hits"]) if result else []
    context = {"p": p, "result": result, "facets": facets, "pager": pager, "undated_url": undated_url,
               "picture": (result or {}).get("evidence_picture"), "ep_h": 3, "rows": rows}
    if response:
        return render(request, "search.html", context)
    return state(request).templates.get_template("search.html").render(
        request=request, viewer=None, csrf_token="", **context)


def _study_id(raw: str) -> int:
    # ASCII digits only: str.isdigit() is also true for '²' or '①', which int() then refuses.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise HTTPException(404, "no such study")
    return int(raw)


async def public_page(request: Request, key: Any, build: Callable[[], str],
                      version: Callable[[], Any] | None = None) -> str:
    """A page that is the same for every visitor, rendered once per database state.

    The cache check runs on the event loop (one SQLite pragma and a dict look-up); only a miss goes to the
    thread pool to build, once per page and state however many requests miss (after an import's commit
    every open connection misses at once). While that build runs, the page rendered for the earlier state
    is served as it was (stale-while-revalidate, at most one build old) when what the page rests on has not
    changed: ``version`` (read on the event loop, one indexed query) must give what it gave when that page
    was built; a page without ``version`` (search results) may always be one build old. So no reader waits
    on a rebuild during an import (docs/benchmarks.md, "Cards under load"), while an edit or a publish of
    a card is on its page at the very next request. The stamp is read before building, so a change made
    meanwhile is never hidden for longer than one more build.
    """
    hub = state(request).hub
    cached, stamp = hub.peek(key)
    if cached is not None:
        return cached[1]
    flights = _flights(request)
    flight = flights.get((key, stamp))
    if flight is None:
        def versioned() -> tuple[Any, str]:
            return (version() if version else None), build()

        flight = flights[(key, stamp)] = asyncio.ensure_future(run_in_threadpool(versioned))

        def done(f: "asyncio.Future[tuple[Any, str]]") -> None:
            flights.pop((key, stamp), None)
            if not f.cancelled() and f.exception() is None:
                hub.put(key, f.result(), stamp)

        flight.add_done_callback(done)
    old = hub.previous(key)
    if old is not None and (version is None or old[0] == version()):
        return old[1]
    return (await asyncio.shield(flight))[1]


def _flights(request: Request) -> dict[Any, "asyncio.Future[str]"]:
    app_state = request.app.state
    if not hasattr(app_state, "page_flights"):
        app_state.page_flights = {}
    return app_state.page_flights


@router.get("/studies/{raw_id}", response_class=HTMLResponse)
async def card_page(request: Request, raw_id: str) -> Response:
    study_id = _study_id(raw_id)
    hub = state(request).hub
    show_prov = request.query_params.get("provenance") in ("1", "true", "yes")
    if auth.SESSION_COOKIE not in request.cookies or not await run_in_threadpool(is_editor, request):
        def build() -> str:
            view = hub.card_view(study_id, editor=False)
            return state(request).templates.get_template("card.html").render(
                request=request, viewer=None, csrf_token="", v=view, show_prov=show_prov)

        return HTMLResponse(await public_page(request, ("card_html", study_id, show_prov), build,
                                              version=lambda: hub.card_version(study_id)))

    def editor_page() -> Response:
        return render(request, "card.html", {"v": hub.card_view(study_id, editor=True), "show_prov": show_prov})

    return await run_in_threadpool(editor_page)


@router.get("/topics", response_class=HTMLResponse)
def topics_page(request: Request) -> Response:
    counts = state(request).hub.topic_counts()
    return render(request, "topics.html", {"topics": [{"name": t, "count": counts.get(t, 0)} for t in TOPICS]})


@router.get("/topics/{slug}", response_class=HTMLResponse)
def topic_page(request: Request, slug: str) -> Response:
    from .. import evidence_picture

    topic = TOPIC_BY_SLUG.get(slug)
    if topic is None:
        raise HTTPException(404, "no such topic")
    store = state(request).store
    size = state(request).page_size
    page = int_param(request.query_params.get("page"), "page", default=1, lo=1, hi=500)
    cell = picture_cell(request.query_params)
    total = queries.count_published_in_topic(store, topic, **cell)
    items = queries.latest_published(store, limit=size, offset=(page - 1) * size, topic=topic, **cell)
    if page > 1 and not items:
        raise HTTPException(404, "no such page of this topic")
    pager = page_links(f"/topics/{slug}", dict(cell), page, total, size)
    picture = evidence_picture.for_topic(store, topic, slug)
    return render(request, "topic.html", {"topic": topic, "slug": slug, "items": items, "total": total,
                                          "pager": pager, "cell": cell, "picture": picture})


def picture_cell(params: Any) -> dict[str, str]:
    """The design and verdict a topic page is narrowed to (a cell of the evidence picture); 400 on unknown ones."""
    from ...taxonomy import DESIGNS, VERDICTS

    cell = {}
    for name, allowed in (("design", DESIGNS), ("verdict", VERDICTS)):
        value = params.get(name)
        if value:
            if value not in allowed:
                raise HTTPException(400, f"bad parameter {name!r}: {value!r} is not one of the known values")
            cell[name] = value
    return cell


@router.get("/feed.atom")
def feed(request: Request) -> Response:
    items = queries.latest_published(state(request).store, limit=30)
    updated = max((i["published_at"] or "" for i in items), default="") or \
        datetime.now(timezone.utc).isoformat(timespec="seconds")
    base = str(request.base_url).rstrip("/")
    xml = state(request).templates.get_template("feed.xml").render(items=items, updated=updated, base=base)
    return Response(xml, media_type="application/atom+xml; charset=utf-8")


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request) -> Response:
    return render(request, "check.html", {"needs_csrf": True, "text": "", "result": None})


@router.post("/check", response_class=HTMLResponse)
async def check_submit(request: Request) -> Response:
    form = await checked_form(request)
    text = str(form.get("text") or "")
    editor = await run_in_threadpool(is_editor, request)
    try:
        result = await run_in_threadpool(limited_check, request, text, editor=editor)
    except Limited as e:  # the page comes back with the text kept, and says when to try again
        response = await run_in_threadpool(render, request, "check.html", {
            "needs_csrf": True, "text": text[:MAX_ARTICLE], "result": None, "error": str(e)}, e.status)
        response.headers["Retry-After"] = str(e.retry_after)
        return response
    return await run_in_threadpool(render, request, "check.html", {"needs_csrf": True, "text": text, "result": result})


@router.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
async def api_docs(request: Request) -> Response:
    """The API reference, rendered here from the app's own OpenAPI schema (web/apidocs.py)."""
    from ..apidocs import operations

    schema = request.app.openapi()
    return render(request, "api_docs.html", {"ops": operations(schema), "info": schema.get("info") or {}})


@router.get("/robots.txt")
def robots() -> Response:
    return PlainTextResponse("User-agent: *\nDisallow: /editor\nDisallow: /api/\n")
