"""Persistence: SQLAlchemy models, the SQLite file, its migrations and its lock."""
