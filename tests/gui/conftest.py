"""Fixtures shared by GUI tests of several modules."""

import asyncio
import gc
from collections.abc import Callable, Iterator

import pytest
from demo_facts import AFTER_DEMO
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel


@pytest.fixture(autouse=True)
def delete_closed_widgets() -> Iterator[None]:
    """After each test, the widgets pytest-qt closed are deleted for real: their `deleteLater`
    waits for an event loop that most tests never run, so every window of the session stayed
    alive (with its desk, timers and cycles) and changed what later tests saw, e.g. the
    garbage collector's counts in tests/gui/shell/test_gc_guard.py."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def speakers_page(qtbot, demo_desk, clock):  # noqa: ANN001, ANN201
    """The Speakers page on the demo seminar, on screen, the clock just after the demo."""
    from seminar_desk.gui.bus import ChangeBus
    from seminar_desk.gui.context import DeskContext
    from seminar_desk.gui.speakers.page import SpeakersPage

    clock.set(AFTER_DEMO)
    page = SpeakersPage(DeskContext(demo_desk, ChangeBus(demo_desk)))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitExposed(page):
        page.show()
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


def show_active(qtbot, widget) -> None:  # noqa: ANN001
    """Show `widget` and wait until its window is the active one (window-wide shortcuts need
    it); `waitActive` waits only as a `with` block."""
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


@pytest.fixture
def activate(qtbot) -> Callable[[object], None]:  # noqa: ANN001
    """`activate(widget)`: show it and wait until it is the active window."""
    return lambda widget: show_active(qtbot, widget)


@pytest.fixture
def window(qtbot, qsettings):  # noqa: ANN001, ANN201
    """The main window with no seminar open (its settings in a temporary folder); closed after."""
    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.gui.settings import UiSettings

    w = MainWindow(UiSettings())
    qtbot.addWidget(w)
    yield w
    w.close()


@pytest.fixture
def demo_window(window, demo_path):  # noqa: ANN001, ANN201
    """The main window with the demo seminar open."""
    assert window.open_file(demo_path)
    return window


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of QMessageBox.warning, which then shows nothing."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: seen.append(text))
    return seen


def show_notes_page(qtbot, path, size: tuple[int, int] | None = None):  # noqa: ANN001, ANN201
    """A main window on the file at `path`, showing the Breakouts & notes page."""
    from seminar_desk.gui.main_window import MainWindow
    from seminar_desk.gui.notes.page import BreakoutsPage
    from seminar_desk.gui.settings import UiSettings

    window = MainWindow(UiSettings())
    qtbot.addWidget(window)
    assert window.open_file(path)
    if size is not None:
        window.resize(*size)
    with qtbot.waitExposed(window):
        window.show()
    page = window.show_page("Breakouts & notes")
    assert isinstance(page, BreakoutsPage)
    return page


@pytest.fixture
def notes_page(qtbot, demo_path, qsettings):  # noqa: ANN001, ANN201
    """The Breakouts & notes page of the demo seminar, in the real main window."""
    return show_notes_page(qtbot, demo_path)


class QuestionAnswers:
    """Stands in for the person answering QMessageBox questions, in turn; keeps what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: tuple[bool, ...]) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.asked: list[str] = []
        self.answers = list(answers)

        def exec_(box: QMessageBox) -> int:
            self.asked.append(box.text())
            yes = self.answers.pop(0)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "exec", exec_)


@pytest.fixture
def answer_questions(monkeypatch):  # noqa: ANN001, ANN201
    """`answer_questions(True, False)`: answers the next questions Yes then No."""
    return lambda *answers: QuestionAnswers(monkeypatch, answers)


@pytest.fixture
def open_notes_page(qtbot, qsettings):  # noqa: ANN001, ANN201
    """`open_notes_page(path, (width, height))`: the notes page of a file, at a window size."""
    return lambda path, size=None: show_notes_page(qtbot, path, size)
