"""Headlines that state a finding with no effect verb (session 17): a link ("tied to"), a cause denied ("isn't to
blame"), a predicate of benefit ("beneficial for"), a stance ("Charity stresses ..."), a first result ("Shows
Promising Results") and a heading closing on its citation; and the news frame put last with its verb first
("..., suggests a study published in ..."). Pages of our own."""
from __future__ import annotations

from physiohub.check import check_article
from physiohub.check.claim_cues import claim_cue


def _claims(store, text: str) -> list[str]:
    return [c["text"] for c in check_article(store, text)["claims"]]


def test_a_bold_headline_linking_an_exposure_to_an_outcome_over_a_cued_study(store):
    text = ("# Clinic newsletter\n\nOur monthly notes for patients.\n\n**Cycling tied to less knee pain**\n\n"
            "A daily ride may keep knee pain away, suggests a study published online in a rheumatology journal.\n\n"
            "**Opening hours**\n\nWe are open from nine to five.\n")
    claims = _claims(store, text)
    assert "Cycling tied to less knee pain" in claims
    assert any(c.startswith("A daily ride may keep knee pain away") for c in claims)
    assert not any("Opening hours" in c for c in claims)


def test_a_page_title_with_a_predicate_of_benefit_over_the_research_it_reports(store):
    text = ("# Balance classes beneficial for people with hip arthritis\n\n"
            "A trial of 120 adults found that weekly balance classes reduced falls by a third over a year.\n")
    assert "Balance classes beneficial for people with hip arthritis" in _claims(store, text)


def test_a_topic_then_a_why_clause_is_a_label_not_a_finding(store):
    text = ("# Our blog\n\nNews from the practice.\n\n## Hip arthritis \u2013 why strength work helps\n\n"
            "Many people ask us about this. A 2020 review found that strength work reduced pain in hip arthritis.\n")
    claims = _claims(store, text)
    assert not any(c.startswith("Hip arthritis") for c in claims)
    assert any("A 2020 review found" in c for c in claims)


def test_a_heading_closing_on_its_citation_states_a_finding(store):
    text = ("# Runner's knee\n\nSome notes for runners.\n\n## Hip and knee exercises work best together (Lee et al., 2018)\n\n"
            "Adding hip work to knee work gave more pain relief at a year than knee work alone.\n")
    assert any(c.startswith("Hip and knee exercises work best together") for c in _claims(store, text))


def test_a_citation_opening_a_heading_is_still_no_claim(store):
    text = ("# Reading list\n\nPapers we like.\n\n## Lee, Park & Kim (2009) Cupping for Treating Pain: A Systematic Review\n\n"
            "It is a long read.\n")
    assert not any(c.startswith("Lee, Park") for c in _claims(store, text))


def test_the_frame_put_last_with_its_verb_first_is_a_cue():
    assert claim_cue("Walking more may guard against back pain, suggests a study published online in a journal.", []) \
        == "suggests a study"
    assert claim_cue("Knee pain eased with cycling, finds a new review in a sports journal.", []) == "finds a new review"
    assert claim_cue("The clinic is open daily, says the study coordinator.", []) is None


def test_narrative_citations_chained_before_one_verb_are_each_a_citation():
    from physiohub.check.citations import find_citations

    def cites(text: str) -> list[tuple[str, int | None]]:
        return [(c.who, c.year) for c in find_citations(text)]

    assert cites("Smith (2019) and Lee (2020) both showed that strength work reduced knee pain.") == [("Smith", 2019), ("Lee", 2020)]
    assert cites("Smith (2019), Lee (2020) and Park (2021) found the same.") == [("Smith", 2019), ("Lee", 2020), ("Park", 2021)]
    assert cites("Smith (2019) conducted a trial of 80 runners.") == [("Smith", 2019)]
    assert cites("Smith (2019), in a trial of 80 runners, found less knee pain.") == [("Smith", 2019)]
    # a journal named in prose is no citation (README R3a), nor a capitalised word that reports nothing
    assert cites("Khan et al in the Sports Medicine Journal (2000) point out that the name is poor.") == []
    assert cites("Exercise (2019) and Diet (2020) matter.") == []
