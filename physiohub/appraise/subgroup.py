"""A result the abstract reports as limited to a subgroup, so that no card line states it as general.

"The odds ratio was 2.2 (95% CI 1.4, 3.4) in people aged 80 or over and 1.3 (95% CI 0.9, 1.9) in those under
80": the link is statistically clear in one group only. A key point "X was clearly associated with Y" taken from
the authors' overall sentence then says more than the study shows for most readers; it must say where the
result held ("..., but only in people aged 80 or over; in people under 80 the link was not statistically
clear"). Read from the estimates with their confidence intervals (a ratio's interval excludes 1, a difference's
excludes 0) and from the authors' own words ("significant only in women", "but not in men").

The groups' words come from the source sentence, with three changes of wording only: comparison signs written out
("≥ 80 years" -> "80 years or over"), "subjects" said as "people", and two kinds of one condition named as "in people
with chronic / episodic tension-type headache"; the numbers stay the source's. Groups are groups of people, never the
arms of a trial, and a group counts only beside a statistic that shows where the result was clear (an interval, a
p-value, "significant", "no significant").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_NUM = r"-?\d+(?:\.\d+)?"
# "2.2 (95% CI 1.4, 3.4)", "2.2 [95% CI: 1.4-3.4]", "2.2, 95% CI 1.4 to 3.4"
_EST = re.compile(rf"(?P<est>{_NUM})\s*(?:\(|\[|,)\s*(?:95\s*%\s*(?:CI|confidence intervals?|C\.I\.)\s*[:=,]?\s*)"
                  rf"(?P<lo>{_NUM})\s*(?:,|–|—|-|to)\s*(?P<hi>{_NUM})\s*[)\]]?", re.I)
# the group named right after the estimate: "in subjects aged > or = 80 years", "among women", "for those with diabetes"
_AFTER = re.compile(r"^\s*,?\s*(?P<sub>(?:in|among|for) (?!(?:the |this |our )?(?:study|trial|analysis|cohort|model|total)\b)"
                    r"[^,;()\[\]]{2,70}?)(?=\s*(?:,|;|\.(?!\d)|\)|\band\b|\bbut\b|\bwhereas\b|\bwhile\b|\bcompared\b|$))", re.I)
_RATIO = re.compile(r"\b(?:odds|hazard|risk|rate|incidence rate) ratios?\b|\brelative risks?\b|(?-i:\b(?:a?OR|a?RR|a?HR|IRR)s?\b)", re.I)
_DIFFERENCE = re.compile(r"\b(?:mean |standardi[sz]ed mean |risk )?differences?\b|(?-i:\b(?:MD|SMD|RD)\b)", re.I)
# "significant only in women", "associated ... only among smokers"
_ONLY_IN = re.compile(r"\b(?:significant\w*|associated|association|linked|related|effective|benefit\w*|improv\w+|reduc\w+|"
                      r"increas\w+|present|observed|found|seen|evident)\b"
                      r"[^.;]{0,80}?\bonly (?P<sub>(?:in|among|for) [^,;()]{2,60}?)(?=\s*(?:,|;|\.(?!\d)|\band\b|\bbut\b|$))", re.I)
_BUT_NOT = re.compile(r"\bbut not (?P<sub>(?:in|among|for) [^,;()]{2,60}?)(?=\s*(?:,|;|\.(?!\d)|$))", re.I)
_TIME_UNIT = r"(?P<unit>\s*(?:years?|yrs?|months?|weeks?|days?)\b)(?!\s+(?:old|of age)\b)"
_BEFORE = r"(?<![\w.<>=≤≥])"  # a sign of its own, not "-0.170<A<0.082"
_GE = r"(?:≥|>=|=>|≧|>\s*or\s*=|greater than or equal to)"
_LE = r"(?:≤|<=|=<|≦|<\s*or\s*=|less than or equal to)"
_SIGNS = [
    # "aged ≥ 80 years" -> "aged 80 years or over"; "≥ 1 mm" -> "at least 1 mm"
    (re.compile(rf"{_BEFORE}{_GE}\s*(?P<n>{_NUM}){_TIME_UNIT}"), lambda m: f"{m.group('n')}{m.group('unit')} or over"),
    (re.compile(rf"{_BEFORE}{_LE}\s*(?P<n>{_NUM}){_TIME_UNIT}"), lambda m: f"{m.group('n')}{m.group('unit')} or under"),
    (re.compile(rf"{_BEFORE}{_GE}\s*(?P<n>{_NUM})"), lambda m: f"at least {m.group('n')}"),
    (re.compile(rf"{_BEFORE}{_LE}\s*(?P<n>{_NUM})"), lambda m: f"at most {m.group('n')}"),
    (re.compile(rf"{_BEFORE}<\s*(?P<n>{_NUM})"), lambda m: f"under {m.group('n')}"),
    (re.compile(rf"{_BEFORE}>\s*(?P<n>{_NUM})"), lambda m: f"over {m.group('n')}"),
]


_INTERACTION_ASIDE = re.compile(r",? with an? (?:clear |significant |statistically (?:clear |significant ))?interaction "
                                r"(?:with|by) [\w-]+(?: [\w-]+)?(?=[,;.]|$)", re.I)


def plain_signs(text: str) -> str:
    """Comparison signs written out ("aged <80 years" -> "aged under 80 years"), in a line with no p-values."""
    if re.search(r"\bp\s*[<>≤≥=]", text, re.I):
        return text
    for rx, fn in _SIGNS:
        text = rx.sub(fn, text)
    return re.sub(r"\bat at (least|most)\b", r"at \1", text)


def plain_group(sub: str) -> str:
    """'in subjects aged > or = 80 years' -> 'in subjects aged 80 years or over'; the words stay the source's."""
    out = re.sub(r"\s+", " ", sub).strip(" ,")
    out = re.sub(r"^(In|Among|For)\b", lambda m: m.group(1).lower(), out)  # "In women, ..." opened its sentence
    out = re.sub(r"\s+(?:compared (?:with|to)|versus|vs\.?)\s.*$", "", out)  # "in current smokers compared with never smokers"
    for rx, fn in _SIGNS:
        out = rx.sub(fn, out)
    out = re.sub(r"\bsubjects\b", "people", out)  # the card's word for them
    return re.sub(r"\s+", " ", out).strip()


