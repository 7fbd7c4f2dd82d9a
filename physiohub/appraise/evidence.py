"""The evidence-strength ladder of DESIGN.md, every step written down in plain words.

Start by design, then go down one step for each weakness the record states, then cap at the level the
authors' own GRADE statement gives. Choices where DESIGN.md is silent (documented here and in
docs/benchmarks.md):

- A systematic review or meta-analysis starts at Strong only when it clearly pools randomised trials;
  if it names only observational studies it starts at Limited (no stronger than what it pools), and if
  it does not say what it pooled, at Moderate.
- A scoping review maps rather than appraises evidence: Limited. A guideline that rests on a
  systematic review or GRADE starts at Moderate, otherwise Limited. Diagnostic-accuracy and economic
  studies start at Limited. A design we could not identify starts at Very limited.
- Several GRADE statements: we use those in the conclusion if any, else all, and take the lowest
  ("when in doubt, the weaker badge").
- A retracted publication is Very limited whatever its design.
- A review steps down once for each kind of weakness its authors report in their results or conclusions
  (not in the background, where "little is known" is why the review was done): few or small studies
  (with the counted studies and pooled sample), low-quality studies or a high risk of bias,
  heterogeneous studies, and "little", "limited" or "insufficient" evidence (this last one only when the
  authors give no GRADE rating, which already states their certainty).
"""
from __future__ import annotations

import re

LEVELS = ("Very limited", "Limited", "Moderate", "Strong")
_GRADE_LEVEL = {"high": 3, "moderate": 2, "low": 1, "very low": 0}

_REVIEWS = {"meta-analysis", "systematic review"}
_TRIALS = {"randomised controlled trial", "non-randomised controlled trial"}
_START = {
    "randomised controlled trial": (2, "randomised controlled trial"),
    "non-randomised controlled trial": (1, "non-randomised trial"),
    "cohort": (1, "cohort study"),
    "case-control": (1, "case-control study"),
    "cross-sectional": (1, "cross-sectional study"),
    "case series": (1, "case series"),
    "qualitative": (1, "qualitative study"),
    "narrative review": (1, "narrative review (no systematic search)"),
    "scoping review": (1, "scoping review (maps the evidence without appraising it)"),
    "diagnostic accuracy": (1, "diagnostic accuracy study"),
    "economic evaluation": (1, "economic evaluation"),
    "case report": (0, "case report"),
    "editorial/commentary/letter": (0, "opinion piece (editorial, comment or letter)"),
    "lab/animal/experimental": (0, "laboratory, animal or experimental study"),
    "protocol": (0, "study protocol (no results yet)"),
    "other": (0, "design not identified"),
}
# "non-randomised" and "quasi-randomised" are not randomised trials.
_RCT_TEXT = re.compile(r"(?<!non-)(?<!non )(?<!quasi-)\brandomi[sz]ed|\brcts?\b|(?<!non-)(?<!non )\bcontrolled trials\b", re.I)
_OBS_TEXT = re.compile(r"\b(?:observational|cohort|case-control|cross-sectional|prospective|retrospective|"
                       r"non-randomi[sz]ed|longitudinal) (?:studies|designs?|data|evidence)\b", re.I)
# A review of links with no trials named: what it pools are studies of an exposure ("exposure-response relationships
# between work-related factors and shoulder disorders ... expressed as odds ratio or relative risk"), which observe people.
_EXPOSURE_TEXT = re.compile(r"\bexposure(?:s|-response)?\b|\brisk factors?\b|(?<!diagnostic )\bodds ratios?\b", re.I)
_SR_TEXT = re.compile(r"\bsystematic(?:ally)? (?:\w+ )?(?:review|search|searched)|\bgrade\b|\bmeta-?analy", re.I)
_REVIEW_LADDER = _REVIEWS | {"scoping review", "narrative review"}
# What reviewers say about the studies they found. Each is matched in the results and conclusions only.
_FEW_SMALL = re.compile(
    r"\b(?:only (?:one|two|three|four|a few|a small number of|a limited number of)|very few|few|a small number of|a limited number of|"
    r"small number of|limited number of)\b (?:[\w-]+,? ){0,3}?(?:studies|trials|rcts|papers|articles)\b|"
    r"\b(?:small|underpowered|small-scale) (?:[\w-]+ ){0,2}?(?:studies|trials|rcts)\b|\bsmall sample sizes?\b|"
    r"\b(?:studies|trials) (?:were|was) (?:\w+ )?(?:small|underpowered|few)\b|\btoo few (?:studies|trials|participants)\b", re.I)
