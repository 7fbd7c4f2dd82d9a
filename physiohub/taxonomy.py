"""The vocabulary of DESIGN.md in one place: designs, badges, topics and body regions.

Appraisal produces these labels, search filters on them, the web hub lists them; all import them
from here so a label can never differ between the three.
"""
from __future__ import annotations

DESIGNS = (
    "meta-analysis", "systematic review", "scoping review", "narrative review", "guideline",
    "randomised controlled trial", "non-randomised controlled trial", "cohort", "case-control",
    "cross-sectional", "case series", "case report", "qualitative", "diagnostic accuracy",
    "economic evaluation", "protocol", "lab/animal/experimental", "editorial/commentary/letter", "other",
)
RESEARCH_TYPES = ("Review of studies", "Primary study", "Expert review", "Guideline", "Opinion", "Study protocol")
EVIDENCE = ("Strong", "Moderate", "Limited", "Very limited")  # strongest first
VERDICTS = ("Supports", "Mixed picture", "No clear difference", "Does not support", "Too early to tell")
TOPICS = (
    "Exercise & Loading", "Pain Science & Education", "Manual Therapy", "Passive Treatments",
    "Medication & Injections", "Surgery vs Rehabilitation", "Imaging & Diagnosis", "Psychological Factors",
    "Lifestyle", "Work & Function", "Digital & Remote Care", "Prognosis & Risk",
)
BODY_REGIONS = ("low back", "neck", "shoulder", "elbow", "wrist & hand", "hip", "knee", "ankle & foot",
                "widespread pain", "general")
CARD_STATUSES = ("draft", "in_review", "published")
