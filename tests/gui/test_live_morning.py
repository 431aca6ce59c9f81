"""A whole live morning replayed by keys in the real main window, then the file read row by row.

Day 2 of the demo: the facilitator starts the recap with F5 and moves on to Session 4 with F7;
the Speakers page follows the agenda; ten delegations ask for the floor by typing (one chosen
with Down+Enter in the completer, one added by mistake and taken back with Ctrl+Z), a point of
order jumps the queue, the floor moves with F5/F7; two rapporteurs type notes, a recommendation
and an action item in Groups A and B; the secretariat exports the session report. Then every
table of the file is compared with the file before the morning: nothing deleted, nothing
changed but what the morning meant to change, nothing added but what was typed.
"""

import asyncio
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings
from seminar_desk.services.notes.service import NoteTarget

pytestmark = pytest.mark.usefixtures("qsettings")

BEFORE_RECAP = datetime(2026, 12, 20, 1, 59, tzinfo=UTC)  # 08:59 in Phnom Penh, day 2
RECAP = "Recap of Day 1"
SESSION_4 = "Session 4: Consolidating national and regional efforts"
# What is typed in the add field, and the delegation each one must give.
DELEGATIONS = (
    ("brunei", "Brunei Darussalam"),
    ("cambodia", "Cambodia"),
    ("indonesia", "Indonesia"),
    ("lao", "Lao People's Democratic Republic"),
    ("malaysia", "Malaysia"),
    ("myanmar", "Myanmar"),
    ("philippines", "Philippines"),
    ("singapore", "Singapore"),
    ("thailand", "Thailand"),
    ("viet nam", "Viet Nam"),
)
SUMMARY_A = "Customs officers from Cambodia and Thailand described joint patrols (R&D <budget>)."
RECOMMENDATION_A = "Set up a regional seizure database"
ADDRESSEE_A = "ASEANAPOL"
KEY_POINTS_B = "Ông Nguyễn Văn Đức: information exchange takes weeks; ការជួញដូរអាវុធខុសច្បាប់"
ACTION_B = "Circulate the draft protocol"


# -- the file, table by table ----------------------------------------------------------------


def dump(path: Path) -> dict[str, dict[Any, dict[str, Any]]]:
    """Every user table: rows keyed by id (or by the whole row where a table has no id)."""
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith(("fts_", "sqlite_", "alembic_", "sync_"))  # sync_: bookkeeping
        ]
        out: dict[str, dict[Any, dict[str, Any]]] = {}
        for table in tables:
            rows = [dict(r) for r in con.execute(f'SELECT * FROM "{table}"')]
            out[table] = {(r["id"] if "id" in r else tuple(sorted(r.items()))): r for r in rows}
        return out
    finally:
        con.close()


