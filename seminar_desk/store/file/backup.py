"""Consistent copies of a live SQLite file with SQLite's backup API (never a file copy, which
can catch a file half written or miss what is still in its WAL)."""

from pathlib import Path

from seminar_desk.store.connection import connect, read_connection


def backup_into(path: Path, target: Path, *, read_only: bool = False) -> None:
    """Copy the database `path` into `target` with SQLite's backup API."""
    src = read_connection(path) if read_only else connect(path)
    dst = connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
