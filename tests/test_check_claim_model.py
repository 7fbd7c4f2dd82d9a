"""The learned claim-sentence model beside the rules (issue 13): claims the rules' phrases miss, and the
sentences the rules' vetoes keep out whatever the model says. Every sentence is written for this test."""
from __future__ import annotations

import json

import numpy as np
import pytest

from physiohub.check import check_article
from physiohub.check.claim_model import MODEL_PATH, ClaimModel, load_model
from physiohub.check.claims import find_claims, model_veto
from physiohub.check.document import parse_document

# Claims whose research cue the rules do not know: it comes late, or an organisation "maintains".
MISSED_BY_RULES = [
    "Walking eased knee pain as well as painkillers did over six months, according to a report from a university hospital team.",
    "Patients who kept moving were back at work sooner, a Danish group reported in a spine journal.",
]
# (session 8: "Experts at the Example Pain Society maintain that scans rarely change treatment for back pain." moved to
# the rules, test below: an organisation that maintains, stresses, urges or insists is a source like one that says.)
# (session 7: "The Example Physiotherapy Association urges employers to let staff take movement breaks, citing a large
# review of office workers." moved to the rules' tests, tests/test_check_claims_roles.py: "citing a review" is now a cue.)
# Sentences that say what a study did, or advertise: never claims.
NOT_CLAIMS = [
    "Researchers then randomly split the 300 volunteers into a walking group and a stretching group.",
    "Physiotherapists at three hospitals gave 240 patients either a booklet or six sessions of exercise.",
    "A 2019 trial set out to compare manual therapy with exercise for neck pain in office workers.",
    "Each participant wore a step counter for two weeks and filled in a pain diary every evening.",
    "Book your assessment today and get moving again.",
]


def _texts(text: str, **kw) -> list[str]:
    return [c.text for c in find_claims(parse_document(text).sentences, **kw)]


@pytest.mark.parametrize("sentence", MISSED_BY_RULES)
def test_the_model_finds_a_claim_the_rules_miss(sentence):
    assert _texts(sentence, learned=False) == []          # the rules alone do not see it
    found = find_claims(parse_document(sentence).sentences)
    assert [c.text for c in found] == [sentence]
    assert found[0].cue.startswith("the claim model (probability ")


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_a_method_or_service_sentence_is_not_a_claim(sentence):
    assert _texts(sentence) == []


def test_vetoes_keep_out_what_the_model_might_take():
    for s in ("My watch data shows I run faster in light shoes, but that is just me.",
              "Does a 2020 review really show that collars help whiplash?",
              "The team now plans a trial of a sleep programme for office staff.",
              "A physiotherapist who was not involved in the study says the warm-up matters more than the stretch.",
              "The research tells us three things:",
              "This goes against the old advice to rest a sore back.",
              "That flies in the face of the common belief that running wears out knees.",
              "If your hip is still sore after a month, book a review with one of our physios.",
              "Call us today to arrange an assessment with the team.",
              "The complete review is freely available on the journal's website.",
              "Does a lumbar support belt help lifting? What the evidence says"):
        assert model_veto(s), s
    assert not model_veto(MISSED_BY_RULES[0])
    # a finding that also says where to read the study is still a finding
    assert not model_veto("A trial that can be read online found that a lumbar belt did not prevent back pain in warehouse staff.")


def test_a_result_after_a_claim_takes_its_year_and_design():
    text = ("A 2021 randomised trial found that a pacing programme eased fatigue in adults with fibromyalgia. "
            "The benefit on sleep was smaller but still clear at six months.")
    assert len(_texts(text, learned=False)) == 1     # the rules stop at the first sentence
    claims = find_claims(parse_document(text).sentences)
    assert len(claims) == 2
    assert (claims[1].year, claims[1].design, claims[1].continues) == (2021, "randomised trial", 0)


@pytest.mark.parametrize("sentence", MISSED_BY_RULES)
def test_check_article_can_run_the_rules_alone(store, sentence):
    # (one article per sentence: the model reads a sentence's neighbours too, and since session 10's refit the second
    # sentence right after the first one's claim paragraph scores under the threshold)
    assert check_article(store, sentence, claim_model=False)["claims"] == []
    assert len(check_article(store, sentence)["claims"]) == 1


