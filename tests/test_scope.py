"""In scope for an MSK physiotherapy hub (appraise/scope.py): the judgement, where it is stored, and what it
changes: demo publishes only in-scope studies; home page, topics and the API's listing show only them;
editors see the reasons and filter the queue by it (issue 15, item 4)."""
from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from physiohub.appraise import appraise
from physiohub.appraise.persist import save_appraisal, set_override
from physiohub.ingest.jsonl import convert
from physiohub.store import Store
from physiohub.web import create_app
from conftest import WEB_PASSWORD, csrf


def _a(title: str, text: str) -> dict:
    return appraise(convert({"_id": "t", "title": title, "text": text}))


def test_msk_trials_are_in_scope_with_reasons() -> None:
    a = _a("Exercise for knee osteoarthritis: a randomised trial",
           "METHODS: 100 adults with knee osteoarthritis were randomised to exercise or advice. RESULTS: Pain fell "
           "more with exercise (p<0.01).")
    assert a["in_scope"] is True
    assert a["scope_reasons"][0].startswith("in scope") and any("osteoarthritis" in r for r in a["scope_reasons"])


@pytest.mark.parametrize("title,text", [
    ("Docetaxel after surgery for early breast cancer: a randomised trial",
     "METHODS: 800 women with breast cancer were randomised to docetaxel or observation. RESULTS: Survival was longer."),
    ("Silencing gene X by siRNA in worms shortens life span",
     "We used siRNA in C. elegans and measured life span and gene expression in the worms."),
    ("Heart failure nurse visits and readmission: a cohort study",
     "We followed 2,000 patients with heart failure; nurse visits were linked with fewer readmissions."),
])
def test_other_fields_are_out_of_scope(title: str, text: str) -> None:
    a = _a(title, text)
    assert a["in_scope"] is False and a["scope_reasons"][0].startswith("out of scope")


@pytest.fixture
def scoped(hub):
    """The sample hub with one published study (the knee trial) judged out of scope by an editor."""
    path, ids = hub
    store = Store(path)
    sid = ids["knee"]
    set_override(store, sid, "in_scope", False, "edna", "not musculoskeletal after all")
    before = store.query_one("SELECT COUNT(*) FROM cards WHERE status = 'published'")[0]
    store.close()
    return path, ids, sid, before


def test_home_topics_and_api_list_only_in_scope_studies(scoped) -> None:
    path, ids, sid, published = scoped
    with TestClient(create_app(str(path))) as c:
        listing = c.get("/api/studies").json()
        assert sid not in [h["id"] for h in listing["hits"]]
        assert listing["total"] == published - 1
        assert f'href="/studies/{sid}"' not in c.get("/").text
        assert c.get(f"/studies/{sid}").status_code == 200  # still reachable by its address


def test_editors_filter_the_queue_by_scope_and_see_the_reasons(scoped) -> None:
    path, ids, sid, _ = scoped
    with TestClient(create_app(str(path))) as c:
        page = c.get("/editor/sign-in").text
        c.post("/editor/sign-in", data={"name": "edna", "password": WEB_PASSWORD, "csrf_token": csrf(page)})
        out = c.get("/editor?scope=out").text
        assert f"/editor/studies/{sid}\"" in out and "out of scope" in out
        inside = c.get("/editor?scope=in").text
        assert f"/editor/studies/{sid}\"" not in inside
        assert c.get("/editor?scope=maybe").status_code == 400


