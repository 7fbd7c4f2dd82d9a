"""Is a study in scope for a musculoskeletal (MSK) physiotherapy hub? A judgement with its reasons.

A hub for MSK physiotherapy should not publish breast-cancer chemotherapy or gene silencing in worms on its
home page. Each study gets ``in_scope`` (True/False) and ``scope_reasons`` (plain sentences an editor can
check). The rule reads the study itself — title, MeSH headings, keywords and abstract — with the weights
topics.py uses (title or major MeSH heading 3, other MeSH or keywords 2, each abstract mention 1, at most 3):

- MSK conditions (osteoarthritis, back pain, tendinopathy, fractures, sprains, rotator cuff, ...) score
  ``msk``; physiotherapy-specific treatments (physiotherapy, manual therapy, taping, orthoses, ...) score
  ``physio``; other fields of medicine and the lab (cancer, heart failure, infection, genes, mice, ...)
  score ``other``.
- In scope: ``msk`` at least 3 (named in the title or a major MeSH heading, or 3 mentions in the abstract)
  and more than ``other``; or a physiotherapy treatment named that strongly with no other field named at all.
- Out of scope: a lab or animal study; another field outweighs or equals the MSK signal; the MSK words are
  only passing mentions; nothing MSK is named.

Editors can override the judgement like any appraisal field (``persist.set_override``).
Measured on hand-labelled shared data: bench/eval_appraise_scope.py, docs/benchmarks.md.
"""
from __future__ import annotations

import re
from typing import Any

from .doc import Doc

_NON_WORD = re.compile(r"[^a-z0-9]+")