def test_the_model_is_loaded_once_and_refuses_other_cues(tmp_path):
    assert load_model() is load_model()
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    # (session 9: the threshold is chosen by leave-one-set-out on the sets no rule was written on, above the
    # article-CV optimum, so the model-alone CV F1 at it is lower than the 0.80+ of the CV-chosen thresholds)
    assert 0.0 < data["threshold"] < 1.0 and data["cv_7fold_by_article_x3"]["f1"] > 0.75 and "leave-one-set-out" in data["chosen_by"]
    data["cues"] = data["cues"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        ClaimModel(data)


def test_context_columns_say_where_research_is_named():
    from physiohub.check.claim_model import CUES, context_features

    doc = parse_document("# Knee pain\n\nWe read the trials on walking for sore knees this spring, and they agree on one "
                         "thing:\n\n- Walking eases knee pain.\n\n## Anatomy\n\nThe knee has two menisci.")
    ss = doc.sentences
    x = context_features([s.text for s in ss], [s.paragraph for s in ss], [s.item for s in ss], [s.heading for s in ss])
    names = ["item", "firstpara", "short", "long", "next", "prev_para", "heading", "lead", "lead_colon", "window",
             "nothing", "first"]
    col = {n: 2 * len(CUES) + k for k, n in enumerate(names)}
    walk = next(i for i, s in enumerate(ss) if s.text.startswith("Walking"))
    knee = next(i for i, s in enumerate(ss) if s.text.startswith("The knee"))
    assert x[walk, col["item"]] == 1 and x[walk, col["lead"]] == 1 and x[walk, col["lead_colon"]] == 1
    assert x[walk, col["nothing"]] == 0
    assert x[knee, col["nothing"]] == 1          # no research word near an anatomy line
    # scored together, two articles do not lend each other context
    both = context_features([ss[-1].text, ss[-1].text], [0, 0], [False, False], ["", ""], docs=[0, 1])
    assert both[1, col["window"]] == 0 and both[1, col["first"]] == 1


def test_a_model_file_with_other_context_columns_is_refused():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["context_version"] = 1
    with pytest.raises(ValueError, match="retrain"):
        ClaimModel(data)


@pytest.mark.parametrize("sentence", [
    "Experts at the Example Pain Society maintain that scans rarely change treatment for back pain.",
    "The Example College of Physiotherapists stresses that staying active helps most people with back pain.",
])
def test_an_organisation_that_maintains_or_stresses_is_a_source_for_the_rules(sentence):
    assert _texts(sentence, learned=False) == [sentence]


def test_the_shipped_model_is_the_mean_of_two_and_falls_back_to_the_ngram_model():
    """Session 13: the probability is the mean of the n-gram model and the sentence-embedding model, decided at the
    mean's threshold; without the embedding model installed, the n-gram model decides alone at its own threshold."""
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    # (two settings, each chosen for its own model; since session 20 both happen to be 0.65)
    assert "embedding" in data and "threshold_ngram" in data and "threshold" in data
    both, alone = ClaimModel(data, use_embedding=True), ClaimModel(data, use_embedding=False)
    assert (both.threshold, alone.threshold) == (data["threshold"], data["threshold_ngram"])
    doc = parse_document("# Walking and knees\n\nA 2021 trial found that daily walking eased knee pain more than rest did.\n\n"
                         "Our clinic is open on Saturdays.\n\nBook a session with our team today.")
    args = ([s.text for s in doc.sentences], [s.paragraph for s in doc.sentences], [s.item for s in doc.sentences],
            [s.heading for s in doc.sentences])
    p_ngram = alone.probabilities(*args)
    assert list(p_ngram) == list(both.ngram_probabilities(*args))
    p_both = both.probabilities(*args)
    q = 2 * p_both - p_ngram           # the embedding model's own probability
    assert ((q > 0) & (q < 1)).all() and not np.allclose(p_both, p_ngram)
    # the finding scores as a claim and the clinic's lines do not, with either model
    for p, t in ((p_both, both.threshold), (p_ngram, alone.threshold)):
        assert p[1] >= t and p[2] < t and p[3] < t


def test_the_model_vetoes_rule_claims_it_scores_very_low():
    """A sentence the rules take is dropped when the model scores it below ``veto_below``; with the veto off, or above
    it, the rules' claims stand."""
    text = ("# Walking and knees\n\nA 2021 trial found that daily walking eased knee pain more than rest did. "
            "Those who walked also had less stiffness after six months.")
    sents = parse_document(text).sentences
    rules = _texts(text, learned=False)
    assert len(rules) == 2                               # the finding, and the result going on from it
    n = len(sents)
    low = [0.1] * n
    assert _texts(text, probabilities=low, threshold=0.55, veto_below=0.2) == []
    assert _texts(text, probabilities=low, threshold=0.55, veto_below=0.0) == rules
    assert _texts(text, probabilities=[0.3] * n, threshold=0.55, veto_below=0.2) == rules
    # the veto drops the sentence, not the research it names: the result after it stands on its own cue
    assert _texts(text, probabilities=[0.3, 0.1, 0.3], threshold=0.55, veto_below=0.2) == rules[1:]
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert ClaimModel(data, use_embedding=True).veto_below == data["veto_below"] > 0
    assert ClaimModel(data, use_embedding=False).veto_below == 0.0
