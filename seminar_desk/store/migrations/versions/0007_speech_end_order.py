"""the order in which speeches ended, for "put back last"

Revision ID: 0007_speech_end_order
Revises: 0001_initial
Create Date: 2026-11-30

`speaker_entry.end_order` numbers the speeches of an item in the order they were ended, so
"put back last" does not depend on wall times (a laptop clock set back, the demo's speeches
dated in the future). Speeches ended before this revision keep NULL and are ordered by time.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_speech_end_order"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("speaker_entry", sa.Column("end_order", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("speaker_entry") as batch:
        batch.drop_column("end_order")