@dataclass
class SubgroupLimit:
    clear: list[str] = field(default_factory=list)      # groups where the result was statistically clear
    unclear: list[str] = field(default_factory=list)    # groups where it was not
    sentence_ids: list[str] = field(default_factory=list)
    topic: str = ""  # the result sentences that speak of these groups: what the limited result is about

    def words(self) -> set[str]:
        """The words that name the groups (a line naming one of them is not a general statement)."""
        stop = {"in", "among", "for", "the", "those", "subjects", "participants", "patients", "people", "with", "who",
                "aged", "years", "year", "or", "over", "under", "and", "of", "a", "an"}
        return {w for g in self.clear + self.unclear for w in re.findall(r"[a-z0-9]+", g.lower()) if w not in stop}


# "1.08 (0.85-1.37) for men" after "1.45 (95% CI 1.10-1.91) for women": the interval's name given once
_EST_BARE = re.compile(rf"(?P<est>{_NUM})\s*\(\s*(?P<lo>{_NUM})\s*(?:,|–|—|-|to)\s*(?P<hi>{_NUM})\s*\)")
_NAMES_CI = re.compile(r"95\s*%\s*(?:CI|confidence intervals?)", re.I)


def _estimates(text: str) -> list[tuple[float, float, float, str]]:
    out = []
    found = list(_EST.finditer(text))
    if found and _NAMES_CI.search(text):
        spans = [m.span() for m in found]
        found += [m for m in _EST_BARE.finditer(text) if not any(a <= m.start() < b for a, b in spans)]
    for m in found:
        after = _AFTER.match(text[m.end():])
        if not after:
            continue
        lo, hi = float(m.group("lo")), float(m.group("hi"))
        if lo > hi:
            lo, hi = hi, lo
        out.append((float(m.group("est")), lo, hi, plain_group(after.group("sub"))))
    return out


# An arm of a trial ("in the exercise group", "in the controls", "in patients receiving X") or a lab sample is no subgroup of
# the people a finding is about: "improved only in the exercise group" is the trial's comparison itself.
_ARM = re.compile(r"\b(?:groups?|arms?|controls?|treated|receiving|received|allocated|assigned|randomi[sz]ed|placebo|"
                  r"intervention|cells?|cell line|assays?|samples?|tissues?|mice|rats|models?|condition)\b", re.I)
# "(OR)", "(95% CI)": a name in brackets inside a statistic, which would hide the statistic's own brackets
_NAME_IN_BRACKETS = re.compile(r"\s*\((?:a?OR|CI|HR|RR|IRR|95\s*%\s*CI)\)", re.I)
_GROUP = r"(?P<sub>\b(?:in|among) (?!(?:the |this |our )?(?:study|trial|analysis|cohort|model|total|whole)\b)[^,;()]{2,60}?)"
# "in women (odds ratio 1.9, 95% CI 1.3 to 2.8)"
_GROUP_CI = re.compile(_GROUP + r"\s*[(\[][^()\[\]]*?95\s*%\s*(?:CI|confidence intervals?)\s*[:=,]?\s*(?P<lo>-?\d+(?:\.\d+)?)\s*"
                       r"(?:,|–|—|-|to)\s*(?P<hi>-?\d+(?:\.\d+)?)\s*[)\]]", re.I)
