"""The card's own sentences built from this study's facts: the upshot answer, why it matters, and the
limitations that follow from the study's facts.

Every sentence is worded from the verdict (what the study found), the kind of question (treatment,
association, test accuracy), the evidence badge (the certainty word) and the study's own population,
intervention, comparison and outcome; none carries a number the source does not state (the counts come
from the appraisal, and the grounding gate checks them again).
"""
from __future__ import annotations

import re

from ..appraise.evidence import heterogeneity_stated
from ..appraise.numwords import WORD_NUMBER, parse_number
from ..appraise.reading import read_sentence
from typing import Any

from . import phrases
from .plain import cap, lay, sentence
from .question import Pico, outcome_verb, plural
from .spans import _lower_first
from .casing import upper_first

Item = tuple[str, str, list[str]]
_CERTAIN = {"Strong": "", "Moderate": "probably", "Limited": "may", "Very limited": ""}


def _be(subject: str) -> str:
    return "are" if plural(subject) else "is"


def _agree(verb3: str, subject: str) -> str:
    """'reduces' -> 'reduce' after a plural subject ("bisphosphonates reduce")."""
    if not plural(subject):
        return verb3
    first, _, rest = verb3.partition(" ")
    base = {"does": "do", "has": "have", "is": "are"}.get(first) or (first[:-2] if first.endswith("ies") is False and
                                                                      first.endswith(("shes", "ches", "sses")) else
                                                                      first[:-1] if first.endswith("s") else first)
    return f"{base} {rest}".strip()


def _modal(evidence: str, verb3: str, verb: str, subject: str = "") -> str:
    """'probably reduces' / 'may reduce' / 'reduces' for a positive claim."""
    verb3 = _agree(verb3, subject) if subject else verb3
    word = _CERTAIN.get(evidence, "may")
    if word == "may":
        return f"may {verb}"
    return f"{word} {verb3}".strip()


def size_lead(a: dict[str, Any]) -> str:
    """'In this trial of 250 people, ' / 'Across 30 studies, ' — the key number, when the source states it."""
    short, _ = phrases.DESIGN_PLAIN.get(a.get("design", "other"), ("study", ""))
    n, k = a.get("n_participants"), a.get("n_studies")
    if k:
        return f"Across {k} studies{f' with {n} people' if n else ''}, "
    if n and a.get("design") not in ("case report",):
        return f"In this {short} of {n} people, "
    return ""


# Comparators that are no active treatment: against these "no difference" means the treatment did not
# beat nothing; against an active one it means the two did about as well as each other.
_INACTIVE = re.compile(r"\b(?:placebo|sham|no (?:treatment|intervention|exercise|therapy|injection)|usual care|standard care|"
                       r"routine care|wait(?:ing)?[- ]?list|control|nothing|attention|minimal)\b", re.I)
_SIMILAR = {"Strong": "give similar results", "Moderate": "probably give similar results",
            "Limited": "may give similar results", "Very limited": "gave similar results, but the evidence is very limited"}


def active_comparison(a: dict[str, Any], q: Pico) -> bool:
    """Two active treatments compared ("transforaminal vs parasagittal injections"), not one against nothing."""
    return bool(q.intervention and q.comparison and not _INACTIVE.search(q.comparison)
                and (a.get("question_kind") or "intervention") == "intervention")


def answer_claim(a: dict[str, Any], q: Pico) -> str | None:
    """The hedged main result in one sentence, or None when the pieces to say it are missing."""
    verdict, evidence = a.get("verdict") or "Too early to tell", a.get("evidence") or "Very limited"
    if a.get("_authors_may") and evidence in ("Strong", "Moderate"):
        evidence = "Limited"  # the authors say "may": the card's certainty word is no surer than theirs
    kind = a.get("question_kind") or "intervention"
    x, y, c = q.intervention, q.outcome, q.comparison
    if not x:
        return None
    vs = f" compared with {c}" if c else ""
    lead = size_lead(a)
    very = evidence == "Very limited"
    body: str | None = None
    if kind == "intervention":
        v3, v = outcome_verb(y) if y else ("helps", "help")
        what = f" {y}" if y else ""
        if verdict == "Supports":
            body = (f"we don't know yet whether {x} {_agree(v3, x)}{what}{vs}" if very else
                    f"{x} {_modal(evidence, v3, v, x)}{what}{vs}")
        elif verdict == "No clear difference" and active_comparison(a, q):
            body = f"{x} and {c} {_SIMILAR.get(evidence, _SIMILAR['Very limited'])}" + (f" for {y}" if y else "")
            if a.get("_both_improved"):
                body += "; people improved in both groups"
        elif verdict == "No clear difference":
            to = f" to {y}" if y else ""
            body = (f"{x} made little or no clear difference{to}{vs}, but the evidence is very limited" if very else
                    f"{x} {_modal(evidence, 'makes', 'make', x)} little or no difference{to}{vs}")
        elif verdict == "Does not support":
            body = (f"{x} did not help{vs}, but the evidence is very limited" if very else
                    f"{x} {_modal(evidence, 'does not help', 'not help', x)}{vs}")
        elif verdict == "Mixed picture" and a.get("harm_elsewhere"):
            # The other side of this mixed picture is harm: "may help in some ways but not in others" would hide it,
            # and without a benefit anywhere ("no more severe flares, more mild ones") it would invent one.
            it = "them" if plural(x) else "it"
            first = (f"{x} {'may help' if very or evidence != 'Strong' else _agree('helps', x)} in some ways{vs}"
                     if a.get("benefit_elsewhere") else f"{x} made little or no clear difference on some measures{vs}")
            body = f"{first}, but some results were worse with {it}"
        elif verdict == "Mixed picture":
            body = f"{x} {'may help' if very or evidence != 'Strong' else _agree('helps', x)} in some ways but not in others"
        else:
            return None
    elif kind == "association" and a.get("harm_rates_only"):
        short = phrases.DESIGN_PLAIN.get(a.get("design", "other"), ("study", ""))[0]
        it = "them" if plural(x) else "it"
        body = (f"the {short} reports how often people taking {x} had side effects, but it does not compare them "
                f"with people not taking {it}, so it cannot say how much {x} {'add' if plural(x) else 'adds'} to the risk")
    elif kind == "association" and y:
        y = q.answered or y  # the member of a broad class the conclusion names (generate.narrower_outcome)
        if verdict == "Supports":
            y = _direction(a, y)
            link = {"Strong": f"{_be(x)} linked", "Moderate": f"{_be(x)} probably linked"}.get(evidence, "may be linked")
            body = f"{x} {link} with {y}" if not very else f"{x} seemed linked with {y}, but the evidence is very limited"
        elif verdict in ("No clear difference", "Does not support"):
            body = f"no clear link was found between {x} and {y}"
        elif verdict == "Mixed picture":
            limit = a.get("_subgroup")
            if limit is not None and limit.clear and limit.unclear:
                # the groups the link held in and did not (the abstract's own words for them: subgroup.py)
                body = (f"{x} seemed linked with {y} only {' and '.join(limit.clear)}, "
                        f"not {' and '.join(limit.unclear)}")
            else:
                body = f"{x} seemed linked with {y} in some groups or measures but not in others"
    elif kind == "accuracy":
        target = f" for finding {y}" if y else ""
        if verdict == "Supports":
            word = {"Strong": f"{_be(x)}", "Moderate": f"{_be(x)} probably"}.get(evidence, "may be")
            body = f"{x} {word} useful{target}" if not very else f"{x} seemed useful{target}, but the evidence is very limited"
        elif verdict == "Does not support":
            body = f"{x} {'were' if plural(x) else 'was'} not accurate enough{target} to rely on"
        elif verdict == "Mixed picture":
            body = f"{x} worked well in some respects but not in others{target}"
    if not body:
        return None
    if not lead and q.population and len(body.split()) < 7:
        lead = f"For {q.population}, "  # "Tramadol probably helps." alone says too little
    text = lead + body if lead else body
    return sentence(upper_first(text) if not lead else text)


