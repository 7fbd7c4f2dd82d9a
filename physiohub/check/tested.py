"""Does a matched study test what a claim says? The gate before a stance.

A hub study can be about the same condition and still say nothing on a claim: "exercise helps knee
osteoarthritis" is not answered by a review of video versus in-person physiotherapy, and "an eccentric
programme helps Achilles tendinopathy" is not answered by a trial of painful versus pain-free loading.
Reading such a study's result as "supports" or "contradicts" would put words in its mouth, so a study
the article does not cite gets a stance only when it tests the claim:

- a claim that names treatments ("exercise", "acupuncture", "cortisone injections") is tested by a study
  whose tested intervention (its appraised PICO intervention, else its title) names one of them, against
  a comparison that is not the same treatment ("pain-free exercise" against "painful exercise" tests the
  pain rule, not exercise) unless the claim names what the comparison is (a head-to-head claim);
- a claim that names no treatment (an association, a prognosis, "people with back pain do not sit
  differently") is tested by a study whose title and abstract hold most of its rarer words.

Studies the article itself cites are always read: the reader wants to know what the cited paper found.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..store import Store
from .lexicon import COMPARATOR, CONDITIONS, INERT_CONTROL, TOPIC_CUES
from .match import content_words, idf, relevance, spell_out_conditions, stem
from .pubmed import OUTCOMES, _find

# Topics whose cues name treatments; the others (work, imaging, prognosis, lifestyle words such as
# "sitting" and "activity") name exposures or tests, which a claim can be about without a treatment.
_TREATMENT_TOPICS = ("Surgery vs Rehabilitation", "Medication & Injections", "Manual Therapy", "Passive Treatments",
                     "Pain Science & Education", "Exercise & Loading")
# Treatments popular articles name that the topic cues do not (the cue lists serve topic filters).
_EXTRA = (r"manual physical therapy|cycl(?:ing|ed)|bicycl\w*|swimming|aerobic exercise|strengthening|eccentric\w*|isometric\w*|"
          r"heavy slow resistance|collars?|braces?|bracing|orthos[ie]s|orthotics?|insoles?|"
          r"glucosamine|chondroitin|bed rest|rest|pain reprocessing therapy|cognitive functional therapy|"
          r"cognitive[- ]behaviou?ral (?:therapy|treatment|pain management programm?e?|programm?e?|intervention|approach)|cbt|mindfulness|weight loss|hydrotherapy|aquatic\w*|footwear|"
          r"hyaluronic acid|radiofrequency|spinal cord stimulation|hot packs?|traction|ergonomic\w*|"
          # the painkillers news names, by class in full and by drug (the cues know "NSAIDs", "opioids", "ibuprofen")
          r"(?:non-?steroidal\s+)?anti-?inflammator(?:y\s+(?:drugs?|medications?|medicines?|painkillers?|pills?|agents?)|ies)|"
          r"analgesics?|pain relievers?|tramadol|codeine|morphine|oxycodone|hydrocodone|fentanyl|naproxen|diclofenac|"
          r"celecoxib|etoricoxib|rofecoxib|coxibs?|meloxicam|ketoprofen|aspirin|gabapentin|pregabalin|duloxetine")
_GENERIC_TREATMENT = {"physiotherapy", "physical therapy", "rehabilitation", "training", "treatment", "therapy",
                      "exercise", "exercises", "programme", "program", "loading"}
# ("non-drug", "non-surgical": the treatment named is the one not given)
_TERM = re.compile(r"\b(?<!non-)(?<!non )(?:" + "|".join([p for t, p in TOPIC_CUES if t in _TREATMENT_TOPICS] + [_EXTRA]) + r")\b", re.I)
# "adjustments" alone is a desk or a dose as often as a spinal one
_NOT_TERM = re.compile(r"^(?:adjustments?|kinesiophobi\w*)$", re.I)   # kinesiophobia is a fear, not taping
# What a tested intervention is given on top of is in both arms: "pain education combined with exercise"
# tests pain education, "adding manipulation to exercise" tests manipulation.
_ON_TOP = re.compile(r"\s(?:combined with|plus|added to|in addition to|on top of|alongside|as an adjunct to)\s.*$", re.I)
_ADDING = re.compile(r"\badding (.{3,60}?) to\b", re.I)
_ARMS = re.compile(r"\s(?:versus|vs\.?|compared (?:with|to)|or)\s", re.I)
# Words every finding uses, beyond the reporting frame ``content_words`` already drops (match._GENERIC):
# in every study, they say nothing on the subject.
_FRAME = frozenset("adults benefit benefits effective pain therapy treatment".split())
WORDS_MIN = 0.6   # idf-weighted share of a no-treatment claim's rarer words a study must hold
# How a treatment is given, beside what is given: "PRP injections" is tested by a trial of PRP, not by any
# injection ("an injection of LMWF-5A" is another drug); "injections" alone by any injection.
_DELIVERY = {"injection", "injections", "pill", "pills", "supplement", "supplements", "medication", "medications",
             "drug", "drugs"}
# Words of a study's population that say who, not with what: "older adults with knee osteoarthritis" is about
# "knee osteoarthritis".
_WHO = frozenset("""patients patient people persons person adults adult men women man woman participants subjects
individuals volunteers children adolescents older elderly aged age ages year years old young middle healthy community
dwelling community-dwelling living sample total randomized randomised recruited enrolled included eligible consecutive
having undergoing diagnosed suffering chronic acute mild moderate severe mean range who with without and or of the a an
in on at from for to had have has their over under between male female sedentary active""".split())
# The words of "at risk of", "recovering from": how the people relate to what they have, not what they have.
_HOW_WORDS = frozenset("risk recovering suffering undergoing following".split())
# Studies of the young, named in the title, and the stems by which an article speaks of them.
_YOUNG = re.compile(r"\b(?:child(?:ren|hood)?|adolescen(?:ts?|ce)|p(?:a)?ediatric|youths?|kids?|infants?|schoolchildren|"
                    r"teen(?:agers?|s)?|juvenile|girls|boys)\b", re.I)
_YOUNG_STEMS = frozenset(stem(w) for w in """child children childhood kids adolescents adolescence teens teenagers youths
young pediatric paediatric school schoolchildren girls boys students juniors juvenile infants babies pupils""".split())
# An abstract that randomised people to the treatment or to an inert arm ("randomised to 12 weeks of neuromuscular
# exercise therapy or a no attention control group"): a comparison span the tagger read as another form of the
# treatment is the treatment arm's own words, and the trial does not compare two forms of it.
_INERT_ARM = re.compile(r"\b(?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|assigned)\b[^.;]{0,250}?\b(?:or|versus|vs\.?)\s+"
                        r"(?:to\s+)?(?:an?\s+|the\s+)?(?:no[- ]attention|no[- ]treatment|no[- ]intervention|no[- ]exercise|"
                        r"wait(?:ing)?[- ]?list|placebo|sham|(?:inactive\s+|passive\s+)?control(?:\s+group)?\b(?!\s+(?:exercise|training|programme|program)))",
                        re.I)
# A trial whose title says it compares two forms of one treatment.
_TWO_FORMS_TITLE = re.compile(r"\b(?:comparison|comparing|compared) (?:of |between )?two\b|\btwo (?:different |types of |kinds of |"
                              r"forms of )?(?:[\w-]+ )?(?:interventions|programmes|programs|regimens|protocols)\b", re.I)
# A sentence about the studies themselves ("many studies of exercise and bone tested forms of exercise that work less
# well and left out ...", "most trials were small"): how research was done, which no study's result confirms.
_ABOUT_STUDIES = re.compile(r"^(?:[\w,]+\s+){0,2}?(?:many|most|some|few|these|those|the|earlier|previous|other|such|all|older)\s+"
                            r"(?:of the\s+)?(?:studies|trials|reviews)\b(?:\s+(?:of|on|in|into)\s+[\w\s-]{1,40}?)?\s+(?:tested|used|included|"
                            r"left out|excluded|were (?:small|short|poor|of low|too)|had (?:few|small|short)|lacked|did not (?:include|test|use))\b",
                            re.I)
# A figure the sentence gives ("258,000 admissions in 2010", "1 in 13 people") with no effect: no study's
# result can confirm or deny a count the article quotes from a registry.
_FIGURE = re.compile(r"\d")
# ... but a citation marker ("(3)", "[2, 4]", superscripts) or a year is not a figure the sentence gives: "a rotator
# cuff tear can leave lasting pain (3)" states an effect, not a count.
_NOT_A_FIGURE = re.compile(r"[(\[]\s*\d{1,3}(?:\s*[,\u2013\-]\s*\d{1,3})*\s*[)\]]|[\u00b9\u00b2\u00b3\u2070-\u2079]+"
                           r"|\b(?:19|20)\d\d\b")


# Names of one treatment that articles and abstracts use interchangeably ("cortisone beat physiotherapy" is answered
# by a review of corticosteroid injections).
_SAME_TREATMENT = {"cortisone": "corticosteroid", "steroid": "corticosteroid", "physical therapy": "physiotherapy",
                   "manual physical therapy": "manual therapy",
                   # one drug's British and American names; the lay word for a class of drugs
                   "acetaminophen": "paracetamol", "painkiller": "analgesic", "pain reliever": "analgesic"}
# "non-steroidal anti-inflammatory drugs", "anti-inflammatories": the class the abbreviation NSAIDs names
_NSAID_IN_FULL = re.compile(r"anti-?inflammator", re.I)


# A kind of treatment named by its own name and the treatments of that kind ("manual therapy": manipulation, mobilisation,
# osteopathic and chiropractic care, as the topic cues of Manual Therapy file them): a claim that "manual therapy and
# exercise" work is tested by a trial of osteopathic spinal manipulation, one form of it; a claim about manipulation is
# not answered by any manual therapy, so only the kind is added to what a study tests, never a form.
_KINDS = {"manual therapy": re.compile(r"^(?:" + dict(TOPIC_CUES)["Manual Therapy"] + r")$", re.I),
          # a drug and its class, a class and painkillers as a whole: "anti-inflammatory drugs such as ibuprofen" is
          # answered by a review of NSAIDs, "none of the analgesics helped" by a trial of one of them
          "nsaid": re.compile(r"^(?:ibuprofen|naproxen|diclofenac|celecoxib|etoricoxib|rofecoxib|coxib|meloxicam|ketoprofen|"
                              r"aspirin)$"),
          "opioid": re.compile(r"^(?:tramadol|codeine|morphine|oxycodone|hydrocodone|fentanyl)$"),
          "analgesic": re.compile(r"^(?:nsaid|opioid|paracetamol|ibuprofen|naproxen|diclofenac|celecoxib|etoricoxib|rofecoxib|"
                                  r"coxib|meloxicam|ketoprofen|aspirin|tramadol|"
                                  r"codeine|morphine|oxycodone|hydrocodone|fentanyl)$")}


def _with_kinds(found: set[str]) -> set[str]:
    """The treatments found, with each kind that one of them is a form of ({"manipulation"} -> also "manual therapy",
    {"tramadol"} -> also "opioid" and "analgesic")."""
    for _ in range(2):   # (a drug's class is itself a kind of painkiller)
        found = found | {kind for kind, forms in _KINDS.items() if any(forms.match(t) for t in found)}
    return found


def _canon(term: str) -> str:
    t = re.sub(r"\s+", " ", term.lower())
    if _NSAID_IN_FULL.search(t):
        return "nsaid"
    if re.match(r"cognitive[- ]behaviou?ral|cbt$", t):
        return "cbt"   # "CBT", "cognitive behavioural therapy", "a cognitive behavioural pain management programme": one therapy
    # (the people who do it and the doing name it too: "exercisers", "exercising" are "exercise")
    t = re.sub(r"(?:isers|iser|ising|izing|ing|ises|ised|izes|ized|ise|ize|es|s)$", "", t) if len(t) > 5 else t
    return _SAME_TREATMENT.get(t, t)


_GENERIC = {_canon(g) for g in _GENERIC_TREATMENT}
_DELIVERY_CANON = {_canon(d) for d in _DELIVERY}


# An outcome that is only getting better, as lay pages say it ("good outcomes of recovery", "recover faster"): a study
# measured it when it measured how pain, disability or function changed, in whatever words it names them.
_GETTING_BETTER = {"recovery": re.compile(r"\b(?:recover\w*|improv\w*|resol\w*|pain|disability|function\w*|roland|oswestry)\b", re.I)}


def _measures(outcome: str, text: str) -> bool:
    """Does the study's text name the outcome (each word, in any form: "bone mineral density" has "bone
    density"'s words)?"""
    if outcome in _GETTING_BETTER:
        return bool(_GETTING_BETTER[outcome].search(text))
    have = {stem(t) for t in re.findall(r"[^\W_]+", text.lower())}
    return all(stem(w) in have for w in outcome.split())


