"""The upshot's question, built from the study's own population, intervention, comparison and outcome.

Titles name these more reliably than any tagger ("Effect of glucosamine on pain-related disability in
patients with chronic low back pain: a randomized controlled trial"), so the common title shapes are read
first and the appraisal's PICO spans fill what the title leaves out. The question is worded for the kind
of study (DESIGN.md): "For people with X, does Y reduce Z compared with W?", "How accurate is X at finding
Y?", "Is X linked with Y?". It is never the title turned into a question: when the pieces cannot be had,
a short plain question about the study's kind is asked instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .plain import cap, lay_light as lay
from .pieces import broken
from ..appraise.numwords import parse_number

_DESIGN_TAIL = re.compile(
    r"\s*[:.\-\u2013\u2014]\s*(?:an? |the )?(?:\w+[- ]){0,4}?(?:randomi[sz]ed|controlled|clinical|pilot|feasibility|"
    r"systematic|meta-analy|review|cohort|case-control|cross-sectional|prospective|retrospective|population-based|"
    r"double-blind|single-blind|multicent|observational|longitudinal|qualitative|survey|study|trial|update|protocol|"
    r"analysis|report)[^:]*$", re.I)
_LEAD = re.compile(r"^(?:the )?(?:(?:short|long)[- ]term )?(?:(?:efficacy|effectiveness|safety|tolerability),? (?:and )?)*"
                   r"(?:effects?|efficacy|effectiveness|impact|influence|role|use|"
                   r"benefits?|safety(?:,? (?:tolerability,? )?and (?:efficacy|effectiveness))?|"
                   r"(?:clinical )?outcomes?) of\s+", re.I)
_VERSUS = re.compile(r"\s+(?:versus|vs\.?|compared (?:with|to)|or)\s+", re.I)
_STRICT_VERSUS = re.compile(r"\s+(?:versus|vs\.?|compared (?:with|to))\s+", re.I)


def _versus_split(text: str) -> list[str]:
    """The two sides of a title's comparison. "Surgery or physiotherapy" compares; the "or" of "patients with colon or breast
    cancer" joins two conditions of the people studied, and splits nothing."""
    vs = _STRICT_VERSUS.split(text, maxsplit=1)
    if len(vs) == 2:
        return vs
    vs = _VERSUS.split(text, maxsplit=1)
    if len(vs) == 2 and re.search(r"\b(?:patients|people|persons|adults|women|men|children|subjects|participants)\s+(?:with|who)\s"
                                  r"(?:\S+\s+){0,3}\S+$", vs[0], re.I):
        return [text]   # (the "or" sits inside the people's phrase: "patients with colon or breast cancer")
    return vs
_FOR_IN = re.compile(r"\s+(?:for|in|among|on)\s+", re.I)
_PEOPLE = re.compile(r"^(?:\d[\d,]*\s+)?(?:(?:adult|older|elderly|young|female|male|postmenopausal|menopausal|healthy|"
                     r"community[- ]dwelling|consecutive|primary care|pregnant|preterm|office)\s+)*(?:patients|people|persons|"
                     r"adults|women|men|children|adolescents|workers|athletes|individuals|participants|subjects|elders|runners|"
                     r"survivors|residents|employees|infants|newborns|neonates)\b", re.I)
_NEGATIVE_OUTCOME = re.compile(r"\b(?:disease|pain|disability|symptoms?|fractures?|falls?|flares?|risk|dysfunction|stiffness|"
                               r"fatigue|depression|anxiety|morbidity|mortality|injur\w+|recurrence|swelling|"
                               r"inflammation|catastrophi[sz]ing|fear|absence|sick leave|use of)\b", re.I)
_POSITIVE_OUTCOME = re.compile(r"\b(?:function\w*|strength|quality of life|mobility|range of motion|fitness|"
                               r"recovery|return to work|healing|balance|performance|activity|activities|"
                               r"well-being|satisfaction|sleep|walking|capacity|adherence)\b", re.I)


@dataclass
class Pico:
    population: str = ""
    intervention: str = ""
    comparison: str = ""
    outcome: str = ""
    verb: str = ""  # the title's own verb ("improve"), when the title states its result
    event: str = ""  # the event the title or aim named when the study measured a risk score for it (outcome.py)
    answered: str = ""  # the narrower outcome the conclusion names a link with, when the question's is a broad class
    prevents: str = ""  # what the treatment is meant to prevent ("for prevention of shoulder dysfunction"): the people
    #                     studied do not have it yet, so it never makes the population ("people with ...")


