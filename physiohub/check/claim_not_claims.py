"""Patterns of sentences that are not claims whatever they mention: teasers, questions, needs, definitions,
the writer's own practice, calls to action, plans, page furniture, reference label lines. The rules and the
model veto (``claim_vetoes``) read them.
"""
from __future__ import annotations

import re

# Teasers and list lead-ins report no finding: "Let's see what the studies say", "So what does the research
# say?", "Recent research has produced a handful of findings worth knowing about:".
TEASER = re.compile(
    r"\blet'?s (?:see|look|take a look|find out|dig|explore)\b|\blet us (?:see|look)\b"
    r"|^(?:in this (?:[\w-]+ ){0,3}?(?:post|article|blog|piece|video|episode|review|paper|chapter|report),? )?(?:we|I)(?:'ll| will)? (?:sum up|summari[sz]e|describe|explain|outline|"
    r"present|look at|discuss|go through|review)\b"
    r"|\bhere(?:'s| is| are) what (?:the )?(?:latest )?(?:research|science|studies|evidence)"
    r"|\bwhat (?:the )?(?:latest |current )?(?:research|evidence|science|studies) (?:says?|shows?|tells? us) (?:about|on|regarding)\b"
    r"|[\u2013\u2014:|?-]\s*what (?:the )?(?:latest |current |clinical |scientific |new )?(?:research|evidence|science|studies) (?:says?|shows?)\s*[.!]?\s*$"
    # "...: What a National Survey Shows", "- What One New Trial Found": a title promising a study's answer
    r"|[\u2013\u2014:|?-]\s*what (?:a|an|the|one|this|that|new)\s+(?:[\w-]+ ){0,3}?(?:stud(?:y|ies)|survey|review|trial|"
    r"analysis|report|data)\s+(?:says?|shows?|found|finds|reveals?|tells? us)\s*[.!]?\s*$"
    # an answer line that only says research agrees: "That may sound bold, but research backs it up."
    r"|\b(?:research|science|the (?:evidence|science|research|data)|studies|evidence)\s+(?:backs?|backed) (?:it|this|that|them) up\s*[.!]?\s*$"
    r"|\b(?:on this page|in this (?:section|page|library)),? you (?:will|can|'ll) find\b"
    r"|\b(?:findings|results|insights|lessons|things) (?:worth|you should|to) know"
    # the page describing itself: "this guide explains what the clinical evidence really shows", "This blog looks at what
    # exercise does for arthritis, drawing on recent studies", "this Research Report gives a broad overview of ..."
    r"|\b(?:this|our) (?:[\w-]+ ){0,2}?(?:guide|blog|post|article|page|report|piece|review|overview|summary|factsheet|leaflet)\s+"
    r"(?:explains|looks at|discusses|gives|covers|summari[sz]es|sets out|walks you through|explores|outlines)\b"
    # a promise of findings: "the research points to some fascinating facts about stretching"
    r"|\b(?:points?|pointed) to (?:some|a few|several) (?:\w+ )?(?:facts|findings|things|insights)\b"
    r"|\b(?:a handful|a few|some|several|a number) of (?:\w+ )?(?:findings|results|insights)\b"
    # "went through 200 studies ... and found something interesting": a finding promised, not said
    r"|\b(?:found|discovered|uncovered|noticed|spotted) (?:something|a few things|some things) (?:\w+ )?(?:interesting|surprising|"
    r"unexpected|remarkable|important|new|curious)\b"
    # a headline that promises the finding without stating it: "New Study Reveals How to Outsmart Heel Pain",
    # "A Study Reveals Why It Persists", "Research shows what works"
    r"|\b(?:reveals?|shows?|explains?|uncovers?|finds?|tells?(?: us)?) (?:how to\b|why (?:it|this|that|they|you|your|we)\b|"
    r"what (?:to\b|works\b|you\b|happens\b)|the (?:secret|truth|answer|best way)s?\b)"
    # ... or names only a kind of thing: "Study Identifies Exercise That Could Reduce Knee Pain", "Research reveals the
    # food that may ease arthritis" (which exercise, which food, the article will say)
    r"|\b(?:stud(?:y|ies)|research|scientists|researchers|review|trial)\s+(?:identif(?:y|ies|ied)|reveals?|revealed|finds?|found|"
    r"pinpoints?|names?|discovers?|uncovers?)\s+(?:the\s+|a\s+|an\s+|one\s+)?(?:[\w-]+\s+)?(?:exercise|food|drink|habit|activity|sport|"
    r"supplement|vitamin|stretch|move|movement|workout|thing|treatment|diet|position|posture)s?\s+(?:that|which)\b"
    # a blog's description of itself: "From Research to Rehab gives you short summaries of the latest studies"
    # findings announced, not stated: "Further analysis ... revealed some interesting findings about joint health"
    r"|\b(?:revealed?|yielded|produced|uncovered|offered|brought) (?:some |a few |several |many |a number of )?(?:\w+ )?"
    r"(?:findings|insights|results|information) (?:about|on|into|regarding|for)\b"
    # (the research's own results announced: "The study showed promising outcomes."; "Tai Chi for Fibromyalgia Shows
    # Promising Results" says the treatment did well)
    r"|\b(?:stud(?:y|ies)|trials?|research|review|analysis|paper|experiment|it|they|this|that|which|these|those|data|results?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:showed|shows|show|produced|yielded|gave|demonstrated) (?:some |very |highly )?(?:promising|encouraging|positive|interesting|mixed|"
    r"important|exciting) (?:outcomes|results|findings)\s*[.!]?\s*$"
    r"|\b(?:gives?|brings?|offers?|provides?|sends?) you (?:\w+[, ]+){0,4}?(?:summar(?:y|ies)|round-?ups?|digests?|updates?)\b"
    # an approach announced and not named: "A new study recommends an approach to back pain that departs from the usual
    # advice" (not "... recommends a different approach: exercise first", which says what it is)
    r"|\b(?:recommends?|recommended|suggests?|suggested|proposes?|proposed|calls? for|called for)\s+(?:a|an)\s+(?:new |different |novel |"
    r"fresh |radical |alternative )?(?:approach|way|strategy|rethink|change|shift)\b(?:\s+(?:to|for|in)\s+[\w' -]{1,40}?)?"
    r"(?:\s+(?:that|which)\s+(?:departs|differs|breaks|is a (?:change|departure)|goes against|turns)\b[^.;:\u2013\u2014]*)?\s*[.!]?\s*$", re.I)

