"""The list of speakers of each agenda item: requests, the speech in progress, its timer.

Every operation is one undoable Desk action. The order rules live in
`domain.speaker_queue` and the timing rules in `domain.speaking_time`; this module moves rows.

A speech's start, pauses and end are recorded as wall times, so a speech in progress survives a
restart. While the app runs, the timer is anchored to the monotonic clock at the moment the
speech started or resumed in this process, so correcting the laptop's clock does not make the
countdown jump.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from seminar_desk.domain import speaker_queue as rules
from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.kinds import Capacity, OrgKind, SpeakerStatus, SpeechType, takes_speakers
from seminar_desk.domain.refusal import Gone, Refusal
from seminar_desk.domain.speaking_time import SpeechTimer, net_elapsed, resolve_limit
from seminar_desk.domain.text import fold
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import (
    AgendaItem,
    Day,
    Organisation,
    OrgGroup,
    OrgGroupMember,
    Participant,
    Seminar,
    SpeakerEntry,
    SpeechPause,
)

LIVE = (SpeakerStatus.SPEAKING.value, SpeakerStatus.PAUSED.value)
STATE_KINDS = frozenset({OrgKind.MEMBER_STATE.value, OrgKind.GOVERNMENT_HOST.value})


@dataclass(frozen=True)
class ItemRef:
    """An agenda item that can have a list of speakers."""

    id: str
    title: str
    day_number: int
    kind: str
    closed: bool = False
    live: bool = False  # started on the agenda and not ended

    @property
    def label(self) -> str:
        return f"Day {self.day_number} · {self.title}"


@dataclass(frozen=True)
class Candidate:
    """Someone who can ask for the floor: a participant, or a delegation without a named person."""

    text: str
    participant_id: str | None
    organisation_id: str | None
    search: str
    groups: tuple[str, ...] = ()
    org_kind: str = ""

    @property
    def is_state(self) -> bool:
        """A government delegation (speaks in national capacity by default)."""
        return self.org_kind in STATE_KINDS


@dataclass(frozen=True)
class GroupRef:
    id: str
    code: str
    name: str


@dataclass(frozen=True)
class SpeakerRow:
    """One request for the floor, as views and the projector show it."""

    id: str
    name: str
    delegation: str
    delegation_code: str
    capacity: str
    on_behalf_of: str
    speech_type: str
    status: str
    position: float
    requested_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    time_limit_s: int | None
    limit_s: int
    elapsed_s: float
    held: bool = False

    @property
    def title(self) -> str:
        """The speaker's name, or the delegation's when it takes the floor without a name."""
        return self.name or self.delegation

    @property
    def capacity_text(self) -> str:
        if self.capacity == Capacity.GROUP:
            return f"On behalf of {self.on_behalf_of}" if self.on_behalf_of else "For a group"
        if self.capacity == Capacity.ORGANISATION:
            return "For an organisation"
        return "National capacity"

    @property
    def speech_label(self) -> str:
        return SpeechType(self.speech_type).label if self.speech_type in _TYPES else ""


_TYPES = {t.value for t in SpeechType}


@dataclass(frozen=True)
class ListSnapshot:
    """An item's list of speakers at one moment, with the timer of the speech in progress."""

    item_id: str
    item_title: str
    day_id: str
    day_number: int
    closed: bool
    item_limit_s: int | None
    default_limit_s: int
    current: SpeakerRow | None
    waiting: tuple[SpeakerRow, ...]
    held: tuple[SpeakerRow, ...]
    history: tuple[SpeakerRow, ...]
    timer: SpeechTimer | None
    seminar_title: str = ""
    seminar_limit_s: int = 180


@dataclass
class _Anchor:
    resumed_at: datetime
    elapsed_s: float
    mono: float


@dataclass
class _Limits:
    item: int | None
    seminar: int


