"""Reference-list shapes met on the dev14 pages (session 10 of issue 13), each a documented style or a layout
publishers' pages share.

Every entry below is written for this test (authors, titles, sites and identifiers are invented)."""
from __future__ import annotations

from physiohub.check.document import parse_document
from physiohub.check.reference_lines import strip_link_labels, unglue_numbers, web_entry
from physiohub.check.references import Reference, parse_reference, parse_reference_list


def _refs(text: str) -> list[Reference]:
    return parse_reference_list(parse_document(text).reference_lines)


def test_dated_organisation_pages_are_web_sources_not_journals():
    # AMA-like web entries: "Organisation. Title. Mon. Day, Year. https://address." — the month or day before the
    # year was read as the journal, so the entry was no organisation page
    text = ("## Sources\n\n"
            "1. Example Heart Clinic. Knee pain. Aug. 4, 2018. https://www.example-clinic.org/knee-pain/overview.\n"
            "2. NIH, Example Institute of Joint Health. Hip pain. Sept. 24, 2017. https://www.example.gov/hip#tab.\n"
            "3. Example Back Society (EBS). Who we are. Nov. 2015. http://www.example-society.org/about/.\n")
    refs = _refs(text)
    assert [(r.kind, r.year, r.journal) for r in refs] == [("web", 2018, None), ("web", 2017, None), ("web", 2015, None)]
    assert refs[0].url == "https://www.example-clinic.org/knee-pain/overview"
    assert refs[0].authors == ["Example Heart Clinic"]


def test_a_journal_dated_in_the_month_keeps_its_journal():
    # NLM's "Journal. Year Mon;vol" is not a web page: the journal stays
    ref = parse_reference("Lund AB, Moe C. Knee loading in runners. Gait Posture. 2017 Apr;48:10-18.")
    assert (ref.kind, ref.journal, ref.year) == ("list", "Gait Posture", 2017)


def test_house_style_with_bracketed_year_and_comma_before_pages_is_a_list():
    # "Surname I.I., Surname I. & Surname I. (Year) Title. Journal Name vol(iss), pages." in bullets, no heading
    text = ("Related reading\n\n"
            "- Moss A.B., Lind C. & Park D.E. (2006) Balance classes for older adults: a randomised trial. "
            "Journal of Example Nursing 41(3), 211-219.\n"
            "- Quist H.-J. & Ek T. (2011) Fear of falling after a hip fracture. Example Ageing Review 12, 45-52.\n"
            "- Ruiz P. (2004) Falls in care homes. Example Agency Report. Retrieved from on 3 May 2005.\n")
    refs = _refs(text)
    assert [(r.authors[0], r.year) for r in refs] == [("Moss A.B.", 2006), ("Quist H.-J.", 2011), ("Ruiz P", 2004)]
    assert refs[0].journal == "Journal of Example Nursing"
    assert refs[1].journal == "Example Ageing Review"


def test_comma_before_pages_in_prose_is_no_entry():
    doc = parse_document("Walking helps.\n\n- In 2006 we saw (2006) Many patients in ward 41(3), 211.\n"
                         "- Keep moving every day.\n")
    assert doc.reference_lines == []


def test_link_labels_after_an_entry_are_dropped():
    assert strip_link_labels("Lee AB. Title. J Ex. 2002; 18: 159-73.CrossRefGoogle ScholarPubMed") == \
        "Lee AB. Title. J Ex. 2002; 18: 159-73."
    assert strip_link_labels("Lee AB. Title. J Ex 2002;18:1-9.[Google Scholar](#)[PubMed](https://example.org/x)") == \
        "Lee AB. Title. J Ex 2002;18:1-9."
    assert strip_link_labels("Title, Pain, vol. 7, pp. 1-9, 1997. View at Publisher \u00b7 View at Scopus") == \
        "Title, Pain, vol. 7, pp. 1-9, 1997."
    # a sentence that ends on such a word is left alone
    assert strip_link_labels("We searched PubMed") == "We searched PubMed"


