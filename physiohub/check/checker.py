"""``check_article``: an article's research claims and references, with the hub's evidence for each.

    result = check_article(store, open("article.html").read(), html=True)
    for claim in result["claims"]:
        print(claim["text"], claim["design"], claim["year"], [m["title"] for m in claim["matches"]])

Steps: article text (HTML → trafilatura) → sentences and reference list → research claims (rules, and a learned sentence model) →
claim strength (classifier) → references parsed and looked up in the hub → for each claim the
studies it cites that the hub holds, then the best search matches → overstatement flags.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Any

from ..store import Store
from .backing import stance_of
from .claims import DESIGNS, Claim, design_of, find_claims
from .document import Sentence, parse_document
from .extract import article_text
from .match import claim_condition_of, match_claim, pubmed_query, stem
from .reference_model import add_model_references
from .overstate import certainty_words, overstatement
from .pubmed import _GENERIC_TREATMENT, _subject as search_subject
from .own_citation import mark_own_citation
from .references import Reference, inline_references, link_citations, named_references, parse_reference_list
from .linked_citations import merge_linked_citations
from .citation_header import header_citations
from .citation_variants import merge_misspelt, title_citations
from .citations import find_citations, surname_key
from .report import summarise
from .strength import claim_strength
from .tested import treatment_names
from .weblinks import organisation_links, own_hosts

# Whether the learned reference-entry fallback runs when the caller does not say (docs/check.md, its last section).
REFERENCE_MODEL_DEFAULT = False
MAX_CLAIMS = 200   # an article with more "claims" than this is not an article; keep the check bounded


def hub_id(store: Store, ref: Reference) -> int | None:
    """The hub's study for a reference, by DOI or PMID."""
    if ref.doi:
        row = store.query_one("SELECT id FROM studies WHERE lower(doi) = ?", (ref.doi.lower(),))
        if row:
            return row[0]
    if ref.pmid:
        row = store.query_one("SELECT id FROM studies WHERE pmid = ?", (ref.pmid,))
        if row:
            return row[0]
    return None


def _cited(claim_sources: list[dict], citations: list[str], refs: list[Reference], text: str = "",
           year: int | None = None) -> list[Reference]:
    out = link_citations(citations, refs)
    if not out:
        out = _undated_cited(text, refs)
    if not out:
        out = named_references(text, year, refs)
    linked = {s["value"].lower() for s in claim_sources if s["kind"] in ("doi", "link")}
    for r in refs:
        if r not in out and ((r.doi and any(r.doi in v for v in linked)) or (r.url and r.url.lower() in linked)):
            out.append(r)
    return out


def _undated_cited(text: str, refs: list[Reference]) -> list[Reference]:
    """The references a bracket with no year cites ("In that trial (Lee et al.), ..."): the one reference of that first
    author, if the page holds exactly one (else which of them is meant is not said)."""
    out: list[Reference] = []
    for c in find_citations(text):
        if c.year is not None:
            continue
        same = [r for r in refs if r.authors and surname_key(r.authors[0]).lower() == surname_key(c.surname).lower()]
        if len(same) == 1 and same[0] not in out:
            out.append(same[0])
    return out


_RANK = {name: i for i, (name, _) in enumerate(DESIGNS)}
# "Earlier studies have shown ...", "A number of small studies have cast doubt ...", "More and more studies show ...": a
# claim about a body of research, not the one paper a page's single reference line names (its year is not theirs)
_OTHER_RESEARCH = re.compile(r"\b(?:earlier|previous|prior|past|other|older|many|several|some|numerous|most|more and more|"
                             r"a (?:number|couple|handful|lot) of|lots of|a few|few|countless|multiple)\s+(?:\w+\s+){0,2}?"
                             r"(?:studies|trials|reviews|papers|research studies)\b", re.I)


def design_from_references(design: str | None, cited: list[Reference]) -> str | None:
    """A generic design word in the claim ("a study", "research", "a review", none) gives way to the more
    specific design the cited reference's title or journal names ("... a systematic review and
    meta-analysis", "Cochrane Database Syst Rev")."""
    best = design
    for r in cited:
        d = design_of(r.title or "") or ("systematic review" if re.search(r"\bcochrane\b", r.journal or "", re.I) else None)
        # a design the sentence states itself ("a 2016 trial", "a review") stays: the reference only fills in
        # what the sentence leaves generic
        if d and (best is None or (best in ("study", "research") and _RANK[d] < _RANK[best])):
            best = d
    return best


def _most_named_condition(sentences: list[Sentence]) -> str | None:
    """The condition the article's sentences name most often (twice at least), if any."""
    named = Counter(c for c in (claim_condition_of(s.text) for s in sentences) if c)
    if not named:
        return None
    condition, n = named.most_common(1)[0]
    return condition if n >= 2 else None


