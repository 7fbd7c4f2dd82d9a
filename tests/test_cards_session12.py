"""Cards and verdicts, session 12: the three faults the lead's session-11 reading left (docs/cards-review.md), each
pinned with abstracts and sentences of our own, and the statistics cut that mangled sentences."""
from __future__ import annotations

from physiohub.appraise import appraise
from physiohub.appraise.evidence import heterogeneity_stated
from physiohub.appraise.reading import read_sentence
from physiohub.cards.generate import _citation, generate_card
from physiohub.cards.readability import strip_detail
from physiohub.cards.render import to_markdown
from physiohub.cards.upshot import main_clause
from physiohub.models import AbstractSection, Author, Record


def _rec(sid: str, title: str, *sections: tuple[str, str]) -> Record:
    return Record(source_id=sid, source_format="ris", title=title,
                  abstract_sections=[AbstractSection(text, label, label) for label, text in sections])


# --- a treatment that made a bad event more common is harm, not benefit ---

def test_a_rise_in_a_bad_event_reads_as_harm() -> None:
    for text in ["Adding a short course of the hormone was associated with a small risk for increasing the flare rate.",
                 "Mild flares were significantly increased in the hormone group (p = 0.01).",
                 "The brace group had more falls during the year.",
                 "Recurrences were more common after the injection."]:
        assert read_sentence(text).label == "against", text


def test_a_rise_that_is_not_harm_is_left_alone() -> None:
    assert read_sentence("Grip strength increased in the training group (p < 0.01).").label == "for"
    # the comparison group had more of the bad event: the treatment's benefit, not its harm
    assert read_sentence("There were more falls in the control group.").label != "against"
    # a trend is no clear difference
    assert read_sentence("There was a trend to more frequent relapses with the splint.").label == "null"
    # "during hospitalisation" is a period of time, not an event
    assert read_sentence("Weight loss during hospitalisation was significantly higher in the formula group "
                         "(p = 0.002).").label == "for"
    # more falls in one comparison, fewer in another: the rise may not be the treatment's, so the benefit stands
    assert read_sentence("We observed a greater number of falls in the tired group on the first day and a decrease "
                         "in the number of falls with the drink on the second day.").label == "for"


HRT_LIKE = _rec(
    "t-harm-mixed", "Hormone therapy and disease flares in women with lupus: a randomised trial.",
    ("OBJECTIVE", "To test whether hormone therapy changes disease activity in women with lupus."),
    ("METHODS", "We randomised 300 women with lupus to hormone therapy or placebo for 12 months. The primary outcome "
                "was a severe flare."),
    ("RESULTS", "Severe flares were rare in both groups and did not differ (p = 0.23). Mild flares were significantly "
                "increased in the hormone group (p = 0.01)."),
    ("CONCLUSIONS", "Adding hormone therapy is associated with a small risk for increasing the flare rate. Hormone "
                    "therapy did not significantly increase the risk of severe flares compared with placebo."))


def test_a_mixed_picture_whose_other_side_is_harm_never_says_may_help() -> None:
    a = appraise(HRT_LIKE)
    assert a["verdict"] == "Mixed picture", a["verdict_reasons"]
    assert a["harm_elsewhere"] and not a["benefit_elsewhere"]
    card = generate_card(HRT_LIKE, a)
    md = to_markdown(card)
    assert "may help" not in md and "some benefits" not in md and "found benefit" not in md, md
    assert "some results were worse with it" in card["upshot"]["answer"]
    assert "The benefit was seen only" not in md


def test_a_benefit_with_a_harm_names_both() -> None:
    rec = _rec("t-benefit-harm", "A blood-building drug added to chemotherapy: a randomised trial.",
               ("METHODS", "We randomised 900 women to chemotherapy with or without the drug."),
               ("RESULTS", "Haemoglobin was significantly higher with the drug (p < 0.001)."),
               ("CONCLUSIONS", "The drug improved haemoglobin levels and reduced transfusions. However, the drug had an "
                               "adverse effect, resulting in increased thrombosis."))
    a = appraise(rec)
    assert a["verdict"] == "Mixed picture" and a["harm_elsewhere"] and a["benefit_elsewhere"], a
    # no treatment named: the authors' conclusion gives the good side, so the answer adds the other
    answer = generate_card(rec, a)["upshot"]["answer"]
    assert "Some results were worse with the treatment" in answer, answer
    named = _rec("t-benefit-harm-2", "Epoetin added to chemotherapy for breast cancer: a randomised trial.",
                 ("METHODS", "We randomised 900 women to chemotherapy with or without epoetin."),
                 ("RESULTS", "Haemoglobin was significantly higher with epoetin (p < 0.001)."),
                 ("CONCLUSIONS", "Epoetin improved haemoglobin levels and reduced transfusions. However, epoetin had an "
                                 "adverse effect, resulting in increased thrombosis."))
    a = appraise(named)
    answer = generate_card(named, a)["upshot"]["answer"]
    assert a["harm_elsewhere"] and "some results were worse" in answer and "probably helps" not in answer, answer


