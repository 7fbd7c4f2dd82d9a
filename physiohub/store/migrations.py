"""Named, recorded migrations. Each runs once, in its own transaction, in the order listed.

To change the schema, append a new function decorated with ``@migration("NNNN_what")``; never edit
one that has shipped.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .db import Store

MIGRATIONS: list[tuple[str, Callable[["Store"], None]]] = []


def migration(name: str) -> Callable[[Callable[["Store"], None]], Callable[["Store"], None]]:
    def register(fn: Callable[["Store"], None]) -> Callable[["Store"], None]:
        if any(n == name for n, _ in MIGRATIONS):
            raise ValueError(f"duplicate migration name {name}")
        MIGRATIONS.append((name, fn))
        return fn

    return register


def applied(store: "Store") -> list[str]:
    return [r["name"] for r in store.query("SELECT name FROM _migrations ORDER BY id")]


def migrate(store: "Store") -> list[str]:
    """Apply what is missing; return the names applied now."""
    store.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = set(applied(store))
    now_applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with store.atomic() as conn:
            # Another process may have applied it while we waited for the write lock.
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                continue
            fn(store)
            conn.execute(
                "INSERT INTO _migrations(name, applied_at) VALUES (?, ?)",
                (name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        now_applied.append(name)
    return now_applied


def _script(store: "Store", sql: str) -> None:
    for stmt in sql.split(";\n"):
        if stmt.strip():
            store.conn.execute(stmt)


@migration("0001_initial")
def _initial(store: "Store") -> None:
    _script(
        store,
        """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE studies (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL DEFAULT '',
  source_format TEXT NOT NULL DEFAULT '',
  pmid TEXT,
  doi TEXT,
  pmcid TEXT,
  title TEXT NOT NULL DEFAULT '',
  title_key TEXT,
  year INTEGER,
  retracted INTEGER NOT NULL DEFAULT 0,
  record TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX studies_pmid ON studies(pmid) WHERE pmid IS NOT NULL;
CREATE INDEX studies_doi ON studies(doi);
CREATE INDEX studies_title_key ON studies(title_key);
CREATE INDEX studies_source_id ON studies(source_id);
CREATE INDEX studies_year ON studies(year);
CREATE TABLE study_sources (
  study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  source_format TEXT NOT NULL,
  source_id TEXT NOT NULL,
  file TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  PRIMARY KEY (study_id, source_format, source_id)
);
CREATE INDEX study_sources_lookup ON study_sources(source_format, source_id);
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  files TEXT NOT NULL,
  summary TEXT
);
CREATE TABLE appraisals (
  study_id INTEGER PRIMARY KEY REFERENCES studies(id) ON DELETE CASCADE,
  data TEXT NOT NULL,
  generator TEXT NOT NULL,
  version TEXT NOT NULL,
  design TEXT, evidence TEXT, verdict TEXT, research_type TEXT,
  primary_topic TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX appraisals_design ON appraisals(design);
CREATE INDEX appraisals_evidence ON appraisals(evidence);
CREATE TABLE appraisal_topics (
  study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,          -- topic | body_region | condition
  value TEXT NOT NULL,
  is_primary INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (study_id, kind, value)
);
CREATE INDEX appraisal_topics_value ON appraisal_topics(kind, value);
CREATE TABLE appraisal_overrides (
  study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  editor TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (study_id, field)
);
CREATE TABLE cards (
  study_id INTEGER PRIMARY KEY REFERENCES studies(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'draft',
  data TEXT NOT NULL,
  generator TEXT NOT NULL,
  version TEXT NOT NULL,
  editor TEXT,
  edited INTEGER NOT NULL DEFAULT 0,
  pending TEXT,                -- a regenerated draft waiting for an editor to accept it
  updated_at TEXT NOT NULL,
  published_at TEXT
);
CREATE INDEX cards_status ON cards(status, published_at);
CREATE TABLE card_versions (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  version_no INTEGER NOT NULL,
  data TEXT NOT NULL,
  status TEXT NOT NULL,
  editor TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (study_id, version_no)
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT UNIQUE NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE embeddings (
  study_id INTEGER PRIMARY KEY REFERENCES studies(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  vector BLOB NOT NULL
);
CREATE TABLE http_cache (
  key TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  status INTEGER NOT NULL,
  body BLOB NOT NULL,
  fetched_at TEXT NOT NULL
);
CREATE TABLE study_links (
  -- open for the exercise companion: studies linked to exercises, rules or other studies
  study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  PRIMARY KEY (study_id, kind, target)
)
""",
    )
    store.dialect.create_fulltext(store.conn)


@migration("0401_search_terms")
def _search_terms(store: "Store") -> None:
    # Per-study term vectors for the in-memory BM25 index (physiohub/search/lexical.py):
    # stemmed-term hashes (int64) and field-weighted frequencies (float32), keyed by content_hash.
    store.conn.execute(
        "CREATE TABLE search_terms ("
        " study_id INTEGER PRIMARY KEY REFERENCES studies(id) ON DELETE CASCADE,"
        " content_hash TEXT NOT NULL, length INTEGER NOT NULL, terms BLOB NOT NULL, freqs BLOB NOT NULL)"
    )


@migration("0402_search_vocab")
def _search_vocab(store: "Store") -> None:
    # Compact term ids for search_terms (append-only): the in-memory BM25 index is then built with
    # a linear counting sort instead of sorting 64-bit term hashes. Old rows are re-made because
    # the tokenising scheme key changed.
    store.conn.execute("CREATE TABLE search_vocab (id INTEGER PRIMARY KEY, term TEXT UNIQUE NOT NULL)")
    store.conn.execute("DELETE FROM search_terms")


@migration("0501_web_signin_failures")
def _web_signin_failures(store: "Store") -> None:
    # Recent failed sign-ins, per client address and per user name (physiohub/web/auth.py): kept in the
    # database so every server worker counts the same failures. Rows older than the window are pruned.
    # IF NOT EXISTS: hubs made by an early build of the web app created this table on first use.
    _script(
        store,
        """
CREATE TABLE IF NOT EXISTS web_signin_failures (key TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS web_signin_failures_key ON web_signin_failures(key, at)
""",
    )


@migration("0601_title_key_covering_index")
def _title_key_covering(store: "Store") -> None:
    # The import's title + year duplicate check asks, per batch, which stored studies with these title
    # keys lack a PMID or a DOI (physiohub/ingest/pipeline.py). With pmid and doi in the index that is
    # answered from the index alone, without visiting every study sharing a title.
    _script(
        store,
        """
DROP INDEX IF EXISTS studies_title_key;
CREATE INDEX studies_title_key ON studies(title_key, pmid, doi)
""",
    )


@migration("0602_contentless_fulltext")
def _contentless_fulltext(store: "Store") -> None:
    # The full-text index no longer keeps a copy of the texts (store/dialect.py, create_fulltext).
    # A hub made before is re-indexed from its stored records, in batches so memory stays flat.
    row = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'studies_fts'").fetchone()
    if row is not None and "content=''" in row[0]:
        return
    from ..studies import indexed_texts

    store.conn.execute("DROP TABLE IF EXISTS studies_fts")
    store.dialect.create_fulltext(store.conn)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM studies ORDER BY id")]
    for start in range(0, len(ids), 2000):
        store.dialect.fts_insert(store.conn, indexed_texts(store, ids[start:start + 2000]))


@migration("0502_web_sessions")
def _web_sessions(store: "Store") -> None:
    # Signed-in editor sessions, kept on the server so signing out (or a password change) revokes them:
    # a copied cookie stops working at once. The cookie holds a random token; only its SHA-256 is kept
    # here, so reading this table does not hand out live sessions (physiohub/web/auth.py).
    _script(
        store,
        """
CREATE TABLE web_sessions (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions(user_id)
""",
    )


@migration("0701_appraisal_scope")
def _appraisal_scope(store: "Store") -> None:
    # In scope for an MSK physiotherapy hub (appraise/scope.py), kept beside design and verdict so the home
    # page, topic counts and the editors' queue can filter on it. NULL until the study is (re)appraised:
    # appraise 1.7 makes every older appraisal stale, so `physiohub appraise` fills it.
    _script(store, "ALTER TABLE appraisals ADD COLUMN in_scope INTEGER;\nCREATE INDEX appraisals_scope ON appraisals(in_scope)")


@migration("0702_user_disabled")
def _user_disabled(store: "Store") -> None:
    # An admin can disable an account (`physiohub user disable`): it can no longer sign in and its sessions
    # end; enabling it again restores it. NULL: active.
    _script(store, "ALTER TABLE users ADD COLUMN disabled_at TEXT")


# Rows of search_changes kept: a server that fell further behind than this reloads its caches whole.
SEARCH_CHANGES_KEPT = 200_000


@migration("1401_search_changes")
def _search_changes(store: "Store") -> None:
    # A change log for the search caches kept in each server's memory (search/changes.py): which studies'
    # facet values, vectors or term vectors changed, written by triggers so every writer (an import, the
    # CLI, an editor, another worker) is seen. After a commit a server then re-reads those studies only,
    # instead of whole tables. Triggers prune the log as it grows (a lagging reader reloads whole).
    facet_studies = "NEW.year IS NOT OLD.year OR NEW.retracted IS NOT OLD.retracted"
    facet_appraisal = ("NEW.design IS NOT OLD.design OR NEW.evidence IS NOT OLD.evidence"
                       " OR NEW.verdict IS NOT OLD.verdict")
    topic = "{}.kind IN ('topic', 'body_region')"
    # (table, event, condition, part, row): one trigger each
    triggers = [
        ("studies", "INSERT", "", "facets", "NEW.id"),
        ("studies", "INSERT", "", "terms", "NEW.id"),
        ("studies", "DELETE", "", "facets", "OLD.id"),
        ("studies", "DELETE", "", "terms", "OLD.id"),
        ("studies", "UPDATE", facet_studies, "facets", "NEW.id"),
        ("studies", "UPDATE", "NEW.content_hash IS NOT OLD.content_hash", "terms", "NEW.id"),
        ("appraisals", "INSERT", "", "facets", "NEW.study_id"),
        ("appraisals", "DELETE", "", "facets", "OLD.study_id"),
        ("appraisals", "UPDATE", facet_appraisal, "facets", "NEW.study_id"),
        ("appraisal_topics", "INSERT", topic.format("NEW"), "facets", "NEW.study_id"),
        ("appraisal_topics", "DELETE", topic.format("OLD"), "facets", "OLD.study_id"),
        ("appraisal_topics", "UPDATE", "", "facets", "NEW.study_id"),
        ("cards", "INSERT", "", "facets", "NEW.study_id"),
        ("cards", "DELETE", "", "facets", "OLD.study_id"),
        ("cards", "UPDATE", "NEW.status IS NOT OLD.status", "facets", "NEW.study_id"),
        ("embeddings", "INSERT", "", "vectors", "NEW.study_id"),
        ("embeddings", "DELETE", "", "vectors", "OLD.study_id"),
        ("embeddings", "UPDATE", "", "vectors", "NEW.study_id"),
        ("search_terms", "INSERT", "", "terms", "NEW.study_id"),
        ("search_terms", "DELETE", "", "terms", "OLD.study_id"),
        ("search_terms", "UPDATE", "", "terms", "NEW.study_id"),
    ]
    conn = store.conn
    conn.execute("CREATE TABLE search_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                 " study_id INTEGER NOT NULL, part TEXT NOT NULL)")
    for table, event, cond, part, row in triggers:
        when = f" WHEN {cond}" if cond else ""
        conn.execute(f"CREATE TRIGGER search_changes_{table}_{event.lower()}_{part} AFTER {event} ON {table}{when}"
                     f" BEGIN INSERT INTO search_changes(study_id, part) VALUES ({row}, '{part}'); END")
    conn.execute("CREATE TRIGGER search_changes_prune AFTER INSERT ON search_changes WHEN NEW.seq % 1024 = 0"
                 f" BEGIN DELETE FROM search_changes WHERE seq <= NEW.seq - {SEARCH_CHANGES_KEPT}; END")


@migration("1501_search_changes_participants")
def _search_changes_participants(store: "Store") -> None:
    # The in-memory facet table also holds each study's sample size (an editor's override first), so a search's
    # evidence picture is counted there instead of by SQL over the result set (search/facets.py): a change of
    # either must reach the change log too.
    n_changed = "json_extract(NEW.data, '$.n_participants') IS NOT json_extract(OLD.data, '$.n_participants')"
    triggers = [
        ("appraisals", "UPDATE", n_changed, "NEW.study_id", "n"),
        ("appraisal_overrides", "INSERT", "NEW.field = 'n_participants'", "NEW.study_id", "n_insert"),
        ("appraisal_overrides", "DELETE", "OLD.field = 'n_participants'", "OLD.study_id", "n_delete"),
        ("appraisal_overrides", "UPDATE", "NEW.field = 'n_participants' OR OLD.field = 'n_participants'",
         "NEW.study_id", "n_update"),
    ]
    for table, event, cond, row, name in triggers:
        store.conn.execute(f"CREATE TRIGGER search_changes_{table}_{name}_facets AFTER {event} ON {table}"
                           f" WHEN {cond} BEGIN INSERT INTO search_changes(study_id, part) VALUES ({row}, 'facets'); END")
