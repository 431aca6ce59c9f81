"""The list of speakers of each agenda item: requests, the speech in progress, its timer.

Every operation is one undoable Desk action. The order rules live in `domain.speakers.queue`
and the timing rules in `domain.speakers.speaking_time`; this module moves rows.
Reading a list is `snapshot`, who may ask for the floor is `candidates`, and the one way onto a
list is `entries.put_on_list`.
"""

from sqlalchemy import select

from seminar_desk.domain.changes import Added, OpChanges
from seminar_desk.domain.kinds import Capacity, SpeakerStatus, SpeechType, takes_speakers
from seminar_desk.domain.refusal import Gone, Refusal
from seminar_desk.domain.speakers import queue as rules
from seminar_desk.domain.speakers.speaking_time import net_elapsed
from seminar_desk.services.agenda.rows import item_refs
from seminar_desk.services.agenda.views import ItemRef
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.delegations import DelegationService, GroupRow
from seminar_desk.services.speakers import candidates
from seminar_desk.services.speakers.entries import (
    LIVE,
    Floor,
    current_entry,
    get_entry,
    lock_list,
    locked,
    put_on_list,
    read_floor,
    reposition,
    waiting_entries,
)
from seminar_desk.services.speakers.rows import Candidate, ListSnapshot
from seminar_desk.services.speakers.snapshot import Anchor, read_snapshot
from seminar_desk.store.models import (
    AgendaItem,
    OrgGroupMember,
    Participant,
    SpeakerEntry,
    SpeechPause,
)


