"""Research design: PubMed publication types first, then MeSH design terms, then title and abstract.

Rules, not a trained model: no design-labelled training text is available beyond the records we
evaluate on, and rules give the plain reasons an editor needs ("title says 'randomised controlled
trial'"). Measured in bench/eval_appraise_design.py (docs/benchmarks.md, "Appraisal").

Order of signals, as in DESIGN.md: (1) publication types that name a design; (2) when the types are
silent or ambiguous ("Clinical Trial", "Review", "Observational Study"), the text refines them;
(3) MeSH design headings ("Cohort Studies", "Qualitative Research", animals only); (4) text alone:
the title first (authors name their design there most reliably), then the abstract's method cues.
"""
from __future__ import annotations

import re

from .doc import Doc


RESEARCH_TYPE = {
    "meta-analysis": "Review of studies",
    "systematic review": "Review of studies",
    "scoping review": "Review of studies",
    "narrative review": "Expert review",
    "guideline": "Guideline",
    "protocol": "Study protocol",
    "editorial/commentary/letter": "Opinion",
}


def research_type(design: str) -> str:
    """The badge: every design not listed above is a primary study (including 'other')."""
    return RESEARCH_TYPE.get(design, "Primary study")


# --- publication types -------------------------------------------------------------------------
# Decisive types: they name the design on their own. Checked in this order (the first wins), so a
# "Case Reports" + "Review" record is a case report and "Meta-Analysis" + "Systematic Review" a MA.
_PT_DECISIVE: tuple[tuple[str, str], ...] = (
    ("clinical trial protocol", "protocol"),
    ("retraction of publication", "other"),
    ("published erratum", "other"),
    ("expression of concern", "other"),
    ("network meta-analysis", "meta-analysis"),
    ("meta-analysis", "meta-analysis"),
    ("systematic review", "systematic review"),
    ("scoping review", "scoping review"),
    ("practice guideline", "guideline"),
    ("guideline", "guideline"),
    ("consensus development conference", "guideline"),
    ("consensus development conference, nih", "guideline"),
    ("case reports", "case report"),
    ("randomized controlled trial", "randomised controlled trial"),
    ("randomized controlled trial, veterinary", "randomised controlled trial"),
    ("equivalence trial", "randomised controlled trial"),
    ("editorial", "editorial/commentary/letter"),
    ("comment", "editorial/commentary/letter"),
    ("letter", "editorial/commentary/letter"),
    ("news", "editorial/commentary/letter"),
    ("newspaper article", "editorial/commentary/letter"),
    ("interview", "editorial/commentary/letter"),
    ("lecture", "editorial/commentary/letter"),
    ("address", "editorial/commentary/letter"),
    ("personal narrative", "editorial/commentary/letter"),
    ("introductory journal article", "editorial/commentary/letter"),
    ("biography", "other"),
    ("historical article", "other"),
    ("patient education handout", "other"),
    ("bibliography", "other"),
    ("twin study", "cohort"),
)
# Types that say "a trial" or "a review" or "observational" but not which kind: text refines them.
_PT_TRIAL = ("controlled clinical trial", "pragmatic clinical trial", "adaptive clinical trial",
             "clinical trial, phase i", "clinical trial, phase ii", "clinical trial, phase iii",
             "clinical trial, phase iv", "clinical trial, veterinary", "clinical trial", "multicenter study")
_PT_REVIEW = ("review", "systematic review")
_PT_OBSERVATIONAL = ("observational study", "observational study, veterinary")

_PT_DISPLAY = {p: p.title() for p, _ in _PT_DECISIVE}


def design_from_publication_types(pub_types: set[str]) -> tuple[str, str] | None:
    """(design, publication type) when a decisive type names it, else None. Types in lower case."""
    for pt, design in _PT_DECISIVE:
        if pt in pub_types:
            return design, pt
    return None


# --- text cues -----------------------------------------------------------------------------
def _rx(pattern: str) -> re.Pattern[str]:
    # Matched against lower-cased text (Doc.title_l / abstract_l): much faster than re.IGNORECASE.
    return re.compile(pattern)


