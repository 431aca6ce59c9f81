"""Typed text the file does not take (made read-only while open; a full disk says the same
way): the editor says why under the author, in words naming the file, never "Saved"; once
the file takes it again the text is saved and the words go."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.notes.page import BreakoutsPage
from seminar_desk.gui.settings import UiSettings
from seminar_desk.store import connection

pytestmark = pytest.mark.usefixtures("qsettings")


def test_a_note_the_file_will_not_take_says_why_and_is_never_shown_saved(
    qtbot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path)
    window.show()
    page = window.show_page("Breakouts & notes")
    assert isinstance(page, BreakoutsPage)
    item = next(i for i in page.breakouts.items() if i.kind == "breakout")
    page.open_group(page.breakouts.groups(item.id)[0].id)
    editor = page.editor
    edit = editor.edits["summary"]
    edit.setFocus()
    qtbot.keyClicks(edit, " Saved.")
    editor.flush()
    assert editor.saved_state == "✓ Saved" and not editor.problem.isVisible()

    real = connection.connect  # chmod a-w: from now on the file opens read-only
    monkeypatch.setattr(
        connection, "connect", lambda path, **kw: real(path, **{**kw, "read_only": True})
    )
    window.ctx.desk.db.engine.dispose()
    qtbot.keyClicks(edit, " Not saved yet.")
    editor.flush()
    assert editor.saved_state == "Not saved: retrying"
    assert editor.problem.isVisible()
    words = editor.problem.text()
    assert str(demo_path) in words and "chmod u+w" in words and "not saved" in words
    assert editor.problem.textFormat() == Qt.TextFormat.PlainText
    assert "Not saved yet." not in page.notes.note_text(editor.target, "summary")

    monkeypatch.setattr(connection, "connect", real)  # writable again
    window.ctx.desk.db.engine.dispose()
    editor.flush()
    assert editor.saved_state == "✓ Saved" and not editor.problem.isVisible()
    assert "Saved. Not saved yet." in page.notes.note_text(editor.target, "summary")


def test_a_read_only_file_shows_each_groups_notes(
    qtbot, read_only_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a group must not need a write (the save path's warm-up): on a file that cannot
    be written the group's notes are shown, with no refusal to dismiss."""
    from seminar_desk.gui import runner

    shown: list[str] = []
    monkeypatch.setattr(runner, "show_refusal", lambda _w, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(read_only_demo)
    window.show()
    page = window.show_page("Breakouts & notes")
    assert isinstance(page, BreakoutsPage)
    item = next(i for i in page.breakouts.items() if i.kind == "breakout")
    group = page.breakouts.groups(item.id)[0]
    page.open_group(group.id)
    summary = page.notes.note_text(page.editor.target, "summary")
    assert summary and page.editor.edits["summary"].toPlainText() == summary
    assert shown == []
