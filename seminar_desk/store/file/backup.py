"""Consistent copies of a live SQLite file with SQLite's backup API (never a file copy, which
can catch a file half written or miss what is still in its WAL)."""

import sqlite3
from pathlib import Path

from seminar_desk.store.connection import connect, read_connection
from seminar_desk.store.errors import StoreError


class CopyFailed(StoreError):
    """The copy could not be made (a full disk, a damaged source), in SQLite's words."""


def backup_into(path: Path, target: Path, *, read_only: bool = False) -> None:
    """Copy the database `path` into `target` with SQLite's backup API."""
    try:
        src = read_connection(path) if read_only else connect(path)
        try:
            dst = connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise CopyFailed(str(exc)) from exc
