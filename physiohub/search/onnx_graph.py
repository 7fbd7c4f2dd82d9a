"""An int8 ONNX graph of the embedding model, built from its safetensors weights (no torch).

``physiohub index`` spends nearly all its time in the 6-layer BERT encoder. onnxruntime runs it with
fused kernels (attention, bias + GELU, residual + LayerNorm in one pass each) and, after dynamic
quantisation, int8 matrix products (VNNI/AVX2): ~3-5x the NumPy forward pass on the same CPU, with
vectors at cosine >= 0.99 to the exact ones and the same SciFact ranking quality
(docs/benchmarks.md, "Embedding with onnxruntime int8").

The graph is written with the ``onnx`` helper API straight from the weight tensors, using
onnxruntime's contrib operators (``com.microsoft``: Attention, SkipLayerNormalization, BiasGelu),
which is what onnxruntime's own BERT optimiser produces from an exported graph. It is built once,
quantised with ``onnxruntime.quantization.quantize_dynamic`` and cached on disk under a name that
pins the model, onnxruntime and this builder's version.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import numpy as np

BUILDER_VERSION = 2  # bump when the graph or quantisation changes: a new file name, a rebuild
OPSET = 17


def cache_dir() -> Path:
    """Where built graphs live: ``PHYSIOHUB_CACHE_DIR`` if set, else the user's cache folder."""
    from .. import config

    base = config.get("cache_dir")
    if base:
        return Path(base) / "models"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "physiohub" / "models"


def graph_name(model_path: Path) -> str:
    import onnxruntime

    st = (model_path / "model.safetensors").stat()
    key = f"{model_path}|{st.st_size}|{st.st_mtime_ns}|{onnxruntime.__version__}|{BUILDER_VERSION}"
    return f"minilm-int8-{hashlib.sha1(key.encode()).hexdigest()[:16]}.onnx"


def build_float_graph(model_path: Path):
    """The encoder as an ONNX ModelProto: (input_ids int64, attention_mask int32) -> hidden (B, L, H)."""
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    cfg = json.loads((model_path / "config.json").read_text())
    heads = int(cfg["num_attention_heads"])
    eps = float(cfg.get("layer_norm_eps", 1e-12))
    w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in load_file(str(model_path / "model.safetensors")).items()}
    inits = []

    def const(name: str, arr: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    nodes = []

    def node(op: str, inputs: list[str], out: str, domain: str = "", **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [out], name=out, domain=domain, **attrs))
        return out

    const("word", w["embeddings.word_embeddings.weight"])
    const("pos", w["embeddings.position_embeddings.weight"])
    const("type0", w["embeddings.token_type_embeddings.weight"][0])
    const("emb_g", w["embeddings.LayerNorm.weight"])
    const("emb_b", w["embeddings.LayerNorm.bias"])
    const("zero", np.array([0], dtype=np.int64))
    const("one", np.array([1], dtype=np.int64))
    const("two", np.array([2], dtype=np.int64))
    # Position rows 0..L-1 as a slice of the table (1-D bounds throughout: onnxruntime's embedding
    # fusion mis-handles a scalar length fed to Range).
    node("Shape", ["input_ids"], "ids_shape")
    node("Slice", ["ids_shape", "one", "two"], "seq_len")
    node("Slice", ["pos", "zero", "seq_len", "zero"], "e_pos")
    node("Gather", ["word", "input_ids"], "e_word")
    node("Add", ["e_word", "e_pos"], "e_sum")
    node("Add", ["e_sum", "type0"], "e_all")
    x = node("LayerNormalization", ["e_all", "emb_g", "emb_b"], "x0", axis=-1, epsilon=eps)
    for i in range(int(cfg["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        qkv_w = np.concatenate([w[p + f"attention.self.{n}.weight"].T for n in ("query", "key", "value")], axis=1)
        qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
        att = node("Attention", [x, const(f"l{i}_qkv_w", qkv_w), const(f"l{i}_qkv_b", qkv_b), "attention_mask"],
                   f"l{i}_att", domain="com.microsoft", num_heads=heads)
        o = node("MatMul", [att, const(f"l{i}_o_w", w[p + "attention.output.dense.weight"].T)], f"l{i}_o")
        x = node("SkipLayerNormalization",
                 [o, x, const(f"l{i}_ln1_g", w[p + "attention.output.LayerNorm.weight"]),
                  const(f"l{i}_ln1_b", w[p + "attention.output.LayerNorm.bias"]),
                  const(f"l{i}_o_b", w[p + "attention.output.dense.bias"])],
                 f"l{i}_x1", domain="com.microsoft", epsilon=eps)
        h = node("MatMul", [x, const(f"l{i}_i_w", w[p + "intermediate.dense.weight"].T)], f"l{i}_i")
        g = node("BiasGelu", [h, const(f"l{i}_i_b", w[p + "intermediate.dense.bias"])], f"l{i}_gelu",
                 domain="com.microsoft")
        f = node("MatMul", [g, const(f"l{i}_f_w", w[p + "output.dense.weight"].T)], f"l{i}_f")
        x = node("SkipLayerNormalization",
                 [f, x, const(f"l{i}_ln2_g", w[p + "output.LayerNorm.weight"]),
                  const(f"l{i}_ln2_b", w[p + "output.LayerNorm.bias"]),
                  const(f"l{i}_f_b", w[p + "output.dense.bias"])],
                 f"l{i}_x2", domain="com.microsoft", epsilon=eps)
    nodes.append(helper.make_node("Identity", [x], ["hidden"], name="hidden"))
    dim = int(cfg["hidden_size"])
    graph = helper.make_graph(
        nodes, "minilm",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT32, ["batch", "seq"])],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "seq", dim])],
        inits,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)],
                             producer_name="physiohub")


def build_int8(model_path: Path, out: Path) -> Path:
    """Build the float graph, quantise its matrix products to int8 (weights per channel), write ``out``."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        onnx.save(build_float_graph(model_path), str(fp32))
        part = Path(tmp) / "int8.onnx"
        n_layers = int(json.loads((model_path / "config.json").read_text())["num_hidden_layers"])
        with _quiet_root_log():
            quantize_dynamic(str(fp32), str(part), weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul", "Attention"],
                             # The FFN output product reads post-GELU activations with outliers that one
                             # per-tensor int8 scale flattens: kept float it lifts the worst cosine to the
                             # exact vectors from 0.979 to 0.991 (mean 0.997) for ~15% of the speed.
                             nodes_to_exclude=[f"l{i}_f" for i in range(n_layers)],
                             # onnx's shape inference does not know the contrib operators' output types
                             extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        os.replace(part, out)  # atomic: a concurrent reader sees the whole file or none
    return out


class _quiet_root_log:
    """Drop quantize_dynamic's advice to pre-process, logged on the root logger at every build."""

    def filter(self, record) -> bool:
        return "pre-processing before quantization" not in record.getMessage()

    def __enter__(self):
        import logging

        logging.getLogger().addFilter(self)
        return self

    def __exit__(self, *exc) -> None:
        import logging

        logging.getLogger().removeFilter(self)


def int8_graph(model_path: Path) -> Path:
    """The cached int8 graph, built on first use (a few seconds)."""
    path = cache_dir() / graph_name(model_path)
    if not path.is_file():
        build_int8(model_path, path)
    return path
