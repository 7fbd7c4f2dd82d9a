"""Store parsed records: find duplicates, merge, write, index — one batch, one transaction.

Duplicates are found by PMID, then normalised DOI, then normalised title + year. A merge keeps the
richer record as the base, fills its empty fields from the other, and remembers every source
(``study_sources``). A record whose source (format + id) was stored before with the same content is
``unchanged``; so importing the same file twice changes nothing.

Speed (see docs/benchmarks.md, Import): each record is serialised once (``prepare``: JSON, hash,
duplicate keys, full-text fields). Records that match nothing already stored are written in bulk
(``executemany`` with ids assigned inside the write transaction); only possible duplicates take the
record-by-record path. ``import_path(..., parallel=True)`` parses and prepares in other processes
while this one writes (and parses too whenever it has nothing to write), so every core works.
"""
from __future__ import annotations

import ctypes
import dataclasses
import gc
import hashlib
import logging
import multiprocessing
import os
import queue as queue_mod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson

from ..childproc import run_watched
from ..errors import IngestError, StoreError, UnsafeInputError
from ..models import Record
from ..store import Store
from .base import Rejected
from .limits import MAX_RECORD, NOTES, length_problem, nul_free, too_long
from .normalize import normalize_doi, title_key

BATCH = 256
# How long the writer waits for a parsed piece before parsing one itself: about a fifth of a piece's
# parse time. Not waiting at all made it take a third of the pieces and fall behind with its writing;
# 20 ms left it idle (docs/benchmarks.md, Import).
HELP_AFTER = 0.005
log = logging.getLogger("physiohub.ingest")


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejections: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)  # repairs made to records that were kept
    study_ids: list[int] = field(default_factory=list)  # added or updated
    unchanged_ids: list[int] = field(default_factory=list)  # stored before exactly as now

    def merge(self, other: "ImportSummary") -> None:
        for name in ("added", "updated", "unchanged", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejections.extend(other.rejections)
        self.notes.extend(other.notes)
        self.study_ids.extend(other.study_ids)
        self.unchanged_ids.extend(other.unchanged_ids)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "rejected": self.rejected, "rejections": self.rejections, "notes": self.notes,
        }


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(slots=True)
class Prepared:
    """A record serialised once, with what the writer needs; picklable and cheap to send."""

    fmt: str
    sid: str
    pmid: str
    doi: str
    pmcid: str
    title: str
    key: str
    year: int | None
    retracted: bool
    text: str
    hash: str
    fts: tuple[str, str, str, str]
    notes: tuple[str, ...] = ()   # repairs made on the way in, for the import summary
    record: Record | None = None  # dropped before crossing a process boundary

    def as_tuple(self) -> tuple:
        """Every field but ``record``, in order: ``Prepared(*p.as_tuple())`` rebuilds it without it."""
        return (self.fmt, self.sid, self.pmid, self.doi, self.pmcid, self.title, self.key, self.year,
                self.retracted, self.text, self.hash, self.fts, self.notes)

    def load(self) -> Record:
        return self.record if self.record is not None else Record.from_dict(orjson.loads(self.text))


def serialise(r: Record) -> tuple[str, str]:
    """The record as stored (JSON) and its content hash, from one serialisation.

    orjson writes dataclasses natively (fields in definition order, dict keys sorted), which is
    deterministic and twice as fast as building ``to_dict()`` first.
    """
    raw = orjson.dumps(r, option=orjson.OPT_SORT_KEYS)
    return raw.decode(), hashlib.sha1(raw).hexdigest()


def fts_fields(r: Record) -> tuple[str, str, str, str]:
    return (r.title, r.abstract, " ; ".join([m.descriptor for m in r.mesh]), " ; ".join(r.keywords))


