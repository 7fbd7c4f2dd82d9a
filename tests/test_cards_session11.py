"""Cards and verdicts, session 11: the faults the session-10 reading left (docs/cards-review.md, "Session 11"),
each pinned with sentences of our own."""
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


# --- 5: "no group-by-time interaction" is a null between the groups ---

def test_5_a_group_by_time_interaction_not_found_reads_null() -> None:
    for text in ["There was no significant group-by-time interaction for pain or grip strength.",
                 "No group x time interaction was seen for walking speed (p = 0.38).",
                 "The group-by-time interaction was not significant for any measure.",
                 "There were no significant interactions for any outcome.",
                 "No significant interaction between group and time was found for disability."]:
        assert read_sentence(text).label == "null", text


def test_5_arms_improved_but_no_interaction_is_a_null_comparison() -> None:
    for text in ["Both groups improved pain and function over twelve weeks, but there was no significant group by "
                 "time interaction.",
                 "Pain eased in both groups; no significant interaction between group and time was observed."]:
        assert read_sentence(text).label == "null", text


def test_5_other_interactions_and_a_found_interaction_are_not_nulls() -> None:
    # an interaction with a person's trait is a subgroup question, not the comparison of the arms
    assert read_sentence("There was no interaction with sex, and taping reduced pain more than sham taping "
                         "(p < 0.01).").label == "for"
    assert read_sentence("Taping reduced pain more than sham taping, with a significant group-by-time "
                         "interaction (p < 0.01).").label == "for"


def test_5_the_verdict_of_a_trial_whose_arms_improved_alike() -> None:
    rec = _rec("t-inter", "Pool walking versus land walking for hip osteoarthritis: a randomised trial.",
               ("OBJECTIVE", "To compare pool walking with land walking for pain in hip osteoarthritis."),
               ("METHODS", "Sixty adults were randomised to eight weeks of pool or land walking."),
               ("RESULTS", "Pain and walking distance improved over time in both groups. There was no significant "
                           "group-by-time interaction for pain (p = 0.52) or walking distance (p = 0.47)."),
               ("CONCLUSIONS", "Pool walking and land walking both eased hip pain, and there was no significant "
                               "group-by-time interaction."))
    a = appraise(rec)
    assert a["verdict"] == "No clear difference", a["verdict_reasons"]


# --- 4: an abstract that only describes what was designed gets no verdict beyond "not clear" ---

_DESIGN_ONLY = _rec("t-design", "Design of a tablet exercise diary for people after knee replacement.",
                    ("OBJECTIVE", "We describe the design of a tablet exercise diary shaped by interviews with patients."),
                    ("METHODS", "The design grew out of a secondary analysis of interviews with 14 patients during a six-month "
                                "home exercise study. We joined their needs with published guidance on charts for "
                                "older readers to develop the diary."),
                    ("RESULTS", "We present a diary that combines a weekly plan with a daily log. The diary lets the "
                                "user see each exercise session beside the plan."),
                    ("CONCLUSIONS", "A well designed exercise diary is a valuable tool to support home exercise "
                                    "after knee replacement."))


def test_4_a_design_description_gets_no_supports() -> None:
    a, card = _card(_DESIGN_ONLY)
    assert a["verdict"] == "Too early to tell" and a["verdict_clear"] is False, a["verdict_reasons"]
    assert "does not say clearly" in card["upshot"]["answer"]
    readers = (card.get("why_it_matters") or {}).get("readers", "")
    assert "backs it" not in readers


def test_4_results_with_a_measured_finding_keep_their_verdict() -> None:
    # the same description plus a measured result: the study did find something
    rec = _rec("t-design2", _DESIGN_ONLY.title, *[(s.label, s.text) for s in _DESIGN_ONLY.abstract_sections[:2]],
               ("RESULTS", "We present a diary that combines a weekly plan with a daily log. Patients who used it "
                           "did more exercise sessions than those with a paper diary (12 vs 8 a week, p = 0.01)."),
               ("CONCLUSIONS", _DESIGN_ONLY.abstract_sections[3].text))
    assert appraise(rec)["verdict"] == "Supports"


