"""What one sentence says a study found, read clause by clause with its negations.

The verdict, the card's consistency gate and the claim checker all read results the same way, so a card
cannot say "helps" about a sentence the verdict read as "no difference". A sentence is cut into clauses
("X improved pain, but not function" is two); each clause is read for one of:

- ``for``: a benefit, an association or an accuracy confirmed ("significantly reduced", "is associated
  with", "high sensitivity");
- ``null``: no (significant) difference or effect, equivalence, an association not found ("did not
  result in reduced pain", "no more efficacious than", "similar", "do not indicate an increased risk");
- ``against``: harm, a worse result, or a conclusion against ("cannot be recommended", "inaccurate");
- ``early``: only preliminary, uncertain or insufficient evidence, or a call for more research;

plus qualifiers that weaken a benefit (``small``: "small", "modest", "not clinically important").
A word of benefit with a negation before it in the same clause ("did not improve", "failed to reduce",
"no significant reduction", "cannot be recommended") is not a benefit: that is the failure the old
word-spotting verdict had ("did not result in reduced ..." read as "reduced").

What counts as a benefit depends on the kind of question (``kind``): for an association study "linked
with more falls" confirms the tested association; for a treatment "more adverse events" is harm.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

KINDS = ("intervention", "association", "accuracy", "descriptive")


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p)  # matched against lower-cased text


# Clause boundaries: contrast words and semicolons. "but not X" stays with its clause's verb via
# the contrast reading below.
_CLAUSE_CUT = _rx(r";\s+|,?\s+\bbut\b\s+|,?\s+\bwhereas\b\s+|,?\s+\bwhile\b\s+(?=\w+ (?:was|were|had|showed|did))|"
                  r"\.\s+however,?\s+|,\s+however,\s+|"
                  # "... a small benefit over placebo in some trials however no benefit ... over NSAID": a second clause
                  # joined by a bare "however" (not "was however not ...", an aside inside one clause)
                  r"(?<!\bwas)(?<!\bwere)(?<!\bis)(?<!\bare)(?<!\bdid)(?<!\bhad)(?<!\bhas)(?<!\bhave)(?<!\bcould)"
                  r",?\s+however,?\s+(?=(?:no|there|it|this|these|those|the|a|an)\b)|,?\s+\balthough\b\s+|,?\s+\bthough\b\s+|,?\s+\byet\b\s+")

_NEGATOR = _rx(r"\b(?:not|no|never|neither|nor|cannot|can't|failed to|fails to|fail to|unable to|lack of|"
               r"lacks?|absence of|did not|does not|do not|was not|were not|is not|are not|has not|have not|"
               r"had not|could not|would not|n't)\b")
_STRICT_NEG = _rx(r"\b(?:not|cannot|can't|failed to|fails to|unable to|n't|never|neither|nor)\b")
# Words after a negator that do not negate what follows ("not only", "no longer limited to").
_NOT_NEGATING = _rx(r"\bneed not\b|\bnot only\b|\bno doubt\b|\bnot least\b|\bnot unlike\b|\bwhether or not\b|\bif not\b|"
                    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:previously|fully)\b")

_NULL = _rx(
    # "The beneficial effect ... reported in earlier studies could not be reproduced": the benefit was not found
    r"\b(?:could|can|was|were) not be (?:reproduced|replicated|confirmed|demonstrated|shown|found|detected)\b|"
    r"\bno (?:statistically |clinically |significant |important |meaningful |relevant |major |overall |appreciable |"
    r"detectable |measurable |further |additional |added |consistent |clear |real |evident |substantial )*"
    r"(?:differences?|effects?|changes?|improvements?|benefits?|advantages?|reductions?|increases?|decreases?|"
    r"associations?|relationships?|correlations?|links?|impact|influence|superiority|excess)\b|"
    r"\b(?:did|does|do|was|were|is|are|could|has|have) not (?:\w+ ){0,2}?(?:differ|improve|reduce|decrease|increase|"
    r"change|affect|alter|influence|prevent|result in|lead to|show|demonstrate|find|enhance|lower|raise|"
    r"significantly|statistically|indicate|appear to|seem to|be associated|associated|related|correlated|predict)\w*|"
    r"\bnot (?:statistically )?significant(?:ly)?\b|\bnon-?significant(?:ly)?\b|\binsignificant\b|"
    r"\bdid not reach (?:statistical )?significance|\bfailed to (?:reach|achieve|show|demonstrate|improve|reduce|find)|"
    r"\bsimilar\b(?!\s+(?:pattern|trend|picture|direction|profile)s?\b)|\bcomparable\b|\bequivalent\b|\bequivalence\b|\bequally\b|\bnon-?inferior\w*|\bas (?:safe and )?"
    r"(?:effective|efficacious|good|beneficial) as\b|\bno more (?:\w+ )?(?:effective|efficacious|beneficial|likely|"
    r"than)\b|\bno better than\b|\bnot (?:more |any more )?(?:effective|efficacious|better|superior|different)\b|"
    r"\b(?:minimal|negligible|little or no|little to no|no) (?:\w+ )?(?:effects?|impact|influence|differences?)\b|"
    # "regular deworming had little effect on mortality"; "No specific cause of death was significantly affected"
    r"\b(?:had|has|have|showed|shows|made|makes) (?:only |very )?little (?:\w+ )?(?:effects?|impact|influence|differences?)\b|"
    r"^no (?:\w+ ){0,5}?(?:was|were) (?:significantly |statistically |clearly |materially )?(?:affected|altered|changed|reduced|improved)\b|"
    r"\bregardless of\b|\bnot (?:\w+ )?associated\b|\bunrelated to\b|\bindependent of\b|\bno evidence (?:of|that|for)\b|"
    r"\bdid not (?:\w+ )?differ\b|\b(?:was|were|remained) unchanged\b|"
    # "did not have a significant impact on birth weight", "(stroke) similarly occurred in both groups"
    r"\b(?:did|does|do|had) not have (?:a |any )?(?:\w+ ){0,2}?(?:impact|effect|influence|difference)s?\b|"
    r"\b(?:occurred|happened|developed) similarly\b|\bsimilarly (?:occurred|frequent|common)\b|\bremained (?:stable|the same)\b|"
    r"\b(?:was|were|is|are) (?:the )?same\b|\b(?:improved|changed|recovered|progressed|declined|fared|did) (?:by )?(?:about|roughly|much|almost|nearly) the same\b|\bno different\b|\btended to\b(?=[^.;]{0,80}\b(?:p\s*[=>≥]\s*0?\.(?:0[5-9]|[1-9])|not (?:statistically )?significant|non-?significant|n\.?s\.?\b))|\ba (?:non-?significant |statistical )?trend\b")
# "no significant group-by-time interaction", "no group x time interaction for pain": in a trial that measured
# its arms over time, the test of whether they changed differently, i.e. a between-group null. An interaction
# with something else ("no interaction with sex") is a subgroup question and is not read here.
_GROUP_TIME = (r"(?:(?:group|treatment|condition|intervention|arm)(?:[- ]by[- ]|\s*[x\u00d7*]\s*)time|"
               r"time(?:[- ]by[- ]|\s*[x\u00d7*]\s*)(?:group|treatment|condition|intervention|arm))")
_INTERACTION_NULL = (r"\bno (?:statistically |significant |meaningful |clear )*(?:" + _GROUP_TIME + r" )?interactions?"
                     r"(?: effects?)?\b(?! (?:with|between)\b)|"
                     r"\bno (?:statistically |significant |meaningful |clear )*interactions? (?:effects? )?between (?:the )?"
                     r"(?:(?:groups?|treatments?|conditions?|interventions?|arms?) and time|time and (?:the )?(?:groups?|"
                     r"treatments?|conditions?|interventions?|arms?))\b|"
                     + _GROUP_TIME + r" interactions? (?:\w+ ){0,3}?(?:was|were) not (?:statistically )?(?:significant|"
                     r"found|observed|detected)")
_NULL = _rx(_INTERACTION_NULL + "|" + _NULL.pattern)
_AGAINST = _rx(
    r"\bcannot be (?:recommended|advised)\b|\bnot (?:be )?(?:recommended|advised)\b|\bshould not be\b|\bdo(?:es)? not support (?:the|its|their)"
    r" (?:use|routine)|\bnot justified\b|\bnot warranted\b|\bharmful\b|\bdetrimental\b|\bworse(?:ned)?\b|"
    r"\bdeleterious\b|(?<!non-)(?<!non )\binferior\b|\bineffective\b|\binaccurate\b|\bunreliable\b|\binvalid\b|\bpoor(?:ly)? (?:accuracy|"
    r"sensitivity|specificity|reliability|validity|diagnostic)|\blow (?:accuracy|sensitivity|specificity|reliability|"
    r"validity|diagnostic)|\bcannot (?:accurately )?(?:diagnose|detect|identify|predict|rule|distinguish|discriminate)|"
    r"\bnot (?:accurate|reliable|valid|useful|helpful)\b|\b(?:more|greater|higher|increased) (?:\w+ ){0,3}?"
    r"(?:adverse (?:events?|effects?|reactions?)|side[- ]effects?|complications|toxicity|harms?|mortality|deaths?)\b|"
    r"\bincreased (?:the )?risk of (?:adverse|harm|death|mortality|complications|serious)|"
    # "The score for side-effects increased at 12 months": a harm that rose, not a benefit
    r"\b(?:adverse (?:events?|effects?|reactions?)|side[- ]effects?|complications|toxicity|harms?)\b(?:(?!\b(?:not|no|never|neither|nor)\b)[^.;,]){0,40}?"
    r"\b(?:increased|rose|(?:was|were) (?:higher|more (?:frequent|common)))\b|"
    r"\bcause[sd]? (?:\w+ )?(?:more|greater|increased|worse)\b")
# A recommendation against that carries its own negation: a "not" before it in the clause ("does not increase overall
# survival and cannot be recommended") is the null result beside it, not a negation of the recommendation.
# ("advised": the card's plain word for "recommended", read as the source's word is)
_SELF_NEGATED_AGAINST = _rx(r"\bcannot be (?:recommended|advised)\b|\b(?:should|can|could|is|are) not be (?:recommended|advised)\b|"
                            r"\bshould not be (?:used|given|offered|prescribed|administered|recommended)\b")
# A treatment that made a bad event more common: "a small risk for increasing the flare rate", "flares were
# significantly increased in the HRT group", "more falls". "increas\w*" alone is a benefit word (strength,
# function), so only a word naming a bad event, or the risk of one, makes the rise a harm.
# (plural "hospitalisations" only: "during hospitalisation" is a period of time, not an event)
_BAD_EVENT = (r"(?:flares?|flare-ups?|relapses?|recurrences?|exacerbations?|falls|re-?injur(?:y|ies)|injur(?:y|ies)|"
              r"fractures?|infections?|hospitali[sz]ations|hospital admissions|readmissions|re-?operations?|revisions?|"
              r"thrombos[ie]s|strokes?|deaths?)")
_TREND = _rx(r"\btrends?\b|\btended\b|\btendency\b")
_HARM_RISE = _rx(
    r"\b(?:small |slight |higher |greater |increased )?risk (?:of|for) (?:increas\w+|worsen\w*)\b|"
    r"\b(?:increas\w*|more|higher|greater|elevated) (?:\w+ ){0,3}?" + _BAD_EVENT + r"\b|"
    r"\b" + _BAD_EVENT + r" (?:\w+ ){0,3}?(?:were|was) (?:\w+ )?(?:increased|more (?:common|frequent|likely)|higher)\b")
# The comparison group named before the rise or just after it: "more falls in the control group" is the
# treatment's benefit, not its harm.
COMPARATOR = _rx(r"\b(?:control|placebo|sham|usual care|standard care|comparison|wait(?:ing)?[- ]?list|no[- ]treatment)\b")


def _harm_rise(low: str) -> re.Match[str] | None:
    m = _first_unnegated(_HARM_RISE, low)
    if m and not COMPARATOR.search(low[:m.end() + 30]):
        return m
    return None


# Benefit / confirmation words (intervention kind): checked for a negation before them.
_FOR_INTERVENTION = _rx(
    r"\b(?:effective|efficacious|beneficial|superior|outperform\w*|improv\w*|reduc\w*|decreas\w*|"
    r"lower(?:ed|s)?(?! (?:back|limbs?|extremit\w*|legs?|body|urinary|respiratory|abdom\w*|lumbar|quadrant|jaw))|"
    r"benefits?|better|greater|enhanc\w*|reliev\w*|alleviat\w*|ameliorat\w*|recommended|preferable|"
    r"prevent(?:ed|s|ion)?|protect(?:ion|ive|ed|s)?|successful(?:ly)?|favou?rabl[ey]|faster|more rapid|quicker|"
    r"gains?|helps?|helped|relief|increas\w*|higher|advantage|useful|valuable|safe|well tolerated|"
    r"positive (?:[\w-]+ ){0,2}?(?:effects?|impacts?|influences?)|"
    r"should be (?:considered|used|offered|recommended)|should (?:inform|refer|offer|consider|encourage)|"
    r"significantly (?:more|less|fewer|higher|lower|greater|better|shorter|longer)|significant(?:ly)? (?:\w+ )?differen\w+|"
    r"of (?:great |considerable |clear |important )?(?:clinical |therapeutic |practical )?(?:relevance|value|importance))\b")
# Benefit words strong enough to stand beside a "comparable" in the same clause ("superior to A and
# comparable to B", "comparable efficacy and better tolerability"): the clause is then mixed.
_STRONG_FOR = _rx(r"\b(?:superior|outperform\w*|better|preferable|significantly (?:more|less|fewer|higher|lower|greater|"
                  r"better|improved|reduced|decreased|increased))\b")
_FOR_ASSOCIATION = _rx(
    r"\bassociat\w+ with\b|\bassociations? (?:between|of|with)\b|\brisk factors?\b|\bpredict\w*|\blinked\b|\blink\b|"
    r"\bcorrelat\w+|\bcontribut\w+|\brelated to\b|\bincreased (?:the )?(?:risk|odds|incidence|likelihood)\b|"
    r"\b(?:higher|lower|greater|increased|decreased|reduced|elevated) (?:\w+ ){0,2}?(?:risk|odds|incidence|prevalence|"
    r"rates?|levels?|scores?)\b|\bincrease in (?:the )?(?:incidence|risk|prevalence|rate)|\bprevalent\b|"
    r"\bsignificant (?:\w+ ){0,2}?(?:association|predictor|risk factor|increase|decrease|role|difference|effect)|"
    r"\binfluenc\w+|\bdeterminants?\b|\bexplain\w*\b|\bcontributed\b|\bsupport (?:an|the) association|"
    r"\b(?:higher|lower|greater|more|less|worse|better|poorer|larger|smaller) (?:\w+ ){0,2}?than\b|\bdiscordan\w+|"
    r"\bdisparit\w+|\bmismatch\b|\bgap between\b|\bdiffer(?:ed|s)? (?:significantly|markedly|substantially)\b")
_FOR_ACCURACY = _rx(
    r"\b(?:high|good|excellent|adequate|acceptable|satisfactory|strong|moderate) (?:\w+ ){0,2}?(?:accuracy|"
    r"sensitivity|specificity|reliability|validity|agreement|predictive|discriminat\w*|performance)|\baccurate(?:ly)?\b|"
    r"\breliable\b|\bvalid\b|\bvalidity\b|\bpredictive\b|\bpredict\w*|\bcan (?:\w+ )?(?:determine|identify|detect|"
    r"diagnose|discriminate|distinguish|screen|classify|rule (?:in|out))|\b\d+(?:\.\d+)?\s*%\s*(?:sensitivity|"
    r"specificity)|\bsensitivity (?:of|was|and)\b|\bexcluded this diagnosis\b|\buseful (?:tool|test|instrument)\b|"
    r"\bperforms? (?:equally )?(?:as )?well\b|\bequally (?:as )?well\b|\bpreferable\b|\bhigh (?:chance|probability)")
_EARLY = _rx(
    r"\bpreliminary\b|\bpilot\b|\bfeasib\w+|\bpromising\b|\bpotential(?:ly)? (?:new )?(?:therapeutic|target|"
    r"treatment|benefit|role|use)|\bwarrants? (?:further|larger)|\b(?:further|more|larger|future|longer|well-designed|"
    r"high-quality|additional) (?:[\w-]+ ){0,3}?(?:research|studies|trials|investigations?|evaluation)(?: (?:in|on|of|into|with|for|this|that|these|the|field|area|topic|population|setting)){0,4} (?:is|are|will be|"
    r"would be)? ?(?:needed|required|warranted|necessary)|\bneed for (?:further|more|larger|future)|"
    r"\binsufficient (?:evidence|data)\b|\b(?:little|limited|scarce|sparse|weak) (?:\w+ )?evidence\b|"
    r"\bno (?:firm|definitive|clear) conclusions?\b|\b(?:remains?|is|are|still) (?:unclear|uncertain|unknown)\b|"
    r"\bunclear\b|\buncertain\b|\bnot (?:yet )?known\b|\binconclusive\b|\bcannot (?:yet )?be (?:drawn|determined|"
    r"concluded)|\bno (?:trials|studies|evidence) (?:were|was)? ?(?:found|identified|available)|"
    r"\bnot enough (?:\w+ )?(?:information|evidence|data)\b|\binsufficient (?:information|data)\b|"
    r"\b(?:convincing|conclusive|sufficient|good|strong|robust|clear|firm|high[- ]quality) (?:\w+ )?evidence (?:is|was|"
    r"remains|are) (?:still )?(?:lacking|missing|absent|limited|scarce|weak)\b|\bevidence (?:is|was|remains) (?:still )?"
    r"(?:lacking|insufficient|inconclusive|scarce|conflicting)\b|\black of (?:convincing|conclusive|sufficient|good|"
    r"strong|robust|high[- ]quality) evidence\b")
_SMALL = _rx(r"\b(?:effects?|improvements?|benefits?|magnitude|gains?) (?:[\w-]+ ){0,4}?(?:is|was|were|are) (?:only |very |rather |"
             r"relatively )?(?:small|modest|slight|trivial|marginal)\b|"
             r"\b(?:small|modest|slight|trivial|marginal|minor|limited) (?:\w+ )?(?:but \w+ )?(?:effects?|benefits?|"
             r"improvements?|reductions?|differences?|gains?|increases?|decreases?|advantages?|risk)\b|"
             r"\bnot (?:clinically )?(?:important|relevant|meaningful|worthwhile)\b|\bnot clinically\b|"
             r"\bbelow (?:the )?(?:minimal|minimum) (?:clinically )?(?:important|relevant)|\bunclear (?:clinical )?"
             r"(?:relevance|importance)|\bmay be small\b|\bnot well[- ]maintained\b|\bshort[- ]lived\b|"
             r"\bonly (?:in|at|for) the short[- ]term\b|\bslightly\b|"
             # "of questionable benefit": a benefit its authors doubt is an uncertain one (verdict-gold: Mixed picture)
             r"\b(?:questionable|doubtful|dubious|debatable) (?:\w+ )?(?:benefits?|value|effects?|efficacy|usefulness)\b|"
             r"\b(?:benefits?|value|effects?|efficacy) (?:\w+ )?(?:is|was|are|were|remains?) (?:\w+ )?(?:questionable|doubtful|debatable)\b")
_SIG = _rx(r"\bsignificant(?:ly)?\b|\bp\s*[<≤]\s*0?\.0[0-5]|\bp\s*=\s*0?\.0(?:[0-4]\d*|50*)\b")
_P_VALUE = _rx(r"\bp\s*(<|≤|=|>|≥)\s*(0?\.\d+)")
# A sentence whose main clause calls for more research ("Further exploration of ... is necessary").
_CALL = re.compile(r"^(?:however,?\s+|therefore,?\s+|thus,?\s+)?(?:further|more|future|larger|additional|longer|new|"
                   r"well-designed|high-quality|controlled|prospective|randomi[sz]ed)\s+(?:\w+\s+){0,12}?(?:research|studies|"
                   r"trials|investigations?|exploration|work|evaluation|follow-up)\b[^.]*\b(?:needed|required|warranted|"
                   r"necessary|recommended|should)\b|^there is a need for\b|^(?:research|studies|trials) (?:is|are) (?:needed|"
                   r"required|warranted)", re.I)
# A sentence whose main clause says why or how is not known ("The mechanism for reduced relaxation time following X is
# unclear"): the effect it names is the subject of a question, not a finding it reports.
_UNCLEAR_WHY = re.compile(r"^(?:however,?\s+|yet,?\s+)?(?:the\s+)?(?:underlying\s+|exact\s+|precise\s+|possible\s+|biological\s+)?"
                          r"(?:mechanisms?|reasons?|causes?|explanations?|pathways?|basis)\b[^.;]{0,200}?\b(?:is|are|remains?)\s+"
                          r"(?:still\s+|largely\s+|currently\s+|as yet\s+)?(?:unclear|unknown|uncertain|speculative|"
                          r"not\s+(?:yet\s+|fully\s+|well\s+)?(?:known|clear|understood|established)|poorly understood|"
                          r"to be (?:determined|elucidated|established|clarified))\b", re.I)


def unclear_why(text: str) -> bool:
    """Does the sentence say only that why or how an effect came about is not known?"""
    return bool(_UNCLEAR_WHY.match(text.strip()))


_BUT_NOT = _rx(r"\bbut not\b")
_HEDGE = _rx(r"\b(?:may|might|could|possibly|potentially|appears? to|seems? to|suggests?|suggested)\b")


@dataclass
class Clause:
    text: str
    label: str | None            # for | null | against | mixed | early | None
    cue: str = ""                # the words that decided it
    small: bool = False
    hedged: bool = False


@dataclass
class Reading:
    """One sentence's reading: its clauses and the overall label (``mixed`` when clauses disagree)."""
    text: str
    clauses: list[Clause] = field(default_factory=list)

    @property
    def labels(self) -> set[str]:
        return {c.label for c in self.clauses if c.label}

    @property
    def label(self) -> str | None:
        if _CALL.match(self.text.strip()):
            return "early"  # "Further studies are needed to show whether X is linked with Y" tests nothing
        if unclear_why(self.text):
            return None
        labs = self.labels - ({"early"} if self.labels - {"early"} else set())
        if not labs:
            return None
        if "mixed" in labs:
            return "mixed"
        if labs == {"for", "null"} and _within_and_between_null(self.clauses):
            return "null"
        if "for" in labs and ("null" in labs or "against" in labs or _BUT_NOT.search(self.text.lower())):
            return "mixed"
        # "... may help although the effect may be small": the qualifier sits in a clause of its
        # own with no finding of its own, and still makes the benefit a small one.
        if "for" in labs and any(c.small for c in self.clauses if c.label in ("for", None)):
            return "mixed"
        if "against" in labs and any(c.small for c in self.clauses if c.label == "against") and "null" in labs:
            return "mixed"
        for lab in ("against", "null", "for", "early"):
            if lab in labs:
                return lab
        return None

    @property
    def cue(self) -> str:
        lab = self.label
        want = {"mixed": ("mixed", "for", "null", "against")}.get(lab or "", (lab,))
        return next((c.cue for c in self.clauses if c.label in want and c.cue), "")


