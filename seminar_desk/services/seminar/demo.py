"""Build the demo seminar (the Phnom Penh SALW seminar) in one transaction.

The seminar itself is data, not code: resources/demo/salw-phnom-penh-2026.json (UTF-8, editable
by hand). Its rows point to each other by exact text (titles, full names, codes).
"""

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from seminar_desk.domain.agenda.timing import Slot, from_minutes, retime, to_minutes
from seminar_desk.domain.zone import seminar_zone
from seminar_desk.paths import resources_dir
from seminar_desk.services.desk import Desk
from seminar_desk.services.participants.names import sort_name_of
from seminar_desk.store import models
from seminar_desk.store.errors import StoreError

DEMO_FILE = "demo/salw-phnom-penh-2026.json"


def demo_data() -> dict[str, Any]:
    """The demo seminar as read from its data file (JSON objects, dates and times as text)."""
    with (resources_dir() / DEMO_FILE).open(encoding="utf-8") as f:
        return json.load(f)


def _time(text: str) -> time:
    return time.fromisoformat(text)


def create_demo(desk: Desk) -> str:
    """Fill an empty file with the demo; refuses a file that already holds a seminar."""
    data = demo_data()
    with desk.action("Create the demo seminar", undoable=False) as act:
        s = act.session
        if s.scalars(select(models.Seminar)).first() is not None:
            raise StoreError(f"{desk.db.location} already holds a seminar; choose a new file.")
        fields = dict(data["seminar"])
        for key in ("start_date", "end_date"):
            fields[key] = date.fromisoformat(fields[key])
        seminar = models.Seminar(**fields)
        s.add(seminar)
        zone = seminar_zone(seminar.timezone)

        days = [
            models.Day(
                seminar=seminar,
                number=i,
                date=date.fromisoformat(d["date"]),
                start_time=_time(d["start"]),
                end_time=_time(d["end"]),
                title=d["title"],
            )
            for i, d in enumerate(data["days"], start=1)
        ]
        s.add_all(days)

        groups = {
            g["code"]: models.OrgGroup(code=g["code"], name=g["name"]) for g in data["groups"]
        }
        s.add_all(groups.values())
        orgs: dict[str, models.Organisation] = {}
        for o in data["organisations"]:
            orgs[o["code"]] = models.Organisation(
                code=o["code"],
                name=o["name"],
                kind=o["kind"],
                country=o["country"],
                groups=[groups[g] for g in o["groups"]],
            )
        s.add_all(orgs.values())

        people: dict[str, models.Participant] = {}
        for p in data["participants"]:
            person = models.Participant(
                honorific=p["honorific"],
                name=p["name"],
                sort_name=sort_name_of(p["name"], p.get("family", "")),
                organisation=orgs[p["organisation"]],
                function=p["function"],
                role=p["role"],
                gender=p["gender"],
                email=p["email"],
            )
            person.attendance = [
                models.Attendance(day=days[n - 1], present=True) for n in p["days_present"]
            ]
            people[p["name"]] = person
        s.add_all(people.values())

        items: dict[str, models.AgendaItem] = {}
        for number, day in enumerate(days, start=1):
            rows = [r for r in data["agenda"] if r["day"] == number]
            slots = [
                Slot(
                    r["duration_min"],
                    to_minutes(_time(r["locked_start"])) if r["locked_start"] else None,
                )
                for r in rows
            ]
            starts = retime(to_minutes(day.start_time), slots)
            for position, (row, start) in enumerate(zip(rows, starts, strict=True)):
                chair = row["chair"]
                item = models.AgendaItem(
                    day=day,
                    position=position,
                    kind=row["kind"],
                    title=row["title"],
                    description=row["description"],
                    duration_min=row["duration_min"],
                    start_time=from_minutes(start),
                    adopted_start_time=from_minutes(start),
                    adopted_duration_min=row["duration_min"],
                    start_locked=row["locked_start"] is not None,
                    room=row["room"],
                    chair=people.get(chair) if chair else None,
                )
                item.speakers = [
                    models.ItemSpeaker(participant=people[name], position=i, role="speaker")
                    for i, name in enumerate(row["speakers"])
                ]
                items[row["title"]] = item
                s.add(item)

        breakouts: dict[str, models.BreakoutGroup] = {}
        for position, row in enumerate(data["breakout_groups"]):
            group = models.BreakoutGroup(
                item=items[row["item"]],
                position=position,
                name=row["name"],
                room=row["room"],
                facilitator=people[row["facilitator"]],
                rapporteur=people[row["rapporteur"]],
                guiding_questions=row["guiding_questions"],
            )
            group.members = [models.BreakoutMember(participant=people[m]) for m in row["members"]]
            breakouts[row["name"]] = group
            s.add(group)

        for position, row in enumerate(data["speeches"]):
            item = items[row["item"]]
            local = datetime.combine(item.day.date, _time(row["start"]), zone)
            started = local.astimezone(UTC)
            speaker = row["speaker"]
            s.add(
                models.SpeakerEntry(
                    item=item,
                    participant=people.get(speaker) if speaker else None,
                    organisation=orgs[row["organisation"]],
                    capacity=row["capacity"],
                    speech_type=row["speech_type"],
                    on_behalf_of=groups["ASEAN"] if row["capacity"] == "group" else None,
                    position=float(position),
                    status="done",
                    requested_at=started,
                    started_at=started,
                    ended_at=started + timedelta(seconds=row["seconds"]),
                )
            )

        def written_in(row: dict[str, Any]) -> dict[str, Any]:
            """A note's, recommendation's or action's place: its group, else its item."""
            group = row["group"]
            return (
                {"item": None, "group": breakouts[group]} if group else {"item": items[row["item"]]}
            )

        for row in data["notes"]:
            s.add(
                models.Note(
                    **written_in(row),
                    section=row["section"],
                    body=row["body"],
                    author_name=row["author"],
                    author_id=people[row["author"]].id,
                )
            )
        for position, row in enumerate(data["recommendations"]):
            place = written_in(row)
            s.add(
                models.Recommendation(
                    **place,
                    position=position,
                    text=row["text"],
                    addressee=row["addressee"],
                    status=row["status"],
                )
            )
        for position, row in enumerate(data["action_items"]):
            due = date.fromisoformat(row["due"])
            s.add(
                models.ActionItem(
                    **written_in(row),
                    position=position,
                    text=row["text"],
                    owner=row["owner"],
                    due_date=due,
                    status=row["status"],
                )
            )
    return (
        f"{len(days)} days, {len(items)} agenda items, {len(people)} participants, "
        f"{len(orgs)} delegations and organisations"
    )
