"""A word-wrapped plain-text label that does not make a scroll area scroll.

A wrapped QLabel asks its layout for height-for-width; inside a resizable QScrollArea that makes
the whole page as tall as every widget's preferred height, and the page scrolls for nothing.
This label keeps a plain minimum height instead, the height of its text at its current width.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappingLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return False

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setText(text)
        self._follow_width()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._follow_width()

    def _follow_width(self) -> None:
        height = self.heightForWidth(max(1, self.width()))
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)