def _negated(low: str, start: int) -> bool:
    """Is there a negator in the clause in the few words before ``start``?"""
    before = low[max(0, start - 48):start]
    # Only the words since the last comma-free stretch: "no pain, and improved function" is not negated.
    before = re.split(r"[,;:()]", before)[-1]
    words = before.split()[-5:]
    window = " ".join(words)
    m = list(_NEGATOR.finditer(window))
    if not m:
        return False
    return not _NOT_NEGATING.search(window)


def _first_unnegated(rx: re.Pattern[str], low: str, strict: bool = False) -> re.Match[str] | None:
    for m in rx.finditer(low):
        if not _negated(low, m.start()) or (strict and not _strictly_negated(low, m.start())):
            return m
    return None


def _strictly_negated(low: str, start: int) -> bool:
    return bool(_STRICT_NEG.search(" ".join(re.split(r"[,;:()]", low[max(0, start - 48):start])[-1].split()[-5:])))


def _first_negated(rx: re.Pattern[str], low: str, strict: bool = False) -> re.Match[str] | None:
    """The first match with a negation before it; ``strict``: only a verbal negation ("not", "cannot",
    "failed to"), since "combined absence of these signs excluded the diagnosis" is no negated accuracy."""
    for m in rx.finditer(low):
        if _negated(low, m.start()) and (not strict or _strictly_negated(low, m.start())):
            return m
    return None


