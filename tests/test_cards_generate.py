"""The extractive card generator on invented structured and unstructured abstracts."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from physiohub.cards import GENERATOR, VERSION, check_grounding, generate_card
from physiohub.cards.generate import article
from physiohub.cards.grounding import source_values, ungrounded
from physiohub.cards.parts import analyse
from physiohub.cards.phrases import claim
from physiohub.cards.plain import lay
from physiohub.cards.readability import grade
from physiohub.models import AbstractSection, Record

FIX = Path(__file__).resolve().parent / "fixtures" / "cards"


def load(name: str) -> tuple[Record, dict]:
    d = json.loads((FIX / f"{name}.json").read_text(encoding="utf-8"))
    return Record.from_dict(d["record"]), copy.deepcopy(d["appraisal"])


def all_texts(card: dict) -> list[str]:
    out = [card["upshot"].get("question", ""), card["upshot"].get("answer", "")]
    out += card.get("key_points", []) + card.get("findings", []) + card.get("limitations", [])
    out += [r["text"] for r in card.get("methods", [])] + list(card.get("why_it_matters", {}).values())
    return out


def test_structured_card_is_complete_and_grounded():
    rec, app = load("structured")
    card = generate_card(rec, app)
    assert card["generator"] == GENERATOR and card["version"] == VERSION
    assert card["upshot"]["question"].endswith("?")
    # The question names the study's own population, treatment, outcome and comparison (issue 12, item 6)
    assert card["upshot"]["question"] == ("For people with long-term Achilles tendinopathy, does progressive loading "
                                          "reduce pain compared with advice?")
    # Moderate evidence + Supports: "probably", never a flat statement; the key number leads
    assert card["upshot"]["answer"].startswith("In this trial of 82 people, progressive loading probably reduces pain")
    assert 3 <= len(card["key_points"]) <= 6
    labels = [r["label"] for r in card["methods"]]
    assert labels == ["Design", "Population", "Intervention", "Comparison", "Outcomes", "Sample", "Follow-up", "Aim"]
    # the findings carry the numbers the source reports, verbatim
    assert any("95% CI 4.2 to 18.6" in f for f in card["findings"])
    assert set(card["why_it_matters"]) == {"patients", "clinicians", "readers"}
    assert card["topics"] == {"primary": "Exercise & Loading", "others": ["Pain Science & Education"]}
    assert card["source"]["citation"].startswith("Example AB, Sample CD.")
    assert check_grounding(card, rec) == []
    values = source_values(rec)
    assert all(not ungrounded(t, values) for t in all_texts(card))


def test_every_text_has_provenance_with_real_sentence_ids():
    rec, app = load("structured")
    card = generate_card(rec, app)
    prov = {p["path"]: p for p in card["provenance"]}
    paths = ["upshot.question", "upshot.answer"]
    paths += [f"key_points.{i}" for i in range(len(card["key_points"]))]
    paths += [f"findings.{i}" for i in range(len(card["findings"]))]
    paths += [f"methods.{i}" for i in range(len(card["methods"]))]
    assert all(p in prov for p in paths)
    assert prov["findings.1"] == {"path": "findings.1", "kind": "extracted", "sources": ["s6"]}
    assert {p["kind"] for p in card["provenance"]} <= {"extracted", "rewritten", "templated"}


def test_unstructured_roles_and_implied_limitations():
    rec, app = load("unstructured")
    parts = analyse(rec)
    assert not parts.structured
    assert parts.part["s2"] == "aim"              # "This narrative review summarises ..."
    assert parts.part["s6"] == "conclusion"       # the closing sentence
    card = generate_card(rec, app)
    assert card["upshot"]["answer"].startswith("The authors conclude that allowing mild pain")
    assert "Only a little research backs this." in card["upshot"]["answer"]   # said from the badge (Limited)
    assert any(l.startswith("Narrative review: no systematic search") for l in card["limitations"])
    assert any("preliminary data" in l for l in card["limitations"])   # the authors' own limitation
    assert check_grounding(card, rec) == []


@pytest.mark.parametrize("evidence,expected", [
    ("Strong", "Exercise helps people with knee pain."),
    ("Moderate", "Exercise probably helps people with knee pain."),
    ("Limited", "Exercise may help people with knee pain."),
    ("Very limited", "We don't know yet whether exercise helps people with knee pain."),
])
def test_certainty_words_follow_evidence(evidence, expected):
    assert claim(evidence, "exercise", "helps", "help", "people with knee pain") == expected


def test_small_sample_and_animal_limits():
    rec = Record(source_format="jsonl", source_id="x", title="Loading of rat tendons",
                 abstract_sections=[AbstractSection(
                     "We loaded the Achilles tendons of 24 rats for 4 weeks. Loaded tendons were stiffer than "
                     "unloaded ones. Collagen content rose by 12% in the loaded group. Loading may help tendon repair.")])
    app = {"design": "lab/animal/experimental", "evidence": "Very limited", "verdict": "Too early to tell",
           "research_type": "Primary study", "n_participants": None, "topics": []}
    card = generate_card(rec, app)
    assert "Animal study: results may not apply to people." in card["limitations"]
    assert "Too little research backs this to be sure." in card["upshot"]["answer"]
    rec2, app2 = load("structured")
    app2["n_participants"] = 24   # not stated in the source: the limitation must not appear
    card2 = generate_card(rec2, app2)
    assert not any("24 participants" in l for l in card2.get("limitations", []))
    rec3 = Record(source_format="jsonl", title="t", abstract_sections=[AbstractSection(
        "Twenty-four adults with neck pain took part. Pain improved more with exercise than with rest. "
        "Exercise may help neck pain.")])
    app3 = {"design": "randomised controlled trial", "evidence": "Limited", "verdict": "Supports",
            "n_participants": 24}
    card3 = generate_card(rec3, app3)
    assert "Small sample: 24 participants." in card3["limitations"]   # 24 is "Twenty-four" in the source


def test_number_the_source_lacks_is_dropped_not_shipped():
    rec, app = load("structured")
    app["followup"] = "18 months"   # the appraisal claims a follow-up the abstract never states
    app["evidence_reasons"] = ["downgraded: 37 participants"]
    card = generate_card(rec, app)
    assert "Follow-up" not in [r["label"] for r in card["methods"]]
    assert not any("37" in t for t in all_texts(card))
    assert check_grounding(card, rec) == []


def test_check_grounding_catches_invented_numbers_and_bad_provenance():
    rec, app = load("structured")
    card = generate_card(rec, app)
    bad = copy.deepcopy(card)
    bad["findings"].append("Pain fell by 45% in the loading group.")
    bad["provenance"].append({"path": f"findings.{len(bad['findings']) - 1}", "kind": "extracted", "sources": ["s99"]})
    problems = check_grounding(bad, rec)
    assert {p["problem"] for p in problems} == {"number not in source", "provenance names unknown sentences"}
    assert problems[0]["detail"] == ["45"]


def test_record_without_abstract_gets_honest_minimal_card():
    rec = Record(source_format="ris", source_id="r1", title="Shoulder pain in swimmers")
    card = generate_card(rec, {"design": "other", "evidence": "Very limited", "verdict": "Too early to tell"})
    assert card["upshot"]["answer"].startswith("This record has no abstract")
    assert "findings" not in card and "key_points" not in card
    assert check_grounding(card, rec) == []


def test_plain_language_helpers():
    assert lay("Randomised controlled trial in chronic musculoskeletal pain") == \
        "Fair test comparing groups in long-term muscle and joint pain"
    assert article("calf loading programme") == "a calf loading programme"
    assert article("exercise therapy") == "exercise therapy"
    rec, app = load("structured")
    card = generate_card(rec, app)
    assert grade(card["why_it_matters"]["readers"]) <= 12
    assert not re.search(r"\bmusculoskeletal\b", card["upshot"]["answer"])


def test_grammar_of_templated_claims():
    from physiohub.cards.phrases import verdict_claim

    assert verdict_claim("Supports", "Moderate", "exercise programmes", "", "usual care") == \
        "Exercise programmes probably help compared with usual care."
    assert verdict_claim("Does not support", "Strong", "massage", "people with neck pain", "") == \
        "Massage does not help people with neck pain."
    assert verdict_claim("No clear difference", "Limited", "taping", "", "") == "Taping may make little or no difference."
    assert verdict_claim("Too early to tell", "Moderate", "injections", "", "") == \
        "It is too early to tell whether injections help."
    # "patients" becomes "people" only where the sentence stays English
    assert lay("In patients with gout, gout patients improved.") == "In people with gout, gout patients improved."


def test_procedure_spans_are_not_treatments():
    rec, app = load("structured")
    app["pico"]["intervention"] = [{"text": "randomization", "field": "abstract", "start": 0, "end": 0},
                                   {"text": "identification of risk factors", "field": "abstract", "start": 0, "end": 0}]
    card = generate_card(rec, app)
    assert "randomization" not in card["upshot"]["question"].lower()
    assert "identification" not in card["upshot"]["question"].lower()
    # with no usable PICO span, the title and the stated aim name the treatment
    assert card["upshot"]["question"] == \
        "For people with long-term Achilles tendinopathy, does progressive loading reduce pain compared with advice?"


def test_sample_size_must_be_a_count_of_people_in_the_source():
    from physiohub.cards.grounding import counted

    rec = Record(source_format="jsonl", abstract_sections=[AbstractSection(
        "A total of 38 studies involving 7,843 children were included. Education lowered the risk of "
        "emergency visits. Education may reduce emergency visits.")])
    assert counted(rec, 7843, "people") and counted(rec, 38, "studies")
    assert not counted(rec, 38, "people") and not counted(rec, 7843, "studies")
    app = {"design": "systematic review", "evidence": "Moderate", "verdict": "Supports", "n_participants": 38}
    card = generate_card(rec, app)   # the appraisal mistook the study count for participants
    assert not any("38 people" in t or "38 participants" in t for t in all_texts(card))


@pytest.mark.parametrize("name", ["structured", "unstructured"])
def test_with_the_real_appraisal(name):
    from physiohub.appraise import appraise

    rec, _ = load(name)
    card = generate_card(rec, appraise(rec))
    assert card["upshot"]["question"] and card["upshot"]["answer"]
    assert len(card["key_points"]) >= 3 and card["findings"]
    assert set(card["why_it_matters"]) == {"patients", "clinicians", "readers"}
    assert check_grounding(card, rec) == []


@pytest.mark.parametrize("phrase,ok", [
    ("progressive calf loading", True), ("supervised exercise", True), ("insulin detemir", True),
    ("ventilation with", False), ("than PE", False), ("future research would", False),
    ("an exercise treatment and 1187 control participants", False), ("the selenium arm", False),
    ("no priming achieved pregnancy", False), ("by a skilled phlebotomist", False),
])
def test_treatment_phrases_must_be_clean_noun_phrases(phrase, ok):
    from physiohub.cards.spans import _noun_phrase

    assert _noun_phrase(phrase) is ok


def test_bad_input_is_a_clear_error():
    from physiohub.errors import InvalidInput

    with pytest.raises(InvalidInput, match="needs a Record"):
        generate_card({"title": "x"}, {})
    rec, _ = load("structured")
    with pytest.raises(InvalidInput, match="appraisal as a dict"):
        generate_card(rec, ["Strong"])
    assert generate_card(rec, None)["upshot"]["answer"]   # no appraisal: the most cautious wording