# "who was not involved in the study" credits no study with anything.
NOT_INVOLVED = re.compile(r"\b(?:who (?:was|were|is|are) )?not (?:involved|part of|taking part) (?:in |with )?(?:the|this) (?:new )?"
                          r"(?:study|research|trial|review|work|paper)\b"
                          # outside experts writing beside the study: "In a commentary published alongside the study, two
                          # experts said ..." (their opinion, not its finding)
                          r"|\b(?:in|writing in) an? (?:accompanying |linked |related )?(?:commentary|editorial)\b[^.;]{0,80}?"
                          r"\b(?:said|say|says|wrote|write|writes|argued|argue|argues|noted|cautioned|warned)\b", re.I)

# "There is not enough research on ice to say" reports no finding — unless a source is credited with it
# ("According to Cochrane reviewers, there are too few good trials to say ...").
NOT_ENOUGH = re.compile(r"\bnot enough (?:good )?(?:research|evidence|studies|trials|data)\b"
                        r"|\btoo (?:few|little) (?:good )?(?:research|evidence|studies|trials|data)\b"
                        # "there is limited scientific evidence supporting these claims"
                        r"|\b(?:is|was) (?:only )?(?:limited|little|scant|insufficient) (?:scientific |clinical |good )?evidence "
                        r"(?:supporting|to support|for) (?:these|those|this|such|the) claims?\b", re.I)

QUESTION_OR_NEED = re.compile(
    # where research should go next: "Key areas where future research could be aimed are identified"
    r"\bfuture (?:research|studies|trials|work)\b|"
    # (a question whose next item's "(2)" enumerator was read onto its end is still a question)
    r"\?\s*(?:[(\[]\d{1,2}[)\]])?\s*$|\bmore (?:research|studies|evidence) (?:is|are) needed\b|"
    r"\b(?:a |an )?(?:larger|bigger|longer|further|new|well-designed|better|more rigorous) (?:\w+ ){0,3}?(?:research|stud(?:y|ies)|trials?|evidence)\b"
    r"[^.;]{0,40}?\b(?:is|are) (?:still |now )?needed\b|"
    # the study's limits or the team's suspicion are no finding
    r"\b(?:noted|acknowledged|pointed out|listed|mentioned|note|acknowledge) (?:the |some |several |a few )?(?:study's |trial's |their |its )?"
    r"(?:limits|limitations|weaknesses|shortcomings|caveats)\b|\b(?:suspect|speculate|hypothesi[sz]e) (?:that|whether)\b"
    r"|^\W{0,3}(?:[^,;]{0,30}\s)?no (?:research|studies|evidence) (?:has|have)\b"
    r"|\b(?:would|will|still) need (?:further|more|larger|bigger|longer|new) (?:\w+ )?(?:research|studies|trials|evidence)\b"
    r"|\b(?:whatever|regardless of what|no matter what) (?:the )?(?:research|science|studies|evidence) (?:says?|shows?)\b"
    # "Whether changing foot posture with insoles lowers the risk is still unclear.": an open question
    r"|^whether\b[^.;]{5,150}\b(?:is|are|remains?) (?:still |yet |as yet )?(?:unclear|unknown|uncertain|not known|"
    r"debated|open to debate|not clear)\b", re.I)

