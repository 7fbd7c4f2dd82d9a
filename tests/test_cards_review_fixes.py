"""Failures the 15-card hand review (docs/cards-review.md) found, each pinned with sentences of our own."""
from __future__ import annotations

from physiohub.appraise import appraise
from physiohub.appraise.reading import read_sentence
from physiohub.cards.generate import generate_card
from physiohub.cards.question import from_title
from physiohub.cards.upshot import plain_claim
from physiohub.ingest.jsonl import convert
from physiohub.models import Record
from physiohub.text import record_sentences


def _rec(title: str, text: str) -> Record:
    return convert({"_id": "t1", "title": title, "text": text})


def test_labels_dropped_to_semicolons_still_give_sections() -> None:
    # Some CSV exports keep only the joints of the dropped labels: ".; ".
    rec = _rec("Drug X for long-standing back pain.",
               "To evaluate drug X in long-standing back pain.; Adults were randomized to drug X or placebo for "
               "four weeks. The primary outcome was pain.; Pain fell more with drug X than with placebo (p < 0.01). "
               "Nausea was the most common side effect.; Among patients who tolerated it, drug X was effective.")
    cats = [s.category for s in record_sentences(rec)]
    assert cats[0] == "OBJECTIVE" and cats[-1] == "CONCLUSIONS" and "RESULTS" in cats
    card = generate_card(rec, appraise(rec))
    assert "Nausea" not in card["upshot"]["answer"]  # a side-effect line is not the conclusion


def test_label_right_after_a_label_is_read() -> None:
    rec = _rec("Surgery or physiotherapy for hip pain",
               "SUMMARY: BACKGROUND: Hip pain is common in young adults. We aimed to compare surgery with "
               "physiotherapy.\nFINDINGS: Surgery gave more improvement than physiotherapy (p = 0.01).")
    sents = record_sentences(rec)
    assert sents[0].category == "BACKGROUND"  # not the conclusion "SUMMARY" stands for


def test_evidence_lacking_is_not_a_benefit() -> None:
    assert read_sentence("Convincing evidence is lacking regarding the effects of injections on back pain.").label == "early"
    assert read_sentence("Additional well-designed explanatory trials in this field are needed.").label == "early"


def test_a_safety_line_is_no_null_result() -> None:
    assert read_sentence("There was no evidence for drug-related side-effects.").label is None
    assert read_sentence("The program was effective and well tolerated.").label == "for"


def test_people_are_not_counted_as_studies() -> None:
    rec = _rec("Tolerability of drug X: a systematic review",
               "A systematic review of randomised trials was done. The analysis included 4725 patients from 25 "
               "trials. Upper digestive symptoms were more common in women.")
    a = appraise(rec)
    assert a["n_studies"] == 25 and a["n_participants"] == 4725


def test_a_design_is_no_intervention() -> None:
    assert from_title("Systematic review for evaluation of tolerability of drug X in arthritis patients", "intervention").intervention == ""


def test_title_shapes_give_the_question_pieces() -> None:
    q = from_title("Neck pain in chronic whiplash syndrome treated with botulinum toxin. A double-blind trial", "intervention")
    assert q.intervention == "botulinum toxin" and "whiplash" in q.population
    q = from_title("A randomised control trial to evaluate the efficacy of blood injection versus steroid injection "
                   "for treatment of lateral epicondylitis", "intervention")
    assert (q.intervention, q.comparison, q.population) == ("blood injection", "steroid injection",
                                                           "people with lateral epicondylitis")


def test_two_active_treatments_that_did_alike_are_not_called_useless() -> None:
    rec = _rec("Landmark-guided versus ultrasound-guided nerve block for chronic shoulder pain",
               "BACKGROUND: Nerve blocks are used for chronic shoulder pain.\nMETHODS: Fifty adults with chronic "
               "shoulder pain were randomized to landmark-guided or ultrasound-guided nerve block.\nRESULTS: Both "
               "the groups showed similar improvement of pain and movement at 4 weeks (p = 0.41).\nCONCLUSIONS: Both "
               "techniques produced comparable relief of pain.")
    a = appraise(rec)
    assert a["verdict"] == "No clear difference"
    card = generate_card(rec, a)
    answer = card["upshot"]["answer"]
    assert "similar results" in answer and "little or no difference" not in answer
    assert "clearer evidence" not in card["why_it_matters"]["patients"]
    assert "similar results" in card["why_it_matters"]["readers"]


