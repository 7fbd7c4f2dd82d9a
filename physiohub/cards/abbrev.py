"""Abbreviations spelled out from the abstract's own definitions ("Roland-Morris Disability Questionnaire
(RMDQ)" makes "RMDQ" on the card read "Roland-Morris Disability Questionnaire").

The long form is found the way Schwartz & Hearst (2003) describe: the words before "(ABBR)" whose letters
contain the abbreviation's letters in order, the first letter of the abbreviation starting a word. Only
the abstract's own definitions are used, so a card never guesses what an abbreviation means.
"""
from __future__ import annotations

import re

_DEF = re.compile(r"\(([A-Za-z][A-Za-z0-9\-&]{1,9})\)")  # "&": "percussion and postural drainage (P&PD)"


def _long_form(words: list[str], abbr: str) -> str | None:
    # "International Hip Outcome Tool (iHOT-33)": a trailing item count is not spelled in the long form.
    letters = [c.lower() for c in re.sub(r"-?\d+$", "", abbr) if c.isalnum()]
    if len(letters) < 2 or not any(c.isupper() for c in abbr):
        return None
    for n in range(1, min(len(words), len(letters) + 3) + 1):
        cand = words[-n:]
        first = next((ch for ch in cand[0] if ch.isalpha()), "")
        if first.lower() != letters[0] or not cand[0][:1].isalnum():
            continue
        text = " ".join(cand).lower()
        i = 0
        for ch in text:
            if i < len(letters) and ch == letters[i]:
                i += 1
        if i == len(letters):
            return " ".join(cand).strip(" ,;:")
    return None


def definitions(text: str) -> dict[str, str]:
    """{abbreviation: long form} for each "long form (ABBR)" in the text."""
    out: dict[str, str] = {}
    for m in _DEF.finditer(text):
        abbr = m.group(1)
        if abbr in out or abbr.isdigit():
            continue
        before = re.split(r"[.;:()\[\]]", text[max(0, m.start() - 120):m.start()])[-1]
        words = before.split()
        lf = _long_form(words, abbr)
        # Chemical names ("3-hydroxy-3-methylglutaryl coenzyme A") are no plainer than their abbreviation.
        if lf and (len(lf.split()) >= 2 or len(lf) > len(abbr) + 3) and lf.lower() != abbr.lower() \
                and not re.search(r"\d", lf) and len(lf.split()) <= len(abbr) + 2 \
                and not re.match(r"(?:no|without)\s", lf, re.I):
            # ("no stimulation (NS)": "17 people in the no stimulation groups saw decreases" reads as a negation, and the
            # card would say the opposite of its source; the abbreviation stays)
            first = lf.split()[0]
            later = [w for w in lf.split()[1:] if w.lower() not in ("and", "of", "the", "for", "in", "on", "to")]
            titled = bool(later) and all(w[:1].isupper() for w in later)  # a name: "Shoulder Pain and Disability Index"
            if first[1:] == first[1:].lower() and "-" not in first and not titled:
                lf = lf[0].lower() + lf[1:]  # "Brief electrical stimulation (BES)" read mid-sentence
            out[abbr] = lf
    return out


def spell_out(text: str, defs: dict[str, str], capitalise: bool = False) -> str:
    """Replace each defined abbreviation that stands alone with its long form (not inside the
    definition itself, and not when the long form is already there); with ``capitalise``, a long form that opens a
    sentence starts with a capital ("PIs are ..." -> "Protease inhibitors are ...")."""
    if not defs or not text:
        return text
    for abbr, lf in sorted(defs.items(), key=lambda kv: -len(kv[0])):
        if abbr not in text:
            continue
        # "TNBCs": the plural of an all-capitals abbreviation is the plural of its long form
        plural = "(s?)" if abbr.isupper() and not lf.endswith(("s", "ing")) else "()"  # not "imagings"
        def long(m: re.Match, text: str = text, lf: str = lf) -> str:
            if text[max(0, m.start() - len(lf) - 3):m.start()].lower().strip(" (").endswith(lf.lower()):
                return m.group(0)
            opens = capitalise and (not text[:m.start()].strip() or text[:m.start()].rstrip().endswith((".", "!", "?")))
            return (lf[:1].upper() + lf[1:] if opens else lf) + m.group(1)  # "PIs are ..." opens its sentence
        text = re.sub(rf"(?<![\w(-]){re.escape(abbr)}{plural}(?![\w)-])", long, text)
    # "continuous positive airway pressure (CPAP)" then "CPAP pressure": the long form's last word is not said twice
    for lf in defs.values():
        last = lf.split()[-1]
        if len(lf.split()) > 1:
            text = re.sub(rf"\b({re.escape(lf)}) {re.escape(last)}\b", r"\1", text, flags=re.I)
    return text
