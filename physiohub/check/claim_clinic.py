"""Forms of clinic pages (physiotherapy, chiropractic, osteopathy, massage, telehealth) that the claim rules missed or
took wrongly on new sites (dev21, session 11 of issue 13):

- a list whose lead-in is the first half of a research sentence ("Clinical trials demonstrate that chiropractic
  care:", "Research shows that irritation of the nerve can also come from:"): each bullet completes the sentence,
  so each is a finding of that research, and a lead-in whose that-clause has no verb states nothing by itself;
- a researcher's quote that goes on in a second quoted sentence after the attributed one;
- a guideline's recommendation told in the passive ("... were recommended in the guidance");
- not claims: an organisation described by what it does ("NICE gives national guidance and advice ... [1]"), and
  an organisation's verb inside a relative clause of the writer's own sentence ("... deliver the strategies NICE
  recommends to tackle ...").
"""
from __future__ import annotations

import re

from .claim_designs import names_research
from .claim_method import method_only
from .claim_vetoes import model_veto
from .claim_words import COMPARED, FINDING, has_effect
from .document import Sentence, credit_line

# "<research> shows/demonstrates/found ... that <rest>" at the end of a line: the first half of a finding.
_STEM = re.compile(r"\b(?:shows?|showed|shown|demonstrates?|demonstrated|finds|found|suggests?|suggested|indicates?|"
                   r"indicated|reveals?|revealed|proves?|proven|confirms?|confirmed)\s+that\s+(?P<rest>[^:.;!?]{1,90}?)"
                   r"\s*(?P<colon>:)?\s*$", re.I)
# A finite verb in the that-clause: the stem states something by itself ("... can also come from:").
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|can|may|might|could|will|would|does|do|did|should|must)\b"
                   r"|\b\w{3,}(?:s|ed)\s+(?:from|by|to|in|with|the|a|an)\b", re.I)
# A that-clause left open for the list to finish: "... a home walking plan can", "... can also come from".
_OPEN_END = re.compile(r"\b(?:can|may|might|could|will|would|helps?|from|to|in|with|of|by|for|on|includes?|and|or|as|also)\s*$", re.I)


def _incomplete(rest: str) -> bool:
    return not _VERB.search(rest) or bool(_OPEN_END.search(rest))


# A bullet that is the writer's advice or a label, not the end of the research sentence.
_ADVICE = re.compile(r"^\W*(?:tips?|try|avoid|book|call|contact|remember|note|see|read|click)\b", re.I)


def _stem(text: str) -> re.Match | None:
    m = _STEM.search(text)
    return m if m and names_research(text[:m.start()] + " " + m.group(0)) else None


def research_stem(lead_in: Sentence | None, s: Sentence) -> bool:
    """Is ``s`` a list item that completes the research sentence its lead-in begins? The lead-in either keeps its
    colon or, short, became the heading of the list (a heading line loses its colon) with a verbless that-clause."""
    if lead_in is None or not s.item or len(s.text.split()) < 2 or method_only(s.text) or _ADVICE.match(s.text):
        return False
    m = _stem(lead_in.text)
    if m is None:
        return False
    return bool(m.group("colon")) or (s.heading == lead_in.text and _incomplete(m.group("rest")))


def verbless_stem(sentences: list[Sentence], i: int) -> bool:
    """A lead-in or heading "Clinical trials demonstrate that chiropractic care" over a list: not a claim itself."""
    s = sentences[i]
    m = _stem(s.text.rstrip(": "))
    return (m is not None and not s.item and _incomplete(m.group("rest")) and len(m.group("rest").split()) <= 8
            and i + 1 < len(sentences) and sentences[i + 1].item)


# A quoted sentence attributed to a named person or a title: '"...," says Dr. Jo Ellen Sefton, director of ...'.
_ATTRIBUTED_QUOTE = re.compile(r"[\"\u201d,]\s*(?:says|said|explains|explained|adds|added|notes|noted|writes|wrote|states|"
                               r"stated|concludes|concluded)\s+(?:Dr\.?|Prof\.?|Professor|[A-Z][a-z]+)\b"
                               r"|\b(?:Dr\.?|Prof\.?|Professor)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:says|said|explains|"
                               r"explained|adds|added|notes|noted)\b")
