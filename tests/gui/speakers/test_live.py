"""The Speakers page at a live meeting, by keys as the chair's secretary presses them: one
entry per gesture, Ctrl+Z for the Desk, the agenda followed, closed lists, clear and put back.
Every check reads the list back from the file, row by row."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from sqlalchemy import select

from seminar_desk.domain.kinds import takes_speakers
from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.speakers.page import LIVE_MARK, SpeakersPage
from seminar_desk.services.agenda import AgendaService
from seminar_desk.store.models import Organisation, Participant, SpeakerEntry

pytestmark = pytest.mark.usefixtures("qsettings")
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NO = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def page(speakers_page: SpeakersPage) -> SpeakersPage:
    return speakers_page


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
    """A key as the keyboard delivers it: to the open popup, else to the focus widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert isinstance(target, QWidget)
    qtbot.keyClick(target, key, modifier)


def type_in(qtbot, page: SpeakersPage, text: str) -> None:
    page.add_edit.setFocus()
    qtbot.keyClicks(page.add_edit, text)


def waiting(page: SpeakersPage) -> list[tuple[str | None, str | None, str]]:
    """The item's waiting requests in the file: (person, delegation code, speech type)."""
    with page.ctx.desk.read() as s:
        rows = s.execute(
            select(Participant.name, Organisation.code, SpeakerEntry.speech_type)
            .select_from(SpeakerEntry)
            .outerjoin(Participant, SpeakerEntry.participant_id == Participant.id)
            .outerjoin(Organisation, SpeakerEntry.organisation_id == Organisation.id)
            .where(
                SpeakerEntry.item_id == page.controller.item_id,
                SpeakerEntry.status == "waiting",
            )
            .order_by(SpeakerEntry.requested_at, SpeakerEntry.position)
        ).all()
    return [tuple(r) for r in rows]


