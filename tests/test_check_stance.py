"""Does the evidence back the claim? Stance against a study's abstract, and claims matched only to studies
of the condition they speak of (issue 13, item 5). Studies and claims are invented for these tests."""
from __future__ import annotations

import pytest

from physiohub.appraise.persist import save_appraisal
from physiohub.check import check_article
from physiohub.check.stance import CONTRADICTS, SUPPORTS, evidence_sentences, stance
from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, Record

ABSTRACT = ("Background: Neck pain is common in office workers. Methods: We randomised 240 office workers to "
            "neck strengthening or advice. Outcomes were pain and disability at six months. Results: Neck "
            "strengthening reduced pain intensity compared with advice (mean difference -1.4, 95% CI -2.0 to -0.8). "
            "Conclusion: Strengthening exercise reduces neck pain in office workers.")


def test_evidence_sentence_is_a_finding_not_the_aim():
    sents = ["We aimed to determine whether strengthening reduces neck pain in office workers.",
             "Strengthening reduced neck pain in office workers compared with advice."]
    assert evidence_sentences("Strengthening reduces neck pain in office workers.", sents)[0][1] == 1


def test_stance_reads_a_flipped_claim_as_contradicted():
    assert stance("Strengthening exercise reduces neck pain in office workers.", ABSTRACT).label == SUPPORTS
    st = stance("Strengthening exercise does not reduce neck pain in office workers.", ABSTRACT)
    assert st.label == CONTRADICTS and "reduc" in st.sentence


STUDIES = [
    ("10.5555/nk.2022.1", 2022, "Neck strengthening for office workers with neck pain: a randomised trial", ABSTRACT,
     {"design": "randomised controlled trial", "evidence": "Moderate", "research_type": "Primary study",
      "verdict": "Supports", "topics": ["Exercise & Loading"], "n_participants": 240}),
]


@pytest.fixture
def hub(store):
    records = [Record(source_format="test", source_id=f"s{i}", doi=doi, year=year, title=title,
                      abstract_sections=[AbstractSection(text)]) for i, (doi, year, title, text, _) in enumerate(STUDIES)]
    ids = import_records(store, records, file="invented").study_ids
    for sid, (*_, appraisal) in zip(ids, STUDIES):
        save_appraisal(store, sid, {**appraisal, "retracted": False})
    return store


def test_claim_gets_a_stance_with_a_reason(hub):
    res = check_article(hub, "A 2022 trial found that strengthening exercise reduces neck pain in office workers.")
    c = res["claims"][0]
    assert c["matches"] and c["matches"][0]["stance"] == SUPPORTS
    assert c["stance"] in ("supports", "weaker than the claim") and c["stance_reason"]
    res = check_article(hub, "A 2022 trial found that strengthening exercise does not reduce neck pain in office workers.")
    c = res["claims"][0]
    # the trial's card verdict answers a claim about its treatment: the reason says what it found
    assert c["stance"] == "contradicts" and "found a benefit (its verdict: Supports)" in c["stance_reason"]


def test_a_fibromyalgia_claim_is_not_answered_by_a_neck_pain_study(hub):
    res = check_article(hub, "A 2022 trial found that strengthening exercise reduces pain in office workers with fibromyalgia.")
    c = res["claims"][0]
    assert c["matches"] == [] and c["stance"] is None
    assert c["match_note"].startswith("no study in the hub on fibromyalgia")


def test_the_note_does_not_say_the_hub_lacks_a_condition_it_holds(hub):
    # a study of fibromyalgia sleep is in the hub, but it does not match an exercise claim: "none matches this claim"
    records = [Record(source_format="test", source_id="fm", year=2021, title="Sleep hygiene advice in fibromyalgia: a survey",
                      abstract_sections=[AbstractSection("We surveyed 300 adults with fibromyalgia about their sleep habits "
                                                         "and bedtime routines; most slept under six hours a night.")])]
    import_records(hub, records, file="invented")
    res = check_article(hub, "A 2022 trial found that strengthening exercise reduces pain in office workers with fibromyalgia.")
    c = res["claims"][0]
    assert c["matches"] == [] and c["match_note"] == ("the hub has studies on fibromyalgia, but none matches this claim; "
                                                      "studies matching its words are about other conditions and are not shown")


def test_each_match_shows_its_stance(hub):
    from physiohub.check.report import match_facts

    res = check_article(hub, "A 2022 trial found that strengthening exercise does not reduce neck pain in office workers.")
    m = res["claims"][0]["matches"][0]
    assert "reads against the claim" in match_facts(m)
