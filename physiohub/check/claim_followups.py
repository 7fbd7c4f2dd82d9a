"""Sentences that go on with the result of research named before them: a figure, a comparison between
groups, "They found ...", list items under "Key findings", a headline or title that states the finding.
"""
from __future__ import annotations

import re

from .claim_cues import claim_cue
from .claim_designs import names_research, stated_design, year_of
from .claim_method import method_only
from .claim_record import Claim
from .claim_sources import sources_of
from .claim_not_claims import TEASER
from .claim_words import COMPARED, FINDING, HEADLINE_STATES, HOW_OFTEN, VERBS, has_effect
from .document import Sentence

# A result stated right after a claim ("Women who walked had 48% fewer fractures than ...") reports the
# same research: a number with a comparison.
RESULT = re.compile(r"(?:\b\d+(?:\.\d+)?\s?|\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\s)(?:%|percent|per cent) of (?:\w+[- ]){0,3}?(?:people|adults|patients|participants|"
                    r"women|men|children|those|them|individuals|runners|athletes|workers)\b"
                    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine) in (?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b"
                    r"[^.;]{0,80}?\b(?:compared (?:with|to)|than|versus|vs\.?)\s"
                    r"|(?:\d+(?:\.\d+)?\s?(?:%|percent|per cent|times)|\b(?:half|a third|a quarter|twice|three times)\b)"
                    r"[^.;]{0,60}?\b(?:fewer|more|less|lower|higher|greater|faster|slower|better|worse|than|as (?:many|much|likely|often))\b"
                    r"|\b\d+(?:\.\d+)?\s?(?:points?|kg|cm|mm|degrees|days|weeks)\s(?:\w+\s){0,3}?(?:fewer|more|less|lower|higher|greater|faster|slower|better|worse)\b"
                    # "Recurrence rates for physiotherapy and for wait-and-see were under nine per cent"
                    r"|\b(?:rates?|levels?|proportions?|scores?|risks?)\b[^.;]{0,60}?\b(?:was|were|fell|rose|dropped)\s+(?:only |just )?"
                    r"(?:under|below|above|over|less than|more than|about|around)?\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)"
                    r"[^.;]{0,20}?(?:%|per ?cent)"
                    # one group's figure set against the other's: "... rated their function at 72, on average, while those who did
                    # not have surgery rated theirs at 69"
                    r"|\b\d+(?:\.\d+)?\b[^.;]{0,40}?,?\s+(?:while|whereas|against|compared with|versus)\s+(?:those|people|patients|"
                    r"participants|the others|the (?:\w+ )?group)\b[^.;]{0,80}?\b\d+(?:\.\d+)?\b", re.I)


# ... or a summing-up or a range of the same figures: "All told, back pain costs about $444,000 a year for every 1,000
# employees", "Costs ranged from about $207,000 per 1,000 employees in retail to ..."
SUMMARY_FIGURE = re.compile(r"^(?:all told|in total|in all|all in all|altogether|taken together|overall),\s[^.;]*?\d"
                            r"|\branged? (?:from|between) (?:about |around |roughly |nearly |just |only )?[$\u00a3\u20ac]?\d", re.I)
# ... or a dose-response result: "The longer patients did the exercises, the greater the reduction in their pain".
DOSE_RESPONSE = re.compile(r"\bthe (?:more|longer|higher|greater|earlier|heavier|stronger|fewer|less)\b[^,;.]{3,80},\s*the "
                           r"(?:more|less|greater|lower|higher|better|worse|smaller|bigger|larger|fewer|faster|slower)\b", re.I)
# "The improvements in both groups held up after one year, too": a result that lasted.
RESULT_LASTS = re.compile(r"^(?:but |and |however,? )?(?:the |these |those |their |its |this )?(?:\w+ )?(?:improvements?|benefits?|gains?|effects?|"
                          r"reductions?|changes?|results?|findings?|differences?)\b[^.;]{0,60}?\b(?:held(?: up)?|lasted|persisted|"
                          r"(?:was|were) (?:still )?(?:maintained|sustained|seen|there|present|evident)|remained|continued|wore off|faded|disappeared)\b", re.I)
# ... or no difference between the groups: "The scans showed no difference between the groups ...", "There were
# also no differences between the groups in ...".
NO_DIFF = re.compile(r"\bno (?:significant |real |clear |meaningful |important )?differences? (?:between|in|on|for|across)\b"
                     # "The groups did not differ on any of the outcomes", "Whole milk made no difference for men or women"
                     r"|\b(?:did not|didn't|do not|don't) differ\b|\b(?:made|make|makes) no (?:significant |real |clear )?difference\b"
                     r"|\bhad no (?:significant |real |clear |measurable )?effect\b"
                     r"|\b(?:in|for) (?:both|all|each of the) (?:\w+ )?groups?, the same (?:number|proportion|percentage|share|rate) of\b", re.I)
