"""Session 17's card reading (docs/cards-review.md, "Session 18 (cards18)"): a link the abstract reports clear in one
age group only is not stated as general; a survey's headline share goes into the upshot and the patients' note, and its
question comes from its aim; a term of the statistical model ("the interaction of time with treatment was significant")
and the study's aim are no key points while results are there to tell. Abstracts are invented, in the shape of the
ones read."""
from __future__ import annotations

import re

from physiohub.appraise.core import appraise
from physiohub.cards import check_grounding, generate_card
from physiohub.cards.question import from_aim
from physiohub.cards.generate import _model_statistics as model_statistics
from physiohub.appraise.subgroup import generalises, limited_line, plain_signs, subgroup_limit
from physiohub.models import AbstractSection, Record


def _record(title: str, sections: list[tuple[str, str]]) -> Record:
    return Record(source_format="test", source_id="t18", year=2016, title=title,
                  abstract_sections=[AbstractSection(text=t, label=l, category=l) for l, t in sections])


def _card(title: str, sections: list[tuple[str, str]]) -> tuple[dict, Record]:
    rec = _record(title, sections)
    card = generate_card(rec, appraise(rec))
    assert check_grounding(card, rec) == []
    return card, rec


# --- a result limited to one group ---------------------------------------------------------------------------------

_BY_AGE = ("The adjusted odds ratio for hip fracture in users of sleeping tablets was 1.9 (95% CI 1.3, 2.8) in people aged "
           ">= 75 years and 1.1 (95% CI 0.8, 1.6) in people aged <75 years.")


def test_estimates_by_group_show_where_the_link_is_clear():
    limit = subgroup_limit([("s1", _BY_AGE)])
    assert limit.clear == ["in people aged 75 years or over"]
    assert limit.unclear == ["in people aged under 75 years"]
    # a difference's interval is read against 0, not 1
    diff = subgroup_limit([("s2", "The mean difference in pain was 1.2 (95% CI 0.4 to 2.0) in women and 0.3 (95% CI -0.5 to "
                                  "1.1) in men.")])
    assert (diff.clear, diff.unclear) == (["in women"], ["in men"])
    # the authors' own words
    words = subgroup_limit([("s3", "Stretching reduced pain significantly only in runners, but not in cyclists.")])
    assert (words.clear, words.unclear) == (["in runners"], ["in cyclists"])


def test_no_limit_when_every_group_agrees_or_no_interval_is_given():
    both = ("The odds ratio was 1.9 (95% CI 1.3, 2.8) in women and 2.1 (95% CI 1.4, 3.0) in men.")
    assert subgroup_limit([("s1", both)]) is None
    assert subgroup_limit([("s1", "Mean age was 71 years in women and 69 years in men.")]) is None


def test_a_general_line_gets_its_group():
    limit = subgroup_limit([("s1", _BY_AGE)])
    general = "Use of sleeping tablets was clearly associated with hip fracture."
    assert generalises(general, limit, _BY_AGE)
    line = limited_line(general, limit, association=True)
    assert line == ("Use of sleeping tablets was clearly associated with hip fracture, but only in people aged 75 years "
                    "or over; in people aged under 75 years the link was not statistically clear.")
    # a line that names the group, or says no link, or is about something else, stays as it is
    assert not generalises("The link was clear in people aged 75 years or over.", limit, _BY_AGE)
    assert not generalises("Sleeping tablets were not associated with hip fracture.", limit, _BY_AGE)
    assert not generalises("Walking speed was lower in the older group.", limit, _BY_AGE)


def test_the_card_does_not_state_an_age_limited_link_as_general():
    card, rec = _card("Sleeping tablets and hip fracture in older people living at home", [
        ("OBJECTIVE", "To estimate the risk of hip fracture associated with sleeping tablets in older people."),
        ("METHODS", "A nested case-control study within a community cohort followed for eight years. Cases had a hip "
                    "fracture; controls were matched on sex and calendar time."),
        ("RESULTS", "Use of sleeping tablets was significantly associated with hip fracture, with a significant "
                    "interaction with age. " + _BY_AGE),
        ("CONCLUSION", "Sleeping tablets should be prescribed with care in older people."),
    ])
    points = card["key_points"]
    general = [p for p in points if re.search(r"associated with hip fracture", p) and "only" not in p]
    assert not general, points
    answer = card["upshot"]["answer"]
    assert "only in people aged 75 years or over" in answer
    assert "only in people aged 75 years or over" in card["why_it_matters"]["patients"]
    for text in [card["upshot"]["answer"], *points, card["why_it_matters"]["patients"]]:
        assert "interaction" not in text


