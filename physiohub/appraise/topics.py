"""Topics, body regions and conditions from MeSH plus title, abstract and keywords, with reasons.

Each label has a set of phrases; a hit in the title or a major MeSH heading counts 3, in other MeSH
or keywords 2, in the abstract 1. Topics need a score of 2, so a single passing mention in the
abstract does not tag a study. The first topic is the primary one (the highest score).
"""
from __future__ import annotations

import re

from .doc import Doc



_NON_WORD = re.compile(r"[^a-z0-9]+")

# Terms are matched on normalised text (lower case, every non-alphanumeric run a single space):
# "exercis" matches any word starting so ("exercise", "exercising"); a trailing "$" asks for the
# whole word ("tens$" is TENS, not "tension"). Plain substring counts keep this to a fraction of a
# millisecond per record, where a regex per label cost several.
_TOPIC_TERMS: dict[str, str] = {
    "Exercise & Loading": "exercis|strength training|strengthening|resistance training|physical training|loading|eccentric|"
                          "isometric|aerobic|pilates|yoga|tai chi|walking program|stretching|motor control training|graded activity|"
                          "kinesiotherap|physical therapy modalities",
    "Pain Science & Education": "pain neuroscience|pain education|pain science|patient education|educational program|educational intervention|"
                                "education session|explain pain|explaining pain|central sensiti|nocicepti|pain mechanism|reassurance|"
                                "self management|back school",
    "Manual Therapy": "manual therap|manipulat|mobilisation|mobilization|chiropract|osteopath|massage therap|soft tissue therap|"
                      "soft tissue technique|myofascial release|musculoskeletal manipulations",
    "Passive Treatments": "tens$|transcutaneous electric|electrotherap|electrical stimulation|electric stimulation|ultrasound therap|"
                          "therapeutic ultrasound|shock wave|shockwave|eswt$|dry needling|acupunct|taping|kinesio tap|massage$|"
                          "laser therap|low level laser|photobiomodulation|heat therap|heat wrap|cryotherap|traction$|orthos|orthotic|"
                          "insole|brace$|bracing|interferential",
    "Medication & Injections": "injection|corticosteroid|steroid|nsaid|anti inflammatory|analgesic|opioid|paracetamol|acetaminophen|"
                               "platelet rich plasma|prp$|hyaluron|botulinum|drug therap|pharmacolog|medication|muscle relaxant|"
                               "gabapentin|pregabalin|duloxetine|antidepressant|tablet|capsule|intravenous|infusion|oral dose|"
                               "dose$|doses$|dosage|dosing|mg$|mg kg|once daily|twice daily|drug$|drugs$|pharmacotherap|"
                               "antihypertensive|antibiotic|anticoagul|bisphosphonate|inhaled",
    "Surgery vs Rehabilitation": "surgery|surgical|arthroscop|arthroplasty|decompression|spinal fusion|reconstruction|operative$|"
                                 "joint replacement|knee replacement|hip replacement|shoulder replacement|total replacement|"
                                 "meniscectomy|discectomy|laminectomy|orthopedic procedures",
    "Imaging & Diagnosis": "imaging|mri$|magnetic resonance|radiograph|x ray|ultrasonograph|diagnos|clinical test|special test|"
                           "sensitivity and specificity|diagnostic accuracy|red flag",
    "Psychological Factors": "fear|catastrophi|kinesiophobia|self efficacy|depress|anxiety|mood$|psycholog|cognitive behavio|cbt$|"
                             "acceptance and commitment|mindfulness|distress|coping|beliefs|expectation",
    "Lifestyle": "sleep|obes|weight loss|body mass|bmi$|diet$|dietary|nutrition|physical activity|sedentary|smoking|alcohol|lifestyle",
    "Work & Function": "return to work|workplace|occupational|sick leave|sickness absence|work related|work disability|"
                       "functional status|functional capacity|activities of daily living|return to sport|return to play|productivity",
    "Digital & Remote Care": "telehealth|telerehabilitation|telemedicine|tele rehabilitation|digital|internet|online$|web based|app$|apps$|"
                             "smartphone|mobile health|mhealth|ehealth|videoconferenc|video conferenc|remotely delivered|remote care|"
                             "remote monitoring|virtual",
    "Prognosis & Risk": "prognos|risk factor|predict|incidence|recurrence|chronicity|natural history|longitudinal|cohort",
}
_REGION_TERMS: dict[str, str] = {
    "low back": "low back|lower back|lumbar|lumbosacral|sciatica|lumbago|back pain|spinal stenosis|disc herniation|"
                "intervertebral disc|sacroiliac|spondylolisthesis",
    "neck": "neck|cervical spine|cervical pain|cervical radiculopathy|cervical myelopathy|whiplash|cervicogenic|cervicalgia",
    "shoulder": "shoulder|rotator cuff|subacromial|glenohumeral|frozen shoulder|adhesive capsulitis|impingement",
    "elbow": "elbow|epicondyl|tennis elbow",
    # Not a bare "hand": "on the other hand" is everywhere.
    "wrist & hand": "wrist|hand pain|hand function|hand osteoarth|hand therap|hand surg|hand injur|of the hand|hands$|"
                    "carpal tunnel|finger|thumb|de quervain|distal radius|metacarp",
    "hip": "hip$|hips$|femoroacetabular|gluteal tendinopathy|trochanteric|groin",
    "knee": "knee|patellofemoral|anterior cruciate|acl$|menisc|patellar|tibiofemoral|gonarthrosis",
    "ankle & foot": "ankle|foot$|feet$|achilles|plantar fasci|heel pain|hallux|calcaneal|navicular|metatars|tarsal",
    "widespread pain": "fibromyalgia|widespread pain|chronic pain syndrome|multisite pain",
}
_CONDITION_TERMS: dict[str, str] = {
    "osteoarthritis": "osteoarthrit|osteoarthros|gonarthrosis|coxarthrosis",
    "tendinopathy": "tendinopath|tendinitis|tendonitis|tendinosis|epicondyl|tennis elbow",
    "fibromyalgia": "fibromyalgia",
    "low back pain": "low back pain|lower back pain|lumbago|lumbar pain",
    "neck pain": "neck pain|cervicalgia|whiplash",
    "shoulder pain": "shoulder pain|subacromial pain|shoulder impingement|rotator cuff",
    "rheumatoid arthritis": "rheumatoid arthritis",
    "osteoporosis": "osteoporo",
    "fracture": "fractur",
    "ligament injury": "anterior cruciate|acl$|ligament injur|ligament rupture|ligament tear|ligament reconstruction|ankle sprain",
    "sciatica / radiculopathy": "sciatica|radiculopathy",
    "patellofemoral pain": "patellofemoral pain",
    "plantar fasciitis": "plantar fasci|plantar heel pain",
    "carpal tunnel syndrome": "carpal tunnel",
    "frozen shoulder": "frozen shoulder|adhesive capsulitis",
    "chronic pain": "chronic pain|chronic musculoskeletal pain|persistent pain",
    "sports injury": "sports injur|sport injur|athletic injur|hamstring strain|hamstring injur|muscle strain",
    "headache": "headache|migraine",
}


