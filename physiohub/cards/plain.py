"""Plain words: PhysioHub's own lay vocabulary and the certainty words tied to the evidence badge.

The vocabulary is written for this project (patient-facing words for MSK research terms). Replacement
is whole-phrase, case-insensitive, longest phrase first, and keeps a capital at the start of a sentence.
Certainty words follow the Cochrane plain-language convention: strong evidence states the finding,
moderate says "probably", limited says "may", very limited says "we don't know yet whether".
"""
from __future__ import annotations

import re
from .casing import upper_first

# Research and clinical terms -> words a reader at grade 8 knows. Longer phrases are matched first.
LAY: dict[str, str] = {
    "chronic musculoskeletal pain": "long-term muscle and joint pain",
    "musculoskeletal pain": "muscle and joint pain",
    "musculoskeletal disorders": "muscle and joint problems",
    "musculoskeletal conditions": "muscle and joint problems",
    "musculoskeletal": "muscle and joint",
    "randomised controlled trials": "fair tests comparing groups",
    "randomized controlled trials": "fair tests comparing groups",
    "randomised controlled trial": "fair test comparing groups",
    "randomized controlled trial": "fair test comparing groups",
    "randomised trials": "fair tests comparing groups",
    "randomized trials": "fair tests comparing groups",
    "randomised trial": "fair test comparing groups",
    "randomized trial": "fair test comparing groups",
    "rcts": "fair tests comparing groups",
    "rct": "fair test comparing groups",
    "systematic review and meta-analysis": "review that pooled the results of studies",
    "meta-analysis": "study that pooled results",
    "meta-analyses": "studies that pooled results",
    "systematic review": "careful review of studies",
    "narrative review": "expert overview",
    "cohort study": "study that followed a group of people",
    "case-control study": "study comparing people with and without the problem",
    "cross-sectional study": "one-time survey",
    "case report": "report about one patient",
    "case series": "report on a few patients",
    # "placebo" stays: readers know it, and "dummy treatment" changed names of groups ("placebo group").
    "sham": "fake treatment",
    "usual care": "usual treatment",
    "standard care": "usual treatment",
    "participants": "people",
    "patients": "people",
    "subjects": "people",
    "individuals": "people",
    "adverse events": "side effects",
    "adverse effects": "side effects",
    "efficacy advantages": "advantages",
    "efficacy advantage": "advantage",
    "efficacy": "benefit",
    "effectiveness": "benefit",
    "efficacious": "helpful",
    "a significant number of": "many",
    "a significant proportion of": "many",
    # (P = .052 "borderline statistically significant": not "borderline clear", which reads as a clear result)
    "borderline statistically significant": "not quite statistically clear",
    "borderline significant": "not quite statistically clear",
    "statistically significant": "clear",
    "significantly": "clearly",
    "significant": "clear",
    "non-significant": "unclear",
    "reduced": "lowered",
    "reduction": "drop",
    "mortality": "deaths",
    "morbidity": "illness",
    "incidence rates": "rates",  # not "rate rates"
    "incidence rate": "rate",
    "prevalence rates": "rates",
    "prevalence rate": "rate",
    "incidence": "rate",
    "prevalence": "rate",
    "intervention": "treatment",
    "interventions": "treatments",
    "pharmacological": "drug",
    "pharmacotherapy": "drug treatment",
    "analgesics": "painkillers",
    "analgesic": "painkiller",
    "analgesia": "pain relief",
    "nonsteroidal anti-inflammatory drugs": "anti-inflammatory painkillers",
    "nsaids": "anti-inflammatory painkillers",
    "nsaid": "anti-inflammatory painkillers",  # "no benefit over NSAID"; after an article, one painkiller (lay())
    "adhesive capsulitis": "frozen shoulder (adhesive capsulitis)",
    # where in the body, said plainly with the term kept for anyone who looks it up
    "subacromial": "shoulder-space (subacromial)",
    "intra-articular": "joint (intra-articular)",
    "intraarticular": "joint (intra-articular)",
    "periarticular": "around-the-joint (periarticular)",
    "glenohumeral": "shoulder-joint (glenohumeral)",
    "patellofemoral": "kneecap (patellofemoral)",
    "neuropathic": "nerve-related (neuropathic)",
    "opioids": "strong painkillers (opioids)",
    "physiotherapy": "physio",
    "physical therapy": "physio",
    "therapeutic exercise": "exercise treatment",
    "rehabilitation": "rehab",
    "tendinopathy": "tendon pain",
    "osteoarthritis": "joint wear-and-tear (osteoarthritis)",
    "low back pain": "low back pain",
    "lumbar spine": "lower back",
    "lumbar spinal": "lower back",
    "cervical spine": "neck",
    "elderly population": "older people",
    "elderly people": "older people",
    "elderly persons": "older people",
    "elderly patients": "older people",
    "elderly subjects": "older people",
    "elderly individuals": "older people",
    "elderly adults": "older adults",
    "elderly women": "older women",
    "elderly men": "older men",
    "lumbar": "lower back",
    "cervical": "neck",
    "acute": "short-term",
    "chronic": "long-term",
    "persistent": "long-lasting",
    "postoperative": "post-surgery",
    "perioperative": "surgical",
    "pediatric": "children's",
    "paediatric": "children's",
    "elderly": "older people",
    "kinesiophobia": "fear of movement",
    # "catastrophising" and "self-efficacy" stay: they name measured constructs, and the plain swaps
    # ("expecting the worst") changed what was measured.
    "prognosis": "outlook",
    "prognostic": "outlook",
    "outcomes": "results",
    "outcome": "result",
    "administered": "given",
    "administration": "giving",
    "utilise": "use",
    "utilize": "use",
    "utilisation": "use",
    "utilization": "use",
    "approximately": "about",
    "currently": "now",
    "adequately": "well",
    "methodological": "method",
    "heterogeneity": "differences between studies",
    "prophylaxis": "prevention",
    "prophylactic": "preventive",
    "recommended": "advised",
    "recommend": "advise",
    # ("was demonstrated to have a small benefit": "was showed" is no English)
    "was demonstrated": "was shown",
    "were demonstrated": "were shown",
    "been demonstrated": "been shown",
    "be demonstrated": "be shown",
    "demonstrated": "showed",
    "based upon": "based on",
    "evaluated": "tested",
    "assessed": "checked",
    "investigated": "looked at",
    "compared with": "compared with",
    "versus": "compared with",
    "in addition": "also",
    "however": "but",
    "therefore": "so",
    "additionally": "also",
    "subsequently": "later",
    "prior to": "before",
    "in order to": "to",
    "a number of": "some",
    "the majority of": "most",
    "sufficient": "enough",
    "insufficient": "not enough",
    "prevalent": "common",
    "study cohort": "study group",
    "highly prevalent": "very common",
    "multivariate analyses": "adjusted analyses",
    "multivariable analyses": "adjusted analyses",
    "multivariate analysis": "adjusted analysis",
    "multivariable analysis": "adjusted analysis",
    "upregulated": "increased",
    "downregulated": "reduced",
    "chondrocytes": "cartilage cells",
}

