"""Claims on clinic and digital-clinic pages (issue 13, session 11, dev23): page furniture, the writer's plan, a count of
sessions and a cited definition are no claims; a review 'says' at the end, 'there is supporting research for', 'This held
for ...', 'X can in fact ...' and a headline equation are. Every sentence and page here is written for this test."""
from __future__ import annotations

import pytest

from physiohub.check.claim_page_forms import (EQUATION, WRITER_PLAN, defined_item, goes_on, late_cue, page_furniture,
                                              sessions_run, topic_label)
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document


def _claims(page: str, learned: bool = False) -> list[str]:
    return [c.text for c in find_claims(parse_document(page).sentences, learned=learned)]


@pytest.mark.parametrize("text", [
    "Bay Physio | Home | Conditions | Benefits of Exercise | Book Now",
    "Home > Services > Sports Massage",
    "Posted on Mar 3, 2019 in Research Benefits | 2 comments",
    "Posted by Anna in Evidence and Exercise",
])
def test_page_furniture(text):
    assert page_furniture(text)


@pytest.mark.parametrize("text", [
    "Massage reduces pain | a review of 12 trials",   # one bar: a title with a subtitle
    "Massage eased neck pain in the trial.",
    "Posted on a clinic wall, the poster says that exercise helps.",   # (a sentence: it has a full stop)
])
def test_not_page_furniture(text):
    assert not page_furniture(text)


def test_topic_label_and_finding_title():
    assert topic_label("Benefits & Research")
    assert topic_label("Pain Relief and Posture")
    assert not topic_label("Massage Reduces Pain and Stress")
    assert not topic_label("Strong core = less pain")


def test_writer_plan_and_session_count():
    assert WRITER_PLAN.search("So I'd like to clear up and debunk five of the commonest myths about back pain.")
    assert WRITER_PLAN.search("Today we will bust three myths about posture.")
    assert not WRITER_PLAN.search("A new review has debunked the myth that posture causes back pain.")
    assert sessions_run("Over three months, 25 physios ran 2,310 sessions, 70% of them by video.")
    assert sessions_run("The clinic delivered more than 900 telehealth consultations in 2021.")
    assert not sessions_run("Patients who had 12 sessions reported less pain than those who had 6 sessions.")


def test_defined_item():
    assert defined_item("Bursitis: swelling of the small fluid sacs near the hip joint[3].", True)
    assert not defined_item("Heel spurs: bony growths, often linked with heel pain[2].", True)
    assert not defined_item("Tendinopathy: this occurs when the tendon is overloaded[4].", True)
    assert not defined_item("Bursitis: swelling of the small fluid sacs near the hip joint[3].", False)


def test_late_cues():
    assert late_cue('"Telehealth is safe and effective for rehabilitation," says a review from the national physio society.')
    assert late_cue("Exercise helps knee osteoarthritis as much as painkillers, concludes a 2020 review.")
    assert late_cue("He adds that there is also supporting research for neck pain.")
    assert late_cue("There is strong evidence for exercise in chronic low back pain.")
    assert not late_cue("There is little research on taping for shin splints.")
    assert not late_cue("Says who?")


def test_goes_on_and_equation():
    assert goes_on("This held for both short and long follow-up.")
    assert goes_on("The same was true at one year.")
    assert goes_on("Stretching may actually raise the risk of injury.")
    assert not goes_on("I often advise patients to stretch.")
    assert EQUATION.search("Strong core = less low back pain")
    assert not EQUATION.search("BMI = weight / height squared")


def test_a_clinic_page_read_whole():
    page = ("Coast Physio | Home | Services | Research | Contact\n\n"
            "# Research & Benefits\n\n"
            "Posted on May 2, 2020 in Research Benefits | 0 comments\n\n"
            "So I'd like to clear up and debunk four common myths about knee pain.\n\n"
            "- Knee OA: wear of the cartilage lining the knee joint[1].\n"
            "- Runner's knee: pain at the front of the knee, often linked with weak hip muscles[2].\n\n"
            "A study at a city hospital found no difference in satisfaction between video and clinic visits. "
            "This held for both first and follow-up visits.\n\n"
            "This study looked at how video physio was rolled out in 2020. Over two months, 30 physios ran 3,100 sessions, "
            "80% of them by video. The findings showed that 91% of patients were satisfied with their care.\n\n"
            '"Video physio is feasible and effective for knee pain," says a review from the national physio society.\n')
    claims = _claims(page)
    assert not any("|" in c or c.startswith(("Research & Benefits", "So I'd like", "Knee OA:", "Over two months")) for c in claims), claims
    for want in ("often linked with weak hip muscles", "A study at a city hospital found", "This held for both",
                 "The findings showed that 91%", "says a review from the national physio society"):
        assert any(want in c for c in claims), (want, claims)


def test_research_claim_goes_on_with_in_fact():
    page = ("Reality: Clinical research does not support cushioned shoes for preventing running injuries. "
            "Cushioning can in fact change how the foot lands.\n")
    claims = _claims(page)
    assert len(claims) == 2, claims
