"""The seminar's own details (title block, venue, dates, organisers...)."""

from dataclasses import fields
from datetime import date

from sqlalchemy import select

from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.speakers.speaking_time import DEFAULT_SPEECH_LIMITS, speech_limits_problem
from seminar_desk.domain.zone import is_known_zone
from seminar_desk.reports.snapshot import SeminarInfo
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar.dates import check_dates, follow_days
from seminar_desk.store.models import Day, Seminar

# The plain copy of the seminar row that views and report builders get: one shape, declared
# with the report snapshots (reports/ cannot import services).
SeminarDetails = SeminarInfo
FIELDS = tuple(f.name for f in fields(SeminarDetails))


def details_of(row: Seminar) -> SeminarDetails:
    values = {name: getattr(row, name) for name in FIELDS}
    if values["speech_limits"] is None:  # a file from before speech limits
        values["speech_limits"] = dict(DEFAULT_SPEECH_LIMITS)
    return SeminarDetails(**values)


class SeminarService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def details(self) -> SeminarDetails | None:
        with self.desk.read() as session:
            row = session.scalars(select(Seminar)).first()
            if row is None:
                return None
            return details_of(row)

    def identity(self) -> str | None:
        """The seminar's stable id: the same file moved or renamed keeps it, another seminar
        (a new file, the demo written again) has its own."""
        with self.desk.read() as session:
            return session.scalar(select(Seminar.id).order_by(Seminar.created_at).limit(1))

    def update(
        self, origin: object | None = None, *, move_days: bool = False, **values: object
    ) -> OpChanges:
        """Change some details in one undoable step; unknown names are a programming error.

        Once the seminar has days, its dates are its first and last day's (dates.py): a new
        start date moves every day by as much, in the same step, when `move_days` (the window
        asks first); otherwise it is refused, as is an end date that is not the last day's.
        """
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise TypeError(f"unknown seminar fields: {', '.join(sorted(unknown))}")
        if "timezone" in values:
            _check_timezone(str(values["timezone"]))
        if "speech_limits" in values:
            limits = dict(values["speech_limits"])  # type: ignore[call-overload]
            wrong = speech_limits_problem(limits)
            if wrong:
                raise SeminarError(f"Speaking time: {wrong}.")
            values["speech_limits"] = limits
        start, end = values.get("start_date"), values.get("end_date")
        label = "Move the seminar's days" if move_days else "Edit seminar details"
        with self.desk.action(label, origin=origin) as act:
            s = act.session
            row = s.scalars(select(Seminar)).first()
            if row is None:
                row = Seminar()
                s.add(row)
            days = list(s.scalars(select(Day).where(Day.seminar_id == row.id).order_by(Day.date)))
            if days:
                start, end = self._days_follow(row, days, values, move_days)
            else:
                start = start if "start_date" in values else row.start_date
                end = end if "end_date" in values else row.end_date
                end = _end_follows_start(row, start, end, "end_date" in values)
            if isinstance(start, date) and isinstance(end, date) and end < start:
                raise SeminarError("The seminar cannot end before it starts.")
            check_dates(start, end)
            for name, value in values.items():
                if name not in ("start_date", "end_date") and getattr(row, name) != value:
                    setattr(row, name, value)
            if (row.start_date, row.end_date) != (start, end):
                row.start_date, row.end_date = start, end
            if days:
                follow_days(s, row)
        return act.changes

    @staticmethod
    def _days_follow(
        row: Seminar, days: list[Day], values: dict[str, object], move_days: bool
    ) -> tuple[date, date]:
        """The seminar's dates once its days have followed a new start date (or refused)."""
        first, last = days[0].date, days[-1].date
        start = values.get("start_date", first)
        end = values.get("end_date", last)
        if not isinstance(start, date) or not isinstance(end, date):
            raise SeminarError(
                f"The seminar has {len(days)} day(s), so it has dates: from {first:%d %B %Y} "
                f"to {last:%d %B %Y}. Remove the days on the Agenda page to clear them."
            )
        shift = start - first
        if shift and not move_days:
            raise SeminarError(
                f"The seminar starts on its first day, {first:%A %d %B %Y}. Move all its days "
                f"to start on {start:%d %B %Y}, or change Day 1's date."
            )
        if "end_date" in values and end != last + shift:
            raise SeminarError(
                f"The seminar ends on its last day, {last + shift:%A %d %B %Y}. Add or remove "
                "days (Seminar page, Days) to change its end."
            )
        check_dates(first + shift, last + shift)
        if shift:
            for day in sorted(days, key=lambda d: d.date, reverse=shift.days > 0):
                day.date = day.date + shift
        return first + shift, last + shift


def _end_follows_start(row: Seminar, start: object, end: object, end_given: bool) -> object:
    """Before there are days, a start typed past the end takes the end along (the seminar
    keeps its length): a new seminar (today to today) then moves to March in one entry."""
    old_start, old_end = row.start_date, row.end_date
    if end_given or not (isinstance(start, date) and isinstance(end, date)) or end >= start:
        return end
    length = (old_end - old_start) if isinstance(old_start, date) and old_end else None
    return start + length if length is not None and length.days >= 0 else start


class SeminarError(Refusal, ValueError):
    """Details the seminar refuses (dates in the wrong order, an unknown time zone)."""


def _check_timezone(name: str) -> None:
    """Reports and calendar exports depend on the zone: refuse names the system does not know."""
    if not is_known_zone(name):
        raise SeminarError(
            f"Unknown time zone {name!r}; use a name such as Asia/Phnom_Penh or UTC."
        )
