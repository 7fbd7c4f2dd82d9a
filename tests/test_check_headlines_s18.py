"""Session 18: a news headline quoting the finding it reports ("Routine physio 'does not cure back pain'"), a page
title under a site's masthead (name, menu, dateline) read as the title, and a press release's "Notes to editors"
whose entry-like lines are its references while its notes on the organisation are not. Pages of our own."""
from __future__ import annotations

from physiohub.check import check_article


def _claims(store, text: str, html: bool = False) -> list[str]:
    return [c["text"] for c in check_article(store, text, html=html)["claims"]]


def test_a_headline_quoting_the_finding_under_a_masthead_is_a_claim(store):
    text = ("**DAILY HEALTH** · [Home](https://news.example-daily.com/)\n\n[World](https://news.example-daily.com/world) | "
            "[Health](https://news.example-daily.com/health)\n\nLast updated: Monday, 3 May 2004\n\n"
            "# Weekly massage 'does not ease neck pain'\n\nWeekly massage for neck pain works no better than a single "
            "session of advice, according to a study.\n")
    assert "Weekly massage 'does not ease neck pain'" in _claims(store, text)


def test_a_headline_quoting_a_word_is_no_claim(store):
    text = "# Why movement is 'medicine'\n\nMany people with back pain are told to rest. We explain why we disagree.\n"
    assert not any("medicine" in c for c in _claims(store, text))


def test_a_title_below_a_first_paragraph_of_prose_is_not_read_as_the_page_title(store):
    text = ("Our clinic has helped people in the valley for twenty years and we love hearing from you.\n\nWe write about "
            "pain every week for our patients and their families.\n\nThanks for reading our notes this month.\n\n"
            "## Knee braces 'can help prevent falls'\n\nWe stock several kinds of brace in the clinic.\n")
    assert not any(c.startswith("Knee braces") for c in _claims(store, text))


def test_notes_to_editors_give_the_papers_entry_and_no_notes_about_the_society(store):
    html = ("<html><body><article><h1>Society welcomes trial of new back pain therapy</h1>"
            "<p>People with long-term back pain had less pain after a new therapy in a trial of 400 people, published in a "
            "medical journal.</p><h3>Notes to editors</h3><ol>"
            "<li>The Example Society of Physiotherapists is the professional body for physiotherapists in the region.</li>"
            "<li>The study: Roe J, Doe A, et al. A new therapy versus usual care for chronic low back pain: a randomised trial. "
            "<em>Example Med J</em> 2023; 12: 45\u201356. <a href=\"https://doi.org/10.5555/emj.2023.012\">doi:10.5555/emj.2023.012</a></li>"
            "<li>For interviews, please contact the press office at press@example.org.</li></ol></article></body></html>")
    refs = check_article(store, html, html=True)["references"]
    assert [r.get("doi") for r in refs] == ["10.5555/emj.2023.012"]


def test_a_note_number_after_a_percentage_cites_the_sentence():
    from physiohub.check.claim_sources import citation_marker
    assert citation_marker("Heel pain is common in runners, with an incidence of about 7.9%(6).") == "(6)"
    assert citation_marker("About 20% (95% CI 15-25) of runners get hurt.") is None


def test_what_was_traditionally_thought_is_no_claim(store):
    text = ("# Rotator cuff pain\n\nFor years people with shoulder pain were told to rest. This was traditionally thought to "
            "help regain mobility and reduce pain. A 2021 trial found that exercise did as well as surgery.\n")
    claims = _claims(store, text)
    assert not any(c.startswith("This was traditionally thought") for c in claims)
    assert any(c.startswith("A 2021 trial found") for c in claims)