_LOWER_WORDS = re.compile(r"\b(?:reduc\w+|lower\w*|decreas\w+|fewer|protect\w*|less)\b")
_HIGHER_WORDS = re.compile(r"\b(?:increas\w+|higher|more|greater|elevated)\b")
# A ratio and its value: "OR 2.2", "adjusted odds ratio [aOR] = 0.29", "hazard ratio, 1.37", "(RR=1.66 (1.21, 2.28))".
_RATIO_VALUE = re.compile(r"(?<![\w-])(?:a?ORs?|a?HRs?|a?RRs?|IRR|(?:adjusted )?(?:odds|hazard|risk|rate) ratios?|relative risks?)"
                          r"(?![\w-])(?:[^0-9;.]{0,25}?|[^0-9;.]{0,120}?\b(?:was|were|of|is)\s+)(\d+(?:\.\d+)?)", re.I)
# The people without the exposure ("non-users", "never users", "women not taking statins", "those without the
# exposure"): the group a ratio or a "higher risk" is usually measured against.
_UNEXPOSED = re.compile(r"\b(?:non-?(?:users?|use|exposed|exposure|smokers?|drinkers?|takers?|consumers?|runners?|participants?)|"
                        r"never[- ]?(?:users?|use|smokers?)|unexposed|(?:people|patients|participants|women|men|subjects|"
                        r"individuals|those|persons|children|adults)\s+(?:who (?:did|do) not|not)\s+(?:take|taking|use|using|"
                        r"receive|receiving|exposed|on)\b|without (?:the |any )?(?:exposure|use)|no (?:use|exposure)\b)", re.I)
_AS_REFERENCE = re.compile(r"\W*(?:\(|as|were|was|being|served as|formed)?\s*(?:the |a )?(?:reference|referent|comparison)\b", re.I)
# the words just before a group that make it the reference ("compared with non-users", "than among never users"); a
# fronted "Compared with current users, non-users had ..." ends at its comma, and the group after it is the subject
_AGAINST = re.compile(r"\b(?:compared (?:with|to)|relative to|versus|vs\.?|than|reference|referent|against)\s+(?:\(?[\w-]+\s+){0,3}"
                      r"(?:(?:among|in|with|for)\s+)?$", re.I)


def _sentence_direction(text: str) -> str | None:
    """'lower' / 'higher' for the exposed people of one sentence, or None when it does not say or says both. The
    words ("a reduced risk") and the ratios ("OR 0.29") must agree, each read against the sentence's own reference:
    when the unexposed are its subject ("Non-users had a higher risk than users", "the odds ratio for non-use versus
    use was 2.1"), what it says of them is the other way round for the exposed."""
    low = text.lower()
    if not re.search(r"\b(?:risks?|odds|hazards?|ratios?|likel\w*|chances?|incidence|rates?|occurrence|protect\w*)\b|"
                     r"(?<![\w-])(?:a?OR|a?HR|a?RR|IRR)(?![\w-])", text):
        return None  # "higher scores", "more pain": no risk is spoken of, so "a higher risk of" would say what it does not
    words = "lower" if _LOWER_WORDS.search(low) else "higher" if _HIGHER_WORDS.search(low) else None
    values = [float(m.group(1)) for m in _RATIO_VALUE.finditer(text)]
    ratio = ("lower" if values and all(v < 1 for v in values) else "higher" if values and all(v > 1 for v in values)
             else "mixed" if values else None)
    if ratio == "mixed" or (words and ratio and words != ratio):
        return None  # the words and the figures disagree, or the figures point both ways: say no direction
    found = words or ratio
    if not found:
        return None
    # the unexposed named other than as the reference ("compared with non-users" is the usual frame)
    reversed_ = any(not _AGAINST.search(text[:m.start()]) and not _AS_REFERENCE.match(text[m.end():])
                    for m in _UNEXPOSED.finditer(text))
    if reversed_:
        return {"lower": "higher", "higher": "lower"}[found]
    return found


def _direction(a: dict[str, Any], y: str) -> str:
    """'hip fractures' -> 'a lower risk of hip fractures' when the deciding sentences say which way the link goes: a
    bare "linked with hip fractures" would let a reader take a protective link for harm. Read sentence by sentence,
    against each sentence's reference group (_sentence_direction); sentences that disagree give no direction."""
    if re.match(r"(?:a |the )?(?:lower|higher|risk)", y):
        return y
    ways = {d for d in (_sentence_direction(t) for t in a.get("_verdict_texts") or []) if d}
    if len(ways) != 1:
        return y
    return f"a {ways.pop()} risk of {y}"


