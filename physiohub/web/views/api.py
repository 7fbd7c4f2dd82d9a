"""The JSON API under /api/, mirroring the pages; described at /openapi.json.

Like the pages, it shows published cards only, unless the caller carries a signed-in editor's session.
Every error is ``{"ok": false, "error": "...", "status": N}``.
"""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ...errors import NotFound
from ...studies import load_record, study_row
from .. import auth, queries
from ..deps import index_status, int_param, is_editor, state
from ..markup import TOPIC_BY_SLUG, TOPICS, plain, slug
from .common import json_bytes, limited_check, parse_search, run_search
from .public import _study_id, public_page


class ErrorBody(BaseModel):
    ok: Literal[False] = False
    error: str
    status: int


class CheckRequest(BaseModel):
    text: str = Field(..., description="The article's text (at most 50,000 characters).")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter is not acceptable"},
    404: {"model": ErrorBody, "description": "No such study, or its card is not published"},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


@router.get("/studies", summary="Search or list studies with published cards",
            description="With search words or a filter, `evidence_picture` counts the whole result set by design "
                        "and verdict (see `GET /api/topics/{topic_slug}`); each cell's `api_url` is this search "
                        "narrowed to that design and verdict.")
def studies(
    request: Request,
    q: str | None = Query(None, description="Search words; empty lists the newest published cards"),
    mode: str | None = Query(None, description="hybrid (default), bm25 or semantic"),
    design: str | None = None, evidence: str | None = None, verdict: str | None = None,
    topic: str | None = None, body_region: str | None = None,
    year_from: str | None = None, year_to: str | None = None, exclude_retracted: str | None = None,
    limit: str | None = Query(None, description="1-50, default 10"), offset: str | None = None,
    page: str | None = None,
) -> dict[str, Any]:
    p = parse_search(request.query_params, page_size=state(request).page_size)
    store = state(request).store
    if not p["q"] and not p["filters"]:
        items = queries.latest_published(store, limit=p["limit"], offset=p["offset"])
        return {"ok": True, "total": queries.published_count(store), "offset": p["offset"], "limit": p["limit"],
                "hits": [_list_item(i) for i in items], "facets": {}}
    from .. import evidence_picture

    result = run_search(store, p, editor=is_editor(request), picture=True, index_status=index_status(request))
    picture = result.get("evidence_picture")
    return {"ok": True, "total": result["total"], "offset": p["offset"], "limit": p["limit"],
            "hits": result["hits"], "facets": result["facets"], "explain": result.get("explain") or {},
            "undated_left_out": result.get("undated_left_out", 0), "mode": result.get("mode"),
            "notice": result.get("notice"),
            "evidence_picture": evidence_picture.api_view(picture) if picture else None}


def _list_item(i: dict[str, Any]) -> dict[str, Any]:
    return {k: i.get(k) for k in ("id", "source_id", "title", "year", "design", "evidence", "verdict",
                                  "research_type", "topics", "retracted", "published_at")}


@router.get("/resolve", summary="The hub's id for a PMID, DOI or source id (published studies only)")
def resolve(request: Request, key: str = Query(..., max_length=300, description="PMID, DOI, 'pmid:N' or a source id")
            ) -> dict[str, Any]:
    from ...studies import resolve as resolve_key

    editor = is_editor(request)
    try:
        sid = resolve_key(state(request).store, key)
        state(request).hub.card_view(sid, editor=editor)
    except NotFound:
        if editor:
            raise
        # Unknown and unpublished read the same: the id of a draft is never given out.
        raise NotFound(f"no published study matches {key!r}") from None
    return {"ok": True, "key": key, "id": sid, "url": f"/studies/{sid}", "api": f"/api/studies/{sid}"}


_JSON_OBJECT = {200: {"description": "Successful Response",
                     "content": {"application/json": {"schema": {"additionalProperties": True, "type": "object"}}}}}


async def _card_json_response(request: Request, key: Any, build: Any, sid: int) -> Response:
    """A study's JSON as the card page is served: anonymous readers get bytes made once per database state
    (views/public.py, ``public_page``: one build, the previous answer while it is rebuilt unless the study
    itself changed); editors get a fresh one. It was a thread-pool hop, a rebuild and FastAPI's encoding on
    every request: p99 162 ms under load where the cached card page had 6 ms (issue 15, item 14)."""
    if auth.SESSION_COOKIE not in request.cookies or not await run_in_threadpool(is_editor, request):
        hub = state(request).hub
        body = await public_page(request, key, lambda: json_bytes(build(False)), version=lambda: hub.card_version(sid))
    else:
        body = await run_in_threadpool(lambda: json_bytes(build(True)))
    return Response(content=body, media_type="application/json")


