"""Faults found reading /check output in session 14 (docs/check-review.md, Session 14): bold marks shown in a claim, a
decade read as the study's year, a sentence printed twice counted as two claims, "Skip Navigation" as the page's
title, "a diagnosis of osteoarthritis" read as a claim about diagnosis, "knee OA" missing from the PubMed search."""
from physiohub.check import check_article
from physiohub.check.claim_designs import year_of
from physiohub.check.claim_record import without_emphasis
from physiohub.check.claims import Claim, find_claims
from physiohub.check.document import parse_document
from physiohub.check.lexicon import topic_of
from physiohub.check.pubmed import pubmed_query
from physiohub.store import Store


def _check(tmp_path, text):
    store = Store(tmp_path / "hub.db")
    try:
        return check_article(store, text)
    finally:
        store.close()


def test_bold_headline_claim_is_shown_without_marks(tmp_path):
    res = _check(tmp_path, "# Knees\n\nSome words.\n\n**Drinking milk may slow knee osteoarthritis, a new study finds.**\n")
    assert [c["text"] for c in res["claims"]] == ["Drinking milk may slow knee osteoarthritis, a new study finds."]


def test_footnote_asterisks_stay():
    assert without_emphasis("Manual therapy* is recommended as part of a package*") == "Manual therapy* is recommended as part of a package*"
    assert without_emphasis("Lee *et al.* (2019) found **less** pain") == "Lee et al. (2019) found less pain"


def test_a_decade_is_not_a_year():
    assert year_of("the typical age at diagnosis dropped from the 1990s to the 2010s") is None
    assert year_of("a 2019 study of cases in the 2010s") == 2019


def test_a_sentence_printed_twice_is_one_claim():
    text = ("# News\n\n- Knee Arthritis Striking at Younger Ages, Weight Loss May Help\n\n"
            "## Knee Arthritis Striking at Younger Ages, Weight Loss May Help\n\n"
            "Americans are getting knee arthritis younger than before, new research has found.\n\n"
            "The typical age at diagnosis has dropped from 69 to 56, the researchers said.\n")
    claims = find_claims(parse_document(text).sentences, learned=False)
    texts = [c.text for c in claims]
    assert len(texts) == len(set(texts))
    for c in claims:
        assert c.continues is None or 0 <= c.continues < len(claims)


def test_first_level_heading_is_the_title():
    doc = parse_document("Skip Navigation\n\nhealthnewslink\n\n# Pain and Arthritis Newsletter\n\nNovember 7, 2011\n\n"
                         "A new study found that walking eased knee pain.\n")
    assert doc.title == "Pain and Arthritis Newsletter"


def test_having_a_diagnosis_is_not_the_topic_diagnosis():
    assert topic_of("Some 27 million Americans have a diagnosis of osteoarthritis.") != "Imaging & Diagnosis"
    assert topic_of("People diagnosed with back pain often rest too much.") != "Imaging & Diagnosis"
    assert topic_of("MRI helps the diagnosis of meniscal tears.") == "Imaging & Diagnosis"
    assert topic_of("Tears diagnosed with MRI were often painless.") == "Imaging & Diagnosis"


def test_knee_oa_is_searched_as_knee_osteoarthritis():
    q = pubmed_query(Claim(text="Newly published research found that the more low-fat milk women drank, the more slowly "
                                "their knee OA progressed.", cue="research found", design="research"))
    assert '"knee osteoarthritis"[tiab]' in q


def test_a_link_between_two_things_needs_a_study_of_both():
    from physiohub.check.tested import _unmatched_side

    claim = "Lower back and foot pain linked with more severe knee osteoarthritis symptoms"
    drug_trial = ("S-adenosyl methionine versus celecoxib for knee osteoarthritis symptoms: a double-blind trial. "
                  "SAMe is as effective as celecoxib in the management of symptoms of knee osteoarthritis.")
    assert _unmatched_side(claim, drug_trial) == ("lower back and foot pain", "more severe knee osteoarthritis symptoms")
    cohort = ("Widespread pain and knee osteoarthritis: a cohort study. People with knee osteoarthritis who had low back "
              "pain or foot pain reported more severe knee symptoms.")
    assert _unmatched_side(claim, cohort) is None
    # a claim that states no link is not read this way
    assert _unmatched_side("Exercise eases knee osteoarthritis pain", drug_trial) is None


def test_a_share_of_people_with_lower_back_pain_is_no_effect_and_not_overstated():
    from physiohub.check.claim_effects import effect_of
    from physiohub.check.overstate import overstatement

    text = "Results indicate that 57.4% of participants reported lower back pain."
    assert effect_of(text)[2] is None
    assert effect_of("Walkers reported lower pain scores.")[2] == "decreases"
    claim = Claim(text=text, cue="results indicate", design="cohort study")
    assert overstatement(claim, "direct causal", []) == []
    # a causal sentence about a cohort study is still flagged
    causal = Claim(text="A cohort study found that walking reduces back pain.", cue="study found", design="cohort study",
                   direction="decreases")
    assert overstatement(causal, "direct causal", [])


def test_authors_and_journal_named_in_prose_are_sources():
    from physiohub.check.claim_sources import sources_of

    sources, _ = sources_of("A study by Helmick et al. published in Arthritis & Rheumatism reported that 59 million people "
                            "have low back pain.", [])
    assert {"kind": "author", "value": "Helmick et al."} in sources
    assert {"kind": "journal", "value": "Arthritis & Rheumatism"} in sources
    assert sources_of("This is by far the best et al text.", [])[0] == []


def test_a_treatment_trial_does_not_answer_a_claim_that_names_no_treatment():
    from physiohub.check.tested import _treatment_not_named

    pico = {"intervention": [{"text": "celecoxib"}]}
    assert _treatment_not_named("There was no link with less frequent knee pain compared with baseline in this group.",
                                pico) == "celecoxib"
    # the study's exposure named in the claim: it may answer it
    assert _treatment_not_named("Knee injuries have been linked with a higher risk of knee arthritis.",
                                {"intervention": [{"text": "previous knee injury"}]}) is None
    assert _treatment_not_named("Knee injuries have been linked with a higher risk of knee arthritis.", {}) is None


def test_a_two_word_side_of_a_link_needs_both_words():
    from physiohub.check.tested import _unmatched_side

    ulcer_trial = ("Valdecoxib versus naproxen in osteoarthritis of the knee. Ulcers were more common with naproxen.")
    assert _unmatched_side("Knee injuries have been linked with a higher risk of knee arthritis.", ulcer_trial) is not None


def test_overstatement_flags_read_again():
    from physiohub.check.overstate import certainty_words, overstatement, share_only

    # "the leading cause of" ranks a condition; it claims no cause
    assert certainty_words("Low back pain is the leading cause of disability worldwide.") == []
    assert overstatement(Claim(text="Low back pain is the leading cause of disability worldwide.", cue="x"), "direct causal", []) == []
    assert certainty_words("Sitting causes back pain.") == ["causes"]
    # a share of people with no verb of cause is no causal wording; an effect's size is
    assert share_only("A survey found that only 38% of family practitioners talked to more than 60% of their patients.")
    assert not share_only("Exercise cut pain by 30% in the trial.")
    # a no-difference result overstates nothing
    same = Claim(text="A survey showed that all three groups improved about the same in physical function.", cue="survey showed",
                 design="observational study")
    assert overstatement(same, "direct causal", []) == []
