"""Session 19 of issue 13: headings on pages saved one paragraph per line, a joint's arthritis read as its
osteoarthritis, a generic condition held to the article's, and PubMed searches without stray words."""
from __future__ import annotations

import pytest

from physiohub.check.claims import Claim
from physiohub.check.document import parse_document
from physiohub.check.match import claim_condition_of, narrowed_condition
from physiohub.check.pubmed import pubmed_query

_ONE_PER_LINE = (
    "Physical therapy may not help hip pain, study suggests\n"
    "Patients with hip pain are very often sent to a physical therapist by their doctor.\n"
    "A new trial has put that habit to the test in more than one hundred patients.\n"
    "New data emerges\n"
    "According to a national survey, an estimated 50 million adults have been told they have arthritis.\n"
    "The researchers said the results surprised them and their colleagues.\n"
)


def test_a_short_line_between_prose_lines_is_a_heading():
    sentences = parse_document(_ONE_PER_LINE).sentences
    texts = [s.text for s in sentences]
    assert "New data emerges" in texts
    survey = next(s for s in sentences if s.text.startswith("According to a national survey"))
    assert survey.heading == "New data emerges"


def test_hard_wrapped_text_keeps_its_lines_together():
    wrapped = ("Exercise therapy is one of the treatments that doctors most often\n"
               "recommend for people with long-term back pain, and a trial found\n"
               "Pilates helped\n"
               "more than usual care did over a whole year of follow-up visits.\n")
    texts = [s.text for s in parse_document(wrapped).sentences]
    assert len(texts) == 1 and "found Pilates helped more than usual care" in texts[0]


@pytest.mark.parametrize("text, condition", [
    ("Glucosamine No Help for Arthritic Hips, Study Finds", "hip osteoarthritis"),
    ("Exercise eases arthritis of the knee", "knee osteoarthritis"),
    ("Walking helps people with osteoarthritis in both knees", "knee osteoarthritis"),
    ("Hip arthritis pain fell with exercise", "hip osteoarthritis"),
    ("Rheumatoid arthritis of the knee flared less", "rheumatoid arthritis"),
    ("Arthritis affects one in five adults", "arthritis"),
])
def test_a_joints_arthritis_is_its_osteoarthritis(text, condition):
    assert claim_condition_of(text) == condition


def test_a_general_condition_is_held_to_the_articles():
    assert narrowed_condition("arthritis", "hip osteoarthritis") == "hip osteoarthritis"
    assert narrowed_condition("osteoarthritis", "knee osteoarthritis") == "knee osteoarthritis"
    assert narrowed_condition("neck pain", "hip osteoarthritis") == "neck pain"
    assert narrowed_condition(None, "hip osteoarthritis") == "hip osteoarthritis"


def test_the_search_takes_the_articles_condition_and_no_stray_words():
    mild = Claim(text="Patients with very mild arthritis reported a slight improvement while taking glucosamine.", cue="test")
    assert pubmed_query(mild, condition="hip osteoarthritis").startswith('"hip osteoarthritis"[tiab] AND glucosamine[tiab]')
    coined = Claim(text="RRIs will affect up to 70% of runners at some point, with mild to severe pain.", cue="test")
    query = pubmed_query(coined)
    assert query.startswith("running[tiab]") and "point" not in query
    assert "rris" not in query and "mild" not in query and "severe" not in query


def _claims(text: str) -> list[str]:
    from physiohub.check import check_article
    from physiohub.store import Store
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        return [c["text"] for c in check_article(Store(Path(tmp) / "t.db"), text, html=False)["claims"]]


def test_numbered_selling_points_and_noun_labels_are_not_headline_claims():
    page = ("# Why see a physiotherapist\n\n"
            "## 1. Speeds Up Recovery After Injury\n\n"
            "A 2019 study found that early physiotherapy after an ankle sprain shortened the time off work.\n\n"
            "## Stress Reduction and Psychological Benefits\n\n"
            "Massage therapy has been found to lower stress and anxiety in athletes, a 2005 review reported.\n")
    found = _claims(page)
    assert not any(t.startswith("1. Speeds Up") or t.startswith("Speeds Up") for t in found)
    assert "Stress Reduction and Psychological Benefits" not in found
    assert any(t.startswith("A 2019 study found") for t in found)


