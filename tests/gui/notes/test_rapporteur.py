"""Who writes the notes is chosen per file, and asked on the first key typed in a file where
nobody is named (a demo rapporteur signed the notes of the next, real seminar)."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.notes.page import BreakoutsPage
from seminar_desk.services.notes.service import NoteTarget

pytestmark = pytest.mark.usefixtures("qsettings")


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    """The window of tests/gui/conftest.py, on screen."""
    window.show()
    return window


@pytest.fixture
def asked(monkeypatch) -> list[list[str]]:
    """Answers "Lina Haddad" to "Who is writing?", and records the names offered."""
    offers: list[list[str]] = []

    def get_item(_parent, _title, _label, names, *_args, **_kwargs):
        offers.append(list(names))
        return "Lina Haddad", True

    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem", staticmethod(get_item))
    return offers


def notes_page(window: MainWindow, path: Path | None) -> BreakoutsPage:
    if path is not None:
        assert window.open_file(path)
    page = window.show_page("Breakouts & notes")
    assert isinstance(page, BreakoutsPage)
    return page


def group_a(page: BreakoutsPage) -> str:
    item = next(i.id for i in page.breakouts.items() if i.kind == "breakout")
    return page.breakouts.groups(item)[0].id


def test_a_rapporteur_chosen_in_the_demo_does_not_sign_a_new_seminar(
    window: MainWindow, qtbot, demo_path: Path, tmp_path: Path
) -> None:
    page = notes_page(window, demo_path)
    page.open_group(group_a(page))
    qtbot.keyClicks(page.editor.author.lineEdit(), "Lina Haddad")
    assert page.editor.author_name() == "Lina Haddad"

    new = tmp_path / "new seminar.sqlite"
    assert window.open_file(new)
    window.ctx.seminar.update(title="New seminar")  # as File › New seminar does
    page = notes_page(window, None)
    assert page.editor.author_name() == ""
    assert not page.editor.who_banner.isHidden()
    page.editor.setEnabled(True)  # (the new seminar has no item to open yet)
    qtbot.keyClicks(page.editor.author.lineEdit(), "Sok Dara")

    page = notes_page(window, demo_path)  # each file keeps its own
    assert page.editor.author_name() == "Lina Haddad"
    assert page.editor.who_banner.isHidden()
    page = notes_page(window, new)
    assert page.editor.author_name() == "Sok Dara"


def test_moving_the_file_keeps_its_rapporteur(
    window: MainWindow, qtbot, demo_path: Path, tmp_path: Path
) -> None:
    page = notes_page(window, demo_path)
    page.open_group(group_a(page))
    qtbot.keyClicks(page.editor.author.lineEdit(), "Lina Haddad")
    window.close_file()
    moved = tmp_path / "moved" / "demo.sqlite"
    moved.parent.mkdir()
    demo_path.rename(moved)
    assert notes_page(window, moved).editor.author_name() == "Lina Haddad"


def test_the_first_key_typed_asks_who_writes_and_signs_the_note(
    window: MainWindow, qtbot, demo_path: Path, asked: list[list[str]]
) -> None:
    page = notes_page(window, demo_path)
    gid = group_a(page)
    page.open_group(gid)
    page.editor.show_section("key_points")
    edit = page.editor.edits["key_points"]
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, "Postal consignments")
    assert len(asked) == 1  # once, before the first letter landed
    assert asked[0][0] == ""  # nobody preselected: Enter alone signs nobody
    assert "Lina Haddad" in asked[0]
    assert edit.toPlainText() == "Postal consignments"
    page.editor.flush()
    text = page.notes.page(NoteTarget(group_id=gid)).sections["key_points"]
    assert (text.body, text.author_name) == ("Postal consignments", "Lina Haddad")
    assert page.editor.who_banner.isHidden()


def test_adding_a_recommendation_unsigned_asks_first(
    window: MainWindow, qtbot, demo_path: Path, asked: list[list[str]]
) -> None:
    page = notes_page(window, demo_path)
    gid = group_a(page)
    page.open_group(gid)
    page.editor.show_section("recommendations")
    panel = page.editor.recommendations
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    qtbot.waitUntil(lambda: panel.view.state() == QAbstractItemView.State.EditingState)
    qtbot.keyClicks(QApplication.focusWidget(), "Train border guards")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.view.state() != QAbstractItemView.State.EditingState)
    rec = page.notes.page(NoteTarget(group_id=gid)).recommendations[-1]
    assert (rec.text, rec.author_name) == ("Train border guards", "Lina Haddad")
    assert len(asked) == 1
