"""Reference shapes met on the dev18 pages (session 11 of issue 13): reading lists with bracketed link labels, a
paper's citation written as separate field lines, a journal page's "To cite:" line for itself, bare linked
"Surname Year" labels after the full stop.

Every entry below is written for this test (authors, titles, journals' issues and identifiers are invented)."""
from __future__ import annotations

from physiohub.check.citation_header import header_citations
from physiohub.check.document import parse_document
from physiohub.check.own_citation import mark_own_citation
from physiohub.check.reference_lines import strip_link_labels
from physiohub.check.references import Reference, parse_reference_list


def _refs(text: str) -> list[Reference]:
    return parse_reference_list(parse_document(text).reference_lines)


def test_bracketed_link_labels_are_no_part_of_the_entry():
    # "[full text]" glued after the DOI's full stop made the DOI "10.1177/x.[full"
    line = "Lund, A., & Moe, C. (2011). Walking for knee pain. Example Illness, 6(4), 272-281. doi:10.1177/1742395309999999.[full text]"
    refs = parse_reference_list([strip_link_labels(line)])
    assert refs[0].doi == "10.1177/1742395309999999"
    assert strip_link_labels("Lee A. Title. Am J Ex Med. 2005; 33(5): 745-64[DOI][PubMed]") == "Lee A. Title. Am J Ex Med. 2005; 33(5): 745-64"
    # brackets that are not link labels stay: note markers, a bracketed title note
    assert strip_link_labels("Walking helps [1] [Epub ahead of print]") == "Walking helps [1] [Epub ahead of print]"


def test_a_recommended_reading_heading_opens_a_reference_section():
    # a book entry with no full stop after the year is no entry by its shape alone: the heading makes it one
    text = ("# Exercise and arthritis\n\nThis page gathers reading for trainers.\n\n## Recommended Reading\n\n"
            "Holm, A., Berg, C. (2009) Clinical Exercise for Joints (2nd Ed). Example City: Example Press [google books] pp46-84\n\n"
            "Quist, H., & Ek, T. (2005). Walking or strengthening for the knee? Example Rheumatic Journal, 64(4), 544-8.\n")
    refs = _refs(text)
    assert [(r.authors[0].split()[0], r.year) for r in refs] == [("Holm", 2009), ("Quist", 2005)]


def test_a_citation_written_as_field_lines_is_one_reference():
    body = ("# Stresses in the neck from head posture\n\nNeuro and Spine Surgery\n\nExample Technology International\n\n"
            "November 2014; Vol. 25; pp. 277-279\n\nKenneth K. Holmqvist, MD\n\nChief of Spine Surgery, Example Hospital\n\n"
            "- The load on the spine rises as the head bends forward.\n")
    refs = header_citations(body, [])
    assert [(r.authors, r.year, r.journal) for r in refs] == [(["Holmqvist"], 2014, "Example Technology International")]
    # NLM's form with the journal on the date line, the author below it
    refs = header_citations("Smart phones and necks\n\nSpine Ex J. 2016 Nov;25:277-9.\nA title on one line.\nLund AB\n", [])
    assert [(r.authors, r.year, r.journal) for r in refs] == [(["Lund"], 2016, "Spine Ex J")]


def test_a_field_block_already_read_and_a_bare_date_add_nothing():
    have = [Reference(text="Holmqvist KK. Title. Example Technology International. 2014;25:277-9.", authors=["Holmqvist KK"],
                      year=2014, journal="Example Technology International")]
    body = "Example Technology International\nNovember 2014; Vol. 25; pp. 277-279\nKenneth K. Holmqvist, MD\n"
    assert header_citations(body, have) == have
    # a date and pages with no journal line before them is no citation
    assert header_citations("Our opening hours changed\n\nMarch 2020; 9; 1-2\n", []) == []


def test_a_journal_page_citing_itself_is_not_its_own_reference():
    body = ("# Hamstring injuries, a rehabilitation protocol\n\n"
            "To Cite: Holm A, Berg C. Hamstring Injuries, a Rehabilitation Protocol, Example J Sports Med. 2015; 6(4):e2. "
            "doi: 10.5812/exjsm.25411.\n")

    def refs() -> list[Reference]:
        return [Reference(text="doi:10.5812/exjsm.25411", kind="link", doi="10.5812/exjsm.25411"),
                Reference(text="doi:10.1000/other", kind="link", doi="10.1000/other")]

    # the page's own article stays listed, as the article itself (kind "self": never a claim's source)
    marked = mark_own_citation(body, ["Example Journal", "Hamstring injuries, a rehabilitation protocol"], refs())
    assert [r.kind for r in marked] == ["self", "link"]
    # a news page's citation line for the paper it reports (a title other than the page's) stays a source
    assert [r.kind for r in mark_own_citation(body, ["Walking beats rest for sore hamstrings"], refs())] == ["link", "link"]
    # and the line itself is read as a reference line, not as a sentence making a claim
    doc = parse_document(body)
    assert not any(s.text.startswith("To Cite") for s in doc.sentences)