def test_a_title_stating_what_is_best_is_a_claim_when_researchers_are_cited_under_it():
    page = ("Exercise Is Best For Relief Of Lower Back Pain\n\n"
            "A man holds his lower back. (Photo : Example Images)\n\n"
            "According to researchers from a large university, exercise is the most effective way to prevent new "
            "episodes of lower back pain.\n")
    found = _claims(page)
    assert "Exercise Is Best For Relief Of Lower Back Pain" in found


def test_a_photo_credit_is_no_heading():
    doc = parse_document("# Title of the page\n\nA runner stretches her calf. (Photo : Example Images)\n\n"
                         "Runners who stretched had fewer injuries in one trial.\n")
    assert doc.sentences[-1].heading == "Title of the page"


def test_harms_are_not_the_result_a_benefit_claim_is_read_against():
    from physiohub.check.backing import _results_for

    findings = ["Mild adverse events were reported in 40 patients in the active group and 46 in the placebo group.",
                "Pain scores improved slightly more with the supplement than with placebo at 6 months."]
    assert _results_for("People taking the supplement reported a slight improvement in pain.", findings) == findings[1:]
    assert _results_for("The supplement had fewer side effects than placebo.", findings) == findings


@pytest.mark.parametrize("text, method", [
    ("A more recent study from 2009 compared off-the-shelf insoles made of foam with custom-made orthotics.", True),
    ("The second study took a photo of each head once, and then compared it with pain reported months later.", True),
    ("In the new study, 50 adults with moderate knee osteoarthritis completed an intensive course of exercise.", True),
    ("A similar group of patients had knee replacements, followed by the same exercise programme.", True),
    ("This was a randomised trial set up to find out how surgery compares with other treatment.", True),
    ("About four studies found that, compared with usual care, water-based exercise reduced pain.", False),
    ("A 2009 study compared insoles with orthotics and found the insoles worked just as well.", False),
    ("In the new study, 50 adults who did the exercises had 30% less pain than those who did not.", False),
    ("A similar group of patients had less pain at one year than the controls.", False),
])
def test_what_a_study_set_side_by_side_is_its_method(text, method):
    from physiohub.check.claim_method import method_only

    assert method_only(text) is method


def test_what_is_said_or_thought_by_nobody_named_is_no_claim():
    from physiohub.check.claim_cues import claim_cue
    from physiohub.check.claim_vetoes import model_veto

    assert model_veto("It is thought that yoga builds up the neck muscles and lowers anxiety.")
    assert model_veto("Turmeric supplements are said to have many possible health benefits for sore joints.")
    assert not model_veto("According to the national health service, sitting all day is thought to slow the metabolism.")
    assert not model_veto("Heavy eccentric loading is believed to lessen soreness (Lee et al., 2019).")
    assert claim_cue("Muscle soreness often peaks at 48 hours and symptoms have been reported to last ten days.", []) is None
    assert claim_cue("Fewer falls have been reported in several trials of balance training.", []) is not None


def test_a_summary_block_between_the_headline_and_the_body_is_kept():
    from physiohub.check.extract import article_text

    body = " ".join(f"Paragraph {n} of the body says how a physiotherapist assesses a painful knee in the clinic." for n in range(1, 4))
    page = ("<html><body><div class='section'><h1>Physiotherapy</h1>"
            "<div class='article-summary'><p>Keeping the knee strong and mobile eases pain for many people with arthritis.</p>"
            "<p>A review of eight studies found that people on strength programmes had a 35% drop in pain.</p></div>"
            "<div class='article-body'>" + "".join(f"<p>{body}</p>" for _ in range(4)) + "</div></div></body></html>")
    text = article_text(page, html=True)
    assert "A review of eight studies found that people on strength programmes had a 35% drop in pain." in text
    assert text.index("A review of eight studies") < text.index("Paragraph 1 of the body")


