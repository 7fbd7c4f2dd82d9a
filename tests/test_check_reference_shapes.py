"""Reference entries by shape, and reference lists laid out without a heading (issue 13, session 7).

Each shape of entry has a parser of its own in ``physiohub.check.references``; each test below holds entries
written for this test (authors, titles and identifiers are invented) in one shape the earlier parsers missed."""
from __future__ import annotations

from physiohub.check.document import parse_document
from physiohub.check.references import inline_references, link_citations, parse_reference, parse_reference_list


def test_chicago_entry_quoted_title_and_year_in_brackets():
    r = parse_reference("Marsh, Ellen T, Karl Ödegaard, and Priya N Rao. “Mat Work for Hip Pain: A Pilot Trial.” "
                        "Journal of Movement Studies 14, no. 3 (2017): 201–9. [PDF]")
    assert r.authors[0] == "Marsh ET" and r.authors[1] == "Ödegaard K"
    assert (r.year, r.title, r.journal) == (2017, "Mat Work for Hip Pain: A Pilot Trial", "Journal of Movement Studies")
    patent = parse_reference("Fenwick, Dale R. “Folding Exercise Bench.” Example Patents, March 2, 2004.")
    assert patent.authors == ["Fenwick DR"] and patent.year == 2004


def test_harvard_year_after_the_authors_without_brackets():
    r = parse_reference("Hale, M. J., & Ostrow, T. B., 2011. Is knee pain a load problem? A model for clinicians. "
                        "Journal of knee therapy, 12(4), 301-309.")
    assert r.authors == ["Hale MJ", "Ostrow TB"] and r.year == 2011
    assert r.title == "Is knee pain a load problem? A model for clinicians" and r.journal == "Journal of knee therapy"
    book = parse_reference("Varga, P., 2015. Clinical running medicine. Example Press.")
    assert book.authors == ["Varga P"] and book.year == 2015


def test_entries_on_consecutive_lines_under_a_heading_are_one_entry_each():
    page = ("Runners often get it Varga, P., 2015. Loading helps.\n\nReferences:\n"
            "Varga, P., 2015. Clinical running medicine. Example Press.\n"
            "Hale, M. J., & Ostrow, T. B., 2011. Is knee pain a load problem? A model for clinicians. "
            "Journal of knee therapy, 12(4), 301-309.\n")
    doc = parse_document(page)
    assert len(doc.reference_lines) == 2
    refs = parse_reference_list(doc.reference_lines)
    assert [r.authors[0] for r in refs] == ["Varga P", "Hale MJ"]
    # a wrapped entry is not cut at its journal line
    wrapped = parse_document("Text.\n\n## References\nHale, M. J., & Ostrow, T. B., 2011. Is knee pain a load problem?\n"
                             "Br J Knee Ther. 2011;12(4):301-9.\n")
    assert len(wrapped.reference_lines) == 1


def test_comma_separated_fields_with_the_year_last():
    r = parse_reference("Ostrow TB and Hale MJ, Heavy slow loading for knee tendons., Br J Knee Ther, 43;409-416, 2009")
    assert (r.authors, r.year, r.journal) == (["Ostrow TB", "Hale MJ"], 2009, "Br J Knee Ther")
    assert r.title == "Heavy slow loading for knee tendons"
    r = parse_reference("Rao P, van Kessel JW, Why tendons hurt: a review, with notes, Tendon Res, 50, 1187-1191, 2016")
    assert r.authors == ["Rao P", "van Kessel JW"] and r.title == "Why tendons hurt: a review, with notes"
    assert (r.journal, r.year) == ("Tendon Res", 2016)


def test_author_date_without_a_full_stop_and_journal_before_its_volume():
    r = parse_reference("Ng T, Åberg L, Moss K (2012) Does rest help the shoulder? A randomised trial. "
                        "Shoulder Res Pract. 21(5):118-26")
    assert r.authors == ["Ng T", "Åberg L", "Moss K"] and r.year == 2012
    assert r.journal == "Shoulder Res Pract" and r.title.startswith("Does rest help the shoulder?")
    r = parse_reference("Ng T, Moss K. (2014) Exercise for shoulder pain: a trial. BMJ 348:e123 doi: 10.1000/xyz.5")
    assert (r.journal, r.year, r.doi) == ("BMJ", 2014, "10.1000/xyz.5")
    r = parse_reference("Moss K (2010) Shoulder exercise. Example Journal of Physiotherapy 51:87-94")
    assert r.journal == "Example Journal of Physiotherapy"


