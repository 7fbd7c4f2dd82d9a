"""Every importer on small hand-written fixtures (invented records): fields, markup, ids, retractions."""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from physiohub.errors import IngestError
from physiohub.ingest import FORMATS, Rejected, read_bytes, read_path
from physiohub.models import Record

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"


def split(items) -> tuple[list[Record], list[Rejected]]:
    items = list(items)
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Rejected)]


# -- PubMed XML -----------------------------------------------------------------------------------
def test_pubmed_xml_article_fields():
    recs, rej = split(read_path(FIX / "pubmed_small.xml"))
    assert [r.pmid for r in recs] == ["90000001", "90000002", "90000003"]
    assert len(rej) == 1 and "no PMID" in rej[0].reason
    r = recs[0]
    assert r.source_format == "pubmed-xml" and r.source_id == "90000001"
    assert r.doi == "10.9999/jip.2021.0001"  # from ELocationID, normalised; the reference's DOI is ignored
    assert r.pmcid == "PMC9000001"
    assert r.title == "Graded loading versus rest for VO2 max in runners with Achilles pain: a †trial"
    assert r.title_html == ("Graded <i>loading</i> versus rest for VO<sub>2</sub> max in runners with "
                            "<b>Achilles</b> pain: a <sup>†</sup>trial")
    assert [(s.label, s.category) for s in r.abstract_sections] == [
        ("BACKGROUND", "BACKGROUND"), ("METHODS", "METHODS"), ("RESULTS", "RESULTS"), ("CONCLUSIONS", "CONCLUSIONS")]
    assert r.abstract_sections[1].text == "We randomised 40 invented people to loading or rest."
    assert r.abstract.startswith("BACKGROUND: Made-up runners")
    assert [a.display for a in r.authors] == ["Tester AB", "Invented Tendon Trialists Group"]  # ValidYN=N dropped
    assert r.authors[0].orcid == "0000-0002-1825-009X"
    assert r.authors[0].affiliations == ["Department of Imaginary Physiotherapy, Nowhere University.",
                                         "Fictional Clinic, Atlantis."]
    assert (r.journal, r.journal_abbrev, r.volume, r.issue, r.pages) == (
        "Journal of Invented Physiotherapy", "J Invent Physiother", "12", "3", "101-109")
    assert (r.year, r.pub_date) == (2021, "2021-03-05")
    assert r.publication_types == ["Journal Article", "Randomized Controlled Trial"]
    assert r.mesh[0].descriptor == "Achilles Tendon" and r.mesh[0].ui == "D000125"
    assert r.mesh[0].major is True and r.mesh[0].qualifiers == [("physiopathology", True)]
    assert r.mesh[1].major is True and r.mesh[2].major is False
    assert r.keywords == ["tendinopathy", "loading"]
    assert r.language == "eng"
    assert r.retracted is True
    assert r.retraction_notes == ["RetractionIn: J Invent Physiother. 2022;13(1):1. (PMID 90000009)"]
    assert r.url == "https://pubmed.ncbi.nlm.nih.gov/90000001/"


def test_pubmed_xml_medline_date_old_affiliation_and_retracted_type():
    recs, _ = split(read_path(FIX / "pubmed_small.xml"))
    r = recs[1]
    assert (r.year, r.pub_date) == (1998, "1998-12")  # MedlineDate "1998 Dec-1999 Jan"
    assert r.authors[0].affiliations == ["Old-style affiliation, Pretend Hospital."]
    assert r.doi == "10.9999/apr.1998.7" and r.language == "eng"
    assert r.retracted is True and r.retraction_notes == []
    assert [(s.label, s.text) for s in r.abstract_sections] == [("", "One plain paragraph of invented text about neck pain.")]


def test_pubmed_book_article():
    recs, _ = split(read_path(FIX / "pubmed_small.xml"))
    b = recs[2]
    assert b.book is True and b.pmid == "90000003"
    assert b.title == "Shoulder pain: an invented chapter"
    assert b.journal == "Handbook of Invented Musculoskeletal Care"
    assert (b.year, b.pub_date) == (2019, "2019-06")
    assert b.publication_types == ["Review"]
    assert b.abstract_sections[0].category == "BACKGROUND"
    assert b.extra["ids"]["bookaccession"] == "NBK000001"


