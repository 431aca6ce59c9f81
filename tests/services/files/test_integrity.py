"""`check_file`: old, current and newer schemas told apart by ancestry; nothing is changed."""

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from seminar_desk.services.files.integrity import check_file
from seminar_desk.store.database import Database
from seminar_desk.store.migrate import script_heads


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_of_an_older_schema_is_older_not_newer(old_path: Path) -> None:
    if script_heads() == {"0001_initial"}:
        pytest.skip("only one release so far")
    path = old_path
    before = digest(path)
    report = check_file(path)
    assert report.sound, report.problems
    assert report.schema == {"0001_initial"}
    assert any("older schema" in note for note in report.notes)
    assert not any("newer" in line for line in report.lines())
    assert digest(path) == before


def test_an_unknown_revision_is_from_a_newer_release(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Database.open(path).close()
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")  # however many heads there are
    con.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    con.commit()
    con.close()
    report = check_file(path)
    assert "made by a newer release of Seminar Desk" in report.problems


def test_check_leaves_no_side_files_and_changes_no_byte(demo_path: Path) -> None:
    before = digest(demo_path)
    names = sorted(p.name for p in demo_path.parent.iterdir())
    assert check_file(demo_path).sound
    assert sorted(p.name for p in demo_path.parent.iterdir()) == names
    assert digest(demo_path) == before


def test_check_reads_the_commits_of_an_open_writer(tmp_path: Path) -> None:
    from seminar_desk.services.desk import Desk
    from seminar_desk.services.seminar import SeminarService

    path = tmp_path / "live.sqlite"
    desk = Desk(Database.open(path))
    try:
        SeminarService(desk).update(title="Live")
        assert check_file(path).sound
    finally:
        desk.close()


def test_a_backup_keeps_the_mode_of_a_private_file(old_path: Path) -> None:
    if script_heads() == {"0001_initial"}:
        pytest.skip("only one release so far")
    old = os.umask(0o022)
    try:
        path = old_path
        os.chmod(path, 0o600)
        db = Database.open(path)
        db.close()
    finally:
        os.umask(old)
    assert db.backup is not None
    assert stat.S_IMODE(db.backup.stat().st_mode) == 0o600
    assert ".backup-0001_initial-" in db.backup.name