def prepare(r: Record) -> Prepared | Rejected:
    where = r.source_id or r.pmid or r.doi or (repr(r.title[:40]) if r.title else "?")
    if not (r.title or r.abstract_sections):
        return Rejected(where, "no title and no abstract")
    problem = length_problem(r.title, sum(len(s.text) + len(s.label) for s in r.abstract_sections))
    if problem:
        return Rejected(where, problem)
    notes = tuple(r.extra.pop(NOTES, ()))
    # Importers normalise identifiers; records built by API users may not be.
    if r.doi and r.doi != (nd := normalize_doi(r.doi)):
        r.doi = nd
    try:
        text, h = serialise(r)
    except orjson.JSONEncodeError:  # orjson stops at 255 levels of nesting (a hostile "extra")
        return Rejected(where, "record is nested too deeply to store")
    if "\\u0000" in text:
        # A NUL character cuts strings short in C libraries and some viewers: removed, and said so.
        data, where_nul = nul_free(orjson.loads(text))
        if where_nul:  # (else the text only holds an escaped backslash before "u0000")
            r = Record.from_dict(data)
            notes += (where_nul,)
            text, h = serialise(r)
    if len(text) > MAX_RECORD:
        return Rejected(where, too_long("record as stored", len(text), MAX_RECORD))
    key = title_key(r.title, r.year)
    sid = r.source_id or r.pmid or r.doi or key
    return Prepared(r.source_format, sid, r.pmid, r.doi, r.pmcid, r.title, key, r.year, r.retracted,
                    text, h, fts_fields(r), notes, r)


_SCALARS = [f.name for f in dataclasses.fields(Record) if f.type in ("str", "int | None", "bool")]
_LISTS = ("abstract_sections", "authors", "publication_types", "mesh", "keywords", "retraction_notes")


def merge_records(base: Record, other: Record) -> Record:
    """Fill what ``base`` lacks from ``other``; a retraction on either side wins."""
    merged = dataclasses.replace(base)
    for name in _SCALARS:
        if name in ("source_format", "source_id"):
            continue
        if not getattr(merged, name) and getattr(other, name):
            setattr(merged, name, getattr(other, name))
    for name in _LISTS:
        if not getattr(merged, name) and getattr(other, name):
            setattr(merged, name, list(getattr(other, name)))
    merged.retracted = base.retracted or other.retracted
    merged.extra = {**other.extra, **base.extra}
    return merged


def _title_dup(pmid: str, doi: str, row_pmid: str | None, row_doi: str | None) -> bool:
    """Same title and year count as one study unless two different PMIDs or DOIs say otherwise."""
    return not ((pmid and row_pmid and row_pmid != pmid) or (doi and row_doi and row_doi != doi))


