"""Claims on pages of new sites, session 11 (dev20/: charity, Q&A, magazine, podcast notes, news digest, product and
supplement blogs, fitness). Every sentence and page here is written for this test, not taken from those pages."""
from __future__ import annotations

from physiohub.check.claim_sources import citation_marker, sources_of
from physiohub.check.claims import claim_cue, find_claims, model_veto
from physiohub.check.document import parse_document


def _claims(text: str) -> list[str]:
    return [c.text for c in find_claims(parse_document(text).sentences, learned=False)]


def test_roman_numeral_endnote_markers_cite():
    assert citation_marker("Two in five nurses have shoulder pain that keeps them off work[ii].") == "[ii]"
    assert citation_marker("Sick days from neck pain doubled over the decade.[iv]") == "[iv]"
    _, cites = sources_of("Office staff sit for 9 hours a day on average[xi] and rarely stand.", [])
    assert cites == ["xi"]
    # a checkbox or a bracketed letter standing alone is no marker; nor is a Markdown link's text
    assert citation_marker("- [x] Book a posture check") is None
    assert citation_marker("See the chart [i](https://example.org/chart) for more.") is None
    found = _claims("# Desk pain\n\nAbout 40% of desk workers have neck pain that affects their sleep[iii]. "
                    "Buy a better chair today.\n")
    assert found == ["About 40% of desk workers have neck pain that affects their sleep[iii]."], found


def test_list_items_under_a_cited_lead_in():
    page = ("# Gout\n\nMoving gently helps the joints (Lee 2015).\n\nIf you have gout (NICE 2022; Ortiz 2019):\n\n"
            "  * Drink plenty of water through the day\n  * Cut down on beer and sugary drinks\n  * Rest\n\n"
            "Talk to your doctor about medicines.\n")
    found = _claims(page)
    assert "Drink plenty of water through the day" in found, found
    assert "Cut down on beer and sugary drinks" in found, found
    assert "Rest" not in found   # a one-word item states nothing
    claims = find_claims(parse_document(page).sentences, learned=False)
    water = next(c for c in claims if c.text.startswith("Drink plenty"))
    assert water.year == 2022 and water.names_source
    # an uncited lead-in gives its items nothing
    assert not _claims("# Gout\n\nIf you have gout:\n\n  * Drink plenty of water through the day\n  * Cut down on beer\n")


def test_bare_factors_under_a_factors_lead_in():
    page = ("# Knee news\n\n## Who goes back to sport?\n\nThis study set out to learn which players return to sport after a "
            "knee operation. Coaches of 40 clubs filled in a survey.\n\nFactors linked with returning to sport included:\n\n"
            "  * Being younger\n  * A shorter time off\n  * Playing in a team\n\nMost players returned within a year.\n")
    found = _claims(page)
    for item in ("Being younger", "A shorter time off", "Playing in a team"):
        assert item in found, (item, found)
    assert "Coaches of 40 clubs filled in a survey." not in found


NOT_CLAIMS = [
    # research announced by what it reports
    "The authors report how many nurses had neck pain over the two years.",
    "We talked about why the tendon gets so little attention, where the evidence stands, and what her own trials found.",
    # who took part
    "Cleaners from four hospitals in Norway took part in the study.",
    # a mechanism put forward, not found
    "Researchers have proposed that the peptides may collect in cartilage and prompt the cells to repair it.",
]


def test_dev20_not_claims():
    for text in NOT_CLAIMS:
        assert not claim_cue(text), text
        assert model_veto(text), text


def test_announcements_that_state_a_finding_stay_claims():
    # a finding after the question-word clause, and the people a result is about
    assert claim_cue("We also looked at what the programme costs, and the trial showed it was cheaper than usual care.")
    assert claim_cue("Nurses who took part in the survey said they take painkillers for back pain, the study found.")
    assert claim_cue("Researchers found that walking eased knee pain in 60% of the patients.")


def test_shares_and_their_comparisons_continue_a_study_result():
    page = ("# Nurses and back pain\n\nA two-year study of hospital nurses found that 60% had back pain in the first year. "
            "Many of the nurses with back pain also had neck pain. Their sleep was worse overall than that of nurses without pain.\n\n"
            "Most nurses with back pain did not see a doctor. Only nurses with severe pain took time off.\n")
    found = _claims(page)
    for text in ("Many of the nurses with back pain also had neck pain.",
                 "Their sleep was worse overall than that of nurses without pain.",
                 "Most nurses with back pain did not see a doctor.", "Only nurses with severe pain took time off."):
        assert text in found, (text, found)
    # the writer's present-tense background after a finding is not a result
    page = ("# Desks\n\nA 2019 trial found that standing desks cut sitting time by an hour a day. "
            "Many patients with neck pain have tried new chairs and cushions without luck.\n")
    assert "Many patients with neck pain have tried new chairs and cushions without luck." not in _claims(page)
    page = ("# Walking\n\nA 2019 study found that walking three times a week eased knee pain by a third. "
            "Yet most patients with knee pain don't.\n")
    assert "Yet most patients with knee pain don't." not in _claims(page)


