"""Read agendas from CSV, XLSX, ICS and frab/pretalx schedule.xml, then commit all or nothing.

Reading is separate from committing so a person sees a preview first, and so reading (which can
be slow) runs off the GUI thread on plain data. A bad row stops the whole import with a message
naming the file, row and column and what was expected; nothing is written.
"""

import codecs
import csv
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from seminar_desk.domain.agenda_kinds import parse_kind
from seminar_desk.domain.agenda_limits import (
    DATE_RULE,
    MAX_TEXT_CHARS,
    clean_text,
    date_problem,
    duration_problem,
    span_problem,
    text_problem,
)
from seminar_desk.domain.agenda_parse import parse_clock, parse_date, parse_duration
from seminar_desk.domain.changes import OpChanges
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import fold
from seminar_desk.domain.timing import (
    DAY_MINUTES,
    format_minutes,
    to_minutes,
    wall_time,
)
from seminar_desk.domain.zone import in_zone, is_known_zone, seminar_zone, zone_problem
from seminar_desk.reports.request import Cancelled, ProgressFn
from seminar_desk.services.agenda.service import items_of, planned_end, renumber, retime_items
from seminar_desk.services.agenda_export import UID_DOMAIN
from seminar_desk.services.desk import Desk
from seminar_desk.store.models import AgendaItem, Day, ItemSpeaker, Participant, Seminar

if TYPE_CHECKING:
    from icalendar import Calendar

FORMATS = ("csv", "xlsx", "ics", "xml")
FILE_FILTER = "Agendas (*.csv *.tsv *.txt *.xlsx *.ics *.xml);;All files (*)"
TEXT_TABLES = ("csv", "tsv", "txt")
"""Comma, semicolon or tab separated; Excel's "Unicode text" is a UTF-16 .txt."""
MAX_ERRORS = 10
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file read (an agenda of a thousand items in any format is well under 1 MB)."""
MAX_ITEMS = 5000
"""Most items one import may add: far more than any seminar, few enough to commit in seconds."""
MAX_XLSX_UNPACKED = 30 * 1024 * 1024
"""An agenda workbook unpacks to well under 1 MB; openpyxl needs several times this in memory."""
MAX_XLSX_RATIO = 200
MAX_XLSX_COLUMNS = 64
MAX_XLSX_ROWS = 20 * MAX_ITEMS


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
    if isinstance(found, timedelta):  # a spreadsheet duration cell
        found = f"{int(found.total_seconds() // 60)} minutes"
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
    uid: str = ""
    """The item's id when the file is our own export: importing it again updates that item."""


@dataclass(frozen=True)
class ImportedAgenda:
    source: Path
    format: str
    items: tuple[ImportedItem, ...]
    title: str = ""
    timezone: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    notes: tuple[str, ...] = ()
    """Assumptions the reader made (a legacy encoding, a time zone), shown in the preview."""

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
        lines += [f"Note: {note}" for note in self.notes]
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
    updated: int = 0
    """Items of our own export found again by their UID: changed in place, not duplicated."""
    changes: OpChanges = field(default_factory=OpChanges)
    """What the import's transaction changed, for views told by hand (a worker-thread desk)."""

    def __str__(self) -> str:
        made = "created the seminar and " if self.seminar_created else ""
        again = f" ({self.updated} already here, updated)" if self.updated else ""
        return (
            f"Imported {self.items} items{again}: {made}{self.days_created} new day(s), "
            f"{self.participants_created} new participant(s)."
        )


# -- reading ---------------------------------------------------------------------------------


def read_agenda(path: Path, target_zone: str | None = None) -> ImportedAgenda:
    """Read any supported file; times are converted to `target_zone` when the file has zones.

    Every value is checked against the limits typed input has (domain.agenda_limits): a file
    is refused whole, naming each place that is wrong.
    """
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    wrong = zone_problem(target_zone) if target_zone is not None else None
    if wrong:
        raise AgendaImportError([wrong])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AgendaImportError(
                [
                    f"{path.name}: the file is {size / 1024 / 1024:.1f} MB; an agenda file may "
                    f"be at most {MAX_FILE_BYTES // 1024 // 1024} MB."
                ]
            )
        if suffix in (*TEXT_TABLES, "xlsx", "xlsm"):
            table = read_csv(path) if suffix in TEXT_TABLES else read_xlsx(path)
            # Spreadsheets carry no zone: their times are the seminar's own local times.
            agenda = replace(table, timezone=target_zone) if target_zone else table
        elif suffix in ("ics", "ical", "ifb"):
            agenda = read_ics(path, target_zone)
        elif suffix == "xml":
            agenda = read_schedule_xml(path, target_zone)
        else:
            raise AgendaImportError(
                [
                    f"{path.name}: unknown kind of file; expected .csv, .txt, .xlsx, .ics or "
                    "schedule .xml."
                ]
            )
    except OSError as exc:
        raise AgendaImportError(
            [f"{path.name}: cannot read the file ({exc.strerror or exc})."]
        ) from exc
    _check_span(path, agenda.dates)
    return agenda


