"""Probe of the forms real pages cite and mark up research in (issue 13, session 14): each form is written into a small
page of our own, the checker is run on it, and the probe says whether the reference comes out as the reader expects.
Families: in-text citations (bracketed and narrative), journals cited by name, links whose words cite the research,
reference lists in the layouts page builders write, and the HTML around a citation. It prints per family how many
forms are read and names the ones that are not (what the checker does not read yet), so docs/check.md can say both.

Usage: .venv/bin/python bench/probe_check_forms.py [--verbose]
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

S = "Exercise therapy reduced knee pain more than usual care"
_CITES = {
    "(Smith et al., 2019)": f"{S} (Smith et al., 2019).", "no comma": f"{S} (Smith et al 2019).",
    "comma before et al.": f"{S} (Smith, et al., 2019).", "'et. al.'": f"{S} (Smith et. al., 2019).",
    "initials": f"{S} (Smith, J., 2019).", "ampersand": f"{S} (Smith & Jones, 2019).", "and": f"{S} (Smith and Jones 2019).",
    "square brackets": f"{S} [Smith et al., 2019].", "two works": f"{S} (Smith et al., 2019; Jones et al., 2020).",
    "'see'": f"{S} (see Smith et al., 2019).", "'e.g.,'": f"{S} (e.g., Smith et al., 2019).", "page note": f"{S} (Smith et al., 2019, p. 12).",
    "year letter": f"{S} (Smith et al., 2019a).", "two years": f"{S} (Smith et al., 2019, 2020).",
    "narrative": "Smith et al. (2019) found that exercise therapy reduced knee pain.",
    "narrative, two names": "Smith and Jones (2019) found that exercise therapy reduced knee pain.",
    "narrative, colleagues": "Smith and colleagues (2019) found that exercise therapy reduced knee pain.",
    "narrative, possessive": "Smith et al.'s (2019) review found that exercise therapy reduced knee pain.",
    "narrative, 'and others'": "Smith and others (2019) found that exercise therapy reduced knee pain.",
    "umlaut": f"{S} (Müller et al., 2019).", "ø": f"{S} (Østerås et al., 2019).", "accents, hyphen": f"{S} (Gómez-Pérez et al., 2019).",
    "apostrophe": f"{S} (O'Sullivan et al., 2019).", "curly apostrophe": f"{S} (O\u2019Sullivan et al., 2019).",
    "particle": f"{S} (van der Berg et al., 2019).", "capital particle": f"{S} (Van der Berg et al., 2019).",
    "non-breaking spaces": f"{S} (Smith\u00a0et\u00a0al.,\u00a02019).", "after a dash": f"{S} - Smith et al., 2019.",
    "Markdown link": f"{S} ([Smith et al., 2019](https://www.jospt.org/doi/10.2519/jospt.2019.1234)).",
    "italic et al. (Markdown)": f"{S} (Smith *et al.*, 2019).", "bold": f"{S} (**Smith et al., 2019**).",
    "journal after": f"{S} (Smith et al., 2019, Br J Sports Med).", "journal first": f"{S} (Smith et al., Br J Sports Med, 2019).",
    "three names": f"{S} (Smith, Jones & Lee, 2019).", "month": f"{S} (Smith et al., March 2019).",
    "organisation": f"{S} (World Health Organization 2020).", "organisation initials": f"{S} (NICE, 2020).",
    "'in press'": f"{S} (Smith et al., in press).", "year first": f"{S} (2019, Smith et al.).",
    "year after a colon": f"{S} (Smith et al.: 2019).",
    # (session 15) no year in the bracket: a citation all the same (README rule R3f)
    "no year, 'et al.'": f"{S} (Smith et al.).", "no year, mid-sentence": "In a trial (Smith et al.), exercise therapy reduced knee pain.",
    "no year, 'and colleagues'": f"{S} (Smith and colleagues).",
    "capital year letter": f"{S} [Smith et al. 2019A].",
    # (session 16) initials before the surname: an author, not "J." for "Journal"
    "initials first": f"{S} (J. Smith, 2019).",
}
_JOURNALS = {j: f"Walking eased knee pain ({j}, 2019)." for j in (
    "Physical Therapy in Sport", "Clinical Rehabilitation", "Pain Medicine", "Gait & Posture", "Musculoskeletal Science and Practice",
    "The Spine Journal", "European Spine Journal", "The Journal of Rheumatology", "Mayo Clinic Proceedings",
    "Journal of Orthopaedic & Sports Physical Therapy", "Annals of Internal Medicine", "Scandinavian Journal of Medicine & Science in Sports",
    "Arthritis Care & Research", "Arthritis Care Res", "PLOS ONE", "Scientific Reports", "BMJ", "JAMA", "Sports Health",
    "Arthritis Care and Research", "Rheumatology (Oxford)",
    # (session 15) names with no journal's word, and publishers' families
    "Trials", "Age and Ageing", "The Knee", "Annals of the Rheumatic Diseases", "RMD Open", "Musculoskeletal Care", "Cureus", "eLife",
    "Nature Communications", "Frontiers in Pain Research", "BMJ Open Sport & Exercise Medicine")}
_JOURNALS["issue in square brackets"] = "Walking eased knee pain (Cochrane Database Syst Rev. 2019[4]:CD004376)."
_JOURNALS["published online"] = "Walking eased knee pain, a study found (JAMA Intern Med. Published online May 6, 2019.)"
_LINKS = {
    "a [2019 study](...)": "A [2019 study](https://news.example.com/a) found that exercise eased knee pain.",
    "a [2019 study by Lee et al.](...)": "A [2019 study by Lee et al.](https://news.example.com/a) found that exercise eased knee pain.",
    "[Lee and colleagues](...)": "[Lee and colleagues](https://news.example.com/a) found that exercise eased knee pain.",
    "[Lee et al. (2019)](...)": "[Lee et al. (2019)](https://news.example.com/a) found that exercise eased knee pain.",
    "[research](...) on a journal site": "Exercise eased knee pain, according to [research](https://www.mdpi.com/2077-0383/8/5/650).",
    "a society's page": "Exercise eased knee pain, according to [the Arthritis Foundation](https://www.arthritis.org/x).",
    "'study by' after the link": "A [study](https://news.example.com/a) by Lee et al. found that exercise eased knee pain.",
}
_ENTRIES = ["Smith, J., & Jones, K. (2019). Exercise therapy for knee osteoarthritis: a randomised trial. <em>Journal of Physiotherapy</em>, "
            "65(2), 80-86. https://doi.org/10.1016/j.jphys.2019.02.003",
            "Lee, A. B., Park, C., & Kim, D. (2020). Walking and chronic low back pain: a systematic review. <em>British Journal of Sports "
            "Medicine</em>, 54(4), 210-218.",
            "Østerås, N., Moseley, A., & Hagen, K. B. (2017). Education for hip pain. <em>BMJ Open</em>, 7(3), e012345."]
_VANCOUVER = ["Smith J, Jones K. Exercise therapy for knee osteoarthritis: a randomised trial. J Physiother. 2019;65(2):80-6. "
              "doi:10.1016/j.jphys.2019.02.003",
              "Lee AB, Park C, Kim D. Walking and chronic low back pain: a systematic review. Br J Sports Med. 2020;54(4):210-8.",
              "Østerås N, Moseley A, Hagen KB. Education for hip pain. BMJ Open. 2017;7(3):e012345."]


def _li(es: list[str]) -> str:
    return "".join(f"<li>{e}</li>" for e in es)


_LAYOUTS = {
    "<h2> and <ol>": lambda es: f"<h2>References</h2><ol>{_li(es)}</ol>",
    "<p> with <br>": lambda es: "<h3>References</h3><p>" + "<br>".join(f"{i + 1}. {e}" for i, e in enumerate(es)) + "</p>",
    "bold label, <ul>": lambda es: f"<p><strong>References:</strong></p><ul>{_li(es)}</ul>",
    "bold label, <p> each": lambda es: "<p><strong>Sources</strong></p>" + "".join(f"<p>{e}</p>" for e in es),
    "<details> accordion": lambda es: f"<details><summary>References</summary><ol>{_li(es)}</ol></details>",
    "no heading, <div class=references>": lambda es: "<div class='references'>" + "".join(f"<p>{e}</p>" for e in es) + "</div>",
    "page-builder toggle": lambda es: ("<div class='elementor-toggle'><div class='elementor-tab-title'>References</div>"
                                       "<div class='elementor-tab-content'>" + "".join(f"<p>{e}</p>" for e in es) + "</div></div>"),
    "footnotes with back links": lambda es: "<div class='footnotes'><hr><ol>" + "".join(
        f"<li id='fn{i + 1}'>{e} <a href='#fnref{i + 1}'>\u21a9</a></li>" for i, e in enumerate(es)) + "</ol></div>",
    "<div> each": lambda es: "<h2>References</h2>" + "".join(f"<div>{e}</div>" for e in es),
    "one <p>, no heading": lambda es: "<p>" + "<br>".join(es) + "</p>",
    "<small>": lambda es: "<h2>References</h2><p><small>" + "<br>".join(es) + "</small></p>",
    "<table>": lambda es: "<h2>References</h2><table>" + "".join(f"<tr><td>{i + 1}</td><td>{e}</td></tr>" for i, e in enumerate(es)) + "</table>",
    "in <aside>": lambda es: f"<aside><h3>References</h3><ol>{_li(es)}</ol></aside>",
    "in the article's <footer>": lambda es: f"<footer><h3>References</h3><ol>{_li(es)}</ol></footer>",
}
_PAD = "".join(f"<p>Paragraph {i}: knee pain is common in adults, and it can change how people walk, sleep and work for many "
               f"months.</p>" for i in range(6))
_MARKUP = {
    "<em>et al.</em>": "<p>Exercise reduced knee pain (Smith <em>et al.</em>, 2019).</p>",
    "<i>et al</i>.": "<p>Exercise reduced knee pain (Smith <i>et al</i>. 2019).</p>",
    "text-only <div> among <p>": "<div>Exercise reduced knee pain (Smith et al., 2019).</div>",
    "text-only <section>": "<section>Exercise reduced knee pain (Smith et al., 2019).</section>",
    "<blockquote>": "<blockquote>Exercise reduced knee pain (Smith et al., 2019).</blockquote>",
    "<strong> around it": "<p>Exercise reduced knee pain <strong>(Smith et al., 2019)</strong>.</p>",
    "after <br>": "<p>Exercise reduced knee pain.<br>(Smith et al., 2019)</p>",
    "linked citation": "<p>Exercise reduced knee pain (<a href='https://pubmed.ncbi.nlm.nih.gov/123/'>Smith et al., 2019</a>).</p>",
    "link to an in-page anchor, capital letter": "<p>Exercise reduced knee pain [<a href='#smith2019a'>Smith et al. 2019A</a>].</p>",
    "<table> cell": "<table><tr><th>Study</th><th>Finding</th></tr><tr><td>Smith et al., 2019</td><td>Exercise reduced knee pain</td></tr></table>",
}


def _refs(store, text: str, html: bool = False) -> list[dict]:
    from physiohub.check import check_article

    return check_article(store, text, html=html)["references"]


_SURNAMES = ("Smith", "Müller", "Østerås", "Gómez-Pérez", "O'Sullivan", "O\u2019Sullivan", "van der Berg", "Van der Berg",
             "World Health Organization", "NICE")


def _cited(refs: list[dict], year: int | None) -> bool:
    """A reference whose first author is the form's author (any of the probe's names) with the form's year."""
    return any((r.get("authors") or [""])[0].startswith(_SURNAMES) and r.get("year") == year for r in refs)


