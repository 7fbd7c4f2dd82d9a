"""The editor area: sign in/out, review queue, edit a card and its appraisal, publish, history, users."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ...errors import InvalidInput, PhysioHubError, StoreBusy
from .. import auth, queries
from ..errors import BUSY_MESSAGE, BUSY_RETRY_AFTER
from ..deps import checked_form, int_param, render, require_editor, save_session, session, state
from ..markup import STATUSES
from ...taxonomy import DESIGNS, TOPICS, VERDICTS
from . import forms
from .common import page_links
from .public import _study_id

router = APIRouter(prefix="/editor", include_in_schema=False)

STATUS_ACTIONS = {"publish": "published", "unpublish": "draft", "review": "in_review", "draft": "draft"}


def _client_key(request: Request) -> str:
    return f"ip:{request.client.host if request.client else 'unknown'}"


def _safe_next(target: str | None) -> str:
    # Only local paths: never an open redirect to another site.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/editor"


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_form(request: Request) -> Response:
    return render(request, "editor/sign_in.html", {"needs_csrf": True, "error": None, "name": "",
                                                    "next": _safe_next(request.query_params.get("next"))})


@router.post("/sign-in", response_class=HTMLResponse)
async def sign_in(request: Request) -> Response:
    form = await checked_form(request)
    name = str(form.get("name") or "").strip()[:64]
    password = str(form.get("password") or "")[:1024]
    nxt = _safe_next(str(form.get("next") or ""))
    return await run_in_threadpool(_sign_in, request, name, password, nxt)


def _minutes(seconds: int) -> str:
    n = max(1, -(-seconds // 60))  # rounded up: "try again in 1 minute" never comes early
    return f"{n} minute" if n == 1 else f"{n} minutes"


def _sign_in(request: Request, name: str, password: str, nxt: str) -> Response:
    store = state(request).store
    name_key = f"user:{name.lower()}"
    keys = [_client_key(request), name_key]
    wait, at = auth.begin_attempt(store, keys)  # counts and records this try in one transaction
    if wait:
        response = render(request, "editor/sign_in.html", {
            "needs_csrf": True, "name": name, "next": nxt,
            "error": f"Too many failed attempts. Try again in {_minutes(wait)}."}, status=429)
        response.headers["Retry-After"] = str(wait)
        return response
    user = auth.authenticate(store, name, password)
    if user is None:  # the try is already recorded as a failure
        left = auth.tries_left(store, keys)
        note = (f" {left} more {'try' if left == 1 else 'tries'} before sign-in is paused for "
                f"{auth.FAILURE_WINDOW.seconds // 60} minutes." if left else
                f" Sign-in is now paused for {auth.FAILURE_WINDOW.seconds // 60} minutes.")
        return render(request, "editor/sign_in.html", {
            "needs_csrf": True, "name": name, "next": nxt, "error": "Wrong name or password." + note}, status=401)
    auth.attempt_succeeded(store, keys, at, name_key)
    # A fresh session (and CSRF token) on sign-in: no session fixation.
    request.state.session = {"u": user["id"], "s": auth.start_session(store, user["id"]),
                             "f": auth.fingerprint(user["password_hash"]), "c": auth.new_csrf_token()}
    request.state.session_dirty = True
    response = RedirectResponse(nxt, status_code=303)
    save_session(request, response)
    return response


@router.post("/sign-out")
async def sign_out(request: Request) -> Response:
    await checked_form(request)
    sess = await run_in_threadpool(session, request)
    # Revoked server-side: the cookie, copied or not, no longer signs anyone in.
    await run_in_threadpool(auth.end_session, state(request).store, sess.get("s"))
    request.state.session = {}
    request.state.session_dirty = True
    response = RedirectResponse("/", status_code=303)
    save_session(request, response)
    return response


def _guard(request: Request, *, admin: bool = False) -> dict[str, Any] | Response:
    try:
        return require_editor(request, admin=admin)
    except HTTPException as e:
        if e.status_code == 401:
            return RedirectResponse(f"/editor/sign-in?next={request.url.path}", status_code=303)
        raise


@router.get("", response_class=HTMLResponse)
def queue(request: Request) -> Response:
    user = _guard(request)
    if isinstance(user, Response):
        return user
    status = request.query_params.get("status") or None
    if status is not None and status not in STATUSES:
        raise HTTPException(400, f"bad parameter 'status': one of {', '.join(STATUSES)}")
    scope = request.query_params.get("scope") or None
    if scope is not None and scope not in ("in", "out"):
        raise HTTPException(400, "bad parameter 'scope': in or out")
    qp = request.query_params
    q = (qp.get("q") or "").strip()[:200]
    chosen: dict[str, str | None] = {}
    for name, allowed in (("design", DESIGNS), ("verdict", VERDICTS), ("topic", TOPICS)):
        value = qp.get(name) or None
        if value is not None and value not in allowed:
            raise HTTPException(400, f"bad parameter {name!r}: not one of the known values")
        chosen[name] = value
    flagged = qp.get("flagged") not in (None, "", "0")
    sort = qp.get("sort") or "priority"
    if sort not in ("priority", "date"):
        raise HTTPException(400, "bad parameter 'sort': priority or date")
    size = 25
    page = int_param(qp.get("page"), "page", default=1, lo=1, hi=10_000)
    store = state(request).store
    total, items = queries.review_queue(store, status=status, limit=size, offset=(page - 1) * size, scope=scope,
                                        q=q, flagged=flagged, sort=sort, **chosen)
    kept = {"status": status, "scope": scope, "q": q, "flagged": 1 if flagged else None,
            "sort": None if sort == "priority" else sort, **chosen}
    pager = page_links("/editor", kept, page, total, size)

    def tab(**change: str | None) -> str:
        # A status or scope tab narrows the same search and filters; it does not start again from every card.
        params = {k: v for k, v in {**kept, **change}.items() if v not in (None, "")}
        return "/editor?" + urlencode(params) if params else "/editor"

    tabs = {"status": {s: tab(status=s) for s in (None, *STATUSES)},
            "scope": {s: tab(scope=s) for s in (None, "in", "out")}}
    return render(request, "editor/queue.html", {"tabs": tabs,
        "items": items, "status": status, "scope": scope, "counts": queries.status_counts(store, scope=scope, q=q, flagged=flagged, **chosen), "pager": pager,
        "total": total, "q": q, "chosen": chosen, "flagged": flagged, "sort": sort,
        "choices": {"design": DESIGNS, "verdict": VERDICTS, "topic": TOPICS}})


def _edit_context(request: Request, study_id: int, **extra: Any) -> dict[str, Any]:
    from ...appraise.persist import get_appraisal
    from ...cards.review import get_card, history

    store = state(request).store
    view = state(request).hub.card_view(study_id, editor=True)
    card_row = get_card(store, study_id)
    appraisal = get_appraisal(store, study_id) or {}
    versions = history(store, study_id)
    # history() gives each version with its differences from the one before ({path, op, old, new}).
    changes = [{"version": v, "diff": v.get("changes") or []} for v in versions]
    values = forms.card_form_values(card_row["data"])
    fields = [{"name": n, "label": lbl, "kind": k, "options": opts, "value": appraisal.get(n),
               "text": forms.form_value(appraisal.get(n), k)} for n, lbl, k, opts in forms.APPRAISAL_FIELDS]
    kept = extra.pop("kept", None)
    notes = {"note": "", "reason": ""}
    if kept is not None:  # a save that did not go through: show the editor's own text again, not the stored one
        kind, form = kept
        if kind == "card":
            values = forms.kept_card_values(form)
            notes["note"] = values.pop("note")
        elif kind == "appraisal":
            fields = forms.kept_fields(form, fields)
            notes["reason"] = str(form.get("reason") or "")[:500]
    ctx = {"v": view, "card_row": card_row, "values": values, "fields": fields, "kept_notes": notes,
           "overrides": appraisal.get("overrides") or [], "changes": list(reversed(changes)),
           "scope_reasons": appraisal.get("scope_reasons") or [],
           "to_review": card_row["data"].get("to_review") if card_row else None, "part_labels": PART_LABELS,
           "list_sections": forms.LIST_SECTIONS, "why": forms.WHY, "error": None, "notice": None}
    ctx.update(extra)
    return ctx


@router.get("/studies/{raw_id}", response_class=HTMLResponse)
def edit_page(request: Request, raw_id: str) -> Response:
    user = _guard(request)
    if isinstance(user, Response):
        return user
    study_id = _study_id(raw_id)
    notice = {"saved": "Card saved.", "appraisal": "Appraisal saved.", "status": "Status changed.",
              "pending": "Done: the waiting machine draft was handled."}.get(
        request.query_params.get("done", ""))
    return render(request, "editor/edit.html", _edit_context(request, study_id, notice=notice))


async def _post(request: Request, raw_id: str, action: Any, kind: str | None = None) -> Response:
    """Run an editor action. When it does not go through, the page comes back with the editor's own text in
    the form (``kind``: which form to keep): 400 for a value to correct, 503 + Retry-After when the store was
    busy with another writer (an import) — never a bare error page that loses the work."""
    study_id = _study_id(raw_id)
    form = await checked_form(request)

    def run() -> Response:
        user = require_editor(request)
        try:
            done = action(state(request).store, study_id, form, user)
        except InvalidInput as e:
            return render(request, "editor/edit.html",
                          _edit_context(request, study_id, error=str(e), kept=(kind, form)), status=400)
        except StoreBusy:
            response = render(request, "editor/edit.html", _edit_context(
                request, study_id, error="Not saved yet: " + BUSY_MESSAGE + ". Your text is still in the form.",
                kept=(kind, form)), status=503)
            response.headers["Retry-After"] = BUSY_RETRY_AFTER
            return response
        return RedirectResponse(f"/editor/studies/{study_id}?done={done}", status_code=303)

    return await run_in_threadpool(run)


def _save_card(store: Any, study_id: int, form: Any, user: dict[str, Any]) -> str:
    from ...cards.review import edit_card, get_card

    row = get_card(store, study_id)
    if row is None:
        raise InvalidInput(f"study {study_id} has no card yet")
    card = forms.parse_card(form, row["data"])
    card.pop("to_review", None)  # the editor has saved the card after the correction: reviewed
    edit_card(store, study_id, card, user["name"], note=forms._text(form, "note")[:500])
    return "saved"


# Card parts worded from the verdict and evidence badges (cards/wording.py): the answer's claim and the three
# why-it-matters lines. Key points and findings quote or shorten the abstract, so they do not change.
DEPENDENT_PARTS = ("upshot.answer", "why_it_matters.patients", "why_it_matters.clinicians", "why_it_matters.readers")
PART_LABELS = {"upshot.answer": "The upshot: answer", "why_it_matters.patients": "Why it matters: for patients",
               "why_it_matters.clinicians": "Why it matters: for clinicians",
               "why_it_matters.readers": "Why it matters: for readers"}


def _has_part(card: dict[str, Any], path: str) -> bool:
    head, _, key = path.partition(".")
    return bool((card.get(head) or {}).get(key))


def _save_appraisal(store: Any, study_id: int, form: Any, user: dict[str, Any]) -> str:
    from ...appraise.persist import get_appraisal, set_override
    from ...cards.review import edit_card, get_card

    current = get_appraisal(store, study_id) or {}
    changed = forms.parse_appraisal(form, current)
    reason = forms._text(form, "reason")[:500]
    with store.atomic():
        for field, value in changed.items():
            set_override(store, study_id, field, value, user["name"], reason)
        # Keep the card's badges and topics in step with the appraisal the editor just corrected.
        row = get_card(store, study_id)
        if row and any(k in changed for k in ("verdict", "research_type", "evidence", "topics")):
            card = dict(row["data"])
            badges = dict(card.get("badges") or {})
            for k in ("verdict", "research_type", "evidence"):
                if k in changed:
                    badges[k] = changed[k]
            card["badges"] = badges
            if any(k in changed for k in ("verdict", "evidence")):
                # The sentences written from the old verdict or evidence level now say the old thing: mark
                # them for review (the edit page lists them) until the editor saves the card.
                old = {k: (row["data"].get("badges") or {}).get(k) for k in ("verdict", "evidence") if k in changed}
                parts = [p for p in DEPENDENT_PARTS if _has_part(card, p)]
                card["to_review"] = {"because": {k: [old[k], changed[k]] for k in old}, "parts": parts}
            if "topics" in changed and changed["topics"]:
                card["topics"] = {"primary": changed["topics"][0], "others": changed["topics"][1:]}
            edit_card(store, study_id, card, user["name"], note=f"appraisal: {', '.join(sorted(changed))}")
    return "appraisal"


def _set_status(store: Any, study_id: int, form: Any, user: dict[str, Any]) -> str:
    from ...cards.review import set_status

    action = str(form.get("action") or "")
    if action not in STATUS_ACTIONS:
        raise InvalidInput(f"unknown action {action!r}")
    set_status(store, study_id, STATUS_ACTIONS[action], user["name"])
    return "status"


def _pending(store: Any, study_id: int, form: Any, user: dict[str, Any]) -> str:
    from ...cards.review import accept_pending, discard_pending

    action = str(form.get("action") or "")
    if action == "accept":
        accept_pending(store, study_id, user["name"])
    elif action == "discard":
        discard_pending(store, study_id, user["name"])
    else:
        raise InvalidInput(f"unknown action {action!r}")
    return "pending"


@router.post("/studies/{raw_id}/pending")
async def pending_draft(request: Request, raw_id: str) -> Response:
    return await _post(request, raw_id, _pending)


@router.post("/studies/{raw_id}/card")
async def save_card(request: Request, raw_id: str) -> Response:
    return await _post(request, raw_id, _save_card, "card")


@router.post("/studies/{raw_id}/appraisal")
async def save_appraisal(request: Request, raw_id: str) -> Response:
    return await _post(request, raw_id, _save_appraisal, "appraisal")


@router.post("/studies/{raw_id}/status")
async def change_status(request: Request, raw_id: str) -> Response:
    return await _post(request, raw_id, _set_status)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request) -> Response:
    user = _guard(request, admin=True)
    if isinstance(user, Response):
        return user
    return render(request, "editor/users.html", {"users": auth.list_users(state(request).store), "error": None})


@router.post("/users", response_class=HTMLResponse)
async def add_user(request: Request) -> Response:
    form = await checked_form(request)

    def run() -> Response:
        require_editor(request, admin=True)
        store = state(request).store
        try:
            auth.add_user(store, str(form.get("name") or "").strip(), str(form.get("password") or ""),
                          str(form.get("role") or ""))
        except PhysioHubError as e:
            return render(request, "editor/users.html", {"users": auth.list_users(store), "error": str(e)}, 400)
        return RedirectResponse("/editor/users", status_code=303)

    return await run_in_threadpool(run)
