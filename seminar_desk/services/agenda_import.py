"""Read agendas from CSV, XLSX, ICS and frab/pretalx schedule.xml, then commit all or nothing.

Reading is separate from committing so a person sees a preview first, and so reading (which can
be slow) runs off the GUI thread on plain data. A bad row stops the whole import with a message
naming the file, row and column and what was expected; nothing is written.
"""

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from seminar_desk.domain.agenda_kinds import parse_kind
from seminar_desk.domain.agenda_parse import parse_clock, parse_date, parse_duration
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import fold
from seminar_desk.domain.timing import (
    DAY_MINUTES,
    format_minutes,
    plan_day,
    to_minutes,
    wall_time,
)
from seminar_desk.services.agenda import _retime, _slots, _zone
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import AgendaItem, Day, ItemSpeaker, Participant, Seminar

if TYPE_CHECKING:
    from icalendar import Calendar

FORMATS = ("csv", "xlsx", "ics", "xml")
FILE_FILTER = "Agendas (*.csv *.xlsx *.ics *.xml);;All files (*)"
MAX_ERRORS = 10


class AgendaImportError(Refusal, ValueError):
    """What is wrong with a file, in words that point to the place: file, row, column."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        extra = ""
        shown = self.problems[:MAX_ERRORS]
        if len(self.problems) > MAX_ERRORS:
            extra = f"\n… and {len(self.problems) - MAX_ERRORS} more problems."
        super().__init__("\n".join(shown) + extra)


def problem(path: Path, row: int | str, column: str, expected: str, found: object) -> str:
    where = f"row {row}" if isinstance(row, int) else row
    return f"{path.name}, {where}, column {column}: expected {expected}, found {found!r}."


@dataclass(frozen=True)
class ImportedItem:
    """One item as read; `start` is minutes since midnight of `date` (past 1440 after midnight)."""

    date: date
    start: int | None
    duration_min: int
    title: str
    kind: str = ItemKind.PLENARY.value
    room: str = ""
    chair: str = ""
    speakers: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class ImportedAgenda:
    source: Path
    format: str
    items: tuple[ImportedItem, ...]
    title: str = ""
    timezone: str | None = None
    start_date: date | None = None
    end_date: date | None = None

    @property
    def dates(self) -> list[date]:
        return sorted({i.date for i in self.items})

    def preview_lines(self, limit: int = 40) -> list[str]:
        lines = [
            f"{self.source.name} ({self.format}): {len(self.items)} items over "
            f"{len(self.dates)} day(s)"
            + (f", “{self.title}”" if self.title else "")
            + (f", time zone {self.timezone}" if self.timezone else "")
        ]
        for item in self.items[:limit]:
            when = "--:--" if item.start is None else format_minutes(item.start)
            room = f" [{item.room}]" if item.room else ""
            lines.append(
                f"{item.date:%Y-%m-%d} {when} {item.duration_min:>4} min  "
                f"{item.kind:<13} {item.title}{room}"
            )
        if len(self.items) > limit:
            lines.append(f"… and {len(self.items) - limit} more items")
        return lines


@dataclass(frozen=True)
class ImportSummary:
    items: int
    days_created: int
    seminar_created: bool
    participants_created: int

    def __str__(self) -> str:
        made = "created the seminar and " if self.seminar_created else ""
        return (
            f"Imported {self.items} items: {made}{self.days_created} new day(s), "
            f"{self.participants_created} new participant(s)."
        )


# -- reading ---------------------------------------------------------------------------------


def read_agenda(path: Path, target_zone: str | None = None) -> ImportedAgenda:
    """Read any supported file; times are converted to `target_zone` when the file has zones."""
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if target_zone is not None and not _valid_zone(target_zone):
        raise AgendaImportError([f"unknown time zone {target_zone!r}; expected e.g. Asia/Bangkok."])
    try:
        if suffix in ("csv", "xlsx", "xlsm"):
            table = read_csv(path) if suffix == "csv" else read_xlsx(path)
            # Spreadsheets carry no zone: their times are the seminar's own local times.
            return replace(table, timezone=target_zone) if target_zone else table
        if suffix in ("ics", "ical", "ifb"):
            return read_ics(path, target_zone)
        if suffix == "xml":
            return read_schedule_xml(path, target_zone)
    except OSError as exc:
        raise AgendaImportError(
            [f"{path.name}: cannot read the file ({exc.strerror or exc})."]
        ) from exc
    raise AgendaImportError(
        [f"{path.name}: unknown kind of file; expected .csv, .xlsx, .ics or schedule .xml."]
    )


# Header synonyms, folded; the first word is the column's name in messages.
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "datum", "jour"),
    "start": ("start", "start time", "starts", "begin", "begins", "from", "time", "debut"),
    "end": ("end", "end time", "ends", "finish", "until", "to", "fin"),
    "duration": (
        "duration",
        "duration (min)",
        "duration min",
        "length",
        "minutes",
        "mins",
        "min",
        "duree",
    ),
    "title": ("title", "session", "name", "subject", "item", "topic", "event", "agenda item"),
    "kind": ("kind", "type", "category", "format", "session type"),
    "room": ("room", "venue", "location", "place", "hall", "salle"),
    "chair": ("chair", "chairperson", "chaired by", "moderator", "facilitator", "host"),
    "speakers": (
        "speakers",
        "speaker",
        "panellists",
        "panelists",
        "presenters",
        "presenter",
        "persons",
        "people",
        "intervenants",
    ),
    "description": ("description", "details", "abstract", "notes", "summary"),
}
_HEADER_LOOKUP = {syn: name for name, syns in COLUMNS.items() for syn in syns}


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _map_headers(path: Path, headers: Sequence[object]) -> dict[str, tuple[int, str]]:
    """Our column name -> (index, how the file calls it), or an error naming what is missing."""
    found: dict[str, tuple[int, str]] = {}
    for i, raw in enumerate(headers):
        text = fold(str(raw or "")).strip().strip(":").strip()
        text = re.sub(r"\s+", " ", text)
        name = _HEADER_LOOKUP.get(text)
        if name and name not in found:
            found[name] = (i, f"{str(raw).strip()} ({_column_letter(i)})")
    missing = [n for n in ("date", "title") if n not in found]
    if "duration" not in found and "end" not in found:
        missing.append("duration or end")
    if missing:
        raise AgendaImportError(
            [
                f"{path.name}, row 1 (headers): expected columns {', '.join(missing)}; found "
                f"{', '.join(repr(str(h)) for h in headers if str(h or '').strip()) or 'none'}."
            ]
        )
    return found


def read_csv(path: Path) -> ImportedAgenda:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    lines = text.splitlines()
    header = next((line for line in lines if line.strip()), "")
    delimiter = max(",;\t", key=header.count)  # the header shows the separator best
    rows: list[list[object]] = list(csv.reader(lines, delimiter=delimiter))
    return _read_table(path, "csv", rows)


def read_xlsx(path: Path) -> ImportedAgenda:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise AgendaImportError([f"{path.name}: not a readable XLSX workbook ({exc})."]) from exc
    try:
        sheet = book.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _read_table(path, "xlsx", rows)


def _read_table(path: Path, fmt: str, rows: list[list[object]]) -> ImportedAgenda:
    while rows and not any(str(c or "").strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        raise AgendaImportError([f"{path.name}: the file is empty; expected a header row."])
    cols = _map_headers(path, rows[0])
    problems: list[str] = []
    items: list[ImportedItem] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(str(c or "").strip() for c in row):
            continue

        def cell(name: str, row: list[object] = row) -> object:
            if name not in cols:
                return None
            index = cols[name][0]
            value = row[index] if index < len(row) else None
            return value.strip() if isinstance(value, str) else value

        def bad(name: str, expected: str, number: int = number) -> None:
            problems.append(problem(path, number, cols[name][1], expected, cell(name)))

        title = str(cell("title") or "").strip()
        if not title:
            bad("title", "a title")
        day = parse_date(cell("date"))
        if day is None:
            bad("date", "a date such as 2026-12-19")
        start = end = duration = None
        if _filled(cell("start")):
            start = parse_clock(cell("start"))
            if start is None:
                bad("start", "a time such as 09:30")
        if _filled(cell("end")):
            end = parse_clock(cell("end"))
            if end is None:
                bad("end", "a time such as 10:15")
        if _filled(cell("duration")):
            duration = parse_duration(cell("duration"))
            if duration is None:
                bad("duration", "minutes such as 45 or 1:30")
        if duration is None and end is not None and start is not None:
            duration = end - start if end >= start else end + DAY_MINUTES - start
        if duration is None and not any(
            _filled(cell(n)) and n in cols for n in ("duration", "end")
        ):
            problems.append(
                problem(
                    path,
                    number,
                    (cols.get("duration") or cols["end"])[1],
                    "a duration, or a start and an end",
                    cell("duration") if "duration" in cols else cell("end"),
                )
            )
        elif duration is None and end is not None and start is None:
            bad("end", "a start time to go with the end (or a duration)")
        kind = parse_kind(str(cell("kind") or ""))
        if kind is None:
            bad("kind", "one of " + ", ".join(k.label.lower() for k in ItemKind))
        if problems or day is None or duration is None or kind is None:
            continue
        items.append(
            ImportedItem(
                date=day,
                start=start,
                duration_min=duration,
                title=title,
                kind=kind.value,
                room=str(cell("room") or ""),
                chair=str(cell("chair") or ""),
                speakers=split_names(str(cell("speakers") or "")),
                description=str(cell("description") or ""),
            )
        )
    if problems:
        raise AgendaImportError(problems)
    if not items:
        raise AgendaImportError([f"{path.name}: no agenda items below the header row."])
    return ImportedAgenda(path, fmt, tuple(items))


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def split_names(text: str) -> tuple[str, ...]:
    """Speakers separated by semicolons, new lines or commas ("; " wins when present)."""
    if not text.strip():
        return ()
    parts = re.split(r"[;\n|]" if re.search(r"[;\n|]", text) else r",", text)
    return tuple(p.strip() for p in parts if p.strip())


# -- ICS ----------------------------------------------------------------------------------------


def read_ics(path: Path, target_zone: str | None = None) -> ImportedAgenda:
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(path.read_bytes())
    except ValueError as exc:
        raise AgendaImportError(
            [f"{path.name}: not a readable iCalendar file; expected RFC 5545 text ({exc})."]
        ) from exc
    file_zone = _ics_zone(calendar)
    zone_name = target_zone or file_zone or "UTC"
    zone = ZoneInfo(zone_name)
    problems: list[str] = []
    items: list[ImportedItem] = []
    for number, event in enumerate(calendar.walk("VEVENT"), start=1):
        where = f"event {number}" + (f" ({event.get('UID')})" if event.get("UID") else "")
        start_prop = event.get("DTSTART")
        start_value = start_prop.dt if start_prop is not None else None
        if not isinstance(start_value, datetime):
            problems.append(
                problem(path, where, "DTSTART", "a date and time (not all-day)", start_value)
            )
            continue
        start_local = _to_zone(start_value, zone)
        end_prop, dur_prop = event.get("DTEND"), event.get("DURATION")
        if dur_prop is not None:
            duration = int(dur_prop.dt.total_seconds() // 60)
        elif end_prop is not None and isinstance(end_prop.dt, datetime):
            duration = int((_to_zone(end_prop.dt, zone) - start_local).total_seconds() // 60)
        else:
            problems.append(
                problem(
                    path, where, "DTEND", "an end time or a DURATION", getattr(end_prop, "dt", None)
                )
            )
            continue
        if duration < 0:
            problems.append(problem(path, where, "DTEND", "an end after the start", end_prop.dt))
            continue
        kind_text = str(event.get("X-SEMINAR-DESK-KIND") or "")
        if not kind_text and event.get("CATEGORIES") is not None:
            cats = event.get("CATEGORIES")
            cats = cats if isinstance(cats, list) else [cats]
            words = [str(c) for cat in cats for c in getattr(cat, "cats", [cat])]
            kind_text = next((w for w in words if parse_kind(w) is not None), "")
        kind = parse_kind(kind_text) or ItemKind.PLENARY
        chair = str(event.get("X-SEMINAR-DESK-CHAIR") or "")
        if not chair and event.get("ORGANIZER") is not None:
            chair = str(event["ORGANIZER"].params.get("CN", ""))
        items.append(
            ImportedItem(
                date=start_local.date(),
                start=start_local.hour * 60 + start_local.minute,
                duration_min=duration,
                title=str(event.get("SUMMARY") or "").strip() or "(untitled)",
                kind=kind.value,
                room=str(event.get("LOCATION") or ""),
                chair=chair,
                speakers=split_names(str(event.get("X-SEMINAR-DESK-SPEAKERS") or "")),
                description=str(event.get("DESCRIPTION") or ""),
            )
        )
    if problems:
        raise AgendaImportError(problems)
    if not items:
        raise AgendaImportError([f"{path.name}: no events (VEVENT) in the calendar."])
    items.sort(key=lambda i: (i.date, i.start or 0))
    title = str(calendar.get("X-WR-CALNAME") or "")
    return ImportedAgenda(
        path,
        "ics",
        tuple(items),
        title=title,
        timezone=zone_name,
        start_date=items[0].date,
        end_date=items[-1].date,
    )


def _ics_zone(calendar: "Calendar") -> str | None:
    name = str(calendar.get("X-WR-TIMEZONE") or "")
    if name and _valid_zone(name):
        return name
    for tz in calendar.walk("VTIMEZONE"):
        tzid = str(tz.get("TZID") or "")
        if _valid_zone(tzid):
            return tzid
    for event in calendar.walk("VEVENT"):
        start = event.get("DTSTART")
        tzinfo = getattr(getattr(start, "dt", None), "tzinfo", None)
        key = getattr(tzinfo, "key", None) or getattr(tzinfo, "zone", None)
        if key and _valid_zone(str(key)):
            return str(key)
    return None


def _valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _to_zone(value: datetime, zone: ZoneInfo) -> datetime:
    """Aware times are converted; floating (naive) times are taken as the seminar's own."""
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