MORE_NOT_CLAIMS = [
    # what the research is for
    "The authors say that knowing who asks for help can steer health policy and future research.",
    # the writer's own summing-up, and a clinician's advice told in the third person
    "To sum up, stretching before a game helps you avoid strains and sprains.",
    "He suggests gentle exercise such as swimming and cycling.",
]


def test_dev20_more_not_claims():
    for text in MORE_NOT_CLAIMS:
        assert model_veto(text), text
    assert not claim_cue(MORE_NOT_CLAIMS[0])
    # with research named, the summing-up and the advice stay claims
    assert not model_veto("To sum up, the trials showed that stretching before a game cut strains by a third.")
    assert not model_veto("He suggests, based on his 2021 trial, that swimming eases knee pain.")


def test_research_use_after_a_claim_is_not_its_continuation():
    page = ("# Nurses\n\nThe study found that nurses on night shifts had more back pain than day staff. "
            "It can also tell us which wards most need lifting aids.\n")
    found = _claims(page)
    assert found == ["The study found that nurses on night shifts had more back pain than day staff."], found


def test_a_trend_credited_to_research_is_a_claim():
    assert claim_cue("According to research, rates of neck pain have risen among students.")
    assert claim_cue("According to a 2020 survey, sick days from back pain fell by a third.")


def test_the_same_finding_widened_continues_it():
    page = ("# Nurses\n\nAccording to research, back pain has become more common among nurses. "
            "This is especially true for night-shift staff. Hospitals should buy hoists.\n")
    found = _claims(page)
    assert "This is especially true for night-shift staff." in found, found
    assert "Hospitals should buy hoists." not in found
    # "This is why ..." explains; it widens nothing
    page = ("# Bones\n\nA 2015 trial found that jumping raised hip bone density by 2%. "
            "This is why so many studies measure bone density rather than fractures.\n")
    assert "This is why so many studies measure bone density rather than fractures." not in _claims(page)


def test_background_after_a_study_named_by_its_topic_is_not_its_result():
    page = ("# Fish oil\n\nSeveral studies have looked at how fish oil affects stiff joints in older adults. In arthritis the "
            "lining of the joint swells. That leads to pain and, over time, joint damage. Fish oil may help calm that "
            "swelling so people can move more easily.\n")
    assert _claims(page) == [], _claims(page)


MORE_NOT_CLAIMS_B = [
    # a cited description of what a tissue is; the writer's memory of old advice; a trial's arms without the verb
    "Collagen is the main structural protein of the tendons, ligaments and skin.4",
    "That was why we ran laps before games — we were told our chance of injury was much higher if we did not.",
    "In the trial, patients randomly assigned to the exercise group received twelve sessions of supervised training.",
]


def test_dev20_batch_b_not_claims():
    for text in MORE_NOT_CLAIMS_B:
        assert model_veto(text), text
        assert not claim_cue(text), text


def test_the_size_of_savings_or_a_link_continues_a_result():
    page = ("# Early physio\n\nA 2010 study found that scan use fell by half when staff with back pain saw a physio first. "
            "The savings were so large that the insurer raised its fees for physio.\n")
    assert "The savings were so large that the insurer raised its fees for physio." in _claims(page)
    page = ("# Sitting\n\nA 2019 study found a stronger link between sitting habits and chronic back pain than acute pain. "
            "The link was judged plausible because people in chronic pain know which positions hurt.\n")
    assert "The link was judged plausible because people in chronic pain know which positions hurt." in _claims(page)


def test_how_a_treatment_was_chosen_is_no_result():
    from physiohub.check.claim_method import method_only
    assert method_only("In the trial, patients randomly assigned to the exercise group received joint mobilisation and "
                       "stretching, as the physiotherapist's examination of each person indicated.")
    # a result after the arms is still a result
    assert not method_only("Patients randomly assigned to the exercise group received twelve sessions and had less pain than "
                           "the controls.")
