"""`seminar-desk import KIND FILE`: bring outside data into a seminar file (all or nothing).

Kinds are subcommands so more can be added beside `agenda` (participants, backups...).
"""

import argparse
import sys

from seminar_desk.cli.main import add_db_option, command_parser
from seminar_desk.domain.agenda_limits import visible
from seminar_desk.paths import default_db_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(subparsers, "import", "import data into a seminar file")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    agenda = kinds.add_parser(
        "agenda",
        help="an agenda from CSV, XLSX, ICS or a frab/pretalx schedule.xml",
        description=(
            "Import an agenda. CSV/XLSX columns: date, start, end or duration, title, kind, "
            "room, chair, speakers, description (headers in any case; common synonyms work). "
            "Into a new file, the seminar is created from the file (title, dates, time zone); "
            "into an existing one, the items are added. A preview is printed, then everything "
            "is committed, or nothing if any row is wrong."
        ),
    )
    agenda.add_argument("file", metavar="FILE", help="the file to import")
    agenda.add_argument(
        "--dry-run", action="store_true", help="print the preview only; change nothing"
    )
    agenda.add_argument(
        "--timezone",
        metavar="ZONE",
        help="time zone of a new seminar (e.g. Asia/Phnom_Penh); CSV and XLSX carry none. "
        "An existing seminar keeps its own zone.",
    )
    add_db_option(agenda, default=argparse.SUPPRESS)
    agenda.set_defaults(run=run_agenda)


def run_agenda(args: argparse.Namespace) -> int:
    from pathlib import Path

    from seminar_desk.services.agenda_import import (
        AgendaImportError,
        import_agenda,
        read_agenda,
        target_zone,
    )
    from seminar_desk.services.files import open_desk
    from seminar_desk.services.seminar import SeminarService

    source = Path(args.file)
    if not source.is_file():
        print(visible(f"seminar-desk: {source}: no such file"), file=sys.stderr)
        return 2
    if args.timezone:
        try:
            _check_zone(args.timezone)
        except ValueError as exc:
            print(visible(f"seminar-desk: nothing imported: {exc}"), file=sys.stderr)
            return 1
    desk = open_desk(getattr(args, "db", None) or default_db_path())
    try:
        existing = SeminarService(desk).details()
        zone = target_zone(desk) or args.timezone
        try:
            agenda = read_agenda(source, zone)
        except AgendaImportError as exc:
            print(visible(f"seminar-desk: nothing imported:\n{exc}"), file=sys.stderr)
            return 1
        for line in agenda.preview_lines():
            print(visible(line))  # file text: shown, never obeyed by the terminal
        target = f"into “{existing.title}”" if existing else "as a new seminar"
        if args.dry_run:
            print(
                visible(
                    f"Dry run: would import {len(agenda.items)} items {target}; nothing changed."
                )
            )
            return 0
        summary = import_agenda(desk, agenda)
        print(visible(f"{summary} ({desk.db.path})"))
        return 0
    finally:
        desk.close()


def _check_zone(name: str) -> None:
    """Refuse an unknown zone before a new file is created for nothing."""
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except (KeyError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}; expected e.g. Asia/Bangkok.") from exc