def test_numbers_glued_to_entries_make_a_numbered_list():
    # a publisher's list whose numbers sit in their own element: extracted as "1Example Institute ...", each entry a
    # paragraph, link labels glued after the last full stop, no heading; corporate authors and "Surname, XX," names
    text = ("# Falls in later life\n\n"
            "Falls research has grown in recent years.\n\n"
            "1Example Institute for Care Excellence. Falls: assessment in older people. London: 2009, Clinical Guideline 9."
            "[Google Scholar](#)\n\n"
            "2Department of Example Health. A framework for older people. London. Department of Example Health; 2003."
            "[Google Scholar](#)\n\n"
            "3Holm, AB, Berg, CD, Lind, E. Assessing falls in a ward. A randomised trial. Ann Ex Med 1994; 12: 30-36."
            "[CrossRef](#)[Google Scholar](#)\n")
    refs = _refs(text)
    assert [r.number for r in refs] == ["1", "2", "3"]
    assert refs[0].authors == ["Example Institute for Care Excellence"] and refs[0].year == 2009
    assert refs[1].authors[0].startswith("Department of Example Health") and refs[1].year == 2003
    assert (refs[2].authors, refs[2].year, refs[2].journal) == (["Holm AB", "Berg CD", "Lind E"], 1994, "Ann Ex Med")
    assert not [s for s in parse_document(text).sentences if "Google Scholar" in s.text or "Institute" in s.text]


def test_a_lone_glued_number_is_left_alone():
    lines = ["3D scans show the joint.", "", "2Fast runners were faster."]
    assert unglue_numbers(lines) == lines
    assert unglue_numbers(["1Lee AB. Title.", "", "2Kim C. Title.", "Text", "4Park D. Title."]) == \
        ["[1] Lee AB. Title.", "", "[2] Kim C. Title.", "Text", "4Park D. Title."]


def test_vancouver_names_with_a_comma_after_each_surname():
    ref = parse_reference("Holm, AB, Berg, CD, Lind, E. Title of a trial. Ex J Med 1994; 12: 30-36.")
    assert ref.authors == ["Holm AB", "Berg CD", "Lind E"]
    # APA pairs are still pairs
    assert parse_reference("Holm, A. B., & Berg, C. (2019). Title. Ex J, 3(1), 1-9.").authors == ["Holm AB", "Berg C"]


def test_an_nlm_web_source_paragraph_among_plain_entries():
    # the older NLM web form: "[online]. (Year) [cited ...]. Available from URL: www.address", a paragraph of its own
    line = ("Example Agency for Injury Control. Injury data query system [online]. (2006) [cited 2007 Jan 15]. "
            "Available from URL: www.example.gov/injury/data.")
    assert web_entry(line)
    text = ("## What to read\n\nLee AB, Park C. Falls at home. Example Journal of Ageing 1999;28:121-9.\n\n" + line + "\n\n"
            "Kim D, Ruiz E. Gait and falls. Example Archives of Rehabilitation 2001;82:1050-6.\n")
    refs = _refs(text)
    assert len(refs) == 3
    assert (refs[1].kind, refs[1].url, refs[1].year) == ("web", "www.example.gov/injury/data", 2006)
    assert not web_entry("You can read more about it at our site, available from www.example.org/page.")


# Documented styles written as paragraphs or items with no heading over them (examples written for this test from the
# style guides' patterns): each was read under a "References" heading but not on its own.

def _headingless(entries: list[str], bullets: bool = False) -> list[Reference]:
    intro = "# Knee pain and exercise\n\nExercise helps most people with knee pain, and it is safe.\n\n"
    return _refs(intro + ("\n".join("- " + e for e in entries) if bullets else "\n\n".join(entries)) + "\n")


