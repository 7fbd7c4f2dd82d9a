"""A PubMed search for a claim the hub has no study for: what a librarian would type.

The claim's subject as concepts — the condition ("achilles tendinopathy"), the treatments ("eccentric
exercise", "glucosamine"), the outcomes ("bone density", "range of motion") — each a [tiab] term, ANDed;
the cited author and year when the sentence names them ("Alfredson et al, 2007" -> Alfredson[au] AND
2007[dp]); the design's publication-type filter. Free words of the sentence fill in only when fewer than
two concepts were found, and never the everyday words ("often", "good", "results", "both") that match
half of PubMed: a search built from them finds nothing the claim is about.
"""
from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .claims import Claim
from .lexicon import CONDITIONS

PUBMED_DESIGN = {
    "meta-analysis": "meta-analysis[pt]",
    "systematic review": "systematic review[pt]",
    "randomised trial": "randomized controlled trial[pt]",
    "trial": "clinical trial[pt]",
    "cohort study": "cohort studies[mh]",
    "observational study": "observational study[pt]",
    "review": "review[pt]",
}
# What MSK studies measure, as abstracts name it (the longest first).
OUTCOMES = sorted(dict.fromkeys([
    "bone density", "bone mineral density", "range of motion", "quality of life", "physical function", "function",
    "disability", "muscle strength", "strength", "balance", "walking speed", "walking distance", "walking ability",
    "walking capacity", "walking biomechanics", "falls", "fractures", "fracture",
    "return to work", "sick leave", "flexibility", "muscle soreness", "soreness", "recovery", "performance",
    "injury risk", "injuries", "recurrence", "stiffness", "sleep", "depression", "anxiety", "fear of movement",
    "kinesiophobia", "disc degeneration", "disc bulges", "disc herniation", "meniscal tear", "cartilage",
    "inflammation", "joint space narrowing", "joint narrowing", "side effects", "adverse events", "surgery", "pain intensity",
]), key=len, reverse=True)
# Everyday words that say nothing about a study's subject (beyond the stop words of English).
_EVERYDAY = set("""good bad best well works work worked results result often seen part middle really matters matter size
common condition option line way ways thing things lot kind kinds type types great deal little much very many new old
same different clear clearly whole still even just far near around among through over least most main major minor
simple simply real fact true false show shows shown found find finds study studies research review evidence trial
trials people patients person adults women men experts doctor doctors say says said according suggest suggests
suggested report reports reported compared comparison group groups average number numbers time times year years week
weeks month months day days later earlier long short high low higher lower less more likely help helps helped
better worse far nearly almost alike plain just supported support supports shown proven proved believe thought
showed reliably actually clearly truly certainly claims claim cochrane reviewers researchers colleagues
verdict conclusion analysis follow-up
improve improves improved reduce reduces reduced effect effects effective benefit benefits use used using given
done make made makes get gets got take takes took come comes came see sees came went go goes your our their
about also both either neither whether while when where which what who whose how why than then there here these
those this that such some any each every all other another own
affect affects affected chance chances million millions billion percent americans britons australians canadians
population estimated estimate estimates diagnosed total overall per american british australian canadian
develop develops developing developed mild moderate severe slight slightly significant significantly small large
smaller larger point points hoping hope hopes expected expect expects climb climbs climbing rise rises rising grow grows growing""".split()) | set(ENGLISH_STOP_WORDS)
# An abbreviation the page coins ("RRIs" for running-related injuries) is no term PubMed indexes.
_ABBREVIATION = re.compile(r"\b[A-Z]{2,6}s?\b")
_WORD = re.compile(r"[a-z][a-z\-']+")


def _find(phrases: list[str], text: str) -> list[str]:
    """``phrases`` found in ``text`` as whole words, longest first, none inside a longer one found."""
    low = text.lower()
    out: list[str] = []
    for p in phrases:
        if re.search(rf"\b{re.escape(p)}\b", low) and not any(p in q for q in out):
            out.append(p)
    return out


def _term(phrase: str) -> str:
    return f'"{phrase}"[tiab]' if " " in phrase or "-" in phrase else f"{phrase}[tiab]"


def cited_author(claim: Claim) -> tuple[str, int] | None:
    """The first author and year the sentence cites ("Alfredson et al, 2007"), if it names one; a journal's
    initials ("BJSM 2015") are not a surname."""
    for s in claim.sources:
        if s.get("kind") != "author":
            continue
        m = re.match(r"\s*((?:(?:van|von|de|der|den|da|di|le|la|du|o')\s*)*[A-Z][\w'\-]+)", s["value"], re.I)
        y = re.search(r"\b(19|20)\d{2}\b", s["value"])
        if m and y and re.search(r"[a-z]", m.group(1)):
            return m.group(1).strip(), int(y.group(0))
    return None


