"""Sentence roles read on pages from sites no earlier fixture used (issue 13, session 8: the dev4 c_* pages).
Every sentence and page here is written for this test."""
from __future__ import annotations

import pytest

from physiohub.check.claims import claim_cue, find_claims, method_only, model_veto
from physiohub.check.document import parse_document

CLAIMS = [
    # evidence looked for and not found; a practice set against the evidence; the state of the science on a topic
    "Like many beliefs in sport, when you look for the evidence it is not there.",
    "The shape of most insoles does not match the available evidence, and knowing this helps you choose.",
    "The science on stretching and muscle soreness is quite mixed.",
    # another study's agreement with the one just reported
    "Lund and Berg had similar findings in older cyclists.",
    # the source says something with a figure written in words
    "About three million adults in the region have gout, according to the National Joint Foundation.",
    # an infinitive that is not an aim
    "There are many trials to back this up, and a review showing that walking eases hip pain.",
]

NOT_CLAIMS = [
    # aims and plans: a verb after "hope to" reports nothing
    "Researchers hope to find the runners most at risk of shin pain.",
    # a teaser headline that promises the finding
    "Sore Heels? New Study Reveals How to Beat Them",
    "Stiff Neck in the Morning? A Study Reveals Why It Happens",
    # a tagline: a design word and a verb after a colon
    "Rehab research made simple: evidence that supports your recovery.",
    # what the study did, with the aim's effect words and the search's yield
    "In this study, the team looked at ways to improve walking after hip surgery.",
    "A new review went through hundreds of earlier papers testing whether taping helped to ease knee pain.",
    "Of 120 studies found, only 4 were relevant and comparable, which limits what can be said.",
    "Quality was rated with a standard risk of bias tool, and two reviewers were used to grade the data.",
    # an opinion on the results credited to an author is no result
    "According to study author Ana Ruiz, the results are not very surprising.",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_roles_that_make_claims(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_roles_that_are_not_claims(text):
    assert not claim_cue(text), text


@pytest.mark.parametrize("text", [
    "Nolan found 22 suitable studies in all.",
    "Nolan and Park have done just this to find out whether warming up prevents calf strains.",
    "312 trials, 20,114 participants with chronic neck pain.",
    "The team compared four types of insole.",
])
def test_search_yield_counts_and_aims_are_method_sentences(text):
    assert method_only(text), text


@pytest.mark.parametrize("text", [
    "There is also a pressing need to identify people at risk who can be followed in future trials.",
    '"Moving this research forward matters to us because new treatments are needed to reduce pain," says the charity\'s director.',
    "By pooling the results of many small trials the play of chance can be reduced, a process known as a meta-analysis.",
    "The common beliefs follow this chain of logic: more cushioning means less impact and fewer injuries.",
    "Follow us: https://example.org/a https://example.org/b https://example.org/c and our newsletter.",
])
def test_needs_definitions_beliefs_and_link_lines_are_vetoed_for_the_model(text):
    assert model_veto(text), text


def _claims(text: str) -> list[str]:
    return [c.text for c in find_claims(parse_document(text).sentences, learned=False)]


def test_list_under_a_heading_that_names_its_research():
    page = ("# Hip pain and exercise\n\nA short summary for our patients.\n\n"
            "By the numbers (from the 2023 review by Moss et al):\n\n"
            "- 88 trials, 6,210 participants with hip osteoarthritis.\n"
            "- Strength training gave the largest gains in function.\n"
            "- On safety, there was no clear rise in adverse events compared with walking.\n")
    got = _claims(page)
    assert any("Strength training gave the largest gains" in c for c in got)
    assert any("no clear rise in adverse events" in c for c in got)
    assert not any("88 trials" in c for c in got)
    assert not any("By the numbers" in c for c in got)


def test_a_reference_label_line_and_a_lead_in_are_not_claims():
    page = ("Paper: Ober et al, 2019, Manual therapy for chronic neck pain: a systematic review, J Neck Res, vol 4:2, pp 1-9\n\n"
            "In a trial of neck pain, the team compared three kinds of care:\n\n"
            "- Manual therapy.\n- Exercise.\n- Advice.\n\n"
            "However, findings do suggest that manual therapy reduced pain by a clinically important amount.\n")
    got = _claims(page)
    assert not any(c.startswith("Paper:") for c in got)
    assert not any("compared three kinds of care" in c for c in got)
    assert any("findings do suggest" in c for c in got)


def test_a_results_section_goes_on_in_its_next_paragraph():
    page = ("## What were the results?\n\n"
            "Answers to a survey showed that the groups improved about the same. Patients with physio improved more than those "
            "doing classes.\n\n"
            "Patients with physio and classes improved more than patients with usual care on some walking tests.\n")
    got = _claims(page)
    assert any("on some walking tests" in c for c in got)


def test_a_bold_run_in_label_is_a_sentence_of_its_own():
    doc = parse_document("- **Shoes cut impact.** There is good evidence that more cushioning does not reduce impact forces.\n")
    assert [s.text for s in doc.sentences] == ["Shoes cut impact.", "There is good evidence that more cushioning does not reduce impact forces."]


def test_short_lines_without_stops_are_list_items():
    doc = parse_document("It works on the causes of pain:\n\nStrengthens the thigh muscles\nImproves balance and control\n"
                         "Builds fitness, helping weight control\n")
    assert [s.text for s in doc.sentences if s.item] == ["Strengthens the thigh muscles", "Improves balance and control",
                                                        "Builds fitness, helping weight control"]
    # wrapped prose is not a list: its lines run on mid-sentence
    wrapped = parse_document("Exercise is the first treatment for knee pain and\nit is safe for most people, even when\nthe knee is sore.\n")
    assert not any(s.item for s in wrapped.sentences)


def test_a_comment_credited_to_an_author_is_vetoed_for_the_model():
    assert model_veto("But according to study author Ana Ruiz, deputy head of a pain centre, they are also not very surprising.")
    assert not model_veto("According to study author Ana Ruiz, walking cut knee pain by a third.")


# Second batch (dev4 c_2_* pages): families read after their fresh score.
@pytest.mark.parametrize("text", [
    "Some recent studies in mice hinted that tendon might be more adaptable than we thought.",
    "In one much-cited study, older cyclists developed hip arthritis at lower rates than sedentary people.",
])
def test_second_batch_claims(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", [
    "But most of this research has looked at whether cycling harms knees, not at whether it might help knees that show wear.",
    "A number of studies compared the rates of wrist pain in typists and in people who did not type.",
    "The researchers then worked out the forces the volunteers produced while hopping.",
    "Further analysis of the study data revealed some interesting findings about grip in both groups.",
    "In this study we talk about moderately hard cycling, and we would count hill climbs as moderately hard.",
])
def test_second_batch_not_claims(text):
    assert not claim_cue(text), text


def test_research_as_a_cause_and_study_descriptions_are_vetoed_for_the_model():
    assert model_veto("Research that deepens our understanding of gout is vital for improving care.")
    assert model_veto("It brings together two existing studies of the safety of new gout drugs.")
    assert model_veto("The first group were office workers, who reported sitting at least eight hours a day.")


def test_results_after_a_trial_method_and_a_page_title_after_a_question():
    page = ("## Could walking help?\n\nThe team recently finished a trial to see whether walking can prevent back pain. "
            "They randomly chose around 600 people with back pain to walk or to get usual care. "
            "In both groups, the same number of people went on to have another episode of pain.\n")
    assert any("the same number of people" in c for c in _claims(page))
    titled = "# Does Running Wreck Knees? Results from a Scientific Study\n\nRunning is popular.\n"
    assert not any("Results from a Scientific Study" in c for c in _claims(titled))


def test_a_result_after_a_claim_with_they():
    page = ("The data showed that people land harder when running. But they also spent more time in the air, "
            "so they took fewer steps.\n")
    assert any(c.startswith("But they also spent more time") for c in _claims(page))


# Third batch (dev4 c_3_* pages): families read after their fresh score.
@pytest.mark.parametrize("text", [
    "It is even stated that calf strain rates are rising in veteran runners.",
    "Heat wraps are more helpful than placebo for acute low back pain (SOR: B, multiple systematic reviews of RCTs).",
    "There is not enough evidence to support particular brace designs for wrist pain (SOR: B, multiple systematic reviews).",
])
def test_third_batch_claims(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", [
    "A recent systematic review has investigated how well warm-up programmes reduce ankle sprains when training load is counted.",
    "Published in a leading journal in 2010 is an article by Lane et al, who ran clinical trials comparing braces and taping.",
    "Dr Ames will assess whether people whose pain eased have a flare when treatment stops.",
    "New figures on neck pain among drivers have been released today (3 May) by the Example Physio Society, with advice.",
    "When I found nothing on it, I searched the database and found that there are too few data to recommend for or against it.",
    "Supplement use has risen sharply as a result, but there is limited scientific evidence supporting these claims.",
])
def test_third_batch_not_claims(text):
    assert not claim_cue(text), text