# "in women (P = 0.01)"
_GROUP_P = re.compile(_GROUP + r"\s*\(\s*p\s*(?P<op>[<=>≤≥])\s*(?P<p>0?\.\d+)\s*\)", re.I)
# "significantly ... in chronic, but not in episodic, tension-type headache"
_SHARED_NOUN = re.compile(r"\b(?:significant\w*|associated|linked|effective)\b(?:[^.;]|\.\d){0,140}?\bin (?P<a>[\w-]+), but not in "
                          r"(?P<b>[\w-]+), (?P<noun>[\w-]+(?: [\w-]+){0,3}?)(?=\s*(?:[.;,]|$))", re.I)
_SIG_BUT = re.compile(r"\b(?:significant\w*|associated|linked|related|correlated)\b[^.;]{0,80}?" + _GROUP +
                      r"\s*(?:\([^()]*\))?,? but not (?P<not>(?:in|among) [^,;()]{2,60}?)\s*(?:\([^()]*\))?(?=\s*(?:,|;|\.(?!\d)|$))", re.I)
# "In women, bone scores were significantly lower ..." / "In men, there was no significant difference ..."
_LEADING_GROUP = re.compile(r"^\s*(?P<sub>(?:In|Among) (?!(?:the |this |our |both |all |each )?(?:study|trial|analysis|"
                            r"cohort|model|total|whole|addition|contrast|summary|conclusion|general|particular|comparison)\b)"
                            r"[^,;()]{2,50}?),\s+(?P<rest>.+)$")
_CLEAR = re.compile(r"\bsignifican\w*|\bclearly\b|\bp\s*[<≤]\s*0?\.0[0-5]\d*", re.I)
_NOT_CLEAR = re.compile(r"\b(?:no|not|nor|neither)\b[^.;]{0,40}\b(?:significan\w*|differ\w*|associat\w*|change\w*)|"
                        r"\bdid not\b|\bp\s*[=>≥]\s*0?\.(?:0[6-9]|[1-9])", re.I)


# A group of people says who: "in women", "among those with baseline A1C at least 8%", "in subjects aged 80 or over"
# ("in cost", "in depression", "in multivariate analyses" name an outcome or an analysis, not people)
_PEOPLE = re.compile(r"\b(?:men|women|males?|females?|boys|girls|children|adolescents|adults|elderly|older|younger|people|"
                     r"persons|patients|subjects|participants|individuals|those|smokers|non-?smokers|users|non-?users|drinkers|"
                     r"athletes|workers|survivors|cases|aged|ages?|years?|with|without|who|[a-z]+(?:ers|ists|ians|ants|ents))\b", re.I)
_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|did|showed)\b", re.I)


def _group_ok(group: str) -> bool:
    return bool(group) and not _ARM.search(group) and not _VERB.search(group) and bool(_PEOPLE.search(group)) \
        and len(group.split()) <= 10


def _limit(clear: list[str], unclear: list[str], ids: list[str]) -> SubgroupLimit | None:
    clear = list(dict.fromkeys(plain_group(g) for g in clear if _group_ok(g)))
    unclear = list(dict.fromkeys(plain_group(g) for g in unclear if _group_ok(g)))
    if not clear or set(clear) & set(unclear):
        return None
    return SubgroupLimit(clear, unclear, ids)


def _by_interval(text: str) -> SubgroupLimit | None:
    est = [(lo, hi, g) for _, lo, hi, g in _estimates(text)]
    est += [] if len(est) >= 2 else [(min(float(m.group("lo")), float(m.group("hi"))), max(float(m.group("lo")), float(m.group("hi"))),
             plain_group(m.group("sub"))) for m in _GROUP_CI.finditer(text)]
    if len({g for _, _, g in est}) < 2:
        return None
    null = 1.0 if _RATIO.search(text) else 0.0 if _DIFFERENCE.search(text) else None
    if null is None:
        return None
    clear = [g for lo, hi, g in est if lo > null or hi < null]
    unclear = [g for lo, hi, g in est if lo <= null <= hi]
    return _limit(clear, unclear, []) if unclear else None