# ... or a sentence that sizes the same result: "Even so, the benefit was small.", "The gains were modest,
# and the certainty of the evidence was rated low."
RESULT_SIZE = re.compile(
    r"^(?:[\w ]{0,20},\s*)?(?:but |and |yet )?(?:the|this|that|these|those|its|their|such) (?:\w+ ){0,2}?"
    r"(?:gains?|benefits?|effects?|improvements?|reductions?|differences?|changes?|pain relief|certainty|quality|effect sizes?|"
    # "The savings were so large that ...", "The link was judged plausible because ..."
    r"savings|cost savings|links?|associations?|relationships?)\b"
    r"[^.;]{0,60}?\b(?:was|were|is|are|remained|seemed|looked)\b[^.;]{0,30}?\b(?:small|modest|large|moderate|low|high|"
    r"tiny|slight|clinically|significant|meaningful|important|short-lived|limited|uncertain|very|so|plausible|strong|weak|"
    r"consistent)\b", re.I)
# ... or says how one group fared against another: "People who had real or sham therapy reported slightly more
# relief", "Those in the exercise group had less pain at a year".
RESULT_GROUP = re.compile(
    r"\b(?:participants?|patients?|people|person|those|women|men|woman|man|adults?|runners?|workers?|players?|children|child|"
    r"the (?:\w+ )?groups?|(?:both|all|the two|the three) (?:\w+ )?groups|^(?:but |and |however,? )?(?:they|most|many))\b"
    r"[^.;]{0,80}?\b(?:had|reported|showed|were|was|felt|scored|gained|needed|took|improved|fared|recovered|performed|responded|spent|"
    r"got|followed|adhered|stuck)\s+(?:\w+ ){0,2}?"
    r"(?:less|more|fewer|lower|higher|greater|better|worse|similar|the same|no more|no less|slightly|significantly|worsening|"
    r"improvement|reduction|increase|decrease|rise|drop|fall|faster|slower|quicker|"
    # "Women who drank the most milk had the least progression"
    r"the (?:least|most|fewest|lowest|highest|best|worst|smallest|largest|biggest|greatest))\b"
    r"|\b(?:most|many|all|patients|participants|people|both groups)\b[^.;]{0,40}?\b(?:did|fared|recovered) (?:\w+ )?well\b"
    # "Women who did vigorous activities ... cut their risk of hip fracture the most"
    r"|\b(?:participants?|patients?|people|those|women|men|adults|runners|workers|players|children)\b[^.;]{0,140}?\b(?:cut|reduced|lowered|"
    r"halved|raised|doubled|increased)\s+their\s+(?:\w+\s+){0,2}?(?:risk|chances?|odds|rates?)\b"
    # one group against the other: "five women in the control group had hip fractures, while the exercisers never had one"
    r"|\b(?:in|of) the (?:[\w()-]+ ){0,3}?group\b[^.;]{0,80}?\b(?:had|got|suffered|reported|developed)\b[^.;]{0,60}?,?\s+"
    r"(?:while|whereas)\b[^.;]{0,60}?\b(?:never|none|no|only|fewer|more|less|\d)", re.I)
# ... or sets a second result against the first: "But exercise programmes did prevent back pain from coming back."
# (a past-tense effect: present-tense advice after a finding, "But exercise is good for you", is the writer's)
CONTRAST_RESULT = re.compile(r"^[\"\u201c]?(?:but|however|yet|by contrast|in contrast|on the other hand|conversely)\b,?\s+(?:[\w,-]+\s+){0,8}?"
                             r"(?:did|were|was|had|\w+ed)\b", re.I)
# ... or says that the benefit ends: "once you stop the programme, its protective effect stops too".
EFFECT_ENDS = re.compile(r"\b(?:its|the|their|this|these|that|those) (?:\w+ )?(?:effects?|benefits?|gains?|improvements?|protection) "
                         r"(?:also )?(?:stops?|stopped|ends?|ended|wears? off|wore off|fades?|faded|disappears?|disappeared|vanish(?:es|ed)|"
                         r"(?:is|are|was|were) lost)\b", re.I)
# ... or says what the result shows: "..., but this shows that exercise by itself can improve the joints."
THIS_SHOWS = re.compile(r"\b(?:this|these|that|which) (?:results? |findings? )?(?:shows?|showed|suggests?|suggested|means|meant|indicates?|"
                        r"indicated|demonstrates?|demonstrated) that\b", re.I)
# a result that refutes a fear; neither ... nor ... was better
NEITHER = re.compile(r"\bneither\b[^.;]{0,60}?\bnor\b[^.;]{0,60}?\b(?:was|were|is|are)\b[^.;]{0,30}?\b(?:better|superior|winner|more effective|worse)\b"
                     r"|\b(?:proved|proven|turned out to be|were shown to be|was shown to be) (?:\w+ )?(?:unfounded|wrong|false|groundless|baseless|mistaken)\b", re.I)


