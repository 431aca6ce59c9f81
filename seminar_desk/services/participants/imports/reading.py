"""Read a participant list (CSV or XLSX) into plain rows: every cell checked, every bad row
listed with its row and column, nothing written. The file-reading itself (encodings, separators,
quoted line breaks, zip bombs) is shared with the agenda import: services/tables/."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from seminar_desk.services.file_kinds import FileKind, file_filter, kind_of, unknown_kind
from seminar_desk.services.participants.imports import values
from seminar_desk.services.participants.imports.headers import (
    LABELS,
    TEXT_FIELDS,
    map_headers,
)
from seminar_desk.services.participants.imports.model import (
    MAX_FILE_BYTES,
    MAX_PARTICIPANTS,
    ParticipantImportError,
    PersonRow,
    ReadParticipants,
    RowProblem,
)
from seminar_desk.services.tables.problems import TableFileError


@dataclass(frozen=True)
class Format(FileKind):
    """One kind of file a participant list comes in."""

    rows: Callable[[Path], tuple[list[list[object]], str]]
    """The file's rows (header included) and a note on assumptions made."""


def _csv_rows(path: Path) -> tuple[list[list[object]], str]:
    from seminar_desk.services.tables.delimited import read_delimited

    return read_delimited(path, MAX_PARTICIPANTS, "participants")


def _xlsx_rows(path: Path) -> tuple[list[list[object]], str]:
    from seminar_desk.services.tables.workbook import read_sheet

    table = "a list of participants (name, delegation, function, e-mail...)"
    return read_sheet(path, MAX_PARTICIPANTS, "participants", table), ""


FORMATS = (
    Format("csv", "CSV", ("csv", "tsv", "txt"), _csv_rows),
    Format("xlsx", "XLSX", ("xlsx", "xlsm"), _xlsx_rows),
)
FILE_FILTER = file_filter("Participant lists", FORMATS)


def format_for(path: Path) -> Format:
    fmt = kind_of(path, FORMATS)
    if fmt is None:
        raise ParticipantImportError([unknown_kind(path, FORMATS)])
    return fmt


def read_participants(path: Path) -> ReadParticipants:
    """Every row of the file checked; bad rows are listed in `problems`, never half-read.

    Refuses (ParticipantImportError) only what makes the whole file unreadable: a kind of file
    we do not read, a file too large, not CSV/XLSX at all, no name column.
    """
    path = Path(path)
    fmt = format_for(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ParticipantImportError(
                [
                    f"{path.name}: the file is {size / 1024 / 1024:.1f} MB; a list of "
                    f"participants may be at most {MAX_FILE_BYTES // 1024 // 1024} MB."
                ]
            )
        rows, note = fmt.rows(path)
    except OSError as exc:
        raise ParticipantImportError(
            [f"{path.name}: cannot read the file ({exc.strerror or exc})."]
        ) from exc
    except TableFileError as exc:
        if isinstance(exc, ParticipantImportError):
            raise
        raise ParticipantImportError(exc.problems) from exc
    return read_rows(path, fmt.format, rows, (note,) if note else ())


def read_rows(
    path: Path, fmt: str, rows: list[list[object]], notes: tuple[str, ...] = ()
) -> ReadParticipants:
    """The participants of a table whose first filled row holds the headers."""
    start, cols = _header_row(path, rows)
    people: list[PersonRow] = []
    problems: list[RowProblem] = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        person, wrong = _read_row(path, cols, row, number)
        if wrong:
            problems += [RowProblem(number, message) for message in wrong]
        elif person is not None:
            people.append(person)
    if not people and not problems:
        raise ParticipantImportError([f"{path.name}: no participants below the header row."])
    understood = tuple(f"{LABELS[field]} ← {where}" for field, (_, where) in cols.items())
    return ReadParticipants(path, fmt, tuple(people), tuple(problems), notes, understood)


HEADER_SEARCH = 10
"""Filled rows searched for the header: a list often starts with a title line or two."""


def _header_row(path: Path, rows: list[list[object]]) -> tuple[int, dict[str, tuple[int, str]]]:
    """The index of the header row and its columns: the first of the first filled rows that
    names a name column (the first filled row's problem is the one reported)."""
    filled = [i for i, row in enumerate(rows) if any(values.clean(c) for c in row)]
    if not filled:
        raise ParticipantImportError([f"{path.name}: the file is empty; expected a header row."])
    for index in filled[:HEADER_SEARCH]:
        try:
            return index, map_headers(path, rows[index], index + 1)
        except ParticipantImportError:
            continue
    map_headers(path, rows[filled[0]], filled[0] + 1)  # raises, naming the first filled row
    raise AssertionError("unreachable")


def _read_row(
    path: Path, cols: dict[str, tuple[int, str]], row: list[object], number: int
) -> tuple[PersonRow | None, list[str]]:
    """The person on one row (None for a blank row), or what is wrong with it."""
    raw: dict[str, str] = {}
    for field, (index, _) in cols.items():
        raw[field] = values.clean(row[index]) if index < len(row) else ""
    if not any(raw.values()) and not any(values.clean(c) for c in row):
        return None, []
    wrong: list[str] = []
    fields: dict[str, str] = {}

    def check(field: str, parse: Callable[[str], str]) -> None:
        if field not in cols:
            fields[field] = ""
            return
        try:
            fields[field] = parse(raw[field])
        except values.BadValue as exc:
            wrong.append(
                f"{path.name}, row {number}, column {cols[field][1]}: expected {exc}, "
                f"found {raw[field]!r}."
            )

    for field in ("name", "first", "last"):
        check(field, values.checked_text)
    check("honorific", values.honorific)
    for field in TEXT_FIELDS[1:-1]:
        check(field, values.checked_text)
    check("code", values.code)
    check("kind", values.org_kind)
    check("role", values.role)
    check("gender", values.gender)
    check("email", values.email)
    name, sort_name = values.name_and_sort(
        fields.get("name", ""), fields.get("first", ""), fields.get("last", "")
    )
    if not name and not wrong:
        where = cols.get("name", cols.get("first", cols.get("last")))
        assert where is not None  # map_headers insists on one of them
        wrong.append(f"{path.name}, row {number}, column {where[1]}: expected a name, found ''.")
    if wrong:
        return None, wrong
    return (
        PersonRow(
            row=number,
            name=name,
            honorific=fields["honorific"],
            delegations=tuple(
                fields[f] for f in ("delegation", "organisation", "country") if fields[f]
            ),
            code=fields["code"],
            kind=fields["kind"],
            function=fields["function"],
            role=fields["role"],
            gender=fields["gender"],
            email=fields["email"],
            sort_name=sort_name,
        ),
        [],
    )
