"""Build the demo seminar (the Phnom Penh SALW seminar) from `demo_data` in one transaction."""

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from seminar_desk.domain.text import fold
from seminar_desk.domain.timing import Slot, from_minutes, retime, to_minutes
from seminar_desk.domain.zone import seminar_zone
from seminar_desk.services import demo_data as data
from seminar_desk.services.desk import Desk
from seminar_desk.store.errors import StoreError
from seminar_desk.store.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    BreakoutGroup,
    BreakoutMember,
    Day,
    ItemSpeaker,
    Note,
    Organisation,
    OrgGroup,
    Participant,
    Recommendation,
    Seminar,
    SpeakerEntry,
)


def create_demo(desk: Desk) -> str:
    """Fill an empty file with the demo; refuses a file that already holds a seminar."""
    with desk.action("Create the demo seminar", undoable=False) as act:
        s = act.session
        if s.scalars(select(Seminar)).first() is not None:
            raise StoreError(f"{desk.db.path} already holds a seminar; choose a new file.")
        seminar = Seminar(**data.SEMINAR)
        s.add(seminar)
        zone = seminar_zone(seminar.timezone)

        days = [
            Day(seminar=seminar, number=i, date=d, start_time=start, end_time=end, title=title)
            for i, (d, start, end, title) in enumerate(data.DAYS, start=1)
        ]
        s.add_all(days)

        groups = {code: OrgGroup(code=code, name=name) for code, name in data.GROUPS}
        s.add_all(groups.values())
        orgs: dict[str, Organisation] = {}
        for code, name, kind, country, member_of in data.ORGANISATIONS:
            orgs[code] = Organisation(
                code=code,
                name=name,
                kind=kind,
                country=country,
                groups=[groups[g] for g in member_of],
            )
        s.add_all(orgs.values())

        people: dict[str, Participant] = {}
        for honorific, name, org, function, role, gender, email, attended in data.PARTICIPANTS:
            person = Participant(
                honorific=honorific,
                name=name,
                sort_name=fold(name),
                organisation=orgs[org],
                function=function,
                role=role,
                gender=gender,
                email=email,
            )
            person.attendance = [Attendance(day=days[n - 1], present=True) for n in attended]
            people[name] = person
        s.add_all(people.values())

        items: dict[str, AgendaItem] = {}
        for number, day in enumerate(days, start=1):
            rows = [r for r in data.AGENDA if r[0] == number]
            slots = [Slot(r[3], to_minutes(r[4]) if r[4] else None) for r in rows]
            starts = retime(to_minutes(day.start_time), slots)
            for position, (row, start) in enumerate(zip(rows, starts, strict=True)):
                _, kind, title, duration, locked, room, chair, speakers, description = row
                item = AgendaItem(
                    day=day,
                    position=position,
                    kind=kind,
                    title=title,
                    description=description,
                    duration_min=duration,
                    start_time=from_minutes(start),
                    adopted_start_time=from_minutes(start),
                    adopted_duration_min=duration,
                    start_locked=locked is not None,
                    room=room,
                    chair=people.get(chair) if chair else None,
                )
                item.speakers = [
                    ItemSpeaker(participant=people[name], position=i, role="speaker")
                    for i, name in enumerate(speakers)
                ]
                items[title] = item
                s.add(item)

        breakouts: dict[str, BreakoutGroup] = {}
        for position, row in enumerate(data.BREAKOUT_GROUPS):
            item_title, name, room, facilitator, rapporteur, members, questions = row
            group = BreakoutGroup(
                item=items[item_title],
                position=position,
                name=name,
                room=room,
                facilitator=people[facilitator],
                rapporteur=people[rapporteur],
                guiding_questions=questions,
            )
            group.members = [BreakoutMember(participant=people[m]) for m in members]
            breakouts[name] = group
            s.add(group)

        for position, row in enumerate(data.SPEECHES):
            item_title, speaker, org, capacity, speech_type, start, seconds = row
            item = items[item_title]
            local = datetime.combine(item.day.date, time.fromisoformat(start), zone)
            started = local.astimezone(UTC)
            s.add(
                SpeakerEntry(
                    item=item,
                    participant=people.get(speaker) if speaker else None,
                    organisation=orgs[org],
                    capacity=capacity,
                    speech_type=speech_type,
                    on_behalf_of=groups["ASEAN"] if capacity == "group" else None,
                    position=float(position),
                    status="done",
                    requested_at=started,
                    started_at=started,
                    ended_at=started + timedelta(seconds=seconds),
                )
            )
        for item_title, group_name, section, author, body in data.NOTES:
            s.add(
                Note(
                    item=None if group_name else items[item_title],
                    group=breakouts[group_name] if group_name else None,
                    section=section,
                    body=body,
                    author_name=author,
                    author_id=people[author].id,
                )
            )
        for position, (item_title, group_name, text, addressee, status) in enumerate(
            data.RECOMMENDATIONS
        ):
            s.add(
                Recommendation(
                    item=None if group_name else items[item_title],
                    group=breakouts[group_name] if group_name else None,
                    position=position,
                    text=text,
                    addressee=addressee,
                    status=status,
                )
            )
        for position, (item_title, group_name, text, owner, due, status) in enumerate(
            data.ACTION_ITEMS
        ):
            s.add(
                ActionItem(
                    item=None if group_name else items[item_title],
                    group=breakouts[group_name] if group_name else None,
                    position=position,
                    text=text,
                    owner=owner,
                    due_date=due,
                    status=status,
                )
            )
    return (
        f"{len(days)} days, {len(items)} agenda items, {len(people)} participants, "
        f"{len(orgs)} delegations and organisations"
    )
