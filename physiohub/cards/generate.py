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
from ..sections import find_labels, is_back_matter_label, known_label
from . import phrases
from .grounding import counted, gate, source_values, ungrounded
from .ladder import plain_ladder
from .parts import Parts, _has_stats, analyse, pico_sentence_ids
from .outcome import measured_instead
from .pieces import broken
from .plain import a_or_an, agree_articles, cap, gloss, lay, lay_light, sentence, unglossed
from .readability import plain_sentences, strip_detail
from .spans import (_AIM_LEAD, _CLAUSE, _lower_first, _span_text,
                    methods_rows)
from .upshot import (_drop_doses, conclusion_sentence, main_clause, plain_claim, short_aim, side_conclusions_only,
                     side_finding, similar, third_person)
from . import wording
from .abbrev import definitions, spell_out
from ..appraise.evidence import _own_pilot
from ..appraise.numwords import parse_number
from ..appraise.reading import both_groups_improved, read_sentence, significant_p, unclear_why
from .caveat import unclear_difference_note
from .consistency import check_card
from .question import (CONDITION_WORDS, Pico, _people, aim_topic, asked_share, build_question, from_aim, from_title,
                       plural, title_question, title_share)
from .casing import upper_first
from ..appraise.subgroup import denies_generally, generalises, limit_sentence, limited_line, plain_signs, subgroup_limit

GENERATOR = "physiohub.cards.extractive"
VERSION = "2.12"
log = logging.getLogger(__name__)

Item = tuple[str, str, list[str]]  # (text, provenance kind, source sentence ids)
REVIEW_DESIGNS = {"meta-analysis", "systematic review", "scoping review"}
TRIAL_DESIGNS = {"randomised controlled trial", "non-randomised controlled trial", "crossover trial"}


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
        # "The iStoppFalls exercise program reduced ...": the article leads a treatment's name, not a pronoun.
        np_ = re.sub(r"^the\s+(?=\S)", "", np_, flags=re.I) if len(np_.split()) > 2 else np_
        words = np_.split()
        if words[0].lower() in _SUBJECT_STOP or not 1 <= len(words) <= 6:
            continue
        t, _ = _span_text([{"text": np_}], 6)
        if t:
            return lay(_lower_first(t)), s.id
    return None


_ARMS = re.compile(r"\brandom(?:ly|i[sz]ed)? (?:selected|assigned|allocated|divided|randomi[sz]ed)?\s*(?:\(1:1\) )?(?:to|into|between)\s+"
                   r"(?:participate in |receive |two groups:?\s*|either\s+)?(?:the |a |an )?(?P<a>[^,;.:]{3,70}?)\s+(?:or|and|versus|vs\.?)\s+"
                   r"(?:to )?(?:the |a |an )?(?P<b>[^,;.:]{3,70}?)(?:\s+(?:in|for|during|over)\b|[,;.:]|$)", re.I)


# "one group (n=62) was administered aceclofenac CR once daily and the other (n=63), aceclofenac IR twice a day"
_ONE_OTHER = re.compile(
    r"\bone group\b[^.;]{0,40}?\b(?:was |were )?(?:administered|given|received|assigned to|treated with)\s+(?:the |a |an )?"
    r"(?P<a>[^,;.()]{3,60}?)(?:\s+(?:once|twice|three times|daily|for|at|in)\b|\s*[,;.(])[^.;]*?\bthe other(?: group)?"
    r"(?:\s*\([^)]*\))?,?\s+(?:was |were )?(?:administered |given |received |treated with )?(?:the |a |an )?"
    r"(?P<b>[^,;.()]{3,60}?)(?:\s+(?:once|twice|three times|daily|for|at|in)\b|\s*[,;.(])", re.I)
# "... a randomized trial using indomethacin as the active comparator"
_ACTIVE_COMPARATOR = re.compile(r"\b(?:using|with|against)\s+(?:the |an? )?(?P<c>[\w-]+(?: [\w-]+)?) as (?:the |an )?active "
                                r"(?:comparator|control)\b", re.I)


# An intervention named only as a count of arms ("two techniques", "three doses of X", "four turning ... regimens").
_COUNTED_ARMS = re.compile(r"(?:two|three|four|five|six|both|several|different)\s+(?:(?:new|novel|potential|common|"
                           r"different|[\w-]+-based)\s+){0,3}(?:[\w-]+\s+)?(?:techniques?|methods?|doses|dosages|approaches|"
                           r"interventions|programs|programmes|regimens|strategies|apps|treatments|protocols|types|kinds|forms|"
                           r"turning|incentives|schedules|modes|versions|devices|formulations)\b", re.I)


def _sans_alone(arm: str) -> str:
    """'pain education alone' -> 'pain education' (the card adds its own "alone": never "... alone alone")."""
    return re.sub(r"\s+alone$", "", arm.strip(), flags=re.I)


def _randomised_arms(p: Parts, abstract: str, x: str) -> tuple[str, str] | None:
    """The two arms of "randomly divided into two groups: traditional physiotherapy (TP) group and traditional
    physiotherapy-Mulligan mobilization (TPMM) group" -> ("adding Mulligan ... to traditional physiotherapy",
    "traditional physiotherapy alone"); of "randomly selected to participate in STRE or flexibility (FLEX)
    exercises" -> (x, "flexibility exercises"). None unless one arm is plainly the named treatment."""
    defs = definitions(abstract)
    words = lambda t: set(re.findall(r"[a-z]{4,}", t.lower())) - {"group", "groups", "with", "only", "alone"}
    xw = words(x)
    for s in p.sentences:
        m = _ONE_OTHER.search(s.text) or _ARMS.search(s.text)
        if not m:
            continue
        arm_a, arm_b = (re.sub(r"\s*\([^)]*\)", "", spell_out(m.group(g), defs)).strip() for g in ("a", "b"))
        arm_a, arm_b = (re.sub(r"\s+groups?$", "", t, flags=re.I) for t in (arm_a, arm_b))
        if not (1 <= len(arm_a.split()) <= 7 and 1 <= len(arm_b.split()) <= 7) or re.search(r"\d", arm_a + arm_b):
            return None
        wa, wb = words(arm_a), words(arm_b)
        if wa and wa < wb and xw & (wb - wa):  # "traditional physiotherapy" and "traditional physiotherapy-Mulligan ..."
            return f"adding {x} to {_sans_alone(arm_a)}", f"{_sans_alone(arm_a)} alone"
        if wb and wb < wa and xw & (wa - wb):
            return f"adding {x} to {_sans_alone(arm_b)}", f"{_sans_alone(arm_b)} alone"
        da, db = wa - wb, wb - wa  # the words that tell the arms apart ("strengthening" / "flexibility")
        if xw & da and not xw & db:
            return x, arm_b
        if xw & db and not xw & da:
            return x, arm_a
        return None
    return None


def _dose_arms(p: Parts, x: str, cmp: str) -> tuple[str, str]:
    """ "Rofecoxib, 25 mg/d, provided advantages over ... celecoxib and rofecoxib, 12.5 mg": the conclusion is
    about one dose of a drug the trial gave at two, so the question names that dose ("rofecoxib at 25 mg a
    day") and the other dose joins the comparison; asked of the drug at any dose, the card would overstate."""
    for s in p.get("conclusion")[:2]:
        said = _drop_doses(strip_detail(s.text))
        m = re.match(rf"^(?:in conclusion|overall|thus|therefore)?[,\s]*{re.escape(x)} (at (\d[\d.,]*) \S+(?: a day)?)\b", said, re.I)
        if not m:
            continue
        other = [d for d in re.findall(rf"\b{re.escape(x)} at (\d[\d.,]*) ", said[m.end():], re.I) if d != m.group(2)]
        dose = f"{x} {m.group(1)}"
        if other and cmp:
            try:
                word = "lower" if float(other[0].replace(",", "")) < float(m.group(2).replace(",", "")) else "higher"
            except ValueError:
                word = "different"
            cmp = re.sub(r"^(.*?)(?:,? and |$)(.*)$", lambda k: ", ".join(t for t in (k.group(1), k.group(2)) if t), cmp, count=1)
            cmp = f"{cmp} and a {word} dose of {x}"
        return dose, cmp
    return x, cmp


# A word that names a condition (a comparator named so is the studied people's condition, not a treatment).
_CONDITION_WORD = re.compile(rf"\b(?:{CONDITION_WORDS})\b", re.I)
_ON_TOP = r"(?:plus|\+|added to|in addition to|in combination with|combined with|on top of|as an add-on to)"


def _add_on(text: str, x: str, c: str) -> tuple[str, str]:
    """A treatment given on top of its comparator ("rilonacept plus indomethacin ... relative to indomethacin alone"): the
    trial asks whether adding it helps, not which of the two to take. Named so, "X and C gave similar results, so the
    choice between them can rest on other things" cannot be written of an X whose own arm did worse than C. Both forms
    must be in the text: the combination, and the comparator "alone"."""
    xe, ce = re.escape(x), re.escape(c)
    combined = re.search(rf"\b{xe}\s+{_ON_TOP}\s+(?:(?:a|the|standard[- ]of[- ]care|usual|oral|standard)[,\s]+){{0,3}}{ce}\b"
                         rf"|\b{ce}\s+{_ON_TOP}\s+{xe}\b", text, re.I)
    if combined and re.search(rf"\b{ce}\s+alone\b", text, re.I):
        return f"{x} added to {_sans_alone(c)}", f"{_sans_alone(c)} alone"
    return x, c


def study_pico(record: Record, a: dict[str, Any], p: Parts, what: str | None, cmp: str | None) -> Pico:
    """Population, intervention, comparison and outcome from the study itself: the title's shape first,
    then the stated aim, then the appraisal's PICO spans (never a topic tag)."""
    kind = a.get("question_kind") or "intervention"
    q = from_title(record.title, kind)
    if broken(q.intervention, "intervention"):
        # The title's shape was misread ("X to predict and prevent falls" read as "X ... prevents falls"): its
        # treatment and its verb go; the other pieces are checked one by one below.
        q.intervention, q.verb = "", ""
    for f in ("population", "comparison", "outcome"):
        if broken(getattr(q, f)):
            setattr(q, f, "")
    direct = None
    q.title_question = title_question(record.title)  # type: ignore[attr-defined]
    q.topic = ""  # type: ignore[attr-defined]
    q.aim_ids = [s.id for s in p.get("aim")[:1]]  # type: ignore[attr-defined]
    for s in p.get("aim")[:1]:
        q.topic = aim_topic(strip_detail(s.text))  # type: ignore[attr-defined]
        qa, direct = from_aim(strip_detail(s.text), kind)
        for f in ("population", "intervention", "comparison", "outcome"):
            if not getattr(q, f) and getattr(qa, f) and not broken(getattr(qa, f), f):
                setattr(q, f, getattr(qa, f))
        q.prevents = q.prevents or qa.prevents
    for s in p.get("aim")[1:3] if not direct else []:
        # "AIMS: Trabecular bone score is a surrogate ... The present study sought to examine the association between
        # ...": the aim section's first sentence is background; a later one may ask the question.
        direct = asked_share(strip_detail(s.text))
        if direct:
            q.aim_ids = [s.id]  # type: ignore[attr-defined]
            break
    from_title_share = not direct and bool(title_share(record.title))
    direct = direct or title_share(record.title)
    q.direct_kind = "title" if from_title_share else ""  # type: ignore[attr-defined]
    if direct and a.get("design") in ("lab/animal/experimental", "protocol") and re.search(r"\blinked with\b|^How common", direct):
        direct = None  # a lab study or a protocol cannot answer how common something is in people, or what it is linked with
    if not q.intervention and what and kind == "intervention":
        q.intervention = what
    active = _ACTIVE_COMPARATOR.search(record.title) if kind == "intervention" and q.intervention else None
    if active and active.group("c").lower() not in q.intervention.lower() and (
            not q.comparison or re.search(r"\bplacebo\b|\bsham\b", q.comparison, re.I)):
        q.comparison = active.group("c")  # the title names the active treatment it was tested against
    if not q.comparison and kind == "intervention" and q.intervention:
        shared = set(re.findall(r"[a-z]{5,}", (cmp or "").lower())) & set(re.findall(r"[a-z]{5,}", q.intervention.lower()))
        if cmp and cmp.lower() not in q.intervention.lower() and len(shared) < 2:  # not the treatment named again
            q.comparison = cmp
        else:  # the tagger's comparison spans are often one word: placebo, sham, usual care
            for sp in (a.get("pico") or {}).get("comparison") or []:
                m = re.match(r"^(?:a |an |the )?(placebo|sham(?: \w+)?|usual care|no (?:treatment|intervention)|"
                             r"waiting list|wait-list|standard care|advice)$", (sp.get("text") or "").strip(), re.I)
                if m:
                    q.comparison = ("a " if m.group(1).lower() in ("placebo",) else "") + m.group(1).lower()
                    break
            if not q.comparison and re.search(r"\bplacebo[- ]controlled\b", f"{record.title} {record.abstract}", re.I) and \
                    not re.search(r"\bversus|\bvs\.?|\bcompared\b", record.title, re.I):
                q.comparison = "a placebo"  # "... in low back pain: a randomized, placebo-controlled, double-blind study"
    if q.population and _has_prevented(q.population, q.prevents):
        q.population = ""
    if not q.population:
        results_ids = set(p.ids("results"))
        asked = set(re.findall(r"[a-z]{3,}", (record.title + " " + " ".join(s.text for s in p.get("aim"))).lower()))
        for sp in (a.get("pico") or {}).get("population") or []:
            who = _people(sp.get("text", ""))
            placed = set(pico_sentence_ids(p.sentences, [sp]))
            said = set(re.findall(r"[a-z]{3,}", who.lower())) - {"people", "with", "who", "and", "the", "have", "had"}
            if placed and placed <= results_ids and p.get("results") != p.sentences and not said <= asked:
                # people only a result speaks of, in words the title and aim do not use ("participants with Level IIb
                # dissections had ..."): a subgroup, not the people studied
                continue
            if who and len(who.split()) <= 12 and not broken(who) and not _has_prevented(who, q.prevents):
                q.population = who
                break
    q.population = _one_sex(q.population, a, record.abstract)
    if q.comparison and q.population and q.comparison.lower() in q.population.lower() and _CONDITION_WORD.search(q.comparison):
        q.comparison = ""   # "breast cancer" from "people with colon or breast cancer": who was studied, not a comparator
    if not q.comparison and kind == "intervention" and q.intervention:
        arms = _randomised_arms(p, record.abstract, q.intervention)
        if arms:
            q.intervention, q.comparison = arms
    if kind == "intervention" and q.intervention:
        q.intervention, q.comparison = _dose_arms(p, q.intervention, q.comparison or "")
    if q.intervention and q.comparison:
        # "A versus B" in a title names the tested treatment first as a rule, so there the order changes only
        # when the aim too names B first ("Prolonged splinting versus early injection" with the aim "the effects
        # of early injection compared with prolonged splinting").
        titled = bool(re.search(r"\bversus\b|\bvs\.?\b", record.title, re.I))
        q.intervention, q.comparison = _conclusion_order(p, record.abstract, q.intervention, q.comparison, titled)
    if kind == "intervention" and q.intervention and q.comparison:
        q.intervention, q.comparison = _add_on(f"{record.title} {record.abstract}", q.intervention, q.comparison)
    q.comparison = re.sub(r"^without\s+", "no ", q.comparison or "")
    if re.fullmatch(r"(?:both|either|each|all|others?|them|it|one another|each other)", q.comparison, re.I):
        q.comparison = ""  # a pronoun names no comparison
    if (kind == "intervention" and not q.comparison and _COUNTED_ARMS.match(q.intervention or "")
            and a.get("verdict") in ("Supports", "Mixed picture")):
        # "two techniques", "two doses of methotrexate", "four turning and secretion management regimens": the trial
        # compares the arms with one another, so "two doses probably help" would credit all of them with a result one
        # of them had; with no arm named, the card says what the trial found ("... probably make little or no
        # difference" stays true of them all)
        q.intervention = ""
    if q.title_question and q.intervention and q.intervention.lower() in q.title_question.lower():  # type: ignore[attr-defined]
        q.intervention = ""  # a piece of the title's own question is no treatment name ("should exercises be painful")
    q.intervention = _restore_case(lay_light(q.intervention), record.abstract) if q.intervention else q.intervention
    q.comparison = _restore_case(q.comparison, record.abstract) if q.comparison else q.comparison
    q.comparison = lay_light(q.comparison) if q.comparison else q.comparison
    q.outcome = lay_light(q.outcome) if q.outcome else q.outcome
    for f in ("population", "intervention", "comparison", "outcome"):
        if broken(getattr(q, f), f):
            setattr(q, f, "")  # a piece from any source, cut at a joining word or holding a clause (pieces.py)
    instead = measured_instead(q.outcome, p) if kind == "intervention" else ""
    if instead:
        # "prevent falls" in the title, "physiological fall risk" in the results: the card names what was measured.
        q.event, q.outcome, q.verb = q.outcome, lay_light(instead), ""
    if q.population and q.outcome and re.search(rf"\b{re.escape(q.population)}\b", q.outcome, re.I):
        q.population = ""  # "respiratory parameters of infants undergoing ventilation" names the people already
    q.direct = direct  # type: ignore[attr-defined]
    return q


