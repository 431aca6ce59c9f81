"""The Reports page's preview: the first pages of the current choice as small pictures."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from seminar_desk.services.reporting.thumbnails import Thumbnail


class ThumbnailStrip(QScrollArea):
    """The first pages of the current choice, as small pictures one under the other."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("thumbnails")
        self.setWidgetResizable(True)
        self.setMinimumWidth(240)
        host = QWidget()
        self.column = QVBoxLayout(host)
        self.column.addStretch(1)
        self.setWidget(host)
        self.labels: list[QLabel] = []

    def show_pages(self, pictures: list[Thumbnail], total: int) -> None:
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        for n, picture in enumerate(pictures):
            image = QImage(
                picture.rgb,
                picture.width,
                picture.height,
                picture.stride,
                QImage.Format.Format_RGB888,
            ).copy()  # the bytes belong to the worker's result
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QFrame.Shape.Box)
            label.setToolTip(f"Page {picture.page} of {total}")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.column.insertWidget(n, label)
            self.labels.append(label)
