"""Browser tests: the hub served by uvicorn on a free loopback port, driven in Debian's headless Chromium.

Playwright's Python package drives the system browser (``executable_path``); its own browser download is
never used. Tests skip with the reason when /usr/bin/chromium (or Playwright) is missing.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "correct horse battery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium not installed at /usr/bin/chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python package) not installed")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@contextmanager
def serve_db(path: Path) -> Iterator[str]:
    """Serve the hub in ``path`` with uvicorn in a background thread; yields its base URL."""
    import uvicorn

    from physiohub.web import create_app

    port = free_port()
    config = uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning", ws="none",
                            lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def sign_in(page, base: str, name: str = "edna", password: str = PASSWORD) -> None:
    """Sign in through the form, as an editor does; ends on the review queue."""
    page.goto(f"{base}/editor/sign-in")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/editor")


@pytest.fixture(scope="session")
def live_hub(tmp_path_factory):
    """(base URL, sample ids): a filled hub with an editor, served in a background thread."""
    from physiohub.store import Store
    from physiohub.web import auth, sample

    path = tmp_path_factory.mktemp("e2e") / "hub.db"
    store = Store(path)
    ids = sample.fill(store)
    auth.add_user(store, "edna", PASSWORD, "editor")
    store.close()
    with serve_db(path) as base:
        yield base, ids


EXTRA = Path(__file__).parent.parent / "fixtures" / "e2e" / "extra_studies.jsonl"


def build_hub(path: Path) -> dict[str, int]:
    """The sample hub plus two imported studies (the real appraisal and card generators): one with no year,
    published, and one whose abstract gives no result (flagged by the honesty check), left as a draft.
    Returns the sample ids plus "undated" and "flagged"."""
    from physiohub.cards.review import set_status
    from physiohub.importing import run_import
    from physiohub.store import Store
    from physiohub.web import auth, sample

    with Store(path) as store:
        ids = sample.fill(store)
        run_import(store, [EXTRA], show_progress=False)
        ids["undated"] = store.query_one("SELECT id FROM studies WHERE doi = '10.9999/undated.1'")[0]
        ids["flagged"] = store.query_one("SELECT id FROM studies WHERE doi = '10.9999/unclear.1'")[0]
        set_status(store, ids["undated"], "in_review", "edna")
        set_status(store, ids["undated"], "published", "edna")
        auth.add_user(store, "edna", PASSWORD, "editor")
    return ids


@pytest.fixture(scope="module")
def own_hub(tmp_path_factory):
    """(base URL, ids): a hub of this test module's own (build_hub), for tests that change it or count in it."""
    path = tmp_path_factory.mktemp("own") / "hub.db"
    ids = build_hub(path)
    with serve_db(path) as base:
        yield base, ids


@pytest.fixture
def page(browser):
    """A desktop-width page that records script errors, CSP reports and dialogs in ``page.problems``
    (dialogs are dismissed)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.set_default_timeout(10_000)
    problems: list[str] = []
    p.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: problems.append(str(e)))
    p.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    p.problems = problems  # type: ignore[attr-defined]
    yield p
    context.close()
