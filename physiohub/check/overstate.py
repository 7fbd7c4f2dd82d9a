"""Overstatement flags: causal or certain wording resting on weaker evidence, each with its reason.

Strong wording is either a certainty word ("proves", "cures", "eliminates", "definitely") or a claim
the strength classifier reads as direct causal ("X reduces Y"). It is flagged when what stands behind
it is weaker than the wording:
- the claim itself reports an observational design (cohort, survey): such designs show association,
  not cause — the correlation-to-causation exaggeration Yu et al. (2020) found in 22% of press releases;
- the best matching study is observational, or its evidence is Limited or Very limited;
- the claim rests on a single small study (fewer than 50 participants);
- the claim cites a stronger design than the hub holds ("a meta-analysis proves" matched only by a
  trial, "studies prove" matched by one study).
Certainty words are flagged on any of these; direct causal wording only on the first three, because
"exercise reduces pain" is fair wording for a trial or a review of trials.
"""
from __future__ import annotations

import re

from ..appraise.reading import read_sentence
from .claims import Claim

CERTAIN = re.compile(
    r"\b(?:prove[sd]?|proven|proof|cures?|cured|eliminat(?:e|es|ed)|guarantee[sd]?|definitely|conclusively|"
    r"undeniabl[ey]|without (?:a )?doubt|no doubt|miracle|once and for all|settled|100 ?%|always works|"
    r"fix(?:es|ed)? (?:the )?(?:problem|pain)|reverses?|causes?|caused)\b", re.I)
OBSERVATIONAL = {"cohort", "case-control", "cross-sectional", "case series", "case report", "qualitative"}
CLAIM_OBSERVATIONAL = {"cohort study", "observational study"}
# Rank of the design a claim names / a study has: higher is stronger evidence.
CLAIM_RANK = {"meta-analysis": 4, "systematic review": 4, "randomised trial": 3, "trial": 2, "cohort study": 1,
              "observational study": 1}
STUDY_RANK = {"meta-analysis": 4, "systematic review": 4, "randomised controlled trial": 3,
              "non-randomised controlled trial": 2, "cohort": 1, "case-control": 1, "cross-sectional": 1}
SMALL_N = 50


def _a(noun: str) -> str:
    """The noun with its article as a reader writes it ("an observational study", "a cohort study")."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


# "the leading cause of disability", "a common cause of knee pain": "cause" as a ranking noun, not a claim that
# something causes something.
_CAUSE_NOUN = re.compile(r"\b(?:the|a|an|leading|main|major|common|commonest|top|biggest|frequent|second|third|"
                         r"underlying|single|number one)\s+(?:\w+\s+)?causes?\s+of\b", re.I)
# A share of people ("only 38% of family practitioners talked to ...", "More than half were willing to ...") reports
# how many, not what caused what: without a verb of cause beside it, there is no causal wording to overstate.
_SHARE = re.compile(r"\b(?:\d+(?:\.\d+)?\s*(?:%|percent|per cent)|(?:more|less|fewer) than (?:half|a third|a quarter)|"
                    r"half|a third|a quarter|the majority|a minority|one in (?:two|three|four|five|six|ten|\d+))(?!\w)", re.I)
_CAUSAL_VERB = re.compile(r"\b(?:caus(?:e|es|ed|ing)|lead(?:s|ing)? to|led to|prevent\w*|reduc\w*|improv\w*|increas\w*|"
                          r"decreas\w*|help\w*|benefit\w*|protect\w*|trigger\w*|result(?:s|ed)? in|eas(?:e|es|ed)|reliev\w*|"
                          r"cut|cuts|halv\w*|doubl\w*|lower(?:s|ed)|rais(?:e|es|ed)|drop\w*|boost\w*|slash\w*)\b", re.I)
# ... of people: the share counts people (who were, felt, said, did something), not an effect's size.
_PEOPLE = re.compile(r"\b(?:people|patients|adults|respondents|participants|workers|practitioners|physicians|doctors|nurses|"
                     r"women|men|children|runners|athletes|americans|employees|users|those|surveyed|were|felt|said|reported)\b", re.I)


def certainty_words(text: str) -> list[str]:
    text = _CAUSE_NOUN.sub(lambda m: " " * len(m.group(0)), text)
    return list(dict.fromkeys(m.group(0).lower() for m in CERTAIN.finditer(text)))


def _cause_noun_only(text: str) -> bool:
    """Is "cause" in the sentence only a ranking noun ("the leading cause of disability"), with no verb of cause?"""
    return bool(_CAUSE_NOUN.search(text)) and not _CAUSAL_VERB.search(_CAUSE_NOUN.sub(" ", text))


# A condition people set ("willing to use telehealth if it cut the cost"): a verb of cause inside it is what they would
# want, not an effect the sentence claims.
_CONDITION_CLAUSE = re.compile(r"\b(?:if|unless|provided that|as long as)\b[^,;]*", re.I)


def share_only(text: str) -> bool:
    """Does the sentence give a share of people with no verb of cause (outside a condition they set)?"""
    return bool(_SHARE.search(text)) and bool(_PEOPLE.search(text)) and not _CAUSAL_VERB.search(_CONDITION_CLAUSE.sub(" ", text))


def overstatement(claim: Claim, strength: str, matches: list[dict]) -> list[str]:
    """Reasons the claim overstates its evidence (empty: not flagged)."""
    from .tested import gives_a_figure

    words = certainty_words(claim.text)
    # ("57.4% of participants reported lower back pain" gives a figure: no wording of cause to overstate, whatever the
    # strength classifier reads in it)
    causal = (strength == "direct causal" and not gives_a_figure(claim.text, claim.direction)
              and not share_only(claim.text) and not _cause_noun_only(claim.text)) or any(w.startswith("cause") for w in words)
    if not words and not causal:
        return []
    if claim.direction in ("no difference",) or read_sentence(claim.text).label == "null":
        return []   # "did not cure", "no proof that", "all three groups improved about the same" is not an overclaim
    wording = f"'{words[0]}'" if words else "direct causal wording"
    reasons: list[str] = []
    if claim.design in CLAIM_OBSERVATIONAL:
        reasons.append(f"{wording} for {_a(claim.design)}, which can show an association but not cause and effect")
    best = next((m for m in matches if not m.get("retracted")), matches[0] if matches else None)
    if best:
        design = best.get("design") or ""
        if design in OBSERVATIONAL:
            reasons.append(f"{wording}, but the best matching study is {_a(design)} study (association, not cause)")
        if best.get("evidence") in ("Limited", "Very limited"):
            reasons.append(f"{wording}, but the best matching evidence is rated {best['evidence']}")
        n = best.get("n_participants")
        if n is not None and n < SMALL_N and STUDY_RANK.get(design, 0) < 4:
            if len(matches) == 1 or re.search(r"\b(?:a|one|this|the) (?:small |new |recent )?(?:study|trial)\b", claim.text, re.I):
                reasons.append(f"{wording} resting on a single small study ({n} participants)")
        if words:
            claimed = CLAIM_RANK.get(claim.design or "", 0)
            held = STUDY_RANK.get(design, 0)
            if claimed and held and claimed > held:
                reasons.append(f"{wording} citing {_a(claim.design)}, but the hub's best match is {_a(design)}")
            if re.search(r"\b(?:studies|trials|reviews|research)\b", claim.text, re.I) and len(matches) == 1:
                reasons.append(f"{wording} about 'studies', but the hub holds one matching study")
        if best.get("retracted"):
            reasons.append("the matching study has been retracted")
    return list(dict.fromkeys(reasons))
