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


# --- b: a population or intervention phrase cut at a joining word, or holding a clause, is not used ---

def test_b_broken_pieces() -> None:
    from physiohub.cards.pieces import broken
    assert broken("home kit to measure and", "intervention")          # cut at a conjunction
    assert broken("of soy", "intervention") and broken("soy drink with", "intervention")
    assert broken("adults with higher use also improved in stair climbing")  # a clause
    assert broken("better sleep scores with melatonin", "intervention")      # a result named as a phrase
    assert not broken("people who are over 70") and not broken("adults who have been injured at work")
    assert not broken("vitamin A", "intervention") and not broken("taping in combination with exercise", "intervention")
    assert not broken("70 adults, 60% being women")


KIT = ("Home kit to measure and improve knee range of motion: a randomised controlled trial",
       "BACKGROUND: Stiff knees limit walking. METHODS: We randomised 120 adults with a stiff knee after surgery to a home "
       "kit or to usual care for 8 weeks. Knee bend was measured with a goniometer. RESULTS: Knee bend improved more with "
       "the kit than with usual care (mean difference 9 degrees, p = 0.002). CONCLUSIONS: The home kit improved knee bend. "
       "Adults with higher use also improved in stair climbing.")


def test_b_a_title_misread_at_its_infinitive_gives_no_cut_treatment_name() -> None:
    a, card = _card(convert({"_id": "kit", "title": KIT[0], "text": KIT[1]}))
    text = " ".join([card["upshot"]["question"], card["upshot"]["answer"], *(card.get("why_it_matters") or {}).values(),
                     *(r["text"] for r in card.get("methods") or [])])
    assert "measure and" not in text.replace("measure and improve knee", "")  # never the cut "home kit to measure and"
    assert "also improved" not in card["upshot"]["question"]
    assert not any("also improved" in r["text"] for r in card.get("methods") or [] if r["label"] == "Population")


# --- a: the outcome the card names is the one the study measured ---

APP = ("An app-based balance programme to prevent falls in older adults: a randomised controlled trial",
       "BACKGROUND: Falls are common in older age. METHODS: We randomised 180 adults aged 70 or over to a 12-week app-based "
       "balance programme or to a leaflet. The primary outcome was fall risk on a balance-and-strength profile score. "
       "RESULTS: Fall risk fell more in the app group than in the leaflet group (p = 0.01). CONCLUSIONS: The app-based "
       "balance programme lowered fall risk in older adults.")


def test_a_a_risk_score_is_not_the_event_it_predicts() -> None:
    a, card = _card(convert({"_id": "app", "title": APP[0], "text": APP[1]}))
    assert a["verdict"] == "Supports"
    up = card["upshot"]["question"] + " " + card["upshot"]["answer"]
    assert "reduces falls" not in up and "prevents falls" not in up and "reduce falls" not in up
    assert "fall risk" in up
    why = card["why_it_matters"]
    assert "reduces falls" not in why["patients"] and "on falls" not in why["clinicians"]
    assert "not falls themselves" in why["patients"] or "not falls themselves" in why["readers"] \
        or "did not measure falls themselves" in why["readers"]


def test_a_when_the_results_count_the_events_the_event_stays() -> None:
    text = APP[1].replace("The primary outcome was fall risk on a balance-and-strength profile score. ",
                          "The primary outcome was the number of falls over a year. ") \
                 .replace("Fall risk fell more in the app group than in the leaflet group (p = 0.01).",
                          "Fewer falls occurred in the app group than in the leaflet group (rate ratio 0.6, p = 0.01).") \
                 .replace("lowered fall risk", "reduced falls")
    a, card = _card(convert({"_id": "app2", "title": APP[0], "text": text}))
    assert "not falls themselves" not in " ".join((card.get("why_it_matters") or {}).values())


def test_a_measured_instead_reads_compounds_only() -> None:
    from physiohub.cards.outcome import measured_instead
    from physiohub.cards.parts import analyse
    rec = convert({"_id": "m", "title": "Bone loading for fracture prevention: a trial", "text":
                   "METHODS: Adults were randomised. RESULTS: Fracture risk scores fell with loading (p = 0.03). "
                   "CONCLUSIONS: Loading lowered fracture risk scores."})
    assert measured_instead("fractures", analyse(rec)) == "fracture risk scores"
    assert measured_instead("pain and stiffness", analyse(rec)) == ""  # several words: the outcome names its own measures


