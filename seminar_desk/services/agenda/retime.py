"""The agenda's side of the one re-timing engine (`domain.agenda.timing.plan_day`): items in, stored
start times out. Planning edits, live starts and ends and the live re-plan all go through
`retime_items`; only the live re-plan passes `now`.
"""

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from seminar_desk.domain.agenda.timing import (
    DayPlan,
    PlanSlot,
    day_minutes,
    plan_day,
    to_minutes,
    wall_time,
)
from seminar_desk.domain.text import fold
from seminar_desk.services.agenda.rows import items_of, local_minutes, zone_of
from seminar_desk.store.models import (
    AgendaItem,
    Day,
)


def people_of(item: AgendaItem) -> frozenset[str]:
    people = {sp.participant_id or "name:" + fold(sp.name) for sp in item.speakers}
    if item.chair_id:
        people.add(item.chair_id)
    people.discard("name:")
    return frozenset(people)


def plan_slots(
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
                actual_start=local_minutes(it.actual_start, day.date, zone)
                if it.actual_start
                else None,
                actual_end=local_minutes(it.actual_end, day.date, zone) if it.actual_end else None,
                people=people_of(it) if with_people else frozenset(),
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
        plan_slots(day, items, zone, with_people=False),
        day_end=to_minutes(day.end_time),
        now=now,
        resume_at=resume_at(day, items),
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
    slots = plan_slots(day, items, zone_of(s), with_people=False)
    return plan_day(to_minutes(day.start_time), slots).end


def adopted_duration(item: AgendaItem) -> int:
    return item.duration_min if item.adopted_duration_min is None else item.adopted_duration_min


def resume_at(day: Day, items: Sequence[AgendaItem]) -> int | None:
    """The working start of the first item after the last one that started (live days only)."""
    started = [i for i, it in enumerate(items) if it.actual_start is not None]
    if not started or started[-1] + 1 >= len(items):
        return None
    nxt = items[started[-1] + 1]
    if nxt.actual_start is not None or nxt.start_locked or nxt.start_time is None:
        return None
    return day_minutes(nxt.start_time, to_minutes(day.start_time))
