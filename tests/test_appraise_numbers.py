"""Key numbers keep their spans; sample sizes avoid ages, years and percentages."""
from __future__ import annotations

import pytest

from fixtures.appraise.records import SR_MODERATE, rec
from physiohub.appraise import appraise
from physiohub.appraise.numwords import parse_number


@pytest.mark.parametrize(("text", "n"), [
    ("One hundred and twenty patients were randomised to two groups.", 120),
    ("A total of 1,204 participants took part.", 1204),
    ("We enrolled 64 consecutive adult patients with knee pain.", 64),
    ("Participants (n = 88) with neck pain completed the programme.", 88),
    ("Of 300 people screened, 96 women with hip pain were included.", 96),
    ("Sixty-two men aged 40 to 65 years were studied over 12 months; 45% were smokers.", 62),
    ("In 2015 patients attending clinics were asked about pain.", None),
    ("Mean age was 54 years and 61% were women.", None),
    # those who finished are not the sample when the randomised count is stated ("out-patients" are people)
    ("The 193 out-patients with knee pain were randomized into four groups. One hundred and eighty six "
     "patients completed the study.", 193),
    ("POPULATION Two hundred and eighty-four out-patients volunteered for enrolment (243 randomized).", 243),
])
def test_participants(text, n):
    a = appraise(rec("Some study", ("METHODS", text, "METHODS")))
    assert a["n_participants"] == n


def test_number_spans_point_into_the_abstract():
    r = SR_MODERATE
    a = appraise(r)
    for item in a["key_numbers"]:
        source = r.abstract if item["field"] == "abstract" else r.title
        assert source[item["start"]:item["end"]] == item["text"]
        assert item["sentence"] is None or item["sentence"].startswith("s")
    kinds = [i["kind"] for i in a["key_numbers"]]
    assert kinds.count("effect") == 2 and "p" in kinds and "grade" in kinds
    effect = next(i for i in a["key_numbers"] if i["kind"] == "effect")
    assert effect["value"] == {"measure": "SMD", "estimate": -0.45, "ci_low": -0.7, "ci_high": -0.2}


@pytest.mark.parametrize(("text", "followup"), [
    ("Outcomes were collected at the 12-month follow-up.", "12 months"),
    ("Follow-up was 2 years.", "2 years"),
    ("Patients were followed for 6 weeks.", "6 weeks"),
])
def test_followup(text, followup):
    assert appraise(rec("A cohort study", ("METHODS", text, "METHODS")))["followup"] == followup


@pytest.mark.parametrize(("text", "k"), [
    ("23 RCTs were included in the analysis.", 23),
    ("We included 9 randomised trials with 640 participants.", 9),
    ("Twelve studies (n = 1,020) met the inclusion criteria.", 12),
])
def test_included_studies(text, k):
    a = appraise(rec("Exercise for knee pain: a systematic review", ("RESULTS", text, "RESULTS")))
    assert a["n_studies"] == k


def test_review_participants_are_pooled_total():
    a = appraise(rec("Exercise for knee pain: a systematic review",
                     ("RESULTS", "We included 9 randomised trials with 640 participants.", "RESULTS")))
    assert a["n_participants"] == 640


@pytest.mark.parametrize(("text", "level"), [
    ("We found low-certainty evidence that taping helps.", "low"),
    ("The certainty of evidence was rated as very low.", "very low"),
    ("High quality evidence shows exercise helps.", "high"),
])
def test_grade_statements(text, level):
    a = appraise(rec("Taping: a systematic review of randomised trials", ("CONCLUSIONS", text, "CONCLUSIONS")))
    grades = [i for i in a["key_numbers"] if i["kind"] == "grade"]
    assert grades and grades[0]["value"] == level


def test_low_certainty_lowers_and_caps():
    a = appraise(rec("Taping for knee pain: a systematic review of randomised trials",
                     ("RESULTS", "We included 10 trials with 900 participants.", "RESULTS"),
                     ("CONCLUSIONS", "Low-certainty evidence suggests taping reduces pain.", "CONCLUSIONS")))
    assert a["evidence"] == "Limited"
    assert any("authors rate the certainty of evidence as low" in s for s in a["evidence_reasons"])


def test_high_risk_of_bias_lowers():
    a = appraise(rec("Massage for neck pain: a systematic review of randomised trials",
                     ("RESULTS", "We included 8 trials with 700 participants; most were at high risk of bias.", "RESULTS")))
    assert a["evidence"] == "Moderate"
    assert any("high risk of bias" in s for s in a["evidence_reasons"])


def test_low_risk_of_bias_does_not_lower():
    a = appraise(rec("Massage for neck pain: a systematic review of randomised trials",
                     ("RESULTS", "We included 8 trials with 700 participants, all at low risk of bias.", "RESULTS")))
    assert a["evidence"] == "Strong"


@pytest.mark.parametrize(("words", "n"), [("forty-two", 42), ("Two hundred and eighty-four", 284),
                                          ("one thousand two hundred", 1200), ("1,204", 1204), ("twelve", 12)])
def test_number_words(words, n):
    assert parse_number(words) == n


