"""Kinds of false alarm and miss the fresh dev28 pages showed (session 16), in sentences of our own: a line of related
stories, a method sentence that names its authors or what the treatment was tested against, outside experts writing
in a commentary, a question whose next item's enumerator was read onto it, a footnote number glued to a long word."""
from __future__ import annotations

from physiohub.check.claim_method import method_only
from physiohub.check.claim_not_claims import NOT_INVOLVED, QUESTION_OR_NEED
from physiohub.check.claim_sources import sources_of
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document


def _claims(text: str) -> list[str]:
    return [c.text for c in find_claims(parse_document(text).sentences)]


def test_a_line_of_related_stories_is_navigation():
    texts = _claims("# Back pain\n\nParacetamol did not speed recovery from back pain, a trial in a journal found.\n\n"
                    "Related: Sitting all day raises diabetes risk \u2013 study | Agency warns of rising obesity\n")
    assert not any(t.startswith("Related") for t in texts)
    assert any("did not speed recovery" in t for t in texts)


def test_what_a_study_did_is_no_claim():
    assert method_only("Lee et al. (2013) randomised 206 adults with hip or knee pain to usual care or exercise.")
    assert method_only("Shockwave has been tested against a sham treatment in a large trial of 250 patients.")
    assert not method_only("The trial randomised 300 patients and showed that surgery was no better than physiotherapy.")
    assert not method_only("Shockwave has been tested in trials and found to ease heel pain.")


def test_outside_experts_in_a_commentary_are_not_the_finding():
    assert NOT_INVOLVED.search("In a commentary published alongside the study, two experts said the results should "
                               "change practice.")
    assert not NOT_INVOLVED.search("The study, published with a commentary, found that walking eased pain.")


def test_a_question_keeps_being_a_question_with_the_next_items_number():
    assert QUESTION_OR_NEED.search("If the study had found it useless, would we ever have heard about it? (2)")


def test_a_footnote_glued_to_a_long_word():
    _, cites = sources_of("LBP is the leading cause of disability worldwide38, and people of every age have it.", [])
    assert cites == ["38"]


def test_an_author_with_initials_first_is_no_journal(store):
    from physiohub.check import check_article

    res = check_article(store, "# Knees\n\nSome words here.\n\nExercise eased knee pain more than usual care (J. Smith, 2019).\n")
    assert [(r.get("authors"), r.get("year"), r.get("journal")) for r in res["references"]] == [(["Smith J"], 2019, None)]
    # a journal's abbreviation stays a journal
    res = check_article(store, "# Knees\n\nSome words here.\n\nExercise eased knee pain more than usual care (J. Pain, 2019).\n")
    assert [(r.get("authors"), r.get("journal")) for r in res["references"]] == [([], "J. Pain")]


def test_one_drug_two_names_and_a_combination_is_not_the_drug_alone():
    from physiohub.check.tested import study_tests_claim

    claim = "A trial found that paracetamol made no difference to back pain."
    words = ["trial", "paracetamol", "difference", "back", "pain"]
    title = "Acetaminophen for acute low back pain: a randomised placebo-controlled trial"
    text = title + ". Adults with acute back pain were randomised to acetaminophen or placebo. Pain did not differ."
    t = study_tests_claim(None, claim, words, title, text, {"intervention": [{"text": "acetaminophen"}]}, "No clear difference",
                          article_words={"paracetamol", "back", "pain", "trial"})
    assert t.tests
    title = "Oxycodone/acetaminophen tablets for chronic low back pain: an open-label study"
    text = title + ". Patients took oxycodone/acetaminophen for 4 weeks. Pain fell (P < 0.001)."
    t = study_tests_claim(None, claim, words, title, text, {"intervention": [{"text": "oxycodone/acetaminophen"}]}, "Supports",
                          article_words={"paracetamol", "back", "pain", "trial"})
    assert not t.tests and t.reason == "it tests paracetamol combined with oxycodone, not on its own"


def test_the_burden_of_a_condition_with_no_source_is_background():
    from physiohub.check.claim_vetoes import _background_figure

    assert _background_figure("Lower back pain is the leading cause of disability worldwide.")
    assert not _background_figure("Low back pain is the leading cause of disability around the world, according to a journal.")
    assert not _background_figure("Osteoarthritis is the leading cause of pain and disability in older people.")


def test_the_page_footer_is_no_part_of_the_last_entry():
    text = ("# Heel pain\n\nA trial found shockwave eased heel pain [1].\n\n### References\n\n[1] Lee JD, Park A. Stretching "
            "versus shockwave for heel pain. J Bone Joint Surg Am. 2010;92(15):2514-2522.\n\n---\n\nPosted in [Heel Pain]"
            "(/articles/heel-pain) \u00b7 Share: Facebook \u00b7 Email\n\n\u00a9 A Podiatry Clinic\n")
    assert parse_document(text).reference_lines == [
        "[1] Lee JD, Park A. Stretching versus shockwave for heel pain. J Bone Joint Surg Am. 2010;92(15):2514-2522."]


def test_a_randomised_study_with_more_words_between_is_a_randomised_trial():
    from physiohub.check.claim_designs import design_of

    assert design_of("results of a confirmatory randomized placebo-controlled multicenter study") == "randomised trial"
    assert design_of("a randomised, double-blind, sham-controlled trial") == "randomised trial"
    assert design_of("a randomly selected study") == "study"


def test_a_null_effect_is_causal_wording_not_a_correlation():
    from physiohub.check.strength import claim_strength

    labels = claim_strength(["Paracetamol works no better than dummy pills for low back pain, study finds",
                             "Nor did paracetamol make any difference to pain, disability, function or sleep.",
                             "Obesity had no association with back pain."])
    assert labels[:2] == ["direct causal", "direct causal"] and labels[2] != "direct causal"


def test_entries_that_name_a_journal_and_year_without_authors_or_with_the_year_first():
    from physiohub.check.references import parse_reference

    r = parse_reference("1. Exercise for osteoarthritis of the knee (Cochrane Database of Systematic Reviews, 2015)")
    assert (r.title, r.journal, r.year) == ("Exercise for osteoarthritis of the knee", "Cochrane Database of Systematic Reviews", 2015)
    r = parse_reference("1. British Journal of Sports Medicine: Exercise therapy for knee pain, 2019")
    assert (r.journal, r.year) == ("British Journal of Sports Medicine", 2019)
    r = parse_reference("1. 2019. Smith J, Lee K. Exercise for knee pain. BMJ 365:l123.")
    assert (r.authors[:1], r.year, r.journal) == (["Smith J"], 2019, "BMJ")
    # an IEEE entry whose title has a colon is not "journal: title"
    r = parse_reference('[1] J. Smith and K. Lee, "Knee pain: a trial," Phys. Ther. Sport, vol. 40, pp. 1-8, 2019.')
    assert r.authors[:1] == ["Smith J"]
