"""Claims wherever an article puts them, and the sentences that only look like claims (issue 13, items 2-4).

Every sentence is written for this test."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.check.claims import claim_cue, design_of
from physiohub.check.document import parse_document

CLAIMS = [
    # a citation marker backs the statement
    "Conservative care settles heel pain in most people within a year [1].",
    "Weak foot muscles have been linked with arch pain (Ref 2).",
    "Running did not make knee pain worse over four years (Berg et al., 2019).",
    "Mixed exercise may help too (Cochrane Database Syst. Rev. 2019;(5):CD000111).",
    # a named organisation or source
    "According to the Example Arthritis Foundation, most people with knee pain never try exercise.",
    "According to the World Health Organization (WHO), back pain is the leading cause of disability.",
    "The Example College of Rheumatology says there is strong evidence that exercise helps hip pain.",
    "The National Institute for Health and Care Excellence recommends exercise for all adults with back pain.",
    # passive and stock research phrases
    "It has been shown that scan findings match pain poorly.",
    "It is well documented that walking eases knee pain.",
    "We know from studies that people who stay active recover sooner.",
    # a late research cue
    "Pilates eases neck pain, according to two systematic reviews.",
]

NOT_CLAIMS = [
    "Researchers recruited 351 office workers from 14 companies and randomly assigned their workplaces to two groups.",
    "The programme used in this study consisted of three 20-minute sessions a week.",
    "A recent study looked at the effect of exercise on people with knee pain.",
    "In the study, published in the journal Example Medicine, researchers reviewed 120 trials that compared 20 treatments with placebo.",
    "So what does the research actually say? Let's take a look.",
    "Let's see what the studies say about it.",
    "Recent research on neck pain has produced a handful of findings worth knowing about:",
    "The International Association for the Study of Pain defines pain as an unpleasant experience.",
    "\"The big lesson is that back pain is hard to treat,\" said a researcher who was not involved in the study.",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_claims_wherever_they_are(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_method_teasers_definitions_are_not_claims(text):
    for piece in parse_document(text).sentences:
        assert claim_cue(piece.text) is None, piece.text


def test_organisations_are_not_designs():
    assert design_of("The International Association for the Study of Pain says rest is not needed.") is None
    assert design_of("The Example Research Society International says there is strong evidence that exercise helps.") is None
    assert design_of("A study of 400 runners found fewer injuries.") == "study"


def test_result_sentences_after_a_claim_are_claims(store):
    text = ("A trial found that pain therapy lowered back pain. After treatment, about two in three patients were "
            "pain-free, compared with one in five in the placebo group. Even so, the benefit was small.\n\n"
            "Back pain affects about one in four adults.")
    res = check_article(store, text)
    found = [c["text"] for c in res["claims"]]
    assert len(found) == 3 and "one in four adults" not in " ".join(found)


def test_reference_entries_and_titles_are_never_claims(store):
    text = """Walking helps hip pain: what a new review found

A 2021 review found that walking eased hip pain (Lind et al., 2021).

## Further reading

Lind, P., & Moe, K. (2021). Walking improves hip pain: a systematic review. Phys Ther, 99(2), 100-109.
"""
    res = check_article(store, text)
    assert res["title"].startswith("Walking helps hip pain")
    texts = [c["text"] for c in res["claims"]]
    assert not any("Phys Ther" in t for t in texts)
    assert not any(t.startswith("Walking helps hip pain") and "A 2021 review" in t for t in texts)
    assert res["references"][0]["kind"] == "list" and res["references"][0]["year"] == 2021