# Every outcome phrase, the longest first: one pass finds where a text names outcomes.
_OUTCOME_RE = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in OUTCOMES) + r")\b")


# "the largest gains in walking and gait", "improvements in running": what got better is an outcome
_GAINS_IN = re.compile(r"\b(?:gains?|improvements?|changes?|increases?|declines?|differences?)\s+in\s+(?:their\s+)?([a-z]+)")


def _outcome_spans(text: str) -> list[tuple[int, int, str]]:
    low = text.lower()
    return ([(m.start(), m.end(), m.group(0)) for m in _OUTCOME_RE.finditer(low)]
            + [(m.start(), m.end(), m.group(0)) for m in _GAINS_IN.finditer(low)])


def _in_outcome(spans: list[tuple[int, int, str]], m: re.Match) -> bool:
    """Is the match part of an outcome the text names ("walking" in "walking speed")?"""
    return any(a <= m.start() and m.end() <= b and o != m.group(0).lower() for a, b, o in spans)


def treatments(text: str) -> set[str]:
    """The treatments a text names, in a canonical form ("exercises", "exercise" -> "exerc"); a word
    that is part of a named outcome ("walking speed") is not one."""
    text = text or ""
    spans = _outcome_spans(text)
    return {_canon(m.group(0)) for m in _TERM.finditer(text) if not _NOT_TERM.match(m.group(0)) and not _in_outcome(spans, m)}


