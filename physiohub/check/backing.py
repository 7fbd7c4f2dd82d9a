"""Does the evidence back a claim? The claim's stance from the studies matched to it.

For each matched study that tests the claim (``check.tested``; a study the article cites is always read),
two readings, the first that applies wins:

1. **The card's verdict**, when the claim says a treatment works or does not and the study tests that
   treatment: the honest-cards reading of the whole abstract ("Supports", "No clear difference", "Does
   not support", "Mixed picture") is a better judge of what a trial found than any one sentence. "Exercise
   improves bone density" against a trial whose verdict is "No clear difference" is contradicted, whatever
   words the two share; a claim of equivalence ("works as well as physiotherapy") is backed by "No clear
   difference".
2. **The stance model** (``check.stance``) on the study's own findings (its RESULTS and CONCLUSIONS, not its
   background, aims or methods): for claims about an association or a mechanism, and verdicts that do not
   answer the claim.

The claim's stance is that of the study it cites, else of the first match that tests it: "supports",
"contradicts", or "weaker than the claim" (the study points the same way but the claim overstates design or
certainty, or the study's picture is mixed), with a one-line reason quoting the finding it rests on. When
studies matched but none tests the claim, the stance is None and the reason says why.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..appraise.reading import read_sentence
from ..store import Store
from .claims import Claim
from .lexicon import COMPARATOR, INERT_CONTROL
from .match import appraisal_of, claim_query, content_words, stem, study_text_and_findings
from .stance import CONTRADICTS, SUPPORTS, evidence_sentences, stance
from .strength import LITTLE_BENEFIT, WORKS
from .tested import study_tests_claim

# "the most effective", "the best", "first choice": a claim that ranks treatments
_RANKING = re.compile(r"\b(?:the )?(?:most (?:successful|effective|helpful|beneficial|relief|benefit|improvement)|largest|biggest|greatest|best|"
                      r"first choice|top)\b(?! (?:evidence|available|of all)\b)", re.I)
# "as well as", "as much as", "no worse than": a claim that two treatments are alike
_EQUIVALENCE = re.compile(r"\bas (?:much|well|good|effective|effectively) as\b|\bno (?:worse|less effective) than\b|"
                          r"\bequally (?:effective|good|well)\b|\bon a par with\b|\bjust as\b", re.I)
_BENEFIT, _NULL, _MIXED = "Supports", "No clear difference", "Mixed picture"
_SAID = {"Supports": "found a benefit", "No clear difference": "found no clear difference",
         "Does not support": "found against it", "Mixed picture": "found a mixed picture"}


# A match with no abstract: nothing to read a result from, so no stance and no "does not test" either.
TITLE_ONLY_REASON = ("The hub holds only the title of the study it matched, not its abstract, so it cannot say whether "
                     "the claim holds.")
TITLES_ONLY_REASON = ("The hub holds only the titles of the studies it matched, not their abstracts, so it cannot say "
                      "whether the claim holds.")
_FOR_DIRECTIONS = ("improves", "decreases", "increases")
_SAID_BY_DIRECTION = {"no difference": "null", "improves": "for", "decreases": "for", "increases": "for"}
# "should be part of the first-line treatment", "is recommended", "works": a claim that the treatment helps
_RECOMMENDS = re.compile(r"\b(?:should be (?:part of|used|offered|the)|recommend\w*|first[- ]line|works?\b|"
                         r"(?:is|are) (?:the )?(?:best|main|preferred|effective|an? (?:important|effective|good) option))", re.I)


def verdict_stance(claim_text: str, verdict: str | None, *, direction: str | None = None,
                   head_to_head: bool = False) -> str | None:
    """supports / contradicts / "mixed" from the study's card verdict and what the claim says of the
    treatment (its reading, else the claim parser's ``direction``: a treatment that "reduces", "improves"
    or "increases" something is claimed to work), or None when the verdict does not answer the claim. A
    claim that two treatments are alike is answered only by a study comparing the two (``head_to_head``)."""
    if verdict not in _SAID:
        return None
    if _EQUIVALENCE.search(claim_text):
        return SUPPORTS if verdict == _NULL and head_to_head else None
    if LITTLE_BENEFIT.search(claim_text) and not _EQUIVALENCE.search(claim_text):
        # "NSAIDs have little more benefit than a placebo", "too small to be clinically important": a claim that the
        # benefit is small is borne out by a study that found a small or mixed benefit, or none; a clear benefit does
        # not say how large it was
        return "mixed" if verdict == _BENEFIT else SUPPORTS
    said = read_sentence(claim_text).label or _SAID_BY_DIRECTION.get(direction or "") or (
        "for" if _RECOMMENDS.search(claim_text) or WORKS.search(claim_text) else None)
    if said == "for":
        return {_BENEFIT: SUPPORTS, _MIXED: "mixed"}.get(verdict, CONTRADICTS)
    if said in ("null", "against"):
        return {_BENEFIT: CONTRADICTS, _MIXED: "mixed"}.get(verdict, SUPPORTS)
    return None


_QUOTED = re.compile(r"\u201c([^\u201d]{8,})\u201d")


# A quoted sentence that asks for more work rather than reporting a result.
_NOT_A_RESULT = re.compile(r"\b(?:is|are) (?:still |also )?(?:required|needed|warranted)\b|\bfurther (?:research|refinement|studies|"
                           r"work|trials)\b|\bfuture (?:research|studies|trials|work)\b|\bshould (?:be|focus|aim|include)\b", re.I)

# Harms of a treatment: a sentence on them answers a claim about harms, not one about a benefit ("Patients with mild
# arthritis reported a slight improvement" was read as backed by "Mild adverse events were reported in 40 patients in
# the glucosamine group and 46 in the placebo group").
_HARMS = re.compile(r"\b(?:adverse (?:events?|effects?|reactions?|outcomes?)|side[- ]effects?|safety|safe|tolerat\w*|harms?|"
                    r"complications?|withdrawals?|dropped out|drop-?outs?)\b", re.I)


def _results_for(claim_text: str, findings: list[str]) -> list[str]:
    """The findings a claim is read against: not calls for more work, and not harms unless the claim speaks of harms."""
    out = [f for f in findings if not _NOT_A_RESULT.search(f)] or findings
    if not _HARMS.search(claim_text):
        out = [f for f in out if not _HARMS.search(f)] or out
    return out


def _sets_against(claim_text: str, versus: str) -> bool:
    """Does the claim itself compare with what the study compared with ("no better than standard care")?"""
    against = COMPARATOR.search(claim_text)
    return bool(against and set(content_words(versus)) & set(content_words(against.group(1))))


def _whole_quote(reason: str, findings: list[str]) -> str:
    """A verdict reason with its quoted piece widened to the whole finding sentence it was cut from (the
    card's reasons quoted a clause: "... no significant effect on quadriceps strength, BMD, dynamic"). New
    appraisals quote whole sentences (appraise/verdict.py); hubs appraised before that still hold clauses."""
    m = _QUOTED.search(reason)
    if not m:
        return reason
    piece = m.group(1).strip(" .\u2026")
    whole = next((f for f in findings if piece and piece in f), None)
    if whole is None or len(whole) > 280:
        return reason
    return reason[:m.start()] + "\u201c" + whole.strip() + "\u201d" + reason[m.end():]


# Outcomes that matter to a patient and that a claim that a treatment "helps" or "is effective" speaks of even when it
# names none: a null result on them reads against it; a null result on a mechanism ("gait biomechanics") does not.
_PATIENT_OUTCOME = re.compile(r"\b(?:pain\w*|function\w*|disabilit\w*|symptoms?|quality of life|stiffness|recovery|"
                              r"mobility|well-?being|falls?|fractures?|return to (?:work|sport)|sick leave|satisfaction|"
                              r"global (?:impression|rating|change)|health)\b", re.I)


def _null_on_other_outcome(claim_text: str, label: str | None, pico: dict | None) -> str | None:
    """The outcome a null verdict rests on, when that is none the claim speaks of: the study's tagged outcomes (its
    title's first) share no word with the claim beyond the claim's treatments, and none is an outcome that matters
    to a patient. None when the verdict may read against the claim."""
    from .tested import treatment_names

    if label != CONTRADICTS:
        return None
    outcomes = [sp.get("text", "") for sp in ((pico or {}).get("outcomes") or []) if isinstance(sp, dict)]
    outcomes = [o for o in outcomes if o.strip()]
    if not outcomes or any(_PATIENT_OUTCOME.search(o) for o in outcomes):
        return None
    treatment_stems = {stem(w) for t in treatment_names(claim_text) for w in content_words(t)}
    claim_stems = {stem(w) for w in content_words(claim_text)} - treatment_stems
    # what an outcome measures is its head word ("biomechanics" in "gait biomechanics during walking"): "walk" in a
    # claim about walking for exercise is its treatment, not the outcome
    heads = [_head(o) for o in outcomes]
    if any(h is None or stem(h) in claim_stems for h in heads):
        return None
    return outcomes[0]


def _head(outcome: str) -> str | None:
    """The word an outcome phrase measures: its last word before a preposition ("gait biomechanics during walking")."""
    words = re.split(r"\s+(?:during|in|of|at|on|after|before|while|with|for|among)\s+", outcome.strip().lower())[0]
    found = re.findall(r"[a-z][a-z\-]+", words)
    return found[-1] if found else None


def _quote(sentence: str, most: int = 220) -> str:
    return sentence if len(sentence) <= most else sentence[: most - 3].rsplit(" ", 1)[0] + "..."


def stance_of(store: Store, claim: Claim, matches: list[dict], overstatement: Callable[[list[dict]], list[str]], *,
              context_condition: str | None = None, article_words: set[str] | None = None,
              states_effect: bool = True, carried_treatment: str | None = None,
              own_condition: str | None = None) -> tuple[str | None, str | None, list[str]]:
    """(stance, reason, overstated reasons) of the claim; sets each match's ``stance``, ``stance_sentence``,
    ``about_claim`` and, for studies the article does not cite, ``tests_claim``. ``overstatement`` gives
    the reasons the claim overstates the evidence of the matches it is handed: only those about the claim's
    subject (a related study of another treatment is no ground for "overstated"). ``context_condition``:
    what the article is about, for a claim that names no condition; ``article_words``: the stems of the
    article's words (a study of people the article never mentions tests none of its claims); ``states_effect``:
    False when the claim-strength model reads no relationship in the sentence (a count, a practice), which then gets
    a stance only from a verdict its own words answer, never from the stance model's reading of a finding;
    ``carried_treatment``: the treatment of the claim a sentence goes on from ("This may be a way to reduce falls" after
    a claim about massage), which the study must test as if the sentence had named it; ``own_condition``: the
    condition of the people the claim names ("people with cancer"), which the study must speak of."""
    lead: tuple[dict, str, str, str | None] | None = None   # (match, label, sentence, verdict it rests on)
    untested: list[tuple[dict, str]] = []
    title_only: list[dict] = []
    words = content_words(claim_query(claim))
    for mt in matches:
        mt["stance"] = None
        text, findings = study_text_and_findings(store, mt["id"])
        if len(text.split()) < 25:      # a title alone says too little to read a result from
            # ... or to hold the claim to: a leaflet's title ("Exercise for the elderly") rated Very limited is no
            # ground for "possibly overstated" beside a claim the hub cannot tell about. The page says why the study
            # is listed with nothing said of it: the hub holds its title only.
            mt["about_claim"] = bool(mt.get("cited"))
            mt["title_only"] = True
            title_only.append(mt)
            continue
        appraisal = appraisal_of(store, mt["id"]) or {}
        t = study_tests_claim(store, f"{claim.text} ({carried_treatment})" if carried_treatment else claim.text, words, mt.get("title") or "", text, appraisal.get("pico"),
                              mt.get("verdict"), context_condition=context_condition, article_words=article_words,
                              direction=claim.direction, findings=findings, own_condition=own_condition)
        mt["about_claim"] = t.about_claim or bool(mt.get("cited"))
        if not mt.get("cited"):
            mt["tests_claim"] = t.tests
            if not t.tests:
                untested.append((mt, t.reason or "it is about something else"))
                continue
        if t.by_treatment and not t.head_to_head and _RANKING.search(claim.text) and not mt.get("cited"):
            # "tai chi was the most successful exercise for falls": a ranking of treatments is answered only by
            # a study that compares them, not by a trial of one of them against nothing
            mt["tests_claim"] = False
            untested.append((mt, "it does not compare the treatments the claim ranks"))
            continue
        # ("nothing more than a mild relief" measures the benefit; it sets the treatment against nothing)
        against = None if LITTLE_BENEFIT.search(claim.text) else COMPARATOR.search(claim.text)
        if (t.by_treatment and not t.head_to_head and against and not INERT_CONTROL.search(against.group(1))
                and not mt.get("cited")):
            # "glucosamine and chondroitin together gave no more benefit than either one alone": a claim set
            # against an active alternative is answered only by a study of the two, not one against placebo
            mt["tests_claim"] = False
            untested.append((mt, f"it does not compare it with {against.group(1).strip()}"))
            continue
        if t.by_treatment and not t.head_to_head and _EQUIVALENCE.search(claim.text) and not mt.get("cited"):
            # "cycling helps as much as weight-bearing exercise": only a study of the two side by side can say
            mt["tests_claim"] = False
            untested.append((mt, "it does not compare the treatments the claim says are alike"))
            continue
        if not findings:
            if not mt.get("cited"):
                untested.append((mt, "its abstract states no result to read"))
            continue
        if (t.by_treatment and mt.get("verdict") == _NULL and t.versus_active
                and not t.head_to_head and not _sets_against(claim.text, t.versus_active)):
            # "spinal manipulation can help low back pain" against a trial of manipulation versus standard care that
            # found the two alike: both groups may have got better; the trial says manipulation was no better than
            # that care, not whether either helps (only an inert control, a placebo or nothing, would)
            if not mt.get("cited"):
                mt["tests_claim"] = False
            name = t.name or "the treatment"
            untested.append((mt, f"it compared {name} with {t.versus_active} and found no clear difference, which says "
                                 f"{name} was no better than {t.versus_active}, not whether either helps"))
            continue
        label = (verdict_stance(claim.text, mt.get("verdict"), direction=claim.direction, head_to_head=t.head_to_head)
                 if t.tests and t.by_treatment else None)
        if label is not None:
            # the card's own reasons for its verdict quote the sentences it rests on
            reasons = [_whole_quote(r, findings) for r in appraisal.get("verdict_reasons") or []]
            # ... but a quoted call for more work ("further refinement is required to ... maximise the benefits") is
            # not the result the claim is read against: the abstract's own finding sentence is quoted instead
            reasons = [r for r in reasons if not _NOT_A_RESULT.search(r)]
            # else the finding sentence nearest the claim among those that read as a result (a benefit, a harm, no
            # difference), not a feasibility remark
            if reasons:
                sentence = "; ".join(reasons[:2])
            else:
                pool = _results_for(claim.text, findings)
                results = [f for f in pool if read_sentence(f).label in ("for", "against", "null")]
                top = evidence_sentences(claim.text, results or pool, 1)
                sentence = (results or pool)[top[0][1]] if top else pool[-1]
            verdict = mt.get("verdict")
            off = _null_on_other_outcome(claim.text, label, appraisal.get("pico"))
            if off and not mt.get("cited"):
                # "walking may help your knees" is not read against by a trial that found no effect on gait
                # biomechanics: a null result on an outcome the claim does not speak of says nothing of its benefit
                mt["tests_claim"] = False
                untested.append((mt, f"it found no clear difference in {off}, which the claim does not speak of"))
                continue
        elif not states_effect and claim.direction is None and read_sentence(claim.text).label is None:
            # "rehabilitation is widely promoted after knee replacement", "719,000 discharges in 2010": a practice or a
            # count, no effect; the stance model would read any finding of a study of the same words as backing it
            if not mt.get("cited"):
                mt["tests_claim"] = False
            untested.append((mt, "the sentence states no effect a study's result could confirm or deny"))
            continue
        else:
            # a call for more work ("future studies should focus on ...") is no result to read the claim against
            st = stance(claim.text, _results_for(claim.text, findings))
            label, sentence, verdict = st.label, st.sentence, None
            if (label == SUPPORTS and read_sentence(sentence).label == "null"
                    and read_sentence(claim.text).label not in ("null", "against")):
                # "points the same way" quoting "revealed no significant effect on ..." under a claim that does not
                # say the treatment fails: the page would contradict its own quote; the model's reading is not given
                untested.append((mt, "it found no clear difference, and the claim names no effect to set that against"))
                continue
            off = (_null_on_other_outcome(claim.text, label, appraisal.get("pico"))
                   if label == CONTRADICTS and read_sentence(sentence).label == "null" else None)
            if off and not mt.get("cited"):
                # the model's "reads against" quoting "no group differences in the gait variables" under "mild
                # exercise does not make an osteoarthritic knee worse": a null on an outcome the claim does not name
                mt["tests_claim"] = False
                untested.append((mt, f"it found no clear difference in {off}, which the claim does not speak of"))
                continue
            if (label == CONTRADICTS and read_sentence(sentence).label == "for"
                    and (read_sentence(claim.text).label == "for" or claim.direction in _FOR_DIRECTIONS)):
                # "reads against the claim" quoting "the exercise program reduced physiological fall risk" under "a way
                # to reduce falls": the page would contradict its own quote; the model's reading is not given
                untested.append((mt, f'it reports a benefit ("{_quote(sentence, 160)}") that the hub cannot match '
                                     "to the effect the claim names"))
                continue
        mt["stance"] = label if label != "mixed" else None
        mt["stance_sentence"] = sentence
        if lead is None or (mt.get("cited") and not lead[0].get("cited")):
            lead = (mt, label, sentence, verdict)
    overstated = overstatement([x for x in matches if x.get("about_claim", True)])
    if lead is None:
        if untested:
            mt, why = untested[0]
            few = ("The closest study in the hub" if len(matches) == 1 else
                   "None of the studies matched in the hub tests it; the closest")
            # (a study that shares too few of the claim's words is not called related: "is related but ... is about
            # something else" said two opposite things of a robotics survey matched to a telehealth claim)
            said = "cannot say whether the claim holds" if why == "it is about something else" else \
                "is related but cannot say whether the claim holds"
            return None, f"{few} {said}: {why}.", overstated
        if title_only:
            return None, TITLE_ONLY_REASON if len(title_only) == 1 else TITLES_ONLY_REASON, overstated
        return None, None, overstated
    stance_label, reason = _said(lead, overstated)
    return stance_label, reason, overstated


def _goes_further(reason: str) -> str:
    """An overstatement reason as its own sentence after the finding: the reasons read "direct causal wording,
    but the best matching evidence is rated Very limited", so joining them with another "but" read "...; but
    direct causal wording, but ..."."""
    return f"The claim says more than that evidence can: {reason}."


def _then(first: str, second: str) -> str:
    """Two sentences, with one full stop between them even when the first ends in a quoted sentence's own."""
    first = first.rstrip()
    return f"{first} {second}" if re.search(r"[.!?][\u201d\"]?$", first) else f"{first}. {second}"


def _said(lead: tuple[dict, str, str, str | None], overstated: list[str]) -> tuple[str, str]:
    """The claim's stance and its one-line reason, from the study it rests on."""
    mt, label, sentence, verdict = lead
    who = "The study the article cites" if mt.get("cited") else "The closest study in the hub that tests it"
    # a verdict's reasons carry their own quotation marks ('the conclusion reports a benefit: "..."')
    if verdict:
        # what the study found, in its card's words: the page's heading already says yes / no / partly
        said = f"{who} {_SAID[verdict]} (its verdict: {verdict}): {_quote(sentence, 420)}"
        if label == "mixed":
            return "weaker than the claim", said
        if label == CONTRADICTS:
            return "contradicts", said
        if overstated:
            return "weaker than the claim", _then(said, _goes_further(overstated[0]))
        return "supports", said
    quote = f'"{_quote(sentence)}"'
    if label == CONTRADICTS:
        return "contradicts", f"{who} reads against the claim: {quote}"
    if overstated:
        return "weaker than the claim", _then(f"{who} points the same way: {quote}", _goes_further(overstated[0]))
    return "supports", f"{who} points the same way: {quote}"


__all__ = ["TITLES_ONLY_REASON", "TITLE_ONLY_REASON", "stance_of", "verdict_stance"]
