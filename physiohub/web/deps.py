"""Per-request helpers shared by the views: who is signed in, rendering, the session cookie, CSRF."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from ..errors import PermissionDenied
from . import auth


def state(request: Request) -> Any:
    return request.app.state


def index_status(request: Request) -> dict[str, Any] | None:
    """The background indexer's progress (web/indexproc.py), or None when the hub runs without one."""
    bg = getattr(request.app.state, "background_index", None)
    return bg.status() if bg is not None else None


def session(request: Request) -> dict[str, Any]:
    """The signed session payload (empty for visitors without one)."""
    if not hasattr(request.state, "session"):
        codec: auth.SessionCodec = state(request).sessions
        request.state.session = codec.loads(request.cookies.get(auth.SESSION_COOKIE))
        request.state.session_dirty = False
    return request.state.session


def viewer(request: Request) -> dict[str, Any] | None:
    """The signed-in user ({id, name, role}) or None. Re-read from the database on each request."""
    if hasattr(request.state, "viewer"):
        return request.state.viewer
    sess = session(request)
    user = None
    if "u" in sess:
        # The session must still exist server-side (sign-out and password changes delete it).
        row = auth.session_user(state(request).store, sess.get("u"), sess.get("s"))
        if row and auth.fingerprint(row["password_hash"]) == sess.get("f"):
            user = {"id": row["id"], "name": row["name"], "role": row["role"]}
    request.state.viewer = user
    return user


def is_editor(request: Request) -> bool:
    return viewer(request) is not None


def csrf_token(request: Request) -> str:
    sess = session(request)
    if not sess.get("c"):
        sess["c"] = auth.new_csrf_token()
        request.state.session_dirty = True
    return sess["c"]


def save_session(request: Request, response: Response) -> None:
    if not getattr(request.state, "session_dirty", False):
        return
    sess = request.state.session
    secure = request.url.scheme == "https" or bool(state(request).settings.get("secure_cookies"))
    if sess:
        response.set_cookie(
            auth.SESSION_COOKIE, state(request).sessions.dumps(sess), max_age=auth.SESSION_MAX_AGE,
            httponly=True, samesite="lax", secure=secure, path="/",
        )
    else:
        response.delete_cookie(auth.SESSION_COOKIE, httponly=True, samesite="lax", secure=secure, path="/")


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    ctx = {"request": request, "viewer": viewer(request), **context}
    ctx.setdefault("csrf_token", csrf_token(request) if ctx.get("needs_csrf") or ctx["viewer"] else "")
    html = state(request).templates.get_template(template).render(ctx)
    response = HTMLResponse(html, status_code=status)
    if ctx["viewer"] or getattr(request.state, "session_dirty", False):
        # Pages for a signed-in editor, or ones carrying a form token, are personal: never cached.
        response.headers["Cache-Control"] = "no-store"
    save_session(request, response)
    return response


def require_editor(request: Request, *, admin: bool = False) -> dict[str, Any]:
    user = viewer(request)
    if user is None:
        raise HTTPException(401, "please sign in")
    if admin and user["role"] != "admin":
        raise PermissionDenied("only an admin can do this")
    return user


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin is None
    parts = urlsplit(origin)
    return parts.netloc == request.headers.get("host", request.url.netloc)


async def checked_form(request: Request) -> FormData:
    """The POSTed form, after the CSRF token and the Origin have been checked (403 otherwise)."""
    try:
        form = await request.form(max_files=0, max_fields=200)
    except HTTPException:  # the body passed the size limit while streaming (413)
        raise
    except Exception as e:  # malformed body
        raise HTTPException(400, f"could not read the form: {e}") from None
    sess = await run_in_threadpool(session, request)
    if not _same_origin(request) or not auth.csrf_ok(sess.get("c"), form.get("csrf_token")):
        raise HTTPException(403, "the form's security token is missing or out of date; reload the page and try again")
    return form


_INTEGER = re.compile(r"[+-]?[0-9]{1,12}")


def int_param(value: str | None, name: str, *, default: int, lo: int, hi: int) -> int:
    if value in (None, ""):
        return default
    text = value.strip()
    if not _INTEGER.fullmatch(text):  # ASCII digits only (int() also reads '١٢'), at most 12 of them
        raise HTTPException(400, f"bad parameter {name!r}: expected a whole number")
    n = int(text)
    if not lo <= n <= hi:
        raise HTTPException(400, f"bad parameter {name!r}: must be between {lo} and {hi}")
    return n