def _clean(phrase: str, words: int = 9) -> str:
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase).strip(" ,.;:-")
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    phrase = re.sub(r"^(?:the )?(?:classification|diagnosis|treatment|management|prevention|assessment) of\s+", "",
                    phrase, flags=re.I)
    if phrase[:1].isupper() and not phrase[1:2].isupper() and not re.match(r"[A-Z][\w]*[-\d][A-Z]|[A-Z][a-z]+[A-Z]", phrase):
        phrase = phrase[0].lower() + phrase[1:]  # "Corticosteroid injections" mid-question; "SAMe", "HMG-CoA" stay
    if re.match(r"^(?:(?:systematic|narrative|scoping|literature|critical) )?(?:reviews?|meta-analys[ie]s|(?:(?:randomi[sz]ed|"
                r"controlled|clinical|pilot) )*trials?|stud(?:y|ies)|surveys?)$", phrase, re.I):
        return ""  # a design is no treatment, population or outcome
    if not phrase or len(phrase.split()) > words or re.search(r"\d", phrase) and not re.search(r"[A-Za-z]-?\d|\b[A-Z]{2,} \d", phrase):
        return ""
    return phrase


# Words before "patients with ..." that are no description of the people: a condition ("colorectal cancer patients with a
# mutant allele" stays "people with colorectal cancer with ..."), a control group, or a verb the tagger cut into.
# Words that name a condition (also what tells a tagged "comparator" that is the studied people's condition, generate.py).
CONDITION_WORDS = (r"cancers?|carcinomas?|tumou?rs?|pain|arthritis|osteoarthritis|diseases?|disorders?|syndromes?|injur\w+|"
                   r"fractures?|\w+(?:itis|osis|iasis|emia|aemia|opathy|oma|algia)")
_NOT_DESCRIBING = re.compile(rf"\b(?:{CONDITION_WORDS}|emboli\w*|infections?|failure|stroke|diabetes|sepsis|asthma|copd|"
                             r"controls?|using|evaluated|assisting|after|before|during|treating|provide)\b"
                             # (an abbreviation is most often the condition's: "CRC patients with a mutant allele")
                             r"|(?-i:\b[A-Z]{2,}s?\b)", re.I)


def _people(phrase: str) -> str:
    """'patients with chronic low back pain' -> 'people with long-term low back pain'; a bare condition
    ('chronic low back pain') -> 'people with long-term low back pain'."""
    phrase = re.split(r"\s+[\u2013\u2014-]\s+|\s+within\s+", phrase)[0]
    p = _clean(phrase, 12)
    # "(highly valued) by people with rheumatoid arthritis": the people, without the preposition that tied them
    # to a clause the tagger left out
    p = re.sub(r"^(?:by|of|for|to|from|among|in)\s+(?=(?:people|patients|participants|adults|women|men|children)\b)", "",
               p or "", flags=re.I)
    if not p or broken(p) or re.search(r"--|[\[\]]|\b(?:study|trial|review|concept|comparison)\b|^\w+ (?:with|who have) \w+ing\b"
                          r"|\bpeople\b.*\bpeople\b", p, re.I) or \
            re.search(r"(?:^|\s)(?:long-term|short-term|chronic|acute|severe|mild|early|late|and|or|with)$", p, re.I):
        return ""
    sufferers = re.match(r"^([a-z][\w-]*(?: [\w-]+){0,2}?) (?:patients|participants|subjects|sufferers)\b(.*)$", p, re.I)
    if sufferers and not _PEOPLE.match(p) and not re.search(r"\b(?:of|for|to)\b", sufferers.group(1)) \
            and parse_number(sufferers.group(1).split()[0]) is None:  # "Fifty-two subjects" are a count, not a condition
        if re.match(r"\s+(?:with|who)\b", sufferers.group(2)) and not _NOT_DESCRIBING.search(sufferers.group(1)):
            # "physically inactive patients with colon cancer": the words before describe the people, the condition
            # comes after ("physically inactive people with colon cancer", not "people with physically inactive ...")
            return lay(f"{sufferers.group(1)} people{sufferers.group(2)}".strip())
        # "osteoarthritis patients in Japan" -> "people with osteoarthritis in Japan"
        return "people with " + lay((sufferers.group(1) + sufferers.group(2)).strip())
    m = _PEOPLE.match(p)
    if m:
        rest = p[m.end():].strip()
        noun = m.group(0).split()[-1].lower()
        noun = "people" if noun in ("patients", "participants", "subjects", "individuals", "persons") else noun
        lead = " ".join(w for w in m.group(0).split()[:-1] if not w[0].isdigit())
        who = f"{lead} {noun}".strip().lower() if lead.lower() not in ("consecutive",) else noun
        return lay(f"{who} {rest}".strip()) if rest else lay(who)
    if re.match(r"^(?:acute|chronic|persistent|recurrent|severe|mild|early|knee|hip|shoulder|neck|back|low back|"
                r"osteoarthritis|arthritis|tendinopathy|fibromyalgia|sciatica|whiplash|"
                r"lumbar|cervical|\w+ (?:pain|osteoarthritis|arthritis|tendinopathy|fractures?|injur\w+))", p, re.I) \
            or re.search(r"\b(?:pain|osteoarthritis|arthritis|tendinopathy|fractures?|sciatica|syndrome|disease|"
                         r"disorders?|injur\w+|tears?|sprains?|cancer|sepsis|stroke|copd|diabetes|headaches?|"
                         r"fibromyalgia|osteoporosis|osteopenia|spondyl\w+|migraines?|whiplash|scoliosis|"
                         r"tendinitis|bursitis|fasciitis|stenosis|radiculopathy|instability|dysfunction|"
                         r"obesity|frailty|sarcopenia|hypermobility|lupus|gout|\w+itis|\w+opathy|\w+algia)\b$", p, re.I):
        return "people with " + lay(p[0].lower() + p[1:] if not p[:2].isupper() else p)
    return ""