def _compile(table: dict[str, str]) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for name, terms in table.items():
        keys = tuple(" " + t[:-1] + " " if t.endswith("$") else " " + t for t in terms.split("|"))
        out.append((name, keys))
    return out


_TOPICS = _compile(_TOPIC_TERMS)
_REGIONS = _compile(_REGION_TERMS)
_CONDITIONS = _compile(_CONDITION_TERMS)


def _norm(text: str) -> str:
    return " " + _NON_WORD.sub(" ", text.lower()) + " "


def _word_at(norm: str, key: str) -> str:
    i = norm.find(key)
    end = norm.find(" ", i + len(key.rstrip()))
    return norm[i + 1:end if end > 0 else None].strip()


def _score(keys: tuple[str, ...], title: str, major: str, other: str, abstract: str) -> tuple[int, str | None]:
    score, why = 0, None
    for place, text, weight in (("title", title, 3), ("major MeSH heading", major, 3), ("MeSH or keywords", other, 2)):
        for k in keys:
            if k in text:
                score += weight
                why = why or f"{place} mentions '{_word_at(text, k)}'"
                break
    hits, first = 0, None
    for k in keys:
        c = abstract.count(k)
        if c:
            hits += c
            first = first or k
    if hits:
        score += min(hits, 3)
        why = why or f"abstract mentions '{_word_at(abstract, first)}' {hits} time{'s' if hits > 1 else ''}"
    return score, why


