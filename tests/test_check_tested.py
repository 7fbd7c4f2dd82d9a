"""A matched study gets a stance only when it tests what the claim says (check/tested.py): a study of the
same condition that tests another treatment, two forms of the same treatment, or nothing yet is shown,
but the page says the hub cannot tell, and why. Invented studies and sentences."""
from __future__ import annotations

import pytest

from physiohub.appraise.persist import save_appraisal
from physiohub.check import check_article
from physiohub.check.match import study_text
from physiohub.check.tested import study_tests_claim, treatments
from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, Record

SHOCKWAVE = ("We randomised 60 adults with plantar heel pain to shockwave therapy or sham shockwave for 3 sessions. "
             "At 12 weeks, heel pain on first steps fell by 2 points more with shockwave than with sham (95% CI 1 to 3). "
             "Shockwave therapy reduced plantar heel pain more than sham in adults with plantar heel pain.")
LOADING = ("We randomised 120 adults with Achilles tendinopathy to loading exercise that was allowed to hurt or to "
           "pain-free loading exercise for 12 weeks. Tendon pain and function improved more with painful loading "
           "exercise than with pain-free exercise (VISA-A difference 6 points). Loading exercise that is allowed to "
           "hurt helps Achilles tendinopathy at least as much as pain-free loading exercise.")
PROTOCOL = ("This protocol describes a planned randomised trial of two doses of shoulder exercise in 80 adults with "
            "shoulder pain. Participants will be followed for 12 months and pain and function will be measured. "
            "Recruitment has not started and no results are reported.")
STUDIES = [
    ("Shockwave therapy versus sham for plantar heel pain: a randomised trial", SHOCKWAVE,
     {"design": "randomised controlled trial", "verdict": "Supports",
      "pico": {"intervention": [{"text": "shockwave therapy"}], "comparison": [{"text": "sham shockwave"}]}}),
    ("Painful versus pain-free loading exercise for Achilles tendinopathy: a randomised trial", LOADING,
     {"design": "randomised controlled trial", "verdict": "Supports",
      "pico": {"intervention": [{"text": "loading exercise that was allowed to hurt"}],
               "comparison": [{"text": "pain-free loading exercise"}]}}),
    ("Two doses of exercise for shoulder pain: protocol of a randomised trial", PROTOCOL,
     {"design": "protocol", "verdict": "Too early to tell", "pico": {}}),
]


@pytest.fixture
def hub(store):
    records = [Record(source_format="test", source_id=f"t{i}", year=2022, title=title,
                      abstract_sections=[AbstractSection(text)]) for i, (title, text, _) in enumerate(STUDIES)]
    ids = import_records(store, records, file="invented").study_ids
    for sid, (*_, appraisal) in zip(ids, STUDIES):
        save_appraisal(store, sid, {"evidence": "Moderate", "research_type": "Primary study", "topics": [],
                                    "retracted": False, **appraisal})
    return store


def _claim(store, sentence: str) -> dict:
    return check_article(store, sentence)["claims"][0]


def test_a_study_of_the_claimed_treatment_gets_a_stance(hub):
    c = _claim(hub, "A 2022 trial found that shockwave therapy reduces plantar heel pain.")
    assert c["matches"] and c["stance"] in ("supports", "weaker than the claim")
    assert "that tests it" in c["stance_reason"]


def test_a_study_of_another_treatment_for_the_same_condition_gets_none(hub):
    c = _claim(hub, "A 2022 trial found that massage reduces plantar heel pain.")
    assert c["matches"], "the related study is still shown"
    assert c["stance"] is None
    assert "cannot say whether the claim holds: it does not test massage" in c["stance_reason"]
    assert c["matches"][0]["stance"] is None and c["matches"][0]["tests_claim"] is False
    from physiohub.check.report import match_facts, to_text

    assert "does not test this claim" in match_facts(c["matches"][0])
    text = to_text(check_article(hub, "A 2022 trial found that massage reduces plantar heel pain."))
    assert "evidence: the hub cannot tell: The closest study in the hub is related" in " ".join(text.split())