def _subject(claim: Claim) -> list[str]:
    """What the claim is about: its condition(s), then its treatments."""
    from .match import name_conditions, spell_out_conditions
    from .tested import treatment_names

    # ("their knee OA progressed" names knee osteoarthritis)
    found = _find(CONDITIONS, name_conditions(claim.text))[:2]
    # a short phrase the claim parser read as the intervention ("minimalist running shoes") says it best
    iv = _phrase(spell_out_conditions(claim.intervention or ""))
    if iv and not any(iv in f or f in iv for f in found):
        found.append(iv)
    found += [t for t in treatment_names(claim.text) if not any(t in f or f in t for f in found)][:2]
    return found


def concepts(claim: Claim, context: Claim | None = None, condition: str | None = None, named: str | None = None) -> list[str]:
    """The claim's condition(s), treatments and outcomes, in that order, each once; a claim that names no
    condition or treatment ("Participants in the programme reported lower pain scores") takes them from
    ``context``, the claim next to it in the article. ``condition`` is the one the article is about (the
    claim before, or the title): a claim that names treatments but no condition ("after 12 weeks tai chi and
    physical therapy improved function alike") is still about it, and a search without it finds studies of
    every other condition first. ``named`` is the last treatment the article named by its own name before the claim
    ("glucosamine"): a claim, or the claim next to it, that names the treatment only by its kind ("the supplement", "It"
    after "Popular supplement did no better than a placebo") is about that one."""
    from .match import name_conditions, narrowed_condition, spell_out_conditions

    found = _subject(claim)
    if context is not None and any(f in _GENERIC_TREATMENT for f in found):
        # "Popular supplement did no better than a placebo" under "Glucosamine No Help for Arthritic Hips": the supplement
        # is the one the claim next to it names
        from .tested import treatment_names

        which = [t for t in treatment_names(context.text) if t not in _GENERIC_TREATMENT][:1]
        if which:
            found = [which[0] if f in _GENERIC_TREATMENT else f for f in found]
            found = list(dict.fromkeys(found))
    if condition and found and narrowed_condition(found[0], condition) == condition != found[0]:
        # "very mild arthritis" on a page about hip osteoarthritis: the search is for the page's condition
        found[0] = condition
        found = list(dict.fromkeys(found))
    if not found and context is not None:
        found = _subject(context)[:2]
    if named and named.lower() not in _GENERIC_TREATMENT and any(f in _STAND_IN for f in found):
        # "It doesn't work, according to researchers ..." after "Popular supplement did no better than a placebo", "the
        # supplement was largely ineffective": a product named by its kind is the one the article named last (a kind of
        # care discussed in its own right, "medication", "injections", stays as it is)
        found = list(dict.fromkeys(named if f in _STAND_IN else f for f in found))
    if (condition and found and not _find(CONDITIONS, name_conditions(claim.text))
            and not any(condition in f or f in condition for f in found)):
        found.insert(0, condition)
    elif condition and not found:
        # a bare factor under a lead-in ("Being male" under "Factors linked with seeking care included:") is about the
        # article's condition too: its search is the condition and the factor's own words
        found = [condition]
    found += [o for o in _find(OUTCOMES, claim.text) if not any(o in f or f in o for f in found)][:2]
    out = _phrase(spell_out_conditions(claim.outcome or ""))
    # (an outcome that is the condition again in lay words, "no noticeable effect on hip arthritis" on a page searched
    # for hip osteoarthritis, would ask PubMed for both phrases)
    if out and not any(out in f or f in out for f in found) and not set(_find(CONDITIONS, name_conditions(out))) & set(found):
        found.append(out)
    return list(dict.fromkeys(found))


# A treatment named only by its kind: the claim next to it names which.
_GENERIC_TREATMENT = frozenset("""supplement supplements treatment treatments therapy therapies drug drugs medication medications
medicine medicines remedy remedies pill pills injection injections""".split()) | {"popular supplement", "the supplement",
                                                                                 "dietary supplement", "the drug", "the treatment"}


# The kinds a popular article names a product by in place of its name ("the supplement", "the pill").
_STAND_IN = frozenset("""supplement supplements pill pills remedy remedies""".split()) | {"popular supplement", "the supplement",
                                                                                      "dietary supplement", "the drug"}


def _phrase(text: str | None) -> str | None:
    """A parsed field as a search phrase: one to three words, not led or made up by everyday words."""
    words = [w.strip(".,;:()\"'") for w in (text or "").lower().split()]
    while words and words[0] in _EVERYDAY:
        words = words[1:]
    words = [w for w in words if w]
    if not 1 <= len(words) <= 3 or words[-1] in _EVERYDAY or not all(_WORD.fullmatch(w) for w in words):
        return None
    return " ".join(words)


