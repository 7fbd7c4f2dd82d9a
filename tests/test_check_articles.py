"""The claim check on the articles in tests/fixtures/check (written for these tests; each has an
``.expected.json`` listing the claims, years, designs, DOIs/PMIDs and references it must find)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from physiohub.check import article_text, check_article

HERE = Path(__file__).resolve().parent / "fixtures" / "check"
CASES = sorted(HERE.glob("*.expected.json"))


def article_for(expected: Path) -> Path:
    stem = expected.name[: -len(".expected.json")]
    return next(p for p in HERE.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".json"))


def test_fixture_set_covers_the_styles():
    assert len(CASES) >= 6
    styles = " ".join(json.loads(p.read_text(encoding="utf-8"))["style"] for p in CASES)
    for word in ("news", "blog", "clinic", "no reference list", "reference list"):
        assert word in styles


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name.split(".")[0])
def test_article_check_finds_the_expected_claims(store, expected_path):
    exp = json.loads(expected_path.read_text(encoding="utf-8"))
    raw = article_for(expected_path).read_text(encoding="utf-8")
    result = check_article(store, raw, html=exp["html"])
    claims, refs = result["claims"], result["references"]
    for e in exp["claims"]:
        found = [c for c in claims if e["contains"] in c["text"]]
        assert found, f"claim not found: {e['contains']!r}"
        c = found[0]
        assert c["year"] == e["year"], c["text"]
        assert c["design"] == e["design"], c["text"]
        assert c["names_source"] is e["names_source"], c["text"]
        cited = [refs[i] for i in c["references"]]
        assert set(e["dois"]) <= {r["doi"] for r in cited}, c["text"]
        assert set(e.get("pmids", [])) <= {r["pmid"] for r in cited}, c["text"]
        if e.get("certainty"):
            assert c["certainty_words"], c["text"]
        assert c["pubmed_query"] and "[tiab]" in c["pubmed_query"]
        if c["year"]:
            assert f"{c['year']}[dp]" in c["pubmed_query"]
    for text in exp["not_claims"]:
        assert not [c for c in claims if text in c["text"]], f"not a research claim: {text!r}"
    for known in exp.get("known_false_alarms", []):
        # a false alarm the check is known to make, kept in view: when a change stops making it, move it back to
        # not_claims so it stays fixed
        assert [c for c in claims if known["text"] in c["text"]], f"no longer a false alarm, move to not_claims: {known['text']!r}"
    for e in exp["references"]:
        hit = [r for r in refs if (not e.get("doi") or r["doi"] == e["doi"]) and (not e.get("pmid") or r["pmid"] == e["pmid"])
               and (not e.get("authors") or e["authors"] in r["authors"])]
        assert hit, f"reference not found: {e}"
        if e.get("year"):
            assert hit[0]["year"] == e["year"]
    assert len(refs) == len(exp["references"])
    body = article_text(raw, html=True if exp["html"] else None)
    for junk in exp.get("absent_text", []):
        assert junk not in body, f"boilerplate kept: {junk!r}"


def test_empty_and_claimless_text(store):
    assert check_article(store, "")["claims"] == []
    result = check_article(store, "Stretching feels nice. Try it after a run.")
    assert result["claims"] == [] and result["references"] == []


def test_html_flag_false_still_extracts_a_full_page(store):
    raw = (HERE / "news_stretching.html").read_text(encoding="utf-8")
    assert len(check_article(store, raw)["claims"]) == 4


def test_run_on_and_hostile_text_stays_fast(store):
    import time

    check_article(store, "In a 2020 trial, exercise helped.")  # models loaded outside the timing
    # CPU time of this process, not wall time: a guard against runaway regex backtracking (seconds to
    # minutes of CPU), which a busy machine's scheduling must not trip.
    t = time.process_time()
    check_article(store, "(Smith et al. " * 5000)
    check_article(store, "In a study, " * 5000)
    assert time.process_time() - t < 5


def test_html_without_article_text_is_a_clear_error(store):
    from physiohub.errors import InvalidInput

    with pytest.raises(InvalidInput, match="no article text"):
        check_article(store, "<html><body><script>var x = 1;</script></body></html>", html=True)


def test_a_figure_caption_stating_a_finding_is_read_as_a_paragraph_of_its_own():
    from physiohub.check.extract import html_to_text

    html = ("<html><body><article><h1>Knees and walking</h1><p>Doctors long advised rest for sore knees, and many "
            "people still believe that advice today.</p><FIGURE class='wide'><img src='w.jpg' alt='a walker'>"
            "<FigCaption>Walking three times a week eased knee pain, the review found.</figcaption></figure>"
            "<p>The review looked at trials of walking for people with arthritis of the knee.</p></article></body></html>")
    text = html_to_text(html)
    assert "\n\nWalking three times a week eased knee pain, the review found.\n\n" in text
    assert "w.jpg" not in text and "a walker" not in text
