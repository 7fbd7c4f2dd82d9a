"""Session 14's card reading (docs/cards-review.md): a line saying the mechanism is unknown reports no finding, "had
little effect on" and "No ... was significantly affected" are no clear difference, decimals with a middle dot are read,
a lowercase Greek letter opening a sentence stays lowercase, and a dead pattern in the harm reader works again."""
import pytest

from physiohub.appraise.reading import read_sentence, significant_p, unclear_why
from physiohub.cards.casing import starts_a_sentence, upper_first
from physiohub.cards.consistency import is_fragment


@pytest.mark.parametrize("text", [
    "The mechanism for reduced relaxation time following supplementation is unclear.",
    "The underlying mechanisms remain poorly understood.",
    "However, the reasons for the faster recovery are not yet known.",
])
def test_unclear_mechanism_reports_no_finding(text):
    assert unclear_why(text)
    assert read_sentence(text).label is None


def test_a_finding_about_a_mechanism_is_still_read():
    text = "The mechanism of pain relief was a reduction in inflammation, which improved function."
    assert not unclear_why(text)


@pytest.mark.parametrize("text", [
    "Regular deworming had little effect on mortality in this population.",
    "No specific cause of death was significantly affected.",
    "No other outcome was improved.",
])
def test_little_effect_reads_as_no_clear_difference(text):
    assert read_sentence(text).label == "null"


def test_no_patient_harmed_is_not_a_null_result():
    assert read_sentence("No patient was harmed.").label is None


def test_middle_dot_decimals():
    text = "Deaths were 3·00 versus 3·16 (mortality ratio 0·95, 95% CI 0·89 to 1·02, p=0·16)."
    assert significant_p(text) == (0, 1)
    assert significant_p("Pain fell more with exercise (p=0·003).") == (1, 0)


def test_harm_rise_pattern_with_risk_of_increasing():
    # this branch was written with a backspace character for \b and could never match
    r = read_sentence("There was a small risk of increasing the flare rate.")
    assert r.label == "against"


@pytest.mark.parametrize("text,want", [("β-alanine may help.", "β-alanine may help."), ("mRNA levels rose.", "mRNA levels rose."),
                                       ("exercise helps.", "Exercise helps."), ("", "")])
def test_upper_first(text, want):
    assert upper_first(text) == want


def test_greek_start_is_a_sentence():
    assert starts_a_sentence("β-alanine supplementation may help compared with a placebo.")
    assert is_fragment("β-alanine supplementation may help compared with a placebo.") is None
    assert is_fragment("and then it may help with pain.") == "starts mid-sentence"


def test_beta_alanine_card():
    from physiohub.appraise import appraise
    from physiohub.cards import generate_card
    from physiohub.ingest.jsonl import convert

    abstract = ("PURPOSE: We tested whether beta supplementation changes muscle relaxation. METHODS: Twenty-three males took "
                "β-alanine (n = 12) or placebo (n = 11) for 28 days in a randomised trial. RESULTS: β-alanine had no effect on "
                "isometric force production. There was a significant decline in muscle half-relaxation time (p < 0.05). "
                "CONCLUSIONS: The mechanism for reduced half-relaxation time following β-alanine supplementation is unclear. "
                "β-alanine supplementation may prove to be beneficial in minimising contractile slowing induced by fatigue.")
    rec = convert({"_id": "t1", "title": "β-alanine supplementation and muscle relaxation speed: a randomised trial",
                   "text": abstract})
    a = appraise(rec)
    assert not any("mechanism" in r for r in a["verdict_reasons"])
    card = generate_card(rec, a)
    assert "β-alanine" in card["upshot"]["answer"] and "Β" not in str(card)
    assert not any("mechanism" in k for k in card.get("key_points", []))


def test_dangling_also_goes_with_the_clause_left_out():
    from physiohub.cards.generate import _without_dangling_also

    src = "Compared with control, the drug group had fewer infections; the drug group had also lower CRP levels."
    assert _without_dangling_also("The drug group had also lower CRP levels.", src) == "The drug group had lower CRP levels."
    # a point that is its sentence's start keeps its words
    own = "The drug group also had lower CRP levels, as the trial before it found."
    assert _without_dangling_also("The drug group also had lower CRP levels.", own) == "The drug group also had lower CRP levels."


def test_a_null_on_primary_or_secondary_outcomes_is_a_primary_null():
    from physiohub.appraise.verdict import _secondary_first

    assert not _secondary_first("Intention-to-treat analyses showed no evidence of an effect on primary or secondary outcomes.")
    assert _secondary_first("Secondary outcomes and the primary outcome in completers improved.")
    assert _secondary_first("Per-protocol analyses found a greater decrease in distress")


def test_itt_null_with_per_protocol_benefit_is_no_clear_difference():
    from physiohub.appraise import appraise
    from physiohub.ingest.jsonl import convert

    abstract = ("OBJECTIVE: To test web-delivered therapy for distress. METHODS: 160 patients were randomly assigned to the "
                "web programme or an education website; primary outcomes were distress and unmet needs. RESULTS: "
                "Intention-to-treat analyses showed no evidence of a statistically significant intervention effect on "
                "primary or secondary outcomes. However, per-protocol analyses found a greater decrease in distress "
                "(P=.04) with the programme. CONCLUSIONS: The programme was associated with greater decreases in distress "
                "for those patients who adhered to it.")
    a = appraise(convert({"_id": "t2", "title": "Web-delivered therapy for distress: randomized controlled trial",
                          "text": abstract}))
    assert a["verdict"] == "No clear difference"
