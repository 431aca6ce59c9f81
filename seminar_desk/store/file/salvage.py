"""Reading what can still be read of a damaged SQLite file into a new file: the raw-file work of
a rescue (services/files/rescue.py decides where the result goes and what the person is told).

`salvage` tries the `sqlite3` program's `.recover` first (when it is installed and its result
passes quick_check with our tables in it), else builds a new file of the damaged file's schema
and copies every readable row, table by table (best effort: rows on damaged pages are lost, and
counted). The damaged file is only ever read, never written.
"""

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from seminar_desk.store.connection import connect, read_connection, sqlite_uri
from seminar_desk.store.database import file_revisions
from seminar_desk.store.errors import StoreError
from seminar_desk.store.file.maintenance import quick_check

RECOVER_TIMEOUT_S = 300
WITH_CLI, ROW_BY_ROW = "sqlite3 .recover", "row by row"


class SalvageFailed(StoreError):
    """The new file could not be written (a full disk, a read-only folder), in SQLite's words."""


@dataclass
class Salvaged:
    method: str  # WITH_CLI or ROW_BY_ROW
    rows: dict[str, int] = field(default_factory=dict)
    lost: dict[str, str] = field(default_factory=dict)  # table -> what stopped the copy


def salvage(source: Path, new: Path, *, use_cli: bool = True) -> Salvaged:
    """Fill the new file `new` (not there yet) with what can be read of `source`."""
    try:
        if use_cli and _recover_with_cli(source, new):
            return Salvaged(WITH_CLI, count_rows(new))
        for side in ("", "-journal"):
            new.with_name(new.name + side).unlink(missing_ok=True)
        result = Salvaged(ROW_BY_ROW)
        _recover_rows(source, new, result)
        return result
    except (sqlite3.Error, SQLAlchemyError, StoreError) as exc:
        reason = getattr(exc, "orig", None) or exc.__cause__ or exc  # SQLite's own words
        raise SalvageFailed(str(reason)) from exc


def _recover_with_cli(source: Path, new: Path) -> bool:
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
            [program, os.fspath(new)],
            input=dump.stdout,
            capture_output=True,
            timeout=RECOVER_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return (
        load.returncode == 0
        and quick_check(new) is None
        and bool(file_revisions(new))
        and "seminar" in count_rows(new)
    )


def count_rows(path: Path) -> dict[str, int]:
    """Rows per table of our schema (not SQLite's, the search index's or Alembic's)."""
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


def _recover_rows(source: Path, new: Path, result: Salvaged) -> None:
    """A new file of the damaged file's schema, then every row that can still be read."""
    from alembic import command

    from seminar_desk.store.connection import make_engine
    from seminar_desk.store.migrate import alembic_config

    revisions = file_revisions(source) or {"heads"}
    engine = make_engine(new, foreign_keys=False)
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            for revision in sorted(revisions):
                command.upgrade(cfg, revision)
    finally:
        engine.dispose()
    src = read_connection(source)
    dst = connect(new)
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
    src: sqlite3.Connection, dst: sqlite3.Connection, table: str, result: Salvaged
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
