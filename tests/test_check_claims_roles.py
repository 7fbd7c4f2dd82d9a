"""Sentence roles the claim rules read on pages of styles they were not written for (issue 13, session 7: the
dev3 pages). Every sentence is written for this test."""
from __future__ import annotations

import pytest

from physiohub.check.claims import citation_marker, claim_cue, find_claims, method_only, model_veto
from physiohub.check.document import parse_document

CLAIMS = [
    # a late cue that names the source, not the design
    "Hip pain affects about one adult in ten, the society estimates.",
    "Walking groups cut loneliness in older people with arthritis, the authors concluded.",
    # guidelines that back a treatment with another verb than "recommend"
    "Physios prescribe it, and national guidelines reinforce it as well.",
    "Current guidelines support a graded return to running after a calf strain.",
    # a statement resting on research it names
    "The Example Physiotherapy Association urges employers to let staff take movement breaks, citing a large review of office workers.",
    # a footnote number glued after the sentence's own full stop
    "Neck pain is among the five most common reasons to see a doctor.(3)",
]

NOT_CLAIMS = [
    # the groups of a study and what was done with them
    "Sixty runners were divided into two groups.",
    "In the eight-week project, 20 people with hip pain were put on a programme of lifting, cycling and easy walking.",
    "The exercises were done by lifting and lowering a light weight while lying on one side, said the trial's physiotherapist.",
    "The team tested the blood of every runner for two markers of muscle damage.",
    "One group received dry needling, one group received massage, and the last group received advice only.",
    # where it appeared, not what it found
    "The trial was presented recently at a sports medicine meeting in Boston.",
    "Her review, just published in a respected journal, is the first to pool trials of walking for hip pain.",
    # a definition with a citation
    "Plantar heel pain can be defined as pain under the heel that is worst with the first steps of the day.(1)",
    # research as a topic or as reading, not as the teller of a finding
    "Physios are busy and rarely have time to dig into the research, so I thought a short review on neck pain would help.",
    "It matters that we stay up to date on what the research says works for knee pain and what does not.",
    "We should offer people treatments that are shown to work, and explain them well.",
    # "back" as the body part after a design word is no reporting verb
    "I wrote a literature review on back pain for our students last year.",
    "This discussion paper looks back at the history of the tendon model.",
    # a place's name holding a design word
    "Ann Lee, a nurse at the Bone Research Centre, said the clinic would open in May.",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_roles_that_make_claims(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_roles_that_are_not_claims(text):
    for piece in parse_document(text).sentences:
        assert claim_cue(piece.text) is None, piece.text


def test_method_sentences_are_vetoed_for_the_model():
    for text in NOT_CLAIMS[:7]:
        assert method_only(text) and model_veto(text), text
    assert model_veto(NOT_CLAIMS[7])   # the definition


def test_procedure_with_a_result_is_not_a_method_sentence():
    # a result in the same sentence keeps it a finding
    assert not method_only("The 30 people who were put on the walking programme had less knee pain than the others.")
    assert not method_only("The trial, published in a leading journal, found that walking eased hip pain.")


def test_full_stop_footnote_is_a_citation_and_links_the_reference():
    assert citation_marker("Neck pain is among the five most common reasons to see a doctor.(3)") == "(3)"
    claims = find_claims(parse_document("Neck pain is among the five most common reasons to see a doctor.(3)").sentences,
                         learned=False)
    assert claims and claims[0].citations == ["3"]


SECOND_CLAIMS = [
    # first-person findings of the writer's reading
    "I also found two case reports of nerve injury after dry needling.",
    "What I did find was evidence of less soreness after foam rolling.",
    # a researcher's conclusion and a reported writing
    "\"Our results should reassure older runners with knee pain,\" the lead author said.",
    "The researchers wrote that walking may protect the knee.",
    # research that explains or proposes
    "The authors explain that loading makes tendon cells lay down new collagen.",
    "The review proposes grading neck pain by how far it limits daily life.",
    # a treatment rated by its evidence (found before only because "low back" was read as the verb "back")
    # research looked at still credits its finding
    "When we look at the research, it shows that walking eases knee pain in most people.",
    "Three other treatments had good enough evidence to be called effective for chronic neck pain: exercise, massage and heat.",
]

SECOND_NOT_CLAIMS = [
    "The researchers first ran a 30-month trial of a balance programme in 120 women.",
    "The investigators had hoped to see whether the programme regrew cartilage.",
    "A second review compared stretching before and after running.",
    "\"To confirm this we would need further clinical studies,\" she added.",
    "Science corner: what the evidence says about ice baths",
    "I have read the research on back pain for many years.",
    # aims, enrolment, allocation and programme content (session 7, second round)
    "The researchers had hoped to see whether the walking programme improved hip cartilage.",
    "Its aim was to find out how common disc bulges are in people without pain.",
    "The Example Knee Trial took in 200 patients with a torn meniscus.",
    "The patients were randomly assigned to exercise alone or to surgery.",
    "The balance exercises had the participants stand on one leg with their eyes closed.",
    # a title that announces the research, and a library page's teaser
    "Treating Neck Pain – What the Research Says",
    "On this page you will find summaries of papers that our physios have read.",
]


@pytest.mark.parametrize("text", SECOND_CLAIMS)
def test_more_roles_that_make_claims(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", SECOND_NOT_CLAIMS)
def test_more_roles_that_are_not_claims(text):
    for piece in parse_document(text).sentences:
        assert claim_cue(piece.text) is None, piece.text
        assert model_veto(piece.text) or piece.text.startswith("I have read"), piece.text


def test_other_groups_are_a_method_sentence():
    assert method_only("The other two groups added either real or sham massage.")


def test_a_dose_response_sentence_goes_on_with_the_finding():
    text = "A 2020 trial found that walking eased knee pain. The longer people walked each week, the greater the relief."
    claims = find_claims(parse_document(text).sentences, learned=False)
    assert [c.year for c in claims] == [2020, 2020]
    assert claims[1].cue == "a result of the research in the previous sentence"


def test_a_citation_closing_a_list_item_backs_the_whole_item():
    text = ("Scans mislead:\n\n- Around 40% of pain-free runners have a torn meniscus on MRI. This is rarely a problem "
            "(Berg et al 2018).\n- Knees change with age.")
    claims = find_claims(parse_document(text).sentences, learned=False)
    first = next(c for c in claims if c.text.startswith("Around 40%"))
    assert first.cue == "the citation closing its list item" and first.year == 2018 and first.names_source
    assert not any(c.text.startswith("Knees change") for c in claims)