def test_a_key_point_taken_from_the_general_sentence_names_the_group():
    card, _ = _card("Sleeping tablets and injurious falls in older people", [
        ("OBJECTIVE", "To estimate the impact of sleeping tablets on injurious falls in older people."),
        ("METHODS", "A nested case-control study within a community cohort followed for eight years."),
        ("RESULTS", "Falls needing hospital care were recorded for 310 cases. Use of sleeping tablets was significantly "
                    "associated with injurious falls, with a significant interaction with age. The adjusted odds ratio "
                    "for injurious falls was 2.0 (95% CI 1.3, 3.1) in people aged >= 80 years and 1.2 (95% CI 0.9, 1.7) "
                    "in people aged <80 years. Over 8% of these falls were fatal."),
        ("CONCLUSION", "New ways to limit the use of sleeping tablets in older people are needed."),
    ])
    said = [card["upshot"]["answer"], *card["key_points"]]
    assert not [t for t in said if "associated with injurious falls" in t and "only" not in t], said
    assert any("only in people aged 80 years or over" in t for t in said), said


def test_comparison_signs_are_written_out_but_not_inside_formulas():
    assert plain_signs("children <2 years and adults") == "children under 2 years and adults"
    assert plain_signs("a dose >= 40 mg") == "a dose at least 40 mg"
    assert plain_signs("people >= 60 years old") == "people at least 60 years old"
    assert plain_signs("-0.17<A<0.08") == "-0.17<A<0.08"
    assert plain_signs("pain fell (p < 0.05)") == "pain fell (p < 0.05)"


# --- statistical model terms and aims ------------------------------------------------------------------------------

def test_a_model_term_without_direction_is_statistics_only():
    assert model_statistics("The duration of follow-up and the interaction of duration with type of brace were "
                            "statistically significant (ps < 0.03).")
    assert model_statistics("No significant interaction was identified.")
    # it says which way: a result
    assert not model_statistics("A significant group-by-time interaction was found, with greater gains in the "
                                "exercise group than in the control group.")
    # the main effect of a named treatment in a factorial trial is that treatment's effect
    assert not model_statistics("There was a significant main effect of the education programme on knowledge scores.")
    # "interaction" that is no model term
    assert not model_statistics("Nurses valued the interaction with patients.")


_TRIAL = [
    ("BACKGROUND", "Knee braces are widely used for knee osteoarthritis."),
    ("OBJECTIVE", "To compare an unloader brace with a neutral brace for knee pain in adults with knee osteoarthritis."),
    ("METHODS", "Seventy-two adults with knee osteoarthritis were randomly assigned to an unloader brace or a neutral "
                "brace for 12 weeks. Pain was measured on a 0-10 scale."),
    ("RESULTS", "At 6 weeks, the unloader brace group had significantly less pain than the neutral brace group (p = 0.02). "
                "At 12 weeks, there was no significant difference between the groups (p = 0.41). The duration of "
                "wear and the interaction of duration with type of brace were statistically significant (ps < 0.03). "
                "Walking distance improved in both groups."),
    ("CONCLUSIONS", "An unloader brace may relieve knee pain sooner than a neutral brace, but not more by 12 weeks."),
]


def test_the_model_term_and_the_aim_are_no_key_points():
    card, _ = _card("Unloader versus neutral brace for knee osteoarthritis: a randomised trial", _TRIAL)
    points = card["key_points"]
    assert not any("interaction" in p for p in points), points
    assert not any(p.startswith("It set out") for p in points), points
    assert any("less pain" in p for p in points), points
    # the finding stays in the findings, with its statistics
    assert any("interaction" in f for f in card["findings"])


