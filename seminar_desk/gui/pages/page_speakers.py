"""Placeholder for the list of speakers (issue 4); replaced by the page that issue builds."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from seminar_desk.gui.context import DeskContext
from seminar_desk.gui.pages.base import Page, PageSpec


class PlaceholderPage(Page):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__(ctx)
        label = QLabel("Not built yet: the list of speakers (issue 4).")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)


SPEC = PageSpec(order=30, title="Speakers", factory=PlaceholderPage)