def test_wiki_backlinks_before_an_entry_are_dropped():
    r = parse_reference("2. \u2191 Jump up to:2.0 2.1 2.2 Ng T, Moss K. Exercise for shoulder pain. Physiotherapy. 2013 Jun 1;99(2):11-9.")
    assert r.number == "2" and r.authors == ["Ng T", "Moss K"] and (r.year, r.journal) == (2013, "Physiotherapy")
    r = parse_reference("^ a b Ng T. Shoulder pain. Physiotherapy. 2013;99:11-9.")
    assert r.authors == ["Ng T"]


def test_particles_glued_years_and_bracketed_notes_in_vancouver_entries():
    r = parse_reference("da Costa JL, de Vries TH. Gait before and after mat classes. J Gait Rehabil. 2009;18:269-282.")
    assert r.authors == ["da Costa JL", "de Vries TH"] and r.year == 2009
    r = parse_reference("Hale A, Ng T. Mat classes for back pain [abstract]. J Bone Spine Surg.2001;83B.")
    assert (r.year, r.journal) == (2001, "J Bone Spine Surg")
    r = parse_reference("Ng T, Moss K. Does mat work change mood? [Turkish]. Fizyo Derg. 2008;19:202.")
    assert r.title == "Does mat work change mood? [Turkish]" and r.journal == "Fizyo Derg"
    r = parse_reference("de Groot, R. M. J., & Lee, A. (2021). Neck exercise compared. Spine Rev, 5(1), 1-9.")
    assert r.authors == ["de Groot RMJ", "Lee A"]


SHAPES_WITHOUT_HEADING = """# Reading for clinicians

Here are the papers our team discussed this term.

Ng T, Åberg L, Moss K (2012) Does rest help the shoulder? A randomised trial. Shoulder Res Pract. 21(5):118-26

Ostrow TB and Hale MJ, Heavy slow loading for knee tendons., Br J Knee Ther, 43;409-416, 2009

A short note on what the team took from it.

Bryan P, Hughes S. Mat classes after knee surgery. Tech Knee.

Hale, M. J., & Ostrow, T. B., 2011. Is knee pain a load problem? Journal of knee therapy, 12(4), 301-309.
"""


def test_entries_as_plain_paragraphs_without_a_heading_are_references_not_sentences():
    doc = parse_document(SHAPES_WITHOUT_HEADING)
    assert len(doc.reference_lines) == 4
    texts = " ".join(s.text for s in doc.sentences)
    assert "Heavy slow loading" not in texts and "Does rest help the shoulder" not in texts
    assert "A short note on what the team took from it." in texts


def test_a_qualified_bibliography_heading_opens_a_reference_list():
    page = ("Mat work is popular.\n\n## Pilates Bibliography\n\n"
            "Marsh, Ellen T. “Mat Work for Hip Pain.” Journal of Movement Studies 14, no. 3 (2017): 201–9.\n")
    doc = parse_document(page)
    assert len(doc.reference_lines) == 1
    assert not any("Mat Work for Hip Pain" in s.text for s in doc.sentences)


def test_a_source_line_under_a_news_story_is_a_web_reference():
    doc = parse_document("# Knee study shows benefit\n\nA trial found that walking helped.\n\nSource: Example News\n")
    assert "Source: Example News" not in doc.headings
    refs = parse_reference_list(doc.reference_lines)
    assert len(refs) == 1 and refs[0].kind == "web" and refs[0].authors == ["Example News"]
    # link labels of a reference list are no references
    assert parse_reference_list(["PubMed", "Google Scholar"]) == []


def test_a_page_footer_under_the_list_is_no_reference():
    refs = parse_reference_list(["Ng T, Moss K. Shoulder pain. Physiotherapy. 2013;99:11-9.",
                                 "Copyright Example Physiotherapy. All rights reserved."])
    assert len(refs) == 1


