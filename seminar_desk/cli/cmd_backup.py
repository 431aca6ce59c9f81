"""`seminar-desk backup`: a consistent copy of the file into its backup folder; `--list` shows
the backups (the rolling set beside the file and the copies made before upgrades).
`seminar-desk restore BACKUP`: put a backup in place of the seminar file; the file as it was is
backed up first (or, if it is damaged, moved aside untouched)."""

import argparse
from pathlib import Path

from seminar_desk.cli.files import option, seminar_of
from seminar_desk.cli.main import command_parser
from seminar_desk.domain.refusal import Refusal


def register(subparsers: argparse._SubParsersAction) -> None:
    commands = (
        (
            "backup",
            "back up the seminar file (SQLite backup API) into FILE.backups/ and print the copy's "
            "path",
            option("--list", action="store_true", help="list the file's backups, newest first"),
            run_backup,
        ),
        (
            "restore",
            "replace the seminar file by a backup (the current file is backed up first)",
            option("backup", metavar="BACKUP", help="the backup file (see `backup --list`)"),
            run_restore,
        ),
    )
    for name, help_text, own, run in commands:
        parser = command_parser(subparsers, name, help_text)
        parser.add_argument(*own.flags, **own.settings)
        parser.set_defaults(run=run)


def seminar_file(args: argparse.Namespace) -> Path:
    """Backups are copies of a file (a server keeps its own): a server's URL is refused, never
    taken for a path (which printed its password as a missing file)."""
    from seminar_desk.services.files import as_target, describe

    target = as_target(str(seminar_of(args)))
    if isinstance(target, str):
        raise Refusal(
            f"{describe(target)} is a seminar on a server: backup and restore copy seminar "
            "files; back up the server's database on the server (pg_dump)."
        )
    return Path(target).expanduser()


def run_backup(args: argparse.Namespace) -> int:
    from seminar_desk.services.backups import back_up_file, backups

    path = seminar_file(args).resolve()
    if args.list:
        for backup in backups(path):
            print(f"{backup.path}\t{backup.label()}")
        return 0
    print(back_up_file(path, "manual"))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from seminar_desk.services.backups import restore

    path = seminar_file(args)
    kept = restore(Path(args.backup), path)
    print(f"restored {path} from {args.backup}")
    if kept is not None:
        print(f"the file as it was: {kept}")
    return 0
