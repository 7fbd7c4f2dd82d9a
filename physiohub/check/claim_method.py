"""Sentences that say what a study did (recruited, compared, put its groups on a programme, where it was
published) rather than what it found.
"""
from __future__ import annotations

import re

from .claim_words import FINDING

# A sentence that says what a study did, not what it found ("Researchers recruited 351 workers ...",
# "The program used in this study consisted of ...", "A recent study looked at the effect of ..."): a
# method verb with what it was done to, and no word that reports a result.
METHOD = re.compile(
    r"\b(?:recruited|enrolled|involved|included|took in|signed up|randomly (?:assigned|split|divided|allocated)|assigned|allocated|"
    r"randomi[sz]ed|"
    r"surveyed|interviewed|reviewed|pooled|combined|analy[sz]ed|compared|examined|tested|looked at|studied|followed|"
    r"tracked|asked|gave|brings? together|brought together|pulls? together|pulled together|draws? together|drew together|selected|chose|picked)\s+(?:(?:the|their|data (?:from|on)|results of|records of|more than|nearly|almost|about|over|"
    r"some|roughly|around)\s+){0,3}(?:\d[\d,]*|(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b|"
    r"the (?:effects?|results|data|records|role|impact|rates?|risks?|outcomes|levels|numbers?)\b|whether\b|how\b|(?:their|its) )"
    r"|\b(?:looked at|looked into|investigated|assessed|evaluated|explored|analy[sz]ed|focus(?:ed|es|sed) on)\b"
    # reading the literature: "went through hundreds of earlier papers testing whether ..."
    r"|\b(?:went|go|goes|combed|comb|sifted|sift|trawled) through (?:\w+ ){0,4}?(?:papers|studies|trials|articles|records|reports)\b"
    # who did it and whom they took: "The trial was led by researchers at ...", "In this paper, researchers took 64
    # patients with neck pain"; an announcement of results: "researchers ... published the results of their study looking at ..."
    r"|\b(?:was|were) (?:led|run|headed|coordinated) by\b"
    r"|\b(?:researchers|scientists|investigators|the (?:team|authors|researchers|investigators)|they) (?:took|gathered) (?:\w+ ){0,2}?"
    r"\d[\d,]* (?:[\w-]+ ){0,3}?(?:patients|people|participants|adults|volunteers|women|men|subjects|runners|workers)\b"
    r"|\bpublished (?:the )?(?:results|findings) of (?:their|a|the|its|this) (?:[\w-]+ ){0,2}?(?:study|trial|review|research|survey)\b"
    # reading the trials: "The authors reviewed the randomized trials that compared ..."
    r"|\b(?:reviewed|pooled|combined|searched for) (?:the |all |every |all the )?(?:[\w-]+ ){0,2}?(?:trials|studies|papers|articles)\b"
    # the draw itself: "209 patients ... were randomly assigned to pregabalin or placebo"
    r"|\b(?:were|was) (?:then )?(?:randomly |randomi[sz]ed and )?(?:assigned|allocated) (?:at random )?to\b"
    r"|\bconsist(?:ed|s) of\b|\bwas made up of\b|\b(?:set out|set up|aimed|wanted|hoped|sought|planned) to\b"
    r"|\b(?:its|the|their|the study's|the trial's) (?:main )?(?:aim|goal|purpose|objective) (?:was|is) to\b"
    r"|\b(?:ran|conducted|carried out|undertook|designed|started|began|launched) (?:the|this|a|an|their|its) (?:[\w-]+ ){0,2}(?:study|trial|research|review|survey)\b"
    r"|\b(?:was|were|is|are) (?:funded|paid for|sponsored|commissioned) by\b"
    # where it was done: "The federally funded study took place at seven major universities and followed ..."
    r"|\b(?:study|trial|research|survey|review|project)\b[^.;]{0,40}?\b(?:took place|was (?:carried out|conducted|run|done|based)) (?:at|in|across)\b"
    # who was in it: "Staff from seven nursing homes ... took part in the study"
    # (not "workers who took part in the survey said ...": there it names the people a result is about)
    r"|(?<!who )(?<!that )(?<!which )\b(?:took|take|takes|taking) part in (?:the|this|a|an|their|its) (?:[\w-]+ ){0,2}(?:study|trial|research|survey|review)\b"
    r"|\b(?:is|are) (?:now )?(?:running|conducting|recruiting|planning)\b|\bwill (?:look|test|study|follow|compare|assess|measure|examine|investigate|explore|evaluate|track)\b"
    # (a plan "will see whether ...", not a projection "1 in 50 people will see their GP about it")
    r"|\bwill see (?:whether|if|how|what)\b"
    # what it was tested against: "Radial shockwave has been tested against a sham treatment in a large trial of 250 patients"
    r"|\b(?:has|have|had) been (?:tested|compared|trialled|trialed|pitted) (?:against|with) (?:a |an |the )?(?:[\w-]+ ){0,2}"
    r"(?:sham|placebo|control|usual care|dummy|fake)\b", re.I)
