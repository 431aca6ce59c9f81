"""The rules that keep a seminar's days in order: numbered by date, never two on one date, and
the seminar running from its first day to its last; an inserted day pushes the days behind it
on, a removed one may pull them back.

The services apply them after every change of days (adding, inserting, removing, a day's date,
the seminar's start), so the printed programme can never say "3-19 March 2027" above
"Saturday, 19 December 2026".
"""

from collections.abc import Sequence
from datetime import date, timedelta


def seminar_span(day_dates: Sequence[date]) -> tuple[date, date] | None:
    """The seminar's start and end: its first and last day (None when it has no days yet)."""
    return (min(day_dates), max(day_dates)) if day_dates else None


def date_for_insert(day_dates: Sequence[date], index: int, today: date) -> date:
    """The date of a day inserted at `index` of the days (in date order): the day after the one
    before it, or the day before the first; `today` for a seminar with no days."""
    if not day_dates:
        return today
    if index <= 0:
        return day_dates[0] - timedelta(days=1)
    return day_dates[min(index, len(day_dates)) - 1] + timedelta(days=1)


def rippled(day_dates: Sequence[date], new: date) -> list[date]:
    """The dates of the days after an inserted one on `new`: each day that would fall on or
    before the day in front of it moves to the next date, so the days stay in order; a day with
    a free date in front of it (a gap in the programme) stays where it is."""
    out: list[date] = []
    previous = new
    for when in day_dates:
        if when <= previous:
            when = previous + timedelta(days=1)
        out.append(when)
        previous = when
    return out


def closed_up(day_dates: Sequence[date], removed: date) -> list[date]:
    """The dates of the days left (in date order) when the gap a removed day leaves is closed:
    the days that followed it date after date each move one date earlier; from the first free
    date on (a weekend, a rest day) the days keep theirs, as with `rippled`. A removed first or
    last day leaves no gap: the seminar simply starts later or ends sooner.

    Removing 4 March of 3, 4, 5, 6 March gives 3, 4, 5 March; of 3, 4, 5, 9 March, 3, 4, 9 March.
    """
    if not any(when < removed for when in day_dates):
        return list(day_dates)
    out: list[date] = []
    following: date | None = removed
    for when in day_dates:
        if when > removed and following is not None and when == following + timedelta(days=1):
            following = when
            when -= timedelta(days=1)
        elif when > removed:
            following = None  # a free date: the rest stays
        out.append(when)
    return out
