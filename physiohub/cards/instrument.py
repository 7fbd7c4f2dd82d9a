"""An instrument is how something was measured, not what: "Outcomes: A goniometer" tells a reader nothing about
the result. The outcome is the quantity the instrument gave (knee flexion range of motion), taken from the
abstract's own sentence when it names it ("... was measured with a goniometer") and otherwise from what such an
instrument measures; an instrument with no known quantity is left out of the row."""
from __future__ import annotations

import re

# What a measuring instrument gives, in words a reader knows. None: no one quantity, so the instrument alone
# does not stand as an outcome.
_GIVES: dict[str, str | None] = {
    r"goniomet\w*": "joint range of motion",
    r"inclinomet\w*": "range of motion",
    r"(?:hand[- ]?held |isokinetic |grip |hand[- ]grip )?dynamomet\w*": "muscle strength",
    r"(?:pressure )?algomet\w*": "pressure pain threshold",
    r"acceleromet\w*|actigraph\w*|activity monitors?": "physical activity",
    r"pedomet\w*|step counters?": "step count",
    r"spiromet\w*": "lung function",
    r"sphygmomanomet\w*": "blood pressure",
    r"electromyograph\w*|surface emg": "muscle activity",
    r"stop ?watch\w*|timers?": None,
    r"questionnaires?|surveys?|interviews?": None,
    r"force (?:plates?|platforms?)|motion capture (?:systems?)?|cameras?|tape measures?|calipers?|callipers?": None,
}
_INSTRUMENT = re.compile(r"(?:(?:a|an|the)\s+)?(?:(?:universal|standard|digital|electronic|long[- ]arm|bubble|"
                         r"triaxial|wrist[- ]worn|hip[- ]worn|portable|calibrated|two[- ]arm|jamar|self-report(?:ed)?|standardi[sz]ed|"
                         r"validated|structured|semi-structured|short|brief|online|postal)\s+)*"
                         r"(?P<i>" + "|".join(_GIVES) + r")", re.I)
_MEASURED_WITH = r"(?:was|were)\s+(?:\w+ly\s+)?(?:measured|assessed|recorded|evaluated|determined|quantified|tested|obtained)" \
                 r"\s+(?:\w+\s+)?(?:with|using|by|via|on)\s+"
_USED_TO = re.compile(r"\s+(?:was|were)\s+used\s+to\s+(?:measure|assess|record|evaluate|determine|quantify)\s+(?:the\s+)?"
                      r"(?P<q>[a-z][\w -]{2,60}?)(?=\s*(?:[.,;(]|$|\s+(?:at|in|before|after|during|of the|on)\b))", re.I)


def _gives(instrument: str) -> str | None:
    return next((q for rx, q in _GIVES.items() if re.fullmatch(rx, instrument, re.I)), None)


def _named_in(sentence: str, m_text: str) -> str | None:
    """The quantity the sentence says the instrument measured, if it says."""
    pos = sentence.lower().find(m_text.lower())
    if pos < 0:
        return None
    before = sentence[:pos]
    m = re.search(r"(?:^|[.;:]\s+|,\s+)(?:the\s+)?(?P<q>[A-Za-z][\w ,-]{2,60}?)\s+" + _MEASURED_WITH + r"(?:[\w-]+\s+){0,3}$",
                  before, re.I)
    q = m.group("q").strip() if m and len(m.group("q").split()) <= 8 else None
    if not q:
        u = _USED_TO.match(sentence, pos + len(m_text))
        q = u.group("q").strip() if u else None
    if q and not re.match(r"\S*[A-Z]\S*[A-Z]", q.split()[0]):
        q = q[:1].lower() + q[1:]  # the sentence's subject becomes a phrase in a list: "Habitual activity" -> "habitual ..."
    return q


def is_instrument(text: str) -> bool:
    """Does the phrase name only an instrument ("a universal goniometer")?"""
    return bool(_INSTRUMENT.fullmatch(text.strip(" .;,")))


def as_quantity(text: str, sentence: str = "") -> str:
    """The outcome phrase with each instrument in it made the quantity it measured ("a goniometer and the Oxford
    Knee Score" -> "joint range of motion (goniometer) and the Oxford Knee Score"); "" when nothing is left.
    A phrase that already names the quantity ("grip strength measured by a dynamometer") is kept."""
    def swap(m: re.Match[str]) -> str:
        named = _named_in(sentence, m.group(0)) if sentence else None
        if named:
            return named
        q = _gives(m.group("i"))
        return f"{q} ({m.group('i').lower()})" if q else ""

    seps = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")
    items = seps.split(text)
    if not any(_INSTRUMENT.fullmatch(it.strip(" .")) for it in items):
        return text
    # "Habitual activity was assessed with [a questionnaire and accelerometers]": the whole list is how; the
    # sentence's subject is what.
    whole = _named_in(sentence, text.strip(" .")) if sentence and len(items) > 1 else None
    if whole:
        return whole
    kept = [_INSTRUMENT.sub(swap, it) if _INSTRUMENT.fullmatch(it.strip(" .")) else it for it in items]
    kept = [k.strip() for k in kept if k.strip(" .")]
    if len(kept) <= 1:
        return kept[0] if kept else ""
    # the items again as a list: "a, b and c"
    return ", ".join(kept[:-1]) + " and " + kept[-1]
