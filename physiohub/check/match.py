"""The hub's best studies for a claim, with their badges; or "not in the hub" and a PubMed query.

Search goes through ``physiohub.search.search`` (hybrid BM25 + embeddings). The claim's stated year
becomes a year filter (±1: news reports a paper the year it appears or the next), and its design and
topic become search filters too (a "meta-analysis" claim wants systematic reviews or meta-analyses). When
nothing passes, constraints are dropped one at a time — topic first (our least reliable reading of lay
text), then year, then design — and the claim says which were dropped. A hit counts as a match only
if its embedding is close enough to the claim's (cosine ≥ ``COSINE_MIN``, or ≥ ``COSINE_WITH_WORDS``
when it also holds half of the claim's IDF-weighted content words), or — in a hub without embeddings —
if it shares at least half of those words, so an unrelated nearest neighbour is never shown as the
evidence. The ``relevance`` of a match is that cosine (or word share). If the search module is not installed the
same steps run on the store's FTS5 BM25 index directly.
"""
from __future__ import annotations

import json
import math
import re
from typing import Any

from ..search.cache import unchanged
from ..store import Store
from .claims import Claim, finding_clause
from .lexicon import CONDITION_ABBREVIATIONS, CONDITIONS
from .pubmed import PUBMED_DESIGN, pubmed_query  # noqa: F401  (re-exported: the checker and tests import them here)

DESIGN_FILTER: dict[str, set[str]] = {
    "meta-analysis": {"meta-analysis", "systematic review"},
    "systematic review": {"systematic review", "meta-analysis"},
    "randomised trial": {"randomised controlled trial"},
    "trial": {"randomised controlled trial", "non-randomised controlled trial"},
    "cohort study": {"cohort"},
    "observational study": {"cohort", "case-control", "cross-sectional"},
    "review": {"systematic review", "meta-analysis", "scoping review", "narrative review"},
}
# Words a claim's frame contributes that say nothing about its subject.
_GENERIC = set("""study studies research researchers review reviews trial trials evidence found find finds shows show showed
shown suggests suggest suggested new recent recently published journal according people patients participants data analysis
scientists team university year years may might can could also more less than those who which whose after this that were
been have has had does did meta systematic randomised randomized controlled cohort clinical science paper experts say says
said reported report reports proves proved proven helps according lead author senior first earlier likely
reduce reduces reduced improve improves improved increase increases increased lower lowers lowered cut cuts help helped
cause causes caused prevent prevents prevented linked associated effect effects better worse less fewer before after
during twice once week weeks month months day days every who did does most some all many""".split())
RELEVANCE_MIN = 0.5   # share of the claim's content words a match must contain (hub without embeddings)
COSINE_MIN = 0.5      # embedding cosine a match must reach (tuned on SciFact train claims: bench/tune_check_gate.py)
COSINE_WITH_WORDS = 0.4  # ... or this much cosine plus RELEVANCE_MIN of the IDF-weighted words
POOL = 30             # hits fetched per search stage, before the relevance gate