def test_headingless_mla9_entries():
    entries = ["Holm, Anna, et al. \u201cKnee Strength after a Tear.\u201d Journal of Example Rehabilitation, vol. 12, no. 3, "
               "2021, pp. 45-67.",
               "Okafor, Nnamdi, and Tom Van der Berg. \u201cWalking for Back Pain.\u201d Example Spine Review, vol. 8, 2019, "
               "pp. 101-09."]
    for bullets in (False, True):
        refs = _headingless(entries, bullets)
        assert [(r.authors[0], r.year) for r in refs] == [("Holm A", 2021), ("Okafor N", 2019)]


def test_headingless_nlm_book_chapters():
    entries = ["1. Holm AB, Berg C. Rehabilitation of the knee. In: Lind E, Kim D, editors. Textbook of example "
               "physiotherapy. 3rd ed. London: Example Press; 2018. p. 101-20.",
               "2. Okafor N. Back pain in adults. In: Ruiz E, editor. Example primary care. Philadelphia: Example Health; "
               "2020. p. 45-60."]
    refs = _headingless(entries)
    assert [(r.authors[0], r.year) for r in refs] == [("Holm AB", 2018), ("Okafor N", 2020)]


def test_headingless_chicago_bibliography_with_middle_initials():
    entries = ["Holm, Anna B., Carl Berg, and Eva Lind. \u201cKnee Strength after a Tear.\u201d Journal of Example "
               "Rehabilitation 12, no. 3 (2021): 45\u201367.",
               "Okafor, Nnamdi. \u201cWalking for Back Pain.\u201d Example Spine Review 8 (2019): 101\u20139."]
    refs = _headingless(entries)
    assert [(r.authors[0][:4], r.year) for r in refs] == [("Holm", 2021), ("Okaf", 2019)]


def test_headingless_organisation_pages_in_apa_and_harvard():
    entries = ["World Example Organization. (2022, March 3). Musculoskeletal health fact sheet. "
               "https://www.example.int/fact-sheets/msk",
               "Example Arthritis Charity (2021) Exercise and osteoarthritis. Available at: "
               "https://www.example-charity.org/exercise (Accessed: 3 May 2023).",
               "Example Back Society, 2020. Back pain. [online] Available at: <https://www.example-society.org/back> "
               "[Accessed 3 May 2023]."]
    refs = _headingless(entries)
    assert [(r.kind, r.year, r.url) for r in refs] == [
        ("web", 2022, "https://www.example.int/fact-sheets/msk"),
        ("web", 2021, "https://www.example-charity.org/exercise"),
        ("web", 2020, "https://www.example-society.org/back")]


def test_a_sentence_with_a_year_and_a_link_is_no_web_entry():
    assert not web_entry("Example Charity (2021) says exercise helps. Read more at https://www.example.org/news")
    doc = parse_document("Example Charity (2021) says exercise helps. Read more at https://www.example.org/news\n")
    assert doc.reference_lines == []


def test_elsevier_numbered_style_with_initials_first():
    # "[n] A.B. Surname, C. Surname, Title, J. Abbrev. vol (year) pages." — with and without a heading
    entries = ["[1] A.B. Holm, C. Berg, Knee strength after a tear, J. Ex. Rehabil. 12 (2021) 45\u201367.",
               "[2] N. Okafor, Walking for back pain, Ex. Spine Rev. 8 (2019) 101\u2013109."]
    for text in ("## References\n\n" + "\n".join(entries) + "\n", "\n\n".join(e[4:] for e in entries) + "\n"):
        refs = _refs("# Knee pain\n\nExercise helps most people with knee pain.\n\n" + text)
        assert [(r.kind, r.authors[0], r.year, r.journal) for r in refs] == [
            ("list", "Holm AB", 2021, "J. Ex. Rehabil"), ("list", "Okafor N", 2019, "Ex. Spine Rev")]


