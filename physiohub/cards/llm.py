"""Optional language-model card writer: any OpenAI-compatible ``/v1/chat/completions`` endpoint
(Ollama, llama.cpp server, vLLM, or a hosted service), set by ``llm_url``, ``llm_model``, ``llm_api_key``.

The model gets the abstract's numbered sentences and the appraisal, and is asked for JSON in the card's
shape (``response_format: json_object``) with the source sentence ids behind every text. Its output is
never trusted: every field passes the same grounding gate as the extractive card (numbers must be in the
source, sentence ids must exist), and the upshot answer must carry the certainty word the evidence badge
requires. A field or list that fails is replaced by the extractive text, and the rejection is logged and
listed in ``card["generation_notes"]``. Accepted texts have provenance kind ``model``.
"""
from __future__ import annotations

import json
import logging
import re
from typing import Any

import httpx

from .. import config
from ..errors import ConfigError, OnlineError
from ..models import Record
from ..text import record_sentences
from .consistency import check_card
from .generate import VERSION
from .generate import generate_card as extractive_card
from .grounding import gate, source_values, ungrounded

log = logging.getLogger(__name__)
LIST_SECTIONS = {"key_points": (3, 6), "findings": (1, 6), "limitations": (1, 6)}
WHY_KEYS = ("patients", "clinicians", "readers")
CERTAINTY_REQUIRED = {
    "Moderate": re.compile(r"\bprobabl[ey]\b", re.I),
    "Limited": re.compile(r"\b(may|might)\b", re.I),
    "Very limited": re.compile(r"\b(don't|do not) know( yet)?\b", re.I),
}
MAX_CHARS = 700

SYSTEM = """You write PhysioHub study cards: plain-language summaries of one research abstract for patients,
clinicians and curious readers. Reply with one JSON object only, with these keys:
  "upshot": {"question": str, "answer": str, "sources": [ids]},
  "key_points": [{"text": str, "sources": [ids]}]  (3 to 6),
  "findings": [{"text": str, "sources": [ids]}]  (with the numbers the abstract reports),
  "limitations": [{"text": str, "sources": [ids]}],
  "why_it_matters": {"patients": str, "clinicians": str, "readers": str}.
Rules: use only facts from the abstract; copy every number exactly as the abstract writes it and write no
other number; "sources" lists the ids ([s0], [s1], ...) of the sentences each text rests on. The question
starts "For <who>, ..." when the abstract names a condition. Patient text: short sentences, everyday words,
reading grade 8 or lower. Word the answer to the evidence strength: Strong -> state it; Moderate -> use
"probably"; Limited -> use "may"; Very limited -> say "we don't know yet whether". Never recommend more than
the study found."""


def _endpoint(url: str) -> str:
    url = url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


def _prompt(record: Record, appraisal: dict[str, Any]) -> str:
    lines = [f"Title: {record.title}", "Abstract sentences:"]
    lines += [f"[{s.id}] {s.text}" for s in record_sentences(record)]
    facts = {k: appraisal.get(k) for k in ("design", "evidence", "verdict", "n_participants", "n_studies",
                                          "followup", "conditions", "body_regions")}
    lines.append("Appraisal (use it for wording, not as a source of numbers): " + json.dumps(facts))
    return "\n".join(lines)


def request_card(record: Record, appraisal: dict[str, Any], *, client: httpx.Client, url: str, model: str,
                 api_key: str = "") -> dict[str, Any]:
    """Ask the endpoint; returns the parsed JSON object the model wrote."""
    payload = {
        "model": model,
        "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": _prompt(record, appraisal)}],
        "temperature": 0,
        "response_format": {"type": "json_object"},
    }
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    try:
        resp = client.post(_endpoint(url), json=payload, headers=headers)
    except httpx.HTTPError as e:
        raise OnlineError(f"language model endpoint {url} unreachable: {e}") from e
    if resp.status_code != 200:
        raise OnlineError(f"language model endpoint {url} answered HTTP {resp.status_code}: {resp.text[:200]}")
    try:
        content = resp.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as e:
        raise OnlineError(f"language model endpoint {url} sent no chat completion: {e}") from e
    content = re.sub(r"^```(?:json)?\s*|\s*```$", "", (content or "").strip())
    try:
        data = json.loads(content)
    except ValueError as e:
        raise OnlineError(f"language model did not answer in JSON: {e}") from e
    if not isinstance(data, dict):
        raise OnlineError("language model answered JSON that is not an object")
    return data


class _Checker:
    def __init__(self, record: Record, appraisal: dict[str, Any]):
        self.values = source_values(record)
        self.ids = {s.id for s in record_sentences(record)}
        self.evidence = appraisal.get("evidence") or "Very limited"
        self.notes: list[dict[str, Any]] = []

    def text(self, path: str, value: Any, sources: Any = None) -> tuple[str, list[str]] | None:
        """(text, sources) if the model's text is acceptable, else None (with a note)."""
        if isinstance(value, dict):
            value, sources = value.get("text"), value.get("sources", sources)
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_CHARS:
            return self._reject(path, "missing, not text, or too long")
        bad = ungrounded(value, self.values)
        if bad:
            return self._reject(path, f"numbers not in the source: {', '.join(bad)}")
        srcs = [str(x).strip("[] ") for x in sources or [] if isinstance(x, (str, int))] if isinstance(sources, list) else []
        unknown = [x for x in srcs if x not in self.ids]
        if unknown:
            return self._reject(path, f"unknown source sentences: {', '.join(unknown)}")
        return re.sub(r"\s+", " ", value).strip(), srcs

    def _reject(self, path: str, reason: str) -> None:
        log.warning("language-model card text rejected at %s: %s", path, reason)
        self.notes.append({"path": path, "reason": reason, "replaced_by": "extractive"})
        return None


