"""Public pages and the JSON API, in-process through the app (published cards only for the public)."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import csrf
from physiohub.store import Store
from physiohub.web import sample


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "hub.db"
    store = Store(path)
    ids = sample.fill(store)
    store.close()
    return path, ids




def test_home_lists_topics_with_published_counts_and_latest_cards(client, hub):
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert '<a class="skip" href="#main">' in html and '<main id="main"' in html
    # Exercise & Loading: 3 published (tendon, back meta-analysis, knee); the protocol draft does not count.
    assert re.search(r'exercise-and-loading">Exercise &amp; Loading</a> <span class="count"[^>]*>3<', html)
    assert "Secret unpublished draft" not in html
    assert f'href="/studies/{hub[1]["tendon"]}"' in html
    assert "Educational, not medical advice" in html


def test_search_page_shows_badges_facets_and_filters(client):
    r = client.get("/search", params={"q": "exercise"})
    assert r.status_code == 200
    assert 'class="badge verdict' in r.text and "evidence</li>" in r.text
    assert 'aria-label="Refine results"' in r.text
    assert "Secret unpublished draft" not in r.text
    r = client.get("/search", params={"q": "exercise", "design": "meta-analysis"})
    assert "Pain education combined with exercise" in r.text
    assert "Arthroscopic surgery" not in r.text


def test_search_paginates(client):
    r = client.get("/search", params={"q": "adults", "limit": 2})
    assert r.status_code == 200
    assert 'rel="next"' in r.text
    r2 = client.get("/search", params={"q": "adults", "limit": 2, "page": 2})
    assert 'rel="prev"' in r2.text


@pytest.mark.parametrize("params", [{"page": "abc"}, {"page": "0"}, {"design": "astrology"}, {"year_from": "x"},
                                    {"mode": "magic"}, {"q": "x" * 600}, {"limit": "1000"}])
def test_bad_search_parameters_are_400(client, params):
    r = client.get("/search", params={"q": "pain", **params})
    assert r.status_code == 400
    assert "Bad request" in r.text and "Traceback" not in r.text


def test_card_page_follows_the_card_layout(client, hub):
    sid = hub[1]["tendon"]
    r = client.get(f"/studies/{sid}")
    assert r.status_code == 200
    html = r.text
    order = ["The upshot", "Key points", "How it was conducted", "What they found", "Limitations",
             "Why it matters", "Source"]
    positions = [html.index(f">{h}</h2>") for h in order]
    assert positions == sorted(positions)
    assert "<summary><span class=\"sr\">Verdict: </span>Mixed picture</summary>" in html
    assert "How this card got there, step by step" in html and "start: randomised controlled trial" in html
    assert 'href="https://doi.org/10.9999/demo.0001"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/90000001/"' in html
    assert ">More Exercise &amp; Loading studies</a>" in html
    assert "Educational, not medical advice" in html
    assert "Where this comes from" in html and "<details class=\"prov\">" in html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["@type"] == "MedicalScholarlyArticle" and ld["sameAs"] == "https://doi.org/10.9999/demo.0001"
    assert "This paper has been retracted" not in html


def test_provenance_on_request_opens_every_panel(client, hub):
    html = client.get(f"/studies/{hub[1]['tendon']}?provenance=1").text
    assert '<details class="prov" open>' in html
    assert "copied from the abstract" in html
    assert "We randomised 120 adults" in html  # the source sentence itself


def test_related_and_more_in_topic_show_published_only(client, hub):
    html = client.get(f"/studies/{hub[1]['backmeta']}").text
    assert "Related studies" in html or "More Pain Science" in html
    assert "Secret unpublished draft" not in html


def test_retracted_card_has_a_banner_everywhere(client, hub):
    sid = hub[1]["retracted"]
    assert "This paper has been retracted" in client.get(f"/studies/{sid}").text
    r = client.get("/search", params={"q": "shockwave plantar"})
    assert 'class="badge retracted">Retracted<' in r.text


def test_inline_markup_kept_and_hostile_title_escaped(client, hub):
    html = client.get(f"/studies/{hub[1]['markup']}").text
    assert "vitamin D<sub>3</sub>" in html and "<i>widespread</i>" in html
    for url in (f"/studies/{hub[1]['hostile']}", "/", "/topics/digital-and-remote-care", "/feed.atom"):
        body = client.get(url).text
        assert "<script>alert(1)" not in body and "<img src=x" not in body
    html = client.get(f"/studies/{hub[1]['hostile']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</script" not in ld and "\\u003cscript" in ld
    assert json.loads(ld)["name"].startswith("<script>alert(1)")


def test_unpublished_card_is_404_for_the_public(client, hub):
    sid = hub[1]["draft"]
    assert client.get(f"/studies/{sid}").status_code == 404
    assert client.get(f"/api/studies/{sid}").status_code == 404
    assert "Secret" not in client.get("/search", params={"q": "secret unpublished shoulder"}).text


def test_topic_pages(client):
    r = client.get("/topics")
    assert r.status_code == 200 and "Exercise &amp; Loading" in r.text
    r = client.get("/topics/exercise-and-loading")
    assert r.status_code == 200 and "3 published studies" in r.text
    assert client.get("/topics/astrology").status_code == 404
    assert client.get("/topics/exercise-and-loading?page=x").status_code == 400
    assert client.get("/topics/exercise-and-loading?page=9").status_code == 404


def test_atom_feed_lists_published_cards(client, hub):
    r = client.get("/feed.atom")
    assert r.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(r.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 6
    titles = [e.find("a:title", ns).text for e in entries]
    assert sample.HOSTILE_TITLE in titles  # text in the feed, escaped by XML
    assert not any("Secret" in t for t in titles)


def test_check_page_runs_the_checker(client):
    form = client.get("/check")
    token = csrf(form.text)
    text = ("A 2022 meta-analysis found that pain education added to exercise reduces low back pain. "
            "Research shows that surgery is no better than exercise for meniscal tears.")
    r = client.post("/check", data={"text": text, "csrf_token": token})
    assert r.status_code == 200
    assert "research claim" in r.text
    # A claim citing a study by DOI lists that study with its title (unpublished ones stay hidden).
    cited = "Studies prove that surgery is no better than exercise for meniscal tears (doi:10.9999/demo.0003)."
    r = client.post("/check", data={"text": cited, "csrf_token": token})
    assert "Arthroscopic surgery or exercise therapy" in r.text
    assert client.post("/check", data={"text": text}).status_code == 403
    assert client.post("/check", data={"text": "", "csrf_token": token}).status_code == 400


def test_unknown_pages_404_with_html_and_api_json(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "<h1>Page not found</h1>" in r.text
    assert client.get("/studies/abc").status_code == 404
    assert client.get("/studies/99999999").status_code == 404
    r = client.get("/api/nothing")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "error": "no such page", "status": 404}


def test_api_mirrors_the_pages(client, hub):
    r = client.get("/api/studies")
    assert r.status_code == 200 and r.json()["total"] == 6
    r = client.get("/api/studies", params={"q": "exercise", "evidence": "Moderate"})
    body = r.json()
    assert body["ok"] and body["hits"] and all(h["evidence"] == "Moderate" for h in body["hits"])
    sid = hub[1]["tendon"]
    s = client.get(f"/api/studies/{sid}").json()
    assert s["pmid"] == "90000001" and s["appraisal"]["design"] == "randomised controlled trial"
    assert s["card"]["status"] == "published"
    c = client.get(f"/api/studies/{sid}/card").json()
    assert c["card"]["provenance"] and c["card"]["badges"]["verdict"] == "Mixed picture"
    rel = client.get(f"/api/studies/{sid}/related").json()
    assert rel["ok"] and all(h["id"] != hub[1]["draft"] for h in rel["hits"])
    topics = client.get("/api/topics").json()["topics"]
    assert {"name": "Exercise & Loading", "slug": "exercise-and-loading", "count": 3,
            "url": "/topics/exercise-and-loading"} in topics
    t = client.get("/api/topics/exercise-and-loading").json()
    assert t["total"] == 3
    chk = client.post("/api/check", json={"text": "A 2021 randomised trial found exercise as good as surgery."})
    assert chk.status_code == 200 and "claims" in chk.json()


def test_api_resolves_identifiers_of_published_studies(client, hub):
    for key in ("90000001", "pmid:90000001", "10.9999/demo.0001", "https://doi.org/10.9999/DEMO.0001"):
        body = client.get("/api/resolve", params={"key": key}).json()
        assert body["id"] == hub[1]["tendon"], key
    assert client.get("/api/resolve", params={"key": "90000007"}).status_code == 404  # the draft
    assert client.get("/api/resolve", params={"key": "nothing-like-it"}).json()["status"] == 404
    assert client.get("/api/resolve").status_code == 400


@pytest.mark.parametrize("url", ["/api/studies?limit=0", "/api/studies?design=bogus", "/api/studies/1/related?limit=x",
                                 "/api/topics/exercise-and-loading?offset=-1"])
def test_api_errors_have_one_shape(client, url):
    r = client.get(url)
    assert r.status_code == 400
    body = r.json()
    assert body["ok"] is False and body["status"] == 400 and "bad parameter" in body["error"]


def test_api_check_validates_its_body(client):
    r = client.post("/api/check", json={"nope": 1})
    assert r.status_code == 400 and r.json()["ok"] is False
    r = client.post("/api/check", content=b"not json", headers={"content-type": "application/json"})
    assert r.status_code == 400


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/studies", "/api/studies/{study_id}", "/api/studies/{study_id}/card",
                 "/api/studies/{study_id}/related", "/api/topics", "/api/check"):
        assert path in spec["paths"]
    assert "/editor" not in json.dumps(spec["paths"])
    assert "ErrorBody" in spec["components"]["schemas"]


def test_published_card_is_never_stale_after_an_edit(client, hub):
    from physiohub.cards.review import edit_card, get_card

    sid = hub[1]["knee"]
    assert "Exercise therapy was as good as surgery" in client.get(f"/studies/{sid}").text
    other = Store(hub[0])  # another connection, as another worker or the CLI would be
    card = get_card(other, sid)["data"]
    card["upshot"] = {**card["upshot"], "answer": "An editor rewrote this answer."}
    edit_card(other, sid, card, "someone")
    other.close()
    assert "An editor rewrote this answer." in client.get(f"/studies/{sid}").text


@pytest.mark.parametrize("url", [
    "/search?q=%00", '/search?q="unbalanced', "/search?q=NEAR(", "/search?q=*", "/search?q=AND+OR+NOT",
    "/search?q=title:pain", "/search?q=%F0%9F%92%A5+knee", "/search?q=a&page=500", "/api/studies?q=)(&offset=24000",
    "/studies/-1", "/studies/1e3", "/studies/0", "/topics/%2e%2e", "/static/../app.py", "/static/%2e%2e/app.py",
    "/api/studies/1/card?x=<script>", "/editor/studies/abc", "/feed.atom?x=1", "/search?year_from=2100&year_to=1800&q=x",
])
def test_odd_requests_never_500(client, url):
    r = client.get(url)
    assert r.status_code in (200, 303, 400, 404), (url, r.status_code)
    assert "Traceback" not in r.text
