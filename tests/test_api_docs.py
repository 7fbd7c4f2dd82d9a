"""The API reference at /api/docs (issue 15, item 12): served by the hub, no outside or inline scripts."""
from __future__ import annotations

import re


def test_api_docs_lists_every_operation_without_scripts(client) -> None:
    r = client.get("/api/docs")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    page = r.text
    paths = client.get("/openapi.json").json()["paths"]
    for path, methods in paths.items():
        for method in methods:
            assert f"{method.upper()} {path}" in page, path
    scripts = re.findall(r"<script([^>]*)>", page)
    assert all(re.search(r'src="/static/', attrs) for attrs in scripts)  # only the hub's own file, no inline or outside script
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert re.search(r"<code>q</code>", page)  # parameters are described
    assert 'href="/api/docs"' in client.get("/").text  # linked from the footer
