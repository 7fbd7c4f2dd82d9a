"""The web hub: ``create_app(store_path, settings=...)`` returns the ASGI app (pages, /api, /openapi.json)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__, config, taxonomy
from ..store import Store
from . import auth, errors, evidence_picture, limits, markup
from .hub import Hub
from .templating import PageEnvironment
from .checkproc import CheckProcess

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


HSTS = (b"strict-transport-security", b"max-age=31536000")
MAX_BODY = 1_000_000  # bytes: an article to check is at most 50,000 characters (form-encoded, up to ~600 kB)


class BodyTooLarge(HTTPException):
    """Raised from ``receive()`` when a streamed body passes MAX_BODY: the app answers 413 (FastAPI re-raises
    HTTPExceptions met while reading a body, so the error handlers give the usual page or JSON shape)."""

    def __init__(self) -> None:
        super().__init__(413, "the request body is too large")


class SecurityHeaders:
    """Plain ASGI middleware (cheaper than BaseHTTPMiddleware): adds the headers to every response, and
    limits request bodies to MAX_BODY. A body announced as larger (Content-Length) is refused before
    anything reads it; a body without a length (chunked transfer) is counted as it streams and stopped at
    the limit, so no request can make the server hold more than MAX_BODY of it."""

    def __init__(self, app: Any, *, hsts: bool = False):
        self.app = app
        self.extra = SECURITY_HEADERS + ([HSTS] if hsts else [])
        # A response that went out over https (directly, or through a trusted proxy with --proxy-headers)
        # always carries HSTS: browsers ignore it over plain http, so it is only ever said when true.
        self.extra_https = SECURITY_HEADERS + [HSTS]

    async def _refuse(self, scope: dict, send: Any, status: int, message: str) -> None:
        if scope["path"].startswith("/api/"):
            body = json.dumps(errors.error_body(message, status)).encode()
            ctype = b"application/json"
        else:
            body = f"<!doctype html><title>{errors.TITLES[status]}</title><p>{message}</p>".encode()
            ctype = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close"), *self.extra]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            # ASCII digits only: bytes.isdigit() is ASCII-only, and a length is at most 19 digits.
            if not length.isdigit() or len(length) > 19:
                await self._refuse(scope, send, 400, "bad Content-Length header")
                return
            if int(length) > MAX_BODY:
                await self._refuse(scope, send, 413, "the request body is too large")
                return

        received = 0

        async def counted_receive() -> dict:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY:
                    raise BodyTooLarge()
            return message

        started = False
        extra = self.extra_https if scope.get("scheme") == "https" else self.extra
        head = scope["method"] == "HEAD"
        if head:  # HEAD is GET without the body (link checkers and monitors use it)
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: dict) -> None:
            nonlocal started
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [h for h in extra if h[0] not in names]
            await send(message)

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            # Read somewhere that turns exceptions into a 500 (or not at all handled): still a 413.
            if started:
                raise
            await self._refuse(scope, send, 413, "the request body is too large")


def _templates() -> Environment:
    env = PageEnvironment(  # templating.py: dict look-ups without exceptions, templates read once
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        trim_blocks=True, lstrip_blocks=True, auto_reload=False,
    )
    env.filters["inline"] = markup.inline
    env.filters["plain"] = markup.plain
    env.filters["json_ld"] = markup.json_ld
    env.filters["slug"] = markup.slug
    env.filters["http_url"] = markup.http_url
    env.filters["token"] = markup.css_token
    env.filters["show"] = markup.show
    env.filters["retraction_note"] = markup.retraction_note
    env.filters["change_rows"] = markup.change_rows
    env.filters["reference_html"] = markup.reference_html
    env.globals.update(
        TOPICS=taxonomy.TOPICS, BODY_REGIONS=taxonomy.BODY_REGIONS, DESIGNS=taxonomy.DESIGNS,
        EVIDENCE=taxonomy.EVIDENCE, VERDICTS=taxonomy.VERDICTS, RESEARCH_TYPES=taxonomy.RESEARCH_TYPES, LADDER=markup.LADDER,
        VERDICT_MEANING=markup.VERDICT_MEANING, EVIDENCE_MEANING=markup.EVIDENCE_MEANING,
        RESEARCH_TYPE_MEANING=markup.RESEARCH_TYPE_MEANING, version=__version__,
        evidence_picture_html=evidence_picture.render,
    )
    return env


def create_app(store_path: str, *, settings: dict[str, Any] | None = None) -> Any:
    """The web hub over the database at ``store_path``.

    settings: ``secret_key`` (else PHYSIOHUB_SECRET_KEY, else generated once and kept in the database),
    ``https`` (else PHYSIOHUB_HTTPS: the site is reached over https, so both of the next two),
    ``secure_cookies`` (force the cookie's Secure flag; it is set anyway on https), ``hsts`` (send
    Strict-Transport-Security: only behind https), ``page_size`` (results per page, default 10),
    ``busy_timeout`` (seconds a write waits for another writer before a 503 "busy, try again", default 10),
    ``check_limits`` (keyword arguments of ``limits.CheckLimits``: per_minute, burst, slots, wait),
    ``check_process`` (check articles in a low-priority worker process: web/checkproc.py).
    """
    settings = dict(settings or {})
    # Behind a TLS proxy the app sees plain http: PHYSIOHUB_HTTPS=1 (or settings["https"]) says the site is
    # https anyway, so cookies get Secure and responses HSTS. (`serve --proxy-headers` instead makes each
    # request's scheme the proxy's, from X-Forwarded-Proto.)
    https = config.flag(settings.get("https", config.get("https")))
    settings.setdefault("secure_cookies", https)
    settings.setdefault("hsts", https)
    # A write waits this long for another writer (an import) before the editor is told "busy, try again".
    store = Store(store_path, busy_timeout=float(settings.get("busy_timeout", 10)))
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
    app.state.check_limits = limits.CheckLimits(**dict(settings.get("check_limits") or {}))
    # ``check_process``: articles are checked in a low-priority worker process (``physiohub serve`` sets it).
    app.state.check_process = CheckProcess(store.url) if config.flag(settings.get("check_process")) else None
    if app.state.check_process is not None:
        app.router.on_shutdown.append(app.state.check_process.close)
    # Set by ``indexproc.index_in_background`` while embeddings are computed behind a serving hub.
    app.state.background_index = None

    errors.install(app)
    from .views import api, editor, public

    app.include_router(public.router)
    app.include_router(editor.router)
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(SecurityHeaders, hsts=bool(settings.get("hsts")))
    return app
