"""Reference shapes met on the dev8 pages (session 9 of issue 13), each a documented style or a kind seen on
more than one page, and the particle-surname citation key.

Every entry below is written for this test (authors, titles, sites and identifiers are invented)."""
from __future__ import annotations

from physiohub.check.citations import surname_key
from physiohub.check.document import parse_document
from physiohub.check.references import Reference, inline_references, link_citations, parse_reference_list


def _refs(text: str) -> list[Reference]:
    doc = parse_document(text)
    refs = parse_reference_list(doc.reference_lines)
    return refs + inline_references(doc.sentences, refs)


def test_surname_key_keeps_particles():
    assert surname_key("van Dijk CN") == "van Dijk"
    assert surname_key("van Dijk et al.") == "van Dijk"
    assert surname_key("De Vries, A.") == "De Vries"
    assert surname_key("M. J. Hancock") == "Hancock"
    assert surname_key("Lind P") == "Lind"


def test_two_particle_surnames_of_one_year_are_two_citations():
    # keyed by the first word both were "van 2003", and the second was dropped as a repeat
    refs = _refs("Sitting posture mattered little (van Dijk et al., 2003; van Tulder et al., 2003).\n")
    assert sorted((r.authors[0], r.year) for r in refs) == [("van Dijk et al.", 2003), ("van Tulder et al.", 2003)]


def test_particle_citation_finds_its_entry_whatever_the_case():
    text = ("Van Dijk et al. (2011) found tendons thicken.\n\n## References\n\n"
            "van Dijk CN, Lee A. Thick tendons in runners. Br J Sports Med 2011;45:1-5.\n")
    refs = _refs(text)
    assert len(refs) == 1 and refs[0].authors[0] == "van Dijk CN"
    assert link_citations(["van Dijk 2011"], refs) == refs


def test_nlm_date_entry_after_the_text_is_a_reference():
    # one unlabelled line at the end, NLM's "Year Mon Day;Vol:Page" and "et al.," before the title
    text = ("Placebo did better than the injection at one year.\n\nA. Writer, MD\n\n"
            "Lindqvist KA et al., Effect of a heel injection on plantar pain: A randomized trial. *JAMA* 2016 Mar 9; 315:1022.\n")
    doc = parse_document(text)
    assert not any("Lindqvist" in s.text for s in doc.sentences)
    refs = _refs(text)
    assert [(r.authors, r.year, r.journal) for r in refs] == [(["Lindqvist KA"], 2016, "JAMA")]
    assert refs[0].title.startswith("Effect of a heel injection")
