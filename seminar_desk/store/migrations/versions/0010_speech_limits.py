"""speech-type limits per seminar (points of order, rights of reply, group statements...)

Revision ID: 0010_speech_limits
Revises: 0009_note_version
Create Date: 2026-11-30

`seminar.speech_limits` holds the seconds each kind of speech gets when it is not a plain
statement (keys of domain.speakers.speaking_time.SPEECH_LIMIT_KINDS). Existing seminars get the
limits every seminar had before they could be edited.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_speech_limits"
down_revision: str | Sequence[str] | None = "0009_note_version"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = {"point_of_order": 60, "right_of_reply": 120, "group_statement": 300}


def upgrade() -> None:
    op.add_column("seminar", sa.Column("speech_limits", sa.JSON(), nullable=True))
    # Through a JSON-typed column, so each database gets the value in its own form.
    seminar = sa.table("seminar", sa.column("speech_limits", sa.JSON()))
    op.execute(seminar.update().values(speech_limits=BEFORE))


def downgrade() -> None:
    with op.batch_alter_table("seminar") as batch:
        batch.drop_column("speech_limits")