# (design, regex, plain description). Checked in order within the title, then within the abstract;
# the order settles overlaps: "protocol for a systematic review" is a protocol, "cost-effectiveness
# alongside a randomised trial" an economic evaluation, "case report and review of the literature"
# a case report, "comment on: a randomised trial" a comment.
_TITLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("editorial/commentary/letter", _rx(r"^(?:re:|reply|in reply|response to|comment(?:ary)? on|letter to the editor|"
                                        r"editorial\b|erratum|correction to|corrigendum|author(?:s'|'s)? reply)"
                                        r"|\b(?:a )?(?:comment|commentary|editorial|reply|letter)\s*$"
                                        r"|\[(?:comment|editorial|letter)\]")),
    ("protocol", _rx(r"\bprotocol\b|\bdesign and rationale\b|\brationale and design\b|\bstudy design and methods\b")),
    ("meta-analysis", _rx(r"\bmeta-?analy[sz]\w*|\bmeta-?regression|\bpooled analysis of (?:\w+ ){0,3}(?:trials|studies)")),
    ("systematic review", _rx(r"\bsystematic(?:ally)? (?:\w+ )?review|\bcochrane review|\bumbrella review|"
                              r"\boverview of (?:systematic )?reviews|\breview of (?:systematic )?reviews|\brapid review")),
    ("scoping review", _rx(r"\bscoping (?:\w+ )?review|\bmapping review|\bevidence map")),
    ("guideline", _rx(r"\bguidelines?\b|\bconsensus (?:statement|recommendations?|report|conference)|"
                      r"\bposition (?:statement|paper|stand)|\brecommendations? (?:and rationale|statement)|\bpractice parameter|\brecommendations (?:for|on|from)\b")),
    ("economic evaluation", _rx(r"\bcost[- ](?:effective\w*|utility|benefit|minimi[sz]ation|analysis|consequence)|"
                                r"\beconomic (?:evaluation|analysis)|\bbudget impact")),
    ("qualitative", _rx(r"\bqualitative\b|\bfocus groups?\b|\binterview study|\bthematic analysis|\bphenomenolog\w*|"
                        r"\bgrounded theory|\bethnograph\w*|\blived experiences?")),
    ("diagnostic accuracy", _rx(r"\bdiagnostic (?:accuracy|performance|value|utility)|\bsensitivity and specificity|"
                                r"\baccuracy of (?:\w+ ){0,4}(?:in|for) (?:the )?(?:diagnos|detect)")),
    ("case series", _rx(r"\bcase series\b|\b(?:our|institutional|(?:a )?single[- ](?:cent(?:er|re)|institution)(?:'s)?|an institution's) experience\b|\bseries of (?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen) "
                        r"(?:cases|patients)|\b(?:\d{1,3}|three|four|five|six|seven|eight|nine|ten) cases\b")),
    ("case report", _rx(r"\bcase reports?\b|\bcase (?:study|presentation)\b|\b(?:a|an|one|two) (?:\w+ ){0,3}cases? of\b|"
                        r"\breport of (?:a|an|two) (?:\w+ ){0,3}cases?\b|\b\d{1,3}[- ](?:year|month|week|day)[- ]old\b|"
                        r"\bin a (?:patient|man|woman|child|boy|girl|neonate|newborn|infant)\b|\bunusual cause of\b|"
                        r"\b(?:of|in) (?:a|an|one|two) (?:\w+ ){0,2}(?:patients?|cases?|child|children|boys?|girls?|men|women|siblings)\b")),
    ("non-randomised controlled trial", _rx(r"\bnon-?randomi[sz]ed|\bquasi-?(?:experimental|randomi[sz]ed)|"
                                            r"\bnot randomi[sz]ed")),
    ("randomised controlled trial", _rx(r"\brandomi[sz]ed\b|\brandomi[sz]ation\b|\brct\b|\bcross-?over (?:trial|study)|"
                                       r"\bplacebo-controlled|\bdouble-?blind(?:ed)?\b")),
    ("non-randomised controlled trial", _rx(r"\bcontrolled (?:clinical )?trial\b|\bsingle-arm\b|\bopen-label\b|"
                                            r"\bphase (?:i{1,3}|[1-3])(?:/i{1,3}|/[1-3])?[ab]? (?:clinical )?(?:trial|study)|"
                                            r"\bclinical trial\b|\bpilot (?:trial|study)\b|\bfeasibility (?:trial|study)\b")),
    ("case-control", _rx(r"\bcase[- ]control(?:led)?\b|\bnested case")),
    ("cohort", _rx(r"\bcohort\b|\bprospective (?:\w+ ){0,2}(?:study|analysis|evaluation|observational)|"
                   r"\blongitudinal (?:\w+ )?(?:study|analysis)|\bfollow-?up study|\bregistry\b|\bregister-based|"
                   r"\bretrospective (?:\w+ ){0,2}(?:study|analysis|review|evaluation)|\bpopulation-based (?:study|analysis)")),
    ("cross-sectional", _rx(r"\bcross-?sectional\b|\bsurvey\b|\bprevalence (?:of|and)\b|\bquestionnaire (?:study|survey)")),
    ("narrative review", _rx(r"\breview\b|\boverview\b|\bdiagnosis and (?:management|treatment)\b|\ban approach to\b|\bcurrent (?:concepts?|understanding|status|state|treatments?|management|perspectives?|knowledge|trends|evidence|approaches|options|role|views?|insights)\b|"
                             r"\btreatment options\b|\bmanagement of\b|\bfrom (?:\w+ ){1,3}to (?:\w+ ){0,2}(?:treatment|therapy|clinic|bedside|knowledge|practice)|\b(?:therapeutic|potential) targets?\b|\bthe role of\b|\bstate of the art\b|\bcurrent concepts?\b|\brecent (?:advances|developments|progress)|"
                             r"\ban update\b|\bupdate on\b|\bperspectives?\b|\bprimer\b|\bwhere (?:are we|do we stand)|"
                             r"\bpast, present,? and future|\bunder(?:standing)?\b.*\bmechanisms\b$|\bemerging\b|\bnew insights\b|"
                             r"\bopportunities and challenges|\bchallenges and opportunities|\bnarrative\b")),
    ("lab/animal/experimental", _rx(r"\b(?:in|of) (?:rats?|mice|mouse|rabbits?|dogs?|pigs?|sheep|horses?|zebrafish|"
                                    r"drosophila|primates?)\b|\bmurine\b|\brat model|\bmouse model|\banimal model|\bin vitro\b|"
                                    r"\bin vivo\b|\bcadaver\w*|\bbiomechanical (?:study|analysis|evaluation)|\bcell lines?\b|"
                                    r"\bxenograft|\bhealthy (?:volunteers|subjects|participants)\b")),
    # Weak: how clinicians title a case ("A woman with ...", "... complicating ...", "rare", "mimicking").
    ("case report#weak", _rx(r"^\[?(?:an?|one) (?:\d+[- ]year[- ]old )?(?:woman|man|boy|girl|child|infant|patient|athlete|runner)\b|"
                             # "A congenital teratoma with cleft lip": an indefinite article, a condition and what came with it
                             r"^\[?an? (?!(?:new|novel|simple|practical|modified|review|model|comparison|study|survey|method)\b)(?:[\w-]+ ){1,4}(?:with|in an?|after|following|causing|presenting)\b|"
                             r"\bcomplicating\b|\bas a (?:rare |late |serious )?complication of\b|\b(?:rare|unusual|atypical|uncommon)\b|"
                             r"\bmimicking\b|\bmasquerading\b|\bpresenting (?:as|with)\b")),
)

