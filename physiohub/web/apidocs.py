"""A human-readable API reference at /api/docs, rendered on the server from the app's own OpenAPI schema.

No Swagger UI or ReDoc: those load scripts (often from a CDN) that the hub's CSP forbids, and a reader who
wants to know what ``/api/studies`` takes needs a page, not an application. Each operation is listed with
its method, path, summary, parameters (where, type, required, allowed values, default) and responses; the
raw schema stays at /openapi.json for tools.
"""
from __future__ import annotations

from typing import Any


def _schema_text(schema: dict[str, Any], components: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(_schema_text(s, components) for s in schema["anyOf"] if s.get("type") != "null")
    kind = schema.get("type", "")
    if kind == "array":
        return f"list of {_schema_text(schema.get('items') or {}, components)}"
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    return kind or "value"


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The schema's operations, in path order, as plain dicts for the template."""
    components = (schema.get("components") or {}).get("schemas") or {}
    out = []
    for path, methods in sorted((schema.get("paths") or {}).items()):
        for method, op in methods.items():
            params = []
            for p in op.get("parameters") or []:
                s = p.get("schema") or {}
                params.append({"name": p.get("name"), "where": p.get("in"), "required": bool(p.get("required")),
                               "type": _schema_text(s, components), "default": s.get("default"),
                               "description": p.get("description") or s.get("description") or s.get("title") or ""})
            body = ((op.get("requestBody") or {}).get("content") or {}).get("application/json", {}).get("schema")
            out.append({
                "method": method.upper(), "path": path, "summary": op.get("summary") or "",
                "description": (op.get("description") or "").strip(), "params": params,
                "body": _schema_text(body, components) if body else "",
                "responses": [{"code": code, "description": r.get("description") or ""}
                              for code, r in sorted((op.get("responses") or {}).items())],
                "anchor": f"{method}-{path.strip('/').replace('/', '-').replace('{', '').replace('}', '')}",
            })
    return out