def test_a_prevalence_figure_states_no_causal_relationship():
    from physiohub.check.strength import claim_strength
    labels = claim_strength(["Running injuries will affect up to 69.8% of runners at some point.",
                             "Heel pain is common in runners, with an incidence of about 7.9%.",
                             "Exercise reduces the incidence of falls by 23%.",
                             "Obesity is linked to a higher prevalence of knee osteoarthritis.",
                             "An estimated 52.2 million adults \u2013 22.7 percent of the population \u2013 have been diagnosed "
                             "with some form of arthritis, according to a health agency."])
    assert labels[:2] == ["not a claim", "not a claim"]
    assert labels[2] == "direct causal" and labels[3] == "correlational" and labels[4] == "not a claim"


def test_a_bar_of_short_links_and_a_cart_count_are_no_claim(store):
    text = ("Heelco · Shop Insoles · Foot Pain Guide · Blog · Contact · Cart (0)\n\n# Insoles for heel pain\n\n"
            "A 2009 trial found that cheap foam insoles eased heel pain as much as custom-made ones.\n\n"
            "More than 650 Reviews · Over 50,000 Happy Customers · Fast 2-3 Day Shipping\n")
    claims = _claims(store, text)
    assert len(claims) == 1 and claims[0].startswith("A 2009 trial found")


def test_a_print_page_headline_set_in_an_element_of_its_own_is_the_title():
    from physiohub.check.extract import article_text
    html = ("<html><head><title>NewsSite - Print</title></head><body><table><tr><td>"
            "<span class=\"newstitle\">Massage before exercise has no effect on soreness, study finds</span>"
            "<div class=\"newsbody\"><p>Massage before a workout does not change how sore people feel the next day, "
            "according to a trial of 300 adults.</p><p>The researchers asked volunteers to rate soreness each morning "
            "for a week.</p></div></td></tr></table></body></html>")
    assert article_text(html, html=True).startswith("# Massage before exercise has no effect on soreness, study finds")


def test_a_list_the_extractor_dropped_comes_back_after_its_lead_in():
    from physiohub.check.extract import _restore_dropped_lists
    html = ("<html><body><article><h1>Can exercise help my arthritis?</h1><p>Exercise can help people with arthritis:</p><ul>"
            "<li>Get through the day more easily. In one study, the scores of people with arthritis dropped a lot after "
            "six months of exercise!</li><li>Feel less tired</li></ul><p>Experts say you should build up slowly.</p>"
            "<nav><ul><li><a href=\"/a\">Home</a></li><li><a href=\"/b\">Blog</a></li></ul></nav></article></body></html>")
    dropped = "# Can exercise help my arthritis?\n\nExercise can help people with arthritis:\n\nExperts say you should build up slowly."
    text = _restore_dropped_lists(html, dropped)
    assert text == ("# Can exercise help my arthritis?\n\nExercise can help people with arthritis:\n\n- Get through the day more "
                    "easily. In one study, the scores of people with arthritis dropped a lot after six months of exercise!\n"
                    "- Feel less tired\n\nExperts say you should build up slowly.")
    assert _restore_dropped_lists(html, text) == text   # a list already in the text is not added twice


def test_a_news_storys_deck_the_extractor_dropped_goes_under_its_title():
    from physiohub.check.extract import _with_deck
    html = ("<html><body><h1 class=\"headline\">Glucosamine no help for sore hips, study finds</h1><p class=\"subhead\">"
            "Popular supplement did no better than a placebo over two years</p><div class=\"story\"><p>Text.</p></div></body></html>")
    text = "# Glucosamine no help for sore hips, study finds\n\nIf you take it for your hips, keep your money."
    assert _with_deck(html, text) == ("# Glucosamine no help for sore hips, study finds\n\nPopular supplement did no better than "
                                      "a placebo over two years\n\nIf you take it for your hips, keep your money.")
    assert _with_deck(html, _with_deck(html, text)) == _with_deck(html, text)


def test_a_heading_opened_by_a_qualified_study_label_reports_research():
    from physiohub.check.claim_cues import claim_cue
    assert claim_cue("Early Study: Cheap Heel Pads Beat Custom Orthotics", [])
    assert claim_cue("Large UK trial: exercise eases back pain", [])
    assert not claim_cue("Study tips: how to sit at your desk", [])


