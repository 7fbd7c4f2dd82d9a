"""Abstract section labels, wherever a source prints them.

Structured abstracts arrive in many shapes: PubMed XML gives each section with its label; MEDLINE text,
RIS, BibTeX and CSV give one paragraph with "LABEL: text" inside; BEIR/SciFact lines print the labels in
capitals without a colon ("...P = .48.   CONCLUSIONS Among patients ..."), multi-word ones included
("DESIGN, SETTING, AND PARTICIPANTS", "CONCLUSIONS AND RELEVANCE"). This module finds them in one way for
the importers (which store the sections) and for the sentence splitter (which re-reads stored sections
that came without labels, so hubs imported before this module read the same).

Back matter (trial registration, funding, copyright, a citation tail such as "JAMA. 2000;283:3211-3216")
is recognised here too: it is never a conclusion and never card text.
"""
from __future__ import annotations

import re

# Labels as journals print them -> NLM category (the mapping NLM applies to PubMed XML NlmCategory).
NLM_CATEGORIES: dict[str, tuple[str, ...]] = {
    "BACKGROUND": ("background", "introduction", "context", "rationale", "importance", "purpose of review",
                   "summary of background data", "background and purpose", "background and aims",
                   "background and objectives", "background and objective", "abstract"),
    "OBJECTIVE": ("objective", "objectives", "aim", "aims", "purpose", "goal", "goals", "study objective",
                  "research question", "hypothesis", "question", "study objectives"),
    "METHODS": ("methods", "method", "design", "setting", "settings", "participants", "patients", "subjects",
                "interventions", "intervention", "measurements", "main outcome measures", "outcome measures",
                "materials and methods", "methods and materials", "study design", "data sources",
                "study selection", "data extraction", "search methods", "selection criteria",
                "data collection and analysis", "eligibility criteria", "population", "methodology",
                "main outcomes and measures", "main outcome measure", "outcomes", "procedures", "exposure",
                "exposures", "research design and methods", "patients and methods", "subjects and methods",
                "evidence acquisition", "data synthesis", "review methods", "search strategy",
                "study appraisal and synthesis methods", "main outcome", "main outcomes", "sample",
                "methods and analysis", "analysis", "experimental design", "study population", "animals"),
    "RESULTS": ("results", "findings", "finding", "main results", "result", "evidence synthesis", "observations"),
    "CONCLUSIONS": ("conclusions", "conclusion", "interpretation", "implications", "discussion",
                    "authors' conclusions", "reviewers' conclusions", "reviewer's conclusions",
                    "reviewers conclusions", "conclusions and relevance", "clinical relevance",
                    "significance", "summary", "implications for practice", "conclusion and discussion",
                    "conclusions and implications", "implications for cancer survivors",
                    "clinical implications", "relevance", "conclusion and relevance"),
}
# Sections that are not part of the study's report.
BACK_MATTER_LABELS = frozenset({
    "trial registration", "clinical trial registration", "registration", "trial registration number",
    "funding", "funding sources", "sponsorship", "level of evidence", "levels of evidence", "copyright",
    "keywords", "key words", "electronic supplementary material", "conflict of interest",
    "conflicts of interest", "competing interests", "disclosure", "disclosures", "ethics and dissemination",
    "study registration", "prospero registration", "systematic review registration", "highlights",
    "supplementary information", "trial registry",
})
LIMITATION_LABELS = frozenset({"limitations", "limitation", "strengths and limitations"})
_LABEL_TO_CATEGORY = {lab: cat for cat, labs in NLM_CATEGORIES.items() for lab in labs}
_KNOWN = set(_LABEL_TO_CATEGORY) | BACK_MATTER_LABELS | LIMITATION_LABELS
_PARTS = re.compile(r",?\s+(?:and|&)\s+|/|,\s*")

# "LABEL: text" (any case) at the start or after a sentence end: "... end. METHODS: We ...", "...end.Results:A".
# "SUMMARY: BACKGROUND: ..." (a label right after another) counts too.
_COLON_LABEL = re.compile(r"(?:^|(?<=[.!?)\]])\s*|(?<=[A-Z]:\s))([A-Z][A-Za-z0-9 ,/&'()-]{2,60}?):\s*(?=\S)")
# "LABEL text" in capitals without a colon, at the start or after a sentence end or a line break.
_CAPS_RUN = re.compile(r"(?:^|(?<=[.!?)\]\n])\s+|(?<=\s\s))((?:[A-Z][A-Z']+(?:,|\s*&|\s+AND|\s+OF|\s+FOR)?\s+){1,6})(?=\S)")
_CITATION_TAIL = re.compile(r"(?:^|\s)(?:[A-Z][A-Za-z]*\.?\s){1,5}(?:19|20)\d\d\s*;\s*\d+(?:\s*\(\d+\))?\s*:\s*[A-Z]?\d+"
                            r"(?:\s*[-\u2013]\s*[A-Z]?\d+)?\.?\s*$")
