"""Resolving an article's references through Crossref and PubMed, and importing them on request.

Online look-ups are optional: ``check_article`` never makes them; the CLI (``--resolve``,
``--import-refs``) and the web page ask for them. A reference with a DOI but no PMID gets its PMID from
PubMed (``<doi>[doi]``); one with neither gets a DOI from Crossref's bibliographic search, accepted
only when the returned title matches the parsed title closely (difflib ratio ≥ 0.9 — Crossref always
returns *something*, so an unchecked top hit would invent a source). Both services ask for a contact
address (``PHYSIOHUB_EMAIL``) and a modest request rate; the client is injectable so tests never leave
the process. Importing goes through the same path as ``physiohub import --pmid/--doi``.
"""
from __future__ import annotations

import difflib
import re
import time
from typing import Any

from .. import config
from ..errors import OnlineError
from ..store import Store

CROSSREF = "https://api.crossref.org/works"
ESEARCH = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi"
TITLE_MATCH = 0.9
PAUSE = 0.34   # NCBI: at most 3 requests a second without an API key


def _client(client):
    import httpx

    if client is not None:
        return client, False
    email = config.get("email")
    agent = "PhysioHub/0.1" + (f" (mailto:{email})" if email else "")
    return httpx.Client(timeout=20.0, follow_redirects=True, headers={"User-Agent": agent}), True


def _get(client, url: str, params: dict[str, Any]) -> Any:
    import httpx

    try:
        resp = client.get(url, params=params)
    except httpx.HTTPError as e:
        raise OnlineError(f"{url.split('/')[2]} unreachable: {type(e).__name__}") from e
    if resp.status_code == 404:
        return None
    if resp.status_code >= 400:
        raise OnlineError(f"{url.split('/')[2]} answered HTTP {resp.status_code}")
    try:
        return resp.json()
    except ValueError as e:
        raise OnlineError(f"{url.split('/')[2]} sent a response that is not JSON") from e


def _norm_title(t: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", t.lower()))


def pmid_for_doi(client, doi: str) -> str | None:
    params = {"db": "pubmed", "term": f"{doi}[doi]", "retmode": "json"}
    key = config.get("ncbi_api_key")
    if key:
        params["api_key"] = key
    data = _get(client, ESEARCH, params) or {}
    ids = (data.get("esearchresult") or {}).get("idlist") or []
    return ids[0] if len(ids) == 1 else None


def crossref_lookup(client, ref: dict) -> dict | None:
    """The Crossref work for a reference without identifiers, if its title matches."""
    bib = " ".join(str(x) for x in (ref.get("title"), " ".join(ref.get("authors") or []), ref.get("journal"), ref.get("year")) if x)
    params: dict[str, Any] = {"query.bibliographic": bib, "rows": 1}
    email = config.get("email")
    if email:
        params["mailto"] = email
    data = _get(client, CROSSREF, params) or {}
    items = (data.get("message") or {}).get("items") or []
    if not items:
        return None
    work = items[0]
    title = (work.get("title") or [""])[0]
    if difflib.SequenceMatcher(None, _norm_title(title), _norm_title(ref.get("title") or "")).ratio() < TITLE_MATCH:
        return None
    year = None
    for k in ("published-print", "published-online", "issued"):
        parts = (work.get(k) or {}).get("date-parts") or [[None]]
        if parts[0] and parts[0][0]:
            year = int(parts[0][0])
            break
    return {"doi": (work.get("DOI") or "").lower() or None, "title": title,
            "journal": (work.get("container-title") or [None])[0], "year": year}


def resolve_references(refs: list[dict], *, client=None) -> list[dict]:
    """Fill in DOIs and PMIDs (in place and returned); each gets ``resolved``: the services that answered."""
    c, own = _client(client)
    try:
        for ref in refs:
            ref.setdefault("resolved", [])
            if not ref.get("doi") and not ref.get("pmid") and ref.get("title"):
                found = crossref_lookup(c, ref)
                if found and found["doi"]:
                    ref["doi"] = found["doi"]
                    for k in ("journal", "year"):
                        ref[k] = ref.get(k) or found[k]
                    ref["resolved"].append("crossref")
            if ref.get("doi") and not ref.get("pmid"):
                pmid = pmid_for_doi(c, ref["doi"])
                if pmid:
                    ref["pmid"] = pmid
                    ref["resolved"].append("pubmed")
                if client is None:
                    time.sleep(PAUSE)
    finally:
        if own:
            c.close()
    return refs


def import_references(store: Store, refs: list[dict], *, appraise: bool = True) -> dict[str, Any]:
    """Import the references the hub lacks (by PMID, else DOI) through the online importer."""
    from ..importing import run_import

    pmids = [r["pmid"] for r in refs if r.get("pmid") and not r.get("in_hub")]
    dois = [r["doi"] for r in refs if r.get("doi") and not r.get("pmid") and not r.get("in_hub")]
    if not (pmids or dois):
        return {"requested": 0, "added": 0, "updated": 0, "failed": []}
    result = run_import(store, [], pmids=pmids, dois=dois, appraise=appraise)
    s = result.summary
    return {"requested": len(pmids) + len(dois), "added": s.added, "updated": s.updated, "failed": result.failed_files}