def stem(word: str) -> str:
    """A light suffix stripper (plural, -ing, -ed, -ly): enough to match "runners"/"running"/"run"."""
    w = word.lower()
    for suf in ("ations", "ation", "ings", "ing", "ers", "er", "ies", "es", "ed", "ly", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def content_words(text: str) -> list[str]:
    from ..search.query import tokenize

    seen: dict[str, None] = {}
    for t in tokenize(text):
        if len(t) > 2 and not t.isdigit() and t not in _GENERIC:
            seen.setdefault(t, None)
    return list(seen)


# the last words before ", which research suggests ..." (the noun the finding is about)
_WHICH = re.compile(r"((?:[\w'-]+\s+){0,2}[\w'-]+),\s+(?:which|that)(?:\s+[\w'-]+){0,4}\s*$", re.I)


def claim_query(claim: Claim) -> str:
    """What to search for: the claim's finding (without its reporting frame, names, year, citation
    markers and links), plus its population when the frame held it ("In a trial of 812 footballers, ...").
    A bare statement (no cue: a SciFact claim, a pasted sentence) is searched whole."""
    text = finding_clause(claim.text) if claim.cue else claim.text
    if text != claim.text and text in claim.text:
        # "They give you vitamin C, which some research suggests slows the progression of osteoarthritis": what the
        # research found is about the thing the relative clause hangs on, which the finding clause leaves out
        which = _WHICH.search(claim.text[: claim.text.index(text)])
        if which:
            text = f"{which.group(1)} {text}"
    for src in claim.sources:   # names of authors, journals and institutions say nothing about the subject
        if src["kind"] in ("author", "journal", "institution"):
            text = text.replace(src["value"], " ")
    text = re.sub(r"https?://\S+|\b10\.\d{4,9}/\S+", " ", text)
    text = re.sub(r"\[[\d,\s\u2013-]+\]|\([A-Z][^()]{0,60}\b(?:19|20)\d{2}[a-z]?\)", " ", text)
    text = re.sub(r"\b(?:19|20)\d{2}\b", " ", text)
    if claim.population and claim.population.lower() not in text.lower():
        text = f"{text} {re.sub(r'^[0-9,]+ ', '', claim.population)}"
    return " ".join(text.split())


def _title_and_sections(store: Store, study_id: int) -> tuple[str, list[dict]] | None:
    row = store.query_one("SELECT title, record FROM studies WHERE id = ?", (study_id,))
    if not row:
        return None
    return (row["title"] or "").strip(), json.loads(row["record"]).get("abstract_sections", [])


def _joined(title: str, sections: list[dict]) -> str:
    abstract = " ".join(s.get("text", "") for s in sections)
    # a title without a full stop would be read as the first words of the abstract's first sentence
    sep = " " if not title or title[-1] in ".?!" else ". "
    return f"{title}{sep}{abstract}" if abstract else title


def _hit_text(store: Store, study_id: int) -> str:
    got = _title_and_sections(store, study_id)
    return _joined(*got) if got else ""


def study_text(store: Store, study_id: int) -> str:
    """A hub study's title and abstract as one text."""
    return _hit_text(store, study_id)


_FINDING_LABEL = re.compile(r"result|finding|conclu|interpretation|discussion|implication|summary|main outcome", re.I)
_FRAME_LABEL = re.compile(r"background|context|introduction|objective|aim|purpose|method|design|setting|participant|"
                          r"intervention|measure|registration|funding", re.I)
# Sentences that state what others found, what the study set out to do or how it was done: none is its result.
_NOT_FINDING = re.compile(r"^(?:(?:previous|prior|earlier|several|many|few|some|other) (?:studies|trials|reviews)|"
                          r"studies have|it has been|there is (?:little|limited|no|some) evidence|"
                          r"(?:the |this )?(?:main )?(?:aim|objective|purpose|goal)s?\b|to (?:determine|assess|evaluate|"
                          r"investigate|examine|compare|find out)|we (?:aimed|sought|randomi[sz]ed|recruited|enrolled|"
                          r"included|searched|investigated|examined|evaluated|assessed|conducted)|(?:participants|patients|"
                          r"subjects|women|men|adults|children) (?:were|was) (?:randomi[sz]ed|recruited|enrolled|"
                          r"allocated|assigned|included))", re.I)


def study_text_and_findings(store: Store, study_id: int) -> tuple[str, list[str]]:
    """A study's title and abstract as one text, and the sentences of the abstract that state its own
    results and conclusions: its labelled RESULTS / CONCLUSIONS sections when it has them, else its
    sentences less background, aims and methods. A stance read off "Few studies have evaluated X" or "We
    randomised 120 adults" would quote the study saying what it never found. One read of the record."""
    from ..text import split_sentences

    got = _title_and_sections(store, study_id)
    if got is None:
        return "", []
    title, sections = got
    labelled = [s for s in sections if s.get("label")]
    if labelled and any(_FINDING_LABEL.search(s["label"]) for s in labelled):
        texts = [s.get("text", "") for s in sections if s.get("label") and _FINDING_LABEL.search(s["label"])]
    else:
        texts = [s.get("text", "") for s in sections if not (s.get("label") and _FRAME_LABEL.search(s["label"]))]
    findings = [x for t in texts for x in split_sentences(t) if not _NOT_FINDING.search(x.strip())]
    return _joined(title, sections), findings


# Per database: word -> idf. Emptied whenever anyone has committed since this connection last looked
# (``search.cache.unchanged``: an import, say), so the frequencies never describe an older hub.
_DF_CACHE: dict[str, dict[str, float]] = {}


def idf(store: Store | None, word: str) -> float:
    """Inverse document frequency of a word in the hub (FTS5 counts it), cached per database state."""
    if store is None:
        return 1.0
    words = _DF_CACHE.setdefault(store.url, {})
    if not unchanged(store, "check-idf") or len(words) > 100_000:
        words.clear()
    if word not in words:
        n = store.query_one("SELECT count(*) FROM studies")[0] or 1
        df = store.dialect.fts_doc_frequency(store.conn, '"' + word.replace('"', "") + '"')
        words[word] = math.log((n + 1) / (df + 0.5))
    return words[word]


def relevance(words: list[str], text: str, store: Store | None = None) -> float:
    """Share of the claim's content words found in ``text``, each weighted by its rarity in the hub
    (a match on "tendinopathy" says more than one on "pain")."""
    if not words:
        return 0.0
    have = {stem(t) for t in re.findall(r"[^\W_]+", text.lower())}
    weights = [max(idf(store, w), 0.0) for w in words]
    total = sum(weights) or 1.0
    return sum(wt for w, wt in zip(words, weights) if stem(w) in have) / total


def semantic_scorer(store: Store, query: str):
    """cosine(query, study) from the hub's embeddings, or None when the hub has none (or no model)."""
    from ..search import embed, vectors

    if store.query_one("SELECT 1 FROM embeddings LIMIT 1") is None or not embed.model_available():
        return None
    qv = embed.get_embedder().encode([query])[0]

    def cosine(study_id: int) -> float | None:
        v = vectors.study_vector(store, study_id)
        return None if v is None else float(v @ qv)

    return cosine


def _search(store: Store, query: str, filters: dict[str, Any], limit: int, mode: str = "hybrid") -> list[dict]:
    from ..search import search

    return search(store, query, mode=mode, limit=limit, filters=filters)["hits"]


def appraisal_of(store: Store, study_id: int) -> dict | None:
    from ..appraise.persist import get_appraisal

    return get_appraisal(store, study_id)


def _badged(store: Store, hit: dict, rel: float, *, cited: bool = False) -> dict:
    a = appraisal_of(store, hit["id"]) or {}
    row = store.query_one("SELECT pmid, doi FROM studies WHERE id = ?", (hit["id"],))
    return {
        "id": hit["id"], "source_id": hit.get("source_id"), "title": hit.get("title"), "year": hit.get("year"),
        "pmid": row["pmid"] if row else None, "doi": row["doi"] if row else None,
        "design": a.get("design", hit.get("design")), "research_type": a.get("research_type", hit.get("research_type")),
        "evidence": a.get("evidence", hit.get("evidence")), "verdict": a.get("verdict", hit.get("verdict")),
        "topics": a.get("topics", hit.get("topics") or []), "retracted": bool(a.get("retracted", hit.get("retracted"))),
        "n_participants": a.get("n_participants"), "n_studies": a.get("n_studies"),
        "score": hit.get("score"), "relevance": round(rel, 2), "cited": cited,
    }


def _relevant(share: float, n_words: int, cosine: float | None) -> bool:
    """The gate: embedding cosine when the hub has vectors (paraphrase-proof) — or a lower cosine with
    the claim's rarer words present too; word overlap alone when the hub has no vectors."""
    if cosine is not None:
        return cosine >= COSINE_MIN or (cosine >= COSINE_WITH_WORDS and share >= RELEVANCE_MIN)
    return share >= RELEVANCE_MIN


def claim_condition(claim: Claim) -> str | None:
    """The condition the claim names ("fibromyalgia", "knee osteoarthritis"), the longest first."""
    return claim_condition_of(claim.text)


_ABBREVIATION = re.compile(r"\b(" + "|".join(CONDITION_ABBREVIATIONS) + r")\b")


# Lay and clinical ways of naming osteoarthritis of one joint: "arthritic hips", "arthritis of the knee", "hip
# arthritis", "osteoarthritis in both knees". (Popular pages mean osteoarthritis by a joint's "arthritis"; read as the
# bare "arthritis", a hip claim was answered by a trial of the lumbar spine.)
_JOINT_ARTHRITIS = re.compile(r"\b(?:osteo)?arthritic (hip|knee)s?\b"
                              r"|\b(?:osteo)?arthritis (?:of|in) (?:the |their |your |his |her |both |one |an? )?(hip|knee)s?\b"
                              r"|\b(hip|knee)s? arthritis\b", re.I)


# Lay ways of naming a tendon's trouble: "tendon pain", "a tendon injury", "painful Achilles tendons" (a tendinopathy, as
# the condition list and the papers name it; "tendon rupture" and "tendon transfer" are other things).
_TENDON_TROUBLE = re.compile(r"\b(?:(achilles|patellar)\s+)?tendons?\s+(?:pain|injur(?:y|ies)|problems?|trouble)\b"
                             r"|\b(?:painful|sore|injured|irritated)\s+(?:(achilles|patellar)\s+)?tendons?\b", re.I)


def _tendinopathy(m: re.Match) -> str:
    joint = m.group(1) or m.group(2)
    return f"{joint.lower()} tendinopathy" if joint else "tendinopathy"


def spell_out_conditions(text: str) -> str:
    """The text with condition abbreviations written out ("knee OA" -> "knee osteoarthritis")."""
    return _ABBREVIATION.sub(lambda m: CONDITION_ABBREVIATIONS[m.group(1)], text)


def name_conditions(text: str) -> str:
    """The text with its conditions named as the condition list names them, for matching: abbreviations written out
    and a joint's arthritis named as its osteoarthritis ("arthritic hips" -> "hip osteoarthritis")."""
    return _TENDON_TROUBLE.sub(_tendinopathy, _JOINT_ARTHRITIS.sub(_joint_osteoarthritis, spell_out_conditions(text)))


_OTHER_ARTHRITIS = re.compile(r"\b(?:rheumatoid|psoriatic|septic|inflammatory|juvenile|reactive|gouty|infectious)\s*$", re.I)


def _joint_osteoarthritis(m: re.Match) -> str:
    if _OTHER_ARTHRITIS.search(m.string[:m.start()]):
        return m.group(0)   # "rheumatoid arthritis of the knee" is no osteoarthritis
    return f"{(m.group(1) or m.group(2) or m.group(3)).lower()} osteoarthritis"


def claim_condition_of(text: str) -> str | None:
    """The condition a text names, the longest first ("knee OA" names knee osteoarthritis)."""
    low = name_conditions(text).lower()
    return next((c for c in CONDITIONS if re.search(rf"\b{re.escape(c)}\b", low)), None)


def narrowed_condition(own: str | None, context: str | None) -> str | None:
    """The condition a claim is held to: its own, unless its own is only the general name of the one its article is
    about ("arthritis" or "osteoarthritis" on a page about hip osteoarthritis: the page's)."""
    if own and context and own != context and about_condition(own, context):
        return context
    return own or context


def about_condition(condition: str, text: str) -> bool:
    """Does a study's title and abstract speak of the condition (every word of it, in any order:
    "osteoarthritis of the knee" is about "knee osteoarthritis")?"""
    words = set(re.findall(r"[^\W_]+", name_conditions(text).lower()))
    have = {stem(t) for t in words}
    # "arthritis" is spoken of by a study of "osteoarthritis" (a longer word ending in it)
    return all(stem(w) in have or (len(w) >= 6 and any(t.endswith(w) for t in words))
               for w in re.findall(r"[^\W_]+", condition.lower()))


def match_claim(store: Store, claim: Claim, *, limit: int = 3, cited_ids: list[int] | None = None,
                gate: bool = True, mode: str = "hybrid", published_only: bool = False,
                context_condition: str | None = None) -> dict[str, Any]:
    """{matches, relaxed, note, query}; the claim's own cited studies (if in the hub) come first. A claim that names
    no condition is held to ``context_condition``, the one its article (or the claim before it) is about."""
    query = claim_query(claim)
    words = content_words(query)
    stages: list[tuple[list[str], bool, bool, bool]] = []   # (dropped, use_year, use_design, use_topic)
    use_year, use_design, use_topic = claim.year is not None, claim.design in DESIGN_FILTER, claim.topic is not None
    stages.append(([], use_year, use_design, use_topic))
    dropped: list[str] = []
    for name, on in (("topic", use_topic), ("year", use_year), ("design", use_design)):
        if on:
            dropped = dropped + [name]
            stages.append((dropped, use_year and "year" not in dropped, use_design and "design" not in dropped,
                           use_topic and "topic" not in dropped))
    matches: list[dict] = []
    if published_only and cited_ids:
        marks = ", ".join("?" * len(cited_ids))
        shown = {r[0] for r in store.query(f"SELECT study_id FROM cards WHERE status = 'published' AND study_id IN ({marks})",
                                           tuple(cited_ids))}
        cited_ids = [i for i in cited_ids if i in shown]
    for cid in cited_ids or []:
        matches.append(_badged(store, {"id": cid}, relevance(words, _hit_text(store, cid), store), cited=True))
    relaxed: list[str] = []
    found: list[dict] = []
    if not words:
        # nothing to search for (a query of stopwords makes search browse the newest studies)
        return {"matches": matches, "relaxed": [], "note": None, "query": query}
    scorer = semantic_scorer(store, query) if gate else None
    condition = narrowed_condition(claim_condition(claim), context_condition)
    off_condition = 0   # relevant studies dropped because they are about another condition
    for drop, y, d, t in stages:
        filters: dict[str, Any] = {}
        if y:
            filters = {"year_from": claim.year - 1, "year_to": claim.year + 1}
        if d:
            filters["design"] = sorted(DESIGN_FILTER[claim.design])
        if t:
            filters["topic"] = claim.topic
        if published_only:
            filters["status"] = "published"
        for hit in _search(store, query, filters, max(POOL, limit * 3), mode):
            if d and (hit.get("design") or "") not in DESIGN_FILTER[claim.design]:
                continue
            if t and claim.topic not in (hit.get("topics") or []):
                continue
            if any(m["id"] == hit["id"] for m in matches + found):
                continue
            rel = relevance(words, _hit_text(store, hit["id"]), store) if words else 0.0
            cos = scorer(hit["id"]) if scorer else None
            if gate and not _relevant(rel, len(words), cos):
                continue
            if condition and not about_condition(condition, _hit_text(store, hit["id"])):
                off_condition += 1   # a neck-pain review does not answer a fibromyalgia claim
                continue
            found.append(_badged(store, hit, rel if cos is None else cos))
            if len(found) >= limit:
                break
        if found:
            relaxed = drop
            break
    matches = (matches + found)[: max(limit, len(cited_ids or []))]
    note = None
    if found and relaxed:
        note = "nothing matched the stated " + " and ".join(relaxed) + "; shown without that constraint"
    if not found and condition and off_condition:
        # the hub may hold studies of the condition that answer other questions: say "none matches this claim"
        # then, and "no study on it" only when a search for the condition itself finds none about it
        on_it = any(about_condition(condition, _hit_text(store, h["id"]))
                    for h in _search(store, condition, {"status": "published"} if published_only else {}, 10, "bm25"))
        # (the studies dropped are not shown: the note says so, so "the closest" never points at nothing)
        note = (f"the hub has studies on {condition}, but none matches this claim; studies matching its words are about "
                f"other conditions and are not shown" if on_it
                else f"no study in the hub on {condition}; studies matching its words are about other conditions and are not shown")
    return {"matches": matches, "relaxed": relaxed, "note": note, "query": query}


