"""The agenda service on the demo seminar: planning edits, undo, parallel items, live mode."""

from datetime import time

import pytest

from seminar_desk.domain.agenda.timing import format_minutes
from seminar_desk.domain.changes import Added, Area
from seminar_desk.domain.clock import FakeClock
from seminar_desk.services.agenda import AgendaError, AgendaService, SpeakerRef
from seminar_desk.services.desk import Desk


def starts(service: AgendaService, day_id: str) -> list[str]:
    return [format_minutes(i.start) for i in service.day(day_id).items]


@pytest.fixture
def agenda(demo_desk: Desk) -> AgendaService:
    return AgendaService(demo_desk)


@pytest.fixture
def day1(agenda: AgendaService) -> str:
    return agenda.days()[0].id


DAY1 = ["09:00", "09:45", "10:15", "11:15", "12:30", "13:30", "14:45", "15:00", "16:30"]


def test_demo_days_show_their_programme(agenda: AgendaService, day1: str):
    days = agenda.days()
    assert [d.number for d in days] == [1, 2]
    view = agenda.day(day1)
    assert starts(agenda, day1) == DAY1
    lunch = view.items[4]
    assert lunch.kind == "meal" and lunch.start_locked
    assert view.items[2].chair_name == "Sok Chanthy"
    assert "Hannah Lindqvist" in view.items[2].speaker_names
    assert view.warnings == () and view.delay_min is None
    assert starts(agenda, days[1].id)[-1] == "17:00"


def test_changing_a_duration_retimes_the_day_and_undo_restores_it(
    agenda: AgendaService, demo_desk: Desk, day1: str
):
    session1 = agenda.day(day1).items[2]
    changes = agenda.set_duration(session1.id, 90)
    assert changes.touches(Area.AGENDA)
    assert starts(agenda, day1)[:6] == ["09:00", "09:45", "10:15", "11:45", "12:30", "13:30"]
    lunch = agenda.day(day1).items[4]
    assert any("12:30" in w for w in lunch.warnings)  # session 2 now runs to 13:00
    assert demo_desk.undo_label == "Change duration"
    demo_desk.undo()
    assert starts(agenda, day1) == DAY1
    assert agenda.day(day1).items[4].warnings == ()
    demo_desk.redo()
    assert starts(agenda, day1)[3] == "11:45"


def test_unlocking_and_locking_a_start(agenda: AgendaService, day1: str):
    lunch = agenda.day(day1).items[4]
    agenda.update_item(lunch.id, start_locked=False)
    assert starts(agenda, day1)[4] == "12:30"  # the morning happens to end at 12:30
    agenda.set_duration(agenda.day(day1).items[3].id, 60)
    assert starts(agenda, day1)[4] == "12:15"
    agenda.update_item(lunch.id, start_time=time(12, 45))
    view = agenda.day(day1)
    assert view.items[4].start_locked and format_minutes(view.items[4].start) == "12:45"


def test_day_past_its_end_is_warned(agenda: AgendaService, day1: str):
    last = agenda.day(day1).items[-1]
    agenda.set_duration(last.id, 90)
    view = agenda.day(day1)
    assert any("past its planned end" in w for w in view.warnings)
    assert view.items[-1].warnings


def test_add_duplicate_delete_and_undo(agenda: AgendaService, demo_desk: Desk, day1: str):
    first = agenda.day(day1).items[0]
    added = agenda.add_item(day1, after_id=first.id, title="Security briefing", duration_min=10)
    assert isinstance(added, Added) and added.changes.touches(Area.AGENDA)
    new_id = added.id
    view = agenda.day(day1)
    assert view.items[1].id == new_id and view.items[1].title == "Security briefing"
    assert format_minutes(view.items[2].start) == "09:55"
    copy_id = agenda.duplicate_item(view.items[3].id).id
    view = agenda.day(day1)
    assert view.items[4].id == copy_id
    assert view.items[4].title == view.items[3].title
    assert view.items[4].speaker_names == view.items[3].speaker_names
    agenda.delete_items([new_id, copy_id])
    assert starts(agenda, day1) == DAY1
    demo_desk.undo()
    assert len(agenda.day(day1).items) == 11
    demo_desk.undo()
    demo_desk.undo()
    assert starts(agenda, day1) == DAY1
    assert [i.id for i in agenda.day(day1).items][0] == first.id


