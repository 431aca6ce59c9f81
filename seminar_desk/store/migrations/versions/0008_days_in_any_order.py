"""days may be inserted, removed and moved anywhere; the seminar's dates follow its days

Revision ID: 0008_days_in_any_order
Revises: 0007_speech_end_order
Create Date: 2026-11-30

Day numbers lose their unique constraint: inserting or removing a day renumbers the others in
one undoable step, and undo restores the numbers in whatever order the rows come. The services
keep the numbers 1, 2, 3... in date order. A seminar whose start or end date had drifted from
its days (dates moved to March, days left in December) gets its first and last day's dates.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008_days_in_any_order"
down_revision: str | Sequence[str] | None = "0007_speech_end_order"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A table rebuild on SQLite: the upgrade runs with foreign keys off, so the agenda items and
    # attendance that point at the days are kept.
    with op.batch_alter_table("day") as batch:
        batch.drop_constraint("uq_day_seminar_id", type_="unique")
    op.execute(
        "UPDATE seminar SET "
        "start_date = (SELECT min(day.date) FROM day WHERE day.seminar_id = seminar.id), "
        "end_date = (SELECT max(day.date) FROM day WHERE day.seminar_id = seminar.id) "
        "WHERE EXISTS (SELECT 1 FROM day WHERE day.seminar_id = seminar.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("day") as batch:
        batch.create_unique_constraint("uq_day_seminar_id", ["seminar_id", "number"])
