"""A journal cited by its full title in brackets ("(Physical Therapy in Sport, 2019)") is a journal and its year, not an
author or an organisation; organisations with topic words stay organisations."""
import pytest

from physiohub.check import check_article
from physiohub.check.citations import journal_title
from physiohub.store import Store


@pytest.mark.parametrize("name", ["Physical Therapy in Sport", "Clinical Rehabilitation", "Gait & Posture", "Pain Medicine",
                                  "Musculoskeletal Science and Practice", "The Spine Journal", "Mayo Clinic Proceedings",
                                  "The Journal of Rheumatology", "Manual Therapy"])
def test_journal_titles(name):
    assert journal_title(name)


@pytest.mark.parametrize("name", ["Chartered Society of Physiotherapy", "American Physical Therapy Association", "Johns Hopkins Medicine",
                                  "Arthritis Research UK", "Faculty of Sport and Exercise Medicine", "Lee and colleagues",
                                  "Smith et al.", "Surgery", "Royal College of Surgeons", "Lee, Park", "Nature"])
def test_not_journal_titles(name):
    assert not journal_title(name)


@pytest.mark.parametrize("cite,journal", [("(Physical Therapy in Sport, 2019)", "Physical Therapy in Sport"),
                                          ("(Clinical Rehabilitation 2019)", "Clinical Rehabilitation"),
                                          ("(The Spine Journal, 2019)", "The Spine Journal"),
                                          # names with no journal's word: the cited-journal lexicon, or a family's name
                                          ("(Sports Health, 2019)", "Sports Health"), ("(Trials 2019)", "Trials"),
                                          ("(The Knee, 2019)", "The Knee"), ("(Age and Ageing, 2019)", "Age and Ageing"),
                                          ("(Nature Communications, 2019)", "Nature Communications"),
                                          ("(Frontiers in Pain Research, 2019)", "Frontiers in Pain Research"),
                                          ("(BMJ Open Sport & Exercise Medicine, 2019)", "BMJ Open Sport & Exercise Medicine")])
def test_bracketed_journal_title_is_a_journal_reference(tmp_path, cite, journal):
    store = Store(tmp_path / "hub.db")
    try:
        res = check_article(store, f"# Knees\n\nSome words about knees.\n\nWalking eased knee pain in older adults {cite}.\n")
    finally:
        store.close()
    assert [(r["kind"], r.get("journal"), r.get("year"), r.get("authors")) for r in res["references"]] == [("inline", journal, 2019, [])]
    [claim] = res["claims"]
    assert claim["year"] == 2019


def test_organisation_with_topic_words_stays_an_author(tmp_path):
    store = Store(tmp_path / "hub.db")
    try:
        res = check_article(store, "# Knees\n\nSome words.\n\nWalking eased knee pain (Chartered Society of Physiotherapy, 2019).\n")
    finally:
        store.close()
    assert [(r.get("journal"), r.get("authors")) for r in res["references"]] == [(None, ["Chartered Society of Physiotherapy"])]


@pytest.mark.parametrize("line,journal", [("Journal reference: Arthritis & Rheumatology (2019).", "Arthritis & Rheumatology"),
                                          ("Reference: Osteoarthritis and Cartilage, May 2019.", "Osteoarthritis and Cartilage"),
                                          ("Source: JAMA Internal Medicine, 2019", "JAMA Internal Medicine")])
def test_journal_and_year_reference_line(tmp_path, line, journal):
    store = Store(tmp_path / "hub.db")
    try:
        res = check_article(store, f"# Walking eases knee pain\n\nA new study found that walking eased knee pain.\n\n{line}\n")
    finally:
        store.close()
    assert [(r.get("journal"), r.get("year"), r.get("authors")) for r in res["references"]] == [(journal, 2019, [])]


def test_a_name_and_year_line_is_no_journal():
    from physiohub.check.references import parse_reference

    ref = parse_reference("Lee, 2019.")
    assert ref.journal is None


def test_published_online_citation(tmp_path):
    store = Store(tmp_path / "hub.db")
    try:
        res = check_article(store, "# Knees\n\nSome words.\n\nWalking eased knee pain, a study found "
                                   "(JAMA Intern Med. Published online May 6, 2019.)\n")
    finally:
        store.close()
    assert [(r["kind"], r.get("journal"), r.get("year")) for r in res["references"]] == [("inline", "JAMA Intern Med", 2019)]
    assert res["claims"][0]["references"] == [0]


def test_a_surname_like_journal_name_stays_a_person(store):
    # "Bone" and "Brain" are journals too, but left out of the lexicon: a bracket may cite a person of that name
    res = check_article(store, "# Knees\n\nSome words.\n\nWalking eased knee pain (Bone et al., 2019).\n")
    assert [(r.get("journal"), r.get("authors")) for r in res["references"]] == [(None, ["Bone et al."])]
