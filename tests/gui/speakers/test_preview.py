"""The projector preview on the Speakers page: the same view, live, small, and foldable."""


import pytest
from demo_facts import AFTER_DEMO
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea

from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.settings import PREVIEW_SHOWN as SHOWN_KEY
from seminar_desk.gui.speakers.page import SpeakersPage

pytestmark = pytest.mark.usefixtures("qsettings")
AMBER, RED = QColor("#FFB000"), QColor("#FF3B30")
# The page's share of a 1366x768 laptop screen (sidebar, menu and status bar taken off).
LAPTOP_PAGE = (1186, 700)


@pytest.fixture
def page(qtbot, demo_desk, clock) -> SpeakersPage:
    clock.set(AFTER_DEMO)
    p = SpeakersPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(p)
    p.resize(*LAPTOP_PAGE)
    with qtbot.waitExposed(p):
        p.show()
    return p


def add(page: SpeakersPage, code: str) -> None:
    candidate = next(c for c in page.candidates.candidates if c.text.endswith(f"({code})"))
    assert page.add_candidate(candidate)


def colour(label: QLabel) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def shown_texts(view) -> list[str]:
    return [label.text() for label in view.labels if label.isVisible()]


def test_the_preview_shows_what_the_projector_shows_live(page, qtbot, clock) -> None:
    preview = page.preview.view
    assert preview.isVisible()
    for code in ("BRN", "KHM", "IDN", "LAO"):
        add(page, code)
    qtbot.mouseClick(page.findChild(QPushButton, "next"), Qt.MouseButton.LeftButton)
    assert preview.speaker.text() == "Brunei Darussalam"
    assert preview.next_lines[0].text() == "1.  Cambodia"
    assert preview.countdown.text() == "3:00"
    projector = page.open_projector(full_screen=False)
    qtbot.addWidget(projector)
    assert shown_texts(preview) == shown_texts(projector)
    # Live, on the page's own ticker: no timer of its own.
    assert preview.ticker is page.ticker
    clock.advance(155)
    page.ticker.tick()
    projector.ticker.tick()
    assert (preview.countdown.text(), colour(preview.countdown)) == ("0:25", AMBER)
    clock.advance(67)
    page.ticker.tick()
    projector.ticker.tick()
    assert (preview.countdown.text(), colour(preview.countdown)) == ("+0:42", RED)
    assert shown_texts(preview) == shown_texts(projector)
    # The message and the clock modes too.
    page.message_edit.setText("Coffee break until 10:45")
    qtbot.keyClick(page.message_edit, Qt.Key.Key_Return)
    assert preview.message.isVisible() and not preview.speaker.isVisible()
    assert preview.message.text() == "Coffee break until 10:45"
    assert shown_texts(preview) == shown_texts(projector)


def test_the_preview_is_16_by_9_and_fits_a_laptop_page(page, qtbot, text_fits) -> None:
    for code in ("BRN", "KHM", "IDN", "LAO"):
        add(page, code)
    page.next_speaker()
    preview = page.preview.view
    qtbot.waitUntil(lambda: abs(preview.height() - preview.width() * 9 / 16) <= 1)
    assert preview.width() >= 240
    where = QRect(preview.mapTo(page, preview.rect().topLeft()), preview.size())
    assert page.rect().contains(where), (where, page.rect())
    for label in preview.labels:
        if label.isVisible() and label.text():
            assert preview.rect().contains(label.geometry()), label.text()
            assert text_fits(label), (label.text(), label.font().pixelSize())
    # Readable: the countdown is the largest thing, the next speakers are not elided.
    assert preview.countdown.font().pixelSize() >= 20
    assert [line.text() for line in preview.next_lines][:2] == ["1.  Cambodia", "2.  Indonesia"]
    # The page still fits the laptop without scrolling (the preview has no height-for-width).
    assert not page.findChild(QScrollArea).verticalScrollBar().isVisible()


def test_the_preview_folds_away_and_stays_folded(page, qtbot, demo_desk) -> None:
    toggle = page.preview.toggle
    assert toggle.isChecked() and page.preview.view.isVisible()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not page.preview.view.isVisible()
    assert QSettings().value(SHOWN_KEY, type=bool) is False
    again = SpeakersPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(again)
    again.show()
    assert not again.preview.toggle.isChecked() and not again.preview.view.isVisible()
    qtbot.mouseClick(again.preview.toggle, Qt.MouseButton.LeftButton)
    assert again.preview.view.isVisible()


def test_the_projector_state_is_shown_whole(page, qtbot, text_fits) -> None:
    """It quotes the message: long, and plain text (never markup)."""
    page.message_edit.setText("<b>Coffee break</b> until 10:45, group photograph on the terrace")
    page.show_message()
    state = page.projector_state
    qtbot.waitUntil(lambda: text_fits(state))
    assert state.text().startswith("Closed; shows message “<b>Coffee break</b>")
    assert state.textFormat() == Qt.TextFormat.PlainText
    box = state.parentWidget()
    assert box.rect().contains(state.geometry())
    assert not page.findChild(QScrollArea).verticalScrollBar().isVisible()


def test_in_a_small_window_the_preview_leaves_out_lines_rather_than_overflow(
    page, qtbot, text_fits
) -> None:
    """960x540: the preview is some 200 px wide; what shows is whole, the count stays big."""
    for code in ("BRN", "KHM", "IDN", "LAO"):
        add(page, code)
    page.next_speaker()
    page.resize(780, 490)
    preview = page.preview.view
    qtbot.waitUntil(lambda: preview.width() < 240 and preview.height() == preview.width() * 9 // 16)
    shown = [label for label in preview.labels if label.isVisible() and label.text()]
    for label in shown:
        assert preview.rect().contains(label.geometry()), (label.text(), label.geometry())
        assert text_fits(label), (label.text(), label.font().pixelSize())
    assert preview.speaker in shown and preview.speaker.text() == "Brunei Darussalam"
    assert preview.countdown in shown and preview.countdown.font().pixelSize() >= 16
    # Lines left out go from the bottom (the list beside shows the next speakers anyway).
    present = [label in shown for label in (preview.next_title, *preview.next_lines)]
    assert present == sorted(present, reverse=True)
    assert present[0] == any(present[1:])  # no heading over no one
    assert not page.findChild(QScrollArea).verticalScrollBar().isVisible()
