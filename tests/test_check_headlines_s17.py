"""Headlines that state a finding with no effect verb (session 17): a link ("tied to"), a cause denied ("isn't to
blame"), a predicate of benefit ("beneficial for"), a stance ("Charity stresses ..."), a first result ("Shows
Promising Results") and a heading closing on its citation; and the news frame put last with its verb first
("..., suggests a study published in ..."). Pages of our own."""
from __future__ import annotations

from physiohub.check import check_article
from physiohub.check.claim_cues import claim_cue


def _claims(store, text: str) -> list[str]:
    return [c["text"] for c in check_article(store, text)["claims"]]


def test_a_bold_headline_linking_an_exposure_to_an_outcome_over_a_cued_study(store):
    text = ("# Clinic newsletter\n\nOur monthly notes for patients.\n\n**Cycling tied to less knee pain**\n\n"
            "A daily ride may keep knee pain away, suggests a study published online in a rheumatology journal.\n\n"
            "**Opening hours**\n\nWe are open from nine to five.\n")
    claims = _claims(store, text)
    assert "Cycling tied to less knee pain" in claims
    assert any(c.startswith("A daily ride may keep knee pain away") for c in claims)
    assert not any("Opening hours" in c for c in claims)


def test_a_page_title_with_a_predicate_of_benefit_over_the_research_it_reports(store):
    text = ("# Balance classes beneficial for people with hip arthritis\n\n"
            "A trial of 120 adults found that weekly balance classes reduced falls by a third over a year.\n")
    assert "Balance classes beneficial for people with hip arthritis" in _claims(store, text)


def test_a_topic_then_a_why_clause_is_a_label_not_a_finding(store):
    text = ("# Our blog\n\nNews from the practice.\n\n## Hip arthritis \u2013 why strength work helps\n\n"
            "Many people ask us about this. A 2020 review found that strength work reduced pain in hip arthritis.\n")
    claims = _claims(store, text)
    assert not any(c.startswith("Hip arthritis") for c in claims)
    assert any("A 2020 review found" in c for c in claims)


def test_a_heading_closing_on_its_citation_states_a_finding(store):
    text = ("# Runner's knee\n\nSome notes for runners.\n\n## Hip and knee exercises work best together (Lee et al., 2018)\n\n"
            "Adding hip work to knee work gave more pain relief at a year than knee work alone.\n")
    assert any(c.startswith("Hip and knee exercises work best together") for c in _claims(store, text))


def test_a_citation_opening_a_heading_is_still_no_claim(store):
    text = ("# Reading list\n\nPapers we like.\n\n## Lee, Park & Kim (2009) Cupping for Treating Pain: A Systematic Review\n\n"
            "It is a long read.\n")
    assert not any(c.startswith("Lee, Park") for c in _claims(store, text))


def test_the_frame_put_last_with_its_verb_first_is_a_cue():
    assert claim_cue("Walking more may guard against back pain, suggests a study published online in a journal.", []) \
        == "suggests a study"
    assert claim_cue("Knee pain eased with cycling, finds a new review in a sports journal.", []) == "finds a new review"
    assert claim_cue("The clinic is open daily, says the study coordinator.", []) is None


def test_narrative_citations_chained_before_one_verb_are_each_a_citation():
    from physiohub.check.citations import find_citations

    def cites(text: str) -> list[tuple[str, int | None]]:
        return [(c.who, c.year) for c in find_citations(text)]

    assert cites("Smith (2019) and Lee (2020) both showed that strength work reduced knee pain.") == [("Smith", 2019), ("Lee", 2020)]
    assert cites("Smith (2019), Lee (2020) and Park (2021) found the same.") == [("Smith", 2019), ("Lee", 2020), ("Park", 2021)]
    assert cites("Smith (2019) conducted a trial of 80 runners.") == [("Smith", 2019)]
    assert cites("Smith (2019), in a trial of 80 runners, found less knee pain.") == [("Smith", 2019)]
    # a journal named in prose is no citation (README R3a), nor a capitalised word that reports nothing
    assert cites("Khan et al in the Sports Medicine Journal (2000) point out that the name is poor.") == []
    assert cites("Exercise (2019) and Diet (2020) matter.") == []


