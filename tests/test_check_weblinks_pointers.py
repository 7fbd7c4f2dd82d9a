"""Links that point to a story's or a study's full text read as references (session 13 of issue 13), on pages written
here: a digest's "Full story at [Site](...)", a pointer to an address written out ("To read more, please visit ..."),
a link whose words are an outlet and its report ("[Daily Ledger reports](...) that ..."), and one whose words are the
research with what it studied ("[An analysis of hospital records](...) suggests ..."); calls to action are not."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.store import Store


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "hub.db")
    yield s
    s.close()


def _links(store, text):
    return [(r["kind"], r["url"]) for r in check_article(store, text)["references"] if r.get("url")]


@pytest.mark.parametrize("text, url, kind", [
    ("# Joint news this week\n\nPeople with knee arthritis who walked daily reported less pain, a new study found.\n\n"
     "Full story at [Health Wire](https://healthwire.example.com/2024/walking-knee-pain)\n",
     "https://healthwire.example.com/2024/walking-knee-pain", "web"),
    ("# Runners and arthritis\n\nRecreational runners had fewer hip and knee arthritis cases than sedentary people, "
     "according to a large survey.\n\nTo read more, please visit https://short.example.com/xYz12.\n",
     "https://short.example.com/xYz12", "web"),
    ("# Arthritis costs\n\n1. [Daily Ledger reports](https://ledger.example.com/health/ra-costs) that care for rheumatoid "
     "arthritis now costs twice what it did a decade ago, according to a new analysis.\n",
     "https://ledger.example.com/health/ra-costs", "web"),
    ("# Arthritis and the heart\n\n[An analysis of hospital records](https://medwire.example.com/view/5521) suggests that "
     "people with rheumatoid arthritis have a higher risk of heart disease.\n",
     "https://medwire.example.com/view/5521", "link"),
])
def test_a_pointer_to_the_full_story_or_study_is_a_reference(store, text, url, kind):
    # (a pointer to where the story is published in full names the outlet's page, kind "web" since session 18; a
    # link whose words are the outlet and its verb is that outlet's page too; a link whose words are the research stays a
    # "link", which an in-text citation may fold into)
    assert _links(store, text) == [(kind, url)]


@pytest.mark.parametrize("text", [
    "# Book a visit\n\nExercise helps knee pain, research shows.\n\nComplete the form at [our booking page](https://clinic.example.com/book)\n",
    "# Knee pain\n\nExercise helps knee pain, research shows.\n\nTo read more, please visit our blog.\n",
    "# Knee pain\n\nExercise helps knee pain, research shows. [Our team says](https://clinic.example.com/team) it works.\n",
])
def test_calls_to_action_and_the_sites_own_pages_are_not(store, text):
    assert _links(store, text) == []
