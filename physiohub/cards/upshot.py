"""Choosing and plain-wording the sentences the upshot and key points rest on.

The upshot answers with the authors' main conclusion, not a side result: a CONCLUSIONS section when
the abstract has one, else the sentence that reads most like a conclusion (sentence-role model's
outcome/conclusion near the end, cue words such as "suggest", "conclude", "these results", "in
conclusion"), else the closing result. The answer and the key points carry no statistics: doses,
percentages and intervals belong in the findings, which quote the source. Plain-wording only removes,
splits and swaps words for lay ones (plain.LAY), so a plain sentence stays grounded in its source.
"""
from __future__ import annotations

import re

from .parts import Parts
from .plain import GLOSS, unglossed
from .readability import close_subject_comma, plain_sentences
from ..appraise.reading import is_safety_line
from ..text import Sentence
from .casing import upper_first

_CUE = re.compile(r"\b(in conclusion|conclu\w+|suggests?|suggested|indicates?|indicated|these (results|findings|data)"
                  r"|our (results|findings|data)|this study (shows|showed|suggests|demonstrates)|taken together"
                  r"|in summary|overall|we found|may (be|have|help|improve|reduce|offer|provide)|support\w*)\b", re.I)
# Digits inside a code name ("MK-0966", "COX-2", "IL6") are names, not statistics.
_STATS = re.compile(r"(?<![A-Za-z\d.,])(?<![A-Za-z]-)\d|%|\bp\s*[<=>]|\bCI\b", re.I)
# A dose or unit after a drug name ("rofecoxib 50 mg", "ibuprofen 800 mg t.d.s."): numbers for the findings.
_DOSE = re.compile(r",?\s*\b\d[\d.,]*\s*(?:mg/kg|mg/day|mg/d|mg|g|mcg|µg|ug|ml|mL|IU|units?)(?![\w/])"
                   r"(?:\s*(?:q\.?d\.?s?\.?|t\.?d\.?s\.?|t\.?i\.?d\.?|b\.?i\.?d\.?|o\.?d\.?|once daily|twice daily|daily"
                   r"|a day|per day|/day))?", re.I)
# Durations and "12-week" adjectives: the findings give them; the plain claim reads without them.
_DURATION = re.compile(r"\s*\b(?:(?:given|taken|used|administered|applied|treated)\s+)?(?:for|over|after|at|within|during)\s+(?:up to\s+)?\d[\d.,]*\s*(?:to\s+\d+\s*)?"
                       r"(?:weeks?|days?|months?|years?|hours?|minutes?)\b|\s*\b\d+-(?:week|day|month|year|hour)\b", re.I)
_CUT = re.compile(r",\s+(?:with|but(?! not\b)|which|whereas|while|although|because|since)\b|"
                  # "..., even after controlling for variables such as race, insurance status, ...": the adjustment list
                  r",\s+(?:even\s+)?(?:after|when)\s+(?:controlling|adjusting|accounting)\s+for\b|\s+with an? (?:mean|median|average)\b|,\s+and\s+(?=(?:the|this|these|it|there"
                  r"|that|was|were|is|are|has|have|had)\b)|;\s+|\s+and that\s+", re.I)
# Pieces that lean on a sentence before them ("Both differences were ...") cannot stand alone.
_ANAPHOR = re.compile(r"^(both|it|they|the latter|the former|such|this|these|those)\b(?!\s+(?:study|trial|review|"
                      r"treatment|drug|programme|program|approach|intervention|therapy)\b)", re.I)
# Only with "that": "These findings support an association ..." has no clause left without its verb.
_LEAD = re.compile(r"^(?:(?:these|our|the|this) )?(?:findings|results|data|study|trial|review|analysis)\s+"
                   r"(?:suggests?|indicates?|shows?|showed|demonstrates?|demonstrated|confirms?|confirmed|supports?)"
                   r"\s+that\s+", re.I)


# A piece cut from a longer sentence that lost its subject ("Associated with more side effects.").
_NO_SUBJECT = re.compile(r"^(associated|was|were|is|are|had|has|have|did|does|showed|reported|found|led|resulted"
                         r"|acceptable|possibly|probably|also|then|and|or|but|of)\b", re.I)


