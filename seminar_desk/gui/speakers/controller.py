"""One place that knows the list on show: the Speakers page and the projector both follow it.

The controller listens to the file's changes itself and keeps the selected item's snapshot fresh
after every action, undo and redo, and follows the agenda: when an item that takes speakers is
started, its list comes on show (and on the projector); on opening a file it shows the live
item. It owns the one `CountdownTicker`, which turns the snapshot's timer into text and a colour
phase for the page, its preview and the projector alike. The ticker runs while someone holds it
(the page on show, an open projector) and wakes only when the shown second changes (or the wall
clock's minute), never counting ticks itself.
"""

import math
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.refusal import Gone
from seminar_desk.domain.speakers.speaking_time import TimerPhase
from seminar_desk.domain.zone import seminar_zone
from seminar_desk.gui.bus import ChangeBus
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService
from seminar_desk.services.speakers.rows import ListSnapshot
from seminar_desk.services.speakers.service import SpeakersService

WATCHED = (Area.SPEAKERS, Area.AGENDA, Area.PARTICIPANTS, Area.SEMINAR)
# Bounds of the ticker's sleep: at most a few wake-ups a second, at least one a second.
MIN_WAIT_MS = 40
MAX_WAIT_MS = 1000


class ProjectorMode(StrEnum):
    SPEAKERS = "speakers"
    MESSAGE = "message"
    CLOCK = "clock"


class SpeakersController(QObject):
    """The item whose list is on show, its latest snapshot, and what the projector shows."""

    snapshot_changed = Signal(object)
    projector_changed = Signal()

    def __init__(
        self, desk: Desk, parent: QObject | None = None, *, bus: ChangeBus | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.service = SpeakersService(desk)
        self.item_id: str | None = None
        self.snapshot: ListSnapshot | None = None
        self.mode = ProjectorMode.SPEAKERS
        self.message = ""
        self.zone = self._zone()
        self.live_id = self.service.live_item_id()
        self.item_id = self.live_id or self._default_item()
        self.refresh()
        self.ticker = CountdownTicker(self, self)
        if bus is not None:
            bus.changed.connect(self.on_changes)

    def _default_item(self) -> str | None:
        items = self.service.items()
        tour = [i for i in items if i.kind == ItemKind.TOUR_DE_TABLE]
        return (tour or items)[0].id if items else None

    def _zone(self) -> ZoneInfo:
        """The seminar's zone as the agenda and the reports use it (UTC for a name this system
        does not know), so the clock and the times of the history agree with them."""
        details = SeminarService(self.desk).details()
        return seminar_zone(details.timezone if details else None)

    def set_item(self, item_id: str | None) -> None:
        if item_id != self.item_id:
            self.item_id = item_id
            self.refresh()

    def refresh(self) -> None:
        snap = None
        if self.item_id is not None:
            try:
                snap = self.service.snapshot(self.item_id)
            except Gone:  # deleted meanwhile (another window, an undo): show another
                self.item_id = self._default_item()
                snap = self.service.snapshot(self.item_id) if self.item_id else None
        self.snapshot = snap
        self.snapshot_changed.emit(snap)

    def on_changes(self, changes: OpChanges) -> None:
        if changes.touches(Area.SEMINAR):
            self.zone = self._zone()
        if changes.touches(Area.AGENDA):
            self._follow_agenda()
        if changes.touches(*WATCHED):
            self.refresh()

    def _follow_agenda(self) -> None:
        """Show the item that has just gone live (started, or live again after an undo)."""
        live = self.service.live_item_id()
        if live != self.live_id:
            self.live_id = live
            if live is not None:
                self.item_id = live

    def set_projector(self, mode: ProjectorMode, message: str | None = None) -> None:
        self.mode = mode
        if message is not None:
            self.message = message
        self.projector_changed.emit()

    def local_now(self) -> datetime:
        now = self.desk.clock.now()
        return now.astimezone(self.zone)


class CountdownTicker(QObject):
    """Emits the countdown's text and phase, and the clock's text, only when they change.

    It runs while at least one holder (the page on show, an open projector) holds it.
    """

    countdown_changed = Signal(str, str)
    clock_changed = Signal(str)

    def __init__(self, controller: SpeakersController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.text = ""
        self.phase = ""
        self.clock = ""
        self.wakeups = 0
        self.active = False
        self._holders: set[object] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)
        controller.snapshot_changed.connect(self._on_snapshot)

    def _on_snapshot(self, _snap: object) -> None:
        if self.active:
            self.tick()

    def hold(self, holder: object) -> None:
        """Run (and tick now) while `holder` needs the countdown."""
        self._holders.add(holder)
        self.active = True
        self.tick()

    def release(self, holder: object) -> None:
        """`holder` no longer needs it; the ticker stops when nobody does."""
        self._holders.discard(holder)
        if not self._holders:
            self.active = False
            self._timer.stop()

    def tick(self) -> None:
        self.wakeups += 1
        mono = self.controller.desk.clock.monotonic()
        snap = self.controller.snapshot
        timer = snap.timer if snap is not None else None
        if timer is None:
            text, phase, wait = "", "", math.inf
        else:
            text, phase = timer.text(mono), timer.phase(mono).value
            wait = timer.next_change(mono)
        if (text, phase) != (self.text, self.phase):
            self.text, self.phase = text, phase
            self.countdown_changed.emit(text, phase)
        now = self.controller.local_now()
        clock = now.strftime("%H:%M")
        if clock != self.clock:
            self.clock = clock
            self.clock_changed.emit(clock)
        wait = min(wait, 60.0 - now.second - now.microsecond / 1e6)
        ms = int(wait * 1000) + 15  # just past the change, so it has happened
        if self.active:
            self._timer.start(max(MIN_WAIT_MS, min(MAX_WAIT_MS, ms)))


PHASE_COLOURS = {
    TimerPhase.NORMAL.value: "#FFFFFF",
    TimerPhase.STOPWATCH.value: "#FFFFFF",
    TimerPhase.WARNING.value: "#FFB000",
    TimerPhase.OVERTIME.value: "#FF3B30",
    "": "#FFFFFF",
}