# "There was no evidence of drug-related side-effects", "no serious adverse events occurred": a safety
# statement, neither a benefit nor a null result about whether the treatment works.
_SAFETY_NULL = _rx(r"\bno (?:[\w-]+ ){0,4}?(?:side[- ]effects?|adverse (?:events?|effects?|reactions?)|complications|"
                   r"toxicit\w+|harms?)\b|\b(?:side[- ]effects?|adverse (?:events?|effects?|reactions?)|complications) "
                   r"(?:were|was) (?:not|rare|mild|minor|few|uncommon)\b")


# "improved in both groups", "both techniques produced comparable relief": the arms improved alike.
_BOTH_IMPROVED = _rx(r"\b(?:improv\w*|reduc\w*|decreas\w*|increas\w*|relie\w*)\b[^.;]{0,80}\bin both (?:the )?(?:groups|arms)\b|"
                     r"\bboth (?:the )?(?:groups|arms|techniques|treatments|interventions|procedures)\b[^.;]{0,60}?"
                     r"\b(?:improv\w*|reduc\w*|decreas\w*|increas\w*|relie\w*|produced (?:comparable|similar) (?:relief|improvement)|"
                     r"showed|had|demonstrated)|"
                     # "Hip arthroscopy and personalised hip therapy both improved quality of life"
                     r"\band [\w -]{1,40}? both (?:\w+ )?(?:improv\w*|reduc\w*|decreas\w*|relie\w*)|"
                     # "improvements ... were found following treatment, regardless of group allocation"
                     r"\b(?:regardless|irrespective) of (?:the )?(?:group|arm|treatment)(?: (?:allocation|assignment|received))?\b")


