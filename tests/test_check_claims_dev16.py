"""Sentence roles read on the dev16 pages' kinds of sentence (issue 13, session 10: claims on new sites).
Every sentence and page here is written for this test."""
from __future__ import annotations

import pytest

from physiohub.check.claims import claim_cue, method_only


@pytest.mark.parametrize("text", [
    # a review's pooling and who took part
    "The review pulled together 48 controlled trials that compared manual therapy with advice alone.",
    "The people in the studies were office workers aged 30 to 60 with neck pain.",
    "Participants in the trial had had heel pain for at least three months.",
    # what an analysis left out
    "Early retirement and lost overtime were not counted in the analysis.",
    # what a study tried out, named
    "The new trial, published in the journal Pain, tested a new approach called graded walking.",
    # where findings come from
    "These findings by the Workplace Health Institute come from the second in a series of reports on joint pain.",
])
def test_method_and_provenance_sentences(text):
    assert method_only(text), text
    assert not claim_cue(text), text


@pytest.mark.parametrize("text", [
    "Participants in the exercise group had less pain at six months than those given advice.",
    "People in the study were twice as likely to return to running within a year.",
    "The trial tested a new approach called graded walking and found that pain fell by a third.",
])
def test_results_about_the_same_people_stay_claims(text):
    assert not method_only(text), text


def test_a_table_of_figures_with_cited_column_heads_is_no_claim():
    from physiohub.check.claims import find_claims
    from physiohub.check.document import parse_document

    page = ("Cyclists often report pain in the neck and knees (Lee et al, 2001).\n\n"
            "| | Lee et al. 2001 (survey) | Park et al. 1999 (tour) |\n|---|---|---|\n| Neck | 40.1 | 22 |\n| Back | 35.0 | 19 |\n")
    claims = find_claims(parse_document(page).sentences, learned=False)
    assert [c.text for c in claims] == ["Cyclists often report pain in the neck and knees (Lee et al, 2001)."]


def test_a_table_row_that_states_a_result_is_not_ruled_out():
    from physiohub.check.claim_vetoes import not_a_statement
    from physiohub.check.document import parse_document

    sents = parse_document("| Exercise | reduced pain by 30% in two trials | (Lee 2001) |\n").sentences
    assert not not_a_statement(sents[0], sents, 0)


@pytest.mark.parametrize("text", [
    # a reporting verb the cue lists lacked
    "The study argues that waiting to see what happens leaves many people in pain for months.",
    # a report a named body put out, cited at the end
    "Some 40 million adults live with arthritis, according to a report published in 2019 by the National Joint Initiative.",
    "One worker in ten has back pain each year, according to a new report from Spine Action.",
    # an aside set off by commas between the research and its verb
    "The Leeds-led study, carried out with colleagues at the Royal Free Hospital and the Karolinska Institute, "
    "shows that many of the symptoms are caused by inflammation of the nerves",
    # a news headline with the source last and no comma
    "Early Physio for Sciatica Leads to Less Disability Says Study",
    "Tai Chi Eases Knee Pain as Well as Physio Study Finds",
])
def test_cues_read_on_dev16_kinds(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", [
    # the author of a book is not the study's author
    "You will be told that running ruins your knees, by which people mean \"wear of the cartilage that reduces its "
    "shock-absorbing capacity,\" says Ann Lee, a physiologist and co-author of the new book \"Run Well.\"",
    # a headline naming the research as a topic
    "Knee Pain in Runners and What the Research Shows",
    # a sentence with a final stop is not a headline frame
    "We asked how much pain relief matters to patients in the study.",
    # no report by a named body
    "According to a report on the radio, many people have back pain.",
])
def test_not_cues_read_on_dev16_kinds(text):
    assert not claim_cue(text), text


def _claims(page: str) -> list[str]:
    from physiohub.check.claims import find_claims
    from physiohub.check.document import parse_document

    return [c.text for c in find_claims(parse_document(page).sentences, learned=False)]


def test_results_listed_after_a_lead_in_naming_what_showed_benefit():
    page = ("# Walking for hip pain\n\nA systematic review in a rheumatology journal found that walking programmes eased hip pain. "
            "The review brought together 40 trials. Treatments that showed benefit included:\n\n"
            "- Brisk walking—linked to less pain in 12 trials\n- Nordic walking—linked to better function in 5 trials\n")
    found = _claims(page)
    assert any(t.startswith("Brisk walking") for t in found), found
    assert any(t.startswith("Nordic walking") for t in found), found


def test_a_list_after_a_plain_lead_in_is_not_read_as_results():
    page = ("# Walking for hip pain\n\nA systematic review found that walking programmes eased hip pain. "
            "Programmes on offer locally included:\n\n- Brisk walking groups on Mondays\n- Nordic walking in the park\n")
    assert not any(t.startswith(("Brisk", "Nordic")) for t in _claims(page))