_ABSTRACT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Not a bare "protocol for": treatment protocols ("the irrigation protocol for ...") are common.
    ("protocol", _rx(r"\b(?:this|the present|our) (?:study |trial )?protocol\b|\b(?:study|trial) protocol (?:describes|for)\b|"
                     r"\bprotocol (?:describes|of a|for a (?:\w+ ){0,3}(?:trial|study|review))\b|"
                     r"\bwill be (?:randomi[sz]ed|recruited|enrolled|allocated)\b")),
    ("meta-analysis", _rx(r"\bmeta-?analy[sz]\w*|\bpooled (?:analysis|estimates?|effect|results?|data)\b|"
                          r"\brandom[- ]effects? model|\bforest plot")),
    ("systematic review", _rx(r"\bsystematic(?:ally)? (?:\w+ )?(?:review|search|literature search|searched)|\bsearch strategy:|\bselection criteria:|"
                              r"\bdata collection and analysis:|\bdata sources:|\bstudy selection:|\bsearched (?:\w+ ){0,4}(?:databases?|medline|pubmed|embase|cinahl|cochrane)|"
                              r"\b(?:medline|pubmed|embase|cinahl|web of science|scopus)\b.{0,80}\b(?:were|was) searched|prisma\b|"
                              # A best-evidence topic: a structured search answering one clinical question.
                              r"\bbest evidence topic|\b(?:papers|articles) (?:were )?(?:found|identified) (?:using|by|with) the (?:reported )?search")),
    # Reporting included studies is what a systematic review does ("We included 13 trials (2653
    # participants)", "Four studies met the inclusion criteria"), even when the word "systematic" is missing.
    ("systematic review#2", _rx(r"\b(?:we )?(?:included|identified) (?:\w+ ){0,2}?(?:\d+|[a-z]+(?:-[a-z]+)?) (?:[\w-]+ ){0,3}?(?:trials|studies|rcts)\b|"
                                r"\b(?:trials|studies|rcts)\b[^.;]{0,60}?\b(?:were|was) included\b|\bmet (?:all |the |our )*(?:\w+ )?inclusion criteria\b|"
                                r"\b(?:included|inclusion) in (?:the|this) review\b|\b(?:eligible|suitable) for inclusion\b|"
                                r"\bthe included (?:trials|studies)\b|\b(?:trials|studies|rcts) (?:involving|enrolling|with a total of) (?:a total of )?\d|"
                                r"\bthis (?:updated )?review (?:includes|included)\b|\bupdate of this review\b")),
    ("scoping review", _rx(r"\bscoping review")),
    ("guideline", _rx(r"\b(?:this|these|the present|our) (?:clinical )?(?:practice )?guidelines?\b|\bguideline (?:panel|development group)|"
                      r"\bconsensus (?:statement|panel|was reached|process)|\bdelphi\b|\bpanel recommends?\b")),
    ("economic evaluation", _rx(r"\bcost-?effectiveness|\bcost[- ]utility|\bincremental cost|\bqaly|\bquality-adjusted life[- ]years?|\beconomic evaluation")),
    ("qualitative", _rx(r"\bqualitative\b|\bsemi-?structured interviews?|\bfocus groups?|\bthematic analysis|\binterpretative phenomenolog|\bgrounded theory")),
    ("diagnostic accuracy", _rx(r"\b(?:diagnostic accuracy|sensitivity and specificity|sensitivity,? specificity|positive predictive value|"
                                r"area under the (?:receiver operating characteristic |roc )?curve|likelihood ratios?)\b.{0,120}\b(?:reference standard|gold standard|diagnos)"
                                r"|\b(?:reference|gold) standard\b.{0,120}\b(?:sensitivity|specificity|accuracy)")),
    ("case report", _rx(r"\b(?:we|here we|this) (?:report|present|describe)s? (?:\w+ ){0,3}(?:a|an|the) (?:\w+ ){0,4}(?:case|patient)\b|"
                        # One or a few named people: "we describe a female neonate", "this article presents 2 young
                        # adult survivors", "we saw two unusual cases of children".
                        r"\b(?:we|this (?:article|paper|report)) (?:report|present|describe|saw|treated|encountered)s? (?:a|an|one|two|three|[23]) "
                        r"(?:[\w-]+ ){0,4}(?:cases?|patients?|m[ae]n|wom[ae]n|boys?|girls?|infants?|neonates?|newborns?|child(?:ren)?|survivors?|adults?|adolescents?)\b|"
                        r"\bwe (?:report|present|describe) (?:a|an|two|the) (?:\d+|\w+)[- ](?:year|month|week|day)[- ]old\b|"
                        r"\bwe (?:describe|report|present) (?:a|an) (?:\w+ ){0,4}(?:that|who) (?:presented|developed|had)\b")),
    ("case report#2", _rx(r"\b(?:case (?:report|presentation|description)|report of a case)\b|"
                          r"\b(?:such )?a (?:\w+ ){0,2}case (?:is|was) (?:presented|reported|described)|\bthe (?:first|second) (?:reported )?case\b|"
                          r"(?:^|[.:]\s*)a case of\b")),
    ("case report#3", _rx(r"\b(?:a|an) \d{1,3}[- ](?:year|month|week|day)s?[- ]old (?:\w+ ){0,3}(?:man|woman|male|female|boy|girl|patient|child|infant|neonate|gentleman|lady)\b")),
    ("case report#4", _rx(r"\b(?:in|of|to) (?:two|both|2) (?:\w+ )?(?:patients|cases|siblings|brothers|sisters)\b")),
    ("case series", _rx(r"\bcase series\b|\bsubjects? of this report\b|"
                        r"\b(?:\d{1,2}|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:\w+ ){0,2}(?:patients|children|cases|adults|men|women|infants)(?: with(?: [\w-]+){1,6}?)? (?:are|were) (?:described|reported|presented)\b|\bwe (?:report|present|describe) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen) (?:cases|patients)\b|"
                        r"\bretrospective(?:ly)? (?:review(?:ed)? (?:of )?)?(?:the )?(?:medical |clinical )?(?:records|charts|case notes) of (?:\d+|all)\b")),
    ("non-randomised controlled trial", _rx(r"\bnon-?randomi[sz]ed (?:controlled )?(?:trial|study|design|clinical)|\bquasi-?experimental|\bnot randomi[sz]ed")),
    ("randomised controlled trial", _rx(r"\b(?:were|was|being) (?:\w+ )?(?:randomi[sz]ed|randomly (?:assigned|allocated|divided))|"
                                        r"\brandomi[sz]ed(?:\s*,)? (?:[\w-]+(?:\s*,)? ){0,4}(?:trial|study|design)|\brandomly (?:assigned|allocated|divided)|"
                                        r"\brandomi[sz]ation\b|\brct\b|\bdouble-?blind(?:ed)?|\bplacebo-controlled|\bcross-?over (?:trial|design)|"
                                        r"\brandomi[sz]ed (?:to|into|between)\b|\brandomly\b|\bplacebo\b")),
    ("non-randomised controlled trial", _rx(r"\b(?:single-arm|open-label|uncontrolled) (?:\w+ )?(?:trial|study)|\bphase (?:i{1,3}|[1-3])[ab]? (?:clinical )?(?:trial|study)|"
                                            r"\bcontrolled (?:clinical )?trial\b|\bpilot (?:trial|study)\b|\bfeasibility (?:trial|study)\b|\b(?:pre-?post|before-and-after)\b")),
    ("case-control", _rx(r"\bcase[- ]control\b|\bmatched controls?\b")),
    ("cohort", _rx(r"\bcohort\b|\bprospective(?:ly)? (?:\w+ ){0,2}(?:study|followed|enrolled|recruited|collected|evaluation|analysis|design)|"
                   r"\blongitudinal (?:\w+ )?(?:study|design)|"
                   r"\bretrospective(?:ly)? (?:\w+ ){0,3}(?:study|analy[sz]ed|reviewed|evaluated|identified)|\bregistry\b|\bfollowed (?:up )?for\b|"
                   r"\bmedical records\b|\bdatabase\b.{0,60}\b(?:identified|analy[sz]ed)")),
    ("cross-sectional", _rx(r"\bcross-?sectional\b|\b(?:online |postal |national |web-based )?survey\b|\bquestionnaires? (?:was|were) (?:sent|distributed|administered|completed)")),
    # A small series of treated patients with no comparison group ("Sixteen patients underwent hyperbaric
    # oxygen", "three children with X were treated"): checked after every trial and cohort cue.
    ("case series#2", _rx(r"(?:^|[.:]\s+|\b(?:in|of|all|the) )(?:[2-9]|1\d|20|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty) (?:consecutive )?"
                          r"(?:patients|children|cases|adults|men|women|infants)(?: with(?: [\w-]+){1,6}?)? (?:\(\w+\) )?(?:underwent|were treated|received|were managed|were operated|had)\b")),
    ("narrative review", _rx(r"\b(?:this|the present|our|in this) (?:\w+ ){0,2}(?:review|overview|article reviews|update)\b|\bwe (?:\w+ )?(?:review|summari[sz]e|discuss|highlight|describe (?:recent|the current))\b|"
                             r"\b(?:is|are|will be|were) (?:briefly )?(?:reviewed|summari[sz]ed|discussed)\b|\breview(?:s|ed)? (?:the|recent|current)\b|"
                             r"\bhere,? we (?:\w+ )?(?:review|summari[sz]e|discuss|provide an overview)|\b(?:literature|narrative) review\b|\brecent (?:advances|progress|developments)")),
    ("lab/animal/experimental", _rx(r"\b(?:rats|mice|rabbits|dogs|pigs|sheep|zebrafish)\b|\bin vitro\b|\bcell lines?\b|\bcadaver\w*|\bxenograft|"
                                    r"\bhealthy (?:volunteers|subjects|young (?:adults|men|women))\b")),
)

