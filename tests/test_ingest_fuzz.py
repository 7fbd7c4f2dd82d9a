"""Damaged input never escapes as a traceback: every importer either yields records/rejections or
raises ``IngestError`` (the CLI turns that into one line), whatever the bytes."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from physiohub.errors import IngestError
from physiohub.ingest import FORMATS, Rejected, read_bytes
from physiohub.models import Record

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"
SAMPLES = {
    "pubmed-xml": "pubmed_small.xml", "medline": "sample.nbib", "ris": "zotero.ris", "bibtex": "scopus.bib",
    "crossref-json": "crossref_work.json", "jsonl": "beir.jsonl", "csv": "pubmed_export.csv",
}
DATA = {fmt: (FIX / name).read_bytes() for fmt, name in SAMPLES.items()}


def consume(data: bytes, name: str, fmt: str) -> None:
    try:
        for item in read_bytes(data, name, fmt):
            assert isinstance(item, (Record, Rejected))
            if isinstance(item, Rejected):
                assert "\n" not in item.reason
    except IngestError as e:
        assert "\n" not in str(e)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fmt=st.sampled_from(sorted(SAMPLES)), cut=st.floats(0, 1), flips=st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=6))
def test_truncated_and_corrupted_files(fmt: str, cut: float, flips: list[tuple[float, int]]):
    data = bytearray(DATA[fmt][: max(1, int(len(DATA[fmt]) * cut))])
    for pos, byte in flips:
        data[min(len(data) - 1, int(len(data) * pos))] = byte
    consume(bytes(data), SAMPLES[fmt], fmt)
    consume(bytes(data), SAMPLES[fmt], "auto")


@settings(max_examples=60, deadline=None)
@given(blob=st.binary(min_size=1, max_size=400), fmt=st.sampled_from(["auto", *sorted(FORMATS)]))
def test_arbitrary_bytes(blob: bytes, fmt: str):
    consume(blob, "upload.bin", fmt)