def spin_note(a: dict[str, Any], authors_say_benefit: bool) -> str | None:
    """When the statistics and the authors' words part ways, say which the badge follows."""
    if a.get("verdict") != "No clear difference" or not authors_say_benefit:
        return None
    if a.get("benefit_elsewhere"):
        return ("The authors describe a benefit, but it rests on secondary outcomes or smaller groups; "
                "the main outcome showed no clear difference.")
    return "The authors describe an advantage, but the differences they measured were not statistically clear."


def unclear_answer(q: Pico) -> str:
    return (f"The abstract does not say clearly whether {q.intervention} helps." if q.intervention
            else "The abstract does not say clearly what the study found.")


_ARGUING_DESIGNS = {"narrative review", "editorial/commentary/letter", "protocol", "lab/animal/experimental", "case report"}


def why(a: dict[str, Any], q: Pico, claim: str | None) -> dict[str, Item]:
    """Why it matters for patients, clinicians and readers, from this study's facts."""
    verdict, evidence = a.get("verdict") or "Too early to tell", a.get("evidence") or "Very limited"
    design = a.get("design", "other")
    kind = a.get("question_kind") or "intervention"
    short, long = phrases.DESIGN_PLAIN.get(design, ("study", "a study"))
    who = q.population if q.population not in ("people", "patients") else ""
    x = q.intervention
    ys = f" {q.outcome}" if q.outcome else ""
    alike = kind == "intervention" and verdict == "No clear difference" and active_comparison(a, q)
    # Too early to tell because the authors found the tested evidence too thin (a review of trials that
    # concludes "convincing evidence is lacking"), not because the design tests nothing: say that.
    insufficient = verdict == "Too early to tell" and kind == "intervention" and design not in _ARGUING_DESIGNS and \
        str((a.get("verdict_reasons") or [""])[0]).startswith("the authors say the evidence is not enough")
    split = _split_outcomes(a)
    rates_only = bool(a.get("harm_rates_only")) and bool(x)
    # Only people who had already done well on the treatment in an open run-in were randomised: every
    # line says so, or a reader takes the result for everyone who might start it.
    enriched = bool(a.get("_enriched")) and bool(x) and kind == "intervention" and verdict == "Supports"
    # A result about how the body moves (gait biomechanics, muscle activity, heart-rate variability) says
    # nothing about pain or function: a null result there must not read as "the treatment does not work".
    surrogate = bool(q.outcome and SURROGATE.search(q.outcome)) and bool(x) and kind == "intervention"
    v3 = outcome_verb(q.outcome)[0] if q.outcome else "works"
    it = "them" if x and plural(x) else "it"
    patients_src: list[str] = []
    patients_kind = ""
    if rates_only:
        patients = (f"This {short} counts how often people taking {x} had side effects. If you take {it} or are thinking "
                    f"of it, ask your physio or doctor about the side effects and how to spot them.")
    elif design == "lab/animal/experimental":
        patients = "This is lab research. It does not yet tell you what works for people, so it should not change your care."
    elif design == "protocol":
        patients = "This study has not reported results yet, so it should not change your care."
    elif insufficient and x:
        patients = (f"The studies so far do not show clearly whether {x} {'help' if plural(x) else 'helps'}"
                    + (f" {who}" if who.startswith(("people", "children", "adults", "women", "men", "older")) else "")
                    + ". Ask your physio or doctor about options with clearer evidence.")
    elif verdict == "Too early to tell" and a.get("_counted_only") and a.get("_headline"):
        # a survey that counted how common something was: what it found, and that it tested no treatment
        patients_src = list(a["_headline"][-1])
        patients = (sentence(f"In this {short}{(' of ' + who) if who else ''}, {_lower_first(a['_headline'][0]).rstrip('.')}")
                    + " It counted how common this was; it did not test a treatment, so on its own it should not change "
                    "your care.")
    elif verdict == "Too early to tell":
        patients = ("This is an early piece of the picture" + (f" for {who}" if who else "")
                    + ". On its own it should not change your care.")
    elif not claim and a.get("_subgroup_line") and verdict in ("Supports", "Mixed picture"):
        # Where the result held and where it did not, rather than "found mixed results".
        line, _, patients_src = a["_subgroup_line"]
        patients = (sentence(f"In this {short}{(' of ' + who) if who else ''}, {_lower_first(line).rstrip('.')}") + " "
                    + phrases.CERTAINTY_NOTE.get(evidence, phrases.CERTAINTY_NOTE["Very limited"])
                    + " Ask your physio or doctor what it means for you.")
        patients_src, patients_kind = list(patients_src), "templated"  # our sentence about the groups, not a rewrite
    elif not claim and verdict == "Supports" and (a.get("_headline") or _said_conclusion(a)
                                                  or (a.get("_main_plain") and _said_line(a["_main_plain"][0]))):
        # What the study found, not "it found what it set out to show": a survey's headline figure, else the
        # authors' conclusion, said as theirs, else the main result the answer gives.
        if a.get("_headline"):
            patients_src = list(a["_headline"][-1])
            said = f"In this {short}{(' of ' + who) if who else ''}, {_lower_first(a['_headline'][0])}"
        elif _said_conclusion(a):
            patients_src = list(a["_conclusion_plain"][-1])
            said = f"The authors of this {short} conclude that {_lower_first(_said_conclusion(a))}"
        else:
            line, is_result, patients_src = a["_main_plain"]
            line = _said_line(line)
            said = (f"In this {short}{(' of ' + who) if who else ''}, {_lower_first(line)}" if is_result else
                    f"The authors of this {short} write that {_lower_first(line)}")
        patients = (sentence(said.rstrip(".")) + " "
                    + phrases.CERTAINTY_NOTE.get(evidence, phrases.CERTAINTY_NOTE["Very limited"])
                    + " Ask your physio or doctor what it means for you.")
    elif not claim:
        found = {"Supports": "found what it set out to show", "No clear difference": "found no clear difference",
                 "Does not support": "did not back the idea it tested", "Mixed picture": "found mixed results"}[verdict]
        if verdict == "Does not support" and a.get("_better"):
            found += f"; on its main measure the results were worse with the treatment than in {a['_better']}"
        patients = (f"This {short}{(' of ' + who) if who else ''} {found}. "
                    + phrases.CERTAINTY_NOTE.get(evidence, phrases.CERTAINTY_NOTE["Very limited"])
                    + " Ask your physio or doctor what it means for you.")
    elif alike:
        cond = re.match(r"^people (?:with|who have) (.+)$", who or "")
        lead = f"If you have {cond.group(1)}, " if cond else (f"For {who}, " if who else "")
        patients = cap(f"{lead}{x} and {q.comparison} gave similar results in this {short}, so the choice between them "
                       "can rest on other things, such as side effects, cost and what you prefer. Ask your physio or doctor.")
    elif kind == "intervention" and x:
        cond = re.match(r"^people (?:with|who have) (.+)$", who or "")
        lead = f"If you have {cond.group(1)}: " if cond else (f"For {who}: " if who else "")
        tail = {"Supports": " Ask your physio or doctor whether it suits you" + (
                    ", including the side effects the study reports." if a.get("_harms") else "."),
                "No clear difference": " Ask your physio or doctor about options with clearer evidence.",
                "Does not support": " Ask your physio or doctor about other options.",
                "Mixed picture": " Talk with your physio or doctor about what to expect."}.get(verdict, "")
        core = _claim_core(claim)
        if lead and not re.match(r"[A-Z]{2}|[A-Z][a-z]*[A-Z]", core) and not (x[:1].isupper() and core.startswith(x)):
            core = core[0].lower() + core[1:]  # "For older people: sensor-based exercise ..."
        if enriched:
            tail = (f" This applies to people who had already taken {x} without troublesome side effects and felt it "
                    "helped." + tail)
        if surrogate:
            tail = (f" This trial measured {q.outcome}, not pain or everyday function, so it does not tell you whether "
                    f"{x} {'help' if plural(x) else 'helps'} your symptoms.")
        if verdict == "Does not support" and a.get("_better"):
            # the comparison group did clearly better on the main measure (generate.comparison_did_better)
            c = q.comparison or ""
            than = f"than with {c}" if c and not re.match(r"(?:no|none|nothing|without)\b", c, re.I) else "than without"
            tail = f" On the main measure, the results were worse with {it} {than}." + tail
        if q.event:
            tail = (f" This {short} measured {q.outcome}, not {q.event} themselves, so it does not show whether {x} "
                    f"{'prevent' if plural(x) else 'prevents'} {q.event}." + tail)
        if verdict == "Mixed picture" and split:
            # Say which outcomes differed and which did not, instead of "in some ways but not in others".
            core = (f"{x} may help with {split[0]}, but this {short} found no clear difference in {split[1]}"
                    if lead else cap(f"{x} may help with {split[0]}, but this {short} found no clear difference in {split[1]}"))
            core += "."
            tail = " Talk with your physio or doctor about which of these matter to you."
        elif verdict == "Mixed picture" and q.comparison and any(
                str(r).startswith("but the other group did better at another time") for r in a.get("verdict_reasons") or []):
            body = f"{x} and {q.comparison} each did better at a different time or on a different measure"
            core = (body if lead else cap(body)) + "."
            tail = (" The key points above say which did better when; talk with your physio or doctor about which "
                    "matters more to you.")
        elif verdict == "Mixed picture":
            tail = " The key points above say which results differed and which did not; talk with your physio or doctor about what to expect."
            if a.get("harm_elsewhere"):
                tail = (" The key points above say which results were worse; ask your physio or doctor whether the "
                        "treatment is still worth it for you.")
        patients = lead + core + tail
    else:
        patients = _claim_core(claim) + " On its own, a study like this does not tell you what to do; ask your physio or doctor."
    n, k = a.get("n_participants"), a.get("n_studies")
    size = f" of {k} studies" if k else (f" with {n} participants" if n else "")
    pop = f" in {who}" if who else ""
    finding = {
        ("intervention", "Supports"): f"found a benefit{(' of ' + x) if x else ''}{(' on' + ys) if ys else ''}",
        ("intervention", "No clear difference"): f"found no clear difference{(' with ' + x) if x else ''}{(' in' + ys) if ys else ''}"
                                                 + ("; the primary outcome was null" if a.get("primary_null") else ""),
        ("intervention", "Does not support"): "found no benefit, or harm",
        ("intervention", "Mixed picture"): "found benefit on some outcomes or time points but not others",
        ("association", "Supports"): "confirmed the association it tested (a link, not proof of cause)",
        ("association", "No clear difference"): "found no clear association",
        ("association", "Mixed picture"): "found a link in some groups or measures but not in others (a link, not proof of cause)",
        ("accuracy", "Supports"): "found the test accurate enough to be useful",
        ("accuracy", "Does not support"): "found the tests not accurate enough to rely on",
    }.get((kind, verdict) if x or kind != "intervention" else ("", ""), {
        "Supports": "found what it set out to test",
        "No clear difference": "found no clear difference",
        "Does not support": "found a result against the idea it tested",
        "Mixed picture": "found results that point both ways",
        "Too early to tell": "tested nothing that can guide practice yet",
    }[verdict])
    if rates_only:
        finding = f"reported how often side effects happened with {x}, with no comparison group"
    if enriched:
        finding += (f", in people who had tolerated {x} and felt it helped in an open run-in before randomisation "
                    "(an enriched design)")
    if split and verdict == "Mixed picture" and kind == "intervention":
        finding = f"found a difference in {split[0]} but not in {split[1]}"
    harm_mixed = verdict == "Mixed picture" and kind == "intervention" and bool(a.get("harm_elsewhere"))
    if harm_mixed:
        finding = ("found benefit on some outcomes and harm or worse results on others" if a.get("benefit_elsewhere") else
                   "found no clear difference on some outcomes and worse results on others")
    if alike:
        finding = f"found no clear difference between {x} and {q.comparison}{(' in' + ys) if ys else ''}"
    if insufficient:
        finding = f"found the evidence too thin to say whether {x or 'the treatment'} {_agree('works', x or 'it')}"
    counted_only = verdict == "Too early to tell" and bool(a.get("_counted_only"))
    if counted_only:
        finding = "counted how common this was, testing no treatment or cause"
    practice = "It gives no reason to prefer one over the other on this outcome" if alike else {
        "Supports": "It can support a shared decision" if evidence in ("Strong", "Moderate") else "Treat it as supportive evidence that is not yet decisive",
        "No clear difference": f"Do not expect {x or 'it'} to do better than the comparison on this outcome" if kind == "intervention" else "It gives no reason to act on this link",
        # (what "it" is, said: the tests or the treatment, not a pronoun with nothing before it)
        "Does not support": (f"It argues against relying on {x}" if x and len(x.split()) <= 6 else
                             "It argues against relying on the test" if kind == "accuracy" else
                             "It argues against relying on the treatment" if kind == "intervention" else
                             "It argues against relying on the idea it tested"),
        "Mixed picture": "Weigh which outcomes and time points matter to the patient",
        "Too early to tell": "Treat it as hypothesis-generating",
    }[verdict]
    if verdict == "Mixed picture" and kind == "association":
        # (a study of links tested no treatment: there are no outcomes or time points of a treatment to weigh)
        practice = "Check in which groups or measures the link held before applying it to a patient"
    elif verdict == "Mixed picture" and kind == "accuracy":
        practice = "Check in which respects the test performed well before relying on it"
    elif verdict == "Mixed picture" and kind == "descriptive":
        practice = "Weigh which of its findings apply to the patient in front of you"
    if harm_mixed:
        practice = "Weigh the worse results against what the patient hopes to gain"
    if insufficient:
        practice = "It gives no firm basis for or against it"
    if counted_only:
        practice = "Use the figure as an estimate of how common this is in similar people"
    if rates_only:
        practice = "Use the rates when discussing side effects; a comparison group would be needed to say how much the treatment adds to the risk"
    ladder = a.get("_ladder")
    # (a design the appraiser could not tell is "other": the reader is told so, not shown the label "Other")
    named = "A study of unclear design" if design in ("other", "", None) else cap(design)
    clinicians = (sentence(f"{named}{size}{pop}; it {finding}") + " "
                  + sentence(f"Evidence rated {evidence.lower()}") + (f" {ladder}" if ladder else "") + " " + sentence(practice))
    topic = f" about {x}" if x else ""
    readers = {
        "Supports": f"If you read that {x or 'this'} {_agree('works', x or 'this')}{(' for ' + who) if who else ''}, this {short} backs it, with {evidence.lower()} evidence.",
        "No clear difference": f"If you read that {x or 'this'} {_agree('works', x or 'this')}{(' for ' + who) if who else ''}, this {short} did not find a clear difference.",
        "Does not support": f"If you read that {x or 'this'} {_agree('works', x or 'this')}, this {short} does not back it.",
        "Mixed picture": f"Claims{topic} need care: this {short} found some benefits but not others.",
        "Too early to tell": f"This is {long}: it cannot yet show whether claims{topic} are true.",
    }[verdict]
    if q.event and x and kind == "intervention" and verdict in ("Supports", "Mixed picture"):
        # A risk score is not the event it predicts: the reader is told which of the two the study measured.
        readers = (f"If you read that {x} {'prevent' if plural(x) else 'prevents'} {q.event}, this {short} did not measure "
                   f"{q.event} themselves: it found {'a lower' if verdict == 'Supports' else 'mixed results on'} {q.outcome}.")
    if ((kind == "intervention" and not x) or kind == "descriptive") and verdict != "Too early to tell":
        # No treatment named (a review of side effects, a study of a service), or a study that describes and tests no
        # treatment (a survey of what doctors do against a guideline): no "if you read that this works".
        readers = f"This {short} {finding}, with {evidence.lower()} evidence behind it; check what it measured before relying on it."
    if insufficient and x:
        readers = f"If you read that {x} {_agree('works', x)}{(' for ' + who) if who else ''}, this {short} found the evidence too thin to say so."
    if alike:
        readers = (f"If you read that {x} {_agree('works', x)} better than {q.comparison}{(' for ' + who) if who else ''}, this {short} "
                   "did not find that: the two gave similar results.")
    if kind == "association" and verdict == "Supports":
        readers = f"This {short} found a link, not proof of cause; it has {evidence.lower()} evidence behind it."
    if kind == "association" and verdict == "Mixed picture":
        # (a link seen in some groups or measures and not others: no "benefits" in a study of links)
        readers = f"Claims{topic} need care: this {short} found a link in some groups or measures but not in others, and a link is not proof of cause."
    if split and verdict == "Mixed picture" and kind == "intervention" and x:
        readers = (f"Claims about {x} need care: this {short} found differences in {split[0]}, but not in {split[1]}.")
    if harm_mixed and x:
        readers = (f"Claims about {x} need care: this {short} found some benefits, and some results were worse with {it}."
                   if a.get("benefit_elsewhere") else
                   f"If you read that {x} {_agree('works', x)}, this {short} does not back it: it found no clear "
                   f"benefit, and some results were worse with {it}.")
    if enriched:
        readers = (f"If you read that {x} {_agree('works', x)}{(' for ' + who) if who else ''}, this {short} backs it only "
                   f"for people who had already taken {x} without troublesome side effects and felt it helped, with "
                   f"{evidence.lower()} evidence.")
    elif surrogate and verdict in ("No clear difference", "Does not support"):
        readers = (f"If you read that {x} {_agree(v3, x)} {q.outcome}{(' in ' + who) if who else ''}, this {short} did not "
                   f"find a clear difference. It is about {q.outcome}, not about whether {x} {_agree('eases', x)} pain "
                   "or helps daily life.")
    elif verdict == "No clear difference" and q.outcome and x and not alike and not insufficient and kind == "intervention":
        readers = (f"If you read that {x} {_agree(v3, x)} {q.outcome}{(' for ' + who) if who else ''}, this {short} did not "
                   "find a clear difference.")
    if rates_only:
        readers = (f"If you read that {x} {'raise' if plural(x) else 'raises'} the risk of side effects, this {short} "
                   f"gives how often they happened in people taking {it}; only a comparison with people not taking {it} could "
                   "say by how much.")
    if kind == "accuracy":
        readers = f"This is {long}, with {evidence.lower()} evidence behind it. " + phrases.VERDICT_READER.get(verdict, "")
    if counted_only:
        readers = f"This {short} counted how many people had it; it cannot show what causes it or what helps."
    return {"patients": (patients, patients_kind or ("rewritten" if patients_src else "templated"), patients_src), "clinicians": (clinicians, "templated", []),
            "readers": (re.sub(r"\s{2,}", " ", readers).strip(), "templated", [])}