class SpeakersService:
    """Lists of speakers on a Desk; share one instance per open file (it keeps timer anchors)."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._anchors: dict[str, Anchor] = {}

    # -- reading ------------------------------------------------------------------------------

    def items(self) -> list[ItemRef]:
        """Items that take speakers (not breaks or meals), in programme order."""
        with self.desk.read() as s:
            return [item for item in item_refs(s) if takes_speakers(item.kind)]

    def live_item_id(self) -> str | None:
        """The item running now: the one last started on the agenda (if it takes speakers),
        else the one with a speech in progress."""
        with self.desk.read() as s:
            running = s.execute(
                select(AgendaItem.id, AgendaItem.kind)
                .where(AgendaItem.actual_start.is_not(None), AgendaItem.actual_end.is_(None))
                .order_by(AgendaItem.actual_start.desc())
            ).all()
            started = next((i for i, kind in running if takes_speakers(kind)), None)
            return started or s.scalar(
                select(SpeakerEntry.item_id).where(SpeakerEntry.status.in_(LIVE)).limit(1)
            )

    def already_waiting(
        self,
        item_id: str,
        *,
        participant_id: str | None,
        organisation_id: str | None,
        speech_type: str = SpeechType.STATEMENT,
    ) -> list[str]:
        """Requests of the same kind already waiting from the same speaker (see `candidates`)."""
        return candidates.already_waiting(
            self.desk,
            item_id,
            participant_id=participant_id,
            organisation_id=organisation_id,
            speech_type=speech_type,
        )

    def candidates(self) -> list[Candidate]:
        """Participants and delegations, for the completer of the 'add speaker' field."""
        return candidates.candidates(self.desk)

    def groups(self) -> list[GroupRow]:
        """The groups a delegation may speak for (ASEAN...), as the Participants page has them."""
        return DelegationService(self.desk).groups()

    def snapshot(self, item_id: str) -> ListSnapshot:
        """The item's list as plain data; the timer is anchored to the clock's monotonic now."""
        return read_snapshot(self.desk, item_id, self._anchors)

    # -- adding -------------------------------------------------------------------------------

    def add(
        self,
        item_id: str,
        *,
        participant_id: str | None = None,
        organisation_id: str | None = None,
        capacity: str = Capacity.NATIONAL,
        speech_type: str = SpeechType.STATEMENT,
        on_behalf_of_id: str | None = None,
        time_limit_s: int | None = None,
        origin: object | None = None,
    ) -> Added:
        """Put a request for the floor on the list, where the order rules say it goes; the new
        entry's id comes with the changes (`added.id`), like every add-operation's."""
        if participant_id is None and organisation_id is None:
            raise Refusal("Choose a participant or a delegation to add to the list.")
        capacity, speech_type = Capacity(capacity).value, SpeechType(speech_type).value
        with self.desk.action(f"Add {SpeechType(speech_type).label.lower()}", origin=origin) as act:
            s = act.session  # put_on_list locks the list
            if participant_id is not None and organisation_id is None:
                person = s.get(Participant, participant_id)
                if person is None:
                    raise Gone("That participant is no longer in the file.")
                organisation_id = person.organisation_id
            if capacity == Capacity.GROUP and on_behalf_of_id is None and organisation_id:
                on_behalf_of_id = s.scalar(
                    select(OrgGroupMember.group_id)
                    .where(OrgGroupMember.organisation_id == organisation_id)
                    .limit(1)
                )
            entry = put_on_list(
                s,
                item_id,
                participant_id=participant_id,
                organisation_id=organisation_id,
                capacity=capacity,
                speech_type=speech_type,
                on_behalf_of_id=on_behalf_of_id if capacity == Capacity.GROUP else None,
                time_limit_s=time_limit_s,
                requested_at=self.desk.clock.now(),
            )
            s.flush()  # the entry's id; the same one INSERT the commit would send
            new_id = entry.id
        return Added(act.changes, new_id)

    # -- the speech in progress -----------------------------------------------------------------

    def next_speaker(self, item_id: str, origin: object | None = None) -> OpChanges:
        """Finish the speech in progress (if any) and give the floor to the head of the list."""
        with self.desk.action("Next speaker", origin=origin) as act:
            lock_list(act.session, item_id=item_id)
            s = act.session
            head = rules.next_speaker(waiting_entries(s, item_id))
            if head is None:
                raise Refusal("Nobody is waiting on the list of speakers.")
            floor = read_floor(s, item_id, also=head.id)  # before any change: one flush
            if floor.other is None:
                raise Gone("That request for the floor is no longer on the list.")
            self._finish_current(floor)
            self._start(floor.other)
        return act.changes

    def give_floor(self, entry_id: str, origin: object | None = None) -> OpChanges:
        """Give the floor to one waiting request now, out of order (the chair's call)."""
        with self.desk.action("Give the floor", origin=origin) as act:
            item = lock_list(act.session, entry_id=entry_id)
            floor = read_floor(act.session, item.id, also=entry_id) if item else None
            entry = floor.other if floor else None
            if floor is None or entry is None:
                raise Gone("That request for the floor is no longer on the list.")
            if entry.status != SpeakerStatus.WAITING:
                raise Refusal("Only a waiting speaker can be given the floor.")
            self._finish_current(floor)
            self._start(entry)
        return act.changes

    def _start(self, entry: SpeakerEntry) -> None:
        now = self.desk.clock.now()
        entry.status = SpeakerStatus.SPEAKING.value
        entry.started_at = now
        entry.ended_at = None
        self._anchors[entry.id] = Anchor(now, 0.0, self.desk.clock.monotonic())

    def _finish_current(self, floor: Floor) -> SpeakerEntry | None:
        current = floor.current
        if current is None:
            return None
        now = self.desk.clock.now()
        if current.status == SpeakerStatus.PAUSED:  # only a paused speech has an open pause
            for pause in current.pauses:
                if pause.ended_at is None:
                    pause.ended_at = now
        current.status = SpeakerStatus.DONE.value
        current.ended_at = now
        current.end_order = floor.last_end_order + 1
        self._anchors.pop(current.id, None)
        return current

    def finish(self, item_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Finish speech", origin=origin) as act:
            lock_list(act.session, item_id=item_id)
            if self._finish_current(read_floor(act.session, item_id)) is None:
                raise Refusal("Nobody has the floor.")
        return act.changes

    def pause(self, item_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Pause speech", origin=origin) as act:
            lock_list(act.session, item_id=item_id)
            current = current_entry(act.session, item_id)
            if current is None or current.status != SpeakerStatus.SPEAKING:
                raise Refusal("No speech is running.")
            current.status = SpeakerStatus.PAUSED.value
            act.session.add(SpeechPause(entry=current, started_at=self.desk.clock.now()))
            self._anchors.pop(current.id, None)
        return act.changes

    def resume(self, item_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Resume speech", origin=origin) as act:
            lock_list(act.session, item_id=item_id)
            current = current_entry(act.session, item_id)
            if current is None or current.status != SpeakerStatus.PAUSED:
                raise Refusal("No speech is paused.")
            now = self.desk.clock.now()
            for pause in current.pauses:
                if pause.ended_at is None:
                    pause.ended_at = now
            current.status = SpeakerStatus.SPEAKING.value
            assert current.started_at is not None
            spoken = net_elapsed(
                current.started_at, None, [(p.started_at, p.ended_at) for p in current.pauses], now
            )
            self._anchors[current.id] = Anchor(now, spoken, self.desk.clock.monotonic())
        return act.changes

    def toggle_pause(self, item_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.read() as s:
            status = s.scalar(
                select(SpeakerEntry.status).where(
                    SpeakerEntry.item_id == item_id, SpeakerEntry.status.in_(LIVE)
                )
            )
        if status == SpeakerStatus.PAUSED:
            return self.resume(item_id, origin)
        return self.pause(item_id, origin)

    def put_back(self, item_id: str, origin: object | None = None) -> OpChanges:
        """Put the last speaker back at the head of the list.

        A speech in progress is undone (the floor was given by mistake); if nobody has the floor,
        the last finished speaker asks again as a new request, and the speech held stays on
        record. "Last" is the speech the latest action ended (`end_order`), not the latest
        wall time: a laptop's clock may be set back, and the demo's speeches lie in the future.
        """
        with self.desk.action("Put back last speaker", origin=origin) as act:
            lock_list(act.session, item_id=item_id)
            s = act.session
            head = rules.head_position(rules.queue(waiting_entries(s, item_id)))
            current = current_entry(s, item_id)
            if current is not None:
                for pause in list(current.pauses):
                    s.delete(pause)
                current.status = SpeakerStatus.WAITING.value
                current.started_at = None
                current.ended_at = None
                current.position = head
                self._anchors.pop(current.id, None)
            else:
                last = s.scalars(
                    select(SpeakerEntry)
                    .where(
                        SpeakerEntry.item_id == item_id,
                        SpeakerEntry.status == SpeakerStatus.DONE,
                    )
                    .order_by(
                        SpeakerEntry.end_order.desc().nulls_last(),
                        SpeakerEntry.ended_at.desc(),
                        SpeakerEntry.started_at.desc(),
                    )
                    .limit(1)
                ).first()
                if last is None:
                    raise Refusal("Nobody has spoken on this item yet.")
                s.add(
                    SpeakerEntry(
                        item_id=item_id,
                        participant_id=last.participant_id,
                        organisation_id=last.organisation_id,
                        capacity=last.capacity,
                        on_behalf_of_id=last.on_behalf_of_id,
                        speech_type=last.speech_type,
                        position=head,
                        status=SpeakerStatus.WAITING.value,
                        requested_at=self.desk.clock.now(),
                        time_limit_s=last.time_limit_s,
                    )
                )
        return act.changes

    # -- editing the list -----------------------------------------------------------------------

    def withdraw(self, entry_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Withdraw speaker", origin=origin) as act:
            lock_list(act.session, entry_id=entry_id)
            entry = get_entry(act.session, entry_id)
            if entry.status != SpeakerStatus.WAITING:
                raise Refusal("Only a waiting speaker can withdraw.")
            entry.status = SpeakerStatus.WITHDRAWN.value
        return act.changes

    def move(self, entry_id: str, index: int, origin: object | None = None) -> OpChanges:
        """Move a waiting request to `index` of the speaking order (drag and drop, Alt+arrows).

        Moving a held right of reply into the list calls it.
        """
        with self.desk.action("Reorder speakers", origin=origin) as act:
            lock_list(act.session, entry_id=entry_id)
            s = act.session
            entry = get_entry(s, entry_id)
            if entry.status != SpeakerStatus.WAITING:
                raise Refusal("Only waiting speakers can be moved.")
            order = rules.queue(waiting_entries(s, entry.item_id))
            position, spread = rules.place(order, index, moving=entry_id)
            reposition(s, spread)
            entry.position = position
        return act.changes

    def clear(self, item_id: str, origin: object | None = None) -> OpChanges:
        """Take everyone still waiting off the list (as withdrawn); speeches held stay on record.

        Rows are marked rather than deleted: it keeps a trace of who had asked for the floor,
        and it is much cheaper for the Desk's undo recorder than 200 deletes.
        """
        with self.desk.action("Clear list of speakers", origin=origin) as act:
            lock_list(act.session, item_id=item_id)
            waiting = act.session.scalars(
                select(SpeakerEntry).where(
                    SpeakerEntry.item_id == item_id,
                    SpeakerEntry.status == SpeakerStatus.WAITING,
                )
            ).all()
            if not waiting:
                raise Refusal("Nobody is waiting on the list of speakers: nothing to clear.")
            for entry in waiting:
                entry.status = SpeakerStatus.WITHDRAWN.value
        return act.changes

    def set_closed(self, item_id: str, closed: bool, origin: object | None = None) -> OpChanges:
        label = "Close list of speakers" if closed else "Reopen list of speakers"
        with self.desk.action(label, origin=origin) as act:
            locked(act.session, item_id).speakers_closed = closed
        return act.changes

    def call_replies(self, item_id: str, origin: object | None = None) -> OpChanges:
        """The chair calls the rights of reply: they go to the head of the list."""
        with self.desk.action("Call rights of reply", origin=origin) as act:
            lock_list(act.session, item_id=item_id)
            s = act.session
            entries = waiting_entries(s, item_id)
            moves = rules.reply_positions(entries)
            if not moves:
                raise Refusal("No right of reply is waiting.")
            for entry_id, position in moves.items():
                get_entry(s, entry_id).position = position
        return act.changes

    def set_speaker_limit(
        self, entry_id: str, limit_s: int | None, origin: object | None = None
    ) -> OpChanges:
        """Give one speaker a limit of their own (None: the usual rules, 0: stopwatch)."""
        with self.desk.action("Set speaking time", origin=origin) as act:
            lock_list(act.session, entry_id=entry_id)
            get_entry(act.session, entry_id).time_limit_s = limit_s
        return act.changes

    def set_item_limit(
        self, item_id: str, limit_s: int | None, origin: object | None = None
    ) -> OpChanges:
        """The item's default limit (None: the seminar's default, 0: stopwatch)."""
        with self.desk.action("Set item speaking time", origin=origin) as act:
            locked(act.session, item_id).speaking_limit_s = limit_s
        return act.changes
