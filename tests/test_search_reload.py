"""The in-memory search caches follow commits by re-reading only the studies that changed (issue 14).

A 200-study hub in a real SQLite file; a second Store on the same file plays the import or the editor
(another connection, as another process would be). After each change the cached tables must equal a
fresh full load, and reading them must not re-read whole tables.
"""
from __future__ import annotations

import numpy as np
import pytest

from physiohub.search import embed, facets, ivf, vectors
from physiohub.store import Store

N = 200
DIM = 8
DESIGNS = ("randomised controlled trial", "cohort study", "systematic review")
TOPICS = ("Exercise & Loading", "Manual Therapy", "Pain Science")
REGIONS = ("knee", "shoulder", "lumbar spine")


def _vec(i: int) -> bytes:
    v = np.random.default_rng(i).standard_normal(DIM).astype(np.float32)
    return (v / np.linalg.norm(v)).tobytes()


def add_study(s: Store, i: int, *, embed_it: bool = True) -> int:
    """One study as the import leaves it: the study, its appraisal, topics, a card and (optionally) a vector."""
    with s.atomic() as conn:
        sid = conn.execute(
            "INSERT INTO studies(source_id, title, year, retracted, record, content_hash, created_at, updated_at)"
            " VALUES (?, ?, ?, 0, '{}', ?, 't', 't')",
            (f"inv-{i}", f"Study {i}", 2000 + i % 25 if i % 7 else None, f"h{i}")).lastrowid
        conn.execute("INSERT INTO appraisals(study_id, data, generator, version, design, evidence, verdict, updated_at)"
                     " VALUES (?, '{}', 'test', '1', ?, ?, ?, 't')",
                     (sid, DESIGNS[i % 3], ("strong", "moderate")[i % 2], ("helps", "no clear difference")[i % 2]))
        conn.executemany("INSERT INTO appraisal_topics(study_id, kind, value, is_primary) VALUES (?, ?, ?, ?)",
                         [(sid, "topic", TOPICS[i % 3], 1), (sid, "topic", TOPICS[(i + 1) % 3], 0),
                          (sid, "body_region", REGIONS[i % 3], 0), (sid, "condition", "pain", 0)])
        conn.execute("INSERT INTO cards(study_id, status, data, generator, version, updated_at) VALUES (?, ?, '{}',"
                     " 'test', '1', 't')", (sid, "published" if i % 4 else "draft"))
        if embed_it:
            conn.execute("INSERT INTO embeddings(study_id, model, text_hash, vector) VALUES (?, ?, ?, ?)",
                         (sid, embed.compatible_ids()[i % 2], f"t{i}", _vec(i)))
    return sid


@pytest.fixture
def hub(tmp_path):
    path = tmp_path / "hub.db"
    server, writer = Store(path), Store(path)
    ids = [add_study(writer, i) for i in range(N)]
    yield server, writer, ids
    facets._CACHE.pop(str(path), None)
    vectors._CACHE.pop(str(path), None)
    server.close()
    writer.close()


@pytest.fixture
def rows_read(monkeypatch):
    """Counts the rows every ``Store.query`` returns while a block runs."""
    count = {"rows": 0}
    real = Store.query

    def counting(self, sql, params=()):
        rows = real(self, sql, params)
        count["rows"] += len(rows)
        return rows

    monkeypatch.setattr(Store, "query", counting)
    return count


def decoded(t: facets.FacetTable) -> dict[int, tuple]:
    """Every study's values as the table holds them, codes turned back into labels."""
    def label(name, code):
        return t.labels[name][code] if code >= 0 else None

    multi: dict[tuple[int, str], set] = {}
    for name, (where, code) in t.pairs.items():
        for p, c in zip(where.tolist(), code.tolist()):
            multi.setdefault((int(t.ids[p]), name), set()).add(t.labels[name][c])
    out = {}
    for p, sid in enumerate(t.ids.tolist()):
        out[sid] = (tuple(label(n, int(t.codes[n][p])) for n in ("year", "design", "evidence", "verdict")),
                    int(t.years[p]), bool(t.retracted[p]), bool(t.published[p]),
                    label("topic", int(t.primary[p])),
                    frozenset(multi.get((sid, "topic"), ())), frozenset(multi.get((sid, "body_region"), ())))
    return out


def fresh_facets(store: Store) -> facets.FacetTable:
    facets._CACHE.pop(store.url, None)
    return facets.table(store)


