"""The first card view after a server start is not the slow one (issue 15, item 14): `serve` imports the
card modules and builds a card view before the first request."""
from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from physiohub.web.serve import _warm_app
assert "physiohub.cards" not in sys.modules, "importing the server imported the card modules already"
app = _warm_app(sys.argv[1])
assert "physiohub.cards" in sys.modules and "physiohub.cards.generate" in sys.modules
print("warm ok")
"""


def test_serve_warms_the_card_modules_before_the_first_reader(hub) -> None:
    r = subprocess.run([sys.executable, "-c", SCRIPT, str(hub[0])], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "warm ok" in r.stdout, r.stderr[-2000:]
