"""A note saved meanwhile by another laptop: the typed text stays, the bar shows theirs, and
the person keeps both, theirs, or their own."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.notes.page import BreakoutsPage
from seminar_desk.gui.settings import UiSettings
from seminar_desk.store.connection import make_engine
from seminar_desk.store.models import Note

pytestmark = pytest.mark.usefixtures("qsettings")


@pytest.fixture
def page(qtbot, demo_path: Path, monkeypatch) -> BreakoutsPage:
    monkeypatch.setattr(
        "PySide6.QtWidgets.QInputDialog.getItem", staticmethod(lambda *a, **k: ("", False))
    )
    w = MainWindow(UiSettings())
    qtbot.addWidget(w)
    assert w.open_file(demo_path)
    w.show()
    found = w.show_page("Breakouts & notes")
    assert isinstance(found, BreakoutsPage)
    return found


def _someone_else_saves(page: BreakoutsPage, group_id: str, text: str) -> None:
    """Another laptop's save of the same note (straight into the store, version bumped)."""
    page.editor.flush()
    engine = make_engine(page.ctx.desk.db.path)
    with engine.begin() as conn:
        conn.execute(
            update(Note)
            .where(Note.group_id == group_id, Note.section == "summary")
            .values(body=text, version=Note.version + 1)
        )
    engine.dispose()


def _type_over_a_group_summary(page: BreakoutsPage, qtbot, text: str):
    """The first breakout group's summary, typed over and saved; returns the group."""
    group = page.breakouts.groups(
        next(i.id for i in page.breakouts.items() if i.kind == "breakout")
    )[0]
    page.open_group(group.id)
    edit = page.editor.edits["summary"]
    edit.setFocus()
    edit.selectAll()  # typed over the demo's summary
    qtbot.keyClicks(edit, text)
    return group


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        ("both", "Theirs.\nMine."),  # theirs changed nothing but a trailing newline
        ("take", "Theirs."),
        ("mine", "Theirs.\nMine."),
    ],
)
def test_a_note_saved_elsewhere_meanwhile_keeps_the_typed_text_until_the_person_chooses(
    page: BreakoutsPage, qtbot, button: str, expected: str
) -> None:
    group = _type_over_a_group_summary(page, qtbot, "Theirs.")
    edit = page.editor.edits["summary"]
    page.editor.flush()  # the note exists, at the version this editor knows
    _someone_else_saves(page, group.id, "Theirs.")  # their save: same text, newer version
    _someone_else_saves(page, group.id, "Theirs.\n")  # and a change of it
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Mine.")
    page.editor.flush()
    bar = page.editor.conflict_bar
    assert bar.isVisible() and "Someone else saved this note" in bar.message.text()
    assert page.editor.saved_state == "Not saved: changed elsewhere"
    assert edit.toPlainText() == "Theirs.\nMine."  # nothing typed is lost
    qtbot.mouseClick(getattr(bar, button), Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert page.notes.note_text(page.editor.target, "summary").strip() == expected.strip()
    assert edit.toPlainText().strip() == expected.strip()


def test_keep_both_takes_each_sides_own_changes_and_marks_a_line_changed_on_both(
    page: BreakoutsPage, qtbot
) -> None:
    group = _type_over_a_group_summary(page, qtbot, "Opening.")
    edit = page.editor.edits["summary"]
    for line in ("Customs on marking.", "Closing."):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, line)
    page.editor.flush()  # the text both laptops start from
    _someone_else_saves(page, group.id, "Opening by the Chair.\nCustoms on marking.\nEnd.")
    qtbot.keyClicks(edit, " 17:00")  # this laptop changes the last line only
    page.editor.flush()
    bar = page.editor.conflict_bar
    assert bar.isVisible()
    qtbot.mouseClick(bar.both, Qt.MouseButton.LeftButton)
    kept = [
        "Opening by the Chair.",  # changed there only: taken, unmarked
        "Customs on marking.",  # shared: once
        "[this laptop] Closing. 17:00",  # changed on both: both, marked
        "[another laptop] End.",
    ]
    assert page.notes.note_text(page.editor.target, "summary").splitlines() == kept
    assert edit.toPlainText().splitlines() == kept
    assert not bar.isVisible() and page.editor.saved_state == "✓ Saved"
