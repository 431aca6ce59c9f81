"""Comma, semicolon or tab separated text: UTF-8 (with or without BOM) or Excel's UTF-16
"Unicode text"; an older spreadsheet's Windows-1252 is read with a note in the preview.
The careful reading is shared with other imports (services/tables/delimited.py)."""

from dataclasses import replace
from pathlib import Path

from seminar_desk.services.agenda.imports.model import (
    MAX_ITEMS,
    AgendaImportError,
    DateSpan,
    ImportedAgenda,
    Reader,
)
from seminar_desk.services.agenda.imports.table import read_table
from seminar_desk.services.tables.delimited import read_delimited
from seminar_desk.services.tables.problems import TableFileError


def read_csv(
    path: Path, target_zone: str | None = None, within: DateSpan | None = None
) -> ImportedAgenda:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; quoted fields may hold line breaks."""
    try:
        rows, note = read_delimited(path, MAX_ITEMS, "agenda items")
    except TableFileError as exc:
        raise AgendaImportError(exc.problems) from exc
    agenda = read_table(path, "csv", rows, target_zone)
    return replace(agenda, notes=(note,)) if note else agenda


READER = Reader("csv", "CSV", ("csv", "tsv", "txt"), read_csv)
