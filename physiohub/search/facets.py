"""Hit rows for a page of results, and facet counts over a whole result set."""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..store import Store
from . import changes
from .cache import forget, unchanged
from .lexical import members

FACETS = ("design", "evidence", "verdict", "topic", "body_region", "year")


def hydrate(store: Store, ranked: Sequence[tuple[int, float]]) -> list[dict[str, Any]]:
    """The agreed hit dicts, in the order given."""
    if not ranked:
        return []
    id_sql, id_params = store.dialect.id_list_select([int(i) for i, _ in ranked])
    rows = {
        r["id"]: r
        for r in store.query(
            "SELECT s.id, s.source_id, s.title, s.year, s.retracted, a.design, a.evidence, a.verdict,"
            " a.research_type FROM studies s LEFT JOIN appraisals a ON a.study_id = s.id"
            f" WHERE s.id IN ({id_sql})",
            id_params,
        )
    }
    topics: dict[int, list[str]] = {}
    for r in store.query(
        "SELECT study_id, value FROM appraisal_topics WHERE kind = 'topic'"
        f" AND study_id IN ({id_sql}) ORDER BY study_id, is_primary DESC, rowid",
        id_params,
    ):
        topics.setdefault(r[0], []).append(r[1])
    hits = []
    for sid, score in ranked:
        r = rows.get(sid)
        if r is None:  # deleted between ranking and reading: drop it rather than show a hole
            continue
        hits.append({
            "id": sid,
            "source_id": r["source_id"],
            "score": round(float(score), 6),
            "title": r["title"],
            "year": r["year"],
            "design": r["design"],
            "evidence": r["evidence"],
            "verdict": r["verdict"],
            "research_type": r["research_type"],
            "topics": topics.get(sid, []),
            "retracted": bool(r["retracted"]),
        })
    return hits


def _sorted(counter: Counter, *, by_value: bool = False) -> dict[Any, int]:
    if by_value:  # years: newest first
        return dict(sorted(counter.items(), key=lambda kv: -kv[0]))
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def _count(store: Store, id_sql: str, params: list[Any]) -> dict[str, dict[Any, int]]:
    counts: dict[str, Counter] = {f: Counter() for f in FACETS}
    for r in store.query(
        "SELECT s.year, a.design, a.evidence, a.verdict FROM studies s"
        f" LEFT JOIN appraisals a ON a.study_id = s.id WHERE s.id IN ({id_sql})",
        params,
    ):
        for name, value in zip(("year", "design", "evidence", "verdict"), r):
            if value is not None and value != "":
                counts[name][value] += 1
    for r in store.query(
        "SELECT kind, value, count(*) FROM appraisal_topics WHERE kind IN ('topic', 'body_region')"
        f" AND study_id IN ({id_sql}) GROUP BY kind, value",
        params,
    ):
        counts[r[0]][r[1]] += r[2]
    return {name: _sorted(c, by_value=name == "year") for name, c in counts.items()}


