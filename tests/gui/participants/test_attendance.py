"""Attendance: check-in with a few letters and Enter, today's count, who is missing, and every
day column in view on a 1366x768 screen."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.participants.model import ID_ROLE
from seminar_desk.gui.participants.page import ParticipantsPage
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.service import ParticipantService
from seminar_desk.services.seminar import SeminarService
from seminar_desk.store.models import Attendance


def _page(desk: Desk, qtbot, width: int = 1150, height: int = 640) -> ParticipantsPage:  # noqa: ANN001
    page = ParticipantsPage(DeskContext(desk, ChangeBus(desk)))
    qtbot.addWidget(page)
    page.resize(width, height)
    with qtbot.waitExposed(page):
        page.show()
    return page


def _present(desk: Desk, person: str, day: str) -> bool:
    with desk.read() as s:
        record = s.scalars(
            select(Attendance).where(Attendance.participant_id == person, Attendance.day_id == day)
        ).first()
        return bool(record and record.present)


def test_check_in_marks_the_first_match_present_today_and_clears(demo_desk: Desk, qtbot) -> None:
    service = ParticipantService(demo_desk)
    today = service.today()
    assert today is not None and today.number == 1  # the demo's clock is on its first morning
    late = service.add("Lâm Văn Bảo", honorific="Mr.").id
    page = _page(demo_desk, qtbot)
    assert page.attendance.count.text() == "46 of 49 present today"
    qtbot.mouseClick(page.attendance.check_in, Qt.MouseButton.LeftButton)
    assert page.attendance.check_in.isChecked()
    assert page.attendance.check_in.text() == "Stop check-in"
    assert page.attendance.show_combo.currentText() == "Missing"  # what check-in lists
    # Check-in lists who is missing today only: the two who come on day 2, and Mr Lâm.
    assert page.proxy.rowCount() == 3
    qtbot.keyClicks(page.search, "lam v")
    assert page.proxy.rowCount() == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert _present(demo_desk, late, today.id)
    assert page.search.text() == ""
    assert page.attendance.last.text() == "\u2713 Lâm Văn Bảo (no delegation) present today"
    assert page.attendance.count.text() == "47 of 49 present today"
    assert page.proxy.rowCount() == 2  # he is no longer missing
    assert demo_desk.undo_label == "Mark present"
    qtbot.keyClicks(page.search, "zzz")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.attendance.last.text() == "Nobody missing today matches \u201czzz\u201d"
    demo_desk.undo()
    assert not _present(demo_desk, late, today.id)
    assert page.attendance.count.text() == "46 of 49 present today"
    qtbot.mouseClick(page.attendance.check_in, Qt.MouseButton.LeftButton)
    assert page.attendance.show_combo.currentText() == "Everyone"
    assert page.proxy.rowCount() == 49


def test_check_in_with_several_matches_never_guesses(demo_desk: Desk, qtbot) -> None:
    """Enter with several people listed says how many; the arrows pick one, Enter marks it."""
    service = ParticipantService(demo_desk)
    today = service.today()
    assert today is not None
    bao = service.add("Lâm Văn Bảo").id
    hoa = service.add("Lâm Thị Hoa").id
    page = _page(demo_desk, qtbot)
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # not a pick
    qtbot.mouseClick(page.attendance.check_in, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.search, "lam")
    assert page.proxy.rowCount() == 2
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert not _present(demo_desk, bao, today.id) and not _present(demo_desk, hoa, today.id)
    assert demo_desk.undo_label != "Mark present"
    assert page.attendance.last.text().startswith(
        "2 match: keep typing or pick one with the arrows"
    )
    assert page.search.text() == "lam"  # kept, to type on
    listed = [page.proxy.index(r, 0).data(ID_ROLE) for r in range(2)]
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    picked = listed[1]
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [1]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert _present(demo_desk, picked, today.id)
    other = listed[0]
    assert not _present(demo_desk, other, today.id)
    assert page.search.text() == "" and page.attendance.last.text().startswith("\u2713 Lâm")
    # Typing again forgets the pick: one match left, Enter marks that one.
    qtbot.keyClicks(page.search, "lam")
    assert page.proxy.rowCount() == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert _present(demo_desk, other, today.id)


def test_enter_outside_check_in_marks_nobody(demo_desk: Desk, qtbot) -> None:
    page = _page(demo_desk, qtbot)
    before = page.attendance.count.text()
    qtbot.keyClicks(page.search, "chea")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.attendance.count.text() == before and demo_desk.undo_label is None


def test_show_who_is_missing_or_present_on_a_day(demo_desk: Desk, qtbot) -> None:
    page = _page(demo_desk, qtbot)
    service = ParticipantService(demo_desk)
    day2 = service.days()[1]
    missing_day2 = {r.id for r in service.participants() if day2.id not in r.days_present}
    page.attendance.day_combo.setCurrentIndex(1)
    show = page.attendance.show_combo  # Everyone, Present, Missing
    qtbot.keyClick(show, Qt.Key.Key_End)
    shown = {
        page.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
        for r in range(page.proxy.rowCount())
    }
    assert shown == missing_day2 and len(shown) == 2
    assert page.attendance.count.text().startswith("46 of 48 present on Day 2")
    qtbot.keyClick(show, Qt.Key.Key_Up)
    assert page.proxy.rowCount() == 46
    qtbot.keyClick(show, Qt.Key.Key_Home)
    assert page.proxy.rowCount() == 48


@pytest.mark.parametrize("days", [2, 5])
def test_every_day_column_is_in_view_at_1366x768(desk: Desk, qtbot, days: int) -> None:
    """The page's share of a 1366x768 window (the sidebar and margins take about 220 px)."""
    SeminarService(desk).update(title="Regional seminar", start_date=date(2027, 3, 3))
    for _ in range(days):
        AgendaService(desk).add_day()
    people = ParticipantService(desk)
    people.add(
        "Phouthavong Sisouphanthong Keomanivong",
        function="Deputy Director-General, Department of Treaties and Law, Ministry of "
        "Foreign Affairs",
        email="phouthavong.sisouphanthong@mofa.gov.la",
    )
    page = _page(desk, qtbot, width=1366 - 220, height=600)
    viewport = page.table.viewport().width()
    for day in page.model.days:
        column = page.model.day_column(day.id)
        right = page.table.columnViewportPosition(column) + page.table.columnWidth(column)
        assert page.table.columnViewportPosition(column) >= 0 and right <= viewport, day.label
        assert (
            page.table.columnWidth(column)
            >= page.table.horizontalHeader().sectionSizeFromContents(column).width()
        )
    assert page.table.columnWidth(0) >= 150  # the name keeps a readable width


