"""The files a command names: its seminar (`--db`, else the default), the file it reads and
the output it writes. A missing one is a `Refusal` (printed in one line by `main`, exit 2),
raised before anything is opened or created.

The kinds of `import` and `export` (agenda, participants, register, bundle) are built here
too, so each takes the same FILE, --dry-run, -o and --format the same way.
"""

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from seminar_desk.cli.main import add_db_option
from seminar_desk.domain.refusal import Refusal
from seminar_desk.paths import default_db_path
from seminar_desk.services.files import missing

if TYPE_CHECKING:
    from seminar_desk.services.desk import Desk

T = TypeVar("T")


def seminar_of(args: argparse.Namespace) -> Path | str:
    """The seminar the command works on: --db (a file or a server's URL), else the default."""
    return getattr(args, "db", None) or default_db_path()


def existing_seminar(args: argparse.Namespace, hint: str = "") -> Path | str:
    """The seminar, refused when it is a file that does not exist (`hint` says what to do)."""
    target = seminar_of(args)
    if missing(target):
        raise Refusal(f"{target}: no such seminar file{hint}")
    return target


def read_if_there(target: Path | str, work: "Callable[[Desk | None], T]") -> T:
    """`work` on the seminar opened read-only, or on None when its file is not there yet: a
    dry run previews an import into a new file without creating it."""
    from seminar_desk.services.files import read_file

    return work(None) if missing(target) else read_file(target, work)


def existing_file(name: str) -> Path:
    """The file to read, refused when it is not there."""
    source = Path(name)
    if not source.is_file():
        raise Refusal(f"{source}: no such file")
    return source


def output_format(args: argparse.Namespace, formats: Sequence[str]) -> str:
    """--format, else the output's suffix when it names one of `formats`, else the first."""
    suffix = args.output.suffix.lower().lstrip(".")
    return args.format or (suffix if suffix in formats else formats[0])


def kind_parser(
    kinds: argparse._SubParsersAction, name: str, help_text: str, description: str
) -> argparse.ArgumentParser:
    """A kind of `import` or `export`; like every command, it takes --db."""
    parser = kinds.add_parser(name, help=help_text, description=description)
    add_db_option(parser, default=argparse.SUPPRESS)
    return parser


def import_parser(
    kinds: argparse._SubParsersAction,
    name: str,
    help_text: str,
    description: str,
    file_help: str = "the file to import",
) -> argparse.ArgumentParser:
    """A kind of `import`: the FILE to read and --dry-run."""
    parser = kind_parser(kinds, name, help_text, description)
    parser.add_argument("file", metavar="FILE", help=file_help)
    parser.add_argument(
        "--dry-run", action="store_true", help="print the preview only; change nothing"
    )
    return parser


def export_parser(
    kinds: argparse._SubParsersAction,
    name: str,
    help_text: str,
    description: str,
    formats: Sequence[str] = (),
) -> argparse.ArgumentParser:
    """A kind of `export`: -o FILE and, with `formats`, --format (see `output_format`)."""
    parser = kind_parser(kinds, name, help_text, description)
    if formats:
        parser.add_argument(
            "--format",
            choices=tuple(formats),
            default=None,
            help=f"file format (default: from the file name, else {formats[0]})",
        )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    return parser
