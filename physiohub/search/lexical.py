"""BM25 at scale: an in-memory impact index built from stored per-study term vectors.

Why not FTS5's ``bm25()`` alone: FTS5 scores every document that matches any query term (it has no
WAND/MaxScore pruning), so a bag-of-words OR query over 100k abstracts takes 300-550 ms here
(docs/benchmarks.md). bm25s-style precomputed impacts make it a few milliseconds: for every
(term, study) the BM25 contribution is computed once, a query sums the rows of its terms.

The formula is FTS5's own (k1 = 1.2, b = 0.75, IDF = ln((N - n + 0.5) / (n + 0.5)) floored at
1e-6, term frequency summed over columns with the dialect's field weights, document length =
all tokens of all columns), so FTS5 stays the reference implementation (``fts5_search``) and the
two rank alike. Tokens: letters/digits, case-folded, Lucene's English stopwords dropped, Snowball
English stems (PyStemmer), for documents and queries alike.

Term vectors are stored per study (``search_terms``: term hashes + weighted frequencies + length,
keyed by the study's ``content_hash``) by ``build_index``; a study imported since then is
tokenised in memory on the next query, so results are never stale. The impact matrix is rebuilt
when the set of studies changes (seconds at 100k; ``warm(store)`` does it up front).
"""
from __future__ import annotations

import hashlib
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from ..store import Store
from .cache import unchanged
from ..store.dialect import FTS_COLUMNS, FTS_WEIGHTS
from .query import _TOKEN, MAX_QUERY_CHARS, STOPWORDS, query_terms

K1, B = 1.2, 0.75  # FTS5's bm25() constants
_STEMMER = None
_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    global _STEMMER
    s = _STEMS.get(word)
    if s is None:
        if _STEMMER is None:
            import Stemmer  # PyStemmer: Snowball in C, ~1 µs a word

            _STEMMER = Stemmer.Stemmer("english")
        s = _STEMS[word] = _STEMMER.stemWord(word)
        if len(_STEMS) > 2_000_000:  # unbounded vocabularies (ids, numbers) must not eat memory
            _STEMS.clear()
    return s


def term_id(term: str) -> int:
    """A stable signed 64-bit id for a stemmed term (no vocabulary table to keep in sync)."""
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


_IDS: dict[str, int] = {}


def _word_id(word: str) -> int:
    """Term id of a (case-folded) word's stem; memoised, as most words repeat across documents."""
    i = _IDS.get(word)
    if i is None:
        if len(_IDS) > 2_000_000:
            _IDS.clear()
        i = _IDS[word] = term_id(_stem(word))
    return i


def doc_vector(columns: Iterable[str | None]) -> tuple[np.ndarray, np.ndarray, int]:
    """(term ids int64, field-weighted frequencies float32, length) of one study's FTS columns."""
    weighted: dict[int, float] = {}
    length = 0
    for name, text in zip(FTS_COLUMNS, columns):
        if not text:
            continue
        words = _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())
        length += len(words)
        w = FTS_WEIGHTS[name]
        for word, n in Counter(words).items():
            if word not in STOPWORDS:
                tid = _word_id(word)
                weighted[tid] = weighted.get(tid, 0.0) + w * n
    return (np.fromiter(weighted, dtype=np.int64, count=len(weighted)),
            np.fromiter(weighted.values(), dtype=np.float32, count=len(weighted)), length)


def query_ids(text: str) -> np.ndarray:
    return np.array(list(dict.fromkeys(_word_id(t) for t in query_terms(text[:MAX_QUERY_CHARS]))), dtype=np.int64)


# -- stored term vectors ----------------------------------------------------------------------
def _fts_rows(store: Store, ids: list[int]) -> Iterable:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        yield from store.query(
            f"SELECT rowid, title, abstract, mesh, keywords FROM studies_fts WHERE rowid IN ({','.join('?' * len(chunk))})",
            chunk,
        )


def stale_terms(store: Store) -> dict[int, str]:
    """{study id: content hash} of studies whose stored term vector is missing or out of date."""
    have = dict(store.query("SELECT study_id, content_hash FROM search_terms"))
    return {r[0]: r[1] for r in store.query("SELECT id, content_hash FROM studies") if have.get(r[0]) != r[1]}


def index_terms(store: Store, progress: Callable[[int], None] | None = None) -> int:
    """Store term vectors for studies that lack a current one; return how many were written."""
    todo = stale_terms(store)
    ids = sorted(todo)
    for start in range(0, len(ids), 2000):
        rows = []
        for r in _fts_rows(store, ids[start : start + 2000]):
            t, f, n = doc_vector(tuple(r)[1:])
            rows.append((r[0], todo[r[0]], n, t.tobytes(), f.tobytes()))
        with store.atomic() as conn:
            conn.executemany(
                "INSERT INTO search_terms(study_id, content_hash, length, terms, freqs) VALUES (?,?,?,?,?)"
                " ON CONFLICT(study_id) DO UPDATE SET content_hash = excluded.content_hash,"
                " length = excluded.length, terms = excluded.terms, freqs = excluded.freqs",
                rows,
            )
        if progress:
            progress(len(rows))
    return len(ids)


