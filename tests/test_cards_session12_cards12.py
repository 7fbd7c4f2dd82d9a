"""Cards and verdicts, session 12 (cards12 helper): the design and verdict misreads the session-11 reading left
(docs/cards-review.md, "Session 12"), each pinned with sentences of our own."""
from __future__ import annotations

from physiohub.appraise import appraise
from physiohub.appraise.reading import read_sentence
from physiohub.cards.generate import generate_card
from physiohub.models import AbstractSection, Record


def _rec(sid: str, title: str, *sections: tuple[str, str]) -> Record:
    return Record(source_id=sid, source_format="ris", title=title,
                  abstract_sections=[AbstractSection(text, label, label) for label, text in sections])


def _card(rec: Record) -> tuple[dict, dict]:
    a = appraise(rec)
    return a, generate_card(rec, a)


# --- A1: an age group in the title is not one person ---

def test_an_age_range_or_age_group_in_the_title_is_no_case_report() -> None:
    for title in ["A school walking programme for 7-8 year old children: a controlled trial",
                  "Knee pain in 14-year-old athletes: a controlled trial of hip strengthening",
                  "Balance training for 6- to 12-year-old children with flat feet: a controlled trial"]:
        rec = _rec("t-age", title,
                   ("METHODS", "Twenty schools took part; ten ran the programme and ten carried on as usual. Pain and "
                               "activity were measured at the start and after six months."),
                   ("RESULTS", "Of 640 children, 602 completed both assessments. Activity rose more in the programme "
                               "schools than in the other schools (p = 0.01)."),
                   ("CONCLUSION", "The programme increased activity."))
        a = appraise(rec)
        assert a["design"] != "case report", (title, a["design_reasons"])
        assert a["design"] == "non-randomised controlled trial", (title, a["design_reasons"])


def test_one_person_of_an_age_in_the_title_is_still_a_case_report() -> None:
    rec = _rec("t-one", "Patellar tendon rupture in a 34-year-old man after a minor fall",
               ("", "We describe a man who felt a snap below the kneecap while stepping off a kerb. Imaging showed a "
                    "complete tear, repaired the next day; he walked without aids at three months."))
    assert appraise(rec)["design"] == "case report"


def test_a_methods_section_that_opens_by_naming_its_design_states_it() -> None:
    rec = _rec("t-open", "Sport sessions and smoking attitudes in primary schools",
               ("METHODS", "A non-randomised-controlled trial enrolled pupils of 30 schools; 20 schools ran weekly "
                           "sessions and 10 did not. Attitudes were asked about before and after a term."),
               ("RESULTS", "Attitudes did not differ between the two groups of schools (p = 0.41)."),
               ("CONCLUSION", "The sessions did not change attitudes."))
    a = appraise(rec)
    assert a["design"] == "non-randomised controlled trial"
    assert "states the design" in a["design_reasons"][0]


# --- A2: a trial's people called a cohort, compared by their randomised arms ---

def test_a_cohort_title_over_a_randomised_comparison_is_a_trial() -> None:
    rec = _rec("t-coh", "Two exercise strategies and later knee replacement in the GAIT-X cohort",
               ("OBJECTIVE", "We evaluated the effects of randomized exercise strategy (home versus class) on the "
                             "incidence of knee replacement."),
               ("METHODS", "Incidence was compared by intention-to-treat Cox models over five years."),
               ("RESULTS", "Among 1,200 participants, replacement was less frequent in the class group (12%) than "
                           "in the home group (16%) (P = 0.03)."),
               ("CONCLUSIONS", "Class exercise reduced the incidence of knee replacement compared with home exercise."))
    a = appraise(rec)
    assert a["design"] == "randomised controlled trial", a["design_reasons"]