# Section words left inline by abstracts flattened to one paragraph ("RESULTS Remifentanil had ...").
_SECTION_WORD = re.compile(r"^(?:BACKGROUND|OBJECTIVES?|AIMS?|PURPOSE|METHODS?|RESULTS?|CONCLUSIONS?|DESIGN|SETTING"
                           r"|PARTICIPANTS|PATIENTS|INTERVENTIONS?|MAIN OUTCOME MEASURES?|INTERPRETATION)\b:?\s+")
_CONNECTIVE = re.compile(r"^(?:nevertheless|nonetheless|similarly|importantly|notably|again|in addition|also|still"
                         r"|in contrast|by contrast|conversely|accordingly|consequently)[,:]?\s+", re.I)
_SUBJECT_START = re.compile(r"^(?:the|a|an|there|no|all|most|some|many|few|people|patients|participants|children|adults"
                            r"|women|men|treatment|[A-Z][a-z]*[A-Z0-9])\b", re.I)


# How well a questionnaire measures (its validity, reliability, factor structure): in a study of a link or a treatment
# that checked its scale on the side ("Additional evidence for the concurrent validity of the PCS was found as well"),
# a finding about the instrument, not the answer to the study's question.
PSYCHOMETRIC = re.compile(r"\b(?:(?:concurrent|construct|convergent|discriminant|criterion|content|face|predictive|"
                          r"factorial|structural) validity|validity of the|reliability|internal consistency|cronbach|"
                          r"psychometric\w*|factor (?:structure|model|analys[ie]s|solution|loadings?)|(?:one|two|three|four|five|"
                          r"six|\d)-factor (?:model|structure|solution)|measurement invariance|test-retest)\b", re.I)
_MAIN_RELATION = re.compile(r"\b(?:associat\w+|predict\w*|linked|link|relat(?:ed|ionship)|correlat\w+ (?:with|between)|"
                            r"risk|effect\w*|improv\w*|reduc\w*|benefit\w*)\b", re.I)


def side_finding(text: str, kind: str = "intervention") -> bool:
    """Is the sentence only about how well the study's questionnaire measures, in a study that asks something else?"""
    return kind != "accuracy" and bool(PSYCHOMETRIC.search(text)) and not _MAIN_RELATION.search(
        PSYCHOMETRIC.sub(" ", text))


def side_conclusions_only(p: Parts, kind: str = "intervention") -> bool:
    """Does the abstract conclude only on its questionnaire's properties (so its main result must answer instead)?"""
    main = [s for s in p.get("conclusion") if not is_safety_line(s.text)]
    return bool(main) and all(side_finding(s.text, kind) for s in main)


def conclusion_sentence(p: Parts, verdict_ids: list[str], kind: str = "intervention") -> Sentence | None:
    """The authors' main conclusion (see module doc). A conclusion about the questionnaire's own properties in a study
    that asks another question is a side finding: the sentence the verdict rests on answers in its place."""
    concl = p.get("conclusion")
    main = [s for s in concl if not is_safety_line(s.text)]
    if concl and not main:
        return None  # only a safety line closes the abstract: no main conclusion to quote
    if side_conclusions_only(p, kind):
        return next((s for s in p.sentences if s.id in verdict_ids and p.part.get(s.id) == "results"), None)
    main = [s for s in main if not side_finding(s.text, kind)]
    concl = main
    if concl:
        # The concluding sentence the verdict rests on; else the first that is not a call for more research.
        chosen = next((s for s in concl if s.id in verdict_ids), None)
        if chosen:
            return chosen
        return next((s for s in concl if not re.search(r"\b(further|more|future|larger) (research|studies|trials)\b",
                                                         s.text, re.I)), concl[0])
    n = len(p.sentences)
    best, best_score = None, 0.0
    for i, s in enumerate(p.sentences):
        if p.part.get(s.id) not in ("results", "conclusion", "background") and i < n - 1:
            continue
        score = 0.0
        if _CUE.search(s.text):
            score += 2.0
        score += 1.5 * i / max(1, n - 1)  # conclusions close the abstract
        if p.part.get(s.id) == "background" and i < n - 1:
            score -= 2.0
        if len(re.findall(r"\d", s.text)) > 3:
            score -= 1.5  # a result full of statistics, not the take-home message
        if is_safety_line(s.text):
            score -= 2.0  # "no evidence of side-effects" closes many abstracts but is not their main message
        if s.id in verdict_ids:
            score += 0.5
        if score > best_score:
            best, best_score = s, score
    return best if best_score >= 1.5 else None


