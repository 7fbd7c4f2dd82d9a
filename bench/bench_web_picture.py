"""Topic-page latency with the evidence picture: the sample hub x 200 (600 published studies in the topic),
60 sequential warm requests through the app in-process. Run it in a checkout before and after a change:
    PYTHONPATH=. .venv/bin/python bench/bench_web_picture.py LABEL
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from physiohub.store import Store
from physiohub.web import create_app, sample

URL = "/topics/exercise-and-loading"


def main(label: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "hub.db"
        store = Store(db)
        sample.fill(store, copies=200)
        store.close()
        with TestClient(create_app(str(db))) as c:
            c.get(URL)
            times = []
            for _ in range(60):
                t0 = time.perf_counter()
                r = c.get(URL)
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            print(f"{label} {URL} {r.status_code} median {statistics.median(times):.1f} ms p90 {times[53]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "run"))
