"""Which source sentence plays which part: aim, design, population, intervention, comparison,
outcome measures, results, conclusion, limitation, background.

Structured abstracts say it themselves: the NLM category of a section (OBJECTIVE, METHODS, RESULTS,
CONCLUSIONS) and its printed label ("PARTICIPANTS", "INTERVENTIONS", "DESIGN") decide first. Sentences
without a usable label go to the PIBOSO sentence-role model (roles.py), whose "outcome" class covers both
results and conclusions; the conclusion is then the closing run of outcome sentences that speak the
language of conclusions ("suggest", "conclude", "may"), as authors write them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Record
from ..text import Sentence, record_sentences
from . import roles

PARTS = ("background", "aim", "design", "population", "intervention", "comparison", "measures", "setting",
         "results", "conclusion", "back")  # back: registration, funding, citation tails (never card text)

_LABEL_PARTS = [
    (re.compile(r"\b(objective|aim|purpose|goal|question)s?\b", re.I), "aim"),
    (re.compile(r"\bdesign\b", re.I), "design"),
    (re.compile(r"\b(participants?|patients?|subjects?|population|sample)\b", re.I), "population"),
    (re.compile(r"\binterventions?\b", re.I), "intervention"),
    (re.compile(r"\b(main )?outcome (measures?|measurements?)\b", re.I), "measures"),
    (re.compile(r"\bsetting\b", re.I), "setting"),
    (re.compile(r"\b(results?|findings?)\b", re.I), "results"),
    (re.compile(r"\b(conclusions?|interpretation|implications?|discussion)\b", re.I), "conclusion"),
    (re.compile(r"\b(background|introduction|context|rationale)\b", re.I), "background"),
    (re.compile(r"\b(methods?|materials?)\b", re.I), "methods"),
]
_CATEGORY_PARTS = {
    "BACKGROUND": "background", "OBJECTIVE": "aim", "METHODS": "methods", "RESULTS": "results",
    "CONCLUSIONS": "conclusion",
}
_ROLE_PARTS = {
    "background": "background", "study design": "design", "population": "population",
    "intervention": "intervention", "other": "measures", "outcome": "results",
}
AIM_CUE = re.compile(
    r"\b(we aimed|the aims? (of|was|were|is)|the purpose|this study (aimed|sought|examined|investigated|evaluated|assessed)"
    r"|objectives? (of|was|were|is)|to (determine|evaluate|assess|investigate|examine|compare|explore|describe|review|summari[sz]e|identify)\b"
    r"|we (sought|investigated|examined|evaluated|assessed|compared|explored|reviewed|hypothesi[sz]ed)"
    r"|this (narrative |systematic |scoping )?(review|paper|article|study) (summari[sz]es|describes|examines|explores|discusses|reviews))",
    re.I,
)
CONCLUSION_CUE = re.compile(
    r"\b(conclu\w+|suggests?|indicates?|implies|in summary|overall|taken together|these (results|findings|data)"
    r"|our (results|findings|data)|may (be|have|help|improve|reduce|offer|provide)|should|recommend\w*|support\w*"
    r"|evidence|further (research|studies|trials)|remains? (unclear|uncertain))\b",
    re.I,
)
LIMITATION_CUE = re.compile(
    r"\b(limitations?|limited by|small (sample|number)|low[- ](quality|certainty)|very low|high risk of bias"
    r"|risk of bias|heterogene\w+|caution|uncertain\w*|unclear|insufficient|lack of|few (studies|trials|data)"
    r"|further (research|studies|trials) (is|are) (needed|required|warranted)|not (been )?(blinded|randomi[sz]ed)"
    r"|short follow-up|follow-up was short|(sample|study|trial)s? (was|were|is) small|underpowered|preliminary"
    r"|(longer|larger|more|further|high-quality|well-designed) (\w+ )?(trials|studies|research) (is|are) (needed|required|warranted)"
    r"|imprecis\w+|inconsistent)\b",
    re.I,
)
DESIGN_CUE = re.compile(
    r"\b(randomi[sz]ed|controlled trial|systematic review|meta-analys[ie]s|cohort|case-control|cross-sectional"
    r"|retrospective|prospective|case report|case series|qualitative|narrative review|pilot|feasibility"
    r"|double-blind|single-blind|crossover)\b",
    re.I,
)


@dataclass
class Parts:
    sentences: list[Sentence]
    part: dict[str, str] = field(default_factory=dict)          # sentence id -> part
    structured: bool = False
    limitation_ids: list[str] = field(default_factory=list)

    def ids(self, name: str) -> list[str]:
        return [s.id for s in self.sentences if self.part.get(s.id) == name]

    def get(self, name: str) -> list[Sentence]:
        return [s for s in self.sentences if self.part.get(s.id) == name]

    def by_id(self, sid: str) -> Sentence:
        return next(s for s in self.sentences if s.id == sid)


def _label_part(label: str, category: str) -> str | None:
    for rx, part in _LABEL_PARTS:
        if label and rx.search(label):
            return part
    return _CATEGORY_PARTS.get((category or "").upper())


def analyse(record: Record) -> Parts:
    """Assign a part to every abstract sentence."""
    sents = record_sentences(record)
    parts = Parts(sents)
    labelled = {s.id: _label_part(s.section, s.category) for s in sents}
    parts.structured = sum(1 for v in labelled.values() if v) >= max(2, len(sents) // 2)
    probs = roles.predict_proba([s.text for s in sents]) if sents else []
    for s, p in zip(sents, probs):
        role = max(p, key=p.get)
        part = labelled.get(s.id) if parts.structured else None
        if part == "methods" or part is None:
            part = _ROLE_PARTS[role]
            if part == "results" and parts.structured and labelled.get(s.id) == "methods":
                part = "measures"  # a METHODS sentence the model calls "outcome" describes measures
        if part in ("background", "results", "measures") and AIM_CUE.search(s.text) and not _has_stats(s.text):
            part = "aim"
        if part in ("measures", "background", "aim") and DESIGN_CUE.search(s.text) and role == "study design":
            part = "design"
        parts.part[s.id] = "back" if s.back_matter else part
    if not parts.structured:
        _split_conclusion(parts)
    parts.limitation_ids = [
        s.id for s in sents
        # Background and methods sentences are never the study's limitations ("appraised risk of bias").
        if LIMITATION_CUE.search(s.text) and parts.part.get(s.id) in ("results", "conclusion")
    ]
    return parts


def _has_stats(text: str) -> bool:
    return bool(re.search(r"\d", text)) and bool(re.search(r"\b(p\s*[<=>]|CI|OR|RR|HR|SMD|MD|%)", text))


def _split_conclusion(parts: Parts) -> None:
    """In an unstructured abstract, the closing run of outcome sentences with conclusion wording (or the
    very last sentence, when it carries no statistics) concludes."""
    if len(parts.get("results")) < 2:
        return
    for k, s in enumerate(reversed(parts.sentences[-3:])):
        if parts.part.get(s.id) != "results" or _has_stats(s.text):
            break
        if not (CONCLUSION_CUE.search(s.text) or k == 0):
            break
        parts.part[s.id] = "conclusion"


def pico_sentence_ids(sentences: list[Sentence], spans: list[dict]) -> list[str]:
    """Sentence ids covering appraisal PICO/key-number spans (field == "abstract")."""
    out: list[str] = []
    for sp in spans or []:
        a, b, text = sp.get("start", -1), sp.get("end", -1), (sp.get("text") or "").strip()
        if sp.get("field") != "abstract":
            # A title span ("Hip arthroscopy versus best conservative care") rests on the abstract sentence
            # that names it too, if there is one.
            hit = next((s.id for s in sentences if text and text.lower() in s.text.lower()), None)
            if hit and hit not in out:
                out.append(hit)
            continue
        hits = [s.id for s in sentences if (s.start <= a < s.end or s.start < b <= s.end)
                and (not text or text.lower() in s.text.lower())]
        if not hits and text:  # offsets missing or stale: find the span by its text
            hits = [s.id for s in sentences if text.lower() in s.text.lower()][:1]
        out += [h for h in hits if h not in out]
    return out
