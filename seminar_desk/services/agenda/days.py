"""Day edits: date, theme and times of a day, adding, inserting and removing days anywhere
(removing a day in the middle may close the gap it leaves).

Days are numbered in date order and never share a date; after each edit the seminar's start
and end follow the days (services/seminar/dates.py). Each edit is one undoable step, renumbering
included (day numbers carry no unique constraint, so undo may restore them in any order).
"""

from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from seminar_desk.domain.agenda.days import closed_up, date_for_insert, rippled
from seminar_desk.domain.agenda.limits import date_problem, span_problem
from seminar_desk.domain.changes import Added, OpChanges
from seminar_desk.services.agenda.live import AgendaLive
from seminar_desk.services.agenda.retime import retime_items
from seminar_desk.services.agenda.rows import AgendaError, get_day, zone_of
from seminar_desk.services.agenda.views import DayInfo
from seminar_desk.services.seminar.dates import follow_days
from seminar_desk.store.models import Day, Seminar

DAY_FIELDS = frozenset({"date", "title", "start_time", "end_time"})


class AgendaDays(AgendaLive):
    """The day edits of the agenda service."""

    def update_day(self, day_id: str, origin: object | None = None, **values: object) -> OpChanges:
        """A day's date, theme (title), start and planned end; the day is re-timed.

        A new date may not be another day's; days are numbered by date again, and the
        seminar's dates follow.
        """
        unknown = set(values) - DAY_FIELDS
        if unknown:
            raise TypeError(f"unknown day fields: {', '.join(sorted(unknown))}")
        label = "Change day's date" if set(values) == {"date"} else "Edit day"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            day = get_day(s, day_id)
            if "date" in values and values["date"] != day.date:
                when = values["date"]
                if not isinstance(when, date):
                    raise TypeError("a day's date is a datetime.date")
                _check_free(s, day, when)
            for name, value in values.items():
                if getattr(day, name) != value:
                    setattr(day, name, value)
            s.flush()
            if "date" in values:
                _days_moved(s, _seminar(s))
            retime_items(s, day)
        return act.changes

    def add_day(self, origin: object | None = None) -> Added:
        """A day after the last one (or on the seminar's first date); the seminar's end follows."""
        return self.insert_day(None, origin=origin)

    def insert_day(self, index: int | None, origin: object | None = None) -> Added:
        """A new day at `index` of the days (0: before the first; None: after the last).

        It takes the date after the day before it (the day before the first day); days after
        it that would fall on or before it move on by a day, so the programme stays in order.
        """
        label = "Add day" if index is None else "Insert day"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            seminar = _seminar(s)
            days = _days(s, seminar.id)
            if not days and _spans_several_dates(seminar):
                # The first day of a seminar whose dates were typed first: one day per date,
                # so the dates that follow the days do not shrink to a single day unasked.
                day_id = _fill_dates(s, seminar)
            else:
                day_id = self._insert(s, seminar, days, index)
        return Added(act.changes, day_id)

    def _insert(self, s: Session, seminar: Seminar, days: list[Day], index: int | None) -> str:
        """Insert one day (see insert_day); returns its id."""
        index = len(days) if index is None else max(0, min(index, len(days)))
        today = seminar.start_date or self.desk.clock.now().astimezone(zone_of(s)).date()
        when = date_for_insert([d.date for d in days], index, today)
        after = days[index:]
        moved_to = rippled([d.date for d in after], when)
        dates = [*(d.date for d in days[:index]), when, *moved_to]
        wrong = date_problem(when) or date_problem(max(dates))
        too_long = span_problem(min(dates), max(dates))
        if too_long and not wrong:
            wrong = f"the seminar would run {too_long}"
        if wrong:
            raise AgendaError(f"Cannot add a day on {when:%Y-%m-%d}: {wrong}.")
        for day, moved in zip(after, moved_to, strict=True):
            if day.date != moved:
                day.date = moved
        model = days[index - 1] if index > 0 else (days[0] if days else None)
        start, end = (model.start_time, model.end_time) if model else (time(9), time(17, 30))
        day = Day(
            seminar_id=seminar.id,
            number=len(days) + 1,
            date=when,
            start_time=start,
            end_time=end,
            title="",
        )
        s.add(day)
        s.flush()
        _days_moved(s, seminar)
        return day.id

    def delete_day(
        self, day_id: str, origin: object | None = None, *, close_gap: bool = False
    ) -> OpChanges:
        """Remove a day and its items (any day; undoable). The other days are numbered again and
        the seminar's dates follow what is left (removing the first or last day shortens it).
        With `close_gap`, the days that followed it date after date move one date earlier
        (`closing_up` says which), in the same undo step; otherwise they keep their dates."""
        with self.desk.action("Delete day", origin=origin) as act:
            s = act.session
            day = get_day(s, day_id)
            seminar = _seminar(s)
            removed = day.date
            s.delete(day)
            s.flush()
            if close_gap:
                days = _days(s, seminar.id)
                for later, moved in zip(
                    days, closed_up([d.date for d in days], removed), strict=True
                ):
                    if later.date != moved:
                        later.date = moved
                        s.flush()  # one by one, earliest first: two days never share a date
            _days_moved(s, seminar)
        return act.changes

    def closing_up(self, day_id: str) -> list[tuple[DayInfo, date]]:
        """The days that removing `day_id` with `close_gap` would move, and their new dates
        (none when the day is the first or the last, or a free date follows it)."""
        with self.desk.read() as s:
            day = get_day(s, day_id)
            others = [d for d in _days(s, day.seminar_id) if d.id != day.id]
            moved = closed_up([d.date for d in others], day.date)
            return [
                (DayInfo(d.id, d.number, d.date, d.title), new)
                for d, new in zip(others, moved, strict=True)
                if new != d.date
            ]

    def retime_day(self, day_id: str, origin: object | None = None) -> OpChanges:
        with self.desk.action("Re-time day", origin=origin) as act:
            retime_items(act.session, get_day(act.session, day_id))
        return act.changes


