"""The kind of research a sentence names (its design, most specific first) and the year it states.
"""
from __future__ import annotations

import re

from .claim_orgs import ORGANISATION
from .claim_sources import GLUED_FOOTNOTE, citation_marker

# (canonical design, pattern); order = most specific first.
DESIGNS: list[tuple[str, str]] = [
    ("meta-analysis", r"meta[- ]?analys[ie]s|pooled analys[ie]s"),
    ("systematic review", r"systematic(?:al)? (?:literature )?reviews?|cochrane reviews?"),
    ("randomised trial", r"randomi[sz]ed(?:,?(?: and)? (?:controlled|clinical|placebo-controlled|sham-controlled|double-blind(?:ed)?|"
                         r"single-blind(?:ed)?|triple-blind(?:ed)?|(?:assessor|observer)-blind(?:ed)?|blinded|multi-?cent(?:er|re|ric)|"
                         r"parallel(?:-group)?|cross-?over|pragmatic|prospective|open-label|pilot|feasibility|cluster|comparative|"
                         r"confirmatory|non-?inferiority|equivalence|phase (?:ii|iii|iv|2|3|4)))* (?:trials?|stud(?:y|ies))"
                         r"|\bRCTs?\b|controlled trials?"),
    ("cohort study", r"cohort stud(?:y|ies)|(?:prospective|longitudinal|follow-up) stud(?:y|ies)|\bcohorts?\b"),
    ("observational study", r"observational stud(?:y|ies)|cross-sectional stud(?:y|ies)|case[- ]control stud(?:y|ies)|\bsurveys?\b|\bpolls?\b"),
    ("trial", r"(?:clinical |pilot )?\btrials?\b"),
    ("review", r"\b(?:narrative |scoping |umbrella |literature )?reviews?\b|\boverviews?\b|\breviewers\b"),
    ("study", r"\bstud(?:y|ies)\b|\bpapers?\b|\bexperiments?\b|\banalys[ie]s\b"),
    ("research", r"\bresearch\b|\bevidence\b|\bscience\b|\bdata\b|\bfindings\b"),
]
_DESIGN_RE = [(d, re.compile(p, re.I)) for d, p in DESIGNS]
# The designs a claim is given also read these (not the ones that find claims, whose wording stays as it was): "case
# reports" of an injury, "They reviewed 23 studies" (a review).
STATED_DESIGNS: list[tuple[str, str]] = [
    (d, p + r"|\breviewed (?:\w+ ){0,3}?(?:studies|trials|papers)\b" if d == "review" else p) for d, p in DESIGNS]
STATED_DESIGNS.insert([d for d, _ in STATED_DESIGNS].index("trial"), ("case report", r"\bcase (?:reports?|series)\b"))
_STATED_RE = [(d, re.compile(p, re.I)) for d, p in STATED_DESIGNS]
# One alternation of all designs: where in a sentence any research is named.
_ANY_STATED = re.compile("|".join(f"(?:{p})" for _, p in STATED_DESIGNS), re.I)
ANY_DESIGN = re.compile("|".join(f"(?:{p})" for _, p in DESIGNS), re.I)

# A plausible publication year, not part of a larger number ("1,995") or a decimal.
_YEAR = re.compile(r"(?<![\d,.])((?:19[5-9]|20[0-4])\d)(?!\d|,\d)")
# ... and not a count: "2000 participants", "2010 steps".
_NOT_YEAR_AFTER = re.compile(r"\s*(?:participants|people|patients|adults|women|men|children|runners|subjects|"
                             r"volunteers|athletes|workers|players|%|mg|kg|steps|calories|hours|minutes)\b"
                             # a decade ("in the 1990s", "the 2010s") is a period the study looked at, not its year
                             r"|['\u2019]?s\b", re.I)

# "there is strong evidence" states certainty, not a kind of research.
_CERTAINTY = re.compile(r"\b(?:strong|good|moderate|limited|some|little|no|clear|high-quality|low-quality|weak)(?: enough)? evidence\b",
                        re.I)


def design_of(text: str, _designs: list[tuple[str, re.Pattern]] | None = None) -> str | None:
    """The most specific design the text names (``DESIGNS``, or ``_designs``), or None."""
    text = ORGANISATION.sub(" ", GLUED_FOOTNOTE.sub("", text))   # "Association for the Study of Pain" is no study
    # "there is strong evidence" states certainty, not a kind of research
    text = _CERTAINTY.sub(" ", text)
    for name, rx in _DESIGN_RE if _designs is None else _designs:
        if rx.search(text):
            return name
    return None


def stated_design(text: str) -> str | None:
    """The design a claim is given from its words: ``design_of`` with ``STATED_DESIGNS``."""
    return design_of(text, _STATED_RE)


# Where the noun phrase naming a design ends: "a 2012 review | of 159 trials found", "A new study | pooling ...".
_PHRASE_END = re.compile(r"\s(?:of|on|in|into|from|that|which|who|by|at|for|pooling|comparing|including|involving|looking)\s"
                         r"|\s(?:\w+(?:ed|s))\b(?<!\banalyses)(?<!\breviews)(?<!\bstudies)(?<!\btrials)|[,;:.]", re.I)

# A noun phrase that goes on to what the research was made of: "a study pooling ...", "a review of trials".
_MADE_OF = re.compile(r"\s(?:of|pooling|combining|including|from)\s", re.I)


def head_design(text: str) -> str | None:
    """The design of the research a phrase names first ("a 2012 review of 159 trials found" is a review; "Recent
    reviews have found ... and no studies have compared" too), the most specific within that noun phrase ("a
    systematic review and meta-analysis of trials" is a meta-analysis)."""
    clean = ORGANISATION.sub(" ", GLUED_FOOTNOTE.sub("", text))
    # 'research', 'evidence' or 'data' before the design ("the evidence has been mixed, and one large trial suggested",
    # "published in Molecular Cell Research, this study found") is not the research the phrase reports
    m = next((x for x in _ANY_STATED.finditer(clean) if stated_design(x.group(0)) not in (None, "research")), None)
    if m is None:
        return stated_design(text)
    end = _PHRASE_END.search(clean, m.end())
    head = stated_design(clean[m.start():end.start() if end else len(clean)])
    if head == "study" and not (end and _MADE_OF.match(end.group(0))):
        # a generic "study" is told apart by a design named next to it ("The study, a large trial, found"), not by
        # what it was made of ("a study pooling the results of earlier trials")
        return stated_design(text)
    return head


def year_of(text: str) -> int | None:
    """The first year the text states (not a count such as "2000 participants"), or None."""
    for m in _YEAR.finditer(text):
        if (_NOT_YEAR_AFTER.match(text, m.end()) or _PERIOD_BEFORE.search(text, 0, m.start())
                or (_FROM_BEFORE.search(text, 0, m.start()) and _RANGE_AFTER.match(text, m.end()))):
            continue
        return int(m.group(1))
    return None


# A year that bounds a period is no year of the research: "trials published since 2008", "people treated from 1999
# through 2010", "rare until 2007" (the gold's year is null for them).
_PERIOD_BEFORE = re.compile(r"\b(?:since|through|thru|until|till|up to|between|(?:19|20)\d\d\s*(?:and|to|-|\u2013))\s+$", re.I)
# ("a Cochrane review from 2006" is the review's year; "from 1999 through 2010" a period)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:through|thru|to|until|till|-|\u2013)\s*(?:19|20)\d\d", re.I)


def names_research(text: str) -> bool:
    """Does the text name research: a design or a citation marker?"""
    return bool(design_of(text) or citation_marker(text))
