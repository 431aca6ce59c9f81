"""The projector window: follows the list live, colours the countdown, message and clock modes."""


import pytest
from demo_facts import AFTER_DEMO
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest

from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.settings import PROJECTOR_SCREEN as SCREEN_KEY
from seminar_desk.gui.speakers.controller import ProjectorMode
from seminar_desk.gui.speakers.page import SpeakersPage
from seminar_desk.gui.speakers.projector import ProjectorWindow

pytestmark = pytest.mark.usefixtures("qsettings")
AMBER, RED, WHITE = QColor("#FFB000"), QColor("#FF3B30"), QColor("#FFFFFF")


@pytest.fixture
def page(qtbot, demo_desk, clock) -> SpeakersPage:
    clock.set(AFTER_DEMO)
    p = SpeakersPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(p)
    return p


@pytest.fixture
def projector(page, qtbot) -> ProjectorWindow:
    window = page.open_projector(full_screen=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    assert QTest.qWaitForWindowExposed(window)  # open_projector showed it
    return window


def add(page: SpeakersPage, code: str, speech_type: str = "statement") -> None:
    candidate = next(c for c in page.candidates.candidates if c.text.endswith(f"({code})"))
    page.type_box.setCurrentIndex(page.type_box.findData(speech_type))
    assert page.add_candidate(candidate)


def colour(label) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_follows_the_list_and_shows_the_next_three(page, projector) -> None:
    for code in ("BRN", "KHM", "IDN", "LAO", "MYS"):
        add(page, code)
    assert projector.item.text().startswith("Tour de table")
    assert projector.seminar.text()
    page.next_speaker()
    assert projector.speaker.text() == "Brunei Darussalam"
    assert projector.capacity.text() == "National capacity"
    assert [line.text() for line in projector.next_lines] == [
        "1.  Cambodia",
        "2.  Indonesia",
        "3.  Lao People's Democratic Republic",
    ] or projector.next_lines[0].text() == "1.  Cambodia"
    assert projector.countdown.text() == "3:00"
    assert projector.clock.text() == "16:30"


def test_countdown_turns_amber_then_red_then_counts_overtime(page, projector, clock) -> None:
    add(page, "KHM")
    page.next_speaker()
    tick = projector.ticker.tick
    clock.advance(100)
    tick()
    assert (projector.countdown.text(), colour(projector.countdown)) == ("1:20", WHITE)
    clock.advance(55)
    tick()
    assert (projector.countdown.text(), colour(projector.countdown)) == ("0:25", AMBER)
    clock.advance(25)
    tick()
    assert (projector.countdown.text(), colour(projector.countdown)) == ("0:00", RED)
    clock.advance(42)
    tick()
    assert (projector.countdown.text(), colour(projector.countdown)) == ("+0:42", RED)
    # Pixels, not just properties: the countdown's glyphs are drawn in red on black.
    image = projector.countdown.grab().toImage()
    reds = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if (c := image.pixelColor(x, y)).red() > 200 and c.green() < 100 and c.blue() < 100
    )
    assert reds > 50


def test_group_statement_and_point_of_order_on_the_projector(page, projector) -> None:
    page.capacity_box.setCurrentIndex(page.capacity_box.findText("On behalf of ASEAN"))
    add(page, "PHL")
    add(page, "SGP", "point_of_order")
    page.next_speaker()
    assert projector.speaker.text() == "Singapore"
    assert projector.capacity.text() == "National capacity · Point of order"
    assert projector.countdown.text() == "1:00"
    page.next_speaker()
    assert projector.capacity.text() == "On behalf of ASEAN"
    assert projector.countdown.text() == "5:00"


def test_message_and_clock_modes(page, projector) -> None:
    page.message_edit.setText("Coffee break until 10:45")
    page.show_message()
    assert projector.message.isVisible() and not projector.speaker.isVisible()
    assert projector.message.text() == "Coffee break until 10:45"
    assert projector.big_clock.isVisible()
    page.toggle_clock()
    assert page.controller.mode is ProjectorMode.CLOCK
    assert projector.big_clock.text() == "16:30" and not projector.message.isVisible()
    page.toggle_clock()
    assert projector.countdown.isVisible() and not projector.big_clock.isVisible()