def changed_columns(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    return {k for k in before if before[k] != after.get(k) and k != "updated_at"}


# -- keys ------------------------------------------------------------------------------------


def type_text(widget: QWidget, text: str) -> None:
    """Key presses as a keyboard sends them (QTest.keyClicks knows only Latin-1)."""
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def key(qtbot: Any, widget: QWidget, k: Qt.Key, mods: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """A key where the keyboard sends it: to an open popup (a completer's list), else to
    the widget with the focus (the `widget` named is where the test expects the focus)."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget() or widget
    qtbot.keyClick(target, k, mods)


CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


def editor_in(qtbot: Any, view: QAbstractItemView) -> QWidget:
    """The cell editor the view opened, once it has the keyboard."""

    def open_cell() -> bool:
        widget = QApplication.focusWidget()
        return widget is not None and view.isAncestorOf(widget)

    qtbot.waitUntil(open_cell, timeout=2000)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


SHOTS = os.environ.get("SEMINAR_DESK_SHOTS", "")  # a folder: run by hand in a real X window


def snap(qtbot: Any, name: str) -> None:
    """With SEMINAR_DESK_SHOTS set (QT_QPA_PLATFORM=xcb under Xvfb), save the whole screen."""
    if SHOTS:
        qtbot.wait(300)
        screen = QApplication.primaryScreen()
        screen.grabWindow(0).save(str(Path(SHOTS) / f"{name}.png"))


def reactivate(qtbot: Any, window: QWidget) -> None:
    """The offscreen platform hands activation to a completer's popup late, after it has
    closed (a window system gives it back to the window): give it back as X would, once that
    late activation, already queued, has been delivered."""
    QApplication.processEvents()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focus(qtbot: Any, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)


def test_a_live_morning_by_keys_leaves_exactly_what_was_done(
    qtbot, demo_path: Path, clock, loop, shown, monkeypatch, tmp_path: Path
) -> None:
    from seminar_desk.gui.widgets import ask

    questions: list[str] = []

    answers = [True, False]  # yes for Heng Dara, no for Thailand's second request

    def answer(parent: object, text: str, *, yes: str) -> bool:
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(ask, "confirm", answer)
    from seminar_desk.gui.shell.fonts import load_bundled_fonts

    load_bundled_fonts(QApplication.instance())  # as the application does at start-up
    before = dump(demo_path)
    clock.set(BEFORE_RECAP)
    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path)
    if SHOTS:  # the whole screen, as a person would size it
        window.setGeometry(window.screen().availableGeometry())
    else:
        window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    desk = window.ctx.desk
    desk.clock = clock  # the window opened its own Desk: give it the test's clock
    # Menu keys are bound (all at once) once the window is on screen.
    qtbot.waitUntil(lambda: not window.redo_action.shortcut().isEmpty())

    # -- the agenda: F5 starts the recap, F7 moves on to Session 4 ---------------------------
    key(qtbot, window.sidebar, Qt.Key.Key_2, CTRL)
    agenda = window.show_page("Agenda")
    qtbot.waitUntil(lambda: window.page_stack.currentWidget() is agenda)
    focus(qtbot, agenda.table)
    key(qtbot, agenda.table, Qt.Key.Key_PageDown, CTRL)  # day 2
    assert agenda.tabs.currentIndex() == 1
    key(qtbot, agenda.table, Qt.Key.Key_Home, CTRL)
    assert agenda.model.items[agenda.table.currentIndex().row()].title == RECAP
    clock.advance(60)
    key(qtbot, agenda.table, Qt.Key.Key_F5)
    recap_id = agenda.model.items[0].id
    assert agenda.service.item(recap_id).running
    clock.advance(17 * 60)
    key(qtbot, agenda.table, Qt.Key.Key_F7)
    session_id = agenda.model.items[1].id
    assert agenda.model.items[1].title == SESSION_4
    assert agenda.service.item(session_id).running
    assert agenda.service.item(recap_id).done
    snap(qtbot, "1-agenda")

    # -- the list of speakers follows the agenda ---------------------------------------------
    key(qtbot, agenda.table, Qt.Key.Key_3, CTRL)
    speakers = window.show_page("Speakers")
    qtbot.waitUntil(lambda: window.page_stack.currentWidget() is speakers)
    assert speakers.item_box.currentData() == session_id
    key(qtbot, window.sidebar, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is speakers.add_edit)
    edit = speakers.add_edit
    for typed, _ in DELEGATIONS:
        clock.advance(3)
        qtbot.keyClicks(edit, typed)
        key(qtbot, edit, Qt.Key.Key_Return)
        assert edit.text() == ""
    # A person chosen in the completer with Down+Enter: one entry, not two. Cambodia waits
    # unnamed, so the chair is asked first, and says yes (Heng Dara speaks for the police).
    clock.advance(3)
    qtbot.keyClicks(edit, "heng")
    qtbot.waitUntil(lambda: speakers.completer.popup().isVisible())
    key(qtbot, speakers.completer.popup(), Qt.Key.Key_Down)
    key(qtbot, speakers.completer.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: edit.text() == "")
    assert len(questions) == 1 and "Heng Dara" in questions[0]
    # One added by mistake, taken back at once with Ctrl+Z; Enter on the empty field adds nobody.
    qtbot.keyClicks(edit, "timor")
    key(qtbot, edit, Qt.Key.Key_Return)
    assert speakers.queue.waiting_count == 12
    key(qtbot, edit, Qt.Key.Key_Z, CTRL)
    assert edit.text() == "" and speakers.queue.waiting_count == 11
    key(qtbot, edit, Qt.Key.Key_Return)
    # Thailand again: a second request is asked first; the chair says no, nothing is added.
    qtbot.keyClicks(edit, "thailand")
    key(qtbot, edit, Qt.Key.Key_Return)
    assert len(questions) == 2 and "Thailand" in questions[1]

    waiting = [row.delegation for row in speakers.queue.rows[: speakers.queue.waiting_count]]
    assert waiting == [name for _, name in DELEGATIONS] + ["Cambodia"]  # Heng Dara's
    assert speakers.queue.rows[10].name == "Heng Dara"

    # The floor: F5 to the first, F7 to the next; a point of order goes ahead of everyone.
    focus(qtbot, speakers.list_view)
    key(qtbot, speakers.list_view, Qt.Key.Key_F5)
    assert speakers.now_name.text() == "Brunei Darussalam"
    clock.advance(150)
    key(qtbot, speakers.list_view, Qt.Key.Key_F7)
    assert speakers.now_name.text() == "Cambodia"
    clock.advance(100)
    key(qtbot, speakers.list_view, Qt.Key.Key_L, CTRL)  # back to the field, its text selected
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    key(qtbot, edit, Qt.Key.Key_2, ALT)  # point of order
    qtbot.keyClicks(edit, "nguyen van duc")
    key(qtbot, edit, Qt.Key.Key_Return)
    assert speakers.type_box.currentData() == "statement"
    focus(qtbot, speakers.list_view)
    key(qtbot, speakers.list_view, Qt.Key.Key_F7)
    assert speakers.now_name.text() == "Nguyễn Văn Đức"
    snap(qtbot, "2-speakers")
    if SHOTS:
        speakers.open_projector()
        clock.advance(50)  # ten seconds over the point of order's minute
        speakers.ticker.tick()
        snap(qtbot, "3-projector")
        speakers.close_projector()
        reactivate(qtbot, window)
    clock.advance(40)
    key(qtbot, speakers.list_view, Qt.Key.Key_F7)
    assert speakers.now_name.text() == "Indonesia"
    clock.advance(120)
    key(qtbot, speakers.list_view, Qt.Key.Key_F6)
    assert speakers.now_name.text() == "Nobody has the floor"

    reactivate(qtbot, window)
    # -- two rapporteurs, two groups ---------------------------------------------------------
    key(qtbot, speakers.list_view, Qt.Key.Key_4, CTRL)
    notes = window.show_page("Breakouts & notes")
    qtbot.waitUntil(lambda: window.page_stack.currentWidget() is notes)
    monkeypatch.setattr(notes.editor, "ask_author", lambda *a, **k: "Priya Raghavan", raising=False)
    breakout = next(i.id for i in notes.breakouts.items() if i.kind == "breakout")
    group_a, group_b, group_c = notes.breakouts.groups(breakout)
    notes.open_group(group_a.id)
    if hasattr(notes.editor, "set_author"):
        notes.editor.set_author("Priya Raghavan")
    notes.editor.show_section("summary")
    summary = notes.editor.edits["summary"]
    focus(qtbot, summary)
    type_text(summary, SUMMARY_A)
    clock.advance(1)  # the autosaver measures pauses on the desk's clock
    qtbot.waitUntil(lambda: notes.editor.saved_state == "✓ Saved", timeout=3000)

    notes.editor.show_section("recommendations")
    panel = notes.editor.recommendations
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.view.state() == QAbstractItemView.State.EditingState
    cell = editor_in(qtbot, panel.view)
    type_text(cell, RECOMMENDATION_A)

    def stored() -> str:
        return notes.notes.page(NoteTarget(group_id=group_a.id)).recommendations[-1].text

    # The row's text is saved while the cell is still open (within a second).
    qtbot.waitUntil(lambda: stored() == RECOMMENDATION_A, timeout=3000)
    key(qtbot, cell, Qt.Key.Key_Tab)  # on to the next cell of the same row
    qtbot.waitUntil(lambda: panel.view.state() == QAbstractItemView.State.EditingState)
    assert panel.view.currentIndex().row() == panel.model.rowCount() - 1
    addressee = editor_in(qtbot, panel.view)
    type_text(addressee, ADDRESSEE_A)
    if QApplication.activePopupWidget() is not None:  # names already used are completed
        key(qtbot, addressee, Qt.Key.Key_Return)  # the first Enter takes the completion
    key(qtbot, addressee, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.view.state() != QAbstractItemView.State.EditingState)

    reactivate(qtbot, window)
    notes.open_group(group_b.id)
    notes.editor.show_section("key_points")
    points = notes.editor.edits["key_points"]
    focus(qtbot, points)
    type_text(points, KEY_POINTS_B)
    notes.editor.show_section("actions")
    actions = notes.editor.actions
    qtbot.mouseClick(actions.add_button, Qt.MouseButton.LeftButton)
    cell = editor_in(qtbot, actions.view)
    type_text(cell, ACTION_B)
    key(qtbot, cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions.view.state() != QAbstractItemView.State.EditingState)

    snap(qtbot, "4-notes")

    # -- the secretariat exports the session report ------------------------------------------
    key(qtbot, window.sidebar, Qt.Key.Key_6, CTRL)
    reports = window.show_page("Reports")
    reports.open_when_done = False
    reports.select("session", item="Session 4")
    target = tmp_path / "session-4.pdf"

    async def export() -> object:
        return await reports.export_to(target)

    pages = loop.run_until_complete(export())
    assert pages and target.exists()
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    for name in ("Brunei Darussalam", "Cambodia", "Indonesia"):
        assert name in text
    window.close_file()
    assert shown.items == []  # no refusal, no error on the way

    # -- the file, row by row ----------------------------------------------------------------
    after = dump(demo_path)
    for table, rows in before.items():
        assert set(rows) <= set(after[table]), f"rows lost from {table}"
    changed = {
        (table, key_): changed_columns(row, after[table][key_])
        for table, rows in before.items()
        for key_, row in rows.items()
        if changed_columns(row, after[table][key_])
    }
    summary_a = next(
        k
        for k, n in before["note"].items()
        if n["group_id"] == group_a.id and n["section"] == "summary"
    )
    assert set(changed) == {
        ("agenda_item", recap_id),
        ("agenda_item", session_id),
        ("note", summary_a),
    }, changed
    assert changed["agenda_item", recap_id] == {"actual_start", "actual_end"}
    assert changed["agenda_item", session_id] == {"actual_start"}
    # Typed into the summary the demo already had: the old text is all still there.
    old_body, new_body = before["note"][summary_a]["body"], after["note"][summary_a]["body"]
    assert SUMMARY_A in new_body and new_body.replace(SUMMARY_A, "", 1) == old_body
    added = {
        table: [after[table][k] for k in after[table] if k not in rows]
        for table, rows in before.items()
    }
    added = {t: rows for t, rows in added.items() if rows}
    assert set(added) == {"speaker_entry", "note", "recommendation", "action_item"}, set(added)

    speeches = sorted(added["speaker_entry"], key=lambda r: r["requested_at"])
    assert len(speeches) == 12  # ten delegations, Heng Dara, the point of order
    assert all(s["item_id"] == session_id for s in speeches)
    done = [s for s in speeches if s["status"] == "done"]
    assert len(done) == 4 and all(s["started_at"] and s["ended_at"] for s in done)
    assert sum(s["speech_type"] == "point_of_order" for s in speeches) == 1

    bodies = {(n["group_id"], n["section"]): n["body"] for n in added["note"]}
    assert bodies == {(group_b.id, "key_points"): KEY_POINTS_B}
    [recommendation] = added["recommendation"]
    assert recommendation["text"] == RECOMMENDATION_A
    assert recommendation["addressee"] == ADDRESSEE_A
    assert recommendation["group_id"] == group_a.id
    [action] = added["action_item"]
    assert action["text"] == ACTION_B and action["group_id"] == group_b.id