# A broad class of outcomes ("specific disorders of the shoulder", "musculoskeletal conditions", "health outcomes")
_BROAD_OUTCOME = re.compile(r"\b(?:disorders?|conditions?|problems?|diseases?|outcomes?|complaints?|symptoms?|injuries|"
                            r"morbidit(?:y|ies))\b", re.I)
# "... are associated with (the occurrence of) SIS", "... was linked to a higher risk of knee osteoarthritis"
_LINKED_WITH = re.compile(r"\b(?:associated|linked|related|correlated)\s+(?:with|to)\s+(?:an?\s+)?(?:(?:higher|increased|greater|"
                          r"lower|reduced)\s+)?(?:the\s+)?(?:(?:occurrence|development|onset|incidence|risk|presence)\s+of\s+)?"
                          r"(?P<z>[^,;.()]{2,60}?)\s*(?:[,;.(]|$|\s+(?:in|among|but|and (?:not|with)|whereas|while)\b)", re.I)


def narrower_outcome(a: dict[str, Any], p: Parts, q: Pico) -> str:
    """The outcome the authors' conclusion names a link with, when the question's outcome is a broad class and the
    conclusion names one member of it: a review of "work-related factors and specific disorders of the shoulder" that
    concludes the factors "are associated with the occurrence of SIS" answers about SIS, not every shoulder disorder."""
    if (a.get("question_kind") or "") != "association" or not q.outcome or not _BROAD_OUTCOME.search(q.outcome):
        return ""
    verdict_ids = [i for i in a.get("verdict_sentences") or [] if _has(p, i)]
    concl = conclusion_sentence(p, verdict_ids, "association")
    if concl is None or p.part.get(concl.id) != "conclusion":
        return ""
    m = _LINKED_WITH.search(concl.text)
    if not m:
        return ""
    z = m.group("z").strip()
    zw = set(re.findall(r"[a-z]{3,}", z.lower()))
    if not (1 <= len(z.split()) <= 6) or _BROAD_OUTCOME.search(z) or not zw or zw <= set(re.findall(r"[a-z]{3,}", q.outcome.lower())):
        return ""
    return z


_PREVENT_STOP = {"after", "following", "from", "with", "during", "among", "that", "their", "this", "these", "those", "risk",
                 "people", "patients", "participants", "adults", "children"}


def _has_prevented(population: str, prevents: str) -> bool:
    """Does the population name the problem the treatment is meant to prevent ("people with shoulder dysfunction after
    neck dissection" for a trial "for prevention of shoulder dysfunction")? Those people do not have it yet."""
    if not prevents or not population:
        return False
    m = re.search(r"\b(?:with|who have|who had|suffering from|having)\s+(.+)$", population, re.I)
    if not m:
        return False
    head = [w for w in re.findall(r"[a-z][a-z-]{3,}", prevents.lower()) if w not in _PREVENT_STOP][:2]
    have = set(re.findall(r"[a-z][a-z-]{3,}", m.group(1).lower()))
    return bool(head) and all(w in have for w in head)


def _conclusion_order(p: Parts, abstract: str, x: str, c: str, need_aim: bool = False) -> tuple[str, str]:
    """"Comparison of A and B" names the two in any order; "B is as effective as A" in the conclusion says
    which one the study tested against which: the conclusion's subject is the intervention. ``need_aim``:
    change the order only when the aim also names the comparison's first word before the intervention's."""
    concl = p.get("conclusion")[:1]
    if not concl:
        return x, c
    defs = definitions(abstract)
    head = spell_out(concl[0].text, defs).lower()
    m = re.match(r"^(?:the |a |an )?([a-z-]+)", head)
    if not m:
        return x, c
    first = m.group(1)
    xw, cw = x.lower().split(), c.lower().split()
    if not (cw and cw[0] == first and (not xw or xw[0] != first)):
        return x, c
    compared = re.search(r"\b(?:as|more|less) (?:effective|good|safe)\b|\bsuperior\b|\binferior\b|\bbetter\b", head) or \
        (need_aim and re.search(r"\bthan\b", head))
    if not compared:
        return x, c
    if need_aim:
        aim = " ".join(spell_out(s.text, defs).lower() for s in p.get("aim")[:1])
        at_c, at_x = (re.search(rf"\b{re.escape(w[0])}\b", aim) if w else None for w in (cw, xw))
        if not (at_c and at_x and at_c.start() < at_x.start()):
            return x, c
    return c, x


_ONE_SEX = re.compile(r"\b(women|men|girls|boys|mothers|fathers|pregnant women|postmenopausal women)\b", re.I)
_OTHER_SEX = {"women": r"\bmen\b|\bmales?\b", "men": r"\bwomen\b|\bfemales?\b", "girls": r"\bboys\b",
              "boys": r"\bgirls\b", "mothers": r"\bfathers\b", "fathers": r"\bmothers\b"}


def _one_sex(population: str, a: dict[str, Any], abstract: str) -> str:
    """"people with fibromyalgia" -> "women with fibromyalgia" when the study took part in one sex only
    ("Eighty sedentary women with FM were randomly selected"): a card must not widen its population."""
    m = re.match(r"^people (with|who)\b", population or "")
    if not m:
        return population
    for sp in (a.get("pico") or {}).get("population") or []:
        hit = _ONE_SEX.search(sp.get("text") or "")
        if hit:
            who = hit.group(1).lower()
            other = _OTHER_SEX.get(who.split()[-1])
            if other and re.search(other, abstract, re.I):
                return population  # both sexes took part; the span names one group of them
            return who + population[len("people"):]
    return population


def _restore_case(phrase: str, text: str) -> str:
    """'mulligan mobilization' -> 'Mulligan mobilization' when the abstract writes the word with a capital
    inside a sentence (a name), never in lower case."""
    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        cap_w = w[:1].upper() + w[1:]
        if w[:1].islower() and re.search(rf"[a-z,] {re.escape(cap_w)}\b", text) and not re.search(rf"\b{re.escape(w)}\b", text):
            return cap_w
        return w
    return re.sub(r"[A-Za-z][\w-]+", fix, phrase)


def _question(a: dict[str, Any], q: Pico, src: list[str]) -> Item:
    """The question in the study's own terms and kind (cards/question.py); failing that, a plain
    question about what this kind of study can tell, never the title turned into a question."""
    kind = a.get("question_kind") or "intervention"
    short, _ = phrases.DESIGN_PLAIN.get(a.get("design", "other"), ("study", ""))
    if a.get("harm_rates_only") and q.intervention:
        # Rates in treated people only: the question is "how often", not "is X linked with more harm".
        who = q.population if q.population and q.population not in ("people", "patients") else "people"
        return f"How often do {who} have side effects while taking {q.intervention}?", "templated", src
    asked = getattr(q, "title_question", None)
    if asked:
        return asked, "templated", src
    built = build_question(kind, short, q)
    if built:
        return built, "templated", src
    direct = getattr(q, "direct", None)
    if direct and len(direct.split()) <= 24:
        if getattr(q, "direct_kind", "") == "title":
            return direct, "templated", []  # asked in our words from the title's "Prevalence of X"
        return direct, "rewritten", list(getattr(q, "aim_ids", [])) or src
    who = f" for {q.population}" if q.population and q.population not in ("people", "patients") else ""
    generic = {
        "accuracy": f"How well does the test in this {short} find the problem it looks for?",
        "association": f"What link did this {short} find{who}?",
        "descriptive": f"What did this {short} find{who}?",
    }.get(kind, f"What did this {short} find{who}?")
    if a.get("design") in ("lab/animal/experimental", "protocol", "editorial/commentary/letter", "narrative review"):
        topic = getattr(q, "topic", "")
        generic = f"What does this {short} say about {topic}{who}?" if topic else f"What does this {short} add{who}?"
    return generic, "templated", []


