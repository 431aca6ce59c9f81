"""`seminar-desk export bundle` and `seminar-desk import bundle` (registered by cmd_export and
cmd_import beside their other kinds)."""

import argparse
import sys
from pathlib import Path

from seminar_desk.cli.main import add_db_option
from seminar_desk.domain.agenda.limits import visible
from seminar_desk.paths import default_db_path


def register_export(kinds: argparse._SubParsersAction) -> None:
    sub = kinds.add_parser(
        "bundle",
        help="a bundle (.sdbundle) to merge into another laptop's file",
        description="Write the seminar, a breakout group's notes, recommendations and actions "
        "(--group), or a day's speaker logs (--day) into one bundle file that `import bundle` "
        "merges into another copy of the seminar (docs/bundles.md).",
    )
    sub.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    sub.add_argument("--day", type=int, metavar="N", help="a day's speaker logs (day number)")
    sub.add_argument(
        "--group", metavar="N", help="a breakout group's work: its number, id or a part of its name"
    )
    add_db_option(sub, default=argparse.SUPPRESS)
    sub.set_defaults(run=run_export)


def register_import(kinds: argparse._SubParsersAction) -> None:
    sub = kinds.add_parser(
        "bundle",
        help="merge a bundle from another laptop (a missing --db file is created from it)",
        description="Merge a bundle into the seminar file by the records' ids: new records are "
        "added, records changed on one side take that change, records changed on both sides "
        "are kept as conflicts to resolve in the window. A preview is printed first; the file "
        "is backed up, then changed in one transaction. A --db file that does not exist yet is "
        "created from the bundle.",
    )
    sub.add_argument("file", metavar="FILE", help="the bundle")
    sub.add_argument(
        "--dry-run", action="store_true", help="print the preview only; change nothing"
    )
    add_db_option(sub, default=argparse.SUPPRESS)
    sub.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    from seminar_desk.services.bundles.export import export_bundle
    from seminar_desk.services.bundles.scope import Scope
    from seminar_desk.services.files import open_desk, open_reader
    from seminar_desk.store.errors import ReadOnlyFileError

    db_path = Path(getattr(args, "db", None) or default_db_path())
    if not db_path.exists():
        print(visible(f"seminar-desk: {db_path}: no such seminar file"), file=sys.stderr)
        return 2
    try:
        desk = open_desk(db_path)  # it remembers what it shared (see docs/bundles.md)
    except ReadOnlyFileError:
        desk = open_reader(db_path, lasting=True, reason="read-only file")
    try:
        done = export_bundle(desk, args.output, Scope(day=args.day, group=args.group))
    finally:
        desk.close()
    print(visible(done.summary()))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from seminar_desk.services.bundles import format as fmt
    from seminar_desk.services.bundles.service import import_bundle, preview
    from seminar_desk.services.files import open_desk, read_file

    source = Path(args.file)
    if not source.is_file():
        print(visible(f"seminar-desk: {source}: no such file"), file=sys.stderr)
        return 2
    db_path = Path(getattr(args, "db", None) or default_db_path())
    bundle = fmt.read(source)  # refused before any file is created or opened
    if args.dry_run:
        if db_path.exists():
            plan = read_file(db_path, lambda desk: preview(desk, source, bundle))
        else:
            plan = preview(None, source, bundle)
        for line in plan.lines():
            print(visible(line))
        print("Dry run: nothing was changed.")
        return 0
    desk = open_desk(db_path)
    try:
        result = import_bundle(desk, source)
    finally:
        desk.close()
    for line in result.plan.lines():
        print(visible(line))
    if result.backup:
        print(visible(f"Backup of the file before the merge: {result.backup}"))
    conflicts = len(result.plan.conflicts)
    if conflicts:
        print(
            f"{conflicts} conflicts are kept to resolve in the window (File › Resolve conflicts…)."
        )
    return 0
