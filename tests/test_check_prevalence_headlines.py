"""A headline stating how common something is, or that it is rising, over a paragraph that reports the research
("Stress Fractures From Overuse Common In Teen Athletes"): the rules take it as a claim without an effect word or a
verb. (The rules only: the learned model's veto still drops a rule claim it scores below its floor.)"""
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document


def _rule_claims(text):
    return [c.text for c in find_claims(parse_document(text).sentences, learned=False)]


def test_prevalence_headline_over_research():
    text = ("# Running news\n\n**Shin Splints Common In First-Year Runners**\n\n"
            "A survey presented at a sports medicine meeting found that shin pain may be more frequent than believed "
            "in new runners.\n")
    assert "Shin Splints Common In First-Year Runners" in _rule_claims(text)


def test_rising_headline_over_research():
    text = ("# News\n\nSome words first.\n\n**Knee Injuries Rise Among Young Footballers**\n\n"
            "A new study found that knee ligament injuries in players under 16 doubled over ten years.\n")
    assert "Knee Injuries Rise Among Young Footballers" in _rule_claims(text)


def test_prevalence_heading_without_research_is_no_claim():
    text = ("# Clinic notes\n\n**Back Pain Common In Office Workers**\n\n"
            "We see many office workers in our clinic, and we can help you set up your desk.\n")
    assert not any("Common In Office" in c for c in _rule_claims(text))


def test_topic_label_is_no_claim():
    text = ("# Notes\n\n**Common Running Injuries**\n\nA new study found that shin pain eased with rest.\n")
    assert not any("Common Running" in c for c in _rule_claims(text))