# Cheap substring gates: an abstract rule runs only if one of its words occurs (most do not).
_GATES: dict[str, tuple[str, ...]] = {
    "protocol": ("protocol", "will be"),
    "meta-analysis": ("meta", "pooled", "random effect", "random-effect", "forest"),
    "systematic review": ("systematic", "search", "best evidence", "selection criteria", "data collection", "data sources",
                          "study selection", "prisma"),
    "systematic review#2": ("included", "inclusion", "this review", "involving", "enrolling", "with a total of"),
    "scoping review": ("scoping",),
    "guideline": ("guideline", "consensus", "delphi", "recommend"),
    "economic evaluation": ("cost", "qaly", "quality-adjusted", "economic"),
    "qualitative": ("qualitative", "interview", "focus group", "thematic", "phenomenolog", "grounded theory"),
    "diagnostic accuracy": ("standard",),
    "case report": ("we describe", "we report", "we present", "this report", "this describes", "this presents",
                    "we saw", "we treated", "we encountered", "this article", "this paper"),
    "case report#2": ("case",),
    "case report#3": ("-old", " old "),
    "case report#4": ("patients", "cases", "siblings", "brothers", "sisters"),
    "case series#2": ("patients", "children", "cases", "adults", "men", "women", "infants"),
    "case series": ("case series", "subject", "describe", "report", "present", "records", "charts", "case notes"),
    "non-randomised controlled trial": ("randomi", "quasi", "single-arm", "open-label", "uncontrolled", "phase",
                                        "controlled", "pilot", "feasibility", "pre-post", "prepost", "before-and-after"),
    "randomised controlled trial": ("random", "rct", "blind", "placebo", "cross"),
    "case-control": ("control",),
    "cohort": ("cohort", "prospective", "longitudinal", "retrospective", "registry", "followed", "medical records", "database"),
    "cross-sectional": ("cross", "survey", "questionnaire"),
    "narrative review": ("this", "our", "we ", "review", "summari", "discuss", "recent", "overview", "update"),
    "lab/animal/experimental": ("rats", "mice", "rabbits", "dogs", "pigs", "sheep", "zebrafish", "vitro", "cell line",
                                "cadaver", "xenograft", "healthy"),
}
_SYSTEMATIC_TEXT = _ABSTRACT_RULES[2][1]
_OWN_REVIEW = re.compile(r"\b(?:in )?this (?:\w+ )?review\b|\bthis article reviews\b|\bwe review (?:the )?(?:current|recent)")
_META_TEXT = _ABSTRACT_RULES[1][1]
_SCOPING_TEXT = re.compile(r"\bscoping review")
_RANDOM_TEXT = re.compile(r"\brandomi[sz]|\brandomly (?:assigned|allocated)|\brct\b")
_NONRANDOM_TEXT = re.compile(r"\bnon-?randomi[sz]|\bnot randomi[sz]|\bquasi-")
_OBS_DESIGNS = ("case-control", "cross-sectional", "cohort")