@pytest.mark.parametrize(("text", "measure", "est", "lo", "hi", "span"), [
    ("Pain fell (SMD -0.45 (95% CI -0.70 to -0.20)).", "SMD", -0.45, -0.7, -0.2, "SMD -0.45 (95% CI -0.70 to -0.20)"),
    ("Lower risk (OR = 2.1, 95% CI 1.2-3.4; P < .001).", "OR", 2.1, 1.2, 3.4, "OR = 2.1, 95% CI 1.2-3.4"),
    ("Hazard ratio 0.80 [95% CI 0.66, 0.97], p=0.02.", "Hazard ratio", 0.8, 0.66, 0.97, "Hazard ratio 0.80 [95% CI 0.66, 0.97]"),
    ("The mean difference was 1.2 points (95% CI, 0.4 to 2.0).", "mean difference", 1.2, 0.4, 2.0,
     "mean difference was 1.2 points (95% CI, 0.4 to 2.0)"),
])
def test_effect_sizes_with_intervals(text, measure, est, lo, hi, span):
    a = appraise(rec("A trial", ("RESULTS", text, "RESULTS")))
    eff = [i for i in a["key_numbers"] if i["kind"] == "effect"]
    assert eff and eff[0]["value"] == {"measure": measure, "estimate": est, "ci_low": lo, "ci_high": hi}
    assert eff[0]["text"] == span


def test_p_values_keep_their_text():
    a = appraise(rec("A trial", ("RESULTS", "Pain fell more (P < .001) and function did not (p = 0.34).", "RESULTS")))
    assert [i["text"] for i in a["key_numbers"] if i["kind"] == "p"] == ["P < .001", "p = 0.34"]


def test_followup_range():
    a = appraise(rec("A cohort", ("METHODS", "Follow-up duration ranged from 6 to 24 months.", "METHODS")))
    assert a["followup"] == "6 to 24 months"


def test_a_count_of_studies_is_not_a_count_of_people():
    a = appraise(rec("Parenting programmes: a systematic review",
                     ("RESULTS", "A total of 22 studies were included in the review.", "RESULTS")))
    assert a["n_participants"] is None and a["n_studies"] == 22


@pytest.mark.parametrize(("text", "k", "n"), [
    ("We included five trials, which in total randomised 1577 women.", 5, 1577),
    ("We included nine RCTs in this review involving 517 participants. One trial (n = 281) was large.", 9, 517),
    ("We identified 36 randomised clinical trials, involving at least 2377 participants.", 36, 2377),
    ("Nine studies met all inclusion criteria.", 9, None),
    ("We included four studies (365 women).", 4, 365),
])
def test_review_counts(text, k, n):
    a = appraise(rec("Treatments for pain: a systematic review", ("RESULTS", text, "RESULTS")))
    assert (a["n_studies"], a["n_participants"]) == (k, n)


@pytest.mark.parametrize(("text", "level"), [
    ('The GRADE quality of evidence for primary outcomes was "moderate", downgraded from "high".', "moderate"),
    ('We judged the quality of the evidence to be "low" to "very low".', "very low"),
    ("There was low- to moderate-quality evidence that exercise helps.", "low"),
    ("We downgraded the quality of the evidence to very low because there was one study.", "very low"),
    ("The level of evidence was low.", "low"),
])
def test_grade_wordings_take_the_lowest_level(text, level):
    a = appraise(rec("Exercise: a systematic review of randomised trials", ("RESULTS", text, "RESULTS")))
    assert [i["value"] for i in a["key_numbers"] if i["kind"] == "grade"] == [level]


def test_studies_are_not_people_outside_reviews():
    from fixtures.appraise.records import rec
    from physiohub.appraise import appraise
    a = appraise(rec("Steroid injections: a randomised trial", "Earlier work (38 studies involving 7843 children) was mixed."))
    assert a["n_participants"] == 7843
    a = appraise(rec("Exercise for asthma: a systematic review", "We included 38 studies involving 7843 children."))
    assert (a["n_studies"], a["n_participants"]) == (38, 7843)


def test_case_and_control_groups_add_up():
    from fixtures.appraise.records import rec
    from physiohub.appraise import appraise
    a = appraise(rec("Grip strength in arthritis", "38 patients with RA and 20 controls were studied."))
    assert a["n_participants"] == 58
    assert [k["text"] for k in a["key_numbers"] if k["kind"] == "participants"] == ["38 patients with RA and 20"]


def test_decimals_are_kept_whole_and_bare_intervals_read():
    from fixtures.appraise.records import rec
    from physiohub.appraise import appraise
    a = appraise(rec("Drug X for back pain: a randomised trial",
                     "Adults with chronic low back pain received 2.5 mg of drug X or placebo. Mean follow-up, 3.5 years. "
                     "Pain fell more with drug X (OR 2.3 [1.2, 4.4]); MD 5 (2-3 weeks) is not an interval."))
    assert a["followup"] == "3.5 years"
    effects = [k for k in a["key_numbers"] if k["kind"] == "effect"]
    assert [e["text"] for e in effects] == ["OR 2.3 [1.2, 4.4]"]
    for spans in a["pico"].values():
        for sp in spans:
            assert not sp["text"].rstrip().endswith(("2", "3")), sp["text"]  # never cut inside "2.5" / "3.5"