def test_a_wide_screen_shows_long_functions_whole(demo_desk: Desk, qtbot) -> None:
    page = _page(demo_desk, qtbot, width=1920 - 200, height=900)
    for field in ("organisation_id", "email"):
        column = page.model.column_of(field)
        assert page.table.columnWidth(column) >= page.table.sizeHintForColumn(column), field
    assert page.table.columnWidth(page.model.column_of("function")) > 200  # more than its cap
    right = sum(page.table.columnWidth(c) for c in range(page.model.columnCount()))
    assert right <= page.table.viewport().width()  # and nothing scrolls sideways


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.mark.usefixtures("qsettings")
def test_ctrl_shift_a_switches_check_in_on_and_off(demo_window, qtbot, activate) -> None:  # noqa: ANN001
    window = demo_window
    activate(window)  # window-wide shortcuts need the active window
    page = window.show_page("Participants")
    bar = page.tabs.tabBar()  # the focus outside the list, as in the sidebar after a click
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    qtbot.keyClick(bar, Qt.Key.Key_A, CTRL_SHIFT)
    assert page.attendance.check_in.isChecked()
    qtbot.waitUntil(page.search.hasFocus)  # ready for the first name
    qtbot.keyClick(page.search, Qt.Key.Key_A, CTRL_SHIFT)
    assert not page.attendance.check_in.isChecked()


@pytest.mark.usefixtures("qsettings")
def test_ctrl_shift_a_on_the_delegations_tab_goes_to_the_list_in_check_in(
    demo_window, qtbot, activate  # noqa: ANN001
) -> None:
    window = demo_window
    activate(window)
    page = window.show_page("Participants")
    page.tabs.setCurrentWidget(page.delegations)
    page.delegations.table.setFocus()
    qtbot.waitUntil(page.delegations.table.hasFocus)
    qtbot.keyClick(page.delegations.table, Qt.Key.Key_A, CTRL_SHIFT)
    assert page.tabs.currentWidget() is page.people
    assert page.attendance.check_in.isChecked()
    qtbot.waitUntil(page.search.hasFocus)


@pytest.mark.usefixtures("qsettings")
def test_ctrl_shift_a_in_the_window_clashes_with_no_other_page(
    demo_window, qtbot, activate  # noqa: ANN001
) -> None:
    from PySide6.QtCore import qInstallMessageHandler

    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _t, _c, m: messages.append(m))
    try:
        window = demo_window
        activate(window)
        page = window.show_page("Participants")
        window.sidebar.setFocus()  # just clicked "Participants"
        qtbot.waitUntil(window.sidebar.hasFocus)
        qtbot.keyClick(window.sidebar, Qt.Key.Key_A, CTRL_SHIFT)
        assert page.attendance.check_in.isChecked()
        assert not [m for m in messages if "Ambiguous" in m]
    finally:
        qInstallMessageHandler(previous)


def test_escape_in_check_in_clears_the_letters_then_ends_check_in(demo_desk: Desk, qtbot) -> None:
    page = _page(demo_desk, qtbot)
    qtbot.mouseClick(page.attendance.check_in, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.search, "zzz")
    assert page.proxy.rowCount() == 0
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and page.attendance.check_in.isChecked()
    assert page.proxy.rowCount() == 2  # who is missing today, listed again
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert not page.attendance.check_in.isChecked()
    assert page.attendance.show_combo.currentText() == "Everyone"