_MESH_DESIGN: tuple[tuple[str, str], ...] = (
    ("qualitative research", "qualitative"),
    ("focus groups", "qualitative"),
    ("cost-benefit analysis", "economic evaluation"),
    ("case-control studies", "case-control"),
    ("cross-sectional studies", "cross-sectional"),
    ("cohort studies", "cohort"),
    ("prospective studies", "cohort"),
    ("longitudinal studies", "cohort"),
    ("retrospective studies", "cohort"),
    ("follow-up studies", "cohort"),
)

# MeSH check tags: indexers tag every age group and sex studied, so exactly one of each (with
# "Humans" and no design heading) is the classic signature of a single-patient report.
_AGE_TAGS = ("infant, newborn", "infant", "child, preschool", "child", "adolescent", "young adult", "adult",
             "middle aged", "aged", "aged, 80 and over")


def _single_person_tags(mesh: set[str]) -> str:
    if "humans" not in mesh or ("male" in mesh) == ("female" in mesh):
        return ""
    ages = {("aged" if a == "aged, 80 and over" else a) for a in _AGE_TAGS if a in mesh}
    if len(ages) != 1:
        return ""
    return f"{'Male' if 'male' in mesh else 'Female'}, {next(iter(ages)).capitalize()}"


_WHERE = {"title": "title says", "abstract": "abstract says"}
# A title that reads as a study of an intervention or exposure ("Effects of X on Y in patients with Z").
_RESEARCH_TITLE = re.compile(r"\b(?:versus|vs\.?|compared (?:with|to)|comparison of|effects? of|efficacy of|effectiveness of|"
                             r"impact of|influence of|association (?:of|between)|in (?:patients|adults|people|subjects|women|men|children) with)\b")


