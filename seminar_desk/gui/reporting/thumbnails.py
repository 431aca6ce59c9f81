"""The Reports page's preview: the first pages of the current choice, as large as the room
beside the choices allows.

Each page is as large as fits the visible area whole (width and height), so the first page
can be read at a glance on a laptop and on a wide screen alike; when the area is wider than
one page, the next pages stand beside it, and the rest are a scroll away. The pictures are
rendered large on the worker (services.reporting.thumbnails) and scaled here on resize.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QWidget

from seminar_desk.services.reporting.thumbnails import Thumbnail

GAP = 8  # pixels between pages and around them
MIN_PAGE_W = 120  # narrower than this, pages scroll sideways rather than shrink further


class ThumbnailStrip(QScrollArea):
    """The first pages of the current choice, scaled to fill the area (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("thumbnails")
        self.setWidgetResizable(True)
        self.setMinimumWidth(240)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        host = QWidget()
        self.grid = QGridLayout(host)
        self.grid.setContentsMargins(GAP, GAP, GAP, GAP)
        self.grid.setSpacing(GAP)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(host)
        self.labels: list[QLabel] = []
        self._images: list[QImage] = []
        self._fitted: tuple[int, int, int] | None = None  # (page width, columns, pages)

    def show_pages(self, pictures: list[Thumbnail], total: int) -> None:
        for label in self.labels:
            self.grid.removeWidget(label)
            label.deleteLater()
        self.labels = []
        self._images = []
        self._fitted = None
        for picture in pictures:
            image = QImage(
                picture.rgb,
                picture.width,
                picture.height,
                picture.stride,
                QImage.Format.Format_RGB888,
            ).copy()  # the bytes belong to the worker's result
            label = QLabel()
            label.setFrameShape(QFrame.Shape.Box)
            label.setToolTip(f"Page {picture.page} of {total}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.labels.append(label)
            self._images.append(image)
        self.fit()

    def page_width(self) -> int:
        """The width at which one whole page fits the visible area (not below MIN_PAGE_W)."""
        if not self._images:
            return 0
        first = self._images[0]
        room_w, room_h = self._room()
        room_w -= 2  # the frame of each picture
        room_h -= 2
        tall = first.height() / max(first.width(), 1)
        return max(MIN_PAGE_W, int(min(room_w, room_h / tall)))

    def _room(self) -> tuple[int, int]:
        """The area's inner size, less a vertical scroll bar whether shown or not (so the
        bar coming and going cannot make the pages grow and shrink in turn)."""
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        return self.width() - frame - bar - 2 * GAP, self.height() - frame - 2 * GAP

    def fit(self) -> None:
        """Scale the pages to the area and place as many side by side as fit its width."""
        width = self.page_width()
        if not width:
            return
        room_w, _ = self._room()
        columns = max(1, (room_w + GAP) // (width + 2 + GAP))
        if self._fitted == (width, columns, len(self.labels)):
            return
        self._fitted = (width, columns, len(self.labels))
        for n, (label, image) in enumerate(zip(self.labels, self._images, strict=True)):
            scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(QPixmap.fromImage(scaled))
            self.grid.removeWidget(label)
            self.grid.addWidget(label, n // columns, n % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit()