def test_a_bare_linked_label_after_the_stop_belongs_to_the_sentence_before():
    text = ("Many sort postures into good and bad. That idea comes from a model research no longer supports. "
            "[Holm 2011](https://doi.org/10.1000/a1) Even therapists disagree on the best posture. "
            "[Berg et al. 2019](https://doi.org/10.1000/b2) [Lund 2020](https://doi.org/10.1000/c3)\n")
    doc = parse_document(text)
    by_text = {s.text: s.links for s in doc.sentences}
    assert by_text["That idea comes from a model research no longer supports Holm 2011."] == ["https://doi.org/10.1000/a1"]
    assert by_text["Even therapists disagree on the best posture Berg et al. 2019 Lund 2020."] == [
        "https://doi.org/10.1000/b2", "https://doi.org/10.1000/c3"]


def test_a_date_and_time_or_an_entry_tail_is_no_field_block():
    # a press release's by-line: an organisation, then the date and time of posting
    assert header_citations("By Example Society of Physiotherapy (ESP)\nOct 17, 2005, 19:15\n", []) == []
    # a wrapped entry whose journal's last word opens the next line is already read
    have = [Reference(text="Lee A, Kim B. Exercise for knee pain. J Phys Ther Sci. 2015 Jul;27(7):2387-90.", authors=["Lee A"],
                      year=2015, journal="J Phys Ther Sci")]
    assert header_citations("Lee A, Kim B. Exercise for knee pain. J Phys Ther\nSci. 2015 Jul;27(7):2387-90.\n", have) == have


def test_a_field_block_takes_its_identifier_line_and_a_run_on_source_is_a_reference():
    from physiohub.check.references import inline_references
    body = ("Phones and necks\n\nSpine Ex J. 2016 Nov;25:277-9.\nA title on one line.\nLund AB\n"
            "http://www.ncbi.nlm.nih.gov/pubmed/25399999\n")
    link = inline_references(parse_document(body).sentences, [])
    assert [r.pmid for r in link] == ["25399999"]
    refs = header_citations(body, link)
    # the PubMed address under the block is that paper's, not a second reference
    assert [(r.authors, r.journal, r.pmid, r.kind) for r in refs] == [(["Lund"], "Spine Ex J", "25399999", "list")]
    # a source run on after the last full stop of a paragraph, with no label
    refs = header_citations("Watch your posture and take breaks. Example Technology International, November 2014\n", [])
    assert [(r.journal, r.year) for r in refs] == [("Example Technology International", 2014)]
    # not a list entry already read, nor a sentence ending with a place and a year
    entry = Reference(text="Course of neck pain. Spine Journal February 2008", journal="Spine Journal", year=2008)
    assert header_citations("- Course of neck pain. Spine Journal February 2008\n", [entry]) == [entry]
    assert header_citations("We moved our clinic last spring. Example Street, May 2019\n", []) == []


def test_a_page_cited_by_its_title_is_a_reference():
    from physiohub.check.citation_variants import title_citations
    text = ("The joint rubs bone on bone (Osteoarthritis: Symptoms, Treatments, and Causes,2019). It attacks the joint lining "
            "(Example Arthritis Society, 2019: What are the causes and types of arthritis, 2019). Risk factors follow "
            "(What are the causes and typesof arthritis, 2019: Lee et al. 2018).")
    refs = title_citations(text, [])
    assert [(r.authors[0], r.year) for r in refs] == [("Osteoarthritis: Symptoms, Treatments, and Causes", 2019),
                                                     ("What are the causes and types of arthritis", 2019)]
    # names, organisations and notes in brackets are not titles
    assert title_citations("Pain eased (Lee, Kim and Park, 2019) (Example Arthritis Society, 2019) (see the review, 2019) "
                           "(Figure adapted from the trial, 2019).", []) == []


