"""iCalendar files (RFC 5545): each VEVENT an item, times converted to the seminar's zone;
events of our own export carry the item's id and update it when imported again."""

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from seminar_desk.domain.agenda.kinds import parse_kind
from seminar_desk.domain.agenda.limits import (
    DATE_RULE,
    clean_text,
    date_problem,
    duration_problem,
    text_problem,
)
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.zone import in_zone, is_known_zone, seminar_zone
from seminar_desk.services.agenda.exchange import item_id_of
from seminar_desk.services.agenda.imports.model import (
    AgendaImportError,
    ImportedAgenda,
    ImportedItem,
    Reader,
    check_count,
    check_text,
    problem,
    split_names,
)

if TYPE_CHECKING:
    from icalendar import Calendar


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
    zone = seminar_zone(zone_name)
    problems: list[str] = []
    items: list[ImportedItem] = []
    events = list(calendar.walk("VEVENT"))
    check_count(path, len(events), "events")
    for number, event in enumerate(events, start=1):
        uid = event.get("UID")
        where = f"event {number}" + (f" ({uid})" if isinstance(uid, str) and uid else "")
        found = _read_event(path, where, event, zone, calendar)
        if isinstance(found, str):
            problems.append(found)
        else:
            items.append(found)
    if problems:
        raise AgendaImportError(problems)
    if not items:
        raise AgendaImportError([f"{path.name}: no events (VEVENT) in the calendar."])
    items.sort(key=lambda i: (i.date, i.start or 0))
    title = str(calendar.get("X-WR-CALNAME") or "")
    notes = ()
    if target_zone is None and file_zone is None:
        notes = ("the calendar names no time zone; its times are read as UTC.",)
    return ImportedAgenda(
        path,
        "ics",
        tuple(items),
        title=title,
        timezone=zone_name,
        start_date=items[0].date,
        end_date=items[-1].date,
        notes=notes,
    )


_ICS_TIMES = {
    "DTSTART": "a date and time such as 20261219T090000",
    "DTEND": "a date and time such as 20261219T100000",
    "DURATION": "a length such as PT45M",
}
_ICS_TEXT = (
    "SUMMARY",
    "LOCATION",
    "DESCRIPTION",
    "X-SEMINAR-DESK-CHAIR",
    "X-SEMINAR-DESK-SPEAKERS",
)
_ICS_SINGLE = ("UID", *_ICS_TIMES, "ORGANIZER", "X-SEMINAR-DESK-KIND", *_ICS_TEXT)


def _read_event(
    path: Path, where: str, event: object, zone: ZoneInfo, calendar: "Calendar"
) -> ImportedItem | str:
    """One VEVENT as an item, or the one line that says what is wrong with it."""
    get = event.get  # type: ignore[attr-defined]
    for name in _ICS_SINGLE:
        if isinstance(get(name), list):
            return problem(path, where, name, "one value", f"{len(get(name))} {name} lines")
    values: dict[str, object] = {}
    for name, expected in _ICS_TIMES.items():
        try:
            values[name] = get(name).dt if get(name) is not None else None
        except ValueError:  # icalendar's broken property: a value that is not a date
            return problem(
                path, where, name, expected, str(get(name).to_ical(), "utf-8", "replace")
            )
    start_prop, end_prop = get("DTSTART"), get("DTEND")
    start_value, end_value, dur_value = values["DTSTART"], values["DTEND"], values["DURATION"]
    if not isinstance(start_value, datetime):
        return problem(path, where, "DTSTART", "a date and time (not all-day)", start_value)
    unknown = _unknown_tzid(start_prop, start_value, calendar)
    if unknown:
        return problem(path, where, "DTSTART", "a time zone the calendar defines", unknown)
    wrong = date_problem(start_value.date())
    if wrong:
        return problem(path, where, "DTSTART", wrong, start_value.isoformat())
    start_local = in_zone(start_value, zone)
    if dur_value is not None:
        if not isinstance(dur_value, timedelta):
            return problem(path, where, "DURATION", "a length such as PT45M", dur_value)
        duration, column = int(dur_value.total_seconds() // 60), "DURATION"
    elif isinstance(end_value, datetime):
        if _unknown_tzid(end_prop, end_value, calendar):
            return problem(path, where, "DTEND", "a time zone the calendar defines", end_value)
        if date_problem(end_value.date()):
            return problem(path, where, "DTEND", DATE_RULE, end_value.isoformat())
        duration = int((in_zone(end_value, zone) - start_local).total_seconds() // 60)
        column = "DTEND"
        if duration <= 0:
            return problem(path, where, "DTEND", "an end after the start", end_value.isoformat())
    else:
        return problem(path, where, "DTEND", "an end time or a DURATION", end_value)
    wrong = duration_problem(duration)
    if wrong:
        return problem(path, where, column, wrong, f"{duration} minutes")
    texts = {name: clean_text(str(get(name) or "")) for name in _ICS_TEXT}
    for name, wrong in check_text(texts):
        return problem(path, where, name, wrong, texts[name][:80])
    kind_text = str(get("X-SEMINAR-DESK-KIND") or "")
    if not kind_text and get("CATEGORIES") is not None:
        cats = get("CATEGORIES")
        cats = cats if isinstance(cats, list) else [cats]
        words = [str(c) for cat in cats for c in getattr(cat, "cats", [cat])]
        kind_text = next((w for w in words if parse_kind(w) is not None), "")
    kind = parse_kind(kind_text) or ItemKind.PLENARY
    chair = texts["X-SEMINAR-DESK-CHAIR"]
    if not chair and get("ORGANIZER") is not None:
        chair = clean_text(str(get("ORGANIZER").params.get("CN", "")))
        wrong = text_problem(chair)
        if wrong:
            return problem(path, where, "ORGANIZER", wrong, chair[:80])
    return ImportedItem(
        date=start_local.date(),
        start=start_local.hour * 60 + start_local.minute,
        duration_min=duration,
        title=texts["SUMMARY"].strip() or "(untitled)",
        kind=kind.value,
        room=texts["LOCATION"],
        chair=chair,
        speakers=split_names(texts["X-SEMINAR-DESK-SPEAKERS"]),
        description=texts["DESCRIPTION"],
        uid=item_id_of(str(get("UID") or "")),
    )


def _unknown_tzid(prop: object, value: datetime, calendar: "Calendar") -> str | None:
    """The TZID a time names when neither the system nor the calendar knows it."""
    tzid = str(getattr(prop, "params", {}).get("TZID") or "")
    if not tzid or value.tzinfo is not None:
        return None
    defined = {str(tz.get("TZID") or "") for tz in calendar.walk("VTIMEZONE")}
    return None if tzid in defined else tzid


def _ics_zone(calendar: "Calendar") -> str | None:
    name = str(calendar.get("X-WR-TIMEZONE") or "")
    if name and is_known_zone(name):
        return name
    for tz in calendar.walk("VTIMEZONE"):
        tzid = str(tz.get("TZID") or "")
        if is_known_zone(tzid):
            return tzid
    for event in calendar.walk("VEVENT"):
        try:
            tzinfo = getattr(getattr(event.get("DTSTART"), "dt", None), "tzinfo", None)
        except ValueError:  # a broken value: the event itself will say so
            continue
        key = getattr(tzinfo, "key", None) or getattr(tzinfo, "zone", None)
        if key and is_known_zone(str(key)):
            return str(key)
    return None


READER = Reader("ics", "ICS", ("ics", "ical", "ifb"), read_ics)
