"""Days: dates and themes, inserting and removing anywhere, the seminar's dates follow, and
each change is one undo step."""

from datetime import date

import pytest

from seminar_desk.domain.refusal import Refusal
from seminar_desk.services.agenda import AgendaService
from seminar_desk.services.desk import Desk
from seminar_desk.services.seminar import SeminarService


def dated(agenda: AgendaService) -> list[tuple[int, date, str]]:
    return [(d.number, d.date, d.title) for d in agenda.days()]


def span(desk: Desk) -> tuple[date | None, date | None]:
    details = SeminarService(desk).details()
    return details.start_date, details.end_date


def test_a_days_date_and_theme_change_and_the_seminar_follows(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    day1, day2 = (d.id for d in agenda.days())
    agenda.update_day(day2, date=date(2026, 12, 22), title="Recommendations")
    assert dated(agenda)[1] == (2, date(2026, 12, 22), "Recommendations")
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 22))
    # Day 1 moved past day 2: they are numbered by date again.
    agenda.update_day(day1, date=date(2026, 12, 23))
    assert [(n, d) for n, d, _ in dated(agenda)] == [
        (1, date(2026, 12, 22)),
        (2, date(2026, 12, 23)),
    ]
    assert agenda.days()[0].id == day2
    assert span(demo_desk) == (date(2026, 12, 22), date(2026, 12, 23))
    demo_desk.undo()
    assert [d.id for d in agenda.days()] == [day1, day2]
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 22))


def test_two_days_on_one_date_are_refused(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    day1, day2 = agenda.days()
    with pytest.raises(Refusal, match="Day 1 is already on Saturday 19 December 2026"):
        agenda.update_day(day2.id, date=day1.date)


def test_inserting_a_day_in_the_middle_moves_the_later_days_in_one_undo_step(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    first, second = (d.id for d in agenda.days())
    items_of_second = [i.id for i in agenda.day(second).items]
    new = agenda.insert_day(1).id
    assert [(d.id, d.number, d.date) for d in agenda.days()] == [
        (first, 1, date(2026, 12, 19)),
        (new, 2, date(2026, 12, 20)),
        (second, 3, date(2026, 12, 21)),
    ]
    assert [i.id for i in agenda.day(second).items] == items_of_second
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 21))
    assert demo_desk.undo_label == "Insert day"
    demo_desk.undo()
    assert [(d.id, d.number, d.date) for d in agenda.days()] == [
        (first, 1, date(2026, 12, 19)),
        (second, 2, date(2026, 12, 20)),
    ]
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 20))
    demo_desk.redo()
    assert [d.id for d in agenda.days()] == [first, new, second]


def test_a_day_before_the_first_and_a_gap_that_is_kept(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    first, second = (d.id for d in agenda.days())
    agenda.update_day(second, date=date(2026, 12, 23))  # a gap after day 1
    before = agenda.insert_day(0).id
    middle = agenda.insert_day(2).id
    assert [(d.id, d.date.day) for d in agenda.days()] == [
        (before, 18),
        (first, 19),
        (middle, 20),
        (second, 23),  # the gap took the new day: day 3 stays where it was
    ]
    assert [d.number for d in agenda.days()] == [1, 2, 3, 4]


def test_removing_a_day_in_the_middle_renumbers_and_undo_brings_it_back(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    agenda.add_day()
    day1, day2, day3 = (d.id for d in agenda.days())
    titles = [i.title for i in agenda.day(day2).items]
    agenda.delete_day(day2)
    assert [(d.id, d.number) for d in agenda.days()] == [(day1, 1), (day3, 2)]
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 21))
    agenda.delete_day(day1)
    assert span(demo_desk) == (date(2026, 12, 21), date(2026, 12, 21))
    demo_desk.undo()
    demo_desk.undo()
    assert [(d.id, d.number) for d in agenda.days()] == [(day1, 1), (day2, 2), (day3, 3)]
    assert [i.title for i in agenda.day(day2).items] == titles