def test_a_summing_up_figure_and_a_range_continue_the_claim_before_them():
    page = ("The report estimates that each worker with neck pain takes 3.1 more sick days a year than other workers. "
            "All told, neck pain costs about $310,000 a year for every 1,000 workers.\n\n"
            "The report also found wide differences in costs between industries. "
            "Costs ranged from about $150,000 per 1,000 workers in retail to $420,000 in building.\n")
    found = _claims(page)
    assert any(t.startswith("All told") for t in found), found
    assert any(t.startswith("Costs ranged") for t in found), found


def test_a_range_with_no_claim_before_it_is_not_a_claim():
    assert not _claims("Prices for a bike fit ranged from about $150 to $300 in the shops we called.\n")


def test_a_title_ranking_a_treatment_is_read_like_one_stating_an_effect():
    page = ("# Yoga may be the best way to ease neck pain\n\n"
            "In a new study, researchers found that yoga eased neck pain more than stretching did.\n")
    assert _claims(page)[0] == "Yoga may be the best way to ease neck pain"
    page = "# The best way to set up your desk\n\nSit with your feet flat on the floor and the screen at eye level.\n"
    assert not _claims(page)


@pytest.mark.parametrize("text", [
    "The report also found wide differences in costs between industries.",
    "The report found that one worker in ten had neck pain.",
])
def test_a_report_that_found_something(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text, is_claim", [
    ("A new study recommends an approach to knee pain that departs from the usual advice of family doctors.", False),
    ("A review suggests a different approach to shoulder pain.", False),
    ("A new study recommends a different approach: exercise first, scans only if it fails.", True),
    ("A new study recommends an approach to knee pain that starts with exercise and cuts pain by a third.", True),
])
def test_an_approach_announced_but_not_named_is_a_teaser(text, is_claim):
    assert bool(claim_cue(text)) is is_claim, text


def test_a_study_leaders_quote_going_on_after_the_attribution():
    page = ("\"As with most things in back care, it will not suit everyone,\" says Ann Lee, a professor of physiotherapy, "
            "who led the study. \"But early exercise does seem to help people get moving again and recover faster.\"\n")
    found = _claims(page)
    assert any(t.startswith("\"But early exercise") for t in found), found


def test_a_quote_after_an_outside_experts_words_is_not_taken_for_a_finding():
    page = ("\"It is a neat piece of work,\" says Ann Lee, a physiotherapist who was not involved. "
            "\"But exercise does seem to help people recover faster anyway.\"\n")
    assert not _claims(page)


def test_credentials_after_the_leaders_name_do_not_hide_the_attribution():
    page = ("\"As with most things in back care, it will not suit everyone,\" says Ann Lee, P.T., Ph.D., a professor of "
            "physiotherapy, who led the study. \"But early exercise does seem to help people get moving again and recover faster.\"\n")
    found = _claims(page)
    assert any(t.startswith("\"But early exercise") for t in found), found
    assert claim_cue("\"Early exercise helped most people recover faster,\" says Ann Lee, P.T., Ph.D., who led the study.")


def test_a_hope_after_the_leaders_quote_is_no_finding():
    page = ("\"Exercise eased pain in most of the women,\" said Ann Lee, who led the study. "
            "\"We hope that our findings will help reassure patients that exercise is safe.\"\n")
    found = _claims(page)
    assert found and not any(t.startswith("\"We hope") for t in found), found


def test_the_leaders_attribution_after_a_closing_quote_mark_with_a_long_title():
    page = ("\"It is not the answer for everyone,\" says Ann Lee, P.T., Ph.D., associate dean for research in the "
            "School of Health Sciences, who led the study. \"But early exercise does seem to help people recover faster.\"\n")
    found = _claims(page)
    assert any(t.startswith("\"But early exercise") for t in found), found


@pytest.mark.parametrize("text", [
    "In the study, half of the patients had hip manipulation and the other half had no treatment.",
    "All 120 runners in the study had had knee pain for at least six months.",
    "The researchers, led by Ann Lee, followed the women for 5 years.",
    "The average time the two groups were followed was 6.2 years.",
])
def test_method_sentences_of_the_second_dev16_batch(text):
    assert method_only(text), text


@pytest.mark.parametrize("text", [
    "Half of the patients had less pain after a year, while the other half had more.",
    "The women followed for 5 years had 30% fewer fractures than the others.",
])
def test_results_with_the_same_words_stay_results(text):
    assert not method_only(text), text


def test_findings_bullets_with_shares_in_words_and_a_tips_list_after_them():
    page = ("A survey of 900 nurses by a chair maker shows that 48% of them have back pain.\n\n"
            "Other interesting findings from the survey:\n\n"
            "- As many as one in three nurses no longer take a lunch break.\n"
            "- Nurses on night shifts exercise less often than average.\n\n"
            "The chair maker has put together four simple tips for nurses:\n\n"
            "1. Make sure your chair helps you sit upright\n\n2. Get up and move every hour\n")
    found = _claims(page)
    assert any(t.startswith("As many as one in three") for t in found), found
    assert any(t.startswith("Nurses on night shifts") for t in found), found
    assert not any(t.startswith(("Make sure", "Get up")) for t in found), found


@pytest.mark.parametrize("text", [
    "Knee osteoarthritis patients should keep walking every day – Study",
    "Researchers in Norway have advised people with hip pain to keep up gentle exercise, to protect their joints.",
])
def test_a_dash_source_headline_and_researchers_who_advised(text):
    assert claim_cue(text), text


