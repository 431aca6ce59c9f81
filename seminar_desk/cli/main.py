"""Entry point of `seminar-desk` and `python main.py`.

Each command lives in a module `seminar_desk.cli.cmd_<name>` exposing `register(subparsers)`;
they are discovered here, so adding a command touches no other file.
"""

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from seminar_desk import __version__
from seminar_desk.domain.agenda.limits import visible
from seminar_desk.domain.refusal import Refusal
from seminar_desk.services.files import as_target


def add_db_option(parser: argparse.ArgumentParser, *, default: object = None) -> None:
    parser.add_argument(
        "--db",
        type=as_target,
        metavar="PATH|URL",
        default=default,
        help="seminar file, or a server's postgresql+psycopg://user@host/dbname "
        "(default: the last file opened, or one in your data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seminar-desk",
        description="Run a multi-day seminar offline. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"seminar-desk {__version__}")
    add_db_option(parser)
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the file in the window read-only: it can be read and exported, not changed",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    package = importlib.import_module("seminar_desk.cli")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            module = importlib.import_module(f"seminar_desk.cli.{info.name}")
            module.register(subparsers)
    return parser


def command_parser(
    subparsers: argparse._SubParsersAction, name: str, help_text: str
) -> argparse.ArgumentParser:
    """A subcommand that, like every command, takes --db (also accepted before the command)."""
    sub = subparsers.add_parser(name, help=help_text, description=help_text)
    add_db_option(sub, default=argparse.SUPPRESS)
    return sub


def window_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options when they only open the window (`--db`, `--read-only`), read without
    loading the commands: those load the database layer, which the window loads only once it
    is shown. None for anything else (a command, --help, a mistake): the full parser's."""
    light = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    add_db_option(light)
    light.add_argument("--read-only", action="store_true")
    try:
        args, rest = light.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    args = window_args(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    if getattr(args, "command", None) is None:
        from seminar_desk.gui.app import run_gui  # Qt is imported only for the window

        return run_gui(args.db, read_only=args.read_only)
    try:
        return int(args.run(args))
    except Refusal as exc:  # the one refusal type: one clear line, no traceback
        print(visible(f"seminar-desk: {exc}"), file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 (a bug: logged, and said in one line)
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    """Anything but a refusal is a bug: its details go to the log file (as the window's do),
    the terminal gets one line saying where; without a log, the details are printed here."""
    import traceback
    from datetime import UTC, datetime

    from seminar_desk.paths import log_path

    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} ERROR seminar-desk: {details}")
        where = f"details in {path}"
    except OSError:
        print(details, file=sys.stderr)
        where = "details above"
    said = f"seminar-desk: something went wrong ({type(exc).__name__}: {exc}); {where}"
    print(visible(said), file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
