"""A tiny invented corpus for the search tests (made-up titles and abstracts, not real papers).

Records go in through the real import pipeline; appraisal rows and card statuses are written
straight into their tables so the search tests do not depend on the appraiser's rules.
"""
from __future__ import annotations

import json

from physiohub.ingest.pipeline import import_records
from physiohub.models import AbstractSection, MeshHeading, Record

# key: (title, abstract, year, design, evidence, verdict, research_type, topics, body_regions, extra)
STUDIES = {
    "achilles": ("Progressive tendon loading for Achilles tendinopathy: a randomised controlled trial",
                 "Sixty runners with painful Achilles tendons did heavy slow loading or rest. Loading "
                 "reduced tendon pain at twelve weeks.", 2019, "randomised controlled trial", "Moderate",
                 "Supports", "Primary study", ["Exercise & Loading"], ["ankle & foot"], {}),
    "patellar": ("Eccentric exercise versus shockwave for patellar tendinopathy: a systematic review",
                 "We pooled nine trials of jumpers with knee tendon pain. Eccentric squats helped in some "
                 "outcomes but not others.", 2021, "systematic review", "Strong", "Mixed picture",
                 "Review of studies", ["Exercise & Loading", "Passive Treatments"], ["knee"], {}),
    "education": ("Pain neuroscience education for chronic low back pain: a meta-analysis",
                  "Teaching people how pain works lowered disability in persistent back pain across "
                  "fourteen trials.", 2022, "meta-analysis", "Strong", "Supports", "Review of studies",
                  ["Pain Science & Education"], ["low back"], {}),
    "manip": ("Spinal manipulation for acute neck pain: a randomised trial",
              "Thrust manipulation of the cervical spine was compared with advice. Neck pain scores did "
              "not differ between groups.", 2015, "randomised controlled trial", "Moderate",
              "No clear difference", "Primary study", ["Manual Therapy"], ["neck"], {}),
    "steroid": ("Corticosteroid injection for shoulder impingement: a cohort study",
                "Adults receiving a subacromial steroid injection were followed for a year. Relief was "
                "short lived.", 2018, "cohort", "Limited", "Mixed picture", "Primary study",
                ["Medication & Injections"], ["shoulder"], {}),
    "meniscus": ("Arthroscopic surgery versus physiotherapy for degenerative meniscal tears",
                 "Middle-aged patients with knee meniscus tears had keyhole surgery or supervised "
                 "physiotherapy. Surgery was not better.", 2016, "randomised controlled trial", "Moderate",
                 "Does not support", "Primary study", ["Surgery vs Rehabilitation"], ["knee"], {}),
    "mri": ("Imaging findings in adults without back symptoms",
            "Disc bulges on magnetic resonance scans were common in people with no back pain at all.",
            2014, "cross-sectional", "Limited", "Too early to tell", "Primary study",
            ["Imaging & Diagnosis"], ["low back"], {}),
    "fear": ("Fear avoidance beliefs predict disability in chronic neck pain",
             "Catastrophising and fear of movement at baseline predicted disability one year later.",
             2020, "cohort", "Limited", "Supports", "Primary study",
             ["Psychological Factors", "Prognosis & Risk"], ["neck"], {"retracted": True}),
    "sleep": ("Sleep quality and widespread pain in fibromyalgia",
              "Poor sleep went together with more widespread pain and fatigue in a survey of women.",
              2023, "cross-sectional", "Limited", "Mixed picture", "Primary study", ["Lifestyle"],
              ["widespread pain"], {}),
    "telehealth": ("Telehealth exercise programme for hip osteoarthritis: a pilot trial",
                   "A video-call strengthening programme for hip arthritis was feasible; effects on pain "
                   "remain uncertain.", 2024, "randomised controlled trial", "Limited", "Too early to tell",
                   "Primary study", ["Digital & Remote Care", "Exercise & Loading"], ["hip"], {}),
    "wrist": ("Return to work after distal radius fracture: a case series",
              "Office workers returned to their jobs about eight weeks after a broken wrist.", 2012,
              "case series", "Limited", "Too early to tell", "Primary study", ["Work & Function"],
              ["wrist & hand"], {}),
    "elbow": ("Taping and massage compared with wait and see for lateral elbow pain",
              "Neither taping nor massage beat watchful waiting for tennis elbow at six weeks.", 2017,
              "randomised controlled trial", "Moderate", "No clear difference", "Primary study",
              ["Passive Treatments"], ["elbow"], {"keywords": ["epicondylalgia"],
                                                   "mesh": ["Tennis Elbow"]}),
}
PUBLISHED = ("achilles", "education", "meniscus")


def build(store) -> dict[str, int]:
    """Import the corpus, write appraisals and cards; return {key: study id}."""
    records = []
    for key, (title, abstract, year, *_rest, extra) in STUDIES.items():
        records.append(Record(
            source_format="jsonl", source_id=f"inv-{key}", title=title,
            abstract_sections=[AbstractSection(text=abstract)], year=year,
            retracted=extra.get("retracted", False), keywords=extra.get("keywords", []),
            mesh=[MeshHeading(descriptor=m) for m in extra.get("mesh", [])],
        ))
    import_records(store, records, file="invented")
    ids = {r["source_id"][4:]: r["id"] for r in store.query("SELECT id, source_id FROM studies")}
    now = "2025-01-01T00:00:00"
    with store.atomic() as conn:
        for key, (_, _, _, design, evidence, verdict, rtype, topics, regions, _) in STUDIES.items():
            sid = ids[key]
            conn.execute(
                "INSERT INTO appraisals(study_id, data, generator, version, design, evidence, verdict,"
                " research_type, primary_topic, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (sid, json.dumps({"design": design}), "test", "1", design, evidence, verdict, rtype,
                 topics[0], now),
            )
            for i, t in enumerate(topics):
                conn.execute("INSERT INTO appraisal_topics(study_id, kind, value, is_primary) VALUES (?,?,?,?)",
                             (sid, "topic", t, int(i == 0)))
            for r in regions:
                conn.execute("INSERT INTO appraisal_topics(study_id, kind, value, is_primary) VALUES (?,?,?,0)",
                             (sid, "body_region", r))
            status = "published" if key in PUBLISHED else "draft"
            conn.execute("INSERT INTO cards(study_id, status, data, generator, version, updated_at)"
                         " VALUES (?,?,?,?,?,?)", (sid, status, "{}", "test", "1", now))
    return ids


def test_corpus_builds(store):
    ids = build(store)
    assert len(ids) == len(STUDIES)
    assert store.query_one("SELECT count(*) FROM studies_fts")[0] == len(STUDIES)