_LOW_QUALITY = re.compile(
    # "low-quality evidence" is a certainty rating (GRADE, below), not a statement about the studies
    r"\b(?:low|poor|variable|limited|weak|questionable|inadequate|low to moderate|very low)[- ](?:methodological )?quality\b(?![- ]evidence)|"
    r"\bmethodological(?:ly)? (?:quality (?:was|were|is|of the \w+ (?:was|were)) (?:\w+ )?(?:low|poor|variable|limited|weak)|weak|"
    r"flawed|flaws|limitations|shortcomings|drawbacks)|\b(?:high|serious|substantial) risks? of bias\b|"
    r"\bpoorly (?:designed|conducted|reported)\b", re.I)
_HETEROGENEITY = re.compile(
    r"\b(?:substantial|considerable|significant|high|marked|large|important|great|moderate to high|statistical|clinical) "
    r"heterogeneity\b|\bheterogeneity (?:was|were|is) (?:\w+ )?(?:high|substantial|considerable|large|significant|marked)\b|"
    r"\bheterogene(?:ous|ity) (?:among|between|across|of|in) (?:the )?(?:included )?(?:studies|trials|interventions|outcomes|populations)\b|"
    r"\b(?:studies|trials|interventions|outcomes|populations|results|data) (?:were|was) (?:too |very |highly )?heterogeneous\b|"
    r"\bheterogeneous (?:studies|trials|interventions|outcome measures|populations|data|results)\b|"
    r"(?:,|\band) heterogeneity\b(?! (?:was|were) (?:assessed|explored|examined|tested|evaluated|investigated|quantified))|"
    r"\bi(?:2|\u00b2|\^2)\s*(?:=|was|of|:)?\s*(?:[5-9]\d|100)(?:\.\d+)?\s*%", re.I)
_NO_HETEROGENEITY = re.compile(r"\b(?:no|not|without|little|minimal|low|non-?significant|insignificant)\b(?: \w+){0,2}\s*$", re.I)
_LITTLE_EVIDENCE = re.compile(
    r"\b(?:little|limited|insufficient|inadequate|scant|scarce|sparse|weak|inconclusive|not enough|no (?:good|high)[- ]quality|"
    r"no (?:convincing|conclusive|reliable|clear)|lack of|low[- ]quality|very low[- ]quality)\b (?:\w+ ){0,2}?evidence\b|"
    r"\bevidence (?:is|was|remains|are|were) (?:\w+ )?(?:limited|insufficient|scarce|sparse|weak|inconclusive|lacking|inadequate)\b|"
    r"\binsufficient (?:data|studies|trials) to\b", re.I)