def test_harm_in_the_other_arm_is_not_the_treatments_harm() -> None:
    rec = _rec("t-other-arm", "A herbal syrup for cough in children: an observational study.",
               ("RESULTS", "Cough eased in both groups."),
               ("CONCLUSIONS", "The syrup has benefits for cough in children. Additional antibiotics were not associated "
                               "with a greater cough reduction, and presented more adverse events than the syrup alone."))
    assert not appraise(rec).get("harm_elsewhere")


# --- "statistically not heterogeneous" is no limitation ---

def test_heterogeneity_is_a_limitation_only_when_stated() -> None:
    assert not heterogeneity_stated("Five trials were clinically similar, were statistically not heterogeneous "
                                    "(p = 0.98), and were combined.")
    assert not heterogeneity_stated("Heterogeneity was assessed with the I2 statistic.")
    assert heterogeneity_stated("There was substantial heterogeneity between the trials.")


def test_a_review_that_reports_no_heterogeneity_has_no_heterogeneity_limitation() -> None:
    rec = _rec("t-not-het", "Manual therapy for neck pain: a systematic review and meta-analysis.",
               ("METHODS", "We searched five databases for randomised trials of manual therapy for neck pain."),
               ("RESULTS", "Twelve trials met our criteria. Five trials of manual therapy with exercise were clinically "
                           "similar, were statistically not heterogeneous, and were combined; pain fell more with manual "
                           "therapy (p < 0.01)."),
               ("CONCLUSIONS", "Manual therapy with exercise reduces neck pain in the short term."))
    card = generate_card(rec, appraise(rec))
    assert not any("heterogene" in x.lower() for x in card.get("limitations") or []), card.get("limitations")


# --- the statistics cut never leaves half a sentence ---

def test_the_statistics_cut_keeps_decimals_and_words() -> None:
    assert strip_detail("Risk rose with the drug, RR 1.34, in women.") == "Risk rose with the drug in women."
    assert strip_detail("Pain fell, 95% CI 0.2 to 0.9, after exercise.") == "Pain fell after exercise."
    # "or 6" is a word, not an odds ratio
    assert strip_detail("Patients had 5 or 6 sessions.") == "Patients had 5 or 6 sessions."
    assert strip_detail("Depth of < or =4 mm was more common.") == "Depth of < or =4 mm was more common."
    # a confidence interval that is the sentence's subject is not an aside
    text = "The upper limit of the 1-sided 95% CI for the difference was 0.078, within the margin."
    assert strip_detail(text) == text
    # a bracket the source never closes takes its aside with it
    assert strip_detail("The strategy was ineffective for all primary outcomes (respectively, OR 1.06 [0.76-1.46]; "
                        "OR 1.07 [0.80-1.43].") == "The strategy was ineffective for all primary outcomes."


def test_a_long_conclusion_is_cut_before_its_detail_not_lost() -> None:
    long = ("The syrup is effective in acute bronchitis outside the strict indication for antibiotics in children and "
            "adolescents, with a dose of 60 mg or 90 mg daily offering the best balance of benefit and risk overall.")
    assert main_clause(long) == ("The syrup is effective in acute bronchitis outside the strict indication for "
                                 "antibiotics in children and adolescents.")
    assert main_clause("Short and clear.") == "Short and clear."


def test_an_abbreviated_journal_does_not_end_in_two_full_stops() -> None:
    rec = Record(source_id="t-cite", source_format="ris", title="A trial.", journal_abbrev="Ann. Intern. Med.", year=2005,
                 authors=[Author(last="Doe", initials="J")])
    assert ".." not in _citation(rec)


def test_key_points_speak_of_the_study_not_as_its_authors() -> None:
    from physiohub.cards.upshot import third_person
    assert third_person("Twelve trials met our selection criteria.") == "Twelve trials met the selection criteria."
    assert third_person("We found less pain in our patients.") == "the authors found less pain in the patients."


def test_a_benefit_its_authors_doubt_is_no_plain_benefit() -> None:
    # cards12's cohen2006 reading: "of questionable benefit" was read as a benefit (Mixed -> Supports)
    for text in ["Adding the opioid to the nerve block is of questionable benefit.",
                 "The drug improved pain scores, but its benefit was questionable."]:
        assert read_sentence(text).label == "mixed", text


def test_heterogeneity_looked_for_is_not_heterogeneity_found() -> None:
    # cards12's reading: a method statement became a limitation
    assert not heterogeneity_stated("Statistical heterogeneity was assessed with the Q test.")
    assert not heterogeneity_stated("We explored clinical heterogeneity by subgroup analysis.")
    assert not heterogeneity_stated("If data were considered heterogeneous, a random-effects model was used.")
    assert heterogeneity_stated("Significant heterogeneity was found between the trials.")
