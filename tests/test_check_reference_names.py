"""Names printed in capitals in reference entries (check/reference_names.py): the first author and year read right in
every order a style puts names, a bare entry number before such a name, particles and apostrophes. Every entry is
written for this test (names, titles, journals and numbers invented)."""
from __future__ import annotations

import pytest

from physiohub.check import check_article
from physiohub.check.reference_names import names_in_capitals
from physiohub.check.references import parse_reference


@pytest.mark.parametrize("entry, first, year", [
    # Vancouver, AMA, The Lancet
    ("SMITH J, JONES K. Hip exercise for knee pain. J Knee Ther. 2019;12(3):45-52.", "Smith J", 2019),
    ("HOLMBERG AB, LUND C, et al. Walking after hip surgery. Hip Res 1958; 4: 100-9.", "Holmberg AB", 1958),
    # APA, Harvard: "SMITH, J. (2019)", several names with "and" / "&"
    ("SMITH, J. (2019). Hip exercise for knee pain. Journal of Knee Therapy, 12(3), 45-52.", "Smith J", 2019),
    ("HOLMBERG, A. B., LUND, C., and MOE, D. (1961). Rest or walking for back pain. Back Research 2, 11-19.", "Holmberg AB", 1961),
    ("SMITH, J. and JONES, K. (2019) 'Hip exercise for knee pain', Journal of Knee Therapy, 12(3), pp. 45-52.", "Smith J", 2019),
    # IEEE and Elsevier's numbered style: initials first
    ("J. D. HOLMBERG and K. LUND, \u201cWalking after hip surgery,\u201d Hip Res, vol. 4, pp. 100-109, 1958.", "Holmberg JD", 1958),
    # the name-year style with the year bare after the names
    ("HOLMBERG AB, LUND C 1958 Walking after hip surgery. Hip Research 4: 100-109.", "Holmberg AB", 1958),
    # a bare entry number before a name in capitals (a numbered list once its numbers' stops are gone)
    ("7 HOLMBERG AB. Walking after hip surgery. Hip Res. 1958;4:100-9.", "Holmberg AB", 1958),
    ("8 LI W, NG K. Tai chi for knee pain. J Knee Ther. 2001;3:1-9.", "Li W", 2001),
    # particles, apostrophes and hyphens in capitals
    ("VAN DER BERG P, STRUG LH. Walking and knee pain. J Knee Ther 1991; 12: 45-52.", "van der Berg P", 1991),
    ("3 O'NEILL A, STRUG LH. Walking and knee pain. J Knee Ther. 1992;12:45-52.", "O'Neill A", 1992),
    ("P. VAN DER BERG, L.H. STRUG, Walking and knee pain, J Knee Ther 12 (1991) 45-52.", "van der Berg P", 1991),
    ("PRESTON-MARTIN S. Shoes and heel pain. Foot Res 1987;4:477-84.", "Preston-Martin S", 1987),
])
def test_a_first_author_in_capitals_reads_right(entry, first, year):
    ref = parse_reference(entry)
    assert (ref.authors[:1], ref.year) == ([first], year), entry
    assert ref.text.lstrip("0123456789 ").startswith(entry.lstrip("0123456789 ")[:10])   # the text stays as written


@pytest.mark.parametrize("entry", [
    # the same shapes in the usual case read the same (a bare number before a particle or an apostrophe too)
    "2 van der Berg P, Strug LH. Walking and knee pain. J Knee Ther. 1991;12:45-52.",
    "van der Berg P, Strug LH 1991 Walking and knee pain. Journal of Knee Therapy 12: 45-52.",
    "[2] P. van der Berg, L.H. Strug, Walking and knee pain, J Knee Ther 12 (1991) 45-52.",
])
def test_the_same_names_in_the_usual_case_read_alike(entry):
    ref = parse_reference(entry)
    assert (ref.authors[:1], ref.year) == (["van der Berg P"], 1991), entry


def test_only_the_opening_names_are_rewritten():
    # an organisation, a title in capitals, a country after an organisation's initials stay as written
    assert names_in_capitals("NICE. Low back pain and sciatica. London: NICE; 2016.") == "NICE. Low back pain and sciatica. London: NICE; 2016."
    assert names_in_capitals("HOLM J. MRI FINDINGS IN RUNNERS. J KNEE. 2019;3:1-9.") == "Holm J. MRI FINDINGS IN RUNNERS. J KNEE. 2019;3:1-9."
    assert names_in_capitals("NHS UK. Exercise for back pain. 2020.") == "NHS UK. Exercise for back pain. 2020."
    assert names_in_capitals("Holm J, Berg K. Title. J Knee. 2019.") == "Holm J, Berg K. Title. J Knee. 2019."


def test_a_claim_citing_a_name_printed_in_capitals_links_to_it(store):
    page = ("# Walking after hip surgery\n\n"
            "Early walking shortened the hospital stay after hip surgery, a trial found (Holmberg et al., 2004).\n\n"
            "A review found that heat eased acute back pain (De La Cruz and Strug, 2004).\n\n"
            "## References\n\n"
            "HOLMBERG AB, LUND C, MOE D. Walking after hip surgery: a controlled trial. Hip Res. 2004;4:100-9.\n\n"
            "DE LA CRUZ M, STRUG LH. Heat for acute back pain: a systematic review. Back Res. 2004;9:1-9.\n")
    # (both papers from one year, so the link rests on the names, not on the only paper of a year)
    r = check_article(store, page)
    assert [(x["authors"][:1], x["year"]) for x in r["references"]] == [(["Holmberg AB"], 2004), (["de la Cruz M"], 2004)]
    walking = next(c for c in r["claims"] if c["text"].startswith("Early walking"))
    heat = next(c for c in r["claims"] if c["text"].startswith("A review found"))
    assert walking["references"] == [0] and heat["references"] == [1]