class Answers:
    """Stands in for the person answering QMessageBox questions; keeps what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: bool) -> None:
        self.asked: list[str] = []
        self.answers = list(answers)

        def exec_(box: QMessageBox) -> int:
            self.asked.append(box.text())
            yes = self.answers.pop(0)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "exec", exec_)


# -- 2. one entry per gesture ------------------------------------------------------------------


def test_down_and_enter_in_the_completer_adds_exactly_one_entry(page, qtbot, clock) -> None:
    type_in(qtbot, page, "heng")
    assert page.completer.popup().isVisible()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert waiting(page) == [("Heng Dara", "KHM", "statement")]
    assert page.add_edit.text() == ""
    clock.advance(5)
    type_in(qtbot, page, "thail")  # the delegation and its people: Enter takes the best match
    press(qtbot, Qt.Key.Key_Return)
    assert waiting(page)[1:] == [(None, "THA", "statement")]
    clock.advance(5)
    type_in(qtbot, page, "lao")  # Down twice moves to the second candidate, one entry again
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    second = page.completer.popup().currentIndex().data()
    press(qtbot, Qt.Key.Key_Return)
    assert len(waiting(page)) == 3
    assert second.startswith(waiting(page)[2][0] or "?")


def test_adding_someone_already_waiting_asks_first(page, qtbot, clock, monkeypatch) -> None:
    type_in(qtbot, page, "heng")
    press(qtbot, Qt.Key.Key_Return)
    answers = Answers(monkeypatch, False, True, False)
    clock.advance(5)
    type_in(qtbot, page, "heng")
    press(qtbot, Qt.Key.Key_Return)
    assert answers.asked[0].startswith("Already waiting on this list of speakers: Heng Dara (KHM).")
    assert waiting(page) == [("Heng Dara", "KHM", "statement")]  # declined: nothing added
    press(qtbot, Qt.Key.Key_Return)  # the name is still in the field; a second intervention
    assert waiting(page) == [("Heng Dara", "KHM", "statement")] * 2
    assert len(answers.asked) == 2
    page.add_edit.clear()
    type_in(qtbot, page, "cambodia")  # his delegation, unnamed: the same speaker, asked too
    press(qtbot, Qt.Key.Key_Return)
    assert "Heng Dara (KHM), Heng Dara (KHM)" in answers.asked[2]
    assert len(waiting(page)) == 2


# -- 3. Ctrl+Z and Ctrl+Y belong to the Desk once the field is empty -------------------------------


@pytest.fixture
def window(demo_window: MainWindow, qtbot, activate) -> MainWindow:
    activate(demo_window)  # window-wide shortcuts need the active window
    qtbot.waitUntil(lambda: bool(demo_window.undo_action.shortcuts()))  # bound after show
    return demo_window


def test_ctrl_z_after_adding_undoes_the_add_not_the_field(window, qtbot) -> None:
    page = window.show_page("Speakers")
    assert isinstance(page, SpeakersPage)
    type_in(qtbot, page, "cambodia")
    press(qtbot, Qt.Key.Key_Return)
    assert waiting(page) == [(None, "KHM", "statement")]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert waiting(page) == []  # the Desk undid the add
    assert page.add_edit.text() == ""  # and the field did not bring the name back
    press(qtbot, Qt.Key.Key_Return)
    assert waiting(page) == []
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert waiting(page) == [(None, "KHM", "statement")]
    type_in(qtbot, page, "thai")  # text typed since the add: Ctrl+Z edits the field
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert page.add_edit.text() != "thai"
    assert waiting(page) == [(None, "KHM", "statement")]


# -- 10. Ctrl+L from the sidebar; letters in the sidebar do not change page ------------------------


def test_ctrl_l_works_from_the_sidebar_and_letters_there_change_no_page(window, qtbot) -> None:
    page = window.show_page("Speakers")
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)
    QTest.keyClicks(window.sidebar, "agenda")
    assert window.page_stack.currentWidget() is page
    QTest.keyClick(window.sidebar, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(page.add_edit.hasFocus)
    qtbot.keyClicks(page.add_edit, "cambodia")
    press(qtbot, Qt.Key.Key_Return)
    assert waiting(page) == [(None, "KHM", "statement")]


# -- 11. a closed list takes a right of reply; the type goes back to Statement after a refusal -----


def test_right_of_reply_on_a_closed_list_and_the_type_after_a_refusal(
    page, qtbot, shown, monkeypatch
) -> None:
    page.list_view.setFocus()
    press(qtbot, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert page.snapshot.closed
    press(qtbot, Qt.Key.Key_L, CTRL)
    press(qtbot, Qt.Key.Key_4, ALT)  # a question: refused on a closed list
    assert page.type_box.currentData() == "question"
    qtbot.keyClicks(page.add_edit, "thail")
    types_when_shown: list[str] = []

    def notice(_parent: object, text: str) -> None:
        types_when_shown.append(page.type_box.currentText())
        shown.items.append(("notice", text))

    monkeypatch.setattr(shown, "notice", notice)
    press(qtbot, Qt.Key.Key_Return)
    assert "closed" in shown.texts("notice")[-1]
    assert types_when_shown == ["Statement"]  # already back while the refusal is on screen
    assert page.type_box.currentData() == "statement"
    assert waiting(page) == []
    press(qtbot, Qt.Key.Key_3, ALT)  # the chair accords a right of reply
    press(qtbot, Qt.Key.Key_Return)  # the name stayed in the field after the refusal
    assert waiting(page) == [(None, "THA", "right_of_reply")]
    assert page.type_box.currentData() == "statement"
    assert [r.delegation_code for r in page.snapshot.held] == ["THA"]
    type_in(qtbot, page, "nobody like this")  # a refusal found by the page itself
    press(qtbot, Qt.Key.Key_2, ALT)
    press(qtbot, Qt.Key.Key_Return)
    assert "No participant" in shown.texts("notice")[-1]
    assert page.type_box.currentData() == "statement"


# -- 12. put back the speech the last action ended -------------------------------------------------


def test_put_back_last_from_the_keyboard_before_the_demo_dates(page, qtbot, clock) -> None:
    """A rehearsal a week before: the demo's own speeches are dated later than now."""
    clock.set(datetime(2026, 12, 10, 2, 0, tzinfo=UTC))
    type_in(qtbot, page, "cambodia")
    press(qtbot, Qt.Key.Key_Return)
    page.list_view.setFocus()
    press(qtbot, Qt.Key.Key_F5)
    clock.advance(40)
    press(qtbot, Qt.Key.Key_F6)  # end the speech
    assert waiting(page) == []
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, Qt.Key.Key_B, shift_ctrl)  # put back last
    assert waiting(page) == [(None, "KHM", "statement")]


# -- 13. clear list says what it removes, asks, and can be undone ---------------------------------


def test_clear_list_says_how_many_and_asks(page, qtbot, clock, monkeypatch) -> None:
    for name in ("cambodia", "thail"):
        clock.advance(2)
        type_in(qtbot, page, name)
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_3, ALT)
    clock.advance(2)
    type_in(qtbot, page, "lao")
    press(qtbot, Qt.Key.Key_Return)
    answers = Answers(monkeypatch, False, True)
    qtbot.mouseClick(page.findChild(QWidget, "clear"), Qt.MouseButton.LeftButton)
    assert answers.asked[0].startswith("Take 2 speakers waiting and 1 right of reply held off")
    assert len(waiting(page)) == 3  # declined
    qtbot.mouseClick(page.findChild(QWidget, "clear"), Qt.MouseButton.LeftButton)
    assert waiting(page) == []
    page.ctx.desk.undo()
    assert len(waiting(page)) == 3


# -- 5. the page follows the agenda ---------------------------------------------------------------


