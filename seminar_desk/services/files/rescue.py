"""A damaged seminar file: save a copy, recover what can be read into a new file, or find the
newest good backup. The damaged file itself is only ever read, never written.

Reading the damaged file and salvaging its rows is the store's work (store/file/salvage.py:
the `sqlite3` program's `.recover`, else row by row); here: where the result goes, never over
anything, and what the person is told.
"""

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from seminar_desk.domain.text import counted
from seminar_desk.services.files.access import OutputRefused, replace_atomically
from seminar_desk.store.file.maintenance import quick_check
from seminar_desk.store.file.salvage import SalvageFailed, salvage

_BACKUP = re.compile(r"\.backup-.+-(\d{8}-\d{6})$")


@dataclass
class Recovery:
    path: Path
    method: str  # "sqlite3 .recover" or "row by row" (store/file/salvage.py)
    rows: dict[str, int] = field(default_factory=dict)
    lost: dict[str, str] = field(default_factory=dict)  # table -> what stopped the copy

    def summary(self) -> str:
        total = sum(self.rows.values())
        text = f"Recovered {counted(total, 'row')} into {self.path} ({self.method})."
        if self.lost:
            text += " Some rows could not be read in: " + ", ".join(sorted(self.lost)) + "."
        return text


def backups_of(path: Path) -> list[Path]:
    """Backups written beside `path` before upgrades, newest first."""
    stem, suffix = path.stem, path.suffix or ".sqlite"
    found = []
    for candidate in path.parent.glob(f"{glob_escape(stem)}.backup-*{glob_escape(suffix)}"):
        match = _BACKUP.search(candidate.name[: -len(suffix)] if suffix else candidate.name)
        if match and candidate.is_file():
            found.append((match.group(1), candidate))
    return [p for _, p in sorted(found, reverse=True)]


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup beside `path` that passes quick_check, or None."""
    for backup in backups_of(path):
        if quick_check(backup) is None:
            return backup
    return None


def _refuse_target(source: Path, target: Path) -> None:
    if target.exists() or target.is_symlink():
        raise OutputRefused(f"{target} already exists; choose a new name (nothing is replaced).")
    if Path(os.path.realpath(target)) == Path(os.path.realpath(source)):
        raise OutputRefused(f"{target} is the damaged file itself; choose a new name.")
    if not target.parent.is_dir():
        raise OutputRefused(f"{target} cannot be written: {target.parent} does not exist.")


def save_copy(source: Path, target: Path) -> Path:
    """A byte-for-byte copy of the damaged file (with its unsaved WAL) under a new name."""
    target = Path(os.path.abspath(target))
    _refuse_target(source, target)

    def fill(tmp: Path) -> None:
        with open(source, "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)

    replace_atomically(target, fill, check=lambda: _refuse_target(source, target))
    wal = source.with_name(source.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        side = target.with_name(target.name + "-wal")
        replace_atomically(side, lambda tmp: shutil.copyfile(wal, tmp))
    return target


def recover(source: Path, target: Path, *, use_cli: bool = True) -> Recovery:
    """Read what can be read of `source` into the new file `target` (never over anything)."""
    target = Path(os.path.abspath(target))
    _refuse_target(source, target)
    result = Recovery(target, "")

    def fill(tmp: Path) -> None:
        tmp.unlink()  # SQLite builds the file itself
        try:
            salvaged = salvage(source, tmp, use_cli=use_cli)
        except SalvageFailed as exc:  # a full disk, read-only
            raise OutputRefused(
                f"{target} could not be written: {exc}. Nothing was written; "
                f"{source} is unchanged."
            ) from exc
        result.method, result.rows, result.lost = salvaged.method, salvaged.rows, salvaged.lost

    replace_atomically(target, fill, check=lambda: _refuse_target(source, target))
    return result
