"""Study cards: grounded plain-language drafts, editor review, rendering.

Public API: ``generate_card(record, appraisal) -> dict`` (the default extractive generator, or the
optional language-model one when ``llm_url`` is configured — see llm.py), ``GENERATOR``, ``VERSION``,
``check_grounding(card, record)``.
"""
from __future__ import annotations

from .generate import GENERATOR, VERSION, generate_card
from .grounding import check_grounding

__all__ = ["GENERATOR", "VERSION", "check_grounding", "generate_card"]
