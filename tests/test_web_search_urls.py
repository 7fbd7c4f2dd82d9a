"""Facet and evidence-picture links encode each parameter once (views/common.py ``facet_urls``,
evidence_picture ``build``): the same strings as ``urlencode`` of the same parameters, in the same order."""
from __future__ import annotations

import random
from urllib.parse import urlencode

from physiohub.taxonomy import DESIGNS, VERDICTS
from physiohub.web import evidence_picture
from physiohub.web.views.common import facet_url, facet_urls

WORDS = ["knee", "pain & swelling", "é", "a+b", "100%", "<x>", "", "tendon/achilles", "q=1"]


def _reference(base, params, name, value):
    # the definition: the kept parameters with this facet toggled, through urlencode
    kept = {k: v for k, v in params.items() if v not in (None, "", False) and k not in ("page", "offset")}
    names = ("year_from", "year_to") if name == "year" else (name,)
    if all(str(kept.get(n)) == str(value) for n in names):
        for n in names:
            kept.pop(n)
    else:
        kept.update({n: value for n in names})
    return f"{base}?{urlencode(kept)}" if kept else base


def _params(rng):
    params = {}
    for key in rng.sample(["q", "design", "topic", "year_from", "year_to", "page", "mode", "exclude_retracted",
                           "include_undated", "evidence"], rng.randint(0, 6)):
        params[key] = rng.choice([rng.choice(WORDS), rng.randint(1990, 2024), True, False, None, 3])
    return params


def test_facet_urls_equal_urlencode():
    rng = random.Random(4)
    for _ in range(500):
        params = _params(rng)
        name = rng.choice(["design", "topic", "year", "evidence", "q"])
        values = [rng.choice([rng.choice(WORDS), rng.randint(1990, 2024), params.get(name), params.get("year_from")])
                  for _ in range(rng.randint(1, 6))]
        values = [v for v in values if v is not None] or ["knee"]  # a facet value is never None
        assert facet_urls("/search", params, name, values) == [_reference("/search", params, name, v) for v in values]
        assert facet_url("/search", params, name, values[0]) == _reference("/search", params, name, values[0])


def test_picture_cell_links_equal_urlencode():
    rng = random.Random(8)
    for _ in range(200):
        params = _params(rng)
        cells = [{"design": rng.choice(DESIGNS), "verdict": rng.choice(VERDICTS), "studies": 1, "participants": 5,
                  "unknown_n": 0} for _ in range(4)]
        pic = evidence_picture.build(cells, base_url="/search", params=params)
        kept = {k: v for k, v in params.items() if v not in (None, "", False) and k not in ("page", "offset")}
        for row in pic["rows"]:
            for c in row["cells"]:
                want = f"/search?{urlencode({**kept, 'design': c['design'], 'verdict': c['verdict']})}"
                assert c["url"] == (want if c["studies"] else None)
