"""The search index's plumbing in SQL: which tables feed it and the triggers that queue changes.

The `fts_*` tables (created by migration 0005_notes, outside the ORM) hold folded text; plain-SQL
triggers queue the ids of changed rows in `fts_pending`, so any writer keeps the index honest
without knowing it exists. The notes' search service folds and indexes that queue.

A file keeps the folded text in an FTS5 trigram table (MATCH); a PostgreSQL server keeps it in a
plain table searched with LIKE on the same folded text (no extension needed, so a role without
superuser rights can hold the seminar, and "Duc" finds "Đức", Thai and Khmer substrings are
found, exactly as in a file). `FileIndex` and `ServerIndex` hold the SQL that differs.
"""

from typing import Any

from sqlalchemy import Connection, text

from seminar_desk.domain.search import ParsedQuery, escape_like

# kind -> (table, columns joined with a space to make the indexed text)
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "note": ("note", ("body",)),
    "recommendation": ("recommendation", ("text", "addressee")),
    "action": ("action_item", ("text", "owner")),
}


def trigger_ddl() -> list[str]:
    """The queueing triggers (same as migration 0005_notes), to restore them if a later batch
    migration rebuilt a source table and dropped them."""
    statements: list[str] = []
    for kind, (table, columns) in SOURCES.items():
        queue = f"INSERT OR IGNORE INTO fts_pending (kind, ref_id) VALUES ('{kind}', "
        statements += [
            f"CREATE TRIGGER IF NOT EXISTS fts_{table}_ai AFTER INSERT ON {table} "
            f"BEGIN {queue}new.id); END",
            f"CREATE TRIGGER IF NOT EXISTS fts_{table}_au AFTER UPDATE OF id, "
            f"{', '.join(columns)} ON {table} BEGIN {queue}old.id); {queue}new.id); END",
            f"CREATE TRIGGER IF NOT EXISTS fts_{table}_ad AFTER DELETE ON {table} "
            f"BEGIN {queue}old.id); END",
        ]
    return statements


def restore_triggers(conn: Connection) -> bool:
    """Create the queueing triggers that are missing, then queue every row (what changed while
    they were gone is unknown); returns whether any was missing."""
    names = set(
        conn.execute(
            text("SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'fts_%'")
        ).scalars()
    )
    wanted = {f"fts_{table}_{s}" for table, _ in SOURCES.values() for s in ("ai", "au", "ad")}
    if wanted <= names:
        return False
    for ddl in trigger_ddl():
        conn.exec_driver_sql(ddl)
    queue_everything(conn)
    return True


def queue_everything(conn: Connection) -> None:
    """Queue every source row for indexing (SQL both stores understand)."""
    for kind, (table, _) in SOURCES.items():
        conn.exec_driver_sql(
            f"INSERT INTO fts_pending (kind, ref_id) SELECT '{kind}', id FROM {table} "
            "WHERE true ON CONFLICT DO NOTHING"
        )


class FileIndex:
    """The index in a SQLite file: an FTS5 trigram table matched with MATCH."""

    def restore_triggers(self, conn: Connection) -> bool:
        return restore_triggers(conn)

    def after_bulk(self, conn: Connection) -> None:
        """Many rows were just indexed (FTS5 keeps what its MATCH needs by itself)."""
        return None

    def where(self, parsed: ParsedQuery) -> tuple[list[str], dict[str, Any]]:
        """Conditions on `fts_text` for every term, and their parameters."""
        where: list[str] = []
        params: dict[str, Any] = {}
        if parsed.long:
            where.append("fts_text MATCH :match")
            params["match"] = parsed.match_expression()
        for n, pattern in enumerate(parsed.like_patterns()):
            where.append(f"fts_text.body LIKE :like{n} ESCAPE '\\'")
            params[f"like{n}"] = pattern
        return where, params


class ServerIndex(FileIndex):
    """The index on a server: folded text in a plain table, every term matched with LIKE.

    The triggers are PL/pgSQL (migration 0005_notes); PostgreSQL alters tables in place, so no
    migration can drop them as SQLite's table rebuilds do.
    """

    def restore_triggers(self, conn: Connection) -> bool:
        return False

    def after_bulk(self, conn: Connection) -> None:
        """Let the planner know the index's new size at once: a table filled since the last
        ANALYZE looks empty to it, and it scanned all 5,000 notes for each search (24 ms)
        instead of reading the newest 50 backwards (0.3 ms), until autovacuum came by."""
        conn.exec_driver_sql("ANALYZE fts_text, fts_doc")

    def where(self, parsed: ParsedQuery) -> tuple[list[str], dict[str, Any]]:
        where: list[str] = []
        params: dict[str, Any] = {}
        for n, term in enumerate(parsed.terms):
            where.append(f"fts_text.body LIKE :like{n} ESCAPE '\\'")
            params[f"like{n}"] = "%" + escape_like(term) + "%"
        return where, params

