"""Backups of a seminar file: consistent copies (SQLite's backup API) kept beside it in
`<file>.backups/`, the last few of each reason; listing and restoring them.

Reasons: "open" (when a file is opened), "import" (before a bundle is merged), "day" (at the
end of a seminar day), "manual" (the command, the menu), "restore" (the file as it was before
a backup replaced it). Backups written before an upgrade (`NAME.backup-REV-TIME.sqlite`
beside the file, see store.migrate) are listed too.
"""

import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from seminar_desk.domain.refusal import Refusal
from seminar_desk.store.connection import file_mode
from seminar_desk.store.database import Database
from seminar_desk.store.file.backup import CopyFailed, backup_into
from seminar_desk.store.file.maintenance import quick_check

if TYPE_CHECKING:
    from seminar_desk.services.desk import Desk

KEEP = {"open": 5, "import": 10, "day": 14, "manual": 10, "restore": 5}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<reason>[a-z]+)-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite$")
_OLD = re.compile(r"\.backup-(?P<rev>.+)-(?P<stamp>\d{8}-\d{6})$")


class BackupFailed(Refusal):
    """A backup could not be written (a full disk, a read-only folder); nothing was changed."""


@dataclass(frozen=True)
class Backup:
    path: Path
    reason: str
    taken: datetime  # UTC
    size: int

    def label(self, zone: tzinfo | None = None) -> str:
        """When (in `zone`, the seminar's; else the computer's), why, how big."""
        local = self.taken.astimezone(zone)
        return f"{local:%Y-%m-%d %H:%M:%S} · {self.reason} · {self.size // 1024} KB"


def folder_of(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def back_up(db: Database | Path, reason: str, *, now: datetime | None = None) -> Path:
    """A consistent copy of the file into its backup folder; the oldest of that reason beyond
    the kept number are removed. Raises BackupFailed (one line) and leaves no partial copy."""
    path = db.path if isinstance(db, Database) else Path(db)
    folder = folder_of(path)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{reason}-{stamp}.sqlite"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(
            target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
        )
        os.close(fd)
        os.chmod(target, file_mode(path) & 0o666)
        backup_into(path, target)
        _fsync(target)
    except (OSError, CopyFailed) as exc:
        for side in ("", "-journal", "-wal", "-shm"):
            target.with_name(target.name + side).unlink(missing_ok=True)
        why = getattr(exc, "strerror", None) or str(exc)
        raise BackupFailed(
            f"{path} could not be backed up into {folder} ({why}). Nothing was changed; "
            "free some space or make the folder writable, then try again."
        ) from exc
    for side in ("-wal", "-shm"):
        target.with_name(target.name + side).unlink(missing_ok=True)
    _prune(path, reason)
    return target


def back_up_file(path: Path, reason: str) -> Path:
    """Back up a file that may be closed (the command): refused unless it is a sound seminar
    file."""
    from seminar_desk.store.errors import StoreError

    if not path.is_file():
        raise StoreError(f"{path}: no such seminar file.")
    db = Database.open_read_only(path)  # a seminar file? (no lock: a window may have it open)
    db.close()
    if problem := quick_check(path):
        raise BackupFailed(f"{path} is damaged ({problem}); its backups are in {folder_of(path)}.")
    return back_up(path, reason)


def on_open(db: Database, *, now: datetime | None = None) -> Path | None:
    """The backup taken when a file is opened for writing: reason "day" on the first open of
    a later day (the file as the last day left it), else "open". None for a server or a file
    open read-only (nothing to protect from this window)."""
    if db.read_only or getattr(db, "url", None) or not room_for_backup(db.path):
        return None
    now = now or datetime.now(UTC)
    newest = next((b for b in backups(db.path) if b.path.parent == folder_of(db.path)), None)
    later_day = newest is not None and newest.taken.astimezone().date() < now.astimezone().date()
    return back_up(db, "day" if later_day else "open", now=now)


def room_for_backup(path: Path) -> bool:
    """Whether a backup nobody asked for leaves room to save what is typed next: it is skipped
    when the disk would keep less than twice the file's size plus 16 MB free."""
    try:
        free = shutil.disk_usage(path.parent).free
        size = path.stat().st_size
    except OSError:
        return False
    return free > 3 * size + 16 * 2**20


