"""The limits every way into an agenda shares: typed edits, the CLI and every importer.

A duration is 1 minute to 24 hours; dates lie in years a seminar can have and a seminar spans at
most `MAX_SEMINAR_DAYS`; text holds no control characters other than tab and line break.
Checks return a short phrase saying what was expected (for messages that also name the place),
or None when the value is fine. `visible()` is the other side: text from files or the database
printed on a terminal shows control characters as escapes instead of obeying them.
"""

import re
from datetime import date

from seminar_desk.domain.agenda.timing import DAY_MINUTES

MIN_DURATION = 1
MAX_DURATION = DAY_MINUTES
EARLIEST_DATE = date(1970, 1, 1)
LATEST_DATE = date(2199, 12, 31)
MAX_SEMINAR_DAYS = 62
"""First to last day of a seminar, both included: two months."""
MAX_TEXT_CHARS = 128 * 1024

DURATION_RULE = f"a duration of {MIN_DURATION} to {MAX_DURATION} minutes (24 hours)"
DATE_RULE = f"a date between {EARLIEST_DATE:%Y} and {LATEST_DATE:%Y}"
TEXT_RULE = "text without control characters"

# C0 controls except tab and line feed, DEL, C1 controls, and lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n?")


def duration_problem(minutes: object) -> str | None:
    """None if `minutes` is a whole number of minutes an item may last."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        return DURATION_RULE
    return None if MIN_DURATION <= minutes <= MAX_DURATION else DURATION_RULE


def date_problem(day: date) -> str | None:
    return None if EARLIEST_DATE <= day <= LATEST_DATE else DATE_RULE


def span_problem(first: date, last: date) -> str | None:
    """None if a seminar may run from `first` to `last`, else what is wrong, in words."""
    days = (last - first).days + 1
    if days > MAX_SEMINAR_DAYS:
        return (
            f"from {first:%Y-%m-%d} to {last:%Y-%m-%d} ({days} days); a seminar lasts at most "
            f"{MAX_SEMINAR_DAYS} days"
        )
    return None


def clean_text(text: str) -> str:
    """Windows and old-Mac line breaks become plain line breaks (before checking)."""
    return _LINE_BREAKS.sub("\n", text)


def text_problem(text: str) -> str | None:
    """None if `text` may be stored: no control characters, at most MAX_TEXT_CHARS."""
    found = _CONTROL.search(text)
    if found:
        return f"{TEXT_RULE} (found {_escape(found.group())} at character {found.start() + 1})"
    if len(text) > MAX_TEXT_CHARS:
        return f"text of at most {MAX_TEXT_CHARS // 1024} KiB"
    return None


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Text safe to print on a terminal: control characters (ESC, NUL, CR...) shown as escapes.

    Tab and line break are kept; everything else that a terminal would obey is written as
    `\\x1b`, so a file cannot recolour, move the cursor or retitle the window it is shown in.
    """
    return _CONTROL.sub(lambda m: _escape(m.group()), text.replace("\r", "\\r"))