def test_a_cohort_without_a_randomised_comparison_stays_a_cohort() -> None:
    rec = _rec("t-coh2", "Physical activity and knee replacement in the GAIT-X cohort",
               ("OBJECTIVE", "We examined whether self-reported walking was associated with later knee replacement."),
               ("METHODS", "Participants reported their walking at baseline and were followed for five years."),
               ("RESULTS", "More walking was associated with fewer replacements (hazard ratio 0.8, 95% CI 0.7 to 0.9)."),
               ("CONCLUSIONS", "Walking is associated with a lower risk of knee replacement."))
    assert appraise(rec)["design"] == "cohort"


# --- A3: a conclusion crediting what every arm received, when the arms differed on one measure only ---

_DOSE = ("Two or three strength sessions a week and balance in older men",
         ("OBJECTIVE", "To compare strength training two or three times a week for balance in older men."),
         ("METHODS", "Sixty men were randomly assigned to train two or three times a week for ten weeks; balance was "
                     "measured in four tasks."),
         ("RESULTS", "A significant group-by-time interaction (P = 0.01) was seen for single-leg stance, in which the "
                     "three-session group improved more than the two-session group. Both groups increased balance in "
                     "tandem stance, reaching and turning, with no statistical difference between groups."),
         ("CONCLUSION", "Ten weeks of strength training improves balance in older men, and the higher frequency gives "
                        "greater gains in single-leg stance."))


def test_a_benefit_every_arm_received_is_no_support_when_the_arms_differed_on_one_measure() -> None:
    a, card = _card(_rec("t-dose", _DOSE[0], *_DOSE[1:]))
    assert a["verdict"] == "Mixed picture", a["verdict_reasons"]
    assert "every group received" in a["verdict_reasons"][0]
    assert "backs it" not in str(card)


def test_a_compared_benefit_or_a_named_primary_keeps_its_support() -> None:
    # the conclusion compares the arms itself: the comparison is the claim
    compared = _DOSE[:4] + (("CONCLUSION", "Training three times a week improved single-leg stance more than twice a "
                                           "week."),)
    assert appraise(_rec("t-dose2", compared[0], *compared[1:]))["verdict"] == "Supports"
    # the arms did not both improve on the outcome the conclusion claims: nothing was credited to both
    other = _DOSE[:3] + (("RESULTS", "A significant group-by-time interaction (P = 0.01) was seen for balance, in which "
                                     "the three-session group improved more than the two-session group. Grip strength "
                                     "did not differ between the groups."), _DOSE[4])
    assert appraise(_rec("t-dose3", other[0], *other[1:]))["verdict"] == "Supports"


def test_positive_effects_read_as_a_benefit() -> None:
    for text in ["The programme had positive effects on attitudes to smoking.",
                 "The trial showed a positive impact of written instructions on question quality."]:
        assert read_sentence(text).label == "for", text
    assert read_sentence("The programme had no positive effect on attitudes.").label != "for"
    assert read_sentence("Both groups increased their walking distance, with no difference between the groups."
                         ).label == "null"


# --- B: the fresh reading of twelve cards (docs/cards-review.md, "Session 12") ---

from physiohub.appraise.doc import make_doc  # noqa: E402
from physiohub.cards.consistency import check_card  # noqa: E402
from physiohub.cards.plain import lay, lay_light  # noqa: E402
from physiohub.cards.readability import strip_detail  # noqa: E402
from physiohub.cards.spans import _clean_phrase  # noqa: E402
from physiohub.cards.question import _people  # noqa: E402
from physiohub.appraise.verdict import study_kind  # noqa: E402


def _plain(sid: str, title: str, text: str) -> Record:
    return Record(source_id=sid, source_format="ris", title=title, abstract_sections=[AbstractSection(text)])


