"""the adopted programme, kept apart from the current (re-planned) one

Revision ID: 0006_adopted_programme
Revises: 0005_notes
Create Date: 2026-11-30

`original_start_time` becomes `adopted_start_time`, and `adopted_duration_min` joins it: the
programme as adopted before the day went live, which reports compare the actual times with.
Existing files: the adopted start is the start first planned (or the current one if none was
kept), the adopted duration the current duration (the best record there is).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_adopted_programme"
down_revision: str | Sequence[str] | None = "0005_notes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain column rename (SQLite 3.25+, PostgreSQL): no table rebuild, so no cascade risk.
    op.alter_column("agenda_item", "original_start_time", new_column_name="adopted_start_time")
    op.add_column("agenda_item", sa.Column("adopted_duration_min", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE agenda_item SET adopted_start_time = start_time WHERE adopted_start_time IS NULL"
    )
    op.execute("UPDATE agenda_item SET adopted_duration_min = duration_min")


def downgrade() -> None:
    op.drop_column("agenda_item", "adopted_duration_min")
    op.alter_column("agenda_item", "adopted_start_time", new_column_name="original_start_time")