# A claim's people named by a condition of their own ("people with cancer", "adults with Parkinson's disease"):
# the phrase after "with", cut where it goes on to when or where ("pain after exercise", "disability at presentation").
_OWN_PEOPLE = re.compile(r"\b(?:with|who have|living with|suffering from|recovering from)\s+([a-z][\w' -]{2,60})$", re.I)
_OWN_CUT = re.compile(r"\s(?:at|after|before|during|in|on|for|from|who|which|that|and|or)\s.*$", re.I)
# ... beyond what every patient has or a degree of it: "a tear", "severe disability", "lingering pain", "no symptoms"
_NOT_OWN = re.compile(r"^(?:or|and|no|without|at|some|any|it|this|that|the same|the condition)\b", re.I)
_ANY_PATIENT = frozenset("""pain pains tear tears disability disabilities symptoms symptom problems problem condition conditions
injury injuries aches ache discomfort complaints stiffness""".split())


def _own_condition(population: str | None) -> str | None:
    """The condition a claim's own people are named by, when it is not one the condition list knows (those are held
    by the condition gates already): "cancer" in "people with cancer"; None for "people with a tear"."""
    m = _OWN_PEOPLE.search(population or "")
    if not m or _NOT_OWN.match(m.group(1)):
        return None
    phrase = _OWN_CUT.sub("", m.group(1)).strip(" -")
    phrase = re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.I)
    head = phrase.split()[-1].lower() if phrase else ""
    if not phrase or head in _ANY_PATIENT or claim_condition_of(phrase):
        return None
    return phrase


# "This may be a way to ...", "It also ...": a sentence whose subject is the claim it goes on from
_ANAPHOR = re.compile(r"^\W*(?:this|it|these|that|such|they)\b", re.I)


# the cue of a bullet that ends the research sentence its lead-in begins (claims.py)
STEM_CUE = "a bullet completing the research sentence of its lead-in"


def _carried_treatment(claim: Claim, claims: list[Claim]) -> str | None:
    """The treatment a result sentence names only by "this"/"it": the one the claim it continues names; for a list
    item that names none ("- Improves how intense the pain is"), the one its lead-in names ("Clinical trials
    demonstrate that chiropractic care:")."""
    if treatment_names(claim.text):
        return None
    if claim.lead_in and claim.cue == STEM_CUE and treatment_names(claim.lead_in):
        # (only a bullet that completes its lead-in's sentence has the lead-in's treatment as its subject; an item
        # that is a sentence of its own, "Studies on hydrolyzed collagen have shown ...", names its own)
        return " and ".join(treatment_names(claim.lead_in)[:2])
    if claim.continues is None or not _ANAPHOR.search(claim.text):
        return None
    return " and ".join(treatment_names(claims[claim.continues].text)[:2]) or None


def _named_before(n: int, claims: list[Claim], title: str | None) -> str | None:
    """The last treatment named by its own name (not its kind: "supplement", "treatment", "analgesics") in the claims
    before the n-th, else in the article's title: what "the supplement" or "It" of a later sentence is."""
    for text in [c.text for c in reversed(claims[:n])] + [title or ""]:
        named = [t for t in treatment_names(text) if t.lower() not in _KIND_WORDS]
        if named:
            return named[0]
    return None


# A treatment named by its kind ("the drugs", "these drugs", "none of the analgesics") after the article named it: the
# kind words (the search's generic treatments and the painkiller words), and the definite or pointing words that make them
# stand for the treatment named before.
_KIND_WORDS = _GENERIC_TREATMENT | {"analgesic", "analgesics", "painkiller", "painkillers", "pain reliever", "pain relievers"}
_KIND_ANAPHOR = re.compile(r"\b(?:the|these|those|such|this|that)\s+(?:[\w-]+\s+)?(?:drugs?|medicines?|medications?|pills?|"
                           r"painkillers?|analgesics?|pain relievers?)\b|\bthem\b", re.I)


def as_named(claim: Claim, treatment: str) -> Claim:
    """The claim with its kind word and pointer ("the drugs") read as the treatment they stand for, for its matches and
    its PubMed search ("the drugs offered little benefit" -> "anti-inflammatory drugs offered little benefit")."""
    return dataclasses.replace(claim, text=_KIND_ANAPHOR.sub(treatment, claim.text, count=1))


def _kind_anaphor(n: int, claims: list[Claim], title: str | None) -> str | None:
    """The treatment a claim names only by its kind and a pointing word ("the drugs offered little to no benefit" after
    "anti-inflammatory drugs such as ibuprofen"): the last one named by its own name before it, else None."""
    names = treatment_names(claims[n].text)
    if not names or any(x.lower() not in _KIND_WORDS for x in names) or not _KIND_ANAPHOR.search(claims[n].text):
        return None
    return _named_before(n, claims, title)