def test_a_dose_between_commas_leaves_no_debris() -> None:
    out = plain_claim("Drug A, 25 mg/d, provided more relief than drug B, 200 mg/d, and placebo in knee pain.", 30)
    assert out and "/d" not in out and ", ," not in out and "Drug A provided" in out


def test_a_conclusion_claiming_more_than_the_groups_differed_on_is_mixed() -> None:
    # Both arms improved; the arms differed on some outcomes only; the conclusion claims pain too.
    rec = _rec("Manual therapy added to exercise in older adults with neck pain: a randomized trial",
               "METHODS: Forty adults were randomly allocated to exercise or exercise plus manual therapy.\n"
               "RESULTS: Pain, mobility, mood and quality of life improved in both groups (p < 0.05). The manual "
               "therapy group had a better outcome (p < 0.05) in terms of mobility and mood.\n"
               "CONCLUSION: Manual therapy has significant effects on pain, mobility, mood and quality of life.")
    a = appraise(rec)
    assert a["verdict"] == "Mixed picture"
    assert any("differed only in mobility, mood" in r for r in a["verdict_reasons"])


# A two-arm exercise trial (sentences of our own, shaped like the hypermobility trial the review found wrong):
# both arms improved on the named primary outcome, the arms differed only on secondary parent ratings.
_TWO_RANGES = (
    "BACKGROUND: Knee pain in children with loose joints is usually treated with exercise. This study aimed to "
    "find out whether the range of the exercises matters.\n"
    "METHODS: A randomised controlled trial compared an 8 week programme done into the full range or only to a "
    "straight knee. Knee pain was the primary outcome. Quality of life and strength were also measured.\n"
    "RESULTS: Children with loose joints and knee pain (n=30) aged 8-15 years were randomly assigned to the full "
    "range (n=14) or straight knee (n=16) group. Significant improvements in child-rated knee pain were found after "
    "treatment, regardless of group allocation with a mean 12 mm reduction on the visual analogue scale (p=0.004). "
    "Significant differences between groups were noted for parent-rated wellbeing (p=0.01), specifically mood "
    "(p=0.02), sleep (p=0.03) and confidence (p=0.04), in favour of the full range group. No other differences "
    "were found between groups.\n"
    "CONCLUSIONS: Parents see better wellbeing when children exercise into the full range. A supervised exercise "
    "programme reduces knee pain in these children.")
_TWO_RANGES_TITLE = ("Exercise in children with loose joints and knee pain: a randomised controlled trial comparing "
                     "exercise into full versus straight knee extension")


def test_a_primary_outcome_that_improved_in_every_group_is_no_benefit() -> None:
    rec = _rec(_TWO_RANGES_TITLE, _TWO_RANGES)
    a = appraise(rec)
    assert a["verdict"] == "No clear difference" and a["primary_null"]
    assert "knee pain" in a["verdict_reasons"][0]


def test_a_stated_total_is_not_added_to_its_arms() -> None:
    a = appraise(_rec(_TWO_RANGES_TITLE, _TWO_RANGES))
    assert a["n_participants"] == 30  # not 30 + 14 + 16
    assert a["evidence"] == "Limited"  # a trial under 50 people steps down


def test_a_subtitle_that_names_both_arms_gives_the_comparison() -> None:
    p = from_title(_TWO_RANGES_TITLE, "intervention")
    assert p.intervention == "exercise into full knee extension"
    assert p.comparison == "exercise into straight knee extension"
    assert p.population == "children with loose joints and knee pain"


def test_the_card_keeps_the_result_on_the_primary_outcome() -> None:
    rec = _rec(_TWO_RANGES_TITLE, _TWO_RANGES)
    card = generate_card(rec, appraise(rec))
    points = " ".join(k["text"] if isinstance(k, dict) else str(k) for k in card["key_points"])
    assert "regardless of group allocation" in points  # the main result, without its statistics
    assert "It included 30 people" in points  # "(n=30)" after the people counts as a stated sample
    assert "probably helps" not in str(card["upshot"])


