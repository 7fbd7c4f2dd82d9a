"""Session 10 review faults (docs/check-review.md): an outcome the claim names must be one the study measured,
not a word of its people or its background; a title-only match is no ground for "possibly overstated"; a
ranking by "the most relief" needs a study comparing the treatments; a "points the same way" quoting a
no-effect finding is not given. Invented studies and sentences."""
from __future__ import annotations

import pytest

from physiohub.appraise.persist import save_appraisal
from physiohub.check import check_article
from physiohub.check.backing import _RANKING
from physiohub.check.tested import study_tests_claim
from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, Record

TITLE = "Home exercise for adults with a healed ankle fracture: a randomised trial"
PICO = {"population": [{"text": "adults with a healed ankle fracture"}],
        "intervention": [{"text": "home exercise"}], "comparison": [{"text": "usual care"}],
        "outcomes": [{"text": "balance, gait speed and pain"}]}
TEXT = ("Home exercise for adults with a healed ankle fracture: a randomised trial. Training is thought to "
        "prevent fractures in older people. We randomised 90 adults with a healed ankle fracture to home "
        "exercise or usual care and measured balance, gait speed and pain. Home exercise improved balance "
        "more than usual care at 12 weeks.")
FINDINGS = ["Home exercise improved balance more than usual care at 12 weeks."]


def test_an_outcome_only_in_the_people_or_the_background_is_not_measured():
    claim = "A trial found that home exercise cuts the number of fractures."
    words = ["trial", "home", "exercise", "cuts", "number", "fractures"]
    t = study_tests_claim(None, claim, words, TITLE, TEXT, PICO, "Supports", findings=FINDINGS)
    assert not t.tests and t.reason == "it does not measure fractures"
    # the same study measuring fractures in its results tests it
    t = study_tests_claim(None, claim, words, TITLE, TEXT, PICO, "Supports",
                          findings=FINDINGS + ["Fewer fractures occurred with home exercise than with usual care."])
    assert t.tests
    # the claim's outcome in the study's findings still counts
    t = study_tests_claim(None, "A trial found that home exercise improves balance.", ["home", "exercise", "balance"],
                          TITLE, TEXT, PICO, "Supports", findings=FINDINGS)
    assert t.tests


def test_a_ranking_by_the_most_relief_is_a_ranking():
    assert _RANKING.search("Cycling may bring people with hip pain the most relief, a review says.")
    assert _RANKING.search("Swimming gave the most benefit in the review.")


LEAFLET = ("Walking for older adults with knee pain", "Walking for older adults with knee pain: a leaflet on walking, knee pain and older adults.")
NULL_TRIAL = ("Weighted vest walking for women with thin bones: a randomised trial",
              "We randomised 80 women with thin bones to weighted vest walking or usual care for one year. "
              "Weighted vest walking revealed no significant effect on bone density, leg strength or balance "
              "over the one-year follow-up compared with usual care.")


@pytest.fixture
def hub(store):
    rows = [(LEAFLET, {"design": "other", "verdict": "Too early to tell", "evidence": "Very limited", "pico": {}}),
            (NULL_TRIAL, {"design": "randomised controlled trial", "verdict": "No clear difference", "evidence": "Moderate",
                          "pico": {"intervention": [{"text": "weighted vest walking"}],
                                   "comparison": [{"text": "usual care"}]}})]
    records = [Record(source_format="test", source_id=f"r{i}", year=2021, title=title,
                      abstract_sections=[AbstractSection(text)]) for i, ((title, text), _) in enumerate(rows)]
    ids = import_records(store, records, file="invented").study_ids
    for sid, (_, appraisal) in zip(ids, rows):
        save_appraisal(store, sid, {"research_type": "Primary study", "topics": [], "retracted": False, **appraisal})
    return store


def test_a_title_only_match_is_no_ground_for_overstated(hub):
    c = check_article(hub, "A study found walking reduces knee pain in older adults.")["claims"][0]
    assert c["matches"], "the leaflet is still shown"
    assert not c["overstated"], "a leaflet's title does not test the claim"


def test_a_same_way_reading_quoting_no_effect_is_not_given(hub):
    c = check_article(hub, "A new study says women with thin bones should do weighted vest walking.")["claims"][0]
    assert c["matches"]
    assert c["stance"] != "supports"


def test_a_call_for_more_work_is_not_quoted_as_the_result(store):
    title = "Walking diaries for people with hip pain: an observational study"
    text = ("We followed 300 people with hip pain who kept walking diaries for two years and recorded their hip pain "
            "every month. In total, 280 of 300 people returned their diaries. "
            "Future studies should focus on whether people with hip pain who keep walking diaries report less hip pain.")
    ids = import_records(store, [Record(source_format="test", source_id="w1", year=2020, title=title,
                                        abstract_sections=[AbstractSection(text)])], file="invented").study_ids
    save_appraisal(store, ids[0], {"research_type": "Primary study", "topics": [], "retracted": False, "design": "cohort",
                                   "verdict": "Supports", "evidence": "Limited", "pico": {}})
    c = check_article(store, "An observational study found that people with hip pain who keep walking diaries "
                             "report less hip pain over two years.")["claims"][0]
    for m in c["matches"]:
        assert "Future studies" not in (m.get("stance_sentence") or "")
    assert "Future studies" not in (c.get("stance_reason") or "")
