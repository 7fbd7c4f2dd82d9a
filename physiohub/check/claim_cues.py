"""The research cues: the phrase that makes a sentence report research ("a 2022 meta-analysis found",
"according to ...", "it has been shown that", a citation), and ``claim_cue`` that finds it.
"""
from __future__ import annotations

import re

from .claim_designs import ANY_DESIGN, DESIGNS
from .claim_method import method_only
from .claim_not_claims import (never_a_claim, APPEARS_IN, BEING_TESTED, CAVEAT, DEFINITION, FURTHER_RESEARCH, LIMITATION, FINDINGS_TITLE, HYPOTHESIS, NOT_ENOUGH, lead_in, NOT_INVOLVED,
                               PERSONAL_CLAIM, QUESTION_OR_NEED, RESEARCH_USE, STUDIES_ON, TEASER, WHERE_TO_READ, WH_ANNOUNCEMENT)
from .claim_orgs import ACCORDING_NAMED, ORG_SAYS_SUBJECT, ORG_WORD
from .claim_sources import DOI, GLUED_FOOTNOTE, PAPER_LINK, URL, citation_marker
from .claim_words import COMPARED, DIGIT, FINDING, VERBS, VERB_RE, has_effect, reports_result

# "it has been shown that", "has been found to be associated", "It is well documented that", "we know
# from studies that": research named by a passive or a stock phrase.
_PASSIVE = re.compile(
    r"\b(?:has|have|had) (?:also |repeatedly |consistently |recently )?been (?:shown|found|demonstrated|proven|"
    r"documented|linked|associated)\b"
    # (not someone shown a thing: "everyone who has been shown squats by a trainer", "has been shown how to lift")
    r"(?<!shown)(?<!demonstrated)|\b(?:has|have|had) (?:also |repeatedly |consistently |recently )?been (?:shown|demonstrated)\b"
    r"(?!\s+(?:how|what|where|which|a|an|his|her|my|your|their|our|some)\b)"
    r"(?!\s+[a-z]+s?\s+by\s+(?:a|an|the|his|her|my|your|their|our)\s+(?!stud|research|trial|review|data|evidence|scien)\w)|\b(?:it is|it's) (?:even |also |now |widely |well[- ])?(?:documented|established|known|recogni[sz]ed|"
    r"stated|reported|estimated) that\b"
    r"|\b(?:know|learned|learnt|seen|evidence) from (?:\w+ ){0,2}(?:studies|research|trials|reviews)\b"
    # ("symptoms have been reported to last as long as 10 days": reported by whom is not said, R7; "has been reported in
    # several trials" says)
    r"|\b(?:has|have|had) (?:also |repeatedly |consistently |recently )?been reported\b(?! to\b)", re.I)
# Research named by where it is published: "This is backed by many scientific journals over the effectiveness of manual
# therapy", "supported by a large body of published papers" (not "supported by the journal's editors"). The claim model
# has seen few such sentences and scores them low, so the model's veto on rule claims spares them (claims.py).
_BACKED_BY_PUBLISHED = (r"\b(?:backed|supported|underpinned) by (?:(?:many|numerous|several|countless|multiple|"
                        r"a (?:large |growing )?(?:number|body|wealth) of|lots of|plenty of|a lot of|the|published|peer[- ]reviewed|"
                        r"scientific|medical|clinical|recent|current)\s+){1,3}(?:journals|papers|publications|literature)\b")
