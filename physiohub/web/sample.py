"""A small invented hub for the web tests, the browser tests and the benchmark.

The studies are made up (no real abstract is copied); they have the shape of real ones: structured
abstracts, PMIDs and DOIs, authors, a title with inline markup, a retracted paper, and one hostile title.
Appraisals and cards are written through the agreed interfaces (``save_appraisal``, ``save_draft``,
``set_status``), so the hub reads them exactly as it reads machine-made ones.
"""
from __future__ import annotations

from typing import Any

from ..models import AbstractSection, Author, Record
from ..store import Store

HOSTILE_TITLE = "<script>alert(1)</script><img src=x onerror=alert(1)> Hostile title test"

_STUDIES: list[dict[str, Any]] = [
    {"key": "tendon", "pmid": "90000001", "doi": "10.9999/demo.0001", "year": 2023,
     "title": "Loading exercise that is allowed to hurt versus pain-free exercise for Achilles tendinopathy: a randomised trial",
     "sections": [("BACKGROUND", "BACKGROUND", "Exercise is the usual first treatment for Achilles tendinopathy."),
                  ("METHODS", "METHODS", "We randomised 120 adults with Achilles tendinopathy to loading that was allowed to hurt up to 5 out of 10 or to pain-free loading for 12 weeks."),
                  ("RESULTS", "RESULTS", "At 12 weeks the VISA-A score improved by 6 points more with painful loading (95% CI 1 to 11). Pain at rest did not differ between groups."),
                  ("CONCLUSIONS", "CONCLUSIONS", "Loading that is allowed to hurt a little may give a small extra benefit for function.")],
     "design": "randomised controlled trial", "research_type": "Primary study", "evidence": "Moderate",
     "verdict": "Mixed picture", "topics": ["Exercise & Loading", "Pain Science & Education"], "regions": ["ankle & foot"],
     "n": 120, "status": "published"},
    {"key": "backmeta", "pmid": "90000002", "doi": "10.9999/demo.0002", "year": 2022,
     "title": "Pain education combined with exercise for chronic low back pain: a systematic review and meta-analysis",
     "sections": [("OBJECTIVE", "OBJECTIVE", "To find out whether adding pain education to exercise helps people with chronic low back pain."),
                  ("METHODS", "METHODS", "We searched five databases and included 14 randomised trials with 1890 participants."),
                  ("RESULTS", "RESULTS", "Adding pain education reduced pain slightly in the short term (SMD -0.25, 95% CI -0.40 to -0.10). Certainty of evidence was moderate."),
                  ("CONCLUSIONS", "CONCLUSIONS", "Pain education probably adds a small short-term benefit to exercise.")],
     "design": "meta-analysis", "research_type": "Review of studies", "evidence": "Moderate", "verdict": "Supports",
     "topics": ["Pain Science & Education", "Exercise & Loading"], "regions": ["low back"], "n": 1890, "k": 14,
     "status": "published"},
    {"key": "knee", "pmid": "90000003", "doi": "10.9999/demo.0003", "year": 2021,
     "title": "Arthroscopic surgery or exercise therapy for degenerative meniscal tears in middle-aged patients",
     "sections": [("METHODS", "METHODS", "We randomised 140 adults with a degenerative meniscal tear to arthroscopic partial meniscectomy or 12 weeks of supervised exercise."),
                  ("RESULTS", "RESULTS", "Knee function at 2 years did not differ between the groups (mean difference 0.9 points, 95% CI -4.3 to 6.1)."),
                  ("CONCLUSIONS", "CONCLUSIONS", "Exercise therapy was as good as surgery at 2 years.")],
     "design": "randomised controlled trial", "research_type": "Primary study", "evidence": "Moderate",
     "verdict": "No clear difference", "topics": ["Surgery vs Rehabilitation", "Exercise & Loading"], "regions": ["knee"],
     "n": 140, "status": "published"},
    {"key": "markup", "pmid": "90000004", "doi": "10.9999/demo.0004", "year": 2020,
     "title": "Serum vitamin D3 and VO2max in adults with widespread pain: a cross-sectional study",
     "title_html": "Serum vitamin D<sub>3</sub> and VO<sub>2max</sub> in adults with <i>widespread</i> pain: a cross-sectional study",
     "sections": [("METHODS", "METHODS", "We measured vitamin D and fitness in 310 adults with widespread pain."),
                  ("RESULTS", "RESULTS", "Lower vitamin D went with lower fitness (r = 0.21)."),
                  ("CONCLUSIONS", "CONCLUSIONS", "The link is weak and cannot show cause and effect.")],
     "design": "cross-sectional", "research_type": "Primary study", "evidence": "Limited", "verdict": "Too early to tell",
     "topics": ["Lifestyle"], "regions": ["widespread pain"], "n": 310, "status": "published"},
    {"key": "retracted", "pmid": "90000005", "doi": "10.9999/demo.0005", "year": 2019, "retracted": True,
     "title": "Shockwave therapy for plantar heel pain: a randomised trial",
     "sections": [("METHODS", "METHODS", "We randomised 60 adults with plantar heel pain to shockwave or sham."),
                  ("RESULTS", "RESULTS", "Pain improved more with shockwave at 12 weeks (p = 0.01).")],
     "design": "randomised controlled trial", "research_type": "Primary study", "evidence": "Limited",
     "verdict": "Supports", "topics": ["Passive Treatments"], "regions": ["ankle & foot"], "n": 60, "status": "published"},
    {"key": "hostile", "pmid": "90000006", "doi": "10.9999/demo.0006", "year": 2024, "title": HOSTILE_TITLE,
     "sections": [("RESULTS", "RESULTS", "Neck pain improved with a home exercise app in 48 adults.")],
     "design": "case series", "research_type": "Primary study", "evidence": "Very limited", "verdict": "Too early to tell",
     "topics": ["Digital & Remote Care"], "regions": ["neck"], "n": 48, "status": "published"},
    {"key": "draft", "pmid": "90000007", "doi": "10.9999/demo.0007", "year": 2024,
     "title": "Secret unpublished draft about shoulder exercise dosing",
     "sections": [("METHODS", "METHODS", "We will compare two exercise doses in 80 adults with shoulder pain."),
                  ("CONCLUSIONS", "CONCLUSIONS", "This protocol describes the planned trial.")],
     "design": "protocol", "research_type": "Study protocol", "evidence": "Very limited", "verdict": "Too early to tell",
     "topics": ["Exercise & Loading"], "regions": ["shoulder"], "n": 80, "status": "draft"},
]


