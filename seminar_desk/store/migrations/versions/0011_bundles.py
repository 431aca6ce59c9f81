"""what a file knows of its records' shared history, and the conflicts left to resolve

Revision ID: 0011_bundles
Revises: 0010_speech_limits
Create Date: 2026-11-30

Bundles (issue 15) merge rapporteurs' files: `sync_record` keeps, per record, the digests of
the versions its current version descends from (so "changed on one side" and "changed on
both" can be told apart, and a record that is gone is a deletion that travels);
`merge_conflict` keeps an incoming version that clashes until a person chooses.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_bundles"
down_revision = "0010_speech_limits"  # one line: store.database.known_heads reads it
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_record",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("known", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "record_id", name=op.f("pk_sync_record")),
    )
    op.create_table(
        "merge_conflict",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("row", sa.Text(), nullable=True),
        sa.Column("known", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflict")),
        sa.UniqueConstraint(
            "table_name", "record_id", "digest", name=op.f("uq_merge_conflict_table_name")
        ),
    )
    op.create_index(
        op.f("ix_merge_conflict_record_id"), "merge_conflict", ["record_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_merge_conflict_record_id"), table_name="merge_conflict")
    op.drop_table("merge_conflict")
    op.drop_table("sync_record")
