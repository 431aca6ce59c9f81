"""the seminar report's conclusions and masthead

Revision ID: 0008_report_masthead
Revises: 0001_initial
Create Date: 2026-11-30

`seminar.conclusions` is the chair's summary / conclusions typed in the app (a chapter of the
seminar report); `document_symbol` and `distribution` ("general" or "limited") fill the
report's masthead.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_report_masthead"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("seminar", sa.Column("conclusions", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "seminar", sa.Column("document_symbol", sa.Text(), nullable=False, server_default="")
    )
    op.add_column(
        "seminar",
        sa.Column("distribution", sa.String(16), nullable=False, server_default="general"),
    )


def downgrade() -> None:
    with op.batch_alter_table("seminar") as batch:
        batch.drop_column("distribution")
        batch.drop_column("document_symbol")
        batch.drop_column("conclusions")
