"""`seminar-desk backup`: a consistent copy of the file into its backup folder; `--list` shows
the backups (the rolling set beside the file and the copies made before upgrades)."""

import argparse
from pathlib import Path

from seminar_desk.cli.main import command_parser
from seminar_desk.paths import default_db_path


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = command_parser(
        subparsers,
        "backup",
        "back up the seminar file (SQLite backup API) into FILE.backups/ and print the copy's path",
    )
    sub.add_argument("--list", action="store_true", help="list the file's backups, newest first")
    sub.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from seminar_desk.services.backups import back_up_file, backups

    path = Path(getattr(args, "db", None) or default_db_path()).expanduser().resolve()
    if args.list:
        for backup in backups(path):
            print(f"{backup.path}\t{backup.label()}")
        return 0
    print(back_up_file(path, "manual"))
    return 0
