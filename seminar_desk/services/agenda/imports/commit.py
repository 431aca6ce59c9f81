"""Commit a read agenda: all items in one transaction, into the file's seminar or a new one;
items of our own export found again by id are updated in place, not duplicated."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from threading import Event

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from seminar_desk.domain.agenda.timing import DAY_MINUTES, to_minutes, wall_time
from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.text import counted, fold
from seminar_desk.domain.zone import DEFAULT_ZONE
from seminar_desk.reports.request import Cancelled, ProgressFn
from seminar_desk.services.agenda.imports.model import (
    DateSpan,
    ImportedAgenda,
    ImportedItem,
    check_span,
)
from seminar_desk.services.agenda.retime import planned_end, retime_items
from seminar_desk.services.agenda.rows import items_of, renumber
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import AgendaItem, Day, ItemSpeaker, Participant, Seminar

__all__ = ["Cancelled", "ImportSummary", "import_agenda", "target_dates", "target_zone"]


@dataclass(frozen=True)
class ImportSummary:
    items: int
    days_created: int
    seminar_created: bool
    participants_created: int
    updated: int = 0
    """Items of our own export found again by their UID: changed in place, not duplicated."""
    changes: OpChanges = field(default_factory=OpChanges)
    """What the import's transaction changed, for views told by hand (a worker-thread desk)."""

    def __str__(self) -> str:
        made = "created the seminar and " if self.seminar_created else ""
        again = f" ({self.updated} already here, updated)" if self.updated else ""
        return (
            f"Imported {counted(self.items, 'item')}{again}: {made}"
            f"{counted(self.days_created, 'new day')}, "
            f"{counted(self.participants_created, 'new participant')}."
        )


def target_zone(desk: Desk) -> str | None:
    """The zone to read a file into: the seminar's, or None when the file will set it.

    A file without a seminar, or whose seminar has no days yet (just made with File › New),
    takes its title, dates and time zone from the imported file; a zone a person already set
    on such a seminar is kept, and the file's times are converted to it.
    """
    with desk.read() as s:
        seminar = s.scalars(select(Seminar)).first()
        if seminar is None:
            return None
        zone = seminar.timezone or DEFAULT_ZONE
        if s.scalar(select(func.count()).select_from(Day)) == 0 and zone == DEFAULT_ZONE:
            return None  # still the default: the file knows better
        return zone


def target_dates(desk: Desk) -> DateSpan | None:
    """The seminar's first and last day, where a calendar's repeating events are expanded;
    None when it has no days yet (the file's own dates then bound them)."""
    with desk.read() as s:
        first, last = s.execute(select(func.min(Day.date), func.max(Day.date))).one()
        return (first, last) if first is not None and last is not None else None


class _Steps:
    """Counts items as they are added: reports progress, and stops the import when cancelled
    (raising inside the transaction rolls all of it back)."""

    EVERY = 100

    def __init__(self, total: int, progress: ProgressFn | None, cancel: Event | None) -> None:
        self.total, self.progress, self.cancel = max(total, 1), progress, cancel
        self.done = 0

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()

    def __call__(self) -> None:
        self.done += 1
        if self.done % self.EVERY == 0 or self.done == self.total:
            self.check()
            if self.progress is not None:  # the rest of the time goes to saving
                self.progress(0.8 * self.done / self.total, f"{self.done} of {self.total} items")

    def saving(self) -> None:
        self.check()
        if self.progress is not None:
            self.progress(0.9, "Saving…")