def test_two_forms_of_the_treatment_do_not_test_the_treatment(hub):
    c = _claim(hub, "Research shows that exercise helps Achilles tendinopathy.")
    assert c["matches"] and c["stance"] is None
    assert "it compares two forms of exercise" in c["stance_reason"]
    # a claim about that very comparison is tested by it
    c = _claim(hub, "A 2022 trial found that loading exercise that hurts helps Achilles tendinopathy more than pain-free exercise.")
    assert c["stance"] in ("supports", "weaker than the claim", "contradicts")


def test_a_study_without_results_gets_no_stance(hub):
    c = _claim(hub, "Research shows that exercise doses matter for shoulder pain in adults followed for 12 months.")
    if c["matches"]:
        assert c["stance"] is None and "no tested result" in c["stance_reason"]


def test_what_is_given_on_top_is_not_what_is_tested():
    pico = {"intervention": [{"text": "pain education combined with exercise"}], "comparison": []}
    t = study_tests_claim(None, "Research shows exercise helps back pain.", ["exercise", "back"],
                    "Pain education combined with exercise for back pain: a review",
                    "To find out whether adding pain education to exercise helps people with back pain. ...", pico)
    assert not t.tests and t.reason == "it does not test exercise"
    t = study_tests_claim(None, "Research shows pain education helps back pain.", ["pain", "education", "back"],
                    "Pain education combined with exercise for back pain: a review",
                    "To find out whether adding pain education to exercise helps people with back pain. ...", pico)
    assert t.tests


def test_a_claim_without_a_treatment_needs_its_words_in_the_study():
    words = ["people", "back", "sit", "stand", "differently", "without"]
    t = study_tests_claim(None, "They found that people with back pain did not sit or stand differently.", words,
                    "Sitting and standing postures in people with and without back pain",
                    "Sitting and standing postures in people with and without back pain. People with back pain did "
                    "not sit or stand differently from people without back pain.", {})
    assert t.tests
    t = study_tests_claim(None, "They found that people with back pain did not sit or stand differently.", words,
                    "Exercise for back pain", "Exercise reduced back pain in adults.", {})
    assert not t.tests and t.reason == "it is about something else"
    t = study_tests_claim(None, "At best, pain improves for 6 to 12 weeks.", ["best", "weeks"], "Injections for elbow pain",
                    "Injections for elbow pain improved pain for 6 weeks.", {})
    assert not t.tests and "names too little" in t.reason


def test_treatment_names_are_read_in_their_forms():
    assert treatments("People who exercised twice a week") == treatments("an exercise programme")
    assert not treatments("desk adjustments")    # a desk, not a spine
    assert treatments("neck and shoulder strengthening at work") == treatments("strengthening") != set()


def test_the_title_is_its_own_sentence(hub):
    sid = hub.query_one("SELECT id FROM studies WHERE title LIKE 'Shockwave%'")[0]
    assert study_text(hub, sid).startswith("Shockwave therapy versus sham for plantar heel pain: a randomised trial. We ")


# --- the stance from the card's verdict (check/backing.py) ---------------------------------------------

from physiohub.check.backing import verdict_stance  # noqa: E402

NULL_TRIAL = ("BACKGROUND: Previous studies have shown that exercise improves bone density in older women. "
              "METHODS: We randomised 90 women after the menopause to a weight-vest exercise programme or no exercise. "
              "RESULTS: Bone density at the hip did not differ between the groups after one year (difference 0.2%, "
              "95% CI -0.5 to 0.9). CONCLUSIONS: The exercise programme did not improve bone density in women after "
              "the menopause.")


def _sections(abstract: str) -> list[tuple[str, str]]:
    import re

    parts = re.split(r"\b(BACKGROUND|METHODS|RESULTS|CONCLUSIONS): ", abstract)[1:]
    return list(zip(parts[::2], (p.strip() for p in parts[1::2])))


@pytest.fixture
def null_hub(store):
    rec = Record(source_format="test", source_id="n1", year=2021,
                 title="Weight-vest exercise versus no exercise for bone density after the menopause: a randomised trial",
                 abstract_sections=[AbstractSection(text, label=label) for label, text in _sections(NULL_TRIAL)])
    sid = import_records(store, [rec], file="invented").study_ids[0]
    save_appraisal(store, sid, {"design": "randomised controlled trial", "evidence": "Moderate", "research_type": "Primary study",
                                "verdict": "No clear difference", "topics": [], "retracted": False,
                                "verdict_reasons": ["the conclusion reports no clear difference: \u201cdid not improve bone density\u201d"],
                                "pico": {"intervention": [{"text": "weight-vest exercise programme"}],
                                         "comparison": [{"text": "no exercise"}]}})
    return store


