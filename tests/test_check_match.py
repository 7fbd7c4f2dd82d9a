"""Matching claims to studies in a small invented hub, stepwise relaxation, overstatement flags."""
from __future__ import annotations

from pathlib import Path

import pytest

from physiohub.appraise.persist import save_appraisal
from physiohub.check import check_article
from physiohub.check.claims import Claim
from physiohub.check.match import match_claim, pubmed_query
from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, Record

HERE = Path(__file__).resolve().parent / "fixtures" / "check"

# Invented studies: (doi, year, title, abstract, appraisal)
STUDIES = [
    ("10.5555/rs.2021.001", 2021, "Static stretching and running injury: a systematic review and meta-analysis",
     "We pooled 14 trials of static stretching before running. Stretching did not lower injury risk in recreational runners.",
     {"design": "meta-analysis", "evidence": "Strong", "research_type": "Review of studies", "verdict": "No clear difference",
      "topics": ["Exercise & Loading"], "n_participants": 5200, "n_studies": 14}),
    ("10.5555/sm.2020.018", 2020, "Spinal adjustments for chronic low back pain: a case series",
     "Eighteen adults with chronic low back pain received spinal adjustments. Pain scores fell after six weeks.",
     {"design": "case series", "evidence": "Very limited", "research_type": "Primary study", "verdict": "Too early to tell",
      "topics": ["Manual Therapy"], "n_participants": 18}),
    ("10.5555/sl.2023.400", 2023, "Short sleep and neck pain in office workers: a cohort study",
     "In 4210 office workers, short sleep was associated with new neck pain over two years of follow-up.",
     {"design": "cohort", "evidence": "Limited", "research_type": "Primary study", "verdict": "Supports",
      "topics": ["Lifestyle", "Work & Function"], "n_participants": 4210}),
    ("10.5555/oa.2020.112", 2020, "Exercise therapy for knee osteoarthritis: a systematic review",
     "Exercise therapy reduces pain and improves physical function in people with knee osteoarthritis.",
     {"design": "systematic review", "evidence": "Strong", "research_type": "Review of studies", "verdict": "Supports",
      "topics": ["Exercise & Loading"], "n_participants": 9000, "n_studies": 54}),
    ("10.5555/dm.2019.777", 2019, "Metformin dosing in type 2 diabetes: a randomised trial",
     "Twice-daily metformin lowered HbA1c compared with once-daily dosing in adults with type 2 diabetes.",
     {"design": "randomised controlled trial", "evidence": "Moderate", "research_type": "Primary study", "verdict": "Supports",
      "topics": ["Medication & Injections"], "n_participants": 300}),
]


@pytest.fixture
def hub(store):
    records = [Record(source_format="test", source_id=f"t{i}", doi=doi, year=year, title=title,
                      abstract_sections=[AbstractSection(abstract)]) for i, (doi, year, title, abstract, _) in enumerate(STUDIES)]
    ids = import_records(store, records, file="invented").study_ids
    for sid, (*_, appraisal) in zip(ids, STUDIES):
        save_appraisal(store, sid, {**appraisal, "retracted": False})
    store.ids = dict(zip([s[0] for s in STUDIES], ids))
    return store


def claim(text: str, **kw) -> Claim:
    return Claim(text=text, cue="found", **kw)


def test_cited_study_in_the_hub_comes_first(hub):
    result = check_article(hub, (HERE / "news_stretching.html").read_text(encoding="utf-8"), html=True)
    first = result["claims"][0]
    assert first["matches"][0]["doi"] == "10.5555/rs.2021.001"
    assert first["matches"][0]["cited"] is True
    assert first["matches"][0]["evidence"] == "Strong" and first["matches"][0]["design"] == "meta-analysis"
    assert result["references"][0]["in_hub"] == hub.ids["10.5555/rs.2021.001"]
    assert result["summary"]["references_in_hub"] == 1


def test_match_by_search_with_year_and_design(hub):
    c = claim("A 2021 meta-analysis found that exercise therapy reduces pain in knee osteoarthritis.",
              year=2021, design="meta-analysis", topic="Exercise & Loading")
    m = match_claim(hub, c)
    assert [x["doi"] for x in m["matches"]][:1] == ["10.5555/oa.2020.112"]
    assert m["relaxed"] == [] and m["note"] is None


