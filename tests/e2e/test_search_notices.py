"""Search says what it did, in headless Chromium: a year filter names the undated studies it left out and
offers them back (issue 15, item 11), and a word no study has is named."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

UNDATED = "Invented hip strengthening exercise for runners with knee pain: a randomised trial"
KNEE_2021 = "Arthroscopic surgery or exercise therapy for degenerative meniscal tears in middle-aged patients"
TENDON_2023 = "Loading exercise that is allowed to hurt versus pain-free exercise for Achilles tendinopathy"


def _titles(page) -> list[str]:
    return page.locator("ol.results li.result h3 a").all_inner_texts()


def test_year_filter_says_how_many_undated_studies_it_left_out_and_offers_them(page, own_hub):
    base, _ = own_hub
    page.goto(base + "/search?q=exercise+knee+pain")
    titles = _titles(page)
    assert UNDATED in titles and KNEE_2021 in titles
    # The reader sets "From year" in the filters box and applies it.
    page.locator("details.filters-box > summary").click()
    page.get_by_label("From year").fill("2022")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**year_from=2022*")
    titles = _titles(page)
    assert UNDATED not in titles and KNEE_2021 not in titles and any(TENDON_2023 in t for t in titles)
    notice = page.locator("p.notice", has_text="with no year")
    assert notice.inner_text() == ("1 study with no year is left out by the year filter. Include undated studies")
    notice.get_by_role("link", name="Include undated studies").click()
    page.wait_for_url("**include_undated=1*")
    titles = _titles(page)
    assert UNDATED in titles and KNEE_2021 not in titles  # the year range still holds for dated studies
    assert page.get_by_label("From year").input_value() == "2022"
    assert page.locator("p.notice", has_text="with no year").count() == 0
    # The choice stays when the reader changes the year range in the filters box and applies it again.
    page.get_by_label("To year").fill("2030")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**year_to=2030*")
    assert UNDATED in _titles(page) and page.locator("p.notice", has_text="with no year").count() == 0
    page.get_by_label("Include studies with no year").uncheck()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(lambda url: "include_undated" not in url)
    assert UNDATED not in _titles(page) and page.locator("p.notice", has_text="with no year").count() == 1
    # No year filter, no notice.
    page.goto(base + "/search?q=exercise+knee+pain&year_to=2030")
    assert page.locator("p.notice", has_text="with no year").count() == 1
    page.goto(base + "/search?q=exercise+knee+pain")
    assert page.locator("p.notice", has_text="with no year").count() == 0
    assert page.problems == []


def test_a_word_no_study_has_is_named(page, own_hub):
    base, _ = own_hub
    page.goto(base + "/search?q=fibromyalgia+exercise")
    # This hub has no embeddings: the other word's studies are shown, and the page says that is what they match.
    assert page.locator("p.notice", has_text="No study mentions").all_inner_texts() == [
        "No study mentions fibromyalgia; these match your other words:"]
    assert _titles(page) and all("fibromyalgia" not in t.lower() for t in _titles(page))
    assert page.problems == []


def test_a_search_with_no_results_uses_the_whole_width(page, own_hub):
    """No results means no refine column: the notices and the heading take the page's width, not the narrow
    column kept for the filters (where "Did you mean" wrapped word by word)."""
    base, _ = own_hub
    page.goto(base + "/search?q=menicsal")
    assert page.locator("p.notice", has_text="Did you mean").count() == 1
    assert page.locator("aside.facets").count() == 0
    form = page.locator("form.search").bounding_box()
    hits = page.locator("section.hits").bounding_box()
    assert hits["x"] == form["x"] and hits["width"] >= 0.95 * form["width"], (hits, form)
    page.goto(base + "/search?q=exercise")  # with results the filters keep their column
    assert page.locator("section.hits").bounding_box()["x"] > page.locator("aside.facets").bounding_box()["x"]


def test_the_notices_and_the_year_filter_fit_a_phone(browser, own_hub):
    from .test_browser import _SMALL_TARGETS_JS

    base, _ = own_hub
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for url in ("/search?q=exercise+knee+pain&year_from=2022", "/search?q=exercise&year_from=2022&include_undated=1",
                "/search?q=menicsal", "/search?q=fibromyalgia+exercise"):
        page.goto(base + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
        assert page.evaluate(_SMALL_TARGETS_JS) == [], url
    context.close()
