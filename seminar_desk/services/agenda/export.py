"""Write the agenda as ICS (calendar programs) or CSV (spreadsheets, and our own importer).

UIDs are the items' ids, so a calendar that imports the file again updates events instead of
duplicating them. Times are in the seminar's time zone, with its VTIMEZONE included.
"""

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from seminar_desk.domain.agenda.kinds import kind_label
from seminar_desk.domain.agenda.timing import format_minutes, wall_time
from seminar_desk.domain.zone import seminar_zone
from seminar_desk.services.agenda.exchange import (
    EXPORT_FORMATS,
    calendar_description,
    item_uid,
)
from seminar_desk.services.agenda.rows import local_datetime
from seminar_desk.services.agenda.service import AgendaService
from seminar_desk.services.agenda.views import DayView, ItemView
from seminar_desk.services.desk import Desk
from seminar_desk.services.files import write_output
from seminar_desk.services.seminar import SeminarService
from seminar_desk.services.tables.cells import guarded

CSV_COLUMNS = (
    "date",
    "start",
    "end",
    "duration",
    "title",
    "kind",
    "room",
    "chair",
    "speakers",
    "description",
)


@dataclass(frozen=True)
class AgendaSnapshot:
    """Everything an export needs, read once (plain data, safe to hand to a worker thread)."""

    title: str
    timezone: str
    days: tuple[DayView, ...]

    @property
    def item_count(self) -> int:
        return sum(len(d.items) for d in self.days)


def snapshot(desk: Desk) -> AgendaSnapshot:
    agenda = AgendaService(desk)
    details = SeminarService(desk).details()
    days = tuple(agenda.day(d.id) for d in agenda.days())
    return AgendaSnapshot(details.title if details else "", agenda.timezone().key, days)


def export_agenda(desk: Desk, fmt: str, path: Path) -> int:
    """Write the file (all or nothing, never over the seminar); returns the items written."""
    snap = snapshot(desk)
    if fmt == "ics":
        data = to_ics(snap, desk.clock.now())
    elif fmt == "csv":
        data = to_csv(snap).encode("utf-8")
    else:
        raise ValueError(f"unknown agenda export format {fmt!r}; use one of {EXPORT_FORMATS}")
    write_output(path, data, database=desk.db.path)
    return snap.item_count


def to_csv(snap: AgendaSnapshot) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for day in snap.days:
        for item in day.items:
            writer.writerow(
                guarded(
                    f"{day.date:%Y-%m-%d}",
                    f"{wall_time(item.start):%H:%M}",
                    f"{wall_time(item.end):%H:%M}",
                    item.duration_min,
                    item.title,
                    kind_label(item.kind),
                    item.room,
                    _chair(item),
                    "; ".join(s.name for s in item.speakers),
                    item.description,
                )
            )
    return out.getvalue()


def to_ics(snap: AgendaSnapshot, stamp: datetime) -> bytes:
    from icalendar import Calendar, Event, vText

    zone = seminar_zone(snap.timezone)
    cal = Calendar()
    cal.add("prodid", "-//Seminar Desk//Agenda//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if snap.title:
        cal.add("x-wr-calname", snap.title)
    cal.add("x-wr-timezone", snap.timezone)
    for day in snap.days:
        for item in day.items:
            event = Event()
            event.add("uid", item_uid(item.id))
            event.add("dtstamp", stamp.astimezone(UTC))
            # The times the agenda shows: an item that ran has its actual start and end.
            event.add("dtstart", local_datetime(day.date, item.start, zone))
            event.add("dtend", local_datetime(day.date, item.end, zone))
            event.add("summary", item.title)
            if item.room:
                event.add("location", item.room)
            description = calendar_description(
                item.chair_name, [s.name for s in item.speakers], item.description
            )
            if description:
                event.add("description", description)
            event.add("categories", [kind_label(item.kind)])
            # TEXT values (RFC 5545 3.3.11): vText escapes ; , \\ and line breaks, which
            # icalendar does not do for properties it does not know.
            event.add("x-seminar-desk-kind", vText(item.kind))
            if item.chair_name:
                event.add("x-seminar-desk-chair", vText(item.chair_name))
            if item.speakers:
                event.add(
                    "x-seminar-desk-speakers", vText("; ".join(s.name for s in item.speakers))
                )
            cal.add_component(event)
    if snap.timezone != "UTC":
        cal.add_missing_timezones()
    return cal.to_ical()


def _chair(item: ItemView) -> str:
    return item.chair_name


def describe(snap: AgendaSnapshot) -> list[str]:
    """Lines for a person: one per item, as the programme reads."""
    lines = [f"{snap.title} ({snap.timezone})"]
    for day in snap.days:
        lines.append(f"Day {day.number}, {day.date:%A %d %B %Y}")
        for item in day.items:
            lines.append(f"  {format_minutes(item.start)}  {item.title}")
    return lines
