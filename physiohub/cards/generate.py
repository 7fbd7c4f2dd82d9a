"""The default, extractive card generator: no network, no model service.

Every card text is one of three kinds, recorded in its provenance:
- extracted: a source sentence as written (findings, methods rows, the authors' limitations);
- rewritten: a source sentence made plain (lay words, statistics and asides removed, split short);
- templated: PhysioHub's own wording filled with facts from the appraisal or the source.
Certainty words follow the evidence badge (phrases.claim). The final gate drops any text whose
numbers the source does not state, then ``check_grounding`` must find nothing.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import InvalidInput
from ..models import Record
from . import phrases
from .grounding import counted, gate, source_values, ungrounded
from .ladder import plain_ladder
from .parts import Parts, analyse, pico_sentence_ids
from .plain import cap, lay, sentence
from .readability import plain_sentences, strip_detail
from .spans import (_AIM_LEAD, _APPOSITIVE, _CLAUSE, _lower_first, _span_text,
                    methods_rows)
from .upshot import conclusion_sentence, plain_claim, short_aim, similar

GENERATOR = "physiohub.cards.extractive"
VERSION = "1.2"
log = logging.getLogger(__name__)

Item = tuple[str, str, list[str]]  # (text, provenance kind, source sentence ids)
REVIEW_DESIGNS = {"meta-analysis", "systematic review", "scoping review"}
TRIAL_DESIGNS = {"randomised controlled trial", "non-randomised controlled trial"}


_NO_TREATMENT_DESIGNS = {"lab/animal/experimental", "protocol", "editorial/commentary/letter", "diagnostic accuracy",
                         "economic evaluation", "qualitative", "case report", "case series", "cross-sectional"}
_CONCL_VERB = re.compile(
    r"^(?P<np>[A-Za-z][\w'/-]*(?:\s+(?!(?:may|might|probably|can|could|does|do|did|is|are|was|were|appears?|seems?)\b)"
    r"[\w'/-]+){0,5}?)\s+(?:may|might|probably|can|could|does|do|did|appears? to|seems? to|is|are|was|were)?\s*"
    r"(?:not\s+)?(?:improves?|improved|reduces?|reduced|decreases?|decreased|increases?|increased|helps?|helped"
    r"|relieves?|relieved|lowers?|lowered|prevents?|prevented|benefits?|(?:be|is|are|was|were) (?:effective|beneficial|helpful|better|superior))\b",
    re.I,
)
_SUBJECT_STOP = {"these", "this", "the", "there", "it", "we", "our", "further", "more", "evidence", "data", "findings",
                 "results", "overall", "however", "although", "in", "for", "with", "no", "both", "all", "most", "some",
                 "current", "available", "limited", "insufficient", "that", "such", "each", "either", "neither",
                 "patients", "participants", "people", "women", "men", "children", "adults", "studies", "trials"}


def _subject_of_conclusion(p: Parts) -> tuple[str, str] | None:
    """The treatment a conclusion speaks of, when it opens with one ("Long-term antibiotic prophylaxis
    probably reduces ..."): a short noun phrase before a verb of effect; pronouns and "These results" refused."""
    for s in p.get("conclusion")[:2]:
        core = re.sub(r"^(in conclusion|in summary|overall|therefore|thus|to conclude)[,:]?\s+", "", strip_detail(s.text), flags=re.I)
        m = _CONCL_VERB.match(core)
        if not m:
            continue
        np_ = m.group("np").strip()
        words = np_.split()
        if words[0].lower() in _SUBJECT_STOP or not 1 <= len(words) <= 6:
            continue
        t, _ = _span_text([{"text": np_}], 6)
        if t:
            return lay(_lower_first(t)), s.id
    return None


def _who(appraisal: dict[str, Any]) -> str | None:
    conds = appraisal.get("conditions") or []
    if conds:
        return "people with " + lay(conds[0])  # the appraisal's casing: "Achilles" stays a name
    regions = [r for r in appraisal.get("body_regions") or [] if r != "general"]
    if regions:
        r = regions[0]
        return "people with widespread pain" if r == "widespread pain" else f"people with {r} pain"
    return None


def _aim_object(p: Parts) -> tuple[str | None, list[str]]:
    for s in p.get("aim"):
        m = re.search(r"\bto (?:determine|evaluate|assess|investigate|examine|compare|explore|describe|review|"
                      r"summari[sz]e|identify|test)\s+(.*)$", strip_detail(s.text), re.I)
        if m:
            obj = re.sub(r"^(more fully|more closely|further|systematically|prospectively)\s+", "", m.group(1).strip(" ."))
            obj = _APPOSITIVE.sub("", obj)  # drop an appositive aside
            if 2 <= len(obj.split()) <= 14 and not (_CLAUSE.search(obj) and not re.match(r"(whether|if|how)\b", obj, re.I)):
                return lay(obj), [s.id]
    return None, []


def _question(record: Record, a: dict[str, Any], p: Parts, who: str | None, what: str | None,
              cmp: str | None, src: list[str]) -> Item:
    short, _ = phrases.DESIGN_PLAIN.get(a.get("design", "other"), ("study", ""))
    lead = f"For {lay(who)}, " if who else ""
    about = f"{record.title} {' '.join(s.text for s in p.get('aim'))}".lower()
    if who and not what and who.split()[-2].lower() in about:
        lead = ""  # the question's object names the condition already
    if what:
        vs = f" compared with {cmp}" if cmp else ""
        q = f"{lead}{'do' if phrases.plural(what) else 'does'} {what} help{vs}?"
        return cap(q), "templated", src
    obj, ids = _aim_object(p)
    if obj:
        return cap(f"{lead}what does this {short} tell us about how to {obj}?"
                   if obj.split()[0].lower() in ("improve", "reduce", "treat", "manage") else
                   f"{lead}what does this {short} tell us when it sets out to look at {obj}?"), "templated", ids
    title = re.split(r"[:?]|\.\s", record.title)[0].strip(" .") if record.title else ""
    title = re.sub(r"^(exploring|investigating|evaluating|assessing|examining|comparing|determining|describing)\s+",
                   "", title, flags=re.I)
    if title and len(title.split()) <= 16:
        t = _lower_first(title)
        return cap(f"{lead}what does this {short} tell us about {lay(t)}?"), "templated", []
    return cap(f"{lead}what does this {short} add to what we know?"), "templated", []


def _answer(a: dict[str, Any], p: Parts, who: str | None, what: str | None, cmp: str | None,
            src: list[str]) -> list[Item]:
    """The hedged claim (when the study tests a named treatment) and the authors' main conclusion, made
    plain and short, with no statistics; else the conclusion and the certainty note for the badge."""
    evidence = a.get("evidence") or "Very limited"
    verdict = a.get("verdict") or "Too early to tell"
    out: list[Item] = []
    verdict_ids = [i for i in a.get("verdict_sentences") or [] if _has(p, i)]
    concl = conclusion_sentence(p, verdict_ids)
    body = plain_claim(concl.text) if concl else None
    if what:
        out.append((phrases.verdict_claim(verdict, evidence, what, lay(who) if who else "", cmp or ""),
                    "templated", src + verdict_ids))
        if body and not similar(body, out[0][0], 0.8):
            out.append((f"The authors conclude that {_lower_first(body).rstrip('.')}.", "rewritten", [concl.id]))
    elif body:
        out.append((f"The authors conclude that {_lower_first(body).rstrip('.')}.", "rewritten", [concl.id]))
        out.append((phrases.CERTAINTY_NOTE.get(evidence, phrases.CERTAINTY_NOTE["Very limited"]), "templated", []))
    elif p.sentences:
        # Nothing reads as a plain conclusion: the weightiest result said plainly; failing that (results
        # that are all numbers), the conclusion or closing sentence shortened, statistics removed.
        ranked = sorted(p.get("results") or p.sentences, key=lambda s: (-_result_weight(s.text), -s.start))
        found = next(((pl, s) for s in ranked for pl in [plain_claim(s.text, 25)] if pl), None)
        if not found:
            s = concl or p.sentences[-1]
            pl = plain_sentences(s.text, 25)
            found = (pl[0], s) if pl else None
        if found:
            out.append((f"The authors' main point: {_lower_first(found[0])}", "rewritten", [found[1].id]))
            out.append((phrases.CERTAINTY_NOTE.get(evidence, phrases.CERTAINTY_NOTE["Very limited"]), "templated", []))
    return out[:3]


def _has(p: Parts, sid: str) -> bool:
    return any(s.id == sid for s in p.sentences)


def _key_points(a: dict[str, Any], p: Parts, used: set[str]) -> list[Item]:
    """3-6 distinct, short, plain points in the reference card's manner: what kind of study, what it set
    out to do, the main results in words (the numbers stay in the findings), the authors' conclusion, an
    author-stated caveat, and the evidence badge with its whole ladder."""
    design = a.get("design", "other")
    _, long = phrases.DESIGN_PLAIN.get(design, ("study", "a study"))
    n, k = a.get("n_participants"), a.get("n_studies")
    kn_src = [kn.get("sentence") for kn in a.get("key_numbers") or []
              if kn.get("kind") in ("n", "k", "participants", "studies") and kn.get("sentence")]
    short, _ = phrases.DESIGN_PLAIN.get(design, ("study", "a study"))
    if k:
        first = f"This {short} brought together {k} studies" + (f" with {n} people" if n else "")
    elif n and design not in ("case report",):
        first = f"This was {long}. It included {n} people"
    else:
        first = f"This was {long}"
    out: list[Item] = [(sentence(first), "templated", [s for s in kn_src if _has(p, s)])]
    for s in (p.get("aim") or [])[:1]:
        aim = short_aim(s.text, _AIM_LEAD, _CLAUSE, 22)
        if aim:
            out.append((sentence(lay("It set out " + _lower_first(aim))), "rewritten", [s.id]))
    body: list[Item] = []
    results = sorted(p.get("results"), key=lambda s: -_result_weight(s.text))[:4]
    for s in sorted(results, key=lambda s: s.start):
        pl = plain_claim(s.text)
        if pl:
            body.append((pl, "rewritten", [s.id]))
    for s in p.get("conclusion")[:2]:
        pl = plain_claim(s.text)
        if pl:
            body.append((pl, "rewritten", [s.id]))
    for sid in p.limitation_ids[:2]:
        pl = plain_claim(p.by_id(sid).text)
        if pl and not _STATS_HEAVY.search(p.by_id(sid).text):
            body.append((pl, "rewritten", [sid]))
    if len(out) + len(body) < 2:
        for s in p.get("background")[:2]:
            pl = plain_claim(s.text)
            if pl:
                body.insert(0, (pl, "rewritten", [s.id]))
    for item in body:
        if len(out) >= 5:
            break
        if not any(similar(item[0], t) for t, _, _ in out) and not any(similar(item[0], u) for u in used):
            out.append(item)
    if len(out) < 3:  # too few distinct points: the answer's own conclusion may stand as a point too
        for item in body:
            if len(out) < 3 and not any(similar(item[0], t) for t, _, _ in out):
                out.append(item)
    if len(out) < 3:  # results all numbers: a shortened source sentence, statistics removed, numbers kept
        for s in p.get("results") + p.get("conclusion") + p.get("background") + p.sentences:
            pl = [t for t in plain_sentences(s.text, 25) if 5 <= len(t.split()) <= 40][:1]
            if len(out) < 3 and pl and not any(similar(pl[0], t) for t, _, _ in out):
                out.append((pl[0], "rewritten", [s.id]))
    if a.get("evidence"):
        ladder = a.get("_ladder")
        out.append((sentence(f"Strength of evidence: {a['evidence'].lower()}") + (f" {ladder}" if ladder else ""),
                    "templated", [s for s in kn_src if _has(p, s)] if ladder else []))
    return out[:6]


_COUNTABLE = re.compile(r"\b(programme|program|protocol|intervention|course|session|approach|device|brace|injection"
                        r"|orthosis|splint|insole|app|class|procedure|technique|operation|plan)$", re.I)


def article(phrase: str) -> str:
    """'calf loading programme' -> 'a calf loading programme'; uncountable or determined phrases stay."""
    if re.match(r"(a|an|the|this|these|their|its|our|his|her)\b", phrase, re.I) or not _COUNTABLE.search(phrase):
        return phrase
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


_STATS_HEAVY = re.compile(r"\b(95\s*%|CI|p\s*[<=]|RR|OR|SMD|MD|HR)\b|\d+\s*(studies|trials|participants)", re.I)


def _result_weight(text: str) -> float:
    w = 0.0
    if re.search(r"\b(significant\w*|improv\w+|reduc\w+|increas\w+|decreas\w+|differ\w*|associat\w+|effect)\b", text, re.I):
        w += 2
    if re.search(r"\d", text):
        w += 1
    return w


def _findings(a: dict[str, Any], p: Parts) -> list[Item]:
    results = p.get("results")
    chosen = [s for s in results if re.search(r"\d", s.text)] or results
    if not chosen:
        ids = {kn.get("sentence") for kn in a.get("key_numbers") or []}
        chosen = [s for s in p.sentences if s.id in ids] or p.get("conclusion")
    if not chosen:
        chosen = [s for s in p.sentences if re.search(r"\d", s.text)][:3] or p.sentences[-2:]
    return [(sentence(s.text), "extracted", [s.id]) for s in chosen[:5]]


def _limitations(a: dict[str, Any], p: Parts, record: Record) -> list[Item]:
    out: list[Item] = []
    if a.get("retracted") or record.retracted:
        out.append(("This paper has been retracted: do not rely on its results.", "templated", []))
    for sid in p.limitation_ids[:3]:
        text = p.by_id(sid).text
        if _STATS_HEAVY.search(text) and not re.match(r"\s*(limitations?|however|but|the (main|major) limitation)", text, re.I):
            continue  # a result with statistics that happens to mention certainty: it belongs to findings
        out.append((sentence(text), "extracted", [sid]))
    design = a.get("design", "other")
    text = f"{record.title} {record.abstract}"
    if design == "lab/animal/experimental" and phrases.ANIMAL.search(text):
        out.append(("Animal study: results may not apply to people.", "templated", []))
    elif design == "lab/animal/experimental" and phrases.IN_VITRO.search(text):
        out.append(("Lab study: results may not apply to people.", "templated", []))
    elif design in phrases.IMPLIED_LIMITS:
        out.append((phrases.IMPLIED_LIMITS[design], "templated", []))
    n, k = a.get("n_participants"), a.get("n_studies")
    if design in REVIEW_DESIGNS and k and k < 3:
        out.append((f"Few studies: only {k} included.", "templated", []))
    elif design in REVIEW_DESIGNS and n and n < 200:
        out.append((f"Small total sample: {n} participants across the studies.", "templated", []))
    elif design not in REVIEW_DESIGNS and n and n < 50 and design not in ("case report", "case series", "qualitative"):
        out.append((f"Small sample: {n} participants.", "templated", []))
    if phrases.PILOT.search(text) and design not in ("protocol",):
        out.append(("Pilot or feasibility study: not built to show whether a treatment works.", "templated", []))
    return out[:6]


def _why(a: dict[str, Any], who: str | None, what: str | None, cmp: str | None) -> dict[str, Item]:
    evidence = a.get("evidence") or "Very limited"
    verdict = a.get("verdict") or "Too early to tell"
    design = a.get("design", "other")
    _, long = phrases.DESIGN_PLAIN.get(design, ("study", "a study"))
    plain_who = lay(who) if who else ""
    if design in ("lab/animal/experimental",):
        patients = "This is lab research. It does not yet tell you what works for people, so it should not change your care."
    elif design in ("protocol",):
        patients = "This study has not reported results yet, so it should not change your care."
    elif what and verdict != "Too early to tell":
        patients = (phrases.verdict_claim(verdict, evidence, what, plain_who, cmp or "")
                    + " Talk with your physio or doctor about what suits you.")
    elif evidence in ("Limited", "Very limited") or verdict == "Too early to tell":
        patients = "This is an early piece of the picture. On its own it should not change your care."
    else:
        patients = "This adds to what we know. Ask your physio or doctor what it means for you."
    n, k = a.get("n_participants"), a.get("n_studies")
    size = f" of {k} studies" if k else (f" with {n} participants" if n else "")
    ladder = a.get("_ladder")
    clinicians = sentence(f"{cap(design)}{size}; evidence rated {evidence.lower()}") + (f" {ladder}" if ladder else "") + " " + sentence(
        f"In short, {phrases.VERDICT_CLINICIAN.get(verdict, 'its meaning for practice is unclear')}")
    readers = (f"This is {long}, with {evidence.lower()} evidence behind it. "
               + phrases.VERDICT_READER.get(verdict, ""))
    return {"patients": (patients, "templated", []), "clinicians": (clinicians, "templated", []),
            "readers": (readers.strip(), "templated", [])}


def _citation(record: Record) -> str:
    names = [au.display for au in record.authors if au.display]
    who = ", ".join(names[:3]) + (", et al" if len(names) > 3 else "")
    bits = [who, record.title.rstrip("."), record.journal_abbrev or record.journal]
    cite = ". ".join(b for b in bits if b)
    if record.year:
        cite += f". {record.year}"
        if record.volume:
            cite += f";{record.volume}" + (f"({record.issue})" if record.issue else "")
            if record.pages:
                cite += f":{record.pages}"
    return cite.strip() + "." if cite.strip() else ""


def _grounded(items: list[Item], values: set[float], where: str) -> list[Item]:
    keep = []
    for text, kind, src in items:
        bad = ungrounded(text, values)
        if bad:
            log.info("card %s: dropped text with numbers not in the source %s: %r", where, bad, text[:80])
            continue
        keep.append((text, kind, list(dict.fromkeys(src))))
    return keep


def generate_card(record: Record, appraisal: dict[str, Any] | None) -> dict[str, Any]:
    """A grounded plain-language card for one record, worded to its appraisal (see module doc)."""
    if not isinstance(record, Record):
        raise InvalidInput(f"generate_card needs a Record, not {type(record).__name__}")
    if appraisal is not None and not isinstance(appraisal, dict):
        raise InvalidInput(f"generate_card needs the appraisal as a dict, not {type(appraisal).__name__}")
    a = dict(appraisal or {})
    # Counts go into templated sentences only when the source states them as counts of that kind.
    if not counted(record, a.get("n_participants"), "people"):
        a["n_participants"] = None
    if not counted(record, a.get("n_studies"), "studies"):
        a["n_studies"] = None
    if a.get("n_studies") and a.get("n_participants") and a["n_participants"] < a["n_studies"]:
        a["n_participants"] = None  # fewer people than studies: one of the two counts was misread
    # The whole evidence ladder in plain words, or none of it (ladder.py).
    values = source_values(record)
    a["_ladder"] = plain_ladder(a.get("evidence_reasons") or [], a.get("evidence") or "", a.get("n_participants"),
                                a.get("n_studies"))
    p = analyse(record)
    pico = a.get("pico") or {}
    what, what_spans = _span_text(pico.get("intervention"), 8)
    cmp, cmp_spans = _span_text(pico.get("comparison"), 6)
    what = lay(_lower_first(what)) if what else None
    what = article(what) if what else None
    # A span the tagger cut badly ("placebo was 2" out of "placebo was 2.3") must not become the subject
    # of a claim: the question and answer are then asked without it.
    if what and (ungrounded(what, values) or _CLAUSE.search(what)):
        what, what_spans = None, []
    if cmp and (ungrounded(cmp, values) or _CLAUSE.search(cmp)):
        cmp, cmp_spans = None, []
    cmp = lay(_lower_first(cmp)) if cmp else None
    who = _who(a)
    src = pico_sentence_ids(p.sentences, what_spans + cmp_spans)
    if not what and a.get("design") not in _NO_TREATMENT_DESIGNS:
        found = _subject_of_conclusion(p)
        if found and not ungrounded(found[0], values):
            what, src = article(found[0]), [found[1]]
    if not p.sentences:
        what = None  # nothing to hedge a treatment claim on

    prov: list[dict[str, Any]] = []
    card: dict[str, Any] = {"title": record.title}

    q = _grounded([_question(record, a, p, who, what, cmp, src)], values, "question")
    if not q:  # the treatment phrase carried an unstated number; ask without it
        q = _grounded([_question(record, a, p, who, None, None, [])], values, "question")
    answer = _grounded(_answer(a, p, who, what, cmp, src), values, "answer")
    if not answer and not p.sentences:
        answer = [("This record has no abstract, so we cannot say what the study found.", "templated", [])]
    card["upshot"] = {}
    if q:
        card["upshot"]["question"] = q[0][0]
        prov.append({"path": "upshot.question", "kind": q[0][1], "sources": q[0][2]})
    if answer:
        card["upshot"]["answer"] = " ".join(t for t, _, _ in answer)
        kinds = {k for _, k, _ in answer}
        prov.append({"path": "upshot.answer", "kind": "rewritten" if "rewritten" in kinds else "templated",
                     "sources": list(dict.fromkeys(s for _, _, ss in answer for s in ss))})
    card["badges"] = {"verdict": a.get("verdict"), "research_type": a.get("research_type"),
                      "evidence": a.get("evidence")}

    used = {t for t, _, _ in answer}
    for name, items in (("key_points", _key_points(a, p, used) if p.sentences else []),
                        ("findings", _findings(a, p) if p.sentences else []),
                        ("limitations", _limitations(a, p, record))):
        items = _grounded(items, values, name)
        if items:
            card[name] = [t for t, _, _ in items]
            prov += [{"path": f"{name}.{i}", "kind": k, "sources": s} for i, (_, k, s) in enumerate(items)]
    rows = [r for r in methods_rows(a, p, record) if not ungrounded(r["text"], values)]
    if rows:
        card["methods"] = [{"label": r["label"], "text": r["text"]} for r in rows]
        prov += [{"path": f"methods.{i}", "kind": r["kind"], "sources": r["sources"]} for i, r in enumerate(rows)]
    why = {k: v for k, v in _why(a, who, what, cmp).items() if _grounded([v], values, f"why_it_matters.{k}")}
    if why and p.sentences:
        card["why_it_matters"] = {k: v[0] for k, v in why.items()}
        prov += [{"path": f"why_it_matters.{k}", "kind": v[1], "sources": v[2]} for k, v in why.items()]
    card["source"] = {
        "citation": _citation(record), "doi": record.doi or None, "pmid": record.pmid or None,
        "url": record.url or (f"https://doi.org/{record.doi}" if record.doi else
                              f"https://pubmed.ncbi.nlm.nih.gov/{record.pmid}/" if record.pmid else None),
    }
    topics = [t for t in a.get("topics") or [] if t]
    card["topics"] = {"primary": topics[0] if topics else None, "others": topics[1:]}
    card["provenance"] = prov
    card["generator"], card["version"] = GENERATOR, VERSION
    return gate(card, record)
