"""PubMed XML elements -> ``Record``: the field mapping for ``PubmedArticle`` and ``PubmedBookArticle``.

DTD vintages 2015-2025 differ in small ways handled here: pre-2015 ``Article/Affiliation`` versus
``Author/AffiliationInfo``; ``Identifier Source="ORCID"`` (2013+); MathML in titles (2023+); an empty
or "[Not Available]." ``ArticleTitle`` with a ``VernacularTitle``. This is the hot path of large
imports, so elements are walked once with tag dispatch (lxml's ``find`` goes through a Python
ElementPath layer and cost more than the rest of the conversion).
"""
from __future__ import annotations

import re

from lxml import etree

from ..models import AbstractSection, Author, MeshHeading, Record
from .markup import element_html
from .normalize import normalize_doi, normalize_pmcid, normalize_pmid
from .pubdate import MONTHS, medline_date


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") if text else ""


# ASCII white space other than the plain space, as ``str.split()`` sees it; with "  " these are what
# collapsing would change in an ASCII string.
_ASCII_WS = ("  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _text(el: etree._Element) -> str:
    """Element text with white space collapsed; the hot path of the importer, so kept minimal.

    Most PubMed text (94% of it) is ASCII with single spaces already: a few substring checks then
    return it as is, at half the cost of splitting and joining it again."""
    t = "".join(el.itertext()) if len(el) else el.text
    if not t:
        return ""
    if t.isascii() and t[0] != " " and t[-1] != " " and not any(w in t for w in _ASCII_WS):
        return t
    return " ".join(t.split())


def _orcid(value: str) -> str:
    m = re.search(r"(\d{4}-?\d{4}-?\d{4}-?\d{3}[\dXx])", value or "")
    if not m:
        return ""
    d = m.group(1).replace("-", "").upper()
    return f"{d[0:4]}-{d[4:8]}-{d[8:12]}-{d[12:16]}"


def _authors(author_list: etree._Element | None) -> list[Author]:
    out: list[Author] = []
    if author_list is None:
        return out
    for a in author_list:
        if a.tag != "Author" or a.get("ValidYN") == "N":
            continue
        last = fore = initials = collective = orcid = ""
        affiliations: list[str] = []
        for c in a:
            tag = c.tag
            if tag == "LastName":
                last = c.text or ""
            elif tag == "ForeName":
                fore = c.text or ""
            elif tag == "Initials":
                initials = c.text or ""
            elif tag == "AffiliationInfo":
                affiliations.extend(_text(x) for x in c if x.tag == "Affiliation")
            elif tag == "CollectiveName":
                collective = _text(c)
            elif tag == "Affiliation":  # early DTDs put it straight under Author
                affiliations.append(_text(c))
            elif tag == "Identifier" and (c.get("Source") or "").upper() == "ORCID":
                orcid = _orcid(c.text or "")
        out.append(Author(last, fore, initials, collective, affiliations, orcid))
    return out


def _abstract(abstract: etree._Element | None) -> list[AbstractSection]:
    if abstract is None:
        return []
    sections = []
    for t in abstract:
        if t.tag != "AbstractText":
            continue
        text = _text(t)
        if text:
            sections.append(AbstractSection(text=text, label=t.get("Label") or "",
                                            category=t.get("NlmCategory") or ""))
    return sections


def _date(el: etree._Element | None) -> tuple[int | None, str]:
    """PubDate / ArticleDate / BookDocument PubDate -> (year, 'YYYY[-MM[-DD]]')."""
    if el is None:
        return None, ""
    year = month = day = ""
    for c in el:
        if c.tag == "Year":
            year = (c.text or "").strip()
        elif c.tag == "Month":
            m = (c.text or "").strip()
            month = MONTHS.get(m[:3].lower(), m.zfill(2) if m.isdigit() else "")
        elif c.tag == "Day":
            d = (c.text or "").strip()
            day = d.zfill(2) if d.isdigit() else ""
        elif c.tag == "MedlineDate":
            return medline_date(c.text or "")
    if not (year.isdigit() and len(year) == 4):
        return None, ""
    iso = year + (f"-{month}" if month else "") + (f"-{day}" if month and day else "")
    return int(year), iso


def _article_ids(id_list: etree._Element | None, rec: Record) -> None:
    if id_list is None:
        return
    for aid in id_list:
        kind = aid.get("IdType")
        val = (aid.text or "").strip()
        if kind == "doi" and not rec.doi:
            rec.doi = normalize_doi(val)
        elif kind == "pmc" and not rec.pmcid:
            rec.pmcid = normalize_pmcid(val)
        elif kind in ("pii", "bookaccession", "mid", "pmcid") and val:
            rec.extra.setdefault("ids", {})[kind] = val


def _mesh(mesh_list: etree._Element) -> list[MeshHeading]:
    out = []
    for mh in mesh_list:
        desc = ui = ""
        major = False
        quals = []
        for c in mh:
            tag = c.tag
            if tag == "DescriptorName":
                desc = c.text or ""
                ui = c.get("UI") or ""
                major = c.get("MajorTopicYN") == "Y"
            elif tag == "QualifierName":
                q_major = c.get("MajorTopicYN") == "Y"
                quals.append((c.text or "", q_major))
                if q_major:
                    major = True
        if desc:
            out.append(MeshHeading(desc, major, ui, quals))
    return out


def _comments(cc_list: etree._Element, rec: Record) -> None:
    for cc in cc_list:
        ref = cc.get("RefType") or ""
        if ref not in ("RetractionIn", "RetractionOf", "ExpressionOfConcernIn", "ErratumIn"):
            continue
        src = _text(cc.find("RefSource")) if cc.find("RefSource") is not None else ""
        pmid = (cc.findtext("PMID") or "").strip()
        note = f"{ref}: {src}" + (f" (PMID {pmid})" if pmid else "")
        if ref in ("RetractionIn", "RetractionOf"):
            rec.retraction_notes.append(note)
            if ref == "RetractionIn":
                rec.retracted = True
        else:
            rec.extra.setdefault("notices", []).append(note)


def _common(container: etree._Element, rec: Record) -> None:
    """Elements MedlineCitation and BookDocument share: keywords, MeSH, comments."""
    for c in container:
        tag = c.tag
        if tag == "MeshHeadingList":
            rec.mesh = _mesh(c)
        elif tag == "KeywordList":
            rec.keywords.extend(_text(k) for k in c if k.tag == "Keyword" and _text(k))
        elif tag == "CommentsCorrectionsList":
            _comments(c, rec)


def _finish(rec: Record) -> None:
    if "Retracted Publication" in rec.publication_types:
        rec.retracted = True
    if rec.pmid:
        rec.url = f"https://pubmed.ncbi.nlm.nih.gov/{rec.pmid}/"


def _article(art: etree._Element, rec: Record) -> tuple[str, str]:
    """Fields of ``Article``; returns (ELocationID DOI, pre-2015 article-level affiliation)."""
    elocation_doi = article_affiliation = ""
    for c in art:
        tag = c.tag
        if tag == "Journal":
            for j in c:
                jt = j.tag
                if jt == "JournalIssue":
                    for ji in j:
                        if ji.tag == "Volume":
                            rec.volume = (ji.text or "").strip()
                        elif ji.tag == "Issue":
                            rec.issue = (ji.text or "").strip()
                        elif ji.tag == "PubDate":
                            rec.year, rec.pub_date = _date(ji)
                elif jt == "Title":
                    rec.journal = _text(j)
                elif jt == "ISOAbbreviation":
                    rec.journal_abbrev = _text(j)
                elif jt == "ISSN":
                    rec.extra["issn"] = (j.text or "").strip()
        elif tag == "ArticleTitle":
            rec.title = _text(c)
            rec.title_html = element_html(c) if len(c) else _escape(rec.title)
        elif tag == "Abstract":
            rec.abstract_sections = _abstract(c)
        elif tag == "AuthorList":
            rec.authors = _authors(c)
        elif tag == "PublicationTypeList":
            rec.publication_types = [p.text.strip() for p in c if p.tag == "PublicationType" and p.text]
        elif tag == "Pagination":
            pages = {p.tag: (p.text or "").strip() for p in c}
            pg = pages.get("MedlinePgn") or ""
            if not pg and pages.get("StartPage"):
                pg = pages["StartPage"] + (f"-{pages['EndPage']}" if pages.get("EndPage") else "")
            rec.pages = pg
        elif tag == "ELocationID":
            if c.get("EIdType") == "doi" and c.get("ValidYN") != "N" and not elocation_doi:
                elocation_doi = normalize_doi(c.text)
        elif tag == "Language":
            if not rec.language:
                rec.language = (c.text or "").strip()
        elif tag == "Affiliation":
            article_affiliation = _text(c)
        elif tag == "ArticleDate" and c.get("DateType", "Electronic") == "Electronic":
            rec.extra["article_date"] = _date(c)[1]
        elif tag == "VernacularTitle":
            rec.extra["vernacular_title"] = _text(c)
    if not rec.title.strip("[]. ") or rec.title.lower() in ("[not available].", "not available"):
        # No English title: PubMed then leaves ArticleTitle empty or "[Not Available]."
        vernacular = rec.extra.get("vernacular_title", "")
        if vernacular:
            rec.title = vernacular
            rec.title_html = _escape(vernacular)
    return elocation_doi, article_affiliation


def convert_article(el: etree._Element) -> Record:
    """One ``PubmedArticle`` element -> Record. Single passes over children: no ElementPath look-ups,
    which cost more than the rest of the conversion on large files."""
    rec = Record(source_format="pubmed-xml")
    elocation_doi = article_affiliation = ""
    for part in el:
        if part.tag == "MedlineCitation":
            for c in part:
                tag = c.tag
                if tag == "PMID":
                    rec.pmid = normalize_pmid(c.text)
                elif tag == "Article":
                    elocation_doi, article_affiliation = _article(c, rec)
                elif tag == "MeshHeadingList":
                    rec.mesh = _mesh(c)
                elif tag == "KeywordList":
                    rec.keywords.extend(t for t in (_text(k) for k in c if k.tag == "Keyword") if t)
                elif tag == "CommentsCorrectionsList":
                    _comments(c, rec)
        elif part.tag == "PubmedData":
            for c in part:
                if c.tag == "ArticleIdList":
                    _article_ids(c, rec)
                elif c.tag == "PublicationStatus" and c.text:
                    rec.extra["publication_status"] = c.text
    rec.source_id = rec.pmid
    if article_affiliation and rec.authors and not rec.authors[0].affiliations:
        rec.authors[0].affiliations.append(article_affiliation)
    if rec.year is None and rec.extra.get("article_date"):
        rec.pub_date = rec.extra["article_date"]
        rec.year = int(rec.pub_date[:4])
    if not rec.doi:
        rec.doi = elocation_doi
    _finish(rec)
    return rec


def convert_book(el: etree._Element) -> Record:
    """One ``PubmedBookArticle`` element -> Record (a book or a chapter of one)."""
    rec = Record(source_format="pubmed-xml", book=True)
    bd = el.find("BookDocument")
    if bd is None:
        return rec
    rec.pmid = normalize_pmid(bd.findtext("PMID"))
    rec.source_id = rec.pmid
    book = bd.find("Book")
    book_title = ""
    if book is not None:
        bt = book.find("BookTitle")
        if bt is not None:
            book_title = _text(bt)
            rec.journal = book_title
            rec.title_html = element_html(bt)
        rec.year, rec.pub_date = _date(book.find("PubDate"))
        rec.volume = (book.findtext("Volume") or "").strip()
        publisher = book.findtext("Publisher/PublisherName")
        if publisher:
            rec.extra["publisher"] = publisher.strip()
    for c in bd:
        tag = c.tag
        if tag == "ArticleTitle":
            rec.title = _text(c)
            rec.title_html = element_html(c)
        elif tag == "AuthorList" and not rec.authors and c.get("Type", "authors") == "authors":
            rec.authors = _authors(c)
        elif tag == "Language" and not rec.language:
            rec.language = (c.text or "").strip()
        elif tag == "PublicationType":
            rec.publication_types.append(_text(c))
        elif tag == "Abstract":
            rec.abstract_sections = _abstract(c)
        elif tag == "ArticleIdList":
            _article_ids(c, rec)
        elif tag == "ELocationID" and c.get("EIdType") == "doi" and not rec.doi:
            rec.doi = normalize_doi(c.text)
    if not rec.title:
        rec.title = book_title
    if not rec.authors and book is not None and book.find("AuthorList") is not None:
        rec.authors = _authors(book.find("AuthorList"))
    _common(bd, rec)
    pbd = el.find("PubmedBookData")
    if pbd is not None:
        _article_ids(pbd.find("ArticleIdList"), rec)
    _finish(rec)
    return rec
