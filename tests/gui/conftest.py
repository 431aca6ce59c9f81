"""Fixtures shared by GUI tests of several modules."""

import asyncio
import gc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

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


def label_text_fits(label: QLabel) -> bool:
    """The label's text, as Qt draws it with the label's font and flags, lies inside it."""
    box = label.contentsRect()
    flags = int(label.alignment().value)
    if label.wordWrap():
        flags |= Qt.TextFlag.TextWordWrap.value
    drawn = QFontMetrics(label.font()).boundingRect(
        QRect(0, 0, box.width(), 100_000), flags, label.text()
    )
    return drawn.width() <= box.width() and drawn.height() <= box.height()


@pytest.fixture
def text_fits() -> Callable[[QLabel], bool]:
    """`text_fits(label)`: whether the label's text is drawn whole inside it."""
    return label_text_fits


@pytest.fixture
def loop(qapp) -> Iterator[asyncio.AbstractEventLoop]:  # noqa: ANN001
    """A qasync event loop for tests of background work (`loop.run_until_complete(...)`)."""
    import qasync

    # Widgets of earlier tests that wait for the cyclic GC must die here, on the GUI thread: a
    # collection triggered on a worker thread (reading a file allocates a lot) would delete
    # them there and crash Qt.
    gc.collect()
    event_loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    event_loop.close()  # joins the worker threads before Qt tears down
    asyncio.set_event_loop(None)