def _free_words(claim: Claim, used: str, n: int) -> list[str]:
    from .match import claim_query

    out: list[str] = []
    coined = {a.lower() for a in _ABBREVIATION.findall(claim.text)}
    # the finding clause first; the whole sentence when the clause is only its frame ("..., studies show")
    for text in (claim_query(claim), claim.text):
        for w in _WORD.findall(text.lower()):
            w = w.strip("-'")
            if len(w) > 3 and w not in _EVERYDAY and w not in coined and w not in used and w not in out:
                out.append(w)
        if out:
            break
    return out[:n]


# Words of a title that say what kind of paper it is, not what it is about.
_TITLE_FRAME = frozenset("""randomized randomised controlled trial trials study studies review reviews systematic meta-analysis
analysis pilot cohort prospective retrospective clinical comparison comparative effect effects efficacy effectiveness
evaluation treatment treatments management patients people adults chronic acute""".split())


# A word that names a disorder by its ending ("tendinosis", "capsulitis", "fasciopathy", "radiculopathy"): not a place
# or a word such as "criteria" that ends like one.
_DISORDER_WORD = re.compile(r"^[a-z-]{3,}(?:itis|osis|pathy|algia|aemia|emia|penia|plegia)$", re.I)


def title_terms(title: str) -> list[str]:
    """What a listed work's own title says it is about, in its own words: its condition (as the condition list names
    it, else its word for a disorder: "tendinosis") and the first treatment it names ("eccentric", "heavy slow
    resistance"), for a search the paper itself answers. The page's words ("achilles tendinopathy", "running") may not
    be the paper's: Alfredson's 1998 paper says "Achilles tendinosis"."""
    from .tested import _NOT_TERM, _TERM

    # (as the title writes it: "osteoarthritis of the hip or knee" is searched as osteoarthritis, since a [ti] search for
    # "hip osteoarthritis" would not find that title)
    found = _find(CONDITIONS, title)[:1]
    if not found:
        found = [w.lower() for w in re.findall(r"[A-Za-z][\w-]+", title) if _DISORDER_WORD.search(w) and w.lower() not in _TITLE_FRAME][:1]
    treatment = next((m.group(0).lower() for m in _TERM.finditer(title) if not _NOT_TERM.match(m.group(0))
                      and m.group(0).lower() not in _TITLE_FRAME), None)
    if treatment and not any(treatment in f or f in treatment for f in found):
        found.append(treatment)
    return found


def pubmed_query(claim: Claim, context: Claim | None = None, condition: str | None = None, named: str | None = None,
                 cited: tuple[str, int, str] | None = None) -> str:
    """A PubMed search string for the claim: cited author, subject concepts [tiab], the design's filter,
    year [dp]. ``context`` is the claim next to it in the article (the one before; for the first, the one
    after): a sentence that names no subject ("A follow-up analysis in 2013 reached the same verdict") is
    about what that one was about; ``condition`` is what the article is about and ``named`` the treatment it named last
    (see ``concepts``). ``cited`` is the one listed work the claim cites, as (first author's surname, year, title): the
    search is then for that paper, by its first author, its year and its title's own words (in title or abstract, as
    every term here is searched)."""
    parts: list[str] = []
    who = cited_author(claim)
    if cited and (who is None or who[0].lower() == cited[0].lower()) and claim.year in (None, cited[1]):
        # (a year the sentence states that is not the work's says the two are not one paper: searched as before)
        terms = title_terms(cited[2])
        if terms:
            return " AND ".join([f"{cited[0]}[au]"] + [_term(t) for t in terms] + [f"{cited[1]}[dp]"])
    if who:
        parts.append(f"{who[0]}[au]")
    found = concepts(claim, context, condition, named)
    # three concepts at most: each one more ANDed halves what PubMed finds
    parts += [_term(c) for c in found[: (2 if who else 3)]]
    if (len(found) < 2 and not who) or (who and not found):
        extra = _free_words(claim, " ".join(found), 2 if who else 3 - len(found))
        # one everyday-free word alone ("conflicting", "posture") is a sentence that goes on from an
        # earlier one: a search on it finds nothing the claim is about
        if extra and (found or len(extra) >= 2):
            parts.append(" AND ".join(f"{w}[tiab]" for w in extra))
    if not parts:
        return ""
    if claim.design in PUBMED_DESIGN and not who:
        parts.append(PUBMED_DESIGN[claim.design])
    year = who[1] if who else claim.year
    if year:
        parts.append(f"{year}[dp]")
    return " AND ".join(f"({p})" if " AND " in p else p for p in parts)


__all__ = ["OUTCOMES", "PUBMED_DESIGN", "cited_author", "concepts", "pubmed_query", "title_terms"]