# "Both whey and rice protein improved body composition; however, there were no differences between the two groups":
# the arms improved over time and the comparison between them found nothing: a null result for the comparison.
_BETWEEN_NULL = _rx(r"\bno (?:\w+ ){0,3}?differences? (?:\w+ ){0,4}?between (?:the )?(?:two |three |treatment |study )?"
                    r"(?:groups|arms|conditions|treatments|interventions)\b|\bdid not differ (?:significantly )?between (?:the )?"
                    r"(?:\w+ )?(?:groups|arms|conditions|treatments)\b|\bno (?:\w+ )?(?:group|condition|treatment)[- ]by[- ]time "
                    r"interactions?\b|" + _INTERACTION_NULL)
_HARMS = _rx(r"\b(?:adverse|side[- ]effects?|complications?|harms?|safety|toxicit\w+)\b")
_COMPARATIVE = _rx(r"\b(?:than|compared|versus|vs|more|greater|larger|superior|better|outperform\w*|favou?r\w*)\b")


def _within_and_between_null(clauses) -> bool:
    """Do the sentence's benefit clauses only say the arms improved, while its null clause says they did not differ?"""
    nulls = [c for c in clauses if c.label == "null"]
    fors = [c for c in clauses if c.label == "for"]
    # (a null about harms, "no differences between the groups in adverse events", says nothing of the benefit)
    return (any(_BETWEEN_NULL.search(c.text.lower()) and not _HARMS.search(c.text.lower()) for c in nulls)
            and not any(_COMPARATIVE.search(c.text.lower()) for c in fors))