def _cited_work(cited: list[Reference]) -> tuple[str, int, str] | None:
    """(first author's surname, year, title) of the one listed work a claim cites, when its entry gives all three."""
    works = [r for r in cited if r.kind == "list" and r.authors and r.year and r.title]
    # (a person's name with initials, "Kent P" or "Kent, P.": not an organisation, "The Royal Australian College ...", nor a
    # name with a label left before it, "The study: Kent P")
    if len(works) != 1 or len({id(r) for r in cited}) != 1 or not _PERSON.match(works[0].authors[0]):
        return None
    surname = surname_key(works[0].authors[0])
    return (surname, works[0].year, works[0].title) if re.search(r"[a-z]", surname) else None


_PERSON = re.compile(r"^(?:(?:van|von|de|der|den|da|di|le|la|du|dos|del)\s+){0,2}[A-Z][\w'\u2019\-]+(?:\s[A-Z][\w'\u2019\-]+)?,?\s+"
                     r"(?:[A-Z]\.?\s?-?){1,3}$")


def _search_context(n: int, claims: list[Claim]) -> Claim | None:
    """The claim whose subject a claim that names none is about, for its PubMed search: the claim before (for the
    first, the one after), except where that is another item of the same list: "Steer clear of contact sports" is
    not about the insoles of the item above, but about what the list's lead-in names ("If you have arthritis
    (ARUK 2014):"); and a sentence right after a list ("These gains are tied to ...") is about the lead-in, not
    the last item. A lead-in that names no subject leaves the claim before as it was."""
    claim = claims[n]
    near = claims[n - 1] if n else (claims[1] if len(claims) > 1 else None)
    # a bullet that ends its lead-in's sentence ("Clinical trials demonstrate that chiropractic care:" / "- Improves
    # pain") has the lead-in as its subject, whatever stands next to it
    lead_in = claim.lead_in if claim.cue == STEM_CUE else None
    if claim.continues is not None:
        # a result that goes on from a claim in its own item ("After treatment, two in three ...") is about that claim
        return claims[claim.continues]
    if (lead_in is None and near is not None and near.lead_in
            and (claim.lead_in == near.lead_in or (not claim.lead_in and n > 0))):
        lead_in = near.lead_in
    if lead_in:
        lead = Claim(text=lead_in.rstrip(": "), cue="")
        if search_subject(lead):
            return lead
    return near


