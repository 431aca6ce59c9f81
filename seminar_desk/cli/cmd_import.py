"""`seminar-desk import KIND FILE`: bring outside data into a seminar file (all or nothing).

Kinds are subcommands so more can be added beside `agenda` (participants, backups...).
"""

import argparse
import sys
from typing import TYPE_CHECKING

from seminar_desk.cli import bundles, participants_transfer
from seminar_desk.cli.files import (
    Kind,
    existing_file,
    import_command,
    option,
    read_if_there,
    seminar_of,
)
from seminar_desk.domain.agenda.limits import visible
from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import counted
from seminar_desk.services.agenda.imports.registry import formats_text

if TYPE_CHECKING:
    from pathlib import Path

    from seminar_desk.services.agenda.imports.model import ImportedAgenda
    from seminar_desk.services.desk import Desk


def register(subparsers: argparse._SubParsersAction) -> None:
    import_command(
        subparsers,
        "import data into a seminar file",
        (AGENDA, participants_transfer.IMPORT, bundles.IMPORT),
    )


def run_agenda(args: argparse.Namespace) -> int:
    from seminar_desk.services.agenda.imports.commit import import_agenda
    from seminar_desk.services.files import open_desk

    source = existing_file(args.file)
    if args.timezone:
        _check_zone(args.timezone)
    db_path = seminar_of(args)
    if args.dry_run:  # reads the file if there is one; creates, upgrades and changes nothing
        return read_if_there(db_path, lambda desk: _preview(desk, source, args)[0])
    desk = open_desk(db_path)
    try:
        code, agenda = _preview(desk, source, args)
        if agenda is None:
            return code
        summary = import_agenda(desk, agenda)
        print(visible(f"{summary} ({desk.db.location})"))
        return 0
    finally:
        desk.close()


def _preview(
    desk: "Desk | None", source: "Path", args: argparse.Namespace
) -> "tuple[int, ImportedAgenda | None]":
    """Read and print the preview; the agenda to commit, or None (dry run, bad file)."""
    from seminar_desk.services.agenda.imports.commit import target_dates, target_zone
    from seminar_desk.services.agenda.imports.model import AgendaImportError
    from seminar_desk.services.agenda.imports.registry import read_agenda
    from seminar_desk.services.seminar import SeminarService

    existing = SeminarService(desk).details() if desk else None
    zone = (target_zone(desk) if desk else None) or args.timezone
    try:
        agenda = read_agenda(source, zone, target_dates(desk) if desk else None)
    except AgendaImportError as exc:
        print(visible(f"seminar-desk: nothing imported:\n{exc}"), file=sys.stderr)
        return 1, None
    for line in agenda.preview_lines():
        print(visible(line))  # file text: shown, never obeyed by the terminal
    target = f"into “{existing.title}”" if existing else "as a new seminar"
    if args.dry_run:
        print(
            visible(
                f"Dry run: would import {counted(len(agenda.items), 'item')} {target}; "
                "nothing changed."
            )
        )
        return 0, None
    return 0, agenda


def _check_zone(name: str) -> None:
    """Refuse an unknown zone before a new file is created for nothing: a refusal, said by
    the CLI's one refusal path (cli/main.py: one line, exit 2)."""
    from seminar_desk.domain.zone import zone_problem

    wrong = zone_problem(name)
    if wrong:
        raise Refusal(f"nothing imported: {wrong}")


TIMEZONE_OPTION = (
    option(
        "--timezone",
        metavar="ZONE",
        help="time zone of a new seminar (e.g. Asia/Phnom_Penh); CSV and XLSX carry none. "
        "An existing seminar keeps its own zone.",
    ),
)
AGENDA = Kind(
    "agenda",
    f"an agenda from {formats_text()}",
    (
        "Import an agenda. CSV/XLSX columns: date, start, end or duration, title, kind, "
        "room, chair, speakers, description (headers in any case; common synonyms work). "
        "Into a new file, the seminar is created from the file (title, dates, time zone); "
        "into an existing one, the items are added. A preview is printed, then everything "
        "is committed, or nothing if any row is wrong."
    ),
    run_agenda,
    options=TIMEZONE_OPTION,
)