# A title naming one clinical event and what caused it or when it happened ("Air embolism after lung
# biopsy", "... during lung transplantation"): used only when there is no abstract to read.
_EVENT_TITLE = re.compile(r"^\[?(?:[\w-]+ ){1,5}(?:after|following|during|due to|caused by|induced by|secondary to|complicating)\b")


def _quote(m: re.Match[str], original: str = "") -> str:
    """The matched words as the authors wrote them (offsets agree: Doc keeps lengths when lower-casing)."""
    text = original[m.start():m.end()] if original else m.group(0)
    return text.strip().rstrip(".,;:")


_TRIAL_DESIGNS = ("randomised controlled trial", "non-randomised controlled trial")
# The authors ran the trial: people "were randomised", "we enrolled" (not "randomised trials show").
_PRIMARY_TRIAL = re.compile(r"\b(?:were|was) (?:\w+ )?(?:randomi[sz]ed|randomly (?:assigned|allocated|divided)|enrolled|recruited)|"
                            r"\bwe (?:randomi[sz]ed|randomly assigned|enrolled|recruited)\b")
# Title cues too loose to overrule a clear statement of method in the abstract.
_WEAK_TITLE = {"narrative review", "lab/animal/experimental", "cross-sectional", "case report#weak"}


def text_design(doc: Doc) -> tuple[str, str, str] | None:
    """(design, where, quoted cue) from the title, else the abstract; None when nothing says."""
    weak = None
    for design, rx in _TITLE_RULES:
        m = rx.search(doc.title_l)
        if m:
            if design not in _WEAK_TITLE:
                return design, "title", _quote(m, doc.title)
            weak = (design.split("#")[0], "title", _quote(m, doc.title))
            break
    if doc.abstract:
        low = doc.abstract_l
        for rule, rx in _ABSTRACT_RULES:
            if not any(g in low for g in _GATES[rule]):
                continue
            m = rx.search(low)
            design = rule.split("#")[0]
            if m:
                if weak and design in _WEAK_TITLE and not (weak[0] == "case report" and design == "narrative review"):
                    return weak
                if (weak and weak[0] == "narrative review" and design in _TRIAL_DESIGNS
                        and not _PRIMARY_TRIAL.search(low)):
                    return weak  # a review title, and trials are only mentioned, not run by the authors
                return design, "abstract", _quote(m, doc.abstract)
    if weak and weak[0] == "case report" and doc.abstract:
        guess = style_design(doc)
        if guess and guess[0] != "case report":
            return None  # "rare" in the title, but the abstract reads as a review: let the style decide
    return weak