def _answer(a: dict[str, Any], p: Parts, q: Pico, src: list[str]) -> list[Item]:
    """The main result in plain words, hedged to the evidence, with the key number when there is one;
    then the authors' conclusion made plain when it agrees; a note when the statistics and the authors'
    words part ways. Without the pieces for a claim: the conclusion plainly, and a certainty note."""
    evidence = a.get("evidence") or "Very limited"
    verdict = a.get("verdict") or "Too early to tell"
    out: list[Item] = []
    verdict_ids = [i for i in a.get("verdict_sentences") or [] if _has(p, i)]
    concl = conclusion_sentence(p, verdict_ids, a.get("question_kind") or "intervention")
    mixed = verdict == "Mixed picture"
    body = plain_claim(concl.text, 32 if mixed else 22, keep_contrast=mixed) if concl else None
    stand_in = bool(concl) and p.part.get(concl.id) == "results" and side_conclusions_only(p, a.get("question_kind") or "intervention")
    if stand_in and not body:
        # the result the verdict rests on, standing for a conclusion that was only a side finding: a longer line
        body = plain_claim(concl.text, 36)
    a["_verdict_texts"] = [p.by_id(i).text for i in verdict_ids]
    a["_conclusion_plain"] = (body, [concl.id]) if body and concl and p.part.get(concl.id) == "conclusion" else None
    a["_main_plain"] = a["_subgroup_line"] = None
    a["_both_improved"] = both_groups_improved(" ".join(s.text for s in p.get("results") + p.get("conclusion")))
    claim = wording.answer_claim(a, q)
    if claim:
        out.append((claim, "templated", src + verdict_ids))
        note = subgroup_note(a, p, claim)
        if note:
            out.append(note)
    # A survey of how common something is, whose abstract states the share it found but no tested result (its
    # conclusion speaks of something else): it answers "how many", and no verdict on a treatment or a cause is due.
    counted_only = (not claim and verdict == "Too early to tell" and a.get("verdict_clear") is False
                    and a.get("design") in _SURVEY_DESIGNS and headline_share(a, p, a.get("_title") or "") is not None)
    a["_counted_only"] = counted_only
    if not claim and verdict == "Too early to tell" and a.get("verdict_reasons") and not counted_only:
        reason = a["verdict_reasons"][0].split(":")[0]
        out.append((sentence(f"It is too early to tell what this means for patients: {reason}"), "templated", []))
    # A survey's answer is its headline figure: how many of the people studied had what it looked for. Beside a claim
    # of a link only when the aim asks how common something is, and then as the line after the claim.
    asks_share = str(getattr(q, "direct", "") or "").startswith("How common")
    limit = a.get("_subgroup")
    if not claim and limit and verdict in ("Supports", "Mixed picture") and limit.unclear:
        # No claim to hang the groups on ("The results point both ways" says nothing): the line that says where the
        # result held and where it did not is the answer's first line.
        out.append((limit_sentence(limit, (a.get("question_kind") or "intervention") == "association"), "templated",
                    list(limit.sentence_ids)))
        a["_subgroup_line"] = out[-1]
    share = headline_share(a, p, a.get("_title") or "") if not claim or asks_share else None
    a["_headline"] = share
    if share and claim:
        out.insert(1, share)
    elif share:
        out.append((f"The main result: {_lower_first(share[0])}", share[1], share[2]))
        if counted_only:
            out.append((COUNTED_ONLY_NOTE, "templated", []))
    if body and not (out and similar(body, out[0][0], 0.8)) and not (share and concl and concl.id in share[2]):
        # Only a sentence that concludes is "the authors conclude": a results sentence picked for want of a
        # conclusion is what the results show. Without section labels the parts are the role model's guess,
        # so there only a sentence with statistics counts as a result.
        part = p.part.get(concl.id, "")
        if stand_in:
            lead = "The results show that"  # the result the verdict rests on, never "the authors conclude"
        elif not p.structured:
            lead = "The results show that" if part == "results" and _has_stats(concl.text) else "The authors conclude that"
        else:
            lead = {"conclusion": "The authors conclude that", "results": "The results show that"}.get(part, "The authors write that")
        out.append((f"{lead} {_lower_first(body).rstrip('.')}.", "rewritten", [concl.id]))
    elif not claim:
        # No plain conclusion: the sentence the verdict rests on, shortened, statistics removed.
        for sid in verdict_ids + ([concl.id] if concl else []):
            s = p.by_id(sid)
            pl = plain_claim(s.text, 30, keep_contrast=mixed) or next(iter(
                t for t in (main_clause(x, 30, keep_contrast=mixed) for x in plain_sentences(strip_detail(s.text), 28))
                if 5 <= len(t.split()) <= 30), None)
            if pl:
                # A results sentence is what the results show, not the authors' point (their conclusion may say
                # something else: "demonstrates significant delays" over a trial with no difference between its arms).
                lead = "The main result" if p.part.get(sid) == "results" else "The authors' main point"
                out.append((f"{lead}: {_lower_first(pl)}", "rewritten", [sid]))
                a["_main_plain"] = (pl, p.part.get(sid) == "results", [sid])
                break
    split = next((re.match(r"^but the groups differed only in (.+?), not in (.+?): ", r) for r in a.get("verdict_reasons") or []
                  if r.startswith("but the groups differed only in ")), None)
    if split and claim:
        # Say which outcomes differed between the groups and which did not, rather than "in some ways".
        def listed(t: str) -> str:
            items = [i for i in t.split(", ") if i]
            return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
        out = out[:1] + [(sentence(lay(f"The groups differed in {listed(split.group(1))}, but not in {listed(split.group(2))}")),
                          "templated", verdict_ids)]
    if claim and any(r.startswith("but the other group did better at another time") for r in a.get("verdict_reasons") or []):
        out = out[:1] + [("Each group did better at a different time or on a different measure, so the answer depends "
                          "on which matters most to you.", "templated", verdict_ids)]
    better = comparison_did_better(a, p) if a.get("_better") else None
    if better is not None:
        # "does not help" undersays a trial whose comparison group did clearly better on the main measure (worded as the
        # worse result it is for the treatment, which the gate reads as against it, not as a benefit): the second line
        out.insert(1 if out else 0, (sentence(f"On the main measure, the results were worse with the treatment than in "
                                              f"{a['_better']}, and the gap was statistically clear"), "templated", [better.id]))
    note = wording.spin_note(a, bool(concl) and "for" in {r for r in [_reading_label(concl.text, a)]})
    if note:
        out.append((note, "templated", verdict_ids))
    if not claim and out and mixed and a.get("harm_elsewhere"):
        # With no treatment named the answer is the authors' conclusion, which may give only the good side.
        out.append(("Some results were worse with the treatment; the findings below say which.", "templated", verdict_ids))
    thin = str((a.get("verdict_reasons") or [""])[0]).startswith("the authors say the evidence is not enough")
    if not claim and out and not thin:  # "backs this" would jar after "the evidence is not enough to conclude"
        # How sure, said from this study's own badge (not a stock phrase that reads the same on every card).
        out.append((phrases.CERTAINTY_NOTE.get(evidence, phrases.CERTAINTY_NOTE["Very limited"]), "templated", []))
    return out[:3]


COUNTED_ONLY_NOTE = ("This survey counted how common this was in the people it studied; it did not test a treatment "
                     "or a cause.")
# A share of the people studied: "18 survivors (16.7%)", "23.5% of nurses", "120 of 400 nurses", "the prevalence ... was 23%".
_SHARE = re.compile(r"\(\s*\d+(?:\.\d+)?\s*%\s*\)|"
                    r"\b\d+(?:\.\d+)?\s*%\s*(?:\([^)]*\)\s*)?(?:of (?:the )?[a-z]+\s+)?(?:reported|had|have|were|was|experienced|"
                    r"suffered|met|showed|presented|described)\b|\b\d+(?:\.\d+)?\s*%\s+of\b|\b\d[\d,]* (?:of|out of) (?:the )?\d[\d,]*\b|"
                    r"\b(?:prevalence|proportion|frequency|incidence)\b(?:[^.;]|\.\d){0,80}?\b\d+(?:\.\d+)?\s*%", re.I)
# who answered, who took part and what they were like: the sample, not the result
_SAMPLE_SHARE = re.compile(r"\b(?:response rate|responded|respondents? (?:were|was)|completed|returned|participated|took part|"
                           r"were (?:female|male|women|men|white|married|employed)|(?:female|male|women|men)\b[^.;]{0,20}\(\s*\d|"
                           r"mean age|median age|were included|enrol\w*|recruit\w*|were excluded|lost to follow-up|"
                           r"eligib\w*|were analy[sz]ed|we (?:estimated|calculated))\b", re.I)
_OF_RESPONDERS = re.compile(r"^\s*(?:of|among) (?:the |all )?\d[\d,]* (?:[\w-]+ ){0,3}?(?:who|that) (?:responded|"
                            r"completed the (?:survey|questionnaire)|returned the questionnaire|took part|participated)\b[^,;]{0,40},\s*",
                            re.I)
_PCT_PAREN = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s*%\s*\)")
_SURVEY_DESIGNS = {"cross-sectional"}
_HOW_COMMON = re.compile(r"\b(?:prevalen\w*|common(?:ly)?|frequen\w+|proportions?|occurrence|widespread|rare|uncommon|"
                         r"how many|how often|incidence)\b", re.I)


def headline_share(a: dict[str, Any], p: Parts, title: str = "") -> Item | None:
    """A survey's headline figure, the share of the people studied who had what it looked for ("Severe deficits were
    found in 18 survivors (16.7%) ..."), as one plain line that keeps its counts and percentages and drops the rest of
    the statistics; None when the results report no such share."""
    if a.get("design") not in _SURVEY_DESIGNS:
        return None
    # Only a survey that asks, or concludes on, how common something is has a share for its headline ("Decreased bone
    # density was prevalent"); in a survey of a link, the share of people in each group is the sample, not the answer.
    if not any(_HOW_COMMON.search(t) for t in [title] + [s.text for s in p.get("aim") + p.get("conclusion")]):
        return None
    for s in p.get("results"):
        # ("Of 640 runners who responded, 282 (44%) reported ...": the lead says who answered, the rest is the result)
        told = _OF_RESPONDERS.sub("", s.text)
        if not _SHARE.search(told) or _SAMPLE_SHARE.search(told) or _BASELINE.search(s.text):
            continue
        kept: list[str] = []

        def hold(m: re.Match) -> str:
            kept.append(m.group(0))
            return f" qqshare{chr(97 + len(kept) - 1)}qq"
        line = _result_line(_PCT_PAREN.sub(hold, s.text), 40)
        if not line:
            continue
        for i, k in enumerate(kept):
            line = line.replace(f" qqshare{chr(97 + i)}qq", k)
        if "qqshare" in line or not re.search(r"\d", line):
            continue
        return plain_signs(line), "rewritten", [s.id]
    return None


def subgroup_note(a: dict[str, Any], p: Parts, text: str) -> Item | None:
    """Where a general line ("X may be linked with Y") rests on a result clear in one group only: the line that says
    in which group it held and in which it did not (subgroup.py)."""
    limit = a.get("_subgroup")
    if not limit:
        return None
    denies = denies_generally(text, limit, limit.topic)
    if not (denies or generalises(text, limit, limit.topic)):
        return None
    return (limit_sentence(limit, (a.get("question_kind") or "intervention") == "association", by_group=denies), "templated",
            list(limit.sentence_ids))


def _first_sentence(text: str) -> str:
    """A templated text's first sentence (its own wording: no abbreviations with full stops)."""
    return re.split(r"(?<=[.!?])\s", text.strip())[0]


def _reading_label(text: str, a: dict[str, Any]) -> str | None:
    from ..appraise.reading import read_sentence
    return read_sentence(text, a.get("question_kind") or "intervention").label


def _has(p: Parts, sid: str) -> bool:
    return any(s.id == sid for s in p.sentences)


_TIMELESS = re.compile(r"\b(?:(?:at|by|after|before|during)\s+(?:the\s+)?)?(?:\d[\d.,]*|one|two|three|four|six|twelve)[- ]?"
                       r"(?:weeks?|months?|years?|days?)\b(?:\s+(?:post-?\w+|follow-?up))?|\bpost-?(?:operatively|randomi[sz]ation)\b",
                       re.I)
_TIME_POINT = re.compile(r"\b(\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ](week|month|year|day)s?\b",
                         re.I)


def _time_points(text: str) -> set[tuple[float, str]]:
    """The time points a line names, as (number, unit): "at six-month follow-up" -> {(6.0, "month")}."""
    out = set()
    for m in _TIME_POINT.finditer(text):
        n = parse_number(m.group(1).replace(",", ""))
        if n is not None:
            out.add((float(n), m.group(2).lower()))
    return out


_NEGATED = re.compile(r"\b(?:not|no|neither|nor|never|without)\b", re.I)
_VERSUS_WHOM = re.compile(r"\b(?:compared (?:with|to)|than|versus|vs\.?)\s+(?:the\s+|a\s+)?([\w-]+)", re.I)


def _dup(a: str, b: str, answer: bool = False) -> bool:
    """Do two points say the same? Mirror results ("A beat B at one week", "B beat A at six months") share
    most words but not their comparison, and both belong on the card. Beside the answer (``answer``), a point that
    states a negation the answer's line lacks is a finding of its own ("the link was not moderated by chronicity"
    beside "catastrophizing predicted health beyond ... chronicity")."""
    ta, tb = _time_points(a), _time_points(b)
    if ta and tb and not ta & tb:
        return False  # "a decrease after three months, not clear" and "a clear decrease at six months": two results
    if not similar(_TIMELESS.sub(" ", a), _TIMELESS.sub(" ", b)):
        return False  # (two results at the same time point share its words, not their finding)
    short, long_ = sorted((a, b), key=lambda t: len(t.split()))
    if answer and _NEGATED.search(short) and not _NEGATED.search(long_):
        return False
    ca, cb = _VERSUS_WHOM.search(a), _VERSUS_WHOM.search(b)
    return not (ca and cb and ca.group(1).lower() != cb.group(1).lower())


_ABOUT = r"(?:(?:approximately|about|around|nearly|almost|over|more than|some|roughly|circa|ca\.?|~)\s*)?"


def applied_count(a: dict[str, Any], p: Parts, abstract: str) -> tuple[str, str, bool] | None:
    """In a study of a test, a count that belongs to the test's later use and not to the accuracy study: "we developed
    and validated the questionnaire in a multicentre study and subsequently applied it to approximately 8000
    patients", "... then used it in a survey of 8000 people". Returns (the count as the source says it, with "about"
    for "approximately", its sentence id, whether the source calls it a survey), else None. The card then gives no
    sample size for the accuracy figures, which the abstract does not state."""
    if a.get("design") != "diagnostic accuracy" and a.get("question_kind") != "accuracy":
        return None
    n = a.get("n_participants")
    src = next((kn.get("sentence") for kn in a.get("key_numbers") or [] if kn.get("kind") in ("n", "participants")
                and kn.get("value") == n and kn.get("sentence")), None)
    if not n or not src or not _has(p, src):
        return None
    text = p.by_id(src).text
    for m in re.finditer(r"\d[\d,]*", text):
        if parse_number(m.group(0).replace(",", "")) != n:
            continue
        before = text[max(0, m.start() - 120):m.start()]
        later = re.search(rf"\b(?:subsequently|then|later|afterwards|thereafter)\b[^.;]{{0,60}}?\b(?:applied|administered|used|"
                          rf"given|distributed|sent|employed)\b[^.;]{{0,40}}?\b(?:to|in|on|with|among|by)\s+(?:a |an |the )?"
                          rf"(?:(?:large-scale |large |nationwide |national )?survey of\s+)?{_ABOUT}$", before, re.I)
        survey = re.search(rf"\b(?:survey|surveyed)\b[^.;]{{0,40}}?{_ABOUT}$", before, re.I)
        if later or survey:
            about = re.search(rf"(?:approximately|about|around|nearly|almost|roughly|circa|ca\.?|~)\s*$", before, re.I)
            said = ("about " if about else "") + m.group(0)
            return said, src, bool(survey) or bool(re.search(r"\bsurvey", abstract, re.I))
    return None


# A result said of some of the people only: "Participants with Level IIb + V dissections had clearly better scores",
# "In patients aged over 65, pain fell more", "Among those with high baseline pain, ...", or one that names its
# subgroup ("In a subgroup analysis, ...").
_PEOPLE_NOUN = (r"(?:participants?|patients?|people|subjects?|individuals?|women|woman|men|man|girls?|boys?|children|child|"
                r"adults?|those|persons?|cases?|athletes?|workers?|users?|players?|runners?|students?|employees?|"
                r"residents?|nurses?|soldiers?|infants?|survivors?)")
_SUBGROUP_SUBJECT = re.compile(
    rf"^\s*(?:(?:in|among|for|within) (?:the |those )?)?(?:[\w+/-]+ ){{0,3}}?{_PEOPLE_NOUN}\s+"
    r"(?P<q>(?:with|who|whose|aged|older than|younger than|over|under|having)\b[^,;]{3,100}?)"
    r"(?=,|\s+(?:had|has|have|showed|show|was|were|is|are|reported|experienced|improved|achieved|demonstrated|gained|"
    r"benefit\w*|responded|did|scored|saw|fell|died|developed|needed|required|remained|became|lost|\w+ed)\b)", re.I)
