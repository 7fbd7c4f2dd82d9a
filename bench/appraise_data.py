"""Shared loaders for the appraisal benchmarks: they read ../shared/data at run time (nothing copied).

PubMed XML goes through ``physiohub.ingest.read_path`` when the importer is installed, else through a
small lxml reader kept here so the benchmark can run on its own.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from physiohub.models import AbstractSection, MeshHeading, Record

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"

PUBMED_FILES = ("nlm_pubmedsample_2019.xml", "efetch_cancer_biology_93.xml", "efetch_smart_home_elderly_32.xml",
                "efetch_air_embolism_case_reports_121.xml", "efetch_gene_therapy_reviews_106.xml",
                "efetch_nasopharyngeal_childhood_cancer_208.xml")


def is_dev_pmid(pmid: str) -> bool:
    """Rule development reads only records with an even PMID; odd PMIDs are the held-out figure."""
    return pmid[-1:] in "02468" and pmid != ""


def _lxml_records(path: Path) -> Iterator[Record]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    tree = etree.parse(str(path), parser)
    for art in tree.iter("PubmedArticle"):
        pmid = art.findtext(".//MedlineCitation/PMID") or ""
        a = art.find(".//Article")
        title = "".join(a.find("ArticleTitle").itertext()) if a is not None and a.find("ArticleTitle") is not None else ""
        secs = []
        for t in art.findall(".//Abstract/AbstractText"):
            secs.append(AbstractSection("".join(t.itertext()).strip(), t.get("Label") or "", t.get("NlmCategory") or ""))
        pts = [p.text or "" for p in art.iter("PublicationType")]
        mesh = [MeshHeading(d.text or "", d.get("MajorTopicYN") == "Y") for d in art.iter("DescriptorName")]
        yield Record(source_format="pubmed-xml", source_id=pmid, pmid=pmid, title=title.strip(),
                     abstract_sections=[s for s in secs if s.text], publication_types=pts, mesh=mesh,
                     retracted="Retracted Publication" in pts)


def pubmed_records(names: tuple[str, ...]) -> Iterator[tuple[str, Record]]:
    try:
        from physiohub.ingest import read_path  # type: ignore[attr-defined]
    except ImportError:
        read_path = None
    for name in names:
        path = DATA / "pubmed-xml" / name
        if read_path is not None:
            for rec in read_path(path):
                if isinstance(rec, Record) and not rec.book:
                    yield name, rec
        else:
            for rec in _lxml_records(path):
                yield name, rec


def conll_docs(path: Path) -> Iterator[tuple[str, list[list[tuple[str, str]]]]]:
    """EBM-NLP CoNLL: (pmid, sentences of (token, tag))."""
    doc_id, sents, cur = None, [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if doc_id is not None:
                if cur:
                    sents.append(cur)
                yield doc_id, sents
            doc_id, sents, cur = line.split("(")[-1].rstrip(")").strip(), [], []
        elif not line.strip():
            if cur:
                sents.append(cur)
            cur = []
        else:
            parts = line.split()
            cur.append((parts[0], parts[-1]))
    if doc_id is not None:
        if cur:
            sents.append(cur)
        yield doc_id, sents


def piboso(path: Path) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    pmid, rows = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("###"):
            if pmid is not None:
                yield pmid, rows
            pmid, rows = line[3:].strip(), []
        elif "\t" in line:
            label, sent = line.split("\t", 1)
            rows.append((label, sent))
    if pmid is not None:
        yield pmid, rows


def pedro_titles() -> list[str]:
    with open(DATA / "pedro-msk-trials" / "pedro_msk_trials.csv", newline="", encoding="utf-8") as f:
        return [r["title"] for r in csv.DictReader(f)]