def test_doses_that_tell_arms_apart_stay() -> None:
    # Without its doses this would compare a drug with itself ("X gave advantages over Y and X"): the doses of
    # the drug given at two doses stay, in words a reader follows; the other drug's dose goes.
    assert plain_claim("Drug X, 50 mg/d, gave advantages over drug Y, 100 mg/d, and drug X, 10 mg, for hip pain.") == \
        "Drug X at 50 mg a day gave advantages over drug Y, and drug X at 10 mg for hip pain."
    assert plain_claim("Drug X, 50 mg/d, gave advantages over drug Y for hip pain.") == "Drug X gave advantages over drug Y for hip pain."


def test_a_harms_review_asks_the_harm_question() -> None:
    rec = _rec("Systematic review for evaluation of tolerability of painkiller Q in arthritis patients in Norway.",
               "To evaluate the stomach tolerability of painkiller Q in arthritis patients, a systematic review of "
               "randomized controlled trials was performed. The analysis included 3100 patients from 20 trials. "
               "About one in ten patients reported a stomach complaint. Despite differences across the products used, "
               "there was a clear increased risk of stomach complaints.")
    a = appraise(rec)
    assert a["question_kind"] == "association"
    card = generate_card(rec, a)
    q = card["upshot"]["question"]
    assert "linked with side effects" in q and "painkiller Q" in q
    assert "help" not in card["upshot"]["answer"]


def test_eligible_and_completed_counts_are_not_the_sample() -> None:
    a = appraise(_rec("Surgery versus physiotherapy for hip pain: a randomised controlled trial",
                      "FINDINGS: Between 2012 and 2016, we identified 600 eligible patients and recruited 310 participants: "
                      "150 were allocated to surgery and 160 to physiotherapy. Surgery improved hip scores more than "
                      "physiotherapy (p=0.01)."))
    assert a["n_participants"] == 310
    b = appraise(_rec("Herbal extract for back pain",
                      "Two doses of a herbal extract were compared with placebo over 4 weeks in a randomized, double-blind "
                      "study in 190 patients with back pain. A total of 180 patients completed the study. The numbers of "
                      "pain-free patients were four, seven and 11 in the three groups (P = 0.03)."))
    assert b["n_participants"] == 190


def test_a_sample_written_in_words_reaches_the_card() -> None:
    rec = _rec("Drug Z for long-standing back pain: a randomised trial",
               "Three hundred eighty-two patients with long-standing back pain were randomly assigned to drug Z or "
               "placebo. Pain fell more with drug Z than with placebo (p < 0.001). Drug Z relieves back pain.")
    card = generate_card(rec, appraise(rec))
    assert "382 people" in " ".join(str(k) for k in card["key_points"])


def test_short_trials_and_run_in_designs_are_limitations() -> None:
    rec = _rec("Drug W for long-standing back pain: a randomised trial",
               "METHODS: A 3 phase trial: a screening phase; a 3 week, open label, run-in phase; and a 4 week, "
               "randomized, placebo controlled, double blind treatment phase. Patients aged between 21 and 79 years "
               "took part.\nRESULTS: Two hundred patients entered the double blind phase. Pain was lower with drug W "
               "than with placebo (p < 0.001).\nCONCLUSIONS: Drug W was effective for long-standing back pain.")
    card = generate_card(rec, appraise(rec))
    limits = " ".join(card.get("limitations") or [])
    assert "Short study: results go up to 4 weeks only" in limits  # ages ("79 years") are no later time point
    assert "open run-in phase" in limits


def test_a_review_that_finds_too_little_evidence_is_not_called_untested() -> None:
    rec = _rec("Injections for long-standing neck pain",
               "PURPOSE: To evaluate injections in neck pain. METHODS: A meta-analysis of randomized trials. "
               "RESULTS: This review included 18 randomized trials. The quality of many studies was low. "
               "CONCLUSIONS: Convincing evidence is lacking regarding the effects of injections on neck pain.")
    a = appraise(rec)
    assert a["verdict"] == "Too early to tell"
    card = generate_card(rec, a)
    why = card["why_it_matters"]
    assert "tested nothing" not in why["clinicians"] and "too thin" in why["clinicians"]
    assert "early piece" not in why["patients"]
    assert "Only a little research backs this" not in card["upshot"]["answer"]


