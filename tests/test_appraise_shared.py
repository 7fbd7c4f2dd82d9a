"""Regression guards on the shared datasets (skipped when ../shared/data is absent).

The full measurements live in bench/eval_appraise_*.py and docs/benchmarks.md; these only make sure a
change does not quietly break them.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from physiohub.appraise import appraise
from physiohub.models import AbstractSection, Record

LABELS = Path(__file__).resolve().parent / "fixtures" / "appraise" / "sample_size_labels.csv"

pytestmark = pytest.mark.shared_data


def _conll(path: Path) -> dict[str, list[list[str]]]:
    docs: dict[str, list[list[str]]] = {}
    cur_id, sents, cur = None, [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if cur_id:
                docs[cur_id] = sents + ([cur] if cur else [])
            cur_id, sents, cur = line.split("(")[-1].rstrip(")").strip(), [], []
        elif not line.strip():
            if cur:
                sents.append(cur)
            cur = []
        else:
            cur.append(line.split()[0])
    if cur_id:
        docs[cur_id] = sents + ([cur] if cur else [])
    return docs


def test_sample_size_on_hand_labels(shared_data):
    docs = _conll(shared_data / "ebm-nlp-pico" / "test.txt")
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    assert len(rows) >= 100
    right = stated = 0
    for r in rows:
        sents = docs[r["id"]]
        rec = Record(source_format="conll", title=" ".join(sents[0]),
                     abstract_sections=[AbstractSection(" ".join(" ".join(s) for s in sents[1:]))])
        n = appraise(rec)["n_participants"]
        if r["n"]:
            stated += 1
            right += n == int(r["n"])
    assert right / stated >= 0.85
