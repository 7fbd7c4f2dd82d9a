"""Fuzzing the JSON API from its own OpenAPI description (/openapi.json): no request may give a 500.

For every operation the schema lists, hypothesis-jsonschema turns each parameter's and the body's JSON
Schema into a Hypothesis strategy; those values are mixed with hostile ones (the hub's real ids, a draft's
id, non-ASCII digits, lone surrogates, control characters, very long strings, raw non-JSON bodies) and
sent through the app in-process over a copy of the sample hub (a real SQLite file). Every answer must be
below 500 and, when not 200, in the one error shape ``{"ok": false, "error": ..., "status": N}``.

Bounded: ``FUZZ_EXAMPLES`` examples per operation (about a minute for the whole module on the
development machine); set PHYSIOHUB_FUZZ_EXAMPLES to run longer. In CI (``CI`` set) the examples are
derandomized so a run can be repeated exactly.
"""
from __future__ import annotations

import json
import os
import time
from collections import Counter
from typing import Any
from urllib.parse import quote

import pytest

hypothesis = pytest.importorskip("hypothesis")
hjs = pytest.importorskip("hypothesis_jsonschema", reason="hypothesis-jsonschema not installed (test extra)")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from physiohub import taxonomy  # noqa: E402
from physiohub.web import create_app  # noqa: E402

FUZZ_EXAMPLES = int(os.environ.get("PHYSIOHUB_FUZZ_EXAMPLES", "500"))
ALLOWED = {200, 400, 404, 405, 413, 422}
TALLY: Counter = Counter()

HOSTILE = st.sampled_from([
    "", " ", "0", "-1", "1e3", "²", "١٢", "𝟙", "①", "9" * 30, "1" * 5000, "%", "%00", "%C2%B2", "../../etc/passwd",
    "\x00", "a\x00b", "\ud800", "x\udfffy", "\u202e", "<script>alert(1)</script>", "' OR 1=1 --", '"', "\\",
    "NULL", "null", "true", "[]", "{}", "pmid:", "pmid:abc", "doi:", "10.", "10.9999/demo.0007", "90000007",
    "x" * 600, "é" * 400, "\r\n", "Exercise & Loading", "hybrid", "bm25", "semantic", "1800", "2100", "2101",
])


def _known_values() -> list[str]:
    out: list[str] = []
    for values in (taxonomy.DESIGNS, taxonomy.EVIDENCE, taxonomy.VERDICTS, taxonomy.TOPICS,
                   taxonomy.BODY_REGIONS):
        out += list(values)
    return out


@pytest.fixture(scope="module")
def fuzz_app(template, tmp_path_factory):
    import shutil

    path = tmp_path_factory.mktemp("fuzz") / "hub.db"
    shutil.copyfile(template[0], path)
    # The cost caps are tested elsewhere; here every request should reach the handler.
    app = create_app(str(path), settings={"check_limits": {"per_minute": 10**9, "burst": 10**9, "wait": 60}})
    with TestClient(app, raise_server_exceptions=False) as client:
        schema = client.get("/openapi.json").json()
        yield client, schema, template[1]
    print("\nAPI fuzz: " + ", ".join(f"{k}: {v}" for k, v in sorted(TALLY.items())))


