"""Research claims in an article: sentences that report research, and what each one says.

A sentence reports research when it names a kind of research ("a 2022 meta-analysis", "studies",
"research", "a trial") together with a reporting verb ("found", "shows", "suggests"), attributes a
finding to researchers ("scientists at X found", "a doctor ... showed that", "a professor told a congress
that"), says "according to ..." (research, guidelines or a named organisation), names an organisation that
says or recommends, uses a passive or stock phrase ("it has been shown that", "we know from studies that",
"guidelines recommend", "Study: ..."), cites ("[3]", "(Ref 2)", "(4,5)", "study2", "(Lee et al., 2020)",
"(Br J Sports Med. 2020;54:1)", a link to a paper), quotes a researcher's result, ends with a frame
(", new research suggests."), or states a result right after such a sentence, after a sentence that
describes a study's method, or as a list item under "Key findings". Also: a source noun at the end (", the
foundation estimates."), guidelines that reinforce or support, "citing a review", the writer's own reading ("I also
found two case reports"), a dose-response result after a claim, a citation closing a list item. Sentences that only
describe what a study did (its groups, what was done or measured, where it was published or presented), teasers,
list lead-ins, definitions, calls to action, research named as a topic or as reading ("what the research says
works", "dig into the research") and quotes of people "not involved in the study" are not claims; nor are aims ("researchers
hope to find"), teaser headlines ("New Study Reveals How to ..."), a search's yield ("Of 299 studies found, only 3 were
relevant"), needs ("new treatments are needed"), reference label lines ("Paper: Lee et al, 2015, ...") and headings that only
say where a list comes from ("By the numbers (from the 2024 review by Lee et al)"), whose list items are findings. Questions, "more research is needed", "not
enough research to say" and "whatever the research says" are not claims. The rules are inspectable and
each claim says which phrase made it one (``cue``); but phrasings go on varying from page to page, so a
learned sentence model (``claim_model.py``) adds the sentences it scores as claims, unless a rule veto above
(method, teaser, question, lead-in, definition) rules them out. Held-out figures in docs/check.md.

From each claim we take the stated year, the design (most specific wins: "systematic review and
meta-analysis" is a meta-analysis), population or condition, intervention or exposure, outcome and
direction (a small verb lexicon; see ``EFFECTS``), and the sources it names. Naming a source means an
author, a journal, a DOI, a link or a citation marker; an institution alone ("researchers at Oxford")
is recorded but does not count, because a reader cannot find the paper from it.
"""
from __future__ import annotations

import re

from .claim_bare_cites import attach_bare_citations
from .claim_clinic import (clinic_not_claim, credit_line, credited_quote, guidance_passive, labelled_result, quote_closed_by_researchers,
    quote_goes_on, research_note, research_stem, results_go_on, verbless_stem)
from .claim_context import Context, GUIDANCE, HEADLINE_CUES, after_claim, context_of, from_context, in_context
from .claim_cues import BACKED_BY_PUBLISHED, claim_cue, guidance_decision, quoted_study_leader, states_something, wh_announcement
from .claim_designs import DESIGNS, STATED_DESIGNS, design_of, head_design, names_research, stated_design, year_of
from .claim_effects import effect_of, finding_clause, population_of
from .claim_followups import (group_result, ADVICE_ITEM, CONTRAST_RESULT, DOSE_RESPONSE, EFFECT_ENDS, FACTORS_LEADIN, FINDINGS_HEADING, FINDINGS_LEADIN, GAINED,
    NEITHER, NO_DIFF,
    PRONOUN_COMPARISON, QUOTED_RESEARCHER, QUOTES_HEADING, RESPECTIVELY, RESULT, RESULTS_LABEL, RESULT_GROUP,
    RESULT_LASTS, RESULT_SIZE, SAME_TRUE, EXCEPTION, SHARE_RESULT, SOURCE_HEADING, STUDY_LABEL, SUMMARY_FIGURE, THEY_FOUND, THIS_SHOWS, TOLD_MEETING,
    by_research_author, headline, research_authors, research_in, same_subject_result, title_finding)
from .claim_method import METHOD, method_only
from .claim_not_claims import (ASIDE, LEAD_IN, LIMITATION, MYTH_LABEL, NOT_INVOLVED, QUESTION_OR_NEED, RESEARCH_USE,
                               SPECULATION)
from .claim_outside import outside_words
from .claim_pointers import bare_link_line, points_to_research, quotation_continues, research_judged
from .claim_page_forms import (COMMON_KNOWLEDGE, EQUATION, GROUP_COMPARED, WRITER_PLAN, date_only_cue, defined_item, goes_on, late_cue,
                               named_as_example, page_furniture, quoted_definition, sessions_run, set_up_only, subjectless_heading,
                               topic_label)
