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
    rf"referred|scheduled for|recovering from)\b(?:[^.;:()]|\.(?=\d)){{3,120}}")
# "120 healthy volunteers", "forty-two elite runners": a counted group of people is a population too.
_POP_COUNTED = re.compile(rf"\b(?:\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|\w+teen)(?:-\w+)?) "
                          rf"(?:[a-z][\w-]+ ){{0,3}}?{_PEOPLE}\b")
_WORD = re.compile(r"[a-z][\w'-]*")
_LEAD_STOP = frozenset(
    "of the in on at to for from by with and or but that which whom who whose those these this their its our "
    "among between than although while whereas when where have has had shown show showed similar many most "
    "some all both each any other such as into after before during including included include involving "
    "objective objectives methods method background results result conclusion conclusions design setting "
    "participants aim aims purpose".split())
_POP_LEAD = re.compile(r"(?<![\w-])(?:(?:\d[\d,]*|[a-z][\w-]*),? ){0,3}$")
_TITLE_POP = re.compile(rf"\b(?:in|among|for) ((?:[\w-]+ ){{0,3}}?{_PEOPLE}(?: with| who| after| undergoing)?[^:;.]{{0,80}})")
_TITLE_EFFECT = re.compile(r"^(?:the )?(?:short[- ]term |long[- ]term |immediate |additional )?(?:effects?|efficacy|effectiveness|"
                           r"impact|influence|benefits?|role|value) of (?P<i>.+?) (?:on|in|for|among|after|versus|vs\.?|compared)\b")
_TITLE_ON = re.compile(r"\b(?:effects?|efficacy|effectiveness|impact|influence) of .+? on (?P<o>.+?)(?= in | among | after | following | for |:|\.|$)")
# "... in patellar tendinopathy: a randomised trial": the condition studied, used when the title names a treatment.
_TITLE_IN = re.compile(r"\b(?:in|among|for) (?P<p>(?!the |a |an |this |vitro|vivo|clinical practice)[^:;.()]{3,80}?)(?=:|\.|;|\(|$| - )")
_TITLE_VS = re.compile(r"(?:^|: )(?P<i>[^:]+?) (?:versus|vs\.?|compared (?:with|to)|or) (?P<c>[^:]+?)(?: for | in | on | among |:|\.|$)")
# "Yoga reduces pain in ...": a title that states the finding names the treatment as its subject.
_TITLE_SUBJECT = re.compile(r"^(?P<i>[\w-]+(?: [\w-]+){0,4}?) (?:reduces|improves|relieves|decreases|prevents|increases|"
                            r"is (?:not )?(?:effective|superior|inferior|associated)|does not|did not|speeds|shortens)\b")
_TITLE_FOR = re.compile(r"^(?P<i>[^:]+?) (?:for|in the (?:treatment|management) of) (?:the treatment of |patients with |people with )?[^:]+")
_ALLOC = re.compile(r"\b(?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|assigned)(?: [\w-]+){0,12}? to (?:receive |either |an? |the )*"
                    r"(?P<i>[^.;,()]{3,90}?)(?:,? (?:or|versus|vs\.?)|,? and) (?:to )?(?:receive |an? |the )*(?P<c>[^.;,()]{3,80}?)(?=[.;,(]|\s+(?:for|in|during|over|with)\b)")
_RECEIVED = re.compile(r"\b(?:received|underwent|were treated with|was treated with)\s+(?P<i>(?:[^.;,()]|\.(?=\d)){3,90})")
_COMPARATOR = re.compile(r"\b(?:compared (?:with|to)|versus|vs\.?|or)\s+(?P<c>(?:a |an |the )?(?:sham|placebo|usual care|standard care|no treatment|"
                         r"waiting[- ]list|wait[- ]list|control|minimal intervention|advice|education)[^.;,()]{0,60})")
_OUTCOME = re.compile(r"\b(?:primary|secondary|main)?\s*(?:outcomes?|outcome measures?|end ?points?)(?: measures?)?\s+(?:was|were|included|included the|comprised|are)\s*:?\s+"
                      r"(?P<o>(?:[^.;]|\.(?=\d)){3,200})|\b(?:measured|assessed|evaluated) (?:by|with|using) (?:the )?(?P<o2>(?:[^.;]|\.(?=\d)){3,120})")

