"""Embedding throughput, one run on one machine: NumPy path vs onnxruntime int8 (vs sentence-transformers).

    nice -n 10 .venv/bin/python bench/bench_embed.py [--n 240] [--rounds 2] [--st-python /tmp/st/bin/python]

Data: the first ``--n`` SciFact abstracts of ../shared/data/scifact/beir/corpus.derived.jsonl.gz,
embedded as ``title + " " + abstract`` (what ``physiohub index`` embeds), read at run time.

Paths, each timed over the same texts, in alternating rounds so that load from other processes on a
shared machine falls on all of them alike (the median round is reported, with process CPU time):

- ``numpy``: the exact NumPy forward pass (``embed.Embedder``), length-sorted batches of 32.
- ``onnx-int8``: the shipped default (``embed.OnnxEmbedder``), length-sorted batches of 32.
- ``onnx-int8 unsorted``: batches of 8 in corpus order (what length bucketing saves).
- ``onnx-int8 batch 8``: length-sorted batches of 8.
- ``sentence-transformers``: torch's CPU build, ``SentenceTransformer.encode(batch_size=32)`` on the
  same model folder, run by ``--st-python`` (a throwaway venv: torch is no PhysioHub dependency).

Also: cosine of each path's vectors to the NumPy ones (min, mean), and one-query latency (the first
``--queries`` SciFact claims, each embedded alone as a search does; median and p95 ms).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "scifact" / "beir" / "corpus.derived.jsonl.gz"
sys.path.insert(0, str(REPO))

from physiohub.search import embed  # noqa: E402

# Run in the sentence-transformers venv: reads texts, embeds `rounds` times, prints timings and vectors.
ST_CHILD = r"""
import json, sys, time, numpy as np
from sentence_transformers import SentenceTransformer
model_dir, texts_file, out_file, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
texts = json.load(open(texts_file))
m = SentenceTransformer(model_dir, device="cpu")
m.encode(texts[:8], batch_size=8)  # warm
times = []
for _ in range(rounds):
    t, c = time.perf_counter(), time.process_time()
    v = m.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    times.append((time.perf_counter() - t, time.process_time() - c))
np.save(out_file, v.astype(np.float32))
import torch, sentence_transformers
print(json.dumps({"times": times, "torch": torch.__version__, "st": sentence_transformers.__version__,
                  "threads": torch.get_num_threads()}))
"""


def read_texts(n: int) -> list[str]:
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out.append(f"{d.get('title') or ''} {d.get('text') or ''}".strip())
            if len(out) >= n:
                break
    return out


def timed(fn) -> tuple[float, float, np.ndarray]:
    t, c = time.perf_counter(), time.process_time()
    v = fn()
    return time.perf_counter() - t, time.process_time() - c, v


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=240, help="abstracts (default 240)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--queries", type=int, default=100, help="single-query latency over this many claims")
    ap.add_argument("--st-python", help="python of a venv with torch (CPU) + sentence-transformers")
    args = ap.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"SciFact corpus not found at {CORPUS}")
    texts = read_texts(args.n)
    exact = embed.Embedder()
    fast = embed.OnnxEmbedder()
    toks = exact.tokenize(texts)
    print(f"{len(texts)} abstracts, {sum(map(len, toks)) / len(toks):.0f} word pieces on average "
          f"(max {max(map(len, toks))}); {os.cpu_count()} CPUs", file=sys.stderr)

    def unsorted() -> np.ndarray:
        # chunks of 8 in corpus order, on the bulk session (encode() would put 8 texts on the query one)
        return np.concatenate([fast._encode_with(fast._bulk, texts[i : i + 8], np.zeros((len(texts[i : i + 8]), fast.dim),
                               np.float32), 8, None) for i in range(0, len(texts), 8)])

    paths = {
        "numpy": lambda: exact.encode(texts),
        "onnx-int8": lambda: fast.encode(texts),
        "onnx-int8 unsorted": unsorted,
        "onnx-int8 batch 8": lambda: fast.encode(texts, batch_size=8),
    }
    for name, fn in paths.items():  # warm thread pools and first-call allocations
        if name != "numpy":
            fn()
    exact.encode(texts[:32])
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in paths}
    vecs: dict[str, np.ndarray] = {}
    st_info = None
    for r in range(args.rounds):
        for name, fn in paths.items():
            wall, cpu, v = timed(fn)
            runs[name].append((wall, cpu))
            vecs[name] = v
            print(f"round {r + 1} {name:20s} {len(texts) / wall:7.1f}/s  cpu {cpu:6.1f}s", file=sys.stderr)
    if args.st_python:
        # after our rounds, then our paths again, so ST's time sits between two of our measurements
        with tempfile.TemporaryDirectory() as tmp:
            tf, of = Path(tmp) / "texts.json", Path(tmp) / "st.npy"
            tf.write_text(json.dumps(texts))
            proc = subprocess.run([args.st_python, "-c", ST_CHILD, str(embed.model_dir()), str(tf), str(of),
                                   str(args.rounds)], capture_output=True, text=True, check=True)
            st_info = json.loads(proc.stdout.strip().splitlines()[-1])
            runs["sentence-transformers"] = [tuple(t) for t in st_info["times"]]
            vecs["sentence-transformers"] = np.load(of)
        for name in ("numpy", "onnx-int8"):
            wall, cpu, v = timed(paths[name])
            runs[name].append((wall, cpu))
            print(f"after ST {name:20s} {len(texts) / wall:7.1f}/s  cpu {cpu:6.1f}s", file=sys.stderr)
    claims = [json.loads(line)["text"] for line in
              (CORPUS.parent / "queries.jsonl").read_text(encoding="utf-8").splitlines()[: args.queries]]
    latency = {}
    for name, e in (("numpy", exact), ("onnx-int8", fast)):
        e.encode([claims[0]])
        ms = []
        for q in claims:
            t = time.perf_counter()
            e.encode([q])
            ms.append((time.perf_counter() - t) * 1000)
        latency[name] = {"median_ms": round(statistics.median(ms), 2),
                         "p95_ms": round(statistics.quantiles(ms, n=20)[-1], 2)}
        print(f"one query {name:12s} median {latency[name]['median_ms']} ms  p95 {latency[name]['p95_ms']} ms",
              file=sys.stderr)
    base = statistics.median(len(texts) / w for w, _ in runs["numpy"])
    table = {}
    for name, rs in runs.items():
        rate = statistics.median(len(texts) / w for w, _ in rs)
        cpu_ms = statistics.median(c for _, c in rs) * 1000 / len(texts)
        cos = (vecs[name] * vecs["numpy"]).sum(1)
        table[name] = {"abstracts_per_s": round(rate, 1), "cpu_ms_per_abstract": round(cpu_ms, 1),
                       "x_numpy": round(rate / base, 2), "cos_min": round(float(cos.min()), 4),
                       "cos_mean": round(float(cos.mean()), 4), "rounds": len(rs)}
    import onnxruntime

    print(json.dumps({"abstracts": len(texts), "onnxruntime": onnxruntime.__version__,
                      "numpy": np.__version__, "sentence_transformers": st_info and
                      {k: st_info[k] for k in ("torch", "st", "threads")}, "results": table,
                      "one_query": latency}, indent=2))


if __name__ == "__main__":
    main()