def fresh_matrix(store: Store) -> dict[int, bytes]:
    vectors._CACHE.pop(store.url, None)
    return as_dict(vectors.matrix(store))


def as_dict(m: vectors.Matrix | None) -> dict[int, bytes]:
    return {} if m is None else {int(i): m.vectors[p].tobytes() for p, i in enumerate(m.ids.tolist())}


def test_one_new_study_rereads_one_study_not_the_table(hub, rows_read):
    server, writer, ids = hub
    facets.table(server)
    vectors.matrix(server)
    new = add_study(writer, N + 1)
    rows_read["rows"] = 0
    t = facets.table(server)
    facet_rows = rows_read["rows"]
    rows_read["rows"] = 0
    m = vectors.matrix(server)
    vector_rows = rows_read["rows"]
    # the study, its 3 topic/region rows, its card and the change log's one id (a full load reads > 1,000)
    assert facet_rows <= 8, facet_rows
    assert vector_rows <= 2, vector_rows
    assert new in t.ids and new in m.ids and len(t.ids) == N + 1 and len(m.ids) == N + 1
    assert decoded(t) == decoded(fresh_facets(server))
    assert as_dict(m) == fresh_matrix(server)


def test_a_commit_that_touches_no_vectors_reads_no_vectors(hub, rows_read):
    server, writer, ids = hub
    vectors.matrix(server)
    add_study(writer, N + 1, embed_it=False)
    with writer.atomic() as conn:
        conn.execute("UPDATE cards SET status = 'published' WHERE study_id = ?", (ids[0],))
    rows_read["rows"] = 0
    assert len(vectors.matrix(server).ids) == N
    assert rows_read["rows"] == 0


def test_edits_and_deletes_match_a_fresh_load(hub):
    server, writer, ids = hub
    facets.table(server)
    before = vectors.matrix(server)
    with writer.atomic() as conn:
        conn.execute("UPDATE appraisals SET design = 'case report', verdict = NULL WHERE study_id = ?", (ids[3],))
        conn.execute("UPDATE studies SET year = 1999, retracted = 1 WHERE id = ?", (ids[4],))
        conn.execute("UPDATE studies SET year = NULL WHERE id = ?", (ids[8],))
        conn.execute("DELETE FROM appraisal_topics WHERE study_id = ? AND kind = 'topic'", (ids[5],))
        conn.execute("INSERT INTO appraisal_topics(study_id, kind, value, is_primary) VALUES (?, 'topic', 'Falls', 1)",
                     (ids[6],))
        conn.execute("UPDATE appraisal_topics SET is_primary = 0 WHERE study_id = ? AND value = ?",
                     (ids[6], TOPICS[6 % 3]))
        conn.execute("UPDATE cards SET status = 'draft' WHERE study_id = ?", (ids[1],))
        conn.execute("DELETE FROM appraisals WHERE study_id = ?", (ids[9],))
        conn.execute("DELETE FROM studies WHERE id = ?", (ids[7],))  # cascades to its rows and its vector
        conn.execute("UPDATE embeddings SET vector = ? WHERE study_id = ?", (_vec(10_000), ids[10]))
        conn.execute("DELETE FROM embeddings WHERE study_id = ?", (ids[11],))
        conn.execute("UPDATE embeddings SET model = 'another-model' WHERE study_id = ?", (ids[12],))
    t = facets.table(server)
    m = vectors.matrix(server)
    got, want = decoded(t), decoded(fresh_facets(server))
    assert got == want
    assert ids[7] not in got and got[ids[3]][0][1] == "case report" and got[ids[4]][2] is True
    assert got[ids[6]][4] == "Falls" and got[ids[8]][1] == -1
    assert as_dict(m) == fresh_matrix(server)
    assert set(as_dict(m)) == set(as_dict(before)) - {ids[7], ids[11], ids[12]}
    # what the table answers, not only what it holds: counts, filters, related pools
    f = fresh_facets(server)
    assert t.count(t.ids) == f.count(f.ids)
    for flt in ({"design": ["case report"]}, {"topic": ["Falls"]}, {"year_from": 2010, "include_undated": True},
                {"status": "published", "exclude_retracted": True}, {"body_region": ["knee"], "year_to": 2015}):
        assert t.allowed(flt).tolist() == f.allowed(flt).tolist()
    for sid in ids[:12]:
        assert [p.tolist() for p in t.related_pools(sid)] == [p.tolist() for p in f.related_pools(sid)]