def test_footnote_numbers_without_a_stop_before_plain_entries():
    refs = _headingless(["1 Holm AB, Berg C. Knee strength. J Ex Rehabil. 2021;12:45-67.\n"
                         "2 Okafor N, Kim D. Walking for back pain. Ex Spine Rev. 2019;8:101-9."])
    assert [(r.number, r.authors[0], r.year) for r in refs] == [("1", "Holm AB", 2021), ("2", "Okafor N", 2019)]
    # a numbered sentence is not an entry
    assert parse_document("3 Tips for a healthy back. Walk every day, 2021; 5 minutes is enough.\n").reference_lines == []


def test_apa_chapter_in_an_edited_book_has_no_journal():
    ref = parse_reference("Holm, A. B. (2018). Rehabilitation of the knee. In E. Lind & D. Kim (Eds.), Textbook of example "
                          "physiotherapy (3rd ed., pp. 101\u2013120). Example Press.")
    assert (ref.authors, ref.year, ref.title, ref.journal) == (["Holm AB"], 2018, "Rehabilitation of the knee", None)
    assert parse_reference("Holm, A. B. (2018). Knee rehabilitation. Journal of Example Rehabilitation, 12(3), 45\u201367."
                           ).journal == "Journal of Example Rehabilitation"


def test_empty_anchors_in_a_list_neither_drop_nor_glue_its_entries():
    # footnote targets ("<a name='r1'></a>") opening list items, and icon links whose text is empty, made the HTML
    # extractor drop those items' text or run the items of the list into one line
    from physiohub.check.extract import article_text
    html = ("<html><body><h1>Knee pain</h1><p>Exercise helps most people with knee pain, and it is safe to start slowly "
            "with a few minutes a day.</p><h2>References</h2><ol>"
            "<li><a name='r1'></a>Lee AB, Park C. Knee pain and walking. J Ex Med. 2003;11(10):1159-62.</li>"
            "<li><a id='r2'></a>Kim D, Ruiz E. Back pain at work. Spine Ex. 2005;12:1-9.</li>"
            "<li>Example Society of Knee Surgeons. <a href='https://www.example-knee.org'></a>.</li>"
            "<li>Holm AB, Berg C. Hip pain. Ex Hip J. 2010;3:4-9. <a href='https://www.example.org/x'>&nbsp;</a></li>"
            "</ol></body></html>")
    text = article_text(html, html=True)
    assert "1. Lee AB, Park C." in text and "2. Kim D, Ruiz E." in text
    refs = _refs(text)
    assert [(r.authors[0], r.year) for r in refs] == [("Lee AB", 2003), ("Kim D", 2005),
                                                     ("Example Society of Knee Surgeons", None), ("Holm AB", 2010)]


def test_a_list_announced_as_references_takes_its_organisation_names_too():
    # "Selected references are listed below." before a list whose first items are organisations with no link text left
    text = ("# Back pain\n\nThis page was written from a review of the research. Selected references are listed below.\n\n"
            "1. Example Academy of Spine Surgeons. .\n2. Example Chiropractic Society.\n"
            "3. Lee AB, Park C, Kim D, et al. Weight gain and back pain. Ex Obes J. 2003;11(10):1159-62. View Abstract\n"
            "4. Holm AB, Berg C. A back school trial. Spine Ex. 2007;32(7):711-9. View Abstract\n")
    refs = _refs(text)
    assert [(r.kind, r.authors[0], r.year) for r in refs] == [
        ("web", "Example Academy of Spine Surgeons", None), ("web", "Example Chiropractic Society", None),
        ("list", "Lee AB", 2003), ("list", "Holm AB", 2007)]
    assert refs[2].journal == "Ex Obes J"


def test_a_lead_in_before_a_list_of_findings_makes_no_references():
    text = ("# Back pain\n\nThe main results of the studies are shown below.\n\n"
            "- Walking cut pain by a third.\n- Yoga helped sleep.\n- Most people improved within six weeks.\n")
    assert parse_document(text).reference_lines == []


