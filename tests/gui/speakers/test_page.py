"""The Speakers page driven like a facilitator: keyboard, completer, drag and drop, models."""


import pytest
from demo_facts import AFTER_DEMO, TOUR
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.speakers.models import MIME
from seminar_desk.gui.speakers.page import SpeakersPage, parse_limit

pytestmark = pytest.mark.usefixtures("qsettings")
TEN = (
    "Brunei",
    "Cambodia",
    "Indonesia",
    "Lao",
    "Malaysia",
    "Myanmar",
    "Philippines",
    "Singapore",
    "Thailand",
    "Viet Nam",
)


@pytest.fixture
def page(speakers_page: SpeakersPage) -> SpeakersPage:
    return speakers_page


def type_speaker(qtbot, page: SpeakersPage, text: str) -> None:
    page.add_edit.setFocus()
    page.add_edit.clear()
    qtbot.keyClicks(page.add_edit, text)
    qtbot.keyClick(page.add_edit, Qt.Key.Key_Return)
    page.completer.popup().hide()


def names(page: SpeakersPage) -> list[str]:
    return [page.queue.rows[i].delegation for i in range(page.queue.waiting_count)]


def test_the_tour_de_table_item_is_chosen_and_its_speeches_listed(page) -> None:
    assert page.item_box.currentText().endswith(TOUR)
    assert page.history.rowCount() == 14
    assert page.now_name.text() == "Nobody has the floor"