def both_groups_improved(text: str) -> bool:
    return bool(_BOTH_IMPROVED.search(text.lower()))


def is_safety_line(text: str) -> bool:
    """A sentence that only reports safety ("no drug-related side-effects"): never a study's main message."""
    return bool(_SAFETY_NULL.search(text.lower()))


# "closed reduction of the fracture": putting a bone back in place, never a reduction of a symptom.
_BONE_SETTING = _rx(r"\b(?:(?:closed|open|primary|anatomic(?:al)?|good|poor|adequate|satisfactory|fracture|joint) )"
                    r"reductions?\b|\breductions? of (?:the |a )?(?:fracture|dislocation|joint|shoulder|hip|elbow)s?\b")


# A decimal written with a middle dot ("p=0·16", "0·89 to 1·02", the Lancet's style) is read as one with a full stop.
_MIDDLE_DOT = re.compile(r"(?<=\d)\u00b7(?=\d)")


# A harm the treatment works against ("an effective approach to combating the detrimental effects of chronic stress",
# "protects against adverse remodelling"): the harm word names what is countered, not a worse result.
_COUNTERED_HARM = _rx(r"\b(?:(?:combat|counter|prevent|reduc|mitigat|offset|alleviat|lessen|revers|attenuat)\w*|(?:protect|guard|"
                      r"shield|defend|spar)\w*\s+(?:[\w-]+\s+){0,3}?(?:from|against))\s+(?:the\s+|these\s+|its\s+|their\s+|"
                      r"any\s+)?(?:[\w-]+\s+){0,2}?(?:detrimental|harmful|adverse|negative|deleterious|damaging)\b")