def _record(s: dict[str, Any]) -> Record:
    return Record(
        source_format="jsonl", source_id=s["pmid"], pmid=s["pmid"], doi=s["doi"], title=s["title"],
        title_html=s.get("title_html", s["title"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")),
        abstract_sections=[AbstractSection(text=t, label=lbl, category=cat) for lbl, cat, t in s["sections"]],
        authors=[Author(last="Example", fore="Alex", initials="A"), Author(last="Sample", fore="Sam", initials="S")],
        journal="Journal of Invented Physiotherapy", year=s["year"], pub_date=str(s["year"]),
        publication_types=["Journal Article"], language="eng", retracted=bool(s.get("retracted")),
        retraction_notes=["Retraction in: J Invented Physiother. 2020."] if s.get("retracted") else [],
    )


def _appraisal(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "design": s["design"], "design_reasons": [f"the methods describe a {s['design']}"],
        "research_type": s["research_type"], "evidence": s["evidence"],
        "evidence_reasons": [f"start: {s['design']}", f"result: {s['evidence']}"],
        "verdict": s["verdict"], "verdict_reasons": ["from the conclusion sentence"], "verdict_sentences": [],
        "n_participants": s.get("n"), "n_studies": s.get("k"), "followup": None, "key_numbers": [], "grade": [],
        "pico": {"population": [], "intervention": [], "comparison": [], "outcomes": []},
        "topics": s["topics"], "body_regions": s["regions"], "conditions": [], "retracted": bool(s.get("retracted")),
    }


def _card(s: dict[str, Any], record: Record) -> dict[str, Any]:
    findings = [t for lbl, _, t in s["sections"] if lbl == "RESULTS"]
    card = {
        "title": record.title_html,
        "upshot": {"question": f"What does this {s['design']} say about {s['topics'][0].lower()}?",
                   "answer": s["sections"][-1][2]},
        "badges": {"verdict": s["verdict"], "research_type": s["research_type"], "evidence": s["evidence"]},
        "key_points": [t for _, _, t in s["sections"]][:4],
        "methods": [{"label": "Design", "text": s["design"].capitalize()},
                    {"label": "Sample", "text": f"{s.get('n')} participants"}],
        "findings": findings,
        "limitations": [f"{s['evidence']} evidence: read the result with that in mind."],
        "why_it_matters": {"patients": "This is one study; talk to your physiotherapist about what fits you.",
                           "clinicians": "Weigh this result against the wider evidence.",
                           "readers": "A single study rarely settles a question."},
        "source": {"citation": f"Example A, Sample S. {record.journal}. {s['year']}.", "doi": s["doi"],
                   "pmid": s["pmid"], "url": f"https://doi.org/{s['doi']}"},
        "topics": {"primary": s["topics"][0], "others": s["topics"][1:]},
        "provenance": [
            {"path": "upshot.answer", "kind": "extracted", "sources": [f"s{_last_sentence(record)}"]},
            *[{"path": f"key_points.{i}", "kind": "extracted", "sources": [f"s{i}"]}
              for i in range(min(4, len(s["sections"])))],
            {"path": "methods.0", "kind": "templated", "sources": []},
        ],
        "generator": "sample", "version": "1",
    }
    return card


def _last_sentence(record: Record) -> int:
    from ..text import record_sentences

    return max(0, len(record_sentences(record)) - 1)


def fill(store: Store, *, copies: int = 1) -> dict[str, int]:
    """Add the sample studies (``copies`` times, for load tests); returns {key: study id} of the first copy."""
    from ..appraise.persist import save_appraisal
    from ..cards.review import save_draft, set_status
    from ..ingest.pipeline import import_records

    ids: dict[str, int] = {}
    for n in range(copies):
        batch = []
        for s in _STUDIES:
            s2 = dict(s)
            if n:
                s2.update(pmid=f"{int(s['pmid']) + 1000 * n}", doi=f"{s['doi']}.{n}", title=f"{s['title']} ({n})",
                          title_html=f"{s.get('title_html', s['title'])} ({n})")
            batch.append((s2, _record(s2)))
        import_records(store, [r for _, r in batch], file="sample")
        for s2, rec in batch:
            sid = store.query_one("SELECT id FROM studies WHERE pmid = ?", (s2["pmid"],))[0]
            save_appraisal(store, sid, _appraisal(s2))
            save_draft(store, sid, _card(s2, rec))
            if s2["status"] in ("in_review", "published"):
                set_status(store, sid, "in_review", "sample")
            if s2["status"] == "published":
                set_status(store, sid, "published", "sample")
            if n == 0:
                ids[s2["key"]] = sid
    return ids


# More invented studies for the screenshot and benchmark hub (not used by the tests' counts).
_MORE: list[dict[str, Any]] = [
    {"key": "neckmanual", "pmid": "90000011", "doi": "10.9999/demo.0011", "year": 2023, "status": "published",
     "title": "Spinal manipulation added to exercise for chronic neck pain: a randomised controlled trial",
     "sections": [("OBJECTIVE", "OBJECTIVE", "To test whether spinal manipulation adds to exercise for chronic neck pain."),
                  ("METHODS", "METHODS", "We randomised 182 adults with neck pain for more than 3 months to exercise alone or exercise plus manipulation for 8 weeks."),
                  ("RESULTS", "RESULTS", "Neck pain fell in both groups; the difference at 12 weeks was 0.4 points on a 0 to 10 scale (95% CI -0.2 to 1.0)."),
                  ("CONCLUSIONS", "CONCLUSIONS", "Adding manipulation to exercise made no clear difference to neck pain.")]},
    {"key": "fear", "pmid": "90000012", "doi": "10.9999/demo.0012", "year": 2022, "status": "published",
     "title": "Fear of movement and recovery after acute low back pain: a prospective cohort study",
     "sections": [("BACKGROUND", "BACKGROUND", "Fear of movement may slow recovery from low back pain."),
                  ("METHODS", "METHODS", "We followed 640 adults with acute low back pain for 12 months."),
                  ("RESULTS", "RESULTS", "Higher fear of movement at the start predicted more disability at 12 months (odds ratio 1.8, 95% CI 1.3 to 2.5)."),
                  ("CONCLUSIONS", "CONCLUSIONS", "Fear of movement is a risk factor for slow recovery.")]},
    {"key": "telehealth", "pmid": "90000013", "doi": "10.9999/demo.0013", "year": 2024, "status": "published",
     "title": "Video physiotherapy versus in-person care for knee osteoarthritis: a systematic review",
     "sections": [("OBJECTIVE", "OBJECTIVE", "To compare physiotherapy by video with in-person care for knee osteoarthritis."),
                  ("METHODS", "METHODS", "We included 9 randomised trials with 1104 participants."),
                  ("RESULTS", "RESULTS", "Pain and function were similar with video and in-person care (SMD 0.05, 95% CI -0.10 to 0.20). Certainty was low."),
                  ("CONCLUSIONS", "CONCLUSIONS", "Video care may be as good as in-person care, but the evidence is uncertain.")]},
    {"key": "sleep", "pmid": "90000014", "doi": "10.9999/demo.0014", "year": 2021, "status": "published",
     "title": "Sleep quality and shoulder pain intensity: a cross-sectional survey of office workers",
     "sections": [("METHODS", "METHODS", "We surveyed 412 office workers about sleep and shoulder pain."),
                  ("RESULTS", "RESULTS", "Poor sleep went with higher shoulder pain (r = 0.32)."),
                  ("CONCLUSIONS", "CONCLUSIONS", "Sleep and shoulder pain are linked, but the direction is unknown.")]},
    {"key": "injection", "pmid": "90000015", "doi": "10.9999/demo.0015", "year": 2020, "status": "published",
     "title": "Corticosteroid injection or exercise for lateral elbow pain: a randomised trial with one-year follow-up",
     "sections": [("METHODS", "METHODS", "We randomised 165 adults with lateral elbow pain to one corticosteroid injection or 8 weeks of exercise."),
                  ("RESULTS", "RESULTS", "Injection was better at 6 weeks, but at 52 weeks the exercise group had fewer recurrences (12% versus 44%)."),
                  ("CONCLUSIONS", "CONCLUSIONS", "Injection helps in the short term, but exercise gives better results over a year.")]},
]


def build_demo(store: Store, *, copies: int = 1) -> list[int]:
    """A demo hub for screenshots and load tests: the invented studies (not the hostile one) run through the
    real appraisal and card generators, indexed for search, and published (the protocol stays a draft)."""
    from .. import workflow
    from ..cards.review import set_status
    from ..ingest.pipeline import import_records
    from ..search import build_index

    studies = [s for s in _STUDIES + _MORE if s["key"] != "hostile"]
    for n in range(copies):
        recs = []
        for s in studies:
            s2 = dict(s)
            if n:
                s2.update(pmid=f"{int(s['pmid']) + 1000 * n}", doi=f"{s['doi']}.{n}")
            recs.append(_record(s2))
        import_records(store, recs, file="demo")
    workflow.refresh(store)
    build_index(store)
    keep_draft = {r[0] for r in store.query("SELECT id FROM studies WHERE title LIKE 'Secret unpublished%'")}
    ids = [r[0] for r in store.query("SELECT study_id FROM cards WHERE status != 'published' ORDER BY study_id")]
    published = []
    for sid in ids:
        if sid in keep_draft:
            continue
        set_status(store, sid, "in_review", "demo")
        set_status(store, sid, "published", "demo")
        published.append(sid)
    return published
