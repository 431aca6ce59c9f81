"""The text of one note section as typed: plain text where Enter after "- item" goes on
with the list, and a focus-out the editor saves on."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class SectionEdit(QPlainTextEdit):
    """Plain text with simple lists: Enter after "- item" starts the next "- "."""

    focus_lost = Signal()

    def __init__(self, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"note_{section}")
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            line = self.textCursor().block().text()
            for bullet in ("- ", "* ", "• "):
                if line.startswith(bullet):
                    if line.strip() == bullet.strip():  # empty bullet ends the list
                        cursor = self.textCursor()
                        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
                        cursor.movePosition(
                            QTextCursor.MoveOperation.EndOfBlock,
                            QTextCursor.MoveMode.KeepAnchor,
                        )
                        cursor.removeSelectedText()
                        return
                    super().keyPressEvent(event)
                    self.insertPlainText(bullet)
                    return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self.focus_lost.emit()
        super().focusOutEvent(event)
