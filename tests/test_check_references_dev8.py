"""Reference shapes met on the dev8 pages (session 9 of issue 13), each a documented style or a kind seen on
more than one page, and the particle-surname citation key.

Every entry below is written for this test (authors, titles, sites and identifiers are invented)."""
from __future__ import annotations

from physiohub.check.citations import surname_key
from physiohub.check.document import parse_document
from physiohub.check.references import Reference, inline_references, link_citations, parse_reference_list


def _refs(text: str) -> list[Reference]:
    doc = parse_document(text)
    refs = parse_reference_list(doc.reference_lines)
    return refs + inline_references(doc.sentences, refs)


def test_surname_key_keeps_particles():
    assert surname_key("van Dijk CN") == "van Dijk"
    assert surname_key("van Dijk et al.") == "van Dijk"
    assert surname_key("De Vries, A.") == "De Vries"
    assert surname_key("M. J. Hancock") == "Hancock"
    assert surname_key("Lind P") == "Lind"


def test_two_particle_surnames_of_one_year_are_two_citations():
    # keyed by the first word both were "van 2003", and the second was dropped as a repeat
    refs = _refs("Sitting posture mattered little (van Dijk et al., 2003; van Tulder et al., 2003).\n")
    assert sorted((r.authors[0], r.year) for r in refs) == [("van Dijk et al.", 2003), ("van Tulder et al.", 2003)]


def test_particle_citation_finds_its_entry_whatever_the_case():
    text = ("Van Dijk et al. (2011) found tendons thicken.\n\n## References\n\n"
            "van Dijk CN, Lee A. Thick tendons in runners. Br J Sports Med 2011;45:1-5.\n")
    refs = _refs(text)
    assert len(refs) == 1 and refs[0].authors[0] == "van Dijk CN"
    assert link_citations(["van Dijk 2011"], refs) == refs


def test_nlm_date_entry_after_the_text_is_a_reference():
    # one unlabelled line at the end, NLM's "Year Mon Day;Vol:Page" and "et al.," before the title
    text = ("Placebo did better than the injection at one year.\n\nA. Writer, MD\n\n"
            "Lindqvist KA et al., Effect of a heel injection on plantar pain: A randomized trial. *JAMA* 2016 Mar 9; 315:1022.\n")
    doc = parse_document(text)
    assert not any("Lindqvist" in s.text for s in doc.sentences)
    refs = _refs(text)
    assert [(r.authors, r.year, r.journal) for r in refs] == [(["Lindqvist KA"], 2016, "JAMA")]
    assert refs[0].title.startswith("Effect of a heel injection")


def test_unheaded_list_of_web_sources_with_access_notes():
    # Harvard "Available at", Vancouver "Available from", APA 6 "Retrieved from": web sources, no heading, no year
    text = ("Reading for the course follows.\n\n"
            "1. Example Sports Data Ltd. Available at http://www.example-sports-data.com\n"
            "2. Hale C, in Clinical stretching: the art of it. Available at http://www.example-bulletin.com/archive/stretching.html\n"
            "3. Knee Method Alliance: Position statement on knee bends, May 2008. Available from http://www.example-alliance.org/knee.pdf\n"
            "4. Rowe M, Knees Revealed. Retrieved from http://www.example-sci.com/knees.htm\n")
    refs = _refs(text)
    assert [r.url for r in refs] == ["http://www.example-sports-data.com",
                                     "http://www.example-bulletin.com/archive/stretching.html",
                                     "http://www.example-alliance.org/knee.pdf", "http://www.example-sci.com/knees.htm"]