def test_demo_publishes_only_in_scope_studies(tmp_path) -> None:
    from physiohub.cards import generate_card
    from physiohub.cards.review import save_draft
    from physiohub.demo import publish_drafts
    from physiohub.ingest.pipeline import import_records

    store = Store(tmp_path / "hub.db")
    recs = [convert({"_id": "a", "title": "Exercise for knee osteoarthritis: a randomised trial",
                     "text": "METHODS: 100 adults with knee osteoarthritis were randomised. RESULTS: Pain fell more with exercise (p<0.01)."}),
            convert({"_id": "b", "title": "Docetaxel after surgery for early breast cancer: a randomised trial",
                     "text": "METHODS: 800 women with breast cancer were randomised. RESULTS: Survival was longer (p<0.01)."})]
    import_records(store, recs, file="t")
    for sid, rec in zip([r[0] for r in store.query("SELECT id FROM studies ORDER BY id")], recs):
        a = appraise(rec)
        save_appraisal(store, sid, a)
        save_draft(store, sid, generate_card(rec, a))
    assert publish_drafts(store) == 1
    published = [r[0] for r in store.query("SELECT s.source_id FROM cards c JOIN studies s ON s.id = c.study_id"
                                           " WHERE c.status = 'published'")]
    assert published == ["a"]
    store.close()


def test_queue_search_filters_and_sort(hub) -> None:
    path, ids = hub
    store = Store(path)
    # The honesty gate's flag on one card (as cards/consistency.py writes it)
    store.execute("UPDATE cards SET data = json_set(data, '$.flags', json('[\"unclear_result\"]')) WHERE study_id = ?",
                  (ids["tendon"],))
    title = store.query_one("SELECT title FROM studies WHERE id = ?", (ids["knee"],))[0]
    design = store.query_one("SELECT design FROM appraisals WHERE study_id = ?", (ids["knee"],))[0]
    store.close()
    with TestClient(create_app(str(path))) as c:
        page = c.get("/editor/sign-in").text
        c.post("/editor/sign-in", data={"name": "edna", "password": WEB_PASSWORD, "csrf_token": csrf(page)})
        word = max(title.split(), key=len)
        found = c.get("/editor", params={"q": word}).text
        assert f'/editor/studies/{ids["knee"]}"' in found
        assert found.count('href="/editor/studies/') < c.get("/editor").text.count('href="/editor/studies/')
        by_design = c.get("/editor", params={"design": design}).text
        assert f'/editor/studies/{ids["knee"]}"' in by_design
        flagged = c.get("/editor", params={"flagged": 1}).text
        assert f'/editor/studies/{ids["tendon"]}"' in flagged and f'/editor/studies/{ids["knee"]}"' not in flagged
        assert c.get("/editor", params={"sort": "date"}).status_code == 200
        assert c.get("/editor", params={"sort": "size"}).status_code == 400
        assert c.get("/editor", params={"verdict": "Probably"}).status_code == 400
        assert c.get("/editor", params={"q": "%_"}).status_code == 200  # LIKE wildcards are text


def test_a_verdict_correction_marks_the_sentences_that_depend_on_it(hub) -> None:
    import re as _re

    path, ids = hub
    sid = ids["knee"]
    with TestClient(create_app(str(path))) as c:
        page = c.get("/editor/sign-in").text
        c.post("/editor/sign-in", data={"name": "edna", "password": WEB_PASSWORD, "csrf_token": csrf(page)})
        edit = c.get(f"/editor/studies/{sid}").text
        assert 'id="to-review"' not in edit
        from test_web_editor import form_fields

        data = form_fields(edit, f"/editor/studies/{sid}/appraisal")
        data.update({"verdict": "Mixed picture", "reason": "benefit on one outcome only"})
        r = c.post(f"/editor/studies/{sid}/appraisal", data=data)
        assert r.status_code == 200, r.text[:300]
        edit = c.get(f"/editor/studies/{sid}").text
        box = _re.search(r'id="to-review">(.*?)</div>', edit, _re.S).group(1)
        assert "Mixed picture" in box and "The upshot: answer" in box and "Why it matters: for patients" in box
        public = c.get(f"/studies/{sid}").text
        assert "to-review" not in public and "Review these parts" not in public
        card = form_fields(edit, f"/editor/studies/{sid}/card")
        assert c.post(f"/editor/studies/{sid}/card", data=card).status_code == 200
        assert 'id="to-review"' not in c.get(f"/editor/studies/{sid}").text  # saved after review: cleared