# ... or goes on about the same subject with a result: "Study after study found the drugs worked no better than
# placebo. The drugs also did not ease the leg pain. Two drugs did lower overall pain, ...".
_SUBJECT_START = re.compile(r"^(?:but |and |yet |however,? |still,? )?(?:the|these|those|both|two|three|four|several|most|all|"
                            r"some|neither|each|only|none of the|\d+)\s+(?:\w+\s+){0,2}?(\w{4,})\b", re.I)


# "... was -1.4 and -1.2 percent, respectively, with PRP versus placebo": two groups' figures side by side.
RESPECTIVELY = re.compile(r"\d(?:[^.;]|\.\d){0,40}\band\b(?:[^.;]|\.\d){0,20}\d(?:[^.;]|\.\d){0,40}\brespectively\b", re.I)
# "They may be less active when combined than when taken individually": the same subject compared, right after a claim.
PRONOUN_COMPARISON = re.compile(r"^(?:but |and |yet )?(?:they|it|these|those|this|their (?:\w+ ){0,2}?\w+ (?:was|were|had|did))\b[^.;]{0,60}?\b(?:less|more|fewer|better|worse|lower|"
                                r"higher|greater|smaller|larger|faster|slower)\b[^.;]{0,60}?\bthan\b", re.I)


def same_subject_result(text: str, previous: str) -> bool:
    """Does ``text`` state an effect of a subject the previous sentence named ("The drugs also did not ease ...")?"""
    m = _SUBJECT_START.match(text)
    if not m or method_only(text):
        return False
    noun = m.group(1).lower().rstrip("s")
    if noun in ("study", "studie", "research", "review", "trial", "result", "finding"):
        return False   # "The study was funded by ..." is about the study, not its result
    if not re.search(rf"\b{re.escape(noun)}", previous.lower()):
        return False
    return has_effect(text)


# "Laird, Kent and Keating (2012) carried out a systematic review of ... They found that ...": a pronoun that
# reports a finding of the research the sentence before described.
THEY_FOUND = re.compile(rf"^(?:[^.;,]{{0,100}},\s*)?(?:they|it|he|she|the (?:authors|researchers|team|reviewers|investigators)|"
                        rf"these (?:authors|researchers))\b"
                        rf"(?:\s+\w+){{0,3}}?\s+{VERBS}\b", re.I)


# List items under a heading that announces findings ("Key findings", "What the study found") report the
# research the article described before them, each one a claim when it states a result.
FINDINGS_HEADING = re.compile(r"^(?:the |our )?(?:key |main |major |important |headline )?(?:findings|results|takeaways|take-home messages|"
                              r"conclusions|discoveries)\b|\bwhat (?:the )?(?:study|studies|research|review|trial|researchers|they|it) (?:found|showed)\b"
                              r"|\bwhat (?:were|are) the (?:main |key )?(?:results|findings)\b", re.I)
# ... or a heading that says which research its list comes from: "By the numbers (from the 2024 review by Yan et al)"
SOURCE_HEADING = re.compile(r"\b(?:from|in|according to|per) (?:the |a |an |this |their )?(?:\d{4} )?(?:[\w-]+ ){0,2}?"
                            r"(?:review|study|trial|meta-analysis|analysis|research|paper|survey)\b(?:[^.;]{0,40}\bet al\b)?", re.I)
# ... or after a lead-in that announces them: "Here's what they found:", "The main results were:".
FINDINGS_LEADIN = re.compile(r"\b(?:what (?:they|the (?:study|review|trial|researchers|authors|team)|it|researchers) (?:found|showed|"
                             r"discovered|reported)|(?:the|their|its) (?:key |main )?(?:findings|results)(?: (?:were|are|showed))?)\s*:\s*$"
                             # what the research found to work, as a lead-in: "Exercises that showed benefit included:",
                             # "Treatments found to help were:"
                             r"|\b(?:that|which|who) (?:showed|had|gave|brought|offered|were found to (?:have|give)) (?:a |any |some |clear |"
                             r"real |the most |most )?(?:benefits?|effects?|improvements?|gains?|results)\b[^:]{0,30}?\b(?:included|include|were|are)"
                             r"\s*:\s*$"
                             r"|\b(?:found|shown) to (?:help|work|be (?:effective|helpful|beneficial))\b[^:]{0,30}?\b(?:included|include|were|are)\s*:\s*$"
                             # "Key discoveries include:", "The main findings include" (a heading loses its colon)
                             r"|^(?:the |their |its )?(?:key |main |major )?(?:findings|results|discoveries) include\s*:?\s*$", re.I)
