"""Phrases fit to show: treatment phrases for the question, and the methods rows.

A card shows a span from the appraisal (PICO) or a source sentence in a methods row or in the question
only when it is a short, clean noun phrase: no verb of a clause, no dangling edge word, no statistic,
no appositive aside, and for the population, a phrase that names people. What fails is left out; a
clause fragment or a whole methods sentence in a row misleads more than a missing row.
"""
from __future__ import annotations

import re
from typing import Any

from ..models import Record
from .parts import Parts, pico_sentence_ids
from .instrument import as_quantity
from .pieces import broken
from .plain import cap, sentence
from .readability import strip_detail
from .upshot import _SECTION_WORD, short_aim


_BARE_COUNT = re.compile(r"([\d,]+)\s+(?:patients|people|participants|subjects|adults|individuals|persons)\.?", re.I)

def _has(p: Parts, sid: str) -> bool:
    return any(s.id == sid for s in p.sentences)


_APPOSITIVE = re.compile(r",\s+(?:a|an|the|which|who|whose)\s+.*$", re.I)


def _short(text: str, max_words: int) -> str | None:
    text = _APPOSITIVE.sub("", strip_detail(text)).strip(" .;,")  # "dixyrazine, a phenothiazine" -> "dixyrazine"
    return text if text and len(text.split()) <= max_words else None


_TREATMENT_WORD = re.compile(r"(ion|ment|ing|py|ure|ise|ize|ice|ics|ine|ol|am|ide|one|in|cs|ry|ty|ness)$", re.I)
_NOT_TREATMENT = {"immediate", "delayed", "early", "late", "control", "controls", "placebo", "usual", "standard",
                  "group", "groups", "patients", "participants", "none", "nothing", "other", "both", "this", "these",
                  "randomization", "randomisation", "treatment", "intervention", "therapy"}
# Spans that name a procedure of the study, not a treatment ("identification of ...", "analysis of ...").
_NOT_TREATMENT_LEAD = re.compile(r"^(identification|analysis|assessment|evaluation|comparison|effects?|measurement"
                                 r"|detection|determination|investigation|randomi[sz]ation|use)\b", re.I)


_CLAUSE = re.compile(r"\b(was|were|is|are|be|been|had|has|have|showed|found|did|does|do|would|should|must|will|can"
                     r"|could|may|might|achieved|decrease[sd]?|increase[sd]?|involved|confirm|weigh|requires?|required"
                     r"|remains?|suggests?|compared|needs?|needed)\b", re.I)


_BAD_EDGE_START = re.compile(
    r"^(by|on|than|to|with|for|of|in|at|from|as|and|or|but|either|neither|both|all|more|less|the full|each|any"
    r"|examine|assess|determine|determining|evaluate|compare|investigate|strategies to|ways to|whether|under|over"
    r"|poorly|well|no|not|future|further|clinicians|authors|researchers|whilst|while|although|though|exploring"
    r"|potent)\b", re.I)
_BAD_EDGE_END = re.compile(r"\b(with|to|of|for|and|or|than|by|on|in|at|from|as|the|a|an|compared|versus|vs)$", re.I)
_NOT_A_TREATMENT = re.compile(r"\b(participants?|patients?|people|follow[- ]?up|searche[sd]|risk of bias|groups?"
                              r"|studies|trials?|reviews?|outcomes?|allocated|randomi[sz]ed|arms?|research|evidence"
                              r"|results?|findings|data|side effects?|adverse|possibly|validation|placebo|sham|dummy|saline)\b", re.I)
_ADJ_ED = {"supervised", "guided", "graded", "combined", "based", "assisted", "controlled", "focused", "tailored",
           "structured", "modified", "weighted", "directed", "integrated", "extended", "advanced", "augmented"}


