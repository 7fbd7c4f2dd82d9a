"""Rendering: a safe HTML fragment (hostile titles), Markdown, JSON."""
from __future__ import annotations

import copy
import json
from pathlib import Path

from lxml import html as lxml_html

from physiohub.cards import generate_card
from physiohub.cards.render import safe_title, to_html, to_json, to_markdown
from physiohub.models import Record

FIX = Path(__file__).resolve().parent / "fixtures" / "cards"
HOSTILE = 'Knee pain<script>alert(1)</script> <img src=x onerror=alert(2)> <i onclick="x()">in vivo</i> & H<sub>2</sub>O'


def card_and_record():
    d = json.loads((FIX / "structured.json").read_text(encoding="utf-8"))
    rec = Record.from_dict(d["record"])
    return generate_card(rec, d["appraisal"]), rec


def test_hostile_title_keeps_only_harmless_inline_markup():
    out = safe_title(HOSTILE)
    assert "<script" not in out and "alert(1)" not in out and "<img" not in out and "onclick" not in out
    assert "<i>in vivo</i>" in out and "<sub>2</sub>" in out and "&amp;" in out


def test_html_fragment_escapes_everything_else():
    card, rec = card_and_record()
    rec.title = rec.title_html = HOSTILE
    card = copy.deepcopy(card)
    card["title"] = HOSTILE
    card["key_points"][0] = '<b onmouseover="x">bold</b> "quoted"'
    card["source"]["url"] = "javascript:alert(3)"
    out = to_html(card, study={"id": 7, "record": rec, "card": {"status": "in_review"}, "retracted": True})
    doc = lxml_html.fragment_fromstring(out)
    assert doc.tag == "article" and doc.get("data-study-id") == "7"
    assert not doc.xpath("//script|//img|//@onclick|//@onmouseover|//@onerror")
    assert doc.xpath("//h1/i")[0].text == "in vivo"
    assert doc.xpath("//section[@class='key-points']//li")[0].text == '<b onmouseover="x">bold</b> "quoted"'
    assert not doc.xpath("//a[starts-with(@href, 'javascript')]")
    assert doc.xpath("//p[@class='retracted']") and doc.xpath("//p[@data-status='in_review']")


def test_html_carries_sections_and_provenance():
    card, rec = card_and_record()
    doc = lxml_html.fragment_fromstring(to_html(card, study={"record": rec}))
    heads = [h.text for h in doc.xpath("//h2")]
    assert heads == ["The upshot", "Key points", "How it was conducted", "What they found", "Limitations",
                     "Why it matters", "Source", "Topics"]
    f1 = doc.xpath("//section[@class='findings']//li")[1]
    assert f1.get("data-kind") == "extracted" and f1.get("data-sources") == "s6"
    assert doc.xpath("//a/@href") == ["https://doi.org/10.9999/physiohub.fixture.1"]
    # no record given: the title is plain text, escaped
    card2 = {**card, "title": "A <i>b</i>"}
    assert "<h1 class=\"card-title\">A &lt;i&gt;b&lt;/i&gt;</h1>" in to_html(card2, study=None)


def test_markdown_and_json():
    card, _ = card_and_record()
    md = to_markdown(card)
    assert md.startswith("# Progressive loading versus advice")
    for heading in ("## The upshot", "## Key points", "## How it was conducted", "## What they found",
                    "## Why it matters", "## Source"):
        assert heading in md
    assert "1. This was a fair test" in md and "- **Design:**" in md
    assert to_markdown({"title": "x *y* <z>", "upshot": {}}).startswith("# x \\*y\\* \\<z\\>")
    j = to_json(card)
    assert j == card and j is not card and j["provenance"]


def test_markdown_drops_unsafe_links():
    card, _ = card_and_record()
    card = {**card, "source": {**card["source"], "url": "https://x.org/a> [click](javascript:alert(1))"}}
    assert "javascript" not in to_markdown(card)
