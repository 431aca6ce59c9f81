"""The files a command names: its seminar (`--db`, else the default), the file it reads and
the output it writes. A missing one is a `Refusal` (printed in one line by `main`, exit 2),
raised before anything is opened or created.

The kinds of `import` and `export` (agenda, participants, register, bundle) are declared as
`Kind`s and built here, so each takes the same FILE, --dry-run, -o and --format the same way.
"""

import argparse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from seminar_desk.cli.main import add_db_option, command_parser
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


@dataclass(frozen=True)
class Option:
    """An option only one kind takes: `add_argument(*flags, **settings)`."""

    flags: tuple[str, ...]
    settings: dict[str, Any]


def option(*flags: str, **settings: Any) -> Option:
    return Option(flags, settings)


@dataclass(frozen=True)
class Kind:
    """A kind of `import` or `export` (agenda, participants, register, bundle): its name, its
    one-line help and its description, what runs it and the options only it takes."""

    name: str
    help: str
    description: str
    run: Callable[[argparse.Namespace], int]
    options: Sequence[Option] = ()
    formats: Sequence[str] = ()
    """An export's --format choices; the first when the output's name says none."""
    file_help: str = "the file to import"


def import_command(
    subparsers: argparse._SubParsersAction, help_text: str, kinds: Iterable[Kind]
) -> None:
    """`import KIND FILE [--dry-run]`: a dry run prints the preview and changes nothing."""

    def takes_a_file(parser: argparse.ArgumentParser, kind: Kind) -> None:
        parser.add_argument("file", metavar="FILE", help=kind.file_help)
        parser.add_argument(
            "--dry-run", action="store_true", help="print the preview only; change nothing"
        )

    _add_kinds(subparsers, "import", help_text, kinds, takes_a_file)


def export_command(
    subparsers: argparse._SubParsersAction, help_text: str, kinds: Iterable[Kind]
) -> None:
    """`export KIND -o FILE [--format F]` (see `output_format`)."""

    def writes_a_file(parser: argparse.ArgumentParser, kind: Kind) -> None:
        if kind.formats:
            parser.add_argument(
                "--format",
                choices=tuple(kind.formats),
                default=None,
                help=f"file format (default: from the file name, else {kind.formats[0]})",
            )
        parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")

    _add_kinds(subparsers, "export", help_text, kinds, writes_a_file)


def _add_kinds(
    subparsers: argparse._SubParsersAction,
    command: str,
    help_text: str,
    kinds: Iterable[Kind],
    common: Callable[[argparse.ArgumentParser, Kind], None],
) -> None:
    parser = command_parser(subparsers, command, help_text)
    choices = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind in kinds:
        sub = choices.add_parser(kind.name, help=kind.help, description=kind.description)
        common(sub, kind)
        for own in kind.options:
            sub.add_argument(*own.flags, **own.settings)
        add_db_option(sub, default=argparse.SUPPRESS)  # like every command, it takes --db
        sub.set_defaults(run=kind.run)
