"""Alembic migrations of the seminar file, run by `seminar_desk.store.database`."""
