"""The main window as a person meets it: welcome, demo, pages, undo, remembered state."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings
from seminar_desk.store.database import Database

pytestmark = pytest.mark.usefixtures("qsettings")


def test_first_start_shows_the_welcome(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert not window.undo_action.isEnabled()
    assert window.file_label.text() == "No seminar open"


def test_open_the_demo_from_the_welcome(window: MainWindow, qtbot) -> None:
    window.welcome.findChild(object, "demoButton").click()
    assert window.ctx is not None
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles[:2] == ["Seminar", "Agenda"]
    for place in ("Speakers", "Breakouts & notes", "Participants", "Reports"):
        assert place in titles
    assert "SALW Regional Seminar" in window.windowTitle()
    assert window.statusBar().currentMessage() == "Opened demo.sqlite"
    seminar_page = window.page(0)
    assert seminar_page.findChild(QLineEdit, "city").text() == "Phnom Penh"


def test_edit_on_the_seminar_page_is_undone_from_the_edit_menu(
    window: MainWindow, demo_path: Path, qtbot
) -> None:
    assert window.open_file(demo_path)
    venue = window.page(0).findChild(QLineEdit, "venue")
    venue.setText("Room <A> & B")
    venue.editingFinished.emit()
    assert window.ctx.seminar.details().venue == "Room <A> & B"
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo Edit seminar details"
    window.undo_action.trigger()
    assert window.ctx.seminar.details().venue.startswith("Bassac Ballroom")
    assert venue.text().startswith("Bassac Ballroom")  # the page followed the undo
    window.redo_action.trigger()
    assert venue.text() == "Room <A> & B"


def test_the_window_title_follows_the_seminar_without_rereading_it_on_every_save(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seminar_desk.services.agenda import AgendaService
    from seminar_desk.services.notes.service import NotesService, NoteTarget

    assert window.open_file(demo_path)
    seminar = window.ctx.seminar
    reads: list[int] = []
    details = seminar.details
    monkeypatch.setattr(seminar, "details", lambda: reads.append(1) or details())
    agenda = AgendaService(window.ctx.desk)
    item_id = agenda.day(agenda.days()[0].id).items[0].id
    for n in range(3):  # a rapporteur's autosaves: the notes change, the seminar does not
        NotesService(window.ctx.desk).save_note(NoteTarget(item_id=item_id), "summary", f"v{n}")
    assert window.statusBar().currentMessage() == "Saved: Type notes"
    assert reads == []  # neither the window nor a page read the seminar again
    seminar.update(short_title="ATT Phnom Penh")
    assert window.windowTitle().startswith("ATT Phnom Penh — ")
    window.undo_action.trigger()
    assert window.windowTitle().startswith("SALW Regional Seminar")


def test_long_text_is_saved_once_typing_pauses(window: MainWindow, demo_path: Path, qtbot) -> None:
    window.open_file(demo_path)
    page = window.page(0)
    page.texts["objectives"].setPlainText("Objective one\nObjective two")
    qtbot.waitUntil(lambda: window.ctx.seminar.details().objectives.endswith("two"), timeout=3000)


def test_a_file_open_in_another_instance_is_refused_with_a_message(
    window: MainWindow, tmp_path: Path, warnings: list[str], capsys
) -> None:
    path = tmp_path / "busy.sqlite"
    other = Database.open(path)
    try:
        assert not window.open_file(path)
    finally:
        other.close()
    assert len(warnings) == 1 and "already open in another Seminar Desk" in warnings[0]
    assert warnings[0] in capsys.readouterr().err
    assert window.ctx is None


def test_a_corrupt_file_is_refused_with_a_message(
    window: MainWindow, tmp_path: Path, warnings: list[str]
) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"\x00garbage & <tags>")
    assert not window.open_file(path)
    assert str(path) in warnings[0]


def test_last_file_and_geometry_are_remembered(demo_path: Path, qtbot) -> None:
    first = MainWindow(UiSettings())
    qtbot.addWidget(first)
    first.open_file(demo_path)
    first.show_page("Participants")
    with qtbot.waitExposed(first):
        first.show()
    # A size the window can take (a page may need more than 640 px), inside the offscreen screen.
    width = max(640, first.minimumSizeHint().width(), first.minimumWidth())
    assert width < 800
    first.resize(width, 480)
    qtbot.waitUntil(lambda: first.width() == width)
    first.close()

    from seminar_desk.gui.app import build_window

    second, opened = build_window(None)
    qtbot.addWidget(second)
    assert opened
    assert second.ctx is not None and second.ctx.desk.db.path == demo_path.resolve()
    second.show()
    assert second.size().width() == width
    assert demo_path.resolve() in second.settings.recent_files()
    assert second.sidebar.currentItem().text() == "Participants"  # the page left open
    second.close()


def test_closing_the_file_releases_it(window: MainWindow, demo_path: Path) -> None:
    window.open_file(demo_path)
    window.close_file()
    assert window.stack.currentWidget() is window.welcome
    Database.open(demo_path).close()  # no lock left behind


def test_text_typed_just_before_closing_is_saved(window: MainWindow, demo_path: Path) -> None:
    window.open_file(demo_path)
    page = window.page(0)
    page.texts["donors"].setPlainText("Germany & <Japan>")  # the pause timer has not fired
    window.close_file()
    from seminar_desk.services.files import open_desk
    from seminar_desk.services.seminar import SeminarService

    desk = open_desk(demo_path)
    try:
        assert SeminarService(desk).details().donors == "Germany & <Japan>"
    finally:
        desk.close()


def test_new_seminar_creates_the_file_and_shows_its_details(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "phnom-penh.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.welcome.findChild(object, "newButton").click()
    assert target.exists()
    assert window.ctx.seminar.details().title == "New seminar"
    assert window.sidebar.currentRow() == 0
    assert not window.undo_action.isEnabled()  # creating the file is not an edit to undo

    window.close_file()
    window.new_seminar()  # the same name again: refused, the existing file is kept
    assert warnings and "already exists" in warnings[0]


def test_redo_answers_ctrl_y_and_the_platform_key(window: MainWindow, qtbot) -> None:
    from PySide6.QtGui import QKeySequence

    qtbot.waitUntil(lambda: bool(window.undo_action.shortcuts()))  # bound once shown
    keys = {k.toString() for k in window.redo_action.shortcuts()}
    assert "Ctrl+Y" in keys
    assert {k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)} <= keys


def test_a_redo_that_can_no_longer_apply_is_refused_and_leaves_the_menu(
    window: MainWindow, demo_path: Path, shown
) -> None:
    import sqlalchemy as sa

    from seminar_desk.store.models import Organisation

    window.open_file(demo_path)
    desk = window.ctx.desk
    with desk.action("Add organisation") as act:
        act.session.add(Organisation(name="Clash", code="CLASH"))
    window.undo_action.trigger()
    assert window.redo_action.text() == "&Redo Add organisation"
    with desk.db.engine.begin() as conn:  # another writer took the same unique code meanwhile
        table = Organisation.__table__
        conn.execute(sa.insert(table).values(id="theirs", name="Theirs", code="CLASH", kind=""))
    window.redo_action.trigger()
    assert len(shown.texts("refusal")) == 1
    assert "Cannot redo “Add organisation”" in shown.texts("refusal")[0]
    assert not window.redo_action.isEnabled()
    assert window.redo_action.text() == "&Redo"


def test_an_import_empties_the_edit_menu_and_typing_does_not(
    window: MainWindow, demo_path: Path, tmp_path: Path, qtbot
) -> None:
    from sqlalchemy import select

    from seminar_desk.services.agenda import AgendaService
    from seminar_desk.services.agenda.imports.commit import import_agenda
    from seminar_desk.services.agenda.imports.registry import read_agenda
    from seminar_desk.services.notes.service import NotesService, NoteTarget
    from seminar_desk.store.models import AgendaItem

    window.open_file(demo_path)
    venue = window.page(0).findChild(QLineEdit, "venue")
    venue.setText("Room B")
    venue.editingFinished.emit()
    assert window.undo_action.isEnabled()
    desk = window.ctx.desk
    with desk.read() as s:
        item_id = s.scalars(select(AgendaItem.id)).first()
    NotesService(desk).save_note(NoteTarget(item_id=item_id), "summary", "typed")
    assert window.undo_action.text() == "&Undo Edit seminar details"
    csv = tmp_path / "extra.csv"
    day = AgendaService(desk).days()[-1].date
    csv.write_text(f"Day;Begin;Length;Session\n{day};09:00;30;Extra\n", encoding="utf-8")
    import_agenda(desk, read_agenda(csv))
    assert not window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo"


def test_the_first_window_fits_a_small_laptop_screen() -> None:
    """At 1366x768 the default 1280x800 lost the status bar below the screen's edge."""
    from PySide6.QtCore import QSize

    from seminar_desk.gui.main_window import default_size

    assert default_size(QSize(1366, 740)) == QSize(1280, 703)
    assert default_size(QSize(1920, 1050)) == QSize(1280, 800)
    assert default_size(QSize(800, 450)).height() <= 450


