"""Editor-level card quality: the whole evidence ladder, the main conclusion in the upshot, clean methods
rows and distinct plain key points (invented abstracts)."""
from __future__ import annotations

import re

import pytest

from physiohub.cards import check_grounding, generate_card
from physiohub.cards.ladder import plain_ladder
from physiohub.cards.readability import grade
from physiohub.cards.upshot import plain_claim
from physiohub.models import AbstractSection, Record

TRIAL = Record(source_format="jsonl", source_id="q1", title="Taping for runner's knee: a randomised trial",
               abstract_sections=[AbstractSection(
                   "Knee pain is common in runners. We randomised 44 runners with knee pain to taping or no taping "
                   "for 6 weeks. Pain fell by 2.1 points with taping and by 0.8 points without it (p = 0.01). "
                   "Seventy-nine percent of the taped runners found the tape comfortable. "
                   "These results suggest that taping reduces knee pain in runners over the short term.")])
APPRAISAL = {
    "design": "randomised controlled trial", "evidence": "Limited", "verdict": "Supports",
    "research_type": "Primary study", "n_participants": 44,
    "evidence_reasons": ["Started at Moderate: randomised controlled trial",
                         "lowered to Limited: small sample (44 participants in total; under 50)"],
    "pico": {"population": [{"text": "Mild knee pain; taping when all runners who received it were counted",
                             "field": "abstract", "start": 0, "end": 0}],
             "outcomes": [{"text": "Pain fell by 2.1 points with taping", "field": "abstract", "start": 0, "end": 0}]},
}


def test_card_shows_the_whole_ladder_in_plain_words():
    card = generate_card(TRIAL, APPRAISAL)
    point = card["key_points"][-1]
    assert point == ("Strength of evidence: limited. It started at moderate as a randomised trial, then was lowered "
                     "to limited because only 44 people took part.")
    assert "Started at" not in card["why_it_matters"]["clinicians"]
    assert "only 44 people took part" in card["why_it_matters"]["clinicians"]
    assert check_grounding(card, TRIAL) == []


@pytest.mark.parametrize("reasons,evidence,n,expected", [
    (["Started at Moderate: randomised controlled trial"], "Moderate", None,
     "It started at moderate as a randomised trial."),
    (["Started at Moderate: randomised controlled trial", "lowered to Limited: small sample (44 participants in total; under 50)"],
     "Limited", 30, "It started at moderate as a randomised trial, then was lowered to limited because the study was small."),
    (["Started at Moderate: randomised controlled trial", "lowered to Limited: a reason we cannot word"], "Limited", None, None),
    (["Started at Moderate: randomised controlled trial"], "Limited", None, None),   # does not end at the badge
    ([], "Limited", None, None),
])
def test_plain_ladder_is_whole_or_absent(reasons, evidence, n, expected):
    assert plain_ladder(reasons, evidence, n) == expected


def test_upshot_answer_is_the_conclusion_plain_and_without_numbers():
    app = {**APPRAISAL, "pico": {}, "verdict_sentences": ["s3"]}   # the appraisal points at the side result
    card = generate_card(TRIAL, app)
    answer = card["upshot"]["answer"]
    assert "taping reduces knee pain" in answer.lower().replace("lowers", "reduces")
    # the only number is the key one the source states (the sample size), leading the answer
    assert "comfortable" not in answer and not re.search(r"\d", re.sub(r"^In this \w+ of \d+ people, ", "", answer))
    assert grade(answer) <= 9
    prov = {p["path"]: p for p in card["provenance"]}
    assert "s4" in prov["upshot.answer"]["sources"]


def test_methods_rows_show_only_clean_phrases():
    card = generate_card(TRIAL, APPRAISAL)
    labels = {r["label"]: r["text"] for r in card["methods"]}
    assert "Population" not in labels or ";" not in labels["Population"]
    assert "Outcomes" not in labels            # a results clause tagged as outcomes is left out
    assert all(len(t.split()) <= 25 for t in labels.values())


def test_key_points_are_distinct_short_and_leave_numbers_to_findings():
    card = generate_card(TRIAL, APPRAISAL)
    kps = card["key_points"]
    assert 3 <= len(kps) <= 6 and len(set(kps)) == len(kps)
    assert all(len(k.split()) <= 30 for k in kps)
    assert not any(k in card["findings"] for k in kps)
    assert not any("2.1" in k for k in kps) and any("2.1" in f for f in card["findings"])


@pytest.mark.parametrize("text,expected", [
    ("Rofexib 50 mg gave pain relief that was not different from ibuprofen 400 mg, with a longer duration of action.",
     "Rofexib gave pain relief that was not different from ibuprofen."),
    ("In this short-term study, drug AB-12 caused less stomach damage than aspirin.",
     "Drug AB-12 caused less stomach damage than aspirin."),
    ("Both differences were highly significant.", None),                 # leans on the sentence before
    ("Pain fell by 40% (95% CI 20 to 60) in the treated group.", None),   # a statistic: findings only
])
def test_plain_claim(text, expected):
    assert plain_claim(text) == expected


def test_question_from_the_aim_drops_an_appositive_aside():
    rec = Record(source_format="jsonl", source_id="q2", abstract_sections=[AbstractSection(
        "Our aim was to evaluate the preventive effect of drug QX, a compound with anti-nausea properties, "
        "in children. Sixty children took part. Vomiting was less common with drug QX than with placebo. "
        "These results suggest that drug QX lowers vomiting.")])
    card = generate_card(rec, {"design": "randomised controlled trial", "evidence": "Moderate",
                               "verdict": "Supports", "pico": {}})
    assert "anti-nausea" not in card["upshot"]["question"]
    assert check_grounding(card, rec) == []
    assert card["upshot"]["answer"].startswith("The authors conclude that drug QX lowers vomiting.")


def test_a_bare_people_word_is_not_a_population_row():
    from physiohub.cards.spans import _people_part

    assert _people_part("Patients.") is None
    assert _people_part("adults with chronic neck pain") == "adults with chronic neck pain"
    assert _people_part("analgesia in children undergoing tonsillectomy") == "children undergoing tonsillectomy"
