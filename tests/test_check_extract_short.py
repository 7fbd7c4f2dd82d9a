"""Short HTML pages: the extractor's main text is kept with its links (a news brief's one link is its source)."""
from physiohub.check.extract import _lxml_text, html_to_text

BRIEF = ("<html><head><title>Walking eases back pain, trial finds</title></head><body>"
         "<h1>Walking eases back pain, trial finds</h1>"
         '<p>A <a href="https://doi.org/10.1000/walk-2024-001">new trial</a> found that a walking programme cut '
         "the number of back pain flare-ups.</p></body></html>")


def test_short_page_keeps_link_and_sentence_whole():
    text = html_to_text(BRIEF)
    assert "[new trial](https://doi.org/10.1000/walk-2024-001)" in text
    # one line for the sentence, not a line per inline element
    assert "A [new trial](https://doi.org/10.1000/walk-2024-001) found that a walking programme cut" in text
    assert text.startswith("# Walking eases back pain, trial finds")


def test_short_page_reference_found_through_the_checker(tmp_path):
    from physiohub.check import check_article
    from physiohub.store import Store

    store = Store(tmp_path / "hub.db")
    try:
        res = check_article(store, BRIEF, html=True)
    finally:
        store.close()
    assert [r.get("doi") for r in res["references"]] == ["10.1000/walk-2024-001"]
    assert any("walking programme" in c["text"] for c in res["claims"])


def test_longer_page_unchanged_by_the_short_page_path():
    body = "".join(f"<p>Paragraph {i} says something plain about backs and the people who have them, at some length.</p>"
                   for i in range(40))
    html = f"<html><body><article><h1>Backs</h1>{body}</article></body></html>"
    text = html_to_text(html)
    assert "Paragraph 0 says" in text and "Paragraph 39 says" in text


def test_fallback_text_keeps_links():
    html = ('<html><body><p>The <a href="https://www.example.org/guidance/back">national guideline</a> recommends '
            "exercise.</p><li>See <a href='https://doi.org/10.1000/x1'>the review</a></li></body></html>")
    text = _lxml_text(html)
    assert "[national guideline](https://www.example.org/guidance/back)" in text
    assert "[the review](https://doi.org/10.1000/x1)" in text
