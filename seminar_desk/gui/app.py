"""Start the window on a qasync event loop, so long work can be awaited without freezing it."""

import asyncio
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from seminar_desk import __version__
from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings
from seminar_desk.paths import APP_NAME


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def build_window(db_path: Path | None) -> tuple[MainWindow, bool]:
    """The main window with `db_path` (or the last file) open; False if --db could not open."""
    window = MainWindow(UiSettings())
    if db_path is not None:
        return window, window.open_file(db_path)
    last = window.settings.last_file()
    if last is not None and last.exists():
        window.open_file(last)
    return window, True


def run_gui(db_path: Path | None) -> int:
    import qasync

    app = make_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window, opened = build_window(db_path)
    if not opened:
        return 2
    window.show()
    quitting = asyncio.Event()
    app.aboutToQuit.connect(quitting.set)
    with loop:
        loop.run_until_complete(quitting.wait())
    return 0
