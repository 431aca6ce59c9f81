"""Backups: consistent copies kept beside the file (a rolling set per reason), listed and
restored; a full disk while backing up changes nothing."""

import hashlib
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from seminar_desk.cli.main import main
from seminar_desk.services import backups
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.database import Database
from seminar_desk.store.file.backup import CopyFailed
from seminar_desk.store.models import Seminar

# Backups are copies of a SQLite file; a server keeps its own (pg_dump, the server's backups).
pytestmark = pytest.mark.file_only


def _title(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT title FROM seminar").fetchone()[0]
    finally:
        con.close()


def test_a_backup_is_a_consistent_private_copy_including_the_wal(desk: Desk) -> None:
    SeminarService(desk).update(title="Before the backup")  # still in the -wal file
    copy = backups.back_up(desk.db, "manual")
    assert copy.parent == desk.db.path.with_name(desk.db.path.name + ".backups")
    assert _title(copy) == "Before the backup"
    assert copy.stat().st_mode & 0o077 == 0
    assert [b.path for b in backups.backups(desk.db.path)] == [copy]


def test_only_the_last_few_of_each_reason_are_kept(desk: Desk) -> None:
    SeminarService(desk).update(title="S")
    start = datetime(2026, 12, 1, tzinfo=UTC)
    for n in range(backups.KEEP["open"] + 3):
        backups.back_up(desk.db, "open", now=start + timedelta(minutes=n))
    manual = backups.back_up(desk.db, "manual", now=start)
    kept = backups.backups(desk.db.path)
    assert sum(b.reason == "open" for b in kept) == backups.KEEP["open"]
    assert manual in [b.path for b in kept]
    assert min(b.taken for b in kept if b.reason == "open") == start + timedelta(minutes=3)


def test_restore_puts_the_backup_back_and_keeps_the_file_as_it_was(db_path: Path) -> None:
    desk = Desk(Database.open(db_path))
    SeminarService(desk).update(title="Old title")
    copy = backups.back_up(desk.db, "manual")
    SeminarService(desk).update(title="Typed after the backup")
    desk.close()
    kept = backups.restore(copy, db_path)
    assert _title(db_path) == "Old title"
    assert kept is not None and _title(kept) == "Typed after the backup"
    desk = Desk(Database.open(db_path))
    with desk.read() as s:
        assert s.scalars(select(Seminar.title)).one() == "Old title"
    desk.close()


def test_restore_refuses_while_the_file_is_open(desk: Desk) -> None:
    SeminarService(desk).update(title="S")
    copy = backups.back_up(desk.db, "manual")
    with pytest.raises(Exception, match="already open"):
        backups.restore(copy, desk.db.path)


def test_backup_and_restore_commands(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk = Desk(Database.open(db_path))
    SeminarService(desk).update(title="First")
    desk.close()
    assert main(["backup", "--db", str(db_path)]) == 0
    copy = Path(capsys.readouterr().out.strip())
    assert copy.is_file() and _title(copy) == "First"
    desk = Desk(Database.open(db_path))
    SeminarService(desk).update(title="Second")
    desk.close()
    assert main(["backup", "--db", str(db_path), "--list"]) == 0
    assert str(copy) in capsys.readouterr().out
    assert main(["restore", str(copy), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert _title(db_path) == "First"
    kept = Path(out.splitlines()[-1].split(": ", 1)[1])
    assert _title(kept) == "Second"


def test_a_damaged_file_is_moved_aside_by_restore_never_overwritten(db_path: Path) -> None:
    desk = Desk(Database.open(db_path))
    SeminarService(desk).update(title="Good")
    copy = backups.back_up(desk.db, "manual")
    desk.close()
    damaged = b"SQLite format 3\x00" + b"\xff" * 8000
    db_path.write_bytes(damaged)
    kept = backups.restore(copy, db_path)
    assert kept is not None and kept.read_bytes() == damaged
    assert _title(db_path) == "Good"


def test_a_full_disk_during_a_backup_leaves_no_partial_copy(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    SeminarService(desk).update(title="S")

    def full(*_: object, **__: object) -> None:
        raise CopyFailed("database or disk is full")  # what the store says of SQLite's error

    monkeypatch.setattr(backups, "backup_into", full)
    with pytest.raises(backups.BackupFailed, match="could not be backed up.*disk is full"):
        backups.back_up(desk.db, "manual")
    assert list(backups.folder_of(desk.db.path).iterdir()) == []


def test_a_full_tmpfs_during_backup_and_import_changes_nothing(
    demo_path: Path, tmp_path: Path, tmpfs
) -> None:
    from seminar_desk.domain.refusal import Refusal
    from seminar_desk.services.bundles.export import export_bundle
    from seminar_desk.services.bundles.service import import_bundle
    from seminar_desk.services.notes.service import NotesService, NoteTarget
    from seminar_desk.store.models import BreakoutGroup

    disk = tmp_path / "usb"
    disk.mkdir()
    size = demo_path.stat().st_size
    if not tmpfs(disk, f"size={size + size // 2}"):
        pytest.skip("needs a small tmpfs (root)")
    path = disk / "demo.sqlite"
    shutil.copyfile(demo_path, path)
    other = Desk(Database.open(demo_path))
    with other.read() as s:
        group = s.scalars(select(BreakoutGroup.id)).first()
    NotesService(other).save_note(NoteTarget(group_id=group), "summary", "From the other laptop")
    export_bundle(other, tmp_path / "b.sdbundle")
    other.close()
    desk = Desk(Database.open(path))
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(Refusal, match="could not be backed up"):
        import_bundle(desk, tmp_path / "b.sdbundle")
    assert (
        NotesService(desk).note_text(NoteTarget(group_id=group), "summary")
        != "From the other laptop"
    )
    desk.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not any(backups.folder_of(path).iterdir())