def test_harvard_entries_run_into_a_podcast_description_are_references_not_sentences(store):
    text = ("# Tendon talk\n\nEpisode notes.\n\nThis week I talk about a feasibility study. Listen to hear the early findings.  "
            "Lee, A.B., Park, C. and Kim, D., 2023. Psychological factors and outcomes in Achilles tendinopathy: a cohort "
            "study. Physical Therapy in Sport.Moss, E., Hale, F. and Ruiz, G., 2020. Working alliance and outcomes in "
            "tendinopathy. Musculoskeletal Care, 18(2), pp.169-176.See for privacy information.\n")
    res = check_article(store, text)
    firsts = sorted((r.get("authors") or [""])[0] for r in res["references"])
    assert [f.split()[0].rstrip(",") for f in firsts] == ["Lee", "Moss"]
    assert not any("Lee, A.B." in c["text"] or "privacy" in c["text"] for c in res["claims"])


def test_an_entry_set_in_italics_on_its_own_is_a_reference(store):
    text = ("# Neck pain\n\nThe study below shows that supervised exercise helps neck pain.\n\n"
            "*Lee A, Park B, Kim C. Supervised exercise for chronic neck pain: a randomized controlled trial. "
            "Spine (Phila Pa 1976). 2012 May 15;37(11):903-14.*\n\nMore notes follow.\n")
    refs = check_article(store, text)["references"]
    assert [(r["authors"][0], r["year"]) for r in refs] == [("Lee A", 2012)]


def test_an_organisation_cited_by_its_initials_as_a_link_is_one_web_reference(store):
    text = ("# Back pain\n\nCurrent guidance from the physical therapy association says most people do not need a scan "
            "([APTA, n.d.](https://www.choosept.com/guide/low-back-pain)).\n")
    refs = check_article(store, text)["references"]
    assert [(r["kind"], r["url"]) for r in refs] == [("web", "https://www.choosept.com/guide/low-back-pain")]


def test_a_quote_credited_by_a_dash_line_is_a_claim_and_the_credit_a_reference(store):
    text = ("# Research\n\nExcerpts from a few recent studies follow, with the clinic's notes on each of them for patients.\n\n"
            "## For back pain\n\n\u201cThere are many treatments for low back pain. Exercise and manual care often help.\u201d\n\n"
            "*--Lee et al. (2013), Journal of Back Care*\n\n"
            "\u201cAdding manipulation to usual care gives a clear advantage in reducing pain compared with usual care alone.\u201d\n\n"
            "*--Park et al. (2014), Spine*\n")
    res = check_article(store, text)
    claims = {c["text"]: c for c in res["claims"]}
    assert not any(t.lstrip("*").startswith("--") for t in claims)
    helped = next(c for t, c in claims.items() if "often help" in t)
    assert helped["year"] == 2013
    refs = sorted(((r["authors"] or [""])[0], r["year"], r["journal"]) for r in res["references"])
    assert refs == [("Lee", 2013, "Journal of Back Care"), ("Park", 2014, "Spine")]


def test_a_guidelines_grades_and_its_panels_advice_are_claims(store):
    text = ("# New advice on managing hip pain\n\nA European society has revised its recommendations for hip osteoarthritis, "
            "based on a look at 90 systematic reviews.\n\nExercise was the only therapy to receive a \"strong for\" recommendation "
            "from the group.\n\nWalking aids received a weak recommendation for people with severe pain.\n\n"
            "The panel recommended against opioids and steroid tablets, citing a lack of efficacy.\n\n"
            "Therapies that received a weaker recommendation in favour included:\n\n- Hydrotherapy for pain and stiffness\n"
            "- Tai chi to improve balance\n\nOur support group recommended the pool to new members.\n")
    claims = _claims(store, text)
    for phrase in ("Walking aids received a weak recommendation", "The panel recommended against opioids",
                   "Hydrotherapy for pain and stiffness", "Tai chi to improve balance"):
        assert any(c.startswith(phrase) for c in claims), phrase
    assert not any("support group" in c for c in claims)


