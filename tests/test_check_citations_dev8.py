"""In-text citation forms met on the dev8 pages (session 9 of issue 13). Every citation is written for this test."""
from __future__ import annotations

from physiohub.check.citations import find_citations


def test_author_year_with_no_space_after_the_comma():
    assert [(c.who, c.year) for c in find_citations("Gentle care eased neck pain (Marsh et al,2004).")] == [("Marsh et al", 2004)]
    assert [(c.who, c.year) for c in find_citations("It helped most people (Lind,2019; Moe, 2020).")] == [("Lind", 2019), ("Moe", 2020)]
