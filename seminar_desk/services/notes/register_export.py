"""The register of recommendations and actions as a spreadsheet (XLSX) or CSV, for the
secretariat to follow them up; the same filters as the Register view, written through the one
atomic writer (services.files.write_output)."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from seminar_desk.domain.kinds import ActionStatus, RecommendationStatus
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import fold
from seminar_desk.services.desk import Desk
from seminar_desk.services.files import write_output
from seminar_desk.services.notes.register import RegisterEntry, RegisterService
from seminar_desk.services.tables.cells import guarded

FORMATS = ("xlsx", "csv")
HEADER = (
    "No.",
    "Kind",
    "Text",
    "Addressee or owner",
    "Status",
    "Due date",
    "Day",
    "Item",
    "Breakout group",
    "Sources",
    "Merged into",
)
_STATUS = {s.value: s.label for s in (*RecommendationStatus, *ActionStatus)}


@dataclass(frozen=True)
class RegisterFilter:
    """Which rows: the Register view's filters (None or '' means any)."""

    kind: str | None = None  # "recommendation" or "action"
    day: int | None = None
    item_id: str | None = None
    group_id: str | None = None
    status: str | None = None
    who: str = ""  # part of the addressee or owner, accents and case ignored
    merged: bool = True  # rows merged into another one

    def matches(self, e: RegisterEntry) -> bool:
        return (
            (self.kind is None or e.kind == self.kind)
            and (self.day is None or e.day_number == self.day)
            and (not self.item_id or e.item_id == self.item_id)
            and (not self.group_id or e.group_id == self.group_id)
            and (not self.status or e.status == self.status)
            and (not self.who or fold(self.who) in fold(e.who))
            and (self.merged or not e.merged_into_id)
        )


def register_rows(entries: list[RegisterEntry], keep: RegisterFilter) -> list[list[object]]:
    """One row per entry: recommendations and action items each numbered in programme order
    (as the reports number them), a merged row pointing at the number of its own."""
    number: dict[tuple[str, str], int] = {}
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
        number[e.kind, e.id] = counts[e.kind]
    rows: list[list[object]] = []
    for e in entries:
        if not keep.matches(e):
            continue
        merged = number.get((e.kind, e.merged_into_id or ""), "")
        rows.append(
            [
                number[e.kind, e.id],
                "Recommendation" if e.kind == "recommendation" else "Action item",
                e.text,
                e.who,
                _STATUS.get(e.status, e.status),
                e.due_date,
                e.day_number,
                e.item_title,
                e.group_name,
                "; ".join(e.sources),
                merged,
            ]
        )
    return rows


def csv_bytes(rows: list[list[object]]) -> bytes:
    """UTF-8 with a byte order mark (spreadsheets then read the accents right); cells a
    spreadsheet would run as formulas start with a quote."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        cells = ["" if c is None else c.isoformat() if hasattr(c, "isoformat") else c for c in row]
        writer.writerow(guarded(*cells))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(rows: list[list[object]], title: str = "Register") -> bytes:
    """One sheet, a bold frozen header, wrapped text, dates as dates; text that looks like a
    formula stays text (openpyxl would otherwise store "=..." as a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
            if c in (3, 10):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if c == 6 and value:
                cell.number_format = "yyyy-mm-dd"
    widths = (6, 16, 70, 28, 12, 12, 6, 40, 24, 40, 10)
    for column, width in zip("ABCDEFGHIJK", widths, strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_register(desk: Desk, fmt: str, path: Path, keep: RegisterFilter | None = None) -> int:
    """Write the register's rows that `keep` lets through; returns how many."""
    if fmt not in FORMATS:
        raise Refusal(f"The register is exported as {' or '.join(FORMATS)}, not {fmt!r}.")
    rows = register_rows(RegisterService(desk).entries(), keep or RegisterFilter())
    data = xlsx_bytes(rows) if fmt == "xlsx" else csv_bytes(rows)
    write_output(path, data, database=desk.db.path)
    return len(rows)
