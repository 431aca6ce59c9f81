"""Service tests run on a SQLite file and on a PostgreSQL server (see both_stores)."""

from both_stores import demo_desk, desk  # noqa: F401 (fixtures)