def test_a_benefit_claim_against_a_null_trial_is_contradicted(null_hub):
    c = _claim(null_hub, "A 2021 study shows exercise can improve bone density in women after the menopause.")
    assert c["stance"] == "contradicts"
    assert "found no clear difference (its verdict: No clear difference)" in c["stance_reason"]
    # the quote is the study's own finding, never its background ("Previous studies have shown ...")
    assert "Previous studies" not in c["stance_reason"]


def test_a_null_claim_against_a_null_trial_is_supported(null_hub):
    c = _claim(null_hub, "A 2021 trial found that exercise did not improve bone density in women after the menopause.")
    assert c["stance"] == "supports"


def test_an_equivalence_claim_needs_a_head_to_head_study(null_hub):
    c = _claim(null_hub, "A 2021 study found that swimming helps bone density as much as exercise with weights after the menopause.")
    assert c["stance"] is None


def test_verdict_stance_reads_the_claim():
    assert verdict_stance("Exercise reduces back pain, a review found.", "Supports") == "supports"
    assert verdict_stance("Exercise reduces back pain, a review found.", "No clear difference") == "contradicts"
    assert verdict_stance("Exercise reduces back pain, a review found.", "Mixed picture") == "mixed"
    assert verdict_stance("Acupuncture was no better than sham, a review found.", "Supports") == "contradicts"
    assert verdict_stance("Exercise should be part of the first-line treatment, guidelines say.", "No clear difference") == "contradicts"
    assert verdict_stance("Tai chi works as well as physiotherapy.", "No clear difference") is None
    assert verdict_stance("Tai chi works as well as physiotherapy.", "No clear difference", head_to_head=True) == "supports"
    assert verdict_stance("Exercise reduces back pain.", "Too early to tell") is None


def test_a_sentence_without_a_condition_takes_the_articles(hub):
    article = ("# Plantar heel pain: what helps?\n\n"
               "Research shows that shockwave therapy reduces pain on first steps.\n")
    c = check_article(hub, article)["claims"][0]
    assert c["stance"] in ("supports", "weaker than the claim")
    article = ("# Achilles tendinopathy: what helps?\n\n"
               "Research shows that shockwave therapy reduces pain on first steps.\n")
    c = check_article(hub, article)["claims"][0]
    if c["matches"]:
        assert c["stance"] is None and "not about achilles tendinopathy, which the article is about" in c["stance_reason"]


def test_a_verdict_reason_quotes_the_whole_finding():
    from physiohub.check.backing import _whole_quote

    findings = ["The programme did not improve bone density or balance in women after the menopause."]
    reason = "the conclusion reports no clear difference: \u201cdid not improve bone density or\u201d"
    assert _whole_quote(reason, findings) == ("the conclusion reports no clear difference: \u201cThe programme did "
                                              "not improve bone density or balance in women after the menopause.\u201d")
    assert _whole_quote("no quote here", findings) == "no quote here"


def test_the_abstract_says_what_the_arm_was_set_against_when_the_pico_does_not():
    t = study_tests_claim(None, "Guidelines say exercise should be part of the first-line treatment of fibromyalgia.",
                          ["exercise", "first-line", "fibromyalgia"], "Strengthening exercises in fibromyalgia: a trial",
                          "Women with fibromyalgia did strengthening or flexibility exercises for 16 weeks. Strengthening "
                          "exercises improved pain more than flexibility exercises.", {"intervention": [], "comparison": []})
    assert not t.tests and t.reason == "it compares two forms of exercise"


# Session 8: gates read on pages of sites the stance code had never seen (docs/check-review.md).
PICO_TEXT = "Exercise reduced heel pain more than usual care in 90 adults with plantar heel pain (difference 1.5 points)."


