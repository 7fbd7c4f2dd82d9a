"""``appraise(record)``: design, evidence, verdict, key numbers, PICO and topics, each with reasons.

The default path is rules only (about a millisecond a record) so it can run inside import.
``appraise_many(records, deep=True)`` adds the trained PICO tagger, batched.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InvalidInput
from ..models import Record
from .design import classify_design, research_type
from .doc import make_doc
from .evidence import grade_ladder
from .numbers import high_risk_of_bias, key_numbers
from .pico import extract_pico
from .topics import classify_topics
from .verdict import decide_verdict, harm_rates_only
from .scope import judge_scope

GENERATOR = "physiohub.appraise.rules"
# Bump when any rule changes what an appraisal says: stored appraisals with another version are redone.
VERSION = "1.18"

_REVIEWS = {"meta-analysis", "systematic review", "scoping review"}


def appraise(record: Record) -> dict[str, Any]:
    """Appraise one record (rules only; cheap enough for import).

    :param record: a ``physiohub.models.Record``.
    :returns: the appraisal dict of the agreed interface (design, evidence, verdict, numbers, PICO, topics),
        with a reason for every field.
    """
    if not isinstance(record, Record):
        raise InvalidInput(f"appraise() needs a Record, not {type(record).__name__}")
    doc = make_doc(record)
    design, design_reasons = classify_design(doc)
    items, head = key_numbers(doc, review=design in _REVIEWS)
    conclusions = doc.conclusion_sentences() if doc.sentences else []
    conclusion_ids = {s.id for s in conclusions}
    conclusion_grades = [it["value"] for it in items if it["kind"] == "grade" and it["sentence"] in conclusion_ids]
    retracted = bool(record.retracted) or "retracted publication" in doc.pub_types
    v = decide_verdict(design, doc.title, conclusions, doc.result_sentences() if doc.sentences else [],
                       doc.aim_sentences() if doc.sentences else [], bool(doc.sentences),
                       methods=doc.body if doc.sentences else [])
    rates_only = harm_rates_only(v.kind, doc.title, doc.abstract)
    evidence, evidence_reasons = grade_ladder(
        design, title=doc.title, abstract=doc.abstract, n_participants=head["n_participants"],
        n_studies=head["n_studies"], grade_levels=head["grade_levels"], conclusion_grades=conclusion_grades,
        risk_of_bias=high_risk_of_bias(doc) if doc.abstract else None, retracted=retracted, rates_only=rates_only,
    )
    topics = classify_topics(doc)
    return {
        "design": design,
        "design_reasons": design_reasons,
        "research_type": research_type(design),
        "evidence": evidence,
        "evidence_reasons": evidence_reasons,
        "verdict": v.verdict,
        "verdict_reasons": v.reasons,
        "verdict_sentences": v.sentence_ids,
        # What kind of question the verdict answers (intervention, association, accuracy, descriptive),
        # whether the abstract stated a readable result, and what the statistics said of the primary
        # outcome: the card words its answer, limitations and flags from these.
        "question_kind": v.kind,
        "verdict_clear": v.clear,
        "primary_null": v.primary_null,
        "benefit_elsewhere": v.benefit_elsewhere,
        "harm_elsewhere": v.harm_elsewhere,
        # A harms study with rates in treated people only: the card says how often, never "a higher risk".
        "harm_rates_only": rates_only,
        "n_participants": head["n_participants"],
        "n_studies": head["n_studies"] if design in _REVIEWS else None,
        "followup": head["followup"],
        "key_numbers": items,
        "grade": head["grade"],
        "pico": extract_pico(doc),
        "topics": topics["topics"],
        "body_regions": topics["body_regions"],
        "conditions": topics["conditions"],
        "topic_reasons": topics["topic_reasons"],
        # In scope for an MSK physiotherapy hub, with its reasons (scope.py): demo publishes only these, and
        # the home page and topic counts show only these.
        **judge_scope(doc, design),
        "retracted": retracted,
        "retraction_notes": list(record.retraction_notes),
        "pico_source": "rules",
        "generator": GENERATOR,
        "version": VERSION,
    }


def appraise_many(records: Iterable[Record], *, deep: bool = False, batch_size: int = 256) -> Iterator[dict[str, Any]]:
    """Appraise records in order. ``deep=True`` replaces the rule PICO spans with the trained tagger's,
    run over batches of ``batch_size`` records (one vectorised call per batch)."""
    if not deep:
        for r in records:
            yield appraise(r)
        return
    from .pico_model import tag_records

    batch: list[Record] = []
    for r in records:
        batch.append(r)
        if len(batch) >= batch_size:
            yield from _deep(batch, tag_records)
            batch = []
    if batch:
        yield from _deep(batch, tag_records)


def _deep(batch: list[Record], tag_records: Any) -> Iterator[dict[str, Any]]:
    spans = tag_records(batch)
    for rec, pico in zip(batch, spans):
        out = appraise(rec)
        # Comparators stay from the rules: EBM-NLP (the model's training data) folds them into interventions.
        pico["comparison"] = out["pico"]["comparison"]
        out["pico"] = pico
        # Same generator and version: the model changes only the PICO spans, and a different generator
        # name would make the import workflow treat these appraisals as stale and redo them by rules.
        out["pico_source"] = "model"
        yield out