# A clause whose predicate says the effect is still an open question ("The link between ... and improved outcomes
# associated with X remain to be determined"): the benefit words in it name what is asked, not what was found.
_OPEN_QUESTION = _rx(r"\b(?:remains?|(?:has|have|is|are) yet) to be (?:determined|established|elucidated|clarified|"
                     r"proven|proved|shown|demonstrated|confirmed)\b")


def read_clause(text: str, kind: str = "intervention") -> Clause:
    # The bone-setting sense is blanked to the same length, so positions and cues of the rest stay as they are.
    low = _BONE_SETTING.sub(lambda m: "_" * len(m.group(0)), _MIDDLE_DOT.sub(".", text.lower()))
    small = bool(_SMALL.search(low))
    hedged = bool(_HEDGE.search(low))
    against = _first_unnegated(_AGAINST, _COUNTERED_HARM.sub(lambda m: "_" * len(m.group(0)), low)) or _SELF_NEGATED_AGAINST.search(low)
    if kind == "intervention" and not against and _SAFETY_NULL.search(low) and not _SIG.search(low) and not any(
            m.group(0) not in ("safe", "well tolerated") for m in _FOR_INTERVENTION.finditer(low) if not _negated(low, m.start())):
        return Clause(text, None, "", small, hedged)
    null = _NULL.search(low)
    open_question = _OPEN_QUESTION.search(low)
    if open_question and not null:
        return Clause(text, "early", open_question.group(0), small, hedged)
    if kind == "accuracy":
        if against:
            return Clause(text, "against", against.group(0), small, hedged)
        acc = _first_unnegated(_FOR_ACCURACY, low, strict=True)
        if acc:
            return Clause(text, "for", acc.group(0), small, hedged)
        neg = _first_negated(_FOR_ACCURACY, low, strict=True)
        if neg:
            return Clause(text, "against", neg.group(0), small, hedged)
    if kind in ("association", "descriptive"):
        assoc = _first_unnegated(_FOR_ASSOCIATION, low)
        neg = _first_negated(_FOR_ASSOCIATION, low)
        if null and (not assoc or null.start() <= assoc.start()):
            return Clause(text, "null", null.group(0), small, hedged)
        if neg and not assoc:
            return Clause(text, "null", neg.group(0), small, hedged)
        if assoc:
            return Clause(text, "for", assoc.group(0), small, hedged)
        acc = _first_unnegated(_FOR_ACCURACY, low)
        if acc and kind == "descriptive":
            return Clause(text, "for", acc.group(0), small, hedged)
    if against and kind == "intervention":
        return Clause(text, "against", against.group(0), small, hedged)
    pos = _first_unnegated(_FOR_INTERVENTION, low)
    if pos and kind == "intervention" and _p_all_nonsignificant(low) and not _significant_at_the_line(low):
        # "was lower in the treated group (p > 0.05)": a difference the statistics do not carry.
        return Clause(text, "null", pos.group(0), small, hedged)
    if null:
        strong = _first_unnegated(_STRONG_FOR, low) if kind == "intervention" else None
        if strong:
            return Clause(text, "mixed", f"{strong.group(0)} \u2026 {null.group(0)}", small, hedged)
        return Clause(text, "null", null.group(0), small, hedged)
    neg = _first_negated(_FOR_INTERVENTION, low)
    if neg and (not pos or neg.start() < pos.start()):
        # "did not result in reduced pain", "no reduction": a benefit that was not found.
        return Clause(text, "null", neg.group(0), small, hedged)
    harm = _harm_rise(low) if kind == "intervention" and not _TREND.search(low) else None
    if harm and not any(not _negated(low, m.start()) and (m.end() <= harm.start() or m.start() >= harm.end())
                        for m in _FOR_INTERVENTION.finditer(low)):
        # A bad event made more common, read only once no null reading holds ("a trend to more exacerbations" is
        # no clear difference). With a benefit word in the same clause ("more falls in the fatigued group on day
        # one, fewer with the drink on day two") the rise may belong to another comparison: the benefit reading stands.
        return Clause(text, "against", harm.group(0), small, hedged)
    if pos and kind == "intervention":
        return Clause(text, "for", pos.group(0), small, hedged)
    if pos and kind in ("association", "descriptive") and _SIG.search(low):
        return Clause(text, "for", pos.group(0), small, hedged)
    early = _EARLY.search(low)
    if early:
        return Clause(text, "early", early.group(0), small, hedged)
    if against:
        return Clause(text, "against", against.group(0), small, hedged)
    return Clause(text, None, "", small, hedged)


