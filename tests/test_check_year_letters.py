"""One author's two works of one year, told apart by a letter after the year ("2019a", "2019b"): they stay two
references, and a citation with the letter links to its own entry. Pages, names and titles are written for this test."""
from __future__ import annotations

from physiohub.check import check_article
from physiohub.check.references import parse_reference, parse_reference_list, year_suffix


def _links(result: dict) -> dict[str, list[str]]:
    """Each claim's opening words -> the titles (or texts) of the references it links to."""
    refs = result["references"]
    return {c["text"][:20]: [refs[i]["title"] or refs[i]["text"] for i in c["references"]] for c in result["claims"]}


APA = ("# Knee pain in runners\n\n"
       "Hip strengthening eased knee pain in runners, a trial found (Holm, 2019b).\n\n"
       "Another trial showed that taping reduced pain during hopping (Holm, 2019a).\n\n"
       "## References\n\n"
       "Holm, A. (2019a). Taping for knee pain in runners: a randomised trial. Journal of Knee Therapy, 12(3), 45-52.\n\n"
       "Holm, A. (2019b). Hip strengthening for knee pain in runners: a randomised trial. Journal of Knee Therapy, 12(4), 55-62.\n")


def test_a_lettered_citation_links_to_its_own_entry(store):
    r = check_article(store, APA)
    assert [(x["authors"][0], x["year"], x["year_suffix"]) for x in r["references"]] == [("Holm A", 2019, "a"), ("Holm A", 2019, "b")]
    links = _links(r)
    assert links["Hip strengthening ea"] == ["Hip strengthening for knee pain in runners: a randomised trial"]
    assert links["Another trial showed"] == ["Taping for knee pain in runners: a randomised trial"]


def test_a_narrative_citation_with_the_letter_and_the_name_year_style(store):
    page = ("# Knee pain in runners\n\n"
            "Holm et al. (2019b) found that hip strengthening improved running distance.\n\n"
            "Taping reduced pain during hopping (Holm et al. 2019a).\n\n"
            "## References\n\n"
            "Holm A, Berg C, Lund D. 2019a. Taping for knee pain in runners. Journal of Knee Therapy 12:45-52.\n\n"
            "Holm A, Berg C. 2019b. Hip strengthening for knee pain in runners. Journal of Knee Therapy 12:55-62.\n")
    links = _links(check_article(store, page))
    assert links["Holm et al. (2019b) "] == ["Hip strengthening for knee pain in runners"]
    assert links["Taping reduced pain "] == ["Taping for knee pain in runners"]


def test_two_lettered_citations_with_no_list_are_two_references(store):
    page = ("# Knee pain in runners\n\n"
            "Hip strengthening eased knee pain in runners, a trial found (Holm et al., 2019b).\n\n"
            "Another trial showed that taping reduced pain during hopping (Holm et al., 2019a).\n")
    r = check_article(store, page)
    inline = [(x["year"], x["year_suffix"]) for x in r["references"] if x["kind"] == "inline"]
    assert sorted(inline) == [(2019, "a"), (2019, "b")]
    for c in r["claims"]:
        (i,) = c["references"]
        assert r["references"][i]["year_suffix"] in c["text"][-8:], c["text"]


def test_a_letter_in_the_text_over_a_list_without_letters_is_the_listed_work(store):
    page = ("# Knee pain in runners\n\n"
            "Hip strengthening eased knee pain in runners, a trial found (Holm, 2019b).\n\n"
            "## References\n\n"
            "Holm, A. (2019). Hip strengthening for knee pain in runners: a randomised trial. Journal of Knee Therapy, 12(4), 55-62.\n")
    r = check_article(store, page)
    assert [x["kind"] for x in r["references"]] == ["list"]
    assert _links(r)["Hip strengthening ea"] == ["Hip strengthening for knee pain in runners: a randomised trial"]


def test_two_lettered_parts_of_one_title_are_not_one_work_written_twice():
    refs = parse_reference_list([
        "Holm, A. (2019a). Hip strengthening for knee pain in runners, part 1: the trial. Journal of Knee Therapy, 12(3), 45-52.",
        "Holm, A. (2019b). Hip strengthening for knee pain in runners, part 2: one year on. Journal of Knee Therapy, 12(4), 55-62.",
    ])
    assert [r.year_suffix for r in refs] == ["a", "b"]
    assert [r.key() for r in refs] == ["Holm 2019a", "Holm 2019b"]


def test_the_year_letter_is_read_where_the_year_is_and_a_decade_is_none():
    assert parse_reference("Holm A, Berg C (2019b) Hip strengthening. J Knee Ther 12:55-62.").year_suffix == "b"
    assert parse_reference("Holm, A. 2019a. Taping for knee pain. Journal of Knee Therapy, 12, 45-52.").year_suffix == "a"
    assert parse_reference("Holm A. Hip strengthening. J Knee Ther. 2019;12:55-62.").year_suffix is None
    assert year_suffix("Lind A. Knee pain in the 1990s. Knee Hist. 1990;3:1-9.", 1990) is None


def test_letters_after_one_year_cite_each_work(store):
    from physiohub.check.citations import find_citations

    for text in ("Two trials found this (Holm, 2019a, b).", "Two trials found this (Holm 2019a,b).", "Holm (2019a, b) found this."):
        assert [(c.year, c.suffix) for c in find_citations(text)] == [(2019, "a"), (2019, "b")], text
    # an unlettered year keeps its comma and what follows for the rest of the bracket
    assert [(c.year, c.suffix) for c in find_citations("Walking helps (Holm, 2019; Berg, 2020).")] == [(2019, ""), (2020, "")]
    page = APA.replace("(Holm, 2019b).", "(Holm, 2019a, b).")
    r = check_article(store, page)
    assert sorted(_links(r)["Hip strengthening ea"]) == ["Hip strengthening for knee pain in runners: a randomised trial",
                                                           "Taping for knee pain in runners: a randomised trial"]


def test_a_trial_named_by_two_acronyms_in_brackets_is_cited() -> None:
    # README rule R3d: "(ACRONYM Year)" is an in-text citation; "UK" alone is no name, beside another acronym it is
    from physiohub.check.citations import find_citations
    cites = find_citations("One trial (UK BEAM 2004) found that manipulation with exercise did better.")
    assert [(c.who, c.year) for c in cites] == [("UK BEAM", 2004)]
    assert find_citations("Most adults in the (UK 2019) survey walk daily.") == []