def test_one_work_cited_under_two_spellings_is_one_reference():
    from physiohub.check.citation_variants import merge_misspelt
    a = Reference(text="Agoivlasitis et al. 2018", kind="inline", authors=["Agoivlasitis et al."], year=2018)
    b = Reference(text="Agiovlasitis et al. 2018", kind="inline", authors=["Agiovlasitis et al."], year=2018)
    text = "one (Agoivlasitis et al. 2018). two (Agiovlasitis et al. 2018). three (Agiovlasitis et al. 2018)."
    assert merge_misspelt(text, [a, b]) == [b]
    # a listed entry always stays; different years or names further apart are different works
    listed = Reference(text="Agiovlasitis S. Title. 2018.", authors=["Agiovlasitis S"], year=2018)
    assert merge_misspelt(text, [listed, a]) == [listed]
    f = Reference(text="Andersen 2019", kind="inline", authors=["Andersen"], year=2019)
    g = Reference(text="Anderson 2019", kind="inline", authors=["Anderson"], year=2019)
    assert merge_misspelt("", [f, g]) == [f, g]   # one letter for another: two people
    h = Reference(text="Holmqvist 2019", kind="inline", authors=["Holmqvist"], year=2019)
    i = Reference(text="Holmquist 2019", kind="inline", authors=["Holmquist"], year=2019)
    assert merge_misspelt("", [h, i]) == [h, i]
    j = Reference(text="Bergstrom 2019", kind="inline", authors=["Bergstrom"], year=2019)
    k = Reference(text="Bergstrm 2019", kind="inline", authors=["Bergstrm"], year=2019)
    assert merge_misspelt("Bergstrom Bergstrom Bergstrm", [j, k]) == [j]   # a letter left out
    c = Reference(text="Hansen 2018", kind="inline", authors=["Hansen"], year=2018)
    d = Reference(text="Hanson 2019", kind="inline", authors=["Hanson"], year=2019)
    e = Reference(text="Jensen 2018", kind="inline", authors=["Jensen"], year=2018)
    assert merge_misspelt("", [c, d, e]) == [c, d, e]


def test_a_source_line_with_a_volume_label_is_one_journal_citation():
    # "; Vol. 28" is the citation's volume, not a second source; the month stands before the year
    text = ("A study found that neck manipulation helped people with chronic neck pain.\n\n"
            "Source: JMPT. September 2005; Vol. 28, No. 7\n")
    refs = _refs(text)
    assert [(r.journal, r.year) for r in refs] == [("JMPT", 2005)]
    # two sources in one line are still two
    refs = _refs("Walking helps.\n\nSources: Lee A et al. (2021) Walking and knees. Example J; Kim B (2019) Knees. Other J\n")
    assert len(refs) == 2


def test_the_pages_own_prose_under_a_references_heading_is_no_entry():
    text = ("# References\n\nWe drew on peer-reviewed papers to give this site a research base. Here is a selection of them.\n\n"
            "Lund AB, Moe C. Shoulder pain and metabolic syndrome. Example Sport Med 2019;5:e000544.\n\n"
            "## Original paper\n\nIn this randomized trial, taking collagen did not improve pain in active adults.\n\n"
            "This Study Summary was published on November 17, 2023.\n")
    refs = _refs(text)
    assert [(r.authors[0], r.year) for r in refs] == [("Lund AB", 2019)]
    # an entry that opens with "This" but is one (an identifier, a journal's year) stays
    assert len(_refs("## References\n\nThis is not a drill: Lee A. Title. J Ex. 2019;3:1-9. doi:10.1000/x1\n")) == 1


def test_markdown_footnotes_are_markers_and_numbered_entries():
    text = ("# Tendons\n\nLoading helps tendons.[^1] Rest alone does not.[^2]\n\n"
            "[^1]: Lund P, et al. Tendon loading programmes. Sports Ex Med. 2013;43(4):267-86.\n"
            "[^2]: Moe JL, Berg CR. Is tendon pain a continuum? Br J Ex Med. 2009;43(6):409-16.\n")
    doc = parse_document(text)
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.number, r.authors[0], r.year) for r in refs] == [("1", "Lund P", 2013), ("2", "Moe JL", 2009)]
    assert [s.text for s in doc.sentences] == ["Tendons", "Loading helps tendons [1].", "Rest alone does not [2]."]


def test_short_entries_name_year_and_names_journal_year():
    from physiohub.check.references import parse_reference
    # an entry that is only who and when is a paper by people, not an organisation's page
    got = [(r.kind, r.authors[:1], r.year) for r in map(parse_reference, ["Holm et al., 2014", "Berg et al. (2015)", "Lund PJ et al. 2020"])]
    assert got == [("list", ["Holm"], 2014), ("list", ["Berg"], 2015), ("list", ["Lund PJ"], 2020)]
    assert parse_reference("Example Clinic, 2019").kind == "web"


def test_a_run_in_citations_list_is_cut_at_semicolons_before_names():
    text = ("Weight-bearing exercise helps bones. Citations: Moe SL et al. J Bone Ex Res. 2018;33(2):211-220; "
            "Holm TE et al. Cochrane Database Syst Rev. 2011;(7):CD000333.\n")
    refs = _refs(text)
    assert [(r.authors[0], r.year) for r in refs] == [("Moe SL", 2018), ("Holm TE", 2011)]


