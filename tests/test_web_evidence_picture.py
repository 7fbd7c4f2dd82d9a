"""The evidence picture (web/evidence_picture.py): the aggregate on a real SQLite file, and the pages and API
through the app, where every cell's link lists exactly the studies the cell counts."""
from __future__ import annotations

import re
import shutil
from collections import Counter
from html import unescape

import pytest

from physiohub.appraise.persist import get_appraisal, set_override
from physiohub.store import Store
from physiohub.taxonomy import VERDICTS
from physiohub.web import evidence_picture
from physiohub.web.queries import latest_published

TOPIC, SLUG = "Exercise & Loading", "exercise-and-loading"


def _expected(store: Store, topic: str) -> tuple[Counter, Counter, Counter]:
    """Per-study reference, the slow way: the published, in-scope studies the topic page lists."""
    studies, people, unknown = Counter(), Counter(), Counter()
    for item in latest_published(store, limit=10_000, topic=topic):
        a = get_appraisal(store, item["id"])
        key = (a["design"], a["verdict"])
        studies[key] += 1
        n = a.get("n_participants")
        if isinstance(n, int) and n > 0:
            people[key] += n
        else:
            unknown[key] += 1
    return studies, people, unknown


@pytest.fixture
def varied(hub):
    """The sample hub with an editor's sample-size override, a study with no size, and one study out of scope."""
    path, ids = hub
    store = Store(path)
    set_override(store, ids["tendon"], "n_participants", 400, "edna", "full text says 400")
    in_topic = [i["id"] for i in latest_published(store, limit=100, topic=TOPIC)]
    others = [i for i in in_topic if i != ids["tendon"]]
    store.execute("UPDATE appraisals SET data = json_remove(data, '$.n_participants') WHERE study_id = ?", (others[0],))
    set_override(store, others[1], "in_scope", False, "edna", "not MSK")
    yield store, ids, others
    store.close()


def test_aggregate_matches_the_studies_the_topic_lists(varied):
    store, ids, others = varied
    cells = evidence_picture.topic_cells(store, TOPIC)
    studies, people, unknown = _expected(store, TOPIC)
    got = {(c["design"], c["verdict"]): c for c in cells}
    assert {k: c["studies"] for k, c in got.items()} == dict(studies)
    assert {k: c["participants"] for k, c in got.items() if c["participants"]} == dict(people)
    assert {k: c["unknown_n"] for k, c in got.items() if c["unknown_n"]} == dict(unknown)
    # the editor's override counts, the out-of-scope study does not, the study with no size is counted as such
    tendon = get_appraisal(store, ids["tendon"])
    assert got[(tendon["design"], tendon["verdict"])]["participants"] >= 400
    assert sum(c["studies"] for c in cells) == len(latest_published(store, limit=100, topic=TOPIC))
    assert sum(c["unknown_n"] for c in cells) == 1


def test_build_orders_designs_strongest_first_and_sizes_marks_by_area():
    cells = [
        {"design": "case report", "verdict": "Too early to tell", "studies": 2, "participants": 2, "unknown_n": 0},
        {"design": "randomised controlled trial", "verdict": "Supports", "studies": 3, "participants": 400, "unknown_n": 1},
        {"design": "meta-analysis", "verdict": "No clear difference", "studies": 1, "participants": 1600, "unknown_n": 0},
        {"design": None, "verdict": "Supports", "studies": 4, "participants": 0, "unknown_n": 4},
    ]
    p = evidence_picture.build(cells, base_url="/topics/x")
    assert p["designs"] == ["meta-analysis", "randomised controlled trial", "case report"]
    assert p["verdicts"] == list(VERDICTS)
    assert (p["total"], p["participants"], p["unknown_n"], p["left_out"]) == (6, 2002, 1, 4)
    rct = p["rows"][1]["cells"][VERDICTS.index("Supports")]
    assert rct["url"] == "/topics/x?design=randomised+controlled+trial&verdict=Supports"
    big = p["rows"][0]["cells"][VERDICTS.index("No clear difference")]["radius"]
    assert big == evidence_picture.MAX_R
    # area, not radius, follows the participants: 1/4 of the people -> half the extra radius
    assert rct["radius"] == pytest.approx(evidence_picture.MIN_R + (evidence_picture.MAX_R - evidence_picture.MIN_R) / 2, abs=0.1)
    assert p["rows"][1]["cells"][0]["url"] is not None and p["rows"][1]["cells"][1]["url"] is None
    assert evidence_picture.DESIGN_ORDER.index("randomised controlled trial") < evidence_picture.DESIGN_ORDER.index("cohort") \
        < evidence_picture.DESIGN_ORDER.index("case report")


@pytest.fixture
def varied_client(varied, hub):
    from starlette.testclient import TestClient

    from physiohub.web import create_app

    with TestClient(create_app(str(hub[0]))) as c:
        yield c


def _ids_on(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'<h3><a href="/studies/(\d+)"', html)]