def _resolve(schema: Any, root: dict[str, Any]) -> Any:
    """The schema with every local $ref inlined (hypothesis-jsonschema wants it self-contained)."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            node: Any = root
            for part in schema["$ref"].lstrip("#/").split("/"):
                node = node[part]
            return _resolve(node, root)
        return {k: _resolve(v, root) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_resolve(v, root) for v in schema]
    return schema


def _operations() -> list[tuple[str, str]]:
    # The same list the schema gives (checked against it in test_the_fuzz_covers_every_operation).
    return [("get", "/api/studies"), ("get", "/api/resolve"), ("get", "/api/studies/{study_id}"),
            ("get", "/api/studies/{study_id}/card"), ("get", "/api/studies/{study_id}/related"),
            ("get", "/api/topics"), ("get", "/api/topics/{topic_slug}"), ("post", "/api/check")]


def _from_schema(schema: dict[str, Any]) -> st.SearchStrategy:
    """hypothesis-jsonschema's strategy; objects are built here property by property (its own object
    strategy leans on Hypothesis internals that newer Hypothesis releases changed)."""
    if schema.get("type") == "object" and "properties" in schema:
        required = set(schema.get("required") or [])
        fields = {name: _from_schema(sub) for name, sub in schema["properties"].items()}

        @st.composite
        def build(draw: Any) -> dict[str, Any]:
            return {name: draw(strategy) for name, strategy in fields.items()
                    if name in required or draw(st.booleans())}

        return build()
    return hjs.from_schema(schema)


def _value(schema: dict[str, Any], ids: list[int], known: list[str]) -> st.SearchStrategy:
    return st.one_of(_from_schema(schema), HOSTILE, st.sampled_from(known + [str(i) for i in ids]),
                     st.text(max_size=40))


def _query_string(params: dict[str, Any]) -> str:
    parts = []
    for name, value in params.items():
        if value is None:
            continue
        text = value if isinstance(value, str) else json.dumps(value)
        # surrogatepass: a lone surrogate goes out as its (invalid) UTF-8 bytes, as a hostile client could.
        parts.append(f"{quote(name)}={quote(text.encode('utf-8', 'surrogatepass'), safe='')}")
    return "&".join(parts)


def _check_answer(r: Any, what: str) -> None:
    TALLY[r.status_code] += 1
    assert r.status_code != 500, f"{what}: 500 {r.text[:300]}"
    assert r.status_code in ALLOWED, f"{what}: unexpected {r.status_code} {r.text[:300]}"
    body = r.json()
    if r.status_code == 200:
        assert body.get("ok") is True, what
    else:
        assert body == {"ok": False, "error": body.get("error"), "status": r.status_code}, (what, body)
        assert isinstance(body["error"], str) and "Traceback" not in body["error"] and "\n" not in body["error"]


def test_the_fuzz_covers_every_operation(fuzz_app):
    _, schema, _ = fuzz_app
    listed = {(m, p) for p, ops in schema["paths"].items() for m in ops}
    assert listed == set(_operations())


@pytest.mark.parametrize("method,path", _operations())
def test_api_operation_never_answers_500(fuzz_app, method, path):
    client, schema, sample_ids = fuzz_app
    op = schema["paths"][path][method]
    ids = sorted(sample_ids.values()) + [0, 999_999]
    known = _known_values()
    params = {p["name"]: (p["in"], p.get("required", False), _resolve(p["schema"], schema))
              for p in op.get("parameters", [])}
    body_schema = None
    if "requestBody" in op:
        body_schema = _resolve(op["requestBody"]["content"]["application/json"]["schema"], schema)

    @st.composite
    def requests(draw: Any) -> tuple[str, Any]:
        url = path
        query: dict[str, Any] = {}
        for name, (where, required, pschema) in params.items():
            if where == "path":
                value = draw(_value(pschema, ids, known))
                text = value if isinstance(value, str) else json.dumps(value)
                url = url.replace("{" + name + "}", quote(text.encode("utf-8", "surrogatepass"), safe="") or "x")
            elif required or draw(st.booleans()):
                query[name] = draw(_value(pschema, ids, known))
        qs = _query_string(query)
        content: Any = None
        if body_schema is not None:
            content = draw(st.one_of(
                _from_schema(body_schema).map(lambda b: json.dumps(b).encode()),
                st.builds(lambda t: json.dumps({"text": t}).encode(), HOSTILE | st.text(max_size=3000)),
                st.binary(max_size=200),
            ))
        return (url + ("?" + qs if qs else "")), content

    started = time.monotonic()

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
              suppress_health_check=list(HealthCheck))
    @given(requests())
    def run(req: tuple[str, Any]) -> None:
        url, content = req
        if method == "get":
            r = client.get(url)
        else:
            r = client.post(url, content=content, headers={"content-type": "application/json"})
        _check_answer(r, f"{method.upper()} {url[:200]}")

    run()
    assert time.monotonic() - started < 60 * max(1, FUZZ_EXAMPLES / 500), "fuzzing one operation took too long"
