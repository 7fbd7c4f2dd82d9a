"""Cards, session 10: the faults the session-9 reading named (docs/cards-review.md, "Session 10"), each pinned
with sentences of our own."""
from __future__ import annotations

from physiohub.appraise import appraise
from physiohub.cards.generate import generate_card, unlabel
from physiohub.ingest.jsonl import convert
from physiohub.models import AbstractSection, Record
from physiohub.text import record_sentences


def _card(rec: Record) -> tuple[dict, dict]:
    a = appraise(rec)
    return a, generate_card(rec, a)


# A review stored before its importer knew one label: the conclusion label sits inside the results section.
_LATE_LABEL = Record(source_id="t-late", source_format="ris", title="Heat wraps for neck pain.", abstract_sections=[
    AbstractSection("To find out whether heat wraps ease neck pain in adults.", "OBJECTIVES", "OBJECTIVE"),
    AbstractSection("We searched four databases for randomised trials of heat wraps compared with no heat.",
                    "SEARCH METHODS", "METHODS"),
    AbstractSection("Nine trials with 640 participants were included. Pain was lower with heat wraps at one week in "
                    "five trials. AUTHORS' CONCLUSIONS Heat wraps may ease neck pain for a short time, but the trials "
                    "were small and of low quality. More trials are needed.", "MAIN RESULTS", "RESULTS"),
])


def test_d_a_label_printed_inside_a_labelled_section_starts_a_section_of_its_own() -> None:
    sents = record_sentences(_LATE_LABEL)
    concl = [s for s in sents if s.text.startswith("Heat wraps may ease")]
    assert concl and concl[0].category == "CONCLUSIONS" and concl[0].section == "AUTHORS' CONCLUSIONS"
    assert not any("CONCLUSIONS" in s.text for s in sents)
    # what came before the label stays a result
    assert next(s for s in sents if s.text.startswith("Pain was lower")).category == "RESULTS"


def test_d_no_card_text_quotes_a_section_label() -> None:
    _, card = _card(_LATE_LABEL)
    texts = [card["upshot"]["answer"], *card.get("key_points", []), *card.get("findings", []),
             *card.get("limitations", []), *(card.get("why_it_matters") or {}).values()]
    assert not any("CONCLUSIONS" in t for t in texts), texts
    assert "The results show" not in card["upshot"]["answer"]  # the conclusion is not read as a result


def test_d_unlabel_strips_known_labels_only() -> None:
    assert unlabel("REVIEWER'S CONCLUSIONS Despite many trials, the evidence is thin.") == \
        "Despite many trials, the evidence is thin."
    assert unlabel("AUTHORS' CONCLUSIONS: Rest may help.") == "Rest may help."
    assert unlabel("CONCLUSION: Splints did not help.") == "Splints did not help."
    assert unlabel("WOMAC scores fell in both groups.") == "WOMAC scores fell in both groups."  # not a label
    assert unlabel("NSAID: a class of drugs.") == "NSAID: a class of drugs."


def test_d_a_capital_abbreviation_inside_a_section_is_no_label() -> None:
    rec = Record(source_id="t-abbr", source_format="ris", title="Knee braces.", abstract_sections=[
        AbstractSection("Scores were recorded. WOMAC: the pain scale fell by a third.", "RESULTS", "RESULTS")])
    assert [s.section for s in record_sentences(rec)] == ["RESULTS", "RESULTS"]
