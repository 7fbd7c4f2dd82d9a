"""Claims on pages of new sites, session 11 (dev22/: health newsletters, a magazine and a radio story, fitness and
wellness sites, clinic and doctor blogs), mostly false alarms near research words. Every sentence and page here is
written for this test, not taken from those pages."""
from __future__ import annotations

from physiohub.check.claim_orgs import ACCORDING_NAMED
from physiohub.check.claims import find_claims, model_veto
from physiohub.check.document import parse_document


def _claims(text: str) -> list[str]:
    return [c.text for c in find_claims(parse_document(text).sentences, learned=False)]


def test_how_to_line_is_never_a_finding():
    assert model_veto("How to Cycle Your Way to 40% Less Hip Pain")
    assert not model_veto("Cycling cut hip pain by 40%, the trial found.")


def test_simile_aside_after_a_finding_is_no_claim():
    assert model_veto("It's like a spa day, minus the bill at the end.")
    assert model_veto("That's just like stretching, only lazier.")
    assert not model_veto("It reduced stiffness more than stretching did, the review found.")


def test_speculation_on_how_it_works_is_no_claim():
    assert model_veto("While they are not sure exactly why it helps, the team suspects there may be a change in nerve "
                      "sensitivity, says the study's author.")
    assert model_veto("Scientists speculate that there might be a link to blood flow in the tendon.")
    assert not model_veto("The team found that nerve sensitivity fell after six weeks of loading.")


def test_what_a_study_will_matter_for_is_no_claim():
    page = ("# Desk workers\n\nA new study shows that standing desks do not prevent neck pain.\n\n"
            "Researchers said the study was likely to prove useful for the many people who work at a desk all day.\n")
    found = _claims(page)
    assert any(t.startswith("A new study shows") for t in found), found
    assert not any("likely to prove useful" in t for t in found), found


def test_figurative_title_names_no_treatment():
    page = ("# The Cheap Cure for Stiff Hips\n\nThe benefit of cycling for stiff hips was confirmed by a study in a "
            "rheumatology journal.\n")
    found = _claims(page)
    assert not any(t.startswith("The Cheap Cure") for t in found), found
    # a title that names what helps and what it helps still counts
    page2 = ("# Cycling eases stiff hips\n\nThe benefit of cycling for stiff hips was confirmed by a study in a "
             "rheumatology journal.\n")
    assert any(t.startswith("Cycling eases stiff hips") for t in _claims(page2))


def test_title_restated_by_a_study_sentence_further_down():
    page = ("# Swimming can ease pain and stiffness in arthritic hips\n\nOne more reason to get in the pool.\n\n"
            "Jo Bloggs | May 2, 2023 | Share\n\nSummer is a good time to swim. Pools are open late in most towns.\n\n"
            "Now, a new study adds to this by showing that swimming can ease pain and stiffness in arthritic hips.\n")
    found = _claims(page)
    assert any(t.startswith("Swimming can ease pain and stiffness") for t in found), found
    # a title sharing few words with the study sentence is not taken as its finding
    page2 = page.replace("# Swimming can ease pain and stiffness in arthritic hips", "# Summer pools reduce boredom in teens")
    assert not any(t.startswith("Summer pools") for t in _claims(page2))


def test_according_to_a_national_body_with_a_country_prefix():
    assert ACCORDING_NAMED.search("About 14 million adults have knee arthritis, according to the U.S. National Institutes of Health.")
    page = ("# Knees\n\nAbout 14 million adults have been diagnosed with knee arthritis, according to the U.S. National "
            "Institutes of Health.\n")
    assert any("according to the U.S. National" in t for t in _claims(page))


def test_study_author_quoted_by_surname_later():
    page = ("# Rolling\n\nA study in a sports journal found that rolling the calves eased soreness, says study author "
            "Anna Berg, PhD, of a university in Oslo.\n\nTry it after your run: rolling for two minutes works better than "
            "rolling for thirty seconds, says Dr. Berg.\n\nMany runners keep a roller by the door, says coach Tim Lee.\n")
    found = _claims(page)
    assert any(t.startswith("Try it after your run") for t in found), found
    assert not any(t.startswith("Many runners") for t in found), found