# -- frab / pretalx schedule.xml --------------------------------------------------------------


def read_schedule_xml(path: Path, target_zone: str | None = None) -> ImportedAgenda:
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
            [f"{path.name}: expected a frab/pretalx <schedule>, found <{root.tag}>."]
        )
    conference = root.find("conference")
    title = _text(conference, "title")
    file_zone = _text(conference, "time_zone_name")
    problems: list[str] = []
    items: list[ImportedItem] = []
    zone_name = target_zone or (file_zone if _valid_zone(file_zone) else None)
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
        for room_el in day_el.findall("room"):
            for event in room_el.findall("event"):
                where = f"day {day_number}, event {event.get('id') or '?'}"
                start_dt = _event_start(event, day_date)
                if isinstance(start_dt, str):
                    problems.append(problem(path, where, "date/start", "a start time", start_dt))
                    continue
                if zone_name is None:
                    zone_name = _zone_for_offset(start_dt)
                zone = ZoneInfo(zone_name)
                local = _to_zone(start_dt, zone)
                duration = parse_duration(_text(event, "duration"))
                if duration is None:
                    problems.append(
                        problem(
                            path,
                            where,
                            "duration",
                            "a duration such as 01:30",
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
                items.append(
                    ImportedItem(
                        date=day_date,
                        start=start,
                        duration_min=duration,
                        title=title_text or "(untitled)",
                        kind=(parse_kind(_text(event, "type")) or ItemKind.PLENARY).value,
                        room=_text(event, "room") or room_el.get("name", ""),
                        speakers=persons,
                        description=description,
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
    )


def _text(element: ET.Element | None, tag: str) -> str:
    if element is None:
        return ""
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


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


# -- committing --------------------------------------------------------------------------------


def target_zone(desk: Desk) -> str | None:
    """The zone to read a file into: the seminar's, or None when the file will set it.

    A file without a seminar, or whose seminar has no days yet (just made with File › New),
    takes its title, dates and time zone from the imported file; a zone a person already set
    on such a seminar is kept, and the file's times are converted to it.
    """
    with desk.read() as s:
        seminar = s.scalars(select(Seminar)).first()
        if seminar is None:
            return None
        zone = seminar.timezone or "UTC"
        if s.scalar(select(func.count()).select_from(Day)) == 0 and zone == "UTC":
            return None  # still the default: the file knows better
        return zone


def import_agenda(desk: Desk, agenda: ImportedAgenda) -> ImportSummary:
    """Add the items in one transaction: into the file's seminar, or a new one from the file."""
    with desk.action(f"Import agenda from {agenda.source.name}", undoable=False) as act:
        s = act.session
        seminar = s.scalars(select(Seminar)).first()
        created = seminar is None
        if seminar is None:
            seminar = Seminar(title=agenda.title or agenda.source.stem, timezone="UTC")
            s.add(seminar)
        fresh = created or s.scalar(select(func.count()).select_from(Day)) == 0
        if fresh:
            if agenda.title and not created:
                seminar.title = agenda.title
            if agenda.timezone:
                seminar.timezone = agenda.timezone
            seminar.start_date = agenda.start_date or agenda.dates[0]
            seminar.end_date = agenda.end_date or agenda.dates[-1]
        s.flush()
        people = _PeopleIndex(s)
        days, days_created = _days_for(s, seminar, agenda)
        by_date: dict[date, list[ImportedItem]] = {}
        for item in agenda.items:
            by_date.setdefault(item.date, []).append(item)
        for day_date, imported in by_date.items():
            _add_day_items(s, days[day_date], imported, people, seminar.id)
        if seminar.start_date is None or seminar.start_date > agenda.dates[0]:
            seminar.start_date = agenda.dates[0]
        if seminar.end_date is None or seminar.end_date < agenda.dates[-1]:
            seminar.end_date = agenda.dates[-1]
    return ImportSummary(len(agenda.items), days_created, created, people.created)


class _PeopleIndex:
    """Names matched to participants without diacritics; chairs not found become participants."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.by_name = {fold(p.name): p for p in s.scalars(select(Participant))}
        self.created = 0

    def find(self, name: str) -> Participant | None:
        return self.by_name.get(fold(name.strip()))

    def chair(self, name: str) -> Participant | None:
        if not name.strip():
            return None
        person = self.find(name)
        if person is None:
            person = Participant(name=name.strip(), sort_name=fold(name.strip()), role="chair")
            self.s.add(person)
            self.by_name[fold(name.strip())] = person
            self.created += 1
        return person


def _days_for(s: Session, seminar: Seminar, agenda: ImportedAgenda) -> tuple[dict[date, Day], int]:
    existing = {d.date: d for d in s.scalars(select(Day).where(Day.seminar_id == seminar.id))}
    created = 0
    for day_date in agenda.dates:
        if day_date in existing:
            continue
        timed = [i for i in agenda.items if i.date == day_date and i.start is not None]
        start = min((i.start or 0 for i in timed), default=9 * 60)
        end = max((i.start or 0) + i.duration_min for i in timed) if timed else 17 * 60 + 30
        untimed = sum(
            i.duration_min for i in agenda.items if i.date == day_date and i.start is None
        )
        end = max(end, start + untimed)
        day = Day(
            seminar_id=seminar.id,
            number=0,
            date=day_date,
            start_time=wall_time(start),
            end_time=wall_time(min(end, start + DAY_MINUTES - 1)),
            title="",
        )
        existing[day_date] = day
        created += 1
    # Numbers follow dates; move them out of the way first (number is unique per seminar).
    ordered = sorted(existing.values(), key=lambda d: d.date)
    top = s.scalar(select(func.max(Day.number)).where(Day.seminar_id == seminar.id)) or 0
    for i, day in enumerate(ordered, start=1):
        if day.id is not None and day in s:
            day.number = top + 1000 + i
    s.flush()
    for i, day in enumerate(ordered, start=1):
        day.number = i
        if day not in s:
            s.add(day)
    s.flush()
    return existing, created


def _add_day_items(
    s: Session,
    day: Day,
    imported: Sequence[ImportedItem],
    people: _PeopleIndex,
    seminar_id: str,
) -> None:
    """Append items; explicit times are kept (locking those that do not follow on)."""
    zone = _zone(s)
    existing = list(
        s.scalars(
            select(AgendaItem).where(AgendaItem.day_id == day.id).order_by(AgendaItem.position)
        )
    )
    day_start = to_minutes(day.start_time)
    cursor = plan_day(day_start, _slots(day, existing, zone, with_people=False)).end
    position = len(existing)
    timed = sorted((i for i in imported if i.start is not None), key=lambda i: i.start or 0)
    untimed = [i for i in imported if i.start is None]
    clusters = _clusters(timed)
    rows: list[AgendaItem] = []
    for number, cluster in enumerate(clusters):
        key = f"import-{day.date:%Y%m%d}-{number}" if len(cluster) > 1 else ""
        for item in cluster:
            locked = len(cluster) > 1 or item.start != cursor
            rows.append(_row(day, item, position, key, locked, people))
            position += 1
        cursor = max(cursor, max((i.start or 0) + i.duration_min for i in cluster))
    for item in untimed:
        rows.append(_row(day, item, position, "", False, people))
        position += 1
    s.add_all(rows)
    s.flush()
    _retime(s, day, existing + rows)


def _clusters(timed: Sequence[ImportedItem]) -> list[list[ImportedItem]]:
    """Items whose times overlap run in parallel (several rooms): one block each."""
    out: list[list[ImportedItem]] = []
    end = None
    for item in timed:
        assert item.start is not None
        if out and end is not None and item.start < end:
            out[-1].append(item)
            end = max(end, item.start + item.duration_min)
        else:
            out.append([item])
            end = item.start + item.duration_min
    return out


def _row(
    day: Day,
    item: ImportedItem,
    position: int,
    key: str,
    locked: bool,
    people: _PeopleIndex,
) -> AgendaItem:
    chair = people.chair(item.chair)
    row = AgendaItem(
        day_id=day.id,
        position=position,
        kind=item.kind,
        title=item.title,
        description=item.description,
        duration_min=item.duration_min,
        start_time=wall_time(item.start) if item.start is not None else None,
        start_locked=locked and item.start is not None,
        parallel_key=key,
        room=item.room,
        chair=chair,
    )
    speakers = []
    for i, name in enumerate(item.speakers):
        person = people.find(name)
        speakers.append(ItemSpeaker(participant=person, name="" if person else name, position=i))
    row.speakers = speakers
    return row
