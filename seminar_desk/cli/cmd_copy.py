"""`seminar-desk copy SRC DEST`: a whole seminar between a file and a server, either way."""

import argparse

from seminar_desk.services.files import as_target
from seminar_desk.services.files.copy import copy_seminar


def register(subparsers: argparse._SubParsersAction) -> None:
    help_text = (
        "copy a whole seminar between a file and a server (postgresql+psycopg://user@host/db), "
        "either way; the destination must hold no seminar yet"
    )
    sub = subparsers.add_parser("copy", help=help_text, description=help_text)
    sub.add_argument("source", type=as_target, metavar="SRC", help="file or server URL to read")
    sub.add_argument(
        "destination", type=as_target, metavar="DEST", help="new file or empty server database"
    )
    sub.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    report = copy_seminar(args.source, args.destination)
    print(report.summary())
    return 0