def test_pubmed_xml_with_bom_and_gzip(tmp_path: Path):
    data = (FIX / "pubmed_small.xml").read_bytes()
    bom = tmp_path / "bom.xml"
    bom.write_bytes(b"\xef\xbb\xbf" + data)
    assert [r.pmid for r in split(read_path(bom))[0]] == ["90000001", "90000002", "90000003"]
    gz = tmp_path / "pubmed24n0001.xml.gz"
    with gzip.open(gz, "wb") as f:
        f.write(data)
    assert len(split(read_path(gz))[0]) == 3


# -- MEDLINE text ------------------------------------------------------------------------------------
def test_medline_text():
    recs, rej = split(read_path(FIX / "sample.nbib"))
    assert [r.pmid for r in recs] == ["90000011", "90000012"]
    assert rej[0].record == "90000013" and "neither title" in rej[0].reason
    r = recs[0]
    assert r.title == "Invented exercise therapy for pretend knee osteoarthritis: a randomised trial."
    assert [s.category for s in r.abstract_sections] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert r.abstract_sections[1].text == "We invented a trial of 60 people."
    assert [a.display for a in r.authors] == ["Kneeson KA", "Patella P", "Pretend Knee Collaboration"]
    assert r.authors[0].fore == "Kim A" and r.authors[0].affiliations == ["Imaginary Institute of Knees, Nowhere."]
    assert r.authors[0].orcid == "0000-0001-2345-6789"
    assert (r.year, r.pub_date, r.doi, r.pmcid) == (2020, "2020-02", "10.9999/knee.2020.11", "PMC9000011")
    assert r.mesh[0].descriptor == "Osteoarthritis, Knee" and r.mesh[0].major
    assert r.mesh[1].qualifiers == [("methods", True)] and r.mesh[1].major and not r.mesh[2].major
    assert r.keywords == ["exercise", "knee"]
    assert r.retracted and "PMID: 90000019" in r.retraction_notes[0]
    assert (r.journal, r.journal_abbrev) == ("Pretend knee journal", "Pretend Knee J")
    assert recs[1].doi == "10.9999/letter.1999" and recs[1].year == 1999


