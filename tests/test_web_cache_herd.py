"""After a commit (an import, a publish), every open connection misses a card page's cache at once: one
build serves them all.

Before, each request that missed built the page itself (related studies, facet tables reloaded per
thread): under an import the card p99 went from 3 ms to hundreds (docs/benchmarks.md, "Cards under load")."""
from __future__ import annotations

import asyncio

import httpx

from physiohub.web import create_app


def _run(coro):
    """Run a coroutine on a fresh event loop in its own thread: the browser tests' Playwright keeps a loop
    running in the main thread for the whole session, where ``asyncio.run`` refuses to start."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _count_builds(monkeypatch, hub_obj, name: str, delay: float = 0.0) -> list[int]:
    """Replace ``hub_obj.<name>`` by a wrapper that records each build (after ``delay`` seconds)."""
    import time

    real = getattr(hub_obj, name)
    builds: list[int] = []

    def counting(study_id, *, editor):
        builds.append(study_id)
        time.sleep(delay)
        return real(study_id, editor=editor)

    monkeypatch.setattr(hub_obj, name, counting)
    return builds


def test_concurrent_misses_of_a_card_page_build_it_once(hub, monkeypatch) -> None:
    path, ids = hub
    app = create_app(str(path))
    # long enough for every request to arrive while it builds
    builds = _count_builds(monkeypatch, app.state.hub, "card_view", delay=0.2)
    published = next(i for i in ids.values() if app.state.store.query_one(
        "SELECT 1 FROM cards WHERE study_id = ? AND status = 'published'", (i,)))

    async def burst() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as c:
            rs = await asyncio.gather(*(c.get(f"/studies/{published}") for _ in range(8)))
        return [r.status_code for r in rs]

    assert _run(burst()) == [200] * 8
    assert len(builds) == 1, builds


def test_a_reader_never_waits_on_a_rebuild_of_a_page_whose_study_did_not_change(hub, monkeypatch) -> None:
    # An import commits other studies: the card page is rebuilt, but meanwhile readers get the page as it was.
    import threading

    from physiohub.store import Store

    path, ids = hub
    app = create_app(str(path))
    sid = ids["knee"]
    release = threading.Event()

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as c:
            first = await c.get(f"/studies/{sid}")
            other = Store(path, migrate=False)  # an import's commit, on another connection
            with other.atomic() as conn:
                conn.execute("UPDATE studies SET year = year WHERE id <> ?", (sid,))
            other.close()
            real = app.state.hub.card_view
            monkeypatch.setattr(app.state.hub, "card_view", lambda *a, **k: (release.wait(5), real(*a, **k))[1])
            again = await asyncio.wait_for(c.get(f"/studies/{sid}"), 2)  # served while the rebuild waits
            release.set()
            assert again.status_code == 200 and again.text == first.text

    _run(run())


def test_serving_shortens_the_interpreter_lock_switch(monkeypatch) -> None:
    import sys

    from physiohub.web import serve

    monkeypatch.setattr(sys, "setswitchinterval", lambda v: setattr(serve, "_seen", v))
    serve.tune_interpreter()
    assert serve._seen == serve.GIL_SWITCH_INTERVAL <= 0.001


def test_the_api_card_is_built_once_per_state_like_the_card_page(hub, monkeypatch) -> None:
    path, ids = hub
    app = create_app(str(path))
    builds = _count_builds(monkeypatch, app.state.hub, "card_json")
    sid = ids["knee"]

    async def run() -> list[dict]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as c:
            rs = await asyncio.gather(*(c.get(f"/api/studies/{sid}/card") for _ in range(6)))
            rs += [await c.get(f"/api/studies/{sid}/card")]   # served from the cache
        return [r.json() for r in rs]

    bodies = _run(run())
    assert all(b == bodies[0] and b["ok"] for b in bodies)
    assert len(builds) == 1, builds


def test_the_served_app_keeps_its_start_up_objects_out_of_full_collections(hub) -> None:
    import gc

    from physiohub.web import serve

    try:
        serve._warm_app(str(hub[0]))
        assert gc.get_freeze_count() > 10_000   # models, vocabularies, templates: frozen once warmed
    finally:
        gc.unfreeze()
