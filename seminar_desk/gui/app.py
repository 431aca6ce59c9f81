"""Start the window on a qasync event loop, so long work can be awaited without freezing it.

The window is shown before the seminar file is opened: opening loads the database layer,
and a person should see the application respond at once.
"""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from seminar_desk import __version__
from seminar_desk.gui.main_window import MainWindow
from seminar_desk.gui.settings import UiSettings
from seminar_desk.gui.shell.fonts import load_bundled_fonts
from seminar_desk.gui.shell.keyboard import KeyboardKeeper, present
from seminar_desk.paths import APP_NAME


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    load_bundled_fonts(app)
    return app


def open_initial_file(window: MainWindow, db_path: Path | None, read_only: bool = False) -> bool:
    """Open `--db` (False if it cannot be opened), else the last file if it still exists."""
    if db_path is not None:
        return window.open_file(db_path, read_only=read_only)
    last = window.settings.last_file()
    if last is not None and last.exists():
        window.open_file(last)
    return True


def build_window(db_path: Path | None) -> tuple[MainWindow, bool]:
    """The main window with `db_path` (or the last file) open, not yet shown."""
    window = MainWindow(UiSettings())
    return window, open_initial_file(window, db_path)


def start_log() -> None:
    """Unexpected errors go to a log file as well as to the error dialog."""
    import logging

    from seminar_desk.paths import log_path

    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def run_gui(db_path: Path | None, read_only: bool = False) -> int:
    from seminar_desk.gui.runner import install_excepthook
    from seminar_desk.gui.shell.xcb_libraries import startup_problem

    problem = startup_problem()  # before Qt loads its platform plugin and aborts
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    app = make_application()
    start_log()
    install_excepthook()
    from seminar_desk.gui.shell.gc_guard import GuiThreadCollector

    collector = GuiThreadCollector(app)  # no collection on worker threads (exports, imports)
    collector.start()
    KeyboardKeeper(app)  # the keyboard back to the window when a dialog closes (no WM)
    window = MainWindow(UiSettings())
    present(window)  # and to the window when it opens
    app.processEvents()
    # The event loop that awaits long work is loaded once the window shows (asyncio alone
    # took a third of the time to the first window).
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # A file that cannot be opened has been explained in a dialog; the window stays, on its
    # welcome page, so the person can choose another.
    open_initial_file(window, db_path, read_only)
    quitting = asyncio.Event()
    app.aboutToQuit.connect(quitting.set)
    with loop:
        loop.run_until_complete(quitting.wait())
    return 0
