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