def test_a_study_of_people_the_article_never_speaks_of_tests_none_of_its_claims():
    pico = {"population": [{"text": "90 men with prostate cancer"}], "intervention": [{"text": "exercise training"}],
            "comparison": [{"text": "usual care"}]}
    title = "Exercise training for men with prostate cancer: a randomised trial"
    text = title + " " + PICO_TEXT.replace("plantar heel pain", "prostate cancer")
    claim = "Patients who did exercise after knee replacement improved more than those who had usual care."
    knee_article = {"patients", "exercis", "knee", "replacement", "improv", "usual", "care"}
    t = study_tests_claim(None, claim, ["exercise", "knee", "replacement"], title, text, pico, "Supports",
                          article_words=knee_article)
    assert not t.tests and t.reason == "it studies people with prostate cancer, whom the article does not speak of"
    # the same study under an article that does speak of prostate cancer is not stopped by this gate
    t = study_tests_claim(None, claim, ["exercise"], title, text, pico, "Supports",
                          article_words=knee_article | {"prostat", "prostate", "cancer"})
    assert t.reason is None or "whom the article" not in t.reason


def test_what_is_injected_is_the_treatment_not_the_injection():
    pico = {"intervention": [{"text": "intra-articular injection of a new anti-inflammatory compound"}],
            "comparison": [{"text": "placebo injection"}]}
    title = "A new anti-inflammatory compound versus placebo injection for knee osteoarthritis"
    text = title + " Knee pain eased more after the compound than after placebo in 300 adults (p = 0.01)."
    t = study_tests_claim(None, "PRP injections do not ease pain in knee osteoarthritis, a study found.",
                          ["prp", "injections", "knee"], title, text, pico, "Supports")
    assert not t.tests and "prp" in t.reason.lower()
    assert study_tests_claim(None, "Injections ease pain in knee osteoarthritis, a study found.", ["injections", "knee"],
                             title, text, pico, "Supports").tests


def test_a_registry_figure_gets_no_stance():
    title = "Hip fracture admissions in older adults: a cohort study"
    text = title + " We followed 5,000 adults aged 65 and older for hip fracture admissions over 10 years in hospital records."
    t = study_tests_claim(None, "The health agency says that in 2010 there were 258,000 hospital admissions for hip fractures.",
                          ["health", "agency", "hospital", "admissions", "hip", "fractures"], title, text, {}, "Supports")
    assert not t.tests and "figure" in t.reason


def test_a_ranking_of_treatments_is_not_answered_by_a_trial_of_one_against_nothing(hub):
    from physiohub.check.backing import stance_of
    from physiohub.check.claims import find_claims
    from physiohub.check.document import parse_document

    sid = hub.query_one("SELECT id FROM studies WHERE title LIKE 'Shockwave%'")["id"]
    for sentence, ranked in (("A 2022 trial found that shockwave therapy was the most effective treatment for plantar heel pain.", True),
                             ("A 2022 trial found that shockwave therapy reduces plantar heel pain.", False)):
        claim = find_claims(parse_document(sentence).sentences)[0]
        matches = [{"id": sid, "title": STUDIES[0][0], "verdict": "Supports"}]
        label, reason, _ = stance_of(hub, claim, matches, lambda about: [])
        assert (label is None and "ranks" in reason) if ranked else label == "supports", (label, reason)


def test_a_claim_set_against_an_active_treatment_needs_a_study_of_both(hub):
    from physiohub.check.backing import stance_of
    from physiohub.check.claims import find_claims
    from physiohub.check.document import parse_document

    sid = hub.query_one("SELECT id FROM studies WHERE title LIKE 'Shockwave%'")["id"]
    for sentence, against_active in (
            ("A 2022 trial found that shockwave therapy eased plantar heel pain more than calf stretching.", True),
            ("A 2022 trial found that shockwave therapy eased plantar heel pain more than sham treatment.", False)):
        claim = find_claims(parse_document(sentence).sentences)[0]
        label, reason, _ = stance_of(hub, claim, [{"id": sid, "title": STUDIES[0][0], "verdict": "Supports"}],
                                     lambda about: [])
        if against_active:
            assert label is None and "does not compare it with calf stretching" in reason, (label, reason)
        else:
            assert label == "supports", (label, reason)


