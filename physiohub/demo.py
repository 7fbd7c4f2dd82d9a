"""`physiohub demo`: build a small hub in one step and serve it.

Online it fetches the curated starter set (``demo_set.DEMO_SET``) from PubMed; ``--from`` builds from
files instead. Either way it appraises, drafts cards and — because a demo with nothing published shows
nothing — publishes the machine drafts as editor ``demo``; then it serves at once while the embeddings are
computed in the background (``--no-serve`` computes them before it ends). Real
deployments review drafts before publishing; the demo says so on stderr.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .errors import OnlineError
from .importing import ImportResult, run_import
from .progress import progress_bar
from .store import Store

OFFLINE_HELP = (
    "PubMed cannot be reached from here, so the demo set cannot be fetched. To go on offline: "
    "export records from PubMed (XML or MEDLINE), Zotero/EndNote (RIS) or any reference manager "
    "(BibTeX) on a machine that is online, then run `physiohub demo --from FILE...` "
    "(or `physiohub import FILE...` and `physiohub serve`)."
)


def build(store: Store, paths: list[Path], *, show_progress: bool = True,
          say: Callable[[str], None] = print, embed: bool = True) -> ImportResult:
    """Import (with appraisal and cards), publish the in-scope drafts and, with ``embed``, compute the
    embeddings. ``demo`` serves without waiting for them (``embed=False``; the server computes them in
    the background, web/indexproc.py): keyword search works as soon as the studies are stored."""
    if paths:
        result = run_import(store, paths, show_progress=show_progress)
    else:
        from .demo_set import DEMO_SET

        ensure_reachable()  # raises OnlineError with a one-line reason when offline
        result = run_import(store, [], pmids=[p for p, _ in DEMO_SET], show_progress=show_progress)
    if result.failed_files and not result.summary.study_ids:
        from .errors import IngestError

        raise IngestError("; ".join(result.failed_files))
    if embed:
        from .search import build_index

        with progress_bar("Embedding", None, enabled=show_progress) as advance:
            build_index(store, progress=advance, on_total=advance.set_total)
    published = publish_drafts(store)
    out_of_scope = store.query_one("SELECT COUNT(*) FROM cards c JOIN appraisals a ON a.study_id = c.study_id"
                                   " WHERE c.status != 'published' AND a.in_scope = 0")[0]
    say(f"demo: {result.summary.added} added, {result.summary.updated} updated; {published} machine drafts "
        "published as editor 'demo' (review them in the editor area before real use)"
        + (f"; {out_of_scope} left as drafts because they are not about MSK physiotherapy "
           "(editor area, queue filter 'Out of scope')" if out_of_scope else ""))
    return result


def ensure_reachable(timeout: float = 8.0) -> None:
    """Fail fast, with one line, when PubMed cannot be reached (rather than mid-import)."""
    import httpx

    from .ingest import online

    try:
        with httpx.Client(timeout=timeout) as client:
            client.get(f"{online.EUTILS}/einfo.fcgi", params={"retmode": "json"}).raise_for_status()
    except httpx.HTTPError as e:
        raise OnlineError(f"cannot reach PubMed E-utilities ({type(e).__name__})") from None


def publish_drafts(store: Store) -> int:
    from .cards.review import set_status

    # Only studies in scope for an MSK physiotherapy hub (appraise/scope.py); the rest stay drafts, for an
    # editor to look at, so a breast-cancer trial never reaches the demo's home page.
    rows = store.query("SELECT c.study_id, c.status FROM cards c JOIN appraisals a ON a.study_id = c.study_id"
                       " WHERE c.status != 'published' AND COALESCE(a.in_scope, 1) = 1")
    for sid, status in rows:
        if status == "draft":
            set_status(store, sid, "in_review", "demo")  # the review workflow allows no shortcut
        set_status(store, sid, "published", "demo")
    return len(rows)


__all__ = ["OFFLINE_HELP", "build", "ensure_reachable", "publish_drafts"]
