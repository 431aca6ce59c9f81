"""Open a seminar file: lock it, check it, migrate it (after a backup), and hand out sessions.

SQLite runs in WAL mode with foreign keys on and a busy timeout. The driver is put in
autocommit mode and SQLAlchemy emits BEGIN itself, so transactions (and DDL in migrations)
are real and atomic; see SQLAlchemy's "Serializable isolation / Savepoints" notes for pysqlite.

Connections are made by `connect()` from the path itself, never from a URL pasted together
from it: a folder named `Q&A?x` or `Course C#` would otherwise open another file. Read-only
connections use a quoted `file:` URI (`mode=ro`), or `immutable=1` when no writer has the file
open, so that reading a file leaves no -wal/-shm behind.
"""

import os
import re
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from seminar_desk.store.errors import (
    DamagedFileError,
    NotASeminarFileError,
    ReadOnlyFileError,
    ReadOnlyRefusal,
    StoreError,
)
from seminar_desk.store.lock import FileLock, lock_path

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
SIDE_FILES = ("-wal", "-shm", "-journal", ".lock")
_REVISION = re.compile(r"^revision(?:: *[\w\[\] |,]+)? *= *['\"]([\w-]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:: *[^=]+)? *= *(.+)$", re.M)


def known_heads() -> set[str]:
    """Heads of the migration scripts, read without importing Alembic (it costs ~0.5 s at start).

    tests/store/test_migrations.py checks this against Alembic's own answer.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        text_ = script.read_text(encoding="utf-8")
        if match := _REVISION.search(text_):
            revisions.add(match.group(1))
            if down := _DOWN.search(text_):
                parents.update(re.findall(r"['\"]([\w-]+)['\"]", down.group(1)))
    return revisions - parents


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


def file_revisions(path: Path, *, locked_by_us: bool = False) -> set[str]:
    """The schema revisions recorded in the file (empty for a new or foreign file)."""
    if not path.exists() or path.stat().st_size == 0:
        return set()
    try:
        con = read_connection(path, locked_by_us=locked_by_us)
        try:
            rows = (
                con.execute("SELECT version_num FROM alembic_version").fetchall()
                if con.execute(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
                ).fetchone()
                else []
            )
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise NotASeminarFileError(f"{path} cannot be read as a seminar file: {exc}") from exc
    return {row[0] for row in rows}


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


def _target(path: Path | str) -> Path:
    """The file a path names (symlinks resolved), refused with one line if it cannot be one."""
    path = Path(path).expanduser()
    try:
        path = path.resolve()
    except OSError as exc:  # a symlink loop, a folder we may not enter
        raise StoreError(f"{path} cannot be opened: {exc.strerror or exc}.") from exc
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a seminar file; name a file inside it.")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a regular file.")
    if not path.parent.is_dir():
        raise StoreError(f"{path} cannot be created: the folder {path.parent} does not exist.")
    return path


def _check_writable(path: Path) -> None:
    folder = path.parent
    if path.exists():
        if not os.access(path, os.W_OK):
            raise ReadOnlyFileError(
                f"{path} is read-only; open it read-only (seminar-desk --read-only --db FILE) "
                "or copy it to a folder you can write to."
            )
        links = path.stat().st_nlink
        if links > 1:
            raise StoreError(
                f"{path} has {links} hard links (other names for the same file). Seminar Desk "
                "opens only files with one name, so two windows cannot write it through two "
                "names and lose work; copy it and open the copy."
            )
    if not os.access(folder, os.W_OK | os.X_OK):
        what = "opened for writing" if path.exists() else "created"
        raise ReadOnlyFileError(
            f"{path} cannot be {what}: its folder {folder} is read-only. "
            + (
                "Open it read-only (seminar-desk --read-only --db FILE) or copy it elsewhere."
                if path.exists()
                else "Choose another folder."
            )
        )


def create_private(path: Path) -> None:
    """An empty new seminar file that only its owner can read (it holds personal data)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    os.close(fd)


