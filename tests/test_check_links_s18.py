"""Links to pages published elsewhere that are the page's sources (session 18): a government's own domain
("gov.uk"), a story "adapted from" an outlet, a podcast episode or a poster linked only as "here", and somebody's
website named as such; and what stays out (the site's own pages, "our" pieces). Pages of our own."""
from __future__ import annotations

from physiohub.check import check_article


def _refs(store, text: str, html: bool = False) -> list[dict]:
    return check_article(store, text, html=html)["references"]


def _urls(refs: list[dict]) -> dict[str, str]:
    return {r["url"]: r["kind"] for r in refs if r.get("url")}


def test_a_government_domain_that_is_the_whole_host_is_an_organisation_page(store):
    text = ("# Moving more with fibromyalgia\n\nGentle activity helps many people. The [UK physical activity "
            "guidelines](https://www.gov.uk/government/publications/activity-guidelines) advise 150 minutes a week.\n")
    assert _urls(_refs(store, text)).get("https://www.gov.uk/government/publications/activity-guidelines") == "web"


def test_a_story_adapted_from_an_outlet_cites_the_outlet_page(store):
    html = ("<html><body><article><h1>Exercise first for fibromyalgia</h1><p>New European advice puts exercise first "
            "for people with fibromyalgia, a review of trials found.</p><p><em>Story adapted from <a href="
            "\"https://news.example-outlet.com/rheumatology/123\">Example Outlet</a>.</em></p></article></body></html>")
    assert _urls(_refs(store, html, html=True)).get("https://news.example-outlet.com/rheumatology/123") == "web"


def test_a_podcast_episode_linked_as_here_is_a_web_reference(store):
    text = ("# Tendon podcasts worth your time\n\nTwo episodes I keep going back to:\n\n"
            "1) The Runner Clinic Podcast episode 12: Achilles loading with Dr Jane Roe ([here](https://podcasts.example-audio.com/ep12))\n\n"
            "2) Another favourite: Kneecap talk, session 4 ([here](https://talks.example-knees.net/session-4))\n")
    urls = _urls(_refs(store, text))
    assert urls.get("https://podcasts.example-audio.com/ep12") == "web"
    assert urls.get("https://talks.example-knees.net/session-4") == "web"


def test_somebodys_website_named_in_the_link_is_a_web_reference(store):
    text = ("# Tendons explained\n\nShow notes for this week's episode.\n\n"
            "- [Jane's tendon rehab website](https://www.example-tendon-rehab.com/)\n")
    assert _urls(_refs(store, text)).get("https://www.example-tendon-rehab.com/") == "web"


def test_the_sites_own_pages_and_our_pieces_are_not_references(store):
    own = "https://www.example-physio-clinic.com"
    text = (f"# Knee pain\n\n[Home]({own}/) [Services]({own}/services) [Blog]({own}/blog)\n\n"
            f"Strength work helps most knees. Read our article on running [here]({own}/running-knees). "
            "Our podcast episode on knees is [here](https://podcasts.example-audio.com/our-knees).\n")
    urls = _urls(_refs(store, text))
    assert f"{own}/running-knees" not in urls
    assert "https://podcasts.example-audio.com/our-knees" not in urls


def test_an_organisation_sites_own_menu_and_related_posts_are_not_its_sources(store):
    site = "https://www.example-taichi-school.org"
    text = (f"[Example Tai Chi School]({site}/)\n\n[Home]({site}/) · [Classes]({site}/classes/) · [Schedule]({site}/schedule/)\n\n"
            "# Tai chi and fibromyalgia\n\nA 2010 randomised trial found that twelve weeks of tai chi eased fibromyalgia "
            "pain more than stretching and wellness education.\n\n## Recent posts\n\n"
            f"- [Tai Chi Cuts Falls in Older Adults]({site}/tai-chi-cuts-falls/)\n- [Summer Schedule Announced]({site}/summer/)\n")
    assert not any(site.removeprefix("https://") in (r.get("url") or "") for r in _refs(store, text))


def test_the_site_named_by_its_first_link_to_its_home_is_its_own(store):
    site = "https://physio.example-college.edu.in"
    text = (f"[Example College of Physiotherapy]({site}/) | Home | About | Blogs | Contact\n\n# Exercise for osteoporosis\n\n"
            "A 2019 review found that strength and balance exercise reduced falls in people with osteoporosis.\n\n"
            f"## More from our blog\n\n- [Text Neck in Students: Causes and Exercises]({site}/blogs/text-neck)\n")
    assert not any("example-college" in (r.get("url") or "") for r in _refs(store, text))


def test_a_social_profile_is_no_source_but_an_organisation_page_in_prose_still_is(store):
    text = ("# Hip arthritis\n\nThe [National Institute for Health and Care Excellence](https://www.nice.org.uk/guidance/ng226) "
            "recommends exercise for everyone with osteoarthritis.\n\nFollow us: [@ExampleCharity](https://twitter.com/ExampleCharity)\n")
    urls = _urls(_refs(store, text))
    assert urls.get("https://www.nice.org.uk/guidance/ng226") == "web"
    assert "https://twitter.com/ExampleCharity" not in urls


