"""iCalendar files (RFC 5545): each VEVENT an item, times converted to the seminar's zone;
events of our own export carry the item's id and update it when imported again.

Outlook and web calendars add things an agenda has no place for: an all-day event ("Arrival of
participants") is skipped with a warning in the preview; a repeating event (RRULE, RDATE, minus
EXDATE and the occurrences moved by their own RECURRENCE-ID event) becomes one item per
occurrence within the seminar's dates. Text values are unescaped per RFC 5545, our own
X-SEMINAR-DESK-* ones too, and the "Chair: …" / "Speakers: …" lines our export puts before the
description for calendar programs are taken off again, so a round trip changes nothing.
"""

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from seminar_desk.domain.agenda.kinds import kind_for_title, parse_kind
from seminar_desk.domain.agenda.limits import (
    DATE_RULE,
    MAX_SEMINAR_DAYS,
    clean_text,
    date_problem,
    duration_problem,
    text_problem,
)
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.zone import in_zone, is_known_zone, seminar_zone
from seminar_desk.services.agenda.exchange import calendar_description, item_id_of
from seminar_desk.services.agenda.imports.model import (
    AgendaImportError,
    DateSpan,
    ImportedAgenda,
    ImportedItem,
    Reader,
    check_count,
    check_text,
    problem,
    split_names,
)

if TYPE_CHECKING:
    from icalendar import Calendar, Event


def read_ics(
    path: Path, target_zone: str | None = None, within: DateSpan | None = None
) -> ImportedAgenda:
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
    warnings: list[str] = []
    items: list[ImportedItem] = []
    events = list(calendar.walk("VEVENT"))
    check_count(path, len(events), "events")
    named = [(_where(number, event), event) for number, event in enumerate(events, start=1)]
    timed: list[tuple[str, Event, datetime]] = []
    for where, event in named:
        start = _start_of(path, where, event, calendar)
        if isinstance(start, str):
            problems.append(start)
        elif isinstance(start, date) and not isinstance(start, datetime):
            warnings.append(
                f"{path.name}, {where}: an all-day event on {start:%A %d %B %Y}; skipped "
                "(agenda items have a start time: add it by hand if it belongs in the programme)."
            )
        else:
            timed.append((where, event, start))
    window = within or _file_window(timed, zone)
    moved = _moved_occurrences(timed)
    for where, event, start in timed:
        starts = _occurrences(path, where, event, start, window, zone, moved, warnings)
        if isinstance(starts, str):
            problems.append(starts)
            continue
        for occurrence in starts:
            found = _read_event(path, where, event, occurrence, zone, calendar)
            if isinstance(found, str):
                problems.append(found)
                break
            items.append(found)
    if problems:
        raise AgendaImportError(problems)
    if not items:
        skipped = f" ({len(warnings)} skipped: {warnings[0]})" if warnings else ""
        raise AgendaImportError(
            [f"{path.name}: no timed events (VEVENT) in the calendar{skipped}."]
        )
    check_count(path, len(items), "events once repeating ones are expanded")
    items.sort(key=lambda i: (i.date, i.start or 0))
    title = _text(calendar.get("X-WR-CALNAME"))
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
        warnings=tuple(warnings),
    )


def _where(number: int, event: "Event") -> str:
    """How messages name an event: its place in the file, its title and UID when it has them."""
    summary = _text(event.get("SUMMARY")) if not isinstance(event.get("SUMMARY"), list) else ""
    uid = event.get("UID")
    where = f"event {number}"
    if summary.strip():
        where += f" \u201c{summary.strip()[:60]}\u201d"
    if isinstance(uid, str) and uid:
        where += f" ({uid})"
    return where


def _start_of(path: Path, where: str, event: "Event", calendar: "Calendar") -> date | str:
    """The event's DTSTART (a datetime, or a date for an all-day event), or what is wrong."""
    prop = event.get("DTSTART")
    if isinstance(prop, list):
        return problem(path, where, "DTSTART", "one value", f"{len(prop)} DTSTART lines")
    if prop is None:
        return problem(path, where, "DTSTART", _ICS_TIMES["DTSTART"], "nothing")
    try:
        value = prop.dt
    except ValueError:  # icalendar's broken property: a value that is not a date
        return problem(path, where, "DTSTART", _ICS_TIMES["DTSTART"], _raw(prop))
    if not isinstance(value, date):
        return problem(path, where, "DTSTART", _ICS_TIMES["DTSTART"], _raw(prop))
    wrong = date_problem(value if not isinstance(value, datetime) else value.date())
    if wrong:
        return problem(path, where, "DTSTART", wrong, value.isoformat())
    if isinstance(value, datetime):
        unknown = _unknown_tzid(prop, value, calendar)
        if unknown:
            return problem(path, where, "DTSTART", "a time zone the calendar defines", unknown)
    return value


