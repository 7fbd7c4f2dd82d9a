"""Screenshots of the home, search and card pages at desktop (1280) and phone (390) width.

Builds a demo hub from PhysioHub's invented sample studies (run through the real appraisal and card
generators), serves it on a free loopback port and photographs it in Debian's headless Chromium.
Writes docs/screenshots/*.png.   Run: .venv/bin/python bench/bench_web_screenshots.py [PAGE...]
(PAGE: home, search, card, topic; all when none is named).
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


def main(only: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    from physiohub.store import Store
    from physiohub.web.sample import build_demo

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        store = Store(db)
        build_demo(store)
        card_id = store.query_one("SELECT id FROM studies WHERE pmid = '90000001'")[0]
        store.close()
        base, server = serve(db)
        pages = {"home": "/", "search": "/search?q=exercise+pain", "card": f"/studies/{card_id}",
                 "topic": "/topics/exercise-and-loading"}   # the topic page carries the evidence picture
        unknown = set(only or ()) - set(pages)
        if unknown:
            print(f"unknown page(s): {', '.join(sorted(unknown))}; choose from {', '.join(pages)}", file=sys.stderr)
            return 2
        pages = {k: v for k, v in pages.items() if not only or k in only}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for label, (width, max_height) in WIDTHS.items():
                ctx = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=1,
                                          is_mobile=label == "phone", has_touch=label == "phone")
                page = ctx.new_page()
                for name, url in pages.items():
                    page.goto(base + url)
                    height = min(max_height, page.evaluate("document.documentElement.scrollHeight"))
                    path = OUT / f"{name}-{label}.png"
                    page.screenshot(path=str(path), clip={"x": 0, "y": 0, "width": width, "height": height},
                                    full_page=True)
                    shrink(path)
                    print(f"{path.relative_to(REPO)}  {width}x{height}  {path.stat().st_size // 1024} KB")
                ctx.close()
            browser.close()
        server.should_exit = True  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