def test_many_small_commits_stay_equal_to_a_fresh_load(hub):
    """An import commits batch after batch while the server reads between them."""
    server, writer, ids = hub
    rng = np.random.default_rng(7)
    for step in range(12):
        i = N + 10 + step
        add_study(writer, i, embed_it=bool(step % 3))
        victim = int(rng.choice(ids))
        with writer.atomic() as conn:
            conn.execute("UPDATE appraisals SET evidence = ? WHERE study_id = ?", (f"level {step}", victim))
            if step % 4 == 0:
                conn.execute("DELETE FROM studies WHERE id = ?", (victim,))
        t, m = facets.table(server), vectors.matrix(server)
        assert decoded(t) == decoded(fresh_facets(server))
        assert as_dict(m) == fresh_matrix(server)
        assert len(vectors._CACHE[server.url].ids) == len(m.ids)


def test_a_pruned_log_falls_back_to_a_full_load(hub, rows_read):
    server, writer, ids = hub
    facets.table(server)
    add_study(writer, N + 1)
    with writer.atomic() as conn:  # as the prune trigger does once the log outgrows what is kept
        conn.execute("DELETE FROM search_changes WHERE seq <= (SELECT max(seq) - 1 FROM search_changes)")
    rows_read["rows"] = 0
    t = facets.table(server)
    assert rows_read["rows"] > N  # could not follow the log: read whole, and still right
    assert decoded(t) == decoded(fresh_facets(server))


def test_the_log_is_pruned(tmp_path, monkeypatch):
    s = Store(tmp_path / "hub.db")
    kept = s.query_one("SELECT sql FROM sqlite_master WHERE name = 'search_changes_prune'")[0]
    assert "seq % 1024 = 0" in kept
    with s.atomic() as conn:
        conn.executemany("INSERT INTO search_changes(study_id, part) VALUES (?, 'facets')",
                         [(i,) for i in range(205_000)])
    n, first, last = s.query_one("SELECT count(*), min(seq), max(seq) FROM search_changes")
    assert last == 205_000 and n < 201_100 and first > 4_000
    s.close()


def test_ivf_lists_follow_changes_without_refitting(hub, monkeypatch):
    server, writer, ids = hub
    monkeypatch.setattr(ivf, "IVF_MIN", 100)
    m0 = vectors.matrix(server)
    assert m0.ivf is not None and m0.ivf.trained_on == N
    with writer.atomic() as conn:
        conn.execute("DELETE FROM embeddings WHERE study_id = ?", (ids[0],))
        conn.execute("UPDATE embeddings SET vector = ? WHERE study_id = ?", (_vec(99_999), ids[1]))
    for i in range(5):
        add_study(writer, N + 1 + i)
    m = vectors.matrix(server)
    assert np.array_equal(m.ivf.centroids, m0.ivf.centroids)  # kept, not refitted
    assert as_dict(m) == {k: v for k, v in fresh_matrix(server).items()}
    # each row sits in the list of its nearest centroid, so probing finds it
    assert np.array_equal(ivf.lists(m.ivf), np.argmax(m.vectors @ m.ivf.centroids.T, axis=1))
    q = np.frombuffer(_vec(99_999), dtype=np.float32)
    assert vectors.nearest(m, q, 1)[0][0] == ids[1]


def test_another_thread_follows_the_log(hub):
    """Another worker thread (its own connection) gets the table up to date too."""
    import threading

    server, writer, ids = hub
    facets.table(server)
    add_study(writer, N + 1)
    got = {}
    t = threading.Thread(target=lambda: got.update(t=facets.table(server)))
    t.start()
    t.join()
    assert decoded(got["t"]) == decoded(fresh_facets(server))


def lexical_scores(idx, words=("study", "knee", "pain", "zygapophyseal", "lumbar")) -> dict:
    from physiohub.search.lexical import query_stems

    return {w: dict(zip(idx.doc_ids.tolist(), idx.score(query_stems(w)).tolist())) for w in words}


