"""The steps after import: appraise, then draft a card — only where the generator changed.

Each step stores its generator name and version; ``refresh`` recomputes what was made by an older
version or never made, so upgrading PhysioHub re-appraises and re-drafts on the next run, and an
unchanged study costs one indexed look-up.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from .store import Store
from .studies import load_record

BATCH = 500
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
) -> int:
    """Appraise and draft cards for stale studies (all given ones if ``force``); returns how many."""
    from . import appraise, cards
    from .appraise.persist import get_appraisal, save_appraisal
    from .cards.review import save_draft

    if not force:
        todo = stale_ids(store, ids)
    elif ids is not None:
        todo = list(ids)
    else:
        todo = [r[0] for r in store.query("SELECT id FROM studies ORDER BY id")]
    done = 0
    for start in range(0, len(todo), BATCH):
        chunk = todo[start:start + BATCH]
        with store.atomic():
            for sid in chunk:
                try:
                    with store.atomic():  # a savepoint: one study's failure leaves the others
                        record = load_record(store, sid)
                        save_appraisal(store, sid, appraise.appraise(record))
                        # The card is drafted from the appraisal as the editor sees it (overrides applied).
                        save_draft(store, sid, cards.generate_card(record, get_appraisal(store, sid)))
                except Exception as e:  # noqa: BLE001 - a bug on one record must not stop the batch
                    log.warning("appraisal of study %s failed: %s: %s", sid, type(e).__name__, e)
                    if failures is not None:
                        failures.append((sid, f"{type(e).__name__}: {e}"))
                    continue
                done += 1
        if progress:
            progress(len(chunk))
    return done
