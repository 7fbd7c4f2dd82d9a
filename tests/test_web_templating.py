"""The pages' Jinja environment (web/templating.py) renders exactly what a plain Jinja environment renders:
on templates that probe the corner cases of its dict fast path, and on real pages through the app."""
from __future__ import annotations

import pytest
from jinja2 import Environment
from starlette.testclient import TestClient

from physiohub.web import app as app_module
from physiohub.web.templating import PageEnvironment

PROBES = [
    "{{ d.title }}|{{ d.missing }}|{{ d.missing is defined }}",
    "{{ d['values'] }}|{{ d.values is callable }}|{{ d.get('title') }}",
    "{% for k, v in d.items()|sort %}{{ k }}={{ v }};{% endfor %}",
    "{{ d.nested.inner }}|{{ d.nested.nope is defined }}|{{ d.none.x is defined }}",
    "{{ sub.title }}|{{ sub.extra }}|{{ obj.real }}|{{ obj.title is defined }}",
    "{{ d.keys()|list|length }}|{{ d.__class__.__name__ }}",
]


class Sub(dict):
    extra = "class attribute"


class Obj:
    real = "attribute"


@pytest.mark.parametrize("source", PROBES)
def test_dict_fast_path_renders_what_jinja_renders(source):
    ctx = {"d": {"title": "<T>", "values": [1, 2], "nested": {"inner": 3}, "none": None},
           "sub": Sub(title="sub"), "obj": Obj()}
    want = Environment(autoescape=True).from_string(source).render(**ctx)
    assert PageEnvironment(autoescape=True).from_string(source).render(**ctx) == want


def test_pages_are_byte_identical_to_a_plain_jinja_environments(hub, monkeypatch):
    path, ids = hub
    urls = ["/", "/search?q=exercise", "/search?q=knee+pain&page=2", "/search?topic=Exercise+%26+Loading",
            "/topics", "/topics/exercise-and-loading", f"/studies/{ids['tendon']}"]
    with TestClient(app_module.create_app(str(path))) as fast:
        got = {u: fast.get(u) for u in urls}
    monkeypatch.setattr(app_module, "PageEnvironment", Environment)
    with TestClient(app_module.create_app(str(path))) as plain:
        assert not isinstance(plain.app.state.templates, PageEnvironment)
        for u in urls:
            want = plain.get(u)
            assert want.status_code == 200, u
            assert got[u].text == want.text, u
