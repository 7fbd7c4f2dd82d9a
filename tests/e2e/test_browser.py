"""End to end in a real headless Chromium: search -> card; editor edits and publishes; hostile title as text."""
from __future__ import annotations

import pytest

from physiohub.web.sample import HOSTILE_TITLE

from .conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_search_then_open_a_card(page, live_hub):
    base, ids = live_hub
    page.goto(base + "/")
    page.get_by_label("Search the studies").fill("meniscal tear surgery")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=*")
    first = page.locator("ol.results li.result h3 a").first
    assert "Arthroscopic surgery" in first.inner_text()
    first.click()
    page.wait_for_url(f"**/studies/{ids['knee']}")
    assert "Arthroscopic surgery" in page.locator("h1").inner_text()
    # Badges explain themselves: opening one shows its reasons.
    evidence = page.locator("details.badge-x.evidence")
    assert not evidence.locator(".explain").is_visible()
    evidence.locator("summary").click()
    assert "step by step" in evidence.locator(".explain").inner_text()
    # The progressive-enhancement button opens every provenance panel.
    page.get_by_role("button", name="Show all sources").click()
    assert page.locator("details.prov[open]").count() == page.locator("details.prov").count() > 0
    assert page.problems == []  # nothing blocked by the CSP, no script errors


def test_editor_edits_publishes_and_the_public_sees_it(page, browser, live_hub):
    base, ids = live_hub
    sid = ids["draft"]
    public = browser.new_context().new_page()
    assert public.goto(f"{base}/studies/{sid}").status == 404

    page.goto(f"{base}/editor/sign-in")
    page.get_by_label("Name").fill("edna")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/editor")
    page.get_by_role("link", name="Secret unpublished draft about shoulder exercise dosing").click()
    page.get_by_label("The upshot: answer").fill("A browser-made answer: we do not know yet.")
    page.get_by_label("Note for the history").fill("e2e edit")
    page.get_by_role("button", name="Save card").click()
    assert "Card saved." in page.locator(".notice").inner_text()
    page.get_by_role("button", name="Send to review").click()
    page.get_by_role("button", name="Publish").click()
    assert page.get_by_role("button", name="Unpublish").is_visible()
    assert "e2e edit" in page.locator("#h-hist + ol").inner_text()

    response = public.goto(f"{base}/studies/{sid}")
    assert response.status == 200
    assert "A browser-made answer: we do not know yet." in public.locator(".upshot .answer").inner_text()
    public.context.close()
    assert page.problems == []


def test_hostile_title_is_shown_as_text(page, live_hub):
    base, ids = live_hub
    page.goto(f"{base}/studies/{ids['hostile']}")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.locator("h1 img, h1 script").count() == 0
    page.goto(f"{base}/search?q=hostile+title")
    assert HOSTILE_TITLE in page.locator("ol.results").inner_text()
    assert page.problems == []  # no alert() dialog, no error


