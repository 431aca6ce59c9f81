"""`seminar-desk export KIND -o FILE`: write data out of a seminar file.

Kinds are subcommands so more can be added beside `agenda` (reports, backups...).
"""

import argparse
import sys
from pathlib import Path

from seminar_desk.cli import participants_transfer
from seminar_desk.cli.main import add_db_option, command_parser
from seminar_desk.paths import default_db_path
from seminar_desk.services.agenda.exchange import EXPORT_FORMATS
from seminar_desk.services.files import missing


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(subparsers, "export", "export data from a seminar file")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    agenda = kinds.add_parser(
        "agenda",
        help="the agenda as ICS (calendar programs) or CSV",
        description="Export the agenda: one calendar event per item, stable UIDs, in the "
        "seminar's time zone (ICS); or one row per item (CSV, re-importable).",
    )
    agenda.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default=None,
        help="file format (default: from the file name, else ics)",
    )
    agenda.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    add_db_option(agenda, default=argparse.SUPPRESS)
    agenda.set_defaults(run=run_agenda)
    participants_transfer.register_export(kinds)


def run_agenda(args: argparse.Namespace) -> int:
    from seminar_desk.services.agenda.export import export_agenda
    from seminar_desk.services.files import read_file

    fmt = args.format or ("csv" if args.output.suffix.lower() == ".csv" else "ics")
    db_path = getattr(args, "db", None) or default_db_path()
    if missing(db_path):
        print(f"seminar-desk: {db_path}: no such seminar file", file=sys.stderr)
        return 2
    count = read_file(db_path, lambda desk: export_agenda(desk, fmt, args.output))
    print(f"wrote {count} agenda items to {args.output} ({fmt})")
    return 0
