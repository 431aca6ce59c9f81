"""What a reader makes of a file, and the checks every reader shares.

Reading is separate from committing (commit.py) so a person sees a preview first, and so
reading (which can be slow) runs off the GUI thread on plain data. A bad row stops the whole
import with a message naming the file, row and column and what was expected; nothing is written.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from seminar_desk.domain.agenda.limits import span_problem, text_problem
from seminar_desk.domain.agenda.timing import format_minutes
from seminar_desk.domain.kinds import ItemKind
from seminar_desk.domain.text import counted
from seminar_desk.services.file_kinds import FileKind
from seminar_desk.services.tables.problems import TableFileError

DateSpan = tuple[date, date]
"""First and last date, both included."""
MAX_ITEMS = 5000
"""Most items one import may add: far more than any seminar, few enough to commit in seconds."""


class AgendaImportError(TableFileError):
    """What is wrong with an agenda file, in words that point to the place: file, row, column."""


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
    warnings: tuple[str, ...] = ()
    """What the reader left out or filled in (an all-day event skipped, a missing duration),
    each naming the file and the event, listed in the preview before anything is written."""

    @property
    def dates(self) -> list[date]:
        return sorted({i.date for i in self.items})

    def preview_lines(self, limit: int = 40) -> list[str]:
        lines = [
            f"{self.source.name} ({self.format}): {counted(len(self.items), 'item')} over "
            f"{counted(len(self.dates), 'day')}"
            + (f", “{self.title}”" if self.title else "")
            + (f", time zone {self.timezone}" if self.timezone else "")
        ]
        lines += [f"Note: {note}" for note in self.notes]
        lines += [f"Warning: {warning}" for warning in self.warnings]
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
class Reader(FileKind):
    """One kind of file the importer reads, declared by its reader module (the registry lists
    them): `read(path, target_zone, within)` returns the agenda or raises AgendaImportError.

    `within` is the seminar's first and last date when it has days: repeating calendar events
    are expanded inside it (the other formats list every item and ignore it)."""

    read: Callable[[Path, str | None, DateSpan | None], ImportedAgenda]


def check_span(path: Path, dates: Sequence[date], seminar: str = "the file") -> None:
    if not dates:
        return
    wrong = span_problem(min(dates), max(dates))
    if wrong:
        raise AgendaImportError([f"{path.name}: {seminar} would run {wrong}. Check the dates."])


def check_count(path: Path, count: int, what: str = "rows") -> None:
    if count > MAX_ITEMS:
        raise AgendaImportError(
            [
                f"{path.name}: more than {MAX_ITEMS} {what}; one import may add at most "
                f"{MAX_ITEMS} agenda items. Split the file."
            ]
        )


def check_text(values: dict[str, str]) -> list[tuple[str, str]]:
    """(column, what was expected) for each text value that breaks the limits."""
    out = []
    for name, text in values.items():
        wrong = text_problem(text)
        if wrong:
            out.append((name, wrong))
    return out


def split_names(text: str) -> tuple[str, ...]:
    """Speakers separated by semicolons, new lines or commas ("; " wins when present)."""
    if not text.strip():
        return ()
    parts = re.split(r"[;\n|]" if re.search(r"[;\n|]", text) else r",", text)
    return tuple(p.strip() for p in parts if p.strip())