_NOUNS = [(re.compile(p, re.I), n) for p, n in (
    (r"^exercis", "exercise"), (r"^run", "running"), (r"^stretch", "stretching"), (r"^ergonomic", "ergonomic changes"),
    (r"^eccentric", "eccentric exercise"), (r"^isometric", "isometric exercise"), (r"^aquatic", "aquatic exercise"),
    (r"^osteopath", "osteopathy"), (r"^(?:cycl|bicycl)", "cycling"), (r"^chiropract", "chiropractic care"), (r"^kinesio", "kinesio taping"),
    (r"^foam roll", "foam rolling"), (r"^arthroscop", "arthroscopy"), (r"^mobili[sz]", "mobilisation"),
    (r"^injections?$", "injections"), (r"^squats?$", "squats"), (r"^warm-ups?$", "warm-up"), (r"^surg", "surgery"))]


def _noun(word: str) -> str:
    """The treatment's name as a reader says it ("exercised" -> "exercise", "runners" -> "running")."""
    return next((n for rx, n in _NOUNS if rx.search(word)), word)


def _names(text: str, keep: set[str]) -> list[str]:
    """The claim's own words for the treatments in ``keep``, each once, in order."""
    out: list[str] = []
    seen: set[str] = set()
    spans = _outcome_spans(text)
    for m in _TERM.finditer(text):
        w = m.group(0).lower()
        if (_canon(w) in keep and not _NOT_TERM.match(w) and not _in_outcome(spans, m) and _noun(w) not in out
                and _canon(w) not in seen):
            # an abbreviation keeps its capitals ("NSAIDs", "CBT")
            out.append(_noun(w) if not re.match(r"^[A-Z]{2,}", m.group(0)) else m.group(0))
            seen.add(_canon(w))   # one name for one treatment ("manual therapy", not also "manual physical therapy")
    return out


def treatment_names(text: str) -> list[str]:
    """The treatments ``text`` names, as a reader says them, in order ("eccentric exercise", "tai chi")."""
    return _names(text, treatments(text))


def _tested_part(text: str) -> str:
    """The part of an intervention that differs between the arms (drops what it is given on top of)."""
    m = _ADDING.search(text)
    return m.group(1) if m else _ON_TOP.sub("", text)


