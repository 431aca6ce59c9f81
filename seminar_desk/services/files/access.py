"""Seminar files and output files: the one way the window and the commands open a seminar
(`open_desk`, `open_reader`) and the one way they write a report or an export (`write_output`)."""

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from seminar_desk.domain.refusal import Refusal
from seminar_desk.paths import data_dir
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService
from seminar_desk.services.seminar.demo import create_demo
from seminar_desk.store.address import as_target, describe, file_of, is_server_url, missing
from seminar_desk.store.connection import is_sqlite_file
from seminar_desk.store.database import SIDE_FILES, Database, file_revisions, known_heads
from seminar_desk.store.errors import DamagedFileError, NotASeminarFileError
from seminar_desk.store.file.maintenance import damaged_message, quick_check

T = TypeVar("T")
# What --db and File › Open take, a file path or a server URL: the commands ask here.
USED_BY_COMMANDS = (as_target, describe, is_server_url, missing)


def make_data_folder(path: Path) -> None:
    """The default folder (and only it) is made when missing, private (0700): a typo'd
    folder elsewhere is refused rather than created."""
    path = Path(path).expanduser()
    if not path.parent.exists() and path.parent == data_dir():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)


def open_desk(path: Path | str, *, demo: bool = False) -> Desk:
    """The file opened for writing; with `demo`, an empty file is filled with the demo first.

    Raises StoreError (locked, corrupt, newer release...) with a message naming the file.
    """
    make_data_folder(path)
    desk = Desk(Database.open(path))
    try:
        if demo and SeminarService(desk).details() is None:
            create_demo(desk)
    except BaseException:
        desk.close()
        raise
    return desk


def open_reader(
    path: Path | str, *, lasting: bool = False, damaged_ok: bool = False, reason: str = ""
) -> Desk:
    """The file opened for reading only (check, report, export, a dry run, a read-only window).

    Nothing is created, migrated or changed. A file of an older schema is read through a
    migrated copy in a private temporary folder (removed on close); a newer one is refused,
    and so is a damaged one unless `damaged_ok` (the window shows what it still can; the
    finding is then in `desk.db.damage`). `reason` says why, in refusals of edits.
    """
    db = Database.open_read_only(path, lasting=lasting, reason=reason)
    if db.kind.server:
        return Desk(db)  # the server's pages are its own; an older schema was refused
    try:
        if problem := quick_check(db.path):
            if not damaged_ok:
                raise DamagedFileError(damaged_message(db.path, problem), problem)
            db.damage = problem
            return Desk(db)  # read as it is: an upgrade could not be trusted on it
        revisions = file_revisions(db.path)
        if revisions != known_heads():
            db.close()
            db = _migrated_copy(db.path, revisions)
            db.read_only = reason or db.read_only
    except BaseException:
        db.close()
        raise
    return Desk(db)


def _migrated_copy(path: Path, revisions: set[str]) -> Database:
    from seminar_desk.store.file.backup import CopyFailed
    from seminar_desk.store.migrate import SchemaAge, backup_into, migrate, schema_age

    if not revisions:
        raise NotASeminarFileError(f"{path} is not a Seminar Desk file (no schema version).")
    if schema_age(revisions) is SchemaAge.NEWER:
        raise NotASeminarFileError(
            f"{path} was made by a newer release of Seminar Desk "
            f"(schema {', '.join(sorted(revisions))}); update Seminar Desk to read it."
        )
    scratch = Path(tempfile.mkdtemp(prefix="seminar-desk-"))  # 0700
    try:
        copy = scratch / path.name
        try:
            backup_into(path, copy, read_only=True)
        except CopyFailed as exc:  # a full temporary folder: a refusal that says where
            raise CopyFailed(f"{path} could not be read ({exc}); it was left as it was.") from exc
        migrate(copy)
        db = Database.open_read_only(copy)
    except BaseException:
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)
        raise
    db.scratch = scratch
    db.path = path  # what the person opened (titles, refusals); the engine reads the copy
    db._stamp = None  # the copy changes under nobody
    return db


def read_file(path: Path | str, work: Callable[[Desk], T]) -> T:
    """Run `work` on the file opened read-only; read again if a writer came meanwhile."""
    desk = open_reader(path)
    try:
        result = work(desk)
        if not desk.db.stale():
            return result
    finally:
        desk.close()
    desk = open_reader(path, lasting=True)
    try:
        return work(desk)
    finally:
        desk.close()


class OutputRefused(Refusal):
    """An output (report, export) that would replace something it must not, or could not be
    written; the message names the file, and nothing was changed."""


SEMINAR_SUFFIXES = (".sqlite", ".sqlite3", ".db")
OUTPUT_MODE = 0o600  # reports and exports name people: private unless the file was shared


