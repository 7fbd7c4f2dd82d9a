"""PICO on EBM-NLP test (expert labels): token-level F1 for P, I and O, beside the published figures.

Two taggers: the rules that run inside import (physiohub.appraise.pico, population / intervention +
comparison / outcomes spans mapped onto tokens) and the trained tagger of the batched deep path
(physiohub.appraise.pico_model, trained on EBM-NLP dev only by bench/train_appraise_pico.py).
Published token-level F1 on this test set (see ../shared/data/ebm-nlp-pico/README.md): SciBERT about
72.3 macro, PubMedBERT about 73.4, BioBERT about 73.2; Nye et al. 2018 LSTM-CRF roughly 0.4-0.7 per element.
Usage: .venv/bin/python bench/eval_appraise_pico.py [--dev]  (--dev: the rules on EBM-NLP dev, for rule development)
"""
from __future__ import annotations

import sys
import time

from appraise_data import DATA, conll_docs
from physiohub.appraise import pico_model as pm
from physiohub.appraise.doc import make_doc
from physiohub.appraise.pico import extract_pico
from physiohub.models import AbstractSection, Record

TAG = {"O": "O", "I-PAR": "PAR", "I-INT": "INT", "I-OUT": "OUT"}
KEY_TO_TAG = {"population": "PAR", "intervention": "INT", "comparison": "INT", "outcomes": "OUT"}


def f1s(gold: list[str], pred: list[str]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for lab in ("PAR", "INT", "OUT"):
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def rules_labels(sents: list[list[str]]) -> list[str]:
    """Run the rule tagger on the document rebuilt as a record (first sentence = title)."""
    title_toks, body = sents[0], sents[1:]
    title = " ".join(title_toks)
    offsets_title = []
    pos = 0
    for t in title_toks:
        offsets_title.append((pos, pos + len(t)))
        pos += len(t) + 1
    text_parts, offsets_body, pos = [], [], 0
    for s in body:
        for t in s:
            offsets_body.append((pos, pos + len(t)))
            text_parts.append(t)
            pos += len(t) + 1
    abstract = " ".join(text_parts)
    rec = Record(source_format="conll", title=title, abstract_sections=[AbstractSection(abstract)] if abstract else [])
    spans = extract_pico(make_doc(rec))
    labels_t = ["O"] * len(offsets_title)
    labels_b = ["O"] * len(offsets_body)
    for key, items in spans.items():
        for it in items:
            target, offs = (labels_t, offsets_title) if it["field"] == "title" else (labels_b, offsets_body)
            for i, (a, b) in enumerate(offs):
                if a >= it["start"] and b <= it["end"] and target[i] == "O":
                    target[i] = KEY_TO_TAG[key]
    return labels_t + labels_b


def main() -> None:
    if "--dev" in sys.argv:
        # Rule development reads EBM-NLP dev (crowd labels) only; the test figure is reported.
        docs = list(conll_docs(DATA / "ebm-nlp-pico" / "dev.txt"))
        gold = [TAG.get(lab, "O") for _, sents in docs for s in sents for _, lab in s]
        rules = [lab for _, sents in docs for lab in rules_labels([[t for t, _ in s] for s in sents])]
        res = f1s(gold, rules)
        print(f"EBM-NLP dev (crowd labels): {len(docs)} abstracts; rules macro F1 {sum(v[2] for v in res.values()) / 3:.3f}")
        for lab, (p_, r_, f_) in res.items():
            print(f"  {lab}: P {p_:.3f} R {r_:.3f} F1 {f_:.3f}")
        return
    docs = list(conll_docs(DATA / "ebm-nlp-pico" / "test.txt"))
    gold = [TAG.get(lab, "O") for _, sents in docs for s in sents for _, lab in s]
    token_docs = [[[t for t, _ in s] for s in sents] for _, sents in docs]
    t0 = time.process_time()
    rules = [lab for d in token_docs for lab in rules_labels(d)]
    t_rules = time.process_time() - t0
    t0 = time.perf_counter()
    pm.predict_docs(token_docs[:2])  # load the model and scikit-learn once (a few seconds), not timed below
    print(f"model load: {time.perf_counter() - t0:.1f} s")
    t0 = time.process_time()
    model = [lab for labs in pm.predict_docs(token_docs) for lab in labs]
    t_model = time.process_time() - t0
    print(f"EBM-NLP test: {len(docs)} abstracts, {len(gold)} tokens")
    for name, pred, secs in (("rules (import path)", rules, t_rules), ("model (deep path)", model, t_model)):
        res = f1s(gold, pred)
        macro = sum(v[2] for v in res.values()) / 3
        print(f"{name}: macro F1 {macro:.3f}  ({secs / len(docs) * 1000:.1f} ms CPU/abstract)")
        for lab, (p, r, f) in res.items():
            print(f"  {lab}: P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