from .claim_orgs import ACCORDING_NAMED, ORGANISATION, ORG_SAYS, org_list_lead_in
from .claim_context import after_claim
from .claim_record import Claim
from .claim_sources import (AUTHOR_YEAR, DOI, GLUED_FOOTNOTE, JOURNAL_CITE, NUMBERED_CITE, author_year,
    citation_marker, expand_numbers, journal_key, sources_of)
from .claim_vetoes import model_veto, not_a_statement, vetoed
from .claim_words import COMPARED, DIGIT, EFFECTS, EFFECT_RES, FINDING, VERBS, has_effect
from .document import Sentence
from .lexicon import topic_of

# Also the names other modules, benches and tests import from here; the rules live in the claim_* modules.
__all__ = [
    "AUTHOR_YEAR",
    "Claim",
    "DESIGNS",
    "DOI",
    "EFFECTS",
    "EFFECT_RES",
    "GLUED_FOOTNOTE",
    "JOURNAL_CITE",
    "NUMBERED_CITE",
    "ORGANISATION",
    "STATED_DESIGNS",
    "VERBS",
    "attach_bare_citations",
    "author_year",
    "citation_marker",
    "claim_cue",
    "claim_probabilities",
    "design_of",
    "effect_of",
    "expand_numbers",
    "find_claims",
    "finding_clause",
    "head_design",
    "journal_key",
    "method_only",
    "model_veto",
    "population_of",
    "sources_of",
    "stated_design",
    "vetoed",
    "year_of",
]

# A lead-in that announces findings ("Three findings stood out:") names their source as a design would.
_FINDINGS_WORD = re.compile(r"\bfindings?\b", re.I)
# A result under a "Results" heading gives a figure or says it was significant.
_FIGURE_OR_SIGNIFICANT = re.compile(r"\d|\bsignificant")
# "The trials included ...", "They ...": a sentence that refers back to the research it follows, not new research.
_POINTS_BACK = re.compile(r"(?:the|these|those|they|it|its|their)\b", re.I)
# "If a patient had ..., a physio offered help": the protocol, not a result.
_CONDITION = re.compile(r"(?:if|when|where)\b", re.I)
# "Adding weights doubled the gains": a result led by what was done (case-sensitive: a capitalised -ing word).
_ING_START = re.compile(r"(?:but |and )?[A-Z]\w+ing\b")
# "It is the first choice of treatment": a ranking of the treatment just reported on.
_IT_THEY_THIS = re.compile(r"[\"\u201c]?(?:it|they|this)\b", re.I)
_FIRST_CHOICE = re.compile(r"\b(?:first|best|preferred|better) (?:choice|option|treatment|line)\b", re.I)
# "It eased pain ..." opening the next paragraph goes on with the same research, unless it says what is not known.
_IT_THEY = re.compile(r"[\"\u201c]?(?:it|they)\b", re.I)
_OPEN_QUESTION = re.compile(r"\bwhether\b|\bnot (?:yet )?(?:been )?(?:established|known|clear)\b", re.I)
# A sentence that opens a quotation.
_OPENS_QUOTE = re.compile(r"^\s*[\"\u201c]")
# A finite verb: the bullet is a sentence, not a label ("Knee pain", "Exercise programmes").
_STATEMENT = re.compile(r"\b(?:is|are|was|were|has|have|had|can|may|might|could|will|does|do|did)\b|\b\w{3,}(?:ed|es)\b", re.I)
# "Collagen may help bring back that smoothness": the writer's hope after a study's method, not its result.
_HEDGE = re.compile(r"\b(?:may|might|could)\b", re.I)
# "That leads to ...", "This in turn causes ...": a sentence that explains the one before it (here one that is no claim).
_EXPLAINS_BEFORE = re.compile(r"^(?:this|that|which|these|those)\s+(?:in turn\s+|then\s+|eventually\s+)?(?:leads?|led|causes?|caused|"
                              r"results?|resulted|triggers?|triggered|means|meant)\b", re.I)
_GROUP_WORD = re.compile(r"\b(?:groups?|results|participants|patients)\b", re.I)


# "It is thought that ...", "It has been suggested that ...": an impersonal "it" that refers to nothing before it.
_IMPERSONAL_IT = re.compile(r"[\"\u201c]?it\s+(?:is|was|has been|had been|seems|seemed|appears|appeared)\b[^.;]{0,40}?\bthat\b", re.I)
# The people of the claim before reporting again: "They say that ...", "As a rule of thumb, they recommend that ...".
_THEY_SAY = re.compile(r"^(?:[\w' -]{1,30},\s*)?(?:they|the (?:authors|researchers|team|investigators)|these (?:authors|researchers))\s+"
                       r"(?:also\s+)?(?:say|said|recommend|recommended|write|wrote|conclude|concluded|suggest|suggested|found|advise|advised|"
                       r"note|noted|argue|argued|report|reported)\b", re.I)