# a qualifier that names a trial arm, not a subgroup ("patients who received acupuncture", "those in the exercise group")
_ARM_QUALIFIER = re.compile(r"\b(?:receiv\w+|given|treated|randomi[sz]ed|allocated|assigned|groups?|arms?|underwent|undergoing|"
                            r"took|taking|used|using|performed|completed|attended|adherent|compliant|placebo|sham|control|"
                            r"intervention|treatment)\b", re.I)
_NAMED_SUBGROUP = re.compile(r"\b(?:in|among|for|within) (?:a|the|one|this|each|that) (?:\w+ )?sub-?groups?\b|"
                             r"\bsub-?group analys[ie]s\b|\bsubsets? of (?:patients|participants|people)\b", re.I)
_EVERY_GROUP = re.compile(r"\b(?:all|each|every|across|both) (?:the |of the )?(?:\w+ )?sub-?groups?\b", re.I)


def subgroup_results(a: dict[str, Any], p: Parts, title: str = "") -> set[str]:
    """Ids of result sentences that report a finding for a subgroup of the people studied, not for all of them: the
    subgroup names itself, or the sentence's people are qualified ("with", "aged", "who ...") by words that neither the
    title nor the aim use for the people studied (and that do not name a trial arm). Such a result suggests rather than
    confirms, so it makes no key point; it stays in the findings with a limitation saying so."""
    if a.get("design") in REVIEW_DESIGNS | _ARGUING:
        return set()
    def stems(text: str) -> set[str]:
        return {re.sub(r"(?<=[a-z]{3})(?:es|s)$", "", w) for w in re.findall(r"[a-z0-9+]{2,}", text.lower())}
    known = stems(title + " " + " ".join(s.text for s in p.get("aim")))
    out = set()
    results = p.get("results")
    for i, s in enumerate(results):
        text = s.text
        if _EVERY_GROUP.search(text) or read_sentence(text).label not in ("for", "mixed", "against") and \
                not significant_p(text)[0]:
            continue
        if _NAMED_SUBGROUP.search(text):
            out.add(s.id)
            continue
        m = _SUBGROUP_SUBJECT.match(text)
        # ("with a previous sprain in the taping group": the group's arm said after the subgroup is no part of it)
        qual = re.split(r"\s+(?:in|of|from|on)\s+(?:the|both|either|each)\s+(?:[\w+/-]+\s+){0,3}?(?:groups?|arms?)\b",
                        m.group("q"))[0] if m else ""
        if not m or i == 0 or _ARM_QUALIFIER.search(qual):
            continue  # (the first result is the study's main one, not a subgroup's)
        words = [w for w in stems(qual)
                 if w not in {"with", "who", "whose", "aged", "older", "younger", "than", "over", "under", "having", "the",
                              "and", "had", "have", "their", "a", "an", "of", "at", "in"}]
        if words and not all(w in known for w in words):
            out.add(s.id)
    return out


SUBGROUP_LIMIT = ("Some results hold only for a subgroup of the people studied: a subgroup result suggests rather than "
                  "confirms.")


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
    applied = a.get("_applied_n")
    if applied:
        # the count is the test's later use (applied_count): said as that, not as the accuracy study's size
        first += (f". The test was then used {'in a survey of' if applied[2] else 'with'} {applied[0]} people; the abstract "
                  "does not say how many took part in the accuracy study")
        kn_src = [applied[1]]
    out: list[Item] = [(sentence(first), "templated", [s for s in kn_src if _has(p, s)])]
    body: list[Item] = []
    # "The duration of treatment and the interaction of duration with type of treatment were statistically significant":
    # a term of the statistical model, with no direction a reader could use, stays in the findings.
    model_only = {s.id for s in p.get("results") if _model_statistics(s.text)}
    # A survey of a link that checked its questionnaire on the side ("a three-factor model of the scale was confirmed"):
    # how well the scale measures is no key point while results on the question are there.
    kind = a.get("question_kind") or "intervention"
    side = {s.id for s in p.get("results") if side_finding(s.text, kind)}
    verdict_ids = set(a.get("verdict_sentences") or [])
    review = design in REVIEW_DESIGNS
    # A review's sentences about what its studies were like are no findings while it reports findings.
    makeup = {s.id for s in p.get("results") if review and study_makeup(s.text)}
    makeup |= set(a.get("_subgroups") or ())  # a subgroup's result stays in the findings (subgroup_results)
    results = sorted([s for s in p.get("results") if not _BASELINE.search(s.text) and s.id not in model_only | side | makeup],
                     key=lambda s: -_result_weight(s.text, review))[:4]
    for s in sorted(results, key=lambda s: s.start):
        pl = plain_claim(s.text) or plain_claim(s.text, 26)  # a between-group result is worth a longer line
        if not pl and s.id in verdict_ids and p.part.get(s.id) == "results":
            pl = plain_claim(s.text, 36)  # the result the verdict rests on is worth a longer line still
        if not pl and (_reading_label(s.text, a) in ("for", "null", "against", "mixed")
                       or re.search(r"\bin favou?r of\b", s.text, re.I)):
            # A main result that plain_claim cannot shorten ("The STRE group was more effective to strength
            # gain ... (p<0.05)") is still a key point: the sentence without its statistics, a long list of
            # measures with no difference folded into "the other measures reported".
            pl = _result_line(s.text)
        if not pl and review and (_reading_label(s.text, a) in ("for", "null", "against", "mixed") or _FINDING_WORDS.search(s.text)):
            # a review's pooled result often holds two comparisons in one sentence ("a small benefit over placebo in
            # some trials however no benefit over NSAID ... pooled results of three trials"): worth a longer line
            pl = _result_line(s.text, 40)
            pl = None if pl and re.search(r"\b[Pp]\s*[<=>≤≥]|\b(?:CI|OR|RR|HR)\b", pl) else pl  # a statistic left in
        if pl and _RESTATES_COUNT.match(s.text):
            continue  # the first point already says how many studies
        if pl:
            body.append((pl, "rewritten", [s.id]))
    for s in p.get("conclusion")[:2]:
        pl = plain_claim(s.text)
        # (a call for more research, or a line that the mechanism is unknown, is no key point; nor is a side finding
        # about the questionnaire)
        if pl and _reading_label(s.text, a) != "early" and not unclear_why(s.text) and s.id not in side \
                and not side_finding(s.text, kind):
            body.append((pl, "rewritten", [s.id]))
    for sid in p.limitation_ids[:2]:
        pl = plain_claim(p.by_id(sid).text)
        if pl and not _STATS_HEAVY.search(p.by_id(sid).text) and not unclear_why(p.by_id(sid).text):
            body.append((pl, "rewritten", [sid]))
    for item in body:
        if len(out) >= 5:
            break
        # "Conversely, physical health favoured neutral" shares most words with the result it answers, but
        # it is the other half of that result: leaving it out would make the card one-sided.
        contrast = bool(item[2]) and _has(p, item[2][0]) and bool(_CONTRAST_START.match(p.by_id(item[2][0]).text))
        if (contrast or not any(_dup(item[0], t) for t, _, _ in out)) and not any(_dup(item[0], u, answer=True) for u in used):
            out.append(item)
    # "No other differences were found" is true only after every difference before it: if one of those
    # is not on the card, the point would hide it.
    shown = {sid for _, _, src in out for sid in src}
    ordered = [s for s in p.get("results")]
    for item in list(out):
        if item[2] and _NO_OTHER.match(item[0]):
            pos = next((i for i, s in enumerate(ordered) if s.id == item[2][0]), None)
            earlier = ordered[:pos] if pos is not None else []
            if any(s.id not in shown and _reading_label(s.text, a) in ("for", "against", "mixed") for s in earlier):
                out.remove(item)
    if not any(_BETWEEN.search(t) for t, _, _ in out[1:]):
        # Only within-group changes on the card ("scores improved from 39 to 59 in one group and from 36 to 50
        # in the other"): the comparison between the groups is the result, even if the answer says it too.
        between = next((it for it in body if _BETWEEN.search(it[0]) and not any(_dup(it[0], t) for t, _, _ in out)), None)
        if between:
            out.insert(1, between)
    if len(out) < 3:  # too few distinct points: the answer's own conclusion may stand as a point too
        for item in body:
            if len(out) < 3 and not any(_dup(item[0], t) for t, _, _ in out):
                out.append(item)
    if len(out) < 4:  # results that plain_claim could not shorten: the sentence without its statistics
        for s in sorted(p.get("results"), key=lambda s: -_result_weight(s.text, review)):
            if len(out) >= 4:
                break
            if _reading_label(s.text, a) not in ("for", "null", "against", "mixed") or _BASELINE.search(s.text) \
                    or s.id in model_only | side | makeup:
                continue
            pl = [t for t in plain_sentences(strip_detail(s.text), 30) if 5 <= len(t.split()) <= 32][:1]
            if pl and not _STATS_HEAVY.search(pl[0]) and not any(_dup(pl[0], t) for t, _, _ in out):
                out.append((sentence(lay(pl[0])), "rewritten", [s.id]))
    if len(out) < 3 and design in _ARGUING:
        # An overview or opinion piece reports no tested results: what it argues is its content. The
        # opening context sentence is left out; each point says it is the authors' argument.
        for s in [s for s in p.sentences if not s.back_matter][1:]:
            if len(out) >= 4:
                break
            described = re.match(r"^(.{10,160}?) (?:are|is) (?:described|discussed|reviewed|outlined|examined)\.$", s.text.strip())
            if described and not re.match(r"(?:they|these|it|this)\b", described.group(1), re.I):
                # "Central and peripheral pain mechanisms ... are described": what the review covers
                out.append((sentence(lay(f"The review describes {_lower_first(described.group(1))}")), "rewritten", [s.id]))
                continue
            pl = plain_claim(s.text, 26) or next(iter(t for t in plain_sentences(strip_detail(s.text), 26)
                                                      if 6 <= len(t.split()) <= 28), None)
            if pl and not AIM_LIKE.search(s.text) and not _NOT_ARGUED.search(_OPENING_ASIDE.sub("", s.text.strip())) \
                    and p.part.get(s.id) != "methods" and not any(similar(pl, t) for t, _, _ in out):
                out.append((f"The authors argue that {_lower_first(pl).rstrip('.')}.", "rewritten", [s.id]))
    if len(out) < 3:  # results all numbers: a shortened source sentence, statistics removed, numbers kept
        for s in [s for s in p.get("results") + p.get("conclusion") if s.id not in model_only | makeup
                  and not _ENROLMENT.search(s.text)]:
            # The sentence made plain and cut at its first aside ("..., with less side-effects" is a claim of
            # its own, often untested); only when that fails, the whole sentence without its statistics.
            pl = [c for c in [plain_claim(s.text, 32)] if c] or [t for t in plain_sentences(s.text, 25) if 5 <= len(t.split()) <= 40][:1]
            if pl:
                # "...; relative risk 0.41;." - a ratio left at the end once its interval went
                pl = [re.sub(r";\s*(?:relative risk|odds ratio|hazard ratio|risk ratio)\s+[\d.]+\s*;?\s*\.$", ".", pl[0])]
            if len(out) < 3 and pl and not any(_dup(pl[0], t) for t, _, _ in out):
                out.append((pl[0], "rewritten", [s.id]))
    if len(out) < 5 and design in TRIAL_DESIGNS and not any(_HARMS.search(t) for t, _, _ in out):
        # Harms the results report (reoperations, complications) are part of the answer to "should I have it?",
        # not only a line in the findings.
        harm = next((s for s in p.get("results") if _HARMS.search(s.text) and not _NO_HARMS.search(s.text)), None)
        line = _result_line(harm.text, 36) if harm else None
        if line and not any(_dup(line, t) for t, _, _ in out):
            out.append((line, "rewritten", [harm.id]))
    out = _antecedents_shown(out, body, p)
    out = out[:1] + [it for it in out[1:] if not _RESTATES_COUNT.match(it[0]) and not _restates_people(it[0], n)]
    crossed = a.get("_crossover")
    if crossed and not any(crossed[0][2][0] in src for _, _, src in out):
        # how many of the comparison arm had the treatment anyway: kept, in place of the last point when the list is full
        if len(out) >= 5:
            # the list is full: a point the answer already makes goes first, else the last one
            again = next((i for i in range(len(out) - 1, 0, -1) if any(similar(out[i][0], u) for u in used)), len(out) - 1)
            out = out[:again] + out[again + 1:]
        out = out + [crossed[0]]
    if len(out) < 3:
        # Too little result to tell: what the study set out to do stands as a point, only as the last resort (it is
        # the Aim row of the methods already, and no finding).
        for s in (p.get("aim") or [])[:1]:
            aim = short_aim(s.text, _AIM_LEAD, _CLAUSE, 22)
            if aim:
                out.insert(1, (sentence(lay("It set out " + _lower_first(aim))), "rewritten", [s.id]))
    if a.get("harm_rates_only"):
        # Rates in treated people only cannot show a raised risk: the authors' "increased risk" stays
        # attributed to them in the answer, never a key point stated as a finding.
        out = out[:1] + [it for it in out[1:] if not _RISK_CLAIM.search(it[0])]
    main = _main_measure_point(p, out, a.get("_better") or "", set(a.get("_subgroups") or ()))
    if main:
        out = (out[:1] + [main] + out[1:])[:5]
    # A difference stated without its p-values says whether the statistics carried it (caveat.py).
    res_texts = [s.text for s in p.get("results")]
    result_ids = set(p.ids("results"))
    kind = a.get("question_kind") or "intervention"
    out = out[:1] + [(unclear_difference_note(t, p.by_id(src[-1]).text, res_texts, kind), k, src)
                     if src and src[-1] in result_ids else (t, k, src) for t, k, src in out[1:]]
    out = out[:1] + [(_without_dangling_also(t, p.by_id(src[0]).text) if src and _has(p, src[0]) else t, k, src)
                     for t, k, src in out[1:]]
    out = out[:1] + [(plain_signs(t), k, src) for t, k, src in out[1:]]
    limit = a.get("_subgroup")
    if limit:
        # "X was clearly associated with Y" from the authors' overall sentence, where the estimates by group show the
        # link clear in one group only: the point says which (subgroup.py). Our wording around the source's line
        # (templated): read against the source alone, "only in women" would differ from it and the gate would drop it.
        out = out[:1] + [(limited_line(t, limit, kind == "association"), "templated", list(dict.fromkeys(src + limit.sentence_ids)))
                         if not set(src) & set(limit.sentence_ids) and (generalises(t, limit, limit.topic)
                                                                          or denies_generally(t, limit, limit.topic))
                         else (t, k, src)
                         for t, k, src in out[1:]]
    if a.get("evidence"):
        ladder = a.get("_ladder")
        out.append((sentence(f"Strength of evidence: {a['evidence'].lower()}") + (f" {ladder}" if ladder else ""),
                    "templated", [s for s in kn_src if _has(p, s)] if ladder else []))
    return out[:6]