_PROPER = re.compile(r"^(?:Achilles|Alzheimer\w*|Parkinson\w*|Crohn\w*|Down|Osgood|Schlatter|Baker\w*|Colles|Bankart|"
                     r"Hill-Sachs|Asian|European|African|American|Dutch|German|British|English|Chinese|Japanese|"
                     r"Korean|Indian|Canadian|Australian|Danish|Swedish|Norwegian|Finnish|French|Spanish|Italian)$")


def _untitle(t: str) -> str:
    """A title in Title Case ("Low-Carbohydrate Diet Versus a Low-Fat Diet") in sentence case, so its
    pieces read naturally inside a question; acronyms, names with inner capitals and proper names stay."""
    words = t.split()
    long_words = [w for w in words if len(w) > 3]
    caps = sum(1 for w in long_words if w[:1].isupper())
    if len(words) < 4 or caps < 0.75 * len(long_words):
        return t

    def low(w: str) -> str:
        if w.isupper() or _PROPER.match(w.strip(",.:;()")) or re.search(r"[a-z][A-Z]", w):
            return w
        return "-".join(p[:1].lower() + p[1:] if p[1:] == p[1:].lower() else p for p in w.split("-"))
    return " ".join(low(w) for w in words)


def _share_head(x: str, c: str) -> str:
    """'transforaminal' vs 'parasagittal epidural steroid injections' -> 'transforaminal epidural steroid
    injections': two modifiers of one noun, the noun written once in the title."""
    xw, cw = x.split(), c.split()
    if x and len(cw) >= 3 and (len(xw) == 1 or re.search(r"(?:-guided|-based|ed|al|ic|ive|ar|ous|ile)$", xw[-1])) \
            and not re.search(r"(?:therapy|treatment|care|surgery|exercises?|injections?|block|training)$", x):
        return f"{x} {' '.join(cw[1:])}"
    return x


