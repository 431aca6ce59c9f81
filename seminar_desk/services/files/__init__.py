"""Seminar files and the files made from them: opening a seminar to write or only to read and
writing a report or an export (access.py), checking a file (integrity.py), and rescuing a
damaged one (rescue.py).

Callers import the public names of access.py from here (`services.files.open_desk`,
`write_output`, ...); they load on first use (PEP 562), so importing the package stays light.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seminar_desk.services.files.access import (
        OUTPUT_MODE,
        SEMINAR_SUFFIXES,
        OutputRefused,
        as_target,
        describe,
        make_data_folder,
        missing,
        open_desk,
        open_reader,
        read_file,
        refuse_output,
        replace_atomically,
        write_output,
        writers_of,
    )

__all__ = [
    "OUTPUT_MODE",
    "SEMINAR_SUFFIXES",
    "OutputRefused",
    "as_target",
    "describe",
    "make_data_folder",
    "missing",
    "open_desk",
    "open_reader",
    "read_file",
    "refuse_output",
    "replace_atomically",
    "write_output",
    "writers_of",
]


# Names about where a seminar lives, which need no database layer (the command line's `--db`
# before the window shows): taken from where access.py takes them, without loading it.
_ADDRESS = frozenset({"as_target", "describe", "missing"})


def __getattr__(name: str) -> object:
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = "seminar_desk.store.address" if name in _ADDRESS else f"{__name__}.access"
    try:
        return getattr(import_module(module), name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