# "Of the 142 patients assigned to conservative treatment, 62 (44%) eventually required surgery": people of one arm who
# went on to have the other arm's treatment. The comparison then understates any difference, and a patient weighing
# the choice wants to know how many ended up having it anyway.
_CROSSED = re.compile(
    r"\b(?:of|among) (?:the |all )?(?P<n>\d[\d,]*) (?:[\w-]+ ){0,2}?(?:patients|participants|people|subjects|women|men|children|"
    r"adults|individuals) (?:who were |were )?(?:initially |originally )?(?:assigned|randomi[sz]ed|allocated) (?:to )?(?:undergo |receive |have )?"
    r"(?:the |a |an )?(?P<arm>[^,;()]{3,60}?)(?: groups?| arms?)?,\s*(?P<m>\d[\d,]*)\s*(?:\((?P<pct>\d+(?:\.\d+)?)\s*%\)\s*)?"
    r"(?:patients |participants |people )?(?:eventually |later |subsequently |ultimately |also |still |nevertheless )?"
    r"(?:required|underwent|received|had|chose|opted for|crossed over to|switched to|went on to (?:have|receive|undergo))\s+"
    r"(?:the |a |an )?(?P<got>[^,;.()]{3,50}?)(?=\s*[,;.(]|\s+(?:in|during|within|by|after|before|at)\b|$)", re.I)


def crossover(p: Parts, design: str, treatment: str) -> tuple[Item, str] | None:
    """A results sentence saying how many people of the comparison arm went on to have the tested treatment, as a key
    point (the sentence without its statistics) and a limitation; None when no such sentence or no treatment named."""
    if design not in ("randomised controlled trial", "non-randomised controlled trial") or not treatment:
        return None
    words = lambda t: set(re.findall(r"[a-z]{4,}", t.lower())) - {"treatment", "therapy", "care", "group", "groups", "with",
                                                                    "early", "delayed", "prolonged", "continued", "intended"}
    tw = words(treatment)
    for s in p.get("results"):
        m = _CROSSED.search(s.text)
        if not m or not tw or not (words(m.group("got")) & tw) or words(m.group("arm")) & tw:
            continue  # (the tested arm having its own treatment is adherence, not cross-over)
        n_, m_ = (int(x.replace(",", "")) for x in (m.group("n"), m.group("m")))
        if not 0 < m_ <= n_:
            continue
        arm, got = m.group("arm").strip(), m.group("got").strip()
        share = f" ({m.group('pct')}%)" if m.group("pct") else ""
        point = sentence(lay(f"Of the {m.group('n')} people assigned to {arm}, {m.group('m')}{share} went on to have "
                             f"{got} anyway"))
        limit = (f"Cross-over: {m.group('m')} of the {m.group('n')} people assigned to {arm} went on to have {got}, so the "
                 "two groups' treatments overlapped and differences between them may look smaller than they are.")
        return (point, "rewritten", [s.id]), limit
    return None


def _without_dangling_also(point: str, source: str) -> str:
    """A point cut from a later clause of its sentence ("...; the group had also lower CRP levels") loses the "also"
    that pointed back to the clause left out."""
    head = " ".join(point.split()[:3]).lower()
    clauses = re.split(r";\s+|,\s+(?:and|while|whereas)\s+", source)
    if len(clauses) < 2 or not any(c.lower().startswith(head) for c in clauses[1:]) or source.lower().startswith(head):
        return point
    return re.sub(r"\s+also\b(?=\s)", "", point, count=1)


# "This early benefit of the injection had faded by six months": a point that leans on the sentence
# before it.
_LEANS_BACK = re.compile(r"^(?:this|these|such|the latter|the former)\b(?!\s+(?:study|studies|trials?|reviews?|treatments?|"
                         r"drugs?|programmes?|programs?|approach|interventions?|therap(?:y|ies)|results|findings|data|"
                         r"observations|evidence|analys[ie]s|patients?|case|child|boy|girl|woman|man|person)\b)", re.I)


def _antecedents_shown(out: list[Item], body: list[Item], p: Parts) -> list[Item]:
    """A key point that leans on the sentence before it ("This benefit ...") comes after that sentence's point,
    even when the answer says much the same; without a point for it, the leaning point goes."""
    order = [s.id for s in p.sentences]
    shown = {sid for _, _, src in out for sid in src}
    kept: list[Item] = out[:1]  # the first point is the card's own ("This was a fair test ..."), never leaning
    for item in out[1:]:
        sid = item[2][0] if item[2] and item[1] == "rewritten" else None
        if sid and _has(p, sid) and p.part.get(sid) == "results" and _LEANS_BACK.match(p.by_id(sid).text.strip()) \
                and order.index(sid) > 0:
            prev = order[order.index(sid) - 1]
            if prev not in shown:
                lead = next((it for it in body if it[2] and it[2][0] == prev), None)
                if lead is None:
                    continue
                kept.append(lead)
                shown.add(prev)
        kept.append(item)
    return kept[:5]


# Terms of a statistical model: "the interaction of duration with type of treatment", "a main effect of time",
# "a group-by-time interaction".
# (A main effect of a named treatment, as in a factorial trial, is that treatment's effect: no model term here.)
_MODEL_TERM = re.compile(r"\binteractions?\b|\b(?:main )?effects? of (?:time|duration|visit|session|period)\b|\btime effects?\b|"
                         r"\b(?:group|time|treatment|condition|arm)\s*(?:-?\s*by\s*-?|[×x*])\s*(?:group|time|treatment|condition|arm)\b",
                         re.I)
_TESTED = re.compile(r"\btest(?:ing|ed)? for (?:an? )?interaction|\bsignifican\w*|\bstatistic\w*|\bps?\s*[<=>≤≥]|\b(?:was|were) (?:found|observed|noted|identified|present)\b|"
                     r"\bno (?:clear|significant)\b", re.I)
_WHICH_WAY = re.compile(r"\b(?:than|more|less|fewer|greater|higher|lower|larger|smaller|stronger|weaker|better|worse|"
                        r"improv\w*|increas\w*|decreas\w*|reduc\w*|benefit\w*|favou?r\w*|rose|fell|declin\w*|drop\w*|gain\w*|"
                        r"faster|slower|longer|shorter|only)\b", re.I)
# "There were no significant main effects ... by treatment group": the treatment's null result, in model words.
_NULL_MAIN_EFFECT = re.compile(r"\bno\b[^.;]{0,40}\bmain effects?\b", re.I)


def _model_statistics(text: str) -> bool:
    """A result sentence that reports only a tested term of the statistical model (an interaction, a main effect),
    with nothing about which way anything went: statistics with no meaning for a reader."""
    return bool(_MODEL_TERM.search(text) and _TESTED.search(text) and not _WHICH_WAY.search(text)
                and not _NULL_MAIN_EFFECT.search(text))


# "A total of 56 patients were randomized ...", "In all, 51 patients completed the study", "Median follow-up was 8.8 years":
# who took part and for how long, not what the study found.
_ENROLMENT = re.compile(r"\b(?:were|was) (?:randomi[sz]ed|included|enrolled|recruited|allocated|assigned|terminated|screened)\b|"
                        r"\bcompleted the (?:study|trial|follow-up)\b|^\s*(?:the )?(?:median |mean )?follow-up (?:was|of)\b[^,;]*$|\bunderwent\b|"
                        r"\bterminated (?:prematurely|early)\b", re.I)
_BETWEEN = re.compile(r"\b(?:than|compared (?:with|to)|versus|vs\.?|between (?:the )?(?:two |three )?groups|in favou?r of)\b", re.I)
# "the mean difference in scores, adjusted for age, sex and centre, was 6.8": the adjustment list is detail.
_ADJUSTED = re.compile(r",\s*adjusted for [^.;]*?,\s*(?=(?:was|were|is|are)\b)", re.I)
# "..., even after controlling for variables such as race, insurance status, ... and diabetes mellitus.": the list of what
# was adjusted for is detail, the result is before it
_ADJUSTED_TAIL = re.compile(r",\s+(?:even\s+)?(?:after|when)\s+(?:controlling|adjusting|accounting)\s+for\b[^.;]*(?=[.;]?\s*$)", re.I)
_RISK_CLAIM = re.compile(r"\b(?:increased|higher|greater|elevated|raised) risks?\b|\bmore likely\b|\braises? the risk\b", re.I)
_CONTRAST_START = re.compile(r"^\s*(?:conversely|in contrast|on the other hand|by contrast)\b", re.I)
_NO_OTHER = re.compile(r"^\s*(?:there were )?no other (?:statistically )?(?:significant |clear )?(?:between-group )?differences?\b", re.I)
_NULL_LIST = re.compile(r"^(?P<head>.*?\bno (?:statistically )?(?:clear |significant )?differences?\b[^,;]*?\bin )"
                        r"(?P<first>[^,;]+?),\s+(?P<rest>.+)$", re.I)


def _balanced(line: str) -> str:
    """A closing bracket with no opening one ("... in the brace group) versus ...", as printed, or left when a
    statistic was cut out) is dropped."""
    out, depth = [], 0
    for ch in line:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if not depth:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out)


_AS_DID = re.compile(r"\s+as (?:did|do|does|were|was)\s+(?!not\b)")
# "no benefit of subacromial steroid injection over NSAID" after "subacromial steroid injection was shown to ...": the
# treatment named again is said once
_REPEATED_OF = re.compile(r"\b((?:benefit|effect|advantage|superiority))\s+of\s+((?:[\w-]+\s+){1,4}?[\w-]+)(?=\s+(?:over|compared|versus|than)\b)",
                          re.I)


def _result_line(text: str, limit: int = 32) -> str | None:
    """A result sentence without its statistics, as one plain line of at most ``limit`` words, or None."""
    # (lay()'s explanations are undone while the line is measured and cut, and said again at the end)
    cand = [unglossed(t) for t in plain_sentences(strip_detail(_ADJUSTED_TAIL.sub("", _ADJUSTED.sub(" ", text))), 30)
            if 5 <= len(t.split())]
    if not cand:
        return None
    line = _balanced(cand[0])
    if len(line.split()) > limit and _AS_DID.search(line):
        # "A, B and C showed an association with SIS (OR ...) as did D (OR ...) and E (OR ...)": the first clause is a
        # result of its own; the list that follows it adds more of the same
        line = _AS_DID.split(line)[0].rstrip(" ,;") + "."
    line = _REPEATED_OF.sub(lambda m: m.group(1) if m.group(2).lower() in line[:m.start()].lower() else m.group(0), line)
    if len(line.split()) > limit:
        m = _NULL_LIST.match(line)
        if not m or m.group("rest").count(",") + 1 < 2:
            return None
        # "no clear difference in A, B, C and D": every measure had no difference, so naming the first
        # and folding the rest keeps the meaning.
        line = f"{m.group('head')}{m.group('first')} or in the other measures reported."
    if len(line.split()) > limit or _STATS_HEAVY.search(line):
        return None
    return sentence(lay(third_person(line)))


_PRIMARY_DEF = re.compile(r"\b(?:the )?(?:primary|principal|main) (?:efficacy )?(?:outcome|end ?point|variable)(?: measure)?s?"
                          r"(?:,[^,]{0,60},)? (?:was|were) (?P<x>[^.;:]{8,200})", re.I)


def main_measure(p: Parts, skip: set[str] | frozenset[str] = frozenset()) -> tuple[Any, str, Any] | None:
    """The trial's main measure as defined ("The primary outcome was ..."): (its defining sentence, the measure's
    words, the result sentence that speaks most of it and carries a test of it), or None."""
    for s in p.sentences:
        m = _PRIMARY_DEF.search(strip_detail(s.text))
        if not m:
            continue
        x = re.split(r"\s+(?:for|over|at|after|during|within|on|in the last) (?:\d|the last)|,|\s+\(", m.group("x"))[0].strip()
        x = re.split(r"\s+(?:as measured|measured|assessed|at \d)", x)[0].strip()
        words = set(re.findall(r"[a-z]{4,}", x.lower())) - {"number", "patients", "people", "participants", "with", "without",
                                                             "score", "change", "from", "baseline", "that", "were", "which"}
        if not (3 <= len(x.split()) <= 18) or re.search(r"\d", x) or not words:
            return None

        def overlap(t: str) -> int:
            return len(words & set(re.findall(r"[a-z]{4,}", t.lower())))
        tested = [t for t in p.get("results") if overlap(t.text) >= 2 and t.id not in skip
                  and re.search(r"\bp\s*[<=>≤]|\bsignifican|\bdiffer|\b95\s*%", t.text, re.I)]
        if not tested:
            return None
        return s, x, max(tested, key=lambda t: overlap(t.text))
    return None


# "may help", "might reduce", "could be an effective option", "may potentially improve": a result the authors hedge
_HEDGED_RESULT = re.compile(
    r"\b(?:may|might|could|possibly|potentially)\s+(?:(?:also|further|potentially|possibly|therefore|thus|well|"
    r"be able to)\s+)?(?:help|improve|reduce|benefit|prevent|relieve|decrease|increase|enhance|lower|protect|preserve|"
    r"ease|alleviate|speed|shorten|promote|predict|identify|detect|be (?:an? )?(?:more |potentially |clinically )?"
    r"(?:effective|beneficial|useful|helpful|valuable|associated|linked|related|accurate|superior|protective))\w*\b", re.I)
