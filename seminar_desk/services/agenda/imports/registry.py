"""The kinds of agenda file the importer reads: each reader module declares its format, label
and file name endings (its READER); this list is the one place that names them.

The file dialog's filter, "which reader for this file", the refusal of an unknown kind and the
command line's help all come from here, so a new format is one new reader module added below.
Reader modules are light (their libraries load when a file is read), so the help stays fast.
"""

from pathlib import Path

from seminar_desk.domain.zone import zone_problem
from seminar_desk.services.agenda.imports import csv, frab, ics, xlsx
from seminar_desk.services.agenda.imports.model import (
    AgendaImportError,
    DateSpan,
    ImportedAgenda,
    Reader,
    check_span,
)
from seminar_desk.services.file_kinds import file_filter, kind_of, kinds_text, unknown_kind

READERS: tuple[Reader, ...] = (csv.READER, xlsx.READER, ics.READER, frab.READER)
FORMATS = tuple(reader.format for reader in READERS)
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file read (an agenda of a thousand items in any format is well under 1 MB)."""


def suffixes() -> list[str]:
    """Every file name ending a reader takes, in the readers' order (no dot)."""
    return [suffix for reader in READERS for suffix in reader.suffixes]


FILE_FILTER = file_filter("Agendas", READERS)


def formats_text() -> str:
    """The kinds of file in words: "CSV (.csv, .tsv, .txt), ... or frab/pretalx schedule (.xml)"."""
    return kinds_text(READERS)


def reader_for(path: Path) -> Reader:
    """The reader for a file by its name's ending; refuses a kind no reader takes."""
    reader = kind_of(path, READERS)
    if reader is None:
        raise AgendaImportError([unknown_kind(path, READERS)])
    return reader


def read_agenda(
    path: Path, target_zone: str | None = None, within: DateSpan | None = None
) -> ImportedAgenda:
    """Read any supported file; times are converted to `target_zone` when the file has zones,
    repeating calendar events expanded within the seminar's dates (`within`, see
    commit.target_dates).

    Every value is checked against the limits typed input has (domain.agenda.limits): a file
    is refused whole, naming each place that is wrong.
    """
    path = Path(path)
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
        agenda = reader_for(path).read(path, target_zone, within)
    except OSError as exc:
        raise AgendaImportError(
            [f"{path.name}: cannot read the file ({exc.strerror or exc})."]
        ) from exc
    check_span(path, agenda.dates)
    return agenda