def _raw(prop: object) -> str:
    to_ical = getattr(prop, "to_ical", None)
    if to_ical is None:
        return str(prop)
    return str(to_ical(), "utf-8", "replace")


def _file_window(timed: list[tuple[str, "Event", datetime]], zone: ZoneInfo) -> DateSpan | None:
    """The dates of the events that do not repeat: where a new seminar's repeats may fall."""
    dates = [
        in_zone(start, zone).date()
        for _where, event, start in timed
        if event.get("RRULE") is None and event.get("RDATE") is None
    ]
    return (min(dates), max(dates)) if dates else None


def _moved_occurrences(timed: list[tuple[str, "Event", datetime]]) -> set[tuple[str, datetime]]:
    """(UID, original start) of occurrences that an event of their own (RECURRENCE-ID) moved."""
    moved: set[tuple[str, datetime]] = set()
    for _where, event, _start in timed:
        prop = event.get("RECURRENCE-ID")
        if prop is None or isinstance(prop, list):
            continue
        try:
            moved.add((str(event.get("UID") or ""), _comparable(prop.dt)))
        except (ValueError, TypeError):
            continue
    return moved


def _comparable(value: object) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=ZoneInfo("UTC"))
    raise TypeError("not a date and time")


def _occurrences(
    path: Path,
    where: str,
    event: "Event",
    start: datetime,
    window: DateSpan | None,
    zone: ZoneInfo,
    moved: set[tuple[str, datetime]],
    warnings: list[str],
) -> list[datetime] | str:
    """Every start of the event within the window (just `start` for one that does not repeat)."""
    if event.get("RECURRENCE-ID") is not None or (
        event.get("RRULE") is None and event.get("RDATE") is None
    ):
        return [start]
    from dateutil.rrule import rruleset, rrulestr

    rules = event.get("RRULE")
    rules = rules if isinstance(rules, list) else [rules] if rules is not None else []
    repeats = rruleset()
    try:
        for rule in rules:
            repeats.rrule(rrulestr(_raw(rule), dtstart=start))  # type: ignore[arg-type]
        repeats.rdate(start)
        for name, add in (("RDATE", repeats.rdate), ("EXDATE", repeats.exdate)):
            for when in _date_list(event.get(name)):
                if isinstance(when, datetime):
                    add(_like(when, start))
    except (ValueError, TypeError) as exc:
        return problem(path, where, "RRULE", "a repeat rule such as FREQ=DAILY;COUNT=3", str(exc))
    first = in_zone(start, zone).date()
    if window is None:
        window = (first, first + timedelta(days=MAX_SEMINAR_DAYS - 1))
        bounded = False
    else:
        bounded = True
    lo, hi = window
    starts: list[datetime] = []
    outside = 0
    uid = str(event.get("UID") or "")
    try:
        for when in repeats:
            day = in_zone(when, zone).date()
            if day > hi:
                if not bounded:
                    return problem(
                        path,
                        where,
                        "RRULE",
                        f"a repeat that ends within {MAX_SEMINAR_DAYS} days (UNTIL or COUNT), "
                        "or seminar dates set first",
                        _raw(rules[0]) if rules else "RDATE",
                    )
                outside += 1
                break
            if day < lo:
                outside += 1
                continue
            if uid and when.tzinfo is not None and (uid, when) in moved:
                continue
            starts.append(when)
            if len(starts) > MAX_SEMINAR_DAYS * 48:
                break
    except (ValueError, TypeError) as exc:
        return problem(path, where, "RRULE", "a repeat rule such as FREQ=DAILY;COUNT=3", str(exc))
    if outside:
        warnings.append(
            f"{path.name}, {where}: repeats outside the seminar's dates "
            f"({lo:%d %B %Y} to {hi:%d %B %Y}); only the {len(starts)} occurrence(s) within "
            "them are imported."
        )
    return starts