# a result stated without a hedge, before the hedged one ("X improves pain and may reduce costs": the main claim is sure)
_SURE_RESULT = re.compile(r"\b(?:improves?|improved|reduces?|reduced|relieves?|relieved|prevents?|prevented|"
                          r"(?:is|are|was|were) (?:an? )?(?:effective|beneficial|superior|associated|linked))\b", re.I)


def authors_hedge(a: dict[str, Any], p: Parts) -> bool:
    """Do the authors hedge the result the card states (their concluding sentence says "may help", "might reduce")?
    Only for a result the card states as found (verdict Supports or Mixed picture); a hedge after a result stated
    surely in the same sentence does not count."""
    if a.get("verdict") not in ("Supports", "Mixed picture"):
        return False
    verdict_ids = [i for i in a.get("verdict_sentences") or [] if _has(p, i)]
    concl = conclusion_sentence(p, verdict_ids, a.get("question_kind") or "intervention")
    if concl is None or p.part.get(concl.id) != "conclusion":
        return False
    # (the first concluding sentence is the main conclusion: "Budesonide maintained remission for a year. Extending it
    # beyond a year may be beneficial" hedges a further step, not the result)
    first = next((s for s in p.get("conclusion") if not re.search(r"\b(?:further|more|future|larger) (?:research|studies|"
                                                                  r"trials)\b", s.text, re.I)), None)
    for s in [concl] + ([first] if first is not None and first.id != concl.id else []):
        m = _HEDGED_RESULT.search(s.text)
        if not m or _SURE_RESULT.search(s.text[:m.start()]):
            return False
    return True


def comparison_did_better(a: dict[str, Any], p: Parts) -> Any:
    """The result sentence of a trial's main measure when it shows a statistically clear difference and the authors
    conclude against the treatment (verdict Does not support): then the difference went the comparison group's way
    ("Median overall survival was 11.3 months with EOC compared with 8.8 months with EOC plus panitumumab, p=0.013",
    concluded "does not increase overall survival and cannot be recommended"). None otherwise."""
    if a.get("design") not in TRIAL_DESIGNS or a.get("verdict") != "Does not support" or a.get("primary_null"):
        return None
    found = main_measure(p, set(a.get("_subgroups") or ()))
    if not found:
        return None
    result = found[2]
    sig, nonsig = significant_p(result.text)
    if not sig or nonsig or read_sentence(result.text).label in ("null", "early"):
        return None
    return result


def _main_measure_point(p: Parts, out: list[Item], better: str = "", skip: set[str] | frozenset[str] = frozenset()) -> Item | None:
    """When no key point gives the result of the trial's main measure (its result sentence is all numbers, so
    it stays in the findings), a point names that measure and sends the reader to its result, rather than
    leaving side analyses to stand for the trial. ``better``: the comparison group, when the clear difference went
    its way (comparison_did_better), said in the point."""
    found = main_measure(p, skip)
    if not found:
        return None
    s, x, result = found
    if any(result.id in src for _, _, src in out[1:]):
        return None  # a key point already gives the main measure's result
    line = _result_line(result.text, 30)
    if line and not _NULL_LIST.match(line):
        sig, nonsig = significant_p(result.text)
        clear = "; the difference was statistically clear" if sig and not nonsig else ""
        if clear and better:
            clear += f" and favoured {better}"
        return (sentence(lay(f"The main measure was {_lower_first(x)}: {_lower_first(line.rstrip('.'))}{clear}")),
                "rewritten", [s.id, result.id])
    return (sentence(lay(f"The main measure was {_lower_first(x)}; the findings below give its result")),
            "rewritten", [s.id, result.id])


_HARMS = re.compile(r"\b(?:serious )?(?:adverse (?:events?|effects?|reactions?)|side[- ]effects?|complications?)\b", re.I)
_NO_HARMS = re.compile(r"\b(?:no|without|free of|none of the)\b[^.;]{0,30}\b(?:adverse|side[- ]effects?|complications?)|"
                       r"\b(?:adverse|side[- ]effects?|complications?)[^.;]{0,40}\b(?:did not differ|were similar|comparable|not differ|"
                       r"no (?:significant )?difference)", re.I)
_ARGUING = {"narrative review", "editorial/commentary/letter", "guideline"}
# "This review included 21 randomized trials": the first key point already says how many studies.
_RESTATES_COUNT = re.compile(r"^(?:this|the) (?:review|analysis|meta-analysis|search) (?:included|identified|comprised|found)"
                             r" (?:\d+|[a-z]+-?[a-z]*) (?:[\w-]+ ){0,3}?(?:studies|trials|tests|papers|articles)\b|"
                             # "Twenty-six trials met inclusion criteria."
                             r"^(?:\d+|[a-z]+(?:-[a-z]+)?) (?:[\w-]+ ){0,2}?(?:studies|trials|papers|articles) (?:met (?:the |our )?"
                             r"(?:inclusion|eligibility|selection) criteria|were (?:included|eligible))\.?$", re.I)
# "A total of 174 people were included in our study.", "We enrolled 120 adults.": the count the first point gives,
# and nothing else.
_PEOPLE_COUNT = re.compile(
    r"^(?:(?:a total of|in total,?|overall,?) )?(?P<n>\d[\d,]*|[a-z]+(?:[- ][a-z]+)?) (?:[\w-]+ ){0,2}?(?:people|persons|patients|"
    r"participants|subjects|adults|children|women|men|individuals|volunteers|athletes|workers) (?:were |was |have been |had been )?"
    r"(?:included|enrolled|recruited|randomi[sz]ed|studied|analy[sz]ed|took part|participated)(?: in (?:the|this|our) "
    r"(?:study|trial|analysis|cohort|survey))?\.?$|"
    r"^we (?:included|enrolled|recruited|studied|randomi[sz]ed|analy[sz]ed) (?P<n2>\d[\d,]*|[a-z]+(?:[- ][a-z]+)?) "
    r"(?:[\w-]+ ){0,2}?(?:people|persons|patients|participants|subjects|adults|children|women|men|individuals|volunteers)\.?$",
    re.I)


def _restates_people(text: str, n: int | None) -> bool:
    """Does this point only restate the number of people the first point already gives?"""
    m = _PEOPLE_COUNT.match(text.strip())
    if not (m and n):
        return False
    return parse_number((m.group("n") or m.group("n2") or "").replace("-", " ")) == n


# What an overview's sentence must not be to stand as "The authors argue that ...": the authors saying what they do
# ("Here, we show", "In this paper, we introduce", "I review"), a sentence leaning on the one before ("It rejects ...",
# "This emphasises ...", "They are found ..."), or a set-up sentence ("A primary objective was to develop ...").
_OPENING_ASIDE = re.compile(r"^(?:[A-Za-z]+(?: [A-Za-z]+){0,3}),\s+")
_NOT_ARGUED = re.compile(r"\b(?:we|our|us)\b|(?-i:^I\b)|^(?:it|they|this|these|those|such|both)\b(?!\s+(?:review|article|"
                         r"paper|study|trial|guideline|statement))|\b(?:objective|aim|purpose|goal) (?:was|is|were) to\b|"
                         r"\b(?:were|was) (?:also )?(?:responsible for|recruited|selected|invited|asked|assigned|enrolled|performed|"
                         r"carried out|conducted|collected|measured|recorded)\b", re.I)
AIM_LIKE = re.compile(r"\b(?:this (?:review|article|paper) (?:aims|focuses|describes|discusses|summari[sz]es)|the aim of|we (?:aim|describe|discuss)|(?:are|is|were) (?:discussed|described|reviewed|presented|summari[sz]ed|outlined))\b", re.I)
_COUNTABLE = re.compile(r"\b(programme|program|protocol|intervention|course|session|approach|device|brace|injection"
                        r"|orthosis|splint|insole|app|class|procedure|technique|operation|plan)$", re.I)


def article(phrase: str) -> str:
    """'calf loading programme' -> 'a calf loading programme'; uncountable or determined phrases stay."""
    if re.match(r"(a|an|the|this|these|their|its|our|his|her)\b", phrase, re.I) or not _COUNTABLE.search(phrase):
        return phrase
    return f"{a_or_an(phrase.split()[0])} {phrase}" if phrase.split() else phrase


_STATS_HEAVY = re.compile(r"\b(95\s*%|(?-i:CI|RR|OR|SMD|MD|HR)|p\s*[<=])\b|\d+\s*(studies|trials|participants)", re.I)


# What a review's studies were like, not what they found ("The number, site and dosage of injections varied widely
# between studies", "The number of participants per trial ranged from 20 to 114", "Methodological quality was
# variable", "Most trials were small"): the methods and limitations say it; it is no finding.
_STUDY_MAKEUP = re.compile(
    r"\b(?:varied|vary|ranged?|ranging|differed)\b[^.;]{0,60}\b(?:between|across|among|in|per|of) (?:the |all )?(?:included )?"
    r"(?:studies|trials|reviews|articles|papers)\b|\bper (?:study|trial)\b[^.;]{0,40}\branged?\b|"
    r"^\s*(?:the )?(?:methodological|method|overall|reporting|study|trial) quality (?:of (?:the )?(?:included )?(?:studies|trials) )?"
    r"(?:was|were|is|are) (?:(?:generally|very|highly|often|mostly) )?(?:variable|low|poor|moderate|mixed|high|good|fair|limited)\b|"
    r"^\s*(?:most|many|all|the) (?:of the )?(?:included )?(?:studies|trials) (?:were|was) (?:small|short|of (?:low|poor|moderate) quality)",
    re.I)
# A review's comparison of treatments in words ("a small benefit over placebo", "no better than", "pooled results")
_FINDING_WORDS = re.compile(r"\b(?:benefi\w+|superior|inferior|better|worse|favou?r\w*|pooled|effective\w*)\b", re.I)


def study_makeup(text: str) -> bool:
    """A sentence that describes a review's studies (their make-up or quality), with no result in it."""
    return bool(_STUDY_MAKEUP.search(text)) and not re.search(
        r"\b(?:significant\w*|improv\w+|associat\w+|benefi\w+|superior|inferior|better|worse|favou?r\w*|pooled)\b", text, re.I)


def _result_weight(text: str, review: bool = False) -> float:
    w = 0.0
    if re.search(r"\b(significant\w*|improv\w+|reduc\w+|increas\w+|decreas\w+|differ\w*|associat\w+|effect)\b", text, re.I):
        w += 2
    elif review and re.search(r"\b(?:benefi\w+|superior|inferior|in favou?r of|pooled (?:results?|analys[ie]s|estimates?|data))\b", text, re.I):
        w += 2  # "a small benefit over placebo ... no benefit over NSAID ... the pooled results of three trials"
    if re.search(r"\d", text):
        w += 1
    if review and study_makeup(text):
        w -= 3  # what the studies were like, never ahead of what they found
    return w


# "Patient characteristics were comparable among the groups; the population was mostly male": who was randomised, not
# what the treatment did.
_COMPARABLE_CHARACTERISTICS = (r"(?:patient|participant|subject|demographic|clinical|baseline)s?'? (?:and \w+ )?characteristics were "
                               r"(?:comparable|similar|balanced|well[- ]balanced|equivalent)")
_BASELINE = re.compile(r"^\s*(?:at baseline|baseline (?:characteristics|scores|values)|the groups were (?:similar|comparable) at baseline"
                       rf"|{_COMPARABLE_CHARACTERISTICS})"
                       r"|\b(?:at baseline|before (?:the )?(?:procedure|intervention|treatment|surgery|randomi[sz]ation))\b", re.I)


_BASELINE_SAME = re.compile(r"\bno (?:statistically )?(?:significant )?differences?\b[^.;]{0,120}\b(?:at baseline|before (?:the )?"
                            r"(?:procedure|intervention|treatment|surgery|randomi[sz]ation|block|injection))\b|"
                            r"\b(?:similar|comparable) at baseline\b|\bbaseline (?:characteristics|data|values) (?:were|was) (?:similar|comparable)"
                            rf"|^\s*{_COMPARABLE_CHARACTERISTICS}",
                            re.I)


def _findings(a: dict[str, Any], p: Parts) -> list[Item]:
    """Result sentences with numbers, quoted (baseline descriptions and back matter are not results)."""
    if a.get("design") in _ARGUING and not p.get("results"):
        # An overview reports no results of its own: what it argues, not its opening context, its aim or a
        # sentence that leans on the one before ("They are discussed in relation to ...").
        aims = {s.id for s in p.get("aim")}
        argued = [s for s in p.sentences[1:] if not s.back_matter and s.id not in aims
                  and not re.match(r"(?:they|these|those|it|such)\b", s.text, re.I)
                  and not re.search(r"\b(?:are|is) (?:described|discussed|reviewed|outlined)\.$", s.text)]
        if argued:
            return [(sentence(s.text), "extracted", [s.id]) for s in argued[:3]]
    # "There was no significant difference ... before the procedure": a baseline comparison, not a result
    results = [s for s in p.get("results") if not _BASELINE.match(s.text) and not _BASELINE_SAME.search(s.text)]
    # Sentences with numbers, and results stated in words ("There were no group differences in the gait
    # variables"): a finding need not have a figure.
    chosen = [s for s in results if re.search(r"\d", s.text)
              or _reading_label(s.text, a) in ("for", "null", "against", "mixed")] or results
    if not chosen:
        ids = {kn.get("sentence") for kn in a.get("key_numbers") or []}
        chosen = [s for s in p.sentences if s.id in ids] or p.get("conclusion")
    if not chosen:
        body = [s for s in p.sentences if not s.back_matter]
        chosen = [s for s in body if re.search(r"\d", s.text)][:3] or body[-2:]
    out = chosen[:5]
    out += [s for s in results if s.id in (a.get("_subgroups") or ()) and s not in out][:1]  # (no key point: see above)
    harms = next((s for s in results if _HARMS.search(s.text) and not _NO_HARMS.search(s.text)), None)
    if harms and not any(_HARMS.search(s.text) for s in out):
        # The harms the results report are findings too; the patients' line points to them.
        out = out + [harms]
    return [(sentence(s.text), "extracted", [s.id]) for s in out]


