"""Session 16's card reading (docs/cards-review.md): an effect its authors say "remains to be determined" is an open
question, not a benefit; an amount a finding turns on ("more than 40 ml of sputum") is not dropped as a drug's dose;
an abbreviation with "&" ("P&PD") is spelled out from the abstract's own definition. Abstracts are invented, in the
shape of the ones read."""
from __future__ import annotations

from physiohub.appraise.core import appraise
from physiohub.appraise.reading import read_clause
from physiohub.cards import generate_card
from physiohub.cards.abbrev import definitions, spell_out
from physiohub.cards.upshot import _drop_doses
from physiohub.models import AbstractSection, Record


def _record(title: str, sections: list[tuple[str, str]]) -> Record:
    return Record(source_format="test", source_id="t1", year=2015, title=title,
                  abstract_sections=[AbstractSection(text=t, label=l, category=l) for l, t in sections])


def test_an_effect_that_remains_to_be_determined_is_no_benefit():
    assert read_clause("The link between these changes and improved outcomes with the bed remains to be determined.").label == "early"
    assert read_clause("Whether taping reduces pain has yet to be established.").label == "early"
    # a benefit the sentence reports stays a benefit
    assert read_clause("Taping reduced pain compared with sham.").label == "for"


def test_a_conclusion_that_leaves_the_benefit_open_does_not_make_the_card_say_supports():
    rec = _record("Rotating beds in sedated patients with lung injury: a crossover trial", [
        ("METHODS", "Twenty sedated patients received rotation therapy and routine turning in random order."),
        ("RESULTS", "There were no statistically significant differences in the measured blood gas variables."),
        ("CONCLUSION", "The link between short-term physiological changes and improved outcomes associated with rotation "
                       "therapy remains to be determined."),
    ])
    a = appraise(rec)
    assert a["verdict"] != "Supports"


def test_an_amount_the_finding_turns_on_is_kept():
    text = "In the patients producing more than 40 ml of sputum per day, drainage increased sputum volume."
    assert _drop_doses(text) == text
    # "40 mg of drugamab": dropping the amount would leave "took of drugamab"
    assert _drop_doses("Patients took 40 mg of drugamab daily.") == "Patients took 40 mg of drugamab daily."
    # a dose after a drug name still goes
    assert _drop_doses("Rofecoxib, 25 mg/d, provided relief.") == "Rofecoxib provided relief."


def test_an_abbreviation_with_an_ampersand_is_spelled_out():
    defs = definitions("a 15-min period of manual percussion and postural drainage (P&PD) every 2 h")
    assert defs == {"P&PD": "percussion and postural drainage"}
    assert spell_out("P&PD increased sputum volume.", defs) == "percussion and postural drainage increased sputum volume."


def test_the_card_keeps_the_amount_and_spells_the_abbreviation():
    rec = _record("Drainage in ventilated patients: a crossover trial", [
        ("METHODS", "Thirty ventilated patients received routine turning with or without manual percussion and postural "
                    "drainage (P&PD) in random order."),
        ("RESULTS", "The addition of P&PD did not increase sputum volume for the group as a whole. However, in the six "
                    "patients producing more than 40 ml of sputum per day, P&PD increased sputum volume significantly."),
        ("CONCLUSION", "Percussion and postural drainage may help patients with a large amount of sputum."),
    ])
    card = generate_card(rec, appraise(rec))
    texts = " ".join(card.get("key_points") or []) + " " + " ".join(card.get("findings") or [])
    assert "more than of" not in texts
    assert "P&PD increased" not in " ".join(card.get("key_points") or [])


def test_an_overview_point_is_not_the_authors_saying_what_they_do():
    from physiohub.cards.generate import _NOT_ARGUED, _OPENING_ASIDE

    def argued(text: str) -> bool:
        return not _NOT_ARGUED.search(_OPENING_ASIDE.sub("", text))

    assert not argued("Here, we show that loading changes tendon structure.")
    assert not argued("In this paper, we introduce the notion of a movement curve.")
    assert not argued("In contrast, it has become evident that pain is shaped by beliefs.")
    assert not argued("A primary objective was to develop a new consensus process.")
    assert not argued("For all patients with red flags, an MRI scan was also performed.")
    assert argued("Exercise therapy is the first-line treatment for knee osteoarthritis.")
    assert argued("This review argues that imaging is overused in low back pain.")