def _by_p(text: str) -> SubgroupLimit | None:
    clear, unclear = [], []
    for m in _GROUP_P.finditer(text):
        p, op = float(m.group("p")), m.group("op")
        if op in "<≤" and p <= 0.05 or op == "=" and p < 0.05:
            clear.append(m.group("sub"))
        elif p > 0.05 and op in "=>≥":
            unclear.append(m.group("sub"))
    return _limit(clear, unclear, []) if clear and unclear else None


_CLAUSES = re.compile(r";\s+|,\s+(?:whereas|while|but)\s+|\s+whereas\s+", re.I)
_CLAUSE_GROUP = re.compile(r"^\s*(?:and\s+)?(?P<sub>(?:in|among|for) [^,;()]{2,60}?)(?:,\s+|\s+(?=(?:it|they|this|that|there|"
                           r"the (?:odds|risk|hazard|rate|mean|association|link|effect|difference))\b))(?P<rest>.+)$", re.I)
_INTERVAL = re.compile(rf"95\s*%\s*(?:CI|confidence intervals?)\s*[:=,]?\s*(?P<lo>{_NUM})\s*(?:,|–|—|-|to)\s*(?P<hi>{_NUM})", re.I)


def _by_clause(text: str) -> SubgroupLimit | None:
    """ "In people over 60, exercise significantly reduced falls (RR 0.72, 95% CI 0.58-0.89); in younger people, no
    significant effect was found (...)": one clause per group, each opening on its group."""
    null = 1.0 if _RATIO.search(text) else 0.0 if _DIFFERENCE.search(text) else None
    clear, unclear = [], []
    for clause in _CLAUSES.split(text):
        m = _CLAUSE_GROUP.match(clause)
        if not m:
            continue
        ci = _INTERVAL.search(m.group("rest"))
        if ci and null is not None:
            lo, hi = sorted((float(ci.group("lo")), float(ci.group("hi"))))
            (unclear if lo <= null <= hi else clear).append(m.group("sub"))
        elif _NOT_CLEAR.search(m.group("rest")):
            unclear.append(m.group("sub"))
        elif _CLEAR.search(m.group("rest")):
            clear.append(m.group("sub"))
    return _limit(clear, unclear, []) if clear and unclear else None


def subgroup_limit(sentences: list[tuple[str, str]]) -> SubgroupLimit | None:
    """From (id, text) result sentences: the groups in which the result was and was not statistically clear, when
    the abstract reports it clear in some and not in others; None when it does not. Groups are groups of people
    (age, sex, a condition's type, an exposure's level), never the arms of a trial."""
    found = _find_limit(sentences)
    if found:
        words = found.words()
        ids = [sid for sid, _ in sentences]
        first = min(ids.index(i) for i in found.sentence_ids)
        # "Opioid use was associated with falls. In women, the hazard ratio was ...": the sentence before the groups'
        # results says what they are results of
        before = {ids[first - 1]} if first > 0 else set()
        found.topic = " ".join(t for sid, t in sentences if sid in found.sentence_ids or sid in before
                               or words & set(re.findall(r"[a-z0-9]+", t.lower())))
    return found


def _find_limit(sentences: list[tuple[str, str]]) -> SubgroupLimit | None:
    for sid, raw in sentences:
        text = _NAME_IN_BRACKETS.sub("", raw)
        found = _by_interval(text) or _by_p(text)
        if not found:
            m = _SHARED_NOUN.search(text)
            if m:
                found = _limit([f"in people with {m.group('a')} {m.group('noun')}"],
                               [f"in people with {m.group('b')} {m.group('noun')}"], [])
        if not found:
            m = _SIG_BUT.search(text)
            if m:
                found = _limit([m.group("sub")], [m.group("not")], [])
        if not found:
            only = _ONLY_IN.search(text)
            # "a transversion was found only in USH1B patients" describes where something occurs; a tested result by
            # group speaks of significance, an association or an effect
            tested = re.search(r"\bsignifican|\bassociat|\beffect|\blink|\bp\s*[<=≤]|95\s*%", text, re.I)
            if only and tested and not re.search(r"\bnot\b[^.;]{0,30}\bonly\b", text, re.I):
                but = _BUT_NOT.search(text)
                found = _limit([only.group("sub")], [but.group("sub")] if but else [], [])
        if not found:
            found = _by_clause(text)
        if found:
            found.sentence_ids = [sid]
            return found
    # One sentence per group: "In women, ... significantly lower ..." and "In men, there was no significant difference".
    clear, unclear, ids = [], [], []
    for sid, text in sentences:
        m = _LEADING_GROUP.match(text)
        if not m:
            continue
        if _NOT_CLEAR.search(m.group("rest")):
            unclear.append(m.group("sub")); ids.append(sid)
        elif _CLEAR.search(m.group("rest")):
            clear.append(m.group("sub")); ids.append(sid)
    if clear and unclear:
        return _limit(clear, unclear, ids)
    return None


