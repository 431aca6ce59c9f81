"""Excel workbooks as rows of cells: the first sheet, streamed (openpyxl read-only); the
archive is checked before anything is unpacked, so a zip bomb is refused, not opened."""

import zipfile
from pathlib import Path

from seminar_desk.services.archives import UnpackLimits, unpack_problem
from seminar_desk.services.tables.problems import TableFileError, too_many_rows

UNPACK_LIMITS = UnpackLimits(unpacked=30 * 1024 * 1024, ratio=200, above=1024 * 1024, parts=1000)
"""A table of thousands of rows unpacks to a few MB; openpyxl needs several times this."""
MAX_XLSX_COLUMNS = 64


def is_filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def read_sheet(path: Path, limit: int, what: str, table: str) -> list[list[object]]:
    """The first sheet's rows (header included); `table` says what was expected in messages
    ("an agenda table (date, start, duration, title...)").

    More than `limit` filled rows below the header is refused, and so is a sheet wider than
    MAX_XLSX_COLUMNS or with more than 20 x `limit` rows (filled or not).
    """
    from openpyxl import load_workbook

    check_archive(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableFileError([f"{path.name}: not a readable XLSX workbook ({exc})."]) from exc
    try:
        sheet = book.worksheets[0]
        # The declared dimension (A1:XFD200001) is the file's word, not the cells it holds.
        sheet.reset_dimensions()
        rows: list[list[object]] = []
        filled = 0
        for row in sheet.iter_rows(values_only=True):
            if len(row) > MAX_XLSX_COLUMNS and any(c is not None for c in row[MAX_XLSX_COLUMNS:]):
                raise TableFileError(
                    [
                        f"{path.name}, row {len(rows) + 1}: more than {MAX_XLSX_COLUMNS} "
                        f"columns; expected {table}."
                    ]
                )
            rows.append(list(row[:MAX_XLSX_COLUMNS]))
            filled += any(is_filled(c) for c in row)
            if filled - 1 > limit:
                raise too_many_rows(path, limit, what)
            if len(rows) > 20 * limit:
                raise TableFileError(
                    [f"{path.name}: more than {20 * limit} rows; expected {table}."]
                )
    finally:
        book.close()
    return rows


def check_archive(path: Path) -> None:
    """Refuse zip bombs: too much unpacked data, or members that expand too far."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise TableFileError([f"{path.name}: not a readable XLSX workbook ({exc})."]) from exc
    problem = unpack_problem(members, UNPACK_LIMITS, "the workbook")
    if problem:
        raise TableFileError([f"{path.name}: {problem}."])
