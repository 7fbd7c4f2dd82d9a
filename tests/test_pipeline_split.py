"""Large PubMed XML files cut at record boundaries and parsed by several processes (pubmed_split).

The fast path must give exactly what the one-process parser gives, and step aside (roll back, parse
in one process) whenever a piece does not parse alone.
"""
from __future__ import annotations

import io
import logging
import os
from pathlib import Path

import orjson
import pytest

from physiohub.errors import IngestError, UnsafeInputError
from physiohub.ingest import pipeline, pubmed_split, read_path
from physiohub.ingest.pipeline import import_path
from physiohub.ingest.pubmed_split import SplitUnsuitable, parse_piece, pieces
from physiohub.models import Record
from physiohub.store import Store

from test_pipeline_parallel import FIX, big_file, dump


def split_records(data: bytes) -> list:
    """What the workers produce, in order, from one stream (positions made file-wide as the writer does)."""
    out, seen = [], 0
    for piece, last in pieces(io.BytesIO(data), "t.xml"):
        items, count, _ = parse_piece(piece, last=last)
        for item in items:
            if not isinstance(item, Record) and item.record.startswith("#"):
                item.record = f"#{seen + int(item.record[1:])}"
            out.append(item)
        seen += count
    return out


def as_json(items: list) -> list[bytes]:
    return [orjson.dumps(i) if isinstance(i, Record) else repr(i).encode() for i in items]


@pytest.fixture
def small_pieces(monkeypatch):
    monkeypatch.setattr(pubmed_split, "READ", 3000)  # many pieces from a small file


def test_pieces_give_the_same_records_as_one_parser(small_pieces, tmp_path):
    path = big_file(tmp_path)
    assert as_json(split_records(path.read_bytes())) == as_json(list(read_path(path)))


def test_every_shared_pubmed_record_is_the_same_through_pieces(small_pieces, shared_data: Path):
    for f in sorted((shared_data / "pubmed-xml").glob("*.xml")):
        data = f.read_bytes()
        try:
            got = split_records(data)
        except SplitUnsuitable:
            continue  # e.g. a PubmedBookArticleSet root: the one-process parser takes it
        assert as_json(got) == as_json(list(read_path(f))), f.name


