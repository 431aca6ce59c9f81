"""A small live copy of the projector on the Speakers page.

On a laptop with one screen, the projector window would cover the main window; the preview shows
what the room sees (the same view, texts and colours, at 16:9) beside the list instead. It follows
the controller's one countdown ticker, so it adds no timer wake-ups, and it can be folded away (the
choice is remembered).
"""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from seminar_desk.gui.settings import UiSettings
from seminar_desk.gui.speakers.controller import SpeakersController
from seminar_desk.gui.speakers.projector import ProjectorView

# Fonts below this size are elided rather than shrunk further: past it, nothing is readable.
PREVIEW_MIN_PX = 7


class _SixteenByNine(ProjectorView):
    """The projector view, as high as nine sixteenths of its width.

    A fixed height kept in step with the width, not height-for-width: the page sits in a
    scroll area, which would then grow the page to its preferred height and scroll for nothing.
    """

    def __init__(self, controller: SpeakersController) -> None:
        super().__init__(controller, min_px=PREVIEW_MIN_PX)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(160)
        self.setFixedHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(288, 162)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        height = event.size().width() * 9 // 16
        if height != self.height():
            self.setFixedHeight(height)
        super().resizeEvent(event)


class ProjectorPreview(QWidget):
    """'Projector preview' with a fold button, and the live view under it."""

    def __init__(
        self,
        controller: SpeakersController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projector_preview")
        self.toggle = QToolButton()
        self.toggle.setObjectName("preview_toggle")
        self.toggle.setText("Projector preview")
        self.toggle.setToolTip("Show or hide what the projector shows")
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setCheckable(True)
        self.view = _SixteenByNine(controller)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.view)
        self.toggle.setChecked(UiSettings().preview_shown())
        self._show_view(self.toggle.isChecked())
        self.toggle.toggled.connect(self._toggled)

    def _toggled(self, shown: bool) -> None:
        UiSettings().save_preview_shown(shown)
        self._show_view(shown)

    def _show_view(self, shown: bool) -> None:
        self.view.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
