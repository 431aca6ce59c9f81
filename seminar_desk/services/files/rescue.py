"""A damaged seminar file: save a copy, recover what can be read into a new file, or find the
newest good backup. The damaged file itself is only ever read, never written.

Recovery tries the `sqlite3` program's `.recover` first (when it is installed and its result
passes quick_check with our tables in it), else copies every readable row, table by table, into
a new file of the same schema (best effort: rows on damaged pages are lost, and counted).
"""

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from seminar_desk.services.files.access import OutputRefused, replace_atomically
from seminar_desk.store.connection import connect, read_connection, sqlite_uri
from seminar_desk.store.database import file_revisions
from seminar_desk.store.errors import StoreError
from seminar_desk.store.file.maintenance import quick_check

RECOVER_TIMEOUT_S = 300
_BACKUP = re.compile(r"\.backup-.+-(\d{8}-\d{6})$")


@dataclass
class Recovery:
    path: Path
    method: str  # "sqlite3 .recover" or "row by row"
    rows: dict[str, int] = field(default_factory=dict)
    lost: dict[str, str] = field(default_factory=dict)  # table -> what stopped the copy

    def summary(self) -> str:
        total = sum(self.rows.values())
        text = f"Recovered {total} rows into {self.path} ({self.method})."
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
            if use_cli and _recover_with_cli(source, tmp):
                result.method = "sqlite3 .recover"
                result.rows = _count_rows(tmp)
                return
            for side in ("", "-journal"):
                tmp.with_name(tmp.name + side).unlink(missing_ok=True)
            result.method = "row by row"
            _recover_rows(source, tmp, result)
        except (sqlite3.Error, SQLAlchemyError, StoreError) as exc:  # a full disk, read-only
            reason = getattr(exc, "orig", None) or exc.__cause__ or exc  # SQLite's own words
            raise OutputRefused(
                f"{target} could not be written: {reason}. Nothing was written; "
                f"{source} is unchanged."
            ) from exc

    replace_atomically(target, fill, check=lambda: _refuse_target(source, target))
    return result


def _recover_with_cli(source: Path, tmp: Path) -> bool:
    program = shutil.which("sqlite3")
    if program is None:
        return False
    uri = sqlite_uri(source, mode="ro", immutable="1")  # quoted; creates no -wal/-shm
    try:
        dump = subprocess.run(
            [program, uri, ".recover"],
            capture_output=True,
            timeout=RECOVER_TIMEOUT_S,
            check=False,
        )
        if dump.returncode != 0 or b"error" in dump.stderr.lower():
            return False
        load = subprocess.run(
            [program, os.fspath(tmp)],
            input=dump.stdout,
            capture_output=True,
            timeout=RECOVER_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return (
        load.returncode == 0
        and quick_check(tmp) is None
        and bool(file_revisions(tmp))
        and "seminar" in _count_rows(tmp)
    )


def _count_rows(path: Path) -> dict[str, int]:
    con = connect(path)
    try:
        names = [r[0] for r in con.execute(_TABLES)]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


_TABLES = (
    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
    "AND name NOT LIKE 'fts_%' AND name != 'alembic_version' AND sql NOT LIKE 'CREATE VIRTUAL%'"
)


def _recover_rows(source: Path, tmp: Path, result: Recovery) -> None:
    """A new file of the damaged file's schema, then every row that can still be read."""
    from alembic import command

    from seminar_desk.store.connection import make_engine
    from seminar_desk.store.migrate import alembic_config

    revisions = file_revisions(source) or {"heads"}
    engine = make_engine(tmp, foreign_keys=False)
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            for revision in sorted(revisions):
                command.upgrade(cfg, revision)
    finally:
        engine.dispose()
    src = read_connection(source)
    dst = connect(tmp)
    try:
        dst.execute("PRAGMA foreign_keys=OFF")
        tables = [r[0] for r in dst.execute(_TABLES)]
        for table in tables:
            result.rows[table] = _copy_table(src, dst, table, result)
        dst.commit()
    finally:
        dst.close()
        src.close()


def _copy_table(
    src: sqlite3.Connection, dst: sqlite3.Connection, table: str, result: Recovery
) -> int:
    wanted = [r[1] for r in dst.execute(f'PRAGMA table_info("{table}")')]
    try:
        have = {r[1] for r in src.execute(f'PRAGMA table_info("{table}")')}
    except sqlite3.DatabaseError as exc:
        result.lost[table] = str(exc)
        return 0
    columns = [c for c in wanted if c in have]
    if not columns:
        return 0
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    copied = 0
    try:  # NOT INDEXED: read the table itself, not an index that may be the damaged part
        for row in src.execute(f'SELECT {names} FROM "{table}" NOT INDEXED'):
            dst.execute(insert, row)
            copied += 1
    except sqlite3.DatabaseError as exc:
        result.lost[table] = str(exc)
    return copied