def test_an_organisation_cited_by_its_initials_is_the_listed_entry():
    page = ("Knee pain is common (NBJH, 2019).\n\n## References\n\n"
            "National Bureau of Joint Health. (2019). Knee pain in numbers. https://www.example.org/knee\n")
    doc = parse_document(page)
    listed = parse_reference_list(doc.reference_lines)
    assert inline_references(doc.sentences, listed) == []
    assert link_citations(["NBJH 2019"], listed) == listed


def test_citations_glued_to_the_sentence_end_and_dated_journal_citations():
    doc = parse_document("Tendons adapt to load Hale, M. J., & Ostrow, T. B., 2011. This is common.\n\n"
                         "A review found gains (Physiotherapy. 2013 Jun 1;99(2):11-9). More text.")
    refs = inline_references(doc.sentences, [])
    assert [(r.authors[:1], r.journal, r.year) for r in refs] == [(["Hale MJ"], None, 2011), ([], "Physiotherapy", 2013)]


def test_nlm_internet_page_of_an_organisation_is_web():
    r = parse_reference("National Bureau of Joint Health. Knee pain: care and management [Internet]. London: NBJH; 2022 "
                        "[cited 2023 Jan 5]. Available from: https://www.example.org/guidance/kp1")
    assert r.kind == "web" and r.year == 2022 and r.authors == ["National Bureau of Joint Health"]
    assert r.url == "https://www.example.org/guidance/kp1"


def test_numbered_harvard_entries_without_a_heading_are_a_reference_list():
    doc = parse_document("Loading helps tendons.\n\n1. Hale, M. J., 2009. Is knee pain a load problem? Br J Knee Ther, 43(6), 409-416.\n"
                         "2. Ostrow, T., 2015. Isometric holds. Br J Knee Ther, 49(19), 1277-1283.\n")
    assert [s.text for s in doc.sentences] == ["Loading helps tendons."]
    assert [r.authors[0] for r in parse_reference_list(doc.reference_lines)] == ["Hale MJ", "Ostrow T"]


def test_an_entry_glued_after_the_last_sentence_is_a_reference_not_sentences():
    page = ("A review found that exercise cut pain by a third. Ng T, Moss K. Exercise for knee pain. "
            "J Knee Ther. 2019;49(3):123-30.\n\nMore text follows here.\n\n"
            "1. Hale A. Knee pain. Physiotherapy. 2018;104:1-9.\n2. Ostrow T. Hip pain. Physiotherapy. 2017;103:2-8.\n\n"
            "Walking helped too. Rao P, Lind K, et al. Walking for hip pain. Hip J. 2020;321(5):456-467. doi:10.1000/hip.1\n")
    doc = parse_document(page)
    assert [s.text for s in doc.sentences] == ["A review found that exercise cut pain by a third.", "More text follows here.",
                                               "Walking helped too."]
    refs = parse_reference_list(doc.reference_lines)
    assert sorted(r.authors[0] for r in refs) == ["Hale A", "Ng T", "Ostrow T", "Rao P"]
    assert next(r for r in refs if r.authors[0] == "Rao P").doi == "10.1000/hip.1"


def test_news_source_lines_people_quoted_and_access_dates():
    doc = parse_document("# Knee study\n\nA trial found gains.\n\n"
                         "SOURCES: Jane Smith, M.D., professor, orthopaedics, Example University; Example Journal of Knee Surgery, "
                         "Jan. 5, 2021\n")
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.journal, r.year) for r in refs] == [("Example Journal of Knee Surgery", 2021)]
    r = parse_reference('Ng T, et al. "Walking for knee pain," Example Network Open, March 3, 2021.')
    assert r.authors == ["Ng T"] and r.year == 2021
    web = parse_reference("Example Arthritis Society. Exercise and arthritis. Accessed May 1, 2022. https://www.example.org/exercise")
    assert web.kind == "web" and web.journal is None and web.authors == ["Example Arthritis Society"]


def test_name_year_styles_with_the_year_after_the_authors():
    r = parse_reference("Ng T, Moss K. 2019. Walking for knee pain. Journal of Knee Health 12(3):45-67.")
    assert (r.authors, r.year, r.title, r.journal) == (["Ng T", "Moss K"], 2019, "Walking for knee pain", "Journal of Knee Health")
    r = parse_reference("Moss, K. et al. 2018. 'Hip pain in runners', Journal of Hip Health, 12(3), pp. 45–67.")
    assert (r.authors, r.year, r.title, r.journal) == (["Moss K"], 2018, "Hip pain in runners", "Journal of Hip Health")


