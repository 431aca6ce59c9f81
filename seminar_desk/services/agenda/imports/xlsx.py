"""Excel workbooks: the first sheet, streamed; the archive is checked before it is unpacked
(shared with other imports: services/tables/workbook.py)."""

from pathlib import Path

from seminar_desk.services.agenda.imports.model import (
    MAX_ITEMS,
    AgendaImportError,
    DateSpan,
    ImportedAgenda,
    Reader,
)
from seminar_desk.services.agenda.imports.table import read_table
from seminar_desk.services.tables.problems import TableFileError
from seminar_desk.services.tables.workbook import read_sheet


def read_xlsx(
    path: Path, target_zone: str | None = None, within: DateSpan | None = None
) -> ImportedAgenda:
    """The first sheet, streamed; the archive is checked before openpyxl unpacks anything."""
    try:
        rows = read_sheet(
            path, MAX_ITEMS, "agenda items", "an agenda table (date, start, duration, title...)"
        )
    except TableFileError as exc:
        raise AgendaImportError(exc.problems) from exc
    return read_table(path, "xlsx", rows, target_zone)


READER = Reader("xlsx", "XLSX", ("xlsx", "xlsm"), read_xlsx)
