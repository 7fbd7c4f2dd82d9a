"""Reference lists laid out without the usual "References" heading (issue 13, item 1): a "Journal reference:"
line, numbered Cochrane entries with no heading, an APA entry on its own, and a DOI link holding brackets.
Every entry is written for this test; the identifiers are made up."""
from __future__ import annotations

from physiohub.check import check_article
from physiohub.check.document import parse_document


def _refs(store, text):
    return check_article(store, text)["references"]


def test_a_journal_reference_heading_and_run_in_line_are_reference_lists(store):
    entry = ("Berg, A., Lind, C., & Holm, D. (2023). Cycling for knee osteoarthritis: a randomised trial. "
             "Journal of Example Rheumatology, 12(3), 45-57. https://doi.org/10.1234/jer.2023.0045")
    for text in ("Regular cycling eased knee pain in older adults, a new trial found.\n\nJournal reference:\n" + entry,
                 "Regular cycling eased knee pain in older adults, a new trial found.\n\nJournal reference: " + entry):
        result = check_article(store, text)
        (ref,) = result["references"]
        assert (ref["kind"], ref["authors"][0], ref["year"], ref["doi"]) == ("list", "Berg A", 2023, "10.1234/jer.2023.0045")
        assert [c["text"] for c in result["claims"]] == ["Regular cycling eased knee pain in older adults, a new trial found."]


def test_numbered_cochrane_entries_without_a_heading_are_references(store):
    text = ("Exercise eases long-lasting back pain, two Cochrane reviews found (1, 2).\n\n"
            "1. Holm A, Berg C, Lind D. Exercise therapy for chronic low back pain. Cochrane Database Syst Rev. 2005;(3):CD009001.\n"
            "2. Park K, Diaz M. Yoga for chronic low back pain. Cochrane Database Syst Rev. 2017;1:CD009002.\n")
    result = check_article(store, text)
    assert [(r["authors"][0], r["year"]) for r in result["references"]] == [("Holm A", 2005), ("Park K", 2017)]
    assert len(result["claims"]) == 1 and result["claims"][0]["references"] == [0, 1]


def test_an_apa_entry_alone_under_the_text_is_a_reference_not_a_claim(store):
    text = ("Heavy slow lifting eased Achilles pain as much as eccentric training (Holm et al., 2015).\n\n"
            "Holm, R., Berg, M., Lind, B., et al. (2015). Heavy slow resistance versus eccentric training for Achilles "
            "tendon pain. Example Journal of Sports Medicine, 43(7), 1704-1711.")
    result = check_article(store, text)
    assert [(r["kind"], r["year"]) for r in result["references"]] == [("list", 2015)]
    assert len(result["claims"]) == 1 and result["claims"][0]["references"] == [0]


def test_a_narrative_citation_is_not_taken_for_an_entry():
    doc = parse_document("Holm, Berg and Lind (2015) found that slow lifting eased tendon pain in runners.")
    assert doc.reference_lines == [] and len(doc.sentences) == 1


def test_a_doi_link_with_brackets_is_read_whole(store):
    text = ("Shoulder surgery was no better than placebo surgery, the trial found.\n\n"
            "- [The paper](https://doi.org/10.1016/S0140-6736(17)32457-1)\n")
    dois = [r["doi"] for r in _refs(store, text)]
    assert dois == ["10.1016/s0140-6736(17)32457-1"]


def test_a_news_source_line_naming_only_the_journal_is_a_journal_reference(store):
    text = ("Heavy lifting built bone in older women, a trial showed.\n\n"
            "Source: Example Journal of Bone Research, published online March 3, 2022.")
    (ref,) = _refs(store, text)
    assert (ref["kind"], ref["journal"], ref["year"], ref["authors"]) == ("list", "Example Journal of Bone Research", 2022, [])


def test_an_in_text_journal_citation_with_a_bracketed_place_is_a_reference(store):
    text = "Massage gave short relief for back pain in one review (Spine (Phila Pa 1976). 2015;40(4):E201-8)."
    refs = _refs(store, text)
    assert [(r["kind"], r["year"], r["journal"].rstrip(".")) for r in refs] == [("inline", 2015, "Spine (Phila Pa 1976)")]