def test_title_first_citation_with_given_name_first_authors():
    trial = parse_reference("Walking or Resting for Acute Knee Pain: A Randomized Comparison , T.W. Lind, Sandra Berg, "
                            "A.O. Kim, Example Medical Journal, Volume 120, 3 May 1994, Pages 101-107.")
    assert (trial.authors, trial.year, trial.journal) == (["Lind TW", "Berg S", "Kim AO"], 1994, "Example Medical Journal")
    report = parse_reference("The Costs of Managing Back Pain in Primary Care, Anna Holm, Ph.D., Carl Berg, M.A. Funded by "
                             "the Example Ministry of Health, August, 1995, Page 40.")
    assert (report.authors, report.year, report.journal) == (["Holm A", "Berg C"], 1995, None)
    # a title in title case with commas is no list of names
    ref = parse_reference("Knee Pain, Hip Pain, and Back Pain. Example Health Press, 2001.")
    assert "Hip Pain" not in " ".join(ref.authors)


_ARTICLE = ("<html><body><h1>Knee pain</h1><p>Exercise helps most people with knee pain, and it is safe to start slowly with "
            "a few minutes every day of the week.</p><p>Most people improve within six weeks when they keep active and "
            "build up slowly.</p>")
_ENTRIES = ["Lee AB, Park C. Knee pain and walking. J Ex Med. 2003;11(10):1159-62.",
            "Kim D, Ruiz E. Back pain at work. Spine Ex. 2005;12:1-9.",
            "Holm AB, Berg C. Hip pain in runners. Ex Hip J. 2010;3:4-9."]


def _html_refs(tail: str) -> list[str]:
    from physiohub.check.extract import article_text
    return [r.authors[0] for r in _refs(article_text(_ARTICLE + tail + "</body></html>", html=True))]


def test_a_short_list_at_the_end_of_an_article_is_kept():
    # the extractor leaves out a list of one or two entries (three under a bold paragraph) at an article's end
    for heading in ("<h2>References</h2>", "<h3>Sources</h3>", "<p><strong>References</strong></p>"):
        for n in (1, 2, 3):
            items = "".join(f"<li>{e}</li>" for e in _ENTRIES[:n])
            assert _html_refs(heading + "<ol>" + items + "</ol>") == ["Lee AB", "Kim D", "Holm AB"][:n], (heading, n)


def test_a_reference_table_after_its_heading_is_kept():
    rows = "".join(f"<tr><td>{i}</td><td>{e}</td></tr>" for i, e in enumerate(_ENTRIES, 1))
    assert _html_refs("<h2>References</h2><table>" + rows + "</table>") == ["Lee AB", "Kim D", "Holm AB"]


def test_entries_the_extractor_kept_are_not_added_twice():
    # kept with markup of their own: an emphasised journal, superscript numbers, footnote back-links
    em = "".join(f"<li>{e.replace('Spine Ex', '<em>Spine Ex</em>')}</li>" for e in _ENTRIES)
    assert _html_refs("<h2>References</h2><ol>" + em + "</ol>") == ["Lee AB", "Kim D", "Holm AB"]
    sup = "".join(f"<li><sup>{i}</sup> {e}</li>" for i, e in enumerate(_ENTRIES, 1))
    assert _html_refs("<h2>References</h2><ul>" + sup + "</ul>") == ["Lee AB", "Kim D", "Holm AB"]
    notes = "".join(f"<li id='fn{i}'><p>{e} <a href='#fnref{i}'>\u21a9</a></p></li>" for i, e in enumerate(_ENTRIES, 1))
    assert _html_refs("<div class='footnotes'><hr><ol>" + notes + "</ol></div>") == ["Lee AB", "Kim D", "Holm AB"]