# A lead-in that lists what the research linked with an outcome ("Factors linked with seeking care included:", "Risk
# factors associated with re-injury were:"): each item under it, even a bare label ("Being male"), is a finding.
FACTORS_LEADIN = re.compile(r"\b(?:factors|predictors|characteristics|traits|things)\s+(?:that were |which were )?(?:linked|associated|tied|"
                            r"connected|related|correlated)\s+(?:with|to)\b[^:]{0,60}?\b(?:included|include|were|are)\s*:?\s*$", re.I)
# A line that names the one study the bullets under it come from: "Study Title: Can asymmetry predict bone stress
# injuries in runners?", "Study: ...", "Paper reviewed: ..." (podcast and social-media notes).
STUDY_LABEL = re.compile(r"^\W*(?:the )?(?:study|paper|trial|review|article)(?: title| name| reviewed| discussed)?\s*:", re.I)
# ... of which a tip or an instruction is the writer's advice, not a result: "Tip: Wearables may help you ...",
# "Don't brush off small imbalances".
ADVICE_ITEM = re.compile(r"^\W*(?:(?:pro |quick |top )?tips?|try this|advice|action(?: step)?|to do|remember|note)\s*:"
                         r"|^\W*(?:don't|do not|try|avoid|make sure|remember|use|start|stop|keep)\b", re.I)
# A researcher who reports a result to a meeting: "a professor ... told a congress that strength training increased ...".
TOLD_MEETING = re.compile(r"\b(?:professor|researcher|scientist|investigator|Dr\.?|author|lead author)\b[^.]{0,100}?\b(?:told|presented to|"
                          r"reported to|said at) (?:a|an|the) (?:[\w-]+ ){0,3}(?:congress|conference|meeting|symposium|summit|audience|"
                          r"workshop|webinar)\b", re.I)
# A quote from a researcher that states a result: '"They gained bone at the spine," the professor said.'
QUOTED_RESEARCHER = re.compile(r"[\"\u201c\u201d][^\"\u201c\u201d]{10,600}[\"\u201c\u201d],?\s+(?:the |a |an )?(?:\w+ ){0,3}?(?:professor|researcher|"
                               r"scientist|investigator|Dr\.?|doctor|author)\b[^.]{0,40}?\b(?:said|says|explained|added|noted)\b", re.I)
GAINED = re.compile(r"\b(?:gain(?:ed|s)?|lost|loss of|grew|fell|rose|doubled|halved|cut|dropped)\b|\d|\b(?:one|two|three) (?:or \w+ )?"
                    r"(?:people )?in (?:\d+|two|three|four|five|ten)\b", re.I)   # or a figure


def research_in(sentence: Sentence) -> Claim:
    """The year, design and citations of a sentence that describes research, for the claims that report
    its results in the sentences after it."""
    _, cites = sources_of(sentence.text, sentence.links)
    return Claim(text=sentence.text, cue="", year=year_of(sentence.text), design=stated_design(sentence.text), citations=cites)

# An effect denied: "Most Shoulder Damage Seen on MRIs Doesn't Cause Pain", "Surgery Fails to Give Long-Term Relief".
_NO_EFFECT = re.compile(r"\b(?:does|do|did|can|could|will)(?: not|n't) (?:\w+ )?(?:cause|lead to|help|work|ease|relieve|reduce|improve|"
                        r"prevent|heal|fix|cure|wear out|damage|harm|ruin)\b|\bfail(?:s|ed)? to (?:give|provide|bring|offer|produce|deliver|ease|relieve|help)\b", re.I)
# A title that opens with a question word asks, even without its question mark.
_QUESTION_WORD = re.compile(r"(?:do|does|did|is|are|can|could|should|will|would|why|how|what|which|when|who)\b", re.I)
# A plain-text title has no final stop.
_FINAL_STOP = re.compile(r"[.!?]\W*$")


# A ranking states a comparison: "Physiotherapy may be the best way to treat back pain".
_BEST = re.compile(r"\b(?:the )?(?:best|most effective|least effective|safest|first-line|preferred) (?:way|treatment|therapy|option|choice|"
                   r"form|type|kind|exercise|approach|remedy|cure)s?\b"
                   # "Exercise Is Best For Relief ...", "Weights and rest days are best for tendinopathy"
                   r"|\b(?:is|are|was|were) (?:the )?(?:best|most effective|safest|least effective) (?:for|at|in|against)\b", re.I)
# A dateline or byline on its own line: "Published on 4 April 2024", "Updated: 12 May 2023", "By Jane Roe".
_DATELINE = re.compile(r"^(?:(?:first |last )?(?:published|posted|updated|reviewed|written|date)\b(?:\s+(?:on|:))?\s*:?\s*"
                       r"[^.!?]{0,40}?\b(?:19|20)\d\d\b[^.!?]{0,20}$|by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*$)", re.I)
_FACT_OR_FICTION = re.compile(r"\b(?:fact or (?:fiction|myth)|myth or (?:fact|truth|reality)|true or false|truth or myth)\b", re.I)


