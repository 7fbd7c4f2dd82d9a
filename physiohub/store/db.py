"""Store: connections, transactions and the migrated schema.

One connection per thread (the web server runs handlers in threads); SQLite in WAL mode lets readers
go on while an import writes. ``atomic()`` is one transaction, or a savepoint when nested, so one
import batch commits whole or not at all.
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreBusy, StoreError
from .dialect import dialect_for


class Store:
    def __init__(self, path: str | Path, *, migrate: bool = True, busy_timeout: float = 10.0):
        self.url = str(path)
        # Seconds a write waits for another writer (an import) before giving up with StoreBusy.
        self.busy_timeout = busy_timeout
        self.dialect = dialect_for(self.url)
        if self.url != ":memory:":
            parent = Path(self.url).resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot open database {self.url}: folder {parent} does not exist")
        self._local = threading.local()
        self._all_conns: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if migrate:
            from .migrations import migrate as run_migrations

            run_migrations(self)

    # -- connections -------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                # isolation_level=None: we issue BEGIN/COMMIT ourselves (see atomic()).
                conn = sqlite3.connect(self.url, isolation_level=None, check_same_thread=False,
                                       timeout=self.busy_timeout)
                conn.row_factory = sqlite3.Row
                self.dialect.configure(conn)
                conn.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")
            except sqlite3.DatabaseError as e:
                raise StoreError(f"cannot open database {self.url}: {e}") from e
            self._local.conn = conn
            self._local.depth = 0
            with self._lock:
                self._all_conns.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for c in self._all_conns:
                with contextlib.suppress(Exception):
                    c.close()
            self._all_conns.clear()
        self._local = threading.local()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ------------------------------------------------------------------------
    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """A transaction (BEGIN IMMEDIATE: take the write lock up front), or a savepoint if nested."""
        conn = self.conn
        depth = self._local.depth
        name = f"sp{depth}"
        try:
            conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {name}")
        except sqlite3.OperationalError as e:
            if self.is_busy(e):
                raise self.busy(e) from e
            raise StoreError(f"database {self.url} is busy or read-only: {e}") from e
        self._local.depth = depth + 1
        try:
            yield conn
        except BaseException as e:
            self._local.depth = depth
            self._rollback(conn, depth, name)
            full = self.storage_error(e)
            if full is not None:
                raise full from e
            raise
        else:
            self._local.depth = depth
            try:
                conn.execute("COMMIT" if depth == 0 else f"RELEASE {name}")
            except sqlite3.Error as e:
                self._rollback(conn, depth, name)
                raise self.storage_error(e) or StoreError(f"database {self.url}: could not commit: {e}") from e

    @staticmethod
    def _rollback(conn: sqlite3.Connection, depth: int, name: str) -> None:
        # After SQLITE_FULL or an I/O error SQLite may already have rolled the transaction back itself;
        # a second ROLLBACK would then fail and hide the real reason.
        with contextlib.suppress(sqlite3.Error):
            if depth == 0:
                conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")

    @staticmethod
    def is_busy(e: BaseException) -> bool:
        """True for SQLite's 'database is locked' / busy errors (another writer kept the lock)."""
        if not isinstance(e, sqlite3.OperationalError):
            return False
        code = getattr(e, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        return "locked" in str(e) or "busy" in str(e)

    def busy(self, e: BaseException) -> StoreBusy:
        return StoreBusy(f"database {self.url} is busy: another process (an import?) has been writing for"
                         f" over {self.busy_timeout:g} s; nothing was changed, try again shortly ({e})")

    def storage_error(self, e: BaseException) -> StoreError | None:
        """A one-line ``StoreError`` for a full disk, a failing disk or a busy database; None otherwise."""
        if not isinstance(e, sqlite3.Error):
            return None
        if self.is_busy(e):
            return self.busy(e)
        code = getattr(e, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL or "disk is full" in str(e):
            return StoreError(f"database {self.url}: the disk is full; what was being written was rolled back"
                              " and nothing else changed (free some space and run it again)")
        if code is not None and code & 0xFF == sqlite3.SQLITE_IOERR:
            return StoreError(f"database {self.url}: the disk failed to read or write ({e}); what was being"
                              " written was rolled back")
        return None

    # -- small helpers -------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.DatabaseError as e:
            if self.is_busy(e):
                raise self.busy(e) from e
            raise StoreError(f"database error: {e}") from e

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return self.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
        return self.execute(sql, params).fetchone()

    def get_meta(self, key: str, default: Any = None) -> Any:
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return json.loads(row["value"]) if row else default

    def set_meta(self, key: str, value: Any) -> None:
        self.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )


def open_store(path: str | Path | None = None) -> Store:
    from .. import config

    return Store(config.get("db", str(path) if path else None))
