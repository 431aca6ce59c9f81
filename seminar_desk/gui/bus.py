"""Carries the services' change notifications into Qt as a signal."""

from PySide6.QtCore import QObject, Signal

from seminar_desk.domain.changes import OpChanges
from seminar_desk.services.desk import Desk


class ChangeBus(QObject):
    """Re-emits every OpChanges of a Desk; views connect to `changed` and check `touches`."""

    changed = Signal(object)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = desk.subscribe(self._on_change)

    def _on_change(self, changes: OpChanges) -> None:
        self.changed.emit(changes)

    def detach(self) -> None:
        self._unsubscribe()
