"""A damaged file: refused for writing, read-only readers refuse it in one line, and what can
be read is saved or recovered into a new file while the damaged one stays as it was."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from seminar_desk.cli.main import main
from seminar_desk.services.files import OutputRefused, open_reader, rescue
from seminar_desk.store.database import Database
from seminar_desk.store.errors import DamagedFileError
from seminar_desk.store.file.maintenance import quick_check


def damage(path: Path, index: str = "ix_participant_sort_name") -> Path:
    """Overwrite the page of an index: quick_check fails, the rows survive."""
    con = sqlite3.connect(path)
    page = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    start = (page - 1) * size
    data[start + 8 : start + size] = b"\xa5" * (size - 8)
    path.write_bytes(bytes(data))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(demo_path: Path) -> Path:
    return damage(demo_path)


def test_a_damaged_file_is_never_opened_for_writing(damaged: Path) -> None:
    before = digest(damaged)
    with pytest.raises(DamagedFileError, match="is damaged") as info:
        Database.open(damaged)
    assert str(damaged) in str(info.value) and "\n" not in str(info.value)
    assert digest(damaged) == before
    Database.open(damaged.with_name("other.sqlite")).close()  # the lock was released


def test_the_command_line_says_damaged_in_one_line(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(damaged)
    csv_path = tmp_path / "a.csv"
    csv_path.write_text("date,start,duration,title\n2026-12-19,18:00,30,Reception\n")
    for args in (
        ["import", "agenda", str(csv_path)],
        ["report", "participants", "-o", str(tmp_path / "p.pdf")],
        ["export", "agenda", "-o", str(tmp_path / "a.ics")],
    ):
        assert main([*args, "--db", str(damaged)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "is damaged" in err and "Traceback" not in err
    assert digest(damaged) == before
    assert not (tmp_path / "p.pdf").exists() and not (tmp_path / "a.ics").exists()
    assert not damaged.with_name(damaged.name + "-wal").exists()  # nothing beside it either


@pytest.mark.parametrize("use_cli", [True, False])
def test_recovery_writes_a_new_sound_file(damaged: Path, tmp_path: Path, use_cli: bool) -> None:
    before = digest(damaged)
    target = tmp_path / "recovered.sqlite"
    result = rescue.recover(damaged, target, use_cli=use_cli)
    assert result.path == target and quick_check(target) is None
    assert result.rows["participant"] == 48 and result.rows["agenda_item"] == 19
    assert digest(damaged) == before
    desk = open_reader(target)
    try:
        assert desk.db.path == target
    finally:
        desk.close()
    with pytest.raises(OutputRefused, match="already exists"):
        rescue.recover(damaged, target)
    with pytest.raises(OutputRefused, match="damaged file itself|already exists"):
        rescue.recover(damaged, damaged)
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]


def test_save_a_copy_keeps_every_byte(damaged: Path, tmp_path: Path) -> None:
    copy = rescue.save_copy(damaged, tmp_path / "copy.sqlite")
    assert digest(copy) == digest(damaged)


def test_the_newest_good_backup_is_found(damaged: Path) -> None:
    folder = damaged.parent
    older = folder / "demo.backup-0001_initial-20260101-090000.sqlite"
    newer = folder / "demo.backup-0001_initial-20260301-090000.sqlite"
    broken = folder / "demo.backup-0001_initial-20260401-090000.sqlite"
    shutil.copyfile(damaged, broken)
    for backup in (older, newer):
        backup.write_bytes(b"")
        con = sqlite3.connect(backup)
        con.execute("CREATE TABLE t (x)")
        con.close()
    assert rescue.backups_of(damaged) == [broken, newer, older]
    assert rescue.newest_good_backup(damaged) == newer


def test_a_recovery_that_fills_the_disk_leaves_nothing_behind(
    damaged: Path, tmp_path: Path, tmpfs
) -> None:
    disk = tmp_path / "usb"
    disk.mkdir()
    if not tmpfs(disk, "size=96k"):
        pytest.skip("needs a small tmpfs (root)")
    before = digest(damaged)
    with pytest.raises(OutputRefused, match="could not be written|cannot be written"):
        rescue.recover(damaged, disk / "recovered.sqlite", use_cli=False)
    assert list(disk.iterdir()) == []
    assert digest(damaged) == before