def from_title(title: str, kind: str) -> Pico:
    """The PICO pieces the title's shape gives (see module doc)."""
    t = _untitle(re.sub(r"\s+", " ", title or "").strip().rstrip("."))
    t = re.split(r"(?<=[a-z])\. (?=[A-Z])", t)[0]  # "X versus guidelines. Influence of sciatica": the first sentence
    t = re.sub(r"^\[|\]$", "", t)
    core = _DESIGN_TAIL.sub("", t) or t
    comparing = None
    for joint in (r"versus|vs\.?", r"with|to|and"):  # "training with bands versus dumbbells": versus first
        comparing = comparing or re.search(
            r":\s+(?:an? |the )?(?:[\w-]+ ){0,4}?(?:trial|study|comparison) (?:comparing|that compared|to compare) "
            rf"(.+?)\s+(?:{joint})\s+(.+?)(?:\s+(?:in|for|among)\s+(.+))?$", t, re.I)
    if comparing and kind == "intervention":
        # "Exercise in children with X: a randomised controlled trial comparing exercise into hypermobile
        # versus neutral knee extension": the subtitle names both arms; the main title names the people.
        x, c = _clean(comparing.group(1), 7), _clean(comparing.group(2), 7)
        lead = re.match(r"^(.+? (?:into|to|at|in|with|using|through) )(\S+)$", x)
        if lead and 2 <= len(c.split()) <= 4:
            x = f"{x} {' '.join(c.split()[1:])}"  # "into full [knee extension] versus straight knee extension"
        else:
            x = _share_head(x, c)
        if lead and len(c.split()) <= 4:
            c = lead.group(1) + c  # the head written once: "exercise into hypermobile versus [exercise into] neutral ..."
        main = t.split(": ")[0]
        who = re.match(r"^.+?\s+(?:in|among|for)\s+(.+)$", main)
        return Pico(population=_people(comparing.group(3) or (who.group(1) if who else "")), intervention=x, comparison=c)
    core = core.split(": ")[0] if ": " in core and kind != "association" else core
    # "Comparative study of the effects of ...", "Systematic review of the role of ...", "Fitness outcomes
    # from a randomised trial of exercise training for ...": the design words lead in to the real subject.
    core = re.sub(r"^(?:an? |the )?(?:[\w-]+ ){0,2}?(?:study|trial|review|analysis|meta-analysis|evaluation|comparison)"
                  r" of (?:the )?(?=(?:[\w-]+ ){0,2}?(?:effects?|efficacy|effectiveness|role|impact|use|benefits?) of\b)",
                  "", core, flags=re.I)
    core = re.sub(r"^(?:an? )?comparative (?:study|trial|analysis) of (?:the )?", "", core, flags=re.I)
    # "A randomised control trial to evaluate the efficacy of X versus Y ...": the design leads in.
    core = re.sub(r"^(?:an? |the )?(?:[\w-]+ ){0,4}?(?:trial|study|review|analysis|evaluation) (?:to|that) (?:evaluate|assess|"
                  r"compare|determine|investigate|examine|test)s? (?:the )?", "", core, flags=re.I)
    cmp_of = re.match(r"^(?:an? )?comparison of (.+?) (?:and|with|versus|vs\.?) (.+?)(?: (?:in|for|among) (.+))?$", core, re.I)
    if cmp_of and kind == "intervention":
        x, c = _clean(cmp_of.group(1), 7), _clean(cmp_of.group(2), 7)
        return Pico(population=_people(cmp_of.group(3) or ""), intervention=_share_head(x, c), comparison=c)
    core = re.sub(r"^(?:[\w-]+ )?(?:outcomes?|results?|findings) (?:from|of) (?:an? |the )?(?:[\w-]+ ){0,4}?(?:trial|study) of\s+",
                  "", core, flags=re.I)
    core = re.sub(r"\b(?:an? )?\d+[- ](?:years?|months?|weeks?|days?)\b\s*", "", core, flags=re.I)
    core = re.sub(r"\b(?:dietary |exercise )?intervention (?:of|with) (?:an? )?", "", core, flags=re.I)
    out = Pico()
    if kind == "accuracy":
        return _accuracy_title(t)
    if kind == "association":
        harm = re.match(r"^(?:(?:the )?evaluation of )?(?:the )?(?:gastrointestinal |long-term )?(?:tolerability|safety|adverse "
                        r"(?:effects|events|reactions)|side[- ]effects|harms|toxicity) of\s+(.+?)(?:\s+(?:in|among)\s+(.+))?$",
                        re.sub(r"^(?:an? |the )?(?:systematic review|meta-analysis|review|study|analysis) (?:for|of) ", "", core, flags=re.I), re.I)
        if harm:
            # "Systematic review for evaluation of tolerability of NSAIDs in osteoarthritis patients in Japan"
            return Pico(population=_people(harm.group(2) or ""), intervention=_clean(harm.group(1), 7), outcome="side effects")
        m = re.match(r"^(?:associations?|relationships?|links?)\s+(?:between|of)\s+(.+?)\s+(?:and|with)\s+(.+?)"
                     r"(?:\s+(?:in|among)\s+(.+))?$", core, re.I)
        # (not "Epidemiology of X in Malaysia and Hong Kong": two places, no exposure and outcome)
        m = m or (None if re.match(r"^(?:the )?(?:epidemiology|incidence|prevalence|distribution|patterns?|trends?|burden)\b",
                                   core, re.I) else
                  re.match(r"^(.+?)\s+and\s+(?:the\s+)?(?:risk of\s+)?(.+?)(?:\s+(?:in|among)\s+(.+))?$", core, re.I))
        if m and re.search(r":\s", m.group(1)):
            m = None  # "Pain in Europe: its impact and a comparison of ...": the "and" joins the subtitle's items
        after = re.match(r"^(.+?)\s+(?:after|following)\s+(.+?)(?:\s+(?:in|among)\s+(.+))?$", core, re.I)
        if not m and after:  # "Cancer mortality after radium irradiation in ...": exposure after, outcome before
            out.intervention, out.outcome = _clean(after.group(2), 7), _clean(after.group(1), 7)
            out.population = _people(after.group(3) or "")
            return out
        if m:
            out.intervention, out.outcome = _clean(m.group(1), 7), _clean(m.group(2), 7)
            out.population = _people(m.group(3) or "")
        return out
    if t.rstrip().endswith("?"):
        return out  # a title that asks its own question: the pieces come from the aim (see title_question)
    said = re.match(r"^(.+?)\s+(?:improves?|reduces?|relieves?|prevents?|increases?|decreases?|do(?:es)? not "
                    r"(?:improve|reduce|change|help|affect))\s+(.+?)(?:\s+(?:in|for|among)\s+(.+?))?$", core, re.I)
    if said and kind == "intervention" and not _LEAD.match(core):
        # a title that states its result: "Strengthening exercises improve symptoms ... in fibromyalgia"
        out.intervention = _clean(said.group(1), 6)
        out.outcome = _clean(re.split(r"\s+but\s+|,", said.group(2))[0], 6)
        verb = re.search(r"\s(improves?|reduces?|relieves?|prevents?|increases?|decreases?)\s", core, re.I)
        out.verb = (verb.group(1).lower().rstrip("s") + ("e" if verb.group(1).lower().endswith("ves") else "")) if verb else ""
        out.population = _people(said.group(3) or "")
        return out
    m = _LEAD.match(core)
    if m:
        rest = core[m.end():]
        parts = re.split(r"\s+on\s+", rest, maxsplit=1)
        what = parts[0]
        if len(parts) == 2:
            outcome, _, who = parts[1].partition(" in ")
            if not who:
                outcome, _, who = parts[1].partition(" among ")
            out.outcome, out.population = _clean(outcome, 7), _people(who)
        else:
            prevent = re.search(r"\s+(?:(?:in|for) (?:the )?(?:prevention|prophylaxis) of|for preventing|to prevent)\s+(.+?)"
                                r"(?:\s+(?:in|among)\s+(.+))?$", what, re.I)
            if prevent:
                # "Effect of X for the prevention of Y": the people are at risk of Y, not people with Y (see from_title)
                out.prevents, who = _clean(prevent.group(1), 9), prevent.group(2) or ""
                what = what[:prevent.start()]
                inner = re.match(r"^(.+?)\s+(?:for|in|among)\s+(.+)$", what, re.I)
                if not who and inner and _people(inner.group(2)):
                    what, who = inner.group(1), inner.group(2)  # "X for pregnant women to prevent Y"
            else:
                what, who = (re.split(r"\s+(?:(?:in|for) (?:the )?(?:treatment|management) of|in|among|for)\s+", what,
                                      maxsplit=1) + [""])[:2]
            out.population = _people(who)
        vs = _versus_split(what)
        listed = re.match(r"^([^,]+), ([^,]+?),? and ([^,]+)$", what)
        if len(vs) == 1 and listed and all(len(g.split()) <= 3 for g in listed.groups()):
            # "Efficacy of rofecoxib, celecoxib, and acetaminophen": a head-to-head of the first with the rest
            vs = [listed.group(1), f"{listed.group(2)} and {listed.group(3)}"]
        out.intervention = _clean(vs[0], 7)
        out.comparison = _clean(vs[1], 7) if len(vs) == 2 else ""
        out.comparison = re.sub(r"^without\s+", "no ", out.comparison)
        return out
    vs = _versus_split(core)
    if len(vs) == 2:
        head, tail = vs
        cmp_, who = (re.split(r"\s+(?:for|in|among)\s+", tail, maxsplit=1) + [""])[:2]
        out.intervention, out.comparison, out.population = _clean(head, 7), _clean(cmp_, 7), _people(who)
        out.intervention = _share_head(out.intervention, out.comparison)
        return out
    treated = re.match(r"^(.+?)\s+treated (?:with|by)\s+(.+)$", core, re.I)
    if treated and kind == "intervention" and _people(treated.group(1)):
        # "Neck pain in chronic whiplash syndrome treated with botulinum toxin"
        out.intervention, out.population = _clean(treated.group(2), 7), _people(treated.group(1))
        return out
    prevent = re.match(r"^(.+?)\s+(?:(?:for|in)\s+(?:the\s+)?(?:prevention|prophylaxis) of|for preventing|to prevent|"
                       r"(?:for|in)\s+(?:the\s+)?primary prevention of)\s+(.+?)(?:\s+(?:in|among)\s+(.+))?$", core, re.I)
    if prevent and kind == "intervention":
        # "X for prevention of shoulder dysfunction after neck dissection": the people do not have the problem yet;
        # they are named only where the title names them ("... in older adults"), else by the abstract
        out.intervention, out.prevents = _clean(prevent.group(1), 7), _clean(prevent.group(2), 9)
        out.population = _people(prevent.group(3) or "")
        inner = re.match(r"^(.+?)\s+(?:for|in|among)\s+(.+)$", prevent.group(1), re.I)
        if not out.population and inner and _people(inner.group(2)):
            # "a lifestyle intervention for pregnant women to prevent excessive weight gain": the people come first
            out.intervention, out.population = _clean(inner.group(1), 7), _people(inner.group(2))
        return out
    m = re.match(r"^(.+?)\s+(?:for|in)\s+(?:the\s+)?(?:treatment|management) of\s+(.+)$", core, re.I) or \
        re.match(r"^(.+?)\s+for\s+(.+)$", core, re.I)
    if m and kind == "intervention":
        out.intervention, out.population = _clean(m.group(1), 7), _people(m.group(2))
        return out
    m = re.match(r"^(.+?)\s+(?:in|among)\s+(.+)$", core, re.I)
    if m and kind == "intervention" and len(m.group(1).split()) <= 4 and _PEOPLE.match(_clean(m.group(2), 12)):
        # "Exercise in children with joint hypermobility syndrome and knee pain"
        out.intervention, out.population = _clean(m.group(1), 4), _people(m.group(2))
    return out


