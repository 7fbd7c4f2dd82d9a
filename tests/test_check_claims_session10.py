"""Claims on pages of new sites, session 10 (dev17/: supplement, wellness, fitness, yoga, podcast, Q&A, hospital-blog and
newsletter pages). Every sentence and page here is written for this test, not taken from those pages."""
from __future__ import annotations

from physiohub.check.claim_words import VERB_RE, has_effect
from physiohub.check.claims import claim_cue, find_claims, model_veto
from physiohub.check.document import parse_document


def _claims(text: str) -> list[str]:
    return [c.text for c in find_claims(parse_document(text).sentences, learned=False)]


def test_hedged_effects_read_as_effects():
    assert has_effect("Coffee may slow hip arthritis in older men")
    assert has_effect("Stretching could slow the progression of stiffness.")
    assert has_effect("Grip strength may predict hip fracture")
    # an adjective, and a hyphenated body region, are no effects
    assert not has_effect("Slow walkers were asked to keep a diary")
    assert not has_effect("Forty adults with lower-back pain took part")


def test_headline_with_a_hedged_effect_over_a_study():
    page = ("# Tea drinkers\n\nSome intro line about the season here.\n\n**Green tea may slow knee cartilage loss.**\n\n"
            "A new study of 900 adults found that those who drank three cups a day lost less cartilage over five years.\n")
    found = _claims(page)
    assert any(t.startswith("**Green tea may slow knee cartilage loss") for t in found), found


def test_how_headline_is_no_finding():
    page = ("# Tea drinkers\n\nSome intro line about the season here.\n\n**How green tea may slow knee cartilage loss**\n\n"
            "A new study of 900 adults found that those who drank three cups a day lost less cartilage over five years.\n")
    assert not any("How green tea" in t for t in _claims(page))


def test_title_stating_a_hedged_finding():
    page = ("Clinic News - March 3, 2021\n\n# Walking may slow hip arthritis in men\n\nA nice way to start the day: a walk.\n\n"
            "New research says that a daily walk may help men keep their hip cartilage.\n")
    assert "Walking may slow hip arthritis in men" in _claims(page)


def test_research_backing_is_a_reporting_verb():
    # a heading "More research backing X for Y" has a verb, so it is not dropped as a verbless label
    assert VERB_RE.search("New research backing tai chi for knee pain in older women")
    assert not VERB_RE.search("Her backing vocals and the back pain clinic")


def test_according_to_estimates_is_a_source():
    assert claim_cue("About 10 million people have gout, and according to official estimates, one in four will need daily drugs.")


def test_no_difference_and_superlatives_continue_a_study():
    page = ("The study showed that eating more oily fish slowed joint damage in women. Women who ate the most fish had the "
            "fewest flares.\n\nNot all foods helped. Red meat made no difference for men or women, while sugar sped it up.\n")
    found = _claims(page)
    assert any(t.startswith("Women who ate the most fish") for t in found), found
    assert any(t.startswith("Red meat made no difference") for t in found), found


def test_groups_that_did_not_differ_under_a_results_heading():
    page = ("# Ginger and sore knees\n\nIn this randomized trial, ginger capsules did not ease knee pain in older adults.\n\n"
            "## What were the results?\n\nThe two groups did not differ on any of the outcomes.\n")
    assert "The two groups did not differ on any of the outcomes." in _claims(page)


def test_result_bullets_under_key_discoveries_include():
    page = ("# Fish oil and joints\n\nThe researchers went through studies of fish oil to see how it acts on joints.\n\n"
            "Key discoveries include:\n\n- Fish oil lowered morning stiffness in people with arthritis.\n"
            "- In animal studies it reduced swelling of the joint lining.\n")
    found = _claims(page)
    assert "Fish oil lowered morning stiffness in people with arthritis." in found, found


