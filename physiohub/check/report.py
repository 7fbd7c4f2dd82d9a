"""Plain-text report of a ``check_article`` result, for the terminal (``physiohub check`` without --json)."""
from __future__ import annotations

import re
import textwrap
from typing import Any


# A reference read from the page's own citation (check/own_citation.py), as the page and the report label it.
OWN_CITATION = "the article's own citation, not a source of its claims"


# Where a reference entry's own text already holds its DOI ("doi:10.x", "DOI 10.x", a doi.org or dx.doi.org address,
# a publisher's address with the DOI in its path, in any case or with its slash encoded) or its PMID ("PMID: 123", a
# PubMed address): the report and the page show such an identifier once, in the entry's words, not again after it.
_DOI_TOKEN = re.compile(r"(?:\bdoi\s*:?\s*|\b(?:https?://)?(?:www\.|dx\.)?doi\.org/|https?://[^\s<>\"]*?)?"
                        r"10(?:\.|%2e)\d{4,9}(?:/|%2f)[^\s<>\"]+", re.I)
_PMID_TOKEN = re.compile(r"(?:\bpmid\s*:?\s*|\bpubmed(?:\s+id)?\s*:?\s*|\b(?:https?://)?(?:www\.)?"
                         r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/))(\d{1,9})(?!\d)/?", re.I)


def _trim(text: str, start: int, end: int) -> int:
    """The end of an identifier written in running text, without the sentence's punctuation after it (a closing
    bracket stays when the identifier opened it: "10.1002/(SICI)1097-0258")."""
    while end > start:
        last, span = text[end - 1], text[start:end - 1]
        if last in ".,;:'\u2019\u201d" or (last == ")" and span.count("(") < span.count(")") + 1) \
                or (last == "]" and span.count("[") < span.count("]") + 1):
            end -= 1
        else:
            break
    return end


def id_spans(text: str, doi: str | None = None, pmid: str | None = None) -> dict[str, tuple[int, int]]:
    """Where in a reference entry's ``text`` its own ``doi`` and ``pmid`` are written, as (start, end), for each
    the text holds: the DOI with its "doi:" or address before it, the PMID with its "PMID" or PubMed address."""
    spans: dict[str, tuple[int, int]] = {}
    if not text:
        return spans
    if doi:
        from .references import find_doi

        for m in _DOI_TOKEN.finditer(text):
            end = _trim(text, m.start(), m.end())
            if (find_doi(text[m.start():end]) or "").lower() == doi.strip().lower():
                spans["doi"] = (m.start(), end)
                break
    if pmid:
        for m in _PMID_TOKEN.finditer(text):
            if m.group(1).lstrip("0") == str(pmid).strip().lstrip("0"):
                spans["pmid"] = (m.start(), m.end())
                break
    return spans


def extra_ids(r: dict[str, Any]) -> list[tuple[str, str]]:
    """A reference's identifiers its own text does not already show, as (kind, value): shown after the entry."""
    held = id_spans(r.get("text") or "", r.get("doi"), r.get("pmid"))
    return [(k, str(r[k])) for k in ("doi", "pmid") if r.get(k) and k not in held]


def _badges(m: dict) -> str:
    # (a study that does not test the claim keeps its own verdict off the line: "Supports" beside a claim it does not
    # test reads as agreeing with the claim; its card still shows it)
    verdict = None if m.get("tests_claim") is False else m.get("verdict")
    bits = [m.get("research_type") or m.get("design"), m.get("evidence") and f"{m['evidence']} evidence", verdict]
    tag = " · ".join(b for b in bits if b)
    return f"[{tag}]" if tag else "[not yet appraised]"


def _from(where: str | None) -> str:
    return " (from its reference)" if where == "reference" else ""


# A population that names no one in particular: "in: people" says nothing the reader can check.
_ANYONE = re.compile(r"^\s*(?:the |all |most |many |some )?(?:people|patients|persons|individuals|participants|subjects|"
                     r"humans|everyone|anyone|you|those)\s*$", re.I)


def claim_facts(c: dict[str, Any]) -> list[str]:
    """What the check read from a claim, one phrase each, only those it found: the page, the terminal report
    and the JSON (``facts``) show the same list, so they cannot disagree or show an empty field."""
    facts = []
    if c.get("year"):
        facts.append(f"year {c['year']}{_from(c.get('year_from'))}")
    if c.get("design"):
        facts.append(f"{c['design']}{_from(c.get('design_from'))}")
    if c.get("topic"):
        facts.append(f"topic: {c['topic']}")
    if c.get("population") and not _ANYONE.match(c["population"]):
        facts.append(f"in: {c['population']}")
    if c.get("strength"):
        facts.append(f"wording: {c['strength']}")
    facts.append("names its source" if c.get("names_source") else "names no source")
    return facts


