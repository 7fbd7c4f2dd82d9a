"""Appraisal and card drafting, in worker processes or in one, give what the plain definition gives."""
from __future__ import annotations

import json

from physiohub import workflow
from physiohub.appraise.persist import get_appraisal, set_override
from physiohub.ingest.pipeline import import_path
from physiohub.store import Store

from test_pipeline_parallel import big_file


def snapshot(store: Store) -> list[tuple]:
    rows = store.query(
        "SELECT a.study_id, a.data, a.design, a.evidence, a.verdict, a.research_type, c.data, c.status"
        " FROM appraisals a JOIN cards c ON c.study_id = a.study_id ORDER BY a.study_id")
    return [tuple(r) for r in rows]


def topics(store: Store) -> list[tuple]:
    return [tuple(r) for r in store.query("SELECT * FROM appraisal_topics ORDER BY study_id, kind, value")]


def reference_refresh(store: Store, ids: list[int]) -> None:
    """The plain definition: store the appraisal, then draft the card from it as read back."""
    from physiohub import appraise, cards
    from physiohub.appraise.persist import save_appraisal
    from physiohub.cards.review import save_draft
    from physiohub.studies import load_record

    for sid in ids:
        record = load_record(store, sid)
        save_appraisal(store, sid, appraise.appraise(record))
        save_draft(store, sid, cards.generate_card(record, get_appraisal(store, sid)))


def test_refresh_in_workers_and_in_process_equal_the_plain_definition(tmp_path):
    path = big_file(tmp_path, copies=150)  # 300 studies: above PARALLEL_MIN
    stores = []
    for name, how in (("ref.db", None), ("seq.db", False), ("par.db", True)):
        store = Store(tmp_path / name)
        ids = import_path(store, path).study_ids
        set_override(store, ids[5], "evidence", "Limited", "ed", "small sample")  # must reach the card
        if how is None:
            reference_refresh(store, ids)
        else:
            failures: list = []
            n = workflow.refresh(store, ids, force=True, parallel=how, failures=failures)
            assert n == len(ids) == 300 and not failures
        stores.append(store)
    ref, seq, par = stores
    assert snapshot(seq) == snapshot(ref) and snapshot(par) == snapshot(ref)
    assert topics(seq) == topics(ref) and topics(par) == topics(ref)
    assert get_appraisal(par, 6)["evidence"] == "Limited"
    card = json.loads(par.query_one("SELECT data FROM cards WHERE study_id = ?", (6,))[0])
    assert card["badges"]["evidence"] == "Limited"  # the editor's value, not the machine's


def test_parallel_refresh_reports_a_failing_study_and_stores_the_rest(tmp_path, monkeypatch):
    path = big_file(tmp_path, copies=150)
    store = Store(tmp_path / "a.db")
    ids = import_path(store, path).study_ids
    import physiohub.appraise as appraise_pkg

    real = appraise_pkg.appraise

    def flaky(record):
        if record.title.startswith("Copy 3: Exercise"):
            raise ValueError("invented failure")
        return real(record)

    monkeypatch.setattr(appraise_pkg, "appraise", flaky)  # the forked workers inherit the patch
    failures: list = []
    n = workflow.refresh(store, ids, force=True, parallel=True, failures=failures)
    assert n == 299 and failures == [(ids[7], "ValueError: invented failure")]  # study 8: copy 3's second
    assert store.query_one("SELECT count(*) FROM cards")[0] == 299
