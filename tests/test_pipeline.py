"""The import pipeline: duplicates, merges, idempotence, one transaction per batch."""
from __future__ import annotations

import json
import threading

import pytest

from physiohub.errors import IngestError
from physiohub.ingest.base import Rejected
from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, MeshHeading, Record
from physiohub.store import Store


def rec(fmt="pubmed-xml", sid="", **kw) -> Record:
    kw.setdefault("title", "Graded loading exercise for chronic Achilles tendon pain: a randomised trial")
    kw.setdefault("year", 2021)
    return Record(source_format=fmt, source_id=sid, **kw)


def studies(store: Store) -> list[dict]:
    return [dict(r) for r in store.query("SELECT id, pmid, doi, title, record FROM studies ORDER BY id")]


def test_adds_and_indexes(store):
    r = rec(sid="111", pmid="111", abstract_sections=[AbstractSection("Tendon loading reduced pain.", "RESULTS", "RESULTS")],
            mesh=[MeshHeading("Tendinopathy", True)])
    s = import_records(store, [r], file="a.xml")
    assert (s.added, s.updated, s.unchanged, s.rejected) == (1, 0, 0, 0)
    hit = store.query("SELECT rowid FROM studies_fts WHERE studies_fts MATCH 'tendinopathy'")
    assert [h[0] for h in hit] == s.study_ids


def test_same_file_twice_changes_nothing(store):
    batch = [rec(sid="1", pmid="1"), rec(sid="2", pmid="2", title="Pain education for chronic low back pain in adults")]
    first = import_records(store, batch, file="a.xml")
    before = studies(store)
    again = import_records(store, batch, file="a.xml")
    assert first.added == 2 and again.unchanged == 2 and again.added == again.updated == 0
    assert studies(store) == before


def test_duplicate_by_doi_merges_richer_and_remembers_sources(store):
    thin = rec(fmt="ris", sid="RIS1", doi="10.1000/abc")
    rich = rec(fmt="pubmed-xml", sid="999", pmid="999", doi="10.1000/abc", journal="J Physio",
               abstract_sections=[AbstractSection("Long abstract text " * 20)], publication_types=["Randomized Controlled Trial"])
    import_records(store, [thin], file="a.ris")
    s = import_records(store, [rich], file="b.xml")
    assert s.updated == 1
    rows = studies(store)
    assert len(rows) == 1 and rows[0]["pmid"] == "999"
    data = json.loads(rows[0]["record"])
    assert data["journal"] == "J Physio" and data["source_format"] == "pubmed-xml"
    srcs = store.query("SELECT source_format, source_id FROM study_sources ORDER BY source_format")
    assert [tuple(r) for r in srcs] == [("pubmed-xml", "999"), ("ris", "RIS1")]
    # Re-importing the thin record now changes nothing.
    assert import_records(store, [thin], file="a.ris").unchanged == 1


def test_duplicate_by_title_and_year_but_not_across_pmids(store):
    a = rec(fmt="bibtex", sid="key1", title="Exercise therapy for knee osteoarthritis: an overview of reviews")
    b = rec(fmt="ris", sid="R2", title="Exercise Therapy for Knee Osteoarthritis — an overview of reviews.")
    import_records(store, [a], file="x.bib")
    assert import_records(store, [b], file="y.ris").updated + 0 >= 0
    assert len(studies(store)) == 1
    c = rec(sid="5", pmid="5", title="Comment on: exercise therapy for knee osteoarthritis overview")
    d = rec(sid="6", pmid="6", title="Comment on: exercise therapy for knee osteoarthritis overview")
    import_records(store, [c, d], file="z.xml")
    assert len(studies(store)) == 3  # same title, different PMIDs: two letters


def test_duplicates_within_one_batch(store):
    s = import_records(store, [rec(sid="7", pmid="7"), rec(fmt="ris", sid="r7", pmid="7")], file="m")
    assert s.added == 1 and len(studies(store)) == 1


def test_rejected_items_are_counted_not_stored(store):
    s = import_records(store, [Rejected("#3", "no PMID"), rec(sid="", title="")], file="bad.ris")
    assert s.rejected == 2 and not studies(store)
    assert s.rejections[0] == {"file": "bad.ris", "record": "#3", "reason": "no PMID"}


