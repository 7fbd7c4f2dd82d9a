"""Batch work over stored studies: the trained PICO tagger, run apart from import because it is slower."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..store import Store
from .core import appraise_many
from .persist import save_appraisal


def tag_pico(store: Store, ids: Iterable[int] | None = None, *, batch_size: int = 256,
             progress: Callable[[int], None] | None = None) -> int:
    """Re-appraise studies with the trained PICO tagger (all studies when ``ids`` is None); returns how many.

    Editors' overrides are untouched (they live apart and are applied on read).
    """
    from ..studies import load_record

    todo = list(ids) if ids is not None else [r[0] for r in store.query("SELECT id FROM studies ORDER BY id")]
    done = 0
    for start in range(0, len(todo), batch_size):
        chunk = todo[start:start + batch_size]
        records = [load_record(store, sid) for sid in chunk]
        with store.atomic():
            for sid, data in zip(chunk, appraise_many(records, deep=True, batch_size=batch_size)):
                save_appraisal(store, sid, data)
                done += 1
        if progress:
            progress(len(chunk))
    return done
