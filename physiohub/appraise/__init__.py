"""Automatic appraisal: research design, evidence strength, verdict, key numbers, PICO, topics.

Every field carries its reasons. ``persist`` stores appraisals and editors' overrides.
"""
from .core import GENERATOR, VERSION, appraise, appraise_many
from ..taxonomy import DESIGNS
from .design import research_type

__all__ = ["GENERATOR", "VERSION", "DESIGNS", "appraise", "appraise_many", "research_type"]