def test_results_that_go_on_after_a_claim():
    page = ("Researchers found that in the patients who took the drug, no further narrowing was seen. However, of those who "
            "took the placebo, all had a noticeable worsening of narrowing. Recurrence rates for the placebo group were under "
            "nine per cent.\n\nTaking both pills together gave no more benefit than taking either one alone, the review found. "
            "They may be less active when combined than when taken alone.\n")
    got = _claims(page)
    assert any(c.startswith("However, of those who took the placebo") for c in got)
    assert any(c.startswith("Recurrence rates for the placebo group") for c in got)
    assert any(c.startswith("They may be less active") for c in got)


def test_an_offer_is_vetoed_for_the_model():
    assert model_veto("Help on avoiding neck pain is now available from the society in a new leaflet, with exercises.")


# Fourth batch (dev4 c_4_* pages): families read after their fresh score.
@pytest.mark.parametrize("text", [
    "The school has released an article on sore necks, and it talks about a study that links phone time to a hunched posture.",
    "Most of the existing trials are of poor quality.",
])
def test_fourth_batch_claims(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", [
    "In this clinical narrative review we describe dry needling and the evidence behind it.",
    "While wet cupping draws blood [3], dry cupping means placing a cup on the skin with suction only [4].",
    "The study measured results after six weeks and at one year.",
])
def test_fourth_batch_not_claims(text):
    assert not claim_cue(text), text