# A definition or the writer's own practice is not a finding, even with a citation.
DEFINITION = re.compile(r"\b(?:defines?|defined as|is (?:a|an|the) term for|refers to|is called|stands for|means \w+ing)\b"
                        # where a name comes from: "It takes its everyday name from the sport of tennis (1)"
                        r"|\b(?:takes|took|gets|got|owes|derives) its (?:\w+ )?name (?:from|to)\b|\bis named (?:after|for)\b"
                        r"|[\"\u201c][\w -]{2,40}[\"\u201d],? (?:simply |just )?(?:means|refers to)\b"
                        # what a condition is taken to be, and its symptoms described: "it can be seen as pressure on the nerve
                        # (1)", "The main symptom of CTS is numbness of the thumb (6)" (a cited description is no finding)
                        r"|\bcan (?:best )?be (?:seen|thought of|understood|regarded|described) as\b"
                        # "The scapula is described as the stable base from which ... [9]": what a thing is said to be
                        r"|^(?:the )?[\w -]{2,30}\b(?:is|are) (?:often |usually |commonly )?(?:described|defined) as (?:a|an|the)\b"
                        # "Fibromyalgia (FM) is defined by widespread pain ... (Rooks 2007)", "FMS has been described as a
                        # chronic pain syndrome ...": what a condition is (the subject a name, maybe with its initials)
                        r"|^(?:the )?[A-Za-z][\w -]{2,40}(?:\s\([A-Z]{2,6}\))?\s(?:is|are) (?:defined|characteri[sz]ed) by\b"
                        r"|^(?:the )?[A-Za-z][\w -]{2,40}(?:\s\([A-Z]{2,6}\))?\s(?:has|have) been (?:described|defined) as (?:a|an|the)\b"
                        r"|^(?:other |the other )?(?:typical|common|usual|classic|key) (?:(?:signs?|symptoms?) and )?(?:symptoms?|signs?|complaints?) (?:include|includes|are)\b"
                        # a term and what it means: "Tendinopathy means a painful tendon that ... [1]"
                        r"|^[*_]*(?:the (?:term|word) )?[A-Za-z][\w-]*(?: [\w-]+){0,2}[*_]*(?:\s\([A-Z]{2,6}\))? means (?:a|an|the|any)\b(?! (?:lower|higher|greater|smaller|reduced|increased|better|worse|bigger|faster|slower|quicker|less|more)\b)"
                        r"|^(?:the )?(?:main|commonest|most common|typical|usual|classic|key|first) (?:symptoms?|signs?|complaints?) "
                        r"(?:of [\w() -]{1,40} )?(?:is|are|include|includes)\b"
                        # what a tissue or substance is: "Collagen is the main structural protein of many connective tissues"
                        r"|^[\w -]{2,40}\b(?:is|are) (?:a|an|the) (?:main |major |primary |chief |most abundant |key )?(?:[\w-]+ )?"
                        r"(?:protein|tissue|component|substance|molecule|compound|hormone|mineral|vitamin|nutrient|building block)s? "
                        r"(?:of|in|that|which|found)\b"
                        # what a word means or which kinds there are: "The word is commonly used for any joint pain (3)",
                        # "There are two main kinds of arthritis: ... (5)", "It has two main cannabinoid receptors: ..."
                        r"|\b(?:word|term|name|label)\b[^.;]{0,30}\b(?:is|are) (?:commonly |often |widely |also |generally )?used "
                        r"(?:for|to (?:describe|mean|refer))"
                        r"|^there are (?:two|three|four|five|six|several|many|over \d+|more than \d+|\d+) (?:main |major |different |"
                        r"common |broad )?(?:kinds|types|forms|categories|classes|groups) of\b"
                        r"|^(?:it|they|this|the \w+) (?:has|have) (?:two|three|four) (?:main |major )?[\w-]+ (?:receptors|types|kinds|parts|"
                        r"components)\b"
                        # what a tissue does, even cited: "This cartilage tissue is what lets the knee move smoothly (1)",
                        # "Cartilage acts as a shock absorber ..." (anatomy, not a finding)
                        r"|^(?:this |the |your |healthy )?[\w -]{0,30}\b(?:cartilage|tendons?|ligaments?|muscles?|bones?|discs?|"
                        r"fascia|synovial fluid|menisc(?:us|i)|bursae?)(?: tissue)?\s(?:is what |are what )?(?:lets?|allows?|enables?|acts? as|"
                        r"works? as|cushions?|connects?|attach(?:es)?|absorbs?|protects?|holds?)\b", re.I)
PERSONAL_CLAIM = re.compile(r"^(?:at |in )?(?:our|my) (?:clinic|practice|team|experience)\b|^(?:we|I) (?:offer|provide|see|use|treat)\b"
                            # the writer's memory of what they were told: "... we were told our chance of injury was higher"
                            r"|\b(?:we|I) (?:were|was) (?:always |often |once )?(?:told|taught)\b"
                            r"|^(?:at|in) (?:the |our )?[\w&' -]{0,60}?(?:clinic|centre|center|practice|studio|physio\w*),\s*(?:we|our team)\s+"
                            r"(?:offer|provide|use|treat|see|help)\b", re.I)

# The writer's comment on a finding it has just reported, set against what people used to believe ("This goes
# against the old advice to ..."): it states no finding of its own.
AGAINST_OLD_VIEW = re.compile(r"^(?:this|that|it|these)\s+(?:goes|go|runs|run|flies|fly)\s+(?:against|in the face of)\s+"
                              r"(?:the\s+|a\s+)?(?:old|usual|common|traditional|conventional|long-standing|popular)\s+"
                              r"(?:advice|belief|view|wisdom|thinking|idea)", re.I)
