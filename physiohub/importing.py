"""The import use case behind `physiohub import` and `physiohub demo`: files and online sources,
each file one transaction, then appraisal and card drafts for what changed."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import IngestError, OnlineError
from .ingest.pipeline import ImportSummary, import_path, import_records
from .progress import progress_bar
from .store import Store


@dataclass
class ImportResult:
    summary: ImportSummary = field(default_factory=ImportSummary)
    failed_files: list[str] = field(default_factory=list)
    appraised: int = 0
    appraisal_failures: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {**self.summary.as_dict(), "failed": self.failed_files, "appraised": self.appraised,
                "appraisal_failures": [{"id": i, "reason": r} for i, r in self.appraisal_failures]}


def run_import(
    store: Store,
    paths: list[Path],
    *,
    fmt: str = "auto",
    pmids: list[str] | None = None,
    dois: list[str] | None = None,
    pubmed_query: str | None = None,
    max_results: int = 200,
    appraise: bool = True,
    show_progress: bool = False,
    parallel: bool = True,
) -> ImportResult:
    result = ImportResult()
    for path in paths:
        try:
            with progress_bar(f"Importing {path.name}", None, enabled=show_progress) as advance:
                s = import_path(store, path, fmt, parallel=parallel, on_item=advance)
            result.summary.merge(s)
        except IngestError as e:
            result.failed_files.append(str(e))
    if pmids or dois or pubmed_query:
        from .ingest import online

        try:
            with progress_bar("Fetching", None, enabled=show_progress) as advance:
                s = import_records(
                    store,
                    online.fetch_records(store, pmids=pmids or [], dois=dois or [], pubmed_query=pubmed_query,
                                         max_results=max_results),
                    file="online", on_item=advance,
                )
            result.summary.merge(s)
        except (OnlineError, IngestError) as e:
            result.failed_files.append(str(e))
    if appraise and (result.summary.study_ids or result.summary.unchanged_ids):
        from .search.lexical import index_terms
        from .workflow import refresh, stale_ids

        # Unchanged studies are appraised too when they lack a current appraisal or card: an import
        # killed during its appraisal step stored the studies, so the re-run finds them unchanged and
        # must finish the work (issue 14).
        ids = sorted(set(result.summary.study_ids) | set(stale_ids(store, result.summary.unchanged_ids)))
        if ids:
            with progress_bar("Appraising", len(ids), enabled=show_progress) as advance:
                result.appraised = refresh(store, ids, force=True, progress=advance,
                                           failures=result.appraisal_failures, parallel=parallel)
            # Keyword search's term vectors, so the next search needs no catch-up (embeddings, much
            # slower, stay with `physiohub index`).
            with progress_bar("Indexing terms", len(ids), enabled=show_progress) as advance:
                index_terms(store, progress=advance)
    return result
