"""The steps after import: appraise, then draft a card — only where the generator changed.

Each step stores its generator name and version; ``refresh`` recomputes what was made by an older
version or never made, so upgrading PhysioHub re-appraises and re-drafts on the next run, and an
unchanged study costs one indexed look-up.
"""
from __future__ import annotations

import json
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable
from typing import Any

from .models import Record
from .store import Store

BATCH = 500
PARALLEL_MIN = 200  # below this, starting worker processes costs more than it saves
log = logging.getLogger(__name__)


def stale_ids(store: Store, ids: Iterable[int] | None = None) -> list[int]:
    from . import appraise, cards

    rows = store.query(
        "SELECT s.id FROM studies s"
        " LEFT JOIN appraisals a ON a.study_id = s.id"
        " LEFT JOIN cards c ON c.study_id = s.id"
        " WHERE a.study_id IS NULL OR a.version != ? OR a.generator != ?"
        "    OR c.study_id IS NULL OR c.version != ? OR c.generator != ?"
        "    OR a.updated_at < s.updated_at",
        (appraise.VERSION, appraise.GENERATOR, cards.VERSION, cards.GENERATOR),
    )
    stale = {r[0] for r in rows}
    if ids is None:
        return sorted(stale)
    return [i for i in ids if i in stale]


def refresh(
    store: Store,
    ids: Iterable[int] | None = None,
    *,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    failures: list[tuple[int, str]] | None = None,
    parallel: bool = False,
) -> int:
    """Appraise and draft cards for stale studies (all given ones if ``force``); returns how many.

    The card is drafted from the appraisal as the editor sees it (overrides applied). Each study is
    stored in its own savepoint, so one study's failure leaves the others. ``parallel``: with many
    studies and several cores, appraisals and cards are computed in worker processes (one per core)
    while this process stores the previous batch; the results are the same (tested). Forks, so it is
    meant for the command line, not for threaded servers.
    """
    if not force:
        todo = stale_ids(store, ids)
    elif ids is not None:
        todo = list(ids)
    else:
        todo = [r[0] for r in store.query("SELECT id FROM studies ORDER BY id")]
    chunks = [todo[i:i + BATCH] for i in range(0, len(todo), BATCH)]
    workers = os.cpu_count() or 1
    if parallel and len(todo) >= PARALLEL_MIN and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        from .childproc import die_with_parent

        # The workers end with this process, even when it is killed (childproc).
        with multiprocessing.get_context("fork").Pool(workers, initializer=die_with_parent,
                                                      initargs=(os.getpid(), "physiohub-cards")) as pool:
            return _run(store, chunks, lambda items: pool.map_async(_compute, items, chunksize=8).get,
                        progress, failures)

    def here(items: list[tuple[int, str, list[dict[str, Any]]]]) -> Callable[[], list]:
        results = [_compute(item) for item in items]
        return lambda: results

    return _run(store, chunks, here, progress, failures)


def _failed(sid: int, e: Exception | str, failures: list[tuple[int, str]] | None) -> None:
    msg = e if isinstance(e, str) else f"{type(e).__name__}: {e}"
    log.warning("appraisal of study %s failed: %s", sid, msg)
    if failures is not None:
        failures.append((sid, msg))


def _compute(item: tuple[int, str, list[dict[str, Any]]]) -> tuple[int, Any, Any, str | None]:
    """(study id, record JSON, overrides) -> (id, appraisal, card, error); runs in a worker or here."""
    from . import appraise, cards
    from .appraise.persist import effective_appraisal

    sid, record_json, overrides = item
    try:
        record = Record.from_dict(json.loads(record_json))
        data = appraise.appraise(record)
        return sid, data, cards.generate_card(record, effective_appraisal(data, overrides)), None
    except Exception as e:  # noqa: BLE001 - a bug on one record must not stop the batch
        return sid, None, None, f"{type(e).__name__}: {e}"


def _run(store: Store, chunks: list[list[int]],
         submit: Callable[[list[tuple[int, str, list[dict[str, Any]]]]], Callable[[], list]],
         progress: Callable[[int], None] | None, failures: list[tuple[int, str]] | None) -> int:
    """Compute batch k+1 (``submit`` returns a function that waits for its results) while storing batch k."""
    from .appraise.persist import overrides_for, save_appraisal
    from .cards.review import save_draft

    def items(chunk: list[int]) -> list[tuple[int, str, list[dict[str, Any]]]]:
        rows = dict(store.query(f"SELECT id, record FROM studies WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        for sid in chunk:
            if sid not in rows:
                _failed(sid, f"NotFound: no study with id {sid}", failures)
        return [(sid, rows[sid], overrides_for(store, sid)) for sid in chunk if sid in rows]

    done = 0
    pending = submit(items(chunks[0])) if chunks else None
    for k, chunk in enumerate(chunks):
        results = pending()
        if k + 1 < len(chunks):
            pending = submit(items(chunks[k + 1]))
        with store.atomic():
            for sid, data, card, error in results:
                if error is not None:
                    _failed(sid, error, failures)
                    continue
                try:
                    with store.atomic():  # a savepoint: one study's failure leaves the others
                        save_appraisal(store, sid, data)
                        save_draft(store, sid, card)
                except Exception as e:  # noqa: BLE001 - as above
                    _failed(sid, e, failures)
                    continue
                done += 1
        if progress:
            progress(len(chunk))
    return done
