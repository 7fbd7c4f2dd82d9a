"""Claim and reference rules of session 20 (issue 13), each on sentences written for the test."""
from __future__ import annotations

from physiohub.check.claim_cues import claim_cue, wh_announcement
from physiohub.check.claim_method import method_only
from physiohub.check.claim_not_claims import researchers_background
from physiohub.check.claim_vetoes import model_veto
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document
from physiohub.check.references import parse_reference, parse_reference_list


def test_a_numbered_list_of_titles_with_bracketed_authors_and_years_is_a_reference_list():
    text = ("# Sore knees\n\nStrength work eases knee pain (1). Walking keeps bones strong (2).\n\n"
            "1. Strength training and knee osteoarthritis: a narrative review [Lindqvist. A, 2017]\n"
            "2. Walking for bone health in older women [Marsh F. Okafor, 2012]\n")
    doc = parse_document(text)
    assert not any("Lindqvist" in s.text or "Marsh" in s.text for s in doc.sentences)
    refs = parse_reference_list(doc.reference_lines)
    assert [(r.authors[0], r.year) for r in refs] == [("Lindqvist", 2017), ("Marsh", 2012)]
    assert refs[0].title == "Strength training and knee osteoarthritis: a narrative review"


def test_a_title_with_a_journal_in_brackets_is_not_read_as_authors():
    r = parse_reference("1. Stretching before running (Journal of Running Science, 2014)")
    assert r.authors != ["Journal of Running Science"]
    # and a bullet stating a finding with its citation after it is no entry of this form
    assert parse_reference("Stretching reduces soreness (Okafor et al., 2014)").title != "Stretching reduces soreness"


def test_what_a_tissue_does_and_what_a_word_means_are_no_findings_even_cited():
    for text in ("This cartilage tissue is what lets the elbow bend smoothly (2).",
                 "Tendons attach the muscles to the bones [4].",
                 "The term is often used for any pain around the heel (3).",
                 "There are three main kinds of headache: tension, migraine and cluster (6)."):
        assert model_veto(text), text
    assert not model_veto("Strength training reduced tendon pain by a third (4).")


def test_a_line_showing_what_the_research_says_is_an_announcement():
    assert wh_announcement("The chart below from Okafor et al 2019 shows what the research on the topic currently tells us.")
    assert not wh_announcement("The chart shows what the research tells us, that walking eases back pain.")


def test_how_to_read_a_figure_is_no_finding():
    assert model_veto("If the diamond at the bottom of the plot crosses the midline, the pooled effect shows that the "
                      "treatment lacks evidence.")


def test_a_myth_label_is_never_a_claim():
    for text in ("Myth 2: Rest is the best cure for a sore back.", "**Myth #4:** Running ruins your knees",
                 "Myth: Cracking your knuckles causes arthritis, a study says."):
        assert model_veto(text) and claim_cue(text) is None, text


def test_the_researchers_background_on_the_condition_is_no_claim():
    assert researchers_background("Researchers say about 80 percent of adults will have neck pain at some point in their lives.")
    assert researchers_background("Hip pain is the third leading cause of disability in older adults, the researchers write in a journal.")
    assert claim_cue("Researchers say about 80 percent of adults will have neck pain at some point in their lives.") is None
    # a finding of theirs stays one
    assert not researchers_background("The researchers found that 80 percent of the runners had knee pain at some point in their lives.")
    assert claim_cue("Researchers say that people who walk daily have a lower risk of back pain.") is not None


def test_an_explanation_of_a_result_is_no_finding():
    assert model_veto("They noted that one possible reason is that the disease is underdiagnosed in men.")


def test_who_took_part_and_what_a_study_looked_at_are_method():
    for text in ("At the start, the participants had mild hip pain or were at higher risk of it.",
                 "Most participants in the trial were already active and may have had little room to improve.",
                 "Most of the trials (80 per cent) included women over 60, and most tested calcium on its own rather than with vitamin D.",
                 "Twelve clinical trials were included, and only two were of high quality.",
                 "Researchers from a Danish university looked at how pain changes over time in people with hip OA, work that "
                 "could help find better care."):
        assert method_only(text), text
    for text in ("The researchers looked at how walking changed pain and found that it fell by half.",
                 "Most participants in the trial had less pain after six weeks.",
                 "At the start, the participants had similar pain, but after a year the walkers had less."):
        assert not method_only(text), text


def test_an_outside_expert_not_in_the_research_is_no_continuation():
    text = ("# Neck pain review\n\nA review of 30 trials found that exercise eases neck pain. "
            "She was not involved in the research.\n")
    claims = [c.text for c in find_claims(parse_document(text).sentences, learned=False)]
    assert "She was not involved in the research." not in claims
    assert any("A review of 30 trials" in c for c in claims)


def test_a_section_titled_the_research_over_prose_is_read_as_sentences():
    text = ("# Hamstrings\n\n## The Research\n\nA randomised trial of 900 players found that the Nordic curl cut hamstring "
            "injuries by about 70% (Lee et al., 2011).\n\n## References\n\nLee, A. (2011) 'Nordic curls', Sports Journal, 3(1), pp. 1-9.\n")
    doc = parse_document(text)
    assert any("Nordic curl cut" in s.text for s in doc.sentences)
    assert len(doc.reference_lines) == 1
    # a list under the same heading is still a list
    listed = parse_document("# Hamstrings\n\nCurls help.\n\n## The Research\n\nLee, A. (2011) 'Nordic curls', Sports Journal, 3(1), pp. 1-9.\n")
    assert listed.reference_lines


