"""The PubMed search offered for a claim the hub has no study for (check/pubmed.py): the claim's concepts,
the cited author and year, never everyday words. Sentences of our own."""
from __future__ import annotations

from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document
from physiohub.check.pubmed import cited_author, pubmed_query


def claims(text: str):
    return find_claims(parse_document(text).sentences)


def test_concepts_not_everyday_words():
    c = claims("Research shows that an eccentric programme helps people with Achilles tendinopathy get back to sport.")[0]
    q = pubmed_query(c)
    assert '"achilles tendinopathy"[tiab]' in q and "eccentric" in q
    for word in ("people", "helps", "back", "sport[tiab] AND"):
        assert word not in q


def test_a_cited_author_and_year_lead_the_search():
    c = claims("The tendon is most often painful in its middle part, research has shown (Larsen et al, 2011).")[0]
    assert cited_author(c) == ("Larsen", 2011)
    q = pubmed_query(c)
    assert q.startswith("Larsen[au]") and q.endswith("2011[dp]") and "often" not in q and "middle" not in q


def test_a_journal_abbreviation_is_not_an_author():
    c = claims("Rehab comes out ahead of surgery for shoulder pain, studies show (BJSM 2015).")[0]
    assert cited_author(c) is None


def test_a_sentence_without_a_subject_borrows_the_one_before():
    found = claims("A 2019 trial found that dry needling eased neck pain more than sham needling. "
                   "A follow-up study in 2021 reached the same verdict, researchers reported.")
    assert len(found) == 2
    alone = pubmed_query(found[1])
    with_context = pubmed_query(found[1], found[0])
    assert '"neck pain"[tiab]' in with_context and "dry needling" in with_context
    assert "verdict" not in alone and "follow-up" not in alone


def test_a_claim_naming_treatments_but_no_condition_searches_within_the_article_condition():
    c = claims("After three months, a trial found that yoga and walking improved physical function alike.")[0]
    q = pubmed_query(c, condition="knee osteoarthritis")
    assert q.startswith('"knee osteoarthritis"[tiab]') and "yoga" in q
    # a claim that names its own condition keeps it, and the article's is not added beside it
    c = claims("A trial found that yoga improved hip osteoarthritis pain more than walking.")[0]
    q = pubmed_query(c, condition="knee osteoarthritis")
    assert "knee" not in q and '"hip osteoarthritis"[tiab]' in q
