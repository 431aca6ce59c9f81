"""What to print and how: plain values shared by the window, the command line and builders.

Kept free of reportlab so the Reports page can import it without loading the PDF library.
"""

from collections.abc import Callable
from dataclasses import dataclass

KINDS = ("session", "breakout", "day", "seminar", "agenda", "participants")
KIND_TITLES = {
    "session": "Session report",
    "breakout": "Breakout report",
    "day": "End-of-day report",
    "seminar": "Seminar report",
    "agenda": "Programme",
    "participants": "List of participants",
}

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class Cancelled(Exception):  # noqa: N818 (reads better at the call site than CancelledError)
    """The person cancelled the export; nothing was written."""


@dataclass(frozen=True)
class ReportRequest:
    """What to print: the kind and, depending on it, a day, an item or a breakout group."""

    kind: str
    day: int | None = None
    item_id: str | None = None
    group_id: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown report kind {self.kind!r}; one of {', '.join(KINDS)}")


@dataclass(frozen=True)
class ReportOptions:
    """Choices that do not depend on the data: paper, shaping, the sign-in variant."""

    paper: str = "a4"
    # harfbuzz shaping for Khmer/Thai/Lao/Myanmar words: correct glyphs on the page, but
    # reportlab 5.1 then loses some of those characters in copied/extracted text.
    shaping: bool = True
    sign_in: bool = False