def test_a_source_article_line_is_the_entry_and_a_previous_link_ends_the_list():
    doc = parse_document("# Neck pain\n\nExercise prevents neck pain, a review found.\n\nSource article: Okafor, F., & Lind, V. (2023). "
                         "Exercise for preventing neck pain: a systematic review. Journal of Neck Research, 53(1), 1-9.\n")
    assert [r.authors[0].split()[0] for r in parse_reference_list(doc.reference_lines)] == ["Okafor"]
    doc = parse_document("# Shoulder\n\nSurgery did no better, a trial found.\n\n## Reference\n\nLind S, Okafor T. Surgery or not. "
                         "Ann Rheum Dis. 2021;80:1-9.\n\n[Previous: Shoulder tests](https://example.org/tests/)\n")
    assert len(doc.reference_lines) == 1


def test_results_under_a_results_heading_belong_to_the_study_described_under_methods():
    text = ("# A pragmatic trial of shoulder surgery\n\n## Methods\n\nThis randomised trial recruited 400 patients with shoulder "
            "pain from two hospitals.\n\n## Results\n\nPatients without tears did equally well with exercise and with surgery.\n")
    claims = {c.text: c for c in find_claims(parse_document(text).sentences, learned=False)}
    assert "Patients without tears did equally well with exercise and with surgery." in claims


def test_what_kind_of_study_it_was_is_method():
    assert method_only("This recent study was a systematic review and meta-analysis of 6 studies, with more than 1,500 "
                       "subjects (70% of them nurses).")
    assert not method_only("The study was a randomised trial that found walking halved back pain.")


def test_a_reference_entry_among_the_sentences_and_a_myth_heading_are_no_claims():
    text = ("# Back myths\n\nA review found that most back pain settles within weeks.\n\n"
            "Lind PB, Okafor JP, Marsh K, et al Ten facts about back pain\n\n## Myth 3: Exercise will make my back worse\n\n"
            "Studies show that exercise is one of the best treatments for long-lasting back pain.\n")
    claims = [c.text for c in find_claims(parse_document(text).sentences)]
    assert not any(c.startswith("Lind PB") or c.startswith("Myth 3") for c in claims)
    assert any(c.startswith("Studies show") for c in claims)


def test_an_outside_experts_words_are_no_claims_wherever_the_story_says_so():
    from physiohub.check.claim_outside import outside_words
    text = ("# Neck pain treatments\n\nA review of 10 trials found that no treatment clearly beat the others.\n\n"
            'Instead, the new research "suggests that people have many options," Janet Okafor told a news agency. '
            '"There were no big differences between the programmes," Okafor said. She was not involved in the research.\n\n'
            '"Move your neck gently," said study author Dr. Ann Lind.\n')
    sentences = parse_document(text).sentences
    marks = dict(zip([s.text for s in sentences], outside_words(sentences)))
    assert marks['"There were no big differences between the programmes," Okafor said.']
    assert not marks['"Move your neck gently," said study author Dr. Ann Lind.']
    claims = [c.text for c in find_claims(sentences, learned=False)]
    assert not any("Okafor" in c for c in claims)
    assert any(c.startswith("A review of 10 trials") for c in claims)


def test_a_further_information_list_the_extractor_drops_comes_back_as_organisation_links(tmp_path):
    from physiohub.check import check_article
    from physiohub.store import Store

    body = " ".join(["Exercise helps people with hip osteoarthritis, a review of trials found."] * 3)
    page = ("<html><body><main><article><h1>Hip osteoarthritis</h1>" + "".join(f"<p>{body}</p>" for _ in range(4))
            + '<h2>Further information</h2><ul class="link-list">'
            '<li><a href="https://www.hipcharity.org/hip/">Arthritis Charity &ndash; Hip osteoarthritis</a></li>'
            '<li><a href="https://www.healthservice.org.uk/oa/">Health Service &ndash; Osteoarthritis</a></li></ul>'
            "<p>If you would like this leaflet in another language, please contact us.</p></article></main></body></html>")
    refs = check_article(Store(tmp_path / "h.db"), page, html=True)["references"]
    assert {r.get("url") for r in refs} >= {"https://www.hipcharity.org/hip/", "https://www.healthservice.org.uk/oa/"}


def test_a_year_that_bounds_a_period_is_not_the_research_year():
    from physiohub.check.claim_designs import year_of
    assert year_of("After reviewing 10 trials published since 2008, the researchers concluded that exercise helps.") is None
    assert year_of("A study of people treated from 1999 through 2010 shows that many got scans.") is None
    assert year_of("A 2021 trial found that walking helped.") == 2021


def test_a_headline_with_no_clear_winner_states_a_finding():
    claims = [c.text for c in find_claims(parse_document("# No clear winner for knee pain treatment: study\n\n"
                                                         "A review of 12 trials found that no treatment beat the others.\n").sentences,
                                          learned=False)]
    assert "No clear winner for knee pain treatment: study" in claims
