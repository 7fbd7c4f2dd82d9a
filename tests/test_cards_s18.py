"""Session 17's card reading (docs/cards-review.md, "Session 18 (cards18)"): a link the abstract reports clear in one
age group only is not stated as general; a survey's headline share goes into the upshot and the patients' note, and its
question comes from its aim; a term of the statistical model ("the interaction of time with treatment was significant")
and the study's aim are no key points while results are there to tell. Abstracts are invented, in the shape of the
ones read."""
from __future__ import annotations

import re

from physiohub.appraise.core import appraise
from physiohub.cards import check_grounding, generate_card
from physiohub.cards.generate import _model_statistics as model_statistics
from physiohub.models import AbstractSection, Record


def _record(title: str, sections: list[tuple[str, str]]) -> Record:
    return Record(source_format="test", source_id="t18", year=2016, title=title,
                  abstract_sections=[AbstractSection(text=t, label=l, category=l) for l, t in sections])


def _card(title: str, sections: list[tuple[str, str]]) -> tuple[dict, Record]:
    rec = _record(title, sections)
    card = generate_card(rec, appraise(rec))
    assert check_grounding(card, rec) == []
    return card, rec


# --- statistical model terms and aims ------------------------------------------------------------------------------

def test_a_model_term_without_direction_is_statistics_only():
    assert model_statistics("The duration of follow-up and the interaction of duration with type of brace were "
                            "statistically significant (ps < 0.03).")
    assert model_statistics("No significant interaction was identified.")
    # it says which way: a result
    assert not model_statistics("A significant group-by-time interaction was found, with greater gains in the "
                                "exercise group than in the control group.")
    # the main effect of a named treatment in a factorial trial is that treatment's effect
    assert not model_statistics("There was a significant main effect of the education programme on knowledge scores.")
    # "interaction" that is no model term
    assert not model_statistics("Nurses valued the interaction with patients.")


_TRIAL = [
    ("BACKGROUND", "Knee braces are widely used for knee osteoarthritis."),
    ("OBJECTIVE", "To compare an unloader brace with a neutral brace for knee pain in adults with knee osteoarthritis."),
    ("METHODS", "Seventy-two adults with knee osteoarthritis were randomly assigned to an unloader brace or a neutral "
                "brace for 12 weeks. Pain was measured on a 0-10 scale."),
    ("RESULTS", "At 6 weeks, the unloader brace group had significantly less pain than the neutral brace group (p = 0.02). "
                "At 12 weeks, there was no significant difference between the groups (p = 0.41). The duration of "
                "wear and the interaction of duration with type of brace were statistically significant (ps < 0.03). "
                "Walking distance improved in both groups."),
    ("CONCLUSIONS", "An unloader brace may relieve knee pain sooner than a neutral brace, but not more by 12 weeks."),
]


def test_the_model_term_and_the_aim_are_no_key_points():
    card, _ = _card("Unloader versus neutral brace for knee osteoarthritis: a randomised trial", _TRIAL)
    points = card["key_points"]
    assert not any("interaction" in p for p in points), points
    assert not any(p.startswith("It set out") for p in points), points
    assert any("less pain" in p for p in points), points
    # the finding stays in the findings, with its statistics
    assert any("interaction" in f for f in card["findings"])


def test_the_aim_is_still_a_point_when_nothing_else_can_be():
    card, _ = _card("A home exercise leaflet for older adults: a pilot", [
        ("OBJECTIVE", "To assess whether a home exercise leaflet is acceptable to older adults attending a falls clinic."),
        ("METHODS", "Older adults attending a falls clinic received the leaflet and were interviewed after four weeks."),
        ("CONCLUSIONS", "The leaflet was acceptable."),
    ])
    assert len(card["key_points"]) >= 2
