"""Ctrl+1..6 switch pages from anywhere in the window: from every text field, list, box and
table of every page, not only from the sidebar (a chair typing a title goes to the Agenda
without reaching for the mouse)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings

pytestmark = pytest.mark.usefixtures("qsettings")
FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)


def _fields(page: QWidget) -> list[QWidget]:
    return [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, FIELDS)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


def test_ctrl_digit_switches_page_from_every_field(demo_path, qtbot) -> None:
    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # (waitActive is a `with`)
    count = len(window.refs)
    missed: list[str] = []
    tried = 0
    for row in range(count):
        window.sidebar.setCurrentRow(row)
        for field in _fields(window.page(row)):
            window.sidebar.setCurrentRow(row)
            field.setFocus()
            if QApplication.focusWidget() is not field:
                continue
            tried += 1
            target = (row + 1) % count
            digit = Qt.Key(Qt.Key.Key_1.value + target)
            qtbot.keyClick(field, digit, Qt.KeyboardModifier.ControlModifier)
            if window.sidebar.currentRow() != target:
                name = field.objectName() or field.accessibleName() or type(field).__name__
                missed.append(f"{window.refs[row].title}: {name}")
    assert tried > 30  # the Seminar page alone has over 30 fields
    assert missed == []
    window.close()
