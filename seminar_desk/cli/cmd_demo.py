"""`seminar-desk demo`: write the built-in demo seminar into a file."""

import argparse

from seminar_desk.cli.main import command_parser
from seminar_desk.paths import demo_db_path
from seminar_desk.services.files import open_desk
from seminar_desk.services.seminar.demo import create_demo


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = command_parser(subparsers, "demo", "create the demo seminar (Phnom Penh, SALW)")
    sub.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = args.db or demo_db_path()
    desk = open_desk(path)
    try:
        summary = create_demo(desk)
    finally:
        desk.close()
    print(f"demo seminar written to {desk.db.location}: {summary}")
    return 0
