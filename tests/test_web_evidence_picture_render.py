"""The evidence picture's markup (web/evidence_picture.py ``render``): escaping, heading level, singulars,
and the SVG and the table carrying the same numbers and links."""
from __future__ import annotations

import re
from html import unescape

from physiohub.taxonomy import VERDICTS
from physiohub.web import evidence_picture as ep

CELLS = [
    {"design": "randomised controlled trial", "verdict": VERDICTS[0], "studies": 3, "participants": 420, "unknown_n": 1},
    {"design": "case report", "verdict": VERDICTS[-1], "studies": 1, "participants": 0, "unknown_n": 1},
    {"design": None, "verdict": VERDICTS[0], "studies": 2, "participants": 0, "unknown_n": 2},
]


def test_nothing_for_no_studies():
    assert ep.render(None) == "" and ep.render(ep.build([], base_url="/s")) == ""


def test_query_text_is_escaped_in_every_link_and_headings_follow_the_level():
    pic = ep.build(CELLS, base_url="/search", params={"q": '<script>"x" & \'y\'', "page": 2})
    html = str(ep.render(pic, 3))
    assert "<script>" not in html and '"x"' not in html
    assert html.startswith('<section class="evidence-picture" aria-labelledby="ep-title">\n<h3 id="ep-title">')
    links = re.findall(r'href="([^"]+)"', html)
    assert len(links) == 2 * 2 and all(unescape(u).startswith("/search?q=%3Cscript%3E") for u in links)
    assert "page=" not in html   # a cell's link starts the narrowed search at its first page
    assert '<h2 id="ep-title">' in str(ep.render(pic))


def test_svg_and_table_carry_the_same_counts_and_the_caption_the_totals():
    pic = ep.build(CELLS, base_url="/topics/x")
    html = str(ep.render(pic))
    svg, table = html.split("</svg>")
    marks = re.findall(r'<text class="ep-count"[^>]*>(\d+)</text>', svg)
    cells = re.findall(r'<td role="cell" data-label="[^"]+"><a href="[^"]+">(\d+)<span', table)
    assert sorted(marks) == sorted(cells) == ["1", "3"]
    assert "4 studies by design" in html and "(420 in all)" in html
    assert "2 studies give no sample size and add nothing to the size of their mark." in html
    assert "2 studies have no design or verdict yet and are not shown." in html
    assert "(420+?)" in table and "(0+?)" in table
    one = str(ep.render(ep.build(CELLS[1:2], base_url="/t")))
    assert "1 study by design" in one and "what it found" in one and "1 study gives no sample size and adds" in one


def test_the_pictures_escape_is_markupsafes():
    import random

    import markupsafe

    rng = random.Random(1)
    for _ in range(5000):
        text = "".join(rng.choice("&<>\"'ab é–\\;#") for _ in range(rng.randint(0, 10)))
        assert ep._escape(text) == str(markupsafe.escape(text))
