"""PICO spans by rules: labelled abstract sections first, then the stock phrases trial reports use.

This is the cheap default path that runs inside import. A token-level model trained on EBM-NLP
(``pico_model.py``) gives better recall and runs in the batched ``appraise_many(..., deep=True)``
path; bench/eval_appraise_pico.py measures both.
"""
from __future__ import annotations

import re

from .doc import Doc

_SECTION = {
    "population": re.compile(r"participants|patients|population|subjects|sample|setting and|study group", re.I),
    "intervention": re.compile(r"intervention|treatment", re.I),
    "outcomes": re.compile(r"outcome|measure|end ?point", re.I),
}
_PEOPLE = (r"(?:patients|participants|people|persons|adults|women|men|children|adolescents|individuals|subjects|athletes|"
           r"workers|employees|runners|players|veterans|elderly|older adults|volunteers|infants|students)")
# Starts at the people word (cheap to find), then takes up to three describing words before it.
_POP = re.compile(
    rf"\b{_PEOPLE} (?:with|who|suffering from|aged|undergoing|after|following|diagnosed with|having|presenting with|"
    rf"referred|scheduled for|recovering from)\b[^.;:()]{{3,120}}")
_POP_LEAD = re.compile(r"(?<![\w-])(?:(?:\d[\d,]*|[a-z][\w-]*),? ){0,3}$")
_TITLE_POP = re.compile(rf"\b(?:in|among|for) ((?:[\w-]+ ){{0,3}}?{_PEOPLE}(?: with| who| after| undergoing)?[^:;.]{{0,80}})")
_TITLE_EFFECT = re.compile(r"^(?:the )?(?:short[- ]term |long[- ]term |immediate |additional )?(?:effects?|efficacy|effectiveness|"
                           r"impact|influence|benefits?|role|value) of (?P<i>.+?) (?:on|in|for|among|after|versus|vs\.?|compared)\b")
_TITLE_ON = re.compile(r"\b(?:effects?|efficacy|effectiveness|impact|influence) of .+? on (?P<o>.+?)(?= in | among | after | following | for |:|\.|$)")
# "... in patellar tendinopathy: a randomised trial": the condition studied, used when the title names a treatment.
_TITLE_IN = re.compile(r"\b(?:in|among|for) (?P<p>(?!the |a |an |this |vitro|vivo|clinical practice)[^:;.()]{3,80}?)(?=:|\.|;|\(|$| - )")
_TITLE_VS = re.compile(r"(?:^|: )(?P<i>[^:]+?) (?:versus|vs\.?|compared (?:with|to)|or) (?P<c>[^:]+?)(?: for | in | on | among |:|\.|$)")
_TITLE_FOR = re.compile(r"^(?P<i>[^:]+?) (?:for|in the (?:treatment|management) of) (?:the treatment of |patients with |people with )?[^:]+")
_ALLOC = re.compile(r"\b(?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|assigned)(?: \w+){0,3}? to (?:receive |either |an? |the )*"
                    r"(?P<i>[^.;,()]{3,90}?)(?:,? (?:or|versus|vs\.?)|,? and) (?:to )?(?:receive |an? |the )*(?P<c>[^.;,()]{3,80}?)(?=[.;,(]|\s+(?:for|in|during|over|with)\b)")
_RECEIVED = re.compile(r"\b(?:received|underwent|performed|completed|were treated with|was treated with)\s+(?P<i>[^.;,()]{3,90})")
_COMPARATOR = re.compile(r"\b(?:compared (?:with|to)|versus|vs\.?|or)\s+(?P<c>(?:a |an |the )?(?:sham|placebo|usual care|standard care|no treatment|"
                         r"waiting[- ]list|wait[- ]list|control|minimal intervention|advice|education)[^.;,()]{0,60})")
_OUTCOME = re.compile(r"\b(?:primary|secondary|main)?\s*(?:outcomes?|outcome measures?|end ?points?)(?: measures?)?\s+(?:was|were|included|included the|comprised|are)\s*:?\s+"
                      r"(?P<o>[^.;]{3,200})|\b(?:measured|assessed|evaluated) (?:by|with|using) (?:the )?(?P<o2>[^.;]{3,120})")

_MAX = 3


def _span(field: str, start: int, end: int, text: str) -> dict:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip(" ,:"))
    trail = len(chunk) - len(chunk.rstrip(" ,:"))
    start, end = start + lead, end - trail
    return {"text": text[start:end], "field": field, "start": start, "end": end}


def extract_pico(doc: Doc) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"population": [], "intervention": [], "comparison": [], "outcomes": []}
    abstract, title = doc.abstract, doc.title
    low, title_l = doc.abstract_l, doc.title_l  # patterns are lower case; offsets agree with the originals

    def add(key: str, field: str, start: int, end: int) -> None:
        if end - start < 3 or len(out[key]) >= _MAX:
            return
        text = title if field == "title" else abstract
        item = _span(field, start, end, text)
        if any(o["field"] == field and o["start"] < item["end"] and item["start"] < o["end"] for o in out[key]):
            return  # overlaps a span we have
        out[key].append(item)

    # Labelled sections: the authors have done the work.
    for s in doc.sentences:
        label = s.section
        if not label:
            continue
        for key, rx in _SECTION.items():
            if rx.search(label) and not (key == "population" and "outcome" in label.lower()):
                add(key, "abstract", s.start, s.end)
                break

    # Title: "Effect of X on Y in Z", "X versus Y for Z".
    m = _TITLE_EFFECT.search(title_l)
    if m:
        add("intervention", "title", *m.span("i"))
    m = _TITLE_ON.search(title_l)
    if m:
        add("outcomes", "title", *m.span("o"))
    m = _TITLE_VS.search(title_l)
    if m:
        add("intervention", "title", *m.span("i"))
        add("comparison", "title", *m.span("c"))
    if not out["intervention"]:
        m = _TITLE_FOR.search(title_l)
        if m and len(m.group("i").split()) <= 8:
            add("intervention", "title", *m.span("i"))
    m = _TITLE_POP.search(title_l)
    if m:
        add("population", "title", *m.span(1))
    elif out["intervention"]:
        m = _TITLE_IN.search(title_l, out["intervention"][0]["end"] if out["intervention"][0]["field"] == "title" else 0)
        if m:
            add("population", "title", *m.span("p"))

    if abstract:
        for m in _POP.finditer(low):
            lead = _POP_LEAD.search(low, max(0, m.start() - 60), m.start())
            add("population", "abstract", lead.start() if lead else m.start(), m.end())
            if len(out["population"]) >= 2:
                break
        m = _ALLOC.search(low)
        if m:
            add("intervention", "abstract", *m.span("i"))
            add("comparison", "abstract", *m.span("c"))
        if not out["intervention"]:
            m = _RECEIVED.search(low)
            if m:
                add("intervention", "abstract", *m.span("i"))
        if not out["comparison"]:
            m = _COMPARATOR.search(low)
            if m:
                add("comparison", "abstract", *m.span("c"))
        gate = any(w in low for w in ("outcome", "end point", "endpoint", "measured", "assessed", "evaluated"))
        for m in (_OUTCOME.finditer(low) if gate else ()):
            g = "o" if m.group("o") else "o2"
            add("outcomes", "abstract", *m.span(g))
    return out