SURROGATE = re.compile(r"\b(?:bio-?mechanic\w*|kinematic\w*|kinetic\w*|gait (?:variables|parameters|patterns?|analys\w+)|"
                       r"joint (?:moments?|loading|angles?)|ground reaction|muscle (?:activ\w+|activity|recruitment|thickness|"
                       r"cross-sectional area)|electromyograph\w*|\bEMG\b|heart rate variability|autonomic modulation|"
                       r"cortisol|cytokines?|inflammatory markers?|biomarkers?|blood flow|cartilage (?:thickness|volume|"
                       r"composition)|bone (?:mineral )?density)", re.I)


def _listed(t: str) -> str:
    items = [i.strip() for i in t.split(", ") if i.strip()]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _split_outcomes(a: dict[str, Any]) -> tuple[str, str] | None:
    """(what differed, what did not) from the verdict's reason "but the groups differed only in A, not in B"."""
    reasons = [str(r) for r in a.get("verdict_reasons") or []]
    for r in reasons:
        m = re.match(r"^but the groups differed only in (.+?), not in (.+?): ", r)
        if m:
            return lay(_listed(m.group(1))), lay(_listed(m.group(2)))
    # "...reports a benefit: “greater improvements in pain and strength ...”" beside "...reports no clear
    # difference: “no effect was observed on the autonomic modulation”": the outcomes each quote names.
    good = next((r for r in reasons if re.search(r"reports? (?:a )?benefit", r)), None)
    none = next((r for r in reasons if re.search(r"reports? no clear difference", r)), None)
    if good and none:
        g, n = _OUTCOME_IN.search(good.split(":", 1)[-1]), _NONE_ON.search(none.split(":", 1)[-1])
        if g and n:
            return lay(g.group("o").strip()), lay(n.group("o").strip())
    return None


