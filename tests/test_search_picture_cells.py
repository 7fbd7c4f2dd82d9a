"""A search's evidence picture counted from the in-memory facet table (search/facets.py ``FacetTable.cells``):
the same numbers as the SQL aggregate (web/evidence_picture.py ``ids_cells``) on a real SQLite file, and kept
current by the change log when a sample size, an override, a verdict or a card's status changes."""
from __future__ import annotations

import random
import re
import time

import pytest

from physiohub.appraise.persist import clear_override, set_override
from physiohub.search import facets
from physiohub.store import Store
from physiohub.web import evidence_picture


def _norm(cells: list[dict]) -> list[tuple]:
    # SQL groups '' and NULL apart; the picture leaves both out alike, so they are compared as one
    merged: dict[tuple, list[int]] = {}
    for c in cells:
        key = (c["design"] or None, c["verdict"] or None)
        acc = merged.setdefault(key, [0, 0, 0])
        for i, k in enumerate(("studies", "participants", "unknown_n")):
            acc[i] += int(c[k])
    return sorted((k[0] or "", k[1] or "", *v) for k, v in merged.items())


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The sample hub three times over (enough studies for every kind of sample size below)."""
    from physiohub.web import sample

    path = tmp_path_factory.mktemp("cells") / "hub.db"
    s = Store(path)
    ids = sample.fill(s, copies=3)
    s.close()
    return path, ids


@pytest.fixture
def store(hub):
    path, ids = hub
    s = Store(path)
    # sample sizes of every kind an appraisal or an editor may leave: text, a fraction, zero, negative, none
    rows = [r[0] for r in s.query("SELECT study_id FROM appraisals ORDER BY study_id")]
    for sid, value in zip(rows, ['"120"', "12.7", "0", "-3", "null"]):
        s.execute("UPDATE appraisals SET data = json_set(data, '$.n_participants', json(?)) WHERE study_id = ?",
                  (value, sid))
    s.execute("UPDATE appraisals SET data = json_remove(data, '$.n_participants') WHERE study_id = ?", (rows[5],))
    set_override(s, rows[6], "n_participants", 4000, "edna", "full text")
    s.execute("UPDATE appraisals SET data = json_set(data, '$.n_participants', 'about 40') WHERE study_id = ?",
              (rows[7],))
    yield s
    s.close()


def _check_equal(store: Store, ids: list[int]) -> None:
    assert _norm(facets.table(store).cells(ids)) == _norm(evidence_picture.ids_cells(store, ids))


def test_cells_equal_the_sql_aggregate(store):
    every = [r[0] for r in store.query("SELECT id FROM studies ORDER BY id")]
    rng = random.Random(5)
    _check_equal(store, every)
    for _ in range(20):
        _check_equal(store, rng.sample(every, rng.randint(1, len(every))))
    assert facets.table(store).cells([]) == [] == evidence_picture.ids_cells(store, [])
    assert sum(c["participants"] for c in facets.table(store).cells(every)) >= 4000


def test_cells_follow_sample_size_verdict_and_override_changes(store, hub):
    every = [r[0] for r in store.query("SELECT id FROM studies ORDER BY id")]
    server = Store(hub[0])  # another connection, as a server's: it learns of changes from the change log only
    try:
        before = facets.table(server).cells(every)
        sid = every[-1]
        store.execute("UPDATE appraisals SET data = json_set(data, '$.n_participants', 777) WHERE study_id = ?",
                      (sid,))
        _check_equal(server, every)
        assert facets.table(server).cells(every) != before
        set_override(store, sid, "n_participants", 9001, "edna", "full text")
        _check_equal(server, every)
        set_override(store, sid, "n_participants", 12, "edna", "corrected")
        _check_equal(server, every)
        clear_override(store, sid, "n_participants")
        _check_equal(server, every)
        store.execute("UPDATE appraisals SET verdict = 'Does not support' WHERE study_id = ?", (sid,))
        _check_equal(server, every)
        store.execute("DELETE FROM appraisals WHERE study_id = ?", (sid,))
        _check_equal(server, every)
    finally:
        server.close()


def _participants(html: str) -> int:
    return int(re.search(r"how many people took part \((\d+) in all\)", html).group(1))


def test_search_page_picture_shows_an_edited_sample_size_at_once(hub):
    from starlette.testclient import TestClient

    from physiohub.web import create_app

    path, _ = hub
    with TestClient(create_app(str(path))) as c:
        body = c.get("/api/studies", params={"q": "exercise", "limit": 50}).json()
        first = _participants(c.get("/search", params={"q": "exercise"}).text)
        assert first == body["evidence_picture"]["participants"]
        sid = next(h["id"] for h in body["hits"] if h["design"] and h["verdict"])
        editor = Store(path)
        try:
            set_override(editor, sid, "n_participants", 100_000, "edna", "full text")
        finally:
            editor.close()
        # A search page may be served one build old while the new one is made (views/public.py): the next
        # ones show the change.
        for _ in range(50):
            now = _participants(c.get("/search", params={"q": "exercise"}).text)
            if now != first:
                break
            time.sleep(0.02)
        assert now > first + 90_000
