"""Markup that real pages use and the hand-written fixtures did not: an italicised "et al." and a paragraph written as
a bare <div> (session 14's probe of markup forms)."""
import pytest

from physiohub.check import check_article
from physiohub.check.citations import find_citations
from physiohub.check.extract import html_to_text
from physiohub.store import Store

_PADS = "".join(f"<p>Paragraph {i}: knee pain is common in adults, and it can change how people walk, sleep and work "
                f"for many months.</p>" for i in range(8))


def _check(tmp_path, text, html):
    store = Store(tmp_path / "hub.db")
    try:
        return check_article(store, text, html=html)
    finally:
        store.close()


@pytest.mark.parametrize("cite", ["(Smith *et al.*, 2019)", "(Smith _et al._, 2019)", "(Smith *et al*. 2019)",
                                  "(*Smith et al.*, 2019)"])
def test_italic_et_al_is_read_through(cite):
    text = f"Exercise therapy reduced knee pain more than usual care {cite}."
    [c] = find_citations(text)
    assert (c.surname, c.year) == ("Smith", 2019)
    # the span is in the text as given, marks and all
    assert text[c.start:c.end] == cite and c.text == cite


def test_narrative_italic_et_al():
    [c] = find_citations("Smith *et al.* (2019) found that exercise eased knee pain.")
    assert (c.surname, c.year) == ("Smith", 2019)


def test_underscores_inside_words_are_not_emphasis():
    # "snake_case" and a file name are not marks; nothing is read through them into a citation
    assert find_citations("The file knee_pain_2019 was shared.") == []
    [c] = find_citations("See the data_set notes (Lee, 2020).")
    assert (c.surname, c.year) == ("Lee", 2020)


def test_html_em_et_al_gives_the_reference_and_links_the_claim(tmp_path):
    page = ("<html><head><title>Knee pain</title></head><body><article><h1>Knee pain</h1>" + _PADS +
            "<p>Exercise therapy reduced knee pain more than usual care (Smith <em>et al.</em>, 2019).</p>" + _PADS +
            "</article></body></html>")
    res = _check(tmp_path, page, html=True)
    refs = [(r["authors"][0], r["year"]) for r in res["references"]]
    assert refs == [("Smith et al.", 2019)]
    [claim] = [c for c in res["claims"] if "usual care" in c["text"]]
    assert claim["references"] == [0] and claim["year"] == 2019


@pytest.mark.parametrize("tag", ["div", "section"])
def test_a_text_only_div_among_paragraphs_is_a_paragraph(tag):
    page = ("<html><head><title>Knee pain</title></head><body><article><h1>Knee pain</h1>" + _PADS +
            f"<{tag}>A 2019 trial found that exercise therapy reduced knee pain (Smith et al., 2019).</{tag}>" + _PADS +
            "</article></body></html>")
    text = html_to_text(page)
    assert "A 2019 trial found that exercise therapy reduced knee pain (Smith et al., 2019)." in text
    assert text.count("Paragraph 7:") == 2


def test_layout_divs_keep_their_paragraphs():
    # a <div> that holds blocks is layout: its paragraphs are read as they are, none lost or doubled
    page = ("<html><head><title>Knee pain</title></head><body><div class='content'><h1>Knee pain</h1>"
            f"<div class='row'>{_PADS}</div><div><p>A 2019 trial found that walking eased knee pain.</p></div>"
            "</div></body></html>")
    text = html_to_text(page)
    assert text.count("A 2019 trial found that walking eased knee pain.") == 1
    assert text.count("Paragraph 0:") == 1


def test_and_others_is_et_al():
    [c] = find_citations("Smith and others (2019) found that exercise eased knee pain.")
    assert (c.surname, c.year) == ("Smith", 2019)
    assert find_citations("Many patients and others (2019) reported pain.") == []
