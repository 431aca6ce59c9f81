"""The Speakers keyboard shortcuts: one table drives both the actions and the help dialog."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

# (name, key, what it does). The page looks keys up by name, so the help cannot go stale.
SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("add", "Ctrl+L", "Add a speaker: type part of a name or delegation, then Enter"),
    (
        "type",
        "Alt+1 … Alt+5",
        "Speech type: statement, point of order, right of reply, question, report-back",
    ),
    ("next", "F5", "Next speaker (finishes the speech in progress)"),
    ("pause", "F6", "Pause or resume the speech"),
    ("finish", "F7", "Finish the speech"),
    ("put_back", "F8", "Put back the last speaker at the head of the list"),
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
    ("help", "F1", "These shortcuts"),
)
KEYS = {name: key for name, key, _ in SHORTCUTS}


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td style='padding-right:18px'><b>{key}</b></td><td>{text}</td></tr>"
        for _, key, text in SHORTCUTS
    )
    return (
        "<h3>List of speakers: keyboard</h3><table>" + rows + "</table>"
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
        self.setWindowTitle("Speakers — keyboard shortcuts")
        label = QLabel(shortcuts_html())
        label.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