def test_citation_headings_and_asides():
    page = ("# Science notes\n\n## Hale, Moss & Lee (2015) Taping for Knee Pain: A Systematic Review\n\n"
            "Two RCTs suggested less pain with taping than with no tape.\n\n"
            "After 6 weeks, the taped group had less pain than the untaped group. (Here are 5 ways to tape a knee.)\n\n"
            "The improvements in the taped group held up after one year, too.\n")
    got = _claims(page)
    assert not any(c.startswith("Hale, Moss & Lee (2015)") for c in got)
    assert any(c.startswith("The improvements in the taped group held up") for c in got)


# Fifth batch (dev4 c_5_* pages): families read after their fresh score.
@pytest.mark.parametrize("text", [
    "The article notes that about 90,000 people have the operation each year.",
    "Clinical Take Home Message: Hand therapists may choose a night brace to improve symptoms in people with wrist pain.",
    '"In effect, the soaked muscles seemed primed for slower recovery than the others, says Ann Lee, a lecturer in physiology, who led the new study.',
])
def test_fifth_batch_claims(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", [
    "The above comes from a study published in the May 2010 issue of a medical journal.",
    "The study was also covered in a news agency story of May 3, 2010.",
    "In this study 300 patients with an average age of 50 were assigned either to surgery or to waiting.",
    "The study was controversial from the start, with many surgeons saying they knew the operation worked.",
    "This care included reassurance, lower back pain medication and advice to stay active.",
])
def test_fifth_batch_not_claims(text):
    assert not claim_cue(text), text


@pytest.mark.parametrize("text", [
    "But they also noted the study's limits, among them the short follow-up.",
    "A larger study with more workers is needed before splints can be advised first.",
    "The team suspect that the cold may have set off reactions that slow growth.",
])
def test_limits_needs_and_suspicions_are_vetoed_for_the_model(text):
    assert model_veto(text), text


