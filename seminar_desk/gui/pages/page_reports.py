"""Placeholder for report exports (issue 6); replaced by the page that issue builds."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec


class PlaceholderPage(Page):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        label = QLabel("Not built yet: report exports (issue 6).")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)


SPEC = PageSpec(order=60, title="Reports", factory=PlaceholderPage)