def test_a_section_label_in_a_noun_phrase_is_no_headline(store):
    text = ("# Frozen shoulder\n\nFrozen shoulder is painful and stiff.\n\n## Risk factors associated with frozen shoulder\n\n"
            "Several studies have reported a higher rate of frozen shoulder in people with diabetes.\n")
    claims = _claims(store, text)
    assert not any(c.startswith("Risk factors associated") for c in claims)
    assert any(c.startswith("Several studies have reported") for c in claims)


def test_where_guidelines_are_set_out_is_no_claim_even_with_the_papers_link(store):
    text = ("# Back pain is overtreated\n\nExperts say most back pain settles with simple care.\n\nThese evidence-based "
            "guidelines and more are laid out in \u201cPrevention and treatment of back pain\u201d, published in "
            "[a medical journal](https://doi.org/10.5555/backpain.2018.1).\n")
    assert not any(c.startswith("These evidence-based guidelines") for c in _claims(store, text))


def test_a_lead_in_that_says_what_research_found_about_whom_is_a_claim(store):
    text = ("# Exercise and fibromyalgia\n\nNew research from a university has found that fibromyalgia patients who did "
            "30 minutes of moderate activity 5 to 7 days a week were able to:\n\n- walk further in six minutes\n- report less pain\n\n"
            "The research tells us three things:\n\n- exercise is safe\n")
    claims = _claims(store, text)
    assert any(c.startswith("New research from a university has found") for c in claims)
    assert not any(c.startswith("The research tells us") for c in claims)


def test_where_a_name_comes_from_and_a_reviews_flaws_are_no_claims(store):
    text = ("# Tennis elbow\n\nTennis elbow is pain on the outside of the elbow. It takes its everyday name from the sport of "
            "tennis (1). A 2019 review found that exercise eased the pain within three months. But all three studies in the "
            "review had some serious flaws!\n\n## References\n\n1. Roe J. Elbow pain. Example J. 2019;1:1-2.\n")
    claims = _claims(store, text)
    assert not any(c.startswith("It takes its everyday name") for c in claims)
    assert not any(c.startswith("But all three studies") for c in claims)
    assert any(c.startswith("A 2019 review found") for c in claims)


def test_what_the_latest_research_shows_put_first_is_a_claim(store):
    text = ("# Neck pain myths\n\nMany people blame posture for neck pain. Based on the latest research, however, posture and "
            "wear and tear are unlikely causes of neck pain. Based on our research with patients, we offer three classes.\n")
    claims = _claims(store, text)
    assert any(c.startswith("Based on the latest research") for c in claims)
    assert not any(c.startswith("Based on our research") for c in claims)


def test_a_conditions_definition_and_an_open_question_are_no_claims(store):
    text = ("# Fibromyalgia and exercise\n\nFibromyalgia (FM) is defined by widespread pain that lasts longer than three "
            "months (Roe 2007). Other typical symptoms include disturbed sleep and fatigue (Roe 2007). Whether changing foot "
            "posture with insoles lowers the risk is still unclear. A 2017 review found that aerobic exercise eased "
            "fibromyalgia pain (Doe 2017).\n")
    claims = _claims(store, text)
    assert not any(c.startswith(("Fibromyalgia (FM) is defined", "Other typical symptoms", "Whether changing")) for c in claims)
    assert any(c.startswith("A 2017 review found") for c in claims)


def test_a_pubmed_search_leaves_out_words_of_counting_and_nationality():
    from physiohub.check.claims import Claim
    from physiohub.check.pubmed import pubmed_query
    q = pubmed_query(Claim(text="Moreover, the average American has a one in four chance of developing hip osteoarthritis "
                                "over his or her lifetime.", cue=""))
    assert "american" not in q and "chance" not in q and "developing" not in q
    assert "hip osteoarthritis" in q