_PROCEDURE = re.compile(
    # the groups of a study and what was done with them: "77 patients were divided into three groups", "15 people
    # were put on a program of ...", "One group received acupuncture", "The exercises were done by raising ..."
    r"\b(?:were|was) (?:then |randomly |each )?(?:divided|split|sorted|grouped|put|placed) (?:in|into|on|onto)\b"
    # how long they were followed and what was counted: "Both groups were then followed for a year, and the researchers
    # tracked any return of pain"; who they were on entry: "participants had had four years of pain before joining the study"
    # (as with the rest of these, a comparison beside it is a result: "those followed for a year had less pain than ...")
    r"|\b(?:was|were) (?:then |later )?(?:followed|tracked|monitored)(?: up)? for\b|\btracked (?:any|every|each|all|the number of)\b"
    r"|\bbefore (?:joining|entering|enrolling in|starting) the (?:study|trial)\b"
    r"|\b(?:were|was) (?:then )?(?:randomly )?(?:assigned|allocated|randomi[sz]ed) (?:either )?(?:to|into|between)\b"
    # the same with the verb left out: "patients randomly assigned to a treatment group received manual therapy"
    r"|\b(?:randomly )?(?:assigned|allocated|randomi[sz]ed) (?:to|into) (?:a|the|one|either|each) (?:[\w-]+ ){0,2}groups?\b[^.;]{0,30}?"
    r"\b(?:received|got|did|were given|was given|took|followed|performed)\b"
    r"|\b(?:hoped|wanted|aimed|set out|sought|planned|tried) to (?:see|find out|test|learn|know|check|determine|establish|assess|measure) "
    r"(?:whether|if|how)\b"
    r"|\b(?:exercises?|program(?:me)?s?|sessions?|routines?|protocols?) (?:had|asked|required|made) (?:the|each|every|all) "
    r"(?:exercisers?|participants?|patients?|subjects?|volunteers?|women|men|people)\b"
    r"|\b(?:were|was) (?:done|performed|carried out|delivered) (?:by|with|at|in|while|using|twice|three|once)\b"
    r"|\b(?:one|a second|another|the other|the last|the (?:first|second|third|control|exercise|treatment|placebo|sham)) group "
    r"(?:received|got|did|was given|took|had|followed|were|was|consisted of|comprised|included|contained)\b"
    # a step of the procedure: "The researchers then worked out the forces the volunteers produced"
    # the arms of a trial: "... patients did either progressive aerobic exercise or ...", "one group of people in their
    # 60s did tai chi ..., while a similar group did ..."
    r"|\b(?:did|received|got|were given|were assigned to|took part in|followed)\s+either\b"
    r"|\bone group\b[^.;]{0,80}?\b(?:did|received|got|was given|were given|took|followed|practi[sc]ed)\b[^.;]{0,160}?"
    r"\b(?:while|whereas|and) (?:a|the|another|the other|a similar|a second|a matched) (?:\w+ )?group\b"
    r"|\b(?:then|next|first|finally|afterwards|later) (?:worked out|computed|calculated|measured|modell?ed|recorded|filmed|scanned|"
    r"tested|weighed|timed|counted|asked|gave|put)\b"
    r"|\b(?:the )?(?:other|remaining|two|three|four|both) (?:\w+ )?groups? (?:added|received|got|did|were given|took|followed|used)\b"
    # passive enrolment and a literature search: "97 participants with neck pain were enrolled in total", "searched
    # four research databases for trials"
    r"|\b(?:were|was) (?:then |first )?(?:enrolled|recruited|screened)\b"
    # the programme they were put through: "people ... did a 12-week exercise and education program instead of the operation"
    r"|\b(?:did|completed|underwent|attended) (?:a|an) (?:\d+|[a-z]+)[- ](?:week|month|day|session)\b"
    # "2100 adults filled in a diet questionnaire", "the treatments under review included education, belts and ..."
    r"|\b(?:filled in|filled out|completed|answered|returned) (?:a |an |the |their |two |three )?(?:[\w-]+ ){0,2}(?:questionnaires?|surveys?|diar(?:y|ies)|forms?)\b"
    r"|\b(?:under (?:review|study|investigation)|studied|tested|reviewed|examined) (?:included|involved|ranged from)\b"
    # "plenty of trials have compared various forms of X with almost anything"
    r"|\b(?:have|has) (?:been )?compared (?:[\w-]+ ){1,6}?(?:with|to|against)\b"
    r"|\bsearched (?:\w+ ){0,3}(?:databases?|literature|registers|registries)\b"
    r"|\bcompared (?:[\w-]+ ){1,4}(?:before and after|with and without|in (?:two|three|four) groups)\b"
    r"|\b(?:tested|checked|measured|sampled|scanned|analy[sz]ed) (?:the |their |each |every )?(?:[\w-]+ ){0,6}for\b"
    # where it appeared, not what it found: "The study ... was presented recently at a scientific meeting",
    # "Her research, just published in a leading journal, is the first study to pool ..."
    r"|\b(?:was|were|is|are|has been|have been|just|recently) (?:recently |just |first |online )?(?:published|presented|released) "
    r"(?:recently |online |today |this week |last \w+ )?(?:\([^)]{0,30}\) )?(?:in|at|by)\b|^published (?:in|by)\b"
    # how the studies were appraised: "quality was rated with the Risk of Bias tool", "tools were used to grade the data"
    r"|\b(?:was|were) (?:rated|assessed|graded|scored|appraised|judged|evaluated) (?:with|using|by means of|on)\b"
    r"|\b(?:used|applied) to (?:assess|grade|rate|score|appraise|judge|evaluate|measure)\b"
    # where a statement comes from or where the study was covered: "The above comes from a study published in ...",
    # "The study was also covered in an Associated Press story"
    r"|\b(?:comes?|came|is taken|was taken|are taken|were taken|is drawn) from (?:a|an|the|two|three|several|\w+) (?:[\w-]+ ){0,5}?"
    r"(?:stud(?:y|ies)|trials?|reviews?|research|papers?|surveys?|reports?|analys[ie]s)\b"
    r"|\b(?:was|were|has been|have been) (?:also |widely )?(?:covered|reported on|featured|picked up|written about) (?:in|by)\b"
    # who took part: "The people in the trials were adults aged 50 or over", "Participants in the study had
    # had back pain for at least three months"
    r"|^(?:(?:the |all (?:the )?)?|(?:most|many|some|few|half|nearly all|almost all) (?:of )?(?:the )?)(?:\d[\d,]* )?(?:people|participants|patients|subjects|volunteers|women|men|adults|children|runners|workers) "
    r"(?:in|of|taking part in|enrolled in) (?:the|these|this|both|all|each|their) (?:[\w-]+ )?(?:trials?|stud(?:y|ies)|reviews?|groups?|research)\b"
    r"\s+(?:were|was|had|came from|ranged|lived|included)\b"
    # the arms as halves: "half of the patients had neck manipulation and the other half had no treatment"
    r"|\bhalf (?:of )?(?:the )?(?:[\w-]+ ){0,2}?(?:received|had|got|did|were given|took|was given)\b[^.;]{0,100}?\b(?:the other half|the rest|"
    r"the remainder|the others)\b"
    # how long they were followed: "followed the women for 7 years", "The average time the groups were followed was 7.1 years"
    r"|\bfollowed (?:the|their|all|these|those|\d[\d,]*) (?:[\w-]+ ){0,2}?(?:women|men|people|participants|patients|children|adults|"
    r"runners|workers|volunteers|subjects) (?:up )?(?:for|over)\b"
    r"|\b(?:were|was) followed (?:up )?(?:for|over)\b|\b(?:average|mean|median) (?:time|length|follow-up|observation time|duration)\b"
    r"[^.;]{0,40}?\b(?:was|were)\s+(?:about |around |nearly )?\d"
    # what an analysis left out or took in: "Early retirement and turnover were not counted in the analysis"
    r"|\b(?:were|was)(?: not|n't)? (?:counted|included|captured|taken into account|factored in) in (?:the|this|that|their|its) "
    r"(?:analysis|study|review|report|figures?|estimates?|calculations?|survey)\b"
    # what a study tried out: "The new study tested a new method known as ...", "trialled an approach called ..."
    r"|\b(?:tested|trialled|trialed|piloted|evaluated|assessed|introduced) (?:a|an) (?:new |novel |different |innovative |simple )?"
    r"(?:method|approach|treatment|programme|program|intervention|technique|therapy|way|strategy|tool|device)\b"
    r"|\b(?:were|was) compared (?:with|to|against)\b"
    r"|\b(?:trial|study|review|analysis) (?:examined|evaluated)\b|\b(?:were|was) randomi[sz]ed\b"
    r"|\b(?:were|was) (?:then |also )?(?:surveyed|interviewed|questioned) (?:on|about|for|at|every|three|twice|\d)"
    r"|\b(?:were|was) (?:also )?(?:told about|told that|taught|given|shown|offered|sent) (?:the |a |an |about |their )"
    # what the care consisted of: "This care included reassurance that the symptoms would settle, ..."
    r"|^(?:this|the|their|usual) (?:\w+ )?(?:care|treatment|programme|program|intervention|therapy|sessions?)s? (?:included|involved|consisted of|comprised)\b"
    # what the research it speaks of took in: "The trials included walking, tai chi and resistance training."
    r"|^(?:(?:most|many|some|few|half|nearly all|almost all|all) (?:of )?)?(?:the|these|those|its|their) (?:\w+ )?(?:trials|studies|reviews|papers)"
    r"(?: \([^()]{1,30}\))? (?:included|involved|covered|spanned|enrolled|recruited)\b"
    # who they were on entry: "At the start, the participants had mild knee OA or were at higher risk of it"
    r"|^(?:at (?:the )?(?:start|outset|baseline|beginning)|at the start of the (?:study|trial)|on entry|when they joined),? "
    r"(?:the |all (?:the )?|most (?:of the )?)?(?:people|participants|patients|subjects|volunteers|women|men|adults|children|runners|workers) "
    r"(?:had|were|was)\b"
    # an aim written as a sentence: "To record pain intensity, function and quality of life before treatment ..."
    r"|^to (?:record|assess|evaluate|determine|compare|investigate|examine|measure|test|explore|describe|identify)\b"
    # when it measured: "The study measured results after three months and at one year."
    r"|\b(?:measured|assessed|checked|recorded|tested) (?:the |their )?(?:results|outcomes|progress|pain|function) (?:after|at|over|every|for)\b"
    # what kind of study it was: "This recent study was a systematic review and meta-analysis of 5 studies, with more
    # than 1,700 subjects", "This study is a Systematic Review, which sits very high in the hierarchy of evidence"
    r"|^(?:this|the|that|their|our) (?:new |recent |latest |current |first |second |original |large |small )?(?:study|paper|research|"
    r"review|trial|work|analysis) (?:was|is) (?:a|an) (?:[\w-]+ ){0,5}?(?:review|meta-analysis|trial|study|survey|analysis|RCT)\b"
    # the search's yield: "Of 299 studies found, only 3 were relevant", "Shrier found 14 suitable studies in all",
    # "Nine clinical trials were included, and only one had sufficient methodological quality"
    r"|^(?:only )?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty[\w-]*) (?:\w+ )?"
    r"(?:trials|studies|papers|RCTs|reviews|articles) (?:were|was) (?:included|eligible|identified|selected)\b"
    r"|\bof (?:the )?\d[\d,]* (?:\w+ )?(?:studies|papers|trials|articles|records|reviews)(?: (?:found|identified|screened|retrieved))?,? "
    r"(?:only )?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten) (?:were|was|met|made)\b"
    r"|\b(?:found|identified|located|retrieved|screened) (?:a total of )?\d[\d,]* (?:suitable|relevant|eligible|usable|good|"
    r"high-quality|randomi[sz]ed|controlled)? ?(?:studies|papers|trials|articles|RCTs)(?: in all| in total| that met)?\b"
    # what a review included, as a bare count: "217 trials, 15,684 participants with knee OA."
    r"|^\d[\d,]* (?:randomi[sz]ed )?(?:trials|studies|papers|RCTs|articles),? (?:with |and |involving |including )?\d[\d,]* "
    r"(?:participants|patients|people|adults|subjects|volunteers)\b"
    # what a study set side by side: "A more recent study from 2009 compared off-the-shelf insoles ... with custom-made
    # orthotics", "The second study took a photo of the participants' heads ... and then compared it with pain reported
    # months later" (a result would follow: "... and found the insoles worked as well", "... had less pain than")
    r"|\b(?:stud(?:y|ies)|trials?|reviews?|papers?|research|researchers|investigators|scientists|team|analys[ie]s)\b"
    r"(?:(?!\b(?:found|find|finds|show|shows|showed|shown|concluded|concludes|suggests?|suggested|reported|reports|demonstrated?|"
    r"reveals?|revealed|that)\b)[^.;]){0,80}?"
    r"\bcompared\s+(?!with\b|to\b|against\b)[^.;]{1,120}?\b(?:with|to|against)\b"
    # who did what in it: "In the new study, 50 adults with moderate to severe osteoarthritis completed an intensive
    # course of ...", "A similar group of patients had knee replacements, followed by ..."
    r"|^in (?:the|this|a|their|that) (?:new |latest |recent |current |first |second |larger |smaller )?(?:study|trial|research|experiment),?\s+"
    r"(?:about |some |nearly |almost |over )?\d[\d,]*\s+(?:[\w-]+\s+){0,6}?(?:completed|underwent|did|received|were given|took|had|"
    r"followed|attended|wore|used)\b"
    r"|^(?:a|the|another) (?:similar|second|matched|comparable|control|third) group (?:of [\w-]+ )?(?:had|received|got|did|was given|"
    r"were given|underwent|followed|took)\b"
    # an aim on its own: "... have done exactly this to find out whether stretching prevents injury"
    r"|\bto (?:find out|see|test|learn|determine|establish|check|assess|work out) (?:whether|if)\b", re.I)

