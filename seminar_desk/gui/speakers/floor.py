"""'The floor' on the Speakers page: who speaks, in what capacity, the countdown in the
projector's colours, and the buttons that run the floor (each with its shortcut)."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from seminar_desk.gui.speakers.controller import PHASE_COLOURS
from seminar_desk.gui.speakers.models import limit_text
from seminar_desk.services.speakers.rows import ListSnapshot


class FloorPanel(QGroupBox):
    """The speech in progress and its countdown; `buttons` are (name, text, slot) made with
    `button` (the page's, which also binds the shortcut)."""

    def __init__(
        self,
        button: Callable[[str, str, object], QPushButton],
        buttons: tuple[tuple[str, str, object], ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("The floor", parent)
        self.now_name = QLabel()
        self.now_name.setObjectName("now_name")
        self.now_name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.now_name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.now_name.setFont(font)
        self.now_detail = QLabel()
        self.now_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setMinimumWidth(170)
        font = self.countdown.font()
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.countdown.setFont(font)
        self.phase = ""
        self._style_countdown("")
        layout = QGridLayout(self)
        layout.addWidget(self.now_name, 0, 0)
        layout.addWidget(self.now_detail, 1, 0)
        layout.addWidget(self.countdown, 0, 1, 2, 1)
        row = QHBoxLayout()
        for name, text, slot in buttons:
            row.addWidget(button(name, text, slot))
        row.addStretch(1)
        layout.addLayout(row, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    def show_snapshot(self, snap: ListSnapshot | None) -> None:
        if snap is None:
            self.now_name.setText("No agenda item")
            self.now_detail.clear()
            return
        current = snap.current
        if current is None:
            self.now_name.setText("Nobody has the floor")
            self.now_detail.setText(
                "F5 gives the floor to the next speaker."
                if snap.waiting
                else "Add speakers below (Ctrl+L)."
            )
            return
        self.now_name.setText(current.title)
        detail = [
            current.delegation if current.name else "",
            current.capacity_text,
            current.speech_label,
            f"limit {limit_text(current.limit_s)}",
        ]
        if current.status == "paused":
            detail.insert(0, "PAUSED")
        self.now_detail.setText(" · ".join(d for d in detail if d))

    def show_countdown(self, text: str, phase: str) -> None:
        if phase != self.phase:
            self.phase = phase
            self._style_countdown(phase)
        self.countdown.setText(text or "–")

    def _style_countdown(self, phase: str) -> None:
        colour = PHASE_COLOURS.get(phase, "#FFFFFF")
        self.countdown.setStyleSheet(
            f"QLabel {{ background: #111; color: {colour}; border-radius: 8px; padding: 6px; }}"
        )