_CYCLING = ("# Cycling and knees\n\n"
            "A study of 2,600 older adults looked at lifelong cycling and knee health. Those who had cycled were 21% less "
            "likely to have arthritis with joint pain, the study found. \"People who cycled had a lower prevalence of "
            "frequent knee pain. The benefit appeared to add up the longer people kept cycling. This study indicates that "
            "cycling may be good for knee health,\" the researchers wrote.\n\n"
            "\"Based on our observational study, cycling over a lifetime may be a joint-friendly way to stay active,\" "
            "they added.\n")


def test_a_quote_the_researchers_are_credited_with_at_its_close_is_their_finding():
    found = _claims(_CYCLING)
    assert any(t.startswith('"People who cycled had a lower prevalence') for t in found)
    assert any(t.startswith("The benefit appeared to add up") for t in found)
    from physiohub.check.claim_cues import claim_cue

    assert claim_cue('"Based on our observational study, cycling may be a joint-friendly way to stay active," they added.', [])


def test_a_headline_crediting_a_study_at_its_end_and_a_teaser_headline():
    found = _claims("Smartphones causing 'pain in the neck': Study\n\nResearchers from two universities filmed 30 phone "
                    "users aged 18 to 25. Using a posture tool to measure risk, they found that the average score was 6, "
                    "against an acceptable score of 1-2.\n")
    assert "Smartphones causing 'pain in the neck': Study" in found
    assert any("they found that the average score was 6" in t for t in found)
    teaser = _claims("Study Identifies Exercise That Could Reduce Knee Pain\n\nA study of 2,600 adults found that people "
                     "who had cycled were 21% less likely to have knee arthritis.\n")
    assert "Study Identifies Exercise That Could Reduce Knee Pain" not in teaser


def test_a_list_articles_title_is_no_claim_and_a_superscript_note_is_scored_as_shown():
    from physiohub.check.claim_vetoes import model_veto
    from physiohub.check.evaluate import _contains

    assert model_veto("Top 5 Benefits of Massage Therapy for Runners")
    assert model_veto("3 ways a holistic MSK program improves care")
    assert not model_veto("Five trials found that massage eased soreness after a marathon.")
    assert _contains("affect about 1.71 billion people worldwide, according to the World Health Organization.",
                     "MSK conditions affect about 1.71 billion people worldwide, according to the World Health Organization [1].")


def test_a_first_author_named_in_prose_points_to_the_listed_work_and_work_is_no_workplace():
    from physiohub.check.lexicon import topic_of

    page = ("# Back pain myths\n\nA large review of imaging studies by Brinjikji and colleagues found disc degeneration in "
            "over a third of pain-free 20-year-olds.\n\n## References\n\n1. Brinjikji W, Luetmer PH, Comstock B, et al. "
            "Systematic literature review of imaging features of spinal degeneration in asymptomatic populations. AJNR Am J "
            "Neuroradiol. 2015;36(4):811-818. doi:10.3174/ajnr.A4173\n")
    from physiohub.check import check_article
    from physiohub.store import Store
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        claim = check_article(Store(Path(tmp) / "t.db"), page, html=False)["claims"][0]
    assert claim["references"] == [0] and claim["year"] == 2015
    assert topic_of("It doesn't work, according to researchers writing in a medical journal.") != "Work & Function"
    assert topic_of("Office workers who took short breaks had less neck pain.") == "Work & Function"


def test_a_treatment_named_by_its_kind_is_searched_as_the_one_next_to_it():
    head = Claim(text="Glucosamine No Help for Arthritic Hips, Study Finds", cue="test")
    deck = Claim(text="Popular supplement did no better than a placebo over two years", cue="test", intervention="Popular supplement")
    query = pubmed_query(deck, head, condition="hip osteoarthritis")
    assert "glucosamine[tiab]" in query and "supplement" not in query