def _ctrl_n_suggests(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, key: str = "N"
) -> Path:
    """Press Ctrl+N (File › New seminar; Ctrl+O: File › Open) and return where its dialog
    started (then cancel)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QFileDialog

    asked: list[str] = []

    def dialog(_parent, _caption, start, _filter):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName" if key == "N" else "getOpenFileName", dialog)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # window-wide keys
    qtbot.waitUntil(lambda: bool(window.undo_action.shortcuts()))  # bound once shown
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, getattr(Qt.Key, f"Key_{key}"), Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    return Path(asked[0])


def test_new_seminar_starts_in_the_data_folder(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seminar_desk.paths import data_dir

    start = _ctrl_n_suggests(window, qtbot, monkeypatch)
    assert start.parent == data_dir() and start.parent.is_dir()  # made, or Qt opens the cwd
    assert start.name == "seminar.sqlite"


def test_new_seminar_starts_in_the_last_folder_used(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, demo_path: Path, tmp_path: Path
) -> None:
    import shutil

    folder = tmp_path / "meetings"
    folder.mkdir()
    shutil.copy(demo_path, folder / "seminar.sqlite")
    assert window.open_file(folder / "seminar.sqlite")
    start = _ctrl_n_suggests(window, qtbot, monkeypatch)
    assert start == folder / "seminar-2.sqlite"  # a free name beside the last file


def test_open_starts_in_the_data_folder_not_where_the_app_was_started(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from seminar_desk.paths import data_dir

    monkeypatch.chdir(tmp_path)
    start = _ctrl_n_suggests(window, qtbot, monkeypatch, key="O")
    assert start == data_dir() and start.is_dir()


def test_open_starts_in_the_folder_of_the_seminar_last_opened(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch, demo_path: Path, tmp_path: Path
) -> None:
    import shutil

    folder = tmp_path / "meetings 2027 #1"
    folder.mkdir()
    shutil.copy(demo_path, folder / "phnom-penh.sqlite")
    assert window.open_file(folder / "phnom-penh.sqlite")
    window.close_file()
    monkeypatch.chdir(tmp_path)
    assert _ctrl_n_suggests(window, qtbot, monkeypatch, key="O") == folder
    # The next start of the application remembers it (one key: the file last opened).
    again = MainWindow(UiSettings())
    qtbot.addWidget(again)
    assert _ctrl_n_suggests(again, qtbot, monkeypatch, key="O") == folder


def test_after_a_refusal_the_status_bar_no_longer_claims_the_previous_save(
    window: MainWindow, demo_path: Path, qtbot, shown
) -> None:
    from PySide6.QtCore import Qt

    assert window.open_file(demo_path)
    window.show()
    qtbot.waitExposed(window)
    city = window.page(0).findChild(QLineEdit, "city")
    city.setFocus()
    qtbot.keyClick(city, Qt.Key.Key_End)
    qtbot.keyClicks(city, " (centre)")
    qtbot.keyClick(city, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "Saved: Edit seminar details"
    zone = window.page(0).zone.lineEdit()
    zone.setFocus()
    zone.selectAll()
    qtbot.keyClicks(zone, "Mars/Olympus")
    qtbot.keyClick(zone, Qt.Key.Key_Return)
    assert len(shown.texts("refusal")) == 1
    status = window.statusBar().currentMessage()
    assert not status.startswith("Saved"), status
    assert status.startswith("Not saved: Time zone: no zone matches")
