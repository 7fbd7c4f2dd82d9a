"""Forms of clinic and digital-clinic pages (physio, chiropractic, podiatry, massage, Pilates, telehealth blogs) that
the claim rules misread, found on dev23's first batch (session 11): page furniture read as a title, the writer's plan
read as a debunking, a count of sessions read as a result, a verbless cited definition in a list, and the forms that
report research the rules did not know (', says a review from <org>', 'there is also supporting research for',
'This held for ...', 'X can in fact ...', 'X = less Y').
"""
from __future__ import annotations

import re

from .claim_words import FINDING, reports_result

# Page furniture: a navigation bar ("Profile Massage | Home | Services | Book Online"), a breadcrumb ("Home > Services >
# Massage"), a post's meta line ("Posted on Apr 27, 2012 in Benefits & Research | 0 comments"). None states anything,
# whatever words of effect the menu items hold.
_NAV_BAR = re.compile(r"^[^|.!?]{1,60}(?:\s\|\s[^|.!?]{1,60}){2,}$")
_BREADCRUMB = re.compile(r"^\s*home\s*(?:>|»|›|/)\s*\S", re.I)
_POST_META = re.compile(r"^\s*(?:posted|published|filed|written)\s+(?:on|by|in|under)\b[^.!?]{0,120}$", re.I)


def page_furniture(text: str) -> bool:
    """A navigation bar, breadcrumb or a post's meta line: never a claim."""
    text = text.strip()
    return bool(_NAV_BAR.match(text) or _BREADCRUMB.match(text) or _POST_META.match(text))