def _significant_at_the_line(low: str) -> bool:
    """ "... pain eased faster, a significant difference (P=0.05)": a p-value of exactly 0.05 that the sentence itself
    calls significant is read as the authors' threshold met, not as a difference the statistics do not carry."""
    ps = p_values(low)
    return bool(ps) and all(op == "=" and v == 0.05 for op, v in ps) and says_significant(low)


def _p_all_nonsignificant(low: str) -> bool:
    sig, nonsig = significant_p(low)
    return nonsig > 0 and sig == 0


def _mask_brackets(text: str) -> str:
    """The text with everything inside brackets blanked, so a ';' in "(drug, 8.0 pg/ml; placebo, 14.6)"
    does not cut a clause (the statistics stay with the clause they belong to)."""
    out, depth = [], 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            out.append(ch)
            continue
        out.append("_" if depth and ch not in "([" else ch)
    return "".join(out)


def clauses_of(text: str) -> list[str]:
    masked = _mask_brackets(text)
    parts, pos = [], 0
    for m in _CLAUSE_CUT.finditer(masked):
        parts.append(text[pos:m.start()])
        pos = m.end()
    parts.append(text[pos:])
    parts = [p for p in parts if p and p.strip()]
    # "..., but not in episodic headache": the clause lost its verb; it stands as a negated copy.
    out: list[str] = []
    for p in parts:
        if out and re.match(r"\s*not\b", p, re.I) and len(p.split()) <= 8:
            out.append("no effect " + p.strip())
        else:
            out.append(p)
    return out