def _check_span(path: Path, dates: Sequence[date], seminar: str = "the file") -> None:
    if not dates:
        return
    wrong = span_problem(min(dates), max(dates))
    if wrong:
        raise AgendaImportError([f"{path.name}: {seminar} would run {wrong}. Check the dates."])


def _check_count(path: Path, count: int, what: str = "rows") -> None:
    if count > MAX_ITEMS:
        raise AgendaImportError(
            [
                f"{path.name}: more than {MAX_ITEMS} {what}; one import may add at most "
                f"{MAX_ITEMS} agenda items. Split the file."
            ]
        )


def _check_text(values: dict[str, str]) -> list[tuple[str, str]]:
    """(column, what was expected) for each text value that breaks the limits."""
    out = []
    for name, text in values.items():
        wrong = text_problem(text)
        if wrong:
            out.append((name, wrong))
    return out


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
    """UTF-8 (with or without BOM) or UTF-16 with BOM; quoted fields may hold line breaks."""
    raw = path.read_bytes()
    text, note = _decode_csv(path, raw)
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=header.count)  # the header shows the separator best
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[object]] = []
    row_start = 1
    try:
        for row in reader:
            rows.append(list(row))
            _check_count(path, len(rows) - 1)
            row_start = reader.line_num + 1
    except csv.Error as exc:
        raise AgendaImportError([_csv_problem(path, str(exc), row_start, reader.line_num)]) from exc
    agenda = _read_table(path, "csv", rows)
    return replace(agenda, notes=(note,)) if note else agenda


