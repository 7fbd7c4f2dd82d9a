"""Topics, body regions and conditions from MeSH plus title, abstract and keywords, with reasons.

Each label has a set of phrases; a hit in the title or a major MeSH heading counts 3, in other MeSH
or keywords 2, in the abstract 1. Topics need a score of 2, so a single passing mention in the
abstract does not tag a study. The first topic is the primary one (the highest score).
"""
from __future__ import annotations

import re

from .doc import Doc

TOPICS = (
    "Exercise & Loading", "Pain Science & Education", "Manual Therapy", "Passive Treatments",
    "Medication & Injections", "Surgery vs Rehabilitation", "Imaging & Diagnosis", "Psychological Factors",
    "Lifestyle", "Work & Function", "Digital & Remote Care", "Prognosis & Risk",
)
BODY_REGIONS = ("low back", "neck", "shoulder", "elbow", "wrist & hand", "hip", "knee", "ankle & foot",
                "widespread pain", "general")


def _rx(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")", re.I)


_TOPIC_RX: dict[str, re.Pattern[str]] = {
    "Exercise & Loading": _rx(r"exercis|strength(?:ening)? training|resistance training|physical training|loading\b|"
                              r"eccentric|isometric|aerobic|pilates|yoga|tai chi|walking program|stretching|motor control training|"
                              r"graded activity|physical activity intervention|exercise therapy"),
    "Pain Science & Education": _rx(r"pain neuroscience|pain (?:science )?education|patient education|education(?:al)? (?:program|intervention|session)|"
                                    r"explain(?:ing)? pain|central sensiti[sz]|nocicepti|pain mechanisms?|reassurance|self-management|back school"),
    "Manual Therapy": _rx(r"manual therap|manipulat|mobili[sz]ation|chiropract|osteopath|massage therap|soft tissue (?:therapy|technique)|"
                          r"myofascial release|musculoskeletal manipulations"),
    "Passive Treatments": _rx(r"\btens\b|transcutaneous electrical|electrotherap|electrical stimulation|ultrasound therap|therapeutic ultrasound|"
                              r"shock ?wave|eswt|dry needling|acupunct|taping|kinesio|massage|laser therap|low-level laser|photobiomodulation|"
                              r"heat (?:therapy|wrap)|cryotherap|ice\b|traction|orthos[ie]s|insoles?|brac(?:e|ing)\b|interferential"),
    "Medication & Injections": _rx(r"injection|corticosteroid|steroid|nsaid|anti-inflammatory|analgesic|opioid|paracetamol|acetaminophen|"
                                   r"platelet-rich plasma|\bprp\b|hyaluron|botulinum|drug therap|pharmacolog|medication|muscle relaxant|"
                                   r"gabapentin|pregabalin|duloxetine|antidepressant|placebo pill"),
    "Surgery vs Rehabilitation": _rx(r"surg(?:ery|ical)|arthroscop|arthroplasty|decompression|fusion|reconstruction|operative|"
                                     r"postoperative rehabilitation|(?:joint|knee|hip|shoulder|total) replacement|repair\b|meniscectomy|discectomy|laminectomy"),
    "Imaging & Diagnosis": _rx(r"imaging|mri\b|magnetic resonance|radiograph|x-ray|ultrasonograph|diagnos|clinical test|special tests?|"
                               r"sensitivity and specificity|accuracy|classification|screening|red flags?"),
    "Psychological Factors": _rx(r"fear|catastrophi[sz]|kinesiophobia|self-efficacy|depress|anxiety|mood|psycholog|cognitive behavio|"
                                 r"\bcbt\b|acceptance and commitment|mindfulness|distress|coping|beliefs?\b|expectation"),
    "Lifestyle": _rx(r"sleep|obes|weight loss|body mass|\bbmi\b|diet|nutrition|physical activity(?! intervention)|sedentary|smoking|alcohol|lifestyle"),
    "Work & Function": _rx(r"return to work|work(?:place|ers?|-related)|occupational|sick(?:ness)? (?:leave|absence)|disability|"
                           r"function(?:al|ing)? (?:status|capacity|outcome|limitation)|activities of daily living|return to (?:sport|play)|productivity"),
    "Digital & Remote Care": _rx(r"telehealth|telerehabilitation|telemedicine|tele-?rehab|digital|internet|online|web-based|app\b|"
                                 r"apps\b|smartphone|mobile health|mhealth|ehealth|video ?conferenc|remote(?:ly)? (?:delivered|care|monitor)|virtual"),
    "Prognosis & Risk": _rx(r"prognos|risk factors?|predict|incidence|recurrence|chronicity|natural history|course of|"
                            r"associated with|longitudinal|cohort"),
}