def import_agenda(
    desk: Desk,
    agenda: ImportedAgenda,
    progress: ProgressFn | None = None,
    cancel: Event | None = None,
) -> ImportSummary:
    """Add the items in one transaction: into the file's seminar, or a new one from the file.

    Safe on a worker thread with a Desk that has no listeners (the GUI hands the returned
    `changes` to its own views). `progress(fraction, text)` is called now and then; setting
    `cancel` stops the import with `Cancelled` and nothing is written.
    """
    steps = _Steps(len(agenda.items), progress, cancel)
    with desk.action(f"Import agenda from {agenda.source.name}", undoable=False) as act:
        s = act.session
        seminar = s.scalars(select(Seminar)).first()
        created = seminar is None
        if seminar is None:
            seminar = Seminar(title=agenda.title or agenda.source.stem, timezone=DEFAULT_ZONE)
            s.add(seminar)
        fresh = created or s.scalar(select(func.count()).select_from(Day)) == 0
        if fresh:
            if agenda.title and not created:
                seminar.title = agenda.title
            if agenda.timezone:
                seminar.timezone = agenda.timezone
            seminar.start_date = agenda.start_date or agenda.dates[0]
            seminar.end_date = agenda.end_date or agenda.dates[-1]
        s.flush()
        known = [d for d in (seminar.start_date, seminar.end_date) if d is not None]
        check_span(agenda.source, [*known, *agenda.dates], "the seminar with this file")
        people = _PeopleIndex(s)
        days, days_created = _days_for(s, seminar, agenda)
        again = _existing_items(s, agenda)
        by_date: dict[date, list[ImportedItem]] = {}
        for item in agenda.items:
            if item.uid not in again:
                by_date.setdefault(item.date, []).append(item)
        touched = {row.day_id for row in again.values()}
        for item in agenda.items:
            if item.uid in again:
                _update_item(again[item.uid], item, days[item.date], people)
                touched.add(days[item.date].id)
                steps()
        s.flush()
        for day_date, imported in by_date.items():
            _add_day_items(s, days[day_date], imported, people, steps)
        steps.saving()
        for day in s.scalars(select(Day).where(Day.id.in_(touched))):
            rows = items_of(s, day.id)
            renumber(rows)
            retime_items(s, day, rows)
        if seminar.start_date is None or seminar.start_date > agenda.dates[0]:
            seminar.start_date = agenda.dates[0]
        if seminar.end_date is None or seminar.end_date < agenda.dates[-1]:
            seminar.end_date = agenda.dates[-1]
        s.flush()
        steps.check()  # the last moment to cancel: after this, the transaction commits
    return ImportSummary(
        len(agenda.items), days_created, created, people.created, len(again), act.changes
    )


def _existing_items(s: Session, agenda: ImportedAgenda) -> dict[str, AgendaItem]:
    """Items of this seminar that the file (our own export) names by id."""
    uids = [i.uid for i in agenda.items if i.uid]
    if not uids:
        return {}
    return {a.id: a for a in s.scalars(select(AgendaItem).where(AgendaItem.id.in_(uids)))}


def _update_item(row: AgendaItem, item: ImportedItem, day: Day, people: "_PeopleIndex") -> None:
    """Bring an item exported earlier up to the file's version (moved to its day if needed)."""
    if row.day_id != day.id:
        row.day_id, row.position = day.id, 1_000_000  # last of its new day until renumbered
    row.kind, row.title, row.description = item.kind, item.title, item.description
    row.duration_min, row.room = item.duration_min, item.room
    if item.start is not None and (
        row.start_time is None or to_minutes(row.start_time) != item.start
    ):
        row.start_time, row.start_locked = wall_time(item.start), True
    row.chair = people.chair(item.chair)
    names = [sp.participant.name if sp.participant else sp.name for sp in row.speakers]
    if names != list(item.speakers):
        row.speakers = people.speakers(item.speakers)