# Style cues for abstracts that name no design. A case report narrates one patient; a primary study
# reports people it studied and what it measured; a narrative review speaks in general statements.
# (substring gate, pattern): a pattern runs only when its gate occurs, which keeps this cheap.
_CASE_STYLE: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "the patient" counts only when narrated ("the patient was", "the patient's"): management advice
    # ("place the patient on high-flow oxygen") speaks of patients in general.
    ("patient", re.compile(r"\b(?:this|our) (?:\w+ )?patient\b(?!s)|\bthe (?:\w+ )?patient(?:'s| (?:\w+ )?(?:was|had|developed|underwent|"
                           r"received|died|recovered|complained|remained|\w+ed)\b)")),
    ("he ", re.compile(r"\b(?:he|she) (?:\w+ )?(?:was|had|developed|underwent|presented|received|complained|died|recovered|remained)\b")),
    ("presented", re.compile(r"\bpresented (?:to (?:\w+ ){1,3})?with\b|\bpresented as\b")),
    ("was ", re.compile(r"\bwas (?:admitted|referred)\b")),
    ("his ", re.compile(r"\bhis (?:\w+ )?(?:history|symptoms|condition|mother|father|examination|\w+scopy|ct|mri)\b")),
    ("her ", re.compile(r"\bher (?:\w+ )?(?:history|symptoms|condition|mother|father|examination|\w+scopy|ct|mri)\b")),
    ("year-old", re.compile(r"\byear-old\b")),
    ("case", re.compile(r"\bcase\b(?!s| series| fatality)")),
    ("complain", re.compile(r"\bchief(?:ly)? complain")),
    ("diagnosis:", re.compile(r"^diagnosis:", re.M)),
    ("examination", re.compile(r"\bon (?:physical )?examination\b")),
    ("no p", re.compile(r"\bno (?:previous|prior) (?:descriptions?|reports?|cases?)\b")),
)
_EMPIRICAL_STYLE = re.compile(
    r"\b(?:n|N) ?= ?\d|\bp ?[<=>] ?0?\.\d|\d+(?:\.\d+)? ?%|\b\d+ (?:patients|participants|subjects|children|adults|women|men|"
    r"individuals|cases|persons|people|volunteers|respondents|eyes|knees|shoulders)\b|"
    r"\bwe (?:found|observed|measured|enrolled|included|recruited|analy[sz]ed|studied|investigated|examined|compared|assessed|evaluated|identified|performed)\b|"
    r"\b(?:were|was) (?:enrolled|included|recruited|studied|assessed|measured|analy[sz]ed|examined|compared|followed|collected|evaluated|treated)\b|"
    r"\bsignificant(?:ly)?\b|^results:", re.M)
_REVIEW_STYLE = re.compile(
    r"\brecent(?:ly)?\b|\bcurrent(?:ly)?\b|\badvances?\b|\bhas been (?:reported|shown|suggested|proposed)|\bstudies (?:have|suggest|show)|"
    r"\bliterature\b|\b(?:is|are) discussed\b|\bwe (?:discuss|describe|summari[sz]e|highlight|propose|hypothesi[sz]e|speculate|focus)\b|"
    r"\bthis (?:paper|article|chapter)\b|\bhighlights?\b|\bfuture\b|\bmay\b|\bemerging\b|\bknowledge\b|\bunderstanding\b|"
    # General statements in the present tense ("X is a rare disease", "they are often ..."): how reviews
    # write; primary studies report what they did and found in the past tense.
    r"\b(?:is|are) (?:a|an|now|often|usually|commonly|mainly|relatively|increasingly|still|thought|believed|considered)\b")


def style_design(doc: Doc) -> tuple[str, str] | None:
    """A guess from how the abstract is written, when it names no design: (design, reason) or None."""
    text = doc.abstract_l
    case = sum(len(rx.findall(text)) for gate, rx in _CASE_STYLE if gate in text)
    found = _EMPIRICAL_STYLE.findall(text)
    # Percentages and "significant" appear in reviews too ("15% of cases"): half weight.
    weak = sum(1 for f in found if f.endswith("%") or f.startswith("significant"))
    emp = (len(found) - weak) + weak / 2
    rev = len(_REVIEW_STYLE.findall(text))
    if case >= 2 and case > emp:
        return "case report", f"no design named; the abstract narrates a single patient ({case} cues such as 'the patient', 'year-old')"
    if emp >= 2 or emp > rev:
        return None  # a primary study of a kind we cannot name
    if rev >= 1 or (emp == 0 and len(doc.sentences) >= 2):
        return "narrative review", ("no design named; the abstract reads as a review: general statements, "
                                    "no participants or measured results reported")
    return None


def _reason(design: str, where: str, cue: str) -> str:
    return f"{_WHERE[where]} '{cue[:80]}'"