def test_within_group_conclusion_gives_way_to_the_comparison() -> None:
    from physiohub.appraise.reading import both_groups_improved
    assert both_groups_improved("Surgery and physiotherapy both improved hip-related quality of life.")
    rec = _rec("Surgery versus physiotherapy for hip pain: a randomised controlled trial",
               "METHODS: Adults with hip pain were randomised to surgery or physiotherapy.\nFINDINGS: We recruited 300 "
               "participants. The mean difference in hip scores was 7 points in favour of surgery (p=0.009). Adverse "
               "events occurred in 70% of the surgery group and 58% of the physiotherapy group.\nINTERPRETATION: "
               "Surgery and physiotherapy both improved hip-related quality of life. Surgery led to a greater "
               "improvement than did physiotherapy.")
    card = generate_card(rec, appraise(rec))
    assert "greater improvement" in card["upshot"]["answer"]
    assert "side effects the study reports" in card["why_it_matters"]["patients"]


def test_plain_lines_speak_of_the_study_not_as_its_authors() -> None:
    assert plain_claim("There were no side effects observed in any of our patients.") == \
        "There were no side effects observed in any of the people."
    assert plain_claim("There also was no significant difference in pain between groups.").startswith("There was no")


def test_a_placebo_controlled_trial_names_its_comparison() -> None:
    rec = _rec("Herbal extract Q in back pain: a randomized, placebo-controlled, double-blind study",
               "METHODS: 120 patients with back pain were randomised. RESULTS: More patients were pain free with "
               "extract Q than with placebo (p = 0.01). CONCLUSIONS: Extract Q relieves back pain.")
    card = generate_card(rec, appraise(rec))
    assert card["upshot"]["question"].endswith("compared with a placebo?")


def test_an_overview_shows_what_it_argues_not_pronoun_fragments() -> None:
    rec = _rec("Exercise and long-lasting pain: old rules and new ideas",
               "Older pain models tie pain to tissue damage and have not served patients well. The rule that pain must "
               "be avoided during exercise has recently been questioned, as care moves towards a biopsychosocial model. "
               "The aim of this review is to explain possible mechanisms behind exercise and the theoretical mechanisms "
               "of painful exercise. Central pain mechanisms and the immune system are described. They are discussed "
               "in relation to exercise for people with long-lasting pain. These ideas could help clinicians prescribe "
               "exercise.")
    a = appraise(rec)
    assert a["design"] == "narrative review"
    card = generate_card(rec, a)
    assert not any(f.startswith(("They ", "These ")) for f in card["findings"])
    assert any("questioned" in f for f in card["findings"])
    assert any("theoretical or possible" in t for t in card["limitations"])


def test_an_advantage_that_changes_sides_is_a_mixed_picture() -> None:
    rec = _rec("Blood injection versus steroid injection for tennis elbow",
               "METHODS: 60 patients were randomised to blood or steroid injection and followed for six months.\n"
               "RESULTS: The steroid injection group showed a statistically significant decrease in pain compared with "
               "the blood injection group at one week (p < 0.001). At six months, the blood injection group showed a "
               "statistically significant decrease in pain compared with the steroid injection group (p = 0.006).\n"
               "CONCLUSIONS: Blood injection is efficient compared with steroid injection, with fewer side-effects.")
    a = appraise(rec)
    assert a["verdict"] == "Mixed picture"
    card = generate_card(rec, a)
    assert "different time" in card["upshot"]["answer"]
    points = " ".join(card["key_points"])
    assert "steroid injection group showed a clear decrease" in points  # the mirror result is kept, not deduplicated
    assert "fewer side-effects" not in points  # the untested aside of the conclusion is cut