def test_a_number_needed_to_treat_is_no_sample_and_trials_do_not_add_to_people() -> None:
    rec = _plain("b-nnt", "Heat wraps and back pain: a meta-analysis.",
                 "We searched four databases for randomized placebo-controlled trials of heat wraps in adults with back "
                 "pain. People using heat wraps were three times as likely to improve (odds ratio, 3.1; 95% confidence "
                 "interval, 2.0-4.6). Slightly more than 4 individuals (4.2; 95% confidence interval, 3.0-6.9) needed "
                 "treatment for 1 to improve. Heat wraps help back pain; the effect is modest.")
    assert appraise(rec)["n_participants"] is None
    rec2 = _plain("b-sum", "Braces for knee pain: a systematic review.",
                  "We searched MEDLINE. This review involved 12 trials and 980 patients. Braces eased pain (pooled "
                  "relative risk 1.3, 95% CI 1.1 to 1.5). Braces may help knee pain.")
    a2 = appraise(rec2)
    assert a2["n_participants"] == 980 and a2["n_studies"] == 12


def test_one_trial_of_a_pooled_analysis_is_not_its_sample() -> None:
    rec = _plain("b-pool", "Falls in trials of a sleeping pill: a pooled analysis of six trials.",
                 "We pooled all controlled trials of the drug (six trials) to compare falls with placebo. Data from a "
                 "long-term uncontrolled trial with 2,400 patients were included in a supplemental analysis. Falls were "
                 "not more frequent with the drug than with placebo (relative risk 1.02, 95% CI 0.8 to 1.3). These "
                 "analyses demonstrate no evidence of more falls with the drug.")
    a = appraise(rec)
    assert a["n_participants"] != 2400


def test_an_unstructured_conclusion_is_found_past_calls_for_more_work_and_statistics() -> None:
    # the closing call for more studies concludes nothing; the conclusion is the claim before it
    rec = _plain("b-call", "Heat wraps and back pain: a meta-analysis.",
                 "We searched four databases for randomized placebo-controlled trials of heat wraps. Outcomes were pain "
                 "and function. People using heat wraps were three times as likely to improve (odds ratio, 3.1; 95% "
                 "confidence interval, 2.0-4.6). Heat wraps are more effective than placebo for back pain; the effect "
                 "is modest. The effect is largest in the first days. Studies comparing heat with exercise are needed.")
    a = appraise(rec)
    assert a["verdict"] == "Mixed picture", a["verdict_reasons"]
    assert "modest" in a["verdict_reasons"][0]
    # "This study demonstrates ..." opens a conclusion; "Furthermore, ..." goes on from the sentence before it
    doc = make_doc(_plain("b-cue", "Night splints for hand pain.",
                          "Hand pain is common. Sixty people wore splints for a year. Pain fell by half. Grip did not "
                          "change. This study demonstrates that splints ease hand pain."))
    assert [s.text for s in doc.conclusion_sentences()] == ["This study demonstrates that splints ease hand pain."]
    doc = make_doc(_plain("b-on", "Night splints for hand pain.",
                          "Hand pain is common. Sixty people wore splints for a year. Pain fell more with splints than "
                          "without. Splints ease hand pain. Furthermore, no type of splint was better than another. "
                          "Evidence for long-standing pain is lacking."))
    assert doc.conclusion_sentences()[0].text == "Splints ease hand pain."


def test_side_effects_that_rose_are_a_harm_and_a_modest_effect_is_small() -> None:
    assert read_sentence("The score for side-effects increased at one year.").label == "against"
    assert read_sentence("Adverse events were more frequent with the drug.").label == "against"
    assert read_sentence("Side effects were not increased.").label != "against"
    assert read_sentence("Pain improved; the effect was modest.").label == "mixed"