# Statistical wording with a plain form that says the same ("catastrophizing uniquely contributed variance to the
# prediction of general health beyond the variance explained by pain intensity" -> "catastrophizing helped predict
# general health over and above pain intensity"); a statistic's number is never touched.
STAT_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:uniquely |independently |significantly |additionally )?contributed (?:unique |independent |additional |"
                r"significant |explained )?variance to (?:the )?(?:prediction|predicting) of\b", re.I), "helped predict"),
    (re.compile(r"\b(?:uniquely |independently )?contributed to (?:the )?(?:prediction|predicting) of\b", re.I), "helped predict"),
    (re.compile(r"\bbeyond (?:the )?(?:variance|variation) (?:explained|accounted for) by\b", re.I), "over and above"),
    (re.compile(r"\bwas an independent predictor of\b", re.I), "predicted"),
    (re.compile(r"\bwere independent predictors of\b", re.I), "predicted"),
    # "associated with the occurrence of SIS": the occurrence of a disorder is the disorder (as an object only, so
    # no verb is left to agree with a new subject)
    (re.compile(r"\b(with|of|in|on|for|to) the occurrence of\b", re.I), r"\1"),
)

_ORDER = sorted(LAY, key=len, reverse=True)
# (equal lengths in LAY's own order: a set's order changes with the hash seed, and the card with it)
_ONE_WORD = sorted(dict.fromkeys(v for v in LAY.values() if v and " " not in v), key=len, reverse=True)
_TWICE = re.compile(r"\b(" + "|".join(re.escape(w) for w in _ONE_WORD) + r"),? \1\b", re.I)
_LAY_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in _ORDER) + r")(?![\w-])", re.I)

