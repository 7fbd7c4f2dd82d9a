"""In-text citation forms read on the dev13 pages (session 9 of issue 13), each tested on examples written here:
an organisation cited narratively as APA 7 and Harvard allow ("The National Centre for Joint Health (2008)
report that"), plural reporting verbs, and a journal named with its year in brackets ("a meta-analysis in
Sports Medicine (2019) concluded"), whose last word is no author."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.check.citations import find_citations
from physiohub.store import Store


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "hub.db")
    yield s
    s.close()


def _cites(text: str) -> list[tuple[str, int | None]]:
    return [(c.who, c.year) for c in find_citations(text)]


@pytest.mark.parametrize("text, want", [
    ("The National Centre for Joint Health (2011), report that knee pain is common.",
     [("National Centre for Joint Health", 2011)]),
    ("The Institute of Spinal Care (2019) found that most back pain settles.", [("Institute of Spinal Care", 2019)]),
    ("According to the Northern Institute of Health and Welfare (2020), back pain costs billions.",
     [("Northern Institute of Health and Welfare", 2020)]),
    ("Holm and Berg (2017) report that walking helps.", [("Holm and Berg", 2017)]),
])
def test_narrative_group_authors_are_citations(text, want):
    assert _cites(text) == want


@pytest.mark.parametrize("text", [
    "The Knee Pain Programme (2015) was run in six towns.",   # a programme's name with its start year, not a source
    "A meta-analysis in Sports Medicine (2019) concluded that endurance rose.",   # a journal, not an author "Medicine"
    "A paper in the Journal of Physiotherapy (2020) showed that pain fell.",
])
def test_names_before_a_year_that_are_not_authors(text):
    assert _cites(text) == []


def _refs(store, text):
    return [(r["kind"], r.get("authors") or [], r.get("journal"), r["year"]) for r in check_article(store, text)["references"]]


def test_a_journal_named_with_its_year_gives_no_author(store):
    # the sets read a journal named in prose with its year as no reference ("a review from the BMJ (2019)");
    # its last word must not come out as an author "Medicine"
    text = "A meta-analysis in Sports Medicine (2019) concluded that Pilates raised core endurance by a quarter."
    assert _refs(store, text) == []


def test_an_organisation_cited_narratively_is_a_reference(store):
    text = "The National Centre for Joint Health (2011), report that knee pain affects one adult in five."
    assert _refs(store, text) == [("inline", ["National Centre for Joint Health"], None, 2011)]