# Session 9: read on dev5 pages against the review hub (docs/check-review.md).
def test_a_trial_in_children_does_not_test_a_claim_of_an_article_that_never_speaks_of_the_young():
    pico = {"population": [{"text": "children with loose joints and knee pain"}],
            "intervention": [{"text": "exercise"}], "comparison": [{"text": "usual care"}]}
    title = "Exercise for children with loose joints and knee pain: a randomised trial"
    text = title + " " + PICO_TEXT
    claim = "Exercise classes ease knee pain for months after they end, a trial suggests."
    adult_article = {"exercis", "class", "eas", "knee", "pain", "month", "trial", "older", "people"}
    t = study_tests_claim(None, claim, ["exercise", "classes", "knee", "pain"], title, text, pico, "Supports",
                          article_words=adult_article)
    assert not t.tests and t.reason == "it studies children or adolescents, whom the article does not speak of"
    # an article about school sport speaks of the young: the gate lets the trial through to the next tests
    t = study_tests_claim(None, claim, ["exercise", "classes", "knee", "pain"], title, text, pico, "Supports",
                          article_words=adult_article | {"school"})
    assert t.reason is None or "children" not in t.reason


def test_condition_abbreviations_name_their_condition():
    from physiohub.check.match import about_condition, claim_condition_of

    assert claim_condition_of("Exercise classes bring long-term benefit in knee OA, a trial suggests") == "knee osteoarthritis"
    assert claim_condition_of("Core training eased CLBP in a 2019 review") == "chronic low back pain"
    # capitals only, whole words: "load", "boa", "oak" and a lower-case "oa" name nothing
    assert claim_condition_of("A heavy load on a boa near an oak tree, oa") is None
    # a study that writes the abbreviation after naming the condition once is about it
    assert about_condition("knee osteoarthritis", "Adults with knee OA walked daily for 12 weeks.")
    assert not about_condition("knee osteoarthritis", "Children with hypermobile knees and knee pain did exercises.")


def test_a_citation_marker_or_a_year_is_not_a_figure_the_sentence_gives():
    title = "Diagnosis of shoulder tears: a review"
    text = title + " We reviewed 20 studies of scans for shoulder tears in adults with shoulder pain."
    for claim in ("Shoulder tears are a frequent cause of shoulder pain in sport (1)(3).",
                  "Shoulder tears are a frequent cause of shoulder pain in sport [2, 4].",
                  "Since 2015 shoulder tears have been a frequent cause of shoulder pain in sport."):
        t = study_tests_claim(None, claim, ["shoulder", "tears", "frequent", "cause", "sport"], title, text, {}, "Supports")
        assert "figure" not in (t.reason or ""), claim
    t = study_tests_claim(None, "About 1 in 4 people over 50 have a shoulder tear (2).", ["people", "shoulder", "tear"],
                          title, text, {}, "Supports")
    assert not t.tests and "figure" in t.reason


def test_a_sentence_about_how_studies_were_done_is_not_tested_by_a_study():
    title = "Exercise for women with low bone density: a randomised trial"
    text = title + " Bone density did not change more with exercise than with usual care in 120 women over one year."
    pico = {"intervention": [{"text": "exercise"}], "comparison": [{"text": "usual care"}]}
    t = study_tests_claim(None, "Finally, many studies of exercise and bone tested forms of exercise that work less well.",
                          ["studies", "exercise", "bone", "forms"], title, text, pico, "No clear difference")
    assert not t.tests and "how studies were done" in t.reason


def test_a_trial_whose_title_compares_two_forms_of_the_treatment_does_not_test_a_claim_against_nothing():
    title = "Home exercise and fall risk in older people: a comparison of two exergame interventions"
    text = title + " Both programmes reduced fall risk in 90 older adults over 16 weeks."
    pico = {"intervention": [{"text": "exergame exercise"}], "comparison": []}
    t = study_tests_claim(None, "Exercise cuts the rate of falls in older people by a third, reviews show.",
                          ["exercise", "falls", "older"], title, text, pico, "Supports")
    assert not t.tests and t.reason.startswith("it compares two forms of")


def test_a_call_for_more_work_is_not_quoted_as_the_result_a_claim_is_read_against():
    from physiohub.check.backing import _NOT_A_RESULT

    assert _NOT_A_RESULT.search("However, further refinement of the systems is required to maximise the benefits of exergames.")
    assert _NOT_A_RESULT.search("Future studies should focus on longer programmes.")
    assert not _NOT_A_RESULT.search("The exercise programme reduced fall risk more than usual care (p = 0.03).")


def test_cortisone_and_corticosteroid_name_one_treatment():
    from physiohub.check.tested import treatments

    assert treatments("The evidence showed that cortisone beat physiotherapy at six weeks") == \
        treatments("corticosteroid versus physical therapy") == {"corticosteroid", "physiotherapy"}
