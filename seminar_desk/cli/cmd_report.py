"""`seminar-desk report KIND -o FILE.pdf`: the PDF reports without a window."""

import argparse
import sys
from pathlib import Path

from seminar_desk.cli.main import command_parser
from seminar_desk.domain.agenda.limits import visible
from seminar_desk.domain.refusal import NotFound
from seminar_desk.domain.text import counted
from seminar_desk.paths import default_db_path
from seminar_desk.services.reporting.reports import (
    REPORT_KINDS,
    ReportOptions,
    ReportRequest,
    file_snapshot,
    find_group,
    find_item,
    missing,
    missing_days,
    render,
    render_word,
    with_first_day,
    write_output,
)

EPILOG = """\
kinds:
  session       one agenda item (--item): times, chair, speaker log, notes, recommendations
  breakout      the breakout groups of an item (--item), or one group (--group)
  day           end-of-day report of --day N (default 1)
  seminar       the full report: title block, contents, chapters, annexes
  agenda        the printed programme (all days, or --day N)
  participants  list of participants by delegation; --sign-in for sign-in sheets
                (one per day, or --day N)
  tents         name tents: one page per delegation, folded along the dashed line
  badges        participants' badges, eight to a page, with cut lines
  speakers      the list of speakers of an item (--item) as the chair prints it:
                order, delegation, speech type, limits; then the speaker log

naming an item (--item):
  the item's id, its 1-based 'day.position' as the agenda shows it (e.g. 2.5 is the
  fifth item of day 2), or a part of its title that matches one item only
  ("tour de table"; accents and case are ignored).
naming a group (--group):
  the group's id, a part of its name that matches one group only, or with --item its
  1-based number within that item (e.g. --item 2.6 --group 2).

examples:
  seminar-desk report session --db demo.sqlite --item 1.8 -o tour.pdf
  seminar-desk report breakout --db demo.sqlite --item "breakout" -o groups.pdf
  seminar-desk report participants --db demo.sqlite --sign-in --day 2 -o sign-in.pdf
  seminar-desk report speakers --db demo.sqlite --item 1.8 -o speakers.pdf
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = command_parser(subparsers, "report", "write a PDF report (session, day, seminar...)")
    sub.formatter_class = argparse.RawDescriptionHelpFormatter
    sub.epilog = EPILOG
    sub.add_argument("kind", choices=tuple(REPORT_KINDS), help="which report")
    sub.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    sub.add_argument(
        "--format",
        choices=("pdf", "docx"),
        default=None,
        help="pdf, or docx (Word, to edit before issuing); default: from the file name, else pdf",
    )
    sub.add_argument("--day", type=int, metavar="N", help="day number (1-based)")
    sub.add_argument("--item", metavar="ID", help="agenda item: id, day.position or title part")
    sub.add_argument("--group", metavar="ID", help="breakout group: id, number or name part")
    sub.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default: a4")
    sub.add_argument(
        "--sign-in", action="store_true", help="participants: sign-in sheets instead of the list"
    )
    sub.add_argument(
        "--internal",
        action="store_true",
        help="seminar: the secretariat's copy (every recommendation with its status, "
        "annex III action items); by default the report for distribution",
    )
    sub.add_argument(
        "--emails",
        action="store_true",
        help="participants: print personal e-mail addresses (off: lists are handed out)",
    )
    sub.set_defaults(run=run)


def fail(message: str) -> int:
    print(visible(f"seminar-desk report: {message}"), file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    db_path = args.db or default_db_path()
    snap = file_snapshot(db_path)
    item_id = group_id = None
    try:
        item = find_item(snap, args.item) if args.item else None
        if args.group:
            group_id = find_group(snap, args.group, item).id
        item_id = item.id if item else None
        if args.day is not None:
            snap.day(args.day)
    except NotFound as exc:  # a bug's KeyError goes to the one handler, not here
        return fail(str(exc.args[0]) if exc.args else str(exc))
    request = with_first_day(
        ReportRequest(args.kind, day=args.day, item_id=item_id, group_id=group_id),
        snap.days[0].number if snap.days else None,
    )
    options = ReportOptions(
        paper=args.paper,
        sign_in=args.sign_in,
        internal=args.internal,
        emails=args.emails,
    )
    if problem := missing_days(request, options, len(snap.days)):
        return fail(problem)
    if problem := missing(request, flags=True):
        return fail(problem)
    fmt = args.format or ("docx" if args.output.suffix.lower() == ".docx" else "pdf")
    if fmt == "docx":
        data, title = render_word(snap, request, options)
        write_output(args.output, data, database=db_path)
        print(visible(f"{title}: Word document written to {args.output}"))  # user text
        return 0
    result = render(snap, request, options)
    write_output(args.output, result.pdf, database=db_path)
    pages = counted(result.pages, "page")
    print(visible(f"{result.title}: {pages} written to {args.output}"))  # titles are user text
    if result.note:  # e.g. how many name tents were made, which delegations left out
        print(visible(result.note))
    for gap in result.missing:  # characters no shipped font has: drawn as boxes
        print(visible(f"No font for {gap.describe()}: drawn as a box"), file=sys.stderr)
    return 0
