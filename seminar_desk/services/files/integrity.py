"""`seminar-desk check`: is the file sound, and which schema does it have?"""

from dataclasses import dataclass, field
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import DatabaseError

from seminar_desk.store.address import describe
from seminar_desk.store.database import Database, known_heads
from seminar_desk.store.errors import StoreError


@dataclass
class CheckReport:
    path: Path | str  # a file, or a server's URL as shown
    schema: set[str] = field(default_factory=set)
    expected: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stale: bool = False

    @property
    def sound(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        out = [f"file: {self.path}", f"schema: {', '.join(sorted(self.schema)) or 'none'}"]
        out.append(f"newest schema: {', '.join(sorted(self.expected))}")
        out += [f"problem: {p}" for p in self.problems] or ["integrity: ok"]
        return out + [f"note: {n}" for n in self.notes]


def check_file(path: Path | str) -> CheckReport:
    """Read-only: runs SQLite's integrity and foreign key checks and compares schema versions.

    Nothing is created or changed, not even a -wal/-shm beside the file.
    """
    report = _check_once(path)
    if report.stale:  # a writer came while the file was read: read again through its WAL
        report = _check_once(path, lasting=True)
    return report


def _check_once(path: Path | str, *, lasting: bool = False) -> CheckReport:
    report = CheckReport(describe(path), expected=known_heads())
    try:
        db = Database.open_read_only(path, lasting=lasting)
    except StoreError as exc:
        report.problems.append(str(exc))
        return report
    try:
        with db.engine.connect() as conn:
            report.schema = set(MigrationContext.configure(conn).get_current_heads())
            report.problems += [f"integrity: {r}" for r in db.kind.integrity_problems(conn)]
            for table, rowid, parent in db.kind.foreign_key_problems(conn):
                report.problems.append(f"row {rowid} of {table} points to a missing {parent}")
    except DatabaseError as exc:
        report.problems.append(f"{report.path} cannot be read: {exc.orig}")
    except StoreError as exc:
        report.problems.append(str(exc))
    finally:
        report.stale = db.stale()
        db.close()
    if not report.problems and report.schema != report.expected:
        from seminar_desk.store.migrate import SchemaAge, schema_age

        if not report.schema:
            report.problems.append("not a Seminar Desk file (no schema version)")
        elif schema_age(report.schema) is SchemaAge.NEWER:
            report.problems.append("made by a newer release of Seminar Desk")
        elif schema_age(report.schema) is SchemaAge.OLDER:
            report.notes.append("older schema: it will be upgraded (after a backup) when opened")
    return report
