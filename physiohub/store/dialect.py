"""The only place database backends differ: full-text index DDL and queries, upserts, pragmas.

SQLite uses FTS5 (BM25 built in). A PostgreSQL dialect will implement the same methods with a
tsvector column and a GIN index; nothing outside this module should write backend-specific SQL.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

# Column weights for BM25: title counts most, then MeSH and keywords, then the abstract.
FTS_COLUMNS = ("title", "abstract", "mesh", "keywords")
FTS_WEIGHTS = {"title": 3.0, "abstract": 1.0, "mesh": 1.5, "keywords": 1.5}


class SQLiteDialect:
    name = "sqlite"

    def configure(self, conn: sqlite3.Connection) -> None:
        # WAL: readers keep working while an import writes. NORMAL sync is durable in WAL mode
        # except for the last transactions on power loss, the usual trade-off for an app database.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-65536")

    def create_fulltext(self, conn: sqlite3.Connection) -> None:
        # Porter stemming + unicode61 with diacritics removed: "exercises" finds "exercise".
        # Contentless (content=''): the index only, not a second copy of every title and abstract
        # (the texts live in ``studies.record``; ``studies.indexed_texts`` rebuilds them). That is a
        # quarter less database to write, and to copy again at the WAL checkpoint, on a large
        # import (docs/benchmarks.md, Import). The price: an old row is removed by giving FTS5 the
        # values it was indexed with, and snippet()/highlight() are not available (we use neither).
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS studies_fts USING fts5(" + ", ".join(FTS_COLUMNS)
                     + ", content='', tokenize = 'porter unicode61 remove_diacritics 2')")

    def fts_replace(self, conn: sqlite3.Connection, rows: list[tuple[int, str, str, str, str]],
                    old_rows: list[tuple[int, str, str, str, str]]) -> None:
        """(study_id, title, abstract, mesh, keywords) rows replace ``old_rows``, which must hold the
        values those studies were indexed with (from their stored records)."""
        self.fts_delete(conn, old_rows)
        self.fts_insert(conn, rows)

    def fts_insert(self, conn: sqlite3.Connection, rows: list[tuple[int, str, str, str, str]]) -> None:
        """Index studies that are not indexed."""
        conn.executemany(
            "INSERT INTO studies_fts(rowid, title, abstract, mesh, keywords) VALUES (?, ?, ?, ?, ?)", rows
        )

    def fts_delete(self, conn: sqlite3.Connection, old_rows: list[tuple[int, str, str, str, str]]) -> None:
        """Un-index studies; each row holds the values the study was indexed with."""
        conn.executemany(
            "INSERT INTO studies_fts(studies_fts, rowid, title, abstract, mesh, keywords)"
            " VALUES ('delete', ?, ?, ?, ?, ?)", old_rows
        )

    def fts_doc_frequency(self, conn: sqlite3.Connection, match: str) -> int:
        """How many studies match an FTS MATCH expression."""
        return conn.execute("SELECT count(*) FROM studies_fts WHERE studies_fts MATCH ?", (match,)).fetchone()[0]

    def id_list_select(self, ids: list[int]) -> tuple[str, list[Any]]:
        """A ``SELECT`` yielding the given ids, as a sub-query with its parameters."""
        return "SELECT value FROM json_each(?)", [json.dumps([int(i) for i in ids])]

    def change_stamp(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """Changes whenever anyone commits to the database: caches compare it to know they are current.

        ``data_version`` moves on another connection's commit; ``total_changes`` on this one's.
        """
        return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes

    def bm25_expr(self) -> str:
        weights = ", ".join(str(FTS_WEIGHTS[c]) for c in FTS_COLUMNS)
        return f"bm25(studies_fts, {weights})"

    def bm25_query(self, match: str, limit: int, allowed: tuple[str, list] | None = None) -> tuple[str, list]:
        """SQL + params: top ``limit`` (study_id, score higher-is-better) for an FTS5 MATCH string.

        ``allowed`` is an optional ``SELECT id ...`` (with params) that candidates must be in.
        """
        params: list = [match]
        extra = ""
        if allowed is not None:
            extra = f" AND rowid IN ({allowed[0]})"
            params += list(allowed[1])
        sql = (
            f"SELECT rowid, -{self.bm25_expr()} AS score FROM studies_fts"
            f" WHERE studies_fts MATCH ?{extra} ORDER BY score DESC, rowid LIMIT ?"
        )
        return sql, params + [int(limit)]


def dialect_for(url: str) -> SQLiteDialect:
    if url.startswith(("postgres://", "postgresql://")):
        from ..errors import ConfigError

        raise ConfigError("the PostgreSQL backend is not available yet; use a SQLite file path")
    return SQLiteDialect()
