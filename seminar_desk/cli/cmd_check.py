"""`seminar-desk check`: integrity and schema version of a seminar file."""

import argparse

from seminar_desk.cli.main import command_parser
from seminar_desk.paths import default_db_path
from seminar_desk.services.files.integrity import check_file


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = command_parser(subparsers, "check", "check a seminar file's integrity and schema")
    sub.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    report = check_file(args.db or default_db_path())
    for line in report.lines():
        print(line)
    return 0 if report.sound else 1