_REGION_RX: dict[str, re.Pattern[str]] = {
    "low back": _rx(r"low(?:er)? back|lumbar|lumbosacral|sciatica|lumbago|back pain|spinal stenosis|disc herniation|"
                    r"sacroiliac|spondylolisthesis"),
    "neck": _rx(r"neck|cervical (?:spine|pain|radiculopathy|myelopathy)|whiplash|cervicogenic|cervicalgia"),
    "shoulder": _rx(r"shoulder|rotator cuff|subacromial|glenohumeral|frozen shoulder|adhesive capsulitis|impingement"),
    "elbow": _rx(r"elbow|epicondyl|tennis elbow|golfer'?s elbow"),
    "wrist & hand": _rx(r"wrist|hand\b|hands\b|carpal tunnel|finger|thumb|de quervain|distal radius"),
    "hip": _rx(r"\bhip\b|hips\b|femoroacetabular|gluteal tendinopathy|trochanteric|groin"),
    "knee": _rx(r"knee|patellofemoral|anterior cruciate|\bacl\b|menisc|patellar|tibiofemoral|gonarthrosis"),
    "ankle & foot": _rx(r"ankle|foot|feet|achilles|plantar fasci|heel pain|hallux|calcaneal|navicular|metatars|tarsal"),
    "widespread pain": _rx(r"fibromyalgia|widespread pain|chronic (?:musculoskeletal )?pain syndrome|multisite pain"),
}

_CONDITION_RX: dict[str, re.Pattern[str]] = {
    "osteoarthritis": _rx(r"osteoarthrit|osteoarthros|gonarthrosis|coxarthrosis"),
    "tendinopathy": _rx(r"tendinopath|tendinitis|tendonitis|tendinosis|epicondyl|tennis elbow"),
    "fibromyalgia": _rx(r"fibromyalgia"),
    "low back pain": _rx(r"low(?:er)? back pain|lumbago|lumbar pain"),
    "neck pain": _rx(r"neck pain|cervicalgia|whiplash"),
    "shoulder pain": _rx(r"shoulder pain|subacromial pain|shoulder impingement|rotator cuff"),
    "rheumatoid arthritis": _rx(r"rheumatoid arthritis"),
    "osteoporosis": _rx(r"osteoporo"),
    "fracture": _rx(r"fractur"),
    "ligament injury": _rx(r"anterior cruciate|\bacl\b|ligament (?:injur|rupture|tear|reconstruction)|ankle sprain"),
    "sciatica / radiculopathy": _rx(r"sciatica|radiculopathy"),
    "patellofemoral pain": _rx(r"patellofemoral pain"),
    "plantar fasciitis": _rx(r"plantar fasci|plantar heel pain"),
    "carpal tunnel syndrome": _rx(r"carpal tunnel"),
    "frozen shoulder": _rx(r"frozen shoulder|adhesive capsulitis"),
    "chronic pain": _rx(r"chronic (?:musculoskeletal )?pain|persistent pain"),
    "sports injury": _rx(r"sports? injur|athletic injur|hamstring (?:strain|injur)|muscle strain"),
    "headache": _rx(r"headache|migraine"),
}


def _score(rx: re.Pattern[str], doc: Doc, mesh_major: str, mesh_other: str, keywords: str) -> tuple[int, str | None]:
    score, why = 0, None
    m = rx.search(doc.title)
    if m:
        score += 3
        why = f"title mentions '{m.group(0).lower()}'"
    m = rx.search(mesh_major)
    if m:
        score += 3
        why = why or f"major MeSH heading mentions '{m.group(0).lower()}'"
    m = rx.search(mesh_other) or rx.search(keywords)
    if m:
        score += 2
        why = why or f"MeSH or keywords mention '{m.group(0).lower()}'"
    if doc.abstract:
        hits = rx.findall(doc.abstract)
        if hits:
            score += min(len(hits), 3)
            why = why or f"abstract mentions '{hits[0].lower()}' {len(hits)} time{'s' if len(hits) > 1 else ''}"
    return score, why


def classify_topics(doc: Doc) -> dict:
    """Topics (primary first), body regions and conditions, each with its reason."""
    mesh_major = "; ".join(m.descriptor for m in doc.record.mesh if m.major)
    mesh_other = "; ".join(m.descriptor for m in doc.record.mesh if not m.major)
    keywords = "; ".join(doc.record.keywords)

    def ranked(table: dict[str, re.Pattern[str]], threshold: int) -> list[tuple[str, int, str]]:
        out = []
        for name, rx in table.items():
            score, why = _score(rx, doc, mesh_major, mesh_other, keywords)
            if score >= threshold and why:
                out.append((name, score, why))
        out.sort(key=lambda t: -t[1])
        return out

    topics = ranked(_TOPIC_RX, 2)
    regions = ranked(_REGION_RX, 2) or ranked(_REGION_RX, 1)[:1]
    conditions = ranked(_CONDITION_RX, 1)
    reasons = [f"{name}: {why}" for name, _, why in topics + regions + conditions]
    region_names = [r[0] for r in regions]
    if not region_names:
        region_names = ["general"]
        reasons.append("general: no body region named")
    return {
        "topics": [t[0] for t in topics],
        "body_regions": region_names,
        "conditions": [c[0] for c in conditions],
        "topic_reasons": reasons,
    }
