"""The Speakers page's 'Projector' box: open the projector on a screen, show a message, the
clock or the speakers, and say what the room sees now."""

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from seminar_desk.gui.speakers.controller import ProjectorMode, SpeakersController
from seminar_desk.gui.speakers.projector import ProjectorWindow, pick_screen, saved_screen_name
from seminar_desk.gui.widgets.wrapping_label import WrappingLabel


class ProjectorPanel(QGroupBox):
    """Owns the projector window (made on first use, a child of `window`).

    `button(name, text, slot)` makes a button with its shortcut (the page's); `show_help` opens
    the keyboard help.
    """

    def __init__(
        self,
        controller: SpeakersController,
        window: QWidget | None,
        button: Callable[[str, str, object], QPushButton],
        show_help: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Projector", parent)
        self.controller = controller
        self._window = window
        self.projector: ProjectorWindow | None = None
        self.screen_box = QComboBox()
        self.screen_box.setObjectName("screen")
        self.message_edit = QLineEdit()
        self.message_edit.setPlaceholderText("Coffee break until 10:45")
        self.message_edit.returnPressed.connect(self.show_message)
        form = QFormLayout(self)
        form.addRow(button("projector", "Open projector", self.toggle_projector))
        form.addRow("Screen", self.screen_box)
        form.addRow("Message", self.message_edit)
        buttons = QGridLayout()
        buttons.addWidget(QPushButton("Show message", clicked=self.show_message), 0, 0)
        buttons.addWidget(button("clock", "Clock only", self.toggle_clock), 0, 1)
        buttons.addWidget(QPushButton("Speakers", clicked=self.show_speakers), 1, 0)
        form.addRow(buttons)
        self.state = WrappingLabel()  # "Showing message “…”" is longer than the box
        form.addRow(self.state)
        form.addRow(button("help", "Keyboard shortcuts", show_help))
        self.screen_box.currentIndexChanged.connect(self._screen_chosen)
        self.setMaximumWidth(300)
        controller.projector_changed.connect(self.update_state)

    def load_screens(self) -> None:
        self.screen_box.blockSignals(True)
        self.screen_box.clear()
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            label = screen.name() or screen.model() or f"Screen {self.screen_box.count() + 1}"
            self.screen_box.addItem(f"{label} ({size.width()}×{size.height()})", screen.name())
        chosen = pick_screen(saved_screen_name())
        if chosen is not None:
            self.screen_box.setCurrentIndex(max(0, self.screen_box.findData(chosen.name())))
        self.screen_box.blockSignals(False)

    def open_projector(self, *, full_screen: bool = True) -> ProjectorWindow:
        if self.projector is None:
            self.projector = ProjectorWindow(self.controller, self._window)
            self.destroyed.connect(self.projector.deleteLater)
        screen = pick_screen(str(self.screen_box.currentData() or saved_screen_name()))
        self.projector.show_on(screen, full_screen=full_screen)
        self.update_state()
        return self.projector

    def close_projector(self) -> None:
        if self.projector is not None:
            self.projector.close()
        self.update_state()

    def toggle_projector(self) -> None:
        if self.projector is not None and self.projector.isVisible():
            self.close_projector()
        else:
            self.open_projector()

    def _screen_chosen(self, _index: int) -> None:
        if self.projector is not None and self.projector.isVisible():
            self.open_projector()

    def show_message(self) -> None:
        self.controller.set_projector(ProjectorMode.MESSAGE, self.message_edit.text().strip())

    def toggle_clock(self) -> None:
        mode = (
            ProjectorMode.SPEAKERS
            if self.controller.mode == ProjectorMode.CLOCK
            else ProjectorMode.CLOCK
        )
        self.controller.set_projector(mode)

    def show_speakers(self) -> None:
        self.controller.set_projector(ProjectorMode.SPEAKERS)

    def update_state(self) -> None:
        shown = self.projector is not None and self.projector.isVisible()
        what = {
            ProjectorMode.SPEAKERS: "speakers and countdown",
            ProjectorMode.MESSAGE: f"message “{self.controller.message}”",
            ProjectorMode.CLOCK: "the clock",
        }[self.controller.mode]
        self.state.setText(f"{'Showing' if shown else 'Closed; shows'} {what}")
        self.state.setToolTip(self.state.text())
