"""What the check's text report and web page show, review19 faults 12 and 13 (display only, not what the checker finds):
a reference's own DOI or PMID shown once, no "(n.d.)" after a study the hub holds no year for, and the article's title,
escaped, at the top of the web page's result."""
from __future__ import annotations

import html as htmllib
import re

from conftest import csrf
from physiohub.check.report import extra_ids, id_spans, to_text
from physiohub.cli import cli

BRINJIKJI = ("Brinjikji W, Luetmer PH, Comstock B, et al. Systematic literature review of imaging features of spinal "
             "degeneration in asymptomatic populations. AJNR Am J Neuroradiol. 2015;36(4):811-818. doi:10.3174/ajnr.A4173")
WEBSITES = ("Smith J, Lee K. Accuracy of hospital websites on neck pain. J Med Internet Res. 2019;21(5):e13357. "
            "https://doi.org/10.2196/13357")
# (markup the checker reads as an HTML page, such as a script element, leaves it no plain-text title: these tags it keeps)
HOSTILE_TITLE = 'Back pain myths <img src=x onerror=alert(1)> & the "scans"'
ARTICLE = f"""{HOSTILE_TITLE}

A large review of imaging studies by Brinjikji and colleagues found disc degeneration in over a third of pain-free 20-year-olds [1].

A 2019 study found that only 16% of hospital websites were accurate about neck pain [2].

References
1. {BRINJIKJI}
2. {WEBSITES}
"""


def _ref(text: str, doi: str | None = None, pmid: str | None = None) -> dict:
    return {"text": text, "doi": doi, "pmid": pmid, "kind": "list", "in_hub": None}


def _result(refs: list[dict], matches: list[dict] | None = None) -> dict:
    claim = {"text": "Exercise eases knee pain.", "matches": matches or [], "facts": ["names no source"]}
    return {"title": "A page", "claims": [claim], "references": refs,
            "summary": {"claims": 1, "with_matches": int(bool(matches)), "references": len(refs)}}


# -- where an entry's text writes its own identifiers ----------------------------------------------------------------

def test_the_entrys_own_doi_is_found_however_written():
    for text, doi in [
        ("... 2015;36(4):811-818. doi:10.3174/ajnr.A4173.", "10.3174/ajnr.a4173"),         # another case, a full stop after
        ("... 2019;21(5):e13357. https://doi.org/10.2196/13357", "10.2196/13357"),            # a doi.org address
        ("... 2014;15:416. (http://dx.doi.org/10.1186/1471-2474-15-416)", "10.1186/1471-2474-15-416"),  # dx.doi.org, bracketed
        ("... DOI 10.1000/ABC.def; more", "10.1000/abc.def"),                                  # "DOI" and a space
        ("... https://doi.org/10.1136%2Fbjsports-2019-101234", "10.1136/bjsports-2019-101234"),  # an encoded slash
        ("... https://journals.example.org/doi/full/10.1177/0363546519890000", "10.1177/0363546519890000"),
    ]:
        assert "doi" in id_spans(text, doi), text
        assert extra_ids(_ref(text, doi)) == [], text
    # the bracket the DOI opened stays in it; the one closing the sentence's bracket does not
    text = "X. (doi:10.1002/(SICI)1097-0258)."
    start, end = id_spans(text, "10.1002/(sici)1097-0258")["doi"]
    assert text[start:end] == "doi:10.1002/(SICI)1097-0258"


def test_another_or_longer_doi_in_the_text_is_not_the_entrys_own():
    assert extra_ids(_ref("Z. doi:10.1000/abcd", "10.1000/abc")) == [("doi", "10.1000/abc")]
    assert extra_ids(_ref("Z. 2019;21:e13357.", "10.2196/13357")) == [("doi", "10.2196/13357")]
    # a PMID written in the text counts; a number that merely contains it does not
    assert extra_ids(_ref("Y. PMID: 12345678.", None, "12345678")) == []
    assert extra_ids(_ref("Y. https://pubmed.ncbi.nlm.nih.gov/1234567/", None, "1234567")) == []
    assert extra_ids(_ref("Y. 2019;112345678.", None, "12345678")) == [("pmid", "12345678")]


# -- the text report -------------------------------------------------------------------------------------------------

