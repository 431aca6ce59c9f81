"""a trigram index for the search on a PostgreSQL server

Revision ID: 0012_server_search_index
Revises: 0011_bundles
Create Date: 2026-11-30

On a server the search matches folded text with LIKE '%term%'; pg_trgm's GIN index lets
PostgreSQL answer that without reading every note. pg_trgm is a trusted extension: the
database's owner may create it without superuser rights. Where the role may not, the search
still works, unindexed. Nothing changes in a SQLite file (its FTS5 table is the index).
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import DBAPIError

revision: str = "0012_server_search_index"
down_revision: str | Sequence[str] | None = "0011_bundles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        return  # not allowed here: LIKE without an index
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_fts_text_trigram ON fts_text USING gin (body gin_trgm_ops)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_fts_text_trigram")
