"""The bar that shows a note saved meanwhile on another laptop (a server seminar).

The typed text stays in the editor, unsaved; the bar shows theirs and lets the person keep
both (theirs below), keep theirs only, or save theirs over with their own text.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from seminar_desk.services.notes.service import NoteConflict


class ConflictBar(QFrame):
    """Hidden until a save meets a conflict; `choose(keep)` gets "both", "mine" or "theirs"."""

    def __init__(self, choose: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note-conflict")
        self.setStyleSheet(
            "#note-conflict { background: #fff4e5; border: 1px solid #d48806; border-radius: 4px; }"
        )
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.theirs = QLabel()
        self.theirs.setTextFormat(Qt.TextFormat.PlainText)
        self.theirs.setWordWrap(True)
        self.theirs.setStyleSheet("color: #5c3c00;")
        self.both = QPushButton("Keep both")
        self.mine = QPushButton("Keep mine")
        self.take = QPushButton("Take theirs")
        self.both.clicked.connect(lambda: choose("both"))
        self.mine.clicked.connect(lambda: choose("mine"))
        self.take.clicked.connect(lambda: choose("theirs"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.both, self.mine, self.take):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.theirs)
        layout.addLayout(buttons)
        self.hide()

    def show_conflict(self, section: str, conflict: NoteConflict) -> None:
        who = f" by {conflict.author}" if conflict.author else ""
        label = section.replace("_", " ").capitalize()
        self.message.setText(f"{label}: {conflict}")
        excerpt = conflict.theirs if len(conflict.theirs) <= 400 else conflict.theirs[:400] + "…"
        self.theirs.setText(f"Saved meanwhile{who}:\n{excerpt}")
        self.show()
