"""One error shape: JSON ``{"ok": false, "error": ..., "status": ...}`` under /api, an HTML page elsewhere.

Unknown pages are 404, bad parameters 400 (FastAPI's 422 validation errors are reported as 400 with the
parameter named), refused actions 403, and anything unexpected a plain 500 page: the traceback goes to the
server log, never to the client.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InvalidInput, NotFound, PermissionDenied, PhysioHubError, StoreBusy
from .limits import Limited

log = logging.getLogger("physiohub.web")

TITLES = {
    400: "Bad request", 401: "Please sign in", 403: "Not allowed", 404: "Page not found",
    405: "Method not allowed", 413: "Too large", 429: "Too many attempts", 500: "Something went wrong",
    503: "Busy, try again",
}
# Said when a write waited too long for another writer (an import): nothing was saved, nothing is lost.
BUSY_MESSAGE = ("the hub is busy saving other changes (an import may be running); nothing was saved, "
                "please try again in a few seconds")
BUSY_RETRY_AFTER = "5"


def error_body(message: str, status: int) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if wants_json(request):
        return JSONResponse(error_body(message, status), status_code=status, headers=headers)
    templates = request.app.state.templates
    viewer = getattr(request.state, "viewer", None)
    # The header's sign-out form needs the session's token (never a new one: no cookie is set here).
    token = (getattr(request.state, "session", None) or {}).get("c", "") if viewer else ""
    html = templates.get_template("error.html").render(
        request=request, status=status, title=TITLES.get(status, "Error"), message=message,
        viewer=viewer, csrf_token=token,
    )
    return HTMLResponse(html, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body", "form")]
        name = ".".join(loc) or "request"
        parts.append(f"bad parameter {name!r}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "bad request"


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else None
        if exc.status_code == 404:
            message = exc.detail if isinstance(exc.detail, str) and exc.detail != "Not Found" else "no such page"
        return error_response(request, exc.status_code, message or TITLES.get(exc.status_code, "error"),
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 400, _validation_message(exc))

    @app.exception_handler(PhysioHubError)
    async def domain_error(request: Request, exc: PhysioHubError) -> Response:
        if isinstance(exc, NotFound):
            return error_response(request, 404, str(exc))
        if isinstance(exc, InvalidInput):
            return error_response(request, 400, str(exc))
        if isinstance(exc, PermissionDenied):
            return error_response(request, 403, str(exc))
        if isinstance(exc, Limited):
            return error_response(request, exc.status, str(exc), headers={"Retry-After": str(exc.retry_after)})
        if isinstance(exc, StoreBusy):
            log.warning("request %s: %s", request.url.path, exc)
            return error_response(request, 503, BUSY_MESSAGE, headers={"Retry-After": BUSY_RETRY_AFTER})
        log.error("request %s failed: %s", request.url.path, exc)
        return error_response(request, 500, "the server could not complete this request")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "the server could not complete this request")