def _spans_several_dates(seminar: Seminar) -> bool:
    start, end = seminar.start_date, seminar.end_date
    return start is not None and end is not None and end > start


def _fill_dates(s: Session, seminar: Seminar) -> str:
    """One day for each of the seminar's dates (checked already: at most two months)."""
    assert seminar.start_date is not None and seminar.end_date is not None
    count = (seminar.end_date - seminar.start_date).days + 1
    days = [
        Day(
            seminar_id=seminar.id,
            number=n + 1,
            date=seminar.start_date + timedelta(days=n),
            start_time=time(9),
            end_time=time(17, 30),
            title="",
        )
        for n in range(count)
    ]
    s.add_all(days)
    s.flush()
    return days[0].id


def _seminar(s: Session) -> Seminar:
    seminar = s.scalars(select(Seminar)).first()
    if seminar is None:
        raise AgendaError("Create the seminar first (File › New seminar).")
    return seminar


def _days(s: Session, seminar_id: str) -> list[Day]:
    return list(
        s.scalars(select(Day).where(Day.seminar_id == seminar_id).order_by(Day.date, Day.number))
    )


def _check_free(s: Session, day: Day, when: date) -> None:
    wrong = date_problem(when)
    if wrong:
        raise AgendaError(f"Day {day.number} cannot be on {when:%Y-%m-%d}: {wrong}.")
    other = s.scalars(
        select(Day).where(Day.seminar_id == day.seminar_id, Day.date == when, Day.id != day.id)
    ).first()
    if other is not None:
        raise AgendaError(
            f"Day {other.number} is already on {when:%A %d %B %Y}; a seminar has one day per "
            "date. Change or remove that day first."
        )


def _days_moved(s: Session, seminar: Seminar) -> None:
    """After a day was added, removed or given another date: days numbered 1, 2, 3... in date
    order again, and the seminar's dates follow them."""
    for number, day in enumerate(_days(s, seminar.id), start=1):
        if day.number != number:
            day.number = number
    s.flush()
    follow_days(s, seminar)
