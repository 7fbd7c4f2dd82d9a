"""In-text citation forms read on the dev15 pages (session 10 of issue 13), each tested on examples written here:
Vancouver names in brackets ("(Okafor BT, et al. 2004)"), a date before the year inside the brackets (a journal
cited by its issue, "(Scand J Sports Sci, Mar. 2011)"; APA's personal communication, "(R. Lund, personal
communication, May 3, 2020)"), and a journal's abbreviated name that is no author."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.check.citations import find_citations, journal_abbreviation
from physiohub.store import Store


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "hub.db")
    yield s
    s.close()


def _cites(text: str) -> list[tuple[str, int | None, str]]:
    return [(c.who, c.year, c.surname) for c in find_citations(text)]


def _refs(store, text):
    return [(r["kind"], r.get("authors") or [], r.get("journal"), r["year"]) for r in check_article(store, text)["references"]]


@pytest.mark.parametrize("text, want", [
    ("Most neck pain settles within weeks (Okafor BT, et al. 2004).", [("Okafor BT, et al.", 2004, "Okafor")]),
    ("Grip strength fell with age (Lindqvist K 2012).", [("Lindqvist K", 2012, "Lindqvist")]),
    ("Two trials agreed (Moreau JP, Sato Y, 2018).", [("Moreau JP, Sato Y", 2018, "Moreau")]),
])
def test_vancouver_names_in_brackets(text, want):
    assert _cites(text) == want


@pytest.mark.parametrize("text, want", [
    ("Few coaches taught landing drills. (Scand J Sports Sci, Mar. 2011)", [("Scand J Sports Sci", 2011)]),
    ("Bone loss slows with hopping (R. Lund, personal communication, May 3, 2020).", [("R. Lund", 2020)]),
    ("Knees ached less (D. Ortiz, personal communications, October 2018).", [("D. Ortiz", 2018)]),
])
def test_a_date_before_the_year(text, want):
    assert [(w, y) for w, y, _ in _cites(text)] == want


@pytest.mark.parametrize("text", [
    "The clinic moved (Updated January 2019).",     # a note, not a citation
    "Walking helps (May 2020).",                     # a month alone names no one
])
def test_dates_without_a_name_are_not_citations(text):
    assert _cites(text) == []


@pytest.mark.parametrize("who, want", [
    ("Clin J Sport Med", True), ("Arch Phys Med Rehabil", True), ("Br J Sports Med", True), ("Scand J Rheumatol", True),
    ("M. J. Hancock et al.", False), ("Lee AB, Kim C", False), ("Sato", False), ("World Health Organization", False),
    ("Okafor BT, et al.", False), ("Arthritis Care Res", True), ("Pain Med", True), ("Arthritis Care", False),
    ("Versus Arthritis", False),
])
def test_journal_abbreviations(who, want):
    assert journal_abbreviation(who) is want


def test_vancouver_citation_is_one_reference_by_its_surname(store):
    text = "In most people with back pain no cause is ever found (Okafor BT, et al. 2004)."
    assert _refs(store, text) == [("inline", ["Okafor BT, et al."], None, 2004)]


def test_a_journal_cited_by_its_issue_is_a_journal_reference(store):
    text = ("A survey of sports coaches found that only a third taught safe landing. Fewer still taught falling. "
            "(Scand J Sports Sci, Mar. 2011)")
    assert _refs(store, text) == [("inline", [], "Scand J Sports Sci", 2011)]


def test_a_personal_communication_is_a_reference(store):
    text = "By age 75 most women have lost a third of their hip bone (R. Lund, personal communication, May 3, 2020)."
    assert _refs(store, text) == [("inline", ["Lund R"], None, 2020)]  # surname first, as a list entry names an author


def test_a_from_line_led_by_authors_is_a_reference(store):
    # a research-summary site quotes its source under the summary, authors first, the year in a date
    text = ("Walking programmes eased knee pain in older adults, a review found.\n\n"
            "> From: Haddad et al., Knee Care Rev 12 (2019-03-02 10:15:00) 40-52 . All rights reserved to Example Press Ltd. "
            "Click here for the online summary.\n")
    refs = check_article(store, text)["references"]
    assert [(r["authors"][0].split()[0], r["year"]) for r in refs] == [("Haddad", 2019)]
    assert "rights" not in refs[0]["text"]


@pytest.mark.parametrize("line", [
    "From: our clinic team, who treat knee pain every day.",             # no authors and no year
    "From: Haddad et al. found that walking eased knee pain in 2019.",   # a sentence reporting a finding
])
def test_from_lines_that_are_not_sources(store, line):
    assert check_article(store, "Walking eased knee pain.\n\n" + line + "\n")["references"] == []


@pytest.mark.parametrize("text, want", [
    ("Night pain eased (Varga et al. 2016; 2018).", [("Varga et al.", 2016), ("Varga et al.", 2018)]),
    ("Night pain eased (Varga, T., 2016).", [("Varga, T.", 2016)]),
    ("Night pain eased (Varga, T. K., & Ode, M., 2016).", [("Varga, T. K., & Ode, M.", 2016)]),
    ("Night pain eased (Varga et al. , 2016).", [("Varga et al.", 2016)]),
    ("Night pain eased (Varga 2016 and Ode 2018).", [("Varga", 2016), ("Ode", 2018)]),
    ("Night pain eased (Varga et.al., 2016).", [("Varga et.al.", 2016)]),
    ("Night pain eased (Varga et al., Spine 2016).", [("Varga et al.", 2016)]),
    ("Night pain eased (Varga et al., Clin Rehabil, 2016).", [("Varga et al.", 2016)]),
])
def test_more_bracketed_forms(text, want):
    assert [(w, y) for w, y, _ in _cites(text)] == want


@pytest.mark.parametrize("text", [
    "Night pain eased (Spine 2016;41:1-9).",        # a journal citation: its year is followed by a volume
    "Night pain eased (Rehabil Med 2016; 12(3): 4).",
])
def test_a_journal_volume_after_the_year_is_still_no_author(text):
    assert _cites(text) == []


@pytest.mark.parametrize("text, want", [
    ("Varga et al.'s (2016) review found that night pain eased.", [("Varga et al.", 2016)]),
    ("Varga's (2016) study found that night pain eased.", [("Varga", 2016)]),
    ("Varga et al. [2016] found that night pain eased.", [("Varga et al.", 2016)]),
])
def test_possessive_and_square_bracket_narratives(text, want):
    assert [(w, y) for w, y, _ in _cites(text)] == want


@pytest.mark.parametrize("text", [
    "Britain's (2016) figures show more knee surgery.",   # a place's possessive before a year, no research word
    "Exercise [2016] helps.",
])
def test_possessives_and_brackets_that_are_not_citations(text):
    assert _cites(text) == []


@pytest.mark.parametrize("block, who", [
    ("Story Source:\n\nMaterials provided by University of Northbridge. Note: Content may be edited for style and length.",
     "University of Northbridge"),
    ("Story Source: Materials provided by Northbridge Health Institute.", "Northbridge Health Institute"),
    ("Via: Spine News Daily", "Spine News Daily"),
    ("[Source: Northbridge Health Wire]", "Northbridge Health Wire"),
    ("(Source: Northbridge College of Physicians)", "Northbridge College of Physicians"),
    ("Source: Northbridge Health News - Category: Orthopaedics Authors: Source Type: news", "Northbridge Health News"),
])
def test_source_blocks_name_their_source(store, block, who):
    text = "Walking eased knee pain in older adults, a new study found.\n\n" + block + "\n"
    assert [(r["kind"], r["authors"][0]) for r in check_article(store, text)["references"]] == [("web", who)]


@pytest.mark.parametrize("text, want", [
    ("Most low back pain settles within six weeks (NHS, 2020).", [("NHS", 2020)]),
    ("Most low back pain settles within six weeks (NHS Inform 2021).", [("NHS Inform", 2021)]),
])
def test_the_nhs_cited_in_brackets(text, want):
    assert [(w, y) for w, y, _ in _cites(text)] == want


@pytest.mark.parametrize("text", ["The NHS (2019) budget rose again.", "Back pain costs a lot (UK, 2019)."])
def test_nhs_and_countries_outside_citations(text):
    assert _cites(text) == []


@pytest.mark.parametrize("text, want", [
    ("Varga and co-authors (2016) found that night pain eased.", [("Varga", 2016)]),
    ("Varga et al., (2016) found that night pain eased.", [("Varga et al.", 2016)]),
    ("Varga and Ode, (2016) found that night pain eased.", [("Varga and Ode", 2016)]),
    ("Night pain eased (Varga et al. 2016 & Ode 2018).", [("Varga et al.", 2016), ("Ode", 2018)]),
])
def test_more_narrative_slips(text, want):
    assert [(w, y) for w, y, _ in _cites(text)] == want


def test_a_comma_after_one_name_ends_a_clause():
    assert _cites("In Norway, (2016) figures show more knee surgery.") == []


@pytest.mark.parametrize("text, want", [
    ("Night pain eased (Varga 2016, 45).", [("Varga", 2016)]),
    ("Night pain eased (Varga 2016, 45-47).", [("Varga", 2016)]),
    ("Night pain eased (Varga 2016, 2018).", [("Varga", 2016), ("Varga", 2018)]),   # a second year, not a page
])
def test_a_bare_page_after_the_year(text, want):
    assert [(w, y) for w, y, _ in _cites(text)] == want


@pytest.mark.parametrize("text, want", [
    ("Night pain eased (Varga et al., 2016, as cited in Ode, 2019).", [("Varga et al.", 2016), ("Ode", 2019)]),
    ("Night pain eased (Varga 2016 cited in Ode 2019).", [("Varga", 2016), ("Ode", 2019)]),
])
def test_a_secondary_source_is_cited_too(text, want):
    assert [(w, y) for w, y, _ in _cites(text)] == want