BACKED_BY_PUBLISHED = re.compile(_BACKED_BY_PUBLISHED, re.I)
# Other stock phrases of popular articles: a "Study:" headline, a researcher's quoted finding ("We have
# shown that ...", "our results suggest"), "the results showed", "X was found to", guidelines that
# recommend, "backed by research", "there is strong evidence that".
_STOCK = re.compile(
    # what the authors draw from their own work: "Based on our observational study, bicycling may be ..."
    r"\bbased on (?:our|the|this|these|their|its) (?:[\w-]+ ){0,2}?(?:study|studies|trial|trials|research|review|findings|"
    r"results|data|analysis)\b,"
    # a news headline crediting its finding at the end: "Smartphones causing 'pain in the neck': Study"
    r"|^[^.!?]{10,120}[:\u2013\u2014|]\s*(?:new |latest |a |one )?(?:study|studies|research|survey|review|trial|report)\s*[.!]?\s*$"
    r"|^(?:(?:new|latest|early|recent|large|small|major|landmark|british|us|u\.s\.|australian|canadian|european|uk)\s+){0,2}"
    r"(?:study|studies|research|review|trial|meta-analysis)\s*:\s*\S"
    r"|\b(?:we|our (?:team|group))(?: have| had)? (?:now |also )?(?:found|shown|showed|demonstrated|proved|discovered)\b"
    r"|\b(?:our|the|their|these|its) (?:results|findings|data|study|trial|research|analysis) (?:clearly |also |now )?"
    r"(?:show|showed|shows|suggest|suggests|suggested|indicate|indicates|indicated|reveal|revealed|found|demonstrate|demonstrated)\b"
    r"|\b(?:was|were|is|are) (?:also )?(?:found|shown|proven|demonstrated) to\b"
    r"|\b(?:I|we) (?:also |did |have |then )?(?:found|came across) (?:that )?(?:[\w-]+ ){0,6}?(?:stud(?:y|ies)|reviews?|trials?|"
    r"research|evidence|case reports?|papers?|meta-analys[ie]s)\b"
    r"|\bwhat (?:I|we) (?:did )?(?:found|find) (?:was|is) (?:\w+ ){0,3}?(?:evidence|research|stud(?:y|ies)|data)\b"
    r"|\b(?:our|these|the) (?:results|findings) (?:should|could|may|might|will) (?:\w+ )?(?:encourage|reassure|change|help|inform|guide|support)\b"
    r"|\b(?:clinical |practice |international |national |current |treatment |most )?guidelines?\b[^.;]{0,50}?\b"
    r"(?:recommends?|recommended|advises?|advise|advised|say|says|state|states|suggest|suggests|endorse|endorses|endorsed|"
    r"report|reports|conclude|concludes|warn|warns|note|notes|reinforce|reinforces|reinforced|support|supports|back|backs|"
    r"favou?r|favou?rs|call for|calls for|urge|urges)\b"
    r"|\b(?:backed|supported|underpinned) by (?:\w+ ){0,2}(?:research|evidence|studies|trials|data)\b"
    # a statement that rests on research it names: "..., citing a large review of office workers"
    r"|\b(?:citing|pointing to|drawing on|on the strength of) (?:a|an|the|two|three|several|recent|new|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:stud(?:y|ies)|reviews?|trials?|research|meta-analys[ie]s|evidence|findings|data)\b"
    r"|\bthere (?:is|are) (?:\w+ ){0,2}(?:evidence|research|studies|data|trials) (?:that|to (?:suggest|show)|showing|suggesting)\b"
    # a treatment rated by its evidence: "Five other treatments had good enough evidence to be called effective"
    r"|\b(?:has|have|had) (?:good|strong|enough|good enough|moderate|some|high-quality|convincing|solid|clear|little|limited|"
    r"weak|no|only weak|only limited) (?:quality )?evidence (?:of|for|to|that|behind|showing)\b"
    r"|(?:^|[,;]\s*and\s+)(?:in fact,? |indeed,? |overall,? |but |however,? )?(?:the |this )?(?:research|evidence|science|findings|results|data|studies|literature)"
    r"(?: (?:on|about|around|behind|for|regarding) [^.;:]{1,60}?)? (?:is|are|was|were|remains?) "
    r"(?:\w+ )?(?:consistent|clear|clearer|strong|stronger|mixed|conflicting|weak|weaker|limited|compelling|overwhelming|convincing|"
    r"inconclusive|thin|thinner|sparse|scarce|poor|poorer|lacking)\b"
    r"|\bpublished (?:a |the |its |their )?(?:paper|study|article|report|analysis)s? (?:reporting|showing|describing) (?:the )?(?:results|findings)\b"
    # "In an article on MSNBC by Amanda Chan, she stated that ..."
    r"|^in (?:an?|the|one|another) (?:article|report|story|piece|column|interview)\b[^.;]{0,80}?,\s*(?:she|he|they|it|the \w+)\s+"
    r"(?:stated|said|wrote|reported|noted|explained|argued) that\b"
    # what a report says: "The article notes that about 250,000 Americans have the operation each year"
    r"|\b(?:the|this|that|an|a|their) (?:article|report|story|paper|piece) (?:also |further )?(?:(?:notes|noted|says|said|states|stated|reports|"
    r"reported|points out|pointed out|adds|added|estimates|estimated) that\b|(?:found|finds|showed|shows|revealed|reveals|concluded|concludes)\b)"
    # a take-home label before a statement: "Clinical Take Home Message: Hand therapists may choose to use a night splint ..."
    r"|^(?:clinical )?(?:take[- ]home (?:message|point)s?|bottom line|key (?:message|point|takeaway|finding)s?|clinical (?:implications?|relevance|"
    r"bottom line))\s*:\s*\w+[^.;]{0,120}?\b(?:improv\w*|reduc\w*|help\w*|eas\w*|no difference|effective|should|may|can|recommend\w*)\b"
    # the evidence looked for and not found: "when you go looking for the evidence it is not there"
    r"|\bevidence\b[^.;]{0,20}?\b(?:is|was|just)(?:n't| not| simply not) there\b"
    # a practice set against the evidence: "The design of most running shoes does not match the available science"
    r"|\b(?:does|do|did)(?: not|n't) (?:match|fit|reflect|follow|square with) (?:the |what the )?(?:available |current |latest |best |existing )?"
    r"(?:science|evidence|research)\b|\b(?:is|are|was|were) at odds with (?:the )?(?:available |current |latest |best )?(?:science|evidence|research)\b"
    # another study's agreement: "Herbert and Gabriel had similar findings"
    r"|^(?!(?:I|we|my|our)\b)[^.;]{0,60}?\b(?:had|reported|found|showed|reached|got) (?:very )?(?:similar|the same|comparable|consistent|"
    r"matching|opposite|conflicting) (?:findings|results|conclusions)\b"
    r"|\b(?:reported|published|presented) (?:the )?(?:results|findings) of (?:a|an|the|their|its) (?:[\w-]+ ){0,3}(?:study|trial|review|research)\b"
    # the quality of the research: "Most of the existing trials are of poor quality"
    r"|^(?:but |however,? )?(?:most|many|all|some|several|few|the|these) (?:of (?:the|these) )?(?:existing |available |published |included )?"
    r"(?:trials|studies|research|evidence|papers|reviews) (?:is|are|was|were) (?:of )?(?:very )?(?:poor|low|high|good|moderate|weak)(?:-| )quality\b"
    r"|\b(?:studies|research|trials|reviews|evidence|findings|data) (?:have|has) (?:\w+ )?(?:had|given|produced|shown|yielded|found|been) "
    r"(?:\w+ )?(?:conflicting|mixed|inconsistent|contradictory|consistent|similar|positive|negative|disappointing|promising)\b"
    + r"|" + _BACKED_BY_PUBLISHED, re.I)
