"""Links to another outlet's article read as references (dev15, session 10 of issue 13), on pages written here:
a link whose words name the outlet and the piece ("a [Daily Courier article](...)"), and a link alone on its line
under a short "From <Outlet>:" label; the site's own "our article" and a link in a menu are not."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.store import Store


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "hub.db")
    yield s
    s.close()


def _links(store, text, html=False):
    return [(r["kind"], r["url"]) for r in check_article(store, text, html=html)["references"] if r.get("url")]


def test_a_link_naming_an_outlets_article_is_a_reference(store):
    text = ("Stretching before a run is widely taught, and a [Daily Courier article](https://news.example-courier.com/health/"
            "stretching-running-injuries) reports that a large trial found no fewer injuries in runners who stretched.")
    assert _links(store, text) == [("link", "https://news.example-courier.com/health/stretching-running-injuries")]


def test_a_link_under_a_from_label_is_a_reference(store):
    html = ("<html><body><article><h1>Walking for knee pain</h1>"
            "<p>\u201cA daily walk may ease knee pain as well as drugs do, according to a new review.\u201d</p>"
            "<p>From the Evening Ledger:<br><a href=\"https://www.eveningledger.example.com/2021/walking-knee-pain\">"
            "Walking Eases Knee Pain, Review Finds</a></p></article></body></html>")
    assert _links(store, html, html=True) == [("link", "https://www.eveningledger.example.com/2021/walking-knee-pain")]


@pytest.mark.parametrize("text", [
    "Knee pain is common, and [our article](https://clinic.example.com/blog/knee-pain) explains what helps.",
    "Knee pain is common, and [this article](https://clinic.example.com/blog/knee-pain) explains what helps.",
    "Knee pain is common; see [Knee Pain Causes](https://clinic.example.com/blog/knee-pain) for more on it.",
])
def test_links_that_name_no_outlets_piece_are_not_references(store, text):
    assert _links(store, text) == []


def test_a_web_links_label_over_bare_addresses_lists_sources(store):
    text = ("Sitting all day may raise the risk of back pain, according to a recent survey.\n\n"
            "Web Links:\n\n"
            "https://www.dailyhealthwire.example.com/2019/05/sitting-back-pain-survey/\n\n"
            "https://www.officecarejournal.example.net/blog/ergonomic-chairs-and-costs/\n\n"
            "https://www.dailyhealthwire.example.com/2019/05/sitting-back-pain-survey/\n")
    urls = [r["url"] for r in check_article(store, text)["references"]]
    # (the address pasted twice is one source)
    assert urls == ["https://www.dailyhealthwire.example.com/2019/05/sitting-back-pain-survey/",
                    "https://www.officecarejournal.example.net/blog/ergonomic-chairs-and-costs/"]


@pytest.mark.parametrize("url", [
    "https://www.mdpi.com/2077-0383/9/4/1102",
    "https://www.jstage.jst.go.jp/article/jpts/30/2/30_jpts-2017-512/_article",
    "https://www.researchgate.net/publication/331234567_Walking_and_knee_pain",
    "https://www.semanticscholar.org/paper/Walking-and-knee-pain/0a1b2c3d4e",
])
def test_paper_pages_without_a_doi_are_paper_links(store, url):
    text = f"A [recent study]({url}) found that walking eased knee pain in older adults."
    assert _links(store, text) == [("link", url)]


def test_a_researchers_profile_is_no_paper(store):
    text = "Walking eased knee pain, says [Dr Anna Lee](https://www.researchgate.net/profile/Anna-Lee)."
    assert _links(store, text) == []


@pytest.mark.parametrize("label", ["a 2019 study", "recent research", "a large new review", "one randomised trial"])
def test_a_link_whose_words_are_the_research_is_a_reference(store, label):
    url = "https://www.healthnewsdaily.example.com/2019/knee-walking-study"
    text = f"Walking eased knee pain, according to [{label}]({url}) of older adults."
    assert _links(store, text) == [("link", url)]


def test_the_sites_own_research_page_is_not(store):
    text = "We take part in trials, and [our research](https://clinic.example.com/research) shows walking helps knees."
    assert _links(store, text) == []


@pytest.mark.parametrize("line", [
    "Link to study: https://www.kneejournal.example.com/article/S0001-2019-123",
    "Full study: https://www.kneejournal.example.com/article/S0001-2019-123",
    "Study link: <https://www.kneejournal.example.com/article/S0001-2019-123>",
])
def test_a_study_label_over_an_address_is_a_reference(store, line):
    text = "Walking eased knee pain in older adults, a new study found.\n\n" + line + "\n"
    assert [r["url"] for r in check_article(store, text)["references"]] == [
        "https://www.kneejournal.example.com/article/S0001-2019-123"]


def _works(store, text, html=False):
    return [(r["kind"], r.get("authors") or [], r["year"], r.get("doi"), r.get("pmid"))
            for r in check_article(store, text, html=html)["references"]]


def test_a_linked_citation_is_one_reference(store):
    text = "Walking eased knee pain in older adults ([Haddad et al., 2019](https://doi.org/10.1000/knee.2019.7))."
    assert _works(store, text) == [("link", ["Haddad et al."], 2019, "10.1000/knee.2019.7", None)]


def test_a_linked_narrative_citation_in_html_is_one_reference(store):
    html = ("<html><body><p>As <a href=\"https://pubmed.ncbi.nlm.nih.gov/30111222/\">Haddad et al. (2019)</a> found, "
            "walking eased knee pain.</p></body></html>")
    assert _works(store, html, html=True) == [("link", ["Haddad et al."], 2019, None, "30111222")]


def test_two_citations_beside_one_link_stay_apart(store):
    text = ("Haddad (2019) found that walking helps, and a [second trial](https://doi.org/10.1000/knee.2020.1) agreed "
            "(Moreau, 2020).")
    kinds = sorted(k for k, *_ in _works(store, text))
    assert kinds == ["inline", "inline", "link"]


def test_our_research_linked_after_the_label_is_not_a_source(store):
    text = "Walking helps knees, and you can read about our [research](https://clinic.example.com/research) on it."
    assert _links(store, text) == []
