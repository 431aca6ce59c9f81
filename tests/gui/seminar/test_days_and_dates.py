"""Setting up a seminar by keys: dates typed, the zone chosen by typing part of a city, days
edited, inserted and removed on the Seminar page; what the file holds afterwards."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.seminar.page import SeminarPage
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService


class Answers:
    """Stands in for the person answering questions; keeps what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, yes: bool = True) -> None:
        self.asked: list[str] = []
        self.yes = yes

        def exec_(box: QMessageBox) -> int:
            assert box.textFormat() == Qt.TextFormat.PlainText
            self.asked.append(box.text())
            return QMessageBox.StandardButton.Yes if self.yes else QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "exec", exec_)


def open_page(qtbot, desk: Desk) -> SeminarPage:
    page = SeminarPage(DeskContext(desk, ChangeBus(desk)))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitExposed(page):
        page.show()
    return page


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def new_seminar(desk: Desk) -> Desk:
    """As File › New seminar leaves it: from today to today, no days."""
    today = date(2026, 11, 30)
    SeminarService(desk).update(title="New seminar", start_date=today, end_date=today)
    return desk


def test_dates_are_typed_in_words_numbers_or_iso(qtbot, new_seminar: Desk, shown) -> None:
    page = open_page(qtbot, new_seminar)
    type_into(qtbot, page.start, "3 March 2027")
    assert SeminarService(new_seminar).details().start_date == date(2027, 3, 3)
    assert page.start.text() == "3 March 2027"
    assert page.end.text() == "3 March 2027"  # the end came along
    type_into(qtbot, page.end, "2027-03-05")
    assert SeminarService(new_seminar).details().end_date == date(2027, 3, 5)
    type_into(qtbot, page.end, "14/3/2027")  # only one way to read it, whatever the locale
    assert SeminarService(new_seminar).details().end_date == date(2027, 3, 14)
    type_into(qtbot, page.end, "next Tuesday")
    assert shown.texts("refusal") == [
        "The seminar's end: “next Tuesday” is not a date. "
        "Type e.g. 3 March 2027, 3/3/2027 or 2027-03-03."
    ]
    assert page.end.text() == "14 March 2027"
    assert SeminarService(new_seminar).details().end_date == date(2027, 3, 14)


def test_the_zone_is_chosen_by_typing_part_of_a_city(qtbot, new_seminar: Desk, shown) -> None:
    page = open_page(qtbot, new_seminar)
    edit = page.zone.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Phnom")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert SeminarService(new_seminar).details().timezone == "Asia/Phnom_Penh"
    assert page.zone.currentText() == "Asia/Phnom_Penh" and shown.texts() == []
    type_into(qtbot, edit, "America")
    assert "zones match “America”" in shown.texts("refusal")[0]
    assert SeminarService(new_seminar).details().timezone == "Asia/Phnom_Penh"


