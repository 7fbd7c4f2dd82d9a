"""The check page and the JSON API say the same thing about an article (issue 13, item 6): through real HTTP
handling of the app, over a hub of sample cards."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from conftest import csrf
from physiohub.store import Store
from physiohub.web import sample

ARTICLE = """Exercise and back pain: what the studies say

A 2022 meta-analysis found that pain education added to exercise reduces low back pain.

According to a 2019 cohort study of 300 office workers, those who sat less had fewer episodes of neck pain.

Studies prove that surgery is no better than exercise for meniscal tears (doi:10.9999/demo.0003).

Participants were recruited from three outpatient clinics in 2019, a new study reported.
"""


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    path = tmp_path_factory.mktemp("webcheck") / "hub.db"
    store = Store(path)
    ids = sample.fill(store)
    store.close()
    return path, ids


def _page_claims(page: str) -> list[str]:
    return re.findall(r'<article class="claim">(.*?)</article>', page, re.S)


def test_page_and_json_agree(client):
    token = csrf(client.get("/check").text)
    page = client.post("/check", data={"text": ARTICLE, "csrf_token": token})
    api = client.post("/api/check", json={"text": ARTICLE})
    assert page.status_code == 200 and api.status_code == 200
    body = api.json()
    claims = body["claims"]
    blocks = _page_claims(page.text)
    assert len(claims) == len(blocks) == body["summary"]["claims"] >= 3
    m = re.search(r'<h2 id="h-claims">(\d+) research claims? found</h2>', page.text)
    assert int(m.group(1)) == len(claims)
    assert body["summary"]["with_matches"] == sum(1 for c in claims if c["matches"])
    assert body["summary"]["tested"] == sum(1 for c in claims if c["stance"])
    assert (f'{body["summary"]["with_matches"]} with studies in the hub ({body["summary"]["tested"]} tested by one)'
            in page.text)
    for c, block in zip(claims, blocks):
        text = htmllib.unescape(block)
        assert htmllib.unescape(re.search(r'<blockquote class="claimtext">(.*?)</blockquote>', block, re.S).group(1)) == c["text"]
        meta = re.search(r'<p class="meta">(.*?)</p>', text, re.S).group(1)
        assert meta == " · ".join(c["facts"])
        assert not re.search(r"·\s*·|^\s*·|·\s*$", meta), meta              # no empty field between separators
        assert "not a claim" not in text                                    # a found claim is never labelled "not a claim"
        if c["stance"]:
            assert c["stance_reason"] in text                               # the same stance and reason
        else:
            assert "Does the evidence back it?" not in text
        if c["matches"]:
            assert c["missing"] is None and "No matching study" not in text
            assert text.count('<li class="result">') == len(c["matches"])
        else:
            assert c["missing"] == "not in the hub"
            assert text.count("No matching study in the hub") == 1 and "Missing:" not in text
        # a study that does not test the claim shows no verdict badge beside it ("Supports" would read as agreeing)
        for m, li in zip(c["matches"], block.split('<li class="result">')[1:]):
            assert ("badge verdict" in li) == bool(m.get("verdict") and m.get("tests_claim") is not False)
        for match_meta in re.findall(r'<li class="result">.*?<p class="meta">(.*?)</p>', text, re.S):
            assert match_meta.strip() and not re.search(r"·\s*·|^\s*·", match_meta.strip())
    assert any(c["matches"] for c in claims) and any(not c["matches"] for c in claims)
