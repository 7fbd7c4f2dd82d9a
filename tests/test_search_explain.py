"""Search says what it did (issue 15, item 10): did-you-mean from the hub's own words, 'no study mentions',
and a query of common words only asks for more words — on the page and in the JSON API."""
from __future__ import annotations

from starlette.testclient import TestClient

from physiohub.store import Store
from physiohub.search.explain import explain_query
from physiohub.web import create_app


def test_typo_unknown_word_and_common_words(hub) -> None:
    store = Store(hub[0])
    text = " ".join(r[0] for r in store.query("SELECT title FROM studies"))
    word = next(w for w in ("tendinopathy", "osteoarthritis", "exercise", "shoulder") if w in text.lower())
    typo = word[:4] + word[5:]  # one letter dropped
    ex = explain_query(store, f"{typo} pain")
    assert ex["did_you_mean"] == f"{word} pain" and not ex["needs_more_words"]
    assert explain_query(store, "fibromyalgiaxyz")["not_found"] == ["fibromyalgiaxyz"]
    assert explain_query(store, "the")["needs_more_words"] and explain_query(store, "*")["needs_more_words"]
    assert explain_query(store, f"{word}s")["did_you_mean"] is None  # the stem is found: no suggestion
    store.close()
    with TestClient(create_app(str(hub[0]))) as c:
        page = c.get("/search", params={"q": f"{typo} pain"}).text
        assert "Did you mean" in page and f"{word} pain</a>" in page
        page = c.get("/search", params={"q": "the"}).text
        assert "Please add a word" in page and 'class="results"' not in page
        api = c.get("/api/studies", params={"q": "the"}).json()
        assert api["explain"]["needs_more_words"] and api["total"] == 0
        api = c.get("/api/studies", params={"q": "zzqqxx knee"}).json()
        assert api["explain"]["not_found"] == ["zzqqxx"]
        assert "No study mentions zzqqxx" in c.get("/search", params={"q": "zzqqxx knee"}).text


def test_suggestions_never_come_from_drafts(hub) -> None:
    store = Store(hub[0])
    draft = store.query_one("SELECT s.title FROM studies s JOIN cards c ON c.study_id = s.id WHERE c.status = 'draft'")[0]
    store.close()
    secret = max((w for w in draft.lower().split() if w.isalpha()), key=len)
    store = Store(hub[0])
    pub = explain_query(store, secret, published_only=True)
    ed = explain_query(store, secret, published_only=False)
    store.close()
    assert ed["not_found"] == [] and ed["did_you_mean"] is None
    assert pub["did_you_mean"] is None or secret not in pub["did_you_mean"]


def test_the_word_list_follows_a_card_being_published(hub, tmp_path) -> None:
    import shutil

    from physiohub.cards.review import set_status

    db = tmp_path / "copy.db"
    shutil.copy(hub[0], db)
    store = Store(str(db))
    sid, title = store.query_one("SELECT s.id, s.title FROM studies s JOIN cards c ON c.study_id = s.id "
                                 "WHERE c.status = 'draft'")
    secret = max((w for w in title.lower().split() if w.isalpha()), key=len)
    assert explain_query(store, secret)["not_found"] == [secret] or secret in " ".join(
        r[0].lower() for r in store.query("SELECT s.title FROM studies s JOIN cards c ON c.study_id = s.id "
                                          "WHERE c.status = 'published'"))
    set_status(store, sid, "in_review", "edna")
    set_status(store, sid, "published", "edna")  # a card published after the list was built
    assert explain_query(store, secret)["not_found"] == []
    store.close()