def check_article(store: Store, text: str, *, html: bool = False, limit: int = 3,
                  published_only: bool = False, claim_model: bool = True,
                  reference_model: bool | None = None) -> dict[str, Any]:
    """Claims (with matches, strength and overstatement flags) and references of one article.

    ``published_only`` matches only studies with a published card (what the public web page may show),
    so "not in the hub" and the overstatement flags rest on the same studies the reader sees.

    ``claim_model=False`` finds claims by the rules alone, without the learned claim-sentence model (for the
    benchmark's before/after).

    ``reference_model`` runs the learned reference-entry fallback (``reference_model.py``: lines the rules did
    not take that the model reads as entries are added as references); ``None`` follows
    ``REFERENCE_MODEL_DEFAULT`` (off: on the held-out pages it found nothing more, docs/check.md).

    ``html=True`` extracts the article from a web page; a full HTML document passed as text (it starts
    with ``<!doctype html`` or ``<html``) is extracted too, since no article begins that way.
    """
    body = article_text(text, html=True if html else None)
    doc = parse_document(body)
    if REFERENCE_MODEL_DEFAULT if reference_model is None else reference_model:
        # the learned fallback only adds entry lines the rules left out (reference_model.py)
        doc = add_model_references(body, doc)
    claims = find_claims(doc.sentences, learned=claim_model)[:MAX_CLAIMS]
    strengths = claim_strength([c.text for c in claims])
    refs = parse_reference_list(doc.reference_lines)
    refs += inline_references(doc.sentences, refs)
    refs = organisation_links(doc.sentences, refs, body, own_hosts(text))
    refs = merge_linked_citations(doc.sentences, refs)
    refs = header_citations(body, refs)
    prose = " ".join(s.text for s in doc.sentences)
    refs = merge_misspelt(prose, title_citations(prose, refs))
    # the page's own citation (a "To cite:" line naming its title, a repost's journal header) stays in the list as the
    # article itself, never a claim's source
    refs = mark_own_citation(body, [doc.title or ""] + doc.headings, refs)
    cited_refs = [r for r in refs if r.kind != "self"]
    ids = [hub_id(store, r) for r in refs]
    ref_index = {id(r): i for i, r in enumerate(refs)}

    # A news story about one paper ends with its "Source:"; every research claim without a citation of its
    # own is about that paper (not an organisation's statement, which has its own source).
    papers = [r for r in cited_refs if r.kind != "web" and (r.doi or r.pmid or r.journal)]
    # (a press release or an organisation page listed beside the paper is not another study)
    only_paper = papers[0] if len(papers) == 1 and all(r is papers[0] or r.kind == "web" for r in cited_refs) else None

    out_claims = []
    cited_by: list[list[Reference]] = []
    # the condition the article is about: its title's, else the one its sentences name most often (a page
    # whose title is a site's name or a tag still speaks of fibromyalgia throughout)
    title_condition = claim_condition_of(doc.title or "") or _most_named_condition(doc.sentences)
    article_words = {stem(w) for w in re.findall(r"[a-z][a-z\-]+", " ".join([doc.title or ""] + [s.text for s in doc.sentences]).lower())}
    for n, (claim, strength) in enumerate(zip(claims, strengths)):
        cited = _cited(claim.sources, claim.citations, cited_refs, claim.text, claim.year)
        if not cited and claim.continues is not None:
            cited = list(cited_by[claim.continues])
        if (not cited and only_paper is not None and not any(x["kind"] == "organisation" for x in claim.sources)
                and claim.year in (None, only_paper.year) and not _OTHER_RESEARCH.search(claim.text)):
            cited = [only_paper]
        cited_by.append(cited)
        year_from = "text" if claim.year else None
        if claim.year is None:
            claim.year = next((r.year for r in cited if r.year), None)
            year_from = "reference" if claim.year else None
        design_from = "text" if claim.design not in (None, "study", "research") else None
        stated = claim.design
        claim.design = design_from_references(claim.design, cited)
        if design_from is None and claim.design is not None:
            design_from = "reference" if claim.design != stated else "text"
        # a sentence naming no condition is about the one the claim before it, or the article's title, names
        # ("injury"/"injuries" alone is too broad to hold a sentence to)
        context = next((c for c in (claim_condition_of(claims[n - 1].text) if n else None, title_condition)
                        if c and c not in ("injury", "injuries")), None)
        own = _own_condition(claim.population)
        if own:
            # "massage therapy for people with cancer may lessen pain" under a back-pain paragraph names its own
            # people: it is held to them, not to back pain (and its PubMed search is not about back pain)
            context = None
        cited_ids = [i for i in (ids[ref_index[id(r)]] for r in cited) if i is not None]
        # the search holds a claim that names no condition to its article's: a study of another condition is no
        # evidence for "Working nights" under "Factors linked with seeking care [for back pain]" (the stance said so,
        # and the summary still counted the claim as having evidence in the hub)
        kind_of = _kind_anaphor(n, claims, doc.title)
        # (searched and tested as the treatment it stands for: "the drugs" are the NSAIDs named before)
        asked = as_named(claim, kind_of) if kind_of else claim
        m = match_claim(store, asked, limit=limit, cited_ids=list(dict.fromkeys(cited_ids)), published_only=published_only,
                        context_condition=context)
        claim_stance, stance_reason, reasons = stance_of(
            store, claim, m["matches"], lambda about, c=claim, s=strength: overstatement(c, s, about),
            context_condition=context, article_words=article_words, states_effect=strength != "not a claim",
            carried_treatment=_carried_treatment(claim, claims) or kind_of, own_condition=own)
        d = claim.as_dict()
        d.update({
            "year_from": year_from,
            "design_from": design_from,
            # the strength model's "not a claim" means the sentence states no relationship; the check has
            # already found it to be a research claim, so the page must not say "not a claim" under it
            "strength": "no relationship stated" if strength == "not a claim" else strength,
            "certainty_words": certainty_words(claim.text),
            "overstated": bool(reasons),
            "overstated_reasons": reasons,
            "references": [ref_index[id(r)] for r in cited],
            "matches": m["matches"],
            "relaxed": m["relaxed"],
            "match_note": m["note"],
            "missing": None if m["matches"] else "not in the hub",
            "stance": claim_stance,
            "stance_reason": stance_reason,
            "pubmed_query": pubmed_query(asked, _search_context(n, claims), condition=own or context,
                                         named=_named_before(n, claims, doc.title), cited=_cited_work(cited)),
        })
        out_claims.append(d)

    out_refs = []
    for r, sid in zip(refs, ids):
        d = r.as_dict()
        d["in_hub"] = sid
        out_refs.append(d)
    return summarise({"title": doc.title or None, "claims": out_claims, "references": out_refs})