CERTAINTY = {
    "Strong": "",
    "Moderate": "probably",
    "Limited": "may",
    "Very limited": "we don't know yet whether",
}


# Nouns for people become "people" only after a determiner or preposition ("in patients", "the
# participants"); "Crohn's disease patients" would become nonsense.
_PEOPLE = {"patients", "participants", "subjects", "individuals"}
_PEOPLE_AFTER = {"the", "of", "in", "with", "for", "among", "all", "many", "most", "some", "these", "those",
                 "and", "to", "on", "from", "older", "younger", "adult", "elderly", "whose", "both", "which"}


# A term followed within three words by a measure's name word is part of that name.
_MEASURE_AFTER = re.compile(r"(?:[\s-]+[A-Za-z0-9'-]+){0,3}?[\s-]+(?:Questionnaire|Scale|Index|Score|Inventory|Test|Grade|"
                            r"Instrument|Measure|Survey|Profile|Checklist)\b")
_IN_NAME = re.compile(r"(?:[A-Z][a-z]+[\s-]){2,}$")


# The brackets lay() itself adds ("joint wear-and-tear (osteoarthritis)"): a gloss, not a statistic or an
# aside of the source, so checks for brackets and length look past them.
GLOSS = re.compile(r"\s\((?:" + "|".join(re.escape(k) for k, v in LAY.items() if "(" in v) + r")\)", re.I)
_SETTING_BONES = re.compile(r"\bfractur\w*|\bdislocat\w*|\b(?:closed|open|primary|anatomic(?:al)?) reduction\b", re.I)
_PREDICATE_SIG = re.compile(r"\b(was|were|is|are|be|been|not)\s+(?:statistically\s+)?significant(?=\s*(?:[.;,)]|$|\(|\bat\b|\bfor\b|\bin\b))",
                            re.I)
_HEDGED = re.compile(r"\b(?:in some (?:circumstances|cases|patients)|may|might|possibly|perhaps|could)\b", re.I)


_SUDDEN_AFTER = re.compile(r"\s+(?:gout\w*|flares?|attacks?|exacerbations?|(?:\w+ )?flare-ups?)\b", re.I)
_INNER_HOWEVER = re.compile(r"\b(was|were|is|are|did|does|do|had|has|have|could|would|can|will)(?:\s+however\b,?|,\s*however,)", re.I)


def lay(text: str) -> str:
    """Swap research terms for plain ones, keeping sentence-initial capitals."""

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.lower() in _PEOPLE:
            before = text[:m.start()].rstrip().rsplit(None, 1)
            if before and before[-1].lower() not in _PEOPLE_AFTER and not re.search(r"\d$", before[-1]):
                return word
        if "(" in LAY[word.lower()] and re.match(r" \([a-z][a-z ,'-]{3,}\)", text[m.end():]):
            return word  # "adhesive capsulitis (frozen shoulder)": the source explains it already
        if "(" in LAY[word.lower()] and word[:1].isupper() and re.match(r" [A-Z][a-z]", text[m.end():]):
            return word  # a Title-Case name ("Patellofemoral Pain Syndrome") keeps its words
        if text[:m.start()].endswith("(") or text[m.end():m.end() + 1] == ")":
            return word  # already explained in brackets: "joint wear-and-tear (osteoarthritis)" stays as is
        if _MEASURE_AFTER.match(text, m.end()) or _IN_NAME.search(text[max(0, m.start() - 30):m.start()]) and word[:1].isupper():
            return word  # inside the name of a measure or a title-case name: "Chronic Pain Grade", "Quality of Life Scale"
        if word.lower() == "reduction" and _SETTING_BONES.search(text):
            return word  # "closed reduction of the fracture": putting the bone back in place, not a drop
        plain = LAY[word.lower()]
        if word.lower() == "acute" and _SUDDEN_AFTER.match(text, m.end()):
            plain = "sudden"  # an acute gout flare is a sudden attack, not a "short-term" arthritis
        if word.lower() == "nsaid" and _ARTICLE_BEFORE.search(text[:m.start()]):
            plain = "anti-inflammatory painkiller"  # "an NSAID" is one of them
        if _NO_ARTICLE.match(plain) and _ARTICLE_BEFORE.search(text[:m.start()]):
            return word  # "a sufficient distance" stays: "a enough distance" is no English
        if plain in ("clearly", "clear") and _HEDGED.search(text):
            # "significantly more effective ... in some circumstances": "clearly" beside a hedge stacks a
            # certainty on a doubt, so the word goes (the statistics stay in the findings).
            return "" if plain == "clearly" else word
        at_start = not text[:m.start()].strip() or text[:m.start()].rstrip()[-1:] in ".:;!?"
        if word[0].isupper() and plain and (at_start or not any(c.isupper() for c in word[1:])):  # "RCTs" mid-sentence: lower case
            plain = upper_first(plain)
        return plain

    # "... were statistically significant": said of a result, plain "were clear" loses what was clear, so a
    # significant result standing alone as the predicate is "statistically clear".
    text = _PREDICATE_SIG.sub(lambda m: f"{m.group(1)} statistically clear", text)
    # "There was however no difference", "The differences are, however, small": an aside inside the clause, not a
    # conjunction; "but" there is no English.
    text = _INNER_HOWEVER.sub(r"\1", text)
    for rx, plain_words in STAT_PHRASES:
        text = rx.sub(plain_words, text)
    # "lower ΔCMS scores": the Greek letter is the change in the score that follows it
    text = re.sub(r"(?<![\w-])[Δ∆]\s?(?=[A-Z])", "change in ", text)
    out = _LAY_RE.sub(swap, text)
    # "There also was no difference ...": the card shows this line alone, so "also" leans on nothing.
    out = re.sub(r"^(There|It|This) also (was|were|is|are)\b", r"\1 \2", out)
    # "short-term, acute" -> "short-term, short-term": say a swapped word once.
    out = _TWICE.sub(r"\1", out)
    out = agree_articles(out)  # "an analgesic" -> "a painkiller", "a unclear" -> "an unclear"
    return re.sub(r"\s{2,}", " ", out).strip()