def test_the_aim_is_still_a_point_when_nothing_else_can_be():
    card, _ = _card("A home exercise leaflet for older adults: a pilot", [
        ("OBJECTIVE", "To assess whether a home exercise leaflet is acceptable to older adults attending a falls clinic."),
        ("METHODS", "Older adults attending a falls clinic received the leaflet and were interviewed after four weeks."),
        ("CONCLUSIONS", "The leaflet was acceptable."),
    ])
    assert len(card["key_points"]) >= 2


# --- a survey's headline share -------------------------------------------------------------------------------------

_SURVEY = [
    ("BACKGROUND", "Hand pain is often reported by people who play stringed instruments. We aimed to estimate the "
                   "prevalence of hand pain among amateur string players and its associated factors."),
    ("METHODS", "We surveyed 240 amateur violin, viola and cello players from 12 community orchestras using an online "
                "questionnaire. Factors linked with hand pain were assessed with logistic regression."),
    ("RESULTS", "The response rate was 81%. Hand pain in the past month was reported by 62 of 240 players (25.8%), and "
                "severe hand pain by 14 (5.8%). Practice of more than 10 hours per week was significantly associated with "
                "hand pain (odds ratio 2.4, 95% CI 1.3 to 4.4)."),
    ("CONCLUSIONS", "Hand pain is common among amateur string players, and long practice hours are linked with it."),
]


def test_a_survey_carries_its_headline_share_and_asks_its_own_question():
    card, rec = _card("Hand pain in amateur string players: a cross-sectional survey", _SURVEY)
    up = card["upshot"]
    assert up["question"] == "How common is hand pain among amateur string players, and what is linked with it?"
    assert "62 of 240 players (25.8%)" in up["answer"]
    assert "81%" not in up["answer"]  # the response rate describes the sample, not the result
    patients = card["why_it_matters"]["patients"]
    assert "set out to show" not in patients
    assert "62 of 240 players (25.8%)" in patients
    for num in re.findall(r"\d+(?:\.\d+)?", up["answer"] + " " + patients):
        assert num in rec.abstract


def test_a_survey_of_a_link_keeps_its_shares_out_of_the_answer():
    card, _ = _card("Sleep and neck pain in office workers: a cross-sectional study", [
        ("OBJECTIVE", "To examine the association between short sleep and neck pain in office workers."),
        ("METHODS", "Office workers from six companies completed questionnaires on sleep and neck pain."),
        ("RESULTS", "Of the 512 workers, 203 (39.6%) were women. Short sleep was significantly associated with neck pain "
                    "(odds ratio 1.8, 95% CI 1.2 to 2.7)."),
        ("CONCLUSIONS", "Short sleep is linked with neck pain in office workers."),
    ])
    assert "39.6%" not in card["upshot"]["answer"]


def test_questions_from_survey_aims():
    assert from_aim("To determine the prevalence of shoulder pain in wheelchair users.", "association")[1] == \
        "How common is shoulder pain in wheelchair users?"
    assert from_aim("We aimed to identify the factors associated with delayed return to work after wrist fracture.",
                    "association")[1] == "What is linked with delayed return to work after wrist fracture?"
    # a thing named in an earlier sentence makes no question on its own
    assert from_aim("To identify the factors associated with these patterns.", "association")[1] is None


def test_other_ways_of_reporting_a_result_by_group():
    # one sentence per group
    limit = subgroup_limit([("s1", "In girls, grip strength was significantly lower after the season (p = 0.01)."),
                            ("s2", "In boys, there was no significant change in grip strength.")])
    assert (limit.clear, limit.unclear) == (["in girls"], ["in boys"])
    # a p-value after each group
    limit = subgroup_limit([("s1", "Sitting time was significantly correlated with neck pain in office workers (P = 0.02), "
                                   "but not in drivers (P = 0.41).")])
    assert (limit.clear, limit.unclear) == (["in office workers"], ["in drivers"])
    # two kinds of one condition sharing their noun
    limit = subgroup_limit([("s1", "Massage significantly reduced pain (P < 0.05) in acute, but not in chronic, neck pain.")])
    assert (limit.clear, limit.unclear) == (["in people with acute neck pain"], ["in people with chronic neck pain"])