def test_second_numbered_list_is_judged_on_its_own():
    # a reading list of titles, then a numbered source list starting again at 1: the sources are references,
    # the titles are not, and they no longer dilute the sources' share
    text = ("1. Return to Movement - Alex Example\n2. Home Exercise Basics\n3. Core Companion - Sam Sample\n"
            "4. Stretch Anatomy - Kim Case\n\n"
            "1. Moss WD, Kane FI and Kane VL (1999), Exercise physiology for all, (2nd edition), Example Press, 70-81.\n"
            "2. Example Sports Data Ltd. Available at http://www.example-sports-data.com\n"
            "3. Berne LM (2009), Stretching in healthy adults: an appraisal, J. Example Therapies, 11(2):106-110.\n")
    refs = _refs(text)
    assert [(r.authors[:1], r.year) for r in refs] == [(["Moss WD"], 1999), (["Example Sports Data Ltd"], None), (["Berne LM"], 2009)]
    assert not any("Return to Movement" in r.text for r in refs)


def test_mla_web_entries_with_addresses_written_without_scheme():
    # MLA 9 leaves out "https://"; a bulleted list that also keeps the entries' numbers, then the page goes on
    text = ("Knee Pain Causes\n"
            "- 1. Marsh, Ellen K. 'Runner's Knee.', Example Library of Medicine, 3 Feb. 2021, www.example-library.org/books/knee/.\n"
            "- 2. 'Knee Pain - KneeInfo - EAOS.' _KneeInfo_, kneeinfo.example.org/en/conditions/knee-pain.\n"
            "6. Risk Factors: New Runners\n"
            "People new to running are more often hurt. Build up slowly.\n")
    refs = _refs(text)
    assert [(r.authors[:1], r.year, r.url) for r in refs][0] == (["Marsh EK"], 2021, "www.example-library.org/books/knee/")
    assert refs[0].title == "Runner's Knee"
    assert refs[1].kind == "web" and refs[1].url == "kneeinfo.example.org/en/conditions/knee-pain"
    assert len(refs) == 2   # the numbered heading after the bulleted sources is not a third entry
    assert any("People new to running" in s.text for s in parse_document(text).sentences)


REPOST = """<!DOCTYPE html><html><head><title>Walking and knees</title></head><body>
<header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>
<main><article><h1>Walking does not harm arthritic knees</h1>
<p>A new study has found that daily walks do not make knee osteoarthritis worse over two years of follow-up.</p>
<p>The researchers followed more than a thousand people and measured their steps and their cartilage.</p>
<p><a href="https://www.example-charity.org/news/2015/walking-knees">Read more at Example Arthritis Charity</a></p>
<p><a href="https://www.example-charity.org/donate">Donate</a></p>
</article></main><footer><p>Categories: Knee</p></footer></body></html>"""


def test_link_only_paragraph_keeps_its_link_and_names_the_source():
    from physiohub.check.extract import html_to_text
    from physiohub.check.weblinks import organisation_links

    text = html_to_text(REPOST)
    assert "[Read more at Example Arthritis Charity](https://www.example-charity.org/news/2015/walking-knees)" in text
    doc = parse_document(text)
    refs = organisation_links(doc.sentences, _refs(text), text)
    assert [(r.kind, r.url) for r in refs] == [("web", "https://www.example-charity.org/news/2015/walking-knees")]


def test_pubmed_citation_glued_after_a_summary():
    # a one-abstract summary ends with PubMed's short citation: the journal, the year and the PMID, no authors
    text = ("Twelve weeks of walking eased hip pain by a third. The authors conclude that walking helps. "
            "J Hip Res. 2014. PMID: 12345678.\n")
    doc = parse_document(text)
    assert not any("PMID" in s.text for s in doc.sentences)
    refs = _refs(text)
    assert [(r.journal, r.year, r.pmid) for r in refs] == [("J Hip Res", 2014, "12345678")]
    # the journal part of a Vancouver entry (volume and pages after the year) is not cut off alone from its names
    doc = parse_document("Tendons liked it. **More information:** Lee AB, Kim CD. Tendons in the lab. Example Acta. "
                         "2013;18(2):25-30. doi:10.1000/xyz.1\n")
    assert not any(line.lstrip("- ").startswith("Example Acta") for line in doc.reference_lines)
