"""Online import: PubMed E-utilities (esearch, efetch) and Crossref (/works/{doi}), politely.

Politeness, as NCBI and Crossref ask:
* Rate limit: E-utilities 3 requests/s without an API key, 10/s with one (``ncbi_api_key``);
  Crossref 5 requests/s (its public-pool limit for single-record look-ups). Enforced per host.
* ``tool=physiohub`` and ``email`` (setting ``email``) on every E-utilities call; Crossref gets
  ``mailto`` and a User-Agent naming the tool, which puts us in its "polite" pool.
* Retries with exponential back-off (1, 2, 4 s; jittered) on 429, 5xx, timeouts and dropped
  connections, honouring ``Retry-After`` (capped at 60 s). A refused connection is retried once:
  offline should be said quickly, not after a minute of back-off.
* A local cache in the store's ``http_cache`` table (key: method, URL and parameters without the
  API key). Successful responses are reused for ``CACHE_TTL`` (7 days: PubMed records change, e.g.
  retractions, so not forever). Errors are never cached.

PMIDs are fetched with efetch in batches of 200 (NCBI's guidance for GET). DOIs are looked up in
PubMed first (``"10.x/y"[doi]``, 50 per esearch) because PubMed records carry publication types and
MeSH the appraisal needs; DOIs PubMed does not know come from Crossref.
"""
from __future__ import annotations

import hashlib
import json
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from .. import __version__ as VERSION
from .. import config
from ..errors import IngestError, OnlineError
from ..models import Record
from ..store import Store
from .base import Rejected
from .crossref import convert as crossref_convert
from .normalize import normalize_doi, normalize_pmid
from .pubmed_xml import IMPORTER as PUBMED_XML

EUTILS = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
CROSSREF = "https://api.crossref.org"
EFETCH_BATCH = 200
DOI_SEARCH_BATCH = 50
MAX_ATTEMPTS = 4
CACHE_TTL = timedelta(days=7)
RETRY_STATUS = {429, 500, 502, 503, 504}


