"""Requests for the floor inside one transaction: find them, and put a new one on a list.

`put_on_list` is the one way onto a list (the Speakers page, a breakout's rapporteur for the
report-back): where a request goes is always the queue rules' decision (`domain.speakers.queue`).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session, joinedload

from seminar_desk.domain.kinds import SpeakerStatus
from seminar_desk.domain.refusal import Gone
from seminar_desk.domain.speakers import queue as rules
from seminar_desk.services.rows import row_or_refuse
from seminar_desk.store.models import AgendaItem, SpeakerEntry

LIVE = (SpeakerStatus.SPEAKING.value, SpeakerStatus.PAUSED.value)

_T = SpeakerEntry.__table__
# Prepared once: these run on every list operation, on lists of hundreds of requests.
_WAITING_SQL = select(_T.c.id, _T.c.speech_type, _T.c.status, _T.c.position).where(
    _T.c.item_id == bindparam("item"), _T.c.status == SpeakerStatus.WAITING.value
)
_LOCKED = {"populate_existing": True}
_LOCK_ITEM = (
    select(AgendaItem)
    .where(AgendaItem.id == bindparam("item"))
    .with_for_update(of=AgendaItem)
    .execution_options(**_LOCKED)
)
_AI = AgendaItem.__table__
# Locking a list needs no ORM object: the item's id, and whether its list is closed.
_LOCK = (
    select(_AI.c.id, _AI.c.speakers_closed)
    .where(_AI.c.id == bindparam("item"))
    .with_for_update(of=_AI)
)
_LOCK_OF_ENTRY = (
    select(_AI.c.id, _AI.c.speakers_closed)
    .select_from(_AI.join(_T, _T.c.item_id == _AI.c.id))
    .where(_T.c.id == bindparam("entry"))
    .with_for_update(of=_AI)
)


class LockedList(NamedTuple):
    id: str  # the item's
    closed: bool


# The speech in progress (with its pauses), the request `also` of the same item (NULL: none)
# and the item's last end order: `read_floor`.
_FLOOR = (
    select(
        SpeakerEntry,
        select(func.max(_T.c.end_order)).where(_T.c.item_id == bindparam("item")).scalar_subquery(),
    )
    .where(
        SpeakerEntry.item_id == bindparam("item"),
        or_(SpeakerEntry.status.in_(LIVE), SpeakerEntry.id == bindparam("also")),
    )
    .options(joinedload(SpeakerEntry.pauses))
)


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
    locked_list = lock_list(s, item_id=item_id)
    if locked_list is None:
        raise Gone("That agenda item is no longer in the file.")
    rules.check_can_add(locked_list.closed, speech_type)
    position, spread = rules.new_position(waiting_entries(s, item_id), speech_type)
    reposition(s, spread)
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


def lock_list(
    s: Session, *, item_id: str | None = None, entry_id: str | None = None
) -> LockedList | None:
    """One operation at a time on one list of speakers: two chairs' keys on a server seminar
    wait for each other instead of both placing a speaker on the same old order. The item's
    row stays locked until the action commits (SELECT ... FOR UPDATE); a SQLite file has one
    writer, and its dialect leaves FOR UPDATE out. The same statement reads what a key needs
    of the item (also from one of its requests), so locking costs no extra round trip to a
    server; None when the item (or request) is gone."""
    if item_id is not None:
        query, params = _LOCK, {"item": item_id}
    elif entry_id is not None:
        query, params = _LOCK_OF_ENTRY, {"entry": entry_id}
    else:
        return None
    row = s.connection().execute(query, params).first()
    return LockedList(row[0], bool(row[1])) if row is not None else None


def locked(s: Session, item_id: str) -> AgendaItem:
    """The item to change, its list locked (as `lock_list` does) by the statement that loads
    it, so it is not read twice."""
    item = s.scalars(_LOCK_ITEM, {"item": item_id}).first()
    if item is None:
        raise Gone("That agenda item is no longer in the file.")
    return item


def get_entry(s: Session, entry_id: str) -> SpeakerEntry:
    gone = Gone("That request for the floor is no longer on the list.")
    return row_or_refuse(s, SpeakerEntry, entry_id, gone)


def current_entry(s: Session, item_id: str) -> SpeakerEntry | None:
    """The speech in progress (speaking or paused) on the item, if any, with its pauses (one
    statement)."""
    return read_floor(s, item_id).current


@dataclass
class Floor:
    """Who has the floor on an item, and what a change of speaker needs, read at once."""

    current: SpeakerEntry | None  # speaking or paused, with its pauses loaded
    other: SpeakerEntry | None  # the request asked for with `also` (None: not on this item)
    last_end_order: int  # of the item's ended speeches (0: none yet, or nothing was found)


def read_floor(s: Session, item_id: str, *, also: str | None = None) -> Floor:
    """The speech in progress with its pauses, one more request of the item (`also`: the one
    to give the floor to) and the item's last `end_order`, in one statement: on a server each
    statement is a round trip. Read before any change, so nothing is flushed for it."""
    rows = s.execute(_FLOOR, {"item": item_id, "also": also}).unique().all()
    current = next((e for e, _ in rows if e.status in LIVE), None)
    other = next((e for e, _ in rows if e.id == also), None)
    # Every row carries the maximum; with no row, nobody's speech is to be ended.
    return Floor(current, other, (rows[0][1] or 0) if rows else 0)


def waiting_entries(s: Session, item_id: str) -> list[rules.QueueEntry]:
    """The waiting requests of an item, read as plain tuples (fast on long lists)."""
    rows = s.connection().execute(_WAITING_SQL, {"item": item_id}).all()  # fetchall: fast
    return list(map(rules.QueueEntry._make, rows))


def reposition(s: Session, positions: dict[str, float]) -> None:
    """Move neighbours to make room (only when positions got crowded): read in one statement,
    written by one flush (on a server the like UPDATEs leave together, in one pipeline)."""
    if not positions:
        return
    with s.no_autoflush:  # changes made before are flushed with these, at the end
        found = s.scalars(select(SpeakerEntry).where(SpeakerEntry.id.in_(list(positions)))).all()
    if len(found) != len(positions):
        raise Gone("A request for the floor is no longer on the list.")
    for entry in found:
        entry.position = positions[entry.id]
