"""The projector window: the current speaker and the countdown, readable from the back row.

A second top-level window that follows the main window's Speakers controller. Everything is
sized from the window's height, so it fills any screen; white and amber on black for contrast.
Only labels whose text changes are touched, so a running countdown repaints one label a second.
"""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from seminar_desk.gui.speakers.controller import (
    PHASE_COLOURS,
    CountdownTicker,
    ProjectorMode,
    SpeakersController,
)
from seminar_desk.services.speakers import ListSnapshot, SpeakerRow

SCREEN_KEY = "projector/screen"
BACKGROUND = QColor("#000000")
FOREGROUND = QColor("#FFFFFF")
DIM = QColor("#B8C4D0")
UPCOMING = 3


def saved_screen_name() -> str:
    return str(QSettings().value(SCREEN_KEY, "") or "")


def save_screen_name(name: str) -> None:
    QSettings().setValue(SCREEN_KEY, name)


def pick_screen(name: str) -> QScreen | None:
    """The remembered screen if it is connected, else a screen other than the laptop's own."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if screen.name() == name:
            return screen
    primary = QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not primary]
    return others[0] if others else primary


class _Label(QLabel):
    """A plain-text label that ignores being given the text it already shows."""

    def __init__(self, colour: QColor = FOREGROUND, *, wrap: bool = False) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(wrap)
        self.set_colour(colour)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_colour(self, colour: QColor) -> None:
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) != colour:
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)

    def show_text(self, text: str) -> None:
        if self.text() != text:
            self.setText(text)


class ProjectorWindow(QWidget):
    """Seminar title, item, speaker, countdown, next speakers, clock; or a message, or the clock."""

    def __init__(self, controller: SpeakersController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector")
        self.setWindowTitle("Seminar Desk — projector")
        self.controller = controller
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, BACKGROUND)
        palette.setColor(QPalette.ColorRole.WindowText, FOREGROUND)
        self.setPalette(palette)
        self.setAutoFillBackground(True)

        self.seminar = _Label(DIM)
        self.clock = _Label(FOREGROUND)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.seminar, 3)
        top.addWidget(self.clock, 1)
        self.item = _Label(DIM, wrap=True)
        self.speaker = _Label(FOREGROUND, wrap=True)
        self.delegation = _Label(FOREGROUND, wrap=True)
        self.capacity = _Label(DIM, wrap=True)
        self.countdown = _Label(FOREGROUND)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_title = _Label(DIM)
        self.next_lines = [_Label(FOREGROUND) for _ in range(UPCOMING)]
        self.message = _Label(FOREGROUND, wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.big_clock = _Label(FOREGROUND)
        self.big_clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.speaker, self.delegation, self.capacity):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.item)
        layout.addStretch(1)
        layout.addWidget(self.speaker)
        layout.addWidget(self.delegation)
        layout.addWidget(self.capacity)
        layout.addWidget(self.countdown, 2)
        layout.addWidget(self.message, 3)
        layout.addWidget(self.big_clock, 3)
        layout.addStretch(1)
        layout.addWidget(self.next_title)
        for line in self.next_lines:
            layout.addWidget(line)
        self._speaker_widgets: list[QWidget] = [
            self.item,
            self.speaker,
            self.delegation,
            self.capacity,
            self.countdown,
            self.next_title,
            *self.next_lines,
        ]

        self.ticker = CountdownTicker(controller, self)
        self.ticker.countdown_changed.connect(self._on_countdown)
        self.ticker.clock_changed.connect(self._on_clock)
        controller.snapshot_changed.connect(self._on_snapshot)
        controller.projector_changed.connect(self._apply_mode)
        self.resize(1280, 720)
        self._on_snapshot(controller.snapshot)
        self._apply_mode()
        self.ticker.start()

    # -- following the controller -------------------------------------------------------------

    def _on_snapshot(self, snap: ListSnapshot | None) -> None:
        self.seminar.show_text(snap.seminar_title if snap else "")
        self.item.show_text(snap.item_title if snap else "")
        current = snap.current if snap else None
        if current is None:
            self.speaker.show_text("")
            self.delegation.show_text("")
            self.capacity.show_text("The floor is open" if snap and snap.waiting else "")
        else:
            self.speaker.show_text(current.title)
            self.delegation.show_text(current.delegation if current.name else "")
            self.capacity.show_text(self._capacity_line(current))
        upcoming = list(snap.waiting[:UPCOMING]) if snap else []
        self.next_title.show_text("Next speakers" if upcoming else "")
        for i, line in enumerate(self.next_lines):
            if i < len(upcoming):
                row = upcoming[i]
                text = row.title + (f" ({row.delegation_code})" if row.name else "")
                if row.speech_type != "statement":
                    text += f" · {row.speech_label}"
                line.show_text(f"{i + 1}.  {text}")
            else:
                line.show_text("")

    @staticmethod
    def _capacity_line(row: SpeakerRow) -> str:
        parts = [row.capacity_text]
        if row.speech_type != "statement":
            parts.append(row.speech_label)
        return " · ".join(parts)

    def _on_countdown(self, text: str, phase: str) -> None:
        self.countdown.set_colour(QColor(PHASE_COLOURS.get(phase, "#FFFFFF")))
        self.countdown.show_text(text)

    def _on_clock(self, text: str) -> None:
        self.clock.show_text(text)
        self.big_clock.show_text(text)

    def _apply_mode(self) -> None:
        mode = self.controller.mode
        for widget in self._speaker_widgets:
            widget.setVisible(mode == ProjectorMode.SPEAKERS)
        self.message.setVisible(mode == ProjectorMode.MESSAGE)
        self.message.show_text(self.controller.message)
        self.big_clock.setVisible(mode in (ProjectorMode.CLOCK, ProjectorMode.MESSAGE))
        self.clock.setVisible(mode == ProjectorMode.SPEAKERS)

    # -- scaling --------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._scale(event.size().height(), event.size().width())

    def _scale(self, height: int, width: int) -> None:
        unit = max(6, min(height / 36, width / 60))
        sizes = (
            (self.seminar, 1.4, False),
            (self.clock, 1.8, True),
            (self.item, 1.6, False),
            (self.speaker, 3.6, True),
            (self.delegation, 2.4, False),
            (self.capacity, 1.7, False),
            (self.countdown, 9.0, True),
            (self.next_title, 1.3, False),
            (self.message, 3.4, True),
            (self.big_clock, 10.0, True),
            *((line, 1.6, False) for line in self.next_lines),
        )
        for label, factor, bold in sizes:
            font = QFont(label.font())
            font.setPixelSize(max(8, int(unit * factor)))
            font.setBold(bold)
            if label is self.countdown or label is self.big_clock or label is self.clock:
                font.setStyleHint(QFont.StyleHint.Monospace)
                font.setFixedPitch(True)
            label.setFont(font)
        margin = int(unit * 1.5)
        self.layout().setContentsMargins(margin, margin, margin, margin)

    # -- showing --------------------------------------------------------------------------------

    def show_on(self, screen: QScreen | None, *, full_screen: bool = True) -> None:
        """Show on `screen` (remembered for next time), full screen unless told otherwise."""
        if screen is not None:
            save_screen_name(screen.name())
            self.setScreen(screen)
            self.setGeometry(screen.availableGeometry())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.ticker.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """F11 toggles full screen; Escape leaves it (the facilitator may click here by mistake)."""
        if event.key() == Qt.Key.Key_F11 and self.isFullScreen():
            self.showNormal()
        elif event.key() == Qt.Key.Key_F11:
            self.showFullScreen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.ticker.stop()
        super().closeEvent(event)