def title_finding(s: Sentence, sentences: list[Sentence], i: int) -> Sentence | None:
    """The page's title that states an effect ("Home exercise eases knee pain from meniscal tears", "Moderate exercise
    could guard against tendon disease") when one of the three sentences after it reports research: the finding the
    article goes on to credit to that research. (The dev and dev4 gold both count such titles since the dev gold was
    harmonised to the README's rule in session 8.) Returns that research sentence, or None."""
    if s.item or s.heading or s.text.rstrip().endswith("?") or not 3 <= len(s.text.split()) <= 16:
        return None
    if i > 2 and not _only_masthead(sentences[:i]):
        return None   # (a site's name, menu and dateline may stand above the title: no prose sentence yet)
    if _QUESTION_WORD.match(s.text) or _TOPIC_THEN_WH.search(s.text):
        return None   # "Do exercises help shoulder pain": a question without its mark; "Knee OA – why exercise helps": a label
    if _FACT_OR_FICTION.search(s.text):
        return None   # "Fact or Fiction?: Running Ruins Your Knees": the title asks, the article answers
    if TEASER.search(s.text):
        return None   # "Study Identifies Exercise That Could Reduce Knee Pain": which exercise, the article will say
    if _SECTION_LABEL.match(s.text):
        return None   # "Risk factors associated with frozen shoulder": a label over the findings
    # a heading over what follows, or the page's first line standing alone with no final stop (a plain-text title)
    # (a dateline or byline right under it, "Published on 4 April 2024", may be read as the heading of what follows)
    under = i + 1
    while under < len(sentences) - 1 and under <= i + 2 and _DATELINE.match(sentences[under].text):
        under += 1
    title_like = ((under < len(sentences) and sentences[under].heading in (s.text, sentences[under - 1].text)
                   and (under == i + 1 or sentences[i + 1].heading in (s.text, "")))
                  or (i == 0 and (len(sentences) < 2 or sentences[1].paragraph != s.paragraph) and not _FINAL_STOP.search(s.text)))
    # ("The $10 Fix for Sore Muscles": an effect word as the head of a noun phrase names no treatment, a label)
    plain = _FIGURATIVE_NOUN.sub(" ", s.text)
    if not title_like or not (has_effect(plain) or COMPARED.search(plain) or _BEST.search(plain) or HEADLINE_STATES.search(plain)):
        return None
    if not _a_statement(plain) or _listicle(s.text):
        return None   # "Knee surgery versus physiotherapy", "Benefits of Exercise Therapy": a label, no statement (headlines
        # drop the verb "to be", but keep a predicate: "Balance classes beneficial for ...", "Sitting tied to ...")
    quoted = _SCARE_QUOTED.search(s.text)
    if quoted and (has_effect(quoted.group(1)) or _NO_EFFECT.search(quoted.group(1)) or HEADLINE_STATES.search(quoted.group(1))):
        # a news headline quoting the finding it reports ("Routine physio 'does not cure back pain'"): a claim credited
        # to the story's source, researched or not
        return title_research(sentences, i) or s
    # (further down only a title with an effect verb: "The most common cause of knee pain" is a topic label)
    return title_research(sentences, i) or (title_echo(s, sentences, i) if _TITLE_VERB.search(plain) else None)


# A headline's closing quotation of what a source says: "Routine physio 'does not cure back pain'", "Regular training
# 'can help prevent osteoporosis'" (three words or more: "Exercise is 'medicine'" quotes a word, not a finding).
_SCARE_QUOTED = re.compile(r"\s['\u2018\"\u201c]((?:[\w'\u2019-]+\s+){2,}[\w'\u2019-]+)['\u2019\"\u201d]\W*$")


def _only_masthead(before: list[Sentence]) -> bool:
    """Are the lines above a title only a site's masthead (its name, a menu, a dateline), with no prose sentence yet?"""
    return len(before) <= 6 and not any(len(x.text.split()) >= 8 and _FINAL_STOP.search(x.text) for x in before)


# A numbered section heading of a list article ("1. Speeds Up Recovery After Injury", "3) Improves Mobility").
LISTICLE = re.compile(r"^\W*\d{1,2}\s*[.):]\s+\S")
# Other verbs of a headline that states something: forms of be and have, a negation, a past or passive form, or a
# verb of change in its -s form ("Walking Cuts Relapse"); "Yoga No Better Than Stretching" keeps its "no".
_AUX = frozenset("is are was were be been has have had isn't aren't wasn't doesn't don't didn't won't can't cannot "
                 "not no it's that's there's here's what's they're we're you're".split())
