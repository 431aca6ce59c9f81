"""The open seminar: one transaction per user action, undo/redo, and change notifications."""

import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from seminar_desk.domain.changes import Area, OpChanges
from seminar_desk.domain.clock import Clock, SystemClock
from seminar_desk.domain.refusal import Refusal
from seminar_desk.services.bundles.tracking import KnownHistories, track_bases
from seminar_desk.services.row_changes import (
    ChangeLog,
    Conflict,
    Key,
    Recorder,
    RowChange,
    areas_of,
    replay,
)
from seminar_desk.store.database import Database

Listener = Callable[[OpChanges], None]
ELSEWHERE = "another laptop"  # the origin of changes made by another laptop (no view of ours)
UNDO_LIMIT = 200


@dataclass
class UndoEntry:
    label: str
    rows: dict[Key, RowChange]
    areas: frozenset[Area]


@dataclass
class Action:
    """What a service sees inside `Desk.action`: the session, and afterwards the changes."""

    session: Session
    label: str
    changes: OpChanges = field(default_factory=OpChanges)
    # Bookkeeping rows the action wrote outside the ORM (a merge's `sync_record` histories)
    # that its undo step must put back with the rest: before and after images.
    also_undo: dict[Key, RowChange] = field(default_factory=dict)


class Desk:
    """A seminar file opened for work. Services take a Desk; views subscribe to its changes."""

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self._undo: list[UndoEntry] = []
        self._redo: list[UndoEntry] = []
        self._listeners: list[Listener] = []
        # Who this desk is, in the announcements other laptops hear (a server seminar).
        self.sender = uuid.uuid4().hex
        self.histories = KnownHistories()  # records with merge history (bundles/tracking.py)

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def action(
        self,
        label: str,
        *,
        origin: object | None = None,
        undoable: bool = True,
        keep_history: bool = False,
    ) -> Iterator[Action]:
        """One user action: commits on success, rolls back on error, then notifies listeners.

        An action that is not `undoable` (an import, the demo) clears the undo and redo
        history, as Anki does: the steps recorded before it could clash with what it wrote.
        `keep_history` is for autosaved typed text only, which no step can clash with because
        undo and redo restore only the columns their action changed.
        """
        if keep_history and undoable:
            raise ValueError("keep_history is for actions that are not undoable")
        with self.db.sessions() as session:
            recorder = Recorder(session, record_images=undoable)
            event.listen(session, "before_flush", track_bases)
            event.listen(session, "before_flush", recorder.before_flush)
            event.listen(session, "after_flush", recorder.after_flush)
            act = Action(session, label)
            if not self.db.kind.server:  # one writer: what it learnt stays true (tracking.py)
                self.histories.start(session)
            with session.begin():
                yield act
                session.flush()
                if touched := areas_of(recorder.log.rows):
                    self.db.kind.announce(session.connection(), self._payload(touched, label))
            self.histories.committed(session)
            log: ChangeLog = recorder.log
        # An undoable action knows which rows really changed; report only their areas.
        rows = log.effective() if undoable else log.rows
        areas = areas_of(rows)
        if undoable and rows:
            rows |= {k: c for k, c in act.also_undo.items() if c.before != c.after}
        act.changes = OpChanges(areas, label, origin)
        cleared = False
        if undoable and rows:
            self._undo.append(UndoEntry(label, rows, areas))
            del self._undo[:-UNDO_LIMIT]
            self._redo.clear()
        elif not undoable and not keep_history and rows:
            cleared = bool(self._undo or self._redo)
            self.clear_history()
        if not act.changes.empty or cleared:  # a cleared history changes the Edit menu
            self._notify(act.changes)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; nothing it does is committed."""
        with self.db.sessions() as session:
            yield session

    # -- undo / redo --------------------------------------------------------------------------

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def undo(self, origin: object | None = None) -> OpChanges:
        return self._step(self._undo, self._redo, forward=False, origin=origin)

    def redo(self, origin: object | None = None) -> OpChanges:
        return self._step(self._redo, self._undo, forward=True, origin=origin)

    def _step(
        self,
        source: list[UndoEntry],
        target: list[UndoEntry],
        *,
        forward: bool,
        origin: object | None,
    ) -> OpChanges:
        if not source:
            return OpChanges()
        entry = source[-1]
        verb = "Redo" if forward else "Undo"
        self.histories.forget()
        try:
            with self.db.engine.begin() as conn:
                rows = replay(conn, entry.rows, forward=forward, kind=self.db.kind)
                announce = self._payload(entry.areas | areas_of(rows), f"{verb} {entry.label}")
                self.db.kind.announce(conn, announce)
        except (Conflict, IntegrityError) as exc:
            # It can never apply now: take it off the list rather than offer it forever.
            # Later redo steps build on a failed redo, so they go with it.
            source.pop()
            if forward:
                source.clear()
            reason = str(exc) if isinstance(exc, Conflict) else _clash(exc)
            raise Refusal(
                f"Cannot {verb.lower()} \u201c{entry.label}\u201d: {reason}. "
                f"Nothing was changed, and it was taken off the {verb.lower()} list."
            ) from exc
        # What this step removed (typed notes cascaded with an item) comes back with the
        # reverse step.
        entry.rows = rows
        entry.areas = entry.areas | areas_of(rows)
        source.pop()
        target.append(entry)
        changes = OpChanges(entry.areas, f"{verb} {entry.label}", origin)
        self._notify(changes)
        return changes

    def adopt(self, worker: "Desk", changes: OpChanges) -> None:
        """Take the undo steps `worker` recorded as this desk's own, then tell this desk's
        listeners about `changes`.

        Long actions (an import of thousands of rows) run on a worker thread through a Desk of
        their own on the same file, so no view is touched off the GUI thread; adopting them
        afterwards keeps them one undo step of the window's desk.
        """
        if worker.db is not self.db:
            raise ValueError("a worker desk must be on the same file")
        if worker._undo:
            self._undo.extend(worker._undo)
            del self._undo[:-UNDO_LIMIT]
            self._redo.clear()
            worker._undo.clear()
        if not changes.empty:
            self._notify(changes)

    def clear_history(self) -> None:
        self._undo.clear()
        self._redo.clear()

    # -- notifications ------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self, changes: OpChanges) -> None:
        for listener in list(self._listeners):
            listener(changes)

    # -- other laptops (a server seminar) ----------------------------------------------------

    def _payload(self, areas: frozenset[Area], label: str) -> str:
        return json.dumps({"by": self.sender, "areas": sorted(areas), "label": label})

    def follow_others(
        self, on_message: Callable[[str], None], on_state: Callable[[bool], None]
    ) -> Callable[[], None] | None:
        """Hear what other laptops change (in a thread of its own: `on_message` gets each
        announcement, to pass to `receive` on the thread that owns the listeners; `on_state`
        says when the server is lost and back). Returns how to stop; None for a file."""
        listener = self.db.kind.listener(self.db.url, on_message, on_state)
        if listener is None:
            return None
        listener.start()
        return listener.stop

    def receive(self, payload: str) -> OpChanges | None:
        """Another laptop's announcement: tell this desk's views what it changed (not our own
        echo). Undo stays per laptop: our steps stay, and replaying one over their change is
        refused (see `row_changes.replay`)."""
        try:
            message = json.loads(payload)
            if message.get("by") == self.sender:
                return None
            areas = frozenset(Area(a) for a in message.get("areas", []))
        except (ValueError, TypeError, AttributeError):
            return None
        changes = OpChanges(areas, str(message.get("label", "")), ELSEWHERE)
        if not changes.empty:
            self._notify(changes)
        return changes

    def resync(self) -> OpChanges:
        """The connection to the server is back: what other laptops changed meanwhile was
        not heard, so every view reads again."""
        changes = OpChanges(frozenset(Area), "Reconnected", ELSEWHERE)
        self._notify(changes)
        return changes

    def close(self) -> None:
        self._listeners.clear()
        self.db.close()


def _clash(exc: IntegrityError) -> str:
    """A database constraint message in words ("UNIQUE constraint failed: day.number")."""
    detail = str(exc.orig) if exc.orig is not None else str(exc)
    if "UNIQUE" in detail.upper():
        return f"the file now holds a record with the same values ({detail})"
    return f"the file has changed meanwhile ({detail})"
