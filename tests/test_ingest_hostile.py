"""Hostile and broken input: refused with a one-line reason naming the file, no traceback, nothing stored harmed."""
from __future__ import annotations

import gzip
import os
import resource
from pathlib import Path

import pytest

from physiohub.errors import IngestError, UnsafeInputError
from physiohub.ingest import Rejected, read_path
from physiohub.ingest.detect import GuardedGzip
from physiohub.models import Record

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"
HOSTILE = FIX / "hostile"


def one_line(err: Exception) -> str:
    msg = str(err)
    assert "\n" not in msg and "Traceback" not in msg
    return msg


def test_external_entity_is_refused_and_never_read():
    with pytest.raises(UnsafeInputError) as e:
        list(read_path(HOSTILE / "xxe_file.xml"))
    msg = one_line(e.value)
    assert msg.startswith("xxe_file.xml: refused") and "entities" in msg


def test_billion_laughs_is_refused_quickly():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(UnsafeInputError, match="billion_laughs.xml: refused"):
        list(read_path(HOSTILE / "billion_laughs.xml"))
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KB: nothing expanded


def test_entity_declared_past_the_first_chunk_is_still_refused(tmp_path: Path):
    # A long comment pushes the internal subset beyond the first read; the prolog check must keep reading.
    body = (HOSTILE / "xxe_file.xml").read_text().replace("<!DOCTYPE", "<!--" + "x" * 2_000_000 + "-->\n<!DOCTYPE")
    p = tmp_path / "padded.xml"
    p.write_text(body)
    with pytest.raises(UnsafeInputError, match="declares entities"):
        list(read_path(p))
    p.write_text("<?xml version='1.0'?>\n<!--" + "x" * 5_000_000 + "-->\n<PubmedArticleSet/>")
    with pytest.raises(UnsafeInputError, match="more than 4 MB before the XML root"):
        list(read_path(p))


def test_truncated_xml_names_file_line_and_last_good_record():
    items = read_path(HOSTILE / "truncated.xml")
    first = next(items)
    assert isinstance(first, Record) and first.pmid == "90000081"
    with pytest.raises(IngestError) as e:
        list(items)
    msg = one_line(e.value)
    assert msg.startswith("truncated.xml: XML is truncated or malformed at line")
    assert "after PMID 90000081" in msg


def test_xml_that_is_not_pubmed():
    with pytest.raises(IngestError, match=r"not_pubmed.xml: not PubMed XML: root element <rss>"):
        list(read_path(HOSTILE / "not_pubmed.xml"))


def test_binary_junk_is_refused(tmp_path: Path):
    p = tmp_path / "junk.xml"
    p.write_bytes(os.urandom(4000) + b"\x00\x01\x02" * 50)
    with pytest.raises(UnsafeInputError) as e:
        read_path(p)
    assert one_line(e.value) == "junk.xml: refused: binary data (NUL bytes), not a text or XML file"


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_files(tmp_path: Path, content: bytes):
    p = tmp_path / "empty.ris"
    p.write_bytes(content)
    with pytest.raises(IngestError, match=r"^empty.ris: empty file$"):
        read_path(p)


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(IngestError, match="no such file"):
        read_path(tmp_path / "nope.ris")
    with pytest.raises(IngestError, match="is a folder"):
        read_path(tmp_path)


def test_latin1_ris_is_read_with_a_warning(caplog):
    (r,) = list(read_path(HOSTILE / "latin1.ris"))
    assert r.title == "Exercício físico inventado para dor lombar"
    assert r.authors[0].last == "Müller" and r.authors[0].fore == "José"
    assert r.extra["source_encoding"] == "cp1252"
    assert "latin1.ris: 4 bytes not valid UTF-8 (lines 2, 3) read as cp1252" in caplog.text


def test_utf16_with_bom(tmp_path: Path):
    p = tmp_path / "utf16.ris"
    p.write_bytes((FIX / "zotero.ris").read_text().encode("utf-16"))
    recs = [r for r in read_path(p) if isinstance(r, Record)]
    assert recs[0].pmid == "90000021"