def test_title_first_journal_citation_and_news_source_lines():
    r = parse_reference("Walking for knee pain. Knee Med. 2019;321:456-67.")
    assert (r.authors, r.title, r.journal, r.year) == ([], "Walking for knee pain", "Knee Med", 2019)
    # an organisation's page with a plain year stays a web page
    web = parse_reference("Example Health Organization. Back pain fact sheet. 2023. https://www.example.org/back-pain")
    assert web.kind == "web" and web.authors == ["Example Health Organization"]
    short = parse_reference_list(parse_document("# News\n\nA trial found gains.\n\n"
                                                "SOURCE: bit.ly/3xyz Journal of Example Medicine, online March 3, 2021.\n").reference_lines)
    assert [(r.journal, r.year, r.kind) for r in short] == [("Journal of Example Medicine", 2021, "list")]
    named = parse_reference_list(parse_document("# News\n\nA trial found gains.\n\nSource: Journal of Example Therapy\n").reference_lines)
    assert [(r.journal, r.kind) for r in named] == [("Journal of Example Therapy", "list")]
    nd = parse_reference("Example Health Service. (n.d.). Knee pain. Retrieved from https://www.example.org/knee")
    assert nd.kind == "web" and nd.title == "Knee pain"


def test_entries_numbered_with_a_bare_number():
    doc = parse_document("Text here.\n\n## References\n\n1 Ng T, Moss K. Walking for knee pain. J Knee. 2019;12:45-67.\n"
                         "2 Hale S. Hip pain. Hip J. 2018;3:1-9.\n")
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.number, r.authors[0]) for r in refs] == [("1", "Ng T"), ("2", "Hale S")]


def test_access_words_inside_a_title_do_not_cut_the_entry():
    r = parse_reference("Ng T. Commonly cited myths about back pain. J Back Care. 2019;1:2-9.")
    assert (r.title, r.journal, r.year) == ("Commonly cited myths about back pain", "J Back Care", 2019)
    r = parse_reference("Ng T. Care accessed by older adults: the available evidence. J Back Care. 2019;1:2-9.")
    assert r.journal == "J Back Care"
    r = parse_reference("Moss K. Knee pain. Example Med: Open. 2021;3:e1.")
    assert r.journal == "Example Med: Open"


def test_link_labels_are_no_references_but_a_short_news_source_is():
    refs = parse_reference_list(["1. Ng T, Moss K. Shoulder pain. Physiotherapy. 2013;99:11-9.", "View Article",
                                 "2. Hale A. Knee pain. Physiotherapy. 2014;100:1-9."])
    assert [(r.number, r.journal, r.year) for r in refs] == [("1", "Physiotherapy", 2013), ("2", "Physiotherapy", 2014)]
    doc = parse_document("# News\n\nA trial found gains.\n\nSource: Reuters\n")
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.kind, r.authors) for r in refs] == [("web", ["Reuters"])]


def test_a_list_of_articles_and_organisation_pages_under_any_heading_is_a_reference_list():
    page = ("# Knee pain\n\nExercise helps knee pain, a review found.[1]\n\n## Resources\n\n"
            "1. Ng, T. (2019). Walking. *Journal of Knee Health*, *12*(3), 45-67. [https://doi.org/10.1000/abc](https://doi.org/10.1000/abc)\n"
            "2. Example Arthritis Society. Knee exercises. [Link](https://www.example.org/knee)\n")
    doc = parse_document(page)
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.kind, r.journal, r.doi) for r in refs] == [("list", "Journal of Knee Health", "10.1000/abc"), ("web", None, None)]
    assert not any("Knee exercises" in s.text for s in doc.sentences)
    # a bullet list of advice with a link is no reference list
    advice = parse_document("Tips:\n\n- Walk daily. Start slowly. https://www.example.org/walk\n- Rest when sore. https://www.example.org/rest\n")
    assert advice.reference_lines == []


