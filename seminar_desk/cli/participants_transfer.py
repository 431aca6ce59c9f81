"""`seminar-desk import participants FILE` and `seminar-desk export participants -o OUT`:
the participant list in and out of a seminar file (subcommands of `import` and `export`)."""

import argparse
import sys
from typing import TYPE_CHECKING

from seminar_desk.cli.files import (
    Kind,
    existing_file,
    existing_seminar,
    option,
    output_format,
    read_if_there,
    seminar_of,
)
from seminar_desk.domain.agenda.limits import visible
from seminar_desk.domain.text import counted
from seminar_desk.services.participants.export import EXPORT_FORMATS

if TYPE_CHECKING:
    from seminar_desk.services.participants.imports.plan import ImportPlan


def _disagreements_left(plan: "ImportPlan") -> str | None:
    """Where the import left the seminar's values against the file's, and how to take them."""
    if not plan.disagreements or plan.prefer_file:
        return None
    rows = sorted({odd.row for _, odd in plan.disagreements})
    shown = ", ".join(map(str, rows[:20])) + (", …" if len(rows) > 20 else "")
    count = len(plan.disagreements)
    return (
        f"{counted(count, 'disagreement')} with the seminar left as the "
        f"seminar has {'them' if count != 1 else 'it'} ({'row' if len(rows) == 1 else 'rows'} "
        f"{shown} of {plan.read.source.name}); --prefer-file takes the file's values"
    )


def run_import(args: argparse.Namespace) -> int:
    from seminar_desk.services.files import open_desk
    from seminar_desk.services.participants.imports.commit import import_participants, preview
    from seminar_desk.services.participants.imports.model import ParticipantImportError
    from seminar_desk.services.participants.imports.plan import plan_against
    from seminar_desk.services.participants.imports.reading import read_participants

    prefer = bool(getattr(args, "prefer_file", False))
    source = existing_file(args.file)
    if args.dry_run:
        db_path = seminar_of(args)
    else:
        db_path = existing_seminar(
            args, "; make one first (File › New seminar in the window, or seminar-desk demo)"
        )
    try:
        read = read_participants(source)
    except ParticipantImportError as exc:
        print(visible(f"seminar-desk: nothing imported:\n{exc}"), file=sys.stderr)
        return 1
    if args.dry_run:  # reads the seminar file; creates, upgrades and changes nothing
        plan = read_if_there(
            db_path,
            lambda desk: (
                preview(desk, read, prefer_file=prefer) if desk else plan_against([], [], read)
            ),
        )
        for line in plan.preview_lines():
            print(visible(line))  # file text: shown, never obeyed by the terminal
        if read.problems:
            print(visible(f"seminar-desk: nothing would be imported:\n{read.refusal()}"))
            return 1
        print(visible(f"Dry run: would import ({plan.summary}); nothing changed."))
        left = _disagreements_left(plan)
        if left:
            print(visible(left))
        return 0
    if read.problems:
        print(visible(f"seminar-desk: nothing imported:\n{read.refusal()}"), file=sys.stderr)
        return 1
    desk = open_desk(db_path)
    try:
        result = import_participants(desk, read, prefer_file=prefer)
        for line in result.plan.preview_lines():
            print(visible(line))
        print(visible(f"Imported: {result.plan.summary} ({desk.db.location})"))
        left = _disagreements_left(result.plan)
        if left:
            print(visible(left))
        return 0
    finally:
        desk.close()


def run_export(args: argparse.Namespace) -> int:
    from seminar_desk.services.files import read_file
    from seminar_desk.services.participants.export import export_participants

    fmt = output_format(args, EXPORT_FORMATS)
    db_path = existing_seminar(args)
    count = read_file(db_path, lambda desk: export_participants(desk, fmt, args.output))
    print(visible(f"wrote {counted(count, 'participant')} to {args.output} ({fmt})"))
    return 0


PREFER_FILE_OPTION = (
    option(
        "--prefer-file",
        action="store_true",
        help="where the file and the seminar disagree on someone's title, function, gender, "
        "role or e-mail, take the file's value (default: keep the seminar's)",
    ),
)
IMPORT = Kind(
    "participants",
    "participants from CSV or XLSX (a registration system's list)",
    "Import participants. Columns (headers in any case; Indico's and OpenSlides' "
    "exports work): Name, or First name and Last name; Title; Delegation, Country or "
    "Organisation; Function or Position; Role; Gender; E-mail. Delegations are matched "
    "to the seminar's by name, code or common variant (Vietnam = Viet Nam), or "
    "created; someone already there (same name, accents and case ignored, same "
    "delegation) gets blank fields filled in; where the file says otherwise than the "
    "seminar, the seminar's value is kept (each disagreement is listed) unless "
    "--prefer-file. A preview is printed, then everything is committed, or nothing if "
    "any row is wrong.",
    run_import,
    options=PREFER_FILE_OPTION,
    file_help="the CSV or XLSX file to import",
)
EXPORT = Kind(
    "participants",
    "the participants as CSV or XLSX",
    "Export the participants by delegation then name: Title, Name, "
    "Delegation, Delegation code, Delegation kind, Function, Role, Gender, E-mail "
    "(re-importable).",
    run_export,
    formats=EXPORT_FORMATS,
)