def test_days_are_added_themed_dated_inserted_and_removed_by_keys(
    qtbot, new_seminar: Desk, shown, monkeypatch
) -> None:
    answers = Answers(monkeypatch)
    page = open_page(qtbot, new_seminar)
    agenda = AgendaService(new_seminar)
    type_into(qtbot, page.start, "3 March 2027")
    assert page.days_box.add_button.isVisible() and page.days_box.empty.isVisible()
    qtbot.mouseClick(page.days_box.add_button, Qt.MouseButton.LeftButton)
    assert not page.days_box.empty.isVisible()
    qtbot.mouseClick(page.days_box.add_button, Qt.MouseButton.LeftButton)
    assert [d.date for d in agenda.days()] == [date(2027, 3, 3), date(2027, 3, 4)]
    type_into(qtbot, page.days_box.themes[0], "Threats and trends")
    type_into(qtbot, page.days_box.themes[1], "Recommendations")
    # Day 2 moves to the Friday: the seminar's end follows.
    type_into(qtbot, page.days_box.dates[1], "5/3/2027")
    days = agenda.days()
    assert [(d.number, d.title) for d in days] == [
        (1, "Threats and trends"),
        (2, "Recommendations"),
    ]
    assert days[1].date in (date(2027, 3, 5), date(2027, 5, 3))  # the locale's order
    type_into(qtbot, page.days_box.dates[1], "2027-03-05")
    assert agenda.days()[1].date == date(2027, 3, 5)
    assert page.end.text() == "5 March 2027" and page.end.isReadOnly()
    assert SeminarService(new_seminar).details().end_date == date(2027, 3, 5)
    # A day inserted before day 2 takes the free date in between.
    qtbot.mouseClick(page.days_box.inserts[1], Qt.MouseButton.LeftButton)
    # The new day's theme has the focus: typing names it.
    qtbot.waitUntil(lambda: page.days_box.themes[1].hasFocus())
    qtbot.keyClicks(page.days_box.themes[1], "Field visit")
    qtbot.keyClick(page.days_box.themes[1], Qt.Key.Key_Return)
    assert [(d.number, d.date, d.title) for d in agenda.days()] == [
        (1, date(2027, 3, 3), "Threats and trends"),
        (2, date(2027, 3, 4), "Field visit"),
        (3, date(2027, 3, 5), "Recommendations"),
    ]
    assert page.days_box.numbers[2].text() == "Day 3"
    assert new_seminar.undo_label == "Edit day"  # the theme, after "Insert day"
    # Removing a day with items asks first.
    agenda.add_item(agenda.days()[0].id, title="Opening")
    answers.yes = False
    qtbot.mouseClick(page.days_box.removes[0], Qt.MouseButton.LeftButton)
    assert len(agenda.days()) == 3 and "1 agenda item" in answers.asked[-1]
    answers.yes = True
    qtbot.mouseClick(page.days_box.removes[0], Qt.MouseButton.LeftButton)
    assert [(d.number, d.date) for d in agenda.days()] == [
        (1, date(2027, 3, 4)),
        (2, date(2027, 3, 5)),
    ]
    assert SeminarService(new_seminar).details().start_date == date(2027, 3, 4)
    assert page.start.text() == "4 March 2027"
    assert shown.texts() == []


def test_the_first_add_day_gives_a_day_for_each_typed_date(qtbot, new_seminar: Desk, shown) -> None:
    """Dates typed first, then Add day: the end date must not shrink to one day unasked."""
    page = open_page(qtbot, new_seminar)
    agenda = AgendaService(new_seminar)
    type_into(qtbot, page.start, "3 March 2027")
    type_into(qtbot, page.end, "4 March 2027")
    qtbot.mouseClick(page.days_box.add_button, Qt.MouseButton.LeftButton)
    assert [(d.number, d.date) for d in agenda.days()] == [
        (1, date(2027, 3, 3)),
        (2, date(2027, 3, 4)),
    ]
    assert page.end.text() == "4 March 2027"
    assert SeminarService(new_seminar).details().end_date == date(2027, 3, 4)
    assert len(page.days_box.themes) == 2
    new_seminar.undo()  # one step
    assert agenda.days() == [] and page.end.text() == "4 March 2027"
    assert shown.texts() == []


def test_a_new_start_date_offers_to_move_the_days(qtbot, demo_desk: Desk, monkeypatch) -> None:
    answers = Answers(monkeypatch, yes=False)
    page = open_page(qtbot, demo_desk)
    agenda = AgendaService(demo_desk)
    type_into(qtbot, page.start, "3 March 2027")
    assert "Move all 2 day(s) of the seminar by 74 day(s)" in answers.asked[0]
    assert agenda.days()[0].date == date(2026, 12, 19)
    assert page.start.text() == "19 December 2026"
    answers.yes = True
    type_into(qtbot, page.start, "3 March 2027")
    assert [d.date for d in agenda.days()] == [date(2027, 3, 3), date(2027, 3, 4)]
    assert page.end.text() == "4 March 2027"
    assert demo_desk.undo_label == "Move the seminar's days"
    demo_desk.undo()
    assert page.start.text() == "19 December 2026"
    assert [d.date for d in agenda.days()] == [date(2026, 12, 19), date(2026, 12, 20)]


def test_speech_type_limits_are_typed_on_the_seminar_page(qtbot, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_desk)
    assert page.type_limits["point_of_order"].value() == 60
    assert page.type_limits["question"].text() == "As a statement"
    type_into(qtbot, page.type_limits["point_of_order"], "45")
    type_into(qtbot, page.type_limits["question"], "90")
    type_into(qtbot, page.type_limits["right_of_reply"], "0")
    assert SeminarService(demo_desk).details().speech_limits == {
        "point_of_order": 45,
        "question": 90,
        "group_statement": 300,
    }
    type_into(qtbot, page.limit, "240")
    assert SeminarService(demo_desk).details().default_speaking_limit_s == 240