NOT_CLAIMS = [
    # the caveat of an observational study
    "Of course, the study cannot prove cause and effect, and the team does not yet know why it helps only men.",
    # a section title over findings, and a count of studies as a topic
    "What the Studies Found",
    "The Knee Hour: Four new studies on cartilage, cycling and sleep",
    # what was done to the participants and what a review took in
    "In a study led by researchers at a Boston hospital, more than 900 nurses filled in a sleep questionnaire.",
    "The treatments under review included heat wraps, back belts, massage and stretching classes.",
    "Leaving the company-funded studies aside, plenty of good trials have compared various doses of the drug with placebo.",
    # a plan stated with the publication
    "Published online in March in a rheumatology journal, the findings are now being tested in people.",
]


def test_session10_not_claims():
    for text in NOT_CLAIMS:
        assert not claim_cue(text), text
        assert model_veto(text), text


def test_back_is_a_verb_only_before_what_it_backs():
    assert not claim_cue("The treatments the review looked at were education, back belts and shoe inserts for workers.")
    assert not claim_cue("These findings give runners practical, science-backed takeaways for training.")
    assert claim_cue("Two large trials back this up, showing that walking eases knee pain.")


def test_a_trailing_source_that_reasons():
    assert claim_cue("If weight alone caused the pain, the heavier rats should have fared worse, the researchers reasoned.")


def test_sentences_under_a_method_heading_are_not_claims():
    page = ("# Vitamin D and back pain\n\nIn this randomized trial, vitamin D did not ease back pain in older women.\n\n"
            "## Who was studied?\n\n80 women aged 60 to 75 in Leeds.\n\nThey also said they had long-standing back pain and poor sleep.\n")
    found = [c.text for c in find_claims(parse_document(page).sentences)]
    assert not any(t.startswith("They also said") for t in found), found


def test_title_over_scientists_who_found():
    page = ("# Swimming Eases Hip Stiffness\n\nOne more reason to swim: scientists at a Dutch university have found that "
            "swimming twice a week eases hip stiffness in older adults. Published online in May, the findings are now being "
            "tested in a larger trial.\n")
    found = [c.text for c in find_claims(parse_document(page).sentences, learned=False)]
    assert "Swimming Eases Hip Stiffness" in found, found
    assert not any(t.startswith("Published online in May") for t in found), found


def test_evidence_that_has_come_in():
    assert claim_cue("More evidence has come in that tai chi can ease knee pain in older adults.")
    assert not claim_cue("More evidence has come in over the years, and we keep reading it.")


def test_a_quoted_finding_attributed_to_an_author_with_a_degree():
    assert claim_cue('"We found that pain fell by a third in the walking group," said Ann Lee, Ph.D., professor of '
                     'nursing and senior author of the study.')


def test_contrast_and_what_it_shows_continue_a_finding():
    page = ("A large review found that back belts and insoles did almost nothing. But exercise classes, with or without "
            "advice, did prevent new episodes of back pain. That is why we run classes.\n\n"
            "A new study found that swimming eased hip pain in older adults. We enjoyed reading it, but this shows that "
            "gentle exercise can improve hip function.\n")
    found = [c.text for c in find_claims(parse_document(page).sentences, learned=False)]
    assert any(t.startswith("But exercise classes") for t in found), found
    assert any("but this shows that gentle exercise" in t for t in found), found
    assert not any(t.startswith("That is why we run classes") for t in found), found


def test_a_method_sentence_does_not_continue_a_finding():
    page = ("More evidence has come in that yoga helps people with neck pain. Researchers at a Spanish university ran the "
            "study with 80 patients who had chronic lower-back and neck pain.\n")
    found = [c.text for c in find_claims(parse_document(page).sentences, learned=False)]
    assert not any(t.startswith("Researchers at a Spanish university") for t in found), found


