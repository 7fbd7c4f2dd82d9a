"""Online parts of the claim check, with recorded responses (httpx.MockTransport): nothing leaves the process."""
from __future__ import annotations

import httpx
import pytest

from physiohub.check.extract import fetch_url
from physiohub.check.online import import_references, resolve_references
from physiohub.errors import OnlineError
from physiohub.ingest.online import Http


def http_for(handler) -> Http:
    """The ingest engineer's polite client over a mock transport, without real sleeps."""
    return Http(httpx.Client(transport=httpx.MockTransport(handler)), None, sleep=lambda s: None)

PAGE = "<html><body><nav>Home</nav><article><h1>Knees</h1><p>A 2020 meta-analysis found that exercise reduces knee pain in older adults. Many more words follow here so the page reads as an article.</p></article></body></html>"


def test_fetch_url_returns_html():
    client = httpx.Client(transport=httpx.MockTransport(
        lambda req: httpx.Response(200, text=PAGE, headers={"content-type": "text/html; charset=utf-8"})))
    body, is_html = fetch_url("https://news.example/knees", client=client)
    assert is_html and "meta-analysis" in body


def test_fetch_url_failures_are_online_errors():
    def down(req):
        raise httpx.ConnectError("no route to host", request=req)

    with pytest.raises(OnlineError, match="cannot fetch https://news.example/x: ConnectError"):
        fetch_url("https://news.example/x", client=httpx.Client(transport=httpx.MockTransport(down)))
    gone = httpx.Client(transport=httpx.MockTransport(lambda req: httpx.Response(404)))
    with pytest.raises(OnlineError, match="HTTP 404"):
        fetch_url("https://news.example/y", client=gone)


def _services(req: httpx.Request) -> httpx.Response:
    if req.url.host == "api.crossref.org":
        q = req.url.params["query.bibliographic"]
        title = "Warm-up and knee injuries: a randomised trial" if "Warm-up" in q else "Something else entirely"
        return httpx.Response(200, json={"message": {"items": [
            {"DOI": "10.5555/FW.2019.044", "title": [title], "container-title": ["Scand J Med Sci Sports"],
             "issued": {"date-parts": [[2019, 6]]}}]}})
    if req.url.host == "eutils.ncbi.nlm.nih.gov":
        term = req.url.params["term"]
        ids = ["99000777"] if term == '"10.5555/fw.2019.044"[doi]' else []
        return httpx.Response(200, json={"esearchresult": {"idlist": ids}})
    return httpx.Response(500)


def test_resolve_fills_doi_then_pmid_and_refuses_a_wrong_title():
    refs = [
        {"title": "Warm-up and knee injuries: a randomised trial", "authors": ["Hansen K"], "year": 2019, "doi": None, "pmid": None},
        {"title": "Stretching and soreness in marathon runners", "authors": ["Lee A"], "year": 2020, "doi": None, "pmid": None},
    ]
    out = resolve_references(refs, http=http_for(_services))
    assert out[0]["doi"] == "10.5555/fw.2019.044" and out[0]["pmid"] == "99000777"
    assert out[0]["resolved"] == ["crossref", "pubmed"]
    assert out[1]["doi"] is None and out[1]["resolved"] == []


def test_resolve_reports_an_unreachable_service():
    def down(req):
        raise httpx.ConnectTimeout("timed out", request=req)

    refs = [{"title": "x", "doi": "10.5555/a.1", "pmid": None}]
    with pytest.raises(OnlineError, match="eutils.ncbi.nlm.nih.gov"):
        resolve_references(refs, http=http_for(down))


EFETCH = """<?xml version="1.0"?>
<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">99000777</PMID>
<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate><Year>2019</Year></PubDate></JournalIssue>
<Title>Scandinavian journal of medicine and science in sports</Title></Journal>
<ArticleTitle>Warm-up and knee injuries: a randomised trial.</ArticleTitle>
<Abstract><AbstractText>We randomised 812 amateur footballers to a warm-up programme or usual training. Knee injuries fell by a third.</AbstractText></Abstract>
<PublicationTypeList><PublicationType UI="D016449">Randomized Controlled Trial</PublicationType></PublicationTypeList>
</Article></MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="pubmed">99000777</ArticleId><ArticleId IdType="doi">10.5555/fw.2019.044</ArticleId></ArticleIdList></PubmedData>
</PubmedArticle></PubmedArticleSet>"""


def test_import_references_on_request(store):
    def pubmed(req):
        if req.url.path.endswith("efetch.fcgi"):
            return httpx.Response(200, text=EFETCH, headers={"content-type": "text/xml"})
        return httpx.Response(404)

    refs = [{"pmid": "99000777", "doi": "10.5555/fw.2019.044", "in_hub": None},
            {"pmid": None, "doi": None, "in_hub": None}]
    out = import_references(store, refs, http=http_for(pubmed), appraise=False)
    assert out["requested"] == 1 and out["added"] == 1
    from physiohub.check import check_article

    result = check_article(store, "A 2019 randomised trial found a warm-up cut knee injuries (doi:10.5555/fw.2019.044).")
    assert result["references"][0]["in_hub"] is not None
    assert result["claims"][0]["matches"][0]["cited"] is True


def test_resolved_reference_found_in_the_hub(store):
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import AbstractSection, Record

    sid = import_records(store, [Record(source_format="test", source_id="w1", pmid="99000777", title="Warm-up trial",
                                        abstract_sections=[AbstractSection("Warm-ups cut knee injuries.")])]).study_ids[0]
    refs = [{"title": "Warm-up and knee injuries: a randomised trial", "authors": ["Hansen K"], "year": 2019,
             "doi": None, "pmid": None, "in_hub": None}]
    resolve_references(refs, store=store, http=http_for(_services))
    assert refs[0]["in_hub"] == sid