_GLOSSED = sorted((k for k, v in LAY.items() if "(" in v), key=len, reverse=True)
_GLOSS_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in _GLOSSED) + r")(?![\w-])", re.I)


_UNGLOSS = sorted(((v, k) for k, v in LAY.items() if "(" in v), key=lambda kv: -len(kv[0]))


def unglossed(text: str) -> str:
    """The text with lay()'s explanations undone ("joint (intra-articular) injection" -> "intra-articular injection"),
    for comparing two lines by their words: an explanation said in both is no sign that they say the same."""
    for plain_words, term in _UNGLOSS:
        text = re.sub(re.escape(plain_words), term, text, flags=re.I)
    return text


def gloss(text: str) -> str:
    """Only the explained terms of ``lay`` ("neuropathic" -> "nerve-related (neuropathic)"), for text made plain
    already and changed since (an abbreviation spelled out: "NeP" -> "neuropathic pain"); a term explained once, or
    explained by the source in brackets, is left."""
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        if text[:m.start()].endswith("(") or text[m.end():m.end() + 1] == ")" or re.match(r" \(", text[m.end():]):
            return word
        if word[:1].isupper() and re.match(r" [A-Z][a-z]", text[m.end():]) or _MEASURE_AFTER.match(text, m.end()):
            return word
        return lay(word) if not word[:1].isupper() else upper_first(lay(word.lower()))
    return agree_articles(_GLOSS_RE.sub(swap, text)) if text else text


# Swapped words no article can stand before ("a sufficient" -> "a enough"): the swap is not made there.
_NO_ARTICLE = re.compile(r"(?:enough|not|no|some|most|much|several)\b", re.I)
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:a|an|A|An)\s+$")

# "a"/"an" by the sound of the next word. Only a lower-case article, or a capital one opening a sentence, is
# an article ("vitamin A is" is not); an acronym is left as it stands, since "a NICE guideline" and "an NHS
# clinic" depend on how it is said.
_ARTICLE = re.compile(r"(?:(?<=^)|(?<=[.!?:;]\s)|(?<=[.!?:;]\s\()|(?<=\())(A|An)\s+(?=[\w])|\b(a|an)\s+(?=[\w])")
_CONSONANT_U = re.compile(r"(?:uni(?!n)|use|usu|usa|uti|ure|uri(?!n)|uro|ura|ubiq|eu|ew|one\b|one-|once)", re.I)
_SILENT_H = re.compile(r"(?:hour|honest|honou?r|heir)", re.I)
_WORD_AFTER = re.compile(r"[\w'-]+")


# Words that cannot follow an article: the "a" before them is a letter or a symbol ("b = a or b").
_NOT_NOUNS = {"or", "and", "of", "on", "in", "is", "are", "as", "at", "if", "it", "to", "by", "nor", "if", "than", "was",
              "were", "i", "ii", "iii", "iv", "e", "o", "u"}


