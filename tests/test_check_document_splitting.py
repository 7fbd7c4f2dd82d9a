"""Sentence splitting around citations (issue 13, item 4): the full stops of journal abbreviations and
"et al." inside a citation do not end a sentence, and "et al." at a sentence's end does. Sentences written for
this test."""
from __future__ import annotations

import pytest

from physiohub.check.document import parse_document


@pytest.mark.parametrize("text, want", [
    ("A review found less pain (Knee Database Syst. Rev. 2017;(6):CD000001). Next sentence.",
     ["A review found less pain (Knee Database Syst. Rev. 2017;(6):CD000001).", "Next sentence."]),
    ("Hale et al. found that loading helps. Another one.", ["Hale et al. found that loading helps.", "Another one."]),
    ("It was shown (Br. J. Knee Med. 2020;54:1279) that it helps. Then more.",
     ["It was shown (Br. J. Knee Med. 2020;54:1279) that it helps.", "Then more."]),
    ("The trial appeared in J. Orthop. Knee Ther. in 2019 and found gains. Then more.",
     ["The trial appeared in J. Orthop. Knee Ther. in 2019 and found gains.", "Then more."]),
    ("A trial (Ng T, et al. The effect of walking. J Knee. 2019;1:2) found gains. Next.",
     ["A trial (Ng T, et al. The effect of walking. J Knee. 2019;1:2) found gains.", "Next."]),
    ("Exercise helps, said Hale et al. Their trial was small.", ["Exercise helps, said Hale et al.", "Their trial was small."]),
])
def test_citation_abbreviations_and_et_al(text, want):
    assert [s.text for s in parse_document(text).sentences] == want


def test_in_page_footnote_links_are_citation_markers():
    doc = parse_document("Strength training cut injuries to a third[1](#ref1). See the [methods](#methods) part. Cut by half.[2](#cite-2) Next.")
    assert [s.text for s in doc.sentences] == ["Strength training cut injuries to a third[1].", "See the methods part.",
                                               "Cut by half [2].", "Next."]


def test_a_numbered_citation_after_the_full_stop_stays_with_the_sentence_it_cites():
    doc = parse_document("Heel pain\n\nAbout two million people are treated for heel pain each year. (1) But heel spurs "
                         "are not thought to cause the pain. (1)(3) If the pain lasts, see a podiatrist.\n\n"
                         "Taping helped in a small trial. [2, 4]")
    texts = [s.text for s in doc.sentences]
    assert "About two million people are treated for heel pain each year. (1)" in texts
    assert "But heel spurs are not thought to cause the pain. (1)(3)" in texts
    assert "If the pain lasts, see a podiatrist." in texts
    assert any(t.startswith("Taping helped in a small trial") and "2, 4" in t for t in texts)
    # a bracketed number inside a sentence is not moved
    doc = parse_document("Pain eased in 4 of 5 trials (2) and the effect lasted. It held at one year.")
    assert [s.text for s in doc.sentences] == ["Pain eased in 4 of 5 trials (2) and the effect lasted.", "It held at one year."]