def test_arms_and_outcomes_are_no_subgroups():
    # the arms of a trial: the comparison itself, not a group of people
    assert subgroup_limit([("s1", "Pain fell significantly only in the exercise group, but not in the control group.")]) is None
    assert subgroup_limit([("s1", "In the exercise group, pain fell significantly (p = 0.01)."),
                           ("s2", "In the control group, there was no significant change.")]) is None
    # outcomes after "in": what was measured, not who
    assert subgroup_limit([("s1", "Costs were significantly reduced in hospital costs (p = 0.01) but not in daily weight "
                                  "gain (p = 0.30).")]) is None


def test_a_conclusion_stated_for_everyone_gets_the_group_its_result_held_in():
    card, _ = _card("Sitting time and neck pain in office workers and drivers: a cross-sectional study", [
        ("OBJECTIVE", "To examine the association between daily sitting time and neck pain in office workers and drivers."),
        ("METHODS", "Office workers and professional drivers completed questionnaires on sitting time and neck pain."),
        ("RESULTS", "In office workers, neck pain was significantly more common with longer sitting time (p = 0.003). "
                    "In drivers, there was no significant difference in neck pain by sitting time."),
        ("CONCLUSIONS", "Longer sitting time is associated with more neck pain."),
    ])
    # the authors' own line may stay in the answer, said as theirs, after the line that gives the group
    answer = card["upshot"]["answer"]
    assert "only in office workers, not in drivers" in answer, answer
    general = [t for t in card["key_points"] if re.search(r"associated with more neck pain", t, re.I) and "only" not in t]
    assert not general, card["key_points"]


def test_the_patients_line_says_what_was_found_as_a_whole_sentence():
    from physiohub.cards.wording import _said_line
    assert _said_line("this updated analysis confirms that walking speed improved with the programme.") == \
        "walking speed improved with the programme."
    assert _said_line("the results indicate that older runners recover more slowly.") == "older runners recover more slowly."
    # a clause cut from a contrast, a call for more research or the authors speaking: no line of its own
    assert _said_line("but satisfaction was better with the brace.") is None
    assert _said_line("because the programme is simple, it would likely be cheap to run.") is None
    assert _said_line("further trials are needed to confirm these findings.") is None
    assert _said_line("we find the dose was lower.") is None


def test_a_survey_of_how_common_and_of_a_link_gives_both():
    card, rec = _card("Smartphone use and neck pain in university students: a cross-sectional survey", [
        ("OBJECTIVE", "To estimate the prevalence of neck pain among university students and its associated factors."),
        ("METHODS", "We surveyed 400 university students with an online questionnaire on smartphone use and neck pain."),
        ("RESULTS", "The response rate was 78%. Neck pain in the past week was reported by 126 of 400 students (31.5%). "
                    "Daily smartphone use of more than 4 hours was significantly associated with neck pain (odds ratio 2.1, "
                    "95% CI 1.3 to 3.4)."),
        ("CONCLUSIONS", "Neck pain is common among university students, and long smartphone use is associated with it."),
    ])
    answer = card["upshot"]["answer"]
    assert "126 of 400 students (31.5%)" in answer
    assert "linked with neck pain" in answer
    assert answer.index("linked with neck pain") < answer.index("126 of 400")


def test_a_question_from_an_aim_about_a_link():
    assert from_aim("The present study sought to examine the association between type 2 diabetes (T2D) and grip strength "
                    "in older men and women.", "association")[1] == \
        "Is type 2 diabetes linked with grip strength in older men and women?"
    assert from_aim("To investigate the relationship between sleep problems and low back pain in nurses.", "association")[1] \
        == "Are sleep problems linked with low back pain in nurses?"


def test_a_result_by_group_beside_a_line_of_no_link_overall():
    sections = [
        ("AIMS", "Grip strength is a simple marker of muscle health. The present study sought to examine the association "
                 "between type 2 diabetes and grip strength in older men and women."),
        ("METHODS", "Community-dwelling adults aged 65 years and over had grip strength measured and were classified by "
                    "diabetes status."),
        ("RESULTS", "In women, grip strength was significantly lower with diabetes (p = 0.002). In men, there was no "
                    "significant difference in grip strength by diabetes status."),
        ("CONCLUSION", "Women, but not men, with diabetes have weaker grip."),
    ]
    card, _ = _card("Diabetes and grip strength in older adults: a cross-sectional study", sections)
    assert "linked with grip strength" in card["upshot"]["question"]
    # the card reads "No clear link" overall (the verdict's reading of this abstract); the patients' line must not leave
    # it there when the link was clear in women
    patients = card["why_it_matters"]["patients"]
    assert "only in women, not in men" in patients, patients
    assert any(p.startswith("In women") for p in card["key_points"])


