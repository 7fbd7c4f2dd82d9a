"""The editors' work in headless Chromium, on a hub of this module's own: a verdict correction followed
through review to publication (the parts worded from the old verdict are listed until the card is saved;
history in human labels; readers see the new verdict and why), and the review queue's search and filters."""
from __future__ import annotations

import pytest

from .conftest import sign_in

pytestmark = pytest.mark.browser

DRAFT_TITLE = "Secret unpublished draft about shoulder exercise dosing"


def _queue_titles(page) -> list[str]:
    if page.locator("table.queue").count() == 0:
        return []
    return [t.strip() for t in page.locator("table.queue tbody tr td:first-child a").all_inner_texts()]


def test_verdict_correction_then_review_and_publish(page, browser, own_hub):
    base, ids = own_hub
    sid = ids["draft"]
    sign_in(page, base)
    page.get_by_role("link", name=DRAFT_TITLE).click()
    page.wait_for_url(f"{base}/editor/studies/{sid}")
    assert page.locator("#to-review").count() == 0

    # The editor corrects the verdict in the appraisal form.
    assert page.get_by_label("Verdict").input_value() == "Too early to tell"
    page.get_by_label("Verdict").select_option("No clear difference")
    page.get_by_label("Reason for the change").fill("the planned comparison is reported as equal")
    page.get_by_role("button", name="Save appraisal").click()
    page.wait_for_url("**?done=appraisal")
    assert page.locator("p.notice").inner_text() == "Appraisal saved."
    assert page.get_by_label("Verdict").input_value() == "No clear difference"
    # Every sentence worded from the old verdict is listed for review, with what changed.
    banner = page.locator("#to-review")
    assert "verdict: Too early to tell → No clear difference" in banner.inner_text()
    listed = banner.locator("li").all_inner_texts()
    assert "The upshot: answer" in listed and "Why it matters: for patients" in listed
    # The card's badge already follows the appraisal.
    assert "No clear difference" in page.locator("main").inner_text()

    # The editor rewrites the answer and saves the card: the parts count as reviewed.
    page.get_by_label("The upshot: answer").fill("The two doses did about as well as each other.")
    page.get_by_label("Note for the history").fill("answer reworded for the corrected verdict")
    page.get_by_role("button", name="Save card").click()
    page.wait_for_url("**?done=saved")
    assert page.locator("p.notice").inner_text() == "Card saved."
    assert page.locator("#to-review").count() == 0

    # Draft -> in review -> published.
    page.get_by_role("button", name="Send to review").click()
    page.wait_for_url("**?done=status")
    assert page.locator("strong.status-in_review").count() == 1
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**?done=status")
    assert page.get_by_role("button", name="Unpublish").is_visible()

    # History: human labels and real before/after values, newest first.
    history = page.locator("#h-hist + ol.history")
    rows = [(r.locator("td").nth(0).inner_text(), r.locator("td").nth(1).inner_text(),
             r.locator("td").nth(2).inner_text()) for r in history.locator("tr:has(td)").all()]
    assert ("Verdict", "Too early to tell", "No clear difference") in rows
    assert ("The upshot: answer", "This protocol describes the planned trial.",
            "The two doses did about as well as each other.") in rows
    text = history.inner_text()
    assert "badges.verdict" not in text and "(changed)" not in text
    assert "answer reworded for the corrected verdict" in text

    # A reader sees the corrected card: the new verdict, its reason, the new answer; search filters by it.
    reader = browser.new_context().new_page()
    assert reader.goto(f"{base}/studies/{sid}").status == 200
    verdict = reader.locator("details.badge-x.verdict")
    assert verdict.locator("summary").inner_text().endswith("No clear difference")
    verdict.locator("summary").click()
    assert "set by editor edna: the planned comparison is reported as equal" in verdict.inner_text()
    assert reader.locator(".upshot .answer").inner_text() == "The two doses did about as well as each other."
    reader.goto(f"{base}/search?q=shoulder+exercise+dosing&verdict=No+clear+difference")
    assert DRAFT_TITLE in reader.locator("ol.results").inner_text()
    reader.context.close()
    assert page.problems == []