@dataclass
class Tested:
    tests: bool
    reason: str | None = None   # why not, in a reader's words
    by_treatment: bool = False  # the study tests a treatment the claim names (its verdict answers the claim)
    head_to_head: bool = False  # ... against another active treatment the claim names too
    about_claim: bool = False   # on the claim's subject, though without a result to read (tests is False)
    # what the tested treatment was set against when that is care that treats too ("standard care", "ibuprofen"):
    # "no clear difference" then says it was no better than that, not that it does not work
    versus_active: str | None = None
    name: str | None = None     # the claim's own word for the treatment the study tests ("manipulation")


def _spans(pico: dict, key: str) -> list[str]:
    return [s.get("text", "") for s in (pico.get(key) or []) if isinstance(s, dict)]


# What a title names as the occasion of the test, not the test: "Tourniquet use in total knee replacement" tests the
# tourniquet (both arms had the replacement); "Incidence of total knee replacement subsequent to an injection of X"
# counted replacements after X.
_OCCASION = re.compile(r"\s(?:in|during)\s.*$", re.I)
_COUNTED_AFTER = re.compile(r"^(?:the\s+)?(?:incidence|risk|rates?|odds|need|time)\s+(?:of|to)\s+.{3,80}?\s"
                            r"(?:subsequent to|after|following)\s+", re.I)


# "No effects of functional exercise therapy on walking biomechanics": what follows "on" is what was measured (a
# treatment's word there, "walking", is an outcome), not what was tested.
_EFFECT_OF = re.compile(r"^(?:(?:no|the|an?|some)\s+)?(?:(?:short|long|medium)[- ]term\s+)?(?:effects?|impact|influence|"
                        r"efficacy|effectiveness|benefits?)\s+of\s+(.{3,120}?)\s+(?:on|upon)\s+\S.*$", re.I)
# "A comparison of osteopathic spinal manipulation with standard care for ...": the two arms of a comparison title
_COMPARISON_OF = re.compile(r"^(?:an?\s+)?(?:randomi[sz]ed\s+)?(?:comparison|comparing)\s+(?:of\s+)?(.{3,120}?)\s+"
                            r"(?:with|to|versus|vs\.?)\s+(.{3,160})$", re.I)


# A study of who is given a treatment, not of what it does: "Patient characteristics associated with opioid versus NSAID
# management of chronic low back pain", "Predictors of tramadol use", "Trends in opioid prescribing": the treatment is
# what it counted, so its result ("pain intensity did not predict opioid use") says nothing of the treatment's effect.
_WHO_GETS_IT = re.compile(r"^(?:[\w-]+\s+){0,3}?(?:characteristics|factors|predictors|determinants|correlates|patterns|trends|"
                          r"variations?|disparities)\s+(?:associated with|linked (?:to|with)|of|in|for|predicting|influencing)\s"
                          r"[^:]{0,120}?\b(?:use|users|usage|prescri\w+|management|uptake|utili[sz]ation|dispens\w+|initiation|"
                          r"receipt|choice)\b", re.I)


def _tested_of_title(arm: str) -> str:
    arm = _COUNTED_AFTER.sub("", arm)
    effect = _EFFECT_OF.match(arm.strip())
    if effect:
        arm = effect.group(1)
    head = _OCCASION.sub("", arm)
    return head if content_words(head) else arm


def _arms_of_title(title: str) -> tuple[str, str]:
    comparison = _COMPARISON_OF.match(title.split(":")[0].strip())
    if comparison:
        return _tested_of_title(comparison.group(1)), comparison.group(2)
    parts = _ARMS.split(title.split(":")[0], maxsplit=1)
    return (_tested_of_title(parts[0]), parts[1]) if len(parts) == 2 else (_tested_of_title(title.split(":")[0]), "")


# Words of a result, as a title states it ("Strengthening exercises improve symptoms ..."), in their own and stemmed
# forms: they say what the study found, not which arm is which.
_RESULT_WORD_LIST = """symptoms symptom improve improves improved improvement improvements quality life change changes greater
rapid benefit benefits better reduce reduces reduced relief function outcomes""".split()
_RESULT_WORDS = frozenset(stem(w) for w in _RESULT_WORD_LIST) | frozenset(_RESULT_WORD_LIST)
# (not a bare "over": "exercise over a long period" compares nothing)
_COMPARATIVE = re.compile(r"\b(?:than|versus|vs\.?|compared (?:with|to)|as (?:good|well|effective|much) as)\b", re.I)


def _head_to_head(claim_text: str, tested_text: str, compared_text: str) -> bool:
    """A comparative claim that names what tells the study's arms apart ("loading that hurts helps more than
    pain-free loading" against a trial of painful versus pain-free loading)."""
    if not _COMPARATIVE.search(claim_text):
        return False
    a, b = set(content_words(tested_text)), set(content_words(compared_text))
    # what a title says of the result ("Strengthening exercises improve symptoms ...") does not tell its arms apart
    return bool((set(content_words(claim_text)) & (a ^ b)) - _RESULT_WORDS)


