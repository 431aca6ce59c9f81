"""Fixtures shared by GUI tests of several modules."""

from datetime import UTC, datetime

import pytest

# After the demo's tour de table (16:18 in Phnom Penh), so new speeches come after it.
AFTER_DEMO = datetime(2026, 12, 19, 9, 30, tzinfo=UTC)


@pytest.fixture
def speakers_page(qtbot, demo_desk, clock):  # noqa: ANN001, ANN201
    """The Speakers page on the demo seminar, on screen, the clock just after the demo."""
    from seminar_desk.gui.bus import ChangeBus
    from seminar_desk.gui.context import DeskContext
    from seminar_desk.gui.pages.page_speakers import SpeakersPage

    clock.set(AFTER_DEMO)
    page = SpeakersPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page