_VERB_STEMS = frozenset("""cut ease reduc help lower rais improv boost prevent protect slow work beat reliev halv doubl
caus lead link tie increas decreas make keep fail find show suggest outperform cure fix speed stop harm hurt damag worsen
rival match aid strengthen build ward fight drop fall rise predict tripl treat matter count pay save offer bring giv tak
trump shrink shorten lengthen extend add delay hasten driv trigger spark fuel reveal confirm prove point beat top""".split())
# A list article's title: "3 ways a holistic MSK program improves care", "Top 5 Benefits of Massage Therapy for Runners".
LISTICLE_TITLE = re.compile(r"^\W*(?:the\s+)?(?:top\s+)?(?:\d{1,2}|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:ways?|benefits?|reasons?|tips?|things?|signs?|myths?|facts?|exercises?|stretches?|steps?|mistakes?|"
                            r"questions?|secrets?|tricks?|habits?|moves?)\b", re.I)


def _has_verb(text: str) -> bool:
    for w in re.findall(r"[a-z'\u2019]+", text.lower()):
        if w.replace("\u2019", "'") in _AUX or (len(w) > 3 and w.endswith("ed")):
            return True
        if w.endswith("s") and (w[:-1] in _VERB_STEMS or w[:-2] in _VERB_STEMS or w[:-1].rstrip("e") in _VERB_STEMS):
            return True
    return False


def _a_statement(text: str) -> bool:
    """A headline or title that states something: a verb, or the predicate headline-ese keeps without one ("Balance
    classes beneficial for ...", "Sitting tied to ...", "Shin Splints Common In ...")."""
    return bool(_TITLE_VERB.search(text) or _has_verb(text) or HEADLINE_STATES.search(text) or HOW_OFTEN.search(text))


def _listicle(text: str) -> bool:
    """A list article's numbered heading or its title, naming no research."""
    return bool(LISTICLE.match(text) or LISTICLE_TITLE.match(text)) and not names_research(text)


# A verb that makes a title a statement ("Walking can reduce ...", "Yoga eases ..."), not a label ("The most common cause
# of knee pain").
_TITLE_VERB = re.compile(r"\b(?:can|may|might|could|will|does|do|did|helps?|eases?|reduces?|cuts?|lowers?|raises?|improves?|"
                         r"boosts?|prevents?|protects?|slows?|works?|beats?|relieves?|halves?|doubles?)\b", re.I)


# An effect word used as a noun after a determiner in a title: "The $10 Fix for ...", "A Simple Cure for ...".
_FIGURATIVE_NOUN = re.compile(r"\b(?:the|a|an|your|this|one)\s+(?:[\w$'’-]+\s+){0,2}?(?:fix|cure|remedy|boost|answer|secret|"
                              r"trick|solution|key)\b", re.I)
# How far into the page a sentence restating the title's finding with a research cue may sit (a deck, a byline and
# an intro paragraph may come first on news and science sites) and how much of the title it must repeat.
ECHO_WINDOW = 8
_ECHO_SHARE = 0.7
_ECHO_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_ECHO_STOP = frozenset("the and for with can may might could your you are was were has have that this from into than".split())


def _echo_words(text: str) -> set[str]:
    return {w[:5] for w in _ECHO_WORD.findall(text.lower()) if w not in _ECHO_STOP}


def title_echo(s: Sentence, sentences: list[Sentence], i: int) -> Sentence | None:
    """A sentence within ECHO_WINDOW under the title that names research with a reporting cue and repeats most of the
    title's words ("Walking can reduce pain and damage in arthritic knees" ... "a new study adds to this by showing that
    walking can reduce pain in arthritic knees"): the title states that research's finding. Returns it, or None."""
    words = _echo_words(s.text)
    if len(words) < 3:
        return None
    for x in sentences[i + 1:i + 1 + ECHO_WINDOW]:
        if (names_research(x.text) or _RESEARCHERS_FOUND.search(x.text)) and claim_cue(x.text, x.links):
            if len(words & _echo_words(x.text)) >= _ECHO_SHARE * len(words):
                return x
    return None


# Researchers credited with a finding: "scientists at Duke University have found that ...".
_RESEARCHERS_FOUND = re.compile(r"\b(?:researchers|scientists|investigators)\b[^.;]{0,80}?\b(?:have |has )?(?:found|shown|showed|say|says|said|"
                                r"discovered|demonstrated|reported)\b", re.I)
# How far under a title the research it reports may first be named (the opening sentences; a press release puts a
# dateline and a "Peer-reviewed publication" line first).
TITLE_WINDOW = 4


def title_research(sentences: list[Sentence], i: int) -> Sentence | None:
    """The first sentence under the title at ``i`` that names research (or researchers: "scientists at X have found
    that ...") with a reporting cue, within TITLE_WINDOW."""
    return next((x for x in sentences[i + 1:i + 1 + TITLE_WINDOW]
                 if (names_research(x.text) or _RESEARCHERS_FOUND.search(x.text) or _RESEARCHERS.search(x.text))
                 and claim_cue(x.text, x.links)), None)


