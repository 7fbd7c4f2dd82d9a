"""Forms of clinic and digital-clinic pages (dev21, session 11 of issue 13), on small texts written here: bullets that
complete a research lead-in, an attributed quote going on, a passive guideline recommendation, labelled result
lines, quote cards with a credit line, a result's timing going on; and what is not a claim on such pages."""
from __future__ import annotations

from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document


def _claims(text: str, learned: bool = False) -> list[str]:
    return [c.text for c in find_claims(parse_document(text).sentences, learned=learned)]


def _has(claims: list[str], part: str) -> bool:
    return any(part in c for c in claims)


def test_bullets_complete_a_research_lead_in_with_its_colon():
    text = ("# Knee pain\n\nPain in the knee is common.\n\nStudies have found that a home walking plan can:\n\n"
            "- Cut knee pain within eight weeks\n- Help people climb stairs with less effort\n\nBook a visit today.\n")
    got = _claims(text)
    assert _has(got, "Cut knee pain within eight weeks")
    assert _has(got, "Help people climb stairs")
    assert not _has(got, "Book a visit")


def test_a_short_research_lead_in_read_as_a_heading_gives_its_bullets_and_is_no_claim():
    text = ("# Neck pain\n\nRandomised trials show that massage:\n\n- Eases neck pain for weeks\n- Lowers the need for painkillers\n\n"
            "Our therapists are trained in many techniques.\n")
    got = _claims(text)
    assert _has(got, "Eases neck pain for weeks") and _has(got, "Lowers the need for painkillers")
    assert not any(c.startswith("Randomised trials show that massage") for c in got)


def test_bullets_under_a_lead_in_that_names_no_research_stay_out():
    text = ("# Neck pain\n\nOur clinic finds that patients often:\n\n- Sit for long hours at a desk\n- Sleep on two pillows\n")
    got = _claims(text)
    assert not _has(got, "Sit for long hours") and not _has(got, "Sleep on two pillows")


def test_an_attributed_quote_goes_on_in_a_second_quoted_sentence():
    text = ('A recent study found that yoga twice a week improved balance in older adults. '
            '"Our study suggests that regular yoga may change how the body controls posture," says Dr. Anna Berg, who led the study. '
            '"This may be a way to reduce falls in older people."')
    got = _claims(text)
    assert _has(got, "This may be a way to reduce falls")


def test_a_quoted_question_after_an_attributed_quote_is_no_claim():
    text = ('A recent study found that yoga twice a week improved balance in older adults. '
            '"Regular yoga may change how the body controls posture," says Dr. Anna Berg, who runs the laboratory. '
            '"Could it reduce falls too?"')
    assert not _has(_claims(text), "Could it reduce falls")


def test_a_guideline_recommendation_in_the_passive_is_a_claim():
    text = ("The guideline was published in 2020. Exercise therapy and education were recommended in the guidance for "
            "people with hip osteoarthritis. Surgery is sometimes needed.")
    got = _claims(text)
    assert _has(got, "were recommended in the guidance")
    assert not _has(got, "Surgery is sometimes needed")


def test_an_organisation_described_by_its_role_is_no_claim():
    text = ("The Chartered Society of Physiotherapy (CSP) provides national advice and standards to physiotherapists [1]. "
            "The CSP recommends that people with back pain stay active [2].")
    got = _claims(text)
    assert not _has(got, "provides national advice")
    assert _has(got, "recommends that people with back pain stay active")


def test_an_organisation_verb_in_a_relative_clause_is_no_claim():
    text = ("Physiotherapists are therefore well placed to deliver the exercises NICE recommends for knee pain, and "
            "patients should feel confident asking for them.")
    assert _claims(text) == []


def test_labelled_result_lines_under_a_described_study():
    text = ("A 2019 randomised trial compared video physiotherapy with clinic visits for 120 people with knee pain.\n\n"
            "Result #1: Pain was reduced by the same amount in both groups\n\n"
            "Result #2: Patients using video were as satisfied as those seen in person\n")
    got = _claims(text)
    assert _has(got, "Result #1: Pain was reduced by the same amount") and _has(got, "Result #2: Patients using video")


def test_a_result_label_without_research_before_it_is_no_claim():
    text = "Book your first session online.\n\nResult #1: You leave with a plan for your week\n"
    assert not _has(_claims(text), "You leave with a plan")


def test_a_quote_card_with_a_credit_line_is_a_claim_with_its_year():
    text = ('# What does the research say?\n\n"Physiotherapy by video is as good as face-to-face physiotherapy for back pain."\n\n'
            "Nguyen, T. H., et al (2023).\n")
    got = find_claims(parse_document(text).sentences, learned=False)
    card = [c for c in got if "as good as face-to-face" in c.text]
    assert card and card[0].year == 2023


def test_a_result_timing_goes_on_after_a_finding():
    text = ("This study found that taping eased heel pain in runners. These changes mostly appeared within 2 days of taping. "
            "Taping is cheap.")
    got = _claims(text)
    assert _has(got, "These changes mostly appeared within 2 days")
    assert not _has(got, "Taping is cheap")


def test_research_on_both_sides_and_a_quality_note_are_no_claims():
    text = ("There are many scientific studies that confirm some techniques and refute others. "
            "Most of the research shown in this blog is of high quality on the PEDro scale. "
            "A study of 40 patients showed that dry needling eased jaw pain.")
    got = _claims(text)
    assert got == [c for c in got if c.startswith("A study of 40 patients")] and len(got) == 1


def test_a_quoted_finding_credited_by_the_paper_entry_after_it():
    text = ('# Research by body region\n\n"Video physiotherapy matches in-person care for shoulder pain."\n\n'
            "Video physiotherapy for shoulder pain: a randomised trial. Journal of Physiotherapy, 68(1), 10-18. "
            "Lee, K., Park, J., & Kim, S. (2022).\n")
    got = find_claims(parse_document(text).sentences, learned=False)
    card = [c for c in got if "matches in-person care" in c.text]
    assert card and card[0].year == 2022


def test_a_quote_card_with_a_study_word_takes_its_credit_year():
    text = ('# What does the research say?\n\n"The results of this systematic review show that patients were highly satisfied with video physiotherapy."\n\n'
            "Jones, A. B., et al., (2021).\n")
    got = [c for c in find_claims(parse_document(text).sentences, learned=False) if "highly satisfied" in c.text]
    assert got and got[0].year == 2021


def test_an_organisation_recommendation_told_through_a_relative_clause_stays_a_claim():
    got = _claims("The exercises NICE recommends for knee pain are walking, cycling and strength training [3].")
    assert _has(got, "The exercises NICE recommends for knee pain")


def test_an_organisation_role_sentence_that_also_recommends_stays_a_claim():
    got = _claims("The American College of Physicians issues guidelines that recommend exercise before drugs for back pain [4].")
    assert _has(got, "issues guidelines that recommend exercise")


def test_a_passive_recommendation_by_an_acronym_but_not_in_a_place():
    assert _has(_claims("Walking is now recommended by NICE for people with intermittent claudication."), "recommended by NICE")
    assert not _has(_claims("This brace is recommended in the USA for runners with knee pain."), "recommended in the USA")