def _accuracy_title(t: str) -> Pico:
    """'Accuracy of X for diagnosing Y', 'Most clinical tests cannot accurately diagnose Y', 'X: a screening
    questionnaire to identify Y in Z', 'Diagnosis of Y' -> the test and its target."""
    core = _DESIGN_TAIL.sub("", t) or t
    out = Pico()
    m = re.search(r"(?:diagnostic )?(?:accuracy|validity|reliability|performance) of\s+(.+?)\s+(?:for|in)\s+(?:the )?"
                  r"(?:diagnos\w+|detect\w+|identif\w+)?(?:\s+of)?\s*(.+)$", core, re.I)
    if m:
        out.intervention, out.outcome = _clean(m.group(1), 7), _clean(m.group(2), 7)
        return out
    m = re.match(r"^(?:most |many |some |the )?(.+?)\s+(?:cannot |can |do not |does not |to |that )?(?:accurately |reliably )?"
                 r"(?:diagnose|detect|identify|predict|screen for|find)\s+(.+)$", core, re.I)
    if m:
        head = m.group(1)
        if ":" in head:  # "painDETECT: a new screening questionnaire"
            name, _, what = head.partition(":")
            head = name if len(name.split()) <= 3 else what
        out.intervention, out.outcome = _clean(head, 7), _clean(re.split(r"\s+in\s+", m.group(2))[0], 7)
        return out
    m = re.match(r"^diagnosis of\s+(.+)$", core, re.I)
    if m:
        out.intervention, out.outcome = "clinical tests", _clean(m.group(1), 7)
    return out