_OUTCOME_IN = re.compile(r"\b(?:improvements?|reductions?|benefits?|gains?|relief) (?:in|of|on|for) (?P<o>(?:the )?[a-z][a-z -]{2,40}?)"
                         r"(?= than\b| compared\b| versus\b| at\b| after\b|[,.;”]|$)", re.I)
_NONE_ON = re.compile(r"\bno (?:clear |significant |statistically significant )?(?:effect|difference|change|improvement)s? "
                      r"(?:was |were )?(?:observed |found |seen )?(?:on|in) (?P<o>(?:the )?[a-z][a-z -]{2,40}?)"
                      r"(?= between\b| in both\b| at\b| after\b|[,.;”]|$)", re.I)


_RESULTS_LEAD = re.compile(r"^(?:the|these|our) (?:present )?(?:results|findings|data)(?: of (?:this|the|our) \w+)? "
                           r"(?:indicate|suggest|show|demonstrate|confirm)(?:s|d)?(?: that)?\s+", re.I)
# a call for more research, the authors speaking ("we find"), or a line on how the study was done: no finding to tell
_NO_FINDING = re.compile(r"^(?:we|our|i)\b|\b(?:further|more|future|additional|larger)\b[^.]{0,60}\b(?:research|studies|"
                         r"trials|exploration|investigation|work)\b|\b(?:is|are) (?:needed|necessary|required|warranted)\b|"
                         r"\bin this study\b", re.I)


