"""F5 belongs to the page on show: the Agenda starts an item, the Speakers page gives the floor,
even with the focus still in the sidebar that was clicked, and never ambiguously."""

from datetime import time

import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from sqlalchemy import select

from seminar_desk.gui.main_window import MainWindow
from seminar_desk.store.models import AgendaItem, Day, Organisation, SpeakerEntry

pytestmark = pytest.mark.usefixtures("qsettings")


def test_f5_acts_on_the_visible_page_from_the_sidebar(demo_window, qtbot, activate) -> None:
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _t, _c, m: messages.append(m))
    try:
        window = demo_window
        activate(window)  # window-wide shortcuts need the active window
        speakers = window.show_page("Speakers")
        agenda = window.show_page("Agenda")
        window.sidebar.setFocus()
        qtbot.waitUntil(window.sidebar.hasFocus)  # as after clicking it: F5 is page-wide
        QTest.keyClick(window.sidebar, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: any(i.actual_start for i in agenda.model.items), timeout=3000)

        window.show_page("Speakers")
        with window.ctx.desk.read() as s:
            org = s.scalars(select(Organisation.id)).first()
        speakers.service.add(speakers.controller.item_id, organisation_id=org)
        qtbot.waitUntil(lambda: bool(speakers.controller.snapshot.waiting))  # on the list
        window.sidebar.setFocus()
        qtbot.waitUntil(window.sidebar.hasFocus)
        QTest.keyClick(window.sidebar, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: speakers.controller.snapshot.current is not None, timeout=3000)
        assert not [m for m in messages if "Ambiguous" in m]
        window.close()
    finally:
        qInstallMessageHandler(previous)


@pytest.fixture
def day1_window(demo_window: MainWindow, clock, activate) -> MainWindow:  # noqa: ANN001
    demo_window.ctx.desk.clock = clock  # 09:00 in Phnom Penh on day 1
    activate(demo_window)
    return demo_window


def _press(window: MainWindow, qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    window.sidebar.setFocus()  # as after clicking the sidebar: the keys act page-wide
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sidebar)
    qtbot.keyClick(window.sidebar, key, modifiers)


def _items(window: MainWindow) -> list[AgendaItem]:
    with window.ctx.desk.read() as s:
        day1 = s.scalars(select(Day.id).where(Day.number == 1)).one()
        rows = s.scalars(
            select(AgendaItem).where(AgendaItem.day_id == day1).order_by(AgendaItem.position)
        )
        return list(rows)


def _entries(window: MainWindow, item_id: str) -> list[tuple[str, str | None]]:
    with window.ctx.desk.read() as s:
        rows = s.scalars(
            select(SpeakerEntry)
            .where(SpeakerEntry.item_id == item_id, SpeakerEntry.status != "done")
            .order_by(SpeakerEntry.created_at)
        )
        return [(e.status, e.organisation_id) for e in rows]


