"""`seminar-desk export KIND -o FILE`: write data out of a seminar file.

Kinds are subcommands so more can be added beside `agenda` (reports, backups...).
"""

import argparse
import sys
from pathlib import Path

from seminar_desk.cli import participants_transfer
from seminar_desk.cli.bundles import register_export
from seminar_desk.cli.files import existing_seminar, export_parser, output_format
from seminar_desk.cli.main import command_parser
from seminar_desk.services.agenda.exchange import EXPORT_FORMATS

REGISTER_FORMATS = ("xlsx", "csv")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = command_parser(subparsers, "export", "export data from a seminar file")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    agenda = export_parser(
        kinds,
        "agenda",
        "the agenda as ICS (calendar programs) or CSV",
        "Export the agenda: one calendar event per item, stable UIDs, in the "
        "seminar's time zone (ICS); or one row per item (CSV, re-importable).",
        EXPORT_FORMATS,
    )
    agenda.set_defaults(run=run_agenda)
    participants_transfer.register_export(kinds)
    register = export_parser(
        kinds,
        "register",
        "the register of recommendations and action items as XLSX or CSV",
        "Export the register of recommendations and action items (what the "
        "Register view shows, with the same filters) for follow-up in a spreadsheet.",
        REGISTER_FORMATS,
    )
    register.add_argument(
        "--kind", choices=("recommendation", "action"), help="only recommendations or actions"
    )
    register.add_argument("--day", type=int, metavar="N", help="only those of day N")
    register.add_argument("--item", metavar="ID", help="only those of an agenda item (D.N)")
    register.add_argument("--group", metavar="ID", help="only those of a breakout group")
    register.add_argument("--status", help="only this status (agreed, proposed, open, done...)")
    register.add_argument("--who", metavar="TEXT", help="addressee or owner contains TEXT")
    register.add_argument(
        "--no-merged", action="store_true", help="leave out rows merged into another one"
    )
    register.set_defaults(run=run_register)
    register_export(kinds)


def run_agenda(args: argparse.Namespace) -> int:
    from seminar_desk.services.agenda.export import export_agenda
    from seminar_desk.services.files import read_file

    fmt = output_format(args, EXPORT_FORMATS)
    db_path = existing_seminar(args)
    count = read_file(db_path, lambda desk: export_agenda(desk, fmt, args.output))
    print(f"wrote {count} agenda items to {args.output} ({fmt})")
    return 0


def run_register(args: argparse.Namespace) -> int:
    from seminar_desk.services.files import read_file
    from seminar_desk.services.notes.register_export import RegisterFilter, export_register
    from seminar_desk.services.reporting.reports import file_snapshot, find_group, find_item

    fmt = output_format(args, REGISTER_FORMATS)
    db_path = existing_seminar(args)
    snap = file_snapshot(Path(db_path))
    try:
        item = find_item(snap, args.item) if args.item else None
        group = find_group(snap, args.group, item) if args.group else None
    except LookupError as exc:
        print(f"seminar-desk export register: {exc.args[0]}", file=sys.stderr)
        return 2
    keep = RegisterFilter(
        kind=args.kind,
        day=args.day,
        item_id=item.id if item else None,
        group_id=group.id if group else None,
        status=args.status,
        who=args.who or "",
        merged=not args.no_merged,
    )
    count = read_file(db_path, lambda desk: export_register(desk, fmt, args.output, keep))
    print(f"wrote {count} rows of the register to {args.output} ({fmt})")
    return 0
