"""Faults found reading /check output in session 20 (docs/check-review.md, Session 20 (review20)), each tested on
sentences written for this file: a clinic's claim that its treatment is "backed by many scientific journals" missed;
the writer's own "This is why ... is important" shown as a research claim; a trial of one form of manual therapy
(spinal manipulation) badged "does not test" a claim about manual therapy, and a claim of "recovery" read as an
outcome no study of pain or disability measured."""
from __future__ import annotations

import pytest

from physiohub.check.claim_cues import claim_cue
from physiohub.check.claim_vetoes import model_veto
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document


# -- 1. research named by the journals it is published in ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "This is backed by many scientific journals over the benefits of graded walking for people with knee pain.",
    "Our approach is supported by numerous peer-reviewed journals showing that hydrotherapy eases hip stiffness.",
    "Dry needling for shoulder pain is backed by a large body of published papers.",
    "Pilates for neck pain is underpinned by the medical literature on motor control training.",
])
def test_research_named_by_its_journals_is_a_cue(text):
    assert claim_cue(text)


@pytest.mark.parametrize("text", [
    "Her work is supported by the journal's editors and a small grant.",
    "The clinic is backed by many local businesses and sports clubs.",
])
def test_backing_that_is_not_published_research_is_no_cue(text):
    assert not claim_cue(text)


def test_a_clinic_claim_backed_by_journals_is_found():
    page = ("# Shoulder pain\n\nMany clinics treat shoulder pain. Physiotherapy is a common first choice for a stiff "
            "shoulder. This is backed by many scientific journals over the effectiveness of using mobilisation and "
            "exercise to promote good recovery for people with frozen shoulder.\n")
    texts = [c.text for c in find_claims(parse_document(page).sentences)]
    assert any(t.startswith("This is backed by many scientific journals") for t in texts)


# -- 2. the writer's reason for advice ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "This is why starting gentle strength work early, before the tendon stiffens, is so important.",
    "That's why getting a proper assessment of your hip early is essential.",
    "This is why it is doubly important for older runners to warm up.",
    "Which is why keeping a daily walk going through a flare-up is a good idea.",
])
def test_the_writers_reason_for_advice_is_not_a_claim(text):
    assert model_veto(text)


@pytest.mark.parametrize("text", [
    # what the research led to, or a finding after "that is why": left to the rules and the model
    "That is why a diagnosis of bursitis is no longer made from a scan alone.",
    "That is why researchers say early loading is important after an ankle sprain.",
    "This is why stiffness is worst in the morning and eases with movement.",
])
def test_a_that_is_why_sentence_that_is_not_advice_is_not_vetoed_by_it(text):
    assert not model_veto(text)
