"""The page's headline, which the main-text extractor keeps only as metadata, is read as the article's first line
(a headline that states a finding is a claim). Pages written for this test."""
from __future__ import annotations

from physiohub.check.extract import html_to_text

BODY = ("<p>Two recent trials of adults with back pain found that a walking programme cut the number of new episodes "
        "over a year, compared with usual care. The walkers also took fewer days off work.</p>"
        "<p>Both trials were published this spring in an example spine journal and followed 700 adults in all.</p>")


def test_the_headline_comes_back_as_the_first_line():
    html = f"<html><head><title>Example Clinic</title></head><body><article><h1>Walking Cuts Back Pain Relapses, Trials Find</h1>{BODY}</article></body></html>"
    text = html_to_text(html)
    assert text.startswith("# Walking Cuts Back Pain Relapses, Trials Find")
    assert text.count("Walking Cuts Back Pain Relapses") == 1


def test_a_headline_the_text_already_holds_is_not_repeated():
    # (the extractor keeps this page's h1 and its h2 of the same words: nothing is added on top)
    html = f"<html><body><article><h1>Walking and back pain</h1><h2>Walking and back pain</h2>{BODY}</article></body></html>"
    assert html_to_text(html).lower().count("walking and back pain") == 2
