"""Schema upgrades with Alembic, imported only when a file needs one (Alembic is slow to load)."""

import os
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError

from seminar_desk.store.connection import file_mode, make_engine
from seminar_desk.store.errors import NotASeminarFileError, StoreError
from seminar_desk.store.file.backup import CopyFailed, backup_into
from seminar_desk.store.file.maintenance import foreign_key_problems
from seminar_desk.store.migrations import MIGRATIONS


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def script_heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


class SchemaAge(Enum):
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"  # a revision this release does not know: a newer release made it


def schema_age(heads: set[str]) -> SchemaAge:
    """Where a file's revisions stand in the revision graph (ancestry, not set difference).

    Revisions this release does not know were written by a newer one; known revisions that
    are not all the heads are older (every known revision is an ancestor of some head).
    """
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in scripts.walk_revisions()}
    if heads - known:
        return SchemaAge.NEWER
    wanted = set(scripts.get_heads())
    if heads == wanted:
        return SchemaAge.CURRENT
    reached: set[str] = set()
    for head in heads:
        reached.update(rev.revision for rev in scripts.iterate_revisions(head, "base"))
    return SchemaAge.CURRENT if wanted <= reached else SchemaAge.OLDER


def current_heads(engine: Engine) -> tuple[set[str], bool]:
    """The file's Alembic revisions, and whether it holds any table at all."""
    with engine.connect() as conn:
        heads = set(MigrationContext.configure(conn).get_current_heads())
        has_tables = bool(inspect(conn).get_table_names())
    return heads, has_tables


def backup_file(path: Path, label: str) -> Path:
    """Copy a live SQLite file consistently (the backup API, not a file copy).

    The backup gets the mode of the original (a private file keeps a private backup); it is
    created 0600 first, so it is never readable by others even for a moment.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix or '.sqlite'}")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    os.close(fd)
    os.chmod(target, file_mode(path) & 0o666)
    try:
        backup_into(path, target)
    except CopyFailed as exc:  # a full disk: say so, in one line
        target.unlink(missing_ok=True)
        raise StoreError(
            f"{path} was not upgraded: its backup {target.name} could not be written ({exc}). "
            "The file was left as it was; free some space and open it again."
        ) from exc
    except BaseException:
        target.unlink(missing_ok=True)  # no half backup that looks like a good one
        raise
    return target


def migrate(path: Path) -> Path | None:
    """Bring the file to the newest schema; back it up first if it held data. Returns the backup."""
    engine = make_engine(path, foreign_keys=False)
    try:
        heads, has_tables = current_heads(engine)
        wanted = script_heads()
        if heads == wanted:
            return None
        if schema_age(heads) is SchemaAge.NEWER:
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
            problems = foreign_key_problems(conn)
            if problems:
                raise StoreError(
                    f"Upgrading {path} broke {len(problems)} references "
                    f"(first: table {problems[0][0]}); the file was left unchanged."
                )
        return backup
    except SADatabaseError as exc:
        if "full" in str(exc.orig):
            raise StoreError(
                f"{path} could not be set up or upgraded: the disk is full. Nothing in it was "
                "changed; free some space and open it again."
            ) from exc
        raise NotASeminarFileError(f"{path} cannot be read as a seminar file: {exc.orig}") from exc
    finally:
        engine.dispose()


# Any fixed number: the key of the server-wide lock that lets one laptop at a time upgrade.
UPGRADE_LOCK = 7_316_001


def upgrade_server(engine: Engine, where: str) -> None:
    """Bring a server's schema to the newest one, in one transaction, one laptop at a time.

    No backup: the server is backed up by whoever runs it, and PostgreSQL's DDL is
    transactional, so a failed upgrade leaves the schema as it was.
    """
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
        heads = set(MigrationContext.configure(conn).get_current_heads())
        has_tables = bool(inspect(conn).get_table_names())
        if heads == script_heads():
            return
        _refuse_foreign(heads, has_tables, where)
        _upgrade(conn)


def _refuse_foreign(heads: set[str], has_tables: bool, where: str) -> None:
    if heads and schema_age(heads) is SchemaAge.NEWER:
        raise NotASeminarFileError(
            f"{where} was made by a newer release of Seminar Desk "
            f"(schema {', '.join(sorted(heads))}); update Seminar Desk to open it."
        )
    if has_tables and not heads:
        raise NotASeminarFileError(
            f"{where} holds tables but is not a Seminar Desk database (no schema version)."
        )


def _upgrade(conn: Connection) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "heads")
