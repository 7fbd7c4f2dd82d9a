"""Reader-facing details of issue 15, item 13: no dangling '·' when a year is missing, and the retraction
banner in words rather than PubMed's field names."""
from __future__ import annotations

from physiohub.web import create_app
from physiohub.web.markup import retraction_note


def test_retraction_notes_read_as_words() -> None:
    assert retraction_note("RetractionIn: J Invented Physiother. 2020;1:2") == "Retraction notice: J Invented Physiother. 2020;1:2"
    assert retraction_note("RetractionOf: 10.1/x") == "This is the retraction notice of: 10.1/x"
    assert retraction_note("title marked RETRACTED by the publisher") == "title marked RETRACTED by the publisher"


def test_meta_lines_have_no_dangling_separator(hub) -> None:
    import re

    from starlette.testclient import TestClient

    from physiohub.store import Store

    path, ids = hub
    store = Store(path)
    for sid in ids.values():  # undated studies, as SciFact and many RIS exports are
        store.execute("UPDATE studies SET year = NULL WHERE id = ?", (sid,))
    store.close()
    with TestClient(create_app(str(path))) as c:
        pages = [c.get("/").text, c.get(f"/studies/{ids['knee']}").text, c.get("/search?q=knee").text]
    for page in pages:
        for meta in re.findall(r'<p class="meta">(.*?)</p>', page, re.S):
            text = meta.strip()
            assert not text.startswith("·") and not text.endswith("·") and "· ·" not in text, text