def merge(base: dict[str, Any], data: dict[str, Any], record: Record, appraisal: dict[str, Any],
          model: str) -> dict[str, Any]:
    """The extractive card with every model text that passes the checks put in its place."""
    chk = _Checker(record, appraisal)
    card = json.loads(json.dumps(base))
    prov = {p["path"]: p for p in card["provenance"]}
    up = data.get("upshot") if isinstance(data.get("upshot"), dict) else {}
    for key in ("question", "answer"):
        got = chk.text(f"upshot.{key}", up.get(key), up.get("sources"))
        if got and key == "answer" and chk.evidence in CERTAINTY_REQUIRED \
                and not CERTAINTY_REQUIRED[chk.evidence].search(got[0]):
            got = chk._reject("upshot.answer", f"answer lacks the certainty wording for {chk.evidence} evidence")
        if got:
            card.setdefault("upshot", {})[key] = got[0]
            prov[f"upshot.{key}"] = {"path": f"upshot.{key}", "kind": "model", "sources": got[1]}
    for sec, (lo, hi) in LIST_SECTIONS.items():
        items = data.get(sec)
        if items is None:
            continue
        if not isinstance(items, list) or not lo <= len(items) <= hi:
            chk._reject(sec, f"expected a list of {lo} to {hi} items")
            continue
        checked = [chk.text(f"{sec}.{i}", it) for i, it in enumerate(items)]
        if any(c is None for c in checked):
            chk.notes.append({"path": sec, "reason": "one or more items failed", "replaced_by": "extractive"})
            continue
        for i in range(len(card.get(sec) or [])):
            prov.pop(f"{sec}.{i}", None)
        card[sec] = [c[0] for c in checked]
        prov.update({f"{sec}.{i}": {"path": f"{sec}.{i}", "kind": "model", "sources": c[1]}
                     for i, c in enumerate(checked)})
    why = data.get("why_it_matters") if isinstance(data.get("why_it_matters"), dict) else {}
    for key in WHY_KEYS:
        if key in why:
            got = chk.text(f"why_it_matters.{key}", why[key])
            if got:
                card.setdefault("why_it_matters", {})[key] = got[0]
                prov[f"why_it_matters.{key}"] = {"path": f"why_it_matters.{key}", "kind": "model", "sources": got[1]}
    card["provenance"] = list(prov.values())
    card["generator"] = f"physiohub.cards.llm:{model}"
    card["version"] = VERSION
    card["generation_notes"] = chk.notes
    card["_subject"] = base.get("_subject")
    card = check_card(gate(card, record), record, appraisal)
    fell_back = {"unclear_result", "answer_contradicted", "answer_verdict_only"}
    if fell_back & set(card["flags"]) and not fell_back & set(base.get("flags") or []):
        # The model's answer disagreed with the verdict or was a fragment: the extractive answer, which
        # passed the same gate, stands in its place.
        card["upshot"]["answer"] = base["upshot"]["answer"]
        card["provenance"] = [p for p in card["provenance"] if p["path"] != "upshot.answer"] + \
            [p for p in base["provenance"] if p["path"] == "upshot.answer"]
        card["flags"] = [f for f in card["flags"] if f not in fell_back] + ["answer_contradicted"]
        chk.notes.append({"path": "upshot.answer", "reason": "disagreed with the verdict", "replaced_by": "extractive"})
    return card


def generate_card_llm(record: Record, appraisal: dict[str, Any] | None, *, client: httpx.Client | None = None,
                      url: str | None = None, model: str | None = None, api_key: str | None = None,
                      timeout: float = 120.0) -> dict[str, Any]:
    """A card written by the configured model, checked and completed by the extractive generator.

    Raises OnlineError when the endpoint fails; ConfigError when no endpoint or model is set.
    """
    url = config.get("llm_url", url)
    model = config.get("llm_model", model)
    if not url or not model:
        raise ConfigError("set llm_url and llm_model (PHYSIOHUB_LLM_URL, PHYSIOHUB_LLM_MODEL) to use a language model")
    appraisal = dict(appraisal or {})
    base = extractive_card(record, appraisal)
    if not record.abstract.strip():
        return base  # nothing for a model to summarise
    own = client is None
    client = client or httpx.Client(timeout=timeout)
    try:
        data = request_card(record, appraisal, client=client, url=url, model=model,
                            api_key=config.get("llm_api_key", api_key) or "")
    finally:
        if own:
            client.close()
    return merge(base, data, record, appraisal, model)