_MISSING_IDS = {
    (True, True): " AND (pmid IS NULL OR doi IS NULL)",
    (True, False): " AND pmid IS NULL",
    (False, True): " AND doi IS NULL",
    (False, False): "",
}
_INSERT_STUDY = (
    "INSERT INTO studies(id, source_id, source_format, pmid, doi, pmcid, title, title_key, year, retracted,"
    " record, content_hash, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


class _Writer:
    def __init__(self, store: Store, file: str, summary: ImportSummary):
        self.store = store
        self.conn = store.conn
        self.file = file
        self.summary = summary
        self.now = _now()
        self.next_id = (self.conn.execute("SELECT max(id) FROM studies").fetchone()[0] or 0) + 1
        self.pending: list[tuple[int, Prepared]] = []

    # -- bulk path ---------------------------------------------------------------------------
    def add_batch(self, items: list[Prepared | Rejected]) -> None:
        preps = [p for p in items if isinstance(p, Prepared)]
        c = self.conn
        sources: dict[tuple[str, str], tuple[int, str]] = {}
        pmids: set[str] = set()
        dois: set[str] = set()
        keys: dict[str, list[tuple[str | None, str | None]]] = {}
        if preps:
            by_format: dict[str, set[str]] = {}
            for p in preps:
                by_format.setdefault(p.fmt, set()).add(p.sid)
            for fmt, sid_set in by_format.items():
                # source_format first: the look-up then uses the (source_format, source_id) index
                # instead of scanning study_sources once per batch.
                sids = list(sid_set)
                for row in c.execute(
                    f"SELECT source_format, source_id, study_id, content_hash FROM study_sources"
                    f" WHERE source_format = ? AND source_id IN ({','.join('?' * len(sids))})", [fmt, *sids],
                ):
                    sources[(row[0], row[1])] = (row[2], row[3])
            want = [p.pmid for p in preps if p.pmid]
            if want:
                pmids = {r[0] for r in c.execute(f"SELECT pmid FROM studies WHERE pmid IN ({','.join('?' * len(want))})", want)}
            want = [p.doi for p in preps if p.doi]
            if want:
                dois = {r[0] for r in c.execute(f"SELECT doi FROM studies WHERE doi IN ({','.join('?' * len(want))})", want)}
            # Title + year: a stored study with the same key is a possible duplicate unless its PMID or
            # DOI differs from the record's (a same PMID or DOI is caught above). So only stored rows
            # lacking the identifiers the record has can matter; fetching just those keeps a file that
            # repeats a title thousands of times linear.
            by_ids: dict[tuple[bool, bool], set[str]] = {}
            for p in preps:
                if p.key:
                    by_ids.setdefault((bool(p.pmid), bool(p.doi)), set()).add(p.key)
            for has, key_set in by_ids.items():
                want = list(key_set)
                for r in c.execute(f"SELECT title_key, pmid, doi FROM studies WHERE title_key IN"
                                   f" ({','.join('?' * len(want))}){_MISSING_IDS[has]}", want):
                    keys.setdefault(r[0], []).append((r[1], r[2]))
        for item in items:
            if isinstance(item, Rejected):
                self.summary.rejected += 1
                self.summary.rejections.append({"file": self.file, "record": item.record, "reason": item.reason})
                continue
            p = item
            for note in p.notes:
                self.summary.notes.append({"file": self.file, "record": p.sid, "note": note})
            src = sources.get((p.fmt, p.sid))
            if src and src[1] == p.hash:
                self.summary.unchanged += 1
                self.summary.unchanged_ids.append(src[0])
                continue
            clash = (
                src is not None
                or (p.pmid and p.pmid in pmids)
                or (p.doi and p.doi in dois)
                or (p.key and any(_title_dup(p.pmid, p.doi, rp, rd) for rp, rd in keys.get(p.key, ())))
            )
            if clash:
                # Possibly the same study as one stored (or pending): the careful path decides.
                self.flush()
                self.put(p)
                continue
            self.pending.append((self.next_id, p))
            self.next_id += 1
            # Later records of this batch that match this one take the careful path after a flush.
            if p.pmid:
                pmids.add(p.pmid)
            if p.doi:
                dois.add(p.doi)
            if p.key:
                keys.setdefault(p.key, []).append((p.pmid or None, p.doi or None))
            sources[(p.fmt, p.sid)] = (-1, "")  # a repeat in this batch is a clash, not a new study
        self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        now = self.now
        self.conn.executemany(_INSERT_STUDY, [
            (i, p.sid, p.fmt, p.pmid or None, p.doi or None, p.pmcid or None, p.title, p.key or None, p.year,
             int(p.retracted), p.text, p.hash, now, now)
            for i, p in self.pending
        ])
        self.conn.executemany(
            "INSERT INTO study_sources(study_id, source_format, source_id, file, content_hash, first_seen)"
            " VALUES (?,?,?,?,?,?)",
            [(i, p.fmt, p.sid, self.file, p.hash, now) for i, p in self.pending],
        )
        self.store.dialect.fts_insert(self.conn, [(i, *p.fts) for i, p in self.pending])
        self.summary.added += len(self.pending)
        self.summary.study_ids.extend(i for i, _ in self.pending)
        self.pending = []

    # -- careful path ------------------------------------------------------------------------
    def find(self, p: Prepared) -> int | None:
        c = self.conn
        if p.pmid:
            row = c.execute("SELECT id FROM studies WHERE pmid = ?", (p.pmid,)).fetchone()
            if row:
                return row[0]
        if p.doi:
            for row in c.execute("SELECT id, pmid FROM studies WHERE doi = ? ORDER BY id", (p.doi,)):
                # Two PubMed records sharing a DOI (versions of a Cochrane review, say) stay two
                # studies: a PMID is the stronger identity, and each must export with its PMID.
                if not (p.pmid and row[1] and row[1] != p.pmid):
                    return row[0]
        if p.key:
            for row in c.execute("SELECT id, pmid, doi FROM studies WHERE title_key = ? ORDER BY id", (p.key,)):
                if _title_dup(p.pmid, p.doi, row[1], row[2]):
                    return row[0]
        return None

    def put(self, p: Prepared) -> None:
        c = self.conn
        row = c.execute(
            "SELECT study_id, content_hash FROM study_sources WHERE source_format = ? AND source_id = ?",
            (p.fmt, p.sid),
        ).fetchone()
        if row and row[1] == p.hash:
            self.summary.unchanged += 1
            self.summary.unchanged_ids.append(row[0])
            return
        study_id = self.find(p)
        if study_id is None:
            self.pending.append((self.next_id, p))
            self.next_id += 1
            self.flush()
            return
        old_row = c.execute("SELECT record, content_hash, source_format, source_id FROM studies WHERE id = ?",
                            (study_id,)).fetchone()
        old = Record.from_dict(orjson.loads(old_row[0]))
        r = p.load()
        same_source = (old_row[2], old_row[3]) == (p.fmt, p.sid)
        # A newer version from the same source replaces it; otherwise the richer record is the base.
        base, other = (r, old) if (same_source or r.richness() > old.richness()) else (old, r)
        merged = merge_records(base, other)
        if merged.pmid and merged.pmid != old.pmid and c.execute(
            "SELECT 1 FROM studies WHERE pmid = ? AND id != ?", (merged.pmid, study_id)
        ).fetchone():
            merged.pmid = old.pmid  # an identifier already held by another study stays with it
        mtext, mh = serialise(merged)
        self.add_source(study_id, p)
        if mh == old_row[1]:
            self.summary.unchanged += 1
            self.summary.unchanged_ids.append(study_id)
            return
        c.execute(
            "UPDATE studies SET source_id = ?, source_format = ?, pmid = ?, doi = ?, pmcid = ?, title = ?,"
            " title_key = ?, year = ?, retracted = ?, record = ?, content_hash = ?, updated_at = ? WHERE id = ?",
            (merged.source_id, merged.source_format, merged.pmid or None, merged.doi or None, merged.pmcid or None,
             merged.title, title_key(merged.title, merged.year) or None, merged.year, int(merged.retracted),
             mtext, mh, self.now, study_id),
        )
        self.store.dialect.fts_replace(c, [(study_id, *fts_fields(merged))], [(study_id, *fts_fields(old))])
        self.summary.updated += 1
        self.summary.study_ids.append(study_id)

    def add_source(self, study_id: int, p: Prepared) -> None:
        self.conn.execute(
            "INSERT INTO study_sources(study_id, source_format, source_id, file, content_hash, first_seen)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT(study_id, source_format, source_id)"
            " DO UPDATE SET content_hash = excluded.content_hash, file = excluded.file",
            (study_id, p.fmt, p.sid, self.file, p.hash, self.now),
        )


def _batches(items: Iterable[Record | Rejected]) -> Iterator[list[Prepared | Rejected]]:
    batch: list[Prepared | Rejected] = []
    for item in items:
        batch.append(prepare(item) if isinstance(item, Record) else item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _store_batches(
    store: Store, batches: Iterable[list[Prepared | Rejected]], file: str,
    on_item: Callable[[int], None] | None,
) -> ImportSummary:
    summary = ImportSummary()
    started = _now()
    with store.atomic() as conn:
        writer = _Writer(store, file, summary)
        for batch in batches:
            try:
                writer.add_batch(batch)
            except StoreError:
                raise
            except Exception as e:  # a record our writer cannot store must not sink the batch silently
                full = store.storage_error(e)
                if full is not None:  # a full disk is no fault of the file: say what it is
                    raise full from e
                raise IngestError(f"could not store a record: {e}", file=file) from e
            if on_item:
                on_item(len(batch))
        conn.execute(
            "INSERT INTO import_batches(started_at, finished_at, files, summary) VALUES (?,?,?,?)",
            (started, _now(), orjson.dumps([file]).decode(), orjson.dumps(summary.as_dict()).decode()),
        )
    return summary


def import_records(
    store: Store,
    items: Iterable[Record | Rejected],
    *,
    file: str = "",
    on_item: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Store every record of one batch in one transaction; rejected records are counted, not stored.

    If reading the batch fails part-way (an ``IngestError`` from a truncated file, say) the whole
    batch is rolled back and the error propagates: nothing half-written, nothing stored harmed.
    ``on_item(n)`` is called after every n records, for progress.
    """
    return _store_batches(store, _batches(items), file, on_item)


# -- parsing in other processes ----------------------------------------------------------------
_DONE = "done"


def _error_message(e: Exception, path: str) -> tuple:
    if isinstance(e, IngestError):
        return ("error", isinstance(e, UnsafeInputError), e.reason, e.file, e.record)
    return ("error", False, f"{type(e).__name__}: {e}", path, None)


def _produce(path: str, fmt: str, q: "multiprocessing.Queue[Any]") -> None:
    from . import read_path

    _keep_heap()
    try:
        for batch in _batches(read_path(Path(path), fmt)):
            for p in batch:
                if isinstance(p, Prepared):
                    p.record = None  # the parent re-reads JSON only for possible duplicates
            q.put(batch)
        q.put(_DONE)
    except Exception as e:  # noqa: BLE001 - reported to the parent as a one-line ingest error
        q.put(_error_message(e, path))


def _claim(counter: Any, idx: int) -> bool:
    """Take piece ``idx`` if no process has: pieces go to whoever reaches them first."""
    with counter.get_lock():
        if counter.value == idx:
            counter.value = idx + 1
            return True
    return False


def _claimed_pieces(path: Path, counter: Any) -> Iterator[tuple[int, bytes, bool]]:
    """(index, document, is_last) of the pieces this process claims while it scans the file."""
    from .detect import open_binary
    from .pubmed_split import pieces

    with open_binary(path) as fp:
        for idx, (piece, last) in enumerate(pieces(fp, path.name, keep=lambda i: _claim(counter, i))):
            if piece is not None:
                yield idx, piece, last


def _parse_prepared(piece: bytes, last: bool) -> tuple[list[tuple | Rejected], int, int]:
    from .pubmed_split import parse_piece

    items, count, deleted = parse_piece(piece, last=last)
    out: list[tuple | Rejected] = []
    for item in items:
        if isinstance(item, Record):
            item = prepare(item)
        # plain tuples cross the pipe at half the pickling cost of the dataclass
        out.append(item.as_tuple() if isinstance(item, Prepared) else item)
    return out, count, deleted


def _produce_pieces(path: str, counter: Any, q: "multiprocessing.Queue[Any]") -> None:
    """A parser process: parse and prepare the pieces of a PubMed XML file it claims first."""
    from .pubmed_split import SplitUnsuitable

    # Conversion allocates many small objects that die young and form no cycles: the cyclic collector
    # only costs here (a third of the worker's time), so it runs every 64 pieces instead of constantly.
    gc.disable()
    _keep_heap()
    try:
        for n, (idx, piece, last) in enumerate(_claimed_pieces(Path(path), counter)):
            if n % 64 == 63:
                gc.collect()
            q.put(("piece", idx, last, *_parse_prepared(piece, last)))
    except SplitUnsuitable as e:
        q.put(("unsuitable", str(e)))
    except Exception as e:  # noqa: BLE001 - reported to the parent as a one-line ingest error
        q.put(_error_message(e, path))


def _keep_heap() -> None:
    """Keep freed memory in this process's heap instead of handing it back to the system.

    Each piece builds ~10 MB of tree and objects and frees them; glibc's defaults return the top of
    the heap (and every block over 128 KB) to the kernel at once, so the next piece page-faults it all
    back: 140k faults and 0.25 s of system time per worker at 25k records, 7k faults with this
    (docs/benchmarks.md, Import). Peak memory is unchanged; the worker exits after the file. glibc
    only (``mallopt``); elsewhere nothing changes."""
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    mallopt(-1, 256 << 20)  # M_TRIM_THRESHOLD: trim only above 256 MB of free heap
    mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD: blocks under 32 MB come from the heap


def _checked(msg: Any) -> Any:
    """A message from a parser process, or the ingest error it reports, raised here."""
    if isinstance(msg, tuple) and msg[0] == "error":
        _, unsafe, reason, file, record = msg
        raise (UnsafeInputError if unsafe else IngestError)(reason, file=file, record=record)
    return msg


def _get(q: "multiprocessing.Queue[Any]", procs: list[Any], path: Path) -> Any:
    """The next message; an ``IngestError`` if every parser process has gone without a word."""
    while True:
        try:
            return _checked(q.get(timeout=1.0))
        except queue_mod.Empty:
            if not any(p.is_alive() for p in procs) and q.empty():
                raise IngestError("the parser process stopped unexpectedly", file=str(path)) from None


def _stop(procs: list[Any]) -> None:
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(5)


def _consume(path: Path, fmt: str) -> Iterator[list[Prepared | Rejected]]:
    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue(maxsize=8)  # bounded: memory stays flat whatever the file size
    # run_watched: the parser ends with this process, even when it is killed (childproc).
    proc = ctx.Process(target=run_watched, args=(os.getpid(), "physiohub-parse", _produce, str(path), fmt, q),
                       daemon=True)
    proc.start()
    try:
        while (msg := _get(q, [proc], path)) != _DONE:
            yield msg
    finally:
        _stop([proc])


def _consume_pieces(path: Path, workers: int) -> Iterator[list[Prepared | Rejected]]:
    """Batches of a PubMed XML file parsed by ``workers`` processes and this one, in file order.

    Every process scans the stream and parses the pieces it reaches first (a shared counter says
    which piece is next to take), so the work balances itself. This process writes; whenever it
    has nothing to write it parses the next untaken piece itself instead of waiting, so on two cores
    one parser process and the writer keep both busy without a third process competing for them."""
    from .pubmed_split import SplitUnsuitable

    ctx = multiprocessing.get_context("fork")
    counter = ctx.Value("q", 0)
    q = ctx.Queue(maxsize=4 * workers)  # bounded: memory stays flat
    procs = [ctx.Process(target=run_watched, daemon=True,
                         args=(os.getpid(), "physiohub-parse", _produce_pieces, str(path), counter, q))
             for _ in range(workers)]
    for proc in procs:
        proc.start()
    mine = _claimed_pieces(path, counter)
    ready: dict[int, tuple[list, int, int, bool]] = {}
    nxt = seen = deleted = 0
    last_idx: int | None = None
    batch: list[Prepared | Rejected] = []
    try:
        while last_idx is None or nxt <= last_idx:
            if nxt in ready:
                items, count, gone, last = ready.pop(nxt)
                for item in items:
                    if isinstance(item, tuple):
                        batch.append(Prepared(*item))
                        continue
                    if item.record.startswith("#"):
                        item.record = f"#{seen + int(item.record[1:])}"  # position in the file, not the piece
                    batch.append(item)
                seen += count
                deleted += gone
                nxt += 1
                if len(batch) >= BATCH:
                    yield batch
                    batch = []
                continue
            try:
                msg = _checked(q.get(timeout=HELP_AFTER))
            except queue_mod.Empty:
                own = next(mine, None) if mine is not None else None
                if own is not None:  # nothing to write: parse a piece here
                    idx, piece, last = own
                    ready[idx] = (*_parse_prepared_local(piece, last), last)
                    if last:
                        last_idx = idx
                    continue
                mine = None  # scanned to the end: every piece is taken
                msg = _get(q, procs, path)
            if msg[0] == "unsuitable":
                raise SplitUnsuitable(msg[1])
            _, idx, last, items, count, gone = msg
            ready[idx] = (items, count, gone, last)
            if last:
                last_idx = idx
        if batch:
            yield batch
    finally:
        if mine is not None:
            mine.close()
        _stop(procs)
    if deleted:
        log.warning("%s: %d DeleteCitation PMID(s) listed (update file); studies are not deleted", path.name,
                    deleted)


def _parse_prepared_local(piece: bytes, last: bool) -> tuple[list, int, int]:
    """``_parse_prepared`` in the writer, with the cyclic collector paused as in the workers."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_prepared(piece, last)
    finally:
        if enabled:
            gc.enable()


def parse_workers() -> int:
    """Parser processes for a large PubMed XML file besides the writer (which parses when idle): one
    per core but the writer's, at least 1, at most 4 (the writer keeps up with about that many)."""
    return max(1, min(4, (os.cpu_count() or 1) - 1))


def import_path(
    store: Store,
    path: Path,
    fmt: str = "auto",
    *,
    parallel: bool = False,
    on_item: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Import one file in one transaction. ``parallel``: parse in other processes (files > 1 MB).

    A large PubMed XML file is cut at record boundaries and parsed by ``parse_workers()`` processes
    (``pubmed_split``); if it is not suited to that, the transaction is rolled back and the file is
    parsed by one other process, as every other format is. Parallel parsing forks, so it is meant
    for the command line, not for threaded servers. ``on_item(n)``: n more records read, for progress;
    after such a roll-back a negative n takes back what the first attempt counted.
    """
    from . import path_format, read_path

    big = path.is_file() and path.stat().st_size > 1_000_000
    if parallel and big and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
        fmt = path_format(path, fmt)  # detected once, here
        if fmt == "pubmed-xml":
            from .pubmed_split import SplitUnsuitable

            counted = 0

            def count(n: int) -> None:
                nonlocal counted
                counted += n
                if on_item:
                    on_item(n)

            try:
                return _store_batches(store, _consume_pieces(path, parse_workers()), str(path), count)
            except SplitUnsuitable as e:
                log.info("%s: parsed in one process (%s)", path.name, e)
                if on_item and counted:
                    on_item(-counted)  # the rolled-back attempt's records are counted again below
        return _store_batches(store, _consume(path, fmt), str(path), on_item)
    return import_records(store, read_path(path, fmt), file=str(path), on_item=on_item)
