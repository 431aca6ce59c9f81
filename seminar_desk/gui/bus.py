"""Carries the services' change notifications into Qt as a signal, and on a server seminar
what other laptops change too (their announcements arrive in a listener thread and are
queued to this object's thread before any view hears of them)."""

from PySide6.QtCore import QObject, Signal, Slot

from seminar_desk.domain.changes import OpChanges
from seminar_desk.services.desk import Desk


class ChangeBus(QObject):
    """Re-emits every OpChanges of a Desk; views connect to `changed` and check `touches`.

    `link_changed(bool)` says when the connection to a server seminar is lost and back.
    """

    changed = Signal(object)
    link_changed = Signal(bool)
    _heard = Signal(str)  # from the listener thread: queued to the bus's thread

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._unsubscribe = desk.subscribe(self._on_change)
        self._heard.connect(self._on_heard)
        self._lost = False
        self.link_changed.connect(self._on_link)
        self._stop_following = desk.follow_others(self._heard.emit, self.link_changed.emit)

    def _on_change(self, changes: OpChanges) -> None:
        self.changed.emit(changes)

    @Slot(str)
    def _on_heard(self, payload: str) -> None:
        self.desk.receive(payload)

    @Slot(bool)
    def _on_link(self, up: bool) -> None:
        if up and self._lost:  # changes made elsewhere while we could not hear them
            self.desk.resync()
        self._lost = not up

    def detach(self) -> None:
        self._unsubscribe()
        if self._stop_following is not None:
            self._stop_following()
            self._stop_following = None