def test_the_page_and_projector_follow_the_item_started_on_the_agenda(page, qtbot) -> None:
    agenda = AgendaService(page.ctx.desk)
    day = agenda.day(agenda.days()[0].id)
    chooser = [page.item_box.itemData(i) for i in range(page.item_box.count())]
    pauses = [i.id for i in day.items if not takes_speakers(i.kind)]
    assert pauses and not set(pauses) & set(chooser)  # breaks and meals take no speakers
    plenary = next(i for i in day.items if takes_speakers(i.kind) and i.id != page.snapshot.item_id)
    projector = page.open_projector(full_screen=False)
    agenda.start_item(plenary.id)
    assert page.controller.item_id == plenary.id
    assert page.item_box.currentData() == plenary.id
    assert page.item_box.currentText().startswith(LIVE_MARK)
    assert projector.item.text() == plenary.title
    agenda.start_item(pauses[0])  # a break: the list of the last item stays on show
    assert page.item_box.currentData() == plenary.id
    assert not page.item_box.currentText().startswith(LIVE_MARK)
    projector.close()


def test_after_a_restart_the_page_opens_on_the_live_item(qtbot, demo_path) -> None:
    from seminar_desk.gui.bus import ChangeBus
    from seminar_desk.gui.context import DeskContext
    from seminar_desk.services.desk import Desk
    from seminar_desk.store.database import Database

    desk = Desk(Database.open(demo_path))
    agenda = AgendaService(desk)
    day = agenda.day(agenda.days()[1].id)
    item = next(i for i in day.items if takes_speakers(i.kind))
    agenda.start_item(item.id)
    desk.close()
    desk = Desk(Database.open(demo_path))
    try:
        page = SpeakersPage(DeskContext(desk, ChangeBus(desk)))
        qtbot.addWidget(page)
        assert page.controller.item_id == item.id
        assert page.item_box.currentText() == f"{LIVE_MARK}Day 2 · {item.title} (live)"
    finally:
        desk.close()


# -- every model passes the model tester and updates rows in place ---------------------------------


def test_models_pass_the_tester_and_keep_rows_in_place(page, qtbot, qtmodeltester, clock) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    from seminar_desk.gui.speakers.models import ENTRY_ID_ROLE

    for name in ("brunei", "cambodia", "indonesia", "malaysia"):
        clock.advance(2)
        type_in(qtbot, page, name)
        press(qtbot, Qt.Key.Key_Return)
    page.tabs.setCurrentIndex(2)
    models = [
        page.queue,
        page.history,
        page.candidates,
        page.candidate_filter,
        *page.stats_models.values(),
    ]
    assert page.history.rowCount() == 14 and page.candidates.rowCount() > 60
    assert page.stats_models["by_delegation"].rowCount() > 5
    for model in models:  # real data; the tester then watches every change below
        qtmodeltester.check(model)
    resets: list[object] = []
    for model in models:
        model.modelReset.connect(lambda m=model: resets.append(m))
    indonesia = QPersistentModelIndex(page.queue.index(2))
    ids = indonesia.data(ENTRY_ID_ROLE)
    page.list_view.setCurrentIndex(page.queue.index(3))  # Malaysia

    press(qtbot, Qt.Key.Key_L, CTRL)
    press(qtbot, Qt.Key.Key_2, ALT)  # a point of order goes to the head: a row is inserted
    qtbot.keyClicks(page.add_edit, "lao")
    press(qtbot, Qt.Key.Key_Return)
    page.list_view.setFocus()
    press(qtbot, Qt.Key.Key_F5)  # the head takes the floor: a row is removed
    clock.advance(30)
    press(qtbot, Qt.Key.Key_F7)  # next: a speech ends, a row is added to the speeches held
    assert page.selected_id() == page.queue.rows[2].id  # Malaysia stays selected
    press(qtbot, Qt.Key.Key_Up, ALT)  # moved up past Indonesia
    press(qtbot, Qt.Key.Key_Delete)  # withdrawn
    page.ctx.desk.undo()
    page.ctx.desk.redo()
    assert resets == []
    assert indonesia.isValid() and indonesia.data(ENTRY_ID_ROLE) == ids
    assert [r.delegation_code for r in page.queue.rows] == ["KHM", "IDN"]
    assert page.history.rowCount() == 15  # the point of order; Brunei has the floor


# -- 14. opening the projector leaves the keyboard with the desk -----------------------------------


def test_opening_the_projector_leaves_f5_with_the_desk(window, qtbot, clock) -> None:
    """The projector opens full screen, on a one-screen laptop over the desk: it must not take
    the keyboard, or the F5 pressed next (to give the floor) goes to it and does nothing."""
    clock.set(datetime(2026, 12, 10, 2, 0, tzinfo=UTC))
    page = window.show_page("Speakers")
    assert isinstance(page, SpeakersPage)
    type_in(qtbot, page, "cambodia")
    press(qtbot, Qt.Key.Key_Return)
    assert (None, "KHM", "statement") in waiting(page)
    opener = next(b for b in page.findChildren(QPushButton) if b.text() == "Open projector")
    qtbot.mouseClick(opener, Qt.MouseButton.LeftButton)
    projector = page.projector
    assert projector is not None
    qtbot.waitUntil(projector.isVisible)
    QApplication.processEvents()
    assert QApplication.activeWindow() is window
    press(qtbot, Qt.Key.Key_F5)
    assert (None, "KHM", "statement") not in waiting(page)
    projector.close()