def _by_prefix(table: list[tuple[str, tuple[str, ...]]]) -> dict[str, list[tuple[int, str]]]:
    index: dict[str, list[tuple[int, str]]] = {}
    for i, (_, keys) in enumerate(table):
        for k in keys:
            index.setdefault(k.split()[0][:3], []).append((i, k))
    return index


# Terms indexed by their first three letters: a record only scans the terms whose opening letters
# start some word in it (a few dozen of some 300).
_INDEXES = {id(t): _by_prefix(t) for t in (_TOPICS, _REGIONS, _CONDITIONS)}


# International nonproprietary names share stems by drug class (WHO INN stems): "-pril" ACE inhibitors,
# "-sartan", "-olol", "-dipine", "-statin", "-mab" antibodies, "-coxib"... A drug named this way points
# to "Medication & Injections" even when no class word is used.
_INN_STEM = re.compile(r"\b[a-z]{3,}(?:pril|sartan|olol|dipine|statin|mab|prazole|oxacin|cillin|mycin|profen|coxib|triptan|"
                       r"parin|gliptin|azepam|azolam|tidine|setron|dronate|caine|oxetine|afil|tinib|vudine|conazole)\b")
_MEDICATION = "Medication & Injections"


def _drug_names(title_l: str, abstract_l: str) -> tuple[int, str | None]:
    """Score and reason from drug names with an INN class stem (title 3, abstract 1 a mention, at most 3)."""
    m = _INN_STEM.search(title_l)
    if m:
        return 3 + min(len(_INN_STEM.findall(abstract_l)), 3), f"title names the drug '{m.group(0)}'"
    found = _INN_STEM.findall(abstract_l) if abstract_l else []
    if found:
        return min(len(found), 3), f"abstract names the drug '{found[0]}' {len(found)} time{'s' if len(found) > 1 else ''}"
    return 0, None


def classify_topics(doc: Doc) -> dict:
    """Topics (primary first), body regions and conditions, each with its reason."""
    title = _norm(doc.title)
    major = _norm(" ; ".join(m.descriptor for m in doc.record.mesh if m.major))
    other = _norm(" ; ".join([m.descriptor for m in doc.record.mesh if not m.major] + list(doc.record.keywords)))
    abstract = _norm(doc.abstract) if doc.abstract else ""
    prefixes = {w[:3] for text in (title, major, other, abstract) for w in text.split()}

    def ranked(table: list[tuple[str, tuple[str, ...]]], threshold: int) -> list[tuple[str, int, str]]:
        index = _INDEXES[id(table)]
        present: dict[int, list[str]] = {}
        for p in prefixes:
            for i, k in index.get(p, ()):
                present.setdefault(i, []).append(k)
        out = []
        for i, keys in present.items():
            ordered = tuple(k for k in table[i][1] if k in keys)  # the table's order decides the reason shown
            score, why = _score(ordered, title, major, other, abstract)
            if score >= threshold and why:
                out.append((table[i][0], score, why))
        out.sort(key=lambda t: (-t[1], [n for n, _ in table].index(t[0])))
        return out

    topics = ranked(_TOPICS, 2)
    drug_score, drug_why = _drug_names(doc.title_l, doc.abstract_l)
    if drug_score:
        med = next((t for t in topics if t[0] == _MEDICATION), None)
        if med:
            topics[topics.index(med)] = (_MEDICATION, med[1] + drug_score, f"{drug_why}; {med[2]}")
        elif drug_score >= 2:
            topics.append((_MEDICATION, drug_score, drug_why))
        names = [n for n, _ in _TOPICS]
        topics.sort(key=lambda t: (-t[1], names.index(t[0])))
    regions = ranked(_REGIONS, 1)
    strong = [r for r in regions if r[1] >= 2]
    regions = strong or regions[:1]
    conditions = ranked(_CONDITIONS, 1)
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