class RateLimiter:
    """At most ``rate`` calls per second (spaced evenly), shared by threads."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.interval = 1.0 / rate
        self.clock, self.sleep = clock, sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = self.clock()
            if now < self._next:
                self.sleep(self._next - now)
                now = self._next
            self._next = now + self.interval


class Http:
    """GET with rate limits per host, retries, back-off and the store-backed cache."""

    def __init__(self, client: httpx.Client, store: Store | None = None, *, api_key: str = "",
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 use_cache: bool = True):
        self.client, self.store, self.sleep = client, store, sleep
        self.use_cache = use_cache and store is not None
        eutils_rate = 10 if api_key else 3
        self.limits = {"eutils.ncbi.nlm.nih.gov": RateLimiter(eutils_rate, clock=clock, sleep=sleep),
                       "api.crossref.org": RateLimiter(5, clock=clock, sleep=sleep)}
        self.requests = 0  # network requests actually made (tests and --json summaries)

    @staticmethod
    def cache_key(url: str, params: dict[str, Any]) -> str:
        visible = sorted((k, str(v)) for k, v in params.items() if k != "api_key")
        return hashlib.sha256(json.dumps(["GET", url, visible]).encode()).hexdigest()

    def _cached(self, key: str) -> bytes | None:
        if not self.use_cache:
            return None
        row = self.store.query_one("SELECT body, fetched_at FROM http_cache WHERE key = ? AND status = 200", (key,))
        if row is None:
            return None
        if datetime.now(timezone.utc) - datetime.fromisoformat(row["fetched_at"]) > CACHE_TTL:
            return None
        return bytes(row["body"])

    def _remember(self, key: str, url: str, body: bytes) -> None:
        if not self.use_cache:
            return
        self.store.execute(
            "INSERT INTO http_cache(key, url, status, body, fetched_at) VALUES (?, ?, 200, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at",
            (key, url, body, datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )

    def get(self, url: str, params: dict[str, Any] | None = None, *, not_found_ok: bool = False) -> bytes | None:
        """The body of a 200 response; None for a 404 when ``not_found_ok``; else ``OnlineError``."""
        params = params or {}
        key = self.cache_key(url, params)
        cached = self._cached(key)
        if cached is not None:
            return cached
        host = urlsplit(url).hostname or ""
        limiter = self.limits.get(host)
        last = ""
        connect_failures = 0
        for attempt in range(MAX_ATTEMPTS):
            if limiter:
                limiter.wait()
            self.requests += 1
            try:
                resp = self.client.get(url, params=params)
            except httpx.ConnectError as e:
                connect_failures += 1
                last = f"cannot connect ({_first_line(e)})"
                if connect_failures >= 2:
                    break
                self.sleep(1.0)
                continue
            except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError) as e:
                last = f"{type(e).__name__} ({_first_line(e)})"
                self.sleep(_backoff(attempt))
                continue
            if resp.status_code == 200:
                self._remember(key, url, resp.content)
                return resp.content
            if resp.status_code == 404 and not_found_ok:
                return None
            last = f"HTTP {resp.status_code} {_first_line(resp.text)[:120]}".strip()
            if resp.status_code not in RETRY_STATUS:
                break
            self.sleep(_retry_after(resp) or _backoff(attempt))
        if last.startswith(("cannot connect", "ConnectError")):
            hint = "offline? check the connection, or import from files"
        elif last.startswith("HTTP 4") and not last.startswith("HTTP 429"):
            hint = "the service refused the request"
        else:
            hint = "the service is failing or slow - try again later, or import from files"
        raise OnlineError(f"{host}: {last}; {hint}")


def _first_line(x: object) -> str:
    s = str(x).strip()
    return s.splitlines()[0] if s else type(x).__name__


def _backoff(attempt: int) -> float:
    return min(2.0 ** attempt, 30.0) * (0.75 + random.random() / 2)


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("Retry-After", "")
    try:
        return min(max(float(value), 0.0), 60.0)
    except ValueError:
        return None


class PubMed:
    def __init__(self, http: Http, *, email: str = "", api_key: str = ""):
        self.http = http
        self.base = {"tool": "physiohub", **({"email": email} if email else {}), **({"api_key": api_key} if api_key else {})}

    def esearch(self, term: str, max_results: int = 200) -> list[str]:
        body = self.http.get(f"{EUTILS}/esearch.fcgi", {**self.base, "db": "pubmed", "term": term,
                                                         "retmax": max_results, "retmode": "json",
                                                         "sort": "relevance"})
        try:
            result = json.loads(body)["esearchresult"]
        except (ValueError, KeyError, TypeError):
            raise OnlineError("PubMed esearch: unexpected response (not esearch JSON)") from None
        if "ERROR" in result:
            raise OnlineError(f"PubMed esearch: {result['ERROR']}")
        return [normalize_pmid(p) for p in result.get("idlist", []) if normalize_pmid(p)]

    def efetch(self, pmids: list[str]) -> Iterator[Record | Rejected]:
        """Records for the PMIDs (batches of 200); a PMID PubMed does not return is a Rejected."""
        for i in range(0, len(pmids), EFETCH_BATCH):
            batch = pmids[i:i + EFETCH_BATCH]
            body = self.http.get(f"{EUTILS}/efetch.fcgi", {**self.base, "db": "pubmed", "id": ",".join(batch),
                                                           "retmode": "xml"})
            if b"<eFetchResult" in body[:2000] or b"<ERROR>" in body[:2000]:
                raise OnlineError(f"PubMed efetch error: {_first_line(body.decode('utf-8', 'replace'))[:200]}")
            seen: set[str] = set()
            asked = set(batch)
            name = f"efetch {batch[0]}..{batch[-1]}"
            for item in PUBMED_XML.parse(body, name):
                if isinstance(item, Record):
                    if item.pmid not in asked or item.pmid in seen:
                        continue  # never more than was asked for
                    seen.add(item.pmid)
                yield item
            for p in batch:
                if p not in seen:
                    yield Rejected(p, f"PMID {p} not found in PubMed")


class Crossref:
    def __init__(self, http: Http, *, email: str = ""):
        self.http = http
        self.params = {"mailto": email} if email else {}

    def work(self, doi: str) -> Record | Rejected:
        body = self.http.get(f"{CROSSREF}/works/{quote(doi, safe='/:;()._-')}", self.params, not_found_ok=True)
        if body is None:
            return Rejected(doi, f"DOI {doi} not found in Crossref")
        try:
            doc = json.loads(body)
            work = doc["message"] if isinstance(doc, dict) and "message" in doc else doc
            rec = crossref_convert(work)
        except (ValueError, KeyError, TypeError, AttributeError):
            return Rejected(doi, f"DOI {doi}: unexpected Crossref response")
        if not rec.title and not rec.abstract_sections:
            return Rejected(doi, f"DOI {doi}: Crossref has neither title nor abstract")
        return rec


def make_client(email: str = "") -> httpx.Client:
    agent = f"PhysioHub/{VERSION} (evidence hub importer; {('mailto:' + email) if email else 'no contact e-mail set'})"
    return httpx.Client(timeout=httpx.Timeout(30.0, connect=10.0), headers={"User-Agent": agent},
                        follow_redirects=True)


def _clean_ids(values: Iterable[str], norm: Callable[[str], str], kind: str) -> tuple[list[str], list[Rejected]]:
    good, bad, seen = [], [], set()
    for v in values:
        n = norm(v)
        if not n:
            bad.append(Rejected(str(v), f"not a valid {kind}: {v!r}"))
        elif n not in seen:
            seen.add(n)
            good.append(n)
    return good, bad


def fetch_records(store: Store | None, *, pmids: Iterable[str] = (), dois: Iterable[str] = (),
                  pubmed_query: str | None = None, max_results: int = 200, client: httpx.Client | None = None,
                  http: Http | None = None) -> Iterator[Record | Rejected]:
    """Records for PMIDs, DOIs and a PubMed query. Raises ``OnlineError`` (one line) when unreachable."""
    email = config.get("email")
    api_key = config.get("ncbi_api_key")
    own_client = client is None and http is None
    if http is None:
        http = Http(client or make_client(email), store, api_key=api_key)
    pubmed, crossref = PubMed(http, email=email, api_key=api_key), Crossref(http, email=email)
    try:
        wanted, bad = _clean_ids(pmids, normalize_pmid, "PMID")
        yield from bad
        doi_list, bad = _clean_ids(dois, normalize_doi, "DOI")
        yield from bad
        if pubmed_query:
            for p in pubmed.esearch(pubmed_query, max_results):
                if p not in wanted:
                    wanted.append(p)
        if wanted:
            yield from pubmed.efetch(wanted)
        for i in range(0, len(doi_list), DOI_SEARCH_BATCH):
            batch = doi_list[i:i + DOI_SEARCH_BATCH]
            found = pubmed.esearch(" OR ".join(f'"{d}"[doi]' for d in batch), len(batch) * 2)
            found = [p for p in found if p not in wanted]
            remaining = set(batch)
            for item in pubmed.efetch(found) if found else ():
                if isinstance(item, Record) and item.doi in remaining:
                    remaining.discard(item.doi)
                    yield item
            for d in batch:
                if d in remaining:
                    yield crossref.work(d)
    except IngestError as e:
        raise OnlineError(f"unreadable response: {e}") from None
    finally:
        if own_client:
            http.client.close()