# A call to action of the practice ("book a review with one of our team", "call us today") sells, it reports nothing.
CALL_TO_ACTION = re.compile(r"\b(?:book|call|contact|email|message|phone|ring|visit)(?: in)? (?:a|an|your|us|our|one of our|the clinic|"
                            r"the team|today|now)\b"
                            # a leaflet or service on offer: "Help on avoiding aches is now available from the CSP in a new leaflet"
                            r"|\b(?:is|are) (?:now |also )?available (?:free )?(?:from|at|on|to download)\b"
                            # the practice's own banner: "Say goodbye to back pain at Northside Physio"
                            r"|\bsay goodbye to\b|\bat (?:the )?(?:[A-Z][\w'&\-]+ ){1,4}(?:Clinic|Physio(?:therapy)?|Chiropractic|"
                            r"Osteopathy|Practice|Studio|Wellness)\b(?! (?:research|study|trial))", re.I)
# A line ending in a colon leads in to what follows (a list, a finding in its own paragraph) and states nothing itself.
LEAD_IN = re.compile(r":\s*$")
# ... except one that already says what research found about whom, its list completing it: "New research from X has found
# that patients who did 30 minutes of moderate activity 5 to 7 days a week were able to:" (a claim, with its items).
_FOUND_THAT_LEAD = re.compile(r"\b(?:found|shown|showed|demonstrated|concluded)\s+that\s+(?:\S+\s+){6,}\S*:\s*$", re.I)


def lead_in(text: str) -> bool:
    """A list's lead-in, which states no finding itself (see LEAD_IN, _FOUND_THAT_LEAD)."""
    return bool(LEAD_IN.search(text)) and not _FOUND_THAT_LEAD.search(text)


# A need is no finding: "There is also a pressing need to identify people at risk", "new treatments and procedures
# are needed to reduce pain".
NEED = re.compile(r"\b(?:a |an )?(?:pressing|urgent|critical|clear|great|real|growing|unmet) need (?:to|for)\b"

                  # research as a cause: "Research that deepens our understanding of JIA is vital for improving care"
                  r"|^(?:\w+ ){0,2}(?:research|studies|trials)(?: (?:that|which|into|on|in) [^.;]{0,60}?)? (?:is|are) "
                  r"(?:so |also |really )?(?:vital|essential|crucial|important|key|critical)\b"
                  r"|\b(?:treatments?|therapies|research|studies|trials|procedures|options|tools|drugs)\b[^.;]{0,30}?\b(?:is|are) "
                  r"(?:urgently |still |badly |also |now )?needed\b", re.I)
# What a method is called is a definition: "..., a process known as a systematic review or meta analysis."
KNOWN_AS = re.compile(r",\s*(?:a|an|the|which is) (?:process|method|technique|approach|practice|type of (?:study|research)|kind of (?:study|research)) "
                      r"(?:known|called|referred to) as\b", re.I)
# A population's self-reported prevalence with no source: "Around one in three adults aged 65 or older report having fallen".
SELF_REPORT_FIGURE = re.compile(r"(?:\bone in (?:two|three|four|five|ten)\b|\b\d+(?:\.\d+)?\s?(?:%|percent|per cent))[^.;]{0,60}?"
                                r"\b(?:report|reported|say|said)\s+(?:having|that|falling|being|suffering)\b", re.I)
# A recommendation with no one making it: "Tai chi is often recommended for older adults because ..."
PASSIVE_ADVICE = re.compile(r"\b(?:is|are) (?:often|commonly|widely|usually|generally|frequently) (?:recommended|prescribed|advised|suggested)\b", re.I)
# What a treatment is used for says nothing of how well it works: "Weight training is widely used to preserve bone density."
USED_FOR = re.compile(r"^[^,;]{0,60}\b(?:is|are) (?:widely |commonly |often |increasingly |frequently )?used (?:to|for|as|in)\b", re.I)
# What people commonly believe, set out before the evidence against it: "The common beliefs follow this chain of logic".
COMMON_BELIEF = re.compile(r"^(?:the |a |one |this )?(?:common|popular|widely held|traditional|conventional|usual)(?:ly held)? "
                           r"(?:beliefs?|views?|wisdom|thinking|myths?|misconceptions?|advice|logic)\b"
                           # "This was traditionally thought to help ...", "Rest was long believed to ...": what used to be
                           # thought, which the article goes on to question, not a finding
                           r"|^(?:[\w'\u2019-]+\s+){1,8}?(?:was|were|is|are|has been|have been)\s+(?:traditionally|long|once|"
                           r"previously|commonly|widely|generally|often|always)\s+(?:thought|believed|assumed|considered|seen)\b", re.I)


_LINK_WORD = re.compile(r"https?://|www\.|@\w")


def mostly_links(text: str) -> bool:
    """A line of links or handles ("Twitter handles: https://... https://...") reports nothing."""
    words = text.split()
    links = sum(bool(_LINK_WORD.match(w)) for w in words)
    return len(words) >= 4 and (links * 3 >= len(words) or links >= 3)


