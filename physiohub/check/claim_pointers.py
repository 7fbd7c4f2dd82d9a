"""Sentences that name research only to point at it or to say what kind of look it takes, with no finding
(found on dev19's first batch, session 11): "The research published in <journal> can be found here.", "The full
study is available online.", "A new report in <journal> makes a careful comparison of therapy and surgery for ...".
A news story or a newsletter ends or opens with such a line; the finding comes in the sentences around it.
"""
from __future__ import annotations

import re

from .claim_words import FINDING, reports_result

_RESEARCH = r"(?:research|study|studies|paper|report|review|trial|analysis|article|findings|results|abstract|full text)"

# Where to read it: "... can be found here", "... is available online", "You can read the full study here".
WHERE_TO_READ = re.compile(
    rf"\b{_RESEARCH}\b[^.;]{{0,80}}?\b(?:can|may) be (?:found|read|viewed|accessed|downloaded|seen)\s+(?:here|online|at|on|via|in full|below)\b"
    rf"|\b{_RESEARCH}\b[^.;]{{0,80}}?\b(?:is|are) (?:freely |openly )?available\s+(?:here|online|at|on|via|in full|below|to read)\b"
    rf"|^(?:you can )?(?:read|see|view|download|access) (?:the|it|this) (?:full |whole |original )?(?:{_RESEARCH}\s+)?(?:here|online)\b",
    re.I)

# What kind of look the research takes: "A new report ... makes a careful comparison of ...", "The review offers an
# overview of ...", "This paper takes a close look at ...".
TAKES_A_LOOK = re.compile(
    rf"\b{_RESEARCH}\b[^.;]{{0,80}}?\b(?:makes|made|offers|offered|provides|provided|gives|gave|takes|took|presents|presented)\s+"
    r"(?:an?|the|its) (?:[\w-]+ ){0,2}?(?:comparison|look|overview|analysis|assessment|review|examination|summary|survey)\s+"
    r"(?:of|at|into|between)\b", re.I)


def points_to_research(text: str) -> bool:
    """A sentence that only says where the research can be read or what kind of look it takes: no finding, no effect."""
    if not (WHERE_TO_READ.search(text) or TAKES_A_LOOK.search(text)):
        return False
    rest = TAKES_A_LOOK.sub(" ", WHERE_TO_READ.sub(" ", text))
    return not reports_result(rest)



# A line that is only a web address: "http://journals.example.org/abstract/2003/11000/effect_of_knee_position.aspx".
_BARE_LINK = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$", re.I)


def bare_link_line(text: str) -> bool:
    """A sentence that is one bare web address and nothing else."""
    return bool(_BARE_LINK.match(text.strip()))


# Research judged or pointed at, not reported (found on dev19's second batch): "X calls the study fascinating, but says he
# thinks ...", "Somehow someone decided to follow only half of what this study concluded." — the finding is not said.
CALLS_IT = re.compile(rf"\bcall(?:s|ed)?\s+(?:the|this|these|that|their|his|her)\s+(?:new\s+|latest\s+|recent\s+)?{_RESEARCH}\s+"
                      r"(?:\w+\s+)?(?:fascinating|interesting|important|intriguing|exciting|flawed|weak|strong|useful|promising|"
                      r"significant|groundbreaking|landmark|surprising|encouraging|disappointing|welcome|timely|robust|small|"
                      r"limited|valuable|impressive|remarkable|compelling|provocative|misleading|good|bad|great|excellent)\b", re.I)
WHAT_IT_FOUND = re.compile(rf"\bwhat (?:the|this|that|these|those|a|their|his|her) (?:\w+ )?{_RESEARCH} "
                           r"(?:concluded|found|showed|said|recommended|suggested|reported)\W*$", re.I)


def research_judged(text: str) -> bool:
    """A sentence that judges research ("calls the study fascinating") or names what it concluded as a mere object at
    its end, stating no finding of its own."""
    if WHAT_IT_FOUND.search(text):
        return not FINDING.search(WHAT_IT_FOUND.sub(" ", text))
    if CALLS_IT.search(text):
        return not FINDING.search(CALLS_IT.sub(" ", text))
    return False



_QUOTES = re.compile(r"[\"\u201c\u201d]")
_ATTRIBUTED = re.compile(r"\b(?:says|said|explains|explained|adds|added|notes|noted|told|wrote|writes|suspects?|thinks?|believes?|"
                         r"according to)\b", re.I)


def quotation_continues(previous: str, text: str) -> bool:
    """``text`` is the next sentence of a quotation the previous claim opened and did not close (a study's abstract
    quoted over two sentences: '"While limiting ... to the hips and the low back. Thus, suitable loading ... the toes."'),
    and it ends the quotation: the quoted source goes on."""
    if _ATTRIBUTED.search(previous) or _ATTRIBUTED.search(text):
        return False   # '"In effect, ...," says the study's leader.' closes the quotation with its attribution
    return (previous.lstrip()[:1] in ('"', "\u201c") and len(_QUOTES.findall(previous)) % 2 == 1
            and len(_QUOTES.findall(text)) % 2 == 1 and bool(re.search(r"[\"\u201d]\W*$", text.strip())))


__all__ = ["CALLS_IT", "TAKES_A_LOOK", "WHAT_IT_FOUND", "WHERE_TO_READ", "bare_link_line", "points_to_research", "quotation_continues", "research_judged"]
