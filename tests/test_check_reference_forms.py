"""Reference entries and identifiers in further written forms (issue 13, session 8): DOIs with spaces, dashes and
line breaks inside, a citation copied from a PubMed abstract page, a news source naming a journal's volume and
issue, a lone numbered entry without a heading, a journal's publication note, a year in brackets after the journal,
run-in labels, and an author-year citation left after the full stop. Every entry is written for this test; names
and identifiers are made up."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.check.references import find_doi, parse_reference
from physiohub.store import Store


@pytest.mark.parametrize("text, want", [
    ("doi: 10. 1234/ej.2019.0001", "10.1234/ej.2019.0001"),
    ("doi:10.1234 /ej.1", "10.1234/ej.1"),
    ("DOI:10.1234/s12891\u2010019\u20102345\u20106", "10.1234/s12891-019-2345-6"),
    ("doi:10.1234/ej- 2019-0001", "10.1234/ej-2019-0001"),
    ("https://doi.org/ 10.1234/bjx-2017-098661", "10.1234/bjx-2017-098661"),
    ("DOI 10.1234/ABC.2019.7.", "10.1234/abc.2019.7"),
    ("see 10.1234/abc. Next sentence", "10.1234/abc"),
])
def test_a_doi_is_found_however_it_is_written(text, want):
    assert find_doi(text) == want


@pytest.mark.parametrize("entry, want", [
    # a PubMed abstract page's citation: journal and date first, then identifiers, title and numbered authors
    ("J Example Physiother. 2015 Jun 17. pii: S1836-9553(15)00058-2. doi: 10.1234/jep.2015.05.018. [Epub ahead of print] "
     "Massage helps short term: a systematic review. Holm AB1, Berg CD1, Lind EF2.",
     (["Holm AB", "Berg CD", "Lind EF"], 2015, "J Example Physiother", "Massage helps short term: a systematic review",
      "10.1234/jep.2015.05.018")),
    ("Spine (Phila Pa 1976). 2019 Jan;44(2):100-9. doi: 10.1234/brs.0001. Core work for back pain. Sato G, Ortiz H.",
     (["Sato G", "Ortiz H"], 2019, "Spine (Phila Pa 1976)", "Core work for back pain", "10.1234/brs.0001")),
    # a news source: the journal, its volume and the date
    ("Source: Example Journal of Knee Research. Volume 12, Issue of May 2021.",
     ([], 2021, "Example Journal of Knee Research", None, None)),
    # the journal's publication note is no part of its name; a year in brackets after the journal
    ("Smith, J.; Lee, K. Walking and knee cartilage. Journal of Bone Health, published online March 3, 2022; doi:10.1234/jbh.01",
     (["Smith J", "Lee K"], 2022, "Journal of Bone Health", "Walking and knee cartilage", "10.1234/jbh.01")),
    ("Journal reference: Kim B et al. Yoga for chronic back pain. Example Care & Research (2021). DOI: 10.1234/ecr.1234",
     (["Kim B"], 2021, "Example Care & Research", "Yoga for chronic back pain", "10.1234/ecr.1234")),
    ("Reference: Park H, Diaz M. Manipulation for neck pain. Example Spine J. 2019;44(2):100-9. doi: 10.1234/esj.0100",
     (["Park H", "Diaz M"], 2019, "Example Spine J", "Manipulation for neck pain", "10.1234/esj.0100")),
])
def test_entry_forms(entry, want):
    r = parse_reference(entry)
    assert (r.authors, r.year, r.journal, r.title, r.doi) == want


def test_a_pubmed_citation_pasted_into_a_post_is_a_reference_not_claims(store):
    text = ("This review is worth a look.\n\n"
            "J Example Physiother. 2015 Jun 17. pii: S1836-9553(15)00058-2. doi: 10.1234/jep.2015.05.018. [Epub ahead of print] "
            "Massage helps short term: a systematic review. Holm AB1, Berg CD1, Lind EF2.\n\n"
            "Massage reduced pain in the short term compared with no treatment.")
    result = check_article(store, text)
    (ref,) = result["references"]
    assert (ref["kind"], ref["authors"][0], ref["doi"]) == ("list", "Holm AB", "10.1234/jep.2015.05.018")
    assert [c["text"] for c in result["claims"]] == ["Massage reduced pain in the short term compared with no treatment."]


def test_a_lone_numbered_entry_under_a_news_story_is_a_reference(store):
    text = ("Men who lifted weights kept more bone, researchers report (1).\n\n"
            "1. Smith, J.; Lee, K.; Park, H. Lifting and bone in older men. Journal of Bone Health, published online "
            "March 3, 2022; doi:10.1234/jbh.2022.01")
    result = check_article(store, text)
    (ref,) = result["references"]
    assert (ref["kind"], ref["number"], ref["doi"]) == ("list", "1", "10.1234/jbh.2022.01")
    assert result["claims"][0]["references"] == [0]


def test_an_author_year_citation_after_the_full_stop_belongs_to_the_sentence_before(store):
    text = "Exercise reduced pain in most trials. (Holm, p. 4, 2019) It also improved function (Berg, 2018, p. 12)."
    claims = check_article(store, text)["claims"]
    assert [(c["text"], c["year"]) for c in claims] == [
        ("Exercise reduced pain in most trials (Holm, p. 4, 2019).", 2019),
        ("It also improved function (Berg, 2018, p. 12).", 2018)]


def test_organisation_reports_and_pages_in_a_list_are_web_references(store):
    text = ("References\n\n"
            "1. National Institute for Example Care and Excellence. Low back pain in over 16s: assessment and management. "
            "Example guideline [NG00]. 2016.\n"
            "2. Example Arthritis Foundation. Osteoarthritis. https://www.example-arthritis.org/oa. Accessed May 1, 2022.\n"
            "3. Example Society of Sports Medicine. Position stand: loading. Example Med Sci Sports. 2009;41(3):687-708.")
    refs = check_article(store, text)["references"]
    assert [(r["kind"], r["authors"][0], r["year"], r["journal"]) for r in refs] == [
        ("web", "National Institute for Example Care and Excellence", 2016, None),
        ("web", "Example Arthritis Foundation", None, None),          # the year it was read is not its year
        ("list", "Example Society of Sports Medicine", 2009, "Example Med Sci Sports")]


def test_a_harvard_entry_with_a_quoted_title_after_the_bracketed_year(store):
    text = "Reference list\n\nHolm, A. and Berg, C. (2019) 'Loading the tendon', Example Journal, 3(1), pp. 1-9. doi: 10.1234/ej.1."
    (ref,) = check_article(store, text)["references"]
    assert (ref["authors"], ref["year"], ref["title"], ref["journal"], ref["doi"]) == (
        ["Holm A", "Berg C"], 2019, "Loading the tendon", "Example Journal", "10.1234/ej.1")


def test_a_news_storys_short_sources_one_a_line_are_each_a_reference(store):
    text = ("Walking eased knee pain, a study found.\n\nSource:\nExample University news release\n"
            "Journal: Example Journal of Knee Research, 2021")
    refs = check_article(store, text)["references"]
    assert [(r["kind"], r["authors"], r["journal"], r["year"]) for r in refs] == [
        # (the organisation is the author; "news release" is what it issued)
        ("web", ["Example University"], None, None), ("list", [], "Example Journal of Knee Research", 2021)]


def test_wrapped_entry_lines_under_a_heading_stay_one_entry(store):
    text = ("References\n\nNational Institute for Example Care and Excellence. Low back pain\n"
            "and sciatica in over 16s. Example guideline. 2016.")
    (ref,) = check_article(store, text)["references"]
    assert ref["authors"] == ["National Institute for Example Care and Excellence"]


def test_addresses_one_a_line_under_sources_are_each_a_reference(store):
    text = ("Exercise helps back pain.\n\nSources\n\nhttps://www.nhs.uk/conditions/back-pain/\n"
            "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC0000002/\nhttps://pubmed.ncbi.nlm.nih.gov/00000003/")
    refs = check_article(store, text)["references"]
    assert [(r["kind"], r["authors"], r["pmcid"], r["pmid"]) for r in refs] == [
        ("web", ["nhs.uk"], None, None), ("list", [], "PMC0000002", None), ("list", [], None, "00000003")]


@pytest.mark.parametrize("text, want", [
    ("https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD000000.pub2/full", "10.1002/14651858.cd000000.pub2"),
    ("https://www.tandfonline.com/doi/abs/10.1080/0000000.2019.1?journalCode=x", "10.1080/0000000.2019.1"),
    ("https://onlinelibrary.wiley.com/doi/epdf/10.1002/acr.00001", "10.1002/acr.00001"),
])
def test_a_doi_read_from_a_publishers_address_drops_the_page_suffix(text, want):
    assert find_doi(text) == want


def test_a_read_more_link_to_a_societys_page_is_a_web_reference(store):
    text = "Exercise helps back pain.\n\nRead more: [Exercise and back pain – Example Society](https://www.example-society.org/back-pain)"
    (ref,) = check_article(store, text)["references"]
    assert (ref["kind"], ref["authors"]) == ("web", ["Example Society"])


def test_a_bracketed_citation_ending_a_post_is_the_same_reference_as_the_pasted_one(store):
    text = ("J Example Physiother. 2015 Jun 17. doi: 10.1234/jep.2015.05.018. Massage helps short term: a systematic review. "
            "Holm AB1, Berg CD1.\n\n"
            "Massage reduced pain in the short term compared with no treatment. [Holm AB, Berg CD (2015) Massage helps short "
            "term: a systematic review.Journal of Example PhysiotherapyXX: XX-XX].")
    result = check_article(store, text)
    (ref,) = result["references"]
    assert (ref["authors"][0], ref["doi"]) == ("Holm AB", "10.1234/jep.2015.05.018")
    assert [c["text"] for c in result["claims"]] == ["Massage reduced pain in the short term compared with no treatment."]


@pytest.mark.parametrize("entry, want", [
    # AMA's online-first date after the journal
    ("1. Holm A, Berg C, Lind E, et al. Loading the knee. Example Netw Open. Published online March 3, 2021. doi:10.1234/eno.2021.1",
     (["Holm A", "Berg C", "Lind E"], 2021, "Example Netw Open", "Loading the knee")),
    # Nature with a journal abbreviated by full stops
    ("1. Holm, A. et al. Loading the knee. Exa. Med. 25, 100–109 (2019).", (["Holm A"], 2019, "Exa. Med", "Loading the knee")),
    # a list numbered with superscript digits
    ("\u00b9 Holm A, Berg C. Loading the knee. Example J. 2019;3:1-9.", (["Holm A", "Berg C"], 2019, "Example J", "Loading the knee")),
])
def test_more_entry_forms(entry, want):
    r = parse_reference(entry)
    assert (r.authors, r.year, r.journal, r.title) == want


def test_a_list_numbered_with_superscript_digits_is_a_reference_list(store):
    text = ("Walking helps.\u00b9 Rest does not.\u00b2\n\nReferences\n\n\u00b9 Holm A, Berg C. Title one. Example J. 2019;3:1-9.\n"
            "\u00b2 Lind E. Title two. Other J. 2018;2:10-19.")
    refs = check_article(store, text)["references"]
    assert [(r["number"], r["authors"][0], r["year"]) for r in refs] == [("1", "Holm A", 2019), ("2", "Lind E", 2018)]


def test_a_useful_resources_list_of_organisation_links_is_web_references(store):
    text = ("Exercise helps back pain.\n\nUseful resources\n\n- [NHS: Back pain](https://www.nhs.uk/conditions/back-pain/)\n"
            "- [NICE guideline](https://www.nice.org.uk/guidance/ng000)\n- [Example Society advice](https://www.example-society.org/back)")
    refs = check_article(store, text)["references"]
    assert [(r["kind"], r["authors"]) for r in refs] == [("web", ["NHS"]), ("web", ["NICE"]), ("web", ["Example Society"])]



@pytest.mark.parametrize("entry, want", [
    # IEEE: initials first, quoted title, "vol., no., pp., year"
    ("[1] A. Holm and C. Berg, \u201cWalking and knees,\u201d Example J., vol. 12, no. 3, pp. 45\u201367, 2019.",
     (["Holm A", "Berg C"], 2019, "Example J", "Walking and knees")),
    ("[2] A. B. Holm, C. Berg, and D. Lind, \"Walking,\" in Proc. Example Conf., 2018, pp. 1-4.",
     (["Holm AB", "Berg C", "Lind D"], 2018, "Proc. Example Conf", "Walking")),
    # Chicago author-date without quotes
    ("Smith, John, and Ann Lee. 2019. Walking and knees. Example Journal 12 (3): 45\u201367.",
     (["Smith J", "Lee A"], 2019, "Example Journal", "Walking and knees")),
])
def test_ieee_and_chicago_author_date_entries(entry, want):
    r = parse_reference(entry)
    assert (r.authors, r.year, r.journal, r.title) == want


@pytest.mark.parametrize("entry, want", [
    # MLA's journal tail "Journal 12.7 (2011): 996-1004", degrees after the names
    ("2. Fine, P.G., MD. Long-term pain as a disease. Example Pain Medicine 12.7 (2011): 996-1004. Retrieved from "
     "https://www.ncbi.nlm.nih.gov/pubmed/00000001",
     (["Fine PG"], 2011, "Example Pain Medicine", "Long-term pain as a disease")),
    ("8. Chou, R, MD., et al. Diagnosis of low back pain: a joint guideline. Example Annals 147.7 (2007): 478-491.",
     (["Chou R"], 2007, "Example Annals", "Diagnosis of low back pain: a joint guideline")),
])
def test_mla_journal_tail_entries(entry, want):
    r = parse_reference(entry)
    assert (r.authors, r.year, r.journal, r.title) == want


@pytest.mark.parametrize("heading", ["Sources and references", "References & further reading", "Research cited in this article",
                                     "Literature cited", "Studies referenced in this post"])
def test_more_reference_headings(store, heading):
    text = f"Walking helps knee pain.\n\n## {heading}\n\nHolm, A., & Berg, C. (2019). Walking for knees. Example Journal, 3(1), 1-9."
    (ref,) = check_article(store, text)["references"]
    assert (ref["authors"][0], ref["year"]) == ("Holm A", 2019)


@pytest.mark.parametrize("tail", ["PMID 00000042", "PubMed ID: 00000042", "https://europepmc.org/article/MED/00000042",
                                  "https://www.ncbi.nlm.nih.gov/pubmed/?term=00000042"])
def test_a_pmid_is_found_however_it_is_written(tail):
    assert parse_reference(f"Holm A. Walking for knees. Example J. 2019;3:1-9. {tail}").pmid == "00000042"


def test_a_doi_in_an_address_with_its_slash_encoded():
    assert find_doi("https://doi.org/10.1234%2Fbjx-2019-101234") == "10.1234/bjx-2019-101234"


def test_a_listed_link_to_a_papers_page_on_a_journal_site_is_not_a_web_page(store):
    text = ("Walking helps.\n\nReferences\n\n- [A 2019 trial of walking](https://bjsm.bmj.com/content/53/5/000)\n"
            "- [NHS advice](https://www.nhs.uk/conditions/back-pain/)")
    refs = check_article(store, text)["references"]
    assert [r["kind"] for r in refs] == ["list", "web"]


def test_a_sources_line_without_semicolons_is_cut_after_each_date(store):
    text = ("Walking eased knee pain, a study found.\n\nSOURCES: Example Journal of Knee Research, March 3, 2021. Example "
            "University, news release, March 3, 2021. Jane Smith, MD, professor of orthopaedics, Example University.")
    refs = check_article(store, text)["references"]
    assert [(r["kind"], r["journal"], r["authors"]) for r in refs] == [
        ("list", "Example Journal of Knee Research", []), ("web", None, ["Example University"])]


def test_a_chicago_entry_with_et_al_and_a_quoted_title(store):
    (ref,) = check_article(store, "Reference: Holm et al. \u201cWalking for knee pain.\u201d Example Journal, 2020.")["references"]
    assert (ref["kind"], ref["authors"], ref["title"], ref["journal"], ref["year"]) == (
        "list", ["Holm"], "Walking for knee pain", "Example Journal", 2020)


def test_a_reference_list_run_into_the_end_of_a_paragraph(store):
    text = ("Exercise helps sprained ankles. In 2013, Holm and colleagues showed that manual therapy plus exercise did better "
            "than exercise alone. References: 1. Berg M, et al. Ankle sprains: a clinical practice guideline. 2013. "
            "2. Holm JA, et al. Manual therapy for ankle sprain: a randomized clinical trial. J Example Sports Ther. 2013.")
    result = check_article(store, text)
    assert [(r["number"], r["authors"][0], r["year"]) for r in result["references"]] == [("1", "Berg M", 2013), ("2", "Holm JA", 2013)]
    assert not [c for c in result["claims"] if "References:" in c["text"] or "et al." in c["text"]]


@pytest.mark.parametrize("line, want", [
    ("Sourced from: ScienceDaily", ("web", ["ScienceDaily"], None, None)),
    ("Adapted from: Example University news release", ("web", ["Example University"], None, None)),
    ("FROM:   Example Spine J 2004 (Sep);   4 (5):   574\u2013583 ~ FULL TEXT", ("list", [], "Example Spine J", 2004)),
])
def test_run_in_source_labels(store, line, want):
    (ref,) = check_article(store, f"A new study shows that exercise builds bone.\n\n{line}")["references"]
    assert (ref["kind"], ref["authors"], ref["journal"], ref["year"]) == want


def test_a_link_that_names_no_organisation_is_not_a_web_reference(store):
    text = "You can get the full list of studies by [clicking here](https://example-series.org/list)."
    assert check_article(store, text)["references"] == []


@pytest.mark.parametrize("line, want", [
    ("Source: [Example News](https://www.example-news.com/a)", ("web", ["Example News"], "https://www.example-news.com/a", None)),
    ("Here is the original: [Patients better prepared for knee surgery](https://www.example-news.com/r/1)",
     ("web", ["Patients better prepared for knee surgery"], "https://www.example-news.com/r/1", None)),
    ("Source: [Lee A, Park B. Walking. Example J. 2019;3:1-9](https://doi.org/10.1234/ej.3)",
     ("list", ["Lee A", "Park B"], "https://doi.org/10.1234/ej.3", "10.1234/ej.3")),
])
def test_a_linked_run_in_source_keeps_its_address(store, line, want):
    (ref,) = check_article(store, f"Walking helps knee pain, a study found.\n\n{line}")["references"]
    assert (ref["kind"], ref["authors"], ref["url"], ref["doi"]) == want


@pytest.mark.parametrize("heading", ["References\n\n", ""])
def test_entries_numbered_in_round_brackets(store, heading):
    text = (f"Walking helps knee pain, a trial found (1). Rest does not (2).\n\n{heading}"
            "(1) Holm A, Berg C. Title one. Example J. 2019;3:1-9.\n(2) Lind E. Title two. Other J. 2018;2:10-19.")
    result = check_article(store, text)
    assert [(r["number"], r["authors"][0], r["year"]) for r in result["references"]] == [("1", "Holm A", 2019), ("2", "Lind E", 2018)]
    assert [c["text"] for c in result["claims"]] == ["Walking helps knee pain, a trial found (1)."]


@pytest.mark.parametrize("entry, want", [
    # the journal written out in full and run into its year, after a two-sentence title
    ("Burne G, Mansfield M, Lewis JS. Is there a link with metabolic syndrome? A systematic review. Example Open Sport & "
     "Exercise Medicine 2019;5:e000544.",
     (["Burne G", "Mansfield M", "Lewis JS"], 2019, "Example Open Sport & Exercise Medicine",
      "Is there a link with metabolic syndrome? A systematic review")),
    # an ellipsis for the authors left out
    ("Holm T, Berg T, Agarwal A, . . . Ardern CL. Decompression surgery for shoulder pain. Example Journal of Sports "
     "Medicine 2020;54:665.",
     (["Holm T", "Berg T", "Agarwal A", "Ardern CL"], 2020, "Example Journal of Sports Medicine", "Decompression surgery for shoulder pain")),
])
def test_full_journal_names_run_into_the_year(entry, want):
    r = parse_reference(entry)
    assert (r.authors, r.year, r.journal, r.title) == want


_BODY = ("<p>Exercise eases knee pain, a review found.<sup>1</sup> More text about the clinic and its work with patients "
         "every day, and more text so that the extractor keeps this as the article.</p><p>Another paragraph with enough "
         "words to look like an article body for the extractor to keep it as the main content of the page.</p>")


def _page(extra: str) -> str:
    return ("<!doctype html><html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav><main><article>"
            f"<h1>Knee pain and exercise</h1>{_BODY}{extra}</article></main><footer>&copy; Clinic 2024. Sources of our "
            "images: a photo library.</footer></body></html>")


@pytest.mark.parametrize("extra", [
    "<aside><h3>Sources</h3><ul><li>Holm A, Berg C. Exercise for knees. Example J. 2019;3:1-9.</li></ul></aside>",
    "<footer class='entry-footer'><p>References: Holm A, Berg C. Exercise for knees. Example J. 2019;3:1-9.</p></footer>",
])
def test_a_reference_block_the_extractor_drops_is_kept(store, extra):
    (ref,) = check_article(store, _page(extra), html=True)["references"]
    assert (ref["authors"][0], ref["year"], ref["journal"]) == ("Holm A", 2019, "Example J")


def test_an_aside_that_is_no_reference_block_stays_out(store):
    assert check_article(store, _page("<aside><h3>Book now</h3><p>Call us on 0123 2019 today.</p></aside>"), html=True)["references"] == []


def test_an_entry_written_title_first_with_the_authors_last(store):
    text = ("# Splints for wrist pain\n\nCommercial versus custom-made wrist splints at night for carpal tunnel syndrome: a pilot "
            "randomized trial. Holm, D., Berg, M., da Silva dos Santos, M., de Lima Sato, L., & Ortiz, H.\n\n"
            "Level of Evidence: 2b")
    (ref,) = check_article(store, text)["references"]
    assert (ref["authors"][0], ref["year"], ref["title"]) == (
        "Holm D", None, "Commercial versus custom-made wrist splints at night for carpal tunnel syndrome: a pilot randomized trial")


def test_a_bracket_with_et_al_and_no_year_is_a_citation(tmp_path):
    # "(Lee et al.)" names a paper's authors: a reference with no year (README rule R3f); a later bracket of the same
    # authors is that work again, and the claim that cites it links to it
    store = Store(tmp_path / "hub.db")
    try:
        one = check_article(store, "# Knees\n\nSome words.\n\nIn a trial (Lee et al.), walking eased knee pain.\n")
        two = check_article(store, "# Knees\n\nSome words.\n\nWalking eased knee pain (Lee et al., 2019). In that trial "
                                   "(Lee et al.), the benefit lasted a year.\n")
    finally:
        store.close()
    assert [(r.get("authors"), r.get("year")) for r in one["references"]] == [(["Lee et al."], None)]
    assert one["claims"][0]["references"] == [0]
    assert [(r.get("authors"), r.get("year")) for r in two["references"]] == [(["Lee et al."], 2019)]
    assert [c["references"] for c in two["claims"]] == [[0], [0]]


@pytest.mark.parametrize("cite", ["(2019, Lee et al.)", "(Lee et al.: 2019)"])
def test_year_first_and_colon_citations(store, cite):
    res = check_article(store, f"# Knees\n\nSome words.\n\nWalking eased knee pain {cite}.\n")
    assert [(r.get("authors"), r.get("year")) for r in res["references"]] == [(["Lee et al."], 2019)]