def title_question(title: str) -> str | None:
    """A title that already asks a plain question ("Should exercises be painful in the management of
    chronic musculoskeletal pain?"), in sentence case; None otherwise."""
    t = _untitle(re.sub(r"\s+", " ", title or "").strip())
    q = re.split(r"(?<=\?)\s", t)[0]
    if not q.endswith("?") or len(q.split()) > 20 or re.search(r"\d|[\[\]]", q):
        return None
    return cap(lay(q))


_AIM_TOPIC = re.compile(r"\b(?:to|aims? to|aimed to|seeks? to|will)\s+(?:provide an understanding (?:on|of)|understand|explain|"
                        r"discuss|describe|summari[sz]e|review|explore|examine|outline|present)\s+(?:the\s+)?(.+?)"
                        r"(?:,|\s+and\s+to\b|\s+and\s+(?:build|discuss|propose)\b|\.|$)", re.I)


def aim_topic(aim: str) -> str:
    """What an overview sets out to explain: "to provide an understanding on the potential mechanisms
    behind exercise, and ..." -> "the potential mechanisms behind exercise"."""
    m = _AIM_TOPIC.search(aim)
    if not m:
        return ""
    topic = _clean(m.group(1), 10)
    return f"the {topic}" if topic and not re.match(r"(?:the|a|an|how|why|what|whether)\b", topic) else topic


def outcome_verb(outcome: str) -> tuple[str, str]:
    """('reduces', 'reduce') for pain and disability, ('improves', 'improve') for function; else 'affect'."""
    if _NEGATIVE_OUTCOME.search(outcome) and not _POSITIVE_OUTCOME.search(outcome.split()[0]):
        return "reduces", "reduce"
    if _POSITIVE_OUTCOME.search(outcome):
        return "improves", "improve"
    return "changes", "change"


_MASS_HEAD = re.compile(r"\b(?:therapy|treatment|training|care|supplementation|programme|program|intervention|"
                        r"management|surgery|rehabilitation|stimulation|fixation|injection|exercise|diet)$", re.I)


