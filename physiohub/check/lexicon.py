"""Word lists the claim checker reads: MSK conditions, well-known journals, topic cues, and the words of a comparison.

Topic names are exactly DESIGN.md's, so a claim's topic can be used as a search filter. Cues are the
words popular articles use (lay and clinical), checked in order; the first topic whose cue appears in
the claim's intervention (or, failing that, the sentence) wins.
"""
from __future__ import annotations

import re

# Longest first, so "knee osteoarthritis" wins over "osteoarthritis"; equal lengths keep the order written
# here ("whiplash" before "injuries"), not a set's, which changes with the interpreter's hash seed.
CONDITIONS: list[str] = sorted(dict.fromkeys([
    "low back pain", "back pain", "lower back pain", "chronic low back pain", "neck pain", "whiplash",
    "knee osteoarthritis", "hip osteoarthritis", "osteoarthritis", "arthritis", "rheumatoid arthritis",
    "tendinopathy", "achilles tendinopathy", "patellar tendinopathy", "tendinitis", "tendonitis",
    "plantar fasciitis", "plantar heel pain", "tennis elbow", "lateral epicondylalgia", "lateral epicondylitis",
    "rotator cuff", "shoulder pain", "frozen shoulder", "shoulder impingement", "sciatica", "fibromyalgia",
    "chronic pain", "knee pain", "hip pain", "patellofemoral pain", "ankle sprain", "acl injury",
    "acl injuries", "anterior cruciate ligament", "hamstring injury", "hamstring injuries", "running injuries",
    "sports injuries", "osteoporosis", "sarcopenia", "carpal tunnel syndrome", "headache", "migraine",
    "disc herniation", "herniated disc", "spinal stenosis", "hip fracture", "falls", "muscle soreness",
    "delayed onset muscle soreness", "injury", "injuries",
]), key=len, reverse=True)

# Abbreviations articles and abstracts use for a condition once it is named ("exercise classes help knee OA"):
# read case-sensitively (capitals only), so "oa" or "ra" inside a word or in lower case never count.
CONDITION_ABBREVIATIONS: dict[str, str] = {
    "OA": "osteoarthritis", "KOA": "knee osteoarthritis", "LBP": "low back pain", "CLBP": "chronic low back pain",
    "NSLBP": "low back pain", "RA": "rheumatoid arthritis", "PFP": "patellofemoral pain",
    "PFPS": "patellofemoral pain", "CTS": "carpal tunnel syndrome", "DOMS": "delayed onset muscle soreness",
    "ACL": "anterior cruciate ligament",
}

JOURNALS: list[str] = [
    "JAMA Internal Medicine", "JAMA Network Open", "JAMA", "The Lancet", "Lancet", "BMJ Open", "BMJ",
    "British Journal of Sports Medicine", "New England Journal of Medicine", "NEJM", "Cochrane Library",
    "Cochrane Database of Systematic Reviews", "Annals of Internal Medicine", "PLOS ONE", "PLoS ONE",
    "Pain", "Journal of Physiotherapy", "Physical Therapy", "Journal of Orthopaedic & Sports Physical Therapy",
    "JOSPT", "Arthritis Care & Research", "Osteoarthritis and Cartilage", "Spine", "Sports Medicine",
    "American Journal of Sports Medicine", "Nature", "Science", "Scientific Reports",
]

# Journals whose names carry none of the words journal titles are recognised by (``citations.journal_title``: "Journal",
# "Therapy", "Rheumatology", "Sports Medicine" ...) and no abbreviation either: read as a journal only when a citation
# names one whole ("(Sports Health, 2019)", "(Trials 2020)"), never found in prose, where most are ordinary words.
# Medical and musculoskeletal journals popular pages cite; names that are also common surnames ("Bone", "Brain") are
# left out, since "(Bone, 2019)" may as well cite a person.
CITED_JOURNALS: list[str] = [
    "Sports Health", "Age and Ageing", "Trials", "Injury", "Headache", "Cephalalgia", "Knee", "The Knee", "Arthroscopy",
    "Annals of the Rheumatic Diseases", "RMD Open", "Rheumatology", "Rheumatology (Oxford)", "Arthritis & Rheumatology",
    "Arthritis and Rheumatology", "Arthritis Care and Research", "Arthritis Research & Therapy", "Arthritis Research and Therapy",
    "Joint Bone Spine", "Foot & Ankle International", "Foot and Ankle International", "Musculoskeletal Care", "Pain Physician",
    "Pain Practice", "Pain Management", "Physiotherapy", "Manual Therapy", "Medicine", "Psychological Medicine", "Occupational Medicine",
    "Health Technology Assessment", "American Family Physician", "Australian Family Physician", "Canadian Family Physician",
    "PNAS", "CMAJ", "MJA", "JBJS", "CORR", "MSSE", "PeerJ", "eLife", "Cell", "Circulation", "Diabetes Care", "Obesity", "Gut",
    "Sleep", "Menopause", "Maturitas", "Nutrients", "Healthcare", "Medicina", "Sensors", "Cureus", "Life", "Biology",
    "Neurology", "Radiology", "Ergonomics", "Applied Ergonomics", "Work", "Injury Prevention", "Lancet Rheumatology",
    "The Lancet Rheumatology", "Lancet Neurology", "The Lancet Neurology", "Lancet Public Health", "EClinicalMedicine",
    "Medical Journal of Australia", "Canadian Medical Association Journal", "Archives of Internal Medicine",
]