# A short title with no verb and no comparison is a topic label, even when a word in it names an effect: "Benefits &
# Research", "Pain Relief and Posture". (A finding headline says what does what: "Massage Reduces Pain", "Strong core =
# less low back pain".)
def topic_label(text: str) -> bool:
    """A title of up to four words that joins topic words with '&' or 'and' and has no verb: a label, not a finding."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not re.search(r"\s(?:&|and)\s", text) or re.search(r"[=\d]", text):
        return False
    # (each side of the '&' a noun: no word there may be a verb form except plural nouns that the '&' joins)
    return not re.search(r"\b(?:is|are|was|were|can|may|might|will|could|does|do|did|has|have|helps?|reduces?|eases?|cuts?|"
                         r"improves?|works?|prevents?|causes?|shown|found|linked)\b", text, re.I)


# The writer's own plan to debunk or clear up myths: "I'd like to clear up and debunk ten of the most common running
# myths", "we'll bust five myths" — a teaser of the page, not a source credited with debunking them.
WRITER_PLAN = re.compile(r"\b(?:I|we)(?:'d|'ll| would| will| want to| am going to| are going to| aim to| hope to| plan to)\s+"
                         r"(?:like to\s+|love to\s+|try to\s+)?(?:\w+\s+(?:up\s+)?(?:and|&)\s+)?"
                         r"(?:debunk|bust|dispel|clear up|tackle|look at|go through|explore|unpack)\b", re.I)


# How much a service did, as a study's set-up: "Over two months, 40 physical therapists ran 4,548 sessions, 85% of them by
# telehealth" — a count of sessions, visits or consultations that people ran, not a result.
SESSIONS_RUN = re.compile(r"\b(?:ran|held|conducted|delivered|provided|carried out|completed|performed|logged)\s+(?:a total of\s+|over\s+|more than\s+|"
                          r"nearly\s+|about\s+|some\s+)?\d[\d,]*\s+(?:[\w-]+\s+)?(?:sessions|visits|consultations|appointments|calls|"
                          r"treatments|classes)\b", re.I)


def sessions_run(text: str) -> bool:
    """A sentence that counts the sessions a service ran and reports no result word."""
    return bool(SESSIONS_RUN.search(text)) and not FINDING.search(SESSIONS_RUN.sub(" ", text))


# A list item "Label: a noun phrase[1]" with no verb after the label: a cited definition ("Plantar Fasciitis: irritation
# of the plantar fascia, the thick band of tissue running across the sole[1]"). An item whose phrase states a link or an
# effect ("bony growths ..., often linked with plantar fasciitis[1]") is a claim.
_ITEM_LABEL = re.compile(r"^\W*[A-Z][\w' -]{1,40}:\s+")
_ANY_VERB = re.compile(r"\b(?:is|are|was|were|be|been|does|do|did|can|may|might|will|could|should|must|has|have|had|"
                       r"occurs?|happens?|causes?|leads?|means?|affects?|develops?)\b", re.I)


def defined_item(text: str, item: bool) -> bool:
    """A list item that only defines its label (a noun phrase with no verb, no effect, no finding)."""
    m = _ITEM_LABEL.match(text)
    if not item or not m:
        return False
    rest = text[m.end():]
    return not (_ANY_VERB.search(rest) or reports_result(rest) or re.search(r"\d{2}", re.sub(r"\[\d+\]", "", rest)))


# A quotation or statement credited at its end to a review, study or report of an organisation: '"Telehealth is feasible
# and effective for physical therapy care," says a review from the American Physical Therapy Association (APTA).'
TRAILING_WORK_SAYS = re.compile(r"[,\"\u201d]\s*((?:says?|said|concludes?|concluded|notes?|noted|finds?|found|reports?|reported)\s+"
                                r"(?:a|an|the|one|this|that)\s+(?:[\w-]+\s+){0,3}?(?:review|study|report|analysis|meta-analysis|trial|"
                                r"survey|guideline|paper|position statement)s?)\b(?:\s+(?:from|by|of|in)\s+[^.!?]{0,100})?[.!]?\s*$", re.I)
# Evidence that supports something, reported as existing: "there is also supporting research for neck pain", "there is
# strong evidence for exercise in knee OA" (not "little" or "no" evidence: that states no finding).
EVIDENCE_FOR = re.compile(r"\bthere (?:is|are|was)\s+(?:also\s+|now\s+)?(?:(?:good|strong|solid|some|growing|robust|moderate|"
                          r"high-quality|good-quality|clear|consistent)\s+)?(?:supporting\s+)?(?:research|evidence|studies|data)\s+"
                          r"(?:for|supporting|to support|in (?:favour|favor) of|backing)\b", re.I)


def late_cue(text: str) -> str | None:
    """The reporting phrase of the forms above, or None."""
    m = TRAILING_WORK_SAYS.search(text)
    if m and len(text[:m.start()].split()) >= 4:
        return m.group(1)
    m = EVIDENCE_FOR.search(text)
    if m:
        return m.group(0)
    return None


# A result going on from the claim before it in the same paragraph: "This held for both first and follow-up visits",
# "The same was true at 12 months", "Cushioning can in fact alter foot strike ..." (an emphatic "in fact"/"actually"
# that adds the next finding).
HELD_GOING = re.compile(r"^(?:this|that|it|the (?:same|effect|difference|result|finding|benefit|pattern))\s+(?:also\s+)?(?:held|holds|"
                        r"was (?:also )?true|remained true|applied|persisted|was consistent|was seen)\b", re.I)
IN_FACT = re.compile(r"^[A-Z][\w-]*(?:\s+[\w-]+){0,3}\s+(?:can|may|might|does|do|did|could|will)\s+(?:in fact|actually)\s+\w+", re.I)
# ... or opens with the emphatic word and states a comparison: "In fact, shallower squats expose the knee to greater
# compressive forces" after "A, B & C (2013) say that worries over deep squats are unfounded".
IN_FACT_OPENS = re.compile(r"^(?:in fact|indeed|if anything|actually),\s+[^.;?]{0,100}?\b(?:greater|less|lower|higher|fewer|more|smaller|larger|better|worse|faster|slower|stronger|weaker)\b", re.I)


def goes_on(text: str) -> bool:
    """A sentence that carries the claim before it on: 'This held for ...', 'X can in fact ...'."""
    return bool(HELD_GOING.match(text) or IN_FACT.match(text) or IN_FACT_OPENS.match(text))


# A headline written as an equation of effect: "Strong core = less low back pain", "More sleep = fewer injuries".
EQUATION = re.compile(r"\S\s*=\s*(?:less|more|fewer|better|worse|lower|higher|stronger|weaker|faster|slower|reduced|improved|no)\b", re.I)


# --- dev23 batch b kinds ---

# A definition quoted from an organisation: 'According to the <agency>, telehealth is "the use of ..."', 'A rural area,
# according to the US Census Bureau, is "any population ..."' — what a word means, not a finding, even cited.
QUOTED_DEFINITION = re.compile(r"\b(?:is|are|means)\s+[\"\u201c](?:the|a|an|any|all)\b", re.I)
# (a quoted judgement is no definition: 'Exercise is "an effective treatment," the study concluded')
_JUDGEMENT = re.compile(r"\b(?:effective|safe|useful|helpful|beneficial|better|best|worse|important|superior|harmful|good|"
                        r"recommended|first-line)\b", re.I)


def quoted_definition(text: str) -> bool:
    """'X is "the/a/any ..."' with no finding and no judgement: a definition quoted from a source."""
    return bool(QUOTED_DEFINITION.search(text)) and not FINDING.search(text) and not _JUDGEMENT.search(text)
# What a study set out to do, with a connective between: "The aim of the study was therefore to find out ...".
AIM_OF = re.compile(r"\b(?:aim|goal|purpose|objective)s? of (?:the|this|their|our|that) (?:[\w-]+ )?(?:study|trial|review|research|"
                    r"analysis|project)\s+(?:was|were|is)\s+(?:\w+\s+)?to\b", re.I)
# A trial's arms named by what it compared, with no result: "This trial compared physiotherapy delivered remotely ... with
# usual face-to-face physiotherapy in people with ...".
ARMS_COMPARED = re.compile(r"^(?:this|the|that|our|their|the new|one) (?:[\w-]+ ){0,2}(?:trial|study|review|research|analysis)\s+"
                           r"(?:compared|tested|pitted)\b", re.I)
_RESULT_WORDS = re.compile(r"\b(?:found|showed|shown|concluded|reported|better|worse|more|less|fewer|improv\w*|reduc\w*|"
                           r"no difference|significant\w*|as well as|effective)\b", re.I)


def set_up_only(text: str) -> bool:
    """A sentence on a study's aim or its compared arms that reports no result."""
    if AIM_OF.search(text):
        return not FINDING.search(AIM_OF.sub(" ", text))
    return bool(ARMS_COMPARED.match(text)) and not _RESULT_WORDS.search(text[ARMS_COMPARED.match(text).end():])


