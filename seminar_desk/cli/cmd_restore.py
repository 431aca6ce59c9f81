"""`seminar-desk restore BACKUP`: put a backup in place of the seminar file; the file as it
was is backed up first (or, if it is damaged, moved aside untouched)."""

import argparse
from pathlib import Path

from seminar_desk.cli.main import command_parser
from seminar_desk.paths import default_db_path


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = command_parser(
        subparsers,
        "restore",
        "replace the seminar file by a backup (the current file is backed up first)",
    )
    sub.add_argument("backup", metavar="BACKUP", help="the backup file (see `backup --list`)")
    sub.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from seminar_desk.services.backups import restore

    path = Path(getattr(args, "db", None) or default_db_path()).expanduser()
    kept = restore(Path(args.backup), path)
    print(f"restored {path} from {args.backup}")
    if kept is not None:
        print(f"the file as it was: {kept}")
    return 0
