"""Topics, body regions, conditions and PICO spans on invented records."""
from __future__ import annotations

from fixtures.appraise.records import PILOT_RCT, SR_MODERATE, rec
from physiohub.appraise import appraise
from physiohub.taxonomy import BODY_REGIONS, TOPICS


def test_topics_and_regions():
    a = appraise(SR_MODERATE)
    assert a["topics"][0] == "Exercise & Loading"
    assert a["body_regions"] == ["ankle & foot"]
    assert "tendinopathy" in a["conditions"]
    assert all(t in TOPICS for t in a["topics"]) and all(b in BODY_REGIONS for b in a["body_regions"])
    assert any(r.startswith("Exercise & Loading: title mentions") for r in a["topic_reasons"])


def test_mesh_counts_for_topics():
    r = rec("A trial in primary care", "Patients were treated.", mesh=["Low Back Pain", "Telerehabilitation"])
    a = appraise(r)
    assert "low back" in a["body_regions"]
    assert "Digital & Remote Care" in a["topics"]


def test_general_region_when_none_named():
    a = appraise(rec("Sleep and pain", "People slept less."))
    assert a["body_regions"] == ["general"]


def test_pico_spans_point_into_the_source():
    r = PILOT_RCT
    a = appraise(r)
    pico = a["pico"]
    assert pico["intervention"][0]["text"] == "Pain education plus exercise"
    assert pico["comparison"][0]["text"] == "exercise alone"
    assert "chronic low back pain" in pico["population"][0]["text"]
    assert "pain intensity" in pico["outcomes"][0]["text"]
    for key, spans in pico.items():
        for s in spans:
            source = r.title if s["field"] == "title" else r.abstract
            assert source[s["start"]:s["end"]] == s["text"]


def test_labelled_sections_feed_pico():
    r = rec("A trial", ("PARTICIPANTS", "Adults with shoulder pain.", "METHODS"),
            ("INTERVENTIONS", "Supervised exercise.", "METHODS"),
            ("MAIN OUTCOME MEASURES", "Shoulder Pain and Disability Index.", "METHODS"))
    pico = appraise(r)["pico"]
    assert pico["population"][0]["text"] == "Adults with shoulder pain."
    assert pico["intervention"][0]["text"] == "Supervised exercise."
    assert pico["outcomes"][0]["text"] == "Shoulder Pain and Disability Index."


def test_on_the_other_hand_is_not_a_body_region():
    a = appraise(rec("Amitriptyline for tension-type headache",
                     "Pain fell. On the other hand, tenderness did not change."))
    assert "wrist & hand" not in a["body_regions"]


def test_title_gives_population_and_outcomes():
    pico = appraise(rec("Effect of eccentric exercise on pain and function in patellar tendinopathy: a randomised trial",
                        "Findings are described."))["pico"]
    assert [s["text"] for s in pico["intervention"]] == ["eccentric exercise"]
    assert [s["text"] for s in pico["outcomes"]] == ["pain and function"]
    assert [s["text"] for s in pico["population"]] == ["patellar tendinopathy"]


def test_drug_trials_are_medication_first():
    from fixtures.appraise.records import rec
    from physiohub.appraise import appraise
    a = appraise(rec("Effect of amlodipine on blood pressure in older adults",
                     "We randomised 200 adults at high cardiovascular risk to amlodipine 5 mg once daily or placebo. "
                     "Baseline risk factors predicted the incidence of stroke."))
    assert a["topics"][0] == "Medication & Injections"
    assert any("amlodipine" in r for r in a["topic_reasons"])
    b = appraise(rec("Risk factors for recurrent ankle sprain: a cohort study",
                     "We followed 300 athletes; previous sprain and poor balance predicted recurrence."))
    assert "Medication & Injections" not in b["topics"]


def test_pico_spans_are_short_noun_phrases():
    from fixtures.appraise.records import rec
    from physiohub.appraise import appraise
    a = appraise(rec("Yoga reduces pain in adults with chronic low back pain: a randomised trial",
                     "We randomised 120 adults with chronic low back pain who attended primary care to yoga or usual "
                     "care for 12 weeks. Yoga produced a significant reduction in pain intensity compared with usual care."))
    texts = {k: [x["text"] for x in v] for k, v in a["pico"].items()}
    assert texts["population"][0] == "adults with chronic low back pain"
    assert all(len(t.split()) <= 8 and " who " not in t and "yoga" not in t for t in texts["population"])
    assert "yoga" in [t.lower() for t in texts["intervention"]]
    assert "usual care" in texts["comparison"]
    assert "pain intensity" in texts["outcomes"]