# The writer's own data ("My watch data shows ...") and research still to come ("the team now plans a trial").
MY_OWN = re.compile(r"^(?:in )?(?:my|I)\b", re.I)
# Where the paper is ("The full study can be read at ...", "The review is available online"): a pointer, no finding.
# Where the report appears, not what it found: "Their report is in the March issue of the college's journal".
APPEARS_IN = re.compile(r"^(?:the|their|his|her|its|this|that|these) (?:full |new )?(?:report|paper|study|findings|results|research|"
                        r"work|article|review|trial) (?:is|are|was|were|appears?|appeared|will appear|will be published) (?:published )?"
                        r"(?:online )?in (?:the )?(?:[\w'-]+ ){0,3}(?:issue|edition|journal)\b"
                        # "This work was presented at Physiotherapy UK 2019, shown as a poster at ..."
                        r"|^(?:the|their|this|that|these) (?:work|study|research|trial|review|paper|findings|results) (?:was|were) "
                        r"(?:first )?(?:presented|shown) (?:at|as)\b"
                        # "These evidence-based guidelines and more are laid out in <title of the paper>": where they are set
                        # out, not what they say
                        r"|^(?:these|the|this|those|our|such|all these)\s+[^.;:]{0,80}?\b(?:are|is|were|was)\s+(?:all\s+)?(?:laid out|set out|"
                        r"described|summari[sz]ed|detailed|outlined|explained|covered|listed)\s+(?:in|on)\s+(?:the\s+)?[\"\u201c\u2018']", re.I)
WHERE_TO_READ = re.compile(r"^(?:the|this|that)\s+(?:full\s+|original\s+|whole\s+|complete\s+)?(?:research\s+|study\s+|trial\s+)?(?:study|paper|report|article|"
                           r"review|trial|research|abstract)\s+(?:can be|is|are|may be)\s+(?:freely\s+|openly\s+)?"
                           r"(?:read|found|accessed|viewed|downloaded|available)\b"
                           # "Read a recent article in the British Journal of Sports Medicine around treatment."
                           r"|^(?:read|see|check out|download|view)\s+(?:a|an|the|this|our|more|further)\s+(?:[\w-]+\s+){0,2}"
                           r"(?:article|paper|study|review|report|summary|blog|piece)\b", re.I)
# Research still to come: "the findings are now being tested in people".
BEING_TESTED = re.compile(r"\b(?:is|are) (?:now |currently |still )?being (?:tested|studied|trialled|trialed) in (?:people|humans|patients|"
                          r"a (?:larger |bigger )?trial)\b", re.I)
FURTHER_RESEARCH = re.compile(r"\b(?:further|future|more) (?:research|studies|trials|work) (?:should|could|would|will|is needed to|"
                              r"are needed to) (?:look at|examine|explore|investigate|test|study|compare|focus on|address|consider|"
                              r"determine)\b", re.I)
PLANS = re.compile(BEING_TESTED.pattern + r"|\b(?:plans?|planning|planned|hopes?|intends?|intend) (?:a|an|to|further|another)\b"
                   # "The authors said further research should look at combining treatments": research to come
                   r"|" + FURTHER_RESEARCH.pattern +
                   r"|\b(?:says?|said) (?:it|they|she|he|we) (?:hopes?|plans?|wants?|intends?)\b"
                   # "We hope these findings will start a conversation", "a team is looking for thousands of people due to
                   # have ...", "experts are working to understand better when ...": research to come, no finding
                   r"|\bwe hope\b|\b(?:is|are) (?:now |currently )?(?:looking for|seeking|searching for) (?:\w+ ){0,3}"
                   r"(?:people|volunteers|participants|patients|adults|women|men)\b"
                   r"|\b(?:is|are) (?:now |still |currently )?working (?:to|on) (?:\w+ ){0,1}(?:understand|understanding|find|finding|"
                   r"learn|work out|figure out|identify|identifying)\b", re.I)
# The writer's own older piece or the page's navigation: "here is an article I wrote back in 2008", "Linked terms are
# explained in the Definitions section", "Here is a useful table on ...", an address with a phone number or opening hours.
PAGE_FURNITURE = re.compile(r"\b(?:an? |the |this )?(?:article|post|piece|blog post|column) I (?:wrote|published)\b"
                            r"|\b(?:is|are) (?:explained|defined|listed|described) (?:in|on) (?:the|our|this) (?:[\w\"'\u201c\u201d-]+ ){0,3}"
                            r"(?:section|page|glossary|box)\b"
                            r"|^here(?:'s| is| are) (?:a|an|the|one) (?:\w+ ){0,2}(?:table|chart|graph|figure|infographic|video|diagram)\b"
                            r"|\b(?:phone|tel|fax)\s*[:.]?\s*\(?\+?\d[\d ().-]{6,}"
                            r"|\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\s*[-\u2013]\s*(?:mon|tue|wed|thu|fri|sat|sun)\w*\s*:?\s*\d{1,2}(?::\d\d)?\s*"
                            r"(?:am|pm)\b"
                            # a bar of short links or selling points: "Shop Insoles · Foot Pain Guide · Blog · Cart (0)",
                            # "More than 650 Reviews · Over 50,000 Happy Customers · Fast Shipping"
                            r"|^[^.!?\u00b7|\u2022]{1,50}(?:\s[\u00b7|\u2022]\s[^.!?\u00b7|\u2022]{1,50}){2,}$", re.I)


# A line that labels a reference ("Paper: Franke et al, 2015, Title, IJOM, ...") points to research; it states nothing.
RUN_IN_LABEL = re.compile(r"^\W{0,3}(?:the |read the |full |original )?(?:paper|publication|article|refs?|references?|sources?|"
                          r"citations?|cite|journal references?|original (?:study|article|paper|research))\s*:\W{0,3}\s*(?=\S)", re.I)