# "a new article in the British Medical Journal suggests", "according to a report in the American Journal of
# Epidemiology": an article or report that a named journal published is research.
_ARTICLE_IN = re.compile(
    r"\b(?:article|report|paper|analysis|publication)s?\s+(?:published\s+)?(?:in|from)\s+(?:the\s+)?"
    r"(?:(?:well-known|prestigious|respected|leading|medical|scientific|peer-reviewed)\s+)*(?:journal\s+)?"
    r"(?:[A-Z][\w&'\-]*\s+(?:(?:of|for|and|&|in)\s+)?){0,6}(?:Journal|Medicine|Lancet|BMJ|JAMA|Cochrane|Rheumatology|"
    r"Epidemiology|Pain|Spine|Physiotherapy|Physical Therapy|Sports Medicine|Arthritis|Orthopaedics|Orthopedics)\b"
    r"(?!\s+(?:Evidence|Database|Association|Society|Clinic|Department|Centre|Center|Institute))")

_RESEARCHERS = re.compile(
    rf"\b(?:researchers|scientists|investigators|authors|a team|the team|research team)\b"
    rf"[^.;]{{0,80}}?\b{VERBS}\b", re.I)
# A doctor or professor credited with a finding: "A doctor from a Canadian university showed that ...".
_DOCTOR_FOUND = re.compile(r"\b(?:doctor|dr\.?|professor|prof\.?|physician|epidemiologist)\b[^.;]{0,60}?\b(?:showed|found|has shown|"
                           r"have shown|demonstrated|concluded|discovered|reported) that\b", re.I)
ACCORDING = re.compile(r"\baccording to\b[^,.;]{0,80}?(?:" + ANY_DESIGN.pattern + r"|\bet al\b|\bresearchers\b"
                       r"|\b(?:guidelines?|guidance|recommendations|position statement|consensus statement)\b"
                       # "according to government estimates", "according to official figures": a source's figure
                       r"|\b(?:estimates|statistics|figures)\b)", re.I)
# "in a 2019 study", "from a large trial of runners": a few modifiers between the article and the design, and
# the design word not used as a modifier itself ("a national health research body", "the research team").
_IN_A_STUDY = re.compile(r"\b(?:in|from|by) (?:a|an|one|the|this|that|their|his|her|two|three|several|recent|new|large|small|both|each|all|these|those)\b"
                         r"\s+(?:[\w'\u2019-]+\s+){0,4}?(?:" + ANY_DESIGN.pattern + r")(?!\s+(?:body|bodies|council|institute|"
                         r"centre|center|group|team|funding|grant|unit|foundation|network|program|programme|project|"
                         r"assistant|fellow|nurse|department|division|organi[sz]ation|post|blog|database|library|register|registry)\b)", re.I)

_PERSONAL = re.compile(r"\b(?:my|our|your|I|we)\b(?:\s+\w+){0,2}\s*$", re.I)
_SHOWED_A_STUDY = re.compile(r"\b(?:showed|shown|sent|gave|told|pointed)(?: me| us| you)?(?: to)? (?:a|an|the|one|this|that|some)\b[^,.;]{0,30}?(?:"
                             + "|".join(p for d, p in DESIGNS[:-1]) + r")", re.I)
_THIS_PROVES = re.compile(r"^[\"'\u201c]?(?:this|these|the) ?(?:study|trial|research|findings?|results?|data|work)? "
                          r"(?:proves?|shows?|confirms?|demonstrates?|suggests?) that\b", re.I)
_PROVEN = re.compile(r"\b(?:scientifically|clinically|medically|research[- ]?)(?: been)? (?:proven|shown|tested|backed)\b", re.I)
_TRAILING_FRAME = re.compile(r",\s*((?:[\w-]+\s+){0,4}?(?:" + ANY_DESIGN.pattern + r")\s+(?:\w+\s+)?" + VERBS
                             + r")\s*(?:\[[^\]]*\])?\s*[.!]?\s*$", re.I)
# What a guideline or its panel decided: a graded recommendation ("Cognitive behavioral therapy received a weak
# recommendation for ...", "Weak recommendations for use were given to ...", "the only therapy to receive a 'strong for'
# recommendation"), the panel's advice ("The group recommended against ...", "the group did not endorse most drug
# treatments"), and the guidance as the subject of what it puts first ("The revised recommendations make non-drug
# measures the focus of ...", "Updated recommendations ... name exercise as the therapy with the strongest evidence").
_GUIDANCE_GRADE = re.compile(
    # (NICE grades by its wording: "Manual therapy received a 'consider' recommendation")
    r"\b(?:receiv(?:e|es|ed|ing)|got|gets|given|earn(?:s|ed)?)\s+(?:an?\s+|the\s+)?[\"'\u201c\u2018]?(?:weak(?:er)?|strong(?:er)?|conditional|"
    r"moderate|consider|offer|do not offer)(?:\s+(?:for|against))?[\"'\u201d\u2019]?\s+recommendations?\b|\b(?:weak|strong|conditional)\s+recommendations?\s+"
    r"(?:for (?:use\s+)?were given|against|in favou?r of)\b", re.I)
_PANEL_SAYS = re.compile(r"\b(?:the|this|that)\s+(?:expert\s+|guideline\s+|international\s+|multidisciplinary\s+|consensus\s+)?"
                         r"(?:group|panel|committee|task ?force|working group)\s+(?:also\s+)?(?:recommended|recommends|advised|advises|"
                         r"proposed|proposes|endorsed|endorses|did not (?:endorse|recommend|support)|does not (?:endorse|recommend|support))\b", re.I)
_GUIDANCE_DOES = re.compile(r"\b(?:the\s+)?(?:(?:updated|revised|new|latest|current|draft|final)\s+)?(?:recommendations|guidelines?|guidance|"
                            r"consensus statement)(?:\s+(?:on|for|from|of)\s+[^.;:]{1,80}?)?\s+(?:name|names|named|make|makes|made|"
                            r"put|puts|place|places|endorse|endorses|endorsed|recommend|recommends|recommended|advise|advises|"
                            r"advised)\s+(?!(?:it|this|that|sure|clear)\b)", re.I)