def test_a_headline_with_should_is_a_statement():
    from physiohub.check.claim_vetoes import not_a_statement
    from physiohub.check.document import parse_document

    sents = parse_document("# Knee patients should keep walking – Study\n\nResearchers in Norway found that walking eased knee pain.\n").sentences
    assert not not_a_statement(sents[0], sents, 0)


def test_results_going_on_from_a_claim_in_the_sentences_after_it():
    page = ("Regular walking can help prevent hip fractures, a study of 5,000 older men shows. "
            "Men who did moderate to vigorous activities, such as brisk walking, cycling and weight training, for at least two "
            "hours a week cut their risk of hip fracture the most. "
            "Exercise helps in several ways, the researchers noted. It lowers the chance of falling by improving balance. "
            "It also strengthens bones by increasing their density.\n\n"
            "As a rule of thumb, they recommend that older men walk for 30 minutes a day.\n")
    found = _claims(page)
    for start in ("Men who did", "It lowers", "It also strengthens", "As a rule of thumb"):
        assert any(t.startswith(start) for t in found), (start, found)


def test_a_group_set_against_the_other_with_while():
    page = ("The trial found that balance classes lowered the risk of falls in older women. "
            "Five women in the control group had hip fractures, while the exercisers never had one.\n")
    assert len(_claims(page)) == 2


def test_pronoun_sentences_with_no_claim_before_them_stay_out():
    page = ("Our clinic runs classes every week. It helps to bring a towel. "
            "They say that the car park fills up early.\n")
    assert not _claims(page)


def test_an_impersonal_it_or_an_open_question_does_not_go_on_with_a_claim():
    page = ("A trial found that loading exercises eased tendon pain. It is thought that loading step by step leads to changes "
            "in the tendon. They note that it has not been established whether the changes last.\n")
    assert _claims(page) == ["A trial found that loading exercises eased tendon pain."]


def test_a_projection_with_will_see_is_no_research_plan():
    text = "In fact, it is estimated that 1 in 40 adults in the UK will see their GP about neck pain each year (2)."
    assert not method_only(text)
    assert claim_cue(text)
    assert method_only("The team will see whether the benefit lasts beyond a year.")


def test_a_sentence_cut_right_after_its_reporting_verb_states_nothing():
    from physiohub.check.claims import model_veto

    assert model_veto("A recent review of the research evidence has shown that is")
    assert not model_veto("A recent review of the research evidence has shown that rest alone rarely helps.")


def test_a_section_heading_stating_a_denied_effect_over_cited_research():
    page = ("# Knee scans and pain\n\nSome intro text about scans for knee pain and what they show.\n\n"
            "## Most Knee Damage Seen on MRIs Doesn't Cause Pain\n\n"
            "However, imaging studies show that these findings are common in people with no pain at all (Lee et al., 2010).\n\n"
            "## Knee Surgery Often Fails to Give Long-Term Relief\n\n"
            "A large trial found that keyhole surgery was no better than sham surgery (Park et al., 2014).\n")
    found = _claims(page)
    assert "Most Knee Damage Seen on MRIs Doesn't Cause Pain" in found, found
    assert "Knee Surgery Often Fails to Give Long-Term Relief" in found, found


def test_a_section_heading_with_no_effect_stays_a_label():
    page = ("# Knee scans and pain\n\nSome intro text about scans.\n\n## What the Scans Showed\n\n"
            "However, imaging studies show that these findings are common in people with no pain at all (Lee et al., 2010).\n")
    assert "What the Scans Showed" not in _claims(page)


def test_a_section_heading_over_background_then_cited_research():
    page = ("# Knee scans and pain\n\nSome intro text about scans.\n\n## Most Knee Damage Seen on MRIs Doesn't Cause Pain\n\n"
            "Many patients assume that a tear on a scan means surgery. "
            "However, imaging studies show that tears are common in people with no pain at all (Lee et al., 2010).\n")
    assert "Most Knee Damage Seen on MRIs Doesn't Cause Pain" in _claims(page)


def test_one_groups_figure_set_against_the_others_in_the_next_paragraph():
    page = ("When the panel analysed the evidence, they found that after a year there was little difference between patients "
            "who had surgery and those who did not.\n\n"
            "On a scale of 1 to 100, patients who had surgery rated their function at 72, on average, while those who did not "
            "have surgery rated theirs at 69.\n")
    assert len(_claims(page)) == 2


@pytest.mark.parametrize("text, is_claim", [
    ("How it starts is not fully known, but it can be seen as pressure on the nerve as it passes the wrist.[1]", False),
    ("The main symptom of tennis elbow is pain on the outside of the elbow when gripping.[6]", False),
    ("The commonest cause of heel pain in runners is a sudden rise in mileage.[3]", True),
    ("Long-standing nerve pressure leads to lasting damage with constant numbness.[9]", True),
])
def test_cited_descriptions_of_a_condition_are_not_findings(text, is_claim):
    assert bool(claim_cue(text)) is is_claim, text
