"""Agenda tables (CSV and XLSX rows): header synonyms, and each row checked into an item."""

import re
from collections.abc import Sequence
from pathlib import Path

from seminar_desk.domain.agenda.kinds import kind_for_title, parse_kind
from seminar_desk.domain.agenda.limits import (
    DATE_RULE,
    clean_text,
    date_problem,
    duration_problem,
)
from seminar_desk.domain.agenda.parse import parse_clock, parse_date, parse_duration
from seminar_desk.domain.agenda.timing import DAY_MINUTES
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.text import fold, letters
from seminar_desk.services.agenda.imports.model import (
    AgendaImportError,
    ImportedAgenda,
    ImportedItem,
    check_text,
    problem,
    split_names,
)
from seminar_desk.services.tables.cells import unguarded
from seminar_desk.services.tables.workbook import is_filled

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


def _map_headers(path: Path, headers: Sequence[object]) -> dict[str, tuple[int, str]]:
    """Our column name -> (index, how the file calls it), or an error naming what is missing."""
    found: dict[str, tuple[int, str]] = {}
    for i, raw in enumerate(headers):
        text = fold(str(raw or "")).strip().strip(":").strip()
        text = re.sub(r"\s+", " ", text)
        name = _HEADER_LOOKUP.get(text)
        if name and name not in found:
            found[name] = (i, f"{str(raw).strip()} ({letters(i)})")
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


def read_table(
    path: Path, fmt: str, rows: list[list[object]], target_zone: str | None = None
) -> ImportedAgenda:
    """The items of a table whose first filled row holds the headers.

    Spreadsheets carry no zone: their times are the seminar's own local times, so the agenda
    simply takes `target_zone` (None lets the importer keep the seminar's).
    """
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
            return unguarded(clean_text(value).strip()) if isinstance(value, str) else value

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
        for name, wrong in check_text(
            {n: str(cell(n)) for n in TEXT_COLUMNS if isinstance(cell(n), str)}
        ):
            bad(name, wrong)
        start = end = duration = None
        if is_filled(cell("start")):
            start = parse_clock(cell("start"))
            if start is None:
                bad("start", "a time such as 09:30")
        if is_filled(cell("end")):
            end = parse_clock(cell("end"))
            if end is None:
                bad("end", "a time such as 10:15")
        if is_filled(cell("duration")):
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
            is_filled(cell(n)) and n in cols for n in ("duration", "end")
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
        kind = parse_kind(str(cell("kind") or ""), default=None)
        if kind is None and not is_filled(cell("kind")):
            kind = kind_for_title(title) or ItemKind.PLENARY
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
    return ImportedAgenda(path, fmt, tuple(items), timezone=target_zone or None)


TEXT_COLUMNS = ("title", "kind", "room", "chair", "speakers", "description")
