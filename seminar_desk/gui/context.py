"""Everything a page needs about the open file: the desk, its services and the change bus."""

from dataclasses import dataclass
from functools import cached_property

from PySide6.QtWidgets import QWidget

from seminar_desk.gui.bus import ChangeBus
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService


@dataclass
class DeskContext:
    desk: Desk
    bus: ChangeBus
    window: QWidget | None = None

    @cached_property
    def seminar(self) -> SeminarService:
        return SeminarService(self.desk)