def test_baseline_comparisons_are_not_findings_and_hedges_do_not_stack() -> None:
    from physiohub.cards.plain import lay
    assert lay("X is significantly more effective than placebo in some circumstances.") == \
        "X is more effective than placebo in some circumstances."
    rec = _rec("Nerve block A versus nerve block B for shoulder pain: a randomised trial",
               "METHODS: 50 patients with shoulder pain were randomised to block A or block B.\nRESULTS: There was no "
               "statistically significant difference between the pain scores before the procedure (P > 0.05) in both "
               "the groups. Both the groups showed similar improvement of pain at 4 weeks (P > 0.05).\nCONCLUSIONS: "
               "Both blocks relieve shoulder pain alike.")
    card = generate_card(rec, appraise(rec))
    assert not any("before the procedure" in f for f in card["findings"])


def test_the_evidence_ladder_is_not_read_as_a_result() -> None:
    from physiohub.cards.consistency import _reading
    text = ("Meta-analysis of 15 studies; it found a result against the idea it tested. Evidence rated moderate. It "
            "started at strong as a review of randomised trials, then was lowered to moderate because the authors "
            "report heterogeneous studies. It argues against relying on it.")
    assert _reading(text, "intervention") is None  # "lowered to moderate" once read as a benefit


def test_unmasked_patients_and_first_person_caveats() -> None:
    assert plain_claim("While plausible we have limited confidence in the findings due to multiple tests.") == \
        "The authors have limited confidence in the findings due to multiple tests."
    rec = _rec("Surgery versus physiotherapy for hip pain: a randomised controlled trial",
               "METHODS: 300 adults with hip pain were randomised to surgery or physiotherapy. Patients and treating "
               "clinicians were not masked to treatment allocation.\nFINDINGS: Hip scores improved more after surgery "
               "than after physiotherapy at 12 months (p=0.01).\nINTERPRETATION: Surgery led to a greater improvement.")
    card = generate_card(rec, appraise(rec))
    assert any("knew which treatment they had" in t for t in card["limitations"])


def test_the_randomised_arms_give_the_comparison() -> None:
    rec = _rec("The effect of technique M in older adults with neck pain: a randomized controlled study",
               "BACKGROUND: We examined technique M in older adults with neck pain.\nMETHODS: Forty older adults were "
               "randomly divided into two groups: usual physiotherapy (UP) group and usual physiotherapy-technique M "
               "(UPM) group.\nRESULTS: Range of motion improved more in the UPM group than in the UP group (p < 0.05).\n"
               "CONCLUSION: Technique M improves range of motion in older adults with neck pain.")
    q = generate_card(rec, appraise(rec))["upshot"]["question"]
    assert "adding technique M to usual physiotherapy" in q and q.endswith("compared with usual physiotherapy alone?")
    rec2 = _rec("Strength training helps women with widespread pain: a randomized clinical trial",
                "OBJECTIVE: To assess strength training (STR) in women with widespread pain.\nMETHODS: Sixty women were "
                "randomly selected to participate in STR or stretching (STRETCH) exercises in a blinded trial.\nRESULTS: "
                "Pain fell more with strength training than with stretching (p < 0.01).\nCONCLUSIONS: Strength training "
                "relieves widespread pain.")
    q2 = generate_card(rec2, appraise(rec2))["upshot"]["question"]
    assert q2.endswith("compared with stretching exercises?"), q2


def test_a_leading_also_goes_in_plain_lines() -> None:
    from physiohub.cards.plain import lay
    assert lay("There also was no significant difference in pain after week 4.").startswith("There was no")


def test_a_result_in_words_is_a_finding() -> None:
    rec = _rec("Exercise and walking in knee osteoarthritis: a randomised trial",
               "METHODS: 60 people with knee osteoarthritis were randomised to exercise or no attention.\nRESULTS: The "
               "per-protocol population included 46 participants. There were no group differences in the gait "
               "variables, except for a significant difference in one knee moment.\nCONCLUSIONS: Exercise did not "
               "change gait.")
    card = generate_card(rec, appraise(rec))
    assert any(f.startswith("There were no group differences") for f in card["findings"])


def _methods(card: dict) -> dict[str, str]:
    return {m["label"]: m["text"] for m in card["methods"]}