def test_constraints_relax_stepwise_and_say_so(hub):
    c = claim("A 2012 meta-analysis found that exercise therapy reduces pain in knee osteoarthritis.",
              year=2012, design="meta-analysis", topic="Exercise & Loading")
    m = match_claim(hub, c)
    assert m["matches"][0]["doi"] == "10.5555/oa.2020.112"
    assert m["relaxed"] == ["topic", "year"]
    assert "year" in m["note"]


def test_unrelated_studies_are_not_matches(hub):
    c = claim("A 2019 randomised trial found that minimalist running shoes cut shin splints.", year=2019,
              design="randomised trial", intervention="minimalist running shoes", outcome="shin splints", direction="decreases")
    m = match_claim(hub, c)
    assert m["matches"] == []
    q = pubmed_query(c)
    assert q == '"minimalist running shoes"[tiab] AND "shin splints"[tiab] AND randomized controlled trial[pt] AND 2019[dp]'


def test_overstated_claims_are_flagged_with_reasons(hub):
    result = check_article(hub, (HERE / "clinic_back_pain.html").read_text(encoding="utf-8"), html=True)
    prove = next(c for c in result["claims"] if c["text"].startswith("Studies prove"))
    assert prove["matches"] and prove["matches"][0]["doi"] == "10.5555/sm.2020.018"
    assert prove["overstated"] is True
    reasons = " ".join(prove["overstated_reasons"])
    assert "case series" in reasons and "Very limited" in reasons and "single small study (18 participants)" in reasons

    news = check_article(hub, (HERE / "news_sleep_neck.txt").read_text(encoding="utf-8"))
    causes = next(c for c in news["claims"] if "short sleep causes" in c["text"])
    assert causes["overstated"] and any("cohort" in r for r in causes["overstated_reasons"])
    cohort = next(c for c in news["claims"] if c["design"] == "cohort study")
    assert cohort["overstated"] is False  # "more likely to develop": association wording, no flag


def test_not_in_the_hub(hub):
    result = check_article(hub, (HERE / "blog_running_shoes.md").read_text(encoding="utf-8"))
    trial = result["claims"][0]
    assert trial["matches"] == [] and trial["missing"] == "not in the hub"
    assert "randomized controlled trial[pt]" in trial["pubmed_query"] and "2018[dp]" in trial["pubmed_query"]


def test_a_claim_with_nothing_to_search_gets_no_matches(hub):
    m = match_claim(hub, claim("Research shows that it is so.", design="research"))
    assert m["matches"] == []


def test_published_only_matches_what_the_public_may_see(hub):
    from physiohub import cards
    from physiohub.appraise.persist import get_appraisal
    from physiohub.cards.review import save_draft, set_status
    from physiohub.studies import load_record

    text = "A 2021 meta-analysis found that exercise therapy reduces pain in knee osteoarthritis."
    assert check_article(hub, text)["claims"][0]["matches"]
    public = check_article(hub, text, published_only=True)["claims"][0]
    assert public["matches"] == [] and public["missing"] == "not in the hub"
    sid = hub.ids["10.5555/oa.2020.112"]
    save_draft(hub, sid, cards.generate_card(load_record(hub, sid), get_appraisal(hub, sid)))
    set_status(hub, sid, "in_review", "editor")
    set_status(hub, sid, "published", "editor")
    public = check_article(hub, text, published_only=True)["claims"][0]
    assert [m["id"] for m in public["matches"]] == [sid]


def test_word_rarity_follows_imports(tmp_path):
    """The idf cache belongs to one state of the hub: an import makes a word commoner at once."""
    from physiohub.check.match import idf
    from physiohub.store import Store

    store = Store(tmp_path / "hub.db")

    def rec(i: int, title: str) -> Record:
        return Record(source_format="jsonl", source_id=f"r{i}", title=title, year=2020,
                      abstract_sections=[AbstractSection(text=f"Invented abstract number {i}.")])

    import_records(store, [rec(i, f"Knee study {i}") for i in range(9)] + [rec(9, "Tendinopathy loading")])
    rare = idf(store, "tendinopathy")
    assert idf(store, "tendinopathy") == rare  # cached while nothing changes
    import_records(store, [rec(10 + i, f"Tendinopathy trial {i}") for i in range(9)])
    assert idf(store, "tendinopathy") < rare