def test_bm25_index_follows_commits_reading_changed_studies_only(tmp_path, rows_read):
    """The studies' texts come from the real import (full-text rows, records); index_terms stores vectors."""
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import AbstractSection, Record
    from physiohub.search import lexical

    path = tmp_path / "hub.db"
    server, writer = Store(path), Store(path)

    def record(i: int, words: str) -> Record:
        return Record(source_format="jsonl", source_id=f"inv-{i}", title=f"Study {i} of {words}",
                      abstract_sections=[AbstractSection(text=f"Patients with {words} were followed.")], year=2010)

    try:
        import_records(writer, [record(i, ("knee pain", "lumbar pain", "shoulder")[i % 3]) for i in range(N)])
        lexical.index_terms(writer)
        lexical.impacts(server)
        import_records(writer, [record(N + 1, "zygapophyseal joint pain")])
        rows_read["rows"] = 0
        idx = lexical.impacts(server)  # the new study is tokenised here: not stored yet
        assert rows_read["rows"] <= 6, rows_read["rows"]
        assert len(idx.doc_ids) == N + 1 and max(lexical_scores(idx)["zygapophyseal"].values()) > 0
        lexical.index_terms(writer)  # now stored: read back, vocabulary and all
        with writer.atomic() as conn:
            conn.execute("DELETE FROM studies WHERE source_id = 'inv-3'")
        rows_read["rows"] = 0
        idx = lexical.impacts(server)
        assert rows_read["rows"] <= 12, rows_read["rows"]
        got = lexical_scores(idx)
        lexical._CACHE.pop(server.url, None)
        want = lexical_scores(lexical.impacts(server))
        assert got.keys() == want.keys()
        for w in got:
            assert got[w].keys() == want[w].keys()
            assert np.allclose([got[w][k] for k in sorted(got[w])], [want[w][k] for k in sorted(want[w])])
    finally:
        lexical._CACHE.pop(server.url, None)
        server.close()
        writer.close()


def test_a_request_during_another_threads_update_is_served_at_once_then_current(hub):
    """Stale-while-revalidate: while one thread brings a cache up to date (here: its lock held), another
    request gets the cache as it was without waiting, and its next request sees the update."""
    import threading

    server, writer, ids = hub
    old_t, old_m = facets.table(server), vectors.matrix(server)
    go, again, served = threading.Event(), threading.Event(), {}

    def request_thread() -> None:
        facets.table(server), vectors.matrix(server)  # this thread's connection is current (cache gate)
        served["ready"] = True
        go.wait()
        served["during"] = (facets.table(server), vectors.matrix(server))
        again.wait()
        served["after"] = (facets.table(server), vectors.matrix(server))

    t = threading.Thread(target=request_thread)
    t.start()
    while "ready" not in served:
        t.join(0.01)
    new = add_study(writer, N + 1)
    with facets._LOCK, vectors._LOCK:  # "another thread is updating"
        go.set()
        for _ in range(300):
            if "during" in served:
                break
            t.join(0.01)
        assert "during" in served, "a request waited for another thread's cache update"
        assert served["during"][0] is old_t and served["during"][1] is old_m
    again.set()
    t.join(5)
    t_after, m_after = served["after"]
    assert new in t_after.ids and new in m_after.ids
    assert decoded(t_after) == decoded(fresh_facets(server))


def test_an_index_still_serving_during_a_rebuild_keeps_scoring_its_own_rows(tmp_path):
    """A request may score with the previous BM25 index while another thread rebuilds it (stale-while-
    revalidate); the rebuild moves the shared vocabulary on (new words get stored ids), which must not
    shift the old index's rows."""
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import AbstractSection, Record
    from physiohub.search import lexical

    path = tmp_path / "hub.db"
    server, writer = Store(path), Store(path)
    try:
        import_records(writer, [Record(source_format="jsonl", source_id=f"inv-{i}", title=f"Knee pain study {i}",
                                       abstract_sections=[AbstractSection(text="Exercise for knee pain.")])
                                for i in range(20)])
        lexical.index_terms(writer)
        import_records(writer, [Record(source_format="jsonl", source_id="inv-new", title="Zygapophyseal blocks",
                                       abstract_sections=[AbstractSection(text="Facet joint injections.")])])
        old = lexical.impacts(server)  # the new words have temporary ids here
        stems = lexical.query_stems("zygapophyseal blocks facet injections knee")
        before = {t: old.score([t]) for t in stems}
        assert all(v.max() > 0 for v in before.values())
        lexical.index_terms(writer)  # the words get stored ids
        new = lexical.impacts(server)
        assert new is not old
        for t in stems:
            assert np.array_equal(old.score([t]), before[t]), t
            assert np.allclose(new.score([t]), before[t]), t
    finally:
        lexical._CACHE.pop(server.url, None)
        server.close()
        writer.close()
