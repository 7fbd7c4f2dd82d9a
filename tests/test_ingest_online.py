"""Online import against responses shaped as recorded E-utilities/Crossref replies (httpx.MockTransport).

See tests/fixtures/ingest/online/README.md. No test here touches the network.
"""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from physiohub.errors import OnlineError
from physiohub.ingest import Rejected
from physiohub.ingest.online import Http, RateLimiter, fetch_records
from physiohub.models import Record

ONLINE = Path(__file__).resolve().parent / "fixtures" / "ingest" / "online"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, s: float) -> None:
        self.sleeps.append(s)
        self.now += s


class Replay:
    """Answers like the real services from the fixture files; can be told to fail first."""

    def __init__(self, failures: list[httpx.Response | Exception] | None = None):
        self.requests: list[httpx.Request] = []
        self.failures = list(failures or [])

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.failures:
            f = self.failures.pop(0)
            if isinstance(f, Exception):
                raise f
            return f
        url = request.url
        if url.host == "eutils.ncbi.nlm.nih.gov" and url.path.endswith("/esearch.fcgi"):
            term = url.params["term"]
            name = "esearch_doi.json" if "[doi]" in term else "esearch_error.json" if term == "((" else \
                "esearch_exercise.json"
            return httpx.Response(200, content=(ONLINE / name).read_bytes(),
                                  headers={"Content-Type": "application/json; charset=UTF-8"})
        if url.host == "eutils.ncbi.nlm.nih.gov" and url.path.endswith("/efetch.fcgi"):
            ids = set(url.params["id"].split(","))
            head, *records = (ONLINE / "efetch_90000101_90000102.xml").read_bytes().split(b"<PubmedArticle>")
            kept = [r for r in records if any(f'<PMID Version="1">{i}<'.encode() in r for i in ids)]
            body = head + b"".join(b"<PubmedArticle>" + r for r in kept)
            if not body.rstrip().endswith(b"</PubmedArticleSet>"):
                body += b"</PubmedArticleSet>\n"
            return httpx.Response(200, content=body, headers={"Content-Type": "text/xml; charset=UTF-8"})
        if url.host == "api.crossref.org" and url.path == "/works/10.9999/cr.2020.4":
            return httpx.Response(200, content=(ONLINE / "crossref_work_10.9999_cr.2020.4.json").read_bytes(),
                                  headers={"Content-Type": "application/json"})
        if url.host == "api.crossref.org":
            return httpx.Response(404, content=(ONLINE / "crossref_404.txt").read_bytes(),
                                  headers={"Content-Type": "text/plain"})
        return httpx.Response(500, text="unexpected request in test")


def make_http(replay: Replay, store=None, clock: FakeClock | None = None, api_key: str = "") -> Http:
    clock = clock or FakeClock()
    client = httpx.Client(transport=httpx.MockTransport(replay))
    return Http(client, store, api_key=api_key, sleep=clock.sleep, clock=clock.clock)


def run(http: Http, store=None, **kw) -> list:
    return list(fetch_records(store, http=http, **kw))


def test_pmids_fetched_in_one_efetch_with_tool_and_email(monkeypatch, store):
    monkeypatch.setenv("PHYSIOHUB_EMAIL", "editor@example.org")
    replay = Replay()
    items = run(make_http(replay, store), store, pmids=["90000101", "PMID: 90000102", "90000101", "12x"])
    recs = [i for i in items if isinstance(i, Record)]
    rej = [i for i in items if isinstance(i, Rejected)]
    assert [r.pmid for r in recs] == ["90000101", "90000102"]
    assert recs[0].publication_types[-1] == "Systematic Review" and recs[0].doi == "10.9999/jiosp.2024.50"
    assert [r.record for r in rej] == ["12x"]
    (req,) = replay.requests
    assert req.url.params["id"] == "90000101,90000102"
    assert (req.url.params["tool"], req.url.params["email"]) == ("physiohub", "editor@example.org")
    assert req.url.params["db"] == "pubmed" and req.url.params["retmode"] == "xml"


def test_efetch_batches_of_200_and_missing_pmids(store):
    replay = Replay()
    pmids = [str(90000101 + i) for i in range(450)]
    items = run(make_http(replay, store), store, pmids=pmids)
    assert [len(r.url.params["id"].split(",")) for r in replay.requests] == [200, 200, 50]
    assert sum(isinstance(i, Record) for i in items) == 2
    missing = [i for i in items if isinstance(i, Rejected)]
    assert len(missing) == 448 and missing[0].reason == "PMID 90000103 not found in PubMed"


def test_pubmed_query_uses_esearch_then_efetch(store):
    replay = Replay()
    items = run(make_http(replay, store), store, pubmed_query="painful exercise", max_results=20)
    assert {i.pmid for i in items if isinstance(i, Record)} == {"90000101", "90000102"}
    search, fetch = replay.requests
    assert search.url.params["term"] == "painful exercise" and search.url.params["retmax"] == "20"
    assert search.url.params["retmode"] == "json"
    assert fetch.url.params["id"] == "90000102,90000101"


