"""Faults found reading /check output in session 20 (docs/check-review.md, Session 20 (review20)), each tested on
sentences written for this file: a clinic's claim that its treatment is "backed by many scientific journals" missed;
the writer's own "This is why ... is important" shown as a research claim; a trial of one form of manual therapy
(spinal manipulation) badged "does not test" a claim about manual therapy, and a claim of "recovery" read as an
outcome no study of pain or disability measured."""
from __future__ import annotations

import pytest

from physiohub.check.claim_cues import claim_cue
from physiohub.check.claim_vetoes import model_veto
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document
from physiohub.check.tested import _measures, study_tests_claim


# -- 1. research named by the journals it is published in ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "This is backed by many scientific journals over the benefits of graded walking for people with knee pain.",
    "Our approach is supported by numerous peer-reviewed journals showing that hydrotherapy eases hip stiffness.",
    "Dry needling for shoulder pain is backed by a large body of published papers.",
    "Pilates for neck pain is underpinned by the medical literature on motor control training.",
])
def test_research_named_by_its_journals_is_a_cue(text):
    assert claim_cue(text)


@pytest.mark.parametrize("text", [
    "Her work is supported by the journal's editors and a small grant.",
    "The clinic is backed by many local businesses and sports clubs.",
])
def test_backing_that_is_not_published_research_is_no_cue(text):
    assert not claim_cue(text)


def test_a_clinic_claim_backed_by_journals_is_found():
    page = ("# Shoulder pain\n\nMany clinics treat shoulder pain. Physiotherapy is a common first choice for a stiff "
            "shoulder. This is backed by many scientific journals over the effectiveness of using mobilisation and "
            "exercise to promote good recovery for people with frozen shoulder.\n")
    texts = [c.text for c in find_claims(parse_document(page).sentences)]
    assert any(t.startswith("This is backed by many scientific journals") for t in texts)


# -- 2. the writer's reason for advice ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "This is why starting gentle strength work early, before the tendon stiffens, is so important.",
    "That's why getting a proper assessment of your hip early is essential.",
    "This is why it is doubly important for older runners to warm up.",
    "Which is why keeping a daily walk going through a flare-up is a good idea.",
])
def test_the_writers_reason_for_advice_is_not_a_claim(text):
    assert model_veto(text)


@pytest.mark.parametrize("text", [
    # what the research led to, or a finding after "that is why": left to the rules and the model
    "That is why a diagnosis of bursitis is no longer made from a scan alone.",
    "That is why researchers say early loading is important after an ankle sprain.",
    "This is why stiffness is worst in the morning and eases with movement.",
])
def test_a_that_is_why_sentence_that_is_not_advice_is_not_vetoed_by_it(text):
    assert not model_veto(text)


# -- 3. a form of manual therapy tests a claim about manual therapy ------------------------------------------------

_MOBILISATION_TITLE = "Cervical mobilisation versus sham for chronic neck pain: a randomised trial"
_MOBILISATION_TEXT = (_MOBILISATION_TITLE + ". We randomly assigned 120 adults with chronic neck pain to cervical "
                      "mobilisation or a sham. Pain and disability improved more after mobilisation than after sham.")


def test_a_trial_of_one_form_of_manual_therapy_tests_a_manual_therapy_claim():
    claim = "Research shows manual therapy eases chronic neck pain."
    words = ["manual", "therapy", "eases", "chronic", "neck", "pain"]
    t = study_tests_claim(None, claim, words, _MOBILISATION_TITLE, _MOBILISATION_TEXT,
                          {"intervention": [{"text": "cervical mobilisation"}], "comparison": [{"text": "sham"}]}, "Supports",
                          context_condition="neck pain")
    assert t.tests and t.by_treatment and t.name == "manual therapy"


def test_a_manual_therapy_study_does_not_test_a_claim_about_one_form_of_it():
    claim = "Research shows spinal manipulation eases chronic neck pain."
    words = ["spinal", "manipulation", "eases", "chronic", "neck", "pain"]
    title = "Manual therapy versus advice for chronic neck pain: a randomised trial"
    text = title + ". Adults with chronic neck pain had manual therapy or advice. Pain improved more with manual therapy."
    t = study_tests_claim(None, claim, words, title, text, {"intervention": [{"text": "manual therapy"}]}, "Supports",
                          context_condition="neck pain")
    assert not t.tests and t.reason == "it does not test manipulation"