def test_move_within_a_day_and_to_another_day(agenda: AgendaService, demo_desk: Desk, day1: str):
    day2 = agenda.days()[1].id
    view = agenda.day(day1)
    photo = view.items[1]
    agenda.move_item(photo.id, day1, 3)
    assert [i.id for i in agenda.day(day1).items].index(photo.id) == 3
    assert starts(agenda, day1)[:4] == ["09:00", "09:45", "10:45", "12:00"]
    agenda.move_item(photo.id, day2, 0)
    assert agenda.day(day2).items[0].id == photo.id
    assert len(agenda.day(day1).items) == 8
    assert starts(agenda, day2)[:2] == ["09:00", "09:30"]
    demo_desk.undo()
    demo_desk.undo()
    assert starts(agenda, day1) == DAY1
    assert [i.id for i in agenda.day(day1).items][1] == photo.id


def test_keyboard_moves_cross_day_boundaries(agenda: AgendaService, day1: str):
    day2 = agenda.days()[1].id
    last = agenda.day(day1).items[-1]
    agenda.move_by(last.id, -1)
    assert agenda.day(day1).items[-2].id == last.id
    agenda.move_by(last.id, 1)
    agenda.move_by(last.id, 1)
    assert agenda.day(day2).items[0].id == last.id
    agenda.move_by(last.id, -1)
    assert agenda.day(day1).items[-1].id == last.id


def test_parallel_breakouts_and_double_booked_people(agenda: AgendaService, day1: str):
    view = agenda.day(day1)
    tour = view.items[7]
    b1 = agenda.add_item(
        day1,
        after_id=tour.id,
        kind="breakout",
        title="Group A",
        duration_min=60,
        room="A",
        parallel_key="groups",
        chair_id=tour.chair_id,
    ).id
    b2 = agenda.add_item(
        day1,
        after_id=b1,
        kind="breakout",
        title="Group B",
        duration_min=45,
        room="B",
        parallel_key="groups",
    ).id
    view = agenda.day(day1)
    a, b, wrap = view.items[8], view.items[9], view.items[10]
    assert a.start == b.start == view.items[7].end
    assert wrap.start == a.end  # the next item waits for the longer group
    assert a.warnings == () and b.warnings == ()
    agenda.update_item(b2, speakers=[SpeakerRef(tour.chair_id, "")])
    view = agenda.day(day1)
    assert view.items[8].warnings == ("Chea Sophal also booked in “Group B” at the same time.",)
    assert view.items[9].warnings == ("Chea Sophal also booked in “Group A” at the same time.",)


def test_unknown_fields_and_bad_values_are_refused(agenda: AgendaService, day1: str):
    item = agenda.day(day1).items[0]
    with pytest.raises(TypeError):
        agenda.update_item(item.id, colour="red")
    with pytest.raises(AgendaError):
        agenda.set_duration(item.id, -5)
    with pytest.raises(AgendaError):
        agenda.update_item(item.id, kind="juggling")


def test_running_live_late_and_replanning(
    agenda: AgendaService, demo_desk: Desk, clock: FakeClock, day1: str
):
    # The fake clock starts at 09:00 in Phnom Penh on day 1.
    items = agenda.day(day1).items
    agenda.start_item(items[0].id)
    view = agenda.day(day1)
    assert view.current is not None and view.current.id == items[0].id
    assert view.delay_min == 0
    clock.advance(57 * 60)  # the opening runs 12 minutes over
    assert agenda.day(day1).delay_min == 12
    agenda.start_next(day1)  # ends the opening at 09:57, starts the photo
    view = agenda.day(day1)
    assert view.items[0].done and view.items[1].running
    assert view.items[0].actual_end_min == 9 * 60 + 57
    assert view.delay_min == 12
    clock.advance(60 * 60)  # the photo and coffee take an hour: it is 10:57
    result = agenda.replan(day1)
    view = agenda.day(day1)
    assert [format_minutes(i.start) for i in view.items[:5]] == [
        "09:00",
        "09:57",
        "10:57",
        "11:57",
        "12:30",
    ]
    assert result.collisions == ("Lunch hosted by the Royal Government of Cambodia",)
    assert "Session 1" in result.moved[0]
    assert view.items[4].warnings
    # Planned times stay on record beside the working ones.
    assert format_minutes(view.items[2].planned_start) == "10:15"
    # The photo was planned to end at 10:15 and still runs at 10:57.
    assert view.delay_min == 42
    demo_desk.undo()
    # Starting and ending items move nothing by themselves; only re-planning does.
    assert format_minutes(agenda.day(day1).items[2].start) == "10:15"
    demo_desk.redo()
    # A planning edit after the re-plan keeps what it decided.
    agenda.set_duration(view.items[2].id, 45)
    assert starts(agenda, day1)[2:4] == ["10:57", "11:42"]
    agenda.start_next(day1)
    view = agenda.day(day1)
    assert view.current.id == view.items[2].id and view.delay_min == 42


