"""Plain-text report of a ``check_article`` result, for the terminal (``physiohub check`` without --json)."""
from __future__ import annotations

import textwrap
from typing import Any


def _badges(m: dict) -> str:
    bits = [m.get("research_type") or m.get("design"), m.get("evidence") and f"{m['evidence']} evidence", m.get("verdict")]
    tag = " · ".join(b for b in bits if b)
    return f"[{tag}]" if tag else "[not yet appraised]"


def to_text(result: dict[str, Any], *, width: int = 100) -> str:
    out: list[str] = []
    s = result.get("summary") or {}
    if result.get("title"):
        out.append(result["title"])
    out.append(f"{s.get('claims', len(result['claims']))} research claims, {s.get('with_matches', 0)} with evidence in the hub, "
               f"{s.get('overstated', 0)} overstated; {s.get('references', len(result['references']))} references "
               f"({s.get('references_in_hub', 0)} in the hub)")
    for n, c in enumerate(result["claims"], 1):
        out.append("")
        out.extend(textwrap.wrap(f"{n}. {c['text']}", width, subsequent_indent="   "))
        facts = [f"year {c['year']}" if c.get("year") else "no year", c.get("design") or "design not stated",
                 c.get("topic") or "topic not clear", f"wording: {c.get('strength')}",
                 "names its source" if c.get("names_source") else "names no source"]
        out.append("   " + " · ".join(facts))
        if c.get("overstated"):
            for r in c["overstated_reasons"]:
                out.extend(textwrap.wrap(f"OVERSTATED: {r}", width, initial_indent="   ", subsequent_indent="      "))
        if c.get("match_note"):
            out.append(f"   note: {c['match_note']}")
        for m in c.get("matches") or []:
            cited = " (cited by the article)" if m.get("cited") else ""
            retracted = " RETRACTED" if m.get("retracted") else ""
            out.extend(textwrap.wrap(f"-> #{m['id']} {_badges(m)}{retracted} {m.get('title') or ''} ({m.get('year') or 'n.d.'}){cited}",
                                     width, initial_indent="   ", subsequent_indent="      "))
        if not c.get("matches"):
            out.append("   not in the hub; search PubMed:")
            out.append(f"      {c['pubmed_query']}")
    if result["references"]:
        out.append("")
        out.append("References")
        for i, r in enumerate(result["references"]):
            ids = ", ".join(x for x in (r.get("doi") and f"doi:{r['doi']}", r.get("pmid") and f"PMID {r['pmid']}") if x)
            hub = f" [in hub: #{r['in_hub']}]" if r.get("in_hub") else ""
            label = r.get("number") or str(i + 1)
            out.extend(textwrap.wrap(f"{label}. {r['text']}" + (f" ({ids})" if ids and ids not in r["text"] else "") + hub,
                                     width, subsequent_indent="   "))
    return "\n".join(out)