def test_a_title_that_names_a_prevalence_makes_the_share_the_headline():
    # neither the aim nor the conclusion says "prevalence" or "common": the title does
    card, _ = _card("Prevalence of hip pain in older runners: a cross-sectional survey", [
        ("BACKGROUND", "Little is known about hip pain in runners over 60."),
        ("METHODS", "Runners aged 60 years and over from 20 running clubs answered an online questionnaire."),
        ("RESULTS", "A total of 412 runners (38% women, mean age 66 years) took part. The prevalence of hip pain in the past "
                    "year was 27.4% (95% CI 23.1 to 31.7). Hip pain was significantly more often reported by those running on "
                    "trails (p = 0.01)."),
        ("CONCLUSIONS", "Hip pain affects many older runners, especially those running on trails."),
    ])
    assert card["upshot"]["question"] == "How common is hip pain in older runners?"
    answer = card["upshot"]["answer"]
    assert "27.4%" in answer and "23.1" not in answer and "38%" not in answer


def test_a_later_aim_sentence_may_ask_the_question():
    card, _ = _card("The Kessel Bone Study", [
        ("AIMS", "Bone texture is a marker of bone quality. The present study sought to examine the association between "
                 "type 2 diabetes and bone texture score in adult men and women."),
        ("METHODS", "Adults aged 30 years and over from the community had a spine scan and an HbA1c test."),
        ("RESULTS", "Bone texture score was significantly lower with type 2 diabetes (p < 0.001)."),
        ("CONCLUSION", "Type 2 diabetes is associated with poorer bone texture."),
    ])
    assert card["upshot"]["question"] == "Is type 2 diabetes linked with bone texture score in adult men and women?"


def test_a_subject_with_an_aside_is_not_cut_to_its_aside():
    from physiohub.cards.upshot import plain_claim
    assert plain_claim("Women, but not men, with knee pain have weaker hips than those without pain.") != "Women, but not men."


def test_a_plural_abbreviation_and_one_that_opens_a_point_are_spelled_out_whole():
    from physiohub.cards.abbrev import definitions, spell_out
    defs = definitions("Knee pain after anterior cruciate ligament reconstruction (ACLR), patellofemoral pain (PFP) and "
                       "magnetic resonance imaging (MRI) findings.")
    assert spell_out("Two ACLRs failed.", defs) == "Two anterior cruciate ligament reconstructions failed."
    assert spell_out("Two MRIs were read.", defs) == "Two MRIs were read."  # no "imagings"
    assert spell_out("PFP was common.", defs, capitalise=True) == "Patellofemoral pain was common."
    assert spell_out("PFP was common.", defs) == "patellofemoral pain was common."


def test_a_test_for_interaction_that_decides_the_analysis_is_no_result():
    assert model_statistics("After testing for interaction between the two reminder letters, the two trials were analysed "
                            "separately.")


def test_more_ways_of_reporting_groups():
    # the interval named once, for the first group only
    limit = subgroup_limit([("s1", "The hazard ratio for hip fracture was 1.45 (95% CI 1.10-1.91) for women and 1.08 "
                                   "(0.85-1.37) for men.")])
    assert (limit.clear, limit.unclear) == (["for women"], ["for men"])
    # one clause per group, each opening on its group
    limit = subgroup_limit([("s1", "In participants older than 60 years, walking significantly reduced falls (RR 0.72, 95% "
                                   "CI 0.58-0.89); in younger participants, no significant effect was found (RR 0.95, 95% "
                                   "CI 0.70-1.29).")])
    assert (limit.clear, limit.unclear) == (["in participants older than 60 years"], ["in younger participants"])
    limit = subgroup_limit([("s1", "Among runners aged 50 years or older, the odds ratio was 1.8 (95% CI, 1.2 to 2.7), "
                                   "whereas among younger runners it was 1.1 (95% CI, 0.7 to 1.6).")])
    assert (limit.clear, limit.unclear) == (["among runners aged 50 years or older"], ["among younger runners"])
    # where something occurs is no tested result by group
    assert subgroup_limit([("s1", "The variant was found only in patients with the inherited form.")]) is None