# --- 1: "a"/"an" agree with the word after them, also after a plain-word swap ---

def test_1_no_article_before_enough() -> None:
    from physiohub.cards.plain import lay
    assert lay("They walked a sufficient distance without pain.") == "They walked a sufficient distance without pain."
    assert "a not enough" not in lay("The trial gave an insufficient dose.")
    assert lay("Sufficient data were reported.").startswith("Enough data")  # no article: the swap is made


def test_1_articles_follow_the_sound_of_the_next_word() -> None:
    from physiohub.cards.plain import agree_articles
    assert agree_articles("a unclear result and an painkiller") == "an unclear result and a painkiller"
    assert agree_articles("A exercise class") == "An exercise class"
    # right as they stand: a consonant "u"/"eu"/"one", a silent "h", numbers said with a vowel
    for ok in ["a unit", "a European trial", "a one-year follow-up", "an hour", "an 8-week course", "an 11-point scale",
               "a 12-week course", "a usual care group"]:
        assert agree_articles(ok) == ok, ok
    # not articles, or acronyms whose sound the letters do not tell: left alone
    for same in ["vitamin A is low", "Grade A evidence", "a NICE guideline", "an NHS clinic", "an X-ray", "an sVLPD",
                 "where b = a or b = c"]:
        assert agree_articles(same) == same, same


def test_1_card_text_has_agreeing_articles() -> None:
    rec = _rec("t-art", "Walking advice for knee pain: a randomised trial.",
               ("OBJECTIVE", "To test whether walking advice eases knee pain in older adults."),
               ("METHODS", "Eighty adults were randomised to walking advice or a leaflet."),
               ("RESULTS", "Adults given advice walked a sufficient distance each day and had less knee pain than those "
                           "given a leaflet (p = 0.02)."),
               ("CONCLUSIONS", "Walking advice eases knee pain in older adults."))
    _, card = _card(rec)
    texts = [card["upshot"]["answer"], *card.get("key_points", []), *card.get("findings", []),
             *(card.get("why_it_matters") or {}).values(), *(r["text"] for r in card.get("methods", []))]
    import re
    assert not any(re.search(r"\ba enough\b|\ban? not enough\b|\ba (?:[aeio]\w+)\b|\ban (?:[bcdfgjklmnpqrstvwxz]\w+)\b", t)
                   for t in texts), texts


# --- 2: an instrument is how an outcome was measured, not the outcome ---

def _stretch(methods: str) -> Record:
    return _rec("t-gonio", "Daily stretching after knee replacement: a randomised trial.",
                ("OBJECTIVE", "To test whether daily stretching improves knee bending after knee replacement."),
                ("METHODS", "Sixty adults were randomised to stretching or usual care. " + methods),
                ("RESULTS", "Knee bending improved more with stretching than with usual care (mean difference 9 degrees, "
                            "p = 0.01)."),
                ("CONCLUSIONS", "Daily stretching improves knee bending after knee replacement."))


def _outcomes_row(rec: Record) -> str:
    _, card = _card(rec)
    return next((r["text"] for r in card.get("methods", []) if r["label"] == "Outcomes"), "")


def test_2_the_quantity_named_in_the_sentence_replaces_the_instrument() -> None:
    row = _outcomes_row(_stretch("Knee flexion range of motion was measured with a goniometer at six weeks."))
    assert row == "Knee flexion range of motion.", row


def test_2_an_instrument_in_a_list_becomes_what_it_measures() -> None:
    row = _outcomes_row(_stretch("Outcome measures: a goniometer and the Oxford Knee Score."))
    assert "goniometer" not in row.lower().split("(")[0] and row.startswith("Joint range of motion"), row
    assert "Oxford Knee Score" in row