_AUTHOR_LIMIT = re.compile(r"\b(?:limitations?|limited by|caution|interpreted with care|small (?:sample|number|numbers|trials|studies)"
                           r"|quality of (?:many|most|the|several) (?:of the )?(?:included )?(?:studies|trials) (?:was|were) (?:low|poor)"
                           r"|underpowered|low[- ](?:quality|certainty)|very low (?:quality|certainty)|high risk of bias"
                           r"|heterogene\w+|short (?:follow-up|period|duration)|not (?:been )?(?:blinded|randomi[sz]ed)"
                           r"|confirmation by|require confirmation|may not (?:apply|generali[sz]e)|not generali[sz]able"
                           r"|selection bias|confounding|confounders|preliminary (?:data|evidence|findings|results)"
                           r"|(?:trial|study|sample|samples|trials|studies) (?:was|were) (?:small|short)|follow-up was short"
                           r"|(?:rest|rests|based) on (?:preliminary|limited|weak)|theoretical|limited confidence"
                           r"|multiple (?:statistical )?(?:tests|testing|comparisons))\b", re.I)


# A review's statement that its studies left something out ("None of the included articles described the association
# between ... and rotator cuff tears", "No study examined long-term outcomes", "There were no trials that assessed ..."):
# what the review cannot tell is a limitation, not a finding. A study that looked and found nothing ("none of the
# trials reported a significant difference", "no study reported serious side effects") is a result, and stays one.
_STUDIES = r"(?:studies|study|trials?|articles?|papers?|reports?|publications?|reviews?|RCTs?|cohorts?)"
_LOOKED = (r"(?:described|reported|examined|assessed|evaluated|investigated|measured|addressed|looked at|studied|"
           r"explored|considered|included|focused|tested|analy[sz]ed|compared|provided (?:data|information)|followed)")
_GAP = re.compile(
    rf"^(?:however,?\s+|but\s+|moreover,?\s+|in addition,?\s+|notably,?\s+)?(?:"
    rf"(?:none of the|no) (?:[\w-]+ ){{0,2}}?{_STUDIES}\b(?: (?:was|were) (?:found|identified|available) (?:that|which))?"
    rf"(?:\s+(?:has|have|had|was|were))?(?:\s+(?:yet|specifically|directly|adequately|formally|systematically))?\s+{_LOOKED}\b"
    rf"|(?:there (?:were|was|are|is) no|we (?:found|identified) no) (?:[\w-]+ ){{0,2}}?{_STUDIES}\b(?: (?:that|which))?"
    rf"\s+(?:{_LOOKED}|on|of|examining|assessing|reporting|evaluating|investigating|comparing|addressing)\b"
    rf"|no (?:data|information) (?:were|was|are|is) (?:available|reported|found) (?:on|for|about|regarding)\b)", re.I)
_GAP_RESULT = re.compile(r"\b(?:significan\w*|differen\w*|benefi\w*|improv\w*|superior|inferior|worse|better)\b|"
                         r"\breported (?:any |serious |major )?(?:adverse|side effects?|complications?|harms?|deaths?)\b", re.I)


def evidence_gaps(p: Parts) -> list[Item]:
    """The sentences of a review's results or conclusion that say its studies did not look at something, as
    limitations ("Gap in the evidence: none of the included articles described ...")."""
    out: list[Item] = []
    for s in p.get("results") + p.get("conclusion"):
        text = s.text.strip()
        if _GAP.match(text) and not _GAP_RESULT.search(text) and len(text.split()) <= 45:
            out.append((sentence(f"Gap in the evidence: {_lower_first(third_person(text))}"), "rewritten", [s.id]))
    return out[:2]


def _limitations(a: dict[str, Any], p: Parts, record: Record) -> list[Item]:
    """The authors' own statements of limits (a LIMITATIONS section, or results and conclusion sentences
    that name one: never background), then the limits that follow from the study's facts."""
    out: list[Item] = []
    if a.get("retracted") or record.retracted:
        out.append(("This paper has been retracted: do not rely on its results.", "templated", []))
    for s in p.sentences:
        if len(out) >= 3 or s.back_matter:
            continue
        labelled = bool(re.search(r"\blimitation", s.section, re.I))
        if not labelled and (p.part.get(s.id) not in ("results", "conclusion") or not _AUTHOR_LIMIT.search(s.text)):
            continue
        if not labelled and (_STATS_HEAVY.search(s.text) or _reading_label(s.text, a) in ("for", "null", "against", "mixed")
                             and not re.match(r"\s*(?:however|but|the (?:main |major )?limitations?|limitations?)\b", s.text, re.I)):
            continue  # a result that happens to mention a small sample or certainty: it belongs to findings
        out.append((sentence(s.text), "extracted", [s.id]))
    design = a.get("design", "other")
    if design in REVIEW_DESIGNS | {"narrative review", "guideline"}:
        out += [g for g in evidence_gaps(p) if not any(g[2][0] in src for _, _, src in out)]
    text = f"{record.title} {record.abstract}"
    if design == "lab/animal/experimental" and phrases.ANIMAL.search(text):
        out.append(("Animal study: results may not apply to people.", "templated", []))
    elif design == "lab/animal/experimental" and phrases.IN_VITRO.search(text):
        out.append(("Lab study: results may not apply to people.", "templated", []))
    elif design in phrases.IMPLIED_LIMITS:
        out.append((phrases.IMPLIED_LIMITS[design], "templated", []))
    elif reviews_links(design, a.get("question_kind"), f"{record.title}\n{record.abstract}"):
        out.append((REVIEWED_LINKS_LIMIT, "templated", []))
    n, k = a.get("n_participants"), a.get("n_studies")
    if design in REVIEW_DESIGNS and k and k < 3:
        out.append((f"Few studies: only {k} included.", "templated", []))
    elif design in REVIEW_DESIGNS and n and n < 200:
        out.append((f"Small total sample: {n} participants across the studies.", "templated", []))
    elif design not in REVIEW_DESIGNS and n and n < 50 and design not in ("case report", "case series", "qualitative"):
        out.append((f"Small sample: {n} participants.", "templated", []))
    if _own_pilot(text) and design not in ("protocol",):
        # The evidence ladder's own test, so the limitation and the badge never disagree.
        out.append(("Pilot or feasibility study: not built to show whether a treatment works.", "templated", []))
    out += [it for it in wording.derived_limits(a, f"{record.title}.\n{record.abstract}") if not any(similar(it[0], t) for t, _, _ in out)]
    if a.get("_subgroups") and not any(t == SUBGROUP_LIMIT for t, _, _ in out):
        out.append((SUBGROUP_LIMIT, "templated", sorted(a["_subgroups"])))
    if a.get("_crossover"):
        out.insert(0 if out and out[0][1] != "extracted" else len([o for o in out if o[1] == "extracted"]),
                   (a["_crossover"][1], "templated", list(a["_crossover"][0][2])))
    if not out and record.abstract:
        # Saying nothing would read as "no limits"; the reader should know the abstract is silent.
        out.append(("The abstract does not state the study's limitations.", "templated", []))
    return out[:6]


def _spell_out(card: dict[str, Any], defs: dict[str, str]) -> None:
    """Abbreviations the abstract defines, spelled out in the card's own and rewritten sentences (the
    quoted findings and methods rows stay as the source prints them)."""
    if not defs:
        return
    kinds = {p["path"]: p.get("kind") for p in card.get("provenance") or []}
    up = card.get("upshot") or {}
    for k in ("question", "answer"):
        if up.get(k):
            up[k] = agree_articles(spell_out(up[k], defs))
    for key in ("key_points", "limitations"):
        # (a point that opens on a spelled-out abbreviation keeps its capital, or the gate takes it for a fragment; a
        # spelled-out term that needs explaining is explained, as lay() explains it elsewhere)
        card[key] = [t if kinds.get(f"{key}.{i}") == "extracted" else
                     (gloss(agree_articles(spell_out(t, defs, capitalise=True))) if kinds.get(f"{key}.{i}") == "rewritten"
                      else agree_articles(spell_out(t, defs, capitalise=True)))
                     for i, t in enumerate(card.get(key) or [])] or card.get(key)
        if not card[key]:
            card.pop(key)
    for k, t in (card.get("why_it_matters") or {}).items():
        card["why_it_matters"][k] = agree_articles(spell_out(t, defs))


_BARE_PEOPLE = re.compile(r"^(?:[\w-]+ ){0,3}?(?:patients|participants|people|subjects|adults|individuals|volunteers)\.?$", re.I)


def _said_once(text: str) -> str:
    """'Older adults with neck pain; Forty-two older adults with neck pain.' -> the longer phrase only."""
    parts = [t.strip(" .") for t in text.split("; ")]
    if len(parts) < 2:
        return text
    keep = [t for i, t in enumerate(parts)
            if not any(t.lower() in u.lower() and (len(u) > len(t) or j < i) for j, u in enumerate(parts) if j != i)]
    return sentence(cap("; ".join(keep))) if keep else text


def _same_words(a: str, b: str) -> bool:
    wa, wb = set(re.findall(r"[a-z]{4,}", a.lower())), set(re.findall(r"[a-z]{4,}", b.lower()))
    return bool(wb) and wb <= wa


def _rows_match_question(rows: list[dict[str, Any]], q: Pico, src: list[str]) -> list[dict[str, Any]]:
    """An Intervention row that lists the question's comparators too ("Rofecoxib, celecoxib, and
    acetaminophen" beside the question "rofecoxib at 25 mg a day compared with celecoxib ...") is split
    into the question's own Intervention and Comparison, so the two parts of the card agree."""
    rows = list(rows)
    cmp_row = next((r for r in rows if r["label"] == "Comparison"), None)
    if cmp_row and q.population:
        # a tagged comparison that is the studied people's condition ("Breast cancer" of "people with colon or breast
        # cancer") is no comparator: the part goes, and the row with it if nothing is left
        parts = [t.strip(" .") for t in cmp_row["text"].split("; ")]
        kept = [t for t in parts if t and not (t.lower() in q.population.lower() and _CONDITION_WORD.search(t))]
        if len(kept) < len(parts):
            if kept:
                rows[rows.index(cmp_row)] = {**cmp_row, "text": sentence(cap("; ".join(kept)))}
            else:
                rows.remove(cmp_row)
    labels = {r["label"]: r for r in rows}
    given = labels.get("Intervention")
    if given and " added to " in q.intervention and \
            given["text"].strip(" .").lower() == q.intervention.split(" added to ")[0].lower():
        # an add-on trial ("Intervention: Rilonacept." beside the question "rilonacept added to indomethacin ... compared
        # with indomethacin alone"): the row says what the intervention group got, and the comparison row follows
        at = rows.index(given)
        rows[at] = {**given, "text": sentence(cap(q.intervention)), "kind": "rewritten"}
        if "Comparison" not in labels and q.comparison:
            rows.insert(at + 1, {"label": "Comparison", "text": sentence(cap(q.comparison)), "kind": "rewritten",
                                 "sources": given.get("sources", [])})
        labels = {r["label"]: r for r in rows}
    pop = labels.get("Population")
    if pop and q.population and _BARE_PEOPLE.match(pop["text"]):
        # "Population: 60 patients." says who counted, not who they were: the question's population does.
        rows[rows.index(pop)] = {**pop, "text": sentence(cap(q.population)), "kind": "rewritten", "sources": src or pop["sources"]}
    # Rows the abstract gave no clean phrase for, while the question names them: the card's two parts agree.
    after = max((i + 1 for i, r in enumerate(rows) if r["label"] in ("Population", "Design")), default=0)
    kind = "rewritten" if src else "templated"  # from the question, itself built from these sentences or the title
    if "Intervention" not in labels and q.intervention:
        rows.insert(after, {"label": "Intervention", "text": sentence(cap(q.intervention)), "kind": kind, "sources": src})
        after += 1
    elif "Intervention" in labels:
        after = rows.index(labels["Intervention"]) + 1
    if "Comparison" not in labels and "Intervention" not in labels and q.comparison:
        rows.insert(after, {"label": "Comparison", "text": sentence(cap(q.comparison)), "kind": kind, "sources": src})
        return rows
    labels = {r["label"]: r for r in rows}
    row = labels.get("Intervention")
    if not (row and q.intervention and q.comparison) or "Comparison" in labels:
        if row and q.comparison and "Comparison" not in labels and not _same_words(row["text"], q.comparison):
            rows.insert(rows.index(row) + 1, {"label": "Comparison", "text": sentence(cap(q.comparison)),
                                              "kind": kind, "sources": src})
        return rows
    cmp_words = set(re.findall(r"[a-z]{5,}", q.comparison.lower())) - {"lower", "higher", "usual", "placebo"}
    if not cmp_words & set(re.findall(r"[a-z]{5,}", row["text"].lower())):
        return rows
    at = rows.index(row)
    new = [{"label": "Intervention", "text": sentence(cap(q.intervention)), "kind": "rewritten", "sources": src or row["sources"]},
           {"label": "Comparison", "text": sentence(cap(q.comparison)), "kind": "rewritten", "sources": src or row["sources"]}]
    return rows[:at] + new + rows[at + 1:]


# Designs that observe people rather than assign them a treatment: what they had is an exposure, not an intervention.
OBSERVATIONAL_DESIGNS = {"cohort", "case-control", "cross-sectional"}


# A review whose studies assigned a treatment at random: what it pools is an intervention, whatever its question's kind.
_TRIALS_POOLED = re.compile(r"\brandomi[sz]ed\b|\bRCTs?\b|\b(?:controlled|clinical) (?:trials?|stud(?:y|ies))\b|"
                            r"\bdouble-blind\b|\bplacebo\b", re.I)


def reviews_links(design: str | None, kind: str | None, text: str) -> bool:
    """A review that asks whether something is linked with a disorder and names no randomised trials among its studies:
    a review of observational studies of an exposure."""
    return design in REVIEW_DESIGNS and kind == "association" and not _TRIALS_POOLED.search(text)


REVIEWED_LINKS_LIMIT = ("The studies it reviewed observed people rather than testing a treatment, so the links it reports "
                        "may not be cause and effect.")