_COPYRIGHT = re.compile(r"(?:©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b|\bpublished by\b"
                        r"|\bthis article is protected by copyright)", re.I)
_REGISTRATION_ONLY = re.compile(r"^(?:the )?(?:trial|study|review)?\s*(?:was |is )?(?:registered|registration)\b.{0,80}$|"
                                r"^(?:clinicaltrials\.gov|isrctn|actrn|prospero|nct\d)", re.I)


def nlm_category(label: str) -> str:
    """'Materials and methods' -> 'METHODS'; unknown labels -> 'UNASSIGNED'; '' -> ''."""
    if not label:
        return ""
    key = " ".join(label.split()).lower().rstrip(":. ")
    if key in _LABEL_TO_CATEGORY:
        return _LABEL_TO_CATEGORY[key]
    for part in _PARTS.split(key):  # "Methods and results" -> first known part
        if part in _LABEL_TO_CATEGORY:
            return _LABEL_TO_CATEGORY[part]
    for word in reversed(key.split()):  # "Main Conclusions" -> conclusions
        if word in _LABEL_TO_CATEGORY:
            return _LABEL_TO_CATEGORY[word]
    return "UNASSIGNED"


def known_label(label: str) -> bool:
    """Is every part of this label a label word journals print ("DESIGN, SETTING, AND PARTICIPANTS")?"""
    key = " ".join(label.split()).lower().strip(" ,:")
    if key in _KNOWN:
        return True
    parts = [p for p in _PARTS.split(key) if p]
    return bool(parts) and all(p in _KNOWN for p in parts)


# Registry names used as a section label ("UMIN-CTRID", "ISRCTN", "ClinicalTrials.gov", "Trial registration number").
_REGISTRY_LABEL = re.compile(r"\b(?:umin|ctri|ctr|ctrid|isrctn|anzctr|actrn|nct|drks|chictr|irct|ntr|clinicaltrials(?:\.gov)?|"
                             r"eudract|prospero)\b|regist(?:ration|ry|ered)", re.I)


def is_back_matter_label(label: str) -> bool:
    key = " ".join(label.split()).lower().strip(" :.")
    return key in BACK_MATTER_LABELS or bool(_REGISTRY_LABEL.search(key.replace("-", " ")))


def _colon_label_ok(label: str) -> bool:
    """Upper-case labels are labels ('SETTING:'); mixed case only if every part is a known label word."""
    if label.isupper():
        return len(label) > 3 or nlm_category(label) != "UNASSIGNED"
    return known_label(label)


def find_labels(text: str) -> list[tuple[int, int, str]]:
    """(start, body start, label) of each section label printed in the text, in order.

    Colon labels in any case; capitals without a colon only when the words form a known label (the
    longest such prefix of the capital run, so "RESULTS RMDQ scores" keeps RMDQ in the body)."""
    found: dict[int, tuple[int, int, str]] = {}
    for m in _COLON_LABEL.finditer(text):
        if _colon_label_ok(m.group(1)):
            found[m.start(1)] = (m.start(1), m.end(), m.group(1).strip())
    for m in _CAPS_RUN.finditer(text):
        start = m.start(1)
        if start in found or any(a <= start < b for a, b, _ in found.values()):
            continue
        words = list(re.finditer(r"\S+", m.group(1)))
        for k in range(len(words), 0, -1):
            label = m.group(1)[: words[k - 1].end()].strip(" ,")
            if known_label(label) and label.upper() == label and len(label) > 3:
                body = start + words[k - 1].end()
                while body < len(text) and text[body] in " ,":
                    body += 1
                if body < len(text) and text[body] not in ":":  # colon labels were taken above
                    found[start] = (start, body, label)
                break
    return [found[k] for k in sorted(found)]