def _wants_an(word: str) -> bool | None:
    """True for "an", False for "a", None when the sound cannot be told from the letters."""
    if word[:1].isdigit():
        num = re.match(r"\d+", word).group(0)
        return num.startswith("8") or num in ("11", "18") or (len(num) in (5, 8) and num[:2] in ("11", "18"))
    letters = re.match(r"[A-Za-z]+", word)
    if not letters:
        return None
    w = letters.group(0)
    if len(w) > 1 and any(c.isupper() for c in w[1:]) or len(w) == 1 and word[1:2] == "-" or w.lower() in _NOT_NOUNS:
        return None  # an acronym or a letter name ("X-ray"): said as letters or as a word, no guessing
    if w[0].lower() in "aeiou":
        return not _CONSONANT_U.match(w)
    return bool(_SILENT_H.match(w))


def a_or_an(word: str) -> str:
    """The article to put before a word when one must be chosen: by its sound, else by the letters (an acronym by
    the name of its first letter, "an MRI"; a name like "iStoppFalls" by its first letter)."""
    want = _wants_an(word)
    if want is None:
        first = word[:1]
        want = first in "AEFHILMNORSX" if word[:2].isupper() else first.lower() in "aeiou"
    return "an" if want else "a"


def agree_articles(text: str) -> str:
    """Each article agrees with the sound of the word after it: "a enough" aside (see ``_NO_ARTICLE``),
    "a unclear result" -> "an unclear result", "an painkiller" -> "a painkiller"; "a unit", "an hour",
    "an 8-week" are right as they are."""
    def fix(m: re.Match[str]) -> str:
        art = m.group(1) or m.group(2)
        nxt = _WORD_AFTER.match(text, m.end())
        want = _wants_an(nxt.group(0)) if nxt else None
        if want is None:
            return m.group(0)
        new = ("an" if want else "a")
        new = new.capitalize() if art[0] == "A" else new
        return new + m.group(0)[len(art):]
    return _ARTICLE.sub(fix, text)


# The few swaps safe inside a study's own phrases (population, treatment, outcome): people nouns and
# plain anatomy. Names of conditions and measures keep their words (issue 12: plain language never
# changes meaning; "pain catastrophizing" is not "pain expecting the worst").
_LIGHT = {"patients": "people", "participants": "people", "subjects": "people", "individuals": "people",
          "chronic": "long-term", "elderly": "older", "lumbar": "lower back", "cervical": "neck",
          "acute": "short-term", "musculoskeletal pain": "muscle and joint pain",
          "musculoskeletal disorders": "muscle and joint problems", "musculoskeletal conditions": "muscle and joint problems"}
_LIGHT_RE = re.compile(r"(?<![\w-])(" + "|".join(_LIGHT) + r")(?![\w-])", re.I)


def lay_light(phrase: str) -> str:
    """People nouns and anatomy made plain inside a study's own phrase; everything else kept."""
    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        plain = _LIGHT[w.lower()]
        if w.lower() == "acute" and _SUDDEN_AFTER.match(phrase, m.end()):
            plain = "sudden"
        return upper_first(plain) if w[0].isupper() and m.start() == 0 else plain
    return re.sub(r"\s{2,}", " ", _LIGHT_RE.sub(swap, phrase)).strip()


def hedge(evidence: str, claim: str, *, subject: str = "") -> str:
    """A claim worded to the evidence strength.

    ``claim`` is a plain clause in the present tense with a modal slot, written as
    "{m}" where the certainty word goes, e.g. "exercise {m} eases pain". For very limited
    evidence the sentence becomes "We don't know yet whether exercise eases pain."
    """
    word = CERTAINTY.get(evidence, "may")
    if evidence == "Very limited":
        body = re.sub(r"\s*\{m\}\s*", " ", claim).strip()
        return f"We don't know yet whether {body}."
    body = re.sub(r"\s*\{m\}\s*", f" {word} " if word else " ", claim).strip()
    body = re.sub(r"\s{2,}", " ", body)
    return upper_first(body) + "."


def cap(text: str) -> str:
    text = text.strip()
    return upper_first(text) if text else text


def sentence(text: str) -> str:
    """Capitalised, single-spaced, ending in one full stop."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(" ;,:")
    if not text:
        return text
    if text[-1] not in ".?!":
        text += "."
    return cap(text)