def test_dois_prefer_pubmed_then_crossref(store):
    replay = Replay()
    items = run(make_http(replay, store), store,
                dois=["https://doi.org/10.9999/PPO.2022.5", "doi:10.9999/cr.2020.4", "10.9999/unknown", "nope"])
    recs = [i for i in items if isinstance(i, Record)]
    assert [(r.source_format, r.doi) for r in recs] == [("pubmed-xml", "10.9999/ppo.2022.5"),
                                                       ("crossref-json", "10.9999/cr.2020.4")]
    assert recs[1].retracted
    rej = {i.record: i.reason for i in items if isinstance(i, Rejected)}
    assert rej == {"nope": "not a valid DOI: 'nope'", "10.9999/unknown": "DOI 10.9999/unknown not found in Crossref"}
    assert '"10.9999/ppo.2022.5"[doi] OR "10.9999/cr.2020.4"[doi]' in replay.requests[0].url.params["term"]


def test_cache_serves_repeat_requests_without_network(store):
    replay = Replay()
    http = make_http(replay, store)
    run(http, store, pmids=["90000101"])
    again = make_http(replay, store)
    assert [i.pmid for i in run(again, store, pmids=["90000101"]) if isinstance(i, Record)] == ["90000101"]
    assert len(replay.requests) == 1 and again.requests == 0
    assert store.query_one("SELECT count(*) FROM http_cache")[0] == 1


def test_cache_key_ignores_the_api_key():
    assert Http.cache_key("u", {"id": "1", "api_key": "a"}) == Http.cache_key("u", {"id": "1", "api_key": "b"})


def test_retries_on_429_and_503_honouring_retry_after(store):
    clock = FakeClock()
    replay = Replay([
        httpx.Response(429, content=(ONLINE / "esearch_rate_limited.json").read_bytes(), headers={"Retry-After": "2"}),
        httpx.Response(503, text="Service Unavailable"),
    ])
    items = run(make_http(replay, store, clock), store, pmids=["90000101"])
    assert [i.pmid for i in items if isinstance(i, Record)] == ["90000101"]
    assert len(replay.requests) == 3
    assert 2.0 in clock.sleeps  # Retry-After honoured
    assert any(0.75 <= s <= 3.0 for s in clock.sleeps if s != 2.0)  # then exponential back-off


def test_timeouts_are_retried_then_reported(store):
    replay = Replay([httpx.ReadTimeout("timed out")] * 4)
    with pytest.raises(OnlineError) as e:
        run(make_http(replay, store), store, pmids=["90000101"])
    assert "\n" not in str(e.value) and "ReadTimeout" in str(e.value)
    assert len(replay.requests) == 4


def test_offline_fails_fast_with_one_line(store):
    replay = Replay([httpx.ConnectError("[Errno -3] Temporary failure in name resolution")] * 10)
    with pytest.raises(OnlineError) as e:
        run(make_http(replay, store), store, pmids=["90000101"])
    msg = str(e.value)
    assert msg.startswith("eutils.ncbi.nlm.nih.gov: cannot connect") and "offline?" in msg
    assert len(replay.requests) == 2  # one retry, then say so


def test_esearch_error_and_efetch_error(store):
    with pytest.raises(OnlineError, match="PubMed esearch: Invalid query"):
        run(make_http(Replay(), store), store, pubmed_query="((")
    bad = Replay([httpx.Response(200, content=(ONLINE / "efetch_error.xml").read_bytes())])
    with pytest.raises(OnlineError, match="PubMed efetch error"):
        run(make_http(bad, store), store, pmids=["90000101"])


def test_rate_limits_3_per_second_or_10_with_key():
    clock = FakeClock()
    lim = RateLimiter(3, clock=clock.clock, sleep=clock.sleep)
    start = clock.now
    for _ in range(7):
        lim.wait()
    assert clock.now - start == pytest.approx(2.0)  # 7 calls: 6 gaps of 1/3 s
    http = make_http(Replay(), api_key="k")
    assert http.limits["eutils.ncbi.nlm.nih.gov"].interval == pytest.approx(0.1)
    assert make_http(Replay()).limits["eutils.ncbi.nlm.nih.gov"].interval == pytest.approx(1 / 3)


def test_api_key_is_sent_when_set(monkeypatch, store):
    monkeypatch.setenv("PHYSIOHUB_NCBI_API_KEY", "secret-key")
    replay = Replay()
    run(make_http(replay, store, api_key="secret-key"), store, pmids=["90000101"])
    assert replay.requests[0].url.params["api_key"] == "secret-key"


def test_online_import_goes_through_the_pipeline(store):
    from physiohub.ingest.pipeline import import_records

    replay = Replay()
    s = import_records(store, fetch_records(store, http=make_http(replay, store), pmids=["90000101", "90000102"]),
                       file="online")
    assert (s.added, s.rejected) == (2, 0)
    assert store.query_one("SELECT count(*) FROM studies WHERE pmid = '90000102'")[0] == 1


def test_client_errors_are_not_retried_and_say_so(store):
    replay = Replay([httpx.Response(400, text="Bad Request")] * 3)
    with pytest.raises(OnlineError, match="HTTP 400 Bad Request; the service refused the request"):
        run(make_http(replay, store), store, pmids=["90000101"])
    assert len(replay.requests) == 1