def exposure_rows(rows: list[dict[str, Any]], design: str | None, kind: str | None = None,
                  text: str = "") -> list[dict[str, Any]]:
    """In a cohort, case-control or cross-sectional study nobody was given the thing studied (pain catastrophizing,
    benzodiazepines, a diet): the methods row names it "Exposure", not "Intervention". So too in a review of such
    studies: a review that asks whether something is linked with a disorder ("work-related factors" and shoulder
    disorders, odds ratios from observational studies) and names no randomised trials among its studies."""
    if design not in OBSERVATIONAL_DESIGNS and not reviews_links(design, kind, text):
        return rows
    return [{**r, "label": "Exposure"} if r["label"] == "Intervention" else r for r in rows]


_ACCURACY_REVIEW = re.compile(r"\bdiagnostic (?:test )?(?:accuracy|performance|value|utility)\b|\blikelihood ratios?\b|"
                              r"\bsensitivity and specificity\b|\breceiver operating\b", re.I)


def index_test_rows(rows: list[dict[str, Any]], a: dict[str, Any], q: Pico, src: list[str],
                    text: str = "") -> list[dict[str, Any]]:
    """A study or review of a test's accuracy tests no treatment: its methods name the index test(s) and the target
    condition, not an "Intervention". The row keeps its text when that names the test the question asks about;
    else the question's test stands in ("Clinical testing in order to diagnose ..." -> "Clinical tests"). A review
    counts when its question is a test's accuracy or its text says it reviewed diagnostic accuracy."""
    review = a.get("design") in REVIEW_DESIGNS
    if (a.get("question_kind") or "") != "accuracy" and a.get("design") != "diagnostic accuracy" and \
            not (review and _ACCURACY_REVIEW.search(text)):
        return rows
    label = "Index tests" if review or (q.intervention and plural(q.intervention)) else "Index test"
    out = []
    for r in rows:
        if r["label"] == "Intervention":
            text = r["text"]
            if q.intervention and not _same_words(text, q.intervention):
                text, r = sentence(upper_first(q.intervention)), {**r, "kind": "templated", "sources": list(src)}
            r = {**r, "label": label, "text": text}
        out.append(r)
    if q.intervention and not any(r["label"] == label for r in out):
        at = next((i + 1 for i, r in enumerate(out) if r["label"] in ("Design", "Population")), 0)
        out.insert(at, {"label": label, "text": sentence(upper_first(q.intervention)), "kind": "templated", "sources": list(src)})
    if q.outcome and not any(r["label"] in ("Outcomes", "Target condition") for r in out):
        at = next((i + 1 for i, r in enumerate(out) if r["label"] == label), len(out))
        out.insert(at, {"label": "Target condition", "text": sentence(upper_first(q.outcome)), "kind": "templated",
                        "sources": list(src)})
    return out


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", text.lower())} - {"with", "from", "that", "this", "were", "have"}


def _exposure_is_the_question(rows: list[dict[str, Any]], q: Pico, src: list[str]) -> list[dict[str, Any]]:
    """An Exposure row that names the outcome's event, not the exposure ("Exposure: Surgical repair of a hip fracture in
    1994." in a case-control study of statins and hip fractures: what the cases had, read by the tagger) gives way to the
    exposure the question names; an Outcomes part that says what was adjusted for ("Adjusted for demographic and
    clinical characteristics") is no outcome and goes."""
    out = []
    for r in rows:
        if r["label"] == "Exposure" and q.intervention and q.outcome:
            words, x, y = _content_words(r["text"]), _content_words(q.intervention), _content_words(q.outcome)
            if words & y and not words & x:
                r = {**r, "text": sentence(cap(q.intervention)), "kind": "rewritten", "sources": src or r["sources"]}
        if r["label"] == "Outcomes":
            parts = [t for t in r["text"].rstrip(".").split("; ")
                     if not re.match(r"(?:adjusted|controlled|controlling|adjusting) for\b", t.strip(), re.I)]
            if not parts:
                continue
            if len(parts) < len(r["text"].rstrip(".").split("; ")):
                r = {**r, "text": sentence(cap("; ".join(parts)))}
        out.append(r)
    return out


def _citation(record: Record) -> str:
    names = [au.display for au in record.authors if au.display]
    who = ", ".join(names[:3]) + (", et al" if len(names) > 3 else "")
    bits = [who, record.title.rstrip("."), record.journal_abbrev or record.journal]
    # (an abbreviated journal ends in its own full stop: "Ann. Intern. Med." must not become "Med..")
    cite = ". ".join(b.rstrip(".") for b in bits if b)
    if record.year:
        cite += f". {record.year}"
        if record.volume:
            cite += f";{record.volume}" + (f"({record.issue})" if record.issue else "")
            if record.pages:
                cite += f":{record.pages}"
    return cite.strip() + "." if cite.strip() else ""


def unlabel(text: str) -> str:
    """A quoted sentence without a section label printed at its start ("REVIEWER'S CONCLUSIONS Despite ...",
    "AUTHORS' CONCLUSIONS: ..."): the label is the abstract's furniture, not what the authors said. A sentence
    under a back-matter label ("Level of Evidence: ...", "Trial registration: ...") is no card text: ""."""
    marks = find_labels(text)
    if marks and marks[0][0] == 0 and is_back_matter_label(marks[0][2]):
        return ""  # "Level of Evidence: Level 4": publishing furniture, not a finding
    if marks and marks[0][0] == 0 and known_label(marks[0][2]) and text[marks[0][1]:].strip():
        rest = text[marks[0][1]:].lstrip(" :")
        return upper_first(rest)
    return text


def _grounded(items: list[Item], values: set[float], where: str) -> list[Item]:
    keep = []
    for text, kind, src in items:
        text = agree_articles(unlabel(text))
        if not text:
            continue
        bad = ungrounded(text, values)
        if bad:
            log.info("card %s: dropped text with numbers not in the source %s: %r", where, bad, text[:80])
            continue
        keep.append((text, kind, list(dict.fromkeys(src))))
    return keep


# The study's own lines the patients' note may give (wording.why); without them it says what kind of result it was.
_OWN_LINES = ("_headline", "_conclusion_plain", "_main_plain", "_subgroup_line")


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
    a["_applied_n"] = applied_count(a, p, record.abstract)
    if a["_applied_n"]:
        a["n_participants"] = None  # the test's later use, not the study that measured its accuracy (applied_count)
        a["_ladder"] = plain_ladder(a.get("evidence_reasons") or [], a.get("evidence") or "", None, a.get("n_studies"))
    a["_subgroup"] = subgroup_limit([(s.id, s.text) for s in p.get("results")])
    a["_subgroups"] = subgroup_results(a, p, record.title or "") if p.sentences else set()
    a["_title"] = record.title or ""
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
    src = pico_sentence_ids(p.sentences, what_spans + cmp_spans)
    if not what and a.get("design") not in _NO_TREATMENT_DESIGNS:
        found = _subject_of_conclusion(p)
        if found and not ungrounded(found[0], values):
            what, src = article(found[0]), [found[1]]
    if not p.sentences:
        what = None  # nothing to hedge a treatment claim on
    q = study_pico(record, a, p, what, cmp)
    q.answered = narrower_outcome(a, p, q)
    if not p.sentences or a.get("design") in _NO_TREATMENT_DESIGNS and a.get("question_kind") == "intervention":
        q.intervention = "" if not p.sentences or a.get("design") in ("lab/animal/experimental", "protocol",
                                                                       "editorial/commentary/letter") else q.intervention
    for f in ("population", "intervention", "comparison", "outcome"):
        if getattr(q, f) and ungrounded(getattr(q, f), values):
            setattr(q, f, "")  # a phrase with a number the source does not state is asked without

    prov: list[dict[str, Any]] = []
    card: dict[str, Any] = {"title": record.title}

    question = _grounded([_question(a, q, src)], values, "question") or \
        _grounded([_question(a, Pico(population=q.population), [])], values, "question")
    # The authors' own hedge ("may help reduce impaired shoulder function") caps the card's certainty word: a single
    # trial rated moderate is not "probably" when its authors say "may".
    a["_authors_may"] = bool(p.sentences) and authors_hedge(a, p)
    # A trial whose comparison group did clearly better on the main measure says so (comparison_did_better).
    a["_better"] = ((f"the comparison group ({re.sub(r'^(?:a|an|the) ', '', q.comparison)})" if q.comparison
                     else "the comparison group")
                    if p.sentences and comparison_did_better(a, p) is not None else "")
    answer = _grounded(_answer(a, p, q, src), values, "answer")
    if not answer and not p.sentences:
        answer = [("This record has no abstract, so we cannot say what the study found.", "templated", [])]
    card["upshot"] = {}
    if question:
        card["upshot"]["question"] = question[0][0]
        prov.append({"path": "upshot.question", "kind": question[0][1], "sources": question[0][2]})
    if answer:
        card["upshot"]["answer"] = " ".join(t for t, _, _ in answer)
        kinds = {k for _, k, _ in answer}
        prov.append({"path": "upshot.answer", "kind": "rewritten" if "rewritten" in kinds else "templated",
                     "sources": list(dict.fromkeys(s for _, _, ss in answer for s in ss))})
    card["badges"] = {"verdict": a.get("verdict"), "research_type": a.get("research_type"),
                      "evidence": a.get("evidence")}

    used = {t for t, _, _ in answer}
    a["_crossover"] = crossover(p, a.get("design") or "", q.intervention) if p.sentences else None
    for name, items in (("key_points", _key_points(a, p, used) if p.sentences else []),
                        ("findings", _findings(a, p) if p.sentences else []),
                        ("limitations", _limitations(a, p, record))):
        items = _grounded(items, values, name)
        if items:
            card[name] = [t for t, _, _ in items]
            prov += [{"path": f"{name}.{i}", "kind": k, "sources": s} for i, (_, k, s) in enumerate(items)]
    rows = [r for r in methods_rows(a, p, record) if not ungrounded(r["text"], values)]
    # Methods rows are short phrases, not quotes: "PIL and TF ESI" reads better spelled out from the
    # abstract's own definitions (the Design row keeps the design sentence as printed).
    defs = definitions(record.abstract)
    rows = [r if r["label"] == "Design" or not defs else {**r, "text": _said_once(spell_out(r["text"], defs))} for r in rows]
    rows = [{**r, "text": agree_articles(r["text"])} for r in _rows_match_question(rows, q, src)]
    rows = exposure_rows(rows, a.get("design"), a.get("question_kind"), f"{record.title}\n{record.abstract}")
    # An outcome that is the exposure or treatment again ("Exposure: Occupational sitting." / "Outcomes: Occupational
    # sitting.") was the tagger's misreading: the row goes.
    given = {r["text"].lower() for r in rows if r["label"] in ("Intervention", "Exposure")}
    rows = [r for r in rows if not (r["label"] == "Outcomes" and r["text"].lower() in given)]
    rows = _exposure_is_the_question(rows, q, src)
    rows = index_test_rows(rows, a, q, src, f"{record.title}\n{record.abstract}")
    if a.get("_applied_n"):
        said, sid, survey = a["_applied_n"]
        at = next((i for i, r in enumerate(rows) if r["label"] in ("Follow-up", "Aim")), len(rows))
        rows.insert(at, {"label": "Sample", "text": sentence(f"{said} people in the test's later use"
                                                             f"{' (a survey)' if survey else ''}; the accuracy study's size "
                                                             "is not given"), "kind": "templated", "sources": [sid]})
    if rows:
        card["methods"] = [{"label": r["label"], "text": r["text"]} for r in rows]
        prov += [{"path": f"methods.{i}", "kind": r["kind"], "sources": r["sources"]} for i, r in enumerate(rows)]
    a["_verdict_texts"] = [p.by_id(i).text for i in a.get("verdict_sentences") or [] if _has(p, i)]
    # Harms the results report (not "no adverse events occurred"): the patients' line says to ask about them.
    a["_harms"] = any(_HARMS.search(s.text) and not _NO_HARMS.search(s.text) for s in p.get("results"))
    a["_enriched"] = a.get("design") in ("randomised controlled trial", "crossover trial") and wording.enriched(record.abstract)
    claim = wording.answer_claim(a, q)
    claim = claim if claim and not ungrounded(claim, values) else None
    why = {k: v for k, v in wording.why(a, q, claim).items() if _grounded([v], values, f"why_it_matters.{k}")}
    if "patients" not in why and any(a.get(k) for k in _OWN_LINES):
        # The study's own line did not pass the number check: the plain templated line rather than none.
        plain = wording.why({**a, **dict.fromkeys(_OWN_LINES)}, q, claim)["patients"]
        if _grounded([plain], values, "why_it_matters.patients"):
            why["patients"] = plain
    if why.get("patients") and claim and p.sentences:
        # "Benzodiazepines may be linked with injurious falls." for patients too says where the link held.
        text, kind_, srcs = why["patients"]
        head = _first_sentence(text)
        note = subgroup_note(a, p, head)
        if note and not ungrounded(note[0], values):
            why["patients"] = (f"{head} {note[0]}{text[len(head):]}", kind_, list(dict.fromkeys(srcs + note[2])))
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
    _spell_out(card, definitions(record.abstract))
    # A term that needs explaining ("subacromial", "neuropathic") is explained where patients read it, whether it came
    # from the study's own phrases or from a spelled-out abbreviation.
    if (card.get("upshot") or {}).get("answer"):
        card["upshot"]["answer"] = gloss(card["upshot"]["answer"])
    if (card.get("why_it_matters") or {}).get("patients"):
        card["why_it_matters"]["patients"] = gloss(card["why_it_matters"]["patients"])
    card["_subject"] = q.intervention or None
    if not p.sentences:
        card["flags"] = ["unclear_result"]
        card.pop("_subject")
        return gate(card, record)
    card = check_card(gate(card, record), record, a)
    if not (card.get("why_it_matters") or {}).get("patients") and why.get("patients") and why["patients"][2] \
            and any(a.get(k) for k in _OWN_LINES):
        # The study's own line for patients read otherwise than its source and went: the templated line instead, as
        # before that line was written, so the card keeps a word for patients.
        plain = wording.why({**a, **dict.fromkeys(_OWN_LINES)}, q, claim)["patients"]
        if _grounded([plain], values, "why_it_matters.patients"):
            card.setdefault("why_it_matters", {})["patients"] = plain[0]
            card["provenance"].append({"path": "why_it_matters.patients", "kind": plain[1], "sources": plain[2]})
    return card
