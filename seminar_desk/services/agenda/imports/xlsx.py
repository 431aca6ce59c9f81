"""Excel workbooks: the first sheet, streamed; the archive is checked before it is unpacked."""

import zipfile
from pathlib import Path

from seminar_desk.services.agenda.imports.model import (
    MAX_ITEMS,
    AgendaImportError,
    DateSpan,
    ImportedAgenda,
    Reader,
    check_count,
)
from seminar_desk.services.agenda.imports.table import is_filled, read_table

MAX_XLSX_UNPACKED = 30 * 1024 * 1024
"""An agenda workbook unpacks to well under 1 MB; openpyxl needs several times this in memory."""
MAX_XLSX_RATIO = 200
MAX_XLSX_COLUMNS = 64
MAX_XLSX_ROWS = 20 * MAX_ITEMS


def read_xlsx(
    path: Path, target_zone: str | None = None, within: DateSpan | None = None
) -> ImportedAgenda:
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
            filled += any(is_filled(c) for c in row)
            check_count(path, filled - 1)
            if len(rows) > MAX_XLSX_ROWS:
                raise AgendaImportError(
                    [f"{path.name}: more than {MAX_XLSX_ROWS} rows; expected an agenda table."]
                )
    finally:
        book.close()
    return read_table(path, "xlsx", rows, target_zone)


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


READER = Reader("xlsx", "XLSX", ("xlsx", "xlsm"), read_xlsx)