ASIDE = re.compile(r"^\([^()]{3,200}\)[.!]?$")


# The standard caveat of an observational study: "the study cannot prove cause and effect", "this does not show that
# milk causes the change" — what the study cannot say, not a finding.
CAVEAT = re.compile(r"\b(?:can(?:not|'t)|could(?: not|n't)|does(?: not|n't)|did(?: not|n't)|do(?: not|n't)) (?:\w+ )?(?:prove|show|establish|"
                    r"tell us|determine) (?:a )?(?:cause and effect|cause-and-effect|causation|causality|causal (?:link|relationship|effect))\b", re.I)
# A study's limitation as the page states it: what it cannot show ("the study was observational, so it can't prove
# ...", "so we can't say that walking itself prevents back pain"), whom it may not apply to ("so the findings may not
# apply to other groups"), how it was measured or sized ("walking in the later months was self-reported", "Many of the
# trials were small, and the authors rated much of the evidence as low or very low quality"): no finding of its own.
LIMITATION = re.compile(
    # "But all three studies in the review had some serious flaws!"
    r"\b(?:stud(?:y|ies)|trials?|reviews?|papers?|research)\b[^.;]{0,40}?\b(?:had|has|have)\s+(?:some\s+|several\s+|many\s+|a few\s+)?"
    r"(?:serious\s+|major\s+|important\s+|significant\s+)?(?:flaws|limitations|weaknesses|shortcomings)\b|"
    r"\b(?:so|which means|meaning)\b[^.;]{0,40}?\b(?:can(?:not|'t|\u2019t)|could(?:n't|\u2019t| not)|may not|might not)\s+(?:\w+\s+){0,2}?"
    r"(?:prove|say|show|tell|be sure|conclude|apply|generali[sz]e|rule out)\b"
    r"|\b(?:the|this|that|it) (?:study|trial|research|work|analysis) (?:was|is) (?:only )?(?:observational|small|short|not randomi[sz]ed)\b"
    r"|\b(?:findings|results) may not (?:apply|generali[sz]e|hold)\b"
    r"|\b(?:was|were) self-reported\b|\breported their own (?:activity|symptoms|pain|diet|exercise)"
    r"|\b(?:many|most|some|several) of the (?:trials|studies) were (?:small|short|of (?:low|poor) quality)\b"
    r"|\brated (?:much|most|some|all) of the evidence as (?:low|very low)\b"
    # "these results were susceptible to confounding by indication" ("the size of the effect could not be determined" is a
    # review's finding, and stays)
    r"|\b(?:susceptible|subject|prone|open|vulnerable) to (?:\w+ ){0,2}?(?:confounding|bias|biases|error)\b|\bconfounding by indication\b",
    re.I)
# A page's section title over findings: "What the research found", "What the studies show".
FINDINGS_TITLE = re.compile(r"^\W*what (?:the |this |our )?(?:latest |new )?(?:research|study|studies|science|evidence|trials?|reviews?|"
                            r"researchers|scientists|they|it) (?:found|finds|shows?|showed|says?|said|tells? us|revealed)\W*$", re.I)
# A count of studies as a topic: "Three new studies on injury risk, symmetry and super shoes".
STUDIES_ON = re.compile(r"^\W*(?:[\w'-]+[,:]?\s+){0,5}?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some) (?:new |recent |latest |key )?"
                        r"(?:studies|papers|trials|reviews|articles) (?:on|about|into|of|looking at)\b", re.I)
# Sentences under a heading about the study's people or method ("Who was studied?", "How was it studied?", "Study
# Details", "Methods") say who took part and what was done, unless they report a result.
METHOD_HEADING = re.compile(r"^\W*(?:who (?:was|were) (?:studied|included|in the study)|how (?:was|were) (?:it|they|this|the \w+) "
                            r"(?:studied|done|tested|measured)|what was (?:studied|tested|measured)|study (?:details|design|methods?)|"
                            r"methods?|methodology|participants|who took part|design)\W*$", re.I)
# "The results are preliminary, but ..." opens the writer's own comment on them.
PRELIMINARY = re.compile(r"^\W*(?:the |these |those |our |such )?(?:results|findings|data) (?:are|were|remain) (?:still |only |very )?"
                         r"(?:preliminary|early|tentative)\b", re.I)


# Session 11 (dev22: health newsletters, magazine and radio stories, fitness blogs) — sentences near research words that
# report no finding:
# a "How to ..." line is a title or an instruction, never a finding ("How to Walk to Ease Arthritis by 69%"; README:
# a "why/how/what ..." title is not a claim);
HOW_TO = re.compile(r"^\W*how to\b", re.I)
# the writer's simile or joke on a finding just given ("It's like a free massage, minus the small talk");
SIMILE_ASIDE = re.compile(r"^\W*(?:it'?s|it is|that'?s|that is|this is)\s+(?:just\s+|kind of\s+|a bit\s+|rather\s+|almost\s+)?like\b", re.I)
# a guess at how something works, said to be a guess ("while they aren't certain how it works, researchers suspect
# there may be a release of ..."): the researchers' speculation, not their finding;
SPECULATION = re.compile(r"\b(?:not|n't)\s+(?:sure|certain)\s+(?:exactly\s+)?(?:how|why)\b"
                         # an author's explanation of a result (README rule R6): "They noted that one possible reason is
                         # that osteoporosis is underdiagnosed in men"
                         r"|\b(?:one|a|another|the most)\s+(?:possible|likely|probable|plausible)\s+(?:reason|explanation)s?\s+(?:is|was|for|may|could|might)\b"
                         r"|\bexplanation (?:may|could|might) be\b"
                         r"|\b(?:suspect|speculate|theori[sz]e|hypothesi[sz]e)s?\s+(?:that\s+)?(?:there|it|this)\s+(?:may|might|could)\b", re.I)
