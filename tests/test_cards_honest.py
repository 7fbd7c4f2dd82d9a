"""Issue 12: a card never says the opposite of its study. Each test pins one failure the issue lists,
on abstracts written for these tests in the shape of the real ones (no third-party text)."""
from __future__ import annotations

import re

import pytest

from physiohub.appraise import appraise
from physiohub.cards.consistency import check_card, is_fragment
from physiohub.cards.generate import generate_card
from physiohub.cards.plain import lay
from physiohub.ingest.jsonl import convert


def card_for(title: str, text: str) -> tuple[dict, dict]:
    rec = convert({"_id": "t", "title": title, "text": text})
    a = appraise(rec)
    return generate_card(rec, a), a


def all_text(card: dict) -> str:
    up = card.get("upshot") or {}
    parts = [up.get("question", ""), up.get("answer", "")] + card.get("key_points", []) + card.get("limitations", [])
    parts += list((card.get("why_it_matters") or {}).values())
    return "\n".join(parts)


GLUCOSAMINE = ("Effect of glucosamine on pain-related disability in patients with chronic low back pain and degenerative "
               "lumbar osteoarthritis: a randomized controlled trial",
               "CONTEXT Glucosamine is widely used for back pain, but little is known about its effect.   OBJECTIVE To "
               "investigate the effect of glucosamine in patients with chronic low back pain (LBP) and lumbar "
               "osteoarthritis (OA).   DESIGN, SETTING, AND PARTICIPANTS A double-blind, randomized, placebo-controlled "
               "trial with 200 patients.   INTERVENTIONS Daily glucosamine or placebo for 6 months.   MAIN OUTCOME "
               "MEASURES Pain-related disability on the Roland-Morris Disability Questionnaire (RMDQ).   RESULTS At 6 "
               "months, the mean RMDQ score was the same in both groups. No statistically significant difference in "
               "change between groups was found (P = .70). Mild adverse events were similar (P = .50).   CONCLUSIONS "
               "Among patients with chronic LBP and lumbar OA, 6-month treatment with glucosamine compared with placebo "
               "did not result in reduced pain-related disability.   TRIAL REGISTRATION clinicaltrials.gov Identifier: "
               "NCT00000003.")


def test_a_null_trial_card_never_says_the_treatment_helps():
    card, a = card_for(*GLUCOSAMINE)
    assert card["badges"]["verdict"] == "No clear difference"
    text = all_text(card)
    assert not re.search(r"\bglucosamine (?:probably |may )?helps?\b", text, re.I)
    assert "little or no difference" in card["upshot"]["answer"]
    # the question is built from the study's pieces, never the title turned into a question
    assert card["upshot"]["question"].startswith("For people with long-term low back pain")
    assert "reduce pain-related disability compared with a placebo?" in card["upshot"]["question"]
    # registration and headings are never card text
    assert "NCT" not in text and "TRIAL REGISTRATION" not in text and "RESULTS" not in text
    # abbreviations spelled out from the abstract's own definitions
    assert "RMDQ" not in "\n".join(card.get("key_points", [])) and "LBP" not in text
    assert not any(re.match(r"[,;.]", k) for k in card.get("key_points", []))


def test_tests_that_cannot_be_recommended_are_not_a_benefit():
    card, a = card_for("Most clinical tests cannot accurately diagnose hip labral tears: a systematic review",
                       "OBJECTIVE To review the diagnostic accuracy of clinical tests for hip labral tears. METHODS Five "
                       "databases were searched; 14 studies were included. RESULTS Few tests had useful likelihood ratios. "
                       "CONCLUSION Overall, most tests were inaccurate and cannot be recommended for clinical use.")
    assert card["badges"]["verdict"] == "Does not support"
    assert card["upshot"]["question"].startswith("How accurate are clinical tests")
    assert "benefit" not in all_text(card).lower()


def test_hyperbaric_oxygen_does_not_improve_is_not_supports():
    card, a = card_for("Hyperbaric oxygen for slow-healing ankle fractures: a randomised controlled trial",
                       "OBJECTIVE To test hyperbaric oxygen after ankle fracture. METHODS 90 adults were randomised. "
                       "RESULTS Healing at 12 weeks did not differ (p = 0.4). CONCLUSIONS Hyperbaric oxygen does not "
                       "improve fracture healing.")
    assert a["verdict"] in ("No clear difference", "Does not support")
    assert "helps" not in card["upshot"]["answer"]