def test_groups_reported_after_the_general_sentence_limit_it():
    card, _ = _card("Opioid use and falls in adults with chronic back pain: a cohort study", [
        ("OBJECTIVE", "To examine the association between long-term opioid use and falls in adults with chronic back pain."),
        ("METHODS", "We followed 4,210 adults with chronic back pain for three years using linked health records."),
        ("RESULTS", "Long-term opioid use was significantly associated with falls. In women, the hazard ratio was 1.52 "
                    "(95% CI 1.21-1.91); in men, the hazard ratio was 1.09 (95% CI 0.84-1.41)."),
        ("CONCLUSIONS", "Long-term opioid use is associated with a higher risk of falls in adults with chronic back pain."),
    ])
    said = [card["upshot"]["answer"], *card["key_points"]]
    assert any("only in women" in t for t in said), said
    assert not [t for t in card["key_points"] if "associated with falls" in t and "only" not in t], card["key_points"]
    assert "only in women, not in men" in card["why_it_matters"]["patients"]


def test_a_share_written_in_other_ways_is_the_headline():
    for results, share in [
        ("Of the 1,024 respondents, 37.1% reported neck pain in the past year.", "37.1%"),
        ("A total of 380 workers (37.1%) reported neck pain in the past year.", "380 workers (37.1%)"),
    ]:
        card, _ = _card("Neck pain in office workers: a cross-sectional survey", [
            ("OBJECTIVE", "To estimate the prevalence of neck pain in office workers."),
            ("METHODS", "Office workers from 14 companies completed an online questionnaire."),
            ("RESULTS", "Most respondents were women (68%). " + results + " Neck pain was significantly associated with "
                        "screen time (p < 0.001)."),
            ("CONCLUSIONS", "Neck pain is common in office workers."),
        ])
        answer = card["upshot"]["answer"]
        assert share in answer and "68%" not in answer, answer
        assert card["upshot"]["question"] == "How common is neck pain in office workers?"


def test_more_survey_aims_make_questions():
    assert from_aim("To assess the prevalence and risk factors of low back pain among nurses.", "association")[1] == \
        "How common is low back pain among nurses, and what is linked with it?"
    assert from_aim("This study aimed to investigate the prevalence of, and factors associated with, knee pain in older "
                    "adults.", "association")[1] == "How common is knee pain in older adults, and what is linked with it?"
    assert from_aim("To estimate the proportion of runners who sustain an injury during marathon training.",
                    "association")[1] == "How many runners sustain an injury during marathon training?"
    assert from_aim("The objective was to explore the association of sleep quality with pain intensity among people with "
                    "fibromyalgia.", "association")[1] == \
        "Is sleep quality linked with pain intensity among people with fibromyalgia?"


def test_a_trial_whose_benefit_held_in_one_group_says_so_everywhere():
    card, _ = _card("Hip strengthening for knee pain in runners: a randomised trial", [
        ("OBJECTIVE", "To test whether hip strengthening reduces knee pain in runners with patellofemoral pain."),
        ("METHODS", "Runners with patellofemoral pain were randomly assigned to hip strengthening or usual advice for 8 "
                    "weeks."),
        ("RESULTS", "Hip strengthening reduced knee pain significantly more than usual advice. The mean difference in "
                    "pain was 1.6 (95% CI 0.7 to 2.5) in women and 0.4 (95% CI -0.6 to 1.4) in men."),
        ("CONCLUSIONS", "Hip strengthening reduces knee pain in runners with patellofemoral pain."),
    ])
    assert "only in women, not in men" in card["upshot"]["answer"]
    assert "only in women, not in men" in card["why_it_matters"]["patients"]
    points = card["key_points"]
    assert len(points) >= 3
    assert not [p for p in points if "knee pain" in p and "only in women" not in p], points


def test_names_ending_in_s_that_take_is():
    from physiohub.cards.phrases import plural
    assert not plural("Pilates") and not plural("type 2 diabetes") and plural("exercise programmes")