def test_queue_search_filters_and_sort(page, own_hub):
    base, ids = own_hub
    sign_in(page, base)
    assert len(_queue_titles(page)) == 9
    # On a wide screen the filters sit side by side (not a column of full-width selects above the list).
    rows = {round(page.get_by_label(name).bounding_box()["y"]) for name in ("Design", "Verdict", "Topic", "Sort")}
    assert len(rows) == 1, rows
    # Priority order: what waits for an editor (in review, then drafts) before what is published.
    rank = {"in review": 0, "draft": 1, "published": 2}
    statuses = [s.split("\n")[0] for s in page.locator("table.queue tbody tr td:nth-child(2)").all_inner_texts()]
    assert statuses[0] == "draft" and [rank[s] for s in statuses] == sorted(rank[s] for s in statuses)

    box = page.get_by_label("Search titles, PMID or DOI")
    box.fill("meniscal")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**/editor?*q=meniscal*")
    assert _queue_titles(page) == ["Arthroscopic surgery or exercise therapy for degenerative meniscal tears in "
                                   "middle-aged patients"]
    assert box.input_value() == "meniscal"  # the search stays in the box

    box.fill("90000005")  # a PMID
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**q=90000005*")
    assert _queue_titles(page) == ["Shockwave therapy for plantar heel pain: a randomised trial"]

    box.fill("")
    page.get_by_label("Verdict").select_option("Supports")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**verdict=Supports*")
    supports = _queue_titles(page)
    assert len(supports) == 3 and "Shockwave therapy for plantar heel pain: a randomised trial" in supports
    page.get_by_label("Design").select_option("meta-analysis")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**design=meta-analysis*")
    assert _queue_titles(page) == [
        "Pain education combined with exercise for chronic low back pain: a systematic review and meta-analysis"]
    assert page.get_by_label("Verdict").input_value() == "Supports"  # the other filter is kept

    # The honesty check's flag: the imported trial whose abstract gives no result.
    page.goto(base + "/editor")
    page.get_by_label("Flagged by the honesty check").check()
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**flagged=1*")
    assert _queue_titles(page) == ["Invented manual therapy or exercise for neck pain: a randomised trial"]

    page.goto(base + "/editor")
    page.get_by_label("Topic").select_option("Digital & Remote Care")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**topic=Digital*")
    assert _queue_titles(page) == ["<script>alert(1)</script><img src=x onerror=alert(1)> Hostile title test"]

    # Sorted by date: the card changed last comes first.
    page.goto(f"{base}/editor/studies/{ids['knee']}")
    page.get_by_label("Note for the history").fill("touched for the sort")
    page.get_by_role("button", name="Save card").click()
    page.wait_for_url("**?done=saved")
    page.goto(base + "/editor")
    page.get_by_label("Sort").select_option("date")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**sort=date*")
    assert _queue_titles(page)[0].startswith("Arthroscopic surgery")

    # A search that matches nothing says so.
    page.goto(base + "/editor")
    page.get_by_label("Search titles, PMID or DOI").fill("fibromyalgia")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**q=fibromyalgia*")
    assert _queue_titles(page) == [] and "No cards here." in page.locator("main").inner_text()
    assert page.problems == []


def test_editor_pages_fit_a_phone(browser, own_hub):
    base, ids = own_hub
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, base)
    for url in ("/editor", "/editor?verdict=Supports&sort=date", f"/editor/studies/{ids['tendon']}",
                f"/editor/studies/{ids['flagged']}"):
        page.goto(base + url)
        # No sideways scrolling of the page: wide tables scroll inside their own box.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
    context.close()


def test_queue_tabs_keep_the_search_and_filters(page, own_hub):
    base, _ = own_hub
    sign_in(page, base)
    page.get_by_label("Search titles, PMID or DOI").fill("exercise")
    page.get_by_label("Verdict").select_option("Supports")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url("**verdict=Supports*")
    found = _queue_titles(page)
    assert found and all("exercise" in t.lower() for t in found)
    # Switching the status tab narrows the same search, it does not start again from every card.
    page.get_by_role("navigation", name="Card status").get_by_role("link", name="Published").click()
    page.wait_for_url("**status=published*")
    assert page.get_by_label("Search titles, PMID or DOI").input_value() == "exercise"
    assert page.get_by_label("Verdict").input_value() == "Supports"
    assert set(_queue_titles(page)) <= set(found) and _queue_titles(page)
    page.get_by_role("navigation", name="Scope").get_by_role("link", name="Out of scope").click()
    page.wait_for_url("**scope=out*")
    assert "status=published" in page.url and "q=exercise" in page.url
    page.get_by_role("navigation", name="Card status").get_by_role("link", name="All").click()
    page.wait_for_url(lambda url: "status=" not in url and "q=exercise" in url and "scope=out" in url)
    assert page.problems == []