def test_numbers_in_their_own_span_glued_with_their_stop():
    divs = "".join(f"<div class='ref'><span>{i}.</span><span>{e}</span></div>" for i, e in enumerate(_ENTRIES, 1))
    assert _html_refs("<h2>References</h2>" + divs) == ["Lee AB", "Kim D", "Holm AB"]


def test_a_heading_that_is_not_about_references_brings_nothing_back():
    from physiohub.check.extract import article_text
    text = article_text(_ARTICLE + "<h2>Related posts</h2><ul><li>Five myths about knee pain (2019)</li></ul></body></html>",
                        html=True)
    assert "Five myths" not in text or not _refs(text)


def test_a_list_of_entries_with_no_heading_at_the_end_is_kept():
    for tag in ("ol", "ul"):
        for n in (1, 2, 3):
            items = "".join(f"<li>{e}</li>" for e in _ENTRIES[:n])
            assert _html_refs(f"<{tag}>{items}</{tag}>") == ["Lee AB", "Kim D", "Holm AB"][:n], (tag, n)
    # a list of advice is not brought back as references
    from physiohub.check.extract import article_text
    text = article_text(_ARTICLE + "<ul><li>Walk every day</li><li>Keep your knees warm (2021 advice)</li></ul></body></html>",
                        html=True)
    assert not _refs(text)


def test_brought_back_entries_keep_their_links():
    # a short 'Sources' list of organisation links, and an entry whose title links to its DOI
    from physiohub.check.extract import article_text
    links = ("<h2>Sources</h2><ul><li><a href='https://www.example-health.org/knee-pain/'>Example Health: Knee pain</a></li>"
             "<li><a href='https://www.example-charity.org/arthritis/'>Example Charity: About arthritis</a></li></ul>")
    refs = _refs(article_text(_ARTICLE + links + "</body></html>", html=True))
    assert [(r.kind, r.url) for r in refs] == [("web", "https://www.example-health.org/knee-pain/"),
                                               ("web", "https://www.example-charity.org/arthritis/")]
    doi = ("<h2>References</h2><ol><li>Lee AB, Park C. <a href='https://doi.org/10.5555/exm.2003.1'>Knee pain and walking"
           "</a>. J Ex Med. 2003;11:1159-62.</li></ol>")
    refs = _refs(article_text(_ARTICLE + doi + "</body></html>", html=True))
    assert [(r.authors[0], r.doi) for r in refs] == [("Lee AB", "10.5555/exm.2003.1")]


def test_an_organisation_page_line_starts_an_entry_in_a_list_without_blank_lines():
    text = ("# Knee pain\n\nExercise helps most people with knee pain, and it is safe.\n\n**References**\n"
            "Lee AB, Park C. Knee pain and walking. J Ex Med. 2003;11:1159-62.\n"
            "Example Charity. Exercise and arthritis. https://www.example-charity.org/exercise\n")
    assert [(r.kind, r.authors[0]) for r in _refs(text)] == [("list", "Lee AB"), ("web", "Example Charity")]


def test_entries_in_a_block_quote():
    text = ("# Knee pain\n\nExercise helps most people with knee pain, and it is safe.\n\nReferences\n\n"
            "> Lee AB, Park C. Knee pain and walking. J Ex Med. 2003;11:1159-62.\n>\n"
            "> Kim D, Ruiz E. Back pain at work. Spine Ex. 2005;12:1-9.\n")
    assert [(r.authors[0], r.year) for r in _refs(text)] == [("Lee AB", 2003), ("Kim D", 2005)]


def test_an_organisation_with_and_in_its_name_and_an_abbreviation_is_one_author():
    ref = parse_reference("1. Example Institute for Health and Care Quality (EIHCQ). Knee pain in adults. NG999. 2022.")
    assert (ref.kind, ref.authors, ref.year, ref.journal) == ("web", ["Example Institute for Health and Care Quality"], 2022, None)
    assert parse_reference("Lee AB and Park C. Knee. Ex J. 2001;3:1-9.").authors == ["Lee AB", "Park C"]
