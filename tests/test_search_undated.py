"""A year filter says how many undated studies it hid and offers them (issue 15, item 11)."""
from __future__ import annotations

from starlette.testclient import TestClient

from physiohub.store import Store
from physiohub.web import create_app


def test_year_filter_counts_and_offers_the_undated(hub) -> None:
    path, ids = hub
    store = Store(path)
    store.execute("UPDATE studies SET year = NULL WHERE id IN (?, ?)", (ids["knee"], ids["tendon"]))
    published = store.query_one("SELECT COUNT(*) FROM cards WHERE status = 'published'")[0]
    store.close()
    with TestClient(create_app(str(path))) as c:
        api = c.get("/api/studies", params={"year_from": 1900}).json()
        assert api["undated_left_out"] == 2 and api["total"] == published - 2
        page = c.get("/search", params={"year_from": 1900}).text
        assert "2 studies with no year are left out by the year filter" in page
        assert "include_undated=1" in page
        wider = c.get("/api/studies", params={"year_from": 1900, "include_undated": 1}).json()
        assert wider["total"] == published and wider["undated_left_out"] == 0
        assert c.get("/api/studies", params={"q": "knee"}).json()["undated_left_out"] == 0  # no year filter, no note
