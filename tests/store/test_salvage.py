"""Raw-file work is the store's: salvaging a damaged file (what can be read goes into a new file
of the same schema, the damaged file is only read) and consistent copies; a new file that
cannot be written is one store error in SQLite's words (`SalvageFailed`, `CopyFailed`), which
the services put in their sentences (services/files/rescue.py, services/backups.py)."""

import hashlib
from pathlib import Path

import pytest

from seminar_desk.store.file.backup import CopyFailed, backup_into
from seminar_desk.store.file.maintenance import quick_check
from seminar_desk.store.file.salvage import ROW_BY_ROW, SalvageFailed, count_rows, salvage
from tests.services.files.test_rescue import damage


def test_rows_are_salvaged_into_a_new_sound_file(demo_path: Path, tmp_path: Path) -> None:
    damaged = damage(demo_path)
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    new = tmp_path / "salvaged.sqlite"
    result = salvage(damaged, new, use_cli=False)
    assert result.method == ROW_BY_ROW and result.lost == {}
    assert result.rows["participant"] == 48 and result.rows["agenda_item"] == 19
    assert count_rows(new) == result.rows and quick_check(new) is None
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before


def test_a_new_file_that_cannot_be_written_is_one_store_error(
    demo_path: Path, tmp_path: Path
) -> None:
    with pytest.raises(SalvageFailed, match="unable to open database file"):
        salvage(damage(demo_path), tmp_path / "no such folder" / "new.sqlite", use_cli=False)


def test_a_copy_that_cannot_be_written_is_one_store_error(demo_path: Path, tmp_path: Path) -> None:
    with pytest.raises(CopyFailed, match="unable to open database file"):
        backup_into(demo_path, tmp_path / "no such folder" / "copy.sqlite")
    backup_into(demo_path, tmp_path / "copy.sqlite", read_only=True)
    assert quick_check(tmp_path / "copy.sqlite") is None
