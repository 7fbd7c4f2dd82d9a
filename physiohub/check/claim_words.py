"""The shared words of the claim rules: reporting verbs, words that state a finding, comparisons, and the
effect phrases (``EFFECTS``) that give a claim its direction.
"""
from __future__ import annotations

import re

# The verbs that report what research found (and, in a method sentence, what it did): "found", "suggests",
# "points to", "tells us". A pattern string, built into the cue patterns that need a design or a subject before it.
VERBS = (r"(?:found|finds?|show(?:s|ed|n)?|suggest(?:s|ed)?|conclude[sd]?|report(?:s|ed)?|reveal(?:s|ed)?|"
         r"demonstrate[sd]?|prove[sd]?|proven|indicate[sd]?|confirm(?:s|ed)?|discovered|established|"
         r"point(?:s|ed)? (?:the same way|in the same direction)|underlines?|underlined|underscores?|underscored|linked|links?(?= (?:[\w'-]+ ){1,8}?(?:to|with)\b)|(?<=that )claims|claims? that|tied|observed|noted|determined|points? to|pointed to|says?|said|hint(?:s|ed)?|intimated|backs(?!\s+(?:pain|aches?|problems?|injur\w*|muscles?|surgery|of|and|at|to|in|into|from))|back(?=\s+(?:this|that|it|up|these|those|the|such)\b)|(?<!-)backed|backing(?=\s+(?:the\b|up\b|(?:[\w-]+\s+){0,3}?for\b))|supports?|"
         r"supported|highlights?|highlighted|showcases?|tells? us|adds? to|agrees?|saying|showing|finding|suggesting|"
         r"concluding|stating|states?|stated|followed|tracked|enrolled|recruited|involved|compared|tested|examined|"
         r"analy[sz]ed|looked at|measured|recorded|estimated?|estimates|warned|warns|cautioned|cautions|came to|reached|predicted|"
         r"identified|calculated|documented|produced|yielded|adds? weight to|ranked|rated|reinforces?|reinforced|"
         r"recommends?|recommended|wrote|writes?|explain(?:s|ed)? that|propose[sd]?|argues?|argued|contends?|contended|advised)")

# Words that state a finding or a result ("found", "no difference", "reduced", "more likely"): what a method
# sentence lacks and a comment on results needs.
FINDING = re.compile(
    r"\b(?:found|finds?(?! out)|show(?:s|ed|n)?|suggest(?:s|ed)?|conclude[sd]?|reveal(?:s|ed)?|demonstrate[sd]?|prove[sd]?|"
    r"indicate[sd]?|confirm(?:s|ed)?|linked|associated|more likely|less likely|no (?:\w+ )?(?:difference|effect|benefit|rise|increase|change)|"
    r"(?:no|not) different|did not differ|didn't differ|"
    r"(?:reduc|improv|lower(?![\s-]+(?:back|limbs?|legs?|body|spine|abdomen))|increas|decreas|eas|reliev|prevent|(?<!the )help|benefit|work)(?:e|es|ed|s|ing)?|cut|better|worse|"
    r"fewer|effective|ineffective|similar|suggesting|showing|finding|concluding|improvements?|reductions?|gains?|relief)\b", re.I)

VERB_RE = re.compile(rf"\b{VERBS}\b", re.I)

# Any figure: a sentence with a number can state a result.
DIGIT = re.compile(r"\d")


