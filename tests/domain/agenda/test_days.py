"""Closing the gap a removed day leaves: the days that followed it date after date move back."""

from datetime import date

import pytest

from seminar_desk.domain.agenda.days import closed_up


def march(*days: int) -> list[date]:
    return [date(2027, 3, d) for d in days]


@pytest.mark.parametrize(
    ("left", "removed", "closed"),
    [
        (march(3, 5), 4, march(3, 4)),  # the middle day of three
        (march(3, 5, 6), 4, march(3, 4, 5)),  # every day that followed it moves
        (march(3, 5, 9, 10), 4, march(3, 4, 9, 10)),  # not past a free date (a weekend)
        (march(3, 7), 4, march(3, 7)),  # a free date already behind it: nothing moves
        (march(4, 5), 3, march(4, 5)),  # the first day: the seminar starts later
        (march(3, 4), 5, march(3, 4)),  # the last day: it ends sooner
        ([], 4, []),
    ],
)
def test_closed_up(left: list[date], removed: int, closed: list[date]) -> None:
    assert closed_up(left, date(2027, 3, removed)) == closed