def test_start_and_end_refuse_what_makes_no_sense(agenda: AgendaService, day1: str):
    item = agenda.day(day1).items[0]
    with pytest.raises(AgendaError):
        agenda.end_item(item.id)
    agenda.start_item(item.id)
    with pytest.raises(AgendaError):
        agenda.start_item(item.id)
    agenda.end_item(item.id)
    assert agenda.day(day1).current is None


def test_replan_before_the_day_moves_nothing(agenda: AgendaService, demo_desk: Desk):
    day2 = agenda.days()[1].id
    result = agenda.replan(day2)
    assert result.moved == () and result.collisions == ()


def test_add_and_delete_days(agenda: AgendaService, demo_desk: Desk):
    from datetime import date

    from seminar_desk.services.seminar import SeminarService

    added_day = agenda.add_day()
    assert isinstance(added_day, Added) and added_day.changes.touches(Area.AGENDA)
    day3 = added_day.id
    days = agenda.days()
    assert [d.number for d in days] == [1, 2, 3] and days[2].date == date(2026, 12, 21)
    assert SeminarService(demo_desk).details().end_date == date(2026, 12, 21)
    agenda.add_item(day3, title="Field visit", duration_min=120)
    agenda.delete_day(day3)
    assert [d.number for d in agenda.days()] == [1, 2]
    assert SeminarService(demo_desk).details().end_date == date(2026, 12, 20)
    demo_desk.undo()
    assert [(d.number, d.date.day) for d in agenda.days()] == [(1, 19), (2, 20), (3, 21)]
    assert agenda.day(day3).items[0].title == "Field visit"


def test_first_day_of_a_new_seminar(desk: Desk):
    from datetime import date

    from seminar_desk.services.seminar import SeminarService

    agenda = AgendaService(desk)
    with pytest.raises(AgendaError):
        agenda.add_day()
    SeminarService(desk).update(title="New", start_date=date(2027, 1, 5), end_date=date(2027, 1, 5))
    day_id = agenda.add_day().id
    assert agenda.days()[0].date == date(2027, 1, 5)
    agenda.add_item(day_id, title="Opening", duration_min=30)
    assert agenda.day(day_id).items[0].start == 9 * 60


def test_making_neighbouring_items_parallel_and_back(
    agenda: AgendaService, demo_desk: Desk, day1: str
):
    view = agenda.day(day1)
    s3, pause = view.items[5].id, view.items[6].id
    agenda.set_parallel([s3, pause])
    view = agenda.day(day1)
    assert view.items[5].start == view.items[6].start == 13 * 60 + 30
    assert view.items[5].parallel_key == view.items[6].parallel_key != ""
    assert format_minutes(view.items[7].start) == "14:45"  # after the longer of the two
    with pytest.raises(AgendaError, match="next to each other"):
        agenda.set_parallel([view.items[0].id, view.items[2].id])
    with pytest.raises(AgendaError, match="two or more"):
        agenda.set_parallel([s3])
    agenda.set_parallel([s3, pause], together=False)
    assert starts(agenda, day1) == DAY1
    demo_desk.undo()
    demo_desk.undo()
    assert starts(agenda, day1) == DAY1 and agenda.day(day1).items[5].parallel_key == ""


def test_parallel_items_run_live_together(agenda: AgendaService, clock: FakeClock, day1: str):
    tour = agenda.day(day1).items[7]
    a = agenda.add_item(day1, after_id=tour.id, title="Room A", kind="breakout").id
    b = agenda.add_item(day1, after_id=a, title="Room B", kind="breakout").id
    agenda.set_parallel([a, b])
    agenda.start_item(a)
    agenda.start_item(b)  # a parallel item does not end its sibling
    view = agenda.day(day1)
    assert [i.title for i in view.items if i.running] == ["Room A", "Room B"]
    clock.advance(30 * 60)
    agenda.start_next(day1)  # the wrap-up: both rooms end now
    view = agenda.day(day1)
    assert view.items[8].done and view.items[9].done and view.items[10].running
    assert view.items[8].actual_end == view.items[9].actual_end == clock.now()


def test_replanning_never_changes_the_adopted_programme(
    agenda: AgendaService, clock: FakeClock, day1: str
):
    """Even before anything has started (the room is late at 09:20), or with a clock outside
    the day, re-planning moves the current plan only."""
    clock.advance(20 * 60)
    agenda.replan(day1)
    view = agenda.day(day1)
    assert [format_minutes(i.planned_start) for i in view.items] == DAY1
    clock.advance(30 * 24 * 3600)
    agenda.replan_day_of(view.items[3].id)
    assert [format_minutes(i.planned_start) for i in agenda.day(day1).items] == DAY1