def test_2_as_quantity_rules() -> None:
    from physiohub.cards.instrument import as_quantity
    assert as_quantity("a hand-held dynamometer", "Quadriceps strength was assessed with a hand-held dynamometer.") == \
        "quadriceps strength"
    assert as_quantity("grip strength measured by a dynamometer", "") == "grip strength measured by a dynamometer"
    assert as_quantity("pain, a stopwatch and function", "") == "pain and function"  # no one quantity: dropped
    assert as_quantity("a stopwatch", "") == ""
    assert as_quantity("an accelerometer", "") == "physical activity (accelerometer)"
    # a list of instruments for one quantity the sentence names: the quantity, once
    assert as_quantity("a walking questionnaire and accelerometers",
                       "Daily walking was assessed with a walking questionnaire and accelerometers.") == "daily walking"
    assert as_quantity("a questionnaire", "Sleep quality was assessed by a questionnaire.") == "sleep quality"
    assert as_quantity("the Oswestry Disability Questionnaire", "") == "the Oswestry Disability Questionnaire"


# --- 3: a post hoc or subgroup finding is named as a limitation ---

def _limits(*results: str, design_words: str = "Ninety adults were randomised to balance training or usual care.") -> list[str]:
    rec = _rec("t-posthoc", "Balance training for older adults: a randomised controlled trial.",
               ("OBJECTIVE", "To test whether balance training lowers fall risk in older adults."),
               ("METHODS", design_words),
               ("RESULTS", " ".join(results)),
               ("CONCLUSIONS", "Balance training lowered fall risk in older adults."))
    _, card = _card(rec)
    return card.get("limitations", [])


def test_3_a_post_hoc_result_is_a_limitation() -> None:
    lims = _limits("Fall risk scores fell more with training than with usual care (p = 0.03).",
                   "In a post hoc analysis, people who trained most improved their sway (p = 0.01).")
    assert any("post hoc" in t for t in lims), lims


def test_3_a_subgroup_result_is_a_limitation() -> None:
    lims = _limits("Fall risk scores fell more with training than with usual care (p = 0.03).",
                   "Subgroup analyses showed that women improved more than men.")
    assert any("subgroup" in t for t in lims), lims


def test_3_post_hoc_tests_after_an_anova_are_not_unplanned() -> None:
    lims = _limits("Fall risk scores fell more with training than with usual care (p = 0.03); Tukey post hoc tests "
                   "showed the difference at week 12.", "Bonferroni post-hoc comparisons confirmed lower scores.")
    assert not any("post hoc" in t or "subgroup" in t for t in lims), lims


def test_3_no_limitation_when_the_subgroups_found_nothing_or_it_was_power() -> None:
    from physiohub.cards.wording import _unplanned_finding
    trial = "randomised controlled trial"
    assert _unplanned_finding("Subgroup analyses did not show significant interaction effects for any subgroup.", trial) is None
    assert _unplanned_finding("Pain improved in all subgroups (p < 0.01).", trial) is None
    assert _unplanned_finding("Analysis of variance with post-hoc significance testing was used; pain fell (p = 0.01).",
                              trial) is None
    assert _unplanned_finding("A post hoc analysis shows the data had 80% power to detect a difference.", trial) is None
    assert _unplanned_finding("In the subgroup with severe pain, taping reduced pain more than sham (p = 0.02).", trial)


def test_3_post_hoc_after_an_anova_in_another_sentence_is_its_pairwise_follow_up() -> None:
    from physiohub.cards.wording import _unplanned_finding
    trial = "randomised controlled trial"
    anova = ("Repeated measures ANOVA found no significant difference for items 2 and 4. For items 1 and 3 (p = 0.02), "
             "post hoc analysis revealed a difference between the two techniques.")
    assert _unplanned_finding(anova, trial) is None
    assert _unplanned_finding("Analysis of variance was used. A post hoc subgroup analysis showed that women improved "
                              "more (p = 0.01).", trial)