def guidance_decision(text: str) -> re.Match | None:
    """A guideline's grade or its panel's advice in the sentence (see _GUIDANCE_GRADE), or None."""
    return _GUIDANCE_GRADE.search(text) or _PANEL_SAYS.search(text) or _GUIDANCE_DOES.search(text)


# The frame put last with its verb first, as news writes it: "Build more walking minutes into your day, suggests a study
# published online June 13, 2025, by JAMA Network Open", "..., finds a new review in the BMJ." (the design within a few
# words of the verb; what follows it is only where the research appeared).
_TRAILING_INVERTED = re.compile(r",['\u2019\"\u201d]?\s*((?:suggests|says|finds|shows|reports|concludes|indicates)\s+(?:(?:a|an|the|yet|another|new|recent|latest|large|"
                                r"major|small|big|uk|us|\d{4})\s+){0,3}(?:" + ANY_DESIGN.pattern + r"))\b(?!'s|\s+(?:coordinators?|nurses?|participants?|directors?|"
                                r"sites?|staff|team|leaders?|authors?|volunteers?))[^.;!?]{0,120}?[.!]?\s*$", re.I)
# The frame at the end may name the source instead of the design: "..., the foundation estimates.", "..., the
# agency said.", "..., the authors concluded." (an organisation or the research's people, not "experts" or "doctors").
_TRAILING_SOURCE = re.compile(
    r",\s*((?:the |a |an |its |their )?(?:[\w-]+\s+){0,3}?(?:foundation|society|association|organi[sz]ation|institute|agency|college|"
    r"academy|council|federation|department|ministry|cent(?:er|re)s?|commission|task force|researchers|scientists|investigators|"
    r"authors|reviewers)\s+(?:says?|said|estimates?|estimated|reports?|reported|found|finds|concluded|concludes|warns?|warned|"
    r"notes?|noted|recommends?|recommended|advises?|advised|adds?|added|reasoned|argued|argue|wrote|write))\s*(?:\[[^\]]*\])?\s*[.!]?\s*$", re.I)
# The source put after the statement, news-headline style: "Exercise for people with low back pain, says NICE in
# draft guidance", "..., according to the Arthritis Foundation." (an acronym, or a name ending in an organisation
# word; capitals read as written, so "says it" or "said one" never count).
_TRAILING_SAYS = re.compile(
    r",\s*((?:[Ss]ays?|[Ss]aid|[Ww]arns?|[Rr]ecommends?|[Aa]dvises?)\s+(?:the\s+)?(?:[A-Z]{2,8}|(?:[A-Z][\w'&-]*\s+){0,5}"
    + ORG_WORD + r")\b)(?:\s+(?:in|on|from)\s+[\w\s'-]{0,40})?\s*[.!]?\s*$")
# A finding about the evidence itself ("Research studies of chiropractic care for low-back pain have varied in quality",
# "the trials of taping have been mixed") and a debunking ("a new study has knocked down the decades-old idea that ...",
# "the myth that a firm mattress helps is thoroughly debunked").
_EVIDENCE_QUALITY = re.compile(
    r"\b(?:research|studies|trials|evidence|literature)\b[^.;:]{0,60}?\b(?:has|have|is|are|was|were|remains?)\s+(?:been\s+)?"
    # (not "thin", "scarce", "lacking", "limited", "weak": those say there is not enough research, which states no
    # finding unless a source is credited with it — NOT_ENOUGH)
    r"(?:varied|mixed|inconsistent|poor|conflicting|low[- ]quality|"
    r"of (?:low|poor|mixed|varying|variable|high|good) quality|varied in quality)\b", re.I)
_DEBUNKED = re.compile(
    r"\b(?:debunk(?:s|ed)?|knock(?:s|ed)? down|overturn(?:s|ed)?|refut(?:es|ed)|disprov(?:es|ed)|dispel(?:s|led)?)\b[^.;]{0,40}?"
    r"\b(?:idea|myth|belief|notion|assumption)s?\b"
    r"|\b(?:myth|idea|belief|notion|assumption) that\b[^.;]{3,120}?\b(?:is|was|has been|have been)\s+(?:thoroughly\s+|now\s+|finally\s+|"
    r"largely\s+)?(?:debunked|disproved|disproven|refuted|overturned|false|not true|wrong)\b", re.I)
# Evidence that has arrived, and what it shows: "More evidence has come in that ...", "New data have emerged showing that ...".
_EVIDENCE_EMERGED = re.compile(r"\b(?:evidence|research|data|findings)\s+(?:has|have)\s+(?:now\s+)?(?:emerged|come in|come out|come to light|"
                               r"accumulated|mounted|piled up)\s+(?:to show |showing |suggesting )?that\b", re.I)
# What research as a whole shows, put first: "Based on the latest research, ...", "Based on current evidence, ...".
_BASED_ON_RESEARCH = re.compile(r"^\W*(?:but\s+|however,?\s+|yet\s+)?based on (?:the |all the )?(?:latest |current |recent |new |"
                                r"available |existing |best |most recent |up-to-date )*(?:research|evidence|studies|science|trials)\b", re.I)
# ... not the writer's own or anecdotal evidence ("Our evidence has been limited to what we see in clinic").
_OWN_EVIDENCE = re.compile(r"\b(?:our|my|your|anecdotal|personal)\s+(?:\w+\s+)?(?:evidence|research|studies|trials)\b", re.I)
# Researchers who call for something drawn from their work: "..., UNC researchers call for wider use of prevention
# programmes".
_RESEARCHERS_CALL = re.compile(r"\b(?:researchers|scientists|investigators|authors|study authors)\s+(?:call(?:s|ed)?\s+for|urge[sd]?)\b",
                               re.I)
