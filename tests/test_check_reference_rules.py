"""The reference rules settled after the second reading (tests/fixtures/check/real/README.md, R3): a bracketed source
with no year beside a dated one is a reference of its own (R3f); a journal, an organisation, a guideline or a survey
named in running prose is none (R3a-c). Pages, names and titles are written for this test."""
from __future__ import annotations

from physiohub.check import check_article
from physiohub.check.citations import find_citations


def _refs(result: dict) -> list[tuple[str | None, int | None]]:
    return [((r["authors"] or [None])[0], r["year"]) for r in result["references"]]


def test_a_source_without_a_year_beside_a_dated_one_is_cited() -> None:
    # R3f: "(Lee 2011; WALKSTUDY)" counts each named source, the undated one with year None
    cites = find_citations("Walking eased knee pain in adults with arthritis (Lee 2011; WALKSTUDY).")
    assert [(c.who, c.year) for c in cites] == [("Lee", 2011), ("WALKSTUDY", None)]
    cites = find_citations("A knee angle of 25-35 degrees is advised (ABC 2007, Swift and Moor).")
    assert [(c.who, c.year) for c in cites] == [("ABC", 2007), ("Swift and Moor", None)]


def test_an_aside_or_a_place_beside_a_citation_is_no_source() -> None:
    # only names count: an aside, a table, a country or a journal's abbreviation in the same bracket does not
    for text in ("Walking helps (Lee 2011; see below).", "Walking helps (Lee 2011; Table).", "Walking helps (Lee 2011; USA).",
                 "Walking helps (Lee 2011; Br J Sports Med)."):
        assert [(c.who, c.year) for c in find_citations(text)] == [("Lee", 2011)], text


def test_a_name_alone_in_brackets_is_no_citation() -> None:
    # without a dated citation beside it, "(WALKSTUDY)" may be any abbreviation the page defines
    assert find_citations("The walking study (WALKSTUDY) enrolled older adults.") == []


def test_the_undated_source_is_a_page_reference(store) -> None:
    page = ("# Walking and arthritis\n\n"
            "Walking eased knee pain in adults with arthritis (Lee 2011; WALKSTUDY).\n")
    r = check_article(store, page)
    assert _refs(r) == [("Lee", 2011), ("WALKSTUDY", None)]
    assert r["claims"] and r["claims"][0]["year"] == 2011   # the dated source still gives the claim its year


def test_journals_organisations_and_surveys_named_in_prose_are_no_references(store) -> None:
    # R3a (a journal in prose, with or without a year), R3b (an organisation without a link), R3c (a guideline or survey
    # with its year in prose): the claims stay, no reference is listed
    page = ("# Back pain\n\n"
            "A 2017 paper published in the Journal of Back Care found that walking cut back pain by a third.\n\n"
            "The Knee Foundation says that exercise eases knee pain.\n\n"
            "The institute's 2016 guideline found that exercise helps back pain.\n\n"
            "The 2007 Health Survey showed that a third of adults had back pain.\n")
    r = check_article(store, page)
    assert r["references"] == []
    assert len(r["claims"]) >= 3
