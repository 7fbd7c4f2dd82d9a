"""The optional language-model generator, against recorded OpenAI chat-completions responses."""
from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from physiohub.cards import check_grounding, extractive_card
from physiohub.cards.llm import generate_card_llm
from physiohub.errors import ConfigError, OnlineError
from physiohub.models import Record

FIX = Path(__file__).resolve().parent / "fixtures" / "cards"


def structured() -> tuple[Record, dict]:
    d = json.loads((FIX / "structured.json").read_text(encoding="utf-8"))
    return Record.from_dict(d["record"]), d["appraisal"]


def replay(name: str, seen: list[httpx.Request] | None = None, status: int = 200) -> httpx.Client:
    body = (FIX / name).read_text(encoding="utf-8") if name else "upstream exploded"

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status, content=body.encode(), headers={"content-type": "application/json"})

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_good_response_is_used_with_model_provenance():
    rec, app = structured()
    seen: list[httpx.Request] = []
    card = generate_card_llm(rec, app, client=replay("llm_response_good.json", seen),
                             url="http://llm.local/v1", model="llama3.1:8b-instruct", api_key="k")
    req = seen[0]
    assert str(req.url) == "http://llm.local/v1/chat/completions"
    assert req.headers["authorization"] == "Bearer k"
    sent = json.loads(req.content)
    assert sent["response_format"] == {"type": "json_object"} and sent["model"] == "llama3.1:8b-instruct"
    assert "[s6] The loading group improved more" in sent["messages"][1]["content"]
    assert card["upshot"]["answer"].startswith("A calf loading programme probably eases")
    assert card["findings"][0].startswith("VISA-A improved more with loading")
    prov = {p["path"]: p for p in card["provenance"]}
    assert prov["findings.0"] == {"path": "findings.0", "kind": "model", "sources": ["s6"]}
    assert prov["methods.0"]["kind"] == "templated"          # sections the model did not write stay extractive
    assert card["generator"] == "physiohub.cards.llm:llama3.1:8b-instruct"
    assert card["generation_notes"] == []
    assert check_grounding(card, rec) == []


def test_invented_number_is_rejected_and_replaced_by_extractive_text():
    rec, app = structured()
    base = extractive_card(rec, app)
    card = generate_card_llm(rec, app, client=replay("llm_response_invented_number.json"),
                             url="http://llm.local", model="m")
    assert not any("45%" in f for f in card["findings"])
    assert card["findings"] == base["findings"]                    # the whole list falls back
    assert card["upshot"]["answer"] == base["upshot"]["answer"]    # unhedged answer refused
    assert card["why_it_matters"]["readers"] == base["why_it_matters"]["readers"]
    assert card["key_points"] == base["key_points"]                # a made-up sentence id
    assert card["why_it_matters"]["patients"].startswith("If your Achilles tendon has hurt")  # this one passed
    notes = {n["path"]: n["reason"] for n in card["generation_notes"]}
    assert notes["findings.1"] == "numbers not in the source: 45"
    assert notes["why_it_matters.readers"] == "numbers not in the source: 6"
    assert notes["upshot.answer"] == "answer lacks the certainty wording for Moderate evidence"
    assert notes["key_points.0"] == "unknown source sentences: s42"
    prov = {p["path"]: p["kind"] for p in card["provenance"]}
    assert prov["findings.0"] == "extracted" and prov["why_it_matters.patients"] == "model"
    assert check_grounding(card, rec) == []


def test_endpoint_failures_are_one_line_errors(monkeypatch):
    rec, app = structured()
    with pytest.raises(OnlineError, match="answered HTTP 500"):
        generate_card_llm(rec, app, client=replay("", status=500), url="http://llm.local/v1", model="m")
    monkeypatch.delenv("PHYSIOHUB_LLM_URL", raising=False)
    with pytest.raises(ConfigError, match="llm_url"):
        generate_card_llm(rec, app, client=replay("llm_response_good.json"), model="m")


def test_configured_generator_falls_back_when_endpoint_down(monkeypatch):
    import physiohub.cards as cards

    rec, app = structured()
    monkeypatch.setenv("PHYSIOHUB_LLM_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("PHYSIOHUB_LLM_MODEL", "m")

    def down(*a, **k):
        raise OnlineError("language model endpoint unreachable")

    monkeypatch.setattr("physiohub.cards.llm.generate_card_llm", down)
    card = cards.generate_card(rec, app)
    assert card["generator"] == "physiohub.cards.extractive"
    assert card["generation_notes"][0]["reason"] == "language model endpoint unreachable"


def test_a_model_answer_that_contradicts_the_verdict_gives_way_to_the_extractive_one():
    # Issue 12: the consistency gate runs after the language-model writer too. The recorded response is
    # changed to say the opposite of the study (a "Supports" trial): the answer must not reach the card.
    rec, app = structured()
    body = json.loads((FIX / "llm_response_good.json").read_text(encoding="utf-8"))
    content = json.loads(body["choices"][0]["message"]["content"])
    content["upshot"]["answer"] = "A calf loading programme probably makes little or no difference to Achilles pain."
    body["choices"][0]["message"]["content"] = json.dumps(content)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    card = generate_card_llm(rec, app, client=httpx.Client(transport=httpx.MockTransport(handler)),
                             url="http://llm.local", model="m")
    base = extractive_card(rec, app)
    assert card["upshot"]["answer"] == base["upshot"]["answer"]
    assert "little or no difference" not in card["upshot"]["answer"]
    assert "answer_contradicted" in card["flags"]
    assert any(n["path"] == "upshot.answer" for n in card["generation_notes"])
