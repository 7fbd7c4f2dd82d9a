"""The web hub: ``create_app(store_path, settings=...)`` returns the ASGI app (pages, /api, /openapi.json)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__, config, taxonomy
from ..store import Store
from . import auth, errors, markup
from .hub import Hub

HERE = Path(__file__).resolve().parent

# default-src 'none' and only our own scripts, styles and images; no inline script (JSON-LD is a data block,
# which CSP does not execute), no framing, forms post only to us.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; manifest-src 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


MAX_BODY = 1_000_000  # bytes: an article to check is at most 100,000 characters; forms are far smaller


class SecurityHeaders:
    """Plain ASGI middleware (cheaper than BaseHTTPMiddleware): adds the headers to every response, and
    refuses request bodies announced as larger than MAX_BODY (413) before anything reads them."""

    def __init__(self, app: Any, *, hsts: bool = False):
        self.app = app
        self.extra = SECURITY_HEADERS + ([(b"strict-transport-security", b"max-age=31536000")] if hsts else [])

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > MAX_BODY:
            status = 413 if length.isdigit() else 400
            message = "the request body is too large" if status == 413 else "bad Content-Length header"
            if scope["path"].startswith("/api/"):
                body = json.dumps(errors.error_body(message, status)).encode()
                ctype = b"application/json"
            else:
                body = f"<!doctype html><title>{errors.TITLES[status]}</title><p>{message}</p>".encode()
                ctype = b"text/html; charset=utf-8"
            await send({"type": "http.response.start", "status": status,
                        "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                                    *self.extra]})
            await send({"type": "http.response.body", "body": body})
            return

        head = scope["method"] == "HEAD"
        if head:  # HEAD is GET without the body (link checkers and monitors use it)
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: dict) -> None:
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [h for h in self.extra if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["inline"] = markup.inline
    env.filters["plain"] = markup.plain
    env.filters["json_ld"] = markup.json_ld
    env.filters["slug"] = markup.slug
    env.filters["token"] = markup.css_token
    env.filters["show"] = markup.show
    env.globals.update(
        TOPICS=taxonomy.TOPICS, BODY_REGIONS=taxonomy.BODY_REGIONS, DESIGNS=taxonomy.DESIGNS,
        EVIDENCE=taxonomy.EVIDENCE, VERDICTS=taxonomy.VERDICTS, RESEARCH_TYPES=taxonomy.RESEARCH_TYPES, LADDER=markup.LADDER,
        VERDICT_MEANING=markup.VERDICT_MEANING, EVIDENCE_MEANING=markup.EVIDENCE_MEANING,
        RESEARCH_TYPE_MEANING=markup.RESEARCH_TYPE_MEANING, version=__version__,
    )
    return env


def create_app(store_path: str, *, settings: dict[str, Any] | None = None) -> Any:
    """The web hub over the database at ``store_path``.

    settings: ``secret_key`` (else PHYSIOHUB_SECRET_KEY, else generated once and kept in the database),
    ``secure_cookies`` (force the cookie's Secure flag; it is set anyway on https), ``hsts`` (send
    Strict-Transport-Security: only behind https), ``page_size`` (results per page, default 10).
    """
    settings = dict(settings or {})
    store = Store(store_path)
    app = FastAPI(
        title="PhysioHub", version=__version__,
        description="Plain-language study cards for musculoskeletal physiotherapy research. "
        "Educational, not medical advice. Errors have one shape: {ok: false, error, status}.",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.store = store
    app.state.hub = Hub(store)
    app.state.settings = settings
    app.state.templates = _templates()
    app.state.sessions = auth.SessionCodec(auth.secret_key(store, settings.get("secret_key") or config.get("secret_key")))
    app.state.page_size = int(settings.get("page_size", 10))

    errors.install(app)
    from .views import api, editor, public

    app.include_router(public.router)
    app.include_router(editor.router)
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(SecurityHeaders, hsts=bool(settings.get("hsts")))
    return app
