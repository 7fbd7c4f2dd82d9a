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