def test_a_study_label_holds_a_reference_only_when_an_entry_follows():
    doc = parse_document("# Knee pain\n\nA review found gains.\n\nStudy: Ng T, Moss K. Walking for knee pain. Knee Med. 2019;321:456-67.\n\n"
                         "Study: walking halves knee pain\n")
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.authors[0], r.year) for r in refs] == [("Ng T", 2019)]
    assert any(s.text == "Study: walking halves knee pain" for s in doc.sentences)


def test_narrative_and_organisation_citations_in_the_text():
    doc = parse_document("Hale and colleagues (2019) found that walking helps. Moss (2017) reported the same. "
                         "Rest did not help (see Ostrow, 2015). Guidance agrees (Example Arthritis Society [EAS], 2021). "
                         "In (2019) nothing happened.")
    refs = inline_references(doc.sentences, [])
    assert [(r.authors[0], r.year) for r in refs] == [("Hale", 2019), ("Moss", 2017), ("Ostrow", 2015),
                                                      ("Example Arthritis Society", 2021)]


def test_numbered_organisation_reports_without_a_heading_are_a_reference_list():
    doc = parse_document("Neck pain is common (1, 2). Manipulation carries small risks (3).\n\n"
                         "1. Example Health Organization. Musculoskeletal health fact sheet. 2022.\n"
                         "2. Example Institute of Health and Welfare. Chronic musculoskeletal conditions. Canberra: EIHW; 2020.\n"
                         "3. Example Chiropractic Association. Safety of spinal manipulation: a report. 2019.\n")
    assert [s.text for s in doc.sentences] == ["Neck pain is common (1, 2).", "Manipulation carries small risks (3)."]
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.number, r.kind, r.year) for r in refs] == [("1", "web", 2022), ("2", "web", 2020), ("3", "web", 2019)]


def test_superscript_numbers_after_the_full_stop_are_citations():
    doc = parse_document("Neck pain is common.1,2 Manipulation carries small risks.3\n\nPain fell by 2.5 points. See Fig.1 "
                         "Then more. The DOI is doi:10.1000/hip.1\n")
    assert [s.text for s in doc.sentences] == ["Neck pain is common [1,2].", "Manipulation carries small risks [3].",
                                               "Pain fell by 2.5 points.", "See Fig.1 Then more.", "The DOI is doi:10.1000/hip.1"]


def test_an_organisation_guideline_cited_by_year_is_an_inline_reference():
    doc = parse_document("The EXAMPLE guideline on low back pain (NG99, 2016) advises against imaging. "
                         "The Example College of Physicians guideline (2017) says the same.")
    refs = inline_references(doc.sentences, [])
    assert [(r.authors, r.year) for r in refs] == [(["EXAMPLE"], 2016), (["Example College of Physicians"], 2017)]


def test_chicago_author_date_year_after_the_names():
    r = parse_reference("Marsh, Ellen, and Karl Lee. 2017. “Mat Work for Hip Pain.” Journal of Movement Studies 14 (3): 201–9.")
    assert (r.authors, r.year, r.title, r.journal) == (["Marsh E", "Lee K"], 2017, "Mat Work for Hip Pain", "Journal of Movement Studies")


def test_a_claim_names_its_journal_spelled_out_from_the_abbreviation():
    from physiohub.check.references import named_references
    refs = parse_reference_list(["Ng T, Moss K. A digital care trial. NPJ Digit Knee. 2023;6(1):121. doi:10.1000/dk.1",
                                 "Hale A. Other. J Orthop Knee Ther. 2020;1:2."])
    assert named_references("Last month, npj Digital Knee published a paper reporting a trial.", None, refs) == refs[:1]
    assert named_references("A 2020 paper in the Journal of Orthopaedic & Knee Therapy found gains.", 2020, refs) == refs[1:]
    assert named_references("A paper in Digital Health found gains.", None, refs) == []


def test_an_organisation_named_in_a_claim_is_linked_to_its_guideline_by_initials():
    from physiohub.check.references import named_references
    refs = parse_reference_list(["Ng, T., & Moss, K. (2019). EKS guidelines for knee pain care. Knee Care, 27(11), 1578–1589.",
                                 "Hale, A. (2018). Walking for knee pain. Knee Care, 26(1), 1-9."])
    assert named_references("The Example Knee Society says there is strong evidence that exercise helps.", None, refs) == refs[:1]
    assert named_references("The Other Health Group says so.", None, refs) == []


