"""full-text search over notes, recommendations and action items

Revision ID: 0005_notes
Revises: 0001_initial
Create Date: 2026-11-27

The search index lives outside the ORM (tables named fts_*): `fts_text` is an FTS5 table with
the trigram tokenizer (Thai and Khmer have no spaces between words), holding text folded in
Python (SQLite 3.40 cannot fold Vietnamese diacritics or Đ). Triggers only queue the ids of
changed rows in `fts_pending`, in plain SQL, so any connection may write notes; the search
service folds and indexes the queue before it answers.
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


def downgrade() -> None:
    for table, _ in SOURCES.values():
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS fts_{table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS fts_pending")
    op.execute("DROP TABLE IF EXISTS fts_doc")
    op.execute("DROP TABLE IF EXISTS fts_text")
