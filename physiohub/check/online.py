"""Resolving an article's references through Crossref and PubMed, and importing them on request.

Online look-ups are optional: ``check_article`` never makes them; the CLI (``--resolve``,
``--import-refs``) and the web page ask for them. A reference with a DOI but no PMID gets its PMID from
PubMed (``<doi>[doi]``); one with neither gets a DOI from Crossref's bibliographic search, accepted
only when the returned title matches the parsed title closely (difflib ratio ≥ 0.9 — Crossref always
returns *something*, so an unchecked top hit would invent a source). Both services ask for a contact
address (``PHYSIOHUB_EMAIL``) and a modest request rate: requests go through the ingest engineer's
``physiohub.ingest.online.Http`` (per-host rate limits, retries with back-off, the store's HTTP cache),
whose client is injectable so tests never leave the process. Importing uses the same
``fetch_records`` as ``physiohub import --pmid/--doi``, then appraises and drafts cards.
"""
from __future__ import annotations

import difflib
import json
import re
from typing import Any

from .. import config
from ..errors import OnlineError
from ..store import Store

CROSSREF = "https://api.crossref.org/works"
TITLE_MATCH = 0.9


def _http(client, store: Store | None, http):
    """The ingest engineer's polite client (rate limits, retries, the store's HTTP cache)."""
    from ..ingest.online import Http, make_client

    if http is not None:
        return http, False
    return Http(client or make_client(config.get("email")), store, api_key=config.get("ncbi_api_key")), client is None


def _norm_title(t: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", t.lower()))


def pmid_for_doi(pubmed, doi: str) -> str | None:
    ids = pubmed.esearch(f'"{doi}"[doi]', 2)
    return ids[0] if len(ids) == 1 else None


def crossref_lookup(http, ref: dict) -> dict | None:
    """The Crossref work for a reference without identifiers, if its title matches."""
    bib = " ".join(str(x) for x in (ref.get("title"), " ".join(ref.get("authors") or []), ref.get("journal"), ref.get("year")) if x)
    params: dict[str, Any] = {"query.bibliographic": bib, "rows": 1}
    email = config.get("email")
    if email:
        params["mailto"] = email
    body = http.get(CROSSREF, params, not_found_ok=True)
    try:
        data = json.loads(body) if body else {}
    except ValueError as e:
        raise OnlineError("api.crossref.org sent a response that is not JSON") from e
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


def resolve_references(refs: list[dict], *, store: Store | None = None, client=None, http=None) -> list[dict]:
    """Fill in DOIs and PMIDs (in place and returned); each gets ``resolved``: the services that answered."""
    from ..ingest.online import PubMed

    h, own = _http(client, store, http)
    pubmed = PubMed(h, email=config.get("email"), api_key=config.get("ncbi_api_key"))
    try:
        for ref in refs:
            ref.setdefault("resolved", [])
            if not ref.get("doi") and not ref.get("pmid") and ref.get("title"):
                found = crossref_lookup(h, ref)
                if found and found["doi"]:
                    ref["doi"] = found["doi"]
                    for k in ("journal", "year"):
                        ref[k] = ref.get(k) or found[k]
                    ref["resolved"].append("crossref")
            if ref.get("doi") and not ref.get("pmid"):
                pmid = pmid_for_doi(pubmed, ref["doi"])
                if pmid:
                    ref["pmid"] = pmid
                    ref["resolved"].append("pubmed")
            if store is not None and ref["resolved"] and not ref.get("in_hub"):
                from .checker import hub_id
                from .references import Reference

                ref["in_hub"] = hub_id(store, Reference(text="", doi=ref.get("doi"), pmid=ref.get("pmid")))
    finally:
        if own:
            h.client.close()
    return refs


def import_references(store: Store, refs: list[dict], *, client=None, http=None, appraise: bool = True) -> dict[str, Any]:
    """Import the references the hub lacks (by PMID, else DOI), then appraise and draft their cards."""
    from ..ingest.online import fetch_records
    from ..ingest.pipeline import import_records

    pmids = [r["pmid"] for r in refs if r.get("pmid") and not r.get("in_hub")]
    dois = [r["doi"] for r in refs if r.get("doi") and not r.get("pmid") and not r.get("in_hub")]
    if not (pmids or dois):
        return {"requested": 0, "added": 0, "updated": 0, "rejected": []}
    summary = import_records(store, fetch_records(store, pmids=pmids, dois=dois, client=client, http=http),
                             file="article references")
    if appraise and summary.study_ids:
        from ..workflow import refresh

        refresh(store, sorted(set(summary.study_ids)), force=True)
    return {"requested": len(pmids) + len(dois), "added": summary.added, "updated": summary.updated,
            "rejected": summary.rejections}