# Researchers named as the source of what follows: "According to researchers from the University of Sydney, ...".
_RESEARCHERS = re.compile(r"\b(?:researchers|scientists|investigators)\b", re.I)


# A verb of winning is a comparison of its own: "Video-supervised exercise beats exercising on your own".
_WINS = re.compile(r"\b(?:beats?|outperforms?|outperformed|trumps?|outdoes|outdid)\b", re.I)
# A hedged effect is how a headline states a finding: "Drinking milk may slow OA down", "Your hand may predict knee OA".
_HEDGED = re.compile(r"\b(?:may|might|could|can)\b", re.I)
_HOW_WHY = re.compile(r"[\W_]*(?:how|why|what|which|when)\b", re.I)
# A topic then a how/why clause after a dash, a colon or "and": "Knee osteoarthritis – why physiotherapy and exercise help",
# "Neck and back pain and how yoga can help".
_TOPIC_THEN_WH = re.compile(r"(?:[\u2013\u2014:|]|\s-|\s(?:and|&))\s*(?:how|why|what|which|when)\b", re.I)
# A line that opens by linking itself to what came before is prose going on, never a headline.
_GOES_ON = re.compile(r"(?:on top of (?:that|this)|in addition|additionally|also|moreover|furthermore|what'?s more|besides|"
                      r"however|but|and|so|even so|still|yet|likewise|similarly|in turn|as a result|because of this)\b", re.I)


# A section's label in a noun phrase: "Risk factors associated with frozen shoulder", "Causes of knee pain", "Treatments
# linked to faster recovery".
_SECTION_LABEL = re.compile(r"^(?:the\s+)?(?:(?:main|common|key|known|other|possible)\s+)?(?:risk factors?|causes?|symptoms?|signs?|"
                            r"benefits?|types?|treatments?|complications?|factors?|conditions?)\s+(?:associated with|linked (?:to|with)|"
                            r"related to|of|for)\b[^.!?]*$", re.I)


def headline(s: Sentence, sentences: list[Sentence], i: int) -> bool:
    """A short line alone in its paragraph (a headline, a bold standfirst) that states an effect, right before a
    paragraph that names the research: the article's finding in one line."""
    # (not the page's title: i > 0; a title is a claim only when it names research itself, like "Study shows ...")
    alone = i > 0 and sentences[i - 1].paragraph != s.paragraph and (
        i + 1 >= len(sentences) or sentences[i + 1].paragraph != s.paragraph)
    if not alone or s.item or not 4 <= len(s.text.split()) <= 20 or s.text.rstrip().endswith("?"):
        return False
    if not ((has_effect(s.text) and (COMPARED.search(s.text) or FINDING.search(s.text) or _HEDGED.search(s.text) or _WINS.search(s.text)))
            or _NO_EFFECT.search(s.text) or HOW_OFTEN.search(s.text) or HEADLINE_STATES.search(s.text)):
        return False
    if _HOW_WHY.match(s.text) or _TOPIC_THEN_WH.search(s.text):
        return False   # "How yoga may help back pain": a title over an explanation, not a finding
    if _listicle(s.text):
        return False   # "2. Reduces Pain and Prevents Recurrence": one of a page's numbered selling points
    if not _a_statement(s.text):
        return False   # "Stress Reduction and Psychological Benefits": a label of nouns over what follows, no statement
    if _SECTION_LABEL.match(s.text):
        return False   # "Risk factors associated with frozen shoulder": a section's label, the findings are under it
    if _GOES_ON.match(s.text):
        return False   # "On top of that, their function improved a great deal.": a paragraph going on from the one before
    nxt = sentences[i + 1] if i + 1 < len(sentences) else None
    if nxt is None or nxt.heading not in (s.heading, s.text):
        return False
    if names_research(nxt.text) and claim_cue(nxt.text, nxt.links):
        return True
    # a section heading ("Most Shoulder Damage Seen on MRIs Doesn't Cause Pain") over a paragraph whose research comes
    # after background: the first paragraph of the section, up to four sentences
    para = [x for x in sentences[i + 1:i + 5] if x.paragraph == nxt.paragraph]
    return nxt.heading == s.text and any(names_research(x.text) and claim_cue(x.text, x.links) for x in para)


# Two groups' figures set against each other: "The walking group went a median of 208 days before a recurrence, against
# 112 days in the group that received no treatment", "People in the walking group stayed free ... for 208 days, compared
# with 112 days ...": a trial's result, whatever its verb.
GROUP_FIGURES = re.compile(r"\b(?:the [\w-]+(?: [\w-]+)? (?:group|arm)|(?:people|patients|participants|those|women|men) (?:in|on) the "
                           r"[\w-]+(?: [\w-]+)? (?:group|arm))\b[^.;]{0,120}?\d[^.;]{0,80}?\b(?:against|compared (?:with|to)|versus|vs\.?|"
                           r"than|while|whereas)\b[^.;]{0,60}?\d", re.I)


