"""The consistency gate: the last step of every card writer (extractive and language model).

A card must not say more than its study, nor the opposite (DESIGN.md). After drafting, every patient-
and reader-facing text is read with the same result reader the verdict uses (appraise/reading.py):

- fragments, section headings, citation tails and stacked hedges ("clearly probably") are removed;
- a rewritten sentence must read like the source sentence it rests on (a plain version of "did not
  result in reduced pain" that reads as a benefit is dropped);
- the upshot answer and the key points must agree with the verdict badge: no benefit claim on a card
  whose badge is "No clear difference" or "Does not support", no "no difference" on a "Supports" card;
- when the answer cannot be kept, the card says plainly that the abstract does not state a clear result,
  and ``card["flags"]`` names why, so the editor's queue shows it.
"""
from __future__ import annotations

import re
from typing import Any

from ..appraise.reading import read_sentence
from ..models import Record
from ..sections import is_back_matter_text, known_label
from ..text import record_sentences, split_sentences
from .casing import starts_a_sentence
from .phrases import CERTAINTY_NOTE

# The certainty note alone is no answer: it says how sure we are of a result the card no longer states.
_NOTE_SENTENCES = {s for note in CERTAINTY_NOTE.values() for s in split_sentences(note)}

FLAG_TEXT = {
    "unclear_result": "The abstract does not state a clear result: the card says so.",
    "counted_only": "The abstract states how common something was but no tested result: the card gives the figure and "
                    "no verdict on a treatment or a cause.",
    "answer_contradicted": "The drafted answer disagreed with the verdict and was replaced.",
    "texts_removed": "Sentences that disagreed with the verdict or their source were removed.",
    "answer_verdict_only": "No sentence of the abstract could state the result beside the verdict: the answer gives "
                           "the verdict only.",
}
_STACKED = re.compile(r"\b(?:clearly|definitely|certainly|probably|may|might|possibly|likely)\s+(?:probably|may|might|"
                      r"possibly|likely|clearly)\b", re.I)
_HEADING = re.compile(r"^\s*([A-Z][A-Z ,&/]{3,60})(?::|\s)(?=\s*[A-Z0-9])")
# The card's own framing sentences state no result: "It set out to ...", "This was a fair test ...".
_NOT_A_RESULT = re.compile(r"^(?:It set out|This (?:was|review|trial|study|survey|report)\b|Strength of evidence|The aim|To )")
_AUTHORS = re.compile(r"^The authors(?:'| conclude| describe)")
# Verdict -> readings a text on the card may not have.
_FORBIDDEN = {
    "Supports": {"null", "against"},
    "No clear difference": {"for"},
    "Does not support": {"for"},
    "Too early to tell": set(),
    "Mixed picture": set(),
}


# "Given the large number of childhood fractures." (cut from "..., however, studies are needed ..."): an opening phrase
# whose clause went
_LEAD_ONLY = re.compile(r"^(?:Given|Despite|In spite of|Because of|Due to|Owing to|Regardless of|In view of|In light of)\b[^,;:]*\.$")


def is_fragment(text: str) -> str | None:
    """Why a text cannot stand as a card sentence, or None."""
    t = text.strip()
    if not t:
        return "empty"
    if not starts_a_sentence(t):
        return "starts mid-sentence"
    if len(t.split()) < 4:
        return "too short"
    if _LEAD_ONLY.match(t):
        return "a lead with no clause after it"
    if t[-1] not in ".?!)\u201d\"'":
        return "no sentence end"
    m = _HEADING.match(t)
    if m and known_label(m.group(1).strip(" ,")):
        return "section heading"
    if _STACKED.search(t):
        return "stacked hedges"
    if is_back_matter_text(t) or re.search(r"\b(?:NCT\d{6,}|ISRCTN\d+)\b|clinicaltrials\.gov", t, re.I):
        return "registration or citation"
    return None


# The answer when only the verdict can be said (see check_card).
_VERDICT_ONLY = {
    "Supports": "The study found what it set out to test; the key points below give its main results.",
    "Mixed picture": "The results point both ways; the key points below say which results differed and which did not.",
    "No clear difference": "The study found no clear difference; the key points below give its main results.",
    "Does not support": "The results went against it; the key points below give its main results.",
}


def _reading(text: str, kind: str) -> str | None:
    # The evidence ladder ("... lowered to moderate because the authors report heterogeneous studies") says
    # how sure, not what was found: it is not read for a result.
    labels = [read_sentence(s, kind).label for s in split_sentences(text)
              if not re.match(r"(?:It started at|Strength of evidence|Evidence rated)\b", s)]
    labels = [lab for lab in labels if lab and lab != "early"]
    if not labels:
        return None
    if "mixed" in labels or len(set(labels)) > 1:
        return "mixed"
    return labels[0]


