"""The window keeps the keyboard when it opens and when one of its dialogs closes.

A window manager gives a new window the focus and gives it back to the window a closed dialog
belonged to. Without one (a bare X server, a kiosk, Xvfb) nobody does: X sends the keyboard to
the screen's root, and Qt runs no shortcut of a window that is not active, so Ctrl+Q, Alt+F and
Ctrl+1..6 did nothing until the window was clicked: at start, and again after every message
box or file dialog. With a window manager asking again is harmless: it is what it does anyway.
"""

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QWidget


def present(window: QWidget) -> None:
    """Show a top-level window and ask for the keyboard."""
    window.show()
    window.raise_()
    window.activateWindow()


class KeyboardKeeper(QObject):
    """When a dialog that has the keyboard closes, the keyboard goes back to the window the
    dialog belonged to (a dialog closing after the person went to another application, which
    has the keyboard then, is left alone)."""

    WATCHED = "seminarDeskKeyboardWatched"

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        app.focusWindowChanged.connect(self._focus_moved)

    def _focus_moved(self, window: QWindow | None) -> None:
        if window is None or window.transientParent() is None or window.property(self.WATCHED):
            return
        window.setProperty(self.WATCHED, True)
        window.visibleChanged.connect(lambda shown, w=window: None if shown else self._closed(w))

    @staticmethod
    def _closed(dialog: QWindow) -> None:
        # Qt keeps a closed dialog as its focus window when nothing else takes the keyboard.
        parent = dialog.transientParent()
        if parent is None or not parent.isVisible():
            return
        if QGuiApplication.focusWindow() not in (dialog, None):
            return
        parent_id = int(parent.winId())  # looked up again later: the window may be gone by then
        QTimer.singleShot(0, lambda: _take_keyboard(parent_id))


def _take_keyboard(window_id: int) -> None:
    """Give our window `window_id` (its X id) the keyboard, if it is still on screen."""
    for window in QGuiApplication.topLevelWindows():
        if window.isVisible() and int(window.winId()) == window_id:
            window.requestActivate()
            return