class SpeakersService:
    """Lists of speakers on a Desk; share one instance per open file (it keeps timer anchors)."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._anchors: dict[str, _Anchor] = {}

    # -- reading ------------------------------------------------------------------------------

    def items(self) -> list[ItemRef]:
        """Items that take speakers (not breaks or meals), in programme order."""
        with self.desk.read() as s:
            rows = s.execute(
                select(
                    AgendaItem.id,
                    AgendaItem.title,
                    Day.number,
                    AgendaItem.kind,
                    AgendaItem.speakers_closed,
                    AgendaItem.actual_start.is_not(None) & AgendaItem.actual_end.is_(None),
                )
                .join(Day, AgendaItem.day_id == Day.id)
                .order_by(Day.number, AgendaItem.position)
            ).all()
        return [ItemRef(*row[:5], live=bool(row[5])) for row in rows if takes_speakers(row[3])]

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
        """Requests of the same kind waiting on the item from the same speaker, named as the
        list shows them (a second intervention is allowed, but never by accident).

        The same speaker is the same person, or their delegation taking the floor unnamed; for
        a delegation, anyone speaking for it. A point of order or a reply from someone waiting
        to make a statement is a different request, not a duplicate.
        """
        same_org = SpeakerEntry.organisation_id == organisation_id
        if participant_id is None:
            who = same_org
        elif organisation_id is None:
            who = SpeakerEntry.participant_id == participant_id
        else:
            who = (SpeakerEntry.participant_id == participant_id) | (
                same_org & SpeakerEntry.participant_id.is_(None)
            )
        with self.desk.read() as s:
            rows = s.execute(
                select(Participant.name, Organisation.name, Organisation.code)
                .select_from(SpeakerEntry)
                .outerjoin(Participant, SpeakerEntry.participant_id == Participant.id)
                .outerjoin(Organisation, SpeakerEntry.organisation_id == Organisation.id)
                .where(
                    SpeakerEntry.item_id == item_id,
                    SpeakerEntry.status == SpeakerStatus.WAITING,
                    SpeakerEntry.speech_type == SpeechType(speech_type).value,
                    who,
                )
                .order_by(SpeakerEntry.position)
            ).all()
        return [
            f"{person or org_name or '?'} ({code})" if code else person or org_name or "?"
            for person, org_name, code in rows
        ]

    def candidates(self) -> list[Candidate]:
        """Participants and delegations, for the completer of the 'add speaker' field."""
        with self.desk.read() as s:
            orgs = s.scalars(select(Organisation).order_by(Organisation.name)).all()
            members = s.execute(
                select(OrgGroupMember.organisation_id, OrgGroup.code).join(
                    OrgGroup, OrgGroup.id == OrgGroupMember.group_id
                )
            ).all()
            groups: dict[str, list[str]] = {}
            for org_id, code in members:
                groups.setdefault(org_id, []).append(code)
            out = [
                Candidate(
                    text=f"{o.name} ({o.code})",
                    participant_id=None,
                    organisation_id=o.id,
                    search=fold(f"{o.name} {o.code} {o.country}"),
                    groups=tuple(sorted(groups.get(o.id, []))),
                    org_kind=o.kind,
                )
                for o in orgs
            ]
            people = s.execute(
                select(Participant, Organisation)
                .outerjoin(Organisation, Participant.organisation_id == Organisation.id)
                .order_by(Participant.sort_name, Participant.name)
            ).all()
            for person, org in people:
                where = f" — {org.name} ({org.code})" if org is not None else ""
                out.append(
                    Candidate(
                        text=f"{person.name}{where}",
                        participant_id=person.id,
                        organisation_id=org.id if org is not None else None,
                        search=fold(f"{person.name} {org.name} {org.code}" if org else person.name),
                        groups=tuple(sorted(groups.get(org.id, []))) if org else (),
                        org_kind=org.kind if org is not None else "",
                    )
                )
        return out

    def groups(self) -> list[GroupRef]:
        with self.desk.read() as s:
            rows = s.scalars(select(OrgGroup).order_by(OrgGroup.code)).all()
            return [GroupRef(g.id, g.code, g.name) for g in rows]

    def snapshot(self, item_id: str) -> ListSnapshot:
        """The item's list as plain data; the timer is anchored to the clock's monotonic now.

        Read with two Core queries (entries with their names, then pauses): the page and the
        projector redraw from this after every action, on lists of hundreds of requests.
        """
        clock = self.desk.clock
        with self.desk.read() as s:
            item = s.get(AgendaItem, item_id)
            if item is None:
                raise KeyError(item_id)
            seminar = s.scalars(select(Seminar)).first()
            limits = _Limits(
                item.speaking_limit_s, seminar.default_speaking_limit_s if seminar else 180
            )
            conn = s.connection()
            entries = [_Raw(*r) for r in conn.execute(_SNAPSHOT_SQL, {"item": item_id})]
            pauses: dict[str, list[tuple[datetime, datetime | None]]] = {}
            for entry_id, started, ended in conn.execute(_PAUSES_SQL, {"item": item_id}):
                pauses.setdefault(entry_id, []).append((started, ended))
            now, mono = clock.now(), clock.monotonic()
            rows = {e.id: self._row(e, pauses.get(e.id, []), limits, now, mono) for e in entries}
            q = [rules.QueueEntry(e.id, e.speech_type, e.status, e.position) for e in entries]
            current = next((e for e in entries if e.status in LIVE), None)
            timer = None
            if current is not None:
                row = rows[current.id]
                timer = SpeechTimer(
                    limit_s=row.limit_s,
                    elapsed_s=row.elapsed_s,
                    anchor=mono,
                    running=current.status == SpeakerStatus.SPEAKING,
                )
            history = sorted(
                (r for r in rows.values() if r.status == SpeakerStatus.DONE and r.started_at),
                key=lambda r: (r.started_at, r.id),
            )
            return ListSnapshot(
                item_id=item.id,
                item_title=item.title,
                day_id=item.day_id,
                day_number=item.day.number,
                closed=item.speakers_closed,
                item_limit_s=item.speaking_limit_s,
                default_limit_s=limits.item if limits.item is not None else limits.seminar,
                current=rows[current.id] if current is not None else None,
                waiting=tuple(rows[e.id] for e in rules.queue(q)),
                held=tuple(rows[e.id] for e in rules.held(q)),
                history=tuple(history),
                timer=timer,
                seminar_title=(seminar.short_title or seminar.title) if seminar else "",
                seminar_limit_s=limits.seminar,
            )

    def _row(
        self,
        e: "_Raw",
        pauses: list[tuple[datetime, datetime | None]],
        limits: _Limits,
        now: datetime,
        mono: float,
    ) -> SpeakerRow:
        own_org = e.org_name is not None
        return SpeakerRow(
            id=e.id,
            name=e.person or "",
            delegation=(e.org_name if own_org else e.person_org_name) or "",
            delegation_code=(e.org_code if own_org else e.person_org_code) or "",
            capacity=e.capacity,
            on_behalf_of=e.group_code or "",
            speech_type=e.speech_type,
            status=e.status,
            position=e.position,
            requested_at=e.requested_at,
            started_at=e.started_at,
            ended_at=e.ended_at,
            time_limit_s=e.time_limit_s,
            limit_s=resolve_limit(
                speech_type=e.speech_type,
                capacity=e.capacity,
                item_limit_s=limits.item,
                seminar_limit_s=limits.seminar,
                speaker_limit_s=e.time_limit_s,
            ),
            elapsed_s=self._elapsed(e, pauses, now, mono),
            held=rules.QueueEntry(e.id, e.speech_type, e.status, e.position).held,
        )

    def _elapsed(
        self,
        e: "_Raw",
        pauses: list[tuple[datetime, datetime | None]],
        now: datetime,
        mono: float,
    ) -> float:
        if e.started_at is None:
            return 0.0
        if e.status == SpeakerStatus.SPEAKING:
            anchor = self._anchors.get(e.id)
            if anchor is not None and anchor.resumed_at == _resumed_at(e.started_at, pauses):
                return anchor.elapsed_s + max(0.0, mono - anchor.mono)
        return net_elapsed(e.started_at, e.ended_at, pauses, now)

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
    ) -> OpChanges:
        """Put a request for the floor on the list, where the order rules say it goes."""
        if participant_id is None and organisation_id is None:
            raise Refusal("Choose a participant or a delegation to add to the list.")
        capacity, speech_type = Capacity(capacity).value, SpeechType(speech_type).value
        with self.desk.action(f"Add {SpeechType(speech_type).label.lower()}", origin=origin) as act:
            s = act.session
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
            put_on_list(
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
        return act.changes

    # -- the speech in progress -----------------------------------------------------------------

    def next_speaker(self, item_id: str, origin: object | None = None) -> OpChanges:
        """Finish the speech in progress (if any) and give the floor to the head of the list."""
        with self.desk.action("Next speaker", origin=origin) as act:
            s = act.session
            self._finish_current(s, item_id)
            head = rules.next_speaker(_entries(s, item_id))
            if head is None:
                raise Refusal("Nobody is waiting on the list of speakers.")
            self._start(s.get(SpeakerEntry, head.id))  # type: ignore[arg-type]
        return act.changes

    def give_floor(self, entry_id: str, origin: object | None = None) -> OpChanges:
        """Give the floor to one waiting request now, out of order (the chair's call)."""
        with self.desk.action("Give the floor", origin=origin) as act:
            s = act.session
            entry = _entry(s, entry_id)
            if entry.status != SpeakerStatus.WAITING:
                raise Refusal("Only a waiting speaker can be given the floor.")
            self._finish_current(s, entry.item_id)
            self._start(entry)
        return act.changes

    def _start(self, entry: SpeakerEntry) -> None:
        now = self.desk.clock.now()
        entry.status = SpeakerStatus.SPEAKING.value
        entry.started_at = now
        entry.ended_at = None
        self._anchors[entry.id] = _Anchor(now, 0.0, self.desk.clock.monotonic())

    def _finish_current(self, s: Session, item_id: str) -> SpeakerEntry | None:
        current = _current(s, item_id)
        if current is None:
            return None
        now = self.desk.clock.now()
        if current.status == SpeakerStatus.PAUSED:  # only a paused speech has an open pause
            for pause in current.pauses:
                if pause.ended_at is None:
                    pause.ended_at = now
        current.status = SpeakerStatus.DONE.value
        current.ended_at = now
        last = s.scalar(
            select(func.max(SpeakerEntry.end_order)).where(SpeakerEntry.item_id == item_id)
        )
        current.end_order = (last or 0) + 1
        self._anchors.pop(current.id, None)
        return current

    def finish(self, item_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Finish speech", origin=origin) as act:
            if self._finish_current(act.session, item_id) is None:
                raise Refusal("Nobody has the floor.")
        return act.changes

    def pause(self, item_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Pause speech", origin=origin) as act:
            current = _current(act.session, item_id)
            if current is None or current.status != SpeakerStatus.SPEAKING:
                raise Refusal("No speech is running.")
            current.status = SpeakerStatus.PAUSED.value
            act.session.add(SpeechPause(entry=current, started_at=self.desk.clock.now()))
            self._anchors.pop(current.id, None)
        return act.changes

    def resume(self, item_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Resume speech", origin=origin) as act:
            current = _current(act.session, item_id)
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
            self._anchors[current.id] = _Anchor(now, spoken, self.desk.clock.monotonic())
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
            s = act.session
            head = rules.head_position(rules.queue(_entries(s, item_id)))
            current = _current(s, item_id)
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
            entry = _entry(act.session, entry_id)
            if entry.status != SpeakerStatus.WAITING:
                raise Refusal("Only a waiting speaker can withdraw.")
            entry.status = SpeakerStatus.WITHDRAWN.value
        return act.changes

    def move(self, entry_id: str, index: int, origin: object | None = None) -> OpChanges:
        """Move a waiting request to `index` of the speaking order (drag and drop, Alt+arrows).

        Moving a held right of reply into the list calls it.
        """
        with self.desk.action("Reorder speakers", origin=origin) as act:
            s = act.session
            entry = _entry(s, entry_id)
            if entry.status != SpeakerStatus.WAITING:
                raise Refusal("Only waiting speakers can be moved.")
            order = rules.queue(_entries(s, entry.item_id))
            entry.position, spread = rules.place(order, index, moving=entry_id)
            _reposition(s, spread)
        return act.changes

    def clear(self, item_id: str, origin: object | None = None) -> OpChanges:
        """Take everyone still waiting off the list (as withdrawn); speeches held stay on record.

        Rows are marked rather than deleted: it keeps a trace of who had asked for the floor,
        and it is much cheaper for the Desk's undo recorder than 200 deletes.
        """
        with self.desk.action("Clear list of speakers", origin=origin) as act:
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
            _item(act.session, item_id).speakers_closed = closed
        return act.changes

    def call_replies(self, item_id: str, origin: object | None = None) -> OpChanges:
        """The chair calls the rights of reply: they go to the head of the list."""
        with self.desk.action("Call rights of reply", origin=origin) as act:
            s = act.session
            entries = _entries(s, item_id)
            moves = rules.reply_positions(entries)
            if not moves:
                raise Refusal("No right of reply is waiting.")
            for entry_id, position in moves.items():
                _entry(s, entry_id).position = position
        return act.changes

    def set_speaker_limit(
        self, entry_id: str, limit_s: int | None, origin: object | None = None
    ) -> OpChanges:
        """Give one speaker a limit of their own (None: the usual rules, 0: stopwatch)."""
        with self.desk.action("Set speaking time", origin=origin) as act:
            _entry(act.session, entry_id).time_limit_s = limit_s
        return act.changes

    def set_item_limit(
        self, item_id: str, limit_s: int | None, origin: object | None = None
    ) -> OpChanges:
        """The item's default limit (None: the seminar's default, 0: stopwatch)."""
        with self.desk.action("Set item speaking time", origin=origin) as act:
            _item(act.session, item_id).speaking_limit_s = limit_s
        return act.changes


# -- helpers ------------------------------------------------------------------------------------


def put_on_list(
    s: Session,
    item_id: str,
    *,
    participant_id: str | None,
    organisation_id: str | None,
    capacity: str,
    speech_type: str,
    requested_at: datetime,
    on_behalf_of_id: str | None = None,
    time_limit_s: int | None = None,
) -> SpeakerEntry:
    """A new request for the floor, where the queue rules say it goes: the one way onto a list
    (the Speakers page, a breakout's rapporteur for the report-back)."""
    item = _item(s, item_id)
    rules.check_can_add(item.speakers_closed, speech_type)
    position, spread = rules.new_position(_entries(s, item_id), speech_type)
    _reposition(s, spread)
    entry = SpeakerEntry(
        item_id=item_id,
        participant_id=participant_id,
        organisation_id=organisation_id,
        capacity=capacity,
        on_behalf_of_id=on_behalf_of_id,
        speech_type=speech_type,
        position=position,
        status=SpeakerStatus.WAITING.value,
        requested_at=requested_at,
        time_limit_s=time_limit_s,
    )
    s.add(entry)
    return entry


def _item(s: Session, item_id: str) -> AgendaItem:
    item = s.get(AgendaItem, item_id)
    if item is None:
        raise Gone("That agenda item is no longer in the file.")
    return item


def _entry(s: Session, entry_id: str) -> SpeakerEntry:
    entry = s.get(SpeakerEntry, entry_id)
    if entry is None:
        raise Gone("That request for the floor is no longer on the list.")
    return entry


_T = SpeakerEntry.__table__
# Prepared once: these run on every list operation, on lists of hundreds of requests.
_LIVE_SQL = select(_T.c.id).where(_T.c.item_id == bindparam("item"), _T.c.status.in_(LIVE)).limit(1)
_WAITING_SQL = select(_T.c.id, _T.c.speech_type, _T.c.status, _T.c.position).where(
    _T.c.item_id == bindparam("item"), _T.c.status == SpeakerStatus.WAITING.value
)

_P = Participant.__table__
_O = Organisation.__table__
_PO = Organisation.__table__.alias("person_org")
_G = OrgGroup.__table__
_SNAPSHOT_SQL = (
    select(
        _T.c.id,
        _T.c.capacity,
        _T.c.speech_type,
        _T.c.status,
        _T.c.position,
        _T.c.requested_at,
        _T.c.time_limit_s,
        _T.c.started_at,
        _T.c.ended_at,
        _P.c.name,
        _O.c.name,
        _O.c.code,
        _PO.c.name,
        _PO.c.code,
        _G.c.code,
    )
    .select_from(
        _T.outerjoin(_P, _T.c.participant_id == _P.c.id)
        .outerjoin(_O, _T.c.organisation_id == _O.c.id)
        .outerjoin(_PO, _P.c.organisation_id == _PO.c.id)
        .outerjoin(_G, _T.c.on_behalf_of_id == _G.c.id)
    )
    .where(_T.c.item_id == bindparam("item"), _T.c.status != SpeakerStatus.WITHDRAWN.value)
)
_S = SpeechPause.__table__
_PAUSES_SQL = (
    select(_S.c.entry_id, _S.c.started_at, _S.c.ended_at)
    .join(_T, _S.c.entry_id == _T.c.id)
    .where(_T.c.item_id == bindparam("item"))
    .order_by(_S.c.started_at)
)


class _Raw(NamedTuple):
    """One row of `_SNAPSHOT_SQL`."""

    id: str
    capacity: str
    speech_type: str
    status: str
    position: float
    requested_at: datetime
    time_limit_s: int | None
    started_at: datetime | None
    ended_at: datetime | None
    person: str | None
    org_name: str | None
    org_code: str | None
    person_org_name: str | None
    person_org_code: str | None
    group_code: str | None


def _current(s: Session, item_id: str) -> SpeakerEntry | None:
    entry_id = s.connection().execute(_LIVE_SQL, {"item": item_id}).scalar()
    return s.get(SpeakerEntry, entry_id) if entry_id is not None else None


def _entries(s: Session, item_id: str) -> list[rules.QueueEntry]:
    """The waiting requests of an item, read as plain tuples (fast on long lists)."""
    rows = s.connection().execute(_WAITING_SQL, {"item": item_id})
    return [rules.QueueEntry(*r) for r in rows]


def _reposition(s: Session, positions: dict[str, float]) -> None:
    """Move a few neighbours to make room (rare: only when positions got crowded)."""
    for entry_id, position in positions.items():
        _entry(s, entry_id).position = position


def _resumed_at(
    started_at: datetime | None, pauses: list[tuple[datetime, datetime | None]]
) -> datetime | None:
    """When the speech last started running: its start, or the end of its last pause."""
    ends = [end for _, end in pauses if end is not None]
    return max(ends) if ends else started_at
