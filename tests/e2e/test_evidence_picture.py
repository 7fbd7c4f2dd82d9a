"""The evidence picture in headless Chromium: it renders under the strict CSP, carries its table, a mark
leads to exactly the studies it counts, and the pages that carry it still fit a phone."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.set_default_timeout(10_000)
    problems: list[str] = []
    p.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)  # CSP violations land here
    p.on("pageerror", lambda e: problems.append(str(e)))
    p.problems = problems  # type: ignore[attr-defined]
    yield p
    context.close()


def test_picture_renders_with_its_table_and_a_mark_leads_to_its_studies(page, live_hub):
    base, _ = live_hub
    page.goto(f"{base}/topics/exercise-and-loading")
    svg = page.locator("svg.ep-svg")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 80
    marks = page.locator("svg.ep-svg circle.ep-mark")
    assert marks.count() >= 2
    # the marks are drawn in the verdict colours by the stylesheet (no inline style): not black, not invisible
    fill = marks.first.evaluate("el => getComputedStyle(el).fill")
    assert fill not in ("", "none", "rgb(0, 0, 0)")
    table = page.locator("table.ep-table")
    assert table.is_visible()
    assert table.locator("thead th").all_inner_texts()[1:6] == [
        "Supports", "Mixed picture", "No clear difference", "Does not support", "Too early to tell"]
    # The meta-analysis row: click its mark and land on a topic page listing that one study, of that design.
    row = table.locator("tbody tr", has=page.locator("th", has_text="Meta-analysis"))
    link = row.locator("td a").first
    count = int(link.inner_text().split()[0])
    href = link.get_attribute("href")
    page.locator(f'svg.ep-svg a[href="{href}"] circle').click()
    page.wait_for_url(f"**{href}")
    assert page.locator("ol.results > li").count() == count
    assert page.get_by_text("Showing only: Meta-analysis").is_visible()
    assert f"{count} published stud" in page.locator("main h2").last.inner_text()
    assert page.problems == []  # type: ignore[attr-defined]


# Every element's right edge, outside the scroll boxes that clip it: what makes a page scroll sideways.
_WIDER_THAN_JS = """w => [...document.querySelectorAll('body *')].filter(el => el.getBoundingClientRect().right > w + 0.5)
  .map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))"""


@pytest.mark.parametrize("width", [390, 320])
# the last one fills the picture's last column: its hidden link texts lie furthest right
@pytest.mark.parametrize("url", ["/topics/exercise-and-loading", "/search?q=exercise", "/search?verdict=Too+early+to+tell"])
def test_pages_with_the_picture_fit_a_phone(browser, live_hub, url, width):
    """Nothing scrolls sideways at 390 px (a common phone) or 320 px (WCAG 1.4.10 reflow): not the page, not
    the table (its rows stack); and each mark in the picture is a tap target of at least 24 x 24 px (WCAG 2.5.8)."""
    base, _ = live_hub
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + url)
    assert page.locator("svg.ep-svg").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.evaluate(_WIDER_THAN_JS, width)
    scroll = page.locator(".ep-scroll")
    assert scroll.evaluate("el => el.scrollWidth <= el.clientWidth"), "the table scrolls sideways"
    # stacked: each filled cell says which verdict it counts; the empty ones are out of sight
    cell = page.locator(".ep-table td:not(.ep-none):not(.ep-all)").first
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert any(v in label for v in ("Supports", "Mixed picture", "No clear difference", "Does not support",
                                    "Too early to tell")), label
    assert page.locator(".ep-table td.ep-none").first.bounding_box()["width"] <= 1
    marks = page.locator("svg.ep-svg a")
    assert marks.count() >= 2
    for box in (marks.nth(i).bounding_box() for i in range(marks.count())):
        assert box and box["width"] >= 24 and box["height"] >= 24, box
    context.close()