def plural(phrase: str) -> bool:
    """Does the phrase take "do"/"are"? ("corticosteroid injections" yes; "estrogen and progesterone
    therapy" no: its head is "therapy")."""
    from .phrases import plural as _plural
    if _MASS_HEAD.search(phrase.strip()):
        return False
    return _plural(phrase)


_WHETHER = re.compile(r"\bto (?:determine|investigate|assess|examine|evaluate|test|explore|establish|find out|see)"
                      r" whether\s+(.+?)\s*\.?$", re.I)
_AIM_EFFECT = re.compile(r"\bto (?:determine|investigate|assess|examine|evaluate|test|explore|compare|review|summari[sz]e)"
                         r"\s+(?:the\s+)?((?:(?:short|long)[- ]term\s+)?(?:effects?|efficacy|effectiveness|impact|safety|"
                         r"benefits?)\s+of\s+.+?)\s*\.?$", re.I)
_BE = re.compile(r"^(.+?)\s+(is|are|was|were|can|could|does|do|did|has|have|had|will|would)\s+(.+)$", re.I)


_AIM_VERB = r"\b(?:to|we) (?:determine|estimate|assess|investigate|describe|examine|evaluate|identify|explore|establish|measure|" \
            r"report|analy[sz]e|quantify)d? "
_FACTOR_WORDS = r"(?:[\w-]+ ){0,2}?(?:factors|predictors|determinants|correlates)"
# "to determine the prevalence of neck pain in office workers (and its associated factors)"
_AIM_SHARE = re.compile(_AIM_VERB + r"(?:the )?(?:prevalence|frequency|proportion|occurrence)"
                        # "the prevalence and risk factors of X", "the prevalence of, and factors associated with, X"
                        r"(?P<f0> and (?:the )?(?:associated |risk |contributing )?(?:factors|correlates|determinants|predictors)"
                        r"(?: associated with| of| for)?|(?: of)?, and (?:the )?(?:[\w-]+ ){0,2}?(?:factors|correlates|determinants|"
                        r"predictors)(?: associated with| of| for)?,)?"
                        r" (?:of )?(?P<x>.+?)"
                        r"(?P<f>,? and (?:to )?(?:\w+ )?(?:its |the |their )?(?:" + _FACTOR_WORDS + r"|associations?|relationships?|"
                        r"links?)\b.*)?\s*\.?$", re.I)
# "to determine the clinical factors affecting bone health after puberty in childhood cancer survivors"
_AIM_FACTORS = re.compile(_AIM_VERB + r"(?:the )?" + _FACTOR_WORDS + r" (?:affecting|associated with|influencing|related to|"
                          r"linked (?:to|with)|for|of|that (?:affect|influence|predict)) (?P<x>.+?)\s*\.?$", re.I)


# "to examine the association between type 2 diabetes and trabecular bone score in adult men and women"
_AIM_LINK = re.compile(_AIM_VERB + r"(?:the |a )?(?:possible |potential )?(?:association|relationship|relation|link|correlation)s? "
                       r"(?:between (?P<x>[^,;]+?) and|of (?P<x2>[^,;]+?) (?:with|and)) (?P<y>[^;]+?)\s*\.?$", re.I)


# "... for future use of TKI in clinical treatment", "... in order to guide screening": why, not what
_AIM_PURPOSE = re.compile(r",|\s+(?:for (?:future|the purpose|use|planning)|in order to|so as to|with a view to|"
                          r"to (?:guide|inform|help|improve|plan|develop|design))\b", re.I)


def asked_share(aim: str) -> str | None:
    """A survey's own question from its aim: "How common is X?", "What is linked with X?", "Is X linked with Y?";
    None otherwise."""
    body = re.sub(r"\s*\([^)]*\)", "", aim)
    link = _AIM_LINK.search(body)
    m = _AIM_SHARE.search(body)
    if link and not m:
        x, y = (link.group("x") or link.group("x2")).strip(" ,."), _AIM_PURPOSE.split(link.group("y"))[0].strip(" ,.")
        if len(x.split()) > 8 or len(y.split()) > 14 or re.match(r"(?:these|this|those|such|its|their|it|them)\b", x, re.I):
            return None
        q = f"{'are' if plural(x) else 'is'} {x} linked with {y}"
        return cap(q) + "?" if len(q.split()) <= 24 and not re.search(r"\bwhether\b|[;:]", q) else None
    if m:
        x = _AIM_PURPOSE.split(m.group("x"))[0].strip(" ,.")
        factors = bool(m.group("f") or m.group("f0"))
        who = re.match(r"^(?P<who>(?:[\w-]+ ){0,4}?[\w-]+) who (?P<verb>.+)$", x)
        if who and not factors:
            # "the proportion of runners who sustain an injury during training" -> "How many runners sustain ...?"
            x = f"{who.group('who')} {who.group('verb')}"
            q = f"how many {x}"
        else:
            head = re.split(r"\s+(?:in|among|of|at)\s+", x)[0]
            q = f"how common {'are' if plural(head) else 'is'} {x}" + (", and what is linked with it" if factors else "")
    else:
        m = _AIM_FACTORS.search(body)
        if not m:
            return None
        x = _AIM_PURPOSE.split(m.group("x"))[0].strip(" ,.")
        q = f"what is linked with {x}"
    # "these patterns", "the disease": a thing named in a sentence before, no question on its own
    if len(x.split()) < 3 or re.match(r"(?:these|this|those|such|its|their|it|them)\b", x, re.I) \
            or len(q.split()) > 24 or re.search(r"\bwhether\b|[;:]", q):
        return None
    return cap(q) + "?"