def test_failure_mid_batch_rolls_back_and_keeps_what_was_stored(store):
    import_records(store, [rec(sid="1", pmid="1")], file="good.xml")
    before = studies(store)

    def broken():
        yield rec(sid="2", pmid="2", title="A second study that must not be half-written to the store")
        raise IngestError("truncated XML at line 40", file="broken.xml")

    with pytest.raises(IngestError, match="broken.xml"):
        import_records(store, broken(), file="broken.xml")
    assert studies(store) == before
    assert store.query_one("SELECT count(*) FROM studies_fts")[0] == 1


def test_readers_keep_working_during_an_import(db_path):
    writer = Store(db_path)
    import_records(writer, [rec(sid="1", pmid="1")], file="a")
    started, release, seen = threading.Event(), threading.Event(), []

    def slow_batch():
        yield rec(sid="2", pmid="2", title="Another study title long enough to have a key")
        started.set()
        release.wait(5)

    t = threading.Thread(target=lambda: import_records(writer, slow_batch(), file="b"))
    t.start()
    started.wait(5)
    reader = Store(db_path)
    seen.append(reader.query_one("SELECT count(*) FROM studies")[0])  # not blocked by the open write
    release.set()
    t.join()
    assert seen == [1]
    assert reader.query_one("SELECT count(*) FROM studies")[0] == 2
    reader.close()
    writer.close()


def test_migrations_are_recorded_once(db_path):
    from physiohub.store.migrations import MIGRATIONS, applied

    s1 = Store(db_path)
    s2 = Store(db_path)
    assert applied(s2) == [name for name, _ in MIGRATIONS]
    s1.close()
    s2.close()


def test_two_pmids_sharing_a_doi_stay_two_studies(store):
    # Versions of one Cochrane review carry one DOI but two PMIDs; both must export with their PMID.
    a = rec(sid="100", pmid="100", doi="10.1002/14651858.cd000001", title="Exercise for neck pain: a review (first version)")
    b = rec(sid="200", pmid="200", doi="10.1002/14651858.cd000001", title="Exercise for neck pain: a review (update)", year=2015)
    s = import_records(store, [a, b], file="cochrane.xml")
    assert s.added == 2
    assert sorted(r["pmid"] for r in studies(store)) == ["100", "200"]
    # A record with that DOI and no PMID joins the first of them.
    c = rec(fmt="ris", sid="R9", doi="10.1002/14651858.CD000001", title="Exercise for neck pain: a review")
    assert import_records(store, [c], file="x.ris").updated + import_records(store, [c], file="x.ris").unchanged >= 1
    assert len(studies(store)) == 2


def matches(store: Store, query: str) -> list[int]:
    return [r[0] for r in store.query("SELECT rowid FROM studies_fts WHERE studies_fts MATCH ? ORDER BY rowid", (query,))]


def test_an_updated_study_is_reindexed_with_its_new_text_only(store):
    # The index keeps no copy of the text: the old entry is removed with the values it was indexed
    # with, taken from the stored record. A wrong value would leave "hamstring" findable.
    import_records(store, [rec(sid="5", pmid="5", abstract_sections=[AbstractSection("Hamstring strains healed.")])],
                   file="v1.xml")
    newer = rec(sid="5", pmid="5", title="Nordic exercise and knee injury: a randomised trial",
                abstract_sections=[AbstractSection("Nordic exercise lowered knee injuries.")], keywords=["prevention"])
    s = import_records(store, [newer], file="v2.xml")
    assert s.updated == 1
    assert matches(store, "hamstring") == [] and matches(store, "achilles") == []
    assert matches(store, "nordic") == matches(store, "prevention") == s.study_ids
    assert store.query_one("SELECT count(*) FROM studies_fts")[0] == 1
    store.execute("INSERT INTO studies_fts(studies_fts, rank) VALUES ('integrity-check', 0)")


def test_a_hub_with_the_old_fulltext_table_is_reindexed(db_path):
    store = Store(db_path)
    import_records(store, [rec(sid="7", pmid="7", mesh=[MeshHeading("Tendinopathy", True)])], file="a.xml")
    # What hubs made before migration 0602 have: an FTS5 table keeping its own copy of the texts.
    store.execute("DROP TABLE studies_fts")
    store.execute("CREATE VIRTUAL TABLE studies_fts USING fts5(title, abstract, mesh, keywords,"
                  " tokenize = 'porter unicode61 remove_diacritics 2')")
    store.execute("DELETE FROM _migrations WHERE name = '0602_contentless_fulltext'")
    store.close()
    again = Store(db_path)
    assert "content=''" in again.query_one("SELECT sql FROM sqlite_master WHERE name = 'studies_fts'")[0]
    assert matches(again, "tendinopathy") == matches(again, "achilles") == [1]
