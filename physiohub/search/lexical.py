"""BM25 at scale: an in-memory impact index built from stored per-study term vectors.

Why not FTS5's ``bm25()`` alone: FTS5 scores every document that matches any query term (it has no
WAND/MaxScore pruning), so a bag-of-words OR query over 100k abstracts takes 100-550 ms here
(docs/benchmarks.md). bm25s-style precomputed impacts make it a few milliseconds: for every
(term, study) the BM25 contribution is computed once, a query sums the rows of its terms.

The formula is FTS5's own (k1 = 1.2, b = 0.75, IDF = ln((N - n + 0.5) / (n + 0.5)) floored at
1e-6, term frequency summed over columns with the dialect's field weights, document length =
all tokens of all columns), so FTS5 stays the reference implementation (``fts5_search``) and the
two rank alike. Tokens: letters/digits, case-folded, Lucene's English stopwords dropped, Snowball
English stems (PyStemmer), for documents and queries alike.

Term vectors are stored per study (``search_terms``: vocabulary ids (``search_vocab``) + weighted
frequencies + length, keyed by the study's ``content_hash`` and the tokenising scheme) by
``build_index``; a study imported since then is tokenised in memory on the next query, so results
are never stale (beyond ``MAX_UNSTORED`` such studies, BM25 is asked of FTS5 until the next index).
The impact matrix is rebuilt when studies change, from the term vectors kept in memory (only the
changed studies' rows are read again, found in the change log, search/changes.py): with compact
vocabulary ids that is a counting sort (scipy's COO -> CSR), no global sort of 10M postings.
"""
from __future__ import annotations

import hashlib
import json
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from ..store import Store
from . import changes
from .cache import forget, unchanged
from ..store.dialect import FTS_COLUMNS, FTS_WEIGHTS
from .query import _TOKEN, MAX_QUERY_CHARS, STOPWORDS, query_terms

K1, B = 1.2, 0.75  # FTS5's bm25() constants
TEMP_BASE = 1 << 30  # ids of terms seen only in not-yet-stored studies (never written to the database)
_STEMMER = None
_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    global _STEMMER
    s = _STEMS.get(word)
    if s is None:
        if _STEMMER is None:
            import Stemmer  # PyStemmer: Snowball in C, ~1 µs a word

            _STEMMER = Stemmer.Stemmer("english")
        if len(_STEMS) > 2_000_000:  # unbounded vocabularies (ids, numbers) must not eat memory
            _STEMS.clear()
        s = _STEMS[word] = _STEMMER.stemWord(word)
    return s


def doc_terms(columns: Iterable[str | None]) -> tuple[dict[str, float], int]:
    """({stem: field-weighted frequency}, length in tokens) of one study's FTS columns."""
    weighted: dict[str, float] = {}
    length = 0
    for name, text in zip(FTS_COLUMNS, columns):
        if not text:
            continue
        words = _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())
        length += len(words)
        w = FTS_WEIGHTS[name]
        for word, n in Counter(words).items():
            if word not in STOPWORDS:
                stem = _stem(word)
                weighted[stem] = weighted.get(stem, 0.0) + w * n
    return weighted, length


def query_stems(text: str) -> list[str]:
    return list(dict.fromkeys(_stem(t) for t in query_terms(text[:MAX_QUERY_CHARS])))