def test_emoji_bullets_under_a_study_title_are_its_results():
    page = ("# Episode 12: two new papers for runners\n\n"
            "In this episode, Sam walks through two new studies on calf strength.\n\n"
            "Calf Strength & Shin Pain\n\n"
            "Study Title: Does calf endurance predict shin splints in military recruits?\n\n"
            "\u2705 Recruits with weak calves had 40% more shin pain than the others.\n\n"
            "\u274c Ankle range and arch height predicted nothing.\n\n"
            "\U0001f527 Tip: A single-leg calf raise test may help you spot weakness early.\n\n"
            "\U0001f9e0 Don't skip calf work in the off-season.\n")
    doc = parse_document(page)
    assert any(s.item and s.text.startswith("\u2705 Recruits") for s in doc.sentences)
    found = [c.text for c in find_claims(doc.sentences, learned=False)]
    assert any("Recruits with weak calves had 40% more shin pain" in t for t in found), found
    assert any("Ankle range and arch height predicted nothing" in t for t in found), found
    assert not any("Tip:" in t or "Don't skip" in t for t in found), found
    assert not any(t.startswith("Study Title:") for t in found), found


def test_a_test_that_predicted_nothing_is_a_no_difference_result():
    assert has_effect("The hop tests had no predictive value for ankle sprains.")
    assert has_effect("Flexibility tests predicted nothing.")


def test_bullets_under_key_findings_need_no_result_word():
    page = ("# Turmeric and joints\n\nThe researchers went through studies of turmeric to see how it acts on joints.\n\n"
            "Key findings include:\n\n- Curcumin acts by blocking a signal that white cells use to call for help.\n"
            "- Knee pain\n"
            "- If your knees hurt, book an appointment with our physiotherapists to talk it through.\n")
    found = [c.text for c in find_claims(parse_document(page).sentences, learned=False)]
    assert any(t.startswith("Curcumin acts by blocking") for t in found), found
    assert not any(t.startswith("Knee pain") or t.startswith("If your knees hurt") for t in found), found


def test_a_benefit_that_ends_and_a_contrast_opening_the_next_paragraph():
    page = ("A new review found that balance classes cut falls in older adults by a third. But here's the catch: once "
            "people stop the classes, their protective effect stops too.\n\n"
            "But not every class helped as much. Chair-based classes made no difference to falls.\n")
    found = [c.text for c in find_claims(parse_document(page).sentences, learned=False)]
    assert any("their protective effect stops too" in t for t in found), found
    assert "But not every class helped as much." in found, found


def test_a_preliminary_caveat_then_the_writers_advice():
    assert model_veto("The results are preliminary, but when it comes to sleep as a whole, there is no doubt that a "
                      "regular bedtime can ease pain.")
    assert not model_veto("The results are preliminary, but they suggest that a regular bedtime eases back pain.")


def test_result_opening_the_paragraph_after_a_method_paragraph():
    page = ("In a 10-week study published in a rheumatology journal, more than 90 patients with hip pain did either water "
            "exercise or home stretching twice a week. Pain was measured at the start and at the end.\n\n"
            "Patients in the water group were twice as likely as the stretching group to rate themselves much better.\n")
    found = [c.text for c in find_claims(parse_document(page).sentences, learned=False)]
    assert any(t.startswith("Patients in the water group were twice as likely") for t in found), found
    assert not any(t.startswith("In a 10-week study") for t in found), found


def test_a_quoted_finding_put_as_what_surprised():
    assert claim_cue('"What surprised us is that walking, with no weight loss at all, can be good for the knees," said Ann '
                     'Lee, M.D., professor of medicine and senior author of the study.')
    # the author's account of what patients do is no finding
    assert not claim_cue('"Many people will exercise for a week and then stop exercising," said Ann Lee, M.D., senior '
                         'author of the study.')


def test_what_the_trials_included_is_method_not_a_finding():
    from physiohub.check.claim_method import method_only

    assert method_only("The trials included walking, tai chi and resistance training.")
    assert method_only("These studies covered swimming and cycling.")
    # a sentence that goes on to a finding stays a finding
    assert not method_only("The studies included showed that exercise reduced pain.")
    assert not method_only("The trials involved 3,000 people and found that walking helps.")