# The aim sentence names the treatment and often the outcome or the people: "to evaluate the efficacy of
# X on Y in Z"; results name what changed: "a significant reduction in pain intensity".
_AIM = re.compile(r"\b(?:to (?:assess|evaluate|compare|determine|investigate|examine|test|study|establish)|"
                  r"we (?:assessed|evaluated|compared|investigated|examined|tested|studied)) (?:the )?(?:[\w-]+ ){0,2}?"
                  r"(?:effects?|efficacy|effectiveness|impact|influence|benefits?|safety) (?:and (?:safety|efficacy|tolerability) )?of "
                  r"(?P<i>(?:[^.;:()]|\.(?=\d)){3,80}?) (?:on|in|for|among|versus|vs\.?|compared|with|as)\b")
_AIM_ON = re.compile(r" on (?P<o>(?:[^.;:()]|\.(?=\d)){3,80}?)(?= in | among | after | following | for | of patients|[.;:(,]| compared| versus)")
_CHANGE = re.compile(r"\b(?:significant(?:ly)? (?:greater |larger |more |smaller )?)(?:improvements?|reductions?|increases?|decreases?|declines?|"
                     r"changes?|differences?)"
                     # "no significant difference between the two treatment groups in decrease of neck pain intensity"
                     r"(?: between (?:the )?(?:two |three |four )?(?:treatment |study |intervention )?groups)? in (?:the )?"
                     r"(?:(?:decrease|increase|reduction|improvement|change)s? (?:of|in) )?(?P<o>(?:[^.;:()]|\.(?=\d)){3,70}?)"
                     r"(?= between| among| in (?:the|both|all|patients|those)| at | after | from | compared| than|[.;:(,]| was| were| for )")

# What a treatment changed: "X improved pain and function", "reduced the risk of falls".
_CHANGED = re.compile(r"\b(?:improved|reduced|decreased|increased|relieved|lowered|raised|shortened|prolonged) "
                      r"(?!(?:significantly|slightly|markedly|by|from|to|in|with|after|during|over|at|the number|the proportion|and|or|but|"
                      r"compared|more|less|than|when|as|it|their|its|this|these|both|all)\b)"
                      r"(?P<o>(?:the )?[a-z][\w-]*(?: (?!in |among |compared|more |than |at |after |from |by |over |during |with |for |to )[\w-]+){0,5}?)"
                      r"(?= in | among | compared| more | than | at | after | from | by | over | during | with | for | to |[.;,(])")

_MAX = 3

# Cards show short spans, so a span is cut where the noun phrase ends: at a clause ("who received",
# "were randomised"), a verb, a schedule ("for 12 weeks") or a bracket. Decimals ("2.5 mg") are not
# sentence ends: [^.] classes elsewhere are written as (?:[^.]|\.(?=\d)).
_AUX = r"(?:is|are|was|were|be|been|being|has|have|had|does|did|do|can|may|might|will|would|should|could|must)"
_FINITE = (r"(?:improves|reduces|increases|decreases|accelerates|protects|exerts|prevents|affects|enhances|induces|"
           r"inhibits|causes|predicts|alters|attenuates|promotes|provides|produces|shows|showed|leads|led|results|resulted|"
           r"received|underwent|completed|participated|took|showed|demonstrated|experienced|reported|remained|developed)")
_CUT = {
    "population": re.compile(rf"\s(?:who (?:{_AUX}|received|underwent|took|participated|completed|\w+ed)\b|{_AUX}\b|{_FINITE}\b|"
                             r"(?:randomi[sz]ed|randomly|allocated|assigned|enrolled|recruited|included|treated|attending)\b|"
                             r"(?:in|into|to|at|from|during|using|by|between|on) (?:a|an|the|this|one|two|three|each|either|both|their|\d)\b|"
                             r"in (?:a |an |the )?(?:randomi[sz]ed|double|single|prospective|controlled|multi|cross|pilot|clinical|study|trial)|"
                             r"and (?:were|was|had|received)\b|whereas\b|but\b|as (?:well as|compared)\b)|\s*[(\[,;:]|\s+-\s"),
    "intervention": re.compile(rf"\s(?:{_AUX}\b|{_FINITE}\b|for (?:a |the )?(?:\d|one|two|three|four|six|eight|twelve|period|duration|total)|"
                               r"during\b|with crossover|(?:groups?|arms?)\b|in (?:one|each|both|the (?:first|second))\b|"
                               r"(?:at|on) (?:the )?(?:baseline|day|week|end)|whereas\b|but\b)|\s*[(\[;:]|\s+-\s"),
    "outcomes": re.compile(rf"\s(?:{_AUX}\b|{_FINITE}\b|(?:at|after|over|during) (?:\d|baseline|the end|one|two|three|six|twelve)|"
                           r"(?:were|was) (?:measured|assessed|recorded)|whereas\b)|\s*[(\[;]|\s+-\s"),
}
_CUT["comparison"] = _CUT["intervention"]
# Spans that are not about people, a treatment or an outcome: verbs of reporting, analysis words.
_REJECT = re.compile(r"^(?:the |a |an )?(?:proportion|number|percentage|rate|effectiveness|efficacy|safety|assess|evaluate|"
                     r"use of|analysis|data|results?|study|studies|investigated|compared|this|these|their|it|they)\b")