def spy(monkeypatch, name: str) -> list[tuple]:
    """Record the arguments of every call to ``pipeline.<name>`` (which still runs)."""
    calls: list[tuple] = []
    real = getattr(pipeline, name)

    def recording(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(pipeline, name, recording)
    return calls


def test_big_file_uses_the_workers_and_equals_sequential(tmp_path, monkeypatch):
    used = spy(monkeypatch, "_consume_pieces")
    path = big_file(tmp_path)
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    assert import_path(a, path, parallel=True).added == 1400
    import_path(b, path, parallel=False)
    assert used and dump(a) == dump(b)


def test_the_writer_parses_pieces_when_idle_and_the_result_is_the_same(small_pieces, tmp_path, monkeypatch):
    # Never waiting for the workers, the writer takes many pieces itself; the order must not change.
    monkeypatch.setattr(pipeline, "HELP_AFTER", 0)
    own = spy(monkeypatch, "_parse_prepared_local")
    path = big_file(tmp_path)
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    assert import_path(a, path, parallel=True).added == 1400
    import_path(b, path, parallel=False)
    assert own and dump(a) == dump(b)


def test_a_worker_dying_with_a_piece_is_one_line_error_and_nothing_stored(tmp_path, monkeypatch):
    def dying(path, counter, q):
        pipeline._claim(counter, 0)  # takes the first piece, then dies without a word
        os._exit(1)

    monkeypatch.setattr(pipeline, "_produce_pieces", dying)
    monkeypatch.setattr(pipeline, "HELP_AFTER", 0.5)  # the worker claims before the writer looks
    store = Store(tmp_path / "a.db")
    with pytest.raises(IngestError, match="stopped unexpectedly"):
        import_path(store, big_file(tmp_path), parallel=True)
    assert store.query_one("SELECT count(*) FROM studies")[0] == 0


def _with(tmp_path: Path, name: str, old: bytes, new: bytes, *, last: bool = False) -> Path:
    """The big file with the first (or last) ``old`` replaced by ``new``."""
    data = big_file(tmp_path).read_bytes()
    assert old in data
    p = tmp_path / name
    if last:
        head, _, tail = data.rpartition(old)
        p.write_bytes(head + new + tail)
    else:
        p.write_bytes(data.replace(old, new, 1))
    return p


def test_comments_holding_end_tags_fall_back_and_import_right(small_pieces, tmp_path, caplog):
    # From record 1000 on, every record is followed by a comment holding an end tag, so the cuts land in
    # comments and the pieces cannot parse alone: the first attempt stores (and counts) about 1000
    # records, rolls back, and the file must still import exactly.
    data = big_file(tmp_path).read_bytes()
    end = b"</PubmedArticle>\n"
    at = 0
    for _ in range(1000):
        at = data.index(end, at) + len(end)
    path = tmp_path / "comment.xml"
    path.write_bytes(data[:at] + data[at:].replace(end, b"</PubmedArticle><!-- a </PubmedArticle> -->\n"))
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    progress: list[int] = []
    with caplog.at_level(logging.INFO, logger="physiohub.ingest"):
        sa = import_path(a, path, parallel=True, on_item=progress.append)
    import_path(b, path, parallel=False)
    assert sa.added == 1400 and dump(a) == dump(b)
    assert "parsed in one process" in caplog.text
    assert sum(progress) == 1400  # the progress bar ends at the file's count, not counted twice


def test_a_comment_after_the_last_record_stays_in_the_last_piece(tmp_path, caplog):
    # The last piece is everything after the last cut, so a comment there needs no fallback.
    path = _with(tmp_path, "comment.xml", b"</PubmedArticle>\n", b"</PubmedArticle><!-- a </PubmedArticle> -->\n",
                 last=True)
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    with caplog.at_level(logging.INFO, logger="physiohub.ingest"):
        sa = import_path(a, path, parallel=True)
    import_path(b, path, parallel=False)
    assert sa.added == 1400 and dump(a) == dump(b)
    assert "parsed in one process" not in caplog.text


def test_a_record_without_pmid_is_rejected_at_its_file_position(tmp_path):
    path = _with(tmp_path, "nopmid.xml", b'<PMID Version="1">8000001</PMID>', b"")
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    sa = import_path(a, path, parallel=True)
    sb = import_path(b, path, parallel=False)
    assert sa.rejected == sb.rejected == 1
    assert sa.rejections == sb.rejections
    assert dump(a) == dump(b)


def test_entity_declarations_are_refused_not_retried(tmp_path):
    path = _with(tmp_path, "xxe.xml", b"<PubmedArticleSet>",
                 b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<PubmedArticleSet>')
    store = Store(tmp_path / "a.db")
    with pytest.raises(UnsafeInputError, match="entities"):
        import_path(store, path, parallel=True)
    assert store.query_one("SELECT count(*) FROM studies")[0] == 0


def test_other_encodings_and_roots_take_the_one_process_parser():
    with pytest.raises(SplitUnsuitable, match="UTF-8"):
        list(pieces(io.BytesIO(b'<?xml version="1.0" encoding="ISO-8859-1"?><PubmedArticleSet></PubmedArticleSet>'),
                    "t.xml"))
    with pytest.raises(SplitUnsuitable, match="root"):
        list(pieces(io.BytesIO(b"<PubmedBookArticleSet></PubmedBookArticleSet>"), "t.xml"))


def test_truncated_big_file_still_names_the_file_and_stores_nothing(tmp_path):
    path = big_file(tmp_path)
    cut = tmp_path / "cut.xml"
    cut.write_bytes(path.read_bytes()[:-5000])
    store = Store(tmp_path / "a.db")
    import_path(store, FIX, parallel=True)
    before = dump(store)
    with pytest.raises(IngestError, match="cut.xml"):
        import_path(store, cut, parallel=True)
    assert dump(store) == before


def test_delete_citations_are_reported_once(tmp_path, caplog):
    path = _with(tmp_path, "update.xml", b"</PubmedArticleSet>",
                 b"<DeleteCitation><PMID Version=\"1\">123</PMID><PMID Version=\"1\">456</PMID></DeleteCitation>"
                 b"</PubmedArticleSet>")
    store = Store(tmp_path / "a.db")
    with caplog.at_level(logging.WARNING, logger="physiohub.ingest"):
        assert import_path(store, path, parallel=True).added == 1400
    assert caplog.text.count("2 DeleteCitation PMID(s)") == 1
