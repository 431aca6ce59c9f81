"""One writer per seminar file: an OS-level lock on `<real path of the file>.lock`.

The lock is named after the file's real path (symlinks resolved), and files with several hard
links are refused before it is taken (store.database), so two names of one file cannot have two
writers: SQLite keeps one WAL per name, and two writers through two names lose commits.

The lock file is never deleted: a process that opened it just before the holder deleted it
would lock the old, unlinked file while a third locks a new one (two writers). Release only
unlocks it and empties the PID. The operating system drops the lock when its process dies, so
a crashed instance never blocks the next start; the PID only serves the error message.
"""

import os
import sys
from pathlib import Path
from typing import IO

from seminar_desk.store.errors import DatabaseLockedError


def lock_path(db_path: Path) -> Path:
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + ".lock")


class FileLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        # 0600: the lock holds only a PID, but nobody else needs to read it.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        handle = open(fd, "r+", encoding="utf-8")  # noqa: SIM115 (held while open)
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise DatabaseLockedError(
                f"{self.db_path} is already open in another Seminar Desk "
                f"(process {holder}). Close it there first, or open a copy."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()  # no stale PID in a later message; the file stays
            self._handle.flush()
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