def test_where_a_treatment_was_given_is_no_outcome() -> None:
    # The tagger can read "tender points" in the allocation sentence as an outcome: it says where the
    # injections went, not what was measured.
    rec = _rec("Injection of drug Z for chronic shoulder pain: a randomized, placebo-controlled trial",
               "METHODS: Sixty patients with chronic shoulder pain were randomly assigned to receive drug Z or saline "
               "into muscles with tender points. RESULTS: After 8 weeks there was no significant difference between "
               "the groups in shoulder pain intensity or in patients' global rating of change. CONCLUSIONS: Drug Z "
               "was not shown to help chronic shoulder pain; tender points alone may not explain the pain.")
    a = appraise(rec)
    a["pico"] = {**(a.get("pico") or {}), "outcomes": [{"text": "tender points", "field": "abstract",
                                                         "start": rec.abstract.index("tender points"),
                                                         "end": rec.abstract.index("tender points") + 13},
                                                        {"text": "global rating of change", "field": "abstract",
                                                         "start": rec.abstract.index("global rating"),
                                                         "end": rec.abstract.index("global rating") + 23}]}
    rows = _methods(generate_card(rec, a))
    assert "tender" not in rows.get("Outcomes", "").lower()
    assert "global rating of change" in rows.get("Outcomes", "").lower()


def test_a_subgroup_allowed_in_is_not_the_population() -> None:
    rec = _rec("Surgery versus physiotherapy for knee cartilage tears: a randomised trial",
               "METHODS: We enrolled patients with knee cartilage tears at 12 hospitals. Patients with bilateral knee "
               "cartilage tears were eligible; only the worse knee was followed up. Participants were randomly "
               "allocated to surgery or physiotherapy. RESULTS: Knee function improved more after surgery than after "
               "physiotherapy (p = 0.01). CONCLUSIONS: Surgery gave a greater improvement than physiotherapy.")
    a = appraise(rec)
    start = rec.abstract.index("Patients with bilateral")
    a["pico"] = {**(a.get("pico") or {}), "population": [
        {"text": "Patients with bilateral knee cartilage tears", "field": "abstract", "start": start, "end": start + 44}]}
    rows = _methods(generate_card(rec, a))
    assert rows["Population"].lower().startswith("patients with knee cartilage tears")
    assert "bilateral" not in rows["Population"]


def test_a_result_for_one_dose_is_not_claimed_for_the_drug() -> None:
    rec = _rec("Drug Q versus drug R in hip osteoarthritis: a randomized, double-blind trial",
               "OBJECTIVE: To compare drug Q, drug R and paracetamol in adults with hip osteoarthritis. METHODS: "
               "Patients were randomly assigned to drug Q, 10 mg/d (n = 80); drug Q, 20 mg/d (n = 81); drug R, "
               "100 mg/d (n = 79); or paracetamol for 6 weeks. RESULTS: Over 6 weeks, drug Q, 20 mg/d, gave the "
               "greatest relief of walking pain (P < .01 vs drug R and paracetamol). CONCLUSION: Drugq, 20 mg/d, "
               "provided efficacy advantages over paracetamol, drug R, 100 mg/d, and Drugq, 10 mg/d, for hip "
               "osteoarthritis.".replace("Drugq", "Drug Q"))
    card = generate_card(rec, appraise(rec))
    up = card["upshot"]["question"] + " " + card["upshot"]["answer"]
    assert "drug Q at 20 mg a day" in up.replace("Drug Q", "drug Q")
    assert "lower dose of drug Q" in card["upshot"]["question"]
    assert plain_claim("Drug Q, 20 mg/d, provided advantages over drug R, 100 mg/d, and drug Q, 10 mg/d.") == \
        "Drug Q at 20 mg a day provided advantages over drug R, and drug Q at 10 mg a day."


def test_the_main_measure_is_named_when_its_result_is_all_numbers() -> None:
    rec = _rec("Herbal extract H for acute low back pain: a randomized, double-blind trial",
               "Two doses of extract H were compared with placebo over 4 weeks in 200 patients with acute low back "
               "pain. The principal outcome measure was the number of patients who were pain free without rescue "
               "medication for 5 days of the last week. The numbers of pain-free patients were 3, 6 and 10 in the "
               "placebo, low-dose and high-dose groups (P = 0.03). Secondary analyses painted a slightly different "
               "picture. Patients with more pain tended to use more rescue medication.")
    points = generate_card(rec, appraise(rec))["key_points"]
    assert any(p.startswith("The main measure was the number of") and "pain free" in p for p in points)
