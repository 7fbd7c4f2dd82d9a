"""In-text citations found as spans, organisation pages linked from the text, and references written as labelled
fields (issue 13, session 8: the dev4 r_* pages). Every sentence and entry is written for this test; names,
identifiers and addresses are made up (the organisations' sites are real hosts, the paths are not)."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.check.citations import find_citations
from physiohub.check.weblinks import organisation_page


def _cites(text):
    return [(c.surname, c.year) for c in find_citations(text)]


@pytest.mark.parametrize("text, want", [
    # APA with many names and an ampersand; initials before the surname; no comma
    ("Back pain is puzzling (Holm, Berg, Lind, Sato, & Ortiz, 2014).", [("Holm", 2014)]),
    ("Three joints are blamed (R. T. Vance et al., 2006).", [("Vance", 2006)]),
    ("Rest does not help (Marsh 2018).", [("Marsh", 2018)]),
    # a page note anywhere in the brackets
    ("It is the main cause of lost work (Okafor, 2012. P.7)[1].", [("Okafor", 2012)]),
    ("Load is key (Berg, p. 4, 2019). Rest is not (Lind, 2019, pp. 12-14). Time helps (Sato 2020: 8).",
     [("Berg", 2019), ("Lind", 2019), ("Sato", 2020)]),
    # prefixes, several years, a list cut at commas after the years, particles
    ("Exercise helps (e.g., Ortiz, 2017; see also Marsh, 2020).", [("Ortiz", 2017), ("Marsh", 2020)]),
    ("Loading works (Holm 2009, 2015).", [("Holm", 2009), ("Holm", 2015)]),
    ("It is the main treatment (Vance 2016, Okafor 2011, O'Brien 2013).", [("Vance", 2016), ("Okafor", 2011), ("O'Brien", 2013)]),
    ("Tendons adapt (van Loon et al. 2012; de Wit and Berg 2008).", [("van Loon", 2012), ("de Wit", 2008)]),
    # an organisation in full with its initials, or by its initials
    ("It costs billions (Example Institute of Health and Welfare [EIHW], 2021).", [("Example", 2021)]),
    ("Most cases settle in six weeks (NICE, 2016).", [("NICE", 2016)]),
    # narrative forms
    ("Holm and colleagues (2019) found that walking helps.", [("Holm", 2019)]),
    ("Berg et al. (2020) reported less pain.", [("Berg", 2020)]),
    ("According to Marsh (2018), tendons adapt.", [("Marsh", 2018)]),
    ("Marsh (2018) showed that tendons adapt.", [("Marsh", 2018)]),
    ("In the UK the guidelines come from NICE (2016)[2].", [("NICE", 2016)]),
    ("As Lind and co-workers, 2015 put it, pain is a signal.", [("Lind", 2015)]),
])
def test_author_year_citations_are_found_wherever_they_sit(text, want):
    assert _cites(text) == want


@pytest.mark.parametrize("text", [
    "Pain peaked in spring (March, 2019) and fell later.",
    "Cases rose during the pandemic (COVID-19, 2020).",
    "Manual therapy helped (BMJ 2017;356:j656).",
    "Massage helped (Spine (Phila Pa 1976). 2015;40(4):E201-8).",
    "There is also a review from the BMJ (2019) on this.",
    "Exercise (2019) is a word, not an author.",
    "[Holm AB, Berg CD, Lind EF, Sato GH (2015) Massage for neck pain. Example Journal.]",
])
def test_dates_journal_citations_and_initials_are_not_author_citations(text):
    assert _cites(text) == []


def test_a_many_author_citation_without_a_list_is_a_reference(store):
    text = "Back pain is the leading cause of disability (Holm, Berg, Lind, Sato, & Ortiz, 2014)."
    (ref,) = check_article(store, text)["references"]
    assert (ref["kind"], ref["year"]) == ("inline", 2014) and ref["authors"][0].startswith("Holm")


@pytest.mark.parametrize("url, want", [
    ("https://www.who.int/publications/i/item/123", True),
    ("https://www.nice.org.uk/guidance/ng000", True),
    ("https://www.cdc.gov/arthritis/basics", True),
    ("https://example-society.org/advice/back-pain", True),
    ("https://www.nhs.uk/conditions/back-pain/", True),
    ("https://doi.org/10.1234/abc", False),
    ("https://pubmed.ncbi.nlm.nih.gov/12345678/", False),
    ("https://journals.plos.org/plosone/article?id=1", False),
    ("https://en.wikipedia.org/wiki/Back_pain", False),
    ("https://example.org/services", False),
    ("https://example-society.org/donate", False),
    ("https://www.newspaper-example.com/health/story", False),
])
def test_organisation_and_government_pages_are_told_from_papers_and_menus(url, want):
    assert organisation_page(url) is want


def test_a_linked_organisation_is_a_web_reference_named_by_the_link(store):
    text = ("Exercise may lower the risk of back pain, researchers report.\n\nMore information\n\n"
            "[The Example Academy of Family Doctors](https://example-academy.org/back-pain) has more on low back pain.")
    (ref,) = check_article(store, text)["references"]
    assert (ref["kind"], ref["authors"], ref["url"]) == ("web", ["Example Academy of Family Doctors"],
                                                         "https://example-academy.org/back-pain")


def test_a_click_here_link_is_named_by_the_organisation_the_sentence_names(store):
    text = ("The World Health Organization (WHO) published its first guideline on back pain "
            "([click here](https://www.who.int/publications/i/item/000)) in 2023.")
    (ref,) = check_article(store, text)["references"]
    assert (ref["kind"], ref["authors"]) == ("web", ["World Health Organization"])


def test_an_organisation_cited_by_year_and_linked_is_one_reference(store):
    text = ("In the UK the guidelines come from NICE (2016)[2], and they are the standard of care.\n\n"
            "The updated NICE guideline for low back pain is [here](https://www.nice.org.uk/guidance/ng000).")
    (ref,) = check_article(store, text)["references"]
    assert (ref["kind"], ref["authors"]) == ("web", ["NICE"])


def test_menu_links_papers_and_news_sites_are_not_web_references(store):
    text = ("[Home](https://example-clinic.org/) | [Services](https://example-clinic.org/services)\n\n"
            "Walking eased knee pain in a trial ([study](https://doi.org/10.1234/knee.2020.1)), as a newspaper "
            "[reported](https://www.newspaper-example.com/health/story) last week.")
    refs = check_article(store, text)["references"]
    assert [(r["kind"], r["doi"]) for r in refs] == [("link", "10.1234/knee.2020.1")]


def test_a_reference_written_as_labelled_fields_is_one_entry(store):
    text = ("Supervised exercise eased hip arthritis pain, research finds.\n\nFor Reference\n\n"
            "Title: Example J Rheum\n"
            "Author: Holm A et al. Exercise for hip osteoarthritis pain: a meta-analysis.\n"
            "URL: http://www.example-medline.org/record/0000/abstract/Exercise_for_hip_pain:_a_meta_analysis_\n"
            "Example J Rheum 2008;59:1221-1228\n\n"
            "Title: Example Evidence Digest\n"
            "Author: Berg C. Commentary.\n"
            "URL: http://digest.example.com/\n"
            "Example Evidence Digest 2009;14:41\n")
    result = check_article(store, text)
    refs = result["references"]
    assert [(r["authors"][0], r["year"], r["journal"], r["title"]) for r in refs] == [
        ("Holm A", 2008, "Example J Rheum", "Exercise for hip osteoarthritis pain: a meta-analysis"),
        ("Berg C", 2009, "Example Evidence Digest", "Commentary")]
    assert refs[0]["url"].endswith("Exercise_for_hip_pain:_a_meta_analysis_")   # underscores in an address are kept
    assert [c["text"] for c in result["claims"]] == ["Supervised exercise eased hip arthritis pain, research finds."]


def test_a_journal_cited_by_year_is_a_journal_reference_not_an_author(store):
    (ref,) = check_article(store, "Exercise helped most people (Journal of Example Physiotherapy, 2019).")["references"]
    assert (ref["kind"], ref["authors"], ref["journal"], ref["year"]) == ("inline", [], "Journal of Example Physiotherapy", 2019)


def test_links_to_articles_on_journal_sites_and_pmc_are_paper_references(store):
    text = ("A [2018 trial](https://jamanetwork.com/journals/jama/fullarticle/0000001) found no difference, as did "
            "another (https://www.ncbi.nlm.nih.gov/pmc/articles/PMC0000002/). The [BMJ](https://www.bmj.com/) covered both.")
    refs = check_article(store, text)["references"]
    assert [(r["kind"], r["url"], r["pmcid"]) for r in refs] == [
        ("link", "https://jamanetwork.com/journals/jama/fullarticle/0000001", None),
        ("link", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC0000002/", "PMC0000002")]


def test_an_organisation_cited_by_its_initials_is_its_listed_entry(store):
    text = ("Most cases of back pain settle within six weeks, guidelines say (NICE, 2016).\n\nReferences\n\n"
            "1. National Institute for Health and Care Excellence. Low back pain and sciatica. Example guideline [NG00]. 2016.")
    result = check_article(store, text)
    (ref,) = result["references"]
    assert ref["authors"] == ["National Institute for Health and Care Excellence"]
    assert result["claims"][0]["references"] == [0]


def test_a_many_author_citation_makes_the_sentence_a_cited_claim(store):
    text = ("Back pain has been called 'puzzling, because its cause is unclear' and it has been said 'that we should rethink "
            "our approach to it.' (Holm, Berg, Lind, Sato, & Ortiz, 2013). As the authors point out, narrow care often fails.")
    claims = check_article(store, text)["claims"]
    assert claims[0]["text"].endswith("(Holm, Berg, Lind, Sato, & Ortiz, 2013).") and claims[0]["year"] == 2013


def test_an_undated_citation_is_a_reference_or_its_listed_entry(store):
    text = "Heel pain affects one in ten people at some point (Example Clinic, n.d.)."
    (ref,) = check_article(store, text)["references"]
    assert (ref["kind"], ref["authors"], ref["year"]) == ("inline", ["Example Clinic"], None)
    listed = text + "\n\nReferences\n\nExample Clinic. (n.d.). Heel pain. https://www.example-clinic.org/heel"
    (ref,) = check_article(store, listed)["references"]
    assert (ref["kind"], ref["authors"]) == ("web", ["Example Clinic"])


def test_a_given_name_and_surname_in_a_citation_list(store):
    assert _cites("## Holm, Soo Berg, Lind, Sato & Ortiz (2009) Cupping for pain: a systematic review") == [("Holm", 2009)]
    assert _cites("Shoulder pain often settles (Minns Berg et al., 2019).") == [("Minns", 2019)]


def test_a_journal_cited_by_volume_and_pages_without_a_year(store):
    text = "Weight training raised bone density in men. (Journal Example Strength Research 25: 1098-1103)"
    (ref,) = check_article(store, text)["references"]
    assert (ref["kind"], ref["journal"], ref["year"]) == ("inline", "Journal Example Strength Research", None)
    assert _cites("See (Figure 3: 12-15) and (Table 2: 1).") == []
    assert check_article(store, "See (Figure 3: 12-15) and (Table 2: 1).")["references"] == []


def test_a_journals_series_page_linked_in_the_text_is_a_web_reference(store):
    text = ("She led the low back pain series in the medical journal 'The Lancet' "
            "(https://www.thelancet.com/series/low-back-pain), a series that was widely read. The [BMJ](https://www.bmj.com/) agreed.")
    (ref,) = check_article(store, text)["references"]
    assert (ref["kind"], ref["authors"], ref["url"]) == ("web", ["The Lancet"], "https://www.thelancet.com/series/low-back-pain")