class _PeopleIndex:
    """Names matched to participants without diacritics; chairs not found become participants."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.by_name = {fold(p.name): p for p in s.scalars(select(Participant))}
        self.created = 0

    def find(self, name: str) -> Participant | None:
        return self.by_name.get(fold(name.strip()))

    def chair(self, name: str) -> Participant | None:
        if not name.strip():
            return None
        person = self.find(name)
        if person is None:
            person = Participant(name=name.strip(), sort_name=fold(name.strip()), role="chair")
            self.s.add(person)
            self.by_name[fold(name.strip())] = person
            self.created += 1
        return person

    def speakers(self, names: Sequence[str]) -> list[ItemSpeaker]:
        """Speakers in order: names of participants are linked to them, others kept as text."""
        found = [(self.find(name), name) for name in names]
        return [
            ItemSpeaker(participant=person, name="" if person else name, position=i)
            for i, (person, name) in enumerate(found)
        ]


def _days_for(s: Session, seminar: Seminar, agenda: ImportedAgenda) -> tuple[dict[date, Day], int]:
    existing = {d.date: d for d in s.scalars(select(Day).where(Day.seminar_id == seminar.id))}
    created = 0
    for day_date in agenda.dates:
        if day_date in existing:
            continue
        timed = [i for i in agenda.items if i.date == day_date and i.start is not None]
        start = min((i.start or 0 for i in timed), default=9 * 60)
        end = max((i.start or 0) + i.duration_min for i in timed) if timed else 17 * 60 + 30
        untimed = sum(
            i.duration_min for i in agenda.items if i.date == day_date and i.start is None
        )
        end = max(end, start + untimed)
        day = Day(
            seminar_id=seminar.id,
            number=0,
            date=day_date,
            start_time=wall_time(start),
            end_time=wall_time(min(end, start + DAY_MINUTES - 1)),
            title="",
        )
        existing[day_date] = day
        created += 1
    # Numbers follow dates; move them out of the way first (number is unique per seminar).
    ordered = sorted(existing.values(), key=lambda d: d.date)
    top = s.scalar(select(func.max(Day.number)).where(Day.seminar_id == seminar.id)) or 0
    for i, day in enumerate(ordered, start=1):
        if day.id is not None and day in s:
            day.number = top + 1000 + i
    s.flush()
    for i, day in enumerate(ordered, start=1):
        day.number = i
        if day not in s:
            s.add(day)
    s.flush()
    return existing, created


def _add_day_items(
    s: Session,
    day: Day,
    imported: Sequence[ImportedItem],
    people: _PeopleIndex,
    step: Callable[[], None],
) -> None:
    """Append items; explicit times are kept (locking those that do not follow on)."""
    existing = list(
        s.scalars(
            select(AgendaItem).where(AgendaItem.day_id == day.id).order_by(AgendaItem.position)
        )
    )
    cursor = planned_end(s, day, existing)
    position = len(existing)
    timed = sorted((i for i in imported if i.start is not None), key=lambda i: i.start or 0)
    untimed = [i for i in imported if i.start is None]
    clusters = _clusters(timed)
    rows: list[AgendaItem] = []
    for number, cluster in enumerate(clusters):
        key = f"import-{day.date:%Y%m%d}-{number}" if len(cluster) > 1 else ""
        for item in cluster:
            locked = len(cluster) > 1 or item.start != cursor
            rows.append(_row(day, item, position, key, locked, people))
            position += 1
            step()
        cursor = max(cursor, max((i.start or 0) + i.duration_min for i in cluster))
    for item in untimed:
        rows.append(_row(day, item, position, "", False, people))
        position += 1
        step()
    s.add_all(rows)
    s.flush()
    retime_items(s, day, existing + rows)


def _clusters(timed: Sequence[ImportedItem]) -> list[list[ImportedItem]]:
    """Items whose times overlap run in parallel (several rooms): one block each."""
    out: list[list[ImportedItem]] = []
    end = None
    for item in timed:
        assert item.start is not None
        if out and end is not None and item.start < end:
            out[-1].append(item)
            end = max(end, item.start + item.duration_min)
        else:
            out.append([item])
            end = item.start + item.duration_min
    return out


def _row(
    day: Day,
    item: ImportedItem,
    position: int,
    key: str,
    locked: bool,
    people: _PeopleIndex,
) -> AgendaItem:
    chair = people.chair(item.chair)
    row = AgendaItem(
        day_id=day.id,
        position=position,
        kind=item.kind,
        title=item.title,
        description=item.description,
        duration_min=item.duration_min,
        start_time=wall_time(item.start) if item.start is not None else None,
        start_locked=locked and item.start is not None,
        parallel_key=key,
        room=item.room,
    )
    if chair is not None:  # setting relationships costs time: only what there is
        row.chair = chair
    if item.speakers:
        row.speakers = people.speakers(item.speakers)
    return row