_GENERAL_CLAIM = re.compile(r"\b(?:clearly|clear|significantly|significant|associated|linked|related|rais\w+|lower\w*|"
                            r"increas\w+|reduc\w+|decreas\w+|higher|more|less|improv\w+|better|worse|helps?|benefit\w*|"
                            r"effective)\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|neither|nor|without)\b", re.I)
_NOT_TOPIC = {"ratio", "ratios", "adjusted", "subjects", "patients", "people", "participants", "confidence", "interval",
              "exposed", "years", "those", "which", "there", "their", "among", "significant", "significantly", "clearly",
              "statistically", "associated", "higher", "lower", "compared", "group", "groups", "moreover", "difference",
              "differences", "levels", "results", "showed", "found", "observed", "between", "women", "children", "adults",
              "with", "that", "this", "than", "were", "more", "less", "most", "also", "have", "been", "both", "from", "when",
              "into", "over", "under", "only", "each", "same", "after", "before", "linked", "clear", "risk", "time",
              # what any result is about: no topic of its own
              "effect", "effects", "value", "values", "score", "scores", "rate", "rates", "outcome", "outcomes",
              "measure", "measures", "change", "changes", "total", "overall", "treatment", "treatments", "intervention",
              "interventions", "study", "trial", "data", "analysis", "patient", "unfavorable", "favorable",
              "borderline", "baseline", "odds", "likely", "association", "relationship", "related", "correlated"}


_NULL_CLAIM = re.compile(r"\bno (?:clear |statistically clear |significant )?(?:link|association|difference|relationship|effect)|"
                         r"\bnot (?:clearly |significantly )?(?:linked|associated|related|different)\b|"
                         r"\blittle or no (?:clear )?difference\b", re.I)


def generalises(point: str, limit: SubgroupLimit, topic_text: str) -> bool:
    """Does this line state, without naming any of the groups, a clear result on what the subgroup sentence is
    about (two or more of its content words)?"""
    low = point.lower()
    if not _GENERAL_CLAIM.search(point) or _NEGATED.search(point):
        return False
    return _on_topic(low, limit, topic_text)


def denies_generally(point: str, limit: SubgroupLimit, topic_text: str) -> bool:
    """Does this line say there was no link or difference, for everyone, on what the groups' results are about, while
    the result was clear in one group ("No clear link was found between diabetes and grip strength" beside a clear
    link in women)?"""
    return bool(_NULL_CLAIM.search(point)) and _on_topic(point.lower(), limit, topic_text)


def _on_topic(low: str, limit: SubgroupLimit, topic_text: str) -> bool:
    words = set(re.findall(r"[a-z0-9]+", low))
    if words & limit.words() or re.search(r"\b(?:only|subgroups?|aged|older|younger)\b", low):
        return False
    content = {w for w in re.findall(r"[a-z]{4,}", topic_text.lower())} - _NOT_TOPIC
    said = {w for w in re.findall(r"[a-z]{4,}", low)} - _NOT_TOPIC
    # "prediabetes" in the line, "pre-diabetes" in the results: one word holding the other counts
    return sum(1 for w in said if any(w == c or (len(c) >= 6 and c in w) or (len(w) >= 6 and w in c) for c in content)) >= 2


def limited_line(point: str, limit: SubgroupLimit, association: bool) -> str:
    """The general line with the groups it held in, and those it did not; a line that found nothing overall keeps its
    words and says where the result was clear."""
    what = "link" if association else "difference"
    if _NULL_CLAIM.search(point):
        return point.rstrip().rstrip(".") + "; " + limit_sentence(limit, association, by_group=True)[0].lower() + \
            limit_sentence(limit, association, by_group=True)[1:]
    # ", with a clear interaction with age": the model's word for what the groups now say plainly
    head = _INTERACTION_ASIDE.sub("", point.rstrip().rstrip("."))
    clear = " and ".join(limit.clear)
    out = f"{head}, but only {clear}"
    if limit.unclear:
        out += f"; {' and '.join(limit.unclear)} the {what} was not statistically clear"
    return out + "."


def limit_sentence(limit: SubgroupLimit, association: bool, by_group: bool = False) -> str:
    """One line for the upshot and the patients' note: where the result held and where it did not ("By group, ..."
    after a line that found no link overall)."""
    what = "link" if association else "difference"
    s = f"{'By group, the' if by_group else 'The'} {what} was statistically clear only {' and '.join(limit.clear)}"
    if limit.unclear:
        s += f", not {' and '.join(limit.unclear)}"
    return s + "."

