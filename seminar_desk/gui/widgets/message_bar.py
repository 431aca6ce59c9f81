"""A line in the window that says why a live key did nothing, without taking the keyboard.

During a session the chair runs the meeting by keys (F5-F9) with the projector on show: a modal
box would take the keyboard and cover the controls until dismissed. The bar never takes the
focus, is plain text (names typed by users are never markup), is announced to screen readers,
and goes away on the next action (`MainWindow` hides it on every change), after `SHOWN_MS`, or
when its × is clicked. `gui/runner.py` puts refusals of live keys here (`runner.live`).

It floats over the bottom right corner of its host (the window's page area) instead of taking
a place in a layout: a bar that pushed the page down would make the list of speakers and the
agenda jump under the chair's eyes during a live session. Floating, it must not hide a control
either (the bar often names the one to press next, e.g. "Reopen list"): it narrows to the right
of the page's buttons and fields in that corner, or rises above them if that leaves too little.
"""

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

SHOWN_MS = 12_000  # long enough to read twice, short enough not to be stale
MARGIN = 8  # from the host's edges
WIDTH_SHARE = 0.55  # of the host's width at most: the rest of the page's bottom stays in view
MIN_WIDTH = 260  # narrower than this, the bar rises above the controls instead
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)  # what it must not hide


class MessageBar(QFrame):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        host.installEventFilter(self)  # follows the host's size
        self.setObjectName("messageBar")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#messageBar { background: #fdf2d0; border: 1px solid #d4ac0d; border-radius: 3px; }"
        )
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setToolTip("Hide this message")
        close.setAccessibleName("Hide this message")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dismiss)
        self.hide()

    def say(self, text: str) -> None:
        """Show `text` (replacing what was said) and announce it; the focus stays where it is."""
        self.label.setText(text)
        self.setAccessibleName("Message")
        self.setAccessibleDescription(text)
        self._place()
        self.show()
        self.raise_()  # above the page, which never moves for it
        self.timer.start(SHOWN_MS)
        announcement = QAccessibleAnnouncementEvent(self.label, text)
        announcement.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(announcement)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.isHidden():
            self._place()
        return False

    def _place(self) -> None:
        """Bottom right of the host, as wide as the text needs (wrapped beyond a share), clear
        of the controls on show there."""
        host = self.parentWidget()
        if host is None:
            return
        margins = self.layout().contentsMargins()
        chrome = margins.left() + margins.right() + self.layout().spacing() + 32  # the ×
        wanted = self.label.fontMetrics().horizontalAdvance(self.label.text()) + chrome + 4
        right = host.width() - MARGIN
        width = max(120, min(wanted, int(host.width() * WIDTH_SHARE)))
        bottom = host.height() - MARGIN
        controls = self._controls(host)
        for _ in range(len(controls) + 1):  # each step clears at least one control
            place = self._rect(right, bottom, width)
            hidden = [c for c in controls if c.intersects(place)]
            if not hidden:
                break
            narrower = right - max(c.right() for c in hidden) - MARGIN
            if narrower >= min(MIN_WIDTH, width):
                width = min(width, narrower)
            else:
                bottom = min(c.top() for c in hidden) - MARGIN
        self.setGeometry(place)

    def _rect(self, right: int, bottom: int, width: int) -> QRect:
        height = self.heightForWidth(width)
        if height <= 0:
            height = self.sizeHint().height()
        return QRect(right - width, max(0, bottom - height), width, height)

    def _controls(self, host: QWidget) -> list[QRect]:
        """Where the host's visible buttons and fields are, in the host's coordinates."""
        rects: list[QRect] = []
        for widget in host.findChildren(QWidget):
            if not isinstance(widget, CONTROLS) or not widget.isVisible():
                continue
            if widget is self or self.isAncestorOf(widget):
                continue
            seen = widget.visibleRegion().boundingRect()  # clipped by scroll areas
            if not seen.isEmpty():
                rects.append(seen.translated(widget.mapTo(host, seen.topLeft()) - seen.topLeft()))
        return rects

    def text(self) -> str:
        """What the bar says now ("" while hidden)."""
        return "" if self.isHidden() else self.label.text()

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()