def test_organisations_one_a_line_under_a_sources_label_are_sources():
    text = ("# Gout\n\nGout affects millions, the foundation says.\n\nSources:\n\nExample Arthritis Foundation\n\n"
            "National Institutes of Example Health\n\nRelated posts\n\nWhy joints ache in winter\n")
    refs = _refs(text)
    assert [(r.kind, r.authors[0]) for r in refs] == [("web", "Example Arthritis Foundation"), ("web", "National Institutes of Example Health")]
    # away from a references section an organisation's name on its own line is still a heading
    doc = parse_document("# Clinic news\n\nExample Spine Clinic\n\nWe opened a new room.\n")
    assert "Example Spine Clinic" in doc.headings


def test_a_news_source_name_journal_date_is_the_paper():
    from physiohub.check.references import parse_reference
    got = [(r.authors, r.journal, r.year) for r in map(parse_reference, ["Holm TE, JAMA, May 16, 2017",
                                                                       "Lund AB et al, Spine, published online March 3, 2021."])]
    assert got == [(["Holm TE"], "JAMA", 2017), (["Lund AB"], "Spine", 2021)]
    # an organisation's page in comma fields is not a person's paper
    assert parse_reference("Example Arthritis Foundation, Knee pain, 2019").kind == "web"


def test_a_science_news_more_information_line_with_bare_middle_initials():
    from physiohub.check.references import parse_reference
    r = parse_reference("Anna C Holmqvist et al, A walking and education programme for back pain, The Example Journal (2024). "
                        "DOI: 10.1016/S0140-6736(24)99999-4")
    assert (r.authors, r.journal, r.year, r.doi) == (["Holmqvist AC"], "The Example Journal", 2024, "10.1016/s0140-6736(24)99999-4")


def test_typographic_bullets_are_list_items():
    text = ("# Knee\n\nStrength training helps.\n\nReferences\n\n"
            "\u25aa Holm C, Lund C, Berg R, et al. Muscle strengthening for knee pain. Semin Ex Rheum. 2017;47(1):9-21.\n"
            "\u25aa Moe M, Park S, Kim AR, et al. Exercise for the knee. Ex Database Syst Rev. 2015;1:CD004376.\n\n"
            "Sources\n\u2192 Lee C, Ek M. A single exercise programme for the shoulder. Clin Ex Rehabil. 2016;30(7):686-96.\n"
            "\u2192 Ode R, Sand M. Exercise for shoulder impingement. Br J Ex Med. 2017;51(18):1340-7.\n")
    refs = _refs(text)
    assert [r.authors[0] for r in refs] == ["Holm C", "Moe M", "Lee C", "Ode R"]


def test_an_entry_that_opens_like_prose_but_has_an_address_stays():
    text = ("## References\n\nThese exercises were tested in trials. See the page at https://www.example.org/knee-exercises.\n\n"
            "Lee A, Kim B. Knee exercises. J Ex Med. 2019;3:1-9.\n")
    assert len(_refs(text)) == 2


def test_an_article_reviewed_heading_holds_one_entry_and_the_summary_is_prose():
    text = ("# 062: Yoga brings gains in hamstring flexibility\n\n## Article Reviewed\n\n"
            "Lund, T. T., Berg, T., & Moe, M. (2021.) 'The effect of yoga on hamstring flexibility.' Journal of Example "
            "Movement Therapies volume 28, pages 439-449.\n\n"
            "31 healthy adults with little yoga experience took part in a programme twice a week for 7 weeks. Every exercise was "
            "an active movement followed by a static hold, and the holds grew longer over the weeks.\n\n## Detailed Breakdown\n\nText.\n")
    refs = _refs(text)
    assert [(r.authors[0], r.year, r.journal) for r in refs] == [("Lund TT", 2021, "Journal of Example Movement Therapies")]


def test_labelled_lines_in_a_source_block_are_entries_of_their_own():
    text = ("# Walking eases back pain\n\nA walking programme halved relapses, researchers reported.\n\nSource:\nExample University\n"
            "Journal reference: Holm NC, et al. Effectiveness of a walking programme for back pain. The Example Journal, 2024. "
            "DOI: 10.1016/S0140-6736(24)99999-4\n\nStudy citation: Lund KL, et al. Physical therapy for hip pain. JAMA. 2014;311(19):1987-97.\n")
    refs = _refs(text)
    assert [(r.kind, r.authors[0], r.year) for r in refs] == [("web", "Example University", None), ("list", "Holm NC", 2024),
                                                             ("list", "Lund KL", 2014)]
