"""frab/pretalx schedule.xml: an event belongs to the <day> it is listed under; times carry
UTC offsets or the conference's zone name."""

import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta
from pathlib import Path

from seminar_desk.domain.agenda.kinds import default_duration, kind_for_title, parse_kind
from seminar_desk.domain.agenda.limits import DATE_RULE, clean_text, date_problem, duration_problem
from seminar_desk.domain.agenda.parse import parse_clock, parse_date, parse_duration
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.zone import in_zone, is_known_zone, seminar_zone
from seminar_desk.services.agenda.imports.model import (
    AgendaImportError,
    DateSpan,
    ImportedAgenda,
    ImportedItem,
    Reader,
    check_count,
    check_text,
    problem,
)


def read_schedule_xml(
    path: Path, target_zone: str | None = None, within: DateSpan | None = None
) -> ImportedAgenda:
    """frab/pretalx schedules; an event belongs to the <day> it is listed under."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line, column = exc.position
        raise AgendaImportError(
            [f"{path.name}, line {line}, column {column}: expected well-formed XML ({exc})."]
        ) from exc
    if root.tag != "schedule":
        raise AgendaImportError(
            [
                f"{path.name}: not a frab/pretalx schedule; expected the <schedule> root of a "
                f"frab or pretalx schedule.xml (conference, day, room, event), found <{root.tag}>."
            ]
        )
    conference = root.find("conference")
    title = _text(conference, "title")
    file_zone = _text(conference, "time_zone_name")
    problems: list[str] = []
    warnings: list[str] = []
    items: list[ImportedItem] = []
    zone_name = target_zone or (file_zone if is_known_zone(file_zone) else None)
    check_count(path, sum(1 for _ in root.iter("event")), "events")
    for day_number, day_el in enumerate(root.findall("day"), start=1):
        day_date = parse_date(day_el.get("date"))
        if day_date is None:
            problems.append(
                problem(
                    path,
                    f"day {day_number}",
                    "date",
                    "a date such as 2014-12-27",
                    day_el.get("date"),
                )
            )
            continue
        if date_problem(day_date):
            problems.append(problem(path, f"day {day_number}", "date", DATE_RULE, str(day_date)))
            continue
        window = _day_window(day_el, day_date)
        for room_el in day_el.findall("room"):
            for event in room_el.findall("event"):
                where = f"day {day_number}, event {event.get('id') or '?'}"
                start_dt = _event_start(event, day_date)
                if isinstance(start_dt, str):
                    problems.append(problem(path, where, "date/start", "a start time", start_dt))
                    continue
                if not _within(start_dt, window):
                    problems.append(
                        problem(
                            path,
                            where,
                            "date",
                            f"a start during its <day> ({window[2]})",
                            start_dt.isoformat(),
                        )
                    )
                    continue
                if zone_name is None:
                    zone_name = _zone_for_offset(start_dt)
                zone = seminar_zone(zone_name)
                local = in_zone(start_dt, zone)
                kind = parse_kind(_text(event, "type")) or kind_for_title(_text(event, "title"))
                kind = kind or ItemKind.PLENARY
                duration = parse_duration(_text(event, "duration"))
                if not _text(event, "duration"):
                    duration = default_duration(kind)
                    warnings.append(
                        f"{path.name}, {where} \u201c{_text(event, 'title')[:60]}\u201d: no "
                        f"duration; {duration} minutes, as usual for a {kind.label.lower()}."
                    )
                if duration is None or duration_problem(duration):
                    problems.append(
                        problem(
                            path,
                            where,
                            "duration",
                            duration_problem(duration or 0)
                            if duration is not None
                            else "a duration such as 01:30",
                            _text(event, "duration"),
                        )
                    )
                    continue
                midnight = datetime.combine(day_date, time(0), zone)
                start = int((local - midnight) // timedelta(minutes=1))
                title_text = _text(event, "title")
                subtitle = _text(event, "subtitle")
                persons = tuple(
                    (p.text or "").strip()
                    for p in event.findall("persons/person")
                    if (p.text or "").strip()
                )
                description = "\n\n".join(
                    t
                    for t in (subtitle, _text(event, "abstract"), _text(event, "description"))
                    if t
                )
                room = _text(event, "room") or room_el.get("name", "")
                texts = {"title": title_text, "room": room, "description": description}
                texts |= {"persons": "; ".join(persons)}
                wrongs = check_text({k: clean_text(v) for k, v in texts.items()})
                if wrongs:
                    name, wrong = wrongs[0]
                    problems.append(problem(path, where, name, wrong, texts[name][:80]))
                    continue
                items.append(
                    ImportedItem(
                        date=day_date,
                        start=start,
                        duration_min=duration,
                        title=clean_text(title_text) or "(untitled)",
                        kind=kind.value,
                        room=clean_text(room),
                        speakers=persons,
                        description=clean_text(description),
                    )
                )
    if problems:
        raise AgendaImportError(problems)
    if not items:
        raise AgendaImportError([f"{path.name}: no <event> in the schedule."])
    items.sort(key=lambda i: (i.date, i.start or 0, i.room))
    return ImportedAgenda(
        path,
        "xml",
        tuple(items),
        title=title,
        timezone=zone_name or "UTC",
        start_date=parse_date(_text(conference, "start")) or items[0].date,
        end_date=parse_date(_text(conference, "end")) or items[-1].date,
        warnings=tuple(warnings),
    )


def _text(element: ET.Element | None, tag: str) -> str:
    if element is None:
        return ""
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _day_window(day_el: ET.Element, day_date: date) -> tuple[datetime, datetime, str]:
    """When a <day>'s events may start: its start/end attributes, else that date until 06:00
    the next morning (conference days run past midnight)."""
    try:
        start = datetime.fromisoformat(day_el.get("start") or "")
        end = datetime.fromisoformat(day_el.get("end") or "")
        if start <= end:
            return start, end, f"{start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M}"
    except ValueError:
        pass
    start = datetime.combine(day_date, time(0))
    end = start + timedelta(hours=30)
    return start, end, f"{day_date:%Y-%m-%d}, or before 06:00 the next morning"


def _within(when: datetime, window: tuple[datetime, datetime, str]) -> bool:
    start, end, _ = window
    if (when.tzinfo is None) != (start.tzinfo is None):
        # Compare wall clocks when only one side carries an offset.
        when, start, end = (v.replace(tzinfo=None) for v in (when, start, end))
    return start <= when <= end


def _event_start(event: ET.Element, day_date: date) -> datetime | str:
    """The event's start: its full <date> if given, else <start> on the day's date."""
    full = _text(event, "date")
    if full:
        try:
            return datetime.fromisoformat(full)
        except ValueError:
            return full
    clock = parse_clock(_text(event, "start"))
    if clock is None:
        return _text(event, "start")
    return datetime.combine(day_date, time(0)) + timedelta(minutes=clock)


def _zone_for_offset(value: datetime) -> str:
    """A zone name for a fixed UTC offset (frab files give offsets, not names)."""
    offset = value.utcoffset()
    if offset is None:
        return "UTC"
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not hours:
        return "UTC"
    return f"Etc/GMT{-hours:+d}"  # the Etc zones count the other way round


READER = Reader("xml", "frab/pretalx schedule", ("xml",), read_schedule_xml)