def _lower_first(t: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a name with capitals inside."""
    first = t.split()[0] if t.split() else ""
    if len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:])):
        return t
    return t[:1].lower() + t[1:]


def _noun_phrase(t: str) -> bool:
    """Could this span name a treatment in "Does X help?" Not a clause fragment, not a count or a method."""
    later = t.split()[1:]
    return not (_BAD_EDGE_START.search(t) or _BAD_EDGE_END.search(t) or _NOT_A_TREATMENT.search(t) or _CLAUSE.search(t)
                or re.search(r"\d", t) or any(w.lower().endswith("ed") and w.lower() not in _ADJ_ED for w in later))


def _span_text(spans: list[dict] | None, max_words: int) -> tuple[str | None, list[dict]]:
    """The first span short enough to name a treatment in a question (one bare adjective will not do)."""
    for sp in spans or []:
        t = _short(sp.get("text", ""), max_words)
        if not t:
            continue
        words = t.split()
        if len(words) == 1 and (t.lower() in _NOT_TREATMENT or not _TREATMENT_WORD.search(t)):
            continue
        if t.lower() in _NOT_TREATMENT or _NOT_TREATMENT_LEAD.match(t) or not _noun_phrase(t):
            continue
        return t, [sp]
    return None, []


_AIM_LEAD = re.compile(r"^(?:to(?= \w+)|(?:the )?(?:main |primary )?(?:aims?|objectives?|purpose|goal)s? (?:of (?:this|the|our) "
                       r"(?:study|trial|review|paper|work) )?(?:was|were|is|are) to|this (?:study|trial|review) aimed to"
                       r"|we aimed to|we sought to|our aim was to)\s+", re.I)
# "placebo", "sham taping", "usual care": what the treatment was compared with, never a treatment itself.
_CONTROL_ARM = re.compile(r"^(?:(?:a|an|the|matched|matching|identical|inert|saline)\s+)*(?:placebos?|sham\b.*|dummy\b.*|"
                          r"usual care|standard care|no (?:treatment|intervention|therapy)|waiting[- ]lists?|wait[- ]lists?|"
                          r"(?:attention )?controls?)$", re.I)
# "two independent reviewers", "blinded assessors": who measured or selected, not what was measured.
_WHO_ASSESSED = re.compile(r"^(?:(?:the|two|three|four|\d+|independent|independently|blinded|trained|experienced|separate)\s+)*"
                           r"(?:reviewers?|review authors?|authors?|investigators?|assessors?|raters?|observers?|examiners?|"
                           r"researchers?|evaluators?|coders?|readers?|radiologists?|physicians?|clinicians?|surgeons?|"
                           r"pathologists?|physiotherapists?|therapists?|nurses?|doctors?|experts?|judges?|panels?|"
                           r"interviewers?|rheumatologists?|neurologists?|orthopa?edists?)\b", re.I)
# "The scans were graded by two sonographers": the people after a passive verb's "by" are who did it. Only a
# counted or qualified group of people ("two ...ers", "blinded ...ists"): "assessed by adverse events" or "by
# flow cytometry" name what or how.
_PASSIVE_BY = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+(?:independently\s+)?by\s+$", re.I)
_PEOPLE_GROUP = re.compile(r"^(?:the\s+)?(?:two|three|four|five|six|\d+|independent\w*|blinded|blind|trained|experienced|"
                           r"separate)\b.*\b\w+(?:ists?|ians?|ers|ors|staff|team)\b", re.I)
# "We included 80 adults, ...", "The trial enrolled adults ...": the row names the people, not the act of
# enrolling them.
_ENROL_LEAD = re.compile(r"^(?:we|this (?:study|trial|cohort)|the (?:study|trial|cohort))\s+(?:\w+ly\s+)?(?:included|enrolled|"
                         r"recruited|studied|randomi[sz]ed|analy[sz]ed|examined|followed|selected)\s+(?=\S)", re.I)


def _agent_of_passive(p: Parts, sp: dict) -> bool:
    """Is the span who did something in its sentence ("... were evaluated by [two radiologists]"), not what
    was measured?"""
    a = sp.get("start", -1)
    s = next((s for s in p.sentences if a >= 0 and s.start <= a < s.end), None)
    if s is None:
        s = next((s for s in p.sentences if sp.get("text") and sp["text"] in s.text), None)
        a = s.start + s.text.find(sp["text"]) if s else -1
    return bool(s) and bool(_PEOPLE_GROUP.match(sp.get("text", "").strip())) and bool(_PASSIVE_BY.search(s.text[: a - s.start]))


def _quantity_of(p: Parts, sp: dict) -> str:
    ids = pico_sentence_ids(p.sentences, [sp])
    return as_quantity(sp["text"], p.by_id(ids[0]).text if ids else "")


def _design_words(text: str) -> set[str]:
    """The words of a design label, with both spellings of "randomised" made one."""
    return set(re.findall(r"[a-z]+", re.sub(r"randomi[sz]ed", "randomised", text.lower())))


def methods_rows(a: dict[str, Any], p: Parts, record: Record) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    pico = a.get("pico") or {}
    controls: list[dict] = []  # control arms the tagger put among the interventions: they belong to the comparison

    def add(label: str, text: str | None, kind: str, src: list[str]) -> None:
        if text and text.strip():
            rows.append({"label": label, "text": sentence(text), "kind": kind, "sources": src})

    design = a.get("design")
    if design and design != "other":
        ds = p.get("design")[:1]
        # "DESIGN: Randomised controlled trial." says no more than the design name: said once.
        ds = [s for s in ds if not _design_words(s.text) <= _design_words(design) | {"a", "an", "the", "study", "trial"}]
        add("Design", cap(design) + (f": {strip_detail(ds[0].text).rstrip('.')}" if ds and len(ds[0].text.split()) <= 30 else ""),
            "templated", [s.id for s in ds])
    for label, key, part in (("Population", "population", "population"), ("Intervention", "intervention", "intervention"),
                             ("Comparison", "comparison", None), ("Outcomes", "outcomes", "measures")):
        # Only short, clean noun phrases: a clause fragment or a methods sentence in a row misleads, so
        # a row with neither a clean span nor a short labelled phrase is left out.
        spans = [{**sp, "text": re.sub(r"^(in|among|for)\s+", "", _SECTION_WORD.sub("", sp["text"].strip()), flags=re.I)}
                 for sp in pico.get(key) or [] if sp.get("text")]
        if key == "population":
            spans = [{**sp, "text": t} for sp in spans for t in [_people_part(_ENROL_LEAD.sub("", sp["text"]))] if t]
            # a bare count other than the sample ("3 patients", cut from "ASA physical status 1-3 patients") is a
            # misread: it says who nobody is, and a wrong number
            spans = [sp for sp in spans if not ((m := _BARE_COUNT.fullmatch(sp["text"].strip()))
                                                and a.get("n_participants") and int(m.group(1).replace(",", "")) != a["n_participants"])]
        if key == "intervention":
            controls = [sp for sp in spans if _CONTROL_ARM.match(strip_detail(sp["text"]).strip(" .;,"))]
            spans = [sp for sp in spans if sp not in controls]
        if key == "comparison" and controls:
            spans = controls + spans
        if key == "outcomes":
            spans = _outcome_spans(p, pico, [sp for sp in spans if not _WHO_ASSESSED.match(sp["text"].strip())
                                             and not _agent_of_passive(p, sp)])
        spans = [sp for sp in spans if _clean_phrase(sp["text"]) and not (key == "outcomes" and re.search(r"\d", sp["text"]))]
        if key == "outcomes":
            spans = _methods_outcomes_first(p, [sp for sp in spans if not _only_in_allocation(p, sp)])
        if key == "population":
            spans = [{**sp, "text": _main_population(p, sp["text"])} for sp in spans]
            # People a subgroup's result speaks of ("BES participants with Level IIb + V dissections had better scores":
            # generate.subgroup_results) are not who took part: the row keeps the people named elsewhere.
            sub = set(a.get("_subgroups") or ())
            elsewhere = [sp for sp in spans if not (placed := set(pico_sentence_ids(p.sentences, [sp]))) or not placed <= sub]
            if sub and elsewhere and len(elsewhere) < len(spans) and pico_sentence_ids(p.sentences, elsewhere):
                spans = elsewhere
        if spans and not pico_sentence_ids(p.sentences, spans):
            spans = []  # spans we cannot place in the abstract (e.g. from the title): use the sentence roles
        if key == "population" and spans:
            # "adults with OA" from the aim is what the authors meant to study; a sentence that describes who
            # actually took part ("382 patients aged at least 40 years who had OA of the knee ...") says more.
            aim_ids = {s.id for s in p.get("aim")}
            took_part = _population_sentence(p) if design not in ("meta-analysis", "systematic review", "scoping review") else None
            if took_part and aim_ids and set(pico_sentence_ids(p.sentences, spans)) & aim_ids:
                add(label, cap(took_part[0]), "extracted", [took_part[1]])
                continue
        if key == "outcomes":
            # "a goniometer" is how it was measured: the row names the quantity (instrument.py), or drops it
            placed = {id(sp): pico_sentence_ids(p.sentences, [sp]) for sp in spans}
            spans = [{**sp, "text": q, "_ids": placed[id(sp)]} for sp in spans for q in [_quantity_of(p, sp)] if q]
        if spans:
            texts = list(dict.fromkeys(_APPOSITIVE.sub("", strip_detail(sp["text"])).strip(" .;,") for sp in spans))
            # A phrase another one already holds ("older adults with neck pain" inside "Forty-two older adults
            # with neck pain") is said once, by the longer one.
            texts = [t for i, t in enumerate(texts) if not any(t.lower() in u.lower() for u in texts[:i])
                     and not any(t.lower() in u.lower() and len(u) > len(t) for u in texts[i + 1:])][:3]
            ids = list(dict.fromkeys(i for sp in spans for i in sp["_ids"])) if key == "outcomes" else \
                pico_sentence_ids(p.sentences, spans)
            add(label, cap("; ".join(texts)), "extracted", ids)
        elif part and p.get(part) and _clean_phrase(p.get(part)[0].text) and (
                part != "population" or _people_part(p.get(part)[0].text)):
            s = p.get(part)[0]
            add(label, strip_detail(s.text), "extracted", [s.id])
    arm = {r["label"]: r["text"] for r in rows}
    if "Intervention" in arm and "Comparison" in arm and _same_arm(arm["Intervention"], arm["Comparison"]):
        # "Comparison: individualised neuromuscular exercise therapy" beside "Intervention: an individualised
        # exercise programme": the comparison row names the intervention again, so it is left out.
        rows = [r for r in rows if r["label"] != "Comparison"]
    n, k = a.get("n_participants"), a.get("n_studies")
    kn_src = [kn.get("sentence") for kn in a.get("key_numbers") or [] if kn.get("sentence") and _has(p, kn["sentence"])]
    sample = "; ".join(x for x in (f"{k} studies" if k else "", f"{n} participants" if n else "") if x)
    add("Sample", sample, "templated", kn_src)
    if a.get("followup"):
        add("Follow-up", str(a["followup"]), "templated", kn_src)
    for s in p.get("aim")[:1]:
        add("Aim", short_aim(s.text, _AIM_LEAD, _CLAUSE, 25), "rewritten", [s.id])
    return rows


_MEASURE_LEAD = re.compile(r"^(?:(?:the )?(?:scores?|measures?|results?) (?:from|of|on) |the )", re.I)


def _list_items(sp: dict) -> list[dict]:
    """ "Scores from the Roland questionnaire, a pain scale, and a recovery scale." -> one span per measure, with
    offsets, when the whole list is too long for a row."""
    text = sp["text"].rstrip(" .;")
    out, pos = [], 0
    for piece in re.split(r",\s*(?:and\s+)?|;\s*|\s+and\s+(?=[a-z]+ (?:scale|score|questionnaire|index|test)\b)", text):
        at = text.find(piece, pos)
        pos = at + len(piece)
        lead = _MEASURE_LEAD.match(piece)
        item = piece[lead.end():] if lead else piece
        if item.strip() and "start" in sp and sp.get("start", -1) >= 0:
            start = sp["start"] + at + (lead.end() if lead else 0)
            out.append({**sp, "text": item.strip(), "start": start, "end": start + len(item.strip())})
        elif item.strip():
            out.append({**sp, "text": item.strip()})
    return out


_HEAD_NOUN = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(scores?|scales?|questionnaires?|index|indices|instruments?)\b", re.I)


def _with_head_noun(p: Parts, sp: dict) -> dict:
    """A measure's name the tagger cut before its noun ("the Upper Limb Function" of "... Upper Limb Function (ULF)
    score") gets the noun back from the sentence it was cut from."""
    a, b = sp.get("start", -1), sp.get("end", -1)
    s = next((s for s in p.sentences if a >= 0 and s.start <= a < b <= s.end), None)
    if s is None or s.text[a - s.start:b - s.start] != sp.get("text"):
        return sp
    m = _HEAD_NOUN.match(s.text[b - s.start:])
    if not m:
        return sp
    return {**sp, "text": s.text[a - s.start:b - s.start + m.end()], "end": b + m.end()}


def _outcome_spans(p: Parts, pico: dict[str, Any], spans: list[dict]) -> list[dict]:
    """The outcome spans fit for the Outcomes row: a long list of measures split into its measures, and a span
    that names an arm of the trial ("conservative care") left out."""
    expanded: list[dict] = []
    for sp in (_with_head_noun(p, x) for x in spans):
        expanded += [sp] if _clean_phrase(sp["text"]) else [it for it in _list_items(sp) if _clean_phrase(it["text"])]
    arms = [re.findall(r"[a-z]{3,}", (a.get("text") or "").lower()) for k in ("intervention", "comparison") for a in pico.get(k) or []]
    expanded = [sp for sp in expanded if not any(set(w) <= set(arm) for arm in arms
                                                  for w in [re.findall(r"[a-z]{3,}", sp["text"].lower())] if w)]
    return expanded


def _background_only(p: Parts, sp: dict) -> bool:
    """Is the span placed in background sentences only (and the abstract has other parts)?"""
    ids = set(pico_sentence_ids(p.sentences, [sp]))
    back = {s.id for s in p.sentences if p.part.get(s.id) == "background"}
    return bool(ids) and ids <= back and len(back) < len(p.sentences)


def _methods_outcomes_first(p: Parts, spans: list[dict]) -> list[dict]:
    """When the methods or aim name the outcomes, spans the tagger found only in results or conclusions (often
    fragments: "alike by one year and these") are left out."""
    late = {s.id for s in p.sentences if p.part.get(s.id) in ("results", "conclusion")}
    placed = [(sp, set(pico_sentence_ids(p.sentences, [sp]))) for sp in spans]
    # Words found only in the background ("... due to the increased calcium demand during growth") are the authors'
    # context: what the results or conclusions speak of was measured, so it goes first.
    # (results spans are often fragments - "the reduction", "favor of responders" - and do not displace them)
    results = {s.id for s in p.sentences if p.part.get(s.id) == "results"}
    if any(not _background_only(p, sp) and not (ids and ids <= results) for sp, ids in placed):
        placed = [(sp, ids) for sp, ids in placed if not _background_only(p, sp)]
    if any(ids and not ids <= late for _, ids in placed):
        return [sp for sp, ids in placed if not (ids and ids <= late)]
    return [sp for sp, _ in placed]


def _population_sentence(p: Parts) -> tuple[str, str] | None:
    """The sentence that describes who took part, when it is a description and not an enrolment clause."""
    for s in p.get("population")[:1]:
        t = strip_detail(s.text).strip(" .;,")
        who = _PERSON.search(t)
        # It must open with the people ("382 patients aged ...", "Adults aged 18-65 with ..."), not with
        # the study ("This study consisted of trials with ... patients").
        if not who or len(t[:who.start()].split()) > 6 or re.match(r"(?:this|the|our|each) (?:study|trial|review|analysis)\b|we\b", t, re.I):
            return None
        if len(t.split()) > 28 or re.search(
                r"\b(?:were|was)\s+(?:\w+\s+)?(?:randomi[sz]ed|randomly|allocated|assigned|enrolled|recruited|included|"
                r"studied|divided|selected)\b|[;:]", t, re.I):
            return None
        return t, s.id
    return None


_ALLOCATION = re.compile(r"\b(?:randomly|randomi[sz]ed)\b.{0,30}\b(?:assigned|allocated|divided|to receive)\b|\brandomi[sz]ed to\b", re.I)
_MEASURE_WORD = re.compile(r"\b(?:outcomes?|measured|assessed|evaluated|endpoints?|scores?|scales?|questionnaires?|recorded)\b", re.I)


def _only_in_allocation(p: Parts, sp: dict) -> bool:
    """An outcome span found only in the sentence that says who got what ("randomly assigned to receive
    toxin or placebo in muscles with increased tenderness") names where or to whom a treatment was given,
    not what was measured, unless that sentence also speaks of measuring."""
    ids = set(pico_sentence_ids(p.sentences, [sp]))  # where the tagger found it, by offsets when it has them
    hits = [s for s in p.sentences if s.id in ids]
    return bool(hits) and all(_ALLOCATION.search(s.text) and not _MEASURE_WORD.search(s.text) for s in hits)


_ELIGIBLE_SUBJECT = r"\s+(?:were|was|are|is)\s+(?:also\s+)?(?:eligible|included|excluded|ineligible)\b"


def _main_population(p: Parts, text: str) -> str:
    """ "Patients with bilateral hip impingement were eligible; only the worse hip ..." names a subgroup the trial
    allowed in, not the people it studied. When another sentence names the same condition without the
    qualifier ("We enrolled patients with hip impingement"), that phrase is the population."""
    t = text.strip(" .;,")
    if not any(re.search(re.escape(t) + _ELIGIBLE_SUBJECT, s.text, re.I) for s in p.sentences):
        return text
    m = re.match(r"^(\w+)\s+with\s+(.+)$", t, re.I)
    if not m:
        return text
    who, cond = m.group(1), m.group(2).split()
    for k in range(len(cond) - 1, 1, -1):  # drop leading qualifiers one by one, keep at least two words
        tail = " ".join(cond[len(cond) - k:])
        pat = re.compile(rf"\b({re.escape(who)}\s+with\s+{re.escape(tail)})\b", re.I)
        for s in p.sentences:
            hit = pat.search(s.text)
            if hit and not re.search(re.escape(hit.group(1)) + _ELIGIBLE_SUBJECT, s.text, re.I):
                return hit.group(1)
    return text


_PERSON = re.compile(r"(?<![-\w])(people|persons?|patients?|participants?|subjects?|adults?|children|child|infants?|adolescents?"
                     r"|teenagers?|women|men|males?|females?|girls?|boys?|volunteers?|workers?|athletes?|runners?"
                     r"|players?|students?|residents?|veterans?|employees?|individuals?|mothers?|survivors?|users?"
                     r"|smokers?|elderly|older|neonates?|newborns?|babies|recruits?|soldiers?|nurses?|cases)(?![-\w])", re.I)


def _people_part(text: str) -> str | None:
    """The part of a population span that names people ("analgesia in patients undergoing X" -> "patients
    undergoing X"); None when the span names no people at all (a procedure or drug tagged as population)."""
    if not _PERSON.search(text):
        return None
    if _PERSON.fullmatch(text.strip(" .;,")):
        return None  # a bare "Patients" says nothing a reader can use: leave the row out
    m = re.search(r"\b(?:in|among)\s+(.+)$", text, re.I)
    if m and _PERSON.search(m.group(1)) and not _PERSON.search(text[:m.start()]):
        return m.group(1)
    return text


_GENERIC_SPAN = re.compile(r"(?:the |a |an |all |eligible |other )?(?:treatments?|therap(?:y|ies)|interventions?|controls?|"
                           r"groups?|followed[- ]up|follow[- ]up|participants?|patients?|subjects?|people|allocation|"
                           r"procedures?|management|care)", re.I)


def _same_arm(x: str, c: str) -> bool:
    stop = {"a", "an", "the", "and", "of", "with", "or", "to", "in", "for"}
    wx = {w for w in re.findall(r"[a-z]+", x.lower()) if w not in stop}
    wc = {w for w in re.findall(r"[a-z]+", c.lower()) if w not in stop}
    return bool(wx and wc) and len(wx & wc) / min(len(wx), len(wc)) >= 0.5 and not re.search(r"\b(?:placebo|sham|control|usual|no )", c, re.I)


# Where the authors searched or who funded them is no population, treatment or outcome ("Outcomes: PsycLIT; EMBASE").
_NOT_PICO = re.compile(r"\b(?:medline|embase|cinahl|psyc(?:lit|info)|healthstar|aidsline|cancerlit|micromedex|pubmed|scopus|"
                       r"web of science|cochrane (?:library|register|central|controlled trials register)|merck|dohme|pfizer)\b", re.I)
# Cut before its noun: "patients with acute", "Eighty postmenopausal women with low", "patients with rheumatoid".
_CUT_ADJECTIVE = re.compile(r"\b(?:with|of|for|in) (?:[\w-]+ )?(?:acute|sub-?acute|chronic|low|high|rheumatoid|mild|moderate|severe|"
                            r"non-?cancer|non-?specific|mechanical|low back)$", re.I)


def _balanced(text: str) -> bool:
    """Every bracket closed after it opens ("Primary outcome) and ... (MCS" is cut at both ends)."""
    depth = 0
    for ch in text:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _clean_phrase(text: str, max_words: int = 14) -> bool:
    """A short noun phrase fit for a methods row: no verb of a clause, no dangling edge word."""
    t = strip_detail(text).strip(" .;,")
    words = t.split()
    if not _balanced(text):
        return False  # "nonsteroidal anti-inflammatory drugs (NSAIDs": cut inside its brackets
    if _NOT_PICO.search(t) or _CUT_ADJECTIVE.search(t):
        return False
    if broken(t):
        return False  # "participants with better adherence also improved in postural sway": a clause (pieces.py)
    if _GENERIC_SPAN.fullmatch(t):
        return False  # "treatment", "followed-up", "eligible participants": says nothing a reader can use
    if len(words) >= 2 and re.search(r"(?:al|ive|ic|-based)$", words[-1], re.I) and words[-1].lower() not in ("usual", "normal"):
        return False  # "12 weeks of facility-based functional": cut before its noun
    if len(words) == 1 and re.search(r"(al|ed|ly|ive)$", t, re.I):
        return False  # a lone adjective or participle ("experimental"), not a phrase
    if words and words[-1].lower().endswith("ed") and words[-1].lower() not in _ADJ_ED:
        return False  # "also conducted": a clause's tail
    return bool(t) and len(t.split()) <= max_words and not (
        _CLAUSE.search(t) or _BAD_EDGE_START.search(t) or _BAD_EDGE_END.search(t) or re.search(r"[;<>=]", t)
        or re.search(r"\b(when|where|which|whereas|while|who (?:\w+ly )?\w+ed|received|receiving|underwent|took|allocated"
                     r"|assigned|randomi[sz]ed|\w+ed as|fell|rose|differed|occurred|caused|gave|led|worsened)\b", t, re.I)
        or re.search(r"(\b\w|-blind)$", t, re.I)
        or re.match(r"(the )?(percentage|proportion|number|rate|mean|median|change|effect)s?\b", t, re.I))
