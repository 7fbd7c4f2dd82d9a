"""The editor area: queue, editing every card section and appraisal field, publishing, history."""
from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from physiohub.store import Store
from physiohub.web import create_app

PASSWORD = "correct horse battery"  # the sample hub's users (tests/conftest.py)


@pytest.fixture
def editor(hub):
    with TestClient(create_app(str(hub[0]))) as c:
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/editor/sign-in").text).group(1)
        r = c.post("/editor/sign-in", data={"name": "edna", "password": PASSWORD, "csrf_token": token},
                   follow_redirects=False)
        assert r.status_code == 303
        yield c


def form_fields(html: str, action: str) -> dict[str, object]:
    """The fields of one form as a browser would send them (textareas, inputs, selected options, checks)."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', html, re.S).group(1)
    import html as h

    data: dict[str, object] = {}
    for m in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        data[m.group(1)] = h.unescape(m.group(2))
    for m in re.finditer(r"<input([^>]*)>", form):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if "name" not in attrs:
            continue
        if attrs.get("type") == "checkbox":
            if " checked" in m.group(1):
                data.setdefault(attrs["name"], [])
                data[attrs["name"]].append(h.unescape(attrs.get("value", "on")))  # type: ignore[union-attr]
        else:
            data[attrs["name"]] = h.unescape(attrs.get("value", ""))
    for m in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        sel = re.search(r"<option(?: value=\"([^\"]*)\")? selected>([^<]*)</option>", m.group(2))
        data[m.group(1)] = h.unescape(sel.group(1) if sel and sel.group(1) is not None else (sel.group(2) if sel else ""))
    return data


def test_signed_out_editor_pages_redirect_to_sign_in(hub):
    with TestClient(create_app(str(hub[0]))) as c:
        r = c.get("/editor", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/editor/sign-in?next=/editor"


def test_queue_lists_drafts_first_with_status_tabs(editor):
    r = editor.get("/editor")
    assert r.status_code == 200
    assert "Secret unpublished draft" in r.text
    assert "Drafts (1)" in r.text and "Published (6)" in r.text
    r = editor.get("/editor?status=published")
    assert "Secret unpublished draft" not in r.text
    assert editor.get("/editor?status=bogus").status_code == 400


def test_status_tab_counts_follow_the_search(editor):
    # the tabs say how many cards each would list under the same search, not over the whole hub
    r = editor.get("/editor?q=Secret")
    assert "All (1)" in r.text and "Drafts (1)" in r.text and "Published (0)" in r.text
    r = editor.get("/editor?q=no-such-word-anywhere")
    assert "All (0)" in r.text and "Drafts (0)" in r.text


def test_edit_every_card_section_then_publish_and_the_public_sees_it(editor, hub):
    sid = hub[1]["draft"]
    page = editor.get(f"/editor/studies/{sid}").text
    data = form_fields(page, f"/editor/studies/{sid}/card")
    data.update({
        "title": "Two exercise doses for shoulder pain: a trial protocol",
        "question": "For shoulder pain, does a higher exercise dose help more?",
        "answer": "We don't know yet: this is the plan for a trial.",
        "key_points": "First point\nSecond point",
        "findings": "No results yet.",
        "limitations": "A protocol reports no results.",
        "methods": "Design: Protocol for a randomised trial\nSample: 80 adults planned",
        "why_patients": "Nothing changes for you yet.", "why_clinicians": "Watch for the results.",
        "why_readers": "Plans are not findings.", "primary_topic": "Exercise & Loading",
        "other_topics": "Work & Function", "note": "plain wording",
    })
    r = editor.post(f"/editor/studies/{sid}/card", data=data, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("?done=saved")
    page = editor.get(r.headers["location"]).text
    assert "Card saved." in page
    assert "plain wording" in page and 'class="ins">We don&#39;t know yet' in page  # history with differences
    # Not public yet.
    with TestClient(create_app(str(hub[0]))) as public:
        assert public.get(f"/studies/{sid}").status_code == 404
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        assert editor.post(f"/editor/studies/{sid}/status", data={"action": "review", "csrf_token": token},
                           follow_redirects=False).status_code == 303
        page = editor.get(f"/editor/studies/{sid}").text
        assert 'value="publish"' in page
        editor.post(f"/editor/studies/{sid}/status", data={"action": "publish", "csrf_token": token})
        r = public.get(f"/studies/{sid}")
        assert r.status_code == 200
        assert "For shoulder pain, does a higher exercise dose help more?" in r.text
        assert "<dt>Sample</dt><dd>80 adults planned</dd>" in r.text
        assert "changed by an editor" in public.get(f"/studies/{sid}?provenance=1").text
        editor.post(f"/editor/studies/{sid}/status", data={"action": "unpublish", "csrf_token": token})
        assert public.get(f"/studies/{sid}").status_code == 404


def test_bad_card_edit_is_a_400_with_the_reason(editor, hub):
    sid = hub[1]["tendon"]
    page = editor.get(f"/editor/studies/{sid}").text
    data = form_fields(page, f"/editor/studies/{sid}/card")
    data["methods"] = "no colon on this line"
    r = editor.post(f"/editor/studies/{sid}/card", data=data)
    assert r.status_code == 400 and "Label: text" in r.text
    data = form_fields(page, f"/editor/studies/{sid}/card")
    data["url"] = "javascript:alert(1)"
    assert editor.post(f"/editor/studies/{sid}/card", data=data).status_code == 400


def test_appraisal_override_updates_badges_and_search_index(editor, hub):
    sid = hub[1]["tendon"]
    page = editor.get(f"/editor/studies/{sid}").text
    data = form_fields(page, f"/editor/studies/{sid}/appraisal")
    assert data["design"] == "randomised controlled trial" and data["evidence"] == "Moderate"
    data.update({"evidence": "Limited", "n_participants": "118", "reason": "two dropped out before baseline",
                 "body_regions": ["ankle & foot", "knee"]})
    r = editor.post(f"/editor/studies/{sid}/appraisal", data=data, follow_redirects=False)
    assert r.status_code == 303
    page = editor.get(f"/editor/studies/{sid}").text
    assert "two dropped out before baseline" in page
    with TestClient(create_app(str(hub[0]))) as public:
        html = public.get(f"/studies/{sid}").text
        assert "<summary>Limited evidence</summary>" in html
        assert "set by editor edna: two dropped out before baseline" in html
        api = public.get(f"/api/studies/{sid}").json()
        assert api["appraisal"]["n_participants"] == 118 and "knee" in api["appraisal"]["body_regions"]
    data["evidence"] = "Astounding"
    assert editor.post(f"/editor/studies/{sid}/appraisal", data=data).status_code == 400


def test_unknown_status_action_and_missing_study(editor, hub):
    sid = hub[1]["tendon"]
    token = re.search(r'name="csrf_token" value="([^"]+)"', editor.get("/editor").text).group(1)
    assert editor.post(f"/editor/studies/{sid}/status", data={"action": "explode", "csrf_token": token}).status_code == 400
    assert editor.get("/editor/studies/999999").status_code == 404
    assert editor.post("/editor/studies/999999/status", data={"action": "publish", "csrf_token": token}).status_code == 404


def test_waiting_machine_draft_can_be_taken_or_dropped(editor, hub):
    from physiohub.cards.review import get_card, save_draft

    sid = hub[1]["knee"]  # published: a new machine draft waits as pending
    store = Store(hub[0])
    card = dict(get_card(store, sid)["data"])
    card["upshot"] = {**card["upshot"], "answer": "A regenerated answer."}
    assert save_draft(store, sid, card) == "pending"
    page = editor.get(f"/editor/studies/{sid}").text
    assert "A newer machine draft is waiting" in page and "A regenerated answer." in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    r = editor.post(f"/editor/studies/{sid}/pending", data={"action": "accept", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303
    assert get_card(store, sid)["data"]["upshot"]["answer"] == "A regenerated answer."
    assert get_card(store, sid)["pending"] is None
    assert editor.post(f"/editor/studies/{sid}/pending", data={"action": "accept", "csrf_token": token}).status_code == 400
    store.close()


def test_a_corrected_verdict_on_a_published_card_never_shows_the_old_wording(editor, hub):
    from physiohub.web.hub import REVISING_NOTE

    sid = hub[1]["tendon"]
    with TestClient(create_app(str(hub[0]))) as public:
        before = public.get(f"/api/studies/{sid}/card").json()["card"]
    old_answer = before["upshot"]["answer"]
    page = editor.get(f"/editor/studies/{sid}").text
    data = form_fields(page, f"/editor/studies/{sid}/appraisal")
    new = "No clear difference" if data["verdict"] != "No clear difference" else "Supports"
    data.update({"verdict": new, "reason": "the primary outcome did not differ"})
    assert editor.post(f"/editor/studies/{sid}/appraisal", data=data, follow_redirects=False).status_code == 303
    with TestClient(create_app(str(hub[0]))) as public:
        html = public.get(f"/studies/{sid}").text
        card = public.get(f"/api/studies/{sid}/card").json()["card"]
        api = public.get(f"/api/studies/{sid}").json()
    # The sentences written for the old verdict are not shown as current, on the page or in the API.
    shown = re.search(r'<p class="answer">(.*?)</p>', html, re.S).group(1)
    assert shown == REVISING_NOTE  # (the abstract's own sentence may still be quoted as a source)
    assert card["upshot"]["answer"] == REVISING_NOTE and "to_review" not in card
    # Why this verdict: the editor's reason first; the machine's reasons are said to be for the old value.
    reasons = api["appraisal"]["verdict_reasons"]
    assert reasons[0] == "set by editor edna: the primary outcome did not differ"
    assert all(r.startswith("the automatic reading had said ") for r in reasons[1:])
    # The editor still sees the words to review.
    assert old_answer.split(".")[0] in editor.get(f"/editor/studies/{sid}").text
