"""The card's own templated wording: designs in plain words, verdicts, implied limitations, and claims
hedged to the evidence badge. All of it is PhysioHub's text; none carries a number of its own (numbers
come in only as arguments taken from the source).
"""
from __future__ import annotations

import re
from .casing import upper_first

# design label -> (short plain name, plain name with article)
DESIGN_PLAIN: dict[str, tuple[str, str]] = {
    "meta-analysis": ("review", "a review that pooled the results of several studies"),
    "systematic review": ("review", "a careful review of published studies"),
    "scoping review": ("review", "a review that mapped the research on a topic"),
    "narrative review": ("review", "an expert overview of the research"),
    "guideline": ("guideline", "a set of care guidelines"),
    "randomised controlled trial": ("trial", "a fair test that compared groups chosen at random"),
    "non-randomised controlled trial": ("trial", "a study that compared groups not chosen at random"),
    "cohort": ("study", "a study that followed a group of people over time"),
    "case-control": ("study", "a study that compared people with and without a problem"),
    "cross-sectional": ("survey", "a survey of people at one point in time"),
    "case series": ("report", "a report on a small group of patients"),
    "case report": ("report", "a report about one patient"),
    "qualitative": ("study", "an interview study of people's experiences"),
    "diagnostic accuracy": ("study", "a study of how well a test finds a problem"),
    "economic evaluation": ("study", "a study of costs and value for money"),
    "protocol": ("plan", "a plan for a study that has no results yet"),
    "lab/animal/experimental": ("study", "a lab or animal study"),
    "editorial/commentary/letter": ("article", "an opinion piece"),
    "other": ("study", "a study"),
}

IMPLIED_LIMITS: dict[str, str] = {
    "narrative review": "Narrative review: no systematic search, so the studies discussed may be a selective set.",
    "scoping review": "Scoping review: it maps the research but does not judge how well treatments work.",
    "non-randomised controlled trial": "Groups were not chosen at random, so they may have differed from the start.",
    "cohort": "Observational design: the links it finds may not be cause and effect.",
    "case-control": "Observational design: the links it finds may not be cause and effect.",
    "cross-sectional": "Cross-sectional design: it shows links at one point in time, not cause and effect.",
    "case series": "Case series: no comparison group.",
    "case report": "Case report: one patient, so the results may not apply to others.",
    "qualitative": "Qualitative study: it describes experiences; it does not measure how well a treatment works.",
    "protocol": "Study protocol: no results yet.",
    "editorial/commentary/letter": "Opinion piece: not new research.",
    "lab/animal/experimental": "Lab or experimental study: results may not apply to patients.",
}
ANIMAL = re.compile(r"\b(rats?|mice|mouse|murine|rabbits?|dogs?|canine|pigs?|porcine|sheep|ovine|horses?|equine"
                    r"|primates?|monkeys?|animals?|in vivo|zebrafish)\b", re.I)
IN_VITRO = re.compile(r"\b(in vitro|cell lines?|cultured cells|cadaver\w*)\b", re.I)
PILOT = re.compile(r"\b(pilot|feasibility)\b", re.I)

CERTAINTY_NOTE = {  # short plain sentences said from the evidence badge; they rate the research, never the claim
    "Strong": "The research behind this is strong.",
    "Moderate": "The research behind this is fair. New studies could change it.",
    "Limited": "Only a little research backs this. New studies could change it.",
    "Very limited": "Too little research backs this to be sure.",
}

VERDICT_CLINICIAN = {
    "Supports": "the authors report a benefit",
    "Mixed picture": "benefits were inconsistent across outcomes or time points",
    "No clear difference": "no clear difference was found",
    "Does not support": "the results do not support it",
    "Too early to tell": "it is too early to guide practice",
}
VERDICT_READER = {
    "Supports": "It supports the idea it tested, within its limits.",
    "Mixed picture": "It gives a mixed picture: some results point one way, some the other.",
    "No clear difference": "It found no clear difference.",
    "Does not support": "It does not support the idea it tested.",
    "Too early to tell": "It is too early to tell what it means in practice.",
}


_SINGULAR_S = re.compile(r"(ss|us|is|ics|ness|sis|ys)$|^(?:diabetes|herpes|rabies|measles|mumps|scabies|caries|series|species|news|pilates|aerobics)$",
                         re.I)


def plural(phrase: str) -> bool:
    """Does this noun phrase take a plural verb? ("exercise programmes" yes, "physiotherapy" no)"""
    if re.match(r"(?:adding|giving|using|taking|doing|combining)\b", phrase.strip(), re.I):
        return False  # a gerund subject is one act: "adding education and telemonitoring to usual care helps"
    head = re.split(r"\s+(?:of|for|with|in|on|to|versus|vs|compared)\s+", phrase.strip(), maxsplit=1)[0].split()
    if not head:
        return False
    last = head[-1].lower().strip(".,'\"")
    if re.search(r"\band\b", " ".join(head)):
        return True
    return len(last) > 3 and last.endswith("s") and not _SINGULAR_S.search(last)


_PLURAL_FORM = {"helps": "help", "makes": "make", "does not help": "do not help"}


def third(verb3: str, subject: str) -> str:
    """The present-tense verb that agrees with the subject: "helps" or "help"."""
    return _PLURAL_FORM.get(verb3, verb3) if plural(subject) else verb3


def claim(evidence: str, subject: str, verb3: str, verb: str, rest: str = "") -> str:
    """One plain claim with the certainty word the evidence badge allows.

    Strong states it ("X helps"), Moderate says "probably", Limited says "may", Very limited says
    "We don't know yet whether ...". ``verb3`` is the third-person form ("helps"), ``verb`` the base
    form used after "may" ("help").
    """
    rest = f" {rest}" if rest else ""
    verb3 = third(verb3, subject)
    if evidence == "Strong":
        body = f"{subject} {verb3}{rest}"
    elif evidence == "Moderate":
        body = f"{subject} probably {verb3}{rest}"
    elif evidence == "Limited":
        body = f"{subject} may {verb}{rest}"
    else:
        body = f"we don't know yet whether {subject} {verb3}{rest}"
    body = re.sub(r"\s{2,}", " ", body).strip()
    return upper_first(body) + "."


def verdict_claim(verdict: str, evidence: str, what: str, who: str, cmp: str) -> str:
    """The upshot's answer for a study of a treatment, worded to verdict and evidence."""
    against = f"compared with {cmp}" if cmp else ""
    for_who = (who if who.startswith("people") else f"with {who}") if who else ""
    if verdict == "Supports":
        return claim(evidence, what, "helps", "help", " ".join(p for p in (for_who, against) if p))
    if verdict == "No clear difference":
        rest = "little or no difference" + (f" {against}" if against else "")
        return claim(evidence, what, "makes", "make", rest)
    if verdict == "Mixed picture":
        return claim(evidence, what, "helps", "help", "with some results but not others")
    if verdict == "Does not support":
        if evidence == "Very limited":
            return claim(evidence, what, "helps", "help", for_who)
        return claim(evidence, what, "does not help", "not help", for_who)
    return f"It is too early to tell whether {what} {third('helps', what)}{(' ' + for_who) if for_who else ''}."