# Research as a topic, not as the teller of a finding: "stay up to date on what the research says works",
# "what the evidence shows about ice" (unless the sentence goes on "what the research shows is that ...").
_WHAT_IT_SAYS = re.compile(r"\bwhat (?:the )?(?:latest |current |recent )?(?:research|evidence|science|studies|literature|data|trials) "
                           r"(?:says?|shows?|suggests?|tells? us)\b(?! is that)(?:\s+(?:works?|helps?|about))?", re.I)
# Research as what someone reads: "time to dig into the research", "read the studies", "keep up with the evidence".
# (Only reading verbs: "looking at the research, exercise comes out on top" still credits the research.)
_READ_OBJECT = re.compile(r"\b(?:dig(?:ging)? into|delve into|wade through|read(?:ing)?|keep(?:ing)? up with|up to date (?:on|with)|"
                          r"(?:to )?report(?:ing)?(?: on)?|cover(?:ing)?|publish(?:ing)?|"
                          r"time for)\s+(?:all )?(?:the |this |that |recent |latest )*$", re.I)
# A design word naming a place or a body, not research: "Research Centre", "research team", "study group".
_DESIGN_AS_MODIFIER = re.compile(r"\s+(?:body|bodies|council|institute|centre|center|group|unit|foundation|network|programme|program|"
                                 r"project|assistant|fellow|fellowship|nurse|department|division|organi[sz]ation|funding|grant|"
                                 r"post|blog|school|laboratory|lab|hospital|clinic|trust|charity|university|college|faculty|museum|park|database|library|register|"
                                 r"registry)\b", re.I)
# "treatments that are shown to work" describes the treatments; it credits no finding to anyone.
_SHOWN_TO_WORK = re.compile(r"\b(?:that|which) (?:are|have been|were) (?:shown|proven|known) to work\b", re.I)

# A quote from the study's author: "... ," said the lead author; "..." says Dr X, who led the trial.
# "..., says Aaron Lee, a lecturer at X, who led the new study.": the study's leader credited with the words before.
_SAYS_LEADER = re.compile(r",[\"\u201d]?\s*(?:says|said)\s+(?:Dr\.?\s+|Prof(?:essor)?\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}\b[^.]{0,120}?"
                          r"\bwho (?:led|ran|conducted|co-led|designed|headed|oversaw) the (?:new |recent |latest )?(?:study|research|trial|review|work)\b")
# (not the author of a book: "says X, a physiologist and co-author of the new book ..."; the attribution may hold a
# degree: '"...," said Jane Roe, Ph.D., professor of surgery and senior author of the study')
_QUOTED_AUTHOR = re.compile(r"[\"\u201c\u201d][^\"\u201c\u201d]{10,600}[\"\u201c\u201d](?:[^.]|\.(?=[,\w])){0,120}?\b(?:(?:lead|senior|first|co-|study) ?author"
                            r"(?!s? of (?:a|an|the|his|her|their) (?:new |recent |latest |best-?selling |popular )?(?:book|novel|guide|blog|cookbook)s?\b)|"
                            r"who (?:led|ran|conducted|co-led|designed) the (?:study|research|trial|review|work))\b", re.I)


def quoted_study_leader(text: str) -> bool:
    """Does the sentence end a quotation credited to the study's leader or author ('"...," says X, who led the study.')?"""
    text = without_credentials(text)
    return bool(_SAYS_LEADER.search(text) or _QUOTED_AUTHOR.search(text))


# Credentials after a name ("Julie Fritz, P.T., Ph.D., associate dean ..."): their stops end no sentence.
_CREDENTIALS = re.compile(r"\b(?:Ph\.\s?D|M\.\s?D|P\.\s?T|D\.P\.T|M\.\s?Sc?|B\.\s?Sc?|D\.\s?O|D\.\s?C|R\.\s?N|M\.P\.H|M\.\s?A|B\.\s?A)\.")


def without_credentials(text: str) -> str:
    """The text with the stops of credentials after names taken out ("P.T., Ph.D." -> "PT, PhD")."""
    return _CREDENTIALS.sub(lambda m: m.group(0).replace(".", "").replace(" ", ""), text)


# A quoted finding put as what surprised or what it shows: '"What surprised us is that exercise ... can be good for the joints"'.
_QUOTE_FINDS = re.compile(r"\b(?:is|was) that\b|\b(?:this|it|which) (?:shows|showed|means|meant) that\b", re.I)

# Research as an amount, not a teller: "very little research into preventing it, said X".
_AMOUNT_BEFORE = re.compile(r"\b(?:little|no|much|limited|scant|any|enough)\s+$", re.I)
# "et al." between the design and its verb is no sentence end.
_ET_AL_DOT = re.compile(r"\bet al\.")
# Between the design and the verb: another clause with its own subject ("dig into the research, so I thought a
# review would help"), a colon or a new sentence, so the verb does not report this research.
_OTHER_CLAUSE = re.compile(r";|:\s|\.\s+[A-Z]|,\s*(?:so|and|but|because)\s+(?:I|we|you|they|he|she)\b"
                           r"|,\s*with (?:many|some|most|several|other|a few|few)\b")
# "evidence that supports recovery": a relative clause that describes the evidence reports nothing.
_RELATIVE = re.compile(r"\s*(?:that|which)\s*")
_SUPPORT_VERB = re.compile(r"(?:supports?|backs?|backed|underpins?)\b", re.I)
# Citation numbers and the final stop, not counted as words of the finding after the verb.
_MARKERS_AND_END = re.compile(r"\[[\d,\s\u2013-]+\]|[.!\s]+$")
# "X, new research suggests.": a few words after a comma before the design, the frame put last.
_COMMA_THEN_FEW_WORDS = re.compile(r",\s*(?:\w+\s+){0,4}$")
# "The team ... says it hopes the findings will lead more people to ...": a hope, not a finding.
_SAYS_HOPE = re.compile(r"\b(?:says?|said) (?:it|they|she|he|we) (?:hopes?|plans?|wants?|intends?|aims?)\b"
                        r"|\b(?:we|I) (?:hope|wish|would like)\b", re.I)   # ("We hope that our findings will help ...")


