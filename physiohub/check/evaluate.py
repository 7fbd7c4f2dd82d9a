"""Scoring a ``check_article`` result against a gold file (``*.expected.json``), for the benchmark and tests.

A gold file lists the article's claims (by a phrase each contains, with year, design, whether it names its
source, and the DOIs of the references it points to), sentences that are not claims, and every reference
(DOI, first author, year, journal, kind "web" with its address). A found claim is one whose text contains a
gold phrase; every other claim the check reports is a false alarm. A gold reference is found when a parsed
reference has its DOI (or, without a DOI, its web address, its first author and year, or its journal and
year); DOIs are scored on their own, since a DOI is what resolves a reference.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def gold_articles(folder: Path) -> Iterator[tuple[str, dict[str, Any], Path]]:
    """(stem, gold, article file) for each ``STEM.expected.json`` in ``folder``, by name; the article is the
    file beside it named ``STEM.<ext>``."""
    for exp in sorted(folder.glob("*.expected.json")):
        stem = exp.name[: -len(".expected.json")]
        art = next(p for p in folder.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".json"))
        yield stem, json.loads(exp.read_text(encoding="utf-8")), art


def _norm_url(u: str | None) -> str:
    return (u or "").lower().rstrip("/").removeprefix("https://").removeprefix("http://").removeprefix("www.")


def reference_matches(gold: dict, ref: dict) -> bool:
    """Is the parsed reference ``ref`` the gold reference ``gold``?"""
    if gold.get("kind") == "web" and ref.get("kind") != "web":
        return False
    if gold.get("doi"):
        return (ref.get("doi") or "").lower() == gold["doi"].lower()
    if gold.get("url"):
        return _norm_url(ref.get("url")) == _norm_url(gold["url"])
    year_ok = not gold.get("year") or ref.get("year") == gold["year"]
    if gold.get("authors"):
        who = gold["authors"].lower()
        first = (ref.get("authors") or [""])[0].lower()
        return year_ok and (first.startswith(who) or who in first or (gold.get("kind") == "web" and who in (ref.get("text") or "").lower()))
    if gold.get("journal"):
        return year_ok and (ref.get("journal") or "").lower().rstrip(".") == gold["journal"].lower().rstrip(".")
    return False


# Gold written before the design vocabulary was settled (tests/fixtures/check/real/README.md, rule R4) spells some
# designs otherwise; the scorer reads them as the checker's names so one spelling is not scored as a wrong design.
_DESIGN_SYNONYMS = {"randomized controlled trial": "randomised trial", "randomised controlled trial": "randomised trial",
                    "randomized trial": "randomised trial", "rct": "randomised trial", "survey": "observational study",
                    "cross-sectional study": "observational study", "case-control study": "observational study",
                    "systematic review and meta-analysis": "meta-analysis", "case series": "case report",
                    "guideline": None, "report": None}


def canonical_design(design: str | None) -> str | None:
    """A gold or checker design in the checker's vocabulary (README rule R4)."""
    if design is None:
        return None
    key = design.strip().lower()
    return _DESIGN_SYNONYMS[key] if key in _DESIGN_SYNONYMS else key


@dataclass
class Score:
    claims_gold: int = 0
    claims_found: int = 0
    false_alarms: int = 0
    not_claims_flagged: int = 0
    year_ok: int = 0
    design_ok: int = 0
    source_ok: int = 0
    journal_ok: int = 0
    journal_gold: int = 0
    cited_want: int = 0
    cited_got: int = 0
    refs_gold: int = 0
    refs_found: int = 0
    refs_extra: int = 0
    dois_gold: int = 0
    dois_found: int = 0
    problems: list[str] = field(default_factory=list)
    # references found / in the gold by the gold's kind ("entry" of a list, "inline" citation or mention with no
    # entry, "web" page) and by what identifies them (doi, url, author-year, journal-year): totals that say which
    # forms a set misses without naming a page
    refs_by_kind: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: "Score") -> None:
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
            elif isinstance(v, dict):
                for key, (got, want) in v.items():
                    mine = getattr(self, k).setdefault(key, [0, 0])
                    mine[0] += got
                    mine[1] += want
            else:
                getattr(self, k).extend(v)

    def kinds_line(self) -> str:
        return ", ".join(f"{k} {got}/{want}" for k, (got, want) in sorted(self.refs_by_kind.items()))

    @property
    def precision(self) -> float:
        return self.claims_found / max(1, self.claims_found + self.false_alarms)

    @property
    def recall(self) -> float:
        return self.claims_found / max(1, self.claims_gold)

    @property
    def refs_recall(self) -> float:
        return self.refs_found / max(1, self.refs_gold)

    @property
    def dois_recall(self) -> float:
        return self.dois_found / max(1, self.dois_gold) if self.dois_gold else 1.0