def test_removing_a_middle_day_asks_to_move_the_later_days_earlier(
    qtbot, new_seminar: Desk, shown, monkeypatch
) -> None:
    """3, 4, 5 March without 4 March: the facilitator chooses 3-4 March (one undo step) or to
    keep 3 and 5 March; cancelling removes nothing. Days first or last ask nothing of dates."""
    from seminar_desk.gui.agenda import day_removal

    asked: list[str] = []
    answer: list[str | None] = []

    def exec_(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert box.defaultButton().text() == "Cancel"  # Enter out of habit removes nothing
        asked.append(box.text())
        choice = answer.pop(0)
        for button in box.buttons():
            if button.text() == (choice or "Cancel"):
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    page = open_page(qtbot, new_seminar)
    agenda = AgendaService(new_seminar)
    type_into(qtbot, page.start, "3 March 2027")
    type_into(qtbot, page.end, "5 March 2027")
    qtbot.mouseClick(page.days_box.add_button, Qt.MouseButton.LeftButton)  # 3, 4, 5 March
    type_into(qtbot, page.days_box.themes[2], "Recommendations")

    answer.append(None)  # Cancel
    qtbot.mouseClick(page.days_box.removes[1], Qt.MouseButton.LeftButton)
    assert "Remove Day 2 (Thursday 4 March 2027)?" in asked[-1]
    assert "Day 3: Friday 5 March → Thursday 4 March" in asked[-1]
    assert len(agenda.days()) == 3

    answer.append(day_removal.CLOSE_GAP)
    qtbot.mouseClick(page.days_box.removes[1], Qt.MouseButton.LeftButton)
    assert [(d.number, d.date, d.title) for d in agenda.days()] == [
        (1, date(2027, 3, 3), ""),
        (2, date(2027, 3, 4), "Recommendations"),
    ]
    assert page.end.text() == "4 March 2027"
    assert page.days_box.dates[1].text() == "4 March 2027"
    new_seminar.undo()  # one step brings back the day and the dates
    assert [d.date for d in agenda.days()] == [date(2027, 3, d) for d in (3, 4, 5)]
    assert page.end.text() == "5 March 2027"

    answer.append(day_removal.KEEP_DATES)
    qtbot.mouseClick(page.days_box.removes[1], Qt.MouseButton.LeftButton)
    assert [d.date for d in agenda.days()] == [date(2027, 3, 3), date(2027, 3, 5)]
    assert page.end.text() == "5 March 2027"

    count = len(asked)
    qtbot.mouseClick(page.days_box.removes[1], Qt.MouseButton.LeftButton)  # the last, empty day
    assert len(asked) == count  # nothing to ask: no items, no days after it
    assert [d.date for d in agenda.days()] == [date(2027, 3, 3)]
    assert page.end.text() == "3 March 2027"  # the seminar ends sooner
    assert shown.texts() == []


@pytest.fixture
def app_fonts(qapp):
    """The interface font the application uses (Noto Sans), as at start-up; then put back."""
    from PySide6.QtGui import QFontDatabase

    from seminar_desk.gui.shell.fonts import load_bundled_fonts

    before = qapp.font()
    load_bundled_fonts(qapp)
    yield
    QFontDatabase.removeAllApplicationFonts()
    qapp.setFont(before)


def test_a_days_date_is_shown_whole_in_a_narrow_window(
    qtbot, new_seminar: Desk, shown, app_fonts: None
) -> None:
    page = open_page(qtbot, new_seminar)
    type_into(qtbot, page.start, "30 September 2026")
    qtbot.mouseClick(page.days_box.add_button, Qt.MouseButton.LeftButton)
    page.resize(700, 600)  # less room than at 1366x768 beside the sidebar: the theme gives way
    field = page.days_box.dates[0]
    theme = page.days_box.themes[0]
    qtbot.waitUntil(lambda: theme.width() < theme.maximumWidth())
    assert field.text() == "30 September 2026"
    margins = field.textMargins()
    room = field.contentsRect().width() - margins.left() - margins.right()
    assert field.fontMetrics().horizontalAdvance(field.text()) <= room - 4  # none cut off
