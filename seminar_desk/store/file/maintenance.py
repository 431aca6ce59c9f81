"""Maintenance of a seminar file: SQLite's quick and integrity checks, the foreign key check and
the write-ahead log's checkpoint. Services ask for these here, never in raw PRAGMAs."""

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from seminar_desk.store.connection import read_connection


def quick_check(path: Path, *, locked_by_us: bool = False) -> str | None:
    """SQLite's quick_check of the file, read-only: None when sound, else the first problem."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = read_connection(path, locked_by_us=locked_by_us)
        try:
            rows = [row[0] for row in con.execute("PRAGMA quick_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows == ["ok"]:
        return None
    lines = [line for row in rows for line in str(row).splitlines() if not line.startswith("***")]
    first = lines[0] if lines else str(rows[0])
    more = f" (and {len(lines) - 1} more problems)" if len(lines) > 1 else ""
    return first[:200] + more


def damaged_message(path: Path, problem: str) -> str:
    return (
        f"{path} is damaged (SQLite quick_check: {problem}); it was not changed. "
        "Open it in the window to save a copy, recover it into a new file or open a backup."
    )


def integrity_problems(conn: Connection, most: int = 20) -> list[str]:
    """SQLite's full integrity check on an open connection: [] when sound, else its findings."""
    rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
    return [] if rows == ["ok"] else [str(r) for r in rows[:most]]


def foreign_key_problems(conn: Connection) -> list[tuple[str, int, str]]:
    """Rows that point to a missing row: (table, rowid, parent table) for each."""
    return [
        (table, rowid, parent)
        for table, rowid, parent, _ in conn.execute(text("PRAGMA foreign_key_check"))
    ]


def wal_checkpoint(engine: Engine) -> None:
    """Copy the write-ahead log into the file now (PASSIVE: it never waits for readers).

    SQLite does this by itself inside the commit that pushes the log past 1,000 pages, which
    makes that one commit several times slower; callers do it when nobody waits.
    """
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