def test_fonts_scale_with_the_window_and_the_screen_is_remembered(page, projector, qtbot) -> None:
    from PySide6.QtCore import QSettings

    projector.resize(640, 360)
    qtbot.waitUntil(lambda: projector.height() == 360)
    small = projector.countdown.font().pixelSize()
    projector.resize(1920, 1080)
    qtbot.waitUntil(lambda: projector.height() == 1080)
    assert projector.countdown.font().pixelSize() >= 2.5 * small
    # The chosen display is remembered for next time (offscreen has one screen).
    assert QSettings().contains(SCREEN_KEY)
    assert QSettings().value(SCREEN_KEY) == projector.screen().name()


def test_the_ticker_wakes_only_when_the_display_changes(page, projector, clock, qtbot) -> None:
    add(page, "KHM")
    page.next_speaker()
    seen: list[str] = []
    projector.ticker.countdown_changed.connect(lambda text, _phase: seen.append(text))
    for _ in range(8):
        clock.advance(0.25)
        projector.ticker.tick()
    assert seen == ["2:59", "2:58"]
    assert projector.ticker._timer.interval() <= 1000


def test_escape_leaves_full_screen(page, qtbot) -> None:
    from PySide6.QtCore import Qt

    window = page.open_projector(full_screen=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    page.toggle_projector()
    assert not window.isVisible()
    assert page.projector_state.text().startswith("Closed")


# -- every part fits any screen -----------------------------------------------------------------

LONG_NAME = "H.E. Ms. Nguyễn Thị Thanh Hương (Viet Nam, on behalf of ASEAN)"
LONG_ITEM = (
    "Tour de table: national experiences and priorities in marking, record-keeping, tracing "
    "and the detection of illicit small arms and light weapons"
)
LONG_MESSAGE = (
    "Coffee break until 10:45 in the Mekong foyer; the group photograph is taken on the "
    "terrace at 10:35, delegates are kindly asked to be on time"
)
SIZES = [
    (w, h)
    for w in (800, 960, 1024, 1280, 1366, 1440, 1920, 2560, 3840)
    for h in {w * 9 // 16, w * 10 // 16, w * 3 // 4}
    if h <= 2160
]


def long_snapshot(snap):
    """The demo's list with the longest texts a projector meets (same shape, longer strings)."""
    from dataclasses import replace

    current = replace(
        snap.waiting[0],
        name=LONG_NAME,
        delegation="Lao People's Democratic Republic",
        speech_type="right_of_reply",
    )
    waiting = tuple(
        replace(row, name=f"{LONG_NAME} {i}", speech_type="point_of_order")
        for i, row in enumerate(snap.waiting[1:4])
    )
    return replace(snap, item_title=LONG_ITEM, current=current, waiting=waiting)


def assert_everything_fits(window, size, text_fits) -> None:
    from PySide6.QtWidgets import QLabel

    inside = window.rect()
    shown = [w for w in window.findChildren(QLabel) if w.isVisible() and w.text()]
    assert len(shown) >= 2, size
    for label in shown:
        where = label.geometry()
        assert inside.contains(where), (size, label.text(), where, inside)
        assert text_fits(label), (size, label.text(), label.font().pixelSize(), where)
        assert "…" not in label.text(), (size, label.text())


def test_every_part_fits_from_800x450_to_3840x2160(page, projector, qtbot, clock, text_fits):
    for code in ("BRN", "KHM", "IDN", "LAO", "MYS"):
        add(page, code)
    page.next_speaker()
    clock.advance(3 * 3600 + 12)  # a speech far in overtime: "+3:00:12" is the widest count
    projector.ticker.tick()
    page.controller.snapshot_changed.emit(long_snapshot(page.controller.snapshot))
    assert projector.speaker.text() == LONG_NAME
    assert projector.countdown.text().startswith("+")
    for size in SIZES:
        projector.resize(*size)
        qtbot.waitUntil(lambda size=size: projector.size().toTuple() == size)
        assert_everything_fits(projector, size, text_fits)
        assert projector.next_lines[2].text().startswith("3.  " + LONG_NAME)
        # Scaled, not shrunk to nothing: the countdown stays the largest thing on the screen.
        assert projector.countdown.font().pixelSize() >= size[1] / 8, size
        assert projector.speaker.font().pixelSize() >= size[1] / 40, size
    page.message_edit.setText(LONG_MESSAGE)
    page.show_message()
    for size in ((800, 450), (1366, 768), (1024, 768), (3840, 2160)):
        projector.resize(*size)
        qtbot.waitUntil(lambda size=size: projector.size().toTuple() == size)
        assert projector.message.text() == LONG_MESSAGE
        assert_everything_fits(projector, size, text_fits)