# For a mixed result the contrast is the finding ("faster relief, but similar by one year"): kept whole.
_CUT_KEEP_CONTRAST = re.compile(r",\s+(?:with|which|because|since)\b|\s+with an? (?:mean|median|average)\b|,\s+and\s+(?=(?:the|this|these|it|there"
                                r"|that|was|were|is|are|has|have|had)\b)|\s+and that\s+", re.I)


def _dose_words(dose: str) -> str:
    """ ", 25 mg/d," -> " at 25 mg a day" (the same number, said as a reader would)."""
    d = dose.strip(" ,")
    d = re.sub(r"\s*(?:mg/d|mg/day)\b", " mg a day", d, flags=re.I)
    d = re.sub(r"\s*/day\b|\s+(?:per day|daily|once daily)\b", " a day", d, flags=re.I)
    return " at " + re.sub(r"(\d)(mg|g|mcg|ml)\b", r"\1 \2", d)


_AMOUNT_BEFORE = re.compile(r"\b(?:more|less|fewer|greater|higher|lower) than$|\b(?:at least|at most|up to|over|under|above|"
                            r"below|exceeding|a (?:mean|median|total|maximum|minimum|average) of)$|[<>≤≥]$", re.I)


def _drop_doses(text: str) -> str:
    """'Rofecoxib, 25 mg/d, provided' -> 'Rofecoxib provided': a dose set off by commas goes with both.

    When one drug comes at two doses ("rofecoxib, 25 mg/d ... over ... rofecoxib, 12.5 mg") the dose is what
    tells the arms apart: without it the sentence would compare a drug with itself and a dose-specific result
    would read as true of the drug at any dose. Those doses stay, said as "rofecoxib at 25 mg a day"."""
    # "more than 40 ml of sputum", "40 ml of saline": an amount that the sentence's finding turns on, not a drug's dose
    # ("a mean of 800 mcg and 400 mcg salbutamol": the amounts listed with a kept one are kept with it)
    matches, kept_end = [], -1
    for m in _DOSE.finditer(text):
        if _AMOUNT_BEFORE.search(text[:m.start()]) or re.match(r"\s+of\b", text[m.end():]) or (
                kept_end >= 0 and re.fullmatch(r",?\s*(?:and|or|to|,)?\s*", text[kept_end:m.start()])):
            kept_end = m.end()
        else:
            matches.append(m)
    named = [re.findall(r"([A-Za-z][\w-]*)\W*$", text[:m.start()]) for m in matches]
    names = [n[0].lower() if n else "" for n in named]
    keep = {n for n in names if n and names.count(n) > 1}
    out, last = [], 0
    for m, name in zip(matches, names):
        end = m.end()
        if m.group(0).startswith(",") and re.match(r",\s+(?:for|in|among|at|on|with|compared|versus|vs)\b", text[end:]):
            end += 1
        out.append(text[last:m.start()])
        if name in keep:
            out.append(_dose_words(m.group(0)))
            if m.group(0).startswith(",") and text[m.end():m.end() + 1] == "," and end == m.end():
                end += 1  # "rofecoxib, 25 mg/d, provided" -> "rofecoxib at 25 mg a day provided"
        last = end
    out.append(text[last:])
    # "tablets 3.5 mg/kg and 5.25 mg/kg." has both doses dropped: the "and" between them goes too
    joined = re.sub(r"\s+(?:and|or|to)(?=\s*[.;:,)]|\s*$)", "", "".join(out)) if matches else "".join(out)
    return close_subject_comma(joined)  # "Rofecoxib, provided ...": that comma goes too