def _said_conclusion(a: dict[str, Any]) -> str | None:
    """The authors' conclusion made plain (generate._answer), for the patients' line; None when it tells no finding."""
    got = a.get("_conclusion_plain")
    if not got:
        return None
    return _said_line(got[0])


# "this updated analysis confirms that", "our retrospective study suggests that": the lead, not the finding
_STUDY_LEAD = re.compile(r"^(?:thus|therefore|overall|in conclusion|in summary)?,?\s*(?:(?:this|the|our|these)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:study|trial|analysis|review|survey|data|results|findings)\s+"
                         r"(?:confirms?|suggests?|shows?|showed|demonstrates?|demonstrated|indicates?|indicated)(?: that)?\s+)?",
                         re.I)
# a line that opens on a condition or a contrast with something left out ("because ...", "while ...", "but ...")
_DANGLING_OPEN = re.compile(r"^(?:because|although|though|while|whereas|if|when|since|but|and|or|so)\b", re.I)


def _said_line(text: str) -> str | None:
    """A conclusion or main result, as the patients' line can say it after "... conclude that"; None when it tells no
    finding or would not read as a whole sentence."""
    line = _STUDY_LEAD.sub("", _RESULTS_LEAD.sub("", text.strip()), count=1).strip()
    line = _RESULTS_LEAD.sub("", line)
    if _NO_FINDING.search(line) or _DANGLING_OPEN.match(line) or len(line.split()) < 4:
        return None
    return line


def _claim_core(claim: str) -> str:
    """The claim without its size lead ("In this trial of 250 people, X ..." -> "X ...")."""
    core = re.sub(r"^(?:In this [\w-]+ of \d[\d,]* people|Across \d[\d,]* studies(?: with \d[\d,]* people)?|For [^,]{3,80}),\s+", "", claim)
    return cap(core)


_DROPOUT = re.compile(r"\b(?:drop-?outs?|dropped out|lost to follow-?up|withdr[ae]w\w*|attrition)\b", re.I)
_PCT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")
# "the rate of withdrawals ... was 46% lower": a relative difference between groups, not the share who left
_RELATIVE_PCT = re.compile(r"\d\s*%\s*(?:\([^)]*\)\s*)?(?:lower|higher|fewer|less|more|greater|smaller|reduction|"
                           r"increase|decrease|relative)\b", re.I)
# A comparison group the study had ("compared with placebo", "a control group"): an uncontrolled extension
# or supplemental analysis does not make the whole study uncontrolled.
_HAS_CONTROL = re.compile(r"\bplacebo\b|\b(?:control|comparison) (?:group|arm)s?\b|\brandomi[sz]ed (?:to|into)\b|"
                          r"\bcompared (?:with|to) (?:a |the )?(?:placebo|control|usual care|no treatment)", re.I)
_COMPLETED_PCT = re.compile(r"\b(\d{1,2}(?:\.\d+)?)\s*% of (?:the )?(?:patients|participants|subjects|people)\s+"
                            r"(?:\w+ )?completed\b", re.I)
_SINGLE_BLIND = re.compile(r"\bsingle[- ](?:blind(?:ed)?|masked)\b", re.I)
_NO_CONTROL = re.compile(r"\b(?:uncontrolled|single[- ]arm|no control group|without a control group|open[- ]label, "
                         r"non-?comparative|before[- ]and[- ]after)\b", re.I)
_REVIEW_QUALITY = re.compile(r"\b(?:low|poor|very low)[- ](?:quality|certainty)\b|\bhigh risk of bias\b|\bfew (?:trials|studies|"
                             r"RCTs)\b|\bsmall (?:trials|studies|sample sizes?)\b|\blittle (?:\w+ )?evidence\b|"
                             r"\blimited (?:\w+ )?evidence\b|\binsufficient evidence\b|\bquality of (?:many|most|the) (?:\w+ )?"
                             r"(?:studies|trials) (?:was|were) (?:low|poor)\b", re.I)
