"""Verdict from the conclusion and the results, with the sentence ids it rests on.

Each sentence is read for the authors' direction words (checked in this order, because a negated
benefit is not a benefit): a contrast ("improved pain but not function") -> Mixed picture; "no
significant difference" -> No clear difference; "not effective", "no benefit" -> Does not support;
"improved", "effective", "reduced" -> Supports; "feasible", "further trials are needed" alone -> Too
early to tell. Conclusion sentences count double. Supports and no-difference together make a Mixed
picture, as DESIGN.md asks; designs that report no findings (protocols, opinion) are Too early to tell.
"""
from __future__ import annotations

import re
from collections import Counter

from ..text import Sentence



def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p)  # matched against lower-cased sentences: faster than re.IGNORECASE


_MIXED = _rx(r"\bbut not\b|\bnot (?:in|for|at) (?:the )?(?:long|longer|medium)[- ]term|\bonly (?:in|at|for) the short[- ]term|"
             r"\bshort[- ]term (?:\w+ ){0,3}but\b|\binconsistent|\bconflicting|\bmixed (?:results|findings|evidence)|"
             r"\bsmall (?:and|but) (?:uncertain|not|clinically)|\b(?:small|modest|trivial) (?:\w+ )?(?:effects?|benefits?|improvements?)\b|"
             r"\bunclear (?:clinical )?(?:relevance|importance)|\bnot clinically (?:important|relevant|meaningful)|"
             r"\bsome (?:but not all|outcomes)\b|\bwhereas\b[^.]*\bnot\b|\bhowever\b[^.]*\b(?:no|not)\b")
_NO_DIFF = _rx(r"\bno (?:statistically )?significant (?:\w+ ){0,3}(?:differences?|changes?|effects?|improvements?|benefit)|"
               r"\b(?:did|does|do) not (?:\w+ )?(?:differ|improve|reduce|change|affect)|\bnot (?:statistically )?significantly (?:different|better|improved|reduced)|"
               r"\bno (?:\w+ )?differences?\b|\bsimilar (?:\w+ ){0,2}(?:effects?|outcomes?|improvements?|results?|efficacy|effectiveness)|"
               r"\bcomparable\b|\bequally (?:effective|efficacious)|\bnon-?inferior|\bno (?:additional|added|further) (?:benefit|effect)|"
               r"\b(?:was|were|is|are) not (?:superior|more effective|better)|\bno evidence of (?:a )?difference|\bnot (?:statistically )?significant\b|\bdid not reach (?:statistical )?significance|"
               r"\b(?:no|not) different\b|\bnot associated with (?:any )?(?:a )?(?:greater|more|higher|increased|lower|less|reduced)\b|\bas (?:safe and )?(?:effective|efficacious) as\b|\bequally\b")
_AGAINST = _rx(r"\bnot (?!only\b)(?:\w+ ){0,3}?(?:effective|efficacious|beneficial|recommended|supported|justified)\b|\bineffective\b|"
               r"\bno (?:clinically )?(?:\w+ )?(?:benefits?|effects?)\b|\bdoes not support\b|\bshould not be\b|\bno evidence (?:that|of (?:benefit|effect)|to support)|"
               r"\b(?:harmful|detrimental|worse)\b|\bincreased (?:the )?risk of (?:harm|adverse)|\bfailed to (?:improve|reduce|show)|"
               r"\b(?:more|greater|higher|increased) (?:\w+ ){0,3}(?:side effects|adverse (?:events|effects|reactions)|complications|toxicity)\b")
_FOR = _rx(r"\b(?:effective|efficacious|beneficial|superior|improved?s?|improvements?|reduced?s?|reductions?|decreased?|"
           r"benefits?|better|greater|enhanced?|relieve[sd]?|alleviate[sd]?|ameliorate[sd]?|recommended?|supports?|"
           r"protect(?:ion|ive|ed|s)?|successful(?:ly)?|favou?rabl[ey]|"
           r"should be (?:considered|used|offered|recommended)|significant(?:ly)? (?:higher|lower|greater|less|more|improved|reduced|better|increased|decreased|increases?|decreases?|reductions?|improvements?))\b")
_EARLY = _rx(r"\bfeasible\b|\bfeasibility\b|\bpreliminary\b|\bwarrants? (?:further|larger)|\bfurther (?:\w+ )?(?:research|studies|trials) (?:is|are) (?:needed|required|warranted)|"
             r"\blarger (?:\w+ )?(?:trials|studies) (?:are|is) (?:needed|required|warranted)|\bpromising\b|\bmay be (?:a )?(?:useful|helpful|beneficial)")

# The trial's own primary question: when it came out null, a benefit on secondary outcomes or in a
# per-protocol analysis cannot make the verdict "Supports" (CONSORT: the primary outcome is the test).
_PRIMARY = _rx(r"\bprimary (?:\w+ ){0,2}(?:outcomes?|end-?points?|analys[ie]s|comparisons?|efficacy|measures?)\b|\bintention[- ]to[- ]treat\b|\bitt\b")
_SECONDARY = _rx(r"\bsecondary (?:outcomes?|end-?points?|analys[ie]s|measures?)\b|\bper[- ]protocol\b|\bsubgroups?\b|\bpost[- ]hoc\b|\bcompleters?\b")