# A dose kept because it tells two arms apart ("at 25 mg a day"): its number is not a statistic.
_KEPT_DOSE = re.compile(r"\bat (\d[\d.,]*)(?= (?:mg|g|mcg|µg|ug|ml|mL|IU|units?)\b)")
_DOSE_TOKEN = "DOSEQ"
# A time point a result holds at ("At 6 months, the mean score was the same ...", "no longer different after 12 weeks",
# "at the 12-month follow-up"): without it a result true at one time reads as true at every time, so it stays, while a
# treatment's length ("for 12 weeks", "a 6-month course") still goes. Its number is not a statistic.
# "At the final 2-year follow-up": a word saying which follow-up may stand between "the" and the number.
_KEPT_TIME = re.compile(r"\b(?:at|by|after)\s+(?:the\s+)?(?:(?:final|last|first|second|third|latest|planned|scheduled|primary|"
                        r"end-of-study|end-of-treatment)\s+)?(\d[\d.,]*)(?=(?:\s*|-)(?:weeks?|months?|years?|days?)\b(?!\s+of\b)"
                        r"(?!-old| old| of age)(?:-(?:week|month|year|day)\s+(?:follow-?up|visit|assessment|time point))?)", re.I)
_TIME_TOKEN = "TIMEQ"
# "Observations made include the following: 1) consumption of salted fish was ...": the lead announces a list; its first
# item is the result
# (only a lead that names what is listed as results, not "The outcome in group A was as follows:", whose group would go)
FOLLOWING_LEAD = re.compile(r"^(?:(?:the )?(?:main |key |principal )?(?:observations?|results?|findings?)(?: made)? (?:include[sd]?|were|are)|"
                            r"(?:the authors|we) (?:found|observed))\s+(?:the following|as follows)\s*:\s*(?:\(?(?:1|a|i)\)\s+)?(?=[A-Za-z])",
                            re.I)
# "2) consumption of fresh fruit was associated with ...": a list's number, left at the head of one of its items
_ENUMERATOR = re.compile(r"^\s*\(?(?:\d{1,2}|[a-h]|i{1,3}|iv|vi{0,3})\)\s+(?=[A-Za-z])")


_ITEM = r"(?:[^,;.]|\.(?=\d))+"
_SPECIFICALLY = re.compile(rf",\s+(?:specifically|particularly|especially|namely|notably|including)\s+{_ITEM}(?:,\s+{_ITEM})*?"
                           rf"\s+and\s+{_ITEM}(?=,)", re.I)


def third_person(text: str) -> str:
    """The card speaks of the study, not as its authors: "our patients" -> "the patients", "met our selection
    criteria" -> "met the selection criteria", "we found" -> "the authors found"."""
    text = re.sub(r"\b([Oo])ur (patients|participants|subjects|study|trial|sample|cohort|results|findings|selection|"
                  r"inclusion|eligibility|search|review|analysis|data)\b",
                  lambda m: ("T" if m.group(1) == "O" else "t") + "he " + m.group(2), text)
    return re.sub(r"\b[Ww]e (have|had|are|were|found|conclude|believe|suggest|recommend|saw|observed)\b", r"the authors \1", text)


def plain_claim(text: str, max_words: int = 22, keep_contrast: bool = False, keep_times: bool = True) -> str | None:
    """A source sentence as one short plain sentence with no numbers but its time points, or None when it cannot be
    had. A line that is too long with its time points is tried without them, as before they were kept."""
    line = _plain_claim(text, max_words, keep_contrast, keep_times)
    if line is None and keep_times and _KEPT_TIME.search(text):
        return _plain_claim(text, max_words, keep_contrast, False)
    return line