def classify_design(doc: Doc) -> tuple[str, list[str]]:
    """The design label and the reasons for it, strongest signal first."""
    reasons: list[str] = []
    pts = doc.pub_types
    decisive = design_from_publication_types(pts)
    text = None  # computed lazily: most PubMed records with a decisive type never need it

    if decisive:
        design, pt = decisive
        reasons.append(f"PubMed publication type '{_PT_DISPLAY.get(pt, pt)}'")
        if design == "guideline":
            return design, reasons
        if design == "randomised controlled trial":
            # A trial's protocol is sometimes typed as the trial itself.
            text = text_design(doc)
            if text and text[0] == "protocol" and text[1] == "title":
                reasons.insert(0, _reason(*text))
                return "protocol", reasons
        return design, reasons

    review_pt = next((p for p in _PT_REVIEW if p in pts), None)
    if review_pt:
        blob = doc.title_l + "\n" + doc.abstract_l
        if _META_TEXT.search(blob) and "meta" in blob:
            reasons += ["PubMed publication type 'Review'", "the text reports a meta-analysis"]
            return "meta-analysis", reasons
        if _SCOPING_TEXT.search(blob):
            reasons += ["PubMed publication type 'Review'", "the text says 'scoping review'"]
            return "scoping review", reasons
        m = _SYSTEMATIC_TEXT.search(blob)
        if m:
            reasons += ["PubMed publication type 'Review'", f"the text says '{_quote(m)}' (a systematic search)"]
            return "systematic review", reasons
        reasons += ["PubMed publication type 'Review'", "no systematic search described: a narrative review"]
        return "narrative review", reasons

    trial_pt = next((p for p in _PT_TRIAL if p in pts), None)
    if trial_pt and trial_pt != "multicenter study":
        blob = doc.title_l + "\n" + doc.abstract_l
        label = f"PubMed publication type '{trial_pt.title()}'"
        if _NONRANDOM_TEXT.search(blob):
            return "non-randomised controlled trial", [label, "the text says the allocation was not randomised"]
        if _RANDOM_TEXT.search(blob):
            return "randomised controlled trial", [label, "the text says participants were randomised"]
        return "non-randomised controlled trial", [label, "the text does not say the allocation was randomised"]

    text = text_design(doc)
    obs_pt = next((p for p in _PT_OBSERVATIONAL if p in pts), None)
    if obs_pt:
        label = "PubMed publication type 'Observational Study'"
        if text and text[0] in _OBS_DESIGNS + ("case series",):
            return text[0], [label, _reason(*text)]
        return "cohort", [label, "no finer design named in the text: taken as a cohort study"]

    if text and text[0] == "narrative review" and doc.abstract and not _OWN_REVIEW.search(doc.abstract_l):
        # "The literature is reviewed" closes many case reports: a narrated patient outranks it
        # (but not "in this review": then the authors say what they wrote).
        guess = style_design(doc)
        if guess and guess[0] == "case report":
            return "case report", [guess[1], _reason(*text) + ", but a single patient is described"]
    if text and text[0] not in ("lab/animal/experimental", "narrative review"):
        return text[0], [_reason(*text)]
    # MeSH design headings are indexers' judgements: better than a weak text cue.
    for term, design in _MESH_DESIGN:
        if term in doc.mesh:
            return design, [f"MeSH heading '{term.title()}'"]
    single = _single_person_tags(doc.mesh)
    if single and not (text and text[0] == "narrative review" and _OWN_REVIEW.search(doc.abstract_l)):
        return "case report", [f"MeSH check tags name one sex and one age group ('{single}'): "
                               "the indexers described a single patient"]
    animals_only = "animals" in doc.mesh and "humans" not in doc.mesh
    if animals_only:
        return "lab/animal/experimental", ["MeSH 'Animals' without 'Humans': an animal study"]
    if text:
        return text[0], [_reason(*text)]
    if doc.abstract:
        guess = style_design(doc)
        if guess:
            return guess[0], [guess[1]]
        return "other", ["no design named in the publication types, title or abstract"]
    m = _RESEARCH_TITLE.search(doc.title_l)
    if m:
        return "other", [f"no abstract, and the title ('{_quote(m, doc.title)}') reads as a study but names no design"]
    if doc.record.source_format not in ("pubmed-xml", "medline"):
        # Reference-manager exports often drop abstracts: a missing abstract says nothing there.
        return "other", ["no abstract in this record and no design named in the title"]
    m = _EVENT_TITLE.search(doc.title_l)
    if m:
        return "case report", [f"no abstract, and the title names one clinical event and its cause or setting "
                               f"('{_quote(m, doc.title)}'), as case reports do"]
    year = doc.record.year
    if year is None or year >= 1995:
        # Research articles and reviews have carried abstracts since the 1990s; items without one
        # are mostly letters, editorials, comments and news.
        return "editorial/commentary/letter", [
            "no abstract and no design named in the title: most recent items without an abstract are "
            "letters, editorials or comments"]
    return "other", ["no abstract and no design named in the publication types or title"]