def test_two_forms_of_manual_therapy_are_two_forms_of_it():
    claim = "Research shows manual therapy eases chronic neck pain."
    words = ["manual", "therapy", "eases", "chronic", "neck", "pain"]
    title = "Cervical manipulation versus mobilisation for chronic neck pain: a randomised trial"
    text = title + ". Adults with chronic neck pain had manipulation or mobilisation. Pain improved in both groups."
    t = study_tests_claim(None, claim, words, title, text, {"intervention": [{"text": "cervical manipulation"}],
                                                            "comparison": [{"text": "mobilisation"}]}, "No clear difference",
                          context_condition="neck pain")
    assert not t.tests and t.reason == "it compares two forms of manual therapy"


# -- 4. "recovery" is measured by a study of pain, disability or function -----------------------------------------

@pytest.mark.parametrize("text, measured", [
    ("Roland-Morris disability scores fell in both groups over 12 weeks.", True),
    ("Patients in both groups improved during follow-up.", True),
    ("Neck pain intensity was lower at six weeks.", True),
    ("Serum cortisol levels were measured at baseline only.", False),
])
def test_recovery_is_measured_by_a_change_in_pain_disability_or_function(text, measured):
    assert _measures("recovery", text) is measured


# -- 5. a product named by its kind is searched as the one the article named ---------------------------------------

def test_a_product_named_by_its_kind_is_searched_as_the_one_named_before():
    from physiohub.check.claims import Claim
    from physiohub.check.pubmed import pubmed_query

    before = Claim(text="The supplement did no better than a dummy pill over a year.", cue="test")
    it = Claim(text="It does not work, according to researchers writing in a rheumatology journal.", cue="test")
    query = pubmed_query(it, before, condition="knee osteoarthritis", named="chondroitin")
    assert query == '"knee osteoarthritis"[tiab] AND chondroitin[tiab]'
    own = Claim(text="The researchers concluded the supplement was largely ineffective for knee pain.", cue="test")
    assert "chondroitin[tiab]" in pubmed_query(own, it, condition="knee osteoarthritis", named="chondroitin")


def test_a_kind_of_care_discussed_in_its_own_right_is_not_replaced():
    from physiohub.check.claims import Claim
    from physiohub.check.pubmed import pubmed_query

    claim = Claim(text="Injections can help knee osteoarthritis in the short term but may make things worse later.", cue="test")
    assert "chondroitin" not in pubmed_query(claim, None, condition="knee osteoarthritis", named="chondroitin")


def test_the_treatment_named_before_comes_from_earlier_claims_or_the_title():
    from physiohub.check.checker import _named_before
    from physiohub.check.claims import Claim

    claims = [Claim(text="Chondroitin no help for knee pain, study finds", cue="test"),
              Claim(text="Popular supplement did no better than a placebo over two years", cue="test"),
              Claim(text="It does not work, according to the researchers.", cue="test")]
    assert _named_before(2, claims, None) == "chondroitin"
    assert _named_before(0, claims[1:], "Chondroitin no help for knee pain") == "chondroitin"
    assert _named_before(1, claims[1:], None) is None


def test_an_outcome_that_is_the_condition_again_is_not_searched_twice():
    from physiohub.check.claims import Claim
    from physiohub.check.pubmed import pubmed_query

    claim = Claim(text="The researchers said chondroitin sulfate had no noticeable effect on knee arthritis.", cue="test",
                  outcome="knee arthritis")
    query = pubmed_query(claim, None, condition="knee osteoarthritis")
    assert query.startswith('"knee osteoarthritis"[tiab] AND chondroitin') and "knee arthritis" not in query


# -- 6. a reference's link whose text is its own address is shown once ---------------------------------------------

