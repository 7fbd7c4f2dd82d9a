"""Kinds of miss the fresh dev26 pages showed (session 15), in sentences of our own: a link whose address holds brackets,
a year's letter printed as a capital, a Cochrane citation with its issue in square brackets, method sentences (how long
groups were followed, an aim "of reducing pain", who the participants were) and a finding promised but not said."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.check.claim_method import method_only
from physiohub.check.claim_not_claims import TEASER
from physiohub.store import Store


def _check(tmp_path, text, html=False):
    store = Store(tmp_path / "hub.db")
    try:
        return check_article(store, text, html=html)
    finally:
        store.close()


def test_a_link_whose_address_holds_brackets_is_read_whole(tmp_path):
    url = "https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(24)00123-4/fulltext"
    html = (f"<html><body><article><h1>Walking and back pain</h1><p>The trial, published in <a href='{url}'><em>The Lancet</em>"
            "</a>, found that walkers stayed free of back pain for longer.</p></article></body></html>")
    res = _check(tmp_path, html, html=True)
    assert [r.get("url") for r in res["references"]] == [url]
    assert res["claims"][0]["references"] == [0]


def test_a_capital_year_letter_is_the_year_and_its_letter(tmp_path):
    res = _check(tmp_path, "# Neck pain\n\nSome words.\n\nYoga eased neck pain more than home exercise [Lee et al. 2013A].\n")
    assert [(r.get("authors"), r.get("year")) for r in res["references"]] == [(["Lee et al."], 2013)]


def test_a_cochrane_citation_with_its_issue_in_square_brackets(tmp_path):
    res = _check(tmp_path, "# Knees\n\nSome words.\n\nExercise eased knee pain in 32 trials "
                           "(Cochrane Database Syst Rev. 2008[4]:CD004376).\n")
    assert [(r.get("journal"), r.get("year")) for r in res["references"]] == [("Cochrane Database Syst Rev.", 2008)]


@pytest.mark.parametrize("text", [
    "Both groups were then followed for at least a year, and the researchers tracked any return of back pain.",
    "A study by Lee et al. set out to test the effect of manipulation on shoulder movement, with a secondary aim of reducing pain.",
    "The study looked at 60 people who had had shoulder pain for 6 months and who showed clinical signs of tendinopathy.",
    "On average, participants had had four years of pain before joining the study."])
def test_method_sentences(text):
    assert method_only(text)


@pytest.mark.parametrize("text", ["Exercise reduced pain more than rest after a year of follow-up.",
                                  "Those who were followed for a year had less pain than those who rested."])
def test_results_are_not_method_sentences(text):
    assert not method_only(text)


def test_a_finding_promised_is_a_teaser():
    assert TEASER.search("Scientists went through 200 studies to find the best exercise for knee pain, and found something interesting")
    assert not TEASER.search("Scientists went through 200 studies and found that walking eased knee pain")
