"""The research a result belongs to when a sentence in between speaks of a part of it (dev15, session 10 of issue 13),
on text written here: a review of trials stays the research after "Forty of the trials compared ..."."""
from __future__ import annotations

from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document


def _designs(text: str) -> dict[str, str | None]:
    return {c.text[:30]: c.design for c in find_claims(parse_document(text).sentences, learned=False)}


def test_results_after_a_part_of_the_review_keep_the_review():
    text = ("A new systematic review brings together 60 randomised controlled trials of balance training in older people. "
            "Forty of the trials compared balance classes with no exercise. "
            "The authors found that balance classes cut falls by a fifth.")
    got = _designs(text)
    assert got["The authors found that balance"] == "systematic review"


def test_a_new_trial_named_after_a_review_is_its_own_research():
    text = ("A systematic review of 60 trials found that balance classes cut falls. "
            "A separate randomised trial in Norway found that tai chi cut falls by a third. "
            "The researchers found that the benefit lasted a year.")
    got = _designs(text)
    assert got["The researchers found that the"] == "randomised trial"


def test_numbers_after_the_full_stop_name_the_source_without_making_a_claim():
    from physiohub.check.claim_sources import sources_of
    sources, cites = sources_of("Grip strength falls by a fifth after 70 in both sexes. (3, 4)", [])
    assert cites == ["3", "4"] and all(x["kind"] == "citation" for x in sources)
    # a cited description is still no claim: the numbers alone are no research cue
    text = "Heel pain that is worst with the first steps of the morning is the usual sign of plantar fasciitis. (2)"
    assert find_claims(parse_document(text).sentences, learned=False) == []
