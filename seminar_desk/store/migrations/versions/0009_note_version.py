"""a version number on notes, checked when a note is saved

Revision ID: 0009_note_version
Revises: 0008_nfc_text, 0008_days_in_any_order, 0008_report_masthead
Create Date: 2026-11-30

Several laptops may type into one note on a server seminar. Each save says which version of
the note its text was typed on; a note saved by someone else meanwhile is a conflict to show,
never text silently replaced (SQLAlchemy's version_id_col also refuses an update racing
another one). Existing notes start at version 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_note_version"
# One line: store.database.known_heads reads it without importing Alembic.
down_revision = ("0008_nfc_text", "0008_days_in_any_order", "0008_report_masthead")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "note", sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
    )


def downgrade() -> None:
    with op.batch_alter_table("note") as batch:
        batch.drop_column("version")
