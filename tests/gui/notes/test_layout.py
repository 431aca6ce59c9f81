"""Nothing the rapporteur needs is cut at 1366x768 or 1920x1080: the Rapporteur placeholder,
the Due calendar, group names in the groups list, the register's text column."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDateEdit

from seminar_desk.gui.notes.models import RegisterModel
from seminar_desk.gui.notes.page import GROUPS_TAB, NOTES_TAB, REGISTER_TAB, BreakoutsPage

pytestmark = [
    pytest.mark.usefixtures("qsettings"),
    pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366", "1920"]),
]


@pytest.fixture
def page(qtbot, open_notes_page, demo_path: Path, size: tuple[int, int]) -> BreakoutsPage:
    found = open_notes_page(demo_path, size)
    item = next(i.id for i in found.breakouts.items() if i.kind == "breakout")
    found.open_group(found.breakouts.groups(item)[0].id)
    return found


def test_the_rapporteur_placeholder_is_whole(page: BreakoutsPage) -> None:
    edit = page.editor.author.lineEdit()
    assert edit.text() == ""
    needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert edit.width() >= needed + 4  # the line edit's own margins


def test_the_due_calendar_shows_its_whole_date(page: BreakoutsPage, qtbot) -> None:
    page.editor.set_author("Lina Haddad")
    page.editor.show_section("action_items")
    panel = page.editor.actions
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.view.state() == QAbstractItemView.State.EditingState)
    qtbot.keyClicks(QApplication.focusWidget(), "Circulate the indicators")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: panel.view.currentIndex().column() == 2)
    due = QApplication.focusWidget()
    due = due if isinstance(due, QDateEdit) else due.parent()
    assert isinstance(due, QDateEdit)
    assert due.width() >= due.sizeHint().width()


def test_group_names_wrap_inside_the_groups_list(page: BreakoutsPage) -> None:
    page.tabs.setCurrentIndex(GROUPS_TAB)
    QApplication.processEvents()
    groups = page.groups.group_list
    assert not groups.horizontalScrollBar().isVisible()
    metrics = groups.fontMetrics()
    for row in range(groups.count()):
        item = groups.item(row)
        rect = groups.visualItemRect(item)
        assert rect.right() <= groups.viewport().width()
        needed = metrics.boundingRect(
            QRect(0, 0, rect.width(), 10_000), Qt.TextFlag.TextWordWrap, item.text()
        )
        assert needed.height() <= rect.height(), item.text()


def test_the_register_text_column_keeps_room(page: BreakoutsPage, size) -> None:
    page.tabs.setCurrentIndex(REGISTER_TAB)
    QApplication.processEvents()
    view = page.register.view
    header = view.horizontalHeader()
    text = header.sectionSize(RegisterModel.TEXT_COLUMN)
    others = [
        header.sectionSize(c)
        for c in range(len(RegisterModel.COLUMNS))
        if c != RegisterModel.TEXT_COLUMN
    ]
    assert text >= max(others) * 2, (text, others)
    assert text >= (280 if size[0] == 1366 else 500)
    page.tabs.setCurrentIndex(NOTES_TAB)


def test_rows_fit_their_text_when_first_shown(page: BreakoutsPage, qtbot) -> None:
    """Heights measured while the tab was hidden made each row several times too tall."""
    page.editor.show_section("recommendations")
    view = page.editor.recommendations.view
    qtbot.waitUntil(lambda: view.rowHeight(0) <= view.fontMetrics().lineSpacing() * 4 + 12)


def test_register_rows_show_their_whole_text(page: BreakoutsPage, qtbot) -> None:
    """A row measured before the columns settled cut its last line ("neighbouring …")."""
    page.tabs.setCurrentIndex(REGISTER_TAB)
    view = page.register.view
    column = RegisterModel.TEXT_COLUMN
    metrics = view.fontMetrics()

    def cut_rows() -> list[str]:
        width = view.horizontalHeader().sectionSize(column) - 8  # the cell's own padding
        cut = []
        for row in range(page.register.proxy.rowCount()):
            text = page.register.proxy.index(row, column).data()
            needed = metrics.boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
            ).height()
            if needed > view.rowHeight(row):
                cut.append(text)
        return cut

    qtbot.waitUntil(lambda: not cut_rows())


LONG_NAME = (
    "Dr. Maria Fernanda de los Santos Alcántara-Villanueva, Regional Centre for Peace and "
    "Disarmament in Asia and the Pacific"
)


def test_a_long_rapporteur_name_is_elided_and_the_groups_keep_their_room(
    page: BreakoutsPage, qtbot
) -> None:
    """A long name widened the editor's top row and squeezed the list of groups: the name is
    cut with "…" on screen, whole in the tooltip, and nothing moves."""
    QApplication.processEvents()
    window = page.window()
    tree, editor, width = page.tree.width(), page.editor.width(), window.width()
    page.editor.set_author(LONG_NAME)
    page.editor.edits["summary"].setFocus()
    qtbot.keyClicks(page.editor.edits["summary"], "Tracing requests")
    page.editor.flush()
    qtbot.waitUntil(lambda: LONG_NAME in page.editor.stamp.text())
    QApplication.processEvents()
    assert (page.tree.width(), page.editor.width(), window.width()) == (tree, editor, width)
    assert page.editor.minimumSizeHint().width() < editor
    stamp = page.editor.stamp
    assert stamp.toolTip() == stamp.text() and stamp.text().startswith(
        f"Last written by {LONG_NAME}"
    )
    shown = stamp.shown_text()
    assert "…" in shown and shown.startswith("Last written by Dr.")
    assert shown[-8:] == stamp.text()[-8:]  # the time stays in view
    assert stamp.fontMetrics().horizontalAdvance(shown) <= stamp.width()
    assert page.editor.author.toolTip() == LONG_NAME
    assert page.editor.author.width() <= page.editor.width() // 2
