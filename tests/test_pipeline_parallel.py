"""Parsing in a second process gives the same store as parsing in-process, and errors still roll back."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from physiohub.errors import IngestError
from physiohub.ingest.pipeline import import_path
from physiohub.store import Store

FIX = Path(__file__).parent / "fixtures" / "cli" / "two_trials.xml"


def big_file(tmp_path: Path, copies: int = 700) -> Path:
    """Copies of invented records with unique ids; the default 700 make it over 1 MB (the threshold
    for parsing in other processes)."""
    text = FIX.read_text()
    head, rest = text.split("<PubmedArticleSet>", 1)
    body = rest.rsplit("</PubmedArticleSet>", 1)[0]
    parts = []
    for i in range(copies):
        b = re.sub(r"9000000(\d)", lambda m: f"8{i:05d}{m.group(1)}", body)
        b = b.replace("10.9999/jip.2022.0001", f"10.9999/jip.2022.{i}")
        b = b.replace("<ArticleTitle>", f"<ArticleTitle>Copy {i}: ")
        parts.append(b)
    path = tmp_path / "big.xml"
    path.write_text(head + "<PubmedArticleSet>" + "".join(parts) + "</PubmedArticleSet>\n")
    assert copies < 700 or path.stat().st_size > 1_000_000
    return path


def dump(store: Store) -> list[tuple]:
    return [tuple(r) for r in store.query("SELECT pmid, doi, title, content_hash FROM studies ORDER BY pmid")]


def test_parallel_equals_sequential(tmp_path):
    path = big_file(tmp_path)
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    sa = import_path(a, path, parallel=True)
    sb = import_path(b, path, parallel=False)
    assert sa.added == sb.added == 1400
    assert dump(a) == dump(b)
    assert a.query_one("SELECT count(*) FROM studies_fts")[0] == 1400
    again = import_path(a, path, parallel=True)
    assert again.unchanged == 1400 and again.added == again.updated == 0


def test_parallel_error_rolls_back(tmp_path):
    path = big_file(tmp_path)
    store = Store(tmp_path / "a.db")
    import_path(store, FIX, parallel=True)
    before = dump(store)
    truncated = tmp_path / "truncated.xml"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(IngestError, match="truncated.xml"):
        import_path(store, truncated, parallel=True)
    assert dump(store) == before