_OPENS_QUOTE = re.compile(r"^\s*[\"\u201c]")
_QUESTION = re.compile(r"\?\W*$")
# The close of a quote credited to the researchers: '... should be encouraged," the researchers wrote.', '...," said the
# study's authors.', '...," they added.' (they: the researchers the page has been quoting).
_RESEARCHERS_CLOSE = re.compile(r"[\"\u201d]\s*,?\s*(?:(?:the|its|the study's|the trial's|the review's) (?:\w+ )?(?:researchers|authors|"
                                r"investigators|scientists|team)|they|the study(?:'s)? authors?)\s+(?:wrote|write|said|say|says|added|add|"
                                r"noted|note|concluded|conclude|explained|reported|stated|stressed)\b"
                                r"|[\"\u201d]\s*,?\s*(?:wrote|said|added|noted|concluded) (?:the )?(?:\w+ )?(?:researchers|authors|"
                                r"investigators|scientists|team)\b", re.I)
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")


def quote_closed_by_researchers(sentences: list[Sentence], i: int) -> Sentence | None:
    """The sentence that closes the quote this sentence opens and credits it to the researchers ('"People who cycled
    had a lower prevalence of knee pain. The benefit added up the longer they cycled. This study indicates ...," the
    researchers wrote.'): each quoted sentence before the credit is theirs. None if there is no such close within
    four sentences of the same paragraph."""
    s = sentences[i]
    opens = bool(_OPENS_QUOTE.match(s.text)) and len(_QUOTE_MARKS.findall(s.text)) == 1
    if not opens:
        # (or a sentence inside it: no quote mark of its own, the quote opened by a sentence before it in the paragraph)
        if _QUOTE_MARKS.search(s.text):
            return None
        for x in reversed(sentences[max(0, i - 4):i]):
            if x.paragraph != s.paragraph:
                return None
            if _QUOTE_MARKS.search(x.text):
                if not (_OPENS_QUOTE.match(x.text) and len(_QUOTE_MARKS.findall(x.text)) == 1):
                    return None
                break
        else:
            return None
    for x in sentences[i + 1:i + 5]:
        if x.paragraph != s.paragraph:
            return None
        marks = _QUOTE_MARKS.findall(x.text)
        if marks:
            return x if _RESEARCHERS_CLOSE.search(x.text) else None
    return None


# The speaker's hope, belief or plan, not more of the finding: '"We hope that our findings will help ..."'.
_HOPE = re.compile(r"\b(?:we|I) (?:hope|hoped|believe|think|plan|want|wish|would like)\b|\b(?:hope|hopefully)\b", re.I)


def quote_goes_on(before: Sentence, s: Sentence) -> bool:
    """After a claim that is a researcher's attributed quote, the next quoted sentence of the same paragraph is more
    of the same quote: "This may be a way to reduce falls in older adults." """
    return (before.paragraph == s.paragraph and bool(_OPENS_QUOTE.match(s.text)) and bool(_ATTRIBUTED_QUOTE.search(before.text))
            and (has_effect(s.text) or bool(FINDING.search(s.text))) and not _QUESTION.search(s.text)
            and not method_only(s.text) and not _HOPE.search(s.text) and not model_veto(s.text))


# "... were recommended in the guidance", "is now recommended by NICE", "are recommended in clinical guidelines".
_GUIDANCE_PASSIVE = re.compile(r"\b(?:is|are|was|were|has been|have been|had been)\s+(?:also\s+|now\s+|strongly\s+|still\s+|not\s+)?"
                               r"recommended\s+(?:in|by)\s+(?:the\s+|these\s+|this\s+|its\s+|current\s+|national\s+|clinical\s+|new\s+|"
                               r"latest\s+|updated\s+|international\s+)*(?:guidance|guidelines?|recommendations|consensus|"
                               r"[A-Z]{3,}\s+(?:guidance|guidelines?))\b"
                               # "... is now recommended by NICE" (an acronym after "by" only: "in the USA" is a place)
                               r"|\b(?:is|are|was|were|has been|have been|had been)\s+(?:also\s+|now\s+|strongly\s+|still\s+|not\s+)?"
                               r"recommended\s+by\s+(?:the\s+)?[A-Z]{3,}\b")


