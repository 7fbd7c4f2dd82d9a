"""The two-reader agreement bench (bench/eval_check_agreement.py): two readers' claims agree when they fall in one
sentence of the page, whichever stretch of it each copied; references agree by DOI, address or first name and year."""
from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
try:
    import eval_check_agreement as bench
finally:
    sys.path.remove(str(BENCH))

PAGE = """# Walking helps knee pain

A **2021 trial** found that brisk walking eased knee pain more than rest over twelve weeks.
The [national society](https://example.org/society) says most adults with knee pain should walk daily.

- Walking three times a week lowered pain scores, a review reported.
- Wear good shoes.

Researchers recruited 120 adults for the trial.
"""


def _claim(text: str, year=None, design=None) -> dict:
    return {"contains": text, "year": year, "design": design, "names_source": True, "dois": []}


def test_two_stretches_of_one_sentence_are_one_claim():
    page = bench.Page(PAGE, html=False)
    first = {"claims": [_claim("A 2021 trial found that brisk walking", 2021, "randomised controlled trial"),
                        _claim("says most adults with knee pain should walk daily")],
             "references": [{"kind": "web", "authors": "national society", "url": "https://example.org/society"}]}
    second = {"claims": [_claim("eased knee pain more than rest over twelve weeks", 2021, "trial"),
                         _claim("Walking three times a week lowered pain scores", None, "review")],
              "references": [{"kind": "web", "authors": "National Society", "url": "http://www.example.org/society/"}]}
    a = bench.agree(page, first, second, "page")
    assert (a.first_claims, a.second_claims, a.both) == (2, 2, 1)
    assert a.year_same == 1 and a.design_same == 0
    assert a.unplaced == 0
    assert (a.refs_second_found, a.refs_first_found) == (1, 1)
    assert any("only the first reader lists" in n and "walk daily" in n for n in a.notes)
    assert any("only the second reader lists" in n and "three times a week" in n for n in a.notes)


def test_a_string_not_on_the_page_is_reported():
    page = bench.Page(PAGE, html=False)
    a = bench.agree(page, {"claims": [_claim("swimming cures back pain")], "references": []},
                    {"claims": [], "references": []}, "page")
    assert a.unplaced == 1 and a.both == 0 and a.recall == 0.0


def test_references_need_the_same_year_when_both_give_one():
    assert bench.same_reference({"authors": "Smith", "year": 2019}, {"authors": "Smith J", "year": 2019})
    assert not bench.same_reference({"authors": "Smith", "year": 2019}, {"authors": "Smith", "year": 2020})
    assert bench.same_reference({"doi": "10.1/ABC"}, {"doi": "10.1/abc", "authors": "Other"})
    assert not bench.same_reference({"authors": "Jones", "year": 2019}, {"authors": "Smith", "year": 2019})


def test_the_scorer_reads_older_design_spellings_as_the_checkers_names():
    from physiohub.check.evaluate import canonical_design
    assert canonical_design("randomized controlled trial") == "randomised trial"
    assert canonical_design("Survey") == "observational study"
    assert canonical_design("guideline") is None
    assert canonical_design("meta-analysis") == "meta-analysis"
    assert canonical_design(None) is None


def test_two_readers_agree_on_a_design_spelt_two_ways():
    # README rule R4: the first gold uses the checker's names, a reading written before the rule may not
    page = bench.Page(PAGE, html=False)
    first = {"claims": [_claim("A 2021 trial found that brisk walking", 2021, "randomised trial")], "references": []}
    second = {"claims": [_claim("eased knee pain more than rest over twelve weeks", 2021, "randomized controlled trial")],
              "references": []}
    a = bench.agree(page, first, second, "page")
    assert a.both == 1 and a.design_same == 1
    assert not any(n.startswith("page: design") for n in a.notes)
    second["claims"][0]["design"] = "survey"
    assert bench.agree(page, first, second, "page").design_same == 0
