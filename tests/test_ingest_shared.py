"""Real files from ../shared/data: every PubMed record and every bibliographic export imports."""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from physiohub.ingest import Rejected, read_path
from physiohub.models import Record

pytestmark = pytest.mark.shared_data


def records(path: Path) -> tuple[list[Record], list[Rejected]]:
    items = list(read_path(path))
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Rejected)]


def pmids_in(path: Path) -> list[str]:
    """PMIDs of the top-level records, read with a regex independent of our parser."""
    text = path.read_text(encoding="utf-8-sig")
    return re.findall(r"<(?:MedlineCitation|BookDocument)\b[^>]*>\s*<PMID[^>]*>(\d+)</PMID>", text)


def test_all_752_pubmed_records_parse_with_their_pmids(shared_data: Path):
    root = shared_data / "pubmed-xml"
    main = sorted(root.glob("*.xml"))
    edge = sorted((root / "edge-cases").glob("*.xml"))
    assert len(main) == 6 and len(edge) == 8
    kinds: Counter[str] = Counter()
    for f in main + edge:
        recs, rej = records(f)
        assert rej == [], f"{f.name}: {rej[:3]}"
        assert [r.pmid for r in recs] == pmids_in(f), f.name
        for r in recs:
            kinds["edge" if f in edge else "book" if r.book else "article"] += 1
    assert kinds == {"article": 736, "book": 6, "edge": 10}
    assert sum(kinds.values()) == 752


def test_pubmed_fields_on_real_records(shared_data: Path):
    recs, _ = records(shared_data / "pubmed-xml" / "nlm_pubmedsample_2019.xml")
    assert len(recs) == 176
    assert sum(bool(r.mesh) for r in recs) == 156  # README: 156 with MeshHeadingList
    assert all(r.title and r.year for r in recs)
    assert sum(r.retracted for r in recs) >= 1
    structured = [r for r in recs if len(r.abstract_sections) > 1]
    assert structured and all(s.category for r in structured for s in r.abstract_sections if s.label)
    bom, _ = records(shared_data / "pubmed-xml" / "efetch_gene_therapy_reviews_106.xml")  # UTF-8 BOM, 2015 DTD
    assert len(bom) == 106 and sum(bool(r.doi) for r in bom) > 50


def test_mesh_counts_match_the_readme(shared_data: Path):
    total = 0
    for f in sorted((shared_data / "pubmed-xml").glob("*.xml")):
        total += sum(bool(r.mesh) for r in records(f)[0])
    assert total == 681


@pytest.mark.parametrize("name,count", [
    ("ris/schoot-lgmm-ptsd-included-1.ris", 363),
    ("ris/schoot-lgmm-ptsd-included-2.ris", 38),
    ("ris/schoot-lgmm-ptsd-included-3.ris", 8),
    ("bibtex/p1m_scopus.bib", 10),
    ("bibtex/p1m_scholar.bib", 13),
    ("bibtex/p1m_Sathish2020E1E22.bib", 1),
    ("bibtex/p1m_gartlehner2020.bib", 1),
    ("bibtex/p1m_konsgen2020.bib", 1),
    ("bibtex/p1m_staikos2020.bib", 1),
    ("medline-nbib/biopython_pubmed_result1.txt", 1),
    ("medline-nbib/biopython_pubmed_result2.txt", 4),
    ("medline-nbib/biopython_pubmed_result3.txt", 1),
    ("crossref-json/crossref_api_works.json", 3),
    ("crossref-json/habanero_cassette_test_cursor_worklist_response.json", 20),
])
def test_bib_formats_yield_their_records(shared_data: Path, name: str, count: int):
    recs, rej = records(shared_data / "bib-formats" / name)
    assert (len(recs), len(rej)) == (count, 0)
    assert all(r.title for r in recs)


def test_crossref_520_works_all_accounted_for(shared_data: Path):
    path = shared_data / "bib-formats" / "crossref-json" / "habanero_cassettes_crossref_works_520.jsonl.gz"
    works = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    untitled = {w["DOI"].lower() for w in works if not any((w.get("title") or [""])) and not w.get("abstract")}
    recs, rej = records(path)
    assert len(recs) + len(rej) == 520
    assert {r.record for r in rej} == untitled  # only figure/table components without a title are refused
    assert sum(bool(r.abstract) for r in recs) == 167
    assert len({r.doi for r in recs}) == len(recs)


def test_every_bib_file_is_detected_without_a_format(shared_data: Path):
    files = [p for p in (shared_data / "bib-formats").rglob("*") if p.is_file() and p.name != "README.md"]
    assert len(files) == 15
    expected = {"ris": "ris", "bibtex": "bibtex", "medline-nbib": "medline", "crossref-json": "crossref-json"}
    for p in files:
        recs, _ = records(p)
        assert {r.source_format for r in recs} == {expected[p.parent.name]}, p.name


def test_ris_identifiers_from_real_exports(shared_data: Path):
    recs, _ = records(shared_data / "bib-formats" / "ris" / "schoot-lgmm-ptsd-included-1.ris")
    assert sum(bool(r.doi) for r in recs) >= 100  # at least every DO line
    assert sum(bool(r.pmid) for r in recs) == 66  # the EndNote/PubMed AN lines
    assert any("ä" in a.last for r in recs for a in r.authors)


def test_cohen2006_csv(shared_data: Path):
    recs, rej = records(shared_data / "cohen2006-drug-class-reviews" / "NSAIDS.raw.csv")
    assert len(recs) == 393 and not rej
    assert all(r.pmid for r in recs)
    assert sum(r.extra["columns"].get("label2") == "I" for r in recs) == 41  # README: 41 final includes


def test_importing_everything_twice_changes_nothing(shared_data: Path, store):
    from physiohub.ingest.pipeline import import_records

    files = sorted((shared_data / "pubmed-xml").rglob("*.xml")) + sorted(
        p for p in (shared_data / "bib-formats").rglob("*") if p.is_file() and p.name != "README.md")
    first = [import_records(store, read_path(f), file=f.name) for f in files]
    assert sum(s.added for s in first) > 1500
    studies = store.query_one("SELECT count(*) FROM studies")[0]
    second = [import_records(store, read_path(f), file=f.name) for f in files]
    assert sum(s.added + s.updated for s in second) == 0
    assert store.query_one("SELECT count(*) FROM studies")[0] == studies
    pmids = {r[0] for r in store.query("SELECT pmid FROM studies WHERE pmid IS NOT NULL")}
    for f in sorted((shared_data / "pubmed-xml").rglob("*.xml")):
        assert set(pmids_in(f)) <= pmids, f.name
