"""Property tests: whatever the text, appraisal answers with known labels and spans that point home."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from physiohub.appraise import DESIGNS, appraise
from physiohub.appraise.evidence import LEVELS
from physiohub.taxonomy import VERDICTS
from physiohub.models import AbstractSection, Record

WORDS = ("patients", "were", "randomised", "to", "a", "total", "of", "12", "1,204", "n", "=", "(", ")", "95%", "CI",
         "SMD", "-0.4", "0.2", "trials", "included", "follow-up", "months", "p", "<", "0.05", "review", "case",
         "we", "report", "year-old", "woman", "knee", "pain", "low-certainty", "evidence", "İstanbul", "µg", ".", ",")
text = st.lists(st.sampled_from(WORDS), min_size=0, max_size=120).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(title=text, body=text, label=st.sampled_from(["", "METHODS", "RESULTS", "CONCLUSIONS"]))
def test_labels_are_known_and_spans_point_into_the_source(title, body, label):
    r = Record(source_format="jsonl", title=title,
               abstract_sections=[AbstractSection(body, label, label)] if body else [])
    a = appraise(r)
    assert a["design"] in DESIGNS and a["evidence"] in LEVELS and a["verdict"] in VERDICTS
    assert a["evidence_reasons"] and a["evidence_reasons"][0].startswith("Started at")
    for item in a["key_numbers"]:
        source = r.title if item["field"] == "title" else r.abstract
        assert source[item["start"]:item["end"]] == item["text"]
    for spans in a["pico"].values():
        for s in spans:
            source = r.title if s["field"] == "title" else r.abstract
            assert source[s["start"]:s["end"]] == s["text"]
