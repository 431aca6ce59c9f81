"""`seminar-desk export bundle` and `seminar-desk import bundle` (kinds of `export` and
`import`, listed by cmd_export and cmd_import)."""

import argparse

from seminar_desk.cli.files import (
    Kind,
    existing_file,
    existing_seminar,
    option,
    read_if_there,
    seminar_of,
)
from seminar_desk.domain.agenda.limits import visible
from seminar_desk.domain.text import counted


def run_export(args: argparse.Namespace) -> int:
    from seminar_desk.services.bundles.export import export_bundle
    from seminar_desk.services.bundles.scope import Scope
    from seminar_desk.services.files import open_desk, open_reader
    from seminar_desk.store.errors import ReadOnlyFileError

    db_path = existing_seminar(args)
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
    from seminar_desk.services.files import open_desk

    source = existing_file(args.file)
    db_path = seminar_of(args)
    bundle = fmt.read(source)  # refused before any file is created or opened
    if args.dry_run:
        plan = read_if_there(db_path, lambda desk: preview(desk, source, bundle))
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
            f"{counted(conflicts, 'conflict')} {'is' if conflicts == 1 else 'are'} kept to "
            "resolve in the window (File › Resolve conflicts…)."
        )
    return 0


SCOPE_OPTIONS = (
    option("--day", type=int, metavar="N", help="a day's speaker logs (day number)"),
    option(
        "--group", metavar="N", help="a breakout group's work: its number, id or a part of its name"
    ),
)
EXPORT = Kind(
    "bundle",
    "a bundle (.sdbundle) to merge into another laptop's file",
    "Write the seminar, a breakout group's notes, recommendations and actions (--group), or a "
    "day's speaker logs (--day) into one bundle file that `import bundle` merges into another "
    "copy of the seminar (docs/bundles.md).",
    run_export,
    options=SCOPE_OPTIONS,
)
IMPORT = Kind(
    "bundle",
    "merge a bundle from another laptop (a missing --db file is created from it)",
    "Merge a bundle into the seminar file by the records' ids: new records are added, records "
    "changed on one side take that change, records changed on both sides are kept as conflicts "
    "to resolve in the window. A preview is printed first; the file is backed up, then changed "
    "in one transaction. A --db file that does not exist yet is created from the bundle.",
    run_import,
    file_help="the bundle",
)