def test_study_author_named_mid_sentence_is_no_attribution():
    page = ("# Rolling\n\nA study in a sports journal found that rolling the calves eased soreness, says study author "
            "Anna Berg, PhD, of a university in Oslo.\n\nBecause, as Berg explains, she grew up in a family of runners, "
            "the question had long interested her.\n")
    assert not any(t.startswith("Because, as Berg") for t in _claims(page))


def test_organisation_advice_as_a_list():
    page = ("# Tip: Move for sore hips\n\nWhen your hips ache you may want to sit still.\n\n"
            "The American College of Rheumatology recommends:\n\n- Begin with short walks and add a few minutes each week.\n"
            "- Rest a day if the pain is worse the next morning.\n\nYou may also like: stretches for the office\n")
    found = _claims(page)
    assert not any(t.startswith("The American College of Rheumatology recommends") for t in found), found
    assert any(t.startswith("Begin with short walks") for t in found), found
    assert any(t.startswith("Rest a day") for t in found), found
    # the same bullets under the writer's own heading are no claims
    page2 = page.replace("The American College of Rheumatology recommends:", "Here is what I tell my clients:")
    assert not any(t.startswith("Begin with short walks") for t in _claims(page2))


def test_outside_expert_advice_is_no_claim():
    assert model_veto("According to fitness expert Sam Hill, founder of a gym chain, people with sore knees should "
                      "start slowly and build up.")
    assert not model_veto("According to a 2021 review, people with sore knees did better when they started slowly.")


def test_figures_from_a_named_body():
    found = _claims("# Walking\n\nWalking is free -- but new figures from the CDC show that half of adults with arthritis "
                    "rarely walk for exercise.\n")
    assert any("new figures from the CDC show" in t for t in found), found


def test_ranking_continues_the_finding_before_it():
    page = ("# Hips\n\nA review of 40 trials in people with hip arthritis found that regular exercise eased "
            "pain. Water-based classes came out as the most effective form of exercise, with gains within eight weeks.\n")
    assert any(t.startswith("Water-based classes came out") for t in _claims(page))


def test_topic_label_title_is_not_taken_as_a_restated_finding():
    page = ("# The most common cause of shoulder pain\n\nShoulder pain has many sources.\n\nAuthor | Clinic blog\n\n"
            "Rotator cuff problems are frequent. Tendons change with age.\n\n"
            "I will now turn to the most common cause of shoulder pain, which Lee et al (2015) found in 60% of patients.\n")
    assert not any(t.startswith("The most common cause") for t in _claims(page))


def test_study_gives_a_reason_or_remedy():
    found = _claims("# Knees\n\nIf that still does not convince you, this new study gives yet another reason: cycling keeps "
                    "the hips supple.\n\nThis trial offers a simple remedy, as cycling is cheap.\n")
    assert any(t.startswith("If that still does not convince you") for t in found), found
    assert any(t.startswith("This trial offers a simple remedy") for t in found), found
    # a study offering something that is not a finding is no claim
    assert not any("offers" in t for t in _claims("# Knees\n\nThe study offers free parking to everyone who takes part.\n"))


def test_results_run_in_after_a_described_check():
    page = ("# Pace\n\nTo check the results, the researchers looked at step data from 20,000 people in a national cohort. "
            "They sorted them into three groups.\n\nThe results held up: brisk walkers had a clearly lower risk of hip "
            "pain.\n")
    assert any(t.startswith("The results held up") for t in _claims(page))
    assert not any(t.startswith("The results held up") for t in _claims("# Pace\n\nThe results held up: see the table.\n"))


def test_view_of_someone_who_worked_on_the_study():
    page = ("# Desks\n\nA new study shows that standing desks do not prevent neck pain.\n\n"
            "Dr Ann Roe, a lecturer who worked on the study, said our ideas about desks are old-fashioned.\n\n"
            "Dr Ben Fox, who led the study, said standing reduced neck pain by a third in the first month.\n")
    found = _claims(page)
    assert not any(t.startswith("Dr Ann Roe") for t in found), found
    assert any(t.startswith("Dr Ben Fox") for t in found), found
