"""The verdict on a study's main question, from what it found (DESIGN.md, verdict-gold's definitions).

1. Designs that test nothing are "Too early to tell": protocols, case reports, opinion, single lab or
   animal studies, narrative reviews that argue, pilot and feasibility studies.
2. The kind of question decides what a positive finding is (``study_kind``): a treatment's benefit, an
   association confirmed, a test's accuracy confirmed. Diagnostic, prognostic and association studies
   are never read as "X helps".
3. The main message is the first conclusion sentence that states a result, read clause by clause with
   its negations (reading.py): "did not result in reduced disability" is no difference, not a benefit.
   A conclusion that only calls for more research hands over to the results.
4. The statistics outrank the authors' words: a primary outcome that came out null makes the verdict
   "No clear difference" whatever the secondary outcomes did, and so do results whose every stated
   comparison was non-significant when the authors still describe "an advantage".
5. Benefit on some outcomes or time points but not others, or benefit the authors call small or not
   clinically important, is a "Mixed picture".
6. Nothing readable: "Too early to tell", marked unclear so the card says so and the editor sees it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import Sentence
from .between import claims_shared_benefit
from .reading import COMPARATOR, Reading, both_groups_improved, read_sentence, says_significant, significant_p
from .subgroup import subgroup_limit

_NO_FINDINGS = {"protocol": "a protocol reports no results yet",
                "editorial/commentary/letter": "an opinion piece reports no findings of its own",
                "case report": "a single case cannot show whether a treatment works",
                "lab/animal/experimental": "a laboratory or animal study cannot show what happens in patients",
                "narrative review": "a narrative review argues from selected studies rather than testing a question"}
_REVIEWS = {"meta-analysis", "systematic review", "scoping review"}
_OBSERVATIONAL = {"cohort", "case-control", "cross-sectional"}

_PILOT = re.compile(r"\bpilot\b|\bfeasibility (?:study|trial|randomi[sz]ed)|\bpreliminary (?:results|study|findings|report|data)\b"
                    r"|\bproof[- ]of[- ]concept\b", re.I)
_ACCURACY_Q = re.compile(r"\b(?:diagnos\w+ (?:accuracy|value|performance|tests?)|sensitivity|specificity|likelihood ratios?|"
                         r"clinical tests?|screening (?:tool|questionnaire|test|instrument)|accuracy of|accurately|"
                         r"reliability|validity|validation|psychometric|classification criteria|criteria for the classification)\b", re.I)
_ASSOCIATION_Q = re.compile(r"\b(?:associat\w+|risk factors?|predictors?|predict\w*|prognos\w+|incidence|prevalence|"
                            r"relationship|correlat\w+|determinants?|exposure|link\w*|odds)\b", re.I)
_TREATMENT_Q = re.compile(r"\b(?:versus|vs\.?|compared with|comparison of|effect(?:s|iveness)? of|efficacy|treatment|therapy|"
                          r"surgery|exercise|training|intervention|programme|program|rehabilitation|injections?|"
                          r"randomi[sz]ed|trial)\b", re.I)
# For an observational study, only a named comparison of treatments makes it a question about a treatment
# ("perceptions of treatment" in a survey's title does not).
# A study of practice measured against guidance ("Physicians' initial management of acute low back pain versus
# evidence-based guidelines", "whether physicians' decisions are consistent with the guideline", "adherence to
# guidelines"): it describes what clinicians do, it tests no treatment, whatever its "versus".
_PRACTICE_Q = re.compile(r"\b(?:versus|vs\.?|compared with|consistent with|in line with|complian\w*|adheren\w*|concordan\w*)\s+"
                         r"(?:with\s+|to\s+)?(?:the\s+|current\s+)?(?:[\w-]+\s+){0,3}?(?:guidelines?|recommendations)\b", re.I)
_TREATMENT_COMPARED = re.compile(r"\b(?:versus|vs\.?|compared with|effects? of|efficacy|effectiveness|outcomes? (?:of|after)|"
                                 r"treated with|randomi[sz]ed)\b", re.I)
_PRIMARY = re.compile(r"\bprimary (?:\w+ ){0,2}(?:outcomes?|end-?points?|analys[ie]s|comparisons?|efficacy|measures?|"
                      r"variables?)\b|\bintention[- ]to[- ]treat\b|\bmain outcomes?\b", re.I)
_SECONDARY = re.compile(r"\bsecondary (?:outcomes?|end-?points?|analys[ie]s|measures?)\b|\bper[- ]protocol\b|\bsubgroups?\b|"
                        r"\bpost[- ]hoc\b|\bcompleters?\b", re.I)


def _secondary_first(clause: str) -> bool:
    """Does the clause speak of secondary, per-protocol or subgroup results before any primary one? ("no effect on
    primary or secondary outcomes" names the primary first: it is a primary result.)"""
    sec = _SECONDARY.search(clause)
    return bool(sec) and not _PRIMARY.search(clause[:sec.start()])


_ADVANTAGE_ONLY = re.compile(r"\b(?:advantage|in favou?r of|trend|tended)\b", re.I)

# Words that name a comparison, beside reading's comparison arms ("control", "placebo", "usual care", ...).
_COMPARED = re.compile(r"\bthan\b|\bcompared (?:with|to)\b|\bversus\b|\bvs\.?|\badditional\b|\badded\b", re.I)
VERDICT_OF = {"for": "Supports", "null": "No clear difference", "against": "Does not support",
              "mixed": "Mixed picture", "early": "Too early to tell"}


@dataclass
class VerdictResult:
    verdict: str
    reasons: list[str]
    sentence_ids: list[str]
    kind: str = "intervention"
    clear: bool = True                # False: the abstract states no readable result
    primary_null: bool = False        # the primary outcome came out null
    benefit_elsewhere: bool = False   # benefit only on secondary/subgroup outcomes or some time points
    # A mixed picture whose other side is harm, not benefit: no clear difference on some outcomes and a worse
    # result on others ("severe flares not more common, mild flares more common"). The card must not say "may help".
    harm_elsewhere: bool = False
    notes: list[str] = field(default_factory=list)


# "To evaluate the gastrointestinal tolerability of NSAIDs ...": a study of harms only. Its question is the
# tested harm ("Are NSAIDs linked with side effects?", as verdict-gold phrases harm questions), so a
# confirmed harm is never worded as "NSAIDs probably help".
_HARMS_Q = re.compile(r"\b(?:tolerability|adverse (?:effects?|events?|reactions?|drug reactions?)|side[- ]effects?|toxicity|"
                      r"harms?|safety|"
                      # "Cardiovascular thrombotic events in arthritis trials of celecoxib": a harm named as events
                      r"(?:cardiovascular|thrombotic|thromboembolic|cerebrovascular|cardiac|gastrointestinal|renal|hepatic)"
                      r" (?:thrombotic )?(?:events?|complications?|bleeding|toxicity))\b", re.I)
# A harms study that only counts how often side effects happened in people taking the drug ("the
# cumulative incidence of any adverse reaction was 14%") has no comparison: it cannot show how much
# more often than without the drug, so the card must not say "a higher risk" and the ladder steps down.
_RATES = re.compile(r"\b(?:incidences?|rates?|proportions?|frequenc(?:y|ies)|prevalence)\b", re.I)
_COMPARATOR = re.compile(r"\bplacebo\b|\bnon-?(?:users?|use|exposed)\b|\bnot (?:taking|using|exposed|treated)\b|"
                         r"\bunexposed\b|\buntreated\b|\bcontrol (?:groups?|arms?|subjects|participants|patients)\b|"
                         r"\bcompared (?:with|to) (?:no\b|those not|people not|patients not|controls)|\bversus no\b", re.I)


def harm_rates_only(kind: str, title: str, abstract: str) -> bool:
    """A study of harms whose figures are rates in treated people only, with no comparison group."""
    return (kind == "association" and bool(_HARMS_Q.search(title)) and bool(_RATES.search(abstract))
            and not _COMPARATOR.search(f"{title} {abstract}"))


_BENEFIT_Q = re.compile(r"\b(?:efficacy|effectiveness|effects? of|benefits?|improv\w*|reduc\w*|relie\w*|versus|vs\.?|"
                        r"compared with|outcomes?)\b", re.I)


def study_kind(design: str, title: str, aims: list[str], conclusions: list[str]) -> str:
    """What question the study asks: intervention, association, accuracy or descriptive."""
    head = " ".join([title] + aims)
    text = " ".join([head] + conclusions)
    if design == "diagnostic accuracy":
        return "accuracy"
    if design not in _NO_FINDINGS and _HARMS_Q.search(title) and not _BENEFIT_Q.search(head):
        return "association"
    if design in _REVIEWS or design == "guideline":
        if _ACCURACY_Q.search(head) or (_ACCURACY_Q.search(text) and not _TREATMENT_Q.search(head)):
            return "accuracy"
        if _ASSOCIATION_Q.search(head) and not _TREATMENT_Q.search(head):
            return "association"
        return "intervention"
    if design in _OBSERVATIONAL:
        if _ACCURACY_Q.search(head) and not _TREATMENT_Q.search(head):
            return "accuracy"
        if _PRACTICE_Q.search(head):
            return "descriptive"   # what doctors do set against a guideline: no treatment is tested
        if _TREATMENT_COMPARED.search(head) and not _ASSOCIATION_Q.search(head):
            return "intervention"
        return "association"
    if design == "qualitative":
        return "descriptive"
    return "intervention"


_QUOTE_MAX = 300  # characters: a whole sentence up to this length is quoted as it stands


def _quote(text: str, cue: str) -> str:
    """The sentence the verdict rests on, quoted whole so the reader sees what it says ("... no effect on
    grip strength, pain, walking" cut mid-list misleads). A very long sentence is quoted from the part
    (between semicolons) that holds its cue; only when that too is too long is it cut, at a word, with an
    ellipsis."""
    whole = " ".join(text.split()).strip(" ,;:")
    if len(whole) > _QUOTE_MAX:
        parts = [p.strip(" ,;:") for p in re.split(r";\s+", whole) if p.strip(" ,;:")]
        low = cue.lower()
        whole = next((p for p in parts if low and low in p.lower()), parts[0] if parts else whole)
        if len(whole) > _QUOTE_MAX:
            whole = whole[:_QUOTE_MAX].rsplit(" ", 1)[0].rstrip(" ,;:") + " \u2026"
    return f"\u201c{whole}\u201d" if whole else ""


def _reason(where: str, label: str, kind: str, s: Sentence, r: Reading) -> str:
    what = {
        ("intervention", "for"): "a benefit", ("intervention", "null"): "no clear difference between the groups",
        ("intervention", "against"): "harm, a worse result or a conclusion against it",
        ("intervention", "mixed"): "benefit on some measures or time points but not others, or a small benefit",
        ("association", "for"): "the association it tested", ("association", "null"): "no clear association",
        ("association", "against"): "a result against the tested idea",
        ("association", "mixed"): "an association in some groups or measures but not others",
        ("accuracy", "for"): "that the test is accurate or useful", ("accuracy", "null"): "no clear difference in accuracy",
        ("accuracy", "against"): "that the test is not accurate enough", ("accuracy", "mixed"): "accuracy in some respects but not others",
        ("descriptive", "for"): "a clear finding", ("descriptive", "null"): "no clear difference",
        ("descriptive", "against"): "a finding against the tested idea", ("descriptive", "mixed"): "findings that point both ways",
    }.get((kind, label), "preliminary findings or a need for more research")
    verb = "report" if where == "results" else "reports"
    return f"the {where} {verb} {what}: {_quote(s.text, r.cue)}"


# "We present a design of sensor visualization ...", "Our initial mock-ups consisted of a bar chart": a results
# section that reports what the authors made, not what they measured.
_DESCRIBES = re.compile(r"^(?:here,? |in this (?:paper|article|study|report),? )?(?:we|this (?:paper|article|study|report)) "
                        r"(?:present|describe|report on|propose|introduce|outline|detail|developed|designed|built|created|"
                        r"implemented)\b|\b(?:consisted of|consists of|(?:was|were|has been|have been) (?:developed|designed|"
                        r"built|created|implemented))\b", re.I)
# Anything measured: a number, a statistic, a comparison.
_MEASURED = re.compile(r"\d|\bsignifican\w*|\b(?:than|compared|versus|vs\.?)\b|\b(?:most|majority|half|all|none|few|"
                       r"many|several) (?:of )?(?:the )?(?:participants|patients|people|respondents|users|subjects)\b", re.I)


def _describes_only(res: list[tuple[Sentence, Reading]]) -> bool:
    """Do the results only say what the authors designed or built, with no measured finding in any sentence?"""
    return bool(res) and any(_DESCRIBES.search(s.text) for s, _ in res) and not any(
        _MEASURED.search(s.text) or r.label in ("for", "null", "against", "mixed") for s, r in res)


_REVIEW_DESIGNS = {"meta-analysis", "systematic review"}


def decide_verdict(design: str, title: str, conclusions: list[Sentence], results: list[Sentence],
                   aims: list[Sentence] | None = None, has_abstract: bool = True,
                   methods: list[Sentence] | None = None) -> VerdictResult:
    """The verdict with its reasons and the sentence ids it rests on (see module doc)."""
    conclusions = [s for s in conclusions if not s.back_matter]
    results = [s for s in results if not s.back_matter]
    aims = aims or []
    kind = study_kind(design, title, [s.text for s in aims], [s.text for s in conclusions])
    if design in _NO_FINDINGS:
        return VerdictResult("Too early to tell", [_NO_FINDINGS[design]], [], kind)
    if not has_abstract:
        return VerdictResult("Too early to tell", ["no abstract to read the findings from"], [], kind, clear=False)
    pilot = _PILOT.search(title) or next((m for s in aims + conclusions[:1] for m in [_PILOT.search(s.text)] if m), None)
    if pilot:
        return VerdictResult("Too early to tell", [f"a pilot or preliminary study (the text says \u2018{pilot.group(0)}\u2019) "
                                                   "is not built to show whether a treatment works"], [], kind)
    concl = [(s, read_sentence(s.text, kind)) for s in conclusions]
    res = [(s, read_sentence(s.text, kind)) for s in results]
    if _describes_only(res):
        # The conclusion's praise ("a valuable resource") rests on nothing the study measured.
        return VerdictResult("Too early to tell", ["the results describe what was designed or built and report no measured "
                                                   "finding, so the abstract does not state a clear result"],
                             [], kind, clear=False)
    stated = [(s, r) for s, r in concl if r.label in ("for", "null", "against", "mixed")]
    # "Both X and Y improved quality of life. X led to a greater improvement than Y.": the comparison
    # between the groups is the finding; improvement within every group is not.
    stated.sort(key=lambda sr: both_groups_improved(sr[0].text))
    where = "conclusion"
    first_early = next(((s, r) for s, r in concl[:1] if r.label == "early"), None)
    if not stated and first_early and design in _REVIEW_DESIGNS and \
            {r.label for _, r in res} & {"for", "null", "against", "mixed"} <= {"null"}:
        # A review whose results found no clear difference and whose authors conclude that there is not enough
        # evidence to judge ("There is not enough evidence to evaluate the use of a policy for elective caesarean
        # delivery"): the null is the studies' silence, not a finding that the two give similar results.
        s, r = first_early
        return VerdictResult("Too early to tell", [f"the authors say the evidence is not enough to conclude: "
                                                   f"{_quote(s.text, r.cue)}"], [s.id], kind)
    if not stated:
        stated = [(s, r) for s, r in res if r.label in ("for", "null", "against", "mixed")]
        where = "results"
        labels = {r.label for _, r in stated}
        if "for" in labels and labels & {"null", "against"}:
            named = _named_primary_null(methods or [], res) if kind == "intervention" else None
            if named and _benefit_only_in_subsets(named[2], [s for s, r in stated if r.label == "for"]):
                # "The primary endpoint was incidence of TKR" ... "Overall, no differences in TKR rates by treatment
                # arm" ... "significantly lower in patients who responded to treatment": the trial found no difference
                # on what it set out to test; a subset's benefit does not make it a mixed picture.
                s0, r0, name = named
                return VerdictResult("No clear difference", [
                    f"the primary outcome ({name}) showed no clear difference: {_quote(s0.text, r0.cue)}",
                    "the benefit the results report is on other outcomes or in subgroups"], [s0.id], kind,
                    primary_null=True, benefit_elsewhere=True)
            # No conclusion to lean on and results that point both ways (some trials or measures showed
            # a benefit, others none): that is what a mixed picture is.
            s1 = next(s for s, r in stated if r.label == "for")
            s2, r2 = next((s, r) for s, r in stated if r.label in ("null", "against"))
            return VerdictResult("Mixed picture", [
                f"the results report a benefit in some respects: {_quote(s1.text, next(r.cue for s, r in stated if s is s1))}",
                f"and no clear difference in others: {_quote(s2.text, r2.cue)}"], [s1.id, s2.id], kind)
    if not stated:
        early = next(((s, r) for s, r in concl + res if r.label == "early"), None)
        if early:
            s, r = early
            return VerdictResult("Too early to tell", [f"the authors say the evidence is not enough to conclude: "
                                                       f"{_quote(s.text, r.cue)}"], [s.id], kind)
        return VerdictResult("Too early to tell", ["the abstract does not state a clear result"], [], kind, clear=False)

    main_s, main_r = stated[0]
    label = main_r.label or "early"
    reasons = [_reason(where, label, kind, main_s, main_r)]
    ids = [main_s.id]
    out = VerdictResult(VERDICT_OF[label], reasons, ids, kind)

    primary: list[tuple[Sentence, Reading]] = []
    if kind == "intervention":
        primary = [(s, r) for s, r in res + concl if _PRIMARY.search(s.text) and not _secondary_first(s.text.split(",")[0])]
        # "The primary endpoint was the time to stopping. This time tended to be longer (p = 0.066).": a
        # sentence that only names the primary outcome hands its result to the next sentence.
        for (s0, r0), nxt in zip(res, res[1:]):
            if _PRIMARY.search(s0.text) and not _PRIMARY.search(nxt[0].text) and r0.label != "null" \
                    and not any(significant_p(s0.text)) and not says_significant(s0.text):
                primary = [(s, r) for s, r in primary if s is not s0] + [nxt]
        p_null = [(s, r) for s, r in primary if r.label == "null"]
        p_for = [(s, r) for s, r in primary if r.label in ("for", "mixed")]
        if not primary:
            within = _primary_within_only(methods or [], [s for s, _ in res])
            if within:
                s, name = within
                if label in ("for", "mixed"):
                    out.verdict, out.primary_null, out.benefit_elsewhere = "No clear difference", True, True
                    out.reasons = [f"the primary outcome ({name}) improved in every group alike, with no difference "
                                   f"between the groups: {_quote(s.text, '')}",
                                   "the differences the authors report are on other outcomes"]
                    out.sentence_ids = [s.id] + ids
                    return out
                out.primary_null = label == "null"
        if not primary and label in ("for", "mixed"):
            named = _named_primary_null(methods or [], res)
            if named:
                s, r, name = named
                out.verdict, out.primary_null, out.benefit_elsewhere = "No clear difference", True, True
                out.reasons = [f"the primary outcome ({name}) showed no clear difference: {_quote(s.text, r.cue)}",
                               "the benefit the authors report rests on other outcomes"]
                out.sentence_ids = [s.id] + ids
                return out
        if p_null and not p_for and label in ("for", "mixed"):
            s, r = p_null[0]
            out.verdict, out.primary_null, out.benefit_elsewhere = "No clear difference", True, True
            out.reasons = [f"the primary outcome showed no clear difference: {_quote(s.text, r.cue)}",
                           "the benefit the authors report rests on secondary, subgroup or per-protocol results"]
            out.sentence_ids = [s.id] + ids
            return out
        if p_null and label == "null":
            out.primary_null = True
        sig = nonsig = 0
        for s, _ in res:
            a, b = significant_p(s.text)
            sig, nonsig = sig + a, nonsig + b
        any_sig = any(says_significant(s.text) for s, _ in res)
        if label == "for" and res and nonsig >= 2 and sig == 0 and not any_sig and _ADVANTAGE_ONLY.search(main_s.text):
            out.verdict, out.primary_null = "No clear difference", True
            out.reasons = [f"every comparison the results state was non-significant ({nonsig} p-values of 0.05 or more), "
                           f"though the authors describe {_quote(main_s.text, main_r.cue)}"]
            return out
    if label == "for":
        later = [(s, r) for s, r in stated[1:] if where == "conclusion" and r.label in ("null", "against")]
        if main_r.label == "for" and later:
            s, r = later[0]
            out.verdict, out.benefit_elsewhere = "Mixed picture", True
            # A benefit and a harm: "some results were worse with it". Only when the harm sentence names no other arm:
            # "antibiotics added ... presented more adverse events than the syrup alone" is the comparison's harm.
            out.harm_elsewhere = r.label == "against" and not (_COMPARED.search(s.text) or COMPARATOR.search(s.text.lower()))
            out.reasons = reasons + [f"but it also reports {VERDICT_OF[r.label].lower()}: {_quote(s.text, r.cue)}"]
            out.sentence_ids = ids + [s.id]
    if label == "against" and any(c.small for c in main_r.clauses if c.label == "against") and \
            any(r.label == "null" for _, r in stated[1:]):
        out.verdict, out.harm_elsewhere = "Mixed picture", True
        s, r = next((s, r) for s, r in stated[1:] if r.label == "null")
        out.reasons = reasons + [f"and no clear difference on another outcome: {_quote(s.text, r.cue)}"]
        out.sentence_ids = ids + [s.id]
    if kind == "intervention" and out.verdict == "Supports":
        flip = _advantage_changes_sides([s for s, _ in res])
        if flip:
            s1, s2 = flip
            out.verdict, out.benefit_elsewhere = "Mixed picture", True
            out.reasons = reasons + [f"but the other group did better at another time or on another measure: "
                                     f"{_quote(s1.text, '')}"]
            out.sentence_ids = ids + [s1.id, s2.id]
            return out
        spin = _claimed_beyond_between(" ".join(s.text for s in conclusions) or main_s.text, [s for s, _ in res])
        if spin:
            between_s, got, missing = spin
            out.verdict, out.benefit_elsewhere = "Mixed picture", True
            out.reasons = reasons + [f"but the groups differed only in {got}, not in {missing}: "
                                     f"{_quote(between_s.text, got.split(',')[0])}"]
            out.sentence_ids = ids + [between_s.id]
            return out
        shared = None if primary or where != "conclusion" else claims_shared_benefit(main_s.text, [s for s, _ in res])
        if shared:
            differs, same = shared
            out.verdict, out.benefit_elsewhere = "Mixed picture", True
            out.reasons = [f"the conclusion credits what every group received: {_quote(main_s.text, main_r.cue)}",
                           f"the groups differed on one measure: {_quote(differs.text, '')}",
                           f"but not on others: {_quote(same.text, '')}"]
            out.sentence_ids = [main_s.id, differs.id, same.id]
    if out.verdict == "Mixed picture" and label == "mixed":
        if "against" in main_r.labels and not main_r.labels & {"for", "mixed"}:
            out.harm_elsewhere = True  # "a small increase in flares, but no more severe flares": no benefit anywhere
        else:
            out.benefit_elsewhere = True
    if kind != "intervention" and out.verdict == "No clear difference":
        # "In women, TBS was significantly lower (p = 0.01). In men, there was no significant difference.": a link clear
        # in one group of people and not in another is no null for everyone (the card says in which group it held)
        limit = subgroup_limit([(s.id, s.text) for s, _ in res])
        if limit and limit.clear and limit.unclear:
            out.verdict = "Mixed picture"   # (a link, not a benefit: benefit_elsewhere stays False)
            out.reasons = reasons + [f"but by group the result was statistically clear {' and '.join(limit.clear)} "
                                     f"and not {' and '.join(limit.unclear)}"]
            out.sentence_ids = ids + [i for i in limit.sentence_ids if i not in ids]
    return out


# Spin in a two-arm trial: both groups improved, the groups differed on some outcomes only, and the
# conclusion claims the first-named outcome too ("MMT has significant effects on pain, ROM, ..." when the
# between-group difference was "in terms of ROM, kinesiophobia, ..."): a mixed picture, not support.
_BETWEEN_IN = re.compile(r"\b(?:better|greater|superior|significant(?:ly)? (?:better|greater|more|differen\w+))\b(?:[^.;]|\.(?=\d)){0,80}?"
                         r"\b(?:in terms of|with regard to|regarding|for|in)\s+(?P<list>[^.;]+)", re.I)
_CLAIM_ON = re.compile(r"\b(?:effects?|improvements?|benefits?|improv\w+|reduc\w+)\s+(?:on|in|of)\s+(?P<list>[^.;]+)", re.I)


def _items(listed: str) -> list[str]:
    listed = re.split(r"\s+(?:as long as|when|if|compared|than|after|following|at|in (?:older|patients|people|adults))\b|\s*\(", listed)[0]
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", listed)
    return [p.strip() for p in parts if p.strip() and len(p.split()) <= 4]


def _claimed_beyond_between(conclusion: str, results: list[Sentence]) -> tuple[Sentence, str, str] | None:
    if not any(both_groups_improved(s.text) for s in results):
        return None
    claim = _CLAIM_ON.search(conclusion)
    claimed = _items(claim.group("list")) if claim else []
    for s in results:
        m = _BETWEEN_IN.search(s.text)
        if not m or both_groups_improved(s.text):
            continue
        got = _items(m.group("list"))
        low = {g.lower() for g in got}
        missing = [c for c in claimed if c.lower() not in low]
        if len(claimed) >= 2 and len(got) >= 1 and claimed[0] in missing:
            return s, ", ".join(got), ", ".join(missing)
    return None


# "Knee pain was the primary outcome." / "The primary outcome was pain intensity (VAS)." The name of the
# primary outcome lets a results sentence that never says "primary" be read as its result.
_PRIMARY_NAMED = re.compile(
    r"^(?:the )?(?P<a>[a-z][\w -]{2,40}?) (?:was|were) (?:the|our) (?:main |principal )?primary (?:outcome|end-?point)s?(?: measures?)?\b|"
    r"\bprimary (?:outcome|end-?point)s?(?: measures?)? (?:was|were) (?:the )?(?:change in )?(?P<b>[a-z][\w -]{2,40}?)(?:[,;.(]| at | on | as | measured|$)",
    re.I)
_BETWEEN_GROUPS = re.compile(r"\bbetween(?:[- ]| the )?(?:groups?|arms)\b|\bcompared (?:with|to)\b|\bthan\b|\bversus\b|\bvs\.?|"
                             r"\bin favou?r of\b|\bgroup differences?\b", re.I)


def _primary_name(methods: list[Sentence], rx: re.Pattern[str]) -> str:
    """The primary outcome as the first methods sentence that ``rx`` matches names it (its group "a" or "b"), or ""."""
    for s in methods:
        m = rx.search(s.text)
        if m:
            return (m.group("a") or m.group("b") or "").strip()
    return ""


def _primary_within_only(methods: list[Sentence], results: list[Sentence]) -> tuple[Sentence, str] | None:
    """A results sentence about the named primary outcome that reports only improvement in every group
    ("... regardless of group allocation", "in both groups"), when no results sentence compares the
    groups on that outcome: the trial found no difference between its arms on what it set out to test."""
    name = _primary_name(methods, _PRIMARY_NAMED).lower()
    words = [w for w in re.findall(r"[a-z]{3,}", name) if w not in {"the", "and", "change", "score", "scores"}]
    if not words:
        return None
    about = [s for s in results if all(re.search(rf"\b{w}", s.text.lower()) for w in words)]
    within = [s for s in about if both_groups_improved(s.text)]
    between = [s for s in about if s not in within and _BETWEEN_GROUPS.search(s.text)]
    if within and not between:
        return within[0], name
    return None


# The primary outcome as the methods name it, in the two commonest shapes: "The primary endpoint was the occurrence of
# stroke and transient ischemic attack (TIA)", "... birth weight (primary outcome), ...".
_PRIMARY_IS = re.compile(r"\bprimary (?:efficacy )?(?:outcome|end-?point)s?(?: measures?)? (?:was|were) (?:the )?(?P<a>[^.;]{3,90}?)"
                         r"(?:[.;]|,(?! and)| with | at | on | as | measured|$)|"
                         r"(?P<b>[a-z][\w -]{2,40}?) \((?:the )?primary (?:outcome|end-?point)\)", re.I)
_NAME_STOP = frozenset("the and with change changes score scores occurrence incidence rate rates risk time onset number total "
                       "mean level levels of in on at for from to by".split())


# A result restricted to part of the people ("in the severe osteoarthritis subset", "in patients who responded").
_SUBSET = re.compile(r"\bsub-?groups?\b|\bsubsets?\b|\bsub-?populations?\b|\b(?:in|among) (?:the )?(?:\w+ ){0,3}?(?:patients|"
                     r"participants|people|subjects|those|women|men|children) (?:who|with|whose|that)\b|\bper[- ]protocol\b|"
                     r"\bpost[- ]hoc\b|\bcompleters?\b|\bresponders?\b", re.I)


def _outcome_words(name: str) -> set[str]:
    """The words that name an outcome ("incidence of TKR (%)" -> {"tkr"}), less the generic ones."""
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", name)} - _NAME_STOP


def _names_outcome(text: str, words: set[str]) -> bool:
    """Does the text hold at least two of the outcome's words (all of them when it has fewer)?"""
    return sum(bool(re.search(rf"\b{re.escape(w)}\b", text.lower())) for w in words) >= min(2, len(words))


def _benefit_only_in_subsets(name: str, benefits: list[Sentence]) -> bool:
    """Is every benefit sentence either about another outcome than the named primary one, or about a subset?"""
    words = _outcome_words(name)
    return all(_SUBSET.search(s.text) or not _names_outcome(s.text, words) for s in benefits)


def _named_primary_null(methods: list[Sentence], results: list[tuple[Sentence, Reading]]) -> tuple[Sentence, Reading, str] | None:
    """A results clause that reads as no difference on the primary outcome the methods name, when no results sentence
    names the primary outcome itself: "The primary endpoint was the occurrence of stroke and TIA" ... "although total
    stroke and TIA similarly occurred in both groups, ... was less frequent": the trial found no difference on what
    it set out to test, whatever else improved. The clause must hold at least two of the name's words (all of them
    when it has fewer)."""
    name = _primary_name(methods, _PRIMARY_IS)
    if not name:
        return None
    words = _outcome_words(name)
    if not words:
        return None
    found = [(s, r) for s, r in results for c in r.clauses if c.label == "null" and _names_outcome(c.text, words)]
    # The clause that compares the arms ("Overall, no differences in TKR rates by treatment arm") before one that
    # compares other groups on the same outcome ("TKR rates were higher in patients with grade 4 than grade 3").
    found.sort(key=lambda sr: not _ARMS_COMPARED.search(sr[0].text))
    if found:
        s, r = found[0]
        return s, r, _outcome_name(name)
    return None


_ARMS_COMPARED = re.compile(r"\b(?:by|between|across) (?:the )?(?:treatment )?(?:arms?|groups?|allocation)\b|\btreatment arms?\b|"
                            r"^overall\b|\b(?:placebo|sham|saline|control group|usual care)\b", re.I)


def _outcome_name(name: str) -> str:
    """'Incidence of TKR (%)' -> 'incidence of TKR': lower case except abbreviations, no unit in brackets."""
    name = re.sub(r"\s*\((?:%|n|n/N|mm|cm|kg)\)", "", name.rstrip(" ,"))
    return " ".join(w if sum(ch.isupper() for ch in w) >= 2 else w.lower() for w in name.split())


# "The steroid group showed a significant decrease in pain compared with the blood group at one week ... At
# six months, the blood group showed a significant decrease compared with the steroid group": each group did
# better at some point, which is a mixed picture however the authors conclude.
_BETTER_THAN = re.compile(r"(?:^|, )(?:the )?(?P<a>[a-z][\w -]{2,50}?) groups? (?:showed|had|reported|achieved|was|were|experienced)\b"
                          r"[^.;]{0,120}?\b(?:compared (?:with|to)|than(?: did)?|versus) (?:the |that of the |those in the )?"
                          r"(?P<b>[a-z][\w -]{2,50}?) groups?\b", re.I)


def _advantage_changes_sides(results: list[Sentence]) -> tuple[Sentence, Sentence] | None:
    seen: dict[tuple[str, str], Sentence] = {}
    for s in results:
        if not (says_significant(s.text) or any(significant_p(s.text)[:1])):
            continue
        for m in _BETTER_THAN.finditer(s.text):
            a, b = m.group("a").strip().lower(), m.group("b").strip().lower()
            if a == b:
                continue
            if (b, a) in seen and seen[(b, a)] is not s:
                return seen[(b, a)], s
            seen[(a, b)] = s
    return None