def test_a_link_whose_text_is_its_address_is_written_once_in_the_entry(tmp_path):
    from physiohub.check import check_article
    from physiohub.store import Store

    page = ("<html><body><article><h1>Calf raises for Achilles pain</h1>"
            "<p>A trial found that heavy slow calf raises eased Achilles pain as well as eccentric drops (Moss et al., 2019).</p>"
            "<h2>References</h2><ol>"
            "<li>Moss T, Lund K. Heavy slow calf raises versus eccentric drops for Achilles tendinopathy: a randomised trial. "
            "Scand J Sports Sci. 2019;12(3):101-110. <a href=\"https://doi.org/10.9999/sjss.2019.101\">https://doi.org/10.9999/sjss.2019.101</a></li>"
            "<li>Lund K. Tendon load explained. Sports Notes. 2020. <a href=\"https://example.org/tendon-load\">Read the notes</a></li>"
            "</ol></article></body></html>")
    store = Store(tmp_path / "empty.db")
    refs = check_article(store, page, html=True, claim_model=False)["references"]
    moss = next(r for r in refs if r["text"].startswith("Moss T"))
    assert moss["text"].count("10.9999/sjss.2019.101") == 1 and moss["doi"] == "10.9999/sjss.2019.101"
    notes = next(r for r in refs if r["text"].startswith("Lund K"))
    assert notes["text"].endswith("Read the notes <https://example.org/tendon-load>")
    store.close()


# -- 7. a claim citing one listed work is searched by that work's own title ----------------------------------------

def test_a_cited_work_is_searched_by_its_author_year_and_title_words():
    from physiohub.check.claims import Claim
    from physiohub.check.pubmed import pubmed_query

    claim = Claim(text="In the first study, all 20 recreational runners were back to running within 12 weeks (Holm et al., 2001).",
                  cue="test", sources=[{"kind": "author", "value": "Holm et al. 2001"}])
    title = "Slow heavy calf loading for the treatment of chronic Achilles tendinosis"
    # the page calls it tendinopathy and speaks of running; the paper's title says tendinosis and loading
    query = pubmed_query(claim, None, condition="achilles tendinopathy", cited=("Holm", 2001, title))
    assert query == "Holm[au] AND tendinosis[tiab] AND loading[tiab] AND 2001[dp]"
    # another author's work listed beside the claim is not what the claim cites
    assert pubmed_query(claim, None, condition="achilles tendinopathy", cited=("Berg", 2001, title)).startswith("Holm[au]")
    assert "tendinosis" not in pubmed_query(claim, None, condition="achilles tendinopathy", cited=("Berg", 2001, title))
    # nor is a work of another year than the one the sentence states
    stated = Claim(text="A 2003 trial found calf loading eased tendon pain (Holm et al.).", cue="test", year=2003,
                   sources=[{"kind": "author", "value": "Holm et al."}])
    assert "tendinosis" not in pubmed_query(stated, None, condition="achilles tendinopathy", cited=("Holm", 2001, title))


@pytest.mark.parametrize("title, terms", [
    ("Exercise for osteoarthritis of the knee: a Cochrane systematic review", ["osteoarthritis", "exercise"]),
    ("Heavy slow resistance versus eccentric training for Achilles tendinopathy: a randomised trial",
     ["achilles tendinopathy", "heavy slow resistance"]),
    ("Diagnostic criteria for joint laxity in Scandinavia", []),
])
def test_title_terms_are_the_titles_own_words(title, terms):
    from physiohub.check.pubmed import title_terms

    assert title_terms(title) == terms


def test_only_a_person_listed_first_gives_the_search_its_author():
    from physiohub.check.checker import _cited_work
    from physiohub.check.references import Reference

    work = Reference(text="...", authors=["Holm A", "Berg C"], year=2001, title="Calf loading for tendinosis")
    assert _cited_work([work]) == ("Holm", 2001, "Calf loading for tendinosis")
    group = Reference(text="...", authors=["The Royal College of Physicians"], year=2019, title="Guideline for back pain")
    labelled = Reference(text="...", authors=["The study: Holm A"], year=2001, title="Calf loading for tendinosis")
    assert _cited_work([group]) is None and _cited_work([labelled]) is None
    assert _cited_work([work, Reference(text="...", authors=["Berg C"], year=2003, title="Another")]) is None