_FINDINGS_LABEL = re.compile(r"\b(?:RESULTS?|FINDINGS|MAIN RESULTS|CONCLUSIONS?|INTERPRETATION|DISCUSSION|IMPLICATIONS|"
                             r"AUTHORS'? CONCLUSIONS|REVIEWERS?'?S? CONCLUSIONS|SUMMARY)\b\s*:?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def _findings(abstract: str) -> str:
    """The results and conclusions of an abstract: from its first results or conclusions heading; without
    headings, everything after the opening sentences (which give the background)."""
    m = _FINDINGS_LABEL.search(abstract)
    if m:
        return abstract[m.start():]
    sentences = _SENTENCE_END.split(abstract.strip())
    skip = 2 if len(sentences) >= 5 else 1 if len(sentences) >= 3 else 0
    return " ".join(sentences[skip:])


def _quoted(m: re.Match[str]) -> str:
    """The matched words, with a few words before them when the match alone says little ("and heterogeneity")."""
    start = m.start()
    if len(m.group(0)) < 20 and m.group(0).startswith((",", "and")):
        before = m.string[max(0, start - 60):start]
        words = re.split(r"(?<=\s)", before)[-4:] if "." not in before[-40:] else [before[before.rfind(".") + 1:]]
        start -= len("".join(words))
    return m.string[start:m.end()].strip(" ,;")


def heterogeneity_stated(text: str) -> re.Match[str] | None:
    """Where the text says the studies were heterogeneous; not "not heterogeneous", "low heterogeneity", nor a method
    ("statistical heterogeneity was assessed with the Q test", "we explored clinical heterogeneity")."""
    for m in _HETEROGENEITY.finditer(text):
        if _NO_HETEROGENEITY.search(text[max(0, m.start() - 30):m.start()]) or _HETEROGENEITY_METHOD.search(
                text[max(0, m.start() - 40):m.start()]) or _HETEROGENEITY_ASSESSED.match(text, m.end()):
            continue
        return m
    return None


# Heterogeneity named as what the authors looked for, not what they found.
_HETEROGENEITY_METHOD = re.compile(r"\b(?:explor\w*|examin\w*|assess\w*|investigat\w*|test\w*|evaluat\w*|quantif\w*|measur\w*|"
                                   r"estimat\w*|check\w*|account\w* for|sources? of|causes? of)\s+(?:for\s+)?(?:the\s+)?$", re.I)
_HETEROGENEITY_ASSESSED = re.compile(r"\s+(?:\w+\s+)?(?:was|were|is|are)\s+(?:\w+\s+)?(?:assessed|explored|examined|tested|"
                                     r"evaluated|investigated|quantified|measured|estimated|calculated|computed|checked|explained)\b",
                                     re.I)


_PILOT = re.compile(r"\bpilot\b|\bfeasibility (?:study|trial|randomi[sz]ed)|\bfeasibility and (?:acceptability|safety)\b", re.I)


# "The outcome, based on pilot studies, was ..." or "previous pilot work showed" cite earlier pilots: this
# study is not one of them.
_OTHER_PILOT = re.compile(r"\b(?:based on|from|in|of|after|by)\s+(?:(?:our|the|a|an|two|several|previous|prior|earlier|"
                          r"published|recent)\s+)*$|\b(?:previous|prior|earlier|published)\s+$", re.I)


def _own_pilot(text: str) -> re.Match[str] | None:
    for m in _PILOT.finditer(text):
        after = text[m.end():m.end() + 12].lower()
        if _OTHER_PILOT.search(text[max(0, m.start() - 40):m.start()]) and re.match(r"\s*(?:stud|trial|data|work|results)", after):
            continue
        return m
    return None


def _start(design: str, text: str) -> tuple[int, str]:
    if design in _REVIEWS:
        label = "meta-analysis" if design == "meta-analysis" else "systematic review"
        if _RCT_TEXT.search(text):
            return 3, f"{label} of randomised trials"
        if _OBS_TEXT.search(text) or _EXPOSURE_TEXT.search(text):
            return 1, f"{label} of observational studies (no stronger than the studies it pools)"
        return 2, f"{label} that does not say it pooled randomised trials"
    if design == "guideline":
        if _SR_TEXT.search(text):
            return 2, "guideline based on a systematic review"
        return 1, "guideline without a stated systematic review"
    return _START.get(design, (0, "design not identified"))


def grade_ladder(design: str, *, title: str, abstract: str, n_participants: int | None,
                 n_studies: int | None, grade_levels: list[str], conclusion_grades: list[str],
                 risk_of_bias: str | None, retracted: bool, rates_only: bool = False) -> tuple[str, list[str]]:
    """The evidence level and the reasons, one per step."""
    text = f"{title}\n{abstract}"
    level, why = _start(design, text)
    reasons = [f"Started at {LEVELS[level]}: {why}"]

    def lower(reason: str) -> None:
        nonlocal level
        if level > 0:
            level -= 1
            reasons.append(f"lowered to {LEVELS[level]}: {reason}")
        else:
            reasons.append(f"stays at {LEVELS[level]}: {reason}")

    if design in _TRIALS and n_participants is not None and n_participants < 50:
        lower(f"small sample ({n_participants} participants in total; under 50)")
    review = design in _REVIEW_LADDER
    findings = _findings(abstract) if review and abstract else ""
    if design in _REVIEWS | {"scoping review"} and n_studies is not None and n_studies < 3:
        lower(f"few studies ({n_studies} included; under 3)")
    elif design in _REVIEWS | {"scoping review"} and n_participants is not None and n_participants < 200:
        lower(f"small pooled sample ({n_participants} participants; under 200)")
    elif review and (m := _FEW_SMALL.search(findings)):
        lower(f"the authors report few or small studies ('{_quoted(m)}')")
    if review:
        m = _LOW_QUALITY.search(findings)
        if m or risk_of_bias:
            lower(f"the authors report studies of low or uneven quality ('{_quoted(m) if m else risk_of_bias}')")
        m = heterogeneity_stated(findings)
        if m:
            lower(f"the authors report heterogeneous studies ('{_quoted(m)}')")
        m = _LITTLE_EVIDENCE.search(findings)
        if m and not grade_levels:
            lower(f"the authors report '{_quoted(m)}'")
    if rates_only:
        lower("the figures are rates of side effects in people taking the treatment, with no comparison group")
    m = _own_pilot(text) if design not in ("protocol",) else None
    if m:
        lower(f"pilot or feasibility study (the text says '{m.group(0)}')")
    levels = conclusion_grades or grade_levels
    ranked = [_GRADE_LEVEL[g] for g in levels if g in _GRADE_LEVEL]
    if ranked:
        worst = min(ranked)
        named = next(g for g in levels if _GRADE_LEVEL.get(g) == worst)
        if worst <= 1:
            lower(f"authors rate the certainty of evidence as {named}")
        if level > worst:
            level = worst
            reasons.append(f"lowered to {LEVELS[level]}: authors rate the certainty of evidence as {named} "
                           "(their GRADE rating caps the level)")
    if risk_of_bias and not review:  # a review's risk of bias is its low-quality step above
        lower(f"authors report '{risk_of_bias}'")
    if retracted:
        # Always said, even when the level is already the lowest: readers must see why.
        reasons.append(("set to Very limited" if level > 0 else "stays at Very limited")
                       + ": the publication has been retracted")
        level = 0
    return LEVELS[level], reasons