def test_the_gate_removes_fragments_headings_and_stacked_hedges():
    assert is_fragment(", the mean score was the same in both groups.")
    assert is_fragment("TRIAL REGISTRATION Clinical trials NCT01037673.")
    assert is_fragment("RESULTS At baseline the groups were similar in age and sex.")
    assert is_fragment("Exercise clearly probably helps people with knee pain.")
    assert not is_fragment("Exercise probably helps people with knee pain.")


def test_the_gate_replaces_an_answer_that_contradicts_the_verdict_and_flags_the_card():
    rec = convert({"_id": "t", "title": GLUCOSAMINE[0], "text": GLUCOSAMINE[1]})
    a = appraise(rec)
    card = generate_card(rec, a)
    card["upshot"]["answer"] = "Glucosamine probably helps people with back pain."  # e.g. a language model's draft
    card["key_points"] = card.get("key_points", []) + ["Glucosamine improved disability a lot."]
    out = check_card(card, rec, a)
    # The verdict was read clearly (no difference), so the replaced answer says so rather than calling the abstract
    # unclear beside a clear badge (session 12).
    assert out["upshot"]["answer"].startswith("The study found no clear difference")
    assert "answer_contradicted" in out["flags"] and "unclear_result" not in out["flags"]
    assert "Glucosamine improved disability a lot." not in out["key_points"]


def test_an_unreadable_result_says_so_plainly_and_is_flagged():
    card, a = card_for("Massage for neck pain: a randomised controlled trial",
                       "Neck pain is common in office workers. We randomised 120 workers to massage or advice. Outcomes "
                       "were pain and function at 12 weeks. Data were analysed by intention to treat.")
    assert card["upshot"]["answer"].startswith("The abstract does not say clearly")
    assert "unclear_result" in card["flags"]


def test_a_background_sentence_is_never_a_limitation():
    card, _ = card_for("Pain during exercise for persistent shoulder pain: an educational review",
                       "Traditional pain models have been insufficient for treating shoulder pain. The need for pain to "
                       "be avoided during exercise has recently been challenged. This review aims to describe possible "
                       "mechanisms behind painful exercise. Three mechanisms are discussed. These ideas could help "
                       "clinicians prescribe exercise.")
    limits = " ".join(card.get("limitations", []))
    assert "insufficient" not in limits and "challenged" not in limits
    assert card["badges"]["verdict"] == "Too early to tell"
    q = card["upshot"]["question"]
    assert not q.lower().startswith("pain during exercise for persistent shoulder pain")


def test_why_it_matters_is_written_from_this_study():
    a_card, _ = card_for(*GLUCOSAMINE)
    b_card, _ = card_for("Progressive loading versus advice for chronic Achilles tendinopathy: a randomised trial",
                         "OBJECTIVE To determine whether a loading programme reduces pain more than advice in adults "
                         "with chronic Achilles tendinopathy. METHODS 80 runners were randomised. RESULTS Pain fell "
                         "significantly more with loading (p = 0.003). CONCLUSIONS A loading programme improves pain "
                         "more than advice alone.")
    for k in ("patients", "clinicians", "readers"):
        assert a_card["why_it_matters"][k] != b_card["why_it_matters"][k]
    assert "glucosamine" in a_card["why_it_matters"]["patients"].lower()
    assert "Achilles" in b_card["why_it_matters"]["patients"]


def test_population_comes_from_the_study_not_a_topic_tag():
    card, _ = card_for("Exercise training versus usual care in patients with chronic heart failure: a randomized trial",
                       "OBJECTIVE To test exercise training in heart failure. METHODS 120 patients were randomised. "
                       "RESULTS Walking distance improved significantly more with training (p = 0.01); knee pain was "
                       "rare. CONCLUSIONS Exercise training improves walking distance in heart failure.")
    q = card["upshot"]["question"]
    assert "heart failure" in q and "knee" not in q


@pytest.mark.parametrize("term", ["pain catastrophizing", "Chronic Pain Grade", "Pain Catastrophizing Scale"])
def test_plain_words_do_not_rename_measures(term: str):
    assert term in lay(f"We measured {term} at baseline.")
