"""Failures the 15-card hand review (docs/cards-review.md) found, each pinned with sentences of our own."""
from __future__ import annotations

from physiohub.appraise import appraise
from physiohub.appraise.reading import read_sentence
from physiohub.cards.generate import generate_card
from physiohub.cards.question import from_title
from physiohub.cards.upshot import plain_claim
from physiohub.ingest.jsonl import convert
from physiohub.models import Record
from physiohub.text import record_sentences


def _rec(title: str, text: str) -> Record:
    return convert({"_id": "t1", "title": title, "text": text})


def test_labels_dropped_to_semicolons_still_give_sections() -> None:
    # Some CSV exports keep only the joints of the dropped labels: ".; ".
    rec = _rec("Drug X for long-standing back pain.",
               "To evaluate drug X in long-standing back pain.; Adults were randomized to drug X or placebo for "
               "four weeks. The primary outcome was pain.; Pain fell more with drug X than with placebo (p < 0.01). "
               "Nausea was the most common side effect.; Among patients who tolerated it, drug X was effective.")
    cats = [s.category for s in record_sentences(rec)]
    assert cats[0] == "OBJECTIVE" and cats[-1] == "CONCLUSIONS" and "RESULTS" in cats
    card = generate_card(rec, appraise(rec))
    assert "Nausea" not in card["upshot"]["answer"]  # a side-effect line is not the conclusion


def test_label_right_after_a_label_is_read() -> None:
    rec = _rec("Surgery or physiotherapy for hip pain",
               "SUMMARY: BACKGROUND: Hip pain is common in young adults. We aimed to compare surgery with "
               "physiotherapy.\nFINDINGS: Surgery gave more improvement than physiotherapy (p = 0.01).")
    sents = record_sentences(rec)
    assert sents[0].category == "BACKGROUND"  # not the conclusion "SUMMARY" stands for


def test_evidence_lacking_is_not_a_benefit() -> None:
    assert read_sentence("Convincing evidence is lacking regarding the effects of injections on back pain.").label == "early"
    assert read_sentence("Additional well-designed explanatory trials in this field are needed.").label == "early"


def test_a_safety_line_is_no_null_result() -> None:
    assert read_sentence("There was no evidence for drug-related side-effects.").label is None
    assert read_sentence("The program was effective and well tolerated.").label == "for"


def test_people_are_not_counted_as_studies() -> None:
    rec = _rec("Tolerability of drug X: a systematic review",
               "A systematic review of randomised trials was done. The analysis included 4725 patients from 25 "
               "trials. Upper digestive symptoms were more common in women.")
    a = appraise(rec)
    assert a["n_studies"] == 25 and a["n_participants"] == 4725


def test_a_design_is_no_intervention() -> None:
    assert from_title("Systematic review for evaluation of tolerability of drug X in arthritis patients", "intervention").intervention == ""


def test_title_shapes_give_the_question_pieces() -> None:
    q = from_title("Neck pain in chronic whiplash syndrome treated with botulinum toxin. A double-blind trial", "intervention")
    assert q.intervention == "botulinum toxin" and "whiplash" in q.population
    q = from_title("A randomised control trial to evaluate the efficacy of blood injection versus steroid injection "
                   "for treatment of lateral epicondylitis", "intervention")
    assert (q.intervention, q.comparison, q.population) == ("blood injection", "steroid injection",
                                                           "people with lateral epicondylitis")


def test_two_active_treatments_that_did_alike_are_not_called_useless() -> None:
    rec = _rec("Landmark-guided versus ultrasound-guided nerve block for chronic shoulder pain",
               "BACKGROUND: Nerve blocks are used for chronic shoulder pain.\nMETHODS: Fifty adults with chronic "
               "shoulder pain were randomized to landmark-guided or ultrasound-guided nerve block.\nRESULTS: Both "
               "the groups showed similar improvement of pain and movement at 4 weeks (p = 0.41).\nCONCLUSIONS: Both "
               "techniques produced comparable relief of pain.")
    a = appraise(rec)
    assert a["verdict"] == "No clear difference"
    card = generate_card(rec, a)
    answer = card["upshot"]["answer"]
    assert "similar results" in answer and "little or no difference" not in answer
    assert "clearer evidence" not in card["why_it_matters"]["patients"]
    assert "similar results" in card["why_it_matters"]["readers"]


def test_a_dose_between_commas_leaves_no_debris() -> None:
    out = plain_claim("Drug A, 25 mg/d, provided more relief than drug B, 200 mg/d, and placebo in knee pain.", 30)
    assert out and "/d" not in out and ", ," not in out and "Drug A provided" in out


def test_a_conclusion_claiming_more_than_the_groups_differed_on_is_mixed() -> None:
    # Both arms improved; the arms differed on some outcomes only; the conclusion claims pain too.
    rec = _rec("Manual therapy added to exercise in older adults with neck pain: a randomized trial",
               "METHODS: Forty adults were randomly allocated to exercise or exercise plus manual therapy.\n"
               "RESULTS: Pain, mobility, mood and quality of life improved in both groups (p < 0.05). The manual "
               "therapy group had a better outcome (p < 0.05) in terms of mobility and mood.\n"
               "CONCLUSION: Manual therapy has significant effects on pain, mobility, mood and quality of life.")
    a = appraise(rec)
    assert a["verdict"] == "Mixed picture"
    assert any("differed only in mobility, mood" in r for r in a["verdict_reasons"])