def test_no_word_said_twice_and_no_dangling_and():
    from physiohub.cards.generate import _sans_alone
    from physiohub.cards.phrases import plural
    from physiohub.cards.upshot import plain_claim
    assert spell_out("no difference in optimal CPAP pressure.", {"CPAP": "continuous positive airway pressure"}) == \
        "no difference in optimal continuous positive airway pressure."
    assert _sans_alone("pain education alone") == "pain education"
    assert not plural("adding education and telemonitoring to pain education")
    assert plural("education and telemonitoring")
    assert _drop_doses("Groups received a mean of 800 mcg and 400 mcg drugamab per day.") == \
        "Groups received a mean of 800 mcg and 400 mcg drugamab per day."
    claim = plain_claim("Compared with placebo, pain was reduced in patients treated with drugamab 3.5 mg/kg (-0.77%, "
                        "P = 0.02) and 5.25 mg/kg (-0.80%, P < 0.001).", 26)
    assert claim and not claim.endswith("and.")


SUBSET_ONLY = [
    ("METHODS", "We followed up patients three years after a randomized trial of three knee injections of drugamab or "
                "saline. The primary endpoint was incidence of TKR (%)."),
    ("RESULTS", "In total, 39 of 45 patients responded. TKR rates were higher in patients with grade 4 osteoarthritis "
                "than in patients with grade 3 (56% vs. 26%, p = 0.06). Overall, there were no differences in TKR rates by "
                "treatment arm (39% drugamab vs. 38% saline, p = 0.92). TKR rates were significantly lower with drugamab "
                "in patients who responded to treatment (14% vs. 100%, p = 0.03)."),
    ("CONCLUSION", "This study demonstrates significant delays in TKR for patients with severe osteoarthritis treated with "
                   "drugamab, suggesting that drugamab has the potential to modify structure in this population."),
]


def test_a_benefit_only_in_a_subset_does_not_outweigh_a_null_primary_outcome():
    rec = _record("Knee replacement after drugamab or saline injection: follow-up of a randomized trial", SUBSET_ONLY)
    a = appraise(rec)
    assert a["verdict"] == "No clear difference"
    assert "by treatment arm" in a["verdict_reasons"][0] and "incidence of TKR" in a["verdict_reasons"][0]
    card = generate_card(rec, a)
    answer = card["upshot"]["answer"]
    # the card leads with the result, not with the authors' "significant delays"
    assert ("similar results" in answer or "no differences" in answer) and "delays" not in answer


def test_a_class_number_is_not_the_sample_and_a_registry_line_is_no_finding():
    rec = _record("Nerve block A versus nerve block B after knee replacement: a randomized controlled trial", [
        ("METHODS", "This was a randomized trial of 34 American Society of Anesthesiologists (ASA) physical status 1–3 "
                    "patients who underwent knee replacement. Patients were randomized to block A (n = 17) or block B (n = 17)."),
        ("RESULTS", "Pain scores were significantly lower with block A than with block B at 6 h (P < 0.01)."),
        ("CONCLUSIONS", "Block A gives better pain control than block B in the first hours after knee replacement."),
        ("UMIN-CTRID", "000013364R:000015591"),
    ])
    a = appraise(rec)
    assert a["n_participants"] == 34
    card = generate_card(rec, a)
    assert not any("000013364" in f for f in card.get("findings") or [])
    diabetes = _record("Education in type 2 diabetes: a cluster trial", [
        ("METHODS", "Practices were randomised to a structured education programme or usual care for people with type 2 "
                    "diabetes."), ("RESULTS", "HbA1c fell more with education (p = 0.01).")])
    assert appraise(diabetes)["n_participants"] != 2


def test_non_inferior_is_no_clear_difference_and_a_countered_harm_is_no_harm():
    assert read_clause("Drugamab 15 mg was non-inferior to glimepiride in reducing HbA1c.").label == "null"
    assert read_clause("Drugamab was inferior to glimepiride in reducing HbA1c.").label == "against"
    assert read_clause("Daily root extract improves mood, an effective approach to shielding the body from the "
                       "detrimental effects of chronic stress.").label == "for"
    assert read_clause("Bracing had detrimental effects on knee function.").label == "against"


def test_a_count_of_arms_is_no_treatment_name():
    # "Do two doses of methotrexate help?" / "two doses ... probably help" beside a conclusion that one dose is enough:
    # a count of the arms compared is no treatment a "helps" answer can be about (cards/generate._COUNTED_ARMS)
    from physiohub.cards.generate import _COUNTED_ARMS

    for arms in ("two doses of methotrexate", "two techniques", "two new potential interventions",
                 "four turning and secretion management regimens", "different dosages of nitroglycerin infusion"):
        assert _COUNTED_ARMS.match(arms), arms
    for treatment in ("two-week exercise programme", "manual therapy", "twice-weekly walking"):
        assert not _COUNTED_ARMS.match(treatment), treatment
