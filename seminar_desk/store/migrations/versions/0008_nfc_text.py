"""compose the text of every row (Unicode NFC)

Revision ID: 0008_nfc_text
Revises: 0006_adopted_programme, 0007_speech_end_order
Create Date: 2026-11-30

Text typed or imported decomposed (NFD: "Đức" as Đ + u + combining marks) is composed, as
`store/nfc.py` now does for every write. Every text column of every table except the search
index (which holds folded text) is read and only the values that change are written back;
modification times stay as they were (nothing was edited). Nothing to undo on downgrade.
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_nfc_text"
down_revision: str | Sequence[str] | None = ("0006_adopted_programme", "0007_speech_end_order")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SKIPPED = ("alembic_version", "fts_", "sqlite_")


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    for name in inspector.get_table_names():
        if name.startswith(SKIPPED):
            continue
        keys = inspector.get_pk_constraint(name)["constrained_columns"]
        texts = [
            c["name"]
            for c in inspector.get_columns(name)
            if isinstance(c["type"], sa.String) and c["name"] not in keys
        ]
        if not keys or not texts:
            continue
        table = sa.table(name, *(sa.column(c) for c in (*keys, *texts)))
        for row in bind.execute(sa.select(table)).mappings().all():
            changed = {
                c: unicodedata.normalize("NFC", row[c])
                for c in texts
                if isinstance(row[c], str) and not unicodedata.is_normalized("NFC", row[c])
            }
            if changed:
                where = [table.c[k] == row[k] for k in keys]
                bind.execute(sa.update(table).where(*where).values(changed))


def downgrade() -> None:
    pass