def test_ten_delegations_by_keyboard_then_a_point_of_order(page, qtbot, clock) -> None:
    for name in TEN:
        clock.advance(2)
        type_speaker(qtbot, page, name.lower()[:5])
    assert names(page)[0] == "Brunei Darussalam" and len(names(page)) == 10
    assert names(page)[-1] == "Viet Nam"
    assert page.queue.rows[0].name == ""  # a delegation takes the floor without a named person
    qtbot.keyClick(page.list_view, Qt.Key.Key_F5)
    assert page.now_name.text() == "Brunei Darussalam"
    assert page.countdown.text() == "3:00"
    # Alt+2 picks "point of order"; accents need not be typed.
    qtbot.keyClick(page.add_edit, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.type_box.currentData() == "point_of_order"
    type_speaker(qtbot, page, "nguyen van duc")
    assert page.queue.rows[0].name == "Nguyễn Văn Đức"
    assert page.queue.rows[0].speech_type == "point_of_order"
    assert page.type_box.currentData() == "statement"  # back to the usual after adding
    qtbot.keyClick(page.list_view, Qt.Key.Key_F7)  # next: Brunei's speech ends
    assert page.now_name.text() == "Nguyễn Văn Đức"
    assert page.countdown.text() == "1:00"
    assert page.history.rowCount() == 15


def test_pause_finish_put_back_and_undo_from_the_keyboard(page, qtbot, clock) -> None:
    type_speaker(qtbot, page, "cambodia")
    type_speaker(qtbot, page, "thailand")
    qtbot.keyClick(page.list_view, Qt.Key.Key_F5)
    clock.advance(30)
    qtbot.keyClick(page.list_view, Qt.Key.Key_F9)
    assert page.now_detail.text().startswith("PAUSED")
    clock.advance(100)
    page.ticker.tick()
    assert page.countdown.text() == "2:30"
    qtbot.keyClick(page.list_view, Qt.Key.Key_F9)
    qtbot.keyClick(page.list_view, Qt.Key.Key_F6)
    assert page.now_name.text() == "Nobody has the floor"
    assert page.history.rowCount() == 15
    qtbot.keyClick(
        page.list_view,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert names(page) == ["Cambodia", "Thailand"]
    page.ctx.desk.undo()
    assert names(page) == ["Thailand"]


def test_keyboard_reorder_withdraw_and_closed_list(page, qtbot, shown) -> None:
    for name in ("brunei", "cambodia", "indonesia"):
        type_speaker(qtbot, page, name)
    page.list_view.setFocus()
    page.list_view.setCurrentIndex(page.queue.index(2))
    qtbot.keyClick(page.list_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(page) == ["Brunei Darussalam", "Indonesia", "Cambodia"]
    assert page.selected_id() == page.queue.rows[1].id  # the selection follows the speaker
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    assert names(page) == ["Brunei Darussalam", "Cambodia"]
    qtbot.keyClick(
        page.list_view,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "closed" in page.state_label.text()
    type_speaker(qtbot, page, "lao")
    assert "closed" in shown.texts("notice")[-1]
    qtbot.keyClick(page.add_edit, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    type_speaker(qtbot, page, "lao")
    assert page.queue.rows[0].delegation_code == "LAO"
    assert page.queue.rows[0].speech_type == "point_of_order"


def test_drag_and_drop_moves_a_speaker(page, qtbot) -> None:
    for name in ("brunei", "cambodia", "indonesia"):
        type_speaker(qtbot, page, name)
    data = QMimeData()
    data.setData(MIME, page.queue.rows[0].id.encode())
    assert not page.queue.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    qtbot.waitUntil(lambda: names(page)[-1] == "Brunei Darussalam")
    assert names(page) == ["Cambodia", "Indonesia", "Brunei Darussalam"]


def test_models_pass_the_model_tester(page, qtbot, qtmodeltester) -> None:
    for name in ("brunei", "cambodia"):
        type_speaker(qtbot, page, name)
    page.tabs.setCurrentIndex(2)
    for scope in range(3):
        page.stats_scope.setCurrentIndex(scope)
    assert page.stats_models["by_delegation"].rowCount() > 0
    for model in (
        page.queue,
        page.history,
        page.candidates,
        page.candidate_filter,
        *page.stats_models.values(),
    ):
        qtmodeltester.check(model)


def test_statistics_tab_shows_totals(page) -> None:
    page.tabs.setCurrentIndex(2)
    page.stats_scope.setCurrentIndex(0)
    assert page.stats_total.text().startswith(TOUR + ": 14 speeches")
    top = page.stats_models["by_delegation"]
    assert top.data(top.index(0, 0)) == "Philippines"
    assert top.data(top.index(0, 1)) == "2"


def test_speakers_menu_in_the_main_window_goes_with_the_page(qtbot, demo_desk) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&Help")
    ctx = DeskContext(demo_desk, ChangeBus(demo_desk), window)
    page = SpeakersPage(ctx)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Speakers", "&Help"]
    texts = [a.text() for a in page.menu.actions() if a.text()]
    assert "Open projector" in texts and "Next speaker" in texts
    page.deleteLater()
    qtbot.waitUntil(lambda: [a.text() for a in window.menuBar().actions()] == ["&Help"])


def test_parse_limit() -> None:
    assert parse_limit("3:30") == 210
    assert parse_limit("90") == 90
    assert parse_limit("") is None
    with pytest.raises(ValueError):
        parse_limit("soon")
    with pytest.raises(ValueError):
        parse_limit("-1:00")


def test_item_speaking_time_is_set_from_the_spin_box(page, qtbot) -> None:
    assert page.limit_spin.value() == -1
    assert page.limit_spin.text() == "Seminar default (3:00)"
    page.limit_spin.setValue(240)
    page.limit_spin.editingFinished.emit()
    assert page.snapshot.item_limit_s == 240 and page.snapshot.default_limit_s == 240
    page.limit_spin.setValue(-1)
    page.limit_spin.editingFinished.emit()
    assert page.snapshot.item_limit_s is None
    page.ctx.desk.undo()
    assert page.limit_spin.value() == 240


def test_a_running_speech_is_picked_up_after_a_restart(qtbot, demo_path) -> None:
    from seminar_desk.domain.clock import FakeClock
    from seminar_desk.services.desk import Desk
    from seminar_desk.services.speakers.service import SpeakersService
    from seminar_desk.store.database import Database

    clock = FakeClock(AFTER_DEMO)
    desk = Desk(Database.open(demo_path), clock)
    service = SpeakersService(desk)
    item = next(i.id for i in service.items() if i.title.startswith("Wrap-up of Day 1"))
    org = next(c.organisation_id for c in service.candidates() if c.text.endswith("(THA)"))
    service.add(item, organisation_id=org)
    service.next_speaker(item)
    clock.advance(200)
    desk.close()

    later = FakeClock(clock.now())
    later.advance(10)
    desk = Desk(Database.open(demo_path), later)
    try:
        page = SpeakersPage(DeskContext(desk, ChangeBus(desk)))
        qtbot.addWidget(page)
        page.show()
        assert page.controller.item_id == item  # the item with a speech in progress
        assert page.now_name.text() == "Thailand"
        page.ticker.tick()
        assert page.countdown.text() == "+0:30"
    finally:
        desk.close()


def test_every_documented_shortcut_is_wired(page) -> None:
    from seminar_desk.gui.speakers.help import SHORTCUTS, shortcuts_html

    for name, key, _ in SHORTCUTS:
        if "…" in key:
            continue
        action = page.actions_by_name[name]
        assert action.shortcut().toString() == QKeySequence(key).toString()
    assert "give the floor to the next speaker" in shortcuts_html()


def test_in_the_main_window_the_menu_comes_and_goes_with_the_file(qtbot, demo_path) -> None:
    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.gui.settings import UiSettings

    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(demo_path)
    page = window.show_page("Speakers")
    assert isinstance(page, SpeakersPage)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[titles.index("&Speakers") + 1 :] == ["&Participants", "&Help"]
    projector = page.open_projector(full_screen=False)
    assert projector.isVisible()
    window.close_file()
    qtbot.waitUntil(lambda: "&Speakers" not in [a.text() for a in window.menuBar().actions()])
    assert "&Participants" not in [a.text() for a in window.menuBar().actions()]
    qtbot.waitUntil(lambda: not projector_alive(projector))


def projector_alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget) and widget.isVisible()