def study_tests_claim(store: Store | None, claim_text: str, claim_words: Iterable[str], title: str, text: str,
                      pico: dict | None, verdict: str | None = None, *, context_condition: str | None = None,
                      article_words: set[str] | None = None, direction: str | None = None,
                      findings: list[str] | None = None, own_condition: str | None = None) -> Tested:
    """Whether the study (``title``, title and abstract ``text``, appraised ``pico`` and ``verdict``)
    tests the claim. ``context_condition`` is the condition the article is about (its title, or the claim
    before), for a sentence that names none ("moderate exercise could help treat the painful condition");
    ``article_words`` the stems of the whole article's words: a study of people the article never speaks
    of ("men with prostate cancer" under a knee-replacement story) does not test its claims; ``direction``
    the effect the claim states, if any; ``findings`` the abstract's result and conclusion sentences (an outcome
    the claim names must be one the study measured, not a word of its people or its background)."""
    if article_words is not None:
        if _YOUNG.search(title) and not article_words & _YOUNG_STEMS:
            # a trial in children does not answer a claim of an article that never speaks of the young ("exercise
            # classes help knee OA" is not contradicted by a trial in children with hypermobile knees)
            return Tested(False, "it studies children or adolescents, whom the article does not speak of")
        whom = _population(title, pico)
        if whom and sum(stem(w) in article_words for w in re.findall(r"[a-z][a-z\-]+", whom.lower())
                        if w not in _WHO and w not in ENGLISH_STOP_WORDS and w not in _HOW_WORDS) == 0:
            return Tested(False, f"it studies people {whom}, whom the article does not speak of")
    from .match import about_condition

    t = _tests(store, claim_text, claim_words, title, text, pico, context_condition, direction,
               _outcome_text(title, text, pico, findings))
    if t.tests and own_condition and not about_condition(own_condition, text):
        # "massage therapy for people with cancer may lessen pain" is not answered by a trial of massage in tension
        # headache (asked only of a study that otherwise tests the claim: what it does not test is the first reason)
        return Tested(False, f"it does not study people with {own_condition}, whom the claim speaks of")
    if t.tests and not treatment_names(claim_text):
        foreign = _treatment_not_named(claim_text, pico)
        if foreign:
            # "There was no link with less frequent knee pain in this group" is not answered by a celecoxib trial: a
            # study that tests a treatment answers claims about that treatment
            return Tested(False, f"it tests {foreign}, which the claim does not speak of")
        sides = _unmatched_side(claim_text, text)
        if sides:
            # "Lower back and foot pain linked with more severe knee osteoarthritis symptoms" is not answered by a drug
            # trial in knee osteoarthritis: a link between two things needs a study of both
            return Tested(False, f"it does not speak of {sides[0]}, which the claim links with {sides[1]}")
    if t.tests and verdict == "Too early to tell":
        # a protocol, a case report, an opinion: on the claim's subject (it still counts as the evidence a
        # claim rests on, for "overstated") but with no tested result to read a stance from
        return Tested(False, "it reports no tested result (its verdict is Too early to tell)", about_claim=True)
    return t


def gives_a_figure(claim_text: str, direction: str | None) -> bool:
    """Does the sentence give a figure ("57.4% of participants reported back pain", "one in five adults") with no
    effect the claim parser read?"""
    return direction is None and bool(_FIGURE.search(_NOT_A_FIGURE.sub(" ", claim_text)))


# A claim of a link between two things: "X (is) linked with / associated with / tied to Y".
_LINK = re.compile(r"^(?P<x>.+?)\s+(?:(?:is|are|was|were|has been|have been|may be|might be|could be)\s+)?(?:strongly\s+|closely\s+)?"
                   r"(?:linked|associated|tied|connected|correlated)\s+(?:with|to)\s+(?P<y>.+)$", re.I)
# Words that name no particular thing on either side of a link.
_GENERIC = frozenset(stem(w) for w in """pain symptoms symptom problems problem risk more less higher lower severe worse better
greater people patients adults new study studies research""".split())


def _treatment_not_named(claim_text: str, pico: dict | None) -> str | None:
    """The study's tested intervention (its appraised PICO) when none of its words is in a claim that names no treatment,
    or None."""
    ivs = [iv for iv in _spans(pico or {}, "intervention") if iv.strip()]
    if not ivs:
        return None
    have = {stem(w) for w in re.findall(r"[a-z][a-z\-]+", spell_out_conditions(claim_text).lower())}
    for iv in ivs:
        words = {stem(w) for w in re.findall(r"[a-z][a-z\-]+", iv.lower()) if w not in ENGLISH_STOP_WORDS}
        if not words or words & have:
            return None
    return ivs[0].strip()


def _unmatched_side(claim_text: str, text: str) -> tuple[str, str] | None:
    """(the side of a claimed link "X linked with Y" whose own words the study text mostly lacks, the other side), or
    None."""
    m = _LINK.match(claim_text.strip().rstrip(".!"))
    if not m:
        return None
    have = {stem(w) for w in re.findall(r"[a-z][a-z\-]+", spell_out_conditions(text).lower())}
    for side, other in ((m.group("x"), m.group("y")), (m.group("y"), m.group("x"))):
        words = {stem(w) for w in re.findall(r"[a-z][a-z\-]+", spell_out_conditions(side).lower())
                 if w not in ENGLISH_STOP_WORDS} - _GENERIC
        # (a side of one or two words needs them all; a longer one may miss one: "lower" is "low back" in the study)
        if words and len(words & have) < len(words) - (len(words) >= 3):
            return side.strip().lower(), other.strip().lower()
    return None


# Care that treats, set against the tested treatment instead of it (not on top of it): "standard care", "usual
# physiotherapy", "conventional treatment". Usual care that both arms get ("X plus usual care versus usual care") is
# an inert control: only X differs.
_CARE = re.compile(r"\b(?:usual|standard|conventional|routine|regular)(?: medical| physiotherapy| physical therapy| GP)? "
                   r"(?:care|treatment|therapy|management|physiotherapy)\b", re.I)
_ADD_ON = re.compile(r"\b(?:plus|added to|adding|in addition to|on top of|alongside|combined with|as an adjunct|adjunctive|"
                     r"add-on)\b", re.I)