def test_topic_page_shows_picture_and_table_and_each_cell_lists_exactly_its_studies(varied, varied_client):
    store, _, _ = varied
    r = varied_client.get(f"/topics/{SLUG}")
    assert r.status_code == 200
    html = r.text
    assert '<svg class="ep-svg"' in html and 'aria-hidden="true"' in html and '<table class="ep-table" role="table">' in html
    assert "style=" not in html[html.index("evidence-picture"):html.index("</section>", html.index("evidence-picture"))]
    assert "1 study gives no sample size" in html
    assert "/static/evidence-picture.css" in html
    links = sorted(set(unescape(u) for u in re.findall(r'<td[^>]*><a href="([^"]+)"', html)))
    cells = {(c["design"], c["verdict"]): c["studies"] for c in evidence_picture.topic_cells(store, TOPIC)}
    assert len(links) == len(cells) >= 2
    for url in links:
        page = varied_client.get(url)
        assert page.status_code == 200
        ids = _ids_on(page.text)
        q = dict(re.findall(r"(design|verdict)=([^&]+)", url))
        design, verdict = (v.replace("+", " ") for v in (q["design"], q["verdict"]))
        assert len(ids) == cells[(design, verdict)]
        for sid in ids:
            a = get_appraisal(store, sid)
            assert (a["design"], a["verdict"]) == (design, verdict)
        assert f"{len(ids)} published stud" in page.text and "Show all studies in this topic" in page.text
    assert varied_client.get(f"/topics/{SLUG}?verdict=Maybe").status_code == 400


def test_topic_api_carries_the_same_picture_and_its_cells_filter(varied, varied_client):
    store, _, _ = varied
    body = varied_client.get(f"/api/topics/{SLUG}").json()
    pic = body["evidence_picture"]
    cells = {(c["design"], c["verdict"]): c["studies"] for c in evidence_picture.topic_cells(store, TOPIC)}
    assert {(c["design"], c["verdict"]): c["studies"] for c in pic["cells"]} == cells
    assert pic["total"] == body["total"] == sum(cells.values())
    for c in pic["cells"]:
        sub = varied_client.get(c["api_url"] + "&limit=50").json()
        assert sub["total"] == c["studies"] == len(sub["hits"])
    assert varied_client.get(f"/api/topics/{SLUG}", params={"design": "astrology"}).status_code == 400
    schema = varied_client.get("/openapi.json").json()
    op = schema["paths"]["/api/topics/{topic_slug}"]["get"]
    assert {"design", "verdict"} <= {p["name"] for p in op["parameters"]}
    assert "evidence_picture" in op["description"]
    assert "evidence_picture" in varied_client.get("/api/docs").text


def test_empty_topic_shows_no_picture(client):
    r = client.get("/topics/work-and-function")
    assert r.status_code == 200 and "ep-svg" not in r.text


@pytest.mark.parametrize("query", ["exercise", "pain", ""])
def test_search_picture_counts_the_result_set_and_each_cell_is_that_search_narrowed(client, query):
    params = {"q": query} if query else {"topic": TOPIC}
    body = client.get("/api/studies", params={**params, "limit": 50}).json()
    pic = body["evidence_picture"]
    assert pic["total"] + pic["left_out"] == body["total"] and pic["total"] >= 1
    # the counts agree with the listed hits (the whole result set fits one page of the small hub)
    listed = Counter((h["design"], h["verdict"]) for h in body["hits"])
    assert {(c["design"], c["verdict"]): c["studies"] for c in pic["cells"]} == \
        {k: n for k, n in listed.items() if k[0] and k[1]}
    for c in pic["cells"]:
        sub = client.get(c["api_url"] + "&limit=50").json()
        assert sub["total"] == c["studies"] == len(sub["hits"])
        assert {(h["design"], h["verdict"]) for h in sub["hits"]} == {(c["design"], c["verdict"])}
        page = client.get(c["url"])
        assert page.status_code == 200 and len(_ids_on(page.text)) == c["studies"]
    html = client.get("/search", params=params).text
    assert '<svg class="ep-svg"' in html and '<table class="ep-table" role="table">' in html
    assert '<h3 id="ep-title">' in html   # under the results' h2, never a second h2 that swallows the results


def test_search_picture_never_counts_unpublished_studies(client, hub):
    # the sample hub has drafts; the public's picture counts only what the public's list shows
    body = client.get("/api/studies", params={"q": "secret unpublished", "limit": 50}).json()
    shown = {h["id"] for h in body["hits"]}
    pic = body["evidence_picture"] or {"total": 0, "left_out": 0}
    assert pic["total"] + pic["left_out"] == body["total"] == len(shown)


def test_design_labels_fit_the_pictures_narrow_label_column():
    from physiohub.taxonomy import DESIGNS

    for d in DESIGNS:
        lines = evidence_picture.label_lines(d)
        assert 1 <= len(lines) <= 2 and " ".join(lines).replace("/ ", "/").lower() == d
        assert all(len(line) <= evidence_picture.LABEL_CHARS + 1 for line in lines), lines
    assert evidence_picture.label_lines("randomised controlled trial") == ["Randomised", "controlled trial"]
    assert evidence_picture.label_lines("cohort") == ["Cohort"]