# Effect phrases → direction of the outcome. Negated forms come first so "did not reduce" is not a reduction.
EFFECTS: list[tuple[str, str]] = [
    ("no difference", r"no (?:good |clear |strong |convincing |real |reliable )?evidence (?:that|of)|(?:failed|fails) to (?:\w+ )?(?:reduce|improve|help|prevent)"
                      r"|(?:failed|fails|fail) to (?:give|provide|bring|offer|produce|deliver) (?:[\w-]+ ){0,2}?(?:relief|benefits?|improvements?|results?)"
                      # "Steroid injections do not provide long-term relief", "does not seem to give any meaningful benefit",
                      # "pregabalin gave no benefit": a treatment that brought nothing
                      r"|(?:did|does|do)(?: not|n't) (?:seem to |appear to )?(?:give|provide|bring|offer|produce|deliver) (?:[\w-]+ ){0,4}?"
                      r"(?:relief|benefits?|improvements?|advantages?)"
                      r"|(?:gave|gives|give|provided|provides|offered|offers|brought|brings|produced|produces) (?:no|little) (?:[\w-]+ ){0,3}?"
                      r"(?:relief|benefits?|improvements?|advantages?|effect|difference)"
                      # "placebo works as well as injected hyaluronic acid", "Exercise works as well as an operation"
                      r"|works? (?:just |about |equally |every bit )?as well as"),
    ("decreases", r"(?:gave|led to|produced|resulted in|showed|caused) (?:a |an )?(?:\w+ ){0,3}(?:reduction|decrease|drop|fall|cut) in"
                  r"|(?:had|have|has|reported|saw) (?:\w+ )?(?:fewer|less|lower(?![\s-]+(?:back|limbs?|legs?|body|extremit\w*|abdomen|spine)))|(?:were|was|are|is|be|been) less (?:likely|prone|apt) to|breaks? down|dissolv(?:e|es|ed)"),
    ("improves", r"(?:gave|led to|produced|resulted in|showed) (?:a |an )?(?:\w+ ){0,3}(?:improvement|gain|benefit)s? in"),
    ("increases", r"(?:had|have|has|reported|saw) (?:\w+ )?(?:more|higher|greater)|(?:were|was|are|is|be|been) more (?:likely|prone|apt) to"),
    ("no difference", r"(?:did|does|do|could|can)(?: not|n't) (?:\w+ )?(?:reduce|improve|help|lower|change|prevent|increase|work|speed|affect|cut|ease|relieve)"
                      r"|(?:had|has|have|showed|made|found) (?:no|little) (?:\w+ )?(?:effect|benefit|impact|difference)|no (?:significant |real |clear )?difference"
                      r"|(?:was|were|is|are|be) no (?:better|worse|more effective|different)|(?:was|were|is|are) (?:just |about )?as (?:effective|good|helpful) as|not (?:more )?effective"
                      # a test that told nothing: "the other tests predicted nothing", "had no predictive value"
                      r"|predicted nothing|(?:had|has|have|showed|of) no predictive value|(?:did|does|do)(?: not|n't) predict"),
    ("associated", r"(?:is|are|was|were|be|been)? ?(?:strongly |closely |significantly |consistently |independently )?(?:associated|linked|correlated|tied|connected|related) (?:with|to)"
                   # "Your hand may predict knee OA": a marker that predicts a condition is associated with it
                   r"|(?:may|might|can|could|does|do|did|to) (?:\w+ )?predict\b|\bpredicts\b"),
    ("decreases", r"reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?(?![\s-]+(?:back|limbs?|legs?|body|extremit\w*|abdomen|spine|leg))|\bcuts?\b|\bcutting\b|decreas(?:e|es|ed|ing)|lessen(?:s|ed)?|eas(?:e|es|ed|ing)|reliev(?:e|es|ed|ing)|alleviat(?:e|es|ed)"
                  r"|eliminat(?:e|es|ed)|prevent(?:s|ed|ing)?|halv(?:e|es|ed)|slash(?:es|ed)?|\bstops?\b|protects? against|wards? off|guard(?:s|ed)? against"
                  r"|(?:may|might|can|could|to|will|would|did|does|do) slow\b|slow(?:s|ed|ing)? (?:down\b|(?:\w+ ){1,3}?down\b|the (?:\w+ )?(?:progression|progress|decline|loss|onset)\b)"),
    ("improves", r"improv(?:e|es|ed|ing)|(?:is|are|be|was|were) good for|(?<!the )\bhelps?\b|\bhelped\b|benefit(?:s|ed)?|enhanc(?:e|es|ed)|restor(?:e|es|ed)|\bcures?\b|\bcured\b|\bheal(?:s|ed)?\b"
                 r"|\bfix(?:es|ed)?\b|revers(?:e|es|ed)|works? better|outperform(?:s|ed)?|speeds? up|sped up|(?:is|are|was|were) (?:more )?effective"
                 # a headline's verbs of winning: "Exercise beats rest for low back pain", "Shockwave works for tennis elbow"
                 # (not "works for the NHS", "works for a charity": an employer)
                 r"|\bbeats?\b|\btrumps?\b|\bworks? (?:against|well for|for (?!(?:a|an|the|us|our|his|her|their|them|me|you|him|it|this|that|one|some|many|most|all|every|any)\b)(?=(?-i:[a-z])))"),
    ("increases", r"increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?|doubl(?:e|es|ed)|tripl(?:e|es|ed)|caus(?:e|es|ed|ing)|trigger(?:s|ed|ing)?|leads? to|led to|contribut(?:e|es|ed) to"),
    ("worsens", r"worsen(?:s|ed|ing)?|\bharm(?:s|ed|ing)?\b|damag(?:e|es|ed|ing)|\bruin(?:s|ed)?\b|mak(?:e|es|ing) .{0,25}?(?:worse|weaker)|made .{0,25}?(?:worse|weaker)"),
]
EFFECT_RES = [(d, re.compile(rf"\b(?:{p})\b", re.I)) for d, p in EFFECTS]