def guidance_passive(text: str) -> str | None:
    """The reporting phrase of a guideline's recommendation told in the passive, or None."""
    m = _GUIDANCE_PASSIVE.search(text)
    return m.group(0) if m else None


# "The National Institute for Health and Care Excellence (NICE) gives national guidance and advice to ...": what an
# organisation does, not what it found or recommends.
_ORG_ROLE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w'&-]*\s+(?:(?:for|of|and|on|in)\s+)?){1,9}(?:\([A-Z][A-Za-z]{1,9}\)\s+)?"
                       r"(?:provides|gives|offers|produces|publishes|issues|develops|represents|regulates|funds|supports|"
                       r"is responsible for)\s+(?:[\w-]+\s+){0,3}?(?:guidance|guidelines|advice|information|support|services|"
                       r"standards|members|education)\b")
# "... to deliver the strategies NICE recommends to tackle ...": an organisation's verb in a relative clause on the
# object of the writer's own verb, with no that-clause or object of its own ("The exercises NICE recommends for knee
# pain are ..." is the organisation's recommendation and stays a claim).
_RELATIVE_ORG_VERB = re.compile(r"\b(?:deliver|offer|provide|follow|use|apply|give|try|do|practi[sc]e|start|adopt|get)\s+"
                                r"the\s+(?:[a-z-]+\s+){0,2}(?:strategies|treatments|approaches|exercises|measures|steps|"
                                r"care|advice|options|things|methods|techniques)\s+(?:that\s+)?(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}"
                                r"\s+(?:recommends?|advises?|suggests?|endorses?)\s+(?:to|for|in|as|,)")


# (the role sentence that also says what the organisation recommends or found is its statement: a claim)
_STATES_FINDING = re.compile(r"\b(?:recommend\w*|advises|advised|found|finds|shows?|showed|concluded?|says|said|that)\b", re.I)


def clinic_not_claim(text: str) -> bool:
    """An organisation's description of its role, or a sentence whose only organisation verb sits in a relative
    clause ("the strategies NICE recommends"): not a claim whatever the cues or the model read in it."""
    if _ORG_ROLE.match(text) and not _STATES_FINDING.search(text):
        return True
    m = _RELATIVE_ORG_VERB.search(text)
    return bool(m) and not re.search(r"\b(?:recommends?|advises?|says?|found|finds|shows?)\s+that\b", text)


# Batch b of dev21 (clinic research pages):
# "Result #1: Telerehab is equivalent to ...", "Finding 2: ..." under the study the page describes.
# (numbered only: an abstract's "Results: Of the 107 subjects ..., 98 completed" opens with the method's figures)
_RESULT_LINE = re.compile(r"^\W*(?:key\s+|main\s+)?(?:results?|findings?|outcomes?)\s*(?:#\s*\d+|\d+)\s*:\s*(?P<rest>\S.*)$", re.I)
_STATES = re.compile(r"\b(?:is|are|was|were|had|has|have|did|does|would|could|can|may)\b|\b\w{3,}ed\b", re.I)


def labelled_result(s: Sentence) -> bool:
    """A "Result #n:" line that states a result (a verb, an effect or a finding word after its label)."""
    m = _RESULT_LINE.match(s.text)
    if m is None:
        return False
    rest = m.group("rest")
    return len(rest.split()) >= 4 and bool(_STATES.search(rest) or has_effect(rest) or FINDING.search(rest)) and not method_only(rest)


# A quote card: a quoted finding, then a line that is only its credit ("Withers, H. G., et al (2024).").
_CREDIT_LINE = re.compile(r"^[A-Z][\w'\u2019-]+(?:,\s*(?:[A-Z]\.\s*){1,3})?(?:,?\s*(?:et al\.?|&\s*[A-Z][\w'\u2019-]+))?,?\s*"
                          r"\((?:19|20)\d{2}[a-z]?\)\.?\s*$")