# --- c: a method sentence (who assessed, how studies were chosen) is not an outcome ---

def _with_outcome_spans(rec: Record, phrases: list[str]) -> dict:
    a = appraise(rec)
    spans = []
    for ph in phrases:
        at = rec.abstract.find(ph)
        spans.append({"text": ph, "field": "abstract", "start": at, "end": at + len(ph)})
    a["pico"] = {**(a.get("pico") or {}), "outcomes": spans}
    return a


def test_c_who_assessed_is_no_outcome() -> None:
    rec = convert({"_id": "c1", "title": "Ultrasound findings in runners with heel pain: a cross-sectional study",
                   "text": "OBJECTIVE: To describe heel ultrasound in runners with heel pain. METHODS: We studied 80 runners. "
                           "The scans were independently graded by two sonographers and a physiotherapist. Plantar fascia "
                           "thickness was measured. RESULTS: The fascia was thicker on the painful side in 60 runners."})
    a = _with_outcome_spans(rec, ["two sonographers and a physiotherapist", "Plantar fascia thickness"])
    rows = {r["label"]: r["text"] for r in generate_card(rec, a).get("methods") or []}
    assert "sonographers" not in rows.get("Outcomes", "") and "Plantar fascia thickness" in rows.get("Outcomes", "")


def test_c_reviewers_and_their_criteria_are_no_outcome() -> None:
    rec = convert({"_id": "c2", "title": "Bracing for ankle sprain: a systematic review",
                   "text": "OBJECTIVES: To assess braces for ankle sprain. SELECTION CRITERIA: Randomised trials of braces. "
                           "DATA COLLECTION AND ANALYSIS: Trial quality was rated by three blinded raters according to preset "
                           "criteria. The outcomes were re-injury and return to sport. MAIN RESULTS: Twelve trials met the "
                           "criteria. Braces reduced re-injury (RR 0.6, 95% CI 0.4 to 0.9). AUTHORS' CONCLUSIONS: Braces "
                           "probably reduce re-injury."})
    a = _with_outcome_spans(rec, ["three blinded raters according to preset criteria", "re-injury and return to sport"])
    rows = {r["label"]: r["text"] for r in generate_card(rec, a).get("methods") or []}
    assert "raters" not in rows.get("Outcomes", "") and "re-injury" in rows.get("Outcomes", "").lower()


# --- e: key points do not say the same fact twice ---

def test_e_a_point_that_only_restates_the_number_of_people_goes() -> None:
    rec = convert({"_id": "e1", "title": "Sleep and neck pain in office workers: a cohort study",
                   "text": "OBJECTIVE: To follow neck pain in office workers. METHODS: A cohort of office workers was followed "
                           "for two years. RESULTS: A total of 230 workers were included in the study. Short sleep was "
                           "associated with new neck pain (odds ratio 1.8, 95% CI 1.2 to 2.7). CONCLUSIONS: Short sleep may "
                           "be linked with later neck pain."})
    a, card = _card(rec)
    points = card["key_points"]
    assert sum("230" in p for p in points) <= 1, points


def test_e_restating_points_are_recognised_only_with_the_same_count_and_nothing_more() -> None:
    from physiohub.cards.generate import _restates_people
    assert _restates_people("A total of 88 people were included in our study.", 88)
    assert _restates_people("Sixty adults were randomised.", 60)
    assert not _restates_people("A total of 88 people were included in our study.", 90)  # another count: a fact
    assert not _restates_people("A total of 12 nurses took part in four group interviews.", 12)  # says more


def test_b_between_with_one_side_only_is_cut() -> None:
    from physiohub.cards.pieces import broken
    assert broken("grip score between the high-use")
    assert not broken("difference in grip score between the two groups and over time")
    assert not broken("agreement between raters and a reference test")
    assert not broken("difference in grip score between the two groups") and not broken("agreement between raters")