# ... as an abstract says the care was in both arms: "exercise plus usual care", "in addition to standard care"
_CARE_BOTH_ARMS = re.compile(r"\b(?:plus|in addition to|added to|on top of|alongside|combined with|as well as)\s+(?:the\s+|their\s+)?"
                             r"(?:usual|standard|conventional|routine|regular)\b|\b(?:usual|standard) care\s+(?:plus|alone|only)\b"
                             r"|\bboth (?:groups|arms) (?:received|had|continued)\b", re.I)
_PLACEBO_LIKE = re.compile(r"\b(?:placebo|sham|no (?:treatment|intervention|exercise|therapy)|wait(?:ing)?[- ]?list|"
                           r"attention|nothing)\b", re.I)


def _active_comparison(compared_text: str, other: set[str], tested_text: str, text: str) -> str | None:
    """What the tested treatment was compared with, when that is care that treats rather than a placebo, a sham,
    nothing, or care both arms had: "standard care" for "osteopathic spinal manipulation with standard care",
    "ibuprofen" for "rofecoxib versus ibuprofen"."""
    if not compared_text.strip() or _PLACEBO_LIKE.search(compared_text):
        return None
    care = _CARE.search(compared_text)
    if care:
        return None if _ADD_ON.search(tested_text) or _CARE_BOTH_ARMS.search(text) else care.group(0).lower()
    if other and not INERT_CONTROL.search(compared_text):
        return " or ".join(_names(compared_text, other)[:2]) or None
    return None


def _outcome_text(title: str, text: str, pico: dict | None, findings: list[str] | None) -> str:
    """Where a study names what it measured: its appraised outcomes, its findings and its title without its
    people. A trial in "women with osteopenia and a healed wrist fracture" whose background says exercise
    "prevents fractures" did not measure fractures; the whole abstract holds the word, its outcomes do not.
    The whole text when neither outcomes nor findings were read."""
    outcomes = _spans(pico or {}, "outcomes")
    if not outcomes and not findings:
        return text
    head = title
    for who in _spans(pico or {}, "population"):
        head = re.sub(re.escape(who), " ", head, flags=re.I)
    return " ".join([head, *outcomes, *(findings or [])])


# "women with osteopenia", "patients at risk of osteoporosis", "men who have prostate cancer": who the people are, then
# what they have.
_WHO_NOUN = (r"(?:patients?|people|persons?|adults?|women|men|children|adolescents|individuals|participants|subjects|"
             r"residents|athletes|workers|employees|inpatients|outpatients|volunteers|girls|boys|players|runners|veterans|"
             r"elderly|survivors)")
_WITH = re.compile(rf"\b{_WHO_NOUN}\s+(with|who have|who had|suffering from|at[- ]risk (?:of|for)|after|following|"
                   r"undergoing|recovering from)\s+(.+)", re.I)
# Where what the people have ends: a clause, a design, another part of the question ("... : a randomised trial",
# "... treated with botulinum toxin", "... yet few studies").
_WITH_END = re.compile(r"\s*(?:[:;,(\[\u2013\u2014]|\s-\s|\.(?:\s|$))|\s(?:who|which|that|were|was|are|is|yet|but|treated|"
                       r"receiving|randomi[sz]ed|in (?:a|an|the)\b|in \d|and \d|aged|from|using|versus|vs\.?|compared|"
                       # the verb of the sentence the people are its subject of: "patients with tetraplegia suffer from
                       # pain", "people with diabetes often develop ..."
                       r"suffer|suffers|suffered|develop|develops|developed|report|reports|reported|experience|experiences|"
                       r"experienced|often|frequently|commonly|usually|may|can|could|will|do|does|did|have|has|had|show|"
                       r"shows|showed|need|needs|benefit|benefits|benefited|improve|improves|improved|reach|reaches|reached|"
                       r"achieve|achieves|achieved|require|requires|required|respond|responds|responded|remain|remains|"
                       r"remained|tend|tends)\b", re.I)
# Words that name a condition, an injury or a state of health (not who, not a count or a place).
_CONDITION_WORD = re.compile(r"(?:itis|osis|pathy|algia|ia|emia|aemia)$|^(?:syndrome|disease|disorders?|cancer|fractures?|pain|"
                             r"stenosis|herniation|tears?|sprains?|injur(?:y|ies)|strain|lesions?|osteoarthritis|arthritis|"
                             r"dementia|stroke|obesity|diabetes|copd|whiplash|sciatica|tendinopathy|impingement|"
                             r"instability|deficiency|dysfunction|replacement|reconstruction|surgery|amputation|"
                             r"osteopenia|osteoporosis|frailty|sarcopenia|hypermobility|lupus|erythematosus|delirium)$", re.I)


_CONDITION_FIRST = re.compile(r"\b([A-Za-z][\w\-]+)\s+(?:patients|sufferers|survivors)\b")
# "the risk of hip fractures", "incidence of ...": what the study counted, not whom it studied
_MEASURE_OF = re.compile(r"\b(?:risk|incidence|rates?|odds|prevalence|number|occurrence|likelihood|prevention|"
                         r"reduce|reduces|reducing|prevent|prevents)\s*$", re.I)
_LEAD_STOP = frozenset(("a", "an", "the", "and", "or", "of", "in", "on", "for", "with", "to", "at", "by"))


def _in_title(phrase: str, title: str) -> bool:
    """Does the title repeat every content word of the phrase ("systemic lupus erythematosus")?"""
    have = {stem(w) for w in re.findall(r"[a-z][a-z\-]+", spell_out_conditions(title).lower())}
    words = [w for w in re.findall(r"[a-z][a-z\-]+", phrase.lower()) if w not in _WHO and w not in ENGLISH_STOP_WORDS]
    return bool(words) and all(stem(w) in have for w in words)