def inner_labels(text: str) -> list[tuple[int, int, str]]:
    """(start, body start, label) of known labels printed inside a section that already has its own label:
    "... within a specific date.CONCLUSIONS: Appropriately designed ...", or a review's "REVIEWER'S
    CONCLUSIONS Despite ..." left inside its results by an importer that did not know the label. Only labels
    journals print (known_label), never at the section's start, so a capital abbreviation ("WOMAC:") stays."""
    return [(a, b, lab) for a, b, lab in find_labels(text) if a > 0 and known_label(lab)]


# Title-case labels without a colon ("Background Chronic pain is ... Methods Two authors ..."), as some
# journals print them: single words only, and only when three or more appear in the usual order, since
# "Results were ..." starting a sentence is prose.
_TITLE_LABEL = re.compile(r"(?:^|(?<=[.!?)\]])\s+)(Background|Introduction|Objectives?|Aims?|Purpose|Methods|Design|"
                          r"Setting|Participants|Interventions|Results|Findings|Conclusions?|Interpretation)\s+(?=[A-Z0-9])")
_ORDER = {"BACKGROUND": 0, "OBJECTIVE": 1, "METHODS": 2, "RESULTS": 3, "CONCLUSIONS": 4}


def _title_labels(text: str) -> list[tuple[int, int, str]]:
    marks = [(m.start(1), m.end(), m.group(1)) for m in _TITLE_LABEL.finditer(text)]
    order = [_ORDER.get(nlm_category(lab), 2) for _, _, lab in marks]
    if len(marks) >= 3 and order == sorted(order) and len({nlm_category(lab) for _, _, lab in marks}) >= 3:
        return marks
    return []


def split_labelled(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) pieces of text: the lead before any label has label ''. One piece when the
    text has fewer than two labels and none at its start (a lone capital word is not a structure)."""
    marks = find_labels(text)
    if len(marks) < 2:
        marks = sorted(set(marks) | set(_title_labels(text)))
    if len(marks) < 2 and not (marks and marks[0][0] == 0):
        return [("", 0, len(text))]
    out: list[tuple[str, int, int]] = []
    if marks[0][0] > 0 and text[: marks[0][0]].strip():
        out.append(("", 0, marks[0][0]))
    for i, (_, body, label) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        if text[body:end].strip():
            out.append((label, body, end))
    return out


def back_matter_start(text: str) -> int | None:
    """Where a trailing citation tail ("JAMA. 2000;283:3211-3216") or copyright line starts, if any."""
    m = _CITATION_TAIL.search(text)
    if m:
        return m.start() + (1 if text[m.start()].isspace() else 0)
    return None


def is_back_matter_text(sentence: str) -> bool:
    """A sentence that is publishing furniture, not the study's report."""
    s = sentence.strip()
    return bool(_COPYRIGHT.search(s) or _REGISTRATION_ONLY.match(s) or _CITATION_TAIL.fullmatch(" " + s)
                or re.fullmatch(r"\(?(?:ABSTRACT TRUNCATED[^)]*)\)?\.?", s, re.I))


# Some exports (CSV and RIS from older databases) drop the section labels and keep only their joints:
# "... end of methods.; The results ...". Three or more such pieces read as sections of their own: the
# last is the conclusion and the one before it the results (the order every structured abstract keeps).
_DROPPED_JOINT = re.compile(r"(?<=[.?])\s*;\s+(?=[A-Z(])")
_AIM_START = re.compile(r"^(?:to (?:evaluate|determine|assess|investigate|examine|compare|describe|review|identify)|"
                        r"(?:the |our )?(?:aim|objective|purpose)s?\b)", re.I)


def implied_sections(text: str) -> list[tuple[str, int, int]] | None:
    """(NLM category, start, end) pieces of an abstract whose labels were dropped, else None."""
    cuts = list(_DROPPED_JOINT.finditer(text))
    if len(cuts) < 2:
        return None
    bounds = [0] + [m.start() for m in cuts] + [len(text)]
    starts = [0] + [m.end() for m in cuts]
    pieces = [(starts[i], bounds[i + 1]) for i in range(len(starts))]
    if any(len(text[a:b].strip()) < 20 for a, b in pieces):
        return None
    out: list[tuple[str, int, int]] = []
    for i, (a, b) in enumerate(pieces):
        if i == len(pieces) - 1:
            cat = "CONCLUSIONS"
        elif i == len(pieces) - 2:
            cat = "RESULTS"
        elif _AIM_START.match(text[a:b].lstrip()):
            cat = "OBJECTIVE"
        else:
            cat = "METHODS"
        out.append((cat, a, b))
    return out