TOPIC_CUES: list[tuple[str, str]] = [
    ("Surgery vs Rehabilitation", r"surgery|surgical|operation|arthroscop\w*|knee replacement|hip replacement|decompression"),
    ("Medication & Injections", r"injections?|steroid|cortisone|corticosteroid|paracetamol|acetaminophen|ibuprofen|nsaids?|"
                                r"opioids?|painkillers?|medications?|drugs?|platelet-rich|prp|pills?|supplements?"),
    ("Manual Therapy", r"manipulation|mobili[sz]ation|chiropract\w*|osteopath\w*|manual therapy|spinal adjustments?|adjustments?"),
    ("Passive Treatments", r"tens|ultrasound therapy|shockwave|shock wave|dry needling|acupuncture|taping|kinesio\w*|massage|"
                           r"heat|ice|cryotherapy|laser|foam roll\w*|cupping|electrotherapy"),
    ("Pain Science & Education", r"pain (?:neuroscience )?education|explain(?:ing)? pain|reassurance|pain science|advice"),
    ("Psychological Factors", r"fear|catastrophi[sz]\w*|anxiety|depression|stress|mindset|beliefs?|cognitive behaviou?ral|cbt|mindfulness|self-efficacy"),
    ("Digital & Remote Care", r"apps?|telehealth|telerehabilitation|online|digital|video|remote|wearables?|smartphone"),
    # (not a bare "work": "It doesn't work", "core stability work" are no workplace)
    ("Work & Function", r"return to work|sick leave|workplace|office|desk|ergonomic\w*|at work|workers?|work(?:ing)? hours|"
                        r"workday|workload|(?:office|desk|manual|shift|physical|heavy) work|work (?:absence|disability|ability|"
                        r"tasks|duties|environment|days)|employ(?:ees?|ers?|ment)|occupation(?:al)?|job"),
    ("Exercise & Loading", r"exercis\w*|strength(?:ening)? training|resistance training|weight training|stretch\w*|yoga|pilates|"
                           r"tai chi|running|runners?|walking|warm-ups?|loading|physiotherapy|physical therapy|rehabilitation|training|squats?"),
    ("Lifestyle", r"sleep\w*|weight loss|obesity|overweight|diet\w*|smoking|alcohol|sitting|standing desks?|steps|physical activity|activity"),
    ("Imaging & Diagnosis", r"mri|x-rays?|scans?|imaging|diagnos\w*"),
    ("Prognosis & Risk", r"risk|predict\w*|prognosis|recurrence|likely to develop"),
]
_TOPIC_RE = [(t, re.compile(rf"\b(?:{p})\b", re.I)) for t, p in TOPIC_CUES]


# What a treatment is compared against in a claim or a study: "than usual care", "versus sham surgery" (group 1).
COMPARATOR = re.compile(r"\b(?:than|versus|vs\.?|compared (?:with|to))\s+(?:the |a |an )?([^,.;:()]{3,60})", re.I)
# Comparisons that leave the tested treatment as the only difference: placebo, sham, usual care, no treatment.
INERT_CONTROL = re.compile(r"\b(?:placebo|sham|usual care|standard care|no (?:treatment|intervention|exercise)|nothing|"
                           r"wait(?:ing)?[- ]?list|control|minimal|advice alone|education alone|attention|"
                           r"not? \w+ing)\b", re.I)


# Having a condition is not a question of diagnosis: "27 million Americans have a diagnosis of osteoarthritis", "people
# diagnosed with back pain" say how common it is. Blanked (same length) before the topics are read.
_HAS_CONDITION = re.compile(r"\b(?:(?:have|has|had|with|receive[sd]?|given|get|got)\s+(?:a\s+)?(?:\w+\s+)?diagnosis\s+of|"
                            r"diagnosed\s+with(?!\s+(?:an?\s+|the\s+)?(?:mri|x-?rays?|ultrasound|scans?|imaging|ct|help)\b))\b", re.I)


def topic_of(text: str) -> str | None:
    """The DESIGN.md topic whose cue appears earliest in ``text`` (ties: list order)."""
    text = _HAS_CONDITION.sub(lambda m: " " * len(m.group(0)), text)
    best: tuple[int, int, str] | None = None
    for order, (topic, rx) in enumerate(_TOPIC_RE):
        m = rx.search(text)
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, topic)
    return best[2] if best else None