# A section heading that starts with its verb and has no subject: "Improves access to care", "Saves time and money" —
# the writer's list of benefits, not a finding that names what has the effect.
SUBJECTLESS_HEADING = re.compile(r"^(?:Improves|Reduces|Saves|Helps|Boosts|Increases|Eases|Lowers|Relieves|Prevents|Supports|"
                                 r"Promotes|Builds|Offers|Gives|Makes|Allows|Lets|Keeps|Cuts)\s+[^.!?]{2,50}$")


def subjectless_heading(text: str) -> bool:
    """A short verb-first heading without a final stop."""
    return len(text.split()) <= 7 and bool(SUBJECTLESS_HEADING.match(text.strip()))


# A bracketed date read as an author-year citation: "The NICE guidelines for osteoarthritis (Feb 2008) are another marker
# of best practice" — the document's date; the sentence states no finding unless it names an effect.
_BRACKET_DATE = re.compile(r"^\(?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\)?$", re.I)


def date_only_cue(cue: str, text: str) -> bool:
    """The cue is only a bracketed month and year, and the sentence states no effect or finding."""
    return bool(_BRACKET_DATE.match(cue.strip())) and not reports_result(text)


# The result of a trial's group set against another: "At 6 weeks, people in the remote group did about as well as those
# seen in the clinic", "Patients in the exercise group fared better than ...".
GROUP_COMPARED = re.compile(r"\b(?:people|patients|participants|those|women|men|runners|workers|children)\s+(?:in|on|given|receiving)\s+"
                            r"the\s+[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\b[^.;]{0,60}?\b(?:did|fared|were|was|had|reported|improved|recovered|"
                            r"scored)\b[^.;]{0,40}?\b(?:as well as|as much as|better than|worse than|more than|less than|no better than|"
                            r"similar to|the same as)\b", re.I)


# Research or a guideline named as an example of something, with no word of what it says: "The NICE guidelines for
# osteoarthritis (Feb 2008) are another marker of best practice", "This review is one example of the new evidence" —
# an announcement (the next sentence, "They recommend ...", is the claim).
NAMED_AS_EXAMPLE = re.compile(r"\b(?:guidelines?|stud(?:y|ies)|trials?|reviews?|reports?|research|papers?)\b[^.;]{0,60}?\b(?:is|are|was|were)\s+"
                              r"(?:another|an?|one|the)\s+(?:[\w-]+\s+){0,2}?(?:marker|example|sign|source|indicator|piece|"
                              r"pointer)s?\s+(?:of|for)\b", re.I)


def named_as_example(text: str) -> bool:
    """A sentence that names research or a guideline as an example, stating no effect or finding."""
    return bool(NAMED_AS_EXAMPLE.search(text)) and not reports_result(text)


# What everyone knows or accepts, credited to no research: "It is widely known that weight-bearing exercise is good for
# the bones", 'Dr. X says that "the benefits of ... have been fairly widely accepted for years now in the medical
# community"' — the standing of an idea, not a finding (a sentence that names research or cites stays with the rules).
COMMON_KNOWLEDGE = re.compile(r"\b(?:widely|generally|commonly|universally) (?:known|accepted|acknowledged|agreed)\b"
                              r"|\baccepted (?:in|by|within|across) the (?:medical|scientific|health|clinical) (?:community|profession|world)\b",
                              re.I)