# Terms match the start of a word on normalised text ("tendinopath" matches "tendinopathy"); a trailing
# "$" asks for the whole word ("gout$" is not "gouty"... nor "goutweed").
_MSK_TERMS = (
    "osteoarthrit|osteoarthros|gonarthros|coxarthros|arthralgia|rheumatoid arthritis|juvenile idiopathic arthritis|"
    "spondyloarthr|ankylosing spondylitis|psoriatic arthritis|gout$|fibromyalgia|tendinopath|tendinitis|tendonitis|"
    "tendinosis|tendon rupture|tendon repair|tendon injur|epicondyl|tennis elbow|bursitis|low back pain|back pain|"
    "lumbago|neck pain|neck disorder|cervicalgia|whiplash|shoulder pain|shoulder dysfunction|shoulder disorder|"
    "frozen shoulder|adhesive capsulitis|rotator cuff|subacromial|impingement syndrome|sciatica|radiculopathy|"
    "disc herniation|herniated disc|lumbar disc|intervertebral disc|spinal stenosis|lumbar stenosis|spine stenosis|"
    "spondylolisthesis|spondylosis|degenerative disc|knee pain|hip pain|joint pain|musculoskeletal pain|spinal pain|"
    "patellofemoral|anterior cruciate|cruciate ligament|acl$|menisc|sprain|ligament injur|ligament reconstruct|"
    "ligament tear|ligament rupture|hamstring|achilles|plantar fasci|plantar heel|heel pain|carpal tunnel|"
    "de quervain|trigger finger|dupuytren|hallux valgus|fractur|osteoporo|osteopeni|sarcopeni|musculoskeletal|"
    "orthopaedic|orthopedic|arthroplast|joint replacement|knee replacement|hip replacement|arthroscop|"
    "temporomandibular|myofascial pain|chronic pain|persistent pain|muscle pain|sports injur|sport injur|"
    "athletic injur|muscle strain|muscle injur|hypermobility|scoliosis|kyphosis|sacroiliac|pelvic girdle pain|"
    "extremity trauma|limb trauma|shoulder dislocation|hip dislocation|patellar dislocation|joint dislocation|low back|lumbar spine|cervical spine|thoracic spine|"
    "mechanical neck|constant murley|shoulder score|knee osteo|hip osteo|knee injur|ankle injur|shoulder injur|"
    "back disorder|spinal manipulat|cervicogenic|tension type headache|periarthritis|trigger point|myofascial|"
    "painful muscle|shoulder function|neck function|knee function|hip function|back function|scapular dyskinesis|"
    "lumbopelvic pain"
)
# A body region and a physical treatment both named in the title ("neck exercise", "shoulder taping").
_REGION_TERMS = (
    "neck|shoulder|knee|knees|hip$|hips$|ankle|elbow|wrist|lumbar|lumbopelvic|pelvic girdle|scapula|scapular|"
    "upper extremit|upper limb|lower limb|lower extremit|trunk|spine|spinal|back$|foot$|feet$|heel|jaw$|"
    "temporomandibular|cervicothoracic|thoracic spine|sacroiliac|arm$|arms$|leg$|legs$|hamstring|quadriceps|calf$"
)
_TREATMENT_TERMS = (
    "exercis|training|stretch|acupunct|electroacupunct|tens$|transcutaneous electric|laser|ultrasound therap|"
    "ultrasonic therap|traction|yoga|tai chi|pilates|stabili|manipulat|mobili|myofascial|trigger point|needling|"
    "moxibustion|cupping|strapping|taping|tape$|flossing|pillow|biofeedback|feedback|rehabilitat|physical activity|"
    "massage|physiotherap|physical therap|manual therap|orthos|orthotic|insole|brace$|bracing|heat$|cold$|"
    "cryotherap|shockwave|shock wave|electrical stimulation|gymnastics|snags$|muscle energy|release$"
)
_PHYSIO_TERMS = (
    "physiotherap|physical therap|manual therap|manipulative therap|spinal manipulat|joint mobili|mobilisation|"
    "mobilization|massage|kinesio|taping|dry needling|shockwave|shock wave|orthos|orthotic|insole|brace$|bracing|"
    "back school|graded activity|motor control exercise|exercise therap|therapeutic exercise|strengthening exercise|"
    "chiropract|osteopathic manipul"
)
# Other fields of medicine, and laboratory or animal work. Named in the title they outweigh a passing MSK word.
_OTHER_TERMS = (
    "cancer|carcinoma|tumor|tumour|neoplas|malignan|leukemi|leukaemi|lymphoma|myeloma|sarcoma|melanoma|metasta|"
    "chemotherap|radiotherap|oncolog|glioma|sirna|microrna|mirna|gene expression|gene therap|genome|genetic|"
    "transcription factor|knockout|transgenic|in vitro|cell line|stem cell|mice$|mouse$|murine|rats$|rat$|rodent|"
    "zebrafish|drosophila|elegans|yeast|bacteria|bacterial|virus|viral|hiv$|malaria|tuberculosis|sepsis|septic|"
    "covid|influenza|pneumonia|heart failure|myocardial|coronary|cardiac|atrial|arrhythmi|hypertension|stroke$|"
    "cerebral|copd$|pulmonary|asthma|lung$|lungs$|respiratory|diabetes|diabetic|dementia|alzheimer|parkinson|"
    "multiple sclerosis|spinal cord injur|cerebral palsy|schizophreni|psychosis|pregnan|caesarean|cesarean|"
    "neonat|dental|periodont|tooth|teeth|ophthalm|retina|retinal|kidney|renal|liver|hepat|embolism|sepsis|"
    "smart home|hiatal|crohn|colitis|lupus|thyroid|prostate|breast|chondrocyt|explant|fibroblast|cultured"
)
# Phrases that name a body part without an MSK problem: dropped before looking for MSK words.
_NOT_MSK = re.compile(r" (?:head and neck|neck dissection|bone marrow|(?:jaw|facial|skull|mandibular|maxillary|orbital|tooth|dental) fractures?) ")
_LAB_DESIGNS = {"lab/animal/experimental"}


def _compile(terms: str) -> tuple[str, ...]:
    return tuple(" " + t[:-1] + " " if t.endswith("$") else " " + t for t in terms.split("|"))