# what a study is expected to matter for ("Researchers said the study was likely to prove vital for the millions
# now working from home"): its importance, not what it found.
STUDY_IMPORTANCE = re.compile(r"\b(?:likely|expected|set|going|bound|sure)\s+to\s+(?:prove|be)\s+(?:\w+\s+)?(?:vital|crucial|important|"
                              r"useful|helpful|valuable|significant|invaluable|essential|a game[- ]changer)\s+(?:for|to|in)\b", re.I)
# a trainer's, coach's or business founder's advice "according to" them ("According to fitness expert X, founder of a
# personal-training firm, people with knee pain should start gently"): an outside expert's opinion, not research.
EXPERT_OPINION = re.compile(r"\baccording to (?:a |an |the )?(?:[\w-]+\s+){0,2}(?:expert|coach|trainer|instructor|influencer|founder|owner|"
                            r"blogger|guru)\b", re.I)
# Research announced by what it reports, not what it found: "The authors report how many workers had low back pain over
# the year", "We covered ... where the evidence stands, and what his doctoral studies found" (a reporting verb with a
# question-word object, or a question-word clause that ends on the research's verb): a teaser (README gold rules).
WH_ANNOUNCEMENT = re.compile(
    r"\b(?:reports?|reported|describes?|described|explains?|explained|covers?|covered|discuss(?:es|ed)?|tells? us|told us|looks? at|"
    r"looked at|sets? out)\s+(?:how (?:many|much|often|long|far)|what|which|whether|why|where|who)\b"
    r"|\b(?:what|how|which|whether|why|where)\s+(?:[\w'-]+\s+){0,3}?(?:study|studies|research|review|reviews|trial|trials|evidence|"
    r"researchers|findings?)(?:\s+(?:on|about|in|of)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)?(?:\s+(?:currently|now|really|actually))?"
    r"\s+(?:found|finds?|showed|shows?|says?|said|concluded|stands?|revealed|tells? us)\s*[.!]?\s*$", re.I)
# A mechanism researchers put forward ("Researchers have proposed that collagen taken by mouth may build up in
# cartilage"): a hypothesis, not a finding.
HYPOTHESIS = re.compile(r"^(?:[\w' -]{0,30},\s*)?(?:some |other |the )?(?:researchers|scientists|experts|investigators|authors|they)\s+"
                        r"(?:have |had )?(?:also )?(?:proposed|theori[sz]ed|hypothesi[sz]ed|speculated|postulated)\b", re.I)
# What knowing the answer is good for ("The authors say that knowing who seeks help can steer public health policy"): the
# research's use or motive, not a finding (README gold rules: a researcher's motive or opinion is not a claim).
RESEARCH_USE = re.compile(r"\b(?:knowing|understanding|identifying|learning|finding out)\s+(?:who|what|which|why|how|whether|more about|the)\b"
                          r"[^.;]{0,80}?\b(?:can|could|may|might|will|would)\s+(?:also\s+)?(?:help\s+)?(?:steer|guide|inform|shape|"
                          r"direct|help|improve|aid|support)\b", re.I)
# The writer summing up in their own words ("To sum up, stretching helps ..."), with no cue of its own.
SUMMING_UP = re.compile(r"^\W*(?:to sum up|to summari[sz]e|in conclusion|to conclude|all in all)\b", re.I)
# The writer's own reason for advice drawn from what went before ("This is why seeking treatment early, to prevent a
# recurrent episode, is important.", "That's why getting the right rehab plan early is essential", "This is why it is
# twice as important for women to lift weights"): what the reader should do, not a finding (README gold rules); a
# sentence that names research or has a cue of its own is left to the rules.
WRITER_REASON = re.compile(r"^\W*(?:and |so |which )?(?:this|that|which)(?:\s+is|'s|\u2019s)\s+(?:\w+\s+){0,2}?why\b[^.;!?]{0,200}?"
                           r"\b(?:is|are|it's|it\u2019s|becomes?|remains?)\s+(?:\w+\s+){0,3}?(?:important|essential|crucial|vital|key|"
                           r"critical|necessary|worthwhile|wise|sensible|a good idea|worth (?:it|\w+ing))\b", re.I)
# A person's own advice told in the third person ("He suggests simple exercise such as walking"): an expert's comment.
PERSON_ADVICE = re.compile(r"^(?:he|she)\s+(?:also\s+)?(?:suggests|suggested|recommends|recommended|advises|advised|prefers|preferred)\b",
                           re.I)