_AUTHORS_YEAR_LAST = re.compile(r"^[A-Z][\w'\u2019-]+,\s+(?:[A-Z]\.\s*){1,3}[^()]{0,300}\((?:19|20)\d{2}[a-z]?\)\.?\s*$")
_VOLUME_PAGES = re.compile(r"\b\d+\s*\(\d+\)\s*[,:]\s*\d+")
# One treatment set level with another: "... matches in-person physiotherapy", "... is equivalent to face-to-face care".
_MATCHES = re.compile(r"\b(?:matche[sd]|equals|is equivalent to|are equivalent to|comparable (?:to|with)|on a par with|"
                      r"as (?:good|effective|helpful) as)\b", re.I)
_WHOLLY_QUOTED = re.compile(r"^\s*[\"\u201c][^\"\u201c\u201d]{20,}[\"\u201d][.]?\s*$")


def credited_quote(sentences: list[Sentence], i: int) -> Sentence | None:
    """The credit line of a quoted finding that stands alone in its paragraph, or None."""
    s = sentences[i]
    if i + 1 >= len(sentences) or _QUESTION.search(s.text.strip("\"\u201d. ")):
        return None
    # (each sentence of a paragraph that a dash credit line closes: "“There are many treatments ... Exercises and physical
    # therapy often help.”" / "--Goodman et al. (2013), JAMA")
    # (the first sentence of another paragraph: everything before it is this sentence's paragraph)
    after = next((x for x in sentences[i + 1:] if x.paragraph != s.paragraph), None)
    if after is not None and credit_line(after.text):
        # ("A review article covering more than 1000 trials ..." above a credit describes the work: no effect, no finding)
        return after if (has_effect(s.text) or FINDING.search(s.text) or _MATCHES.search(s.text)) else None
    if not _WHOLLY_QUOTED.match(s.text):
        return None
    nxt = sentences[i + 1]
    if nxt.paragraph == s.paragraph:
        return None
    if not _CREDIT_LINE.match(nxt.text):
        # or the paper's entry, title first and authors last: "Title. Journal, 70(2), 124-133. Withers, H. G., ... (2024)."
        entry = [x for x in sentences[i + 1:i + 5] if x.paragraph == nxt.paragraph]
        nxt = next((x for x in entry if _AUTHORS_YEAR_LAST.match(x.text)), None)
        if nxt is None or not any(_VOLUME_PAGES.search(x.text) for x in entry):
            return None
    return nxt if (has_effect(s.text) or FINDING.search(s.text) or COMPARED.search(s.text) or _MATCHES.search(s.text)) else None


# "These changes mostly appeared 3-4 days after ...": the claim before goes on with when or how long its result held.
_THESE_RESULTS = re.compile(r"^(?:these|those|the|such|both|all)\s+(?:changes|effects|improvements|benefits|gains|results|differences|"
                            r"reductions)\s+(?:\w+\s+){0,2}?(?:appeared|occurred|lasted|persisted|remained|held|faded|"
                            r"disappeared|emerged|peaked|started|began|were seen|were still|were maintained|were kept)\b", re.I)


def results_go_on(before: Sentence, s: Sentence) -> bool:
    return before.paragraph == s.paragraph and bool(_THESE_RESULTS.match(s.text))


# Not claims: research said to exist on both sides ("many studies that confirm some techniques ... and refute
# others"), and a note on the quality of the research the page shows ("Most of the research shown is of much higher
# quality").
_BOTH_SIDES = re.compile(r"\b(?:studies|research|trials|papers)\b[^.;]{0,60}\b(?:confirm|support)\w*\b[^.;]{0,80}\b(?:and|or|while)\s+"
                         r"(?:\w+\s+){0,2}(?:refute|deny|denies|reject|question|contradict)\w*\b", re.I)
_QUALITY_NOTE = re.compile(r"^(?:most|all|each|every|many|some)\s+(?:of\s+)?(?:the\s+)?(?:research|studies|study|papers|trials|articles|"
                           r"surveys)\s+(?:\w+\s+){0,4}?(?:shown|cited|included|presented|listed|discussed|in this (?:blog|article|post))\b"
                           r"[^.;]{0,50}\b(?:quality|scores?|rated|graded|pedro)\b", re.I)


def research_note(text: str) -> bool:
    return bool(_BOTH_SIDES.search(text) or _QUALITY_NOTE.match(text))
