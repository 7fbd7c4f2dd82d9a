"""The learned reference-entry fallback (physiohub/check/reference_model.py), on lines written for this test
(authors, titles, journals and identifiers are invented)."""
from __future__ import annotations

import time

from physiohub.check import check_article
from physiohub.check.document import parse_document
from physiohub.check.reference_model import _mostly_entries, add_model_references, load_model, shape
from physiohub.check.references import parse_reference_list
from physiohub.store import Store

ENTRIES = [
    "Moreau P, Ishikawa T. Walking programmes for chronic low back pain: a randomised trial. Spine Care Q 2022; 14: 112-9",
    "3. Fitzgerald A, Novak L, Osei K, et al. Load and the lumbar disc. Occup Back J. 2018;7(2):33-41. doi:10.5555/obj.2018.07",
    "Hansen, M., Larsen, T. K., & Ortiz, R. (2019). Hip strength in runners with knee pain. Journal of Running Science, 12(3), 201–210.",
    "[12] Brandt, L. & Okafor, C. Stair climbing load across the knee. Clin. Knee Rev. 8, 44–52 (2021).",
    "Okafor, Chidi, and Lena Brandt. \u201cStair Climbing Load Across the Knee.\u201d Clinical Knee Review 8, no. 2 (2021): 44\u201352.",
    "Example Spine Society. Low back pain in adults [Internet]. 2020 [cited 2023 May 4]. Available from: https://spine.example.org/lbp",
    "Varga P, Lund E 2017 Tendon loading after surgery. Scand J Tendon Res 22:101-110 \u21a9",
]
SENTENCES = [
    "Knee pain on stairs is common in runners, and most people get better within six weeks.",
    "Hansen et al. (2019) found that hip strengthening reduced knee pain more than rest did.",
    "Exercise reduced pain by a third compared with rest (Moreau & Ishikawa, 2022).",
    "Book an appointment with our physiotherapy team today: we are open six days a week.",
    "Related posts: Five myths about back pain and what to do instead",
    "A 2021 review in the Clinical Knee Review concluded that load, not rest, is the key to recovery [4].",
]


def test_shape_keeps_the_style_not_the_topic():
    assert shape("Lee AB, Kim C. Knee pain. Br J Sports Med. 2019;53:1-5.") == \
        "k i , k i . k w . k i k k . 0000 ; 00 : 0 - 0 ."


def test_entries_score_above_and_sentences_below_the_threshold():
    m = load_model()
    p_entries = m.probabilities(ENTRIES)
    p_sentences = m.probabilities(SENTENCES)
    assert all(p >= m.threshold for p in p_entries), list(zip(ENTRIES, p_entries))
    assert all(p < m.threshold for p in p_sentences), list(zip(SENTENCES, p_sentences))


PAGE = """Why your knee hurts on the stairs

Knee pain on stairs is common in runners. Strengthening the hip and thigh reduced pain within six weeks, a 2019 trial found.

We see this every week in the clinic.

Further thoughts

HANSEN, M.; LARSEN, T. K.; ORTIZ, R. Hip strength and patellofemoral pain in recreational runners. Journal of Running Science, v. 12, n. 3, p. 201-210, 2019.

OKAFOR, C.; BRANDT, L. Stair climbing load across the knee. Clinical Knee Review, v. 8, p. 44-52, 2021.
"""


def test_fallback_adds_entries_the_rules_left_out_and_they_stop_being_sentences():
    doc = parse_document(PAGE)
    # the rules do not know this ABNT list (Brazil's NBR 6023: capitalised surnames, "v. 12, n. 3, p. 201-210, 2019")
    # under a made-up heading (an MLA 9 list they read since session 10)
    assert doc.reference_lines == []
    after = add_model_references(PAGE, doc)
    refs = parse_reference_list(after.reference_lines)
    # (names printed in capitals are read in the usual case: reference_names.py)
    assert [(r.authors[0], r.year) for r in refs] == [("Hansen M", 2019), ("Okafor C", 2021)]
    assert not any("patellofemoral" in s.text or "Stair climbing" in s.text for s in after.sentences)
    assert any(s.text.startswith("Strengthening the hip") for s in after.sentences)


def test_fallback_never_drops_what_the_rules_found(tmp_path):
    page = ("Back pain\n\nExercise helps, a 2020 review found [1].\n\n## References\n\n"
            "1. Lee A, Park B. Exercise for back pain: a review. Spine J Ex. 2020;3(1):1-9. doi:10.5555/sje.2020.1\n\n"
            "Moreau P, Ishikawa T. Walking programmes for chronic low back pain: a randomised trial. Spine Care Q 2022; 14: 112-9\n")
    store = Store(tmp_path / "empty.db")
    try:
        off = check_article(store, page, reference_model=False)
        on = check_article(store, page, reference_model=True)
    finally:
        store.close()
    dois_off = {r["doi"] for r in off["references"] if r.get("doi")}
    assert dois_off <= {r["doi"] for r in on["references"] if r.get("doi")}
    assert len(on["references"]) >= len(off["references"])


def test_a_plain_article_gets_no_reference_from_the_model():
    page = ("Shoulder pain after the gym\n\nMost shoulder pain settles with a few weeks of graded loading. "
            "A 2020 trial found that exercise was as good as surgery for many people.\n\n"
            "Hansen et al. (2019) found that hip strengthening reduced knee pain more than rest did.\n\n"
            "Book an appointment with our team today. We are open six days a week.\n")
    doc = parse_document(page)
    assert add_model_references(page, doc) is doc


def test_a_sentence_cut_across_entry_lines_is_dropped_but_not_a_sentence_with_text_of_its_own():
    keys = ["moreaupishikawatwalkingprogrammesforchroniclowbackpainarandomisedtrialspinecareq2022141129"]
    assert _mostly_entries("whatwereadmoreaupishikawatwalkingprogrammesforchroniclowbackpain", keys)
    assert not _mostly_entries("exercisereducedpainbyathirdcomparedwithrestinthreetrialsofadultswithbackpainmoreaupishikawa", keys)


def test_hostile_input_stays_bounded():
    page = "Text.\n\n" + "\n".join(f"Lee A{i % 7}, Park B. Title {i}. J Ex. 2019;{i}:1-9." for i in range(6000))
    t0 = time.process_time()
    after = add_model_references(page, parse_document(page))
    assert time.process_time() - t0 < 8   # (about 1.3 s here: 2 cores shared)
    assert 0 < len(after.reference_lines) <= 6000