def _as_titled(phrase: str, title: str) -> str:
    """The phrase with the word the title puts before it ("pain" -> "musculoskeletal pain" under "Musculoskeletal
    pain in Europe")."""
    m = re.search(r"\b([A-Za-z][\w\-]+)\s+" + re.escape(phrase) + r"\b", spell_out_conditions(title), re.I)
    if m and m.group(1).lower() not in _LEAD_STOP | ENGLISH_STOP_WORDS and m.group(1).lower() not in _WHO and not m.group(1).istitle():
        return f"{m.group(1)} {phrase}"
    if m and m.group(1).istitle() and m.start() == 0:
        return f"{m.group(1).lower()} {phrase}"
    return phrase


def _conditions_named(phrase: str) -> bool:
    return any(_CONDITION_WORD.search(w) for w in re.findall(r"[A-Za-z][A-Za-z\-]+", phrase))


def _population(title: str, pico: dict | None) -> str | None:
    """Whom the study's people are, in a reader's words, as its title (else its appraised population) says it:
    "women with osteopenia and a healed wrist fracture" -> "with osteopenia and a healed wrist fracture", "patients
    at risk of osteoporosis" -> "at risk of osteoporosis"; "adults with mechanical neck disorders" for a review
    titled "Conservative management of mechanical neck disorders". None when neither names a condition: a trial
    "on flexibility in older women" studies older women, and "flexibility" is what it measured, not whom; "a
    comparison of two exergame interventions" is its design. The reason quoting it is read by people who never
    saw the tagger's spans, so only a phrase that names a condition is quoted."""
    spans = [s for s in _spans(pico or {}, "population") if len(s.split()) <= 25]
    return _with_phrase(title, title) or _title_condition(title, pico) or next(
        (w for w in (_with_phrase(x, title) for x in spans) if w), None)


def _plain(what: str) -> str:
    # a title's capitals are its style, not the condition's name ("At-Risk for Osteoporosis", "... in Fibromyalgia")
    return " ".join(w.lower() if w.istitle() and _CONDITION_WORD.search(w) else w for w in what.split())


def _with_phrase(text: str, title: str) -> str | None:
    """ "with X" / "at risk of X" from "<people> with X" or "X patients" in ``text``."""
    for m in _WITH.finditer(text):
        how, rest = m.group(1).lower(), m.group(2)
        end = _WITH_END.search(rest)
        what = spell_out_conditions(rest[: end.start()] if end else rest).strip(" .")
        if len(what.split()) > 9 or not (_conditions_named(what) or _in_title(what, title)):
            continue
        how = re.sub(r"^at[- ]risk", "at risk", how)
        return f"{how} {_as_titled(_plain(what), title)}"
    # "COPD patients", "childhood cancer survivors"
    m = _CONDITION_FIRST.search(text)
    if m and _CONDITION_WORD.search(m.group(1)):
        return f"with {_as_titled(_plain(m.group(1)), title)}"
    return None


def _title_condition(title: str, pico: dict | None) -> str | None:
    """A condition the title names as whom it is about ("... in chronic whiplash syndrome", "Conservative management
    of mechanical neck disorders"), not as what it measured ("the risk of hip fractures")."""
    measured = " ".join(_spans(pico or {}, "outcomes")).lower()
    head = spell_out_conditions(re.split(r":|\.\s", title)[0])
    for m in re.finditer(r"\b(?:in|of|for|among)\s+((?:[A-Za-z][\w\-]*\s+){0,4}?[A-Za-z][\w\-]*)"
                         r"(?=\s*(?:$|[:.,;(]|\s(?:treated|in|with|after|versus|vs|a|an)\b))", head):
        what = m.group(1)
        words = what.split()
        if not _CONDITION_WORD.search(words[-1]) or words[0].lower() in ("the", "risk", "incidence", "rates", "rate"):
            continue
        if _MEASURE_OF.search(head[: m.start()]) or {stem(w.lower()) for w in words if _CONDITION_WORD.search(w)} & {
                stem(w) for w in re.findall(r"[a-z][a-z\-]+", measured)}:
            continue
        return f"with {_plain(what)}"
    return None