_TITLE_SHARE = re.compile(r"^(?:the )?(?:prevalence|frequency|occurrence) of (?P<x>[^:?]+?)(?:\s*[:?.]|\s+-\s+|$)", re.I)


def title_share(title: str) -> str | None:
    """ "Prevalence of hip pain in older runners: a survey" -> "How common is hip pain in older runners?" """
    m = _TITLE_SHARE.match(re.sub(r"\s+", " ", title or "").strip())
    return asked_share(f"to determine the prevalence of {m.group('x')}") if m else None


def from_aim(aim: str, kind: str) -> tuple[Pico, str | None]:
    """PICO pieces from an aim sentence ("To investigate the effect of X on Y in Z"), and a direct
    question when the aim asks one ("to determine whether statins are associated with fewer fractures"
    -> "Are statins associated with fewer fractures?"; "to estimate the prevalence of neck pain in nurses" ->
    "How common is neck pain in nurses?")."""
    asked = asked_share(aim)
    if asked:
        return Pico(), asked
    m = _WHETHER.search(aim)
    if m and re.search(r"\b(?:reduces?|improves?|increases?|decreases?|prevents?|relieves?)\b", m.group(1), re.I) \
            and not re.search(r"\b(?:associated|linked|related|predict\w*)\b", m.group(1), re.I):
        pass  # a treatment's effect: read below as PICO pieces rather than asked back as written
    elif m:
        body = re.sub(r"\s*\([^)]*\)", "", m.group(1)).strip(" .")
        b = _BE.match(body)
        if b and len(body.split()) <= 22 and not re.search(r"\bwhether\b", body, re.I):
            subj, verb, rest = b.group(1), b.group(2).lower(), b.group(3)
            verb = {"was": "is", "were": "are", "did": "does", "had": "has"}.get(verb, verb)
            return Pico(), cap(f"{verb} {subj[0].lower() + subj[1:] if not subj[:2].isupper() else subj} {rest}?")
    if m:
        # "whether a loading programme reduces pain more than advice alone in adults with X"
        e = re.match(r"^(?:a |an |the )?(.+?)\s+(?:reduces?|improves?|increases?|decreases?|prevents?|relieves?)\s+(.+?)"
                     r"(?:\s+(?:more than|compared with|compared to|versus|vs\.?|than)\s+(.+?))?(?:\s+(?:in|among)\s+(.+?))?\s*\.?$",
                     re.sub(r"\s*\([^)]*\)", "", m.group(1)), re.I)
        if e:
            out = Pico(population=_people(e.group(4) or ""), intervention=_clean(e.group(1), 8),
                       comparison=_clean(re.sub(r"\s+alone$", "", e.group(3) or ""), 6), outcome=_clean(e.group(2), 6))
            return out, None
    m = _AIM_EFFECT.search(aim)
    if m:
        return from_title(m.group(1), kind), None
    return Pico(), None


def build_question(kind: str, design_short: str, pico: Pico) -> str | None:
    """The plain question for this kind of study, or None when its pieces are missing."""
    who = f"For {pico.population}, " if pico.population else ""
    x, y, c = pico.intervention, pico.outcome, pico.comparison
    if kind == "accuracy":
        if x and y:
            return cap(f"how accurate {'are' if plural(x) else 'is'} {x} at finding {y}?")
        if x:
            return cap(f"{who}how accurate {'are' if plural(x) else 'is'} {x}?")
        return None
    if kind == "association":
        if x and y:
            return cap(f"{who}{'are' if plural(x) else 'is'} {x} linked with {y}?")
        return None
    if kind == "descriptive":
        return None
    if not x:
        return None
    vs = f" compared with {c}" if c else ""
    do = "do" if plural(x) else "does"
    if y:
        base = pico.verb or outcome_verb(y)[1]
        return cap(f"{who}{do} {x} {base} {y}{vs}?")
    return cap(f"{who}{do} {x} help{vs}?")
