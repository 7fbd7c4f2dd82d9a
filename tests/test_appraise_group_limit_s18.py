"""A link clear in one group of people and not in another is no null for everyone (session 18, cards18's left fault):
the verdict of an observational study reads it as a mixed picture and says in which group the result held.
Abstracts written for this test."""
from __future__ import annotations

from physiohub.appraise.verdict import decide_verdict
from physiohub.text import Sentence


def _s(i: int, text: str) -> Sentence:
    return Sentence(id=f"s{i}", text=text, start=0, end=len(text))


def _verdict(results: list[str], conclusion: str):
    res = [_s(i, t) for i, t in enumerate(results, 1)]
    concl = [_s(9, conclusion)]
    return decide_verdict("cross-sectional", "Type 2 diabetes and grip strength in older men and women: a survey",
                          concl, res, [], True, methods=res + concl)


def test_a_link_clear_in_women_only_is_a_mixed_picture():
    v = _verdict(["In women, grip strength was significantly lower in those with diabetes (p = 0.01).",
                  "In men, there was no significant difference in grip strength between those with and without diabetes."],
                 "There was no clear link between diabetes and grip strength overall.")
    assert v.verdict == "Mixed picture"
    assert "by group" in v.reasons[-1] and "women" in v.reasons[-1]


def test_a_null_in_every_group_stays_no_clear_difference():
    v = _verdict(["In women, there was no significant difference in grip strength between those with and without diabetes.",
                  "In men, there was no significant difference in grip strength either."],
                 "There was no clear link between diabetes and grip strength.")
    assert v.verdict == "No clear difference"


def test_an_association_cards_mixed_picture_speaks_of_links_not_benefits():
    from physiohub.appraise.core import appraise
    from physiohub.cards import check_grounding, generate_card
    from physiohub.cards.render import to_markdown
    from physiohub.models import AbstractSection, Record
    sections = [("OBJECTIVE", "To examine the association between type 2 diabetes and grip strength in older men and women."),
                ("METHODS", "We conducted a cross-sectional survey of 812 adults aged 65 years or over."),
                ("RESULTS", "In women, grip strength was significantly lower in those with diabetes (p = 0.01). In men, there "
                            "was no significant difference in grip strength between those with and without diabetes (p = 0.42)."),
                ("CONCLUSIONS", "There was no clear link between diabetes and grip strength overall.")]
    rec = Record(source_format="test", source_id="g18", year=2020,
                 title="Type 2 diabetes and grip strength in older men and women: a cross-sectional survey",
                 abstract_sections=[AbstractSection(text=t, label=lab, category=lab) for lab, t in sections])
    card = generate_card(rec, appraise(rec))
    assert check_grounding(card, rec) == []
    text = to_markdown(card)
    assert "Mixed picture" in text and "only in women" in text
    assert "some benefits" not in text