def test_acronyms_that_take_more_than_first_letters():
    from physiohub.check.references import _acronym_of
    assert _acronym_of("ERSI", "Example Research Society International".split())
    assert _acronym_of("EARSI", "Examplearthritis Research Society International".split())
    assert not _acronym_of("ERS", "Example Research Society International".split())
    assert not _acronym_of("ERXI", "Example Research Society International".split())


def test_a_title_linked_entry_keeps_its_journal_and_a_ref_label_holds_an_entry():
    doc = parse_document("Text.\n\n## References\n\n1. [Walking for knee pain: a trial](https://pubmed.ncbi.nlm.nih.gov/12345/). "
                         "Knee Med. 2019;321:456-67.\n2. [Ng T, Moss K. Walking for hip pain. Hip J. 2018;3:1-9.](https://doi.org/10.1000/hip.2)\n")
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.journal, r.year, r.pmid, r.doi) for r in refs] == [("Knee Med", 2019, "12345", None), ("Hip J", 2018, None, "10.1000/hip.2")]
    doc = parse_document("Text here.\n\nRef: Ng T, Moss K. Walking for knee pain. J Knee. 2019;12:45-67.\n\nResearch: walking halves knee pain\n")
    assert [r.authors[0] for r in parse_reference_list(doc.reference_lines)] == ["Ng T"]
    assert [s.text for s in doc.sentences] == ["Text here.", "Research: walking halves knee pain"]


def test_an_unnumbered_list_after_a_numbered_one_is_not_its_wrapping():
    page = ("Walking reduced knee pain in a trial.[1]\n\n**References**\n\n1. Ng T, Moss K. Walking for knee pain. J Knee. 2019;12:45-67.\n\n"
            "2. Hale A. Exercise for knees. Knee Med. 2018;3:1-9.\n\nSources:\n\nNg, T. (2019). Walking. Knee Health, 12(3), 45-67.\n\n"
            "Example Arthritis Society. (2021). Knee pain. https://www.example.org/knee\n")
    refs = parse_reference_list(parse_document(page).reference_lines)
    assert [(r.number, r.authors[0], r.year) for r in refs] == [("1", "Ng T", 2019), ("2", "Hale A", 2018), (None, "Ng T", 2019),
                                                               (None, "Example Arthritis Society", 2021)]
    # a numbered entry wrapped onto a line of its own is still one entry
    wrapped = parse_reference_list(["1. Ng T, Moss K. Walking for knee pain.", "J Knee. 2019;12:45-67.", "2. Hale A. Knees. Knee Med. 2018;3:1-9."])
    assert [(r.number, r.journal, r.year) for r in wrapped] == [("1", "J Knee", 2019), ("2", "Knee Med", 2018)]


def test_sections_named_like_sources_or_literature_stay_text():
    page = ("# Food and bones\n\n## Protein sources\n\nA review found that protein helps bone health.\n\n"
            "## Review of the literature\n\nTrials show that walking slows bone loss.\n")
    doc = parse_document(page)
    assert doc.reference_lines == []
    assert "A review found that protein helps bone health." in [s.text for s in doc.sentences]


def test_an_image_credit_is_no_reference():
    doc = parse_document("# News\n\nA trial found gains.\n\nSource: Getty Images\n\nSource: Example Health News\n")
    assert [r.authors for r in parse_reference_list(doc.reference_lines)] == [["Example Health News"]]


def test_reference_shapes_stay_fast_on_hostile_input():
    import time

    from physiohub.check.references import _acronym_of
    # CPU time of this process, not wall time (a guard against runaway backtracking, not a benchmark)
    t = time.process_time()
    assert not _acronym_of("ABCDEFGH", ["Abcdefgh" * 3] * 9)
    for text in ("Lee A, Park B. " * 5000, "(2019) A " * 5000, "common.1 Next " * 5000, "1. Cook, J. L., " * 5000,
                 "Source: " + "Abc " * 20000):
        doc = parse_document(text)
        inline_references(doc.sentences, parse_reference_list(doc.reference_lines))
    assert time.process_time() - t < 5