def test_two_groups_figures_set_against_each_other_are_the_results_of_the_trial(store):
    text = ("# Walking keeps back pain away\n\nA 2024 trial in Australia found that a walking programme kept people free of "
            "back pain for longer.\n\nPeople in the walking group stayed free of a recurrence for a median of 208 days, "
            "compared with 112 days in the group that got no programme. They also took about half as much time off work.\n")
    claims = _claims(store, text)
    assert any(c.startswith("People in the walking group stayed free") for c in claims)
    assert any(c.startswith("They also took about half as much time off work") for c in claims)


def test_dash_bullets_under_a_guidance_lead_in_are_its_recommendations(store):
    text = ("# Draft guidance\n\nThe institute's revised guidance recommends a treatment package made up of exercise together "
            "with at least one of:\n\n\u2013 Self-management (advice and support to keep active)\n\n"
            "\u2013 Manual therapy (manipulation or massage)\n\nManual therapy received a 'consider' recommendation, "
            "and only as part of a package.\n")
    claims = _claims(store, text)
    for phrase in ("Self-management (advice", "Manual therapy (manipulation", "Manual therapy received a 'consider'"):
        assert any(c.startswith(phrase) for c in claims), phrase


def test_an_annotated_library_item_is_prose_then_its_entry(store):
    text = ("# Research library\n\nShort summaries of the studies we rely on, each with its full citation below it.\n\n"
            "- **Summary:**\nThis 2018 clinical trial of 750 service members with low back pain found that adding manual care "
            "to usual care led to moderate improvements in pain. Those who received it also used less pain medication.\n"
            "Lee AB, Park C, Kim D. Effect of manual care on low back pain: a randomized trial. JAMA Netw Open. "
            "2018;1(1):e180105. doi: 10.1001/jamanetworkopen.2018.0105.\n"
            "- **Summary:**\nThis 2017 review of 26 randomized trials found that spinal manipulation was associated with modest "
            "improvements in pain and function for acute low back pain.\n"
            "Moss E, Hale F. Spinal manipulation for acute low back pain: a systematic review. JAMA. 2017;317(14):1451-60.\n")
    res = check_article(store, text)
    assert sorted(r["year"] for r in res["references"]) == [2017, 2018]
    assert any("adding manual care" in c["text"] for c in res["claims"])


def test_links_under_a_related_heading_and_a_studys_limitations_are_not_claims(store):
    text = ("# Walking and back pain\n\nA 2024 trial found that walking halved the risk of a new episode of back pain.\n\n"
            "Most participants were women, and walking in the later months was self-reported.\n\n"
            "The study was observational, so it can't prove that walking itself prevents back pain.\n\n"
            "**Related:** [Sitting All Day? Your Spine Might Not Mind](/sitting) \u00b7 [Five Stretches](/stretches)\n\n"
            "**Related Articles**\n\n- Opioids No Better Than Other Drugs for Back Pain in Trial\n"
            "- [Yoga eases back pain as well as physical therapy, study finds](/yoga)\n")
    claims = _claims(store, text)
    assert claims == ["A 2024 trial found that walking halved the risk of a new episode of back pain."]


def test_a_guidelines_decision_has_no_study_design_and_a_call_for_research_is_no_claim(store):
    text = ("# New advice on hip pain\n\nThe recommendations, based on a look at 90 systematic reviews and meta-analyses, "
            "were published in a rheumatology journal.\n\nWalking aids received a weak recommendation for people with severe "
            "pain.\n\nThe authors said further research should look at combining treatments.\n")
    res = check_article(store, text)
    aids = next(c for c in res["claims"] if c["text"].startswith("Walking aids"))
    assert aids["design"] is None
    assert not any("further research" in c["text"] for c in res["claims"])


def test_a_line_of_link_to_pointers_is_no_claim(store):
    text = ("# Tendon talk\n\nThe review I cover this week found that pain thresholds improved at the painful tendon.\n\n"
            "Link to [Evidence for Improvement in Local Pain Thresholds: A Systematic Review](https://pubmed.ncbi.nlm.nih.gov/?term=a) "
            "Link to [Reliability of tendon palpation](https://pubmed.ncbi.nlm.nih.gov/?term=b)\n")
    assert not any(c.startswith("Link to") for c in _claims(store, text))