@dataclass
class FacetTable:
    """Every study's facet values as integer codes, so counting a result set is a few bincounts."""

    ids: np.ndarray  # sorted study ids
    codes: dict[str, np.ndarray]  # design/evidence/verdict/year: code per study, -1 = none
    pairs: dict[str, tuple[np.ndarray, np.ndarray]]  # topic/body_region: (study position, code)
    labels: dict[str, list[Any]]
    years: np.ndarray  # publication year, -1 when unknown
    retracted: np.ndarray  # bool
    published: np.ndarray  # bool: the card is published
    primary: np.ndarray  # code (into labels["topic"]) of the primary topic, -1 when none
    participants: np.ndarray  # sample size (an editor's override first), 0 when none is given

    def related_pools(self, study_id: int) -> list[np.ndarray]:
        """Candidate ids for related(): same primary topic first, then everyone; never retracted or itself."""
        ok = ~self.retracted & (self.ids != study_id)
        pos = members(self.ids, np.array([study_id], dtype=np.int64))
        everyone = self.ids[ok]
        if not len(pos) or self.primary[pos[0]] < 0:
            return [everyone]
        return [self.ids[ok & (self.primary == self.primary[pos[0]])], everyone]

    def allowed(self, f: dict[str, Any]) -> np.ndarray:
        """Sorted ids of the studies passing normalised filters (see filters.py), as numpy masks.

        The same conditions as ``filters.where`` in SQL, without reading the studies table: a
        filtered query at 100k studies costs ~1 ms here instead of 50-250 ms of table scans.
        """
        mask = np.ones(len(self.ids), dtype=bool)
        for name in ("design", "evidence", "verdict"):
            if name in f:
                wanted = [i for i, v in enumerate(self.labels[name]) if v in f[name]]
                mask &= np.isin(self.codes[name], wanted)
        for name in ("topic", "body_region"):
            if name in f:
                where, code = self.pairs[name]
                wanted = [i for i, v in enumerate(self.labels[name]) if v in f[name]]
                hit = np.zeros(len(self.ids), dtype=bool)
                hit[where[np.isin(code, wanted)]] = True
                mask &= hit
        undated = (self.years < 0) if f.get("include_undated") else np.zeros(len(self.ids), dtype=bool)
        if "year_from" in f:
            mask &= (self.years >= f["year_from"]) | undated
        if "year_to" in f:
            mask &= ((self.years <= f["year_to"]) & (self.years >= 0)) | undated
        if f.get("exclude_retracted"):
            mask &= ~self.retracted
        if f.get("status") == "published":
            mask &= self.published
        return self.ids[mask]

    def count(self, ids: Sequence[int]) -> dict[str, dict[Any, int]]:
        pos = members(self.ids, np.asarray(ids, dtype=np.int64))
        out: dict[str, dict[Any, int]] = {}
        for name, code in self.codes.items():
            c = code[pos]
            out[name] = self._named(name, np.bincount(c[c >= 0], minlength=len(self.labels[name])))
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[pos] = True
        for name, (where, code) in self.pairs.items():
            out[name] = self._named(name, np.bincount(code[mask[where]], minlength=len(self.labels[name])))
        return {name: out[name] for name in FACETS}

    def cells(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        """The evidence picture's aggregate over these studies: [{design, verdict, studies, participants,
        unknown_n}] per (design, verdict) present, None for a missing value; the same numbers as the SQL
        ``GROUP BY design, verdict`` of web/evidence_picture.py, by bincounts over the codes."""
        pos = members(self.ids, np.asarray(ids, dtype=np.int64))
        if not len(pos):
            return []
        nv = len(self.labels["verdict"]) + 1  # code -1 (none) becomes 0
        key = (self.codes["design"][pos].astype(np.int64) + 1) * nv + (self.codes["verdict"][pos] + 1)
        n = self.participants[pos]
        size = (len(self.labels["design"]) + 1) * nv
        studies = np.bincount(key, minlength=size)
        people = np.bincount(key, weights=n, minlength=size)
        unknown = np.bincount(key, weights=n <= 0, minlength=size)
        out = []
        for k in np.flatnonzero(studies).tolist():
            d, v = divmod(k, nv)
            out.append({"design": self.labels["design"][d - 1] if d else None,
                        "verdict": self.labels["verdict"][v - 1] if v else None,
                        "studies": int(studies[k]), "participants": int(people[k]), "unknown_n": int(unknown[k])})
        return out

    def _named(self, name: str, counts: np.ndarray) -> dict[Any, int]:
        named = Counter({self.labels[name][i]: int(counts[i]) for i in np.flatnonzero(counts)})
        return _sorted(named, by_value=name == "year")


_SCALARS = ("year", "design", "evidence", "verdict")
# A study's sample size for the evidence picture: an editor's override first, then the appraisal's own; only a
# positive whole number counts, as in web/evidence_picture.py's SQL (0 here: none). Read through a join with
# the overrides (``o``), each value cast once. Its changes reach the change log (migration 1501).
PARTICIPANTS_SQL = ("max(CAST(COALESCE(json_extract(o.value, '$'), json_extract(a.data, '$.n_participants'))"
                    " AS INTEGER), 0)")


def _read(store: Store, only: list[int] | None, base: dict[str, list[Any]]) -> FacetTable:
    """The table of all studies (``only`` None) or of those ids that still exist, coded against ``base``'s
    labels (new values appended, so codes already handed out stay valid)."""
    id_sql, params = store.dialect.id_list_select(only) if only is not None else ("", [])
    rows = store.query("SELECT s.id, s.year, a.design, a.evidence, a.verdict, s.retracted,"
                       f" {PARTICIPANTS_SQL} FROM studies s"
                       " LEFT JOIN appraisals a ON a.study_id = s.id"
                       " LEFT JOIN appraisal_overrides o ON o.study_id = s.id AND o.field = 'n_participants'"
                       + (f" WHERE s.id IN ({id_sql})" if only is not None else "") + " ORDER BY s.id", params)
    trows = store.query("SELECT study_id, kind, value, is_primary FROM appraisal_topics"
                        " WHERE kind IN ('topic', 'body_region')"
                        + (f" AND study_id IN ({id_sql})" if only is not None else ""), params)
    prows = store.query("SELECT study_id FROM cards WHERE status = 'published'"
                        + (f" AND study_id IN ({id_sql})" if only is not None else ""), params)
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    labels = {name: list(base.get(name, [])) for name in FACETS}

    def coder(name: str, values: set[Any]) -> dict[Any, int]:
        known = labels[name]
        # a first load sorts its labels; later values are appended (label order never matters to counts)
        known.extend(sorted(values - set(known), key=str))
        return {v: i for i, v in enumerate(known)}

    codes: dict[str, np.ndarray] = {}
    for col, name in enumerate(_SCALARS, start=1):
        index = coder(name, {r[col] for r in rows if r[col] not in (None, "")})
        codes[name] = np.fromiter((index.get(r[col], -1) for r in rows), dtype=np.int32, count=len(rows))
    pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    primary = np.full(len(ids), -1, dtype=np.int64)
    for kind in ("topic", "body_region"):
        krows = [r for r in trows if r[1] == kind]
        index = coder(kind, {r[2] for r in krows})
        sids = np.fromiter((r[0] for r in krows), dtype=np.int64, count=len(krows))
        code = np.fromiter((index[r[2]] for r in krows), dtype=np.int64, count=len(krows))
        pos = np.minimum(np.searchsorted(ids, sids), max(len(ids) - 1, 0))
        found = ids[pos] == sids if len(ids) else np.zeros(len(sids), dtype=bool)
        pairs[kind] = (pos[found], code[found])
        if kind == "topic":
            first = np.fromiter((bool(r[3]) for r in krows), dtype=bool, count=len(krows)) & found
            primary[pos[first]] = code[first]
    years = np.fromiter((r[1] if r[1] is not None else -1 for r in rows), dtype=np.int64, count=len(rows))
    retracted = np.fromiter((bool(r[5]) for r in rows), dtype=bool, count=len(rows))
    participants = np.fromiter((r[6] or 0 for r in rows), dtype=np.int64, count=len(rows))
    published = np.zeros(len(ids), dtype=bool)
    published[members(ids, np.array(sorted(r[0] for r in prows), dtype=np.int64))] = True
    return FacetTable(ids, codes, pairs, labels, years, retracted, published, primary, participants)


def _merge(old: FacetTable, changed: list[int], fresh: FacetTable) -> FacetTable:
    """``old`` with the studies in ``changed`` replaced by their rows in ``fresh`` (read with ``old``'s
    labels); a changed study missing from ``fresh`` was deleted. Numpy only: linear, no Python loop."""
    keep = np.ones(len(old.ids), dtype=bool)
    keep[members(old.ids, np.asarray(changed, dtype=np.int64))] = False
    ids = np.concatenate([old.ids[keep], fresh.ids])
    order = np.argsort(ids, kind="stable")
    ids = ids[order]

    def aligned(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.concatenate([a[keep], b])[order]

    pairs = {}
    for name, (where, code) in old.pairs.items():
        kept = keep[where]
        nwhere, ncode = fresh.pairs[name]
        sids = np.concatenate([old.ids[where[kept]], fresh.ids[nwhere]])
        pairs[name] = (np.searchsorted(ids, sids), np.concatenate([code[kept], ncode]))
    return FacetTable(ids, {n: aligned(c, fresh.codes[n]) for n, c in old.codes.items()}, pairs, fresh.labels,
                      aligned(old.years, fresh.years), aligned(old.retracted, fresh.retracted),
                      aligned(old.published, fresh.published), aligned(old.primary, fresh.primary),
                      aligned(old.participants, fresh.participants))


@dataclass
class _Cached:
    table: FacetTable
    seq: int  # the change-log position the table is current to


_CACHE: dict[str, _Cached] = {}
_LOCK = threading.Lock()


def _load(store: Store, cached: _Cached | None) -> _Cached:
    with changes.snapshot(store):
        seq = changes.head(store)
        if cached is not None:
            ids = changes.since(store, "facets", cached.seq, seq)
            if ids is not None and len(ids) <= max(1000, len(cached.table.ids) // 2):
                if not ids:
                    return _Cached(cached.table, seq)
                return _Cached(_merge(cached.table, ids, _read(store, ids, cached.table.labels)), seq)
        return _Cached(_read(store, None, {}), seq)


def table(store: Store) -> FacetTable:
    """Every study's facet and filter values in memory, current after any commit to the database.

    The cache gate (no query while nothing was committed) first; then the change log says which studies
    changed since the table was loaded and only those are re-read (``_merge``). One thread brings the table
    up to date; a request meanwhile gets the table as it was (``changes.single_flight``).
    """
    cached = _CACHE.get(store.url)
    if cached is not None and unchanged(store, "facets"):
        return cached.table
    if cached is not None and changes.head(store) == cached.seq:
        return cached.table
    with changes.single_flight(_LOCK, wait=cached is None) as mine:
        if not mine:
            forget(store, "facets")  # served as it was: look again next time
            return cached.table
        cached = _CACHE.get(store.url)
        if cached is not None and changes.head(store) == cached.seq:
            return cached.table
        fresh = _load(store, cached)
        if store.url != ":memory:":
            _CACHE[store.url] = fresh
        return fresh.table


def facet_counts(store: Store, ids: Sequence[int]) -> dict[str, dict[Any, int]]:
    """{facet: {value: count}} over these studies (a study with two topics counts in both)."""
    return table(store).count(ids)


def facet_counts_sql(store: Store, id_sql: str, params: list[Any]) -> dict[str, dict[Any, int]]:
    """Facet counts over the studies a ``SELECT id`` returns, in SQL: the reference for the tests."""
    return _count(store, id_sql, params)
