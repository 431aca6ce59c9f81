"""Agenda rows inside a transaction: fetch, check and apply edits, order, and local times.

Shared by the service's reads, edits and live operations, and by the import's commit.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, selectinload

from seminar_desk.domain.agenda.kinds import kind_for_title
from seminar_desk.domain.agenda.limits import (
    duration_problem,
    text_problem,
)
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.zone import seminar_zone
from seminar_desk.services.agenda.views import ItemRef, SpeakerRef
from seminar_desk.services.rows import row_or_refuse
from seminar_desk.store.models import (
    AgendaItem,
    Day,
    ItemSpeaker,
    Seminar,
)

EDITABLE = frozenset(
    {
        "kind",
        "title",
        "description",
        "duration_min",
        "start_time",
        "start_locked",
        "parallel_key",
        "room",
        "chair_id",
        "speakers",
    }
)


class AgendaError(Refusal, ValueError):
    """An edit the agenda refuses, with words a person can read."""


def check_fields(values: dict[str, object]) -> None:
    unknown = set(values) - EDITABLE
    if unknown:
        raise TypeError(f"unknown agenda item fields: {', '.join(sorted(unknown))}")
    if "duration_min" in values:
        wrong = duration_problem(values["duration_min"])
        if wrong:
            raise AgendaError(f"Expected {wrong}; found {values['duration_min']!r}.")
    for name in ("title", "description", "room"):
        if isinstance(values.get(name), str):
            wrong = text_problem(str(values[name]))
            if wrong:
                raise AgendaError(f"The {name} must be {wrong}.")
    if "kind" in values:
        try:
            ItemKind(str(values["kind"]))
        except ValueError as exc:
            raise AgendaError(f"Unknown kind of item: {values['kind']}") from exc


NEW_ITEM_TITLE = "New item"
"""The title a new item has until a person names it."""


def apply_values(s: Session, item: AgendaItem, values: dict[str, object]) -> None:
    """Set fields of an item. A new item (still a plain plenary called "New item") named
    "Coffee break", "Lunch"... takes the kind its title names (domain.agenda.kinds)."""
    if "title" in values and "kind" not in values:
        fresh = item.title in ("", NEW_ITEM_TITLE) and item.kind in (None, ItemKind.PLENARY.value)
        named = kind_for_title(str(values["title"])) if fresh else None
        if named is not None:
            item.kind = named.value
    for name, value in values.items():
        if name == "speakers":
            _set_speakers(s, item, value)  # type: ignore[arg-type]
        elif name == "start_time":
            if value is not None and not isinstance(value, time):
                raise AgendaError("A start time is a time of day.")
            item.start_time = value  # type: ignore[assignment]
            if "start_locked" not in values:
                item.start_locked = value is not None
        elif getattr(item, name) != value:
            setattr(item, name, value)


def _set_speakers(s: Session, item: AgendaItem, speakers: Sequence[SpeakerRef | str]) -> None:
    refs = [sp if isinstance(sp, SpeakerRef) else SpeakerRef(None, sp) for sp in speakers]
    current = [(sp.participant_id, sp.name) for sp in item.speakers]
    wanted = [(r.participant_id, "" if r.participant_id else r.name) for r in refs]
    if current == wanted:
        return
    for old in list(item.speakers):
        s.delete(old)
    s.flush()
    s.expire(item, ["speakers"])
    for i, (pid, name) in enumerate(wanted):
        s.add(ItemSpeaker(item_id=item.id, participant_id=pid, name=name, position=i))


def renumber(items: Sequence[AgendaItem]) -> None:
    """Positions 0, 1, 2... in the order given (only rows that change are written)."""
    for i, item in enumerate(items):
        if item.position != i:
            item.position = i


def get_item(s: Session, item_id: str) -> AgendaItem:
    return row_or_refuse(s, AgendaItem, item_id, AgendaError("That item no longer exists."))


def get_day(s: Session, day_id: str) -> Day:
    return row_or_refuse(s, Day, day_id, AgendaError("That day no longer exists."))


# Built once: every edit and live key of the agenda reads the day and the time zone again.
_DAY_ITEMS = (
    select(AgendaItem)
    .where(AgendaItem.day_id == bindparam("day"))
    .order_by(AgendaItem.position, AgendaItem.created_at)
)
_ZONE = select(Seminar.timezone)


def items_of(s: Session, day_id: str) -> list[AgendaItem]:
    """A day's items in agenda order."""
    return list(s.scalars(_DAY_ITEMS, {"day": day_id}))


def item_refs(s: Session) -> list[ItemRef]:
    """Every item with its day, in programme order."""
    rows = s.execute(
        select(
            AgendaItem.id,
            AgendaItem.title,
            Day.number,
            AgendaItem.position,
            AgendaItem.kind,
            AgendaItem.speakers_closed,
            AgendaItem.actual_start.is_not(None) & AgendaItem.actual_end.is_(None),
        )
        .join(Day, AgendaItem.day_id == Day.id)
        .order_by(Day.number, AgendaItem.position)
    )
    return [ItemRef(*row[:6], live=bool(row[6])) for row in rows]


def load_items(s: Session, day_id: str) -> list[AgendaItem]:
    return list(
        s.scalars(
            select(AgendaItem)
            .where(AgendaItem.day_id == day_id)
            .options(
                selectinload(AgendaItem.speakers).selectinload(ItemSpeaker.participant),
                selectinload(AgendaItem.chair),
            )
            .order_by(AgendaItem.position, AgendaItem.created_at)
        )
    )


def zone_of(s: Session) -> ZoneInfo:
    """The seminar's time zone (UTC when it has none, or one this system does not know)."""
    return seminar_zone(s.scalar(_ZONE))


def local_minutes(when: datetime, day: date, zone: ZoneInfo) -> int:
    """Minutes since local midnight of `day` (past 1440 after midnight, negative before)."""
    midnight = datetime.combine(day, time(0), zone)
    return int((when.astimezone(zone) - midnight) // timedelta(minutes=1))


def local_datetime(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """The aware local datetime of a minute of a day (minutes may pass midnight)."""
    return datetime.combine(day, time(0), zone) + timedelta(minutes=minutes)


def to_utc(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    return local_datetime(day, minutes, zone).astimezone(UTC)
