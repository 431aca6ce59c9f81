"""A full disk while opening or upgrading a file: one line, and the file as it was."""

import hashlib
import shutil
from pathlib import Path

import pytest

from seminar_desk.cli.main import main
from seminar_desk.store.migrate import script_heads


def test_an_upgrade_whose_backup_does_not_fit_leaves_the_file_as_it_was(
    old_path: Path, tmp_path: Path, tmpfs, capsys: pytest.CaptureFixture[str]
) -> None:
    if script_heads() == {"0001_initial"}:
        pytest.skip("only one release so far")
    disk = tmp_path / "usb"
    disk.mkdir()
    size = old_path.stat().st_size
    if not tmpfs(disk, f"size={size + size // 3}"):
        pytest.skip("needs a small tmpfs (root)")
    path = disk / "old.sqlite"
    shutil.copyfile(old_path, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["demo", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "was not upgraded" in err and "Traceback" not in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not [p for p in disk.iterdir() if ".backup-" in p.name]


def test_a_new_file_on_a_full_disk_is_one_line_and_not_left_half_made(
    tmp_path: Path, tmpfs, capsys: pytest.CaptureFixture[str]
) -> None:
    disk = tmp_path / "usb"
    disk.mkdir()
    if not tmpfs(disk, "size=48k"):
        pytest.skip("needs a small tmpfs (root)")
    path = disk / "new.sqlite"
    assert main(["demo", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"disk holding {path} is full" in err and "Free some space" in err
    assert sorted(p.name for p in disk.iterdir()) == ["new.sqlite.lock"]
