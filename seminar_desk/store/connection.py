"""Connections to a seminar file: the pragmas every session relies on, read-only URIs, the header.

SQLite runs in WAL mode with foreign keys on and a busy timeout. The driver is put in
autocommit mode and SQLAlchemy emits BEGIN itself, so transactions (and DDL in migrations)
are real and atomic; see SQLAlchemy's "Serializable isolation / Savepoints" notes for pysqlite.

Connections are made by `connect()` from the path itself, never from a URL pasted together
from it: a folder named `Q&A?x` or `Course C#` would otherwise open another file. Read-only
connections use a quoted `file:` URI (`mode=ro`), or `immutable=1` when no writer has the file
open, so that reading a file leaves no -wal/-shm behind.
"""

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from seminar_desk.store.errors import (
    DamagedFileError,
    DiskFullError,
    NotASeminarFileError,
    ReadOnlyFileError,
    ReadOnlyRefusal,
    StoreError,
)
from seminar_desk.store.file.lock import lock_path

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def sqlite_uri(path: Path, **params: str) -> str:
    """A `file:` URI for SQLite with every character of the path quoted (`?`, `#`, `%`...)."""
    uri = Path(os.path.abspath(path)).as_uri()
    return f"{uri}?{urlencode(params)}" if params else uri


def connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """A DB-API connection to exactly `path` (no URL parsing of the path)."""
    timeout = BUSY_TIMEOUT_MS / 1000
    if not read_only:
        return sqlite3.connect(os.fspath(path), timeout=timeout, check_same_thread=False)
    params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    return sqlite3.connect(
        sqlite_uri(path, **params), uri=True, timeout=timeout, check_same_thread=False
    )


def make_engine(
    path: Path,
    *,
    foreign_keys: bool = True,
    read_only: bool = False,
    immutable: bool = False,
    refusal: str = "",
) -> Engine:
    """An engine whose connections carry the pragmas every session relies on.

    On a read-only engine a write is refused (ReadOnlyRefusal with `refusal` as its message),
    not an OperationalError a person cannot act on.
    """
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect(path, read_only=read_only, immutable=immutable),
        poolclass=QueuePool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        # FULL: a rapporteur's committed keystrokes survive a power cut, not only a crash.
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    if not read_only:

        @event.listens_for(engine, "handle_error")
        def _on_write_error(context: Any) -> None:
            if problem := write_problem(path, str(context.original_exception)):
                raise problem from context.original_exception

    if read_only:

        @event.listens_for(engine, "handle_error")
        def _on_error(context: Any) -> None:
            original = str(context.original_exception)
            if "readonly database" in original:
                raise ReadOnlyRefusal(
                    refusal or f"{path} is open read-only: nothing was changed."
                ) from context.original_exception
            if "malformed" in original:
                raise DamagedFileError(
                    f"{path} is damaged: this part of it cannot be read ({original}).", original
                ) from context.original_exception

    return engine


def write_problem(path: Path, detail: str) -> StoreError | None:
    """SQLite's words for a write the file did not take, as a person can act on them
    (naming the file and what to do); None for anything else (a bug, shown as one)."""
    if "database or disk is full" in detail:
        return DiskFullError(
            f"The disk holding {path} is full: nothing more can be saved in this seminar "
            "until there is room, and what was just changed was not saved. Free some space "
            "on that disk (delete or move files), then carry on; notes you type are kept "
            "and saved as soon as there is room."
        )
    if "readonly database" in detail:
        return ReadOnlyFileError(
            f"{path} cannot be written any more (the file or its folder was made read-only), "
            "so what was just changed was not saved. Make it writable again (its properties, "
            "or chmod u+w), then carry on; or close it and open a copy of it."
        )
    if "disk I/O error" in detail or "unable to open database file" in detail:
        return StoreError(
            f"{path} could not be written ({detail}), so what was just changed was not "
            "saved. Check that its disk is still there (a USB stick pulled out?) and has room, "
            "then carry on."
        )
    return None


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite before SQLite gets a chance to misbehave on them."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise NotASeminarFileError(
                f"{path} is not a Seminar Desk file (it is not an SQLite database)."
            )


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def writer_present(path: Path) -> bool:
    """Whether a Seminar Desk holds the writer's lock of `path` (probed, never taken)."""
    try:
        fd = os.open(lock_path(path), os.O_RDONLY)
    except OSError:
        return False
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    except OSError:
        return True
    except ImportError:  # pragma: no cover - Windows: assume a writer, read through its WAL
        return True
    finally:
        os.close(fd)


def read_connection(path: Path, *, locked_by_us: bool = False) -> sqlite3.Connection:
    """A read-only connection that creates nothing: immutable when nobody writes the file
    (`locked_by_us`: we hold its writer's lock, so nobody else can)."""
    wal = path.with_name(path.name + "-wal")
    quiet = not wal.exists() and (locked_by_us or not writer_present(path))
    return connect(path, read_only=True, immutable=quiet)


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
