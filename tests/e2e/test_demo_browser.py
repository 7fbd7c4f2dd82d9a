"""`physiohub demo --from A B C` with three files of three formats, through the real CLI and uvicorn, read in
headless Chromium: the home page shows the in-scope studies of every file (and not the breast-cancer trial),
search finds each file's studies, and semantic ranking joins once the background indexer is done."""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from .conftest import free_port

pytestmark = pytest.mark.browser

SEVERAL = Path(__file__).parent.parent / "fixtures" / "e2e" / "several"
FILES = ("pubmed.xml", "zotero.ris", "notes.jsonl")
# One in-scope study of each file, the words a reader would type to find it, and its title.
EACH_FILE = {
    "pubmed.xml": ("achilles eccentric", "Eccentric calf exercise or rest for invented Achilles tendon pain"),
    "zotero.ris": ("hydrotherapy hip", "Invented hydrotherapy versus land exercise for hip osteoarthritis"),
    "notes.jsonl": ("walking neck pain", "Invented walking programme for chronic neck pain in office workers"),
}
OUT_OF_SCOPE = "Adjuvant chemotherapy schedules"


@pytest.fixture
def demo(tmp_path):
    """The demo process serving on a free port: (base URL, its stderr lines so far)."""
    port = free_port()
    env = {**os.environ, "PHYSIOHUB_PROGRESS": "plain", "PYTHONPATH": str(Path(__file__).parents[2])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "physiohub.cli", "demo", "--from", *(str(SEVERAL / f) for f in FILES),
         "--db", str(tmp_path / "demo.db"), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True)  # its own process group, as a terminal's foreground job
    lines: list[str] = []
    # Drain stderr all the time: a full pipe would stall the demo (and its background indexer).
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
    reader.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while not any("embeddings in the background" in line for line in lines):
            assert proc.poll() is None and time.monotonic() < deadline, "no background indexer:\n" + "".join(lines)
            time.sleep(0.1)
        while True:
            assert proc.poll() is None, "the demo ended early:\n" + "".join(lines)
            try:
                httpx.get(base + "/", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the demo did not start serving:\n" + "".join(lines)
                time.sleep(0.2)
        yield base, tmp_path / "demo.db", lines, proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_demo_from_three_files_serves_the_in_scope_studies_of_each(browser, demo):
    base, db, lines, proc = demo
    said = "".join(lines)
    assert "7 added" in said and "6 machine drafts published" in said and "1 left as drafts" in said, said
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    # Served before the embeddings exist: while the background indexer cannot store its vectors (another
    # connection holds SQLite's write lock; readers go on) search is keyword-only and the page says so.
    lock = sqlite3.connect(db, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    try:
        page.goto(base + "/search?q=sore+arm+from+racket+sports")
        assert re.match(r"Semantic ranking is being prepared", page.locator("#semantic-notice").inner_text())
        assert page.locator("ol.results").count() == 0  # no word of the query is in any study
    finally:
        lock.execute("ROLLBACK")
        lock.close()

    page.goto(base + "/")
    latest = page.locator("section.latest ol.results").inner_text()
    for name, (_, title) in EACH_FILE.items():
        assert title in latest, name
    assert OUT_OF_SCOPE not in latest  # judged out of scope for MSK physiotherapy: left as a draft
    assert page.locator("section.latest ol.results li.result").count() == 6
    # The topic counts count the published studies only.
    counts = page.locator("ul.topics .count").all_inner_texts()
    assert 0 < sum(int(c) for c in counts) and all(int(c) <= 6 for c in counts)

    # A reader searching from the home page finds each file's study first.
    for name, (words, title) in EACH_FILE.items():
        page.goto(base + "/")
        page.get_by_label("Search the studies").fill(words)
        page.get_by_role("button", name="Search").click()
        page.wait_for_url("**/search?q=*")
        assert title in page.locator("ol.results li.result h3 a").first.inner_text(), name
    page.goto(base + "/search?q=chemotherapy+breast+cancer")
    assert OUT_OF_SCOPE not in page.locator("main").inner_text()

    # Once the indexer is done the notice goes and the same server ranks by meaning too: the query that shares
    # no word with the tennis elbow trial finds it first.
    deadline = time.monotonic() + 180
    while True:
        page.goto(base + "/search?q=sore+arm+from+racket+sports")
        notice = page.locator("#semantic-notice")
        if notice.count() == 0:
            break
        assert re.match(r"Semantic ranking is being prepared", notice.inner_text()), notice.inner_text()
        assert time.monotonic() < deadline, "semantic ranking never joined"
        time.sleep(1)
    titles = page.locator("ol.results li.result h3 a").all_inner_texts()
    assert titles and "tennis elbow" in titles[0], titles
    assert problems == []
    page.context.close()

    os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C in a terminal
    assert proc.wait(timeout=30) == 0
    time.sleep(0.2)
    assert "Traceback" not in "".join(lines)
