"""The evidence badge's reasons in plain words: the whole ladder, or nothing.

The appraisal records its evidence level as steps ("Started at Moderate: randomised controlled trial",
"lowered to Limited: small sample (44 participants in total; under 50)"). A card that quotes only the
first step next to a lower badge misleads, and the raw steps carry thresholds ("under 50") the source
never states. So each step is rewritten here in PhysioHub's own words, with no number but the counts
the card already shows (participants, studies) when the step names exactly those counts. If any step
cannot be put in plain words, the card says the badge alone: a partial ladder is worse than none.
"""
from __future__ import annotations

import re

_STEP = re.compile(r"^(?P<verb>started at|lowered to|stays at|set to)\s+(?P<level>very limited|limited|moderate|strong)"
                   r"\s*:\s*(?P<why>.+)$", re.I)

# How a study type reads after "as": the appraisal's start reasons -> plain words.
_START_PLAIN = (
    (re.compile(r"^(meta-analysis|systematic review) of randomised trials", re.I), "a review of randomised trials"),
    (re.compile(r"^(meta-analysis|systematic review) of observational studies", re.I),
     "a review of observational studies"),
    (re.compile(r"^(meta-analysis|systematic review) that does not say it pooled randomised trials", re.I),
     "a review that does not say it pooled randomised trials"),
    (re.compile(r"^randomised controlled trial", re.I), "a randomised trial"),
    (re.compile(r"^non-randomised trial", re.I), "a trial without random groups"),
    (re.compile(r"^cohort study", re.I), "a study that followed people over time"),
    (re.compile(r"^case-control study", re.I), "a study comparing people with and without the problem"),
    (re.compile(r"^cross-sectional study", re.I), "a one-time survey"),
    (re.compile(r"^case series", re.I), "a report on a few patients"),
    (re.compile(r"^case report", re.I), "a report about one patient"),
    (re.compile(r"^qualitative study", re.I), "an interview study"),
    (re.compile(r"^narrative review", re.I), "an expert overview without a systematic search"),
    (re.compile(r"^scoping review", re.I), "a scoping review"),
    (re.compile(r"^diagnostic accuracy study", re.I), "a study of a test"),
    (re.compile(r"^economic evaluation", re.I), "a study of costs"),
    (re.compile(r"^guideline based on a systematic review", re.I), "a guideline based on a systematic review"),
    (re.compile(r"^guideline without a stated systematic review", re.I), "a guideline without a stated systematic review"),
    (re.compile(r"^opinion piece", re.I), "an opinion piece"),
    (re.compile(r"^laboratory, animal or experimental study", re.I), "a lab or animal study"),
    (re.compile(r"^study protocol", re.I), "a study plan with no results yet"),
    (re.compile(r"^design not identified", re.I), "a study whose design is not clear"),
)


def _because(why: str, n: int | None, k: int | None) -> str | None:
    """One lowering reason in plain words, or None when it is not one we know how to say."""
    m = re.match(r"^small sample \((\d+) participants", why, re.I)
    if m:
        return f"only {n} people took part" if n is not None and int(m.group(1)) == n else "the study was small"
    m = re.match(r"^few studies \((\d+) included", why, re.I)
    if m:
        return f"only {k} studies were included" if k is not None and int(m.group(1)) == k else "few studies were included"
    m = re.match(r"^small pooled sample \((\d+) participants", why, re.I)
    if m:
        return (f"the studies had only {n} people in all" if n is not None and int(m.group(1)) == n
                else "the studies were small")
    if re.match(r"^pilot or feasibility study", why, re.I):
        return "it was a pilot study"
    m = re.match(r"^authors rate the certainty of (?:the )?evidence as (very low|low|moderate|high)", why, re.I)
    if m:
        return f"the authors rate the certainty of the evidence as {m.group(1).lower()}"
    m = re.match(r"^(?:the )?authors report (few or small studies|high risk of bias|low-quality studies|studies of low or uneven quality|"
                 r"(?:few|small|low-quality|heterogeneous)[\w ,-]{0,40}studies)\b", why, re.I)
    if m:
        return f"the authors report {m.group(1).lower()}"
    m = re.match(r"^(?:the )?authors report '([^'\d]{3,60})'", why, re.I)
    if m:
        return f"the authors report {m.group(1).lower()}"
    if re.match(r"^the figures are rates of side effects", why, re.I):
        return "the figures are rates of side effects with no comparison group"
    if re.search(r"retracted", why, re.I):
        return "the paper was retracted"
    return None


def _listed(reasons: list[str]) -> str:
    """Reasons joined once: "the authors report few or small studies, studies of low or uneven quality and
    heterogeneous studies" (a shared "the authors report" is said once), "only 35 people took part and it was a pilot
    study"."""
    items: list[str] = []
    reported: list[str] = []
    for r in reasons:
        m = re.match(r"^the authors report (.+)$", r)
        if m:
            if not reported:
                items.append("")  # its place in the list
            reported.append(m.group(1))
        else:
            items.append(r)
    if reported:
        items[items.index("")] = "the authors report " + _and(reported)
    return _and(items)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def plain_ladder(reasons: list[str], evidence: str, n: int | None = None, k: int | None = None) -> str | None:
    """The ladder as one plain sentence ("It started at moderate as a randomised trial, then was lowered
    to limited because only 44 people took part."), or None when a step cannot be said plainly or the
    steps do not end at the badge. Each reason is said once: several steps down in a row are one clause ("then was
    lowered step by step to very limited because the authors report few or small studies, studies of low or uneven
    quality and heterogeneous studies"), never a chain of "and was lowered to ... because"."""
    if not reasons:
        return None
    head = ""
    groups: list[tuple[str, str, list[str]]] = []  # (verb, level reached, reasons)
    level = None
    for i, r in enumerate(reasons):
        m = _STEP.match((r or "").strip())
        if not m:
            return None
        verb, lv, why = m.group("verb").lower(), m.group("level").lower(), m.group("why").strip()
        if i == 0:
            if verb != "started at":
                return None
            kind = next((plain for rx, plain in _START_PLAIN if rx.match(why)), None)
            if not kind:
                return None
            head = f"It started at {lv} as {kind}"
        else:
            because = _because(why, n, k)
            if not because:
                return None
            if verb == "stays at" and lv != level:
                return None
            if groups and groups[-1][0] == verb and verb in ("lowered to", "stays at"):
                if because not in groups[-1][2]:
                    groups[-1][2].append(because)
                # (the same reason twice, a GRADE rating that lowers, then caps: one step down to the end level)
                groups[-1] = (verb, lv, groups[-1][2])
            else:
                groups.append((verb, lv, [because]))
        level = lv
    if level != evidence.lower():
        return None
    clauses: list[str] = []
    lowered = False
    for j, (verb, lv, why) in enumerate(groups):
        then = "then " if j == 0 else ""
        if verb == "lowered to":
            steps = "step by step " if len(why) > 1 else ""
            clauses.append(f"{then}was lowered {steps}to {lv} because {_listed(why)}")
            lowered = True
        elif verb == "set to":
            clauses.append(f"{then}was set to {lv} because {_listed(why)}")
        else:  # at the lowest level already: the reason is said, no step is
            said = _listed(why)
            if lowered and said.startswith("the authors report ") and any(
                    w.startswith("the authors report ") for g in groups[:j] for w in g[2]):
                said = "they also report " + said[len("the authors report "):]
            clauses.append(f"stays there because {said}")
    text = head
    for j, c in enumerate(clauses):
        text += f", {c}" if c.startswith("then ") else (f" and {c}" if j == 0 else f", and {c}")
    return (text + ".").replace("\u2009", " ")
