"""Settings in one table. Each can be set by an environment variable ``PHYSIOHUB_<NAME>``."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "physiohub.db", "Database: a SQLite file path (or a postgresql:// URL when that backend lands)."),
    Setting("cache_dir", "", "Cache for online look-ups (PubMed, Crossref); empty: beside the database."),
    Setting("embedder", "auto", "Embedding path: auto (onnxruntime int8 graph when onnxruntime is installed, else"
            " the NumPy forward pass), onnx, or numpy (exact, slower)."),
    Setting("email", "", "Contact e-mail sent to NCBI E-utilities and Crossref (their politeness rules)."),
    Setting("ncbi_api_key", "", "NCBI API key: raises the E-utilities rate limit from 3 to 10 requests/s."),
    Setting("llm_url", "", "OpenAI-compatible chat endpoint base URL for the optional card generator."),
    Setting("llm_model", "", "Model name sent to the chat endpoint."),
    Setting("llm_api_key", "", "API key for the chat endpoint, if it needs one."),
    Setting("secret_key", "", "Secret for signing session cookies; generated and stored in the database if empty."),
    Setting("https", "", "1 when the hub is reached over https (e.g. behind a TLS proxy): Secure session cookies"
            " and Strict-Transport-Security on every response."),
    Setting("forwarded_allow_ips", "127.0.0.1", "Proxy addresses whose X-Forwarded-For/-Proto headers"
            " `physiohub serve --proxy-headers` trusts (comma-separated, or * for any)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def flag(value: Any) -> bool:
    """A yes/no setting: 1, true, yes, on (any case) are yes."""
    return str(value or "").strip().lower() in ("1", "true", "yes", "on")


def get(name: str, override: Any = None) -> Any:
    """An explicit value wins, then ``PHYSIOHUB_<NAME>``, then the default."""
    if override not in (None, ""):
        return override
    setting = _BY_NAME[name]
    env = os.environ.get(f"PHYSIOHUB_{name.upper()}")
    if env not in (None, ""):
        return env
    return setting.default