def test_two_arms_of_one_drug_and_a_named_active_comparator_are_compared_as_such() -> None:
    rec = _rec("b-arms", "Efficacy of naproxen slow release in patients with knee osteoarthritis: a randomized study",
               ("METHODS", "A total of 120 patients were randomly divided into two groups: one group (n=60) was "
                           "administered naproxen slow release once daily and the other (n=60), naproxen immediate "
                           "release twice a day for 4 weeks. Pain was the outcome."),
               ("RESULTS", "Pain improved after 4 weeks in both groups, but the differences between the two groups were "
                           "not statistically significant."),
               ("CONCLUSIONS", "Naproxen slow release and naproxen immediate release were equally effective."))
    a, card = _card(rec)
    assert a["verdict"] == "No clear difference"
    answer = card["upshot"]["answer"]
    assert "compared with naproxen immediate release" in card["upshot"]["question"], card["upshot"]["question"]
    assert "little or no difference" not in answer, answer
    assert "options with clearer evidence" not in str(card.get("why_it_matters"))
    rec2 = _rec("b-active", "Drug Z for acute gout flares: a randomized trial using colchicine as the active comparator",
                ("METHODS", "Adults with an acute gout flare were randomized to drug Z or to placebo plus colchicine."),
                ("RESULTS", "Pain fell in all groups; the difference between the groups was not statistically "
                            "significant (P = 0.4)."),
                ("CONCLUSIONS", "Drug Z did not provide additional pain relief relative to colchicine."))
    _, card2 = _card(rec2)
    assert "colchicine" in card2["upshot"]["question"].lower(), card2["upshot"]["question"]
    assert "little or no difference" not in card2["upshot"]["answer"]


def test_limitations_not_read_from_a_relative_difference_or_a_supplemental_uncontrolled_trial() -> None:
    rec = _plain("b-lim", "Safety of drug Z in arthritis: a systematic review of randomised controlled trials.",
                 "We searched databases for randomised trials of drug Z against placebo or other drugs. Nine trials "
                 "were included. With drug Z the rate of withdrawals due to side effects was 40% lower (95% confidence "
                 "interval 20% to 55%). Data from a long-term uncontrolled trial were added. Drug Z is as effective as "
                 "other drugs and has fewer side effects.")
    _, card = _card(rec)
    lims = " ".join(card.get("limitations") or [])
    assert "drop-out" not in lims and "No control group" not in lims, lims


def test_plain_words_and_pieces() -> None:
    assert lay("There was however no difference between the groups.") == "There was no difference between the groups."
    assert "Fisher" not in strip_detail("More people improved with pool exercise (80%) than with land exercise (45%), "
                                        "p < 0.001 Fisher's exact test.")
    assert "sudden" in lay_light("people with acute gouty arthritis")
    assert lay_light("acute low back pain") == "short-term low back pain"
    for bad in ["PsycLIT", "nonsteroidal anti-inflammatory drugs (NSAIDs", "Primary outcome) and quality of life (QoL",
                "patients with acute", "Eighty women with low"]:
        assert not _clean_phrase(bad), bad
    assert _clean_phrase("people with knee osteoarthritis")
    assert _people("by people with rheumatoid arthritis") == "people with rheumatoid arthritis"
    assert _people("Fifty-two subjects agreed to take part") == ""


def test_a_clear_verdict_never_gets_an_unclear_answer() -> None:
    rec = _rec("b-fb", "Pool exercise in hip osteoarthritis: a randomised trial",
               ("METHODS", "Eighty adults were randomised to pool exercise or advice."),
               ("RESULTS", "Pain was reduced more with pool exercise than with advice (p = 0.01)."),
               ("CONCLUSIONS", "Pool exercise reduced hip pain compared with advice."))
    a = appraise(rec)
    card = generate_card(rec, a)
    card["upshot"]["answer"] = "No reduction in pain was seen."  # a drafted answer the badge forbids
    check_card(card, rec, a)
    assert a["verdict"] == "Supports"
    assert "does not say clearly" not in card["upshot"]["answer"], card["upshot"]["answer"]


def test_harm_events_in_a_title_make_a_harms_question() -> None:
    assert study_kind("meta-analysis", "Cardiovascular thrombotic events in arthritis trials of drug Z.", [], []) == \
        "association"
    assert study_kind("meta-analysis", "Effect of drug Z on cardiovascular events: a meta-analysis.", [], []) == \
        "intervention"