# A design is not a treatment ("Systematic review for evaluation of X" names no intervention).
_DESIGN_NAME = re.compile(r"^(?:an? |the )?(?:(?:systematic|narrative|scoping|umbrella|literature|critical) )?(?:reviews?|"
                          r"meta-analys[ie]s|(?:(?:randomi[sz]ed|controlled|clinical|pilot|pragmatic) )+trials?|"
                          r"cohort|surveys?|case reports?|case series|guidelines?|consensus)\b")
# Words that name no measure on their own ("increased risk", "showed improvements", "group A").
_VAGUE_OUTCOME = re.compile(r"^(?:the )?(?:(?:risk|improvements?|changes?|effects?|levels?|scores?|values?|outcomes?|results?|"
                            r"differences?|benefits?)$|(?:group|arm)s?\b)")
_MAX_WORDS = {"population": 12, "intervention": 9, "comparison": 9, "outcomes": 14}


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

    def add(key: str, field: str, start: int, end: int, *, section: bool = False) -> None:
        if end - start < 3 or len(out[key]) >= _MAX:
            return
        text = title if field == "title" else abstract
        if not section:
            src = title_l if field == "title" else low
            cut = _CUT[key].search(src, start, end)
            if cut:
                end = cut.start()
            chunk = src[start:end].strip(" ,.:")
            if (len(chunk) < 3 or _REJECT.match(chunk) or len(chunk.split()) > _MAX_WORDS[key] or " . " in chunk
                    or (key == "outcomes" and _VAGUE_OUTCOME.match(chunk))
                    or (key in ("intervention", "comparison") and _DESIGN_NAME.match(chunk))):
                return
        item = _span(field, start, end, text)
        if any((o["field"] == field and o["start"] < item["end"] and item["start"] < o["end"])
               or o["text"].lower() == item["text"].lower() for o in out[key]):
            return  # overlaps or repeats a span we have
        out[key].append(item)

    # Labelled sections: the authors have done the work.
    for s in doc.sentences:
        label = s.section
        if not label:
            continue
        for key, rx in _SECTION.items():
            if rx.search(label) and not (key == "population" and "outcome" in label.lower()):
                add(key, "abstract", s.start, s.end, section=True)
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
        m = _TITLE_SUBJECT.search(title_l)
        if m:
            add("intervention", "title", *m.span("i"))
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
            start = lead.start() if lead else m.start()
            # The lead keeps counts and describing words only: "whom 36 patients" -> "36 patients",
            # "of follow-up in patients" -> "patients", "METHODS Forty five patients" -> "Forty five patients".
            stop = None
            for w in _WORD.finditer(low, start, m.start()):
                if w.group(0) in _LEAD_STOP:
                    stop = w.end()
            if stop is not None:
                start = stop
            add("population", "abstract", start, m.end())
            if len(out["population"]) >= 2:
                break
        if not any(p["field"] == "abstract" for p in out["population"]):
            m = _POP_COUNTED.search(low)
            if m:
                add("population", "abstract", *m.span())
        m = _ALLOC.search(low)
        if m:
            add("intervention", "abstract", *m.span("i"))
            add("comparison", "abstract", *m.span("c"))
        m = _AIM.search(low)
        if m:
            add("intervention", "abstract", *m.span("i"))
            on = _AIM_ON.match(low, m.end("i"))
            if on:
                add("outcomes", "abstract", *on.span("o"))
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
        if "significant" in low:
            for m in _CHANGE.finditer(low):
                add("outcomes", "abstract", *m.span("o"))
        for m in _CHANGED.finditer(low):
            add("outcomes", "abstract", *m.span("o"))
    return out