def test_results_across_paragraphs():
    page = ("People with sore backs usually recover with or without surgery, researchers reported.\n\n"
            "The study was published in a large journal and compared surgery with waiting.\n\n"
            "In the end, neither waiting nor surgery was a clear winner, and most did well with whatever treatment they had.\n\n"
            "Researchers found the braced group did much better than the control group. The workers were evenly matched for age.\n\n"
            "At the end of six weeks both groups had less pain in the wrist. Only one worker was completely better. "
            "And the improvements were still there a year later.\n")
    got = _claims(page)
    for start in ("In the end, neither waiting nor surgery", "At the end of six weeks both groups", "Only one worker",
                  "And the improvements were still there"):
        assert any(c.startswith(start) for c in got), start


# Sixth batch (dev4 c_6_* pages): families read after their fresh score.
@pytest.mark.parametrize("text", [
    "In an article on a news site by Ann Lee, she stated that women are twice as likely as men to break a wrist.",
    "I just read an article that cited a small but provocative study that claims sit-stand desks may cause hip pain.",
    "The authors said more focus on preventive care could lead to large savings in the future.",
])
def test_sixth_batch_claims(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", [
    "The results of the study showed promising outcomes.",
    "A three-month randomized trial of 40 desk workers studied whether standing desks gave lower back pain relief (3).",
    "The team asked 300 of them to build a walking plan with the help of a physical therapist.",
    "More than 500m people have neck pain, but there is very little research into preventing it, said Ann Lee at a university.",
])
def test_sixth_batch_not_claims(text):
    assert not claim_cue(text), text


def test_sixth_batch_model_vetoes():
    assert model_veto("They were surveyed on their pain three times during the study, using a short questionnaire.")
    assert model_veto("They were also told about the latest knowledge on back pain, which was meant to reassure them.")
    assert model_veto("Weight training is widely used to preserve or increase bone density.")


def test_a_gerund_result_and_a_pronoun_after_the_author():
    page = ("They found that different exercises could target a weak bone, the review says. Exercising with dumbbells stops the loss.\n\n"
            "Ann Lee, lead author of the study, says that people differ in how long they can stand. "
            "She says the important thing is to keep moving and shift your posture every so often.\n")
    got = _claims(page)
    assert any(c.startswith("Exercising with dumbbells stops the loss") for c in got)
    assert any(c.startswith("She says the important thing") for c in got)


# Seventh batch (dev4 c_7_* pages): families read after their fresh score.
@pytest.mark.parametrize("text", [
    '"Recent reviews have found limited evidence that cupping eases neck pain, and no studies have compared [...]',
    "The study underlines how well cycling works as a cheap way to keep knee pain from coming back.",
])
def test_seventh_batch_claims(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", [
    "This randomized controlled trial evaluated three kinds of massage and placebo in treating acute neck pain.",
    "It is important for journalists to report research that points to a benefit from non-surgical care.",
    "The team, led by researchers at the Example Health & Science University School of Nursing, says it hopes the findings will spread.",
    "The findings from this key paper are very accurate, as patients were randomised and all had a ten year follow up.",
])
def test_seventh_batch_not_claims(text):
    assert not claim_cue(text), text


def test_seventh_batch_model_vetoes():
    assert model_veto("Around one in three adults aged 65 or older report having fallen, and many falls lead to injury.")
    assert model_veto("Tai chi is often recommended for older adults because it is a low-impact exercise.")


def test_a_finding_after_a_lead_in_and_a_design_label_title():
    page = ("A huge finding cited from a key paper from an orthopaedic journal:\n\n"
            "\"At ten years, tendon repair is superior to physiotherapy in small tears.\"\n")
    assert any("tendon repair is superior to physiotherapy" in c for c in _claims(page))
    titled = "# A Randomized Controlled Trial: Massage Therapy for Neck Pain\n\nSome background.\n"
    assert not any(c.startswith("A Randomized Controlled Trial") for c in _claims(titled))


