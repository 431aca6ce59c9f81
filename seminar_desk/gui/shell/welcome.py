"""First start without a file: offer a new seminar or the demo.

Centred with stretches and a style property rather than Qt.AlignmentFlag: the first use of the
`Qt` namespace builds all its enums (~40 ms), which would delay the first window on screen.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    new_requested = Signal()
    demo_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel("<h1>Seminar Desk</h1>")
        title.setStyleSheet("qproperty-alignment: AlignCenter;")
        blurb = QLabel(
            "Plan the agenda, run the list of speakers, keep the rapporteurs' notes and\n"
            "export the reports of a seminar, all offline in one file."
        )
        blurb.setStyleSheet("qproperty-alignment: AlignCenter;")
        layout.addWidget(title)
        layout.addWidget(blurb)
        for text, signal, name in (
            ("New seminar…", self.new_requested, "newButton"),
            ("Open the demo seminar", self.demo_requested, "demoButton"),
            ("Open a seminar file…", self.open_requested, "openButton"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setMinimumWidth(320)
            button.setMinimumHeight(40)
            button.clicked.connect(signal.emit)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)