def _decode_csv(path: Path, raw: bytes) -> tuple[str, str]:
    """The text, and a note when an encoding had to be assumed."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            return raw.decode("utf-16"), ""
        except UnicodeDecodeError as exc:
            raise AgendaImportError(
                [
                    f"{path.name}, byte {exc.start}: expected UTF-16 text; the file is cut "
                    "or damaged."
                ]
            ) from exc
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        if _has_utf8_sequences(raw):
            # UTF-8 with a stray byte: guessing another encoding would garble every accent.
            line = raw.count(b"\n", 0, exc.start) + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            raise AgendaImportError(
                [
                    f"{path.name}, line {line}, byte {column} (offset {exc.start} in the file): "
                    f"expected UTF-8 text, found the byte 0x{raw[exc.start]:02X}. Fix that "
                    'character, or save the file again as "CSV UTF-8".'
                ]
            ) from exc
    # No UTF-8 at all: an older spreadsheet's Windows encoding, said so in the preview.
    return raw.decode("cp1252", errors="replace"), (
        "the file is not UTF-8; read as Windows-1252 (Western European). Check accented names."
    )


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _has_utf8_sequences(raw: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(raw) is not None


def _csv_problem(path: Path, error: str, row_start: int, line: int) -> str:
    if "unexpected end of data" in error:
        return (
            f"{path.name}, line {row_start}: a quoted field is never closed; expected a "
            f'closing quote (") before the end of the file.'
        )
    if "field larger than field limit" in error:
        return (
            f"{path.name}, line {row_start}: a field is longer than "
            f"{MAX_TEXT_CHARS // 1024} KiB; expected shorter text (is a quote missing?)."
        )
    return f"{path.name}, line {line}: expected well-formed CSV ({error})."


def read_xlsx(path: Path) -> ImportedAgenda:
    """The first sheet, streamed; the archive is checked before openpyxl unpacks anything."""
    from openpyxl import load_workbook

    _check_xlsx_archive(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise AgendaImportError([f"{path.name}: not a readable XLSX workbook ({exc})."]) from exc
    try:
        sheet = book.worksheets[0]
        # The declared dimension (A1:XFD200001) is the file's word, not the cells it holds.
        sheet.reset_dimensions()
        rows: list[list[object]] = []
        filled = 0
        for row in sheet.iter_rows(values_only=True):
            if len(row) > MAX_XLSX_COLUMNS and any(c is not None for c in row[MAX_XLSX_COLUMNS:]):
                raise AgendaImportError(
                    [
                        f"{path.name}, row {len(rows) + 1}: more than {MAX_XLSX_COLUMNS} "
                        "columns; expected an agenda table (date, start, duration, title...)."
                    ]
                )
            rows.append(list(row[:MAX_XLSX_COLUMNS]))
            filled += any(_filled(c) for c in row)
            _check_count(path, filled - 1)
            if len(rows) > MAX_XLSX_ROWS:
                raise AgendaImportError(
                    [f"{path.name}: more than {MAX_XLSX_ROWS} rows; expected an agenda table."]
                )
    finally:
        book.close()
    return _read_table(path, "xlsx", rows)


def _check_xlsx_archive(path: Path) -> None:
    """Refuse zip bombs: too much unpacked data, or members that expand too far."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise AgendaImportError([f"{path.name}: not a readable XLSX workbook ({exc})."]) from exc
    total = sum(m.file_size for m in members)
    if len(members) > 1000 or total > MAX_XLSX_UNPACKED:
        raise AgendaImportError(
            [
                f"{path.name}: the workbook unpacks to {total / 1024 / 1024:.0f} MB in "
                f"{len(members)} part(s); expected at most {MAX_XLSX_UNPACKED // 1024 // 1024} MB."
            ]
        )
    for member in members:
        ratio = member.file_size // max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_XLSX_RATIO:
            raise AgendaImportError(
                [
                    f"{path.name}: the part {member.filename} expands {ratio} times; expected "
                    f"at most {MAX_XLSX_RATIO} (is it a compression bomb?)."
                ]
            )


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
            return _unguard(clean_text(value).strip()) if isinstance(value, str) else value

        def bad(name: str, expected: str, number: int = number) -> None:
            problems.append(problem(path, number, cols[name][1], expected, cell(name)))

        title = str(cell("title") or "").strip()
        if not title:
            bad("title", "a title")
        day = parse_date(cell("date"))
        if day is None:
            bad("date", "a date such as 2026-12-19")
        elif date_problem(day):
            bad("date", DATE_RULE)
            day = None
        for name, wrong in _check_text(
            {n: str(cell(n)) for n in TEXT_COLUMNS if isinstance(cell(n), str)}
        ):
            bad(name, wrong)
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
            if duration_problem(duration):
                bad("end", "an end after the start")
                duration = None
        elif duration is not None and duration_problem(duration):
            bad("duration", duration_problem(duration) or "")
            duration = None
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


TEXT_COLUMNS = ("title", "kind", "room", "chair", "speakers", "description")
_GUARDED = re.compile(r"^'(?=[=+\-@\t\r])")


def _unguard(text: str) -> str:
    """Undo the quote our CSV export puts before a cell that a spreadsheet would run."""
    return _GUARDED.sub("", text)


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
    zone = seminar_zone(zone_name)
    problems: list[str] = []
    items: list[ImportedItem] = []
    events = list(calendar.walk("VEVENT"))
    _check_count(path, len(events), "events")
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
    for name, wrong in _check_text(texts):
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
    uid = str(get("UID") or "")
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
        uid=uid.removesuffix(f"@{UID_DOMAIN}") if uid.endswith(f"@{UID_DOMAIN}") else "",
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
    zone_name = target_zone or (file_zone if is_known_zone(file_zone) else None)
    _check_count(path, sum(1 for _ in root.iter("event")), "events")
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
                duration = parse_duration(_text(event, "duration"))
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
                wrongs = _check_text({k: clean_text(v) for k, v in texts.items()})
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
                        kind=(parse_kind(_text(event, "type")) or ItemKind.PLENARY).value,
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


class _Steps:
    """Counts items as they are added: reports progress, and stops the import when cancelled
    (raising inside the transaction rolls all of it back)."""

    EVERY = 100

    def __init__(self, total: int, progress: ProgressFn | None, cancel: Event | None) -> None:
        self.total, self.progress, self.cancel = max(total, 1), progress, cancel
        self.done = 0

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()

    def __call__(self) -> None:
        self.done += 1
        if self.done % self.EVERY == 0 or self.done == self.total:
            self.check()
            if self.progress is not None:  # the rest of the time goes to saving
                self.progress(0.8 * self.done / self.total, f"{self.done} of {self.total} items")

    def saving(self) -> None:
        self.check()
        if self.progress is not None:
            self.progress(0.9, "Saving…")