# -- the impact index -------------------------------------------------------------------------
@dataclass
class Impacts:
    key: tuple
    doc_ids: np.ndarray  # sorted study ids (row i of scores = doc_ids[i])
    terms: np.ndarray  # sorted unique term ids
    indptr: np.ndarray  # postings of terms[j] are docs[indptr[j]:indptr[j+1]]
    docs: np.ndarray  # int32 row numbers into doc_ids
    impacts: np.ndarray  # float32 BM25 contributions

    def score(self, qids: np.ndarray) -> np.ndarray:
        n = len(self.doc_ids)
        sl = [slice(self.indptr[p], self.indptr[p + 1]) for p in members(self.terms, qids)]
        if not sl:
            return np.zeros(n, dtype=np.float32)
        docs = np.concatenate([self.docs[s] for s in sl])
        vals = np.concatenate([self.impacts[s] for s in sl])
        return np.bincount(docs, weights=vals, minlength=n).astype(np.float32)


def members(sorted_arr: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Positions in ``sorted_arr`` of those ``values`` it contains."""
    if not len(sorted_arr) or not len(values):
        return np.zeros(0, dtype=np.int64)
    pos = np.minimum(np.searchsorted(sorted_arr, values), len(sorted_arr) - 1)
    return pos[sorted_arr[pos] == values]


def _build(key: tuple, vecs: dict[int, tuple[np.ndarray, np.ndarray, int]]) -> Impacts:
    doc_ids = np.array(sorted(vecs), dtype=np.int64)
    n = len(doc_ids)
    lengths = np.array([vecs[d][2] for d in doc_ids], dtype=np.float32)
    counts = np.array([len(vecs[d][0]) for d in doc_ids], dtype=np.int64)
    all_terms = np.concatenate([vecs[d][0] for d in doc_ids]) if n else np.zeros(0, np.int64)
    freqs = np.concatenate([vecs[d][1] for d in doc_ids]) if n else np.zeros(0, np.float32)
    rows = np.repeat(np.arange(n, dtype=np.int32), counts)
    order = np.argsort(all_terms, kind="stable")
    all_terms, freqs, rows = all_terms[order], freqs[order], rows[order]
    terms, starts, df = np.unique(all_terms, return_index=True, return_counts=True)
    indptr = np.append(starts, len(all_terms)).astype(np.int64)
    idf = np.log((n - df + 0.5) / (df + 0.5))
    idf = np.where(idf <= 0, 1e-6, idf).astype(np.float32)  # FTS5 floors non-positive IDF at 1e-6
    avgdl = float(lengths.mean()) if n else 1.0
    norm = K1 * (1 - B + B * lengths / max(avgdl, 1e-9))
    impacts = np.repeat(idf, df) * freqs * (K1 + 1) / (freqs + norm[rows])
    return Impacts(key, doc_ids, terms, indptr, rows, impacts.astype(np.float32))


_CACHE: dict[str, tuple[Impacts, dict[int, tuple[str, tuple]]]] = {}
_LOCK = threading.Lock()


def impacts(store: Store) -> Impacts:
    """The impact index of this database, rebuilt only when its studies changed."""
    cached = _CACHE.get(store.url)
    if cached is not None and unchanged(store, "lexical"):
        return cached[0]
    current = dict(store.query("SELECT id, content_hash FROM studies"))
    key = (len(current), hash(frozenset(current.items())))
    with _LOCK:
        cached = _CACHE.get(store.url)
        if cached is not None and cached[0].key == key:
            return cached[0]
        known = cached[1] if cached else {}
        vecs: dict[int, tuple] = {}
        for r in store.query("SELECT study_id, content_hash, length, terms, freqs FROM search_terms"):
            if current.get(r[0]) == r[1]:
                vecs[r[0]] = (np.frombuffer(r[3], np.int64), np.frombuffer(r[4], np.float32), r[2])
        missing = [i for i in current if i not in vecs]
        reuse = [i for i in missing if i in known and known[i][0] == current[i]]
        for i in reuse:
            vecs[i] = known[i][1]
        for r in _fts_rows(store, [i for i in missing if i not in vecs]):
            vecs[r[0]] = doc_vector(tuple(r)[1:])
        vecs = {i: v for i, v in vecs.items() if i in current}  # a study without an FTS row has no text
        built = _build(key, vecs)
        # Keep in-memory vectors of not-yet-stored studies so the next rebuild does not re-tokenise them.
        mem = {i: (current[i], vecs[i]) for i in missing if i in vecs}
        if store.url != ":memory:":
            _CACHE[store.url] = (built, mem)
        return built


def lexical_search(store: Store, text: str, depth: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Top ``depth`` (study id, BM25) among studies matching at least one query term."""
    qids = query_ids(text)
    if not len(qids) or depth <= 0:
        return []
    idx = impacts(store)
    scores = idx.score(qids)
    cand = np.flatnonzero(scores > 0)
    if allowed is not None:
        ok = np.zeros(len(idx.doc_ids), dtype=bool)
        ok[members(idx.doc_ids, allowed)] = True
        cand = cand[ok[cand]]
    if len(cand) > depth:
        cand = cand[np.argpartition(-scores[cand], depth - 1)[:depth]]
    ids = idx.doc_ids[cand]
    order = np.lexsort((ids, -scores[cand]))
    return [(int(ids[i]), float(scores[cand][i])) for i in order]