# What a procedure sentence would need to report a result ("lowering the legs" and "strength work" are not results).
_REPORTED = re.compile(
    r"\b(?:found|finds?|show(?:s|ed|n)?|showing|suggest(?:s|ed|ing)?|conclude[sd]?|concluding|reveal(?:s|ed)?|demonstrate[sd]?|"
    r"prove[sd]?|indicate[sd]?|confirm(?:s|ed)?|(?<!rather )than|compared|versus|less|more|fewer|better|worse|significant(?:ly)?|"
    r"no (?:\w+ )?(?:difference|effect|benefit|change|rise|increase|decrease)|improvements?|reductions?|relief|twice as|times as|"
    r"not differ|differed)\b|\d\s?(?:%|percent|per cent)", re.I)


# What a study set out to do is no result: "looked at ways to improve function", "testing whether taping helped to
# ease pain" (up to a result verb of its own: "... and found that it did").
_AIM = re.compile(r"\b(?:ways?|how|designed|meant|intended|in order|aim(?:ed|s|ing)?|tr(?:y|ied|ying)|s(?:ought|eeking)) to \w+"
                  # "looked at how quality of life changes over time ..., work that could help find ...": what it studied
                  # and what the work is for
                  r"|\b(?:looked at|look at|looking at|studied|examined|explored|investigated|tracked) how\b"
                  r"(?:[^;.,]*?(?=\b(?:and|but),? (?:found|showed|concluded|reported)\b)|[^;.,]*)"
                  r"|,\s*(?:work|research|a study|findings?|data) that (?:could|may|might|will|would|should) (?:help|lead|inform)\b[^;.]*"
                  # "with a secondary aim of reducing pain"; participants "who showed signs of tendinopathy" (who they were)
                  r"|\b(?:aims?|goals?|purposes?|objectives?) of \w+ing\b|\bwho (?:showed|show|had|reported) (?:clinical )?(?:signs|symptoms)\b"
                  r"|\b(?:testing|test|tested|asking|asked|checking|to see|to find out|investigating|looked at|look at|looking at|focused on|"
                  r"focuses on|focus on|examined|explored|studied|assessed|evaluated) (?:whether|if)\b"
                  r"(?:[^;.]*?(?=\b(?:and|but),? (?:found|showed|concluded|reported)\b)|[^;.]*)"
                  r"|\b(?:whether|how (?:well|much|far|often|effective(?:ly)?))\b[^;.]*?(?=\b(?:and|but),? (?:found|showed|concluded|reported)\b|[;.]|$)", re.I)


