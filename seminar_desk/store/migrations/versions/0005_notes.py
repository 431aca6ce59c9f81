"""full-text search over notes, recommendations and action items

Revision ID: 0005_notes
Revises: 0001_initial
Create Date: 2026-11-27

The search index lives outside the ORM (tables named fts_*): `fts_text` is an FTS5 table with
the trigram tokenizer (Thai and Khmer have no spaces between words), holding text folded in
Python (SQLite 3.40 cannot fold Vietnamese diacritics or Đ). Triggers only queue the ids of
changed rows in `fts_pending`, in plain SQL, so any connection may write notes; the search
service folds and indexes the queue before it answers.

On PostgreSQL the folded text is a plain table searched with LIKE (no extension, so a role
without superuser rights can hold the seminar) and the triggers call one PL/pgSQL function.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005_notes"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SOURCES = {
    "note": ("note", "body"),
    "recommendation": ("recommendation", "text, addressee"),
    "action": ("action_item", "text, owner"),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_server()
        return
    op.execute("CREATE VIRTUAL TABLE fts_text USING fts5(body, tokenize='trigram')")
    op.execute(
        "CREATE TABLE fts_doc (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref_id TEXT NOT NULL,"
        " UNIQUE (kind, ref_id))"
    )
    op.execute(
        "CREATE TABLE fts_pending (kind TEXT NOT NULL, ref_id TEXT NOT NULL,"
        " PRIMARY KEY (kind, ref_id)) WITHOUT ROWID"
    )
    for kind, (table, columns) in SOURCES.items():
        queue = f"INSERT OR IGNORE INTO fts_pending (kind, ref_id) VALUES ('{kind}', "
        op.execute(
            f"CREATE TRIGGER fts_{table}_ai AFTER INSERT ON {table} BEGIN {queue}new.id); END"
        )
        op.execute(
            f"CREATE TRIGGER fts_{table}_au AFTER UPDATE OF id, {columns} ON {table} "
            f"BEGIN {queue}old.id); {queue}new.id); END"
        )
        op.execute(
            f"CREATE TRIGGER fts_{table}_ad AFTER DELETE ON {table} BEGIN {queue}old.id); END"
        )
        # Rows written before this revision are indexed by the service on first search.
        op.execute(
            f"INSERT OR IGNORE INTO fts_pending (kind, ref_id) SELECT '{kind}', id FROM {table}"
        )


def _upgrade_server() -> None:
    op.execute("CREATE TABLE fts_text (rowid BIGINT PRIMARY KEY, body TEXT NOT NULL)")
    op.execute(
        "CREATE TABLE fts_doc (id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, ref_id TEXT NOT NULL,"
        " UNIQUE (kind, ref_id))"
    )
    op.execute(
        "CREATE TABLE fts_pending (kind TEXT NOT NULL, ref_id TEXT NOT NULL,"
        " PRIMARY KEY (kind, ref_id))"
    )
    op.execute(
        "CREATE FUNCTION fts_queue() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP <> 'INSERT' THEN INSERT INTO fts_pending VALUES (TG_ARGV[0], OLD.id) "
        "ON CONFLICT DO NOTHING; END IF; "
        "IF TG_OP <> 'DELETE' THEN INSERT INTO fts_pending VALUES (TG_ARGV[0], NEW.id) "
        "ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $$"
    )
    for kind, (table, columns) in SOURCES.items():
        run = f"FOR EACH ROW EXECUTE FUNCTION fts_queue('{kind}')"
        op.execute(f"CREATE TRIGGER fts_{table}_ai AFTER INSERT ON {table} {run}")
        op.execute(f"CREATE TRIGGER fts_{table}_au AFTER UPDATE OF id, {columns} ON {table} {run}")
        op.execute(f"CREATE TRIGGER fts_{table}_ad AFTER DELETE ON {table} {run}")
        op.execute(
            f"INSERT INTO fts_pending (kind, ref_id) SELECT '{kind}', id FROM {table} "
            "ON CONFLICT DO NOTHING"
        )


def downgrade() -> None:
    server = op.get_bind().dialect.name == "postgresql"
    for table, _ in SOURCES.values():
        for suffix in ("ai", "au", "ad"):
            on = f" ON {table}" if server else ""
            op.execute(f"DROP TRIGGER IF EXISTS fts_{table}_{suffix}{on}")
    if server:
        op.execute("DROP FUNCTION IF EXISTS fts_queue()")
    op.execute("DROP TABLE IF EXISTS fts_pending")
    op.execute("DROP TABLE IF EXISTS fts_doc")
    op.execute("DROP TABLE IF EXISTS fts_text")
