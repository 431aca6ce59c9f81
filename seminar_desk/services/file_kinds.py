"""The kinds of file an import reads, as the agenda import (services/agenda/imports/registry.py)
and the participant import (services/participants/imports/reading.py) declare them: which kind
a file is by its name's ending, the open dialog's filter, and the kinds in words for messages."""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar


@dataclass(frozen=True)
class FileKind:
    format: str
    """The name a preview shows (csv, xlsx, ics, xml)."""
    label: str
    """The kind of file in words, for help texts and messages."""
    suffixes: tuple[str, ...]
    """File name endings, lower case, without the dot; the first is the usual one."""

    @property
    def described(self) -> str:
        return f"{self.label} ({', '.join('.' + s for s in self.suffixes)})"


K = TypeVar("K", bound=FileKind)


def kind_of(path: Path, kinds: Sequence[K]) -> K | None:
    """The kind that takes this file's name ending (in any case), or None."""
    suffix = path.suffix.lower().lstrip(".")
    return next((kind for kind in kinds if suffix in kind.suffixes), None)


def file_filter(title: str, kinds: Sequence[FileKind]) -> str:
    """An open dialog's filter: every kind's endings under `title`, then all files."""
    patterns = " ".join(f"*.{suffix}" for kind in kinds for suffix in kind.suffixes)
    return f"{title} ({patterns});;All files (*)"


def kinds_text(kinds: Sequence[FileKind]) -> str:
    """The kinds in words: "CSV (.csv, .tsv, .txt), XLSX (.xlsx, .xlsm) or iCalendar (.ics)"."""
    *first, last = [kind.described for kind in kinds]
    return f"{', '.join(first)} or {last}" if first else last


def unknown_kind(path: Path, kinds: Sequence[FileKind]) -> str:
    """The refusal of a file no kind takes, naming it and what would do."""
    return f"{path.name}: unknown kind of file; expected {kinds_text(kinds)}."
