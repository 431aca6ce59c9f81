"""Alembic environment: runs on the connection the store hands over (config.attributes)."""

from alembic import context

from seminar_desk.store import models  # noqa: F401 (registers every table)
from seminar_desk.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
