"""The Seminar page: refusals shown through the GUI runner, a form that does not stretch."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from seminar_desk.domain.speakers.speaking_time import DEFAULT_SPEECH_LIMITS
from seminar_desk.gui.bus import ChangeBus
from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.seminar.page import SeminarPage
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService


@pytest.fixture
def page(qtbot, demo_desk: Desk) -> SeminarPage:
    p = SeminarPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(p)
    with qtbot.waitExposed(p):
        p.show()
    return p


def test_a_zone_that_matches_nothing_is_refused_and_the_saved_one_comes_back(
    page: SeminarPage, demo_desk: Desk, qtbot, shown
) -> None:
    zone = page.zone.lineEdit()
    zone.setFocus()
    zone.selectAll()
    qtbot.keyClicks(zone, "Mars/Olympus")
    qtbot.keyClick(zone, Qt.Key.Key_Return)
    assert shown.texts("refusal") == [
        "Time zone: no zone matches “Mars/Olympus”. Type part of a city, e.g. Phnom Penh, "
        "Bangkok or New York, and choose from the list."
    ]
    assert page.zone.currentText() == "Asia/Phnom_Penh"
    assert SeminarService(demo_desk).details().timezone == "Asia/Phnom_Penh"
    qtbot.keyClick(page.lines["city"], Qt.Key.Key_End)
    qtbot.keyClicks(page.lines["city"], " (Chamcar Mon)")
    qtbot.keyClick(page.lines["city"], Qt.Key.Key_Return)
    assert SeminarService(demo_desk).details().city == "Phnom Penh (Chamcar Mon)"


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_fields_keep_a_readable_width_on_wide_screens(page: SeminarPage, qtbot, size) -> None:
    """Single-line fields were stretched to 1,700 pixels at 1920x1080."""
    page.resize(*size)
    qtbot.waitUntil(lambda: page.width() == size[0])
    chars = page.fontMetrics().averageCharWidth()
    widths = {e.objectName(): e.width() for e in page.findChildren(QLineEdit) if e.objectName()}
    assert widths["city"] <= 32 * chars and page.zone.width() <= 32 * chars
    assert 40 * chars <= widths["title"] <= 90 * chars  # long titles still have room
    assert all(t.width() <= 100 * chars for t in page.findChildren(QPlainTextEdit))


def test_tabbing_through_an_empty_file_writes_nothing(qtbot, desk: Desk, shown) -> None:
    """Leaving an unset date (shown as 1 January 2000) or an empty field is no edit."""
    p = SeminarPage(DeskContext(desk, ChangeBus(desk)))
    qtbot.addWidget(p)
    with qtbot.waitExposed(p):
        p.show()
    p.lines["title"].setFocus()
    for _ in range(len(p.lines) + 3):
        qtbot.keyClick(p.focusWidget(), Qt.Key.Key_Tab)
    p.flush()
    assert SeminarService(desk).details() is None and desk.undo_label is None
    assert shown.texts() == []


def test_a_new_file_shows_the_speaking_limits_a_seminar_starts_with(qtbot, desk: Desk) -> None:
    """Before anything is saved, the limits read 180 s etc. (not "No limit"), as after a save."""
    p = SeminarPage(DeskContext(desk, ChangeBus(desk)))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    assert SeminarService(desk).details() is None
    assert p.limit.value() == 180 and p.limit.text() == "180 s"
    shown = {k: s.value() for k, s in p.type_limits.items() if s.value()}  # 0: as a statement
    assert shown == dict(DEFAULT_SPEECH_LIMITS)
    p.lines["title"].setFocus()
    qtbot.keyClicks(p.lines["title"], "Seminar on stockpile security")
    qtbot.keyClick(p.lines["title"], Qt.Key.Key_Return)
    saved = SeminarService(desk).details()
    assert saved is not None and saved.title == "Seminar on stockpile security"
    assert saved.default_speaking_limit_s == 180 and p.limit.value() == 180


def test_conclusions_masthead_and_report_language_are_edited_on_the_page(
    page: SeminarPage, demo_desk: Desk, qtbot
) -> None:
    """What the seminar report prints of its own: conclusions, symbol, distribution, language."""
    conclusions = page.texts["conclusions"]
    conclusions.setFocus()
    qtbot.keyClicks(conclusions, "The chair concluded x<y.")
    page.flush()
    symbol = page.lines["document_symbol"]
    symbol.setFocus()
    qtbot.keyClicks(symbol, "UNODA/RCPD/2026/1")
    qtbot.keyClick(symbol, Qt.Key.Key_Return)
    for name, value in (("distribution", "limited"), ("language", "fr")):
        combo = page.choices[name]
        combo.setFocus()
        while combo.currentData() != value:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    details = SeminarService(demo_desk).details()
    assert details.conclusions == "The chair concluded x<y."
    assert details.document_symbol == "UNODA/RCPD/2026/1"
    assert (details.distribution, details.language) == ("limited", "fr")


def test_report_languages_are_those_with_a_catalogue_and_others_say_english_chrome(
    qtbot, demo_desk: Desk
) -> None:
    """Only English and French are offered; a file whose language has no catalogue (set by
    an import or a newer release) shows it as printing English chrome, and keeps it."""
    SeminarService(demo_desk).update(language="vi")
    p = SeminarPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(p)
    combo = p.choices["language"]
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == ["en", "fr", "vi"]
    assert combo.currentText() == "vi (English chrome: no catalogue)"
    assert SeminarService(demo_desk).details().language == "vi"
