"""Kinds of miss the fresh dev29 pages showed (session 16), in pages of our own: a PubMed search for a paper's title is
how some pages link the paper they cite (a reference), and that linked title on its own line is no claim."""
from __future__ import annotations

from physiohub.check import check_article


def test_a_pubmed_search_link_for_a_title_is_a_reference_and_its_title_no_claim(store):
    html = ("<html><body><h1>The science behind our knee programme</h1><p>We built the programme on research.</p>"
            "<p>This 2019 study shows that keeping hip strength helps people keep their function.</p>"
            "<p><a href='https://pubmed.ncbi.nlm.nih.gov/?term=Hip+muscle+strength+and+knee+osteoarthritis+function'>"
            "Hip Muscle Strength and Protection Against Poor Function in Knee Osteoarthritis.</a></p></body></html>")
    res = check_article(store, html, html=True)
    assert any("pubmed.ncbi.nlm.nih.gov/?term=Hip" in (r.get("url") or "") for r in res["references"])
    assert not any(c["text"].startswith("Hip Muscle Strength") for c in res["claims"])
    assert any("keeping hip strength" in c["text"] for c in res["claims"])


def test_authors_named_in_a_bracket_with_no_year_in_a_sentence_about_research():
    from physiohub.check.citations import find_citations

    cites = find_citations("A research report in a journal (Lee, Park and Kim) concludes that straps help.")
    assert [(c.who, c.year) for c in cites] == [("Lee, Park and Kim", None)]
    assert find_citations("We ran clinics in three cities (Leeds, York and Hull) last year.") == []