# An aside set off by commas between the research and its verb: ", carried out with ... Institute, " (no sentence end,
# colon or quotation inside), then at most an adverb.
_ASIDE_AFTER_DESIGN = re.compile(r",[^,.;:!?\"\u201c\u201d]{10,200}?,\s*(?:(?:also|clearly|now|further|firmly)\s+)?")
# ("What the Study Shows" names the research as a topic)
_WHAT_BEFORE = re.compile(r"\b(?:what|which|how|why)\s*$", re.I)
# A news headline with the source last and no comma or final stop: "New Approach To Back Pain Leads to Less Disability
# Says Study", "Yoga Eases Back Pain Study Finds", "Osteoporosis patients should exercise regularly – Study".
_HEADLINE_FRAME = re.compile(r"\s[\u2013\u2014-]\s*((?:(?:a|the)\s+)?(?:(?:new|recent|latest|major|large|big|uk|us)\s+)?(?:study|research|review|trial|"
                             r"survey|analysis|researchers|scientists)(?:\s+(?:says|finds|shows|suggests|reveals))?)"
                             r"|\s((?:says?|finds?|shows?|suggests?)\s+(?:(?:a|the|(?:yet\s+)?another)\s+)?(?:(?:new|recent|latest|major|large|big|uk|us)\s+)?"
                             r"(?:study|research|review|trial|survey|analysis|researchers|scientists)"
                             r"|(?:(?:a|the)\s+)?(?:(?:new|recent|latest|major|large|big)\s+)?(?:study|research|review|trial|survey|analysis)\s+"
                             r"(?:says|finds|shows|suggests|reveals))\s*$", re.I)


def wh_announcement(text: str) -> bool:
    """"The authors report how many workers had low back pain": research announced by what it reports, with no finding
    stated before it or after a comma ("We also looked at what the programme costs, and it proved fairly cheap" states one)."""
    for m in WH_ANNOUNCEMENT.finditer(text):
        after = text[m.end():].split(",", 1)[1] if "," in text[m.end():] else ""
        # ("The graphic below shows what the research tells us": the verb that shows the announcement is no finding)
        before = re.sub(r"\b(?:shows?|showed|sums? up|summari[sz]es|illustrates?)\s+$", "", text[:m.start()])
        if not (FINDING.search(before) or FINDING.search(after) or has_effect(after) or VERB_RE.search(after)):
            return True
    return False


