"""In-text citations and research mentions on new sites (issue 13, session 11, dev19): journal names read whole, a
newsletter's 'More at <Magazine>' link, lines that only point at research or judge it, a study's place, an 'In fact, ...'
comparison and a quotation going on after a claim, a lead-in over a bare link, researchers named with their method, a
spelled-out percentage. Every sentence and page here is written for this test."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.check.claim_cues import claim_cue
from physiohub.check.claim_method import method_only
from physiohub.check.claim_page_forms import goes_on
from physiohub.check.claim_pointers import bare_link_line, points_to_research, quotation_continues, research_judged
from physiohub.check.claim_sources import sources_of
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document
from physiohub.store import Store


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "empty.db")


def _claims(page: str) -> list[str]:
    return [c.text for c in find_claims(parse_document(page).sentences, learned=False)]


def _journals(text: str) -> list[str]:
    return [s["value"] for s in sources_of(text, [])[0] if s["kind"] == "journal"]


@pytest.mark.parametrize("text, journal", [
    ("A study in The Journal of Pain found that walking eased hip pain.", "The Journal of Pain"),
    ("Writing in the European Journal of Pain, the team found that rest slowed recovery.", "European Journal of Pain"),
    ("A new trial in The New England Journal of Medicine suggests that the operation may not help.",
     "The New England Journal of Medicine"),
    ("A trial in Physical Therapy in Sport found that hopping drills cut ankle sprains.", "Physical Therapy in Sport"),
    ("In Pain, researchers reported that sleep loss raised pain the next day.", "Pain"),   # the first word is no name
    ("The work published in the Journal of Orthopaedic & Sports Physical Therapy can be found here.",
     "Journal of Orthopaedic & Sports Physical Therapy"),   # the name ends where lower-case words begin
])
def test_journal_names_are_read_whole(text, journal):
    assert _journals(text) == [journal]


def test_a_title_case_line_names_no_journal_by_ordinary_words():
    assert _journals("Physical Therapy As Good As Surgery For A Torn Knee Tendon") == []
    assert _journals("Walking Eases Back Pain In Older Adults, Says BMJ Report") == ["BMJ"]


def test_more_at_a_magazine_is_the_items_source(store):
    page = ("## Short runs\n\nThere's good research to show that short hill sprints build speed. "
            "[More at Runner Weekly.](https://runnerweekly.example.com/training/hill-sprints-speed/)\n")
    urls = [r["url"] for r in check_article(store, page)["references"] if r.get("url")]
    assert urls == ["https://runnerweekly.example.com/training/hill-sprints-speed/"]
    nav = "## Short runs\n\nHill sprints build speed.\n\n[More on Knee Injuries](https://clinic.example.com/knees/)\n"
    assert [r for r in check_article(store, nav)["references"] if r.get("url")] == []


@pytest.mark.parametrize("text", [
    "The research published in the Journal of Back Care can be found here.",
    "The full study is available online.",
    "A new report in the Journal of Back Care makes a careful comparison of massage and exercise for neck pain.",
    "The review offers an overview of the trials of taping for knee pain.",
])
def test_lines_that_only_point_at_research_are_no_claims(text):
    assert points_to_research(text)
    assert _claims(f"# Neck pain\n\n{text}\n") == []


@pytest.mark.parametrize("text", [
    "The study, which can be found here, showed that massage reduced pain by 30%.",
    "A new report makes a careful comparison of the two and found that massage was as good as exercise.",
])
def test_pointing_lines_that_state_a_finding_stay(text):
    assert not points_to_research(text)


def test_research_judged_or_named_as_an_object_is_no_claim():
    assert research_judged("Dr. Lee of the council calls the study fascinating, but says he thinks most people would wait.")
    assert research_judged("Somehow someone decided to follow only half of what this study concluded.")
    assert not research_judged("Critics called the trial flawed because it found that pain fell in both groups.")
    assert not research_judged("The trial found that pain fell, which is what the review concluded.")


def test_someone_shown_a_thing_is_no_research_cue():
    assert claim_cue("Almost everyone who has been shown lunges by a personal trainer has heard this rule.") is None
    assert claim_cue("Lunges have been shown to strengthen the knee.")
    assert claim_cue("It has been shown by a large study that lunges strengthen the knee.")


def test_where_a_study_took_place_is_method():
    assert method_only("The federally funded study took place at six universities and followed people with hip pain.")
    assert not method_only("The study took place at six universities and found that therapy worked as well as surgery.")


def test_in_fact_with_a_comparison_goes_on():
    assert goes_on("In fact, shallow lunges put greater load on the kneecap.")
    assert not goes_on("In fact, I lunge every day.")
    page = ("# Lunges\n\nIn a study of knee load at different depths, Brook and Hale (2015) say that fears about deep lunges "
            "are unfounded. In fact, shallow lunges put greater load on the kneecap.\n")
    assert len(_claims(page)) == 2


def test_a_quotation_going_on_after_a_lead_in_over_a_bare_link():
    assert bare_link_line("http://journal.example.org/abstract/2004/lunge_depth_knee_load.aspx")
    assert not bare_link_line("See http://journal.example.org/abstract/2004/ for more.")
    assert quotation_continues('"While deep lunges may reduce the strain on the knee, they load the hip more.',
                         'Thus, deep lunges may suit people with knee pain."')
    page = ("# Lunges\n\nHere is the direct quote from the study published in the Journal of Lunge Science :\n\n"
            "http://journal.example.org/abstract/2004/lunge_depth_knee_load.aspx\n\n"
            '"While deep lunges may reduce the strain on the knee, they load the hip more. Thus, deep lunges may suit people with knee pain."\n')
    found = _claims(page)
    assert any(t.startswith('"While deep lunges') for t in found) and any(t.startswith("Thus, deep lunges") for t in found)


def test_results_after_researchers_named_with_their_method():
    page = ("# Tendon pain\n\nResearchers at four clinics randomly assigned 210 people with tendon pain either to injections "
            "or to twelve weeks of exercise. Forty percent of the patients assigned to injections ended up needing more "
            "treatment, mostly because the pain came back.\n")
    assert any(t.startswith("Forty percent") for t in _claims(page))


def test_a_quotation_closed_by_its_attribution_does_not_go_on():
    assert not quotation_continues('"In effect, the runners seemed primed for slower recovery, says Dr. Lee, who led the study.',
                             'Dr. Lee and her colleagues suspect that the cold soaks set off a reaction."')
