"""The page's own citation, one rule (check/own_citation.py; docs/check.md, step 5): a labelled "To cite:" line that
names the page's title, or a journal header at the top of a repost, is kept in the list as kind "self" and is never
a claim's source — both ways alike. Pages, names and identifiers are invented for these tests."""
from __future__ import annotations

from physiohub.check import check_article
from physiohub.check.evaluate import score_article
from physiohub.check.own_citation import own_citation_lines

# A journal's own article page: its "To cite" line names the page's headline.
JOURNAL_PAGE = ("Example Journal of Knee Rehabilitation\n\n"
                "# Quadriceps strength after knee arthroscopy: a narrative review\n\n"
                "To Cite: Lind A, Moe B. Quadriceps Strength After Knee Arthroscopy: A Narrative Review. Ex J Knee Rehabil. "
                "2018;4(2):e1101. doi: 10.7777/exjkr.1101.\n\n"
                "## Results\n\n"
                "A randomised trial found that early quadriceps training improves walking speed after arthroscopy (Berg et al., "
                "2014).\n\n"
                "Strength training was shown to reduce knee pain after surgery.\n\n"
                "## References\n\n"
                "1. Berg C, Holm D, Ask E. Early quadriceps training after knee arthroscopy. Knee Rehab Res. 2014;9(1):12-19.\n")

# A news story's citation line for the paper it reports: another title than the page's.
NEWS_PAGE = ("# Walking beats rest for sore knees, trial finds\n\n"
             "A trial found that walking reduced knee pain more than rest in older adults.\n\n"
             "Cite this article: Lind A, Moe B. Walking or rest for knee pain in older adults: a randomised trial. "
             "Ex J Knee Rehabil. 2018;4(2):e1101. doi: 10.7777/exjkr.1101.\n")


def test_a_labelled_citation_of_the_page_is_the_article_itself(store):
    r = check_article(store, JOURNAL_PAGE)
    own = [x for x in r["references"] if x["kind"] == "self"]
    assert [x["doi"] for x in own] == ["10.7777/exjkr.1101"]
    # the listed paper is still a source; the page's own citation is none, nor its year
    assert any(x["kind"] != "self" and (x["authors"] or [""])[0].startswith("Berg") for x in r["references"])
    for c in r["claims"]:
        assert all(r["references"][i]["kind"] != "self" for i in c["references"]), c["text"]
        assert c["year"] != 2018, c["text"]


def test_both_ways_are_one_rule_in_own_citation_lines():
    titles = ["Quadriceps strength after knee arthroscopy: a narrative review"]
    assert own_citation_lines(JOURNAL_PAGE, titles)[0].startswith("To Cite: Lind A")
    # without the page's titles the labelled line is not known to be the page's own
    assert own_citation_lines(JOURNAL_PAGE) == []
    repost = ("## Exercise after hip replacement: systematic review\n\n"
              "J Hip Knee Ther. 2019;49(6):412-428.\nPublished online 2019 Jun 2. doi: 10.9999/hkt.2019.0412\n\n### Background\n")
    assert own_citation_lines(repost, ["Exercise after hip replacement: systematic review"])[0] == "J Hip Knee Ther. 2019;49(6):412-428."


def test_a_news_storys_citation_of_the_paper_it_reports_stays_its_source(store):
    r = check_article(store, NEWS_PAGE)
    assert r["references"] and all(x["kind"] != "self" for x in r["references"])
    c = next(c for c in r["claims"] if c["text"].startswith("A trial found that walking"))
    assert c["references"] and r["references"][c["references"][0]]["doi"] == "10.7777/exjkr.1101"


def test_the_score_matches_a_listed_own_citation_and_counts_an_unlisted_one_as_no_extra(store):
    r = check_article(store, JOURNAL_PAGE)
    berg = {"authors": "Berg", "year": 2014}
    listed = score_article(r, {"claims": [], "references": [berg, {"doi": "10.7777/exjkr.1101"}]}, "page")
    assert (listed.refs_found, listed.refs_extra) == (2, 0)
    unlisted = score_article(r, {"claims": [], "references": [berg]}, "page")
    assert (unlisted.refs_found, unlisted.refs_extra) == (1, 0)
    # an ordinary reference the gold does not list is still an extra
    assert score_article(r, {"claims": [], "references": []}, "page").refs_extra == 1