# A note number glued to a sentence's end on the page ("sitting down.1 In one study") is shown by the checker as a
# marker ("sitting down [1]."); a gold phrase copied from the page is matched without the number on both sides.
_GLUED_NOTE = re.compile(r"(?<=[a-z%)])\.(\d{1,3})(?=\s|$)")
_SHOWN_NOTE = re.compile(r"\s*\[\d{1,3}(?:[,\u2013-]\s*\d{1,3})*\](?=[.,;:]?)")


# A citation in brackets after a sentence's full stop ("successful. (Lo and Safran 2007)") is shown by the checker inside
# the sentence ("successful (Lo and Safran 2007)."); a gold phrase copied from the page is matched either way.
_CITE_AFTER_STOP = re.compile(r"\.\s*(\(\s*[^()]{2,80}\))")


def _contains(phrase: str, text: str) -> bool:
    if phrase in text:
        return True
    moved = _CITE_AFTER_STOP.sub(r" \1", phrase)
    if moved != phrase and moved in text:
        return True
    bare = _GLUED_NOTE.sub(".", phrase)
    # (a superscript note of an HTML page, "Organization.<sup>1</sup>", is shown as "Organization [1]."; a gold phrase
    # copied from the page's text without its markup ends "Organization.")
    return bare in _SHOWN_NOTE.sub("", text)


def score_article(result: dict[str, Any], gold: dict[str, Any], name: str = "") -> Score:
    s = Score()
    claims, refs = result["claims"], result["references"]
    matched: set[int] = set()
    for g in gold["claims"]:
        s.claims_gold += 1
        hit = next((i for i, c in enumerate(claims) if _contains(g["contains"], c["text"]) and i not in matched), None)
        if hit is None:
            hit = next((i for i, c in enumerate(claims) if _contains(g["contains"], c["text"])), None)
        if hit is None:
            s.problems.append(f"{name}: missed claim {g['contains']!r}")
            continue
        matched.add(hit)
        c = claims[hit]
        s.claims_found += 1
        for key, attr in (("year", "year_ok"), ("design", "design_ok"), ("names_source", "source_ok")):
            same = canonical_design(c.get(key)) == canonical_design(g.get(key)) if key == "design" else c.get(key) == g.get(key)
            if same:
                setattr(s, attr, getattr(s, attr) + 1)
            else:
                s.problems.append(f"{name}: {key} {c.get(key)!r} != {g.get(key)!r} in {g['contains']!r}")
        if g.get("journal"):
            s.journal_gold += 1
            named = [x["value"] for x in c.get("sources", []) if x["kind"] == "journal"]
            if g["journal"] in named:
                s.journal_ok += 1
            else:
                s.problems.append(f"{name}: journal {named} != {g['journal']!r}")
        cited = {(refs[i].get("doi") or "").lower() for i in c.get("references", [])}
        for d in g.get("dois", []):
            s.cited_want += 1
            if d.lower() in cited:
                s.cited_got += 1
            else:
                s.problems.append(f"{name}: claim {g['contains']!r} not linked to {d}")
    for i, c in enumerate(claims):
        if i not in matched:
            s.false_alarms += 1
            s.problems.append(f"{name}: false alarm {c['text'][:90]!r}")
    for t in gold.get("not_claims", []):
        if any(_contains(t, c["text"]) for c in claims):
            s.not_claims_flagged += 1
    used: set[int] = set()
    for g in gold["references"]:
        s.refs_gold += 1
        if g.get("doi"):
            s.dois_gold += 1
        hit = next((i for i, r in enumerate(refs) if i not in used and reference_matches(g, r)), None)
        ident = "doi" if g.get("doi") else "url" if g.get("url") else "author-year" if g.get("authors") else "journal-year"
        for key in (g.get("kind") or "entry", ident):
            tally = s.refs_by_kind.setdefault(key, [0, 0])
            tally[0] += hit is not None
            tally[1] += 1
        if hit is None:
            s.problems.append(f"{name}: reference not found {g}")
        else:
            used.add(hit)
            s.refs_found += 1
        if g.get("doi") and any((r.get("doi") or "").lower() == g["doi"].lower() for r in refs):
            s.dois_found += 1
    # the page's own citation (kind "self", labelled on the page as the article itself and never a claim's source)
    # matches a gold reference when the gold lists it; when the gold does not, it is not read as one of the page's
    # references, so it is no extra either
    extra = [i for i, r in enumerate(refs) if i not in used and r.get("kind") != "self"]
    s.refs_extra = len(extra)
    for i, r in enumerate(refs):
        if i in extra:
            s.problems.append(f"{name}: extra reference {r['text'][:80]!r}")
    return s


__all__ = ["Score", "reference_matches", "score_article"]