_MSK = _compile(_MSK_TERMS)
_PHYSIO = _compile(_PHYSIO_TERMS)
_OTHER = _compile(_OTHER_TERMS)
_REGION = _compile(_REGION_TERMS)
_TREATMENT = _compile(_TREATMENT_TERMS)


def _norm(text: str) -> str:
    return _NOT_MSK.sub(" ", " " + _NON_WORD.sub(" ", text.lower()) + " ")


def _word_at(text: str, key: str) -> str:
    i = text.find(key)
    end = text.find(" ", i + len(key.rstrip()))
    return text[i + 1:end if end > 0 else None].strip()


def _score(keys: tuple[str, ...], places: list[tuple[str, str, int]], abstract: str) -> tuple[int, str | None]:
    """(score, the first place and word found) — the weights of the module doc."""
    score, why = 0, None
    for place, text, weight in places:
        hit = next((k for k in keys if k in text), None)
        if hit:
            score += weight
            why = why or f"the {place} names '{_word_at(text, hit)}'"
    if abstract:
        hits = [(k, abstract.count(k)) for k in keys]
        total = sum(c for _, c in hits)
        if total:
            score += min(total, 3)
            first = next(k for k, c in hits if c)
            why = why or f"the abstract names '{_word_at(abstract, first)}' {total} time{'s' if total > 1 else ''}"
    return score, why


def judge_scope(doc: Doc, design: str | None = None) -> dict[str, Any]:
    """``{"in_scope": bool, "scope_reasons": [...]}`` for one study (see the module doc)."""
    rec = doc.record
    title = _norm(doc.title)
    places = [("title", title, 3),
              ("major MeSH heading", _norm(" ; ".join(m.descriptor for m in rec.mesh if m.major)), 3),
              ("MeSH or keywords", _norm(" ; ".join([m.descriptor for m in rec.mesh if not m.major]
                                                      + list(rec.keywords))), 2)]
    abstract = _norm(doc.abstract) if doc.abstract else ""
    msk, msk_why = _score(_MSK, places, abstract)
    physio, physio_why = _score(_PHYSIO, places, abstract)
    other, other_why = _score(_OTHER, places, abstract)
    msk_head = _score(_MSK, places[:2], "")[0]  # named in the title or a major MeSH heading
    other_title = _score(_OTHER, places[:1], "")[0]
    region = next((k for k in _REGION if k in title), None)
    treatment = next((k for k in _TREATMENT if k in title), None)
    reasons: list[str] = []
    if msk_why:
        reasons.append(f"musculoskeletal: {msk_why} (weight {msk})")
    if physio_why:
        reasons.append(f"physiotherapy: {physio_why} (weight {physio})")
    if region and treatment:
        reasons.append(f"body region and treatment: the title names '{_word_at(title, region)}' and "
                       f"'{_word_at(title, treatment)}'")
    if other_why:
        reasons.append(f"another field: {other_why} (weight {other})")
    if design in _LAB_DESIGNS:
        return {"in_scope": False, "scope_reasons": ["out of scope: a lab or animal study, not people in care", *reasons]}
    ok = True
    if msk_head:
        # The subject itself is an MSK condition, even in people with another illness
        # (low back pain in pregnancy, shoulder pain after breast cancer surgery).
        verdict = "in scope: the title names a musculoskeletal condition"
    elif msk >= 3 and msk > other:
        verdict = "in scope: the study is about a musculoskeletal condition"
    elif region and treatment and not other_title:
        verdict = "in scope: a physical treatment of a body region"
    elif physio >= 3 and not other_title:
        verdict = "in scope: a physiotherapy treatment is the subject"
    else:
        ok = False
        if msk >= 3 or physio >= 3:
            verdict = "out of scope: another field of medicine is the subject"
        elif msk or physio:
            verdict = "out of scope: musculoskeletal words are passing mentions only"
        else:
            verdict = "out of scope: no musculoskeletal condition or physiotherapy treatment is named"
    return {"in_scope": ok, "scope_reasons": [verdict, *reasons]}
