"""The seminar's own details (title block, venue, dates, organisers...)."""

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select

from seminar_desk.domain.agenda.limits import DATE_RULE, date_problem, span_problem
from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.zone import is_known_zone
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import Seminar


@dataclass(frozen=True)
class SeminarDetails:
    """Plain copy of the seminar row, safe to hand to views and report builders."""

    title: str = ""
    short_title: str = ""
    venue: str = ""
    city: str = ""
    country: str = ""
    timezone: str = "UTC"
    start_date: date | None = None
    end_date: date | None = None
    organisers: str = ""
    donors: str = ""
    objectives: str = ""
    introduction: str = ""
    language: str = "en"
    default_speaking_limit_s: int = 180
    conclusions: str = ""
    document_symbol: str = ""
    distribution: str = "general"


FIELDS = tuple(f.name for f in fields(SeminarDetails))


class SeminarService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def details(self) -> SeminarDetails | None:
        with self.desk.read() as session:
            row = session.scalars(select(Seminar)).first()
            if row is None:
                return None
            return SeminarDetails(**{name: getattr(row, name) for name in FIELDS})

    def identity(self) -> str | None:
        """The seminar's stable id: the same file moved or renamed keeps it, another seminar
        (a new file, the demo written again) has its own."""
        with self.desk.read() as session:
            return session.scalar(select(Seminar.id).order_by(Seminar.created_at).limit(1))

    def update(self, origin: object | None = None, **values: object) -> OpChanges:
        """Change some details in one undoable step; unknown names are a programming error."""
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise TypeError(f"unknown seminar fields: {', '.join(sorted(unknown))}")
        if "timezone" in values:
            _check_timezone(str(values["timezone"]))
        start, end = values.get("start_date"), values.get("end_date")
        with self.desk.action("Edit seminar details", origin=origin) as act:
            row = act.session.scalars(select(Seminar)).first()
            if row is None:
                row = Seminar()
                act.session.add(row)
            start = start if "start_date" in values else row.start_date
            end = end if "end_date" in values else row.end_date
            if isinstance(start, date) and isinstance(end, date) and end < start:
                raise SeminarError("The seminar cannot end before it starts.")
            _check_dates(start, end)
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
        return act.changes


class SeminarError(Refusal, ValueError):
    """Details the seminar refuses (dates in the wrong order, an unknown time zone)."""


def _check_dates(start: object, end: object) -> None:
    """The limits imports have too (domain.agenda.limits): sane years, at most two months."""
    for when in (start, end):
        if isinstance(when, date) and date_problem(when):
            raise Refusal(f"The seminar's dates must be {DATE_RULE}; found {when:%Y-%m-%d}.")
    if isinstance(start, date) and isinstance(end, date):
        wrong = span_problem(start, end)
        if wrong:
            raise Refusal(f"The seminar would run {wrong}.")


def _check_timezone(name: str) -> None:
    """Reports and calendar exports depend on the zone: refuse names the system does not know."""
    if not is_known_zone(name):
        raise SeminarError(
            f"Unknown time zone {name!r}; use a name such as Asia/Phnom_Penh or UTC."
        )