# "as the examination indicated", "as each patient's tests showed": the grounds of a step of the procedure.
_AS_INDICATED = re.compile(r"\bas (?:the |each |every |his |her |their |its )?[\w'\u2019 -]{0,50}?\b(?:indicated|showed|suggested|"
                           r"required|needed|dictated)\b", re.I)


# A count is no comparison: "more than 2100 men and women" reports nothing.
_COUNT = re.compile(r"\b(?:more|less|fewer) than (?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a (?:hundred|thousand))\b)", re.I)


# "A more recent study ...": when, not a comparison.
_RECENT = re.compile(r"\b(?:more|most) recent(?:ly)?\b", re.I)


# Who the sample were, in brackets after a count: "(80% of them office workers)" is no result.
_SAMPLE_SHARE = re.compile(r"\(\s*\d{1,3}\s?(?:%|percent|per cent) (?:of (?:them|whom|the [a-z]+)|were (?:women|men|female|male))[^()]{0,60}\)", re.I)


def method_only(text: str) -> bool:
    """The sentence says what a study did (recruited, compared, consisted of, put its groups on a programme,
    where it was published) and reports no result."""
    text = _RECENT.sub(" ", _COUNT.sub(" ", text))
    m = METHOD.search(text)
    if m and not FINDING.search(METHOD.sub(" ", _AIM.sub(" ", text))):
        return True
    # ("..., as the physical therapist's examination indicated": how the treatment was chosen, not a result)
    return bool(_PROCEDURE.search(text)) and not _REPORTED.search(_SAMPLE_SHARE.sub(" ", _AS_INDICATED.sub(" ", _PROCEDURE.sub(" ", text))))