# Eighth batch (dev4 c_8_* pages): families read after their fresh score.
def test_eighth_batch_cues():
    assert claim_cue("According to the Australian study published in a journal, paracetamol is no different from a placebo for neck pain.")
    assert not claim_cue("Here is a sound systematic review of 300 papers from the Physiotherapy Evidence Database, published by a journal.")


def test_eighth_batch_model_vetoes():
    assert model_veto("At the Example Muscle Clinic, we provide radial shockwave treatments to help patients recover.")
    assert model_veto("To record pain intensity, function and quality of life before and after treatment.")


def test_tag_lines_and_verbless_headings_are_not_claims():
    page = ("# Shockwave Therapy: An Evidence-Based Treatment for Tendon Pain\n\nSome text about the clinic.\n\n"
            "Tagged as: shockwave, tendon pain, research\n")
    got = _claims(page)
    assert not any(c.startswith("Shockwave Therapy: An Evidence-Based") for c in got)
    assert not any(c.startswith("Tagged as") for c in got)


def test_results_sections_quotes_and_respectively():
    page = ("# Splints and wrist pain\n\nResults:\n\nPain relief and function improved by at least two points on a five-point scale after treatment (p<0.001).\n\n"
            "Quotes from a medical bulletin 2015\n\nESWT is safe, technically easy to perform and helpful in some conditions\n\n"
            "The researchers found that pain changed by -2.1 and -1.8 points, respectively, with the splint and without it. "
            "The mean change in grip was -1.4 and -1.2 percent, respectively, with the splint versus without.\n\n"
            "\"It didn't speed recovery; it didn't improve their pain.\"\n")
    got = _claims(page)
    for start in ("Pain relief and function improved", "ESWT is safe", "The mean change in grip", "\"It didn't speed recovery"):
        assert any(c.startswith(start) for c in got), start


def test_a_page_title_stating_the_finding_its_opening_credits_to_research():
    page = ("Home exercise eases knee pain after meniscal tears\n\n"
            "Home exercises can reduce knee pain from cartilage tears, a new study found. The routines gave similar results to surgery.\n")
    assert any(c.startswith("Home exercise eases knee pain") for c in _claims(page))
    # a title that is a question, or one with no research in the opening, stays a title
    assert not any(c.startswith("Do exercises help") for c in _claims("Do exercises help shoulder pain\n\nA new study found that exercises help.\n"))
    assert not any(c.startswith("Home exercise eases") for c in _claims("Home exercise eases knee pain\n\nHere are five moves to try at home.\n"))


def test_late_session_families_on_the_harmonised_dev_gold():
    assert claim_cue("These findings point the same way for runners with knee pain.")
    assert claim_cue("Surgery has a smaller role than people expect, and the evidence is clear.")
    assert not claim_cue('Broadly, "tendinitis" means a painful, swollen tendon that is not working as it should (Lee et al., 2020).')
    page = ("Patients with knee pain often do well without surgery, a large trial found.\n\n"
            "They note that it has not been established whether a home program may improve function further.\n")
    assert not any(c.startswith("They note that it has not been established") for c in _claims(page))


# Session 9: kinds of false alarm on pages of sites no earlier set used (dev5-dev7); sentences written for this test.
@pytest.mark.parametrize("text", [
    "In this trial, 120 adults with chronic knee pain were enrolled over two years.",
    "Their report is in the June issue of the society's journal, Example Sports Science.",
    "We hope these results will change how schools plan their sports seasons.",
    "A hospital research team is looking for hundreds of people due to have hip surgery to take part.",
    "Experts are working to understand better why some tendons heal and others do not.",
    "As it happens, here is an article I wrote in 2012 on the same question.",
    "Key terms are explained in the glossary section of this guide.",
    "Here is a handy chart on the best exercise for each age group, from a review.",
    "12 High Street, Exampletown Phone: (555) 123-4567 | Mon-Fri 8:00am - 6:00pm",
    "Exercise for Neck Pain: What the Scientific Evidence Says",
])
def test_plans_pointers_and_page_furniture_are_vetoed_for_the_model(text):
    assert model_veto(text), text