def import_agenda(
    desk: Desk,
    agenda: ImportedAgenda,
    progress: ProgressFn | None = None,
    cancel: Event | None = None,
) -> ImportSummary:
    """Add the items in one transaction: into the file's seminar, or a new one from the file.

    Safe on a worker thread with a Desk that has no listeners (the GUI hands the returned
    `changes` to its own views). `progress(fraction, text)` is called now and then; setting
    `cancel` stops the import with `Cancelled` and nothing is written.
    """
    steps = _Steps(len(agenda.items), progress, cancel)
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
        known = [d for d in (seminar.start_date, seminar.end_date) if d is not None]
        _check_span(agenda.source, [*known, *agenda.dates], "the seminar with this file")
        people = _PeopleIndex(s)
        days, days_created = _days_for(s, seminar, agenda)
        again = _existing_items(s, agenda)
        by_date: dict[date, list[ImportedItem]] = {}
        for item in agenda.items:
            if item.uid not in again:
                by_date.setdefault(item.date, []).append(item)
        touched = {row.day_id for row in again.values()}
        for item in agenda.items:
            if item.uid in again:
                _update_item(again[item.uid], item, days[item.date], people)
                touched.add(days[item.date].id)
                steps()
        s.flush()
        for day_date, imported in by_date.items():
            _add_day_items(s, days[day_date], imported, people, steps)
        steps.saving()
        for day in s.scalars(select(Day).where(Day.id.in_(touched))):
            rows = items_of(s, day.id)
            renumber(rows)
            retime_items(s, day, rows)
        if seminar.start_date is None or seminar.start_date > agenda.dates[0]:
            seminar.start_date = agenda.dates[0]
        if seminar.end_date is None or seminar.end_date < agenda.dates[-1]:
            seminar.end_date = agenda.dates[-1]
        s.flush()
        steps.check()  # the last moment to cancel: after this, the transaction commits
    return ImportSummary(
        len(agenda.items), days_created, created, people.created, len(again), act.changes
    )


def _existing_items(s: Session, agenda: ImportedAgenda) -> dict[str, AgendaItem]:
    """Items of this seminar that the file (our own export) names by id."""
    uids = [i.uid for i in agenda.items if i.uid]
    if not uids:
        return {}
    return {a.id: a for a in s.scalars(select(AgendaItem).where(AgendaItem.id.in_(uids)))}


def _update_item(row: AgendaItem, item: ImportedItem, day: Day, people: "_PeopleIndex") -> None:
    """Bring an item exported earlier up to the file's version (moved to its day if needed)."""
    if row.day_id != day.id:
        row.day_id, row.position = day.id, 1_000_000  # last of its new day until renumbered
    row.kind, row.title, row.description = item.kind, item.title, item.description
    row.duration_min, row.room = item.duration_min, item.room
    if item.start is not None and (
        row.start_time is None or to_minutes(row.start_time) != item.start
    ):
        row.start_time, row.start_locked = wall_time(item.start), True
    row.chair = people.chair(item.chair)
    names = [sp.participant.name if sp.participant else sp.name for sp in row.speakers]
    if names != list(item.speakers):
        found = [(people.find(name), name) for name in item.speakers]
        row.speakers = [
            ItemSpeaker(participant=person, name="" if person else name, position=i)
            for i, (person, name) in enumerate(found)
        ]


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
    step: Callable[[], None],
) -> None:
    """Append items; explicit times are kept (locking those that do not follow on)."""
    existing = list(
        s.scalars(
            select(AgendaItem).where(AgendaItem.day_id == day.id).order_by(AgendaItem.position)
        )
    )
    cursor = planned_end(s, day, existing)
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
            step()
        cursor = max(cursor, max((i.start or 0) + i.duration_min for i in cluster))
    for item in untimed:
        rows.append(_row(day, item, position, "", False, people))
        position += 1
        step()
    s.add_all(rows)
    s.flush()
    retime_items(s, day, existing + rows)


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
    )
    if chair is not None:  # setting relationships costs time: only what there is
        row.chair = chair
    if item.speakers:
        found = [(people.find(name), name) for name in item.speakers]
        row.speakers = [
            ItemSpeaker(participant=person, name="" if person else name, position=i)
            for i, (person, name) in enumerate(found)
        ]
    return row