def refuse_output(path: Path, database: Path | None = None) -> None:
    """Refuse an output that is a seminar file, one of its companions, a link, a folder, or a
    file another program holds open for writing (it would go on writing into a deleted file)."""
    name = path.name.lower()
    if path.is_symlink():
        raise OutputRefused(
            f"{path} is a symbolic link; Seminar Desk does not write through links. "
            "Name the file itself or another file."
        )
    if path.is_dir():
        raise OutputRefused(f"{path} is a folder; name a file to write.")
    if path.exists() and not path.is_file():
        raise OutputRefused(f"{path} is not a regular file; name another file.")
    same = database is not None and _same_or_companion(path, Path(database))
    if (
        same
        or name.endswith(SEMINAR_SUFFIXES)
        or name.endswith(SIDE_FILES)
        or (path.exists() and is_sqlite_file(path))
    ):
        raise OutputRefused(
            f"{path} is "
            + (
                "the seminar file itself or one of its companion files"
                if same
                else "a seminar file, one of its companion files or named like one"
            )
            + "; nothing was written. Choose another name (e.g. ending in .pdf, .ics or .csv)."
        )
    if path.exists() and (writers := writers_of(path)):
        raise OutputRefused(
            f"{path} is open for writing in another program (process "
            f"{', '.join(map(str, writers[:3]))}); close it there or choose another name."
        )


def writers_of(path: Path) -> list[int]:
    """Processes that hold `path` open for writing (Linux /proc; elsewhere none are known).

    Replacing such a file would leave them writing into a deleted file: their work would be
    lost without a word, as a window's was when a report replaced its seminar file.
    """
    try:
        target = path.stat()
    except OSError:
        return []
    proc = Path("/proc")
    if not (proc / "self" / "fdinfo").is_dir():
        return []
    found: list[int] = []
    for pid_dir in proc.iterdir():
        if not pid_dir.name.isdigit() or int(pid_dir.name) == os.getpid():
            continue
        try:
            fds = list((pid_dir / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                st = fd.stat()
                if (st.st_dev, st.st_ino) != (target.st_dev, target.st_ino):
                    continue
                flags = (pid_dir / "fdinfo" / fd.name).read_text().split("flags:")[1].split()[0]
            except (OSError, IndexError):
                continue
            if int(flags, 8) & (os.O_WRONLY | os.O_RDWR):
                found.append(int(pid_dir.name))
                break
    return found


def _same_or_companion(path: Path, database: Path) -> bool:
    real_db = Path(os.path.realpath(database))
    real = Path(os.path.realpath(path))
    if (
        real == real_db
        or real.parent == real_db.parent
        and any(real.name == real_db.name + side for side in SIDE_FILES)
    ):
        return True
    try:
        return path.exists() and database.exists() and os.path.samefile(path, database)
    except OSError:
        return False


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_output(
    path: Path | str, data: bytes, *, database: Path | str | None = None
) -> Path:
    """The one way reports and exports reach the disk: all or nothing, never over a seminar.

    A new output is private (0600), a replaced one keeps its mode. `database` is the open
    seminar, refused as a target like every seminar file (see `replace_atomically`).
    """
    path = Path(os.path.abspath(Path(path).expanduser()))
    refuse_output(path, None if database is None else file_of(database))
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise OutputRefused(f"{path} cannot be written: {exc.strerror or exc}.") from exc

    def fill(tmp: Path) -> None:
        fd = os.open(tmp, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)

    return replace_atomically(path, fill, check=lambda: refuse_output(path, database))


def replace_atomically(
    path: Path, fill: Callable[[Path], None], *, check: Callable[[], None] | None = None
) -> Path:
    """Make `path` whole or not at all: the one atomic writer of every file we write out.

    `fill` writes a temporary file in the same folder (created 0600, so never through a link
    and never readable by others while it grows); it is flushed to the disk (fsync), given
    the mode of the file it replaces (0600 for a new one), checked again (`check`) and renamed
    over `path` (os.replace); then the folder is flushed so the rename survives a power cut.
    Any failure (a full disk) removes the temporary file and its SQLite companions and leaves
    an older `path` as it was; an OSError becomes an OutputRefused naming the file.
    """
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else OUTPUT_MODE
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise OutputRefused(f"{path} cannot be written: {exc.strerror or exc}.") from exc
    tmp = Path(name)
    try:
        fill(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        if check is not None:
            check()  # again, right before the rename
        os.replace(tmp, path)
    except OSError as exc:
        _remove_temporary(tmp)
        raise OutputRefused(
            f"{path} could not be written: {exc.strerror or exc}. "
            "Nothing was written; an older file of that name is unchanged."
        ) from exc
    except BaseException:
        _remove_temporary(tmp)
        raise
    finally:
        for side in ("-journal", "-wal", "-shm"):  # of an SQLite file built in place
            tmp.with_name(tmp.name + side).unlink(missing_ok=True)
    _fsync_folder(folder)
    return path


def _remove_temporary(tmp: Path) -> None:
    tmp.unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; its rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