@pytest.mark.parametrize("text", [
    "The trial found that 60% of the patients who were enrolled improved.",
    "We found that walking eased back pain as much as physiotherapy did, the researchers wrote.",
    "Exercise eased knee pain in a 2019 trial of 300 adults.",
])
def test_findings_near_those_words_are_not_vetoed(text):
    assert not model_veto(text), text


def test_a_belief_the_sentence_says_is_unproven_is_vetoed_for_the_model():
    assert model_veto("Coaches believe the drill works by stiffening the tendon, but that has not been proven.")
    assert model_veto("Some think that ice speeds healing, but this remains unproven in people.")
    assert not model_veto("Researchers found that the drill cut injuries by half, but only in the first season.")


@pytest.mark.parametrize("text, cue", [
    ("Exercise for people with hip pain, says NICE in draft guidance", "says NICE"),
    ("Back pain is common in nurses, says the Example Nursing Association.", "says the Example Nursing Association"),
    ("Youth knee injuries on the rise, university researchers call for wider use of warm-ups", "researchers call for"),
])
def test_a_source_put_after_the_statement_is_a_cue(text, cue):
    assert claim_cue(text) == cue


@pytest.mark.parametrize("text", ["Walking helps knee pain, says it.", "Ice is fine for a sprain, said one."])
def test_a_trailing_says_without_a_named_source_is_not_a_cue(text):
    assert claim_cue(text) is None


@pytest.mark.parametrize("text", [
    "Research studies of acupuncture for neck pain have varied in quality, and the best are small.",
    "A new study in a running journal has knocked down the old idea that running ruins your knees.",
    "So the myth that bed rest heals a bad back is thoroughly debunked.",
    "According to the Bone and Joint Example Initiative, back pain is the leading cause of disability.",
    "The Example Arthritis Foundation is calling on councils to offer more walking groups.",
])
def test_evidence_quality_debunking_and_named_sources_are_cues(text):
    assert claim_cue(text), text


@pytest.mark.parametrize("text", [
    "Our evidence has been limited to what we see in the clinic every week.",
    "Fact or Fiction?: Stretching Prevents Injury",
])
def test_own_evidence_and_fact_or_fiction_titles_are_not_claims(text):
    doc = parse_document(text + "\n\nA 2020 review of 12 trials found that stretching did not prevent injury.")
    assert not [c for c in find_claims(doc.sentences, learned=False) if c.text.startswith(text[:20])], text


@pytest.mark.parametrize("text", [
    "If your knee hurts, this guide explains what the clinical evidence really shows.",
    "This blog looks at what walking does for hip pain, drawing on recent studies.",
    "If you run, the research points to some surprising facts about warm-ups.",
])
def test_a_page_describing_itself_or_promising_findings_is_a_teaser(text):
    assert claim_cue(text) is None and model_veto(text), text


@pytest.mark.parametrize("text", [
    "In their study, one group of adults with knee pain did yoga twice a week, while a similar group did stretching.",
    "'We hope that our findings will reassure patients,' said the lead author.",
    "Key areas where future research could go are identified in the review.",
    "Read a recent article in an example sports medicine journal on this topic.",
    "This work was presented at an example physiotherapy congress in 2019.",
    "An article in the journal Example Spine (1995;20(5):615-619) discusses exercise and manipulation for back pain.",
])
def test_arms_hopes_future_research_pointers_and_announcements_are_not_claims(text):
    assert claim_cue(text) is None and model_veto(text), text


def test_a_journal_year_volume_citation_is_a_marker_and_its_issue_number_is_not():
    from physiohub.check.claim_sources import citation_marker

    assert citation_marker("Exercise eased back pain in a trial in the journal Spine (1995;20(5):615-619).") == "(1995;20(5):615-619)"
    assert citation_marker("Exercise helps knee pain(4,5).") == "(4,5)"


def test_the_people_a_claim_is_about_end_at_a_verb():
    from physiohub.check.claim_effects import population_of

    assert population_of("A study found that only half of people with neck pain have fully recovered after a year.") == \
        "people with neck pain"