def has_effect(text: str) -> bool:
    """Does the text state an effect (any of EFFECTS)?"""
    return any(rx.search(text) for _, rx in EFFECT_RES)


def reports_result(text: str) -> bool:
    """Does the text report a finding (a reporting verb of FINDING) or state an effect? The test the "says nothing"
    forms share: a date, an example, an announcement or a pointer that names research but reports no result."""
    return bool(FINDING.search(text)) or has_effect(text)


# A headline stating how common something is or that it is rising ("Stress Fractures From Overuse Common In Teen
# Athletes", "ACL Injuries Increase Among School-Aged Children"): a finding of its own, no effect word needed.
HOW_OFTEN = re.compile(r"\b(?:(?:more |less |very |increasingly |surprisingly )?(?:common|rare|frequent|widespread|prevalent)\s+"
                        r"(?:in|among|for|with)\b|on the rise|(?:increase|rise|climb|soar|fall|drop|decline)s?\s+(?:among|in)\b)", re.I)


# What makes a headline a statement with no effect verb of EFFECTS: a link ("Walking tied to less back pain", "OA May
# Play a Role in Social Isolation"), a cause denied ("Bad weather isn't to blame for your aching back"), a predicate of
# benefit or harm ("Home exercise beneficial for hip fracture patients"), over- or under-use ("Back pain often
# overdiagnosed and overtreated"), a place in treatment ("Exercise to be 'core treatment' for osteoarthritis", "... Put
# Exercise at the Centre of Treatment"), a first result ("Tai Chi for Fibromyalgia Shows Promising Results").
HEADLINE_STATES = re.compile(
    r"\b(?:tied|linked|connected|associated) (?:to|with)\b|\bplays? (?:a|an|no|little|some|key|big) (?:[\w-]+ )?role in\b"
    r"|\bto blame\b|\b(?:beneficial|harmful|helpful|unhelpful|unsafe|ineffective|useless|pointless|risky) (?:for|to|in|against)\b"
    r"|\b(?:over|under)(?:diagnosed|treated|used|prescribed|utili[sz]ed)\b"
    r"|\b(?:core|first[- ]line|front[- ]?line|mainstay|cornerstone|preferred) (?:of )?(?:treatment|therapy|care|option|approach)\b"
    r"|\bat the (?:centre|center|heart|core) of (?:[\w-]+ )?(?:treatment|care|management|therapy|rehab\w*)\b"
    r"|\bshows? (?:promise\b|(?:promising|encouraging|positive) (?:results|signs|benefits?|effects?)\b)"
    # a comparison's verdict without a verb: "No clear winner for neck pain treatment: study", "No benefit from ..."
    r"|^\W*no (?:clear |real |single |obvious )?(?:winner|difference|benefit|advantage|edge) (?:for|from|in|between|of|with)\b", re.I)


# "... reduced pain compared with no exercise": an effect set against a comparison states a result.
COMPARED = re.compile(r"\b(?:compared (?:with|to)|than|versus|vs\.?|as (?:well|effective|good) as|superior to|inferior to)\b", re.I)
