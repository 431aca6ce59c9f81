"""The keyboard shortcuts: one table drives both the actions and the F1 help dialog.

F5-F8 come from `gui.live_keys` (the same verbs on the Agenda page); the rest are the Speakers
page's own.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from seminar_desk.gui.live_keys import HELP_KEY, LIVE_KEYS, SPEAKERS_KEYS, live_keys_html

WIDTH = 900  # wide enough for the live keys' table, narrow enough for 1024-pixel screens

# (name, key, what it does). The page looks keys up by name, so the help cannot go stale.
SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("add", "Ctrl+L", "Add a speaker: type part of a name or delegation, then Enter"),
    (
        "type",
        "Alt+1 … Alt+5",
        "Speech type: statement, point of order, right of reply, question, report-back",
    ),
    *((k.speakers_action, k.key, k.on_speakers) for k in LIVE_KEYS),
    ("pause", "F9", "Pause or resume the speech"),
    ("put_back", "Ctrl+Shift+B", "Put back the last speaker at the head of the list"),
    ("give_floor", "Ctrl+Return", "Give the floor to the selected speaker now"),
    ("withdraw", "Delete", "Withdraw the selected speaker"),
    ("up", "Alt+Up", "Move the selected speaker up (or drag it)"),
    ("down", "Alt+Down", "Move the selected speaker down (or drag it)"),
    ("replies", "Ctrl+Shift+R", "Call the rights of reply"),
    (
        "close",
        "Ctrl+Shift+L",
        "Close or reopen the list (a closed list takes points of order and rights of reply)",
    ),
    ("limit", "Ctrl+T", "Speaking time of the selected speaker"),
    ("projector", "Ctrl+Shift+P", "Open or close the projector window"),
    ("clock", "Ctrl+Shift+K", "Projector: show only the clock / back to the speakers"),
    ("help", HELP_KEY, "These shortcuts (also on the Agenda page)"),
)
KEYS = {name: key for name, key, _ in SHORTCUTS}


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td style='padding-right:18px'><b>{key}</b></td><td>{text}</td></tr>"
        for name, key, text in SHORTCUTS
        if name not in SPEAKERS_KEYS  # in the live table above
    )
    return (
        live_keys_html() + "<h3>List of speakers: keyboard</h3><table>" + rows + "</table>"
        "<p>Points of order go ahead of everyone waiting; rights of reply wait until the chair "
        "calls them. A closed list still takes points of order and rights of reply. Every change "
        "can be undone with Ctrl+Z.</p>"
        "<p>On the projector window: F11 switches full screen on and off, Escape leaves it. "
        "The screen it opens on is remembered.</p>"
        "<p>The speaking-time keys work while the Speakers page has the keyboard focus; the "
        "projector keys work anywhere in the main window.</p>"
    )


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        label = QLabel(shortcuts_html())
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)  # long notes wrap instead of widening the dialog off screen
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        width = min(WIDTH, screen.width() - 40)
        height = label.heightForWidth(width - 40) + buttons.sizeHint().height() + 60
        self.resize(width, min(height, screen.height() - 60))
