"""`seminar-desk export KIND -o FILE`: write data out of a seminar file.

Kinds are subcommands so more can be added beside `agenda` (reports, backups...).
"""

import argparse
import sys

from seminar_desk.cli import bundles, participants_transfer
from seminar_desk.cli.files import Kind, existing_seminar, export_command, option, output_format
from seminar_desk.domain.refusal import NotFound
from seminar_desk.domain.text import counted
from seminar_desk.services.agenda.exchange import EXPORT_FORMATS

REGISTER_FORMATS = ("xlsx", "csv")


def register(subparsers: argparse._SubParsersAction) -> None:
    export_command(
        subparsers,
        "export data from a seminar file",
        (AGENDA, participants_transfer.EXPORT, REGISTER, bundles.EXPORT),
    )


def run_agenda(args: argparse.Namespace) -> int:
    from seminar_desk.services.agenda.export import export_agenda
    from seminar_desk.services.files import read_file

    fmt = output_format(args, EXPORT_FORMATS)
    db_path = existing_seminar(args)
    count = read_file(db_path, lambda desk: export_agenda(desk, fmt, args.output))
    print(f"wrote {counted(count, 'agenda item')} to {args.output} ({fmt})")
    return 0


def run_register(args: argparse.Namespace) -> int:
    from seminar_desk.services.files import read_file
    from seminar_desk.services.notes.register_export import RegisterFilter, export_register
    from seminar_desk.services.reporting.reports import file_snapshot, find_group, find_item

    fmt = output_format(args, REGISTER_FORMATS)
    db_path = existing_seminar(args)
    snap = file_snapshot(db_path)  # a file or a server's URL (never a Path of a URL)
    try:
        item = find_item(snap, args.item) if args.item else None
        group = find_group(snap, args.group, item) if args.group else None
    except NotFound as exc:  # a bug's KeyError goes to the one handler, not here
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
    print(f"wrote {counted(count, 'row')} of the register to {args.output} ({fmt})")
    return 0


REGISTER_FILTERS = (
    option("--kind", choices=("recommendation", "action"), help="only recommendations or actions"),
    option("--day", type=int, metavar="N", help="only those of day N"),
    option("--item", metavar="ID", help="only those of an agenda item (D.N)"),
    option("--group", metavar="ID", help="only those of a breakout group"),
    option("--status", help="only this status (agreed, proposed, open, done...)"),
    option("--who", metavar="TEXT", help="addressee or owner contains TEXT"),
    option("--no-merged", action="store_true", help="leave out rows merged into another one"),
)
AGENDA = Kind(
    "agenda",
    "the agenda as ICS (calendar programs) or CSV",
    "Export the agenda: one calendar event per item, stable UIDs, in the "
    "seminar's time zone (ICS); or one row per item (CSV, re-importable).",
    run_agenda,
    formats=EXPORT_FORMATS,
)
REGISTER = Kind(
    "register",
    "the register of recommendations and action items as XLSX or CSV",
    "Export the register of recommendations and action items (what the "
    "Register view shows, with the same filters) for follow-up in a spreadsheet.",
    run_register,
    options=REGISTER_FILTERS,
    formats=REGISTER_FORMATS,
)