def claim_cue(text: str, links: list[str] | None = None) -> str | None:
    """The phrase that makes the sentence report research, or None."""
    links = links or []
    original = text
    text = GLUED_FOOTNOTE.sub("", text)
    if (QUESTION_OR_NEED.search(text) or TEASER.search(text) or WHERE_TO_READ.match(text) or APPEARS_IN.match(text)
            or never_a_claim(text)):
        return None   # (nor a pointer to where the paper is or was presented: it states no finding)
    if ANNOUNCES.search(text) and not reports_result(text):
        return None   # "An article in the journal Spine (1995;20(5):615-619) discusses exercise ...": what it is about
    text = NOT_INVOLVED.sub(" ", text)
    if method_only(text) and not (DOI.search(text) or URL.search(text)):
        return None   # (a sentence that gives the paper's DOI or link is where the article points to it)
    if lead_in(text):
        return None   # a lead-in to a list ("The research tells us three things:") states no finding itself
    if HYPOTHESIS.search(text) or wh_announcement(text) or RESEARCH_USE.search(text):
        return None   # "Researchers have proposed that ..."; "The authors report how many workers had ...": no finding
    if CAVEAT.search(text) or LIMITATION.search(text) or FURTHER_RESEARCH.search(text) or FINDINGS_TITLE.match(text) or STUDIES_ON.match(text) or BEING_TESTED.search(text):
        return None   # "the study cannot prove cause and effect"; "What the research found"; "Three new studies on ..."; a plan
    label = _EVIDENCE_LABEL.search(text)
    if label and len(text.split()) >= 6 and not DEFINITION.search(text):
        return label.group(0)   # "(SOR: B, multiple systematic reviews)": the statement's evidence, graded
    if NOT_ENOUGH.search(text) and not (ACCORDING.search(text) or _RESEARCHERS.search(text)):
        return None
    m = (_TRAILING_FRAME.search(text) or _TRAILING_SOURCE.search(text) or _TRAILING_SAYS.search(text)
         or _TRAILING_INVERTED.search(text))
    if not m:
        head = _HEADLINE_FRAME.search(text)
        # (a headline: the words before the frame state something and the line has no final stop)
        before = text[:head.start()] if head else ""
        if head and len(before.split()) >= 4 and states_something(before) and not _WHAT_BEFORE.search(before):
            return head.group(1) or head.group(2)
    if m:   # "X, a 2023 overview noted." — the frame at the end is the reporting phrase
        return m.group(1)
    m = _RESEARCHERS_CALL.search(text)
    if m and len(text[:m.start()].split()) >= 3:
        return m.group(0)
    text = _SHOWN_TO_WORK.sub(" ", _WHAT_IT_SAYS.sub(" ", text))
    for m in ANY_DESIGN.finditer(text):
        if _PERSONAL.search(text[max(0, m.start() - 25):m.start()]) or _READ_OBJECT.search(text[max(0, m.start() - 30):m.start()]):
            continue   # "my watch data shows": the writer's own experience, not research
        if _AMOUNT_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue   # "there is very little research into preventing it, said X": research as an amount, not a teller
        if _DESIGN_AS_MODIFIER.match(text, m.end()):
            continue   # "the Rehabilitation Sciences Research Centre, said": a place's name, not research that reports
        v = VERB_RE.search(text, m.end(), min(len(text), m.end() + 90))
        if v is None:
            # "The King's College led study, carried out with us at ... and the ... Institute, shows that": the verb
            # right after an aside set off by commas, however long
            aside = _ASIDE_AFTER_DESIGN.match(text, m.end())
            v = VERB_RE.match(text, aside.end()) if aside else None
        if (v is not None and _WHO_ON_STUDY.search(text[max(0, m.start() - 40):m.start()]) and _SAID.fullmatch(v.group(0))
                and not (FINDING.search(text[v.end():]) or has_effect(text[v.end():]) or COMPARED.search(text[v.end():]))):
            continue   # "X, who worked on the study, said our ideas of how to sit are out of date": a person's view
        # the verb must report something ("what the studies say." reports nothing)
        between = _ET_AL_DOT.sub("et al", text[m.end():v.start()]) if v else ""
        # (the verb of another clause with its own subject does not report this research: "dig into the research,
        # so I thought a review would help")
        # (nor does a verb after a colon, "research made simple: evidence that supports recovery", nor an
        # infinitive, "researchers hope to find")
        # (and "evidence that supports recovery" describes the evidence: a relative clause reports nothing)
        if (v and not _OTHER_CLAUSE.search(between)
                and not _INTENT.search(text[:v.start()])
                and not (_RELATIVE.fullmatch(between) and _SUPPORT_VERB.match(v.group(0)))):
            after = _MARKERS_AND_END.sub("", text[v.end():]).split()
            before = text[:m.start()]
            # "X, new research suggests." puts the finding first and the frame last
            if len(after) >= 3 or (_COMMA_THEN_FEW_WORDS.search(before) and len(before.split()) >= 4):
                return text[m.start():v.end()]
    for rx in (ACCORDING, ACCORDING_NAMED):
        m = rx.search(text)
        if m and states_something(without_source(text, m)):
            return m.group(0)
    if _SAYS_HOPE.search(text):
        return None   # "The team ... says it hopes the findings will lead more people to ...": a hope, not a finding
    m = _RESEARCHERS.search(text)
    if m and _INTENT.search(text[:m.end()].rsplit(" ", 1)[0] + " "):
        text = text[:m.start()] + text[m.end():]   # "Researchers hope to find ...": an aim, not a finding
    m = _IN_A_STUDY.search(text)
    if m and not states_something(text[:m.start()] + " " + text[m.end():]):
        text = text[:m.start()] + text[m.end():]   # "In this study we talk about moderately high exercise": no result
    for rx in (ORG_SAYS_SUBJECT, _PASSIVE, _STOCK, _ARTICLE_IN, _RESEARCHERS, _DOCTOR_FOUND, _IN_A_STUDY, _SHOWED_A_STUDY,
               _THIS_PROVES, _PROVEN):
        m = rx.search(text)
        if m:
            return m.group(0)
    m = guidance_decision(text)
    if m:
        return m.group(0)   # a guideline's grade or its panel's advice: "CBT received a weak recommendation", "The panel
        #                     recommended against ...", "Updated recommendations ... name exercise as the therapy ..."
    # (after every cue that names the research and its verb: "the evidence has been mixed, and one large trial
    # suggested ..." is the trial's finding)
    m = _BASED_ON_RESEARCH.search(text)
    if m and states_something(text[:m.start()] + " " + text[m.end():]) and not _OWN_EVIDENCE.search(m.group(0)):
        return m.group(0)   # "Based on the latest research, however, both are unlikely causes of neck pain."
    m = _EVIDENCE_EMERGED.search(text)
    if m and (has_effect(text[m.end():]) or FINDING.search(text[m.end():])):
        return m.group(0)   # "More evidence has come in that Pilates can help people with back pain"
    m = _EVIDENCE_QUALITY.search(text) or _DEBUNKED.search(text)
    if m and not PERSONAL_CLAIM.search(text) and not _OWN_EVIDENCE.search(text[max(0, m.start() - 20):m.start() + 12]):
        return m.group(0)
    m = _STUDY_OFFERS.search(text)
    if m:
        return m.group(0)   # "this new study gives yet another reason: it keeps the knees healthy"
    m = _BODY_FIGURES.search(text)
    if m and states_something(text[m.end():]):
        return m.group(0)   # "new figures from the CDC show that two-thirds of ...": a named body's figures
    cite = citation_marker(original) or next((u for u in links if PAPER_LINK.search(u)), None)
    text = without_credentials(text)
    if not cite and _QUOTED_AUTHOR.search(text) and (FINDING.search(text) or (has_effect(text) and _QUOTE_FINDS.search(text))):
        return _QUOTED_AUTHOR.search(text).group(0)   # a study author's quoted finding
    leader = _SAYS_LEADER.search(text)
    if not cite and leader and (FINDING.search(text[:leader.start()]) or COMPARED.search(text[:leader.start()])
                                or has_effect(text[:leader.start()])):
        return leader.group(0)
    if cite and not DEFINITION.search(text) and not PERSONAL_CLAIM.search(text) and len(text.split()) >= 6:
        return cite   # a statement the article backs with a citation is a claim from that source
    return None


# A paper announced by its subject, cited but stating no finding.
ANNOUNCES = re.compile(r"^(?:an?|the|this|that|one|another)\s+(?:[\w-]+\s+){0,3}(?:article|paper|study|review|report|piece)\b.{0,140}?"
                        r"\b(?:discusses|discussed|looks at|looked at|examines|examined|explores|explored|"
                        r"considers|considered|addresses|addressed)\b", re.I)
