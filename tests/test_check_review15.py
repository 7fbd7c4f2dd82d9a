"""Faults found reading /check output in session 15 (docs/check-review.md, Session 15): a bare factor of a list
("Working nights" under "Factors linked with seeking care included:") matched to studies of other conditions and
counted as "evidence in the hub"; the factor shown without the line it sits under; its PubMed search without the
article's condition."""
from __future__ import annotations

import pytest

from physiohub.appraise.persist import save_appraisal
from physiohub.check import check_article
from physiohub.check.report import to_text
from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, Record

PAGE = ("# Back pain at work\n\nMost adults get back pain at some point.\n\n"
        "A survey of nursing-home staff found which workers with back pain sought care.\n\n"
        "Factors linked with seeking care included:\n\n- Working night shifts\n- Taking sick leave\n")


@pytest.fixture
def hub(store):
    # a study of another condition whose words are near the factor's: the search finds it, the article is not about it
    records = [Record(source_format="test", source_id="hd", year=2019,
                      title="Night shift work and sleep quality in hospital nurses: a survey",
                      abstract_sections=[AbstractSection("We surveyed 400 hospital nurses working night shifts; night shift "
                                                         "work was linked with poorer sleep quality and more sick leave.")])]
    [sid] = import_records(store, records, file="invented").study_ids
    save_appraisal(store, sid, {"design": "cross-sectional", "evidence": "Limited", "research_type": "Primary study",
                                "verdict": "Supports", "topics": ["Work & Function"], "retracted": False})
    return store


def test_a_bare_factor_is_not_answered_by_a_study_of_another_condition(hub):
    res = check_article(hub, PAGE)
    items = [c for c in res["claims"] if c.get("listed_under")]
    assert [c["text"] for c in items] == ["Working night shifts", "Taking sick leave"]
    night = items[0]
    # the sleep study is found by the factor's words, but it is not about back pain, which the article (and the claim
    # before) is about: no evidence in the hub, and the note says why
    assert night["matches"] == [] and night["match_note"].startswith("no study in the hub on back pain")
    assert res["summary"]["with_matches"] == 0


def test_a_bare_factor_is_shown_with_its_lead_in_and_searched_with_the_condition(hub):
    res = check_article(hub, PAGE)
    night, leave = [c for c in res["claims"] if c.get("listed_under")]
    assert night["listed_under"].startswith("Factors linked with seeking care included")
    assert night["pubmed_query"].startswith('"back pain"[tiab]') and leave["pubmed_query"].startswith('"back pain"[tiab]')
    text = to_text(res)
    assert '(listed under "Factors linked with seeking care included' in text
    assert text.index("listed under") < text.index("Working night shifts")


def test_a_sentence_claim_has_no_lead_in(store):
    res = check_article(store, "# Knees\n\nSome words.\n\nA 2019 trial found that walking eased knee pain.\n")
    assert res["claims"][0]["listed_under"] is None


def test_a_condition_people_set_is_no_causal_wording():
    from physiohub.check.overstate import share_only

    # "if it cut the cost" is what the respondents would want, not an effect the sentence claims
    assert share_only("More than half were willing to use telehealth if it cut the cost of attending appointments")
    assert not share_only("More than half of patients who exercised reduced their pain")


def test_a_study_sharing_too_few_words_is_not_called_related(hub):
    from physiohub.check.backing import stance_of
    from physiohub.check.claims import Claim

    # a study of back pain in the hub whose other words are not the claim's: "cannot say", not "is related but"
    records = [Record(source_format="test", source_id="bp", year=2018, title="Lumbar stenosis: a common cause of back and leg pain",
                      abstract_sections=[AbstractSection("A narrative overview of lumbar spinal stenosis as a cause of back pain "
                                                         "and leg pain in older adults, with its imaging findings, its natural "
                                                         "history and the operations offered for it when walking is limited.")])]
    [sid] = import_records(hub, records, file="invented").study_ids
    claim = Claim(text="Sitting through long office meetings raises back pain, neck stiffness and daytime fatigue in young clerical workers.",
                  cue="studies")
    label, reason, _ = stance_of(hub, claim, [{"id": sid, "title": records[0].title}], lambda ms: [])
    assert label is None and reason == ("The closest study in the hub cannot say whether the claim holds: it is about "
                                        "something else.")


def test_the_page_shows_the_line_a_factor_sits_under(tmp_path):
    # through the app over HTTP: the page's claim block carries the lead-in the JSON gives
    import html as htmllib
    import re

    from starlette.testclient import TestClient

    from conftest import csrf
    from physiohub.store import Store
    from physiohub.web import create_app

    path = tmp_path / "hub.db"
    Store(path).close()
    with TestClient(create_app(str(path))) as web:
        api = web.post("/api/check", json={"text": PAGE}).json()
        token = csrf(web.get("/check").text)
        page = htmllib.unescape(web.post("/check", data={"text": PAGE, "csrf_token": token}).text)
    blocks = re.findall(r'<article class="claim">(.*?)</article>', page, re.S)
    assert len(blocks) == len(api["claims"])
    for c, block in zip(api["claims"], blocks):
        if c["listed_under"]:
            assert f"Listed under “{c['listed_under']}”" in block and block.index("Listed under") < block.index(c["text"])
        else:
            assert "Listed under" not in block
    assert sum(1 for c in api["claims"] if c["listed_under"]) == 2


@pytest.mark.parametrize("text,effect", [("Exercise beats rest for low back pain", True),
                                         ("Shockwave therapy works for tennis elbow", True),
                                         ("She works for the NHS", False), ("He works for Google", False),
                                         ("Acupuncture works for some people", False)])
def test_a_headline_verb_of_winning_is_an_effect(text, effect):
    from physiohub.check.claim_words import has_effect

    assert has_effect(text) is effect


def test_a_paragraph_going_on_is_no_headline_and_this_one_is_the_review_again():
    from physiohub.check.claims import find_claims
    from physiohub.check.document import parse_document

    text = ("# Pilates and back pain\n\nI came across a systematic review about Pilates and chronic low back pain.\n\n"
            "A systematic review is when researchers pool many single studies. This one is built only on randomised "
            "controlled trials.\n\nHere is what they found: after 12 weeks of Pilates, pain dropped by a meaningful amount.\n\n"
            "On top of that, their ability to function in daily life improved a great deal.\n\n"
            "One paper showed that mat and equipment Pilates helped about the same.\n")
    claims = {c.text[:20]: c for c in find_claims(parse_document(text).sentences)}
    # "This one is built on trials" speaks of the review again: the results after it are the review's, and the
    # paragraph that goes on from them is one of them, not a headline over the paper named next
    assert claims["Here is what they fo"].design == "systematic review"
    on_top = claims["On top of that, thei"]
    assert not on_top.cue.startswith("a headline") and on_top.design == "systematic review"


def test_a_full_sentence_in_a_list_is_shown_without_the_line_before(tmp_path):
    from physiohub.store import Store

    page = ("# Desk work\n\nUnlock now\n\n- A 2019 trial found that standing desks cut neck pain by a third.\n"
            "- A 2020 survey found that most office workers sit for over six hours a day.\n")
    store = Store(tmp_path / "hub.db")
    try:
        res = check_article(store, page)
    finally:
        store.close()
    assert res["claims"] and all(c["listed_under"] is None for c in res["claims"])
