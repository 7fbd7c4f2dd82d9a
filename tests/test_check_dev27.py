"""Kinds of miss the fresh dev27 pages showed (session 15), in sentences of our own: a related-post link alone on its line,
a title promising what a survey shows, an answer line that only says research agrees, authors named before a bracketed
journal and year."""
from __future__ import annotations

from physiohub.check import check_article
from physiohub.check.claim_not_claims import TEASER
from physiohub.check.claims import find_claims
from physiohub.check.document import parse_document


def test_a_link_alone_on_its_line_is_navigation_unless_it_credits_research():
    text = ("# Tendon pain\n\nA 2019 trial found that loading exercise eased tendon pain.\n\n"
            "[5 Running Injuries And How To Fix Them](/running-injuries/)\n\n"
            "[Teen knee injuries on the rise, researchers call for prevention programmes](/news/teen-knee)\n")
    texts = [c.text for c in find_claims(parse_document(text).sentences)]
    assert not any("Running Injuries" in t for t in texts)
    assert any("researchers call for" in t for t in texts)


def test_promised_answers_are_teasers():
    assert TEASER.search("Chiropractic for Back and Neck Pain: What a National Survey Shows")
    assert TEASER.search("That may sound like a bold claim, but research backs it up.")
    assert not TEASER.search("Research backs up the use of exercise for knee pain.")


def test_authors_before_a_bracketed_journal_and_year(store):
    res = check_article(store, "# Elbows\n\nSome words.\n\nLee et al. (JAMA 2013) ran a large trial and reported that "
                               "people given an injection were worse off at one year.\n")
    assert [(r.get("authors"), r.get("journal"), r.get("year")) for r in res["references"]] == [(["Lee et al."], "JAMA", 2013)]


def test_an_entry_with_fields_separated_by_semicolons():
    from physiohub.check.references import parse_reference

    r = parse_reference("Lee A, Park C, Kim D; Walking and Back Pain: Results From the 2012 National Survey; Spine; "
                        "March 1, 2017; Vol. 42; No. 5; pp. 100-109.")
    assert (r.authors, r.title, r.journal, r.year) == (["Lee A", "Park C", "Kim D"],
                                                       "Walking and Back Pain: Results From the 2012 National Survey", "Spine", 2017)
    # a Vancouver entry with a semicolon in its title is not read so
    r = parse_reference("Lee AB, Park C. Walking for back pain; a randomised trial. Spine. 2019;44(3):100-9.")
    assert r.journal == "Spine" and r.year == 2019


def test_what_a_thing_is_described_as_is_a_definition():
    from physiohub.check.claim_not_claims import DEFINITION

    assert DEFINITION.search("The kneecap is described as the pulley of the thigh muscles [4].")
    assert not DEFINITION.search("Exercise is known as a safe way to reduce knee pain [4].")
