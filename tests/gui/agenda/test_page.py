"""The Agenda page offscreen: the model, planning edits, drag and drop, keys, live mode, files."""

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLineEdit, QMessageBox

from seminar_desk.domain.clock import FakeClock
from seminar_desk.gui.agenda.model import (
    DURATION,
    ID_ROLE,
    RUNNING_ROLE,
    TIME,
    TITLE,
    WARNINGS_ROLE,
    AgendaDayModel,
)
from seminar_desk.gui.agenda.page import AgendaPage
from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.services.desk import Desk


@pytest.fixture
def page(qtbot, demo_desk: Desk) -> AgendaPage:
    ctx = DeskContext(demo_desk, ChangeBus(demo_desk))
    p = AgendaPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    with qtbot.waitExposed(p):
        p.show()
    return p


class Answers:
    """Stands in for the person answering the page's questions; keeps what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        self.yes = True

        def exec_(box: QMessageBox) -> int:
            assert box.textFormat() == Qt.TextFormat.PlainText
            self.asked.append(box.text())
            return QMessageBox.StandardButton.Yes if self.yes else QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "exec", exec_)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return Answers(monkeypatch)


def titles(page: AgendaPage) -> list[str]:
    return [i.title for i in page.model.items]


def starts(page: AgendaPage) -> list[str]:
    texts = [page.model.index(r, TIME).data() for r in range(page.model.rowCount())]
    return [t.replace("\u26a0", "").replace("\u2691", "").split()[0] for t in texts]


def test_model_passes_the_model_tester(page: AgendaPage, qtmodeltester):
    qtmodeltester.check(page.model)
    empty = AgendaDayModel()
    qtmodeltester.check(empty)


def test_demo_days_show_in_tabs(page: AgendaPage):
    assert page.tabs.count() == 2
    assert page.tabs.tabText(0).startswith("Day 1")
    model = page.model
    assert model.rowCount() == 9
    assert model.index(0, TIME).data() == "\u2691 09:00"  # locked start
    assert model.index(4, TITLE).data().startswith("Lunch")
    assert model.index(2, 5).data() == "Sok Chanthy"
    assert isinstance(model.index(4, 2).data(Qt.ItemDataRole.DecorationRole).name(), str)
    page.tabs.setCurrentIndex(1)
    assert page.model.rowCount() == 10
    assert starts(page)[-1] == "17:00"


def test_editing_a_duration_in_place_retimes_and_undo_restores(
    page: AgendaPage, demo_desk: Desk, qtbot
):
    model = page.model
    assert model.setData(model.index(2, DURATION), 90)
    qtbot.waitUntil(lambda: page.model.items[2].duration_min == 90)
    assert starts(page)[:5] == ["09:00", "09:45", "10:15", "11:45", "12:30"]
    assert model.index(4, TIME).data().startswith("\u26a0")
    assert page.warnings.count() == 1 and "Lunch" in page.warnings.item(0).text()
    assert model.index(4, TITLE).data(WARNINGS_ROLE)
    demo_desk.undo()
    assert starts(page)[3] == "11:15"
    assert page.warnings.count() == 0


def test_add_duplicate_delete_through_actions(page: AgendaPage, demo_desk: Desk):
    page.select([page.model.items[0].id])
    page.action("add").trigger()
    assert page.model.rowCount() == 10 and titles(page)[1] == "New item"
    assert page.selected_ids() == [page.model.items[1].id]
    page.action("duplicate").trigger()
    assert titles(page)[1:3] == ["New item", "New item"]
    page.select([page.model.items[1].id, page.model.items[2].id])
    page.action("delete").trigger()
    assert page.model.rowCount() == 9
    demo_desk.undo()
    assert page.model.rowCount() == 11


def test_keyboard_moves_within_and_across_days(page: AgendaPage, qtbot):
    photo = page.model.items[1].id
    page.select([photo])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page.model.items[2].id == photo
    assert page.selected_ids() == [photo]
    page.action("next_day").trigger()
    assert page.tabs.currentIndex() == 1
    assert page.model.items[-1].id == photo
    page.action("prev_day").trigger()
    assert page.tabs.currentIndex() == 0 and page.model.items[-1].id == photo


def test_drag_and_drop_within_the_day_and_onto_another_day(page: AgendaPage, qtbot):
    model = page.model
    wrap_up = model.items[8].id
    mime = model.mimeData([model.index(8, TITLE)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    qtbot.waitUntil(lambda: page.model.items[1].id == wrap_up)
    assert starts(page)[:3] == ["09:00", "09:45", "10:15"]
    # Dropping on a day's tab puts the item at the end of that day.
    page.move_to_day(wrap_up, 1)
    assert page.tabs.currentIndex() == 1 and page.model.items[-1].id == wrap_up


def test_editor_uses_participants_for_chair_and_speakers(page: AgendaPage, demo_desk: Desk):
    item = page.model.items[8]
    editor = page.make_editor(item.id)
    model = editor.chair.completer().model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(n.startswith("Chea Sophal") for n in names)
    editor.chair.setText("chea sophal")
    editor.speakers.setText("Sok Chanthy; A Guest Speaker")
    editor.duration.setValue(45)
    page.apply_editor(editor)
    updated = page.model.items[8]
    assert updated.chair_name == "Chea Sophal" and updated.duration_min == 45
    assert [s.name for s in updated.speakers] == ["Sok Chanthy", "A Guest Speaker"]
    assert updated.speakers[0].participant_id is not None
    assert updated.speakers[1].participant_id is None
    assert demo_desk.undo_label == "Edit agenda item"
    editor = page.make_editor(item.id)
    editor.chair.setText("Nobody We Know")
    editor.accept()
    assert editor.result() != editor.DialogCode.Accepted  # refused, not closed


def test_multi_name_completer_keeps_earlier_names(page: AgendaPage):
    editor = page.make_editor(page.model.items[2].id)
    completer = editor.speakers.completer()
    editor.speakers.setText("Sok Chanthy; che")
    assert completer.splitPath(editor.speakers.text()) == ["che"]
    model = completer.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("Chea"))
    assert completer.pathFromIndex(model.index(row, 0)).startswith("Sok Chanthy; Chea Sophal")
    # Accents do not matter: "nguyen van duc" finds "Nguyễn Văn Đức".
    editor.speakers.setText("nguyen van duc")
    completer.setCompletionPrefix(completer.splitPath(editor.speakers.text())[0])
    assert completer.completionCount() == 1
    assert completer.pathFromIndex(completer.currentIndex()) == "Nguyễn Văn Đức (VNM)"


def test_running_live_late_and_replanning(page: AgendaPage, clock: FakeClock):
    page.select([page.model.items[0].id])
    page.action("start").trigger()  # F5
    assert page.model.index(0, TITLE).data(RUNNING_ROLE)
    background = page.model.index(0, TITLE).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush)
    assert page.delay_label.text() == "on time"
    clock.advance(57 * 60)
    page.refresh_live()
    assert page.delay_label.text() == "+12 min behind"
    page.action("next").trigger()  # F7: ends the opening, starts the photo
    assert page.model.items[1].running and page.model.items[0].done
    assert page.model.index(0, 7).data() == "09:00–09:57"
    clock.advance(60 * 60)
    page.refresh_live()
    assert page.delay_label.text() == "+42 min behind"
    page.action("replan").trigger()  # F8
    assert starts(page)[:5] == ["09:00", "09:57", "10:57", "11:57", "12:30"]
    assert page.model.index(2, TIME).data() == "10:57 (10:15)"
    assert "Lunch" in page.message.text() and "collide" in page.message.text()
    assert page.warnings.count() == 1
    page.action("end").trigger()  # F6
    assert page.model.items[1].done and page.model.index(1, 0).data(ID_ROLE)


def test_live_shortcuts_are_bound(page: AgendaPage):
    keys = {k: page.action(k).shortcut().toString() for k in ("start", "end", "next", "replan")}
    assert keys == {"start": "F5", "end": "F6", "next": "F7", "replan": "F8"}


def test_import_preview_commit_and_refusal(page: AgendaPage, tmp_path: Path, monkeypatch, shown):
    previews = []
    monkeypatch.setattr(page, "confirm_import", lambda agenda: previews.append(agenda) or True)
    good = tmp_path / "extra.csv"
    good.write_text("date,start,duration,title\n2026-12-19,17:00,60,Reception\n")
    assert page.import_file(good)
    assert previews[0].items[0].title == "Reception"
    assert titles(page)[-1] == "Reception"
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,start,duration,title\n2026-12-19,18:00,30,Dinner\n2026-12-19,late,30,Bar\n"
    )
    assert not page.import_file(bad)  # refused through the runner, like the worker's import
    assert len(shown.items) == 1 and "bad.csv, row 3, column start (B)" in shown.texts("refusal")[0]
    assert page.message.text() == "Nothing imported."  # as the worker's import says it
    assert titles(page)[-1] == "Reception"
    monkeypatch.setattr(page, "confirm_import", lambda agenda: False)
    assert not page.import_file(good)
    assert titles(page).count("Reception") == 1


def test_export_writes_a_calendar(page: AgendaPage, tmp_path: Path):
    out = tmp_path / "agenda.ics"
    page.export_file(out, "ics")
    assert out.read_text().count("BEGIN:VEVENT") == 19
    assert "19 agenda items" in page.message.text()


def test_add_and_remove_days(page: AgendaPage, demo_desk: Desk, shown, answers: Answers):
    page.action("add_day").trigger()
    assert page.tabs.count() == 3 and page.tabs.currentIndex() == 2
    assert page.model.rowCount() == 0
    page.action("add").trigger()
    assert page.model.rowCount() == 1
    page.tabs.setCurrentIndex(0)
    answers.yes = False
    page.action("delete_day").trigger()
    assert page.tabs.count() == 3 and answers.asked  # asked first: nothing removed on "No"
    answers.yes = True
    page.tabs.setCurrentIndex(2)
    page.action("delete_day").trigger()
    assert page.tabs.count() == 2
    assert "1 agenda item" in answers.asked[-1]
    demo_desk.undo()
    assert page.tabs.count() == 3
    page.tabs.setCurrentIndex(0)  # any day, not only the last
    page.action("delete_day").trigger()
    assert page.tabs.count() == 2 and shown.texts("refusal") == []
    assert [d.number for d in page.days] == [1, 2]


def test_parallel_breakouts_show_and_warn(page: AgendaPage):
    chair = page.model.items[7].chair_id
    page.select([page.model.items[7].id])
    page.action("add").trigger()
    new_id = page.selected_id()
    page.service.update_item(new_id, title="Group B", kind="breakout", chair_id=chair)
    page.select([page.model.items[7].id, new_id])
    page.action("parallel").trigger()
    a, b = page.model.items[7], page.model.items[8]
    assert a.start == b.start and a.parallel_key == b.parallel_key
    assert page.model.index(8, 2).data().endswith("\u2225")  # the parallel mark
    assert page.model.index(8, TITLE).data(WARNINGS_ROLE) == [
        "Chea Sophal also booked in “Tour de table: national experiences and priorities” "
        "at the same time."
    ]
    assert page.warnings.count() == 2


def test_typing_a_time_locks_the_start_and_clearing_it_unlocks(page: AgendaPage, qtbot):
    model = page.model
    index = model.index(8, TIME)  # the wrap-up, 16:30 by durations
    assert index.data(Qt.ItemDataRole.EditRole) == ""
    assert model.setData(index, "16:45")
    qtbot.waitUntil(lambda: page.model.items[8].start_locked)
    assert page.model.items[8].start_locked and starts(page)[8] == "16:45"
    assert page.model.index(8, TIME).data(Qt.ItemDataRole.EditRole) == "16:45"
    assert not page.model.setData(page.model.index(8, TIME), "quarter to five")
    assert page.model.setData(page.model.index(8, TIME), "")
    qtbot.waitUntil(lambda: not page.model.items[8].start_locked)
    assert not page.model.items[8].start_locked and starts(page)[8] == "16:30"


def test_dropping_an_item_on_a_day_tab(page: AgendaPage, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    item_id = page.model.items[3].id
    mime = page.model.mimeData([page.model.index(3, TITLE)])
    centre = QPointF(page.tabs.tabRect(1).center())
    event = QDropEvent(
        centre,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.tabs.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == 1)
    assert page.model.items[-1].id == item_id


def test_a_rehearsal_on_another_date_shows_no_absurd_delay(page: AgendaPage, clock: FakeClock):
    page.tabs.setCurrentIndex(1)  # day 2, while the clock says day 1
    page.select([page.model.items[0].id])
    page.action("start").trigger()
    assert page.model.items[0].running
    assert page.delay_label.text() == "run on another date"


def test_switching_days_by_keyboard(page: AgendaPage, qtbot):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 1 and page.model.rowCount() == 10
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 0


def test_an_empty_file_has_an_empty_agenda(qtbot, desk: Desk, qtmodeltester, shown):
    page = AgendaPage(DeskContext(desk, ChangeBus(desk)))
    qtbot.addWidget(page)
    assert page.tabs.count() == 0 and page.model.rowCount() == 0
    assert "No days yet" in page.live_label.text()
    qtmodeltester.check(page.model)
    page.action("add").trigger()
    assert "no day" in page.message.text()
    page.action("add_day").trigger()
    assert "Create the seminar first" in shown.texts("refusal")[0]
    page.action("start").trigger()
    page.action("replan").trigger()
    assert page.model.rowCount() == 0


def test_import_into_a_fresh_seminar_takes_the_files_details(qtbot, desk: Desk, monkeypatch):
    from datetime import date

    from seminar_desk.services.seminar import SeminarService

    SeminarService(desk).update(title="New seminar", start_date=date(2026, 11, 27))
    page = AgendaPage(DeskContext(desk, ChangeBus(desk)))
    qtbot.addWidget(page)
    monkeypatch.setattr(page, "confirm_import", lambda agenda: True)
    fixture = Path(__file__).resolve().parents[2] / "fixtures"
    assert page.import_file(fixture / "frab-31c3-schedule.xml")
    details = SeminarService(desk).details()
    assert details.title == "31. Chaos Communication Congress"
    assert details.timezone == "Etc/GMT-1"
    assert (details.start_date, details.end_date) == (date(2014, 12, 27), date(2014, 12, 31))
    assert page.tabs.count() == 4 and starts(page)[0] == "11:00"


def test_changing_the_day_start_retimes_it(page: AgendaPage, demo_desk: Desk):
    from PySide6.QtCore import QTime

    page.day_start.setTime(QTime(9, 30))
    page.day_start.editingFinished.emit()
    assert starts(page)[:3] == ["09:00", "09:45", "10:15"]  # the opening is locked at 09:00
    page.service.update_item(page.model.items[0].id, start_locked=False)
    assert starts(page)[:3] == ["09:30", "10:15", "10:45"]
    page.day_end.setTime(QTime(16, 0))
    page.day_end.editingFinished.emit()
    assert any("past its planned end at 16:00" in w for w in page.day_view.warnings)
    demo_desk.undo()
    demo_desk.undo()
    demo_desk.undo()
    assert starts(page)[:3] == ["09:00", "09:45", "10:15"] and page.day_view.warnings == ()


def test_an_empty_file_shows_no_empty_warnings_pane(qtbot, desk: Desk):
    page = AgendaPage(DeskContext(desk, ChangeBus(desk)))
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    assert not page.warnings.isVisible()  # no blank box under an empty table
    assert not page.day_start.isEnabled() and not page.day_end.isEnabled()


@pytest.mark.usefixtures("qsettings")
def test_live_keys_work_right_after_choosing_the_page_in_the_sidebar(qtbot, demo_path: Path):
    """Clicking "Agenda" in the sidebar leaves the focus there; F5 must still start the item,
    and a hidden Agenda page must not take F5 from the page that shows."""
    from PySide6.QtWidgets import QApplication

    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.gui.settings import UiSettings

    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    for row in range(len(window.pages)):
        window.page(row)  # the Speakers page has F5-F8 too, for its own list
    page = window.show_page("Agenda")
    assert isinstance(page, AgendaPage)
    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sidebar)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 1
    first = page.model.items[0].id
    page.select([first])
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_F5)
    assert page.service.item(first).running
    qtbot.keyClick(window.sidebar, Qt.Key.Key_F6)
    assert page.service.item(first).done
    window.show_page("Participants")
    window.sidebar.setFocus()
    page.select([page.model.items[1].id])
    qtbot.keyClick(window.sidebar, Qt.Key.Key_F5)
    assert not page.service.item(page.model.items[1].id).running
    window.close_file()


@pytest.mark.usefixtures("qsettings")
def test_no_agenda_key_is_also_a_window_wide_key(qtbot, demo_path: Path):
    """A key bound twice in the window fires neither ("Ambiguous shortcut overload"): In
    parallel once shared Ctrl+Shift+P with the projector key of the Speakers page."""
    from PySide6.QtGui import QAction

    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.gui.settings import UiSettings

    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path)
    for row in range(len(window.pages)):
        window.page(row)  # every page built, as after a day of use
    page = window.show_page("Agenda")
    wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    window_keys = {
        key.toString()
        for action in window.findChildren(QAction)
        if action.shortcutContext() in wide
        and not page.isAncestorOf(action.parent())
        and action.isEnabled()  # a disabled action fires nothing (hidden pages turn theirs off)
        for key in action.shortcuts()
        if action.parent() is not page
    }
    agenda_keys = {a.shortcut().toString() for a in page.actions() if not a.shortcut().isEmpty()}
    assert agenda_keys and not agenda_keys & window_keys
    assert page.action("parallel").shortcut().toString() == "Ctrl+Shift+G"
    window.close_file()


def test_delete_selects_the_next_item_and_add_starts_typing_the_title(
    page: AgendaPage, qtbot, answers: Answers
):
    """After Delete the selection was gone (Delete again did nothing); Add left "New item" to
    be renamed with F2."""
    second, third = page.model.items[1].id, page.model.items[2].id
    page.select([second])
    page.action("delete").trigger()
    assert page.selected_ids() == [third]
    page.action("delete").trigger()
    assert page.model.rowCount() == 7
    page.select([page.model.items[-1].id])
    page.action("delete").trigger()  # the last row: the one before it is selected
    assert page.selected_ids() == [page.model.items[-1].id]
    new_id = page.add_item()
    editor = page.table.focusWidget()
    assert isinstance(editor, QLineEdit) and page.table.currentIndex().column() == TITLE
    editor.setText("Press briefing")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.service.item(new_id).title == "Press briefing")


def test_undoing_a_move_to_another_day_shows_the_item_where_it_went_back(
    page: AgendaPage, demo_desk: Desk, answers: Answers
):
    item_id = page.model.items[3].id
    page.select([item_id])
    page.action("next_day").trigger()  # Ctrl+Shift+Down
    assert page.tabs.currentIndex() == 1 and page.selected_ids() == [item_id]
    demo_desk.undo()
    assert page.tabs.currentIndex() == 0 and page.selected_ids() == [item_id]
    demo_desk.redo()
    assert page.tabs.currentIndex() == 1 and page.selected_ids() == [item_id]
    page.action("delete").trigger()
    page.select([])
    demo_desk.undo()  # nothing was selected: the view stays on its day
    assert page.tabs.currentIndex() == 1


def test_a_day_ahead_of_time_says_so_without_a_minus(page: AgendaPage, clock: FakeClock):
    page.select([page.model.items[0].id])
    page.action("start").trigger()
    clock.advance(40 * 60)
    page.action("next").trigger()  # the 45-minute opening ended 5 minutes early
    page.refresh_live()
    assert page.delay_label.text() == "5 min ahead"


def test_the_editor_says_in_words_why_ok_refuses_an_unknown_chair(page: AgendaPage, qtbot):
    editor = page.make_editor(page.model.items[8].id)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.problem.isVisible()
    editor.chair.setText("Nobody <We> Know")
    editor.accept()
    assert editor.problem.isVisible()  # not only a red border and a tooltip
    assert "Nobody <We> Know" in editor.problem.text() and "Participants" in editor.problem.text()
    assert editor.problem.textFormat() == Qt.TextFormat.PlainText
    editor.chair.setText("Chea Sophal")
    editor.accept()
    assert editor.result() == editor.DialogCode.Accepted


def test_tooltips_show_user_text_as_text(page: AgendaPage, demo_desk: Desk):
    """A title such as "Session: <i>draft</i>" made Qt read the whole tooltip as markup: the
    tags vanished and every line break with them."""
    from PySide6.QtGui import QTextDocument

    item_id = page.model.items[2].id
    page.service.update_item(item_id, title="Session: <i>draft</i> & more", description="a\nb")
    row = page.model.row_of(item_id)
    tip = page.model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    doc = QTextDocument()
    doc.setHtml(tip)
    lines = doc.toPlainText().splitlines()
    assert lines[0] == "Session: <i>draft</i> & more"
    assert lines[-2:] == ["a", "b"]


def _record_work(desk: Desk, item_id: str, speeches: int, notes: int, groups: int) -> None:
    """What a morning leaves on an item: speeches held, notes typed, breakout groups."""
    from datetime import timedelta

    from seminar_desk.store.models import BreakoutGroup, Note, SpeakerEntry

    with desk.action("record", undoable=False) as act:
        now = desk.clock.now()
        for n in range(speeches):
            start = now + timedelta(minutes=n)
            act.session.add(
                SpeakerEntry(item_id=item_id, status="done", started_at=start, ended_at=start)
            )
        for section in ("summary", "key_points", "discussion")[:notes]:
            act.session.add(Note(item_id=item_id, section=section, body=f"Typed {section}"))
        for n in range(groups):
            act.session.add(BreakoutGroup(item_id=item_id, name=f"Group {n + 1}"))


def _work_on(desk: Desk, item_id: str) -> tuple[int, int, int]:
    from sqlalchemy import func, select

    from seminar_desk.store.models import BreakoutGroup, Note, SpeakerEntry

    with desk.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m).where(m.item_id == item_id))
            for m in (SpeakerEntry, Note, BreakoutGroup)
        )


def test_deleting_an_item_with_speeches_and_notes_says_what_goes_and_asks(
    page: AgendaPage, demo_desk: Desk, qtbot, answers: Answers
):
    page.tabs.setCurrentIndex(1)
    item_id = page.service.add_item(page.current_day_id(), title="Round table").id
    _record_work(demo_desk, item_id, speeches=3, notes=2, groups=1)
    page.select([item_id])
    page.table.setFocus()
    answers.yes = False
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answers.asked == [
        "Delete “Round table”? This also removes 3 speeches, 2 notes, 1 breakout group.\n\n"
        "Edit › Undo (Ctrl+Z) brings it all back."
    ]
    assert page.service.item(item_id) and _work_on(demo_desk, item_id) == (3, 2, 1)
    answers.yes = True
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert item_id not in [i.id for i in page.model.items]
    assert _work_on(demo_desk, item_id) == (0, 0, 0)
    demo_desk.undo()
    assert _work_on(demo_desk, item_id) == (3, 2, 1)
    # An item that holds nothing recorded goes at once (it can be undone too).
    empty = page.service.add_item(page.current_day_id(), title="Spare slot").id
    page.select([empty])
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert empty not in [i.id for i in page.model.items] and len(answers.asked) == 2


def test_removing_a_day_says_what_goes_with_it_and_asks(
    page: AgendaPage, demo_desk: Desk, answers: Answers
):
    page.action("add_day").trigger()
    day_id = page.current_day_id()
    item_id = page.service.add_item(day_id, title="Field visit").id
    _record_work(demo_desk, item_id, speeches=1, notes=1, groups=0)
    answers.yes = False
    page.action("delete_day").trigger()
    assert answers.asked[0].startswith("Remove Day 3 (Monday 21 December 2026)? ")
    assert "also removes 1 agenda item, 1 speech, 1 note." in answers.asked[0]
    assert page.tabs.count() == 3
    answers.yes = True
    page.action("delete_day").trigger()
    assert page.tabs.count() == 2 and _work_on(demo_desk, item_id) == (0, 0, 0)
    demo_desk.undo()
    assert page.tabs.count() == 3 and _work_on(demo_desk, item_id) == (1, 1, 0)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_times_fit_their_columns_and_warnings_leave_no_blank_band(
    page: AgendaPage, clock: FakeClock, qtbot, size
):
    """The Actual column cut "09:00–09:57" short; a blank band sat under the warnings."""
    from PySide6.QtGui import QFont, QFontMetrics

    page.resize(*size)
    qtbot.waitUntil(lambda: page.width() == size[0])
    page.select([page.model.items[0].id])
    page.action("start").trigger()
    clock.advance(57 * 60)
    page.action("next").trigger()
    clock.advance(60 * 60)
    page.action("replan").trigger()  # times now read "10:57 (10:15)"; lunch collides
    page.service.set_duration(page.model.items[-1].id, 120)  # and the day overruns
    bold = QFont(page.table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for row in range(page.model.rowCount()):
        for column in (TIME, 7):  # 7: Actual
            text = page.model.index(row, column).data() or ""
            needed = metrics.horizontalAdvance(text) + 8
            assert needed <= page.table.columnWidth(column), (row, column, text)
    assert page.warnings.isVisible() and page.warnings.count() == 2
    rows_height = 2 * page.warnings.sizeHintForRow(0) + 2 * page.warnings.frameWidth()
    assert page.warnings.height() <= rows_height + 4  # as tall as its lines
    page.say("")  # nothing to say: no line under the warnings either
    page.layout().activate()
    gap = page.height() - page.warnings.geometry().bottom()
    assert gap <= page.layout().contentsMargins().bottom() + 2


def test_a_new_item_typed_as_coffee_break_or_lunch_takes_its_kind(page: AgendaPage, qtbot):
    for title, kind in (
        ("Coffee break", "break"),
        ("Lunch", "meal"),
        ("Panel on ports", "plenary"),
    ):
        new_id = page.add_item()
        editor = page.table.focusWidget()
        assert isinstance(editor, QLineEdit) and page.table.currentIndex().column() == TITLE
        editor.selectAll()
        qtbot.keyClicks(editor, title)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda i=new_id, t=title: page.service.item(i).title == t)
        assert page.service.item(new_id).kind == kind
    # A named item keeps its kind when renamed.
    page.service.update_item(new_id, title="Lunch")
    assert page.service.item(new_id).kind == "plenary"


def test_insert_day_puts_a_day_before_the_shown_one(page: AgendaPage, demo_desk: Desk):
    first, second = (d.id for d in page.days)
    page.tabs.setCurrentIndex(1)
    page.action("insert_day").trigger()
    assert page.tabs.count() == 3 and page.tabs.currentIndex() == 1
    assert [d.id for d in page.days][0::2] == [first, second]
    assert [(d.number, d.date.day) for d in page.days] == [(1, 19), (2, 20), (3, 21)]
    demo_desk.undo()
    assert [d.id for d in page.days] == [first, second]


def test_tab_from_the_title_to_the_room_keeps_what_is_typed_there(page: AgendaPage, qtbot):
    """Add item, type the title, Tab, type the room, Enter: saving the title re-timed the day
    and reset the table, which closed the Room cell Tab had opened; the room typed was lost."""
    from PySide6.QtWidgets import QApplication

    from tests.gui.conftest import show_active

    show_active(qtbot, page)
    new_id = page.add_item()
    title = QApplication.focusWidget()
    assert isinstance(title, QLineEdit) and page.table.currentIndex().column() == TITLE
    qtbot.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(title, "Press briefing")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.service.item(new_id).title == "Press briefing")
    room = QApplication.focusWidget()  # still the Room cell's editor, after the reload
    assert isinstance(room, QLineEdit) and page.table.isAncestorOf(room)
    assert page.table.currentIndex().column() == TITLE + 1
    qtbot.keyClicks(room, "Mekong Room")
    qtbot.keyClick(room, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.service.item(new_id).room == "Mekong Room")
    assert page.service.item(new_id).title == "Press briefing"


def test_typing_on_a_selected_duration_edits_it_and_never_jumps(page: AgendaPage, qtbot):
    """Click Session 1's Min cell and type 90, Enter: the table's type-to-search moved the
    selection to "Tour de table" (whose Min is 90), and the next Ctrl+Down moved that item."""
    from PySide6.QtWidgets import QApplication

    from tests.gui.conftest import show_active

    show_active(qtbot, page)
    row = next(r for r, i in enumerate(page.model.items) if i.title.startswith("Session 1"))
    session = page.model.items[row]
    assert session.duration_min != 90
    assert any(i.duration_min == 90 for i in page.model.items)  # what the search jumped to
    cell = page.table.visualRect(page.model.index(row, DURATION)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert page.selected_ids() == [session.id]
    for key in "90":  # a real keyboard types into whatever has the focus
        qtbot.keyClicks(QApplication.focusWidget(), key)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.service.item(session.id).duration_min == 90)
    assert page.selected_ids() == [session.id]
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page.model.items[row + 1].id == session.id
    assert page.selected_ids() == [session.id]