def test_gzip_bomb_20mb_is_refused_early(tmp_path: Path):
    # ~20 MB of gzip that would expand to ~20 GB of spaces after a valid PubMed XML start.
    p = tmp_path / "pubmed_bomb.xml.gz"
    member = gzip.compress(b" " * (10 * 1024 * 1024), 9)
    with open(p, "wb") as f:
        f.write(gzip.compress(b'<?xml version="1.0"?>\n<PubmedArticleSet>\n'))
        for _ in range(20 * 1024 * 1024 // len(member)):
            f.write(member)
    assert p.stat().st_size > 19 * 1024 * 1024
    with pytest.raises(UnsafeInputError) as e:
        list(read_path(p))
    assert one_line(e.value) == "pubmed_bomb.xml.gz: refused: gzip expands more than 50x (possible gzip bomb)"


def test_gzip_size_cap(tmp_path: Path):
    p = tmp_path / "big.gz"
    p.write_bytes(gzip.compress(os.urandom(300_000)))  # incompressible: the ratio rule cannot fire
    g = GuardedGzip(p, max_bytes=100_000)
    with pytest.raises(UnsafeInputError, match="expands beyond"):
        g.read()
    g.close()


def test_damaged_gzip(tmp_path: Path):
    p = tmp_path / "cut.xml.gz"
    p.write_bytes(gzip.compress((FIX / "pubmed_small.xml").read_bytes())[:600])
    with pytest.raises(IngestError, match="cut.xml.gz: "):
        list(read_path(p))


def test_malformed_lines_are_rejected_not_fatal():
    items = list(read_path(FIX / "beir.jsonl"))
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert rejected[0].record == "line 3" and "\n" not in rejected[0].reason


def test_refused_file_leaves_the_store_untouched(store):
    from physiohub.ingest.pipeline import import_records

    first = import_records(store, read_path(FIX / "pubmed_small.xml"), file="pubmed_small.xml")
    assert first.added == 3
    before = store.query_one("SELECT count(*) FROM studies")[0]
    for bad in ("truncated.xml", "xxe_file.xml", "billion_laughs.xml"):
        with pytest.raises(IngestError):
            import_records(store, read_path(HOSTILE / bad), file=bad)
    assert store.query_one("SELECT count(*) FROM studies")[0] == before  # the truncated file's first record too
    again = import_records(store, read_path(FIX / "pubmed_small.xml"), file="pubmed_small.xml")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_uploaded_gzip_bytes_are_read_and_guarded():
    from physiohub.ingest import read_bytes

    data = gzip.compress((FIX / "zotero.ris").read_bytes())
    recs = [r for r in read_bytes(data, "export.ris.gz") if isinstance(r, Record)]
    assert recs[0].pmid == "90000021"
    bomb = gzip.compress(b"TY  - JOUR\n" + b" " * (30 * 1024 * 1024))
    with pytest.raises(UnsafeInputError, match="upload.ris.gz: refused: gzip expands more than 50x"):
        read_bytes(bomb, "upload.ris.gz")


def test_gzip_members_are_joined_and_checksums_checked(tmp_path: Path):
    data = (FIX / "sample.nbib").read_bytes()
    half = data.index(b"PMID- 90000012")
    p = tmp_path / "two_members.nbib.gz"
    p.write_bytes(gzip.compress(data[:half]) + gzip.compress(data[half:]))  # `cat a.gz b.gz`
    assert [r.pmid for r in read_path(p) if isinstance(r, Record)] == ["90000011", "90000012"]
    bad = bytearray(gzip.compress(data))
    bad[-6] ^= 0xFF  # CRC-32 in the trailer
    p.write_bytes(bytes(bad))
    with pytest.raises(IngestError, match="two_members.nbib.gz: damaged or truncated gzip data"):
        list(read_path(p))
