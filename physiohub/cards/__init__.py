"""Study cards: grounded plain-language drafts, editor review, rendering.

Public API: ``generate_card(record, appraisal) -> dict``, ``GENERATOR``, ``VERSION``,
``check_grounding(card, record)``.

``generate_card`` is the extractive generator (generate.py) unless a language-model endpoint is
configured (``llm_url`` and ``llm_model``, or ``PHYSIOHUB_LLM_URL``/``PHYSIOHUB_LLM_MODEL``): then the
model writes the card (llm.py) and the extractive text stands in for whatever fails the checks. If the
endpoint is down, the extractive card is returned and its generator name differs from ``GENERATOR``,
so the next ``refresh`` tries the model again. ``GENERATOR`` is read from the configuration at import.
"""
from __future__ import annotations

import logging
from typing import Any

from .. import config
from ..errors import OnlineError
from ..models import Record
from .generate import GENERATOR as EXTRACTIVE
from .generate import VERSION
from .generate import generate_card as extractive_card
from .grounding import check_grounding

log = logging.getLogger(__name__)


def _configured_generator() -> str:
    if config.get("llm_url") and config.get("llm_model"):
        return f"physiohub.cards.llm:{config.get('llm_model')}"
    return EXTRACTIVE


GENERATOR = _configured_generator()


def generate_card(record: Record, appraisal: dict[str, Any] | None) -> dict[str, Any]:
    """A grounded card for one record: by the configured language model, else extractive."""
    if _configured_generator() != EXTRACTIVE:
        from .llm import generate_card_llm

        try:
            return generate_card_llm(record, appraisal)
        except OnlineError as e:
            log.warning("language model unavailable, extractive card instead: %s", e)
            card = extractive_card(record, appraisal)
            card["generation_notes"] = [{"path": "*", "reason": str(e), "replaced_by": "extractive"}]
            return card
    return extractive_card(record, appraisal)


__all__ = ["GENERATOR", "VERSION", "check_grounding", "extractive_card", "generate_card"]