def _tests(store: Store | None, claim_text: str, claim_words: Iterable[str], title: str, text: str,
           pico: dict | None, context_condition: str | None, direction: str | None = None,
           measured: str | None = None) -> Tested:
    from .match import about_condition, claim_condition_of, narrowed_condition

    if _ABOUT_STUDIES.search(claim_text):
        return Tested(False, "the sentence is about how studies were done, not an effect a study could test")
    own = claim_condition_of(claim_text)
    if (context_condition and narrowed_condition(own, context_condition) == context_condition
            and not about_condition(context_condition, text)):
        return Tested(False, f"it is not about {context_condition}, which the article is about")
    claimed = treatments(claim_text)
    # a claim about a named form ("tai chi as an exercise option", "resistance training") is tested by a
    # study of that form, not by any exercise study
    specific = {t for t in claimed if t not in _GENERIC}
    # "PRP injections": what is injected is the treatment, the injection only how it is given
    what = {t for t in specific if t not in _DELIVERY_CANON}
    if what:
        specific = what
    outcomes = [o for o in _find(OUTCOMES, claim_text)
                if not treatments(o) and not any(o in c for c in CONDITIONS if c in claim_text.lower())]
    if claimed:
        if _WHO_GETS_IT.search(title):
            return Tested(False, "it studies who is given the treatment, not what the treatment does")
        pico = pico or {}
        arm, other = _arms_of_title(title)
        tested_text = " ".join(_tested_part(x) for x in _spans(pico, "intervention") + [arm])
        adding = _ADDING.search(text)   # "to find out whether adding X to Y helps": X is what is tested
        if adding and not _spans(pico, "comparison"):
            tested_text = adding.group(1) + " " + " ".join(_tested_part(x) for x in _spans(pico, "intervention"))
        compared_text = " ".join(_spans(pico, "comparison")) + " " + other
        if not compared_text.strip():
            # no comparison read from the PICO or the title: the abstract's own "than flexibility exercises",
            # "compared with usual care" say what the tested arm was set against
            compared_text = " ".join(COMPARATOR.findall(text))
        tested, compared = _with_kinds(treatments(tested_text)), _with_kinds(treatments(compared_text))
        want = specific or claimed
        hit = want & tested
        versus = COMPARATOR.search(claim_text)
        side = _with_kinds(treatments(versus.group(1))) if versus else set()
        if hit and side and hit <= side and (want - side) and not ((want - side) & _with_kinds(treatments(title + " " + text))):
            # "tramadol was linked with more deaths than NSAIDs": a trial of rofecoxib against NSAIDs tests what the
            # claim sets tramadol against, never tramadol
            return Tested(False, f"it does not test {' or '.join(_names(claim_text, want - side)[:2]) or 'this treatment'}")
        if not hit:
            what = " or ".join(_names(claim_text, want)[:2]) or "this treatment"
            if not tested and not _spans(pico, "intervention") and want & treatments(text):
                # no tested treatment read at all ("ICT-based system to predict and prevent falls", no tagged
                # intervention) while the abstract names the claim's: "does not test exercise" would be a guess
                return Tested(False, f"what it tests is not clear from its title, though its abstract mentions {what}")
            return Tested(False, f"it does not test {what}")
        # "oxycodone/acetaminophen formulations", "paracetamol/codeine fixed-dose combination": the claim's drug
        # tested only inside a combination with one the claim does not name says nothing of the drug alone
        for a_, b_ in re.findall(r"\b([a-z][a-z-]{3,})\s*/\s*([a-z][a-z-]{3,})\b", (tested_text + " " + title).lower()):
            if (_canon(a_) in hit) != (_canon(b_) in hit) and not {_canon(a_), _canon(b_)} <= claimed | hit:
                other_drug = b_ if _canon(a_) in hit else a_
                return Tested(False, f"it tests {' or '.join(_names(claim_text, hit)[:1]) or 'the treatment'} combined "
                                     f"with {other_drug}, not on its own")
        # the same treatment in both arms: the study compares kinds or doses of it, unless the claim is
        # about that very comparison (it names a treatment of the comparison arm the other arm lacks)
        if (hit <= compared and not INERT_CONTROL.search(compared_text) and not ((claimed & compared) - tested)
                and not _head_to_head(claim_text, tested_text, compared_text) and not _INERT_ARM.search(text)):
            return Tested(False, "it compares two forms of " + (_names(claim_text, hit) or ["the treatment"])[0])
        # a title that says so: "... a comparison of two exergame interventions", "two exercise programmes compared"
        if _TWO_FORMS_TITLE.search(title) and not _head_to_head(claim_text, tested_text, compared_text) \
                and not ((claimed & compared) - tested):
            return Tested(False, "it compares two forms of " + (_names(claim_text, hit) or ["the treatment"])[0])
        # the treatment is right; the outcome must be one the study measured ("bone density" is not answered
        # by a trial of flexibility)
        if outcomes and not any(_measures(o, measured or text) for o in outcomes):
            return Tested(False, f"it does not measure {' or '.join(outcomes[:2])}")
        both = (not INERT_CONTROL.search(compared_text) and bool(compared)
                and (bool((claimed & compared) - tested) or _head_to_head(claim_text, tested_text, compared_text)))
        return Tested(True, by_treatment=True, head_to_head=both, about_claim=True,
                      name=(_names(claim_text, hit) or [None])[0], versus_active=_active_comparison(compared_text, compared - tested, tested_text + " " + title, text))
    # names of people, places and institutions ("Dr Ida Holm", "Aarhus") are not what a study must contain
    names = {w.lower() for w in re.findall(r"(?<=[\w,;:)] )[A-Z][a-z]+", claim_text)}
    # (English stop words only: "short sleep", "low bone density" are what the claim is about)
    words = [w for w in claim_words if w not in _FRAME and w not in ENGLISH_STOP_WORDS and w not in names]
    if len(words) < 3:   # "At best, pain improves for 6 to 12 weeks": the subject is in an earlier sentence
        return Tested(False, "the sentence alone names too little to tell which study would test it")
    if gives_a_figure(claim_text, direction):
        return Tested(False, "the sentence gives a figure, not an effect a study's result could confirm")
    share = relevance(words, text, store)
    # and the claim's two rarest words (what it is about: "inactive", "posture") are both there
    have = {stem(t) for t in re.findall(r"[^\W_]+", text.lower())}
    rarest = sorted(words, key=lambda w: idf(store, w), reverse=True)[:2]
    if share < WORDS_MIN or not all(stem(w) in have for w in rarest):
        return Tested(False, "it is about something else")
    if outcomes and not any(_measures(o, measured or text) for o in outcomes):
        return Tested(False, f"it does not measure {' or '.join(outcomes[:2])}")
    return Tested(True, about_claim=True)


__all__ = ["Tested", "WORDS_MIN", "study_tests_claim", "treatment_names", "treatments"]