# -- vocabulary -------------------------------------------------------------------------------
class Vocab:
    """term -> id, mirrored from ``search_vocab`` (append-only, so refreshing reads only new rows)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.max_id = 0
        self.temp: dict[str, int] = {}
        self.next_temp = 0  # temporary ids are never reused while a vector may hold one
        self.generation = 0  # moves when a temporary term got a stored id: vectors holding it are stale

    def refresh(self, store: Store) -> None:
        for i, term in store.query("SELECT id, term FROM search_vocab WHERE id > ? ORDER BY id", (self.max_id,)):
            self.ids[term] = i
            self.max_id = i
        promoted = [t for t in self.temp if t in self.ids]
        for term in promoted:
            del self.temp[term]
        if promoted:
            self.generation += 1
            if not self.temp:
                self.next_temp = 0

    def lookup(self, term: str, *, temp: bool = False) -> int | None:
        i = self.ids.get(term)
        if i is None and temp and term not in self.temp:
            self.temp[term] = TEMP_BASE + self.next_temp
            self.next_temp += 1
        return i if i is not None else self.temp.get(term)

    def encode(self, weighted: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        ids = np.fromiter((self.lookup(t, temp=True) for t in weighted), dtype=np.int64, count=len(weighted))
        return ids, np.fromiter(weighted.values(), dtype=np.float32, count=len(weighted))


_VOCABS: dict[str, Vocab] = {}


def vocab(store: Store) -> Vocab:
    v = _VOCABS.setdefault(store.url, Vocab())
    v.refresh(store)
    return v


# -- stored term vectors ----------------------------------------------------------------------
def _fts_rows(store: Store, ids: list[int]) -> Iterable:
    from ..studies import indexed_texts

    yield from indexed_texts(store, ids)


def scheme() -> str:
    """What a term vector depends on besides the text: a new weight or stop list re-tokenises all."""
    spec = json.dumps([FTS_COLUMNS, FTS_WEIGHTS, sorted(STOPWORDS), "snowball-english", _TOKEN.pattern, "vocab"])
    return hashlib.sha1(spec.encode()).hexdigest()[:8]


def _current(store: Store) -> dict[int, str]:
    """{study id: version key of its term vector} for every study."""
    tag = "|" + scheme()
    return {r[0]: r[1] + tag for r in store.query("SELECT id, content_hash FROM studies")}


def stale_terms(store: Store) -> dict[int, str]:
    """{study id: version key} of studies whose stored term vector is missing or out of date."""
    have = dict(store.query("SELECT study_id, content_hash FROM search_terms"))
    return {i: h for i, h in _current(store).items() if have.get(i) != h}


def index_terms(store: Store, progress: Callable[[int], None] | None = None) -> int:
    """Store term vectors for studies that lack a current one; return how many were written."""
    todo = stale_terms(store)
    ids = sorted(todo)
    for start in range(0, len(ids), 2000):
        docs = [(r[0], *doc_terms(tuple(r)[1:])) for r in _fts_rows(store, ids[start : start + 2000])]
        with store.atomic() as conn:
            v = vocab(store)  # under the write lock: no other writer can hand out ids now
            new = sorted({t for _, w, _ in docs for t in w if t not in v.ids})
            conn.executemany("INSERT INTO search_vocab(id, term) VALUES (?, ?)",
                             [(v.max_id + k + 1, t) for k, t in enumerate(new)])
            v.refresh(store)
            rows = []
            for sid, weighted, length in docs:
                t = np.fromiter((v.ids[x] for x in weighted), dtype=np.int32, count=len(weighted))
                f = np.fromiter(weighted.values(), dtype=np.float32, count=len(weighted))
                rows.append((sid, todo[sid], length, t.tobytes(), f.tobytes()))
            conn.executemany(
                "INSERT INTO search_terms(study_id, content_hash, length, terms, freqs) VALUES (?,?,?,?,?)"
                " ON CONFLICT(study_id) DO UPDATE SET content_hash = excluded.content_hash,"
                " length = excluded.length, terms = excluded.terms, freqs = excluded.freqs",
                rows,
            )
        if progress:
            progress(len(docs))
    return len(ids)


# -- the impact index -------------------------------------------------------------------------
@dataclass
class Impacts:
    key: tuple
    vocab: Vocab
    n_stored: int  # rows 0..n_stored-1 are stored vocabulary ids; temporary ids follow
    doc_ids: np.ndarray  # sorted study ids (column i of the matrix = doc_ids[i])
    indptr: np.ndarray  # postings of term row r are docs[indptr[r]:indptr[r+1]]
    docs: np.ndarray  # int32 positions into doc_ids
    impacts: np.ndarray  # float32 BM25 contributions
    temp: dict[str, int] = field(default_factory=dict)  # the temporary ids as they were at build time

    def row(self, term: str) -> int | None:
        # The vocabulary is shared and moves on (a rebuild may run while this index still serves): a
        # stored id beyond this index's, or a temporary id handed out since, is not one of its rows.
        i = self.vocab.ids.get(term)
        if i is not None and i < self.n_stored:
            return i
        t = self.temp.get(term)
        if t is None:
            return None
        r = t - TEMP_BASE + self.n_stored
        return r if r < len(self.indptr) - 1 else None

    def score(self, stems: list[str]) -> np.ndarray:
        n = len(self.doc_ids)
        rows = [r for r in (self.row(t) for t in stems) if r is not None]
        sl = [slice(self.indptr[r], self.indptr[r + 1]) for r in rows]
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


def _build(key: tuple, v: Vocab, vecs: dict[int, tuple[np.ndarray, np.ndarray, int]]) -> Impacts:
    doc_ids = np.array(sorted(vecs), dtype=np.int64)
    n = len(doc_ids)
    n_stored = v.max_id + 1
    n_rows = n_stored + v.next_temp
    lengths = np.array([vecs[d][2] for d in doc_ids], dtype=np.float32)
    counts = np.array([len(vecs[d][0]) for d in doc_ids], dtype=np.int64)
    terms = np.concatenate([vecs[d][0] for d in doc_ids]).astype(np.int64) if n else np.zeros(0, np.int64)
    freqs = np.concatenate([vecs[d][1] for d in doc_ids]) if n else np.zeros(0, np.float32)
    terms = np.where(terms >= TEMP_BASE, terms - TEMP_BASE + n_stored, terms)
    docs = np.repeat(np.arange(n, dtype=np.int32), counts)
    df = np.bincount(terms, minlength=n_rows)
    idf = np.log((n - df + 0.5) / (df + 0.5))
    idf = np.where(idf <= 0, 1e-6, idf).astype(np.float32)  # FTS5 floors non-positive IDF at 1e-6
    avgdl = float(lengths.mean()) if n else 1.0
    norm = K1 * (1 - B + B * lengths / max(avgdl, 1e-9))
    vals = (idf[terms] * freqs * (K1 + 1) / (freqs + norm[docs])).astype(np.float32)
    # COO -> CSR is a counting sort: linear in the postings, no comparison sort.
    m = sp.csr_matrix((vals, (terms, docs)), shape=(n_rows, max(n, 1)))
    return Impacts(key, v, n_stored, doc_ids, m.indptr.astype(np.int64), m.indices.astype(np.int32),
                   m.data.astype(np.float32), dict(v.temp))


MAX_UNSTORED = 5000  # tokenise at most this many not-yet-indexed studies on the query path (~2-5 s)


@dataclass
class _State:
    """What the impact index of one database is built from, kept current through the change log."""

    seq: int  # change-log position (search/changes.py)
    tag: str  # the tokenising scheme the version keys carry
    generation: int  # the vocabulary generation the in-memory vectors were encoded under
    current: dict[int, str]  # study id -> version key of its term vector
    vecs: dict[int, tuple[np.ndarray, np.ndarray, int]]  # study id -> (term ids, frequencies, length)
    mem: set[int]  # studies whose vector was tokenised here (not yet stored by ``index_terms``)
    built: Impacts | None


_CACHE: dict[str, _State] = {}
_LOCK = threading.Lock()


def _read(store: Store, st: _State, only: list[int] | None) -> None:
    """Bring ``st.current``/``st.vecs`` up to date for these studies (all when ``only`` is None)."""
    id_sql, params = store.dialect.id_list_select(only) if only is not None else ("", [])
    where = lambda col: f" WHERE {col} IN ({id_sql})" if only is not None else ""  # noqa: E731
    for i in only or ():
        st.current.pop(i, None)
        st.vecs.pop(i, None)
        st.mem.discard(i)
    for i, h in store.query("SELECT id, content_hash FROM studies" + where("id"), params):
        st.current[i] = h + st.tag
    for r in store.query("SELECT study_id, content_hash, length, terms, freqs FROM search_terms"
                         + where("study_id"), params):
        if st.current.get(r[0]) == r[1]:
            st.vecs[r[0]] = (np.frombuffer(r[3], np.int32), np.frombuffer(r[4], np.float32), r[2])


def _update(store: Store, st: _State | None) -> _State:
    with changes.snapshot(store):
        seq = changes.head(store)
        tag = "|" + scheme()
        changed = None
        if st is not None and st.tag == tag:
            changed = changes.since(store, "terms", st.seq, seq)
            if changed is not None and len(changed) > max(1000, len(st.current) // 2):
                changed = None
        if changed is None:
            st = _State(seq, tag, -1, {}, {}, set(), None)
            _read(store, st, None)
        elif changed:
            _read(store, st, changed)
        st.seq = seq
        v = vocab(store)
        if st.generation != v.generation:
            # a term only seen here got a stored id since: vectors tokenised here are re-made
            for i in st.mem:
                st.vecs.pop(i, None)
            st.mem.clear()
            st.generation = v.generation
        elif st.built is not None and not changed:
            return st
        todo = sorted(st.current.keys() - st.vecs.keys())
        if len(todo) > MAX_UNSTORED:
            st.built = None
            return st
        for r in _fts_rows(store, todo):
            weighted, length = doc_terms(tuple(r)[1:])
            st.vecs[r[0]] = (*v.encode(weighted), length)
            st.mem.add(r[0])
        st.built = _build((len(st.current), seq), v, st.vecs)
        return st


def impacts(store: Store) -> Impacts | None:
    """The impact index of this database, rebuilt only when its studies changed.

    None when more than ``MAX_UNSTORED`` studies have no stored term vector (a large import not
    yet followed by ``physiohub index``): callers then rank with FTS5, which is always current,
    rather than make one query tokenise a whole library.

    After a commit, the change log (search/changes.py) names the studies whose text or stored term
    vector changed; only those rows are read again (the matrix itself is rebuilt from memory, as BM25's
    document frequencies and average length depend on every study). One thread does it; a request
    meanwhile gets the index as it was.
    """
    st = _CACHE.get(store.url)
    if st is not None and unchanged(store, "lexical"):
        return st.built
    if st is not None and st.built is not None and changes.head(store) == st.seq:
        return st.built
    with changes.single_flight(_LOCK, wait=st is None) as mine:
        if not mine:
            forget(store, "lexical")  # served as it was: look again next time
            return st.built
        st = _CACHE.get(store.url)
        if st is not None and st.built is not None and changes.head(store) == st.seq:
            return st.built
        try:
            st = _update(store, st)
        except BaseException:
            _CACHE.pop(store.url, None)  # updated in place: if reading failed half-way, start over next time
            raise
        if store.url != ":memory:":
            _CACHE[store.url] = st
        return st.built


def lexical_search(
    store: Store, text: str, depth: int, allowed: np.ndarray | None = None
) -> list[tuple[int, float]] | None:
    """Top ``depth`` (study id, BM25) among studies matching any query term; None: see ``impacts``."""
    found = lexical_arrays(store, text, depth, allowed)
    return None if found is None else list(zip(found[0].tolist(), found[1].tolist()))


def lexical_arrays(
    store: Store, text: str, depth: int, allowed: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """``lexical_search`` as (ids int64, scores float64) arrays, best first: no Python list on a request's path."""
    stems = query_stems(text)
    if not stems or depth <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    idx = impacts(store)
    if idx is None:
        return None
    scores = idx.score(stems)
    cand = np.flatnonzero(scores > 0)
    if allowed is not None:
        ok = np.zeros(len(idx.doc_ids), dtype=bool)
        ok[members(idx.doc_ids, allowed)] = True
        cand = cand[ok[cand]]
    if len(cand) > depth:
        cand = cand[np.argpartition(-scores[cand], depth - 1)[:depth]]
    ids, sc = idx.doc_ids[cand], scores[cand]
    order = np.lexsort((ids, -sc))
    return ids[order].astype(np.int64), sc[order].astype(np.float64)
