"""Security of the web hub: headers, cookies, CSRF, sign-in limits, roles, drafts, errors without tracebacks."""
from __future__ import annotations

import re

from click.testing import CliRunner
from starlette.testclient import TestClient

from conftest import csrf
from physiohub.store import Store
from physiohub.web import auth, create_app

PASSWORD = "correct horse battery"  # the sample hub's users (tests/conftest.py)




def sign_in(client: TestClient, name: str = "edna", password: str = PASSWORD) -> TestClient:
    token = csrf(client.get("/editor/sign-in").text)
    r = client.post("/editor/sign-in", data={"name": name, "password": password, "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return client


def test_security_headers_on_pages_and_api(client):
    for url in ("/", "/api/topics", "/no-such-page", "/static/site.css"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "strict-origin-when-cross-origin"


def test_no_inline_script_or_style_so_the_csp_holds(client, hub):
    html = client.get(f"/studies/{hub[1]['tendon']}").text
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all('src="/static/' in s or 'type="application/ld+json"' in s for s in scripts)
    assert " style=" not in html and "<style" not in html and " onclick" not in html


def test_session_cookie_flags(client):
    r = client.get("/editor/sign-in")
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain http on loopback
    assert r.headers["cache-control"] == "no-store"


def test_cookie_is_secure_over_https(hub):
    with TestClient(create_app(str(hub[0])), base_url="https://hub.example") as c:
        assert "Secure" in c.get("/editor/sign-in").headers["set-cookie"]


def test_public_pages_set_no_cookie(client, hub):
    for url in ("/", f"/studies/{hub[1]['tendon']}", "/search?q=pain", "/api/studies"):
        assert "set-cookie" not in client.get(url).headers


def test_csrf_is_required_on_every_form(client, hub):
    r = client.post("/editor/sign-in", data={"name": "edna", "password": PASSWORD})
    assert r.status_code == 403
    sign_in(client)
    sid = hub[1]["draft"]
    for url, data in ((f"/editor/studies/{sid}/status", {"action": "review"}),
                      (f"/editor/studies/{sid}/card", {"title": "x"}),
                      (f"/editor/studies/{sid}/appraisal", {"design": "cohort"}),
                      ("/editor/sign-out", {}), ("/check", {"text": "research shows"})):
        assert client.post(url, data=data).status_code == 403, url
        assert client.post(url, data={**data, "csrf_token": "forged"}).status_code == 403, url


def test_csrf_token_from_a_foreign_origin_is_refused(client):
    token = csrf(client.get("/editor/sign-in").text)
    r = client.post("/editor/sign-in", data={"name": "edna", "password": PASSWORD, "csrf_token": token},
                    headers={"origin": "https://evil.example"})
    assert r.status_code == 403


def test_sign_in_is_rate_limited(client):
    token = csrf(client.get("/editor/sign-in").text)
    for _ in range(auth.MAX_FAILURES):
        r = client.post("/editor/sign-in", data={"name": "edna", "password": "wrong password", "csrf_token": token})
        assert r.status_code == 401 and "Wrong name or password" in r.text
    r = client.post("/editor/sign-in", data={"name": "edna", "password": PASSWORD, "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0


def test_unknown_user_and_wrong_password_look_the_same(client):
    token = csrf(client.get("/editor/sign-in").text)
    a = client.post("/editor/sign-in", data={"name": "nobody", "password": "x" * 12, "csrf_token": token})
    b = client.post("/editor/sign-in", data={"name": "edna", "password": "x" * 12, "csrf_token": token})
    assert a.status_code == b.status_code == 401
    # The tries-left count follows this address's tries (one more for b), never whether the name exists.
    left = re.compile(r"\d+ more tr(?:y|ies)")
    assert left.sub("N", a.text.replace("nobody", "edna")) == left.sub("N", b.text)
    assert "4 more tries" in a.text and "3 more tries" in b.text


def test_sign_in_says_how_many_tries_are_left_and_minutes_in_words(client):
    token = csrf(client.get("/editor/sign-in").text)
    texts = [client.post("/editor/sign-in", data={"name": "edna", "password": "y" * 12, "csrf_token": token}).text
             for _ in range(5)]
    assert "4 more tries" in texts[0] and "1 more try " in texts[3] and "paused for 15 minutes" in texts[4]
    blocked = client.post("/editor/sign-in", data={"name": "edna", "password": "y" * 12, "csrf_token": token}).text
    assert re.search(r"Try again in (?:1 minute|\d+ minutes)\.", blocked) and "minute(s)" not in blocked


def test_session_is_rotated_on_sign_in_and_cleared_on_sign_out(client):
    before = csrf(client.get("/editor/sign-in").text)
    sign_in(client)
    after = csrf(client.get("/editor").text)
    assert after != before
    r = client.post("/editor/sign-out", data={"csrf_token": after}, follow_redirects=False)
    assert r.status_code == 303 and 'physiohub_session=""' in r.headers["set-cookie"]
    assert client.get("/editor", follow_redirects=False).status_code == 303


def test_tampered_cookie_is_anonymous(client):
    sign_in(client)
    value = client.cookies.get(auth.SESSION_COOKIE)
    client.cookies.clear()
    client.cookies.set(auth.SESSION_COOKIE, value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
    r = client.get("/editor", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/editor/sign-in")


def test_changing_the_password_ends_sessions(client, hub):
    sign_in(client)
    assert client.get("/editor").status_code == 200
    store = Store(hub[0])
    auth.set_password(store, "edna", "another long password")
    store.close()
    assert client.get("/editor", follow_redirects=False).status_code == 303


def test_passwords_are_argon2_hashed(hub):
    store = Store(hub[0])
    h = store.query_one("SELECT password_hash FROM users WHERE name = 'edna'")[0]
    store.close()
    assert h.startswith("$argon2id$") and PASSWORD not in h


def test_roles_editor_cannot_manage_users_admin_can(client, hub):
    sign_in(client)
    assert client.get("/editor/users").status_code == 403
    client.cookies.clear()
    sign_in(client, "ada")
    page = client.get("/editor/users")
    assert page.status_code == 200
    r = client.post("/editor/users", data={"name": "newbie", "password": "a fine long one", "role": "editor",
                                           "csrf_token": csrf(page.text)}, follow_redirects=False)
    assert r.status_code == 303
    r = client.post("/editor/users", data={"name": "x", "password": "short", "role": "editor",
                                           "csrf_token": csrf(page.text)})
    assert r.status_code == 400 and "user name must be" in r.text


def test_drafts_visible_to_editors_only(client, hub):
    sid = hub[1]["draft"]
    assert client.get(f"/studies/{sid}").status_code == 404
    assert client.get(f"/api/studies/{sid}/card").status_code == 404
    sign_in(client)
    r = client.get(f"/studies/{sid}")
    assert r.status_code == 200 and "visible to editors only" in r.text
    assert r.headers["cache-control"] == "no-store"
    assert client.get(f"/api/studies/{sid}/card").json()["status"] == "draft"


def test_open_redirect_is_refused(client):
    token = csrf(client.get("/editor/sign-in").text)
    r = client.post("/editor/sign-in", data={"name": "edna", "password": PASSWORD, "csrf_token": token,
                                             "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/editor"


def test_unexpected_errors_are_a_plain_500(hub):
    app = create_app(str(hub[0]))

    def boom() -> dict:
        raise RuntimeError("secret internals")

    app.state.hub.topic_counts = boom
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/")
        assert r.status_code == 500
        assert "secret internals" not in r.text and "Traceback" not in r.text
        r = c.get("/api/topics")
        assert r.json() == {"ok": False, "error": "the server could not complete this request", "status": 500}


def test_cli_user_add(hub):
    from physiohub.cli import cli

    runner = CliRunner()
    r = runner.invoke(cli, ["user", "add", "carol", "--role", "editor", "--db", str(hub[0])],
                      env={"PHYSIOHUB_PASSWORD": "carols long password"})
    assert r.exit_code == 0 and "added editor carol" in r.output
    r = runner.invoke(cli, ["user", "add", "dave", "--role", "admin", "--db", str(hub[0])],
                      input="daves long password\ndaves long password\n")
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["user", "add", "carol", "--role", "editor", "--db", str(hub[0])], env={"PHYSIOHUB_PASSWORD": "x" * 12})
    assert r.exit_code != 0 and "already exists" in r.output and "Traceback" not in r.output
    r = runner.invoke(cli, ["user", "add", "eve", "--role", "boss", "--db", str(hub[0])], env={"PHYSIOHUB_PASSWORD": "x" * 12})
    assert r.exit_code != 0
    store = Store(hub[0])
    assert auth.authenticate(store, "dave", "daves long password")["role"] == "admin"
    store.close()


def test_oversized_bodies_are_refused_before_reading(client):
    big = "x" * 1_100_000
    r = client.post("/api/check", json={"text": big})
    assert r.status_code == 413 and r.json() == {"ok": False, "error": "the request body is too large", "status": 413}
    r = client.post("/check", data={"text": big, "csrf_token": "x"})
    assert r.status_code == 413 and "content-security-policy" in r.headers
    r = client.post("/api/check", json={"text": "x" * 50_001})
    assert r.status_code == 400 and "at most 50000" in r.json()["error"]


def test_wrong_method_is_405_in_the_error_shape(client):
    r = client.post("/api/topics")
    assert r.status_code == 405 and r.json()["ok"] is False and r.json()["status"] == 405


def test_cli_serve_refuses_bad_settings_in_one_line(tmp_path):
    from physiohub.cli import cli

    runner = CliRunner()
    r = runner.invoke(cli, ["serve", "--port", "0", "--db", str(tmp_path / "hub.db")])
    assert r.exit_code != 0 and "port must be between 1 and 65535" in r.output and "Traceback" not in r.output
    r = runner.invoke(cli, ["serve", "--db", str(tmp_path / "missing" / "hub.db")])
    assert r.exit_code != 0 and "does not exist" in r.output


def test_error_pages_for_editors_keep_a_working_sign_out(client):
    sign_in(client)
    page = client.get("/studies/999999")
    assert page.status_code == 404
    r = client.post("/editor/sign-out", data={"csrf_token": csrf(page.text)}, follow_redirects=False)
    assert r.status_code == 303


def test_head_requests_get_headers_without_a_body(client, hub):
    r = client.head(f"/studies/{hub[1]['tendon']}")
    assert r.status_code == 200 and r.content == b"" and "content-security-policy" in r.headers
    assert client.head("/no-such-page").status_code == 404


def test_cli_user_list_disable_enable_unlock(hub):
    from click.testing import CliRunner

    from physiohub.cli import cli
    from physiohub.store import Store
    from physiohub.web import auth

    run = lambda *a: CliRunner().invoke(cli, ["user", *a, "--db", str(hub[0])])  # noqa: E731
    r = run("list")
    assert r.exit_code == 0 and "edna\teditor" in r.output and "active" in r.output
    assert CliRunner().invoke(cli, ["user", "add", "x", "--role", "editor", "--password", "y" * 12,
                                    "--db", str(hub[0])]).exit_code != 0  # no password on the command line
    store = Store(hub[0])
    for _ in range(5):
        auth.begin_attempt(store, ["user:edna"])
    store.close()
    assert "sign-in paused for 15 more minutes" in run("list").output
    assert run("unlock", "edna").exit_code == 0 and "active" in run("list").output
    with TestClient(create_app(str(hub[0]))) as c:
        sign_in(c)
        assert c.get("/editor", follow_redirects=False).status_code == 200
        r = run("disable", "edna")
        assert r.exit_code == 0 and "sessions have ended" in r.output
        assert c.get("/editor", follow_redirects=False).status_code == 303  # signed out at once
        token = csrf(c.get("/editor/sign-in").text)
        r = c.post("/editor/sign-in", data={"name": "edna", "password": PASSWORD, "csrf_token": token})
        assert r.status_code == 401  # a disabled account reads like a wrong password
    assert "disabled" in run("list").output
    assert run("enable", "edna").exit_code == 0
    store = Store(hub[0])
    assert auth.authenticate(store, "edna", PASSWORD) is not None
    store.close()