def test_a_new_start_date_moves_every_day_when_asked(demo_desk: Desk):
    seminar, agenda = SeminarService(demo_desk), AgendaService(demo_desk)
    with pytest.raises(Refusal, match="starts on its first day, Saturday 19 December 2026"):
        seminar.update(start_date=date(2027, 3, 3))
    seminar.update(start_date=date(2027, 3, 3), move_days=True)
    assert [d.date for d in agenda.days()] == [date(2027, 3, 3), date(2027, 3, 4)]
    assert span(demo_desk) == (date(2027, 3, 3), date(2027, 3, 4))
    demo_desk.undo()
    assert [d.date for d in agenda.days()] == [date(2026, 12, 19), date(2026, 12, 20)]
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 20))


def test_the_printed_programme_never_disagrees_with_the_days(demo_desk: Desk):
    """The issue: dates moved to March, the programme still said 19 December."""
    from seminar_desk.services.reporting.report_data import load_snapshot

    SeminarService(demo_desk).update(start_date=date(2027, 3, 3), move_days=True)
    snap = load_snapshot(demo_desk)
    assert (snap.details.start_date, snap.details.end_date) == (date(2027, 3, 3), date(2027, 3, 4))
    assert [d.date for d in snap.days] == [date(2027, 3, 3), date(2027, 3, 4)]


def _three_days(agenda: AgendaService) -> list[str]:
    """The demo's two days (19 and 20 December 2026) and a third on the 21st."""
    agenda.add_day()
    return [d.id for d in agenda.days()]


def test_removing_a_middle_day_may_close_the_gap_in_one_undo_step(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    first, middle, last = _three_days(agenda)
    assert [(d.id, new) for d, new in agenda.closing_up(middle)] == [(last, date(2026, 12, 20))]
    items_of_middle = len(agenda.day(middle).items)
    assert items_of_middle  # the demo's day 2 holds items: they go with it
    agenda.delete_day(middle, close_gap=True)
    assert [(d.id, d.number, d.date) for d in agenda.days()] == [
        (first, 1, date(2026, 12, 19)),
        (last, 2, date(2026, 12, 20)),
    ]
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 20))
    demo_desk.undo()  # one step: the day, its items and the moved day's date
    assert [(d.id, d.number, d.date) for d in agenda.days()] == [
        (first, 1, date(2026, 12, 19)),
        (middle, 2, date(2026, 12, 20)),
        (last, 3, date(2026, 12, 21)),
    ]
    assert len(agenda.day(middle).items) == items_of_middle
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 21))
    demo_desk.redo()
    assert [d.date for d in agenda.days()] == [date(2026, 12, 19), date(2026, 12, 20)]


def test_removing_a_middle_day_and_keeping_the_dates_leaves_the_gap(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    first, middle, last = _three_days(agenda)
    agenda.delete_day(middle)
    assert [(d.id, d.date) for d in agenda.days()] == [
        (first, date(2026, 12, 19)),
        (last, date(2026, 12, 21)),
    ]
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 21))


def test_removing_the_first_or_last_day_shortens_the_seminar(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    first, middle, last = _three_days(agenda)
    assert agenda.closing_up(first) == [] and agenda.closing_up(last) == []
    agenda.delete_day(last, close_gap=True)  # nothing to close: the seminar ends sooner
    assert span(demo_desk) == (date(2026, 12, 19), date(2026, 12, 20))
    agenda.delete_day(first, close_gap=True)  # ... and starts later, day 2 keeps its date
    assert [(d.id, d.number, d.date) for d in agenda.days()] == [(middle, 1, date(2026, 12, 20))]
    assert span(demo_desk) == (date(2026, 12, 20), date(2026, 12, 20))


def test_closing_the_gap_stops_at_a_free_date(demo_desk: Desk):
    agenda = AgendaService(demo_desk)
    first, middle, last = _three_days(agenda)
    agenda.add_day()
    fourth = agenda.days()[-1].id
    agenda.update_day(fourth, date=date(2026, 12, 24))  # after a free 23rd
    assert [d.id for d, _ in agenda.closing_up(middle)] == [last]
    agenda.delete_day(middle, close_gap=True)
    assert [(d.id, d.date) for d in agenda.days()] == [
        (first, date(2026, 12, 19)),
        (last, date(2026, 12, 20)),
        (fourth, date(2026, 12, 24)),
    ]