def match_facts(m: dict[str, Any]) -> list[str]:
    """A matched study's year, design, whether the article cites it and its stance, only those known."""
    stance = {"supports": "points the same way as the claim", "contradicts": "reads against the claim"}.get(m.get("stance") or "")
    if m.get("tests_claim") is False:
        stance = "does not test this claim"
    if m.get("title_only"):
        # listed with no stance and no "does not test": the reader is told why
        stance = "the hub has only its title"
    return [x for x in (str(m["year"]) if m.get("year") else None, m.get("design"),
                        "cited by the article" if m.get("cited") else None, stance) if x]


def summarise(result: dict[str, Any]) -> dict[str, Any]:
    """The summary counts recomputed from the claims and references as they stand (after the public page
    drops unpublished matches), and each claim's ``missing`` and ``facts`` set to agree with its matches."""
    claims, refs = result["claims"], result["references"]
    for c in claims:
        c["missing"] = None if c.get("matches") else "not in the hub"
        c["facts"] = claim_facts(c)
    result["summary"] = {
        "claims": len(claims),
        "with_matches": sum(1 for c in claims if c.get("matches")),
        # claims a matched study tests (it has a stance on them): matches that test nothing are no evidence either way
        "tested": sum(1 for c in claims if c.get("stance")),
        "not_in_hub": sum(1 for c in claims if not c.get("matches")),
        "overstated": sum(1 for c in claims if c.get("overstated")),
        "names_source": sum(1 for c in claims if c.get("names_source")),
        "references": len(refs),
        "references_in_hub": sum(1 for r in refs if r.get("in_hub") is not None),
    }
    return result


def to_text(result: dict[str, Any], *, width: int = 100) -> str:
    out: list[str] = []
    s = result.get("summary") or {}
    if result.get("title"):
        out.append(result["title"])
    out.append(f"{s.get('claims', len(result['claims']))} research claims, {s.get('with_matches', 0)} with studies in the hub "
               f"({s.get('tested', 0)} tested by one), "
               f"{s.get('overstated', 0)} overstated; {s.get('references', len(result['references']))} references "
               f"({s.get('references_in_hub', 0)} in the hub)")
    for n, c in enumerate(result["claims"], 1):
        out.append("")
        if c.get("listed_under"):
            out.extend(textwrap.wrap(f"{n}. (listed under \"{c['listed_under']}\")", width, subsequent_indent="   "))
            out.extend(textwrap.wrap(c["text"], width, initial_indent="   ", subsequent_indent="   "))
        else:
            out.extend(textwrap.wrap(f"{n}. {c['text']}", width, subsequent_indent="   "))
        out.append("   " + " · ".join(c.get("facts") or claim_facts(c)))
        if c.get("overstated"):
            for r in c["overstated_reasons"]:
                out.extend(textwrap.wrap(f"OVERSTATED: {r}", width, initial_indent="   ", subsequent_indent="      "))
        if c.get("stance") or c.get("stance_reason"):
            said = f"evidence {c['stance']}" if c.get("stance") else "evidence: the hub cannot tell"
            out.extend(textwrap.wrap(f"{said}: {c.get('stance_reason') or ''}", width,
                                     initial_indent="   ", subsequent_indent="      "))
        if c.get("match_note"):
            out.append(f"   note: {c['match_note']}")
        for m in c.get("matches") or []:
            cited = " (cited by the article)" if m.get("cited") else ""
            cited += " (the hub has only its title)" if m.get("title_only") else ""
            retracted = " RETRACTED" if m.get("retracted") else ""
            # no year when the hub holds none: "(n.d.)" reads as a claim that the study itself is undated
            year = f" ({m['year']})" if m.get("year") else ""
            out.extend(textwrap.wrap(f"-> #{m['id']} {_badges(m)}{retracted} {m.get('title') or ''}{year}{cited}",
                                     width, initial_indent="   ", subsequent_indent="      "))
        if not c.get("matches"):
            if c.get("pubmed_query"):
                out.append("   not in the hub; search PubMed:")
                out.append(f"      {c['pubmed_query']}")
            else:
                out.append("   not in the hub")
    if result["references"]:
        out.append("")
        out.append("References")
        for i, r in enumerate(result["references"]):
            # an identifier the entry's own text already holds is not printed again after it
            ids = ", ".join(f"doi:{v}" if k == "doi" else f"PMID {v}" for k, v in extra_ids(r))
            hub = f" [in hub: #{r['in_hub']}]" if r.get("in_hub") else ""
            hub += f" [{OWN_CITATION}]" if r.get("kind") == "self" else ""
            label = r.get("number") or str(i + 1)
            out.extend(textwrap.wrap(f"{label}. {r['text']}" + (f" ({ids})" if ids else "") + hub,
                                     width, subsequent_indent="   "))
    return "\n".join(out)
