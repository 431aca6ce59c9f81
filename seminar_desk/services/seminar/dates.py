"""The seminar's dates follow its days: the one place that sets them from the days (after any
change of days) and checks dates the seminar may have (sane years, at most two months)."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from seminar_desk.domain.agenda.days import seminar_span
from seminar_desk.domain.agenda.limits import DATE_RULE, date_problem, span_problem
from seminar_desk.domain.refusal import Refusal
from seminar_desk.store.models import Day, Seminar


def follow_days(s: Session, seminar: Seminar) -> None:
    """Start and end become the first and last day's dates (kept as they are with no days)."""
    s.flush()
    dates = list(s.scalars(select(Day.date).where(Day.seminar_id == seminar.id)))
    span = seminar_span(dates)
    if span is None:
        return
    check_dates(*span)
    if (seminar.start_date, seminar.end_date) != span:
        seminar.start_date, seminar.end_date = span


def check_dates(start: object, end: object) -> None:
    """The limits imports have too (domain.agenda.limits): sane years, at most two months."""
    for when in (start, end):
        if isinstance(when, date) and date_problem(when):
            raise Refusal(f"The seminar's dates must be {DATE_RULE}; found {when:%Y-%m-%d}.")
    if isinstance(start, date) and isinstance(end, date):
        wrong = span_problem(start, end)
        if wrong:
            raise Refusal(f"The seminar would run {wrong}.")
