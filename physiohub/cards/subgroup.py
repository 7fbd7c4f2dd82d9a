"""A result the abstract reports as limited to a subgroup, so that no card line states it as general.

"The odds ratio was 2.2 (95% CI 1.4, 3.4) in people aged 80 or over and 1.3 (95% CI 0.9, 1.9) in those under
80": the link is statistically clear in one group only. A key point "X was clearly associated with Y" taken from
the authors' overall sentence then says more than the study shows for most readers; it must say where the
result held ("..., but only in people aged 80 or over; in people under 80 the link was not statistically
clear"). Read from the estimates with their confidence intervals (a ratio's interval excludes 1, a difference's
excludes 0) and from the authors' own words ("significant only in women", "but not in men").

Every word of the groups comes from the source sentence; only comparison signs are written out ("≥ 80 years"
-> "80 years or over"), so the numbers stay the source's.
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
_ONLY_IN = re.compile(r"\b(?:significant\w*|associated|linked|related|effective|benefit\w*|improv\w+|reduc\w+|increas\w+)\b"
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
    for rx, fn in _SIGNS:
        out = rx.sub(fn, out)
    out = re.sub(r"\bsubjects\b", "people", out)  # the card's word for them
    return re.sub(r"\s+", " ", out).strip()


@dataclass
class SubgroupLimit:
    clear: list[str] = field(default_factory=list)      # groups where the result was statistically clear
    unclear: list[str] = field(default_factory=list)    # groups where it was not
    sentence_ids: list[str] = field(default_factory=list)

    def words(self) -> set[str]:
        """The words that name the groups (a line naming one of them is not a general statement)."""
        stop = {"in", "among", "for", "the", "those", "subjects", "participants", "patients", "people", "with", "who",
                "aged", "years", "year", "or", "over", "under", "and", "of", "a", "an"}
        return {w for g in self.clear + self.unclear for w in re.findall(r"[a-z0-9]+", g.lower()) if w not in stop}


def _estimates(text: str) -> list[tuple[float, float, float, str]]:
    out = []
    for m in _EST.finditer(text):
        after = _AFTER.match(text[m.end():])
        if not after:
            continue
        lo, hi = float(m.group("lo")), float(m.group("hi"))
        if lo > hi:
            lo, hi = hi, lo
        out.append((float(m.group("est")), lo, hi, plain_group(after.group("sub"))))
    return out


def subgroup_limit(sentences: list[tuple[str, str]]) -> SubgroupLimit | None:
    """From (id, text) result sentences: the groups in which the result was and was not statistically clear, when
    the abstract reports it clear in some and not in others; None when it does not."""
    for sid, text in sentences:
        est = _estimates(text)
        if len(est) >= 2:
            null = 1.0 if _RATIO.search(text) else 0.0 if _DIFFERENCE.search(text) else None
            if null is not None:
                clear = [g for _, lo, hi, g in est if lo > null or hi < null]
                unclear = [g for _, lo, hi, g in est if lo <= null <= hi]
                if clear and unclear and not set(clear) & set(unclear):
                    return SubgroupLimit(list(dict.fromkeys(clear)), list(dict.fromkeys(unclear)), [sid])
        only = _ONLY_IN.search(text)
        if only and not re.search(r"\bnot\b[^.;]{0,30}\bonly\b", text, re.I):
            but = _BUT_NOT.search(text)
            return SubgroupLimit([plain_group(only.group("sub"))], [plain_group(but.group("sub"))] if but else [], [sid])
        sig_but = re.search(r"\b(?:significant\w*|associated|linked)\b[^.;]{0,80}?\b(?P<sub>(?:in|among) [^,;()]{2,60}?),? but not "
                            r"(?P<not>(?:in|among) [^,;()]{2,60}?)(?=\s*(?:,|;|\.(?!\d)|$))", text, re.I)
        if sig_but:
            return SubgroupLimit([plain_group(sig_but.group("sub"))], [plain_group(sig_but.group("not"))], [sid])
    return None


_GENERAL_CLAIM = re.compile(r"\b(?:clearly|clear|significantly|significant|associated|linked|related|raised|lowered|"
                            r"increased|reduced|decreased|higher|lower|more|less|improved|better|worse)\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|neither|nor|without)\b", re.I)


def generalises(point: str, limit: SubgroupLimit, topic_text: str) -> bool:
    """Does this line state, without naming any of the groups, a clear result on what the subgroup sentence is
    about (two or more of its content words)?"""
    low = point.lower()
    if not _GENERAL_CLAIM.search(point) or _NEGATED.search(point):
        return False
    words = set(re.findall(r"[a-z0-9]+", low))
    if words & limit.words() or re.search(r"\b(?:only|subgroups?|aged|older|younger)\b", low):
        return False
    content = {w for w in re.findall(r"[a-z]{5,}", topic_text.lower())} - {
        "ratio", "ratios", "adjusted", "subjects", "patients", "people", "participants", "confidence", "interval",
        "exposed", "years", "those", "which", "there", "their", "among", "significant", "significantly"}
    return len(content & {w for w in re.findall(r"[a-z]{5,}", low)}) >= 2


def limited_line(point: str, limit: SubgroupLimit, association: bool) -> str:
    """The general line with the groups it held in, and those it did not."""
    what = "link" if association else "difference"
    # ", with a clear interaction with age": the model's word for what the groups now say plainly
    head = _INTERACTION_ASIDE.sub("", point.rstrip().rstrip("."))
    clear = " and ".join(limit.clear)
    out = f"{head}, but only {clear}"
    if limit.unclear:
        out += f"; {' and '.join(limit.unclear)} the {what} was not statistically clear"
    return out + "."


def limit_sentence(limit: SubgroupLimit, association: bool) -> str:
    """One line for the upshot and the patients' note: where the result held and where it did not."""
    what = "link" if association else "difference"
    s = f"The {what} was statistically clear only {' and '.join(limit.clear)}"
    if limit.unclear:
        s += f", not {' and '.join(limit.unclear)}"
    return s + "."

