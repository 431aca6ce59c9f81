"""Progress and Cancel of an agenda import that runs on a worker thread (hidden otherwise)."""

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class ImportBar(QWidget):
    """Shows how far an import got; Cancel sets the event the import checks between items."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.label = QLabel(objectName="importStatus")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(objectName="importProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel import", objectName="importCancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def begin(self, text: str) -> threading.Event:
        """Show the bar for a new import; returns the event Cancel will set."""
        self.cancel_event = threading.Event()
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.label.setText(text)
        self.show()
        return self.cancel_event

    def step(self, fraction: float, text: str) -> None:
        if self.isVisible():
            self.progress.setValue(int(fraction * 1000))
            self.label.setText(text)

    def cancel(self) -> None:
        self.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling…")

    def end(self) -> None:
        self.hide()
