"""Reference shapes met on the dev12 pages (session 9 of issue 13), each a documented style or a kind seen on
more than one page.

Every entry below is written for this test (authors, titles, sites and identifiers are invented)."""
from __future__ import annotations

from physiohub.check.document import parse_document
from physiohub.check.references import Reference, inline_references, parse_reference_list


def _refs(text: str) -> list[Reference]:
    doc = parse_document(text)
    refs = parse_reference_list(doc.reference_lines)
    return refs + inline_references(doc.sentences, refs)


def test_pubmed_text_export_numbered_with_colons_and_hard_wrapped():
    # PubMed's text export: "N: Authors. Title. Journal. Year Mon;vol(iss):pages.", wrapped at a fixed width, no
    # heading over it; one entry wraps inside a name, one ends after its year
    text = ("# Reading for clinicians\n\n"
            "1: Lind AB, Moreau C, Okafor D. Hip strength in runners with knee pain: a\n"
            "systematic review. Gait Posture. 2017 Apr;48:10-18.\n"
            "2: Van Der Berg RA, Holm K, Sato\n"
            "M. Loading programmes for the patellar tendon. J Orthop Res. 2015\n"
            "3: Quist L, Amaro T. Taping for anterior knee pain: a randomised trial. Phys Ther.\n"
            "2019 Dec;99(12):1601-9. doi: 10.9999/ptj.2019.0101. Epub 2019 Aug 2.\n")
    doc = parse_document(text)
    assert len(doc.reference_lines) == 3
    assert not [s for s in doc.sentences if "Gait Posture" in s.text or "2019 Dec" in s.text]
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.number, r.authors[0], r.year, r.journal) for r in refs] == [
        ("1", "Lind AB", 2017, "Gait Posture"), ("2", "Van Der Berg RA", 2015, "J Orthop Res"),
        ("3", "Quist L", 2019, "Phys Ther")]
    assert refs[2].doi == "10.9999/ptj.2019.0101"


def test_a_numbered_step_with_a_colon_is_not_an_entry():
    doc = parse_document("How to start\n\n1: Stand tall and brace your trunk.\n2: Hinge at the hips slowly.\n")
    assert doc.reference_lines == []
    assert any("Hinge at the hips" in s.text for s in doc.sentences)


def test_bibliographic_source_heading_over_one_corporate_report_entry():
    # a clearinghouse record: a "Bibliographic Source(s)" field heading over one NLM report entry with an
    # organisation as author, the place with its country, the month and day, the pages and the series
    text = ("## Guideline Title\n\nManaging neck pain in adults.\n\n## Bibliographic Source(s)\n\n"
            "- Example Guideline Unit. Managing neck pain in adults. Leeds (UK): Example Institute for Care (EIC); "
            "2018 Mar 2. 24 p. (EIC guideline; no. 12).\n\n## Guideline Status\n\nThis is the current release.\n")
    doc = parse_document(text)
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.authors[0], r.year) for r in refs] == [("Example Guideline Unit", 2018)]
    assert any("current release" in s.text for s in doc.sentences)


def test_unheaded_bullets_of_corporate_reports_in_nlm_form_are_a_list():
    text = ("Where this advice comes from:\n\n"
            "- Example Guideline Unit. Neck pain. Leeds (UK): Example Institute for Care (EIC); 2018 Mar 2. 24 p. (EIC guideline; no. 12).\n"
            "- Example Back Society. Back pain in adults. Perth: EBS; 2019 Jun.\n")
    refs = parse_reference_list(parse_document(text).reference_lines)
    assert [(r.authors[0], r.year) for r in refs] == [("Example Guideline Unit", 2018), ("Example Back Society", 2019)]


def test_a_sources_word_in_a_longer_heading_is_not_a_reference_heading():
    doc = parse_document("## Protein sources for older runners\n\nEggs and beans both help, as a 2019 trial found.\n")
    assert doc.reference_lines == []


def _linked(text: str) -> list[Reference]:
    from physiohub.check.weblinks import organisation_links
    doc = parse_document(text)
    return organisation_links(doc.sentences, [], text)


def test_a_story_pointer_line_makes_its_news_link_a_reference():
    # a teaser or repost ends by pointing to where the story runs in full, on a news site (not an organisation's)
    text = ("Gentle exercise eases hip pain\n\nNew research suggests gentle exercise eases hip pain in older adults. "
            "Continued at [Daily Health News](https://www.dailyhealthnews.example.net/articles/hip-exercise-2020).\n\n"
            "A wire story quoted here ends. Read the whole Agency story at "
            "[Sample Times](https://sampletimes.example.com/health/hip-story.html).\n")
    refs = _linked(text)
    assert [(r.url, r.authors[0]) for r in refs] == [
        ("https://www.dailyhealthnews.example.net/articles/hip-exercise-2020", "Daily Health News"),
        ("https://sampletimes.example.com/health/hip-story.html", "Sample Times")]


