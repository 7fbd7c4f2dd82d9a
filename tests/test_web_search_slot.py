"""Searches in one server process run one at a time (views/common.py ``SEARCH_SLOT``): concurrent search pages
and API searches through the app never overlap in the search engine, and all are answered."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from starlette.testclient import TestClient

from physiohub.search import engine
from physiohub.web import create_app


def test_concurrent_searches_do_not_overlap_and_all_answer(hub, monkeypatch):
    running, most, lock = [0], [0], threading.Lock()
    real = engine.search

    def counted(*args, **kwargs):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            time.sleep(0.03)  # long enough for the others to arrive meanwhile
            return real(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(engine, "search", counted)
    monkeypatch.setattr("physiohub.search.search", counted)
    words = ["exercise", "knee", "pain", "tendon", "back", "shoulder", "hip", "neck"]
    with TestClient(create_app(str(hub[0]))) as c:
        def get(i: int) -> int:
            url = "/search" if i % 2 else "/api/studies"
            return c.get(url, params={"q": f"{words[i % len(words)]} {i}"}).status_code

        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(get, range(16)))
    assert codes == [200] * 16
    assert most[0] == 1
