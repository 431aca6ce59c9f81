"""What the agenda shows: days, people and a day's plan with its warnings, read in one
short session each."""

from collections.abc import Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from seminar_desk.domain.agenda.timing import (
    PlanWarning,
    day_minutes,
    delay_minutes,
    plan_day,
    to_minutes,
)
from seminar_desk.domain.text import fold
from seminar_desk.services.agenda.retime import adopted_duration, plan_slots, resume_at
from seminar_desk.services.agenda.rows import (
    get_day,
    get_item,
    load_items,
    local_minutes,
    zone_of,
)
from seminar_desk.services.agenda.views import (
    DayInfo,
    DayView,
    ItemView,
    PersonRef,
    Removal,
    SpeakerRef,
)
from seminar_desk.services.desk import Desk
from seminar_desk.services.rows import record_from
from seminar_desk.store.models import (
    ActionItem,
    AgendaItem,
    BreakoutGroup,
    Day,
    Note,
    Participant,
    Recommendation,
    SpeakerEntry,
)


class AgendaReads:
    """The agenda's reads; the service adds the edits and the live operations."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def timezone(self, session: Session | None = None) -> ZoneInfo:
        if session is None:
            with self.desk.read() as s:
                return self.timezone(s)
        return zone_of(session)

    def days(self) -> list[DayInfo]:
        with self.desk.read() as s:
            rows = s.execute(select(Day.id, Day.number, Day.date, Day.title).order_by(Day.number))
            return [DayInfo(*row) for row in rows]

    def people(self) -> list[PersonRef]:
        """Participants for the chair and speaker completers, sorted without diacritics."""
        with self.desk.read() as s:
            rows = s.scalars(
                select(Participant)
                .options(selectinload(Participant.organisation))
                .order_by(Participant.sort_name, Participant.name)
            )
            return [
                PersonRef(p.id, p.name, p.organisation.code if p.organisation else "") for p in rows
            ]

    def day(self, day_id: str) -> DayView:
        with self.desk.read() as s:
            day = get_day(s, day_id)
            items = load_items(s, day_id)
            zone = self.timezone(s)
            return day_view(day, items, zone, self.desk.clock.now())

    def item(self, item_id: str) -> ItemView:
        with self.desk.read() as s:
            view = self.day(get_item(s, item_id).day_id)
        return view.items[view.index_of(item_id)]

    def removal(self, item_ids: Iterable[str] = (), day_id: str | None = None) -> Removal:
        """What deleting these items (or every item of `day_id`) would remove with them."""
        with self.desk.read() as s:
            if day_id is not None:
                ids = list(s.scalars(select(AgendaItem.id).where(AgendaItem.day_id == day_id)))
            else:
                ids = list(item_ids)
            groups = list(s.scalars(select(BreakoutGroup.id).where(BreakoutGroup.item_id.in_(ids))))

            def count(model: type[Note] | type[Recommendation] | type[ActionItem]) -> int:
                on = model.item_id.in_(ids) | model.group_id.in_(groups)
                if model is Note:
                    on = on & (func.trim(Note.body) != "")  # an emptied note holds nothing
                return s.scalar(select(func.count()).select_from(model).where(on)) or 0

            entries = select(func.count()).select_from(SpeakerEntry)
            entries = entries.where(SpeakerEntry.item_id.in_(ids))
            return Removal(
                items=len(ids),
                speeches=s.scalar(entries.where(SpeakerEntry.started_at.is_not(None))) or 0,
                waiting=s.scalar(entries.where(SpeakerEntry.started_at.is_(None))) or 0,
                notes=count(Note),
                groups=len(groups),
                recommendations=count(Recommendation),
                actions=count(ActionItem),
            )


def day_view(day: Day, items: Sequence[AgendaItem], zone: ZoneInfo, now: datetime) -> DayView:
    start = to_minutes(day.start_time)
    slots = plan_slots(day, items, zone, with_people=True)
    plan = plan_day(start, slots, day_end=to_minutes(day.end_time), resume_at=resume_at(day, items))
    planned = [
        day_minutes(it.adopted_start_time, start) if it.adopted_start_time else None for it in items
    ]
    now_min = local_minutes(now, day.date, zone)
    delay = delay_minutes(
        [p if p is not None else plan.starts[i] for i, p in enumerate(planned)],
        [adopted_duration(it) for it in items],
        [sl.actual_start for sl in slots],
        [sl.actual_end for sl in slots],
        now_min,
    )
    views = []
    for i, it in enumerate(items):
        views.append(
            record_from(
                ItemView,
                it,
                position=i,
                start=plan.starts[i],
                end=plan.ends[i],
                planned_start=planned[i],
                planned_duration_min=it.adopted_duration_min,
                chair_name=it.chair.name if it.chair else "",
                speakers=tuple(
                    SpeakerRef(
                        sp.participant_id, sp.participant.name if sp.participant else sp.name
                    )
                    for sp in it.speakers
                ),
                actual_start_min=slots[i].actual_start,
                actual_end_min=slots[i].actual_end,
                warnings=tuple(_say(w, items) for w in plan.warnings_for(i)),
            )
        )
    return DayView(
        id=day.id,
        number=day.number,
        date=day.date,
        title=day.title,
        start=start,
        planned_end=day_minutes(day.end_time, start) if day.end_time != day.start_time else start,
        end=plan.end,
        items=tuple(views),
        warnings=tuple(_say(w, items) for w in plan.warnings),
        delay_min=delay,
        timezone=zone.key,
    )


def _say(warning: PlanWarning, items: Sequence[AgendaItem]) -> str:
    """The warning in a person's words: who is double-booked, and in which item."""
    if warning.kind != "double_booked" or warning.other is None:
        return warning.message
    other = items[warning.other]
    names: dict[str, str] = {}
    for item in (items[warning.index], other):
        if item.chair is not None:
            names[item.chair.id] = item.chair.name
        for sp in item.speakers:
            key = sp.participant_id or "name:" + fold(sp.name)
            names[key] = sp.participant.name if sp.participant else sp.name
    who = ", ".join(sorted(names.get(p, "someone") for p in warning.people))
    return f"{who} also booked in “{other.title}” at the same time."