def test_links_in_ordinary_sentences_or_menus_are_not_story_pointers():
    text = ("Continued research at our clinic is [here](https://clinic.example.com/research).\n\n"
            "[Read more](https://clinic.example.com/blog/next-post)\n\n"
            "We continued at a slower pace and you can book a session with us on [our page](https://clinic.example.com/book).\n")
    assert _linked(text) == []


def test_a_press_release_source_line_is_the_organisations_web_reference():
    # "UK" closing an organisation's name is not a person's initials
    refs = parse_reference_list(parse_document(
        "Funding was announced today.\n\nSource: Example Arthritis Research UK Press Release\n").reference_lines)
    assert [(r.kind, r.authors) for r in refs] == [("web", ["Example Arthritis Research UK"])]
    dated = parse_reference_list(["Sources: Example State University news release, March 3, 2021"])
    assert [(r.kind, r.authors, r.year) for r in dated] == [("web", ["Example State University"], 2021)]
    paper = parse_reference_list(["Lind AB, Moreau C. Press release spin in sports medicine. J Sci Commun. 2019;3:1-4."])
    assert paper[0].kind != "web" and paper[0].authors[0] == "Lind AB"


def _page(notes: str) -> str:
    body = "".join(f"<p>Paragraph {i} on walking with knee pain and what helps people stay active and strong over the years.</p>"
                   for i in range(6))
    return ('<html><head><title>Walking and knees</title></head><body><main><article><h1>Walking and knees</h1>'
            '<p>Walking eases knee pain, a large trial found.<sup id="fnref1"><a href="#fn1">1</a></sup></p>'
            + body + notes + "</article></main></body></html>")


def test_footnotes_block_without_a_heading_is_read_by_its_markup():
    # Markdown renderers and DPUB-ARIA pages write footnotes as a headingless block; the extractor drops it
    from physiohub.check.extract import article_text
    for notes in ('<section class="footnotes" role="doc-endnotes"><hr/><ol>'
                  '<li id="fn1"><p>Lind AB, Moreau C. Hip strength and knee pain. J Knee Res. 2019;12(3):101-10. '
                  '<a href="#fnref1" role="doc-backlink">\u21a9\ufe0e</a></p></li>'
                  '<li id="fn2"><p>Quist L. Taping for knee pain. Phys Ther. 2018;98:11-19. <a href="#fnref2">\u21a9\ufe0e</a></p></li>'
                  '</ol></section>',
                  '<div class="footnotes" role="doc-endnotes"><hr><ol>'
                  '<li id="fn:1"><p>Lind AB, Moreau C. Hip strength and knee pain. J Knee Res. 2019;12(3):101-10.&#160;'
                  '<a href="#fnref:1" class="footnote-backref">&#x21a9;&#xfe0e;</a></p></li>'
                  '<li id="fn:2"><p>Quist L. Taping for knee pain. Phys Ther. 2018;98:11-19.&#160;'
                  '<a href="#fnref:2" class="footnote-backref">&#x21a9;&#xfe0e;</a></p></li></ol></div>'):
        refs = parse_reference_list(parse_document(article_text(_page(notes), html=True)).reference_lines)
        assert [(r.authors[0], r.year) for r in refs] == [("Lind AB", 2019), ("Quist L", 2018)]


def test_a_class_naming_no_notes_is_not_enough_without_a_label():
    from physiohub.check.extract import article_text
    notes = '<div class="sidebar-box"><ol><li>Book a session in 2024 with our team.</li></ol></div>'
    assert parse_document(article_text(_page(notes), html=True)).reference_lines == []


def test_chicago_notes_name_the_authors_given_name_first():
    lines = ["1. Lena Quist, \u201cTaping for Knee Pain,\u201d Physical Therapy 98 (2018): 11\u201319.",
             "2. Anna B. Lind and Claire van Moreau, \u201cHip Strength and Knee Pain,\u201d Journal of Knee Research 12, "
             "no. 3 (2019): 101\u201310, https://doi.org/10.9999/jkr.2019.12."]
    refs = parse_reference_list(lines)
    assert [(r.authors, r.year, r.journal, r.title) for r in refs] == [
        (["Quist L"], 2018, "Physical Therapy", "Taping for Knee Pain"),
        (["Lind AB", "van Moreau C"], 2019, "Journal of Knee Research", "Hip Strength and Knee Pain")]
    assert refs[1].doi == "10.9999/jkr.2019.12"