def _like(when: datetime, start: datetime) -> datetime:
    """`when` comparable with `start` (dateutil refuses to mix floating and zoned times)."""
    if start.tzinfo is None:
        return when.replace(tzinfo=None)
    return when.replace(tzinfo=start.tzinfo) if when.tzinfo is None else when


def _date_list(prop: object) -> list[object]:
    props = prop if isinstance(prop, list) else [prop] if prop is not None else []
    out: list[object] = []
    for one in props:
        for entry in getattr(one, "dts", []):
            try:
                out.append(entry.dt)
            except ValueError:
                continue
    return out


_ESCAPED = re.compile(r"\\([\\;,nN])")


def _text(value: object) -> str:
    """A TEXT value as it reads: icalendar unescapes the standard properties; properties it does
    not know (our X-SEMINAR-DESK-*) come raw, so their escapes (RFC 5545 3.3.11) are undone here.
    """
    if value is None:
        return ""
    if type(value).__name__ == "vUnknown":
        return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(value))
    return str(value)


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
    path: Path,
    where: str,
    event: "Event",
    start_value: datetime,
    zone: ZoneInfo,
    calendar: "Calendar",
) -> ImportedItem | str:
    """One occurrence of a VEVENT as an item, or the one line that says what is wrong with it."""
    get = event.get
    for name in _ICS_SINGLE:
        if isinstance(get(name), list):
            return problem(path, where, name, "one value", f"{len(get(name))} {name} lines")
    values: dict[str, object] = {}
    for name in ("DTEND", "DURATION"):
        try:
            values[name] = get(name).dt if get(name) is not None else None
        except ValueError:  # icalendar's broken property: a value that is not a date
            return problem(path, where, name, _ICS_TIMES[name], _raw(get(name)))
    first = get("DTSTART").dt
    end_prop = get("DTEND")
    end_value, dur_value = values["DTEND"], values["DURATION"]
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
        duration = int((in_zone(end_value, zone) - in_zone(first, zone)).total_seconds() // 60)
        column = "DTEND"
        if duration <= 0:
            return problem(path, where, "DTEND", "an end after the start", end_value.isoformat())
    else:
        return problem(path, where, "DTEND", "an end time or a DURATION", end_value)
    wrong = duration_problem(duration)
    if wrong:
        return problem(path, where, column, wrong, f"{duration} minutes")
    texts = {name: clean_text(_text(get(name))) for name in _ICS_TEXT}
    for name, wrong in check_text(texts):
        return problem(path, where, name, wrong, texts[name][:80])
    kind_text = _text(get("X-SEMINAR-DESK-KIND"))
    ours = bool(kind_text)
    if not kind_text and get("CATEGORIES") is not None:
        cats = get("CATEGORIES")
        cats = cats if isinstance(cats, list) else [cats]
        words = [str(c) for cat in cats for c in getattr(cat, "cats", [cat])]
        kind_text = next((w for w in words if parse_kind(w) is not None), "")
    title = texts["SUMMARY"].strip() or "(untitled)"
    kind = parse_kind(kind_text) if kind_text else None
    chair = texts["X-SEMINAR-DESK-CHAIR"]
    if not chair and get("ORGANIZER") is not None:
        chair = clean_text(str(get("ORGANIZER").params.get("CN", "")))
        wrong = text_problem(chair)
        if wrong:
            return problem(path, where, "ORGANIZER", wrong, chair[:80])
    speakers = split_names(texts["X-SEMINAR-DESK-SPEAKERS"])
    description = texts["DESCRIPTION"]
    if ours:
        description = _without_our_prefix(description, chair, speakers)
    return ImportedItem(
        date=start_local.date(),
        start=start_local.hour * 60 + start_local.minute,
        duration_min=duration,
        title=title,
        kind=(kind or kind_for_title(title) or ItemKind.PLENARY).value,
        room=texts["LOCATION"],
        chair=chair,
        speakers=speakers,
        description=description,
        uid=item_id_of(str(get("UID") or "")) if get("RRULE") is None else "",
    )


def _without_our_prefix(text: str, chair: str, speakers: tuple[str, ...]) -> str:
    """The item's own description: our export's "Chair: …" and "Speakers: …" lines removed."""
    prefix = calendar_description(chair, speakers, "")
    if prefix and text == prefix:
        return ""
    if prefix and text.startswith(prefix + "\n\n"):
        return text[len(prefix) + 2 :]
    return text


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