# "one in four office workers", "half of them": a share in words, as a findings list gives it.
_COUNT_WORDS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten) (?:in|out of) (?:\w+)\b|\b(?:half|a third|a quarter|"
                          r"the majority|most) of\b", re.I)


# Researchers named with what they did ("Researchers at seven universities randomly assigned 351 people ..."): a
# study described with no research noun, whose results the next sentences of the paragraph report.
_RESEARCHERS_DID = re.compile(r"^(?:the )?(?:researchers|scientists|investigators|doctors|physiotherapists|a team)\b", re.I)


# What researchers did with a number of people: "Researchers from two universities filmed 30 smartphone users ...".
_DID_WITH_PEOPLE = re.compile(r"\b\w+ed\s+(?:\w+\s+){0,3}?\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:people|adults|users|participants|patients|"
                              r"volunteers|women|men|children|students|workers|runners|athletes|players|subjects)\b", re.I)


def _new_list(lead_in: Sentence | None, s: Sentence) -> bool:
    """A list under its own lead-in that announces something other than findings ("... has put together five simple
    tips for people with desk jobs:") under a findings heading: the list is not the heading's."""
    return (lead_in is not None and s.item and lead_in.text != s.heading and lead_in.heading == s.heading
            and bool(LEAD_IN.search(lead_in.text)) and not FINDINGS_LEADIN.search(lead_in.text)
            and not names_research(lead_in.text))


def claim_probabilities(sentences: list[Sentence]) -> list[float]:
    """The shipped claim model's probability for each sentence (already joined with its bare citations)."""
    from .claim_model import load_model

    model = load_model()
    return model.probabilities([s.text for s in sentences], [s.paragraph for s in sentences],
                               [s.item for s in sentences], [s.heading for s in sentences]).tolist()


# A ranking the research gave right after its finding ("Aerobic exercises came out as the most effective forms of
# activity"): the next result of the same research.
_RANKED = re.compile(r"\b(?:came out|emerged|ranked|stood out|proved)\s+(?:as\s+)?(?:the\s+)?(?:most|least|best|top)\b"
                     r"|\bcame out (?:on top|best|ahead)\b", re.I)


# A run-in result label that says how the results came out: "The results held up:", "The findings were consistent:".
_RESULTS_RUN_IN = re.compile(r"^\W*(?:the |their |its )?(?:results?|findings?|answer|verdict)\s+(?:held up|held|stood up|were (?:consistent|clear|"
                             r"striking|the same|similar)|was (?:clear|consistent|striking))\s*:\s*", re.I)


# A section heading over a study's results (not the writer's conclusions or take-home message).
_RESULTS_SECTION = re.compile(r"(?:the |our |main |key )*(?:results|findings)\s*:?$|what (?:the )?(?:study|trial|review|researchers|they) found\s*:?$",
                              re.I)
# "did equally well", "did better with surgery": how one group fared against another.
_DID_AS_WELL = re.compile(r"\b(?:did|fared|recovered|improved) (?:equally |just as |as |much |slightly |no )?(?:well|better|worse)\b", re.I)


