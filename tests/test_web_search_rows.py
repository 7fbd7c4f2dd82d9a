"""Search result rows rendered once per hit content (web/views/search_rows.py): the same HTML as the
template's ``result`` macro, and a changed study, appraisal or card status shows on the next search page."""
from __future__ import annotations

import re
import time

from starlette.testclient import TestClient

from physiohub.cards.review import set_status
from physiohub.store import Store
from physiohub.web import create_app
from physiohub.web.views.search_rows import result_rows


def _hit(**kw):
    hit = {"id": 7, "source_id": "pmid:7", "score": 1.5, "title": "Loading <b>tendons</b>", "year": 2020,
           "design": "randomised controlled trial", "evidence": "Moderate", "verdict": "Supports",
           "research_type": "Treatment", "topics": ["Exercise & Loading"], "retracted": False, "status": "published"}
    return {**hit, **kw}


def test_rows_are_the_macros_html_and_change_with_the_hit(hub):
    with TestClient(create_app(str(hub[0]))) as c:
        env = c.app.state.templates
        macro = env.get_template("macros.html").module.result
        first = result_rows(env, [_hit()])
        assert first == [macro(_hit())]
        assert result_rows(env, [_hit(score=9.0)])[0] is first[0]   # the score is not shown: same row
        for change in ({"title": "Other"}, {"status": "in_review"}, {"retracted": True}, {"verdict": "Unclear"},
                       {"topics": ["Pain Science"]}, {"year": None}, {"research_type": "Diagnosis"}):
            row = result_rows(env, [_hit(**change)])[0]
            assert row == macro(_hit(**change)) != first[0], change


def _page(c, q: str, want: str | None = None, absent: str | None = None) -> str:
    # A search page may be served one build old while the new one is made (views/public.py); the next shows it.
    for _ in range(100):
        html = c.get("/search", params={"q": q}).text
        if (want is None or want in html) and (absent is None or absent not in html):
            return html
        time.sleep(0.02)
    return html


def test_next_search_page_shows_a_retitled_study_and_drops_an_unpublished_one(hub):
    path, ids = hub
    with TestClient(create_app(str(path))) as c:
        html = _page(c, "exercise")
        shown = [int(i) for i in re.findall(r'<li class="result">\s*<h3><a href="/studies/(\d+)"', html)]
        assert len(shown) >= 2
        writer = Store(path)
        try:
            writer.execute("UPDATE studies SET title = 'Renamed exercise study' WHERE id = ?", (shown[0],))
            assert "Renamed exercise study" in _page(c, "exercise", want="Renamed exercise study")
            set_status(writer, shown[1], "in_review", "edna")
            html = _page(c, "exercise", absent=f'href="/studies/{shown[1]}"')
            assert f'href="/studies/{shown[1]}"' not in html and "Renamed exercise study" in html
        finally:
            writer.close()


def test_next_search_page_shows_a_published_draft_and_an_imported_study(hub):
    from physiohub import workflow
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import AbstractSection, Record

    path, ids = hub
    with TestClient(create_app(str(path))) as c:
        html = _page(c, "shoulder exercise dosing")
        assert f'href="/studies/{ids["draft"]}"' not in html  # the sample hub's draft: not for the public
        writer = Store(path)
        try:
            set_status(writer, ids["draft"], "in_review", "edna")
            set_status(writer, ids["draft"], "published", "edna")
            assert f'href="/studies/{ids["draft"]}"' in _page(c, "shoulder exercise dosing",
                                                                want=f'href="/studies/{ids["draft"]}"')
            rec = Record(source_format="jsonl", source_id="new-1", title="Quadriceps zebrawords trial for knee pain",
                         abstract_sections=[AbstractSection(label="", text="Zebrawords exercise for knee pain in adults.")])
            import_records(writer, [rec], file="new.jsonl")
            new_id = writer.query_one("SELECT id FROM studies WHERE source_id = 'new-1'")[0]
            workflow.refresh(writer, [new_id])
            set_status(writer, new_id, "in_review", "edna")
            set_status(writer, new_id, "published", "edna")
            html = _page(c, "zebrawords", want=f'href="/studies/{new_id}"')
            assert f'href="/studies/{new_id}"' in html and "Quadriceps zebrawords trial" in html
        finally:
            writer.close()