def _plain_claim(text: str, max_words: int, keep_contrast: bool, keep_times: bool) -> str | None:
    # "decreased after 12 weeks of adalimumab treatment": the duration goes, the treatment stays ("with").
    core = re.sub(r"\b(?:after|over|during)\s+\d[\d.,]*\s*(?:weeks?|days?|months?|years?)\s+of\b", "with", text.strip(), flags=re.I)
    times = [m.group(1) for m in _KEPT_TIME.finditer(core)] if keep_times else []
    if 0 < len(times) < 26:
        spans = [m.span(1) for m in _KEPT_TIME.finditer(core)]
        for i, (a, b) in reversed(list(enumerate(spans))):
            core = core[:a] + f"{_TIME_TOKEN}{chr(65 + i)}" + core[b:]
    core = _DURATION.sub("", _drop_doses(_SECTION_WORD.sub("", core)))
    kept = _KEPT_DOSE.findall(core)
    core = _KEPT_DOSE.sub(lambda m: f"at {_DOSE_TOKEN}{chr(65 + kept.index(m.group(1)))}", core) if len(kept) < 26 else core
    core = _CONNECTIVE.sub("", core)
    core = FOLLOWING_LEAD.sub("", core)
    # "... psychosocial health, specifically self-esteem, mental health and behaviour, in favour of ...": the
    # itemised detail goes, the finding stays.
    core = _SPECIFICALLY.sub("", core)
    # The card speaks of the study, not as its authors: "our patients" -> "the patients"; a leading "also"
    # leans on a sentence the card does not show ("There also was no difference" -> "There was no difference").
    core = third_person(core)
    core = re.sub(r"^(?:while|although) plausible,?\s+", "", core, flags=re.I)
    core = re.sub(r"^(There|It|This) also (was|were|is|are)\b", r"\1 \2", core)
    core = re.sub(r"^(There|It) (was|were|is|are) also\b", r"\1 \2", core)
    # A removed lead ("At 6 months, the mean score ...") must not leave the sentence starting at its comma.
    core = re.sub(r"^[\s,;:]+", "", core)
    # "At the 12-week and six-month follow-up" without its number must not read "At the and six-month"
    core = re.sub(r"\b(the|a|an) (?:and|or) ", r"\1 ", core, flags=re.I)
    core = upper_first(core)
    for i, piece in enumerate(plain_sentences(core, max_words)):
        if i and not _SUBJECT_START.match(piece):
            continue  # a later piece of a split sentence, e.g. "...but reduces X": its subject is in the first
        piece = _LEAD.sub("", _ENUMERATOR.sub("", piece))
        piece = re.sub(r"^(?:in this (?:[\w-]+ ){0,3}(?:study|trial|review|analysis|sample)|in these (?:people|patients)),\s+",
                       "", piece, flags=re.I)
        piece = _before_detail(piece, keep_contrast)
        if re.match(r"^[^,]{1,40}, but not [^,]{1,40}\.?$", piece):
            continue  # "Women, but not men, with diabetes have ..." cut at its aside: "Women, but not men." says nothing
        piece = upper_first(piece)
        bare = GLOSS.sub("", piece)  # lay()'s own glosses are neither an aside nor length
        words = bare.split()
        # a time point kept is not length: one word of it is free ("At the final 2-year follow-up, ..."), so a line is
        # not cut to "At the final follow-up" for one word over
        free = min(1, len(re.findall(_TIME_TOKEN, bare)))
        if 4 <= len(words) - free <= max_words and not _STATS.search(piece) and not re.search(r"[()\[\]<>=]", bare) \
                and not _ANAPHOR.match(piece) and not _NO_SUBJECT.match(piece) and ":" not in piece:
            piece = re.sub(rf"{_DOSE_TOKEN}([A-Z])", lambda m: kept[ord(m.group(1)) - 65], piece)
            return re.sub(rf"{_TIME_TOKEN}([A-Z])", lambda m: times[ord(m.group(1)) - 65], piece)
    return None


def main_clause(text: str, max_words: int = 30, keep_contrast: bool = False) -> str:
    """A long sentence cut before its trailing detail (", with a dose of ...", "; ..."), so a conclusion too long
    to show is not lost whole; a short one comes back as it is."""
    return text if len(text.split()) <= max_words else _before_detail(text, keep_contrast)


def _before_detail(text: str, keep_contrast: bool = False) -> str:
    """The sentence up to its first trailing detail (", with ...", "; ..."), as a sentence."""
    return (_CUT_KEEP_CONTRAST if keep_contrast else _CUT).split(text)[0].strip().rstrip(".,;:") + "."


def similar(a: str, b: str, threshold: float = 0.6) -> bool:
    """Do two sentences say much the same (word overlap of the shorter)?"""
    a, b = unglossed(a), unglossed(b)
    wa, wb = set(re.findall(r"[a-z]+", a.lower())), set(re.findall(r"[a-z]+", b.lower()))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def short_aim(text: str, lead: re.Pattern[str], clause: re.Pattern[str], max_words: int = 20) -> str | None:
    """ "The objective of this ... trial was to assess X" -> "To assess X", when short and a real aim."""
    from .readability import strip_detail

    core = strip_detail(text).strip()
    if not lead.match(core):
        return None
    aim = "To " + lead.sub("", core, count=1).rstrip(" .") + "."
    rest = aim[3:]
    if len(aim.split()) > max_words or (clause.search(rest.split(" ", 1)[-1]) and not re.search(
            r"\b(whether|if|how)\b", rest, re.I)):
        return None
    return aim
