"""Open a seminar file: lock it, check it, migrate it (after a backup), and hand out sessions.

How connections are made (pragmas, read-only URIs) is in `store.connection`; the checks of a
file's soundness in `store.file.maintenance`; upgrades in `store.migrate`, imported only when a file
needs one (Alembic is slow to load).
"""

import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from seminar_desk.store.address import is_server_url
from seminar_desk.store.connection import (
    check_header,
    make_engine,
    read_connection,
    writer_present,
)
from seminar_desk.store.errors import (
    DamagedFileError,
    NotASeminarFileError,
    ReadOnlyFileError,
    StoreError,
)
from seminar_desk.store.file.lock import FileLock
from seminar_desk.store.file.maintenance import damaged_message, quick_check
from seminar_desk.store.kinds import FILE, SERVER, FileKind
from seminar_desk.store.migrations import MIGRATIONS

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
    kind: FileKind = FILE  # a file or a server: what differs between them (store.kinds)
    url: str = field(default="", repr=False)  # a server's URL, password included: never shown
    where: str = ""  # a server's URL as shown (no password)

    @property
    def location(self) -> str:
        """What the person opened, for titles and messages: the file, or the server's URL."""
        return self.where or str(self.path)

    @property
    def target(self) -> Path | str:
        """What opens this store again (another thread, a read-only reader): path or URL."""
        return self.url or self.path

    @property
    def name(self) -> str:
        """A short name: the file's name, or the server's database."""
        return self.path.name

    @classmethod
    def open(cls, path: Path | str, *, lock: bool = True) -> "Database":
        """For writing: one writer (the lock), a sound file (quick_check), the newest schema.

        Refuses (StoreError, one line naming the file) a folder, a missing folder, a read-only
        file or folder (ReadOnlyFileError), a file with several hard links, a damaged file
        (DamagedFileError) and files that are not seminar files. A server URL opens the
        server's seminar instead (`store.server`: no lock, no backup, many writers).
        """
        if is_server_url(path):
            return cls._on_server(str(path))
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
        if is_server_url(path):
            return cls._on_server(str(path), read_only=True, reason=reason)
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

    @classmethod
    def _on_server(cls, url: str, *, read_only: bool = False, reason: str = "") -> "Database":
        """A seminar on a PostgreSQL server (`store.server`: no lock, no backup, many writers)."""
        from seminar_desk.store.server import open_server

        store = open_server(url, known_heads(), read_only=read_only, reason=reason)
        return cls(
            store.path,
            store.engine,
            sessionmaker(store.engine, expire_on_commit=False),
            None,
            read_only=store.read_only,
            kind=SERVER,
            url=store.url,
            where=store.where,
        )

    def stale(self) -> bool:
        """Whether what an immutable read saw may be out of date (a writer came meanwhile)."""
        if not self.immutable or self._stamp is None:
            return False
        try:
            return writer_present(self.path) or _stamp(self.path) != self._stamp
        except OSError:
            return True

    def close(self) -> None:
        self.engine.dispose()
        if self.lock:
            self.lock.release()
        if self.scratch is not None:
            import shutil

            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None
