"""The evidence-strength ladder of DESIGN.md, every step written down in plain words.

Start by design, then go down one step for each weakness the record states, then cap at the level the
authors' own GRADE statement gives. Choices where DESIGN.md is silent (documented here and in
docs/benchmarks.md):

- A systematic review or meta-analysis starts at Strong only when it clearly pools randomised trials;
  if it names only observational studies it starts at Limited (no stronger than what it pools), and if
  it does not say what it pooled, at Moderate.
- A scoping review maps rather than appraises evidence: Limited. A guideline that rests on a
  systematic review or GRADE starts at Moderate, otherwise Limited. Diagnostic-accuracy and economic
  studies start at Limited. A design we could not identify starts at Very limited.
- Several GRADE statements: we use those in the conclusion if any, else all, and take the lowest
  ("when in doubt, the weaker badge").
- A retracted publication is Very limited whatever its design.
"""
from __future__ import annotations

import re

LEVELS = ("Very limited", "Limited", "Moderate", "Strong")
_GRADE_LEVEL = {"high": 3, "moderate": 2, "low": 1, "very low": 0}

_REVIEWS = {"meta-analysis", "systematic review"}
_TRIALS = {"randomised controlled trial", "non-randomised controlled trial"}
_START = {
    "randomised controlled trial": (2, "randomised controlled trial"),
    "non-randomised controlled trial": (1, "non-randomised trial"),
    "cohort": (1, "cohort study"),
    "case-control": (1, "case-control study"),
    "cross-sectional": (1, "cross-sectional study"),
    "case series": (1, "case series"),
    "qualitative": (1, "qualitative study"),
    "narrative review": (1, "narrative review (no systematic search)"),
    "scoping review": (1, "scoping review (maps the evidence without appraising it)"),
    "diagnostic accuracy": (1, "diagnostic accuracy study"),
    "economic evaluation": (1, "economic evaluation"),
    "case report": (0, "case report"),
    "editorial/commentary/letter": (0, "opinion piece (editorial, comment or letter)"),
    "lab/animal/experimental": (0, "laboratory, animal or experimental study"),
    "protocol": (0, "study protocol (no results yet)"),
    "other": (0, "design not identified"),
}
# "non-randomised" and "quasi-randomised" are not randomised trials.
_RCT_TEXT = re.compile(r"(?<!non-)(?<!non )(?<!quasi-)\brandomi[sz]ed|\brcts?\b|(?<!non-)(?<!non )\bcontrolled trials\b", re.I)
_OBS_TEXT = re.compile(r"\b(?:observational|cohort|case-control|cross-sectional|prospective|retrospective|"
                       r"non-randomi[sz]ed|longitudinal) (?:studies|designs?|data|evidence)\b", re.I)
_SR_TEXT = re.compile(r"\bsystematic(?:ally)? (?:\w+ )?(?:review|search|searched)|\bgrade\b|\bmeta-?analy", re.I)
_PILOT = re.compile(r"\bpilot\b|\bfeasibility (?:study|trial|randomi[sz]ed)|\bfeasibility and (?:acceptability|safety)\b", re.I)


def _start(design: str, text: str) -> tuple[int, str]:
    if design in _REVIEWS:
        label = "meta-analysis" if design == "meta-analysis" else "systematic review"
        if _RCT_TEXT.search(text):
            return 3, f"{label} of randomised trials"
        if _OBS_TEXT.search(text):
            return 1, f"{label} of observational studies (no stronger than the studies it pools)"
        return 2, f"{label} that does not say it pooled randomised trials"
    if design == "guideline":
        if _SR_TEXT.search(text):
            return 2, "guideline based on a systematic review"
        return 1, "guideline without a stated systematic review"
    return _START.get(design, (0, "design not identified"))


def grade_ladder(design: str, *, title: str, abstract: str, n_participants: int | None,
                 n_studies: int | None, grade_levels: list[str], conclusion_grades: list[str],
                 risk_of_bias: str | None, retracted: bool) -> tuple[str, list[str]]:
    """The evidence level and the reasons, one per step."""
    text = f"{title}\n{abstract}"
    level, why = _start(design, text)
    reasons = [f"Started at {LEVELS[level]}: {why}"]

    def lower(reason: str) -> None:
        nonlocal level
        if level > 0:
            level -= 1
            reasons.append(f"lowered to {LEVELS[level]}: {reason}")
        else:
            reasons.append(f"stays at {LEVELS[level]}: {reason}")

    if design in _TRIALS and n_participants is not None and n_participants < 50:
        lower(f"small sample ({n_participants} participants in total; under 50)")
    if design in _REVIEWS | {"scoping review"}:
        if n_studies is not None and n_studies < 3:
            lower(f"few studies ({n_studies} included; under 3)")
        elif n_participants is not None and n_participants < 200:
            lower(f"small pooled sample ({n_participants} participants; under 200)")
    if design not in ("protocol",) and _PILOT.search(text):
        m = _PILOT.search(text)
        lower(f"pilot or feasibility study (the text says '{m.group(0)}')")
    levels = conclusion_grades or grade_levels
    ranked = [_GRADE_LEVEL[g] for g in levels if g in _GRADE_LEVEL]
    if ranked:
        worst = min(ranked)
        named = next(g for g in levels if _GRADE_LEVEL.get(g) == worst)
        if worst <= 1:
            lower(f"authors rate the certainty of evidence as {named}")
        if level > worst:
            level = worst
            reasons.append(f"lowered to {LEVELS[level]}: authors rate the certainty of evidence as {named} "
                           "(their GRADE rating caps the level)")
    if risk_of_bias:
        lower(f"authors report '{risk_of_bias}'")
    if retracted:
        # Always said, even when the level is already the lowest: readers must see why.
        reasons.append(("set to Very limited" if level > 0 else "stays at Very limited")
                       + ": the publication has been retracted")
        level = 0
    return LEVELS[level], reasons