# The researchers' background on the condition (README gold rules: how common it is, how it runs, what it costs, in
# their words, is no claim; an organisation's figure is): "Researchers say about 90 percent of adults will have low back
# pain at some point in their lives ...", "Neck pain is the fourth leading cause of chronic disability in the U.S., the
# researchers write in <journal>." Only with a saying verb: "researchers found that 20% of workers ..." is their finding.
_RESEARCHERS_SAY = re.compile(r"^(?:the |study |lead )?(?:researchers|authors|scientists|investigators|study authors)\s+(?:say|said|write|wrote|"
                              r"note|noted|point out|pointed out|explain|explained)\s+(?:that\s+)?", re.I)
_SAY_RESEARCHERS = re.compile(r",\s*(?:the |study |lead )?(?:researchers|authors|scientists|investigators|study authors)\s+(?:say|said|write|"
                              r"wrote|note|noted|point out|pointed out|explain|explained)\b[^.;]{0,80}\.?\s*$", re.I)
_CONDITION_BACKGROUND = re.compile(
    r"\bat (?:some|one) (?:point|time) in (?:their|our|your) li(?:ves|fe)\b|\bin (?:their|our|your) lifetimes?\b"
    r"|\b(?:is|are|was|remains|ranks as) (?:also )?(?:the |a |one of the )?(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|\d{1,2}(?:st|nd|rd|th))[- ])?(?:leading|most common|biggest|main|commonest|top) causes? of\b"
    r"|\b(?:costs?|spends?|spent)\b[^.;]{0,60}[$\u00a3\u20ac]\s?\d", re.I)
_MEASURED = re.compile(r"\b(?:found|finds|showed|shows|discovered|observed|risk|likely|linked|associated|compared|than|"
                       r"in (?:the|this|their) (?:study|trial|survey|sample|cohort))\b", re.I)


# ... or one author, named with a title and a place: "Lead author of the paper, Associate Professor X from the Y Institute,
# said back pain was the leading cause of disability worldwide ..."
_AUTHOR_SAYS = re.compile(r"^(?:the\s+)?(?:study's\s+|paper's\s+|review's\s+)?(?:(?:lead|senior|first|co-?|corresponding)\s*)?(?:study\s+)?"
                          r"(?:author|researcher|investigator)\b[^.;\"\u201c]{0,160}?\b(?:say|says|said|write|wrote|note|noted|explain|"
                          r"explained)\s+(?:that\s+)?", re.I)


def researchers_background(text: str) -> bool:
    """A background fact about the condition that the researchers say or write, not a finding of theirs."""
    lead = _RESEARCHERS_SAY.match(text) or _AUTHOR_SAYS.match(text)
    tail = None if lead else _SAY_RESEARCHERS.search(text)
    if not (lead or tail):
        return False
    rest = text[lead.end():] if lead else text[:tail.start()]
    return bool(_CONDITION_BACKGROUND.search(rest)) and not _MEASURED.search(rest)


# A myth stated as a label ("Myth 3: Exercise will make my back worse.", "Myth #5: ..."): the belief the page goes on
# to correct, never its finding (on the dev pages not one such line is a gold claim).
MYTH_LABEL = re.compile(r"^\W*myth(?:\s*(?:#|no\.?|number)?\s*\d{1,2})?\s*[:.\-\u2013\u2014]", re.I)

# A reference entry left among the sentences, opened by its authors in Vancouver form ("Kirkley A, Birmingham TB,
# Litchfield RB, et al. A randomized trial of ...", a show-notes entry split over lines): never a claim.
VANCOUVER_START = re.compile(r"^(?:[A-Z][\w'\u2019-]+ [A-Z]{1,3},\s*){2,}")


# A Harvard entry among the sentences: "Paige et al. (2017) Association of Spinal Manipulative Therapy with Clinical
# Benefit and Harm for Acute Low Back Pain." (the author and year, then a title in title case: no verb of its own, where
# "Paige et al. (2017) found that ..." reports).
_HARVARD_START = re.compile(r"^[A-Z][\w'\u2019-]+(?:,? (?:et al\.?|and [A-Z][\w'\u2019-]+|& [A-Z][\w'\u2019-]+))? \((?:19|20)\d\d[a-z]?\)\.?\s+(?=[A-Z])")
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]{3,}")


def _harvard_entry(text: str) -> bool:
    m = _HARVARD_START.match(text)
    if not m:
        return False
    words = _TITLE_WORD.findall(text[m.end():])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# What the researchers hope their work will do: "The researchers hope the results will encourage people to ...", "We hope
# that our findings will help ease patients' fears ..." (a wish about the future, however its words read).
_HOPE = re.compile(r"\b(?:researchers|authors|scientists|the team|investigators|they|we)\b (?:now |also |all )?hopes? "
                   r"(?:that |to )?(?:(?:the|their|our|these|its|this) (?:results?|findings?|work|study|research)\b|\w+ \w+)", re.I)


def never_a_claim(text: str) -> bool:
    """What is no claim whatever its cue or the model's score: a myth's label, a reference entry left among the
    sentences, the researchers' background on the condition (asked by the rules' cue and by the model's veto alike)."""
    return (bool(MYTH_LABEL.match(text) or VANCOUVER_START.match(text) or _HOPE.search(text)) or _harvard_entry(text)
            or researchers_background(text))