_TREND = _rx(r"\btended to\b|\ba (?:non-?significant )?trend\b|\bp\s*(?:=|>)\s*0?\.(?:0[5-9]|[1-9])")
_SIG_P = _rx(r"\bp\s*(?:<|=)\s*0?\.0(?:[0-4]|0\d)")

_NO_FINDINGS = {"protocol": "a protocol reports no results yet",
                "editorial/commentary/letter": "an opinion piece reports no findings of its own",
                "case report": "a single case cannot show whether a treatment works",
                "lab/animal/experimental": "a laboratory or animal study cannot show what happens in patients"}


# Equal benefit but fewer harms ("comparable efficacy and better tolerability"): benefit on one measure
# (safety) and no difference on another (efficacy), which DESIGN.md calls a mixed picture.
_SAFER = _rx(r"\b(?:better|superior|improved|more favou?rable) (?:\w+ ){0,2}(?:tolerability|tolerance|safety|adverse (?:event|effect) profile|side[- ]effect profile)|"
             r"\b(?:fewer|less frequent|lower (?:incidence|rates?) of) (?:\w+ ){0,2}(?:adverse|side[- ]effects?|sedation|complications)|\bsafer\b")


def sentence_label(text: str) -> str | None:
    """The direction one sentence states, or None."""
    text = text.lower()
    if _MIXED.search(text) and (_FOR.search(text) or _NO_DIFF.search(text)):
        return "Mixed picture"
    if _SAFER.search(text) and _NO_DIFF.search(text):
        return "Mixed picture"
    if _NO_DIFF.search(text):
        return "No clear difference"
    if _AGAINST.search(text):
        return "Does not support"
    if _FOR.search(text):
        return "Supports"
    if _EARLY.search(text):
        return "Too early to tell"
    return None


def decide_verdict(design: str, conclusions: list[Sentence], results: list[Sentence],
                   has_abstract: bool) -> tuple[str, list[str], list[str]]:
    """(verdict, reasons, sentence ids)."""
    if design in _NO_FINDINGS:
        return "Too early to tell", [_NO_FINDINGS[design]], []
    if not has_abstract:
        return "Too early to tell", ["no abstract to read the findings from"], []
    votes: Counter[str] = Counter()
    used: dict[str, list[str]] = {}
    for weight, sents in ((2, conclusions), (1, results)):
        for s in sents:
            label = sentence_label(s.text)
            if label:
                votes[label] += weight
                used.setdefault(label, []).append(s.id)
        if weight == 2 and votes and sum(votes.values()) >= 2 and len(votes) == 1:
            break  # the conclusion is clear and one-sided: the results need not be read (but see below)
    if not votes:
        return "Too early to tell", ["the conclusion and results state no clear direction"], []
    # Read for a null primary comparison even when the conclusion was clear: a sentence naming the
    # primary outcome that reports no difference, or the sentence right after the primary outcome is
    # named that gives only a trend or a p-value of 0.05 or more ("tended to be longer (p = 0.066)").
    null_primary = [s for s in conclusions + results
                    if _PRIMARY.search(s.text.lower()) and sentence_label(s.text) == "No clear difference"]
    for prev, s in zip(results, results[1:]):
        if _PRIMARY.search(prev.text.lower()) and not _PRIMARY.search(s.text.lower()):
            low = s.text.lower()
            if _TREND.search(low) and not _SIG_P.search(low):
                null_primary.append(s)
            break
    # "The primary outcome did not differ, but pain improved in the per-protocol analysis": both in one sentence.
    both = any(_SECONDARY.search(s.text.lower()) and _FOR.search(s.text.lower()) for s in null_primary)
    if null_primary and (votes["Supports"] or both):
        ids = [s.id for s in null_primary] + used.get("Supports", [])
        return "Mixed picture", ["the primary comparison showed no clear difference; the benefit reported rests on "
                                 "secondary, subgroup or per-protocol results"], sorted(set(ids), key=_sid)
    used_ids = {i for ids in used.values() for i in ids}
    where = "conclusion reports" if any(s.id in used_ids for s in conclusions) else "results report"
    other = "No clear difference" if votes["No clear difference"] else "Does not support"
    if votes["Supports"] and votes[other]:
        ids = used["Supports"] + used[other]
        return "Mixed picture", [f"the {where} benefit on some measures and no clear difference on others"], sorted(set(ids), key=_sid)
    label, _ = votes.most_common(1)[0]
    top = [lab for lab, v in votes.items() if v == votes[label]]
    if len(top) > 1:
        # A tie between directions is itself a mixed picture; with 'too early' it is too early.
        label = "Too early to tell" if "Too early to tell" in top else "Mixed picture"
    ids = used.get(label) or sorted({i for ids in used.values() for i in ids}, key=_sid)
    reasons = {
        "Supports": f"the {where} a benefit",
        "Mixed picture": f"the {where} benefit in some respects but not others, or a small or uncertain effect",
        "No clear difference": f"the {where} no clear difference between the groups",
        "Does not support": f"the {where} no benefit, or harm",
        "Too early to tell": f"the {where} preliminary findings or a need for more research",
    }
    return label, [reasons[label]], sorted(set(ids), key=_sid)


def _sid(sid: str) -> int:
    return int(sid[1:]) if sid[1:].isdigit() else 0
