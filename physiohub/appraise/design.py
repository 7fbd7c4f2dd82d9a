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


# "a 45-year-old man" is one person; "9-10 year old children" or "6-year-old boys" is a group of the
# study's age (an age range before it, a plural group noun after it): no case report.
_GROUP_NOUNS = (r"(?:children|kids|boys|girls|adolescents|teenagers|youths?|students|pupils|patients|participants|adults|"
                r"men|women|people|persons|individuals|subjects|athletes|players|runners|infants|toddlers|twins|volunteers|"
                r"populations?|cohorts?|schoolchildren)")
_ONE_AGE = (r"(?<!\d[-\u2013])(?<!\d to )(?<!\d- to )\b\d{1,3}[- ](?:year|month|week|day)[- ]old\b"
            rf"(?! (?:[\w-]+ ){{0,3}}?{_GROUP_NOUNS}\b)")

# (design, regex, plain description). Checked in order within the title, then within the abstract;
# the order settles overlaps: "protocol for a systematic review" is a protocol, "cost-effectiveness
# alongside a randomised trial" an economic evaluation, "case report and review of the literature"
# a case report, "comment on: a randomised trial" a comment.
_TITLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("editorial/commentary/letter", _rx(r"^(?:re:|reply|in reply|response to|comment(?:ary)? on|letter to the editor|"
                                        r"editorial\b|erratum|correction to|corrigendum|author(?:s'|'s)? reply)"
                                        r"|\b(?:a )?(?:comment|commentary|editorial|reply|letter)\s*$"
                                        r"|\[(?:comment|editorial|letter)\]")),
    ("protocol", _rx(r"\bprotocol\b|\bdesign and rationale\b|\brationale and design\b|\bstudy design and methods\b|"
                     r"\bconcept (?:of|for) (?:a|an|the) (?:[\w-]+ ){0,2}(?:study|trial)\b|\bstudy concept\b")),
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
    # Validating a test, questionnaire or scale is a diagnostic-accuracy study (reliability and validity
    # are what such a study measures).
    ("diagnostic accuracy", _rx(r"\bdiagnostic (?:accuracy|performance|value|utility)|\bsensitivity and specificity|"
                                r"\bpsychometric (?:properties|evaluation|validation|testing|analysis|assessment)|"
                                r"\b(?:inter|intra)-?(?:rater|observer|tester|examiner)\b|"
                                r"\b(?:new|novel|simple|brief|short|rapid) (?:\w+ )?(?:screening|diagnostic) (?:questionnaire|tool|test|instrument)s?\b|"
                                r"\b(?:screening|diagnostic) (?:questionnaire|tool|test|instrument)s? (?:to|for) (?:identify|detect|diagnos)|"
                                r"\baccuracy of (?:\w+ ){0,4}(?:in|for) (?:the )?(?:diagnos|detect)")),
    # "Validation of the X questionnaire": only when a test, tool or measurement is what is validated
    # ("preclinical validation of a drug" is not a diagnostic study).
    ("diagnostic accuracy#validation", _rx(r"\b(?:validation|validity|reliability|reproducibility)\b")),
    ("case series", _rx(r"\bcase series\b|\b(?:our|institutional|(?:a )?single[- ](?:cent(?:er|re)|institution)(?:'s)?|an institution's) experience\b|\bseries of (?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen) "
                        r"(?:cases|patients)|\b(?:\d{1,3}|three|four|five|six|seven|eight|nine|ten) cases\b")),
    ("case report", _rx(r"\bcase reports?\b|\bcase (?:study|presentation)\b|\b(?:a|an|one|two) (?:\w+ ){0,3}cases? of\b|"
                        r"\breport of (?:a|an|two) (?:\w+ ){0,3}cases?\b|" + _ONE_AGE + "|"
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
                                    r"drosophila|primates?)\b|\bbasic science\b|\b(?:laboratory|animal|in vitro) study\b|\bmurine\b|\brat model|\bmouse model|\banimal model|\bin vitro\b|"
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
                          r"\bpooled (?:\w+ ){0,2}?(?:hrs?|ors?|rrs?|odds ratios?|risk ratios?|hazard ratios?|relative risks?|mean differences?)\b|"
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
    # The study sets out to validate a test, questionnaire or scale, or measures its reliability.
    ("diagnostic accuracy#2", _rx(r"\bwe (?:\w+ )?(?:developed and |have )?validated (?:the |a |an |our )?(?:[\w-]+ ){0,4}(?:questionnaire|tool|scale|"
                                  r"instrument|test|score|index|criteria|measure|version|method|classification)s?\b|"
                                  r"\b(?:aims?|purposes?|objectives?|goals?)\b[^.;]{0,60}?\b(?:was|were|is|are) to (?:\w+ )?(?:develop and )?"
                                  r"(?:validate (?:the |a |an )?(?:[\w-]+ ){0,5}?(?:questionnaire|tool|scale|instrument|test|score|index|criteria|"
                                  r"measure|version|classification|method|device)s?\b|"
                                  r"(?:evaluate|assess|determine|examine|investigate|establish|test|estimate|compare) "
                                  r"(?:the )?(?:[\w-]+ )?(?:reliability|validity|reproducibility|diagnostic|accuracy|sensitivity|psychometric))")),
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
    # Animals as the subjects ("forty rats were randomly assigned"): an animal experiment, not a trial in people.
    ("lab/animal/experimental#1", _rx(r"\b(?:rats|mice|rabbits|dogs|pigs|piglets|sheep|horses|zebrafish|monkeys|primates|guinea pigs)\b"
                                      r"[^.;]{0,40}?\b(?:were|was) (?:\w+ )?(?:randomi[sz]ed|randomly (?:assigned|allocated|divided)|assigned|allocated|divided)\b")),
    ("non-randomised controlled trial", _rx(r"\bnon-?randomi[sz]ed (?:controlled )?(?:trial|study|design|clinical)|\bquasi-?experimental|\bnot randomi[sz]ed|"
                                            r"\b(?:interrupted )?time[- ]series\b|\bhistorical controls?\b|\bcontrolled before[- ]and[- ]after\b")),
    ("randomised controlled trial", _rx(r"\b(?:were|was|being) (?:\w+ )?(?:randomi[sz]ed|randomly (?:assigned|allocated|divided))|"
                                        r"\brandomi[sz]ed(?:\s*,)? (?:[\w-]+(?:\s*,)? ){0,4}(?:trial|study|design)|\brandomly (?:assigned|allocated|divided)|"
                                        r"\brandomi[sz]ation\b|\brct\b|\bdouble-?blind(?:ed)?|\bplacebo-controlled|\bcross-?over (?:trial|design)|"
                                        r"\brandomi[sz]ed (?:to|into|between)\b|"
                                        # random sampling is not allocation, unless the sample is chosen "to receive" something
                                        r"\brandomly\b(?! (?:selected|sampled|chosen|drawn|invited|recruited|identified|picked)\b"
                                        r"(?! (?:to|for) (?:receive|consume|undergo|take|get|be|have|use|eat|drink|perform)\b))|"
                                        r"\bplacebo\b")),
    # A treated series with no comparison group ("in an open-label study"); a comparison group or a
    # "trial" by name keeps it a non-randomised trial (next rule).
    ("case series#3", _rx(r"\b(?:open-label|open|uncontrolled|single-group|single-arm) (?:\w+ )?(?:study|series)\b")),
    ("non-randomised controlled trial", _rx(r"\b(?:single-arm|open-label|uncontrolled) (?:\w+ )?(?:trial|study)|\bphase (?:i{1,3}|[1-3])[ab]? (?:clinical )?(?:trial|study)|"
                                            r"\bcontrolled (?:clinical )?trial\b|\bpilot (?:trial|study)\b|\bfeasibility (?:trial|study)\b|\b(?:pre-?post|before-and-after)\b")),
    # Animals and cells before any observational design: a study of rats is not a cohort.
    ("lab/animal/experimental#2", _rx(r"\b(?:rats|mice|rabbits|dogs|pigs|piglets|sheep|horses|zebrafish|monkeys|primates|guinea pigs)\b"
                                      r"[^.;]{0,40}?\b(?:were|was) (?:\w+ )?(?:treated|injected|fed|randomi[sz]ed|assigned|divided|exposed|"
                                      r"housed|an(?:a|e)sthetized|anaesthetised|killed|sacrificed|euthani[sz]ed|immuni[sz]ed|given|used|subjected|operated|allocated)|"
                                      r"\b(?:in|of|using) (?:\w+ ){0,2}(?:rats|mice|rabbits|pigs|sheep|mouse|rat) (?:model|models)\b|"
                                      r"\b(?:cell lines?|cell cultures?|cultured (?:\w+ )?cells|explants?|western blot\w*|chondrocytes|osteoblasts|"
                                      r"osteoclasts|myoblasts|myotubes|tenocytes|sirna|transfect\w*|knock-?out mice|xenografts?)\b")),
    # Testing how well clinical tests or a tool pick out a condition, checked after the trials.
    ("diagnostic accuracy#3", _rx(r"\b(?:\d+(?:\.\d+)?(?:[-\u2013]\d+(?:\.\d+)?)? ?%|high|good|excellent|low|poor) "
                                  r"(?:sensitivity|specificity)\b[^.;]{0,120}?\b(?:sensitivity|specificity)\b|"
                                  r"\b(?:sensitivity|specificity) (?:of|was|were) \d[^.;]{0,80}?\b(?:sensitivity|specificity)\b|"
                                  r"\b(?:clinical|diagnostic|screening|provocative|special|physical examination|orthop(?:a)?edic) tests?\b"
                                  r"[^.]{0,200}?\b(?:predictive|sensitivity|specificity|likelihood ratios?|diagnos\w*|accura\w*)|"
                                  r"\b(?:test-retest|inter-?(?:rater|observer|tester|examiner)|intra-?(?:rater|observer|tester|examiner)) "
                                  r"(?:reliability|agreement|reproducibility)\b|"
                                  r"\b(?:predictive|sensitivity|specificity|likelihood ratios?|diagnos\w*|accura\w*)\b[^.]{0,200}?"
                                  r"\b(?:clinical|diagnostic|screening|provocative|special|physical examination|orthop(?:a)?edic) tests?\b")),
    ("case-control", _rx(r"\bcase[- ]control\b|\bmatched controls?\b")),
    ("cohort", _rx(r"\bcohort (?:study|studies|design|analysis)\b|\b(?:prospective|retrospective|population-based|longitudinal|observational|"
                   r"birth|inception|historical|matched|community-based|national|occupational|ongoing|large) (?:\w+ )?cohort\b|"
                   r"\bcohort\b[^.;]{0,80}?\b(?:was|were) followed\b|\bprospective(?:ly)? (?:\w+ ){0,2}(?:study|followed|enrolled|recruited|collected|evaluation|analysis|design)|"
                   r"\blongitudinal (?:\w+ )?(?:study|design)|"
                   r"\bretrospective(?:ly)? (?:\w+ ){0,3}(?:study|analy[sz]ed|reviewed|evaluated|identified)|\bregistry\b|\bfollowed (?:up )?for\b|"
                   r"\bmedical records\b|\bdatabase\b.{0,60}\b(?:identified|analy[sz]ed)")),
    ("cross-sectional", _rx(r"\bcross-?sectional\b|\b(?:online |postal |national |web-based )?survey\b|\bquestionnaires? (?:was|were) (?:sent|distributed|administered|completed)|"
                            r"\bstructured questionnaire\b|\binterviewed by (?:tele)?phone\b|\btelephone (?:interviews?|survey)\b|\bmailed questionnaire")),
    # A sample described at one time: own-data prevalence, a community or population sample.
    ("cross-sectional#2", _rx(r"\bprevalence (?:of [^.;]{0,80}?)?(?:was|were|is|of|ranged from) (?:\w+ )?\d|"
                              r"\bprevalent in (?:our|this|the) (?:study )?(?:cohort|sample|population|participants|group)|"
                              r"\b(?:community|population-based|nationally representative|representative|general population) sample\b")),
    # "our study cohort", "in an unselected cohort of": a group of people, not a follow-up design.
    ("cohort#2", _rx(r"\bcohort\b")),
    # A small series of treated patients with no comparison group ("Sixteen patients underwent hyperbaric
    # oxygen", "three children with X were treated"): checked after every trial and cohort cue.
    ("case series#2", _rx(r"(?:^|[.:]\s+|\b(?:in|of|all|the) )(?:[2-9]|1\d|20|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty) (?:consecutive )?"
                          r"(?:patients|children|cases|adults|men|women|infants)(?: with(?: [\w-]+){1,6}?)? (?:\(\w+\) )?(?:underwent|were treated|received|were managed|were operated|had)\b")),
    ("narrative review", _rx(r"\b(?:this|the present|our|in this) (?:\w+ ){0,2}(?:review|overview|article reviews|update)\b|\bwe (?:\w+ )?(?:review|summari[sz]e|discuss|highlight|describe (?:recent|the current))\b|"
                             r"\b(?:is|are|will be|were) (?:briefly )?(?:reviewed|summari[sz]ed|discussed)\b|\breview(?:s|ed)? (?:the|recent|current)\b|"
                             r"\bhere,? we (?:\w+ )?(?:review|summari[sz]e|discuss|provide an overview)|\b(?:literature|narrative) review\b|\brecent (?:advances|progress|developments)")),
    ("lab/animal/experimental", _rx(r"\b(?:rats|mice|rabbits|dogs|pigs|sheep|zebrafish)\b|\bin vitro\b|\bcell lines?\b|\bcadaver\w*|\bxenograft|"
                                    r"\bhealthy (?:volunteers|subjects|young (?:adults|men|women))\b|"
                                    # healthy people tested under set conditions: an experiment, not a clinical study
                                    r"\b(?:subjects|volunteers|participants|adults|individuals)\b[^.;]{0,80}?\b(?:with no|without any) "
                                    r"(?:\w+ )?(?:history|evidence|signs?|known)\b|"
                                    r"\b(?:tested|measured|studied) (?:over|in|on|during) (?:two|three|four|[2-4]) (?:separate )?(?:sessions|occasions)\b")),
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
    "diagnostic accuracy#2": ("validat", "reliab", "validity", "reproducib", "diagnostic", "accura", "sensitivity", "psychometric"),
    "diagnostic accuracy#3": ("sensitivity", "specificity", "test", "rater", "observer", "tester", "examiner"),
    "lab/animal/experimental#1": ("rats", "mice", "rabbits", "dogs", "pigs", "piglets", "sheep", "horses", "zebrafish", "monkeys",
                                  "primates"),
    "lab/animal/experimental#2": ("rats", "mice", "rabbits", "dogs", "pigs", "piglets", "sheep", "horses", "zebrafish", "monkeys",
                                  "primates", "model", "cell", "explant", "western", "chondrocytes", "osteo", "myo", "tenocytes",
                                  "sirna", "transfect", "knock", "xenograft"),
    "case series#3": ("open", "uncontrolled", "single-group", "single-arm"),
    "cross-sectional#2": ("prevalen", "sample"),
    "cohort#2": ("cohort",),
    "case report": ("we describe", "we report", "we present", "this report", "this describes", "this presents",
                    "we saw", "we treated", "we encountered", "this article", "this paper"),
    "case report#2": ("case",),
    "case report#3": ("-old", " old "),
    "case report#4": ("patients", "cases", "siblings", "brothers", "sisters"),
    "case series#2": ("patients", "children", "cases", "adults", "men", "women", "infants"),
    "case series": ("case series", "subject", "describe", "report", "present", "records", "charts", "case notes"),
    "non-randomised controlled trial": ("randomi", "quasi", "single-arm", "time series", "time-series", "historical control", "open-label", "uncontrolled", "phase",
                                        "controlled", "pilot", "feasibility", "pre-post", "prepost", "before-and-after"),
    "randomised controlled trial": ("random", "rct", "blind", "placebo", "cross"),
    "case-control": ("control",),
    "cohort": ("cohort", "prospective", "longitudinal", "retrospective", "registry", "followed", "medical records", "database"),
    "cross-sectional": ("cross", "survey", "questionnaire", "interviewed by", "telephone"),
    "narrative review": ("this", "our", "we ", "review", "summari", "discuss", "recent", "overview", "update"),
    "lab/animal/experimental": ("rats", "mice", "rabbits", "dogs", "pigs", "sheep", "zebrafish", "vitro", "cell line",
                                "cadaver", "xenograft", "healthy", "with no", "without any", "sessions", "occasions"),
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


_WHERE = {"title": "title says", "abstract": "abstract says", "statement": "the abstract states the design:"}
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


# --- an explicit design statement ---------------------------------------------------------------
# Named designs only: "prospective study" or "pilot study" say when or how big, not which design.
_STATED_TERMS: tuple[tuple[str, str], ...] = (
    ("meta-analysis", r"meta-?analy[sz][ie]s|meta-?regression"),
    ("systematic review", r"systematic(?:ally)? (?:literature )?review|umbrella review"),
    ("scoping review", r"scoping review"),
    ("economic evaluation", r"economic evaluation|cost-?(?:effectiveness|utility|benefit) (?:analysis|study|evaluation)"),
    ("qualitative", r"qualitative (?:[\w-]+ ){0,2}?(?:study|design|research|approach|methods?|analysis|inquiry|interviews?)|"
                    r"(?:semi-?structured|in-depth) interviews?|focus groups?|phenomenological (?:study|approach)|grounded theory"),
    ("diagnostic accuracy", r"(?:diagnostic (?:test )?accuracy|validation|validity|reliability|psychometric|accuracy) (?:study|design|analysis)"),
    ("non-randomised controlled trial", r"(?:non-?randomi[sz]ed|quasi-?randomi[sz]ed|quasi-?experimental|controlled before-and-after|"
                                        r"single-arm|uncontrolled)[- ](?:[\w-]+,? ){0,3}?(?:trial|study|design)|(?:interrupted )?time[- ]series (?:design|study|analysis)"),
    ("randomised controlled trial", r"(?<!non-)(?<!non)(?<!quasi-)randomi[sz]ed,? (?:[\w-]+,? ){0,5}?(?:trial|study|design)|rct"),
    ("case-control", r"(?:matched |nested )?case-?control (?:study|design|analysis)"),
    ("cohort", r"(?:[\w-]+ )?cohort (?:study|design|analysis)"),
    ("cross-sectional", r"cross-?sectional (?:[\w-]+ ){0,2}?(?:study|survey|design|analysis)|"
                        r"(?:online |postal |mailed |web-based |telephone |national |questionnaire |cross-sectional )?survey"),
    ("case series", r"case[- ]series"),
    ("case report", r"case report"),
)
_TERMS = "|".join(f"(?P<t{i}>{rx})" for i, (_, rx) in enumerate(_STATED_TERMS))
# Words that may sit between the frame and the design ("this prospective, multicentre cohort study"),
# but not words that make the design someone else's ("this review of randomised trials").
_GAP = (r"(?:(?!(?:review\w*|overview|of|in|with|from|on|for|using|within|alongside|nested|among|between|article|paper|"
        r"chapter|summar\w+|discuss\w*|describ\w*|previous|earlier|future|further|no|not|unlike)\b)[\w-]+,? ){0,4}?")
_STATED = re.compile(
    rf"\b(?:this|the present|the current|our|(?:(?:we|authors?) (?:\w+ )?(?:conducted|performed|carried out|undert(?:ook|aken)|did|designed|used)|"
    rf"(?:conducted|performed|carried out|undertaken|designed) as|(?:the|this|our) (?:present |current )?(?:study|trial|research|work|project) "
    rf"(?:was|is|used|uses)) (?:a|an)) {_GAP}(?:{_TERMS})\b")
_STATED_AFTER = re.compile(rf"\b(?:{_TERMS}) (?:was|were) (?:conducted|performed|carried out|undertaken|done|designed|used)\b")
# A methods section that opens by naming its design ("METHODS: A non-randomised controlled trial targeted ...").
_OPENS_WITH = re.compile(rf"^(?:an?) {_GAP}(?:{_TERMS})\b")
_DESIGN_LABEL = re.compile(r"(?:^|\n|[.:]\s+|\s{2,})(?:STUDY DESIGN|DESIGNS?|DESIGN(?:,? (?:AND )?(?:SETTINGS?|PARTICIPANTS|METHODS|PATIENTS))+)"
                           r"\s*:?\s+(?=[A-Za-z])(?P<s>[^\n]{3,300}?)(?:\.(?=\s|$)|\n|$)")
_TERMS_RX = re.compile(_TERMS)
_OBSERVATIONAL_STATED = ("cohort", "cross-sectional", "case-control")
_ALLOCATED = re.compile(r"\b(?:were|was) (?:\w+ )?(?:randomi[sz]ed|randomly (?:assigned|allocated|divided))\b|\bwe randomi[sz]ed\b|"
                        r"\brandomi[sz]ed (?:to|into|between)\b")
# The groups compared are the arms of a randomisation ("the effects of randomized glycemic control strategy",
# "analysed by intention to treat", "were randomly assigned"), not exposures people chose.
_RANDOMISED_COMPARISON = re.compile(
    _ALLOCATED.pattern + r"|\b(?:effects?|impact) of (?:the )?randomi[sz]ed (?:[\w-]+ ){0,3}?(?:strateg(?:y|ies)|treatments?|"
    r"assignments?|allocations?|arms?|interventions?|therap(?:y|ies))\b|\bby randomi[sz]ed (?:treatment |group )?(?:assignment|allocation|arm|group)\b|"
    r"\bintention[- ]to[- ]treat\b")
_REVIEW_DESIGNS = ("meta-analysis", "systematic review", "scoping review")
_KEEP_TITLE = {"protocol", "editorial/commentary/letter", "economic evaluation", "meta-analysis"}


def _term_design(m: re.Match[str]) -> str:
    return next(_STATED_TERMS[int(k[1:])][0] for k, v in m.groupdict().items() if v is not None and k.startswith("t"))


def stated_design(doc: Doc) -> tuple[str, str] | None:
    """(design, the authors' words) when the abstract states its design: a DESIGN section ("DESIGN:
    Cross-sectional study using a mailed survey") or a sentence ("In this randomised controlled trial",
    "We conducted a cross-sectional survey"). None when it names none."""
    if not doc.abstract:
        return None
    statements = [sec.text for sec in doc.record.abstract_sections if "design" in sec.label.lower()]
    statements += [m.group("s") for m in _DESIGN_LABEL.finditer(doc.abstract)]
    for text in statements:
        m = _TERMS_RX.search(text.lower())
        if m:
            design = _term_design(m)
            if design == "systematic review" and "meta-analy" in text.lower():
                design = "meta-analysis"
            return design, text.strip()[:120]
    for sec in doc.record.abstract_sections:
        if "method" in sec.label.lower() or "design" in sec.label.lower():
            m = _OPENS_WITH.match(sec.text.strip().lower())
            if m:
                return _term_design(m), _quote(m, sec.text.strip())
    low = _without_future(doc.abstract_l)
    found = [m for m in (_STATED.search(low), _STATED_AFTER.search(low)) if m]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    design = _term_design(m)
    if design not in _REVIEW_DESIGNS and _INCLUDED_STUDIES.search(low):
        return None  # a review describing one of its included studies ("the first study was a randomised trial")
    if design in _OBSERVATIONAL_STATED and _ALLOCATED.search(low):
        return None  # "we conducted a baseline survey ... communities were randomised": the survey measures a trial
    return design, _quote(m, doc.abstract)


# Sentences that call for more research ("Further placebo-controlled trials might confirm ...") name a
# design the authors did not use: blanked (same length, so offsets still fit) before the rules read the text.
_FUTURE = re.compile(r"[^.\n]*\b(?:further|future|larger|additional|more|new|longer|well-designed|high-quality) (?:[\w-]+,? ){0,5}?"
                     r"(?:trials?|studies|research|rcts?|investigations?)\b[^.\n]*\b(?:needed|required|warranted|necessary|should|"
                     r"might|may|could|would|recommended|to confirm|to determine|to clarify|to establish)\b[^.\n]*")


def _without_future(low: str) -> str:
    if not any(w in low for w in ("further", "future", "larger", "additional", "more ", "new ", "longer", "well-designed", "high-quality")):
        return low
    return _FUTURE.sub(lambda m: " " * len(m.group(0)), low)


_INCLUDED_STUDIES = re.compile(r"\b(?:we )?(?:included|identified) (?:\w+ ){0,2}?(?:\d+|[a-z]+) (?:[\w-]+ ){0,3}?(?:trials|studies|rcts)\b|"
                               r"\b(?:met|fulfill?ed) (?:all |the |our )*(?:\w+ )?inclusion criteria\b|\bthe included (?:trials|studies)\b|"
                               r"\b(?:included|inclusion) in (?:the|this) review\b|\b(?:studies|trials) (?:were|was) included\b")
# A comparison group: without one an open-label study is a treated series.
_COMPARISON = re.compile(r"\bcontrol (?:group|arm|subjects|participants|patients|condition)s?\b|\bcontrols\b|\bplacebo\b|\bsham\b|"
                         r"\busual care\b|\bwaiting[- ]list\b|\bwait-list\b|\bversus\b|\bvs\.?\s|\bcompared (?:with|to) (?:a |the )?"
                         r"(?:control|placebo|usual|standard|no treatment|conventional)")
_REVIEW_WORDS = re.compile(r"\b(?:in )?this (?:\w+ )?review\b|\bwe (?:\w+ )?(?:review|summari[sz]e|discuss)\b|\b(?:is|are) (?:briefly )?(?:reviewed|discussed)\b")
_REQUIRES = {
    "case series#3": lambda low: not _COMPARISON.search(low),
    # Reviews of laboratory work name cells and animals too: only a study that reports its own work.
    "lab/animal/experimental#2": lambda low: not _REVIEW_WORDS.search(low) and _style_counts(low)[1] >= _style_counts(low)[2],
}
_MEASURED = re.compile(r"\b(?:questionnaires?|scales?|scores?|tests?|tools?|instruments?|index|criteria|measures?|measurements?|"
                       r"assessments?|examinations?|ultrasound|ultrasonography|imaging|mri|radiograph\w*|goniomet\w*|version|"
                       r"inventory|classification|diagnos\w*|screening|ratings?|observers?|raters?|outcome)\b")
_ANIMAL_TITLE = re.compile(r"\b(?:rats?|mice|mouse|murine|rabbits?|dogs?|canine|pigs?|porcine|sheep|ovine|horses?|equine|zebrafish|"
                           r"primates?|monkeys?|animal model)\b")
_PEOPLE_STUDIED = re.compile(r"\b(?:patients|participants|volunteers|humans|men|women|children|adults|people|persons|"
                             r"healthy subjects|human subjects)\b")
_ANIMAL_OVERRULES = {"randomised controlled trial", "non-randomised controlled trial", "cohort", "case-control", "cross-sectional",
                     "case series", "diagnostic accuracy"}
_TITLE_REQUIRES = {"diagnostic accuracy#validation": lambda title: bool(_MEASURED.search(title))}
# A systematic review that pools results is a meta-analysis: pooled estimates, heterogeneity statistics,
# a meta-analysis named, or effect measures with confidence intervals (the last two only when the
# authors do not say pooling was impossible).
_POOLED = re.compile(r"\bpooled (?:\w+ ){0,3}?(?:estimates?|effects?|analys[ie]s|data|results?|odds|risks?|relative|mean|hazard|rr|or|hr|smd|md|"
                     r"sensitivity|specificity|prevalence)\b|\bi2\b|\bi\u00b2|\bi\^2|\bforest plot|\brandom[- ]effects?|\bfixed[- ]effects?|"
                     r"\bsummary (?:estimate|effect)")
_EFFECT_CI = re.compile(r"\bmeta-?analy[sz]\w*|"
                        r"\b(?:odds ratios?|risk ratios?|relative risks?|rate ratios?|hazard ratios?|mean differences?|smd|wmd|rr|or|hr)\b"
                        r"(?:[^.;]|\.(?=\d)){0,80}?(?:95 ?%|confidence intervals?|\bci\b)")
_NOT_POOLED = re.compile(r"\b(?:could not|cannot|can not|did not|were not|was not|not be|unable to|impossible to|not possible to|"
                         r"not appropriate to|not feasible to)\b (?:\w+ ){0,2}?(?:pool|pooled|combine|combined|meta-?analy[sz]\w*|"
                         r"perform (?:a )?meta-?analy\w*)|\bprecluded (?:\w+ ){0,2}?(?:meta-?analy\w*|pooling)|\bno (?:meta-?analy\w*|pooling)\b|"
                         r"\b(?:meta-?analy\w*|pooling) (?:was|were) not (?:possible|performed|appropriate|feasible|undertaken|conducted)\b|"
                         r"\bnarrative (?:synthesis|summary)")


def _pools(low: str) -> str | None:
    """The words that show a review pooled its studies, or None."""
    m = _POOLED.search(low)
    if not m and not _NOT_POOLED.search(low):
        m = _EFFECT_CI.search(low)
    return m.group(0) if m else None


def text_design(doc: Doc) -> tuple[str, str, str] | None:
    """(design, where, quoted cue) from an explicit statement, the title, else the abstract; None when
    nothing says."""
    found = _text_design(doc)
    if found and found[0] == "systematic review" and doc.abstract:
        pooled = _pools(doc.abstract_l)
        if pooled:
            return "meta-analysis", found[1] + "+pooled", f"{found[2]}\n{pooled}"
    return found


def _text_design(doc: Doc) -> tuple[str, str, str] | None:
    weak = None
    title = next(((d, m) for d, rx in _TITLE_RULES
                  if (m := rx.search(doc.title_l)) and (d not in _TITLE_REQUIRES or _TITLE_REQUIRES[d](doc.title_l))), None)
    # The authors' own statement of their design outranks title words ("... versus guidelines": a survey),
    # except a title that says what kind of paper this is (a protocol, a comment, an economic evaluation).
    stated = stated_design(doc)
    if stated and not (title and title[0] in _KEEP_TITLE):
        return stated[0], "statement", stated[1]
    if title:
        design, m = title
        if design == "cohort" and doc.abstract:
            # "... in the BARI 2D Cohort": the people of a trial, compared by the arm they were randomised to.
            r = _RANDOMISED_COMPARISON.search(_without_future(doc.abstract_l))
            if r:
                return "randomised controlled trial", "abstract", _quote(r, doc.abstract)
        if design not in _WEAK_TITLE:
            return design.split("#")[0], "title", _quote(m, doc.title)
        weak = (design.split("#")[0], "title", _quote(m, doc.title))
    if doc.abstract:
        low = _without_future(doc.abstract_l)
        for rule, rx in _ABSTRACT_RULES:
            if not any(g in low for g in _GATES[rule]):
                continue
            m = rx.search(low)
            design = rule.split("#")[0]
            if m and (rule not in _REQUIRES or _REQUIRES[rule](low)):
                if weak and design in _WEAK_TITLE and not (weak[0] == "case report" and design == "narrative review"):
                    return weak
                if (weak and weak[0] == "lab/animal/experimental" and design in _ANIMAL_OVERRULES
                        and _ANIMAL_TITLE.search(doc.title_l) and not _PEOPLE_STUDIED.search(low)):
                    return weak  # "... in rats": the trial or cohort the abstract describes is of animals
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


def _style_counts(text: str) -> tuple[int, float, int]:
    """Cues of a narrated patient, of a primary study reporting its own data, and of a review."""
    case = sum(len(rx.findall(text)) for gate, rx in _CASE_STYLE if gate in text)
    found = _EMPIRICAL_STYLE.findall(text)
    # Percentages and "significant" appear in reviews too ("15% of cases"): half weight.
    weak = sum(1 for f in found if f.endswith("%") or f.startswith("significant"))
    emp = (len(found) - weak) + weak / 2
    return case, emp, len(_REVIEW_STYLE.findall(text))


_RARE_EVENT = re.compile(r"\b(?:is|are|remains) an? (?:\w+ ){0,2}?(?:rare|uncommon|unusual) (?:\w+ ){0,2}?(?:complication|event|cause|presentation|"
                         r"manifestation|finding|occurrence)\b|\bno (?:previous|prior) (?:descriptions?|reports?|cases?)\b|"
                         r"\b(?:rarely|seldom) (?:been )?(?:reported|described)\b")


def style_design(doc: Doc) -> tuple[str, str] | None:
    """A guess from how the abstract is written, when it names no design: (design, reason) or None."""
    text = doc.abstract_l
    case, emp, rev = _style_counts(text)
    if case >= 2 and case > emp:
        return "case report", f"no design named; the abstract narrates a single patient ({case} cues such as 'the patient', 'year-old')"
    if emp >= 2 or emp > rev:
        return None  # a primary study of a kind we cannot name
    rare = _RARE_EVENT.search(text)
    if rare and len(doc.sentences) <= 6 and not _OWN_REVIEW.search(text):
        # A short abstract built around one rare event or a first description is how case reports
        # are often written when the patient is left to the full text; reviews run longer.
        return "case report", (f"no design named; a short abstract about a rare event or a first description "
                               f"('{rare.group(0)}'), as case reports are written")
    if rev >= 1 or (emp == 0 and len(doc.sentences) >= 2):
        return "narrative review", ("no design named; the abstract reads as a review: general statements, "
                                    "no participants or measured results reported")
    return None


def _reason(design: str, where: str, cue: str) -> str:
    if where.endswith("+pooled"):
        named, pooled = cue.rsplit("\n", 1)
        return f"{_WHERE[where[:-7]]} '{named[:80]}', and it reports pooled results ('{pooled[:60]}')"
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
        return "other", ["the abstract does not state the design (none named in the title or abstract, "
                         "and it does not read as a case report or a review)"]
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