@router.get("/studies/{study_id}", summary="One study: record, appraisal and its published card", responses=_JSON_OBJECT)
async def study(request: Request, study_id: str) -> Response:
    sid = _study_id(study_id)

    def build(editor: bool) -> dict[str, Any]:
        view = state(request).hub.card_view(sid, editor=editor)  # 404 unless published (or an editor)
        record = load_record(state(request).store, sid)
        row = study_row(state(request).store, sid)
        appraisal = {k: v for k, v in (view["appraisal"] or {}).items()}
        return {
            "ok": True, "id": sid, "source_id": row["source_id"], "pmid": record.pmid or None,
            "doi": record.doi or None, "title": plain(record.title), "year": record.year,
            "journal": record.journal, "abstract": record.abstract, "retracted": view["retracted"],
            "url": f"/studies/{sid}", "appraisal": appraisal,
            "card": state(request).hub.card_json(sid, editor=editor),
        }

    return await _card_json_response(request, ("api_study", sid), build, sid)


@router.get("/studies/{study_id}/card", summary="The study's card (published, with provenance)", responses=_JSON_OBJECT)
async def card(request: Request, study_id: str) -> Response:
    sid = _study_id(study_id)

    def build(editor: bool) -> dict[str, Any]:
        return {"ok": True, **state(request).hub.card_json(sid, editor=editor)}

    return await _card_json_response(request, ("api_card", sid), build, sid)


@router.get("/studies/{study_id}/related", summary="Related studies with published cards")
def related(request: Request, study_id: str, limit: str | None = Query(None, description="1-20, default 5")
            ) -> dict[str, Any]:
    sid = _study_id(study_id)
    n = int_param(limit, "limit", default=5, lo=1, hi=20)
    editor = is_editor(request)
    state(request).hub.card_view(sid, editor=editor)  # 404 for an unpublished study
    return {"ok": True, "id": sid, "hits": state(request).hub._related(sid, editor=editor, limit=n)}


@router.get("/topics", summary="Topics with the number of published cards in each")
def topics(request: Request) -> dict[str, Any]:
    counts = state(request).hub.topic_counts()
    return {"ok": True, "topics": [{"name": t, "slug": slug(t), "count": counts.get(t, 0),
                                    "url": f"/topics/{slug(t)}"} for t in TOPICS]}


@router.get("/topics/{topic_slug}", summary="Published cards in one topic, newest first, with the evidence picture",
            description="`evidence_picture` counts the topic's published, in-scope studies by design (strongest "
                        "first) and verdict, with the participants they report; each cell's `url` lists exactly "
                        "those studies. `design` and `verdict` narrow the listing to one cell.")
def topic(request: Request, topic_slug: str, limit: str | None = None, offset: str | None = None,
          design: str | None = None, verdict: str | None = None) -> dict[str, Any]:
    from .. import evidence_picture
    from .public import picture_cell

    name = TOPIC_BY_SLUG.get(topic_slug)
    if name is None:
        raise HTTPException(404, f"no topic {topic_slug!r}")
    n = int_param(limit, "limit", default=10, lo=1, hi=50)
    off = int_param(offset, "offset", default=0, lo=0, hi=25_000)
    cell = picture_cell({"design": design, "verdict": verdict})
    store = state(request).store
    items = queries.latest_published(store, limit=n, offset=off, topic=name, **cell)
    picture = evidence_picture.api_view(evidence_picture.for_topic(store, name, topic_slug))
    return {"ok": True, "topic": name, "total": queries.count_published_in_topic(store, name, **cell),
            "hits": [_list_item(i) for i in items], "evidence_picture": picture}


@router.post("/check", summary="Check the research claims of an article's text against the hub",
             responses={200: {"description": "The claims found, their matches in the hub, the references and a summary",
                              "content": {"application/json": {"schema": {"additionalProperties": True, "type": "object",
                                                                           "title": "Response Check Api Check Post"}}}},
                        413: {"model": ErrorBody, "description": "The body is over 1 MB"},
                        429: {"model": ErrorBody, "description": "Too many checks from this address"},
                        503: {"model": ErrorBody, "description": "The checker is busy; retry later"}})
def check(request: Request, body: CheckRequest) -> Response:
    # A sync route: FastAPI runs it in the thread pool, off the event loop that serves the cards. It returns
    # the body as bytes made where the check ran (web/checkproc.py under ``physiohub serve``): a dict would
    # be encoded by FastAPI on the event loop, tens of milliseconds for a long article while cards wait.
    body_bytes = limited_check(request, body.text, editor=is_editor(request), as_json=True)
    return Response(content=body_bytes, media_type="application/json")