_SHORT_FOLLOWUP = re.compile(r"^(\d+)\s*(day|week)s?$", re.I)


# How long a trial lasted when it names no follow-up: "over 4 weeks", "a 4-week treatment phase", "for six
# weeks". Any later time point ("at 6 months", "12-month") means the study went on longer.
_DURATION = re.compile(rf"\b(?:over|for|during|lasting|at|after)\s+(?:the\s+)?(?:(?:\d{{1,2}}|{WORD_NUMBER}),?\s+(?:and|or)\s+)?"
                       rf"(?P<a>\d{{1,2}}|{WORD_NUMBER})[- ](?P<u>weeks?|days?)\b|"
                       r"\((?P<c>week) (?P<d>\d{1,2})\)|"
                       rf"\b(?P<b>\d{{1,2}}|{WORD_NUMBER})[- ](?P<v>weeks?|days?)(?:,)?\s+(?:[\w-]+,?\s+){{0,5}}?(?:treatment|trial|study|"
                       r"programme|program|period|phase|course|intervention|therapy)\b", re.I)
_LATER = re.compile(rf"\b(?:at|after|for|over|to|until|through|within|and)\s+(?:\d{{1,2}}|{WORD_NUMBER})[- ](?:months?|years?)\b(?! old| of age)|"
                    r"\b\d{1,2}-(?:month|year)\b(?!-old)|\blong[- ]term follow", re.I)
_RUN_IN = re.compile(r"\b(?:open[- ]label (?:phase|run-?in|period)|run-?in (?:phase|period)|enriched enrol?lment)\b[^.]{0,300}?"
                     r"\b(?:randomi[sz]ed|double[- ]blind)", re.I | re.S)
# The run-in kept only those who did well: "patients who tolerated tramadol and perceived benefit ... were randomized".
_DID_WELL = re.compile(r"\b(?:who|that) (?:had )?(?:tolerated|responded|benefit(?:ed|ted)?|perceived (?:a )?benefit|improved)\b", re.I)


def enriched(text: str) -> bool:
    """Were only people who tolerated or benefited from the treatment in an open run-in randomised?"""
    return bool(_RUN_IN.search(text)) and bool(_DID_WELL.search(text))


_PER_PROTOCOL = re.compile(r"\bper[- ]protocol\b", re.I)
_ITT = re.compile(r"\bintention[- ]to[- ]treat\b|\bITT\b|\bintent[- ]to[- ]treat\b", re.I)
_EXPLORATORY = re.compile(r"\bexploratory (?:outcome |secondary |post[- ]hoc )?(?:analys[ie]s|outcomes?|study|trial)\b", re.I)
_ONE_TAILED = re.compile(r"\bone[- ](?:tailed|sided)\b", re.I)


# "Patients and treating clinicians were not masked to treatment allocation", "an open-label trial"
_UNMASKED = re.compile(r"\b(?:patients|participants|subjects)\b[^.;]{0,40}\bnot (?:masked|blinded)\b|\bopen[- ]label (?:trial|study|"
                       r"randomi[sz]ed)|\bunblinded (?:trial|study|design)|\bwithout blinding of (?:patients|participants)", re.I)


def short_study(text: str) -> str | None:
    """'4 weeks' when the longest stated length of a trial that names no later time point is 6 weeks or less."""
    for m in _LATER.finditer(text):
        if not re.search(r"\bage[sd]?\b|\bbetween\b|\bolder\b|\byounger\b", text[max(0, m.start() - 30):m.start()], re.I):
            return None  # a later time point (ages such as "aged 18 to 75 years" are not)
    best: tuple[float, str] | None = None
    for m in _DURATION.finditer(text):
        num, unit = ((m.group("a"), m.group("u")) if m.group("a") else (m.group("d"), m.group("c")) if m.group("d")
                     else (m.group("b"), m.group("v")))
        n = parse_number(num)
        if not n:
            continue
        weeks = n / 7 if unit.lower().startswith("day") else n
        label = f"{num.lower()} {unit.lower().rstrip('s')}{'s' if n != 1 else ''}"
        if best is None or weeks > best[0]:
            best = (weeks, label)
    return best[1] if best and best[0] <= 6 else None


# "In a post hoc analysis, ...", "a subgroup analysis showed ...": a result the trial was not set up to test. Post
# hoc *tests* after an analysis of variance (Tukey, Bonferroni) are planned pairwise comparisons, not this.
_POST_HOC = re.compile(r"\bpost[- ]?hoc\b(?!\s+(?:\w+\s+)?(?:tests?|comparisons?|pairwise|multiple|bonferroni|tukey|"
                       r"scheff\w*|sidak|lsd|dunn\w*|t[- ]tests?|corrections?|adjustments?|significance|power))|\b(?:not|un)[- ]?pre-?specified\b|"
                       r"\bunplanned (?:analys[ie]s|comparisons?)\b", re.I)
_SUBGROUP = re.compile(r"\bsub-?groups?\b|\bsubsets? of (?:patients|participants|people)\b", re.I)
_TUKEY_BEFORE = re.compile(r"\b(?:tukey|bonferroni|scheff\w*|sidak|lsd|dunn\w*)(?:'s)?\s+$", re.I)
_A_FINDING = re.compile(r"\bsignifican\w*|\bp\s*[<=≤]\s*0?\.\d|\b(?:improv|reduc|increas|decreas|lower|higher|better|"
                        r"greater|fewer|benefi|associat)\w*", re.I)
_ANOVA = re.compile(r"\banalys[ie]s of variance\b|\banovas?\b", re.I)
_UNPLANNED_KIND = re.compile(r"\s+(?:\w+\s+)?(?:subgroup|exploratory|secondary|stratified)\b", re.I)
_POWER = re.compile(r"\bpower\b", re.I)
_EVERY_SUBGROUP = re.compile(r"\b(?:all|each|every|across|among) (?:the |of the )?(?:\w+ )?sub-?groups?\b", re.I)
_PRIMARY_STUDIES = ("randomised controlled trial", "non-randomised controlled trial", "crossover trial", "cohort",
                    "case-control", "cross-sectional")


