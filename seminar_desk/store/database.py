"""Open a seminar file: lock it, migrate it (after a backup), and hand out sessions.

SQLite runs in WAL mode with foreign keys on and a busy timeout. The driver is put in
autocommit mode and SQLAlchemy emits BEGIN itself, so transactions (and DDL in migrations)
are real and atomic; see SQLAlchemy's "Serializable isolation / Savepoints" notes for pysqlite.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from seminar_desk.store.errors import NotASeminarFileError, StoreError
from seminar_desk.store.lock import FileLock

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def script_heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


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


def current_heads(engine: Engine) -> tuple[set[str], bool]:
    """The file's Alembic revisions, and whether it holds any table at all."""
    with engine.connect() as conn:
        heads = set(MigrationContext.configure(conn).get_current_heads())
        has_tables = bool(
            conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type='table'")).scalar()
        )
    return heads, has_tables


def backup_file(path: Path, label: str) -> Path:
    """Copy a live SQLite file consistently (the backup API, not a file copy)."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix or '.sqlite'}")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def migrate(path: Path) -> Path | None:
    """Bring the file to the newest schema; back it up first if it held data. Returns the backup."""
    engine = make_engine(path, foreign_keys=False)
    try:
        heads, has_tables = current_heads(engine)
        wanted = script_heads()
        if heads == wanted:
            return None
        scripts = ScriptDirectory.from_config(alembic_config())
        known = {rev.revision for rev in scripts.walk_revisions()}
        if heads - known:
            raise NotASeminarFileError(
                f"{path} was made by a newer release of Seminar Desk "
                f"(schema {', '.join(sorted(heads))}); update Seminar Desk to open it."
            )
        if has_tables and not heads:
            raise NotASeminarFileError(
                f"{path} is an SQLite database but not a Seminar Desk file (no schema version)."
            )
        backup = backup_file(path, "-".join(sorted(heads))) if heads else None
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
            problems = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if problems:
                raise StoreError(
                    f"Upgrading {path} broke {len(problems)} references "
                    f"(first: table {problems[0][0]}); the file was left unchanged."
                )
        return backup
    except SADatabaseError as exc:
        raise NotASeminarFileError(f"{path} cannot be read as a seminar file: {exc.orig}") from exc
    finally:
        engine.dispose()


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
