"""Plain data: what a study record, an appraisal and a card are. No I/O here.

Records are what importers produce; the store keeps them as JSON (``Record.to_dict``) beside a few
indexed columns, so adding a field never needs a migration.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Author:
    last: str = ""
    fore: str = ""
    initials: str = ""
    collective: str = ""  # a group author ("PEDro Collaboration")
    affiliations: list[str] = field(default_factory=list)
    orcid: str = ""

    @property
    def display(self) -> str:
        if self.collective:
            return self.collective
        return f"{self.last} {self.initials or self.fore}".strip()


@dataclass
class AbstractSection:
    text: str
    label: str = ""         # as printed ("BACKGROUND", "Methods and results")
    category: str = ""      # NLM category: BACKGROUND OBJECTIVE METHODS RESULTS CONCLUSIONS UNASSIGNED


@dataclass
class MeshHeading:
    descriptor: str
    major: bool = False
    ui: str = ""
    qualifiers: list[tuple[str, bool]] = field(default_factory=list)  # (name, major)


@dataclass
class Record:
    """One research record as imported, before appraisal."""

    source_format: str                 # pubmed-xml, medline, ris, bibtex, crossref-json, jsonl, csv
    source_id: str = ""                # the id the record came with (PMID, BEIR _id, RIS ID, BibTeX key)
    pmid: str = ""
    doi: str = ""                      # normalised: lower case, no resolver prefix
    pmcid: str = ""
    title: str = ""                    # plain text
    title_html: str = ""               # with harmless inline markup kept (i, b, sup, sub); else == title
    abstract_sections: list[AbstractSection] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    journal: str = ""
    journal_abbrev: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    year: int | None = None
    pub_date: str = ""                 # ISO-ish: YYYY, YYYY-MM or YYYY-MM-DD
    publication_types: list[str] = field(default_factory=list)
    mesh: list[MeshHeading] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    language: str = ""
    retracted: bool = False
    retraction_notes: list[str] = field(default_factory=list)  # RetractionIn / RetractionOf refs
    url: str = ""
    book: bool = False                 # PubmedBookArticle
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def abstract(self) -> str:
        """The abstract as one plain text, sections joined with their labels."""
        parts = []
        for s in self.abstract_sections:
            parts.append(f"{s.label}: {s.text}" if s.label else s.text)
        return "\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        # Hand-written instead of dataclasses.asdict: that deep-copies recursively and was 70% of
        # the import pipeline's time on 25k records.
        d = {name: getattr(self, name) for name in _RECORD_SCALARS}
        d["abstract_sections"] = [
            {"text": s.text, "label": s.label, "category": s.category} for s in self.abstract_sections
        ]
        d["authors"] = [
            {"last": a.last, "fore": a.fore, "initials": a.initials, "collective": a.collective,
             "affiliations": list(a.affiliations), "orcid": a.orcid}
            for a in self.authors
        ]
        d["mesh"] = [
            {"descriptor": m.descriptor, "major": m.major, "ui": m.ui, "qualifiers": [list(q) for q in m.qualifiers]}
            for m in self.mesh
        ]
        for name in ("publication_types", "keywords", "retraction_notes"):
            d[name] = list(getattr(self, name))
        d["extra"] = dict(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        d = dict(d)
        d["abstract_sections"] = [AbstractSection(**s) for s in d.get("abstract_sections") or []]
        d["authors"] = [Author(**a) for a in d.get("authors") or []]
        d["mesh"] = [
            MeshHeading(
                descriptor=m["descriptor"], major=m.get("major", False), ui=m.get("ui", ""),
                qualifiers=[tuple(q) for q in m.get("qualifiers") or []],
            )
            for m in d.get("mesh") or []
        ]
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})

    def richness(self) -> int:
        """How much this record carries: the merge keeps the richer of two duplicates."""
        return (
            len(self.abstract) // 50 + 5 * bool(self.pmid) + 3 * bool(self.doi)
            + 2 * len(self.publication_types) + len(self.mesh) + len(self.keywords)
            + len(self.authors) + 2 * bool(self.journal) + 2 * bool(self.year)
        )


_RECORD_SCALARS = tuple(
    f.name for f in dataclasses.fields(Record)
    if f.name not in ("abstract_sections", "authors", "mesh", "publication_types", "keywords", "retraction_notes", "extra")
)