def test_science_news_more_information_and_cite_this_lines_are_entries():
    text = ("Hip strength eased knee pain, a trial found.\n\n"
            "More information: Anna B. Lind et al, Hip strength and knee pain in runners, Journal of Knee Research (2019). "
            "DOI: 10.9999/jkr.2019.12\n\nProvided by Example University\n\n"
            "Cite this article: Quist L, Amaro T. Taping for knee pain. Phys Ther. 2018;98:11-19.\n")
    refs = parse_reference_list(parse_document(text).reference_lines)
    assert [(r.authors[0], r.year, r.journal) for r in refs] == [
        ("Lind AB", 2019, "Journal of Knee Research"), ("Quist L", 2018, "Phys Ther")]
    assert refs[0].title == "Hip strength and knee pain in runners"


def test_more_information_that_is_not_an_entry_stays_text():
    doc = parse_document("Back pain is common.\n\nMore information: call our clinic or book online for an assessment.\n")
    assert doc.reference_lines == []


def test_short_entries_ending_with_an_address_or_a_quoted_title_are_not_headings():
    # APA 7 puts no stop after a URL; WebMD's sources end with a quoted title — short lines like these closed the
    # reference section as if they were headings
    text = ("Exercise helps knees, a trial found.\n\n## Sources\n\n"
            "Lind AB, et al. (2019). Hip strength and knee pain. https://journal.example.org/article/12345\n\n"
            "Knee pain. (2021). https://www.example-arthritis.org/knee\n\n"
            "Example Arthritis Society: \"Knee pain.\"\n")
    refs = parse_reference_list(parse_document(text).reference_lines)
    assert [(r.authors[0], r.year) for r in refs] == [("Lind AB", 2019), ("Knee pain", 2021), ("Example Arthritis Society", None)]


def test_a_short_heading_still_ends_a_section():
    doc = parse_document("Exercise helps knees.\n\n## References\n\nLind AB. Hip strength. J Knee Res. 2019;12:101-10.\n\n"
                         "About the author\n\nAnna writes about knees and has worked in sports clinics for years.\n")
    assert len(doc.reference_lines) == 1 and "About the author" in doc.headings


def test_an_entry_cut_short_keeps_its_vancouver_names():
    # a page (or its stored copy) that ends inside an entry: the names already written are who wrote it
    refs = parse_reference_list(["1. Holm K, Sato M. Knee bracing in runners. J Knee Res. 2017;9:1-8.",
                                 "2. Lind AB, Moreau C, van der Berg R, Quist L. Surgical manag",
                                 "(3) Amaro T, Medina Ortiz J, Lattermann"])
    assert [r.authors for r in refs] == [["Holm K", "Sato M"], ["Lind AB", "Moreau C", "van der Berg R", "Quist L"],
                                         ["Amaro T", "Medina Ortiz J"]]


def test_a_cut_line_of_prose_gets_no_list_of_names():
    # pieces that are not "Surname Initials" are no names ("Knee pain" may still be read as an organisation's page)
    refs = parse_reference_list(["4. Knee pain, stiffness, swelling and"])
    assert not any(a in refs[0].authors for a in ("stiffness", "swelling and"))


def test_a_release_services_field_block_is_one_reference():
    # a science-news release service prints the journal, DOI, title and date under a release, each label on a line of its
    # own and its value in the next paragraph
    text = ("Hip strength eased knee pain, a new trial found.\n\nJournal\n\nExample Journal of Knee Research\n\nDOI\n\n"
            "10.9999/ejkr.2019.12\n\nMethod of Research\n\nRandomized controlled/clinical trial\n\nArticle Title\n\n"
            "Hip strength and knee pain\n\nArticle Publication Date\n\n3-May-2019\n\nMedia contact\n\n"
            "Call the press office on weekdays for more.\n")
    doc = parse_document(text)
    (ref,) = parse_reference_list(doc.reference_lines)
    assert (ref.journal, ref.year, ref.doi, ref.title) == ("Example Journal of Knee Research", 2019, "10.9999/ejkr.2019.12",
                                                          "Hip strength and knee pain")
    assert [s.text for s in doc.sentences][-2:] == ["Media contact", "Call the press office on weekdays for more."]


def test_a_journal_heading_in_a_diary_is_not_a_field_block():
    doc = parse_document("My running diary\n\nJournal\n\nMonday I ran five miles and my knee felt fine.\n")
    assert doc.reference_lines == [] and any("five miles" in s.text for s in doc.sentences)


def test_a_journal_named_in_the_sentence_with_its_year_volume_and_pages_is_a_reference():
    from physiohub.check.document import parse_document
    from physiohub.check.references import inline_references

    text = ("A study published in the Example Journal of Public Health (2005; 95(10): 1817-24) followed 600 adults. "
            "An article in the journal Spine (1995;20(5):615-619) discusses rest. Walking helped in a 2019 trial (2019).")
    refs = inline_references(parse_document(text).sentences, [])
    assert [(r.journal, r.year) for r in refs] == [("Example Journal of Public Health", 2005), ("Spine", 1995)]
