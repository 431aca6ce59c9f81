"""File › Export bundle…, Import bundle… (preview, then conflicts side by side), Open from a
bundle… and Backups…, driven through the real dialogs with clicks."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPlainTextEdit, QPushButton
from sqlalchemy import select

from seminar_desk.gui.bundles.dialogs import BackupsDialog, ConflictsDialog, PreviewDialog
from seminar_desk.gui.main_window import MainWindow
from seminar_desk.services import backups
from seminar_desk.services.bundles.export import export_bundle
from seminar_desk.services.bundles.service import import_bundle
from seminar_desk.services.files import open_desk
from seminar_desk.services.notes.service import NotesService, NoteTarget
from seminar_desk.store.models import BreakoutGroup

pytestmark = pytest.mark.usefixtures("qsettings")


def _menu_action(window: MainWindow, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def _click(qtbot, dialog, name: str) -> None:
    button = dialog.findChild(QPushButton, name) if name else None
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _ok(qtbot, dialog) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _group(path: Path) -> NoteTarget:
    desk = open_desk(path)
    try:
        with desk.read() as s:
            return NoteTarget(
                group_id=s.scalars(select(BreakoutGroup.id).order_by(BreakoutGroup.name)).first()
            )
    finally:
        desk.close()


def _type(path: Path, target: NoteTarget, text: str) -> None:
    desk = open_desk(path)
    try:
        NotesService(desk).save_note(target, "summary", text)
    finally:
        desk.close()


def _other_laptop(demo_path: Path, tmp_path: Path) -> Path:
    """A second file started from the demo's bundle (the other laptop)."""
    other, start = tmp_path / "other.sqlite", tmp_path / "start.sdbundle"
    desk = open_desk(demo_path)
    export_bundle(desk, start)
    desk.close()
    made = open_desk(other)
    import_bundle(made, start)
    made.close()
    return other