# An aim before the verb: "Researchers hope to find", "the study aims to show" (not "studies to back this up",
# "the first to show that").
_INTENT = re.compile(r"\b(?:hopes?|hoped|hoping|wants?|wanted|plans?|planned|planning|aims?|aimed|aiming|seeks?|sought|seeking|"
                     r"needs?|needed|tries|tried|trying|set out|sets out|intends?|intended|expects?|expected|going|would like|"
                     r"will try) to\s+$", re.I)
# A ranking or advice credited to a source ("the most common cause", "should") is something it says, not a
# comment on the results.
_RANKING = re.compile(r"\b(?:most|least|leading|main|top|common|rare|rarely|usually|often|always|never|only|best|worst|"
                      r"largest|biggest|greatest|highest|lowest|first|second|third|recommend\w*|should|advis\w*)\b", re.I)


_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|dozens?|hundreds?|thousands?|millions?|"
                          r"billions?|half|third|quarter|percent|per cent)\b", re.I)

_UP_TO_COMMA = re.compile(r"^[^,]*,?")


def without_source(text: str, m: re.Match) -> str:
    """The sentence without the source frame ``m`` and what follows it up to the next comma ("According to
    study author Ana Ruiz, the results are ..." -> "   the results are ..."): what the source is said to say."""
    return text[:m.start()] + " " + _UP_TO_COMMA.sub(" ", text[m.end():])


# "According to study author X, they are also not very surprising": what the source is said to say must be a
# result, a figure, a comparison or a ranking, not a comment on the results.
def says_nothing(text: str) -> bool:
    """"According to the study's author, they are not very surprising": a source credited with a comment only; or a
    sentence the page cuts right after its reporting verb ("A recent review of the evidence has shown that is")."""
    if _CUT_AFTER_VERB.search(text):
        return True
    m = ACCORDING.search(text) or ACCORDING_NAMED.search(text)
    return bool(m) and not states_something(without_source(text, m))


# A sentence cut right after "... has shown that" (and a word at most), with no final stop: it states nothing.
_CUT_AFTER_VERB = re.compile(rf"\b{VERBS}\s+that(?:\s+[\w']+)?\s*$", re.I)


_EVALUATIVE = re.compile(r"\b(?:safe|unsafe|effective|ineffective|helpful|unhelpful|useful|useless|beneficial|harmful|superior|inferior)\b", re.I)


# A trend is a finding: "LBP rates have generally risen among office workers".
_TREND = re.compile(r"\b(?:risen|rose|rising|fallen|fell|falling|grown|grew|growing|declined|declining|doubled|tripled|halved|climbed|"
                    r"dropped|soared|plummeted)\b", re.I)


# A risk set higher or lower: "girls who diet are at greater risk of osteoporosis".
_RISK_STATED = re.compile(r"\b(?:at|an?)\s+(?:greater|higher|lower|increased|reduced|raised|elevated|bigger|smaller|extra)\s+risk\b", re.I)


def states_something(text: str) -> bool:
    """Does the text state a result, a figure, a comparison, a ranking or an evaluation (not only a comment)?"""
    return bool(FINDING.search(text) or has_effect(text) or DIGIT.search(text) or COMPARED.search(text) or _NUMBER_WORD.search(text)
                or _RANKING.search(text) or VERB_RE.search(text) or _EVALUATIVE.search(text) or _TREND.search(text)
                or _RISK_STATED.search(text))


# An evidence grade after a statement, as clinical Q&As and guideline summaries print it: "(SOR: B, RCTs)",
# "(strength of recommendation: A)", "(level of evidence: 2)", "(Grade B evidence)".
_EVIDENCE_LABEL = re.compile(r"\((?:SOR|strength of recommendation(?: \[SOR\])?|level of evidence|LOE|evidence level|grade)\s*[:=]?\s*"
                             r"(?:[A-D]|[1-5][abc]?|I{1,3}V?|IV|high|moderate|low)\b[^()]{0,120}\)|\(grade [A-D] (?:evidence|recommendation)\)", re.I)


# A named body's figures or data: "new figures from the CDC show that ...", "data released by Public Health England
# suggest ...". An organisation's figure is a claim (README gold rules); the body is an acronym or a capitalised name.
_BODY_FIGURES = re.compile(r"\b(?:figures|data|statistics|numbers|estimates)\s+(?:from|by|released by|published by|issued by)\s+(?:the\s+)?"
                           r"(?:[A-Z]{2,}|[A-Z][\w'-]+(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'-]+){1,5})\s+"
                           r"(?:show|shows|showed|suggest|suggests|suggested|reveal|reveals|revealed|indicate|indicates|indicated)\b")

# Research said to give a reason, remedy or evidence ("this new study gives yet another reason: it keeps the knees
# healthy", "This study offers a simple remedy, as walking is free"): the writer's reading of what it found.
_STUDY_OFFERS = re.compile(r"\b(?:this|the|that|their|a) (?:new |latest |recent |latest )?(?:study|trial|review|research|findings)\s+"
                           r"(?:offers|gives|provides|adds|brings|lends)\s+(?:us\s+)?(?:yet\s+)?(?:another|one more|a|an|more|new|further|strong)?\s*"
                           r"(?:[\w-]+\s+)?(?:reason|remedy|evidence|proof|support|argument)\b", re.I)

# The speaker described by a relative clause that ends on the research ("Dr X, a lecturer who worked on the study, said
# ..."): the person says it, not the study; what they say is a claim only if it states a finding.
_WHO_ON_STUDY = re.compile(r"\bwho (?:worked on|took part in|was involved in|contributed to|helped (?:run|with)|co-authored|led|ran|"
                           r"conducted) (?:the |this |that )?(?:new |recent )?$", re.I)
_SAID = re.compile(r"(?:says|said|told|added|explained|noted)", re.I)
