"""A live key that cannot act says why in the window's message bar: no box takes the keyboard
from the chair or covers the projector's controls; the next action or some seconds clear it.

No `shown` fixture here: the real presenter runs, and a modal box would fail the test
(tests/conftest.py no_modal_dialogs)."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings
from seminar_desk.gui.widgets import message_bar

pytestmark = pytest.mark.usefixtures("qsettings")
DAY1_0900 = datetime(2026, 12, 19, 2, 0, tzinfo=UTC)  # 09:00 in Phnom Penh


@pytest.fixture
def window(demo_path, qtbot, clock) -> MainWindow:
    clock.set(DAY1_0900)
    w = MainWindow(UiSettings())
    qtbot.addWidget(w)
    assert w.open_file(demo_path)
    w.ctx.desk.clock = clock
    w.resize(1366, 740)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)  # window-wide keys
    return w


def _focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_next_speaker_on_an_empty_list_is_said_in_the_bar_and_the_keyboard_stays(
    window: MainWindow, qtbot
) -> None:
    speakers = window.show_page("Speakers")
    assert not speakers.snapshot.waiting  # the demo's first item has nobody waiting
    _focus(qtbot, speakers.add_edit)
    qtbot.keyClick(speakers.add_edit, Qt.Key.Key_F7)  # Next speaker
    bar = window.message_bar
    assert bar.text() == "Nobody is waiting on the list of speakers."
    assert bar.isVisible() and bar.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert QApplication.focusWidget() is speakers.add_edit  # the chair keeps the keyboard
    assert QApplication.activeModalWidget() is None
    # Screen readers read it: the bar's accessible description is the message.
    read = QAccessible.queryAccessibleInterface(bar)
    assert "Nobody is waiting" in read.text(QAccessible.Text.Description)

    # The next action clears it: the chair adds a speaker by keys.
    qtbot.keyClicks(speakers.add_edit, "thail")
    qtbot.keyClick(speakers.add_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(speakers.snapshot.waiting) == 1)
    assert bar.text() == "" and not bar.isVisible()


def test_the_bar_goes_away_by_itself_and_says_agenda_refusals_too(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(message_bar, "SHOWN_MS", 50)
    agenda = window.show_page("Agenda")
    _focus(qtbot, agenda.table)
    qtbot.keyClick(agenda.table, Qt.Key.Key_F6)  # End: nothing runs yet
    assert window.message_bar.text() == "No item is running."
    assert QApplication.focusWidget() is agenda.table
    qtbot.waitUntil(lambda: not window.message_bar.isVisible(), timeout=2000)

    # Text typed by people is shown as typed, never as markup.
    window.message_bar.say("<b>R&D</b> x<y")
    assert window.message_bar.label.textFormat() == Qt.TextFormat.PlainText


def test_refusals_of_planning_stay_boxes(window: MainWindow, monkeypatch) -> None:
    """Only live keys use the bar; a refusal elsewhere is still a message box to read."""
    from PySide6.QtWidgets import QMessageBox

    from seminar_desk.domain.refusal import Refusal
    from seminar_desk.gui import runner

    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box.text()) or 0)

    def refuse() -> None:
        raise Refusal("A day needs a date.")

    assert runner.call(window, refuse) is None
    assert boxes == ["A day needs a date."] and window.message_bar.text() == ""
    assert runner.live(window, refuse) is None
    assert boxes == ["A day needs a date."] and window.message_bar.text() == "A day needs a date."


def test_the_bar_does_not_move_the_page(window: MainWindow, qtbot) -> None:
    """Shown during a live session, the bar floats over the page's bottom corner: the list of
    speakers and the agenda stay where the chair's eyes are."""
    speakers = window.show_page("Speakers")
    _focus(qtbot, speakers.add_edit)
    before = [w.mapTo(window, w.rect().topLeft()) for w in (speakers.add_edit, window.stack)]
    list_height = window.stack.height()
    qtbot.keyClick(speakers.add_edit, Qt.Key.Key_F7)  # Next speaker: nobody waiting
    bar = window.message_bar
    assert bar.isVisible() and bar.text()
    after = [w.mapTo(window, w.rect().topLeft()) for w in (speakers.add_edit, window.stack)]
    assert after == before and window.stack.height() == list_height
    # It is on top, inside the page area, whole, and in its bottom right corner.
    area = window.centralWidget().rect()
    assert area.contains(bar.geometry())
    assert bar.geometry().bottom() > area.height() - 40
    centre = bar.rect().center()
    assert bar.isAncestorOf(bar.childAt(centre)) or bar.childAt(centre) is None
    assert window.centralWidget().childAt(bar.geometry().center()) in (bar, bar.label)
    assert bar.height() >= bar.label.heightForWidth(bar.label.width())  # no line cut off
    # A narrower window keeps it inside, wrapped over more lines.
    window.message_bar.say("Nobody is waiting on the list of speakers. " * 4)
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: window.centralWidget().width() <= max(1000, window.minimumWidth()))
    assert window.centralWidget().rect().contains(bar.geometry())
    assert bar.height() >= bar.label.heightForWidth(bar.label.width())


@pytest.mark.parametrize("size", [(1280, 740), (1366, 740), (1100, 700)])
def test_the_bar_does_not_hide_the_button_it_tells_the_chair_to_press(
    window: MainWindow, qtbot, size: tuple[int, int]
) -> None:
    """A statement typed on a closed list is refused with "Reopen it (Ctrl+Shift+L)": the bar
    that says so must leave the "Reopen list" button, and every other control, in view."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

    window.resize(*size)
    speakers = window.show_page("Speakers")
    _focus(qtbot, speakers.add_edit)
    qtbot.keyClick(
        speakers.add_edit,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: speakers.snapshot.closed)
    qtbot.keyClicks(speakers.add_edit, "thail")
    qtbot.keyClick(speakers.add_edit, Qt.Key.Key_Return)
    bar = window.message_bar
    assert "Reopen it (Ctrl+Shift+L)" in bar.text()
    assert speakers.close_button.text() == "Reopen list"
    central = window.centralWidget()
    placed = bar.geometry()
    assert central.rect().contains(placed)
    assert bar.height() >= bar.label.heightForWidth(bar.label.width())  # no line cut off

    def on_central(widget) -> QRect:  # noqa: ANN001
        return QRect(widget.mapTo(central, widget.rect().topLeft()), widget.size())

    assert not placed.intersects(on_central(speakers.close_button))
    covered = [
        w.text() if hasattr(w, "text") else w.objectName()
        for w in speakers.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit | QComboBox)
        and w.isVisible()
        and not w.visibleRegion().isEmpty()
        and placed.intersects(on_central(w))
    ]
    assert covered == []
    # The chair reopens the list by the key the bar names; the keyboard never left the field.
    assert QApplication.focusWidget() is speakers.add_edit
    qtbot.keyClick(
        speakers.add_edit,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: not speakers.snapshot.closed)