def read_sentence(text: str, kind: str = "intervention") -> Reading:
    """The reading of one sentence (see module doc)."""
    r = Reading(text)
    for piece in clauses_of(text):
        r.clauses.append(read_clause(piece, kind))
    return r


def p_values(text: str) -> list[tuple[str, float]]:
    """('<', 0.05) for each p-value the text states."""
    out = []
    for m in _P_VALUE.finditer(_MIDDLE_DOT.sub(".", text.lower())):
        try:
            out.append((m.group(1), float(m.group(2))))
        except ValueError:
            continue
    return out


def significant_p(text: str) -> tuple[int, int]:
    """(significant, not significant) p-values stated in the text, at the 0.05 level."""
    sig = nonsig = 0
    for op, v in p_values(text):
        if op in ("<", "≤") and v <= 0.05 or op == "=" and v < 0.05:
            sig += 1
        elif op in (">", "≥") or op == "=" and v >= 0.05:
            nonsig += 1
    return sig, nonsig


def says_significant(text: str) -> bool:
    """Does the text report a significant result (not negated)?"""
    low = text.lower()
    return any(not _negated(low, m.start()) for m in re.finditer(r"\bsignificant(?:ly)?\b", low)) and \
        not re.search(r"\bnot (?:statistically )?significant|\bnon-?significant|\bno (?:statistically )?significant", low)
