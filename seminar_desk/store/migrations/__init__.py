"""Alembic migrations of the seminar file, run by `seminar_desk.store.migrate`."""

from pathlib import Path

MIGRATIONS = Path(__file__).parent  # read without importing Alembic (it is slow to load)
