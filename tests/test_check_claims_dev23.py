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


# --- batch b kinds ---

def test_set_up_and_definition_forms():
    from physiohub.check.claim_page_forms import QUOTED_DEFINITION, date_only_cue, named_as_example, set_up_only, subjectless_heading

    assert set_up_only("The aim of the study was therefore to find out what taping does in runners with knee pain.")
    assert set_up_only("This trial compared video physiotherapy with usual clinic physiotherapy in people with back pain.")
    assert not set_up_only("This trial compared video physiotherapy with clinic visits and found no difference in pain.")
    assert QUOTED_DEFINITION.search('According to the health agency, telehealth is "the use of electronic technology to give care".')
    assert not QUOTED_DEFINITION.search("According to the review, telehealth is as effective as clinic visits.")
    assert subjectless_heading("Improves access to care")
    assert not subjectless_heading("Exercise improves access to care")
    assert not subjectless_heading("Improves pain in most patients, a review found.")
    assert date_only_cue("(Feb 2008", "The national guidelines for hip pain (Feb 2008) are another marker of good practice.")
    assert not date_only_cue("(Feb 2008", "Exercise reduced hip pain in the national audit (Feb 2008).")
    assert named_as_example("The national guidelines for hip pain (2010) are another marker of best practice.")
    assert not named_as_example("Guidelines from the society are a recommended standard of care for hip pain.")


def test_a_trial_page_read_whole():
    page = ("# Osteopathy and research\n\n"
            "The aim of the study was therefore to find out what manipulation does in a model of neck pain.\n\n"
            "Some of the best evidence comes from a trial. This trial compared video physio with usual clinic physio in "
            "people with knee pain. At 6 weeks, people in the video group did about as well as those seen in the clinic.\n\n"
            "## Improves access to care\n\n"
            'According to the health agency, telehealth is "the use of electronic technology to give care" (Lee, 2020). '
            "A review found that rural patients were highly satisfied with video physio (Hart, 2020).\n\n"
            "The national guidelines for hip pain (Feb 2010) are another marker of best practice. They recommend exercise and "
            "advice as the core treatment.\n")
    claims = _claims(page)
    assert not any(c.startswith(("The aim", "This trial compared", "Improves access", "According to the health agency",
                                 "The national guidelines")) for c in claims), claims
    for want in ("people in the video group did about as well", "A review found that rural patients", "They recommend exercise"):
        assert any(want in c for c in claims), (want, claims)


def test_common_knowledge_is_no_claim_but_a_named_journal_stays():
    page = ("It is widely known that walking is good for the bones.\n\n"
            'Dr. Lee says that "the benefits of massage for neck pain have been widely accepted in the medical community".\n\n'
            "A new article in the well-known British Medical Journal suggests that massage eases neck pain.\n\n"
            "It is generally accepted that exercise helps back pain (Smith, 2019).\n")
    claims = _claims(page, learned=True)
    assert not any(c.startswith(("It is widely known", "Dr. Lee says")) for c in claims), claims
    assert any("well-known British Medical Journal" in c for c in claims), claims
    assert any("(Smith, 2019)" in c for c in claims), claims


def test_quoted_judgement_is_no_definition():
    from physiohub.check.claim_page_forms import quoted_definition

    assert quoted_definition('A rural area, according to the census office, is "any territory not in an urban area".')
    assert not quoted_definition('Exercise is "an effective treatment for back pain," the study concluded.')
    assert not quoted_definition('According to the society, yoga is "a safe option" for neck pain.')