def _unplanned_finding(text: str, design: str) -> str | None:
    """A limitation for a result that rests on a post hoc or subgroup analysis, when the abstract reports one."""
    for sent in re.split(r"(?<=[.!?])\s+", text):
        if not _A_FINDING.search(sent):
            continue
        ph = _POST_HOC.search(sent)
        # After an analysis of variance anywhere in the abstract, a bare "post hoc analysis" is its pairwise follow-up
        # ("ANOVA found no difference for 2 and 4. For 1 and 3, post hoc analysis revealed a difference ..."), not an
        # unplanned question; "post hoc subgroup" or "exploratory" analyses still are.
        pairwise = _ANOVA.search(text) and not _UNPLANNED_KIND.match(sent, ph.end()) if ph else False
        if ph and not pairwise and not _TUKEY_BEFORE.search(sent[:ph.start()]) and not _POWER.search(sent):
            return ("Some results come from an analysis decided after the data were seen (post hoc): they suggest "
                    "rather than confirm.")
        if design in _PRIMARY_STUDIES and _SUBGROUP.search(sent) and not _EVERY_SUBGROUP.search(sent) and \
                read_sentence(sent).label in ("for", "mixed", "against"):
            # (a subgroup analysis that found nothing, or a result "in all subgroups", rests on no subgroup)
            return ("Some results hold only for a subgroup of the people studied: a subgroup result suggests rather "
                    "than confirms.")
    return None


def derived_limits(a: dict[str, Any], text: str) -> list[Item]:
    """Limits that follow from the study's facts (issue 12, item 7), each said once."""
    out: list[Item] = []
    design = a.get("design", "other")
    if a.get("primary_null"):
        out.append(("The main outcome showed no clear difference, so other benefits reported may be chance findings.",
                    "templated", []))
    elif a.get("benefit_elsewhere") and a.get("verdict") == "Mixed picture":
        out.append(("The link was seen only in some groups or measures." if (a.get("question_kind") or "intervention") == "association"
                    else "The benefit was seen only for some outcomes, groups or time points.", "templated", []))
    fu = str(a.get("followup") or "")
    m = _SHORT_FOLLOWUP.match(fu)
    if m and design in ("randomised controlled trial", "non-randomised controlled trial", "cohort") and (
            m.group(2).lower() == "day" or int(m.group(1)) <= 6):
        out.append((f"Short follow-up ({fu}): longer-term effects are unknown.", "templated", []))
    elif not fu and design in ("randomised controlled trial", "non-randomised controlled trial", "crossover trial"):
        short = short_study(text)
        if short:
            out.append((f"Short study: results go up to {short} only, so longer-term effects are unknown.", "templated", []))
    if design in ("randomised controlled trial", "non-randomised controlled trial", "crossover trial") and \
            _UNMASKED.search(text) and not re.search(r"\bdouble[- ](?:blind|mask)", text, re.I):
        out.append(("The people taking part knew which treatment they had, which can colour results they report "
                    "themselves.", "templated", []))
    if design in ("randomised controlled trial", "crossover trial") and _RUN_IN.search(text):
        out.append(("Only people who tolerated the treatment in an open run-in phase were randomised, so the results may "
                    "look better than for everyone who starts it.", "templated", []))
    if design in ("randomised controlled trial", "crossover trial") and _PER_PROTOCOL.search(text) and not _ITT.search(text):
        out.append(("Only the people who kept to the protocol were analysed, not everyone randomised, which can bias "
                    "the comparison.", "templated", []))
    if _EXPLORATORY.search(text):
        out.append(("The authors call the analyses exploratory: they suggest rather than confirm.", "templated", []))
    unplanned = _unplanned_finding(text, design)
    if unplanned and not _EXPLORATORY.search(text):
        out.append((unplanned, "templated", []))
    if _ONE_TAILED.search(text):
        out.append(("A one-sided (one-tailed) test was used, which makes a clear result easier to reach.", "templated", []))
    if design in ("randomised controlled trial", "crossover trial") and _SINGLE_BLIND.search(text):
        out.append(("Single-blind: some of the people involved knew which treatment was given, which can colour the "
                    "results.", "templated", []))
    for sent in re.split(r"(?<=[.!?])\s+", text):
        done = _COMPLETED_PCT.search(sent)
        if done and design in ("randomised controlled trial", "non-randomised controlled trial", "crossover trial", "cohort") \
                and 0 < float(done.group(1)) <= 80:
            # "79% of patients completed the study": a fifth or more did not.
            out.append((f"High drop-out: the abstract reports that only {done.group(1)}% completed the study, which can "
                        "bias results.", "templated", []))
            break
        if _DROPOUT.search(sent) and not _RELATIVE_PCT.search(sent):
            pct = [float(p) for p in _PCT.findall(sent) if 0 < float(p) <= 100]
            if pct and max(pct) >= 20 and max(pct) < 100:
                out.append((f"High drop-out: the abstract reports {_PCT.search(sent).group(0)} in this context, which can bias results.",
                            "templated", []))
                break
    if design in ("meta-analysis", "systematic review", "scoping review"):
        q = _REVIEW_QUALITY.search(text)
        if q:
            said = q.group(0).lower()
            out.append((f"The authors report that the {said}." if said.startswith("quality of") else
                        f"The authors report {said} among the included studies.", "templated", []))
        elif heterogeneity_stated(text):
            # (read as the evidence rating reads it: "statistically not heterogeneous" is no limitation)
            out.append(("The authors report that the included studies differed from each other (heterogeneity), so the "
                        "pooled result is less certain.", "templated", []))
    if a.get("harm_rates_only"):
        out.append(("No comparison group: the figures show how often side effects happened with the treatment, not how "
                    "much more often than without it.", "templated", []))
        short = short_study(text)
        if short and design not in ("randomised controlled trial", "non-randomised controlled trial", "crossover trial"):
            out.append((f"Short treatment: the studies lasted {short}, so side effects of longer use are unknown.",
                        "templated", []))
    if design == "narrative review" and re.search(r"\btheoretical\b|\bpossible mechanisms?\b|\bhypothes[ie]\w*|\bspeculat\w+", text, re.I):
        out.append(("The authors present the mechanisms as theoretical or possible: the review does not test them.",
                    "templated", []))
    if design == "case series" or (_NO_CONTROL.search(text) and design not in ("randomised controlled trial",)
                                   and not _HAS_CONTROL.search(text)):
        out.append(("No control group: improvements may have happened anyway.", "templated", []))
    return out