def main() -> int:
    from physiohub.store import Store

    verbose = "--verbose" in sys.argv
    families: dict[str, tuple[int, int, list[str]]] = {}

    def tally(family: str, form: str, ok: bool) -> None:
        got, n, missed = families.get(family, (0, 0, []))
        families[family] = (got + ok, n + 1, missed + ([] if ok else [form]))
        if verbose:
            print(f"{'ok ' if ok else 'NO '} {family}: {form}")

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "probe.db")
        try:
            page = "# Knee pain and exercise\n\nSome words about knees.\n\n{}\n"
            for form, text in _CITES.items():
                year = 2020 if form.startswith("organisation") else None if form == "'in press'" or form.startswith("no year") else 2019
                tally("in-text citations", form, _cited(_refs(store, page.format(text)), year))
            for form, text in _JOURNALS.items():
                want = {"published online": "JAMA Intern Med", "issue in square brackets": "Cochrane Database Syst Rev."}.get(form, form)
                refs = _refs(store, page.format(text))
                tally("journals cited by name", form, any(r.get("journal") == want and r.get("year") == 2019 for r in refs))
            for form, text in _LINKS.items():
                refs = _refs(store, page.format(text))
                tally("links to the research", form, any(r.get("url") for r in refs))
            want = {("Smith", 2019), ("Lee", 2020), ("Østerås", 2017)}
            claim = "<p>Exercise therapy reduced knee pain more than usual care (Smith &amp; Jones, 2019).</p>"
            for style, entries in (("APA", _ENTRIES), ("Vancouver", _VANCOUVER)):
                for form, layout in _LAYOUTS.items():
                    html = (f"<html><head><title>Knee pain</title></head><body><article><h1>Knee pain</h1>{_PAD}{claim}{_PAD}"
                            f"{layout(entries)}</article><footer>Copyright 2024 Clinic</footer></body></html>")
                    refs = _refs(store, html, html=True)
                    got = {((r.get("authors") or [""])[0].split(",")[0].split(" ")[0], r.get("year")) for r in refs}
                    tally("reference-list layouts", f"{form} ({style})", want <= got and len(got - want) == 0)
            for form, fragment in _MARKUP.items():
                html = (f"<html><head><title>Knee pain</title></head><body><article><h1>Knee pain</h1>{_PAD}{fragment}{_PAD}"
                        "</article></body></html>")
                tally("HTML around a citation", form, _cited(_refs(store, html, html=True), 2019))
        finally:
            store.close()
    print("| family | forms read | not read yet |")
    print("|---|---|---|")
    total = [0, 0]
    for family, (got, n, missed) in families.items():
        total[0] += got
        total[1] += n
        print(f"| {family} | {got}/{n} | {'; '.join(missed) or '-'} |")
    print(f"\nall forms: {total[0]}/{total[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
