"""Opening files the window cannot simply write: damaged, read-only, folders, missing folders."""

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from seminar_desk.gui.app import open_initial_file
from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.shell import file_opening
from seminar_desk.store.file.maintenance import quick_check
from tests.services.files.test_rescue import damage as damage_index

pytestmark = pytest.mark.usefixtures("qsettings")


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """What the rescue dialog and the file chooser answer; what the dialog was told."""
    seen: dict[str, object] = {"choice": file_opening.KEEP, "target": None}

    def ask_rescue(_parent: object, path: Path, problem: str, backup: Path | None) -> str:
        seen["asked"] = (path, problem, backup)
        return str(seen["choice"])

    monkeypatch.setattr(file_opening, "ask_rescue", ask_rescue)
    monkeypatch.setattr(file_opening, "ask_target", lambda *_: seen["target"])
    return seen


def damage(path: Path) -> Path:
    """An index no page reads while the window opens (a damaged participants index also
    works, but then the Speakers page cannot be built and says so in a message)."""
    return damage_index(path, "ix_attendance_day_id")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit_venue(window: MainWindow, text: str) -> None:
    venue = window.page(0).findChild(QLineEdit, "venue")
    venue.setText(text)
    venue.editingFinished.emit()


def test_a_damaged_file_opens_read_only_and_edits_are_refused(
    qtbot,
    window: MainWindow,
    demo_path: Path,
    answers: dict[str, object],
    warnings: list[str],
    shown,
) -> None:
    damage(demo_path)
    before = digest(demo_path)
    assert window.open_file(demo_path)
    qtbot.waitUntil(lambda: "asked" in answers)
    path, problem, _backup = answers["asked"]  # type: ignore[misc]
    assert path == demo_path and "page" in str(problem)
    assert "(read-only)" in window.windowTitle()
    assert "read-only" in window.file_label.text()
    assert "it is damaged" in window.statusBar().currentMessage()
    edit_venue(window, "Elsewhere")
    assert "open read-only" in shown.texts("refusal")[-1]  # the Seminar page's runner says so
    assert window.ctx.seminar.details().venue.startswith("Bassac Ballroom")
    assert warnings == []
    window.close_file()
    assert digest(demo_path) == before


def test_recovery_opens_the_new_file_for_writing(
    qtbot, window: MainWindow, demo_path: Path, tmp_path: Path, answers: dict[str, object]
) -> None:
    damage(demo_path)
    before = digest(demo_path)
    target = tmp_path / "recovered.sqlite"
    answers.update(choice=file_opening.RECOVER, target=target)
    assert window.open_file(demo_path)
    qtbot.waitUntil(lambda: window.ctx.desk.db.path == target)
    assert window.ctx.desk.db.path == target and not window.ctx.desk.db.read_only
    assert "Recovered" in window.statusBar().currentMessage()
    assert "(read-only)" not in window.windowTitle()
    edit_venue(window, "Recovered room")
    assert window.ctx.seminar.details().venue == "Recovered room"
    window.close_file()
    assert quick_check(target) is None
    assert digest(demo_path) == before


def test_a_copy_and_the_newest_backup_are_offered(
    qtbot, window: MainWindow, demo_path: Path, tmp_path: Path, answers: dict[str, object]
) -> None:
    backup = demo_path.with_name("demo.backup-0001_initial-20260101-090000.sqlite")
    backup.write_bytes(demo_path.read_bytes())
    damage(demo_path)
    answers.update(choice=file_opening.COPY, target=tmp_path / "evidence.sqlite")
    assert window.open_file(demo_path)
    qtbot.waitUntil(lambda: (tmp_path / "evidence.sqlite").exists())
    assert digest(tmp_path / "evidence.sqlite") == digest(demo_path)
    assert answers["asked"][2] == backup  # type: ignore[index]
    damaged = digest(demo_path)
    answers.update(choice=file_opening.BACKUP)
    assert window.open_file(demo_path)
    # the backup is put in the file's place; the damaged file is kept aside, untouched
    assert window.ctx.desk.db.path == demo_path.resolve() and not window.ctx.desk.db.read_only
    [aside] = [
        p for p in demo_path.parent.iterdir() if ".damaged-" in p.name and p.suffix == ".sqlite"
    ]
    assert digest(aside) == damaged


def test_a_damaged_file_is_offered_the_newest_backup_of_its_rolling_set(
    window: MainWindow, demo_path: Path, answers: dict[str, object]
) -> None:
    from seminar_desk.services import backups

    older = backups.back_up(demo_path, "open")
    newest = backups.back_up(demo_path, "day")
    damage(demo_path)
    damaged = digest(demo_path)
    answers.update(choice=file_opening.BACKUP)
    assert window.open_file(demo_path)
    assert answers["asked"][2] == newest != older  # type: ignore[index]
    assert window.ctx.seminar.details().city == "Phnom Penh"
    assert [p for p in demo_path.parent.iterdir() if ".damaged-" in p.name]
    assert damaged in {digest(p) for p in demo_path.parent.iterdir() if ".damaged-" in p.name}


def test_a_read_only_folder_opens_read_only_and_says_so(
    window: MainWindow, read_only_demo: Path, warnings: list[str], shown
) -> None:
    names = sorted(p.name for p in read_only_demo.parent.iterdir())
    assert window.open_file(read_only_demo)
    assert "(read-only)" in window.windowTitle()
    assert "read-only" in window.statusBar().currentMessage()
    edit_venue(window, "Elsewhere")
    assert "open read-only" in shown.texts("refusal")[-1]  # the Seminar page's runner says so
    assert warnings == []
    window.close_file()
    assert sorted(p.name for p in read_only_demo.parent.iterdir()) == names


def test_read_only_on_purpose(window: MainWindow, demo_path: Path, shown) -> None:
    before = digest(demo_path)
    assert window.open_file(demo_path, read_only=True)
    assert "(read-only)" in window.windowTitle()
    edit_venue(window, "Elsewhere")
    assert "open read-only" in shown.texts("refusal")[-1]  # the Seminar page's runner says so
    window.close_file()
    assert digest(demo_path) == before


def test_a_folder_or_a_missing_folder_is_one_message_and_the_window_stays(
    window: MainWindow, tmp_path: Path, warnings: list[str]
) -> None:
    assert not open_initial_file(window, tmp_path)
    assert not open_initial_file(window, tmp_path / "typo" / "s.sqlite")
    assert "is a folder" in warnings[0] and "does not exist" in warnings[1]
    assert len(warnings) == 2
    assert window.stack.currentWidget() is window.welcome
    assert not (tmp_path / "typo").exists()


def test_a_new_file_in_a_read_only_folder_is_one_message(
    window: MainWindow, read_only_demo: Path, warnings: list[str]
) -> None:
    assert not window.open_file(read_only_demo.with_name("new.sqlite"))
    assert len(warnings) == 1 and "cannot be created" in warnings[0]
    assert window.stack.currentWidget() is window.welcome