def group_result(text: str) -> bool:
    """A result stated about a group of the research (RESULT_GROUP) or as two groups' figures (GROUP_FIGURES)."""
    return bool(RESULT_GROUP.search(text) or GROUP_FIGURES.search(text))


# An abstract's label on a line of its own: "Results:", "Conclusions:".
RESULTS_LABEL = re.compile(r"^(?:results?|findings?|conclusions?|main results|key findings|outcomes?)\s*:\s*$", re.I)
# A heading that says the lines under it are quoted from a source: "Quotes from the British Medical Bulletin November 2015".
QUOTES_HEADING = re.compile(r"^(?:quotes?|quotations?|excerpts?|extracts?|key quotes) from\b", re.I)


# A person the page introduces as the research's author ("says study author David Behm, PhD", "Researcher Disa
# Hatfield, PhD, ...", "lead author Jane Roe"): magazine and news stories then quote them by surname alone.
_AUTHOR_INTRO = re.compile(r"\b(?:(?:study|lead|senior|first|co-?)\s*author|[Rr]esearcher|principal investigator)\s*,?\s+"
                           r"(?:Dr\.?\s+|Professor\s+|Prof\.?\s+)?([A-Z][a-z]+(?:\s+[A-Z]\.)?)\s+([A-Z][A-Za-z'\u2019-]+)")


def research_authors(text: str) -> set[str]:
    """Surnames the sentence introduces as the authors of the research it reports."""
    return {m.group(2) for m in _AUTHOR_INTRO.finditer(text)}


def by_research_author(text: str, surnames: set[str]) -> bool:
    """A statement credited to one of those authors by surname ("..., says Dr. Behm.", '"...," Hatfield says.')."""
    if not surnames:
        return False
    # (the attribution closes the sentence or follows its quote: "Because, as X explains, during his childhood ..."
    # introduces background, not the author's finding)
    names = "|".join(re.escape(n) for n in sorted(surnames))
    # (how it was said may close the sentence: '"...," Krebs said by email.', "... in a statement")
    how = r"(?:\s+(?:by (?:e-?mail|phone|telephone)|in (?:an? )?(?:e-?mail|interview|statement|news release|press release)))?"
    return bool(re.search(rf"(?:,|[\"\u201d])\s*(?:says|said|explains|explained|notes|noted|adds|added)\s+(?:Dr\.?\s+|Professor\s+|Prof\.?\s+)?"
                          rf"(?:{names}){how}\W*$|[\"\u201d]\s*(?:{names})\s+(?:says|said|explains|explained|notes|noted|adds|added){how}\W*$",
                          text))
# A share of the people studied, right after a result about them: "Many of the workers with back pain also had neck pain",
# "Most participants did not go back to the doctor", "Only people with severe pain used specialists" (past tense, or a present
# denial: "Many patients with back pain have tried posture exercises", "Most people need three to five sessions" and "Most people
# recover within a year, whatever they do" are the writer's background and advice).
SHARE_RESULT = re.compile(r"^(?:but |and |yet )?(?:many|most|few|some|half|all|none|only|a (?:third|quarter|minority|majority))\s+"
                          r"(?:of (?:the|those|them|these)\s+)?(?:[\w-]+\s+){0,2}?(?:workers|participants|patients|people|adults|women|men|"
                          r"runners|players|athletes|children|employees|nurses|respondents|subjects|volunteers)\b[^.;]{0,80}?\b"
                          r"(?:had|did|(?:do not|does not|don't|doesn't)(?=\s+[a-z])|were|was|reported|said|used|went|got|took|needed|looked|sought|saw)\b",
                          re.I)   # (a denial with its verb: "Yet most arthritis patients don't." refers back to advice)


# The one the finding did not hold for, right after it: "Codeine was the exception.", "The only exception was swimming."
EXCEPTION = re.compile(r"^(?:but |and |yet )?(?:(?:[\w-]+\s+){1,3}(?:was|were|is|are)\s+(?:the|an|one)\s+(?:only\s+|one\s+|notable\s+|"
                       r"main\s+)?exceptions?|the (?:only |one |notable |main )?exceptions? (?:was|were|is|are)\s+(?:[\w-]+\s*){1,4})\W*$",
                       re.I)


# The same finding widened or narrowed, right after it: "This is particularly so for call-center staff", "This is especially
# true of older runners", "The same was true for women".
SAME_TRUE = re.compile(r"^(?:but |and )?(?:this|that|the same|it)\s+(?:is|was|held|holds|proved|remains|seems)\s+(?:also\s+)?"
                       r"(?:especially|particularly|even more|most|also|equally|just as|not)?\s*(?:true|so|the case)\b"
                       r"(?=\s+(?:for|of|in|among|with|when|at)\b|\s*[.!]?\s*$)", re.I)
