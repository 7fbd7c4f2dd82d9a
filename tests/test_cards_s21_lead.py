"""The lead's card reading at the end of session 21 (docs/cards-review.md, "Session 21, end (lead)"): a survey of what
doctors do, set against a guideline, tests no treatment, and its card never says the practice "helps" or "works".
The abstract is invented, in the shape of the one read."""
from __future__ import annotations

from physiohub.appraise.core import appraise
from physiohub.appraise.verdict import study_kind
from physiohub.cards import check_grounding, generate_card
from physiohub.models import AbstractSection, Record


def test_practice_against_a_guideline_is_a_descriptive_question():
    assert study_kind("cross-sectional", "Therapists' first treatment of neck pain versus clinical guidelines", [], []) == "descriptive"
    assert study_kind("cross-sectional", "How far GP referrals are consistent with the national guideline", [], []) == "descriptive"
    # (a comparison of two treatments in a cohort is still a treatment question)
    assert study_kind("cohort", "Surgery versus physiotherapy for knee pain: a cohort study", [], []) == "intervention"


def test_a_survey_of_practice_against_a_guideline_never_says_the_practice_helps():
    sections = [
        ("OBJECTIVE", "To assess whether therapists' first treatment decisions for neck pain are consistent with the "
                      "national guideline."),
        ("DESIGN", "Cross-sectional study using an online survey."),
        ("RESULTS", "Four hundred and ten surveys were completed (response rate=31%). Only 22.4% of therapists fully "
                    "complied with the guideline. For each year in practice, the odds of noncompliance increased 1.04 times."),
        ("CONCLUSIONS", "Most therapists do not follow the neck pain guideline, and longer practice makes it less likely."),
    ]
    rec = Record(source_format="test", source_id="t21lead", year=2021,
                 title="Therapists' first treatment of neck pain versus clinical guidelines",
                 abstract_sections=[AbstractSection(text=t, label=l, category=l) for l, t in sections])
    card = generate_card(rec, appraise(rec))
    assert check_grounding(card, rec) == []
    said = " ".join([card["upshot"].get("question", ""), card["upshot"].get("answer", "")]
                    + list((card.get("why_it_matters") or {}).values())).lower()
    assert " help" not in said and "works" not in said and "suits you" not in said