def test_f5_to_f8_mean_the_same_on_the_agenda_and_speakers_pages(
    day1_window, qtbot, clock, shown
) -> None:
    """F5 start, F6 end, F7 next, F8 re-plan: items on the Agenda, speeches on the Speakers
    page; F5 on the Speakers page never takes the floor from someone speaking."""
    window = day1_window
    agenda = window.show_page("Agenda")
    agenda.tabs.setCurrentIndex(0)
    opening, photo, session1 = (i.id for i in _items(window)[:3])
    agenda.select([opening])
    _press(window, qtbot, Qt.Key.Key_F5)  # start the selected item
    assert _items(window)[0].actual_start == clock.now()
    clock.advance(50 * 60)
    _press(window, qtbot, Qt.Key.Key_F7)  # next: the opening ends, the photo starts
    first, second = _items(window)[:2]
    assert first.actual_end == clock.now() and second.actual_start == clock.now()
    clock.advance(10 * 60)
    _press(window, qtbot, Qt.Key.Key_F6)  # end the photo
    assert _items(window)[1].actual_end == clock.now()
    clock.advance(20 * 60)  # 10:20: session 1 was adopted for 10:15
    _press(window, qtbot, Qt.Key.Key_F8)  # re-plan: session 1 moves, its adoption stays
    third = _items(window)[2]
    assert third.start_time == time(10, 20) and third.adopted_start_time == time(10, 15)
    assert "Re-planned" in agenda.message.text()

    speakers = window.show_page("Speakers")
    speakers.controller.set_item(session1)
    orgs = _two_organisations(window)
    for org in orgs:
        speakers.service.add(session1, organisation_id=org)
    _press(window, qtbot, Qt.Key.Key_F5)  # start: the floor to the first
    assert _entries(window, session1) == [("speaking", orgs[0]), ("waiting", orgs[1])]
    _press(window, qtbot, Qt.Key.Key_F5)  # again: says who speaks, ends nothing
    assert _entries(window, session1) == [("speaking", orgs[0]), ("waiting", orgs[1])]
    assert "has the floor" in shown.texts("notice")[-1]
    _press(window, qtbot, Qt.Key.Key_F9)  # pause
    assert _entries(window, session1)[0][0] == "paused"
    _press(window, qtbot, Qt.Key.Key_F5)  # start again: resumes
    assert _entries(window, session1)[0][0] == "speaking"
    _press(window, qtbot, Qt.Key.Key_F7)  # next: the first ends, the second speaks
    assert _entries(window, session1) == [("speaking", orgs[1])]
    _press(window, qtbot, Qt.Key.Key_F6)  # end the speech
    assert _entries(window, session1) == []
    clock.advance(15 * 60)
    before = _items(window)[3].start_time
    _press(window, qtbot, Qt.Key.Key_F8)  # re-plan the day of the item shown
    assert _items(window)[3].start_time != before
    assert _items(window)[3].adopted_start_time == time(11, 15)
    window.close()


def test_the_live_keys_are_in_the_menus_and_the_f1_help(day1_window, qtbot, monkeypatch):
    from seminar_desk.gui.speakers import help as keys_help

    window = day1_window
    titles = lambda: [a.text() for a in window.menuBar().actions()]  # noqa: E731
    qtbot.waitUntil(lambda: {"&Agenda", "&Speakers"} <= set(titles()))  # before any visit
    assert titles().index("&Agenda") < titles().index("&Speakers") < titles().index("&Help")
    window.show_page("Speakers")
    window.show_page("Agenda")
    menus = {a.text(): a.menu() for a in window.menuBar().actions() if a.menu() is not None}
    shown = {
        title: {a.text(): a.shortcut().toString() for a in menus[title].actions() if a.text()}
        for title in ("&Agenda", "&Speakers")
    }
    assert {k: shown["&Agenda"][k] for k in ("Start", "End", "Next", "Re-plan")} == {
        "Start": "F5",
        "End": "F6",
        "Next": "F7",
        "Re-plan": "F8",
    }
    speakers_keys = {v: k for k, v in shown["&Speakers"].items()}
    assert [speakers_keys[f"F{n}"] for n in (5, 6, 7, 8)] == [
        "Start / resume",
        "End speech",
        "Next speaker",
        "Re-plan the rest of the day",
    ]
    opened: list[str] = []

    def exec_(dialog: QDialog) -> None:
        opened.append(dialog.findChild(QLabel).text())
        assert dialog.width() <= dialog.screen().availableGeometry().width()  # was cut at 1366

    monkeypatch.setattr(keys_help.ShortcutsDialog, "exec", exec_)
    _press(window, qtbot, Qt.Key.Key_F1)
    assert opened and "End what runs and start the next item" in opened[0]
    assert "End the speech and give the floor to the next speaker" in opened[0]
    window.close()


def _two_organisations(window: MainWindow) -> list[str]:
    with window.ctx.desk.read() as s:
        return list(s.scalars(select(Organisation.id).order_by(Organisation.code).limit(2)))


@pytest.mark.parametrize(("key", "page"), [(Qt.Key.Key_2, "Agenda"), (Qt.Key.Key_3, "Speakers")])
def test_ctrl_number_switches_page_from_the_seminar_title_field(
    demo_window, qtbot, activate, key: Qt.Key, page: str
) -> None:
    window = demo_window
    activate(window)  # window-wide keys
    seminar = window.show_page("Seminar")
    title = seminar.lines["title"]
    title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    qtbot.keyClicks(title, " 2026")  # typing in it first, as a person would
    qtbot.keyClick(title, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.refs[window.sidebar.currentRow()].title == page)
    assert window.page_stack.currentWidget() is window.show_page(page)
    window.close()
