"""A link whose words cite the research or its authors ("a [2019 study by Lee et al.](...)", "[Lee and colleagues](...)
found") is a reference whatever its site; a dated one is one reference, not an in-text citation beside a link."""
import pytest

from physiohub.check import check_article
from physiohub.check.weblinks import author_label
from physiohub.store import Store


def _refs(tmp_path, sentence):
    store = Store(tmp_path / "hub.db")
    try:
        res = check_article(store, "# Knee pain and exercise\n\nSome words about knees.\n\n" + sentence + "\n")
    finally:
        store.close()
    return [(r["kind"], (r.get("authors") or [None])[0], r.get("year"), r.get("url")) for r in res["references"]], res


@pytest.mark.parametrize("label,want", [("Lee et al.", ("Lee et al.", None)), ("Lee et al. (2019)", ("Lee et al.", 2019)),
                                        ("van der Berg et al, 2019", ("van der Berg et al", 2019)),
                                        ("Lee and colleagues", ("Lee and colleagues", None)),
                                        ("Lee and Park (2019)", ("Lee and Park", 2019)),
                                        ("Johnson & Johnson", None), ("Lee and Park", None), ("Dr Lee", None)])
def test_author_label(label, want):
    assert author_label(label) == want


@pytest.mark.parametrize("sentence", ["A [2019 study by Lee et al.](https://news.example.com/a) found that exercise eased knee pain.",
                                      "A [study by Lee et al.](https://news.example.com/a) found that exercise eased knee pain."])
def test_research_label_with_et_al_is_a_link(tmp_path, sentence):
    refs, _ = _refs(tmp_path, sentence)
    assert refs == [("link", None, None, "https://news.example.com/a")]


def test_undated_author_label_names_the_authors(tmp_path):
    refs, _ = _refs(tmp_path, "[Lee and colleagues](https://news.example.com/a) found that exercise eased knee pain.")
    assert refs == [("link", "Lee and colleagues", None, "https://news.example.com/a")]


def test_dated_author_label_is_one_reference(tmp_path):
    refs, res = _refs(tmp_path, "[Lee et al. (2019)](https://news.example.com/a) found that exercise eased knee pain.")
    assert refs == [("link", "Lee et al.", 2019, "https://news.example.com/a")]
    [claim] = res["claims"]
    assert claim["references"] == [0] and claim["year"] == 2019


def test_a_company_link_is_no_reference(tmp_path):
    refs, _ = _refs(tmp_path, "The knee brace is made by [Johnson & Johnson](https://www.jnj.example.com/) in three sizes.")
    assert refs == []