def test_keyboard_skip_link_reaches_the_content(page, live_hub):
    base, _ = live_hub
    page.goto(base + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_pages_fit_a_phone_screen(browser, live_hub):
    base, ids = live_hub
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for url in ("/", "/search?q=exercise", f"/studies/{ids['tendon']}", "/check", "/editor/sign-in"):
        page.goto(base + url)
        # No sideways scrolling: everything wraps inside the phone's width.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
    context.close()


def test_search_says_what_it_did_and_the_api_reference_is_a_page(page, live_hub):
    base, _ = live_hub
    # A typo: the hub offers its own word, and the link runs the corrected search.
    page.goto(f"{base}/search?q=menicsal+tear")
    hint = page.locator("p.notice", has_text="Did you mean")
    assert hint.count() == 1
    hint.locator("a").click()
    page.wait_for_url("**/search?q=meniscal*")
    assert "Arthroscopic surgery" in page.locator("ol.results").inner_text()
    # Only common words: no list of every study, a request for more words.
    page.goto(f"{base}/search?q=the")
    assert "Please add a word" in page.locator("h2#hits-h").inner_text()
    assert page.locator("ol.results").count() == 0
    # The footer's API link opens a readable reference, not raw JSON, with nothing blocked by the CSP.
    page.goto(base + "/")
    page.get_by_role("link", name="API").click()
    page.wait_for_url("**/api/docs")
    assert page.locator("h1").inner_text() == "API reference"
    assert page.locator("section.api-op").count() >= 5
    assert page.problems == []


def test_saving_the_card_warns_before_dropping_a_verdict_correction(page, live_hub):
    base, ids = live_hub
    page.goto(f"{base}/editor/sign-in")
    page.get_by_label("Name").fill("edna")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/editor")
    page.goto(f"{base}/editor/studies/{ids['tendon']}")
    page.get_by_label("Verdict").select_option("Mixed picture")
    page.get_by_role("button", name="Save card").click()  # the dialog is dismissed: nothing is saved, nothing lost
    assert any("drops those changes" in p for p in page.problems)
    assert page.get_by_label("Verdict").input_value() == "Mixed picture"  # the correction is still in the form
    page.problems.clear()
    page.get_by_label("Reason for the change").fill("primary outcome was null")
    page.get_by_role("button", name="Save appraisal").click()
    page.wait_for_load_state()
    assert page.get_by_label("Verdict").input_value() == "Mixed picture"
    assert page.problems == []


_CONTRAST_JS = """(el) => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  // an outline drawn outside the element (offset > 0) sits on the parent's background
  let bg = null, node = parseFloat(getComputedStyle(el).outlineOffset) > 0 ? el.parentElement : el;
  while (node && node.nodeType === 1) {
    const c = getComputedStyle(node).backgroundColor;
    if (c && !/rgba\\(.*,\\s*0\\)$/.test(c) && c !== 'transparent') { bg = rgb(c); break; }
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255];
  const ring = rgb(getComputedStyle(el).outlineColor);
  const [a, b] = [lum(ring), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""

_SMALL_TARGETS_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary, textarea')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;                      // not shown
    if (el.closest('p, li.result p, .prose, td')) continue;   // a link inside a sentence (WCAG 2.5.8 exception)
    if (r.width < 24 || r.height < 24) out.push(el.outerHTML.slice(0, 80) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
  }
  return out;
}"""


def test_phone_search_filters_on_top_targets_focus_and_headings(browser, live_hub):
    base, ids = live_hub
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base}/search?q=exercise")
    # The refine links are behind a "Filters" control above the results, closed until opened.
    refine = page.locator("details.refine")
    assert refine.count() == 1
    top_of = lambda sel: page.locator(sel).first.bounding_box()["y"]
    assert top_of("details.refine > summary") < top_of("ol.results")
    assert not refine.evaluate("d => d.open")
    assert not page.locator("aside.facets a").first.is_visible()
    refine.locator("summary").click()
    assert page.locator("aside.facets a").first.is_visible()
    for url in ("/", "/search?q=exercise", f"/studies/{ids['tendon']}", "/topics", "/check"):
        page.goto(base + url)
        assert page.evaluate(_SMALL_TARGETS_JS) == [], url
        levels = page.evaluate("[...document.querySelectorAll('main h1, main h2, main h3, main h4')].map(h => +h.tagName[1])")
        assert levels and levels[0] == 1, url
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (url, levels)
    page.goto(base + "/topics")
    page.locator("main a[href^='/topics/']").first.click()
    levels = page.evaluate("[...document.querySelectorAll('main h1, main h2, main h3')].map(h => +h.tagName[1])")
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    context.close()


def test_focus_rings_stand_out_from_their_background(page, live_hub):
    base, _ = live_hub
    page.goto(base + "/search?q=exercise")
    ratios = []
    for _ in range(12):  # the header's links, the search box and its button, the first results
        page.keyboard.press("Tab")
        ratios.append((page.evaluate("document.activeElement.outerHTML.slice(0, 60)"),
                       page.evaluate(f"({_CONTRAST_JS})(document.activeElement)")))
    assert [x for x in ratios if x[1] < 3] == []
