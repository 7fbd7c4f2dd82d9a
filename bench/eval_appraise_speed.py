"""Appraisal cost per record (CPU time, so other work on the machine does not inflate it).

Runs ``appraise`` over every record of ../shared/data/pubmed-xml several times and reports the mean
CPU milliseconds per record, overall and per step.
Usage: .venv/bin/python bench/eval_appraise_speed.py
"""
from __future__ import annotations

import time

from appraise_data import PUBMED_FILES, pubmed_records
from physiohub.appraise import appraise
from physiohub.appraise import design, numbers, pico, topics, verdict
from physiohub.appraise.doc import make_doc

ROUNDS = 5


def main() -> None:
    recs = [r for _, r in pubmed_records(PUBMED_FILES)]
    for r in recs:
        appraise(r)  # warm up: compiled patterns, lazy imports
    t = time.process_time()
    for _ in range(ROUNDS):
        for r in recs:
            appraise(r)
    per = (time.process_time() - t) / (ROUNDS * len(recs)) * 1000
    print(f"appraise(): {per:.3f} ms CPU per record over {len(recs)} records x {ROUNDS}")
    docs = [make_doc(r) for r in recs]
    steps = {
        "make_doc (sentences)": lambda: [make_doc(r) for r in recs],
        "design": lambda: [design.classify_design(d) for d in docs],
        "key numbers": lambda: [numbers.key_numbers(d, review=False) for d in docs],
        "pico rules": lambda: [pico.extract_pico(d) for d in docs],
        "topics": lambda: [topics.classify_topics(d) for d in docs],
        "verdict": lambda: [verdict.decide_verdict("randomised controlled trial", d.conclusion_sentences(),
                                                   d.result_sentences(), bool(d.sentences)) for d in docs],
    }
    for name, fn in steps.items():
        t = time.process_time()
        for _ in range(ROUNDS):
            fn()
        print(f"  {name:22} {(time.process_time() - t) / (ROUNDS * len(recs)) * 1000:.3f} ms")


if __name__ == "__main__":
    main()
