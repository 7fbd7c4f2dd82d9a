"""Serving the hub with uvicorn: ``physiohub serve`` and ``physiohub demo`` call ``serve``.

With ``workers > 1`` uvicorn starts separate processes, which need an import string: they build the app
from ``PHYSIOHUB_DB`` through ``app_from_env`` (a factory).
"""
from __future__ import annotations

import os
import sys
from typing import Any

from ..errors import ConfigError


def app_from_env() -> Any:
    from .. import config

    return _warm_app(config.get("db"))


# Seconds a thread may hold the interpreter lock before another that waits gets it (Python's default is
# 0.005). Rebuilding a page after a commit (an import) is pure Python in a pool thread; meanwhile each step
# of the event loop that serves every other request waited up to 5 ms for the lock, several times per
# request: card p99 18.8 ms under an import, 8.8 ms at 1 ms (docs/benchmarks.md, "Cards under load").
GIL_SWITCH_INTERVAL = 0.001


def tune_interpreter() -> None:
    """Settings of the serving process (not of the library): a shorter interpreter-lock switch interval."""
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)


def _warm_app(db: str) -> Any:
    """The app with search's in-memory indexes loaded before the first request, not during it."""
    from ..search import warm
    from .app import create_app

    tune_interpreter()
    app = create_app(db, settings={"check_process": True})  # checks never slow the card pages
    warm(app.state.store)
    warm_cards(app)
    settle_heap()
    return app


def settle_heap() -> None:
    """Keep what start-up loaded out of the cyclic garbage collector's full passes.

    After warming, the process holds ~160,000 objects (models, vocabularies, templates) that live as long as
    it does; each full collection walked all of them: ~120 ms during which no request was served (card p99
    spikes of 150 ms under load). ``gc.freeze`` moves them to a permanent generation; collections then only
    walk what requests allocate."""
    import gc

    gc.collect()
    gc.freeze()


def warm_cards(app: Any) -> None:
    """Import what a card page needs and build one card view and its template before the first reader
    comes: the first card view after a start took 1-3 s (importing the card and appraisal modules, about 2 s
    of it), every later one a few milliseconds."""
    from .. import cards  # noqa: F401  (the card modules and their models' imports)

    app.state.templates.get_template("card.html")
    row = app.state.store.query_one("SELECT study_id FROM cards WHERE status = 'published' LIMIT 1")
    if row:
        app.state.hub.card_view(row[0], editor=False)


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, log_level: str = "info",
          proxy_headers: bool = False, index_in_background: bool = False, access_log: bool = True) -> None:
    """Serve the hub. ``proxy_headers``: trust X-Forwarded-Proto/-For from the addresses in the
    ``forwarded_allow_ips`` setting (PHYSIOHUB_FORWARDED_ALLOW_IPS, default 127.0.0.1), so behind a TLS
    proxy requests are https (Secure cookies, HSTS) and rate limits see the real client address.
    ``index_in_background`` (one worker only): compute missing embeddings in a low-priority child process
    while serving; search is keyword-only, and says so, until they are ready (web/indexproc.py)."""
    import uvicorn

    from .. import config

    from ..store import Store

    if not 0 < port < 65536:
        raise ConfigError(f"port must be between 1 and 65535, not {port}")
    Store(db).close()  # fail early, with a one-line reason, on a database we cannot open
    # Without --proxy-headers, forwarded headers are ignored: any client could otherwise claim https or
    # another address.
    opts: dict = {"proxy_headers": proxy_headers, "access_log": access_log}
    if proxy_headers:
        opts["forwarded_allow_ips"] = config.get("forwarded_allow_ips")
    if index_in_background and workers > 1:
        raise ConfigError("indexing in the background needs a single server process (--workers 1); "
                          "run `physiohub index` first to serve with several")
    if workers > 1:
        os.environ["PHYSIOHUB_DB"] = db
        # One BLAS thread per worker: N workers x N BLAS threads on N cores only fight over the cores
        # (the query embedding is a small matrix product; throughput comes from the workers).
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        from .workers import HAS_REUSEPORT, run_workers

        if HAS_REUSEPORT:   # a socket per process: connections spread over the workers (web/workers.py)
            run_workers(host, port, workers, {"log_level": log_level, "server_header": False, **opts})
        else:
            uvicorn.run("physiohub.web.serve:app_from_env", factory=True, host=host, port=port, workers=workers,
                        log_level=log_level, server_header=False, **opts)
        return
    app = _warm_app(db)
    indexer = None
    if index_in_background:
        from .indexproc import index_in_background as start_indexing

        indexer = start_indexing(app)
        print(f"computing embeddings in the background (process {indexer.pid}, low priority); search is "
              "keyword-only until they are ready", file=sys.stderr, flush=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, **opts)
    finally:
        if indexer is not None:  # also on a start-up failure (port taken), when no shutdown hook runs
            indexer.stop()