def find_claims(sentences: list[Sentence], *, learned: bool = True, probabilities: list[float] | None = None,
                threshold: float | None = None, veto: bool = True, veto_below: float | None = None) -> list[Claim]:
    """The research claims among the sentences: the rules' (each with the phrase that made it one), and with
    ``learned`` also the sentences the claim model (``claim_model.py``) scores at or above its threshold that
    no veto rules out. ``probabilities``/``threshold`` replace the shipped model's (cross-validation).

    With ``learned``, a sentence the rules take is dropped when the model scores it below ``veto_below`` (when the
    shipped model is run here and ``veto_below`` is None, its own ``veto_below``; with ``probabilities`` passed in, only
    an explicit ``veto_below``; 0 turns it off): on pages of sites no rule was written on, the rule
    claims the model puts that low are nearly all method sentences, teasers, section labels and background
    (docs/check.md, "A model veto on rule claims (session 13)"). The veto drops the sentence, not the research it
    names: a result reported right after a vetoed method sentence ("Researchers enrolled 97 people ... Those who walked
    had less pain") is still a claim on its own cue."""
    sentences = attach_bare_citations(sentences)
    outside = outside_words(sentences)
    if learned and probabilities is None:
        from .claim_model import load_model

        model = load_model()
        probabilities = claim_probabilities(sentences)
        threshold = model.threshold if threshold is None else threshold
        veto_below = model.veto_below if veto_below is None else veto_below
    if not learned:
        probabilities = None
    out: list[Claim] = []
    prev: tuple[Sentence, Claim] | None = None
    described: Sentence | None = None   # the last sentence naming research, claim or not
    described_at = -1                   # its position
    lead_in: Sentence | None = None     # the last sentence that is not a list item
    last_claim_para: tuple[int, str] | None = None   # (paragraph, heading) of the last claim
    last_claim: Claim | None = None
    context: Context | None = None     # the research the article was last describing, with a design
    authors: set[str] = set()          # surnames introduced as the research's authors ("says study author X Y")
    author_claim: Claim | None = None  # the research the last of them was introduced with
    for i, s in enumerate(sentences):
        if not s.item:
            lead_in = s
        introduced = research_authors(s.text)
        if introduced:
            authors |= introduced
            author_claim = research_in(s) if names_research(s.text) or last_claim is None else last_claim
        if i and names_research(sentences[i - 1].text):
            context = context_of(sentences[i - 1], i - 1, context)
        if ASIDE.match(s.text) and not names_research(s.text):
            continue   # "(Here are 7 ways to beat back pain.)": an aside between a claim and its next result
        if (not_a_statement(s, sentences, i) and not EQUATION.search(s.text)) or page_furniture(s.text) or (
                not s.item and (topic_label(s.text) or subjectless_heading(s.text))) or defined_item(s.text, s.item) or (
                WRITER_PLAN.search(s.text) or sessions_run(s.text) or set_up_only(s.text) or quoted_definition(s.text)
                or points_to_research(s.text) or research_judged(s.text)):
            # (claim_page_forms: menus, meta lines, topic labels, verb-first benefit headings, cited definitions, the
            # writer's plan, a count of sessions, a study's aim or arms, a quoted definition; claim_pointers: where the
            # research can be read or what kind of look it takes; a headline equation
            # "Strong core = less low back pain" states an effect)
            prev = None
            continue
        if LIMITATION.search(s.text) and not names_research(s.text):
            # (one that names the study, "the study was small", is still the research a later sentence reports on)
            continue   # "Most participants were women, and walking ... was self-reported.": a limitation, not a result
        if COMMON_KNOWLEDGE.search(s.text) and not names_research(s.text) and not citation_marker(s.text):
            prev = None
            continue   # "It is widely known that ...": what everyone accepts, credited to no research
        if named_as_example(s.text):
            # research or a guideline named as an example: no claim, but "They recommend ..." after it is its claim
            prev = (s, research_in(s))
            continue
        if clinic_not_claim(s.text) or research_note(s.text) or verbless_stem(sentences, i) or credit_line(s.text):
            # (claim_clinic: forms of clinic pages; a dash credit line under a quote credits it and claims nothing)
            prev = None
            continue
        cue = claim_cue(s.text, s.links) or late_cue(s.text) or guidance_passive(s.text)
        if cue and date_only_cue(cue, s.text):
            cue = None   # "The NICE guidelines for osteoarthritis (Feb 2008) are ...": a date, not a citation
        inherited: Claim | None = None
        before = sentences[i - 1] if i > 0 else None
        if before is not None and i > 1 and bare_link_line(before.text) and sentences[i - 2].paragraph != s.paragraph:
            # "Here is the direct quote from the study published in <journal> :" / "http://..." / the quoted finding: the
            # lead-in is the line before the link
            before = sentences[i - 2]
        if (not cue and before is not None and not s.item and before.paragraph != s.paragraph
                and LEAD_IN.search(before.text)
                and (names_research(before.text) or _FINDINGS_WORD.search(before.text) or RESULTS_LABEL.match(before.text))
                and (has_effect(s.text) or COMPARED.search(s.text) or FINDING.search(s.text)) and not method_only(s.text)):
            # "A huge finding cited from a key paper from <journal>:" then the finding as its own paragraph
            inherited = research_in(before)
            cue = "a finding after the lead-in that names its source"
        if (not cue and not inherited and not s.item and FINDINGS_HEADING.search(s.heading) and described is None
                and (has_effect(s.text) or FINDING.search(s.text) or RESULT.search(s.text)) and _FIGURE_OR_SIGNIFICANT.search(s.text)
                and not method_only(s.text) and not QUESTION_OR_NEED.search(s.text)):
            # a results section whose study the page never named in a sentence ("Results:" under a copied abstract)
            cue = f"a result under '{s.heading}'"
        if (not cue and not inherited and described is not None and _RESULTS_SECTION.match(s.heading.strip("*_# "))
                and described.heading != s.heading
                and (has_effect(s.text) or FINDING.search(s.text) or RESULT.search(s.text) or NO_DIFF.search(s.text)
                     or GROUP_COMPARED.search(s.text) or _DID_AS_WELL.search(s.text))
                and not method_only(s.text) and not QUESTION_OR_NEED.search(s.text) and not model_veto(s.text)):
            # "## Results" / "Patients without tears did equally well with either treatment": the results section of the
            # study the page described under its own heading before (a research review's Methods, then Results)
            inherited = research_in(described)
            cue = f"a result under '{s.heading}' of the research described before it"
        if (not cue and not inherited and QUOTES_HEADING.search(s.heading) and states_something(s.text) and not method_only(s.text)
                and not QUESTION_OR_NEED.search(s.text)):
            # "Quotes from the British Medical Bulletin November 2015": each line under it is the source's statement
            inherited = research_in(Sentence(s.heading, s.paragraph))
            cue = f"a statement quoted under '{s.heading}'"
        titled = None if cue or inherited else title_finding(s, sentences, i)
        if titled is not None:
            inherited = research_in(titled)
            cue = "a page title stating the finding of the research its opening reports"
        if not cue and headline(s, sentences, i) and not MYTH_LABEL.match(s.text):
            # (a "Myth 3: ..." line heads the correction of the belief, not a finding)
            inherited = research_in(sentences[i + 1])
            cue = "a headline stating the finding of the research described next"
        if (not cue and described is not None and described.paragraph == s.paragraph and THEY_FOUND.search(s.text)
                and not method_only(s.text)):
            # the finding of the research the previous sentence described: a claim of its own, with that
            # sentence's year, design and citations
            inherited = research_in(described)
            cue = "the research named in the sentence before"
        run_in = _RESULTS_RUN_IN.match(s.text)
        if (not cue and not inherited and described is not None and i - described_at <= 4 and run_in
                and states_something(s.text[run_in.end():]) and not model_veto(s.text)):
            # "The results held up: faster walkers had a clearly lower risk ...": the result of the check just described
            inherited = research_in(described)
            cue = "a result run in after 'The results ...:'"
        if (not cue and not inherited and prev is not None and s.paragraph - prev[0].paragraph in (0, 1) and not s.item
                and _THEY_SAY.match(s.text) and not method_only(s.text) and not model_veto(s.text)
                and not _OPEN_QUESTION.search(s.text)):
            # "They say that ...", "As a rule of thumb, they recommend ..." right after the claim whose authors they are
            inherited = prev[1]
            cue = "the authors of the claim before"
        if not cue and not inherited and s.item and i + 1 < len(sentences):
            nxt = sentences[i + 1]
            if (nxt.item and nxt.paragraph == s.paragraph and citation_marker(nxt.text) and not citation_marker(s.text)
                    and (DIGIT.search(s.text) or has_effect(s.text)) and not method_only(s.text) and not model_veto(s.text)):
                # the citation at the end of the item backs the whole item
                inherited = research_in(nxt)
                cue = "the citation closing its list item"
        if (not cue and not inherited and s.item and lead_in is not None
                # (a lead-in line ending in a colon is read as the heading of its list)
                and (s.heading == lead_in.text or (LEAD_IN.search(lead_in.text) and lead_in.heading == s.heading))
                and citation_marker(lead_in.text) and len(s.text.split()) >= 4
                and not method_only(s.text) and not QUESTION_OR_NEED.search(s.text)):
            # "If you have arthritis (ARUK 2014; Bennell 2014):" over advice bullets: the lead-in's citation backs each item
            inherited = research_in(lead_in)
            cue = "a list item under a lead-in that cites its source"
        if (not cue and (s.item or (FINDINGS_HEADING.search(s.heading) and (group_result(s.text) or NO_DIFF.search(s.text))))
                and (FINDINGS_HEADING.search(s.heading) or (lead_in is not None and FINDINGS_LEADIN.search(lead_in.text))
                     or (s.item and lead_in is not None and FACTORS_LEADIN.search(lead_in.text))
                     or (s.item and SOURCE_HEADING.search(s.heading) and names_research(s.heading))
                     # the bullets under a "Study Title: ..." line of podcast or social-media notes are its results
                     or (s.item and lead_in is not None and STUDY_LABEL.match(lead_in.text)))
                and described is not None
                and not method_only(s.text) and not ADVICE_ITEM.match(s.text)
                and not _new_list(lead_in, s)
                and (has_effect(s.text) or FINDING.search(s.text) or DIGIT.search(s.text) or COMPARED.search(s.text)
                     or _COUNT_WORDS.search(s.text)
                     # under "Factors linked with seeking care included:" a bare label is a factor the research found
                     or (s.item and lead_in is not None and FACTORS_LEADIN.search(lead_in.text))
                     # under "Key findings" a bullet states a result with no result word: "Native collagen acts by ..."
                     or (s.item and (FINDINGS_HEADING.search(s.heading) or (lead_in is not None and FINDINGS_LEADIN.search(lead_in.text)))
                         and _STATEMENT.search(s.text) and len(s.text.split()) >= 6 and not model_veto(s.text)))):
            inherited = research_in(described)
            cue = f"a finding listed under '{s.heading}'"
        if not cue and not NOT_INVOLVED.search(s.text) and (
                TOLD_MEETING.search(s.text) or (QUOTED_RESEARCHER.search(s.text)
                                                 and (FINDING.search(s.text) or GAINED.search(s.text)))):
            cue = (TOLD_MEETING.search(s.text) or QUOTED_RESEARCHER.search(s.text)).group(0)[:80]
        # the research a later "They found" or findings list refers to: a sentence that names research (not a
        # heading such as "Key findings", and not "The trials included ...", which refers back to it)
        if ((names_research(s.text) or (_RESEARCHERS_DID.search(s.text) and (method_only(s.text) or _DID_WITH_PEOPLE.search(s.text))))
                and len(s.text.split()) >= 5
                and not (described is not None and described.heading == s.heading
                         and (described.paragraph == s.paragraph or s.item)
                         and _POINTS_BACK.match(s.text))):
            described, described_at = s, i
        if (not cue and not inherited and prev is None and described is not None
                and (described.paragraph == s.paragraph
                     or (i - described_at <= 4 and described.heading == s.heading and (NEITHER.search(s.text) or NO_DIFF.search(s.text)))
                     # the paragraph after a paragraph on the study's method opens with its result: "Patients in the
                     # exercise group were twice as likely as the relaxation group to ..."
                     or (s.paragraph == described.paragraph + 1 and sentences[i - 1].paragraph != s.paragraph
                         and i - described_at <= 4 and described.heading == s.heading and method_only(described.text)
                         and (RESULT.search(s.text) or group_result(s.text))))
                and i - described_at <= 6   # (a page written as one long paragraph: only the sentences soon after it)
                # ("That leads to inflammation and joint damage" after background: it explains the sentence before)
                and not _EXPLAINS_BEFORE.match(s.text)
                and (NO_DIFF.search(s.text) or RESULT.search(s.text) or group_result(s.text) or NEITHER.search(s.text)
                     or GROUP_COMPARED.search(s.text)
                     or (has_effect(s.text) and METHOD.search(described.text) and not names_research(s.text) and not _HEDGE.search(s.text)
                         and not _CONDITION.match(s.text)))   # ("If a patient had ..., a physio offered help": the protocol)
                and not method_only(s.text)):
            # a result right after the sentences that described the study's method, in the same paragraph
            inherited = research_in(described)
            cue = "a result of the research described before it"
        if (not cue and not inherited and prev and prev[0].paragraph == s.paragraph and (RESULT.search(s.text) or NO_DIFF.search(s.text) or RESULT_SIZE.search(s.text)
                                                                              or DOSE_RESPONSE.search(s.text)
                                                                              or SUMMARY_FIGURE.search(s.text)
                                                                              or (_IT_THEY.match(s.text) and has_effect(s.text)
                                                                                  and not _OPEN_QUESTION.search(s.text)
                                                                                  and not _IMPERSONAL_IT.match(s.text))
                                                                              or group_result(s.text)
                                                                              or same_subject_result(s.text, prev[0].text)
                                                                              or PRONOUN_COMPARISON.search(s.text) or RESULT_LASTS.search(s.text)
                                                                              or NEITHER.search(s.text) or SHARE_RESULT.match(s.text) or SAME_TRUE.match(s.text)
                                                                              or (_ING_START.match(s.text) and has_effect(s.text))
                                                                              or RESPECTIVELY.search(s.text)
                                                                              or (_IT_THEY_THIS.match(s.text) and _FIRST_CHOICE.search(s.text))
                                                                              or (has_effect(s.text) and COMPARED.search(s.text))
                                                                              or ((CONTRAST_RESULT.match(s.text) or THIS_SHOWS.search(s.text))
                                                                                  and has_effect(s.text) and not names_research(s.text))
                                                                              or EFFECT_ENDS.search(s.text)
                                                                              or goes_on(s.text)
                                                                              or _RANKED.search(s.text)
                                                                              or quotation_continues(prev[0].text, s.text))
                # (not a sentence on what the study did: "Researchers at X ran the study with 60 patients")
                and not (METHOD.search(s.text) and method_only(s.text))):
            inherited = prev[1]
            cue = "a result of the research in the previous sentence"
        if (not cue and not inherited and last_claim is not None and last_claim_para is not None and s.paragraph == last_claim_para[0] + 1
                and s.heading == last_claim_para[1] and not s.item
                and (i == 0 or sentences[i - 1].paragraph != s.paragraph)
                and (NO_DIFF.search(s.text) or group_result(s.text) or RESULT_LASTS.search(s.text) or NEITHER.search(s.text)
                     or SHARE_RESULT.match(s.text) or EXCEPTION.match(s.text)
                     or (_IT_THEY.match(s.text) and has_effect(s.text) and not _OPEN_QUESTION.search(s.text))
                     or (RESULT.search(s.text) and _GROUP_WORD.search(s.text))
                     or EFFECT_ENDS.search(s.text)
                     or (CONTRAST_RESULT.match(s.text) and has_effect(s.text) and not names_research(s.text)))
                and not method_only(s.text) and not SPECULATION.search(s.text)):
            # the first sentence of the next paragraph goes on with a result of the same research
            # (not the authors' explanation of it: "They noted that one possible reason is ...", README rule R6)
            inherited = last_claim
            cue = "a result of the research in the paragraph before"
        if (not cue and not inherited and before is not None and before.paragraph == s.paragraph and _OPENS_QUOTE.match(s.text)
                and (quoted_study_leader(before.text) or QUOTED_RESEARCHER.search(before.text))
                and (FINDING.search(s.text) or has_effect(s.text)) and not model_veto(s.text)):
            # '"...," says X, who led the study. "But physical therapy does seem to help people recover faster."': the
            # leader's quote goes on with a finding after the attribution
            inherited = research_in(before)
            cue = "the quote of the study's leader going on"
        if not cue and not inherited and research_stem(lead_in, s):
            # "Clinical trials demonstrate that chiropractic care:" then "- Improves pain intensity": the bullet
            # ends the research sentence its lead-in begins
            inherited = research_in(lead_in)
            cue = "a bullet completing the research sentence of its lead-in"
        if not cue and not inherited and prev is not None and quote_goes_on(prev[0], s):
            # '"... [The study] suggests ...," says Dr. X. "This may be a way to reduce falls."': the quote goes on
            inherited = prev[1]
            cue = "the attributed quote of the claim before going on"
        if (not cue and not inherited and labelled_result(s) and described is not None
                and (described.heading == s.heading or labelled_result(Sentence(s.heading, s.paragraph)))
                and i - described_at <= 12):
            # "Result #1: Telerehab is equivalent to ..." under the study the page has just described
            inherited = research_in(described)
            cue = "a labelled result of the research described before it"
        closing = quote_closed_by_researchers(sentences, i)
        if (not cue and not inherited and closing is not None and (FINDING.search(s.text) or has_effect(s.text) or RESULT.search(s.text) or group_result(s.text)
                                     or COMPARED.search(s.text)) and not method_only(s.text) and not model_veto(s.text)):
            # the first sentences of a quote the researchers are credited with at its close: their findings
            inherited = research_in(closing)
            cue = "a quoted finding the researchers are credited with at the quote's close"
        credit = None if cue or inherited else credited_quote(sentences, i)
        if credit is not None:
            # a quote card: the quoted finding, then its credit line ("Withers, H. G., et al (2024).")
            inherited = research_in(credit)
            cue = "a quoted finding credited on the next line"
        if not cue and not inherited and prev is not None and results_go_on(prev[0], s):
            # "These changes mostly appeared 3-4 days after ...": when the result of the claim before held
            inherited = prev[1]
            cue = "the result of the claim before going on"
        if (not cue and not inherited and s.item and s.heading and org_list_lead_in(s.heading)
                and len(s.text.split()) >= 4 and not method_only(s.text) and not QUESTION_OR_NEED.search(s.text)):
            # a bullet under "The American Academy of Orthopaedic Surgeons recommends:": the organisation's advice
            inherited = research_in(Sentence(s.heading, s.paragraph))
            cue = f"an item of the advice under '{s.heading[:60]}'"
        if (not cue and not inherited and s.item and lead_in is not None and LEAD_IN.search(lead_in.text)
                and guidance_decision(lead_in.text) and len(s.text.split()) >= 3 and not QUESTION_OR_NEED.search(s.text)):
            # a bullet under "Therapies that received a weaker recommendation in favour included:": one of the graded
            inherited = research_in(lead_in)
            cue = f"an item graded under '{lead_in.text[:60]}'"
        if (not cue and not inherited and author_claim is not None and by_research_author(s.text, authors)
                and (has_effect(s.text) or COMPARED.search(s.text) or FINDING.search(s.text) or RESULT.search(s.text))
                and not method_only(s.text) and not model_veto(s.text)):
            # '"... led them to rate it as less strenuous," Hatfield says.': a finding or recommendation of the study
            # author the page introduced before, quoted by surname
            inherited = author_claim
            cue = "a statement of the study author named before"
        decided = guidance_decision(s.text) is not None   # a guideline's grade or its panel's advice
        if (cue and probabilities is not None and veto_below and probabilities[i] < veto_below
                and not (credit is not None and credit_line(credit.text)) and closing is None
                and not (decided or cue.startswith("an item graded under"))
                # (nor on a treatment "backed by many scientific journals": the model has seen few and scores them low)
                and not BACKED_BY_PUBLISHED.search(s.text)
                # (nor on a bare factor under "Factors linked with seeking care included:": the lead-in says the research
                # found it, and a two-word label scores low whatever it is)
                and not (s.item and lead_in is not None and FACTORS_LEADIN.search(lead_in.text))
                # (nor on "Codeine was the exception." after a finding: four words score low whatever they say)
                and not (inherited is not None and EXCEPTION.match(s.text))):
            # the model's veto on a rule claim (see the docstring); not on a quote a dash line credits to its authors
            # (the credit says whose finding it is), nor on a guideline's grade or its panel's advice (the model has seen
            # few guideline pages: "CBT received a weak recommendation ..." scored 0.10)
            cue, inherited = None, None
        if cue and inherited is None and veto and method_only(s.text) and not (FINDING.search(s.text) or has_effect(s.text)):
            # "The trial, published today in <journal> (doi:...), followed 1,240 women for three years": where the
            # study appeared and what it did, whatever its citation says (README gold rules); a cited result stays
            cue, inherited = None, None
        if (not cue and probabilities is not None and threshold is not None and probabilities[i] >= threshold
                and not (veto and vetoed(s))):
            cue = f"the claim model (probability {probabilities[i]:.2f})"
            if not names_research(s.text):
                # a result sentence: its year, design and citations are those of the research before it
                if prev and prev[0].paragraph == s.paragraph:
                    inherited = prev[1]
                elif described is not None and described.paragraph == s.paragraph and described is not s:
                    inherited = research_in(described)
        if cue and inherited is not None and (wh_announcement(s.text) or RESEARCH_USE.search(s.text)):
            cue = None   # "It can also tell us which workers most need care": what the research is for, after its claim
        if cue and outside[i]:
            cue = None   # an outside expert's comment, however it restates the study (claim_outside.py)
        if not cue:
            prev = None
            continue
        sources, cites = sources_of(s.text, s.links)
        intervention, outcome, direction = effect_of(s.text)
        # the design the reporting phrase names wins over designs mentioned later ("a review ... of trials")
        # (only if the sentence names a design at all: "no strong evidence that" names none)
        whole = stated_design(s.text)
        # (a cue naming only "studies" may follow the phrase that names the research: "Recent reviews have found ...,
        # and no studies have compared"; a late cue that names it stays: "Previous trials ..., a 2023 overview noted")
        named = None if inherited or not whole else head_design(cue)
        if named in (None, "study", "research") and not inherited and whole and cue in s.text:
            named = head_design(s.text[:s.text.find(cue) + len(cue)]) or named
        year, design = year_of(s.text), named or whole
        if year is None and inherited is None:
            # a quote card taken by another cue still takes the year of its credit line (claim_clinic)
            card = credited_quote(sentences, i)
            year = year_of(card.text) if card is not None else None
        own_cites = bool(cites)
        if inherited is not None:
            year = year or inherited.year
            design = inherited.design if design in (None, "research", "study") and inherited.design else design
            if not cites:
                cites = list(inherited.citations)
        org_statement = bool(ORG_SAYS.search(s.text) or ACCORDING_NAMED.search(s.text))
        if cue.startswith(HEADLINE_CUES):
            # a headline states its own year and design or none: the research described under it is the body's
            year, design = year_of(s.text), whole
        elif (context is not None and not org_statement and not own_cites and not GUIDANCE.search(s.text)
              and in_context(context, s, i)):
            year, design = from_context(s.text, year, design, context, inherited=inherited is not None and whole is None)
        if (decided or cue.startswith("an item graded under")) and not whole:
            # a guideline's decision: an organisation's advice, no study design (README rule R4), unless the sentence
            # names one itself ("..., and systematic reviews have found ...")
            design = None
        if org_statement:
            # an organisation that says or recommends is the source of its statement
            org = ORGANISATION.search(s.text)
            if org:
                sources.append({"kind": "organisation", "value": org.group(0).strip()})
        out.append(Claim(
            text=s.text, cue=cue, year=year, design=design,
            topic=topic_of(f"{intervention or ''} {s.text}"), population=population_of(s.text),
            intervention=intervention, outcome=outcome, direction=direction,
            # (a quote credited by surname to the study author the page introduced before names its source: R5)
            names_source=any(x["kind"] != "institution" for x in sources) or by_research_author(s.text, authors)
            or (cue in ("the research named in the sentence before", "the citation closing its list item",
                        "a list item under a lead-in that cites its source") and bool(cites)),
            sources=sources, citations=cites, links=list(s.links),
            continues=len(out) - 1 if inherited is not None and prev is not None and inherited is prev[1] else None,
            lead_in=lead_in.text if s.item and lead_in is not None else None,
        ))
        prev = (s, out[-1])
        if design not in (None, "research"):
            context = after_claim(s, i, design, year, context)
        last_claim_para = (s.paragraph, s.heading)
        last_claim = out[-1]
    return _without_repeats(out)


def _without_repeats(claims: list[Claim]) -> list[Claim]:
    """A sentence the page prints twice (a contents list and the heading it points to, a pull quote) is one claim, the
    first; a result that went on from the second copy goes on from the first."""
    first: dict[str, int] = {}
    index: dict[int, int] = {}
    kept: list[Claim] = []
    for i, c in enumerate(claims):
        key = " ".join(c.text.split()).lower()
        if key in first:
            index[i] = index[first[key]]
            continue
        first[key] = i
        index[i] = len(kept)
        kept.append(c)
    for c in kept:
        if c.continues is not None:
            c.continues = index.get(c.continues)
    return kept
