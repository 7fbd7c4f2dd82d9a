"""Year and design of a claim from where the article gives them (issue 13, item 3): the research it continues, the
research it points back at, the head of the phrase that names it, a headline's own words.

Every sentence is written for this test (rules: tests/fixtures/check/real/README.md)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from physiohub.check import check_article
from physiohub.check.claims import design_of, find_claims, head_design, stated_design
from physiohub.check.document import parse_document
from physiohub.store import Store


class _ByStart(dict):
    """Claims looked up by how their text starts."""

    def __getitem__(self, start: str):
        hits = [v for k, v in self.items() if k.startswith(start)]
        assert len(hits) == 1, (start, list(self))
        return hits[0]


def _claims(text: str) -> _ByStart:
    """Each claim the rules alone find in an article (under a neutral title) -> (year, design)."""
    doc = parse_document("# Notes on pain\n\n" + text)
    return _ByStart({c.text: (c.year, c.design) for c in find_claims(doc.sentences, learned=False)})


def check_article_claims(text: str) -> _ByStart:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "t.db")
        try:
            return _ByStart({c["text"]: c for c in check_article(store, text)["claims"]})
        finally:
            store.close()


def test_results_in_the_next_paragraphs_take_the_trial_they_continue():
    text = """A 2021 randomised trial found that a walking programme cut the return of back pain by a quarter.

The researchers found that walkers went almost twice as long before their pain came back.

After three years, both groups had less pain, but the walkers had fewer days off work.
"""
    got = _claims(text)
    assert got["A 2021 randomised trial found t"] == (2021, "randomised trial")
    assert got["The researchers found that walk"] == (2021, "randomised trial")
    assert got["After three years, both groups "] == (2021, "randomised trial")


def test_a_generic_word_pointing_back_takes_the_specific_design():
    text = """A 2019 meta-analysis of 30 trials found that foam rolling eased soreness after exercise.
These findings suggest that rolling is a useful part of recovery. The study also showed no harm to sprint times.
"""
    got = _claims(text)
    assert got["These findings suggest that rol"] == (2019, "meta-analysis")
    assert got["The study also showed no harm t"] == (2019, "meta-analysis")


def test_a_headline_keeps_its_own_design():
    text = """# Swimming eases hip pain in older adults

A 2020 trial of 300 older adults found that swimming twice a week eased hip pain more than advice alone.
"""
    claims = check_article_claims(text)
    headline = claims["Swimming eases hip pain in old"]
    assert (headline["year"], headline["design"]) == (None, None)
    assert (claims["A 2020 trial of 300 older adul"]["design"]) == "trial"


def test_guidelines_organisations_and_new_researchers_are_their_own_source():
    text = """A 2022 randomised trial found that a home exercise plan eased knee pain as much as clinic visits.
Current clinical guidelines recommend exercise as the first treatment for knee pain.
Researchers at an Example University have shown that cycling is also gentle on painful knees.
"""
    got = _claims(text)
    assert got["A 2022 randomised trial found t"] == (2022, "randomised trial")
    assert got["Current clinical guidelines rec"][1] is None
    assert got["Researchers at an Example Univ"][1] is None


def test_a_sentence_stating_no_design_without_research_before_it_has_none():
    got = _claims("Researchers found that people who sleep well report less back pain.")
    assert got["Researchers found that people "] == (None, None)


def test_the_design_is_the_head_of_the_phrase_that_names_it():
    assert head_design("a 2012 review of 159 trials found") == "review"
    assert head_design("A new study pooling the results of earlier clinical trials has shown") == "study"
    assert head_design("a systematic review and meta-analysis of 20 trials found") == "meta-analysis"
    assert head_design("The study, a large trial, found") == "trial"
    assert head_design("the evidence has been mixed, and one large trial suggested") == "trial"
    assert head_design("published in Example Cell Research, this study found") == "study"


def test_certainty_of_evidence_is_no_design_but_case_reports_and_reviewing_studies_are():
    assert design_of("There is some evidence that arch height changes injury rates.") is None
    assert design_of("There is surprisingly little evidence that impact forces cause injuries.") is None
    assert stated_design("I also found some case reports of bruising after massage guns.") == "case report"
    assert stated_design("They reviewed 23 studies with 30,000 people and found that exercise prevents back pain.") == "review"


def test_the_design_named_before_a_later_cue_and_results_pointing_back():
    got = _claims("Recent reviews have found little support for cupping, and no studies have compared it with exercise.\n")
    assert got["Recent reviews have found"][1] == "review"
    text = """A 2018 meta-analysis of 12 trials found that manipulation eased neck pain for a few weeks.
However, findings do suggest that the gains faded by six months. The team's results were similar for older adults.
"""
    got = _claims(text)
    assert got["However, findings do suggest"] == (2018, "meta-analysis")


def test_words_read_only_for_the_design_do_not_find_claims():
    # the claim finder reads its design words as before: a case report names no research for it, reviewed studies are studies
    assert design_of("I also found some case reports of bruising after massage guns.") is None
    assert design_of("They reviewed 23 studies of running shoes.") == "study"