def check_card(card: dict[str, Any], record: Record, appraisal: dict[str, Any]) -> dict[str, Any]:
    """Apply the gate (module doc) in place and return the card."""
    verdict = (card.get("badges") or {}).get("verdict") or appraisal.get("verdict") or "Too early to tell"
    kind = appraisal.get("question_kind") or "intervention"
    forbidden = _FORBIDDEN.get(verdict, set())
    source = {s.id: s.text for s in record_sentences(record)}
    prov = {p["path"]: p for p in card.get("provenance") or []}
    flags: list[str] = list(card.get("flags") or [])
    removed = False

    def bad(path: str, text: str, *, check_reading: bool = True) -> bool:
        if is_fragment(text):
            return True
        if not check_reading or _NOT_A_RESULT.match(text):
            return False
        p = prov.get(path) or {}
        if path == "upshot.answer" and not _AUTHORS.match(text):
            p = {**p, "kind": "templated"}  # the answer joins our claim (templated) and the authors' words
        reading = _reading(text, kind)
        if reading in forbidden:
            return True
        if p.get("kind") in ("rewritten", "model") and p.get("sources"):
            # The source sentence this text rewrites: of the sources, the one sharing most words with it
            # (an answer joins several sentences, each from its own source).
            src = [source[i] for i in p["sources"] if i in source]
            words = set(re.findall(r"[a-z]{4,}", text.lower()))
            best = max(src, key=lambda t: len(words & set(re.findall(r"[a-z]{4,}", t.lower()))), default=None)
            src_reading = _reading(best, kind) if best and words & set(re.findall(r"[a-z]{4,}", best.lower())) else None
            # A shortened sentence that lost half of "faster relief, but similar by one year" says less
            # than its source and something else: mixed sources must stay mixed.
            if reading and src_reading and reading != src_reading:
                return True  # the plain version says something its source does not
        return False

    # Key points and limitations: drop what fails; the lists are renumbered with their provenance.
    new_prov = [p for p in card.get("provenance") or []
                if not p["path"].startswith(("key_points.", "limitations.", "upshot.answer", "why_it_matters."))]
    for key, check in (("key_points", True), ("limitations", False)):
        items = card.get(key) or []
        keep = [(i, t) for i, t in enumerate(items) if not bad(f"{key}.{i}", t, check_reading=check)]
        removed |= len(keep) < len(items)
        if keep:
            card[key] = [t for _, t in keep]
            new_prov += [{**prov[f"{key}.{i}"], "path": f"{key}.{j}"} for j, (i, _) in enumerate(keep)
                         if f"{key}.{i}" in prov]
        else:
            card.pop(key, None)
    # The answer, sentence by sentence: a sentence that contradicts the badge or is a fragment goes.
    up = card.setdefault("upshot", {})
    answer = up.get("answer") or ""
    kept = [s for s in split_sentences(answer) if not bad("upshot.answer", s)]
    contradicted = bool(answer) and len(kept) < len(split_sentences(answer))
    unclear = appraisal.get("verdict_clear") is False or not kept or all(s in _NOTE_SENTENCES for s in kept)
    if unclear and appraisal.get("verdict_clear") is not False and verdict in _VERDICT_ONLY:
        # The verdict was read clearly, but no sentence of the answer could stand beside it: saying the abstract is
        # unclear would contradict the badge (a "Supports" card that "does not say clearly"), so the answer says
        # what the badge says and points to the key points.
        up["answer"] = _VERDICT_ONLY[verdict]
        new_prov.append({"path": "upshot.answer", "kind": "templated", "sources": []})
        flags.append("answer_contradicted" if contradicted else "answer_verdict_only")
        removed |= contradicted
    elif unclear and appraisal.get("_counted_only") and kept and not all(s in _NOTE_SENTENCES for s in kept):
        # A survey that counted how common something was: its figure is what it found, though it tested nothing.
        up["answer"] = " ".join(kept)
        if "upshot.answer" in prov:
            new_prov.append(prov["upshot.answer"])
        flags.append("counted_only")
        removed |= contradicted
    elif unclear:
        what = card.get("_subject")
        up["answer"] = (f"The abstract does not say clearly whether {what} helps." if what and kind == "intervention"
                        else "The abstract does not say clearly what the study found.")
        new_prov.append({"path": "upshot.answer", "kind": "templated", "sources": []})
        flags.append("unclear_result")
        if contradicted:
            flags.append("answer_contradicted")
    else:
        up["answer"] = " ".join(kept)
        if "upshot.answer" in prov:
            new_prov.append(prov["upshot.answer"])
        removed |= contradicted
    why = card.get("why_it_matters") or {}
    for k in list(why):
        if bad(f"why_it_matters.{k}", why[k]):
            why.pop(k)
            removed = True
        elif f"why_it_matters.{k}" in prov:
            new_prov.append(prov[f"why_it_matters.{k}"])
    if not why:
        card.pop("why_it_matters", None)
    if removed:
        flags.append("texts_removed")
    card["provenance"] = new_prov
    card.pop("_subject", None)
    card["flags"] = list(dict.fromkeys(flags))
    return card