def test_text_report_prints_a_doi_the_entry_already_holds_once(runner, db_path, tmp_path):
    page = tmp_path / "myths.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(cli, ["check", str(page), "--db", str(db_path)])
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    # before: "doi:10.3174/ajnr.A4173 (doi:10.3174/ajnr.a4173)" and "https://doi.org/10.2196/13357 (doi:10.2196/13357)"
    assert "doi:10.3174/ajnr.A4173" in flat and "(doi:10.3174/ajnr.a4173)" not in flat
    assert "https://doi.org/10.2196/13357" in flat and "(doi:10.2196/13357)" not in flat
    assert flat.lower().count("10.3174/ajnr.a4173") == 1 and flat.count("10.2196/13357") == 1


def test_text_report_still_adds_identifiers_the_entry_does_not_write():
    text = to_text(_result([_ref("Doe J. Knee pain. 2019;3:1-9.", "10.1000/knee.1", "31234567"),
                            _ref("Roe K. Hip pain. PMID: 30000001", "10.1000/hip.2", "30000001")]))
    assert "2019;3:1-9. (doi:10.1000/knee.1, PMID 31234567)" in text
    assert "PMID: 30000001 (doi:10.1000/hip.2)" in text and "PMID 30000001" not in text


def test_text_report_shows_no_nd_for_a_study_without_a_year():
    match = {"id": 7, "title": "Glucosamine for lumbar osteoarthritis.", "year": None, "design": "randomised trial"}
    dated = dict(match, id=8, year=2010)
    text = to_text(_result([], [match, dated]))
    assert "n.d." not in text
    assert "-> #7 [randomised trial] Glucosamine for lumbar osteoarthritis." in text
    assert "-> #8 [randomised trial] Glucosamine for lumbar osteoarthritis. (2010)" in text


# -- the web page, through real HTTP ---------------------------------------------------------------------------------

def _check_page(client) -> str:
    token = csrf(client.get("/check").text)
    page = client.post("/check", data={"text": ARTICLE, "csrf_token": token})
    assert page.status_code == 200
    return page.text


def test_web_page_shows_each_doi_once_linked_in_the_entrys_own_words(client):
    page = _check_page(client)
    refs = re.search(r'<section aria-labelledby="h-refs">(.*?)</section>', page, re.S).group(1)
    items = re.findall(r"<li>(.*?)</li>", refs, re.S)
    assert len(items) == 2
    # before: "... doi:10.3174/ajnr.A4173 — <a ...>doi:10.3174/ajnr.a4173</a>"
    assert items[0].lower().count("10.3174/ajnr.a4173") == 2            # the link's address and its words, once each
    assert '<a href="https://doi.org/10.3174/ajnr.a4173" rel="noopener">doi:10.3174/ajnr.A4173</a>' in items[0]
    assert " — " not in items[0]
    assert '<a href="https://doi.org/10.2196/13357" rel="noopener">https://doi.org/10.2196/13357</a>' in items[1]
    assert htmllib.unescape(re.sub(r"<[^>]+>", "", items[0])).strip() == BRINJIKJI
    assert htmllib.unescape(re.sub(r"<[^>]+>", "", items[1])).strip() == WEBSITES


def test_web_page_shows_the_article_title_escaped(client):
    page = _check_page(client)
    api = client.post("/api/check", json={"text": ARTICLE}).json()
    assert api["title"]
    result = page.split('<section aria-labelledby="h-claims">', 1)[1]
    m = re.search(r'<p class="article-title">Article: <cite>(.*?)</cite></p>', result, re.S)
    assert m and result.index(m.group(0)) < result.index('<h2 id="h-claims">')   # at the top of the result
    assert htmllib.unescape(m.group(1)) == api["title"]
    # the title's markup is text, never a tag
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; the &#34;scans&#34;" in m.group(1)


def test_web_reference_text_with_markup_stays_escaped(client):
    from physiohub.web.markup import reference_html

    out = str(reference_html(_ref('<img src=x onerror=alert(1)> "Q" doi:10.1000/a<b>', "10.1000/a", "123")))
    assert "<img" not in out and "<b>" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert '<a href="https://doi.org/10.1000/a" rel="noopener">doi:10.1000/a</a>' in out
    assert out.endswith(' — <a href="https://pubmed.ncbi.nlm.nih.gov/123/" rel="noopener">PubMed 123</a>')
    # a DOI with characters that would end an address or an attribute is encoded in the link
    out = str(reference_html(_ref("W.", '10.1000/x"><script>#1', None)))
    assert "<script>" not in out and 'href="https://doi.org/10.1000/x%22%3E%3Cscript%3E%231"' in out
