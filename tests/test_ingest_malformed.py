"""Malformed and oversized input inside otherwise good files (issue 14, items 9-13): the bad record is
rejected (or repaired) with a one-line reason, the good records around it are kept exactly."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from physiohub.errors import IngestError, StoreError, UnsafeInputError
from physiohub.ingest import Rejected, read_bytes, read_path
from physiohub.ingest.limits import MAX_ABSTRACT, MAX_TITLE
from physiohub.ingest.pipeline import import_path, import_records
from physiohub.models import Record

XXE_TARGET = "/etc/hostname"


def split(items) -> tuple[list[Record], list[Rejected]]:
    items = list(items)
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Rejected)]


# -- 9. CSV: an unclosed quote -----------------------------------------------------------------
CSV_HEAD = "title,abstract,year\n"


def test_csv_unclosed_quote_at_the_end_rejects_that_row_and_keeps_the_others():
    text = (CSV_HEAD + '"Hip exercise for knee pain",Adults did better.,2001\n'
            '"Taping for ankle sprain,Athletes did better.,2002\n'      # the quote is never closed
            "Dry needling for neck pain,Office workers did better.,2003\n"
            "Manual therapy for low back pain,Nurses did better.,2004\n")
    recs, rej = split(read_bytes(text.encode(), "export.csv"))
    assert [r.title for r in recs] == ["Hip exercise for knee pain", "Dry needling for neck pain",
                                       "Manual therapy for low back pain"]
    assert [r.year for r in recs] == [2001, 2003, 2004]
    assert len(rej) == 1 and rej[0].record == "line 3"
    assert "quote" in rej[0].reason and "\n" not in rej[0].reason


def test_csv_quote_closed_on_a_later_row_does_not_merge_rows():
    text = (CSV_HEAD + '"Taping for ankle sprain,Athletes did better.,2002\n'
            '"Dry needling for neck pain",Office workers did better.,2003\n'
            'Education for shoulder pain,"Clerks, mostly, did better.",2004\n')
    recs, rej = split(read_bytes(text.encode(), "export.csv"))
    assert [r.title for r in recs] == ["Dry needling for neck pain", "Education for shoulder pain"]
    assert recs[1].abstract == "Clerks, mostly, did better."
    assert [r.record for r in rej] == ["line 2"]


def test_csv_quoted_field_over_several_lines_is_still_one_good_row():
    text = (CSV_HEAD + '"Hip exercise for knee pain","First paragraph.\nSecond paragraph.",2001\n'
            "Dry needling for neck pain,Office workers did better.,2003\n")
    recs, rej = split(read_bytes(text.encode(), "export.csv"))
    assert not rej
    assert recs[0].abstract == "First paragraph. Second paragraph."  # the line break is a space, not lost
    assert recs[1].source_id == "line 4"  # line numbers count the physical lines


def test_csv_import_reports_the_rejected_line(store):
    text = CSV_HEAD + "Good one,abc,2001\n" + '"Bad one,abc,2002\n' + "Good two,abc,2003\n"
    s = import_records(store, read_bytes(text.encode(), "x.csv"), file="x.csv")
    assert (s.added, s.rejected) == (2, 1)
    assert s.rejections[0]["record"] == "line 3"


# -- 10. RIS: one record rispy cannot read -----------------------------------------------------
GOOD_RIS = "TY  - JOUR\nTI  - {title}\nAB  - Exercise helped.\nER  - \n\n"


def test_one_ris_record_rispy_chokes_on_is_one_rejection():
    bad = "TY  - JOUR\nTI  - Odd tags\nUK  - first\nZZ  - second\nER  - \n\n"  # TypeError inside rispy
    text = GOOD_RIS.format(title="Knee exercise") + bad + GOOD_RIS.format(title="Hip exercise")
    recs, rej = split(read_bytes(text.encode(), "refs.ris"))
    assert [r.title for r in recs] == ["Knee exercise", "Hip exercise"]
    assert len(rej) == 1 and rej[0].record == "#2"
    assert "line 6" in rej[0].reason and "malformed RIS" in rej[0].reason


def test_ris_repeated_single_value_tags_do_not_crash_the_file():
    odd = ("TY  - JOUR\nTI  - Repeated tags\nAN  - 12345\nAN  - 67890\nAD  - Dept A\nAD  - Dept B\n"
           "AU  - Smith, J\nER  - \n\n")
    text = odd + GOOD_RIS.format(title="Hip exercise")
    recs, rej = split(read_bytes(text.encode(), "refs.ris"))
    assert not rej
    assert recs[0].title == "Repeated tags" and recs[0].pmid == "12345"
    assert recs[0].authors[0].affiliations == ["Dept A"]


# -- 11. field lengths -----------------------------------------------------------------------------
def test_bibtex_with_a_huge_title_is_rejected_fast_and_neighbours_kept():
    huge = "Exercise and knee pain \\'e " * 60_000  # 1.6 MB, LaTeX escapes throughout
    text = ("@article{good1, title={Hip exercise for knee pain}, year={2020}}\n"
            "@article{huge, title={" + huge + "}, year={2020}}\n"
            "@article{good2, title={Caf{\\'e} workers' neck pain}, year={2021}}\n")
    t0 = time.process_time()
    recs, rej = split(read_bytes(text.encode(), "refs.bib"))
    assert time.process_time() - t0 < 5  # CPU time: a busy machine must not trip it
    assert [r.title for r in recs] == ["Hip exercise for knee pain", "Café workers' neck pain"]
    assert len(rej) == 1 and rej[0].record == "huge"
    assert "title" in rej[0].reason and f"{MAX_TITLE:,}" in rej[0].reason


def test_bibtex_plain_fields_skip_the_latex_decoder_with_the_same_result(monkeypatch):
    from pylatexenc.latex2text import LatexNodes2Text

    seen: list[str] = []
    real = LatexNodes2Text.latex_to_text

    def spy(self, text, **kw):
        seen.append(text)
        return real(self, text, **kw)

    monkeypatch.setattr(LatexNodes2Text, "latex_to_text", spy)
    abstract = "Pain fell with exercise in adults. " * 2_500  # 87k characters, no LaTeX
    text = ("@article{a, title={Caf{\\'e} workers}, abstract={" + abstract + "}, year={2020},"
            " references={" + "Smith J. Knee pain. " * 5_000 + "}}\n")  # a long field we never read
    (rec,) = read_bytes(text.encode(), "refs.bib")
    assert rec.title == "Café workers" and rec.abstract == abstract.strip()
    assert seen == ["Caf{\\'e} workers"]  # only the value with LaTeX in it went through the decoder


@pytest.mark.parametrize("fmt", ["ris", "jsonl", "csv"])
def test_a_ten_megabyte_title_is_rejected_with_its_length(store, fmt):
    huge = "knee" * 2_500_000
    if fmt == "ris":
        data = GOOD_RIS.format(title="Knee exercise") + GOOD_RIS.format(title=huge)
        name = "refs.ris"
    elif fmt == "jsonl":
        data = '{"_id": "a", "title": "Knee exercise"}\n{"_id": "b", "title": "%s"}\n' % huge
        name = "refs.jsonl"
    else:
        data = CSV_HEAD + "Knee exercise,abc,2001\n" + huge + ",abc,2002\n"
        name = "refs.csv"
    s = import_records(store, read_bytes(data.encode(), name), file=name)
    assert (s.added, s.rejected) == (1, 1)
    reason = s.rejections[0]["reason"]
    if fmt == "csv":  # Python's csv module stops at its field size limit first
        assert s.rejections[0]["record"] == "line 3" and "field larger than field limit" in reason
    else:
        assert reason.startswith("title is 10,000,000 characters") and f"{MAX_TITLE:,}" in reason
    assert store.query_one("SELECT max(length(record)) FROM studies")[0] < 10_000


def test_an_overlong_abstract_is_rejected(store):
    rec = Record(source_format="jsonl", source_id="x", title="Knee pain")
    from physiohub.models import AbstractSection

    rec.abstract_sections = [AbstractSection("Pain fell. " * (MAX_ABSTRACT // 10))]
    s = import_records(store, [rec], file="x.jsonl")
    assert s.rejected == 1 and s.rejections[0]["reason"].startswith("abstract is ")


# -- 12. one invalid byte in a UTF-8 file --------------------------------------------------------
def test_one_stray_byte_leaves_the_good_utf8_records_intact(caplog):
    text = (GOOD_RIS.format(title="Müller's knee study in Zürich").encode()
            + GOOD_RIS.format(title="Caf\xe9 workers").encode("cp1252")  # one cp1252 byte
            + GOOD_RIS.format(title="Ångström and naïve São Paulo").encode())
    recs, rej = split(read_bytes(text, "refs.ris"))
    assert not rej
    assert [r.title for r in recs] == ["Müller's knee study in Zürich", "Café workers",
                                       "Ångström and naïve São Paulo"]
    assert "source_encoding" not in recs[0].extra and "source_encoding" not in recs[2].extra
    assert recs[1].extra["source_encoding"] == "cp1252"
    assert "refs.ris: 1 byte not valid UTF-8 (line 7) read as cp1252" in caplog.text


def test_stray_byte_repair_is_reported_per_record_in_the_summary(store):
    text = ("title,abstract,year\nMüller knee study,abc,2001\n".encode()
            + "Caf\xe9 workers,abc,2002\n".encode("cp1252") + "Zoë hip study,abc,2003\n".encode())
    s = import_records(store, read_bytes(text, "x.csv"), file="x.csv")
    assert s.added == 3
    titles = [r[0] for r in store.query("SELECT title FROM studies ORDER BY id")]
    assert titles == ["Müller knee study", "Café workers", "Zoë hip study"]
    assert s.notes == [{"file": "x.csv", "record": "line 3",
                        "note": "1 byte not valid UTF-8 read as cp1252 (line 3)"}]


def test_stray_byte_in_bibtex():
    text = ("@article{a, title={Müller knee study}, year={2020}}\n".encode()
            + "@article{b, title={Caf\xe9 workers}, year={2020}}\n".encode("cp1252"))
    recs, _ = split(read_bytes(text, "x.bib"))
    assert [r.title for r in recs] == ["Müller knee study", "Café workers"]
    assert "source_encoding" not in recs[0].extra and recs[1].extra["source_encoding"] == "cp1252"


# -- 13. deep JSON, full disk, NUL bytes, DOCTYPE comments -----------------------------------------
def test_deeply_nested_crossref_json_is_one_line_error(tmp_path: Path):
    p = tmp_path / "works.json"
    p.write_text('{"message-type": "work", "DOI": "10.1/x", "title": ["a"], "z": ' + "[" * 100_000
                  + "]" * 100_000 + "}")
    with pytest.raises(IngestError) as e:
        list(read_path(p))
    assert str(e.value) == "works.json: invalid JSON: nested too deeply"


def test_deeply_nested_jsonl_line_is_one_rejection(tmp_path: Path, store):
    p = tmp_path / "refs.jsonl"
    p.write_text('{"_id": "a", "title": "Knee exercise"}\n'
                 '{"_id": "b", "title": "x", "z": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
                 '{"record": {"source_format": "jsonl", "source_id": "c", "title": "Deep extra",'
                 ' "extra": {"z": ' + "[" * 400 + "]" * 400 + "}}}\n"
                 '{"_id": "d", "title": "Hip exercise"}\n')
    s = import_path(store, p)
    assert (s.added, s.rejected) == (2, 2)
    assert [(r["record"], r["reason"]) for r in s.rejections] == [
        ("line 2", "invalid JSON: nested too deeply"), ("c", "record is nested too deeply to store")]


def test_full_disk_is_its_own_one_line_reason_and_stores_nothing(tmp_path: Path):
    from physiohub.store import Store

    db = tmp_path / "hub.db"
    store = Store(db)
    import_records(store, [Record(source_format="jsonl", source_id="first", title="Earlier study")], file="a")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 3}")  # as if the disk were full
    recs = [Record(source_format="jsonl", source_id=f"n{i}", title=f"Knee study number {i} " + "x" * 500)
            for i in range(2000)]
    with pytest.raises(StoreError) as e:
        import_records(store, recs, file="big.jsonl")
    msg = str(e.value)
    assert "disk is full" in msg and "\n" not in msg and "internal" not in msg
    store.close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [r[0] for r in con.execute("SELECT title FROM studies")] == ["Earlier study"]


def test_full_disk_from_the_cli_is_one_line(tmp_path: Path, runner, monkeypatch):
    from physiohub import cli
    from physiohub.store import Store

    db = tmp_path / "hub.db"
    src = tmp_path / "refs.jsonl"
    src.write_text("".join('{"_id": "n%d", "title": "Knee study %d %s"}\n' % (i, i, "x" * 500) for i in range(2000)))

    def tiny(path: str) -> Store:
        s = Store(path)
        s.conn.execute(f"PRAGMA max_page_count = {s.conn.execute('PRAGMA page_count').fetchone()[0] + 3}")
        return s

    monkeypatch.setattr(cli, "open_db", tiny)
    res = runner.invoke(cli.cli, ["import", "--no-appraise", "--db", str(db), str(src)])
    assert res.exit_code == 1
    assert "disk is full" in res.output and "internal error" not in res.output and "Traceback" not in res.output


def test_nul_byte_in_a_ris_title_is_stripped_with_a_note(store):
    pad = "".join(GOOD_RIS.format(title=f"Padding record {i}") for i in range(300))  # past the binary sniff
    text = pad + "TY  - JOUR\nID  - nul1\nTI  - Knee pain\x00 and exercise\nAB  - Helped.\nER  - \n"
    s = import_records(store, read_bytes(text.encode(), "refs.ris"), file="refs.ris")
    assert s.added == 301
    (title,) = store.query_one("SELECT title FROM studies WHERE source_id = 'nul1'")
    assert title == "Knee pain and exercise"
    assert {"file": "refs.ris", "record": "nul1", "note": "removed 1 NUL character from the title"} in s.notes
    assert "\\u0000" not in store.query_one("SELECT record FROM studies WHERE source_id = 'nul1'")[0]


def test_nul_escape_in_jsonl_is_stripped_with_a_note(store):
    s = import_records(store, read_bytes(b'{"_id": "a", "title": "Knee\\u0000 pain"}\n', "x.jsonl"), file="x.jsonl")
    assert store.query_one("SELECT title FROM studies")[0] == "Knee pain"
    assert s.notes == [{"file": "x.jsonl", "record": "a", "note": "removed 1 NUL character from the title"}]


DOCTYPE_TRICK = (
    '<?xml version="1.0"?>\n'
    '<!DOCTYPE PubmedArticleSet [ <!-- ] > <PubmedArticleSet> -->\n'
    f'  <!ENTITY xxe SYSTEM "file://{XXE_TARGET}"> ]>\n'
    "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&xxe;"
    "</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n"
)


def test_comment_in_the_doctype_does_not_hide_an_entity_declaration(tmp_path: Path):
    p = tmp_path / "trick.xml"
    p.write_text(DOCTYPE_TRICK)
    with pytest.raises(UnsafeInputError, match="declares entities"):
        list(read_path(p))


def test_comment_in_the_doctype_does_not_hide_an_entity_declaration_from_the_splitter():
    import io

    from physiohub.ingest.pubmed_split import pieces

    with pytest.raises(UnsafeInputError, match="declares entities"):
        list(pieces(io.BytesIO(DOCTYPE_TRICK.encode()), "trick.xml"))


@pytest.mark.parametrize("prolog", [
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">',
    "<!-- a comment with <tags> and ]> inside -->",
    '<!DOCTYPE PubmedArticleSet [ <!-- only a comment: ]> --> ]>',
    "<?xml-stylesheet href='a.xsl'?>",
])
def test_harmless_prologs_still_import(tmp_path: Path, prolog: str):
    p = tmp_path / "ok.xml"
    p.write_text('<?xml version="1.0"?>\n' + prolog + "\n<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                 "<PMID>7</PMID><Article><ArticleTitle>Knee pain</ArticleTitle></Article></MedlineCitation>"
                 "</PubmedArticle></PubmedArticleSet>\n")
    (rec,) = read_path(p)
    assert rec.pmid == "7" and rec.title == "Knee pain"


def test_the_cli_reports_repairs_and_rejections_per_record(tmp_path: Path, runner):
    from physiohub.cli import cli

    src = tmp_path / "refs.csv"
    src.write_bytes(("title,abstract,year\nMüller knee study,abc,2001\n".encode()
                     + "Caf\xe9 workers,abc,2002\n".encode("cp1252") + b'"Open quote,abc,2003\n'))
    res = runner.invoke(cli, ["import", "--no-appraise", "--db", str(tmp_path / "hub.db"), str(src)])
    assert res.exit_code == 0, res.output
    assert "added 2, updated 0, unchanged 0, rejected 1" in res.output
    assert f"repaired: {src}: record line 3: 1 byte not valid UTF-8 read as cp1252 (line 3)" in res.output
    assert f"rejected: {src}: record line 4: malformed row: a quote opened on line 4 is never closed" in res.output
