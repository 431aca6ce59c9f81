"""Open a seminar file: lock it, migrate it (after a backup), and hand out sessions.

SQLite runs in WAL mode with foreign keys on and a busy timeout. The driver is put in
autocommit mode and SQLAlchemy emits BEGIN itself, so transactions (and DDL in migrations)
are real and atomic; see SQLAlchemy's "Serializable isolation / Savepoints" notes for pysqlite.
"""

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from seminar_desk.store.errors import NotASeminarFileError, StoreError
from seminar_desk.store.lock import FileLock

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
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


def make_engine(path: Path, *, foreign_keys: bool = True, read_only: bool = False) -> Engine:
    """An engine whose connections carry the pragmas every session relies on."""
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if read_only else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

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


def file_revisions(path: Path) -> set[str]:
    """The schema revisions recorded in the file (empty for a new or foreign file)."""
    if not path.exists():
        return set()
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
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


@dataclass
class Database:
    """An open seminar file: its engine, a session factory and the writer's lock."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    lock: FileLock | None
    backup: Path | None = None

    @classmethod
    def open(cls, path: Path | str, *, lock: bool = True) -> "Database":
        path = Path(path).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        check_header(path)
        file_lock = FileLock(path) if lock else None
        if file_lock:
            file_lock.acquire()
        try:
            backup = None
            if file_revisions(path) != known_heads():
                from seminar_desk.store.migrate import migrate  # Alembic only when needed

                backup = migrate(path)
            engine = make_engine(path)
        except BaseException:
            if file_lock:
                file_lock.release()
            raise
        return cls(path, engine, sessionmaker(engine, expire_on_commit=False), file_lock, backup)

    @classmethod
    def open_read_only(cls, path: Path | str) -> "Database":
        """For inspection (`check`) while another instance may be writing: no lock, no upgrade."""
        path = Path(path).expanduser().resolve()
        if not path.exists():
            raise StoreError(f"{path} does not exist.")
        check_header(path)
        engine = make_engine(path, read_only=True)
        return cls(path, engine, sessionmaker(engine, expire_on_commit=False), None)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self.lock:
            self.lock.release()