def _stamp(path: Path) -> tuple[int, int, int, bool]:
    st = path.stat()
    return (st.st_ino, st.st_size, st.st_mtime_ns, path.with_name(path.name + "-wal").exists())


@dataclass
class Database:
    """An open seminar file: its engine, a session factory and the writer's lock.

    `read_only` says why a file is open read-only ("" when it is open for writing); writes
    through its engine are refused with that reason. `damage` is quick_check's finding for a
    damaged file opened read-only.
    """

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    lock: FileLock | None
    backup: Path | None = None
    read_only: str = ""
    damage: str = ""
    immutable: bool = False
    scratch: Path | None = None  # a private folder removed on close (a migrated copy)
    _stamp: tuple[int, int, int, bool] | None = field(default=None, repr=False)

    @classmethod
    def open(cls, path: Path | str, *, lock: bool = True) -> "Database":
        """For writing: one writer (the lock), a sound file (quick_check), the newest schema.

        Refuses (StoreError, one line naming the file) a folder, a missing folder, a read-only
        file or folder (ReadOnlyFileError), a file with several hard links, a damaged file
        (DamagedFileError) and files that are not seminar files.
        """
        path = _target(path)
        _check_writable(path)
        check_header(path)
        file_lock = FileLock(path) if lock else None
        if file_lock:
            file_lock.acquire()
        created = False
        try:
            if not path.exists():
                create_private(path)
                created = True
            if problem := quick_check(path, locked_by_us=lock):
                raise DamagedFileError(damaged_message(path, problem), problem)
            backup = None
            if file_revisions(path, locked_by_us=lock) != known_heads():
                from seminar_desk.store.migrate import migrate  # Alembic only when needed

                backup = migrate(path)
            engine = make_engine(path)
        except BaseException:
            if created:  # a new file that could not be made (a full disk): not left half made
                for side in ("", "-wal", "-shm", "-journal"):
                    path.with_name(path.name + side).unlink(missing_ok=True)
            if file_lock:
                file_lock.release()
            raise
        return cls(path, engine, sessionmaker(engine, expire_on_commit=False), file_lock, backup)

    @classmethod
    def open_read_only(
        cls, path: Path | str, *, reason: str = "", lasting: bool = False
    ) -> "Database":
        """For reading while another instance may be writing: no lock, no upgrade, no change.

        A short read (`lasting=False`: check, report, export) of a file nobody writes uses an
        immutable connection, which creates no -wal/-shm; `stale()` then tells whether a
        writer came meanwhile, so the caller reads again. A lasting read-only window reads
        through SQLite's shared memory (`mode=ro`) so it sees another writer's commits.
        """
        path = _target(path)
        if not path.exists():
            raise StoreError(f"{path} does not exist.")
        check_header(path)
        if path.stat().st_size == 0:
            raise StoreError(f"{path} is empty: it holds no seminar yet.")
        folder_writable = os.access(path.parent, os.W_OK | os.X_OK)
        quiet = not path.with_name(path.name + "-wal").exists() and not writer_present(path)
        immutable = not folder_writable or (quiet and not lasting)
        why = reason or "opened read-only"
        engine = make_engine(
            path,
            read_only=True,
            immutable=immutable,
            refusal=f"{path} is open read-only ({why}): nothing was changed.",
        )
        return cls(
            path,
            engine,
            sessionmaker(engine, expire_on_commit=False),
            None,
            read_only=why,
            immutable=immutable,
            _stamp=_stamp(path),
        )

    def stale(self) -> bool:
        """Whether what an immutable read saw may be out of date (a writer came meanwhile)."""
        if not self.immutable or self._stamp is None:
            return False
        try:
            return writer_present(self.path) or _stamp(self.path) != self._stamp
        except OSError:
            return True

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self.lock:
            self.lock.release()
        if self.scratch is not None:
            import shutil

            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
