"""Session 15's card reading (docs/cards-review.md): a treatment tested on top of its comparator is asked as an add-on
(never "the choice between them"), baseline comparability is no key point, a design the appraiser could not tell is not
shown as "Other", "patients with colon or breast cancer" is no comparison of two cancers, and "physically inactive
patients with ..." are "physically inactive people with ...". Abstracts are invented, in the shape of the ones read."""
from __future__ import annotations

from physiohub.appraise.core import appraise
from physiohub.cards import generate_card
from physiohub.cards.generate import _add_on
from physiohub.cards.question import _people, from_title
from physiohub.models import AbstractSection, Record


def _card(title: str, sections: list[tuple[str, str]]) -> dict:
    rec = Record(source_format="test", source_id="t1", year=2015, title=title,
                 abstract_sections=[AbstractSection(text=t, label=l, category=l) for l, t in sections])
    return generate_card(rec, appraise(rec))


ADD_ON = [
    ("BACKGROUND", "This trial evaluated drugamab added to a standard of care, naproxen, for acute flares of gout."),
    ("METHODS", "Adults with a gout flare were randomised to drugamab plus naproxen (n = 80), placebo plus naproxen (n = 80) "
                "or drugamab alone (n = 80). The primary endpoint was the change in joint pain over 72 hours."),
    ("RESULTS", "Patient characteristics were comparable among the groups. Pain reduction was greater with drugamab plus "
                "naproxen (-1.6) than with naproxen alone (-1.4), but the difference was not statistically significant "
                "(P = 0.31). Pain reduction with drugamab alone (-0.7) was less than in the other groups."),
    ("CONCLUSIONS", "Drugamab added to naproxen, and drugamab alone, did not provide additional pain relief relative to "
                    "naproxen alone in acute gout."),
]


def test_an_add_on_trial_is_asked_as_an_add_on():
    assert _add_on("drugamab plus naproxen versus naproxen alone", "drugamab", "naproxen") == \
        ("drugamab added to naproxen", "naproxen alone")
    assert _add_on("drugamab versus naproxen", "drugamab", "naproxen") == ("drugamab", "naproxen")
    card = _card("Drugamab in acute gout: a randomized trial using naproxen as the active comparator", ADD_ON)
    text = " ".join([card["upshot"]["question"], card["upshot"]["answer"], *map(str, card["why_it_matters"].values())])
    assert "drugamab added to naproxen" in text.lower() and "naproxen alone" in text.lower()
    # never "drugamab and naproxen gave similar results, so the choice between them ...": drugamab alone did worse
    assert "drugamab and naproxen" not in text.lower()
    assert not any(k.startswith("Patient characteristics were comparable") for k in card["key_points"])
    rows = {r["label"]: r["text"] for r in card["methods"]}
    if "Intervention" in rows:   # the methods rows say the same as the question
        assert rows["Intervention"] != "Drugamab." and "naproxen" in rows["Intervention"].lower()


def test_an_unclear_design_is_not_shown_as_other():
    card = _card("Carbohydrate drinks and falls from the balance beam in young gymnasts", [
        ("BACKGROUND", "Gymnasts tire quickly; carbohydrate may help."),
        ("METHODS", "We evaluated 15 gymnasts on two days, first with water and then with a carbohydrate drink."),
        ("RESULTS", "The gymnasts fell less often on the carbohydrate day (2.3 versus 5.4 falls; p = 0.001)."),
        ("CONCLUSIONS", "A carbohydrate drink reduced the number of falls from the balance beam.")])
    clinicians = str(card["why_it_matters"]["clinicians"])
    assert not clinicians.startswith("Other")


def test_an_or_inside_the_people_is_no_comparison():
    q = from_title("Exercise during chemotherapy in physically inactive patients with colon or breast cancer: a randomised "
                   "feasibility study", "intervention")
    assert q.comparison == ""
    assert from_title("Surgery or physiotherapy for lumbar disc herniation: a randomised trial", "intervention").comparison == \
        "physiotherapy"


def test_describing_words_go_before_people():
    assert _people("physically inactive patients with colon or breast cancer") == \
        "physically inactive people with colon or breast cancer"
    assert _people("colorectal cancer patients with a mutant allele").startswith("people with colorectal cancer")
    assert _people("CRC patients with a mutant allele").startswith("people with")