def day_end_due(desk: "Desk") -> bool:
    """Whether a day has just ended (every item of it has an end) after the newest "day"
    backup: then the end of the day is backed up."""
    from sqlalchemy import func, select

    from seminar_desk.store.models import AgendaItem

    with desk.read() as s:
        rows = s.execute(
            select(
                AgendaItem.day_id,
                func.count(),
                func.count(AgendaItem.actual_end),
                func.max(AgendaItem.actual_end),
            ).group_by(AgendaItem.day_id)
        ).all()
    ended = [last for _, items, ends, last in rows if items and items == ends and last is not None]
    if not ended or not room_for_backup(desk.db.path):
        return False
    last_end = max(e if e.tzinfo else e.replace(tzinfo=UTC) for e in ended)
    days = [b for b in backups(desk.db.path) if b.reason == "day"]
    return not days or days[0].taken < last_end


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _prune(path: Path, reason: str) -> None:
    same = [b for b in backups(path) if b.reason == reason and b.path.parent == folder_of(path)]
    for old in same[KEEP.get(reason, 10) :]:
        old.path.unlink(missing_ok=True)


def backups(path: Path) -> list[Backup]:
    """The backups of a file, newest first (the rolling set and the upgrade backups)."""
    path = Path(path)
    found: list[Backup] = []
    folder = folder_of(path)
    if folder.is_dir():
        for candidate in folder.iterdir():
            match = _NAME.match(candidate.name)
            if match and match["stem"] == path.stem and candidate.is_file():
                taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
                found.append(Backup(candidate, match["reason"], taken, candidate.stat().st_size))
    from seminar_desk.services.files.rescue import backups_of

    for old in backups_of(path):
        match = _OLD.search(old.name.removesuffix(old.suffix))
        if match:
            taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
            found.append(Backup(old, f"before upgrade {match['rev']}", taken, old.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def newest_good(path: Path) -> Backup | None:
    """The newest backup that passes quick_check."""
    for backup in backups(path):
        if quick_check(backup.path) is None:
            return backup
    return None


def restore(backup: Path | str, path: Path | str) -> Path | None:
    """Put a backup in place of the file; the file as it was is backed up first (reason
    "restore"), or, when it is damaged, moved aside untouched. Returns where the old file went.

    The file must not be open elsewhere (the writer's lock is taken).
    """
    from seminar_desk.store.file.lock import FileLock

    backup, path = Path(backup), Path(path).expanduser().resolve()
    if not backup.is_file():
        raise Refusal(f"{backup} is not a backup file.")
    if problem := quick_check(backup):
        raise Refusal(
            f"{backup} is damaged ({problem}); choose another backup. Nothing was changed."
        )
    lock = FileLock(path)
    lock.acquire()
    try:
        kept: Path | None = None
        if path.exists() and path.stat().st_size:
            if quick_check(path, locked_by_us=True) is None:
                kept = back_up(path, "restore")
            else:
                kept = set_aside(path)
        tmp = path.with_name(f".{path.name}.restoring")
        for side in ("", "-wal", "-shm", "-journal"):
            tmp.with_name(tmp.name + side).unlink(missing_ok=True)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
            backup_into(backup, tmp, read_only=True)
            _fsync(tmp)
            for side in ("-wal", "-shm"):
                path.with_name(path.name + side).unlink(missing_ok=True)
            os.replace(tmp, path)
        except (OSError, CopyFailed) as exc:
            raise BackupFailed(
                f"{path} could not be restored from {backup.name} ({exc}); it was left as it was."
            ) from exc
        finally:
            for side in ("", "-wal", "-shm", "-journal"):
                tmp.with_name(tmp.name + side).unlink(missing_ok=True)
        return kept
    finally:
        lock.release()


def set_aside(path: Path) -> Path:
    """Move a damaged file (and its WAL) aside under a new name; it is never overwritten."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    os.replace(path, aside)
    for side in ("-wal", "-shm"):
        companion = path.with_name(path.name + side)
        if companion.exists():
            shutil.move(companion, aside.with_name(aside.name + side))
    return aside