def test_export_a_group_then_import_with_a_preview_and_resolve_the_conflict(
    window: MainWindow, demo_path: Path, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _other_laptop(demo_path, tmp_path)
    target = _group(demo_path)
    _type(other, target, "Theirs, typed in room A")

    assert window.open_file(demo_path)
    NotesService(window.ctx.desk).save_note(target, "summary", "Mine, typed at the front")
    menu = window.bundles
    # export: the real dialog, the group chosen in its list
    out = tmp_path / "mine.sdbundle"
    asked: list[str] = []
    monkeypatch.setattr(menu, "ask_save_path", lambda _t, path, _f: asked.append(path) or out)
    _menu_action(window, "Export bundle…").trigger()
    combo = menu.dialog.findChild(QComboBox, "bundle_scope")
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith("Breakout group 1")
    _ok(qtbot, menu.dialog)
    assert out.exists()
    assert "Wrote" in window.statusBar().currentMessage()
    assert asked == [str(demo_path.resolve().with_suffix(".sdbundle"))]  # beside the file

    # the other laptop's bundle comes back: preview, merge, conflicts side by side
    theirs = tmp_path / "theirs.sdbundle"
    desk = open_desk(other)
    export_bundle(desk, theirs)
    desk.close()
    monkeypatch.setattr(menu, "ask_open_path", lambda *_: theirs)
    _menu_action(window, "Import bundle…").trigger()
    assert isinstance(menu.dialog, PreviewDialog)
    preview = menu.dialog.findChild(QPlainTextEdit, "bundle_preview").toPlainText()
    assert "1 in conflict" in preview and "Summary" in preview
    assert NotesService(window.ctx.desk).note_text(target, "summary") == "Mine, typed at the front"
    _ok(qtbot, menu.dialog)
    dialog = menu.dialog
    assert isinstance(dialog, ConflictsDialog)
    assert (
        dialog.findChild(QPlainTextEdit, "conflict_mine").toPlainText()
        == "Mine, typed at the front"
    )
    assert (
        dialog.findChild(QPlainTextEdit, "conflict_theirs").toPlainText()
        == "Theirs, typed in room A"
    )
    assert any(b.reason == "import" for b in backups.backups(demo_path))  # backed up first
    _click(qtbot, dialog, "keep_both")
    assert dialog.list.count() == 0
    text = NotesService(window.ctx.desk).note_text(target, "summary")
    assert "Mine, typed at the front" in text and "Theirs, typed in room A" in text


def test_open_a_seminar_from_a_bundle_creates_the_file(
    window: MainWindow, demo_path: Path, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "all.sdbundle"
    desk = open_desk(demo_path)
    export_bundle(desk, bundle)
    desk.close()
    new = tmp_path / "laptop.sqlite"
    menu = window.bundles
    monkeypatch.setattr(menu, "ask_open_path", lambda *_: bundle)
    monkeypatch.setattr(menu, "ask_save_path", lambda *_: new)
    _menu_action(window, "Open from a bundle…").trigger()
    assert (
        "as a new seminar file"
        in menu.dialog.findChild(QPlainTextEdit, "bundle_preview").toPlainText()
    )
    _ok(qtbot, menu.dialog)
    assert new.exists() and window.ctx is not None and window.ctx.desk.db.path == new.resolve()
    assert "SALW" in window.windowTitle()


def test_backups_are_listed_made_and_restored(
    window: MainWindow, demo_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_file(demo_path)
    window.ctx.seminar.update(city="Before the restore")
    _menu_action(window, "Backups…").trigger()
    dialog = window.bundles.dialog
    assert isinstance(dialog, BackupsDialog)
    before = dialog.list.count()
    _click(qtbot, dialog, "backup_now")
    assert dialog.list.count() == before + 1
    window.ctx.seminar.update(city="After the backup")
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    _click(qtbot, dialog, "backup_restore")
    assert window.ctx is not None
    assert window.ctx.seminar.details().city == "Before the restore"


def test_an_import_is_undone_with_ctrl_z_like_any_other_action(
    window: MainWindow, demo_path: Path, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    other, theirs = _other_laptop(demo_path, tmp_path), tmp_path / "theirs.sdbundle"
    target = _group(demo_path)
    _type(other, target, "Typed in room A only")
    desk = open_desk(other)
    export_bundle(desk, theirs)
    desk.close()
    assert window.open_file(demo_path)
    window.show()
    qtbot.waitExposed(window)
    before = NotesService(window.ctx.desk).note_text(target, "summary")
    monkeypatch.setattr(window.bundles, "ask_open_path", lambda *_: theirs)
    _menu_action(window, "Import bundle…").trigger()
    _ok(qtbot, window.bundles.dialog)
    assert NotesService(window.ctx.desk).note_text(target, "summary") == "Typed in room A only"
    assert window.undo_action.text() == "&Undo Import bundle theirs.sdbundle"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert NotesService(window.ctx.desk).note_text(target, "summary") == before
    assert window.redo_action.text() == "&Redo Import bundle theirs.sdbundle"


@pytest.fixture
def machine_in_utc(monkeypatch: pytest.MonkeyPatch):
    """The computer's own zone is UTC (not the seminar's), as on a laptop set up abroad."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _conflicts_after_import(
    window: MainWindow, demo_path: Path, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> tuple[ConflictsDialog, NoteTarget]:
    """The demo open, its first group's summary typed here and on the other laptop, whose
    bundle is imported through the menu: the conflicts dialog is open on that summary."""
    other = _other_laptop(demo_path, tmp_path)
    target = _group(demo_path)
    _type(other, target, "Theirs, typed in room A")
    theirs = tmp_path / "theirs.sdbundle"
    desk = open_desk(other)
    export_bundle(desk, theirs)
    desk.close()
    assert window.open_file(demo_path)
    window.ctx.seminar.update(timezone="Asia/Phnom_Penh")
    NotesService(window.ctx.desk).save_note(target, "summary", "Mine, typed at the front")
    monkeypatch.setattr(window.bundles, "ask_open_path", lambda *_: theirs)
    _menu_action(window, "Import bundle…").trigger()
    _ok(qtbot, window.bundles.dialog)
    dialog = window.bundles.dialog
    assert isinstance(dialog, ConflictsDialog)
    return dialog, target


def test_the_conflicts_dialog_shows_times_in_the_seminars_zone_not_the_machines(
    window: MainWindow,
    demo_path: Path,
    tmp_path: Path,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    machine_in_utc: None,
) -> None:
    from zoneinfo import ZoneInfo

    from seminar_desk.store.models import Note

    dialog, target = _conflicts_after_import(window, demo_path, tmp_path, qtbot, monkeypatch)
    with window.ctx.desk.read() as s:
        stamp = s.scalars(select(Note.updated_at).where(Note.group_id == target.group_id)).first()
    phnom_penh = f"{stamp.astimezone(ZoneInfo('Asia/Phnom_Penh')):%Y-%m-%d %H:%M}"
    utc = f"{stamp.astimezone(ZoneInfo('UTC')):%Y-%m-%d %H:%M}"
    assert dialog.mine_label.text() == f"This laptop · {phnom_penh}"
    assert utc not in dialog.mine_label.text() + dialog.theirs_label.text()


def test_enter_in_the_conflicts_dialog_keeps_neither_version_by_itself(
    window: MainWindow, demo_path: Path, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, target = _conflicts_after_import(window, demo_path, tmp_path, qtbot, monkeypatch)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.list.count() == 1  # still to resolve: a stray Enter threw nothing away
    assert NotesService(window.ctx.desk).note_text(target, "summary") == (
        "Mine, typed at the front"
    )
    for button in dialog.buttons.values():
        assert not button.autoDefault() and not button.isDefault()


def test_backups_are_listed_with_times_in_the_seminars_zone(
    window: MainWindow, demo_path: Path, qtbot, machine_in_utc: None
) -> None:
    from zoneinfo import ZoneInfo

    assert window.open_file(demo_path)
    window.ctx.seminar.update(timezone="Asia/Phnom_Penh")
    _menu_action(window, "Backups…").trigger()
    dialog = window.bundles.dialog
    _click(qtbot, dialog, "backup_now")
    made = next(b for b in backups.backups(demo_path) if b.reason == "manual")
    shown = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    there = f"{made.taken.astimezone(ZoneInfo('Asia/Phnom_Penh')):%Y-%m-%d %H:%M:%S}"
    assert any(text.startswith(f"{there} · manual") for text in shown), shown