# -- RIS -------------------------------------------------------------------------------------------
def test_ris_zotero():
    recs, _ = split(read_path(FIX / "zotero.ris"))
    r = recs[0]
    assert r.title == "Invented pain education for pretend back pain"
    assert r.doi == "10.9999/spine.2019.5" and r.pmid == "90000021"
    assert [a.display for a in r.authors] == ["Lumbar L", "Spine S"]
    assert (r.journal, r.journal_abbrev, r.volume, r.issue, r.pages) == (
        "Journal of Imaginary Spines", "J Imag Spines", "8", "2", "33-41")
    assert (r.year, r.pub_date) == (2019, "2019")
    assert [s.category for s in r.abstract_sections] == ["OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert r.keywords == ["pain education", "low back pain"]
    assert recs[1].retracted and not recs[0].retracted


def test_ris_endnote_banner_n2_doi_in_m3_and_pubmed_accession():
    recs, _ = split(read_path(FIX / "endnote.ris"))
    r = recs[0]
    assert r.source_id == "7" and r.title == "Invented hip strengthening in imaginary adults"
    assert r.abstract == "An abstract that an older EndNote export wrote in N2."
    assert r.doi == "10.9999/hip.2017.3" and r.pmid == "90000031" and r.pmcid == "PMC9000031"
    assert (r.journal, r.year, r.pub_date, r.pages) == ("Pretend Hip Journal", 2017, "2017-02-01", "5-9")


def test_ris_scopus_and_ovid_accession_numbers_are_not_pmids():
    s, _ = split(read_path(FIX / "scopus.ris"))
    assert s[0].pmid == "" and s[0].doi == "10.9999/shoulder.2022.1"
    assert s[0].publication_types == ["Article"] and s[0].authors[0].affiliations == ["Pretend University, Nowhere"]
    assert s[0].abstract_sections[0].label == "Background"
    o, _ = split(read_path(FIX / "ovid.ris"))
    assert o[0].pmid == "" and o[0].doi == "10.9999/ankle.2015.44"  # Embase AN; DOI from the UR line
    assert o[0].journal == "Pretend Journal of Ankles" and o[0].journal_abbrev == "Pretend J Ankles"
    assert o[1].pmid == "90000041"  # Ovid MEDLINE AN is the PMID


# -- BibTeX ----------------------------------------------------------------------------------------
def test_bibtex_scopus_latex_and_rejected_block():
    recs, rej = split(read_path(FIX / "scopus.bib"))
    r = recs[0]
    assert r.source_id == "Muller2021"
    assert r.title == "Invented in vivo tendon loading in naïve runners"
    assert [a.display for a in r.authors][:2] == ["Müller J", "García M"]
    assert r.authors[2].collective == "Invented Physio Network"
    assert (r.doi, r.pmid, r.year, r.pages) == ("10.9999/ism.2021.10", "90000051", 2021, "10-20")
    assert r.publication_types == ["Review"] and r.language == "English"
    assert "13.5% more load" in r.abstract
    assert [s.category for s in r.abstract_sections] == ["OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert r.keywords == ["human", "article", "tendon", "running", "loading"]
    assert r.authors[0].affiliations == ["Pretend Institute, Nowhere", "Other Pretend Place, Elsewhere"]
    assert recs[1].doi == "10.9999/sage.2020.1"  # from the citation key
    assert len(rej) == 1 and rej[0].record.startswith("line")


# -- Crossref --------------------------------------------------------------------------------------
def test_crossref_single_work():
    (r,), _ = split(read_path(FIX / "crossref_work.json"))
    assert r.doi == "10.9999/cr.2020.4" and r.source_id == r.doi
    assert r.title == "Invented in vivo loading of CO2-treated tendonsalert(1)"
    assert r.title_html == "Invented <i>in vivo</i> loading of CO<sub>2</sub>-treated tendonsalert(1)"
    assert "<script" not in r.title_html
    assert [(s.label, s.category, s.text) for s in r.abstract_sections][0] == (
        "Background", "BACKGROUND", "Invented tendons need load.")
    assert len(r.abstract_sections) == 4
    assert r.authors[0].orcid == "0000-0002-1825-009X" and r.authors[0].affiliations == ["Pretend University"]
    assert r.authors[1].collective == "Invented Consortium"
    assert (r.journal, r.journal_abbrev, r.volume, r.issue, r.pages) == (
        "Journal of Pretend Tendons", "J Pretend Tendons", "9", "4", "200-210")
    assert (r.year, r.pub_date) == (2020, "2020-06")  # print date first, as PubMed does
    assert r.publication_types == ["Journal Article"] and r.retracted
    assert r.retraction_notes == ["RetractionIn: 10.9999/cr.2021.retraction"]


def test_crossref_list_and_lines():
    recs, rej = split(read_path(FIX / "crossref_list.json"))
    assert [r.doi for r in recs] == ["10.9999/list.1", "10.9999/list.3"]
    assert recs[0].abstract_sections[0].label == "" and recs[0].abstract == "An unlabelled invented abstract."
    assert recs[1].year is None and recs[1].book
    assert rej[0].record == "10.9999/list.2"
    recs, _ = split(read_path(FIX / "crossref_lines.jsonl"))  # .jsonl of Crossref works: sniffed as Crossref
    assert [r.source_format for r in recs] == ["crossref-json"] * 2 and recs[0].pub_date == "2017-02"


# -- JSONL -----------------------------------------------------------------------------------------
def test_jsonl_beir_with_bad_lines():
    recs, rej = split(read_path(FIX / "beir.jsonl"))
    assert [(r.source_id, r.title) for r in recs] == [("doc-1", "Invented BEIR document about hip pain"),
                                                       ("doc-2", "")]
    assert recs[1].abstract == "A document with text only."
    assert [x.record for x in rej] == ["line 3", "doc-3"] and "invalid JSON" in rej[0].reason


def test_jsonl_export_round_trip(tmp_path: Path):
    import json

    original = split(read_path(FIX / "pubmed_small.xml"))[0][0]
    line = {"id": 1, "source_id": original.source_id, "pmid": original.pmid, "doi": original.doi,
            "title": original.title, "abstract": original.abstract, "year": original.year,
            "publication_types": original.publication_types, "appraisal": {}, "card": None,
            "record": original.to_dict()}
    p = tmp_path / "export.jsonl"
    p.write_text(json.dumps(line) + "\n" + json.dumps({**line, "record": None, "id": 2, "pmid": "90000099",
                                                      "source_id": "90000099"}) + "\n")
    recs, _ = split(read_path(p))
    assert recs[0] == original  # lossless: MeSH, sections, authors, retraction all back
    flat = recs[1]
    assert (flat.pmid, flat.title, flat.year) == ("90000099", original.title, 2021)
    assert flat.abstract_sections[0].label == "BACKGROUND"


# -- CSV -------------------------------------------------------------------------------------------
def test_csv_pubmed_export():
    recs, _ = split(read_path(FIX / "pubmed_export.csv"))
    assert [r.pmid for r in recs] == ["90000061", "90000062"]
    r = recs[0]
    assert [a.display for a in r.authors] == ["Neck N", "Desk D", "Chair C"]
    assert (r.doi, r.pmcid, r.year, r.journal) == ("10.9999/neck.2020.1", "PMC9000061", 2020, "Pretend Neck J")
    assert r.extra["columns"]["Citation"].startswith("Pretend Neck J.")


def test_csv_screening_semicolons_and_labels():
    recs, rej = split(read_path(FIX / "screening.csv"))
    r = recs[0]
    assert r.pmid == "90000071" and r.keywords == ["Humans", "Back Pain"]
    assert [a.display for a in r.authors] == ["Relax A", "Calm B"]
    assert r.abstract == "First paragraph of an invented abstract. Second paragraph."
    assert r.extra["columns"] == {"label1": "I", "label2": "I"}
    assert rej[0].record == "line 3"


def test_csv_without_title_or_abstract_column(tmp_path: Path):
    p = tmp_path / "x.csv"
    p.write_text("name,colour\nfoo,red\n")
    with pytest.raises(IngestError, match="no title or abstract column"):
        list(read_path(p))


# -- detection -------------------------------------------------------------------------------------
@pytest.mark.parametrize("fixture,fmt", [
    ("pubmed_small.xml", "pubmed-xml"), ("sample.nbib", "medline"), ("zotero.ris", "ris"),
    ("endnote.ris", "ris"), ("scopus.bib", "bibtex"), ("crossref_work.json", "crossref-json"),
    ("crossref_lines.jsonl", "crossref-json"), ("beir.jsonl", "jsonl"), ("pubmed_export.csv", "csv"),
    ("screening.csv", "csv"),
])
def test_detect_by_content_without_extension(tmp_path: Path, fixture: str, fmt: str):
    p = tmp_path / "download.txt"  # a name that says nothing
    shutil.copy(FIX / fixture, p)
    recs, _ = split(read_path(p))
    assert recs and {r.source_format for r in recs} == {fmt if fmt != "beir" else "jsonl"}


def test_explicit_format_and_unknown_format():
    assert split(read_path(FIX / "sample.nbib", fmt="medline"))[0]
    with pytest.raises(IngestError, match="unknown format 'endnote'"):
        read_path(FIX / "sample.nbib", fmt="endnote")
    assert set(FORMATS) == {"pubmed-xml", "medline", "ris", "bibtex", "crossref-json", "jsonl", "csv"}


def test_undetectable_text_names_the_file(tmp_path: Path):
    p = tmp_path / "notes.txt"
    p.write_text("Just some notes.\nNothing bibliographic.\n")
    with pytest.raises(IngestError, match="notes.txt: cannot tell the format"):
        read_path(p)


def test_read_bytes_for_uploads():
    recs, _ = split(read_bytes((FIX / "zotero.ris").read_bytes(), "upload.ris"))
    assert recs[0].pmid == "90000021"


def test_pubmed_update_file_with_delete_citations(tmp_path: Path, caplog):
    data = (FIX / "pubmed_small.xml").read_text().replace(
        "</PubmedArticleSet>",
        "<DeleteCitation><PMID Version=\"1\">90000097</PMID><PMID Version=\"1\">90000098</PMID></DeleteCitation>\n"
        "</PubmedArticleSet>")
    p = tmp_path / "pubmed25n1300.xml"
    p.write_text(data)
    recs, _ = split(read_path(p))
    assert [r.pmid for r in recs] == ["90000001", "90000002", "90000003"]
    assert "2 DeleteCitation PMID(s)" in caplog.text


def test_biblatex_from_zotero():
    (r,), _ = split(read_path(FIX / "zotero_biblatex.bib"))
    assert r.pmid == "90000091" and r.doi == "10.9999/hip.2016.3"
    assert r.title == "Invented hip exercise in PRETEND adults: a made-up trial"
    assert [a.display for a in r.authors] == ["Hipster H", "Öztürk A"]
    assert (r.journal, r.journal_abbrev, r.year, r.pub_date) == ("Pretend Hip Journal", "Pretend Hip J", 2016, "2016-04")
    assert r.keywords == ["hip", "exercise"]


def test_ris_record_without_er_is_refused_alone():
    data = (b"TY  - JOUR\nTI  - First invented record\nER  - \n\n"
            b"TY  - JOUR\nTI  - A record whose ER line is missing\n"
            b"TY  - JOUR\nTI  - Third invented record\nER  - \n\n"
            b"TY  - JOUR\nTI  - Cut off at the end of the file\n")
    recs, rej = split(read_bytes(data, "cut.ris"))
    assert [r.title for r in recs] == ["First invented record", "Third invented record"]
    assert [(x.record, x.reason) for x in rej] == [
        ("#2", "record at line 5 has no ER line (truncated or malformed)"),
        ("#4", "record at line 11 has no ER line (truncated or malformed)")]


def test_broken_bibtex_block_reason_names_it():
    recs, rej = split(read_bytes(b"@article{good, title={A fine invented entry}}\n@article{x, title={unclosed",
                                 "broken.bib"))
    assert [r.source_id for r in recs] == ["good"]
    assert rej[0].record == "line 2" and "@article{x, title={unclosed" in rej[0].reason


def test_pubmed_title_falls_back_to_vernacular_title(tmp_path: Path):
    data = (FIX / "pubmed_small.xml").read_text().replace(
        "<ArticleTitle>An old unstructured report on imaginary neck pain.</ArticleTitle>",
        "<ArticleTitle>[Not Available].</ArticleTitle><VernacularTitle>Un rapport inventé sur la nuque.</VernacularTitle>")
    p = tmp_path / "vernacular.xml"
    p.write_text(data)
    r = split(read_path(p))[0][1]
    assert r.title == r.title_html == "Un rapport inventé sur la nuque."
    assert r.extra["vernacular_title"] == r.title


# -- normalisers: the fast paths must give what the full steps give -------------------------------
@pytest.mark.parametrize("raw, doi", [
    ("10.1000/abc", "10.1000/abc"),
    ("10.1000/ABC", "10.1000/abc"),
    ("10.1000/abc.", "10.1000/abc"),
    ("10.1000/abc\n", "10.1000/abc"),
    (" 10.1000/abc", "10.1000/abc"),
    ("10.1000/a&amp;b", "10.1000/a&b"),
    ("https://doi.org/10.1000/X;", "10.1000/x"),
    ("10.1000/a b", ""),
    ("10.1/abc", ""),
    ("10.1000/", ""),
])
def test_normalize_doi(raw, doi):
    from physiohub.ingest.normalize import normalize_doi

    assert normalize_doi(raw) == doi


@pytest.mark.parametrize("text", ["a b", "  a", "a  ", "a\tb", "a\nb", "a  b", "x", "é  e", "a\u00a0 b", "α β"])
def test_pubmed_text_collapses_white_space_like_split(text):
    from lxml import etree

    from physiohub.ingest.pubmed_fields import _text

    el = etree.Element("AbstractText")
    el.text = text
    assert _text(el) == " ".join(text.split())
