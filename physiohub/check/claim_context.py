"""The research an article was last describing: a result that names no design takes that research's design
and year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .claim_designs import STATED_DESIGNS, stated_design, year_of
from .claim_followups import FINDINGS_HEADING
from .document import Sentence

# Claims found as headlines: what they state is theirs, the research under them is not (README: a headline's design
# is the one it names).
HEADLINE_CUES = ("a headline stating", "a page title stating")
# A sentence that points back at research already described: "the researchers", "the authors", "these findings",
# "this study", "In the trial", "They found".
_BACK_REFERENCE = re.compile(
    r"\b(?:the|these|those|this|that|its|their|our|such)\s+(?:\w+\s+)?(?:stud(?:y|ies)|research|trials?|analys[ie]s|review|"
    r"paper|report|findings|results?|data|researchers|authors|investigators|team|scientists|evidence)\b"
    # ("A systematic review is when ... This one is built only on randomised trials": the review again, and what it holds)
    r"|^(?:this|that|the latter) one\b", re.I)


# ... whose generic word is the research's output, not research in general: "these findings", "the data" (while
# "this research" and "the evidence" keep their own word)
_BACK_RESULTS = re.compile(r"(?:\b(?:the|these|those|its|their|our|such|his|her)\s+(?:\w+\s+)?|\b\w+['\u2019]s\s+|^(?:\w+,\s*)?)"
                           r"(?:findings|results?|data)\b", re.I)
# A recommendation or figure of a guideline or an organisation is its own source, not a result of the study before it.
GUIDANCE = re.compile(r"\bguidelines?\b|\b(?:estimates?|estimated)\b|\b(?:organi[sz]ation|foundation|society|association|"
                      r"college|institute|agency)\b"
                      # ... and so is research introduced by who did it: "Researchers at <university> have shown",
                      # "researchers in Australia reported in 2014" (not "the researchers in the trial")
                      r"|\b(?:researchers|scientists|(?:a|an) (?:[\w-]+ ){0,2}(?:doctor|professor|researcher|scientist|team)) "
                      r"(?:(?:at|from) (?:the |a |an )?\w|in (?-i:[A-Z]))", re.I)


@dataclass
class Context:
    """The research an article was last describing: where it was named and its year and design."""

    at: int
    paragraph: int
    heading: str
    design: str
    year: int | None


# Studies counted as what was analysed ("Researchers analysed 35 peer-reviewed trials on ...", "pooled data from 13
# studies"): the research is a review of them, and the results that follow are the review's, not a trial's.
_POOLED = re.compile(r"\b(?:analy[sz]ed|pooled|reviewed|examined|looked at|combined|included|assessed|evaluated|screened|"
                     r"went through|sifted through)\s+(?:the\s+)?(?:(?:data|results|evidence|findings) (?:from|of)\s+)?(?:the\s+)?"
                     r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|scores of|hundreds of|"
                     r"several|many|multiple)\s+(?:[\w-]+\s+){0,3}?(?:trials|studies|papers|RCTs)\b", re.I)


def context_of(s: Sentence, i: int, current: "Context | None") -> "Context | None":
    """The context after sentence ``i``, which names research: its design and year (a back-reference such as "this
    study" keeps the current context when it names nothing more specific; 'research' or 'evidence' in general
    ("Some research has suggested ...") names no study whose results could follow)."""
    design = stated_design(s.text)
    if design is None or design == "research":
        return current
    if _POOLED.search(s.text) and design not in ("meta-analysis", "systematic review", "review"):
        # the method of the research described before, in words of the studies it pooled: that research stays the
        # context (a review stays a review, and "the study" that pooled them stays as the page calls it)
        return current if current is None else Context(i, s.paragraph, s.heading, current.design, current.year)
    if current is not None and _BACK_REFERENCE.search(s.text) and _RANK[design] >= _RANK[current.design]:
        return Context(i, s.paragraph, s.heading, current.design, current.year)
    return Context(i, s.paragraph, s.heading, design, year_of(s.text))


def after_claim(s: Sentence, i: int, design: str, year: int | None, current: "Context | None") -> Context:
    """The context after a claim with a design: its own research, unless it speaks of a part of the research already
    described ("Eighty-one of the trials compared ..." after a review of 108 trials) with a less specific word, which
    leaves the results after it to that research."""
    if (current is not None and _BACK_REFERENCE.search(s.text) and _RANK[design] > _RANK[current.design]
            and in_context(current, s, i)):
        return Context(i, s.paragraph, s.heading, current.design, current.year)
    return Context(i, s.paragraph, s.heading, design, year)


def in_context(context: Context, s: Sentence, i: int) -> bool:
    """Is the described research still what sentence ``i`` speaks of: under the same heading and not long after."""
    return (context.heading == s.heading or bool(FINDINGS_HEADING.search(s.heading))) and i - context.at <= _CONTEXT_SPAN


_CONTEXT_SPAN = 12   # sentences


def from_context(text: str, year: int | None, design: str | None, context: Context,
                 inherited: bool = False) -> tuple[int | None, str | None]:
    """A result that names no design is a result of the research described before it ("After 12 weeks both groups
    improved", "The authors concluded ..."); one that points back at it with a generic word ("this study", "these
    findings") takes the more specific design the research was described with."""
    if design is None:
        return year or context.year, context.design
    if (_RANK[context.design] < _RANK[design]
            and ((design == "study" and (inherited or _BACK_REFERENCE.search(text)))
                 or (design == "research" and _BACK_RESULTS.search(text)))):
        return year or context.year, context.design
    return year, design


_RANK = {name: n for n, (name, _) in enumerate(STATED_DESIGNS)}
