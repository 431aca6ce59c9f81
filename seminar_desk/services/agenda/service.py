"""The agenda: plan days of items, run them live, re-plan when the day slips.

Every edit is one `Desk.action`, so undo/redo come for free; every edit re-times the days it
touched before committing, so stored start times always follow durations and locked starts.
Views get plain snapshots (`DayView`, `ItemView`) with times as minutes of the day.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from seminar_desk.domain.agenda_limits import (
    date_problem,
    duration_problem,
    span_problem,
    text_problem,
)
from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import fold
from seminar_desk.domain.timing import (
    DAY_MINUTES,
    DayPlan,
    PlanSlot,
    PlanWarning,
    day_minutes,
    delay_minutes,
    plan_day,
    to_minutes,
    wall_time,
)
from seminar_desk.domain.zone import seminar_zone
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import (
    ActionItem,
    AgendaItem,
    BreakoutGroup,
    Day,
    ItemSpeaker,
    Note,
    Participant,
    Recommendation,
    Seminar,
    SpeakerEntry,
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


@dataclass(frozen=True)
class SpeakerRef:
    """A scheduled speaker: a participant of the file, or a free-text name (imports)."""

    participant_id: str | None
    name: str


@dataclass(frozen=True)
class PersonRef:
    id: str
    name: str
    organisation: str = ""

    @property
    def display(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass(frozen=True)
class ItemView:
    """One agenda item as the agenda shows it; times are minutes of its day (may pass 1440)."""

    id: str
    day_id: str
    position: int
    kind: str
    title: str
    description: str
    duration_min: int
    start: int
    end: int
    start_locked: bool
    # The adopted programme (None: added on the day); `start`/`duration_min` are the current plan.
    planned_start: int | None
    planned_duration_min: int | None
    parallel_key: str
    room: str
    chair_id: str | None
    chair_name: str
    speakers: tuple[SpeakerRef, ...]
    actual_start: datetime | None
    actual_end: datetime | None
    actual_start_min: int | None
    actual_end_min: int | None
    warnings: tuple[str, ...] = ()

    @property
    def running(self) -> bool:
        return self.actual_start is not None and self.actual_end is None

    @property
    def done(self) -> bool:
        return self.actual_end is not None

    @property
    def speaker_names(self) -> str:
        return ", ".join(s.name for s in self.speakers)


@dataclass(frozen=True)
class DayInfo:
    id: str
    number: int
    date: date
    title: str

    @property
    def label(self) -> str:
        return f"Day {self.number} · {self.date:%a %d %b}"


@dataclass(frozen=True)
class DayView:
    id: str
    number: int
    date: date
    title: str
    start: int
    planned_end: int
    end: int
    items: tuple[ItemView, ...]
    warnings: tuple[str, ...]
    delay_min: int | None
    timezone: str

    @property
    def current(self) -> ItemView | None:
        running = [i for i in self.items if i.running]
        return running[-1] if running else None

    def index_of(self, item_id: str) -> int:
        for i, item in enumerate(self.items):
            if item.id == item_id:
                return i
        raise KeyError(item_id)


@dataclass(frozen=True)
class ReplanResult:
    changes: OpChanges
    moved: tuple[str, ...] = ()
    collisions: tuple[str, ...] = field(default_factory=tuple)

    @property
    def summary(self) -> str:
        parts = [f"{len(self.moved)} item(s) moved"]
        if self.collisions:
            parts.append("locked items that now collide: " + "; ".join(self.collisions))
        else:
            parts.append("no locked item collides")
        return ", ".join(parts) + "."


@dataclass(frozen=True)
class Removal:
    """What deleting items (or a day) takes with it, for the question asked first."""

    items: int = 0
    speeches: int = 0
    waiting: int = 0
    notes: int = 0
    groups: int = 0
    recommendations: int = 0
    actions: int = 0

    @property
    def holds_work(self) -> bool:
        """Anything recorded for the meeting beyond the programme itself."""
        recorded = (self.speeches, self.waiting, self.notes, self.groups)
        return any((*recorded, self.recommendations, self.actions))

    def describe(self, *, with_items: bool = False) -> str:
        """Like "3 speeches, 2 notes, 1 breakout group" (only what there is)."""
        parts = [
            (self.items if with_items else 0, "agenda item", "agenda items"),
            (self.speeches, "speech", "speeches"),
            (self.waiting, "speaker waiting on a list", "speakers waiting on lists"),
            (self.notes, "note", "notes"),
            (self.groups, "breakout group", "breakout groups"),
            (self.recommendations, "recommendation", "recommendations"),
            (self.actions, "action item", "action items"),
        ]
        return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in parts if n)


class AgendaError(Refusal, ValueError):
    """An edit the agenda refuses, with words a person can read."""


class AgendaService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    # -- reads --------------------------------------------------------------------------------

    def timezone(self, session: Session | None = None) -> ZoneInfo:
        if session is None:
            with self.desk.read() as s:
                return self.timezone(s)
        return zone_of(session)

    def days(self) -> list[DayInfo]:
        with self.desk.read() as s:
            rows = s.execute(select(Day.id, Day.number, Day.date, Day.title).order_by(Day.number))
            return [DayInfo(*row) for row in rows]

    def people(self) -> list[PersonRef]:
        """Participants for the chair and speaker completers, sorted without diacritics."""
        with self.desk.read() as s:
            rows = s.scalars(
                select(Participant)
                .options(selectinload(Participant.organisation))
                .order_by(Participant.sort_name, Participant.name)
            )
            return [
                PersonRef(p.id, p.name, p.organisation.code if p.organisation else "") for p in rows
            ]

    def day(self, day_id: str) -> DayView:
        with self.desk.read() as s:
            day = s.get(Day, day_id)
            if day is None:
                raise AgendaError("That day no longer exists.")
            items = _load_items(s, day_id)
            zone = self.timezone(s)
            return _day_view(day, items, zone, self.desk.clock.now())

    def item(self, item_id: str) -> ItemView:
        with self.desk.read() as s:
            row = s.get(AgendaItem, item_id)
            if row is None:
                raise AgendaError("That item no longer exists.")
            view = self.day(row.day_id)
        return view.items[view.index_of(item_id)]

    def removal(self, item_ids: Iterable[str] = (), day_id: str | None = None) -> Removal:
        """What deleting these items (or every item of `day_id`) would remove with them."""
        with self.desk.read() as s:
            if day_id is not None:
                ids = list(s.scalars(select(AgendaItem.id).where(AgendaItem.day_id == day_id)))
            else:
                ids = list(item_ids)
            groups = list(s.scalars(select(BreakoutGroup.id).where(BreakoutGroup.item_id.in_(ids))))

            def count(model: type[Note] | type[Recommendation] | type[ActionItem]) -> int:
                on = model.item_id.in_(ids) | model.group_id.in_(groups)
                if model is Note:
                    on = on & (func.trim(Note.body) != "")  # an emptied note holds nothing
                return s.scalar(select(func.count()).select_from(model).where(on)) or 0

            entries = select(func.count()).select_from(SpeakerEntry)
            entries = entries.where(SpeakerEntry.item_id.in_(ids))
            return Removal(
                items=len(ids),
                speeches=s.scalar(entries.where(SpeakerEntry.started_at.is_not(None))) or 0,
                waiting=s.scalar(entries.where(SpeakerEntry.started_at.is_(None))) or 0,
                notes=count(Note),
                groups=len(groups),
                recommendations=count(Recommendation),
                actions=count(ActionItem),
            )

    # -- planning edits -----------------------------------------------------------------------

    def add_item(
        self,
        day_id: str,
        *,
        after_id: str | None = None,
        origin: object | None = None,
        **values: object,
    ) -> tuple[OpChanges, str]:
        """A new item after `after_id` (or at the end of the day); returns its id."""
        _check_fields(values)
        with self.desk.action("Add agenda item", origin=origin) as act:
            s = act.session
            day = _get_day(s, day_id)
            items = items_of(s, day_id)
            index = len(items)
            if after_id is not None:
                index = next((i + 1 for i, it in enumerate(items) if it.id == after_id), index)
            item = AgendaItem(
                day_id=day_id,
                kind=ItemKind.PLENARY.value,
                title="New item",
                duration_min=30,
                start_locked=False,
                parallel_key="",
                room="",
                description="",
            )
            s.add(item)
            _apply(s, item, values)
            items.insert(index, item)
            renumber(items)
            s.flush()
            retime_items(s, day, items)
            new_id = item.id
        return act.changes, new_id

    def update_item(
        self, item_id: str, origin: object | None = None, **values: object
    ) -> OpChanges:
        """Change fields of one item in one undoable step; the day is re-timed at once."""
        _check_fields(values)
        label = "Change duration" if set(values) == {"duration_min"} else "Edit agenda item"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            item = _get_item(s, item_id)
            day = item.day
            # One flush at commit: the recorder then reads every moved row in one pass.
            with s.no_autoflush:
                _apply(s, item, values)
                retime_items(s, day)
        return act.changes

    def set_parallel(
        self, item_ids: Sequence[str], together: bool = True, origin: object | None = None
    ) -> OpChanges:
        """Run neighbouring items at the same time (breakouts in several rooms), or not."""
        label = "Run items in parallel" if together else "Run items one after another"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            items = [_get_item(s, i) for i in item_ids]
            if not items:
                return act.changes
            day = items[0].day
            if together:
                if len(items) < 2 or any(it.day_id != day.id for it in items):
                    raise AgendaError("Choose two or more items of the same day to run together.")
                positions = sorted(it.position for it in items)
                if positions != list(range(positions[0], positions[0] + len(positions))):
                    raise AgendaError("Items that run in parallel must be next to each other.")
                key = next((it.parallel_key for it in items if it.parallel_key), "")
                key = key or f"parallel-{min(it.id for it in items)[:8]}"
            else:
                key = ""
            with s.no_autoflush:
                for it in items:
                    if it.parallel_key != key:
                        it.parallel_key = key
                retime_items(s, day)
        return act.changes

    def set_duration(self, item_id: str, minutes: int, origin: object | None = None) -> OpChanges:
        return self.update_item(item_id, origin=origin, duration_min=minutes)

    def duplicate_item(self, item_id: str, origin: object | None = None) -> tuple[OpChanges, str]:
        """A copy right after the original, unlocked and not yet run."""
        with self.desk.action("Duplicate agenda item", origin=origin) as act:
            s = act.session
            src = _get_item(s, item_id)
            items = items_of(s, src.day_id)
            copy = AgendaItem(
                day_id=src.day_id,
                kind=src.kind,
                title=src.title,
                description=src.description,
                duration_min=src.duration_min,
                start_locked=False,
                parallel_key=src.parallel_key,
                room=src.room,
                chair_id=src.chair_id,
                speaking_limit_s=src.speaking_limit_s,
            )
            copy.speakers = [
                ItemSpeaker(
                    participant_id=sp.participant_id, name=sp.name, position=i, role=sp.role
                )
                for i, sp in enumerate(src.speakers)
            ]
            s.add(copy)
            items.insert(items.index(src) + 1, copy)
            renumber(items)
            s.flush()
            retime_items(s, src.day, items)
            new_id = copy.id
        return act.changes, new_id

    def delete_items(self, item_ids: Iterable[str], origin: object | None = None) -> OpChanges:
        ids = list(item_ids)
        label = "Delete agenda item" if len(ids) == 1 else f"Delete {len(ids)} agenda items"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            days: dict[str, Day] = {}
            for item_id in ids:
                item = _get_item(s, item_id)
                days[item.day_id] = item.day
                s.delete(item)
            s.flush()
            for day in days.values():
                items = [i for i in items_of(s, day.id) if i.id not in ids]
                renumber(items)
                retime_items(s, day, items)
        return act.changes

    def move_item(
        self, item_id: str, day_id: str, index: int, origin: object | None = None
    ) -> OpChanges:
        """Put an item at `index` of a day's list (the same day or another); both re-timed."""
        with self.desk.action("Move agenda item", origin=origin) as act:
            s = act.session
            item = _get_item(s, item_id)
            source = item.day
            target = _get_day(s, day_id)
            source_items = [i for i in items_of(s, source.id) if i.id != item_id]
            if source.id == target.id:
                target_items = source_items
            else:
                target_items = items_of(s, target.id)
                item.day_id = target.id
                if item.actual_start is None:
                    # Not in the target day's adopted programme (adopted again if that day
                    # has not gone live).
                    item.adopted_start_time = None
                    item.adopted_duration_min = None
            index = max(0, min(index, len(target_items)))
            target_items.insert(index, item)
            renumber(target_items)
            if source.id != target.id:
                renumber(source_items)
            s.flush()
            s.expire(source, ["items"])
            s.expire(target, ["items"])
            if source.id != target.id:
                retime_items(s, source, source_items)
            retime_items(s, target, target_items)
        return act.changes

    def move_by(self, item_id: str, delta: int, origin: object | None = None) -> OpChanges:
        """Keyboard moves: up or down within the day; past either end, to the next day."""
        days = self.days()
        view = self.item(item_id)
        day_index = next(i for i, d in enumerate(days) if d.id == view.day_id)
        count = len(self.day(view.day_id).items)
        target = view.position + delta
        if 0 <= target < count:
            return self.move_item(item_id, view.day_id, target, origin)
        step = -1 if target < 0 else 1
        other = day_index + step
        if not 0 <= other < len(days):
            return OpChanges()
        other_count = len(self.day(days[other].id).items)
        return self.move_item(item_id, days[other].id, other_count if step < 0 else 0, origin)

    def update_day(self, day_id: str, origin: object | None = None, **values: object) -> OpChanges:
        """Day start, planned end and title; the day is re-timed."""
        unknown = set(values) - {"start_time", "end_time", "title"}
        if unknown:
            raise TypeError(f"unknown day fields: {', '.join(sorted(unknown))}")
        with self.desk.action("Edit day", origin=origin) as act:
            day = _get_day(act.session, day_id)
            for name, value in values.items():
                setattr(day, name, value)
            act.session.flush()
            retime_items(act.session, day)
        return act.changes

    def add_day(self, origin: object | None = None) -> tuple[OpChanges, str]:
        """A day after the last one (or on the seminar's first date); the seminar's end follows."""
        with self.desk.action("Add day", origin=origin) as act:
            s = act.session
            seminar = s.scalars(select(Seminar)).first()
            if seminar is None:
                raise AgendaError("Create the seminar first (File › New seminar).")
            last = s.scalars(
                select(Day).where(Day.seminar_id == seminar.id).order_by(Day.number.desc())
            ).first()
            if last is None:
                when = seminar.start_date or self.desk.clock.now().astimezone(zone_of(s)).date()
                number, start, end = 1, time(9, 0), time(17, 30)
            else:
                when = last.date + timedelta(days=1)
                number, start, end = last.number + 1, last.start_time, last.end_time
            first = min(d for d in (seminar.start_date, when) if d is not None)
            wrong = date_problem(when) or span_problem(first, when)
            if wrong:
                raise AgendaError(f"Cannot add a day on {when:%Y-%m-%d}: {wrong}.")
            day = Day(
                seminar_id=seminar.id,
                number=number,
                date=when,
                start_time=start,
                end_time=end,
                title="",
            )
            s.add(day)
            if seminar.start_date is None or seminar.start_date > when:
                seminar.start_date = when
            if seminar.end_date is None or seminar.end_date < when:
                seminar.end_date = when
            s.flush()
            day_id = day.id
        return act.changes, day_id

    def delete_day(self, day_id: str, origin: object | None = None) -> OpChanges:
        """Remove the last day and its items (undoable).

        Only the last one: day numbers are unique, and renumbering the others would make the
        undo of this step collide with itself.
        """
        with self.desk.action("Delete day", origin=origin) as act:
            s = act.session
            day = _get_day(s, day_id)
            top = s.scalar(select(func.max(Day.number)).where(Day.seminar_id == day.seminar_id))
            if day.number != top:
                raise AgendaError("Only the last day can be removed; move its items first.")
            seminar = s.get(Seminar, day.seminar_id)
            s.delete(day)
            s.flush()
            previous = s.scalars(
                select(Day).where(Day.seminar_id == day.seminar_id).order_by(Day.number.desc())
            ).first()
            if seminar is not None and previous is not None and seminar.end_date == day.date:
                seminar.end_date = previous.date
        return act.changes

    def retime_day(self, day_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Re-time day", origin=origin) as act:
            retime_items(act.session, _get_day(act.session, day_id))
        return act.changes

    # -- running live -------------------------------------------------------------------------

    def start_item(self, item_id: str, origin: object | None = None) -> OpChanges:
        """Record the actual start now; an item running before it (not in parallel) ends now."""
        now = self.desk.clock.now()
        with self.desk.action("Start agenda item", origin=origin) as act:
            s = act.session
            item = _get_item(s, item_id)
            if item.actual_start is not None and item.actual_end is None:
                raise AgendaError(f"“{item.title}” is already running.")
            for other in items_of(s, item.day_id):
                parallel = item.parallel_key and other.parallel_key == item.parallel_key
                running = other.actual_start is not None and other.actual_end is None
                if other is not item and running and not parallel:
                    other.actual_end = now
            if item.actual_start is None:
                item.actual_start = now
            else:
                item.actual_end = None  # resumed after an early end
            with s.no_autoflush:
                retime_items(s, item.day)
        return act.changes

    def end_item(self, item_id: str, origin: object | None = None) -> OpChanges:
        now = self.desk.clock.now()
        with self.desk.action("End agenda item", origin=origin) as act:
            s = act.session
            item = _get_item(s, item_id)
            if item.actual_start is None or item.actual_end is not None:
                raise AgendaError(f"“{item.title}” is not running.")
            item.actual_end = now
            with s.no_autoflush:
                retime_items(s, item.day)
        return act.changes

    def start_next(self, day_id: str, origin: object | None = None) -> OpChanges:
        """End what runs and start the first item after it that has not run yet."""
        view = self.day(day_id)
        started = [i for i, it in enumerate(view.items) if it.actual_start is not None]
        after = started[-1] + 1 if started else 0
        nxt = next((it for it in view.items[after:] if it.actual_start is None), None)
        if nxt is None:
            if view.current is not None:
                return self.end_item(view.current.id, origin)
            raise AgendaError("Every item of this day has run.")
        return self.start_item(nxt.id, origin)

    def replan_day_of(self, item_id: str, origin: object | None = None) -> ReplanResult:
        """Re-plan the day `item_id` is on (F8 on the Speakers page)."""
        with self.desk.read() as s:
            day_id = _get_item(s, item_id).day_id
        return self.replan(day_id, origin)

    def replan(self, day_id: str, origin: object | None = None) -> ReplanResult:
        """Move every unlocked item that has not started to follow the actual times.

        Locked items keep their time; the ones that now collide are reported. The adopted
        programme is never touched: reports compare the actual times with it.
        """
        now = self.desk.clock.now()
        with self.desk.action("Re-plan the rest of the day", origin=origin) as act:
            s = act.session
            day = _get_day(s, day_id)
            items = items_of(s, day_id)
            zone = self.timezone(s)
            now_min = _local_minutes(now, day.date, zone)
            if not 0 <= now_min < 2 * DAY_MINUTES:
                now_min = None
            before = {it.id: it.start_time for it in items}
            plan = retime_items(s, day, items, now=now_min, replanning=True)
            moved = tuple(it.title for it in items if it.start_time != before[it.id])
            collisions = tuple(items[w.index].title for w in plan.warnings if w.kind == "collision")
        return ReplanResult(act.changes, moved, collisions)


# -- helpers (inside a transaction) ----------------------------------------------------------


def _check_fields(values: dict[str, object]) -> None:
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


def _apply(s: Session, item: AgendaItem, values: dict[str, object]) -> None:
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


def _get_item(s: Session, item_id: str) -> AgendaItem:
    item = s.get(AgendaItem, item_id)
    if item is None:
        raise AgendaError("That item no longer exists.")
    return item


def _get_day(s: Session, day_id: str) -> Day:
    day = s.get(Day, day_id)
    if day is None:
        raise AgendaError("That day no longer exists.")
    return day


def items_of(s: Session, day_id: str) -> list[AgendaItem]:
    """A day's items in agenda order."""
    return list(
        s.scalars(
            select(AgendaItem)
            .where(AgendaItem.day_id == day_id)
            .order_by(AgendaItem.position, AgendaItem.created_at)
        )
    )


def _load_items(s: Session, day_id: str) -> list[AgendaItem]:
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


def _local_minutes(when: datetime, day: date, zone: ZoneInfo) -> int:
    """Minutes since local midnight of `day` (past 1440 after midnight, negative before)."""
    midnight = datetime.combine(day, time(0), zone)
    return int((when.astimezone(zone) - midnight) // timedelta(minutes=1))


def _people_of(item: AgendaItem) -> frozenset[str]:
    people = {sp.participant_id or "name:" + fold(sp.name) for sp in item.speakers}
    if item.chair_id:
        people.add(item.chair_id)
    people.discard("name:")
    return frozenset(people)


def _slots(
    day: Day, items: Sequence[AgendaItem], zone: ZoneInfo, *, with_people: bool
) -> list[PlanSlot]:
    start = to_minutes(day.start_time)
    slots = []
    for it in items:
        locked = (
            day_minutes(it.start_time, start)
            if it.start_locked and it.start_time is not None
            else None
        )
        slots.append(
            PlanSlot(
                duration_min=it.duration_min,
                locked_start=locked,
                parallel_key=it.parallel_key,
                actual_start=_local_minutes(it.actual_start, day.date, zone)
                if it.actual_start
                else None,
                actual_end=_local_minutes(it.actual_end, day.date, zone) if it.actual_end else None,
                people=_people_of(it) if with_people else frozenset(),
            )
        )
    return slots


def retime_items(
    s: Session,
    day: Day,
    items: Sequence[AgendaItem] | None = None,
    *,
    now: int | None = None,
    replanning: bool = False,
) -> DayPlan:
    """Store the start time each item gets from the plan (the current plan).

    Before the day goes live, re-timing is planning: the adopted programme (start and duration)
    follows. Once an item has started, or when re-planning, only the current plan moves;
    an item added to a live day has no adopted time (it was added on the day).
    """
    if items is None:
        items = items_of(s, day.id)
    zone = zone_of(s)
    start = to_minutes(day.start_time)
    plan = plan_day(
        start,
        _slots(day, items, zone, with_people=False),
        day_end=to_minutes(day.end_time),
        now=now,
        resume_at=_resume_at(day, items),
    )
    live = replanning or any(it.actual_start is not None for it in items)
    for it, minute in zip(items, plan.starts, strict=True):
        if it.actual_start is not None:
            continue  # what happened stays as it happened
        new = wall_time(minute)
        if it.start_time != new:
            it.start_time = new
        if not live:
            if it.adopted_start_time != new:
                it.adopted_start_time = new
            if it.adopted_duration_min != it.duration_min:
                it.adopted_duration_min = it.duration_min
    return plan


def planned_end(s: Session, day: Day, items: Sequence[AgendaItem]) -> int:
    """Where the day's current plan ends (minutes of the day): items added next follow on."""
    slots = _slots(day, items, zone_of(s), with_people=False)
    return plan_day(to_minutes(day.start_time), slots).end


def _adopted_duration(item: AgendaItem) -> int:
    return item.duration_min if item.adopted_duration_min is None else item.adopted_duration_min


def _resume_at(day: Day, items: Sequence[AgendaItem]) -> int | None:
    """The working start of the first item after the last one that started (live days only)."""
    started = [i for i, it in enumerate(items) if it.actual_start is not None]
    if not started or started[-1] + 1 >= len(items):
        return None
    nxt = items[started[-1] + 1]
    if nxt.actual_start is not None or nxt.start_locked or nxt.start_time is None:
        return None
    return day_minutes(nxt.start_time, to_minutes(day.start_time))


def zone_of(s: Session) -> ZoneInfo:
    """The seminar's time zone (UTC when it has none, or one this system does not know)."""
    return seminar_zone(s.scalar(select(Seminar.timezone)))


def _day_view(day: Day, items: Sequence[AgendaItem], zone: ZoneInfo, now: datetime) -> DayView:
    start = to_minutes(day.start_time)
    slots = _slots(day, items, zone, with_people=True)
    plan = plan_day(
        start, slots, day_end=to_minutes(day.end_time), resume_at=_resume_at(day, items)
    )
    planned = [
        day_minutes(it.adopted_start_time, start) if it.adopted_start_time else None for it in items
    ]
    now_min = _local_minutes(now, day.date, zone)
    delay = delay_minutes(
        [p if p is not None else plan.starts[i] for i, p in enumerate(planned)],
        [_adopted_duration(it) for it in items],
        [sl.actual_start for sl in slots],
        [sl.actual_end for sl in slots],
        now_min,
    )
    views = []
    for i, it in enumerate(items):
        views.append(
            ItemView(
                id=it.id,
                day_id=it.day_id,
                position=i,
                kind=it.kind,
                title=it.title,
                description=it.description,
                duration_min=it.duration_min,
                start=plan.starts[i],
                end=plan.ends[i],
                start_locked=it.start_locked,
                planned_start=planned[i],
                planned_duration_min=it.adopted_duration_min,
                parallel_key=it.parallel_key,
                room=it.room,
                chair_id=it.chair_id,
                chair_name=it.chair.name if it.chair else "",
                speakers=tuple(
                    SpeakerRef(
                        sp.participant_id, sp.participant.name if sp.participant else sp.name
                    )
                    for sp in it.speakers
                ),
                actual_start=it.actual_start,
                actual_end=it.actual_end,
                actual_start_min=slots[i].actual_start,
                actual_end_min=slots[i].actual_end,
                warnings=tuple(_say(w, items) for w in plan.warnings_for(i)),
            )
        )
    return DayView(
        id=day.id,
        number=day.number,
        date=day.date,
        title=day.title,
        start=start,
        planned_end=day_minutes(day.end_time, start) if day.end_time != day.start_time else start,
        end=plan.end,
        items=tuple(views),
        warnings=tuple(_say(w, items) for w in plan.warnings),
        delay_min=delay,
        timezone=zone.key,
    )


def _say(warning: PlanWarning, items: Sequence[AgendaItem]) -> str:
    """The warning in a person's words: who is double-booked, and in which item."""
    if warning.kind != "double_booked" or warning.other is None:
        return warning.message
    other = items[warning.other]
    names: dict[str, str] = {}
    for item in (items[warning.index], other):
        if item.chair is not None:
            names[item.chair.id] = item.chair.name
        for sp in item.speakers:
            key = sp.participant_id or "name:" + fold(sp.name)
            names[key] = sp.participant.name if sp.participant else sp.name
    who = ", ".join(sorted(names.get(p, "someone") for p in warning.people))
    return f"{who} also booked in “{other.title}” at the same time."


def local_datetime(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """The aware local datetime of a minute of a day (minutes may pass midnight)."""
    return datetime.combine(day, time(0), zone) + timedelta(minutes=minutes)


def to_utc(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    return local_datetime(day, minutes, zone).astimezone(UTC)