def test_a_risk_set_higher_according_to_a_study_is_a_claim(store):
    text = ("# Bones and dieting\n\nOsteoporosis weakens bones.\n\nIn addition, teenage girls who diet hard are at greater "
            "risk of weak bones later, according to a long-term child development study.\n")
    claims = [c["text"] for c in check_article(store, text)["claims"]]
    assert any(c.startswith("In addition, teenage girls who diet hard") for c in claims)


def test_a_note_number_glued_to_a_sentence_end_matches_the_gold_phrase():
    from physiohub.check.evaluate import _contains
    assert _contains("is done sitting down.1", "Most office work is done sitting down [1].")
    assert not _contains("is done sitting down.1", "Most office work is done standing up [1].")
    assert _contains("cost 2.5 billion a year", "Back pain cost 2.5 billion a year.")


def test_the_report_counts_tested_claims_and_hides_the_verdict_of_a_study_that_tests_nothing():
    from physiohub.check.report import summarise, to_text
    match = {"id": 7, "title": "Codeine for hip pain", "year": 2001, "research_type": "Primary study",
             "evidence": "Moderate", "verdict": "Supports", "tests_claim": False}
    tested = dict(match, id=8, title="Exercise for hip pain", tests_claim=True, stance="supports")
    result = summarise({"title": None, "references": [], "claims": [
        {"text": "Physiotherapy may harm hip arthritis, a study suggests.", "matches": [match], "stance": None,
         "stance_reason": "None of the studies matched in the hub tests it."},
        {"text": "Exercise eases hip pain, a review found.", "matches": [tested], "stance": "supports",
         "stance_reason": "The closest study in the hub that tests it points the same way."}]})
    assert result["summary"]["with_matches"] == 2 and result["summary"]["tested"] == 1
    text = to_text(result)
    assert "2 research claims, 2 with studies in the hub (1 tested by one)" in text
    assert "#7 [Primary study · Moderate evidence]" in text
    assert "#8 [Primary study · Moderate evidence · Supports]" in text


def test_apa_brackets_with_a_doubled_comma_and_a_group_author_are_read(store):
    text = ("# Neck pain at the office\n\nNeck pain is common among office workers (Roe, Doe,, Poe, & Vale, 2017; "
            "Kay, Lee, & United States Census Bureau, 2018).\n")
    refs = [((r.get("authors") or [""])[0].split(",")[0], r.get("year")) for r in _refs(store, text)]
    assert ("Roe", 2017) in refs and ("Kay", 2018) in refs


def test_a_journal_named_after_et_al_is_no_group_author(store):
    text = ("# Tennis elbow\n\nKhan et al in the Physician and Sports Medicine Journal (2000) point out that tendinitis is a "
            "poor name for this condition.\n")
    assert not any("Journal" in ((r.get("authors") or [""])[0]) for r in _refs(store, text))


def test_a_reposts_from_credit_line_cites_the_outlet(store):
    text = ("# Balance training and sprains\n\nBalance training halves the risk of a repeat ankle sprain, a review found.\n\n"
            "\u2013 [from Daily Ledger](https://www.example-ledger.com/health/balance-sprains)\n")
    assert _urls(_refs(store, text)).get("https://www.example-ledger.com/health/balance-sprains") == "web"


def test_an_organisation_named_in_a_link_on_any_domain_is_a_web_reference(store):
    text = ("# Arthritis at work\n\nAccording to the [Central Statistics Office](https://www.example-stats.ie/releases/health), "
            "arthritis is among the most common conditions that stop people working.\n\nData from [The Irish Longitudinal "
            "Study on Ageing (TILDA)](https://tilda.example-college.ie/) show that a third of adults over 50 report arthritis.\n")
    urls = _urls(_refs(store, text))
    assert urls.get("https://www.example-stats.ie/releases/health") == "web"
    assert urls.get("https://tilda.example-college.ie/") == "web"


def test_an_outlet_or_body_and_its_verb_as_a_link_and_pages_for_further_information(store):
    text = ("# Neck pain myths\n\n[SGH claims](https://www.example-hospital.com.sg/conditions/neck-pain) that poor posture "
            "causes neck pain, but newer research disagrees.\n\nGo to [this link](https://www.nhs.uk/conditions/neck-pain/) "
            "or [here](https://www.example-charity.org/neck-pain/) for further information.\n")
    urls = _urls(_refs(store, text))
    assert urls.get("https://www.example-hospital.com.sg/conditions/neck-pain") == "web"
    assert urls.get("https://www.nhs.uk/conditions/neck-pain") == "web" or urls.get("https://www.nhs.uk/conditions/neck-pain/") == "web"
    assert any("example-charity.org" in u for u in urls)


def test_a_citation_after_the_full_stop_matches_the_gold_phrase_either_way():
    from physiohub.check.evaluate import _contains
    assert _contains("treatment is successful. (Lo and Safran 2007)", "In most patients treatment is successful (Lo and Safran 2007).")
    assert not _contains("treatment is successful. (Lo and Safran 2007)", "In most patients treatment fails (Lo and Safran 2007).")
