"""Screenshots of the home, search and card pages at desktop (1280) and phone (390) width.

Builds a demo hub from PhysioHub's invented sample studies (run through the real appraisal and card
generators), serves it on a free loopback port and photographs it in Debian's headless Chromium.
Writes docs/screenshots/*.png.   Run: .venv/bin/python bench/bench_web_screenshots.py [PAGE...]
(PAGE: home, search, card, topic, didyoumean, years, queue, edit; all when none is named).
"queue" and "edit" are the editor's pages, signed in; "edit" shows a draft just after its verdict was corrected
(the parts worded from the old verdict listed for review); "years" is a year filter leaving out an undated study.
"""
from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
EDITOR_PAGES = {"queue", "edit"}
WIDTHS = {"desktop": (1280, 2000), "phone": (390, 2600)}  # width, the most height kept


def serve(db: Path) -> tuple[str, object]:
    import socket

    import uvicorn

    from physiohub.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning",
                                           ws="none", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def shrink(path: Path) -> None:
    """A 64-colour palette PNG: the pages are flat colours and text, so this is ~3x smaller and looks the same."""
    try:
        from PIL import Image
    except ImportError:  # Pillow is in the `bench` extra; without it the full-colour PNG stays
        return
    with Image.open(path) as im:
        small = im.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def add_undated(store) -> None:
    """One invented study with no year (before build_demo, which appraises, indexes and publishes it)."""
    from physiohub.ingest.pipeline import import_records
    from physiohub.models import AbstractSection, Record

    text = ("Forty invented runners with knee pain were randomised to eight weeks of hip strengthening exercise or "
            "advice. Pain during running fell more with hip exercise (mean difference 1.8 points, 95% CI 0.6 to 3.0).")
    import_records(store, [Record(source_format="jsonl", source_id="shot-undated", doi="10.9999/shot.undated",
                                  title="Hip strengthening exercise for runners with knee pain: a randomised trial",
                                  abstract_sections=[AbstractSection(text=text)])], file="screenshots")


def sign_in_and_correct(page, base: str, password: str, draft_id: int) -> None:
    """Sign in as the editor and, once, correct the draft's verdict (as an editor does on its edit page)."""
    page.goto(base + "/editor/sign-in")
    page.get_by_label("Name").fill("edna")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/editor")
    page.goto(f"{base}/editor/studies/{draft_id}")
    if page.locator("#to-review").count() == 0:
        page.get_by_label("Verdict").select_option("No clear difference")
        page.get_by_label("Reason for the change").fill("the two doses are reported as equal")
        page.get_by_role("button", name="Save appraisal").click()
        page.wait_for_url("**?done=appraisal")


def main(only: list[str] | None = None) -> int:
    import secrets

    from playwright.sync_api import sync_playwright

    from physiohub.store import Store
    from physiohub.web import auth
    from physiohub.web.sample import build_demo

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        store = Store(db)
        add_undated(store)
        build_demo(store)
        card_id = store.query_one("SELECT id FROM studies WHERE pmid = '90000001'")[0]
        draft_id = store.query_one("SELECT id FROM studies WHERE title LIKE 'Secret unpublished%'")[0]
        password = secrets.token_urlsafe(16)
        auth.add_user(store, "edna", password, "editor")
        store.close()
        base, server = serve(db)
        pages = {"home": "/", "search": "/search?q=exercise+pain", "card": f"/studies/{card_id}",
                 "topic": "/topics/exercise-and-loading",   # the topic page carries the evidence picture
                 "didyoumean": "/search?q=osteoartritis", "years": "/search?q=exercise+knee&year_from=2020",
                 "queue": "/editor", "edit": f"/editor/studies/{draft_id}"}
        unknown = set(only or ()) - set(pages)
        if unknown:
            print(f"unknown page(s): {', '.join(sorted(unknown))}; choose from {', '.join(pages)}", file=sys.stderr)
            return 2
        pages = {k: v for k, v in pages.items() if not only or k in only}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for label, (width, max_height) in WIDTHS.items():
                # Readers' pages as a reader sees them; the editor's pages in a second, signed-in context.
                opts = {"viewport": {"width": width, "height": 800}, "device_scale_factor": 1,
                        "is_mobile": label == "phone", "has_touch": label == "phone"}
                reader = browser.new_context(**opts).new_page()
                editor = None
                if EDITOR_PAGES & set(pages):
                    editor = browser.new_context(**opts).new_page()
                    sign_in_and_correct(editor, base, password, draft_id)
                for name, url in pages.items():
                    page = editor if name in EDITOR_PAGES else reader
                    page.goto(base + url)
                    height = min(max_height, page.evaluate("document.documentElement.scrollHeight"))
                    path = OUT / f"{name}-{label}.png"
                    page.screenshot(path=str(path), clip={"x": 0, "y": 0, "width": width, "height": height},
                                    full_page=True)
                    shrink(path)
                    print(f"{path.relative_to(REPO)}  {width}x{height}  {path.stat().st_size // 1024} KB")
                for p in (reader, editor):
                    if p is not None:
                        p.context.close()
            browser.close()
        server.should_exit = True  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
